"""Near-duplicate detection: result classes and the functions that return them.

The work happens in Rust (:mod:`asimtext._core`); this module only wraps raw
tuples into documented, picklable result objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from asimtext import _core

#: Texts after it in an LSH bucket each text is compared with (see :func:`near_duplicates`).
BUCKET_WINDOW = 16

__all__ = ["BUCKET_WINDOW", "NearDuplicates", "Passage", "near_duplicates", "shared_passages"]


@dataclass(frozen=True)
class NearDuplicates:
    """Result of :func:`near_duplicates`.

    Attributes:
        pairs: ``(i, j, estimated, exact)`` tuples with ``i < j`` (indices into
            the input), sorted by ``(i, j)``; ``estimated`` is the MinHash
            estimate, ``exact`` the exact Jaccard similarity of the shingle sets.
        clusters: connected components of the pairs, each a sorted list of
            indices, listed by their smallest member.
        params: the ``(bands, rows)`` of the LSH used to find candidates.
        candidates: how many candidate pairs the LSH produced before verification.
        capped_buckets: how many LSH buckets (one per band and band value) held
            more than ``BUCKET_WINDOW + 1`` texts; in those, each text was
            compared only with the ``BUCKET_WINDOW`` (16) texts after it in
            the bucket (by index), so not every pair of the bucket is listed.
            0 means every pair that shares a bucket was verified.
    """

    pairs: list[tuple[int, int, float, float]] = field(default_factory=list)
    clusters: list[list[int]] = field(default_factory=list)
    params: tuple[int, int] = (0, 0)
    candidates: int = 0
    capped_buckets: int = 0

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[tuple[int, int, float, float]]:
        return iter(self.pairs)

    def __repr__(self) -> str:
        return (
            f"NearDuplicates({len(self.pairs)} pairs, {len(self.clusters)} clusters, "
            f"params={self.params}, candidates={self.candidates}"
            + (f", capped_buckets={self.capped_buckets})" if self.capped_buckets else ")")
        )


@dataclass(frozen=True)
class Passage:
    """A stretch of text two articles share.

    ``a[a_start:a_end]`` and ``b[b_start:b_end]`` (Python ``str`` indices into
    the ORIGINAL strings) hold the same ``words`` match-key tokens; they may
    differ in punctuation, spacing, case and the other folds of the match key.
    ``text`` is the passage as it appears in ``a``, ``b_text`` as in ``b``.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    words: int
    text: str
    b_text: str

    def __repr__(self) -> str:
        t = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return (
            f"Passage(a={self.a_start}:{self.a_end}, b={self.b_start}:{self.b_end}, "
            f"words={self.words}, text={t!r})"
        )


def near_duplicates(
    texts: Iterable[str],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    ngram: int = 5,
    unit: str = "word",
    seed: int = 1,
    params: tuple[int, int] | None = None,
) -> NearDuplicates:
    """Find the pairs of texts whose shingle sets have Jaccard similarity >= ``threshold``.

    Everything runs in Rust in parallel with the GIL released: match-key
    normalization, tokenization, shingling (``ngram`` words, or characters with
    ``unit="char"``), MinHash signatures (``num_perm``, ``seed``), LSH banding
    to find candidate pairs, and exact verification of every candidate with the
    Jaccard similarity of the two shingle sets (compared as 64-bit shingle
    hashes). Only pairs that pass verification are returned, so precision is 1.

    ``params=(bands, rows)`` overrides the LSH shape; by default it is chosen
    (as datasketch does) for ``max(threshold - 0.2, 0.05)`` with weights
    ``(0.2, 0.8)``, which trades a few more candidates for recall.

    Texts without tokens (empty, punctuation only) have no shingles and are
    never reported. Output is deterministic.

    Bounded on any input: a text is compared with at most ``BUCKET_WINDOW``
    (16) texts after it in each LSH bucket (the bucket's texts in index
    order). A group of ``m`` identical texts (or of ``m`` texts that share a
    bucket) thus gives at most ``16 * m`` candidates and pairs, not
    ``m * (m - 1) / 2``; consecutive members are still paired, so identical
    texts still form one cluster. ``capped_buckets`` counts the buckets where
    this left pairs out (0 on ordinary corpora: every candidate was verified).

    Raises:
        TypeError: an item of ``texts`` is not a ``str`` (the message names ``texts[i]``).
        ValueError: a lone surrogate, or ``threshold``/``num_perm``/``ngram``/``params``
            out of range.
    """
    pairs, clusters, used, candidates, capped = _core._near_duplicates(
        texts, threshold, num_perm, ngram, unit, seed, params
    )
    return NearDuplicates(
        pairs=pairs, clusters=clusters, params=tuple(used), candidates=candidates, capped_buckets=capped
    )


def shared_passages(a: str, b: str, *, min_words: int = 8) -> list[Passage]:
    """The passages (at least ``min_words`` match-key tokens long) that ``a`` and ``b`` share.

    Both texts are normalized to the match key and tokenized. ``a`` is parsed
    left to right: at each token, the longest run of tokens starting there
    that also occurs in ``b`` is taken, at its leftmost occurrence in ``b``;
    a run of at least ``min_words`` tokens is a passage and the parse goes on
    after it, a shorter one is skipped by one token. Offsets are mapped back
    to each original string.

    The answer is bounded by ``a`` whatever the texts repeat: each token of
    ``a`` is in at most one passage (at most ``len(tokens(a)) // min_words``
    passages), a stretch repeated in ``a`` is found at each occurrence in
    ``a`` and a stretch repeated in ``b`` only at its leftmost occurrence.
    Time and memory are linear in the two texts. Sorted by ``a_start``.
    """
    raw = _core._shared_passages(a, b, min_words)
    return [Passage(s, e, bs, be, w, a[s:e], b[bs:be]) for (s, e, bs, be, w) in raw]
