// Load on formakit-sandbox (its release binary, through scripts/sandbox.mjs):
// 10,000 mixed requests at concurrency 64 with `fetch`, in a fixed order drawn
// from a seeded generator: Cegos catalogs and product pages, Lära programs,
// France Travail AIS with a bearer, Campus Skills sync POSTs of small batches,
// and token issues (Cegos and France Travail). Prints requests/s, p50 and p99
// latency, the errors (any non-2xx or failed fetch; the run expects none), and
// the sandbox process's resident memory (VmRSS) before and after.
//
// `node bench/load.mjs` runs it alone; bench/run.mjs can `await runLoad()`,
// which resolves to the same figures without printing.
//
// The sandbox's pid: scripts/sandbox.mjs resolves to { url, close } (its child
// is `cargo run`), so the pid is found as the process holding the listening
// socket of the URL's port (/proc/net/tcp{,6} inode → /proc/<pid>/fd). Linux only;
// elsewhere RSS reads as null.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { startSandbox } from "../scripts/sandbox.mjs";
import { campusSyncRequest, rng } from "./data.mjs";

export const REQUESTS = 10_000;
export const CONCURRENCY = 64;
const SEED = 20250101;
const CEGOS_FORM = "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos";
const FT_FORM = "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=application_sandbox%20api_parcoursformationv1";
const FT_TOKEN_PATH = "/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire";
const AIS = "/francetravail/partenaire/parcoursformationtest/v1/inscriptions/statut/session?numeroSession=1330305&numeroAction=20_1330305&numeroFormation=20_1262663";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const LARA = { authorization: "Bearer sandbox-token", "content-type": "application/json" };

/** The mix: [weight, name, (ctx, r) => [path, init]]. Weights add up to 100. */
const MIX = [
  [20, "cegos products page", (c, r) => [`/cegos/v1/Products?pageNumber=${r.int(1, 13)}`, { headers: c.cegos }]],
  [8, "cegos catalogs", (c) => ["/cegos/v1/Catalogs", { headers: c.cegos }]],
  [7, "cegos sessions page", (c, r) => [`/cegos/v1/Sessions?pageNumber=${r.int(1, 29)}`, { headers: c.cegos }]],
  [12, "lara program/getlist", () => ["/lara/lmsapi/program/getlist", { method: "POST", headers: LARA, body: "{}" }]],
  [8, "lara program/get", (c, r) => ["/lara/lmsapi/program/get", { method: "POST", headers: LARA, body: JSON.stringify({ id: r.pick(c.programIds) }) }]],
  [15, "france travail AIS", (c) => [AIS, { headers: c.ft }]],
  [15, "campus sync POST (5 contracts)", (c, r) => ["/campusskills/api/sync/v1/contrats", { method: "POST", headers: LARA, body: r.pick(c.batches) }]],
  [10, "cegos token", () => ["/cegos/connect/token", { method: "POST", headers: FORM, body: CEGOS_FORM }]],
  [5, "france travail token", () => [FT_TOKEN_PATH, { method: "POST", headers: FORM, body: FT_FORM }]],
];

