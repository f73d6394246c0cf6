// Hand-written surface of the thin JS entry; the model types, `Schemas`,
// `ListSchemaName` and `RuleId` come from Rust through ./types.d.ts,
// generated at build time.
import type { CampusSyncRequest, CegosSession, CegosSessionAvailability, LaraPeriod, ListSchemaName, RuleId, Schemas, WireDate } from "./types.js";

import type { CegosClient, LaraClient, FranceTravailClient, CampusSkillsClient } from "./clients.js";

export * from "./types.js";
export * from "./clients.js";

/** A schema name such as `"cegos.productsPage"`; see `Schemas` for the full list. */
export type SchemaName = keyof Schemas;

/** What `parse` reads: JSON text, or its UTF-8 bytes (e.g. `new Uint8Array(await res.arrayBuffer())`). */
export type JsonInput = string | Uint8Array;

/** Message language: `"fr"` (the default) or `"en"`. Any other value is a `"usage"` error. */
export type Lang = "fr" | "en";

/** `"error"`: the provider would reject it (every structural issue is one). `"warning"`: accepted, but likely a mistake. */
export type Severity = "error" | "warning";

/**
 * One problem in a document: a structural one (`rule` `"shape.…"`, from `safeParse`, `parse`
 * and `validate`) or a provider rule (from `validate`).
 * @example
 * { path: "data[3].price", rule: "shape.type", severity: "error",
 *   expected: "number", found: "\"800.00\"", message: "attendu un nombre, reçu la chaîne \"800.00\"" }
 */
export interface Issue {
  /** JSON path of the value, e.g. `"data[3].parts[1].startDate"`; `""` for the root. A missing field's path is the field's own. */
  path: string;
  /**
   * Stable rule id. Structural: `"shape.json"` (malformed JSON), `"shape.required"` (missing field),
   * `"shape.type"` (wrong JSON type, or not a safe integer), `"shape.date"` (not a real ISO 8601 date),
   * `"shape.enum"` (outside a closed set). Provider rules: `"lara.program.name.length"`, …
   */
  rule: RuleId;
  /** How serious. */
  severity: Severity;
  /** What is wrong, in the requested language (French by default). */
  message: string;
  /** The provider's own error code when it documents one (Lära `1405`, …). */
  providerCode?: number;
  /** Structural issues: what the schema expects, e.g. `"number"`, `"date"`, `"string | null"`, `"\"A\" | \"B\""`. */
  expected?: string;
  /** Structural issues: the value found, as JSON text cut to 40 characters (then `…`); absent for a missing field. */
  found?: string;
  /** `"shape.json"`: 1-based line of the error in the input text. */
  line?: number;
  /** `"shape.json"`: 1-based column of the error in the input text. */
  column?: number;
}

/** Options of `validate`, `assertValid`, `serialize` and `periodEnd`. */
export interface ValidateOptions {
  /** Message language: `"fr"` (default) or `"en"`. */
  lang?: Lang;
}

/** Options of `safeParse` and `parse`. */
export interface ParseOptions {
  /** Message language: `"fr"` (default) or `"en"`. */
  lang?: Lang;
  /**
   * Page and list schemas only (`ListSchemaName`): the items that have issues are removed
   * from `data` and listed in `dropped`; issues outside the items still fail.
   */
  dropInvalidItems?: boolean;
}

/** The options `safeParse` and `parse` take for schema `S`: `dropInvalidItems` only for page and list schemas. */
export type ParseOptionsFor<S extends SchemaName> = [S] extends [ListSchemaName] ? ParseOptions : ValidateOptions & { dropInvalidItems?: false };

/** An item `dropInvalidItems` removed: its index in the input's item array, and why. */
export interface DroppedItem {
  /** The item's index in the input array. */
  index: number;
  /** Why it was dropped (at most 100). */
  issues: Issue[];
  /** True when the item had more than the 100 issues listed. */
  truncated?: true;
}

/** `safeParse` accepted the document. */
export interface SafeParseSuccess<T> {
  success: true;
  /** The document exactly as sent (wire names, dates as their wire strings, unknown fields kept), without the dropped items. */
  data: T;
  /** With `dropInvalidItems`: the items removed, by original index. */
  dropped?: DroppedItem[];
}

