// The package's JavaScript surface, shared by the Node and web builds.
// `createApi(wasm)` receives one wasm-bindgen glue module and returns the API.
// Only strings and bytes cross into wasm; errors come back as JSON text.

const decoder = new TextDecoder("utf-8", { fatal: false });

/** The one error class formakit throws. `kind` says which family. */
export class FormakitError extends Error {
  constructor(info) {
    super(info.message);
    // A literal, so the name survives minification.
    this.name = "FormakitError";
    this.kind = info.kind;
    if (info.kind === "decode") {
      this.path = info.path;
      this.expected = info.expected;
      this.found = info.found;
      this.line = info.line;
      this.column = info.column;
    }
    if (info.kind === "validation") this.issues = info.issues;
    if (info.kind === "schema") this.schema = info.schema;
  }
}

function usage(message) {
  return new FormakitError({ kind: "usage", message });
}

function isBytes(input) {
  return input instanceof Uint8Array || (typeof Buffer !== "undefined" && Buffer.isBuffer(input));
}

export function createApi(wasm) {
  const known = new Set(wasm.schemaNames().split(","));

  function schemaName(schema) {
    if (typeof schema !== "string") throw usage(`schema must be a string such as "cegos.product", got ${typeof schema}`);
    if (!known.has(schema)) {
      throw new FormakitError({ kind: "schema", schema, message: `unknown schema ${JSON.stringify(schema)}; known schemas: ${[...known].join(", ")}` });
    }
    return schema;
  }

  // Wasm is the gatekeeper: it decodes the bytes through the Rust model and
  // reports the first failure with its JSON path. The models are lossless and
  // keep wire names, so once they accept the input, JSON.parse of it is the model.
  function check(schema, input) {
    let error;
    try {
      error = typeof input === "string" ? wasm.checkText(schema, input) : wasm.checkBytes(schema, input);
    } catch (e) {
      // Only a bug can get here; say so rather than pretend the input was bad.
      throw new FormakitError({ kind: "internal", message: `formakit internal error: ${e && e.message}` });
    }
    if (error !== undefined) throw new FormakitError(JSON.parse(error));
  }

  /** Parses provider JSON (text or UTF-8 bytes) as `schema`; throws FormakitError. */
  function parse(schema, input) {
    schemaName(schema);
    if (typeof input === "string") {
      check(schema, input);
      return JSON.parse(input);
    }
    if (isBytes(input)) {
      check(schema, input);
      return JSON.parse(decoder.decode(input));
    }
    throw usage(`parse(${JSON.stringify(schema)}, input): input must be a string or a Uint8Array, got ${input === null ? "null" : typeof input}`);
  }

  function toText(value, fn) {
    const text = JSON.stringify(value);
    if (text === undefined) throw usage(`${fn}: value is not JSON-serializable (${typeof value})`);
    return text;
  }

  /** Checks `value` against `schema` and writes it as the provider's JSON text. */
  function serialize(schema, value) {
    schemaName(schema);
    const text = toText(value, "serialize");
    check(schema, text);
    return text;
  }

  function runValidate(schema, value, options) {
    schemaName(schema);
    const lang = (options && options.lang) || "fr";
    const text = typeof value === "string" ? value : isBytes(value) ? decoder.decode(value) : toText(value, "validate");
    const result = JSON.parse(wasm.validateText(schema, text, lang));
    if (!result.ok) throw new FormakitError(result.error);
    return result.issues;
  }

  /** Every issue the providers would raise, errors and warnings; throws only when `value` does not decode. */
  function validate(schema, value, options) {
    return runValidate(schema, value, options);
  }

  /** Throws FormakitError (kind "validation") when `value` has any error-severity issue. */
  function assertValid(schema, value, options) {
    const issues = runValidate(schema, value, options);
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      const first = errors[0];
      throw new FormakitError({ kind: "validation", issues, message: `${errors.length} validation error(s); first at ${first.path || "(root)"}: ${first.message}` });
    }
  }

  // Helpers take a model (object or JSON text) and return plain data.
  function helper(fn, value, what) {
    const text = typeof value === "string" ? value : toText(value, what);
    const reply = JSON.parse(fn(text));
    if (!reply.ok) throw new FormakitError(reply.error);
    return reply.value;
  }

  /** Fill and bookability of a Cegos session, from its counts and status. */
  function sessionAvailability(session) {
    return helper(wasm.sessionAvailability, session, "sessionAvailability");
  }

  /** Lära's rule: an explicit boolean wins, else the status is matched against the documented list. */
  function inferMemberActivity(status, isActiveMember) {
    if (typeof status !== "string") throw usage(`inferMemberActivity: status must be a string, got ${typeof status}`);
    if (isActiveMember !== undefined && isActiveMember !== null && typeof isActiveMember !== "boolean") {
      throw usage(`inferMemberActivity: isActiveMember must be a boolean, null or undefined, got ${typeof isActiveMember}`);
    }
    return wasm.inferMemberActivity(status, isActiveMember ?? undefined);
  }

  /** A Lära period's end (startDate + duration × durationUnit), or null when it has no start date. */
  function periodEnd(period, options) {
    const text = typeof period === "string" ? period : toText(period, "periodEnd");
    const reply = JSON.parse(wasm.periodEnd(text, (options && options.lang) || "fr"));
    if (!reply.ok) throw new FormakitError(reply.error.kind === "validation" ? { ...reply.error, message: reply.error.issues[0].message } : reply.error);
    return reply.value;
  }

  return {
    FormakitError,
    sessionAvailability,
    inferMemberActivity,
    periodEnd,
    parse,
    serialize,
    validate,
    assertValid,
    schemas: () => [...known],
    version: wasm.version(),
  };
}
