"""Batch functions on Arrow and pandas data, read in place (no Python list).

Each Arrow form must give exactly what the same texts give as a list.
"""

import asimtext
import pytest
from asimtext.pure import normalization as pure
from hypothesis import given, settings
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

TEXTS = [
    "क़ानून  मंत्री ने 12 मार्च 2024 को ₹5 करोड़ की घोषणा की।",
    "The minister announced Rs 5 crore on 12 March 2024.",
    "",
    "ｆｕｌｌ width and emoji 😀 beyond the BMP",
    "café à Paris, naïve",
    "मुंबई में   बारिश, 3 दिन से",
]


def forms(texts):
    """The same texts as every Arrow form the readers take."""
    yield "string", pa.array(texts, type=pa.string())
    yield "large_string", pa.array(texts, type=pa.large_string())
    yield "string_view", pa.array(texts, type=pa.string_view())
    yield "chunked", pa.chunked_array([texts[:2], texts[2:3], [], texts[3:]])
    yield "sliced", pa.array(["x", "y"] + texts + ["z"])[2 : 2 + len(texts)]
    yield "series", pd.Series(pa.array(texts), dtype=pd.ArrowDtype(pa.string()))
    yield "series-str", pd.Series(texts, dtype="string[pyarrow]")
    yield "series-object", pd.Series(texts, dtype=object)


@pytest.mark.parametrize("name,col", list(forms(TEXTS)), ids=lambda x: x if isinstance(x, str) else "")
def test_normalize_batch_arrow_equals_list(name, col):
    for form in ("canonical", "match"):
        assert asimtext.normalize_batch(col, form=form) == asimtext.normalize_batch(TEXTS, form=form)
        assert pure.normalize_batch(col, form=form) == asimtext.normalize_batch(TEXTS, form=form)
        out = asimtext.normalize_batch(col, form=form, output="arrow")
        assert out.to_pylist() == asimtext.normalize_batch(TEXTS, form=form)


def test_long_arrow_column_in_many_chunks():
    texts = [f"{i} {TEXTS[i % len(TEXTS)]}" for i in range(5000)]
    col = pa.chunked_array([texts[i : i + 777] for i in range(0, len(texts), 777)])
    assert asimtext.normalize_batch(col) == asimtext.normalize_batch(texts)


@pytest.mark.parametrize("name,col", list(forms(TEXTS))[:5], ids=lambda x: x if isinstance(x, str) else "")
def test_other_batch_functions_take_arrow(name, col):
    h = asimtext.MinHasher(num_perm=16)
    assert (h.signatures(col) == h.signatures(TEXTS)).all()
    assert asimtext.extract_batch(col) == asimtext.extract_batch(TEXTS)
    assert asimtext.xscript_keys_batch(col) == asimtext.xscript_keys_batch(TEXTS)


def test_nulls_are_errors_naming_the_index():
    col = pa.chunked_array([["a", "b"], ["c", None]])
    with pytest.raises(ValueError, match=r"texts\[3\] is null"):
        asimtext.normalize_batch(col)
    with pytest.raises(ValueError, match=r"texts\[3\] is null"):
        pure.normalize_batch(col)
    with pytest.raises(ValueError, match=r"texts\[1\] is null"):
        asimtext.MinHasher().signatures(pa.array(["a", None]))
    with pytest.raises(ValueError, match=r"texts\[0\] is null"):
        asimtext.xscript_keys_batch(pa.array([None, "a"]))


def test_wrong_arrow_types_are_type_errors():
    with pytest.raises(TypeError, match="Arrow format"):
        asimtext.normalize_batch(pa.array([1, 2]))
    with pytest.raises(TypeError, match="dictionary-encoded"):
        asimtext.normalize_batch(pa.array(["a", "b", "a"]).dictionary_encode())
    with pytest.raises(TypeError, match="pass one column"):
        asimtext.normalize_batch(pa.table({"text": ["a"]}))


def test_invalid_utf8_in_arrow_is_an_error():
    bad = pa.Array.from_buffers(
        pa.string(), 2, [None, pa.py_buffer(pa.array([0, 1, 3], pa.int32()).buffers()[1]), pa.py_buffer(b"a\xff\xfe")]
    )
    with pytest.raises(ValueError, match=r"texts\[1\] is not valid UTF-8"):
        asimtext.normalize_batch(bad)


