// The family's languages (issue 20, docs/design.md §11): a parent whose browser prefers Romanian
// reads Ponte in Romanian, changes to Arabic from the menu, acknowledges a notice, justifies an
// absence and sees the results in Arabic; every family page in every language with nothing left
// untranslated, right to left in Arabic and Urdu, axe-clean in Arabic, Chinese and Urdu, and a
// screenshot at 360 px of each.
import assert from "node:assert/strict";

// Each language's tag (the `lang` of <html>) and a word its /famiglia heading must have.
const LANGS = [
  ["it", "La situazione dei suoi figli"],
  ["en", "Your children's attendance"],
  ["fr", "La situation de vos enfants"],
  ["es", "La situación de sus hijos"],
  ["ro", "Situația copiilor dumneavoastră"],
  ["sq", "Gjendja e fëmijëve tuaj"],
  ["uk", "Становище ваших дітей"],
  ["ar", "وضع أبنائكم"],
  ["zh-Hans", "您子女的情况"],
  ["ur", "آپ کے بچوں کی صورتِ حال"],
];
const RTL = new Set(["ar", "ur"]);

export function languages({ test, BASE, newPage, axe, shot, signIn, parentOfTwo, primaryClass, secondaryClass }) {
  // What a page must not show: a placeholder left unfilled.
  async function filled(page, what) {
    const text = await page.locator("body").innerText();
    assert.doesNotMatch(text, /\{[a-z_]+\}/, `${what}: a placeholder left unfilled`);
  }

  async function choose(page, tag) {
    await page.locator("details.lang-menu > summary").click();
    await Promise.all([
      page.waitForEvent("framenavigated"),
      page.locator(`details.lang-menu button[value="${tag}"]`).click(),
    ]);
    await page.waitForLoadState();
    assert.equal(await page.getAttribute("html", "lang"), tag);
  }

  test("a parent whose browser prefers Romanian changes to Arabic, acknowledges a notice, justifies an absence and reads the results in Arabic", async () => {
    // The office asks the children's classes to acknowledge a notice (through the API).
    const office = await newPage();
    await signIn(office, "CIE", "Segreteria", "/scuola");
    const school = /\/scuola\/(\d+)/.exec(await office.locator('a[href*="/avvisi"]').first().getAttribute("href"))[1];
    await office.goto(`${BASE}/scuola/${school}/avvisi`);
    const csrf = await office.locator('input[name="csrf"]').first().getAttribute("value");
    const title = `Uscita didattica ${Date.now()}`;
    const posted = await office.request.post(`${BASE}/api/v1/schools/${school}/notices`, {
      headers: { "x-csrf-token": csrf, origin: new URL(BASE).origin },
      data: { title, body: "Partenza alle 8.", audience: "classes",
              audience_value: `${primaryClass} ${secondaryClass}`, requires_ack: true },
    });
    assert.equal(posted.status(), 201, await posted.text());
    await office.context().close();

    const page = await newPage("ro-RO");
    await signIn(page, "SPID", parentOfTwo.label, "/famiglia");
    assert.equal(new URL(page.url()).pathname, "/famiglia");
    assert.equal(await page.getAttribute("html", "lang"), "ro", "the browser's Romanian, first visit");
    assert.equal(await page.locator("h1").textContent(), "Situația copiilor dumneavoastră");
    await shot(page, "lingue-ro-famiglia");

    await choose(page, "ar");
    assert.equal(new URL(page.url()).pathname, "/famiglia");
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    assert.equal(await page.locator("h1").textContent(), "وضع أبنائكم");
    const cookie = (await page.context().cookies()).find((c) => c.name === "__Host-ponte-lingua");
    assert.ok(cookie && cookie.value === "ar" && cookie.secure && cookie.httpOnly, JSON.stringify(cookie));
    await filled(page, "/famiglia in Arabic");
    await axe(page, "/famiglia (ar)");
    await shot(page, "lingue-ar-famiglia");

    // The notice, acknowledged in Arabic; the school's own words stay Italian, marked so.
    await page.goto(`${BASE}/famiglia/avvisi`);
    await page.locator(`a[lang="it"]`, { hasText: title }).click();
    assert.equal(await page.locator("h1").getAttribute("lang"), "it");
    await page.getByRole("button", { name: "أؤكد أنني اطّلعت عليه" }).click();
    await page.locator("[data-acknowledged]").waitFor();
    assert.match(await page.locator("[data-acknowledged]").textContent(), /سُجّل تأكيد الاطلاع بتاريخ/);
    await axe(page, "/famiglia/avvisi/{id} (ar)");
    await shot(page, "lingue-ar-avviso");

    // An absence justified in Arabic: the confirmation and the absence's state in Arabic.
    const id = await page.goto(`${BASE}/famiglia`).then(() =>
      page.locator("section.dashboard").first().getAttribute("data-pupil"));
    await page.goto(`${BASE}/famiglia/alunni/${id}`);
    const box = page.locator("section[aria-labelledby='da-giustificare'] input[name='absences']").first();
    const absence = await box.getAttribute("value");
    await box.check();
    await page.locator("section[aria-labelledby='da-giustificare'] select").selectOption("family");
    await page.locator("section[aria-labelledby='da-giustificare'] button[type='submit']").click();
    await page.locator("#conferma").waitFor();
    assert.match(await page.locator("#conferma").textContent(), /ستقرر المدرسة/);
    assert.match(await page.locator(`li[data-absence="${absence}"]`).textContent(), /أُرسل التبرير، في انتظار المدرسة/);
    await filled(page, "/famiglia/alunni/{id} in Arabic");
    await axe(page, "/famiglia/alunni/{id} (ar, sent)");
    await shot(page, "lingue-ar-alunno");

    // The choice is the guardian's too: a new browser that prefers Romanian opens in Arabic.
    const other = await newPage("ro-RO");
    await signIn(other, "SPID", parentOfTwo.label, "/famiglia");
    assert.equal(await other.getAttribute("html", "lang"), "ar", "the profile's language");
    await other.context().close();
    // Back to Italian for the other tests of this parent.
    await choose(page, "it");
    await page.context().close();
  });

  test("every family page in every language: translated, right to left in Arabic and Urdu, axe-clean, at 360 px", async () => {
    const page = await newPage();
    await signIn(page, "SPID", parentOfTwo.label, "/famiglia");
    const id = await page.locator("section.dashboard").first().getAttribute("data-pupil");
    for (const [tag, heading] of LANGS) {
      await page.goto(`${BASE}/famiglia`);
      await choose(page, tag);
      assert.equal(await page.getAttribute("html", "dir"), RTL.has(tag) ? "rtl" : "ltr", tag);
      assert.equal((await page.locator("h1").textContent()).trim(), heading, tag);
      for (const path of ["/famiglia", "/famiglia/avvisi", `/famiglia/alunni/${id}`, "/traduzioni"]) {
        await page.goto(`${BASE}${path}`);
        assert.equal(await page.getAttribute("html", "lang"), tag, `${path} in ${tag}`);
        await filled(page, `${path} in ${tag}`);
        if (tag !== "it") {
          assert.equal(await page.locator('.translation-note a[href="/traduzioni"]').count(), 1, `${path} in ${tag}: the translation note`);
        }
        if (["ar", "zh-Hans", "ur"].includes(tag)) await axe(page, `${path} (${tag})`);
      }
      await page.goto(`${BASE}/famiglia`);
      await shot(page, `lingue-${tag}-famiglia`);
      await page.goto(`${BASE}/famiglia/avvisi`);
      await shot(page, `lingue-${tag}-avvisi`);
    }
    // Back to Italian for the other tests of this parent.
    await choose(page, "it");
    await page.context().close();
  });
}
