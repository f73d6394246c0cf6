// The clients in Node against the sandbox: every endpoint, every auth mode, every fault
// the sandbox injects, pagination, the single-flight refresh, abort and timeouts, and
// that no secret leaks into an error, a message or a hook's argument.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ROOT } from "./helpers.mjs";
import { startSandbox } from "./sandbox.mjs";

const require = createRequire(import.meta.url);
const fk = require(`${ROOT}pkg/node/index.cjs`);
const { CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient, FormakitError } = fk;

const SECRET = "sandbox-secret";
const seen = []; // every hook argument and error, checked for secrets at the end
const unhandled = [];
process.on("unhandledRejection", (e) => unhandled.push(e));

let sbx;
before(async () => {
  sbx = await startSandbox();
});
after(() => sbx && sbx.close());

const record = (list) => (e) => {
  seen.push(e);
  list.push(e);
};
function cegos(extra = {}) {
  const requests = [];
  const responses = [];
  const client = new CegosClient({ sandboxUrl: sbx.url, clientId: "sandbox", clientSecret: SECRET, onRequest: record(requests), onResponse: record(responses), retries: 2, ...extra });
  return { client, requests, responses };
}
const fault = (spec) => ({ headers: { "X-Formakit-Fault": spec } });
let ids = 0;
const once = (spec) => fault(`${spec},times=1,id=node${++ids}`);

async function rejects(promise, check) {
  try {
    await promise;
  } catch (e) {
    seen.push(e);
    assert.ok(e instanceof FormakitError, `a FormakitError, got ${e && e.stack}`);
    check(e);
    return e;
  }
  assert.fail("expected a rejection");
}

test("Cegos: every endpoint, typed answers", async () => {
  const { client } = cegos();
  assert.equal((await client.catalogs()).data.length, 3);
  assert.ok((await client.topics()).data.topics.length > 0);
  const page = await client.products({ hydrate: true }).page(1);
  assert.equal(page.data.length, 100);
  const code = page.data[0].yearlyProductCode;
  assert.equal((await client.product(code, { hydrate: true })).data.yearlyProductCode, code, "product(code, query)");
  assert.equal((await client.product({ yearlyProductCode: code })).data.yearlyProductCode, code, "product({ yearlyProductCode })");
  assert.equal((await client.centers()).data.length, 50);
  const sessions = await client.sessions().page(1);
  const s = sessions.data[0].yearlySessionCode;
  assert.equal((await client.session(s)).data.yearlySessionCode, s);
});

test("Cegos: items and pages in order, toArray needs a limit, leaving the loop stops the fetching", async () => {
  const { client, requests } = cegos();
  let n = 0;
  for await (const p of client.products()) {
    assert.equal(typeof p.yearlyProductCode, "string");
    n++;
  }
  assert.equal(n, 1247);
  const numbers = [];
  for await (const page of client.products().pages()) numbers.push(page.pageNumber);
  assert.deepEqual(numbers, Array.from({ length: 13 }, (_, i) => i + 1));
  await rejects(client.products().toArray(), (e) => assert.equal(e.kind, "usage"));
  assert.equal((await client.products().toArray({ limit: 150 })).length, 150);
  const before = requests.filter((r) => r.endpoint === "cegos.products").length;
  for await (const page of client.products().pages()) {
    assert.equal(page.pageNumber, 1);
    break;
  }
  await new Promise((r) => setTimeout(r, 300));
  const fetched = requests.filter((r) => r.endpoint === "cegos.products").length - before;
  assert.ok(fetched <= 5, `at most the first page and 4 ahead, got ${fetched}`);
});


