"""What a number counts: its *measure*, from the words around it (the rules and
lexicons are :mod:`asimtext.pure.measures`: the pure twin of the Rust core's batch
holds them, and the Rust core takes its lexicons from there).

:func:`measure_batch` reads every value of a story batch in one call of the Rust
core (``rust/core/src/mentions.rs``, all cores, the GIL released) where the build
has it, else of its pure twin :func:`asimtext.pure.measures.measure_batch`.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence, Tuple

from asimtext.pure.measures import (  # noqa: F401  (this module's API)
    COUNT_CUES,
    GENERIC,
    INTRADAY,
    MEASURES,
    NEIGHBOURS,
    OUTCOMES,
    PERSONS,
    QUALIFIERS,
    Answer,
    Batch,
    Measure,
    MeasureTuple,
    bound_of,
    find_measure,
    is_count_context,
    measure_label,
    neighbours,
    rules_tables,
)
from asimtext.pure.measures import measure_batch as _pure_batch

__all__ = ["Measure", "find_measure", "bound_of", "is_count_context", "MEASURES", "QUALIFIERS",
           "COUNT_CUES", "measure_label", "INTRADAY", "NEIGHBOURS", "neighbours", "rules_tables",
           "measure_batch"]


def _pick_batch() -> Callable[..., Batch]:
    try:
        from asimtext._core import _measure_batch, _MeasureRules  # type: ignore[attr-defined]
    except ImportError:
        return _pure_batch
    rules = _MeasureRules(rules_tables())
    return lambda texts, numbers, queries: _measure_batch(rules, texts, numbers, queries)


def measure_batch(texts: Sequence[str], numbers: Sequence[Sequence[Tuple[int, int]]],
                  queries: Sequence[Sequence[Tuple[int, int, int, int, bool]]]
                  ) -> Batch:
    """Per text and value, ``(count, measure, bound)``: for a year-looking value
    (``is_year``), whether it is a count (:func:`is_count_context`); for a count,
    its measure (:func:`find_measure` with its :func:`neighbours` among
    ``numbers``) or None, and where it has one its :func:`bound_of`; with the
    batch's distinct measures as ``(key, qualifiers, index, word)``, which
    ``measure`` indexes. ``queries[i]``: ``(start, end, sentence_start,
    sentence_end, is_year)`` of the values of ``texts[i]``; ``numbers[i]`` its
    number spans, sorted. The Rust core's batch (all cores, the GIL released)
    where the build has it, else its pure twin
    :func:`asimtext.pure.measures.measure_batch`."""
    global _batch
    if _batch is None:
        _batch = _pick_batch()
    return _batch(texts, numbers, queries)


_batch: Optional[Callable[..., Batch]] = None
