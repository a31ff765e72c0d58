"""Loading articles: folders of ``.txt``, JSON Lines (plain or ``.gz``), Parquet, Python objects.

Every input record is accounted for. Underneath is a stream of :class:`Record`
(:func:`iter_records`): each is either ``ok`` (it carries an :class:`Article`)
or ``skipped`` (it carries the reason: malformed JSON, missing text field, not
UTF-8, empty text, duplicate id, ...), with the file and line (or row, or item
index) it came from. :func:`load_articles` collects the stream into a
:class:`LoadReport`; ``strict=True`` raises :class:`LoadError` at the first bad
record instead, naming the file and line.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from asimtext.article import Article

__all__ = [
    "LoadError",
    "LoadReport",
    "Record",
    "iter_records",
    "load_articles",
    "looks_like_headline",
]

PathLike = Union[str, "os.PathLike[str]"]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_GZ_SUFFIXES = tuple(s + ".gz" for s in _JSONL_SUFFIXES)
_FOLDER_SUFFIXES = (".txt",) + _JSONL_SUFFIXES + _GZ_SUFFIXES + (".parquet",)


class LoadError(ValueError):
    """A bad input record under ``strict=True``: the message names file and line."""

    def __init__(self, record: "Record") -> None:
        super().__init__(f"{record.where}: {record.reason}")
        self.record = record


@dataclass(frozen=True)
class Record:
    """One input record: ``ok`` with its article, or ``skipped`` with a reason.

    ``file`` is the path it came from (``-`` for standard input, ``<objects>``
    for Python objects); ``line`` the 1-based line of a JSON Lines file, row of
    a Parquet file or item of a Python iterable (``None`` for a ``.txt`` file).
    """

    status: str
    file: str
    line: Optional[int] = None
    id: Optional[str] = None
    reason: Optional[str] = None
    article: Optional[Article] = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "reason": self.reason,
            "file": self.file,
            "line": self.line,
        }


class LoadReport:
    """The result of :func:`load_articles`: the articles and the full accounting.

    Iterating over it yields the loaded :class:`Article` objects; ``records``
    holds every input record in order (``ok`` and ``skipped``), so that
    ``read == loaded + skipped`` always.
    """

    def __init__(self, records: Sequence[Record]) -> None:
        self.records: List[Record] = list(records)

    @property
    def articles(self) -> List[Article]:
        return [r.article for r in self.records if r.ok and r.article is not None]

    @property
    def skipped_records(self) -> List[Record]:
        return [r for r in self.records if not r.ok]

    @property
    def read(self) -> int:
        return len(self.records)

    @property
    def loaded(self) -> int:
        return sum(1 for r in self.records if r.ok)

    @property
    def skipped(self) -> int:
        return self.read - self.loaded

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return self.loaded

    def summary(self) -> str:
        """``12 read, 10 loaded, 2 skipped``."""
        return f"{self.read} read, {self.loaded} loaded, {self.skipped} skipped"

    def __repr__(self) -> str:
        return f"<LoadReport {self.summary()}>"


_HEADLINE_END = re.compile(r"[.।॥?!:;,…]\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[•*\-–])\s")
_HEADER_LABEL = re.compile(
    r"^\s*(?:by|published|updated|posted|date|dated|source|प्रकाशित|अपडेट)\b", re.IGNORECASE
)


def looks_like_headline(line: str) -> bool:
    """Whether a line reads like a headline: 4 to 30 words, at most 250
    characters, no sentence-final punctuation, not a list item or a header
    label (``By ...``, ``Published ...``, ``date ...``)."""
    s = line.strip()
    if not s or len(s) > 250:
        return False
    n_words = len(s.split())
    if n_words < 4 or n_words > 30:
        return False
    return not (_HEADLINE_END.search(s) or _LIST_MARKER.match(s) or _HEADER_LABEL.match(s))


def _first_nonempty_line(text: str) -> Optional[str]:
    m = re.search(r"\S[^\n]*", text)
    return m.group(0).strip() if m else None


def _decode(data: bytes) -> tuple:
    """(text, None) or (None, reason)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, f"not UTF-8 at byte {e.start}"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _Validator:
    """Turns candidate articles into records: empty text, duplicate ids."""

    def __init__(self) -> None:
        self.seen: dict = {}

    def check(self, article: Article, file: str, line: Optional[int]) -> Record:
        where = file if line is None else f"{file}:{line}"
        if not article.text.strip():
            return Record("skipped", file, line, article.id, "empty text")
        bad = _LONE_SURROGATE.search(article.text)
        if bad is not None:
            # Only Python objects can carry one (files are decoded strictly);
            # the Rust core cannot take it, so the article is skipped, not lost.
            return Record("skipped", file, line, article.id, f"text contains a lone surrogate at index {bad.start()}")
        first = self.seen.get(article.id)
        if first is not None:
            return Record("skipped", file, line, article.id, f"duplicate id (first at {first})")
        self.seen[article.id] = where
        return Record("ok", file, line, article.id, None, article)


