"""Issue 15, the third event set (tests/data/events-third/): the rules read from its
failures (a rate's decisions told by their moves, levels and sizes; a day and month
without a year; a relative date beside the full date it means; short reports across
scripts), each on text written for the test, then the set's figures (skipped when
the set is absent). The set is no longer blind: see its README."""

from __future__ import annotations

from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext import Article
from asimtext.digest.moves import (
    colliding_moves,
    different_levels,
    different_moves,
    lead_levels,
    lead_moves,
    lead_sizes,
)
from asimtext.digest.stories import StoryParams, _edges, _short, no_pairs, same_story
from asimtext.digest.when import event_days
from asimtext.digest.yearless import day_of_year, far_in_year, opening_day_of_year

ROOT = Path(__file__).resolve().parent.parent
THIRD = ROOT / "tests" / "data" / "events-third" / "events.jsonl"


def _read(text, what):
    return what(text, asimtext.extract(text))


@pytest.mark.parametrize("text, moves", [
    ("The RBI cut the repo rate by 25 basis points from 6.5 per cent to 6.25 per cent.",
     {"6.5>6.25"}),
    ("The repo rate was cut to 5.50% from 6% on Friday.", {"6>5.5"}),
    ("रेपो रेट 6.5 प्रतिशत से घटकर 6.25 प्रतिशत हो गया।", {"6.5>6.25"}),
    ("अभी रेपो रेट 6.25 फीसदी था जो घटाकर अब 6 फीसदी हो जाएगा।", {"6.25>6"}),
    # A cut BY 0.25 to 6.25 is no move from 0.25: the verb says down, the values up.
    ("समिति ने रेपो रेट को 0.25 प्रतिशत से घटाकर 6.25 प्रतिशत करने का निर्णय किया।", set()),
    # Two percents of two clauses, or only listed, are no move.
    ("Inflation was 4%. Growth was 6.5%.", set()),
    ("The bank rate is 6.5% and the SDF rate 6%.", set()),
])
def test_moves_are_two_percents_joined_by_a_word_of_moving(text, moves):
    assert set(_read(text, lead_moves)) == moves


def test_a_move_recalled_after_the_lead_is_not_the_report_s():
    lead = "रिजर्व बैंक ने रेपो दर में कटौती का ऐलान किया। " * 6
    recalled = "फरवरी में रेपो दर 6.50 प्रतिशत से 6.25 प्रतिशत की गई।"
    assert _read(lead + recalled, lead_moves) == frozenset()
    assert _read(recalled, lead_moves) == {"6.5>6.25"}


@pytest.mark.parametrize("text, levels, sizes", [
    ("RBI MPC cuts repo rate by 0.25% to 6.25%.", {6.25}, {0.25}),
    ("आरबीआई ने ब्याज दर में कटौती करते हुए इसे 5.25% कर दिया।", {5.25}, set()),
    ("इस कटौती के बाद रेपो रेट 5.40 फीसदी पर आ गया है।", {5.4}, set()),
    ("रेपो रेट में 0.25 प्रतिशत की कटौती की है।", set(), {0.25}),
    ("आरबीआई ने पॉलिसी रेपो रेट को 0.40 फीसद घटा दिया है।", set(), {0.4}),
    ("The repo rate was unchanged at 6.5 per cent.", set(), set()),
])
def test_levels_and_sizes_a_decision_states(text, levels, sizes):
    assert set(_read(text, lead_levels)) == levels
    assert set(_read(text, lead_sizes)) == sizes


def test_moves_that_meet_end_to_start_collide_others_only_differ():
    moves = [frozenset({"6.5>6.25"}), frozenset({"6.25>6"}), frozenset({"6.5>6.25", "4>3"}),
             frozenset({"4>3"}), frozenset()]
    diff = different_moves(moves)
    coll = colliding_moves(moves)
    assert diff[0, 1] and coll[0, 1]          # two decisions of one rate
    assert not diff[0, 2] and not coll[0, 2]  # one move in common: one decision
    assert diff[0, 3] and not coll[0, 3]      # the repo rate and the reserve ratio
    assert not diff[0, 4] and not diff[4, 4]  # a text stating no move says nothing
    assert (diff == diff.T).all() and (coll <= diff).all()
    lv = different_levels([frozenset({6.25}), frozenset({6.0}), frozenset({6.0, 3.0}),
                           frozenset()])
    assert lv[0, 1] and lv[0, 2] and not lv[1, 2] and not lv[0, 3]


