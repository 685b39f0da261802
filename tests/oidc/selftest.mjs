// End-to-end check of tests/oidc/provider.mjs without Ponte: for RS256 + fiscal_number and for
// ES256 + sub, sign in with authorization code + PKCE + state + nonce + prompt=login, pick a demo
// person on the provider's page, redeem the code with client_secret_basic, verify the ID token
// against the JWKS and its claims, and check that a tampered token fails.
//
//   node tests/oidc/selftest.mjs      (exit code 0 when everything holds)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const b64url = (buf) => Buffer.from(buf).toString('base64url');
const fromB64url = (s) => Buffer.from(s, 'base64url');

const identities = [
  { cf: 'RSSMRA80A01H501U', given_name: 'Maria', family_name: 'Rossi', label: 'Genitore di due alunni (3A, 1B)' },
  { cf: 'VRDLGU75C12F205X', given_name: 'Luigi', family_name: 'Verdi', label: 'Docente di matematica' },
];
const chosen = identities[1];
const clientId = 'ponte-selftest';
const clientSecret = randomBytes(16).toString('hex');
const redirectUri = 'http://127.0.0.1:9/auth/callback';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function startProvider(args) {
  const child = spawn(process.execPath, [join(here, 'provider.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`provider not ready in 20 s\n${stderr}`)), 20_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^ready (\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, issuer: m[1], stdout: () => out, stderr: () => stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`provider exited (${code}) before ready\n${stderr}`));
    });
  });
}

function stopProvider({ child }) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}

/** fetch with a cookie jar for one origin; never follows redirects. */
function browser() {
  const jar = new Map();
  return async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) jar.delete(name); else jar.set(name, value);
    }
    return res;
  };
}

function decodeJwt(jwt) {
  const parts = jwt.split('.');
  assert.equal(parts.length, 3, 'a JWS has three parts');
  return {
    header: JSON.parse(fromB64url(parts[0])),
    payload: JSON.parse(fromB64url(parts[1])),
    signingInput: Buffer.from(`${parts[0]}.${parts[1]}`),
    signature: fromB64url(parts[2]),
  };
}

function verifyJwt(jwt, jwks, alg) {
  const { header, payload, signingInput, signature } = decodeJwt(jwt);
  if (header.alg !== alg) throw new Error(`alg ${header.alg}, wanted ${alg}`);
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`no key ${header.kid} in the JWKS`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = alg === 'ES256'
    ? verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, signature)
    : verify('sha256', signingInput, key, signature);
  if (!ok) throw new Error('bad signature');
  return payload;
}

