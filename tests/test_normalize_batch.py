"""`normalize_batch` as a pipeline: rayon's threads normalize one chunk of
1,024 strings while one of them, with the GIL, makes the previous chunk's
result objects. Lists and tuples are read a chunk at a time inside the
pipeline; any other iterable is read by the calling thread, 16,384 items at
a time. These tests cross every boundary of that scheme, and hold each path
to the one-by-one results, to its errors, and to other threads."""

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
