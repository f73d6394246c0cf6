// safeParse / parse / serialize of the built package (pkg/): every structural
// issue with its path, messages in French and English, malformed JSON at its
// 1-based position, the issue cap, dropInvalidItems, and usage errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, fixtureText } from "./helpers.mjs";
import { campusSyncRequest, productsPage } from "../../bench/data.mjs";

const api = (await import(join(ROOT, "pkg/node/index.mjs"))).default;
const { safeParse, parse, serialize, validate, FormakitError } = api;
const index = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/index.json"), "utf8"));
const PRODUCTS = productsPage();

test("every indexed fixture safe-parses to JSON.parse of it, from text, bytes and the parsed value", () => {
  for (const [file, schema] of Object.entries(index)) {
    const text = fixtureText(file);
    const want = JSON.parse(text);
    for (const input of [text, new TextEncoder().encode(text), JSON.parse(text)]) {
      const r = safeParse(schema, input);
      assert.equal(r.success, true, `${file}: ${JSON.stringify(r.issues && r.issues.slice(0, 3))}`);
      assert.deepEqual(r.data, want, file);
      assert.equal("dropped" in r, false);
    }
  }
});

test("a 100-product page with three products missing trainingMethod gives three issues, with their paths (notice sections are optional CMS content)", () => {
  const page = JSON.parse(PRODUCTS);
  for (const i of [5, 37, 80]) delete page.data[i].trainingMethod;
  const r = safeParse("cegos.productsPage", JSON.stringify(page));
  assert.equal(r.success, false);
  assert.deepEqual(
    r.issues.map((i) => [i.path, i.rule, i.severity]),
    [5, 37, 80].map((i) => [`data[${i}].trainingMethod`, "shape.required", "error"]),
  );
  assert.equal(r.issues[0].message, "champ obligatoire « trainingMethod » absent");
  assert.equal(r.issues[0].found, undefined);
  assert.equal(r.truncated, undefined);
  assert.equal(safeParse("cegos.productsPage", page, { lang: "en" }).issues[1].message, 'required field "trainingMethod" is missing');
  // parse throws the same issues, and the first one's fields for compatibility.
  assert.throws(() => parse("cegos.productsPage", JSON.stringify(page)), (e) => {
    assert.ok(e instanceof FormakitError);
    assert.equal(e.kind, "decode");
    assert.equal(e.issues.length, 3);
    assert.equal(e.path, "data[5].trainingMethod");
    assert.match(e.message, /data\[5\]\.trainingMethod/);
    return true;
  });
});

test("a 50-contract Campus Skills batch where contract 12 lacks codeGroupe: one issue at its path", () => {
  const batch = JSON.parse(campusSyncRequest(50));
  delete batch.contrats[12].codeGroupe;
  const r = safeParse("campusskills.syncRequest", JSON.stringify(batch));
  assert.equal(r.success, false);
  assert.deepEqual(r.issues.map((i) => [i.path, i.rule]), [["contrats[12].codeGroupe", "shape.required"]]);
  assert.equal(safeParse("campusskills.syncRequest", campusSyncRequest(50)).success, true);
});

test("an impossible date is a shape.date issue; valid and 'no date' forms pass and keep their text", () => {
  const page = JSON.parse(fixtureText("cegos/sessions_page.json"));
  page.data[0].startDate = "2025-13-45T00:00:00";
  const r = safeParse("cegos.sessionsPage", page);
  assert.equal(r.success, false);
  const issue = r.issues.find((i) => i.path === "data[0].startDate");
  assert.equal(issue.rule, "shape.date");
  assert.equal(issue.expected, "date");
  assert.equal(issue.found, '"2025-13-45T00:00:00"');
  assert.equal(issue.message, 'attendu une date ISO 8601 réelle, reçu la chaîne "2025-13-45T00:00:00"');
  for (const ok of ["0001-01-01T00:00:00", "2018-02-08T15:02:45.73", "2018-10-22T00:00:00+02:00", "2024-02-29"]) {
    page.data[0].startDate = ok;
    const good = safeParse("cegos.sessionsPage", JSON.stringify(page));
    assert.equal(good.success, true, ok);
    assert.equal(good.data.data[0].startDate, ok);
  }
});

