// Starts formakit-sandbox on a free port (the debug binary cargo builds) and resolves to
// { url, close }. Extra arguments go to the sandbox (`--token-ttl 3`, …).
import { spawn } from "node:child_process";
import { ROOT } from "./helpers.mjs";

export function startSandbox(...args) {
  const child = spawn("cargo", ["run", "--quiet", "-p", "formakit-sandbox", "--", "--port", "0", "--www", "www-demo", "--pkg", "pkg", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 300_000);
    child.on("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], close: () => child.kill() });
      }
    });
  });
}
