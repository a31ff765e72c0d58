"""Collision figures of the cross-script key on the seeds' vocabulary.

    python benches/xscript_collisions.py [SEED_DIR]

Prints, for the distinct Hindi and English words of the seeds (stop-words and
acronyms left out): how many distinct keys they get, how many words share a key
with another word, and every key shared by an English and a Hindi word (to be
judged by eye: a translation, or an accident).
"""

from __future__ import annotations

import collections
import pathlib
import re
import sys

import asimtext

DEVA = re.compile("[\u0900-\u097f]")


def vocab(paths):
    hi, en = set(), set()
    for p in paths:
        text = p.read_text(encoding="utf-8")
        for s, e, _k, kind in asimtext.xscript_tokens(text):
            if kind == "word":
                w = text[s:e]
                (hi if DEVA.match(w) else en).add(w.lower())
    return hi, en


def groups(words):
    g = collections.defaultdict(set)
    for w in words:
        g[asimtext.xscript_key(w)].add(w)
    return g


def main(argv):
    root = (
        pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).parent.parent / "seeds"
    )
    hi, en = vocab(sorted(root.glob("*.txt")))
    gh, ge = groups(hi), groups(en)
    for name, words, g in (("Hindi", hi, gh), ("English", en, ge)):
        sharing = sum(len(v) for v in g.values() if len(v) > 1)
        print(f"{name}: {len(words)} words, {len(g)} keys, {sharing} words share a key")
    common = sorted(set(gh) & set(ge), key=lambda k: (-len(k), k))
    print(f"keys shared across scripts: {len(common)}")
    for k in common:
        print(f"  {k:12} {' '.join(sorted(ge[k]))} | {' '.join(sorted(gh[k]))}")


if __name__ == "__main__":
    main(sys.argv)
