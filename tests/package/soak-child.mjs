// The soak's worker (run by soak.test.mjs as `node --expose-gc soak-child.mjs <sandboxUrl>`):
// CALLS client calls, CONCURRENCY at a time, mixed kinds and seeded random faults, against
// one sandbox; prints one JSON line: outcomes per kind, unknown results, heap, calls/s.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { rng } from "../../bench/data.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient, FormakitError } = require(`${ROOT}pkg/node/index.cjs`);

const url = process.argv[2];
const CALLS = Number(process.env.SOAK_CALLS || 10_000);
const CONCURRENCY = 32;
const SEED = Number(process.env.SOAK_SEED || 20251202);
const KNOWN = new Set(["http", "timeout", "network", "auth", "rate_limited", "provider", "decode", "validation", "aborted", "usage"]);

// bench/data.mjs's seeded mulberry32, so a failing run can be replayed with SOAK_SEED.
const { next: random, pick } = rng(SEED);

// The faults, short: one-shot ones recover, persistent ones fail; null is a clean call (half of them).
const FAULTS = ["latency=20", "latency=300", "429:0", "500", "502", "503", "reset", "truncate", "invalid-json", "trickle=2:512", "expired-token", "abort"];
const OPTIONS = { retries: 1, maxRetryAfterMs: 1000, timeoutMs: 5000 };
const CRED = { clientId: "sandbox", clientSecret: "sandbox-secret" };
const FT = { ...CRED, scope: "application_sandbox api_parcoursformationv1", maxRequestsPerSecond: 100_000 };
const shared = {
  get: new CegosClient({ sandboxUrl: url, ...CRED, ...OPTIONS }),
  paged: new CampusSkillsClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
  write: new LaraClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
  oauth: new FranceTravailClient({ sandboxUrl: url, ...FT, ...OPTIONS }),
  token: new CampusSkillsClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
};
// A client that saw a 429 slows down (×0.7, at least 0.5/s): 429 calls get a client of their own.
const fresh = {
  get: () => new CegosClient({ sandboxUrl: url, ...CRED, ...OPTIONS }),
  paged: () => new CampusSkillsClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
  write: () => new LaraClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
  oauth: () => new FranceTravailClient({ sandboxUrl: url, ...FT, ...OPTIONS }),
  token: () => new CampusSkillsClient({ sandboxUrl: url, token: "sandbox-token", ...OPTIONS }),
};

await shared.paged.syncContracts(JSON.parse(readFileSync(`${ROOT}tests/fixtures/campus_skills/sync_request.json`, "utf8")));
const programId = (await shared.write.getProgramList({}))[0].id;

const calls = {
  get: (c, o) => c.catalogs({}, o),
  paged: (c, o) => c.allContracts({ limit: 1 }, { ...o, concurrency: 2 }).toArray({ limit: 10 }),
  write: (c, o) => c.updateProgram({ id: programId, name: "Programme du soak" }, o),
  oauth: (c, o) => c.ais({ numeroSession: "1330305", numeroAction: "20_1330305", numeroFormation: "20_1262663" }, o),
  token: (c, o) => c.testToken(undefined, o),
};
const KINDS = Object.keys(calls);

const outcomes = {}; // kind → { ok, <error kind>… }
const unknown = [];
let ids = 0;
async function one() {
  const kind = pick(KINDS);
  const fault = random() < 0.5 ? null : pick(FAULTS);
  const once = random() < 0.5;
  const o = {};
  let timer;
  if (fault === "abort") {
    const ctl = new AbortController();
    o.signal = ctl.signal;
    o.headers = { "X-Formakit-Fault": "latency=200" };
    timer = setTimeout(() => ctl.abort(), 1 + Math.floor(random() * 50));
  } else if (fault) {
    o.headers = { "X-Formakit-Fault": once ? `${fault},times=1,id=soak${++ids}` : fault };
    if (fault === "latency=300") o.timeoutMs = 100;
  }
  const client = fault === "429:0" ? fresh[kind]() : shared[kind];
  const counts = (outcomes[kind] ||= {});
  try {
    await calls[kind](client, o);
    counts.ok = (counts.ok || 0) + 1;
  } catch (e) {
    if (e instanceof FormakitError && KNOWN.has(e.kind)) counts[e.kind] = (counts[e.kind] || 0) + 1;
    else if (unknown.length < 20) unknown.push({ kind, fault, error: String(e && e.stack ? e.stack : e) });
    else unknown.length++;
  } finally {
    clearTimeout(timer);
  }
}

// Heap in use after a full GC: the least of 5 readings 50 ms apart, so a reading taken while
// a socket buffer or a timer's closure is still alive does not count as growth (single readings
// of the same run swing by ±5 %: 9.7–10.7 MiB between thousands 2 and 14 of a 20,000-call probe).
let measuring = 0; // ms spent in heap(), left out of calls/s
const heap = async () => {
  const start = performance.now();
  let least = Infinity;
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (global.gc) {
      global.gc();
      global.gc();
    }
    least = Math.min(least, process.memoryUsage().heapUsed);
  }
  measuring += performance.now() - start;
  return least;
};
/** `n` calls, CONCURRENCY at a time; resolves when all have ended. */
async function batch(n) {
  let started = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (started < n) {
        started++;
        await one();
      }
    }),
  );
}
const t0 = performance.now();
// The heap after each thousand calls, so a leak shows as a trend and not one reading.
const series = [];
await batch(1000);
const heapAfter1k = await heap();
series.push(heapAfter1k);
for (let done = 1000; done < CALLS; done += 1000) {
  await batch(Math.min(1000, CALLS - done));
  if (done + 1000 < CALLS) series.push(await heap());
}
const seconds = (performance.now() - t0 - measuring) / 1000;
const heapAfterAll = await heap();
series.push(heapAfterAll);
const total = Object.values(outcomes).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0) + unknown.length;
console.log(JSON.stringify({ calls: total, seconds, callsPerSecond: total / seconds, gc: typeof global.gc === "function", heapAfter1k, heapAfterAll, series, outcomes, unknown }));
