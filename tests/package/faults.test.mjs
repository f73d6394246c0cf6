// The fault matrix: every call kind of the clients crossed with every fault the sandbox
// injects, one expected outcome per cell in FAULT_TABLE below (the README's table is
// generated from it: FAULT_TABLE_OUT=path writes it as Markdown). Each cell runs with its
// own client and its own fault id, and checks the outcome, the attempts the client
// reports, and the requests it sent (nothing else: no stray page, no extra token).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createServer, request as httpRequest } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const { CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient, FormakitError } = require(`${ROOT}pkg/node/index.cjs`);

const unhandled = [];
process.on("unhandledRejection", (e) => unhandled.push(e));

// Short timings: 2 retries (backoff 250–500 ms, then 500–1000 ms), Retry-After waited up to 2 s.
const OPTIONS = { retries: 2, maxRetryAfterMs: 2000, timeoutMs: 5000 };
const CALL_TIMEOUT_MS = 600; // the "latency > timeoutMs" column's per-call timeout

// The columns. `mode: "once"` sends `times=1,id=…` (the call should recover); "always" is persistent.
export const FAULTS = [
  { id: "latency", label: "latency 300 ms", spec: "latency=300", mode: "always" },
  { id: "timeout", label: `latency 1.5 s > timeoutMs ${CALL_TIMEOUT_MS}`, spec: "latency=1500", mode: "always", call: { timeoutMs: CALL_TIMEOUT_MS } },
  { id: "429-once", label: "429 + Retry-After: 1, once", spec: "429:1", mode: "once" },
  { id: "429", label: "429 + Retry-After: 0, always", spec: "429:0", mode: "always" },
  { id: "429-long", label: "429 + Retry-After: 3 > maxRetryAfterMs", spec: "429:3", mode: "always" },
  { id: "500-once", label: "500 once", spec: "500", mode: "once" },
  { id: "500", label: "500 always", spec: "500", mode: "always" },
  { id: "502-once", label: "502 once", spec: "502", mode: "once" },
  { id: "502", label: "502 always", spec: "502", mode: "always" },
  { id: "503-once", label: "503 once", spec: "503", mode: "once" },
  { id: "503", label: "503 always", spec: "503", mode: "always" },
  { id: "reset-once", label: "connection reset once", spec: "reset", mode: "once" },
  { id: "reset", label: "connection reset always", spec: "reset", mode: "always" },
  { id: "truncate-once", label: "truncated body once", spec: "truncate", mode: "once" },
  { id: "truncate", label: "truncated body always", spec: "truncate", mode: "always" },
  { id: "invalid-json", label: "invalid JSON", spec: "invalid-json", mode: "always" },
  { id: "trickle", label: "trickled body", spec: "trickle=10:2048", mode: "always" },
  { id: "expired-once", label: "expired token once", spec: "expired-token", mode: "once" },
  { id: "expired", label: "expired token always", spec: "expired-token", mode: "always" },
  { id: "401-midwalk", label: "401 on page 2 of a walk, once", spec: "expired-token", mode: "once", midwalk: true },
  { id: "abort", label: "caller's AbortSignal (after 150 ms of a 2 s latency)", spec: "latency=2000", mode: "always", abort: 150 },
];

// The rows.
export const KINDS = [
  { id: "get", label: "retry-safe GET: `CegosClient#catalogs()` with `{ getToken }`", endpoint: "cegos.catalogs" },
  { id: "paged", label: "paged walk: `CegosClient#products().pages()` (13 pages), client credentials", endpoint: "cegos.products", token: "cegos.token" },
  { id: "paged-token", label: "paged walk: `campusSkills.allContracts({ limit: 1 })` (3 pages), `{ token }`", endpoint: "campusskills.allContracts" },
  { id: "write", label: "write, not retried: `LaraClient#updateProgram(…)`, `{ token }`", endpoint: "lara.updateProgram" },
  { id: "oauth", label: "client credentials: `franceTravail.ais(…)`, fresh client", endpoint: "francetravail.ais", token: "francetravail.token" },
  { id: "token", label: "`{ token }` GET: `campusSkills.testToken()`", endpoint: "campusskills.testToken" },
];

// Expected outcomes. ok(n): success, n requests to the endpoint (for walks: every page,
// replays included). fail(kind, fields): a FormakitError with these fields (attempts as the
// error reports it; requests = attempts unless given). tokens: token requests (or getToken
// calls for `get`); 1 by default for kinds with a token route, 1 getToken call for `get`.
const ok = (requests, extra = {}) => ({ outcome: "ok", requests, ...extra });
const fail = (kind, fields, extra = {}) => ({ outcome: "error", kind, fields, ...extra });
const retried = (status, kind = "http") => fail(kind, { status, attempts: 3, retryable: true });
const notRetried = (status, kind = "http") => fail(kind, { status, attempts: 1, retryable: true }, { note: "not retried" });

