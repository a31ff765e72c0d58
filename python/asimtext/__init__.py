"""asimtext: fast, correct processing of Hindi, English and mixed Indian news text.

Four capabilities, each in Rust with a pure-Python twin in :mod:`asimtext.pure`:

* normalization of Devanagari text with an offset map (:func:`normalize`),
* near-duplicate detection (:class:`MinHasher`, :class:`LSH`, :func:`near_duplicates`),
* date, time and number span extraction (:func:`extract`),
* the cross-source digest (:func:`digest`).
"""

import copyreg as _copyreg
import importlib as _importlib
import sys as _sys
import types as _types
import typing as _typing

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
# Digest, DigestParams and digest are imported on first use (see __getattr__):
# the digest package and NumPy take most of the import time of the package,
# and the command line's dump commands need neither.
from asimtext.article import Article  # noqa: E402
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
# ---- a deduplicated dump (issue 20): one record kept per cluster (lazy: NumPy) ----
__all__ += ["DedupRecords", "dedup_records"]

# ---- names imported on first use (PEP 562) ----
#: name -> the module that defines it.
_LAZY = {
    "Digest": "asimtext.digest.model",
    "DigestParams": "asimtext.digest.core",
    "digest": "asimtext.digest.core",
    "DedupRecords": "asimtext.dedup_keep",
    "dedup_records": "asimtext.dedup_keep",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> _typing.List[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(_types.ModuleType):
    """The package's module type: ``asimtext.digest`` stays the function.

    Importing the sub-package ``asimtext.digest`` (``import asimtext.digest.model``,
    or a lazy name above) makes the import system bind the sub-package to the
    name ``digest`` here, after the sub-package has run; the function of the
    same name, which the sub-package exports, is bound instead (as the eager
    ``from asimtext.digest import digest`` of this module did before).
    """

    def __setattr__(self, name: str, value: _typing.Any) -> None:
        if name == "digest" and isinstance(value, _types.ModuleType):
            value = getattr(value, "digest", value)
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
# Pickled by name as any module is (cloudpickle, which dask uses, pickles the
# modules a function refers to by reference, but only of the exact module type).
_copyreg.pickle(_Package, lambda module: (_importlib.import_module, (module.__name__,)))
