"""The Rust core and the pure-Python twin give identical spans.

On the seeds, on sentences generated from a small grammar of Hindi/English
date, time and number phrases, and on hypothesis-generated text biased to
Devanagari, combining marks, ZWJ/ZWNJ, NBSP, digits of both scripts and Latin.
"""

from __future__ import annotations

import datetime
import pathlib
import random

import asimtext
from asimtext.pure import spans as pure
from asimtext.pure.spans_lexicon import ENTRIES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DATA = pathlib.Path(__file__).parent / "data"


def dicts(spans):
    return [s.to_dict() for s in spans]


def same(text, **kw):
    a = dicts(asimtext.extract(text, **kw))
    b = dicts(pure.extract(text, **kw))
    assert a == b, (text, a, b)
    prev_end = 0
    for d in a:
        assert 0 <= d["start"] < d["end"] <= len(text)
        assert d["start"] >= prev_end, "overlap"
        assert text[d["start"] : d["end"]] == d["text"]
        assert d["kind"] in asimtext.SPAN_KINDS
        prev_end = d["end"]
    return a


def test_lexicon_is_the_same():
    core = [tuple(x) for x in asimtext._core._spans_lexicon()]
    lex = pure._lexicon()
    py = sorted((k, c, v) for k, vs in lex.items() for c, v in vs)
    assert core == py


def test_lexicon_words_are_single_tokens():
    # every lexicon word must be one token of the tokenizer, or it could never match
    for word, cat, _value in ENTRIES:
        key = asimtext.normalize(word, form="match")
        toks = pure._tokenize(key, pure._lexicon())
        assert len(toks) == 1, (word, cat, [t.text for t in toks])


def test_seeds():
    for path in sorted((DATA / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        same(text)
        same(text, reference_date="2022-01-10")


# ---------------------------------------------------------------- generated sentences

HI_MONTHS = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितम्बर",
             "अक्तूबर", "नवंबर", "दिसंबर"]
EN_MONTHS = ["Jan", "Feb.", "March", "April", "May", "Jun", "July", "Aug", "Sept.", "October",
             "Nov", "December"]
HI_NUMS = ["एक", "दो", "तीन", "चार", "पांच", "पाँच", "छह", "सात", "आठ", "नौ", "दस", "बारह", "बीस",
           "पच्चीस", "तीस", "पचास", "निन्यानवे"]
EN_NUMS = ["one", "two", "three", "ten", "twenty", "twenty-five", "forty two", "ninety"]
SCALES = ["सौ", "हजार", "हज़ार", "लाख", "करोड़", "करोड", "अरब", "hundred", "thousand", "lakh",
          "crore", "million", "billion"]
FRACS = ["डेढ़", "ढाई", "सवा", "साढ़े", "पौने"]
UNITS = ["मिनट", "घंटे", "घंटा", "दिन", "दिनों", "हफ्ते", "महीने", "साल", "वर्ष", "सेकंड", "minutes",
         "hours", "days", "weeks", "months", "years", "year"]
CUR_BEFORE = ["₹", "₹ ", "Rs ", "Rs. ", "INR ", "$", "रु. "]
CUR_AFTER = ["रुपये", "रुपए", "dollars", "डॉलर"]
PCT = ["%", " फीसदी", " प्रतिशत", " percent", " per cent"]
PERIODS = ["सुबह", "दोपहर", "शाम", "रात", "तड़के"]
WEEKDAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार", "Monday",
            "Saturday"]
ORDS = ["पहला", "पहली", "पहले", "दूसरे", "तीसरी", "चौथे", "5th", "10वीं", "first", "second", "21st"]
FILLER = ["को", "में", "से", "तक", "के बाद", "और", "लोग", "राज्यों", "बैठक", "चुनाव", "इससे", "बार",
          "the", "on", "at", "and", "a", "of", ",", ".", "।", "(", ")", "-", "\n", "\n1. ", "COVID-19",
          "G20", "एक", "आज", "पहले"]