def _record_from_mapping(
    d: Any,
    file: str,
    line: Optional[int],
    *,
    text_field: str,
    id_field: str,
    default_id: str,
    validator: _Validator,
) -> Record:
    if not isinstance(d, Mapping):
        return Record("skipped", file, line, None, f"not a JSON object ({type(d).__name__})")
    ident = d.get(id_field)
    ident_s = str(ident) if ident is not None else default_id
    if text_field not in d or d[text_field] is None:
        return Record("skipped", file, line, ident_s, f"missing text field {text_field!r}")
    if not isinstance(d[text_field], str):
        kind = type(d[text_field]).__name__
        return Record(
            "skipped", file, line, ident_s, f"text field {text_field!r} is {kind}, not str"
        )
    if ident is not None and not isinstance(ident, (str, int)) or isinstance(ident, bool):
        return Record("skipped", file, line, None, f"id field {id_field!r} is not a str or int")
    try:
        art = Article.from_dict(d, text_field=text_field, id_field=id_field, default_id=default_id)
    except (TypeError, ValueError) as e:
        return Record("skipped", file, line, ident_s, str(e))
    # The Article was just built here and nobody else holds it: set the field
    # in place rather than through dataclasses.replace (which re-validates and
    # copies, about a fifth of the reader's time on large dumps).
    object.__setattr__(art, "origin", {"file": file, "line": line})
    return validator.check(art, file, line)


def _iter_jsonl_stream(
    stream: Iterable[bytes], file: str, label: str, **kw: Any
) -> Iterator[Record]:
    line_no = 0
    try:
        for raw in stream:
            line_no += 1
            if not raw.strip():
                continue  # blank lines are not records
            text, err = _decode(raw)
            if err is not None:
                yield Record("skipped", file, line_no, None, err)
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                yield Record(
                    "skipped", file, line_no, None, f"malformed JSON: {e.msg} at column {e.colno}"
                )
                continue
            yield _record_from_mapping(obj, file, line_no, default_id=f"{label}:{line_no}", **kw)
    except (OSError, EOFError, zlib.error) as e:  # corrupt gzip stream
        yield Record("skipped", file, line_no + 1, None, f"unreadable compressed data: {e}")


def _iter_json_array(data: bytes, file: str, label: str, **kw: Any) -> Iterator[Record]:
    text, err = _decode(data)
    if err is not None:
        yield Record("skipped", file, None, None, err)
        return
    try:
        arr = json.loads(text)
    except json.JSONDecodeError as e:
        yield Record("skipped", file, e.lineno, None, f"malformed JSON: {e.msg}")
        return
    if not isinstance(arr, list):
        arr = [arr]
    for i, obj in enumerate(arr, 1):
        yield _record_from_mapping(obj, file, i, default_id=f"{label}:{i}", **kw)


