"""Pure-Python twin of the Rust core's measure batch (``asimtext._core._measure_batch``):
the measure, count and bound of every value of a batch of texts, read by the word
rules of :mod:`asimtext.digest.measures` one value at a time."""

from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

from asimtext.digest.measures import Answer, Batch, MeasureTuple, bound_of, find_measure, is_count_context, neighbours
from asimtext.errors import ArgumentError

__all__ = ["measure_batch"]


def measure_batch(texts: Sequence[str], numbers: Sequence[Sequence[Tuple[int, int]]],
                  queries: Sequence[Sequence[Tuple[int, int, int, int, bool]]]
                  ) -> Batch:
    """See :func:`asimtext.digest.measures.measure_batch`."""
    if not (len(texts) == len(numbers) == len(queries)):
        raise ArgumentError(f"{len(texts)} texts, {len(numbers)} lists of numbers, "
                            f"{len(queries)} lists of queries (one of each per text)")
    out: List[List[Answer]] = []
    seen: Dict[MeasureTuple, int] = {}
    for i, (text, nums, qs) in enumerate(zip(texts, numbers, queries)):
        nums = [tuple(x) for x in nums]
        if any(not 0 <= s <= e for s, e in nums):
            raise ArgumentError(f"numbers[{i}]: need 0 <= start <= end")
        if nums != sorted(nums):
            raise ArgumentError(f"numbers[{i}] must be sorted")
        starts = [s for s, _e in nums]
        row: List[Answer] = []
        for j, (start, end, ss, se, year) in enumerate(qs):
            if not 0 <= ss <= start <= end <= se <= len(text):
                raise ArgumentError(
                    f"queries[{i}][{j}]: need 0 <= sentence_start <= start <= end <= "
                    f"sentence_end <= len(texts[{i}]) = {len(text)}, got {(start, end, ss, se)}")
            count = bool(year) and is_count_context(text, start, end, ss, se)
            if year and not count:
                row.append((False, None, None))
                continue
            m = find_measure(text, start, end, ss, se,
                             neighbours(nums, starts, start, end, ss, se))
            if m is None:
                row.append((count, None, None))
                continue
            at = seen.setdefault((m.key, m.qualifiers, m.index, m.words[0]), len(seen))
            row.append((count, at, bound_of(text, start, end, ss)))
        out.append(row)
    return out, list(seen)
