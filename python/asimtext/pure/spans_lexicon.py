"""The span extractor's lexicon: every word it knows, as data.

One entry is ``(word, category, value)``. Words are listed as they are written
(with nukta, chandrabindu, half-nasal spellings, ...); both extractors key them
by their match-key normalization, so a variant the normalizer folds is matched
either way. This module is the single source of the data: ``tools/gen_spans_lexicon.py``
writes ``rust/core/src/spans/lexicon.rs`` from it, and a test checks that the
Rust core holds exactly these entries.

Categories:

* ``NUM`` cardinal 0-99 (value: the number); ``NUMA`` an ambiguous "one"
  (``एक``, ``one``, ``आधा``: a number only when it counts something);
  ``DOVERB`` marks ``दो`` (also the verb "give").
* ``SCALE`` सौ/हज़ार/लाख/करोड़/अरब, hundred ... (value: the multiplier);
  ``SCALEBARE`` those that also stand alone (``सौ साल``), not abbreviations.
* ``FRAC`` डेढ़/ढाई (value); ``FRACMOD`` सवा/साढ़े/पौने (value: what they add).
* ``ORD`` ordinal (value); ``ORDP`` पहले (also "before"); ``ORDO`` दूसरा and
  family (also "other").
* ``MONTH`` (value 1-12), ``MONTHABBR`` (an abbreviation: may take a dot),
  ``WEEKDAY`` (value: English name).
* ``UNIT`` time unit (value: Y, MO, W, D, H, MI, S).
* ``PCT`` percent word; ``PER``/``CENT`` for "per cent".
* ``CURSUF`` currency word after the amount, ``CURPRE`` before it, ``CURSYM``
  a currency sign (value: ISO 4217 code).
* ``PERIOD`` part of the day (value: morning, noon, evening, night, dawn),
  ``BAJE`` "o'clock", ``BAJKAR`` "past (the hour)", ``AMPM`` (value am/pm),
  ``ZONE`` time zone (value: the UTC offset).
* Context words: ``FREQ`` (बार, times), ``YEARCUE`` (words that announce a
  year), ``OF``, ``AND``, ``LISTSEP`` (या, or), ``BEFOREPREV`` (words after
  which पहले means "before"), ``FUNCNEXT`` (words before which पहले means
  "before"), ``APPROX`` (करीब) and ``PERIODLINK`` (के, को): may stand between a part of
  the day and the time (``रात के करीब 10 बजे``), ``IDIOMNEXT`` (दूसरी ओर, ...), ``COUNT`` (nouns that show a
  number counts, not a year), ``MORE`` (``2000 से ज्यादा``: a count),
  ``COUNTPREV`` (``more than 2000``, ``कुल 2000``: a count).
"""

from __future__ import annotations

