"""Integrity of the labelled event set (tests/data/events/) and of its scorer.

No thresholds on the digest here: these tests check that the data is what its
README says (fields, provenance, enough events, both languages, look-alikes)
and that ``tests/events_score.py`` counts pairs right.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from event_records import check_fields
from events_score import DATA, digest_inputs, format_stories, load_records, score

HERE = DATA.parent
REQUIRED = ("id", "event", "lang", "source", "text", "provenance")


@pytest.fixture(scope="module")
def records():
    return load_records()


def test_records_have_their_fields(records):
    check_fields(records, REQUIRED)


def test_every_record_has_provenance(records):
    prov_md = (HERE / "PROVENANCE.md").read_text(encoding="utf-8")
    for r in records:
        p = r["provenance"]
        assert p.get("license"), r["id"]
        where = r.get("url") or (p.get("repository") and p.get("path"))
        assert where, f"{r['id']}: neither url nor repository+path"
        assert r["id"] in prov_md, f"{r['id']} missing from PROVENANCE.md"
        if r.get("published"):
            assert p.get("published_from"), f"{r['id']}: published without its origin"


def test_enough_events_in_both_languages(records):
    by_event = defaultdict(list)
    for r in records:
        by_event[r["event"]].append(r)
    big = [e for e, rs in by_event.items() if len(rs) >= 3]
    assert len(big) >= 12, f"only {len(big)} events with 3+ articles"
    langs = Counter(r["lang"] for r in records)
    assert langs["hi"] >= 30 and langs["en"] >= 30, langs
    both = [e for e, rs in by_event.items() if {"hi", "en"} <= {r["lang"] for r in rs}]
    assert len(both) >= 5, f"only {len(both)} events covered in Hindi and English"


def test_readme_lists_every_event_and_its_lookalikes(records):
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    events = {r["event"] for r in records}
    rows = {}
    for line in readme.splitlines():
        cells = [c.strip(" `") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0] in events:
            rows[cells[0]] = cells
    assert set(rows) == events, f"README table misses {sorted(events - set(rows))}"
    groups = defaultdict(set)
    for e, cells in rows.items():
        groups[cells[3]].add(e)
    lookalike = {g: es for g, es in groups.items() if g and g != "-" and len(es) >= 2}
    assert len(lookalike) >= 5, f"look-alike groups: {sorted(lookalike)}"


def test_data_is_small():
    total = sum(p.stat().st_size for p in HERE.iterdir() if p.is_file())
    assert total < 2_000_000, total


# --- the scorer -------------------------------------------------------------

TOY = [
    {"id": "a", "event": "e1"},
    {"id": "b", "event": "e1"},
    {"id": "c", "event": "e1"},
    {"id": "d", "event": "e2"},
    {"id": "e", "event": "e2"},
    {"id": "f", "event": "e3"},
]


def test_score_perfect_and_degenerate_assignments():
    perfect = score([r["event"] for r in TOY], TOY)
    assert (perfect["pairwise_precision"], perfect["pairwise_recall"]) == (1.0, 1.0)
    assert perfect["mixed_stories"] == 0 and perfect["events_split"] == 0

    one = score({r["id"]: "S1" for r in TOY}, TOY)
    assert one["pairwise_recall"] == 1.0
    assert one["pairwise_precision"] == pytest.approx(4 / 15, abs=1e-4)
    assert one["mixed_stories"] == 1 and one["mixed"][0]["events"] == {"e1": 3, "e2": 2, "e3": 1}

    alone = score({}, TOY)  # nobody assigned: every article is its own story
    assert alone["pairwise_recall"] == 0.0 and alone["stories"] == 6
    assert alone["fragmentation"]["e1"] == {"articles": 3, "stories": 3, "largest_share": 0.333}


def test_score_counts_pairs():
    # e1 split 2+1, and its pair shares a story with one article of e2.
    res = score(["S1", "S1", "S2", "S1", "S3", "S4"], TOY)
    # joined pairs: S1 has a,b,d -> 3 pairs, of which a-b is right.
    assert (res["pairs_same_story"], res["pairs_both"], res["pairs_same_event"]) == (3, 1, 4)
    assert res["pairwise_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert res["pairwise_recall"] == 0.25
    assert res["mixed_stories"] == 1 and res["events_split"] == 2


def test_score_reads_a_digest_like_object():
    class D:
        articles = [{"id": "a", "story": "S1"}, {"id": "b", "story": "S1"}, {"id": "c", "story": None}]

    res = score(D(), TOY[:3])
    assert res["pairs_both"] == 1 and res["stories"] == 2


def test_digest_inputs_never_carry_the_label(records):
    for full, bare in ((digest_inputs(records), False), (digest_inputs(records, text_only=True), True)):
        assert len(full) == len(records)
        for d in full:
            assert "event" not in d and "provenance" not in d
            assert set(d) <= ({"id", "text"} if bare else {"id", "text", "title", "source", "url", "published", "lang"})


def test_format_stories_lists_every_article():
    recs = [dict(r, text=f"text of {r['id']}") for r in TOY]
    out = format_stories(["S1", "S1", "S2", "S1", "S3", "S4"], recs)
    assert out.splitlines()[0] == "S1 (3 articles, 2 events)"
    assert all(f"text of {r['id']}" in out for r in TOY)


def test_score_rejects_misaligned_labels():
    with pytest.raises(ValueError, match="3 labels for 6 records"):
        score(["S1", "S1", "S2"], TOY)


def test_script_runs_on_the_set(capsys):
    pytest.importorskip("asimtext.digest")
    from events_score import main

    assert main([str(Path(DATA))]) == 0
    out = capsys.readouterr().out
    assert "pairwise precision" in out and "stories mixing events" in out
