// Differential test: the generated JS checker (safeParse over JSON.parse) must
// accept exactly what wasm's serde decode (`checkText`) accepts, over every
// fixture of tests/fixtures/index.json and deterministic mutations of each.
//
// Further mutation kinds, run over every fixture and reported apart:
//   lone-surrogate  `"\ud800"`: JSON.parse makes a string of it; both sides refuse it (the
//                   generated checker looks for lone surrogates since the reliability work): asserted.
//   number-overflow `1e400` where any value goes (unknown fields, `any`): beyond ±(2^53 − 1), so both
//                   sides refuse it: asserted.
//   duplicate-key   `{"a":1,"a":2}`: JSON.parse keeps the last; serde refuses a duplicate named field.
//                   JSON.parse makes it invisible: reported, not asserted.
//   deep-nesting    more than 128 nested arrays/objects in an unknown field: serde_json's recursion
//                   limit; reported, not asserted.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, fixtureText } from "./helpers.mjs";

const require = createRequire(import.meta.url);
const api = require(join(ROOT, "pkg/node/index.cjs"));
const wasm = require(join(ROOT, "pkg/node/formakit.js"));
const { schemas: checkers } = require(join(ROOT, "pkg/lib/checkers/index.cjs"));
const index = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/index.json"), "utf8"));

// Per fixture, at most this many mutations per kind (every position when there are fewer).
const PER_KIND = Number(process.env.FORMAKIT_DIFF_PER_KIND || 150);

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** serde's verdict: checkText returns undefined (or, in the issue format, no issue) when the text decodes. */
function wasmAccepts(schema, text) {
  const reply = wasm.checkText(schema, text);
  if (reply === undefined || reply === null) return true;
  const r = JSON.parse(reply);
  return Array.isArray(r.issues) ? r.issues.filter((i) => i.severity !== "warning").length === 0 : false;
}

function jsAccepts(schema, text) {
  return api.safeParse(schema, text).success;
}

/** Every position of a JSON value: [path (keys), value]. */
function positions(v, path = [], out = []) {
  out.push([path, v]);
  if (Array.isArray(v)) v.forEach((x, i) => positions(x, [...path, i], out));
  else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) positions(v[k], [...path, k], out);
  return out;
}

const RAW = "\u0001raw\u0001";
/** JSON text of `value`, where strings RAW+text are written as the raw JSON text (e.g. `3.0`, `1e400`). */
function textOf(value) {
  return JSON.stringify(value).replace(/"\\u0001raw\\u0001((?:[^"\\]|\\.)*)"/g, (_, t) => JSON.parse(`"${t}"`));
}

function setAt(root, path, fn) {
  if (path.length === 0) return fn(root, true);
  let o = root;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]];
  const k = path[path.length - 1];
  const r = fn(o[k], false);
  if (r === DELETE) {
    if (Array.isArray(o)) o.splice(k, 1);
    else delete o[k];
  } else o[k] = r;
  return root;
}
const DELETE = Symbol("delete");
const SKIP = Symbol("skip");

const DATE_LIKE = /^\d{4}-\d\d-\d\d/;
const BAD_DATES = ["2025-13-45T00:00:00", "2025-02-29", "2025-01-01T24:00:00", "2025/01/01", "2025-01-01T10:00:00+2", "2025-01-01T10:00:00.", "2025-01-01T10:00", "", "0001-01-01T00:00:00", "2024-02-29T23:59:59.999999999999Z", "0000-01-01", "2025-1-01", "é025-01-01"];

