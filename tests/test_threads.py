"""Thread safety and GIL release.

* Many Python threads calling every public function at once, sharing one
  ``MinHasher`` and one ``LSH``, get exactly the results of a serial run.
* Threads inserting into one ``LSH`` while others query it never see an error
  and end with the same index as a serial build.
* Batch calls release the GIL: a pure-Python counter thread keeps counting
  while a long batch call runs (and, as a control that the measurement can
  fail, does not while a C call that holds the GIL runs).
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import asimtext
import numpy as np
import pytest

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
N_THREADS = 8


def _texts() -> list[str]:
    out = []
    for p in SEEDS:
        text = p.read_text(encoding="utf-8")
        out.append(text)
        out.extend(par for par in text.split("\n\n") if par.strip())
    out += [
        "",
        "२५ मार्च २०२१ को सुबह 10 बजे ₹5 लाख",
        "Jan 11, 2022, 11:27 AM IST",
        "क\u200d्\u200cष\u00a0\u0301\u0301",
        "😀 \U0010ffff \u0378",
    ]
    return out


TEXTS = _texts()
HASHER = asimtext.MinHasher(num_perm=64, ngram=3)


def _lsh(sigs) -> asimtext.LSH:
    lsh = asimtext.LSH(threshold=0.5, num_perm=64)
    lsh.insert_many(list(range(len(sigs))), sigs)
    return lsh


SIGS = HASHER.signatures(TEXTS)
LSH = _lsh(SIGS)


def results(i: int, text: str) -> tuple:
    """Every public function on one text (and its neighbour, for the pairwise ones)."""
    other = TEXTS[(i + 1) % len(TEXTS)]
    sig = HASHER.signature(text)
    return (
        asimtext.normalize(text),
        asimtext.normalize(text, form="match"),
        asimtext.normalize_with_offsets(text, form="match", offsets="list"),
        asimtext.normalize_with_offsets(text)[1].tolist(),
        asimtext.normalize_batch([text, other], form="nfc"),
        [s.to_dict() for s in asimtext.extract(text, reference_date="2022-01-11")],
        [[s.to_dict() for s in r] for r in asimtext.extract_batch([text, other])],
        asimtext.xscript_key(text),
        asimtext.xscript_keys(text),
        asimtext.xscript_keys_batch([text, other], stopwords=True),
        asimtext.xscript_tokens(text),
        asimtext.xscript_romanize(text),
        asimtext.xscript_is_stopword(text),
        HASHER.shingles(text),
        sig.tolist(),
        HASHER.signatures([text, other]).tolist(),
        HASHER.signature_from_tokens(text.split()).tolist(),
        HASHER.signatures_from_tokens([text.split(), other.split()]).tolist(),
        asimtext.jaccard(sig, SIGS[(i + 1) % len(TEXTS)]),
        asimtext.overlap(text, other, ngram=3),
        asimtext.shared_passages(text, other, min_words=3),
        asimtext.near_duplicates([text, other, text], threshold=0.5, num_perm=32),
        LSH.query(sig),
        len(LSH),
    )


def run_threads(target, n=N_THREADS):
    errors: list = []

    def wrap(k):
        try:
            target(k)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=wrap, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread hangs"
    if errors:
        raise errors[0]


def test_threads_give_serial_results():
    serial = [results(i, t) for i, t in enumerate(TEXTS)]
    got: dict = {}

    def work(k):
        order = list(range(len(TEXTS)))
        random.Random(k).shuffle(order)
        for i in order:
            got[(k, i)] = results(i, TEXTS[i])

    run_threads(work)
    assert len(got) == N_THREADS * len(TEXTS)
    for (k, i), r in got.items():
        assert r == serial[i], f"thread {k}, text {i} differs from the serial run"


def test_lsh_concurrent_writers_and_readers():
    """Writers (insert, insert_many, remove) and readers (query, len, in,
    keys, to_bytes) on one index at once: no error, and the final index
    answers like one built serially."""
    big = [f"{t} {j}" for j in range(40) for t in TEXTS[:20]]
    sigs = HASHER.signatures(big)
    shared = asimtext.LSH(threshold=0.5, num_perm=64)
    n_writers = 4
    stop = threading.Event()

    def writer(k):
        idx = list(range(k, len(big), n_writers))
        half = len(idx) // 2
        shared.insert_many([f"k{i}" for i in idx[:half]], sigs[idx[:half]])
        for i in idx[half:]:
            shared.insert(f"k{i}", sigs[i])
        shared.insert(f"tmp{k}", sigs[0])
        shared.remove(f"tmp{k}")

    errors: list = []

    def reader(k):
        try:
            while not stop.is_set():
                shared.query(sigs[k])
                len(shared)
                assert "nope" not in shared
                shared.keys()
                shared.to_bytes()
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    readers = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
    for t in readers:
        t.start()
    try:
        run_threads(writer, n_writers)
    finally:
        stop.set()
        for t in readers:
            t.join(timeout=60)
    if errors:
        raise errors[0]
    serial = asimtext.LSH(threshold=0.5, num_perm=64)
    serial.insert_many([f"k{i}" for i in range(len(big))], sigs)
    assert sorted(shared.keys()) == sorted(serial.keys())
    for s in sigs[::7]:
        assert sorted(shared.query(s)) == sorted(serial.query(s))


# ---------------------------------------------------------------- GIL release


class Counter:
    """A pure-Python thread that counts and records when it made progress."""

    def __init__(self):
        self.stamps: list = []
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        n = 0
        while not self.stop:
            n += 1
            if n % 200 == 0:
                self.stamps.append(time.perf_counter())

    def __enter__(self):
        self.thread.start()
        time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()


def progress_during(fn) -> tuple[int, float]:
    """How often the counter thread progressed in the middle half of `fn()`."""
    with Counter() as c:
        t0 = time.perf_counter()
        fn()
        t1 = time.perf_counter()
    lo, hi = t0 + (t1 - t0) / 4, t1 - (t1 - t0) / 4
    return sum(1 for s in c.stamps if lo <= s <= hi), t1 - t0


def _long_call(make, min_seconds=0.3):
    """Grow the input until one call takes at least `min_seconds`."""
    k = 1
    while True:
        fn = make(k)
        t0 = time.perf_counter()
        fn()
        if time.perf_counter() - t0 >= min_seconds or k >= 256:
            return fn
        k *= 2


SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)


def _signatures_from_tokens(k):
    toks = [t.split() for t in [SEED_TEXT] * 8 * k]
    return lambda: HASHER.signatures_from_tokens(toks)


def _insert_many(k):
    sigs = np.random.default_rng(k).integers(0, 2**32, size=(20000 * k, 64), dtype=np.uint32)
    keys = list(range(len(sigs)))
    return lambda: asimtext.LSH(threshold=0.5, num_perm=64).insert_many(keys, sigs)


BATCH_CALLS = {
    "normalize_batch": lambda k: lambda: asimtext.normalize_batch([SEED_TEXT] * 4 * k),
    "extract_batch": lambda k: lambda: asimtext.extract_batch([SEED_TEXT] * 2 * k),
    "xscript_keys_batch": lambda k: lambda: asimtext.xscript_keys_batch([SEED_TEXT] * 2 * k),
    "MinHasher.signatures": lambda k: lambda: HASHER.signatures([SEED_TEXT] * 4 * k),
    "MinHasher.signatures_from_tokens": _signatures_from_tokens,
    "near_duplicates": lambda k: (
        lambda: asimtext.near_duplicates([f"{SEED_TEXT} {j}" for j in range(4 * k)], threshold=0.9)
    ),
    "normalize (one long text)": lambda k: lambda: asimtext.normalize(SEED_TEXT * 8 * k),
    "extract (one long text)": lambda k: lambda: asimtext.extract(SEED_TEXT * 4 * k),
    "LSH.insert_many": _insert_many,
}


@pytest.mark.parametrize("name", list(BATCH_CALLS))
def test_batch_calls_release_the_gil(name):
    fn = _long_call(BATCH_CALLS[name])
    # Three tries: on a loaded machine the scheduler can leave the counter thread
    # off the cores for a whole call (seen once in a CI run beside a long job);
    # a call that holds the GIL shows no progress in any try.
    for _ in range(3):
        n, secs = progress_during(fn)
        if n > 0:
            break
    assert n > 0, f"{name}: no Python progress during a {secs:.2f} s call (GIL held)"


def test_gil_measurement_can_fail():
    """Control: a C call that holds the GIL shows no progress."""
    data = np.random.default_rng(0).random(300_000).tolist()
    fn = _long_call(lambda k: lambda: sorted(data * k))
    n, secs = progress_during(fn)
    assert n == 0, f"counter progressed {n} times during a GIL-holding call of {secs:.2f} s"


def test_threads_digest_loaders_and_stream_dedup():
    """The Python layers on top (loaders, digest, streaming dedup, pure twins)
    called from many threads at once give the serial results."""
    from asimtext.pure import extract as pure_extract
    from asimtext.pure import normalize as pure_normalize

    folder = str(Path(__file__).parent / "data" / "seeds")
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]

    def layered():
        report = asimtext.load_articles(folder)
        d = asimtext.digest(report)
        sd = asimtext.StreamDedup(threshold=0.5)
        sd.add(texts + texts)
        a, b, j, _ = sd.pairs()
        return (
            (a.tolist(), b.tolist(), j.tolist(), sd.labels().tolist()),
            report.summary(),
            d.to_json(),
            pure_normalize(texts[1][:400], form="match"),
            [s.to_dict() for s in pure_extract(texts[4][:400])],
        )

    serial = layered()
    got: list = []
    run_threads(lambda k: got.append(layered()), n=4)
    assert len(got) == 4
    for r in got:
        assert r == serial
