"""Near-duplicate detection benchmark: asimtext vs its pure twin, datasketch, rensa, gaoya.

Run (corpus size from ASIMTEXT_BENCH_DOCS, default 20,000 articles of ~2 KB):

    ASIMTEXT_BENCH_DOCS=20000 python -m pytest benches/bench_dedup.py -s --benchmark-disable-gc

Measures, in one run:

* text -> signatures (docs/s, MB/s): asimtext on 1 and 2 cores, the pure-Python
  twin (on ASIMTEXT_BENCH_PURE_DOCS, default 300), datasketch, rensa (tokens
  shingled in Python, as its users must; and from pre-built token sets) and gaoya
  (its own Rust tokenizer);
* text -> verified pairs end to end, with recall and precision against the exact
  ground truth (every pair sharing a shingle gets its exact Jaccard: pairs with
  Jaccard >= 0.8 over asimtext's shingle sets);
* memory per indexed document.

Competitors shingle with ``text.lower().split()`` word 5-grams (what their docs
show) and verify their candidates with exact Jaccard over those shingle sets.
The summary table is printed at the end and written to bench-data/bench_dedup.json.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import asimtext
from asimtext.pure.dedup import minhash as pure
from conftest import cores
from corpus import corpus_size_from_env, make_corpus

N = corpus_size_from_env()
PURE_N = int(os.environ.get("ASIMTEXT_BENCH_PURE_DOCS", "300"))
COMPETITOR_SIG_N = min(N, int(os.environ.get("ASIMTEXT_BENCH_COMPETITOR_DOCS", "5000")))
NUM_PERM = 128
NGRAM = 5
THRESHOLD = 0.8
RESULTS: dict = {"docs": N, "num_perm": NUM_PERM, "ngram": NGRAM, "threshold": THRESHOLD}


def _rss() -> int:
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except ImportError:  # pragma: no cover
        return 0


LAST_CPU: list = [0.0]


def _timed(fn, repeat: int = 1):
    """Best wall time over ``repeat`` runs; the CPU time of that run goes to LAST_CPU."""
    best = None
    out = None
    for _ in range(repeat):
        gc.collect()
        c = time.process_time()
        t = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t
        cpu = time.process_time() - c
        if best is None or dt < best:
            best = dt
            LAST_CPU[0] = cpu
    return best, out


def _record(section: str, name: str, docs: int, nbytes: int, seconds: float, **extra) -> None:
    row = {
        "docs": docs,
        "seconds": round(seconds, 4),
        "docs_per_s": round(docs / seconds, 1),
        "mb_per_s": round(nbytes / seconds / 1e6, 2),
        "cpu_seconds": round(LAST_CPU[0], 4),
        "docs_per_cpu_s": round(docs / LAST_CPU[0], 1) if LAST_CPU[0] > 0 else None,
    }
    row.update(extra)
    RESULTS.setdefault(section, {})[name] = row


def _word_shingles(text: str) -> list:
    w = text.lower().split()
    if len(w) < NGRAM:
        return [" ".join(w)] if w else []
    return [" ".join(w[i : i + NGRAM]) for i in range(len(w) - NGRAM + 1)]


def _verify(pairs, sets) -> set:
    out = set()
    for i, j in pairs:
        a, b = sets[i], sets[j]
        if a and b:
            inter = len(a & b)
            if inter / (len(a) + len(b) - inter) >= THRESHOLD:
                out.add((i, j))
    return out


def _score(found: set, truth: set) -> dict:
    tp = len(found & truth)
    return {
        "pairs": len(found),
        "recall": round(tp / len(truth), 4) if truth else 1.0,
        "precision": round(tp / len(found), 4) if found else 1.0,
    }


@pytest.fixture(scope="module")
def corpus():
    c = make_corpus(N)
    RESULTS["corpus_bytes"] = c.nbytes
    RESULTS["near_duplicate_copies"] = sum(1 for s in c.sources if s >= 0)
    return c


@pytest.fixture(scope="module")
def truth(corpus):
    """Exact ground truth: all pairs sharing at least one shingle get their exact Jaccard."""
    from scipy import sparse

    h = asimtext.MinHasher(num_perm=1, ngram=NGRAM)
    ids: dict = {}
    rows, cols, sizes = [], [], []
    for d, t in enumerate(corpus.texts):
        s = set(h.shingles(t))
        sizes.append(len(s))
        for x in s:
            rows.append(d)
            cols.append(ids.setdefault(x, len(ids)))
    m = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(corpus.texts), len(ids))
    )
    inter = sparse.triu(m @ m.T, k=1).tocoo()
    sz = np.asarray(sizes)
    jac = inter.data / (sz[inter.row] + sz[inter.col] - inter.data)
    keep = jac >= THRESHOLD
    pairs = set(zip(inter.row[keep].tolist(), inter.col[keep].tolist()))
    RESULTS["truth"] = {
        "pairs_sharing_a_shingle": int(inter.nnz),
        "pairs_jaccard_ge_threshold": len(pairs),
    }
    return pairs


# ---------------------------------------------------------------- signatures


@pytest.mark.parametrize("ncores", [1, 2])
def test_signatures_asimtext(benchmark, corpus, ncores):
    h = asimtext.MinHasher(num_perm=NUM_PERM, ngram=NGRAM)
    h.signatures(corpus.texts[:100])
    with cores(ncores):
        dt, sigs = _timed(lambda: h.signatures(corpus.texts), repeat=3)
        benchmark.pedantic(h.signatures, args=(corpus.texts,), rounds=1, iterations=1)
    assert sigs.shape == (N, NUM_PERM)
    _record(
        "signatures", f"asimtext ({ncores} core{'s' if ncores > 1 else ''})", N, corpus.nbytes, dt
    )


def test_signatures_pure_twin(benchmark, corpus):
    texts = corpus.texts[:PURE_N]
    h = pure.MinHasher(num_perm=NUM_PERM, ngram=NGRAM)
    dt, sigs = _timed(lambda: h.signatures(texts))
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    assert np.array_equal(
        sigs, asimtext.MinHasher(num_perm=NUM_PERM, ngram=NGRAM).signatures(texts)
    )
    _record(
        "signatures", "asimtext.pure (Python)", len(texts), sum(len(t.encode()) for t in texts), dt
    )


def test_signatures_datasketch(benchmark, corpus):
    from datasketch import MinHash

    texts = corpus.texts[:COMPETITOR_SIG_N]

    def run():
        out = []
        for t in texts:
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch([s.encode("utf8") for s in _word_shingles(t)])
            out.append(m.hashvalues)
        return out

    dt, _ = _timed(run)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record(
        "signatures",
        "datasketch (Python shingling)",
        len(texts),
        sum(len(t.encode()) for t in texts),
        dt,
    )


def test_signatures_rensa(benchmark, corpus):
    from rensa import RMinHash

    texts = corpus.texts[:COMPETITOR_SIG_N]
    nbytes = sum(len(t.encode()) for t in texts)

    def from_text():
        return RMinHash.digest_matrix_from_token_sets(
            [_word_shingles(t) for t in texts], num_perm=NUM_PERM, seed=42
        )

    dt, _ = _timed(from_text)
    _record("signatures", "rensa (Python shingling)", len(texts), nbytes, dt)
    # Pre-built token sets, fresh for every round: rensa reads each token's
    # UTF-8 through CPython, which caches it on the string, so a second call
    # on the same sets skips the encoding (2-4x faster here). Fresh sets time
    # what a first call costs, for both libraries; the cached figure is kept
    # as its own row.
    h = asimtext.MinHasher(num_perm=NUM_PERM, ngram=NGRAM)
    best = {"rensa": (float("inf"), 0.0), "asimtext": (float("inf"), 0.0)}  # (wall, cpu) of the best round
    for _ in range(3):
        for name, fn in (("rensa", lambda f: RMinHash.digest_matrix_from_token_sets(f, num_perm=NUM_PERM, seed=42)),
                         ("asimtext", h.signatures_from_tokens)):
            fresh = [_word_shingles(t) for t in texts]
            d, _ = _timed(lambda f=fresh, fn=fn: fn(f))
            best[name] = min(best[name], (d, LAST_CPU[0]))
    for name in ("rensa", "asimtext"):
        LAST_CPU[0] = best[name][1]
        _record("signatures", f"{name} (pre-built token sets)", len(texts), nbytes, best[name][0])
    token_sets = [_word_shingles(t) for t in texts]
    RMinHash.digest_matrix_from_token_sets(token_sets, num_perm=NUM_PERM, seed=42)  # caches the UTF-8
    dt2, _ = _timed(
        lambda: RMinHash.digest_matrix_from_token_sets(token_sets, num_perm=NUM_PERM, seed=42),
        repeat=3,
    )
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record("signatures", "rensa (same token sets again, UTF-8 cached)", len(texts), nbytes, dt2)


def test_signatures_gaoya(benchmark, corpus):
    import gaoya

    texts = corpus.texts[:COMPETITOR_SIG_N]
    idx = gaoya.minhash.MinHashStringIndex(
        hash_size=32,
        jaccard_threshold=THRESHOLD,
        num_bands=23,
        band_size=5,
        analyzer="word",
        lowercase=True,
        ngram_range=(NGRAM, NGRAM),
        id_container="vec",
    )
    dt, _ = _timed(lambda: idx.minhash_index.bulk_hash_docs(texts), repeat=2)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record(
        "signatures",
        "gaoya (Rust tokenizer, 115 hashes)",
        len(texts),
        sum(len(t.encode()) for t in texts),
        dt,
    )


# ---------------------------------------------------------------- end to end


@pytest.mark.parametrize("ncores", [1, 2])
def test_end_to_end_asimtext(benchmark, corpus, truth, ncores):
    with cores(ncores):
        dt, r = _timed(
            lambda: asimtext.near_duplicates(corpus.texts, threshold=THRESHOLD), repeat=2
        )
        benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    found = {(i, j) for i, j, _, _ in r.pairs}
    score = _score(found, truth)
    _record(
        "end_to_end",
        f"asimtext ({ncores} core{'s' if ncores > 1 else ''})",
        N,
        corpus.nbytes,
        dt,
        params=list(r.params),
        candidates=r.candidates,
        **score,
    )
    assert score["precision"] == 1.0


def test_end_to_end_pure_twin(benchmark, corpus):
    texts = corpus.texts[:PURE_N]
    dt, r = _timed(lambda: pure.near_duplicates(texts, threshold=THRESHOLD))
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    assert r == asimtext.near_duplicates(texts, threshold=THRESHOLD)
    _record(
        "end_to_end",
        "asimtext.pure (Python)",
        len(texts),
        sum(len(t.encode()) for t in texts),
        dt,
        pairs=len(r.pairs),
    )


def test_end_to_end_datasketch(benchmark, corpus, truth):
    from datasketch import MinHash, MinHashLSH

    texts = corpus.texts

    def run():
        sets = [set(_word_shingles(t)) for t in texts]
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        mhs = []
        for i, s in enumerate(sets):
            m = MinHash(num_perm=NUM_PERM)
            m.update_batch([x.encode("utf8") for x in s])
            mhs.append(m)
            lsh.insert(i, m)
        cands = set()
        for i, m in enumerate(mhs):
            for j in lsh.query(m):
                if j != i:
                    cands.add((min(i, j), max(i, j)))
        return _verify(cands, sets), lsh

    rss0 = _rss()
    dt, (found, lsh) = _timed(run)
    mem = (_rss() - rss0) / N
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record("end_to_end", "datasketch", N, corpus.nbytes, dt, **_score(found, truth))
    RESULTS.setdefault("memory_per_doc_bytes", {})[
        "datasketch (RSS delta: MinHash objects + LSH)"
    ] = round(mem)
    del lsh


def test_end_to_end_rensa(benchmark, corpus, truth):
    from rensa import RMinHash, RMinHashLSH

    texts = corpus.texts

    def run():
        sets = [set(_word_shingles(t)) for t in texts]
        mhs = RMinHash.from_token_sets([list(s) for s in sets], num_perm=NUM_PERM, seed=42)
        lsh = RMinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, num_bands=16)
        lsh.insert_many(mhs, start_key=0)
        cands = set()
        for i, js in enumerate(lsh.query_all(mhs)):
            for j in js:
                if j != i:
                    cands.add((min(i, j), max(i, j)))
        return _verify(cands, sets)

    dt, found = _timed(run)
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record("end_to_end", "rensa", N, corpus.nbytes, dt, **_score(found, truth))


def test_end_to_end_gaoya(benchmark, corpus, truth):
    import gaoya

    texts = corpus.texts

    def run():
        idx = gaoya.minhash.MinHashStringIndex(
            hash_size=32,
            jaccard_threshold=THRESHOLD,
            num_bands=23,
            band_size=5,
            analyzer="word",
            lowercase=True,
            ngram_range=(NGRAM, NGRAM),
            id_container="vec",
        )
        idx.par_bulk_insert_docs(list(range(len(texts))), texts)
        cands = set()
        for i, js in enumerate(idx.par_bulk_query(texts)):
            for j in js:
                if j != i:
                    cands.add((min(i, j), max(i, j)))
        sets = {}
        for i, j in cands:
            for k in (i, j):
                if k not in sets:
                    sets[k] = set(_word_shingles(texts[k]))
        return _verify(cands, sets), idx

    rss0 = _rss()
    dt, (found, idx) = _timed(run)
    mem = (_rss() - rss0) / N
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    _record("end_to_end", "gaoya", N, corpus.nbytes, dt, **_score(found, truth))
    RESULTS.setdefault("memory_per_doc_bytes", {})["gaoya (RSS delta: index)"] = round(mem)
    del idx


# ---------------------------------------------------------------- memory


def test_memory_per_indexed_document(benchmark, corpus):
    h = asimtext.MinHasher(num_perm=NUM_PERM, ngram=NGRAM)
    sigs = h.signatures(corpus.texts)
    rss0 = _rss()
    lsh = asimtext.LSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    lsh.insert_many(range(N), sigs)
    rss_delta = (_rss() - rss0) / N
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    mem = RESULTS.setdefault("memory_per_doc_bytes", {})
    mem["asimtext LSH index (memory_usage())"] = round(lsh.memory_usage() / N)
    mem["asimtext LSH index (RSS delta)"] = round(rss_delta)
    mem["asimtext signature (uint32 x num_perm)"] = sigs.itemsize * NUM_PERM
    assert lsh.query(sigs[0])[0] == 0


def test_zz_report(corpus):
    out = Path(__file__).resolve().parent.parent / "bench-data"
    out.mkdir(exist_ok=True)
    (out / "bench_dedup.json").write_text(json.dumps(RESULTS, indent=2), encoding="utf-8")
    RESULTS["load_average_at_end"] = os.getloadavg()
    RESULTS["cpus"] = os.cpu_count()
    head = (
        f"\nnear-duplicate benchmark: {N} docs, {RESULTS['corpus_bytes'] / 1e6:.1f} MB, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    lines = [head]
    for section in ("signatures", "end_to_end"):
        lines.append(f"\n{section}:")
        for name, row in RESULTS.get(section, {}).items():
            extra = "".join(
                f", {k}={row[k]}"
                for k in ("recall", "precision", "pairs", "candidates")
                if k in row
            )
            cpu = row.get("docs_per_cpu_s") or 0
            lines.append(
                f"  {name:38s} {row['docs_per_s']:>9,.0f} docs/s {row['mb_per_s']:>7.2f} MB/s"
                f" {cpu:>9,.0f} docs/cpu-s  (n={row['docs']}){extra}"
            )
    lines.append(f"\ntruth: {RESULTS.get('truth')}")
    lines.append(f"memory per document (bytes): {RESULTS.get('memory_per_doc_bytes')}")
    print("\n".join(lines))
