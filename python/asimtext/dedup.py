"""Near-duplicate detection: result classes and the functions that return them.

The work happens in Rust (:mod:`asimtext._core`); this module only wraps raw
tuples into documented, picklable result objects.
"""

from __future__ import annotations

from collections.abc import Iterable

from asimtext import _core
from asimtext.dedup_results import NearDuplicates, Passage

#: Texts after it in an LSH bucket each text is compared with (see :func:`near_duplicates`);
#: defined once, by the core (``asimtext_core::dedup::cluster::BUCKET_WINDOW``).
BUCKET_WINDOW: int = _core.BUCKET_WINDOW

__all__ = ["BUCKET_WINDOW", "NearDuplicates", "Passage", "near_duplicates", "shared_passages"]


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


# ---- the partitioned search's stages (used by asimtext.dask; not in __all__) ----
# asimtext.dask cuts near_duplicates into distributed stages; these are the core's
# pieces it runs, so that only this wrapper module calls the extension's raw functions.


def lsh_shape(
    *, threshold: float, num_perm: int, ngram: int, unit: str, seed: int, params: tuple[int, int] | None
) -> tuple[int, int]:
    """The ``(bands, rows)`` :func:`near_duplicates` uses for these settings, after
    checking them exactly as it does (same errors, same messages)."""
    _core._near_duplicates([], threshold, num_perm, ngram, unit, seed, params)
    if params is None:
        bands, rows = _core._default_lsh_params(threshold, num_perm)
        return int(bands), int(rows)
    return int(params[0]), int(params[1])


def band_keys(hasher: _core.MinHasher, texts: list[str], bands: int, rows: int) -> tuple:
    """Every text's LSH band keys, as :func:`near_duplicates` computes them:
    ``(keys, nonempty)``, a ``uint64`` array of shape ``(len(texts), bands)`` and a
    boolean array (texts without shingles have no keys)."""
    return _core._band_keys(hasher, texts, bands, rows)


def verify_pairs(hasher: _core.MinHasher, texts: list[str], left, right) -> tuple:
    """The estimated and exact Jaccard similarity of each pair
    ``(texts[left[k]], texts[right[k]])``, as :func:`near_duplicates` verifies a
    candidate: ``(estimated, exact)``, two ``float64`` arrays."""
    return _core._verify_pairs(hasher, texts, left, right)
