"""Pure-Python twin of :func:`asimtext.normalize` and friends.

The same stages as the Rust core (``rust/core/src/normalize/``), written
plainly: optional mojibake repair -> invisible characters -> NFC -> canonical
rules -> match-key folds. Every character carries the input code point range
``[start, end)`` it came from, so the offset map falls out at the end.

NFC uses :mod:`unicodedata2` pinned to the Unicode version of the Rust core
(18.0.0), so that the two agree on every character.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import unicodedata2 as ud

from asimtext.errors import ArgumentError, ArgumentTypeError

__all__ = ["normalize", "normalize_with_offsets", "normalize_batch"]

# An item is (char, start, end): the character and the input range it came from.
Item = Tuple[str, int, int]

NUKTA = "\u093c"
VIRAMA = "\u094d"
ANUSVARA = "\u0902"
CHANDRABINDU = "\u0901"
DANDA = "\u0964"
DOUBLE_DANDA = "\u0965"
ZWNJ = "\u200c"
ZWJ = "\u200d"


def _in(c: str, *ranges: Tuple[int, int]) -> bool:
    o = ord(c)
    return any(lo <= o <= hi for lo, hi in ranges)


def is_devanagari_mark(c: str) -> bool:
    return _in(c, (0x0900, 0x0903), (0x093A, 0x093C), (0x093E, 0x094F), (0x0951, 0x0957), (0x0962, 0x0963))


def is_vowel_sign(c: str) -> bool:
    return _in(
        c, (0x093A, 0x093B), (0x093E, 0x094C), (0x094E, 0x094F), (0x0955, 0x0957), (0x0962, 0x0963)
    )


def is_consonant(c: str) -> bool:
    return _in(c, (0x0915, 0x0939), (0x0958, 0x095F), (0x0978, 0x097F))


def is_devanagari_letter_or_mark(c: str) -> bool:
    return _in(c, (0x0900, 0x0963), (0x0971, 0x097F)) and c not in (DANDA, DOUBLE_DANDA)


#: The code points of a Devanagari word, as a character class: the block's letters and
#: signs (not the dandas, digits or U+0970), and ZWNJ/ZWJ, which join inside a word
#: (the core's ``normalize::devanagari::is_word_char``).
WORD_CLASS = "\u0900-\u0963\u0971-\u097f\u200c\u200d"


def is_word_char(o: int) -> bool:
    """Whether code point ``o`` is in :data:`WORD_CLASS`."""
    return (0x0900 <= o <= 0x0963) or (0x0971 <= o <= 0x097F) or o == 0x200C or o == 0x200D


def is_non_base(c: str) -> bool:
    if ord(c) < 0x80:
        return not (("a" <= c <= "z") or ("A" <= c <= "Z"))
    return _in(c, (0x0964, 0x0970), (0x00A0, 0x00BF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x206F),
               (0x3000, 0x303F), (0xFFFD, 0xFFFD))


def is_invisible(c: str) -> bool:
    return _in(c, (0xFEFF, 0xFEFF), (0x200B, 0x200B), (0x2060, 0x2060), (0xAD, 0xAD), (0x00, 0x08),
               (0x0E, 0x1B), (0x7F, 0x84), (0x86, 0x9F))


def is_horizontal_space(c: str) -> bool:
    return _in(c, (0x09, 0x09), (0x0B, 0x0C), (0x1C, 0x1F), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680),
               (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))


def is_line_break(c: str) -> bool:
    return c in "\n\u0085\u2028\u2029"


# (letter, sign) -> letter: Unicode chapter 12 table 12-1 / DoNotEmit.txt Indic_Vowel_Letter.
VOWEL_LETTER_SEQUENCES = {
    ("\u0905", "\u0946"): "\u0904",
    ("\u0905", "\u093e"): "\u0906",
    ("\u0905", "\u0949"): "\u0911",
    ("\u0905", "\u094a"): "\u0912",
    ("\u0905", "\u094b"): "\u0913",
    ("\u0905", "\u094c"): "\u0914",
    ("\u0905", "\u0945"): "\u0972",
    ("\u0905", "\u093a"): "\u0973",
    ("\u0905", "\u093b"): "\u0974",
    ("\u0905", "\u094f"): "\u0975",
    ("\u0905", "\u0956"): "\u0976",
    ("\u0905", "\u0957"): "\u0977",
    ("\u0906", "\u0945"): "\u0911",
    ("\u0906", "\u0946"): "\u0912",
    ("\u0906", "\u0947"): "\u0913",
    ("\u0906", "\u0948"): "\u0914",
    ("\u0906", "\u093a"): "\u0974",
    ("\u0909", "\u0941"): "\u090a",
    ("\u090f", "\u0945"): "\u090d",
    ("\u090f", "\u0946"): "\u090e",
    ("\u090f", "\u0947"): "\u0910",
}

NASAL_CLASS = {"\u0919": 0, "\u091e": 1, "\u0923": 2, "\u0928": 3, "\u092e": 4}


def stop_class(c: str) -> Optional[int]:
    o = ord(c)
    for cls, (lo, hi) in enumerate(((0x0915, 0x0918), (0x091A, 0x091D), (0x091F, 0x0922), (0x0924, 0x0927),
                                    (0x092A, 0x092D))):
        if lo <= o <= hi:
            return cls
    return None


COMPOSE_NUKTA = {"\u0928": "\u0929", "\u0930": "\u0931", "\u0933": "\u0934"}
STRIP_NUKTA = {v: k for k, v in COMPOSE_NUKTA.items()}

_QUOTES = set("\"'\u00ab\u00bb\u2039\u203a\u2032\u2033\uff02\uff07") | {chr(c) for c in range(0x2018, 0x2020)}

_ASCII_PUNCT = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032"}
_ASCII_PUNCT.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_ASCII_PUNCT.update({chr(c): "-" for c in range(0x2010, 0x2016)})
_ASCII_PUNCT["\u2212"] = "-"


def ascii_digit(c: str) -> Optional[str]:
    o = ord(c)
    return chr(0x30 + o - 0x0966) if 0x0966 <= o <= 0x096F else None


def is_latin_foldable(c: str) -> bool:
    return _in(c, (0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))


# ---------------------------------------------------------------- mojibake

_CP1252 = {
    "\u20ac": 0x80, "\u201a": 0x82, "\u0192": 0x83, "\u201e": 0x84, "\u2026": 0x85, "\u2020": 0x86,
    "\u2021": 0x87, "\u02c6": 0x88, "\u2030": 0x89, "\u0160": 0x8A, "\u2039": 0x8B, "\u0152": 0x8C,
    "\u017d": 0x8E, "\u2018": 0x91, "\u2019": 0x92, "\u201c": 0x93, "\u201d": 0x94, "\u2022": 0x95,
    "\u2013": 0x96, "\u2014": 0x97, "\u02dc": 0x98, "\u2122": 0x99, "\u0161": 0x9A, "\u203a": 0x9B,
    "\u0153": 0x9C, "\u017e": 0x9E, "\u0178": 0x9F,
}


def _byte_of(c: str) -> Optional[int]:
    o = ord(c)
    if o <= 0x7F or 0xA0 <= o <= 0xFF or o in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
        return o
    return _CP1252.get(c)


def _utf8_len(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _repair_mojibake(items: List[Item]) -> List[Item]:
    out: List[Item] = []
    i, n = 0, len(items)
    while i < n:
        c, s, e = items[i]
        b = _byte_of(c)
        k = _utf8_len(b) if b is not None else 0
        if k >= 2 and i + k <= n:
            bs = [b]
            for j in range(1, k):
                bj = _byte_of(items[i + j][0])
                if bj is None or not (0x80 <= bj <= 0xBF):
                    bs = []
                    break
                bs.append(bj)
            if bs:
                try:
                    decoded = bytes(bs).decode("utf-8")
                except UnicodeDecodeError:
                    decoded = ""
                if len(decoded) == 1:
                    out.append((decoded, s, items[i + k - 1][2]))
                    i += k
                    continue
        out.append(items[i])
        i += 1
    return out


# ---------------------------------------------------------------- invisibles

def _remove_invisibles(items: List[Item]) -> List[Item]:
    out: List[Item] = []
    for it in items:
        c = it[0]
        if is_invisible(c):
            continue
        if c in (ZWJ, ZWNJ) and (not out or out[-1][0] != VIRAMA):
            continue
        out.append(it)
    return out


# ---------------------------------------------------------------- NFC

_S_BASE, _L_BASE, _V_BASE, _T_BASE = 0xAC00, 0x1100, 0x1161, 0x11A7
_L_COUNT, _V_COUNT, _T_COUNT = 19, 21, 28
_N_COUNT = _V_COUNT * _T_COUNT
_S_COUNT = _L_COUNT * _N_COUNT
_COMPOSITIONS: Optional[dict] = None


def _decompose(c: str, out: List[str]) -> None:
    o = ord(c)
    if _S_BASE <= o < _S_BASE + _S_COUNT:
        s = o - _S_BASE
        out.append(chr(_L_BASE + s // _N_COUNT))
        out.append(chr(_V_BASE + (s % _N_COUNT) // _T_COUNT))
        if s % _T_COUNT:
            out.append(chr(_T_BASE + s % _T_COUNT))
        return
    d = ud.decomposition(c)
    if not d or d.startswith("<"):
        out.append(c)
        return
    for h in d.split():
        _decompose(chr(int(h, 16)), out)


def _compositions() -> dict:
    """Primary composites: canonical pairs whose composite NFC keeps (not excluded)."""
    global _COMPOSITIONS
    if _COMPOSITIONS is None:
        table = {}
        for o in range(0x110000):
            if 0xD800 <= o <= 0xDFFF:
                continue
            c = chr(o)
            d = ud.decomposition(c)
            if not d or d.startswith("<"):
                continue
            parts = d.split()
            if len(parts) == 2 and ud.normalize("NFC", c) == c:
                table[(chr(int(parts[0], 16)), chr(int(parts[1], 16)))] = c
        _COMPOSITIONS = table
    return _COMPOSITIONS


def _compose(a: str, b: str) -> Optional[str]:
    oa, ob = ord(a), ord(b)
    if _L_BASE <= oa < _L_BASE + _L_COUNT and _V_BASE <= ob < _V_BASE + _V_COUNT:
        return chr(_S_BASE + ((oa - _L_BASE) * _V_COUNT + (ob - _V_BASE)) * _T_COUNT)
    if (_S_BASE <= oa < _S_BASE + _S_COUNT and (oa - _S_BASE) % _T_COUNT == 0
            and _T_BASE < ob < _T_BASE + _T_COUNT):
        return chr(oa + ob - _T_BASE)
    return _compositions().get((a, b))


def _nfc(items: List[Item]) -> List[Item]:
    joined = "".join(it[0] for it in items)
    if ud.normalize("NFC", joined) == joined:
        return items
    dec: List[Item] = []
    for c, s, e in items:
        parts: List[str] = []
        _decompose(c, parts)
        dec.extend((p, s, e) for p in parts)
    # canonical ordering: stable sort of each run of non-starters
    i, n = 0, len(dec)
    while i < n:
        if ud.combining(dec[i][0]) == 0:
            i += 1
            continue
        j = i
        while j < n and ud.combining(dec[j][0]) != 0:
            j += 1
        run = sorted(dec[i:j], key=lambda it: ud.combining(it[0]))
        # Reordered marks all map to the whole run, which keeps offsets monotone.
        if any(a[1] > b[1] for a, b in zip(run, run[1:])):
            lo = min(it[1] for it in run)
            hi = max(it[2] for it in run)
            run = [(it[0], lo, hi) for it in run]
        dec[i:j] = run
        i = j
    # canonical composition
    out: List[Item] = []
    starter: Optional[int] = None
    last_ccc: Optional[int] = None
    for it in dec:
        ccc = ud.combining(it[0])
        if starter is not None:
            blocked = last_ccc is not None and (last_ccc == 0 or last_ccc >= ccc)
            if not blocked:
                composed = _compose(out[starter][0], it[0])
                if composed is not None:
                    sc, ss, se = out[starter]
                    out[starter] = (composed, min(ss, it[1]), max(se, it[2]))
                    continue
        if ccc == 0:
            starter = len(out)
            last_ccc = None
        else:
            last_ccc = ccc
        out.append(it)
    return out


# ---------------------------------------------------------------- canonical rules

def _merged(a: Item, c: str, b: Item) -> Item:
    return (c, min(a[1], b[1]), max(a[2], b[2]))


def _is_sentence_end_bar(out: List[Item], at_line_start: bool, items: List[Item], nxt: int) -> bool:
    if at_line_start or not out:
        return False
    p = out[-1][0]
    if not (is_devanagari_letter_or_mark(p) or p == DANDA):
        return False
    for c, _s, _e in items[nxt:]:
        if is_horizontal_space(c):
            continue
        return c == "\r" or is_line_break(c) or c in ("|", DANDA) or is_devanagari_letter_or_mark(c)
    return True


def _canonical(items: List[Item], ascii_digits: bool, ascii_punctuation: bool) -> List[Item]:
    out: List[Item] = []
    pending: Optional[Item] = None
    at_line_start = True
    n = len(items)
    i = 0

    def push(it: Item) -> None:
        nonlocal pending, at_line_start
        if pending is not None:
            out.append(pending)
            pending = None
        at_line_start = False
        out.append(it)

    def push_danda(it: Item) -> None:
        if pending is None and out and out[-1][0] == DANDA:
            out[-1] = _merged(out[-1], DOUBLE_DANDA, it)
        else:
            push(it)

    while i < n:
        it = items[i]
        c = it[0]
        i += 1
        if c == "\r" or is_line_break(c):
            nl = ("\n", it[1], it[2])
            if c == "\r" and i < n and items[i][0] == "\n":
                nl = ("\n", it[1], items[i][2])
                i += 1
            pending = None
            out.append(nl)
            at_line_start = True
            continue
        if is_horizontal_space(c):
            if not at_line_start:
                pending = (" ", it[1], it[2]) if pending is None else _merged(pending, " ", it)
            continue
        # A joiner survives only right after a virama (the virama may have been
        # dropped as a stray mark since the first check).
        if c in (ZWJ, ZWNJ) and (pending is not None or at_line_start or not out or out[-1][0] != VIRAMA):
            continue
        if is_devanagari_mark(c):
            stray = pending is not None or at_line_start or not out or is_non_base(out[-1][0])
            if stray:
                continue
            if is_vowel_sign(c) and out:
                letter = VOWEL_LETTER_SEQUENCES.get((out[-1][0], c))
                if letter is not None:
                    out[-1] = _merged(out[-1], letter, it)
                    continue
            if c == NUKTA and len(out) >= 2 and is_vowel_sign(out[-1][0]) and is_consonant(out[-2][0]):
                cons = out[-2]
                composed = COMPOSE_NUKTA.get(cons[0])
                if composed is not None:
                    out[-2] = _merged(cons, composed, it)
                else:
                    # Both moved characters map to the range they were typed in,
                    # which keeps offsets monotone.
                    sign = _merged(out[-1], out[-1][0], it)
                    out[-1] = sign
                    out.insert(len(out) - 1, (NUKTA, sign[1], sign[2]))
                continue
            push(it)
            continue
        if c == "|" and _is_sentence_end_bar(out, at_line_start, items, i):
            push_danda((DANDA, it[1], it[2]))
            continue
        if c == DANDA:
            push_danda(it)
            continue
        if ascii_digits:
            d = ascii_digit(c)
            if d is not None:
                push((d, it[1], it[2]))
                continue
        if ascii_punctuation and c in _ASCII_PUNCT:
            push((_ASCII_PUNCT[c], it[1], it[2]))
            continue
        push(it)
    return out


# ---------------------------------------------------------------- match key

_MATCH_FOLDS = {
    CHANDRABINDU: ANUSVARA,
    "\u0945": "\u0947",
    "\u0949": "\u094b",
    "\u090d": "\u090f",
    "\u0911": "\u0913",
    DANDA: ".",
    DOUBLE_DANDA: ".",
}
_LENGTH_FOLDS = {"\u0940": "\u093f", "\u0942": "\u0941", "\u0908": "\u0907", "\u090a": "\u0909"}


def _fold(c: str, fold_vowel_length: bool) -> str:
    if c in _MATCH_FOLDS:
        return _MATCH_FOLDS[c]
    if fold_vowel_length and c in _LENGTH_FOLDS:
        return _LENGTH_FOLDS[c]
    if c in _QUOTES:
        return '"'
    return ascii_digit(c) or c


def _match_key(items: List[Item], fold_vowel_length: bool) -> List[Item]:
    items = [(STRIP_NUKTA.get(c, c), s, e) for c, s, e in items if c not in (NUKTA, ZWJ, ZWNJ)]
    out: List[Item] = []
    n = len(items)
    i = 0
    while i < n:
        it = items[i]
        c = it[0]
        i += 1
        cls = NASAL_CLASS.get(c)
        if cls is not None:
            after_letter = bool(out) and is_devanagari_letter_or_mark(out[-1][0])
            if after_letter and i + 1 < n and items[i][0] == VIRAMA and stop_class(items[i + 1][0]) == cls:
                out.append(_merged(it, ANUSVARA, items[i]))
                i += 1
                continue
        if is_latin_foldable(c):
            out.extend((lc, it[1], it[2]) for lc in c.lower())
            continue
        folded = _fold(c, fold_vowel_length)
        if is_vowel_sign(folded) and out:
            letter = VOWEL_LETTER_SEQUENCES.get((out[-1][0], folded))
            if letter is not None:
                out[-1] = _merged(out[-1], _fold(letter, fold_vowel_length), it)
                continue
        out.append((folded, it[1], it[2]))
    return out


# ---------------------------------------------------------------- API

_FORMS = ("canonical", "match", "nfc")


#: How many texts :func:`normalize_items` (every entry point of this module) has
#: normalized: the twin of ``asimtext._core._normalization_calls`` (the digest's test
#: that no stage normalizes a text again after the prepare stage reads it).
_calls = 0


def normalization_calls() -> int:
    """How many texts this module has normalized in this process."""
    return _calls


def normalize_items(text: str, form: str, ascii_digits: bool, ascii_punctuation: bool, fix_mojibake: bool,
                    fold_vowel_length: bool, errors: str) -> List[Item]:
    """The normalized text as ``(piece, source index)`` items (the offsets of
    :func:`normalize_with_offsets`), after checking the arguments."""
    global _calls
    _calls += 1
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be str, not {type(text).__name__}")
    if form not in _FORMS:
        raise ArgumentError(f"form must be 'canonical', 'match' or 'nfc', not {form!r}")
    if errors not in ("strict", "replace"):
        raise ArgumentError(f"errors must be 'strict' or 'replace', not {errors!r}")
    items: List[Item] = []
    for i, c in enumerate(text):
        if "\ud800" <= c <= "\udfff":
            if errors == "strict":
                raise ArgumentError(
                    f"text contains a lone surrogate at index {i} "
                    "(pass errors='replace' to replace it with U+FFFD)"
                )
            c = "\ufffd"
        items.append((c, i, i + 1))
    # Every rule is local to a line; like the Rust core, work line by line
    # (a line keeps its "\n"), which also fixes which offsets an unchanged
    # NFC segment keeps.
    out: List[Item] = []
    start = 0
    for k, it in enumerate(items):
        if it[0] == "\n":
            out.extend(_run_line(items[start : k + 1], form, ascii_digits, ascii_punctuation, fix_mojibake,
                                 fold_vowel_length))
            start = k + 1
    if start < len(items):
        out.extend(_run_line(items[start:], form, ascii_digits, ascii_punctuation, fix_mojibake, fold_vowel_length))
    return out


def _run_line(items: List[Item], form: str, ascii_digits: bool, ascii_punctuation: bool, fix_mojibake: bool,
              fold_vowel_length: bool) -> List[Item]:
    if form == "nfc":
        return _nfc(items)
    if fix_mojibake:
        # On NFC text, and again until nothing changes (text encoded twice).
        items = _nfc(items)
        while True:
            before = len(items)
            items = _repair_mojibake(items)
            if len(items) == before:
                break
    # The rules are applied until nothing changes: removing a joiner or a stray
    # mark can bring together what an earlier decision saw apart.
    items = _rules(items, form, ascii_digits, ascii_punctuation, fold_vowel_length)
    for _ in range(_MAX_ROUNDS):
        again = _rules(items, form, ascii_digits, ascii_punctuation, fold_vowel_length)
        if [it[0] for it in again] == [it[0] for it in items]:
            break
        items = again
    return items


_MAX_ROUNDS = 8


def _rules(items: List[Item], form: str, ascii_digits: bool, ascii_punctuation: bool,
           fold_vowel_length: bool) -> List[Item]:
    items = _canonical(_nfc(_remove_invisibles(items)), ascii_digits, ascii_punctuation)
    if form == "match":
        # Lower-casing can put a combining mark out of canonical order (İ -> i + U+0307).
        items = _nfc(_match_key(items, fold_vowel_length))
    return items


def normalize_with_offsets(
    text: str,
    *,
    form: str = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: str = "strict",
    offsets: str = "array",
) -> Tuple[str, Any]:
    """Pure-Python :func:`asimtext.normalize_with_offsets` (offsets as a
    NumPy ``uint32`` array, or a list with ``offsets="list"``)."""
    if offsets not in ("array", "list"):
        raise ArgumentError(f"offsets must be 'array' or 'list', not {offsets!r}")
    items = normalize_items(text, form, ascii_digits, ascii_punctuation, fix_mojibake, fold_vowel_length, errors)
    offs = [it[1] for it in items] + [len(text)]
    if offsets == "array":
        import numpy as np

        return "".join(it[0] for it in items), np.array(offs, dtype=np.uint32)
    return "".join(it[0] for it in items), offs


def normalize(
    text: str,
    *,
    form: str = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: str = "strict",
) -> str:
    """Pure-Python :func:`asimtext.normalize`."""
    items = normalize_items(text, form, ascii_digits, ascii_punctuation, fix_mojibake, fold_vowel_length, errors)
    return "".join(it[0] for it in items)


def normalize_batch(texts, *, output: str = "list", **options):
    """Pure-Python :func:`asimtext.normalize_batch` (serial)."""
    from asimtext.frames import arrow_texts, is_arrow

    if output not in ("list", "arrow"):
        raise ArgumentError(f"output must be 'list' or 'arrow', not {output!r}")
    if isinstance(texts, str):
        raise ArgumentTypeError("texts must be an iterable of str, not a single str")
    if is_arrow(texts):
        texts = arrow_texts(texts)
    out = []
    for i, t in enumerate(texts):
        try:
            out.append(normalize(t, **options))
        except (TypeError, ValueError) as e:
            raise type(e)(str(e).replace("text", f"texts[{i}]", 1)) from None
    if output == "arrow":
        import pyarrow as pa

        return pa.array(out, type=pa.large_string())
    return out
