"""LSH persistence: save/load and pickle keep every query result; damaged,
foreign and empty files raise ``asimtext.CorruptFileError`` (a ``ValueError``)
with a message naming the file and the problem, and never crash the
interpreter (the loads of damaged files run in a subprocess, so a crash would
fail the test instead of killing pytest)."""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import asimtext
import numpy as np
import pytest

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))


def _index():
    h = asimtext.MinHasher(num_perm=32, ngram=3)
    texts = []
    for p in SEEDS:
        texts += [par for par in p.read_text(encoding="utf-8").split("\n") if par.strip()]
    texts += [f"{t} variant" for t in texts[:30]]
    sigs = h.signatures(texts)
    lsh = asimtext.LSH(threshold=0.5, num_perm=32)
    keys = [i if i % 3 else f"doc-{i} \u0915\u093c" for i in range(len(texts))]
    lsh.insert_many(keys, sigs)
    for k in keys[5:40:4]:
        lsh.remove(k)
    lsh.insert(-(2**63), sigs[0])
    lsh.insert(2**63 - 1, sigs[1])
    lsh.insert("", sigs[2])
    return lsh, sigs


def _same(a, b, sigs):
    assert len(a) == len(b) and a.params == b.params and a.num_perm == b.num_perm
    assert a.threshold == b.threshold and a.weights == b.weights
    assert a.keys() == b.keys()
    for s in sigs:
        assert a.query(s) == b.query(s)
    assert a.to_bytes() == b.to_bytes()


def test_save_load_identical_queries(tmp_path):
    lsh, sigs = _index()
    path = tmp_path / "index.lsh"
    lsh.save(path)
    back = asimtext.LSH.load(path)
    _same(lsh, back, sigs)
    # a loaded index keeps working like the original
    back.insert("new", sigs[3])
    lsh.insert("new", sigs[3])
    _same(lsh, back, sigs)
    lsh.save(str(path))  # str paths too
    _same(lsh, asimtext.LSH.load(str(path)), sigs)


def test_pickle_and_bytes_identical_queries():
    lsh, sigs = _index()
    _same(lsh, pickle.loads(pickle.dumps(lsh)), sigs)
    _same(lsh, asimtext.LSH.from_bytes(lsh.to_bytes()), sigs)
    empty = asimtext.LSH(threshold=0.9, num_perm=16, params=(4, 4))
    back = asimtext.LSH.from_bytes(empty.to_bytes())
    assert len(back) == 0 and back.params == (4, 4)


def test_missing_path_and_directory_are_os_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        asimtext.LSH.load(tmp_path / "nope.lsh")
    with pytest.raises(OSError):
        asimtext.LSH.load(tmp_path)
    with pytest.raises(TypeError):
        asimtext.LSH.load(12)
    with pytest.raises(TypeError):
        asimtext.LSH.from_bytes("not bytes")


def _damaged(good: bytes) -> dict:
    """name -> bytes of a file that must be refused."""
    rng = random.Random(7)
    files = {"empty": b"", "one byte": b"A", "magic only": good[:8]}
    # truncated: every length up to 64 bytes, then every 7th, and one byte short
    for n in sorted(set(range(1, 64)) | set(range(64, len(good), 7)) | {len(good) - 1}):
        files[f"truncated at {n}"] = good[:n]
    files["padded"] = good + b"\0"
    files["doubled"] = good + good
    # corrupted: each of many positions flipped (all bits, one bit, set to 0)
    for pos in sorted(set(range(40)) | set(range(40, len(good), 5)) | {len(good) - 1}):
        for how, f in (("xor ff", lambda b: b ^ 0xFF), ("bit 0", lambda b: b ^ 1)):
            bad = bytearray(good)
            bad[pos] = f(bad[pos])
            files[f"byte {pos} {how}"] = bytes(bad)
    for k in range(50):
        bad = bytearray(good)
        for _ in range(rng.randint(2, 20)):
            bad[rng.randrange(len(bad))] = rng.randrange(256)
        if bytes(bad) != good:
            files[f"random damage {k}"] = bytes(bad)
    newer = bytearray(good)
    newer[8:12] = (2).to_bytes(4, "little")
    files["version 2"] = bytes(newer)
    files["png"] = b"\x89PNG\r\n\x1a\n" + bytes(100)
    files["text"] = "कानपुर के IPS असीम अरुण\n".encode() * 20
    files["pickle"] = pickle.dumps({"a": 1})
    files["zip"] = b"PK\x03\x04" + bytes(60)
    files["random"] = bytes(rng.randrange(256) for _ in range(1000))
    files["zeros"] = bytes(4096)
    files["ASIMLSH header, huge length"] = b"ASIMLSH\0\x01\0\0\0" + b"\xff" * 8 + bytes(8)
    return files


LOADER = """
import json, sys
import asimtext
out = {}
for name, path in json.load(sys.stdin).items():
    try:
        asimtext.LSH.load(path)
        out[name] = ["loaded", ""]
    except asimtext.CorruptFileError as e:
        out[name] = ["CorruptFileError", str(e)]
    except Exception as e:
        out[name] = [type(e).__name__, str(e)]
print(json.dumps(out))
"""


def test_damaged_files_raise_corrupt_file_error(tmp_path):
    lsh, _ = _index()
    good = lsh.to_bytes()
    paths = {}
    for i, (name, data) in enumerate(_damaged(good).items()):
        p = tmp_path / f"f{i}.lsh"
        p.write_bytes(data)
        paths[name] = str(p)
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(LOADER)],
        input=json.dumps(paths),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, f"the loader crashed: {proc.stderr[-3000:]}"
    res = json.loads(proc.stdout)
    assert len(res) == len(paths) > 300
    for name, (kind, msg) in res.items():
        assert kind == "CorruptFileError", f"{name}: {kind} {msg}"
        assert paths[name] in msg, f"{name}: message does not name the file: {msg}"
        assert "corrupt or foreign data" in msg
    assert "version 2" in res["version 2"][1]
    assert "bad magic" in res["png"][1]
    assert "checksum" in res["byte 30 bit 0"][1]
    assert issubclass(asimtext.CorruptFileError, ValueError)


def test_from_bytes_of_damaged_data_in_process():
    """The same damage through from_bytes (in this process: the subprocess test
    above shows that it cannot crash)."""
    lsh, _ = _index()
    good = lsh.to_bytes()
    for data in _damaged(good).values():
        with pytest.raises(asimtext.CorruptFileError):
            asimtext.LSH.from_bytes(data)
    assert asimtext.LSH.from_bytes(good).query(np.zeros(32, dtype=np.uint64)) == lsh.query(
        np.zeros(32, dtype=np.uint32)
    )
