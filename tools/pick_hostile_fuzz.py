"""Pick the fuzz corpus inputs whose cost grows fastest with their length,
for the resource battery (``tests/test_hostile.py``).

Each file of ``fuzz/corpus/<target>/`` is decoded as UTF-8 (bad bytes
replaced), repeated to about 4,000 and 16,000 code points, and run through
the calls of its target; the score is the time per code point at 16,000
(how expensive the text is) times the growth from 4,000 to 16,000 over 4
(above 1 when the cost grows faster than the length). The best few per
target are written to ``tests/data/hostile/fuzz_picks.json``.

    python tools/pick_hostile_fuzz.py [--per-target 3]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import time

import asimtext

ROOT = pathlib.Path(__file__).resolve().parent.parent
HASHER = asimtext.MinHasher(num_perm=64)

CALLS = {
    "normalize": [
        lambda t: asimtext.normalize_with_offsets(t, form="match"),
        lambda t: asimtext.normalize(t, fix_mojibake=True),
    ],
    "spans": [asimtext.extract],
    "dedup": [HASHER.signature, lambda t: asimtext.shared_passages(t, t[len(t) // 3 :] + t, min_words=2)],
    "xscript": [asimtext.xscript_keys, asimtext.xscript_romanize],
}


def _cost(fns, text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        for f in fns:
            f(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _grown(seed: str, n: int) -> str:
    return (seed * (n // max(1, len(seed)) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-target", type=int, default=3)
    args = ap.parse_args()
    picks = []
    for target, fns in CALLS.items():
        scored = []
        for p in sorted((ROOT / "fuzz" / "corpus" / target).iterdir()):
            seed = p.read_bytes().decode("utf-8", "replace")
            if not seed.strip():
                continue
            small = _cost(fns, _grown(seed, 4000))
            big = _cost(fns, _grown(seed, 16000))
            growth = big / max(small, 1e-5) / 4
            scored.append((big / 16000 * max(growth, 1.0), growth, big, p.name, seed))
        scored.sort(reverse=True)
        for _score, growth, big, name, seed in scored[: args.per_target]:
            print(f"{target:8s} {name} {big * 1e3:8.2f} ms at 16k, growth x{growth:.2f}")
            picks.append({"target": target, "file": name, "seed": seed})
    out = ROOT / "tests" / "data" / "hostile" / "fuzz_picks.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(picks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
