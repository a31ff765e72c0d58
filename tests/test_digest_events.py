"""Issue 15: the digest on real news. Measures, scope, units, updates and conflicts,
the time window and average link of the stories, on text written for the tests; then
the "done when" figures on the labelled event set (tests/data/events) and on the
real multi-outlet news of ../shared/data/news-dev (skipped when absent)."""

from __future__ import annotations

import datetime
import json
import os
from importlib import resources
from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext import Article
from asimtext.digest import units as U
from asimtext.digest.measures import bound_of, find_measure, is_count_context
from asimtext.digest.scope import is_metadata_line, place_of
from asimtext.digest.stories import _neighbor_pairs, average_link
from asimtext.digest.text import Sentences
from asimtext.digest.updates import agree
from asimtext.digest.when import event_days, event_interval
from asimtext.pure.gazetteer import gazetteer_find
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (CI), or where ASIMTEXT_SHARED says (a worktree).
SHARED = Path(os.environ.get("ASIMTEXT_SHARED") or ROOT.parent / "shared")
NEWS_DEV = SHARED / "data" / "news-dev" / "covid19_hindi_5_outlets_2020-03.jsonl"


def measure_of(text, number):
    start = text.index(number)
    end = start + len(number)
    s, e = Sentences(text).around(start, end)
    m = find_measure(text, start, end, s, e)
    return m and (m.key, m.qualifiers)


@pytest.mark.parametrize("text, number, key", [
    ("ईरान में 44 लोगों की मौत हो गई।", "44", "deaths"),
    ("मरने वालों की संख्या बढ़कर 44 हो गई है।", "44", "deaths"),
    ("44 people died in the fire.", "44", "deaths"),
    ("The death toll rose to 44 on Monday.", "44", "deaths"),
    ("जिले से 5255 नमूने जांच के लिए भेजे गए।", "5255", "samples"),
    ("हादसे में 12 लोग घायल हुए।", "12", "injured"),
    ("अब तक 4813 मरीज ठीक हो चुके हैं।", "4813", "patients"),
    ("राज्य में 230 लोग संक्रमित हैं।", "230", "infected"),
    ("Over 300 samples were sent for testing.", "300", "samples"),
    ("सेंसेक्स 2913 अंक लुढ़का।", "2913", "points"),
    ("At least 62 people were killed in the blast.", "62", "deaths"),
    ("Officials said 45,000 people were evacuated.", "45,000", "rescued"),
    ("Officials reported 4 more deaths.", "4", "deaths"),
    ("The magnitude 7.8 earthquake hit Nepal.", "7.8", "magnitude"),
    ("रिक्टर पैमाने पर 7.8 तीव्रता का भूकंप आया।", "7.8", "magnitude"),
    # Persons counted with what happened to them: the outcome is the measure.
    ("हमले में 40 जवान शहीद हो गए।", "40", "deaths"),
    ("40 CRPF personnel were killed in the attack.", "40", "deaths"),
    ("इस हमले में 2 आरपीएफ जवानों की मौत हो गई।", "2", "deaths"),
    ("The blast killed 12 soldiers.", "12", "deaths"),
    ("बस के 15 यात्री घायल हो गए।", "15", "injured"),
    ("Police arrested 5 students on Monday.", "5", "arrested"),
    # ...and without an outcome, the persons themselves.
    ("इलाके में 500 जवान तैनात किए गए।", "500", "police"),
    ("बस में 50 यात्री सवार थे।", "50", "passengers"),
])
def test_measure_from_the_words_around(text, number, key):
    got = measure_of(text, number)
    assert got is not None and got[0] == key, (text, got)


@pytest.mark.parametrize("text, number", [
    ("कोविड 19 से बचाव के उपाय बताए गए।", "19"),
    ("Dial 112 in an emergency.", "112"),
    ("वार्ड 3 में सफाई अभियान चला।", "3"),
    ("फ्रांस में 21, स्पेन में आठ।", "21"),
    ("Flight PK 8303 crashed near Karachi.", "8303"),
])
def test_bare_numbers_have_no_measure(text, number):
    assert measure_of(text, number) is None


def test_qualifiers_and_bounds():
    assert "total" in measure_of("देश में अब तक 29 मामले सामने आए।", "29")[1]
    assert "new" in measure_of("महाराष्ट्र में 12 और लोग संक्रमित हुए।", "12")[1]
    assert "new" in measure_of("ईरान में कोरोना से और 43 की मौत।", "43")[1]
    assert "daily" in measure_of("पिछले 24 घंटे में 43 लोगों की मौत हो गई।", "43")[1]
    t = "करीब 4800 लोग ठीक हुए और 4 हजार से ज्यादा लोगों की मौत हुई, more than 500 deaths"
    for number, want in (("4800", "about"), ("4 हजार", "over"), ("500", "over")):
        s = t.index(number)
        assert bound_of(t, s, s + len(number), 0) == want, number


def test_values_agree_within_rounding_only():
    assert agree(4800, "about", 4813, None)  # करीब 4800 / 4,813
    assert agree(4800, None, 4813, None)  # a round number: 4750..4850
    assert agree(3500, None, 3500, None)  # साढ़े तीन हजार / 3,500
    assert agree(4000, "over", 4291, None)  # 4 हजार से ज्यादा / 4,291
    assert not agree(4748, None, 4813, None)
    assert not agree(23077, None, 23452, None)
    assert not agree(60, None, 62, None)


