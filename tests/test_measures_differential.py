"""The measure batch: the Rust core (``_measure_batch``) and its pure twin
(:func:`asimtext.pure.measures.measure_batch`, the word rules of
:mod:`asimtext.digest.measures` value by value) give the same answers, on the seeds
and on hypothesis text made of the lexicons' own words, numbers, stops and the
characters the word pattern treats specially (nukta, candrabindu, joiners,
hyphens, ``°C``, Devanagari digits around points), with sentence bounds and value
spans that cut words anywhere."""

from __future__ import annotations

import pathlib

import pytest
from asimtext.digest.text import Sentences
from asimtext.errors import ArgumentError
from asimtext.pure import measures as M
from asimtext.pure.measures import measure_batch as pure_batch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

core = pytest.importorskip("asimtext._core")
if not hasattr(core, "_measure_batch"):
    pytest.skip("this build of asimtext has no measure batch", allow_module_level=True)

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"
RULES = core._MeasureRules(M.rules_tables())


def rust_batch(texts, numbers, queries):
    return core._measure_batch(RULES, texts, numbers, queries)


def same(texts, numbers, queries):
    a = rust_batch(texts, numbers, queries)
    b = pure_batch(texts, numbers, queries)
    assert a == b, (texts, numbers, queries)
    return a


_LEXICON = sorted({w for ws in M.MEASURES.values() for w in ws}
                  | {w for ws in M.QUALIFIERS.values() for w in ws}
                  | set(M.GENERIC) | set(M.COUNT_CUES) | set(M._NAME_BEFORE) | set(M._NAME_AFTER)
                  | set(M._APPROX) | set(M._OVER) | set(M._OVER_BEFORE) | set(M._UNDER)
                  | set(M._CLAUSE_WORDS) | {a for a, _b in M._QUAL_PAIRS} | {b for _a, b in M._QUAL_PAIRS}
                  | set(M._FUNCTION[:40]) | {"sensex", "सेंसेक्स", "निफ्टी", "plus", "than", "up", "down", "and",
                     "at", "least", "most", "to", "कम", "से"}
                  | set(M._SUBJECT_CUES))
_ODD = ["PK", "CRPF", "Dial", "years-old", "well-known", "don't", "°C", "°", "C", "ज़िले", "मौतें",
        "संक्रमितों", "गाँव", "क\u200dर", "क\u093c", "मरीजों", "आठ", "प्रांतों", "killeds", "caseses",
        "Deaths", "KILLED", "x-", "-y", "'", "a'b"]
_NUMBERS = ["44", "2053", "1,200", "४४", "१९२१", "5.6", "7.8", "12", "3", "1994", "2020", "0.5"]
_STOPS = [",", ".", "।", ";", ":", "(", ")", "[", "]", "|", "\n", "\t", "-", "!", "?"]
_GLUE = ["", " ", " ", " ", "  ", "\u00a0"]

token = st.one_of(st.sampled_from(_LEXICON), st.sampled_from(_ODD), st.sampled_from(_NUMBERS),
                  st.sampled_from(_STOPS))


@st.composite
def documents(draw):
    parts = draw(st.lists(st.tuples(token, st.sampled_from(_GLUE)), min_size=1, max_size=40))
    text, numbers = "", []
    for tok, glue in parts:
        if tok in _NUMBERS:
            numbers.append((len(text), len(text) + len(tok)))
        text += tok + glue
    n = len(text)
    spans = list(numbers)
    # values anywhere too: a span may cut a word, or start at a stop
    spans += draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 6)), max_size=4))
    queries = []
    for s, e in spans:
        s, e = min(s, n), min(max(e, s) if e >= s else s + e, n)
        ss = draw(st.integers(0, s))
        se = draw(st.integers(e, n))
        queries.append((s, e, ss, se, draw(st.booleans())))
    nums = sorted(set(numbers + draw(st.lists(
        st.tuples(st.integers(0, n), st.integers(0, 5)).map(lambda x: (x[0], x[0] + x[1])),
        max_size=3))))
    return text, nums, queries


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3))
def test_rust_and_pure_agree(docs):
    texts = [d[0] for d in docs]
    got = same(texts, [d[1] for d in docs], [d[2] for d in docs])
    assert [len(g) for g in got[0]] == [len(d[2]) for d in docs]


def _seed_queries(text):
    import regex
    sents = Sentences(text)
    numbers = [(m.start(), m.end()) for m in regex.finditer(r"\d+(?:[.,]\d+)*", text)]
    queries = []
    for n, (s, e) in enumerate(numbers):
        ss, se, _t = sents.sentence(s, e)
        queries.append((s, e, ss, se, len(text[s:e]) == 4 and n % 2 == 0))
    return numbers, queries


