"""Facts, updates and conflicts on a second real multi-outlet corpus (issue 15), and the
rules read from it, each tested on a sentence quoted from real coverage.

The corpus, ``tests/data/coverage-disasters/coverage.jsonl``: English and Hindi reports
of the Wayanad landslides (30 July - 7 August 2024) and of the Balasore triple train
crash (2 - 7 June 2023), tolls changing day by day, several outlets a day (its README
and PROVENANCE say where each text comes from).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import asimtext
import pytest
import regex
from asimtext.digest.measures import find_measure
from asimtext.digest.scope import as_of, default_gazetteer, event_day, place_of, places_in
from asimtext.digest.text import Sentences
from asimtext.digest.updates import superseded

ROOT = Path(__file__).resolve().parent.parent
COVERAGE = ROOT / "tests" / "data" / "coverage-disasters" / "coverage.jsonl"
# A third corpus, read blind once (Hathras 2024, Morbi 2022, Silkyara 2023).
THIRD = ROOT / "tests" / "data" / "coverage-third" / "coverage.jsonl"


def _records():
    with open(COVERAGE, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def coverage():
    return asimtext.digest(COVERAGE)


# -- the corpus ---------------------------------------------------------------------------


def test_corpus_is_real_multi_outlet_multi_day_coverage():
    recs = _records()
    assert len(recs) >= 50 and COVERAGE.stat().st_size < 2_000_000
    assert {r["lang"] for r in recs} == {"en", "hi"}
    for r in recs:
        assert set(r) >= {"id", "lang", "source", "published", "title", "url", "text"}
        assert r["url"].startswith("http") and r["text"].strip()
    dated = [r for r in recs if r["published"]]
    assert len(dated) >= 40
    days = {r["published"] for r in dated}
    assert len(days) >= 8
    # several outlets on one day
    per_day = {}
    for r in dated:
        per_day.setdefault(r["published"], set()).add(r["source"])
    assert max(len(s) for s in per_day.values()) >= 5


def test_coverage_meets_the_done_when_thresholds(coverage):
    _meets_the_done_when_thresholds(coverage)


def _meets_the_done_when_thresholds(d):
    pages = [a for a in d.articles if a["status"] == "ok"]
    numeric = [f for f in d.facts if f["kind"] in ("number", "money", "percent")]
    assert numeric and all(f["measure"] and f["measure"]["key"] for f in numeric)
    assert len(d.facts) / len(pages) <= 3.0
    pub = {a["id"]: dt.date.fromisoformat(a["published"][:10]) for a in pages
           if a["published"] and a["published_origin"] != "borrowed"}
    assert d.conflicts
    far = 0
    for c in d.conflicts:
        a, b = (pub.get(m["article"]) for m in c["mentions"])
        # a conflict needs two reports whose days are their own
        assert a is not None and b is not None
        far += abs((a - b).days) > 2
        assert c["mentions"][0]["source"] != c["mentions"][1]["source"]
    assert far <= 0.1 * len(d.conflicts)
    assert d.updates
    for u in d.updates:
        days = [p["as_of"] for p in u["points"]]
        assert len(days) >= 2 and days == sorted(days) and len(set(days)) == len(days)


def test_the_balasore_toll_is_a_series_and_its_revision_no_conflict(coverage):
    d = coverage
    tolls = [u for u in d.updates if u["measure"]["key"] == "deaths"
             and u["scope"]["place"] == "Odisha"]
    assert len(tolls) == 1
    points = {p["as_of"]: p["value"] for p in tolls[0]["points"]}
    # 261 on 3 June, revised to 275 on Sunday 4 June, back to 288 on Tuesday 6 June
    assert points["2023-06-02"] == "50"  # "50 से अधिक लोगों की मौत की खबर", Friday night
    assert points["2023-06-03"] == "261"
    assert points["2023-06-04"] == "275"
    assert points["2023-06-06"] == "288"
    # "275 and not 288", "288 नहीं, बल्कि 275": the revision sets 288 aside, no conflict
    for c in d.conflicts:
        assert sorted(c["values"]) != ["275", "288"], c


def test_no_point_or_conflict_rests_on_a_borrowed_day(coverage):
    d = coverage
    borrowed = {a["id"] for a in d.articles if a["published_origin"] == "borrowed"}
    assert borrowed  # the corpus has undated reports (they borrow their story's day)
    for u in d.updates:
        for p in u["points"]:
            assert not {m["article"] for m in p["mentions"]} & borrowed
    for c in d.conflicts:
        assert not {m["article"] for m in c["mentions"]} & borrowed


def test_one_outlet_updating_itself_is_no_conflict():
    # Siasat (PTI) on 30 July 2024: a toll of eight in the morning, 57 later that day.
    recs = {r["id"]: r for r in _records()}
    three = [recs[i] for i in ("en-wayanad-siasat-01", "en-wayanad-siasat-02",
                               "en-wayanad-rediff-01")]
    d = asimtext.digest(three)
    assert not [c for c in d.conflicts if sorted(c["values"]) == ["57", "8"]]


# -- as of when: the day of the count, not of the event -----------------------------------


def _dates(text, pairs):
    """(start, end, iso) of each (phrase, iso), found in order."""
    out, at = [], 0
    for phrase, iso in pairs:
        s = text.index(phrase, at)
        out.append((s, s + len(phrase), iso))
        at = s + len(phrase)
    return out


def test_a_toll_stated_days_after_its_event_holds_on_the_day_stated():
    # The Tribune (PTI), 5 June 2023
    t = ("The Odisha Government on Sunday revised the death toll in the three-train crash "
         "on Friday to 275 from 288 and put the number of injured at 1,175.")
    dates = _dates(t, [("Sunday", "2023-06-04"), ("Friday", "2023-06-02")])
    for value in ("275", "1,175"):
        assert as_of(dates, t.index(value), 0, len(t), "2023-06-05", t) == ("2023-06-04", "stated")
    # Asianet Newsable, 4 June 2023: the only date is the crash's
    t = ("According to the latest reports, 1,170 people were injured in the train accident "
         "that occurred on Friday evening in Balasore district, Odisha.")
    dates = _dates(t, [("Friday", "2023-06-02")])
    assert event_day(t, dates[0][0], dates[0][1])
    assert as_of(dates, t.index("1,170"), 0, len(t), "2023-06-04", t) == ("2023-06-04", "published")
    # Devdiscourse (PTI), 3 June 2023: "The accident Friday night"
    t = ("The accident Friday night killed at least 261 people and injured more than 900, in "
         "one of the worst railway tragedies of the country.")
    dates = _dates(t, [("Friday", "2023-06-02")])
    assert as_of(dates, t.index("261"), 0, len(t), "2023-06-03", t) == ("2023-06-03", "published")
    # Daily TV, 2 August 2024: "30 जुलाई को हुए भूस्खलन" is the landslide's day
    t = "वायनाड में 30 जुलाई को हुए भूस्खलन में मरने वालों की संख्या बढ़कर 297 हो गई है।"
    dates = _dates(t, [("30 जुलाई", "2024-07-30")])
    assert as_of(dates, t.index("297"), 0, len(t), "2024-08-02", t) == ("2024-08-02", "published")


def test_a_date_right_after_the_value_is_its_day():
    # The Hindu, 3 June 2023
    t = ("The deaths from the train accident at Bahanaga Bazar railway station of Odisha’s "
         "Balasore district on June 2 rose sharply to 261 on June 3 while 1000 injured "
         "persons have been admitted to different hospitals.")
    dates = _dates(t, [("June 2", "2023-06-02"), ("June 3", "2023-06-03")])
    assert as_of(dates, t.index("261"), 0, len(t), "2023-06-03", t)[0] == "2023-06-03"


def test_the_day_a_count_is_of_is_kept_where_it_is_no_event():
    # Amar Ujala, 5 March 2020 (news-dev): said on Thursday, counted on Wednesday
    t = ("चीन के राष्ट्रीय स्वास्थ्य आयोग ने गुरुवार को कहा कि बुधवार को कोरोनावायरस से 139 नए "
         "मामलों की पुष्टि हुई है और 31 लोगों की जान गई है ।")
    dates = _dates(t, [("गुरुवार", "2020-03-05"), ("बुधवार", "2020-03-04")])
    assert as_of(dates, t.index("139"), 0, len(t), "2020-03-05", t)[0] == "2020-03-04"
    # "28 मार्च तक": a count up to a day
    t = "देश में 28 मार्च तक संक्रमितों की संख्या 909 थी।"
    dates = _dates(t, [("28 मार्च", "2020-03-28")])
    assert as_of(dates, t.index("909"), 0, len(t), "2020-03-30", t)[0] == "2020-03-28"


# -- values set aside by their own sentence ------------------------------------------------


def _mention(text, value, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = text.index(value, s + 1)
    return {"sentence_text": text, "sentence_start": 0, "start": s, "end": s + len(value)}


@pytest.mark.parametrize("text, old, new", [
    # DT Next (ANI), 4 June 2023
    ("So, after wading out the duplications, the Collector has informed that the number of "
     "deaths is 275 and not 288.", "288", "275"),
    # Moneycontrol Hindi, 4 June 2023
    ("ओडिशा के मुख्य सचिव प्रदीप जेना ने रविवार को बताया कि बालासोर ट्रेन हादसे में मरने वालों की "
     "संख्या 288 नहीं, बल्कि 275 है।", "288", "275"),
    # Lokmat News, June 2023
    ("पहले इस हादसे में 288 लोगों के जान गवाने की खबर आई थी लेकिन अब ओडिशा के मुख्य सचिव "
     "प्रदीप जेना ने मौत के आंकड़ो पर कहा है कि मरने वालों की संख्या 275 है न कि 288।", "288", "275"),
    # Deccan Herald (PTI), 4 June 2023
    ("The Odisha government on Sunday revised the triple train accident’s death toll to 275 "
     "from 288, and put the number of injuries at 1,175.", "288", "275"),
    # news.am, 3 June 2023
    ("Earlier it was reported about the death of 238 people and more than 900 injured in "
     "the accident.", "238", None),
    # Dainik Jagran, 3 March 2020 (news-dev): "from 157 to 188"
    ("जर्मनी में कोरोना वायरस के मरीजों की संख्या 157 से बढ़कर 188 हो गई है", "157", "188"),
])
def test_a_value_its_sentence_sets_aside_is_no_account_of_the_day(text, old, new):
    for n in range(text.count(old)):
        assert superseded(_mention(text, old, n))
    if new is not None:
        assert not superseded(_mention(text, new))


def test_a_value_said_earlier_the_same_day_still_holds():
    # NewsDrum (PTI), 2 August 2024
    t = "Earlier in the day, Kerala ADGP M R Ajith Kumar said 300 people were still missing."
    assert not superseded(_mention(t, "300"))
    t = "केरल के वायनाड जिले में भूस्खलन के कारण मरने वालों की संख्या आज बढ़कर 162 हो गई।"
    assert not superseded(_mention(t, "162"))


# -- what a number counts ------------------------------------------------------------------


def _measure(text, number):
    nums = [(m.start(), m.end()) for m in regex.finditer(r"\d[\d,]*\d|\d", text)]
    start = text.index(number)
    end = start + len(number)
    s, e = Sentences(text).around(start, end)
    m = find_measure(text, start, end, s, e, [n for n in nums if n != (start, end)], full_clause=True)
    return m and m.key


def test_a_toll_named_far_before_its_value_and_a_second_verb_after_it():
    # Devdiscourse (PTI), 3 June 2023
    t = ("The accident Friday night killed at least 261 people and injured more than 900, in "
         "one of the worst railway tragedies of the country.")
    assert _measure(t, "261") == "deaths"
    assert _measure(t, "900") == "injured"
    # LatestLY (IANS), 3 June 2023
    t = ("The death toll in the tragic train derailment in Odisha's Balasore district has "
         "increased to 261, with around 900 people injured, the South Eastern Railway said.")
    assert _measure(t, "261") == "deaths"
    # The Tribune (PTI), 5 June 2023
    t = ("The Odisha Government on Sunday revised the death toll in the three-train crash on "
         "Friday to 275 from 288 and put the number of injured at 1,175.")
    assert _measure(t, "275") == "deaths"
    assert _measure(t, "1,175") == "injured"


# -- where ---------------------------------------------------------------------------------


def test_a_dateline_in_capitals_is_not_the_place_of_a_value():
    # The New Indian Express, 4 June 2023
    t = "BHUBANESWAR: The death toll in the train mishap on June 2 has been revised to 275 by the Odisha government."
    hits = places_in(default_gazetteer(), t, 0, len(t))
    assert any(h[2].endswith("bhubaneswar") for h in hits) or hits
    s = t.index("275")
    assert place_of(hits, t, s, s + 3, 0, len(t)) == "state:od"


def test_a_date_past_a_full_stop_is_not_the_value_s_day():
    # Amrit Times, 31 July 2024: no space after the danda, so one "sentence" runs on
    # into the next, whose Monday dates the landslide.
    t = ("131 लोग अस्पताल में हैं, जबकि 220 लोगों के लापता होने की रिपोर्ट लिखाई गई है।यह "
         "लैंडस्लाइड सोमवार देर रात 2 बजे और 4 बजे के करीब मुंडक्कई, चूरलमाला, अट्टामाला और "
         "नूलपुझा गांवों में हुई थीं।")
    dates = _dates(t, [("सोमवार", "2024-07-29")])
    assert as_of(dates, t.index("220"), 0, len(t), "2024-07-31", t) == ("2024-07-31", "published")


def test_a_report_about_one_place_lends_it_to_a_series_not_to_a_conflict(coverage):
    # News Chhattisgarh, 6 August 2024: "हादसे में मरने वालों की तादाद 402 पहुंच गई है"
    # names no place; the report is about Kerala's Wayanad only.
    kerala = [u for u in coverage.updates if u["measure"]["key"] == "deaths"
              and u["scope"]["place"] == "Kerala"]
    assert kerala and ("2024-08-06", "402") in {(p["as_of"], p["value"]) for p in kerala[0]["points"]}
    # A conflict keeps to places stated next to the values.
    from asimtext.digest.measures import Measure
    from asimtext.digest.records import Mention
    from asimtext.digest.updates import with_own_day

    lead = "केरल के वायनाड जिले में भूस्खलन में मरने वालों की संख्या 277 हो गयी है."
    later = "हादसे में मरने वालों की तादाद 402 पहुंच गई है."
    deaths = Measure("deaths", (), None, ("मरने",))

    def mention(text, value, place):
        s = text.index(value)
        return Mention.of({"article": "a", "source": "x", "start": s, "end": s + len(value),
                           "sentence_start": 0, "sentence_text": text, "measure": deaths,
                           "place": place})

    ms = [mention(lead, "277", "state:kl"), mention(later, "402", None)]
    assert [m.place for m in with_own_day(ms, frozenset(), one_place=True)] == ["state:kl"] * 2
    assert [m.place for m in with_own_day(ms, frozenset())] == ["state:kl", None]
    # a report naming two places lends neither
    ms.append(mention("ओडिशा में मरने वालों की संख्या 288 है.", "288", "state:od"))
    assert with_own_day(ms, frozenset(), one_place=True)[1].place is None


def test_feared_dead_is_no_count_to_contradict():
    from asimtext.digest.updates import _PROJECTION

    # eNewsInsight, 2 June 2023
    t = ("Over 300 individuals have been reported injured, with approximately 50 feared dead, "
         "as several coaches of the train derailed and collided head-on with another train on "
         "a separate track.")
    assert _PROJECTION.search(t)
    assert not _PROJECTION.search("The toll rose to 57 in the landslides that hit Kerala's "
                                  "hilly Wayanad district on Tuesday.")


def _place(t, value):
    hits = places_in(default_gazetteer(), t, 0, len(t))
    s = t.index(value)
    return place_of(hits, t, s, s + len(value), 0, len(t))


def test_the_home_country_is_not_read_inside_a_word_nor_after_a_demonstrative():
    # Navbharat Times, 14 March 2020 (news-dev; the page lost the first letter of उत्तर)
    assert _place("त्तर प्रदेश में 11 पॉजिटिव केस", "11") is None
    # Dainik Jagran, 12 March 2020 (news-dev): Italy's population, not India's
    t = ("वायरस के प्रकोप पर अंकुश लगाने के लिए छह करोड़ की आबादी वाले इस यूरोपीय देश में "
         "राष्ट्रव्यापी पाबंदियां लगाई गई हैं ।")
    assert _place(t, "छह करोड़") is None
    # still the home country where unqualified (Navbharat Times, 12 March 2020)
    assert _place("देश में 73 लोगों में कोरोना वायरस की पुष्टि", "73") == "country:in"


def test_the_country_named_between_a_slug_dateline_and_the_value_is_its_place():
    # Navbharat Times, 30 March 2020 (news-dev): an agency slug run into the text
    t = ("दि8 वायरस लीड मामले भारत में कोविड-19 से 29 लोगों की मौत, संक्रमितों की संख्या बढ़कर "
         "1,071 हुई : स्वास्थ्य मंत्रालय नयी दिल्ली, देश में कोविड-19 मामलों की संख्या सोमवार को "
         "1,017 पर पहुंच गई जबकि")
    assert _place(t, "1,017") == "country:in"
    # a state named right before its value keeps it (Prabhat Khabar, 30 March 2020)
    assert _place("दिल्ली में 53 मामले जबकि तमिलनाडु में 50 लोगों में संक्रमण की पुष्टि हई है.",
                  "53") == "ut:dl"


def test_the_country_of_des_me_is_the_foreign_one_its_paragraph_just_named():
    # Hindustan, 2 March 2020 (news-dev): Iran's 978 cases, not India's
    t = ("उधर कोरोना वायरस ने ईरान को भी अपने चपेट में ले लिया है । ईरान में कोरोना वायरस से 11 और "
         "लोगों की मौत हो गई जिससे इससे मरने वाले लोगों की संख्या बढ़कर 54 हो गई है । बता दें कि "
         "चीन के बाद ईरान दूसरा देश है जहां पर कोरोना वायरस से इतनी ज्यादा मौते हुई हैं । "
         "स्वास्थ्य मंत्रालय के प्रवक्ता कियानोश जहांपोर ने रविवार को बताया कि इससे संक्रमण के 385 "
         "और नए मामले सामने आए हैं । देश में इस बीमारी से संक्रमण के मामलों की संख्या 978 पहुंच "
         "गई है ।")
    s0 = t.index("देश में इस बीमारी")
    hits = places_in(default_gazetteer(), t, s0, len(t))
    s = t.index("978")
    assert place_of(hits, t, s, s + 3, s0, len(t)) == "country:ir"
    # a new paragraph starts afresh: India
    t2 = t[: s0] + "\n\n" + t[s0:]
    s0, s = t2.index("देश में इस बीमारी"), t2.index("978")
    assert place_of([], t2, s, s + 3, s0, len(t2)) == "country:in"


def test_a_date_in_a_relative_clause_after_the_value_dates_that_clause():
    # Prabhat Khabar, 8 March 2020 (news-dev): "last Tuesday" dates the six, and stays
    # unresolved ("W-1:tuesday"), which is no day at all
    t = "भारत में कोविड-19 मामलों की संख्या बढ़कर 39 हो गई है, जो पिछले मंगलवार तक सिर्फ छह थी."
    s = t.index("पिछले मंगलवार")
    for iso in ("2020-03-03", "W-1:tuesday"):
        dates = [(s, s + len("पिछले मंगलवार"), iso)]
        assert as_of(dates, t.index("39"), 0, len(t), "2020-03-08", t) == ("2020-03-08", "published")


def _measured(text, value):
    s = text.index(value)
    e = s + len(value)
    return {"sentence_text": text, "sentence_start": 0, "start": s, "end": e,
            "measure": find_measure(text, s, e, 0, len(text), full_clause=True)}


def test_forecasts_denominators_and_ages_are_no_readings_of_a_series():
    from asimtext.digest.updates import _not_a_reading

    # Amar Ujala, 26 March 2020 (news-dev): a forecast
    assert _not_a_reading(_measured(
        "नहीं चेते तो मई तक देश में 13 लाख तक पहुंच सकते हैं कोरोना संक्रमित मामले", "13 लाख"))
    # Prabhat Khabar, 10 March 2020 (news-dev): the guess is about another count
    t = ("वर्तमान में संक्रमित लोगों की कुल संख्या आधिकारिक रिपोर्टों से काफी अधिक होने की संभावना "
         "है और इस वायरस से संक्रमित होने के कारण चीन में कोरोना से अब तक 3136 लोगों की मौत हो "
         "गयी जबकि 80,754 लोग संक्रमित हुए हैं ।")
    assert not _not_a_reading(_measured(t, "3136"))
    # Amar Ujala, 26 March 2020 (news-dev): "प्रति 1,000" is a denominator
    t = "भारत में प्रति 1,000 लोगों पर अस्पताल के बेड की संख्या केवल 0.7 है ।"
    assert _not_a_reading(_measured(t, "1,000"))
    assert not _not_a_reading(_measured(t, "0.7"))
    # Prabhat Khabar, 20 March 2020 (news-dev): an age is one person's
    m = _measured("41 वर्षीया अभिनेत्री कुछ समय के लिए लंदन में थीं और 15 मार्च को लखनऊ लौट आईं थीं.",
                  "41")
    assert m["measure"].key == "age" and _not_a_reading(m)


def test_a_date_that_opens_a_period_or_dates_a_participle_is_no_as_of_day():
    # Navbharat Times, 4 March 2020 (news-dev)
    t = ("गौतम बुद्ध नगर में 15 जनवरी तक विदेश यात्रा करने वाले कम से कम 373 लोगों को निगरानी में "
         "रखा गया है ।")
    dates = _dates(t, [("15 जनवरी", "2020-01-15")])
    assert as_of(dates, t.index("373"), 0, len(t), "2020-03-04", t) == ("2020-03-04", "published")
    # "since": when a count began (The Hindu, 2 August 2024)
    t = "Local hospitals have been treating 273 persons admitted since July 30."
    dates = _dates(t, [("July 30", "2024-07-30")])
    assert event_day(t, dates[0][0], dates[0][1])


def test_the_digest_keeps_to_three_facts_a_page_where_briefs_do_not_gather():
    from asimtext.digest.facts import FACTS_PER_PAGE, _within_budget

    order = {"date": 0, "number": 1}
    # (story, kind, value, rank, sources, mentions, measure, place): ten one-unit stories
    # of one page, two facts each
    kept = [(s, "number", str(v), 1.75 + 0.1 * (v % 3), ["x"], [None], None, "")
            for s in range(10) for v in range(2)]
    out = _within_budget(kept, 1, order)
    assert len(out) == int(FACTS_PER_PAGE)
    # the best-ranked first facts of their stories stay
    assert len({f[0] for f in out}) == len(out)
    assert _within_budget(kept, 10, order) == kept


def test_raajya_men_is_the_state_its_paragraph_last_named():
    # Dainik Jagran, 14 March 2020 (news-dev)
    t = ("- महाराष्ट्र: स्वास्थ्य मंत्री राजेश टोपे के मुताबिक शुक्रवार को राज्य में के दो और पॉजिटिव "
         "मामलों की पुष्टि हुई है । एक अहमदनगर और एक मुंबई से मामला सामने आया है । इससे राज्य में "
         "कोरोना वायरस के कुल पॉजिटिव मामले 19 तक पहुंच गए हैं ।\n\n- कर्नाटक")
    s0 = t.index("इससे राज्य में")
    s = t.index("19")
    hits = places_in(default_gazetteer(), t, s0, len(t))
    assert place_of(hits, t, s, s + 2, s0, t.index("।", s) + 1) == "state:mh"
    # a paragraph naming no state: no place
    t2 = "इससे राज्य में कोरोना वायरस के कुल पॉजिटिव मामले 19 तक पहुंच गए हैं ।"
    assert place_of([], t2, t2.index("19"), t2.index("19") + 2, 0, len(t2)) is None


def test_one_fact_per_value_its_day_the_most_mentions_hold_and_no_set_aside_source(coverage):
    tolls = [f for f in coverage.facts if f["kind"] == "number" and f["measure"]
             and f["measure"]["key"] == "deaths" and f["value"] == "275"]
    # "the number of deaths is 275" (no place) joined "... Odisha ... revised to 275"
    assert len(tolls) == 1
    assert tolls[0]["scope"]["place"] == "Odisha"
    # held on 4 June by most mentions; a run-on "Highlights" line dates one to 2 June
    assert tolls[0]["scope"]["as_of"] == "2023-06-04"
    texts = {r["id"]: r["text"] for r in _records()}
    seen = 0
    for f in coverage.facts:
        if f["value"] == "288":
            for m in f["mentions"]:
                around = texts[m["article"]][max(0, m["start"] - 5):m["end"] + 6]
                assert "not 288" not in around and "288 नहीं" not in around, around
                assert "from 288" not in around and "न कि 288" not in around, around
                seen += 1
    assert seen >= 10


# -- the third corpus, read blind once ------------------------------------------------------


@pytest.fixture(scope="module")
def third():
    return asimtext.digest(THIRD)


def test_third_corpus_meets_the_done_when_thresholds(third):
    _meets_the_done_when_thresholds(third)


def test_third_corpus_stories_mix_no_events(third):
    # Each record's id names its event (en-hathras-..., hi-morbi-..., en-silkyara-...).
    for s in third.stories:
        assert len({a.split("-")[1] for a in s["articles"]}) == 1, s["articles"]


def test_the_hathras_toll_is_a_series(third):
    tolls = [u for u in third.updates if u["measure"]["key"] == "deaths"
             and u["scope"]["place"] == "Uttar Pradesh"]
    assert tolls
    points = {p["as_of"]: p["value"] for p in tolls[0]["points"]}
    # 116 on Tuesday 2 July 2024 (PTI, ANI), 121 from 3 July (the relief commissioner)
    assert points["2024-07-02"] == "116" and points["2024-07-03"] == "121"


def test_lower_bounds_of_one_morning_are_no_conflict(third):
    # Morbi, 30 October 2022: "at least 35 people have died" (Mint), "claiming at least 60
    # lives" (OpIndia), "कम से कम 137 लोगों की मौत" (Zee News): counts of a rising toll,
    # each a lower bound the others meet.
    for c in third.conflicts:
        assert not {"35", "60", "137"} >= set(c["values"]), c["values"]


def test_one_disagreement_is_one_conflict(third):
    # Hathras, 2 July 2024: NewsDrum (PTI), The Quint, Scroll.in and Shanghai Daily
    # (Xinhua) state 116 dead, TASS 60: one conflict, its other pages in "also" (it was
    # four, one per pair of pages, on the editor's page four times).
    pairs = [c for c in third.conflicts if sorted(c["values"]) == ["116", "60"]]
    assert len(pairs) == 1
    c = pairs[0]
    sources = {m["source"] for m in c["mentions"] + c["also"]}
    assert len(sources) >= 4 and "TASS" in sources
    assert all(m["value"] in c["values"] for m in c["also"])
    keys = [(c["story"], c["measure"]["key"], c["scope"]["place"], c["scope"]["as_of"],
             tuple(sorted(c["values"]))) for c in third.conflicts if c["measure"]]
    assert len(keys) == len(set(keys))
    assert "(also " in third.to_markdown()