async function run({ alg, claim, name, title }) {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-oidc-'));
  const file = join(dir, 'identities.json');
  writeFileSync(file, JSON.stringify(identities));
  const port = await freePort();
  const p = await startProvider([
    '--port', String(port), '--name', name, '--title', title, '--identities', file,
    '--client-id', clientId, '--client-secret', clientSecret,
    '--redirect-uri', 'http://127.0.0.1:9/other', '--redirect-uri', redirectUri,
    '--alg', alg, '--claim', claim,
  ]);
  try {
    assert.equal(p.issuer, `http://127.0.0.1:${port}`);
    assert.equal(p.stdout(), `ready ${p.issuer}\n`, 'exactly one line on stdout');

    const discovery = await (await fetch(`${p.issuer}/.well-known/openid-configuration`)).json();
    assert.equal(discovery.issuer, p.issuer);
    assert.ok(discovery.id_token_signing_alg_values_supported.includes(alg));
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    assert.deepEqual(jwks.keys.map((k) => k.kty).sort(), ['EC', 'RSA']);
    for (const k of jwks.keys) assert.ok(k.kid && !k.d && !k.p, 'public keys only, with kids');

    const go = browser();

    // Without PKCE the request is refused (PKCE required).
    {
      const u = new URL(discovery.authorization_endpoint);
      u.search = new URLSearchParams({
        client_id: clientId, response_type: 'code', scope: 'openid profile', redirect_uri: redirectUri,
        state: 'x', nonce: 'y',
      });
      const res = await go(u);
      assert.equal(res.status, 303);
      // Back to the client with the error, not on to the provider's own login page.
      const back = new URL(res.headers.get('location'), discovery.authorization_endpoint);
      assert.equal(`${back.origin}${back.pathname}`, redirectUri, 'a request without PKCE is sent back');
      assert.equal(back.searchParams.get('error'), 'invalid_request');
    }

    const state = b64url(randomBytes(16));
    const nonce = b64url(randomBytes(16));
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    const auth = new URL(discovery.authorization_endpoint);
    auth.search = new URLSearchParams({
      client_id: clientId, response_type: 'code', scope: 'openid profile', redirect_uri: redirectUri,
      state, nonce, code_challenge: challenge, code_challenge_method: 'S256', prompt: 'login',
      // What Ponte asks SPID for; the page's default level answers it.
      ...(name === 'spid' ? { acr_values: 'https://www.spid.gov.it/SpidL2' } : {}),
    });

    let res = await go(auth);
    assert.equal(res.status, 303, `authorize: ${res.status} ${await res.text()}`);
    const interactionUrl = new URL(res.headers.get('location'), p.issuer);
    assert.match(interactionUrl.pathname, /^\/interaction\/[\w-]+$/);

    res = await go(interactionUrl);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<html lang="it">/);
    assert.ok(html.includes(`<title>${title}`), 'title from --title');
    assert.ok(!/<script/.test(html), 'no scripts');
    // The only link is the empty inline icon (no favicon request, so no console 404).
    for (const [link] of html.matchAll(/<link\b[^>]*>/g)) assert.match(link, /href="data:[^"]*"/, `an inline link only: ${link}`);
    assert.ok(!/https?:\/\/(?!127\.0\.0\.1)/.test(html), 'no third-party resources');
    for (const id of identities) assert.ok(html.includes(id.label), `button for ${id.label}`);
    assert.ok(html.indexOf(identities[0].label) < html.indexOf(identities[1].label), 'order kept');
    const action = /<form method="post" action="([^"]+)"/.exec(html)[1];
    const postUrl = new URL(action, interactionUrl);

    // An unknown person is refused.
    res = await go(postUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cf: 'NOTAPERSON00000' }),
    });
    assert.equal(res.status, 400);
    await res.text();

    res = await go(postUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ cf: chosen.cf }),
    });
    assert.equal(res.status, 303, `login: ${res.status} ${await res.text()}`);

    // Follow the provider's own redirects until it sends us back to the client.
    let location = new URL(res.headers.get('location'), p.issuer);
    for (let hops = 0; location.origin === p.issuer; hops += 1) {
      assert.ok(hops < 5, 'too many redirects');
      res = await go(location);
      assert.ok([302, 303].includes(res.status), `${location}: ${res.status} ${await res.text()}`);
      location = new URL(res.headers.get('location'), p.issuer);
    }
    assert.equal(`${location.origin}${location.pathname}`, redirectUri);
    assert.equal(location.searchParams.get('error'), null, location.searchParams.get('error_description'));
    assert.equal(location.searchParams.get('state'), state);
    assert.equal(location.searchParams.get('iss'), p.issuer);
    const code = location.searchParams.get('code');
    assert.ok(code);

    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    const tokenRequest = (verifierToSend) => fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifierToSend,
      }),
    });
    res = await tokenRequest(verifier);
    const tokens = await res.json();
    assert.equal(res.status, 200, JSON.stringify(tokens));
    assert.ok(tokens.id_token);

    const claims = verifyJwt(tokens.id_token, jwks, alg);
    const now = Math.floor(Date.now() / 1000);
    assert.equal(claims.iss, p.issuer);
    assert.equal(claims.aud, clientId);
    assert.equal(claims.nonce, nonce);
    assert.ok(claims.exp > now && claims.iat <= now + 5, 'exp in the future');
    assert.equal(claims.given_name, chosen.given_name);
    assert.equal(claims.family_name, chosen.family_name);
    if (claim === 'sub') {
      assert.equal(claims.sub, chosen.cf);
      assert.equal(claims.fiscal_number, undefined);
    } else {
      assert.match(claims.sub, /^[0-9a-f]{32}$/);
      assert.notEqual(claims.sub, chosen.cf);
      assert.equal(claims.fiscal_number, `TINIT-${chosen.cf}`);
    }
    // SPID: the level chosen on the page (2 unless 1 is picked) is the token's `acr`.
    if (name === 'spid') assert.deepEqual(discovery.acr_values_supported, ['https://www.spid.gov.it/SpidL1', 'https://www.spid.gov.it/SpidL2']);
    assert.equal(claims.acr, name === 'spid' ? 'https://www.spid.gov.it/SpidL2' : undefined);

    // A tampered token fails: changed payload, changed signature, other key.
    const [h, pl, sig] = tokens.id_token.split('.');
    const forged = b64url(JSON.stringify({ ...claims, sub: identities[0].cf }));
    assert.throws(() => verifyJwt(`${h}.${forged}.${sig}`, jwks, alg), /bad signature/);
    const flipped = fromB64url(sig);
    flipped[10] ^= 1;
    assert.throws(() => verifyJwt(`${h}.${pl}.${b64url(flipped)}`, jwks, alg), /bad signature/);
    const otherKid = jwks.keys.find((k) => k.kid !== decodeJwt(tokens.id_token).header.kid).kid;
    const otherHeader = b64url(JSON.stringify({ ...decodeJwt(tokens.id_token).header, kid: otherKid }));
    assert.throws(() => verifyJwt(`${otherHeader}.${pl}.${sig}`, jwks, alg));

    // The code is single use.
    res = await tokenRequest(verifier);
    assert.equal(res.status, 400);
    await res.text();

    // prompt=login shows the picker again although the session is signed in.
    res = await go(auth);
    assert.equal(res.status, 303);
    const again = new URL(res.headers.get('location'), p.issuer);
    assert.match(again.pathname, /^\/interaction\//);
    res = await go(again);
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes(identities[0].label));

    const payload = Object.keys(claims).sort().join(', ');
    console.log(`ok ${name} ${alg} --claim ${claim}: id_token claims ${payload}`);
  } catch (e) {
    process.stderr.write(`--- provider stderr ---\n${p.stderr()}--- end ---\n`);
    throw e;
  } finally {
    const exit = await stopProvider(p);
    rmSync(dir, { recursive: true, force: true });
    assert.equal(exit, 0, `provider exit on SIGTERM: ${exit}`);
  }
}

try {
  await run({ alg: 'RS256', claim: 'fiscal_number', name: 'spid', title: 'SPID (demo)' });
  await run({ alg: 'ES256', claim: 'sub', name: 'cie', title: 'CIE (demo)' });
  console.log('selftest passed');
} catch (e) {
  console.error(e);
  process.exit(1);
}
