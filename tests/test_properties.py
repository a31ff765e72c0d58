"""Property tests of every public function over arbitrary ``str``.

For any string (lone surrogates, astral characters, unassigned code points,
control characters included), every public function either returns a result
that satisfies its invariants or raises the documented exception
(``TypeError``/``ValueError``); the Rust functions and their pure-Python twins
agree wherever both return. Non-``str`` arguments raise ``TypeError`` in both.

``ASIMTEXT_HYPOTHESIS_EXAMPLES`` raises the number of examples per test
(default 150) for a longer run.
"""

from __future__ import annotations

import math
import os

import asimtext
import numpy as np
import pytest
from asimtext.pure import normalization as pure_normalize
from asimtext.pure import spans as pure_spans
from asimtext.pure import xscript as pure_xscript
from asimtext.pure.dedup import minhash as pure_minhash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("ASIMTEXT_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that stress text code: Devanagari (letters, signs, nukta forms,
# digits), combining marks, invisibles, spaces, line breaks, lexicon words,
# mojibake fragments, astral and unassigned code points, lone surrogates.
PIECES = [
    *[chr(c) for c in range(0x0900, 0x0980)],
    "ज़",
    "क़",
    "ड़",
    "साढ़े",
    "मार्च",
    "जनवरी",
    "बजे",
    "लाख",
    "करोड़",
    "रुपये",
    "फीसदी",
    "सौ",
    "डेढ़",
    "पहला",
    "दूसरे",
    "शनिवार",
    "सुबह",
    "मिनट",
    "घंटे",
    "साल",
    "के",
    "ने",
    "एक",
    "दो",
    "तीस",
    "असीम",
    "अरुण",
    "बीजेपी",
    "वीआरएस",
    "Jan",
    "March",
    "am",
    "p.m.",
    "IST",
    "twenty",
    "five",
    "hundred",
    "and",
    "first",
    "crore",
    "Rs",
    "million",
    "BJP",
    "Kanpur",
    "Aseem",
    "the",
    "0",
    "1",
    "7",
    "12",
    "2021",
    "1,00,000",
    "3.5",
    "11:45",
    "25/03/2021",
    "१२",
    "२०२१",
    ",",
    ".",
    ":",
    "/",
    "-",
    "–",
    "%",
    "₹",
    "$",
    "'",
    '"',
    "“",
    "”",
    "(",
    ")",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u0085",
    "\u000b",
    "\u200d",
    "\u200c",
    "\u00a0",
    "\u00ad",
    "\ufeff",
    "\u2060",
    "\u200b",
    "\u202f",
    "\u0301",
    "\u0316",
    "\u0344",
    "\u0f73",
    "\u1100\u1161\u11a8",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "ǅ",
    "\u212b",
    "²",
    "½",
    "٣",
    "𝟙",
    "😀",
    "👨\u200d👩\u200d👧",
    "\U0010ffff",
    "\ue000",
    "\u0378",
    "\ufffd",
    "\x00",
    "\x7f",
    "à¤",
    "•",
    "à¥",
    "অ",
    "ب",
    "\ud800",
    "\udfff",
    "\ud83d",
    "\ude00",
]
ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates included
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), ANY_CHAR), max_size=40).map("".join) | st.text(
    alphabet=ANY_CHAR, max_size=30
)
CLEAN_TEXT = TEXT.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))
NOT_STR = st.sampled_from([None, 1, 1.5, b"abc", bytearray(b"x"), ["a"], ("a",), object()])

FORMS = ["canonical", "match", "nfc"]
NORM_OPTIONS = st.fixed_dictionaries(
    {
        "form": st.sampled_from(FORMS),
        "ascii_digits": st.booleans(),
        "ascii_punctuation": st.booleans(),
        "fix_mojibake": st.booleans(),
        "fold_vowel_length": st.booleans(),
    }
)


