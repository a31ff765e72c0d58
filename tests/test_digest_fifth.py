"""Issue 15, the fifth event set (tests/data/events-fifth/): the rules read from its
failures (figures stated to hundredths meet only within their last digit; parts with
undated members and their own figures never merge, dated or not), on real sentences of
the set, then the set's figures (skipped when the set is absent). The set
is no longer blind: see docs/digest.md."""

from __future__ import annotations

import math
from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest.figures import (
    CLOSE,
    _close,
    figures_part,
    lead_figures,
    meeting_figures,
    outvoted,
    own_figures,
    unmet,
)

ROOT = Path(__file__).resolve().parent.parent
FIFTH = ROOT / "tests" / "data" / "events-fifth" / "events.jsonl"


def _figs(text):
    (spans,) = asimtext.extract_batch([text])
    return lead_figures(text, spans)


# tests/data/events-fifth: en-neeraj21-01, hi-neeraj21-01, hi-neerajwc-01 (real
# sentences): the Tokyo Olympic throw (87.58 m) and the World Championships one (88.13 m).
TOKYO_EN = ("Tokyo: Neeraj Chopra won the men's javelin on Saturday with a best throw of "
            "87.58 metres to claim a historic first Olympic athletics gold medal for India.")
TOKYO_HI = ("नीरज ने अपने पहले थ्रो में 87.03 मीटर दूर भाला फेंका। इसके बाद दूसरी कोशिश में "
            "87.58 मीटर और तीसरे प्रयास में नीरज ने 76.79 मीटर दूर भाला फेंक कर सबको चौंका दिया।")
WORLDS_HI = ("नीरज चोपड़ा ने वर्ल्ड एथलेटिक्स चैंपियनशिप में इतिहास रच दिया. उन्होंने 88.13 मीटर "
             "का थ्रो करके भारत को जैवलिन थ्रो में सिल्वर मेडल दिला दिया.")


def test_figures_to_hundredths_meet_only_within_their_last_digit():
    tokyo_en, tokyo_hi, worlds = _figs(TOKYO_EN), _figs(TOKYO_HI), _figs(WORLDS_HI)
    assert "#=distance=87.58" in tokyo_en and "#=distance=87.58" in tokyo_hi
    assert worlds == {"#=distance=88.13"}
    met = meeting_figures([tokyo_en, tokyo_hi, worlds])
    assert met[0, 1] and not met[0, 2] and not met[1, 2]
    assert list(unmet([tokyo_en, tokyo_hi, worlds])) == [False, False, True]
    span = math.log(CLOSE) + 1e-9
    lv = np.log([87.58, 88.13, 87.6, 88.0, 12.0, 13.0])
    close = _close(lv, lv, span)
    assert not close[0, 1]  # two throws
    assert close[0, 2] and close[1, 2]  # 87.6: stated to tenths, the ratio decides
    assert close[0, 3]  # 88: a whole number, the ratio decides
    assert close[4, 5]  # counts: the ratio (a toll's day), as before


def test_a_throw_to_hundredths_is_outvoted_by_the_story_of_another():
    tokyo = [_figs(TOKYO_EN), _figs(TOKYO_HI), frozenset({"#=distance=87.58"}),
             frozenset({"#=distance=87.58", "#=distance=85.44"})]
    worlds = _figs(WORLDS_HI)
    got = outvoted(tokyo + [worlds], [False, False, False, False, True])
    assert list(got) == [4]
    # A member stating the throw to tenths (87.6) meets both: nothing is outvoted.
    rounded = tokyo[:3] + [frozenset({"#=distance=87.6"})]
    assert list(outvoted(rounded + [worlds], [False] * 4 + [True])) == []
    # Each part with its own throw: two events (the parts' veto).
    other = [worlds, worlds, frozenset({"#=distance=88.13", "#=distance=85.1"})]
    assert figures_part(own_figures(tokyo), own_figures(other))
    # Counts within the ratio still meet: 83 deaths and 80 are one toll's days.
    a = [frozenset({"#=deaths=83"})] * 3
    b = [frozenset({"#=deaths=80"})] * 3
    assert not figures_part(own_figures(a), own_figures(b))


# tests/data/events: hi-srilanka-01, hi-srilanka-05 (real leads): an early report (25
# dead) that meets its story on a count outside the measure lexicon (3 churches).
EARLY = ("श्रीलंका की राजधानी कोलंबो सहित करीब 6 जगह सीरियल ब्लास्ट हुए हैं. बताया जा रहा है कि 3 "
         "चर्च और 3 होटल के अंदर धमाके हुए हैं. साथ ही इस बम धमाकों में अबतक 25 लोगों की मौत हो "
         "चुकी है औऱ साथ ही 150 से ज्यादा लोग घायल बताए जा रहे हैं.")
