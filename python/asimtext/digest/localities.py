"""Localities: the places below the state that a report's lead names as where its event
happened (a district, a town, a village, a city's quarter), for telling two look-alike
events of one state apart.

Two bus falls in Uttarakhand, two building collapses in Delhi, share the state, the
kind of event, the chief minister and the rescue force; what tells them apart is the
place below the state: ``अल्मोड़ा जिले के सल्ट विकासखंड के मरचूला में`` against ``जनपद
पौड़ी गढ़वाल के थाना धुमाकोट क्षेत्रांतर्गत सिमड़ी गांव के पास``, ``दिल्ली के मुस्तफाबाद
इलाके में`` against ``सीलमपुर में ... K ब्लॉक इलाके में``. No gazetteer holds India's
villages and quarters, but news names them in a few fixed frames, which are read here:

* a name before a word for a kind of place: ``अल्मोड़ा जिले``, ``सिमड़ी गांव``,
  ``मुस्तफाबाद इलाके``, ``Almora district``, ``Simdi village``, ``Dayalpur area``;
* a name after such a word: ``जनपद पौड़ी``, ``थाना धुमाकोट``, ``village of Chasoti``;
* a name after a state: ``उत्तराखंड के अल्मोड़ा में``, ``दिल्ली के मुस्तफाबाद में``,
  ``Uttarakhand's Almora``, ``northeast Delhi's Mustafabad``.

Words are keyed across scripts and reduced to a skeleton (consonants, ``d``/``r`` and
``v``/``w`` merged: ``अल्मोड़ा`` keys ``almod``, ``Almora`` ``almor``), so that one
place spelled in two scripts, or two ways (``Simdi``, ``Simri``), meets. The names
after ``from`` (where a bus set out, where the victims came from) are not read: the
frames above are where the report puts its event.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, FrozenSet, List, Sequence, Tuple

import regex

__all__ = ["lead_localities", "lead_mentions", "spelling", "LOCAL", "SUB", "MENTION", "SPELL"]

LOCAL = "local:"
# Every name-like word of a lead (a Devanagari word, a capitalised Latin one), as its
# cross-script key: a lead that puts its event in no frame still names its place
# ("सीलमपुर में बीती रात 4 मंजिला इमारत गिरने से ..."); where another report of its
# group names that word in a frame, it is that lead's locality
# (:func:`.lead_places.with_mentions`).
MENTION = "mention:"
# A framed locality's spelling (:func:`spelling`), for mentions to meet: the
# skeleton of consonants alone lets a word meet a place by chance (ब्रिगेड,
# "brigade", and Bairagarh are both "brgr").
SPELL = "spell:"
_NAME_WORD = regex.compile(r"\p{Devanagari}{3,}|\b[A-Z][\p{L}\p{M}]{3,}")
# A place below the district (a village, a police station's area, a block),
# compared again on its own: two hooch deaths of one district, one in Marhaura, one
# in Isuapur, share the district and differ below it.
SUB = "sub:"
# Only the kinds of place that name one spot count below the district: a village, a
# police station's area, a block, a colony; not a town or an "area" ("in Chhapra area of
# Saran district" names the district's seat for the whole district).
_SPOT = frozenset(("गांव", "गाँव", "तहसील", "विकासखंड", "प्रखंड", "थाना", "थाने",
                   "क्षेत्रांतर्गत", "ग्राम", "मौजा", "village", "villages", "tehsil", "taluk",
                   "taluka", "block", "blocks", "mandal", "colony", "locality",
                   "village of"))

_DEVA = r"[\p{Devanagari}\u200c\u200d]+"
# Words for a kind of place below the state, after its name ("अल्मोड़ा जिले").
# (Not "इलाके", "क्षेत्र": the words before them are as often no name, "रिहायशी इलाके",
# "निचले इलाकों", "पूरे इलाके"; a name before them is read after a state, below.)
_HI_AFTER = ("जिले", "जिला", "ज़िले", "ज़िला", "जिलें", "गांव", "गाँव", "कस्बे", "कस्बा",
             "तहसील", "विकासखंड", "प्रखंड", "थाना", "थाने", "क्षेत्रांतर्गत")
# ... before it ("जनपद पौड़ी", "थाना धुमाकोट", "ग्राम सिमड़ी").
_HI_BEFORE = ("जनपद", "थाना", "ग्राम", "मौजा")
# Words before a word for a place that are no name: the whole area, this village,
# nearby villages, the affected district, its own village.
_HI_NOT_NAME = frozenset(
    "के की का में से पर और तथा एवं एक इस उस इसी उसी यह वह ने को है हैं था थे भी ही तो जो "
    "पूरे पूरा सारे आसपास आस-पास प्रभावित ग्रामीण शहरी पहाड़ी तटीय निचले दूरदराज "
    "दूर-दराज अपने अपनी उनके उसके कई सभी विभिन्न अन्य दो तीन नजदीकी नज़दीकी पास पड़ोसी "
    "स्थानीय सीमावर्ती संबंधित उक्त किसी हर अलग दूसरे रिहायशी आवासीय औद्योगिक घनी "
    "संकरी बाढ़ संवेदनशील मैदानी सटे लगे वाले वाली वाला नए पुराने गृह पैतृक "
    # ... and words news puts before "जिला" and after "दिल्ली के" that are no place
    # (news-dev: "मद्देनजर जिला प्रशासन", "दिल्ली के अस्पताल में", "चार शहरों में").
    "मद्देनजर मरीज मरीजों रात बीच नियुक्त प्रत्येक हर अस्पताल अस्पतालों होटल शहरों गांवों "
    "जिलों इलाकों स्कूल स्कूलों मंदिर बाजार घर घरों सरकारी निजी हिस्से हिस्सों भागों "
    "मुख्यमंत्री उपमुख्यमंत्री राज्यपाल सरकार पुलिस मंत्री विधानसभा लोगों".split())
_EN_AFTER = ("districts", "district", "villages", "village", "areas", "area", "town",
             "tehsil", "taluk", "taluka", "blocks", "block", "locality", "colony", "mandal",
             "sub-division", "subdivision", "neighbourhood", "neighborhood")
_EN_BEFORE = ("village of", "town of", "district of")
_CAP = r"[A-Z][\p{L}\p{M}'’-]*"
_EN_NOT_NAME = frozenset(
    "The A An This That In On At Near Of And Its Their His Her Our Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday North South East West Northeast Northwest Southeast "
    "Southwest North-East North-West South-East South-West Central Upper Lower Old New "
    "Industrial Residential Police Station "
    # ... and offices and bodies after a state's name ("Uttarakhand's Chief Minister").
    "Chief Minister Deputy Governor Lieutenant Health Home Finance Government Assembly "
    "High Court Capital Legislative Director General Special Task Force Cabinet Opposition "
    "Leader Speaker Secretary Commissioner Department Ministry Council Board State".split())

_HI_AFTER_RE = regex.compile(
    rf"((?:{_DEVA} ))({'|'.join(_HI_AFTER)})(?!\p{{Devanagari}})")
_HI_BEFORE_RE = regex.compile(
    rf"(?<!\p{{Devanagari}})({'|'.join(_HI_BEFORE)}) ((?:{_DEVA})(?: {_DEVA})?)")
# (After an article and before "of", a word is no name: "the Himalayan village of
# Dharali" names Dharali; "in Bairagarh village of Harda", Bairagarh; "in the Dayalpur
# village area", Dayalpur.)
_EN_AFTER_RE = regex.compile(
    rf"((?:{_CAP} ){{1,3}})((?i:{'|'.join(_EN_AFTER)}))\b")
_ARTICLE_BEFORE = regex.compile(r"\b(?i:the|a|an) $")
_OF_AFTER = regex.compile(r" of\b")
_EN_BEFORE_RE = regex.compile(
    rf"\b({'|'.join(_EN_BEFORE)}) ((?:{_CAP})(?: {_CAP}){{0,2}})")
# After a state: "के X (Y) में/के पास/स्थित/," and "'s X (Y)".
_HI_STATE_RE = regex.compile(rf" के ({_DEVA}(?: {_DEVA})?) (?:(?:इलाके|इलाका|क्षेत्र) )?"
                             rf"(?:में|के पास|स्थित|के समीप)")
_EN_STATE_RE = regex.compile(rf"['’]s (?:(?:north|south|east|west|north-?east|north-?west|"
                             rf"south-?east|south-?west|central) )?({_CAP}(?: {_CAP})?)")

Finder = Callable[[str], Sequence[Tuple[int, int, str]]]


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A cross-script key reduced to its consonants, ``d``/``r`` and ``v``/``w`` merged,
    repeats collapsed (``almod``, ``almor`` -> ``lmr`` with the first letter kept:
    ``almr``)."""
    if not key:
        return ""
    out = [key[0]]
    for c in key[1:].translate(_MERGE):
        if c in "aeiouy" or c == out[-1]:
            continue
        out.append(c)
    return "".join(out)


