"""A day (or a year) of multi-outlet news for the digest benchmark, built from real sentences.

Sentences come from ``../shared/data/news-dev`` (real Hindi news, March 2020) when it
is there, else from ``seeds/``. Every story draws 6-14 sentences from that pool; in
story ``k`` each word is, with probability 1/2, replaced by a pseudo-word drawn
from a hash of ``(k, word)`` and four-digit numbers are shifted, so that stories
share only their common words while the outlets of one story share what a story
shares. Story sizes follow what a day of news looks like: most stories have one
outlet, some are carried by two to six (a third of the articles are in those). Each outlet's article keeps 60-100% of
the story's sentences (some swapped), adds 0-3 of its own, and has a byline,
a source and a publication time; one in ten articles of a multi-outlet story is
a syndicated copy of another (a new byline, sometimes one value changed).

Stories are spread over ``days`` in publication order, so the corpus can be
digested in time windows. Everything comes from ``random.Random(seed)``: the
corpus is the same on every machine.

    python benches/digest_corpus.py 100000 /tmp/news-100k.jsonl [days]
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import random
import re
import sys
import zlib
from pathlib import Path
from typing import Dict, Iterator, List

ROOT = Path(__file__).resolve().parent.parent
# ``../shared`` beside the checkout, or where ASIMTEXT_SHARED says (a git worktree).
NEWS_DEV = Path(os.environ.get("ASIMTEXT_SHARED", ROOT.parent / "shared")) / "data" / "news-dev"
SEEDS = ROOT / "seeds"

OUTLETS = ["Amar Ujala", "Dainik Jagran", "Hindustan", "Prabhat Khabar", "Navbharat Times",
           "Dainik Bhaskar", "Jansatta", "Patrika", "NDTV India", "Aaj Tak", "ABP News",
           "Zee News", "News18 Hindi", "ETV Bharat", "Live Hindustan", "Punjab Kesari"]
# Outlets per story: most stories are told once.
SIZES = [1] * 85 + [2] * 7 + [3] * 4 + [4] * 2 + [5] + [6]

# A story's pseudo-words are its own (4 syllables of 80: 41M forms), as the names
# and rare words of a real story are: drawn from a small set of forms instead,
# every story word becomes a common word (df ~ 10 at 100,000 articles), which no
# real corpus looks like.
PSEUDO_WORDS = 80 ** 4
_CONS_DEV = "कगचजटडनपबमरलसहयव"
_CONS_LAT = ["k", "g", "ch", "j", "t", "d", "n", "p", "b", "m", "r", "l", "s", "h", "y", "v"]
_VOW_DEV = ["", "ा", "ि", "ु", "े"]
_VOW_LAT = ["a", "aa", "i", "u", "e"]
_TOKEN = re.compile(r"([\u0900-\u0963\u0971-\u097f]+|[A-Za-z]+|[0-9]+)")
_SPLIT = re.compile(r"(?<=[।?!])\s+|\n+")
# Calendar words keep their spelling so that dates stay dates.
_KEEP = set("""जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर
सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार साल करोड़ लाख रुपये प्रतिशत फीसदी
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def _pseudo(h: int, latin: bool) -> str:
    out = []
    for _ in range(4):
        h, r = divmod(h, 80)
        c, v = divmod(r, 5)
        out.append(_CONS_LAT[c] + _VOW_LAT[v] if latin else _CONS_DEV[c] + _VOW_DEV[v])
    return "".join(out)


def sentence_pool() -> List[List[str]]:
    """Real sentences, each split into tokens (odd items) and what lies between."""
    texts: List[str] = []
    for p in sorted(NEWS_DEV.glob("*.jsonl")) if NEWS_DEV.is_dir() else []:
        with open(p, encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f if line.strip())
    texts.extend(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    pool = []
    for t in texts:
        for s in _SPLIT.split(t):
            s = " ".join(s.split())
            if 40 <= len(s) <= 400 and "\t" not in s:
                pool.append(_TOKEN.split(s))
    return pool


def _mapped(toks: List[str], salt: str, shift: int) -> str:
    out = []
    for i, t in enumerate(toks):
        if i % 2 and t not in _KEEP:
            if t.isdigit():
                t = str(int(t) + shift) if len(t) == 4 else t
            else:
                h = zlib.crc32(f"{salt}:{t}".encode())
                if h & 1:
                    t = _pseudo((h >> 1) % PSEUDO_WORDS, t.isascii())
        out.append(t)
    return "".join(out)


def articles(n: int, *, days: float = 1.0, seed: int = 16,
             start: str = "2026-01-01T00:00:00") -> Iterator[Dict[str, str]]:
    """``n`` article records (``id, source, published, title, text``) in publication order
    of their stories."""
    rng = random.Random(seed)
    pool = sentence_pool()
    t0 = _dt.datetime.fromisoformat(start)
    mean_size = sum(SIZES) / len(SIZES)
    n_stories = max(1, round(n / mean_size))
    made = 0
    k = 0
    while made < n:
        srng = random.Random(rng.getrandbits(64))
        size = min(srng.choice(SIZES), n - made)
        shift = k % 40
        story = [_mapped(srng.choice(pool), f"s{k}", shift) for _ in range(srng.randint(5, 12))]
        when = t0 + _dt.timedelta(days=days * min(k, n_stories - 1) / n_stories)
        outlets = srng.sample(OUTLETS, size)
        texts: List[str] = []
        for a, outlet in enumerate(outlets):
            if a and srng.random() < 0.1:  # a syndicated copy, maybe with a value changed
                body = texts[srng.randrange(len(texts))].split("\n", 1)[1]
                if srng.random() < 0.5:
                    body = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), body, count=1)
            else:
                keep = [s for s in story if srng.random() < srng.uniform(0.6, 1.0)] or story[:1]
                if len(keep) > 2 and srng.random() < 0.5:
                    i = srng.randrange(len(keep) - 1)
                    keep[i], keep[i + 1] = keep[i + 1], keep[i]
                own = [_mapped(srng.choice(pool), f"s{k}a{a}", shift)
                       for _ in range(srng.randint(0, 3))]
                body = " ".join(keep + own)
            texts.append(f"By {outlet} Desk\n{body}")
            published = when + _dt.timedelta(minutes=srng.randint(0, 36 * 60))
            yield {
                "id": f"{k:07d}-{a}",
                "source": outlet,
                "published": published.isoformat(timespec="minutes"),
                "title": " ".join(story[0].split()[:12]),
                "text": texts[-1],
            }
            made += 1
        k += 1


if __name__ == "__main__":
    n = int(sys.argv[1])
    days = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for rec in articles(n, days=days):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
