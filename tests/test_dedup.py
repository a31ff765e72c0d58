"""Near-duplicate detection: API behaviour, bad input, LSH, persistence, passages."""

from __future__ import annotations

import pickle
from pathlib import Path

import asimtext
import numpy as np
import pytest
from asimtext import LSH, CorruptFileError, MinHasher
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_text(i: int) -> str:
    return SEEDS[i].read_text(encoding="utf-8")


# ---------------------------------------------------------------- MinHasher


def test_shingles_are_what_the_hasher_sees():
    h = MinHasher(num_perm=64, ngram=3)
    text = "Kanpur पुलिस, कमिश्नर (असीम) अरुण।  ने वीडियो"
    sh = h.shingles(text)
    assert sh[0] == "kanpur पुलिस कमिश्नर"
    assert all(len(s.split(" ")) == 3 for s in sh)
    # The signature of a text is the signature of the set of its shingles.
    assert np.array_equal(h.signature(text), h.signature_from_tokens(sh))
    assert np.array_equal(h.signature(text), h.signature_from_tokens(list(reversed(sh)) + sh))


def test_char_shingles_span_word_boundaries():
    h = MinHasher(ngram=4, unit="char")
    assert h.shingles("ab, cd") == ["ab c", "b cd"]
    assert h.shingles("abc") == ["abc"]


def test_signature_shapes_dtypes_and_batch_equals_single():
    texts = [seed_text(i) for i in range(len(SEEDS))] + ["", "x"]
    for kwargs, dtype in [
        ({}, np.uint32),
        ({"compat": "datasketch"}, np.uint32),
        ({"compat": "datasketch", "scheme": "affine64"}, np.uint64),
        ({"compat": "datasketch", "scheme": "legacy"}, np.uint64),
    ]:
        h = MinHasher(num_perm=48, **kwargs)
        sigs = h.signatures(texts)
        assert sigs.shape == (len(texts), 48)
        assert sigs.dtype == dtype
        assert h.dtype == np.dtype(dtype).name
        for i, t in enumerate(texts):
            assert np.array_equal(sigs[i], h.signature(t))
    assert MinHasher().signatures([]).shape == (0, 128)


def test_empty_and_short_texts():
    h = MinHasher(num_perm=32, ngram=5)
    for empty in ["", "   ", ".,;!?", "\u200d\u200c"]:
        assert h.shingles(empty) == []
        assert (h.signature(empty) == np.iinfo(np.uint32).max).all()
    assert h.shingles("एक दो") == ["एक दो"]
    assert not (h.signature("एक दो") == np.iinfo(np.uint32).max).all()
    assert MinHasher(compat="datasketch", scheme="legacy").signature("").max() == 2**32 - 1


def test_normalization_differences_do_not_change_signatures():
    h = MinHasher(num_perm=64, ngram=2)
    a = "ज़िला अदालत में सुनवाई।  Kanpur ३ बजे"
    b = "जिला अदालत में सुनवाई. KANPUR 3 बजे"
    assert h.shingles(a) == h.shingles(b)
    assert np.array_equal(h.signature(a), h.signature(b))


def test_estimates_track_exact_jaccard():
    h = MinHasher(num_perm=256, ngram=3)
    words = seed_text(0).split()
    errs = []
    for cut in range(10, 300, 25):
        a = " ".join(words[:300])
        b = " ".join(words[cut : cut + 300])
        est = asimtext.jaccard(h.signature(a), h.signature(b))
        exact, _ = asimtext.overlap(a, b, ngram=3)
        errs.append(abs(est - exact))
    assert np.mean(errs) < 0.04
    assert max(errs) < 0.12


def test_determinism_and_seeds():
    t = seed_text(1)
    assert np.array_equal(MinHasher(seed=5).signature(t), MinHasher(seed=5).signature(t))
    assert not np.array_equal(MinHasher(seed=5).signature(t), MinHasher(seed=6).signature(t))
    assert MinHasher(seed=2**64 - 1).signature(t).shape == (128,)


