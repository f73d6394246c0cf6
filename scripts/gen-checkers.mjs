// Generates the JavaScript shape checkers from the shape descriptors the Rust
// declarations print (`cargo run --example shapes > shapes.json`, format in
// notes/core-v2.md). No `new Function` / eval at run time: the widget runs
// under a strict CSP, so the checkers are plain modules written here, at build time.
//
//   node scripts/gen-checkers.mjs <shapes.json> <out-dir>
//
// Writes into <out-dir>, each as ESM (.mjs) and CommonJS (.cjs):
//   runtime      messages (fr/en), the date validator (src/dates.rs parse_wire), paths, the issue cap
//   <provider>   per model `isX(v)` (boolean, allocation-free: the hot path) and `collectX(v, path, c)`
//                (runs only when the fast check failed; lists every issue), and `schemas`
//   index        every provider's `schemas` merged
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

// ---------------------------------------------------------------- expectations ({E})

const E_WORDS = {
  string: ["une chaîne", "a string"],
  number: ["un nombre", "a number"],
  integer: ["un entier", "an integer"],
  boolean: ["un booléen", "a boolean"],
  date: ["une date ISO 8601 réelle", "a real ISO 8601 date"],
  array: ["une liste", "an array"],
  object: ["un objet", "an object"],
  null: ["null", "null"],
};
const UNSAFE = ["un entier d'au plus 9007199254740991 en valeur absolue", "an integer of at most 9007199254740991 in absolute value"];
// A number beyond 2^53 - 1 in magnitude, anywhere (src/wire.rs is_safe_number): JS has already changed it.
const UNSAFE_NUMBER = ["un nombre d'au plus 9007199254740991 en valeur absolue", "a number of at most 9007199254740991 in absolute value"];

/** [token, fr, en] of what a type expects; `unsafe` words integers for an unsafe integer found. */
function expectation(t, unsafe = false) {
  switch (t.t) {
    case "number":
      return ["number", ...(unsafe ? UNSAFE_NUMBER : E_WORDS.number)];
    case "string":
    case "boolean":
    case "date":
    case "array":
      return [t.t, ...E_WORDS[t.t]];
    case "integer":
      return ["integer", ...(unsafe ? UNSAFE : E_WORDS.integer)];
    case "map":
    case "ref":
      return ["object", ...E_WORDS.object];
    case "any":
      return ["any", "une valeur JSON", "a JSON value"];
    case "enum": {
      const values = t.values.map((v) => JSON.stringify(v)).join(" | ");
      return [values, `une des valeurs ${values}`, `one of ${values}`];
    }
    case "nullable": {
      const [tok, fr, en] = expectation(t.of, unsafe);
      return [`${tok} | null`, `${fr} ou null`, `${en} or null`];
    }
    case "oneOf": {
      const alts = t.of.map((a) => expectation(a, unsafe));
      return [alts.map((a) => a[0]).join(" | "), alts.map((a) => a[1]).join(" ou "), alts.map((a) => a[2]).join(" or ")];
    }
    default:
      throw new Error(`unknown type tag ${JSON.stringify(t.t)}`);
  }
}

function mentionsInteger(t) {
  if (t.t === "integer" || t.t === "number") return true;
  if (t.t === "nullable") return mentionsInteger(t.of);
  if (t.t === "oneOf") return t.of.some(mentionsInteger);
  return false;
}

// ---------------------------------------------------------------- code generation

class Gen {
  constructor(shapes) {
    this.shapes = shapes;
    this.exps = new Map(); // key -> const name
    this.expLines = [];
    this.helpers = new Map(); // type key -> fast helper name
    this.helperLines = [];
    this.uid = 0;
    this.wrapperLines = [];
  }

  /** The name of the shared expectation constant of `t` (declared once per module). */
  E(t) {
    const e = expectation(t);
    const u = mentionsInteger(t) ? expectation(t, true) : null;
    const key = JSON.stringify([e, u]);
    let name = this.exps.get(key);
    if (!name) {
      name = `E${this.exps.size}`;
      this.exps.set(key, name);
      this.expLines.push(`const ${name} = ${JSON.stringify({ tok: e[0], fr: e[1], en: e[2], ...(u ? { ufr: u[1], uen: u[2] } : {}) })};`);
    }
    return name;
  }

