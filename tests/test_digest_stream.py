"""The reader's digest (keep=...), JSON Lines output and the streamed digest in
publication-time windows (asimtext.digest.stream)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import asimtext
import pytest
from _fakes import fake_backend
from asimtext import Article
from asimtext.cli import main
from asimtext.digest import DigestParams, default_backend
from asimtext.digest.stream import collect, iter_digest, iter_whole, parse_window
from data import made_up as M

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(params=["real", "fake"], scope="module")
def backend(request):
    return default_backend() if request.param == "real" else fake_backend()


def _arts(day_of=None):
    """Two stories carried by two outlets each, and a story told once."""
    day_of = day_of or {}
    names = ["FLOOD_HI", "FLOOD_EN", "CRICKET_EN", "CRICKET_HI", "TECH_EN"]
    return [Article(n, getattr(M, n), source=f"Outlet {n}",
                    published=day_of.get(n, "2021-08-18")) for n in names]


def _stories(dg):
    return sorted(sorted(s["articles"]) for s in dg.stories)


def test_keep_stories_shows_multi_outlet_stories(backend):
    full = asimtext.digest(_arts(), backend=backend)
    dg = asimtext.digest(_arts(), backend=backend, keep="stories")
    assert _stories(dg) == [["CRICKET_EN", "CRICKET_HI"], ["FLOOD_EN", "FLOOD_HI"]]
    assert len(full.stories) == 3
    assert dg.counts["in"] == 5 and dg.counts["ok"] == 5
    tech = dg.article("TECH_EN")
    assert tech == {"id": "TECH_EN", "status": "ok", "story": None, "source": "Outlet TECH_EN"}
    assert all(f["n_sources"] >= 2 for f in dg.facts)
    assert {f["value"] for f in dg.facts} <= {f["value"] for f in full.facts}
    assert dg.params["keep"] == "stories"
    single = asimtext.digest(_arts(), backend=backend, keep="singletons")
    assert _stories(single) == _stories(full)
    with pytest.raises(ValueError, match="keep"):
        asimtext.digest(_arts(), backend=backend, keep="some")


@pytest.mark.parametrize("chunk", [1, 2, 100])
def test_wide_window_equals_whole(backend, chunk):
    params = DigestParams()
    whole = collect(iter_whole(_arts(), params, backend, keep="singletons"), {})
    streamed = collect(iter_digest(_arts(), params, backend, keep="singletons",
                                   window=parse_window("30d"), chunk=chunk), {})
    assert _stories(streamed) == _stories(whole)
    assert sorted(a["id"] for a in streamed.articles) == sorted(a["id"] for a in whole.articles)
    assert sorted((f["value"], f["n_sources"]) for f in streamed.facts) == sorted(
        (f["value"], f["n_sources"]) for f in whole.facts)


def test_window_closes_stories_as_time_passes(backend):
    days = {"FLOOD_HI": "2021-08-01", "FLOOD_EN": "2021-08-02", "CRICKET_EN": "2021-08-20",
            "CRICKET_HI": "2021-08-20", "TECH_EN": "2021-08-21"}
    items = list(iter_digest(_arts(days), DigestParams(), backend, keep="stories",
                             window=parse_window("3d"), chunk=1))
    order = [s["articles"] for kind, p in items if kind == "part" for s in p.stories]
    assert order[0] == ["FLOOD_EN", "FLOOD_HI"] or order[0] == ["FLOOD_HI", "FLOOD_EN"]
    # the flood story was handed out before the cricket articles were read
    first_part = next(i for i, (kind, _) in enumerate(items) if kind == "part")
    listed = [a["id"] for kind, x in items[:first_part] if kind == "articles" for a in x]
    assert "CRICKET_EN" not in listed
    ids = [s["id"] for kind, p in items if kind == "part" for s in p.stories]
    assert ids == [f"S{n}" for n in range(1, len(ids) + 1)]
    # a story reported again after the window is a new story
    late = _arts({**days, "FLOOD_EN": "2021-08-30"})
    late.append(late.pop(1))  # read last, a month after FLOOD_HI
    items = list(iter_digest(late, DigestParams(), backend, keep="singletons",
                             window=parse_window("3d"), chunk=1))
    stories = [sorted(s["articles"]) for kind, p in items if kind == "part" for s in p.stories]
    assert ["FLOOD_EN", "FLOOD_HI"] not in stories


def test_parse_window():
    assert parse_window("3d") == dt.timedelta(days=3)
    assert parse_window("12h") == dt.timedelta(hours=12)
    for bad in ("", "3", "0d", "-1d", "3y", None):
        with pytest.raises(ValueError, match="window"):
            parse_window(bad)


def _write(tmp_path, arts):
    p = tmp_path / "in.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a.id, "text": a.text, "source": a.source,
                                "published": a.published}, ensure_ascii=False) + "\n")
        f.write("{not json\n")
    return p


@pytest.mark.parametrize("window", [None, "3d"])
def test_cli_jsonl(tmp_path, capsys, window):
    p = _write(tmp_path, _arts())
    out = tmp_path / "out.jsonl"
    argv = ["digest", str(p), "-o", str(out), "-q"] + (["--window", window] if window else [])
    assert main(argv) == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "header" and lines[-1]["type"] == "counts"
    stories = [x for x in lines if x["type"] == "story"]
    assert sorted(sorted(s["story"]["articles"]) for s in stories) == [
        ["CRICKET_EN", "CRICKET_HI"], ["FLOOD_EN", "FLOOD_HI"]]
    for s in stories:
        assert all(f["story"] == s["story"]["id"] for f in s["facts"])
    arts = [a for x in lines if x["type"] == "articles" for a in x["articles"]]
    c = lines[-1]
    assert c["in"] == len(arts) == 6 and c["ok"] == 5 and c["skipped"] == 1
    assert c["stories"] == len(stories)


def test_cli_window_json_and_keep_all(tmp_path):
    p = _write(tmp_path, _arts())
    out = tmp_path / "out.json"
    assert main(["digest", str(p), "-o", str(out), "-q", "--window", "3d", "--keep", "all"]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["counts"]["in"] == 6 and len(doc["stories"]) == 3
    assert all("source" in a for a in doc["articles"])
    assert main(["digest", str(p), "-q", "--window", "3x"]) != 0


def test_compact_digest_follows_the_schema(backend):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads(resources.files("asimtext.digest").joinpath("schema.json").read_text())
    arts = _arts() + [{"id": "bad"}]
    for keep in ("stories", "singletons"):
        jsonschema.validate(asimtext.digest(arts, backend=backend, keep=keep).to_dict(), schema)


def test_reader_digest_is_a_view_of_the_full_one(backend):
    """Dropping the spans after the prepare stage and extracting them again for the
    stories shown gives the facts and events of the full digest."""
    arts = _arts() + [Article(p.name, p.read_text(encoding="utf-8"))
                      for p in sorted(SEEDS.glob("*.txt"))]  # dates inferred and borrowed
    full = asimtext.digest(arts, backend=backend, keep="all")
    dg = asimtext.digest(arts, backend=backend, keep="stories")
    label = {s["id"]: tuple(sorted(s["articles"])) for s in full.stories}
    label2 = {s["id"]: tuple(sorted(s["articles"])) for s in dg.stories}

    def facts(d, lab, multi_only):
        return sorted((lab[f["story"]], f["kind"], f["value"], f["n_sources"],
                       tuple((m["article"], m["start"], m["end"], m["resolved"])
                             for m in f["mentions"]))
                      for f in d.facts if f["story"] in lab and (f["n_sources"] > 1 or not multi_only))

    shown = {v for v in label2.values()}
    lab_full = {k: v for k, v in label.items() if v in shown}
    assert facts(dg, label2, True) == facts(full, lab_full, True)
    ev = lambda d, lab: sorted((lab[e["story"]], e["date"], tuple(e["sources"]))  # noqa: E731
                               for e in d.timeline if e["story"] in lab and len(e["sources"]) > 1)
    assert ev(dg, label2) == ev(full, lab_full)


def _paged():
    """A page of one outlet holding three reports (a flood, a match, exam results),
    and other outlets' reports of the flood and the match as articles of their own."""
    page = "\n\n".join([M.FLOOD_HI, M.CRICKET_HI, M.EXAM_HI])
    return [Article("page", page, source="Outlet P", published="2021-08-18"),
            Article("flood", M.FLOOD_EN, source="Outlet F", published="2021-08-18"),
            Article("match", M.CRICKET_EN, source="Outlet C", published="2021-08-19")]


