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
import io
import itertools
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

import regex

from asimtext.article import Article
from asimtext.chrome import is_headline
from asimtext.errors import ArgumentTypeError, InputError, MissingDependencyError, MissingFileError
from asimtext.frames import records_of

__all__ = [
    "GivenPath",
    "LoadError",
    "LoadReport",
    "Record",
    "iter_records",
    "load_articles",
    "looks_like_headline",
]

PathLike = Union[str, "os.PathLike[str]"]


class GivenPath(os.PathLike):
    """A path as the user typed it: ``os.fspath`` gives the string back unchanged
    (a :class:`pathlib.Path` would tidy ``./a//b/`` in messages). Strings inside a
    list are texts (see :func:`iter_records`); wrap them to say they are paths."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = os.fspath(path)

    def __fspath__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"GivenPath({self.path!r})"


def as_paths(paths: Iterable[PathLike]) -> List[GivenPath]:
    """Each string (or path object) of ``paths`` as a :class:`GivenPath`."""
    return [GivenPath(p) for p in paths]


class LoadError(InputError):
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


def looks_like_headline(line: str) -> bool:
    """Whether a line reads like a headline: 4 to 30 words, at most 250
    characters, no sentence-final punctuation, not a list item, a clock or page
    chrome (``By ...``, ``Published ...``, ``date: ...``): :func:`asimtext.chrome.is_headline`."""
    return is_headline(line, 4, 30)


def _first_nonempty_line(text: str) -> Optional[str]:
    m = regex.search(r"\S[^\n]*", text)
    return m.group(0).strip() if m else None


def _decode(data: bytes) -> tuple:
    """(text, None) or (None, reason)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, f"not UTF-8 at byte {e.start}"


_LONE_SURROGATE = regex.compile("[\ud800-\udfff]")


class _Validator:
    """Turns candidate articles into records: empty text, duplicate ids."""

    def __init__(self) -> None:
        self.seen: dict = {}

    def check(self, article: Article, file: str, line: Optional[int]) -> Record:
        if not article.text.strip():
            return Record("skipped", file, line, article.id, "empty text")
        bad = _LONE_SURROGATE.search(article.text)
        if bad is not None:
            # Only Python objects can carry one (files are decoded strictly);
            # the Rust core cannot take it, so the article is skipped, not lost.
            return Record("skipped", file, line, article.id, f"text contains a lone surrogate at index {bad.start()}")
        dup = self.claim(article.id, file, line)
        if dup is not None:
            return Record("skipped", file, line, article.id, dup)
        return Record("ok", file, line, article.id, None, article)

    def claim(self, ident: str, file: str, line: Optional[int]) -> Optional[str]:
        """Record ``ident`` as seen at ``file:line``; the skip reason if it was seen before."""
        first = self.seen.get(ident)
        if first is not None:
            ffile, fline = first
            return f"duplicate id (first at {ffile if fline is None else f'{ffile}:{fline}'})"
        # (file, line), formatted only for a duplicate: the common case stays cheap.
        self.seen[ident] = (file, line)
        return None


def _record_from_mapping(
    d: Any,
    file: str,
    line: Optional[int],
    *,
    text_field: str,
    id_field: str,
    default_id: str,
    validator: _Validator,
    rename: Sequence[tuple] = (),
) -> Record:
    if not isinstance(d, Mapping):
        return Record("skipped", file, line, None, f"not a JSON object ({type(d).__name__})")
    if rename:
        d = {**d, **{dst: d.get(src) for dst, src in rename}}
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


# ---- opening files: kinds by content and name --------------------------------------

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_PARQUET_MAGIC = b"PAR1"
_BOM = b"\xef\xbb\xbf"
#: Binary formats people drop into folders by mistake, by their first bytes.
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
)
_HEAD = 4096


def _binary_kind(head: bytes) -> Optional[str]:
    """What binary data ``head`` starts, or None if it may be text."""
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            return what
    return "binary data (NUL bytes)" if b"\x00" in head else None