HINDI_NUMBERS = [
    (0, "शून्य"),
    (1, "एक"),
    (2, "दो"),
    (3, "तीन"),
    (4, "चार"),
    (5, "पांच पाँच"),
    (6, "छह छः छै"),
    (7, "सात"),
    (8, "आठ"),
    (9, "नौ"),
    (10, "दस"),
    (11, "ग्यारह"),
    (12, "बारह"),
    (13, "तेरह"),
    (14, "चौदह"),
    (15, "पंद्रह पन्द्रह"),
    (16, "सोलह"),
    (17, "सत्रह"),
    (18, "अठारह अट्ठारह"),
    (19, "उन्नीस"),
    (20, "बीस"),
    (21, "इक्कीस"),
    (22, "बाईस"),
    (23, "तेईस"),
    (24, "चौबीस"),
    (25, "पच्चीस"),
    (26, "छब्बीस"),
    (27, "सत्ताईस"),
    (28, "अट्ठाईस अठाईस"),
    (29, "उनतीस उन्तीस"),
    (30, "तीस"),
    (31, "इकतीस इकत्तीस"),
    (32, "बत्तीस"),
    (33, "तैंतीस तेंतीस"),
    (34, "चौंतीस"),
    (35, "पैंतीस"),
    (36, "छत्तीस"),
    (37, "सैंतीस"),
    (38, "अड़तीस"),
    (39, "उनतालीस उन्तालीस"),
    (40, "चालीस"),
    (41, "इकतालीस"),
    (42, "बयालीस"),
    (43, "तैंतालीस"),
    (44, "चवालीस चौवालीस"),
    (45, "पैंतालीस"),
    (46, "छियालीस"),
    (47, "सैंतालीस"),
    (48, "अड़तालीस"),
    (49, "उनचास"),
    (50, "पचास"),
    (51, "इक्यावन"),
    (52, "बावन"),
    (53, "तिरेपन तिरपन"),
    (54, "चौवन चव्वन"),
    (55, "पचपन"),
    (56, "छप्पन"),
    (57, "सत्तावन"),
    (58, "अट्ठावन अठावन"),
    (59, "उनसठ"),
    (60, "साठ"),
    (61, "इकसठ"),
    (62, "बासठ"),
    (63, "तिरसठ"),
    (64, "चौंसठ"),
    (65, "पैंसठ"),
    (66, "छियासठ"),
    (67, "सड़सठ सरसठ"),
    (68, "अड़सठ"),
    (69, "उनहत्तर"),
    (70, "सत्तर"),
    (71, "इकहत्तर"),
    (72, "बहत्तर"),
    (73, "तिहत्तर"),
    (74, "चौहत्तर"),
    (75, "पचहत्तर"),
    (76, "छिहत्तर"),
    (77, "सतहत्तर"),
    (78, "अठहत्तर"),
    (79, "उन्यासी उनासी"),
    (80, "अस्सी"),
    (81, "इक्यासी"),
    (82, "बयासी"),
    (83, "तिरासी"),
    (84, "चौरासी"),
    (85, "पचासी"),
    (86, "छियासी"),
    (87, "सत्तासी"),
    (88, "अट्ठासी"),
    (89, "नवासी"),
    (90, "नब्बे"),
    (91, "इक्यानबे इक्यानवे"),
    (92, "बानबे बानवे"),
    (93, "तिरानबे तिरानवे"),
    (94, "चौरानबे चौरानवे"),
    (95, "पचानबे पचानवे पंचानबे पंचानवे"),
    (96, "छियानबे छियानवे"),
    (97, "सत्तानबे सत्तानवे"),
    (98, "अट्ठानबे अट्ठानवे अठानवे"),
    (99, "निन्यानबे निन्यानवे"),
]

ENGLISH_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
ENGLISH_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

HINDI_ORDINALS = [
    (1, "पहला पहली प्रथम"),
    (2, "द्वितीय"),
    (3, "तीसरा तीसरी तीसरे तृतीय"),
    (4, "चौथा चौथी चौथे चतुर्थ"),
    (5, "पंचम"),
    (6, "छठा छठी छठे छठवां छठवीं छठवें छठवाँ"),
    (9, "नवां नवीं नवें नवाँ"),
]
ENGLISH_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
ENGLISH_TENS_ORDINALS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]

MONTHS = [
    (1, "जनवरी january", "jan"),
    (2, "फरवरी फ़रवरी february", "feb"),
    (3, "मार्च march", "mar"),
    (4, "अप्रैल अप्रेल अप्रील april", "apr"),
    (5, "मई may", ""),
    (6, "जून june", "jun"),
    (7, "जुलाई july", "jul"),
    (8, "अगस्त august", "aug"),
    (9, "सितंबर सितम्बर सेप्टेंबर september", "sep sept"),
    (10, "अक्टूबर अक्तूबर अक्टुबर october", "oct"),
    (11, "नवंबर नवम्बर november", "nov"),
    (12, "दिसंबर दिसम्बर december", "dec"),
]

WEEKDAYS = [
    ("monday", "सोमवार monday"),
    ("tuesday", "मंगलवार tuesday"),
    ("wednesday", "बुधवार wednesday"),
    ("thursday", "गुरुवार गुरूवार बृहस्पतिवार वीरवार thursday"),
    ("friday", "शुक्रवार friday"),
    ("saturday", "शनिवार saturday"),
    ("sunday", "रविवार इतवार sunday"),
]

