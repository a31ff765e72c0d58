"""The digest's per-value stages stay bounded on pages dense with numbers (issue 17),
and the faster forms of their look-ups give what the plain forms gave."""

from __future__ import annotations

import json
import re
from pathlib import Path

import asimtext
import pytest
from asimtext.digest import measured as _measured
from asimtext.digest.records import CHARS_PER_VALUE, MIN_VALUES, values_cap
from asimtext.pure import measures as M
from hypothesis import given, settings
from hypothesis import strategies as st

_STOP_ALPHABET = "a1२५.।,;:()[]| \n\tx"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_STOP_ALPHABET, max_size=40), st.data())
def test_last_stop_is_the_last_one_a_scan_finds(text, data):
    lo = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(lo, len(text)))
    left = lo
    for m in M._STOP_RE.finditer(text, lo, start):
        left = m.end()
    last = M._LAST_STOP_RE.match(text, lo, start)
    assert (last.end() if last is not None else lo) == left


def _measure_word_by_scan(w: str):
    """The lexicon look-up as it was: every stem tried in turn, longest first."""
    k = M._MEASURE_OF.get(w)
    if k is not None:
        return k
    if not w.isascii():
        for stem, key in M._PREFIXES:
            if w.startswith(stem) and len(w) - len(stem) <= 2:
                return key
    elif w.endswith("s") and w[:-1] in M._MEASURE_OF:
        return M._MEASURE_OF[w[:-1]]
    return None


_STEMS = sorted(M._MEASURE_OF) + ["लोग", "abc"]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_STEMS), st.text(alphabet="ोंेाीsक", max_size=4),
       st.integers(0, 3))
def test_measure_word_by_length_matches_the_scan(stem, tail, cut):
    w = (stem + tail)[: max(1, len(stem + tail) - cut)]
    assert M._measure_word(w) == _measure_word_by_scan(w)


def test_neighbours_bound_the_clause_as_all_numbers_do():
    text = "कुल 12, 34 और 56 लोगों की मौत 78 घायल 90 मरीज 11 ठीक हुए"
    nums = [(m.start(), m.end()) for m in re.finditer(r"\d+", text)]
    starts = [s for s, _ in nums]
    for s, e in nums:
        every = [x for x in nums if x != (s, e)]
        near = _measured._neighbours(nums, starts, s, e, 0, len(text))
        assert M._clause_bounds(text, s, e, 0, len(text), near) == \
            M._clause_bounds(text, s, e, 0, len(text), every)
        assert M.find_measure(text, s, e, 0, len(text), near) == \
            M.find_measure(text, s, e, 0, len(text), every)


def test_values_cap():
    assert values_cap(0) == MIN_VALUES
    assert values_cap(3000) == MIN_VALUES
    assert values_cap(300_000) == 300_000 // CHARS_PER_VALUE


def test_a_page_denser_than_the_cap_is_counted_not_read():
    # A value every 7 characters: 30,000 characters state about 8,500 values,
    # the digest reads 1,500 of them and says how many it left.
    page = ("१२,३४५." * 5000)[:30_000]
    n_values = len([s for s in asimtext.extract(page)])
    assert n_values > values_cap(len(page))
    d = asimtext.digest([{"id": "a", "text": page, "source": "s"}])
    (entry,) = d.articles
    warn = [w for w in entry["warnings"] if w.startswith("values not read")]
    assert warn, entry["warnings"]
    unread = int(warn[0].split(":")[1].split(" of ")[0])
    assert unread == n_values - values_cap(len(page))
    assert all(len(f["mentions"]) <= values_cap(len(page)) for f in d.facts)
    compact = asimtext.digest([{"id": "a", "text": page, "source": "s"},
                               {"id": "b", "text": page, "source": "t"}], keep="stories")
    assert all(a["warnings"] == warn for a in compact.articles)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(Path(_measured.__file__).with_name("schema.json").read_text("utf-8"))
    for dg in (d, compact):
        jsonschema.validate(json.loads(dg.to_json()), schema)


def test_a_page_under_the_cap_has_no_warning():
    page = "पटना में शनिवार को 14 लोगों की मौत हुई और 25 घायल हुए। " * 20
    d = asimtext.digest([{"id": "a", "text": page, "source": "s"}])
    assert not [w for w in d.articles[0]["warnings"] if w.startswith("values not read")]
    compact = asimtext.digest([{"id": "a", "text": page, "source": "s"}], keep="stories")
    assert "warnings" not in compact.articles[0]


_SCOPE_ALPHABET = ["a", "1", "२", ".", "।", ";", "|", "\t", "\n", " ", "while", "whereas",
                   "जबकि", "वहीं", "लेकिन", "but", "BUT", "While", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SCOPE_ALPHABET), max_size=20), st.data())
def test_scope_last_stop_and_contrast_are_the_last_a_scan_finds(parts, data):
    from asimtext.digest import scope as S

    text = "".join(parts)
    lo = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(lo, len(text)))
    for every, last in ((S._STOP, S._LAST_STOP), (S._CONTRAST, S._LAST_CONTRAST)):
        want = lo
        for m in every.finditer(text, lo, start):
            want = m.end()
        got = last.match(text, lo, start)
        assert (got.end() if got is not None else lo) == want


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003\x1c\x85ab", max_size=30))
def test_collapse_space_is_the_regex(text):
    from asimtext.digest.text import _SPACE, collapse_space

    assert collapse_space(text) == _SPACE.sub(" ", text)
