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
  a currency sign (value: ISO 4217 code; ``USD*0.01`` for a hundredth: सेंट);
  ``CURADJ`` a country adjective before a currency word (``ऑस्ट्रेलियाई डॉलर``:
  its code wins), ``DOLLARPRE`` a letter before ``$`` (``c $`` CAD).
* ``WEEKDAYABBR`` a weekday abbreviation that is also a word (मंगल), ``MONTHDOT``
  a month abbreviation valid only with its dot (``जन.``); ``RELDAY`` आज/कल/परसों
  (value: day offset), ``RELWEEK`` पिछले/अगले/इस (week offset), ``DIRECTION``
  पहले/बाद after a duration (value: sign).
* ``WHOLE`` पूरा/सारा before a time unit and ``BHAR`` भर after it: one whole
  unit (``पूरे साल``, ``दिन भर``); ``UNITDOT`` a unit abbreviation that takes its dot;
  ``UNITABBR`` a unit abbreviation that counts only with its dot (``मि.``, value: the unit).
* ``MINUS`` a sign word before a number (माइनस); ``POINT`` a decimal point
  word (दशमलव) followed by digit words.
* ``PERIOD`` part of the day (value: morning, noon, evening, night, dawn),
  ``BAJE`` "o'clock", ``BAJKAR`` "past (the hour)", ``AMPM`` (value am/pm),
  ``ZONE`` time zone (value: the UTC offset); ``PERIODDOT`` an abbreviated part of
  the day that counts only with its dot and before a time (``अप.``, ``पू.``).
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
    (22, "बाईस बाइस"),
    (23, "तेईस तेइस"),
    (24, "चौबीस"),
    (25, "पच्चीस"),
    (26, "छब्बीस"),
    (27, "सत्ताईस सत्ताइस"),
    (28, "अट्ठाईस अठाईस अट्ठाइस अठाइस"),
    (29, "उनतीस उन्तीस"),
    (30, "तीस"),
    (31, "इकतीस इकत्तीस"),
    (32, "बत्तीस"),
    (33, "तैंतीस तेंतीस तैतीस तेतीस"),
    (34, "चौंतीस चौतीस"),
    (35, "पैंतीस पैतीस"),
    (36, "छत्तीस"),
    (37, "सैंतीस सैतीस"),
    (38, "अड़तीस"),
    (39, "उनतालीस उन्तालीस"),
    (40, "चालीस"),
    (41, "इकतालीस"),
    (42, "बयालीस बियालीस"),
    (43, "तैंतालीस तैतालीस तेंतालीस"),
    (44, "चवालीस चौवालीस"),
    (45, "पैंतालीस पैतालीस पैंतालिस"),
    (46, "छियालीस छयालीस"),
    (47, "सैंतालीस सैतालीस"),
    (48, "अड़तालीस"),
    (49, "उनचास उनन्चास"),
    (50, "पचास"),
    (51, "इक्यावन इकावन"),
    (52, "बावन"),
    (53, "तिरेपन तिरपन"),
    (54, "चौवन चव्वन चौअन"),
    (55, "पचपन"),
    (56, "छप्पन"),
    (57, "सत्तावन सतावन"),
    (58, "अट्ठावन अठावन"),
    (59, "उनसठ"),
    (60, "साठ"),
    (61, "इकसठ एकसठ"),
    (62, "बासठ"),
    (63, "तिरसठ तिरेसठ"),
    (64, "चौंसठ चौसठ"),
    (65, "पैंसठ पैसठ"),
    (66, "छियासठ छाछठ"),
    (67, "सड़सठ सरसठ सतसठ"),
    (68, "अड़सठ अरसठ"),
    (69, "उनहत्तर"),
    (70, "सत्तर"),
    (71, "इकहत्तर"),
    (72, "बहत्तर बहात्तर"),
    (73, "तिहत्तर तिहात्तर"),
    (74, "चौहत्तर"),
    (75, "पचहत्तर"),
    (76, "छिहत्तर छियत्तर"),
    (77, "सतहत्तर सतत्तर"),
    (78, "अठहत्तर अठत्तर"),
    (79, "उन्यासी उनासी उनयासी"),
    (80, "अस्सी"),
    (81, "इक्यासी इकयासी"),
    (82, "बयासी"),
    (83, "तिरासी तिरयासी"),
    (84, "चौरासी"),
    (85, "पचासी"),
    (86, "छियासी"),
    (87, "सत्तासी"),
    (88, "अट्ठासी अठासी"),
    (89, "नवासी"),
    (90, "नब्बे"),
    (91, "इक्यानबे इक्यानवे"),
    (92, "बानबे बानवे"),
    (93, "तिरानबे तिरानवे"),
    (94, "चौरानबे चौरानवे"),
    (95, "पचानबे पचानवे पंचानबे पंचानवे"),
    (96, "छियानबे छियानवे छयानबे"),
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
    ("H", "घंटा घंटे घंटों घण्टा घण्टे घण्टों hour hours hr hrs h"),
    ("MI", "मिनट मिनटों मिन minute minutes min mins"),
    ("S", "सेकंड सेकेंड सेकंडों सेकण्ड सेकेण्ड second seconds sec secs"),
    ("DEC", "दशक दशकों decade decades"),
    ("FN", "पखवाड़ा पखवाड़े पखवाड़ों fortnight fortnights"),
]

