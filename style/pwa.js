// The family area as an installable web app (docs/pwa.md): registers the service worker and
// shows the page's offline note when this copy is one the service worker kept (it marks those
// with a `Server-Timing: ponte-saved` entry) or when the device is offline. An external module:
// the Content-Security-Policy allows no inline script.
const note = document.querySelector(".offline-note");
const nav = performance.getEntriesByType("navigation")[0];
const saved = !!nav && (nav.serverTiming || []).some((t) => t.name === "ponte-saved");
const showNote = () => {
  if (note) note.hidden = !(saved || navigator.onLine === false);
};
showNote();
addEventListener("online", showNote);
addEventListener("offline", showNote);

const sw = navigator.serviceWorker;
if (sw) {
  // Signing out forgets the kept pages at once (the response's Clear-Site-Data removes them
  // too, where the browser supports it).
  for (const form of document.querySelectorAll('form[action="/esci"]')) {
    form.addEventListener("submit", () => sw.controller?.postMessage({ type: "forget" }));
  }
  const register = () =>
    sw
      .register("/sw.js", { scope: "/" })
      // The first visit: the worker did not see this page arrive, so it fetches it to keep it.
      .then(() => sw.controller || sw.ready.then((r) => r.active?.postMessage({ type: "keep", url: location.href })))
      .catch(() => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
