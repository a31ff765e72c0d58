"""Pure-Python twin of :func:`asimtext.shared_passages`.

Same definition as the Rust core (``rust/core/src/dedup/passages.rs``), the
differential tests hold the two to identical output:

* both texts are normalized to the match key (with the offset map) and cut
  into tokens as :mod:`asimtext.pure.dedup.minhash` does;
* ``a`` is parsed left to right: at token ``i``, take the longest run
  ``a[i:i+l]`` of tokens that also occurs in ``b``, at its leftmost
  occurrence ``j``; if ``l >= min_words`` it is a passage and the parse goes on
  at ``i + l``, otherwise at ``i + 1``.

So every token of ``a`` is in at most one passage and the answer has at most
``len(tokens(a)) // min_words`` passages, whatever the texts repeat. The
longest runs come from a suffix automaton of ``b``'s reversed tokens (linear
time and memory).
"""

from __future__ import annotations

from asimtext.dedup_results import Passage
from asimtext.errors import ArgumentError, ArgumentTypeError
from asimtext.pure.dedup.minhash import IGNORABLE, check_text, is_token_char
from asimtext.pure.normalization import normalize_items

__all__ = ["greedy_runs", "matching_statistics", "shared_passages", "token_spans"]


def token_spans(text: str, items: list | None = None) -> tuple[list[str], list[tuple[int, int]]]:
    """Match-key tokens of ``text`` and the ``[start, end)`` each covers in ``text``
    (``items``: its match key as ``normalize_items`` gives it, if already made).

    A token's range runs from the start of the input of its first code point
    to the end of the input of its last one (ends kept non-decreasing, as the
    core's offset map keeps them).
    """
    if items is None:
        items = normalize_items(text, "match", False, False, False, False, "strict")
    ends: list[int] = []
    top = 0
    for it in items:
        top = max(top, it[2])
        ends.append(top)
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    cur: list[str] = []
    first = last = 0
    for k, it in enumerate(items):
        c = it[0]
        if is_token_char(c):
            if not cur:
                first = k
            cur.append(c)
            last = k
        elif c in IGNORABLE and cur:
            continue
        elif cur:
            tokens.append("".join(cur))
            spans.append((items[first][1], ends[last]))
            cur = []
    if cur:
        tokens.append("".join(cur))
        spans.append((items[first][1], ends[last]))
    return tokens, spans


def matching_statistics(a: list, b: list) -> list[tuple[int, int]]:
    """For each position ``i`` of ``a``: ``(l, j)``, the longest ``a[i:i+l]`` found in
    ``b`` and the start of its leftmost occurrence (``(0, 0)`` if ``a[i]`` is not in ``b``)."""
    s = b[::-1]
    length, link, last_end, nxt = [0], [-1], [-1], [{}]
    last = 0
    for pos, c in enumerate(s):
        cur = len(length)
        length.append(length[last] + 1)
        link.append(-1)
        last_end.append(pos)
        nxt.append({})
        p = last
        while p != -1 and c not in nxt[p]:
            nxt[p][c] = cur
            p = link[p]
        if p == -1:
            link[cur] = 0
        else:
            q = nxt[p][c]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                length.append(length[p] + 1)
                link.append(link[q])
                last_end.append(-1)
                nxt.append(dict(nxt[q]))
                while p != -1 and nxt[p].get(c) == q:
                    nxt[p][c] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    # The largest end position of a state's strings: that of its longest prefix below.
    for v in sorted(range(len(length)), key=lambda v: -length[v]):
        if link[v] != -1 and last_end[v] > last_end[link[v]]:
            last_end[link[v]] = last_end[v]
    m = len(b)
    out = [(0, 0)] * len(a)
    v = ln = 0
    for i in range(len(a) - 1, -1, -1):
        c = a[i]
        while True:
            if c in nxt[v]:
                v = nxt[v][c]
                ln += 1
                break
            if v == 0:
                ln = 0
                break
            v = link[v]
            ln = length[v]
        if ln:
            out[i] = (ln, m - 1 - last_end[v])
    return out


def greedy_runs(a: list, b: list, min_words: int) -> list[tuple[int, int, int]]:
    """The passages as ``(i, j, length)`` token positions (see the module docstring)."""
    if len(a) < min_words or len(b) < min_words:
        return []
    ms = matching_statistics(a, b)
    out = []
    i = 0
    while i < len(a):
        ln, j = ms[i]
        if ln >= min_words:
            out.append((i, j, ln))
            i += ln
        else:
            i += 1
    return out


def shared_passages(a: str, b: str, *, min_words: int = 8) -> list:
    """Pure-Python :func:`asimtext.shared_passages` (same passages, same offsets)."""
    check_text(a, "a")
    check_text(b, "b")
    if not isinstance(min_words, int):
        raise ArgumentTypeError(f"min_words must be int, not {type(min_words).__name__}")
    if not 1 <= min_words <= 2**32 - 1:
        raise ArgumentError(f"min_words must be between 1 and {2**32 - 1}, got {min_words}")
    ta, sa = token_spans(a)
    tb, sb = token_spans(b)
    out = []
    for i, j, n in greedy_runs(ta, tb, min_words):
        s, e = sa[i][0], sa[i + n - 1][1]
        bs, be = sb[j][0], sb[j + n - 1][1]
        out.append(Passage(s, e, bs, be, n, a[s:e], b[bs:be]))
    return out