UNITS = [
    ("Y", "साल सालों वर्ष वर्षों बरस बरसों year years yr yrs"),
    ("MO", "महीना महीने महीनों माह month months"),
    ("W", "हफ्ता हफ्ते हफ्तों हफ़्ता हफ़्ते हफ़्तों सप्ताह सप्ताहों week weeks"),
    ("D", "दिन दिनों दिवस day days"),
    ("H", "घंटा घंटे घंटों घण्टा घण्टे घण्टों hour hours hr hrs"),
    ("MI", "मिनट मिनटों minute minutes min mins"),
    ("S", "सेकंड सेकेंड सेकंडों सेकण्ड सेकेण्ड second seconds sec secs"),
]

SCALES = [
    ("100", "सौ hundred"),
    ("1000", "हजार हज़ार thousand"),
    ("100000", "लाख lakh lakhs lac"),
    ("10000000", "करोड़ करोड crore crores cr"),
    ("1000000000", "अरब billion bn"),
    ("1000000", "million mn"),
    ("100000000000", "खरब"),
    ("1000000000000", "trillion"),
]

CURRENCIES_AFTER = [
    ("INR", "रुपये रुपए रुपया रुपयों रुपइये रु रू rupees rupee rs inr"),
    ("USD", "डॉलर डालर dollar dollars usd"),
    ("EUR", "यूरो euro euros eur"),
    ("GBP", "पाउंड pound pounds gbp"),
]
CURRENCIES_BEFORE = [
    ("INR", "rs inr रु रू"),
    ("USD", "usd"),
    ("EUR", "eur"),
    ("GBP", "gbp"),
]
CURRENCY_SIGNS = [("INR", "₹"), ("USD", "$"), ("EUR", "€"), ("GBP", "£")]

PERIODS = [
    ("morning", "सुबह सुबहा सवेरे प्रातः"),
    ("dawn", "तड़के भोर"),
    ("noon", "दोपहर"),
    ("evening", "शाम सायं"),
    ("night", "रात रात्रि"),
]

ZONES = [("+05:30", "ist"), ("+00:00", "gmt utc")]

CONTEXT = [
    ("FREQ", "बार times"),
    ("YEARCUE", "सन् सन वर्ष साल year in since"),
    ("OF", "of"),
    ("AND", "and"),
    ("LISTSEP", "या अथवा or"),
    ("PER", "per"),
    ("CENT", "cent"),
    ("PCT", "फीसदी फ़ीसदी फीसद फ़ीसद प्रतिशत percent"),
    ("BAJE", "बजे बजा"),
    ("BAJKAR", "बजकर"),
    ("AMPM", ""),  # am/pm are listed below with their values
    (
        "BEFOREPREV",
        "से इससे उससे जिससे किससे सबसे इसके उसके जिसके काफी बहुत कुछ समय वक्त वक़्त अरसा",
    ),
    (
        "FUNCNEXT",
        ("ही भी तो से की के का कि था थे थी थीं है हैं हो होगा होगी होंगे होता होती होते "
        "कहा बताया किया गया गई गए था जैसा जैसे जब तक तब वह वे वो यह ये मैं हम आप उन्होंने "
        "उसने इसने उनका उनकी उनके इनका कभी ना न नहीं"),
    ),
    ("IDIOMNEXT", "ओर तरफ"),
    ("APPROX", "करीब क़रीब लगभग तकरीबन तक़रीबन"),
    ("PERIODLINK", "के को"),
    ("ORDSUF", "st nd rd th वां वीं वें वाँ वीँ वेँ वा वी वे"),
    ("COUNT", "लोग people"),
    ("MORE", "ज्यादा ज़्यादा अधिक कम"),
    ("COUNTPREV", "than कुल total"),
]
AMPM = [("am", "am"), ("pm", "pm")]
# not alone: abbreviations, and अरब/खरब (also "Arab": सऊदी अरब)
SCALE_ABBREVIATIONS = {"cr", "bn", "mn", "lac", "अरब", "खरब"}


