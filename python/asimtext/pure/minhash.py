"""Deprecated import path: this module moved to ``asimtext.pure.dedup.minhash``.

Kept so that code importing ``asimtext.pure.minhash`` goes on working; it is the very module
object of ``asimtext.pure.dedup.minhash`` (private names included).
"""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

_warnings.warn(
    "asimtext.pure.minhash moved to asimtext.pure.dedup.minhash; import it from there",
    DeprecationWarning,
    stacklevel=2,
)
_sys.modules[__name__] = _importlib.import_module("asimtext.pure.dedup.minhash")
