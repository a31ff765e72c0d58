"""Pure-Python twin of :func:`asimtext.extract` (same output as the Rust core).

The algorithm, step by step (``rust/core/src/spans/`` does the same):

1. normalize the text to the match key, with an offset map to the input;
2. split it into tokens: digit runs, letter runs (Devanagari and Latin), single
   other characters; each letter run and sign is looked up in the lexicon
   (a dict: one lookup per token);
3. join digit runs glued by ``, . : / -`` into one numeric token (a number with
   Indian or Western grouping, a decimal, a numeric date, a clock time);
4. at each token, try the grammar (number expressions with scales and fraction
   words, then what follows them: a time unit, percent, currency, बजे, ...;
   dates, weekdays, times, ordinals) and collect candidate spans;
5. keep the longest candidates, at equal length the more specific kind, so that
   no two spans overlap; map them back to the input.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence

from asimtext.errors import ArgumentError, ArgumentTypeError
from asimtext.pure.normalization import normalize_with_offsets
from asimtext.pure.spans_lexicon import ENTRIES

__all__ = ["KINDS", "Span", "extract", "extract_batch"]

#: The span kinds, most specific first (the order that breaks ties).
KINDS = (
    "datetime",
    "date",
    "time",
    "year",
    "weekday",
    "duration",
    "percent",
    "money",
    "ordinal",
    "number",
)
_RANK = {k: i for i, k in enumerate(KINDS)}


class Span:
    """One extracted span: ``text[start:end] == span.text``.

    Immutable, hashable, ordered by ``(start, end, kind, value, text, resolved)``.
    """

    __slots__ = ("end", "kind", "resolved", "start", "text", "value")

    def __init__(self, start, end, text, kind, value, resolved=None):
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "resolved", resolved)

    def __setattr__(self, name, value):
        raise AttributeError("Span is immutable")

    def _key(self):
        return (self.start, self.end, self.kind, self.value, self.text, self.resolved or "")

    def __eq__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == other._key() and self.resolved == other.resolved

    def __lt__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() >= other._key()

    def __hash__(self):
        return hash((self.start, self.end, self.kind, self.value, self.text, self.resolved))

    def __reduce__(self):
        return (Span, (self.start, self.end, self.text, self.kind, self.value, self.resolved))

    def __repr__(self):
        r = f", resolved={self.resolved!r}" if self.resolved is not None else ""
        return (
            f"Span({self.start}, {self.end}, {self.text!r}, kind={self.kind!r}, "
            f"value={self.value!r}{r})"
        )

    def to_dict(self) -> dict:
        """The span as a dict (the gold-file fields plus ``resolved``)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "resolved": self.resolved,
        }


# ---------------------------------------------------------------- lexicon

_LEXICON: dict | None = None


def _lexicon() -> dict:
    global _LEXICON
    if _LEXICON is None:
        lex: dict = {}
        for word, cat, value in ENTRIES:
            key = normalize_with_offsets(word, form="match", offsets="list")[0]
            lst = lex.setdefault(key, [])
            if (cat, value) not in lst:
                lst.append((cat, value))
        _LEXICON = {k: tuple(v) for k, v in lex.items()}
    return _LEXICON


# ---------------------------------------------------------------- characters

# Explicit classes (not str.isalpha/isspace) so that Rust and Python agree exactly.
_SPACE = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_WORD_CLASS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0900-\u0963\u0971-\u097f"
    "\u1cd0-\u1cff\ua8e0-\ua8ff\u200c\u200d"
)
_DIGIT_CLASS = "0-9\u0966-\u096f"
_TOKEN_RE = re.compile(
    f"([{_WORD_CLASS}{_DIGIT_CLASS}]+)|([{re.escape(_SPACE)}]+)|(.)", re.DOTALL
)
_DIGITS_RE = re.compile(f"[{_DIGIT_CLASS}]+")
_TRIM = set(_SPACE) | set("\u200c\u200d\u200e\u200f\u2060\u00ad\u202a\u202b\u202c\u202d\u202e")
_LINE_SPACE = set(_SPACE) - set("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_MAXM = 10**30


def _ascii_digits(s: str) -> str:
    return "".join(chr(48 + ord(c) - 0x0966) if c >= "\u0966" else c for c in s)


# ---------------------------------------------------------------- tokens


class _Tok:
    __slots__ = ("e", "ents", "hm", "hms", "m", "ndig", "plain", "s", "sc", "text", "typ", "ymd")

    def __init__(self, typ, s, e, text, ents=()):
        self.typ = typ  # N number, W word, P sign, O 5th, A 11am, X opaque, D date, T time
        self.s = s
        self.e = e
        self.text = text
        self.ents = ents
        self.m = 0
        self.sc = 0
        self.plain = False
        self.ndig = 0
        self.hm = None
        self.ymd = None
        self.hms = None


def _get(t: _Tok, cat: str):
    for c, v in t.ents:
        if c == cat:
            return v
    return None


def _tokenize(nt: str, lex: dict) -> list:
    toks = []
    for mo in _TOKEN_RE.finditer(nt):
        run = mo.group(1)
        s = mo.start()
        if run is not None:
            e = mo.end()
            digits = _DIGITS_RE.match(run)
            if digits is not None and digits.end() == len(run):
                toks.append(_Tok("N", s, e, _ascii_digits(run)))
            elif digits is None and _DIGITS_RE.search(run) is None:
                toks.append(_Tok("W", s, e, run, lex.get(run, ())))
            elif digits is not None and _DIGITS_RE.search(run, digits.end()) is None:
                num = _ascii_digits(run[: digits.end()])
                suf = lex.get(run[digits.end() :], ())
                t = None
                if len(num) <= 4:
                    for c, v in suf:
                        if c == "ORDSUF":
                            t = _Tok("O", s, e, run)
                            break
                        if c == "AMPM":
                            t = _Tok("A", s, e, run, (("AMPM", v),))
                            break
                decade = len(num) in (2, 4) and num.endswith("0") and any(c == "DECSUF" for c, _ in suf)
                if t is None and len(num) <= 18 and (decade or any(c in ("SCALE", "UNIT") for c, _ in suf)):
                    # a scale abbreviation or a unit glued to the amount ("10k", "5cr", "10साल"): two tokens;
                    # the number is read alone (plain: no chain joins it)
                    k = digits.end()
                    nt_ = _Tok("N", s, s + k, num)
                    nt_.plain = True
                    toks.append(nt_)
                    toks.append(_Tok("W", s + k, e, run[k:], suf))
                    continue
                if t is None:
                    t = _Tok("X", s, e, run)
                else:
                    t.m = int(num)
                toks.append(t)
            else:
                # a currency word glued to its amount ("Rs500"): two tokens
                k = _DIGITS_RE.search(run)
                if (
                    digits is None
                    and k.end() == len(run)
                    and any(c in ("CURPRE", "FYPRE") for c, _ in lex.get(run[: k.start()], ()))
                ):
                    word = run[: k.start()]
                    toks.append(_Tok("W", s, s + k.start(), word, lex.get(word, ())))
                    toks.append(_Tok("N", s + k.start(), e, _ascii_digits(run[k.start() :])))
                else:
                    toks.append(_Tok("X", s, e, run))
        elif mo.group(3) is not None:
            c = mo.group(3)
            toks.append(_Tok("P", s, s + 1, c, lex.get(c, ())))
    return toks


def _valid_date(y: int, m: int, d: int) -> bool:
    if m < 1 or m > 12 or d < 1:
        return False
    if m == 2:
        leap = (y % 4 == 0 and y % 100 != 0) or y % 400 == 0
        return d <= (29 if leap else 28)
    return d <= (30 if m in (4, 6, 9, 11) else 31)


def _num_tok(toks, a: int, b: int, digits: str, frac: str) -> _Tok | None:
    """A number token over toks[a..b] (inclusive) with integer digits and fraction digits."""
    if len(digits) + len(frac) > 18:
        return None
    t = _Tok("N", toks[a].s, toks[b].e, "")
    t.m = int(digits + frac)
    t.sc = len(frac)
    while t.sc > 0 and t.m % 10 == 0:
        t.m //= 10
        t.sc -= 1
    return t


def _interpret(toks, idx: list, seps: list) -> _Tok | None:
    """One token for the whole numeric chain, or None."""
    ds = [toks[i].text for i in idx]
    k = len(ds)
    a, b = idx[0], idx[-1]
    if k == 1:
        t = _num_tok(toks, a, b, ds[0], "")
        if t is not None:
            t.plain = True
            t.ndig = len(ds[0])
        return t
    if k == 3 and seps[0] == seps[1] and seps[0] in "-/.":
        l0, l1, l2 = len(ds[0]), len(ds[1]), len(ds[2])
        if l0 == 4 and 1 <= l1 <= 2 and 1 <= l2 <= 2:
            y, m, d = int(ds[0]), int(ds[1]), int(ds[2])
        elif l2 == 4 and 1 <= l0 <= 2 and 1 <= l1 <= 2:
            y, m, d = int(ds[2]), int(ds[1]), int(ds[0])
        elif l2 == 2 and seps[0] != "." and 1 <= l0 <= 2 and 1 <= l1 <= 2:
            # a two-digit year ("21/04/16"): 00-50 is 2000-2050, 51-99 is 1951-1999
            yy = int(ds[2])
            y, m, d = (2000 + yy if yy <= 50 else 1900 + yy), int(ds[1]), int(ds[0])
        else:
            y = m = d = 0
        if y >= 1000 and _valid_date(y, m, d):
            t = _Tok("D", toks[a].s, toks[b].e, "")
            t.ymd = (y, m, d)
            return t
    if k == 2 and seps[0] == "/" and len(ds[0]) == 2 and len(ds[1]) == 2:
        # day/month ("22/04"), both written with two digits
        d, m = int(ds[0]), int(ds[1])
        if _valid_date(2000, m, d):
            t = _Tok("D", toks[a].s, toks[b].e, "")
            t.ymd = (0, m, d)
            return t
    if k == 2 and seps[0] == "/" and len(ds[0]) <= 2 and len(ds[1]) <= 2:
        # a proper fraction with a small denominator ("3/4", "1/2 किलो"); day/month
        # numerals take two digits each (above)
        p, q = int(ds[0]), int(ds[1])
        if 1 <= p < q <= 10:
            t = _Tok("N", toks[a].s, toks[b].e, "")
            t.m, t.sc = _quotient(p, q)
            t.ymd = (0, q, p)  # its day/month reading, which a weekday before it makes a date
            return t
    if all(c == ":" for c in seps) and k <= 3:
        if 1 <= len(ds[0]) <= 2 and all(len(x) == 2 for x in ds[1:]):
            h, m = int(ds[0]), int(ds[1])
            sec = int(ds[2]) if k == 3 else -1
            if h <= 23 and m <= 59 and sec <= 59:
                t = _Tok("T", toks[a].s, toks[b].e, "")
                t.hms = (h, m, sec)
                return t
        return None
    frac = ""
    groups = ds
    gseps = seps
    if seps[-1] == ".":
        frac = ds[-1]
        groups = ds[:-1]
        gseps = seps[:-1]
    if any(c != "," for c in gseps):
        return None
    if len(groups) > 1:
        rest = groups[1:]
        western = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in rest)
        indian = (
            1 <= len(groups[0]) <= 2
            and len(rest[-1]) == 3
            and all(len(g) == 2 for g in rest[:-1])
        )
        if not (western or indian) or groups[0][0] == "0":
            return None
    t = _num_tok(toks, a, b, "".join(groups), frac)
    if t is not None and k == 2 and seps[0] == "." and len(ds[1]) == 2:
        h, m = int(ds[0]), int(ds[1])
        if len(ds[0]) <= 2 and h <= 24 and m <= 59:
            t.hm = (h, m)
    return t