  /** A boolean JS expression: does `x` (a plain identifier) match `t`? */
  fastExpr(t, x) {
    switch (t.t) {
      case "string":
        return `(typeof ${x} === "string" && isText(${x}))`;
      case "number":
        return `(Number.isFinite(${x}) && Math.abs(${x}) <= 9007199254740991)`;
      case "integer":
        return `Number.isSafeInteger(${x})`;
      case "boolean":
        return `typeof ${x} === "boolean"`;
      case "date":
        return `(typeof ${x} === "string" && isDate(${x}))`;
      case "any":
        return `(${x} !== undefined && isSafeJson(${x}))`;
      case "enum":
        return `(${t.values.map((v) => `${x} === ${JSON.stringify(v)}`).join(" || ")})`;
      case "ref":
        return `is${t.model}(${x})`;
      case "nullable":
        if (isSimple(t.of)) return `(${x} === null || ${this.fastExpr(t.of, x)})`;
        return `${this.helper(t)}(${x})`;
      case "oneOf":
        return `(${t.of.map((a) => (isSimple(a) ? this.fastExpr(a, x) : `${this.helper(a)}(${x})`)).join(" || ")})`;
      default:
        return `${this.helper(t)}(${x})`;
    }
  }

  /** A named fast check function for a composite type (arrays, maps, nullable composites). */
  helper(t) {
    const key = JSON.stringify(t);
    let name = this.helpers.get(key);
    if (name) return name;
    name = `isT${this.helpers.size}`;
    this.helpers.set(key, name);
    const body = [];
    this.fastStmts(t, "x", body, "  ");
    this.helperLines.push(`function ${name}(x) {`, ...body, "  return true;", "}");
    return name;
  }

  /** Statements that `return false` when `x` does not match `t`. */
  fastStmts(t, x, out, ind) {
    switch (t.t) {
      case "any":
        out.push(`${ind}if (!isSafeJson(${x})) return false;`);
        return;
      case "nullable":
        if (isSimple(t.of)) {
          out.push(`${ind}if (${x} !== null && !(${this.fastExpr(t.of, x)})) return false;`);
        } else {
          out.push(`${ind}if (${x} !== null) {`);
          this.fastStmts(t.of, x, out, ind + "  ");
          out.push(`${ind}}`);
        }
        return;
      case "array": {
        const i = `i${++this.uid}`;
        const y = `y${this.uid}`;
        out.push(`${ind}if (!Array.isArray(${x})) return false;`);
        out.push(`${ind}for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`, `${ind}  const ${y} = ${x}[${i}];`);
        this.fastStmts(t.of, y, out, ind + "  ");
        out.push(`${ind}}`);
        return;
      }
      case "map": {
        const k = `k${++this.uid}`;
        const y = `y${this.uid}`;
        out.push(`${ind}if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) return false;`);
        out.push(`${ind}for (const ${k} in ${x}) {`, `${ind}  if (!isText(${k})) return false;`, `${ind}  const ${y} = ${x}[${k}];`);
        this.fastStmts(t.of, y, out, ind + "  ");
        out.push(`${ind}}`);
        return;
      }
      default:
        out.push(`${ind}if (!(${this.fastExpr(t, x)})) return false;`);
    }
  }