SCALES = [
    ("100", "सौ hundred"),
    ("1000", "हजार हज़ार thousand"),
    ("100000", "लाख lakh lakhs lac"),
    ("10000000", "करोड़ करोड crore crores cr"),
    ("1000000000", "अरब billion bn बिलियन"),
    ("1000000", "million mn मिलियन"),
    ("100000000000", "खरब"),
    ("1000000000000", "trillion ट्रिलियन"),
    ("1000", "k"),
    ("12", "दर्जन dozen"),
]
# fraction nouns: multiply what they follow ("दो तिहाई" = 2/3); a third to 15 places
FRACTION_NOUNS = [
    ("0.333333333333333", "तिहाई"),
    ("0.25", "चौथाई"),
]

CURRENCIES_AFTER = [
    ("INR", "रुपये रुपए रुपया रुपयों रुपइये रु रू rupees rupee rs inr"),
    ("USD", "डॉलर डालर dollar dollars usd"),
    ("EUR", "यूरो euro euros eur"),
    ("GBP", "पाउंड pound pounds gbp"),
    ("JPY", "येन yen"),
    ("CNY", "युआन yuan"),
    ("FRF", "फ़्रैंक फ्रैंक फ्रांक franc francs"),
    ("ESP", "पसेटा पेसेटा peseta pesetas"),
    ("FIM", "मार्का markka"),
    ("NLG", "गिल्डर guilder guilders"),
    ("RUB", "रूबल ruble rubles rouble roubles"),
    ("AED", "दिरहम dirham dirhams"),
    ("BDT", "टका taka"),
    # hundredths: the value is the code and the factor
    ("USD*0.01", "सेंट cents"),
    ("GBP*0.01", "पेंस पेनी pence penny"),
    ("INR*0.01", "पैसे पैसा paise"),
]
# an adjective that names the country of a currency word after it ("ऑस्ट्रेलियाई डॉलर")
CURRENCY_ADJECTIVES = [
    ("USD", "अमेरिकी अमरीकी american"),
    ("AUD", "ऑस्ट्रेलियाई ऑस्ट्रेलियन australian"),
    ("CAD", "कनाडाई कनाडियन canadian"),
    ("HKD", "हांगकांग हॉन्गकॉन्ग"),
    ("SGD", "सिंगापुरी singapore"),
    ("NZD", "न्यूजीलैंड"),
    ("FIM", "फ़िन्निश फिन्निश फ़िनिश फिनिश finnish"),
    ("NLG", "डच dutch"),
    ("CHF", "स्विस swiss"),
]
# a letter before "$" that names the dollar ("c $" Canadian, "hk $" Hong Kong)
DOLLAR_PREFIXES = [("CAD", "c ca cdn"), ("HKD", "hk"), ("AUD", "au"), ("NZD", "nz"), ("SGD", "sg")]
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
    ("evening", "शाम सायं सायंकाल संध्या"),
    ("afternoon", "अपराह्न अपराहन"),
    ("forenoon", "पूर्वाह्न पूर्वाहन"),
    ("day", "दिन"),
    ("night", "रात रात्रि"),
]
# abbreviations of a part of the day, only with their dot and before a time ("अप. 7 बजे";
# पू. also abbreviates पूर्व "former": "पू. मंत्री" has no time after it)
PERIOD_DOT_ABBREVIATIONS = [("afternoon", "अप"), ("forenoon", "पू")]
# unit abbreviations that are not words: only with their dot, and not where a letter is
# glued to the dot ("मि.मी." millimetre, "मि.ली." millilitre)
UNIT_DOT_ABBREVIATIONS = [("H", "घं"), ("MI", "मि")]

