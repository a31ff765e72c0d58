"""Small stand-ins for the Rust capabilities the digest calls, to test the digest's own
logic in isolation (the real-backend tests are separate and use the real calls).

Deliberately simple: a regex span extractor that knows a few date/number forms, a
crude romanizing key, set-based shingle overlap and passage matching.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from asimtext.digest.backend import Backend

HI_MONTHS = [
    "जनवरी",
    "फरवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
]
EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
HI_DAYS = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]
EN_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass
class Span:
    start: int
    end: int
    text: str
    kind: str
    value: str
    resolved: Optional[str] = None

    def to_dict(self):
        return dict(self.__dict__)


def _month(name):
    n = name.lower()
    if name in HI_MONTHS:
        return HI_MONTHS.index(name) + 1
    for i, m in enumerate(EN_MONTHS):
        if m.startswith(n[:3]) and (n == m or n == m[:3]):
            return i + 1
    return None


_HM = "|".join(HI_MONTHS)
_EM = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_PATTERNS = [
    (
        "datetime",
        re.compile(rf"({_EM}) (\d{{1,2}}), (\d{{4}}), (\d{{1,2}}):(\d{{2}}) (AM|PM)( IST)?"),
    ),
    ("date", re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")),
    ("date", re.compile(rf"(?<!\d)(\d{{1,2}}) ({_HM})(?: (\d{{4}}))?")),
    ("date", re.compile(rf"(?<!\d)(\d{{1,2}}) ({_EM})(?: (\d{{4}}))?")),
    ("date", re.compile(rf"({_HM}) (\d{{4}})")),
    (
        "weekday",
        re.compile("|".join(HI_DAYS) + r"|\b(?:" + "|".join(EN_DAYS) + r")\b", re.IGNORECASE),
    ),
    ("duration", re.compile(r"(?<![\w.])(\d+|तीस|दो) (मिनट|दिन|साल|घंटे|years|hours)(?!\w)")),
    ("year", re.compile(r"(?<![\w.])(1[0-9]{3}|20[0-9]{2})(?![\d.])")),
    ("number", re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?![\w])")),
]
_WORDNUM = {"दो": 2, "तीस": 30}
_DUR = {
    "मिनट": "PT{}M",
    "दिन": "P{}D",
    "साल": "P{}Y",
    "घंटे": "PT{}H",
    "years": "P{}Y",
    "hours": "PT{}H",
}


def _value(kind, m):
    g = m.groups()
    if kind == "datetime":
        h = int(g[3]) % 12 + (12 if g[5] == "PM" else 0)
        v = f"{int(g[2]):04d}-{_month(g[0]):02d}-{int(g[1]):02d}T{h:02d}:{g[4]}"
        return v + ("+05:30" if g[6] else "")
    if kind == "date":
        if len(g) == 3 and g[0].isdigit() and len(g[0]) == 4:
            return f"{int(g[0]):04d}-{int(g[1]):02d}-{int(g[2]):02d}"
        # (int() reads any decimal digits, as \d matches them: २०२२ is 2022)
        if len(g) == 3:
            mo = _month(g[1])
            return f"{int(g[2]):04d}-{mo:02d}-{int(g[0]):02d}" if g[2] else f"--{mo:02d}-{int(g[0]):02d}"
        return f"{int(g[1]):04d}-{_month(g[0]):02d}"
    if kind == "weekday":
        t = m.group(0)
        return EN_DAYS[HI_DAYS.index(t)] if t in HI_DAYS else t.lower()
    if kind == "duration":
        n = _WORDNUM.get(g[0]) or int(g[0])
        return _DUR[g[1]].format(n)
    return m.group(0)


def _resolve(kind, value, ref):
    if ref is None:
        return None
    ref = dt.date.fromisoformat(ref[:10])
    if kind == "weekday":
        back = (ref.weekday() - EN_DAYS.index(value)) % 7
        return (ref - dt.timedelta(days=back)).isoformat()
    if kind == "date" and value.startswith("--"):
        mo, d = int(value[2:4]), int(value[5:7])
        cands = [dt.date(y, mo, d) for y in (ref.year - 1, ref.year, ref.year + 1)]
        return min(cands, key=lambda c: abs((c - ref).days)).isoformat()
    return None


def extract(text, *, kinds=None, reference_date=None):
    cands = []
    for prio, (kind, pat) in enumerate(_PATTERNS):
        for m in pat.finditer(text):
            cands.append((m.start(), m.end(), prio, kind, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken, out = [], []
    for s, e, _p, kind, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        v = _value(kind, m)
        out.append(Span(s, e, text[s:e], kind, v, _resolve(kind, v, reference_date)))
    out.sort(key=lambda sp: sp.start)
    if kinds is not None:
        out = [sp for sp in out if sp.kind in kinds]
    return out


def extract_batch(texts, *, reference_dates=None, kinds=None):
    refs = reference_dates or [None] * len(texts)
    return [extract(t, kinds=kinds, reference_date=r) for t, r in zip(texts, refs)]


# --- cross-script keys --------------------------------------------------------------
_LETTER_NAMES = {
    "ए": "a",
    "बी": "b",
    "सी": "c",
    "डी": "d",
    "ई": "e",
    "एफ": "f",
    "जी": "g",
    "एच": "h",
    "आई": "i",
    "जे": "j",
    "के": "k",
    "एल": "l",
    "एम": "m",
    "एन": "n",
    "ओ": "o",
    "पी": "p",
    "क्यू": "q",
    "आर": "r",
    "एस": "s",
    "टी": "t",
    "यू": "u",
    "वी": "v",
    "डब्ल्यू": "w",
    "एक्स": "x",
    "वाई": "y",
    "जेड": "z",
}
_ACRO = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, _LETTER_NAMES), key=len, reverse=True)) + ")+"
)
_CONS = dict(
    zip(
        "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
        [
            "k",
            "k",
            "g",
            "g",
            "c",
            "c",
            "j",
            "j",
            "t",
            "t",
            "d",
            "d",
            "n",
            "t",
            "t",
            "d",
            "d",
            "n",
            "p",
            "f",
            "b",
            "b",
            "m",
            "y",
            "r",
            "l",
            "v",
            "s",
            "s",
            "s",
            "h",
        ],
    )
)
_INITIAL = dict(zip("अआइईउऊएऐओऔ", "aaiiuueeoo"))
_VOWELS = set("अआइईउऊएऐओऔािीुूेैोौंःँ़्ॉॅ")
STOP = set(
    """का के की को में से ने है हैं था थी थे और या भी तो ही यह वह ये वो इस उस इसे उसे पर
