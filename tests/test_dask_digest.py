"""asimtext.dask.digest on a local cluster equals the single-machine digest."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import asimtext  # noqa: E402
import asimtext.dask as ad  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))
from digest_corpus import articles as news  # noqa: E402


@pytest.fixture(scope="module")
def client():
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def rows():
    """Multi-outlet news over four days, in publication-time order, plus a bad row."""
    rs = sorted(news(300, days=4.0, seed=7), key=lambda r: r["published"])
    rs.insert(17, {"id": "no-text", "text": None, "source": "X"})
    return rs


@pytest.mark.parametrize("keep", ["stories", "all"])
def test_dask_digest_equals_single_machine(client, rows, keep):
    single = asimtext.digest([{k: v for k, v in r.items() if v is not None} for r in rows],
                             keep=keep)
    # partitions by publication time: stories straddle their edges
    ddf = dd.from_pandas(pd.DataFrame(rows), npartitions=5, sort=False)
    dist = ad.digest(ddf, keep=keep, articles_per_task=40)
    assert dist.to_dict() == single.to_dict()
    c = dist.counts
    assert c["in"] == len(rows) and c["skipped"] == 1 and c["stories"] > 10
    cut = ddf.divisions
    straddle = [s for s in dist.stories
                if len({next(i for i in range(len(cut) - 1)
                             if cut[i] <= pos < cut[i + 1] or i == len(cut) - 2)
                        for pos in (idx[a] for a in s["articles"])}) > 1]
    assert straddle, "no story crosses a partition boundary: the test proves nothing"


idx: dict = {}


@pytest.fixture(autouse=True)
def _positions(rows):
    idx.clear()
    idx.update({r["id"]: n for n, r in enumerate(rows)})


def test_dask_digest_splits_pages_as_the_single_machine_does(client):
    # A page of three reports among other outlets' articles: the workers split it
    # into its reports as asimtext.digest does (the stories of its reports, its entry).
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from data import made_up as M

    page = "\n\n".join([M.FLOOD_HI, M.CRICKET_HI, M.EXAM_HI])
    rows = [{"id": "flood", "text": M.FLOOD_EN, "source": "Outlet F", "published": "2021-08-18"},
            {"id": "page", "text": page, "source": "Outlet P", "published": "2021-08-18"},
            {"id": "match", "text": M.CRICKET_EN, "source": "Outlet C", "published": "2021-08-19"}]
    for keep in ("stories", "all"):
        single = asimtext.digest(rows, keep=keep)
        dist = ad.digest(dd.from_pandas(pd.DataFrame(rows), npartitions=2, sort=False), keep=keep)
        assert dist.to_dict() == single.to_dict()
        assert dist.counts["units"] == 5
        assert sorted(sorted(s["articles"]) for s in dist.stories if len(s["articles"]) > 1) == [
            ["flood", "page"], ["match", "page"]]
