// Type-level checks of the shipped .d.ts (tsd style): it must compile under
// `tsc --strict --noEmit` (exactOptionalPropertyTypes on), and every
// `@ts-expect-error` line must be an error, or tsc fails with "unused directive".
import formakit, {
  assertValid,
  endpoints,
  FormakitError,
  parse,
  safeParse,
  serialize,
  validate,
  type CampusSyncResponse,
  type DroppedItem,
  type Endpoint,
  type FormakitDecodeError,
  type FormakitErrorKind,
  type Issue,
  type LaraError,
  type ListSchemaName,
  type RuleId,
  type SafeParseResult,
  type SchemaName,
} from "formakit";

declare const text: string;
declare const bytes: Uint8Array;
declare function use(...values: unknown[]): void;

// --- FormakitError: instanceof works, and kind narrows with no cast.
try {
  parse("cegos.productsPage", text);
} catch (e) {
  if (e instanceof FormakitError) {
    const kind: FormakitErrorKind = e.kind;
    const name: "FormakitError" = e.name;
    const message: string = e.message;
    const asError: Error = e;
    use(kind, name, message, asError);
    // @ts-expect-error: issues exists only on the decode and validation kinds
    use(e.issues);
    switch (e.kind) {
      case "decode": {
        const issues: Issue[] = e.issues;
        const path: string = e.path;
        const expected: string | undefined = e.expected;
        const line: number | undefined = e.line;
        const truncated: boolean | undefined = e.truncated;
        use(issues, path, expected, line, truncated);
        // @ts-expect-error: a decode error has no schema field
        use(e.schema);
        break;
      }
      case "validation": {
        const issues: Issue[] = e.issues;
        use(issues);
        // @ts-expect-error: a validation error has no path of its own
        use(e.path);
        break;
      }
      case "schema": {
        const schema: string = e.schema;
        use(schema);
        break;
      }
      case "usage":
      case "internal":
        // @ts-expect-error: usage and internal errors carry only a message
        use(e.issues);
        break;
      case "provider": {
        const code: number | string = e.providerCode;
        use(code);
        break;
      }
      case "http":
      case "timeout":
      case "network":
      case "auth":
      case "rate_limited":
      case "aborted": {
        const attempts: number = e.attempts;
        use(attempts, e.status, e.url);
        break;
      }
      default: {
        // Every kind is handled: nothing is left.
        const none: never = e;
        use(none);
      }
    }
    // @ts-expect-error: "teapot" is not a kind
    if (e.kind === "teapot") use(e);
  }
}

// An `if` narrows too, and the narrowed type has a name.
function firstPath(e: unknown): string | undefined {
  if (e instanceof FormakitError && e.kind === "decode") {
    const d: FormakitDecodeError = e;
    return d.path;
  }
  return undefined;
}
use(firstPath);

// The class is one value: the default export's is the same type.
const Same: typeof FormakitError = formakit.FormakitError;
const made = new FormakitError({ kind: "usage", message: "m" });
if (made.kind === "usage") use(made.message);
use(Same);
// @ts-expect-error: a decode error needs its issues and path
new FormakitError({ kind: "decode", message: "m" });

// --- Issue: rule is a RuleId, the structural fields are optional.
const issues: Issue[] = validate("lara.program", text, { lang: "en" });
for (const i of issues) {
  const rule: RuleId = i.rule;
  if (i.rule === "lara.program.name.length") use(i.providerCode);
  if (i.rule === "shape.json") use(i.line, i.column);
  const expected: string | undefined = i.expected;
  const found: string | undefined = i.found;
  const severity: "error" | "warning" = i.severity;
  use(rule, expected, found, severity);
  // @ts-expect-error: a misspelt rule id is not a RuleId
  if (i.rule === "lara.program.name.lenght") use(i);
}
const knownRule: RuleId = "shape.required";
// @ts-expect-error: rule ids are a closed union
const unknownRule: RuleId = "lara.nope";
use(knownRule, unknownRule);

// --- safeParse: the result narrows on success.
const r = safeParse("cegos.productsPage", bytes, { lang: "fr", dropInvalidItems: true });
if (r.success) {
  const title: string = r.data.data[0]!.title;
  const dropped: DroppedItem[] | undefined = r.dropped;
  if (dropped) for (const d of dropped) use(d.index, d.issues[0]?.rule);
  use(title);
  // @ts-expect-error: a success has no issues
  use(r.issues);
} else {
  const list: Issue[] = r.issues;
  const truncated: boolean | undefined = r.truncated;
  use(list, truncated);
  // @ts-expect-error: a failure has no data
  use(r.data);
}
// Any input: text, bytes or a parsed value.
const fromValue: SafeParseResult<LaraError> = safeParse("lara.error", { code: 1405 });
use(fromValue);
// @ts-expect-error: dropInvalidItems is for page and list schemas only
safeParse("cegos.product", text, { dropInvalidItems: true });
// @ts-expect-error: lang is "fr" or "en"
safeParse("cegos.product", text, { lang: "de" });
const list: ListSchemaName = "cegos.sessionsPage";
// @ts-expect-error: a single product is not a list schema
const notList: ListSchemaName = "cegos.product";
use(list, notList);

