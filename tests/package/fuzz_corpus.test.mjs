// The fuzz corpora through the built package in Node: every input of fuzz/corpus/<target>/
// (written by `make fuzz`; absent on a fresh clone) and of fuzz/seeds/<target>/ when present,
// plus a fixed set of byte-level mutations of every fixture (flips, cuts, splices, odd bytes),
// fed to parse, safeParse, validate, assertValid and serialize for its schema, and the CSV
// fixtures and their mutations to campusSkills.checkCsv. Every call returns or throws a
// FormakitError, never another error (a wasm trap is a RuntimeError), and afterwards the module
// still answers correctly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, fixtureText } from "./helpers.mjs";
import { rng } from "../../bench/data.mjs";

const require = createRequire(import.meta.url);
const fk = require(`${ROOT}pkg/node/index.cjs`);
const index = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/index.json"), "utf8"));

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function* mutations(bytes, seed, n) {
  // bench/data.mjs's seeded PRNG: the same mutations on every run.
  const r = rng(seed).next;
  const odd = [0x00, 0xff, 0xc3, 0xed, 0xa0, 0x80, 0x22, 0x5c, 0x7b, 0x5d, 0x2c, 0x3b, 0x0a, 0x0d];
  for (let k = 0; k < n; k++) {
    const b = Uint8Array.from(bytes);
    const at = Math.floor(r() * b.length);
    switch (k % 5) {
      case 0: b[at] ^= 1 << Math.floor(r() * 8); yield b; break;
      case 1: yield b.slice(0, at); break;
      case 2: b[at] = odd[Math.floor(r() * odd.length)]; yield b; break;
      case 3: { const from = Math.floor(r() * b.length); yield Uint8Array.from([...b.slice(0, at), ...b.slice(from, from + 40), ...b.slice(at)]); break; }
      default: yield Uint8Array.from([...b.slice(0, at), 0xef, 0xbb, 0xbf, ...b.slice(at)]);
    }
  }
}

function survives(what, fn) {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof fk.FormakitError)) throw new Error(`${what}: ${e && e.name}: ${e && e.message}`);
  }
}

function feed(schema, input, what) {
  survives(`parse ${what}`, () => fk.parse(schema, input));
  survives(`safeParse ${what}`, () => fk.safeParse(schema, input, { dropInvalidItems: true }));
  survives(`validate ${what}`, () => fk.validate(schema, input, { lang: "en" }));
  survives(`assertValid ${what}`, () => fk.assertValid(schema, input));
  const r = fk.safeParse(schema, input);
  if (r.success) survives(`serialize ${what}`, () => fk.serialize(schema, r.data));
}

test("the schema corpora and fixture mutations: every call answers or throws a FormakitError", () => {
  let n = 0;
  const corpus = [...files(join(ROOT, "fuzz/corpus/schemas")), ...files(join(ROOT, "fuzz/seeds/schemas"))];
  for (const f of corpus) {
    const bytes = readFileSync(f);
    // In the schemas target the first byte picks the schema by its index in the Rust registry
    // (fuzz/src/schemas_body.rs); here it picks one of the package's schemas() the same way,
    // and every input also goes to two fixed schemas.
    const all = fk.schemas();
    for (const schema of [all[bytes[0] % all.length], "lara.program", "campusskills.syncRequest"]) {
      feed(schema, new Uint8Array(bytes.subarray(1)), f);
      n++;
    }
  }
  for (const [file, schema] of Object.entries(index)) {
    const bytes = new TextEncoder().encode(fixtureText(file));
    let i = 0;
    for (const m of mutations(bytes, file.length * 7919 + 1, 30)) {
      feed(schema, m, `${file} mutation ${i++}`);
      n++;
    }
  }
  assert.ok(n > 2000, `${n} inputs`);
  // Still answering, and correctly.
  for (const [file, schema] of Object.entries(index).slice(0, 10)) {
    const text = fixtureText(file);
    assert.deepEqual(fk.parse(schema, text), JSON.parse(text), file);
  }
});

test("the CSV corpora and fixture mutations: checkCsv answers or throws a FormakitError", () => {
  const dir = join(ROOT, "tests/fixtures/campus_skills/csv");
  // The campus_csv target's inputs start with two bytes of options (fuzz/src/campus_csv_body.rs): the file follows.
  const inputs = [...files(join(ROOT, "fuzz/corpus/campus_csv")), ...files(join(ROOT, "fuzz/seeds/campus_csv"))].map((f) => readFileSync(f).subarray(2));
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, f));
    inputs.push(bytes, ...mutations(bytes, f.length * 104729 + 3, 40));
  }
  for (const [i, input] of inputs.entries()) {
    for (const options of [undefined, { delimiter: ",", dateFormat: "MM/DD/YYYY" }, { encoding: "utf-8", mapping: { "#A": "codeContrat", "#B": null } }]) {
      survives(`checkCsv input ${i}`, () => {
        const r = fk.campusSkills.checkCsv(input, options);
        assert.ok(Array.isArray(r.issues) && typeof r.summary.contracts === "number");
      });
    }
  }
  assert.equal(fk.campusSkills.checkCsv(readFileSync(join(dir, "api_fields.csv"))).summary.contracts, 3);
});