def _name_kind(name: str) -> Optional[str]:
    """``txt`` / ``jsonl`` / ``json`` / ``parquet`` from a file name (after any
    ``.gz``/``.zst``), else None."""
    low = name.lower()
    for comp in _COMPRESSED_SUFFIXES:
        if low.endswith(comp):
            low = low[: -len(comp)]
            break
    for suffix, kind in _NAME_KINDS:
        if low.endswith(suffix):
            return kind
    return None


class _Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``stream`` (to sniff a pipe and still read it all)."""

    def __init__(self, head: bytes, stream: Any) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if len(self._head):
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(b))
        b[: len(data)] = data
        return len(data)


def _read_head(stream: Any) -> bytes:
    """Up to ``_HEAD`` bytes (fewer only at the end of the stream)."""
    chunks, n = [], 0
    while n < _HEAD:
        data = stream.read(_HEAD - n)
        if not data:
            break
        chunks.append(data)
        n += len(data)
    return b"".join(chunks)


def _decompressed(head: bytes, stream: Any, where: str) -> tuple:
    """``(head, stream, compression)``: the stream decompressed when its first
    bytes say gzip or zstd. Raises :class:`_Unreadable` for zstd without the
    ``zstandard`` package."""
    if head.startswith(_GZIP_MAGIC):
        g = gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(head, stream)), mode="rb")
        try:
            return _read_head(g), g, "gzip"
        except (OSError, EOFError, zlib.error) as e:
            raise _Unreadable(f"unreadable gzip data: {e}") from None
    if head.startswith(_ZSTD_MAGIC):
        try:
            import zstandard
        except ImportError:
            raise _Unreadable(
                "zstd-compressed: reading it needs the zstandard package: "
                "pip install 'asimtext[zstd]'"
            ) from None
        z = zstandard.ZstdDecompressor().stream_reader(_Prefixed(head, stream))
        try:
            return _read_head(z), z, "zstd"
        except zstandard.ZstdError as e:
            raise _Unreadable(f"unreadable zstd data: {e}") from None
    return head, stream, None


class _Unreadable(Exception):
    """A whole file that cannot be read as articles (the message is the reason)."""


def _content_kind(head: bytes) -> Optional[str]:
    """``jsonl`` / ``json`` from the first non-blank byte (after a BOM), else None."""
    s = head[len(_BOM):] if head.startswith(_BOM) else head
    s = s.lstrip()
    if s.startswith(b"{"):
        return "jsonl"
    if s.startswith(b"["):
        return "json"
    return None


def _iter_jsonl_stream(
    stream: Iterable[bytes], file: str, label: str, **kw: Any
) -> Iterator[Record]:
    line_no = 0
    try:
        for raw in stream:
            line_no += 1
            if line_no == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]  # a byte-order mark is not part of the first record
            if not raw.strip():
                continue  # blank lines are not records
            yield _record_from_line(raw, file, line_no, label, **kw)
    except (OSError, EOFError, zlib.error) as e:  # corrupt compressed stream
        yield Record("skipped", file, line_no + 1, None, f"unreadable compressed data: {e}")
    except Exception as e:  # zstandard.ZstdError has no common base with the others
        if type(e).__name__ != "ZstdError":
            raise
        yield Record("skipped", file, line_no + 1, None, f"unreadable compressed data: {e}")


def _json_error(e: json.JSONDecodeError) -> str:
    # Some messages of the json module end in "at" ("Invalid control character at").
    msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg
    return f"malformed JSON: {msg} at column {e.colno}"


#: Bytes of JSON Lines handed to the Rust parser at a time.
_FAST_BLOCK = 1 << 22


def is_fast_jsonl(path: str) -> bool:
    """Whether :func:`iter_jsonl_fast` reads ``path``: a file whose content is
    JSON Lines, plain or gzip-compressed (told by the bytes, as :func:`iter_path`
    tells them); standard input, zstd, Parquet, ``.txt`` and JSON arrays go
    through :func:`iter_path`."""
    if path == "-" or not os.path.isfile(path) or _name_kind(path) in ("txt", "parquet"):
        return False
    try:
        with open(path, "rb") as f:
            head = _read_head(f)
            if head.startswith(_GZIP_MAGIC):
                head, _, _ = _decompressed(head, f, path)
            return _content_kind(head) == "jsonl"
    except (OSError, _Unreadable):
        return False  # the reader of record says why


def iter_jsonl_fast(
    path: str,
    *,
    text_field: str,
    id_field: str,
    validator: "_Validator",
    on_bytes: Optional[Callable[[int], None]] = None,
    utf8_texts: bool = False,
) -> Iterator[Any]:
    """The records of a JSON Lines file (plain or ``.gz``) as
    :func:`iter_records` gives them, parsed in Rust: yields runs of good
    records as tuples of four lists ``(lines, ids, texts, published)`` (no
    :class:`Article` is built) and a :class:`Record` for each other line
    (skipped, or parsed again by the Python reader), in file order. With
    ``utf8_texts`` the texts of the runs are ``asimtext._core.Utf8Text``
    objects (the UTF-8 as read, which the Rust batch calls ``StreamDedup.add``
    and ``extract_batch`` read in place; ``len()`` and ``str()`` work), not
    ``str``.

    Blocks of whole lines are parsed on all cores with the GIL released
    (``rust/core/src/jsonl.rs``); a line the Rust parser does not take as it is
    (malformed, not UTF-8, an empty text, a field of an unexpected type, a
    ``published`` value that is not a ``YYYY-MM-DD`` date, ...) goes through
    the Python reader, so every reason and line number is the one
    :func:`iter_records` gives.
    """
    from asimtext import _core

    label = os.path.basename(path)
    kw = dict(text_field=text_field, id_field=id_field, validator=validator)
    with open(path, "rb") as probe:
        gz = probe.read(2) == _GZIP_MAGIC
    f = gzip.open(path, "rb") if gz else open(path, "rb")
    raw = f.fileobj if gz else f  # type: ignore[attr-defined]
    line_no = 0
    # One buffer for the whole file, read into in place: buf[:have] is the
    # start of a line carried from the last read (no new object, no copy of
    # the block per read; the parser copies what it keeps).
    buf = bytearray(_FAST_BLOCK)
    have = 0
    last_pos = 0
    seen = 0  # records yielded, and bytes read: an empty file says so, as _iter_stream does
    size = 0
    try:
        while True:
            if have == len(buf):  # a line longer than the buffer
                buf.extend(bytes(len(buf)))
            try:
                if gz:
                    data = f.read1(len(buf) - have)
                    n = len(data)
                    buf[have : have + n] = data
                else:
                    with memoryview(buf) as mv, mv[have:] as room:
                        n = f.readinto(room)
            except (OSError, EOFError, zlib.error) as e:  # corrupt gzip stream
                yield Record("skipped", path, line_no + 1, None, f"unreadable compressed data: {e}")
                return
            size += n
            end = have + n
            # Whole lines only (none yet: 0), but at the end of the file the rest as it is.
            cut = buf.rfind(b"\n", have, end) + 1 if n else end
            # A byte-order mark is not part of the first record.
            start = len(_BOM) if line_no == 0 and cut and buf.startswith(_BOM) else 0
            if cut > start:
                with memoryview(buf) as mv, mv[start:cut] as block:
                    kinds, lines, ids, texts, pubs = _core._parse_jsonl_block(
                        block, text_field, id_field, label, line_no + 1, utf8_texts)
                    raw_lines = block.tobytes().split(b"\n") if 2 in kinds else None
                seen += len(kinds) - kinds.count(0)
                if raw_lines is None:
                    yield from _claimed(validator, path, lines, ids, texts, pubs)
                else:
                    k = first = 0  # records of the block: passed, and yielded
                    for i in [i for i, kind in enumerate(kinds) if kind != 0]:
                        if kinds[i] == 1:
                            k += 1
                            continue
                        if k > first:
                            yield from _claimed(validator, path, lines[first:k], ids[first:k],
                                                texts[first:k], pubs[first:k])
                            first = k
                        # With its `\n`, as the Python reader sees it (error columns).
                        raw_line = raw_lines[i] + b"\n" if i < len(raw_lines) - 1 else raw_lines[i]
                        yield _record_from_line(raw_line, path, line_no + 1 + i, label, **kw)
                    if k > first:
                        yield from _claimed(validator, path, lines[first:], ids[first:],
                                            texts[first:], pubs[first:])
                line_no += len(kinds)
            if cut:
                buf[: end - cut] = buf[cut:end]
            have = end - cut
            if on_bytes is not None:
                pos = raw.tell()
                on_bytes(pos - last_pos)
                last_pos = pos
            if not n:
                if size == 0:
                    yield Record("skipped", path, None, None,
                                 "empty file (gzip-compressed)" if gz else "empty file")
                elif seen == 0:
                    yield Record("skipped", path, None, None, "no records (only blank lines)")
                return
    finally:
        f.close()


def _claimed(validator: "_Validator", path: str, lines: list, ids: list, texts: list,
             pubs: list) -> Iterator[Any]:
    """A run of good records of :func:`iter_jsonl_fast` with their ids claimed:
    the run as it is when no id was seen before (checked for the whole run at
    C speed), else its pieces between the duplicates, which are skipped."""
    seen = validator.seen
    if len(set(ids)) == len(ids) and seen.keys().isdisjoint(ids):
        seen.update(zip(ids, zip(itertools.repeat(path), lines)))
        yield (lines, ids, texts, pubs)
        return
    start = 0
    for j, ident in enumerate(ids):
        dup = validator.claim(ident, path, lines[j])
        if dup is not None:
            if j > start:
                yield (lines[start:j], ids[start:j], texts[start:j], pubs[start:j])
            start = j + 1
            yield Record("skipped", path, lines[j], ident, dup)
    if start < len(ids):
        yield (lines[start:], ids[start:], texts[start:], pubs[start:])


def _record_from_line(raw: bytes, file: str, line_no: int, label: str, **kw: Any) -> Record:
    """One non-blank JSON Lines line as :func:`_iter_jsonl_stream` reads it."""
    text, err = _decode(raw)
    if err is not None:
        return Record("skipped", file, line_no, None, err)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return Record("skipped", file, line_no, None, _json_error(e))
    return _record_from_mapping(obj, file, line_no, default_id=f"{label}:{line_no}", **kw)


def _iter_json_array(data: bytes, file: str, label: str, **kw: Any) -> Iterator[Record]:
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    text, err = _decode(data)
    if err is not None:
        yield Record("skipped", file, None, None, err)
        return
    try:
        arr = json.loads(text)
    except json.JSONDecodeError as e:
        msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg
        yield Record("skipped", file, e.lineno, None, f"malformed JSON: {msg}")
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
    rename: Sequence[tuple] = (),
    batch_size: int = 4096,
) -> Iterator[Record]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            f"{file}: reading Parquet needs pyarrow: pip install 'asimtext[parquet]'"
        ) from None
    pf = pq.ParquetFile(path)
    names = set(pf.schema_arrow.names)
    extra = [src for _dst, src in rename] or ["title", "source", "published"]
    wanted = [
        c
        for c in dict.fromkeys((text_field, id_field, *extra, "title", "source", "url",
                                "published", "lang"))
        if c in names
    ]
    row = 0
    for batch in pf.iter_batches(batch_size=batch_size, columns=wanted or None):
        for d in batch.to_pylist():
            row += 1
            for key in [k for k, _ in rename] + ["published"]:
                pub = d.get(key)
                if pub is not None and not isinstance(pub, str) and hasattr(pub, "isoformat"):
                    d[key] = pub.isoformat()
            yield _record_from_mapping(
                d,
                file,
                row,
                text_field=text_field,
                id_field=id_field,
                default_id=f"{label}:{row}",
                validator=validator,
                rename=rename,
            )


def _txt_record(data: bytes, path: str, validator: _Validator) -> Record:
    name = os.path.basename(path)
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    text, err = _decode(data)
    if err is not None:
        return Record("skipped", path, None, name, err)
    first = _first_nonempty_line(text)
    title = first if first is not None and looks_like_headline(first) else None
    art = Article(id=name, text=text, title=title, origin={"file": path, "line": None})
    return validator.check(art, path, None)


_NAME_KINDS = (
    (".txt", "txt"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".parquet", "parquet"),
)
_COMPRESSED_SUFFIXES = (".gz", ".zst")
#: What a folder's files may be named (a file given by name is also read by its content).
INPUT_KINDS = ".txt, .jsonl, .ndjson, .json, .parquet (and .gz or .zst of the text kinds)"


def expand_paths(paths: Iterable[PathLike]) -> Iterator[Union[str, Record]]:
    """The files to read (``str``; ``-`` for standard input) and, as skipped
    :class:`Record` objects, what a folder holds that is not read."""
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            yield p
        elif os.path.isdir(p):
            names = sorted(os.listdir(p))
            if not names:
                yield Record("skipped", p, None, None, "empty folder")
            for name in names:
                full = os.path.join(p, name)
                if os.path.isdir(full):
                    yield Record("skipped", full, None, None,
                                 "a folder inside a folder (not searched; give it by name)")
                elif not os.path.isfile(full):
                    yield Record("skipped", full, None, None, "not a regular file")
                elif _name_kind(name) is None:
                    ext = os.path.splitext(name)[1] or "no extension"
                    yield Record("skipped", full, None, None,
                                 f"not an article file ({ext}); a folder's files are read "
                                 f"when named {INPUT_KINDS}")
                else:
                    yield full
        elif os.path.exists(p):
            yield p
        else:
            raise MissingFileError(f"{p}: no such file or directory")


class _Counting:
    """A byte stream that reports how many bytes were read (progress bars)."""

    def __init__(self, raw: Any, on_bytes: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_bytes = on_bytes

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n)
        self._on_bytes(len(data))
        return data


def iter_path(
    path: str,
    *,
    text_field: str,
    id_field: str,
    validator: _Validator,
    stdin: Optional[Any],
    on_bytes: Optional[Callable[[int], None]] = None,
    rename: Sequence[tuple] = (),
) -> Iterator[Record]:
    kw = dict(text_field=text_field, id_field=id_field, validator=validator, rename=rename)
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        if on_bytes is not None:
            stream = _Counting(stream, on_bytes)
        yield from _iter_stream(stream, "-", "stdin", "jsonl", **kw)
        return
    with open(path, "rb") as raw:
        stream = raw if on_bytes is None else _Counting(raw, on_bytes)
        yield from _iter_stream(stream, path, os.path.basename(path), _name_kind(path), **kw)


def _iter_stream(
    raw: Any, file: str, label: str, name_kind: Optional[str], **kw: Any
) -> Iterator[Record]:
    """The records of one file (or standard input), its kind told by its
    content first (compression, Parquet, binary, JSON) and by its name second."""

    def skip(reason: str) -> Record:
        return Record("skipped", file, None, None, reason)

    empty = "no input on standard input" if file == "-" else "empty file"
    head = _read_head(raw)
    if not head:
        yield skip(empty)
        return
    try:
        head, stream, comp = _decompressed(head, raw, file)
    except _Unreadable as e:
        yield skip(str(e))
        return
    if not head:
        yield skip(f"{empty} ({comp}-compressed)")
        return
    if head.startswith(_PARQUET_MAGIC) and comp is None:
        if file == "-":
            yield skip("Parquet on standard input: give the file's name instead")
            return
        n = 0
        for rec in _iter_parquet(file, file, label, **kw):
            n += 1
            yield rec
        raw.read()  # progress: the whole file was read
        if n == 0:
            yield skip("no rows (empty Parquet file)")
        return
    if name_kind == "parquet":
        yield skip("not a Parquet file (its first bytes are not PAR1)")
        return
    binary = _binary_kind(head)
    if binary is not None:
        yield skip(f"{binary}, not articles")
        return
    kind = name_kind
    if kind in (None, "json"):
        sniffed = _content_kind(head)
        if kind is None and sniffed is None:
            yield skip("unknown file kind: not JSON Lines, a JSON array or Parquet "
                       "(a text file is read as one article when its name ends in .txt)")
            return
        kind = sniffed or "jsonl"
    body = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
    if kind == "txt":
        yield _txt_record(body.read(), file, kw["validator"])
        return
    if kind == "json":
        recs: Iterable[Record] = _iter_json_array(body.read(), file, label, **kw)
    else:
        recs = _iter_jsonl_stream(body, file, label, **kw)
    n = 0
    for rec in recs:
        n += 1
        yield rec
    if n == 0:
        yield skip("no records (only blank lines)" if kind == "jsonl" else "no records (empty JSON array)")


def _iter_objects(
    items: Iterable[Any], *, text_field: str, id_field: str, validator: _Validator,
    stdin: Optional[Any] = None, rename: Sequence[tuple] = (),
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
                rename=rename,
            )
        elif isinstance(obj, str):
            yield validator.check(Article(id=str(i - 1), text=obj), file, i)
        elif isinstance(obj, os.PathLike):
            yield from _iter_paths([obj], text_field=text_field, id_field=id_field,
                                   validator=validator, stdin=stdin, rename=rename)
        else:
            yield Record("skipped", file, i, None, f"not an article ({type(obj).__name__})")


def _iter_paths(paths: Iterable[PathLike], *, stdin: Optional[Any] = None,
                on_bytes: Optional[Callable[[int], None]] = None, **kw: Any) -> Iterator[Record]:
    for item in expand_paths(paths):
        if isinstance(item, Record):
            yield item
        else:
            yield from iter_path(item, stdin=stdin, on_bytes=on_bytes, **kw)


def raw_records(path: str) -> Iterator[tuple]:
    """``(line, raw)`` for every record of ``path``, told apart and numbered
    exactly as :func:`asimtext.io.iter_records` does (content first: gzip,
    zstd, Parquet, JSON; then the name): ``raw`` is a JSON line's bytes
    (written back as they are) or a dict (JSON arrays, Parquet rows, ``.txt``
    articles). What the reader skipped is never asked for, so a file it could
    not read yields nothing here. For :func:`asimtext.dedup_keep.dedup_keep`,
    which writes kept records back as they were read."""
    with open(path, "rb") as raw:
        head = _read_head(raw)
        if not head:
            return
        try:
            head, stream, comp = _decompressed(head, raw, path)
        except _Unreadable:
            return
        if not head:
            return
        if head.startswith(_PARQUET_MAGIC) and comp is None:
            import pyarrow.parquet as pq

            row = 0
            for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
                for d in batch.to_pylist():
                    row += 1
                    yield row, d
            return
        kind = _name_kind(path)
        if kind == "parquet" or _binary_kind(head) is not None:
            return
        if kind in (None, "json"):
            sniffed = _content_kind(head)
            if kind is None and sniffed is None:
                return
            kind = sniffed or "jsonl"
        body = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
        if kind == "txt":
            rec = _txt_record(body.read(), path, _Validator())
            if rec.ok:
                yield None, {k: v for k, v in rec.article.to_dict().items() if v is not None}
            return
        if kind == "json":
            data = body.read()
            arr = json.loads(data.decode("utf-8-sig"))
            for i, d in enumerate(arr if isinstance(arr, list) else [arr], 1):
                yield i, d
            return
        try:
            for line_no, line in enumerate(body, 1):
                if line_no == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                yield line_no, line
        except Exception:  # noqa: BLE001 - a corrupt compressed stream (gzip, zstd):
            return  # the first pass reported it, and nothing after it was kept


def _is_pathish(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike))


def _rename(title_field: str, source_field: str, published_field: str) -> tuple:
    """``(article attribute, input field)`` pairs that differ from the default names."""
    pairs = (("title", title_field), ("source", source_field), ("published", published_field))
    return tuple((dst, src) for dst, src in pairs if dst != src)


def iter_records(
    source: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    title_field: str = "title",
    source_field: str = "source",
    published_field: str = "published",
    stdin: Optional[Any] = None,
    on_bytes: Optional[Callable[[int], None]] = None,
) -> Iterator[Record]:
    """Stream every input record (``ok`` or ``skipped``) from ``source``.

    What ``source`` may be, and how it is told apart:

    * a ``str`` or :class:`os.PathLike` **on its own** is a path: a folder, a
      file, or ``-`` for JSON Lines on standard input;
    * a list or tuple of :class:`os.PathLike` (e.g. :class:`pathlib.Path`) is
      a list of paths;
    * anything else is an iterable of items, each an :class:`Article`, a dict,
      a ``str`` (**a text**, never a path: ``["एक खबर"]`` is one article), or a
      :class:`os.PathLike` (read as a path);
    * a single :class:`Article` or dict is one article;
    * a pandas DataFrame or a pyarrow Table is read row by row (a row is a dict).

    A file is read by its content first: gzip or zstd compression (by the
    first bytes, whatever the name), Parquet (``PAR1``), JSON Lines or a JSON
    array (``{`` / ``[``); then by its name (``.txt``: one article). A UTF-8
    byte-order mark is dropped. A folder's files are read when their names end
    in ``.txt``, ``.jsonl``, ``.ndjson``, ``.json``, ``.parquet`` (optionally
    ``.gz`` / ``.zst``); anything else in it (other files, sub-folders), an
    empty folder, an empty file, a binary file or a file of unknown kind is a
    ``skipped`` record naming the path and the reason, so that nothing given
    goes unaccounted.

    ``title_field``, ``source_field``, ``published_field`` name the input
    fields of the article's title, outlet and date. Memory stays bounded by
    one record (plus the set of ids seen, for duplicate detection). Raises
    :class:`FileNotFoundError` for a missing path.

    ``on_bytes``, if given, is called with the number of input bytes consumed
    as reading progresses (compressed bytes for compressed files), for
    progress bars.
    """
    validator = _Validator()
    kw = dict(text_field=text_field, id_field=id_field, validator=validator,
              rename=_rename(title_field, source_field, published_field))
    if _is_pathish(source):
        yield from _iter_paths([source], stdin=stdin, on_bytes=on_bytes, **kw)
        return
    if isinstance(source, (Article, Mapping)):
        yield from _iter_objects([source], **kw)
        return
    if isinstance(source, (list, tuple)) and source and all(
        isinstance(s, os.PathLike) for s in source
    ):
        yield from _iter_paths(source, stdin=stdin, on_bytes=on_bytes, **kw)
        return
    if isinstance(source, (bytes, bytearray)):
        raise ArgumentTypeError("source must be a path, an article or an iterable, not bytes")
    table = records_of(source)
    if table is not None:  # a DataFrame or an Arrow table: its rows, not its column names
        yield from _iter_objects(table, stdin=stdin, **kw)
        return
    try:
        items = iter(source)
    except TypeError:
        raise ArgumentTypeError(
            f"source must be a path, an article or an iterable, not {type(source).__name__}"
        ) from None
    yield from _iter_objects(items, stdin=stdin, **kw)


def load_articles(
    path_or_paths: Any,
    *,
    text_field: str = "text",
    id_field: str = "id",
    title_field: str = "title",
    source_field: str = "source",
    published_field: str = "published",
    strict: bool = False,
    stdin: Optional[Any] = None,
) -> LoadReport:
    """Load articles from files or Python objects, accounting for every record.

    >>> rep = load_articles("seeds/")            # doctest: +SKIP
    >>> rep.summary()                            # doctest: +SKIP
    '5 read, 5 loaded, 0 skipped'

    What ``path_or_paths`` may be is :func:`iter_records`'s rule: a ``str`` or
    path object on its own is a path; a list of :class:`pathlib.Path` is a
    list of paths; in any other list a ``str`` is the text of an article.
    A folder yields its ``.txt`` files (id = file name; title = first non-empty
    line when it looks like a headline) and its JSON Lines / Parquet files.
    Files may be gzip- or zstd-compressed (told by their content);
    ``text_field``/``id_field``/``title_field``/``source_field``/
    ``published_field`` choose the fields; a record without an id gets
    ``FILE:LINE``. Bad records (malformed JSON, missing text field, not UTF-8,
    empty text, duplicate id) and files that hold no articles are kept in the
    report as ``skipped`` with the reason, or, with ``strict=True``, raise
    :class:`LoadError` naming file and line.
    """
    records = []
    for rec in iter_records(path_or_paths, text_field=text_field, id_field=id_field,
                            title_field=title_field, source_field=source_field,
                            published_field=published_field, stdin=stdin):
        if strict and not rec.ok:
            raise LoadError(rec)
        records.append(rec)
    return LoadReport(records)
