"""Text helpers of the digest, all regular-expression based (no per-character Python loops)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import List, Optional, Tuple

__all__ = ["Sentences", "WORD_RE", "detect_lang", "is_devanagari_word", "lead_end"]

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


LANG_SAMPLE = 6000


def detect_lang(text: str) -> Optional[str]:
    """``hi`` (mostly Devanagari letters), ``en`` (mostly Latin), ``mixed``, or None.

    Decided on the first ``LANG_SAMPLE`` characters (enough for a language, and it
    keeps the cost per article bounded)."""
    sample = text[:LANG_SAMPLE]
    # Letters counted as what removing them takes away (one new string per
    # script instead of a list of every run: 1.5x faster).
    dev = len(sample) - len(_DEV_LETTERS.sub("", sample))
    lat = len(sample) - len(_LAT_LETTERS.sub("", sample))
    total = dev + lat
    if total == 0:
        return None
    share = dev / total
    if share >= 0.7:
        return "hi"
    if share <= 0.3:
        return "en"
    return "mixed"


def lead_end(text: str, sentences: int = 3) -> int:
    """Where a text's lead, its first ``sentences`` sentences, ends (blank lines and
    empty sentences count too: a cheap bound, read only as far as needed)."""
    n = 0
    for m in _BOUNDARY.finditer(text):
        n += 1
        if n >= sentences:
            return m.end()
    return len(text)


class Sentences:
    """The sentences of a text as ``(start, end)`` code-point offsets, stripped of
    surrounding white space.

    :meth:`sentence` finds the sentence around a span by looking only near it (at
    most ``WINDOW`` characters back), so that an article with few spans is not
    split whole; :attr:`spans` lists all sentences (computed on first use).
    """

    SHORT_WINDOW = 300
    WINDOW = 2000
    __slots__ = ("text", "_spans", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: Optional[List[Tuple[int, int]]] = None
        self._starts: List[int] = []

    @property
    def spans(self) -> List[Tuple[int, int]]:
        if self._spans is None:
            text = self.text
            cuts = [0]
            cuts.extend(m.end() for m in _BOUNDARY.finditer(text))
            cuts.append(len(text))
            spans: List[Tuple[int, int]] = []
            for a, b in zip(cuts, cuts[1:]):
                st = self._strip(a, b)
                if st is not None:
                    spans.append(st)
            self._spans = spans
            self._starts = [s for s, _ in spans]
        return self._spans

    def _strip(self, a: int, b: int) -> Optional[Tuple[int, int]]:
        piece = self.text[a:b]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        return (a + lead, b - trail) if b - trail > a + lead else None

    def index_of(self, offset: int) -> int:
        """The index in :attr:`spans` of the sentence holding ``offset`` (or the one before)."""
        _ = self.spans  # computed on first use
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, start: int, end: int) -> Tuple[int, int]:
        """The sentence span around ``start``; widened to ``end`` if a span crosses a cut."""
        text = self.text
        for window in (self.SHORT_WINDOW, self.WINDOW):
            lo = max(0, start - window)
            a = lo
            for m in _BOUNDARY.finditer(text, lo, start):
                a = m.end()
            if a > lo or lo == 0:
                break
        m = _BOUNDARY.search(text, max(start, a))
        b = m.end() if m else len(text)
        while b <= start and m:  # a cut inside the span's first character cannot be its end
            m = _BOUNDARY.search(text, b)
            b = m.end() if m else len(text)
        st = self._strip(a, b) or (start, end)
        return (min(st[0], start), max(st[1], end))

    def sentence(self, start: int, end: int) -> Tuple[int, int, str]:
        """``(start, end, text)`` of the sentence around a span, its white space collapsed."""
        s, e = self.around(start, end)
        return s, e, _SPACE.sub(" ", self.text[s:e])

    def __len__(self) -> int:
        return len(self.spans)
