"""A deduplicated dump: one record kept per cluster of near-duplicates.

:func:`dedup_records` (Python objects, DataFrames, Arrow tables) and
:func:`dedup_keep_dump` (``asimtext dedup DUMP --keep ... -o OUT``) share the
rules here:

* texts are compared as :class:`asimtext.StreamDedup` compares them (exact
  Jaccard similarity of the word 5-shingle sets, candidates from MinHash LSH);
  a cluster is a connected component of the pairs at or above the threshold;
* each cluster keeps one record, chosen by ``keep``:

  - ``first``: the first in input order;
  - ``longest``: the longest text (in code points), the first among equals;
  - ``earliest``: the earliest ``published`` date-time, the first among
    equals; records without a date come after every dated one;

* surviving records are written whole (every field as given, ids keep their
  type) in input order; each dropped record is reported with the record it
  duplicates (the one its cluster kept), the Jaccard similarity of the two,
  and its most similar record among its verified pairs (``nearest``: in a
  chain A~B~C where A and C are below the threshold, C is dropped for A
  through B);
* records the reader skips (malformed JSON, missing or empty text, a
  duplicate id, ...) are never compared, never written, and reported like in
  the other batch commands (counted in ``skipped``).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from asimtext import _core
from asimtext.errors import ArgumentError  # noqa: E402
from asimtext.io import Record, iter_records, raw_records

__all__ = ["KEEP", "DedupRecords", "choose_kept", "dedup_keep_dump", "dedup_records"]

#: The ``keep`` policies.
KEEP = ("first", "longest", "earliest")

_CHUNK = 2048


def _date_key(published: Optional[str]) -> Tuple[int, float]:
    """Sort key of a ``published`` value: dated records first, by instant
    (a date alone is its midnight; a naive date-time is taken as UTC)."""
    if not published:
        return (1, 0.0)
    try:
        d = _dt.datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        try:
            d = _dt.datetime.fromisoformat(published[:10])
        except ValueError:
            return (1, 0.0)
    if d.tzinfo is None:
        d = d.replace(tzinfo=_dt.timezone.utc)
    return (0, d.timestamp())


def choose_kept(
    labels: Sequence[int], keep: str, lengths: Sequence[int], published: Sequence[Optional[str]]
) -> List[int]:
    """The index of the record each cluster keeps, by cluster label."""
    if keep not in KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(KEEP)}, not {keep!r}")
    n_clusters = int(max(labels)) + 1 if len(labels) else 0
    best: List[int] = [-1] * n_clusters
    best_key: List[Any] = [None] * n_clusters
    for i, c in enumerate(labels):
        if keep == "first":
            key: Any = 0
        elif keep == "longest":
            key = -lengths[i]
        else:
            key = _date_key(published[i])
        # strictly better only: the first among equals stays
        if best[c] < 0 or key < best_key[c]:
            best[c], best_key[c] = i, key
    return best


@dataclass
class _Outcome:
    """What the index decided, by position among the compared records."""

    kept: np.ndarray  # bool per compared record
    removed: List[Dict[str, Any]]  # by compared index: duplicate_of, jaccard, nearest...
    clusters: int


def _decide(
    index: Any, keep: str, lengths: List[int], published: List[Optional[str]]
) -> Tuple[np.ndarray, List[Tuple[int, int, float, int, float]], int]:
    """Keep mask and, for each dropped record, (i, kept j, J(i, j), nearest, J)."""
    labels = index.labels().tolist()
    keepers = choose_kept(labels, keep, lengths, published)
    a, b, jac, _ = index.pairs()
    nearest: Dict[int, Tuple[float, int]] = {}
    for x, y, z in zip(a.tolist(), b.tolist(), jac.tolist()):
        for p, q in ((x, y), (y, x)):
            cur = nearest.get(p)
            # highest Jaccard; the earlier record among equals
            if cur is None or z > cur[0] or (z == cur[0] and q < cur[1]):
                nearest[p] = (z, q)
    mask = np.zeros(len(labels), dtype=bool)
    mask[keepers] = True
    drops = []
    for i, c in enumerate(labels):
        if mask[i]:
            continue
        k = keepers[c]
        jk = index.jaccard(i, k)
        # every member of a cluster of two or more has a verified pair
        nz, nq = nearest.get(i, (jk, k))
        drops.append((i, k, jk, nq, nz))
    return mask, drops, len(keepers)


def _new_index(threshold: float, num_perm: int, ngram: int, seed: int) -> Any:
    return _core.StreamDedup(threshold=threshold, num_perm=num_perm, ngram=ngram, seed=seed)


@dataclass
class DedupRecords:
    """The result of :func:`dedup_records`.

    ``kept``: the surviving records in input order, of the input's kind (a
    list of the same objects, a DataFrame with its index, an Arrow table);
    ``mask``: one bool per input record (True = kept); ``removed``: one dict
    per dropped duplicate (``index``, ``id``, ``duplicate_of`` and
    ``duplicate_of_index``, ``jaccard``, ``nearest``, ``nearest_jaccard``);
    ``skipped``: the records the reader could not compare (``Record`` objects
    with the reason), which are not in ``kept``; ``clusters``: clusters among
    the compared records.
    """

    kept: Any
    mask: List[bool]
    removed: List[Dict[str, Any]] = field(default_factory=list)
    skipped: List[Record] = field(default_factory=list)
    clusters: int = 0


def dedup_records(
    records: Any,
    *,
    keep: str = "first",
    threshold: float = 0.8,
    num_perm: int = 128,
    ngram: int = 5,
    seed: int = 1,
    text_field: str = "text",
    id_field: str = "id",
) -> DedupRecords:
    """Drop near-duplicate records, keeping one per cluster (see the module).

    ``records``: a list (or iterable) of dicts, :class:`asimtext.Article`
    objects or strings, a pandas DataFrame, or an Arrow table / record batch.

    >>> r = dedup_records(rows, keep="longest")            # doctest: +SKIP
    >>> len(r.kept), [d["duplicate_of"] for d in r.removed]  # doctest: +SKIP
    """
    if keep not in KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(KEEP)}, not {keep!r}")
    from asimtext.frames import is_table, table_rows

    table = records if is_table(records) else None
    items = list(table_rows(records)) if table is not None else list(records)
    index = _new_index(threshold, num_perm, ngram, seed)
    rows: List[int] = []  # input position of each compared record
    ids: List[str] = []
    lengths: List[int] = []
    published: List[Optional[str]] = []
    skipped: List[Record] = []
    texts: List[str] = []
    # (an iterator, so that a list of strings is read as texts, not as paths)
    for rec in iter_records(iter(items), text_field=text_field, id_field=id_field):
        pos = rec.line - 1  # "<objects>" records are numbered from 1
        if not rec.ok:
            skipped.append(rec)
            continue
        art = rec.article
        rows.append(pos)
        ids.append(art.id)
        lengths.append(len(art.text))
        published.append(art.published)
        texts.append(art.text)
        if len(texts) == _CHUNK:
            index.add(texts)
            texts = []
    if texts:
        index.add(texts)
    mask_c, drops, clusters = _decide(index, keep, lengths, published)
    mask = [False] * len(items)
    for c, pos in enumerate(rows):
        mask[pos] = bool(mask_c[c])
    removed = [
        {
            "index": rows[i],
            "id": _given_id(items[rows[i]], id_field, ids[i]),
            "duplicate_of": _given_id(items[rows[k]], id_field, ids[k]),
            "duplicate_of_index": rows[k],
            "jaccard": round(j, 6),
            "nearest": _given_id(items[rows[q]], id_field, ids[q]),
            "nearest_jaccard": round(qj, 6),
        }
        for i, k, j, q, qj in drops
    ]
    return DedupRecords(
        kept=_select(records if table is not None else items, mask),
        mask=mask,
        removed=removed,
        skipped=skipped,
        clusters=clusters,
    )


def _given_id(item: Any, id_field: str, fallback: str) -> Any:
    """The record's id as given (an int stays an int), else the reader's."""
    if isinstance(item, dict) and item.get(id_field) is not None:
        return item[id_field]
    return fallback


def _select(records: Any, mask: List[bool]) -> Any:
    """The kept rows, in the input's own kind."""
    mod = type(records).__module__.split(".", 1)[0]
    if mod == "pandas":
        return records[np.asarray(mask, dtype=bool)]
    if mod == "pyarrow":
        import pyarrow as pa

        return records.filter(pa.array(mask, type=pa.bool_()))
    return [r for r, m in zip(records, mask) if m]