/** `safeParse` refused the document. */
export interface SafeParseFailure {
  success: false;
  /** Every structural issue, in traversal order (fields in declaration order, arrays by index), at most 100. */
  issues: Issue[];
  /** True when there were more than the 100 issues listed. */
  truncated?: boolean;
}

/** What `safeParse` returns: narrow on `success`. */
export type SafeParseResult<T> = SafeParseSuccess<T> | SafeParseFailure;

/** Which family a `FormakitError` belongs to; narrow on it to reach the fields of each. */
export type FormakitErrorKind = FormakitError["kind"];

/** What every `FormakitError` has. */
export interface FormakitErrorBase extends Error {
  readonly name: "FormakitError";
  readonly message: string;
}

/**
 * What a client call's error tells beyond its kind (set on every error a client method
 * throws; absent from `parse` and the other local calls). Never holds a token or a secret.
 */
export interface FormakitCallFacts {
  /** The last answer's HTTP status, when one came. */
  readonly status?: number;
  /** The provider's own code: Lära's number (`1400`), OAuth's word (`"invalid_client"`). */
  readonly providerCode?: number | string;
  /** The code's documented name (`"Required id"`) or the OAuth `error_description`. */
  readonly providerCodeName?: string;
  /** The endpoint id, e.g. `"cegos.products"`. */
  readonly endpoint?: string;
  /** The HTTP method. */
  readonly method?: "GET" | "POST" | "DELETE";
  /** The URL called (credentials never travel in URLs). */
  readonly url?: string;
  /** True when the same call may succeed later (a 503, a timeout, a 429). */
  readonly retryable?: boolean;
  /** Requests sent for this call (0 when none was: a validation error, an abort before sending). */
  readonly attempts?: number;
  /** What `Retry-After` asked for, in ms (a 429 whose wait is above `maxRetryAfterMs`). */
  readonly retryAfterMs?: number;
}

/**
 * A client call that failed on the way: `"http"` (a status with no documented meaning, 5xx after
 * the retries, 404), `"timeout"` (`timeoutMs` per attempt), `"network"` (refused, reset),
 * `"auth"` (credentials refused, a 401 a refresh did not cure, a 403), `"rate_limited"` (429),
 * `"aborted"` (the caller's `signal`).
 */
export interface FormakitCallError extends FormakitErrorBase, FormakitCallFacts {
  readonly kind: "http" | "timeout" | "network" | "auth" | "rate_limited" | "aborted";
  readonly endpoint: string;
  readonly attempts: number;
  readonly retryable: boolean;
}

/** `kind: "provider"`: the provider refused the request with a documented code (Lära `1400`…). */
export interface FormakitProviderError extends FormakitErrorBase, FormakitCallFacts {
  readonly kind: "provider";
  readonly status: number;
  readonly providerCode: number | string;
  readonly endpoint: string;
  readonly attempts: number;
  readonly retryable: boolean;
}

/** `kind: "decode"`: the input is not the schema's JSON (`parse`, `serialize`, the helpers, a client's answer). */
export interface FormakitDecodeError extends FormakitErrorBase, FormakitCallFacts {
  readonly kind: "decode";
  /** Every structural issue, as `safeParse` lists them. */
  readonly issues: Issue[];
  /** True when there were more than the issues listed. */
  readonly truncated?: boolean;
  /** The first issue's path, e.g. `"data[3].parts[1].startDate"` (`""` for the root). */
  readonly path: string;
  /** The first issue's `expected`. */
  readonly expected?: string | undefined;
  /** The first issue's `found`. */
  readonly found?: string | undefined;
  /** Malformed JSON: 1-based line of the first issue. */
  readonly line?: number | undefined;
  /** Malformed JSON: 1-based column of the first issue. */
  readonly column?: number | undefined;
}

/** `kind: "validation"`: `assertValid` found errors, `periodEnd` cannot compute an end, or a client refused to send an invalid request. */
export interface FormakitValidationError extends FormakitErrorBase, FormakitCallFacts {
  readonly kind: "validation";
  /** Every issue found (errors and warnings). */
  readonly issues: Issue[];
}

/** `kind: "schema"`: the schema name is not one this build knows (the message lists the known ones). */
export interface FormakitSchemaError extends FormakitErrorBase {
  readonly kind: "schema";
  /** The unknown name. */
  readonly schema: string;
}

