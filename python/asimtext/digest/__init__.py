"""The cross-source digest: stories, copies, corroborated facts, conflicts, timeline.

Contract: ``docs/contracts/digest.md``. A Python layer over the Rust capabilities
(spans, cross-script keys, near-duplicates, normalization); see
:func:`asimtext.digest.digest`.
"""

from asimtext.digest.backend import Backend, BackendUnavailable, default_backend
from asimtext.digest.core import DigestParams, digest
from asimtext.digest.model import SCHEMA, Digest
from asimtext.digest.stories import StoryParams

__all__ = [
    "SCHEMA",
    "Backend",
    "BackendUnavailable",
    "Digest",
    "DigestParams",
    "StoryParams",
    "default_backend",
    "digest",
]