# ---------------------------------------------------------------- dumps


def _json_default(v: Any) -> Any:
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return str(v)


class _RecordWriter:
    """Surviving records into JSON Lines (raw lines kept byte for byte) or
    Parquet (rows gathered, written at the end)."""

    def __init__(self, path: str) -> None:
        from asimtext.dumps import open_sink

        self.sink = open_sink(path)
        self.rows: List[dict] = []
        self.pending: List[bytes] = []

    def write(self, raw: Any) -> None:
        if self.sink.kind == "parquet":
            self.rows.append(json.loads(raw) if isinstance(raw, bytes) else raw)
            return
        if isinstance(raw, bytes):
            data = raw if raw.endswith(b"\n") else raw + b"\n"
        else:
            data = (json.dumps(raw, ensure_ascii=False, default=_json_default) + "\n").encode()
        self.pending.append(data)
        if len(self.pending) >= 1024:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.sink.write_lines(b"".join(self.pending))
            self.pending = []

    def close(self, ok: bool) -> None:
        if ok:
            if self.sink.kind == "parquet":
                if self.rows:
                    self.sink.write_table(_table(self.rows))
            else:
                self.flush()
        self.sink.close(ok)


def _table(rows: List[dict]) -> Any:
    """Rows as an Arrow table with every field any row has (in order of first
    appearance; missing ones null): ``from_pylist`` keeps the first row's only."""
    import pyarrow as pa

    names: Dict[str, None] = {}
    for r in rows:
        names.update(dict.fromkeys(r))
    return pa.table({k: pa.array([r.get(k) for r in rows]) for k in names})


