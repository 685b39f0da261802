// The local stand-in for the registries of record that Ponte asks before publishing a host
// profile (worker/src/registry.rs, docs/publishing.md "Registry"): the Registro delle imprese's
// legal representatives and INI-PEC's addresses, over the same HTTP contract as the
// deployment's gateway. `cargo xtask dev` and the tests start it.
//
//   node tests/registry/server.mjs --port N --secret S --data data/registro-esempio.json
//
// Contract (every request needs `Authorization: Bearer S`, else 401):
//   GET /v1/imprese/{partita_iva}/legali-rappresentanti → 200 {"legali_rappresentanti": [...]} | 404
//   GET /v1/ini-pec/{codice fiscale or partita IVA}     → 200 {"pec": "..."} | 404
// Test-only (this server only; the tests register the fresh bodies they make):
//   PUT /test/imprese/{partita_iva}  {"legali_rappresentanti": [{"codice_fiscale": "..."}]}
//   PUT /test/ini-pec/{id}           {"pec": "..."}
//   PUT /test/outage/{id}            {"down": true|false}  → questions about {id} answer 503
//   (per identifier, so tests running side by side do not see each other's outage)
// Prints `ready http://127.0.0.1:N` once listening; exits on SIGTERM.

import http from "node:http";
import fs from "node:fs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith("--")) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const port = Number(args.port);
const secret = args.secret;
if (!port || !secret) {
  console.error("usage: server.mjs --port N --secret S [--data FILE]");
  process.exit(2);
}
const data = args.data ? JSON.parse(fs.readFileSync(args.data, "utf8")) : {};
const imprese = new Map(Object.entries(data.imprese ?? {}));
const iniPec = new Map(Object.entries(data.ini_pec ?? {}));
const down = new Set();

const send = (res, status, body) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c) => {
      raw += c;
      if (raw.length > 65536) reject(new Error("too large"));
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(raw || "{}"));
      } catch (e) {
        reject(e);
      }
    });
  });

const server = http.createServer(async (req, res) => {
  if (req.headers.authorization !== `Bearer ${secret}`) return send(res, 401, { error: "unauthorized" });
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let m;
  try {
    if (req.method === "GET") {
      const id = (path.match(/^\/v1\/(?:imprese|ini-pec)\/([^/]+)/) ?? [])[1];
      if (id && down.has(id.toUpperCase())) return send(res, 503, { error: "outage" });
      if ((m = path.match(/^\/v1\/imprese\/([^/]+)\/legali-rappresentanti$/))) {
        const i = imprese.get(m[1].toUpperCase());
        return i ? send(res, 200, { legali_rappresentanti: i.legali_rappresentanti ?? [] }) : send(res, 404, {});
      }
      if ((m = path.match(/^\/v1\/ini-pec\/([^/]+)$/))) {
        const pec = iniPec.get(m[1].toUpperCase());
        return pec ? send(res, 200, { pec }) : send(res, 404, {});
      }
    }
    if (req.method === "PUT") {
      const body = await readBody(req);
      if ((m = path.match(/^\/test\/imprese\/([^/]+)$/))) {
        imprese.set(m[1].toUpperCase(), { legali_rappresentanti: body.legali_rappresentanti ?? [] });
        return send(res, 200, {});
      }
      if ((m = path.match(/^\/test\/ini-pec\/([^/]+)$/))) {
        if (body.pec) iniPec.set(m[1].toUpperCase(), body.pec);
        else iniPec.delete(m[1].toUpperCase());
        return send(res, 200, {});
      }
      if ((m = path.match(/^\/test\/outage\/([^/]+)$/))) {
        if (body.down === true) down.add(m[1].toUpperCase());
        else down.delete(m[1].toUpperCase());
        return send(res, 200, {});
      }
    }
    send(res, 404, { error: "not found" });
  } catch (e) {
    send(res, 400, { error: String(e) });
  }
});

server.listen(port, "127.0.0.1", () => console.log(`ready http://127.0.0.1:${port}`));
const stop = () => { server.closeAllConnections(); server.close(() => process.exit(0)); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