def test_minhasher_pickle_and_repr():
    for h in [
        MinHasher(num_perm=16, ngram=3, unit="char", seed=9),
        MinHasher(compat="datasketch", scheme="legacy", seed=3),
    ]:
        h2 = pickle.loads(pickle.dumps(h))
        assert h2 == h
        assert repr(h2) == repr(h)
        assert np.array_equal(h2.signature("a b c d"), h.signature("a b c d"))
    assert repr(MinHasher()) == "MinHasher(num_perm=128, ngram=5, unit='word', seed=1)"


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [
        ({"num_perm": 0}, ValueError, "num_perm"),
        ({"num_perm": -3}, ValueError, "num_perm"),
        ({"num_perm": 10**30}, ValueError, "num_perm"),
        ({"num_perm": 1.5}, TypeError, "num_perm"),
        ({"num_perm": "8"}, TypeError, "num_perm"),
        ({"ngram": 0}, ValueError, "ngram"),
        ({"unit": "line"}, ValueError, "unit"),
        ({"seed": -1}, ValueError, "seed"),
        ({"compat": "rensa"}, ValueError, "compat"),
        ({"compat": "datasketch", "scheme": "affine16"}, ValueError, "scheme"),
        ({"scheme": "legacy"}, ValueError, "compat"),
        ({"compat": "datasketch", "seed": 2**32}, ValueError, "seed"),
    ],
)
def test_minhasher_bad_arguments(kwargs, exc, word):
    with pytest.raises(exc, match=word):
        MinHasher(**kwargs)


def test_bad_texts_name_the_item():
    h = MinHasher(num_perm=8)
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not int"):
        h.signatures(["a", "b", 3])
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not bytes"):
        asimtext.near_duplicates(["a", b"b"])
    with pytest.raises(ValueError, match=r"texts\[1\] contains a lone surrogate at index 2"):
        h.signatures(["ok", "ab\ud800cd"])
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        h.signature(None)
    with pytest.raises(TypeError, match="single str"):
        h.signatures("not a list")
    with pytest.raises(TypeError, match=r"tokens\[1\] must be str"):
        h.signature_from_tokens(["a", 1])
    with pytest.raises(TypeError, match=r"token_sets\[1\]\[0\] must be str"):
        h.signatures_from_tokens([["a"], [1]])
    with pytest.raises(ValueError, match="lone surrogate"):
        asimtext.overlap("a", "\udfff")
    with pytest.raises(TypeError, match="b must be str"):
        asimtext.shared_passages("a", 1)


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [
        ({"threshold": 0.0}, ValueError, "threshold"),
        ({"threshold": 1.5}, ValueError, "threshold"),
        ({"threshold": float("nan")}, ValueError, "threshold"),
        ({"threshold": "high"}, TypeError, "threshold"),
        ({"num_perm": 1}, ValueError, "num_perm"),
        ({"num_perm": 10**6}, ValueError, "num_perm"),
        ({"ngram": 0}, ValueError, "ngram"),
        ({"params": (100, 100)}, ValueError, "params"),
        ({"params": "x"}, TypeError, "params"),
    ],
)
def test_near_duplicates_bad_arguments(kwargs, exc, word):
    with pytest.raises(exc, match=word):
        asimtext.near_duplicates(["a b c", "a b c"], **kwargs)


def test_jaccard_bad_signatures():
    h = MinHasher(num_perm=8)
    s = h.signature("a b c d e f")
    assert asimtext.jaccard(s, s) == 1.0
    with pytest.raises(ValueError, match="different lengths"):
        asimtext.jaccard(s, MinHasher(num_perm=9).signature("a"))
    with pytest.raises(ValueError, match="different dtypes"):
        asimtext.jaccard(s, s.astype(np.uint64))
    with pytest.raises(TypeError, match="sig_a must be a 1-D numpy array"):
        asimtext.jaccard([1, 2], s)
    # Strided views are fine.
    both = MinHasher(num_perm=16).signatures(["a b c d e f", "a b c d e g"])
    assert asimtext.jaccard(both[0][::2], both[1][::2]) == asimtext.jaccard(
        both[0][::2].copy(), both[1][::2].copy()
    )


# ---------------------------------------------------------------- overlap


def test_overlap_jaccard_and_containment():
    a = seed_text(0)
    part = " ".join(a.split()[100:250])
    j, c = asimtext.overlap(a, part)
    assert c == 1.0
    assert 0.1 < j < 0.3
    assert asimtext.overlap(a, a) == (1.0, 1.0)
    assert asimtext.overlap(a, "") == (0.0, 0.0)
    assert asimtext.overlap("", "") == (0.0, 0.0)


# ---------------------------------------------------------------- near_duplicates


def _edited(text: str, k: int) -> str:
    words = text.split()
    for i in range(k, len(words), 97):
        words[i] = "बदला"
    return "ऐसी ही खबरों के लिए डाउनलोड करें ऐप\n" + " ".join(words)


