"""The context words of a digest's values: the Rust core
(`asimtext._core._context_keys_batch`, `rust/core/src/prepare`) equals its pure
twin (`asimtext.pure.prepare.context_keys_batch`), and both take the text's words
read whole: the words of the text lying wholly inside each value's window."""

from __future__ import annotations

import asimtext
import pytest
from asimtext.pure import prepare as pure
from asimtext.pure.xscript import keys as pure_keys
from hypothesis import given, settings
from hypothesis import strategies as st

RUST = getattr(asimtext._core, "_context_keys_batch", None)
pytestmark = pytest.mark.skipif(RUST is None, reason="extension without _context_keys_batch")

WORDS = ["कानपुर", "में", "पुलिस", "आयुक्त", "असीम", "अरुण", "Kanpur", "police", "the", "of",
         "BJP", "बीजेपी", "मौत", "लोगों", "died", "15", "2022", "१२,३४५", "।", ".", ",", "\n",
         "क़", "ज़्", "x", "Asim", "Arun's"]


@st.composite
def text_and_values(draw):
    words = draw(st.lists(st.sampled_from(WORDS), max_size=60))
    seps = draw(st.lists(st.sampled_from([" ", "  ", "", "\n"]), min_size=len(words),
                         max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps))
    n = len(text)
    values = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, min(n, start + 6)))
        ss = draw(st.integers(0, start))
        se = draw(st.integers(end, n))
        values.append((ss, se, start, end))
    return text, values


@settings(max_examples=300, deadline=None)
@given(st.lists(text_and_values(), max_size=4), st.integers(0, 5), st.integers(0, 60))
def test_rust_equals_the_pure_twin(batch, width, reach):
    texts = [t for t, _ in batch]
    values = [v for _, v in batch]
    assert RUST(texts, values, width, reach) == pure.context_keys_batch(
        texts, values, width, reach, keys=pure_keys)


@settings(max_examples=200, deadline=None)
@given(text_and_values(), st.integers(1, 5))
def test_one_value_alone_reads_the_texts_words_inside_its_window(tv, width):
    # A window reaching its sentence's edges: the text's words wholly inside the
    # sentence (a word an edge cuts is left out, as no window keys a piece of a word).
    text, values = tv
    for ss, se, start, end in values:
        lo, hi = ss, se
        keys = [(s, e, k) for s, e, k in asimtext.xscript_keys(text, stopwords=False)
                if len(k) >= 2 and lo <= s and e <= hi]
        left = [k for s, e, k in keys if e <= start][-width:]
        right = [k for s, e, k in keys if s >= end][:width]
        (got,) = RUST([text], [[(ss, se, start, end)]], width, len(text) + 1)[0]
        assert got == sorted(set(left) | set(right))


def test_lengths_must_match():
    with pytest.raises(asimtext.ArgumentError):
        RUST(["a"], [], 4, 160)
    with pytest.raises(asimtext.ArgumentError):
        pure.context_keys_batch(["a"], [], 4, 160)


@pytest.mark.parametrize("texts, values, error, words", [
    ([5], [[]], asimtext.ArgumentTypeError, "texts[0] must be str, not int"),
    (["ok", "a \ud800 5"], [[], [(0, 5, 4, 5)]], asimtext.ArgumentError,
     "texts[1] contains a lone surrogate at index 2"),
    (["a b 5"], [[(0, 5, -1, 5)]], asimtext.ArgumentError, "values[0][0]: offsets must be >= 0"),
])
def test_bad_input_is_the_same_clear_error_in_both(texts, values, error, words):
    for f in (RUST, pure.context_keys_batch):
        with pytest.raises(error) as e:
            f(texts, values, 4, 160)
        assert words in str(e.value) and "errors=" not in str(e.value), (f, e.value)


def test_a_dense_page_is_keyed_once():
    # 40,000 values 7 characters apart: linear, as one text keyed once.
    page = "१२,३४५. " * 40_000
    values = [(0, len(page), i * 8, i * 8 + 6) for i in range(40_000)]
    got = RUST([page], [values], 4, 160)[0]
    assert len(got) == 40_000