def _chain(toks, idx: list, seps: list, out: list) -> None:
    t = _interpret(toks, idx, seps)
    if t is not None:
        out.append(t)
        return
    if "-" in seps:
        # split at the dashes, which stay as tokens ("10-12 मार्च", "2021-22")
        start = 0
        for k, c in enumerate(seps + ["-"]):
            if c == "-":
                _chain(toks, idx[start : k + 1], seps[start:k], out)
                if k < len(seps):
                    out.append(toks[idx[k] + 1])
                start = k + 1
        return
    first = len(out)
    for i in idx:
        t = _interpret(toks, [i], [])
        out.append(t if t is not None else _Tok("X", toks[i].s, toks[i].e, ""))
    # "7/6", neither a two-digit day/month nor a fraction: the first number keeps the
    # day/month reading, which a weekday before it makes a date
    if len(idx) == 2 and seps == ["/"]:
        d, mo = out[first], out[first + 1]
        if d.typ == "N" and mo.typ == "N" and d.ndig <= 2 and mo.ndig <= 2:
            d.ymd = (0, mo.m, d.m)


def _group(toks: list) -> list:
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.typ != "N":
            out.append(t)
            i += 1
            continue
        idx = [i]
        seps = []
        j = i
        while (
            j + 2 < n
            and toks[j + 1].typ == "P"
            and toks[j + 1].text in ",.:/-"
            and toks[j + 1].s == toks[j].e
            and toks[j + 2].typ == "N"
            and not toks[j + 2].plain
            and toks[j + 2].s == toks[j + 1].e
        ):
            seps.append(toks[j + 1].text)
            idx.append(j + 2)
            j += 2
        _chain(toks, idx, seps, out)
        i = j + 1
    return out


# ---------------------------------------------------------------- decimals (m / 10**sc)


def _dec(s: str):
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    if "." in s:
        a, b = s.split(".")
        m, sc = int(a + b), len(b)
    else:
        m, sc = int(s), 0
    return (-m if neg else m, sc)


def _norm(m: int, sc: int):
    if m > _MAXM or m < -_MAXM:
        return None
    while sc > 0 and m % 10 == 0:
        m //= 10
        sc -= 1
    return (m, sc)


def _add(a, b):
    sc = max(a[1], b[1])
    return _norm(a[0] * 10 ** (sc - a[1]) + b[0] * 10 ** (sc - b[1]), sc)


def _mul(a, b):
    return _norm(a[0] * b[0], a[1] + b[1])


def _lt(a, b) -> bool:
    sc = max(a[1], b[1])
    return a[0] * 10 ** (sc - a[1]) < b[0] * 10 ** (sc - b[1])


def _fmt(a) -> str:
    m, sc = a
    if sc == 0:
        return str(m)
    neg = m < 0
    m = -m if neg else m
    p = 10**sc
    ip, fp = divmod(m, p)
    s = str(ip) + "." + str(fp).rjust(sc, "0").rstrip("0")
    return "-" + s if neg else s


def _int_of(a) -> int | None:
    return a[0] if a[1] == 0 else None


# ---------------------------------------------------------------- grammar


class _Ctx:
    __slots__ = ("T", "cands", "n", "offs", "text")

    def __init__(self, T, text, offs):
        self.T = T
        self.n = len(T)
        self.text = text
        self.offs = offs
        self.cands = []

    def emit(self, i: int, j: int, kind: str, value: str) -> None:
        self.cands.append((self.T[i].s, self.T[j - 1].e, kind, value))


def _adj(a: _Tok, b: _Tok) -> bool:
    return a.e == b.s


def _is_p(t: _Tok, chars: str) -> bool:
    return t.typ == "P" and t.text in chars


def _is_ascii_word(t: _Tok) -> bool:
    return t.typ == "W" and t.text.isascii()


def _glued_decimal(c: _Ctx, i: int):
    """"2.5cr", "3.5साल": a decimal whose last digits are glued to a scale or unit (the
    tokenizer splits "5cr" from "2."); its value, or None."""
    T, n = c.T, c.n
    if i + 3 >= n or not _is_p(T[i + 1], "."):
        return None
    t, f, w = T[i], T[i + 2], T[i + 3]
    if not (t.plain and f.typ == "N" and f.plain and _adj(t, T[i + 1]) and _adj(T[i + 1], f) and _adj(f, w)):
        return None
    if not any(cat in ("SCALE", "UNIT") for cat, _ in w.ents):
        return None
    return _norm(t.m * 10**f.ndig + f.m, f.ndig)


def _atom(c: _Ctx, i: int):
    """A number atom at i: (value, end, info) with info digit/word/ambig/frac."""
    T, n = c.T, c.n
    if i >= n:
        return None
    t = T[i]
    if t.typ == "N":
        g = _glued_decimal(c, i)
        if g is not None:
            return (g, i + 3, "frac")
        return ((t.m, t.sc), i + 1, "digit")
    if t.typ != "W":
        return None
    v = _get(t, "NUM")
    if v is not None:
        val = int(v)
        if 20 <= val <= 90 and _is_ascii_word(t):
            k = i + 1
            if (
                k + 1 < n
                and _is_p(T[k], "-")
                and _adj(t, T[k])
                and _adj(T[k], T[k + 1])
            ):
                k += 1
            if k < n and _is_ascii_word(T[k]):
                u = _get(T[k], "NUM") or _get(T[k], "NUMA")
                if u is not None and 1 <= int(u) <= 9:
                    return ((val + int(u), 0), k + 1, "word")
        return ((val, 0), i + 1, "word")
    v = _get(t, "NUMA")
    if v is not None:
        return (_dec(v), i + 1, "ambig")
    v = _get(t, "FRAC")
    if v is not None:
        return (_dec(v), i + 1, "frac")
    v = _get(t, "FRACMOD")
    if v is not None and i + 1 < n:
        d = _dec(v)
        if _get(T[i + 1], "SCALE") is not None:
            r = _add((1, 0), d)
            return (r, i + 1, "frac") if r is not None else None
        a = _atom(c, i + 1)
        if a is not None and a[2] != "frac" and a[0][1] == 0:
            r = _add(a[0], d)
            if r is not None and r[0] > 0:
                return (r, a[1], "frac")
        if a is None and d != (5, 1):
            # सवा/पौने alone are one and a quarter / three quarters of what follows
            # ("सवा किलो", "पौने घंटे"); साढ़े never stands alone
            return (_add((1, 0), d), i + 1, "frac")
        return None
    if _get(t, "SCALEBARE") is not None:
        # a scale word alone is one of it: the scale loop of _group_at consumes it
        return ((1, 0), i, "word")
    return None


def _group_at(c: _Ctx, i: int):
    """atom scale*: (value, multiplier, end, info)."""
    a = _atom(c, i)
    if a is None:
        return None
    val, j, info = a
    mult = (1, 0)
    last = None
    T, n = c.T, c.n
    while j < n:
        k = j
        # "2,000-crore", "5-lakh"
        if (
            j > i
            and j + 1 < n
            and _is_p(T[j], "-")
            and _adj(T[j - 1], T[j])
            and _adj(T[j], T[j + 1])
        ):
            k = j + 1
        sv = _get(T[k], "SCALE")
        if sv is None:
            break
        sd = _dec(sv)
        if last is not None and not _lt(last, sd):
            break
        mult = _mul(mult, sd)
        if mult is None:
            return None
        last = sd
        j = k + 1
    val = _mul(val, mult)
    if val is None:
        return None
    return (val, mult, j, info)


_ONE = (1, 0)
_HUNDRED = (100, 0)


def _and_after_scale(c: _Ctx, k: int) -> bool:
    """"और"/"and" at k right after a scale word ("तीन सौ और दो", "two hundred and five")."""
    return k < c.n and k > 0 and _get(c.T[k], "AND") is not None and _get(c.T[k - 1], "SCALE") is not None