test("Lära: every endpoint with a bearer token; codes come back named", async () => {
  const lara = new LaraClient({ sandboxUrl: sbx.url, token: "sandbox-token", lang: "en" });
  const programs = await lara.getProgramList({});
  assert.ok(programs.length > 0);
  const id = programs[0].id;
  assert.equal((await lara.getProgram({ id })).id, id, "an opaque id travels verbatim");
  await lara.getProgramUrl({ id });
  const branches = await lara.getAdminBranches({ id });
  await lara.updateProgram({ id, name: "Programme mis à jour" });
  const cycles = await lara.getCycleList({});
  assert.ok(cycles.length > 0);
  const cycleId = cycles[0].cycleId;
  await lara.getPeriodList({ id: cycleId });
  const who = { customFieldAPIName: "member_status", customFieldValue: "12345" };
  const statuses = await lara.getMemberStatuses(who);
  assert.ok(statuses);
  const userId = statuses.statuses[0].userId;
  assert.ok(await lara.getUserProgress({ id: cycleId, memberId: userId }));
  const entry = { status: "Membre", isActiveMember: true, startDate: "2025-01-01T00:00:00", endDate: "0001-01-01T00:00:00" };
  await lara.updateMemberStatuses({ ...who, statuses: [entry] });
  const after = await lara.getMemberStatuses(who);
  const entryId = after.statuses[0].entryId;
  await lara.updateMemberStatus({ ...who, entryId, status: { status: "Membre" } });
  await lara.changeCurrentMemberStatus({ ...who, status: { status: "Diplômé", startDate: "2026-06-01T00:00:00" } });
  assert.ok(branches.length >= 2, JSON.stringify(branches));
  await lara.removeAdminBranches({ id, branches: branches.slice(0, 1) });
  await lara.addAdminBranches({ id, branches: branches.slice(0, 1) });
  assert.equal((await lara.getAdminBranches({ id })).length, branches.length);
  await rejects(lara.getProgram({ id: "unknown%3d%3d" }), (e) => {
    assert.equal(e.kind, "provider");
    assert.equal(e.status, 400);
    assert.ok(e.providerCode >= 1400 && e.providerCode < 1500, String(e.providerCode));
    assert.equal(typeof e.providerCodeName, "string");
    assert.equal(e.retryable, false);
  });
});

test("France Travail: AIS with OAuth (realm /partenaire) and the pe-fonc-apimode option", async () => {
  const requests = [];
  const ft = new FranceTravailClient({ sandboxUrl: sbx.url, clientId: "sandbox", clientSecret: SECRET, scope: "application_sandbox api_parcoursformationv1", apiMode: "TEST", onRequest: record(requests) });
  const ais = await ft.ais({ numeroSession: "1330305", numeroAction: "20_1330305", numeroFormation: "20_1262663" });
  assert.ok(ais.length > 0);
  assert.deepEqual(await ft.ais({ numeroSession: "9", numeroAction: "20_9", numeroFormation: "20_9" }), []);
  assert.ok(requests[0].url.endsWith("/francetravail/connexion/oauth2/access_token?realm=%2Fpartenaire"), requests[0].url);
  assert.equal(requests[1].headers["pe-fonc-apimode"], "TEST");
});

test("Campus Skills: every endpoint; deleteAllContracts only in the sandbox environment", async () => {
  const cs = new CampusSkillsClient({ sandboxUrl: sbx.url, token: "sandbox-token" });
  assert.ok(await cs.testToken());
  const body = JSON.parse(require("node:fs").readFileSync(`${ROOT}tests/fixtures/campus_skills/sync_request.json`, "utf8"));
  const diff = await cs.diffContracts(body);
  assert.ok(diff);
  const sync = await cs.syncContracts(body);
  assert.equal(typeof sync.success, "boolean");
  let n = 0;
  for await (const c of cs.allContracts({ limit: 1 })) n++;
  assert.ok(n >= 1, "page/limit paging");
  const page = await cs.contracts().page(1);
  assert.equal(typeof page.total, "number");
  assert.equal((await cs.deleteAllContracts()).success, true);
  const prod = new CampusSkillsClient({ baseUrl: `${sbx.url}/campusskills`, token: "sandbox-token" });
  await rejects(prod.deleteAllContracts(), (e) => {
    assert.equal(e.kind, "usage");
    assert.match(e.message, /sandbox/);
  });
});

