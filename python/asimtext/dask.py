"""asimtext on Dask: normalization, span extraction and near-duplicate search
over collections that do not fit on one machine.

Install with ``pip install "asimtext[dask]"``. The same code runs on a local
cluster or a real one::

    from dask.distributed import Client
    import dask.dataframe as dd
    import asimtext.dask as ad

    client = Client("tcp://scheduler:8786")      # or Client() for a local cluster
    df = dd.read_parquet("s3://bucket/articles/*.parquet")
    res = ad.near_duplicates(df, "text", threshold=0.8, id_column="id")
    res.pairs.to_parquet("s3://bucket/near-dups/pairs/")
    res.clusters.to_parquet("s3://bucket/near-dups/clusters/")

Every partition is processed by one call into the Rust core (which releases
the GIL and uses the worker's cores): :func:`normalize` and :func:`extract`
are plain per-partition maps; :func:`near_duplicates` is the single-machine
:func:`asimtext.near_duplicates` cut into distributed stages:

1. per partition: MinHash signatures and LSH band keys of every text
   (:func:`asimtext.dedup.band_keys`, the same code as the single-machine search);
2. the rows ``(band, key, doc)`` are shuffled on ``(band, key)`` so that all
   documents of a bucket meet in one partition, which emits the candidate
   pairs; a second shuffle on ``(i, j)`` removes pairs found in several bands;
3. the texts of both documents are joined to each candidate and the pair is
   verified with the exact Jaccard similarity of the shingle-hash sets
   (:func:`asimtext.dedup.verify_pairs`, again the single-machine code);
4. cluster ids come from connected components computed on the workers by
   rounds of large-star / small-star steps (one shuffle each); only one
   number per round (how many nodes are not in a star yet) reaches the client.

The result equals ``asimtext.near_duplicates(texts)`` on the same texts: the
same pairs with the same estimated and exact similarities, and the same
clusters (a cluster's id is its smallest document id).

What travels to the workers is small: a :class:`asimtext.MinHasher` pickles to
its parameters (about 60 bytes) and the settings are plain numbers. The
lexicons and tables of the Rust core live in process-wide statics, built once
per worker process on first use, not per task.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

from asimtext.errors import ArgumentError, ArgumentTypeError, ComputeError, MissingDependencyError, MissingKeyError

try:
    import dask
    import dask.bag as db
    import dask.dataframe as dd
    import numpy as np
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised only without dask
    raise MissingDependencyError(
        "asimtext.dask needs Dask with dataframe support: "
        "pip install 'asimtext[dask]' (installs dask[dataframe,distributed])"
    ) from exc

from asimtext import MinHasher, dedup, extract_batch, normalize_batch
from asimtext.dedup import BUCKET_WINDOW, NearDuplicates

__all__ = ["DaskNearDuplicates", "digest", "extract", "near_duplicates", "normalize"]

log = logging.getLogger(__name__)

#: Target rows per partition of the stages after the band-key shuffle: pairs
#: found in buckets (16 bytes each), candidates with both texts joined (two
#: texts each), verified pairs in the connected-components stage.
_PAIRS_PER_PARTITION = 4_000_000
_CANDIDATES_PER_PARTITION = 50_000
_EDGES_PER_PARTITION = 1_000_000

_NORMALIZE_OPTIONS = ("ascii_digits", "ascii_punctuation", "fix_mojibake", "fold_vowel_length")
_SPAN_COLUMNS = ["start", "end", "text", "kind", "value", "resolved"]


# ---------------------------------------------------------------- helpers


def _kind(data: Any) -> str:
    if isinstance(data, db.Bag):
        return "bag"
    if isinstance(data, dd.Series):
        return "series"
    if isinstance(data, dd.DataFrame):
        return "frame"
    raise ArgumentTypeError(
        f"data must be a dask.bag.Bag of str or a dask.dataframe Series/DataFrame, not {type(data).__name__}"
    )


def _column(data: Any, column: str | None) -> str:
    if column is None:
        raise ArgumentTypeError("column is required when data is a DataFrame")
    if column not in data.columns:
        raise MissingKeyError(f"column {column!r} is not in the DataFrame (columns: {list(data.columns)})")
    return column


# ---------------------------------------------------------------- normalize


def _normalize_list(texts: Any, opts: dict) -> list[str]:
    return normalize_batch(list(texts), **opts)


def _normalize_series(s: pd.Series, opts: dict) -> pd.Series:
    return pd.Series(normalize_batch(s.tolist(), **opts), index=s.index, name=s.name, dtype=s.dtype)


def _normalize_frame(df: pd.DataFrame, column: str, output: str, opts: dict) -> pd.DataFrame:
    out = df.copy(deep=False)
    out[output] = _normalize_series(df[column], opts).astype(df[column].dtype)
    return out


def normalize(
    data: Any,
    column: str | None = None,
    *,
    form: str = "canonical",
    output: str | None = None,
    errors: str = "strict",
    **options: bool,
) -> Any:
    """Normalize every text of a Dask collection with :func:`asimtext.normalize_batch`.

    ``data`` is a ``dask.bag.Bag`` of ``str`` (gives a Bag of ``str``), a Dask
    ``Series`` of ``str`` (gives a Series, same index), or a Dask ``DataFrame``
    with the texts in ``column`` (gives the DataFrame with ``column`` replaced,
    or with a new column ``output``). ``form``, ``errors`` and the boolean
    ``options`` (``ascii_digits``, ``ascii_punctuation``, ``fix_mojibake``,
    ``fold_vowel_length``) are those of :func:`asimtext.normalize`.

    Lazy: nothing runs until the result is computed. Options are checked at
    once (ValueError/TypeError here, not on a worker); a non-``str`` item
    raises TypeError when computed.
    """
    unknown = set(options) - set(_NORMALIZE_OPTIONS)
    if unknown:
        raise ArgumentTypeError(f"normalize() got unexpected keyword arguments: {sorted(unknown)}")
    opts = dict(form=form, errors=errors, **options)
    normalize_batch([], **opts)  # validate on the client
    kind = _kind(data)
    if kind == "bag":
        return data.map_partitions(_normalize_list, opts)
    if kind == "series":
        return data.map_partitions(_normalize_series, opts, meta=data._meta)
    column = _column(data, column)
    output = output or column
    meta = data._meta.copy()
    meta[output] = data._meta[column]
    return data.map_partitions(_normalize_frame, column, output, opts, meta=meta)


# ---------------------------------------------------------------- extract


def _extract_list(texts: Any, kinds: list | None, reference_date: Any) -> list:
    return extract_batch(list(texts), kinds=kinds, reference_dates=reference_date)


def _spans_frame(index: pd.Index, spans: list, name: Any) -> pd.DataFrame:
    rows = [(s.start, s.end, s.text, s.kind, s.value, s.resolved) for ss in spans for s in ss]
    counts = [len(ss) for ss in spans]
    out = pd.DataFrame(rows, columns=_SPAN_COLUMNS) if rows else _empty_spans()
    out.index = index.repeat(counts)
    out.index.name = name
    return out.astype(_empty_spans().dtypes.to_dict())


def _empty_spans() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "start": pd.Series([], dtype="int64"),
            "end": pd.Series([], dtype="int64"),
            "text": pd.Series([], dtype=object),
            "kind": pd.Series([], dtype=object),
            "value": pd.Series([], dtype=object),
            "resolved": pd.Series([], dtype=object),
        }
    )


def _extract_series(s: pd.Series, kinds: list | None, reference_date: Any) -> pd.DataFrame:
    spans = extract_batch(s.tolist(), kinds=kinds, reference_dates=reference_date)
    return _spans_frame(s.index, spans, s.index.name)


def _extract_frame(
    df: pd.DataFrame,
    column: str,
    kinds: list | None,
    reference_date: Any,
    reference_column: str | None,
) -> pd.DataFrame:
    refs = df[reference_column].tolist() if reference_column is not None else reference_date
    spans = extract_batch(df[column].tolist(), kinds=kinds, reference_dates=refs)
    return _spans_frame(df.index, spans, df.index.name)


def extract(
    data: Any,
    column: str | None = None,
    *,
    kinds: Any = None,
    reference_date: Any = None,
    reference_column: str | None = None,
) -> Any:
    """Extract date, time and number spans with :func:`asimtext.extract_batch`.

    * ``dask.bag.Bag`` of ``str`` -> Bag of ``list[Span]`` (one list per text);
    * Dask ``Series`` of ``str``, or ``DataFrame`` with the texts in
      ``column`` -> a Dask DataFrame with one row per span, columns
      ``start, end, text, kind, value, resolved`` (offsets are ``str`` indices),
      indexed by the index label of the row the span comes from (join it back
      with ``df.join(spans)``); rows without spans contribute no row.

    ``kinds`` and ``reference_date`` are those of :func:`asimtext.extract`;
    with a DataFrame, ``reference_column`` gives a reference date per row.
    Lazy; arguments are checked at once.
    """
    kinds = None if kinds is None else list(kinds)
    extract_batch([], kinds=kinds, reference_dates=reference_date)  # validate
    kind = _kind(data)
    if kind == "bag":
        return data.map_partitions(_extract_list, kinds, reference_date)
    if reference_column is not None and kind != "frame":
        raise ArgumentTypeError("reference_column needs a DataFrame")
    meta = _empty_spans()
    if kind == "series":
        meta.index = data._meta.index[:0]
        meta.index.name = data._meta.index.name
        return data.map_partitions(_extract_series, kinds, reference_date, meta=meta)
    column = _column(data, column)
    if reference_column is not None:
        _column(data, reference_column)
    meta.index = data._meta.index[:0]
    meta.index.name = data._meta.index.name
    return data.map_partitions(_extract_frame, column, kinds, reference_date, reference_column, meta=meta)


# ---------------------------------------------------------------- near-duplicates


@dataclass(frozen=True)
class _Settings:
    """What every near-duplicate task needs: a few numbers and a MinHasher (pickles small)."""

    hasher: MinHasher
    threshold: float
    bands: int
    rows: int


class DaskNearDuplicates:
    """Result of :func:`near_duplicates` (Dask collections, persisted on the cluster).

    Attributes:
        pairs: Dask DataFrame ``i, j, estimated, exact`` (document ids, ``i < j``),
            one row per verified pair, in no particular order.
        clusters: Dask DataFrame ``doc, cluster``: every document that is in at
            least one pair with the id of its cluster (the smallest document id
            of its connected component).
        params: the ``(bands, rows)`` of the LSH.
        candidates: how many distinct candidate pairs the LSH produced.
        rounds: how many large-star/small-star rounds the components took.
        capped_buckets: as in :class:`asimtext.NearDuplicates` (buckets where
            each document met only the ``BUCKET_WINDOW`` after it).

    :meth:`compute` brings everything to the client as a :class:`asimtext.NearDuplicates`
    (for results that fit in memory, e.g. to compare with the single-machine function).
    """

    def __init__(
        self,
        pairs: Any,
        clusters: Any,
        params: tuple[int, int],
        candidates: int,
        rounds: int,
        capped_buckets: int = 0,
    ):
        self.pairs = pairs
        self.clusters = clusters
        self.params = params
        self.candidates = candidates
        self.rounds = rounds
        self.capped_buckets = capped_buckets

    def compute(self) -> NearDuplicates:
        """Collect pairs and clusters (sorted as :func:`asimtext.near_duplicates` sorts them)."""
        p = self.pairs.compute().sort_values(["i", "j"], kind="stable")
        pairs = [(int(i), int(j), float(e), float(x)) for i, j, e, x in zip(p["i"], p["j"], p["estimated"], p["exact"])]
        c = self.clusters.compute().sort_values(["cluster", "doc"], kind="stable")
        clusters = [sorted(int(d) for d in g["doc"]) for _, g in c.groupby("cluster", sort=True)]
        return NearDuplicates(
            pairs=pairs,
            clusters=clusters,
            params=self.params,
            candidates=self.candidates,
            capped_buckets=self.capped_buckets,
        )

    def __repr__(self) -> str:
        return (
            f"DaskNearDuplicates(pairs={self.pairs.npartitions} partitions, "
            f"params={self.params}, candidates={self.candidates}, rounds={self.rounds})"
        )


def _with_ids(part: pd.DataFrame, text_column: str, id_column: str | None, offsets: list, partition_info=None):
    if id_column is None:
        if partition_info is None:  # pragma: no cover - Dask always passes it
            raise ComputeError("Dask did not pass partition_info: cannot number the rows")
        start = offsets[partition_info["number"]]
        doc = np.arange(start, start + len(part), dtype=np.int64)
    else:
        doc = part[id_column].to_numpy(dtype=np.int64)
    # The texts keep their dtype (Arrow strings serialize faster than objects).
    return pd.DataFrame({"doc": doc, "text": part[text_column].array})


def _band_rows(part: pd.DataFrame, s: _Settings) -> pd.DataFrame:
    keys, nonempty = dedup.band_keys(s.hasher, part["text"].tolist(), s.bands, s.rows)
    docs = part["doc"].to_numpy(dtype=np.int64)[nonempty]
    keys = keys[nonempty]
    return pd.DataFrame(
        {
            "band": np.tile(np.arange(s.bands, dtype=np.int32), len(docs)),
            "key": keys.reshape(-1),
            "doc": np.repeat(docs, s.bands),
        }
    )


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame({"i": pd.Series([], dtype="int64"), "j": pd.Series([], dtype="int64")})


def _buckets(part: pd.DataFrame):
    """The rows sorted by ``(band, key, doc)`` and the start and end of each bucket."""
    part = part.sort_values(["band", "key", "doc"], kind="stable")
    b = part["band"].to_numpy()
    k = part["key"].to_numpy()
    n = len(part)
    new = np.ones(n, dtype=bool)
    new[1:] = (b[1:] != b[:-1]) | (k[1:] != k[:-1])
    starts = np.flatnonzero(new)
    return part, starts, np.append(starts[1:], n)


def _capped_buckets(part: pd.DataFrame) -> pd.Series:
    """How many buckets hold more than ``BUCKET_WINDOW + 1`` documents."""
    if len(part) <= BUCKET_WINDOW + 1:
        return pd.Series([0])
    _, starts, ends = _buckets(part)
    return pd.Series([int(np.count_nonzero(ends - starts > BUCKET_WINDOW + 1))])


def _bucket_pairs(part: pd.DataFrame) -> pd.DataFrame:
    """The pairs ``(i, j)``, ``i < j``, of documents sharing a ``(band, key)``
    bucket and at most ``BUCKET_WINDOW`` apart in it (as the core compares them)."""
    if len(part) < 2:
        return _empty_pairs()
    part, starts, ends = _buckets(part)
    d = part["doc"].to_numpy()
    n = len(d)
    end_of = np.repeat(ends, ends - starts)
    pos = np.arange(n)
    cnt = np.minimum(end_of - pos - 1, BUCKET_WINDOW)  # partners after each element
    total = int(cnt.sum())
    if total == 0:
        return _empty_pairs()
    left = np.repeat(pos, cnt)
    first = np.cumsum(cnt) - cnt
    right = left + 1 + (np.arange(total) - np.repeat(first, cnt))
    return pd.DataFrame({"i": d[left], "j": d[right]})


def _verify(part: pd.DataFrame, s: _Settings) -> pd.DataFrame:
    out = pd.DataFrame(
        {
            "i": pd.Series([], dtype="int64"),
            "j": pd.Series([], dtype="int64"),
            "estimated": pd.Series([], dtype="float64"),
            "exact": pd.Series([], dtype="float64"),
        }
    )
    n = len(part)
    if n == 0:
        return out
    i = part["i"].to_numpy(dtype=np.int64)
    j = part["j"].to_numpy(dtype=np.int64)
    codes, _ = pd.factorize(np.concatenate([i, j]))
    _, first = np.unique(codes, return_index=True)
    texts = np.concatenate([part["ti"].to_numpy(dtype=object), part["tj"].to_numpy(dtype=object)])
    est, exact = dedup.verify_pairs(
        s.hasher, texts[first].tolist(), codes[:n].astype(np.int64), codes[n:].astype(np.int64)
    )
    keep = exact >= s.threshold
    return pd.DataFrame({"i": i[keep], "j": j[keep], "estimated": est[keep], "exact": exact[keep]})


def _ids_meta() -> pd.DataFrame:
    return pd.DataFrame({"doc": pd.Series([], dtype="int64")})


def _endpoints(part: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"doc": np.unique(np.concatenate([part["i"], part["j"]]))})


def _default_shuffle_method() -> str | None:
    """Dask's choice on a distributed client; ``"tasks"`` on the local
    schedulers (Dask would pick p2p whenever a client exists, even when the
    computation is sent to the threaded scheduler, where p2p cannot run)."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - dask[distributed] is part of the extra
        return "tasks"
    scheduler = dask.base.get_scheduler()
    return None if isinstance(getattr(scheduler, "__self__", None), Client) else "tasks"


