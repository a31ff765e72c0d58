"""Batch calls on Arrow columns against the same texts as a list of str.

    python benches/bench_arrow.py [N]

N texts (default 20,000) are made from the packaged seed articles (each text
made unique); every variant runs 5 times and the best wall and CPU times are
printed (CPU = user + sys of the whole process, all threads: the fairer
figure on a shared machine).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from importlib import resources

import asimtext
import pyarrow as pa


def texts(n: int) -> list:
    path = resources.files("asimtext").joinpath("data/sample_articles.jsonl.gz")
    with gzip.open(path) as f:
        base = [json.loads(line)["text"] for line in f]
    return [f"{base[i % len(base)]} {i}" for i in range(n)]


def best(fn, runs: int = 5):
    wall = cpu = float("inf")
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    ts = texts(n)
    arr = pa.array(ts, type=pa.large_string())
    mb = sum(len(t.encode()) for t in ts) / 1e6
    h = asimtext.MinHasher(num_perm=128)
    cases = [
        ("normalize_batch(list)", lambda: asimtext.normalize_batch(ts)),
        ("normalize_batch(arrow)", lambda: asimtext.normalize_batch(arr)),
        ("normalize_batch(arr.to_pylist())", lambda: asimtext.normalize_batch(arr.to_pylist())),
        ("normalize_batch(arrow, output='arrow')", lambda: asimtext.normalize_batch(arr, output="arrow")),
        ("normalize_batch(list, output='arrow')", lambda: asimtext.normalize_batch(ts, output="arrow")),
        ("signatures(list)", lambda: h.signatures(ts)),
        ("signatures(arrow)", lambda: h.signatures(arr)),
        ("signatures(arr.to_pylist())", lambda: h.signatures(arr.to_pylist())),
        ("extract_batch(list)", lambda: asimtext.extract_batch(ts)),
        ("extract_batch(arrow)", lambda: asimtext.extract_batch(arr)),
    ]
    print(f"{n} texts, {mb:.1f} MB of UTF-8")
    print(f"{'call':42s} {'wall ms':>9s} {'CPU ms':>9s}")
    for name, fn in cases:
        wall, cpu = best(fn)
        print(f"{name:42s} {wall * 1000:9.0f} {cpu * 1000:9.0f}")


if __name__ == "__main__":
    main()
