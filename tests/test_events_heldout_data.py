"""Integrity of the held-out event set (tests/data/events-heldout/).

The set checks that the digest's event grouping generalizes beyond the
development set (tests/data/events/), so it must hold *other* events. No
thresholds on the digest here: these tests check that the data is what its
README says (fields, provenance, enough events in both languages, look-alikes,
no event shared with the development set).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from event_records import check_fields

HERE = Path(__file__).resolve().parent / "data" / "events-heldout"
DATA = HERE / "events.jsonl"
DEV = Path(__file__).resolve().parent / "data" / "events" / "events.jsonl"
REQUIRED = ("id", "event", "lang", "source", "url", "text", "provenance")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _load(path: Path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def records():
    return _load(DATA)


def _by_event(records):
    out = defaultdict(list)
    for r in records:
        out[r["event"]].append(r)
    return out


def test_records_have_their_fields(records):
    check_fields(records, REQUIRED)
    urls = Counter(r["url"] for r in records)
    assert not [u for u, n in urls.items() if n > 1], "the same page twice"
    texts = Counter(r["text"] for r in records)
    assert not [t for t, n in texts.items() if n > 1], "the same text twice"
    for n, r in enumerate(records, 1):
        if r.get("published"):
            assert ISO_DAY.fullmatch(r["published"]), f"line {n}: published {r['published']!r}"


def test_language_matches_script(records):
    """A record labelled Hindi is largely Devanagari (quoted English tweets and
    page chrome are real input); one labelled English has next to none."""
    for r in records:
        letters = [c for c in r["text"] if c.isalpha()]
        deva = sum(1 for c in letters if "\u0900" <= c <= "\u097f") / len(letters)
        if r["lang"] == "hi":
            assert deva > 0.4, f"{r['id']}: {deva:.2f} Devanagari"
        elif r["lang"] == "en":
            assert deva < 0.05, f"{r['id']}: {deva:.2f} Devanagari"


def test_every_record_has_provenance(records):
    prov_md = (HERE / "PROVENANCE.md").read_text(encoding="utf-8")
    for r in records:
        p = r["provenance"]
        assert p.get("license"), r["id"]
        assert p.get("kind") and p.get("via") and p.get("query"), r["id"]
        assert r["url"].startswith(("http://", "https://")), r["id"]
        assert f"| {r['id']} |" in prov_md, f"{r['id']} missing from PROVENANCE.md"
        assert r["url"] in prov_md, f"{r['id']}: url missing from PROVENANCE.md"
        if r.get("published"):
            assert p.get("published_from"), f"{r['id']}: published without its origin"


def test_enough_events_in_both_languages(records):
    by_event = _by_event(records)
    big = [e for e, rs in by_event.items() if len(rs) >= 3]
    assert len(big) >= 12, f"only {len(big)} events with 3+ articles"
    both = [e for e in big if {"hi", "en"} <= {r["lang"] for r in by_event[e]}]
    assert len(both) >= 6, f"only {len(both)} events covered in Hindi and English"
    assert len({r["source"] for r in records}) >= len(records) // 2, "too few outlets"
    # Distractors: single-article events that must stay alone.
    assert any(len(rs) == 1 for rs in by_event.values()), "no single-article distractor"


def test_readme_lists_every_event(records):
    readme = (HERE / "README.md").read_text(encoding="utf-8")
    for e in _by_event(records):
        assert f"`{e}`" in readme, f"{e} missing from README.md"


def test_look_alike_groups(records):
    """Each topic word (the event id's first part) is shared by 2+ events with 3+ articles."""
    by_event = _by_event(records)
    topics = Counter(e.split("-")[0] for e, rs in by_event.items() if len(rs) >= 3)
    lonely = [t for t, n in topics.items() if n < 2]
    assert not lonely, f"topics without a look-alike event: {lonely}"


def test_no_event_shared_with_the_development_set(records):
    if not DEV.exists():
        pytest.skip("tests/data/events/ is not on this branch")
    dev = _load(DEV)
    shared = {r["event"] for r in records} & {r["event"] for r in dev}
    assert not shared, f"events of the development set: {sorted(shared)}"
    assert not {r["url"] for r in records} & {r["url"] for r in dev}, "pages of the development set"
    assert not {r["id"] for r in records} & {r["id"] for r in dev}, "ids of the development set"


def test_the_development_scorer_reads_this_set(records):
    """tests/events_score.py (when present) scores the true labels as perfect."""
    es = pytest.importorskip("events_score")
    res = es.score({r["id"]: r["event"] for r in records}, records)
    assert res["pairwise_precision"] == 1.0 and res["pairwise_recall"] == 1.0
    assert res["mixed_stories"] == 0 and res["events_split"] == 0
    # One story for everything mixes every look-alike group: the set can fail a digest.
    res = es.score({r["id"]: "all" for r in records}, records)
    assert res["pairwise_precision"] < 0.2
