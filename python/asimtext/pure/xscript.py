"""Pure-Python twin of the cross-script matching key (:func:`asimtext.xscript_key`).

Same behaviour as the Rust core ``asimtext_core::xscript`` (the differential
tests in ``tests/test_xscript.py`` hold the two to it). See that module for the
rules; in short:

* a Devanagari word is romanized (inherent vowel with schwa deletion), a Latin
  word is folded to ASCII lower case;
* both go through one phonetic key (vowel length, doubled consonants,
  aspiration, w/v, ph/f, z/j, sh/s, c/k, medial and final vowels);
* acronyms (``BJP``, ``बीजेपी``) get an upper-case key of their letters;
* stop-words (Hindi function words, English stop words) are marked.
"""

from __future__ import annotations

from asimtext.pure.normalization import is_word_char, normalize_with_offsets

__all__ = [
    "KIND_ACRONYM",
    "KIND_STOP",
    "KIND_WORD",
    "is_stopword",
    "key",
    "keys",
    "keys_batch",
    "romanize",
    "tokens",
]

KIND_WORD = "word"
KIND_ACRONYM = "acronym"
KIND_STOP = "stop"

# --- Latin letters -----------------------------------------------------------

_FOLD_GROUPS = (
    ("a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"),
    ("c", "çćčÇĆČ"),
    ("d", "ḍďđḌĎĐ"),
    ("e", "èéêëēėęěÈÉÊËĒĖĘĚ"),
    ("g", "ğĞ"),
    ("h", "ḥḤ"),
    ("i", "ìíîïīįıÌÍÎÏĪĮİ"),
    ("l", "łľĺḷŁĽĹḶ"),
    ("m", "ṃṁṂṀ"),
    ("n", "ñńňṅṇÑŃŇṄṆ"),
    ("o", "òóôõöøōőÒÓÔÕÖØŌŐ"),
    ("r", "ṛṝřŕṚṜŘŔ"),
    ("s", "śşšṣŚŞŠṢ"),
    ("t", "ṭťṬŤ"),
    ("u", "ùúûüūůűÙÚÛÜŪŮŰ"),
    ("y", "ýÿÝŸ"),
    ("z", "žźżŽŹŻ"),
)
_LATIN_FOLD: dict[str, str] = {}
for _base, _chars in _FOLD_GROUPS:
    for _c in _chars:
        _LATIN_FOLD[_c] = _base
for _o in range(26):
    _LATIN_FOLD[chr(0x61 + _o)] = chr(0x61 + _o)
    _LATIN_FOLD[chr(0x41 + _o)] = chr(0x61 + _o)