/** kind -> (value at the position, rand) => replacement | DELETE | SKIP. Values set to RAW+text are written raw. */
const KINDS = {
  "delete-field": (v, r, isRoot, inObject) => (isRoot || !inObject ? SKIP : DELETE),
  "delete-item": (v, r, isRoot, inObject) => (isRoot || inObject ? SKIP : DELETE),
  "set-null": (v) => (v === null ? SKIP : null),
  "swap-type": (v) => {
    if (typeof v === "string") return 1;
    if (typeof v === "number") return "x";
    if (typeof v === "boolean") return "true";
    if (Array.isArray(v)) return {};
    if (v === null) return false;
    return [];
  },
  "wrap-in-array": (v) => [v],
  "string-for-number": (v) => (typeof v === "number" ? String(v) : SKIP),
  "number-for-string": (v) => (typeof v === "string" ? (Number.isFinite(Number(v)) && v !== "" ? Number(v) : 800) : SKIP),
  "bool-for-string": (v) => (typeof v === "string" || typeof v === "number" ? true : SKIP),
  "fractional-integer": (v) => (Number.isInteger(v) ? v + 0.5 : SKIP),
  "integral-float-text": (v) => (Number.isInteger(v) ? `${RAW}${v}.0` : SKIP),
  "exponent-text": (v) => (Number.isInteger(v) ? `${RAW}${v}e0` : SKIP),
  "huge-integer": (v, r) => (typeof v === "number" ? `${RAW}${["9007199254740992", "-9007199254740993", "9007199254740991", "-9007199254740991", "18446744073709551616", "1e20", "1e308"][Math.floor(r() * 7)]}` : SKIP),
  "negative-number": (v) => (typeof v === "number" && v !== 0 ? -v : SKIP),
  "corrupt-date": (v, r) => (typeof v === "string" && DATE_LIKE.test(v) ? BAD_DATES[Math.floor(r() * BAD_DATES.length)] : SKIP),
  "edit-date": (v, r) => {
    if (typeof v !== "string" || !DATE_LIKE.test(v)) return SKIP;
    const cs = [...v];
    const i = Math.floor(r() * (cs.length + 1));
    const c = "0123456789-:TZ+. x"[Math.floor(r() * 18)];
    const op = r();
    if (op < 0.5) cs[i] = c;
    else if (op < 0.8) cs.splice(i, 1);
    else cs.splice(i, 0, c);
    return cs.join("");
  },
  "unknown-enum-value": (v) => (typeof v === "string" ? "ZZ_NOT_A_DOCUMENTED_VALUE" : typeof v === "number" ? 987654 : SKIP),
  "empty-string": (v) => (typeof v === "string" && v !== "" ? "" : SKIP),
  "unicode-string": (v) => (typeof v === "string" ? "é\u2028😀\u0000\"\\" : SKIP),
  "empty-array": (v) => (Array.isArray(v) && v.length > 0 ? [] : SKIP),
  "empty-object": (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? {} : SKIP),
  "extra-field": (v, r) => (v !== null && typeof v === "object" && !Array.isArray(v) ? { ...v, [["zzExtra", "constructor", "toString", "hasOwnProperty", "a b", "__defineGetter__"][Math.floor(r() * 6)]]: { nested: [1, "x", null] } } : SKIP),
  "nested-delete": (v, r) => {
    // Delete one field two levels down inside an object or array.
    if (v === null || typeof v !== "object") return SKIP;
    const inner = positions(v).filter(([p, x]) => p.length >= 2 && typeof p[p.length - 1] === "string" && x !== undefined);
    if (inner.length === 0) return SKIP;
    const [p] = inner[Math.floor(r() * inner.length)];
    return setAt(structuredClone(v), p, () => DELETE);
  },
};

