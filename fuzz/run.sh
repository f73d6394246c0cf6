#!/usr/bin/env bash
# `make fuzz`: every cargo-fuzz target for FUZZ_SECONDS each (or FUZZ_RUNS executions),
# one after another, then a table of executions, speed, corpus and crashes per target.
#   fuzz/run.sh [target…]          # default: every target of fuzz/Cargo.toml
#   FUZZ_SECONDS=600 fuzz/run.sh client
# Seeds: the fixtures (tests/fuzz_replay.rs, tests/fuzz_targets_replay.rs,
# search/tests/fuzz_replay.rs write them when FUZZ_CORPUS / FUZZ_CORPUS_ROOT is set).
# A crash leaves its input in fuzz/artifacts/<target>/; replay it with
#   cd fuzz && cargo +nightly fuzz run <target> artifacts/<target>/<file>
# and turn it into a regression test in tests/ before fixing it.
# The table goes to stdout and to $FUZZ_RESULTS (default fuzz/results.md; not committed; README quotes it).
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${FUZZ_SECONDS:-60}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
RUNS=${FUZZ_RUNS:-0}
# No sanitizer by default: the targets are safe Rust (the unsafe code is in serde_json, csv-core,
# memchr), and AddressSanitizer's instrumentation slows every execution (not measured like for like).
# FUZZ_SANITIZER=address for a run with it.
SANITIZER=${FUZZ_SANITIZER:-none}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(awk '/^\[\[bin\]\]/ { getline; gsub(/name = |"/, ""); print }' Cargo.toml)

# Seed the corpora from the fixtures (stable toolchain, the root workspace).
(cd .. && FUZZ_CORPUS="$PWD/fuzz/corpus/schemas" cargo test --quiet --test fuzz_replay -- --ignored write_fuzz_corpus >/dev/null)
(cd .. && FUZZ_CORPUS_ROOT="$PWD/fuzz/corpus" cargo test --quiet --test fuzz_targets_replay -- --ignored write_fuzz_corpora >/dev/null)
(cd .. && FUZZ_CORPUS_ROOT="$PWD/fuzz/corpus" cargo test --quiet -p formakit-search --test fuzz_replay -- --ignored write_fuzz_corpus >/dev/null)

cargo +nightly fuzz build -s "$SANITIZER"

rows=()
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  before=$(find "artifacts/$t" -type f | wc -l)
  dict=(); [ "$t" = schemas ] && dict=(-dict=schemas.dict)
  # The clients' answers and the spreadsheets find their paths in a few KB; the schemas' fixtures need more.
  len=$MAX_LEN; case $t in client|campus_csv|search|dates) [ "$len" -gt 4096 ] && len=4096 ;; esac
  log="target/fuzz-$t.log"
  echo "[fuzz] $t: ${SECONDS_EACH}s (max_len $len, sanitizer $SANITIZER)"
  set +e
  cargo +nightly fuzz run -s "$SANITIZER" "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -runs="$((RUNS > 0 ? RUNS : -1))" \
    -max_len="$len" -timeout=10 -rss_limit_mb=4096 "${dict[@]}" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -1)
  speed=$(awk '/stat::average_exec_per_sec/ { print $NF }' "$log" | tail -1)
  corpus=$(find "corpus/$t" -type f | wc -l)
  after=$(find "artifacts/$t" -type f | wc -l)
  crashes=$((after - before))
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    echo "[fuzz] $t: exit $rc, $crashes new artifact(s) in fuzz/artifacts/$t (log: fuzz/$log)"
    grep -m5 -E "panicked|ERROR|SUMMARY" "$log" || true
  fi
  rows+=("| \`$t\` | ${SECONDS_EACH} s | ${execs:-?} | ${speed:-?} | $corpus | $crashes |")
done

{
  echo "| target | time | executions | executions/s | corpus files | crashes |"
  echo "|---|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} | tee "${FUZZ_RESULTS:-results.md}"
exit $status
