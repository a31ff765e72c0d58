"""Pure-Python baselines of asimtext's hot functions.

Each function here has the same behaviour as its Rust twin in :mod:`asimtext`
(the differential tests in ``tests/`` hold the two to it); they exist so that
users can measure what the Rust core buys them and check that the two agree.
"""

from asimtext.errors import (
    ArgumentError,
    ArgumentTypeError,
    AsimtextError,
    ComputeError,
    CorruptFileError,
    InputError,
    MissingDependencyError,
    MissingFileError,
    MissingKeyError,
    OutOfRangeError,
)
from asimtext.pure.dedup.lsh import LSH
from asimtext.pure.dedup.minhash import MinHasher, jaccard, near_duplicates, overlap
from asimtext.pure.dedup.passages import shared_passages
from asimtext.pure.dedup.stream import StreamDedup
from asimtext.pure.normalization import normalize, normalize_batch, normalize_with_offsets
from asimtext.pure.spans import KINDS as SPAN_KINDS
from asimtext.pure.spans import Span, extract, extract_batch
from asimtext.pure.xscript import is_stopword as xscript_is_stopword
from asimtext.pure.xscript import key as xscript_key
from asimtext.pure.xscript import keys as xscript_keys
from asimtext.pure.xscript import keys_batch as xscript_keys_batch
from asimtext.pure.xscript import romanize as xscript_romanize
from asimtext.pure.xscript import tokens as xscript_tokens

__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "AsimtextError",
    "ComputeError",
    "CorruptFileError",
    "InputError",
    "LSH",
    "MissingDependencyError",
    "MissingFileError",
    "MissingKeyError",
    "OutOfRangeError",
    "SPAN_KINDS",
    "StreamDedup",
    "MinHasher",
    "Span",
    "extract",
    "extract_batch",
    "jaccard",
    "near_duplicates",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
    "overlap",
    "xscript_is_stopword",
    "shared_passages",
    "xscript_key",
    "xscript_keys",
    "xscript_keys_batch",
    "xscript_romanize",
    "xscript_tokens",
]

#: Public names of :mod:`asimtext` with no pure twin, and why (held by tests/test_twins.py).
NOT_MIRRORED = {
    "Article": "a record type, not a hot function",
    "Digest": "the digest's result type; the digest is Python over the twin-able primitives",
    "DigestParams": "the digest's settings",
    "LoadError": "a loader error (asimtext.io), subclass of InputError",
    "LoadReport": "the loader's result type",
    "NearDuplicates": "near_duplicates' result type, shared by both implementations",
    "Passage": "shared_passages' result type, shared by both implementations",
    "__version__": "the package version",
    "digest": "Python code over the primitives; asimtext.digest(backend=...) runs it on the pure twin",
    "load_articles": "the loader, Python already",
    "DedupRecords": "dedup_records' result type",
    "dedup_records": "Python over StreamDedup, whose twin is asimtext.pure.dedup.stream.StreamDedup",
}