const EXCLUDED = {
  "duplicate-key": (text) => text.replace(/\{"([^"\\]+)":/, (m, k) => `{"${k}":null,"${k}":`),
  "lone-surrogate": (text) => text.replace(/:"([^"\\]*)"/, ':"\\ud800$1"'),
  "number-overflow": (text) => text.replace(/^\{/, '{"zzUnknown":1e400,'),
  "deep-nesting": (text) => text.replace(/^\{/, `{"zzUnknown":${"[".repeat(200)}${"]".repeat(200)},`),
};

test("every schema has a generated checker (else the differential test compares wasm with itself)", () => {
  const missing = wasm.schemaNames().split(",").filter((s) => !checkers[s]);
  assert.deepEqual(missing, [], "schemas without a JS checker");
});

test("the JS checker accepts exactly what wasm's serde decode accepts, over every fixture and its mutations", (t) => {
  const byKind = {};
  const disagreements = [];
  const issueSets = {};
  const issueDiffs = [];
  let inputs = 0;
  for (const [file, schema] of Object.entries(index)) {
    const text = fixtureText(file);
    const base = JSON.parse(text);
    const r = rng(hash(file));
    const pos = positions(base);
    const check = (kind, mutated) => {
      inputs++;
      const jr = api.safeParse(schema, mutated);
      const js = jr.success;
      const rs = wasmAccepts(schema, mutated);
      if (typeof wasm.safeParseText === "function") {
        // The Rust structural checker lists the same issues (path, rule, message) in the same order.
        const rr = JSON.parse(wasm.safeParseText(schema, mutated, "fr", false));
        // Except `found` (and so the message) of integers beyond 2^53: JSON.parse has already
        // rounded them (-9007199254740993 reads -9007199254740992) and JS writes 1e20 in full.
        const rounded = kind === "huge-integer";
        const key = (list) => (list || []).map((i) => (rounded ? `${i.path} ${i.rule}` : `${i.path} ${i.rule} ${i.message}`)).join("\n");
        const a = key(jr.issues);
        const b = rr.ok ? "" : key(rr.issues);
        const e = (issueSets[kind] ??= { inputs: 0, differ: 0 });
        e.inputs++;
        if (a !== b || (jr.truncated === true) !== (rr.truncated === true)) {
          e.differ++;
          if (issueDiffs.length < 50) issueDiffs.push({ file, kind, js: a.split("\n").slice(0, 3), rust: b.split("\n").slice(0, 3) });
        }
      }
      const k = (byKind[kind] ??= { inputs: 0, accepted: 0, disagree: 0 });
      k.inputs++;
      if (rs) k.accepted++;
      if (js !== rs) {
        k.disagree++;
        if (disagreements.length < 200) {
          const issues = api.safeParse(schema, mutated).issues;
          disagreements.push({ file, kind, js, serde: rs, jsFirst: issues && issues[0] && `${issues[0].path}: ${issues[0].message}`, serdeSays: !rs && wasm.checkText(schema, mutated).slice(0, 300), sample: mutated.length < 400 ? mutated : undefined });
        }
      }
    };
    check("original", text);
    for (const root of ["null", "[]", "{}", "5", '"x"']) check("root-type", root);
    for (const [kind, fn] of Object.entries(KINDS)) {
      // Deterministic sample of positions (all when few), then apply.
      const order = pos.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      let done = 0;
      for (const i of order) {
        if (done >= PER_KIND) break;
        const [path, v] = pos[i];
        const parent = path.length === 0 ? null : path.slice(0, -1).reduce((o, k) => o[k], base);
        const inObject = parent !== null && !Array.isArray(parent);
        const rep = fn(v, r, path.length === 0, inObject);
        if (rep === SKIP) continue;
        const value = JSON.parse(text);
        const mutated = path.length === 0 ? (rep === DELETE ? SKIP : rep) : setAt(value, path, () => rep);
        if (mutated === SKIP) continue;
        check(kind, textOf(mutated));
        done++;
      }
    }
  }
  // Excluded kinds: run and reported (JSON.parse cannot see these differences).
  const excluded = {};
  for (const [file, schema] of Object.entries(index)) {
    const text = JSON.stringify(JSON.parse(fixtureText(file)));
    if (!text.startsWith("{")) continue;
    for (const [kind, fn] of Object.entries(EXCLUDED)) {
      const m = fn(text);
      if (m === text) continue;
      const e = (excluded[kind] ??= { inputs: 0, disagree: 0 });
      e.inputs++;
      if (jsAccepts(schema, m) !== wasmAccepts(schema, m)) e.disagree++;
    }
  }
  const total = Object.values(byKind).reduce((n, k) => n + k.disagree, 0);
  t.diagnostic(`fixtures: ${Object.keys(index).length}, inputs: ${inputs}, kinds: ${Object.keys(byKind).length}, disagreements: ${total}`);
  for (const [kind, k] of Object.entries(byKind)) t.diagnostic(`  ${kind.padEnd(22)} inputs ${String(k.inputs).padStart(6)}  serde accepts ${String(k.accepted).padStart(6)}  disagree ${k.disagree}`);
  const ASSERTED = new Set(["lone-surrogate", "number-overflow"]);
  for (const [kind, k] of Object.entries(excluded)) t.diagnostic(`  ${ASSERTED.has(kind) ? "asserted" : "excluded"} ${kind.padEnd(16)} inputs ${String(k.inputs).padStart(4)}  disagree ${k.disagree}${ASSERTED.has(kind) ? "" : " (not asserted)"}`);
  for (const kind of ASSERTED) {
    assert.ok((excluded[kind]?.inputs ?? 0) > 0, `${kind}: no input`);
    assert.equal(excluded[kind].disagree, 0, `${kind}: the generated checker and serde disagree`);
  }
  const differ = Object.values(issueSets).reduce((n, k) => n + k.differ, 0);
  if (Object.keys(issueSets).length > 0) t.diagnostic(`issue lists (path, rule, message) against wasm safeParseText: ${differ} of ${inputs} inputs differ`);
  else t.diagnostic("this wasm has no safeParseText: issue lists not compared");
  if (process.env.FORMAKIT_DIFF_REPORT) writeReport({ inputs, byKind, excluded, disagreements, issueSets, issueDiffs });
  assert.deepEqual(disagreements.slice(0, 10), [], `${total} disagreements`);
  assert.deepEqual(issueDiffs.slice(0, 5), [], `${differ} inputs whose issue lists differ from the Rust checker's`);
});

test("dates: the JS port of Timestamp::parse_wire agrees with the Rust decoder on every generated date string", (t) => {
  const r = rng(0xda7e);
  const seeds = ["2025-03-15T09:00:00", "2025-09-15T09:00:00Z", "2018-10-22T00:00:00+02:00", "2018-02-08T15:02:45.73", "2025-03-15", "2025-03-15T09:00", "0001-01-01T00:00:00", "2024-02-29", "9999-12-31T23:59:59", "2025-01-01 10:00:00+0230", "2025-01-01T10:00:00-05", "2025-01-01T10:00:00,5"];
  const alphabet = [..."0123456789-:T tZz+.,éx\u00a0😀/"];
  const inputs = new Set([...seeds, ""]);
  for (const s of seeds) {
    for (let k = 0; k < 250; k++) {
      let x = [...s];
      for (let j = 0, n = 1 + Math.floor(r() * 3); j < n; j++) {
        const op = r();
        const i = Math.floor(r() * (x.length + 1));
        const c = alphabet[Math.floor(r() * alphabet.length)];
        if (op < 0.4) x[i] = c;
        else if (op < 0.7) x.splice(i, 1);
        else if (op < 0.85) x.splice(i, 0, c);
        else x = x.slice(0, i);
      }
      inputs.add(x.join(""));
    }
  }
  for (const y of ["0000", "0001", "2024", "2100", "2000"]) for (let m = 0; m <= 13; m++) for (const d of [0, 1, 28, 29, 30, 31, 32]) inputs.add(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  for (const off of ["+23:59", "+24:00", "+02:60", "+0230", "+2460", "+02", "+24", "-1", "+02:3", "Z ", "+02:00Z", "z"]) inputs.add(`2025-01-01T10:00:00${off}`);
  // cegos.catalogs: data[0].startDate is a date.
  const base = JSON.parse(fixtureText("cegos/catalogs.json"));
  let disagree = [];
  let accepted = 0;
  for (const s of inputs) {
    base.data[0].startDate = s;
    const text = JSON.stringify(base);
    const rs = wasmAccepts("cegos.catalogs", text);
    if (rs) accepted++;
    if (jsAccepts("cegos.catalogs", text) !== rs) disagree.push(s);
  }
  t.diagnostic(`date strings: ${inputs.size}, Rust accepts ${accepted}, disagreements ${disagree.length}`);
  assert.deepEqual(disagree.slice(0, 20), []);
});

function writeReport(report) {
  const file = join(ROOT, "tests/package/.work/differential.json");
  require("node:fs").mkdirSync(join(ROOT, "tests/package/.work"), { recursive: true });
  require("node:fs").writeFileSync(file, JSON.stringify(report, null, 2));
}
