// Ponte's service worker: the family area opens without a connection (docs/pwa.md).
// `cargo xtask build` fills in the shell's content-hashed file names and a version derived from
// them, and writes this file to `/sw.js`; each deploy therefore installs a new shell cache and
// removes the old one.
//
// - The shell (CSS, fonts, icon sprite, pwa.js, the offline page, favicon, manifest) is
//   precached and served cache-first: hashed names never go stale.
// - Navigations under /famiglia go to the network first. The last successful copy of each such
//   page is kept and served when the network fails, with a `Server-Timing: ponte-saved` entry
//   that pwa.js reads to show the page's offline note. Nothing kept: the offline page, in the
//   language of the last page kept (`/famiglia/senza-rete`, else the static Italian one).
// - Nothing else is ever stored: no other page (/scuola, /accedi, /esci…), no /api/, no request
//   other than GET, no response with `Cache-Control: no-store`, no redirect or error.
// - Signed out: a /famiglia response that redirects (to /accedi) or answers 401/403 drops every
//   kept page, and so does the sign-out form (pwa.js). The caches are this origin's Cache
//   Storage, so `Clear-Site-Data: "cache", "storage"` on `POST /esci` removes them too, with
//   this worker's registration.

const VERSION = "__VERSION__";
const SHELL = __SHELL__;
const OFFLINE_PAGE = "__OFFLINE__";
const SHELL_CACHE = `ponte-shell-${VERSION}`;
const PAGES_CACHE = "ponte-famiglia";
// The offline page in the family's language (the worker's `/famiglia/senza-rete`), fetched again
// whenever a kept page arrives in another language (its `Content-Language`).
const LANG_CACHE = "ponte-lingua";
const OFFLINE_IN_LANG = "/famiglia/senza-rete";

const isFamilyPage = (url) =>
  url.origin === self.location.origin &&
  (url.pathname === "/famiglia" || url.pathname.startsWith("/famiglia/"));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter(
        (name) => name.startsWith("ponte-shell-") && name !== SHELL_CACHE,
      );
      await Promise.all(old.map((name) => caches.delete(name)));
      // Kept pages name the old shell's files: fetch them again while online.
      if (old.length) await refreshPages();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (isFamilyPage(url)) event.respondWith(networkFirst(event));
    return;
  }
  if (SHELL.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

// From pwa.js: keep the page just loaded (the first visit, before this worker controlled it),
// or forget every kept page (the sign-out form was sent).
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep" && typeof data.url === "string") {
    const url = new URL(data.url, self.location.origin);
    if (isFamilyPage(url)) event.waitUntil(keep(url.href).catch(() => {}));
  } else if (data.type === "forget") {
    event.waitUntil(forget());
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  return cached || fetch(request);
}

async function networkFirst(event) {
  const request = event.request;
  let response;
  try {
    response = await fetch(request);
  } catch {
    return (await saved(request.url)) || offlinePage();
  }
  if (response.status >= 500) {
    const copy = await saved(request.url);
    if (copy) return copy;
  }
  event.waitUntil(store(request.url, response.clone()));
  return response;
}

async function keep(url) {
  await store(url, await fetch(url, { credentials: "same-origin", redirect: "manual" }));
}

async function refreshPages() {
  const cache = await caches.open(PAGES_CACHE);
  for (const request of await cache.keys()) {
    await keep(request.url).catch(() => {});
  }
}

// Keep a family page's response, or forget them all when it says the person is signed out.
async function store(url, response) {
  if (
    response.type === "opaqueredirect" ||
    response.redirected ||
    response.status === 401 ||
    response.status === 403
  ) {
    await forget();
    return;
  }
  const cacheControl = response.headers.get("Cache-Control") || "";
  if (response.status !== 200 || response.type !== "basic" || /no-store/i.test(cacheControl)) {
    return;
  }
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(url, response.clone());
  await offlineInLang(response.headers.get("Content-Language")).catch(() => {});
}

async function offlineInLang(lang) {
  if (!lang) return;
  const cache = await caches.open(LANG_CACHE);
  const kept = await cache.match(OFFLINE_IN_LANG);
  if (kept && kept.headers.get("Content-Language") === lang) return;
  const page = await fetch(OFFLINE_IN_LANG, { credentials: "same-origin" });
  if (page.ok) await cache.put(OFFLINE_IN_LANG, page);
}

function forget() {
  return caches.delete(PAGES_CACHE);
}

async function saved(url) {
  const copy = await caches.match(url, { cacheName: PAGES_CACHE, ignoreVary: true });
  return copy && marked(copy);
}

async function offlinePage() {
  const page =
    (await caches.match(OFFLINE_IN_LANG, { cacheName: LANG_CACHE })) ||
    (await caches.match(OFFLINE_PAGE, { cacheName: SHELL_CACHE }));
  return page ? marked(page) : Response.error();
}

// A response from the caches, marked so that the page can tell (pwa.js).
function marked(response) {
  const headers = new Headers(response.headers);
  headers.append("Server-Timing", "ponte-saved");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
