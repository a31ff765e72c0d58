"""Issue 15, the fourth event set (tests/data/events-fourth/): the rules read from its
failures (the localities a lead names below the state; the ordinal of a recurring
meeting), each on real sentences of the sets, then the set's figures (skipped when the
set is absent). The set is no longer blind: see its README."""

from __future__ import annotations

from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext.digest.backend import default_backend
from asimtext.digest.lead_places import (
    different_places,
    lead_places,
    other_spots,
    with_mentions,
)
from asimtext.digest.localities import lead_localities, skeleton, spelling
from asimtext.digest.numbered import (
    different_numbers,
    different_ordinals,
    lead_ordinals,
    own_ordinal,
)
from asimtext.digest.text import lead_end
from asimtext.pure.gazetteer import gazetteer_find

ROOT = Path(__file__).resolve().parent.parent
FOURTH = ROOT / "tests" / "data" / "events-fourth" / "events.jsonl"


def _key(word):
    ks = default_backend().xscript_keys(word, stopwords=False)
    return ks[0][2] if ks else ""


def _local(text):
    return {x.split(":", 1)[1] for x in lead_localities(text, lead_end(text), _key,
                                                         gazetteer_find)
            if x.startswith("local:")}


def test_skeleton_meets_one_place_in_two_scripts():
    # अल्मोड़ा keys "almod", Almora "almor"; पौड़ी "paud", Pauri "paur".
    assert skeleton(_key("अल्मोड़ा")) == skeleton(_key("Almora"))
    assert skeleton(_key("पौड़ी")) == skeleton(_key("Pauri"))
    assert skeleton(_key("किश्तवाड़")) == skeleton(_key("Kishtwar"))
    assert skeleton(_key("मुस्तफाबाद")) == skeleton(_key("Mustafabad"))
    assert skeleton(_key("Almora")) != skeleton(_key("Pauri"))


def test_localities_are_read_in_the_frames_news_puts_them_in():
    # tests/data/events-fourth: hi-almora-02, hi-pauri-01, en-pauri-02, en-almora-01,
    # hi-mustafabad-02, en-dharali-03 (real sentences).
    almora_hi = _local("अल्मोड़ा जिले के सल्ट विकासखंड के मरचूला में यात्रियों से खचाखच भरी एक "
                       "बस अनियंत्रित होकर करीब 150 फुट गहरी खाई में जा गिरी।")
    pauri_hi = _local("जनपद पौड़ी गढ़वाल के थाना धुमाकोट क्षेत्रांतर्गत सिमड़ी गांव के पास बारात "
                      "की एक बस खाई में गिरकर दुर्घटनाग्रस्त हुई है।")
    pauri_en = _local("Rescue operation underway after a bus carrying passengers falls into a "
                      "gorge on Rikhnikhal-Birokhal road near Simdi village, in Pauri Garhwal "
                      "district on Tuesday, October 4, 2022.")
    almora_en = _local("A packed-beyond-capacity bus carrying passengers returning to work "
                       "after Diwali fell into a deep gorge in Uttarakhand's Almora district on "
                       "Monday. Twenty-six people were injured when the 43-seater bus was on "
                       "its way from Pauri in Garhwal region to Ramnagar in Kumaon.")
    assert skeleton(_key("अल्मोड़ा")) in almora_hi and skeleton(_key("सल्ट")) in almora_hi
    assert {skeleton(_key(w)) for w in ("सिमड़ी", "धुमाकोट", "गढ़वाल")} <= pauri_hi
    assert pauri_hi & pauri_en and not almora_hi & pauri_hi
    # The state is no locality; where the bus set out from is not where it fell.
    assert almora_en == {skeleton(_key("Almora"))}
    assert _local("दिल्ली के मुस्तफाबाद इलाके में एक 4 मंजिला इमारत देर रात भरभराकर गिर गई "
                  "है।") == {skeleton(_key("मुस्तफाबाद"))}
    assert _local("the flash flood swept through the Himalayan village of Dharali on "
                  "Tuesday") == {skeleton(_key("Dharali"))}
    # en-mustafabad-01: an article before the name, no "of" after the word for a place.
    assert skeleton(_key("Dayalpur")) in _local(
        "Eleven people were killed after a four-storey unauthorised residential building "
        "collapsed in the Dayalpur village area in Mustafabad.")
    # Words before a word for a place that are no name (hi-karachi-03).
    assert _local("विमान कराची के रिहाइशी इलाके में गिरा। पूरे इलाके में अफरा-तफरी मच गई।") == set()
    # Offices after a state are no place; a Title Case headline's capitals mark no names.
    assert _local("Uttarakhand's Chief Minister Pushkar Singh Dhami ordered an inquiry.") == set()
    assert _local("PIA Plane With Over 100 Passengers Crashes In Residential Area Near "
                  "Karachi Airport") == set()


