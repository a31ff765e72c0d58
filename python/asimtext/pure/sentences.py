"""The sentences of a text (:class:`Sentences`, which the digest reads as
``asimtext.digest.text.Sentences``), and the pure-Python twins of the Rust core's
batches over them (``asimtext._core._sentences_batch``, ``_places_batch``): the
sentence around every value of a batch of texts, and the gazetteer names of
stretches of them, one value (stretch) at a time."""

from __future__ import annotations

from bisect import bisect_right
from typing import Dict, List, Optional, Sequence, Tuple

import regex

from asimtext.errors import ArgumentError
from asimtext.pure.gazetteer import gazetteer_find

__all__ = ["Sentences", "collapse_space", "sentences_batch", "places_batch"]

# A sentence ends at a newline, or at . । ॥ ! ? (plus closing quotes/brackets) before
# white space, except after common abbreviations and single-letter initials.
_BOUNDARY = regex.compile(
    r"(?=[.।॥!?])(?<!\bडॉ)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bडा)(?<!\b[A-Z])"
    r"[.।॥!?]+[\"”’')\]]*(?=[\s\x1c-\x1f])|\n"
)
# White space as ``str.split()`` and ``re`` read it: the ``regex`` module's ``\s`` is
# Unicode's White_Space, which leaves out the separators U+001C-U+001F.
_SPACE = regex.compile(r"[\s\x1c-\x1f]+")
_LAST_SPACE = regex.compile(r"(?s:.*)[\s\x1c-\x1f]")
_MARKS = ".।॥!?"


def collapse_space(text: str) -> str:
    """``text`` with each run of white space made one space (``\\s+`` -> ``" "``)."""
    if text[:1].isspace() or text[-1:].isspace():
        return _SPACE.sub(" ", text)
    # str.split() splits where re's \s matches (both are Py_UNICODE_ISSPACE), in C
    # without the regex engine: several times faster on long sentences.
    return " ".join(text.split())


class Sentences:
    """The sentences of a text as ``(start, end)`` code-point offsets, stripped of
    surrounding white space.

    :meth:`sentence` finds the sentence around a span by looking only near it (at
    most ``WINDOW`` characters back), so that an article with few spans is not
    split whole; :attr:`spans` lists all sentences (computed on first use).
    """

    SHORT_WINDOW = 300
    WINDOW = 600
    __slots__ = ("text", "_spans", "_starts", "_cut_starts", "_cut_ends", "_memo")

    def __init__(self, text: str) -> None:
        self.text = text
        self._spans: Optional[List[Tuple[int, int]]] = None
        self._starts: List[int] = []
        self._cut_starts: Optional[List[int]] = None
        self._cut_ends: List[int] = []
        self._memo: dict = {}

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

    def _cuts(self) -> Tuple[List[int], List[int]]:
        # Every boundary of the text, found once: looking them up per span
        # keeps a text with thousands of spans linear (a scan per span was
        # spans x window, and the forward search spans x length).
        if self._cut_starts is None:
            ms = list(_BOUNDARY.finditer(self.text))
            self._cut_starts = [m.start() for m in ms]
            self._cut_ends = [m.end() for m in ms]
        return self._cut_starts, self._cut_ends

    def _last_cut(self, lo: int, start: int) -> int:
        """The end of the last boundary ``_BOUNDARY.finditer(text, lo, start)`` finds, else ``lo``."""
        starts, ends = self._cuts()
        k = bisect_right(ends, start) - 1
        # A mark ending right at `start` needs the white space after it,
        # which a search that stops at `start` does not see.
        if k >= 0 and ends[k] == start and self.text[start - 1] != "\n":
            k -= 1
        if k < 0 or ends[k] <= lo:
            return lo
        if starts[k] >= lo or self.text[lo] in _MARKS:
            return ends[k]  # (a boundary that starts before `lo` is found from `lo` on)
        return lo

    def _next_cut(self, pos: int) -> int:
        """Index of the boundary ``_BOUNDARY.search(text, pos)`` finds (``len`` if none)."""
        starts, ends = self._cuts()
        k = bisect_right(ends, pos)
        if k < len(ends) and starts[k] < pos and self.text[pos] not in _MARKS:
            k += 1
        return k

    def _inside_word(self, pos: int) -> bool:
        """Whether ``pos`` falls between two characters that are not white space."""
        return 0 < pos < len(self.text) and not self.text[pos - 1].isspace() \
            and not self.text[pos].isspace()

    def around(self, start: int, end: int) -> Tuple[int, int]:
        """The sentence span around ``start``; widened to ``end`` if a span crosses a cut.

        A sentence reaches at most ``WINDOW`` characters before and after
        ``start`` (a text without punctuation is not one sentence per span),
        cut at white space where there is some (not inside a word)."""
        text = self.text
        for window in (self.SHORT_WINDOW, self.WINDOW):
            lo = max(0, start - window)
            a = self._last_cut(lo, start)
            if a > lo or lo == 0:
                break
        _, ends = self._cuts()
        k = self._next_cut(max(start, a))
        b = ends[k] if k < len(ends) else len(text)
        while b <= start and k < len(ends):  # a cut inside the span's first character cannot be its end
            k += 1
            b = ends[k] if k < len(ends) else len(text)
        if a == lo and self._inside_word(lo):  # cut by the window: at a word's start
            sp = _SPACE.search(text, lo, start)
            a = sp.end() if sp is not None else a
        cut = max(end, start + self.WINDOW)
        if b > cut:  # cut by the window: at a word's end
            b = cut
            if self._inside_word(cut):
                sp = _LAST_SPACE.match(text, end, cut)
                b = sp.end() - 1 if sp is not None else cut
        st = self._strip(a, b) or (start, end)
        return (min(st[0], start), max(st[1], end))

    def sentence(self, start: int, end: int) -> Tuple[int, int, str]:
        """``(start, end, text)`` of the sentence around a span, its white space collapsed."""
        s, e = self.around(start, end)
        got = self._memo.get((s, e))
        if got is None:
            got = self._memo[(s, e)] = (s, e, collapse_space(self.text[s:e]))
        return got

    def __len__(self) -> int:
        return len(self.spans)