LATER = ("कोलंबो और श्रीलंका के कई इलाक़ों में ईस्टर पर्व के दौरान बम धमाके हुए हैं। ख़बरों के "
         "मुताबिक़, कुल 8 धमाके हुए हैं, इनमें से तीन चर्च में, जबकि अन्य होटलों में हुए हैं।")


def test_counts_outside_the_lexicon_are_lead_figures():
    assert "#=other:cheetahs=8" in _figs(
        "In Pics: PM Modi releases 8 cheetahs from Namibia at Kuno National Park on his "
        "birthday")  # tests/data/events-fifth: en-cheetah22-02
    early, later = _figs(EARLY), _figs(LATER)
    assert {"#=deaths=25", "#=other:चर्च=3"} <= early and "#=other:चर्च=3" in later
    # The story's later tolls outvote the early report's 25 deaths, but it meets the
    # story on its three churches: it stays.
    story = [frozenset({"#=deaths=156", "#=injured=500"}), frozenset({"#=deaths=187"}),
             frozenset({"#=deaths=156"}), later]
    assert list(outvoted(story + [early], [False] * 4 + [True])) == []
    no_churches = frozenset(k for k in early if "चर्च" not in k)
    assert list(outvoted(story + [no_churches], [False] * 4 + [True])) == [4]


# tests/data/events-fifth: en-bihar0625-02, hi-bihar0625-02, hi-bihar0625-03 (25 June
# 2020, 83 dead) and en-bihar0702-01, hi-bihar0702-02, en-bihar0702-02 (2 July, 22-25).
JUNE = ["At least 83 people were killed across Bihar due to lightning on Thursday.",
        "बिहार के 23 जिलों में आकाशीय बिजली गिरने से अब तक 83 लोगों की मौत हो चुकी है.",
        "नई दिल्ली: बिहार में गुरुवार को आकाशीय बिजली गिरने से कम से कम 83 लोगों की मौत हो गई है, "
        "मृतकों में बच्चे भी शामिल हैं"]
JULY = ["PATNA—At least 22 people were killed when lightning struck Bihar on Thursday.",
        "बिहार में गुरुवार को बिजली गिरने से 25 लोगों की मौत हो गई।",
        "Bihar Chief Minister Nitish Kumar has announced an ex-gratia of Rs 4 lakh each to the "
        "family of the 22 people who lost their lives due to lightning strikes."]


def test_parts_with_undated_reports_and_their_own_figures_never_merge():
    from asimtext.digest.stories import StoryParams, _parts_veto

    figs = [_figs(t) for t in JUNE + JULY]
    assert figs[0] == {"#=deaths=83"} and figs[3] == {"#=deaths=22"}
    arr = np.arange(6)
    a, b = [0, 1, 2], [3, 4, 5]
    params = StoryParams(tight_parts=0.0)
    # The reports in English dated (seven days apart: inside the window), the Hindi
    # ones not: the window cannot part them, their own tolls (83; 22) do.
    pub = np.array([True, False, False, True, False, True])
    assert _parts_veto(arr, pub, figs, None, params)(a, b)
    # One part wholly dated, the other not: the same.
    pub = np.array([True, True, True, False, False, False])
    assert _parts_veto(arr, pub, figs, None, params)(a, b)
    # Both parts wholly dated (an undated report elsewhere in the group): the window.
    arr7 = np.arange(7)
    pub7 = np.array([True] * 6 + [False])
    figs7 = figs + [frozenset()]
    assert not _parts_veto(arr7, pub7, figs7, None, params)(a, b)
    # Tolls within the ratio (83 and 80: a toll's days) are one event's, dated or not.
    near = figs[:3] + [frozenset({"#=deaths=80"})] * 3
    pub = np.array([True, False, False, True, False, True])
    assert not _parts_veto(arr, pub, near, None, params)(a, b)


# -- the set's figures -----------------------------------------------------------------------


def _fifth(text_only):
    if not FIFTH.exists():
        pytest.skip("tests/data/events-fifth is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(FIFTH)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_fifth_event_set():
    """All fields: precision 0.868, recall 0.880, 4 mixed (before the rules above:
    0.806, 0.867, 6). What still mixes: see docs/digest.md (the fifth set)."""
    res = _fifth(False)
    assert res["pairwise_precision"] >= 0.86, res
    assert res["pairwise_recall"] >= 0.87, res
    assert res["mixed_stories"] <= 4, res


def test_fifth_event_set_from_the_text_alone():
    """Id and text only: precision 0.728, recall 0.893, 7 mixed (0.657, 0.893, 8 before
    the own times of tests/test_digest_sixth.py; 0.634, 0.893, 8 before the rules
    above)."""
    res = _fifth(True)
    assert res["pairwise_precision"] >= 0.72, res
    assert res["pairwise_recall"] >= 0.89, res
    assert res["mixed_stories"] <= 7, res