_MERGE = str.maketrans({"d": "r", "w": "v", "z": "j"})


@lru_cache(maxsize=65536)
def spelling(key: str) -> str:
    """A cross-script key with its vowels but the ones that differ across scripts
    (the inherent ``a`` that Devanagari does not write, ``y``), ``d``/``r``, ``v``/``w``
    merged and repeats collapsed: ``almod``, ``almor`` -> ``lmor``; ``briged`` ->
    ``briger``, ``bairgad`` -> ``birgr``."""
    out: List[str] = []
    for c in key.translate(_MERGE):
        if c in "ay" or (out and c == out[-1]):
            continue
        out.append(c)
    return "".join(out)


def _names(words: str, not_name: FrozenSet[str], key: Callable[[str], str],
           states: FrozenSet[str]) -> List[str]:
    out = []
    for w in words.split():
        w = _POSSESSIVE.sub("", w)
        if w in not_name or w.lower() in _HI_NOT_NAME or w.lower() in states:
            continue
        if w.lower() in _EN_AFTER_WORDS or w in _HI_KINDS:
            continue
        kw = key(w)
        k = skeleton(kw)
        # (A short skeleton, "mr" for मढ़ौरा/Marhaura, of a key of four letters or more.)
        if len(k) >= 2 and len(kw) >= 4 and k not in states:
            out.append(LOCAL + k)
            out.append(SPELL + spelling(kw))
    return out


