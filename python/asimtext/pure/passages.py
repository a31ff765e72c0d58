"""Deprecated import path: this module moved to ``asimtext.pure.dedup.passages``.

Kept so that code importing ``asimtext.pure.passages`` goes on working; it is the very module
object of ``asimtext.pure.dedup.passages`` (private names included).
"""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

_warnings.warn(
    "asimtext.pure.passages moved to asimtext.pure.dedup.passages; import it from there",
    DeprecationWarning,
    stacklevel=2,
)
_sys.modules[__name__] = _importlib.import_module("asimtext.pure.dedup.passages")