  /** Statements that record every issue of `x` at path expression `p`; `E` words the issue at this level.
   *  `known`: `x` is already known to fail `t` (the caller ran the fast check). */
  collectStmts(t, x, p, out, ind, E = this.E(t), known = false) {
    const guard = (stmt) => out.push(known ? `${ind}${stmt}` : `${ind}if (!(${this.fastExpr(t, x)})) ${stmt}`);
    switch (t.t) {
      case "string":
        // A string holding a lone surrogate is not Unicode text: serde refuses it (src/check.rs is_lone_surrogate).
        out.push(`${ind}if (typeof ${x} !== "string") issueType(c, ${p}, ${E}, ${x});`, `${ind}else if (!isText(${x})) issueText(c, ${p});`);
        return;
      case "number":
      case "integer":
      case "boolean":
      case "oneOf":
        guard(`issueType(c, ${p}, ${E}, ${x});`);
        return;
      case "enum":
        guard(`issueEnum(c, ${p}, ${E}, ${x});`);
        return;
      case "date":
        out.push(`${ind}if (typeof ${x} !== "string") issueType(c, ${p}, ${E}, ${x});`, `${ind}else if (!isDate(${x})) issueDate(c, ${p}, ${E}, ${x});`);
        return;
      case "any":
        out.push(`${ind}if (!isSafeJson(${x})) collectJson(c, ${p}, ${x});`);
        return;
      case "nullable":
        if (known) {
          // Failing `T | null` means not null and failing T.
          this.collectStmts(t.of, x, p, out, ind, E, true);
        } else {
          out.push(`${ind}if (${x} !== null) {`);
          this.collectStmts(t.of, x, p, out, ind + "  ", E);
          out.push(`${ind}}`);
        }
        return;
      case "ref":
        guard(`collect${t.model}(${x}, ${p}, c, ${E});`);
        return;
      case "array": {
        const i = `i${++this.uid}`;
        const y = `y${this.uid}`;
        out.push(`${ind}if (!Array.isArray(${x})) issueType(c, ${p}, ${E}, ${x});`, `${ind}else {`);
        out.push(`${ind}  for (let ${i} = 0; ${i} < ${x}.length && !c.full; ${i}++) {`, `${ind}    const ${y} = ${x}[${i}];`);
        out.push(`${ind}    if (!(${this.fastExpr(t.of, y)})) {`);
        this.collectItem(t.of, y, `indexPath(${p}, ${i})`, out, ind + "      ");
        out.push(`${ind}    }`, `${ind}  }`, `${ind}}`);
        return;
      }
      case "map": {
        const k = `k${++this.uid}`;
        const y = `y${this.uid}`;
        out.push(`${ind}if (typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})) issueType(c, ${p}, ${E}, ${x});`, `${ind}else {`);
        out.push(`${ind}  for (const ${k} in ${x}) {`, `${ind}    if (c.full) break;`, `${ind}    const ${y} = ${x}[${k}];`);
        out.push(`${ind}    if (!isText(${k})) issueText(c, keyPath(${p}, ${k}));`);
        out.push(`${ind}    else if (!(${this.fastExpr(t.of, y)})) {`);
        this.collectItem(t.of, y, `keyPath(${p}, ${k})`, out, ind + "      ");
        out.push(`${ind}    }`, `${ind}  }`, `${ind}}`);
        return;
      }
      default:
        throw new Error(`unknown type tag ${JSON.stringify(t.t)}`);
    }
  }

  /** An element or map value: `undefined` (only in objects handed in by the caller) reads as a wrong type. */
  collectItem(t, y, q, out, ind) {
    if (t.t === "any") out.push(`${ind}if (${y} === undefined) issueType(c, ${q}, ${this.E(t)}, ${y});`, `${ind}else collectJson(c, ${q}, ${y});`);
    else if (isSimple(t) || t.t === "nullable") this.collectStmts(t, y, q, out, ind, this.E(t), true);
    else {
      out.push(`${ind}const q${this.uid} = ${q};`);
      this.collectStmts(t, y, `q${this.uid}`, out, ind, this.E(t), true);
    }
  }

