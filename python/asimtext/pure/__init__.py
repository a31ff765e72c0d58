"""Pure-Python baselines of asimtext's hot functions.

Each function here has the same behaviour as its Rust twin in :mod:`asimtext`
(the differential tests in ``tests/`` hold the two to it); they exist so that
users can measure what the Rust core buys them and check that the two agree.
"""

from asimtext.pure.spans import Span, extract, extract_batch

__all__ = ["Span", "extract", "extract_batch"]
