"""The digest's behaviour on articles written for the tests: unrelated stories stay
apart, conflicts are found, bad input is accounted for. Each test runs with the real
Rust capabilities and with the small stand-ins of `_fakes` (which test the digest's
own logic in isolation)."""

from __future__ import annotations

import json
import pickle
from importlib import resources
from pathlib import Path

import asimtext
import pytest
from _fakes import fake_backend
from asimtext import Article
from asimtext.digest import default_backend
from data import made_up as M

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(params=["real", "fake"], scope="module")
def backend(request):
    return default_backend() if request.param == "real" else fake_backend()


def _arts(*names, sources=True):
    return [Article(n, getattr(M, n), source=f"Outlet {n}" if sources else None) for n in names]


def _partition(dg):
    return sorted(sorted(s["articles"]) for s in dg.stories)


def test_unrelated_stories_stay_apart(backend):
    seeds = list(asimtext.load_articles(SEEDS))
    arts = seeds + _arts("FLOOD_HI", "CRICKET_EN", "TECH_EN", "EXAM_HI", "FLOOD_EN", "CRICKET_HI")
    dg = asimtext.digest(arts, backend=backend)
    assert _partition(dg) == sorted(
        [
            sorted(a.id for a in seeds),
            ["FLOOD_EN", "FLOOD_HI"],
            ["CRICKET_EN", "CRICKET_HI"],
            ["TECH_EN"],
            ["EXAM_HI"],
        ]
    )
    # No copies, passages, conflicts across the made-up stories.
    made = {"FLOOD_HI", "CRICKET_EN", "TECH_EN", "EXAM_HI", "FLOOD_EN", "CRICKET_HI"}
    assert not [g for g in dg.copy_groups if made & set(g["articles"])]


def test_unrelated_only_made_up(backend):
    """Without the seeds (a small corpus): the two cross-language pairs, and singles."""
    dg = asimtext.digest(
        _arts("TECH_EN", "CRICKET_HI", "FLOOD_EN", "EXAM_HI", "CRICKET_EN", "FLOOD_HI"),
        backend=backend,
    )
    assert _partition(dg) == [
        ["CRICKET_EN", "CRICKET_HI"],
        ["EXAM_HI"],
        ["FLOOD_EN", "FLOOD_HI"],
        ["TECH_EN"],
    ]


def test_shared_facts_across_languages(backend):
    dg = asimtext.digest(_arts("FLOOD_HI", "FLOOD_EN"), backend=backend)
    f = dg.facts_with("2021-08-18", "date")
    assert f and f[0]["n_sources"] == 2
    assert {m["article"] for m in f[0]["mentions"]} == {"FLOOD_HI", "FLOOD_EN"}


def test_syndicated_sentence_conflict(backend):
    dg = asimtext.digest(_arts("SYND_A", "SYND_B"), backend=backend)
    assert len(dg.stories) == 1
    confs = [c for c in dg.conflicts if c["type"] == "syndicated-sentence"]
    assert len(confs) == 1, dg.conflicts
    c = confs[0]
    assert sorted(c["values"]) == ["12", "15"]
    m1, m2 = c["mentions"]
    assert {m1["article"], m2["article"]} == {"SYND_A", "SYND_B"}
    assert {m1["text"], m2["text"]} == {"12", "15"}
    for m in (m1, m2):
        assert "टक्कर" in m["sentence"]["text"]
        assert getattr(M, m["article"])[m["start"] : m["end"]] == m["text"]
    # The two outlets copy each other: a near-duplicate or partial copy.
    assert dg.copy_groups and dg.copy_groups[0]["articles"] == ["SYND_A", "SYND_B"]


def test_no_conflict_when_values_agree(backend):
    same = Article("SYND_A2", M.SYND_A, source="Another outlet")
    dg = asimtext.digest(_arts("SYND_A") + [same], backend=backend)
    assert dg.conflicts == []
    # ... nor within one source.
    dg = asimtext.digest(
        [Article("a", M.SYND_A, source="X"), Article("b", M.SYND_B, source="X")], backend=backend
    )
    assert dg.conflicts == []


def test_different_values_conflict_across_languages(backend):
    dg = asimtext.digest(_arts("OPERATION_EN", "OPERATION_HI"), backend=backend)
    assert len(dg.stories) == 1
    confs = [c for c in dg.conflicts if c["type"] == "different-values"]
    assert len(confs) == 1, dg.conflicts
    c = confs[0]
    assert c["kind"] == "duration" and sorted(c["values"]) == ["PT12H", "PT14H"]
    assert {m["article"] for m in c["mentions"]} == {"OPERATION_EN", "OPERATION_HI"}
    assert len(c["context"]) >= 2
    shared = dg.facts_with("2017-03-08", "date")
    assert shared and shared[0]["n_sources"] == 2


