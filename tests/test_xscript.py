"""Cross-script matching key: Rust core vs pure twin, names and acronyms that
must meet across scripts, words that must not."""

from __future__ import annotations

import collections
import pathlib
import re

import asimtext
import pytest
from asimtext.pure import xscript as pure
from hypothesis import given, settings
from hypothesis import strategies as st

SEEDS = sorted((pathlib.Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
DEVA_RE = re.compile("[\u0900-\u097f]")

# ---------------------------------------------------------------- strategies

CONSONANTS = [chr(c) for c in range(0x0915, 0x093A)] + [chr(c) for c in range(0x0958, 0x0960)]
MATRAS = [chr(c) for c in range(0x093A, 0x094D) if c != 0x093C] + [
    "\u094e",
    "\u094f",
    "\u0955",
    "\u0956",
    "\u0957",
    "\u0962",
    "\u0963",
]
SIGNS = [
    "\u0900",
    "\u0901",
    "\u0902",
    "\u0903",
    "\u093c",
    "\u094d",
    "\u093d",
    "\u0950",
    "\u0951",
    "\u0970",
    "\u0971",
]
VOWELS = (
    [chr(c) for c in range(0x0904, 0x0915)]
    + ["\u0960", "\u0961"]
    + [chr(c) for c in range(0x0972, 0x0980)]
)
DIGITS = list("0123456789") + [chr(c) for c in range(0x0966, 0x0970)]
LATIN = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") + list(
    "āīūṛṅñṇṭḍśṣḥṃéèüöÀÉÑŚṢİı"
)
JOINERS = ["\u200c", "\u200d"]
COMBINING = ["\u0301", "\u0304", "\u0323", "\u0331", "\u20f0", "\ufe0f"]
SPACES = [" ", " ", " ", "\u00a0", "\n", "\t"]
PUNCT = list(".,;:!?()-\"'’“”|") + ["\u0964", "\u0965"]
LETTER_NAMES = [n for n, _l in pure._LETTER_NAMES]

# an akshara: consonant (+ nukta) (+ virama + consonant) (+ matra) (+ nasal)
akshara = st.builds(
    lambda c, nk, conj, m, nas: c + nk + conj + m + nas,
    st.sampled_from(CONSONANTS),
    st.sampled_from(["", "", "", "\u093c"]),
    st.one_of(st.just(""), st.just(""), st.sampled_from(CONSONANTS).map(lambda c: "\u094d" + c)),
    st.one_of(st.just(""), st.sampled_from(MATRAS)),
    st.sampled_from(["", "", "", "\u0902", "\u0901", "\u0903"]),
)
deva_word = st.lists(st.one_of(akshara, st.sampled_from(VOWELS)), min_size=1, max_size=6).map(
    "".join
)
acronym_word = st.lists(st.sampled_from(LETTER_NAMES), min_size=1, max_size=5).map("".join)
latin_word = st.lists(st.sampled_from(LATIN), min_size=1, max_size=9).map("".join)
piece = st.one_of(
    deva_word,
    deva_word,
    acronym_word,
    latin_word,
    st.sampled_from(MATRAS + SIGNS + VOWELS + CONSONANTS + JOINERS + COMBINING + DIGITS + PUNCT),
    st.sampled_from(sorted(pure._HINDI_STOP | pure._ENGLISH_STOP)),
    st.text(max_size=3),
)
texts = st.lists(st.tuples(piece, st.sampled_from(SPACES + [""] + PUNCT)), max_size=14).map(
    lambda ps: "".join(a + b for a, b in ps)
)

# ---------------------------------------------------------------- differential


@settings(max_examples=600, deadline=None)
@given(texts)
def test_tokens_identical(text):
    assert asimtext.xscript_tokens(text) == pure.tokens(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.booleans())
def test_keys_identical(text, stopwords):
    assert asimtext.xscript_keys(text, stopwords=stopwords) == pure.keys(text, stopwords=stopwords)
    assert asimtext.xscript_key(text) == pure.key(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_romanize_identical(text):
    assert asimtext.xscript_romanize(text) == pure.romanize(text)


@settings(max_examples=200, deadline=None)
@given(st.one_of(deva_word, acronym_word, latin_word))
def test_single_words_identical(word):
    assert asimtext.xscript_key(word) == pure.key(word)
    assert asimtext.xscript_romanize(word) == pure.romanize(word)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_spans_are_ordered_and_inside(text):
    prev = 0
    for s, e, k, kind in asimtext.xscript_tokens(text):
        assert prev <= s < e <= len(text)
        assert k and kind in ("word", "acronym", "stop")
        if kind == "acronym":
            assert k.isascii() and k.isupper()
        else:
            assert k.isascii() and k == k.lower()
        prev = e


def test_batch_matches_single():
    docs = [p.read_text(encoding="utf-8") for p in SEEDS] + ["", "BJP बीजेपी"]
    for sw in (False, True):
        batch = asimtext.xscript_keys_batch(docs, stopwords=sw)
        assert batch == [asimtext.xscript_keys(d, stopwords=sw) for d in docs]
        assert batch == pure.keys_batch(docs, stopwords=sw)


def test_seeds_identical_and_spans_rekey():
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        toks = asimtext.xscript_tokens(text)
        assert toks == pure.tokens(text)
        assert len(toks) > 100
        for s, e, k, _kind in toks:
            assert asimtext.xscript_key(text[s:e]) == k


# ---------------------------------------------------------------- meeting pairs

NAME_PAIRS = [
    # the seeds' story
    ("असीम अरुण", "Asim Arun"),
    ("असीम अरुण", "Aseem Arun"),
    ("कानपुर", "Kanpur"),
    ("कन्नौज", "Kannauj"),
    ("योगी आदित्यनाथ", "Yogi Adityanath"),
    ("अंबेडकर", "Ambedkar"),
    ("आंबेडकर", "Ambedkar"),
    ("भीमराव आंबेडकर", "Bhimrao Ambedkar"),
    ("महात्मा गांधी", "Mahatma Gandhi"),
    ("सरदार वल्लभ भाई पटेल", "Sardar Vallabh Bhai Patel"),
    ("मनमोहन सिंह", "Manmohan Singh"),
    ("गोरखपुर", "Gorakhpur"),
    ("अलीगढ़", "Aligarh"),
    ("हाथरस", "Hathras"),
    ("बलरामपुर", "Balrampur"),
    ("सिद्धार्थ नगर", "Siddharth Nagar"),
    ("आगरा", "Agra"),
    ("गढ़वाल", "Garhwal"),
    ("उत्तर प्रदेश", "Uttar Pradesh"),
    ("भारतीय जनता पार्टी", "Bharatiya Janata Party"),
    ("प्रभात खबर", "Prabhat Khabar"),
    ("श्रीराम", "Shriram"),
    ("दलित", "Dalit"),
    # other names from Indian news
    ("नरेंद्र मोदी", "Narendra Modi"),
    ("अखिलेश यादव", "Akhilesh Yadav"),
    ("मायावती", "Mayawati"),
    ("राहुल गांधी", "Rahul Gandhi"),
    ("नीतीश कुमार", "Nitish Kumar"),
    ("अमित शाह", "Amit Shah"),
    ("शिवराज सिंह चौहान", "Shivraj Singh Chouhan"),
    ("अरविंद केजरीवाल", "Arvind Kejriwal"),
    ("ममता", "Mamata"),
    ("समाजवादी पार्टी", "Samajwadi Party"),
    ("बहुजन समाज पार्टी", "Bahujan Samaj Party"),
    ("वाराणसी", "Varanasi"),
    ("प्रयागराज", "Prayagraj"),
    ("अयोध्या", "Ayodhya"),
    ("झांसी", "Jhansi"),
    ("उन्नाव", "Unnao"),
    ("उत्तराखंड", "Uttarakhand"),
    ("बिहार", "Bihar"),
    ("पटना", "Patna"),
    ("मुंबई", "Mumbai"),
    ("चंडीगढ़", "Chandigarh"),
    ("राजस्थान", "Rajasthan"),
    ("मध्य प्रदेश", "Madhya Pradesh"),
    ("सैफुल्लाह", "Saifullah"),
    ("लखीमपुर", "Lakhimpur"),
    ("स्वतंत्र देव सिंह", "Swatantra Dev Singh"),
    ("संसद", "Sansad"),
    ("लोक सभा", "Lok Sabha"),
    ("राज्य सभा", "Rajya Sabha"),
    ("विधान सभा", "Vidhan Sabha"),
    ("क्रिकेट", "cricket"),
    ("चौधरी", "Chaudhary"),
    ("पांडेय", "Pandey"),
    ("दुबे", "Dubey"),
    ("शर्मा", "Sharma"),
    ("मिश्रा", "Mishra"),
    ("तिवारी", "Tiwari"),
    ("त्रिपाठी", "Tripathi"),
    ("मौर्य", "Maurya"),
    ("प्रसाद", "Prasad"),
    ("जम्मू कश्मीर", "Jammu Kashmir"),
    ("हिमाचल", "Himachal"),
    ("गुजरात", "Gujarat"),
    ("बेंगलुरु", "Bengaluru"),
    ("कोलकाता", "Kolkata"),
    ("आम आदमी पार्टी", "Aam Aadmi Party"),
    ("राष्ट्रीय लोक दल", "Rashtriya Lok Dal"),
    ("शिवसेना", "Shivsena"),
    ("ओवैसी", "Owaisi"),
    ("मुलायम सिंह", "Mulayam Singh"),
    ("वर्मा", "Verma"),
    ("ममता बनर्जी", "Mamata Banerjee"),
    ("मुखर्जी", "Mukherjee"),
]

# Known misses (documented in the README): compounds written as one word in
# Hindi (लोकसभा / Lok Sabha), English spellings that are not transliterations
# (लखनऊ / Lucknow, दिल्ली / Delhi, मेरठ / Meerut), a Hindi name for an acronym
# (भाजपा / BJP).
KNOWN_MISSES = [
    ("लोकसभा", "Lok Sabha"),
    ("लखनऊ", "Lucknow"),
    ("दिल्ली", "Delhi"),
    ("भाजपा", "BJP"),
    ("अहमदाबाद", "Ahmedabad"),
    ("गोवा", "Goa"),
]

ACRONYM_PAIRS = [
    ("बीजेपी", "BJP"),
    ("वीआरएस", "VRS"),
    ("आईपीएस", "IPS"),
    ("एडीजी", "ADG"),
    ("डीजीपी", "DGP"),
    ("यूपी", "UP"),
    ("एटीएस", "ATS"),
    ("एसपीजी", "SPG"),
    ("सीबीआई", "CBI"),
    ("आईएएस", "IAS"),
    ("एनएसजी", "NSG"),
    ("आईजी", "IG"),
    ("सीएम", "CM"),
    ("पीएम", "PM"),
    ("एसएसपी", "SSP"),
    ("डीएम", "DM"),
    ("बीएसपी", "BSP"),
    ("एनडीए", "NDA"),
    ("जीएसटी", "GST"),
    ("आईआईटी", "IIT"),
    ("आईएसआईएस", "ISIS"),
    ("एफआईआर", "FIR"),
    ("ईडी", "ED"),
    ("एक्सवाईज़ेड", "XYZ"),
    ("डब्ल्यूएचओ", "WHO"),
    ("क्यूआर", "QR"),
]


@pytest.mark.parametrize("impl", ["rust", "pure"])
@pytest.mark.parametrize("hi,en", NAME_PAIRS)
def test_names_meet(impl, hi, en):
    key = asimtext.xscript_key if impl == "rust" else pure.key
    assert key(hi) == key(en)
    assert key(hi)


@pytest.mark.parametrize("impl", ["rust", "pure"])
@pytest.mark.parametrize("hi,en", ACRONYM_PAIRS)
def test_acronyms_meet(impl, hi, en):
    key = asimtext.xscript_key if impl == "rust" else pure.key
    assert key(hi) == en
    assert key(en) == en


def test_acronym_rules():
    k = asimtext.xscript_key
    # capitals of 2..5 letters, or no vowel at all, are acronyms
    assert k("vrs") == "VRS"
    assert k("BJP's") == "BJP s"
    assert k("KANPUR") != "KANPUR"  # six capitals: a word shouted, not an acronym
    # with a vowel, in lower case, a word
    assert k("up") == "up" != k("UP")
    # a single letter name is a word or a stop-word, not an acronym
    assert asimtext.xscript_tokens("जी")[0][3] == "stop"
    assert asimtext.xscript_tokens("पी")[0][3] == "word"
    # ZWJ/ZWNJ inside the Devanagari spelling do not matter
    assert k("बी\u200dजे\u200cपी") == "BJP"


def test_stopwords_filtered():
    text = "कानपुर के पुलिस कमिश्नर ने कहा कि the police of Kanpur"
    with_sw = [k for _s, _e, k in asimtext.xscript_keys(text, stopwords=True)]
    without = [k for _s, _e, k in asimtext.xscript_keys(text)]
    assert len(with_sw) == 11
    assert without == ["kanpur", "pulis", "kamisnar", "polik", "kanpur"]
    assert asimtext.xscript_is_stopword("के") and asimtext.xscript_is_stopword("the")
    assert not asimtext.xscript_is_stopword("कानपुर")
    assert pure.is_stopword("के") and not pure.is_stopword("कानपुर")


def test_offsets_map_to_original():
    text = "श्री असीम अरुण (IPS) ने बीजेपी\u200d की सदस्यता ली।"
    got = {text[s:e]: k for s, e, k in asimtext.xscript_keys(text)}
    assert got["असीम"] == "asim" and got["अरुण"] == "arun"
    assert got["IPS"] == "IPS"
    assert got["बीजेपी\u200d"] == "BJP"
    # Devanagari digits and a nukta: normalized, spans still in the input
    text = "१९९४ बैच के आईपीएस गढ़वाल"
    toks = asimtext.xscript_tokens(text)
    assert [(text[s:e], k) for s, e, k, _ in toks] == [
        ("बैच", "baic"),
        ("के", "k"),
        ("आईपीएस", "IPS"),
        ("गढ़वाल", "gadval"),
    ]


def test_romanize():
    r = asimtext.xscript_romanize
    assert r("असीम अरुण") == "aseem arun"
    assert r("कानपुर") == "kaanpur"
    assert r("अंबेडकर") == "ambedkar"
    assert r("आदित्यनाथ") == "aadityanaath"
    assert r("मुंबई") == "mumbaee"
    assert r("Kanpur, 2022") == "Kanpur, 2022"


# ---------------------------------------------------------------- not meeting

UNRELATED = [
    "कानपुर",
    "कन्नौज",
    "लखनऊ",
    "आगरा",
    "मेरठ",
    "बरेली",
    "असीम",
    "अरुण",
    "योगी",
    "मोदी",
    "अखिलेश",
    "मायावती",
    "राहुल",
    "प्रियंका",
    "पुलिस",
    "चुनाव",
    "सरकार",
    "विधानसभा",
    "कमिश्नर",
    "संदेश",
    "बैठक",
    "शिक्षा",
    "अस्पताल",
    "किसान",
    "क्रिकेट",
    "बारिश",
    "मौसम",
    "बाजार",
    "सोना",
    "चांदी",
    "रेलवे",
    "स्टेशन",
    "अदालत",
    "न्यायालय",
    "मंत्री",
    "राज्यपाल",
    "Kanpur",
    "Lucknow",
    "Delhi",
    "Mumbai",
    "Chennai",
    "Kolkata",
    "Modi",
    "Gandhi",
    "Yadav",
    "police",
    "election",
    "cricket",
    "rain",
    "market",
    "hospital",
    "farmer",
    "court",
]


def test_unrelated_words_do_not_meet():
    keys = collections.defaultdict(set)
    for w in UNRELATED:
        keys[asimtext.xscript_key(w)].add(w)
    shared = {k: ws for k, ws in keys.items() if len(ws) > 1}
    # the only allowed meetings are real translations of one another
    assert shared == {
        "kanpur": {"कानपुर", "Kanpur"},
        "mod": {"मोदी", "Modi"},
        "kriket": {"क्रिकेट", "cricket"},
    }


@pytest.mark.parametrize("hi,en", KNOWN_MISSES)
def test_known_misses_are_still_misses(hi, en):
    # if one of these starts to meet, move it to NAME_PAIRS and the README
    assert asimtext.xscript_key(hi) != asimtext.xscript_key(en)


def _seed_vocab():
    hi, en = set(), set()
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        for s, e, _k, kind in asimtext.xscript_tokens(text):
            if kind != "word":
                continue
            w = text[s:e]
            (hi if DEVA_RE.match(w) else en).add(w.lower())
    return hi, en


def _collision_stats(words):
    groups = collections.defaultdict(set)
    for w in words:
        groups[asimtext.xscript_key(w)].add(w)
    sharing = sum(len(g) for g in groups.values() if len(g) > 1)
    return len(words), len(groups), sharing


def test_collision_rate_on_seed_vocabulary():
    hi, en = _seed_vocab()
    n, k, sharing = _collision_stats(hi)
    assert n > 300
    # distinct Hindi words mostly get distinct keys (inflections of one word
    # like जानना/जानने are the bulk of the rest)
    assert k / n >= 0.9, (n, k)
    assert sharing / n <= 0.2, (n, sharing)
    n, k, sharing = _collision_stats(en)
    assert n > 100
    assert k / n >= 0.97, (n, k)


def _content_keys(text):
    return {k for _s, _e, k in asimtext.xscript_keys(text) if len(k) >= 3 or k.isupper()}


def test_english_seed_meets_its_hindi_twins():
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in SEEDS}
    en = _content_keys(texts["004"])
    for hi_id in ("000", "001", "002", "003"):
        # the name, the service and the VRS of the story, in every Hindi twin
        assert {"asim", "arun", "IPS", "VRS"} <= en & _content_keys(texts[hi_id])
    assert {"asim", "arun", "kanpur", "kanauj", "IPS", "BJP", "VRS", "ambedkar"} <= (
        en & _content_keys(texts["000"])
    )
    assert {"yog", "adityanat", "DGP", "BJP", "VRS", "IPS", "kanauj"} <= (
        en & _content_keys(texts["001"])
    )


UNRELATED_EN = """Mumbai Indians beat Chennai Super Kings by five wickets at the Wankhede
Stadium on Sunday. Rohit Sharma scored a quick fifty while Jasprit Bumrah took three
wickets. The crowd celebrated late into the night as the team moved to the top of the table."""

UNRELATED_HI = """मौसम विभाग ने केरल और तमिलनाडु में भारी बारिश की चेतावनी जारी की है। चेन्नई में
स्कूल बंद रहेंगे और मछुआरों को समुद्र में न जाने की सलाह दी गई है।"""


def test_unrelated_articles_share_few_keys():
    seeds = {p.name[:3]: _content_keys(p.read_text(encoding="utf-8")) for p in SEEDS}
    story = seeds["004"] & seeds["000"]
    for other in (UNRELATED_EN, UNRELATED_HI):
        ok = _content_keys(other)
        for sid in ("000", "001", "004"):
            assert len(ok & seeds[sid]) <= 3, ok & seeds[sid]
        assert len(ok & seeds["004"]) < len(story) / 3


# ---------------------------------------------------------------- bad input


def test_bad_input_errors():
    with pytest.raises(TypeError, match="word must be str, not int"):
        asimtext.xscript_key(3)
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        asimtext.xscript_keys(b"abc")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        asimtext.xscript_keys_batch(["a", None])
    with pytest.raises(TypeError, match="not a single str"):
        asimtext.xscript_keys_batch("abc")
    with pytest.raises(ValueError, match="index 2"):
        asimtext.xscript_keys("ab\ud800c")
    assert asimtext.xscript_keys("ab\ud800c", errors="replace") == [(0, 2, "ab"), (3, 4, "k")]
    assert asimtext.xscript_key("") == "" == pure.key("")
    assert asimtext.xscript_keys_batch([]) == []


# ---------------------------------------------------------------- exhaustive


def test_all_devanagari_pairs_identical():
    block = [chr(c) for c in range(0x0900, 0x0980)] + ["\u200c", "\u200d", " ", "a", "A"]
    docs = [a + b for a in block for b in block]
    docs += ["क" + a + b for a in block for b in ("", "\u094d", "\u093c", "\u093e")]
    assert asimtext.xscript_keys_batch(docs, stopwords=True) == pure.keys_batch(
        docs, stopwords=True
    )
    sample = docs[::7]
    assert [asimtext.xscript_romanize(d) for d in sample] == [pure.romanize(d) for d in sample]


def test_all_latin_letters_identical():
    cps = list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
    docs = []
    for c in map(chr, cps):
        docs += [c, c + c, "x" + c + "y", c.upper() + "BC", "ab" + c + "de"]
    assert asimtext.xscript_keys_batch(docs, stopwords=True) == pure.keys_batch(
        docs, stopwords=True
    )
    assert [asimtext.xscript_tokens(d) for d in docs] == [pure.tokens(d) for d in docs]


def test_stopword_lists_identical():
    for w in sorted(pure._HINDI_STOP | pure._ENGLISH_STOP):
        assert asimtext.xscript_is_stopword(w), w
    hi, en = _seed_vocab()
    for w in sorted(hi | en):
        assert asimtext.xscript_is_stopword(w) == pure.is_stopword(w), w


def test_docs_example():
    import doctest

    readme = (pathlib.Path(__file__).resolve().parent.parent / "docs" / "xscript.md").read_text(
        encoding="utf-8"
    )
    section = readme.split("# Cross-script matching key", 1)[1]
    block = section.split("```python", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(block, {}, "README xscript", None, 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.failures == 0 and runner.tries >= 3
