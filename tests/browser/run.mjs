// Browser tests: Debian's Chromium driven by playwright-core, against the worker that
// `cargo xtask test` started. Every page at 360 px, axe-core (WCAG 2.1 AA) with zero
// violations, no request leaving the origin, no console error (a CSP violation is one).
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";

const BASE = process.env.PONTE_BASE_URL;
const SHOTS = process.env.PONTE_SCREENSHOTS || "target/screenshots";
if (!BASE) throw new Error("PONTE_BASE_URL is not set: run through `cargo xtask test`");
mkdirSync(SHOTS, { recursive: true });
const origin = new URL(BASE).origin;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
  ],
  // playwright gives every launch a fresh, empty user-data-dir of its own.
});

const foreign = [];
const consoleErrors = [];
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "it-IT" });
  const page = await context.newPage();
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // The status of a page we asked for on purpose (400 for a bad filter, 404) is not an error.
    const expected = /Failed to load resource: the server responded with a status of (400|404)/.test(m.text())
      && /province=XX|pagina-che-non-esiste/.test(page.url());
    if (!expected) consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  return page;
}

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const v = result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  assert.deepEqual(v, [], `axe violations on ${name}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function hydrated(page) {
  await page.waitForSelector("html[data-hydrated='true']", { timeout: 20000 });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("home: three doors, accessible", async () => {
  const page = await newPage();
  const r = await page.goto(`${BASE}/`);
  assert.equal(r.status(), 200);
  for (const door of ["Famiglia", "Scuola", "Ente ospitante"]) {
    await page.getByRole("link", { name: new RegExp(door) }).first().waitFor();
  }
  await axe(page, "/");
  await shot(page, "home");
  await page.context().close();
});

test("search by dependent place filters, shared URL, pagination", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/enti`);
  await hydrated(page);
  const provincesBefore = await page.locator("#f-province option").count();
  await page.selectOption("#f-region", { label: "Lombardia" });
  const provinces = await page.locator("#f-province option").allTextContents();
  assert.ok(provinces.length > 1 && provinces.length < provincesBefore, "region narrows provinces");
  assert.ok(provinces.some((p) => p.includes("(BG)")), "Lombardy lists Bergamo");
  assert.ok(!provinces.some((p) => p.includes("(RM)")), "Lombardy does not list Rome");
  assert.ok(await page.locator("#f-comune").isDisabled(), "comune waits for a province");
  await page.selectOption("#f-province", "BG");
  await page.waitForFunction(() => document.querySelectorAll("#f-comune option").length > 100);
  assert.ok(!(await page.locator("#f-comune").isDisabled()));
  await page.click("button[type=submit]");
  await page.waitForURL(/province=BG/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("region"), "03");
  assert.equal(url.searchParams.get("province"), "BG");
  const count = await page.locator(".results-count").textContent();
  assert.match(count, /\d+ enti trovati|1 ente trovato/);
  const cards = await page.locator(".card-meta").allTextContents();
  assert.ok(cards.length > 0);
  for (const c of cards) assert.match(c, /\(BG\)/, "every result is in Bergamo province");
  await axe(page, "/enti?region=03&province=BG");
  await shot(page, "enti-bergamo");

  // The same link in a fresh page shows the same results and the filters chosen.
  const names = await page.locator(".card-title").allTextContents();
  const again = await newPage();
  await again.goto(page.url());
  await hydrated(again);
  assert.deepEqual(await again.locator(".card-title").allTextContents(), names);
  assert.equal(await again.locator("#f-province").inputValue(), "BG");
  assert.equal(await again.locator("#f-region").inputValue(), "03");
  await again.context().close();

  // Pagination keeps the filters.
  await page.goto(`${BASE}/enti?path=pcto`);
  await page.getByRole("link", { name: "Successiva" }).click();
  await page.waitForURL(/page=2/);
  assert.equal(new URL(page.url()).searchParams.get("path"), "pcto");
  await page.context().close();
});

test("search by text, open a detail page", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/enti`);
  await hydrated(page);
  await page.fill("#f-q", "mecc");
  await page.click("button[type=submit]");
  await page.waitForURL(/q=mecc/);
  const titles = await page.locator(".card-title").allTextContents();
  assert.ok(titles.length > 0, "mecc finds hosts");
  await shot(page, "enti-testo");
  const first = page.locator(".card-title a").first();
  const name = (await first.textContent()).trim();
  await first.click();
  await page.waitForURL(/\/enti\/\d+$/);
  assert.equal((await page.locator("h1").textContent()).trim(), name);
  await page.getByRole("heading", { name: "Contatti" }).waitFor();
  await axe(page, "detail");
  await shot(page, "ente");
  await page.context().close();
});

test("a bad filter in the URL shows the error, accessibly", async () => {
  const page = await newPage();
  const r = await page.goto(`${BASE}/enti?province=XX`);
  assert.equal(r.status(), 400);
  await page.getByRole("alert").waitFor();
  await axe(page, "/enti?province=XX");
  await page.context().close();
});

test("calculator computes in the browser and shows the seed table", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/calcolo-assenze`);
  await hydrated(page);
  const before = page.url();
  await page.fill("#c-weekly", "30");
  await page.fill("#c-daily", "6");
  const fig = (k) => page.locator(`dd[data-k=${k}]`).textContent();
  await page.waitForFunction(() => document.querySelector("dd[data-k=max]")?.textContent === "247");
  assert.equal(await fig("annual"), "990");
  assert.equal(await fig("min"), "743");
  assert.equal(await fig("days"), "41");
  assert.equal(page.url(), before, "computed without a request");
  await page.fill("#c-weekly", "40");
  await page.waitForFunction(() => document.querySelector("dd[data-k=max]")?.textContent === "330");
  await page.fill("#c-weekly", "70");
  await page.locator(".calc-result .alert-danger").waitFor();
  const rows = await page.locator(".limits-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(rows, [
    ["40", "1320", "990", "330"], ["28", "924", "693", "231"], ["29", "957", "718", "239"],
    ["30", "990", "743", "247"], ["32", "1056", "792", "264"], ["36", "1188", "891", "297"],
  ]);
  await page.fill("#c-weekly", "30");
  await axe(page, "/calcolo-assenze");
  await shot(page, "calcolo-assenze");
  await page.context().close();
});

test("sources and not-found pages", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/fonti`);
  await axe(page, "/fonti");
  const r = await page.goto(`${BASE}/pagina-che-non-esiste`);
  assert.equal(r.status(), 404);
  await axe(page, "404");
  await page.context().close();
});

let failed = 0;
for (const t of tests) {
  try {
    await t.fn();
    console.log(`ok   ${t.name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${e.stack || e}`);
  }
}
try {
  assert.deepEqual(foreign, [], "no request leaves the origin");
  console.log("ok   no request left the origin");
} catch (e) { failed++; console.log(`FAIL ${e.message}: ${foreign.join(", ")}`); }
try {
  assert.deepEqual(consoleErrors, [], "no console errors");
  console.log("ok   no console errors");
} catch (e) { failed++; console.log(`FAIL console errors:\n     ${consoleErrors.join("\n     ")}`); }
await browser.close();
console.log(`${tests.length + 2 - failed} passed, ${failed} failed; screenshots in ${SHOTS}`);
process.exit(failed ? 1 : 0);
