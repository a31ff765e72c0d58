"""Deprecated import path: this module moved to ``asimtext.pure.dedup.stream``."""

from asimtext._moved import alias

alias(__name__, "asimtext.pure.dedup.stream")