def _iter_parquet(
    path: str,
    file: str,
    label: str,
    *,
    text_field: str,
    id_field: str,
    validator: _Validator,
    batch_size: int = 4096,
) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the environment
        raise ModuleNotFoundError(
            f"{file}: reading Parquet needs pyarrow: pip install 'asimtext[parquet]'"
        ) from None
    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    wanted = [
        c
        for c in (text_field, id_field, "title", "source", "url", "published", "lang")
        if c in names
    ]
    row = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=wanted or None):
        for d in batch.to_pylist():
            row += 1
            pub = d.get("published")
            if pub is not None and not isinstance(pub, str) and hasattr(pub, "isoformat"):
                d["published"] = pub.isoformat()
            yield _record_from_mapping(
                d,
                file,
                row,
                text_field=text_field,
                id_field=id_field,
                default_id=f"{label}:{row}",
                validator=validator,
            )


def _iter_txt(path: str, validator: _Validator) -> Iterator[Record]:
    name = os.path.basename(path)
    with open(path, "rb") as f:
        data = f.read()
    text, err = _decode(data)
    if err is not None:
        yield Record("skipped", path, None, name, err)
        return
    first = _first_nonempty_line(text)
    title = first if first is not None and looks_like_headline(first) else None
    art = Article(id=name, text=text, title=title, origin={"file": path, "line": None})
    yield validator.check(art, path, None)


def _expand(paths: Iterable[PathLike]) -> Iterator[str]:
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                full = os.path.join(p, name)
                if os.path.isfile(full) and name.lower().endswith(_FOLDER_SUFFIXES):
                    yield full
        elif os.path.exists(p):
            yield p
        else:
            raise FileNotFoundError(f"{p}: no such file or directory")


def _counted(stream: Iterable[bytes], on_bytes: Optional[Callable[[int], None]]) -> Iterable[bytes]:
    """``stream`` with ``on_bytes(len(line))`` called for every line (batch progress)."""
    if on_bytes is None:
        return stream

    def gen() -> Iterator[bytes]:
        for line in stream:
            on_bytes(len(line))
            yield line

    return gen()


def _counted_gz(f: Any, on_bytes: Optional[Callable[[int], None]]) -> Iterable[bytes]:
    """Lines of a gzip file with ``on_bytes`` fed the COMPRESSED bytes consumed."""
    if on_bytes is None:
        return f
    raw = f.fileobj

    def gen() -> Iterator[bytes]:
        last = 0
        for i, line in enumerate(f):
            if i % 256 == 0:
                pos = raw.tell()
                on_bytes(pos - last)
                last = pos
            yield line
        on_bytes(os.fstat(raw.fileno()).st_size - last)

    return gen()


def _iter_path(
    path: str,
    *,
    text_field: str,
    id_field: str,
    validator: _Validator,
    stdin: Optional[Any],
    on_bytes: Optional[Callable[[int], None]] = None,
) -> Iterator[Record]:
    kw = dict(text_field=text_field, id_field=id_field, validator=validator)
    lower = path.lower()
    label = os.path.basename(path)
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _iter_jsonl_stream(_counted(stream, on_bytes), "-", "stdin", **kw)
    elif lower.endswith(".txt"):
        yield from _iter_txt(path, validator)
        if on_bytes is not None:
            on_bytes(os.path.getsize(path))
    elif lower.endswith(".parquet"):
        yield from _iter_parquet(path, path, label, **kw)
        if on_bytes is not None:
            on_bytes(os.path.getsize(path))
    elif lower.endswith(_GZ_SUFFIXES):
        with gzip.open(path, "rb") as f:
            yield from _iter_jsonl_stream(_counted_gz(f, on_bytes), path, label, **kw)
    elif lower.endswith(".json"):
        with open(path, "rb") as f:
            head = f.read(4096).lstrip()
        if head.startswith(b"["):
            with open(path, "rb") as f:
                yield from _iter_json_array(f.read(), path, label, **kw)
        else:
            with open(path, "rb") as f:
                yield from _iter_jsonl_stream(_counted(f, on_bytes), path, label, **kw)
    else:  # .jsonl, .ndjson and anything else: JSON Lines
        with open(path, "rb") as f:
            yield from _iter_jsonl_stream(_counted(f, on_bytes), path, label, **kw)


