"""asimtext: fast, correct processing of Hindi, English and mixed Indian news text.

Four capabilities, each in Rust with a pure-Python twin in :mod:`asimtext.pure`:

* normalization of Devanagari text with an offset map (:func:`normalize`),
* near-duplicate detection (:class:`MinHasher`, :class:`LSH`, :func:`near_duplicates`),
* date, time and number span extraction (:func:`extract`),
* the cross-source digest (:func:`digest`).
"""

from asimtext._core import (
    CorruptFileError,
    __version__,
    normalize,
    normalize_batch,
    normalize_with_offsets,
)

__all__ = [
    "CorruptFileError",
    "__version__",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
]

# ---- span extraction: dates, times, numbers (issue 4) ----
from asimtext._core import Span, extract, extract_batch

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
__all__ += ["SPAN_KINDS", "Span", "extract", "extract_batch"]
