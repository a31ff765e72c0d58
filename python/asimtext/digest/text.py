"""Text helpers of the digest, all regular-expression based (no per-character Python loops)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import List, Optional, Tuple

__all__ = ["Sentences", "WORD_RE", "detect_lang", "is_devanagari_word"]

# A word: a run of Devanagari letters and signs (danda excluded), or of Latin letters.
_DEV = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
WORD_RE = re.compile(rf"[{_DEV}]+|[A-Za-z]+(?:['’][A-Za-z]+)?")
_DEV_LETTERS = re.compile(rf"[{_DEV}]+")
_LAT_LETTERS = re.compile(r"[A-Za-z]+")

# A sentence ends at a newline, or at . । ॥ ! ? (plus closing quotes/brackets) before
# white space, except after common abbreviations and single-letter initials.
_BOUNDARY = re.compile(
    r"(?=[.।॥!?])(?<!\bडॉ)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bडा)(?<!\b[A-Z])"
    r"[.।॥!?]+[\"”’')\]]*(?=\s)|\n"
)
_SPACE = re.compile(r"\s+")


def is_devanagari_word(word: str) -> bool:
    return "\u0900" <= word[:1] <= "\u097f"


def detect_lang(text: str) -> Optional[str]:
    """``hi`` (mostly Devanagari letters), ``en`` (mostly Latin), ``mixed``, or None."""
    dev = sum(map(len, _DEV_LETTERS.findall(text)))
    lat = sum(map(len, _LAT_LETTERS.findall(text)))
    total = dev + lat
    if total == 0:
        return None
    share = dev / total
    if share >= 0.7:
        return "hi"
    if share <= 0.3:
        return "en"
    return "mixed"


class Sentences:
    """The sentences of a text as ``(start, end)`` code-point offsets, stripped of
    surrounding white space; :meth:`index_of` finds the sentence of an offset."""

    __slots__ = ("text", "spans", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        cuts = [0]
        cuts.extend(m.end() for m in _BOUNDARY.finditer(text))
        cuts.append(len(text))
        spans: List[Tuple[int, int]] = []
        for a, b in zip(cuts, cuts[1:]):
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if b - trail > a + lead:
                spans.append((a + lead, b - trail))
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index_of(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (the nearest one before it)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, start: int, end: int) -> Tuple[int, int]:
        """The sentence span around ``start``; widened to ``end`` if a span crosses a cut."""
        if not self.spans:
            return (start, end)
        s, e = self.spans[self.index_of(start)]
        return (min(s, start), max(e, end))

    def sentence(self, start: int, end: int) -> Tuple[int, int, str]:
        s, e = self.around(start, end)
        return s, e, _SPACE.sub(" ", self.text[s:e])

    def __len__(self) -> int:
        return len(self.spans)
