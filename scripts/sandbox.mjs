// Starts formakit-sandbox on a free port and resolves to { url, close } once it prints its
// one "listening on" line (the package tests and the benches share this).
// `release: true` runs the optimized binary (the benches); the tests use the debug one.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function startSandbox(args = [], { release = false } = {}) {
  const cargo = ["run", ...(release ? ["--release"] : []), "--quiet", "-p", "formakit-sandbox", "--", "--port", "0", ...args];
  const child = spawn("cargo", cargo, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    // A first run may compile the sandbox: allow for it.
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`sandbox did not start: ${out}`));
    }, 600_000);
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
