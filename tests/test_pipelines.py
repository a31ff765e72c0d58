"""Batch calls run as pipelines on rayon's threads (`rust/py/src/pipeline.rs`):
the workers process one chunk while one of them, with the GIL, finishes the
previous chunk and reads the next.

`normalize_batch`: chunks of 1,024 strings; lists and tuples are read inside
the pipeline, any other iterable by the calling thread, 16,384 items at a
time. `MinHasher.signatures_from_tokens`: steps of 256 token sets, lists and
tuples inside the pipeline. These tests cross every boundary of that scheme,
and hold each path to the one-by-one results, to its errors, and to other
threads."""

from __future__ import annotations

import threading
import time

import asimtext
import pytest

CHUNK = 1024
BLOCK = 16 * CHUNK

# Results of every kind: changed and unchanged, 1-, 2- and 4-byte strings,
# and one whose result leaves the BMP path.
BASE = [
    "कानपुर  में",
    "कानपुर में",
    "ascii  text",
    "plain",
    "caf\u00e9",
    "\U0001F600  x",
    "",
    "क\u200dख\u0958",
    "२५ मार्च",
    "\U00011099\U000110BA क",
]


def items(n: int) -> list[str]:
    # Distinct objects with the same texts, and an index in each to catch
    # misplaced results.
    return [f"{BASE[i % len(BASE)]} {i}" for i in range(n)]


def one_by_one(texts, **kw) -> list[str]:
    return [asimtext.normalize(t, **kw) for t in texts]


SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5, BLOCK, BLOCK + 3]


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("kind", ["list", "tuple", "generator", "list subclass"])
def test_every_input_kind_across_chunk_and_block_ends(n, kind):
    texts = items(n)
    make = {
        "list": list,
        "tuple": tuple,
        "generator": lambda t: (x for x in t),
        "list subclass": type("L", (list,), {}),
    }[kind]
    got = asimtext.normalize_batch(make(texts))
    assert type(got) is list and len(got) == n
    assert got == one_by_one(texts)


@pytest.mark.parametrize("form", ["match", "nfc"])
def test_other_forms_across_chunks(form):
    texts = items(2 * CHUNK + 7)
    assert asimtext.normalize_batch(texts, form=form) == one_by_one(texts, form=form)
    assert asimtext.normalize_batch(iter(texts), form=form) == one_by_one(texts, form=form)


def test_unchanged_strings_come_back_as_themselves():
    texts = items(3 * CHUNK)
    for t, r in zip(texts, asimtext.normalize_batch(texts)):
        if r == t:
            assert r is t


def test_str_subclasses_become_plain_str():
    class S(str):
        pass

    texts = [S(t) for t in items(CHUNK + 10)]
    got = asimtext.normalize_batch(texts)
    assert all(type(r) is str for r in got)
    assert got == one_by_one(str(t) for t in texts)


@pytest.mark.parametrize("at", [0, CHUNK - 1, CHUNK, 2 * CHUNK + 3, BLOCK + 2])
@pytest.mark.parametrize("kind", ["list", "generator"])
def test_a_non_str_item_is_named_wherever_it_is(at, kind):
    texts: list = items(at + 50)
    texts[at] = b"bytes"
    src = texts if kind == "list" else iter(texts)
    with pytest.raises(TypeError, match=rf"^texts\[{at}\] must be str, not bytes$"):
        asimtext.normalize_batch(src)


@pytest.mark.parametrize("at", [5, CHUNK + 1, BLOCK + 2])
@pytest.mark.parametrize("kind", ["tuple", "generator"])
def test_a_lone_surrogate_is_named_wherever_it_is(at, kind):
    texts = items(at + CHUNK)
    texts[at] = "कख\udc80ग"
    src = tuple(texts) if kind == "tuple" else iter(texts)
    with pytest.raises(ValueError, match=rf"texts\[{at}\] contains a lone surrogate at index 2"):
        asimtext.normalize_batch(src)
    src = tuple(texts) if kind == "tuple" else iter(texts)
    got = asimtext.normalize_batch(src, errors="replace")
    assert got[at] == "कख\ufffdग"
    assert got[:at] == one_by_one(texts[:at]) and got[at + 1 :] == one_by_one(texts[at + 1 :])


def test_an_iterator_that_raises_midway():
    def gen():
        yield from items(BLOCK + 100)
        raise RuntimeError("feed broke")

    with pytest.raises(RuntimeError, match="feed broke"):
        asimtext.normalize_batch(gen())


def test_an_iterator_that_calls_normalize_batch_itself():
    # Iterators run on the calling thread, never on rayon's: a nested batch
    # call from inside one cannot deadlock the pool.
    texts = items(3 * CHUNK)

    def gen():
        for i in range(0, len(texts), 500):
            yield from asimtext.normalize_batch(texts[i : i + 500])

    assert asimtext.normalize_batch(gen()) == one_by_one(one_by_one(texts))


