#!/usr/bin/env bash
# Builds the fuzz targets and runs each for N seconds (default 30), seeded
# from fuzz/seeds/ (the fixtures) and fuzz/seeds-<target>/ where there is one
# (attribute texts; pairs of documents split by a NUL). Installs cargo-fuzz
# when absent. Runs on a stable toolchain: `--sanitizer none` (the sanitizers
# need nightly; libFuzzer's coverage guidance does not).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
cargo fuzz build --sanitizer none
for target in json xml from_slice roundtrip xml_attributes diff; do
  mkdir -p "corpus/$target"
  echo "fuzz $target for ${seconds}s"
  extra=()
  if [ -d "seeds-$target" ]; then extra=("seeds-$target"); fi
  cargo fuzz run --sanitizer none "$target" "corpus/$target" seeds "${extra[@]}" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)|ERROR|panicked|SUMMARY" || true
  if compgen -G "artifacts/$target/*-*" >/dev/null; then
    echo "fuzz target $target found a failing input: see fuzz/artifacts/$target" >&2
    exit 1
  fi
done
