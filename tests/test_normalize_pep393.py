"""The UCS-2 entry point: Python strings stored with 2 bytes per code point
(every Hindi string) are normalized on their code units, without UTF-8
conversions. Same results as the UTF-8 path, and results that are proper
Python strings of the smallest kind."""

from __future__ import annotations

import pickle

import asimtext
import pytest
from asimtext import pure
from hypothesis import given, settings
from hypothesis import strategies as st

FORMS = ["canonical", "match", "nfc"]

# Characters chosen to make strings of every PEP 393 kind, and lines that are
# clean and dirty in every way the line test knows.
ALPHABET = (
    list("कखगनरळजअआएऑािीुेोॉंँः़्०१९।॥ॐ")
    + list("abcXYZ059 .,|\"'\n\r\t")
    + ["\u00a0", "\u00e9", "\u0301", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad",
       "\u2018", "\u201c", "\u2013", "\u0958", "\u095b", "\u0929", "\u0951", "\u212b",
       "\U0001F600", "\U00011099\U000110BA"]
)
texts = st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(FORMS), st.booleans(), st.booleans())
def test_same_as_pure_twin(text, form, ascii_digits, ascii_punctuation):
    kw = dict(form=form, ascii_digits=ascii_digits, ascii_punctuation=ascii_punctuation)
    assert asimtext.normalize(text, **kw) == pure.normalize(text, **kw)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=20), st.sampled_from(FORMS))
def test_batch_same_as_one_by_one(items, form):
    assert asimtext.normalize_batch(items, form=form) == [asimtext.normalize(t, form=form) for t in items]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("abc\u200d", "abc"),  # 2-byte input, ASCII result
        ("caf\u00e9\u200d", "caf\u00e9"),  # 2-byte input, latin-1 result
        ("नमस्ते\u200b", "नमस्ते"),  # stays 2-byte
        ("a\u00a0b", "a b"),  # latin-1 input (UTF-8 path)
    ],
)
def test_results_have_the_smallest_kind(text, expected):
    # CPython compares strings of different kinds as unequal without looking
    # at their code points, so equality and hashing check the kind.
    out = asimtext.normalize(text)
    assert out == expected
    assert hash(out) == hash(expected)
    assert {expected: 1}[out] == 1
    assert pickle.loads(pickle.dumps(out)) == expected
    assert asimtext.normalize_batch([text]) == [expected]


def test_unchanged_text_is_returned_as_it_is():
    text = "कानपुर के पुलिस आयुक्त\nदूसरी पंक्ति"
    assert asimtext.normalize(text) is text
    assert asimtext.normalize("plain ascii") == "plain ascii"
    (out,) = asimtext.normalize_batch([text])
    assert out is text


def test_subclasses_give_plain_str():
    class Mine(str):
        pass

    for t in [Mine("कानपुर"), Mine("ascii"), Mine("क  ख")]:
        out = asimtext.normalize(t)
        assert type(out) is str
        assert out == pure.normalize(str(t))
        (b,) = asimtext.normalize_batch([t])
        assert type(b) is str and b == out


@pytest.mark.parametrize("form", FORMS)
def test_lone_surrogates_in_two_byte_strings(form):
    # A lone surrogate in a line the test finds clean, and in a dirty one.
    for text, index in [("कख\ud800ग", 2), ("क  ख\udc00", 4), ("x\ud800", 1)]:
        with pytest.raises(ValueError, match=f"lone surrogate at index {index}"):
            asimtext.normalize(text, form=form)
        with pytest.raises(ValueError, match=rf"texts\[1\] contains a lone surrogate at index {index}"):
            asimtext.normalize_batch(["ok", text], form=form)
        replaced = text.replace("\ud800", "\ufffd").replace("\udc00", "\ufffd")
        expected = pure.normalize(replaced, form=form)
        assert asimtext.normalize(text, form=form, errors="replace") == expected
        assert asimtext.normalize_batch([text], form=form, errors="replace") == [expected]


def test_results_beyond_the_bmp():
    # Kaithi: two supplementary code points that NFC composes; in a 4-byte string.
    text = "\U00011099\U000110BA क"
    assert asimtext.normalize(text, form="nfc") == "\U0001109A क"


def test_batch_of_mixed_kinds_in_many_chunks():
    base = ["कानपुर", "क  ख", "ascii  text", "caf\u00e9", "\U0001F600 x", "abc\u200d"]
    items = base * 400  # several parallel chunks
    assert asimtext.normalize_batch(items) == [pure.normalize(t) for t in base] * 400


def test_batch_names_a_non_str_item():
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not int"):
        asimtext.normalize_batch(["a", "ब", 3])


def test_error_after_new_strings_in_the_same_chunk():
    # Results are allocated first and filled by the workers afterwards; an
    # error later in the chunk must leave nothing half made (and not crash).
    items = ["क  ख"] * 100 + ["कख\ud800"] + ["ग  घ"] * 100
    for _ in range(3):
        with pytest.raises(ValueError, match=r"texts\[100\] contains a lone surrogate at index 2"):
            asimtext.normalize_batch(items)
    out = asimtext.normalize_batch(items, errors="replace")
    assert out[:2] == ["क ख", "क ख"] and out[100] == "कख\ufffd" and out[-1] == "ग घ"
