"""Pure-Python twin of ``asimtext._core._context_keys_batch`` (``rust/core/src/prepare``).

The context words of the values of a text, the text keyed once: the windows of
its values (``reach`` characters on each side, inside the sentence) are merged
where they overlap, each merged stretch is keyed once, and each value reads the
keys of the ``width`` content words on each side of it by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, List, Optional, Sequence, Tuple

__all__ = ["context_keys", "context_keys_batch"]

Value = Tuple[int, int, int, int]  # sentence start, sentence end, start, end
Keys = Callable[..., Sequence[Tuple[int, int, str]]]


def _window(v: Value, reach: int, n: int) -> Tuple[int, int]:
    ss, se, start, end = v
    lo = min(max(ss, start - reach, 0), n)
    hi = max(min(se, end + reach, n), lo)
    return lo, hi


def _stretches(windows: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    out: List[Tuple[int, int]] = []
    for lo, hi in sorted(w for w in windows if w[0] < w[1]):
        if out and lo < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _default_keys() -> Keys:
    from asimtext.pure.xscript import keys

    return keys


def context_keys(text: str, values: Sequence[Value], width: int, reach: int,
                 keys: Optional[Keys] = None) -> List[List[str]]:
    """For each value ``(sentence_start, sentence_end, start, end)`` of ``text``, the
    sorted keys (2 characters or more, stop-words left out) of the ``width`` content
    words before it and the ``width`` after it, inside its window; a word that a
    window's edge cuts is left out. ``keys`` is ``xscript_keys`` (default: the pure one)."""
    if not values:
        return []
    keys = keys or _default_keys()
    n = len(text)
    windows = [_window(v, reach, n) for v in values]
    keyed: List[Tuple[int, int, str]] = []
    for a, b in _stretches(windows):
        keyed.extend((s + a, e + a, k) for s, e, k in keys(text[a:b], stopwords=False)
                     if len(k) >= 2)
    starts = [k[0] for k in keyed]
    out: List[List[str]] = []
    for (_ss, _se, start, end), (lo, hi) in zip(values, windows):
        got: List[str] = []
        i = bisect_left(starts, start) - 1
        while i >= 0 and len(got) < width and keyed[i][0] >= lo:
            s, e, k = keyed[i]
            if e <= hi and e <= start:
                got.append(k)
            i -= 1
        before = len(got)
        i = bisect_left(starts, end)
        while i < len(keyed) and len(got) - before < width and keyed[i][0] < hi:
            s, e, k = keyed[i]
            if lo <= s and e <= hi:
                got.append(k)
            i += 1
        out.append(sorted(set(got)))
    return out


def context_keys_batch(texts: Sequence[str], values: Sequence[Sequence[Value]], width: int,
                       reach: int, keys: Optional[Keys] = None) -> List[List[List[str]]]:
    """:func:`context_keys` of each text (``values[i]`` are the values of ``texts[i]``)."""
    from asimtext.errors import ArgumentError
    from asimtext.pure.dedup.minhash import check_text

    if len(texts) != len(values):
        raise ArgumentError(f"values: {len(values)} lists for {len(texts)} texts "
                            "(one list of values per text)")
    for i, (t, vs) in enumerate(zip(texts, values)):
        check_text(t, f"texts[{i}]")
        for j, v in enumerate(vs):
            if min(v) < 0:
                raise ArgumentError(f"values[{i}][{j}]: offsets must be >= 0, got {tuple(v)}")
    return [context_keys(t, vs, width, reach, keys) for t, vs in zip(texts, values)]
