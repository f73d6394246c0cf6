// `make bench`: measures side by side in one process, prints tables with
// ratios, writes bench/results.json. Later issues add groups here.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { compare, printTable } from "./harness.mjs";
import { printSizes, sizes } from "../scripts/size.mjs";
import { clientGroups } from "./clients.mjs";
import { runSearchBench } from "./search.mjs";
import { campusCsvGroup } from "./campus_csv.mjs";
import { printLoad, runLoad } from "./load.mjs";
import { runWidgetBench } from "./widget.mjs";
import { campusSyncRequest, productsPage, sessionsPage } from "./data.mjs";
import * as zodPeer from "./peers/zod.mjs";
import * as valibotPeer from "./peers/valibot.mjs";
import * as ajvPeer from "./peers/ajv.mjs";

const require = createRequire(import.meta.url);
const results = { node: process.version, date: new Date().toISOString(), groups: {} };

// 1. Wasm instantiation: compile + instantiate the shipped module, against
//    compiling the same bytes alone (the floor any wasm package pays), and the
//    cold first import of the package in fresh Node processes.
{
  const bytes = readFileSync(new URL("../pkg/web/formakit_bg.wasm", import.meta.url));
  // Instantiation cost does not depend on what the imported functions do, so
  // stubs stand in for the glue's (which it does not export).
  const imports = {};
  for (const imp of WebAssembly.Module.imports(new WebAssembly.Module(bytes))) {
    if (imp.kind !== "function") throw new Error(`unexpected ${imp.kind} import ${imp.module}.${imp.name}`);
    (imports[imp.module] ??= {})[imp.name] = () => {
      throw new Error("stub");
    };
  }
  const rows = compare("instantiate", [
    { name: "new WebAssembly.Module(bytes)", fn: () => new WebAssembly.Module(bytes) },
    { name: "new WebAssembly.Module + Instance", fn: () => new WebAssembly.Instance(new WebAssembly.Module(bytes), imports) },
  ], { rounds: 15, inner: 5, warmup: 2 });
  const script = "const t=performance.now();require(process.argv[1]);process.stdout.write(String(performance.now()-t))";
  const cold = [];
  for (let i = 0; i < 7; i++) cold.push(Number(execFileSync(process.execPath, ["-e", script, fileURLToPath(new URL("../pkg/node/index.cjs", import.meta.url))], { encoding: "utf8" })));
  cold.sort((a, b) => a - b);
  // The Node entry instantiates the wasm on first use (parse of a valid document does not need it).
  rows.push({ group: "instantiate", name: "require('formakit') in a fresh Node process (wasm lazy)", ms: cold[3], ratio: null });
  const api = require("../pkg/node/index.cjs");
  printTable(`Wasm instantiation (${(bytes.length / 1024).toFixed(0)} KiB .wasm, formakit ${api.version})`, rows);
  results.groups.instantiate = rows;
}

// 2. Parsing a Cegos page: formakit against JSON.parse alone and JSON.parse
//    followed by a schema check in zod 4, valibot and ajv (bench/peers/, the
//    same schema as the Rust models). Every row gets the same text; the bytes
//    row gets its UTF-8 bytes, as `new Uint8Array(await res.arrayBuffer())` would.
{
  const api = require("../pkg/node/index.cjs");
  const docs = [
    { key: "cegosProductsPage", schema: "cegos.productsPage", text: productsPage(), peer: "ProductsPage", what: "hydrated products page, 100 products" },
    { key: "cegosSessionsPage", schema: "cegos.sessionsPage", text: sessionsPage(), peer: "SessionsPage", what: "sessions page with parts, 100 sessions" },
  ];
  const peers = [
    ["zod 4", zodPeer],
    ["valibot", valibotPeer],
    ["ajv (compiled)", ajvPeer],
  ];
  for (const doc of docs) {
    const bytes = new TextEncoder().encode(doc.text);
    // Every row must accept the document before it is timed…
    api.parse(doc.schema, doc.text);
    api.parse(doc.schema, bytes);
    for (const [, peer] of peers) peer[`parse${doc.peer}`](JSON.parse(doc.text));
    // …and reject the same broken variants: the peers hold the models' schema.
    for (const [why, mutate] of mutations(doc.peer)) {
      const value = JSON.parse(doc.text);
      mutate(value.data[1]);
      const text = JSON.stringify(value);
      const verdicts = [["formakit", () => api.parse(doc.schema, text)], ...peers.map(([name, peer]) => [name, () => peer[`parse${doc.peer}`](JSON.parse(text))])].map(([name, fn]) => {
        try {
          fn();
          return [name, "accepts"];
        } catch {
          return [name, "rejects"];
        }
      });
      const want = why.startsWith("accept") ? "accepts" : "rejects";
      const wrong = verdicts.filter(([, v]) => v !== want);
      if (wrong.length > 0) throw new Error(`${doc.key}: ${why}: ${wrong.map(([n, v]) => `${n} ${v}`).join(", ")}`);
    }
    const rows = compare(doc.key, [
      { name: "JSON.parse", fn: () => JSON.parse(doc.text) },
      ...peers.map(([name, peer]) => ({ name: `JSON.parse + ${name}`, fn: () => peer[`parse${doc.peer}`](JSON.parse(doc.text)) })),
      { name: "formakit parse (string)", fn: () => api.parse(doc.schema, doc.text) },
      { name: "formakit safeParse (string)", fn: () => api.safeParse(doc.schema, doc.text) },
      { name: "formakit parse (Uint8Array)", fn: () => api.parse(doc.schema, bytes) },
    ], { rounds: 41, inner: 5, warmup: 10 });
    printTable(`Parse ${doc.schema}: ${doc.what} (${(bytes.length / 1024).toFixed(0)} KiB)`, rows);
    results.groups[doc.key] = rows;
  }
}