def digits(rng, lo, hi):
    s = str(rng.randint(lo, hi))
    if rng.random() < 0.2:
        s = "".join(chr(0x0966 + int(c)) for c in s)
    return s


def number_phrase(rng):
    r = rng.random()
    if r < 0.3:
        return digits(rng, 0, 5000)
    if r < 0.4:
        return rng.choice(["1,00,000", "12,34,567", "100,000", "4.5", "2,500.75", "0.25", "007"])
    if r < 0.6:
        return rng.choice(HI_NUMS + EN_NUMS)
    if r < 0.75:
        return rng.choice(HI_NUMS + [digits(rng, 1, 99)]) + " " + rng.choice(SCALES)
    if r < 0.9:
        return rng.choice(FRACS) + " " + rng.choice(HI_NUMS + SCALES + [digits(rng, 1, 12)])
    return rng.choice(SCALES)


def phrase(rng):
    r = rng.randrange(12)
    if r == 0:
        d = digits(rng, 1, 31)
        m = rng.choice(HI_MONTHS + EN_MONTHS)
        y = digits(rng, 1990, 2030) if rng.random() < 0.6 else ""
        return f"{d} {m}{rng.choice([' ', ', '])}{y}".strip()
    if r == 1:
        m = rng.choice(EN_MONTHS + HI_MONTHS)
        return f"{m} {digits(rng, 1, 31)}{rng.choice([', ', ' '])}{digits(rng, 1990, 2030)}"
    if r == 2:
        sep = rng.choice("/-.")
        return f"{rng.randint(1, 31)}{sep}{rng.randint(1, 12):02d}{sep}{rng.randint(1990, 2030)}"
    if r == 3:
        t = f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}"
        return rng.choice(["", rng.choice(PERIODS) + " "]) + t + rng.choice(
            ["", " AM", " pm", " a.m.", " बजे", " IST"]
        )
    if r == 4:
        return rng.choice(PERIODS + [""]) + " " + number_phrase(rng) + " " + rng.choice(
            ["बजे", "बजकर 20 मिनट", "am", "PM"]
        )
    if r == 5:
        return number_phrase(rng) + rng.choice(["", "-"]) + " " + rng.choice(UNITS)
    if r == 6:
        return number_phrase(rng) + rng.choice(PCT)
    if r == 7:
        if rng.random() < 0.5:
            return rng.choice(CUR_BEFORE) + number_phrase(rng)
        return number_phrase(rng) + " " + rng.choice(CUR_AFTER)
    if r == 8:
        return rng.choice(WEEKDAYS)
    if r == 9:
        return rng.choice(ORDS)
    if r == 10:
        return rng.choice(["Jan 11, 2022, 11:27 AM IST", "2022-01-10 18:30", "12 March 2022 09:05"])
    return number_phrase(rng)


# issue 18: the classes of the number grammar, money, percent, times, ranges, periods
SIGNS = ["माइनस ", "निगेटिव ", "minus ", "-", "- ", "(-", ".", "=", "%"]
FRACTION_NOUNS = ["तिहाई", "चौथाई", "दर्जन", "dozen"]
AND = ["और", "and"]
BIG = ["मिलियन", "बिलियन", "ट्रिलियन", "खरब", "k", "cr", "करोड़", "हजार", "लाख"]
CUR_ADJ = ["अमेरिकी", "ऑस्ट्रेलियाई", "कनाडाई", "स्विस", "फ़िन्निश", "डच"]
CUR_NEW = ["येन", "युआन", "फ़्रैंक", "मार्का", "गिल्डर", "सेंट", "पेंस", "पैसे", "डॉलर", "यूरो"]
DOLLAR_PRE = ["c $ ", "hk $", "C$", "au $ "]
REL = ["आज", "कल", "परसों", "आज भी", "कल-", "पिछले", "अगले", "इस", "पिछले हफ्ते", "अगले सप्ताह",
       "last week", "next"]
