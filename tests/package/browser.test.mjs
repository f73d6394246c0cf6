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
