// Prints raw, gzip and brotli bytes of each build's .wasm and JS glue.
// Also used by bench/run.mjs, which records the same rows in bench/results.json.
import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = new URL("../pkg/", import.meta.url);
export const FILES = ["web/formakit_bg.wasm", "web/formakit.js", "node/formakit.js", "lib/api.mjs"];

export function sizes() {
  return FILES.map((file) => {
    const bytes = readFileSync(new URL(file, root));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

export function printSizes(rows) {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${"file".padEnd(24)} ${pad("raw", 9)} ${pad("gzip", 9)} ${pad("brotli", 9)}`);
  for (const r of rows) console.log(`${r.file.padEnd(24)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printSizes(sizes());
