# formakit — README's two commands are `make demo` and `make test`.
# Every target installs what it needs first (scripts/install.sh, idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# binaryen's wasm-opt (npm) must win over any older one on PATH; cargo bin for wasm-pack.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM_PACK_FLAGS := --release --no-pack --out-name formakit
BUILD_DIR := target/wasm-pack
# One web entry per provider (`formakit/cegos`, …): its wasm carries that provider alone
# (formakit/campus-skills also carries the spreadsheet reader, feature campus-csv).
PROVIDERS := cegos lara france-travail campus-skills
space := $(subst ,, )
comma := ,

.PHONY: all install install-browser build test lint fuzz test-rust test-wasm-node test-wasm-browser test-package demo size bench clean

all: build

install:
	@scripts/install.sh

install-browser:
	@scripts/install.sh --browser

## build: pkg/ — one npm package with a Node build and a web build.
build: install
	wasm-pack build $(WASM_PACK_FLAGS) --target nodejs --out-dir $(BUILD_DIR)/node -- --features wasm
	# The full web wasm leaves out the spreadsheet reader (campus-csv, ~33 KB gzip): browsers get it from
	# formakit/campus-skills; Node's build (above) has every default feature, for the command line.
	wasm-pack build $(WASM_PACK_FLAGS) --target web --out-dir $(BUILD_DIR)/web -- --no-default-features --features wasm,client,$(subst $(space),$(comma),$(PROVIDERS))
	for p in $(PROVIDERS); do \
	  extra=$$( [ $$p = campus-skills ] && echo ,campus-csv || true ); \
	  wasm-pack build $(WASM_PACK_FLAGS) --target web --out-dir $(BUILD_DIR)/web-$$p -- --no-default-features --features wasm,client,$$p$$extra; \
	done
	# formakit/search: its own crate and wasm (search/), so pages that do not search do not download it.
	cd search && wasm-pack build --release --no-pack --out-name search --target web --out-dir ../$(BUILD_DIR)/search-web -- --features wasm
	cd search && wasm-pack build --release --no-pack --out-name search --target nodejs --out-dir ../$(BUILD_DIR)/search-node -- --features wasm
	cargo run --quiet --example ts_decls > $(BUILD_DIR)/ts_decls.d.ts
	node scripts/build-pkg.mjs $(BUILD_DIR)/node $(BUILD_DIR)/web $(BUILD_DIR)/ts_decls.d.ts

## test: every suite — lint, host Rust, wasm in Node, wasm in Chromium, the packed package.
test: install-browser lint test-rust test-wasm-node test-wasm-browser test-package

## lint: rustfmt's check and clippy with -D warnings, for the host (every target) and for wasm32.
lint: install
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --features wasm -- -D warnings
	cargo clippy -p formakit-search --target wasm32-unknown-unknown --lib --features wasm -- -D warnings

test-rust:
	cargo test --workspace --all-targets
	cargo test --doc

test-wasm-node: install
	wasm-pack test --node --test wasm --features wasm

test-wasm-browser: install-browser
	wasm-pack test --headless --chrome --features wasm,browser-tests --test wasm

test-package: build install-browser
	node --test --test-concurrency=1 tests/package/

## demo: builds, starts the sandbox serving the demo and pkg/, prints the URL.
demo: build
	cargo run --release -p formakit-sandbox -- --port $${PORT:-4010} --www www-demo --pkg pkg

size: build
	node scripts/size.mjs

bench: build
	node --expose-gc bench/run.mjs

clean:
	rm -rf pkg $(BUILD_DIR)

## fuzz: every cargo-fuzz target (fuzz/: schemas, dates, campus_csv, client, search) for FUZZ_SECONDS
## each, seeded with the fixtures, then a table of executions and crashes (fuzz/run.sh; fuzz/results.md).
## Nightly and cargo-fuzz are installed when missing. A crash leaves its input in fuzz/artifacts/<target>/.
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 16384
FUZZ_TARGETS ?=
fuzz:
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) fuzz/run.sh $(FUZZ_TARGETS)