def test_near_duplicates_on_seeds():
    texts = [seed_text(i) for i in range(len(SEEDS))]
    texts += [_edited(texts[0], 3), "", _edited(texts[2], 5), texts[0], "   "]
    r = asimtext.near_duplicates(texts, threshold=0.8)
    pairs = [(i, j) for i, j, _, _ in r.pairs]
    assert pairs == [(0, 5), (0, 8), (2, 7), (5, 8)]
    for i, j, est, exact in r.pairs:
        assert exact >= 0.8
        assert exact == pytest.approx(asimtext.overlap(texts[i], texts[j])[0], abs=1e-12)
        assert abs(est - exact) < 0.2
    assert r.clusters == [[0, 5, 8], [2, 7]]
    assert len(r) == 4
    assert "4 pairs" in repr(r)
    assert pickle.loads(pickle.dumps(r)) == r
    # Deterministic, and the same whatever the thread count.
    assert asimtext.near_duplicates(texts, threshold=0.8) == r


def test_near_duplicates_empty_inputs():
    assert asimtext.near_duplicates([]).pairs == []
    r = asimtext.near_duplicates(["", "", " "])
    assert r.pairs == [] and r.clusters == []


def test_near_duplicates_recall_against_brute_force():
    from asimtext.pure.dedup.minhash import overlap as pure_overlap

    base = [seed_text(i) for i in range(len(SEEDS))]
    texts = []
    for i, t in enumerate(base):
        texts.append(t)
        for k in range(4):
            texts.append(_edited(t, k * 7 + i))
            words = t.split()
            texts.append(" ".join(words[k * 40 :]))
    truth = set()
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if pure_overlap(texts[i], texts[j])[0] >= 0.7:
                truth.add((i, j))
    r = asimtext.near_duplicates(texts, threshold=0.7)
    found = {(i, j) for i, j, _, _ in r.pairs}
    assert found == truth
    assert len(truth) > 20


# ---------------------------------------------------------------- LSH


def test_lsh_params_and_basic_operations():
    lsh = LSH(threshold=0.5, num_perm=128)
    assert lsh.params == (25, 5)
    assert LSH(threshold=0.8).params == (9, 13)
    h = MinHasher()
    texts = [seed_text(0), _edited(seed_text(0), 2), seed_text(1)]
    sigs = h.signatures(texts)
    lsh.insert("a", sigs[0])
    lsh.insert(7, sigs[2])
    assert len(lsh) == 2 and "a" in lsh and 7 in lsh and "b" not in lsh and 3.5 not in lsh
    assert lsh.query(sigs[1]) == ["a"]
    assert lsh.query(sigs[2]) == [7]
    with pytest.raises(ValueError, match="already"):
        lsh.insert("a", sigs[0])
    lsh.remove("a")
    assert lsh.query(sigs[1]) == []
    with pytest.raises(KeyError):
        lsh.remove("a")
    with pytest.raises(ValueError, match="num_perm"):
        lsh.insert("z", sigs[0][:64])
    with pytest.raises(TypeError, match="key must be int or str"):
        lsh.insert(1.5, sigs[0])
    assert "LSH(threshold=0.5" in repr(lsh)


def test_lsh_bulk_insert_matches_single_inserts():
    h = MinHasher(num_perm=64)
    texts = [seed_text(i) for i in range(len(SEEDS))] + [_edited(seed_text(3), 1)]
    sigs = h.signatures(texts)
    bulk = LSH(threshold=0.6, num_perm=64)
    bulk.insert_many(range(len(texts)), sigs)
    one = LSH(threshold=0.6, num_perm=64)
    for i, s in enumerate(sigs):
        one.insert(i, s)
    for s in sigs:
        assert bulk.query(s) == one.query(s)
    assert bulk.query(sigs[3]) == [3, 5]
    with pytest.raises(ValueError, match="already"):
        bulk.insert_many([0], sigs[:1])
    with pytest.raises(ValueError, match="rows"):
        bulk.insert_many([100, 101], sigs[:1])
    with pytest.raises(TypeError, match=r"keys\[1\]"):
        bulk.insert_many([200, None], sigs[:2])


def test_lsh_works_with_datasketch_signatures():
    h = MinHasher(num_perm=64, compat="datasketch", scheme="legacy")
    sigs = h.signatures([seed_text(0), _edited(seed_text(0), 1)])
    lsh = LSH(threshold=0.5, num_perm=64)
    lsh.insert("x", sigs[0])
    assert lsh.query(sigs[1]) == ["x"]


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"threshold": 0}, "threshold"),
        ({"threshold": 2}, "threshold"),
        ({"num_perm": 1}, "num_perm"),
        ({"weights": (0.5, 0.6)}, "weights"),
        ({"params": (10, 20)}, "params"),
    ],
)
def test_lsh_bad_arguments(kwargs, word):
    with pytest.raises(ValueError, match=word):
        LSH(**kwargs)


