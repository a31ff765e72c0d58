"""The digest's building blocks, one job each."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from _fakes import Span, extract
from asimtext.digest.conflicts import comparable
from asimtext.digest.facts import fact_of_span
from asimtext.digest.keys import Bags, Vocabulary
from asimtext.digest.meta import infer_published, infer_source
from asimtext.digest.stories import StoryParams, group, same_story, score_pairs
from asimtext.digest.text import Sentences, detect_lang


@pytest.mark.parametrize(
    "text, source",
    [
        ("कुछ\nBy Prabhat Khabar Digital Desk, Kanpur\nUpdated Date", "Prabhat Khabar"),
        ("By HT News Desk\nbody", "HT"),
        ("ऐसी ही खबरों के लिए डाउनलोड करें ईटीवी भारत ऐप\n", "ईटीवी भारत"),
        ("Prabhat Khabar App :\n", "Prabhat Khabar"),
        ("NEW DELHI (PTI) The court said", "PTI"),
        ("Source: Dainik Jagran\n", "Dainik Jagran"),
        ("By\n\nPublished : Jan 11, 2022, 11:27 AM IST", None),  # "By" with no name
        ("नदी का जलस्तर बढ़ा. लोगों ने कहा कि वे ऐप से जानकारी लेते हैं.", None),
    ],
)
def test_infer_source(text, source):
    assert infer_source(text) == source


def _spans(text):
    return extract(text)


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "title\nPublished : Jan 11, 2022, 11:27 AM IST\nbody 2021-05-05",
            "2022-01-11T11:27+05:30",
        ),
        (" date 2022-01-10 A native of Kannauj, in 2021-03-25", "2022-01-10"),
        ("Updated Date\nbody text 2020-01-01 here", None),  # the date is not on the label's line
        ("Updated: 2022-01-12\nPublished: 2022-01-10\n", "2022-01-10"),  # published wins
        ("the date 2022-01-10 in a sentence", None),  # not a header line
        ("No dates here.", None),
    ],
)
def test_infer_published(text, value):
    got = infer_published(text, _spans(text))
    assert (got[0] if got else None) == value


def test_fact_of_span():
    assert fact_of_span("weekday", "saturday", None) is None
    assert fact_of_span("weekday", "saturday", "2022-01-08") == ("date", "2022-01-08", True)
    assert fact_of_span("date", "--01-15", "2022-01-15") == ("date", "2022-01-15", True)
    assert fact_of_span("date", "--01-15", None) == ("date", "--01-15", False)
    assert fact_of_span("date", "2021-03", None) == ("date", "2021-03", False)
    assert fact_of_span("ordinal", "1", None) is None
    assert fact_of_span("money", "INR 500000", None) == ("money", "INR 500000", False)


@pytest.mark.parametrize(
    "kind, a, b, ok",
    [
        ("date", "2022-01-08", "2022-01-09", True),
        ("date", "2021-03-25", "2022-01-15", False),
        ("date", "--01-08", "--01-09", True),
        ("date", "2021-03", "2021-04", True),
        ("date", "2021-03", "2021-03-25", False),
        ("year", "1994", "1995", True),
        ("year", "1994", "2022", False),
        ("number", "12", "15", True),
        ("number", "5", "112", False),
        ("duration", "PT12H", "PT14H", True),
        ("duration", "PT12H", "P12D", False),
        ("money", "INR 200000", "INR 300000", True),
        ("money", "INR 200000", "USD 200000", False),
        ("percent", "82", "0", False),
    ],
)
def test_comparable(kind, a, b, ok):
    assert comparable(kind, a, b) is ok


def test_sentences():
    text = (
        "पहला वाक्य। दूसरा वाक्य है. डॉ. भीमराव आंबेडकर यहां थे!\n\nHeading\nDr. Rao said so. B.R. Ambedkar"
    )
    s = Sentences(text)
    got = [text[a:b] for a, b in s.spans]
    assert got == [
        "पहला वाक्य।",
        "दूसरा वाक्य है.",
        "डॉ. भीमराव आंबेडकर यहां थे!",
        "Heading",
        "Dr. Rao said so.",
        "B.R. Ambedkar",
    ]
    i = text.index("भीमराव")
    assert s.sentence(i, i + 6)[2] == "डॉ. भीमराव आंबेडकर यहां थे!"
    assert Sentences("").spans == []


def test_sentence_lookup_matches_the_split():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    texts.append("एक. दो।\n\nतीन!  चार?  Dr. Rao B.R. Ambedkar said: यह ...\n")
    for text in texts:
        s = Sentences(text)
        for a, b in s.spans:
            for x in (a, (a + b) // 2, b - 1):
                got = Sentences(text).around(x, x + 1)
                assert got == (a, b), (text[a:b], text[got[0]:got[1]])


def test_detect_lang():
    assert detect_lang("असीम अरुण ने वीआरएस लिया") == "hi"
    assert detect_lang("Asim Arun took VRS") == "en"
    assert detect_lang("असीम अरुण (IPS Asim Arun)") == "mixed"
    assert detect_lang("123 456") is None


def test_story_scoring_and_joining():
    bags = [
        Counter({"asm": 5, "arn": 5, "knpr": 2, "pls": 3, "#1994": 1}),
        Counter({"asm": 3, "arn": 3, "knpr": 1, "bjp": 1, "#1994": 1, "btch": 1}),
        Counter({"ptn": 4, "bhr": 2, "pls": 1, "flud": 3}),
        Counter(),
    ]
    p = StoryParams(min_bridge_evidence=4.0, weak_weight=1.0)
    sc = score_pairs(Bags.from_counters(bags, {"asm", "arn", "knpr", "pls", "bjp"}), p)
    pairs = sc.as_dict()
    assert set(pairs) == {(0, 1), (0, 2)}  # 1 and 2 share no key
    assert pairs[(0, 1)][0] > 0.5 and pairs[(0, 2)][0] < 0.1
    assert pairs[(0, 1)][2] == 3  # asm, arn, knpr shared bridge words (facts not counted)
    assert pairs[(0, 1)][3] == pytest.approx(3 * math.log(14 / 3))  # their IDF sum
    stories = group(4, sc, ["hi", "en", "hi", None], p)
    assert stories == [[0, 1], [2], [3]]
    assert group(4, sc, ["hi", "en", "hi", None], p, extra_links=[(2, 3)]) == [[0, 1], [2, 3]]


def test_same_story_rule():
    p = StoryParams(same_lang_threshold=0.2, cross_lang_threshold=0.3, min_bridge_keys=3)
    assert same_story(0.25, 0.0, 0, "hi", "hi", p)
    assert not same_story(0.15, 0.9, 5, "hi", "hi", p)  # bridge cosine is for cross-language
    assert same_story(0.05, 0.35, 3, "hi", "en", p, 7.0)
    assert not same_story(0.05, 0.35, 2, "hi", "en", p, 7.0)  # too few shared names
    assert not same_story(0.05, 0.9, 5, "hi", "en", p, 3.0)  # only common names
    assert not same_story(0.9, 0.1, 3, "hi", "en", p)


def test_score_pairs_pair_budget():
    bags = [Counter({"common": 1, f"u{i}": 1}) for i in range(10)]
    sc = score_pairs(Bags.from_counters(bags, set()), StoryParams(pair_budget=10))
    assert len(sc.i) == 0  # the key shared by all (45 pairs) is over the budget
    sc = score_pairs(Bags.from_counters(bags, set()), StoryParams())
    assert len(sc.i) == 45


def test_span_stand_in_shape():
    sp = Span(0, 4, "1994", "year", "1994")
    assert sp.to_dict()["kind"] == "year"


def test_vocabulary_bags_match_counters():
    from _fakes import xscript_keys

    texts = ["असीम अरुण ने कहा, Asim Arun said", "", "BJP बीजेपी BJP की सदस्यता", "the of के"]
    v = Vocabulary(texts, xscript_keys)
    assert {"asm", "arn", "bjp"} <= v.bridge
    b = v.bags([Counter({"#1994": 2}), Counter(), Counter(), Counter()])
    got = [Counter() for _ in texts]
    for r, c, n in zip(b.rows.tolist(), b.cols.tolist(), b.counts.tolist()):
        got[r][c] += n
    for i, t in enumerate(texts):
        want = Counter(k for _s, _e, k in xscript_keys(t) if len(k) >= 2)
        if i == 0:
            want["#1994"] += 2
        assert sorted(got[i].values()) == sorted(want.values())
    fact_col = b.keys.index("#1994")
    assert got[0][fact_col] == 2 and b.fact[fact_col] and b.bridge[fact_col]
    assert int(b.bridge[~b.fact].sum()) == len(v.bridge)
    assert v.token_counts.tolist() == [7, 0, 5, 3]
    assert Vocabulary([], xscript_keys).bags([]).rows.size == 0


def test_group_applies_same_story_rule():
    import numpy as np
    from asimtext.digest.stories import PairScores

    rng = np.random.default_rng(7)
    n = 40
    i = rng.integers(0, n, 300)
    j = rng.integers(0, n, 300)
    keep = i < j
    i, j = i[keep], j[keep]
    m = i.size
    sc = PairScores(
        i, j, rng.random(m) * 0.4, rng.random(m), rng.integers(0, 6, m), rng.random(m) * 12
    )
    langs = [["hi", "en", "mixed", None][k % 4] for k in range(n)]
    p = StoryParams()
    uf = list(range(n))

    def find(x):
        while uf[x] != x:
            x = uf[x]
        return x

    for a, b, c, bc, bs, be in zip(
        i, j, sc.cos, sc.bridge_cos, sc.bridge_shared, sc.bridge_evidence
    ):
        if same_story(c, bc, bs, langs[a], langs[b], p, be):
            uf[find(a)] = find(b)
    want = {}
    for x in range(n):
        want.setdefault(find(x), []).append(x)
    assert sorted(map(sorted, want.values())) == sorted(group(n, sc, langs, p))


def test_score_pairs_in_chunks_agrees(monkeypatch):
    import sys

    import numpy as np

    rng = np.random.default_rng(3)
    bags = [Counter({f"k{int(x)}": int(c) for x, c in zip(rng.integers(0, 60, 25),
                                                          rng.integers(1, 4, 25))})
            for _ in range(80)]
    bags[5]["#2022-01-15"] = 1
    bags[9]["#2022-01-15"] = 2
    b = Bags.from_counters(bags, {f"k{i}" for i in range(0, 60, 3)})
    p = StoryParams(max_df=1000)
    whole = score_pairs(b, p)
    monkeypatch.setattr(sys.modules["asimtext.digest.stories"], "_CHUNK", 7)
    chunked = score_pairs(b, p)
    assert whole.i.tolist() == chunked.i.tolist() and whole.j.tolist() == chunked.j.tolist()
    for name in ("cos", "bridge_cos", "bridge_evidence"):
        assert np.allclose(getattr(whole, name), getattr(chunked, name))
    assert whole.bridge_shared.tolist() == chunked.bridge_shared.tolist()


def test_copy_pair_cap_in_big_stories():
    import asimtext
    from _fakes import fake_backend
    from asimtext import Article
    from data import made_up as M

    arts = [Article(f"a{i}", M.SYND_A, source=f"S{i}") for i in range(6)]
    arts.append(Article("b", M.SYND_B, source="SB"))
    full = asimtext.digest(arts, backend=fake_backend())
    capped = asimtext.digest(arts, backend=fake_backend(), max_copy_pairs_per_story=3)
    n_full = sum(len(g["pairs"]) for g in full.copy_groups)
    n_capped = sum(len(g["pairs"]) for g in capped.copy_groups)
    assert n_full == 21 and n_capped == 3