कि जो तक लिए साथ बाद कर किया गया गई दिया रहा रहे रही होने हो अपने अपनी उन्होंने उनके उनकी एक
the a an of to in on for and or is was were be been has have had he she it his her they their
as at by with from that this which who also said would could will not but an""".split()
)


def _lat_key(w):
    w = (
        w.lower()
        .rstrip("w")
        .replace("ph", "f")
        .replace("ee", "i")
        .replace("oo", "u")
        .replace("w", "v")
    )
    w = w.replace("q", "k").replace("z", "j").replace("x", "ks").replace("c", "k")
    w = re.sub("[aeiouh]", "", w[1:]).join([w[0], ""]) if w else w
    w = w[0] + re.sub("[aeiouyh]", "", w[1:]) if w else w
    return re.sub(r"(.)\1+", r"\1", w)


def xscript_key(word):
    if "\u0900" <= word[:1] <= "\u097f":
        if _ACRO.fullmatch(word) and len(word) >= 2:
            letters = [_LETTER_NAMES[t] for t in re.findall(_ACRO.pattern[3:-2], word)]
            if len(letters) >= 2:
                return "".join(letters)
        first = _INITIAL.get(word[0], "")
        cons = "".join(
            "n" if ch == "ं" else _CONS.get(ch, "")
            for ch in word[:1] + word[1:].replace("ह", "")
            if ch == "ं" or ch not in _VOWELS
        )
        k = (first + cons) if first else cons
        return re.sub(r"(.)\1+", r"\1", k)
    if word.isupper() and 2 <= len(word) <= 5:
        return word.lower()
    return _lat_key(word)


_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+|[A-Za-z]+")


def xscript_keys(text, *, stopwords=False):
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        if not stopwords and w.lower() in STOP:
            continue
        k = xscript_key(w)
        if k:
            out.append((m.start(), m.end(), k))
    return out


# --- near duplicates ----------------------------------------------------------------
_TOK = re.compile(r"[\u0900-\u0963\u0966-\u097f\w]+")


def _shingles(t, n=5):
    toks = [x.lower() for x in _TOK.findall(t)]
    return {tuple(toks[i : i + n]) for i in range(max(0, len(toks) - n + 1))}


def overlap(a, b, ngram=5):
    A, B = _shingles(a, ngram), _shingles(b, ngram)
    if not A or not B:
        return (0.0, 0.0)
    inter = len(A & B)
    return (inter / len(A | B), inter / min(len(A), len(B)))


@dataclass
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def shared_passages(a, b, min_words=8):
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _TOK.finditer(a)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _TOK.finditer(b)]
    index = {}
    for j in range(len(tb) - min_words + 1):
        index.setdefault(tuple(t[2] for t in tb[j : j + min_words]), j)
    out, i = [], 0
    while i <= len(ta) - min_words:
        j = index.get(tuple(t[2] for t in ta[i : i + min_words]))
        if j is None:
            i += 1
            continue
        k = min_words
        while i + k < len(ta) and j + k < len(tb) and ta[i + k][2] == tb[j + k][2]:
            k += 1
        out.append(Passage(ta[i][0], ta[i + k - 1][1], tb[j][0], tb[j + k - 1][1]))
        i += k
    return out


@dataclass
class _NearDups:
    pairs: list


def near_duplicates(texts, threshold=0.8):
    pairs = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            jac = overlap(texts[i], texts[j])[0]
            if jac >= threshold:
                pairs.append((i, j, jac, jac))
    return _NearDups(pairs)


def signatures(texts, num_perm=32):
    import zlib

    import numpy as np

    rng = np.random.default_rng(1)
    a = rng.integers(1, 2**31 - 1, num_perm, dtype=np.uint64)
    b = rng.integers(0, 2**31 - 1, num_perm, dtype=np.uint64)
    out = np.full((len(texts), num_perm), 2**32 - 1, dtype=np.uint64)
    for i, t in enumerate(texts):
        hs = np.array([zlib.crc32(" ".join(sh).encode()) for sh in _shingles(t)], dtype=np.uint64)
        if hs.size:
            out[i] = ((hs[:, None] * a + b) % np.uint64(4294967311)).min(axis=0)
    return out


def fake_backend():
    import asimtext

    return Backend(
        extract_batch=extract_batch,
        xscript_keys=xscript_keys,
        overlap=overlap,
        shared_passages=shared_passages,
        normalize=asimtext.normalize,
        near_duplicates=near_duplicates,
        signatures=signatures,
    )