test('"800.00" for a number: French by default, English on request', () => {
  const page = JSON.parse(PRODUCTS);
  page.data[0].price = "800.00";
  const text = JSON.stringify(page);
  const fr = safeParse("cegos.productsPage", text).issues;
  assert.deepEqual(fr, [{ path: "data[0].price", rule: "shape.type", severity: "error", message: 'attendu un nombre, reçu la chaîne "800.00"', expected: "number", found: '"800.00"' }]);
  assert.equal(safeParse("cegos.productsPage", text, { lang: "fr" }).issues[0].message, fr[0].message);
  assert.equal(safeParse("cegos.productsPage", text, { lang: "en" }).issues[0].message, 'expected a number, found the string "800.00"');
  assert.throws(() => parse("cegos.productsPage", text, { lang: "en" }), (e) => e.found === '"800.00"' && e.expected === "number" && /expected a number/.test(e.message));
});

test("integers: fractions and unsafe integers are shape.type issues with their own words", () => {
  const page = JSON.parse(PRODUCTS);
  page.data[0].offerYear = 2025.5;
  page.data[1].offerYear = 2 ** 53;
  const r = safeParse("cegos.productsPage", page, { lang: "en" });
  assert.deepEqual(r.issues.map((i) => [i.path, i.rule, i.expected]), [["data[0].offerYear", "shape.type", "integer"], ["data[1].offerYear", "shape.type", "integer"]]);
  assert.equal(r.issues[0].message, "expected an integer, found the number 2025.5");
  assert.equal(r.issues[1].message, "expected an integer of at most 9007199254740991 in absolute value, found the number 9007199254740992");
});

test("malformed JSON and an HTML body are one shape.json issue with a 1-based line and column", () => {
  const cases = [
    ['{"data": [', 1],
    ['{\n  "data": [\n    {"id": 1,,}\n  ]\n}', 3],
    ["<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>", 1],
    ["", 1],
  ];
  for (const [text, line] of cases) {
    for (const input of [text, new TextEncoder().encode(text)]) {
      const r = safeParse("cegos.catalogs", input);
      assert.equal(r.success, false, text);
      assert.equal(r.issues.length, 1, text);
      const [issue] = r.issues;
      assert.equal(issue.rule, "shape.json", text);
      assert.equal(issue.path, "");
      assert.equal(issue.line, line, text);
      assert.ok(Number.isInteger(issue.column) && issue.column >= 1, `${text}: column ${issue.column}`);
    }
  }
  const html = safeParse("cegos.catalogs", "<html></html>").issues[0];
  assert.equal(html.column, 1);
  assert.throws(() => parse("cegos.catalogs", "<html></html>"), (e) => e.kind === "decode" && e.line === 1 && e.column === 1 && e.issues[0].rule === "shape.json");
  // Bytes that are not UTF-8, and a BOM, are refused as the Rust decoder refuses them.
  assert.equal(safeParse("cegos.catalogs", new Uint8Array([0xff, 0xfe])).issues[0].rule, "shape.json");
  assert.equal(safeParse("cegos.catalogs", "\ufeff" + fixtureText("cegos/catalogs.json")).success, false);
});

test("at most 100 issues, then truncated: true", () => {
  const page = JSON.parse(PRODUCTS);
  for (const p of page.data) {
    delete p.title;
    p.price = "0";
  }
  const r = safeParse("cegos.productsPage", page);
  assert.equal(r.success, false);
  assert.equal(r.issues.length, 100);
  assert.equal(r.truncated, true);
  assert.equal(r.issues[0].path, "data[0].title");
  assert.equal(r.issues[99].path, "data[49].price");
  assert.throws(() => parse("cegos.productsPage", JSON.stringify(page)), (e) => e.truncated === true && e.issues.length === 100);
  // Exactly 100 is not truncated.
  const hundred = JSON.parse(PRODUCTS);
  for (const p of hundred.data) delete p.title;
  const h = safeParse("cegos.productsPage", hundred);
  assert.equal(h.issues.length, 100);
  assert.equal(h.truncated, undefined);
});