def test_a_count_is_never_a_year():
    t = "राज्य में संक्रमितों की संख्या 2053 हो गई है।"
    s = t.index("2053")
    assert is_count_context(t, s, s + 4, 0, len(t))
    t2 = "वह 1994 बैच के आईपीएस अधिकारी हैं।"
    s2 = t2.index("1994")
    assert not is_count_context(t2, s2, s2 + 4, 0, len(t2))
    d = asimtext.digest([Article("a", "कोरोना का कहर\n\nलखनऊ में संक्रमितों की संख्या 2053 हो गई है।",
                                 source="X", published="2020-04-20")])
    assert not [e for e in d.timeline if e["date"].startswith("2053")]
    (f,) = [f for f in d.facts if f["value"] == "2053"]
    assert f["kind"] == "number" and f["measure"]["key"] == "infected"
    assert f["scope"]["place_id"] == "city:lucknow" and f["scope"]["as_of"] == "2020-04-20"


def test_page_chrome_and_table_rows_are_metadata():
    t = "11:11 PM, 28-MAR-2020\nराज्य\t29 मार्च\t1024\nआज 28 मार्च को बैठक हुई और फैसले लिए गए।"
    a = t.index("28-MAR-2020")
    assert is_metadata_line(t, a, a + 11, [(0, 8), (a, a + 11)])
    b = t.index("29 मार्च")
    assert is_metadata_line(t, b, b + 8)
    c = t.index("28 मार्च को")
    assert not is_metadata_line(t, c, c + 8)


def test_place_scope():
    t = "ईरान में 237 लोगों की मौत हो चुकी है, जबकि चीन के बाहर 686 लोगों की मौत हुई।"
    places = gazetteer_find(t)
    s = t.index("237")
    assert place_of(places, t, s, s + 3, 0, len(t)) == "country:ir"
    s = t.index("686")
    assert place_of(places, t, s, s + 3, 0, len(t)) is None  # outside China: not China
    t = "नयी दिल्ली, 30 मार्च (भाषा) देश में 1071 मामले हैं।"
    s = t.index("1071")
    assert place_of(gazetteer_find(t), t, s, s + 4, 0, len(t)) == "country:in"


PAGE = (
    "ईरान में जहरीली शराब से 44 लोगों की मौत\n\n" + "ईरान में जहरीली शराब पीने से मरने वालों की संख्या 44 हो गई। " * 12
    + "\n\nशेयर बाजार में भारी गिरावट, सेंसेक्स 2913 अंक लुढ़का\n\n"
    + "बंबई शेयर बाजार का सेंसेक्स गुरुवार को 2913 अंक गिरकर 32778 पर बंद हुआ और निवेशकों के करोड़ों डूबे। " * 8
)


def test_pages_split_into_units():
    units = U.split_units("P", PAGE, "ईरान में जहरीली शराब से 44 लोगों की मौत")
    assert [u.id for u in units] == ["P#1", "P#2"]
    assert units[1].title.startswith("शेयर बाजार") and units[0].start == 0
    assert units[0].end == units[1].start and units[1].end == len(PAGE)
    one = U.split_units("Q", "एक ही रिपोर्ट\n\n" + "लंबी रिपोर्ट का पाठ यहां है। " * 30)
    assert [u.id for u in one] == ["Q"]
    d = asimtext.digest([Article("P", PAGE, source="X", published="2020-03-12")])
    (a,) = d.articles
    assert [u["id"] for u in a["units"]] == ["P#1", "P#2"]
    for f in d.facts:  # offsets point into the page, whichever unit
        for m in f["mentions"]:
            assert PAGE[m["start"]:m["end"]] == m["text"] and m["unit"].startswith("P#")
    # The reader's digest counts the same reports: its compact entry says how many.
    arts = [Article("P", PAGE, source="X", published="2020-03-12"), Article("R", "एक खबर।")]
    full, compact = asimtext.digest(arts), asimtext.digest(arts, keep="stories")
    assert full.counts["units"] == compact.counts["units"] == 3
    assert compact.article("P")["n_units"] == 2 and "n_units" not in compact.article("R")


def _report(n, place, value, day, src, extra=""):
    return Article(f"{src}-{day}-{n}",
                   f"{place} में कोरोना के मामले\n\n{place} में कोरोना संक्रमितों की संख्या बढ़कर {value} हो गई है।"
                   f" स्वास्थ्य विभाग ने {place} के अस्पतालों में जांच तेज की। {extra}",
                   source=src, published=day)


def test_updates_are_series_and_conflicts_need_the_same_day():
    arts = [_report(1, "लखनऊ", 120, "2020-04-01", "A"), _report(2, "लखनऊ", 150, "2020-04-02", "B"),
            _report(3, "लखनऊ", 180, "2020-04-03", "A"), _report(4, "लखनऊ", 195, "2020-04-03", "B"),
            _report(5, "लखनऊ", 180, "2020-04-03", "C")]
    d = asimtext.digest(arts)
    assert len(d.stories) == 1
    ups = [u for u in d.updates if u["measure"]["key"] == "infected"]
    assert ups and [p["as_of"] for p in ups[0]["points"]] == ["2020-04-01", "2020-04-02", "2020-04-03"]
    assert [p["value"] for p in ups[0]["points"]] == ["120", "150", "180"]  # 2 sources of 3 say 180
    confs = [c for c in d.conflicts if c["measure"] and c["measure"]["key"] == "infected"]
    assert confs and all(c["scope"]["as_of"] == "2020-04-03" for c in confs)
    assert {tuple(sorted(c["values"])) for c in confs} == {("180", "195")}
    for c in confs:
        assert c["mentions"][0]["source"] != c["mentions"][1]["source"]
        assert all("संक्रमितों" in m["sentence"]["text"] for m in c["mentions"])