def _small_scale_at(c: _Ctx, k: int) -> bool:
    """A scale word of at most a hundred at k (the number before it is its own group)."""
    if k >= c.n:
        return False
    sv = _get(c.T[k], "SCALE")
    return sv is not None and not _lt(_HUNDRED, _dec(sv))


def _segment_at(c: _Ctx, i: int):
    """A group, and where it ends in सौ: the number below a hundred after it, then a
    larger scale that multiplies the whole ("एक सौ पच्चीस करोड़" = 125 crore,
    "दो सौ दस खरब", "इक्कीस सौ इक्कीस"). (value, multiplier, end, info, simple)."""
    g = _group_at(c, i)
    if g is None:
        return None
    val, mult, j, info = g
    # the first atom is an integer (a digit run without decimals, not आधा)
    if info == "digit":
        whole = c.T[i].sc == 0
    elif info == "ambig":
        whole = "." not in _get(c.T[i], "NUMA")
    else:
        whole = info == "word"
    if mult != _HUNDRED or not whole:
        return (val, mult, j, info, mult == _ONE, whole)
    T, n = c.T, c.n
    k = j + 1 if _and_after_scale(c, j) else j
    a = _atom(c, k)
    absorbed = False
    if (
        a is not None
        and a[1] > k
        and a[2] != "frac"
        and a[0][1] == 0
        and a[0][0] > 0
        and _lt(a[0], _HUNDRED)
        and not _small_scale_at(c, a[1])
    ):
        val = _add(val, a[0])
        j = a[1]
        absorbed = True
    # a larger scale (or a chain of them: "सौ करोड़") multiplies the hundreds
    m2 = _ONE
    last = _HUNDRED
    while j < n:
        sv = _get(T[j], "SCALE")
        if sv is None:
            break
        sd = _dec(sv)
        if not _lt(last, sd):
            break
        m2 = _mul(m2, sd)
        if m2 is None:
            return None
        last = sd
        j += 1
    if m2 != _ONE:
        val = _mul(val, m2)
        if val is None:
            return None
        return (val, m2, j, info, False, True)
    return (val, _ONE if absorbed else mult, j, info, False, True)


def _point_digits(c: _Ctx, j: int):
    """Digit words after "दशमलव"/"point" at j: (fraction digits, end) or None.
    Each word 0-9 is a digit; a first word 10-99 gives its two digits ("पॉइंट इकहत्तर" .71)."""
    T, n = c.T, c.n
    if j >= n or _get(T[j], "POINT") is None:
        return None
    k = j + 1
    digits = ""
    while k < n and T[k].typ == "W":
        v = _get(T[k], "NUM") or _get(T[k], "NUMA")
        if v is None or "." in v:
            break
        iv = int(v)
        if iv <= 9:
            digits += str(iv)
            k += 1
            continue
        if not digits and iv <= 99:
            digits = str(iv)
            k += 1
        break
    if not digits or len(digits) > 12:
        return None
    return digits, k


def _num_expr(c: _Ctx, i: int):
    """A number expression at i: (value, end, info, simple)."""
    g = _segment_at(c, i)
    if g is None:
        return None
    total, mult, j, info, simple, whole = g
    T, n = c.T, c.n
    if not whole:
        # a decimal or fraction with a scale ("2.12 सौ", "डेढ़ लाख") takes nothing after it
        return (total, j, info, simple)
    while mult != _ONE:
        k = j + 1 if _and_after_scale(c, j) else j
        g2 = _segment_at(c, k)
        # zero adds nothing: "4 हजार 3 सौ और 0" is two numbers
        if g2 is None or not _lt(g2[0], mult) or g2[0][0] == 0:
            break
        total = _add(total, g2[0])
        if total is None:
            return None
        mult = g2[1]
        j = g2[2]
        simple = False
    if total[1] == 0 and j < n:
        # a mixed fraction: "2 1/4" (digits, a space, a slash fraction)
        if (
            j == i + 1
            and T[i].plain
            and T[j].typ == "N"
            and T[j].ymd is not None
            and T[j].ymd[1] != 0
            and not T[j].plain
            and T[j].s > T[i].e
        ):
            total = _add(total, (T[j].m, T[j].sc))
            if total is None:
                return None
            return (total, j + 1, info, False)
        # "और" and a fraction: "पांच और एक चौथाई", "एक सौ तीन और एक तिहाई"
        if _get(T[j], "AND") is not None:
            g2 = _group_at(c, j + 1)
            if g2 is not None and g2[1][0] > 0 and _lt(g2[1], _ONE):
                total = _add(total, g2[0])
                if total is None:
                    return None
                return (total, g2[2], info, False)
        pd = _point_digits(c, j)
        if pd is not None:
            total = _add(total, (int(pd[0]), len(pd[0])))
            if total is None:
                return None
            return (total, pd[1], info, False)
    return (total, j, info, simple)


def _ampm_at(c: _Ctx, j: int):
    T, n = c.T, c.n
    if j >= n:
        return None, j
    t = T[j]
    v = _get(t, "AMPM")
    if v is not None and t.typ == "W":
        return v, j + 1
    if t.typ == "W" and t.text in ("a", "p"):
        k = j + 1
        if k < n and _is_p(T[k], ".") and _adj(t, T[k]):
            k += 1
        if k < n and T[k].typ == "W" and T[k].text == "m":
            k += 1
            if k < n and _is_p(T[k], ".") and _adj(T[k - 1], T[k]):
                k += 1
            return ("am" if t.text == "a" else "pm"), k
    return None, j


def _apply_ampm(h: int, ap: str) -> int:
    if ap == "am":
        return 0 if h == 12 else h
    return h + 12 if h < 12 else h


def _apply_period(h: int, p: str) -> int:
    if p == "noon" and 1 <= h <= 6:
        return h + 12
    if p in ("evening", "afternoon") and 1 <= h <= 11:
        return h + 12
    if p == "day" and 1 <= h <= 6:
        return h + 12
    if p == "night":
        if 6 <= h <= 11:
            return h + 12
        if h == 12:
            return 0
    return h


def _glued_ampm_minutes(c: _Ctx, j: int):
    """":40pm" at j, glued to the number before it ("3:40pm", "7:56:30pm"): the two
    digits after the colon, am/pm, and the end; or None."""
    T, n = c.T, c.n
    if j + 1 >= n or not _is_p(T[j], ":") or not _adj(T[j - 1], T[j]) or not _adj(T[j], T[j + 1]):
        return None
    a = T[j + 1]
    if a.typ != "A" or not ("0" <= a.text[:1] <= "9" and "0" <= a.text[1:2] <= "9") or "0" <= a.text[2:3] <= "9":
        return None
    return (a.m, _get(a, "AMPM"), j + 2) if a.m <= 59 else None


def _minutes_after_hour(c: _Ctx, j: int):
    """Minutes after "बजने में"/"बजने से" at j (the word after बजने): (minutes, end), the
    end past बाकी/पहले ("आठ बजने में तीन मिनट बाकी", "पाँच बजने से तीन मिनट पहले")."""
    T, n = c.T, c.n
    if j >= n or T[j].text not in ("में", "से"):
        return None
    got = _minute_count(c, j + 1)
    if got is None:
        return None
    mv, e = got
    if e < n and (T[e].text == "बाकी" or _get(T[e], "DIRECTION") == "-"):
        e += 1
    return mv, e


def _minutes_shift(c: _Ctx, j: int):
    """"(होने) के/से Y मिनट बाद/पहले" after a time at j: (signed minutes, end) or None
    ("दस बजकर दस मिनट होने के तीन मिनट बाद", "5 बजे से 10 मिनट पहले")."""
    T, n = c.T, c.n
    k = j + 1 if j < n and T[j].text == "होने" else j
    if k >= n or T[k].text not in ("के", "से"):
        return None
    got = _minute_count(c, k + 1)
    if got is None or got[1] >= n:
        return None
    mv, e = got
    d = _get(T[e], "DIRECTION")
    if d is None:
        return None
    return (mv if d == "+" else -mv), e + 1


def _minute_count(c: _Ctx, i: int):
    """"Y मिनट" at i (a simple number from 1 to 59, then the minute unit): (minutes,
    end past the unit) or None."""
    ne = _num_expr(c, i)
    if ne is None or not ne[3]:
        return None
    mv = _int_of(ne[0])
    e = ne[1]
    if mv is None or not 1 <= mv <= 59 or e >= c.n or _get(c.T[e], "UNIT") != "MI":
        return None
    return mv, e + 1