def test_a_day_and_month_without_a_year_and_datelines():
    doy, dateline = _read("नई दिल्ली, जून 6 -- भारतीय रिजर्व बैंक ने शुक्रवार को कटौती की।",
                          opening_day_of_year)
    assert doy == day_of_year(float(__import__("datetime").date(2025, 6, 6).toordinal()))
    assert dateline
    doy2, dateline2 = _read("बता दें कि 2 अप्रैल से जारी बैठक आज खत्म हुई।", opening_day_of_year)
    assert doy2 == doy - 65 and not dateline2  # 2 April: 65 days before 6 June
    # A weekday beside the day and month names the event's day: as sure as a dateline.
    assert _read("The bridge collapsed on Sunday (October 30), officials said.",
                 opening_day_of_year)[1]
    assert not _read("The mission was launched on 22 July. Contact was lost on landing.",
                     opening_day_of_year)[1]
    # A full date opens: no yearless day (the window has the full date).
    assert np.isnan(_read("On 6 June 2025 the RBI cut rates.", opening_day_of_year)[0])
    far = far_in_year(np.array([[158.0], [1.0]]), np.array([[38.0, 160.0, 364.0]]), 7.0)
    assert far.tolist() == [[True, False, True], [True, True, False]]  # round the year


def test_a_relative_date_does_not_open_the_text_s_dates():
    text = "सारण जिले के भुआलपुर में कल 11 अगस्त 2022 की शाम जहरीली शराब से पांच लोगों की मौत हो गई।"
    assert [d.isoformat() for d in event_days(asimtext.extract(text))] == ["2022-08-11"]


def test_short_reports_link_across_scripts_on_names_and_figures():
    p = StoryParams()
    s = no_pairs()
    s.i, s.j = np.array([0]), np.array([1])
    s.cos, s.bridge_cos = np.array([0.3]), np.array([0.4])
    s.bridge_shared, s.bridge_evidence = np.array([2]), np.array([4.0])
    s.strong_evidence = np.array([7.0])  # two bridge words, plus a city and a toll
    lc = np.array([1, 2], dtype=np.int8)
    days = np.full((2, 2), np.nan)
    assert not _edges(s, lc, days, p, set())[0]
    assert _edges(s, lc, days, p, set(), _short([40, 600], p))[0]
    assert not _edges(s, lc, days, p, set(), _short([400, 600], p))[0]
    s.strong_evidence = np.array([5.0])
    assert not _edges(s, lc, days, p, set(), _short([40, 600], p))[0]
    # The scalar pair rule says the same.
    assert same_story(0.3, 0.4, 2, "hi", "en", p, 4.0, 7.0, short=True)
    assert not same_story(0.3, 0.4, 2, "hi", "en", p, 4.0, 7.0)
    assert not same_story(0.3, 0.4, 2, "hi", "en", p, 4.0, 5.0, short=True)
    assert not same_story(0.3, 0.4, 1, "hi", "en", p, 4.0, 7.0, short=True)


def test_rate_decisions_of_one_bank_stay_apart():
    arts = [
        Article("a", "The Reserve Bank cut the repo rate by 25 basis points from 6.5 per "
            "cent to 6.25 per cent on Friday, its first cut in five years. Loans and "
            "EMIs get cheaper, the governor said after the monetary policy meeting.",
            published="2025-02-07"),
        Article("b", "The Reserve Bank cut the repo rate by 25 basis points to 6.25 per "
            "cent from 6.5 per cent, the governor said after the monetary policy "
            "meeting. Loans and EMIs get cheaper.", published="2025-02-07"),
        Article("c", "The Reserve Bank cut the repo rate by 25 basis points from 6.25 per "
            "cent to 6 per cent, the governor said after the monetary policy meeting. "
            "Loans and EMIs get cheaper."),
    ]
    d = asimtext.digest(arts)
    story = {a["id"]: a["story"] for a in d.articles}
    assert story["a"] == story["b"] != story["c"]


# -- the set's figures -----------------------------------------------------------------------


def _third(text_only):
    if not THIRD.exists():
        pytest.skip("tests/data/events-third is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(THIRD)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_third_event_set_after_its_rules():
    """All fields: precision 0.973, recall 0.923, 2 mixed stories (blind first read:
    0.688, 0.794, 4 mixed, one of 14 rate reports of seven decisions; 0.949, 0.893, 3
    before the places below the district, tests/test_digest_fourth.py, parted the two
    Saran hooch events). What still mixes: a report stating no level, move or size of
    its rate decision, and no time; two April cuts six years apart with the same move."""
    res = _third(False)
    assert res["pairwise_precision"] >= 0.97, res
    assert res["pairwise_recall"] >= 0.92, res
    assert res["mixed_stories"] <= 2, res
    assert max(m["size"] for m in res["mixed"]) <= 7, res


def test_third_event_set_after_its_rules_from_the_text_alone():
    """Id and text only: precision 0.898, recall 0.875, 4 mixed (blind: 0.633, 0.838,
    4 mixed, one of 16; 0.882, 0.904 before the places below the district: the two
    undated Hindi Mashrakh reports, which name Isuapur, leave the Marhaura reports and
    the English Mashrakh ones, undated here, stay with them)."""
    res = _third(True)
    assert res["pairwise_precision"] >= 0.89, res
    assert res["pairwise_recall"] >= 0.87, res
    assert res["mixed_stories"] <= 4, res
    assert max(m["size"] for m in res["mixed"]) <= 9, res
