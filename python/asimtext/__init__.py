"""asimtext: fast, correct processing of Hindi, English and mixed Indian news text.

Four capabilities, each in Rust with a pure-Python twin in :mod:`asimtext.pure`:

* normalization of Devanagari text with an offset map (:func:`normalize`),
* near-duplicate detection (:class:`MinHasher`, :class:`LSH`, :func:`near_duplicates`),
* date, time and number span extraction (:func:`extract`),
* the cross-source digest (:func:`digest`).
"""

from asimtext._core import (
    CorruptFileError,
    Span,
    __version__,
    extract,
    extract_batch,
    normalize,
    normalize_batch,
    normalize_with_offsets,
)

#: The span kinds of :func:`extract`, most specific first (the tie-break order).
SPAN_KINDS = (
    "datetime",
    "date",
    "time",
    "year",
    "weekday",
    "duration",
    "percent",
    "money",
    "ordinal",
    "number",
)

__all__ = [
    "CorruptFileError",
    "SPAN_KINDS",
    "Span",
    "__version__",
    "extract",
    "extract_batch",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
]