def _parts(rows: int, per_partition: int, most: int) -> int:
    return max(1, min(most, -(-rows // per_partition)))


def _co_locate(df: Any, on: list, npartitions: int, method: str | None) -> Any:
    """Equal values of ``on`` in one partition: a shuffle, or one partition."""
    if npartitions == 1:
        return df.repartition(npartitions=1)
    return df.shuffle(on=on, npartitions=npartitions, shuffle_method=method)


def _drop_duplicates(part: pd.DataFrame) -> pd.DataFrame:
    return part.drop_duplicates(ignore_index=True)


def _edges_meta() -> pd.DataFrame:
    return pd.DataFrame({"a": pd.Series([], dtype="int64"), "b": pd.Series([], dtype="int64")})


def _both_directions(p: pd.DataFrame) -> pd.DataFrame:
    a, b = p["a"].to_numpy(), p["b"].to_numpy()
    return pd.DataFrame({"u": np.concatenate([a, b]), "v": np.concatenate([b, a])})


def _large_star(p: pd.DataFrame) -> pd.DataFrame:
    """Rows ``(u, v)`` (all of a node's neighbours in this partition): link every
    neighbour larger than ``u`` to the smallest of ``u`` and its neighbours."""
    u, v = p["u"].to_numpy(), p["v"].to_numpy()
    m = np.minimum(p.groupby("u")["v"].transform("min").to_numpy(), u)
    keep = v > u
    return pd.DataFrame({"a": m[keep], "b": v[keep]}).drop_duplicates(ignore_index=True)


def _small_star(p: pd.DataFrame) -> pd.DataFrame:
    """Edges ``(a, b)``, ``a < b``, grouped by ``b``: link ``b`` and its smaller
    neighbours to the smallest of them."""
    a, b = p["a"].to_numpy(), p["b"].to_numpy()
    m = p.groupby("b")["a"].transform("min").to_numpy()
    x = np.concatenate([a, b])
    mm = np.concatenate([m, m])
    keep = x != mm
    return pd.DataFrame({"a": mm[keep], "b": x[keep]}).drop_duplicates(ignore_index=True)


def _roles(p: pd.DataFrame) -> pd.DataFrame:
    a, b = p["a"].to_numpy(), p["b"].to_numpy()
    return pd.DataFrame(
        {
            "node": np.concatenate([b, a]),
            "child": np.concatenate([np.ones(len(b), np.int64), np.zeros(len(a), np.int64)]),
            "parent": np.concatenate([np.zeros(len(b), np.int64), np.ones(len(a), np.int64)]),
        }
    )


def _not_star(p: pd.DataFrame) -> pd.DataFrame:
    """Nodes (grouped) breaking the star-forest shape: linked to two smaller
    nodes, or both smaller and larger end of edges."""
    g = p.groupby("node")[["child", "parent"]].sum()
    bad = (g["child"] > 1) | ((g["child"] > 0) & (g["parent"] > 0))
    return pd.DataFrame({"bad": [int(bad.sum())]})


def _cluster_rows(p: pd.DataFrame) -> pd.DataFrame:
    a, b = p["a"].to_numpy(), p["b"].to_numpy()
    return pd.DataFrame({"doc": np.concatenate([b, a]), "cluster": np.concatenate([a, a])})


def _components(pairs: Any, npartitions: int, max_rounds: int, method: str | None) -> tuple[Any, int]:
    """Connected components of the ``(i, j)`` edges, on the workers:
    ``(doc, cluster)`` with cluster = the component's smallest id.

    Alternating large-star and small-star steps (Kiveris et al., "Connected
    Components in MapReduce and Beyond", SoCC 2014; O(log^2 n) rounds, in
    practice about log n: 13 for a 100,000-node path with shuffled ids). Each
    step is one shuffle by node and keeps the components; they stop when the
    edges form a star forest (every node linked to at most one smaller node,
    which has no smaller neighbour itself): each star is then a component
    centred on its smallest id. Per round only the count of nodes breaking
    the star shape reaches the client.
    """
    edges = pairs.map_partitions(
        lambda p: pd.DataFrame({"a": p["i"].to_numpy(), "b": p["j"].to_numpy()}),
        meta=_edges_meta(),
    )
    if edges.npartitions != npartitions:
        edges = edges.repartition(npartitions=npartitions)
    edges = edges.persist()
    rounds = 0
    while True:
        rounds += 1
        large = _co_locate(
            edges.map_partitions(
                _both_directions,
                meta=pd.DataFrame({"u": pd.Series([], dtype="int64"), "v": pd.Series([], dtype="int64")}),
            ),
            ["u"],
            npartitions,
            method,
        ).map_partitions(_large_star, meta=_edges_meta())
        edges = _co_locate(large, ["b"], npartitions, method).map_partitions(_small_star, meta=_edges_meta()).persist()
        roles_meta = pd.DataFrame(
            {
                "node": pd.Series([], dtype="int64"),
                "child": pd.Series([], dtype="int64"),
                "parent": pd.Series([], dtype="int64"),
            }
        )
        bad = _co_locate(edges.map_partitions(_roles, meta=roles_meta), ["node"], npartitions, method).map_partitions(
            _not_star, meta=pd.DataFrame({"bad": pd.Series([], dtype="int64")})
        )
        nbad = int(bad["bad"].sum().compute())
        log.debug("components: round %d, %d nodes not in a star yet", rounds, nbad)
        if nbad == 0:
            break
        if rounds >= max_rounds:
            raise ComputeError(f"connected components did not converge in {max_rounds} rounds")
    clusters = _co_locate(
        edges.map_partitions(_cluster_rows, meta=_clusters_meta()), ["doc"], npartitions, method
    ).map_partitions(_drop_duplicates, meta=_clusters_meta())
    return clusters.persist(), rounds


def _clusters_meta() -> pd.DataFrame:
    return pd.DataFrame({"doc": pd.Series([], dtype="int64"), "cluster": pd.Series([], dtype="int64")})


def near_duplicates(
    data: Any,
    text_column: str,
    threshold: float = 0.8,
    id_column: str | None = None,
    *,
    num_perm: int = 128,
    ngram: int = 5,
    unit: str = "word",
    seed: int = 1,
    params: tuple[int, int] | None = None,
    npartitions: int | None = None,
    shuffle_method: str | None = None,
    components_partitions: int | None = None,
    max_rounds: int = 64,
) -> DaskNearDuplicates:
    """Distributed :func:`asimtext.near_duplicates` over a Dask DataFrame.

    Args:
        data: Dask DataFrame with the texts (``str``) in ``text_column``.
        text_column: name of the text column.
        threshold: minimum exact Jaccard similarity of the shingle sets.
        id_column: integer column of unique document ids reported in the
            pairs and clusters; by default the row position in ``data``
            (0, 1, 2, ... across partitions in order), which makes the result
            identical to ``asimtext.near_duplicates(texts)``.
        num_perm, ngram, unit, seed, params: as in :func:`asimtext.near_duplicates`.
        npartitions: partitions of the shuffled stages (default: those of ``data``).
        shuffle_method: Dask's shuffle method for the shuffles and joins
            (``"p2p"``, ``"tasks"``, ``"disk"``; default: Dask's choice on a
            distributed client, ``"tasks"`` on the local schedulers).
        components_partitions: partitions of the connected-components stage
            (default: one per million verified pairs, at most ``npartitions``:
            near-duplicate pairs are usually far fewer than documents, and
            each join round costs a fixed overhead per partition).
        max_rounds: bound on the connected-components rounds.

    Returns a :class:`DaskNearDuplicates` whose ``pairs`` and ``clusters`` are
    persisted on the cluster; no pair is collected on the client (call
    ``.compute()`` for that, or write them out with ``to_parquet``).
    Computation starts at once (the components need a few rounds).

    Raises:
        TypeError/ValueError: bad arguments (checked on the client), a
            non-integer ``id_column``; duplicate ids raise ValueError.
    """
    if not isinstance(data, dd.DataFrame):
        raise ArgumentTypeError(f"data must be a dask.dataframe.DataFrame, not {type(data).__name__}")
    _column(data, text_column)
    if id_column is not None:
        _column(data, id_column)
        if not pd.api.types.is_integer_dtype(data._meta[id_column].dtype):
            raise ArgumentTypeError(f"id_column {id_column!r} must hold integers, not {data._meta[id_column].dtype}")
    # Validate exactly as the single-machine function does (same error messages).
    bands, rows = dedup.lsh_shape(threshold=threshold, num_perm=num_perm, ngram=ngram, unit=unit,
                                  seed=seed, params=params)
    for name, value in (
        ("npartitions", npartitions),
        ("components_partitions", components_partitions),
    ):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            raise ArgumentError(f"{name} must be a positive int or None, got {value!r}")
    settings = _Settings(
        hasher=MinHasher(num_perm=num_perm, ngram=ngram, unit=unit, seed=seed),
        threshold=float(threshold),
        bands=bands,
        rows=rows,
    )
    nparts = int(npartitions or data.npartitions)
    method = shuffle_method or _default_shuffle_method()
    t0 = time.perf_counter()

    # Document ids.
    offsets: list[int] = []
    if id_column is None:
        lengths = data.map_partitions(len).compute().tolist()
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(int).tolist()
    docs_meta = pd.DataFrame({"doc": pd.Series([], dtype="int64"), "text": data._meta[text_column].iloc[:0].array})
    docs = data.map_partitions(_with_ids, text_column, id_column, offsets, meta=docs_meta)
    docs = docs.persist()
    if id_column is not None:
        n, unique = dask.compute(docs["doc"].count(), docs["doc"].nunique())
        if n != unique:
            raise ArgumentError(f"id_column {id_column!r} has {n - unique} duplicate ids")

    # 1. band keys per partition; 2. shuffle on (band, key) -> candidate pairs.
    rows_meta = pd.DataFrame(
        {
            "band": pd.Series([], dtype="int32"),
            "key": pd.Series([], dtype="uint64"),
            "doc": pd.Series([], dtype="int64"),
        }
    )
    keyed = docs.map_partitions(_band_rows, settings, meta=rows_meta)
    shuffled = keyed.shuffle(on=["band", "key"], npartitions=nparts, shuffle_method=method).persist()
    bucket_pairs = shuffled.map_partitions(_bucket_pairs, meta=_empty_pairs()).persist()
    capped = int(shuffled.map_partitions(_capped_buckets, meta=pd.Series([], dtype="int64")).sum().compute())
    del shuffled
    # A pair found in several bands is removed by a shuffle on (i, j). The
    # later stages get as many partitions as their size needs (each shuffle
    # costs a fixed overhead per partition; candidates are usually few).
    found = int(bucket_pairs.shape[0].compute())
    dparts = _parts(found, _PAIRS_PER_PARTITION, nparts)
    cands = _co_locate(bucket_pairs, ["i", "j"], dparts, method)
    cands = cands.map_partitions(_drop_duplicates, meta=_empty_pairs()).persist()
    candidates = int(cands.shape[0].compute())
    log.debug("%d candidates (%.2f s)", candidates, time.perf_counter() - t0)

    # 3. join both texts to each candidate and verify. Only the texts of
    # documents in a candidate pair move: their ids (8 bytes each, one
    # partition) are joined to every partition of `docs`, which keep those rows.
    involved = cands.map_partitions(_endpoints, meta=_ids_meta()).drop_duplicates(split_out=1).persist()
    vparts = _parts(candidates, _CANDIDATES_PER_PARTITION, nparts)
    needed = docs.merge(involved, on="doc", how="inner")
    if vparts == 1:
        needed = needed.repartition(npartitions=1)
        cands = cands.repartition(npartitions=1)
    ti = needed.rename(columns={"doc": "i", "text": "ti"})
    tj = needed.rename(columns={"doc": "j", "text": "tj"})
    joined = cands.merge(ti, on="i", how="inner", shuffle_method=method, npartitions=vparts)
    joined = joined.merge(tj, on="j", how="inner", shuffle_method=method, npartitions=vparts)
    verify_meta = pd.DataFrame(
        {
            "i": pd.Series([], dtype="int64"),
            "j": pd.Series([], dtype="int64"),
            "estimated": pd.Series([], dtype="float64"),
            "exact": pd.Series([], dtype="float64"),
        }
    )
    pairs = joined.map_partitions(_verify, settings, meta=verify_meta).persist()
    npairs = int(pairs.shape[0].compute())
    log.debug("%d verified pairs (%.2f s)", npairs, time.perf_counter() - t0)

    # 4. connected components on the workers.
    cc_parts = components_partitions or _parts(npairs, _EDGES_PER_PARTITION, nparts)
    clusters, rounds = _components(pairs, cc_parts, max_rounds, method)
    log.debug("components: %d rounds (%.2f s)", rounds, time.perf_counter() - t0)
    return DaskNearDuplicates(
        pairs=pairs,
        clusters=clusters,
        params=(bands, rows),
        candidates=candidates,
        rounds=rounds,
        capped_buckets=capped,
    )


# -- the digest ---------------------------------------------------------------------------


def _plain(row: dict) -> dict:
    """A DataFrame row as an article dict: missing values (None, NaN, NaT) left out."""
    return {k: v for k, v in row.items() if v is not None and not (isinstance(v, float) and v != v)
            and v is not pd.NaT}


def _digest_prepare(part: pd.DataFrame, text_field: str, id_field: str, keep_spans: bool) -> list:
    """One partition read, split into its reports and prepared (spans, outlet, date,
    language) on a worker: ``(record, unit docs or None, units)`` per row, in row
    order (:func:`asimtext.digest.pipeline.prepare_pages`, as the whole digest)."""
    from asimtext.digest import default_backend
    from asimtext.digest import pipeline as P

    loaded = P.load([_plain(r) for r in part.to_dict("records")], text_field, id_field) \
        if len(part) else P.Loaded([], [])
    docs, units = P.prepare_pages(loaded.docs, default_backend(), keep_spans)
    P.forget_prepared(docs)  # (the batch stays on the worker: not sent)
    by_record: dict = {}
    for d, u in zip(docs, units):
        by_record.setdefault(d.record, ([], []))
        by_record[d.record][0].append(d)
        by_record[d.record][1].append(u)
    return [(r, *by_record.get(n, (None, []))) for n, r in enumerate(loaded.records)]


def _digest_stories(docs: list, stories: Any, params: Any, compact: bool) -> Any:
    from asimtext.digest import default_backend
    from asimtext.digest import pipeline as P

    return P.digest_stories(docs, stories, range(len(stories.groups)), default_backend(),
                            params, compact=compact)


def digest(
    df: Any,
    text_column: str = "text",
    id_column: str = "id",
    *,
    keep: str = "stories",
    params: Any = None,
    articles_per_task: int = 4096,
) -> Any:
    """The digest of a Dask DataFrame of articles (columns ``text``, ``id`` and any of
    ``title, source, published, lang``), equal to :func:`asimtext.digest` of its rows
    in partition order with the same ``keep``.

    Three stages: every partition is read and prepared on a worker (spans, outlet,
    date, language: the per-article work); the stories are grouped on the client
    over all articles, so that a story whose articles sit in several partitions
    (a partition by publication time cuts stories at its edges) is one story;
    then the stories are cut into tasks of about ``articles_per_task`` articles
    whose facts, copies and conflicts the workers find, and the client numbers
    the parts in story order. Duplicate ids are detected within a partition only.
    """
    from asimtext.digest import DigestParams, default_backend
    from asimtext.digest import pipeline as P

    if keep not in P.KEEP:
        raise ArgumentError(f"keep must be one of {', '.join(P.KEEP)}, got {keep!r}")
    params = params or DigestParams()
    if not hasattr(df, "to_delayed"):
        raise ArgumentTypeError(f"df must be a Dask DataFrame, got {type(df).__name__}")
    tasks = [dask.delayed(_digest_prepare)(p, text_column, id_column, keep == "all")
             for p in df.to_delayed()]
    prepared, offsets, rows = [], [], 0
    for part in dask.compute(*tasks):
        prepared.extend(part)
        offsets.extend([rows] * len(part))
        rows += len(part)
    docs = []
    for n, (_r, ds, _us) in enumerate(prepared):
        for d in ds or ():
            d.idx, d.record = len(docs), n
            docs.append(d)
    backend = default_backend()
    stories = P.group_stories(docs, backend, params)
    P.borrow_dates(docs, stories, backend)
    shown = P.select_stories(docs, stories, keep)
    compact = keep != "all"
    unit_of = {} if compact else {u.id: u for _r, _ds, us in prepared for u in us}
    articles = [P.article_entry(r, ds, shown, compact, unit_of) for r, ds, _us in prepared]
    del unit_of
    for a, off in zip(articles, offsets):  # a row's place in the whole frame, not its partition
        if isinstance(a.get("line"), int) and a.get("file") == "<objects>":
            a["line"] += off
    del prepared
    work = []
    for which in P.story_batches(shown, articles_per_task):
        sub_docs, sub = shown.subset(which, docs)
        work.append(dask.delayed(_digest_stories)(sub_docs, sub, params, compact))
    numbering = P.Numbering()
    parts = [numbering(p) for p in dask.compute(*work)]
    return P.assemble(articles, parts, P.params_dict(params, keep))
