"""Issue 15, the sixth event set (tests/data/events-sixth/): recurring events (a result
declared every year, a quarter's growth figure, an award list, a stage of an air-quality
plan imposed each winter) whose reports share names, places and words year after year.
Which occurrence a report is about is read from its own headline and lead
(:func:`asimtext.digest.when.own_time_markers`, :func:`~asimtext.digest.when.own_time`)
and compared pair by pair (:func:`~asimtext.digest.when.other_times`). The rule is tested
on real sentences of several sets, then the sixth and fifth sets' figures (skipped when
a set is absent). The set is no longer blind: see docs/digest.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest.text import lead_end
from asimtext.digest.when import (
    OWN_SENTENCES,
    other_times,
    own_time,
    own_time_markers,
    own_times_of,
)

ROOT = Path(__file__).resolve().parent.parent
SIXTH = ROOT / "tests" / "data" / "events-sixth" / "events.jsonl"
FIFTH = ROOT / "tests" / "data" / "events-fifth" / "events.jsonl"


def _own(text):
    return own_time_markers(text, lead_end(text, OWN_SENTENCES))


def _day(iso):
    return float(dt.date.fromisoformat(iso).toordinal())


NAN = float("nan")


# -- which year a lead says it is about ------------------------------------------------------

def test_a_names_year_in_the_headline_or_lead_is_the_reports_own():
    # tests/data/events-sixth: hi-neet24-03 (headline), hi-neet23-01 (a hyphen),
    # en-cbse24-01 (a year before a name), en-padma23-01, hi-padma23-03 (a year "for")
    assert _own("NEET UG Result 2024: नीट यूजी की परीक्षा में रिकॉर्डतोड़ 67 स्टूडेंट बने टॉपर, "
                "जानिए कैसे रहे इस बार के नतीजे\n\nएनटीए ने बताया कि नीट परीक्षा में शीर्ष रैंक पाने "
                "वालों में 14 लड़कियां भी शामिल हैं.") == {"@own:y:2024"}
    assert _own("नई दिल्ली,एजेंसी। देश के मेडिकल कॉलेजों में प्रवेश के लिए होने वाले नेशनल "
                "एलिजिबिलिटी कम एंट्रेंस टेस्ट (नीट यूजी-2023) का परिणाम मंगलवार को जारी कर दिया "
                "गया।") == {"@own:y:2023"}
    assert _own("NEW DELHI: Over 87 percent of students passed the 2024 Central Board of "
                "Secondary Education (CBSE) Class 12 examinations, the result announced on Monday "
                "showed.\nThe pass percentage, 87.98, increased slightly by 0.65 percent points "
                "compared to the 2023 results.") == {"@own:y:2024"}
    assert _own("Full list of 2023 Padma awards | Mulayam Singh Yadav, S.M. Krishna, Zakir "
                "Hussain, Kumar Mangalam Birla among recipients") == {"@own:y:2023"}
    assert _own("106 पद्म पुरस्कारों की घोषणा, मुलायम सिंह यादव-जाकिर हुसैन और SM कृष्णा को मिला "
                "पद्मविभूषण पुरस्कार…\nनई दिल्ली : 2023 के लिए राष्ट्रपति ने तीन युगल मामलों सहित 106 "
                "पद्म पुरस्कारों को प्रदान करने की मंजूरी दी है।") == {"@own:y:2023"}
    # tests/data/events-sixth: hi-padma23-04 (what the list is for, after a word for "year")
    assert _own("नई दिल्ली: राष्ट्रपति द्रौपदी मुर्मू ने साल 2023 के लिए 106 पद्म पुरस्कारों की सूची को "
                "मंजूरी दी है।") == {"@own:y:2023"}
    # Digits of either script.
    assert _own("नीट यूजी-२०२३ का परिणाम जारी") == {"@own:y:2023"}


def test_fiscal_years_in_every_form():
    # tests/data/events-sixth: en-gdp23-01, en-gdp23-03, hi-gdp24-01;
    # tests/data/events-heldout: en-budget25-03 (a budget is named by its fiscal year)
    assert _own("India's Gross Domestic Product (GDP) grew by 7.8 percent in the first quarter "
                "of FY23-24, government data has revealed.") == {"@own:fy:2024"}
    assert _own("India’s gross domestic product, or GDP grew by 7.8% in the first quarter "
                "(April-June) of the financial year 2023-’24, government data showed on "
                "Thursday.") == {"@own:fy:2024"}
    assert _own("नई दिल्ली। वित्त वर्ष 2024-25 की पहली तिमाही में विकास दर में कमी आई है।"
                ) == {"@own:fy:2025"}
    assert _own("Budget 2025-26 LIVE: Zero income tax till ₹12 lakh income under New Tax "
                "Regime") == {"@own:fy:2026"}
    assert _own("GDP grew 6.5% in Q1 FY26, the statistics office said.") == {"@own:fy:2026"}
    assert _own("वित्त वर्ष २०२४-२५ की पहली तिमाही में") == {"@own:fy:2025"}
    # Two years that are not one fiscal year: a span, not a time of the report.
    assert _own("वेंकैया नायडू 2017-2022 तक उपराष्ट्रपति रहे.") == frozenset()


def test_this_year_is_resolved_against_a_publication_date_only():
    # tests/data/events-sixth: hi-padma24-01 (undated), hi-gdp23-03;
    # tests/data/events-third: hi-rbidec25-02 (dated 2025-12-05: fiscal 2025-26)
    padma = _own("इस साल के पद्म पुरस्कारों की घोषणा हो गई है. के चिरंजीवी, वैजयंतीमाला, वेंकैया "
                 "नायडू, बिंदेश्वर पाठक और पी सुब्रह्मण्यम को पद्म विभूषण से सम्मानित किया गया है.")
    assert padma == {"@own:rel:y"}
    assert own_time(padma, NAN) == (0, 0, False)  # no date: unknown
    assert own_time(padma, _day("2024-01-25")) == (1, 2024, True)
    gdp = _own("सरकार की ओर से गुरुवार को जारी आंकड़ों में चालू वित्तवर्ष की पहली तिमाही में भारत ने "
               "7.8 फीसदी की तगड़ी विकास दर हासिल की है.")
    assert gdp == {"@own:rel:fy"}
    assert own_time(gdp, _day("2023-08-31")) == (2, 2024, True)
    assert own_time(gdp, _day("2024-02-29")) == (2, 2024, True)  # before April: the same year
    assert own_time(gdp, _day("2025-12-05")) == (2, 2026, True)
    # A stated year comes before "this year" where the lead states both.
    assert _own("इस साल NEET UG 2024 के लिए शीर्ष पर्सेंटाइल 99.997129 है।") == {"@own:y:2024"}


def test_years_of_history_are_not_the_reports_time():
    # tests/data/events-fifth: hi-cheetah23-01 (the first batch, retold)
    assert _own("पिछले साल 17 सितंबर को प्रधानमंत्री नरेंद्र मोदी के जन्मदिन के अवसर पर कूनो में "
                "नामीबिया से 8 चीते लाए गए थे।\nदक्षिण अफ्रीका से 12 और चीते, जिन्हें शुक्रवार की "
                "शाम विशेष विमान द्वारा रवाना किया गया।") == frozenset()
    assert _own("In 2022, eight cheetahs were brought from Namibia to Kuno. Twelve more arrive "
                "on Saturday.") == frozenset()
    # tests/data/events: en-delhi25-01, en-delhi20-02, hi-delhi20-02 (earlier elections)
    assert _own("The AAP's seat count has plummeted to 22, a significant drop from its previous "
                "tally of 62 in the 2020 Delhi elections.") == frozenset()
    assert _own("AAP held on to the nearly 54% votes it had got in the 2015 Delhi Assembly polls, "
                "while the BJP got 38.51%. Congress, which ruled Delhi for 15 years before being "
                "voted out in 2013, drew a blank.") == frozenset()
    assert _own("दिल्ली विधानसभा चुनाव में आम आदमी पार्टी ने शानदार जीत दर्ज की है। 2016 की तर्ज पर "
                "प्रदर्शन करते हुए अरविंद केजरीवाल की पार्टी ने 70 में से 62 सीटों पर जीत दर्ज की "
                "है।") == frozenset()
    # A count is no year.
    assert _own("हादसे में करीब 2000 लोग प्रभावित हुए हैं।") == frozenset()
    assert _own("करीब 2000 लोगों के लिए भोजन का इंतजाम किया गया।") == frozenset()


def test_a_dated_reports_far_year_is_history():
    # tests/data/events-fifth: en-dkdtribute-01 (dated 2025, honouring the 2022 avalanche)
    text = ("Draupadi Ka Danda II : Honouring The 2022 Uttarkashi Avalanche Victims")
    mark = _own(text)
    assert mark == {"@own:y:2022"}
    assert own_time(mark, _day("2025-10-07")) == (1, 2025, False)  # its date decides
    assert own_time(mark, NAN) == (1, 2022, True)
    # tests/data/events-fifth: hi-neeraj21-01 (the Tokyo Olympics 2020, held in 2021):
    # a year off, the stated year stays.
    tokyo = _own("नीरज चोपड़ा को टोक्यो ओलंपिक 2020 में जैवलिन थ्रो (भाला फेंक) में स्वर्ण पदक मिला है।")
    assert tokyo == {"@own:y:2020"}
    assert own_time(tokyo, _day("2021-08-07")) == (1, 2020, True)


def test_own_times_that_cannot_meet():
    # NEET UG 2023; NEET UG 2024; FY 2023-24 (spans 2023 and 2024); a report dated 2024
    # stating nothing; FY 2024-25; a report with no time at all.
    kind = np.array([1, 1, 2, 1, 2, 0])
    value = np.array([2023, 2024, 2024, 2024, 2025, 0])
    stated = np.array([True, True, True, False, True, False])
    both, one = other_times(kind, value, stated)
    assert both[0, 1] and both[1, 0]  # two stated years
    assert not both[0, 2] and not both[1, 2]  # 2023 and 2024 are both in FY 2023-24
    assert both[2, 4] and both[0, 4]  # two fiscal years; 2023 not in FY 2024-25
    assert not both[1, 4]  # 2024 is in FY 2024-25
    assert one[0, 3] and not one[1, 3] and not both[0, 3]  # a stated year, a date's year
    assert not both[5].any() and not one[5].any()  # no time: no evidence
    assert not both.diagonal().any()


def test_own_times_are_read_once_when_asked():
    texts = ["NEET UG Result 2024: 67 toppers", "No year here.", "FY24 GDP grew 7.8%"]
    of = own_times_of(texts)
    assert of([2, 0]) == [{"@own:fy:2024"}, {"@own:y:2024"}]
    assert of([1]) == [frozenset()]


def test_stated_years_keep_undated_reports_apart_in_the_average_link():
    from asimtext.digest.stories import StoryParams, _own_times

    marks = [frozenset({"@own:y:2023"}), frozenset({"@own:y:2024"}), frozenset(),
             frozenset({"@own:rel:y"})]
    lo = np.array([NAN, NAN, _day("2024-06-05"), _day("2023-06-13")])
    kind, value, stated = _own_times(marks, lo, lo, StoryParams().window_days)
    assert list(kind) == [1, 1, 1, 1] and list(value) == [2023, 2024, 2024, 2023]
    assert list(stated) == [True, True, False, True]
    both, one = other_times(kind, value, stated)
    assert both[0, 1] and both[1, 3] and not both[0, 3]
    assert one[0, 2] and not one[1, 2]


# -- the sets' figures ------------------------------------------------------------------------


def _score(path, text_only):
    if not path.exists():
        pytest.skip(f"{path.parent.name} is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(path)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_sixth_event_set():
    """All fields: precision 0.843, recall 0.863, 5 mixed (before the own times:
    0.732, 0.746, 7). What still mixes: see docs/digest.md (the sixth set)."""
    res = _score(SIXTH, False)
    assert res["pairwise_precision"] >= 0.83, res
    assert res["pairwise_recall"] >= 0.85, res
    assert res["mixed_stories"] <= 5, res


def test_sixth_event_set_from_the_text_alone():
    """Id and text only: precision 0.694, recall 0.883, 7 mixed (before: 0.547, 0.815,
    9)."""
    res = _score(SIXTH, True)
    assert res["pairwise_precision"] >= 0.68, res
    assert res["pairwise_recall"] >= 0.87, res
    assert res["mixed_stories"] <= 7, res
