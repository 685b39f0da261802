// Browser tests of the hosts' publishing wizard (/enti/pubblica, issue 7), as a person would:
// a public body (iPA pre-fill → preview → draft saved to a file and loaded back → submit → a PEC
// envelope signed by the test provider delivered to the worker's e-mail handler → published →
// found in the search → notice .eml written), a professional (declared PEC, not in INI-PEC: the
// proof waits for the Ponte operator, who approves it at /operatore), and a company (its legal
// representative in the local Registro delle imprese; declaration downloaded, signed with
// `openssl cms` through `cargo xtask sign-p7m`, uploaded).
// Plus a tampered draft file, refused with a message, and "Annulla modifiche" asking first.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VERIFY_TO = "verifica@pec.ponte.example";

export function publishing({ test, BASE, newPage, axe, shot, hydrated, signIn }) {
  const XTASK = process.env.PONTE_XTASK;
  const PKI = join(process.env.PONTE_DEMO_DIR || "target/demo", "pki");
  const work = mkdtempSync(join(tmpdir(), "ponte-publish-"));
  const n = Date.now() % 100000000;

  const xtask = (args) => execFileSync(XTASK, args, { maxBuffer: 1 << 24 });

  // The local registry of record's test endpoints (`cargo xtask test` gives its address).
  async function registryPut(path, body) {
    const r = await fetch(`${process.env.PONTE_TEST_REGISTRY_URL}${path}`, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${process.env.PONTE_TEST_REGISTRY_SECRET}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200, `local registry ${path}`);
  }

  // A PEC envelope from `sender` with `subject`, posted to wrangler dev's local e-mail endpoint
  // with the provider's address as SMTP sender (as a real PEC arrives): the HTTP status.
  async function deliverPec(sender, subject) {
    const raw = xtask(["pec-envelope", "--pki", PKI, "--from", sender, "--to", VERIFY_TO, "--subject", subject]);
    const from = /^From:.*<([^>]+)>/m.exec(raw.toString("latin1"))?.[1] ?? sender;
    const r = await fetch(`${BASE}/cdn-cgi/handler/email?from=${encodeURIComponent(from)}&to=${encodeURIComponent(VERIFY_TO)}`, {
      method: "POST", body: raw, headers: { "content-type": "message/rfc822" },
    });
    return r.status;
  }

  // The notice wrangler wrote for the MAIL binding (system temp, miniflare-*/files/email).
  function noticeContaining(needle) {
    const found = [];
    const walk = (dir, depth) => {
      let entries = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        // Another worker's miniflare folder may vanish (or be closed to us) while we walk the
        // temp dir: not ours, skip it. Anything else is a real failure.
        if (e.code === "ENOENT" || e.code === "EACCES") return;
        throw e;
      }
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory() && depth < 6) walk(p, depth + 1);
        else if (e.name.endsWith(".eml")) found.push(p);
      }
    };
    for (const d of readdirSync(tmpdir())) if (d.startsWith("miniflare-")) walk(join(tmpdir(), d), 0);
    return found
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
      .map((f) => readFileSync(f, "utf8"))
      .find((t) => t.includes(needle));
  }

  async function next(page) {
    await page.getByRole("button", { name: "Avanti" }).click();
  }

  // The wizard's current step, by its title ("Passo 3 di 6 Percorsi offerti").
  async function onStep(page, title) {
    await page.locator("h2.step-title", { hasText: title }).waitFor();
  }

  async function start(page) {
    await page.goto(`${BASE}/enti/pubblica`);
    await hydrated(page);
    await page.getByLabel("Ho letto l'informativa sul trattamento dei dati personali").check();
    await next(page);
  }

  // Step 3 for one path kind: the checkbox, students, one period, a figure found by title.
  async function offer(page, students, figureWord, figureTitle) {
    const pcto = page.getByRole("group", { name: /Alternanza scuola-lavoro/ });
    await pcto.getByLabel("Offriamo questo percorso").check();
    await pcto.getByLabel("Numero massimo di studenti").fill(String(students));
    // A new offer starts with one empty period (a fresh form: nothing kept from an earlier tick).
    await pcto.getByLabel("Dal").first().waitFor();
    assert.equal(await pcto.getByLabel("Dal").count(), 1, "a new offer has one period");
    await pcto.getByLabel("Dal").first().fill("2027-01-11");
    await pcto.getByLabel("Al", { exact: true }).first().fill("2027-03-26");
    await pcto.getByLabel("Cerca una figura per nome").fill(figureWord);
    await pcto.getByRole("button", { name: "Cerca", exact: true }).click();
    const results = pcto.getByRole("list", { name: "Risultati della ricerca" });
    await results.getByRole("listitem").filter({ hasText: figureTitle }).first()
      .getByRole("button", { name: /Aggiungi/ }).click();
    await pcto.getByRole("group", { name: "Figure scelte" }).getByText(figureTitle, { exact: false }).first().waitFor();
    await pcto.getByLabel("Attività da svolgere")
      .fill("Affiancamento al personale nelle attività quotidiane, con un tutor dedicato.");
  }

  // Step 4: the first place (unless pre-filled), the description, an e-mail.
  async function placeAndContacts(page, { address, cap, region, province, comune, email, pec }) {
    if (address) {
      await page.getByLabel("Indirizzo").first().fill(address);
      await page.getByLabel("CAP").first().fill(cap);
      await page.getByLabel("Regione").first().selectOption(region);
      await page.getByLabel("Provincia").first().selectOption(province);
      await page.waitForFunction(() => document.querySelectorAll("select option").length > 50);
      await page.getByLabel("Comune").first().selectOption(comune);
    }
    await page.getByLabel(/Chi siete e che cosa fate|Descrizione/).first()
      .fill("Un ambiente accogliente con personale esperto che segue gli studenti passo passo.");
    await page.getByLabel("E-mail", { exact: false }).first().fill(email);
    if (pec) await page.getByLabel(/^PEC/).first().fill(pec);
  }

  async function previewAndSubmit(page, name, shotName) {
    await next(page);
    const preview = page.getByRole("region", { name: "Anteprima del profilo" });
    await preview.getByRole("heading", { name }).waitFor({ timeout: 15000 });
    await axe(page, `${shotName} anteprima`);
    await shot(page, `${shotName}-anteprima`);
    await next(page);
    await page.getByRole("button", { name: "Invia il profilo" }).click();
    const code = page.locator("text=/[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/").first();
    await code.waitFor({ timeout: 15000 });
    const text = await code.textContent();
    const found = /([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/.exec(text)[1];
    // The way back once the tab is closed: the declaration's page, by its code (issue 23 point 1).
    const back = page.getByRole("link", { name: "pagina della dichiarazione" });
    assert.equal(await back.getAttribute("href"), `/enti/pubblica/dichiarazione?codice=${found}`);
    return found;
  }

  async function waitPublished(page) {
    const link = page.getByRole("link", { name: /profilo pubblicato|Vedi il profilo|Apri il profilo/i });
    await link.waitFor({ timeout: 20000 });
    const href = await link.getAttribute("href");
    const id = /\/enti\/(\d+)/.exec(href)[1];
    return id;
  }

  async function findInSearch(page, query, id) {
    await page.goto(`${BASE}/enti?${query}`);
    // A result's link carries the search it was found by (`/enti/12?q=…`).
    await page.locator(`a[href="/enti/${id}"], a[href^="/enti/${id}?"]`).first().waitFor({ timeout: 5000 });
  }

  test("publishing: a public body, iPA pre-fill, draft file saved and loaded, PEC, search, notice", async () => {
    const page = await newPage();
    await start(page);
    await page.getByLabel("Ente pubblico").check();
    await page.getByLabel("Codice iPA o Codice Univoco Ufficio").fill("UFB7CM");
    await page.getByRole("button", { name: "Verifica" }).click();
    await page.getByText("Trovato nell'iPA: Biblioteca Consortile Colmerlo").waitFor();
    assert.equal(await page.getByLabel("Denominazione").inputValue(), "Biblioteca Consortile Colmerlo");
    assert.equal(await page.getByLabel("Codice fiscale dell'ente").inputValue(), "80000678906");
    assert.equal(await page.getByLabel("PEC istituzionale").inputValue(), "biblioteca@pec.colmerlo.example");
    await axe(page, "pubblica chi siete");
    await shot(page, "pubblica-chi-siete");
    await next(page);
    await offer(page, 2, "bibliotec", "Assistenti di archivio e di biblioteca");
    await shot(page, "pubblica-percorsi");

    // Save the draft to a file, discard everything (asked first), load the file back.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Salva bozza su file" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^bozza-profilo-\d{4}-\d{2}-\d{2}\.json$/);
    const draftPath = join(work, "bozza.json");
    await download.saveAs(draftPath);
    const saved = JSON.parse(readFileSync(draftPath, "utf8"));
    assert.equal(saved.format, "ponte-bozza-profilo");
    assert.equal(saved.draft.ipa_code, "UFB7CM");
    await page.getByRole("button", { name: "Annulla modifiche" }).click();
    await page.getByRole("button", { name: "No, continua la compilazione" }).click();
    assert.equal(await page.getByLabel("Numero massimo di studenti").first().inputValue(), "2");
    await page.getByRole("button", { name: "Annulla modifiche" }).click();
    await page.getByRole("button", { name: "Sì, annulla le modifiche" }).click();
    await page.getByText("Modifiche annullate").waitFor();

    // A tampered copy is refused with a message, and nothing is loaded.
    const tampered = JSON.parse(readFileSync(draftPath, "utf8"));
    tampered.draft.name = "Altro nome";
    const tamperedPath = join(work, "bozza-modificata.json");
    writeFileSync(tamperedPath, JSON.stringify(tampered, null, 2));
    await page.locator("input[type=file][accept*=json]").setInputFiles(tamperedPath);
    await page.getByText(/modificato dopo il salvataggio/).waitFor();
    await page.locator("input[type=file][accept*=json]").setInputFiles(draftPath);
    await page.getByText("Bozza caricata dal file").waitFor();

    // Discarding also withdrew the privacy acceptance, and the file does not bring it back:
    // the wizard is on its first step. Accept again and go on to places and contacts, the
    // loaded draft passing each step.
    await onStep(page, "Informativa privacy");
    await page.getByLabel("Ho letto l'informativa sul trattamento dei dati personali").check();
    await next(page);
    await onStep(page, "Chi siete");
    assert.equal(await page.getByLabel("Denominazione").inputValue(), "Biblioteca Consortile Colmerlo");
    await next(page);
    await onStep(page, "Percorsi offerti");
    await next(page);
    await onStep(page, "Sedi e contatti");
    await placeAndContacts(page, { email: "biblioteca@colmerlo.example" });
    await shot(page, "pubblica-sedi");
    const code = await previewAndSubmit(page, "Biblioteca Consortile Colmerlo", "pubblica-ente");
    await page.getByText("biblioteca@pec.colmerlo.example").first().waitFor();
    assert.equal(await page.getByText("Bozza caricata dal file").count(), 0, "the load note stays on its step");
    await axe(page, "pubblica invio");
    await shot(page, "pubblica-codice");

    assert.equal(await deliverPec("biblioteca@pec.colmerlo.example", `Conferma ${code}`), 200);
    const id = await waitPublished(page);
    await shot(page, "pubblica-pubblicato");
    await findInSearch(page, "q=colmerlo&kind=ente_pubblico", id);
    await page.goto(`${BASE}/enti/${id}`);
    await page.getByRole("heading", { name: "Biblioteca Consortile Colmerlo" }).waitFor();
    const notice = noticeContaining(code);
    assert.ok(notice, "a publication notice .eml");
    assert.ok(notice.includes(`/enti/${id}`));
    assert.match(notice, /To: biblioteca@pec\.colmerlo\.example/);
    await page.context().close();
  });

  test("publishing: a professional confirms from the declared PEC", async () => {
    const page = await newPage();
    await start(page);
    await page.getByLabel("Professionista").check();
    const cf = String(xtask(["fresh-cf", "TSTBRW", String(n)])).trim();
    const name = `Studio Prova ${n}`;
    await page.getByLabel("Nome e cognome o denominazione dello studio").fill(name);
    await page.getByLabel("Codice fiscale del professionista").fill(cf);
    const pec = `studio${n}@pec.esempio.example`;
    await page.getByLabel("PEC", { exact: true }).fill(pec);
    await next(page);
    await offer(page, 1, "contabil", "Contabili");
    await next(page);
    await placeAndContacts(page, {
      address: "Corso Lario 4", cap: "20121", region: "03", province: "MI", comune: "015146",
      email: `studio${n}@esempio.example`,
    });
    const code = await previewAndSubmit(page, name, "pubblica-professionista");
    await page.getByText(/INI-PEC non la riporta/).first().waitFor();
    // Coming back later, in another tab, with the code (issue 23 point 1).
    const back = await newPage();
    await back.goto(`${BASE}/enti/pubblica`);
    await back.getByRole("link", { name: /Ritrovate la dichiarazione/ }).click();
    await back.getByLabel("Codice della dichiarazione").fill(code);
    await back.getByRole("button", { name: "Apri la dichiarazione" }).click();
    await back.getByText("Confermate con la PEC").waitFor();
    assert.ok((await back.locator(".declaration").textContent()).includes(pec));
    await back.getByText("Annulla la dichiarazione", { exact: true }).waitFor();
    await axe(back, "/enti/pubblica/dichiarazione");
    await shot(back, "pubblica-dichiarazione");
    await back.context().close();
    assert.equal(await deliverPec(pec, code), 200);
    // The proof arrived, but nothing is published before an operator looks at it.
    await page.getByText(/un operatore di Ponte verificherà la dichiarazione/).waitFor({ timeout: 20000 });
    await shot(page, "pubblica-professionista-in-verifica");
    await axe(page, "pubblica professionista in verifica");
    await page.context().close();

    // The operator: the queue with the evidence, a reason, approve.
    const op = await newPage();
    await signIn(op, "CIE", "Operatore di Ponte", "/operatore");
    const card = op.locator(`[data-declaration="${code}"]`);
    await card.waitFor();
    assert.match(await card.textContent(), new RegExp(pec.replace(/[.]/g, "\\.")));
    await shot(op, "operatore-coda");
    await axe(op, "/operatore");
    await card.getByLabel("Motivazione").fill("Iscrizione all'albo verificata; la casella PEC è dello studio.");
    await card.getByRole("button", { name: "Approva e pubblica" }).click();
    await op.waitForURL(`${BASE}/operatore`);
    assert.equal(await op.locator(`[data-declaration="${code}"]`).count(), 0, "decided, gone from the queue");
    const s = await (await fetch(`${BASE}/api/v1/declarations/${code}`)).json();
    assert.equal(s.status, "published");
    await findInSearch(op, `q=${n}&kind=professionista`, s.host_id);
    await op.context().close();
  });

  test("publishing: a company signs the declaration (CAdES) and uploads it", async () => {
    const page = await newPage();
    await start(page);
    await page.getByLabel("Impresa").check();
    const rep = String(xtask(["fresh-cf", "TSTBRL", String(n)])).trim();
    const piva = String(xtask(["fresh-piva", String(n)])).trim();
    const name = `Officine Browser ${n} S.r.l.`;
    await registryPut(`/test/imprese/${piva}`, { legali_rappresentanti: [{ codice_fiscale: rep }] });
    await page.getByLabel("Denominazione").fill(name);
    await page.getByLabel("Partita IVA").fill(piva);
    await page.getByLabel("Codice fiscale del legale rappresentante").fill(rep);
    await page.getByLabel("Codice ATECO dell'attività").fill("25.62.00");
    await next(page);
    await offer(page, 3, "meccanic", "Meccanici");
    await next(page);
    await placeAndContacts(page, {
      address: "Via Roma 1", cap: "00184", region: "12", province: "RM", comune: "058091",
      email: `officine${n}@esempio.example`, pec: `officine${n}@pec.esempio.example`,
    });
    const code = await previewAndSubmit(page, name, "pubblica-impresa");
    // The draft saved now leads back to its declaration (issue 23 point 1).
    const [draftFile] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Salva bozza su file" }).click(),
    ]);
    const draftJson = JSON.parse(readFileSync(await draftFile.path(), "utf8"));
    assert.equal(draftJson.declaration, code);
    assert.equal(draftJson.step, 6);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Scaricate la dichiarazione|Scarica la dichiarazione/ }).click(),
    ]);
    const docPath = join(work, `dichiarazione-${code}.txt`);
    await download.saveAs(docPath);
    assert.ok(readFileSync(docPath, "utf8").includes(`Codice della dichiarazione: ${code}`));
    const p7m = xtask(["sign-p7m", "--pki", PKI, "--cf", rep, "--name", "Legale Rappresentante", docPath]);
    const p7mPath = join(work, `dichiarazione-${code}.txt.p7m`);
    writeFileSync(p7mPath, p7m);
    await page.locator("input[type=file][accept*=p7m]").setInputFiles(p7mPath);
    // Choosing the file uploads nothing by itself: the button does.
    await page.getByRole("button", { name: "Carica la dichiarazione firmata" }).click();
    const id = await waitPublished(page);
    assert.ok(await page.locator("input[type=file][accept*=p7m]").isHidden(), "no upload once published");
    assert.ok(await page.getByText(/Il codice scade/).isHidden(), "no expiry once published");
    await shot(page, "pubblica-impresa-pubblicata");
    await axe(page, "pubblica impresa pubblicata");
    await findInSearch(page, `q=${n}&ateco=25.62`, id);
    await page.context().close();
  });
}