def test_leads_naming_other_localities_differ_like_other_states():
    texts = [
        "अल्मोड़ा जिले के सल्ट विकासखंड के मरचूला में यात्रियों से खचाखच भरी एक बस खाई में जा गिरी।",
        "A bus fell into a deep gorge in Uttarakhand's Almora district on Monday.",
        "जनपद पौड़ी गढ़वाल के थाना धुमाकोट क्षेत्रांतर्गत सिमड़ी गांव के पास बारात की एक बस खाई में गिरी।",
        "उत्तराखंड में एक बस खाई में गिर गई।",  # no locality: no evidence either way
    ]
    places = [lead_places(t, lead_end(t), gazetteer_find, _key) for t in texts]
    m = different_places(places)
    assert not m[0, 1] and m[0, 2] and m[1, 2]
    assert not m[3].any()
    # Without the key (as before), the leads name one state only.
    assert not different_places([lead_places(t, lead_end(t), gazetteer_find)
                                 for t in texts]).any()


def test_two_spots_of_one_district_are_two_events():
    """tests/data/events-third: hi-saranaug-01 (Marhaura, August 2022), hi-saran-01
    (Isuapur, December 2022), en-saran-02 (December: Chhapra, the district's seat, is
    an area, not a spot), and a town that is also its district (en-harda-01/03)."""
    texts = [
        "सारण : बिहार के सारण जिले के मढ़ौरा थाना क्षेत्र के भुआलपुर में कल 11 अगस्त 2022 की शाम "
        "जहरीली शराब के सेवन से पांच लोगों की दुखद मौत हो गई।",
        "मामला छपरा का है जिसमे जहरीली शराब पीने से अब तक 11 लोगों की मौ’त हो गई है। यह वारदात "
        "सारण जिले के इसुआपुर थाना क्षेत्र की है।",
        "Bihar Hooch Tragedy: At least six people have died after consuming spurious liquor "
        "in Chhapra area of Saran district.",
        "The blast, that occurred at a factory situated on Magardha road in Bairagarh village "
        "of Harda, was followed by a fire.",
        "At least 11 were killed in a blast in Harda block of Harda district on Tuesday.",
    ]
    places = [lead_places(t, lead_end(t), gazetteer_find, _key) for t in texts]
    assert any(p.startswith("sub:") for p in places[0]) and any(
        p.startswith("sub:") for p in places[1])
    assert not any(p.startswith("sub:") for p in places[2])
    m = other_spots(places)
    assert m[0, 1] and m[1, 0]  # Marhaura / Isuapur, both of Saran
    assert not m[0, 2] and not m[1, 2]  # Chhapra area: no spot
    assert any(p.startswith("sub:") for p in places[4])
    assert not m[3, 4]  # Bairagarh village of Harda / Harda block: Harda in common