_EN_AFTER_WORDS = frozenset(_EN_AFTER)
_HI_KINDS = frozenset(_HI_AFTER + _HI_BEFORE + ("इलाके", "इलाका", "इलाकों", "क्षेत्र", "शहर",
                                             "घटना", "हादसा", "हादसे"))
_POSSESSIVE = regex.compile(r"['’]s?$")


def _headline(text: str, at: int) -> bool:
    """Whether the line around ``at`` is set in Title Case (a headline: "Plane With Over
    100 Passengers Crashes In Residential Area"), where capitals mark no names."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in text[start:len(text) if end < 0 else end].split() if len(w) > 3]
    caps = sum(w[0].isupper() for w in words)
    return 4 <= len(words) <= 20 and caps >= 0.75 * len(words)


def lead_localities(text: str, end: int, key: Callable[[str], str],
                    finder: Finder) -> FrozenSet[str]:
    """The localities (``local:<skeleton>``) that ``text[:end]`` (a report's lead) names
    in the frames of the module docstring. States and countries (the gazetteer's) are
    no localities (:mod:`.lead_places` compares them)."""
    lead = text[:end]
    hits = finder(lead)
    big = frozenset(x for s, e, ent in hits if ent.startswith(("state:", "ut:", "country:"))
                    for w in lead[s:e].split() for x in (w.lower(), skeleton(key(w))))
    out: List[str] = []
    named_before = set()
    for rx, not_name, name in ((_HI_AFTER_RE, _HI_NOT_NAME, 1), (_HI_BEFORE_RE, _HI_NOT_NAME, 2),
                               (_EN_AFTER_RE, _EN_NOT_NAME, 1), (_EN_BEFORE_RE, _EN_NOT_NAME, 2)):
        english = rx is _EN_AFTER_RE or rx is _EN_BEFORE_RE
        for m in rx.finditer(lead):
            if english and _headline(lead, m.start()):
                continue
            if (rx is _EN_AFTER_RE and _OF_AFTER.match(lead, m.end())
                    and _ARTICLE_BEFORE.search(lead, max(0, m.start() - 4), m.start())):
                continue
            got = _names(m.group(name), not_name, key, big)
            out.extend(got)
            kind = m.group(3 - name).lower()
            if rx is _EN_AFTER_RE and got:
                named_before.add(m.end())
            # "Bairagarh village of Harda": the village is Bairagarh, Harda its district.
            if rx is _EN_BEFORE_RE and m.start() + len(kind.split()[0]) in named_before:
                continue
            if kind in _SPOT:
                out.extend(SUB + x[len(LOCAL):] for x in got if x.startswith(LOCAL))
    for _s, e, ent in hits:
        if not ent.startswith(("state:", "ut:")):
            continue
        for rx, not_name in ((_HI_STATE_RE, _HI_NOT_NAME), (_EN_STATE_RE, _EN_NOT_NAME)):
            m = rx.match(lead, e)
            if m:
                out.extend(_names(m.group(1), not_name, key, big))
    return frozenset(out)


def lead_mentions(text: str, end: int, key: Callable[[str], str]) -> FrozenSet[str]:
    """The name-like words of ``text[:end]`` as ``mention:<key>`` (their cross-script
    keys, of four letters or more), stopwords (no key) left out."""
    out = set()
    for w in _NAME_WORD.findall(text, 0, end):
        if w in _HI_NOT_NAME or w in _EN_NOT_NAME:
            continue
        kw = key(w)
        if len(kw) >= 4:
            out.add(MENTION + kw)
    return frozenset(out)