const safe = {
  latency: ok(1),
  timeout: fail("timeout", { attempts: 3, retryable: true }),
  "429-once": ok(2),
  429: retried(429, "rate_limited"),
  "429-long": fail("rate_limited", { status: 429, attempts: 1, retryAfterMs: 3000, retryable: true }, { note: "left to the caller" }),
  "500-once": ok(2),
  500: retried(500),
  "502-once": ok(2),
  502: retried(502),
  "503-once": ok(2),
  503: retried(503),
  "reset-once": ok(2),
  reset: fail("network", { attempts: 3, retryable: true }),
  "truncate-once": ok(2),
  truncate: fail("decode", { status: 200, attempts: 3, retryable: true }),
  "invalid-json": fail("decode", { status: 200, attempts: 1, retryable: false }),
  trickle: ok(1),
  abort: fail("aborted", { attempts: 1, retryable: false }),
};
// A walk of P pages: a fault on page 1 retried adds requests; a failed page 1 stops the walk there.
const walk = (pages) => ({
  ...safe,
  latency: ok(pages),
  "429-once": ok(pages + 1),
  "500-once": ok(pages + 1),
  "502-once": ok(pages + 1),
  "503-once": ok(pages + 1),
  "reset-once": ok(pages + 1),
  "truncate-once": ok(pages + 1),
  trickle: ok(pages),
});

export const FAULT_TABLE = [
  ...Object.entries({
    ...safe,
    "expired-once": ok(2, { tokens: 2, note: "getToken asked again, replayed" }),
    expired: fail("auth", { status: 401, attempts: 2, retryable: false }, { tokens: 2, note: "refreshed once" }),
  }).map(([fault, expected]) => ({ kind: "get", fault, expected })),
  ...Object.entries({
    ...walk(13),
    "expired-once": ok(14, { tokens: 2 }),
    expired: fail("auth", { status: 401, attempts: 2, retryable: false }, { tokens: 2, note: "refreshed once" }),
    "401-midwalk": ok(14, { tokens: 2, note: "refreshed, page replayed" }),
  }).map(([fault, expected]) => ({ kind: "paged", fault, expected })),
  ...Object.entries({
    ...walk(3),
    "expired-once": fail("auth", { status: 401, attempts: 1, retryable: false }, { note: "a given token is final" }),
    expired: fail("auth", { status: 401, attempts: 1, retryable: false }),
    "401-midwalk": fail("auth", { status: 401, attempts: 1, retryable: false }, { requests: 2, pagesSeen: 1, note: "after page 1" }),
  }).map(([fault, expected]) => ({ kind: "paged-token", fault, expected })),
  ...Object.entries({
    latency: ok(1),
    timeout: fail("timeout", { attempts: 1, retryable: true }, { note: "not retried" }),
    "429-once": notRetried(429, "rate_limited"),
    429: notRetried(429, "rate_limited"),
    "429-long": fail("rate_limited", { status: 429, attempts: 1, retryAfterMs: 3000, retryable: true }),
    "500-once": notRetried(500),
    500: notRetried(500),
    "502-once": notRetried(502),
    502: notRetried(502),
    "503-once": notRetried(503),
    503: notRetried(503),
    "reset-once": fail("network", { attempts: 1, retryable: true }, { note: "not retried" }),
    reset: fail("network", { attempts: 1, retryable: true }, { note: "not retried" }),
    "truncate-once": fail("decode", { status: 200, attempts: 1, retryable: true }, { note: "not retried" }),
    truncate: fail("decode", { status: 200, attempts: 1, retryable: true }, { note: "not retried" }),
    "invalid-json": fail("decode", { status: 200, attempts: 1, retryable: false }),
    trickle: ok(1),
    "expired-once": fail("auth", { status: 401, attempts: 1, retryable: false }),
    expired: fail("auth", { status: 401, attempts: 1, retryable: false }),
    abort: fail("aborted", { attempts: 1, retryable: false }),
  }).map(([fault, expected]) => ({ kind: "write", fault, expected })),
  ...Object.entries({
    ...safe,
    "expired-once": ok(2, { tokens: 2, note: "refreshed, replayed" }),
    expired: fail("auth", { status: 401, attempts: 2, retryable: false }, { tokens: 2, note: "refreshed once" }),
  }).map(([fault, expected]) => ({ kind: "oauth", fault, expected })),
  ...Object.entries({
    ...safe,
    "expired-once": fail("auth", { status: 401, attempts: 1, retryable: false }, { note: "a given token is final" }),
    expired: fail("auth", { status: 401, attempts: 1, retryable: false }),
  }).map(([fault, expected]) => ({ kind: "token", fault, expected })),
];

