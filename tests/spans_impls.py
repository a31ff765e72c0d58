"""Both span extractors, for tests that hold them to the same expectations (each
test module makes ``IMPLS`` its ``extract`` fixture)."""

from __future__ import annotations

import asimtext
from asimtext.pure import spans as pure

IMPLS = {"rust": asimtext.extract, "pure": pure.extract}


def triples(extract, text, **kw):
    """``(text, kind, value)`` of each span, after checking its offsets."""
    spans = extract(text, **kw)
    for s in spans:
        assert text[s.start : s.end] == s.text
    return [(s.text, s.kind, s.value) for s in spans]
