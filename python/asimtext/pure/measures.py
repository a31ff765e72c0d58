"""What a number counts: its *measure*, from the words around it.

``44 लोगों की मौत``, ``मरने वालों की संख्या 44``, ``44 people died`` and ``death toll
rose to 44`` all give the measure ``deaths``. A measure is the quantified noun (or the
verb or adjective that says what happened to the people counted) normalized to one
language-independent key, with its qualifiers (``total``, ``new``, ``daily``, ``active``)
and an index or unit where the number has one (``सेंसेक्स 2913 अंक`` -> ``points`` of
``sensex``). The lexicons below are general news vocabulary (health, disasters, crime,
elections, markets, transport), in Hindi and English; they are not taken from any corpus.

The search stays inside the clause of the number: it stops at another number, at a
comma, semicolon or colon, and at clause words (``जबकि``, ``while``); it looks first at
the words after the number (``44 लोगों की मौत``, ``44 people died``), then at the words
before it (``मौत का आंकड़ा 44``, ``death toll of 44``). A generic count noun (``लोग``,
``people``) is remembered and used only when no specific word is found.
A number that names something (``COVID 19``, ``Dial 112``, ``वार्ड 3``) has no measure.

The functions below are the rules, value by value, and :func:`measure_batch` their
pure twin of the Rust core's batch (``rust/core/src/mentions.rs``), which takes the
lexicons from here (:func:`rules_tables`) and is held to these functions by
``tests/test_measures_differential.py``; the digest reads them as
:mod:`asimtext.digest.measures`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import regex

from asimtext.errors import ArgumentError

__all__ = [
    "Measure",
    "find_measure",
    "bound_of",
    "MEASURES",
    "QUALIFIERS",
    "COUNT_CUES",
    "measure_label",
    "INTRADAY",
    "NEIGHBOURS",
    "neighbours",
    "rules_tables",
    "measure_batch",
]

# key -> words (Hindi forms as written in news, English lower case). A word may be
# followed in the text by an inflection; matching is on the whole word after folding.
MEASURES: Dict[str, Tuple[str, ...]] = {
    "deaths": (
        "मौत", "मौतें", "मौतों", "मृत्यु", "मृत", "मृतक", "मृतकों", "मरने", "मरनेवालों",
        "मारे", "जान", "दम", "died", "dead", "death", "deaths", "killed", "fatalities",
        "toll", "lives", "succumbed", "मरे", "मरीं", "शहीद", "martyred",
    ),
    "infected": (
        "संक्रमित", "संक्रमितों", "पॉजिटिव", "पाजिटिव", "पोजिटिव", "संक्रमण", "इन्फैक्टेड",
        "इंफेक्टेड", "infected", "positive", "infections", "infection",
    ),
    "cases": ("मामले", "मामलों", "मामला", "केस", "केसों", "cases", "case"),
    "recovered": (
        "ठीक", "स्वस्थ", "रिकवर", "डिस्चार्ज", "recovered", "recoveries", "discharged", "cured",
    ),
    "samples": ("नमूने", "नमूनों", "सैंपल", "सैंपलों", "सैम्पल", "samples", "sample", "swabs"),
    "tests": ("जांच", "जाँच", "टेस्ट", "टेस्टिंग", "परीक्षण", "tests", "tested", "testing"),
    "suspected": ("संदिग्ध", "संदिग्धों", "suspected", "suspect", "suspects"),
    "quarantined": (
        "क्वारंटाइन", "क्वारंटीन", "क्वारेंटाइन", "आइसोलेशन", "आइसोलेट", "निगरानी",
        "quarantine", "quarantined", "isolation", "isolated", "surveillance",
    ),
    "hospitalized": ("भर्ती", "हॉस्पिटलाइज", "hospitalised", "hospitalized", "admitted"),
    "injured": ("घायल", "घायलों", "जख्मी", "ज़ख्मी", "injured", "wounded", "hurt", "injuries"),
    "missing": ("लापता", "missing"),
    "rescued": ("बचाया", "बचाए", "बचाव", "rescued", "evacuated", "निकाला", "निकाले"),
    "arrested": ("गिरफ्तार", "गिरफ़्तार", "हिरासत", "arrested", "detained"),
    "patients": ("मरीज", "मरीजों", "मरीज़", "मरीज़ों", "patients", "patient"),
    "passengers": ("यात्री", "यात्रियों", "passengers", "travellers", "travelers"),
    "flights": ("उड़ान", "उड़ानों", "उड़ानें", "flights"),
    "countries": ("देश", "देशों", "countries"),
    "states": ("राज्य", "राज्यों", "states"),
    "districts": ("जिले", "जिलों", "ज़िले", "ज़िलों", "districts"),
    "villages": ("गांव", "गांवों", "गाँव", "villages"),
    "houses": ("घर", "घरों", "मकान", "मकानों", "houses", "homes"),
    "students": ("छात्र", "छात्रों", "विद्यार्थी", "विद्यार्थियों", "students"),
    "workers": ("मजदूर", "मजदूरों", "श्रमिक", "श्रमिकों", "कर्मचारी", "कर्मचारियों", "workers", "employees"),
    "doctors": ("डॉक्टर", "डॉक्टरों", "चिकित्सक", "चिकित्सकों", "doctors"),
    "police": ("पुलिसकर्मी", "पुलिसकर्मियों", "जवान", "जवानों", "policemen", "personnel", "soldiers", "troops",
               "jawans", "jawan"),
    "beds": ("बेड", "बिस्तर", "बिस्तरों", "beds"),
    "ventilators": ("वेंटिलेटर", "ventilators"),
    "masks": ("मास्क", "masks"),
    "trains": ("ट्रेन", "ट्रेनें", "ट्रेनों", "trains"),
    "buses": ("बस", "बसें", "बसों", "buses"),
    "vehicles": ("वाहन", "वाहनों", "गाड़ियां", "vehicles"),
    "hospitals": ("अस्पताल", "अस्पतालों", "hospitals"),
    "centres": ("केंद्र", "केंद्रों", "centres", "centers"),
    "votes": ("वोट", "वोटों", "मतों", "votes"),
    "seats": ("सीट", "सीटें", "सीटों", "seats"),
    "candidates": ("प्रत्याशी", "प्रत्याशियों", "उम्मीदवार", "उम्मीदवारों", "candidates"),
    "points": ("अंक", "अंकों", "points"),
    "runs": ("रन", "runs"),
    "wickets": ("विकेट", "wickets"),
    "temperature": ("डिग्री", "degrees", "°C"),
    "magnitude": ("तीव्रता", "रिक्टर", "magnitude", "richter"),
    "distance": ("किलोमीटर", "किमी", "km", "kilometres", "kilometers", "मीटर", "metres"),
    "area": ("हेक्टेयर", "एकड़", "hectares", "acres"),
    "age": ("वर्षीय", "साल", "aged", "years-old", "year-old"),
    "shares": ("शेयर", "शेयरों", "shares"),
    "fall": ("गिरावट", "कमी", "लुढ़का", "लुढ़के", "टूटा", "fall", "fell", "decline", "drop", "lost", "slumped", "down"),
    "rise": ("बढ़त", "बढ़ोतरी", "वृद्धि", "उछाल", "चढ़ा", "rise", "rose", "gain", "gained", "growth", "up", "jumped"),
    "rate": ("दर", "rate"),
    "turnout": ("मतदान", "turnout", "polling"),
    "price": ("कीमत", "दाम", "मूल्य", "price", "prices", "rate"),
    "fund": ("कोष", "फंड", "fund", "relief"),
    "package": ("पैकेज", "package"),
    "loss": ("नुकसान", "घाटा", "loss", "losses", "wiped"),
    "market-cap": ("पूंजीकरण", "capitalisation", "capitalization"),
    "budget": ("बजट", "budget", "allocation"),
    "compensation": ("मुआवजा", "मुआवज़ा", "अनुग्रह", "compensation", "ex-gratia"),
    "fine": ("जुर्माना", "fine", "penalty"),
    "salary": ("वेतन", "सैलरी", "salary", "wages"),
    "deal": ("सौदा", "सौदे", "अधिग्रहण", "deal", "acquisition"),
    "revenue": ("राजस्व", "कमाई", "revenue", "earnings"),
    "donation": ("दान", "donation", "donated", "contributed"),
}
# Measures whose values move within a day (a later reading is an update, not a conflict).
INTRADAY = frozenset({"points", "price", "fall", "rise", "market-cap", "temperature", "shares"})

# Generic count nouns: a measure only when nothing more specific is found.
GENERIC = ("लोग", "लोगों", "व्यक्ति", "व्यक्तियों", "जने", "people", "persons", "person", "individuals")

QUALIFIERS: Dict[str, Tuple[str, ...]] = {
    "total": ("कुल", "अबतक", "total", "overall", "cumulative", "tally"),
    "new": ("नए", "नये", "नई", "new", "fresh", "another", "additional"),
    "daily": ("रोजाना", "प्रतिदिन", "रोज", "daily", "per-day", "घंटे", "घंटों", "hours"),
    "active": ("सक्रिय", "एक्टिव", "active"),
}
# Two-word qualifiers ("अब तक", "so far", "24 घंटे").
_QUAL_PAIRS = {("अब", "तक"): "total", ("so", "far"): "total", ("till", "now"): "total",
               ("अब", "भी"): "active", ("still", "infected"): "active",
               ("एक", "दिन"): "daily", ("a", "day"): "daily", ("per", "day"): "daily",
               ("पिछले", "घंटे"): "daily", ("last", "hours"): "daily"}

# Words right before the number that make it a count even where it looks like a year
# (``संख्या 2053 हो गई``).
COUNT_CUES = ("संख्या", "आंकड़ा", "आंकड़े", "तादाद", "बढ़कर", "घटकर", "पहुंचकर", "पहुंच", "number",
              "total", "toll", "tally", "count", "reached", "rose")

# A number that names a thing: the word before it says so.
_NAME_BEFORE = ("कोविड", "covid", "डायल", "dial", "वार्ड", "ward", "सेक्टर", "sector", "नंबर", "number",
                "flight", "फ्लाइट", "विमान", "train", "ट्रेन", "route", "bus",
                "no", "नं", "फेज", "phase", "प्लेटफॉर्म", "platform", "गेट", "gate", "धारा", "section",
                "कमरा", "room", "हेल्पलाइन", "helpline", "ब्लॉक", "block", "एनएच", "nh", "g",
                "अनुच्छेद", "article", "सीजन", "season", "version", "कक्षा", "class", "मॉडल", "model")
_NAME_AFTER = ("नंबर", "number", "हेल्पलाइन", "helpline", "वायरस")

_APPROX = ("करीब", "लगभग", "तकरीबन", "तक़रीबन", "लगभग", "अनुमानित", "about", "around", "nearly",
           "approximately", "roughly", "some", "estimated", "almost")
_OVER = ("अधिक", "ज्यादा", "ज़्यादा", "पार", "ऊपर", "over", "above", "exceeded", "crossed")
_OVER_BEFORE = ("more", "over", "above", "than")
_UNDER = ("कम", "below", "under", "fewer", "less")

# Function words: a number followed by one of these is not followed by its noun.
_FUNCTION = (
    "के", "की", "का", "में", "से", "को", "ने", "पर", "तक", "और", "या", "भी", "ही", "हो", "है", "हैं",
    "था", "थे", "थी", "गई", "गए", "गया", "गयी", "गये", "हुए", "हुई", "हुआ", "कर", "करने", "वाले",
    "वालों", "वाली", "इस", "उस", "यह", "वह", "जो", "जिन", "जिनमें", "इनमें", "उनमें", "एक", "अन्य",
    "अब", "बाद", "पहले", "लिए", "साथ", "बीच", "द्वारा", "अपने", "अपनी", "अपना", "नहीं", "पहुंच",
    "पहुंची", "पहुंचा", "पहुंचे", "हो", "चुकी", "चुके", "चुका", "रही", "रहे", "रहा", "जा", "जाने", "तो",
    "the", "of", "and", "to", "in", "on", "at", "for", "from", "by", "with", "as", "or", "a", "an",
    "have", "has", "had", "were", "was", "are", "is", "be", "been", "who", "which", "that", "so",
    "this", "these", "those", "its", "their", "his", "her", "into", "per", "than", "after", "before",
    "more", "other", "further",
)
_CLAUSE_WORDS = ("जबकि", "वहीं", "तथा", "while", "whereas", "but", "लेकिन", "परंतु", "किंतु")
_WORD = regex.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+|[A-Za-z]+(?:[-'][A-Za-z]+)*|°C")
_STOP_RE = regex.compile(r"[,;:()\[\]|\t\n]|(?<!\d)[.।](?!\d)")
# The last stop before a position, found in C: every stop is one character, so the
# rightmost place where one matches is the last one a scan from the left would
# find (a Python loop over every comma of a long sentence was the digest's hot spot
# on pages dense with numbers).
_LAST_STOP_RE = regex.compile(r"(?s:.*)(?:" + _STOP_RE.pattern + ")")

_FOLD = str.maketrans({"\u093c": None, "\u200c": None, "\u200d": None, "\u0901": "\u0902",
                       "\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917",
                       "\u095b": "\u091c", "\u095c": "\u0921", "\u095d": "\u0922",
                       "\u095e": "\u092b", "\u095f": "\u092f"})


@lru_cache(maxsize=1 << 16)
def _fold(w: str) -> str:
    return w.translate(_FOLD).lower()


def _index(table: Dict[str, Iterable[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for key, words in table.items():
        for w in words:
            out.setdefault(_fold(w), key)
    return out


_MEASURE_OF = _index(MEASURES)
_QUAL_OF = _index(QUALIFIERS)
_GENERIC = frozenset(_fold(w) for w in GENERIC)
_NAMES_B = frozenset(_fold(w) for w in _NAME_BEFORE)
_NAMES_A = frozenset(_fold(w) for w in _NAME_AFTER)
_APPROX_S = frozenset(_fold(w) for w in _APPROX)
_OVER_S = frozenset(_fold(w) for w in _OVER)
_UNDER_S = frozenset(_fold(w) for w in _UNDER)
_CLAUSE = frozenset(_fold(w) for w in _CLAUSE_WORDS)
_FUNC = frozenset(_fold(w) for w in _FUNCTION)
_LOCATIVE = frozenset(("में", "पर"))
_COUNT = frozenset(_fold(w) for w in COUNT_CUES)
_INDEX_NAMES = {_fold(w): k for k, ws in {"sensex": ("सेंसेक्स", "sensex"),
                                          "nifty": ("निफ्टी", "nifty")}.items() for w in ws}
# The words of a measure with a prefix match: Hindi verbs and nouns inflect
# (मौतें, संक्रमितों); only stems of 4+ letters are matched by prefix.
_PREFIXES = sorted(((k, v) for k, v in _MEASURE_OF.items() if len(k) >= 4 and not k.isascii()),
                   key=lambda kv: -len(kv[0]))
# The same stems by length, longest first: a word is looked up once per stem length
# (a handful of dict probes) instead of tested against every stem.
_PREFIX_OF = dict(_PREFIXES)
_PREFIX_LENS = sorted({len(k) for k in _PREFIX_OF}, reverse=True)

_LABELS = {"market-cap": "market capitalisation"}


def measure_label(key: str) -> str:
    """A readable English label of a measure key."""
    return _LABELS.get(key, key.replace("-", " "))


@dataclass(frozen=True)
class Measure:
    """The measure of a number: ``key`` (``deaths``), its ``qualifiers`` (sorted),
    ``index`` (``sensex`` for points of an index, else None) and the ``words`` of the
    text it was read from."""

    key: str
    qualifiers: Tuple[str, ...] = ()
    index: Optional[str] = None
    words: Tuple[str, ...] = field(default=(), compare=False)

    @property
    def ident(self) -> str:
        """One string naming the measure (what facts, updates and conflicts group by).
        ``total`` is left out: an unqualified count in the news is a running total."""
        quals = [q for q in self.qualifiers if q != "total"]
        parts = [self.key] + ([self.index] if self.index else []) + quals
        return "/".join(parts)

    def to_dict(self) -> Dict[str, object]:
        return {
            "key": self.key,
            "label": measure_label(self.key) + (f" ({self.index})" if self.index else ""),
            "qualifiers": list(self.qualifiers),
            "index": self.index,
            "words": list(self.words),
        }


# Nouns that, followed by में / पर, are where something happens, not what is counted
# (177 को अस्पताल में भर्ती).
_PLACES_OK = frozenset({"hospitals", "centres", "countries", "states", "districts", "villages",
                        "houses", "trains", "buses", "vehicles", "flights"})


_PREFIX_MEASURES = frozenset({"magnitude", "age"})
# Who is counted, and what happened to them: "40 जवान शहीद हुए", "12 passengers were
# injured", "2 मरीजों की मौत" count deaths and injuries (of soldiers, passengers,
# patients), which is what several reports of one event state and compare; the
# person noun alone ("40 जवान") is the measure only when no such outcome follows it
# in the clause. Recovery and infection stay with their noun ("4813 मरीज ठीक हुए" are
# patients): those counts are series of their own.
PERSONS = frozenset({"people", "police", "passengers", "workers", "students", "doctors",
                     "patients", "candidates"})
OUTCOMES = frozenset({"deaths", "injured", "missing", "rescued", "arrested"})


def _is_code(word: str) -> bool:
    """An all-capital Latin word of 2 to 4 letters (a flight or train code: ``PK 8303``)."""
    return word.isascii() and word.isalpha() and word.isupper() and 2 <= len(word) <= 4


def _other_key(w: str) -> str:
    """The key of a quantified noun outside the lexicon: the word itself, marked."""
    return "other:" + w


# Cached: the words of news repeat (the cache is bounded).
@lru_cache(maxsize=1 << 16)
def _measure_word(w: str) -> Optional[str]:
    k = _MEASURE_OF.get(w)
    if k is not None:
        return k
    if not w.isascii():
        # (the longest stem that starts the word, at most 2 letters shorter than it)
        for n in _PREFIX_LENS:
            if len(w) - n > 2:
                break
            if n <= len(w):
                k = _PREFIX_OF.get(w[:n])
                if k is not None:
                    return k
    elif w.endswith("s") and w[:-1] in _MEASURE_OF:
        return _MEASURE_OF[w[:-1]]
    return None


def rules_tables() -> Dict[str, object]:
    """The lexicons above, folded, as the Rust core's ``_MeasureRules`` takes them
    (its reading of the words is the twin of this module's; the words are only here)."""
    return {
        "measure_of": dict(_MEASURE_OF), "prefix_of": dict(_PREFIX_OF), "qual_of": dict(_QUAL_OF),
        "qual_pairs": dict(_QUAL_PAIRS), "index_names": dict(_INDEX_NAMES),
        "generic": _GENERIC, "names_before": _NAMES_B, "names_after": _NAMES_A,
        "approx": _APPROX_S, "over": _OVER_S, "under": _UNDER_S, "clause": _CLAUSE,
        "function": _FUNC, "locative": _LOCATIVE, "count": _COUNT, "persons": PERSONS,
        "outcomes": OUTCOMES, "places_ok": _PLACES_OK, "prefix_measures": _PREFIX_MEASURES,
        "subject_cues": _SUBJECT_CUES,
    }


def _words(text: str, lo: int, hi: int, limit: Optional[int] = None
           ) -> List[Tuple[int, int, str]]:
    """Words of ``text[lo:hi]`` as (start, end, folded); the first ``limit`` only, if
    given (read no further: a clause may be long)."""
    ms = _WORD.finditer(text, lo, hi)
    return [(m.start(), m.end(), _fold(m.group())) for m in islice(ms, limit)]


def _clause_bounds(text: str, start: int, end: int, lo: int, hi: int,
                   others: Sequence[Tuple[int, int]]) -> Tuple[int, int]:
    """The stretch around ``[start, end)`` up to the nearest stop on each side."""
    last = _LAST_STOP_RE.match(text, lo, start)
    left = last.end() if last is not None else lo
    m = _STOP_RE.search(text, end, hi)
    right = m.start() if m else hi
    for s, e in others:
        if e <= start and e > left:
            left = e
        if s >= end and s < right:
            right = s
    return left, right


# Words right before a number that make it the value of the clause's subject
# ("risen to 261", "reached 261", "crossed 150"; not "at": "at 10 am").
_SUBJECT_CUES = frozenset({"to", "reached", "crossed", "touched", "past"})


def _person_word(w: str) -> bool:
    return w in _GENERIC or _measure_word(w) in PERSONS


def _outcome(words: Sequence[Tuple[int, int, str]], i: int,
             full_clause: bool = False) -> Optional[Tuple[str, str]]:
    """What happened to the persons counted, if a word of ``words[i:]`` (up to a clause
    word) says so (:data:`OUTCOMES`)."""
    for _s, _e, w in words[i:]:
        if w in _CLAUSE or (full_clause and w == "and"):  # "261 people and injured 900"
            return None
        k = _measure_word(w)
        if k in OUTCOMES:
            return (k, w)
    return None


def find_measure(
    text: str,
    start: int,
    end: int,
    sent_start: int,
    sent_end: int,
    others: Sequence[Tuple[int, int]] = (),
    window: int = 6,
    full_clause: bool = False,
) -> Optional[Measure]:
    """The measure of the number at ``text[start:end]`` in the sentence
    ``text[sent_start:sent_end]``, or None. ``others`` are the other number spans of
    the sentence (the search does not cross them). ``full_clause`` (the digest's
    facts; the stories stage's lead figures keep the window alone): a number after
    ``to``/``reached``/``crossed`` with no measure in the window takes the measure named
    by the clause's subject (``the death toll in the X has increased to 261``), and an
    ``and`` opening another predicate ends the search after the number (``killed at
    least 261 people and injured more than 900``)."""
    lo, hi = _clause_bounds(text, start, end, sent_start, sent_end, others)
    right = _words(text, end, hi, window)
    left = _words(text, lo, start)[-window:]
    if left and left[-1][1] >= start - 2 and (
            left[-1][2] in _NAMES_B or _is_code(text[left[-1][0]:left[-1][1]])):
        return None  # "COVID 19", "Dial 112", "PK 8303": the number names something
    if right and right[0][2] in _NAMES_A:
        return None
    quals = set()
    index = None
    for _s, _e, w in right + left:
        q = _QUAL_OF.get(w)
        if q:
            quals.add(q)
        if w in _INDEX_NAMES:
            index = _INDEX_NAMES[w]
    if right and right[0][2] in ("और", "अन्य", "more"):  # "12 और लोग", "4 more deaths"
        quals.add("new")
    if left and left[-1][2] in ("और", "अन्य") and left[-1][1] >= start - 2:  # "और 43 की मौत"
        quals.add("new")
    for seq in (right, left):
        for a, b in zip(seq, seq[1:]):
            q = _QUAL_PAIRS.get((a[2], b[2]))
            if q:
                quals.add(q)
    found: Optional[Tuple[str, str]] = None
    generic: Optional[str] = None
    # A measure that is written before its value ("magnitude 7.8", "aged 51").
    if left and left[-1][1] >= start - 2 and _measure_word(left[-1][2]) in _PREFIX_MEASURES:
        found = (_measure_word(left[-1][2]) or "", left[-1][2])
    for i, (_s, _e, w) in enumerate([] if found else right):
        if w in _CLAUSE or (full_clause and w == "and" and generic is not None):
            break  # "killed 261 people and injured 900": "and" opens another predicate
        k = _measure_word(w)
        nxt = right[i + 1][2] if i + 1 < len(right) else ""
        # "177 को अस्पताल में", "6 करोड़ देश में": where, not what is counted; right
        # after the number only a plural form counts ("13 राज्यों में": in 13 states).
        where = nxt in _LOCATIVE and k in _PLACES_OK and (i > 0 or not w.endswith("ों"))
        if k is not None and not where:
            found = (k, w)
            if k in PERSONS:
                found = _outcome(right, i + 1, full_clause) or found
            break
        if w in _GENERIC and generic is None:
            generic = w
            outcome = _outcome(right, i + 1, full_clause)
            if outcome is not None:
                found = outcome
                break
        elif (i == 0 and k is None and nxt and _person_word(nxt)):
            continue  # a name before the counted noun: "40 CRPF personnel", "2 आरपीएफ जवानों"
        elif (i == 0 and k is None and w not in _FUNC and w not in _QUAL_OF
              and w not in _APPROX_S and w not in _OVER_S and w not in _UNDER_S
              and len(w) >= 3 and not (w.isascii() and w.endswith(("ed", "ing")))):
            # The number's own noun, outside the lexicon (आठ प्रांतों): it is what the
            # number counts, so no word further away may claim the number.
            found = (_other_key(w), w)
            break
    if found is not None and found[0] in PERSONS and left and left[-1][1] >= start - 2:
        k = _measure_word(left[-1][2])  # "killed 40 soldiers", "injured 12 passengers"
        if k in OUTCOMES:
            found = (k, left[-1][2])
    if found is None:
        fallback: Optional[Tuple[str, str]] = None
        for _s, _e, w in reversed(left):
            if w in _CLAUSE:
                break
            k = _measure_word(w)
            if k is not None:
                if k in ("fall", "rise"):  # "death toll rose to 44": the noun wins
                    fallback = fallback or (k, w)
                    continue
                found = (k, w)
                break
            if w in _GENERIC and generic is None:
                generic = w
        if full_clause and found is None and left and left[-1][2] in _SUBJECT_CUES:
            # "the death toll in the three-train crash on Friday to 275", "the death
            # toll in the X has increased to 261": the number completes a verb of
            # change whose subject, further back in the clause, names the measure.
            for _s, _e, w in reversed(_words(text, lo, left[0][0])):
                if w in _CLAUSE:
                    break
                k = _measure_word(w)
                if k is not None and k not in ("fall", "rise"):
                    found = (k, w)
                    break
        found = found or fallback
    if found is None:
        if generic is None:
            return None
        found = ("people", generic)
    key = found[0]
    if key in ("fall", "rise") and index is None and found[1] in ("up", "down"):
        return None  # "up to", "down the line": not a change of a value
    if key != "points":
        index = None if key not in ("fall", "rise") else index
    return Measure(key, tuple(sorted(quals)), index, (found[1],))


def bound_of(text: str, start: int, end: int, sent_start: int) -> Optional[str]:
    """``about`` / ``over`` / ``under`` if the text hedges the number (``करीब 4800``,
    ``4 हजार से ज्यादा``, ``more than 4,000``, ``at least 261``, ``कम से कम 137``,
    ``up to 50``), else None."""
    before = _words(text, max(sent_start, start - 40), start)[-2:]
    after = _words(text, end, end + 25, 3)
    bw = [w for _s, _e, w in before]
    aw = [w for _s, _e, w in after]
    if any(w in _APPROX_S for w in bw + aw[:1]):
        return "about"
    if aw[:1] == ["से"] and len(aw) > 1 and aw[1] in _OVER_S:
        return "over"
    if aw[:1] == ["से"] and len(aw) > 1 and aw[1] in _UNDER_S:
        return "under"
    if aw[:1] and aw[0] in ("plus",):
        return "over"
    if len(bw) == 2 and bw[0] in ("more", "over") and bw[1] == "than":
        return "over"
    if bw[-1:] and bw[-1] in ("over", "above"):
        return "over"
    if len(bw) == 2 and bw[0] in ("less", "fewer") and bw[1] == "than":
        return "under"
    # "at least 261", "कम से कम 137" (before a number, "से कम" is only ever the end of
    # "कम से कम": "100 से कम" puts the number first); "up to 50", "at most 50".
    if bw in (["at", "least"], ["से", "कम"]):
        return "over"
    if bw in (["up", "to"], ["at", "most"]):
        return "under"
    return None


def is_count_context(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    """Whether a year-looking number is a count: a count cue right before it
    (``संख्या 2053``) or a measure word right after it (``2053 मामले``)."""
    before = _words(text, max(sent_start, start - 30), start)[-2:]
    after = _words(text, end, min(sent_end, end + 30), 2)
    if any(w in _COUNT for _s, _e, w in before):
        return True
    # "1921 के कोरोना वायरस से संक्रमित": a count noun in the words that follow.
    lo, hi = _clause_bounds(text, start, end, sent_start, sent_end, ())
    for _s, _e, w in _words(text, end, hi, 5):
        if w in _CLAUSE:
            break
        k = _measure_word(w)
        if k is not None and k not in ("age", "rate", "fall", "rise", "price"):
            return True
    return bool(after) and (_measure_word(after[0][2]) not in (None, "age", "rate")
                            or after[0][2] in _GENERIC)


NEIGHBOURS = 4


def neighbours(numbers: Sequence[Tuple[int, int]], starts: Sequence[int], start: int,
               end: int, ss: int, se: int) -> List[Tuple[int, int]]:
    """The other number spans of the sentence ``[ss, se)`` that can bound the clause
    of the number at ``[start, end)``: the nearest ``NEIGHBOURS`` on each side
    (:func:`find_measure` reads only the nearest end before and the nearest start
    after; a few more cover spans that overlap). ``numbers`` sorted, ``starts``
    their starts."""
    lo, hi = bisect_left(starts, ss), bisect_left(starts, se)
    at = bisect_left(starts, start, lo, hi)
    return [s for s in numbers[max(lo, at - NEIGHBOURS):min(hi, at + 1 + NEIGHBOURS)]
            if s != (start, end)]


#: ``(key, qualifiers, index, word)`` of a measure, and per value ``(count, measure,
#: bound)`` with the measure as an index into the batch's list of them.
MeasureTuple = Tuple[str, Tuple[str, ...], Optional[str], str]
Answer = Tuple[bool, Optional[int], Optional[str]]
Batch = Tuple[List[List[Answer]], List[MeasureTuple]]


def measure_batch(texts: Sequence[str], numbers: Sequence[Sequence[Tuple[int, int]]],
                  queries: Sequence[Sequence[Tuple[int, int, int, int, bool]]]
                  ) -> Batch:
    """The pure twin of the Rust core's ``_measure_batch``: per text and value,
    ``(count, measure, bound)``: for a year-looking value (``is_year``), whether it
    is a count (:func:`is_count_context`); for a count, its measure
    (:func:`find_measure` with its :func:`neighbours` among ``numbers``, reading
    the full clause) or None,
    and where it has one its :func:`bound_of`; with the batch's distinct measures
    as ``(key, qualifiers, index, word)``, which ``measure`` indexes.
    ``queries[i]``: ``(start, end, sentence_start, sentence_end, is_year)`` of the
    values of ``texts[i]``; ``numbers[i]`` its number spans, sorted."""
    if not (len(texts) == len(numbers) == len(queries)):
        raise ArgumentError(f"{len(texts)} texts, {len(numbers)} lists of numbers, "
                            f"{len(queries)} lists of queries (one of each per text)")
    out: List[List[Answer]] = []
    seen: Dict[MeasureTuple, int] = {}
    for i, (text, nums, qs) in enumerate(zip(texts, numbers, queries)):
        nums = [tuple(x) for x in nums]
        if any(not 0 <= s <= e for s, e in nums):
            raise ArgumentError(f"numbers[{i}]: need 0 <= start <= end")
        if nums != sorted(nums):
            raise ArgumentError(f"numbers[{i}] must be sorted")
        starts = [s for s, _e in nums]
        row: List[Answer] = []
        for j, (start, end, ss, se, year) in enumerate(qs):
            if not 0 <= ss <= start <= end <= se <= len(text):
                raise ArgumentError(
                    f"queries[{i}][{j}]: need 0 <= sentence_start <= start <= end <= "
                    f"sentence_end <= len(texts[{i}]) = {len(text)}, got {(start, end, ss, se)}")
            count = bool(year) and is_count_context(text, start, end, ss, se)
            if year and not count:
                row.append((False, None, None))
                continue
            m = find_measure(text, start, end, ss, se,
                             neighbours(nums, starts, start, end, ss, se), full_clause=True)
            if m is None:
                row.append((count, None, None))
                continue
            at = seen.setdefault((m.key, m.qualifiers, m.index, m.words[0]), len(seen))
            row.append((count, at, bound_of(text, start, end, ss)))
        out.append(row)
    return out, list(seen)
