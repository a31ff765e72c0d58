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
    # cross-script matching key (Devanagari / Latin names and acronyms)
    xscript_is_stopword,
    xscript_key,
    xscript_keys,
    xscript_keys_batch,
    xscript_romanize,
    xscript_tokens,
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
    "xscript_is_stopword",
    "xscript_key",
    "xscript_keys",
    "xscript_keys_batch",
    "xscript_romanize",
    "xscript_tokens",
    "overlap",
    "shared_passages",
]
