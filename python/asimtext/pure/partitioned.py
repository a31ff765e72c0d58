"""Deprecated import path: this module moved to ``asimtext.pure.dedup.partitioned``."""

from asimtext._moved import alias

alias(__name__, "asimtext.pure.dedup.partitioned")
