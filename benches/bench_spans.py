"""Span extraction speed: asimtext (one core, batch on all cores), the pure-Python
twin, and dateparser's ``search_dates`` (the tool users reach for today).

Run the whole comparison once and print MB/s (input UTF-8 bytes per second of
wall clock, and per CPU-second of this process: on a busy machine the first
counts time spent waiting for a core)::

    python benches/bench_spans.py [--mb 4] [--dateparser-kb 30]

or through pytest-benchmark::

    python -m pytest benches/bench_spans.py --benchmark-only

The corpus is the five seed articles repeated (``--mb`` megabytes for asimtext;
the pure twin gets a twentieth of it, dateparser ``--dateparser-kb`` kilobytes:
it is slow). The dateparser run also reports how it does on the seeds' gold spans.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
GOLD = ROOT / "tests" / "data" / "seeds.spans.jsonl"


def seed_texts() -> list:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def corpus(n_bytes: int) -> list:
    """Seed articles repeated until about ``n_bytes`` UTF-8 bytes."""
    seeds = seed_texts()
    docs = []
    total = 0
    i = 0
    while total < n_bytes:
        d = seeds[i % len(seeds)]
        docs.append(d)
        total += len(d.encode("utf-8"))
        i += 1
    return docs


def size(docs) -> int:
    return sum(len(d.encode("utf-8")) for d in docs)


def best_time(fn, repeat: int = 3):
    """Best (wall seconds, process CPU seconds) over ``repeat`` runs.

    On a shared machine the wall clock counts time spent waiting for a core;
    CPU seconds show what the work costs when it has one."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0
        best = min(best, (wall, cpu))
    return best


def dateparser_quality() -> dict:
    """How dateparser's search_dates does on the seeds' gold spans.

    It returns matched strings, not offsets: each match is located at its
    occurrences in the text. A gold span counts as found when an occurrence
    overlaps it; a match that overlaps no gold span is an invention."""
    from dateparser.search import search_dates

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    found = 0
    found_kinds: dict = {}
    invented = []
    n_matches = 0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        g = [x for x in gold if x["doc"] == path.name]
        res = search_dates(text, languages=["hi", "en"]) or []
        occ = []
        for s, _dt in res:
            n_matches += 1
            start = 0
            hits = []
            while True:
                k = text.find(s, start)
                if k < 0:
                    break
                hits.append((k, k + len(s)))
                start = k + 1
            occ.extend(hits)
            if not any(a < x["end"] and x["start"] < b for a, b in hits for x in g):
                invented.append(s)
        for x in g:
            if any(a < x["end"] and x["start"] < b for a, b in occ):
                found += 1
                found_kinds[x["kind"]] = found_kinds.get(x["kind"], 0) + 1
    return {
        "gold": len(gold),
        "gold_overlapped": found,
        "overlapped_by_kind": found_kinds,
        "matches": n_matches,
        "invented": invented,
    }


def run(mb: float, dateparser_kb: float) -> dict:
    import asimtext
    from asimtext.pure import spans as pure

    docs = corpus(int(mb * 1e6))
    n = size(docs)
    out = {}
    asimtext.extract(docs[0])  # build the lexicon once
    wall, cpu = best_time(lambda: [asimtext.extract(d) for d in docs])
    out["asimtext extract (1 core)"] = (n / wall / 1e6, n / cpu / 1e6)
    wall, cpu = best_time(lambda: asimtext.extract_batch(docs))
    out[f"asimtext extract_batch ({os.cpu_count()} cores)"] = (n / wall / 1e6, n / cpu / 1e6)
    # The same call pinned to one core (rayon's threads too): its scaling.
    from conftest import cores

    with cores(1):
        wall, cpu = best_time(lambda: asimtext.extract_batch(docs))
    out["asimtext extract_batch (1 core)"] = (n / wall / 1e6, n / cpu / 1e6)
    small = corpus(int(mb * 1e6 / 20))
    wall, cpu = best_time(lambda: [pure.extract(d) for d in small], repeat=1)
    out["pure-Python twin"] = (size(small) / wall / 1e6, size(small) / cpu / 1e6)
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover
        return out
    sample = corpus(int(dateparser_kb * 1e3))
    wall, cpu = best_time(
        lambda: [search_dates(d, languages=["hi", "en"]) for d in sample], repeat=1
    )
    out["dateparser search_dates"] = (size(sample) / wall / 1e6, size(sample) / cpu / 1e6)
    return out


# ---------------------------------------------------------------- pytest-benchmark


def _docs_small():
    return corpus(int(float(os.environ.get("ASIMTEXT_BENCH_MB", "0.5")) * 1e6))


def test_bench_asimtext_one_core(benchmark):
    import asimtext

    docs = _docs_small()
    benchmark.extra_info["bytes"] = size(docs)
    benchmark(lambda: [asimtext.extract(d) for d in docs])


def test_bench_asimtext_batch(benchmark):
    import asimtext

    docs = _docs_small()
    benchmark.extra_info["bytes"] = size(docs)
    benchmark(lambda: asimtext.extract_batch(docs))


def test_bench_pure(benchmark):
    from asimtext.pure import spans as pure

    docs = seed_texts()
    benchmark.extra_info["bytes"] = size(docs)
    benchmark.pedantic(lambda: [pure.extract(d) for d in docs], rounds=3)


def test_bench_dateparser(benchmark):
    search_dates = __import__("dateparser.search", fromlist=["search_dates"]).search_dates
    docs = seed_texts()[:2]
    benchmark.extra_info["bytes"] = size(docs)
    benchmark.pedantic(
        lambda: [search_dates(d, languages=["hi", "en"]) for d in docs], rounds=1
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size for asimtext (MB)")
    ap.add_argument("--dateparser-kb", type=float, default=30.0, help="sample size for dateparser")
    ap.add_argument("--no-quality", action="store_true", help="skip dateparser's gold check")
    args = ap.parse_args()
    res = run(args.mb, args.dateparser_kb)
    width = max(len(k) for k in res)
    print(f"{'':<{width}}  {'MB/s wall':>10}  {'MB/CPU-s':>10}")
    for k, (w, c) in res.items():
        print(f"{k:<{width}}  {w:10.2f}  {c:10.2f}")
    try:
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    except OSError:  # pragma: no cover
        pass
    if "dateparser search_dates" in res:
        ratio = res["asimtext extract (1 core)"][0] / res["dateparser search_dates"][0]
        print(f"asimtext (1 core) / dateparser: {ratio:.0f}x")
        if not args.no_quality:
            q = dateparser_quality()
            print(
                f"dateparser on the seeds: {q['matches']} matches, overlaps "
                f"{q['gold_overlapped']}/{q['gold']} gold spans {q['overlapped_by_kind']}; "
                f"matches overlapping no gold span: {q['invented']}"
            )


if __name__ == "__main__":
    main()
