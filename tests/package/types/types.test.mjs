// tsc --strict --noEmit over narrowing.ts, against the packed package installed
// as a consumer would: the narrowing compiles, and every `@ts-expect-error`
// line is an error (tsc reports an unused directive otherwise).
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, project } from "../helpers.mjs";

const here = join(ROOT, "tests/package/types");
const read = (f) => readFileSync(join(here, f), "utf8");

test("TypeScript narrows: FormakitError kinds, safeParse results, RuleId, endpoints", () => {
  const dir = project("types", { "package.json": '{ "type": "module" }', "tsconfig.json": read("tsconfig.json"), "narrowing.ts": read("narrowing.ts") });
  try {
    execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", dir], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    throw new Error(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});

const RUST = /::|\bcrate\b|\bSelf\b|\bVec<|\bOption<|\bimpl\b|\[`[A-Za-z_:]+`\]/;
const leaks = (file) =>
  readFileSync(join(ROOT, "pkg", file), "utf8")
    .split("\n")
    .map((line, i) => `${file}:${i + 1}: ${line.trim()}`)
    .filter((line) => RUST.test(line.slice(line.indexOf(": ") + 2)));

test("the hand-written index.d.ts speaks TypeScript: no Rust paths, no intra-doc links", () => {
  const found = leaks("index.d.ts");
  if (found.length > 0) throw new Error(`Rust in index.d.ts:\n${found.join("\n")}`);
});

test("the generated types.d.ts: Rust in its hover docs is listed (fixed in the Rust /// comments)", (t) => {
  for (const line of leaks("types.d.ts")) t.diagnostic(line);
});
