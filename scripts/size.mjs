// Prints raw, gzip and brotli bytes of each build's .wasm and JS, and what each
// entry costs a browser page in all (its wasm + glue + API + checkers).
// `make size` runs it after `make build`; bench/run.mjs records the same rows.
// Targets (issue 8): full wasm <= 150 KB gzip, formakit/cegos wasm <= 70 KB gzip.
// Run directly (`make size`), it also builds each wasm again without the
// `client` feature into a temp dir and prints what the clients add
// (`clientCost`; bench/run.mjs does not rebuild, so it records the other rows only).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { delimiter, join } from "node:path";
import { homedir, tmpdir } from "node:os";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = new URL("../pkg/", import.meta.url);
const PROVIDERS = [
  ["cegos", "cegos"],
  ["lara", "lara"],
  ["france-travail", "francetravail"],
  ["campus-skills", "campusskills"],
];
const SHARED_JS = ["lib/api.mjs", "lib/checkers/runtime.mjs"];

export const FILES = [
  "web/formakit_bg.wasm",
  "web/formakit.js",
  "node/formakit_bg.wasm",
  "node/formakit.js",
  ...SHARED_JS,
  "lib/checkers/index.mjs",
  ...PROVIDERS.flatMap(([entry, checker]) => [`web/${entry}/formakit_bg.wasm`, `web/${entry}/formakit.js`, `lib/checkers/${checker}.mjs`]),
  // formakit/search (issue 10 target: its wasm at most 40 KB gzip).
  "web/search/search_bg.wasm",
  "web/search/search.js",
  "lib/search.mjs",
];

