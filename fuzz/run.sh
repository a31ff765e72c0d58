#!/usr/bin/env bash
# Run every fuzz target (or the ones named) for a bounded time.
#
#   fuzz/run.sh [-t SECONDS_PER_TARGET] [--grow] [--merge] [TARGET...]
#
# Targets: normalize spans dedup xscript lsh_load (see fuzz_targets/; the
# checks themselves live in rust/core/tests/invariants/mod.rs and are replayed
# on the committed corpus by `cargo test`).
#
# * default: run each target for SECONDS (default 60) starting from the
#   committed corpus fuzz/corpus/TARGET; new inputs go to a scratch directory,
#   so the working tree is not changed (what CI does).
# * --grow: write new inputs into fuzz/corpus/TARGET instead.
# * --merge: after running, minimize fuzz/corpus/TARGET (libFuzzer -merge=1)
#   to the inputs that add coverage, and keep only files <= 4 KB.
#
# Builds with cargo-fuzz when it is installed (RUSTC_BOOTSTRAP=1 lets it run on
# stable) and ASIMTEXT_FUZZ_PLAIN is not set, else with plain cargo and the same sanitizer-coverage flags (stable
# -C options), so CI needs nothing but cargo and a C++ compiler (libFuzzer is
# compiled by the libfuzzer-sys crate). No AddressSanitizer: the core's only
# `unsafe` is the `#[target_feature]` kernels and the UCS-2 -> UTF-8 conversion
# (`ucs.rs`, checked by the normalize target's round trip). Debug assertions and
# overflow checks are on. A crash leaves its input in fuzz/artifacts/TARGET/
# and makes this script fail.
set -euo pipefail
cd "$(dirname "$0")"

SECS=60
GROW=0
MERGE=0
TARGETS=()
while [ $# -gt 0 ]; do
    case "$1" in
        -t) SECS="$2"; shift 2 ;;
        --grow) GROW=1; shift ;;
        --merge) MERGE=1; GROW=1; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) TARGETS+=("$1"); shift ;;
    esac
done
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(normalize spans dedup xscript lsh_load)

TRIPLE="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTC_BOOTSTRAP=1
if [ -z "${ASIMTEXT_FUZZ_PLAIN:-}" ] && cargo fuzz --version >/dev/null 2>&1; then
    for t in "${TARGETS[@]}"; do cargo fuzz build -s none --release "$t"; done
else
    RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
        cargo build --release --target "$TRIPLE" --bins
fi
BIN="target/$TRIPLE/release"

status=0
for t in "${TARGETS[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    if [ "$GROW" = 1 ]; then
        dirs=("corpus/$t")
    else
        scratch="$(mktemp -d)"
        dirs=("$scratch" "corpus/$t")
    fi
    echo "== $t: ${SECS}s from $(ls "corpus/$t" | wc -l) corpus inputs"
    if ! "$BIN/$t" "${dirs[@]}" -max_total_time="$SECS" -max_len=4096 -timeout=20 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
        2>"artifacts/$t.log"; then
        echo "!! $t FAILED: see fuzz/artifacts/$t.log and fuzz/artifacts/$t/"
        grep -m1 -A12 "panicked\|ERROR: libFuzzer" "artifacts/$t.log" || tail -n 20 "artifacts/$t.log"
        status=1
    fi
    grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "artifacts/$t.log" || true
    if [ "$MERGE" = 1 ]; then
        merged="$(mktemp -d)"
        "$BIN/$t" -merge=1 -max_len=4096 "$merged" "corpus/$t" 2>/dev/null
        find "$merged" -type f -size +4k -delete
        rm -rf "corpus/$t" && mv "$merged" "corpus/$t"
        echo "   corpus/$t: $(ls "corpus/$t" | wc -l) files, $(du -sh "corpus/$t" | cut -f1)"
    fi
    [ "$GROW" = 1 ] || rm -rf "$scratch"
done
exit $status
