"""Numbered names: a name joined to a number by a hyphen (``Chandrayaan-3``,
``चंद्रयान-2``, ``PK-8303``, ``COVID-19``), the number being part of what is named.

Two reports naming the same name with different numbers, and none in common, name
two different things (the second and the third lunar mission), however alike their
words: strong evidence of two events, when they name it in their leads (what the
report is about; further down, "ward-12" and "top-10" are details). The name is keyed across scripts, so that
``चंद्रयान-3`` and ``Chandrayaan-3`` are one numbered name.
"""

from __future__ import annotations

import re
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy as np

from asimtext.digest.text import WORD_RE

__all__ = ["numbered_names", "numbered_names_and_lead", "different_numbers"]

# A hyphen (or dash), then 1-5 digits that no letter or digit follows; the word before
# it (ending right at the hyphen) is found by looking back: a regex starting with the
# word would rescan every word at each of its letters.
_NUMBERED = re.compile(r"[-‐‑–](\d{1,5})(?![\d\w])")
_LAST_WORD = re.compile(rf"(?:{WORD_RE.pattern})$")
_REACH = 40  # characters looked back for the word


def numbered_names(text: str, key: Callable[[str], str],
                   end: Optional[int] = None) -> FrozenSet[str]:
    """The numbered names of a text (of ``text[:end]``) as ``"key-number"`` strings
    (number without leading zeros); ``key`` maps a word to its cross-script key
    (empty: no key)."""
    return frozenset(name for _at, name in _found(text, key, end))


def numbered_names_and_lead(text: str, key: Callable[[str], str],
                            lead: int) -> Tuple[FrozenSet[str], FrozenSet[str]]:
    """:func:`numbered_names` of the whole text and of ``text[:lead]``, in one pass."""
    found = _found(text, key, None)
    return (frozenset(name for _at, name in found),
            frozenset(name for at, name in found if at <= lead))


def _found(text: str, key: Callable[[str], str], end: Optional[int]) -> List[Tuple[int, str]]:
    out = []
    for m in _NUMBERED.finditer(text, 0, len(text) if end is None else end):
        if m.start() == 0 or not WORD_RE.match(text, m.start() - 1):
            continue
        w = _LAST_WORD.search(text, max(0, m.start() - _REACH), m.start())
        k = key(w.group(0)) if w else ""
        if k:
            out.append((m.end(), f"{k}-{int(m.group(1))}"))
    return out


def different_numbers(names: Sequence[FrozenSet[str]]) -> np.ndarray:
    """``(n, n)`` booleans: texts ``a`` and ``b`` both name some name, with numbers
    of which none is the other's (``chandrayaan-2`` vs ``chandrayaan-3``)."""
    n = len(names)
    out = np.zeros((n, n), dtype=bool)
    by_base: Dict[str, Dict[int, set]] = {}
    for t, ns in enumerate(names):
        for s in ns:
            base, num = s.rsplit("-", 1)
            by_base.setdefault(base, {}).setdefault(t, set()).add(num)
    for holders in by_base.values():
        if len(holders) < 2:
            continue
        rows: List[int] = sorted(holders)
        nums = sorted({x for t in rows for x in holders[t]})
        col = {x: c for c, x in enumerate(nums)}
        M = np.zeros((len(rows), len(nums)), dtype=np.float32)
        for r, t in enumerate(rows):
            for x in holders[t]:
                M[r, col[x]] = 1.0
        disjoint = (M @ M.T) == 0
        idx = np.asarray(rows)
        out[np.ix_(idx, idx)] |= disjoint
    return out
