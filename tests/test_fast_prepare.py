"""The shortcuts of the prepare and story stages at scale (issue 16) give what the
rules as first written give: each test holds that first writing and compares on
generated spans (every kind, values of each kind's shapes, header spans) or texts."""

from __future__ import annotations

from collections import Counter
from typing import Any, List, Optional, Tuple

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import asimtext
from asimtext import Article, Span
from asimtext.article import parse_date_prefix
from asimtext.digest import default_backend, scope
from asimtext.digest import facts as F
from asimtext.digest import numbered as N
from asimtext.digest import pipeline as P
from asimtext.digest import stories as S
from asimtext.digest import when as W
from asimtext.digest.meta import DATE_LABELS, _label_matches, _regions, is_full_date
from asimtext.digest.records import Doc

# -- the rules as first written --------------------------------------------------------


def _reference_story_facts(spans: List[Any]) -> Counter:
    bag: Counter = Counter()
    for s in spans:
        f = F.fact_of_span(s.kind, s.value, None)
        if f is not None and (f[0] != "number" or P._big_number(f[1])):
            bag["#" + f[1]] += 1
    return bag


def _reference_event_days(spans: List[Any]) -> List[Any]:
    dated = sorted((s for s in spans if s.kind in ("date", "datetime", "year")
                    and not W._relative(str(s.value))),
                   key=lambda s: (s.start, s.end))
    weekdays = {str(s.value).lower() for s in spans if s.kind == "weekday"}
    month_days: dict = {}
    for s in dated:
        md = W._month_day(str(s.value)) if s.kind != "year" else None
        if md is not None:
            month_days[md] = month_days.get(md, 0) + 1
    out = []
    for k, s in enumerate(dated):
        if s.kind == "year":
            continue
        d = W._full_date(str(s.value))
        if d is None:
            continue
        if (k == 0 or W._WEEKDAYS[d.weekday()] in weekdays
                or month_days.get(d.isoformat()[5:10], 0) >= 2):
            out.append(d)
    return out


def _reference_interval(spans: List[Any]) -> Tuple[float, float]:
    days = _reference_event_days(spans)
    if not days:
        return float("nan"), float("nan")
    return float(min(days).toordinal()), float(max(days).toordinal())


def _reference_needs_reference(spans: List[Any]) -> bool:
    return any(s.kind == "weekday" or (s.kind == "date" and s.value.startswith("--"))
               for s in spans)


def _reference_infer_published(text: str, spans: List[Any]) -> Optional[Tuple[str, Any]]:
    from bisect import bisect_left

    starts = [s.start for s in spans]
    found = {}
    for m in [m for lo, hi in _regions(text) for m in _label_matches(text, lo, hi)]:
        label = m.lastgroup
        if label in found:
            continue
        line_end = text.find("\n", m.end())
        limit = min(m.end() + 40, line_end if line_end >= 0 else len(text))
        i = bisect_left(starts, m.end())
        while i < len(spans) and spans[i].start < limit:
            sp = spans[i]
            if sp.kind in ("date", "datetime") and is_full_date(sp.value):
                found[label] = (sp.value, sp)
                break
            i += 1
    for label, _ in DATE_LABELS:
        if label in found:
            return found[label]
    return None


# -- generated spans -------------------------------------------------------------------

VALUES = {
    "date": ["2022-01-08", "2022-01-10", "--01-08", "--01-10", "2022-01", "D-1", "D+0",
             "2022-02-30", "1850-03-01", "2022-01-08T10:00"],
    "datetime": ["2022-01-08T10:30", "2022-01-10T09:00", "D-1T10:00", "--01-08T10:00"],
    "year": ["2022", "2021", "1999"],
    "weekday": ["saturday", "Monday", "sunday", "FRIDAY"],
    "number": ["5", "10", "9.99", "-12", "1200", "1e3", "abc", "nan", "inf", "0", "1_000"],
    "money": ["INR 500", "USD 3.5"], "percent": ["12", "3.5"], "time": ["10:30"],
    "duration": ["P3D", "PT2H"], "ordinal": ["3", "55"],
}
KINDS = sorted(VALUES)


@st.composite
def spans_strategy(draw: Any) -> List[Any]:
    out = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.sampled_from(KINDS))
        start = draw(st.integers(0, 60))
        end = start + draw(st.integers(0, 3))
        out.append(Span(start, end, "x" * (end - start), kind, draw(st.sampled_from(VALUES[kind]))))
    if draw(st.booleans()):  # the text's order, as the prepared batch gives them
        out.sort(key=lambda s: (s.start, s.end))
    return out


