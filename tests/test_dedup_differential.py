"""Rust vs the pure-Python twin (asimtext.pure.dedup.minhash): identical shingles,
signatures and overlaps, on generated text biased to what news text contains."""

from __future__ import annotations

import sys
from pathlib import Path

import asimtext
import numpy as np
from asimtext.pure.dedup import minhash as pure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DEVANAGARI = [chr(c) for c in range(0x0900, 0x0980)]
SPECIAL = [
    "\u200c",
    "\u200d",
    "\u00a0",
    "\u00ad",
    "\u2060",
    "\ufeff",
    "\u200b",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    ".",
    ",",
    "।",
    "॥",
    "(",
    ")",
    "-",
    "'",
    '"',
    "\u201c",
    "\u2019",
    "\u0301",
    "\u0308",
    "\u093c",
    "\u0901",
    "\u0902",
    "\u094d",
    "ß",
    "İ",
    "Σ",
    "ﬁ",
    "²",
    "½",
    "٣",
    "𝟙",
    "😀",
    "\U00016b00",
]
LATIN = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
DIGITS = list("0123456789०१२३४५६७८९")

chars = st.one_of(
    st.sampled_from(DEVANAGARI),
    st.sampled_from(SPECIAL),
    st.sampled_from(LATIN),
    st.sampled_from(DIGITS),
    st.characters(blacklist_categories=("Cs",)),
)
texts = st.text(chars, max_size=120)
words = st.lists(
    st.sampled_from(
        ["राम", "श्याम", "ज़िला", "जिला", "Kanpur", "kanpur", "१५", "15", "असीम", "अरुण", "ने", "की"]
    ),
    max_size=40,
).map(" ".join)
any_text = st.one_of(texts, words)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text, st.integers(1, 6), st.sampled_from(["word", "char"]))
def test_shingles_identical(text, ngram, unit):
    rust = asimtext.MinHasher(num_perm=4, ngram=ngram, unit=unit)
    assert rust.shingles(text) == pure.shingles(text, ngram, unit)


@SETTINGS
@given(any_text, st.integers(1, 5), st.sampled_from(["word", "char"]), st.integers(0, 2**64 - 1))
def test_signatures_identical_default_scheme(text, ngram, unit, seed):
    rust = asimtext.MinHasher(num_perm=40, ngram=ngram, unit=unit, seed=seed)
    twin = pure.MinHasher(num_perm=40, ngram=ngram, unit=unit, seed=seed)
    a, b = rust.signature(text), twin.signature(text)
    assert a.dtype == b.dtype
    assert np.array_equal(a, b)


@settings(max_examples=100, deadline=None)
@given(any_text, st.sampled_from(["affine32", "affine64", "legacy"]), st.integers(0, 2**32 - 1))
def test_signatures_identical_datasketch_schemes(text, scheme, seed):
    rust = asimtext.MinHasher(num_perm=24, ngram=2, compat="datasketch", scheme=scheme, seed=seed)
    twin = pure.MinHasher(num_perm=24, ngram=2, compat="datasketch", scheme=scheme, seed=seed)
    a, b = rust.signature(text), twin.signature(text)
    assert a.dtype == b.dtype
    assert np.array_equal(a, b)


@SETTINGS
@given(st.lists(st.text(chars, max_size=12), max_size=30), st.integers(0, 2**64 - 1))
def test_signature_from_tokens_identical(tokens, seed):
    rust = asimtext.MinHasher(num_perm=33, seed=seed)
    twin = pure.MinHasher(num_perm=33, seed=seed)
    assert np.array_equal(rust.signature_from_tokens(tokens), twin.signature_from_tokens(tokens))


@SETTINGS
@given(any_text, any_text, st.integers(1, 4), st.sampled_from(["word", "char"]))
def test_overlap_identical(a, b, ngram, unit):
    assert asimtext.overlap(a, b, ngram=ngram, unit=unit) == pure.overlap(
        a, b, ngram=ngram, unit=unit
    )


