"""`asimtext normalize | spans | dedup | bench` over dumps: real files in a temp folder."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

import asimtext
import numpy as np
import pytest
from asimtext import dumps as batch
from asimtext.cli import EXIT_BAD_RECORD, EXIT_IO, EXIT_NOTHING, EXIT_USAGE, main
from asimtext.dumps import run_pipeline
from asimtext.pure.dedup import stream as pure_batch
from hypothesis import given, settings
from hypothesis import strategies as st

BASE = (
    "लखनऊ में आज सुबह भारी बारिश के बाद कई इलाकों में पानी भर गया और यातायात "
    "पूरी तरह ठप हो गया नगर निगम की टीमें मौके पर पहुंचीं"
)
OTHER = "The state cabinet approved a new policy for solar power plants in 14 districts on Monday"
THIRD = "कानपुर के पुलिस कमिश्नर ने 2022 में वीआरएस लिया और फिर राजनीति में कदम रखा था"

ARTICLES = [
    {"id": "a", "text": BASE},
    {"id": "b", "text": OTHER},
    {"id": "c", "text": BASE + " बताया गया"},  # near copy of a
    {"id": "d", "text": THIRD},
    {"id": "e", "text": BASE.replace("आज", "आज़")},  # spelling variant of a
    {"id": "f", "text": THIRD.replace("2022", "२०२२")},  # same match key as d
]


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- help, errors


@pytest.mark.parametrize("cmd", ["normalize", "spans", "dedup", "bench", "digest"])
def test_help_everywhere(cmd, capsys):
    with pytest.raises(SystemExit) as e:
        main([cmd, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "usage: asimtext " + cmd in out
    for opt in ("--text-field", "--id-field"):
        assert opt in out


@pytest.mark.parametrize("cmd", ["normalize", "spans", "dedup"])
def test_missing_file_one_line_nonzero(cmd, tmp_path, capsys):
    code, out, err = _run([cmd, str(tmp_path / "nope.jsonl")], capsys)
    assert code == EXIT_IO and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"asimtext {cmd}: error: ") and "nope.jsonl" in err
    assert "no such file" in err


def test_unwritable_output_is_one_line(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, _, err = _run(["normalize", str(src), "-o", str(tmp_path / "no" / "x.jsonl")], capsys)
    assert code == EXIT_IO and err.count("\n") == 1 and "no such directory" in err


def test_bad_options_are_one_line(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    # Bad values are usage errors (exit 2), named by the flag as typed.
    with pytest.raises(SystemExit) as e:
        main(["dedup", str(src), "--threshold", "1.5"])
    err = capsys.readouterr().err
    assert e.value.code == EXIT_USAGE and "argument --threshold: must be above 0" in err
    with pytest.raises(SystemExit) as e:
        main(["spans", str(src), "--reference-date", "soon"])
    err = capsys.readouterr().err
    assert e.value.code == EXIT_USAGE and "argument --reference-date: expected a date" in err


# ---------------------------------------------------------------- formats


def _expected_norm(rows):
    return [{"id": r["id"], "text": asimtext.normalize(r["text"])} for r in rows]


def test_jsonl_to_stdout(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, out, err = _run(["normalize", str(src)], capsys)
    assert code == 0
    assert [json.loads(x) for x in out.splitlines()] == _expected_norm(ARTICLES)
    assert err == "6 read, 6 processed, 0 skipped\n"  # no progress bar: not a terminal


def test_gzip_in_and_out(tmp_path, capsys):
    src = tmp_path / "d.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        for r in ARTICLES:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = tmp_path / "n.jsonl.gz"
    code, _, err = _run(["normalize", str(src), "-o", str(out)], capsys)
    assert code == 0 and err.startswith("6 read, 6 processed, 0 skipped")
    with gzip.open(out, "rt", encoding="utf-8") as f:
        assert [json.loads(x) for x in f] == _expected_norm(ARTICLES)


def test_parquet_in_and_out(tmp_path, capsys):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "d.parquet"
    pq.write_table(pa.Table.from_pylist(ARTICLES), src)
    out = tmp_path / "n.parquet"
    code, _, err = _run(["normalize", str(src), "-o", str(out)], capsys)
    assert code == 0 and err.startswith("6 read, 6 processed")
    assert pq.read_table(out).to_pylist() == _expected_norm(ARTICLES)
    sp = tmp_path / "s.parquet"
    assert main(["spans", str(src), "-o", str(sp), "-q"]) == 0
    rows = pq.read_table(sp).to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in ARTICLES]
    assert rows[1]["spans"][0]["text"] == "14"
    pairs = tmp_path / "p.parquet"
    assert main(["dedup", str(src), "-o", str(pairs), "-q"]) == 0
    assert {(r["a"], r["b"]) for r in pq.read_table(pairs).to_pylist()} >= {("a", "c")}


def test_folder_of_txt_and_single_txt(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    for r in ARTICLES[:3]:
        (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    (folder / "ignored.csv").write_text("x", encoding="utf-8")
    code, out, err = _run(["normalize", str(folder)], capsys)
    # The .csv is not read, and is said so: every file of the folder is accounted for.
    assert code == 0 and err.splitlines() == [
        f"{folder / 'ignored.csv'}: skipped: not an article file (.csv); a folder's files are "
        "read when named .txt, .jsonl, .ndjson, .json, .parquet (and .gz or .zst of the text "
        "kinds)",
        "4 read, 3 processed, 1 skipped"]
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in rows] == ["a.txt", "b.txt", "c.txt"]
    code, out, err = _run(["spans", str(folder / "b.txt")], capsys)
    assert code == 0
    (row,) = [json.loads(x) for x in out.splitlines()]
    assert row["id"] == "b.txt"
    assert {"text": "14", "kind": "number"}.items() <= row["spans"][0].items()


def test_stdin_to_stdout_subprocess(tmp_path):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES)
    r = subprocess.run([sys.executable, "-m", "asimtext", "dedup", "-", "--clusters"],
                       input=data.encode("utf-8"), capture_output=True, check=False)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in r.stdout.decode("utf-8").splitlines()]
    assert rows == [{"id": "a", "cluster": 0}, {"id": "b", "cluster": 1},
                    {"id": "c", "cluster": 0}, {"id": "d", "cluster": 2},
                    {"id": "e", "cluster": 0}, {"id": "f", "cluster": 2}]
    assert r.stderr.decode().strip() == "6 read, 6 processed, 0 skipped; 3 clusters"


def test_text_and_id_fields(tmp_path, capsys):
    rows = [{"doc": f"x{i}", "body": r["text"]} for i, r in enumerate(ARTICLES)]
    src = _jsonl(tmp_path / "d.jsonl", rows)
    code, out, err = _run(["normalize", str(src), "--text-field", "body", "--id-field", "doc"],
                          capsys)
    assert code == 0
    got = [json.loads(x) for x in out.splitlines()]
    assert [g["doc"] for g in got] == [f"x{i}" for i in range(6)]
    assert got[0]["body"] == asimtext.normalize(BASE)
    code, _, err = _run(["normalize", str(src), "-q"], capsys)  # default field "text" missing
    assert code == EXIT_NOTHING and err.count("missing text field 'text'") == 6
    assert err.splitlines()[-1] == ("asimtext normalize: error: nothing processed: every input "
                                    "record (6) was skipped")


# ---------------------------------------------------------------- accounting


def _bad_dump(tmp_path):
    p = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "a", "text": BASE}, ensure_ascii=False).encode(),
        b"{oops",
        json.dumps({"id": "x", "title": "no text"}).encode(),
        json.dumps({"id": "y", "text": "   "}).encode(),
        b'{"id": "z", "text": "caf\xe9"}',  # Latin-1, not UTF-8
        json.dumps({"id": "b", "text": OTHER}).encode(),
        b'{"id": "s", "text": "lone \\ud800 surrogate"}',
        json.dumps({"id": "a", "text": THIRD}, ensure_ascii=False).encode(),  # duplicate id
    ]
    p.write_bytes(b"\n".join(lines) + b"\n")
    return p


def test_bad_lines_reported_counted_not_fatal(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    out = tmp_path / "n.jsonl"
    code, _, err = _run(["normalize", str(p), "-o", str(out)], capsys)
    assert code == 0
    lines = err.splitlines()
    assert lines[-1] == "8 read, 2 processed, 6 skipped"
    reports = "\n".join(lines[:-1])
    assert f"{p}:2: skipped: malformed JSON" in reports
    assert f"{p}:3: skipped: missing text field 'text'" in reports
    assert f"{p}:4: skipped: empty text" in reports
    assert f"{p}:5: skipped: not UTF-8" in reports
    assert f"{p}:7: skipped: text contains a lone surrogate at index" in reports
    assert f"{p}:8: skipped: duplicate id" in reports
    assert len(lines) - 1 == 6  # one report per skipped line
    assert [r["id"] for r in _read_jsonl(out)] == ["a", "b"]  # counts in = counts out


def test_quiet_still_reports_bad_lines_but_no_summary(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    code, _, err = _run(["dedup", str(p), "-q", "-o", str(tmp_path / "o.jsonl")], capsys)
    assert code == 0 and len(err.splitlines()) == 6 and "read," not in err


def test_skipped_log_file(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    log = tmp_path / "skipped.jsonl"
    code, _, err = _run(["spans", str(p), "-o", str(tmp_path / "s.jsonl"), "--skipped", str(log)],
                        capsys)
    assert code == 0 and err == "8 read, 2 processed, 6 skipped\n"
    rows = _read_jsonl(log)
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 7, 8]  # in input order
    assert rows[0]["file"] == str(p) and rows[0]["reason"].startswith("malformed JSON")
    assert rows[4]["reason"].startswith("text contains a lone surrogate")
    assert rows[5]["id"] == "a" and rows[5]["reason"].startswith("duplicate id")


def test_strict_stops_at_first_bad_line(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    out = tmp_path / "n.jsonl"
    code, _, err = _run(["normalize", str(p), "-o", str(out), "--strict"], capsys)
    assert code == EXIT_BAD_RECORD
    assert err == f"asimtext normalize: error: {p}:2: malformed JSON: Expecting property name " \
                  f"enclosed in double quotes at column 2\n"
    assert not out.exists()  # no partial output
    assert not list(tmp_path.glob(".n.jsonl.partial*"))


def test_non_utf8_txt_file(tmp_path, capsys):
    p = tmp_path / "latin.txt"
    p.write_bytes("café au lait".encode("latin-1"))
    code, out, err = _run(["normalize", str(p)], capsys)
    assert code == EXIT_NOTHING and out == ""
    assert err.splitlines()[:2] == [
        f"{p}: skipped: not UTF-8 at byte 3", "1 read, 0 processed, 1 skipped"
    ]
    code, _, err = _run(["normalize", str(p), "--strict"], capsys)
    assert code == EXIT_BAD_RECORD and "not UTF-8" in err


def test_empty_file(tmp_path, capsys):
    p = tmp_path / "empty.jsonl"
    p.write_bytes(b"")
    for cmd in ("normalize", "spans", "dedup"):
        out = tmp_path / f"{cmd}.jsonl"
        code, _, err = _run([cmd, str(p), "-o", str(out)], capsys)
        # An empty file is not success: it is reported, and the exit status says so.
        lines = err.splitlines()
        assert code == EXIT_NOTHING and len(lines) == 3
        assert lines[0] == f"{p}: skipped: empty file"
        assert lines[1].startswith("1 read, 0 processed, 1 skipped")
        assert lines[2] == (f"asimtext {cmd}: error: nothing processed: every input record (1) "
                            "was skipped")
        assert out.read_text() == ""


@pytest.mark.parametrize("chunk", [1, 2, 5, 1000])
def test_chunking_keeps_order_and_counts(tmp_path, capsys, chunk):
    rows = [{"id": f"n{i}", "text": f"{BASE} {i}"} for i in range(23)]
    rows[7] = {"id": "n7"}  # missing text
    src = _jsonl(tmp_path / "d.jsonl", rows)
    code, out, err = _run(["spans", str(src), "--chunk-size", str(chunk)], capsys)
    assert code == 0
    got = [json.loads(x) for x in out.splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in rows if "text" in r]
    assert err.splitlines()[-1] == "23 read, 22 processed, 1 skipped"
    assert all(g["spans"][-1]["text"] == g["id"][1:] for g in got)


def test_pipeline_counts_with_a_python_op(tmp_path):
    src = _bad_dump(tmp_path)
    seen, reports = [], []

    def op(texts):  # like the Rust calls: texts must be encodable as UTF-8
        for t in texts:
            t.encode("utf-8")
        seen.extend(texts)

    stats = run_pipeline([str(src)], op, chunk_size=1, report=reports.append)
    assert (stats.read, stats.processed, stats.skipped) == (8, 2, 6)
    assert seen == [BASE, OTHER] and len(reports) == 6


def test_reader_errors_propagate(tmp_path):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)

    def boom(texts):
        raise RuntimeError("compute failed")

    with pytest.raises(RuntimeError, match="compute failed"):
        run_pipeline([str(src)], boom)


# ---------------------------------------------------------------- dedup


def test_dedup_pairs_match_near_duplicates(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    out = tmp_path / "p.jsonl"
    code, _, err = _run(["dedup", str(src), "-o", str(out), "--threshold", "0.7",
                         "--chunk-size", "2"], capsys)
    assert code == 0
    got = _read_jsonl(out)
    nd = asimtext.near_duplicates([a["text"] for a in ARTICLES], threshold=0.7)
    ids = [a["id"] for a in ARTICLES]
    assert [(g["a"], g["b"]) for g in got] == [(ids[i], ids[j]) for i, j, _, _ in nd.pairs]
    for g, (_, _, _, exact) in zip(got, nd.pairs):
        assert g["jaccard"] == pytest.approx(exact, abs=1e-6)
    assert {(g["a"], g["b"]) for g in got} == {("a", "c"), ("a", "e"), ("c", "e"), ("d", "f")}
    assert err.strip() == "6 read, 6 processed, 0 skipped; 4 pairs from 4 candidates"


def test_dedup_threshold_filters(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, out, _ = _run(["dedup", str(src), "--threshold", "1.0"], capsys)
    assert code == 0
    got = {(r["a"], r["b"]) for r in map(json.loads, out.splitlines())}
    exact = {(ARTICLES[i]["id"], ARTICLES[j]["id"]) for i in range(6) for j in range(i + 1, 6)
             if asimtext.overlap(ARTICLES[i]["text"], ARTICLES[j]["text"])[0] == 1.0}
    assert got == exact == {("a", "e"), ("d", "f")}


def test_dedup_clusters_one_line_per_article(tmp_path, capsys):
    rows = ARTICLES + [{"id": "bad"}, {"id": "g", "text": OTHER + " today"}]
    src = _jsonl(tmp_path / "d.jsonl", rows)
    code, out, err = _run(["dedup", str(src), "--clusters", "--threshold", "0.7"], capsys)
    assert code == 0
    got = [json.loads(x) for x in out.splitlines()]
    assert [g["id"] for g in got] == ["a", "b", "c", "d", "e", "f", "g"]
    assert [g["cluster"] for g in got] == [0, 1, 0, 2, 0, 2, 1]
    assert err.splitlines()[-1] == "8 read, 7 processed, 1 skipped; 3 clusters"


texts_st = st.lists(
    st.sampled_from([BASE, OTHER, THIRD, BASE + " बताया गया", THIRD.replace("2022", "२०२२"),
                     "", "एक दो", OTHER.upper(), BASE.replace("पानी", "जल")]),
    min_size=0, max_size=12,
)


@settings(max_examples=30, deadline=None)
@given(texts_st, st.sampled_from([0.5, 0.7, 0.8, 1.0]), st.integers(1, 5))
def test_stream_dedup_matches_pure_twin(texts, threshold, chunk):
    fast = asimtext.StreamDedup(threshold=threshold)
    slow = pure_batch.StreamDedup(threshold=threshold)
    assert fast.params == slow.params
    for s in range(0, len(texts), chunk):
        fast.add(texts[s : s + chunk])
        slow.add(texts[s : s + chunk])
    a1, b1, j1, c1 = fast.pairs()
    a2, b2, j2, c2 = slow.pairs()
    assert a1.tolist() == a2.tolist() and b1.tolist() == b2.tolist()
    assert np.allclose(j1, j2) and c1 == c2
    assert fast.labels().tolist() == slow.labels().tolist()
    nd = asimtext.near_duplicates(texts, threshold=threshold)
    assert [(int(x), int(y)) for x, y in zip(a1, b1)] == [(p[0], p[1]) for p in nd.pairs]


def test_stream_dedup_api():
    d = asimtext.StreamDedup(threshold=0.8)
    assert len(d) == 0 and d.add([BASE, "", BASE]) == 0 and d.add([OTHER]) == 3
    assert len(d) == 4 and d.empty_docs == 1
    a, b, j, cands = d.pairs()
    assert (a.tolist(), b.tolist(), j.tolist(), cands) == ([0], [2], [1.0], 1)
    assert d.labels().tolist() == [0, 1, 0, 2]
    assert d.memory_usage() > 0 and "len=4" in repr(d)
    import pickle

    back = pickle.loads(pickle.dumps(d))
    assert len(back) == 4 and back.params == d.params and back.labels().tolist() == [0, 1, 0, 2]
    assert back.pairs()[0].tolist() == [0]
    with pytest.raises(asimtext.CorruptFileError):
        asimtext.StreamDedup.from_bytes(d.to_bytes()[:-1])
    # An index saved before the shingle hash changed (format 1) is refused with
    # a reason, even with a valid checksum: its hashes would never match.
    old = b"ASIMSDD1" + d.to_bytes()[8:]
    with pytest.raises(asimtext.CorruptFileError, match="earlier asimtext.*build the index again"):
        asimtext.StreamDedup.from_bytes(old)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        d.add(["ok", 3])
    with pytest.raises(ValueError, match="threshold"):
        asimtext.StreamDedup(threshold=0)
    with pytest.raises(ValueError, match="params"):
        asimtext.StreamDedup(params=(100, 100))


# ---------------------------------------------------------------- bench


def test_bench_table_on_builtin_and_user_dump(tmp_path, capsys):
    code, out, _ = _run(["bench", "--docs", "30", "--pure-docs", "3"], capsys)
    assert code == 0
    assert "built-in" in out
    for op in ("normalize", "spans", "signatures", "dedup"):
        assert sum(1 for line in out.splitlines() if line.startswith(op)) == 2
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, out, _ = _run(["bench", str(src), "--docs", "6", "--pure-docs", "2", "--json"], capsys)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 8 and all(r["mb_per_s"] > 0 for r in rows)
    assert {r["docs"] for r in rows} == {6, 2}


def test_builtin_corpus_is_deterministic():
    from asimtext.bench import builtin_corpus

    a, b = builtin_corpus(50), builtin_corpus(50)
    assert a == b and len(a) == 50 and all(t.strip() for t in a)
    assert len(asimtext.near_duplicates(a).pairs) > 0


def test_digest_command_still_works(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, out, err = _run(["digest", str(src)], capsys)
    assert code == 0 and json.loads(out)["schema"].startswith("asimtext.digest")
    assert err.startswith("6 read, 6 processed, 0 skipped")


def test_stdin_via_pipeline_object(tmp_path):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES).encode()
    seen = []
    stats = run_pipeline(["-"], lambda t: seen.extend(t), stdin=io.BytesIO(data))
    assert stats.read == 6 and seen == [r["text"] for r in ARTICLES]


class _FakeTty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):

    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    tty = _FakeTty()
    monkeypatch.setattr(sys, "stderr", tty)
    assert batch.progress_enabled(quiet=False) is True
    assert batch.progress_enabled(quiet=True) is False
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.jsonl")]) == 0
    shown = tty.getvalue()
    assert "6 articles" in shown and "B/s" in shown  # articles, MB done and rate
    assert shown.rstrip().endswith("6 read, 6 processed, 0 skipped")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal
    assert batch.progress_enabled(quiet=False) is False


def test_on_bytes_counts_the_whole_input(tmp_path):
    from asimtext.io import iter_records

    plain = _jsonl(tmp_path / "d.jsonl", ARTICLES * 50)
    gz = tmp_path / "d.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    txt = tmp_path / "t.txt"
    txt.write_text(BASE, encoding="utf-8")
    for path in (plain, gz, txt):
        seen = []
        n = sum(1 for _ in iter_records(str(path), on_bytes=seen.append))
        assert n in (300, 1) and sum(seen) == path.stat().st_size


def test_dedup_bad_output_fails_before_reading(tmp_path, capsys):
    src = _jsonl(tmp_path / "d.jsonl", ARTICLES)
    code, _, err = _run(["dedup", str(src), "-o", str(tmp_path / "no" / "p.jsonl")], capsys)
    assert code == EXIT_IO and err.count("\n") == 1 and "no such directory" in err
    assert "read," not in err


_VOCAB = ["ज़मीन", "जमीन", "पुलिस", "कमिश्नर", "२०२२", "2022", "Police", "police", "ने", "को",
          "हाँ", "हां", "क्\u200dष", "क्ष", "news", "NBSP\u00a0x", "।", "."]
_doc_st = st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=14).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_doc_st, max_size=10), st.sampled_from([0.3, 0.6, 0.9]), st.integers(1, 4),
       st.sampled_from([(4, 2), (8, 1), None]))
def test_stream_dedup_matches_pure_twin_on_random_text(texts, threshold, chunk, params):
    fast = asimtext.StreamDedup(threshold=threshold, ngram=2, params=params)
    slow = pure_batch.StreamDedup(threshold=threshold, ngram=2, params=params)
    for s in range(0, len(texts), chunk):
        assert fast.add(texts[s : s + chunk]) == slow.add(texts[s : s + chunk])
    a1, b1, j1, c1 = fast.pairs()
    a2, b2, j2, c2 = slow.pairs()
    assert (a1.tolist(), b1.tolist(), c1) == (a2.tolist(), b2.tolist(), c2)
    assert np.allclose(j1, j2)
    assert fast.labels().tolist() == slow.labels().tolist()
    for i, j, jac in zip(a1.tolist(), b1.tolist(), j1.tolist()):
        assert jac == pytest.approx(asimtext.overlap(texts[i], texts[j], ngram=2)[0])
