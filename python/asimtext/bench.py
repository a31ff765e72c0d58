"""``asimtext bench``: what the Rust core buys you, on your dump or a built-in corpus.

For normalize, spans, MinHash signatures and dedup it times asimtext (Rust,
all cores) and the pure-Python baseline (:mod:`asimtext.pure`) on the same
articles and reports MB/s (UTF-8 bytes of the texts) and articles/s.

The built-in corpus is generated from ``asimtext/data/sample_articles.jsonl.gz``
(the five real seed articles of the project, shipped in the package): each
article is 2-6 paragraphs drawn from the seeds with common spelling variants
(nukta, chandrabindu, NBSP, ZWJ, double spaces, danda), and one in ten is a
near copy of an earlier one (a paragraph dropped, a word replaced), so dedup
has something to find. It is deterministic.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import time
from typing import Callable, List, Sequence

from asimtext.errors import ArgumentError

__all__ = ["SPELLING_VARIANTS", "builtin_corpus", "format_table", "run_bench"]

_DATA = os.path.join(os.path.dirname(__file__), "data", "sample_articles.jsonl.gz")
# The spelling variation of real dumps (benches/seed_corpus.py adds CRLF to it).
SPELLING_VARIANTS = [
    ("ज़", "ज\u093c"),
    ("हाँ", "हां"),
    ("हिंदी", "हिन्दी"),
    (" ", "\u00a0"),
    (" ", "  "),
    ("।", " |"),
    ("क्ष", "क्\u200dष"),
]


def _seed_paragraphs() -> List[str]:
    with gzip.open(_DATA, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]


def builtin_corpus(n: int, seed: int = 1) -> List[str]:
    """``n`` deterministic news-like articles (see the module documentation)."""
    rng = random.Random(seed)
    paras = _seed_paragraphs()
    docs: List[str] = []
    for _ in range(n):
        if docs and rng.random() < 0.1:
            parts = rng.choice(docs).split("\n\n")
            if len(parts) > 2:
                parts.pop(rng.randrange(len(parts)))
            words = parts[0].split(" ")
            words[rng.randrange(len(words))] = rng.choice(["आज", "today", "कल", "भी"])
            parts[0] = " ".join(words)
            docs.append("\n\n".join(parts))
            continue
        parts = []
        for _ in range(rng.randint(2, 6)):
            p = rng.choice(paras)
            if rng.random() < 0.3:
                a, b = rng.choice(SPELLING_VARIANTS)
                p = p.replace(a, b, 1)
            parts.append(p)
        docs.append("\n\n".join(parts))
    return docs


def _load(paths: Sequence[str], n: int, text_field: str, id_field: str) -> List[str]:
    from asimtext.dumps import input_paths
    from asimtext.io import as_paths, iter_records

    out: List[str] = []
    for rec in iter_records(as_paths(input_paths(paths)), text_field=text_field, id_field=id_field):
        if rec.ok and rec.article is not None:
            out.append(rec.article.text)
            if len(out) >= n:
                break
    return out


def _time(fn: Callable[[], object], min_seconds: float = 0.2) -> float:
    """Seconds per call (best of a few runs taking at least ``min_seconds`` in all)."""
    best = float("inf")
    total = 0.0
    runs = 0
    while runs < 3 or (total < min_seconds and runs < 20):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = min(best, dt)
        total += dt
        runs += 1
    return best


def run_bench(
    paths: Sequence[str] = (),
    *,
    docs: int = 2000,
    pure_docs: int = 100,
    text_field: str = "text",
    id_field: str = "id",
) -> List[dict]:
    """Time each operation; one dict per (operation, implementation)."""
    import asimtext
    from asimtext import pure
    from asimtext.pure import normalization as pure_normalize
    from asimtext.pure import spans as pure_spans
    from asimtext.pure.dedup import minhash as pure_minhash
    from asimtext.pure.dedup import stream as pure_batch

    if docs < 1 or pure_docs < 1:
        raise ArgumentError("--docs and --pure-docs must be at least 1")
    if paths:
        texts = _load(paths, docs, text_field, id_field)
        corpus = ", ".join(paths)
        if not texts:
            raise ArgumentError(f"{corpus}: no usable article to benchmark")
    else:
        texts = builtin_corpus(docs)
        corpus = "built-in (generated from the packaged seed articles)"
    small = texts[:pure_docs]
    _ = pure  # the baseline package

    def rust_dedup(ts: List[str]) -> object:
        d = asimtext.StreamDedup(threshold=0.8)
        d.add(ts)
        return d.pairs()

    def pure_dedup(ts: List[str]) -> object:
        d = pure_batch.StreamDedup(threshold=0.8)
        d.add(ts)
        return d.pairs()

    hasher, phasher = asimtext.MinHasher(), pure_minhash.MinHasher()
    ops = [
        ("normalize", lambda ts: asimtext.normalize_batch(ts),
         lambda ts: pure_normalize.normalize_batch(ts)),
        ("spans", lambda ts: asimtext.extract_batch(ts), lambda ts: pure_spans.extract_batch(ts)),
        ("signatures", lambda ts: hasher.signatures(ts), lambda ts: phasher.signatures(ts)),
        ("dedup", rust_dedup, pure_dedup),
    ]
    rows = []
    for name, fast, slow in ops:
        for impl, fn, ts in (("asimtext", fast, texts), ("pure-python", slow, small)):
            nbytes = sum(len(t.encode("utf-8")) for t in ts)
            secs = _time(lambda fn=fn, ts=ts: fn(ts), 0.5 if impl == "asimtext" else 0.0)
            rows.append({
                "operation": name, "implementation": impl, "docs": len(ts),
                "mb_per_s": nbytes / 1e6 / secs, "docs_per_s": len(ts) / secs,
                "corpus": corpus, "cores": os.cpu_count(),
            })
    return rows


def format_table(rows: List[dict]) -> str:
    """The rows as an aligned text table with the speed-up of asimtext."""
    head = f"corpus: {rows[0]['corpus']}; {rows[0]['cores']} cores" if rows else "no results"
    out = [head,
           f"{'operation':<11} {'implementation':<12} {'docs':>6} {'MB/s':>9} {'docs/s':>10} "
           f"{'speed-up':>8}"]
    base = {r["operation"]: r for r in rows if r["implementation"] == "pure-python"}
    for r in rows:
        sp = ""
        if r["implementation"] == "asimtext" and r["operation"] in base:
            sp = f"{r['docs_per_s'] / base[r['operation']]['docs_per_s']:.0f}x"
        out.append(f"{r['operation']:<11} {r['implementation']:<12} {r['docs']:>6} "
                   f"{r['mb_per_s']:>9.2f} {r['docs_per_s']:>10.0f} {sp:>8}")
    return "\n".join(out)