  model(name) {
    const m = this.shapes.models[name];
    if (!m) throw new Error(`unknown model ${name}`);
    // `n` counts the declared members present: when the object has more keys, the others are checked too.
    const fast = [`export function is${name}(v) {`, `  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;`, `  let n = 0;`];
    const slow = [
      `export function collect${name}(v, p, c, E = ${this.E({ t: "ref", model: name })}) {`,
      `  if (typeof v !== "object" || v === null || Array.isArray(v)) {`,
      `    issueType(c, p, E, v);`,
      `    return;`,
      `  }`,
    ];
    m.fields.forEach((f, n) => {
      const x = `f${n}`;
      const read = PROTO_NAMES.has(f.name) ? `(hasOwn(v, ${JSON.stringify(f.name)}) ? v[${JSON.stringify(f.name)}] : undefined)` : IDENT.test(f.name) ? `v.${f.name}` : `v[${JSON.stringify(f.name)}]`;
      const path = IDENT.test(f.name) ? `fieldPath(p, ${JSON.stringify(f.name)})` : `keyPath(p, ${JSON.stringify(f.name)})`;
      // A required field of a type whose check already rejects `undefined` needs no separate presence test.
      const selfGuarded = !["any", "nullable"].includes(f.type.t);
      if (f.optional) {
        const body = [];
        this.fastStmts(f.type, x, body, "    ");
        fast.push(`  const ${x} = ${read};`, `  if (${x} !== undefined) {`, `    n++;`, ...body, "  }");
      } else {
        fast.push(`  const ${x} = ${read};`);
        if (!selfGuarded) fast.push(`  if (${x} === undefined) return false;`);
        this.fastStmts(f.type, x, fast, "  ");
        fast.push(`  n++;`);
      }
      slow.push(`  const ${x} = ${read};`);
      if (!f.optional) slow.push(`  if (${x} === undefined) issueRequired(c, ${path}, ${JSON.stringify(f.name)}, ${this.E(f.type)});`);
      if (f.type.t === "any") {
        slow.push(`  ${f.optional ? "if" : "else if"} (${x} !== undefined && !isSafeJson(${x})) collectJson(c, ${path}, ${x});`);
      } else {
        slow.push(`  ${f.optional ? "if" : "else if"} (${f.optional ? `${x} !== undefined && ` : ""}!(${this.fastExpr(f.type, x)})) {`);
        this.collectItem(f.type, x, path, slow, "    ");
        slow.push("  }");
      }
    });
    // Unknown members (kept in Rust's extra) may hold no number beyond 2^53 - 1 either.
    const known = `K${name}`;
    fast.push(`  if (keyCount(v) !== n && !extraSafe(v, ${known})) return false;`, "  return true;", "}");
    slow.push(`  collectExtra(c, p, v, ${known});`, "}");
    return [`const ${known} = new Set(${JSON.stringify(m.fields.map((f) => f.name))});`, ...fast, ...slow];
  }
}

function isSimple(t) {
  return ["string", "number", "integer", "boolean", "date", "any", "enum", "ref"].includes(t.t);
}

/** The item type of a list schema: the array at `items` (a dotted field path, "" = the root). */
function itemType(shapes, type, items) {
  let t = type;
  for (const seg of items === "" ? [] : items.split(".")) {
    if (t.t !== "ref") throw new Error(`items path ${items}: ${seg} is not inside a model`);
    const f = shapes.models[t.model].fields.find((f) => f.name === seg);
    if (!f) throw new Error(`items path ${items}: no field ${seg} in ${t.model}`);
    t = f.type;
  }
  if (t.t === "nullable") t = t.of;
  if (t.t !== "array") throw new Error(`items path ${JSON.stringify(items)} is not an array`);
  return t.of;
}

/** The models reachable from `t`. */
function refs(shapes, t, seen) {
  if (t.t === "ref") {
    if (seen.has(t.model)) return;
    seen.add(t.model);
    for (const f of shapes.models[t.model].fields) refs(shapes, f.type, seen);
  } else if (t.of) {
    for (const a of Array.isArray(t.of) ? t.of : [t.of]) refs(shapes, a, seen);
  }
}

const RUNTIME_NAMES = ["isDate", "isText", "issueText", "isSafeJson", "collectJson", "keyCount", "extraSafe", "collectExtra", "hasOwn", "fieldPath", "keyPath", "indexPath", "issueType", "issueDate", "issueEnum", "issueRequired"];

