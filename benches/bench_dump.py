"""Scale benchmark: ``asimtext dedup`` end to end on a generated dump.

Generates (once, then cached) a JSON Lines dump of N news-like articles of
about 2 KB (``benches/corpus.py``'s bigram model over the seed articles) in
which about 10% are near copies of an earlier article (realistic edits:
boilerplate lines, dropped/swapped sentences, word substitutions, spelling
variants), placed up to the whole dump apart. The ground truth is every
(copy, source) pair with its exact Jaccard similarity (``asimtext.overlap``);
the *known near-duplicates* are those with Jaccard >= the threshold.

It then runs ``asimtext dedup DUMP -o PAIRS --quiet`` in a child process under
``/usr/bin/time -v`` and reports wall time, articles/s, MB/s, peak memory
(maximum resident set size of the whole process) and recall of the known
near-duplicates (precision is 1 by construction: every reported pair is
verified with the exact Jaccard similarity).

Run::

    ASIMTEXT_DUMP_DOCS=1000000 python benches/bench_dump.py

Environment: ``ASIMTEXT_DUMP_DOCS`` (default 1,000,000), ``ASIMTEXT_DUMP_DIR``
(default ``bench-data/``), ``ASIMTEXT_DUMP_THRESHOLD`` (default 0.8).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import asimtext  # noqa: E402
from corpus import _Model, near_copy  # noqa: E402

BLOCK = 10_000
POOL = 5_000


def generate(path: Path, truth: Path, n: int, *, dup_rate: float = 0.1, seed: int = 7) -> None:
    """Write ``n`` articles to ``path`` and the (copy, source, jaccard) truth to ``truth``."""
    rng = random.Random(seed)
    model = _Model()
    pool: list = []  # (id, text) of earlier articles, a uniform sample of the dump so far
    seen = 0
    tmp, ttmp = path.with_suffix(".tmp"), truth.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f, open(ttmp, "w", encoding="utf-8") as tf:
        done = 0
        while done < n:
            m = min(BLOCK, n - done)
            block: list = []  # (id, text, source id or None)
            for k in range(m):
                did = f"a{done + k:07d}"
                earlier = [b for b in block if b[2] is None]
                if rng.random() < dup_rate and (pool or earlier):
                    src = rng.choice(pool) if (pool and rng.random() < 0.5) or not earlier \
                        else rng.choice(earlier)[:2]
                    text = near_copy(src[1], random.Random(rng.getrandbits(64)), model.vocab)
                    block.append((did, text, src[0]))
                    j, _ = asimtext.overlap(text, src[1])
                    tf.write(json.dumps({"copy": did, "source": src[0], "jaccard": j}) + "\n")
                else:
                    text = model.article(random.Random(rng.getrandbits(64)), 2000)
                    block.append((did, text, None))
            # Shuffle within the block so copies and sources are interleaved.
            order = list(range(m))
            rng.shuffle(order)
            for i in order:
                did, text, _src = block[i]
                f.write(json.dumps({"id": did, "text": text}, ensure_ascii=False) + "\n")
            for did, text, _src in block:  # reservoir sample for long-range copies
                seen += 1
                if len(pool) < POOL:
                    pool.append((did, text))
                elif rng.random() < POOL / seen:
                    pool[rng.randrange(POOL)] = (did, text)
            done += m
            print(f"\rgenerated {done:,}/{n:,}", end="", file=sys.stderr)
    print(file=sys.stderr)
    os.replace(ttmp, truth)
    os.replace(tmp, path)


def run(dump: Path, out: Path, threshold: float) -> dict:
    cmd = [sys.executable, "-m", "asimtext", "dedup", str(dump), "-o", str(out), "--quiet",
           "--threshold", str(threshold)]
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"dedup failed: {r.stderr}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", r.stderr).group(1))
    sys_t = float(re.search(r"System time \(seconds\): ([\d.]+)", r.stderr).group(1))
    return {"wall_s": wall, "cpu_s": user + sys_t, "peak_rss_mb": rss_kb / 1024, "cmd": cmd}


def main() -> None:
    n = int(os.environ.get("ASIMTEXT_DUMP_DOCS", "1000000"))
    threshold = float(os.environ.get("ASIMTEXT_DUMP_THRESHOLD", "0.8"))
    d = Path(os.environ.get("ASIMTEXT_DUMP_DIR", HERE.parent / "bench-data"))
    d.mkdir(parents=True, exist_ok=True)
    dump, truth = d / f"dump_{n}.jsonl", d / f"dump_{n}.truth.jsonl"
    if not (dump.exists() and truth.exists()):
        t0 = time.perf_counter()
        generate(dump, truth, n)
        print(f"generated {dump} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    size = dump.stat().st_size
    out = d / f"dump_{n}.pairs.jsonl"
    res = run(dump, out, threshold)
    found = set()
    with open(out, encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            found.add((p["a"], p["b"]) if p["a"] < p["b"] else (p["b"], p["a"]))
    known = []
    with open(truth, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            if t["jaccard"] >= threshold:
                a, b = sorted((t["copy"], t["source"]))
                known.append((a, b))
    hit = sum(1 for k in known if k in found)
    recall = hit / len(known) if known else 1.0
    report = {
        "docs": n, "dump_mb": size / 1e6, "threshold": threshold,
        "wall_s": round(res["wall_s"], 1), "cpu_s": round(res["cpu_s"], 1),
        "docs_per_s": round(n / res["wall_s"]), "mb_per_s": round(size / 1e6 / res["wall_s"], 1),
        "peak_rss_mb": round(res["peak_rss_mb"]), "pairs_found": len(found),
        "known_near_duplicates": len(known), "recall": round(recall, 4),
        "cores": os.cpu_count(), "command": " ".join(res["cmd"][1:]),
    }
    print(json.dumps(report, indent=1))
    with open(d / f"bench_dump_{n}.json", "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)


if __name__ == "__main__":
    main()