test("dropInvalidItems removes the failing items, listed with their original index", () => {
  const page = JSON.parse(PRODUCTS);
  delete page.data[3].trainingMethod;
  page.data[50].price = "800.00";
  page.data[51].titles = "x";
  const before = JSON.stringify(page);
  const r = safeParse("cegos.productsPage", before, { dropInvalidItems: true });
  assert.equal(r.success, true);
  assert.equal(r.data.data.length, 97);
  assert.deepEqual(r.dropped.map((d) => d.index), [3, 50, 51]);
  assert.deepEqual(r.dropped.map((d) => d.issues.map((i) => i.path)), [["data[3].trainingMethod"], ["data[50].price"], ["data[51].titles"]]);
  assert.equal(r.data.data[3].productCode, page.data[4].productCode);
  assert.equal(r.data.totalItems, page.totalItems);
  // An object input is left as it was.
  const obj = JSON.parse(before);
  assert.equal(safeParse("cegos.productsPage", obj, { dropInvalidItems: true }).data.data.length, 97);
  assert.equal(JSON.stringify(obj), before);
  // parse returns the page without them.
  assert.equal(parse("cegos.productsPage", before, { dropInvalidItems: true }).data.length, 97);
  // Nothing to drop: an empty list.
  assert.deepEqual(safeParse("cegos.productsPage", PRODUCTS, { dropInvalidItems: true }).dropped, []);
  // An issue outside the items still fails, with every issue.
  page.pageNumber = "1";
  const bad = safeParse("cegos.productsPage", page, { dropInvalidItems: true });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.issues.map((i) => i.path), ["data[3].trainingMethod", "data[50].price", "data[51].titles", "pageNumber"]);
  // A list schema whose root is the array.
  const list = JSON.parse(fixtureText("lara/program_list.json"));
  if (Array.isArray(list) && list.length > 0) {
    const broken = [...list, { ...list[0], name: 5 }];
    const lr = safeParse("lara.programList", broken, { dropInvalidItems: true });
    assert.equal(lr.success, true);
    assert.deepEqual(lr.dropped.map((d) => [d.index, d.issues[0].path]), [[list.length, `[${list.length}].name`]]);
  }
});

test("usage errors: a bad lang, dropInvalidItems on a non-list schema, wrong argument types", () => {
  const isUsage = (e) => e instanceof FormakitError && e.kind === "usage";
  const text = fixtureText("cegos/product.json");
  assert.throws(() => safeParse("cegos.product", text, { lang: "de" }), isUsage);
  assert.throws(() => safeParse("cegos.product", text, { lang: 1 }), isUsage);
  assert.throws(() => parse("cegos.product", text, { lang: null }), isUsage);
  assert.throws(() => safeParse("cegos.product", text, { dropInvalidItems: true }), (e) => isUsage(e) && /page or list/.test(e.message));
  assert.throws(() => safeParse("cegos.productsPage", PRODUCTS, { dropInvalidItems: "yes" }), isUsage);
  assert.throws(() => safeParse("cegos.product", text, "en"), isUsage);
  assert.throws(() => safeParse(42, text), isUsage);
  assert.throws(() => safeParse("cegos.product", undefined), isUsage);
  assert.throws(() => safeParse("cegos.nope", text), (e) => e.kind === "schema");
  assert.throws(() => serialize("cegos.product", JSON.parse(text), { lang: "de" }), isUsage);
  // Arguments reach wasm only once checked: never a wasm RuntimeError.
  assert.throws(() => validate("cegos.product", text, { lang: 7 }), isUsage);
  assert.throws(() => validate(7, text), isUsage);
  assert.throws(() => validate("cegos.product", Symbol("x")), isUsage);
  assert.throws(() => api.periodEnd(fixtureText("lara/period.json"), { lang: "xx" }), isUsage);
  assert.throws(() => api.sessionAvailability(undefined), isUsage);
  assert.throws(() => api.inferMemberActivity(1), isUsage);
  assert.throws(() => api.inferMemberActivity("MEMBRE", "yes"), isUsage);
});

test("serialize checks with the JS checker and writes the JSON text", () => {
  const value = JSON.parse(fixtureText("cegos/session.json"));
  assert.equal(serialize("cegos.session", value), JSON.stringify(value));
  value.data.startDate = "2025-02-30T09:00:00";
  assert.throws(() => serialize("cegos.session", value), (e) => e.kind === "decode" && e.path === "data.startDate" && e.issues[0].rule === "shape.date");
});

test("endpoints() returns a list", () => {
  const list = api.endpoints();
  assert.ok(Array.isArray(list));
});
