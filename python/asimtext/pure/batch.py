"""Deprecated import path: this module moved to ``asimtext.pure.dedup.stream``.

Kept so that code importing ``asimtext.pure.batch`` goes on working; it is the very module
object of ``asimtext.pure.dedup.stream`` (private names included).
"""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

_warnings.warn(
    "asimtext.pure.batch moved to asimtext.pure.dedup.stream; import it from there",
    DeprecationWarning,
    stacklevel=2,
)
_sys.modules[__name__] = _importlib.import_module("asimtext.pure.dedup.stream")
