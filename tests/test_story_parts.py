"""Issue 15: stories parted by their reports' own places and held together by a rising
toll (:mod:`asimtext.digest.stories`).

Reports of one event say where it happened: a story whose members' leads tell, at one
level (cities, states, foreign countries), two places each named by several members
that name no other, almost never both, holds two events, dated or not (three airport
canopies falling on three days in three cities): :func:`~asimtext.digest.stories._split_places`.
The places of an earlier event a lead links its own to (``a day after Delhi's``, ``This
comes after a roof collapsed at ...``, ``... के एक दिन बाद``) and datelines after a
byline's bar are not the report's (:func:`asimtext.digest.lead_places.lead_places`).
The rules are held on lead places read from real sentences, then on the seventh event
set, which they were read from (the set is no longer blind for them: docs/digest.md)."""

from __future__ import annotations

from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest import scope
from asimtext.digest.lead_places import TOWN, different_places, lead_places
from asimtext.digest.stories import StoryParams, _split_places
from asimtext.digest.text import lead_end

ROOT = Path(__file__).resolve().parent.parent
SEVENTH = ROOT / "tests" / "data" / "events-seventh" / "events.jsonl"


def _lead(text):
    return frozenset(p for p in lead_places(text, lead_end(text), scope.default_gazetteer())
                     if not p.startswith("mention:"))


def test_a_lead_names_its_city_as_a_town_and_no_pair_is_compared_on_it():
    jbp = _lead("Canopy collapses at Dumna Airport in Jabalpur due to rain, car crushed.")
    hi = _lead("पहली बारिश में ही गिरा जबलपुर के डुमना एयरपोर्ट का छज्जा, बाल-बाल बचे अधिकारी।")
    assert TOWN + "jabalpur" in jbp and TOWN + "jabalpur" in hi
    lko = _lead("लखनऊ में भाजपा की रैली, मुख्यमंत्री ने किया संबोधित।")
    # A city is no pairwise evidence (a report names the cities its readers know).
    assert not different_places([jbp, lko]).any()
    # A dateline is where a report was filed, not a place of its event; after a
    # byline's bar too.
    assert not any(p.startswith(TOWN) for p in _lead("लखनऊ: मुख्यमंत्री ने बैठक की।"))
    assert _lead("जनवाणी ब्यूरो | नई दिल्ली: आज शनिवार को गुजरात के राजकोट एयरपोर्ट पर "
                 "छतरी गिर गई है।") == {"state:gj"}


@pytest.mark.parametrize("text", [
    # (tests/data/events-seventh, shortened) the places of the event linked to
    "Rajkot airport canopy collapses a day after Delhi Terminal-1 mishap in Gujarat.",
    "The canopy outside Rajkot airport terminal in Gujarat collapsed amid heavy rain. "
    "This follows a similar incident at Delhi airport's Terminal 1.",
    "A portion of the roof at Rajkot airport in Gujarat collapsed on Saturday. This comes "
    "after a roof collapsed at Delhi airport, causing one death.",
    "नई दिल्ली के इंदिरा गांधी अंतर्राष्ट्रीय हवाई अड्डे के टर्मिनल-1 की दुर्घटना के एक दिन बाद "
    "शनिवार को गुजरात के राजकोट हवाई अड्डे पर छतरी गिर गई।",
    "गुजरात के राजकोट एयरपोर्ट पर छतरी गिर गई। इससे पहले दिल्ली एयरपोर्ट पर छत गिरी थी।",
])
def test_the_place_of_an_earlier_event_a_lead_links_to_is_not_its_own(text):
    assert _lead(text) == {"state:gj"}


def test_a_place_is_still_read_where_no_earlier_event_is_linked():
    assert "ut:dl" in _lead("Delhi airport's Terminal 1 roof collapsed a day after heavy rain.")
    assert "ut:dl" in _lead("दिल्ली एयरपोर्ट पर टर्मिनल-1 की छत गिरी; 1 की मौत, 5 घायल।")


JBP = frozenset({TOWN + "jabalpur"})
DEL = frozenset({"ut:dl"})
GJ = frozenset({"state:gj"})
UP = frozenset({"state:up"})
KNP = frozenset({TOWN + "kanpur"})
NONE = frozenset()


