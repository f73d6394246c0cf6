// The JS surface of the built package (pkg/), in Node: parse / serialize /
// validate / assertValid / helpers over every indexed fixture, and the
// FormakitError contract.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, fixtureText } from "./helpers.mjs";

const api = (await import(join(ROOT, "pkg/node/index.mjs"))).default;
const { parse, serialize, validate, assertValid, schemas, FormakitError, sessionAvailability, inferMemberActivity, periodEnd } = api;
const index = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/index.json"), "utf8"));

test("every indexed fixture parses from text and bytes to exactly JSON.parse of it, and serializes back", () => {
  for (const [file, schema] of Object.entries(index)) {
    const text = fixtureText(file);
    const value = parse(schema, text);
    assert.deepEqual(value, JSON.parse(text), file);
    assert.deepEqual(parse(schema, new TextEncoder().encode(text)), value, file);
    assert.deepEqual(JSON.parse(serialize(schema, value)), value, file);
    assert.ok(Array.isArray(validate(schema, value)), file);
  }
});

test("every schema name is listed by schemas() and covered by a fixture", () => {
  const covered = new Set(Object.values(index));
  for (const name of schemas()) assert.ok(covered.has(name), `no fixture for ${name}`);
});

test("decode errors are FormakitError with kind, path, expected and found", () => {
  const bad = fixtureText("cegos/sessions_page.json").replace(/"startDate": "[^"]*"/, '"startDate": 42');
  assert.throws(() => parse("cegos.sessionsPage", bad), (e) => {
    assert.ok(e instanceof FormakitError && e instanceof Error);
    assert.equal(e.name, "FormakitError");
    assert.equal(e.kind, "decode");
    assert.match(e.path, /^data\[0\]\./);
    assert.match(e.found, /42/);
    assert.ok(e.expected.length > 0);
    assert.match(e.message, new RegExp(e.path.replace(/[[\]]/g, "\\$&")));
    return true;
  });
  assert.throws(() => parse("cegos.catalogs", "{"), (e) => e.kind === "decode" && e.line === 1);
  assert.throws(() => parse("cegos.catalogs", new Uint8Array([0xff, 0xfe])), (e) => e.kind === "decode");
});

test("usage and schema mistakes say what was wrong", () => {
  assert.throws(() => parse("cegos.nope", "{}"), (e) => e.kind === "schema" && e.schema === "cegos.nope" && /known schemas/.test(e.message));
  assert.throws(() => parse("cegos.catalogs", { data: [] }), (e) => e.kind === "usage" && /string or a Uint8Array/.test(e.message));
  assert.throws(() => serialize("cegos.catalogs", undefined), (e) => e.kind === "usage");
  assert.throws(() => serialize("cegos.catalogs", { data: [{ id: "1" }] }), (e) => e.kind === "decode" && e.path === "data[0].id");
});

test("validate reports provider codes in French by default and English on request; assertValid throws", () => {
  const program = JSON.parse(fixtureText("lara/program.json"));
  program.name = "ab";
  const fr = validate("lara.program", program);
  const issue = fr.find((i) => i.rule === "lara.program.name.length");
  assert.equal(issue.providerCode, 1405);
  assert.equal(issue.severity, "error");
  assert.equal(issue.path, "name");
  const en = validate("lara.program", program, { lang: "en" }).find((i) => i.rule === "lara.program.name.length");
  assert.notEqual(en.message, issue.message);
  assert.throws(() => assertValid("lara.program", program), (e) => e.kind === "validation" && e.issues.some((i) => i.providerCode === 1405));
  program.name = "Programme de test";
  assert.doesNotThrow(() => assertValid("lara.program", program));
});

test("inference helpers", () => {
  assert.equal(inferMemberActivity("  1ÈRE Inscription "), true);
  assert.equal(inferMemberActivity("autorisation spe\u0301ciale", null), true);
  assert.equal(inferMemberActivity("MEMBRE", false), false);
  assert.equal(inferMemberActivity("radié"), false);
  assert.throws(() => inferMemberActivity(1), (e) => e.kind === "usage");
  const session = JSON.parse(fixtureText("cegos/session.json")).data;
  const a = sessionAvailability(session);
  for (const k of ["isFull", "lastPlaceByRange", "lastPlaceByExactCount", "isHighProbability", "bookable", "fromCounts"]) assert.equal(typeof a[k], "boolean", k);
  const period = JSON.parse(fixtureText("lara/period.json"));
  const end = periodEnd(period);
  assert.ok(end === null || typeof end === "string");
  assert.throws(() => periodEnd({ ...period, startDate: "2025-01-31T00:00:00", duration: 1, durationUnit: 99 }), (e) => e.kind === "validation" && e.issues[0].path === "durationUnit");
  assert.equal(periodEnd({ ...period, startDate: "2024-01-31T09:00:00", duration: 1, durationUnit: 3 }), "2024-02-29T09:00:00");
});
