"""Each stage of the digest pipeline on its own (asimtext.digest.pipeline), with the
real Rust capabilities and with the stand-ins of `_fakes`."""

from __future__ import annotations

from pathlib import Path

import pytest
from _fakes import fake_backend
from asimtext import Article
from asimtext.digest import DigestParams, default_backend
from asimtext.digest import pipeline as P
from asimtext.digest import units as U
from asimtext.digest.records import Doc, Mention
from data import made_up as M

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(params=["real", "fake"], scope="module")
def backend(request):
    return default_backend() if request.param == "real" else fake_backend()


def _arts(*names):
    return [Article(n, getattr(M, n), source=f"Outlet {n}") for n in names]


def test_load_accounts_for_bad_records():
    loaded = P.load([{"id": "a", "text": "पटना में बाढ़"}, {"id": "b"}, {"id": "c", "text": "x"}])
    assert [r.ok for r in loaded.records] == [True, False, True]
    assert [(d.idx, d.record, d.id) for d in loaded.docs] == [(0, 0, "a"), (1, 2, "c")]


def test_prepare_fills_metadata(backend):
    docs = P.load(SEEDS).docs
    P.prepare(docs, backend)
    assert all(d.source and d.source_origin in ("inferred", "id") for d in docs)
    assert {d.lang for d in docs} == {"hi", "en"}
    assert all(d.spans == sorted(d.spans, key=lambda s: (s.start, s.end)) for d in docs)
    dated = [d for d in docs if d.published_origin == "inferred"]
    assert dated and all(d.header is not None and d.ref == d.published[:10] for d in dated)


def test_group_stories_alone(backend):
    docs = P.load(_arts("FLOOD_HI", "FLOOD_EN", "CRICKET_EN", "CRICKET_HI", "TECH_EN")).docs
    P.prepare(docs, backend)
    st = P.group_stories(docs, backend, DigestParams())
    groups = sorted(sorted(docs[x].id for x in g) for g in st.groups)
    assert groups == [["CRICKET_EN", "CRICKET_HI"], ["FLOOD_EN", "FLOOD_HI"], ["TECH_EN"]]
    assert all(st.groups[st.story_of[i]].count(i) == 1 for i in range(len(docs)))
    assert st.ids == [f"S{n}" for n in range(1, 4)]


def test_mentions_facts_timeline_conflicts(backend):
    params = DigestParams()
    docs = P.load(_arts("SYND_A", "SYND_B", "EXAM_HI")).docs
    P.prepare(docs, backend)
    st = P.group_stories(docs, backend, params)
    P.borrow_dates(docs, st, backend)
    mentions = P.collect_mentions(docs, st, backend, params)
    assert len(mentions) == len(docs)
    for d, ms in zip(docs, mentions):
        assert all(isinstance(m, Mention) and m.article == d.id for m in ms)
        assert all(d.text[m.start:m.end] == m.text for m in ms)
        # context keys only where the story has another article to compare with
        assert all(not m.context for m in ms) or st.size_of(d.idx) > 1
    facts = P.collect_facts(docs, mentions, st)
    # Facts are a ranked selection (schema 2): each of their mentions is a mention.
    said = {(m.article, m.start, m.end) for ms in mentions for m in ms}
    assert facts and all((m["article"], m["start"], m["end"]) in said
                         for f in facts for m in f["mentions"])
    timeline = P.build_timeline(docs, mentions, st)
    assert all(e["precision"] in ("year", "month", "day") for e in timeline)
    conflicts = P.find_conflicts(docs, mentions, st, backend, params)
    assert any(sorted(c.values) == ["12", "15"] for c in conflicts)
    assert all(c.mentions[0].source != c.mentions[1].source for c in conflicts)


def test_find_copies_alone(backend):
    params = DigestParams()
    docs = P.load(SEEDS).docs
    P.prepare(docs, backend)
    st = P.group_stories(docs, backend, params)
    copies = P.find_copies(docs, st, backend, params)
    assert copies.pairs and all(p.a < p.b for p in copies.pairs)
    assert all(p.kind in ("near-duplicate", "partial-copy") for p in copies.pairs)
    assert {(g["id"]) for g in copies.groups} == {f"C{n}" for n in range(1, len(copies.groups) + 1)}


def test_run_equals_stage_by_stage(backend):
    params = DigestParams()
    arts = _arts("FLOOD_HI", "FLOOD_EN", "SYND_A", "SYND_B")
    whole = P.run(arts, params, backend)
    loaded = P.load(arts)
    pages = loaded.docs
    docs, units = U.unit_docs(pages, Doc)
    loaded.docs = docs
    P.prepare(docs, backend)
    U.share_metadata(docs, {p.id: p.text for p in pages})
    st = P.group_stories(docs, backend, params)
    P.borrow_dates(docs, st, backend)
    part = P.digest_stories(docs, st, range(len(st.groups)), backend, params)
    by_record = {}
    for d in docs:
        by_record.setdefault(d.record, []).append(d)
    unit_of = {u.id: u for u in units}
    entries = [P.article_entry(r, by_record.get(n), st, False, unit_of)
               for n, r in enumerate(loaded.records)]
    assert P.assemble(entries, [P.Numbering()(part)], params.to_dict()) == whole
    assert set(whole.timings) >= {"load", "prepare", "stories", "copies", "facts", "conflicts",
                                  "updates"}
