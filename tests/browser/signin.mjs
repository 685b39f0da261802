// Signing in for the bench scripts (weight.mjs, lighthouse.mjs), as a person does and as run.mjs
// does: Ponte's /accedi page, the local identity provider's page, pick the demo person. Returns
// the session cookie as a `Cookie` header value.
import { readFileSync } from "node:fs";

/// The demo guardian whose family page the bench measures (the start of the label: the classes
/// follow it).
export const GUARDIAN = "Genitore di due alunni (";

/// Pages that need a signed-in guardian.
export const needsSignIn = (path) => path === "/famiglia" || path.startsWith("/famiglia/");

export function demoPerson(label) {
  const file = process.env.PONTE_DEMO_IDENTITIES;
  if (!file) throw new Error("PONTE_DEMO_IDENTITIES is not set: run through `cargo xtask bench`");
  const people = JSON.parse(readFileSync(file, "utf8"));
  const p = people.find((x) => x.label === label) || people.find((x) => x.label.startsWith(label));
  if (!p) throw new Error(`no demo person labelled ${label}`);
  return p;
}

/// Sign `context` in (a playwright BrowserContext) and return the session cookie header.
export async function signIn(context, base, label = GUARDIAN, provider = "SPID", next = "/famiglia") {
  const person = demoPerson(label);
  const page = await context.newPage();
  await page.goto(`${base}/accedi?next=${encodeURIComponent(next)}`);
  // By its address: the sign-in page speaks the browser's language.
  await page.locator(`a[href^="/accedi/${provider.toLowerCase()}"]`).click();
  await page.getByText(person.label, { exact: true }).click();
  const origin = new URL(base).origin;
  await page.waitForURL((u) => u.origin === origin && !u.pathname.startsWith("/accedi"));
  await page.close();
  const sid = (await context.cookies(origin)).find((c) => c.name === "__Host-ponte-sid");
  if (!sid) throw new Error(`signed in as ${person.label}, but no session cookie`);
  return `${sid.name}=${sid.value}`;
}
