"""Tables and columns from the tools dumps live in: pandas, Arrow, polars.

The Rust batch calls read Arrow string columns in place (see
``docs/install.md``); this module gives the Python side the same inputs:

* :func:`arrow_texts` — the texts of an Arrow string column as a list of
  ``str`` (for the pure-Python twins), with the Rust reader's errors;
* :func:`table_rows` — the rows of a pandas DataFrame, an Arrow table or
  record batch, or any object with ``__arrow_c_stream__`` whose items are
  records, as plain dicts, for :func:`asimtext.dedup_records` (which also
  gives the kept rows back in the input's kind) and :func:`asimtext.io.iter_records`
  (through :func:`records_of`): one reader of tables for the package.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Iterator, List, Optional

from asimtext.errors import ArgumentError, ArgumentTypeError  # noqa: E402

__all__ = ["arrow_texts", "is_arrow", "is_table", "records_of", "table_rows"]

_BATCH = 4096


def _is_pandas(obj: Any) -> bool:
    return type(obj).__module__.split(".", 1)[0] == "pandas"


def is_arrow(obj: Any) -> bool:
    """True for Arrow data the Rust readers take in place (not a pandas
    object of dtype ``object``, whose items are Python objects)."""
    if isinstance(obj, (str, bytes, list, tuple, dict)):
        return False
    if not (hasattr(obj, "__arrow_c_array__") or hasattr(obj, "__arrow_c_stream__")):
        return False
    # numpy's object dtype only (pandas' StringDtype has kind "O" too, on Arrow data)
    return str(getattr(obj, "dtype", "")) != "object"


def arrow_texts(obj: Any, what: str = "texts") -> List[str]:
    """The texts of an Arrow string column (array, chunked array, Series);
    a null is a ``ValueError`` naming its index, as in the Rust reader."""
    import pyarrow as pa

    col = obj if isinstance(obj, (pa.Array, pa.ChunkedArray)) else pa.chunked_array(obj)
    if isinstance(col.type, pa.DictionaryType):
        raise ArgumentTypeError(f"{what} is a dictionary-encoded Arrow array: decode it first")
    if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
            or pa.types.is_string_view(col.type)):
        raise ArgumentTypeError(f"{what} must be Arrow strings, not Arrow {col.type}")
    out = col.to_pylist()
    for i, t in enumerate(out):
        if t is None:
            raise ArgumentError(f"{what}[{i}] is null: fill or drop the nulls first")
    return out


def is_table(obj: Any) -> bool:
    """True for a pandas DataFrame, or Arrow data whose items are records
    (a table, a record batch, a reader, a polars DataFrame...), or a pyarrow
    array (whose items, texts or records, iterate as Arrow scalars)."""
    if _is_pandas(obj):
        return hasattr(obj, "columns") and hasattr(obj, "iloc")
    if not hasattr(obj, "__arrow_c_stream__") and not hasattr(obj, "__arrow_c_array__"):
        return False
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - depends on the environment
        return False
    if isinstance(obj, (pa.Table, pa.RecordBatch)):
        return True
    if isinstance(obj, (pa.Array, pa.ChunkedArray)):
        return True  # its items are the rows (texts, or records for structs)
    schema = getattr(obj, "schema", None)
    return isinstance(schema, pa.Schema)


def _plain(v: Any) -> Any:
    """A cell as the JSON reader would give it: None for missing values,
    Python scalars for numpy ones (ids keep their type)."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    item = getattr(v, "item", None)
    if item is not None and type(v).__module__ == "numpy":
        v = item()
        return None if isinstance(v, float) and math.isnan(v) else v
    if type(v).__name__ in ("NAType", "NaTType"):
        return None
    return v


def table_rows(obj: Any) -> Iterator[Dict[str, Any]]:
    """The rows of a table (see :func:`is_table`) as dicts, a batch at a time."""
    if _is_pandas(obj):
        cols = [str(c) for c in obj.columns]
        for s in range(0, len(obj), _BATCH):
            part = obj.iloc[s : s + _BATCH]
            for row in part.itertuples(index=False, name=None):
                yield {c: _plain(v) for c, v in zip(cols, row)}
        return
    import pyarrow as pa

    if isinstance(obj, pa.RecordBatch):
        batches: Any = [obj]
    elif isinstance(obj, pa.Table):
        batches = obj.to_batches(max_chunksize=_BATCH)
    elif isinstance(obj, (pa.Array, pa.ChunkedArray)):
        yield from (r for r in obj.to_pylist())
        return
    else:
        batches = pa.RecordBatchReader.from_stream(obj)
    for b in batches:
        yield from b.to_pylist()


def records_of(obj: Any) -> Optional[Iterator[Dict[str, Any]]]:
    """``table_rows(obj)`` for a table, else ``None``."""
    return table_rows(obj) if is_table(obj) else None
