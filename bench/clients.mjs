// The clients' groups of `make bench` (bench/run.mjs calls `clientGroups`;
// `node bench/clients.mjs` runs them alone). The Cegos client of the built
// package against formakit-sandbox on loopback (its release binary, two
// servers: one with `--latency-ms 50`, one without):
//   a. paging: every Cegos product page (13 of 100) through
//      `cegos.products().pages()`, wall time against the latency bound
//      ceil(13 / concurrency) × 50 ms, at the default concurrency 4 and at 1,
//      each beside a bare fetch on the same schedule;
//   b. per-call overhead: `cegos.catalogs()` and `cegos.products().page(1)`
//      against a bare `fetch` + `JSON.parse` of the same URL, same headers,
//      same bearer token.
import { startSandbox } from "../scripts/sandbox.mjs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const LATENCY_MS = 50;
const PAGES = 13;
const PRODUCTS = 1247;
// Target of the paging group (issue: prefetch must hide the latency).
const PAGING_TARGET = 1.2;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Fetches every page through `.pages()`; checks the count, resolves to the wall time in ms. */
async function allPages(cegos, concurrency) {
  const t0 = performance.now();
  let pages = 0;
  let products = 0;
  for await (const page of cegos.products({}, { concurrency }).pages()) {
    pages++;
    products += page.data.length;
  }
  const ms = performance.now() - t0;
  if (pages !== PAGES || products !== PRODUCTS) throw new Error(`paging: ${pages} pages and ${products} products, want ${PAGES} and ${PRODUCTS}`);
  return ms;
}

/**
 * The peer of `allPages`: bare `fetch` + `JSON.parse` on the schedule
 * `.pages()` keeps (page 1 first, for the page count, then a window of
 * `concurrency` requests in flight, consumed in order).
 */
async function barePages(url, headers, concurrency) {
  const t0 = performance.now();
  const get = (n) => fetch(`${url}/cegos/v1/Products?pageNumber=${n}`, { headers }).then(async (res) => {
    if (!res.ok) throw new Error(`page ${n}: HTTP ${res.status}`);
    return JSON.parse(await res.text());
  });
  let next = 1;
  const queue = [get(next++)];
  let last = null;
  let pages = 0;
  let products = 0;
  while (queue.length > 0) {
    const page = await queue.shift();
    last ??= page.totalPages;
    while (queue.length < concurrency && next <= last) queue.push(get(next++));
    pages++;
    products += page.data.length;
  }
  const ms = performance.now() - t0;
  if (pages !== PAGES || products !== PRODUCTS) throw new Error(`bare paging: ${pages} pages and ${products} products, want ${PAGES} and ${PRODUCTS}`);
  return ms;
}

/**
 * a. Paging against `--latency-ms 50`. One warm-up run (the client fetches its
 *    token, through the same latency, and opens the connections), then `runs`
 *    runs per row, interleaved; the median is compared with the latency bound.
 *    Beside each client row, its bare-fetch peer on the same schedule shows how
 *    much of the distance to the bound any JS caller pays on this machine.
 */
async function paging(api, url, { runs = 7 } = {}) {
  const cegos = new api.CegosClient({ sandboxUrl: url, clientId: "sandbox", clientSecret: "sandbox-secret" });
  const headers = { Accept: "application/json", Authorization: `Bearer ${await token(url)}` };
  await allPages(cegos, 4);
  await barePages(url, headers, 4);
  const cases = [
    { concurrency: 4, name: "products().pages(), concurrency 4 (default)", run: () => allPages(cegos, 4) },
    { concurrency: 4, name: "bare fetch + JSON.parse, window of 4", run: () => barePages(url, headers, 4), peer: true },
    { concurrency: 1, name: "products().pages(), concurrency 1", run: () => allPages(cegos, 1) },
    { concurrency: 1, name: "bare fetch + JSON.parse, one at a time", run: () => barePages(url, headers, 1), peer: true },
  ].map((c) => ({ ...c, times: [] }));
  for (let i = 0; i < runs; i++) for (const c of cases) c.times.push(await c.run());
  return cases.map((c) => {
    const ms = median(c.times);
    const boundMs = Math.ceil(PAGES / c.concurrency) * LATENCY_MS;
    const ratio = ms / boundMs;
    // The target holds for the client at the default concurrency; the other rows are there for contrast.
    const target = c.concurrency === 4 && !c.peer ? PAGING_TARGET : null;
    return { group: "clientPaging", name: c.name, ms, boundMs, ratio, target, verdict: target === null ? "-" : ratio <= target ? "ok" : "MISSED", runs: c.times };
  });
}

