// The package's JavaScript surface, shared by the Node and web builds.
// `createApi(wasm, checkers)` receives one wasm-bindgen glue module and the
// generated shape checkers of the providers it carries (lib/checkers/, built
// by scripts/gen-checkers.mjs from the Rust declarations) and returns the API.
//
// parse / safeParse / serialize run in JavaScript: `JSON.parse`, then the
// generated checker (a boolean pass; the collecting pass runs only when it
// fails). Wasm is asked only to describe malformed JSON (where `JSON.parse`
// throws), for validate and for the helpers. Every argument is checked here
// before it crosses into wasm, so a wrong argument is a FormakitError of kind
// "usage", never a wasm trap. This file has no imports: build-pkg.mjs turns
// it into lib/api.cjs by rewriting its `export`s.

const decoder = new TextDecoder("utf-8", { fatal: false });
// The checked path: invalid UTF-8 is a decode issue (as in Rust), and a BOM is kept
// so that JSON.parse refuses it as serde does.
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const MAX_ISSUES = 100;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The one error class formakit throws. `kind` says which family. */
const CALL_FIELDS = ["status", "providerCode", "providerCodeName", "endpoint", "method", "url", "retryable", "attempts", "retryAfterMs"];

export class FormakitError extends Error {
  constructor(info) {
    super(info.message);
    // A literal, so the name survives minification.
    this.name = "FormakitError";
    this.kind = info.kind;
    if (info.kind === "decode") {
      this.issues = info.issues;
      if (info.truncated) this.truncated = true;
      this.path = info.path;
      this.expected = info.expected;
      this.found = info.found;
      this.line = info.line;
      this.column = info.column;
    }
    if (info.kind === "validation" || (info.issues && !this.issues)) this.issues = info.issues;
    if (info.kind === "schema") this.schema = info.schema;
    // A client call's facts (status, providerCode, url without secrets, attempts…), when it was one.
    for (const k of CALL_FIELDS) if (info[k] !== undefined) this[k] = info[k];
  }
}

function usage(message) {
  return new FormakitError({ kind: "usage", message });
}

function internal(e) {
  // Only a bug can get here; say so rather than pretend the input was bad.
  return new FormakitError({ kind: "internal", message: `formakit internal error: ${e && e.message}` });
}

function isBytes(input) {
  return input instanceof Uint8Array || (typeof Buffer !== "undefined" && Buffer.isBuffer(input));
}

function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (isBytes(v)) return "a Uint8Array";
  return typeof v === "string" ? `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}` : typeof v;
}

/** The options every call takes: `lang` ("fr" | "en", default "fr") and, where allowed, `dropInvalidItems`. */
function readOptions(fn, options, allowDrop) {
  if (options === undefined || options === null) return { lang: "fr", drop: false };
  if (typeof options !== "object" || Array.isArray(options)) throw usage(`${fn}: options must be an object such as { lang: "en" }, got ${describe(options)}`);
  const { lang, dropInvalidItems } = options;
  if (lang !== undefined && lang !== "fr" && lang !== "en") throw usage(`${fn}: lang must be "fr" or "en", got ${describe(lang)}`);
  if (dropInvalidItems !== undefined && typeof dropInvalidItems !== "boolean") throw usage(`${fn}: dropInvalidItems must be a boolean, got ${describe(dropInvalidItems)}`);
  if (dropInvalidItems && !allowDrop) throw usage(`${fn}: dropInvalidItems is an option of safeParse and parse`);
  return { lang: lang || "fr", drop: dropInvalidItems === true };
}