/** One provider's module: its schemas and every model they reach (so each module stands alone). */
function providerModule(shapes, provider) {
  const g = new Gen(shapes);
  const names = Object.entries(shapes.schemas).filter(([, s]) => s.provider === provider);
  const models = new Set();
  for (const [, s] of names) refs(shapes, s.type, models);
  for (const [name, m] of Object.entries(shapes.models)) if (m.provider === provider) refs(shapes, { t: "ref", model: name }, models);
  const modelLines = [];
  for (const m of [...models].sort()) modelLines.push(...g.model(m));
  const schemaLines = [];
  for (const [name, s] of names) {
    const entry = [`    is: ${schemaFast(g, s.type)},`, `    collect: ${schemaCollect(g, s.type)},`];
    if (typeof s.items === "string") {
      const it = itemType(shapes, s.type, s.items);
      entry.push(`    items: ${JSON.stringify(s.items)},`, `    isItem: ${schemaFast(g, it)},`, `    collectItem: ${schemaCollect(g, it)},`);
    }
    schemaLines.push(`  ${JSON.stringify(name)}: {`, `    ts: ${JSON.stringify(s.ts)},`, ...entry, "  },");
  }
  const body = [...g.expLines, "", ...g.helperLines, "", ...modelLines, ...g.wrapperLines, "", "export const schemas = {", ...schemaLines, "};"];
  return body;
}

/** A `(v) => boolean` for a schema's root type (a model's own function when it is one). */
function schemaFast(g, t) {
  if (t.t === "ref") return `is${t.model}`;
  const name = `isRoot${g.wrapperLines.length}`;
  const body = [];
  g.fastStmts(t, "x", body, "  ");
  g.wrapperLines.push(`function ${name}(x) {`, ...body, "  return true;", "}");
  return name;
}

/** A `(v, path, c) => void` collecting the issues of a value of `t`. */
function schemaCollect(g, t) {
  if (t.t === "ref") return `collect${t.model}`;
  const name = `collectRoot${g.wrapperLines.length}`;
  const body = [];
  g.uid++;
  if (t.t === "any") body.push(`  if (x === undefined) issueType(c, p, ${g.E(t)}, x);`, `  else if (!isSafeJson(x)) collectJson(c, p, x);`);
  else g.collectStmts(t, "x", "p", body, "  ");
  g.wrapperLines.push(`function ${name}(x, p, c) {`, ...body, "}");
  return name;
}

// ---------------------------------------------------------------- output

function toCjs(lines, imports) {
  const text = lines.join("\n");
  const exported = [...text.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1]);
  return [`"use strict";`, ...imports, text.replace(/^export (function|const) /gm, "$1 "), `module.exports = { ${exported.join(", ")} };`, ""].join("\n");
}

/** Writes the checkers into outDir; `version` (the package's) is exported by every provider module and the index. */
export function generate(shapes, outDir, { version = "0.0.0" } = {}) {
  mkdirSync(outDir, { recursive: true });
  const header = `// Generated by scripts/gen-checkers.mjs from the Rust shape descriptors; do not edit.`;
  const runtime = [header, RUNTIME.trim().replace("const MAX_ISSUES = 100;", `const MAX_ISSUES = ${Number(shapes.maxIssues ?? 100)};`), ""].join("\n");
  writeFileSync(join(outDir, "runtime.mjs"), runtime);
  writeFileSync(join(outDir, "runtime.cjs"), toCjs([RUNTIME.trim().replace("const MAX_ISSUES = 100;", `const MAX_ISSUES = ${Number(shapes.maxIssues ?? 100)};`)], [header]));
  const providers = [...new Set(Object.values(shapes.schemas).map((s) => s.provider))].sort();
  const written = [];
  for (const p of providers) {
    const body = [...providerModule(shapes, p), `export const version = ${JSON.stringify(version)};`];
    const file = p.replace(/[^A-Za-z0-9_-]/g, "_");
    writeFileSync(join(outDir, `${file}.mjs`), [header, `import { ${RUNTIME_NAMES.join(", ")} } from "./runtime.mjs";`, "", ...body, ""].join("\n"));
    writeFileSync(join(outDir, `${file}.cjs`), toCjs(body, [header, `const { ${RUNTIME_NAMES.join(", ")} } = require("./runtime.cjs");`]));
    written.push(file);
  }
  const idx = (ext) =>
    ext === "mjs"
      ? [header, ...written.map((f, i) => `import { schemas as s${i} } from "./${f}.mjs";`), `export const schemas = { ${written.map((_, i) => `...s${i}`).join(", ")} };`, `export const providers = ${JSON.stringify(written)};`, `export const version = ${JSON.stringify(version)};`, ""].join("\n")
      : [
          `"use strict";`,
          header,
          "// Node: a provider's module is loaded on the first use of one of its schemas (a Cegos-only",
          "// program never compiles the others); each getter is then replaced by the checker itself.",
          `const files = ${JSON.stringify(Object.fromEntries(Object.entries(shapes.schemas).map(([n, s]) => [n, `./${s.provider.replace(/[^A-Za-z0-9_-]/g, "_")}.cjs`])))};`,
          "const schemas = {};",
          "for (const name of Object.keys(files)) {",
          "  Object.defineProperty(schemas, name, {",
          "    enumerable: true,",
          "    configurable: true,",
          "    get() {",
          "      const loaded = require(files[name]).schemas;",
          "      for (const k of Object.keys(loaded)) Object.defineProperty(schemas, k, { value: loaded[k], enumerable: true, configurable: false, writable: false });",
          "      return loaded[name];",
          "    },",
          "  });",
          "}",
          `module.exports = { schemas, providers: ${JSON.stringify(written)}, version: ${JSON.stringify(version)} };`,
          "",
        ].join("\n");
  writeFileSync(join(outDir, "index.mjs"), idx("mjs"));
  writeFileSync(join(outDir, "index.cjs"), idx("cjs"));
  return written;
}