def _time_at(c: _Ctx, k: int, period: str | None, need_clock: bool):
    """A clock time at k: (end, value) or None."""
    T, n = c.T, c.n
    if k >= n:
        return None
    t = T[k]
    sec = -1
    ap = None
    if t.typ == "T":
        h, m, sec = t.hms
        j = k + 1
        a, j2 = _ampm_at(c, j)
        g = _glued_ampm_minutes(c, j) if a is None and sec < 0 else None
        if g is not None and 1 <= h <= 12:
            sec, ap, j = g
        if a is not None and 1 <= h <= 12:
            ap = a
            j = j2
        if j < n and _get(T[j], "BAJE") is not None:
            j += 1
    elif t.typ == "A":
        h, m, j = t.m, 0, k + 1
        if not 1 <= h <= 12:
            return None
        ap = _get(t, "AMPM")
    else:
        ne = _num_expr(c, k)
        if ne is None or not ne[3]:
            return None
        val, j, info, _simple = ne
        a, j2 = _ampm_at(c, j)
        iv = _int_of(val)
        g = _glued_ampm_minutes(c, j) if a is None and t.typ == "N" and t.plain and t.ndig <= 2 else None
        if a is None and g is None and iv is not None and info != "frac" and 1 <= iv <= 12:
            # the hour, the minutes, am/pm: "seven thirty p m", "सात पैंतालीस pm"
            mv = _minute_at(c, j)
            a3, j3 = _ampm_at(c, j + 1) if mv is not None else (None, j)
            if a3 is not None:
                g = (mv, a3, j3)
        if g is not None:
            if iv is None or not 1 <= iv <= 12:
                return None
            h, m, ap, j = iv, g[0], g[1], g[2]
        elif a is not None:
            if iv is None and t.typ == "N" and t.hm is not None and info == "digit":
                h, m = t.hm
            elif iv is not None and t.typ == "N" and t.plain and t.ndig in (3, 4) and info == "digit":
                # hours and minutes run together: "340 pm", "1140 am"
                h, m = divmod(iv, 100)
                if m > 59:
                    return None
            elif iv is None or info == "frac":
                return None
            else:
                h, m = iv, 0
            if not 1 <= h <= 12:
                return None
            j, ap = j2, a
        elif need_clock or j >= n:
            return None
        elif _get(T[j], "BAJE") is not None or T[j].text == "बजने":
            if t.typ == "N" and t.hm is not None:
                h, m = t.hm
            else:
                m100 = val[0] * 10 ** (2 - val[1]) if val[1] <= 2 else -1
                if m100 < 0 or m100 > 2400 or m100 % 25 != 0:
                    return None
                h, m = m100 // 100, (m100 % 100) * 60 // 100
            if T[j].text == "बजने":
                # minutes to the hour: "आठ बजने में तीन मिनट बाकी" 07:57
                mt = _minutes_after_hour(c, j + 1)
                if mt is None:
                    return None
                m = h * 60 + m - mt[0]
                h, m = (m // 60) % 24, m % 60
                j = mt[1]
            else:
                j += 1
        elif _get(T[j], "BAJKAR") is not None:
            if iv is None or info == "frac":
                return None
            ne2 = _num_expr(c, j + 1)
            if ne2 is None or not ne2[3]:
                return None
            mv = _int_of(ne2[0])
            if mv is None or mv > 59:
                return None
            # मिनट may go unsaid: "दस बजकर दस"
            j = ne2[1] + 1 if ne2[1] < n and _get(T[ne2[1]], "UNIT") == "MI" else ne2[1]
            h, m = iv, mv
        elif period is not None and iv is not None and info != "frac" and 1 <= iv <= 23:
            mv = _minute_at(c, j)
            if mv is None:
                return None
            h, m, j = iv, mv, j + 1
            if j < n and _get(T[j], "BAJE") is not None:
                j += 1
        else:
            return None
    # the part of the day after "बजे": "1:30 बजे दोपहर"
    if ap is None and period is None and j > k and _get(T[j - 1], "BAJE") is not None:
        p2 = _get(T[j], "PERIOD") if j < n and T[j].typ == "W" else None
        if p2 is not None:
            period = p2
            j += 1
    if ap is not None:
        h = _apply_ampm(h, ap)
    elif period is not None:
        h = _apply_period(h, period)
    if h == 24 and m == 0:
        h = 0
    if h > 23:
        return None
    sh = _minutes_shift(c, j)
    if sh is not None:
        m = h * 60 + m + sh[0]
        h, m, j = (m // 60) % 24, m % 60, sh[1]
    zone = ""
    if j < n and _get(T[j], "ZONE") is not None:
        zone = _get(T[j], "ZONE")
        j += 1
    v = f"{h:02d}:{m:02d}"
    if sec >= 0:
        v += f":{sec:02d}"
    return j, v + zone


def _minute_at(c: _Ctx, k: int) -> int | None:
    """Minutes (1-59) at k after an hour: a number word or two digits."""
    if k >= c.n:
        return None
    t = c.T[k]
    v = None
    if t.typ == "W":
        v = _get(t, "NUM")
    elif t.typ == "N" and t.plain and t.ndig == 2 and t.sc == 0:
        v = str(t.m)
    if v is None or "." in v or not 1 <= int(v) <= 59:
        return None
    return int(v)


def _word_day(c: _Ctx, k: int) -> int | None:
    """A day of the month (1-31) written as a word: चार, इक्कीस, पहली, दूसरे, ग्यारहवीं."""
    if k >= c.n or c.T[k].typ != "W":
        return None
    t = c.T[k]
    v = _get(t, "NUM") or _get(t, "ORD") or _get(t, "ORDO")
    if v is None and _get(t, "NUMA") == "1":
        v = "1"
    if v is None or "." in v or not 1 <= int(v) <= 31:
        return None
    return int(v)


def _day_at(c: _Ctx, k: int) -> int | None:
    if k >= c.n:
        return None
    t = c.T[k]
    if ((t.typ == "N" and t.plain and t.ndig <= 2) or t.typ == "O") and (
        t.sc == 0 and 1 <= t.m <= 31
    ):
        return t.m
    return None


_WORD_YEAR_NOT_BEFORE = ("UNIT", "CURSUF", "SCALE", "COUNT", "PCT")


def _word_year(c: _Ctx, k: int):
    """A year in words at k ("उन्नीस सौ अठत्तर", "दो हजार अठारह"): a compound of 1100-2199
    that is not a round hundred, and counts nothing after it (not "दो हजार लोग")."""
    T = c.T
    if T[k].typ != "W" or _get(T[k], "NUM") is None:
        return None
    ne = _num_expr(c, k)
    if ne is None:
        return None
    y = _int_of(ne[0])
    if ne[2] != "word" or ne[3] or y is None or not 1100 <= y <= 2199 or y % 100 == 0:
        return None
    if ne[1] < c.n:
        x = T[ne[1]]
        if x.typ == "N" or any(cat in _WORD_YEAR_NOT_BEFORE for cat, _ in x.ents):
            return None
    return y, ne[1]


def _year_after(c: _Ctx, k: int):
    T, n = c.T, c.n
    if k < n and _is_p(T[k], ","):
        k += 1
    if k < n:
        t = T[k]
        if t.typ == "N" and t.plain and t.ndig == 4 and 1000 <= t.m <= 2199:
            return t.m, k + 1
        y = _word_year(c, k)
        if y is not None:
            return y
        # "मार्च '22": a two-digit year after an apostrophe
        if (
            _is_p(t, "'\"’")
            and k + 1 < n
            and _adj(t, T[k + 1])
            and T[k + 1].typ == "N"
            and T[k + 1].plain
            and T[k + 1].ndig == 2
        ):
            yy = T[k + 1].m
            return (2000 + yy if yy <= 50 else 1900 + yy), k + 2
    return None, k


def _month_at(c: _Ctx, k: int):
    """A month name at k: (month, end) (an abbreviation may take a dot)."""
    if k >= c.n:
        return None, k
    t = c.T[k]
    mo = _get(t, "MONTH")
    if mo is not None:
        return int(mo), k + 1
    mo = _get(t, "MONTHABBR")
    if mo is not None:
        if k + 1 < c.n and _is_p(c.T[k + 1], ".") and _adj(t, c.T[k + 1]):
            return int(mo), k + 2
        return int(mo), k + 1
    mo = _get(t, "MONTHDOT")
    if mo is not None and k + 1 < c.n and _is_p(c.T[k + 1], ".") and _adj(t, c.T[k + 1]):
        return int(mo), k + 2
    return None, k


def _emit_date(c: _Ctx, i: int, j: int, y: int | None, mo: int, d: int | None) -> None:
    if y == 0:
        y = None
    if d is None:
        c.emit(i, j, "date", f"{y:04d}-{mo:02d}")
        return
    if y is None:
        if _valid_date(2000, mo, d):
            c.emit(i, j, "date", f"--{mo:02d}-{d:02d}")
        return
    if not _valid_date(y, mo, d):
        return
    v = f"{y:04d}-{mo:02d}-{d:02d}"
    c.emit(i, j, "date", v)
    k = j
    T, n = c.T, c.n
    if k < n and _is_p(T[k], ","):
        k += 1
    if k < n and T[k].typ == "W" and T[k].text == "at":
        k += 1
    tm = _time_at(c, k, None, True)
    if tm is not None:
        c.emit(i, tm[0], "datetime", v + "T" + tm[1])


def _date_value(y: int | None, mo: int, d: int) -> str | None:
    if y is None:
        return f"--{mo:02d}-{d:02d}" if _valid_date(2000, mo, d) else None
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid_date(y, mo, d) else None


def _range_sep(c: _Ctx, k: int) -> bool:
    """A dash or "से"/"to" between the two ends of a range."""
    return k < c.n and (_is_p(c.T[k], "-–") or _get(c.T[k], "RANGESEP") is not None)


def _date_range(c: _Ctx, i: int, d1: int) -> None:
    """"10-12 मार्च", "10 से 12 मार्च 2021": one date span with both ends."""
    k = i + 1
    if not _range_sep(c, k):
        return
    d2 = _day_at(c, k + 1)
    if d2 is None or d2 <= d1:
        return
    mo, k2 = _month_at(c, k + 2)
    if mo is None:
        return
    y, k3 = _year_after(c, k2)
    v1, v2 = _date_value(y, mo, d1), _date_value(y, mo, d2)
    if v1 is not None and v2 is not None:
        c.emit(i, k3 if y is not None else k2, "date", v1 + "/" + v2)


def _time_range(c: _Ctx, s: int, k: int, period: str | None) -> None:
    """"5 से 7 बजे", "शाम 5 से 7 बजे", "10:30-11:45": one time span with both ends;
    the first hour takes the half of the day of the second ("5 से 7 बजे शाम" 17:00/19:00)."""
    T, n = c.T, c.n
    # cheap test first: a simple number is one token (two for "twenty five")
    if k >= n or not (_range_sep(c, k + 1) or _range_sep(c, k + 2)):
        return
    t = T[k]
    if t.typ == "T":
        h1, m1, j = t.hms[0], t.hms[1], k + 1
    else:
        ne = _num_expr(c, k)
        if ne is None or not ne[3] or ne[2] == "frac":
            return
        iv = _int_of(ne[0])
        if iv is None or not 0 <= iv <= 23:
            return
        h1, m1, j = iv, 0, ne[1]
    if not _range_sep(c, j):
        return
    tm = _time_at(c, j + 1, period, False)
    if tm is None:
        return
    h2 = int(tm[1][:2])
    if h1 < 12 and h2 >= 12 and h1 + 12 <= h2:
        h1 += 12
    c.emit(s, tm[0], "time", f"{h1:02d}:{m1:02d}/{tm[1]}")


def _periods_at(c: _Ctx, s: int, i: int) -> None:
    """Fiscal years and decades at the number i (span from s): "2021-22", "FY2022-23",
    "FY22" (April to March: ``2021-04/2022-03``); "1990s", "1990 के दशक" (``1990/1999``)."""
    T, n = c.T, c.n
    t = T[i]
    if t.typ != "N" or not t.plain:
        return
    if t.ndig == 4 and 1900 <= t.m <= 2199 and i + 2 < n and _is_p(T[i + 1], "-") and _adj(t, T[i + 1]):
        u = T[i + 2]
        if _adj(T[i + 1], u) and u.typ == "N" and u.plain:
            if (u.ndig == 2 and u.m == (t.m + 1) % 100) or (s < i and u.ndig == 4 and u.m == t.m + 1):
                c.emit(s, i + 3, "date", f"{t.m:04d}-04/{t.m + 1:04d}-03")
                return
            if s == i and u.ndig == 4 and t.m < u.m <= t.m + 100:
                # "2019-2022": the years from one to the other
                c.emit(s, i + 3, "date", f"{t.m:04d}/{u.m:04d}")
                return
    if s < i and t.ndig == 2:
        y = 2000 + t.m
        c.emit(s, i + 1, "date", f"{y - 1:04d}-04/{y:04d}-03")
        return
    if s < i or t.m % 10 != 0 or t.ndig not in (2, 4):
        return
    y = t.m if t.ndig == 4 else 1900 + t.m
    if not 1000 <= y <= 2190:
        return
    if i + 1 < n and _get(T[i + 1], "DECSUF") is not None and _adj(t, T[i + 1]):
        c.emit(i, i + 2, "date", f"{y}/{y + 9}")
    elif i + 2 < n and T[i + 1].text == "के" and _get(T[i + 2], "UNIT") == "DEC":
        c.emit(i, i + 3, "date", f"{y}/{y + 9}")


# The tense of the clause after कल/परसों says which way they point (Hindi uses one
# word for yesterday and tomorrow). Past: the copula था, the perfective auxiliaries and
# verbs, the ergative ने (only perfective verbs take it); future: the -गा/-गी/-गे endings
# and "-ने वाला". The last mark of the clause wins (the verb group ends a Hindi clause).
_PAST_WORDS = frozenset(
    "था थी थे थीं हुआ हुई हुए हुईं गया गई गए गयी गये गईं चुका चुकी चुके किया किए किये कहा "
    "ने मैंने हमने तुमने आपने उसने इसने उन्होंने इन्होंने किसने जिसने जिन्होंने सबने".split()
)
_CLAUSE_WORDS = frozenset("कि लेकिन मगर जबकि क्योंकि परंतु परन्तु किंतु किन्तु बल्कि".split())
_CLAUSE_MARKS = "।.?!;|"
_FUTURE_NOT = frozenset(("मेगा",))
_TENSE_REACH = 24


def _is_future_verb(w: str) -> bool:
    """A future verb: -एगा, -ेंगे, -ूंगी, -ओगे..., and होगा/होगी (not योगी, रोगी)."""
    n = len(w)
    if n < 3 or w[-2] != "ग" or w[-1] not in "ाीे" or w in _FUTURE_NOT:
        return False
    p = n - 3
    if w[p] == "ं":
        p -= 1
        if p < 0:
            return False
    if w[p] in "ेएूऊ":
        return True
    if w[p] in "ोओ":
        return w[-1] == "े" or w in ("होगा", "होगी")
    return False


def _is_past_verb(c: _Ctx, k: int) -> bool:
    w = c.T[k].text
    if w == "हुए" and k > 0 and c.T[k - 1].text.endswith("ते"):
        return False  # "करते हुए": while doing
    if w in _PAST_WORDS:
        return True
    # a perfective in -ाया/-ाये/-ायी: बताया, आया, लगाया
    return len(w) >= 4 and w[-3] == "ा" and w[-2] == "य" and w[-1] in "ाेी"


def _tense_sign(c: _Ctx, k: int) -> str:
    """"+" or "-" from the last tense mark of the clause from k (the word after कल/परसों),
    else from a verb just before कल/परसों; "±" without one."""
    T, n = c.T, c.n
    sign = "±"
    for j in range(k, min(n, k + _TENSE_REACH)):
        t = T[j]
        if t.typ == "P" and t.text in _CLAUSE_MARKS:
            break
        if t.typ != "W":
            continue
        if t.text in _CLAUSE_WORDS or (j > k and _line_start(c, t)):
            break
        if _is_future_verb(t.text) or (
            # "होने वाला है": about to happen
            t.text in ("वाला", "वाली", "वाले") and j > k and T[j - 1].text.endswith("ने")
        ):
            sign = "+"
        elif _is_past_verb(c, j):
            sign = "-"
    if sign == "±" and k >= 2 and T[k - 2].typ == "W" and not _line_start(c, T[k - 1]):
        # a headline's verb first: "होगा कल फैसला", "आया था कल"
        if _is_future_verb(T[k - 2].text):
            sign = "+"
        elif _is_past_verb(c, k - 2):
            sign = "-"
    return sign


def _line_start(c: _Ctx, t: _Tok) -> bool:
    p = c.offs[t.s] - 1
    text = c.text
    while p >= 0 and text[p] in _LINE_SPACE:
        p -= 1
    return p < 0 or text[p] in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _is_number_tok(t: _Tok) -> bool:
    return t.typ == "N" or _get(t, "NUM") is not None or _get(t, "NUMA") is not None


def _list_context(c: _Ctx, i: int, j: int) -> bool:
    T, n = c.T, c.n
    me = T[i].text

    def sep(t: _Tok) -> bool:
        return _is_p(t, ",-/") or _get(t, "LISTSEP") is not None

    if i >= 2 and sep(T[i - 1]) and _is_number_tok(T[i - 2]) and T[i - 2].text != me:
        return True
    return bool(j + 1 < n and sep(T[j]) and _is_number_tok(T[j + 1]) and T[j + 1].text != me)


_UNIT_LETTER = {"Y": "Y", "MO": "M", "W": "W", "D": "D"}


def _unit_dot(c: _Ctx, k: int) -> bool:
    T = c.T
    return (
        k + 1 < c.n
        and _get(T[k], "UNITDOT") is not None
        and _is_p(T[k + 1], ".")
        and _adj(T[k], T[k + 1])
    )


def _unit_abbr(c: _Ctx, k: int) -> str | None:
    """The unit of an abbreviation at k that counts only with its dot, and not where a
    letter is glued to that dot ("मि." minutes, not "मि.मी." millimetres)."""
    T, n = c.T, c.n
    if k + 1 >= n:
        return None
    u = _get(T[k], "UNITABBR")
    if u is None or not (_is_p(T[k + 1], ".") and _adj(T[k], T[k + 1])):
        return None
    if k + 2 < n and _adj(T[k + 1], T[k + 2]) and T[k + 2].typ in ("W", "X"):
        return None
    return u


def _day_month_after_weekday(c: _Ctx, k: int) -> None:
    """"शुक्रवार 7/6": after a weekday, a day/month numeral with one-digit parts is a
    date (alone, "7/6" is a fraction or two numbers; "22/04" is a date anywhere)."""
    T, n = c.T, c.n
    if k < n and _is_p(T[k], ","):
        k += 1
    if k >= n or T[k].typ != "N" or T[k].ymd is None or T[k].ymd[1] == 0:
        return
    # "1/4" is one token (a fraction); "7/6" two numbers (the first plain) with the slash
    # between them
    j = k + 2 if T[k].plain else k + 1
    if j > n or (j < n and (T[j].s == T[j - 1].e or (T[j].typ == "N" and T[j].s == T[j - 1].e + 1))):
        return
    _, mo, d = T[k].ymd
    if _valid_date(2000, mo, d):
        c.emit(k, j, "date", f"--{mo:02d}-{d:02d}")


def _whole_unit(c: _Ctx, i: int) -> None:
    """One whole time unit: "पूरे साल", "सारा दिन" (WHOLE before a unit) and
    "दिन भर" (भर after a unit with no number before it)."""
    T, n = c.T, c.n
    t = T[i]
    if _get(t, "WHOLE") is not None and i + 1 < n:
        u = _get(T[i + 1], "UNIT")
        if u is not None:
            dv = _duration((1, 0), u)
            if dv is not None:
                c.emit(i, i + 2, "duration", dv)
    if _get(t, "BHAR") is not None and i > 0:
        u = _get(T[i - 1], "UNIT")
        if u is not None and not (i >= 2 and (T[i - 2].typ == "N" or _get(T[i - 2], "NUM") is not None)):
            dv = _duration((1, 0), u)
            if dv is not None:
                c.emit(i - 1, i + 1, "duration", dv)


def _currency_after(c: _Ctx, j: int):
    """A currency word after an amount at j: (code, factor, end) or None. Takes a
    glued hyphen ("12-सेंट"), a country adjective ("ऑस्ट्रेलियाई डॉलर": its code wins)
    and hundredths ("सेंट": ``USD*0.01``)."""
    T, n = c.T, c.n
    k = j
    if (
        k + 1 < n
        and k > 0
        and _is_p(T[k], "-")
        and _adj(T[k - 1], T[k])
        and _adj(T[k], T[k + 1])
    ):
        k += 1
    if k >= n or T[k].typ != "W":
        return None
    adj = _get(T[k], "CURADJ")
    if adj is not None:
        if k + 1 < n and T[k + 1].typ == "W" and _get(T[k + 1], "CURSUF") is not None:
            cur = _get(T[k + 1], "CURSUF")
            factor = cur.split("*")[1] if "*" in cur else "1"
            return adj, factor, k + 2
        return None
    cur = _get(T[k], "CURSUF")
    if cur is None:
        return None
    if "*" in cur:
        code, factor = cur.split("*")
        return code, factor, k + 1
    return cur, "1", k + 1


def _money_value(code: str, factor: str, val):
    v = _mul(val, _dec(factor))
    return None if v is None else code + " " + _fmt(v)


def _percent_end(c: _Ctx, j: int):
    """The end of a percent sign or word at j ("%", "प्रतिशत", "per cent", "का प्रतिशत")."""
    T, n = c.T, c.n
    if j >= n:
        return None
    t = T[j]
    if _is_p(t, "%"):
        # "%20", "%2D": URL encoding, not a percentage
        if j + 1 < n and _adj(t, T[j + 1]) and T[j + 1].typ in ("N", "W", "X"):
            return None
        return j + 1
    if _get(t, "PCT") is not None:
        return j + 1
    if _get(t, "PER") is not None and j + 1 < n and _get(T[j + 1], "CENT") is not None:
        return j + 2
    if t.text == "का" and j + 1 < n and _get(T[j + 1], "PCT") is not None:
        return j + 2
    return None


def _quotient(a: int, b: int):
    """a / b to 15 decimals (cut, as a third is written): a decimal (m, sc)."""
    return _norm(a * 10**15 // b, 15)


def _ratio(val, ne):
    """The fraction val / ne (both whole, the denominator at least 2): (value, end) or None."""
    a = _int_of(val)
    b = _int_of(ne[0]) if ne is not None and ne[3] else None
    if a is None or b is None or a < 0 or b < 2:
        return None
    return _quotient(a, b), ne[1]


def _signed(c: _Ctx, s: int, i: int) -> None:
    """A number after a minus sign or word at s: a negative number or percentage."""
    ne = _num_expr(c, i)
    if ne is None:
        return
    val = (-ne[0][0], ne[0][1])
    j = ne[1]
    pe = _percent_end(c, j)
    if pe is not None:
        c.emit(s, pe, "percent", _fmt(val))
    else:
        c.emit(s, j, "number", _fmt(val))


def _after_number(c: _Ctx, i: int, ne) -> None:
    val, j, info, simple = ne
    T, n = c.T, c.n
    t = T[i]
    if info == "digit" and t.typ != "P":
        # glued to "%", "=" ... on the left: part of an encoded string (URL)
        if i > 0 and _is_p(T[i - 1], "%=&?#") and _adj(T[i - 1], t):
            return
        # "180.25एमएल": a number glued to a token of letters and digits
        if (
            j + 1 < n
            and _is_p(T[j], ".")
            and _adj(T[j - 1], T[j])
            and T[j + 1].typ == "X"
            and _adj(T[j], T[j + 1])
        ):
            return
        # a number glued to a name by a hyphen (COVID-19, MiG-21) is part of the name
        if (
            i >= 2
            and _is_p(T[i - 1], "-")
            and _adj(T[i - 1], t)
            and T[i - 2].typ == "W"
            and _adj(T[i - 2], T[i - 1])
        ):
            return
        # a list marker at the start of a line: "1." "2)"
        if simple and j < n and _is_p(T[j], ".)") and _adj(t, T[j]) and _line_start(c, t):
            return
    nxt = T[j] if j < n else None
    if nxt is not None:
        if _get(nxt, "FREQ") is not None:
            return
        if nxt.text == "बटा":
            # "तीन बटा चार": a fraction written as a division
            q = _ratio(val, _num_expr(c, j + 1))
            if q is not None:
                c.emit(i, q[1], "number", _fmt(q[0]))
                return
        o = _get(nxt, "ORD")
        iv = _int_of(val)
        if o is not None and iv is not None and info != "frac":
            # "एक सौ पच्चीसवां" (125th), "दो सौवां" (200th)
            ov = int(o)
            if ov in (100, 1000) and simple:
                c.emit(i, j + 1, "ordinal", str(iv * ov))
                return
            if not simple and ov < 100 and iv % 100 == 0:
                c.emit(i, j + 1, "ordinal", str(iv + ov))
                return
        u = _get(nxt, "UNIT")
        k = j
        if (
            u is None
            and _is_p(nxt, "-")
            and j + 1 < n
            and _adj(T[j - 1], nxt)
            and _adj(nxt, T[j + 1])
        ):
            u = _get(T[j + 1], "UNIT")
            k = j + 1
        if u is None:
            # "3 मि.", "30-मि." (a unit only with its dot)
            glued = _is_p(nxt, "-") and j + 1 < n and _adj(T[j - 1], nxt) and _adj(nxt, T[j + 1])
            u = _unit_abbr(c, j + 1 if glued else j)
            if u is not None:
                k = j + 1 if glued else j
        if u is not None:
            # an abbreviation takes its dot ("3 min.")
            ue = k + 2 if _unit_dot(c, k) or _get(T[k], "UNITABBR") is not None else k + 1
            dv = _duration(val, u)
            if dv is not None:
                c.emit(i, ue, "duration", dv)
            comp = _compound(c, val, u, k + 1)
            if comp is not None:
                c.emit(i, comp[0], "duration", comp[1])
            # "दो दिन पहले": a date relative to the reference (not "से दो दिन पहले":
            # before something else, unless that is today or now: "आज से दो दिन बाद")
            iv = _int_of(val)
            after_se = i > 0 and T[i - 1].text == "से"
            from_now = after_se and i > 1 and (_get(T[i - 2], "RELDAY") == "+0" or T[i - 2].text == "अब")
            if (
                u in _UNIT_LETTER
                and iv is not None
                and k + 1 < n
                and _get(T[k + 1], "DIRECTION") is not None
                and (not after_se or from_now)
            ):
                c.emit(i - 2 if from_now else i, k + 2, "date",
                       _UNIT_LETTER[u] + _get(T[k + 1], "DIRECTION") + str(iv))
            return
        pe = _percent_end(c, j)
        if pe is not None:
            c.emit(i, pe, "percent", _fmt(val))
            return
        if _is_p(nxt, "%"):
            return
        cu = _currency_after(c, j)
        if cu is not None:
            mv = _money_value(cu[0], cu[1], val)
            if mv is not None:
                c.emit(i, cu[2], "money", mv)
            return
        # cheap test first: a clock time needs am/pm, बजे or बजकर after the number
        # (or after the minutes)
        nx2 = T[j + 1] if j + 1 < n else None
        if (
            any(cat in ("AMPM", "BAJE", "BAJKAR") for cat, _ in nxt.ents)
            or nxt.text in ("a", "p", "बजने")
            or (_is_p(nxt, ":") and _adj(T[j - 1], nxt))
            or (nx2 is not None and (_get(nx2, "AMPM") is not None or nx2.text in ("a", "p")))
        ):
            tm = _time_at(c, i, None, False)
            if tm is not None:
                c.emit(i, tm[0], "time", tm[1])
                return
    if simple and info == "ambig":
        alone = i == 0 and (j == n or (j + 1 == n and _is_p(T[j], ".!?|")))
        # compared, it counts: "आधे से ज़्यादा लोग", "एक से अधिक"
        compared = j + 1 < n and T[j].text == "से" and _get(T[j + 1], "MORE") is not None
        if alone or compared or _list_context(c, i, j):
            c.emit(i, j, "number", _fmt(val))
        return
    # दो as the verb "give" ends a clause: "छोड़ दो।", "जाने दो, ..." (not in a list)
    if (
        simple
        and info == "word"
        and _get(t, "DOVERB") is not None
        and i > 0
        and (nxt is None or _is_p(nxt, ".!?|,;"))
        and not _list_context(c, i, j)
    ):
        return
    if simple and info == "digit" and t.plain and t.ndig == 4 and 1000 <= t.m <= 2199:
        cue = i > 0 and _get(T[i - 1], "YEARCUE") is not None
        count = (
            nxt is not None
            and nxt.typ == "W"
            and (
                nxt.text.endswith("ों")
                or _get(nxt, "COUNT") is not None
                or (nxt.text == "से" and j + 1 < n and _get(T[j + 1], "MORE") is not None)
            )
        ) or (i > 0 and _get(T[i - 1], "COUNTPREV") is not None)
        if (1900 <= t.m <= 2099 or cue) and not count:
            c.emit(i, j, "year", str(t.m))
            return
    c.emit(i, j, "number", _fmt(val))


_UNIT_RANK = {"Y": 0, "MO": 1, "W": 2, "D": 3, "H": 4, "MI": 5, "S": 6}
_UNIT_SUFFIX = {"Y": "Y", "MO": "M", "W": "W", "D": "D", "H": "H", "MI": "M", "S": "S"}


def _base_unit(val, unit: str):
    """A decade is ten years, a fortnight two weeks: (value, unit) in the ISO units."""
    if unit == "DEC":
        return _mul(val, (10, 0)), "Y"
    if unit == "FN":
        return _mul(val, (2, 0)), "W"
    return val, unit


def _duration_parts(parts) -> str | None:
    """``P1Y2M``, ``PT2H30M`` from (value, unit) parts, largest unit first."""
    date, time = "", ""
    for val, unit in parts:
        val, unit = _base_unit(val, unit)
        if val is None:
            return None
        if _UNIT_RANK[unit] <= 3:
            date += _fmt(val) + _UNIT_SUFFIX[unit]
        else:
            time += _fmt(val) + _UNIT_SUFFIX[unit]
    return "P" + date + ("T" + time if time else "")


_NUMBER_STARTS = frozenset(["NUM", "NUMA", "FRAC", "FRACMOD", "SCALEBARE"])


def _compound(c: _Ctx, val, unit: str, j: int):
    """More quantities of smaller units after "2 साल": (end, value) of the whole
    ("2 साल 3 महीने" P2Y3M, "2 घंटे और 30 मिनट" PT2H30M, "1 साल, 2 दिन"), or None."""
    T, n = c.T, c.n
    # cheap test first: what follows can start a number ("और" or a comma between parts)
    k = j + 1 if j < n and (_get(T[j], "AND") is not None or _is_p(T[j], ",")) else j
    if k >= n or not (T[k].typ == "N" or any(cat in _NUMBER_STARTS for cat, _ in T[k].ents)):
        return None
    parts = [(val, unit)]
    last = _UNIT_RANK[_base_unit((1, 0), unit)[1]]
    end = j
    while True:
        k = end + 1 if end < n and (_get(T[end], "AND") is not None or _is_p(T[end], ",")) else end
        ne = _num_expr(c, k)
        if ne is None or ne[1] >= n:
            break
        u2 = _get(T[ne[1]], "UNIT")
        if u2 is None or _UNIT_RANK[_base_unit((1, 0), u2)[1]] <= last:
            break
        parts.append((ne[0], u2))
        last = _UNIT_RANK[_base_unit((1, 0), u2)[1]]
        end = ne[1] + 1
    if len(parts) < 2:
        return None
    v = _duration_parts(parts)
    return None if v is None else (end, v)


def _duration(val, unit: str) -> str | None:
    return _duration_parts([(val, unit)])


def _ordinal_ok(c: _Ctx, i: int) -> bool:
    T, n = c.T, c.n
    t = T[i]
    prev = T[i - 1] if i > 0 else None
    nxt = T[i + 1] if i + 1 < n else None
    if _get(t, "ORDP") is not None:
        # पहले: "first" only before a word that is not a particle/verb, and not after से/a unit
        if prev is not None and (
            _get(prev, "BEFOREPREV") is not None or _get(prev, "UNIT") is not None
        ):
            return False
        if nxt is None:
            return False
        if nxt.typ == "N":
            return True
        return not (nxt.typ != "W" or _get(nxt, "FUNCNEXT") is not None)
    if _get(t, "ORDO") is not None:
        # दूसरा: "other" after एक (each other), before ओर/तरफ, before an oblique plural
        if prev is not None and prev.typ == "W" and _get(prev, "NUMA") == "1":
            return False
        if (
            prev is not None
            and _is_p(prev, "-")
            and i >= 2
            and _get(T[i - 2], "NUMA") == "1"
        ):
            return False
        return not (
            nxt is not None
            and nxt.typ == "W"
            and (_get(nxt, "IDIOMNEXT") is not None or nxt.text.endswith("ों"))
        )
    return not (t.text == "second" and prev is not None and prev.typ == "W" and prev.text == "a")


# the categories that can start a span (the rest are context only)
_TRIGGERS = frozenset(
    ["NUM", "NUMA", "FRAC", "FRACMOD", "SCALEBARE", "MONTH", "MONTHABBR", "WEEKDAY", "PERIOD", "ORD", "ORDP", "ORDO", "CURPRE", "CURSYM",
     "MONTHDOT", "WEEKDAYABBR", "RELDAY", "RELWEEK", "MINUS", "DOLLARPRE", "FYPRE", "WHOLE", "BHAR",
     "PERIODDOT"]
)


def _scan(c: _Ctx) -> None:
    T, n = c.T, c.n
    for i in range(n):
        t = T[i]
        typ = t.typ
        if typ == "P" and i + 1 < n and T[i + 1].typ == "N" and _adj(t, T[i + 1]) and t.text in "-.":
            free = i == 0 or not _adj(T[i - 1], t) or _is_p(T[i - 1], "([")
            if free and t.text == "-":
                _signed(c, i, i + 1)
            elif free and T[i + 1].plain:
                # ".08": a decimal without its zero
                _after_number(c, i, (_norm(T[i + 1].m, T[i + 1].ndig), i + 2, "digit", True))
            continue
        if typ == "D":
            y, mo, d = t.ymd
            _emit_date(c, i, i + 1, y, mo, d)
            continue
        if typ == "T":
            tm = _time_at(c, i, None, False)
            if tm is not None:
                c.emit(i, tm[0], "time", tm[1])
            _time_range(c, i, i, None)
            continue
        if typ == "A":
            tm = _time_at(c, i, None, True)
            if tm is not None:
                c.emit(i, tm[0], "time", tm[1])
            continue
        if typ == "O" or typ == "N":
            d = _day_at(c, i)
            if d is not None:
                k = i + 1
                if k < n and _get(T[k], "OF") is not None:
                    k += 1
                elif k + 1 < n and _is_p(T[k], "-") and _adj(T[i], T[k]) and _adj(T[k], T[k + 1]):
                    k += 1  # "1-जन.", "28-नवं."
                mo, k2 = _month_at(c, k)
                if mo is not None:
                    y, k3 = _year_after(c, k2)
                    if y is not None:
                        _emit_date(c, i, k3, y, mo, d)
                    else:
                        _emit_date(c, i, k2, None, mo, d)
                _date_range(c, i, d)
            if typ == "O":
                c.emit(i, i + 1, "ordinal", str(t.m))
                continue
            if typ == "N" and t.plain and t.ndig in (2, 4):
                _periods_at(c, i, i)
            if typ == "N" and _range_sep(c, i + 1):
                _time_range(c, i, i, None)
            # "2016 के जनवरी 12", "2020 के मार्च"
            if (
                t.plain
                and t.ndig == 4
                and 1000 <= t.m <= 2199
                and i + 2 < n
                and T[i + 1].text in ("के", "की", "का")
            ):
                mo, k = _month_at(c, i + 2)
                if mo is not None:
                    d = _day_at(c, k)
                    if d is not None:
                        _emit_date(c, i, k + 1, t.m, mo, d)
                    else:
                        _emit_date(c, i, k, t.m, mo, None)
        if typ == "X" or not (typ == "N" or any(cat in _TRIGGERS for cat, _ in t.ents)):
            continue
        if typ == "W":
            mo, k = _month_at(c, i)
            if mo is not None:
                d = _day_at(c, k)
                kd = k
                if d is None and k + 1 < n and _is_p(T[k], "-") and _adj(T[k - 1], T[k]) and _adj(T[k], T[k + 1]):
                    # "जून-15", "अक्टूबर-2" (not "जन-1": जन counts only with its dot)
                    kd = k + 1
                    d = _day_at(c, kd)
                if d is None:
                    kd = k
                    # "मई इक्कीस", "जून की बाईस", "मई की ग्यारहवीं"
                    if k < n and T[k].text == "की":
                        kd = k + 1
                        d = _day_at(c, kd)
                    if d is None:
                        d = _word_day(c, kd)
                if d is not None:
                    k = kd
                    y, k3 = _year_after(c, k + 1)
                    if y is not None:
                        _emit_date(c, i, k3, y, mo, d)
                    else:
                        _emit_date(c, i, k + 1, None, mo, d)
                else:
                    y, k3 = _year_after(c, k)
                    if y is not None:
                        _emit_date(c, i, k3, y, mo, None)
            wd = _get(t, "WEEKDAY")
            if wd is not None:
                c.emit(i, i + 1, "weekday", wd)
                _day_month_after_weekday(c, i + 1)
            wd = _get(t, "WEEKDAYABBR")
            if wd is not None and i + 1 < n and (
                T[i + 1].text == "को"
                or (_is_p(T[i + 1], ",") and _day_at(c, i + 2) is not None)
            ):
                c.emit(i, i + 1, "weekday", wd)
            # "चार मई", "पहली जनवरी", "दूसरे अगस्त"
            d = _word_day(c, i)
            if d is not None:
                mo, k = _month_at(c, i + 1)
                if mo is not None:
                    y, k3 = _year_after(c, k)
                    _emit_date(c, i, k3 if y is not None else k, y, mo, d)
            rd = _get(t, "RELDAY")
            # not "कल-कारखाने", nor the idioms "आज भी" (still), "आज तक" (so far)
            if rd is not None and not (
                i + 1 < n
                and ((_is_p(T[i + 1], "-") and _adj(t, T[i + 1])) or T[i + 1].text in ("भी", "तक"))
            ):
                if rd[0] == "±":
                    rd = _tense_sign(c, i + 1) + rd[1:]
                c.emit(i, i + 1, "date", "D" + rd)
            rw = _get(t, "RELWEEK")
            if rw is not None:
                # "पिछले सोमवार", "अगले हफ़्ते शुक्रवार", "इस हफ़्ते के शुक्रवार"
                k = i + 1
                if k < n and _get(T[k], "UNIT") == "W":
                    k += 1
                    if k + 1 < n and T[k].text == "के" and _get(T[k + 1], "WEEKDAY") is not None:
                        k += 1
                wd = _get(T[k], "WEEKDAY") if k < n else None
                if wd is not None:
                    c.emit(i, k + 1, "date", "W" + rw + ":" + wd)
                elif i > 0 and k == i + 2 and _get(T[i - 1], "WEEKDAY") is not None:
                    # the weekday first: "शुक्रवार अगले हफ्ते", "सोमवार पिछले सप्ताह"
                    c.emit(i - 1, k, "date", "W" + rw + ":" + _get(T[i - 1], "WEEKDAY"))
            if _get(t, "MINUS") is not None and i + 1 < n:
                _signed(c, i, i + 1)
            _whole_unit(c, i)
            if _get(t, "FYPRE") is not None and i + 1 < n:
                _periods_at(c, i, i + 1)
            dp = _get(t, "DOLLARPRE")
            if dp is not None and i + 1 < n and _get(T[i + 1], "CURSYM") == "USD":
                ne = _num_expr(c, i + 2)
                if ne is not None:
                    c.emit(i, ne[1], "money", dp + " " + _fmt(ne[0]))
            p = _get(t, "PERIOD")
            k = i + 1
            if p is None and i + 2 < n and _is_p(T[i + 1], ".") and _adj(t, T[i + 1]):
                # "अप. साढ़े सात बजे", "पू. 1140": an abbreviation with its dot, before a time
                p = _get(t, "PERIODDOT")
                k = i + 2
            if p is not None:
                if k < n and _get(T[k], "PERIODLINK") is not None:
                    k += 1
                if k < n and _get(T[k], "APPROX") is not None:
                    k += 1
                tm = _time_at(c, k, p, False)
                # "आधी रात 12 बजे": midnight names the night
                s0 = i - 1 if p == "night" and i > 0 and T[i - 1].text == "आधी" else i
                if tm is not None:
                    c.emit(s0, tm[0], "time", tm[1])
                _time_range(c, s0, k, p)
            o = _get(t, "ORD")
            if o is None:
                o = _get(t, "ORDP")
            if o is None:
                o = _get(t, "ORDO")
            if o is not None and _ordinal_ok(c, i):
                c.emit(i, i + 1, "ordinal", o)
        cur = _get(t, "CURSYM") if typ == "P" else _get(t, "CURPRE")
        if cur is not None:
            k = i + 1
            if typ == "W" and k < n and _is_p(T[k], ".") and _adj(t, T[k]):
                k += 1
            ne = _num_expr(c, k)
            if ne is not None:
                j = ne[1]
                if j < n and T[j].typ == "W" and _get(T[j], "CURSUF") == cur:
                    j += 1
                c.emit(i, j, "money", cur + " " + _fmt(ne[0]))
        if typ == "P":
            continue
        # only a digit run or a number word starts a number expression
        if typ == "W" and not any(cat in _NUMBER_STARTS for cat, _ in t.ents):
            continue
        ne = _num_expr(c, i)
        if ne is not None:
            _after_number(c, i, ne)


def _map(c: _Ctx, s: int, e: int):
    offs = c.offs
    os_ = offs[s]
    oe = offs[e]
    low = offs[e - 1] + 1
    oe = max(oe, low)  # the span may end inside the expansion of one input character
    text = c.text
    while oe > low and text[oe - 1] in _TRIM:
        oe -= 1
    return os_, oe


def _spans(text: str):
    """The resolved spans of one text as (start, end, kind, value) tuples, in order."""
    nt, offs = normalize_with_offsets(text, form="match", offsets="list")
    lex = _lexicon()
    T = _group(_tokenize(nt, lex))
    c = _Ctx(T, text, offs)
    _scan(c)
    cands = []
    seen = set()
    for s, e, kind, value in c.cands:
        os_, oe = _map(c, s, e)
        key = (os_, oe, kind, value)
        if key in seen:
            continue
        seen.add(key)
        cands.append(key)
    cands.sort(key=lambda x: (x[0] - x[1], _RANK[x[2]], x[0], x[3]))
    taken = bytearray(len(text) + 1)
    out = []
    for os_, oe, kind, value in cands:
        if oe > len(text) or os_ >= oe or any(taken[os_:oe]):
            continue
        for p in range(os_, oe):
            taken[p] = 1
        out.append((os_, oe, kind, value))
    out.sort()
    return out


# ---------------------------------------------------------------- reference dates


def _parse_reference(ref, what: str = "reference_date") -> _dt.date | None:
    if ref is None:
        return None
    if isinstance(ref, _dt.datetime):
        return ref.date()
    if isinstance(ref, _dt.date):
        return ref
    if isinstance(ref, str):
        if len(ref) == 10 and ref[4] == "-" and ref[7] == "-":
            y, m, d = ref[:4], ref[5:7], ref[8:]
            if (y + m + d).isascii() and (y + m + d).isdigit():
                yi, mi, di = int(y), int(m), int(d)
                if yi >= 1 and _valid_date(yi, mi, di):
                    return _dt.date(yi, mi, di)
        raise ArgumentError(f"{what} must be a date in the form 'YYYY-MM-DD', not {ref!r}")
    raise ArgumentTypeError(
        f"{what} must be a datetime.date, datetime.datetime or 'YYYY-MM-DD' str, "
        f"not {type(ref).__name__}"
    )


_WEEKDAY_INDEX = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}


def _days_in_month(y: int, m: int) -> int:
    return next(d for d in (31, 30, 29, 28) if _valid_date(y, m, d))


def _resolve_relative(value: str, ref: _dt.date | None) -> str | None:
    """``D-2``, ``M+1``, ``Y-1``, ``W-1`` and ``W+1:friday`` against ``ref``;
    ``±`` (कल, परसों) is read as the past, as news reports it."""
    if ref is None:
        return None
    unit, sign = value[0], value[1]
    rest, _, wd = value[2:].partition(":")
    n = int(rest) * (1 if sign == "+" else -1)
    o = ref.toordinal()
    if unit == "D":
        o += n
    elif unit == "W":
        o += 7 * n
        if wd:
            o += _WEEKDAY_INDEX[wd] - ref.weekday()
    else:
        months = n * (12 if unit == "Y" else 1)
        k = ref.year * 12 + ref.month - 1 + months
        y, m = divmod(k, 12)
        m += 1
        if not 1 <= y <= 9999:
            return None
        return _dt.date(y, m, min(ref.day, _days_in_month(y, m))).isoformat()
    if not 1 <= o <= _dt.date.max.toordinal():
        return None
    return _dt.date.fromordinal(o).isoformat()


def _resolve(kind: str, value: str, ref: _dt.date | None) -> str | None:
    if kind == "date" and value[:1] in ("D", "W", "M", "Y") and value[1:2] in ("+", "-", "±"):
        return _resolve_relative(value, ref)
    if kind == "date" and "/" in value:
        # a range resolves to its first end
        return _resolve(kind, value.split("/")[0], ref)
    if kind == "date":
        if len(value) == 10 and not value.startswith("-"):
            return value
        if ref is not None and value.startswith("--"):
            mo, d = int(value[2:4]), int(value[5:7])
            best = None
            for y in (ref.year - 1, ref.year, ref.year + 1):
                if 1 <= y <= 9999 and _valid_date(y, mo, d):
                    dist = abs(_dt.date(y, mo, d).toordinal() - ref.toordinal())
                    if best is None or dist < best[0]:
                        best = (dist, y)
            if best is not None:
                return f"{best[1]:04d}-{mo:02d}-{d:02d}"
        return None
    if kind == "datetime":
        return value[:10]
    if kind == "weekday" and ref is not None:
        back = (ref.weekday() - _WEEKDAY_INDEX[value]) % 7
        o = ref.toordinal() - back
        if o < 1:
            return None
        return _dt.date.fromordinal(o).isoformat()
    return None


def _parse_kinds(kinds) -> frozenset | None:
    if kinds is None:
        return None
    if isinstance(kinds, str):
        raise ArgumentTypeError("kinds must be an iterable of kind names, not a single str")
    try:
        items = list(kinds)
    except TypeError:
        raise ArgumentTypeError(
            f"kinds must be an iterable of kind names, not {type(kinds).__name__}"
        ) from None
    for i, k in enumerate(items):
        if not isinstance(k, str):
            raise ArgumentTypeError(f"kinds[{i}] must be str, not {type(k).__name__}")
        if k not in _RANK:
            raise ArgumentError(f"kinds[{i}]: unknown kind {k!r}; expected one of {', '.join(KINDS)}")
    return frozenset(items)


def _check_text(text, what: str) -> str:
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{what} must be str, not {type(text).__name__}")
    for i, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            raise ArgumentError(f"{what} contains a lone surrogate at index {i}")
    return text


def _extract(text: str, kinds: frozenset | None, ref: _dt.date | None) -> list:
    out = []
    for s, e, kind, value in _spans(text):
        if kinds is not None and kind not in kinds:
            continue
        out.append(Span(s, e, text[s:e], kind, value, _resolve(kind, value, ref)))
    return out


def extract(text: str, *, kinds: Iterable[str] | None = None, reference_date=None) -> list:
    """Dates, times, weekdays, years, durations, numbers, money, percentages and
    ordinals in ``text``, as :class:`Span` objects in text order (pure Python).

    ``kinds`` keeps only the given kinds (after overlaps are resolved);
    ``reference_date`` (``datetime.date``, ``datetime.datetime`` or
    ``'YYYY-MM-DD'``) fills ``Span.resolved`` for partial dates and weekdays.
    """
    text = _check_text(text, "text")
    return _extract(text, _parse_kinds(kinds), _parse_reference(reference_date))


def extract_batch(
    texts: Iterable[str], *, reference_dates=None, kinds: Iterable[str] | None = None
) -> list:
    """:func:`extract` over many texts. ``reference_dates`` is one reference for
    all texts or a sequence with one (or ``None``) per text."""
    if isinstance(texts, str):
        raise ArgumentTypeError("texts must be an iterable of str, not a single str")
    try:
        items = list(texts)
    except TypeError:
        raise ArgumentTypeError(f"texts must be an iterable of str, not {type(texts).__name__}") from None
    for i, t in enumerate(items):
        _check_text(t, f"texts[{i}]")
    ks = _parse_kinds(kinds)
    refs: Sequence
    if reference_dates is None or isinstance(reference_dates, (str, _dt.date)):
        r = _parse_reference(reference_dates, "reference_dates")
        refs = [r] * len(items)
    else:
        try:
            rl = list(reference_dates)
        except TypeError:
            raise ArgumentTypeError(
                "reference_dates must be a date, a 'YYYY-MM-DD' str or a sequence of them, "
                f"not {type(reference_dates).__name__}"
            ) from None
        if len(rl) != len(items):
            raise ArgumentError(
                f"reference_dates has {len(rl)} items but texts has {len(items)}"
            )
        refs = [_parse_reference(r, f"reference_dates[{i}]") for i, r in enumerate(rl)]
    return [_extract(t, ks, r) for t, r in zip(items, refs)]