/** `kind: "usage"`: an argument of the wrong type, an unknown `lang`, `dropInvalidItems` on a schema that has no items. */
export interface FormakitUsageError extends FormakitErrorBase {
  readonly kind: "usage";
}

/** `kind: "internal"`: a bug in formakit (please report it); the input is not to blame. */
export interface FormakitInternalError extends FormakitErrorBase {
  readonly kind: "internal";
}

/**
 * The one error formakit throws: an `Error` whose `name` is `"FormakitError"`, with a `kind`.
 * `instanceof FormakitError` tells it from other errors; `kind` narrows to the fields of each family.
 * @example
 * try { parse("cegos.sessionsPage", text); }
 * catch (e) {
 *   if (e instanceof FormakitError && e.kind === "decode") for (const i of e.issues) console.log(i.path, i.message);
 * }
 */
export type FormakitError = FormakitDecodeError | FormakitValidationError | FormakitSchemaError | FormakitUsageError | FormakitInternalError | FormakitCallError | FormakitProviderError;

/** What `new FormakitError(…)` takes: a kind, a message and that kind's fields. */
export type FormakitErrorInit =
  | { kind: "decode"; message: string; issues: Issue[]; truncated?: boolean; path: string; expected?: string; found?: string; line?: number; column?: number }
  | { kind: "validation"; message: string; issues: Issue[] }
  | { kind: "schema"; message: string; schema: string }
  | { kind: "usage" | "internal"; message: string }
  | ({ kind: "http" | "timeout" | "network" | "auth" | "rate_limited" | "aborted" | "provider"; message: string } & FormakitCallFacts);

/** The `FormakitError` class (exported as a value: `instanceof FormakitError`). */
export interface FormakitErrorConstructor {
  new (info: FormakitErrorInit): FormakitError;
  readonly prototype: FormakitError;
}

/** The `FormakitError` class: `e instanceof FormakitError`, then narrow on `e.kind`. */
export declare const FormakitError: FormakitErrorConstructor;

/**
 * Checks provider JSON against `schema` and reports every structural issue, never throwing for bad input.
 * `input`: JSON text, its UTF-8 bytes, or a value already parsed.
 * @throws FormakitError `kind: "usage"` or `"schema"` only (a wrong argument, an unknown schema).
 * @example
 * const r = safeParse("cegos.productsPage", text, { lang: "en", dropInvalidItems: true });
 * if (r.success) r.data.data.length; else r.issues[0].path;
 */
export declare function safeParse<S extends SchemaName>(schema: S, input: unknown, options?: ParseOptionsFor<S>): SafeParseResult<Schemas[S]>;

/**
 * Reads provider JSON as `schema` and returns the typed value, exactly as sent
 * (wire field names, dates as strings, unknown fields kept).
 * @throws FormakitError `kind: "decode"` with every issue (`issues`) and the first one's `path`.
 * @example
 * const page = parse("cegos.productsPage", await res.text());
 * page.data[0].title; // string
 */
export declare function parse<S extends SchemaName>(schema: S, input: JsonInput, options?: ParseOptionsFor<S>): Schemas[S];

/**
 * Checks `value` against `schema` and returns the JSON text to send.
 * @throws FormakitError `kind: "decode"` when `value` does not have the schema's shape.
 */
export declare function serialize<S extends SchemaName>(schema: S, value: Schemas[S], options?: ValidateOptions): string;

/**
 * Every issue: structural ones (`shape.*`) and every rule the provider would enforce, with
 * its own error code; errors and warnings. Never throws for a wrong shape.
 * @throws FormakitError `kind: "usage"` or `"schema"` only.
 */
export declare function validate<S extends SchemaName>(schema: S, value: Schemas[S] | JsonInput, options?: ValidateOptions): Issue[];

/**
 * Like `validate`, but throws when any issue is an error.
 * @throws FormakitError `kind: "validation"` with every issue.
 */
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

/** The rules of the spreadsheet reader itself (registered with the others: `src/campus_skills/csv.rs` `RULES`). */
export type CampusCsvRuleId = Extract<RuleId, `campusskills.csv.${string}`>;

