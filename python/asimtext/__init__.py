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
    Span,
    __version__,
    extract,
    extract_batch,
    jaccard,
    normalize,
    normalize_batch,
    normalize_with_offsets,
    overlap,
    xscript_is_stopword,
    xscript_key,
    xscript_keys,
    xscript_keys_batch,
    xscript_romanize,
    xscript_tokens,
)
from asimtext._core import SPAN_KINDS as _core_span_kinds
from asimtext.dedup import NearDuplicates, Passage, near_duplicates, shared_passages

#: The span kinds of :func:`extract`, most specific first (the tie-break order);
#: defined once, by the core's ``Kind``.
SPAN_KINDS = _core_span_kinds

__all__ = [
    "LSH",
    "SPAN_KINDS",
    "CorruptFileError",
    "MinHasher",
    "NearDuplicates",
    "Passage",
    "Span",
    "__version__",
    "extract",
    "extract_batch",
    "jaccard",
    "near_duplicates",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
    "overlap",
    "shared_passages",
    "xscript_is_stopword",
    "xscript_key",
    "xscript_keys",
    "xscript_keys_batch",
    "xscript_romanize",
    "xscript_tokens",
]

# ---- the digest (issue 5): articles, loaders, the cross-source digest ----
from asimtext.article import Article  # noqa: E402
from asimtext.digest import (  # noqa: E402
    Digest,
    DigestParams,
    digest,  # noqa: E402  (the function shadows the sub-package name)
)
from asimtext.io import LoadError, LoadReport, load_articles  # noqa: E402

__all__ += ["Article", "Digest", "DigestParams", "LoadError", "LoadReport", "digest", "load_articles"]

# ---- batch processing of dumps (issue 6): the streaming near-duplicate index ----
from asimtext._core import StreamDedup  # noqa: E402

__all__ += ["StreamDedup"]

# ---- errors: one base for every error raised on purpose ----
from asimtext.errors import (  # noqa: E402
    ArgumentError,
    ArgumentTypeError,
    AsimtextError,
    ComputeError,
    InputError,
    MissingDependencyError,
    MissingFileError,
    MissingKeyError,
    OutOfRangeError,
)

__all__ += [
    "ArgumentError",
    "ArgumentTypeError",
    "AsimtextError",
    "ComputeError",
    "InputError",
    "MissingDependencyError",
    "MissingFileError",
    "MissingKeyError",
    "OutOfRangeError",
]
# ---- a deduplicated dump (issue 20): one record kept per cluster ----
from asimtext.dedup_keep import DedupRecords, dedup_records  # noqa: E402

__all__ += ["DedupRecords", "dedup_records"]