def sentences_batch(texts: Sequence[str], spans: Sequence[Sequence[Tuple[int, int]]]
                    ) -> List[Tuple[List[int], List[Tuple[int, int, str]]]]:
    """Per text, ``(which, sentences)``: its distinct sentences around the spans
    ``(start, end)`` as :meth:`Sentences.sentence` gives them, in order of first
    use, and per span the index of its own."""
    if len(texts) != len(spans):
        raise ArgumentError(f"{len(texts)} texts, {len(spans)} lists of spans (one per text)")
    out = []
    for i, (text, row) in enumerate(zip(texts, spans)):
        for j, (s, e) in enumerate(row):
            if not 0 <= s <= e <= len(text):
                raise ArgumentError(f"spans[{i}][{j}]: need 0 <= start <= end <= "
                                    f"len(texts[{i}]) = {len(text)}, got {(s, e)}")
        sents = Sentences(text)
        seen: Dict[Tuple[int, int, str], int] = {}
        which = [seen.setdefault(sents.sentence(s, e), len(seen)) for s, e in row]
        out.append((which, list(seen)))
    return out


def places_batch(texts: Sequence[str], spans: Sequence[Sequence[Tuple[int, int]]]
                 ) -> List[List[List[Tuple[int, int, str]]]]:
    """Per text and stretch ``(start, end)``, its gazetteer names with offsets in the
    text (what :func:`asimtext.digest.scope.places_in` gives over the pure gazetteer)."""
    if len(texts) != len(spans):
        raise ArgumentError(f"{len(texts)} texts, {len(spans)} lists of spans (one per text)")
    out = []
    for i, (text, row) in enumerate(zip(texts, spans)):
        for j, (s, e) in enumerate(row):
            if not 0 <= s <= e <= len(text):
                raise ArgumentError(f"spans[{i}][{j}]: need 0 <= start <= end <= "
                                    f"len(texts[{i}]) = {len(text)}, got {(s, e)}")
        out.append([[(a + s, b + s, k) for a, b, k in gazetteer_find(text[s:e])] for s, e in row])
    return out