DIRS = ["पहले", "बाद", "ago", "later"]
RANGE_SEPS = ["-", "–", " - ", " से ", " to "]
MONTH_DOTS = ["जन.", "फ़र.", "नवं.", "दिस.", "सित.", "जन"]


VERBS = ["होगा", "होगी", "होंगे", "जाएंगे", "करूंगा", "आएगी", "हुआ", "हुई", "था", "थे", "किया", "कहा",
         "बताया", "ने", "उन्होंने", "योगी", "मेगा", "होने वाला है", "करते हुए", "है", "कि", "।", "\n"]


def session5_phrase(rng):
    """Minutes to/past the hour, division fractions, सवा/पौने alone, कल and a verb."""
    r = rng.randrange(6)
    hour = rng.choice(HI_NUMS + [digits(rng, 0, 24), "साढ़े पाँच", "पौने तीन", "सवा दो"])
    mins = rng.choice(HI_NUMS + [digits(rng, 0, 70)])
    if r == 0:
        return " ".join([rng.choice(PERIODS + ["", "शाम के", "आधी रात"]), hour,
                         rng.choice(["बजने में", "बजने से", "बजने", "बजे के", "बजकर", "बजे से"]), mins,
                         rng.choice(["मिनट", "मिनट बाकी", "मिनट पहले", "मिनट बाद", ""]),
                         rng.choice(["", "होने के 3 मिनट बाद", "के दस मिनट पहले"])])
    if r == 1:
        return rng.choice(["", "-", "2 "]) + f"{rng.randint(0, 12)}/{rng.randint(0, 12)}" \
            + rng.choice(["", " किलो", " हिस्सा", "/2021", "/21"])
    if r == 2:
        return " ".join([rng.choice(HI_NUMS + [digits(rng, 0, 20)]), "बटा",
                         rng.choice(HI_NUMS + [digits(rng, 0, 20), "सौ"])])
    if r == 3:
        return rng.choice(["सवा", "पौने", "साढ़े"]) + " " + rng.choice(UNITS + ["किलो", "", "सौ", "रुपये"])
    if r == 4:
        if rng.random() < 0.5:  # decimals glued to a scale or unit
            return rng.choice(["", "Rs ", "₹", "-"]) + f"{rng.randint(0, 99)}.{rng.randint(0, 999)}" \
                + rng.choice(["cr", "k", "साल", "घंटे", "min", "x", ""])
        return rng.choice(PERIODS + [""]) + " " + digits(rng, 0, 13) + ":" + f"{rng.randint(0, 99):02d}" \
            + rng.choice(["pm", "am", ":30pm", ":5am", ""])
    if rng.random() < 0.5:  # session 6: abbreviations with dots, month-dash-day, day/month
        return rng.choice([
            f"{rng.randint(0, 40)}{rng.choice([' ', '-', ''])}{rng.choice(['मि', 'घं', 'h', 'मिन'])}"
            + rng.choice([".", ". ", ".मी.", ".ली", ""]),
            rng.choice(["अप", "पू", "अप.", "पू."]) + rng.choice([". ", " "]) + rng.choice(HI_NUMS + ["10", "1140"])
            + rng.choice([" बजे", "", " pm"]),
            rng.choice(["जून", "अक्टूबर", "जन", "जन."]) + rng.choice(["-", " - ", "-"]) + digits(rng, 0, 40),
            rng.choice(["शुक्रवार ", "सोमवार, ", "कुल ", ""]) + f"{rng.randint(0, 14)}/{rng.randint(0, 14)}"
            + rng.choice(["", "/", "/1", " को", "s"]),
        ])
    return " ".join([rng.choice(VERBS + FILLER + [""]) for _ in range(rng.randint(0, 2))]
                    + [rng.choice(["कल", "परसों", "कल से", "कल-"])]
                    + [rng.choice(VERBS + FILLER) for _ in range(rng.randint(0, 6))])