def has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def first_surrogate(text: str) -> int:
    return next(i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff")


def outcome(fn, *args, **kwargs):
    """("ok", result) or ("err", exception); only TypeError/ValueError allowed."""
    try:
        return ("ok", fn(*args, **kwargs))
    except (TypeError, ValueError) as e:
        return ("err", e)


def expect_surrogate_error(fn, text, *args, **kwargs):
    """A text with a lone surrogate raises ValueError naming its index."""
    with pytest.raises(ValueError) as ei:
        fn(text, *args, **kwargs)
    assert f"index {first_surrogate(text)}" in str(ei.value), str(ei.value)


# ---------------------------------------------------------------- normalization


def check_offsets(text: str, out: str, offsets: list) -> None:
    assert len(offsets) == len(out) + 1
    assert offsets[-1] == len(text)
    for i in range(len(out)):
        assert 0 <= offsets[i] < len(text), (i, offsets[i], len(text))
    assert all(a <= b for a, b in zip(offsets, offsets[1:])), offsets


@SETTINGS
@given(TEXT, NORM_OPTIONS)
def test_normalize(text, opts):
    if has_surrogate(text):
        for fn in (asimtext.normalize, asimtext.normalize_with_offsets):
            expect_surrogate_error(fn, text, **opts)
        for fn in (pure_normalize.normalize, pure_normalize.normalize_with_offsets):
            assert outcome(fn, text, **opts)[0] == "err"
        # errors="replace": exactly the text with each surrogate as U+FFFD.
        fixed = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
        out, offs = asimtext.normalize_with_offsets(text, errors="replace", offsets="list", **opts)
        assert (out, offs) == asimtext.normalize_with_offsets(fixed, offsets="list", **opts)
        assert (out, offs) == pure_normalize.normalize_with_offsets(text, errors="replace", offsets="list", **opts)
        return
    out, arr = asimtext.normalize_with_offsets(text, **opts)
    offs = arr.tolist()
    assert asimtext.normalize_with_offsets(text, offsets="list", **opts) == (out, offs)
    check_offsets(text, out, offs)
    assert asimtext.normalize(text, **opts) == out
    assert asimtext.normalize_batch([text, "", text], **opts) == [
        out,
        asimtext.normalize("", **opts),
        out,
    ]
    pure_out, pure_arr = pure_normalize.normalize_with_offsets(text, **opts)
    assert (pure_out, pure_arr.tolist()) == (out, offs) and pure_arr.dtype == arr.dtype
    assert pure_normalize.normalize(text, **opts) == out
    if not opts["fix_mojibake"]:
        assert asimtext.normalize(out, **opts) == out, "not idempotent"


@SETTINGS
@given(NOT_STR)
def test_normalize_not_str(obj):
    for fn in (asimtext.normalize, asimtext.normalize_with_offsets):
        with pytest.raises(TypeError, match="text must be str"):
            fn(obj)
    for fn in (pure_normalize.normalize, pure_normalize.normalize_with_offsets):
        with pytest.raises(TypeError):
            fn(obj)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        asimtext.normalize_batch(["ok", obj])


# ---------------------------------------------------------------- spans


def check_spans(text, spans):
    prev = 0
    for s in spans:
        assert 0 <= prev <= s.start < s.end <= len(text), (s, prev, len(text))
        assert text[s.start : s.end] == s.text
        assert s.kind in asimtext.SPAN_KINDS
        assert s.value
        prev = s.end


def span_tuples(spans):
    return [(s.start, s.end, s.text, s.kind, s.value, s.resolved) for s in spans]


REFERENCES = st.sampled_from([None, "2022-01-11", "0001-01-01", "9999-12-31"])


@SETTINGS
@given(TEXT, REFERENCES)
def test_extract(text, ref):
    if has_surrogate(text):
        expect_surrogate_error(asimtext.extract, text, reference_date=ref)
        expect_surrogate_error(pure_spans.extract, text, reference_date=ref)
        with pytest.raises(ValueError, match=r"texts\[1\]"):
            asimtext.extract_batch(["", text])
        return
    spans = asimtext.extract(text, reference_date=ref)
    check_spans(text, spans)
    assert span_tuples(pure_spans.extract(text, reference_date=ref)) == span_tuples(spans)
    assert asimtext.extract_batch([text, text], reference_dates=ref) == [spans, spans]
    dates = asimtext.extract(text, kinds=["date", "number"], reference_date=ref)
    assert dates == [s for s in spans if s.kind in ("date", "number")]


@SETTINGS
@given(NOT_STR)
def test_extract_not_str(obj):
    with pytest.raises(TypeError, match="text must be str"):
        asimtext.extract(obj)
    with pytest.raises(TypeError):
        pure_spans.extract(obj)
    with pytest.raises(TypeError, match=r"texts\[0\] must be str"):
        asimtext.extract_batch([obj])


@SETTINGS
@given(st.one_of(st.text(max_size=12), NOT_STR))
def test_extract_bad_reference_and_kinds(bad):
    # Any reference date is accepted or refused with TypeError/ValueError.
    r = outcome(asimtext.extract, "25 मार्च 2021", reference_date=bad)
    p = outcome(pure_spans.extract, "25 मार्च 2021", reference_date=bad)
    assert r[0] == p[0], (bad, r, p)
    if r[0] == "ok":
        assert span_tuples(r[1]) == span_tuples(p[1])
    r = outcome(asimtext.extract, "25 मार्च 2021", kinds=[bad])
    p = outcome(pure_spans.extract, "25 मार्च 2021", kinds=[bad])
    assert r[0] == p[0], (bad, r, p)


# ---------------------------------------------------------------- dedup

HASHERS = [
    {"num_perm": 16, "ngram": 2, "unit": "word", "seed": 3},
    {"num_perm": 8, "ngram": 3, "unit": "char", "seed": 0},
    {
        "num_perm": 8,
        "ngram": 1,
        "unit": "word",
        "seed": 5,
        "compat": "datasketch",
        "scheme": "affine64",
    },
]
RUST_HASHERS = [asimtext.MinHasher(**kw) for kw in HASHERS]
PURE_HASHERS = [pure_minhash.MinHasher(**kw) for kw in HASHERS]


@SETTINGS
@given(TEXT, TEXT)
def test_minhash_and_overlap(a, b):
    for rh, ph in zip(RUST_HASHERS, PURE_HASHERS):
        if has_surrogate(a):
            for fn in (rh.shingles, rh.signature, ph.shingles, ph.signature):
                expect_surrogate_error(fn, a)
            with pytest.raises(ValueError, match=r"texts\[1\]"):
                rh.signatures(["x", a])
            continue
        sh = rh.shingles(a)
        assert sh == ph.shingles(a)
        sig = rh.signature(a)
        assert sig.shape == (rh.num_perm,) and sig.dtype == np.dtype(rh.dtype)
        assert np.array_equal(sig, ph.signature(a))
        assert np.array_equal(sig, rh.signature_from_tokens(sh))
        assert np.array_equal(rh.signatures([a, a]), np.vstack([sig, sig]))
        toks = a.split()
        assert np.array_equal(rh.signature_from_tokens(toks), ph.signature_from_tokens(toks))
        assert np.array_equal(rh.signatures_from_tokens([toks])[0], rh.signature_from_tokens(toks))
        assert asimtext.jaccard(sig, sig) == 1.0
    for ngram, unit in [(2, "word"), (3, "char")]:
        r = outcome(asimtext.overlap, a, b, ngram=ngram, unit=unit)
        p = outcome(pure_minhash.overlap, a, b, ngram=ngram, unit=unit)
        assert r[0] == p[0], (r, p)
        if r[0] == "ok":
            (j, c), (pj, pc) = r[1], p[1]
            assert 0.0 <= j <= c <= 1.0
            assert math.isclose(j, pj, rel_tol=1e-12) and math.isclose(c, pc, rel_tol=1e-12)
        else:
            assert has_surrogate(a) or has_surrogate(b)


@SETTINGS
@given(TEXT, TEXT)
def test_passages_and_near_duplicates(a, b):
    if has_surrogate(a) or has_surrogate(b):
        with pytest.raises(ValueError, match="lone surrogate"):
            asimtext.shared_passages(a, b, min_words=2)
        with pytest.raises(ValueError, match="lone surrogate"):
            asimtext.near_duplicates([a, b])
        return
    for p in asimtext.shared_passages(a, b, min_words=2):
        assert 0 <= p.a_start < p.a_end <= len(a) and 0 <= p.b_start < p.b_end <= len(b)
        assert p.text == a[p.a_start : p.a_end] and p.b_text == b[p.b_start : p.b_end]
        assert p.words >= 2
    r = asimtext.near_duplicates([a, b, a], threshold=0.5, num_perm=32, ngram=2)
    for i, j, est, exact in r.pairs:
        assert 0 <= i < j < 3 and 0.0 <= est <= 1.0 and 0.5 <= exact <= 1.0
    if RUST_HASHERS[0].shingles(a):
        assert (0, 2) in [(i, j) for i, j, _, _ in r.pairs]
    # LSH: a signature finds its own key; save/load keeps every query result.
    h = RUST_HASHERS[0]
    lsh = asimtext.LSH(threshold=0.5, num_perm=h.num_perm)
    sigs = h.signatures([a, b])
    lsh.insert_many([a, 7], sigs)
    back = asimtext.LSH.from_bytes(lsh.to_bytes())
    for s in sigs:
        assert back.query(s) == lsh.query(s)
    assert a in lsh.query(sigs[0]) and 7 in lsh.query(sigs[1])


@SETTINGS
@given(NOT_STR)
def test_dedup_not_str(obj):
    h = RUST_HASHERS[0]
    for fn in (h.shingles, h.signature, PURE_HASHERS[0].shingles, PURE_HASHERS[0].signature):
        with pytest.raises(TypeError):
            fn(obj)
    with pytest.raises(TypeError):
        asimtext.overlap(obj, "a")
    with pytest.raises(TypeError):
        asimtext.shared_passages("a", obj)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        asimtext.near_duplicates(["a", obj])
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        h.signatures([obj])


# ---------------------------------------------------------------- xscript


def check_tokens(text, toks):
    prev = 0
    for s, e, key, kind in toks:
        assert prev <= s < e <= len(text), (s, e, prev, len(text))
        assert key and " " not in key
        assert kind in ("word", "acronym", "stop")
        prev = e


@SETTINGS
@given(TEXT)
def test_xscript(text):
    if has_surrogate(text):
        for fn in (
            asimtext.xscript_key,
            asimtext.xscript_keys,
            asimtext.xscript_tokens,
            asimtext.xscript_romanize,
        ):
            expect_surrogate_error(fn, text)
        fixed = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
        assert asimtext.xscript_tokens(text, errors="replace") == asimtext.xscript_tokens(fixed)
        return
    toks = asimtext.xscript_tokens(text)
    check_tokens(text, toks)
    assert toks == pure_xscript.tokens(text)
    assert asimtext.xscript_keys(text) == pure_xscript.keys(text)
    assert asimtext.xscript_keys(text, stopwords=True) == [(s, e, k) for s, e, k, _ in toks]
    assert asimtext.xscript_keys_batch([text, text]) == [pure_xscript.keys(text)] * 2
    assert asimtext.xscript_key(text) == pure_xscript.key(text) == " ".join(t[2] for t in toks)
    assert asimtext.xscript_romanize(text) == pure_xscript.romanize(text)
    assert asimtext.xscript_is_stopword(text) == pure_xscript.is_stopword(text)


@SETTINGS
@given(NOT_STR)
def test_xscript_not_str(obj):
    for fn in (
        asimtext.xscript_key,
        asimtext.xscript_keys,
        asimtext.xscript_tokens,
        asimtext.xscript_romanize,
        asimtext.xscript_is_stopword,
    ):
        with pytest.raises(TypeError):
            fn(obj)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        asimtext.xscript_keys_batch(["a", obj])