// 2b. First call: a fresh Node process per sample, timed from the import of the
//     package to the end of its first parse (the page text is read before the
//     clock starts), median of 11 processes; beside it the same process's second
//     parse and the steady state of group 2. A fresh process's bare JSON.parse
//     of the same text is the floor.
{
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "formakit-bench-"));
  const entry = fileURLToPath(new URL("../pkg/node/index.cjs", import.meta.url));
  const child = `
    const text = require("fs").readFileSync(process.argv[2], "utf8");
    const t0 = performance.now();
    let t1 = t0, t2;
    if (process.argv[4] === "json") JSON.parse(text);
    else { const api = require(process.argv[1]); t1 = performance.now(); api.parse(process.argv[3], text); }
    t2 = performance.now();
    if (process.argv[4] !== "json") { require(process.argv[1]).parse(process.argv[3], text); }
    const t3 = performance.now();
    process.stdout.write(JSON.stringify({ imp: t1 - t0, first: t2 - t1, total: t2 - t0, second: t3 - t2 }));`;
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const pages = [
    { key: "cegosProductsPage", schema: "cegos.productsPage", text: productsPage() },
    { key: "cegosSessionsPage", schema: "cegos.sessionsPage", text: sessionsPage() },
  ];
  const rows = [];
  for (const page of pages) {
    const file = join(dir, `${page.key}.json`);
    writeFileSync(file, page.text);
    const runs = { json: [], formakit: [] };
    for (let i = 0; i < 11; i++) {
      for (const mode of ["json", "formakit"]) {
        runs[mode].push(JSON.parse(execFileSync(process.execPath, ["-e", child, entry, file, page.schema, mode], { encoding: "utf8" })));
      }
    }
    const steady = results.groups[page.key].find((r) => r.name === "formakit parse (string)").ms;
    const json = med(runs.json.map((r) => r.total));
    const total = med(runs.formakit.map((r) => r.total));
    rows.push(
      { group: "firstCall", name: `${page.schema}: fresh process, JSON.parse`, ms: json, ratio: null },
      { group: "firstCall", name: `${page.schema}: fresh process, require`, ms: med(runs.formakit.map((r) => r.imp)), ratio: null },
      { group: "firstCall", name: `${page.schema}: fresh process, first parse`, ms: med(runs.formakit.map((r) => r.first)), ratio: null },
      { group: "firstCall", name: `${page.schema}: require + first parse`, ms: total, ratio: total / steady },
      { group: "firstCall", name: `${page.schema}: same process, second parse`, ms: med(runs.formakit.map((r) => r.second)), ratio: med(runs.formakit.map((r) => r.second)) / steady },
      { group: "firstCall", name: `${page.schema}: steady state (group 2)`, ms: steady, ratio: 1 },
    );
  }
  rmSync(dir, { recursive: true, force: true });
  printTable("First call in a fresh Node process (median of 11), ratio to the steady-state parse", rows);
  results.groups.firstCall = rows;
}