def _split(places, rel=None, **kw):
    n = len(places)
    rel = np.ones((n, n)) if rel is None else rel
    arr = np.arange(n, dtype=np.int64)
    got = _split_places([list(range(n))], rel, arr,
                        lambda rows: [places[int(x)] for x in rows], StoryParams(**kw))
    return sorted(got)


def test_a_story_of_reports_naming_other_places_splits_at_each_level():
    # Three cities' events: Jabalpur and Delhi part at the city level (a union
    # territory is a city too), then Delhi and Gujarat at the state level.
    # (Gujarat's reports, naming no city, go with Delhi's, the closer.)
    places = [JBP] * 3 + [DEL] * 3 + [GJ] * 3
    rel = np.ones((9, 9))
    rel[6:, 3:6] = rel[3:6, 6:] = 2.0
    assert _split(places, rel) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    # A city and a state are not compared (no map of which state a city is in): with
    # Gujarat's reports closer to Jabalpur's, those two stay one story.
    rel = np.ones((9, 9))
    rel[6:, :3] = rel[:3, 6:] = 2.0
    assert _split(places, rel) == [[0, 1, 2, 6, 7, 8], [3, 4, 5]]
    # Members naming none go with the part they are closest to.
    rel = np.ones((7, 7))
    rel[6, :3] = rel[:3, 6] = 3.0
    assert _split([JBP] * 3 + [DEL] * 3 + [NONE], rel) == [[0, 1, 2, 6], [3, 4, 5]]


def test_a_story_whose_places_meet_or_sit_at_other_levels_stays_one():
    # Members naming both places: the parts are linked (4 of 3 and 3: not almost none).
    assert len(_split([JBP] * 3 + [DEL] * 3 + [JBP | DEL] * 4)) == 1
    # ... one member naming both, of parts of 4: fewer than a quarter of 4 is 0.
    assert len(_split([JBP] * 4 + [DEL] * 4 + [JBP | DEL])) == 1
    # One part names the state, the other the city in it: levels apart, no evidence.
    assert len(_split([UP] * 3 + [KNP] * 3)) == 1
    # A place named by fewer than `outvoted_by` members does not make a part.
    assert len(_split([JBP] * 5 + [DEL] * 2)) == 1
    assert len(_split([JBP] * 3 + [DEL] * 3, own_place_few=0.0)) == 1


def _score(path, text_only=False):
    if not path.exists():
        pytest.skip(f"{path.parent.name} is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(path)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_seventh_set_the_three_canopies_are_three_stories():
    """Precision 0.622 -> 0.901 (recall 0.817 unchanged); text only 0.567 -> 0.741. The
    canopies of Jabalpur, Delhi and Rajkot share no story."""
    if not SEVENTH.exists():
        pytest.skip("events-seventh is not here")
    from events_score import digest_inputs, load_records

    recs = load_records(SEVENTH)
    dg = asimtext.digest(digest_inputs(recs))
    story = {a["id"]: a["story"] for a in dg.articles}
    where = {}
    for r in recs:
        if r["event"].startswith("canopy"):
            where.setdefault(r["event"], set()).add(story[r["id"]])
    assert len(where) == 3
    for e, ss in where.items():
        for f, tt in where.items():
            assert e == f or not (ss & tt), (e, f)
    res = _score(SEVENTH)
    assert res["pairwise_precision"] >= 0.88 and res["pairwise_recall"] >= 0.81, res


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


def test_the_split_is_the_same_without_the_prepared_names():
    """The split reads lead places from the names the prepare stage found; a digest
    whose texts were not prepared (the finder run on each lead) gives the same stories."""
    if not SEVENTH.exists():
        pytest.skip("events-seventh is not here")
    from asimtext.digest import default_backend
    from events_score import digest_inputs, load_records

    inputs = digest_inputs(load_records(SEVENTH))
    be = default_backend()
    a = asimtext.digest(inputs, backend=be).to_json()
    b = asimtext.digest(inputs, backend=be.replace(prepare_batch=None)).to_json()
    assert a == b


def test_members_left_by_the_parts_stay_together_where_closer_to_each_other():
    # Two states' reports (3 each) in a story of the country's counts (4 naming none):
    # the count reports stay one story, not dealt out to the states' parts.
    places = [JBP] * 3 + [DEL] * 3 + [NONE] * 4
    rel = np.full((10, 10), 0.5)
    rel[6:, 6:] = 2.0
    assert _split(places, rel) == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
