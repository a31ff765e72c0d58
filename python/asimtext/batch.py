"""Deprecated import path: this module moved to ``asimtext.dumps``.

Kept so that code importing ``asimtext.batch`` goes on working; it is the very module
object of ``asimtext.dumps`` (private names included).
"""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

_warnings.warn(
    "asimtext.batch moved to asimtext.dumps; import it from there",
    DeprecationWarning,
    stacklevel=2,
)
_sys.modules[__name__] = _importlib.import_module("asimtext.dumps")
