// A local OpenID Connect provider standing in for SPID or CIE in dev and in the tests.
//
//   node tests/oidc/provider.mjs --port P --name spid|cie --title "SPID (demo)" \
//     --identities FILE --client-id ID --client-secret S --redirect-uri URI [--redirect-uri URI2 ...] \
//     --alg RS256|ES256 --claim sub|fiscal_number
//
// Issuer http://127.0.0.1:P. One registered confidential client (client_secret_basic,
// authorization code, PKCE S256 required), ID tokens signed with --alg by keys made at start.
// The sign-in page lists the demo people of FILE (a JSON array of {cf, given_name, family_name,
// label}) as one button each; choosing one signs in and consents to everything asked.
// `--claim sub`: sub = the codice fiscale (as the Ministry's gateway and CIE do).
// `--claim fiscal_number`: sub = an opaque stable id (the first 32 hex digits of
// sha256("<name>:<cf>")), fiscal_number = TINIT-<cf> (as SPID brokers do).
// `--name spid`: the sign-in page also asks the SPID level (2 by default, or 1: user name and
// password only), and the ID token says it in `acr` (https://www.spid.gov.it/SpidL1|SpidL2), so
// the tests can prove that Ponte refuses a level-1 sign-in.
// Prints exactly one line, `ready http://127.0.0.1:P`, on stdout once listening; everything else
// goes to stderr. Stops on SIGTERM or SIGINT.

// oidc-provider prints its notices with console.info (stdout): keep stdout for the ready line.
// Two warnings are expected here and only noise: Node 20 (it works) and the in-memory store.
const expected = /Unsupported runtime|in-memory adapter is used/;
const warn = console.warn.bind(console);
console.warn = (...args) => { if (!expected.test(String(args[0]))) warn(...args); };
console.log = console.info = (...args) => console.error(...args);

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { default: Provider } = await import('oidc-provider');

function fail(message) {
  process.stderr.write(`provider.mjs: ${message}\n`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      identities: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      alg: { type: 'string', default: 'RS256' },
      claim: { type: 'string', default: 'sub' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  fail(e.message);
}

for (const k of ['port', 'name', 'title', 'identities', 'client-id', 'client-secret', 'redirect-uri']) {
  if (args[k] === undefined) fail(`--${k} is required`);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`bad --port ${args.port}`);
if (!['spid', 'cie'].includes(args.name)) fail('--name must be spid or cie');
if (!['RS256', 'ES256'].includes(args.alg)) fail('--alg must be RS256 or ES256');
if (!['sub', 'fiscal_number'].includes(args.claim)) fail('--claim must be sub or fiscal_number');

let identities;
try {
  identities = JSON.parse(readFileSync(args.identities, 'utf8'));
} catch (e) {
  fail(`cannot read identities from ${args.identities}: ${e.message}`);
}
if (!Array.isArray(identities)) fail('the identities file must hold a JSON array');
for (const p of identities) {
  for (const k of ['cf', 'given_name', 'family_name', 'label']) {
    if (typeof p?.[k] !== 'string' || p[k] === '') fail(`identity without "${k}": ${JSON.stringify(p)}`);
  }
}

const fiscalNumberMode = args.claim === 'fiscal_number';
/** The account id, which is also `sub`. */
const accountIdOf = (cf) => (fiscalNumberMode
  ? createHash('sha256').update(`${args.name}:${cf}`).digest('hex').slice(0, 32)
  : cf);
const byAccountId = new Map(identities.map((p) => [accountIdOf(p.cf), p]));
const spid = args.name === 'spid';
/** The SPID levels (`acr`) the page offers, by the value of its `level` field. */
const SPID_LEVELS = {
  1: 'https://www.spid.gov.it/SpidL1',
  2: 'https://www.spid.gov.it/SpidL2',
};
const byCf = new Map(identities.map((p) => [p.cf, p]));

function signingKey(type, options, kid) {
  const { privateKey } = generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig' };
}
const stamp = Date.now().toString(36);
const jwks = {
  keys: [
    signingKey('rsa', { modulusLength: 2048 }, `rsa-${stamp}`),
    signingKey('ec', { namedCurve: 'P-256' }, `p256-${stamp}`),
  ],
};

const issuer = `http://127.0.0.1:${port}`;
const label = `[oidc ${args.name}]`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: args['redirect-uri'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: args.alg,
  }],
  jwks,
  acrValues: spid ? Object.values(SPID_LEVELS) : [],
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  ttl: {
    AccessToken: 3600,
    AuthorizationCode: 120,
    Grant: 8 * 3600,
    IdToken: 3600,
    Interaction: 3600,
    Session: 8 * 3600,
  },
  // Put the person's claims in the ID token, not only behind userinfo.
  conformIdTokenClaims: false,
  scopes: ['openid', 'profile'],
  claims: {
    openid: fiscalNumberMode ? ['sub', 'fiscal_number'] : ['sub'],
    profile: ['given_name', 'family_name'],
  },
  features: {
    devInteractions: { enabled: false },
  },
  interactions: {
    url: (ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  // Skip consent: whatever a signed-in person's client asks for is granted.
  async loadExistingGrant(ctx) {
    const { oidc } = ctx;
    const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
    let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
    if (!grant) {
      if (!oidc.session.accountId) return undefined;
      grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
    }
    grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
    grant.addOIDCClaims([...oidc.requestParamClaims]);
    await grant.save();
    return grant;
  },
  async findAccount(ctx, sub) {
    const person = byAccountId.get(sub);
    if (!person) return undefined;
    return {
      accountId: sub,
      async claims() {
        const claims = { sub, given_name: person.given_name, family_name: person.family_name };
        if (fiscalNumberMode) claims.fiscal_number = `TINIT-${person.cf}`;
        return claims;
      },
    };
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Errore', `<h1>Errore</h1><p>${escape(out.error)}${out.error_description ? `: ${escape(out.error_description)}` : ''}</p>`);
  },
  async logoutSource(ctx, form) {
    ctx.type = 'html';
    ctx.body = page('Uscita', `<h1>Vuoi uscire da ${escape(args.title)}?</h1>${form}
<button form="op.logoutForm" type="submit" name="logout" value="yes">Esci</button>
<button form="op.logoutForm" type="submit">No</button>`);
  },
  async postLogoutSuccessSource(ctx) {
    ctx.type = 'html';
    ctx.body = page('Uscita', `<h1>Sei uscito da ${escape(args.title)}</h1>`);
  },
});

for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error', 'end_session.error', 'jwks.error', 'discovery.error']) {
  provider.on(event, (ctx, err) => {
    process.stderr.write(`${label} ${event}: ${err?.error ?? ''} ${err?.error_description ?? err?.message ?? ''}\n`);
    if (event === 'server_error' && err?.stack) process.stderr.write(`${err.stack}\n`);
  });
}

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  }[c]));
}