// ---------------------------------------------------------------- the shared runtime (written out as checkers/runtime.*)
// No template literals inside: it is itself one.
const RUNTIME = String.raw`
// Shared by the generated checkers: the issue cap, messages (fr, en), paths, and the date validator.

const MAX_ISSUES = 100;
export const maxIssues = MAX_ISSUES;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const own = Object.prototype.hasOwnProperty;

export function hasOwn(v, k) {
  return own.call(v, k);
}

/** A collecting pass: issues in traversal order, at most max, "truncated" when more existed. lang: "fr" | "en". */
export function newContext(lang, max) {
  return { issues: [], en: lang === "en", max: max === undefined ? MAX_ISSUES : max, full: false, truncated: false };
}

function add(c, issue) {
  if (c.issues.length >= c.max) {
    c.truncated = true;
    c.full = true;
    return;
  }
  c.issues.push(issue);
}

// ------------------------------------------------------------ paths: data[3].parts[1].startDate, x["a b"]

export function fieldPath(p, name) {
  return p === "" ? name : p + "." + name;
}

export function keyPath(p, key) {
  if (IDENT.test(key)) return p === "" ? key : p + "." + key;
  return p + "[" + JSON.stringify(key) + "]";
}

export function indexPath(p, i) {
  return p + "[" + i + "]";
}

// ------------------------------------------------------------ found and messages

/** The offending value's JSON text, cut to 40 characters plus "…". */
export function foundText(v) {
  let s;
  if (typeof v === "number" && !Number.isFinite(v)) s = String(v);
  else if (typeof v === "bigint") s = String(v);
  else {
    try {
      s = JSON.stringify(v);
    } catch {
      s = undefined;
    }
    if (s === undefined) s = String(v);
  }
  if (s.length > 40) {
    const cps = Array.from(s);
    if (cps.length > 40) s = cps.slice(0, 40).join("") + "\u2026";
  }
  return s;
}

function foundWords(v, f, en) {
  if (v === null) return "null";
  if (Array.isArray(v)) return en ? "an array" : "une liste";
  switch (typeof v) {
    case "string":
      return (en ? "the string " : "la cha\u00eene ") + f;
    case "number":
    case "bigint":
      return (en ? "the number " : "le nombre ") + f;
    case "boolean":
      return (en ? "the boolean " : "le bool\u00e9en ") + f;
    case "object":
      return en ? "an object" : "un objet";
    default:
      return f;
  }
}

function expectedWords(E, v, en) {
  if (E.ufr !== undefined && Number.isInteger(v) && !Number.isSafeInteger(v)) return en ? E.uen : E.ufr;
  return en ? E.en : E.fr;
}

function mismatch(c, path, rule, E, v) {
  const found = foundText(v);
  const msg = (c.en ? "expected " : "attendu ") + expectedWords(E, v, c.en) + (c.en ? ", found " : ", re\u00e7u ") + foundWords(v, found, c.en);
  add(c, { path: path, rule: rule, severity: "error", message: msg, expected: E.tok, found: found });
}

export function issueType(c, path, E, v) {
  mismatch(c, path, "shape.type", E, v);
}

export function issueDate(c, path, E, v) {
  mismatch(c, path, "shape.date", E, v);
}

export function issueEnum(c, path, E, v) {
  mismatch(c, path, "shape.enum", E, v);
}

export function issueRequired(c, path, name, E) {
  const msg = c.en ? 'required field "' + name + '" is missing' : "champ obligatoire \u00ab " + name + " \u00bb absent";
  add(c, { path: path, rule: "shape.required", severity: "error", message: msg, expected: E.tok });
}

// ------------------------------------------------------------ text that is not Unicode (lone surrogates)
// JSON.parse makes a string of "\ud800"; serde refuses it (a shape.json issue placed at the
// string, src/check.rs). isWellFormed where the engine has it (Node 20+), else a regex.

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isText = typeof String.prototype.isWellFormed === "function" ? (s) => s.isWellFormed() : (s) => !LONE.test(s);

/** A lone surrogate in the string (or key) at path: the wording of src/check.rs, without a position. */
export function issueText(c, path) {
  const msg = c.en
    ? "invalid JSON: lone surrogate (a \\uD800 to \\uDFFF escape without its other half) in a string: not Unicode text"
    : "JSON invalide : demi-caract\u00e8re UTF-16 isol\u00e9 (un \u00e9chappement \\uD800 \u00e0 \\uDFFF sans sa moiti\u00e9) dans une cha\u00eene : ce n'est pas du texte Unicode";
  add(c, { path: path, rule: "shape.json", severity: "error", message: msg, expected: "JSON" });
}

// ------------------------------------------------------------ numbers JavaScript has changed (src/check.rs json_safe)
// A number beyond 2^53 - 1 in magnitude is refused anywhere: JSON.parse has already rounded it
// (9007199254740993 reads 9007199254740992), so keeping it would silently change the data.

const MAX_SAFE = 9007199254740991;
const E_NUMBER = { tok: "number", fr: "un nombre", en: "a number", ufr: "un nombre d'au plus 9007199254740991 en valeur absolue", uen: "a number of at most 9007199254740991 in absolute value" };

/** True when v holds no number beyond 2^53 - 1 in magnitude, at any depth. */
export function isSafeJson(v) {
  if (typeof v === "number") return Math.abs(v) <= MAX_SAFE;
  if (typeof v === "string") return isText(v);
  if (typeof v !== "object" || v === null) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isSafeJson(v[i])) return false;
    return true;
  }
  for (const k in v) if (!isText(k) || !isSafeJson(v[k])) return false;
  return true;
}

/** Every unsafe number inside v, each at its path (object keys in sorted order, as Rust's map). */
export function collectJson(c, p, v) {
  if (c.full) return;
  if (typeof v === "number") {
    if (!(Math.abs(v) <= MAX_SAFE)) mismatch(c, p, "shape.type", E_NUMBER, v);
  } else if (typeof v === "string") {
    if (!isText(v)) issueText(c, p);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length && !c.full; i++) if (!isSafeJson(v[i])) collectJson(c, indexPath(p, i), v[i]);
  } else if (typeof v === "object" && v !== null) {
    for (const k of Object.keys(v).sort()) {
      if (c.full) return;
      if (!isText(k)) issueText(c, keyPath(p, k));
      else if (!isSafeJson(v[k])) collectJson(c, keyPath(p, k), v[k]);
    }
  }
}

/** The number of enumerable keys of v (own ones, for what JSON.parse returns). When it is the
 *  number of declared members present, every key is a declared (ASCII) name: nothing else to check. */
export function keyCount(v) {
  let n = 0;
  for (const k in v) n++;
  return n;
}

/** The members of a model's object that it does not declare (known) hold only safe numbers. */
export function extraSafe(v, known) {
  for (const k in v) {
    if (!isText(k)) return false;
    const y = v[k];
    if (typeof y === "number") {
      if (!(Math.abs(y) <= MAX_SAFE) && !known.has(k)) return false;
    } else if (typeof y === "string") {
      if (!known.has(k) && !isText(y)) return false;
    } else if (typeof y === "object" && y !== null && !known.has(k) && !isSafeJson(y)) return false;
  }
  return true;
}

/** The issues of a model's undeclared members, after the declared ones. */
export function collectExtra(c, p, v, known) {
  for (const k of Object.keys(v).sort()) {
    if (c.full) return;
    if (!isText(k)) issueText(c, keyPath(p, k));
    else if (!known.has(k) && !isSafeJson(v[k])) collectJson(c, keyPath(p, k), v[k]);
  }
}

/** A shape.json issue (malformed JSON) at a 1-based line and column. */
export function jsonIssue(lang, line, column, detail) {
  const en = lang === "en";
  const where = en ? "line " + line + ", column " + column : "ligne " + line + ", colonne " + column;
  const msg = (en ? "invalid JSON at " : "JSON invalide \u00e0 la ") + where + (detail ? " (" + detail + ")" : "");
  return { path: "", rule: "shape.json", severity: "error", message: msg, line: line, column: column };
}

// ------------------------------------------------------------ dates: src/dates.rs Timestamp::parse_wire, ported
// Rust reads UTF-8 bytes. Every string it accepts is ASCII, and every character of a string
// accepted here is compared with an ASCII character, so reading code units gives the same verdict
// on every input (tests/package/differential.test.mjs holds the two to it).

function d2(s, i) {
  // Two ASCII digits at i..i+2 as a number, or -1.
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** True when Timestamp::parse_wire accepts s ("" and 0001-01-01 are "no date", and valid). */
export function isDate(s) {
  const len = s.length;
  if (len === 0) return true;
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y1 = d2(s, 0);
  const y2 = d2(s, 2);
  const mo = d2(s, 5);
  const d = d2(s, 8);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const y = y1 * 100 + y2;
  if (y === 0) return false;
  if (d > 28) {
    const dim = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
    if (d > dim) return false;
  }
  if (len === 10) return true;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return false; // T t space
  if (len < 16 || s.charCodeAt(13) !== 58) return false;
  const h = d2(s, 11);
  const m = d2(s, 14);
  if (h < 0 || h >= 24 || m < 0 || m >= 60) return false;
  let i = 16;
  if (i < len && s.charCodeAt(i) === 58) {
    const sec = d2(s, i + 1);
    if (sec < 0 || sec >= 60) return false;
    i += 3;
    const dot = s.charCodeAt(i);
    if (dot === 46 || dot === 44) {
      const from = ++i;
      let c = s.charCodeAt(i);
      while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
      if (i === from) return false;
    }
  }
  const rest = len - i;
  if (rest === 0) return true;
  const z = s.charCodeAt(i);
  if (rest === 1) return z === 90 || z === 122; // Z z
  if (z !== 43 && z !== 45) return false; // + -
  const oh = d2(s, i + 1);
  if (oh < 0 || oh >= 24) return false;
  if (rest === 3) return true;
  if (rest === 6 && s.charCodeAt(i + 3) === 58) {
    const om = d2(s, i + 4);
    if (om >= 0 && om < 60) return true;
  }
  if (rest === 5) {
    const om = d2(s, i + 3);
    return om >= 0 && om < 60;
  }
  return false;
}
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [shapesFile, outDir] = process.argv.slice(2);
  if (!shapesFile || !outDir) {
    console.error("usage: node scripts/gen-checkers.mjs <shapes.json> <out-dir>");
    process.exit(2);
  }
  const shapes = JSON.parse(readFileSync(shapesFile, "utf8"));
  const written = generate(shapes, outDir);
  console.log(`checkers: ${written.join(", ")} (${Object.keys(shapes.schemas).length} schemas, ${Object.keys(shapes.models).length} models) -> ${outDir}`);
}