/** VmRSS of `pid` in KiB, or null. */
function rssKiB(pid) {
  if (pid == null) return null;
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) `pid` has used, or null. Assumes 100 clock ticks a second (Linux's USER_HZ). */
function cpuSeconds(pid) {
  if (pid == null) return null;
  try {
    // The fields after the parenthesized command name: state is field 3, utime 14, stime 15.
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** The pid of the process listening on `port` (Linux /proc), or null. */
export function pidListeningOn(port) {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // f[1] local address:port, f[3] state (0A = LISTEN), f[9] inode.
      if (f.length > 9 && f[1].endsWith(`:${hexPort}`) && f[3] === "0A") inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // the fd closed meanwhile
      }
    }
  }
  return null;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function expectOk(res, what) {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

/**
 * Starts the release sandbox, runs the load, stops the sandbox. Resolves to
 * { requests, concurrency, seconds, rps, p50Ms, p99Ms, errors, errorSamples,
 *   rssBeforeKiB, rssAfterKiB, sandboxCpuS (the sandbox's CPU seconds during the
 *   run: the client, on the same machine, takes the rest), pid,
 *   byKind: { name: { count, p50Ms, p99Ms } } }.
 */
export async function runLoad({ requests = REQUESTS, concurrency = CONCURRENCY, args = [] } = {}) {
  const sandbox = await startSandbox(["--today", "2025-03-01", ...args], { release: true });
  try {
    return await loadAgainst(sandbox.url, { requests, concurrency, pid: sandbox.pid ?? pidListeningOn(Number(new URL(sandbox.url).port)) });
  } finally {
    sandbox.close();
  }
}

/** The load on a sandbox already running at `url` (started with `--today 2025-03-01`); `pid` for its RSS. */
export async function loadAgainst(url, { requests = REQUESTS, concurrency = CONCURRENCY, pid = null } = {}) {
  const cegosToken = (await expectOk(await fetch(`${url}/cegos/connect/token`, { method: "POST", headers: FORM, body: CEGOS_FORM }), "cegos token")).access_token;
  const ftToken = (await expectOk(await fetch(`${url}${FT_TOKEN_PATH}`, { method: "POST", headers: FORM, body: FT_FORM }), "ft token")).access_token;
  const programs = await expectOk(await fetch(`${url}/lara/lmsapi/program/getlist`, { method: "POST", headers: LARA, body: "{}" }), "lara getlist");
  // Small batches, each valid on its own (a POST is a full synchronisation).
  const all = JSON.parse(campusSyncRequest(200)).contrats;
  const batches = Array.from({ length: 40 }, (_, i) => JSON.stringify({ contrats: all.slice(i * 5, i * 5 + 5) }));
  const ctx = { cegos: { authorization: `Bearer ${cegosToken}` }, ft: { authorization: `Bearer ${ftToken}` }, programIds: programs.map((p) => p.id), batches };

  // The schedule: REQUESTS draws from the weighted mix, fixed by the seed.
  const r = rng(SEED);
  const wheel = MIX.flatMap(([w, name, make]) => Array.from({ length: w }, () => [name, make]));
  const schedule = Array.from({ length: requests }, () => {
    const [name, make] = r.pick(wheel);
    return [name, ...make(ctx, r)];
  });

  const rssBeforeKiB = rssKiB(pid);
  const cpuBefore = cpuSeconds(pid);
  const latencies = new Float64Array(requests);
  const perKind = {};
  const errorSamples = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < schedule.length) {
      const i = next++;
      const [name, path, init] = schedule[i];
      const t0 = performance.now();
      try {
        const res = await fetch(url + path, init);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
      } catch (e) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${name} ${path}: ${e.cause?.code ?? e.message}`);
      }
      latencies[i] = performance.now() - t0;
      (perKind[name] ??= []).push(latencies[i]);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const rssAfterKiB = rssKiB(pid);
  const cpuAfter = cpuSeconds(pid);
  const sandboxCpuS = cpuBefore == null || cpuAfter == null ? null : cpuAfter - cpuBefore;
  const sorted = [...latencies].sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    Object.entries(perKind).map(([name, xs]) => {
      xs.sort((a, b) => a - b);
      return [name, { count: xs.length, p50Ms: quantile(xs, 0.5), p99Ms: quantile(xs, 0.99) }];
    }),
  );
  return { requests, concurrency, seconds, rps: requests / seconds, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99), errors, errorSamples, rssBeforeKiB, rssAfterKiB, sandboxCpuS, pid, byKind };
}

/** Prints the figures of `runLoad`. */
export function printLoad(x) {
  const mib = (k) => (k == null ? "n/a" : `${(k / 1024).toFixed(1)} MiB`);
  console.log(`\nSandbox load: ${x.requests} mixed requests, concurrency ${x.concurrency}, release binary (pid ${x.pid ?? "unknown"})`);
  console.log(`  ${x.rps.toFixed(0)} requests/s over ${x.seconds.toFixed(2)} s; latency p50 ${x.p50Ms.toFixed(2)} ms, p99 ${x.p99Ms.toFixed(2)} ms`);
  console.log(`  errors: ${x.errors}${x.errorSamples.length ? ` (${x.errorSamples.join("; ")})` : ""}`);
  console.log(`  sandbox RSS: ${mib(x.rssBeforeKiB)} before, ${mib(x.rssAfterKiB)} after`);
  if (x.sandboxCpuS != null) console.log(`  sandbox CPU: ${x.sandboxCpuS.toFixed(2)} s (${((x.sandboxCpuS * 1e6) / x.requests).toFixed(0)} µs a request; the Node client shares the machine)`);
  console.log("  by kind (count, p50, p99):");
  for (const [k, v] of Object.entries(x.byKind).sort()) console.log(`    ${k.padEnd(32)} ${String(v.count).padStart(5)}  ${v.p50Ms.toFixed(2).padStart(7)} ms  ${v.p99Ms.toFixed(2).padStart(7)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const x = await runLoad();
  printLoad(x);
  if (x.errors > 0) process.exitCode = 1;
}