function page(heading, body) {
  return `<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(args.title)} – ${escape(heading)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}
ul{list-style:none;padding:0}
li{margin:.5rem 0}
fieldset{border:1px solid #767676;border-radius:4px;margin:0 0 1rem;padding:.5rem 1rem}
fieldset label{display:block;padding:.25rem 0}
button{display:block;width:100%;text-align:left;padding:.75rem 1rem;font:inherit;border:2px solid #0066cc;border-radius:4px;background:#fff;color:#003366;cursor:pointer}
button:hover,button:focus{background:#e6f0fa}
button:focus{outline:3px solid #003366;outline-offset:2px}
.label{display:block;font-weight:600}
.name{display:block;font-size:.9rem;color:#333}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function pickerPage(uid) {
  const buttons = identities.map((p) => `<li><button type="submit" name="cf" value="${escape(p.cf)}"><span class="label">${escape(p.label)}</span> <span class="name">${escape(p.given_name)} ${escape(p.family_name)}</span></button></li>`).join('\n');
  const levels = spid ? `<fieldset>
<legend>Livello SPID</legend>
<label><input type="radio" name="level" value="2" checked> Livello 2 (password e codice temporaneo)</label>
<label><input type="radio" name="level" value="1"> Livello 1 (solo nome utente e password)</label>
</fieldset>` : '';
  return page('Accesso', `<h1>${escape(args.title)}</h1>
<p>Ambiente dimostrativo: scegli la persona con cui entrare.</p>
<form method="post" action="/interaction/${escape(uid)}/login">
${levels}
<ul>
${buttons}
</ul>
</form>`);
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (e) {
    return send(res, 400, page('Errore', `<h1>Sessione di accesso non valida</h1><p>${escape(e.message)}</p>`));
  }
  if (details.uid !== uid) return send(res, 400, page('Errore', '<h1>Sessione di accesso non valida</h1>'));
  const prompt = details.prompt.name;

  if (req.method === 'GET' && action === undefined) {
    if (prompt === 'login') return send(res, 200, pickerPage(uid));
    // Consent is granted by loadExistingGrant; should the provider still ask, grant everything.
    return finishConsent(req, res, details);
  }
  if (req.method === 'POST' && action === 'login') {
    if (prompt !== 'login') return send(res, 400, page('Errore', '<h1>Richiesta inattesa</h1>'));
    const form = await readForm(req);
    const person = byCf.get(form.get('cf') ?? '');
    if (!person) return send(res, 400, page('Errore', '<h1>Persona sconosciuta</h1>'));
    const login = { accountId: accountIdOf(person.cf) };
    if (spid) {
      const acr = SPID_LEVELS[form.get('level') ?? '2'];
      if (!acr) return send(res, 400, page('Errore', '<h1>Livello SPID sconosciuto</h1>'));
      login.acr = acr;
    }
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }
  return send(res, 405, page('Errore', '<h1>Metodo non ammesso</h1>'));
}

async function finishConsent(req, res, details) {
  const { prompt: { name, details: missing }, params, session, grantId } = details;
  if (name !== 'consent') return send(res, 400, page('Errore', '<h1>Richiesta inattesa</h1>'));
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  if (missing.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
const server = createServer((req, res) => {
  const m = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?\/?(?:\?.*)?$/.exec(req.url ?? '');
  if (!m) return callback(req, res);
  interaction(req, res, m[1], m[2]).catch((e) => {
    process.stderr.write(`${label} interaction error: ${e.stack ?? e}\n`);
    if (!res.headersSent) send(res, 500, page('Errore', '<h1>Errore interno</h1>'));
    else res.end();
  });
});

server.on('error', (e) => fail(`cannot listen on 127.0.0.1:${port}: ${e.message}`));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
