// The outside fuzz run's findings, through the built package: odd arguments are usage
// errors (never a wasm trap or a RangeError), and every entry point gives one answer
// for the same bytes (a BOM, bytes that are not UTF-8, a raw lone surrogate, numbers
// beyond 2^53). The module still answers afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { ROOT, fixtureText } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const fk = require(`${ROOT}pkg/node/index.cjs`);
const { FormakitError } = fk;
const usage = (e) => e instanceof FormakitError && e.kind === "usage";

test("a non-string lang is a usage error in validate, assertValid and periodEnd", () => {
  const session = fixtureText("cegos/session.json");
  const period = JSON.parse(fixtureText("lara/period.json"));
  for (const lang of [1, -1, true, {}, new Date(), [], Symbol.iterator]) {
    assert.throws(() => fk.validate("cegos.session", session, { lang }), usage, String(typeof lang));
    assert.throws(() => fk.assertValid("cegos.session", session, { lang }), usage);
    assert.throws(() => fk.periodEnd(period, { lang }), usage);
  }
  assert.deepEqual(fk.validate("cegos.session", session).filter((i) => i.severity === "error"), []);
});

test("serialize of a 100,000-deep object is a usage error, not a RangeError", () => {
  let deep = {};
  const root = deep;
  for (let i = 0; i < 100_000; i++) deep = deep.a = {};
  assert.throws(() => fk.serialize("lara.program", root), usage);
  assert.equal(typeof fk.serialize("lara.program", JSON.parse(fixtureText("lara/program.json"))), "string");
});

test("one answer for the same bytes: BOM, invalid UTF-8, raw lone surrogate, numbers beyond 2^53", () => {
  const program = fixtureText("lara/program.json");
  const enc = (s) => new TextEncoder().encode(s);
  const cases = {
    bom: Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(program)]),
    // "Programme de Test" with its "T" replaced by 0xC3 0x28, which is not UTF-8.
    invalidUtf8: Uint8Array.from([...enc(program.replace("Programme de Test", "Programme de \u0001"))].flatMap((b) => (b === 0x01 ? [0xc3, 0x28] : [b]))),
    rawLoneSurrogate: program.replace(/"name": "[^"]*"/, '"name": "a\ud800b"'),
    escapedLoneSurrogate: program.replace(/"name": "[^"]*"/, '"name": "a\\ud800b"'),
    beyond2p53: program.replace('"taxStateId": 321', '"taxStateId": 9223372036854775807'),
  };
  for (const [name, input] of Object.entries(cases)) {
    const parsed = fk.safeParse("lara.program", input);
    assert.equal(parsed.success, false, `${name}: safeParse refuses`);
    const issues = fk.validate("lara.program", input);
    assert.ok(issues.some((i) => i.severity === "error" && i.rule.startsWith("shape.")), `${name}: validate reports a structural error: ${JSON.stringify(issues.slice(0, 2))}`);
    assert.throws(() => fk.parse("lara.program", input), (e) => e instanceof FormakitError && e.kind === "decode", name);
    assert.throws(() => fk.assertValid("lara.program", input), (e) => e instanceof FormakitError, name);
  }
  // And the module still answers.
  assert.equal(fk.safeParse("lara.program", program).success, true);
});
