"""asimtext on Dask (a local cluster of 2 worker processes) beside one process.

Run (corpus size from ASIMTEXT_BENCH_DOCS, default 10,000 articles of ~2 KB):

    ASIMTEXT_BENCH_DOCS=10000 python -m pytest benches/bench_dask.py -s -p no:logging

Groups (throughput in MB/s and docs/s of input text, best of 3 rounds after a warm-up):

* ``dask near_duplicates``: ``asimtext.near_duplicates`` in this process (all
  cores, and pinned to 1 core) vs ``asimtext.dask.near_duplicates`` on
  ``LocalCluster(n_workers=2, processes=True, threads_per_worker=1)``, each
  worker limited to one core (``RAYON_NUM_THREADS=1``); the input DataFrame
  is persisted on the workers first (as if read from Parquet there). The
  Dask result is checked against the single-process one.
* ``dask normalize`` / ``dask extract``: the batch calls in one process vs the
  per-partition maps on the cluster.

Also printed: the size of what travels to workers, and the first-call vs
later-call time of each worker (the Rust statics are built once per process).
"""

from __future__ import annotations

import itertools
import logging
import os
import pickle
import sys
import time
from pathlib import Path

import pytest

dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
import pandas as pd  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import asimtext  # noqa: E402
import asimtext.dask as ad  # noqa: E402
from corpus import make_corpus  # noqa: E402

N = int(os.environ.get("ASIMTEXT_BENCH_DOCS", "10000"))
PARTS = int(os.environ.get("ASIMTEXT_BENCH_PARTITIONS", "8"))
THRESHOLD = 0.8


from bench_dedup import cores  # noqa: E402  (pins every thread, rayon's too)


@pytest.fixture(scope="module")
def corpus():
    c = make_corpus(N)
    return c.texts, c.nbytes


@pytest.fixture(scope="module")
def client():
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        env={"RAYON_NUM_THREADS": "1"},
    )
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def frame(client, corpus):
    texts, _ = corpus
    return dd.from_pandas(pd.DataFrame({"text": texts}), npartitions=PARTS).persist()


_NONCE = itertools.count()


def _identity(part, nonce):
    return part


def fresh(frame):
    """The persisted frame under new task keys, so that no round reuses results
    of the previous one still held by the workers."""
    return frame.map_partitions(_identity, next(_NONCE), meta=frame._meta)


def test_single_process_near_duplicates(throughput, corpus):
    texts, nbytes = corpus
    throughput(
        lambda: asimtext.near_duplicates(texts, threshold=THRESHOLD),
        group="dask near_duplicates",
        name=f"1 process, {len(os.sched_getaffinity(0))} cores",
        nbytes=nbytes,
        ndocs=len(texts),
        baseline=True,
    )


def test_single_process_1core_near_duplicates(throughput, corpus):
    texts, nbytes = corpus
    with cores(1):
        throughput(
            lambda: asimtext.near_duplicates(texts, threshold=THRESHOLD),
            group="dask near_duplicates",
            name="1 process, 1 core",
            nbytes=nbytes,
            ndocs=len(texts),
        )


def test_dask_near_duplicates(throughput, corpus, frame):
    texts, nbytes = corpus
    res = throughput(
        lambda: ad.near_duplicates(fresh(frame), "text", threshold=THRESHOLD),
        group="dask near_duplicates",
        name=f"dask, 2 workers x 1 core, {PARTS} partitions",
        nbytes=nbytes,
        ndocs=len(texts),
    )
    got = res.compute()
    want = asimtext.near_duplicates(texts, threshold=THRESHOLD)
    assert got.pairs == want.pairs and got.clusters == want.clusters
    print(f"\n{res}; {len(got.pairs)} pairs, {len(got.clusters)} clusters")


def test_single_process_normalize(throughput, corpus):
    texts, nbytes = corpus
    throughput(
        lambda: asimtext.normalize_batch(texts),
        group="dask normalize",
        name=f"1 process, {len(os.sched_getaffinity(0))} cores",
        nbytes=nbytes,
        ndocs=len(texts),
        baseline=True,
    )


def test_dask_normalize(throughput, corpus, frame):
    texts, nbytes = corpus
    throughput(
        lambda: ad.normalize(fresh(frame), "text", output="norm")["norm"].str.len().sum().compute(),
        group="dask normalize",
        name=f"dask, 2 workers x 1 core, {PARTS} partitions",
        nbytes=nbytes,
        ndocs=len(texts),
    )


def test_single_process_extract(throughput, corpus):
    texts, nbytes = corpus
    throughput(
        lambda: asimtext.extract_batch(texts),
        group="dask extract",
        name=f"1 process, {len(os.sched_getaffinity(0))} cores",
        nbytes=nbytes,
        ndocs=len(texts),
        baseline=True,
    )


def test_dask_extract(throughput, corpus, frame):
    texts, nbytes = corpus
    throughput(
        lambda: ad.extract(fresh(frame), "text")["end"].sum().compute(),
        group="dask extract",
        name=f"dask, 2 workers x 1 core, {PARTS} partitions",
        nbytes=nbytes,
        ndocs=len(texts),
    )


def test_report_pickles_and_first_calls(client):
    """What travels, and the once-per-process cost of the Rust statics."""
    h = asimtext.MinHasher()
    settings = ad._Settings(hasher=h, threshold=0.8, bands=23, rows=5)
    print(f"\npickle sizes: MinHasher {len(pickle.dumps(h))} B, settings {len(pickle.dumps(settings))} B")

    def first_and_later():
        out = []
        for _ in range(3):
            t = time.perf_counter()
            asimtext.MinHasher().signatures(["5 मार्च 2021 को 10 लोग"])
            asimtext.extract_batch(["5 मार्च 2021 को 10 लोग"])
            out.append(round((time.perf_counter() - t) * 1e3, 3))
        return out

    # A fresh pair of worker processes: the first call pays the statics once.
    client.restart()
    for addr, times in client.run(first_and_later).items():
        print(f"worker {addr}: signature+extract calls (ms): {times}")
