"""Properties of the digest on arbitrary input: it never fails on text, accounts for
every record, points into the texts, and validates against its schema."""

from __future__ import annotations

import json
from importlib import resources

import asimtext
import pytest
from _fakes import fake_backend
from asimtext.digest import default_backend
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema")
SCHEMA = json.loads(resources.files("asimtext.digest").joinpath("schema.json").read_text())

_PIECES = st.sampled_from([
    "असीम अरुण", "Asim Arun", "बीजेपी", "BJP", "15 जनवरी", "8 मार्च 2017", "शनिवार", "Saturday",
    "1994 बैच", "1994-batch", "२०२२", "12 घंटे", "₹5 लाख", "30%", "डॉ.", "।", ". ", "\n",
    "\n\n", " ", "\u200d", "\u200c", "\u00a0", "क़", "ँ", "By Prabhat Khabar Digital Desk\n",
    "Published : Jan 11, 2022, 11:27 AM IST\n", "date 2022-01-10 ", "कानपुर", "Kanpur",
    "\ud800", "\udfff",  # lone surrogates: the article is skipped with its reason
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=25).map("".join)
_ARTICLE = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c", "d", "e"]), "text": _TEXT},
    optional={"source": st.sampled_from(["X", "Y"]), "published": st.sampled_from(
        ["2022-01-11", "2021-12-31T23:59+05:30"])},
)


def _check(dg, arts):
    doc = json.loads(dg.to_json())
    jsonschema.validate(doc, SCHEMA)
    c = dg.counts
    assert c["in"] == len(arts) == c["ok"] + c["skipped"]
    texts = {}
    for a in arts:  # the first non-empty, encodable record of an id is the article
        if a["text"].strip() and a["id"] not in texts and not any("\ud800" <= c <= "\udfff" for c in a["text"]):
            texts[a["id"]] = a["text"]
    for f in dg.facts:
        for m in f["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    for p in dg.passages:
        for o in p["occurrences"]:
            assert 0 <= o["start"] < o["end"] <= len(texts[o["article"]])
    assert sorted(a for s in dg.stories for a in s["articles"]) == sorted(
        a["id"] for a in dg.articles if a["status"] == "ok")
    dg.to_markdown()
    dg.to_html()


@pytest.mark.parametrize("which", ["real", "fake"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arts=st.lists(_ARTICLE, max_size=6))
def test_any_articles(which, arts):
    be = default_backend() if which == "real" else fake_backend()
    _check(asimtext.digest(arts, backend=be), arts)
