"""The shortcuts of the mentions stage and of the set-aside/forecast tests (issue 16) give
what the rules they skip give. Each answer found once and shared (per line, per sentence,
per copy of a sentence) is held here to the rule read per value, on generated text:
Hindi and English words the rules look for, clause stops, tabs, line breaks, dates and
values at any place."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from asimtext.digest import scope as S
from asimtext.digest import updates as U
from asimtext.digest.records import Mention
from asimtext.pure.gazetteer import gazetteer_find

# Words place_of and is_metadata_line read (home country, state reference, contrast,
# stops, places, times), plain words of both scripts, values, some glued on purpose.
WORDS = ["देश", "में", "देशभर", "इस", "पूरे", "राज्य", "सूबे", "के", "भीतर", "जबकि", "वहीं",
         "लेकिन", "while", "whereas", "but", "in", "the", "country", "state", "nationwide",
         "statewide", "बिहार", "ईरान", "चीन", "बाहर", "Italy", "Odisha", "Kerala", "outside",
         "मामले", "लोगों", "की", "मौत", "deaths", "cases", "।", ".", ",", ";", "|", ":", "\t",
         "\n", "12", "4.5", ".5", "237", "11:11", "PM", "IST", "बजे", "Updated", "28-MAR-2020",
         "नयी", "दिल्ली", "(भाषा)", "30", "मार्च"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40)
joiner = st.sampled_from([" ", "", "  "])


@settings(max_examples=300, deadline=None)
@given(words, joiner, st.data())
def test_the_metadata_test_reads_the_line_not_the_value(ws, sep, data):
    # measured.annotate asks is_metadata_line once per line: any value of the line
    # gets the answer of any other.
    text = sep.join(ws)
    a = data.draw(st.integers(0, len(text)))
    b = text.find("\n", a)
    b = len(text) if b < 0 else b
    a = text.rfind("\n", 0, a) + 1
    spans = [(x, x + 2) for x in range(a, b - 1, 5)]
    answers = set()
    for _ in range(3):
        s = data.draw(st.integers(a, b))
        e = data.draw(st.integers(s, b))
        answers.add(S.is_metadata_line(text, s, e, spans, (a, b), "\t" in text[a:b]))
        answers.add(S.is_metadata_line(text, s, e, spans))
    assert len(answers) == 1


@settings(max_examples=300, deadline=None)
@given(words, joiner, st.data())
def test_the_place_of_a_sentence_is_that_of_each_of_its_values(ws, sep, data):
    text = "बिहार में 5 मामले। " + sep.join(ws)
    ss = data.draw(st.integers(0, len(text)))
    se = data.draw(st.integers(ss, len(text)))
    hits = S.places_in(gazetteer_find, text, ss, se)
    cands = S.candidates(hits, text, ss)
    shared = S.sentence_place(text, ss, se, cands)
    stops = S.clause_stops(text, ss, se)
    for _ in range(3):
        s = data.draw(st.integers(ss, se))
        e = data.draw(st.integers(s, se))
        alone = S.place_of(hits, text, s, e, ss, se)
        if shared is not S.UNDECIDED:
            assert shared == alone
        assert S.place_of(hits, text, s, e, ss, se, cands, stops) == alone


def _clause_by_search(text: str, start: int, end: int, ss: int, se: int) -> Any:
    last = S._LAST_STOP.match(text, ss, start)
    m = S._STOP.search(text, end, se)
    return (last.end() if last is not None else ss), (m.start() if m else se)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(list("ab5 .।;|\n\t") + ["जबकि", "while", "whereas", "4.5",
                                                        ".5", "५.", "whil", "जब"]),
                max_size=30), st.data())
def test_the_clause_from_the_stops_is_the_clause_of_the_searches(ws, data):
    text = "".join(ws)
    ss = data.draw(st.integers(0, len(text)))
    se = data.draw(st.integers(ss, len(text)))
    stops = S.clause_stops(text, ss, se)
    for _ in range(4):
        s = data.draw(st.integers(ss, se))
        e = data.draw(st.integers(s, se))
        assert S._clause_in(stops, text, s, e, ss, se) == _clause_by_search(text, s, e, ss, se)


def test_a_full_stop_right_before_a_value_ends_its_clause():
    # ".5" after a word: a stop for a search that ends at the value, no stop of the
    # whole sentence (a digit follows it)
    text = "in Bihar.5 cases"
    s = text.index("5")
    stops = S.clause_stops(text, 0, len(text))
    assert stops == ([], [])
    assert S._clause_in(stops, text, s, s + 1, 0, len(text)) == (s, len(text))
    assert _clause_by_search(text, s, s + 1, 0, len(text)) == (s, len(text))


DATE_WORDS = ["30 जुलाई को हुए भूस्खलन में", "28 मार्च तक", "on June 3", "since", "by",
              "the accident that occurred on", "Friday's accident", "से", "वाले", "261", "357",
              ",", ".", "।", "and", "लोग"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=20), st.data())
def test_the_days_of_a_sentence_date_each_value_as_as_of_does(ws, data):
    text = " ".join(ws)
    n = len(text)
    dates = sorted({(x, min(n, x + 4), data.draw(st.sampled_from(
        ["2020-03-28", "2020-03-30", "W-1:tuesday", "2020-03"])))
        for x in data.draw(st.lists(st.integers(0, n), max_size=4))})
    ss = data.draw(st.integers(0, n))
    se = data.draw(st.integers(ss, n))
    inside = [d for d in dates if ss <= d[0] < se]
    starts, days = S.sentence_days(inside, ss, se, text)
    for _ in range(3):
        s = data.draw(st.integers(ss, se))
        pub = data.draw(st.sampled_from([None, "2020-03-31T10:00:00"]))
        S._SENTENCE_DAYS.clear()
        assert S.as_of_days(starts, days, s, pub, text) == S.as_of(inside, s, ss, se, pub, text)


UPDATE_WORDS = ["पहले", "था", "नहीं", "से", "बढ़कर", "न", "कि", "सकते", "प्रति", "लोगों",
                "और", "लेकिन", "।", ",", ".", "earlier", "was", "reported", "not", "from",
                "instead", "of", "may", "feared", "per", "about", "the", "and", "deaths",
                "12", "4,800"]


def _mention(text: str, at: int, s: int, e: int) -> Mention:
    return Mention.of({"article": "a", "source": "x", "start": s + at, "end": e + at,
                       "sentence_start": at, "sentence_text": text, "measure": None,
                       "place": None, "as_of": None})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(UPDATE_WORDS), min_size=1, max_size=30), st.data())
def test_copies_of_a_sentence_share_their_set_aside_and_forecast_answers(ws, data):
    # updates keeps the answers by (sentence text, value's place in it): a copy at
    # another offset of another article gets the answer read on it.
    text = " ".join(ws)
    s = data.draw(st.integers(-2, len(text) + 1))
    e = data.draw(st.integers(s, len(text) + 2))
    for at in (0, 7, 1000):
        for c in U._BY_SENTENCE.values():
            c.clear()
        m = _mention(text, at, s, e)
        first = (U._superseded_cached(m), U._hedged_cached(m))
        assert first == (U._superseded(m), U._hedged(m))
        copy = _mention(str(text), at + 31, s, e)
        assert (U._superseded_cached(copy), U._hedged_cached(copy)) == first
        assert (U._superseded(copy), U._hedged(copy)) == first


def test_the_sentence_answers_are_bounded(monkeypatch):
    monkeypatch.setattr(U, "BY_SENTENCE_KEPT", 4)
    U._BY_SENTENCE["_superseded"].clear()
    monkeypatch.setattr(U, "_superseded_cached", U._per_sentence("_superseded", U._superseded))
    for k in range(10):
        U._superseded_cached(_mention(f"{k} deaths, not {k + 1}", 0, 0, 1))
        assert len(U._BY_SENTENCE["_superseded"]) <= 4


def test_the_characters_folding_to_ascii_letters_are_all_known():
    every = "".join(chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    import regex

    assert set(regex.findall(r"(?i)[a-z]", every)) == set(S._FOLDS_TO_ASCII) \
        == set(U._FOLDS_TO_ASCII)


CUE_WORDS = ["देश", "देशभर", "में", "पूरे", "राज्य", "सूबे", "के", "भीतर", "प्रदेश", "in", "the",
             "country", "COUNTRY", "Country", "nationwide", "NationWide", "state", "STATE",
             "statewide", "state's", "ſtate", "\u212aerala", "İn", "countr", "stat", "across",
             "cases", "12", ".", "।", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=12), joiner, st.data())
def test_no_cue_no_home_country_nor_state(ws, sep, data):
    text = sep.join(ws)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if not S._may_name_home_or_state(text, lo, hi):
        assert S._HOME.search(text, lo, hi) is None
        assert S._STATE_REF.search(text, lo, hi) is None
    assert S._home_in(text, lo, hi) == (S._HOME.search(text, lo, hi) is not None)
    assert S._state_ref_in(text, lo, hi) == (S._STATE_REF.search(text, lo, hi) is not None)


def _reference_with_own_day(mentions: Any, borrowed: Any) -> Any:
    return [m for m in mentions if m["measure"] is not None and m["article"] not in borrowed
            and not U.superseded(m) and not U._not_a_reading(m)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(UPDATE_WORDS), min_size=1, max_size=20),
                          st.integers(0, 60), st.sampled_from([None, "deaths", "age", "cases"]),
                          st.sampled_from(["a", "b"]), st.booleans()),
                min_size=1, max_size=8))
def test_with_own_day_reads_the_kept_answers_as_the_rules_do(items):
    from asimtext.digest.measures import Measure

    for c in U._BY_SENTENCE.values():
        c.clear()
    ms, fresh = [], []
    for ws, at, key, art, as_dict in items:
        text = " ".join(ws)
        s = at % (len(text) + 1)
        meas = Measure(key, (), None, (key,)) if key else None
        for out in (ms, fresh):
            m = _mention(text, 3, s, min(len(text), s + 2))
            m.__dict__.update(measure=meas, article=art)
            out.append(m.__dict__.copy() if as_dict else m)
    # (answers kept with some mentions, not with others: both ways give the rules' own)
    for m in ms[::2]:
        U.superseded(m)
    kept = {id(m) for m in U.with_own_day(ms, {"b"})}
    got = [n for n, m in enumerate(ms) if id(m) in kept]
    ref = {id(m) for m in _reference_with_own_day(fresh, {"b"})}
    want = [n for n, m in enumerate(fresh) if id(m) in ref]
    assert got == want


HOLD_WORDS = ["पहले", "पहलेसे", "सकते", "सकती", "सकता", "आशंका", "अनुमान", "संभावना", "EARLIER",
              "Earlier", "initially", "İnitially", "previouſly", "May", "MIGHT", "could",
              "projected", "forecast", "Expected", "to", "estimates", "feared", "mayor", "के",
              "मौत", "12", ",", "।", "\u212a", "not", "NOT", "From", "instead", "of", "Rather",
              "than", "न", "कि", "नहीं", "fromage", "İnstead"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(HOLD_WORDS), max_size=12), joiner, st.data())
def test_no_word_no_earlier_report_nor_forecast(ws, sep, data):
    text = sep.join(ws)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if not U._may_hold(text, lo, hi, U._EARLIER_WORDS):
        assert U._EARLIER.search(text, lo, hi) is None
    if not U._may_hold(text, lo, hi, U._PROJECTION_WORDS):
        assert U._PROJECTION_NEAR.search(text, lo, hi) is None
    if not U._may_hold(text, lo, hi, U._SET_ASIDE_WORDS):
        assert U._SET_ASIDE_BEFORE.search(text[lo:hi]) is None


AFTER_WORDS = ["नहीं", "नहींतो", "से", "बढ़कर", "घटकर", "बढ़ाकर", "घटाकर", "से बढ़कर", "लोग", "12",
               ",", "।", "बल्कि", "275", "मौत",
               # (as the pattern writes them: बढ़ may be one character or two)
               U._AFTER_RISE + "कर", U._AFTER_FALL + "ाकर", U._AFTER_FROM + " " + U._AFTER_RISE + "कर"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AFTER_WORDS), max_size=10), joiner, st.data())
def test_no_word_no_set_aside_after_the_value(ws, sep, data):
    for w in (U._AFTER_NOT, U._AFTER_FROM, U._AFTER_RISE, U._AFTER_FALL):
        assert w in U._SET_ASIDE_AFTER.pattern
    text = sep.join(ws)
    e = data.draw(st.integers(0, len(text)))
    if not U._may_set_aside_after(text, e):
        assert U._SET_ASIDE_AFTER.match(text, e) is None