/** A Cegos token straight from the token route, as any integrator would get one. */
async function token(url) {
  const res = await fetch(`${url}/cegos/connect/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos",
  });
  if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

/**
 * b. Per-call overhead on loopback without latency. Both clients hold the same
 *    bearer token (`{ token }`). A probe client with an `onRequest` hook reports
 *    the URL and headers each call sends, so the bare `fetch` asks for exactly
 *    the same thing (with the token the hook redacts); the timed client has no
 *    hook. Rows are interleaved round by round (`inner` sequential calls each),
 *    the per-call time is the median over `rounds`, the ratio is to the bare
 *    fetch of the same URL.
 */
async function overhead(api, url, { rounds = 41, inner = 20, warmup = 50 } = {}) {
  const bearer = await token(url);
  const seen = [];
  const probe = new api.CegosClient({ sandboxUrl: url, token: bearer, onRequest: (x) => seen.push(x) });
  const cegos = new api.CegosClient({ sandboxUrl: url, token: bearer });
  const calls = [
    { key: "catalogs", what: "cegos.catalogs()", call: (c) => c.catalogs() },
    { key: "productsPage", what: "cegos.products().page(1) (100 products)", call: (c) => c.products().page(1) },
  ];
  const rows = [];
  for (const c of calls) {
    seen.length = 0;
    const answer = await c.call(probe);
    if (seen.length !== 1) throw new Error(`${c.what}: ${seen.length} requests, want 1`);
    // The hook shows the Authorization header redacted: put the token back.
    const target = seen[0].url;
    const headers = { ...seen[0].headers, Authorization: `Bearer ${bearer}` };
    const bare = async () => {
      const res = await fetch(target, { headers });
      if (!res.ok) throw new Error(`${target}: HTTP ${res.status}`);
      return JSON.parse(await res.text());
    };
    // Same answer both ways, so both rows time the same bytes.
    if (JSON.stringify(await bare()) !== JSON.stringify(answer)) throw new Error(`${c.what}: the bare fetch and the client disagree`);
    const fns = [
      { name: `${c.key}: fetch + JSON.parse (bare)`, fn: bare },
      { name: `${c.key}: ${c.what}`, fn: () => c.call(cegos) },
    ];
    for (let w = 0; w < warmup; w++) for (const f of fns) await f.fn();
    const times = fns.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, f] of fns.entries()) {
        const t0 = performance.now();
        for (let k = 0; k < inner; k++) await f.fn();
        times[i].push((performance.now() - t0) / inner);
      }
    }
    const base = median(times[0]);
    for (const [i, f] of fns.entries()) rows.push({ group: "clientOverhead", name: f.name, url: target, ms: median(times[i]), ratio: median(times[i]) / base });
  }
  return rows;
}

function printPaging(title, rows) {
  console.log(`\n${title}`);
  const w = Math.max(44, ...rows.map((r) => r.name.length));
  console.log(`${"".padEnd(w)} ${"median ms".padStart(10)} ${"bound ms".padStart(9)} ${"ratio".padStart(7)} ${"target".padStart(7)} ${"verdict".padStart(8)}`);
  for (const r of rows) {
    const target = r.target === null ? "-" : `≤ ${r.target.toFixed(1)}×`;
    console.log(`${r.name.padEnd(w)} ${r.ms.toFixed(1).padStart(10)} ${String(r.boundMs).padStart(9)} ${(r.ratio.toFixed(2) + "×").padStart(7)} ${target.padStart(7)} ${r.verdict.padStart(8)}`);
  }
}

function printOverhead(title, rows) {
  console.log(`\n${title}`);
  const w = Math.max(44, ...rows.map((r) => r.name.length));
  console.log(`${"".padEnd(w)} ${"median µs".padStart(10)} ${"ratio".padStart(7)}`);
  for (const r of rows) console.log(`${r.name.padEnd(w)} ${(r.ms * 1000).toFixed(0).padStart(10)} ${(r.ratio.toFixed(2) + "×").padStart(7)}`);
}

/** Runs both groups, prints their tables, resolves to { clientPaging, clientOverhead } rows. */
export async function clientGroups() {
  const api = require("../pkg/node/index.cjs");
  const [slow, fast] = await Promise.all([startSandbox(["--latency-ms", String(LATENCY_MS)], { release: true }), startSandbox([], { release: true })]);
  try {
    const clientPaging = await paging(api, slow.url);
    printPaging(`Cegos paging: ${PAGES} product pages (${PRODUCTS} products), sandbox --latency-ms ${LATENCY_MS}, median of ${clientPaging[0].runs.length} runs; bound ceil(${PAGES} / concurrency) × ${LATENCY_MS} ms`, clientPaging);
    const clientOverhead = await overhead(api, fast.url);
    printOverhead("Per-call overhead on loopback (sandbox without latency), ratio to a bare fetch + JSON.parse of the same URL and token", clientOverhead);
    return { clientPaging, clientOverhead };
  } finally {
    slow.close();
    fast.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await clientGroups();
