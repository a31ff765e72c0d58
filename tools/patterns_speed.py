"""Quick timing of the digest's patterns: the ``re`` word class the units used before
against the ``regex`` module's ``\\w+`` they use now, the page-chrome rule, and the
whole split of pages into units (not a benchmark: see benches/).

``python tools/patterns_speed.py [FILE]``: FILE is JSON Lines with a ``text`` field
(default: ``../shared/data/news-dev/covid19_hindi_5_outlets_2020-03.jsonl``). Rows
are the best of 5 runs, in MB of UTF-8 text per second, one core. The Rust side's
twin of this script is ``cargo run --release -p asimtext-core --example patterns_speed``.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import time

from asimtext.chrome import is_chrome_line
from asimtext.digest import units

DEFAULT = pathlib.Path(__file__).resolve().parent.parent.parent / "shared/data/news-dev/covid19_hindi_5_outlets_2020-03.jsonl"


def best(f) -> float:
    out = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        f()
        out = min(out, time.perf_counter() - t)
    return out


def main() -> None:
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    big = "\n\n".join(texts)
    lines = big.split("\n")
    mb = len(big.encode()) / 1e6
    old_words = re.compile(r"[\w\u0900-\u0963\u0971-\u097f]+")
    rows = [
        (r"unit words, re [\w\u0900-\u0963\u0971-\u097f]+", lambda: old_words.findall(big)),
        (r"unit words, regex \w+", lambda: units._WORDS.findall(big)),
        ("page chrome, each line (asimtext.chrome)", lambda: [is_chrome_line(x) for x in lines]),
        ("split_units, each article", lambda: [units.split_units("a", t) for t in texts]),
    ]
    print(f"{len(texts)} articles, {mb:.1f} MB, {len(lines)} lines")
    for name, f in rows:
        print(f"{name:50s} {mb / best(f):8.1f} MB/s")


if __name__ == "__main__":
    main()