/** Variants of one page item every row must agree on: `accept…` ones parse, the others fail. */
function mutations(peer) {
  if (peer === "ProductsPage") {
    const modSample = { id: 1, code: "P01", order: 1, optional: false, isProduct: false, label: "Partie 1", delayInDay: 1, delayInHour: 7, delayInMinute: 420, deliveryMode: "Présentiel" };
    return [
      ["accept: unknown field", (p) => { p.newField = { x: [1, 2] }; }],
      ["accept: nullable field null", (p) => { p.notice = null; }],
      ["accept: nullable field absent", (p) => { delete p.titles; }],
      ["reject: required field absent", (p) => { delete p.trainingMethod; }],
      ["reject: required field null", (p) => { p.title = null; }],
      ["reject: integer with a fraction", (p) => { p.offerYear = 2025.5; }],
      ["reject: number as string", (p) => { p.price = "1350"; }],
      ["reject: string as number", (p) => { p.productCode = 38; }],
      ["reject: deep bool as string", (p) => { p.formula = [{ id: 1, label: "F1", modules: [{ ...modSample, optional: "false" }] }]; }],
    ];
  }
  return [
    ["accept: unknown field", (s) => { s.newField = 1; }],
    ["accept: status not in the enum", (s) => { s.status = "Archived"; }],
    ["accept: nullable part fields null", (s) => { s.parts = [{ number: 1, isRemote: true, startDate: null, endDate: null, startTimeHour: null, durationInDay: 0.5, centerId: null }]; }],
    ["reject: required field absent", (s) => { delete s.startDate; }],
    ["reject: part number as string", (s) => { s.parts = [{ number: "1", isRemote: true, durationInDay: 1 }]; }],
    ["reject: hour with a fraction", (s) => { s.parts = [{ number: 1, isRemote: true, durationInDay: 1, startTimeHour: 9.5 }]; }],
    ["reject: status as number", (s) => { s.status = 0; }],
  ];
}
// 3. Validation from JSON text: every rule, uniqueness across the whole batch
//    included, against JSON.parse of the same text (the floor of any JS validator).
{
  const api = require("../pkg/node/index.cjs");
  const docs = [
    { key: "validateCampus10k", schema: "campusskills.syncRequest", text: campusSyncRequest(10_000), what: "Campus Skills batch, 10,000 contracts" },
    { key: "validateCegosProducts", schema: "cegos.productsPage", text: productsPage(), what: "hydrated products page, 100 products" },
  ];
  for (const doc of docs) {
    const errors = api.validate(doc.schema, doc.text).filter((i) => i.severity === "error");
    if (errors.length > 0) throw new Error(`${doc.key}: the bench document has ${errors.length} errors, first: ${JSON.stringify(errors[0])}`);
    const rows = compare(doc.key, [
      { name: "JSON.parse", fn: () => JSON.parse(doc.text) },
      { name: "formakit validate (text)", fn: () => api.validate(doc.schema, doc.text) },
    ], { rounds: 11, inner: 2, warmup: 2 });
    printTable(`Validate ${doc.schema}: ${doc.what} (${(doc.text.length / 1024).toFixed(0)} KiB)`, rows);
    results.groups[doc.key] = rows;
  }
}

// 4. The clients against formakit-sandbox (bench/clients.mjs): paging all 13
//    Cegos product pages under 50 ms latency against the latency bound, and the
//    per-call overhead on loopback against a bare fetch + JSON.parse.
{
  const { clientPaging, clientOverhead } = await clientGroups();
  results.groups.clientPaging = clientPaging;
  results.groups.clientOverhead = clientOverhead;
}

// 5. formakit/search against MiniSearch, FlexSearch, Orama and Fuse.js (bench/search.mjs):
//    a 10,000-product sandbox catalog, 200 queries; build, p50/p99, memory, saved size, recall@10.
//    Memory figures need `node --expose-gc` (the Makefile runs bench/run.mjs with it).
results.groups.search = await runSearchBench();

// 6. Campus Skills spreadsheet check (bench/campus_csv.mjs): a 50,000-row export, bytes to
//    issues, against a plain JS split of the same bytes; peak memory in fresh processes.
results.groups.campusCsv = campusCsvGroup();

// 7. The sandbox under load (bench/load.mjs): 10,000 mixed requests at concurrency 64 against
//    the release sandbox; requests/s, p50/p99, errors (must be 0), the sandbox's RSS and CPU.
{
  const load = await runLoad();
  printLoad(load);
  results.groups.sandboxLoad = load;
  if (load.errors > 0) process.exitCode = 1;
}

// 7b. <formakit-catalog> in headless Chromium against the sandbox (bench/widget.mjs): attach to
//     first card cold and warm, keystroke to results, the widget's and a first visit's gzip sizes.
results.groups.widget = await runWidgetBench();

// 8. Size report (same as `make size`, without its client-cost rebuilds).
{
  const rows = sizes();
  console.log("\nSize (bytes)");
  printSizes(rows);
  results.groups.size = rows;
}

writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("\nwrote bench/results.json");
