"""Deterministic benchmark corpora built from the text of `seeds/`.

Real news text is messy, so the corpus is too: the seed paragraphs are
shuffled and, at a fixed rate, given the variation real dumps have (NBSP,
ZWJ/ZWNJ, nukta and chandrabindu spelling variants, double spaces, CRLF).
Same arguments, same corpus, on every machine.
"""

from __future__ import annotations

import pathlib
import random
from functools import lru_cache

from asimtext.bench import SPELLING_VARIANTS

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"

# The package's variants with CRLF in seventh place: the stored bench results were
# drawn from this order.
_VARIANTS = [*SPELLING_VARIANTS[:6], ("\n", "\r\n"), *SPELLING_VARIANTS[6:]]


@lru_cache(maxsize=None)
def seed_texts() -> tuple:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def paragraphs() -> list:
    out = []
    for t in seed_texts():
        out.extend(p.strip() for p in t.split("\n\n") if p.strip())
    return out


def documents(n_docs: int, doc_bytes: int = 2000, seed: int = 1) -> list:
    """`n_docs` articles of about `doc_bytes` UTF-8 bytes each."""
    rng = random.Random(seed)
    paras = paragraphs()
    docs = []
    for _ in range(n_docs):
        parts, size = [], 0
        while size < doc_bytes:
            p = rng.choice(paras)
            if rng.random() < 0.2:
                a, b = rng.choice(_VARIANTS)
                p = p.replace(a, b, 1)
            parts.append(p)
            size += len(p.encode("utf-8")) + 2
        docs.append("\n\n".join(parts))
    return docs


def corpus_text(megabytes: float, seed: int = 1) -> str:
    """One text of at least `megabytes` MB."""
    docs = documents(max(1, int(megabytes * 1e6 / 2000)), seed=seed)
    return "\n\n".join(docs)