_LATIN_LOWER = frozenset(
    [chr(0x61 + o) for o in range(26)] + [c for _b, cs in _FOLD_GROUPS for c in cs[: len(cs) // 2]]
)

# --- Devanagari ----------------------------------------------------------------

# fmt: off

_CONS = {
    0x0915: "k", 0x0916: "kh", 0x0917: "g", 0x0918: "gh", 0x0919: "n",
    0x091A: "ch", 0x091B: "chh", 0x091C: "j", 0x091D: "jh", 0x091E: "n",
    0x091F: "t", 0x0920: "th", 0x0921: "d", 0x0922: "dh", 0x0923: "n",
    0x0924: "t", 0x0925: "th", 0x0926: "d", 0x0927: "dh", 0x0928: "n",
    0x0929: "n", 0x092A: "p", 0x092B: "ph", 0x092C: "b", 0x092D: "bh",
    0x092E: "m", 0x092F: "y", 0x0930: "r", 0x0931: "r", 0x0932: "l",
    0x0933: "l", 0x0934: "l", 0x0935: "v", 0x0936: "sh", 0x0937: "sh",
    0x0938: "s", 0x0939: "h",
    0x0958: "q", 0x0959: "kh", 0x095A: "g", 0x095B: "z", 0x095C: "r",
    0x095D: "rh", 0x095E: "f", 0x095F: "y",
    0x0979: "z", 0x097A: "y", 0x097B: "g", 0x097C: "j", 0x097E: "d", 0x097F: "b",
}
# consonant + nukta (U+093C) -> the precomposed letter's sound
_NUKTA = {0x0915: "q", 0x091C: "z", 0x0921: "r", 0x0922: "rh", 0x092B: "f"}
_VOWELS = {
    0x0904: "a", 0x0905: "a", 0x0906: "aa", 0x0907: "i", 0x0908: "ee",
    0x0909: "u", 0x090A: "oo", 0x090B: "ri", 0x090C: "li", 0x090D: "e",
    0x090E: "e", 0x090F: "e", 0x0910: "ai", 0x0911: "o", 0x0912: "o",
    0x0913: "o", 0x0914: "au", 0x0960: "ri", 0x0961: "li", 0x0972: "a",
    0x0973: "a", 0x0974: "aa", 0x0975: "au", 0x0976: "u", 0x0977: "oo",
}
_MATRAS = {
    0x093A: "e", 0x093B: "ee", 0x093E: "aa", 0x093F: "i", 0x0940: "ee",
    0x0941: "u", 0x0942: "oo", 0x0943: "ri", 0x0944: "ri", 0x0945: "e",
    0x0946: "e", 0x0947: "e", 0x0948: "ai", 0x0949: "o", 0x094A: "o",
    0x094B: "o", 0x094C: "au", 0x094E: "e", 0x094F: "au", 0x0955: "e",
    0x0956: "u", 0x0957: "oo", 0x0962: "li", 0x0963: "li",
}
# fmt: on
_NASALS = (0x0900, 0x0901, 0x0902)
_VISARGA = 0x0903
_NUKTA_SIGN = 0x093C
_VIRAMA = 0x094D
_OM = 0x0950

_LABIAL_START = ("p", "b", "m", "f")


def _is_latin(c: str) -> bool:
    return c in _LATIN_FOLD


# Segment kinds of the romanizer
_C, _V, _S, _N = 0, 1, 2, 3  # consonant, vowel, inherent vowel (schwa), nasal


def romanize(text: str) -> str:
    """Romanize the Devanagari words of ``text``; other characters are kept.

    ``romanize("असीम अरुण")`` is ``"aseem arun"``. It is the first half of the
    key (the phonetic key of :func:`key` is the second); it works on the text as
    given (no normalization).
    """
    out: list[str] = []
    n = len(text)
    i = 0
    while i < n:
        if is_word_char(ord(text[i])):
            j = i + 1
            while j < n and is_word_char(ord(text[j])):
                j += 1
            out.append(_romanize_word(text[i:j]))
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _romanize_word(word: str) -> str:
    """Romanize one Devanagari word (other characters are skipped).

    Inherent vowels are written ``a`` and deleted at the end of a word of more
    than one syllable and in the context ``V C _ C V`` (scanning right to left),
    the usual schwa-deletion heuristic of Hindi; anusvara is ``m`` before
    p/b/m, else ``n``; long vowels are doubled (``aa``, ``ee``, ``oo``).
    """
    segs: list[list] = []  # [kind, roman, code]
    for ch in word:
        o = ord(ch)
        if o in _CONS:
            segs.append([_C, _CONS[o], o])
            segs.append([_S, "a", 0])
        elif o in _MATRAS:
            if segs and segs[-1][0] == _S:
                segs[-1] = [_V, _MATRAS[o], 0]
            else:
                segs.append([_V, _MATRAS[o], 0])
        elif o in _VOWELS:
            segs.append([_V, _VOWELS[o], 0])
        elif o == _VIRAMA:
            if segs and segs[-1][0] == _S:
                segs.pop()
        elif o == _NUKTA_SIGN:
            if segs and segs[-1][0] == _S and len(segs) >= 2:
                c = segs[-2]
            elif segs and segs[-1][0] == _C:
                c = segs[-1]
            else:
                continue
            if c[0] == _C and c[2] in _NUKTA:
                c[1] = _NUKTA[c[2]]
        elif o in _NASALS:
            segs.append([_N, "", 0])
        elif o == _VISARGA:
            segs.append([_C, "h", 0])
        elif o == _OM:
            segs.append([_V, "o", 0])
            segs.append([_C, "m", 0])
        # everything else (avagraha, accents, ZWJ/ZWNJ, other scripts) is skipped
    # final schwa: deleted when the word has another vowel before it
    n = len(segs)
    if n >= 2 and segs[-1][0] == _S and any(s[0] in (_V, _S) for s in segs[:-1]):
        segs.pop()
    # medial schwa: V C _ C V, right to left
    i = len(segs) - 2
    while i >= 2:
        if (
            segs[i][0] == _S
            and segs[i - 1][0] == _C
            and segs[i - 2][0] in (_V, _S)
            and i + 2 < len(segs)
            and segs[i + 1][0] == _C
            and segs[i + 2][0] in (_V, _S)
        ):
            del segs[i]
        i -= 1
    out = []
    for j, s in enumerate(segs):
        if s[0] == _N:
            nxt = segs[j + 1] if j + 1 < len(segs) else None
            if nxt is not None and nxt[0] == _C and nxt[1].startswith(_LABIAL_START):
                out.append("m")
            else:
                out.append("n")
        else:
            out.append(s[1])
    return "".join(out)


# --- the phonetic key ------------------------------------------------------------

_VOWEL_SYMS = frozenset("aeiou")


def _phonetic(s: str) -> str:
    """Phonetic key of a lower-case ASCII romanization."""
    syms: list[str] = []
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        nxt = s[i + 1] if i + 1 < n else ""
        if c in "aiu":
            syms.append(c)
            i += 1
            continue
        if c == "e":
            if nxt == "e":
                syms.append("i")
                i += 2
            elif nxt == "r" and i + 2 < n and s[i + 2] not in "aeiouy":
                # inherent a written e before r + consonant (verma, banerjee)
                syms.append("a")
                i += 1
            else:
                syms.append("e")
                i += 1
            continue
        if c == "o":
            if nxt == "o":
                syms.append("u")
                i += 2
            elif nxt == "u":
                syms.append("a")
                syms.append("u")
                i += 2
            else:
                syms.append("o")
                i += 1
            continue
        if c == "h":
            syms.append("h")
            i += 1
            continue
        if not ("a" <= c <= "z"):
            i += 1
            continue
        # consonants
        if c == "c":
            if nxt == "h":
                syms.append("c")
                i += 2
            else:
                syms.append("k")
                i += 1
        elif c == "p" and nxt == "h":
            syms.append("f")
            i += 2
        elif c == "r" and nxt == "h" and i > 0:
            syms.append("d")
            i += 2
        elif c == "w":
            syms.append("v")
            i += 1
        elif c == "z":
            syms.append("j")
            i += 1
        elif c == "q":
            syms.append("k")
            i += 1
        elif c == "x":
            syms.append("k")
            syms.append("s")
            i += 1
        else:
            syms.append(c)
            i += 1
        # aspiration (and the h of sh/ch/ph/kh...) after a consonant is dropped
        while i < n and s[i] == "h":
            i += 1
    syms = _collapse(syms)
    # final y: a vowel after a consonant (party, chaudhary), silent after e (pandey)
    if len(syms) >= 2 and syms[-1] == "y":
        if syms[-2] not in _VOWEL_SYMS:
            syms[-1] = "i"
        elif syms[-2] == "e":
            syms.pop()
    # medial short a between V C and C V is dropped (schwa deletion, both scripts)
    i = len(syms) - 3
    while i >= 2:
        if (
            syms[i] == "a"
            and syms[i - 1] not in _VOWEL_SYMS
            and syms[i - 2] in _VOWEL_SYMS
            and syms[i + 1] not in _VOWEL_SYMS
            and syms[i + 2] in _VOWEL_SYMS
        ):
            del syms[i]
        i -= 1
    syms = _collapse(syms)
    # final v after a vowel is a vowel (rao/raav, unnao/unnaav)
    if len(syms) >= 2 and syms[-1] == "v" and syms[-2] in _VOWEL_SYMS:
        syms.pop()
    # final vowels
    while len(syms) > 1 and syms[-1] in _VOWEL_SYMS:
        syms.pop()
    # final y after a consonant is a vowel (party/paartee, madhya/madhy)
    if len(syms) >= 2 and syms[-1] == "y" and syms[-2] not in _VOWEL_SYMS:
        syms.pop()
        while len(syms) > 1 and syms[-1] in _VOWEL_SYMS:
            syms.pop()
    # final ng -> n (singh/sinh, sangh)
    if len(syms) > 2 and syms[-1] == "g" and syms[-2] == "n":
        syms.pop()
    return "".join(syms)


def _collapse(syms: list[str]) -> list[str]:
    out: list[str] = []
    for s in syms:
        if not out or out[-1] != s:
            out.append(s)
    return out


# --- acronyms ----------------------------------------------------------------------

# Devanagari spellings of the Latin letter names (match-key form: no nukta).
# fmt: off
_LETTER_NAMES = (
    ("ए", "A"), ("बी", "B"), ("सी", "C"), ("डी", "D"), ("ई", "E"), ("एफ", "F"),
    ("जी", "G"), ("एच", "H"), ("आई", "I"), ("जे", "J"), ("के", "K"), ("एल", "L"),
    ("एम", "M"), ("एन", "N"), ("ओ", "O"), ("पी", "P"), ("क्यू", "Q"), ("आर", "R"),
    ("एस", "S"), ("टी", "T"), ("यू", "U"), ("वी", "V"), ("डब्ल्यू", "W"),
    ("डब्लू", "W"), ("डबल्यू", "W"), ("एक्स", "X"), ("वाई", "Y"), ("जेड", "Z"),
    ("ज\u093cेड", "Z"), ("\u095bेड", "Z"),
    # short-vowel spellings (and the fold of vowel length)
    ("बि", "B"), ("सि", "C"), ("डि", "D"), ("जि", "G"), ("पि", "P"), ("टि", "T"),
    ("वि", "V"), ("यु", "U"), ("क्यु", "Q"), ("आइ", "I"), ("वाइ", "Y"),
)
# fmt: on
# by first character, longest first (ties: table order)
_LETTERS_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
for _name, _letter in _LETTER_NAMES:
    _LETTERS_BY_FIRST.setdefault(_name[0], []).append((_name, _letter))
for _names in _LETTERS_BY_FIRST.values():
    _names.sort(key=lambda p: -len(p[0]))

_MAX_ACRONYM_CHARS = 32


def _deva_acronym(word: str) -> str | None:
    """Letters of a Devanagari acronym (``बीजेपी`` -> ``BJP``) or None.

    The word must split completely into at least two letter names; the first
    split found (longest name first, depth first) is used.
    """
    w = word.replace("\u200c", "").replace("\u200d", "")
    if len(w) < 2 or len(w) > _MAX_ACRONYM_CHARS:
        return None
    out: list[str] = []

    def go(pos: int) -> bool:
        if pos == len(w):
            return True
        for name, letter in _LETTERS_BY_FIRST.get(w[pos], ()):
            if w.startswith(name, pos):
                out.append(letter)
                if go(pos + len(name)):
                    return True
                out.pop()
        return False

    if go(0) and len(out) >= 2:
        return "".join(out)
    return None


# --- stop-words ------------------------------------------------------------------------

_HINDI_STOP = frozenset(
    """
    के का की को में से ने पर है हैं था थे थी थीं और या एवं तथा व भी ही तो न नहीं ना नही कि
    जो जिस जिसे जिसके जिसकी जिसका जिन जिन्हें जिन्होंने यह वह ये वो वे इस उस इसे उसे इसके उसके
    इसकी उसकी इसका उसका इन उन इन्हें उन्हें इनके उनके इनकी उनकी इनका उनका इनको उनको उन्होंने
    इन्होंने इसी उसी यही वही इसमें उसमें इससे उससे इसलिए एक हो होने होना होता होती होते हुआ हुई
    हुए हुईं गया गई गए गयी गये कर करने करना करता करती करते करें करेंगे करेगा करके किया किए किये
    कहा कहते कहना दिया दी दिए दे दें देने देते लिया ली लिए ले लें लेने लेकर जा जाता जाती जाते
    जाने जाना जाएगा जाएगी रहा रहे रही रहीं साथ बाद तक अपने अपनी अपना मैं मैंने हम हमने आप आपने
    तुम मेरा मेरे मेरी हमारा हमारे हमारी आपका आपके आपकी सब सभी कुछ कई कैसे कैसा कैसी क्या कब
    कहां कौन जब तब अब यहां वहां लेकिन परंतु किंतु मगर फिर बहुत जी श्री द्वारा वाले वाला वाली
    चुके चुका चुकी सकते सकता सकती सके गा गी गे उसने इसने ऐसे ऐसा ऐसी जैसे जैसा जैसी होकर
    यानी बल्कि अगर यदि तरह लिये वहीं यहीं डॉ
    """.split()  # noqa: SIM905 (the same text as the Rust table)
)
_ENGLISH_STOP = frozenset(
    """
    a an the of in on at to for from by with without and or but nor not no is are was were be
    been being am has have had do does did done he she it its his her hers him they them their
    theirs we us our ours you your yours i me my mine this that these those as which who whom
    whose what when where why how also so than then there here will would shall should can
    could may might must if into onto over under about after before during between up down out
    off just only more most such all any each other some very said says via per while since
    until against through both again further once same own too because s t st nd rd th ll ve
    re d m mr mrs ms dr
    """.split()  # noqa: SIM905 (the same text as the Rust table)
)


def is_stopword(word: str) -> bool:
    """True if ``word`` (in its match-key form) is a Hindi or English stop-word."""
    return word in _HINDI_STOP or word in _ENGLISH_STOP


# --- tokens ---------------------------------------------------------------------------


def _classify(tok: str, orig: str, deva: bool) -> tuple[str, str]:
    """(key, kind) of one token ``tok`` of the normalized text; ``orig`` is the
    original text it came from (for letter case)."""
    if deva:
        if is_stopword(tok):
            return _phonetic(_romanize_word(tok)), KIND_STOP
        acr = _deva_acronym(tok)
        if acr is not None:
            return acr, KIND_ACRONYM
        return _phonetic(_romanize_word(tok)), KIND_WORD
    folded = "".join(_LATIN_FOLD[c] for c in tok)
    n = len(folded)
    if 2 <= n <= 5 and not any(c in _LATIN_LOWER for c in orig):
        return folded.upper(), KIND_ACRONYM
    if is_stopword(folded):
        return _phonetic(folded), KIND_STOP
    if n >= 2 and not any(c in "aeiouy" for c in folded):
        return folded.upper(), KIND_ACRONYM
    return _phonetic(folded), KIND_WORD


def _scan(text: str, items: list | None = None):
    """Yield (start, end, key, kind) over ``text`` (offsets into the original);
    ``items``: its match key as ``normalize_items`` gives it, if already made."""
    if items is None:
        norm, offs = normalize_with_offsets(text, form="match", offsets="list")
    else:
        norm, offs = "".join(it[0] for it in items), [it[1] for it in items] + [len(text)]
    n = len(norm)
    i = 0
    prev_end = 0
    while i < n:
        c = norm[i]
        o = ord(c)
        if is_word_char(o):
            deva = True
        elif c in _LATIN_FOLD:
            deva = False
        else:
            i += 1
            continue
        j = i + 1
        if deva:
            while j < n and is_word_char(ord(norm[j])):
                j += 1
        else:
            while j < n and norm[j] in _LATIN_FOLD:
                j += 1
        # a token ends where the next output character starts (offs[j]; the
        # input length at the end), so characters the normalization dropped
        # after a word (a nukta) belong to it
        # (and never before the end of the previous token: NFC gives reordered
        # marks the range of their whole run, so two tokens can start there)
        s = max(min(offs[i], len(text)), prev_end)
        # ... from another input character (İ lower-cases to i + U+0307)
        k = j
        while k < n and offs[k] <= offs[j - 1]:
            k += 1
        e = max(min(offs[k], len(text)), s)
        key, kind = _classify(norm[i:j], text[s:e], deva)
        if key and s < e:
            yield s, e, key, kind
            prev_end = e
        i = j


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """All tokens of ``text`` as ``(start, end, key, kind)``; kind is ``"word"``,
    ``"acronym"`` or ``"stop"``. Offsets are code points into ``text``."""
    return list(_scan(text))


def keys(text: str, *, stopwords: bool = False) -> list[tuple[int, int, str]]:
    """``(start, end, key)`` of the words of ``text``; stop-words only if
    ``stopwords`` is true."""
    return [(s, e, k) for s, e, k, kind in _scan(text) if stopwords or kind != KIND_STOP]


def key(word: str) -> str:
    """The cross-script key of ``word`` (keys of several tokens are joined by a
    space; stop-words included)."""
    return " ".join(k for _s, _e, k, _kind in _scan(word))


def keys_batch(texts, *, stopwords: bool = False) -> list[list[tuple[int, int, str]]]:
    """:func:`keys` of each text."""
    return [keys(t, stopwords=stopwords) for t in texts]