def test_rounding_and_intraday_readings_are_not_conflicts():
    a = Article("a", "मुंबई में शेयर बाजार\n\nसुबह 11 बजे सेंसेक्स 2601 अंक लुढ़का। मुंबई में करीब 4800 लोग ठीक हुए।",
                source="A", published="2020-03-12")
    b = Article("b", "मुंबई में शेयर बाजार\n\nदोपहर 2 बजे सेंसेक्स 2913 अंक लुढ़का। मुंबई में 4813 लोग ठीक हुए।",
                source="B", published="2020-03-12")
    d = asimtext.digest([a, b])
    assert len(d.stories) == 1
    assert d.conflicts == []


def _days(text):
    return [d.isoformat() for d in event_days(asimtext.extract(text))]


def test_event_time_from_the_text_only_where_the_text_makes_it_the_event_s():
    # The first dated expression, a full date: the event's own.
    assert _days("On 23 August 2023 the lander touched down. It was launched in July.") \
        == ["2023-08-23"]
    # A full date after other dates, unconfirmed: history ("20 July 1969").
    assert _days("Launched on 14 July, it lands on 23 August. Apollo 11 landed on "
                 "20 July 1969.") == []
    # Confirmed by its weekday, or by its day and month said again.
    assert "2018-01-27" in _days("The 1994 rules apply. On Saturday, 27 January 2018, "
                                 "a bomb went off.")
    assert "2017-05-31" in _days("The 2001 war. The blast of 31 May 2017 killed 80; on "
                                 "May 31 the city mourned.")
    # Bare years never place an undated text (history as often as not).
    assert _days("The worst cyclone since 1999 hit the coast on Friday.") == []
    lo, hi = event_interval(None, asimtext.extract("On 23 August 2023 it landed."))
    assert lo == hi == float(datetime.date(2023, 8, 23).toordinal())
    # A publication date wins over the text.
    lo, _ = event_interval("2020-02-11", asimtext.extract("On 23 August 2023 it landed."))
    assert lo == float(datetime.date(2020, 2, 11).toordinal())


def test_other_weekday_lowers_undated_pairs_only():
    from asimtext.digest.stories import PairScores, StoryParams, group

    # Three texts with identical keys: two name Monday, one Wednesday.
    rows = np.repeat(np.arange(3), 2)
    cols = np.tile(np.arange(2), 3)
    w = np.ones(6)
    norm = np.full(3, np.sqrt(2.0))
    matrix = (rows, cols, w, norm, np.ones(6, dtype=bool), norm)
    scores = PairScores(np.array([0, 0, 1]), np.array([1, 2, 2]), np.ones(3), np.ones(3),
                        np.full(3, 5), np.full(3, 10.0), np.full(3, 10.0), matrix)
    p = StoryParams(other_weekday=0.0)
    mon, wed = 1, 4
    undated = group(3, scores, ["en"] * 3, p, weekdays=[mon, mon, wed],
                    published=[False] * 3)
    assert sorted(map(sorted, undated)) == [[0, 1], [2]]
    dated = group(3, scores, ["en"] * 3, p, weekdays=[mon, mon, wed], published=[True] * 3,
                  days=[1.0, 1.0, 2.0])
    assert dated == [[0, 1, 2]]


def test_average_link_does_not_chain():
    # A~B and B~C are strong, A~C is nothing: single link would join all three.
    rel = np.array([[0, 2, 0], [2, 0, 2], [0, 2, 0]], dtype=float)
    assert sorted(map(sorted, average_link(rel, 1.5))) == [[0, 1], [2]]
    # Two tight groups with one weak bridge stay apart.
    rel = np.full((6, 6), 0.05)
    rel[:3, :3] = rel[3:, 3:] = 2.0
    rel[2, 3] = rel[3, 2] = 2.0
    np.fill_diagonal(rel, 0)
    assert sorted(map(sorted, average_link(rel, 0.5))) == [[0, 1, 2], [3, 4, 5]]
    cannot = np.zeros((6, 6), dtype=bool)
    cannot[0, 1] = cannot[1, 0] = True
    assert [0] in average_link(rel, 0.5, cannot) or [1] in average_link(rel, 0.5, cannot)


def test_frequent_keys_pair_time_neighbours_only():
    rows = np.arange(1000)
    cols = np.zeros(1000, dtype=np.int64)
    p, q = _neighbor_pairs(rows, cols, rows.astype(float), 3)
    assert p.size == 3 * 1000 - 6  # linear in the key's document frequency, not quadratic
    assert np.all(np.abs(rows[p] - rows[q]) <= 3)


def test_a_big_event_stays_one_story():
    rng = np.random.default_rng(15)
    names = "गोरखपुर अस्पताल ऑक्सीजन बीआरडी कॉलेज राप्ती".split()
    filler = [f"शब्द{chr(0x915 + k)}{chr(0x915 + j)}" for k in range(20) for j in range(20)]
    arts = []
    for n in range(300):
        words = list(rng.choice(names, 12)) + list(rng.choice(filler, 40))
        arts.append(Article(f"a{n}", "गोरखपुर हादसा\n\n" + " ".join(words) + "।", source=f"s{n % 7}",
                            published=f"2017-08-{10 + n % 5:02d}"))
    d = asimtext.digest(arts, dup_threshold=2.0)
    assert len(d.stories) == 1, [len(s["units"]) for s in d.stories][:10]