def issue18_phrase(rng):
    if rng.random() < 0.25:
        return session5_phrase(rng)
    r = rng.randrange(14)
    num = number_phrase(rng)
    if r == 0:  # hundreds, and, larger scales
        return " ".join([rng.choice(HI_NUMS + [digits(rng, 1, 99)]), "सौ", rng.choice(AND + [""]),
                         rng.choice(HI_NUMS + [digits(rng, 1, 99)]), rng.choice(BIG + [""])])
    if r == 1:  # fractions and dozens
        return " ".join([rng.choice(HI_NUMS + ["आधा"]), rng.choice(AND + [""]),
                         rng.choice(HI_NUMS), rng.choice(FRACTION_NOUNS)])
    if r == 2:  # signs and decimals
        return rng.choice(SIGNS) + rng.choice([num, digits(rng, 0, 999), "08", "पांच दशमलव पांच"]) \
            + rng.choice(["", "%", " प्रतिशत", " परसेंट", " का प्रतिशत", "%20"])
    if r == 3:  # money after the amount, adjectives, hundredths
        return num + " " + rng.choice(BIG + [""]) + " " + rng.choice(CUR_ADJ + [""]) + " " \
            + rng.choice(CUR_NEW) + rng.choice(["", "-सेंट"])
    if r == 4:
        return rng.choice(DOLLAR_PRE) + digits(rng, 1, 500) + rng.choice(["", ".5", " मिलियन"])
    if r == 5:  # relative days and weeks
        return rng.choice(REL) + " " + rng.choice(WEEKDAYS + ["", "को"])
    if r == 6:  # durations, compounds, directions
        return " ".join([num, rng.choice(UNITS + ["दशक", "पखवाड़े"]), rng.choice(AND + [""]),
                         digits(rng, 1, 11), rng.choice(UNITS), rng.choice(DIRS + [""])])
    if r == 7:  # date ranges
        return digits(rng, 1, 31) + rng.choice(RANGE_SEPS) + digits(rng, 1, 31) + " " \
            + rng.choice(HI_MONTHS + EN_MONTHS + MONTH_DOTS) + rng.choice(["", " 2021", " '22"])
    if r == 8:  # time ranges
        return rng.choice(PERIODS + ["", "अपराह्न", "सायंकाल", "दिन के"]) + " " + digits(rng, 0, 23) \
            + rng.choice(RANGE_SEPS) + rng.choice([digits(rng, 0, 23), "11:45", "सात"]) \
            + rng.choice([" बजे", " pm", " p. m.", " p m", ""])
    if r == 9:  # fiscal years, year spans, decades
        y = rng.randint(1985, 2030)
        return rng.choice(["", "FY", "FY ", "fy"]) + rng.choice(
            [f"{y}-{(y + rng.choice([1, 2])) % 100:02d}", f"{y}-{y + 1}", f"{y}-{y + 3}", f"{y % 100:02d}",
             f"{y // 10 * 10}s", f"{y % 100 // 10 * 10}s", f"{y // 10 * 10} के दशक"])
    if r == 10:  # day/month numerals, two-digit years, word days
        return rng.choice([f"{rng.randint(1, 31):02d}/{rng.randint(1, 12):02d}",
                           f"{rng.randint(1, 31)}/{rng.randint(1, 12)}/{rng.randint(0, 99):02d}",
                           f"{rng.choice(HI_NUMS + ORDS)} {rng.choice(HI_MONTHS + MONTH_DOTS)}",
                           f"{rng.choice(HI_MONTHS)} की {rng.choice(HI_NUMS + ['ग्यारहवीं'])}",
                           f"{digits(rng, 1990, 2030)} के {rng.choice(HI_MONTHS)} {digits(rng, 1, 31)}"])
    if r == 11:  # period, hour, minutes
        return rng.choice(PERIODS + ["अपराह्न"]) + rng.choice([" ", " के ", " में "]) \
            + rng.choice(HI_NUMS) + " " + rng.choice(HI_NUMS + [digits(rng, 0, 59)])
    if r == 12:  # ordinals built on numbers
        return rng.choice(HI_NUMS + [digits(rng, 1, 9)]) + " " + rng.choice(["सौ", ""]) + " " \
            + rng.choice(["पच्चीसवां", "सौवां", "ग्यारहवीं", "2रा", "4थे"])
    if rng.random() < 0.3:
        return rng.choice(["पूरे", "सारा", "पूरी", ""]) + " " + rng.choice(UNITS + ["मिन.", "min."]) \
            + rng.choice([" भर", ""])
    return rng.choice(["मंगल को", "बुध, 22 जन.", "शुक्र को", "मंगल ग्रह", "180.25एमएल", "10k", "2.33k"])


