// The package tests' sandbox: scripts/sandbox.mjs serving www-demo/ at / and pkg/ at /pkg/.
// Extra arguments go to the sandbox (`--token-ttl 3`, …).
import { startSandbox as start } from "../../scripts/sandbox.mjs";

export function startSandbox(...args) {
  return start(["--www", "www-demo", "--pkg", "pkg", ...args]);
}