@settings(max_examples=500, deadline=None)
@given(spans_strategy())
def test_one_pass_span_features_are_the_rules(spans):
    keys, dated, weekdays, needs_ref = P._span_features(spans)
    assert list(Counter(keys).items()) == list(_reference_story_facts(spans).items())
    got = W.interval_of_days(W.event_days_of(dated, weekdays))
    assert str(got) == str(_reference_interval(spans))  # (str: NaN == NaN)
    assert W.event_days(spans) == _reference_event_days(spans)
    assert str(W.event_interval(None, spans)) == str(_reference_interval(spans))
    assert P._mask_of(weekdays) == P._weekday_mask(spans)
    assert needs_ref == _reference_needs_reference(spans)


class _Finder:
    def __call__(self, text: str) -> List[Tuple[int, int, str]]:
        return [(0, 1, "party:bjp"), (2, 3, "country:in"), (4, 5, "party:bjp")]


@settings(max_examples=200, deadline=None)
@given(spans_strategy(), st.one_of(st.none(), st.sampled_from([(0, 1), (5, 7), (20, 21)])))
def test_grouping_features_and_reference_date_are_the_rules(spans, header):
    d = Doc(0, 0, Article("a", "some text"))
    d.spans, d.header = spans, header
    facts, days, mask = P.grouping_features(d, _Finder())
    want = _reference_story_facts(d.fact_spans())
    for entry in ("party:bjp", "country:in", "party:bjp"):
        want["#@" + entry] += 1
    assert list(facts.items()) == list(want.items())
    assert str(days) == str(_reference_interval(d.fact_spans()))
    assert mask == P._weekday_mask(d.fact_spans())
    assert list(P.story_facts(d).items()) == list(_reference_story_facts(d.fact_spans()).items())
    # prepare's reference-date test over the facts' spans and the header's
    _k, _d, _w, needs = P._span_features(d.fact_spans())
    if header is not None:
        needs = needs or P._needs_reference([s for s in spans if (s.start, s.end) == header])
    assert needs == _reference_needs_reference(spans)


HEADERS = ["", "Published : Jan 11, 2022, 11:27 AM IST\n", "date 2022-01-10\n",
           "Updated Date: 12 January 2022\n", "नई दिल्ली, 8 जनवरी 2022\n"]
BODIES = ["शनिवार को 14 लोगों की मौत हुई, 8 जनवरी को फिर. ", "On Monday, 10 January 2022 the court "
          "heard 1,200 petitions. ", "Patna: 5 died on 27 January 2018, a Saturday. ",
          "No date here, only words. ", "कल 11 अगस्त 2022 की शाम 2021 में 12% बढ़ा. "]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(HEADERS), st.lists(st.sampled_from(BODIES), min_size=0, max_size=5))
def test_prepare_without_spans_reads_what_the_rules_read(header, body):
    """prepare(keep_spans=False), which reads every span once, keeps what the rules
    read from the spans it drops, and infers the same publication date."""
    text = header + "".join(body)
    backend = default_backend()
    kept = [Doc(0, 0, Article("a", text))]
    dropped = [Doc(0, 0, Article("a", text))]
    P.prepare(kept, backend)
    P.prepare(dropped, backend, keep_spans=False)
    k, d = kept[0], dropped[0]
    assert d.spans is None
    assert (d.header, d.published, d.needs_ref, d.values) == (
        k.header, k.published, _reference_needs_reference(k.spans), len(k.fact_spans()))
    hdr = _reference_infer_published(text, asimtext.extract(text))
    assert (hdr[0] if hdr else None) == (k.published or None)
    finder = scope.default_gazetteer()
    want = _reference_story_facts(k.fact_spans())
    for _s, _e, entry in finder(text):
        want["#@" + entry] += 1
    assert list(d.facts.items()) == list(want.items())
    assert str(d.text_days) == str(_reference_interval(k.fact_spans()))
    assert d.weekdays == P._weekday_mask(k.fact_spans())
    p = parse_date_prefix(k.published) if k.published else None
    assert p is None or k.published_origin == "inferred"


# -- the pair rule's window ------------------------------------------------------------


