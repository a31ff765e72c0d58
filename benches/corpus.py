"""Deterministic benchmark corpus of Hindi/English news-like articles built from ``seeds/``.

Reusable by every bench: ``make_corpus(n, seed=...)`` returns a :class:`Corpus`
with ``texts`` and, for the near-duplicate copies, ``sources`` (index of the
original each copy was made from, or -1).

How it is built (all randomness from ``random.Random(seed)``):

* The vocabulary and a word-bigram model come from the whitespace tokens of the
  five seed articles (punctuation stays attached, as in real text).
* An original article is a title line and 2-5 paragraphs of sentences; each
  sentence is a walk on the bigram model where every step jumps to a random
  vocabulary word with probability 0.35 (so unrelated articles share few
  5-grams) and ends with a danda or a full stop. Articles are about ``size``
  UTF-8 bytes (default 2,000).
* ``dup_rate`` (default 10%) of the articles are near-duplicate copies of a
  random original, with a random mix of realistic edits: boilerplate lines
  added (bylines, "read also", app promos), words substituted, sentences
  dropped, adjacent sentences swapped, and spelling variants (nukta added or
  removed, chandrabindu/anusvara, danda/full stop, Devanagari/ASCII digits,
  letter case). Edit strength varies so the copies' Jaccard similarities
  spread across roughly 0.4-1.0.
* Copies are placed at random positions; the result does not depend on the
  machine or the Python version (``random.Random`` is stable).
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

BOILERPLATE = [
    "ऐसी ही जरूरी और विश्वसनीय खबरों के लिए डाउनलोड करें ईटीवी भारत ऐप",
    "इसे भी पढ़ें - शुरू हुआ भाजपा का महा जनसंपर्क अभियान",
    "Published : Jan 11, 2022, 11:27 AM IST",
    "ABOUT THE AUTHOR",
    "...view details",
    "Follow us on Twitter and Facebook for the latest updates",
    "हमें फेसबुक और ट्विटर पर फॉलो करें",
    "By न्यूज़ डेस्क",
]

NUKTA_PAIRS = [("ज़", "ज"), ("फ़", "फ"), ("ड़", "ड"), ("ढ़", "ढ"), ("क़", "क"), ("ख़", "ख"), ("ग़", "ग")]
DEV_DIGITS = str.maketrans("0123456789", "०१२३४५६७८९")


@dataclass
class Corpus:
    texts: list[str]
    sources: list[int] = field(default_factory=list)

    @property
    def nbytes(self) -> int:
        return sum(len(t.encode("utf-8")) for t in self.texts)


def _seed_words() -> list[list[str]]:
    docs = []
    for p in sorted(SEEDS.glob("*.txt")):
        docs.append(p.read_text(encoding="utf-8").split())
    return docs


class _Model:
    def __init__(self) -> None:
        docs = _seed_words()
        self.vocab: list[str] = sorted({w for d in docs for w in d})
        nxt: dict[str, list[str]] = {}
        for d in docs:
            for a, b in zip(d, d[1:]):
                nxt.setdefault(a, []).append(b)
        self.next = nxt

    def sentence(self, rng: random.Random) -> str:
        n = rng.randint(8, 20)
        w = rng.choice(self.vocab)
        out = [w]
        for _ in range(n - 1):
            succ = self.next.get(w)
            if succ and rng.random() > 0.35:
                w = rng.choice(succ)
            else:
                w = rng.choice(self.vocab)
            out.append(w)
        s = " ".join(out).rstrip("।.,")
        return s + (" ।" if rng.random() < 0.2 else ("।" if rng.random() < 0.7 else "."))

    def article(self, rng: random.Random, size: int) -> str:
        title = " ".join(rng.choice(self.vocab) for _ in range(rng.randint(5, 10)))
        paras: list[list[str]] = []
        total = len(title.encode("utf-8"))
        while total < size:
            para: list[str] = []
            for _ in range(rng.randint(2, 5)):
                s = self.sentence(rng)
                para.append(s)
                total += len(s.encode("utf-8")) + 1
                if total >= size:
                    break
            paras.append(para)
        return title + "\n\n" + "\n\n".join(" ".join(p) for p in paras)


def _spelling(text: str, rng: random.Random, strength: float) -> str:
    out = text
    for with_n, without in NUKTA_PAIRS:
        if rng.random() < strength:
            out = (
                out.replace(with_n, without) if rng.random() < 0.5 else out.replace(without, with_n)
            )
    if rng.random() < strength:
        out = out.replace("ँ", "ं") if rng.random() < 0.5 else out.replace("ं", "ँ")
    if rng.random() < strength:
        out = out.replace("।", ".")
    if rng.random() < strength:
        out = out.translate(DEV_DIGITS)
    if rng.random() < strength:
        out = (
            out.upper()
            if rng.random() < 0.2
            else out.title()
            if rng.random() < 0.3
            else out.lower()
        )
    return out


def near_copy(text: str, rng: random.Random, vocab: list[str]) -> str:
    """A near-duplicate of ``text`` with a random mix of realistic edits."""
    strength = rng.choice([0.0, 0.01, 0.02, 0.04, 0.07, 0.12, 0.2])
    lines = text.split("\n\n")
    title, paras = lines[0], [p for p in lines[1:] if p]
    sents = [s for p in paras for s in p.replace("। ", "।\n").replace(". ", ".\n").split("\n") if s]
    # Drop sentences.
    if rng.random() < 0.6:
        sents = [s for s in sents if rng.random() > strength]
    # Swap adjacent sentences.
    if rng.random() < 0.5 and len(sents) > 2:
        for _ in range(max(1, int(len(sents) * strength))):
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
    # Substitute words.
    if rng.random() < 0.8:
        new = []
        for s in sents:
            words = s.split()
            for k in range(len(words)):
                if rng.random() < strength / 3:
                    words[k] = rng.choice(vocab)
            new.append(" ".join(words))
        sents = new
    body_parts: list[str] = []
    cur: list[str] = []
    for s in sents:
        cur.append(s)
        if rng.random() < 0.25:
            body_parts.append(" ".join(cur))
            cur = []
    if cur:
        body_parts.append(" ".join(cur))
    out = title + "\n\n" + "\n\n".join(body_parts)
    # Boilerplate lines.
    if rng.random() < 0.7:
        head = [rng.choice(BOILERPLATE) for _ in range(rng.randint(0, 2))]
        tail = [rng.choice(BOILERPLATE) for _ in range(rng.randint(1, 3))]
        out = "\n".join(head + [out] + tail)
    return _spelling(out, rng, strength * 2)


def make_corpus(n: int, *, dup_rate: float = 0.1, size: int = 2000, seed: int = 20260101) -> Corpus:
    """``n`` articles of about ``size`` bytes, ``dup_rate`` of them near-duplicate copies."""
    rng = random.Random(seed)
    model = _Model()
    n_dup = int(n * dup_rate)
    n_orig = n - n_dup
    originals = [model.article(random.Random(rng.getrandbits(64)), size) for _ in range(n_orig)]
    texts = list(originals)
    srcs = [-1] * n_orig
    for _ in range(n_dup):
        src = rng.randrange(len(texts)) if rng.random() < 0.2 else rng.randrange(n_orig)
        texts.append(near_copy(texts[src], random.Random(rng.getrandbits(64)), model.vocab))
        srcs.append(src)
    # Shuffle so copies sit at random positions; remap the source indices.
    order = list(range(len(texts)))
    rng.shuffle(order)
    new_pos = {old: new for new, old in enumerate(order)}
    sources = [new_pos[srcs[old]] if srcs[old] >= 0 else -1 for old in order]
    texts = [texts[old] for old in order]
    return Corpus(texts=texts, sources=sources)


def corpus_size_from_env(default: int = 20000) -> int:
    """Corpus size from ``ASIMTEXT_BENCH_DOCS`` (default: the issue's 20,000)."""
    return int(os.environ.get("ASIMTEXT_BENCH_DOCS", default))


if __name__ == "__main__":
    c = make_corpus(20)
    print(c.texts[0][:400])
    print(sum(len(t.encode()) for t in c.texts) / len(c.texts), "bytes/doc")
