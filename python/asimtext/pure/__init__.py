"""Pure-Python baselines of asimtext's hot functions.

Each function here has the same behaviour as its Rust twin in :mod:`asimtext`
(the differential tests in ``tests/`` hold the two to it); they exist so that
users can measure what the Rust core buys them and check that the two agree.
"""

from asimtext.pure.minhash import MinHasher, jaccard, near_duplicates, overlap
from asimtext.pure.normalization import normalize, normalize_batch, normalize_with_offsets
from asimtext.pure.passages import shared_passages
from asimtext.pure.spans import Span, extract, extract_batch
from asimtext.pure.xscript import key as xscript_key
from asimtext.pure.xscript import keys as xscript_keys

__all__ = [
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
    "shared_passages",
    "xscript_key",
    "xscript_keys",
]