def _reference_edges(scores: Any, lc: Any, days: Any, params: Any, adjacent: set,
                     short: Any = None) -> Any:
    la, lb = lc[scores.i], lc[scores.j]
    cross = (la > 0) & (la < 3) & (lb > 0) & (lb < 3) & (la != lb)
    bridge_ok = ((scores.bridge_cos >= params.cross_lang_threshold)
                 & (scores.bridge_shared >= params.min_bridge_keys)
                 & (scores.bridge_evidence >= params.min_bridge_evidence))
    strong = scores.strong_evidence
    if short is not None and short.any():
        bridge_ok |= ((short[scores.i] | short[scores.j])
                      & (scores.bridge_cos >= params.cross_lang_threshold)
                      & (scores.bridge_shared >= params.short_bridge_keys)
                      & (strong >= params.min_bridge_evidence))
    strong_ok = (strong >= params.min_strong_evidence) | (scores.cos >= params.solo_cos)
    same_ok = scores.cos >= params.same_lang_threshold
    adj = np.asarray([(int(a), int(b)) in adjacent for a, b in zip(scores.i, scores.j)],
                     dtype=bool)
    adj_ok = adj & (scores.cos >= params.same_lang_threshold / 2)
    gap = W.gap_days(days[scores.i, 0], days[scores.i, 1], days[scores.j, 0], days[scores.j, 1])
    in_window = ~(gap > params.window_days)
    return in_window & ((~cross & ((same_ok & strong_ok) | adj_ok))
                        | ((cross | (la == 3) | (lb == 3)) & bridge_ok))


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 12), st.integers(0, 10_000), st.integers(0, 60))
def test_pair_rule_window_after_the_scores_is_the_rule(n, seed, n_pairs):
    rng = np.random.default_rng(seed)
    params = S.StoryParams()
    i = rng.integers(0, n - 1, n_pairs)
    j = np.minimum(i + 1 + rng.integers(0, n, n_pairs), n - 1)
    scores = S.PairScores(i.astype(np.int64), j.astype(np.int64), rng.random(n_pairs),
                          rng.random(n_pairs), rng.integers(0, 6, n_pairs).astype(float),
                          rng.random(n_pairs) * 4, rng.random(n_pairs) * 4)
    langs = [rng.choice(["hi", "en", "mixed", None]) for _ in range(n)]
    lo = np.where(rng.random(n) < 0.3, np.nan, rng.integers(738000, 738020, n).astype(float))
    days = np.stack([lo, lo + rng.integers(0, 3, n)], axis=1)
    adjacent = {(int(a), int(a) + 1) for a in rng.integers(0, n - 1, 3)}
    words = rng.integers(10, 400, n).astype(float)
    rule = S.pair_rule(langs, params, days, adjacent, words)
    want = _reference_edges(scores, S._lang_codes(langs), S._intervals(days, n), params,
                            adjacent, S._short(words, params))
    assert rule(scores).tolist() == want.tolist()


# -- numbered names ----------------------------------------------------------------------

NUMBERED_WORDS = ["Chandrayaan", "चंद्रयान", "COVID", "PK", "Budget", "बजट", "मार्च", "साल",
                  "World", "Cup", "ward", "top", "the", "और", "-", "‐", "‑", "–", "—", "3", "19",
                  "2025", "2024-25", "1999", "12345", "123456", "०३", "x", "55th", "56वीं",
                  "बैठक", "meeting", " ", "  ", ".", "\n", "MAR", "28"]


def _reference_found(text: str, key: Any, end: Optional[int], editions_end: Optional[int]
                     ) -> List[Tuple[int, str, str]]:
    out = []
    stop = len(text) if end is None else end
    for m in N._YEAR_AFTER.finditer(text, 0, stop if editions_end is None
                                    else min(stop, editions_end)):
        w = N._LAST_WORD.search(text, max(0, m.start() - N._REACH), m.start())
        if w is None or w.group(0).lower() in N._TIME_WORDS:
            continue
        k = key(w.group(0))
        if k:
            script = "deva" if "\u0900" <= w.group(0)[0] <= "\u097f" else "latn"
            out.append((m.end(), f"{k}-{int(m.group(1))}", script))
    for m in N._NUMBERED.finditer(text, 0, stop):
        if m.start() == 0 or not N.WORD_RE.match(text, m.start() - 1):
            continue
        w = N._LAST_WORD.search(text, max(0, m.start() - N._REACH), m.start())
        k = key(w.group(0)) if w else ""
        if not k:
            continue
        num = m.group(1)
        if len(num) == 4 and num[:2] in ("19", "20"):
            if w.group(0).lower() in N._TIME_WORDS:
                continue
            script = "deva" if "\u0900" <= w.group(0)[0] <= "\u097f" else "latn"
            out.append((m.end(), f"{k}-{int(num)}", script))
        else:
            out.append((m.end(), f"{k}-{int(num)}", ""))
    return out


