"""Throughput of the cross-script key: Rust core vs the pure-Python twin.

Run (release build first: ``maturin develop --release``)::

    python -m pytest benches/bench_xscript.py --benchmark-columns=mean,rounds

The corpus is the five seeds repeated ``ASIMTEXT_BENCH_REPEAT`` times (default 10,
about 0.5 MB of UTF-8); each test stores its MB/s in ``extra_info`` and prints it.
"""

from __future__ import annotations

import os
import pathlib

import asimtext
import pytest
from asimtext.pure import xscript as pure

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("ASIMTEXT_BENCH_REPEAT", "10"))
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
TEXT = "\n\n".join(SEEDS) * REPEAT
DOCS = SEEDS * REPEAT
MB = len(TEXT.encode("utf-8")) / 1e6
DOCS_MB = sum(len(d.encode("utf-8")) for d in DOCS) / 1e6


def _report(benchmark, mb, label):
    mbs = mb / benchmark.stats.stats.mean
    benchmark.extra_info["MB"] = round(mb, 3)
    benchmark.extra_info["MB/s"] = round(mbs, 2)
    print(f"\n{label}: {mb:.2f} MB in {benchmark.stats.stats.mean * 1e3:.1f} ms = {mbs:.2f} MB/s")


@pytest.mark.benchmark(group="xscript_keys")
def test_rust_keys(benchmark):
    out = benchmark(asimtext.xscript_keys, TEXT)
    assert out
    _report(benchmark, MB, "rust xscript_keys")


@pytest.mark.benchmark(group="xscript_keys")
def test_rust_keys_batch(benchmark):
    out = benchmark(asimtext.xscript_keys_batch, DOCS)
    assert len(out) == len(DOCS)
    _report(benchmark, DOCS_MB, "rust xscript_keys_batch")


@pytest.mark.benchmark(group="xscript_keys")
def test_pure_keys(benchmark):
    out = benchmark.pedantic(pure.keys, args=(TEXT,), rounds=3, iterations=1)
    assert out
    _report(benchmark, MB, "pure keys")
