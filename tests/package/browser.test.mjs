// The packed tarball in a browser: a Vite build and a plain page with
// <script type="module">, both loaded in Debian's headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CONSUMER_CHECKS, EXPECTED, ROOT, fixtureText, project, runPage, serve } from "./helpers.mjs";

const CATALOGS = JSON.stringify(fixtureText("cegos/catalogs.json"));
const PAGE_SCRIPT = (from) => `import { parse, serialize, schemas, FormakitError } from "${from}";
const CATALOGS = ${CATALOGS};
${CONSUMER_CHECKS}
document.body.dataset.result = JSON.stringify(result);`;

function check(result) {
  assert.ok(result.schemas > 0);
  delete result.schemas;
  assert.deepEqual(result, EXPECTED);
}

test("Vite: a production build that imports formakit runs in Chromium without an init call", async () => {
  const dir = project("vite", {
    "package.json": '{ "type": "module", "private": true }',
    "index.html": '<!doctype html><html><body><script type="module" src="/main.js"></script></body></html>',
    "main.js": PAGE_SCRIPT("formakit"),
  });
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: dir, stdio: "pipe" });
  const server = await serve(join(dir, "dist"));
  try {
    const { result, errors } = await runPage(server.url);
    check(result);
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});

test("Plain page: <script type=module> imports the package's web entry", async () => {
  const dir = project("static", {
    "index.html": '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
    "main.js": PAGE_SCRIPT("./node_modules/formakit/web/index.js"),
  });
  const server = await serve(dir);
  try {
    const { result, errors } = await runPage(server.url);
    check(result);
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});

test("Vite: formakit/cegos bundles the Cegos-only wasm and checkers, and refuses what it does not carry", async () => {
  const dir = project("vite-cegos", {
    "package.json": '{ "type": "module", "private": true }',
    "index.html": '<!doctype html><html><body><script type="module" src="/main.js"></script></body></html>',
    "main.js": `import { parse, safeParse, schemas, validate, inferMemberActivity, FormakitError } from "formakit/cegos";
const CATALOGS = ${CATALOGS};
const names = schemas();
const out = { count: names.length, allCegos: names.every((n) => n.startsWith("cegos.")), label: parse("cegos.catalogs", CATALOGS).data[0].label };
out.bad = safeParse("cegos.catalogs", '{"data":[{"id":"x"}]}').issues.map((i) => i.path + " " + i.rule);
out.validated = validate("cegos.catalogs", CATALOGS).length;
try { parse("lara.program", "{}"); } catch (e) { out.lara = e instanceof FormakitError && e.kind; }
try { inferMemberActivity("membre"); } catch (e) { out.helper = e instanceof FormakitError && e.kind; }
document.body.dataset.result = JSON.stringify(out);`,
  });
  execFileSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: dir, stdio: "pipe" });
  // The bundle carries the Cegos entry's wasm, not the full one.
  const { readdirSync, statSync } = await import("node:fs");
  const wasm = readdirSync(join(dir, "dist", "assets")).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one wasm in the bundle: ${wasm}`);
  const full = statSync(join(dir, "node_modules", "formakit", "web", "formakit_bg.wasm")).size;
  const cegos = statSync(join(dir, "node_modules", "formakit", "web", "cegos", "formakit_bg.wasm")).size;
  assert.equal(statSync(join(dir, "dist", "assets", wasm[0])).size, cegos);
  assert.ok(cegos < full, `cegos wasm ${cegos} < full ${full}`);
  const server = await serve(join(dir, "dist"));
  try {
    const { result, errors } = await runPage(server.url);
    assert.deepEqual(errors, []);
    assert.equal(result.allCegos, true);
    assert.equal(result.count, 17, "the 17 Cegos schemas (token, request and error included)");
    assert.equal(result.label, EXPECTED.label);
    assert.deepEqual(result.bad, ["data[0].id shape.type", "data[0].label shape.required", "data[0].countryId shape.required", "data[0].countryLabel shape.required", "data[0].startDate shape.required", "data[0].endDate shape.required"]);
    assert.equal(result.validated, 0);
    assert.equal(result.lara, "schema");
    assert.equal(result.helper, "usage");
  } finally {
    server.close();
  }
});
