// Prints raw, gzip and brotli bytes of each build's .wasm and JS, and what each
// entry costs a browser page in all (its wasm + glue + API + checkers).
// `make size` runs it after `make build`; bench/run.mjs records the same rows.
// Targets (issue 8): full wasm <= 150 KB gzip, formakit/cegos wasm <= 70 KB gzip.
import { existsSync, readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

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
];

function measure(file) {
  const bytes = readFileSync(new URL(file, root));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function sizes() {
  return FILES.filter((f) => existsSync(new URL(f, root))).map(measure);
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

if (process.argv[1] === fileURLToPath(import.meta.url)) printSizes(sizes());
