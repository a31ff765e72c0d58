"""Batch processing of article dumps: a streaming pipeline with exact accounting.

The ``asimtext normalize | spans | dedup | bench`` sub-commands are thin
wrappers over this module.

How a dump flows (:func:`run_pipeline`):

* a **reader thread** streams records (JSON Lines files parsed in Rust by
  :func:`asimtext.io.iter_jsonl_fast`, anything else by
  :func:`asimtext.io.iter_records`: ``.gz``, Parquet, folders of ``.txt``,
  standard input) and
  groups the good ones into chunks of ``chunk_size`` articles; bad records
  (malformed JSON, missing text field, not UTF-8, empty text, duplicate id)
  travel with their chunk so they are reported in input order;
* the **main thread** hands each chunk to one Rust batch call, which works on
  all cores with the GIL released (so the reader keeps parsing meanwhile);
* a **writer thread** serializes and writes the results (JSON Lines, gzip
  JSON Lines or Parquet, chosen by the output file's extension).

The queues between the stages are bounded, so memory is bounded by a few
chunks (plus, for ``dedup``, the index: see :class:`asimtext.StreamDedup`).
Every record read is either processed or skipped: ``read == processed + skipped``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import queue
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, List, Optional, Sequence

from asimtext import _core
from asimtext.errors import ArgumentError, AsimtextError
from asimtext.io import (
    LoadError,
    Record,
    _Validator,
    as_paths,
    expand_paths,
    is_fast_jsonl,
    iter_jsonl_fast,
    iter_path,
)

__all__ = [
    "BatchError",
    "Chunk",
    "Stats",
    "StreamDedup",
    "dedup_dump",
    "normalize_dump",
    "open_sink",
    "run_pipeline",
    "spans_dump",
]

#: The Rust streaming near-duplicate index (see the module documentation).
StreamDedup = _core.StreamDedup

DEFAULT_CHUNK = 2048
_QUEUE_DEPTH = 3
_SURROGATE_REASON = "text has a lone surrogate (not encodable as UTF-8)"
_SURROGATE_ID_REASON = "id has a lone surrogate (not encodable as UTF-8)"


class BatchError(AsimtextError):
    """A failure of the whole run, with a one-line message."""


@dataclass
class Chunk:
    """Good records (``ids``/``texts``) and the bad ones between them."""

    seq: int
    ids: List[str] = field(default_factory=list)
    texts: List[str] = field(default_factory=list)
    skipped: List[Record] = field(default_factory=list)
    #: ``(file, line)`` of each good record (to name it if the core rejects it).
    locs: List[tuple] = field(default_factory=list)
    #: ``published`` of each good record (``None`` when not given).
    published: List[Optional[str]] = field(default_factory=list)
    read: int = 0
    #: Input bytes consumed when the chunk was closed (cumulative).
    bytes_pos: int = 0


@dataclass
class Stats:
    """Counts of one run: ``read == processed + skipped`` always."""

    read: int = 0
    processed: int = 0
    skipped: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """``12 read, 10 processed, 2 skipped``."""
        return f"{self.read} read, {self.processed} processed, {self.skipped} skipped"


# ---------------------------------------------------------------- reading


def input_paths(paths: Sequence[str]) -> List[str]:
    """The files ``paths`` name or hold (a missing one fails here, before any work)."""
    try:
        return [f for f in expand_paths(as_paths(paths)) if isinstance(f, str)]
    except FileNotFoundError as e:
        raise BatchError(str(e).strip("'\"")) from None


def _total_bytes(files: Sequence[str]) -> Optional[int]:
    if any(f == "-" for f in files):
        return None
    try:
        return sum(os.path.getsize(f) for f in files)
    except OSError:
        return None


def read_chunks(
    paths: Sequence[str],
    *,
    text_field: str = "text",
    id_field: str = "id",
    chunk_size: int = DEFAULT_CHUNK,
    stdin: Optional[Any] = None,
    utf8_texts: bool = False,
) -> Iterator[Chunk]:
    """Group the records of ``paths`` into :class:`Chunk` objects (streaming).

    JSON Lines files are parsed in Rust (:func:`asimtext.io.iter_jsonl_fast`);
    any other input goes through :func:`asimtext.io.iter_records`. Both give
    the same records, reasons and line numbers. With ``utf8_texts`` the texts
    of the JSON Lines records are ``asimtext._core.Utf8Text`` objects, for an
    ``op`` that reads them in place (see :func:`run_pipeline`).
    """
    pos = [0]
    rec_file = [""]

    def on_bytes(n: int) -> None:
        pos[0] += n

    def _records(paths, text_field, id_field, stdin, on_bytes):
        # iter_records' reading of paths (asimtext.io._iter_paths), with JSON Lines
        # files parsed in Rust
        validator = _Validator()
        kw = dict(text_field=text_field, id_field=id_field, validator=validator)
        for item in expand_paths(as_paths(paths)):
            if isinstance(item, Record):  # a file that holds no articles, and why
                yield item
                continue
            rec_file[0] = item
            if is_fast_jsonl(item):
                yield from iter_jsonl_fast(item, on_bytes=on_bytes, utf8_texts=utf8_texts, **kw)
            else:
                yield from iter_path(item, stdin=stdin, on_bytes=on_bytes, **kw)

    seq = 0
    chunk = Chunk(seq)
    for rec in _records(paths, text_field, id_field, stdin, on_bytes):
        if type(rec) is tuple:  # a run of good JSON Lines records from the fast reader
            lines, ids, texts, pubs = rec
            file, n, s = rec_file[0], len(ids), 0
            while s < n:
                e = min(n, s + chunk_size - len(chunk.texts))
                chunk.read += e - s
                chunk.ids.extend(ids[s:e])
                chunk.texts.extend(texts[s:e])
                chunk.published.extend(pubs[s:e])
                chunk.locs.extend(zip(itertools.repeat(file), lines[s:e]))
                s = e
                if len(chunk.texts) >= chunk_size:
                    chunk.bytes_pos = pos[0]
                    yield chunk
                    seq += 1
                    chunk = Chunk(seq)
            continue
        chunk.read += 1
        if rec.ok:
            art = rec.article
            chunk.ids.append(art.id)  # type: ignore[union-attr]
            chunk.texts.append(art.text)  # type: ignore[union-attr]
            chunk.locs.append((rec.file, rec.line))
            chunk.published.append(art.published)  # type: ignore[union-attr]
            if len(chunk.texts) >= chunk_size:
                chunk.bytes_pos = pos[0]
                yield chunk
                seq += 1
                chunk = Chunk(seq)
        else:
            chunk.skipped.append(rec)
    chunk.bytes_pos = pos[0]
    if chunk.read:
        yield chunk


def _has_surrogate(t: Any) -> bool:
    if type(t) is not str:  # an asimtext._core.Utf8Text: UTF-8 has none
        return False
    try:
        t.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _drop_surrogates(chunk: Chunk) -> None:
    """Move records whose text cannot be encoded as UTF-8 to ``skipped``, and
    those whose id cannot (for the commands that write ids from Rust; the id
    is left out of the record: no output could hold it)."""
    keep_ids, keep_texts, keep_locs, keep_pub = [], [], [], []
    for i, t, (file, line), pub in zip(chunk.ids, chunk.texts, chunk.locs, chunk.published):
        if _has_surrogate(t):
            chunk.skipped.append(Record("skipped", file, line, i, _SURROGATE_REASON))
        elif _has_surrogate(i):
            chunk.skipped.append(Record("skipped", file, line, None, _SURROGATE_ID_REASON))
        else:
            keep_ids.append(i)
            keep_texts.append(t)
            keep_locs.append((file, line))
            keep_pub.append(pub)
    chunk.ids, chunk.texts, chunk.locs, chunk.published = keep_ids, keep_texts, keep_locs, keep_pub


# ---------------------------------------------------------------- writing


class _Sink:
    """Writes rows (dicts) to JSON Lines (optionally gzip) or Parquet."""

    def __init__(self, path: str, schema: Optional[Any] = None) -> None:
        self.path = path
        self.kind = "jsonl" if path == "-" else output_kind(path)
        self.schema = schema
        self._tmp: Optional[str] = None
        self._pq = None
        if path == "-":
            self._f = sys.stdout.buffer
            return
        d = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(d):
            raise BatchError(f"{path}: no such directory")
        self._tmp = os.path.join(d, f".{os.path.basename(path)}.partial-{os.getpid()}")
        if self.kind == "parquet":
            try:
                import pyarrow  # noqa: F401
                import pyarrow.parquet  # noqa: F401
            except ImportError:
                raise BatchError(
                    f"{path}: writing Parquet needs pyarrow: pip install 'asimtext[parquet]'"
                ) from None
            self._f = None
        elif self.kind == "jsonl.gz":
            # The header names the final file (as gzip(1) does), not the
            # temporary one, and carries no time stamp: the same input gives
            # the same bytes.
            self._raw = open(self._tmp, "wb")  # noqa: SIM115 - closed by close()
            self._f = gzip.GzipFile(filename=os.path.basename(path), mode="wb",
                                    fileobj=self._raw, compresslevel=6, mtime=0)
        else:
            self._f = open(self._tmp, "wb")

    def write_rows(self, rows: List[dict]) -> None:
        if self.kind == "parquet":
            import pyarrow as pa

            self.write_table(pa.Table.from_pylist(rows, schema=self.schema))
            return
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        self._f.write(data.encode("utf-8"))

    def write_table(self, table: Any) -> None:
        """An Arrow table (Parquet outputs only)."""
        import pyarrow.parquet as pq

        assert self.kind == "parquet"
        if self._pq is None:
            self._pq = pq.ParquetWriter(self._tmp, table.schema)
        self._pq.write_table(table)

    def write_lines(self, data: Any) -> None:
        """Whole JSON lines, written as they are (JSON Lines outputs only):
        ``bytes``, or the ``asimtext._core.JsonLines`` of a Rust call, which a
        plain file of ours gets from Rust directly (after what is buffered)."""
        assert self.kind in ("jsonl", "jsonl.gz")
        if type(data) is _core.JsonLines:
            if self.kind == "jsonl" and self._tmp is not None and os.name == "posix":
                self._f.flush()
                data.write_to(self._f.fileno())
                return
            data = bytes(data)
        self._f.write(data)

    def close(self, ok: bool) -> None:
        if self.kind == "parquet":
            if ok and self._pq is None:  # no rows: still write a valid empty file
                import pyarrow as pa
                import pyarrow.parquet as pq

                self._pq = pq.ParquetWriter(self._tmp, self.schema or pa.schema([]))
            if self._pq is not None:
                self._pq.close()
        elif self.path == "-":
            try:
                self._f.flush()
            except BrokenPipeError:
                pass
            return
        else:
            self._f.close()
            if self.kind == "jsonl.gz":
                self._raw.close()
        if self._tmp is not None:
            if ok:
                os.replace(self._tmp, self.path)
            elif os.path.exists(self._tmp):
                os.remove(self._tmp)


#: Output file names and what they get (the one place that decides).
OUTPUT_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".gz": "jsonl.gz",
    ".parquet": "parquet",
}


def output_kind(path: str) -> str:
    """``jsonl``, ``jsonl.gz`` or ``parquet`` from an output file's name;
    :class:`ValueError` for any other name (a ``.csv`` must not silently get
    JSON Lines)."""
    low = path.lower()
    for suffix in sorted(OUTPUT_KINDS, key=len, reverse=True):
        if low.endswith(suffix):
            return OUTPUT_KINDS[suffix]
    ext = os.path.splitext(path)[1] or "no extension"
    raise ArgumentError(f"{path}: unknown output format ({ext}); name it .jsonl, .ndjson, "
                     ".jsonl.gz or .parquet, or leave -o out for JSON Lines on standard output")


def open_sink(path: str, schema: Optional[Any] = None) -> _Sink:
    """An output: ``-`` for standard output, or a file whose name says the format
    (:func:`output_kind`): ``.parquet`` (needs pyarrow), ``.jsonl.gz``/``.gz``
    (gzip JSON Lines), ``.jsonl``/``.ndjson``. Files are written under a
    temporary name and renamed on success only."""
    try:
        return _Sink(path, schema)
    except ValueError as e:
        raise BatchError(str(e)) from None


class SkippedLog:
    """Writes skipped records as JSON lines (``--skipped FILE``): file, line, id, reason."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self._f = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        except OSError as e:
            raise BatchError(f"{path}: {e.strerror or e}") from None

    def __call__(self, rec: Record) -> None:
        d = rec.to_dict()
        self._f.write(json.dumps({k: d[k] for k in ("file", "line", "id", "reason")},
                                 ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._f.close()


# ---------------------------------------------------------------- progress


class _Progress:
    def __init__(self, enabled: bool, total: Optional[int], desc: str) -> None:
        self.bar = None
        self.docs = 0
        self.t0 = time.perf_counter()
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                unit_divisor=1000,
                desc=desc,
                file=sys.stderr,
                dynamic_ncols=True,
                mininterval=0.3,
            )

    def advance(self, docs: int, bytes_pos: int) -> None:
        self.docs += docs
        if self.bar is None:
            return
        delta = bytes_pos - self.bar.n
        if delta > 0:
            self.bar.update(delta)
        rate = self.docs / max(time.perf_counter() - self.t0, 1e-9)
        self.bar.set_postfix_str(f"{self.docs:,} articles, {rate:,.0f} articles/s", refresh=False)

    def write(self, msg: str) -> None:
        if self.bar is not None:
            self.bar.write(msg, file=sys.stderr)
        else:
            print(msg, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def progress_enabled(quiet: bool) -> bool:
    """A progress bar only on a terminal, and never with ``quiet``."""
    try:
        return not quiet and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- pipeline

_DONE = object()


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def _put(q: "queue.Queue[Any]", item: Any, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            q.put(item, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False


def _reader(chunks: Iterator[Chunk], q: "queue.Queue[Any]", stop: threading.Event) -> None:
    try:
        for c in chunks:
            if not _put(q, c, stop):
                return
        _put(q, _DONE, stop)
    except BaseException as e:  # noqa: BLE001 - handed to the main thread
        _put(q, _Failed(e), stop)


def run_pipeline(
    paths: Sequence[str],
    op: Callable[[Any], Any],
    *,
    emit: Optional[Callable[[Chunk, Any], Any]] = None,
    sink: Optional[_Sink] = None,
    text_field: str = "text",
    id_field: str = "id",
    chunk_size: int = DEFAULT_CHUNK,
    strict: bool = False,
    progress: bool = False,
    report: Optional[Callable[[Record], None]] = None,
    desc: str = "asimtext",
    stdin: Optional[Any] = None,
    on_done: Optional[Callable[[Chunk], None]] = None,
    utf8_texts: bool = False,
    chunk_op: bool = False,
) -> Stats:
    """Stream ``paths`` through ``op`` (called on each chunk's texts in the
    main thread; a Rust batch call that releases the GIL) and, if given,
    ``emit(chunk, result)`` -> rows written to ``sink`` by a writer thread;
    ``on_done(chunk)`` is called in the main thread after ``op``. With
    ``utf8_texts`` the texts of JSON Lines records reach ``op`` as
    ``asimtext._core.Utf8Text`` (no ``str`` made of them and converted back:
    for ops that are Rust batch calls reading their texts with
    ``read_texts``, such as ``StreamDedup.add`` and ``extract_batch``).
    With ``chunk_op``, ``op`` is called on the whole :class:`Chunk` (its ids
    too). ``emit`` may return ``bytes`` or ``asimtext._core.JsonLines``
    (whole JSON lines, written as they are) instead of rows.

    Bad records are passed to ``report`` (default: a ``FILE:LINE: skipped:
    REASON`` line on standard error); with ``strict`` the first one raises
    :class:`asimtext.io.LoadError` instead. Returns the :class:`Stats`.
    """
    if chunk_size < 1:
        raise BatchError(f"chunk size must be at least 1, got {chunk_size}")
    files = input_paths(paths)
    stats = Stats()
    bar = _Progress(progress, _total_bytes(files), desc)
    if report is not None:
        say = report
    else:
        def say(rec: Record) -> None:
            bar.write(f"{rec.where}: skipped: {rec.reason}")
    stop = threading.Event()
    inq: "queue.Queue[Any]" = queue.Queue(maxsize=_QUEUE_DEPTH)
    outq: "queue.Queue[Any]" = queue.Queue(maxsize=_QUEUE_DEPTH)
    chunks = read_chunks(
        paths, text_field=text_field, id_field=id_field, chunk_size=chunk_size, stdin=stdin,
        utf8_texts=utf8_texts,
    )
    reader = threading.Thread(target=_reader, args=(chunks, inq, stop), daemon=True)
    writer_error: List[BaseException] = []

    def write_loop() -> None:
        while True:
            item = outq.get()
            if item is _DONE:
                return
            if writer_error:
                continue  # drain
            chunk, result = item
            try:
                rows = emit(chunk, result) if emit is not None else []
                if rows and sink is not None:
                    if isinstance(rows, (bytes, _core.JsonLines)):
                        sink.write_lines(rows)
                    else:
                        sink.write_rows(rows)
            except BaseException as e:  # noqa: BLE001 - handed to the main thread
                writer_error.append(e)

    writer = threading.Thread(target=write_loop, daemon=True) if emit is not None else None
    t0 = time.perf_counter()
    reader.start()
    if writer is not None:
        writer.start()
    try:
        while True:
            item = inq.get()
            if item is _DONE:
                break
            if isinstance(item, _Failed):
                raise item.exc
            chunk: Chunk = item
            if writer_error:
                raise writer_error[0]
            # Report the bad records of this chunk, in input order.
            for rec in chunk.skipped:
                if strict:
                    raise LoadError(rec)
                say(rec)
            result = _run_op(op, chunk, strict, say, chunk_op)
            if on_done is not None:
                on_done(chunk)
            stats.read += chunk.read
            stats.skipped += len(chunk.skipped)
            stats.processed += len(chunk.texts)
            stats.bytes = chunk.bytes_pos
            if writer is not None:
                if not _put(outq, (chunk, result), stop):
                    break
            bar.advance(len(chunk.texts), chunk.bytes_pos)
    finally:
        stop.set()
        if writer is not None:
            # Let the writer finish what it was given (normal end) or drain.
            while True:
                try:
                    outq.put(_DONE, timeout=0.1)
                    break
                except queue.Full:
                    if not writer.is_alive():
                        break
            writer.join()
        bar.close()
    if writer_error:
        raise writer_error[0]
    stats.seconds = time.perf_counter() - t0
    assert stats.read == stats.processed + stats.skipped
    return stats


def _run_op(op: Callable[[Any], Any], chunk: Chunk, strict: bool, say: Callable,
            chunk_op: bool = False) -> Any:
    try:
        return op(chunk if chunk_op else chunk.texts)
    except ValueError as e:
        if "surrogate" not in str(e):
            raise
    # Rare: a JSON \\ud800 escape gave a lone surrogate. Skip those records.
    before = len(chunk.skipped)
    _drop_surrogates(chunk)
    for rec in chunk.skipped[before:]:
        if strict:
            raise LoadError(rec)
        say(rec)
    return op(chunk if chunk_op else chunk.texts)


# ---------------------------------------------------------------- commands


def normalize_dump(
    paths: Sequence[str], output: str, *, form: str = "canonical", text_field: str = "text",
    id_field: str = "id", **kw: Any,
) -> Stats:
    """Normalize every article: one ``{id_field: ID, text_field: TEXT}`` row per article."""
    from asimtext import normalize_batch

    schema = _schema([(id_field, "string"), (text_field, "string")], output)
    sink = open_sink(output, schema)
    ok = False
    try:
        if sink.kind == "parquet":
            run: dict = dict(
                op=lambda texts: normalize_batch(texts, form=form),
                emit=lambda c, res: [{id_field: i, text_field: t} for i, t in zip(c.ids, res)])
        else:  # the rows' JSON written by the Rust call, on all cores
            run = dict(
                op=lambda c: _core._normalize_batch_jsonl(c.texts, c.ids, id_field, text_field, form),
                emit=lambda c, data: data, chunk_op=True, utf8_texts=True)
        stats = run_pipeline(
            paths,
            sink=sink,
            text_field=text_field,
            id_field=id_field,
            desc="normalize",
            **run,
            **kw,
        )
        ok = True
    finally:
        sink.close(ok)
    return stats


def spans_dump(
    paths: Sequence[str], output: str, *, kinds: Optional[List[str]] = None,
    reference_date: Optional[str] = None, text_field: str = "text", id_field: str = "id",
    **kw: Any,
) -> Stats:
    """Extract spans: one ``{id_field: ID, "spans": [...]}`` row per article."""
    from asimtext import extract, extract_batch

    try:  # fail early, with one line, on bad options
        extract("", kinds=kinds, reference_date=reference_date)
    except (TypeError, ValueError) as e:
        raise BatchError(str(e)) from None
    schema = None
    if output.lower().endswith(".parquet"):
        import pyarrow as pa

        span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                          ("kind", pa.string()), ("value", pa.string()),
                          ("resolved", pa.string())])
        schema = pa.schema([(id_field, pa.string()), ("spans", pa.list_(span))])
    sink = open_sink(output, schema)
    ok = False
    try:
        if sink.kind == "parquet":
            run: dict = dict(
                op=lambda texts: extract_batch(texts, kinds=kinds, reference_dates=reference_date),
                emit=lambda c, res: [
                    {id_field: i, "spans": [s.to_dict() for s in ss]} for i, ss in zip(c.ids, res)
                ])
        else:  # the rows' JSON written by the Rust call, on all cores
            run = dict(
                op=lambda c: _core._extract_batch_jsonl(c.texts, c.ids, id_field, reference_date,
                                                        kinds),
                emit=lambda c, data: data, chunk_op=True)
        stats = run_pipeline(
            paths,
            sink=sink,
            text_field=text_field,
            id_field=id_field,
            desc="spans",
            utf8_texts=True,
            **run,
            **kw,
        )
        ok = True
    finally:
        sink.close(ok)
    return stats


@dataclass
class DedupResult:
    """Counts of a :func:`dedup_dump` run."""

    stats: Stats
    pairs: int = 0
    candidates: int = 0
    clusters: int = 0
    params: tuple = (0, 0)
    index_bytes: int = 0


def dedup_dump(
    paths: Sequence[str], output: str, *, threshold: float = 0.8, clusters: bool = False,
    num_perm: int = 128, ngram: int = 5, seed: int = 1, text_field: str = "text",
    id_field: str = "id", **kw: Any,
) -> DedupResult:
    """Near-duplicates of a dump, streamed into a :class:`StreamDedup` index.

    Writes ``{"a": ID, "b": ID, "jaccard": J}`` rows (``a`` before ``b`` in
    input order; ``J`` the exact Jaccard similarity of the two articles'
    shingle sets, compared as 32-bit shingle hashes) for every pair with
    ``J >= threshold``, or with ``clusters=True`` one ``{"id": ID, "cluster": N}``
    row per processed article (clusters numbered from 0 by first article).
    """
    try:
        index = StreamDedup(threshold=threshold, num_perm=num_perm, ngram=ngram, seed=seed)
    except (TypeError, ValueError) as e:
        raise BatchError(str(e)) from None
    if clusters:
        schema = _schema([("id", "string"), ("cluster", "int64")], output)
    else:
        schema = _schema([("a", "string"), ("b", "string"), ("jaccard", "float64")], output)
    sink = open_sink(output, schema)  # opened first: a bad output path fails at once
    ok = False
    try:
        ids: List[str] = []  # the ids name the pairs; the texts are dropped after each chunk
        stats = run_pipeline(
            paths, index.add, on_done=lambda c: ids.extend(c.ids), text_field=text_field,
            id_field=id_field, desc="dedup", utf8_texts=True, **kw,
        )
        res = DedupResult(stats=stats, params=index.params)
        step = 65536
        if clusters:
            labels = index.labels()
            res.clusters = int(labels.max()) + 1 if len(labels) else 0
            for s in range(0, len(ids), step):
                lab = labels[s : s + step].tolist()
                sink.write_rows([{"id": i, "cluster": n} for i, n in zip(ids[s : s + step], lab)])
        else:
            a, b, j, cands = index.pairs()
            res.pairs, res.candidates = len(a), cands
            for s in range(0, len(a), step):
                sink.write_rows([
                    {"a": ids[x], "b": ids[y], "jaccard": round(float(z), 6)}
                    for x, y, z in zip(a[s : s + step].tolist(), b[s : s + step].tolist(),
                                       j[s : s + step].tolist())
                ])
        ok = True
    finally:
        sink.close(ok)
    res.index_bytes = index.memory_usage()
    return res


def _schema(cols: List[tuple], output: str) -> Optional[Any]:
    if not output.lower().endswith(".parquet"):
        return None
    try:
        import pyarrow as pa
    except ImportError:
        raise BatchError(
            f"{output}: writing Parquet needs pyarrow: pip install 'asimtext[parquet]'"
        ) from None
    return pa.schema([(n, getattr(pa, t)()) for n, t in cols])