def test_output_arrow():
    out = asimtext.normalize_batch(TEXTS, output="arrow")
    assert out.type == pa.large_string()
    assert out.to_pylist() == asimtext.normalize_batch(TEXTS)
    out2 = asimtext.normalize_batch(pa.array(TEXTS), output="arrow", form="match")
    assert out2.to_pylist() == asimtext.normalize_batch(TEXTS, form="match")
    assert pure.normalize_batch(TEXTS, output="arrow").equals(out)
    assert asimtext.normalize_batch([], output="arrow").to_pylist() == []
    # errors="replace" goes through the replacing reader
    rep = asimtext.normalize_batch(["a\ud800b"], output="arrow", errors="replace")
    assert rep.to_pylist() == asimtext.normalize_batch(["a\ud800b"], errors="replace")
    with pytest.raises(ValueError, match="output must be"):
        asimtext.normalize_batch(TEXTS, output="numpy")


def test_results_outlive_the_arrow_input():
    col = pa.array([t * 3 for t in TEXTS])
    out = asimtext.normalize_batch(col)
    del col
    import gc

    gc.collect()
    assert out == asimtext.normalize_batch([t * 3 for t in TEXTS])


RECORDS = [
    {"id": 1, "text": "मुंबई में भारी बारिश, 12 मार्च 2024 को 5 लोगों की मौत।", "title": "बारिश", "source": "A",
     "published": "2024-03-12"},
    {"id": 2, "text": "Heavy rain in Mumbai on 12 March 2024 killed 5 people.", "title": "Rain", "source": "B",
     "published": "2024-03-12"},
    {"id": 3, "text": "मुंबई में भारी बारिश, 12 मार्च 2024 को 6 लोगों की मौत।", "title": "बारिश", "source": "C",
     "published": "2024-03-13"},
]


def _same_digest(a, b):
    da, db = a.to_dict(), b.to_dict()
    assert da["counts"] == db["counts"]
    assert da == db


def test_digest_of_dataframe_equals_digest_of_records():
    expected = asimtext.digest(RECORDS)
    assert expected.counts["ok"] == 3
    _same_digest(asimtext.digest(pd.DataFrame(RECORDS)), expected)
    _same_digest(asimtext.digest(pa.Table.from_pylist(RECORDS)), expected)
    _same_digest(asimtext.digest(pa.Table.from_pylist(RECORDS).to_batches()[0]), expected)


def test_dataframe_with_missing_values_and_timestamps():
    df = pd.DataFrame(RECORDS)
    df["published"] = pd.to_datetime(df["published"])
    df.loc[1, "title"] = None
    rep = asimtext.load_articles(df)
    assert [r.ok for r in rep.records] == [True, True, True]
    arts = [r.article for r in rep.records]
    assert arts[0].published.startswith("2024-03-12")
    assert arts[1].title is None
    assert [a.id for a in arts] == ["1", "2", "3"]


_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x900, max_codepoint=0x97F),  # Devanagari
        st.sampled_from(" \u200c\u200d\u00a0.,।॥-\"'0123456789abcXYZéà😀\ufeff"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXT, max_size=12), st.sampled_from(["canonical", "match", "nfc"]))
def test_arrow_input_agrees_with_lists(texts, form):
    want = asimtext.normalize_batch(texts, form=form)
    assert asimtext.normalize_batch(pa.array(texts, type=pa.string()), form=form) == want
    assert asimtext.normalize_batch(pa.array(texts, type=pa.string_view()), form=form) == want
    assert asimtext.normalize_batch(texts, form=form, output="arrow").to_pylist() == want
    assert asimtext.normalize_batch(pa.array(texts), form=form, output="arrow").to_pylist() == want


def test_pandas_string_series_is_read_as_arrow_and_object_series_as_objects():
    # The Arrow reader names nulls; the object path names the wrong type.
    for dtype in ("str", "string[pyarrow]"):
        with pytest.raises(ValueError, match=r"texts\[1\] is null"):
            asimtext.normalize_batch(pd.Series(["a", None, "b"], dtype=dtype))
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not NoneType"):
        asimtext.normalize_batch(pd.Series(["a", None, "b"], dtype=object))
