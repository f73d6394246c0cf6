// The packed tarball installed into throw-away Node ESM and CommonJS projects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { CONSUMER_CHECKS, EXPECTED, fixtureText, project } from "./helpers.mjs";

const CATALOGS = JSON.stringify(fixtureText("cegos/catalogs.json"));

function check(out) {
  const result = JSON.parse(out);
  assert.ok(result.schemas > 0);
  delete result.schemas;
  assert.deepEqual(result, EXPECTED);
}

test("Node ESM: import from the installed tarball, no init call", () => {
  const dir = project("node-esm", {
    "package.json": '{ "type": "module" }',
    "main.mjs": `import { parse, serialize, schemas, FormakitError } from "formakit";\nconst CATALOGS = ${CATALOGS};\n${CONSUMER_CHECKS}\nconsole.log(JSON.stringify(result));`,
  });
  check(execFileSync("node", [join(dir, "main.mjs")], { encoding: "utf8" }));
});

test("Node CommonJS: require the installed tarball", () => {
  const dir = project("node-cjs", {
    "package.json": '{ "type": "commonjs" }',
    "main.js": `const { parse, serialize, schemas, FormakitError } = require("formakit");\nconst CATALOGS = ${CATALOGS};\n${CONSUMER_CHECKS}\nconsole.log(JSON.stringify(result));`,
  });
  check(execFileSync("node", [join(dir, "main.js")], { encoding: "utf8" }));
});

test("Node: ESM import and require share one FormakitError class", () => {
  const dir = project("node-dual", {
    "package.json": '{ "type": "module" }',
    "main.mjs": `import { createRequire } from "node:module";\nimport * as esm from "formakit";\nconst cjs = createRequire(import.meta.url)("formakit");\nconsole.log(JSON.stringify(esm.FormakitError === cjs.FormakitError));`,
  });
  assert.equal(execFileSync("node", [join(dir, "main.mjs")], { encoding: "utf8" }).trim(), "true");
});

test("TypeScript --strict: the shipped .d.ts types a consumer", () => {
  const dir = project("tsc", {
    "package.json": '{ "type": "module" }',
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", skipLibCheck: false, exactOptionalPropertyTypes: true }, files: ["consumer.ts"] }),
    "consumer.ts": `import { parse, serialize, validate, FormakitError, type Issue, type CegosCatalogsResponse, type SchemaName } from "formakit";
const page = parse("cegos.catalogs", "{}");
const label: string = page.data[0].label;
const typed: CegosCatalogsResponse = page;
const text: string = serialize("cegos.catalogs", typed);
const issues: Issue[] = validate("cegos.catalogs", text, { lang: "en" });
const name: SchemaName = "cegos.catalogs";
try { parse(name, new Uint8Array()); } catch (e) { if (e instanceof FormakitError && e.kind === "decode") { const p: string | undefined = e.path; void p; } }
// @ts-expect-error: a misspelt schema name is a type error
parse("cegos.catalog", "{}");
// @ts-expect-error: a wrong field type is a type error
const n: number = page.data[0].label;
void label; void issues; void n;
`,
  });
  execFileSync(join(process.cwd(), "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8", stdio: "pipe" });
});