def test_element_hash_identical_on_lengths_0_to_40():
    h = asimtext.MinHasher(num_perm=1)
    a, b = (int(v[0]) for v in h.permutations)
    for n in range(41):
        s = "".join(chr(0x61 + (i * 7) % 26) for i in range(n))
        # Pieces of every length (hash64's blocks and tails), with and without spaces.
        for t in (s, " ".join([s, s[: n // 2], "", s[n // 3 :]]), "स " + s + " ा"):
            # One-element set: the signature is a_0 * (element_hash >> 32) + b_0 mod 2**32.
            x = pure.element_hash(t.encode()) >> 32
            assert int(h.signature_from_tokens([t])[0]) == (a * x + b) % 2**32, repr(t)


def test_element_hash_combines_the_hashes_of_the_pieces():
    """The definition: pieces cut at spaces, hash64 each, sum of rotations, final mum."""
    def rotl(v: int, r: int) -> int:
        r %= 64
        return ((v << r) | (v >> (64 - r))) & pure.M64

    for t in ["", " ", "a", "a b", "ab  c ", "असीम अरुण ने कहा", " ".join("x" * 70)]:
        pieces = t.encode().split(b" ")
        acc = sum(rotl(pure.hash64(p), j) for j, p in enumerate(pieces)) & pure.M64
        assert pure.element_hash(t.encode()) == pure.mum(acc ^ len(pieces), pure.K2)
    assert pure.element_hash(b"a b") != pure.element_hash(b"b a")


def test_token_characters_identical_for_every_code_point():
    """Every code point: is it a token character? Rust (generated table) and
    unicodedata2 18.0.0 must agree, including beyond the BMP."""
    cps = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    text = " ".join(chr(c) for c in cps)
    rust = asimtext.MinHasher(num_perm=1, ngram=1).shingles(text)
    twin = pure.shingles(text, 1, "word")
    assert rust == twin
    assert len(rust) > 100_000


def test_pure_twin_is_pure():
    assert "asimtext._core" not in getattr(pure, "__dict__", {})
    src = Path(pure.__file__).read_text(encoding="utf-8")
    assert "_core" not in src and "import asimtext\n" not in src
    assert sys.modules["asimtext.pure.dedup.minhash"] is pure


doc_words = st.lists(
    st.sampled_from(["राम", "ने", "कहा", "कि", "ज़िला", "जिला", "Kanpur", "15", "१५", "अदालत", "में"]),
    min_size=0,
    max_size=30,
).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(doc_words, max_size=12),
    st.sampled_from([0.3, 0.5, 0.8, 1.0]),
    st.integers(1, 4),
    st.sampled_from([None, (4, 4), (8, 2), (16, 1)]),
)
def test_near_duplicates_identical(texts, threshold, ngram, params):
    kwargs = {"threshold": threshold, "num_perm": 16, "ngram": ngram, "params": params}
    assert asimtext.near_duplicates(texts, **kwargs) == pure.near_duplicates(texts, **kwargs)


def test_optimal_params_identical():
    from asimtext import _core

    for t, n, w in [(0.8, 128, (0.5, 0.5)), (0.5, 64, (0.2, 0.8)), (0.9, 32, (0.9, 0.1))]:
        assert tuple(_core._optimal_params(t, n, *w)) == pure.optimal_params(t, n, *w)


def test_lsh_file_holds_the_twin_band_hashes():
    h = asimtext.MinHasher(num_perm=12)
    sig = h.signature("एक दो तीन चार पांच छह सात")
    lsh = asimtext.LSH(threshold=0.5, num_perm=12, params=(3, 4))
    lsh.insert(7, sig)
    data = lsh.to_bytes()
    tail = data[-4 - 3 * 8 : -4]
    stored = [int.from_bytes(tail[i : i + 8], "little") for i in range(0, 24, 8)]
    assert stored == [pure.band_hash(b, sig[b * 4 : (b + 1) * 4].tolist()) for b in range(3)]


@SETTINGS
@given(st.lists(any_text, max_size=8), st.integers(1, 5))
def test_batch_signatures_of_fresh_strings_identical(batch, ngram):
    """`signatures` reads each str in place or converts it in the worker threads
    (PEP 393 data, no UTF-8 cached yet): same as the pure twin, text by text,
    and the same for the token-set call."""
    rust = asimtext.MinHasher(num_perm=24, ngram=ngram)
    twin = pure.MinHasher(num_perm=24, ngram=ngram)
    fresh = ["".join(list(t)) * 3 for t in batch]  # new objects, long enough for 8-unit chunks
    sigs = rust.signatures(fresh)
    assert sigs.shape == (len(batch), 24)
    for i, t in enumerate(fresh):
        assert np.array_equal(sigs[i], twin.signature(t))
    sets = [["".join(list(w)) for w in t.split(" ")] for t in fresh]
    many = rust.signatures_from_tokens(sets)
    for i, toks in enumerate(sets):
        assert np.array_equal(many[i], twin.signature_from_tokens(toks))