def _key(word: str) -> str:
    return "" if word in ("x", "the") else word.lower()


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(NUMBERED_WORDS), max_size=40), st.sampled_from(["", " "]),
       st.integers(0, 300), st.one_of(st.none(), st.integers(0, 300)))
def test_numbered_names_found_at_hyphens_are_the_rule(words, sep, end, editions_end):
    text = sep.join(words)
    for stop in (None, min(end, len(text))):
        assert N._found(text, _key, stop, editions_end) == _reference_found(
            text, _key, stop, editions_end)
        s = len(text) if stop is None else stop
        assert [m.span() for m in N._numbered_matches(text, s)] == [
            m.span() for m in N._NUMBERED.finditer(text, 0, s)]


def _event_texts() -> List[str]:
    import json
    from pathlib import Path

    out = []
    for p in sorted(Path(__file__).parent.glob("data/events*/events.jsonl")):
        out += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return out


def test_shortcuts_agree_with_the_rules_on_real_reports():
    """The labelled event sets' reports (both scripts, real layouts): numbered names,
    and every span feature of the prepare stage."""
    from asimtext.digest.text import lead_end

    texts = _event_texts()
    assert len(texts) > 500
    for text, spans in zip(texts, asimtext.extract_batch(texts)):
        lead = lead_end(text)
        assert N._found(text, _key, None, lead) == _reference_found(text, _key, None, lead)
        keys, dated, weekdays, needs_ref = P._span_features(spans)
        assert list(Counter(keys).items()) == list(_reference_story_facts(spans).items())
        assert str(W.interval_of_days(W.event_days_of(dated, weekdays))) == str(
            _reference_interval(spans))
        assert needs_ref == _reference_needs_reference(spans)
        assert W.event_days(spans) == _reference_event_days(spans)


# -- the average link of small groups ----------------------------------------------------


def _numpy_link(rel, alpha, cannot, veto):
    saved = S._SMALL_LINK
    S._SMALL_LINK = 0  # (the numpy steps for every size)
    try:
        return S.average_link(rel, alpha, cannot, veto)
    finally:
        S._SMALL_LINK = saved


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 30), st.integers(0, 2**32 - 1), st.sampled_from([0.5, 1.0, 1.5]),
       st.booleans(), st.booleans(), st.booleans())
def test_small_average_link_is_the_numpy_steps(m, seed, alpha, coarse, with_cannot, with_veto):
    """The list steps of small groups merge as the numpy steps do, ties (coarse
    similarities: many equal means) and vetoes included."""
    rng = np.random.default_rng(seed)
    r = rng.random((m, m)) * 3
    if coarse:
        r = np.round(r * 2) / 2
    rel = (r + r.T) / 2
    np.fill_diagonal(rel, 0.0)
    cannot = None
    if with_cannot:
        c = rng.random((m, m)) < 0.15
        cannot = c | c.T
    calls_a: List[Any] = []
    calls_b: List[Any] = []

    def veto_of(calls):
        def veto(a, b):
            calls.append((list(a), list(b)))
            return (len(a) + len(b) + a[0]) % 4 == 0
        return veto if with_veto else None

    got = S.average_link(rel, alpha, cannot, veto_of(calls_a))
    want = _numpy_link(rel, alpha, cannot, veto_of(calls_b))
    assert got == want
    assert calls_a == calls_b


def test_small_average_link_leaves_non_finite_and_large_to_numpy():
    rel = np.array([[0.0, np.nan, 2.0], [np.nan, 0.0, 2.0], [2.0, 2.0, 0.0]])
    assert S.average_link(rel, 1.0) == _numpy_link(rel, 1.0, None, None)
    rel = np.array([[0.0, np.inf, 0.0], [np.inf, 0.0, -np.inf], [0.0, -np.inf, 0.0]])
    assert S.average_link(rel, 1.0) == _numpy_link(rel, 1.0, None, None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=200))
def test_shared_key_ranks_are_the_unique_inverse(cols):
    """_relative_similarity numbers the keys counted twice or more by a running count,
    as ``np.unique(..., return_inverse=True)`` of their indexes does."""
    cols = np.asarray(cols, dtype=np.int64)
    _u, inv, counts = np.unique(cols, return_inverse=True, return_counts=True)
    lcix = inv[counts[inv] >= 2]
    assert (np.cumsum(counts >= 2) - 1)[lcix].tolist() == np.unique(
        lcix, return_inverse=True)[1].tolist()