def test_labels_are_headlines():
    d = asimtext.digest(ROOT / "seeds")
    for s in d.stories:
        assert s["label"] and not s["label"].endswith(".txt") and s["label_origin"] in ("title", "lead")
    long = "यह एक बहुत लंबा पहला वाक्य है " * 10 + "।"
    d = asimtext.digest([Article("x.txt", long + " दूसरा वाक्य।", source="X")])
    (s,) = d.stories
    assert s["label_origin"] == "lead" and s["label"].endswith("…") and len(s["label"]) <= 140
    assert long.startswith(s["label"][:-1])  # cut at a word boundary
    assert s["label"][:-1].split()[-1] in long.split()


def test_schema_2_on_conflicts_and_updates():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("asimtext.digest").joinpath("schema.json").read_text())
    arts = [_report(1, "लखनऊ", 120, "2020-04-01", "A"), _report(2, "लखनऊ", 150, "2020-04-02", "B"),
            _report(4, "लखनऊ", 195, "2020-04-02", "C"),
            Article("P", PAGE, source="X", published="2020-03-12")]
    doc = json.loads(asimtext.digest(arts).to_json())
    assert doc["schema"] == "asimtext.digest/2" and doc["updates"] and doc["conflicts"]
    jsonschema.validate(doc, schema)


# -- the "done when" figures ---------------------------------------------------------------


def test_event_set_stories_are_events():
    from events_score import digest_inputs, load_records, score

    recs = load_records()
    d = asimtext.digest(digest_inputs(recs))
    res = score(d, recs)
    assert res["pairwise_recall"] >= 0.94, res  # the issue asks 0.8; today 0.946
    # Before this issue: precision 0.195, 8 stories mixing events (one of 71 articles);
    # before the event time read from the text: 0.805, 6 mixed stories; before the
    # lead figures (:mod:`asimtext.digest.figures`): 0.845, 4 mixed stories, one of
    # them Delhi's 2020 and 2025 elections, 7 and 8 articles; before the look-alikes
    # the story's figures outvote (``StoryParams.outvoted_by``) moved or taken out: 0.899 (recall 0.937),
    # 4 mixed stories; before lead places, editions, parted pairs and the twins of
    # look-alikes (issue 15, round 3): 0.947, 2 mixed stories. Today 0.988, 1 mixed
    # story: the Pulwama convoy attack with one undated report of another attack
    # there, whose only figure is a number word (see docs/digest.md).
    assert res["pairwise_precision"] >= 0.98, res
    assert res["mixed_stories"] <= 1, res
    for m in res["mixed"]:
        assert sorted(m["events"].values())[-2] <= 1, m


def test_event_set_stories_are_events_from_the_text_alone():
    """Without publication dates (id and text only) the dates, editions, places and
    figures of the texts keep look-alikes apart: 3 mixed stories (were 4; 9 before the
    event time was read from the text), precision 0.936 (was 0.803)."""
    from events_score import digest_inputs, load_records, score

    recs = load_records()
    res = score(asimtext.digest(digest_inputs(recs, text_only=True)), recs)
    assert res["pairwise_recall"] >= 0.92, res
    assert res["pairwise_precision"] >= 0.93, res
    assert res["mixed_stories"] <= 3, res


def test_held_out_event_set_stays_apart():
    """The held-out set (tests/data/events-heldout/): 1 mixed story left (a preview of
    the 2024 interim budget with the July 2024 budget; was 2: the Mundka fire with the
    Rajkot one, a 2024-25 budget report with the 2025 budget), recall 0.998."""
    from events_score import digest_inputs, load_records, score

    recs = load_records(ROOT / "tests" / "data" / "events-heldout" / "events.jsonl")
    res = score(asimtext.digest(digest_inputs(recs)), recs)
    assert res["pairwise_recall"] >= 0.98, res
    assert res["mixed_stories"] <= 1, res


def test_held_out_event_set_from_the_text_alone():
    """Id and text only: precision 0.985, recall 0.983, 1 mixed story (the interim
    budget preview). Before tight parts (``StoryParams.tight_parts``), 0.864 and 2
    mixed: the eight New Delhi station stampede reports, which name the Kumbh their
    pilgrims were going to, with the eight Kumbh stampede reports."""
    from events_score import digest_inputs, load_records, score

    recs = load_records(ROOT / "tests" / "data" / "events-heldout" / "events.jsonl")
    res = score(asimtext.digest(digest_inputs(recs, text_only=True)), recs)
    assert res["pairwise_precision"] >= 0.98, res
    assert res["pairwise_recall"] >= 0.98, res
    assert res["mixed_stories"] <= 1, res


@pytest.fixture(scope="module")
def news_dev():
    if not NEWS_DEV.exists():
        pytest.skip("../shared/data/news-dev is not here")
    return asimtext.digest(NEWS_DEV)


def test_news_dev_facts_are_measured_and_few(news_dev):
    pages = [a for a in news_dev.articles if a["status"] == "ok"]
    numeric = [f for f in news_dev.facts if f["kind"] in ("number", "money", "percent")]
    assert numeric and all(f["measure"] and f["measure"]["key"] for f in numeric)
    assert len(news_dev.facts) / len(pages) <= 3.0
    assert not [e for e in news_dev.timeline if e["date"][:4] in ("1024", "2053")]


