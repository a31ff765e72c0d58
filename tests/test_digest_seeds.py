"""What the digest of `seeds/` must show (issue 5), with the real Rust capabilities."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import asimtext
import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
S000, S001, S002, S003, S004 = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def dg():
    return asimtext.digest(SEEDS)


def test_counts_in_equal_counts_out(dg):
    c = dg.counts
    assert c["in"] == 5 and c["ok"] == 5 and c["skipped"] == 0
    assert [a["id"] for a in dg.articles] == [S000, S001, S002, S003, S004]


def test_one_story_across_languages(dg):
    big = dg.story_of(S004)
    assert big is not None and sorted(big["articles"]) == [S000, S001, S002, S003, S004]
    assert big["langs"] == ["en", "hi"]
    assert len(dg.stories) == 1


def test_every_seed_is_its_own_source(dg):
    sources = [a["source"] for a in dg.articles]
    assert len(set(sources)) == 5
    by_id = {a["id"]: a for a in dg.articles}
    assert by_id[S003]["source"] == "Prabhat Khabar" and by_id[S003]["source_origin"] == "inferred"
    assert by_id[S002]["source"] == "ईटीवी भारत" and by_id[S002]["source_origin"] == "inferred"
    for s in (S000, S001, S004):
        assert by_id[s]["source"] == s and by_id[s]["source_origin"] == "id"


def test_dates_inferred_and_borrowed(dg):
    by_id = {a["id"]: a for a in dg.articles}
    assert by_id[S002]["published"].startswith("2022-01-11")
    assert by_id[S002]["published_origin"] == "inferred"
    assert by_id[S004]["published"] == "2022-01-10"
    assert by_id[S004]["published_origin"] == "inferred"
    for s in (S000, S001, S003):
        assert by_id[s]["published_origin"] == "borrowed"
        assert by_id[s]["published"] == "2022-01-11"  # the latest date of the story


def test_partial_copy_000_002(dg):
    groups = [g for g in dg.copy_groups if S000 in g["articles"]]
    assert len(groups) == 1 and groups[0]["articles"] == [S000, S002]
    (pair,) = [p for p in groups[0]["pairs"] if {p["a"], p["b"]} == {S000, S002}]
    assert pair["kind"] == "partial-copy"
    assert 0.1 <= pair["jaccard"] < 0.4
    assert pair["containment"] >= 0.25
    others = {a for g in dg.copy_groups for a in g["articles"]} - {S000, S002}
    assert not others, "only 000 and 002 copy each other"


def test_shared_passages_cover_the_farewell_message(dg):
    ps = [p for p in dg.passages if {o["article"] for o in p["occurrences"]} == {S000, S002}]
    assert ps
    texts = {a.id: a.text for a in asimtext.load_articles(SEEDS)}
    for p in ps:
        for o in p["occurrences"]:
            assert o["end"] > o["start"]
            assert " ".join(texts[o["article"]][o["start"] : o["end"]].split())
    joined = " ".join(p["text"] for p in ps)
    for phrase in ("विदाई समारोह", "सुपर सिस्टम", "महापुरुषों", "15 जनवरी से इसे स्वीकृति"):
        assert phrase in joined, phrase
    assert sum(p["words"] for p in ps) >= 150


def _fact(dg, kind, value):
    fs = dg.facts_with(value, kind)
    assert len(fs) == 1, (kind, value, fs)
    return fs[0]


def test_corroborated_facts(dg):
    f1994 = _fact(dg, "year", "1994")
    assert f1994["n_sources"] == 4
    assert {m["article"] for m in f1994["mentions"]} == {S001, S002, S003, S004}
    f15 = _fact(dg, "date", "2022-01-15")
    assert f15["n_sources"] == 3
    assert {m["article"] for m in f15["mentions"]} == {S000, S002, S003}
    f8 = _fact(dg, "date", "2022-01-08")
    assert f8["n_sources"] == 3
    assert {m["article"] for m in f8["mentions"]} == {S001, S003, S004}
    said = {m["text"] for m in f8["mentions"]}
    assert {"शनिवार", "8 जनवरी", "Saturday"} <= said
    assert all(m["resolved"] for m in f8["mentions"])


def test_mentions_point_into_the_text(dg):
    texts = {a.id: a.text for a in asimtext.load_articles(SEEDS)}
    for f in dg.facts:
        for m in f["mentions"]:
            t = texts[m["article"]]
            assert t[m["start"] : m["end"]] == m["text"]
            s = m["sentence"]
            assert s["start"] <= m["start"] and m["end"] <= s["end"]


def test_timeline_in_order(dg):
    dates = [e["date"] for e in dg.timeline]
    assert dates == sorted(dates)

    def first(prefix):
        return next(i for i, d in enumerate(dates) if d.startswith(prefix))

    assert first("1994") < first("2017-03") < first("2021-03") < first("2022-01")
    assert {e["precision"] for e in dg.timeline} >= {"year", "day"}
    e1994 = next(e for e in dg.timeline if e["date"] == "1994")
    assert len(e1994["sources"]) == 4


def test_json_schema_and_stability(dg):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("asimtext.digest").joinpath("schema.json").read_text())
    doc = json.loads(dg.to_json())
    jsonschema.validate(doc, schema)
    assert doc["schema"] == "asimtext.digest/2"
    assert "असीम" in dg.to_json()  # UTF-8, not escaped
    assert asimtext.digest(SEEDS).to_json() == dg.to_json()


def test_markdown_and_html(dg):
    md = dg.to_markdown()
    # Outlets by name (an unnamed one by its id), copies in words, dates as written.
    assert "1994" in md and S004.replace("_", "\\_") in md and "Copied text" in md
    assert "partial-copy" not in md
    html = dg.to_html()
    assert "<svg" in html and "25 मार्च 2021" in html and "2021-03-25" not in html
