"""Deprecated import paths: one definition of what a moved module leaves behind."""

from __future__ import annotations

import importlib
import sys
import warnings


def alias(old: str, new: str) -> None:
    """Make module ``old`` the very module ``new`` (private names included), with a
    DeprecationWarning pointing at the caller's import."""
    warnings.warn(f"{old} moved to {new}; import it from there", DeprecationWarning, stacklevel=3)
    sys.modules[old] = importlib.import_module(new)
