"""Pure-Python twin of the Rust core's sentence batch (``asimtext._core._sentences_batch``):
the sentence around every value of a batch of texts, by
:meth:`asimtext.digest.text.Sentences.around` one value at a time."""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from asimtext.digest.scope import places_in
from asimtext.digest.text import Sentences
from asimtext.errors import ArgumentError
from asimtext.pure.gazetteer import gazetteer_find

__all__ = ["sentences_batch", "places_batch"]


def sentences_batch(texts: Sequence[str], spans: Sequence[Sequence[Tuple[int, int]]]
                    ) -> List[Tuple[List[int], List[Tuple[int, int, str]]]]:
    """See :func:`asimtext.digest.text.sentences_batch`."""
    if len(texts) != len(spans):
        raise ArgumentError(f"{len(texts)} texts, {len(spans)} lists of spans (one per text)")
    out = []
    for i, (text, row) in enumerate(zip(texts, spans)):
        for j, (s, e) in enumerate(row):
            if not 0 <= s <= e <= len(text):
                raise ArgumentError(f"spans[{i}][{j}]: need 0 <= start <= end <= "
                                    f"len(texts[{i}]) = {len(text)}, got {(s, e)}")
        sents = Sentences(text)
        seen: Dict[Tuple[int, int, str], int] = {}
        which = [seen.setdefault(sents.sentence(s, e), len(seen)) for s, e in row]
        out.append((which, list(seen)))
    return out


def places_batch(texts: Sequence[str], spans: Sequence[Sequence[Tuple[int, int]]]
                 ) -> List[List[List[Tuple[int, int, str]]]]:
    """Per text and stretch ``(start, end)``, its gazetteer names with offsets in the
    text (:func:`asimtext.digest.scope.places_in` over the pure gazetteer)."""
    if len(texts) != len(spans):
        raise ArgumentError(f"{len(texts)} texts, {len(spans)} lists of spans (one per text)")
    out = []
    for i, (text, row) in enumerate(zip(texts, spans)):
        for j, (s, e) in enumerate(row):
            if not 0 <= s <= e <= len(text):
                raise ArgumentError(f"spans[{i}][{j}]: need 0 <= start <= end <= "
                                    f"len(texts[{i}]) = {len(text)}, got {(s, e)}")
        out.append([places_in(gazetteer_find, text, s, e) for s, e in row])
    return out