def test_seeds():
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    asked = [_seed_queries(t) for t in texts]
    got = same(texts, [a[0] for a in asked], [a[1] for a in asked])
    assert sum(1 for row in got[0] for _c, m, _b in row if m is not None) > 10  # the seeds state counts


NEWS_DEV = SEEDS.parent.parent / "shared" / "data" / "news-dev" / "covid19_hindi_5_outlets_2020-03.jsonl"


@pytest.mark.skipif(not NEWS_DEV.exists(), reason="../shared/data/news-dev is absent")
def test_real_news():
    import json
    with NEWS_DEV.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _n, line in zip(range(400), f)]
    asked = [_seed_queries(t) for t in texts]
    got = same(texts, [a[0] for a in asked], [a[1] for a in asked])
    assert sum(1 for row in got[0] for _c, m, _b in row if m is not None) > 500


def test_known_measures():
    text = "कोरोना से 44 लोगों की मौत हो गई, करीब 4800 संक्रमित; more than 4,000 people died in Italy"
    nums = [(text.index(v), text.index(v) + len(v)) for v in ("44", "4800", "4,000")]
    got, found = same([text], [nums], [[(s, e, 0, len(text), False) for s, e in nums]])
    assert [(found[m][0], b) for _c, m, b in got[0]] == \
        [("deaths", None), ("infected", "about"), ("deaths", "over")]
    assert len(set(found)) == len(found) == 3  # each measure listed once


COVERAGE = pathlib.Path(__file__).resolve().parent / "data" / "coverage-disasters" / "coverage.jsonl"


def test_real_english_news():
    """The English disaster coverage (full-clause rules: "has increased to 261", "killed
    261 people and injured 900") reads the same in both."""
    import json
    with COVERAGE.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    asked = [_seed_queries(t) for t in texts]
    got = same(texts, [a[0] for a in asked], [a[1] for a in asked])
    assert sum(1 for row in got[0] for _c, m, _b in row if m is not None) > 50


def test_full_clause_rules():
    text = ("The death toll in the train derailment has increased to 261, officials said; "
            "the crash killed at least 261 people and injured more than 900")
    a = text.index("261")
    b = text.index("261", a + 1)
    c = text.index("900")
    nums = [(x, x + 3) for x in (a, b, c)]
    got, found = same([text], [nums], [[(s, e, 0, len(text), False) for s, e in nums]])
    assert [found[m][0] for _c, m, _b in got[0]] == ["deaths", "deaths", "injured"]


def test_bad_queries_are_named_errors():
    for batch in (rust_batch, pure_batch):
        with pytest.raises(ArgumentError, match=r"queries\[0\]\[0\]"):
            batch(["abc 12"], [[]], [[(4, 6, 5, 6, False)]])
        with pytest.raises(ArgumentError, match=r"queries\[0\]\[0\]"):
            batch(["abc 12"], [[]], [[(4, 9, 0, 9, False)]])
        with pytest.raises(ArgumentError, match="sorted"):
            batch(["abc 12"], [[(4, 6), (0, 1)]], [[]])
        with pytest.raises(ArgumentError, match="texts"):
            batch(["a", "b"], [[]], [[]])


# Sentences of real coverage (tests/data/coverage-third, coverage-disasters; the "up to"
# and "से कम" ones made up): a hedged toll is a
# bound, in both; "at least 35" and "at least 60" of one morning do not conflict.
_BOUNDED = [
    ("Latest reports have stated that at least 35 people have died and 30 people have been "
     "reported injured in one of the worst disasters in the state.", "35", "over"),
    ("गुजरात के मोरबी शहर में रविवार (30 अक्टूबर) शाम को मच्छु नदी पर एक केबल पुल गिरने से कम से कम "
     "137 लोगों की मौत हो गई.", "137", "over"),
    ("The accident Friday night killed at least 261 people.", "261", "over"),
    ("Officials said up to 50 people were injured in the blast.", "50", "under"),
    ("बैठक में 100 से कम लोग पहुंचे।", "100", "under"),
    ("A stampede at a religious congregation here killed 116 people on Tuesday.", "116", None),
]


@pytest.mark.parametrize("text,number,want", _BOUNDED)
def test_real_bounds_in_both(text, number, want):
    s = text.index(number)
    e = s + len(number)
    assert M.bound_of(text, s, e, 0) == want
    rows, _measures = same([text], [[(s, e)]], [[(s, e, 0, len(text), False)]])
    assert rows[0][0][2] == want