/** The table as Markdown: rows = call kinds, columns = faults. */
export function faultTableMarkdown() {
  const cellText = (e) => {
    if (!e) return "—";
    const note = e.note ? ` (${e.note})` : "";
    if (e.outcome === "ok") return `ok (${e.requests} request${e.requests > 1 ? "s" : ""})${e.note ? `, ${e.note}` : ""}`;
    const f = e.fields;
    const status = f.status !== undefined && f.kind !== "decode" ? ` ${f.status}` : "";
    const ra = f.retryAfterMs !== undefined ? `, retryAfterMs ${f.retryAfterMs}` : "";
    return `\`${e.kind}\`${e.kind === "decode" ? "" : status} after ${f.attempts}${ra}${note}`;
  };
  const head = `| call kind | ${FAULTS.map((f) => f.label).join(" | ")} |`;
  const sep = `|---|${FAULTS.map(() => "---").join("|")}|`;
  const rows = KINDS.map((k) => `| ${k.label} | ${FAULTS.map((f) => cellText(FAULT_TABLE.find((c) => c.kind === k.id && c.fault === f.id)?.expected)).join(" | ")} |`);
  const legend = [
    "",
    `Generated from \`FAULT_TABLE\` in \`tests/package/faults.test.mjs\` (client options ${JSON.stringify(OPTIONS)}). "once" faults carry \`times=1,id=…\`; "after N" is the error's \`attempts\`;`,
    "for walks, \"requests\" counts every page request, replays included. The 401 on page 2 goes through a proxy that adds the sandbox fault to page 2 only.",
  ];
  return [head, sep, ...rows, ...legend].join("\n") + "\n";
}

if (process.env.FAULT_TABLE_OUT) writeFileSync(process.env.FAULT_TABLE_OUT, faultTableMarkdown());