def test_bad_input_is_accounted_for(backend, tmp_path):
    (tmp_path / "a.txt").write_text(M.FLOOD_HI, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "e", "text": M.FLOOD_EN})
        + "\n{broken\n"
        + json.dumps({"id": "a.txt", "text": "duplicate id"})
        + "\n"
        + json.dumps({"id": "f", "title": "no text"})
        + "\n"
        + json.dumps({"id": "g", "text": "कोई अंक नहीं, बस शब्द."})
        + "\n",
        encoding="utf-8",
    )
    dg = asimtext.digest(tmp_path, backend=backend)
    c = dg.counts
    assert c["in"] == 8 and c["ok"] == 3 and c["skipped"] == 5
    assert c["in"] == c["ok"] + c["skipped"] == len(dg.articles)
    reasons = {
        (a["file"].rsplit("/", 1)[-1], a["line"]): a["reason"]
        for a in dg.articles
        if a["status"] == "skipped"
    }
    assert reasons[("b.txt", None)].startswith("not UTF-8")
    assert reasons[("c.txt", None)] == "empty file"
    assert reasons[("d.jsonl", 2)].startswith("malformed JSON")
    assert reasons[("d.jsonl", 3)].startswith("duplicate id")
    assert reasons[("d.jsonl", 4)] == "missing text field 'text'"
    g = dg.article("g")
    assert g["status"] == "ok" and g["warnings"] == ["no spans"] and g["n_spans"] == 0
    assert {a["story"] for a in dg.articles if a["status"] == "ok"} >= {"S1"}
    schema = json.loads(resources.files("asimtext.digest").joinpath("schema.json").read_text())
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(dg.to_json()), schema)
    md = dg.to_markdown()
    assert "skipped: malformed JSON" in md
    assert "skipped" in dg.to_html()


def test_empty_input(backend):
    dg = asimtext.digest([], backend=backend)
    assert dg.counts["in"] == 0 and dg.stories == [] and dg.facts == []
    assert json.loads(dg.to_json())["schema"] == "asimtext.digest/2"
    assert "0 articles" in dg.to_markdown()


def test_given_metadata_wins(backend):
    a = Article(
        "x",
        "By Prabhat Khabar Digital Desk\nPublished : Jan 11, 2022, 11:27 AM IST\n" + M.SYND_A,
        source="My Outlet",
        published="2023-05-02",
        lang="hi",
    )
    dg = asimtext.digest([a], backend=backend)
    e = dg.articles[0]
    assert (e["source"], e["source_origin"]) == ("My Outlet", "given")
    assert (e["published"], e["published_origin"]) == ("2023-05-02", "given")
    # 'मंगलवार' resolves against the given date (Tuesday 2023-05-02); facts are a ranked
    # selection (schema 2), the timeline holds every dated event.
    assert any(e["date"] == "2023-05-02" and any(m["text"] == "मंगलवार" for m in e["mentions"])
               for e in dg.timeline)


def test_digest_pickles_and_compares(backend):
    dg = asimtext.digest(_arts("SYND_A", "SYND_B"), backend=backend)
    assert pickle.loads(pickle.dumps(dg)) == dg
    assert "Digest" in repr(dg) and "2 articles" in repr(dg)


def test_html_is_self_contained(backend):
    dg = asimtext.digest(_arts("FLOOD_HI", "FLOOD_EN", "SYND_A", "SYND_B"), backend=backend)
    html = dg.to_html()
    assert html.startswith("<!DOCTYPE html>")
    assert 'name="viewport"' in html and "<svg" in html and "<table>" in html
    for forbidden in ("<script", "<link", "src=", "url(", "@import", "https://", "http://w"):
        assert forbidden not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_thresholds_can_be_tuned(backend):
    arts = _arts("SYND_A", "SYND_B")
    strict = asimtext.digest(arts, backend=backend, containment_threshold=1.01, dup_threshold=1.01)
    assert strict.copy_groups == [] and strict.params["containment_threshold"] == 1.01


def test_bad_params():
    with pytest.raises(ValueError, match="dup_threshold"):
        asimtext.DigestParams(dup_threshold=0)
    with pytest.raises(ValueError, match="min_passage_words"):
        asimtext.digest([], min_passage_words=0)
    with pytest.raises(TypeError):
        asimtext.digest([], no_such_param=1)