def test_news_dev_conflicts_are_same_day_and_updates_are_series(news_dev):
    import datetime as dt

    pub = {a["id"]: dt.date.fromisoformat(a["published"][:10]) for a in news_dev.articles}
    far = [c for c in news_dev.conflicts
           if abs((pub[c["mentions"][0]["article"]] - pub[c["mentions"][1]["article"]]).days) > 2]
    assert news_dev.conflicts and len(far) <= 0.1 * len(news_dev.conflicts)
    for c in news_dev.conflicts:
        assert c["mentions"][0]["source"] != c["mentions"][1]["source"]
    assert news_dev.updates
    for u in news_dev.updates:
        days = [p["as_of"] for p in u["points"]]
        assert len(days) >= 2 and days == sorted(days) and len(set(days)) == len(days)
        assert len({p["value"] for p in u["points"]}) >= 2


def test_numbered_names_across_scripts_and_different_numbers():
    from asimtext.digest.numbered import different_numbers, numbered_names

    def key(w):
        ks = asimtext.xscript_keys(w)
        return ks[0][2] if ks else ""

    hi3 = numbered_names("भारत के चंद्रयान-3 के लैंडर विक्रम", key)
    en3 = numbered_names("India's Chandrayaan-3 spacecraft landed", key)
    hi2 = numbered_names("चंद्रयान-2 के लैंडर विक्रम से संपर्क टूटा", key)
    both = numbered_names("After Chandrayaan-2 failed, Chandrayaan-3 landed", key)
    assert hi3 == en3 and hi3 != hi2
    # Dates, ranges and bare numbers are no numbered names.
    assert numbered_names("on 2019-09-07, 10-12 people, 45 dead", key) == frozenset()
    diff = different_numbers([hi3, en3, hi2, both, frozenset()])
    assert not diff[0, 1] and diff[0, 2] and diff[1, 2]
    assert not diff[0, 3] and not diff[2, 3]  # a text naming both shares each's number
    assert not diff[4].any()
    # Only the lead's numbered names, when asked (a detail further down is no subject).
    text = "ISRO lands Chandrayaan-3. It is on the Moon. India cheers. Chandrayaan-2 failed."
    assert numbered_names(text, key, end=text.index("India")) == hi3


def test_undated_reports_are_kept_apart_by_the_dates_their_texts_state():
    body = ("a suicide bomber drove an ambulance packed with explosives into a crowded "
            "street of Kabul near the old interior ministry, killing dozens and wounding "
            "many more, officials of the health ministry said in Kabul.")
    dated = [Article("a", f"On 27 January 2018 {body}"), Article("b", f"On 31 May 2017 {body}"),
             Article("c", f"On 27 January 2018 {body} Rescue teams kept searching.")]
    d = asimtext.digest(dated)
    story = {a["id"]: a["story"] for a in d.articles}
    assert story["a"] == story["c"] != story["b"]
    # The same reports without their dates are one story: the dates did it.
    plain = [Article("a", body), Article("b", body + " Police sealed the area.")]
    d = asimtext.digest(plain)
    assert len({a["story"] for a in d.articles}) == 1


def test_lead_end_is_the_end_of_the_third_sentence():
    from asimtext.digest.text import lead_end

    text = "पहला वाक्य है। दूसरा वाक्य है। Third one. Fourth one."
    assert text[:lead_end(text)] == "पहला वाक्य है। दूसरा वाक्य है। Third one."
    assert lead_end("no boundary at all") == len("no boundary at all")


def test_lead_figures_disagree_between_two_events_not_within_rounding():
    from asimtext.digest.figures import disagreeing_figures, lead_figures

    def figs(text):
        (spans,) = asimtext.extract_batch([text])
        return lead_figures(text, spans)

    a = figs("आम आदमी पार्टी ने 62 सीटों पर जीत दर्ज की है। बीजेपी को सिर्फ 8 सीटें मिलीं।")
    b = figs("भाजपा ने 48 सीटें जीती हैं, जबकि आप ने 22 सीटें जीती हैं।")
    c = figs("AAP won 62 seats, while the BJP won 8 seats.")
    d = figs("About 60 seats went to AAP.")
    assert {"#=seats=62", "#=seats=8"} <= a and {"#=seats=48", "#=seats=22"} <= b
    m = disagreeing_figures([a, b, c, d, frozenset()])
    assert m[0, 1] and m[1, 2]  # 2020's result against 2025's
    assert not m[0, 2]  # the same figures, two languages
    assert not m[0, 4] and not m[4, 4]  # no figures: no evidence
    # One figure against another is a conflict inside one event, not two events.
    e, f = figs("हादसे में 12 लोगों की मौत हो गई।"), figs("हादसे में 15 लोगों की मौत हो गई।")
    assert e and f and not disagreeing_figures([e, f])[0, 1]


def test_numbered_names_and_lead_in_one_pass():
    from asimtext.digest.numbered import numbered_names, numbered_names_and_lead
    from asimtext.digest.text import lead_end

    key = str.lower
    t = "After Chandrayaan-2 failed. Chandrayaan-3 landed. Then PK-8303 flew. And Ward-12."
    for lead in (0, lead_end(t, 1), lead_end(t, 2), lead_end(t), len(t)):
        every, first = numbered_names_and_lead(t, key, lead)
        assert every == numbered_names(t, key) and first == numbered_names(t, key, lead), lead
    assert numbered_names_and_lead(t, key, lead_end(t, 1))[1] == {"chandrayaan-2"}


