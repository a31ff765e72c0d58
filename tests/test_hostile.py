"""Resource battery: every public call on every hostile input, in a child
process under an address-space limit (``RLIMIT_AS``) and a time limit.

Inputs are the kind real dumps contain: one word, two alternating words, one
sentence or one line of digits and dates repeated; 100k+ combining marks,
joiners, digits, number words; mixed scripts; empty text; one huge text; and
the fuzz corpus inputs whose cost grows fastest with their length (picked by
``tools/pick_hostile_fuzz.py``), each grown to about 300,000 code points.

One child process per input (two at a time) runs every call in turn and
reports each start and end on its standard output; the parent fails the test when a call takes
more than ``CALL_SECONDS``, raises (``MemoryError`` included) or the child is
killed. The address-space limit is ``LIMIT_ABOVE_IDLE`` above what an idle
child reserves after importing asimtext (numpy, and the thread stacks of
rayon's pool and OpenBLAS: several hundred MB of address space that is never
touched), measured once per session by a probe child.
"""

from __future__ import annotations

import json
import os
import pathlib
import selectors
import signal
import subprocess
import sys
import time

import pytest
from childproc import status_kb

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALL_SECONDS = 20.0
LIMIT_ABOVE_IDLE = 1 << 30
SIZE = 300_000

# ---------------------------------------------------------------- inputs (child side)