def _iter_objects(
    items: Iterable[Any], *, text_field: str, id_field: str, validator: _Validator
) -> Iterator[Record]:
    file = "<objects>"
    for i, obj in enumerate(items, 1):
        if isinstance(obj, Article):
            yield validator.check(obj, file, i)
        elif isinstance(obj, Mapping):
            yield _record_from_mapping(
                obj,
                file,
                i,
                text_field=text_field,
                id_field=id_field,
                default_id=str(i - 1),
                validator=validator,
            )
        elif isinstance(obj, str):
            yield validator.check(Article(id=str(i - 1), text=obj), file, i)
        else:
            yield Record("skipped", file, i, None, f"not an article ({type(obj).__name__})")


def _is_pathish(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike))


def iter_records(
    source: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    stdin: Optional[Any] = None,
    on_bytes: Optional[Callable[[int], None]] = None,
) -> Iterator[Record]:
    """Stream every input record (``ok`` or ``skipped``) from ``source``.

    ``source`` is a path (folder, ``.txt``, ``.jsonl``, ``.jsonl.gz``,
    ``.json``, ``.parquet``, or ``-`` for JSON Lines on standard input), a list
    of paths, an :class:`Article`, a dict, an iterable of articles, dicts or
    strings, or a table (pandas DataFrame, Arrow table or record batch, one
    record per row: see :mod:`asimtext.frames`). Memory stays bounded by one record (plus the set of ids seen, for
    duplicate detection). Raises :class:`FileNotFoundError` for a missing path.

    ``on_bytes``, if given, is called with the number of input bytes consumed
    as reading progresses (compressed bytes for ``.gz``; whole files for
    ``.txt`` and ``.parquet``), for progress bars.
    """
    validator = _Validator()
    kw = dict(text_field=text_field, id_field=id_field, validator=validator)
    if _is_pathish(source):
        source = [source]
    elif isinstance(source, (Article, Mapping)):
        yield from _iter_objects([source], **kw)
        return
    if isinstance(source, (list, tuple)) and source and all(_is_pathish(s) for s in source):
        for path in _expand(source):
            yield from _iter_path(path, stdin=stdin, on_bytes=on_bytes, **kw)
        return
    if isinstance(source, (bytes, bytearray)):
        raise TypeError("source must be a path, an article or an iterable, not bytes")
    from asimtext.frames import is_table, table_rows

    if is_table(source):  # a DataFrame iterates over its column names
        yield from _iter_objects(table_rows(source), **kw)
        return
    try:
        items = iter(source)
    except TypeError:
        raise TypeError(
            f"source must be a path, an article or an iterable, not {type(source).__name__}"
        ) from None
    yield from _iter_objects(items, **kw)


def load_articles(
    path_or_paths: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    strict: bool = False,
    stdin: Optional[Any] = None,
) -> LoadReport:
    """Load articles from files or Python objects, accounting for every record.

    >>> rep = load_articles("seeds/")            # doctest: +SKIP
    >>> rep.summary()                            # doctest: +SKIP
    '5 read, 5 loaded, 0 skipped'

    A folder yields its ``.txt`` files (id = file name; title = first non-empty
    line when it looks like a headline) and its JSON Lines / Parquet files.
    JSON Lines may be gzip-compressed (``.gz``); ``text_field``/``id_field``
    choose the fields; a record without an id gets ``FILE:LINE``.
    Bad records (malformed JSON, missing text field, not UTF-8, empty text,
    duplicate id) are kept in the report as ``skipped`` with the reason, or,
    with ``strict=True``, raise :class:`LoadError` naming file and line.
    """
    records = []
    for rec in iter_records(path_or_paths, text_field=text_field, id_field=id_field, stdin=stdin):
        if strict and not rec.ok:
            raise LoadError(rec)
        records.append(rec)
    return LoadReport(records)