/** Options of `campusSkills.fromCsv` and `campusSkills.checkCsv`. */
export interface CampusCsvOptions {
  /**
   * Column label → API field (`"emailApprenant"`), or `null` to ignore the column. A key
   * `"#D"` or `"#4"` names a column by its letter or 1-based number (for two columns with
   * one label). Labels match exactly, then ignoring case, accents, spaces and punctuation;
   * columns it does not name fall back to the default labels (the API's field names and
   * common French labels such as "Email apprenant", "Prénom tuteur école", "code Tuteur entreprise").
   */
  mapping?: Record<string, CampusContractField | null>;
  /** The separator; detected among `;` `,` tab `|` when not given. */
  delimiter?: string;
  /** The order of the file's dates (default `"DD/MM/YYYY"`). Other orders are converted to `DD/MM/YYYY`, each with a warning. */
  dateFormat?: "DD/MM/YYYY" | "D/M/YYYY" | "MM/DD/YYYY" | "M/D/YYYY" | "YYYY-MM-DD";
  /** Bytes only (default `"auto"`: a byte-order mark, else UTF-8 when valid, else Windows-1252 with a warning). */
  encoding?: "auto" | "utf-8" | "windows-1252" | "utf-16le";
  /** Language of the messages (default `"fr"`). */
  lang?: Lang;
  /** Called every 5,000 rows while reading, then once with `done: true` before the rules run. */
  onProgress?: (progress: { rows: number; done?: boolean }) => void;
}

/** A Campus Skills contract's wire field names (what a mapping may name). */
export type CampusContractField =
  | "codeContrat"
  | "dateDebut"
  | "dateFin"
  | "nomEntreprise"
  | "codeGroupe"
  | "nomGroupe"
  | "codeSite"
  | "nomSite"
  | "codeMarque"
  | "nomMarque"
  | "codePeriode"
  | "nomPeriode"
  | "codeFormation"
  | "nomFormation"
  | "codeAnnee"
  | "nomAnnee"
  | "codeApprenant"
  | "nomApprenant"
  | "prenomApprenant"
  | "emailApprenant"
  | "codePersonnel"
  | "nomPersonnel"
  | "prenomPersonnel"
  | "emailPersonnel"
  | "codeMaitreApprentissage"
  | "nomMaitreApprentissage"
  | "prenomMaitreApprentissage"
  | "emailMaitreApprentissage"
  | "missionTitle"
  | "missionDetails"
  | "monthStartGroup"
  | "rncp"
  | "type";

/** One problem of a spreadsheet, placed as the spreadsheet shows it. */
export interface CampusCsvIssue {
  /** Spreadsheet row, 1-based (title rows, blank rows and the header count; a cell with line breaks is one row). Absent for the whole file. */
  row?: number;
  /** Column letter (`"D"`). */
  column?: string;
  /** The column's label in the header row. */
  label?: string;
  /** The API field (`"emailApprenant"`). */
  field?: CampusContractField;
  /** The contract rules' ids (`"campusskills.user.email.shared"`) or the reader's. */
  rule: RuleId;
  severity: Severity;
  /** What is wrong and how to fix it; other places are named by row and column. */
  message: string;
  /** The cell's text as read (cut to 80 characters). */
  value?: string;
  /** The Campus Skills document's own words for the rule, when it has some. */
  providerText?: string;
  /** A conflict's other place: its row… */
  relatedRow?: number;
  /** …and column letter. */
  relatedColumn?: string;
}

/** What was read. */
export interface CampusCsvSummary {
  encoding: "utf-8" | "windows-1252" | "utf-16le" | "utf-16be" | "text";
  delimiter: string;
  /** The header row's number; absent when none was found. */
  headerRow?: number;
  /** The header's columns and the field each is read into (`null`: unmapped, ignored or ambiguous). */
  columns: { column: string; label: string; field: CampusContractField | null }[];
  /** Contracts read: one per non-blank row below the header. */
  contracts: number;
  blankRows: number;
  errors: number;
  warnings: number;
}

/** `campusSkills.checkCsv`'s result. */
export interface CampusCsvCheck {
  /** Every problem: the file's first, then by row. */
  issues: CampusCsvIssue[];
  summary: CampusCsvSummary;
}

/** `campusSkills.fromCsv`'s result. */
export interface CampusCsvResult extends CampusCsvCheck {
  /** The `campusskills.syncRequest` body, one contract per data row (send it only when `summary.errors` is 0). */
  request: CampusSyncRequest;
  /** `rows[i]` is the spreadsheet row of `request.contrats[i]`. */
  rows: number[];
}

