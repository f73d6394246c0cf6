// Where a wasm's bytes go, by crate and module: reads the code section and the
// "name" section of a wasm that still has its names (a cargo build before
// wasm-bindgen and wasm-opt), and sums each function's body size under its path.
//
//   cargo build --release --target wasm32-unknown-unknown --lib --no-default-features --features wasm,client,cegos
//   wasm-bindgen --target web --out-dir /tmp/wb target/wasm32-unknown-unknown/release/formakit.wasm
//   wasm-opt -Os --converge -g --enable-bulk-memory --enable-nontrapping-float-to-int \
//     --enable-sign-ext --enable-mutable-globals /tmp/wb/formakit_bg.wasm -o /tmp/wb/named.wasm
//   node scripts/wasm-breakdown.mjs /tmp/wb/named.wasm [depth=2] [top=40]
//
// Run it after wasm-bindgen: before, the wasm still holds the describe functions that
// wasm-bindgen reads and removes (js_sys::Intl alone looked like 19 KB there). With `-g`
// wasm-opt keeps the names; code and data sizes are then those `make size` ships.
// A generic instance `<A as B>::f` counts for A's crate (the type's), since that is
// the code the type pulls in; closures and shims count for their parent path.
import { readFileSync } from "node:fs";

const [file, depthArg = "2", topArg = "40"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/wasm-breakdown.mjs <file.wasm> [depth] [top]");
  process.exit(2);
}
const depth = Number(depthArg);
const top = Number(topArg);
const buf = readFileSync(file);
let pos = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const str = () => {
  const n = leb();
  const s = buf.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};

let importedFuncs = 0;
const bodies = []; // size per defined function
const names = new Map(); // function index → name
const sections = {};
let dataBytes = 0;
while (pos < buf.length) {
  const id = buf[pos++];
  const size = leb();
  const end = pos + size;
  if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str();
      str();
      const kind = buf[pos++];
      if (kind === 0) {
        leb();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        pos += 2;
      } else if (kind === 4) {
        pos++;
        leb();
      }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      const s = leb();
      bodies.push(s);
      pos += s;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const name = str();
    sections[`custom:${name}`] = size;
    if (name === "name") {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const n = leb();
          for (let i = 0; i < n; i++) {
            const idx = leb();
            names.set(idx, str());
          }
        }
        pos = subEnd;
      }
    }
  }
  sections[id] = (sections[id] || 0) + size;
  pos = end;
}

/** The demangled path's components, the `<A as B>` of a trait impl read as A. */
function path(name) {
  let s = name;
  if (s.startsWith("_ZN")) {
    // Legacy Rust mangling: _ZN (len component)+ E.
    const parts = [];
    let i = 3;
    while (i < s.length && s[i] !== "E") {
      let n = 0;
      while (s[i] >= "0" && s[i] <= "9") n = n * 10 + Number(s[i++]);
      parts.push(s.slice(i, i + n));
      i += n;
    }
    s = parts.filter((p) => !/^h[0-9a-f]{16}$/.test(p)).join("::").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\.\./g, "::");
  }
  if (s.startsWith("_R")) {
    // v0 mangling (core's precompiled code): only the crate is read, `Cs<hash>_<len><name>`.
    const m = /C[sr]?[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
    return m ? [m[2].slice(0, Number(m[1]))] : ["(v0)"];
  }
  s = s.replace(/\$u7b\$/g, "{").replace(/\$u7d\$/g, "}").replace(/\$RF\$/g, "&").replace(/\$C\$/g, ",").replace(/^_</, "<").replace(/::_</g, "::<");
  s = s.replace(/::h[0-9a-f]{16}$/, "");
  while (s.startsWith("<")) {
    // <A as B>::f → A ; <A>::f → A
    let level = 0;
    let j = 0;
    for (; j < s.length; j++) {
      if (s[j] === "<") level++;
      else if (s[j] === ">") {
        level--;
        if (level === 0) break;
      }
    }
    const inner = s.slice(1, j);
    const as = inner.indexOf(" as ");
    s = (as >= 0 ? inner.slice(0, as) : inner).replace(/^&(mut )?/, "");
  }
  return s.split("<")[0].split("::").filter(Boolean);
}

const groups = new Map();
let total = 0;
let unnamed = 0;
bodies.forEach((size, i) => {
  total += size;
  const name = names.get(importedFuncs + i);
  if (!name) {
    unnamed += size;
    return;
  }
  const key = path(name).slice(0, depth).join("::") || name;
  groups.set(key, (groups.get(key) || 0) + size);
});
const rows = [...groups].sort((a, b) => b[1] - a[1]);
const pct = (n) => `${((100 * n) / buf.length).toFixed(1)} %`;
console.log(`${file}: ${buf.length} B; code ${total} B (${bodies.length} functions), data ${dataBytes} B, names ${sections["custom:name"] || 0} B${unnamed ? `, unnamed code ${unnamed} B` : ""}`);
console.log(`| path (depth ${depth}) | code bytes | of the file |`);
console.log("|---|---:|---:|");
for (const [k, v] of rows.slice(0, top)) console.log(`| \`${k}\` | ${v} | ${pct(v)} |`);
const rest = rows.slice(top).reduce((a, [, v]) => a + v, 0);
if (rest) console.log(`| ${rows.length - top} more | ${rest} | ${pct(rest)} |`);