def test_neighbour_pairs_by_blocks_are_the_neighbour_pairs():
    from asimtext.digest.stories import _Neighbours

    rng = np.random.default_rng(5)
    rows = np.repeat(np.arange(40), 6)
    cols = rng.integers(0, 5, rows.size)
    keep = np.unique(rows * 10 + cols, return_index=True)[1]  # one entry per (row, key)
    rows, cols = rows[keep], cols[keep]
    w = rng.random(rows.size)
    days = rng.integers(0, 4, 40).astype(float)
    p, q = _neighbor_pairs(rows, cols, days[rows], 3)
    want = sorted((min(rows[a], rows[b]), max(rows[a], rows[b]), cols[a], round(w[a] * w[b], 12))
                  for a, b in zip(p, q))
    near = _Neighbours(rows, cols, w, days, 40, 3)
    got = []
    for lo in range(0, 40, 7):  # blocks of first articles
        a, b, k, prod = near.block(lo, lo + 7)
        assert ((a >= lo) & (a < lo + 7)).all()
        got += [(x, y, z, round(v, 12)) for x, y, z, v in zip(a, b, k, prod)]
    assert sorted(got) == want and len(want) > 50
    assert near.per_row().sum() == len(want)


def _disagree_by_pairs(figures):
    """The rule of :func:`asimtext.digest.figures.disagreeing_figures`, pair by pair."""
    from asimtext.digest.figures import MIN_FIGURES, _by_measure

    by = [_by_measure(f) for f in figures]
    out = np.zeros((len(figures), len(figures)), dtype=bool)
    for a in range(len(figures)):
        for b in range(a + 1, len(figures)):
            met = apart = figs = 0
            for m in by[a].keys() & by[b].keys():
                if any(agree(u, None, v, None) for u in by[a][m] for v in by[b][m]):
                    met += 1
                else:
                    apart += 1
                    figs += min(len(by[a][m]), len(by[b][m]))
            out[a, b] = out[b, a] = apart > met and figs >= MIN_FIGURES
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.frozensets(st.tuples(st.sampled_from(["deaths", "seats", "injured"]),
                                        st.sampled_from([1, 7, 8, 12, 15, 22, 48, 62, 100,
                                                         140, 150, 3500, 3549, 4800, 4813,
                                                         2.5])),
                              max_size=4), max_size=7))
def test_disagreeing_figures_matrix_is_the_pair_rule(sets):
    from asimtext.digest.figures import disagreeing_figures, figure_key

    figures = [frozenset(figure_key(m, v) for m, v in s) for s in sets]
    assert (disagreeing_figures(figures) == _disagree_by_pairs(figures)).all()


def _close_by_pairs(figures):
    """Per pair of texts: whether they state figures for one measure within CLOSE."""
    from asimtext.digest.figures import CLOSE, _by_measure

    by = [_by_measure(f) for f in figures]
    n = len(figures)
    close = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(n):
            if a != b:
                close[a, b] = any(max(u, v) / min(u, v) <= CLOSE
                                  for m in by[a].keys() & by[b].keys()
                                  for u in by[a][m] for v in by[b][m])
    return by, close


@settings(max_examples=200, deadline=None)
@given(st.lists(st.frozensets(st.tuples(st.sampled_from(["deaths", "seats", "injured"]),
                                        st.sampled_from([1, 7, 8, 12, 15, 22, 48, 62, 100,
                                                         119, 140, 150, 3500, 4800, 2.5])),
                              max_size=4), max_size=8),
       st.lists(st.booleans(), min_size=8, max_size=8), st.integers(1, 4))
def test_outvoted_and_meeting_figures_are_the_pair_rules(sets, cand, k):
    from asimtext.digest.figures import figure_key, meeting_figures, meets_any, outvoted

    figures = [frozenset(figure_key(m, v) for m, v in s) for s in sets]
    by, close = _close_by_pairs(figures)
    assert (meeting_figures(figures) == close).all()
    for t in range(len(figures)):
        assert meets_any(figures[t], figures[:t] + figures[t + 1:]) == bool(close[t].any())
    want = []
    for t in range(len(figures)):
        others = [0]
        for m in by[t]:
            hold = [u for u in range(len(figures)) if m in by[u]]
            # the story's own figure: most of the holders other than t (t meets none)
            # are one holder and those meeting it
            star = 1 + max(sum(1 for w in hold if w != u and any(
                max(x, y) / min(x, y) <= 1.2 for x in by[u][m] for y in by[w][m]))
                for u in hold)
            if 2 * star > len(hold) - 1:
                others.append(len(hold) - 1)
        if cand[t] and by[t] and not close[t].any() and max(others) >= k:
            want.append(t)
    assert outvoted(figures, cand[:len(figures)], k).tolist() == want