def test_a_list_shortened_by_another_thread_meanwhile():
    # The list is read a chunk at a time with the GIL: another thread may
    # shorten it between chunks. The call must end where the list ends, with
    # every result it gives matching its input, and never crash.
    texts = items(40 * CHUNK)
    want = one_by_one(texts)
    shared = list(texts)
    done = threading.Event()

    def shorten():
        while not done.is_set() and len(shared) > 10 * CHUNK:
            del shared[-200:]
            time.sleep(0.001)  # let the batch call run in between

    t = threading.Thread(target=shorten)
    t.start()
    try:
        got = asimtext.normalize_batch(shared)
    finally:
        done.set()
        t.join()
    assert 10 * CHUNK - 200 <= len(got) <= len(texts)
    assert got == want[: len(got)]


def test_many_threads_with_other_pool_users():
    # Batch calls from many threads at once, alongside other calls that use
    # rayon's pool: no deadlock (every thread ends) and the serial results.
    hasher = asimtext.MinHasher(num_perm=32)
    texts = items(3 * CHUNK + 11)
    want_norm = one_by_one(texts)
    want_sigs = hasher.signatures(texts[:2000])
    errors: list[BaseException] = []

    def norm(k):
        try:
            for _ in range(3):
                src = texts if k % 2 else iter(texts)
                assert asimtext.normalize_batch(src) == want_norm
        except BaseException as e:  # noqa: BLE001 (reported below)
            errors.append(e)

    def sigs():
        try:
            for _ in range(3):
                assert (hasher.signatures(texts[:2000]) == want_sigs).all()
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=norm, args=(k,)) for k in range(4)]
    threads += [threading.Thread(target=sigs) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread never ended (deadlock?)"
    assert not errors, errors


# ------------------------------------------- signatures_from_tokens's pipeline
# Lists and tuples of token sets are read 256 sets a step inside the
# pipeline; other iterables by the calling thread. Both give the signatures of
# the sets one by one, in both dtypes.

STEP = 256


def token_sets(n: int) -> list[list[str]]:
    return [t.split() + [str(i)] for i, t in enumerate(items(n))]


@pytest.mark.parametrize("n", [0, 1, STEP - 1, STEP, STEP + 1, 3 * STEP + 7])
@pytest.mark.parametrize("kind", ["list", "tuple", "generator"])
@pytest.mark.parametrize("compat", [None, "datasketch64"])
def test_signatures_from_tokens_across_steps(n, kind, compat):
    import numpy as np

    h = (
        asimtext.MinHasher(num_perm=16, compat="datasketch", scheme="affine64", seed=3)
        if compat
        else asimtext.MinHasher(num_perm=16)
    )
    sets = token_sets(n)
    src = {"list": list, "tuple": tuple, "generator": lambda s: (x for x in s)}[kind](sets)
    got = h.signatures_from_tokens(src)
    assert got.shape == (n, 16) and got.dtype == (np.uint64 if compat else np.uint32)
    for row, s in zip(got, sets):
        assert np.array_equal(row, h.signature_from_tokens(s))


@pytest.mark.parametrize("at", [0, STEP + 3])
def test_signatures_from_tokens_names_a_bad_token_in_any_step(at):
    h = asimtext.MinHasher(num_perm=16)
    sets = token_sets(at + STEP)
    sets[at] = ["ok", 7]
    with pytest.raises(TypeError, match=rf"token_sets\[{at}\]\[1\] must be str, not int"):
        h.signatures_from_tokens(sets)
    sets[at] = 7
    with pytest.raises(TypeError, match=rf"token_sets\[{at}\] must be an iterable of str, not int"):
        h.signatures_from_tokens(tuple(sets))
    sets[at] = ["a\ud800"]
    with pytest.raises(ValueError, match=rf"token_sets\[{at}\]\[0\] contains a lone surrogate"):
        h.signatures_from_tokens(sets)


def test_signatures_from_tokens_of_a_list_shortened_meanwhile():
    # Read with the GIL a step at a time: a list shortened by another thread
    # between steps raises IndexError (or is read whole); never a crash.
    h = asimtext.MinHasher(num_perm=16)
    shared = token_sets(40 * STEP)
    done = threading.Event()

    def shorten():
        while not done.is_set() and len(shared) > 5 * STEP:
            del shared[-300:]
            time.sleep(0.001)

    t = threading.Thread(target=shorten)
    t.start()
    try:
        h.signatures_from_tokens(shared)
    except IndexError:
        pass
    finally:
        done.set()
        t.join()
