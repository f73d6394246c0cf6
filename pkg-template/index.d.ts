// Hand-written surface of the thin JS entry; the model types come from Rust
// (tsify) through ./types.d.ts, generated at build time.
import type { CegosSession, CegosSessionAvailability, LaraPeriod, Schemas, WireDate } from "./types.js";

export * from "./types.js";

/** A schema name such as `"cegos.productsPage"`; see `Schemas` for the full list. */
export type SchemaName = keyof Schemas;

/** What `parse` and `validate` accept: JSON text, or its UTF-8 bytes (e.g. `new Uint8Array(await res.arrayBuffer())`). */
export type JsonInput = string | Uint8Array;

/** One problem found by `validate`. */
export interface Issue {
  /** JSON path of the value, e.g. `"contrats[3].emailApprenant"`; `""` for the root. */
  path: string;
  /** Stable rule identifier, e.g. `"lara.program.name.length"`. */
  rule: string;
  /** The provider's own error code when it documents one (Lära `1405`, …). */
  providerCode?: number;
  /** `"error"`: the provider would reject it. `"warning"`: accepted, but likely a mistake. */
  severity: "error" | "warning";
  /** What is wrong and how to fix it, in the requested language. */
  message: string;
}

/** Options of `validate` and `assertValid`. */
export interface ValidateOptions {
  /** Message language: `"fr"` (default) or `"en"`. */
  lang?: "fr" | "en";
}

/** Which family a `FormakitError` belongs to. */
export type FormakitErrorKind = "decode" | "validation" | "schema" | "usage" | "internal";

/**
 * The one error class formakit throws.
 * - `decode`: the input is not the schema's JSON; `path`, `expected`, `found` say where and why.
 * - `validation`: `assertValid` found errors; `issues` lists them.
 * - `schema`: the schema name is unknown; `schema` holds it.
 * - `usage`: an argument has the wrong type.
 */
export declare class FormakitError extends Error {
  readonly name: "FormakitError";
  readonly kind: FormakitErrorKind;
  /** JSON path of the failing value, e.g. `"data[3].parts[1].startDate"` (decode). */
  readonly path?: string;
  /** What the schema expected there (decode). */
  readonly expected?: string;
  /** What the input held there (decode). */
  readonly found?: string;
  /** 1-based line and column in the input text (decode). */
  readonly line?: number;
  readonly column?: number;
  /** Every issue found (validation). */
  readonly issues?: Issue[];
  /** The unknown schema name (schema). */
  readonly schema?: string;
}

/**
 * Reads provider JSON as `schema` and returns the typed value, exactly as sent
 * (wire field names, dates as strings, unknown fields kept).
 * @throws FormakitError `kind: "decode"` with the JSON path of the first bad value.
 * @example
 * const page = parse("cegos.productsPage", await res.text());
 * page.data[0].title; // string
 */
export declare function parse<S extends SchemaName>(schema: S, input: JsonInput): Schemas[S];

/**
 * Checks `value` against `schema` and returns the JSON text to send.
 * @throws FormakitError `kind: "decode"` when `value` does not have the schema's shape.
 */
export declare function serialize<S extends SchemaName>(schema: S, value: Schemas[S]): string;

/**
 * Every rule the provider would enforce, with its own error code: errors and warnings.
 * @throws FormakitError `kind: "decode"` when `value` does not have the schema's shape.
 */
export declare function validate<S extends SchemaName>(schema: S, value: Schemas[S] | JsonInput, options?: ValidateOptions): Issue[];

/** Like `validate`, but throws `FormakitError` (`kind: "validation"`) when any issue is an error. */
export declare function assertValid<S extends SchemaName>(schema: S, value: Schemas[S] | JsonInput, options?: ValidateOptions): void;

/**
 * Fill and bookability of a Cegos session: `isFull`, the last-place flag under
 * both documented rules (`lastPlaceByRange`, `lastPlaceByExactCount`),
 * `isHighProbability` and a `bookable` verdict from status and fill.
 * @throws FormakitError `kind: "decode"` when `session` is not a Cegos session.
 */
export declare function sessionAvailability(session: CegosSession | string): CegosSessionAvailability;

/**
 * Lära's member-activity rule: an explicit `isActiveMember` wins; otherwise the
 * member is active when `status` is one of the documented statuses (`"membre"`,
 * `"1ère inscription"`, …), compared trimmed and insensitive to case, accents
 * and Unicode normalization form.
 */
export declare function inferMemberActivity(status: string, isActiveMember?: boolean | null): boolean;

/**
 * A Lära period's end: `startDate` + `duration` × `durationUnit` (hours to
 * years; months and years on the calendar, clamped to the month's end), in
 * the start's zone form. `null` when the period has no start date.
 * @throws FormakitError `kind: "validation"` when the duration or unit cannot give an end.
 */
export declare function periodEnd(period: LaraPeriod | string, options?: ValidateOptions): WireDate | null;

/** Every schema name this version knows. */
export declare function schemas(): SchemaName[];

/** The formakit version. */
export declare const version: string;

declare const api: {
  FormakitError: typeof FormakitError;
  parse: typeof parse;
  serialize: typeof serialize;
  validate: typeof validate;
  assertValid: typeof assertValid;
  schemas: typeof schemas;
  version: string;
  sessionAvailability: typeof sessionAvailability;
  inferMemberActivity: typeof inferMemberActivity;
  periodEnd: typeof periodEnd;
};
export default api;
