"""Issue 15: a part's own place (:func:`asimtext.digest.stories._place_veto`). Reports of
one event say where it happened; two parts of a group whose leads, each mostly, name
places with none in common (at one level: cities, states, foreign countries), one of
them named by almost none of the other's leads, are two events, dated or not (three
airport canopies falling on three days in three cities). The rule is held on lead
places read from real sentences, then on the seventh event set, which it was read from
(the set is no longer blind for it: docs/digest.md)."""

from __future__ import annotations

from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest import scope
from asimtext.digest.lead_places import TOWN, different_places, lead_places
from asimtext.digest.stories import StoryParams, _place_veto
from asimtext.digest.text import lead_end

ROOT = Path(__file__).resolve().parent.parent
SEVENTH = ROOT / "tests" / "data" / "events-seventh" / "events.jsonl"


def _lead(text):
    return lead_places(text, lead_end(text), scope.default_gazetteer())


def _veto(places, a, b, **kw):
    arr = np.arange(len(places), dtype=np.int64)
    veto = _place_veto(arr, lambda rows: [places[int(x)] for x in rows], StoryParams(**kw))
    assert veto is not None
    return veto(a, b)


def test_a_lead_names_its_city_as_a_town_and_no_pair_is_compared_on_it():
    jbp = _lead("Canopy collapses at Dumna Airport in Jabalpur due to rain, car crushed.")
    hi = _lead("पहली बारिश में ही गिरा जबलपुर के डुमना एयरपोर्ट का छज्जा, बाल-बाल बचे अधिकारी।")
    assert TOWN + "jabalpur" in jbp and TOWN + "jabalpur" in hi
    lko = _lead("लखनऊ में भाजपा की रैली, मुख्यमंत्री ने किया संबोधित।")
    # A city is no pairwise evidence (a report names the cities its readers know).
    assert not different_places([jbp, lko]).any()
    # A dateline is where a report was filed, not a place of its event.
    assert not any(p.startswith(TOWN) for p in _lead("लखनऊ: मुख्यमंत्री ने बैठक की।"))


JBP = frozenset({TOWN + "jabalpur"})
DEL = frozenset({"ut:dl"})
RJT = frozenset({"state:gj", "ut:dl"})
UP = frozenset({"state:up"})
KNP = frozenset({TOWN + "kanpur"})


def test_parts_whose_own_places_share_none_are_two_events():
    places = [JBP] * 3 + [DEL] * 3
    assert _veto(places, [0, 1, 2], [3, 4, 5])
    # (A union territory is a city too: Jabalpur against Delhi at the city level.)
    # Either part's place named by almost none of the other's leads (fewer than 1 in 4)
    # is enough: 1 of 5 is almost none, 1 of 4 each way is not.
    places = [JBP] * 3 + [DEL] * 4 + [DEL | JBP]
    assert _veto(places, [0, 1, 2], [3, 4, 5, 6, 7])
    places = [JBP, JBP, JBP, JBP | DEL] + [DEL, DEL, DEL, DEL | JBP]
    assert not _veto(places, [0, 1, 2, 3], [4, 5, 6, 7])


def test_parts_sharing_an_own_place_or_naming_other_levels_stay_one():
    # Rajkot's reports name Delhi's collapse of the day before in most leads: Delhi is
    # an own place of both parts; the rule cannot tell them, and does not part them.
    assert not _veto([RJT] * 3 + [DEL] * 3, [0, 1, 2], [3, 4, 5])
    # One part names the state, the other the city in it: levels apart, no evidence.
    assert not _veto([UP] * 3 + [KNP] * 3, [0, 1, 2], [3, 4, 5])
    # A part without an own place (most of its leads name none) says nothing.
    assert not _veto([JBP] * 3 + [DEL, frozenset(), frozenset()], [0, 1, 2], [3, 4, 5])


def test_small_parts_and_the_switch():
    places = [JBP] * 3 + [DEL] * 3
    assert not _veto(places, [0, 1], [3, 4, 5])  # fewer than outvoted_by members
    arr = np.arange(6, dtype=np.int64)
    assert _place_veto(arr, lambda rows: [places[int(x)] for x in rows],
                       StoryParams(own_place_few=0.0)) is None
    assert _place_veto(arr, None, StoryParams()) is None


def _score(path, text_only=False):
    if not path.exists():
        pytest.skip(f"{path.parent.name} is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(path)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_seventh_set_the_jabalpur_canopy_is_its_own_story():
    """Precision 0.622 -> 0.764 (recall 0.817 unchanged); text only 0.567 -> 0.741. The
    Jabalpur reports no longer share a story with Delhi's or Rajkot's; Delhi's and
    Rajkot's still do (see the test above)."""
    if not SEVENTH.exists():
        pytest.skip("events-seventh is not here")
    from events_score import digest_inputs, load_records

    recs = load_records(SEVENTH)
    dg = asimtext.digest(digest_inputs(recs))
    story = {a["id"]: a["story"] for a in dg.articles}
    jbp = {story[r["id"]] for r in recs if "jabalpur" in r["event"]}
    other = {story[r["id"]] for r in recs if "canopy" in r["event"] and "jabalpur" not in r["event"]}
    assert not (jbp & other)
    res = _score(SEVENTH)
    assert res["pairwise_precision"] >= 0.75 and res["pairwise_recall"] >= 0.81, res


# -- a toll rising over the days of one event ------------------------------------------------


def _own(**measures):
    return {m: np.log(np.asarray(v, dtype=np.float64)) for m, v in measures.items()}


def test_a_toll_rising_from_the_earlier_part_to_the_later_is_one_event():
    from asimtext.digest.stories import _rising_toll

    day = 738000.0
    early, late = _own(deaths=[35]), _own(deaths=[135])
    assert _rising_toll(early, late, day, day + 1) and _rising_toll(late, early, day + 1, day)
    # Falling with time, or parts starting the same day: two events' figures.
    assert not _rising_toll(late, early, day, day + 1)
    assert not _rising_toll(early, late, day, day)
    # Too far apart, or a part with no dated member: no order to read a rise from.
    assert not _rising_toll(early, late, day, day + 10)
    assert not _rising_toll(early, late, float("nan"), day)
    # Only tolls rise: seats, points, rates of two events stay parted.
    assert not _rising_toll(_own(seats=[8]), _own(seats=[62]), day, day + 1)
    assert not _rising_toll(_own(deaths=[35], seats=[8]), _own(deaths=[135], seats=[62]),
                            day, day + 1)
    assert _rising_toll(_own(deaths=[35], injured=[30]), _own(deaths=[135], injured=[100]),
                        day, day + 2)


COVERAGE_THIRD = ROOT / "tests" / "data" / "coverage-third" / "coverage.jsonl"


def test_the_morbi_reports_of_the_day_and_of_the_days_after_are_one_story():
    """tests/data/coverage-third: the Morbi bridge's reports of 30 October 2022 (35, 60
    dead) and of the days after (132-141) were two stories, parted by their own
    figures; the toll rose. The Hathras and Silkyara reports share no story with them."""
    if not COVERAGE_THIRD.exists():
        pytest.skip("coverage-third is not here")
    import json

    recs = [json.loads(line) for line in COVERAGE_THIRD.open(encoding="utf-8")]
    dg = asimtext.digest(recs)
    story = {a["id"]: a["story"] for a in dg.articles}
    event = {r["id"]: r["id"].split("-")[1] for r in recs}
    morbi = {story[i] for i, e in event.items() if e == "morbi"}
    others = {story[i] for i, e in event.items() if e != "morbi"}
    assert len(morbi) == 1 and not (morbi & others)
