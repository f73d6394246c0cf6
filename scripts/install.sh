#!/usr/bin/env bash
# Installs what building and testing formakit needs, each only when missing,
# so a second run installs nothing. Called by `make build`, `make test`, `make demo`.
#   scripts/install.sh            # toolchain + npm packages
#   scripts/install.sh --browser  # ... + Debian's chromium and chromium-driver
# Everything comes from a package registry (rustup, crates.io, npm, Debian):
# no prebuilt binary is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[install] %s\n' "$*"; }

# 1. The wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 1b. clippy and rustfmt (`make lint`, the first step of `make test`).
components=$(rustup component list --installed)
for c in clippy rustfmt; do
  if ! grep -q "^$c" <<<"$components"; then
    say "rustup component add $c"
    rustup component add "$c"
  fi
done

# 2. wasm-bindgen-cli at exactly the version Cargo.lock resolved (Cargo.toml pins it with `=`).
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli --version $want (about 2 minutes)"
  # Not --locked: its lockfile names a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$want"
fi

# 3. wasm-pack (uses the wasm-bindgen above because the versions match).
if ! command -v wasm-pack >/dev/null; then
  say "cargo install wasm-pack (about 1.5 minutes)"
  cargo install wasm-pack --locked || cargo install wasm-pack
fi

# 4. npm packages, among them binaryen's wasm-opt (Debian's is too old for current rustc).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

# 5. Headless Chromium for the browser tests (Debian's packages, never a tool's own download).
if [ "${1:-}" = "--browser" ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  say "apt-get install chromium chromium-driver"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
exit 0