/** Campus Skills spreadsheet exports: in Node from `formakit`, in browsers from `formakit/campus-skills` (the full web build leaves the reader out: a `usage` error says so). */
export declare const campusSkills: {
  /**
   * Reads a CSV export (text, or bytes in UTF-8, UTF-16 or Windows-1252) into a sync request and
   * lists every problem, with the contract rules `validate` applies, the whole-file uniqueness
   * checks included (a conflict names both rows).
   * @throws FormakitError `kind: "usage"` for a wrong option or input type.
   * @example
   * const { request, issues, summary } = campusSkills.fromCsv(readFileSync("export.csv"));
   * if (summary.errors === 0) await client.syncContracts(request);
   */
  fromCsv(input: string | Uint8Array | ArrayBuffer, options?: CampusCsvOptions): CampusCsvResult;
  /** The same check without building the request. */
  checkCsv(input: string | Uint8Array | ArrayBuffer, options?: CampusCsvOptions): CampusCsvCheck;
};

/** Who serves an endpoint (the prefix of its schema names). */
export type Provider = "cegos" | "lara" | "francetravail" | "campusskills";

/** How an endpoint's list answer pages. */
export type EndpointPaging =
  | { style: "none" }
  /** Numbered pages (Cegos): `pageParam` = 1, 2, …; the answer's `totalPages` field says how many. */
  | { style: "pageNumber"; pageParam: string; sizeParam: string | null; pageSize: number | null; items: string; totalPages: string }
  /** Pages of `limitParam` items (Campus Skills); the answer's `total` field counts every item. */
  | { style: "pageLimit"; pageParam: string; limitParam: string; items: string; total: string };

/** One route of one provider, as `endpoints()` lists it. */
export interface Endpoint {
  /** `"<provider>.<name>"`, e.g. `"cegos.products"`: unique. */
  id: string;
  provider: Provider;
  /** The client method's name after the route (`"products"`, `"getProgram"`, `"syncContracts"`); unique within the provider. */
  name: string;
  method: "GET" | "POST" | "DELETE";
  /** Which base URL `path` is relative to: the API's, or the OAuth server's. */
  host: "api" | "auth";
  /** The production base URL (no trailing `/`); `null` when each customer has its own (Lära, Campus Skills). */
  baseUrl: string | null;
  /** The path template, e.g. `"/v1/Products/{yearlyProductCode}"`: each `{param}` fills one whole, percent-encoded segment. */
  path: string;
  /** The names of `path`'s parameters, in order. */
  pathParams: string[];
  /** Query parameters every call carries (France Travail's `realm`). */
  fixedQuery: Record<string, string>;
  /** Other paths the server answers to for the same route; recognised, never sent. */
  aliases: string[];
  /** The request's schema name; `null` when nothing is sent. */
  request: SchemaName | null;
  /** Where the request goes: the URL (path and query string), a JSON body, a form body, or nowhere. */
  requestIn: "query" | "jsonBody" | "form" | "none";
  /** The success answer's schema name. */
  response: SchemaName;
  /** The schema of the provider's error answers, when one is documented (`"lara.error"`). */
  error: SchemaName | null;
  /** `"oauthClientCredentials"`: a bearer token from the provider's OAuth client-credentials route; `"bearer"`: a token the provider issued; `"clientCredentialsGrant"`: the token request itself; `"none"`. */
  auth: "oauthClientCredentials" | "bearer" | "clientCredentialsGrant" | "none";
  /** True when a failed call may be repeated without asking. */
  retrySafe: boolean;
  paging: EndpointPaging;
  /** False for a route no provider document names (Lära `program/update`, which the sandbox serves). */
  documented: boolean;
  /** What the route does, and the decisions taken on it. */
  doc: string;
}

/** The endpoint table of the providers this build carries (a fresh copy each call). */
export declare function endpoints(): Endpoint[];

/** Every schema name this build knows. */
export declare function schemas(): SchemaName[];

/** The formakit version. */
export declare const version: string;

declare const api: {
  FormakitError: FormakitErrorConstructor;
  safeParse: typeof safeParse;
  parse: typeof parse;
  serialize: typeof serialize;
  validate: typeof validate;
  assertValid: typeof assertValid;
  endpoints: typeof endpoints;
  schemas: typeof schemas;
  version: string;
  sessionAvailability: typeof sessionAvailability;
  inferMemberActivity: typeof inferMemberActivity;
  periodEnd: typeof periodEnd;
  CegosClient: typeof CegosClient;
  LaraClient: typeof LaraClient;
  FranceTravailClient: typeof FranceTravailClient;
  CampusSkillsClient: typeof CampusSkillsClient;
};
export default api;

