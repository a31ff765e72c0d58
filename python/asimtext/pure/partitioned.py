"""Deprecated import path: this module moved to ``asimtext.pure.dedup.partitioned``.

Kept so that code importing ``asimtext.pure.partitioned`` goes on working; it is the very module
object of ``asimtext.pure.dedup.partitioned`` (private names included).
"""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

_warnings.warn(
    "asimtext.pure.partitioned moved to asimtext.pure.dedup.partitioned; import it from there",
    DeprecationWarning,
    stacklevel=2,
)
_sys.modules[__name__] = _importlib.import_module("asimtext.pure.dedup.partitioned")