@pytest.mark.parametrize("keep", ["stories", "all"])
def test_every_route_splits_pages_into_their_reports(keep):
    # The whole digest, its JSON Lines route and the streamed digest find the same
    # reports in a page of several, and so the same stories (the JSON Lines and
    # streamed routes once read such a page as one article: 11 stories instead of 58 on
    # a month of five Hindi dailies).
    be = default_backend()
    whole = asimtext.digest(_paged(), keep=keep)
    assert [s for s in _stories(whole) if len(s) > 1] == [["flood", "page"], ["match", "page"]]
    items = collect(iter_whole(_paged(), DigestParams(), be, keep=keep), whole.params)
    assert items.to_dict() == whole.to_dict()
    for chunk in (1, 3):
        streamed = collect(iter_digest(_paged(), DigestParams(), be, keep=keep,
                                       window=parse_window("30d"), chunk=chunk), whole.params)
        assert _stories(streamed) == _stories(whole)
        assert streamed.counts == whole.counts
        assert sorted(map(json.dumps, streamed.articles)) == sorted(map(json.dumps, whole.articles))


def test_a_page_is_listed_once_when_all_its_reports_closed():
    # The flood closes before the match (a window of 1 day, the match read 5 days on);
    # the page holds both, so its entry waits for the match's story.
    arts = _paged()
    arts[2] = Article("match", M.CRICKET_EN, source="Outlet C", published="2021-08-24")
    items = list(iter_digest(arts, DigestParams(), default_backend(), keep="all",
                             window=parse_window("1d"), chunk=1))
    listed = [a["id"] for kind, x in items if kind == "articles" for a in x]
    assert sorted(listed) == ["flood", "match", "page"]
    page = next(a for kind, x in items if kind == "articles" for a in x if a["id"] == "page")
    assert len(page["units"]) == 3 and all(u["story"] for u in page["units"][:2])


def test_jsonl_counts_are_the_digest_counts(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("".join(json.dumps({"id": a.id, "text": a.text, "source": a.source,
                                     "published": a.published}, ensure_ascii=False) + "\n"
                         for a in _paged()), encoding="utf-8")
    assert main(["digest", str(p), "-o", str(tmp_path / "d.json"), "-q"]) == 0
    assert main(["digest", str(p), "-o", str(tmp_path / "d.jsonl"), "-q"]) == 0
    whole = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    lines = [json.loads(x) for x in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    counts = {k: v for k, v in lines[-1].items() if k != "type"}
    assert counts == whole["counts"] and counts["units"] == 5
