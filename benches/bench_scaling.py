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

Every public call at 10x the input, on normal and on repetitive text (time
and peak memory, each cell in a fresh process; see ``_tenx_main``)::

    python benches/bench_scaling.py --tenx 100000 1000000 [CALL_SUBSTRING]
"""

from __future__ import annotations

import os
import pathlib
import resource
import sys

import asimtext
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from childproc import run_json, status_kb  # noqa: E402  (tests/childproc.py, shared with tests/test_hostile.py)

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


def _child(func: str, what: str) -> None:
    import gc
    import json

    text = sized(int(what)) if what.isdigit() else PATHOLOGICAL[what]()
    nbytes = len(text.encode("utf-8"))
    gc.collect()
    before = status_kb("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    result = FUNCTIONS[func](text)
    peak = status_kb("VmHWM")
    del result
    print(json.dumps({"mb": nbytes / 1e6, "x": (peak - before) * 1024 / nbytes}))


def _memory_main(sizes: list) -> None:
    cases = [str(s) for s in sizes] + list(PATHOLOGICAL)
    print(f"{'function':26s} {'input':40s} {'MB':>7s} {'peak / input':>13s}")
    for func in FUNCTIONS:
        for what in cases:
            r = run_json(__file__, "--child", func, what)
            label = f"{what} MB" if what.isdigit() else what
            print(f"{func:26s} {label:40s} {r['mb']:7.1f} {r['x']:12.1f}x", flush=True)


# ---------------------------------------------------------------- 10x
#
#   python benches/bench_scaling.py --tenx SMALL BIG
#
# Every public call on a text of SMALL and of BIG code points (the seeds, and
# repetitive texts: one word, one sentence, one line of digits and dates
# repeated), each cell in a fresh process: the best CPU time of the process
# (all threads) over up to 7 calls (fewer once they took a second: CPU time,
# not wall-clock, because the machine is shared),
# and the peak RSS growth of the first call (VmHWM after resetting it, minus
# the RSS before). The table gives both sizes and the ratio BIG / SMALL of
# each: linear time and memory give ratios near BIG / SMALL.

TENX_KINDS = {
    "seeds": lambda n: (BASE * (n // len(BASE) + 1))[:n],
    "one word": lambda n: ("word " * (n // 5 + 1))[:n],
    "one sentence": lambda n: ("कानपुर में 15 जनवरी 2022 को पुलिस आयुक्त असीम अरुण ने वीआरएस लिया। " * (n // 60 + 1))[:n],
    "digits and dates": lambda n: ("12/05/2021 10:30 ₹1,25,000 15% 2,345.67 ३१.१२.२०२१\n" * (n // 50 + 1))[:n],
}


def _tenx_calls(x: str) -> dict:
    y = x[len(x) // 3 :] + x[: len(x) // 3]
    pieces = [x[i : i + 1000] for i in range(0, len(x), 1000)]
    small = [x[i : i + 100] for i in range(0, len(x), 100)]
    h = asimtext.MinHasher()

    def lsh():
        sigs = h.signatures(small)
        index = asimtext.LSH(threshold=0.5)
        index.insert_many(list(range(len(small))), sigs)
        # 100 queries (each returns its bucket: on repetitive text, the
        # whole index; querying every key would make the output quadratic).
        for s in sigs[:100]:
            index.query(s)
        for k in range(len(small)):
            index.remove(k)

    def stream():
        d = asimtext.StreamDedup()
        d.add(small)
        d.pairs()

    def digest():
        arts = [{"id": str(i), "text": x[i : i + 3000], "source": f"s{i % 7}"} for i in range(0, len(x), 3000)]
        asimtext.digest(arts)

    return {
        "normalize": lambda: asimtext.normalize(x),
        "normalize_with_offsets(match)": lambda: asimtext.normalize_with_offsets(x, form="match"),
        "normalize_batch": lambda: asimtext.normalize_batch(pieces),
        "extract": lambda: asimtext.extract(x),
        "extract_batch": lambda: asimtext.extract_batch(pieces),
        "MinHasher.shingles": lambda: h.shingles(x),
        "MinHasher.signature": lambda: h.signature(x),
        "MinHasher.signatures": lambda: h.signatures(pieces),
        "MinHasher.signatures_from_tokens": lambda: h.signatures_from_tokens([p.split() for p in pieces]),
        "overlap": lambda: asimtext.overlap(x, y),
        "shared_passages(x, rotation)": lambda: asimtext.shared_passages(x, y),
        "near_duplicates(100-char pieces)": lambda: asimtext.near_duplicates(small),
        "LSH insert all/query 100/remove all (pieces)": lsh,
        "StreamDedup add/pairs (pieces)": stream,
        "xscript_keys": lambda: asimtext.xscript_keys(x),
        "xscript_tokens": lambda: asimtext.xscript_tokens(x),
        "xscript_romanize": lambda: asimtext.xscript_romanize(x),
        "digest (3,000-char articles)": digest,
        "digest (one page)": lambda: asimtext.digest([{"id": "p", "text": x, "source": "s"}]),
    }


def _tenx_child(call: str, kind: str, n: int) -> None:
    import gc
    import json
    import time

    x = TENX_KINDS[kind](n)
    fn = _tenx_calls(x)[call]
    gc.collect()
    before = status_kb("VmRSS")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    t0 = time.process_time()
    fn()
    best = time.process_time() - t0
    peak = status_kb("VmHWM")
    spent, runs = best, 1
    while runs < 7 and spent < 1.0:
        t0 = time.process_time()
        fn()
        dt = time.process_time() - t0
        best, spent, runs = min(best, dt), spent + dt, runs + 1
    print(json.dumps({"s": best, "mb": (peak - before) / 1024}))


def _tenx_main(small: int, big: int, only: str = "") -> None:

    def run(call, kind, n):
        return run_json(__file__, "--tenx-child", call, kind, str(n))

    print(f"| call | text | CPU {small:,} | CPU {big:,} | x | peak MB {small:,} | peak MB {big:,} | x |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for call in _tenx_calls("a b c"):
        if only not in call:
            continue
        for kind in TENX_KINDS:
            a, b = run(call, kind, small), run(call, kind, big)
            tr = b["s"] / max(a["s"], 1e-6)
            mr = b["mb"] / a["mb"] if a["mb"] >= 1 else float("nan")
            print(
                f"| `{call}` | {kind} | {a['s'] * 1e3:.1f} ms | {b['s'] * 1e3:.1f} ms | {tr:.1f} "
                f"| {a['mb']:.1f} | {b['mb']:.1f} | {mr:.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--tenx-child"]:
        _tenx_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1:2] == ["--tenx"]:
        _tenx_main(int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:5])
    elif sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["--memory"]:
        _memory_main([int(a) for a in sys.argv[2:]] or [10])
    else:
        print(__doc__)
