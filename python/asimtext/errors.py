"""The errors asimtext raises on purpose, all under one base.

Catch :class:`AsimtextError` to catch them all. Each kind also keeps the
built-in parent that code written before this module expects (an
``except ValueError`` around :func:`asimtext.normalize` still works).

This module imports nothing: the Rust bindings raise these very classes
(``pyo3::import_exception!`` in ``rust/py/src/errors.rs``), and the pure-Python
twin raises them too, so both implementations fail the same way.
"""

from __future__ import annotations

__all__ = [
    "AsimtextError",
    "ArgumentError",
    "ArgumentTypeError",
    "InputError",
    "CorruptFileError",
    "MissingFileError",
    "MissingDependencyError",
    "MissingKeyError",
    "OutOfRangeError",
    "ComputeError",
]


class AsimtextError(Exception):
    """Base of every error asimtext raises on purpose."""


class ArgumentError(AsimtextError, ValueError):
    """An argument has the right type but a value the call cannot take
    (a threshold above 1, an unknown form, a text with a lone surrogate...)."""


class ArgumentTypeError(AsimtextError, TypeError):
    """An argument is of the wrong type (a ``str`` where a list of texts is
    expected, ``None`` in a batch...). The message names the argument and index."""


class InputError(AsimtextError, ValueError):
    """A record of the input cannot be used (not UTF-8, no text field, bad JSON);
    the message names the file and line or the index."""


class CorruptFileError(AsimtextError, ValueError):
    """A file is not an asimtext file, has an unknown version, or is truncated or corrupt."""


class MissingFileError(AsimtextError, FileNotFoundError):
    """A path given as input does not exist."""


class MissingDependencyError(AsimtextError, ImportError):
    """An optional dependency (pyarrow, dask...) is needed for this call and is not installed."""


class MissingKeyError(AsimtextError, KeyError):
    """A key (an LSH entry, a record field, a DataFrame column) is not there."""


class OutOfRangeError(AsimtextError, IndexError):
    """An index names no item (a document number past the end of a
    :class:`asimtext.StreamDedup`); the message says the index and the size."""


class ComputeError(AsimtextError, RuntimeError):
    """A distributed computation did not give what the call needs (Dask passed no
    partition numbers, a fixed point was not reached); the message says which."""
