#!/bin/sh
# Tracked throughput: run the throughput benchmarks and compare them with the
# newest stored result in benches/results/ that has their rows (or the file
# given as $1). The dump benchmark (benches/bench_cli_dump.py) needs a 320 MB
# dump and minutes: it is stored by hand, not run here.
#
#   tools/bench-compare.sh [STORED.json]
#
# Exits 1 only when an operation is slower than the stored figure by more than
# ASIMTEXT_BENCH_THRESHOLD percent (default 40, above the noise of a shared
# 2-core machine); with ASIMTEXT_BENCH_WARN_ONLY=1 it never fails (for CI on
# shared runners). To store a new result after a speed change:
#   python -m pytest benches/bench_limits.py benches/bench_normalize.py benches/bench_signatures.py \
#       benches/bench_cli_dump.py --benchmark-only --benchmark-json=benches/results/NNNN_what.json \
#       && python tools/bench_tables.py docs
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python}
BASE=${1:-$(grep -l "bench_limits.py" benches/results/*.json | sort | tail -n 1)}
NEW=$(mktemp /tmp/asimtext-bench-XXXXXX.json)
$PY -m pytest benches/bench_limits.py benches/bench_normalize.py benches/bench_signatures.py --benchmark-only -q \
    -p no:cacheprovider --benchmark-json="$NEW" >/dev/null
status=0
$PY tools/bench_tables.py compare "$BASE" "$NEW" --threshold "${ASIMTEXT_BENCH_THRESHOLD:-40}" || status=$?
echo "new run: $NEW"
if [ "${ASIMTEXT_BENCH_WARN_ONLY:-0}" = 1 ]; then exit 0; fi
exit $status