def _grow(seed: str, n: int = SIZE) -> str:
    return (seed * (n // max(1, len(seed)) + 1))[:n]


def _seeds() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def _mixed_scripts() -> str:
    # Devanagari, Latin, Arabic, Bengali, Tamil, CJK, Cyrillic, emoji with
    # joiners, astral letters, digits of several scripts, marks on Latin,
    # in a fixed pseudo-random order, with and without spaces between them.
    parts = [
        "राम ने कहा",
        "Kanpur",
        "مرحبا",
        "বাংলা",
        "தமிழ்",
        "漢字かな",
        "Привет",
        "👩\u200d👩\u200d👧",
        "𝐀𝐁𝐂",
        "١٢٣",
        "१२३",
        "e\u0301\u0316",
        "ज़\u200dि",
        "İSTANBUL",
        "ß",
        "\ufeff",
        "\u00ad",
    ]
    out, n, x = [], 0, 12345
    while n < SIZE:
        x = (x * 1103515245 + 12345) % 2**31
        piece = parts[x % len(parts)] + (" " if x & 0x100 else "")
        out.append(piece)
        n += len(piece)
    return "".join(out)[:SIZE]


def _fuzz_picks() -> dict:
    path = ROOT / "tests" / "data" / "hostile" / "fuzz_picks.json"
    if not path.exists():
        return {}
    return {
        f"fuzz {p['target']} {p['file'][:12]}": (lambda s=p["seed"]: _grow(s))
        for p in json.loads(path.read_text("utf-8"))
    }


#: name -> (text, piece length for the calls that take many texts)
INPUTS = {
    "one word repeated": lambda: _grow("word "),
    "two words alternating": lambda: _grow("खबर news "),
    "one sentence repeated": lambda: _grow("कानपुर में 15 जनवरी 2022 को पुलिस आयुक्त असीम अरुण ने वीआरएस लिया। "),
    "one line of digits and dates": lambda: _grow("12/05/2021 10:30 ₹1,25,000 15% 2,345.67 ३१.१२.२०२१\n"),
    "combining marks (Devanagari)": lambda: "क" + "\u093f" * (SIZE - 1),
    "combining marks (Latin, reordered)": lambda: "a" + "\u0301\u0316" * (SIZE // 2 - 1),
    "joiners": lambda: _grow("\u200d")[: SIZE // 2] + _grow("\u094d\u200c")[: SIZE // 2],
    "digits": lambda: "7" * SIZE,
    "Devanagari digits with separators": lambda: _grow("१२,३४५."),
    "number words (Hindi)": lambda: _grow("एक हज़ार पाँच सौ बीस "),
    "number words (English)": lambda: _grow("twenty five hundred and "),
    "mixed scripts": _mixed_scripts,
    "empty": lambda: "",
    "one huge text": lambda: _grow(_seeds() + "\n\n"),
    **_fuzz_picks(),
}


def _pieces(x: str, size: int) -> list:
    return [x[i : i + size] for i in range(0, len(x), size)] or [""]


#: The inputs whose digest gets 100 copies of a 3,000-character page (the densest
#: in values, and the fastest-growing fuzz input of the spans).
DIGEST_COPIES = frozenset({
    "one word repeated", "one sentence repeated", "one line of digits and dates",
    "Devanagari digits with separators", "number words (Hindi)", "number words (English)",
    "mixed scripts", "fuzz spans a52cb15c0907",
})


def _calls(x: str, name: str = "") -> dict:
    """The public calls, each a thunk on `x` (and texts cut from it); ``name`` is the
    input's (some get heavier digest calls: :data:`DIGEST_COPIES`)."""
    import asimtext

    y = x[len(x) // 3 :] + x[: len(x) // 3]  # a rotation: shares everything, shifted
    pieces = _pieces(x, 100)  # many (often identical) texts
    tiny = _pieces(x[:60_000], 3)  # tens of thousands of tiny texts
    h = asimtext.MinHasher()
    hc = asimtext.MinHasher(unit="char", ngram=5)
    tokens = x.split()
    sig = h.signature(x)

    def lsh_bucket():
        sigs = h.signatures(tiny)
        lsh = asimtext.LSH(threshold=0.5)
        lsh.insert_many(list(range(len(tiny))), sigs)
        for s in sigs[:20]:
            lsh.query(s)
        for k in range(len(tiny)):
            lsh.remove(k)

    def stream():
        d = asimtext.StreamDedup()
        d.add(pieces)
        d.add(tiny)
        d.pairs()
        d.labels()

    def digest_of(articles):
        return lambda: asimtext.digest(articles)

    def articles(page, n):
        return [{"id": f"a{i}", "text": page, "source": f"s{i % 7}", "published": "2022-01-15"}
                for i in range(n)]

    # The digest on the whole 300,000 characters as one page, and as 100 copies
    # of a 3,000-character page (one story of 100 articles from 7 outlets: copies,
    # conflicts and context words between every article) on the inputs that cost
    # it most; 100 articles of 1,000 characters on the others (the module's
    # run time stays near two minutes).
    if name in DIGEST_COPIES:
        many = digest_of(articles(x[:3000], 100))
    else:
        many = digest_of(articles(x[:1000], 100))
    digests = {"digest one page": digest_of(articles(x, 1)),
               "digest 100 x 3,000" if name in DIGEST_COPIES else "digest 100 x 1,000": many}

    return {
        "normalize": lambda: asimtext.normalize(x),
        "normalize match": lambda: asimtext.normalize(x, form="match"),
        "normalize nfc": lambda: asimtext.normalize(x, form="nfc"),
        "normalize fix_mojibake": lambda: asimtext.normalize(x, fix_mojibake=True, ascii_digits=True),
        "normalize_with_offsets match": lambda: asimtext.normalize_with_offsets(x, form="match"),
        "normalize_batch": lambda: asimtext.normalize_batch(pieces),
        "extract": lambda: asimtext.extract(x),
        "extract_batch": lambda: asimtext.extract_batch(pieces),
        "MinHasher.shingles": lambda: h.shingles(x),
        "MinHasher.signature": lambda: h.signature(x),
        "MinHasher.signature char": lambda: hc.signature(x),
        "MinHasher.signatures": lambda: h.signatures(pieces),
        "MinHasher.signature_from_tokens": lambda: h.signature_from_tokens(tokens),
        "MinHasher.signatures_from_tokens": lambda: h.signatures_from_tokens([tokens, tokens[::2]]),
        "jaccard": lambda: asimtext.jaccard(sig, sig),
        "overlap": lambda: asimtext.overlap(x, y),
        "overlap char": lambda: asimtext.overlap(x, y, unit="char", ngram=8),
        "shared_passages x x": lambda: asimtext.shared_passages(x, x),
        "shared_passages x rotation": lambda: asimtext.shared_passages(x, y, min_words=2),
        "near_duplicates pieces": lambda: asimtext.near_duplicates(pieces),
        "near_duplicates tiny": lambda: asimtext.near_duplicates(tiny, threshold=0.5),
        "LSH one bucket": lsh_bucket,
        "StreamDedup": stream,
        "xscript_key": lambda: asimtext.xscript_key(x),
        "xscript_keys": lambda: asimtext.xscript_keys(x, stopwords=True),
        "xscript_keys_batch": lambda: asimtext.xscript_keys_batch(pieces),
        "xscript_tokens": lambda: asimtext.xscript_tokens(x),
        "xscript_romanize": lambda: asimtext.xscript_romanize(x),
        "xscript_is_stopword": lambda: asimtext.xscript_is_stopword(x),
        **digests,
    }


def _child(name: str) -> None:
    """Run every call on input `name`; one JSON line per start and per end."""

    def say(**kw):
        sys.stdout.write(json.dumps(kw) + "\n")
        sys.stdout.flush()

    if name == "selftest":  # calls the parent must report (see test_the_harness_catches)
        calls = {
            "fine": lambda: None,
            "too much memory": lambda: bytearray(3 << 30),
            "raises": lambda: [][1],
            "too slow": lambda: time.sleep(60),
            "never reached": lambda: None,
        }
    else:
        calls = _calls(INPUTS[name](), name)
    for call, fn in calls.items():
        say(start=call)
        t0 = time.perf_counter()
        try:
            fn()
        except BaseException as e:  # MemoryError included: reported, not hidden
            say(error=call, kind=type(e).__name__, message=str(e)[:300])
            continue
        say(end=call, seconds=round(time.perf_counter() - t0, 3), rss_mb=status_kb("VmHWM") // 1024)


def _probe() -> None:
    """An idle child: imports and one call per thread pool, then its address space."""
    import asimtext

    asimtext.MinHasher().signatures(["a b c"] * 64)
    asimtext.normalize_batch(["a"] * 64)
    print(json.dumps({"vm_peak_kb": status_kb("VmPeak")}))


# ---------------------------------------------------------------- parent side


def _spawn(args: list, limit: int | None) -> subprocess.Popen:
    def pre():
        os.setsid()
        if limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.Popen(
        [sys.executable, __file__, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=pre,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def limit() -> int:
    p = _spawn(["--probe"], None)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.decode("utf-8", "replace")
    idle = json.loads(out)["vm_peak_kb"] * 1024
    print(f"\nidle child reserves {idle / 2**20:.0f} MB of address space; RLIMIT_AS = that + 1 GB")
    return idle + LIMIT_ABOVE_IDLE


def _run(name: str, limit: int, seconds: float = CALL_SECONDS) -> tuple:
    """Run the child of input `name`: (failures, completed calls)."""
    p = _spawn(["--child", name], limit)
    sel = selectors.DefaultSelector()
    sel.register(p.stdout, selectors.EVENT_READ)
    fd = p.stdout.fileno()
    failures, current, started, done, buf, eof = [], None, time.monotonic(), [], b"", False
    try:
        while not eof:
            budget = seconds - (time.monotonic() - started) if current else 60.0
            if budget <= 0 or not sel.select(timeout=budget):
                failures.append(f"{current or 'setup'}: no result within {seconds:.0f} s")
                break
            chunk = os.read(fd, 1 << 16)
            eof = not chunk
            buf += chunk
            *lines, buf = buf.split(b"\n")
            for line in lines:
                msg = json.loads(line)
                if "start" in msg:
                    current, started = msg["start"], time.monotonic()
                elif "end" in msg:
                    done.append(f"{msg['end']} {msg['seconds']:.2f}s {msg['rss_mb']}MB")
                    current = None
                else:
                    failures.append(f"{msg['error']}: {msg['kind']}: {msg['message']}")
                    current = None
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        err = p.stderr.read().decode("utf-8", "replace")
        sel.close()
    if p.returncode not in (0, -signal.SIGKILL) or (p.returncode != 0 and not failures):
        failures.append(f"{current or 'child'}: killed or crashed (exit {p.returncode}): {err[-500:]}")
    return failures, done


@pytest.fixture(scope="module")
def results(limit) -> dict:
    # Two children at a time (the machine has two cores); each call's time
    # limit is measured from its own start, so a busy neighbour only makes it
    # slower, never cuts it short below the limit.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_run, name, limit) for name in INPUTS}
        return {name: f.result() for name, f in futures.items()}


def test_the_harness_catches(limit):
    failures, done = _run("selftest", limit, seconds=3)
    assert [d.split()[0] for d in done] == ["fine"]
    assert failures[0].startswith("too much memory: MemoryError")
    assert failures[1].startswith("raises: IndexError")
    assert failures[2] == "too slow: no result within 3 s"
    assert len(failures) == 3


@pytest.mark.parametrize("name", list(INPUTS))
def test_every_call_bounded(name, results):
    failures, done = results[name]
    assert not failures, f"{name}: " + "; ".join(failures) + "\ncompleted: " + ", ".join(done)
    slowest = sorted(done, key=lambda d: -float(d.split()[-2][:-1]))[:3]
    print(f"\n{name}: slowest {', '.join(slowest)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
    elif sys.argv[1:2] == ["--probe"]:
        _probe()
