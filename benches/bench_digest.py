"""Benchmark: the digest of many articles (default 10,000), generated from `seeds/`.

The corpus has N/5 stories of 5 articles each (the five seeds, Hindi and English):
in story k every word of the seeds (but calendar words) is, with probability
1/2, replaced by a pseudo-word drawn from a hash of (k, word) (Devanagari for a
Devanagari word, Latin for a Latin one), and 4-digit numbers are shifted by
k mod 40. Stories thus share only their unchanged words (which every story has,
so they weigh little), while the articles of a story keep what they share.

    ASIMTEXT_BENCH_DIGEST_N=10000 python benches/bench_digest.py        # a script
    ASIMTEXT_BENCH_DIGEST_N=2000 python -m pytest benches/bench_digest.py  # pytest-benchmark
"""

from __future__ import annotations

import os
import re
import resource
import time
import zlib
from pathlib import Path
from typing import List

import asimtext
from asimtext import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
N = int(os.environ.get("ASIMTEXT_BENCH_DIGEST_N", "10000"))

_CONS_DEV = "कगचजटडनपबमरलसहयव"
_CONS_LAT = ["k", "g", "ch", "j", "t", "d", "n", "p", "b", "m", "r", "l", "s", "h", "y", "v"]
_VOW_DEV = ["", "ा", "ि", "ु", "े"]
_VOW_LAT = ["a", "aa", "i", "u", "e"]


def _pseudo(h: int, latin: bool) -> str:
    """A 4-syllable pseudo-word from the number h (80 syllables: 16 consonants x 5 vowels)."""
    out = []
    for _ in range(4):
        h, r = divmod(h, 80)
        c, v = divmod(r, 5)
        out.append(_CONS_LAT[c] + _VOW_LAT[v] if latin else _CONS_DEV[c] + _VOW_DEV[v])
    return "".join(out)


# Calendar words keep their spelling so that dates stay dates.
_KEEP = set(
    """जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर
सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार साल मिनट घंटे दिन बैच
Jan Feb Mar Apr Jun Jul Aug Sep Oct Nov Dec January February March April May June July
August September October November December Monday Tuesday Wednesday Thursday Friday
Saturday Sunday AM PM IST date years batch Published Updated Date By""".split()
)
_TOKEN = re.compile(r"([\u0900-\u0963\u0971-\u097f]+|[A-Za-z]+|[0-9]+)")


def make_corpus(n: int = N) -> List[Article]:
    seeds = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    toks = [(name, _TOKEN.split(text)) for name, text in seeds]
    vocab = sorted({t for _n, ts in toks for t in ts[1::2]})
    key_of = getattr(asimtext, "xscript_key", None) or (lambda w: w)
    out: List[Article] = []
    for k in range((n + len(seeds) - 1) // len(seeds)):
        shift = k % 40
        mapping = {}
        for w in vocab:
            if w.isdigit():
                mapping[w] = str(int(w) + shift) if len(w) == 4 else w
            elif w not in _KEEP:
                # Keyed by the cross-script key, so that a name and its transliteration
                # (असीम / Asim) become transliterations of one pseudo-word.
                h = zlib.crc32(f"{k}:{key_of(w)}".encode())
                if h & 1:
                    mapping[w] = _pseudo(h >> 1, w.isascii())
        for name, ts in toks:
            if len(out) == n:
                break
            text = "".join(mapping.get(t, t) if i % 2 else t for i, t in enumerate(ts))
            out.append(Article(f"{k:05d}/{name}", text))
    return out


def _rss_mb() -> int:
    """The current resident set size in MB (Linux), else 0."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def run(n: int = N) -> dict:
    t0 = time.perf_counter()
    arts = make_corpus(n)
    rss_before = _rss_mb()
    t1 = time.perf_counter()
    c1 = time.process_time()
    dg = asimtext.digest(arts)
    t2 = time.perf_counter()
    c2 = time.process_time()
    mb = sum(len(a.text.encode()) for a in arts) / 1e6
    return {
        "articles": len(arts),
        "MB": round(mb, 1),
        "generate_s": round(t1 - t0, 2),
        "digest_s": round(t2 - t1, 2),
        "digest_cpu_s": round(c2 - c1, 2),  # all threads of this process
        "load_avg": round(os.getloadavg()[0], 1),
        "docs_per_s": round(len(arts) / (t2 - t1)),
        "stories": len(dg.stories),
        "copy_groups": len(dg.copy_groups),
        "facts": len(dg.facts),
        "stages_s": dg.timings,
        "rss_before_digest_MB": rss_before,
        "peak_rss_MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def test_digest_bench(benchmark):
    arts = make_corpus(N)
    dg = benchmark.pedantic(asimtext.digest, args=(arts,), rounds=1, iterations=1)
    assert dg.counts["in"] == len(arts)


if __name__ == "__main__":
    for k, v in run().items():
        print(f"{k:>12}: {v}")
