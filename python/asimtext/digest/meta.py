r"""Article metadata the text itself gives away: the outlet and the publication date.

The header and footer lines are read with the ``regex`` module, not ``re``: its
``\w`` and ``\b`` take Devanagari vowel signs as part of a word (``re`` ends a word
at every sign, so ``अपडेट\b`` would match inside ``अपडेटेड``).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Optional, Sequence, Tuple

import regex

from asimtext.chrome import DATE_LABELS

__all__ = ["infer_source", "infer_published", "is_full_date"]

_NAME = r"[A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,4}?"
_SOURCE_PATTERNS = [
    # "By Prabhat Khabar Digital Desk, Kanpur", "By HT News Desk", "By TOI Bureau"
    regex.compile(
        rf"^[ \t]*By[ \t]+(?P<name>{_NAME})[ \t]+(?:Digital[ \t]+|Web[ \t]+|Online[ \t]+)?"
        r"(?:News[ \t]+)?(?:Desk|Bureau|Team|Staff)\b",
        regex.MULTILINE,
    ),
    # "... डाउनलोड करें ईटीवी भारत ऐप", "download the NDTV app"
    regex.compile(
        r"(?:डाउनलोड[ \t]+कर(?:ें|िए|े)|[Dd]ownload(?:[ \t]+the)?)[ \t]+"
        r"(?P<name>(?:\S+[ \t]+){0,3}?\S+)[ \t]+(?:ऐप|[Aa]pp)\b"
    ),
    # A line "Prabhat Khabar App :"
    regex.compile(rf"^[ \t]*(?P<name>{_NAME})[ \t]+App[ \t]*:?[ \t]*$", regex.MULTILINE),
    # "Source: ...", "स्रोत: ..."
    regex.compile(
        r"^[ \t]*(?:Source|Courtesy|स्रोत)[ \t]*:[ \t]*(?P<name>[^\n,;|]{2,60}?)[ \t]*$",
        regex.MULTILINE | regex.IGNORECASE,
    ),
    # News agencies in a dateline: "(PTI)", "(भाषा)"
    regex.compile(r"\((?P<name>PTI|IANS|ANI|UNI|Reuters|AFP|AP|भाषा|वार्ता)\)"),
]


def infer_source(text: str) -> Optional[str]:
    """The outlet an article names itself by (``By Prabhat Khabar Digital Desk`` ->
    ``Prabhat Khabar``; ``डाउनलोड करें ईटीवी भारत ऐप`` -> ``ईटीवी भारत``), else None."""
    for pat in _SOURCE_PATTERNS:
        for lo, hi in _regions(text):
            m = pat.search(text, lo, hi)
            if m:
                name = m.group("name").strip(" \t.:-")
                if name:
                    return name
    return None


HEAD, TAIL = 4000, 3000


def _regions(text: str) -> "list[Tuple[int, int]]":
    """Where a header or footer can be: the first ``HEAD`` and last ``TAIL`` characters
    (the whole text when it is short). Keeps the cost per article bounded."""
    n = len(text)
    if n <= HEAD + TAIL:
        return [(0, n)]
    return [(0, HEAD), (n - TAIL, n)]


_LABEL_RE = regex.compile(
    "^[ \t]*(?:"
    + "|".join(f"(?P<{n}>{p})" for n, p in DATE_LABELS)
    + r")(?![\w])[ \t]*[:：\-–]?[ \t]*",
    regex.MULTILINE | regex.IGNORECASE,
)
_FULL_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")
_WINDOW = 40


def is_full_date(value: Optional[str]) -> bool:
    return bool(value) and bool(_FULL_DATE.match(value))  # type: ignore[arg-type]


def _label_matches(text: str, lo: int, hi: int) -> "list[Any]":
    """The matches of ``_LABEL_RE`` in ``text[lo:hi]``, as ``finditer`` finds them.

    A label opens its line, so the pattern is tried at line starts only: ``finditer``
    tries every position, 8x slower on articles with no label (nearly all)."""
    match = _LABEL_RE.match
    out = []
    pos = lo
    while pos < hi:
        m = match(text, pos, hi)
        if m is not None:
            out.append(m)
        nl = text.find("\n", pos, hi)
        if nl < 0:
            break
        pos = nl + 1
    return out


def infer_published(text: str, spans: Sequence[Any]) -> Optional[Tuple[str, Any]]:
    """The publication date from a header line (``Published : Jan 11, 2022, 11:27 AM IST``,
    ``date 2022-01-10``, ``Updated Date ...``): the first full date or date-time span
    right after the label. ``spans`` are the text's spans, sorted by ``start``.
    Returns ``(iso_value, span)`` or None. ``published`` labels win over ``date``
    labels, which win over ``updated`` ones."""
    found = {}
    matches = [m for lo, hi in _regions(text) for m in _label_matches(text, lo, hi)]
    if not matches:  # (nearly every text: its spans' starts are not read)
        return None
    starts = [s.start for s in spans]
    for m in matches:
        label = m.lastgroup
        if label in found:
            continue
        line_end = text.find("\n", m.end())
        limit = min(m.end() + _WINDOW, line_end if line_end >= 0 else len(text))
        i = bisect_left(starts, m.end())
        while i < len(spans) and spans[i].start < limit:
            sp = spans[i]
            if sp.kind in ("date", "datetime") and is_full_date(sp.value):
                found[label] = (sp.value, sp)
                break
            i += 1
    for label, _ in DATE_LABELS:
        if label in found:
            return found[label]
    return None