/** True for a string with no lone surrogate (`isWellFormed`, Node 20+; a regex before). */
function wellFormed(s) {
  return typeof s.isWellFormed === "function" ? s.isWellFormed() : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** True for bytes that are UTF-8 with no byte-order mark. */
function strictUtf8(bytes) {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return false;
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function pathOf(p, key) {
  return IDENT.test(key) ? (p === "" ? key : `${p}.${key}`) : `${p}[${JSON.stringify(key)}]`;
}

/** A shape.json issue (malformed JSON) in the shared format. */
function jsonIssue(lang, line, column, detail) {
  const en = lang === "en";
  const where = en ? `line ${line}, column ${column}` : `ligne ${line}, colonne ${column}`;
  return { path: "", rule: "shape.json", severity: "error", message: `${en ? "invalid JSON at" : "JSON invalide à la"} ${where}${detail ? ` (${detail})` : ""}`, line, column };
}

/**
 * `wasm`: the glue module, or a function returning it (Node loads it on first use: parse and
 * safeParse of a valid document never need it). `checkers`: a generated checkers module
 * (`{ schemas, version }`, lib/checkers/<provider>.mjs or index.mjs) or its `schemas` map.
 * With a lazy wasm the schema list and version come from the checkers module.
 */
export function createApi(wasm, checkers) {
  const lazy = typeof wasm === "function";
  let glue = lazy ? null : wasm;
  const w = () => glue || (glue = wasm());
  const mod = checkers && typeof checkers.schemas === "object" && checkers.schemas !== null ? checkers : { schemas: checkers || {} };
  const shapes = mod.schemas;
  const fromCheckers = lazy && typeof mod.version === "string" && Object.keys(shapes).length > 0;
  const known = new Set(fromCheckers ? Object.keys(shapes) : w().schemaNames().split(","));
  const version = fromCheckers ? mod.version : w().version();

  function schemaName(fn, schema) {
    if (typeof schema !== "string") throw usage(`${fn}: schema must be a string such as "cegos.product", got ${describe(schema)}`);
    if (!known.has(schema)) {
      throw new FormakitError({ kind: "schema", schema, message: `unknown schema ${JSON.stringify(schema)}; known schemas: ${[...known].join(", ")}` });
    }
    return schema;
  }

  function callWasm(name, ...args) {
    // A provider entry's wasm carries only its own helpers (formakit/lara has no sessionAvailability).
    if (typeof w()[name] !== "function") {
      throw usage(`${name} is not in this entry: import it from "formakit" or from the entry of its provider`);
    }
    try {
      return w()[name](...args);
    } catch (e) {
      throw internal(e);
    }
  }

  // ------------------------------------------------------------ malformed JSON: wasm describes it

  /**
   * Issues for a text JSON.parse refused (or bytes that are not UTF-8): wasm's
   * serde reports the position. Takes every reply shape wasm has had:
   * `safeParseText` -> `{"ok":false,"issues":[…],"truncated":bool}`, and `checkText` /
   * `checkBytes` -> `{"issues":[…]}` or the single error `{kind, message, path, expected, found, line, column}`.
   */
  function malformed(schema, input, lang, jsError) {
    let reply;
    if (typeof input === "string" && typeof w().safeParseText === "function") reply = callWasm("safeParseText", schema, input, lang, false);
    else reply = callWasm(typeof input === "string" ? "checkText" : "checkBytes", schema, input, lang);
    const fallback = () => ({ issues: [jsonIssue(lang, 1, 1, jsError && jsError.message)] });
    // serde accepted what JSON.parse refused (nesting deeper than the JS stack): still malformed here.
    if (reply === undefined || reply === null) return fallback();
    let r;
    try {
      r = JSON.parse(reply);
    } catch (e) {
      throw internal(e);
    }
    if (r.ok === true) return fallback();
    if (r.ok === false && r.error) throw new FormakitError(r.error);
    if (Array.isArray(r.issues)) {
      // Only the syntax error: issues found before it describe a document that is not there.
      const json = r.issues.filter((i) => i.rule === "shape.json");
      return json.length > 0 ? { issues: json } : fallback();
    }
    const line = Math.max(1, Number(r.line) || 1);
    const column = Math.max(1, Number(r.column) || 1);
    return { issues: [jsonIssue(lang, line, column)] };
  }

  // ------------------------------------------------------------ the checked pass

  function collect(check, value, lang, path) {
    const c = { issues: [], en: lang === "en", max: MAX_ISSUES, full: false, truncated: false };
    check(value, path, c);
    return c;
  }

  function failure(c) {
    return c.truncated ? { success: false, issues: c.issues, truncated: true } : { success: false, issues: c.issues };
  }

  /** Checks a parsed value against schema; wasm's decoder when no generated checker is loaded for it. */
  function checkValue(schema, value, lang, drop, text) {
    const shape = shapes[schema];
    if (!shape) return wasmCheck(schema, value, lang, text);
    if (shape.is(value)) return drop ? { success: true, data: value, dropped: [] } : { success: true, data: value };
    if (drop) {
      const r = dropItems(shape, value, lang);
      if (r) return r;
    }
    return failure(collect(shape.collect, value, lang, ""));
  }

  /**
   * `dropInvalidItems`: the items at `shape.items` that fail are removed (listed with
   * their original index); the page is then checked without them. When something
   * outside the items fails too, the result fails with every issue of the input.
   */
  function dropItems(shape, value, lang) {
    const segs = shape.items === "" ? [] : shape.items.split(".");
    const chain = [value];
    let at = value;
    for (const s of segs) {
      if (typeof at !== "object" || at === null || Array.isArray(at) || !Object.prototype.hasOwnProperty.call(at, s)) return null;
      at = at[s];
      chain.push(at);
    }
    if (!Array.isArray(at)) return null;
    const base = segs.reduce(pathOf, "");
    const kept = [];
    const dropped = [];
    for (let i = 0; i < at.length; i++) {
      const item = at[i];
      if (shape.isItem(item)) kept.push(item);
      else {
        const c = collect(shape.collectItem, item, lang, `${base}[${i}]`);
        dropped.push(c.truncated ? { index: i, issues: c.issues, truncated: true } : { index: i, issues: c.issues });
      }
    }
    if (dropped.length === 0) return null; // the failure is outside the items
    // Shallow copies along the path, so the caller's object is left as it was.
    let data = kept;
    for (let k = segs.length - 1; k >= 0; k--) data = { ...chain[k], [segs[k]]: data };
    if (!shape.is(data)) return null;
    return { success: true, data, dropped };
  }

  /** Fallback for a schema without a generated checker: wasm's serde decode, its error as one issue. */
  function wasmCheck(schema, value, lang, text) {
    if (text === undefined) text = JSON.stringify(value);
    const reply = callWasm("checkText", schema, text, lang);
    if (reply === undefined || reply === null) return { success: true, data: value };
    const r = JSON.parse(reply);
    if (Array.isArray(r.issues)) return r.truncated ? { success: false, issues: r.issues, truncated: true } : { success: false, issues: r.issues };
    const issue = { path: r.path || "", rule: "shape.type", severity: "error", message: r.message, expected: r.expected, found: r.found };
    return { success: false, issues: [issue] };
  }

  function run(fn, schema, input, options, acceptValues) {
    schemaName(fn, schema);
    const { lang, drop } = readOptions(fn, options, true);
    if (drop && shapes[schema] && typeof shapes[schema].items !== "string") {
      throw usage(`${fn}: dropInvalidItems needs a page or list schema; ${JSON.stringify(schema)} is not one`);
    }
    let text;
    if (typeof input === "string") text = input;
    else if (isBytes(input)) {
      try {
        text = strictDecoder.decode(input);
      } catch {
        return { success: false, ...malformed(schema, input, lang) };
      }
    } else if (acceptValues && input !== undefined && typeof input !== "function" && typeof input !== "symbol" && typeof input !== "bigint") {
      return checkValue(schema, input, lang, drop);
    } else {
      const what = acceptValues ? "a string, a Uint8Array or a parsed JSON value" : "a string or a Uint8Array";
      throw usage(`${fn}(${JSON.stringify(schema)}, input): input must be ${what}, got ${describe(input)}`);
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { success: false, ...malformed(schema, typeof input === "string" ? input : text, lang, e) };
    }
    return checkValue(schema, value, lang, drop, text);
  }

  /**
   * Parses provider JSON (text, UTF-8 bytes or an already parsed value) as `schema`:
   * `{ success: true, data, dropped? }` or `{ success: false, issues, truncated? }`.
   * Throws FormakitError only for a usage mistake or an unknown schema.
   */
  function safeParse(schema, input, options) {
    return run("safeParse", schema, input, options, true);
  }

  function decodeError(schema, r) {
    const first = r.issues[0] || { path: "", message: "" };
    const more = r.issues.length > 1 ? ` (${r.issues.length}${r.truncated ? "+" : ""} issues)` : "";
    return new FormakitError({
      kind: "decode",
      message: `cannot decode ${schema}: at ${first.path || "(root)"}: ${first.message}${more}`,
      issues: r.issues,
      truncated: r.truncated === true,
      path: first.path,
      expected: first.expected,
      found: first.found,
      line: first.line,
      column: first.column,
    });
  }

  /** Parses provider JSON (text or UTF-8 bytes) as `schema`; throws FormakitError (kind "decode" with every issue). */
  function parse(schema, input, options) {
    const r = run("parse", schema, input, options, false);
    if (!r.success) throw decodeError(schema, r);
    return r.data;
  }

  function toText(value, fn) {
    let text;
    try {
      text = JSON.stringify(value);
    } catch (e) {
      throw usage(`${fn}: value is not JSON-serializable (${e && e.message})`);
    }
    if (text === undefined) throw usage(`${fn}: value is not JSON-serializable (${typeof value})`);
    return text;
  }

  /** Checks `value` against `schema` and writes it as the provider's JSON text. */
  function serialize(schema, value, options) {
    schemaName("serialize", schema);
    const { lang } = readOptions("serialize", options, false);
    const text = toText(value, "serialize");
    // What is checked is what is written: JSON.parse of the text (toJSON, undefined and NaN applied).
    const r = checkValue(schema, JSON.parse(text), lang, false, text);
    if (!r.success) throw decodeError(schema, r);
    return text;
  }

  function modelText(fn, value) {
    if (typeof value === "string") return value;
    if (isBytes(value)) return decoder.decode(value);
    if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
      throw usage(`${fn}: expected a model (object or JSON text), got ${describe(value)}`);
    }
    return toText(value, fn);
  }

  function runValidate(fn, schema, value, options) {
    schemaName(fn, schema);
    const { lang } = readOptions(fn, options, false);
    // Text that is not Unicode (bytes that are not UTF-8, a leading BOM, a raw lone surrogate) would
    // reach wasm repaired by the decoder: answer as parse does, with its issues, instead.
    if (typeof value === "string" ? !wellFormed(value) : isBytes(value) && !strictUtf8(value)) {
      const r = safeParse(schema, value, { lang });
      if (!r.success) return r.issues;
    }
    const text = modelText(fn, value);
    const result = JSON.parse(callWasm("validateText", schema, text, lang));
    if (!result.ok) throw new FormakitError(result.error);
    return result.issues;
  }

  /** Every issue the providers would raise, errors and warnings, structural ones (shape.*) included. */
  function validate(schema, value, options) {
    return runValidate("validate", schema, value, options);
  }

  /** Throws FormakitError (kind "validation") when `value` has any error-severity issue. */
  function assertValid(schema, value, options) {
    const issues = runValidate("assertValid", schema, value, options);
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      const first = errors[0];
      throw new FormakitError({ kind: "validation", issues, message: `${errors.length} validation error(s); first at ${first.path || "(root)"}: ${first.message}` });
    }
  }

  // Helpers take a model (object or JSON text) and return plain data.
  function helper(name, value, what) {
    const reply = JSON.parse(callWasm(name, modelText(what, value)));
    if (!reply.ok) throw new FormakitError(reply.error);
    return reply.value;
  }

  /** Fill and bookability of a Cegos session, from its counts and status. */
  function sessionAvailability(session) {
    return helper("sessionAvailability", session, "sessionAvailability");
  }

  /** Lära's rule: an explicit boolean wins, else the status is matched against the documented list. */
  function inferMemberActivity(status, isActiveMember) {
    if (typeof status !== "string") throw usage(`inferMemberActivity: status must be a string, got ${describe(status)}`);
    if (isActiveMember !== undefined && isActiveMember !== null && typeof isActiveMember !== "boolean") {
      throw usage(`inferMemberActivity: isActiveMember must be a boolean, null or undefined, got ${describe(isActiveMember)}`);
    }
    return callWasm("inferMemberActivity", status, isActiveMember ?? undefined);
  }

  /** A Lära period's end (startDate + duration × durationUnit), or null when it has no start date. */
  function periodEnd(period, options) {
    const { lang } = readOptions("periodEnd", options, false);
    const text = modelText("periodEnd", period);
    const reply = JSON.parse(callWasm("periodEnd", text, lang));
    if (!reply.ok) throw new FormakitError(reply.error.kind === "validation" ? { ...reply.error, message: reply.error.issues[0].message } : reply.error);
    return reply.value;
  }

  let endpointText;
  /** The endpoint table (provider, method, path template, request/response schemas, auth, retry, paging); a fresh copy each call. */
  function endpoints() {
    // A build without the table (older wasm) has no endpoints to list.
    if (endpointText === undefined) endpointText = typeof w().endpointsJson === "function" ? callWasm("endpointsJson") : "[]";
    return JSON.parse(endpointText);
  }

  // ------------------------------------------------------------ Campus Skills from a spreadsheet

  const DATE_FORMATS = ["DD/MM/YYYY", "D/M/YYYY", "MM/DD/YYYY", "M/D/YYYY", "YYYY-MM-DD"];
  const ENCODINGS = ["auto", "utf-8", "windows-1252", "utf-16le"];

  /** Checks fromCsv/checkCsv options here, so a wrong one is a usage error, not a wasm trap. */
  function csvOptions(fn, options) {
    if (options === undefined || options === null) options = {};
    if (typeof options !== "object" || Array.isArray(options)) throw usage(`${fn}: options must be an object such as { delimiter: ";" }, got ${describe(options)}`);
    const { mapping, delimiter, dateFormat, encoding, lang, onProgress } = options;
    const known = ["mapping", "delimiter", "dateFormat", "encoding", "lang", "onProgress"];
    for (const k of Object.keys(options)) if (!known.includes(k)) throw usage(`${fn}: unknown option ${JSON.stringify(k)}; options are ${known.join(", ")}`);
    if (lang !== undefined && lang !== "fr" && lang !== "en") throw usage(`${fn}: lang must be "fr" or "en", got ${describe(lang)}`);
    if (delimiter !== undefined && (typeof delimiter !== "string" || delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")) {
      throw usage(`${fn}: delimiter must be one ASCII character such as ";", "," or "\\t", got ${describe(delimiter)}`);
    }
    if (dateFormat !== undefined && !DATE_FORMATS.includes(dateFormat)) throw usage(`${fn}: dateFormat must be one of ${DATE_FORMATS.join(", ")}, got ${describe(dateFormat)}`);
    if (encoding !== undefined && !ENCODINGS.includes(encoding)) throw usage(`${fn}: encoding must be one of ${ENCODINGS.join(", ")}, got ${describe(encoding)}`);
    if (onProgress !== undefined && typeof onProgress !== "function") throw usage(`${fn}: onProgress must be a function, got ${describe(onProgress)}`);
    const map = {};
    if (mapping !== undefined) {
      if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) throw usage(`${fn}: mapping must be an object { "column label": "apiField" | null }, got ${describe(mapping)}`);
      for (const [label, field] of Object.entries(mapping)) {
        if (field !== null && typeof field !== "string") throw usage(`${fn}: mapping[${JSON.stringify(label)}] must be an API field name or null, got ${describe(field)}`);
        map[label] = field;
      }
    }
    return { wire: JSON.stringify({ mapping: map, delimiter, dateFormat, encoding, lang: lang || "fr" }), onProgress };
  }

  function csvRun(fn, input, options, withRequest) {
    const { wire, onProgress } = csvOptions(fn, options);
    let bytes;
    let isText = false;
    if (typeof input === "string") {
      // A lone surrogate cannot be sent as JSON text that any server reads back: say where, do not replace it.
      const bad = !wellFormed(input) && /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(input);
      if (bad) throw usage(`${fn}: the text has a lone surrogate (U+${bad[0].charCodeAt(0).toString(16).toUpperCase()}) at index ${bad.index}: it is not text any server can read`);
      bytes = new TextEncoder().encode(input);
      isText = true;
    } else if (isBytes(input)) bytes = input;
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else throw usage(`${fn}: input must be the file's text (a string) or its bytes (a Uint8Array, Buffer or ArrayBuffer), got ${describe(input)}`);
    if (typeof w().CampusCsv !== "function") throw usage(`${fn} is not in this entry: in browsers import it from "formakit/campus-skills" (the full web build leaves the spreadsheet reader out); in Node, "formakit" has it`);
    let reader;
    try {
      reader = new (w().CampusCsv)(bytes, isText, wire);
    } catch (e) {
      throw usage(`${fn}: ${typeof e === "string" ? e : e && e.message}`);
    }
    try {
      if (onProgress) {
        while (!reader.step(5000)) onProgress({ rows: reader.rowsRead() });
        onProgress({ rows: reader.rowsRead(), done: true });
      } else reader.step(0xffffffff);
      return JSON.parse(reader.finish(withRequest));
    } catch (e) {
      if (e instanceof FormakitError) throw e;
      throw internal(e);
    } finally {
      reader.free();
    }
  }

  const campusSkills = {
    /** A Campus Skills spreadsheet export → `{ request, issues, summary }`; `request` is a `campusskills.syncRequest` body. */
    fromCsv: (input, options) => csvRun("campusSkills.fromCsv", input, options, true),
    /** The same check without building the request body: `{ issues, summary }`. */
    checkCsv: (input, options) => csvRun("campusSkills.checkCsv", input, options, false),
  };

  return {
    FormakitError,
    campusSkills,
    sessionAvailability,
    inferMemberActivity,
    periodEnd,
    safeParse,
    parse,
    serialize,
    validate,
    assertValid,
    endpoints,
    schemas: () => [...known],
    version,
  };
}
