// For `cargo xtask bench`: Lighthouse (node API) on each page given, in Debian's Chromium with
// Lighthouse's defaults: mobile emulation and simulated throttling (slow 4G, 4× CPU). The family
// pages are measured signed in as the demo guardian (signed in through the local provider's
// page, the session cookie passed as an extra header). Prints JSON: per page, the scores (0–100),
// LCP in ms, the bytes transferred and the ids of the audits that did not pass.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { needsSignIn, signIn } from "./signin.mjs";

const BASE = process.env.PONTE_BASE_URL;
if (!BASE) throw new Error("PONTE_BASE_URL is not set: run through `cargo xtask bench`");
const pages = process.argv.slice(2);
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

let cookie = null;
if (pages.some(needsSignIn)) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [...FLAGS, "--disable-quic"] });
  const context = await browser.newContext({ locale: "it-IT" });
  cookie = await signIn(context, BASE);
  await browser.close();
}

const score = (c) => (c && c.score !== null ? Math.round(c.score * 100) : null);
const out = {};
// One Lighthouse run of `path` in a fresh Chromium: its report.
async function audit(path) {
  const userDataDir = mkdtempSync(join(tmpdir(), "ponte-lighthouse-"));
  const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: FLAGS, userDataDir });
  try {
    const extraHeaders = { "Accept-Language": "it-IT,it;q=0.9" };
    if (cookie && needsSignIn(path)) extraHeaders.Cookie = cookie;
    const result = await lighthouse(BASE + path, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders,
    });
    return result.lhr;
  } finally {
    await chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

for (const path of pages) {
  {
    // A trace Lighthouse failed to record (NO_NAVSTART, NO_FCP: "please run Lighthouse
    // again") is run once more in a fresh browser; scores are never retried.
    let lhr = await audit(path);
    if (lhr.runtimeError && /^NO_(NAVSTART|FCP)$/.test(lhr.runtimeError.code)) lhr = await audit(path);
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const final = new URL(lhr.finalDisplayedUrl || lhr.finalUrl);
    if (final.pathname !== new URL(BASE + path).pathname) throw new Error(`${path} ended at ${final}`);
    const failed = new Set();
    for (const category of Object.values(lhr.categories)) {
      for (const ref of category.auditRefs) {
        const a = lhr.audits[ref.id];
        if (a && a.score !== null && a.score < 0.9) failed.add(ref.id);
      }
    }
    out[path] = {
      performance: score(lhr.categories.performance),
      accessibility: score(lhr.categories.accessibility),
      best_practices: score(lhr.categories["best-practices"]),
      lcp_ms: Math.round(lhr.audits["largest-contentful-paint"].numericValue),
      fcp_ms: Math.round(lhr.audits["first-contentful-paint"].numericValue),
      tbt_ms: Math.round(lhr.audits["total-blocking-time"].numericValue),
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      bytes: Math.round(lhr.audits["total-byte-weight"].numericValue),
      failed: [...failed],
    };
  }
}
console.log(JSON.stringify(out));
