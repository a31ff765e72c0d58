"""Benchmark: the digest's mentions stage (values -> mentions with sentence, measure,
bound, place, as-of date) on a corpus of benches/digest_corpus.py, as wall time, CPU
time of the process (every thread) and CPU time of the main thread.

    python benches/bench_mentions.py /tmp/asimtext-news-100000-1.jsonl
    # an older checkout, for before/after (its python/ with this build's _core):
    PYTHONPATH=/tmp/old/python python benches/bench_mentions.py FILE

Before ``mentions_of`` the stage was ``collect_mentions`` then ``measure_mentions``;
both forms are timed. Figures: docs/digest.md ("The mentions stage").
"""

from __future__ import annotations

import json
import sys
import time

import asimtext
from asimtext.digest import pipeline as P

spent = {"wall": 0.0, "cpu": 0.0, "main_thread": 0.0, "mentions": 0}


def timed(inner, counts):
    def run(*a, **k):
        w, c, m = time.perf_counter(), time.process_time(), time.thread_time()
        out = inner(*a, **k)
        spent["wall"] += time.perf_counter() - w
        spent["cpu"] += time.process_time() - c
        spent["main_thread"] += time.thread_time() - m
        if counts:
            spent["mentions"] += sum(map(len, out))
        return out
    return run


def main() -> None:
    if hasattr(P, "mentions_of"):
        P.mentions_of = timed(P.mentions_of, True)
    else:
        P.collect_mentions = timed(P.collect_mentions, False)
        P.measure_mentions = timed(P.measure_mentions, True)
    t = time.perf_counter()
    asimtext.digest(sys.argv[1], keep="stories")
    print(json.dumps({"digest_wall": round(time.perf_counter() - t, 2),
                      **{k: round(v, 3) for k, v in spent.items()}}))


if __name__ == "__main__":
    main()
