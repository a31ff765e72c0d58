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
    # cross-script matching key (Devanagari / Latin names and acronyms)
    xscript_is_stopword,
    xscript_key,
    xscript_keys,
    xscript_keys_batch,
    xscript_romanize,
    xscript_tokens,
)

# The digest layer (issue 5): articles, loaders, the digest.
from asimtext.article import Article
from asimtext.io import LoadError, LoadReport, load_articles
from asimtext.digest import Digest, DigestParams
from asimtext.digest import digest  # noqa: E402  (the function shadows the sub-package name)

__all__ = [
    "Article",
    "Digest",
    "DigestParams",
    "LoadError",
    "LoadReport",
    "digest",
    "load_articles",
    "CorruptFileError",
    "__version__",
    "normalize",
    "normalize_batch",
    "normalize_with_offsets",
    "xscript_is_stopword",
    "xscript_key",
    "xscript_keys",
    "xscript_keys_batch",
    "xscript_romanize",
    "xscript_tokens",
]