let sbx;
let proxy;
let cegosToken;
let programId;
before(async () => {
  sbx = await startSandbox();
  // A proxy in front of the sandbox: a request for page 2 (`pageNumber=2` or `page=2`) that
  // carries `X-Midwalk: <spec>` is forwarded with `X-Formakit-Fault: <spec>`; the rest as is.
  const target = new URL(sbx.url);
  const server = createServer((req, res) => {
    const headers = { ...req.headers };
    const spec = headers["x-midwalk"];
    delete headers["x-midwalk"];
    const q = new URL(req.url, "http://x").searchParams;
    if (spec && (q.get("pageNumber") === "2" || q.get("page") === "2")) headers["x-formakit-fault"] = spec;
    const up = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  proxy = { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
  const res = await fetch(`${sbx.url}/cegos/connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos",
  });
  cegosToken = (await res.json()).access_token;
  const cs = new CampusSkillsClient({ sandboxUrl: sbx.url, token: "sandbox-token" });
  const body = JSON.parse(readFileSync(`${ROOT}tests/fixtures/campus_skills/sync_request.json`, "utf8"));
  await cs.syncContracts(body);
  const lara = new LaraClient({ sandboxUrl: sbx.url, token: "sandbox-token" });
  programId = (await lara.getProgramList({}))[0].id;
});
after(() => {
  if (proxy) proxy.close();
  if (sbx) sbx.close();
});

let ids = 0;
/** One cell: a fresh client, the call, what it sent. Resolves to { value | error, counts, pagesSeen, tokens }. */
async function runCell(kind, fault) {
  const counts = {};
  const onRequest = (e) => (counts[e.endpoint] = (counts[e.endpoint] || 0) + 1);
  let tokens = 0;
  const base = fault.midwalk ? proxy.url : sbx.url;
  const spec = fault.mode === "once" ? `${fault.spec},times=1,id=fm${process.pid}x${++ids}` : fault.spec;
  const headers = fault.midwalk ? { "X-Midwalk": spec } : { "X-Formakit-Fault": spec };
  const ctl = new AbortController();
  const call = { headers, ...(fault.call || {}), ...(fault.abort ? { signal: ctl.signal } : {}) };
  if (fault.abort) setTimeout(() => ctl.abort(), fault.abort);
  let pagesSeen = 0;
  const walkAll = async (paged) => {
    const pages = [];
    for await (const p of paged.pages()) {
      pages.push(p);
      pagesSeen++;
    }
    return pages;
  };
  const run = {
    get: () => new CegosClient({ sandboxUrl: sbx.url, getToken: async () => (tokens++, cegosToken), onRequest, ...OPTIONS }).catalogs({}, call),
    paged: () =>
      walkAll(new CegosClient({ baseUrl: `${base}/cegos`, authBaseUrl: `${sbx.url}/cegos`, clientId: "sandbox", clientSecret: "sandbox-secret", onRequest, ...OPTIONS }).products({}, { ...call, concurrency: 2 })),
    "paged-token": () => walkAll(new CampusSkillsClient({ baseUrl: `${base}/campusskills`, token: "sandbox-token", onRequest, ...OPTIONS }).allContracts({ limit: 1 }, { ...call, concurrency: 1 })),
    write: () => new LaraClient({ sandboxUrl: sbx.url, token: "sandbox-token", onRequest, ...OPTIONS }).updateProgram({ id: programId, name: "Programme des fautes" }, call),
    oauth: () =>
      new FranceTravailClient({ sandboxUrl: sbx.url, clientId: "sandbox", clientSecret: "sandbox-secret", scope: "application_sandbox api_parcoursformationv1", maxRequestsPerSecond: 1000, onRequest, ...OPTIONS }).ais(
        { numeroSession: "1330305", numeroAction: "20_1330305", numeroFormation: "20_1262663" },
        call,
      ),
    token: () => new CampusSkillsClient({ sandboxUrl: sbx.url, token: "sandbox-token", onRequest, ...OPTIONS }).testToken(call),
  }[kind.id];
  const out = { counts, pagesSeen: 0 };
  try {
    out.value = await run();
  } catch (e) {
    out.error = e;
  }
  await new Promise((r) => setTimeout(r, 100)); // anything sent after the end would show here
  out.pagesSeen = pagesSeen;
  out.tokens = kind.id === "get" ? tokens : counts[kind.token] || 0;
  return out;
}

test("the fault matrix: every call kind × every fault, as FAULT_TABLE says", { concurrency: 12, timeout: 90_000 }, async (t) => {
  await Promise.all(
    FAULT_TABLE.map((cell) =>
      t.test(`${cell.kind} × ${cell.fault}`, async () => {
        const kind = KINDS.find((k) => k.id === cell.kind);
        const fault = FAULTS.find((f) => f.id === cell.fault);
        const ex = cell.expected;
        const r = await runCell(kind, fault);
        const where = `${cell.kind} × ${cell.fault}`;
        if (ex.outcome === "ok") {
          assert.equal(r.error, undefined, `${where}: expected success, got ${r.error && `${r.error.kind} ${r.error.status} after ${r.error.attempts}: ${r.error.message}`}`);
          assert.ok(r.value !== undefined, `${where}: a value`);
          if (kind.id === "paged") assert.equal(r.value.length, 13, `${where}: every page`);
          if (kind.id === "paged-token") assert.equal(r.value.length, 3, `${where}: every page`);
        } else {
          assert.ok(r.error instanceof FormakitError, `${where}: expected a FormakitError ${ex.kind}, got ${r.error ? r.error.stack : `success ${JSON.stringify(r.value).slice(0, 100)}`}`);
          const got = Object.fromEntries(Object.keys(ex.fields).map((k) => [k, r.error[k]]));
          assert.deepEqual({ kind: r.error.kind, ...got }, { kind: ex.kind, ...ex.fields }, `${where}: ${r.error.message}`);
          assert.equal(r.error.endpoint, kind.endpoint, `${where}: the error names the endpoint`);
        }
        const requests = ex.outcome === "ok" ? ex.requests : (ex.requests ?? ex.fields.attempts);
        const expectedTokens = ex.tokens ?? (kind.id === "get" || kind.token ? 1 : 0);
        const expectedCounts = { [kind.endpoint]: requests };
        if (kind.token && expectedTokens) expectedCounts[kind.token] = expectedTokens;
        assert.deepEqual(r.counts, expectedCounts, `${where}: the requests sent, and nothing else`);
        if (kind.id === "get") assert.equal(r.tokens, expectedTokens, `${where}: getToken calls`);
        if (ex.pagesSeen !== undefined) assert.equal(r.pagesSeen, ex.pagesSeen, `${where}: pages yielded before the error`);
      }),
    ),
  );
});

test("the table covers every kind × fault (the 401 mid-walk only for walks)", () => {
  for (const k of KINDS)
    for (const f of FAULTS) {
      const n = FAULT_TABLE.filter((c) => c.kind === k.id && c.fault === f.id).length;
      assert.equal(n, f.midwalk && !k.id.startsWith("paged") ? 0 : 1, `${k.id} × ${f.id}`);
    }
});

test("no unhandled promise rejection", async () => {
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(unhandled, []);
});

// Found while writing the matrix: clients.d.ts types `testToken(options?)` and
// `deleteAllContracts(options?)`; the JS method read its first argument as the request, so options
// given as typed were dropped (no fault header, no signal). Fixed in clients.mjs method().
test("campusSkills.testToken(options) honours its options as clients.d.ts types them (it once read them as the request and dropped them)", async () => {
  const cs = new CampusSkillsClient({ sandboxUrl: sbx.url, token: "sandbox-token", retries: 0 });
  await assert.rejects(cs.testToken({ headers: { "X-Formakit-Fault": "503" } }), (e) => e instanceof FormakitError && e.status === 503);
});
