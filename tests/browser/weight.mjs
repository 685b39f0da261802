// For `cargo xtask bench`: load each page in Debian's Chromium at 360 px and print, as JSON,
// every URL the first load fetched (HTML, CSS, fonts, icons, script, wasm). xtask then weighs
// each one in brotli bytes.
import { chromium } from "playwright-core";

const BASE = process.env.PONTE_BASE_URL;
const pages = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
const out = {};
for (const path of pages) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "it-IT" });
  const page = await context.newPage();
  const urls = new Set();
  page.on("requestfinished", (r) => urls.add(r.url()));
  await page.goto(BASE + path, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  out[path] = [...urls];
  await context.close();
}
await browser.close();
console.log(JSON.stringify(out));
