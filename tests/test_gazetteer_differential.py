"""The gazetteer: the Rust core and its pure-Python twin find the same names, on the
seeds, on sentences built from the gazetteer's own names, and on hypothesis text biased
to Devanagari (nukta letters, candrabindu, ZWJ/ZWNJ), Latin capitals and separators."""

from __future__ import annotations

import pathlib
import random

import pytest
from asimtext.pure import gazetteer as pure
from asimtext.pure.gazetteer_data import GAZETTEER
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

core = pytest.importorskip("asimtext._core")
if not hasattr(core, "gazetteer_find"):
    pytest.skip("this build of asimtext has no gazetteer", allow_module_level=True)

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def same(text):
    a = [tuple(x) for x in core.gazetteer_find(text)]
    b = pure.gazetteer_find(text)
    assert a == b, (text, a, b)
    for s, e, _ in a:
        assert 0 <= s < e <= len(text)
    return a


def test_entries_are_the_single_source():
    assert [tuple(e[:3]) + (list(e[3]),) for e in core.gazetteer_entries()] == \
        [tuple(e[:3]) + (list(e[3]),) for e in GAZETTEER]


def test_names_across_scripts():
    ids = [k for _s, _e, k in same("लखनऊ में भाजपा की रैली; BJP rally in Lucknow; लोकसभा / Lok Sabha; "
                                  "दिल्ली, Delhi; कांग्रेस और Congress; US, not us")]
    assert ids == ["city:lucknow", "party:bjp", "party:bjp", "city:lucknow", "inst:loksabha",
                   "inst:loksabha", "ut:dl", "ut:dl", "party:inc", "party:inc", "country:us"]


def test_nukta_and_candrabindu_fold():
    assert [k for *_, k in same("अफगानिस्तान और अफ़गानिस्तान")] == ["country:af", "country:af"]


def test_seeds():
    for p in sorted(SEEDS.glob("*.txt")):
        same(p.read_text(encoding="utf-8"))


def test_every_name_found():
    rng = random.Random(15)
    names = [(n, e[0]) for e in GAZETTEER for n in e[3]]
    for name, _ in names:
        same(f"कल {name} में")
    for _ in range(200):
        picks = rng.sample(names, 4)
        same(" और ".join(n for n, _ in picks) + ", " + " ".join(n for n, _ in picks[::-1]))


ALPHABET = st.sampled_from(
    list("अआइकखगजडफयरलवसह") + ["\u093c", "\u0901", "\u0902", "\u094d", "\u093e", "\u200c",
                                "\u200d", "\u0958", "\u095b", "\u095c", "\u0964"]
    + list("ABCUSPMabcdu019 ,.-()\n\t") + ["\u00a0", "\u0966"]
)
NAMES = st.sampled_from([n for e in GAZETTEER for n in e[3]])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(ALPHABET, max_size=12), NAMES), max_size=12))
def test_hypothesis_text(parts):
    same(" ".join(parts))
    same("".join(parts))


def test_bad_input():
    with pytest.raises(TypeError):
        core.gazetteer_find(3)
    with pytest.raises(TypeError):
        pure.gazetteer_find(3)
