// For `cargo xtask bench`: load each page in Debian's Chromium at 360 px and print, as JSON,
// every URL the first load fetched (HTML, CSS, fonts, icons, script, wasm; on the family pages
// also what the service worker fetches as it installs), and for the family pages the session
// cookie they were loaded with (signed in as the demo guardian). xtask then weighs each URL in
// brotli bytes.
import { chromium } from "playwright-core";
import { needsSignIn, signIn } from "./signin.mjs";

const BASE = process.env.PONTE_BASE_URL;
const pages = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const out = {};
for (const asked of pages) {
  // `/famiglia@ar`: the family page in that language (its cookie, as the language menu sets it).
  const [path, lang] = asked.split("@");
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "it-IT" });
  let cookie = needsSignIn(path) ? await signIn(context, BASE) : null;
  if (lang) {
    await context.addCookies([{ name: "__Host-ponte-lingua", value: lang, domain: new URL(BASE).hostname, path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
    cookie = [cookie, `__Host-ponte-lingua=${lang}`].filter(Boolean).join("; ");
  }
  const page = await context.newPage();
  const urls = new Set();
  // Context-wide, so that the service worker's own requests count too.
  context.on("requestfinished", (r) => urls.add(r.url()));
  await page.goto(BASE + path, { waitUntil: "networkidle" });
  if (new URL(page.url()).pathname !== path.split("?")[0]) throw new Error(`${path} ended at ${page.url()}`);
  await page.waitForTimeout(1000);
  // The service worker's script is fetched outside the page and the context's events.
  const sw = await page.evaluate(() => navigator.serviceWorker?.getRegistration().then((r) => r?.active?.scriptURL));
  if (sw) urls.add(sw);
  out[asked] = { urls: [...urls], cookie };
  await context.close();
}
await browser.close();
console.log(JSON.stringify(out));
