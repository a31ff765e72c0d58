"""The pure twin mirrors the public API: every name of ``asimtext`` is in
``asimtext.pure`` or listed, with its reason, in ``asimtext.pure.NOT_MIRRORED``."""

import asimtext
import asimtext.pure as pure
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st


def test_every_public_name_is_mirrored_or_listed():
    rust, twin = set(asimtext.__all__), set(pure.__all__)
    assert twin <= rust, f"names only in the twin: {sorted(twin - rust)}"
    assert rust - twin == set(pure.NOT_MIRRORED), (
        f"unlisted: {sorted(rust - twin - set(pure.NOT_MIRRORED))}; "
        f"listed but mirrored or gone: {sorted(set(pure.NOT_MIRRORED) - (rust - twin))}"
    )


def _sig(seed: int, num_perm: int, noise: int) -> np.ndarray:
    # signatures that share some bands: a base drawn from a few seeds, a few values changed
    rng = np.random.default_rng(seed % 4)
    base = rng.integers(0, 2**32, num_perm, dtype=np.uint64)
    rng2 = np.random.default_rng(seed)
    idx = rng2.integers(0, num_perm, noise)
    base[idx] = rng2.integers(0, 2**32, noise, dtype=np.uint64)
    return base.astype(np.uint32)


ops = st.lists(
    st.tuples(st.sampled_from(["insert", "remove", "query"]), st.integers(0, 12), st.integers(0, 40)),
    max_size=40,
)


@settings(max_examples=120, deadline=None)
@given(ops=ops, threshold=st.sampled_from([0.3, 0.5, 0.8, 0.95]), num_perm=st.sampled_from([16, 64, 128]))
def test_lsh_twin_agrees(ops, threshold, num_perm):
    a, b = asimtext.LSH(threshold=threshold, num_perm=num_perm), pure.LSH(threshold=threshold, num_perm=num_perm)
    assert a.params == b.params
    for op, k, noise in ops:
        key = f"k{k}" if k % 2 else k
        sig = _sig(k * 7 + noise, num_perm, noise)
        if op == "insert":
            ra = rb = None
            try:
                a.insert(key, sig)
            except asimtext.AsimtextError as e:
                ra = type(e)
            try:
                b.insert(key, sig)
            except asimtext.AsimtextError as e:
                rb = type(e)
            assert ra == rb
        elif op == "remove":
            ra = rb = None
            try:
                a.remove(key)
            except asimtext.AsimtextError as e:
                ra = type(e)
            try:
                b.remove(key)
            except asimtext.AsimtextError as e:
                rb = type(e)
            assert ra == rb
        else:
            assert a.query(sig) == b.query(sig)
        assert a.keys() == b.keys() and len(a) == len(b)
        assert (key in a) == (key in b)
