// The clients in headless Chromium against the sandbox (the sandbox serves pkg/ at /pkg/):
// a page that never holds a secret (getToken from a token endpoint standing in for a
// partner's proxy), item iteration, a retried 503, a typed provider error, an abort, a
// timeout, and formakit/cegos's Cegos-only entry.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "./sandbox.mjs";

let sbx;
let browser;
before(async () => {
  sbx = await startSandbox();
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
});
after(async () => {
  if (browser) await browser.close();
  if (sbx) sbx.close();
});

async function inPage(entry, fn) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  // Unhandled rejections surface as page errors.
  await page.goto(`${sbx.url}/`);
  try {
    const result = await page.evaluate(`(async () => { const fk = await import(${JSON.stringify(entry)}); return (${fn})(fk); })()`);
    await page.waitForTimeout(200);
    return { result, errors };
  } finally {
    await page.close();
  }
}

const SCRIPT = String(async (fk) => {
  const { CegosClient, LaraClient, FormakitError } = fk;
  // A partner page asks its own backend for a token; here the sandbox's token route plays that proxy.
  let asked = 0;
  const getToken = async () => {
    asked++;
    const r = await fetch("/cegos/connect/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials&client_id=sandbox&client_secret=sandbox-secret&scope=api-cegos" });
    return (await r.json()).access_token;
  };
  const attempts = [];
  const cegos = new CegosClient({ sandboxUrl: location.origin, getToken, onResponse: (e) => attempts.push(e.status) });
  const out = {};
  out.catalogs = (await cegos.catalogs()).data.length;
  let items = 0;
  for await (const p of cegos.products()) items++;
  out.items = items;
  attempts.length = 0;
  await cegos.catalogs({}, { headers: { "X-Formakit-Fault": "503,times=1,id=browser1" } });
  out.retried = attempts.join(",");
  const kindOf = async (p) => p.then(() => "resolved", (e) => (e instanceof FormakitError ? e.kind : `not a FormakitError: ${e}`));
  const lara = new LaraClient({ sandboxUrl: location.origin, getToken: () => "sandbox-token" });
  out.lara = await lara.getProgram({ id: "nope%3d%3d" }).then(() => null, (e) => [e.kind, e.providerCode >= 1400, typeof e.providerCodeName]);
  const ctl = new AbortController();
  const slow = cegos.catalogs({}, { headers: { "X-Formakit-Fault": "latency=3000" }, signal: ctl.signal });
  setTimeout(() => ctl.abort(), 50);
  out.aborted = await kindOf(slow);
  out.timeout = await kindOf(cegos.catalogs({}, { headers: { "X-Formakit-Fault": "latency=3000" }, timeoutMs: 100, retry: false }));
  out.reset = await kindOf(cegos.catalogs({}, { headers: { "X-Formakit-Fault": "reset" }, retry: false }));
  out.invalid = await kindOf(cegos.catalogs({}, { headers: { "X-Formakit-Fault": "invalid-json" } }));
  out.asked = asked;
  return out;
});

test("Chromium: the clients with getToken, paging, retries and typed errors", async () => {
  const { result, errors } = await inPage("/pkg/web/index.js", SCRIPT);
  assert.deepEqual(result, {
    catalogs: 3,
    items: 1247,
    retried: "503,200",
    lara: ["provider", true, "string"],
    aborted: "aborted",
    timeout: "timeout",
    reset: "network",
    invalid: "decode",
    asked: 1,
  });
  // The reset makes Chromium log a failed fetch; nothing else may reach the console.
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|net::/.test(e)), []);
});

test("Chromium: formakit/cegos carries CegosClient and its wasm only", async () => {
  const { result, errors } = await inPage(
    "/pkg/web/cegos/index.js",
    String(async (fk) => {
      const c = new fk.CegosClient({ sandboxUrl: location.origin, clientId: "sandbox", clientSecret: "sandbox-secret" });
      return { products: (await c.products().toArray({ limit: 120 })).length, lara: typeof fk.LaraClient };
    }),
  );
  assert.deepEqual(result, { products: 120, lara: "undefined" });
  assert.deepEqual(errors, []);
});
