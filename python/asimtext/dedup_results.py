"""The result types of near-duplicate detection, shared by both implementations.

:func:`asimtext.near_duplicates` and its pure twin return the same
:class:`NearDuplicates`, :func:`asimtext.shared_passages` and its twin the same
:class:`Passage`. Like :mod:`asimtext.errors`, this module imports nothing of
the package, so the pure twin (:mod:`asimtext.pure`) needs no extension. Both
are re-exported from :mod:`asimtext.dedup` (their documented home).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["NearDuplicates", "Passage"]


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