def test_a_lead_without_a_frame_takes_the_places_its_group_frames():
    """tests/data/events-fourth: hi-seelampur2019-01 opens with its place but in no
    frame; hi-seelampur-01 frames Seelampur, hi-mustafabad-02 Mustafabad; hi-sigachi-02
    names a fire brigade (ब्रिगेड), whose consonants are Bairagarh's (en-harda-01)."""
    texts = [
        "सीलमपुर में बीती रात 4 मंजिला इमारत गिरने से मचा हड़कंप, अचानक 4 मंजिला इमारत भरभरा कर "
        "जमीन पर आ गई.",
        "दिल्ली के सीलमपुर इलाके में स्थित जनता मजदूर कॉलोनी में एक चार मंजिला इमारत गिर गई।",
        "दिल्ली के मुस्तफाबाद इलाके में एक 4 मंजिला इमारत देर रात भरभराकर गिर गई है।",
        "11 फायर ब्रिगेड की गाड़ियाें ने भारी मश्नकत के बाद आग पर काबू पाया.",
        "The blast, that occurred at a factory situated on Magardha road in Bairagarh village "
        "of Harda, was followed by a fire.",
    ]
    places = [lead_places(t, lead_end(t), gazetteer_find, _key) for t in texts]
    assert not different_places(places)[0].any()  # a mention alone compares nothing
    got = with_mentions(places)
    seelampur = "local:" + skeleton(_key("सीलमपुर"))
    assert seelampur in got[0] and not any(p.startswith("mention") for p in got[0])
    m = different_places(got)
    assert not m[0, 1] and m[0, 2]
    assert skeleton(_key("ब्रिगेड")) == skeleton(_key("Bairagarh"))  # consonants meet,
    assert spelling(_key("ब्रिगेड")) != spelling(_key("Bairagarh"))  # spellings do not:
    assert not any(p.startswith("local:") for p in got[3])  # no place taken
    assert spelling(_key("अल्मोड़ा")) == spelling(_key("Almora"))


@pytest.mark.parametrize("text, ordinals", [
    ("GST काउंसिल की 56वीं बैठक में 5% और 18% के दो टैक्स स्लैब को मंजूरी दे दी गई.",
     {"deva:बैठक:56"}),
    ("केंद्रीय वित्त मंत्री निर्मला सीतारमण की अध्यक्षता में GST काउंसिल की 55 वीं बैठक शनिवार को "
     "राजस्थान के जैसलमेर में हुई", {"deva:बैठक:55"}),
    ("आज मंगलवार को जीएसटी काउंसिल की 50वी बैठक मे क्ई अहम फैसले लिए गये।", {"deva:बैठक:50"}),
    ("The 56th GST Council meeting will be held in New Delhi on September 3 and 4, 2025.",
     {"latn:meeting:56"}),
    ("The 55th meeting of GST Council has started in Jaisalmer.", {"latn:meeting:55"}),
    ("इसरो के 101वें सैटेलाइट का लॉन्च विफल", {"deva:सैटेलाइट:101"}),
    # A title counted: its last word, where the word after it only links it to the
    # sentence (tests/data/events-seventh: every CJI report in English counts the same).
    ("Justice Bhushan Ramkrishna Gavai was sworn in as the 52nd Chief Justice of India in a "
     "ceremony at Rashtrapati Bhavan", {"latn:india:52"}),
    ("Justice Surya Kant on Monday took oath as the 53rd Chief Justice of India at the "
     "Rashtrapati Bhavan", {"latn:india:53"}),
    ("51st Chief Justice Of India: जस्टिस संजीव खन्ना ने आज शपथ ली", {"latn:india:51"}),
    # Days of a month, counts of time, school classes: no ordinal of an event.
    ("an Officers' Meeting will be held on 2nd September, 2025 at New Delhi", set()),
    ("on Monday, 4th November, killing at least 36", set()),
    ("राहत कार्य के 10वें दिन भी मलबा हटाया जा रहा है", set()),
    ("10वीं कक्षा की परीक्षाएं स्थगित", set()),
])
def test_ordinals_in_digits_name_which_time_of_a_recurring_thing(text, ordinals):
    assert lead_ordinals(text, len(text)) == {f"@ordinal:{x}" for x in ordinals}


def test_other_ordinals_differ_and_a_story_has_its_own():
    o = [frozenset({"@ordinal:deva:बैठक:55"}), frozenset({"@ordinal:deva:बैठक:56"}),
         frozenset({"@ordinal:deva:बैठक:55", "@ordinal:deva:बैठक:56"}), frozenset(),
         frozenset({"@ordinal:latn:meeting:56"}), frozenset({"@ordinal:latn:launch:101"}),
         frozenset({"@ordinal:latn:flight:63"})]
    m = different_ordinals(o)
    assert m[0, 1] and m[1, 0] and not m[0, 2] and not m[1, 2] and not m[3].any()
    assert m[0, 4] and not m[1, 4] and m[5, 6]  # any things: the numbers alone
    same = different_ordinals(o, same_thing=True)
    assert same[0, 1] and not same[0, 2] and not same[0, 4]  # one thing, one script
    assert not same[5, 6]  # the 101st launch is the 63rd flight: other things counted
    assert not different_numbers(o).any()  # not the numbered names' kind
    assert own_ordinal(o[:1] * 3 + o[1:2], 3) == "55"
    assert own_ordinal(o[:1] * 2, 3) is None