def test_a_look_alike_whose_figures_meet_none_of_the_story_leaves_it():
    from asimtext.digest.figures import figure_key, outvoted

    story = [frozenset({figure_key("deaths", 80), figure_key("injured", 350)}),
             frozenset({figure_key("deaths", 90)}), frozenset({figure_key("deaths", 80)}),
             frozenset({figure_key("deaths", 50), figure_key("injured", 320)})]
    alike = frozenset({figure_key("deaths", 13)})
    early = frozenset({figure_key("deaths", 75)})  # near 80: one event's toll
    figs = story + [alike, early, frozenset()]
    assert outvoted(figs, [True] * len(figs), 3).tolist() == [4]
    assert outvoted(figs, [False] * 4 + [False, True, True], 3).tolist() == []  # dated
    assert outvoted(figs, [True] * len(figs), 6).tolist() == []  # 5 others: too few
    # No figure of its own in a story of two events (most of the other holders meet no
    # one figure: 80 90 | 15 14, judging 40).
    two = story[:2] + [frozenset({figure_key("deaths", 15)}), frozenset({figure_key("deaths", 14)}),
                       frozenset({figure_key("deaths", 40)})]
    assert outvoted(two, [True] * len(two), 3).tolist() == []
    # A toll that grew (8, 20, 30 in early reports; 40 and 42 in five others) is the
    # story's own figure for a look-alike's 2: the member judged is not one of the judges.
    grown = [frozenset({figure_key("deaths", v)}) for v in (42, 40, 40, 8, 20, 40, 30, 40, 2)]
    assert outvoted(grown, [True] * len(grown), 3).tolist() == [3, 4, 6, 8]


def test_twin_look_alikes_leave_a_story_together():
    """Two undated reports of one look-alike event (2 policemen killed; 2 injured: no
    figure of the story's) sit in a story of five reports stating 40 deaths. The one
    the figures outvote leaves, and its twin (as close as the solo bar) goes with it,
    though its own figure is on a measure too few members state to outvote it."""
    from asimtext.digest.figures import figure_key
    from asimtext.digest.stories import StoryParams, _split_outvoted

    params = StoryParams()
    figs = [frozenset({figure_key("deaths", 40)})] * 4 + [
        frozenset({figure_key("deaths", 42), figure_key("injured", 8)}),
        frozenset({figure_key("deaths", 2)}), frozenset({figure_key("injured", 2)})]
    n = len(figs)
    rel = np.full((n, n), 2.4)
    rel[5:, :5] = rel[:5, 5:] = 1.0  # the look-alikes: topic words and place only
    rel[5, 6] = rel[6, 5] = 4.0  # twins
    np.fill_diagonal(rel, 0.0)
    apart = np.zeros((n, n), dtype=bool)
    arr = np.arange(n)
    pub = np.zeros(n, dtype=bool)
    got = _split_outvoted([list(range(n))], rel, apart, arr, pub, figs, params)
    assert sorted(got) == [[0, 1, 2, 3, 4], [5, 6]]
    # Without the twin's weak link to the story (a copy of a member), nothing leaves.
    rel[6, :5] = rel[:5, 6] = 2.4
    got = _split_outvoted([list(range(n))], rel, apart, arr, pub, figs, params)
    assert sorted(got) != [[0, 1, 2, 3, 4], [5, 6]]


def _xkey(w):
    ks = asimtext.xscript_keys(w)
    return ks[0][2] if ks else ""


def test_a_name_followed_by_a_year_is_an_edition():
    from asimtext.digest.numbered import different_editions, different_numbers
    from asimtext.digest.numbered import numbered_names_and_lead as both

    def lead(text):
        return both(text, _xkey, len(text))[1]

    b25 = lead("केंद्रीय बजट 2025-26 पेश हो गया है।")
    b25h = lead("बजट-2025 में मिडिल क्लास को राहत।")
    b24 = lead("केंद्रीय बजट 2024-25 प्रस्तुत करते हुए वित्त मंत्री ने कहा।")
    en24 = lead("Union Budget 2024: Nirmala Sitharaman revises the slabs.")
    en25 = lead("Budget 2025-26 LIVE: zero income tax till 12 lakh.")
    wc = lead("ICC World Cup 2023 final: Australia beat India.")
    # Dates, counts and years after a word for "year" name no edition.
    for text in ("14 मार्च 2020 को", "28-MAR-2020 11:11 PM", "साल 2019 में", "in 2019 the",
                 "मरीजों की संख्या 2017 हो गई", "करीब 2000 लोग", "Feb 14, 2019", "1994 बैच"):
        assert lead(text) == frozenset(), text
    eds = [b25, b25h, b24, en24, en25, wc, frozenset()]
    diff = different_editions(eds)
    assert not diff[0, 1] and diff[0, 2] and diff[1, 2]  # बजट 2025 / बजट-2025 / बजट 2024-25
    assert diff[0, 3] and diff[3, 4] and not diff[2, 3]  # across scripts: the years alone
    assert not diff[0, 4]  # 2025 in both scripts
    assert not diff[5, 3] and not diff[5, 4]  # a cup and a budget, one script: two names
    assert diff[5, 2]  # ... across scripts, the years only (2023, 2024): weak evidence
    assert not diff[6].any()
    # Editions are no numbered names of the pair rule's strong kind (any dates).
    assert not different_numbers(eds).any()


