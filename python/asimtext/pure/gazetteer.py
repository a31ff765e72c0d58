"""Pure-Python twin of the Rust gazetteer (``asimtext_core::gazetteer``).

Finds the names of the gazetteer (``gazetteer_data.GAZETTEER``: Indian places, parties,
institutions, offices, countries) in a text, in either script: ``भाजपा`` and ``BJP`` are
both ``party:bjp``, ``लखनऊ`` and ``Lucknow`` both ``city:lucknow``.

The rule, which the Rust core follows exactly (``tests/test_gazetteer_differential.py``):

* words are maximal runs of Latin letters and digits, or of Devanagari letters and signs
  (U+0900-U+0963, U+0971-U+097F, ZWNJ, ZWJ); anything else separates words;
* a word's key: Devanagari with nukta letters folded to their base letter, the nukta
  sign and ZWNJ/ZWJ removed, candrabindu written as anusvara; Latin in lower case,
  except an all-capital word of 2 to 4 letters, kept as written behind ``=`` (so that
  ``US`` is the country and ``us`` is not);
* a name matches a run of consecutive words with the same keys; at each word the longest
  name (at most ``MAX_WORDS`` words) wins, and matching resumes after it; a name listed
  by two entries belongs to the first.

Returns ``(start, end, entry id)`` with code-point offsets.
"""

from __future__ import annotations

from typing import Dict, List, Tuple

import regex

from asimtext.errors import ArgumentTypeError
from asimtext.pure.gazetteer_data import GAZETTEER
from asimtext.pure.normalization import WORD_CLASS

__all__ = ["gazetteer_find", "gazetteer_entry", "word_key", "MAX_WORDS"]

MAX_WORDS = 6
# Explicit code point ranges, not \w: the core's rule is a code point list (the same
# whatever Unicode version either side knows).
_WORD = regex.compile(rf"[A-Za-z0-9]+|[{WORD_CLASS}]+")
_FOLD = str.maketrans(
    {
        "\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
        "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f",
        "\u093c": None, "\u200c": None, "\u200d": None, "\u0901": "\u0902",
    }
)


def word_key(word: str) -> str:
    """The key of one word (see the module docstring)."""
    if word[:1].isascii():
        if 2 <= len(word) <= 4 and word.isupper():
            return "=" + word
        return word.lower()
    return word.translate(_FOLD)


def _build() -> Dict[Tuple[str, ...], str]:
    table: Dict[Tuple[str, ...], str] = {}
    for entry_id, _kind, _canon, names in GAZETTEER:
        for name in names:
            keys = tuple(word_key(w) for w in _WORD.findall(name))
            if keys and len(keys) <= MAX_WORDS and keys not in table:
                table[keys] = entry_id
    return table


_TABLE = _build()
_ENTRY = {e[0]: e for e in GAZETTEER}


def gazetteer_entry(entry_id: str) -> Tuple[str, str, str, List[str]]:
    """``(id, kind, canonical name, names)`` of an entry; KeyError if unknown."""
    return _ENTRY[entry_id]


def gazetteer_find(text: str) -> List[Tuple[int, int, str]]:
    """The gazetteer names in ``text``: ``(start, end, entry id)``, in text order."""
    if not isinstance(text, str):
        raise ArgumentTypeError(f"gazetteer_find: text must be str, got {type(text).__name__}")
    words = [(m.start(), m.end(), word_key(m.group())) for m in _WORD.finditer(text)]
    out: List[Tuple[int, int, str]] = []
    i, n = 0, len(words)
    while i < n:
        for k in range(min(MAX_WORDS, n - i), 0, -1):
            hit = _TABLE.get(tuple(w[2] for w in words[i : i + k]))
            if hit is not None:
                out.append((words[i][0], words[i + k - 1][1], hit))
                i += k
                break
        else:
            i += 1
    return out
