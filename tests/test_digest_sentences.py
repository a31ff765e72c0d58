"""digest.text.Sentences.around looks boundaries up in one scan of the text
(linear on a text with thousands of spans, see tests/test_hostile.py); it must
find the same sentence as the scan per span it replaced (kept here as the
reference), up to the WINDOW cap on each side of the span (a cut inside a word
moves to white space)."""

from __future__ import annotations

from asimtext.digest.text import _BOUNDARY, Sentences
from hypothesis import given, settings
from hypothesis import strategies as st


def _reference(sents: Sentences, start: int, end: int):
    text = sents.text
    for window in (sents.SHORT_WINDOW, sents.WINDOW):
        lo = max(0, start - window)
        a = lo
        for m in _BOUNDARY.finditer(text, lo, start):
            a = m.end()
        if a > lo or lo == 0:
            break
    m = _BOUNDARY.search(text, max(start, a))
    b = m.end() if m else len(text)
    while b <= start and m:
        m = _BOUNDARY.search(text, b)
        b = m.end() if m else len(text)
    def inside_word(pos):
        return 0 < pos < len(text) and not text[pos - 1].isspace() and not text[pos].isspace()

    if a == lo and inside_word(lo):  # a window's cut moves to the next word's start
        i = lo
        while i < start and not text[i].isspace():
            i += 1
        if i < start:
            while i < start and text[i].isspace():
                i += 1
            a = i
    cut = max(end, start + sents.WINDOW)
    if b > cut:
        b = cut
        if inside_word(cut):  # back to the last white space after the span
            spaces = [i for i in range(end, cut) if text[i].isspace()]
            b = spaces[-1] if spaces else cut
    st_ = sents._strip(a, b) or (start, end)
    return (min(st_[0], start), max(st_[1], end))


class _Small(Sentences):
    """Small windows, so that the window edges fall inside the generated texts."""

    SHORT_WINDOW = 3
    WINDOW = 9


PIECES = [
    ".",
    "।",
    "!",
    "?",
    "..",
    "\n",
    " ",
    "  ",
    '"',
    "”",
    ")",
    "]",
    "Dr",
    "Mr",
    "डॉ",
    "No",
    "A",
    "a",
    "क",
    "राम",
    "15",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80), st.data())
def test_around_equals_the_scan_per_span(pieces, data):
    text = "".join(pieces)
    if not text:
        return
    s = _Small(text)
    for _ in range(5):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        assert s.around(start, end) == _reference(s, start, end), (text, start, end)