function measure(file, base = root) {
  const bytes = readFileSync(new URL(file, base));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function sizes() {
  return FILES.filter((f) => existsSync(new URL(f, root))).map((f) => measure(f));
}

/** Per entry: the files a browser page that imports it downloads, summed (each gzipped on its own, as a server sends them). */
export function entries(rows = sizes()) {
  const by = Object.fromEntries(rows.map((r) => [r.file, r]));
  const sum = (files) => files.reduce((acc, f) => ({ raw: acc.raw + (by[f]?.raw ?? 0), gzip: acc.gzip + (by[f]?.gzip ?? 0), brotli: acc.brotli + (by[f]?.brotli ?? 0) }), { raw: 0, gzip: 0, brotli: 0 });
  const allCheckers = ["lib/checkers/index.mjs", ...PROVIDERS.map(([, c]) => `lib/checkers/${c}.mjs`)];
  const out = [{ entry: "formakit", wasm: by["web/formakit_bg.wasm"], total: sum(["web/formakit_bg.wasm", "web/formakit.js", ...SHARED_JS, ...allCheckers]) }];
  for (const [entry, checker] of PROVIDERS) {
    const wasm = `web/${entry}/formakit_bg.wasm`;
    if (!by[wasm]) continue;
    out.push({ entry: `formakit/${entry}`, wasm: by[wasm], total: sum([wasm, `web/${entry}/formakit.js`, ...SHARED_JS, `lib/checkers/${checker}.mjs`]) });
  }
  if (by["web/search/search_bg.wasm"]) {
    out.push({ entry: "formakit/search", wasm: by["web/search/search_bg.wasm"], total: sum(["web/search/search_bg.wasm", "web/search/search.js", "lib/search.mjs", "lib/api.mjs"]) });
  }
  return out;
}

const kb = (n) => (n / 1024).toFixed(1);

export function printSizes(rows) {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${"file".padEnd(34)} ${pad("raw", 9)} ${pad("gzip", 9)} ${pad("brotli", 9)}`);
  for (const r of rows) console.log(`${r.file.padEnd(34)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
  console.log("");
  console.log(`${"entry (browser)".padEnd(26)} ${pad("wasm gzip KB", 13)} ${pad("page total gzip KB", 19)} ${pad("brotli KB", 10)}`);
  for (const e of entries(rows)) console.log(`${e.entry.padEnd(26)} ${pad(kb(e.wasm.gzip), 13)} ${pad(kb(e.total.gzip), 19)} ${pad(kb(e.total.brotli), 10)}`);
}

/**
 * What the clients add to each wasm: every provider entry (pkg/web/<entry>/,
 * built with `wasm,client,<provider>`) against a build of `wasm,<provider>`,
 * and the full wasm (pkg/web/, default features + `wasm`) against `wasm` and the
 * four providers without `client`. The builds are `make build`'s web builds
 * (same wasm-pack flags) into a temp dir, removed after. Returns rows
 * { entry, features, without, with } (each a `measure` row), or null with a
 * message when wasm-pack is not there.
 */
export function clientCost() {
  const all = PROVIDERS.map(([p]) => p).join(",");
  // Shipped: formakit/campus-skills also carries the spreadsheet reader (campus-csv); the full web wasm does not.
  const csv = (entry) => (entry === "campus-skills" ? ",campus-csv" : "");
  return featureCost("client", [
    ...PROVIDERS.map(([entry]) => ({ entry: `formakit/${entry}`, features: `wasm,${entry}${csv(entry)}`, shipped: `web/${entry}/formakit_bg.wasm` })),
    { entry: "formakit", features: `wasm,${all}`, shipped: "web/formakit_bg.wasm" },
  ]);
}

/**
 * What the Campus Skills spreadsheet reader (feature campus-csv: the csv crate and src/campus_skills/csv.rs)
 * adds to formakit/campus-skills, the same way. (The full web wasm leaves it out; Node's has it.)
 */
export function csvCost() {
  return featureCost("campus-csv", [{ entry: "formakit/campus-skills", features: "wasm,client,campus-skills", shipped: "web/campus-skills/formakit_bg.wasm" }]);
}

/** Rebuilds each shipped wasm without one feature (`features` lists what stays) and measures both. */
function featureCost(feature, builds) {
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  // As the Makefile does: binaryen's wasm-opt from npm first, cargo's bin for wasm-pack.
  const env = { ...process.env, PATH: [join(cwd, "node_modules", ".bin"), join(homedir(), ".cargo", "bin"), process.env.PATH].join(delimiter) };
  if (spawnSync("wasm-pack", ["--version"], { env }).status !== 0) {
    console.log(`${feature} cost: skipped, wasm-pack is not installed (scripts/install.sh installs it)`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "formakit-size-"));
  const rows = [];
  try {
    for (const b of builds) {
      if (!existsSync(new URL(b.shipped, root))) {
        console.log(`${feature} cost: ${b.entry}: skipped, pkg/${b.shipped} is missing (make build)`);
        continue;
      }
      const out = join(dir, b.entry.replace("/", "-"));
      const args = ["build", "--release", "--no-pack", "--out-name", "formakit", "--target", "web", "--out-dir", out, "--", "--no-default-features", "--features", b.features];
      const run = spawnSync("wasm-pack", args, { cwd, env, encoding: "utf8" });
      if (run.status !== 0) {
        console.log(`${feature} cost: ${b.entry}: wasm-pack ${args.join(" ")} failed:\n${run.stderr.split("\n").slice(-20).join("\n")}`);
        process.exitCode = 1;
        continue;
      }
      rows.push({ entry: b.entry, feature, features: b.features, without: measure("formakit_bg.wasm", pathToFileURL(`${out}/`)), with: measure(b.shipped) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function printClientCost(rows) {
  const pad = (s, n) => String(s).padStart(n);
  const delta = (n) => (n >= 0 ? `+${n}` : String(n));
  const feature = rows[0]?.feature ?? "client";
  console.log(`${`wasm (web), ${feature}`.padEnd(26)} ${pad("raw without", 12)} ${pad("raw with", 9)} ${pad("Δ raw", 8)} ${pad("gzip without", 13)} ${pad("gzip with", 10)} ${pad("Δ gzip", 8)} ${pad("Δ gzip KB", 10)}`);
  for (const r of rows) {
    const d = r.with.gzip - r.without.gzip;
    console.log(`${r.entry.padEnd(26)} ${pad(r.without.raw, 12)} ${pad(r.with.raw, 9)} ${pad(delta(r.with.raw - r.without.raw), 8)} ${pad(r.without.gzip, 13)} ${pad(r.with.gzip, 10)} ${pad(delta(d), 8)} ${pad((d >= 0 ? "+" : "") + kb(d), 10)}`);
  }
  console.log(`(without: --no-default-features --features ${rows.map((r) => r.features).join(" / ")}; with: the shipped pkg/ wasm, which adds ${feature})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printSizes(sizes());
  const search = sizes().find((r) => r.file === "web/search/search_bg.wasm");
  if (search) console.log(`\nformakit/search wasm: ${kb(search.gzip)} KB gzip (target 40 KB: ${search.gzip <= 40 * 1024 ? "met" : "MISSED"})`);
  console.log("\nWhat the clients add (each wasm rebuilt without the client feature)");
  const rows = clientCost();
  if (rows !== null && rows.length > 0) printClientCost(rows);
  console.log("\nWhat the Campus Skills spreadsheet reader adds (rebuilt without the campus-csv feature)");
  const csvRows = csvCost();
  if (csvRows !== null && csvRows.length > 0) printClientCost(csvRows);
}