@pytest.mark.parametrize(
    "kwargs, exc, word",
    [
        ({"params": (-1, 5)}, ValueError, "bands"),
        ({"params": (5, 0)}, ValueError, "rows"),
        ({"params": "x"}, TypeError, "params"),
        ({"weights": (0.5,)}, TypeError, "weights"),
        ({"weights": "ab"}, TypeError, "weights"),
        ({"threshold": "0.5"}, TypeError, "threshold"),
        ({"num_perm": 2.0}, TypeError, "num_perm"),
    ],
)
def test_lsh_bad_argument_types(kwargs, exc, word):
    with pytest.raises(exc, match=word):
        LSH(**kwargs)


def _filled_lsh():
    h = MinHasher(num_perm=32)
    lsh = LSH(threshold=0.5, num_perm=32, weights=(0.3, 0.7))
    texts = [seed_text(i) for i in range(len(SEEDS))]
    sigs = h.signatures(texts)
    for i, s in enumerate(sigs):
        lsh.insert(f"doc-{i}" if i % 2 else i, s)
    lsh.remove(2)
    return lsh, sigs


def test_lsh_save_load_and_pickle(tmp_path):
    lsh, sigs = _filled_lsh()
    path = tmp_path / "index.lsh"
    lsh.save(path)
    for other in (LSH.load(path), LSH.load(str(path)), pickle.loads(pickle.dumps(lsh))):
        assert other.params == lsh.params
        assert other.weights == lsh.weights
        assert other.threshold == lsh.threshold
        assert other.keys() == lsh.keys() == [0, "doc-1", "doc-3", 4]
        for s in sigs:
            assert other.query(s) == lsh.query(s)
    assert path.read_bytes()[:8] == b"ASIMLSH\x00"


def test_lsh_corrupt_truncated_foreign_files(tmp_path):
    lsh, _ = _filled_lsh()
    data = lsh.to_bytes()
    cases = {
        "flip": data[:40] + bytes([data[40] ^ 0xFF]) + data[41:],
        "truncated": data[:-3],
        "empty": b"",
        "foreign": b"PK\x03\x04 this is a zip file, not an index" * 3,
        "version": data[:8] + (99).to_bytes(4, "little") + data[12:],
        "padded": data + b"\x00",
    }
    for name, bad in cases.items():
        p = tmp_path / f"{name}.lsh"
        p.write_bytes(bad)
        with pytest.raises(CorruptFileError) as ei:
            LSH.load(p)
        assert str(p) in str(ei.value)
        assert isinstance(ei.value, ValueError)
    with pytest.raises(CorruptFileError, match="version 99"):
        LSH.from_bytes(cases["version"])
    with pytest.raises(CorruptFileError, match="checksum"):
        LSH.from_bytes(cases["flip"])
    with pytest.raises(CorruptFileError, match="magic"):
        LSH.from_bytes(cases["foreign"])
    with pytest.raises(FileNotFoundError):
        LSH.load(tmp_path / "missing.lsh")


def test_lsh_checksum_is_zlib_crc32():
    import zlib

    lsh, _ = _filled_lsh()
    data = lsh.to_bytes()
    n = int.from_bytes(data[12:20], "little")
    assert len(data) == 20 + n + 4
    assert zlib.crc32(data[20 : 20 + n]) == int.from_bytes(data[-4:], "little")


# ---------------------------------------------------------------- passages