test("Auth: { token } and { getToken } as well as client credentials; a wrong secret is kind auth", async () => {
  const res = await fetch(`${sbx.url}/cegos/connect/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `grant_type=client_credentials&client_id=sandbox&client_secret=${SECRET}&scope=api-cegos` });
  const { access_token } = await res.json();
  const withToken = new CegosClient({ sandboxUrl: sbx.url, token: access_token });
  assert.equal((await withToken.catalogs()).data.length, 3);
  let asked = 0;
  const withGetToken = new CegosClient({ sandboxUrl: sbx.url, getToken: async () => (asked++, access_token) });
  await Promise.all([withGetToken.catalogs(), withGetToken.catalogs(), withGetToken.centers()]);
  assert.equal(asked, 1, "getToken asked once for three calls");
  const wrong = new CegosClient({ sandboxUrl: sbx.url, clientId: "sandbox", clientSecret: "wrong-secret-xyz" });
  await rejects(wrong.catalogs(), (e) => {
    assert.equal(e.kind, "auth");
    assert.equal(e.providerCode, "invalid_client");
    assert.ok(!JSON.stringify({ ...e, message: e.message }).includes("wrong-secret-xyz"));
  });
  await rejects(Promise.resolve().then(() => new CegosClient({ sandboxUrl: sbx.url, token: "a", clientId: "b", clientSecret: "c" })), (e) => assert.equal(e.kind, "usage"));
  await rejects(Promise.resolve().then(() => new LaraClient({ token: "a" })), (e) => assert.match(e.message, /baseUrl/));
  await rejects(Promise.resolve().then(() => new CegosClient({ sandboxUrl: sbx.url, token: "a", retries: -1 })), (e) => assert.equal(e.kind, "usage"));
});

test("Faults: each has its outcome — success after a retry, or a typed error of the right kind", async () => {
  const { client, responses } = cegos({ lang: "en" });
  const attemptsOf = async (p) => {
    const start = responses.length;
    await p;
    return responses.slice(start).filter((r) => r.endpoint === "cegos.catalogs").length;
  };
  await client.catalogs(); // the token, out of the way
  assert.equal(await attemptsOf(client.catalogs({}, once("503"))), 2, "503 once, then success");
  assert.equal(await attemptsOf(client.catalogs({}, once("502"))), 2);
  assert.equal(await attemptsOf(client.catalogs({}, once("500"))), 2);
  const t0 = performance.now();
  assert.equal(await attemptsOf(client.catalogs({}, once("429:1"))), 2, "429 once");
  assert.ok(performance.now() - t0 >= 950, "Retry-After: 1 honoured");
  assert.equal(await attemptsOf(client.catalogs({}, once("reset"))), 2, "a reset connection is retried");
  assert.equal(await attemptsOf(client.catalogs({}, once("truncate"))), 2, "a body cut short is retried");
  assert.equal(await attemptsOf(client.catalogs({}, once("expired-token"))), 2, "401: refresh once, replay once");
  assert.equal((await client.catalogs({}, fault("trickle=5:64"))).data.length, 3, "a slow body arrives whole");
  await rejects(client.catalogs({}, fault("503")), (e) => {
    assert.deepEqual([e.kind, e.status, e.attempts, e.retryable], ["http", 503, 3, true]);
    assert.equal(e.url, `${sbx.url}/cegos/v1/Catalogs`);
  });
  await rejects(client.catalogs({}, fault("429:120")), (e) => {
    assert.deepEqual([e.kind, e.retryAfterMs, e.attempts], ["rate_limited", 120000, 1], "a Retry-After above 60 s is left to the caller");
  });
  await rejects(client.catalogs({}, fault("reset")), (e) => assert.deepEqual([e.kind, e.attempts], ["network", 3]));
  await rejects(client.catalogs({}, fault("truncate")), (e) => {
    assert.equal(e.kind, "decode");
    assert.match(e.message, /stopped before the end of its body/);
  });
  await rejects(client.catalogs({}, fault("invalid-json")), (e) => {
    assert.equal(e.kind, "decode");
    assert.ok(e.issues.length >= 1 && e.issues[0].rule === "shape.json" && e.issues[0].line >= 1 && e.issues[0].column >= 1, JSON.stringify(e.issues));
  });
  await rejects(client.catalogs({}, fault("expired-token")), (e) => assert.deepEqual([e.kind, e.status, e.attempts], ["auth", 401, 2]));
  await rejects(client.catalogs({}, { ...fault("latency=2000"), timeoutMs: 200, retry: false }), (e) => assert.deepEqual([e.kind, e.attempts], ["timeout", 1]));
  const ctl = new AbortController();
  const pending = client.catalogs({}, { ...fault("latency=2000"), signal: ctl.signal });
  setTimeout(() => ctl.abort(), 100);
  await rejects(pending, (e) => assert.equal(e.kind, "aborted"));
  await rejects(client.catalogs({}, { signal: AbortSignal.abort() }), (e) => assert.deepEqual([e.kind, e.attempts], ["aborted", 0]));
  const ctl2 = new AbortController();
  const sleeping = client.catalogs({}, { ...fault("503"), signal: ctl2.signal });
  setTimeout(() => ctl2.abort(), 100);
  await rejects(sleeping, (e) => assert.equal(e.kind, "aborted", "an abort during the backoff ends the call"));
});

test("Not retried unless asked: Lära changeCurrentMemberStatus and Campus Skills sync", async () => {
  const responses = [];
  const lara = new LaraClient({ sandboxUrl: sbx.url, token: "sandbox-token", onResponse: (e) => responses.push(e) });
  const who = { customFieldAPIName: "member_status", customFieldValue: "12352", status: { status: "Inscrit" } };
  await rejects(lara.changeCurrentMemberStatus(who, fault("503")), (e) => assert.deepEqual([e.kind, e.attempts, e.retryable], ["http", 1, true]));
  await lara.changeCurrentMemberStatus(who, { ...once("503"), retry: true });
  assert.equal(responses.slice(-2).map((r) => r.status).join(","), "503,200", "opted in: retried");
  const cs = new CampusSkillsClient({ sandboxUrl: sbx.url, token: "sandbox-token" });
  await rejects(cs.syncContracts({ contrats: [] }, fault("503")), (e) => assert.equal(e.attempts, 1));
});

test("Validation before sending: an invalid request makes no call and lists every issue", async () => {
  const requests = [];
  const lara = new LaraClient({ sandboxUrl: sbx.url, token: "sandbox-token", onRequest: (e) => requests.push(e) });
  await rejects(lara.getProgram({}), (e) => {
    assert.equal(e.kind, "validation");
    assert.ok(e.issues.length >= 1 && e.issues[0].path === "id", JSON.stringify(e.issues));
  });
  const { client, requests: creq } = cegos();
  await rejects(client.product("../admin"), (e) => assert.equal(e.kind, "validation", "a code that would leave its route"));
  await rejects(client.product(".."), (e) => assert.equal(e.kind, "validation"));
  assert.equal(requests.length + creq.length, 0, "nothing sent");
  await rejects(lara.getProgram("x"), (e) => assert.equal(e.kind, "usage"));
  await rejects(lara.getProgram({ id: "x" }, { signal: "no" }), (e) => assert.equal(e.kind, "usage"));
});

test("Concurrency: 50 calls waiting on an expired token trigger exactly one token request", async () => {
  const short = await startSandbox("--token-ttl", "3");
  try {
    const tokens = [];
    const client = new CegosClient({ sandboxUrl: short.url, clientId: "sandbox", clientSecret: SECRET, onRequest: (e) => e.endpoint === "cegos.token" && tokens.push(e) });
    await client.catalogs();
    assert.equal(tokens.length, 1);
    await new Promise((r) => setTimeout(r, 1700)); // a 3 s token is used for half its life
    const all = await Promise.all(Array.from({ length: 50 }, () => client.catalogs()));
    assert.equal(all.length, 50);
    assert.equal(tokens.length, 2, "one refresh for the 50 callers");
  } finally {
    short.close();
  }
});

test("No secret in any error, message or hook argument; no unhandled rejection", () => {
  // The sandbox's own invalid_client text names its public credentials as a hint; that is the server's sentence, not a leak.
  const texts = seen.map((x) => JSON.stringify(x instanceof Error ? { ...x, message: x.message, stack: x.stack } : x).replaceAll("(sandbox credentials: sandbox / sandbox-secret)", ""));
  const text = texts.join("\n");
  const leak = texts.find((t) => t.includes(SECRET));
  if (leak) console.log("LEAK", leak);
  assert.ok(seen.length > 20);
  assert.ok(!text.includes(SECRET), "the client secret never appears");
  assert.ok(!/sbx_cegos_[0-9a-f]{8}/.test(text), "no access token appears");
  assert.deepEqual(unhandled, []);
});