def sentence(rng, issue18=False):
    parts = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.6:
            parts.append(issue18_phrase(rng) if issue18 and rng.random() < 0.7 else phrase(rng))
        else:
            parts.append(rng.choice(FILLER))
    return rng.choice([" ", "  ", "\u00a0"]).join(parts)


def test_generated_sentences():
    rng = random.Random(20260122)
    n_spans = 0
    for _ in range(3000):
        s = sentence(rng)
        n_spans += len(same(s))
        if rng.random() < 0.1:
            same(s, reference_date=datetime.date(2022, 1, rng.randint(1, 31)))
    assert n_spans > 3000  # the grammar really produces spans


def test_generated_issue18_sentences():
    rng = random.Random(20261207)
    kinds = set()
    for _ in range(3000):
        s = sentence(rng, issue18=True)
        ref = datetime.date(rng.randint(2000, 2030), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.1:
            ref = datetime.date(2024, 2, 29)
        kinds.update(d["kind"] for d in same(s, reference_date=ref))
    assert kinds == set(asimtext.SPAN_KINDS)


# ---------------------------------------------------------------- hypothesis

ALPHABET = st.one_of(
    st.sampled_from(
        list("कखगघचजटडतदनपबमयरलवशसहािीुूेैोौंःँ़्ऑॉ०१२३४५६७८९0123456789")
        + ["\u200c", "\u200d", "\u00a0", " ", "\n", ",", ".", ":", "/", "-", "%", "₹", "$", "।"]
        + list("abcdefghijklmnopqrstuvwxyzAMPIST")
    ),
    st.characters(codec="utf-8"),
)
PIECES = st.sampled_from(
    [w for w, _, _ in ENTRIES[::7]]
    + [w for w, c, _ in ENTRIES if c in ("RELDAY", "RELWEEK", "DIRECTION", "MINUS", "POINT", "CURADJ",
                                         "DOLLARPRE", "MONTHDOT", "WEEKDAYABBR", "RANGESEP", "FYPRE")]
    + ["तिहाई", "दर्जन", "मिलियन", "और", "सेंट", "'", ".", "–", "10k", "1990s", "2021-22"]
    + ["बजने", "बटा", "बाकी", "होने", "होगा", "हुआ", "ने", "3/4", "1/2", "40pm", "सवा", "पौने", "आधी"]
    + ["2.5cr", "1.05k", "3.5साल", "10साल", "Rs", "उन्नीस सौ", "अठत्तर", "seven", "thirty", "340"]
    + ["1,00,000", "11:27", "2022-01-10", "11/01/2022", "15", "2021", " ", " ", ", ", "\n", "-"]
    + ["मि.", "घं.", "अप.", "पू.", "मि.मी.", "3h", "7/6", "जून-15", "शुक्रवार", "होगा कल", "अगले हफ्ते"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_hypothesis_characters(text):
    same(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(alphabet=ALPHABET, max_size=3)), max_size=14))
def test_hypothesis_lexicon_pieces(pieces):
    text = "".join(pieces)
    same(text)
    same(" ".join(pieces), reference_date="2024-02-29")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_hypothesis_any_text_never_fails(text):
    # arbitrary strings (lone surrogates are rejected with ValueError by both)
    try:
        a = dicts(asimtext.extract(text))
    except ValueError:
        try:
            pure.extract(text)
        except ValueError:
            return
        raise AssertionError("pure accepted what rust rejected") from None
    assert a == dicts(pure.extract(text))