ZONES = [("+05:30", "ist"), ("+00:00", "gmt utc")]

CONTEXT = [
    ("FREQ", "बार times"),
    ("YEARCUE", "सन् सन वर्ष साल year in since"),
    ("OF", "of"),
    ("AND", "and और"),
    ("LISTSEP", "या अथवा or"),
    ("PER", "per"),
    ("CENT", "cent"),
    ("PCT", "फीसदी फ़ीसदी फीसद फ़ीसद प्रतिशत परसेंट पर्सेंट percent"),
    ("RANGESEP", "से to till until"),
    ("WHOLE", "पूरा पूरे पूरी सारा सारे सारी"),
    ("BHAR", "भर"),
    ("UNITDOT", "मिन min mins hr hrs sec secs yr yrs"),
    ("FYPRE", "fy"),
    ("DECSUF", "s"),
    ("MINUS", "माइनस निगेटिव ऋणात्मक minus negative"),
    ("POINT", "दशमलव पॉइंट प्वाइंट point"),
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
    ("PERIODLINK", "के को में"),
    ("ORDSUF", "st nd rd th वां वीं वें वाँ वीँ वेँ वा वी वे रा री रे था थी थे"),
    ("COUNT", "लोग people"),
    ("MORE", "ज्यादा ज़्यादा अधिक कम"),
    ("COUNTPREV", "than कुल total"),
]
AMPM = [("am", "am"), ("pm", "pm")]
# not alone: abbreviations, and अरब/खरब (also "Arab": सऊदी अरब)
SCALE_ABBREVIATIONS = {"cr", "bn", "mn", "lac", "k", "अरब", "खरब"}

# relative days: the value is the offset in days (± where Hindi does not say which way:
# कल is yesterday or tomorrow, परसों the day before yesterday or after tomorrow)
RELATIVE_DAYS = [("+0", "आज today"), ("±1", "कल"), ("±2", "परसों"), ("-1", "yesterday"), ("+1", "tomorrow")]
# a week relative to the reference one: पिछले (-1), अगले (+1), इस (0)
RELATIVE_WEEKS = [("-1", "पिछले पिछली पिछला last"), ("+1", "अगले अगली अगला आगामी next"), ("+0", "इस इसी this")]
# after a duration: which way from the reference ("दो दिन पहले", "3 साल बाद")
DIRECTIONS = [("-", "पहले पूर्व ago"), ("+", "बाद later")]
# weekday abbreviations that are also ordinary words (मंगल "Mars"): a weekday only before को or ", <day>"
WEEKDAY_ABBREVIATIONS = [("tuesday", "मंगल"), ("wednesday", "बुध"), ("friday", "शुक्र")]
# Hindi month abbreviations: only with their dot ("जन." January; जन is also "people")
MONTH_DOT_ABBREVIATIONS = [
    (1, "जन"), (2, "फर फ़र फ़रवरी"), (4, "अप्रै"), (8, "अग"), (9, "सित सितं"),
    (10, "अक्टू अक्तू"), (11, "नवं"), (12, "दिस दिसं"),
]


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
    for value, words in FRACTION_NOUNS:
        add(words, "SCALE", value)
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
    for name, words in WEEKDAY_ABBREVIATIONS:
        add(words, "WEEKDAYABBR", name)
    for n, words in MONTH_DOT_ABBREVIATIONS:
        add(words, "MONTHDOT", str(n))
    for value, words in RELATIVE_DAYS:
        add(words, "RELDAY", value)
    for value, words in RELATIVE_WEEKS:
        add(words, "RELWEEK", value)
    for value, words in DIRECTIONS:
        add(words, "DIRECTION", value)
    for code, words in UNITS:
        add(words, "UNIT", code)
    for code, words in CURRENCIES_AFTER:
        add(words, "CURSUF", code)
    for code, words in CURRENCIES_BEFORE:
        add(words, "CURPRE", code)
    for code, sign in CURRENCY_SIGNS:
        add(sign, "CURSYM", code)
    for code, words in CURRENCY_ADJECTIVES:
        add(words, "CURADJ", code)
    for code, words in DOLLAR_PREFIXES:
        add(words, "DOLLARPRE", code)
    for name, words in PERIODS:
        add(words, "PERIOD", name)
    for name, words in PERIOD_DOT_ABBREVIATIONS:
        add(words, "PERIODDOT", name)
    for unit, words in UNIT_DOT_ABBREVIATIONS:
        add(words, "UNITABBR", unit)
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
