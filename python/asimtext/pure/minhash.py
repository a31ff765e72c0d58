"""Deprecated import path: this module moved to ``asimtext.pure.dedup.minhash``."""

from asimtext._moved import alias

alias(__name__, "asimtext.pure.dedup.minhash")
