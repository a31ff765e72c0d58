"""Deprecated import path: this module moved to ``asimtext.dumps``."""

from asimtext._moved import alias

alias(__name__, "asimtext.dumps")