// --- parse: typed by the schema literal; options as safeParse.
const page = parse("cegos.sessionsPage", text, { dropInvalidItems: true, lang: "en" });
const start: string = page.data[0]!.startDate;
use(start);
// @ts-expect-error: parse reads text or bytes, not a parsed value
parse("cegos.sessionsPage", { data: [] });
// @ts-expect-error: a misspelt schema name is a type error
parse("cegos.sessionPage", text);

// --- The models the sandbox's errors fill.
const laraError = parse("lara.error", text);
const detail: string | null | undefined = laraError.detail;
const where: string | null | undefined = laraError.where;
use(detail, where);
const sync: CampusSyncResponse = parse("campusskills.syncResponse", text);
for (const bad of sync.invalidContrats) {
  const sentences: string[] | null | undefined = bad.errors;
  if (sentences) for (const s of sentences) use(s.toUpperCase());
  // @ts-expect-error: errors are sentences, not objects
  use(bad.errors?.[0]?.field);
}

// --- serialize, assertValid, endpoints.
const out: string = serialize("lara.error", laraError, { lang: "en" });
assertValid("lara.error", out);
const table: Endpoint[] = endpoints();
for (const ep of table) {
  const response: SchemaName = ep.response;
  const method: "GET" | "POST" | "DELETE" = ep.method;
  if (ep.paging.style === "pageNumber") use(ep.paging.totalPages, ep.paging.pageSize);
  if (ep.paging.style === "pageLimit") use(ep.paging.limitParam, ep.paging.total);
  // @ts-expect-error: a route without paging has no items field
  if (ep.paging.style === "none") use(ep.paging.items);
  use(response, method, ep.request, ep.pathParams, ep.retrySafe);
}

// --- The clients: methods typed from the endpoint table, paged iterators, call errors narrow.
import { CegosClient, LaraClient, CampusSkillsClient, campusSkills, type CampusCsvRuleId, type CampusSyncRequest, type FormakitCallError, type FormakitProviderError } from "formakit";

async function clients(): Promise<void> {
  const cegos = new CegosClient({ sandboxUrl: "http://127.0.0.1:4010", clientId: "id", clientSecret: "secret" });
  const catalogs = await cegos.catalogs();
  const label: string = catalogs.data[0]?.label ?? "";
  for await (const product of cegos.products({ hydrate: true })) {
    const code: string = product.yearlyProductCode;
    use(code);
  }
  for await (const page of cegos.products().pages()) use(page.totalPages);
  const first: number = (await cegos.products().toArray({ limit: 10 })).length;
  const one = await cegos.product("202500038", { hydrate: true });
  use(label, first, one.data.yearlyProductCode);
  // @ts-expect-error toArray needs a limit
  await cegos.products().toArray();
  const lara = new LaraClient({ baseUrl: "https://lms.example/lmsapi", getToken: async () => "t", lang: "en" });
  const program = await lara.getProgram({ id: "vBW5xMw1VQ2A8DFaNy22zA%3d%3d" });
  use(program.name);
  // @ts-expect-error a Lära request is required
  await lara.getProgram();
  const campus = new CampusSkillsClient({ sandboxUrl: "http://127.0.0.1:4010", token: "k", onRequest: (e) => use(e.url, e.attempt) });
  use(await campus.deleteAllContracts({ signal: AbortSignal.timeout(1000) }));
  // @ts-expect-error unknown option types are refused
  new CegosClient({ token: "t", retries: "2" });
  try {
    await lara.changeCurrentMemberStatus({ userId: "u", status: { status: "Membre" } }, { retry: true });
  } catch (e) {
    if (e instanceof FormakitError) {
      if (e.kind === "provider") {
        const p: FormakitProviderError = e;
        const code: number | string = e.providerCode;
        use(p, code, e.status);
      } else if (e.kind === "rate_limited" || e.kind === "timeout") {
        const c: FormakitCallError = e;
        const attempts: number = e.attempts;
        use(c, attempts, e.retryAfterMs);
      } else if (e.kind === "decode") {
        use(e.issues, e.status);
      }
    }
  }
}
use(clients);

// Campus Skills spreadsheets: fields and rule ids are literal unions.
{
  const r = campusSkills.fromCsv(new Uint8Array(0), { mapping: { "Mail étudiant": "emailApprenant", "#K": null }, dateFormat: "MM/DD/YYYY", onProgress: (p) => use(p.rows, p.done) });
  const contracts: CampusSyncRequest["contrats"] = r.request.contrats;
  const first = r.issues[0];
  if (first && first.rule === "campusskills.csv.date.order") use(first.row, first.column, first.relatedRow);
  const rule: CampusCsvRuleId = "campusskills.csv.trimmed";
  use(contracts, rule, r.rows[0], r.summary.columns[0]?.field);
  // @ts-expect-error a mapping names API fields only
  campusSkills.checkCsv("", { mapping: { A: "emailEtudiant" } });
  // @ts-expect-error not a reader rule id
  const notCsv: CampusCsvRuleId = "campusskills.contract.required";
  use(notCsv);
}