@dataclass
class DedupKeepResult:
    """Counts of a :func:`dedup_keep_dump` run."""

    stats: Any
    kept: int = 0
    removed: int = 0
    clusters: int = 0


def dedup_keep_dump(
    paths: Sequence[str],
    output: str,
    *,
    keep: str = "first",
    removed_path: Optional[str] = None,
    threshold: float = 0.8,
    num_perm: int = 128,
    ngram: int = 5,
    seed: int = 1,
    text_field: str = "text",
    id_field: str = "id",
    **kw: Any,
) -> DedupKeepResult:
    """``asimtext dedup DUMP --keep KEEP -o OUT [--removed FILE]``.

    Two passes over the input: the first streams the texts into the index
    (memory: the index, plus an id, a length and a date per record); the
    second reads the records again and writes the survivors as they were
    read. Standard input cannot be read twice: it is refused.
    """
    from asimtext.dumps import BatchError, input_paths, run_pipeline

    if keep not in KEEP:
        raise BatchError(f"--keep must be one of {', '.join(KEEP)}, not {keep!r}")
    files = input_paths(paths)
    if "-" in files:
        raise BatchError("dedup --keep reads its input twice: give files, not standard input")
    try:
        index = _new_index(threshold, num_perm, ngram, seed)
    except (TypeError, ValueError) as e:
        raise BatchError(str(e)) from None
    writer = _RecordWriter(output)  # opened first: a bad output path fails at once
    ok = False
    try:
        locs: List[Tuple[str, Optional[int]]] = []
        ids: List[str] = []
        lengths: List[int] = []
        published: List[Optional[str]] = []

        def done(c: Any) -> None:
            locs.extend(c.locs)
            ids.extend(c.ids)
            lengths.extend(len(t) for t in c.texts)
            published.extend(c.published)

        stats = run_pipeline(files, index.add, on_done=done, text_field=text_field,
                             id_field=id_field, desc="dedup", utf8_texts=True, **kw)
        mask, drops, clusters = _decide(index, keep, lengths, published)
        kept = {locs[i] for i in np.flatnonzero(mask).tolist()}
        for path in files:
            for line, raw in raw_records(path):
                if (path, line) in kept:
                    writer.write(raw)
        if removed_path is not None:
            _write_removed(removed_path, drops, ids, locs)
        ok = True
    finally:
        writer.close(ok)
    return DedupKeepResult(stats=stats, kept=int(mask.sum()), removed=len(drops),
                           clusters=clusters)


def _where(loc: Tuple[str, Optional[int]]) -> str:
    return loc[0] if loc[1] is None else f"{loc[0]}:{loc[1]}"


def _write_removed(path: str, drops: list, ids: List[str], locs: list) -> None:
    from asimtext.dumps import BatchError, open_sink

    try:
        sink = open_sink(path)
    except BatchError:
        raise
    ok = False
    try:
        sink.write_rows([
            {
                "id": ids[i],
                "where": _where(locs[i]),
                "duplicate_of": ids[k],
                "duplicate_of_where": _where(locs[k]),
                "jaccard": round(j, 6),
                "nearest": ids[q],
                "nearest_jaccard": round(qj, 6),
            }
            for i, k, j, q, qj in drops
        ])
        ok = True
    finally:
        sink.close(ok)