def test_two_meetings_of_one_council_stay_apart_without_dates():
    """Undated reports of two meetings of one council share every word but its number
    (tests/data/events-fourth: hi-gst55-02, hi-gst56-01, shortened)."""
    def art(i, n, extra):
        return asimtext.Article(i, f"केंद्रीय वित्त मंत्री निर्मला सीतारमण की अध्यक्षता में GST काउंसिल "
                                f"की {n}वीं बैठक हुई और इसमें कई अहम फैसले लिए गए। {extra} जीएसटी "
                                "परिषद ने कई वस्तुओं पर टैक्स की दरें बदलने को मंजूरी दी।")
    arts = [art("a", 55, "पॉपकॉर्न पर टैक्स तय हुआ।"), art("b", 55, "पुरानी कार पर टैक्स बढ़ा।"),
            art("c", 56, "दो टैक्स स्लैब को मंजूरी मिली।")]
    story = {a["id"]: a["story"] for a in asimtext.digest(arts).articles}
    assert story["a"] == story["b"] != story["c"]


def test_two_tight_undated_parts_bridged_weakly_do_not_merge():
    """Pair similarities (in units of the pair threshold) of four New Delhi station
    stampede reports and four Kumbh stampede reports (tests/data/events-heldout, id and
    text only, rounded): each part holds together at about 2, the station reports name
    the Kumbh ("pilgrims en route to the Maha Kumbh festival in Prayagraj") and lift
    the mean between the parts to 0.55, above the average link's 0.4."""
    from asimtext.digest.stories import StoryParams, _parts_veto, average_link

    inside = np.full((4, 4), 2.0)
    rel = np.block([[inside, np.full((4, 4), 0.55)], [np.full((4, 4), 0.55), inside]])
    rel[0, 4] = rel[4, 0] = 1.3  # en-ndls-01 / en-kumbh-01
    np.fill_diagonal(rel, 0.0)
    arr = np.arange(8)
    undated = np.zeros(8, dtype=bool)
    params = StoryParams()
    veto = _parts_veto(arr, undated, None, [frozenset()] * 8, params, rel)
    assert sorted(map(sorted, average_link(rel, params.average_link, None, veto))) == [
        [0, 1, 2, 3], [4, 5, 6, 7]]
    loose = StoryParams(tight_parts=0.0)
    assert len(average_link(rel, params.average_link, None,
                            _parts_veto(arr, undated, None, [frozenset()] * 8, loose, rel))) == 1
    # Dated parts: the window decides, not this.
    assert _parts_veto(arr, np.ones(8, dtype=bool), None, [frozenset()] * 8, params) is None


# -- the set's figures -----------------------------------------------------------------------


def _fourth(text_only):
    if not FOURTH.exists():
        pytest.skip("tests/data/events-fourth is not here")
    from events_score import digest_inputs, load_records, score

    recs = load_records(FOURTH)
    return score(asimtext.digest(digest_inputs(recs, text_only=text_only)), recs)


def test_fourth_event_set_after_its_rules():
    """All fields: precision 1.000, recall 0.958, no mixed story (before these rules:
    0.874, 0.881, 4 mixed)."""
    res = _fourth(False)
    assert res["pairwise_precision"] >= 0.99, res
    assert res["pairwise_recall"] >= 0.95, res
    assert res["mixed_stories"] == 0, res


def test_fourth_event_set_after_its_rules_from_the_text_alone():
    """Id and text only: precision 0.933, recall 0.945, 3 mixed (before: 0.753, 0.890,
    5 mixed). What still mixes: the 56th meeting's call with its decision (one
    ordinal), the PSLV-C61 failure with its analysis three months later, and the 2019
    Seelampur collapse with the 2025 one (one locality; no date in the text)."""
    res = _fourth(True)
    assert res["pairwise_precision"] >= 0.93, res
    assert res["pairwise_recall"] >= 0.94, res
    assert res["mixed_stories"] <= 3, res


