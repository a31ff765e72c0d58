"""The stops of a sentence found once (digest/marks.py) give each value the clause
bounds the per-value regular-expression searches give."""

from asimtext.digest import measures as M
from asimtext.digest import scope as S
from asimtext.digest.marks import Marks
from hypothesis import given, settings
from hypothesis import strategies as st

# Characters that make stops, contrast words, digits next to marks, word boundaries.
ALPHABET = list(" \n\t.,;:|()[]।0123456789५ab") + [
    "जबकि", "वहीं", "लेकिन", "while", "While", "whereas", "but", "BUT", "x", "दो", "े", "क"]
PATTERNS = [  # (pattern, its "last match" twin)
    (M._STOP_RE, M._LAST_STOP_RE),
    (S._STOP, S._LAST_STOP),
    (S._CONTRAST, S._LAST_CONTRAST),
]


def _text():
    return st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_text(), _text(), _text(), st.data())
def test_marks_equal_the_searches(before, sentence, after, data):
    text = before + sentence + after
    lo, hi = len(before), len(before) + len(sentence)
    for pattern, last in PATTERNS:
        marks = Marks(pattern, text, lo, hi)
        pos = data.draw(st.integers(lo, hi))
        m = last.match(text, lo, pos)
        assert marks.last_end(last, text, pos) == (m.end() if m else None)
        n = pattern.search(text, pos, hi)
        assert marks.next_start(pos) == (n.start() if n else None)


def test_marks_on_news():
    text = ("नई दिल्ली, 3 अप्रैल। देश में 2,301 मामले, जबकि 56 लोगों की मौत हुई; while 12 "
            "recovered. Total 5.5 lakh tests but 4 more deaths।10 new cases")
    for pattern, last in PATTERNS:
        marks = Marks(pattern, text, 0, len(text))
        for pos in range(len(text) + 1):
            m = last.match(text, 0, pos)
            assert marks.last_end(last, text, pos) == (m.end() if m else None), pos
            n = pattern.search(text, pos, len(text))
            assert marks.next_start(pos) == (n.start() if n else None), pos


def test_find_measure_with_stops_is_the_same():
    text = "इटली में 44 लोगों की मौत, जबकि 12 नए मामले; 5 recovered while 3 died."
    stops = M.sentence_stops(text, 0, len(text))
    for s in range(len(text)):
        for e in range(s + 1, min(len(text), s + 4) + 1):
            assert M.find_measure(text, s, e, 0, len(text), stops=stops) == \
                M.find_measure(text, s, e, 0, len(text))
            assert M.is_count_context(text, s, e, 0, len(text), stops) == \
                M.is_count_context(text, s, e, 0, len(text))


def test_place_of_with_marks_is_the_same():
    text = ("ईरान में 237 लोगों की मौत, जबकि चीन के बाहर 686 मामले; देश में 12 नए मामले. "
            "44 deaths in Italy while 3 in Spain")
    hits = S.default_gazetteer()(text)
    cands = S.candidates(hits, text, 0)
    marks = S.sentence_marks(text, 0, len(text))
    for s in range(len(text)):
        e = s + 2
        assert S.place_of(hits, text, s, e, 0, len(text), cands, marks) == \
            S.place_of(hits, text, s, e, 0, len(text), cands)
