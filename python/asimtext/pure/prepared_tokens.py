"""Pure-Python twin of ``rust/core/src/prepare/tokens.rs``: the match-key tokens
of a prepared text and what the digest's copy and conflict stages derive from
them (contract: docs/contracts/prepare.md).

A text's tokens are kept as their ``hash64`` (the hash word shingles are built
from), the span each covers in the original text, and whether it holds a letter
of the digest's word rule. Near-duplicates, MinHash signatures, the exact
overlap (of shingle HASH sets), shared passages (tokens compared by hash) and
sentence words are read from them; no text is normalized again.

A *document* of the copy stage is a list of ``(tokens, base)`` pieces: prepared
texts one after the other (a page split into units), ``base`` where each starts.
"""

from __future__ import annotations

from typing import List, NamedTuple, Optional, Sequence, Tuple

import regex

from asimtext.pure.dedup.minhash import (
    K2,
    M64,
    MinHasher,
    default_lsh_params,
    hash64,
    mum,
    near_duplicates_of_sketches,
)
from asimtext.pure.dedup.passages import matching_statistics, token_spans

__all__ = ["DocTokens", "doc_tokens", "context_words", "shingle_hashes", "signature", "overlap",
           "shared_passages", "near_duplicates", "words_in"]

#: A letter of the digest's word rule (``WORD_RE`` of :mod:`asimtext.digest.text`).
_LETTER = regex.compile("[\u0900-\u0963\u0971-\u097fA-Za-z]")

NGRAM = 5
NUM_PERM = 128


class DocTokens(NamedTuple):
    hashes: List[int]
    spans: List[Tuple[int, int]]
    lettered: List[bool]


def doc_tokens(text: str, items: Optional[list] = None) -> DocTokens:
    """The match-key tokens of ``text`` (one normalization; ``items``: its match key
    as ``normalize_items`` gives it, if already made)."""
    toks, spans = token_spans(text, items)
    return DocTokens([hash64(t.encode("utf-8")) for t in toks], spans,
                     [_LETTER.search(t) is not None for t in toks])


def _combine(pieces: Sequence[int]) -> int:
    h = 0
    for j, t in enumerate(pieces):
        r = j & 63
        h += ((t << r) | (t >> (64 - r))) & M64 if r else t
    return mum((h & M64) ^ len(pieces), K2)


def _hashes(doc: Sequence[Tuple[DocTokens, int]]) -> List[int]:
    return [h for t, _b in doc for h in t.hashes]


def shingle_hashes(doc: Sequence[Tuple[DocTokens, int]], ngram: int = NGRAM) -> List[int]:
    """The word shingle hashes of a document, in text order."""
    t = _hashes(doc)
    if not t:
        return []
    if len(t) < ngram:
        return [_combine(t)]
    return [_combine(t[i:i + ngram]) for i in range(len(t) - ngram + 1)]


def signature(hasher: MinHasher, doc: Sequence[Tuple[DocTokens, int]]) -> object:
    """The ``asim`` signature of a document."""
    return hasher.signature_from_hashes(shingle_hashes(doc, hasher.ngram))


def overlap(a: Sequence[int], b: Sequence[int]) -> Tuple[float, float]:
    """``(jaccard, containment)`` of two shingle hash sets."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return (0.0, 0.0)
    inter = len(sa & sb)
    return (inter / (len(sa) + len(sb) - inter), inter / min(len(sa), len(sb)))


def _tokens_of(doc: Sequence[Tuple[DocTokens, int]]) -> Tuple[List[int], List[Tuple[int, int]]]:
    return (_hashes(doc), [(s + b, e + b) for t, b in doc for s, e in t.spans])


def shared_passages(a: Sequence[Tuple[DocTokens, int]], b: Sequence[Tuple[DocTokens, int]],
                    min_words: int) -> List[Tuple[int, int, int, int, int]]:
    """``(a_start, a_end, b_start, b_end, words)`` of the passages two documents
    share: :func:`asimtext.shared_passages`'s parse over token hashes."""
    ha, sa = _tokens_of(a)
    hb, sb = _tokens_of(b)
    if len(ha) < min_words or len(hb) < min_words:
        return []
    ms = matching_statistics(ha, hb)
    out = []
    i = 0
    while i < len(ha):
        ln, j = ms[i]
        if ln >= min_words:
            out.append((sa[i][0], sa[i + ln - 1][1], sb[j][0], sb[j + ln - 1][1], ln))
            i += ln
        else:
            i += 1
    return out


def near_duplicates(docs: Sequence[Sequence[Tuple[DocTokens, int]]], threshold: float) -> list:
    """The pairs ``(i, j, estimated, exact)`` of :func:`asimtext.near_duplicates`
    (``threshold``, the other options their defaults) of the documents."""
    hasher = MinHasher(num_perm=NUM_PERM, ngram=NGRAM, unit="word", seed=1)
    sets, sigs = [], []
    for d in docs:
        hs = shingle_hashes(d, NGRAM)
        sets.append(sorted(set(hs)))
        sigs.append(hasher.signature_from_hashes(hs))
    bands, rows = default_lsh_params(threshold, NUM_PERM)
    return near_duplicates_of_sketches(sets, sigs, threshold, NUM_PERM, bands, rows).pairs


def words_in(t: DocTokens, ranges: Sequence[Tuple[int, int]]) -> List[List[int]]:
    """For each ``(a, b)``, the hashes of the lettered tokens wholly inside it."""
    out = []
    for a, b in ranges:
        out.append([h for h, (s, e), lt in zip(t.hashes, t.spans, t.lettered)
                    if a <= s and e <= b and lt])
    return out


def context_words(text: str, items: list) -> List[Tuple[int, int, str]]:
    """The content words of ``text`` from its match key ``items``: ``(start, end,
    key)`` of ``xscript_keys(text)``'s words whose key has 2 characters or more (the
    context words of values are read from them; the Rust batch keeps them as
    ``rust/core/src/prepare/context.rs`` says)."""
    from asimtext.pure.xscript import KIND_STOP, _scan

    return [(s, e, k) for s, e, k, kind in _scan(text, items) if kind != KIND_STOP and len(k) >= 2]
