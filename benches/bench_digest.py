"""Benchmark: the digest of a day of multi-outlet news (benches/digest_corpus.py: real
sentences from ../shared/data/news-dev or seeds/), its time per stage, peak memory
and output size.

    # one size, the reader's digest (keep=stories), JSON Lines output:
    python benches/bench_digest.py 100000
    # streamed in publication-time windows (a year of news, 3-day window),
    # the corpus generated as it is read (the generator's time is in "load"):
    python benches/bench_digest.py 1000000 --window 3d --days 365 --corpus -
    # pytest-benchmark (small):
    ASIMTEXT_BENCH_DIGEST_N=2000 python -m pytest benches/bench_digest.py

The corpus is written once to a JSON Lines file (``--corpus``, default
``/tmp/asimtext-news-<n>-<days>.jsonl``) and read back by the digest, as the CLI
would. Peak memory is this process's ``ru_maxrss`` (Linux: the digest alone, the
corpus is generated in a child process). Figures: docs/digest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

N = int(os.environ.get("ASIMTEXT_BENCH_DIGEST_N", "10000"))


def corpus_file(n: int, days: float, path: str = "") -> Path:
    """The corpus as JSON Lines, made once (in a child process: its memory is not ours)."""
    p = Path(path or f"/tmp/asimtext-news-{n}-{days:g}.jsonl")
    if not p.exists():
        tmp = p.with_suffix(".part")
        subprocess.run([sys.executable, str(HERE / "digest_corpus.py"), str(n), str(tmp),
                        str(days)], check=True)
        tmp.rename(p)
    return p


def run(n: int, *, days: float = 1.0, window: str = "", keep: str = "stories",
        fmt: str = "jsonl", corpus: str = "", out: str = "") -> dict:
    from asimtext.digest import DigestParams, default_backend, stream
    from asimtext.digest import pipeline as P

    if corpus == "-":  # generated while it is digested: no file, nothing to wait for
        from digest_corpus import articles

        src, source = None, articles(n, days=days)
    else:
        src = corpus_file(n, days, corpus)
        source = str(src)
    out_path = Path(out or f"/tmp/asimtext-digest-{n}.{fmt}")
    params, backend, clock = DigestParams(), default_backend(), P.Clock(memory=True)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    t0, c0 = time.perf_counter(), time.process_time()
    if window:
        items = stream.iter_digest(source, params, backend, keep=keep, clock=clock,
                                   window=stream.parse_window(window))
    else:
        items = stream.iter_whole(source, params, backend, keep=keep, clock=clock)
    meta = P.params_dict(params, keep)
    with open(out_path, "w", encoding="utf-8") as f:
        if fmt == "jsonl":
            counts = stream.write_jsonl(items, f, meta)
        else:
            dg = stream.collect(items, meta)
            f.write(dg.to_json(indent=None))
            counts = dg.counts
    clock.lap("write")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    total = sum(clock.timings.values()) or 1.0
    lines = sum(1 for _ in open(src, encoding="utf-8")) if src else n
    return {
        "articles": n,
        "input_MB": round(src.stat().st_size / 1e6, 1) if src else None,
        "window": window or None,
        "keep": keep,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),  # all threads of this process
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "docs_per_s": round(n / wall),
        "peak_rss_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "rss_before_MB": rss0,
        "output_MB": round(out_path.stat().st_size / 1e6, 1),
        "counts": counts,
        "in_equals_out": counts["in"] == lines,
        "stages_s": clock.timings,
        "stages_cpu_s": clock.cpu,
        "peak_rss_after_stage_MB": clock.peak_mb,
        "stages_share": {k: round(v / total, 3) for k, v in clock.timings.items()},
    }


def test_digest_bench(benchmark, tmp_path):
    src = corpus_file(N, 1.0, str(tmp_path / "news.jsonl"))
    import asimtext

    dg = benchmark.pedantic(asimtext.digest, args=(str(src),), kwargs={"keep": "stories"},
                            rounds=1, iterations=1)
    assert dg.counts["in"] == N


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=N)
    ap.add_argument("--days", type=float, default=1.0, help="publication span of the corpus")
    ap.add_argument("--window", default="", help="stream with this window (3d)")
    ap.add_argument("--keep", default="stories", choices=["stories", "singletons", "all"])
    ap.add_argument("--format", default="jsonl", choices=["jsonl", "json"])
    ap.add_argument("--corpus", default="",
                    help="corpus file (made if missing); - to digest it as it is generated")
    ap.add_argument("--out", default="", help="output file")
    a = ap.parse_args()
    print(json.dumps(run(a.n, days=a.days, window=a.window, keep=a.keep, fmt=a.format,
                         corpus=a.corpus, out=a.out), indent=1))