def test_lead_places_name_states_and_foreign_countries_not_datelines():
    from asimtext.digest.lead_places import different_places, lead_places
    from asimtext.digest.text import lead_end
    from asimtext.pure.gazetteer import gazetteer_find

    def places(text):
        return lead_places(text, lead_end(text), gazetteer_find)

    delhi = places("दिल्ली के मुंडका इलाके में स्थित एक बिल्डिंग में भीषण आग लग गई।")
    gujarat = places("गुजरात के राजकोट में टीआरपी गेम जोन हादसे से हर कोई सकते में है।")
    en_gj = places("A massive fire broke out at a game zone in Gujarat's Rajkot city.")
    dateline = places("नई दिल्ली– गुजरात के राजकोट में आग लगने से 27 लोगों की मौत हो गई।")
    srinagar = places("SRINAGAR: At least 40 CRPF personnel were killed in Jammu and Kashmir.")
    nepal = places("नेपाल में आए भूकंप के झटके बिहार में भी महसूस किए गए।")
    kabul = places("A suicide bomber struck in Kabul, Afghanistan.")
    india = places("India won the final against Australia.")
    assert delhi == {"ut:dl"} and gujarat == en_gj == dateline == {"state:gj"}
    assert srinagar == {"ut:jk"}
    assert nepal == {"country:np", "state:br"} and "country:in" not in india
    m = different_places([delhi, gujarat, en_gj, nepal, kabul, india, frozenset()])
    assert m[0, 1] and m[0, 2] and not m[1, 2]  # Delhi / Gujarat; Gujarat in both scripts
    assert m[0, 3]  # Delhi against Bihar (states)
    assert m[3, 4] and m[4, 5]  # Nepal / Afghanistan; Afghanistan / Australia (India: none)
    assert not m[1, 4]  # a state against a foreign country: other levels, no evidence
    assert not m[6].any()


def test_a_pair_of_an_unplaced_report_and_a_dated_one_parts_when_another_year_would_take_it():
    """An undated flood report (no date in its text) joined to one dated landslide report
    of 2020, where the reports of the 2018 flood (dated apart from it) would take it as
    well: only time tells which, and it has none. Left alone, it mixes no story."""
    from asimtext.digest.stories import StoryParams, _part_unplaced_pairs

    params = StoryParams()
    nan = float("nan")
    first_day = np.array([nan, 737644.0, 736925.0, 736925.0, 736926.0])  # 2020; 2018 x3
    rel = np.array([[0.0, 1.5, 0.7, 0.9, 0.6],
                    [1.5, 0.0, 0.0, 0.0, 0.0],
                    [0.7, 0.0, 0.0, 2.0, 2.0],
                    [0.9, 0.0, 2.0, 0.0, 2.0],
                    [0.6, 0.0, 2.0, 2.0, 0.0]])
    apart = np.zeros((5, 5), dtype=bool)
    apart[1, 2:] = apart[2:, 1] = True
    clusters = [[0, 1], [2, 3, 4]]
    got = _part_unplaced_pairs(clusters, rel, apart, first_day, params)
    assert sorted(got) == [[0], [1], [2, 3, 4]]
    # The 2018 story would not take it (mean below the average link): the pair stays.
    weak = rel.copy()
    weak[0, 2:] = weak[2:, 0] = 0.2
    assert _part_unplaced_pairs(clusters, weak, apart, first_day, params) == clusters
    # Dated by its text (the window places it): the pair stays.
    placed = first_day.copy()
    placed[0] = 737644.0
    assert _part_unplaced_pairs(clusters, rel, apart, placed, params) == clusters


def test_parts_with_their_own_figures_or_editions_do_not_merge():
    """Two undated parts, each agreeing on its own figure (62 and 8 seats, said by most
    of its reports; 48 and 22 by the other's), are two events' reports: the average
    link never merges them, however alike their words. A growing toll has no figure of
    its own, and dated parts are left to the window."""
    from asimtext.digest.figures import figure_key, figures_part, own_figures
    from asimtext.digest.numbered import EDITION, own_edition
    from asimtext.digest.stories import StoryParams, _parts_veto, average_link

    seats = [frozenset({figure_key("seats", 62), figure_key("seats", 8)})] * 3 + [frozenset()]
    other = [frozenset({figure_key("seats", 48), figure_key("seats", 22)})] * 2 + [
        frozenset({figure_key("seats", 48)}), frozenset({figure_key("seats", 40)})]
    grown = [frozenset({figure_key("deaths", v)}) for v in (8, 20, 40)]
    own_a, own_b = own_figures(seats), own_figures(other)
    assert set(np.exp(own_a["seats"]).round()) == {62, 8}
    assert set(np.exp(own_b["seats"]).round()) == {48, 22}
    assert figures_part(own_a, own_b) and not figures_part(own_a, own_a)
    assert own_figures(grown) == {} and own_figures(seats[:2]) == {}  # no majority; too few
    assert not figures_part(own_a, {})  # no measure in common: no evidence
    ed = [frozenset({f"{EDITION}deva:bajat-2025"})] * 2 + [frozenset({f"{EDITION}latn:budget-2025"})]
    assert own_edition(ed) == "2025" and own_edition(ed[:2]) is None
    assert own_edition(ed + [frozenset({f"{EDITION}latn:budget-2024"})] * 3) is None  # 3 of 6

    params = StoryParams()
    figs = seats + other
    n = len(figs)
    rel = np.full((n, n), 2.0)
    rel[:4, 4:] = rel[4:, :4] = 1.0
    np.fill_diagonal(rel, 0.0)
    arr = np.arange(n)
    undated = np.zeros(n, dtype=bool)
    veto = _parts_veto(arr, undated, figs, None, params)
    assert sorted(average_link(rel, params.average_link, None, veto)) == [[0, 1, 2, 3],
                                                                           [4, 5, 6, 7]]
    assert average_link(rel, params.average_link, None, None) == [list(range(n))]
    assert _parts_veto(arr, np.ones(n, dtype=bool), figs, None, params) is None  # dated