# -- the bags' fact keys ---------------------------------------------------------------


def _reference_fact_entries(facts, n_word_keys):
    fact_id: dict = {}
    frows, fcols, fcnt = [], [], []
    for d, fc in enumerate(facts):
        for k, c in fc.items():
            kid = fact_id.get(k)
            if kid is None:
                kid = fact_id[k] = n_word_keys + len(fact_id)
            frows.append(d)
            fcols.append(kid)
            fcnt.append(c)
    return frows, fcols, fcnt, list(fact_id)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["#1", "#2", "#@a", "#~x-1", "#2022"]),
                                st.integers(1, 4)), max_size=8))
def test_bag_fact_keys_are_the_loop_over_every_key(facts):
    from asimtext.digest.keys import Vocabulary

    v = Vocabulary(["नई दिल्ली में बारिश", "rain in Delhi"], default_backend().xscript_keys)
    facts = [Counter(f) for f in facts]
    bags = v.bags(facts)
    n = v.n_keys
    frows, fcols, fcnt, keys = _reference_fact_entries(facts, n)
    k = len(bags.rows) - len(frows)
    assert bags.rows[k:].tolist() == frows
    assert bags.cols[k:].tolist() == fcols
    assert bags.counts[k:].tolist() == [float(c) for c in fcnt]
    assert list(bags.keys[n:]) == keys


NAMES = ["chandrayaan-3", "chandrayaan-2", "@edition:deva:bajat-2025", "@edition:latn:budget-2024",
         "@ordinal:latn:meeting:55", "@ordinal:deva:बैठक:56", "@ordinal:latn::7", "covid-19"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 7), st.integers(0, 6), st.sets(st.sampled_from(NAMES)))
def test_numbered_rules_find_nothing_with_fewer_than_two_named(n, at, one):
    """_relative_similarity skips the numbered-name rules where fewer than two members
    name anything: each of them compares two members' names."""
    names = [frozenset()] * n
    names[at % n] = frozenset(one)
    for got in (N.different_numbers(names), N.different_editions(names),
                N.different_ordinals(names), N.different_ordinals(names, same_thing=True)):
        assert got.shape == (n, n) and not got.any()


def test_grouping_reads_kept_features_without_changing_them():
    """group_stories reads the features prepare kept (no copy) and leaves them as they
    were (a streamed digest groups again); the stories are those of kept spans."""
    import json
    from pathlib import Path

    from asimtext.digest.core import DigestParams

    lines = (Path(__file__).parent / "data/events/events.jsonl").read_text(
        encoding="utf-8").splitlines()
    arts = [json.loads(x) for x in lines if x.strip()]
    backend, params = default_backend(), DigestParams()
    kept = [Doc(i, i, Article(a["id"], a["text"])) for i, a in enumerate(arts)]
    dropped = [Doc(i, i, Article(a["id"], a["text"])) for i, a in enumerate(arts)]
    P.prepare(kept, backend)
    P.prepare(dropped, backend, keep_spans=False)
    before = [list(d.facts.items()) for d in dropped]
    a = P.group_stories(kept, backend, params)
    b = P.group_stories(dropped, backend, params)
    assert [list(d.facts.items()) for d in dropped] == before
    assert a.groups == b.groups
    assert any(len(g) > 2 for g in b.groups)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 30))
def test_selected_pairs_are_the_masked_pairs(seed, n):
    """score_pairs keeps the rows ``select`` marks (found once, taken from each field):
    every field of the kept pairs is that field under the mask."""
    from asimtext.digest.keys import Bags

    rng = np.random.default_rng(seed)
    keys = [f"k{t}" for t in range(8)] + ["#12", "#@party:bjp"]
    bags = [Counter({k: int(rng.integers(1, 3)) for k in rng.choice(keys, 4)}) for _ in range(n)]
    params = S.StoryParams()
    every = S.score_pairs(Bags.from_counters(bags, {"k1", "k2"}), params)
    mask_of = lambda sc: (sc.cos > 0.3) | (sc.i % 3 == 0)  # noqa: E731
    got = S.score_pairs(Bags.from_counters(bags, {"k1", "k2"}), params, select=mask_of)
    m = mask_of(every)
    for f in S._SCORE_FIELDS:
        assert getattr(got, f).tolist() == getattr(every, f)[m].tolist()
