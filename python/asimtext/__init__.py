"""asimtext: fast, correct processing of Hindi, English and mixed Indian news text.

Four capabilities, each in Rust with a pure-Python twin in :mod:`asimtext.pure`:

* normalization of Devanagari text with an offset map (:func:`normalize`),
* near-duplicate detection (:class:`MinHasher`, :class:`LSH`, :func:`near_duplicates`),
* date, time and number span extraction (:func:`extract`),
* the cross-source digest (:func:`digest`).
"""

from asimtext._core import (
    LSH,
    CorruptFileError,
    MinHasher,
    __version__,
    jaccard,
    normalize,
    normalize_batch,
    normalize_with_offsets,
    overlap,
)
from asimtext.dedup import NearDuplicates, Passage, near_duplicates, shared_passages

__all__ = [
    "LSH",
    "CorruptFileError",
    "MinHasher",
    "NearDuplicates",
    "Passage",
    "__version__",
    "jaccard",
    "near_duplicates",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
    "overlap",
    "shared_passages",
]