/** What the `onRequest` / `onResponse` hooks receive: nothing secret (`authorization` is `"[redacted]"`). */
export interface Exchange {
  /** The endpoint id, e.g. `"cegos.products"` (`"cegos.token"` for the token request). */
  endpoint: string;
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers: Record<string, string>;
  /** 1 for the first attempt. */
  attempt: number;
  /** `onResponse`: the answer's status; absent when none came. */
  status?: number;
  /** `onResponse`: milliseconds from sending to the answer (or the failure). */
  durationMs?: number;
}

/** Options shared by the four clients; exactly one of `token`, `getToken`, `clientId`/`clientSecret`. */
export interface ClientOptions {
  /** The API's base URL; defaults to the provider's production URL (Lära and Campus Skills: required). */
  baseUrl?: string;
  /** The OAuth server's base URL (Cegos, France Travail); required with `baseUrl` and `clientId`, so a secret never goes to production by mistake. */
  authBaseUrl?: string;
  /** formakit's sandbox root (`"http://127.0.0.1:4010"`): both base URLs and `environment: "sandbox"` at once. */
  sandboxUrl?: string;
  /** OAuth client credentials (Cegos, France Travail): the token is cached, refreshed 2 minutes before expiry, one refresh in flight. */
  clientId?: string;
  clientSecret?: string;
  /** Space-separated scopes: Cegos defaults to `"api-cegos"`; France Travail needs one (`"application_<clientId> api_…"`). */
  scope?: string;
  /** A bearer token sent as given (Lära's and Campus Skills' keys); a 401 is final. */
  token?: string;
  /** For browsers: a page's own token source (a partner's token proxy), so it never holds a secret. Kept until a 401 or 5 minutes. */
  getToken?: () => Promise<string> | string;
  /** Retries of a retry-safe call (default 2): 408, 429, 500, 502, 503, 504, network errors, bodies cut short. */
  retries?: number;
  /** Each attempt's timeout (default 30000 ms). */
  timeoutMs?: number;
  /** Client-side limit (token bucket, 1 s of burst); slowed ×0.7 after a 429, recovering after. France Travail: 5 by default; others unlimited. */
  maxRequestsPerSecond?: number;
  /** The longest `Retry-After` waited for (default 60000 ms); a longer one ends the call with `retryAfterMs`. */
  maxRetryAfterMs?: number;
  /** Message language (default `"fr"`). */
  lang?: Lang;
  /** `"sandbox"` allows `deleteAllContracts`; default `"production"`. */
  environment?: "production" | "sandbox";
  /** France Travail's `pe-fonc-apimode` header. */
  apiMode?: string;
  /** Headers added to every request (not to the token request). */
  headers?: Record<string, string>;
  /** Called before each attempt. */
  onRequest?: (exchange: Exchange) => void;
  /** Called after each attempt, answered or not. */
  onResponse?: (exchange: Exchange) => void;
}

/** One call's options. */
export interface CallOptions {
  /** Aborting it ends the call (during a backoff too) with `kind: "aborted"`. */
  signal?: AbortSignal;
  /** `true`: retry even a call that is not retry-safe; `false`: never retry. */
  retry?: boolean;
  /** This call's timeout per attempt, ms. */
  timeoutMs?: number;
  /** Headers for this call only. */
  headers?: Record<string, string>;
}

/** Options of a paged call. */
export interface PagedOptions extends CallOptions {
  /** Pages fetched ahead (default 4). */
  concurrency?: number;
}

/**
 * The pages of a paged route. `for await (const item of client.products())` yields items;
 * `.pages()` yields pages in order, fetched ahead; leaving either loop stops the fetching.
 */
export interface Paged<Item, Page> extends AsyncIterable<Item> {
  pages(): AsyncIterableIterator<Page>;
  /** The first `limit` items: a limit is required. */
  toArray(options: { limit: number }): Promise<Item[]>;
  /** One page (from 1). */
  page(n: number, options?: CallOptions): Promise<Page>;
}