def test_shared_passages_cover_the_farewell_message():
    a = seed_text(0)
    b = seed_text(2)
    assert SEEDS[0].name.startswith("000_") and SEEDS[2].name.startswith("002_")
    ps = asimtext.shared_passages(a, b)
    assert ps, "no passages"
    for p in ps:
        assert p.words >= 8
        assert p.text == a[p.a_start : p.a_end]
        assert p.b_text == b[p.b_start : p.b_end]
        assert asimtext.normalize(p.text, form="match").split()[0].strip("(") != ""
    # The farewell message of 000, sentence by sentence: every sentence (as
    # match-key tokens) lies inside some passage.
    start = a.index("कानपुर नगर पुलिस कमिश्नरेट को मेरा जय हिंद")
    end = a.index("विदा लूंगा") + len("विदा लूंगा")
    covered = np.zeros(len(a), dtype=bool)
    for p in ps:
        covered[p.a_start : p.a_end] = True
    from asimtext.pure.dedup.minhash import is_token_char

    message = [i for i in range(start, end) if is_token_char(a[i])]
    assert covered[message].all()
    # The rest of the farewell (after the heading) is found too, up to the
    # English glosses 000 inserts in parentheses.
    for sentence in [
        "मैं वर्तमान हालात को देखते हुए साथियों से विदाई समारोह न करने की अपील करता हूं",
        "मेरे इस संदेश को ही विदाई समारोह मानें",
        "के गठन के बाद से सभी ने बहुत मेहनत की",
        "नई संस्था विकसित की",
        "हम लोगों को सुपर कॉप नहीं, सुपर सिस्टम बनने की दिशा में आगे बढ़ते रहना है",
        "मैं ईश्वर से सभी साथियों में अंतरात्मा की आवाज सुनकर ही काम करने की शक्ति देने की प्रार्थना करता हूं",
    ]:
        s = a.index(sentence)
        assert covered[s : s + len(sentence)].all(), sentence
    # Offsets into b point at the same words.
    for p in ps:
        ta = asimtext.MinHasher(ngram=1).shingles(p.text)
        tb = asimtext.MinHasher(ngram=1).shingles(p.b_text)
        assert ta == tb and len(ta) == p.words
    assert "Passage(a=" in repr(ps[0])


def test_shared_passages_edge_cases():
    assert asimtext.shared_passages("", "") == []
    assert asimtext.shared_passages("a b c", "a b c", min_words=4) == []
    (p,) = asimtext.shared_passages("x, A b C!", "a B c", min_words=3)
    assert (p.a_start, p.a_end, p.b_start, p.b_end, p.words) == (3, 8, 0, 5, 3)
    with pytest.raises(ValueError, match="min_words"):
        asimtext.shared_passages("a", "a", min_words=0)
    with pytest.raises(TypeError, match="min_words"):
        asimtext.shared_passages("a", "a", min_words="3")
    # A passage repeated in b is reported once, at its leftmost occurrence;
    # repeated in a, once per occurrence in a (each token of a in one passage).
    s, twice = "one two three four", "one two three four and one two three four"
    ps = asimtext.shared_passages(s, twice, min_words=4)
    assert [(p.b_start, p.b_end) for p in ps] == [(0, 18)]
    ps = asimtext.shared_passages(twice, s, min_words=4)
    assert [(p.a_start, p.a_end, p.b_start, p.b_end) for p in ps] == [(0, 18, 0, 18), (23, 41, 0, 18)]


# ---------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 3), min_size=12, max_size=12), min_size=1, max_size=25),
    st.sampled_from([(2, 6), (3, 4), (4, 3), (6, 2), (12, 1), (1, 12), (3, 3)]),
)
def test_lsh_query_is_exactly_band_equality(rows, params):
    """A key is returned iff its signature equals the query on all rows of some band."""
    bands, r = params
    sigs = np.array(rows, dtype=np.uint32)
    lsh = LSH(threshold=0.5, num_perm=12, params=params)
    lsh.insert_many(range(len(sigs)), sigs)
    for q in sigs:
        expected = [
            k
            for k, s in enumerate(sigs)
            if any((s[b * r : (b + 1) * r] == q[b * r : (b + 1) * r]).all() for b in range(bands))
        ]
        assert lsh.query(q) == expected
    # Removing keys removes exactly them.
    for k in range(0, len(sigs), 2):
        lsh.remove(k)
    for q in sigs:
        assert all(k % 2 == 1 for k in lsh.query(q))
    assert len(lsh) == len(sigs) // 2


def test_near_duplicates_same_result_on_one_thread():
    import json
    import os
    import subprocess
    import sys

    texts = [seed_text(i) for i in range(len(SEEDS))]
    texts += [_edited(t, k) for t in texts for k in (1, 2)]
    code = (
        "import json, sys, asimtext; t = json.load(sys.stdin); "
        "r = asimtext.near_duplicates(t, threshold=0.6); "
        "print(json.dumps([r.pairs, r.clusters]))"
    )
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    pairs, clusters = json.loads(out)
    r = asimtext.near_duplicates(texts, threshold=0.6)
    assert [tuple(p) for p in pairs] == r.pairs
    assert clusters == r.clusters
    assert len(r.pairs) >= 10


def test_passages_pickle():
    (p,) = asimtext.shared_passages("x a b c d", "a b c d y", min_words=4)
    assert pickle.loads(pickle.dumps(p)) == p