def build_entries() -> list[tuple[str, str, str]]:
    """All lexicon entries as ``(word, category, value)``, in a fixed order."""
    out: list[tuple[str, str, str]] = []

    def add(words: str, cat: str, value: str) -> None:
        for w in words.split():
            out.append((w, cat, value))

    for n, words in HINDI_NUMBERS:
        add(words, "NUMA" if n == 1 else "NUM", str(n))
    add("दो", "DOVERB", "2")
    add("आधा आधे आधी", "NUMA", "0.5")
    for n, w in enumerate(ENGLISH_NUMBERS):
        add(w, "NUMA" if n == 1 else "NUM", str(n))
    for k, w in enumerate(ENGLISH_TENS):
        add(w, "NUM", str(20 + 10 * k))
    for value, words in SCALES:
        add(words, "SCALE", value)
    # scale words that also stand alone for one unit of the scale ("सौ साल", "a hundred")
    for value, words in SCALES:
        add(" ".join(w for w in words.split() if w not in SCALE_ABBREVIATIONS), "SCALEBARE", value)
    add("डेढ़ डेढ", "FRAC", "1.5")
    add("ढाई अढ़ाई", "FRAC", "2.5")
    add("सवा", "FRACMOD", "0.25")
    add("साढ़े साढे साड़े", "FRACMOD", "0.5")
    add("पौने", "FRACMOD", "-0.25")
    for n, words in HINDI_ORDINALS:
        add(words, "ORD", str(n))
    add("पहले", "ORDP", "1")
    add("दूसरा दूसरी दूसरे", "ORDO", "2")
    # Hindi ordinals from 5 up are the cardinal plus -वां/-वीं/-वें.
    for n, words in HINDI_NUMBERS + [(100, "सौ")]:
        if n >= 5 and n != 6:
            for w in words.split():
                for suffix in ("वां", "वीं", "वें", "वाँ", "वीँ", "वेँ", "वा", "वी", "वे"):
                    out.append((w + suffix, "ORD", str(n)))
    for n, w in enumerate(ENGLISH_ORDINALS):
        add(w, "ORD", str(n + 1))
    for k, w in enumerate(ENGLISH_TENS_ORDINALS):
        add(w, "ORD", str(20 + 10 * k))
    add("hundredth", "ORD", "100")
    for n, words, abbrs in MONTHS:
        add(words, "MONTH", str(n))
        add(abbrs, "MONTHABBR", str(n))
    for name, words in WEEKDAYS:
        add(words, "WEEKDAY", name)
    for code, words in UNITS:
        add(words, "UNIT", code)
    for code, words in CURRENCIES_AFTER:
        add(words, "CURSUF", code)
    for code, words in CURRENCIES_BEFORE:
        add(words, "CURPRE", code)
    for code, sign in CURRENCY_SIGNS:
        add(sign, "CURSYM", code)
    for name, words in PERIODS:
        add(words, "PERIOD", name)
    for offset, words in ZONES:
        add(words, "ZONE", offset)
    for value, w in AMPM:
        add(w, "AMPM", value)
    for cat, words in CONTEXT:
        add(words, cat, "")
    # Nukta letters come decomposed (ड + ़) or precomposed (ड़ U+095C); a normalizer
    # that does not fold both must still find both, so both are listed.
    composed = []
    for word, cat, value in out:
        variant = _compose_nukta(word)
        if variant != word:
            composed.append((variant, cat, value))
    return out + composed


# consonant + nukta -> the precomposed letter (NFC never composes these)
_NUKTA = {
    "क़": "क़",
    "ख़": "ख़",
    "ग़": "ग़",
    "ज़": "ज़",
    "ड़": "ड़",
    "ढ़": "ढ़",
    "फ़": "फ़",
    "य़": "य़",
}


def _compose_nukta(word: str) -> str:
    for pair, letter in _NUKTA.items():
        word = word.replace(pair, letter)
    return word


ENTRIES = build_entries()
