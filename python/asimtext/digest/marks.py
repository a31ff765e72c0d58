"""The stops of a sentence, found once for all its values.

The clause of a value runs from the last stop before it to the first stop after it
(:func:`asimtext.digest.measures.find_measure`, :func:`asimtext.digest.scope.place_of`).
Found per value, each bound is a regular-expression search over the sentence; a
sentence states 1.6 values on average in news, and the search before a value
backtracks over everything between the value and the stop. :class:`Marks` finds a
pattern's matches in a sentence once; each value's bounds are then a bisection,
the same offsets the per-value search gives (``tests/test_digest_marks.py``).

A pattern fit for this: a match never starts inside another one (a stop is one
character or a word without stop characters inside it), and no match is longer than
``ZONE - 1`` characters. The one place where a search that stops at the value sees
something other than a search over the whole sentence is its last few characters
(a look-ahead, or ``\\b``, at the value's first character sees the end of the
searched text): those ``ZONE`` characters are searched as before.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, List, Optional

__all__ = ["Marks", "ZONE"]

#: Characters before a position searched directly: more than the longest match.
ZONE = 8


class Marks:
    """The matches of ``pattern`` in ``text[lo:hi]`` (a sentence): where each starts
    and ends."""

    __slots__ = ("lo", "hi", "starts", "ends")

    def __init__(self, pattern: Any, text: str, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi
        self.starts: List[int] = []
        self.ends: List[int] = []
        for m in pattern.finditer(text, lo, hi):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def last_end(self, last: Any, text: str, pos: int) -> Optional[int]:
        """``last.match(text, lo, pos).end()`` (None where it finds nothing), ``last``
        being ``(?s:.*)(?:pattern)``: the end of the last match before ``pos``."""
        z = max(self.lo, pos - ZONE)
        m = last.match(text, z, pos)
        if m is not None:
            return m.end()
        if z == self.lo:
            return None
        k = bisect_left(self.starts, z) - 1
        return self.ends[k] if k >= 0 else None

    def next_start(self, pos: int) -> Optional[int]:
        """``pattern.search(text, pos, hi).start()`` (None where it finds nothing)."""
        k = bisect_left(self.starts, pos)
        return self.starts[k] if k < len(self.starts) else None
