"""Linear time and bounded memory: throughput of normalize, extract, MinHash
signatures and cross-script keys on ONE text of 1 MB, 10 MB (and 100 MB), and
on pathological texts of about a million code points.

If time grows linearly with size, MB/s stays flat across sizes; a quadratic
step would divide it by 10 at each size. Memory: the growth of the process's
peak RSS during each benchmark is recorded as a multiple of the input's UTF-8
size (``peak RSS x input`` in the table; 0 when an earlier, larger run already
set the peak).

Run (release build first: ``maturin develop --release``)::

    python -m pytest benches/bench_scaling.py --benchmark-columns=min,rounds -q

``ASIMTEXT_BENCH_100MB=1`` adds the 100 MB size (about a minute per function
on a 2-core machine); ``ASIMTEXT_BENCH_PATHO_N`` sets the size of the
pathological inputs (default 1,000,000 code points).

Peak memory per function, each in a fresh process (see ``_memory_main``)::

    python benches/bench_scaling.py --memory 10 100
"""

from __future__ import annotations

import os
import pathlib
import resource

import asimtext
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
BASE = "\n\n".join(SEEDS)
SIZES_MB = [1, 10] + ([100] if os.environ.get("ASIMTEXT_BENCH_100MB") else [])
N = int(os.environ.get("ASIMTEXT_BENCH_PATHO_N", "1000000"))
HASHER = asimtext.MinHasher(num_perm=128, ngram=5)
_SIZED: dict = {}
ROWS: list = []


def sized(mb: int) -> str:
    """The seeds repeated to `mb` MB of UTF-8 (cut at a code point)."""
    if mb not in _SIZED:
        target = mb * 1_000_000
        reps = target // len(BASE.encode("utf-8")) + 1
        data = ("\n\n".join([BASE] * reps)).encode("utf-8")[:target]
        _SIZED[mb] = data.decode("utf-8", "ignore")
    return _SIZED[mb]


PATHOLOGICAL = {
    "1M combining marks (Devanagari)": lambda: "क" + "\u093f" * N,
    "1M combining marks (Latin, reordered)": lambda: "a" + "\u0301\u0316" * (N // 2),
    "1M digits": lambda: "7" * N,
    "1M Devanagari digits with separators": lambda: "१२,३४५." * (N // 7),
    "number-word chain (Hindi)": lambda: "एक हज़ार पाँच सौ बीस " * (N // 21),
    "number-word chain (English)": lambda: "twenty five hundred and " * (N // 24),
    "one line, no spaces": lambda: "".join(BASE.split())[:N] * max(1, N // len("".join(BASE.split()))),
    "only ZWJ": lambda: "\u200d" * N,
    "only ZWNJ + virama": lambda: "\u094d\u200c" * (N // 2),
}

FUNCTIONS = {
    "normalize": lambda t: asimtext.normalize(t),
    "normalize match+offsets": lambda t: asimtext.normalize_with_offsets(t, form="match"),
    "extract": lambda t: asimtext.extract(t),
    "signature": lambda t: HASHER.signature(t),
    "xscript_keys": lambda t: asimtext.xscript_keys(t),
}


def _peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _measure(throughput, fn, text, group, name, rounds):
    nbytes = len(text.encode("utf-8"))
    before = _peak_rss_bytes()
    throughput(lambda: fn(text), group=group, name=name, nbytes=nbytes, rounds=rounds)
    growth = max(0, _peak_rss_bytes() - before) / nbytes
    ROWS.append((group, name, nbytes, growth))


@pytest.mark.parametrize("mb", SIZES_MB)
@pytest.mark.parametrize("func", list(FUNCTIONS))
def test_scaling(throughput, func, mb):
    rounds = 3 if mb <= 10 else 1
    _measure(throughput, FUNCTIONS[func], sized(mb), f"scaling: {func}", f"{mb} MB", rounds)


@pytest.mark.parametrize("case", list(PATHOLOGICAL))
@pytest.mark.parametrize("func", list(FUNCTIONS))
def test_pathological(throughput, func, case):
    text = PATHOLOGICAL[case]()
    _measure(throughput, FUNCTIONS[func], text, f"pathological: {func}", case, 1)


@pytest.fixture(scope="session", autouse=True)
def _print_rss():
    yield
    if ROWS:
        print("\npeak RSS growth as a multiple of the input size:")
        for group, name, nbytes, growth in ROWS:
            print(f"  {group:34s} {name:40s} {nbytes / 1e6:8.1f} MB  x{growth:.1f}")


# ---------------------------------------------------------------- memory
#
#   python benches/bench_scaling.py --memory [SIZE_MB ...]
#
# Peak memory of each function, each in a fresh process: the peak RSS
# (VmHWM, reset just before the call through /proc/self/clear_refs) minus the
# RSS before the call, as a multiple of the input's UTF-8 size. The result is
# kept alive until the peak is read, so it is included.


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(field)


def _child(func: str, what: str) -> None:
    import gc
    import json

    text = sized(int(what)) if what.isdigit() else PATHOLOGICAL[what]()
    nbytes = len(text.encode("utf-8"))
    gc.collect()
    before = _status_kb("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    result = FUNCTIONS[func](text)
    peak = _status_kb("VmHWM")
    del result
    print(json.dumps({"mb": nbytes / 1e6, "x": (peak - before) * 1024 / nbytes}))


def _memory_main(sizes: list) -> None:
    import json
    import subprocess
    import sys

    cases = [str(s) for s in sizes] + list(PATHOLOGICAL)
    print(f"{'function':26s} {'input':40s} {'MB':>7s} {'peak / input':>13s}")
    for func in FUNCTIONS:
        for what in cases:
            p = subprocess.run(
                [sys.executable, __file__, "--child", func, what],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(p.stdout)
            label = f"{what} MB" if what.isdigit() else what
            print(f"{func:26s} {label:40s} {r['mb']:7.1f} {r['x']:12.1f}x", flush=True)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["--memory"]:
        _memory_main([int(a) for a in sys.argv[2:]] or [10])
    else:
        print(__doc__)
