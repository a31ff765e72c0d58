"""The command line as a user runs it: subprocesses, real files, exit codes, stderr.

Each test is one finding of issue 19 (exit codes, compressed input told by its
content, byte-order marks, files of unknown kind, empty inputs, usage errors
named by their flags, output formats, the digest's flags).
"""

from __future__ import annotations

import gzip
import json
import struct
import subprocess
import sys
from pathlib import Path

import asimtext
import pytest
from asimtext.cli import EXIT_BAD_RECORD, EXIT_IO, EXIT_NOTHING, EXIT_OK, EXIT_USAGE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ROWS = [
    {"id": "a", "text": "पटना में बाढ़ से 14 लोगों की मौत हुई, 15 जनवरी 2022 को."},
    {"id": "b", "text": "Floods in Patna killed 14 people on 15 January 2022, officials said."},
]
# The smallest valid PNG (1x1 pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cf00000301010018dd8db00000000049454e44ae426082"
)


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    """``asimtext ARGS`` in a subprocess: (exit status, stdout text, stderr lines)."""
    r = subprocess.run([sys.executable, "-m", "asimtext", *args], input=stdin,
                       capture_output=True, cwd=cwd, timeout=300)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8").splitlines()


def jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


# ---------------------------------------------------------------- exit codes


def test_exit_nothing_when_every_record_is_skipped(tmp_path):
    gz = gzip.compress(b"\xff\xfe not utf-8\n" * 20)
    code, out, err = run("normalize", "-", "-q", stdin=gz)
    # 20 lines of a gzip stream on standard input: told by content, decompressed, all bad.
    assert code == EXIT_NOTHING and out == ""
    assert err[:20] == [f"-:{i}: skipped: not UTF-8 at byte 0" for i in range(1, 21)]
    assert err[-1] == ("asimtext normalize: error: nothing processed: every input record (20) "
                       "was skipped")
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    code, out, err = run("normalize", str(src), "--text-field", "body")
    assert code == EXIT_NOTHING and out == ""
    assert err[-2:] == ["2 read, 0 processed, 2 skipped",
                        "asimtext normalize: error: nothing processed: every input record (2) "
                        "was skipped"]
    code, out, err = run("normalize", str(src), "-q")
    assert code == EXIT_OK and err == [] and len(out.splitlines()) == 2


def test_usage_errors_exit_2_and_name_the_flag(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    code, _, err = run("dedup", str(src), "--num-perm", "1")
    assert code == EXIT_USAGE
    assert err == ["asimtext dedup: error: --num-perm must be between 2 and 2048, got 1"]
    code, _, err = run("dedup", str(src), "--ngram", "0")
    assert code == EXIT_USAGE and err == [
        "asimtext dedup: error: --ngram must be between 1 and 64, got 0"]
    code, _, err = run("dedup", str(src), "--no-such-flag")
    assert code == EXIT_USAGE and "unrecognized arguments: --no-such-flag" in err[-1]
    code, _, err = run()
    assert code == EXIT_USAGE and err[0].startswith("usage: asimtext")
    code, _, err = run("digest", str(src), "--dup-threshold", "0")
    assert code == EXIT_USAGE and err == [
        "asimtext digest: error: --dup-threshold must be a number > 0 (above 1: never), got 0.0"]
    code, _, err = run("digest", str(src), "--story-max-df", "x")
    assert code == EXIT_USAGE and "argument --story-max-df: expected a whole number" in err[-1]


def test_kinds_list_tolerates_spaces_and_rejects_empty_items(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    code, out, err = run("spans", str(src), "--kinds", "date, number", "-q")
    assert code == EXIT_OK, err
    kinds = {s["kind"] for line in out.splitlines() for s in json.loads(line)["spans"]}
    assert kinds == {"date", "number"}
    for bad, msg in [("", "empty list"), ("date,,year", "empty item in 'date,,year'"),
                     ("date,", "empty item"), ("date, dat", "unknown kind 'dat'")]:
        code, out, err = run("spans", str(src), "--kinds", bad)
        assert code == EXIT_USAGE and out == ""
        assert err[-1].startswith("asimtext spans: error: argument --kinds: " + msg), err


def test_output_format_from_the_name_unknown_is_an_error(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    code, _, err = run("normalize", str(src), "-o", str(tmp_path / "x.csv"))
    assert code == EXIT_USAGE and not (tmp_path / "x.csv").exists()
    assert err == [f"asimtext normalize: error: -o {tmp_path / 'x.csv'}: unknown output format "
                   "(.csv); name it .jsonl, .ndjson, .jsonl.gz or .parquet, or leave -o out "
                   "for JSON Lines on standard output"]
    code, _, err = run("digest", str(src), "-o", str(tmp_path / "x.csv"))
    assert code == EXIT_USAGE and "unknown output format (.csv)" in err[0]
    code, _, err = run("digest", str(src), "-o", str(tmp_path / "page.htm"), "-q")
    assert code == EXIT_OK and (tmp_path / "page.htm").read_text().startswith("<!DOCTYPE html>")


def test_missing_input_and_unwritable_output_are_io_errors(tmp_path):
    code, _, err = run("spans", str(tmp_path / "nope.jsonl"))
    assert code == EXIT_IO and err == [
        f"asimtext spans: error: {tmp_path / 'nope.jsonl'}: no such file or directory"]
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    code, _, err = run("digest", str(src), "-o", str(tmp_path / "no" / "d.html"), "-q")
    assert code == EXIT_IO and "No such file or directory" in err[0]


def test_strict_bad_record_has_its_own_code(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS) + b'{"id": "c", "text": "tab\there"}\n')
    code, _, err = run("digest", str(src), "--strict")
    # A raw tab inside a JSON string: the message reads once "at", not "at at".
    assert code == EXIT_BAD_RECORD and err == [
        f"asimtext digest: error: {src}:3: malformed JSON: Invalid control character "
        "at column 25"]


# ---------------------------------------------------------------- reading


def test_gzip_written_is_read_back_whatever_its_name(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(ROWS))
    out = tmp_path / "roundtrip.gz"
    assert run("normalize", str(src), "-o", str(out), "-q")[0] == EXIT_OK
    raw = out.read_bytes()
    # The header's file name is the output's (gzip(1)'s convention), never the
    # temporary name; the time stamp is zero (same input, same bytes).
    flags, mtime = raw[3], struct.unpack("<I", raw[4:8])[0]
    assert flags & 0x08 and mtime == 0
    name = raw[10:raw.index(b"\x00", 10)]
    assert name == b"roundtrip" and b"partial" not in raw[:64]
    code, text, err = run("normalize", str(out), "-q")
    assert code == EXIT_OK, err
    assert [json.loads(x)["id"] for x in text.splitlines()] == ["a", "b"]
    # Named .jsonl but gzip inside; and gzip on standard input.
    disguised = tmp_path / "disguised.jsonl"
    disguised.write_bytes(raw)
    assert run("normalize", str(disguised), "-q")[1] == text
    code, piped, _ = run("normalize", "-", "-q", stdin=raw)
    assert code == EXIT_OK and piped == text


def test_zstd_by_content(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    data = zstandard.ZstdCompressor().compress(jsonl(ROWS))
    p = tmp_path / "d.jsonl.zst"
    p.write_bytes(data)
    code, out, err = run("normalize", str(p), "-q")
    assert code == EXIT_OK, err
    assert len(out.splitlines()) == 2
    code, out2, _ = run("normalize", "-", "-q", stdin=data)
    assert code == EXIT_OK and out2 == out


def test_byte_order_mark_keeps_the_first_record(tmp_path):
    p = tmp_path / "bom.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + jsonl(ROWS))
    code, out, err = run("normalize", str(p))
    assert code == EXIT_OK and err == ["2 read, 2 processed, 0 skipped"]
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["a", "b"]
    t = tmp_path / "a.txt"
    t.write_bytes(b"\xef\xbb\xbf" + ROWS[0]["text"].encode())
    code, out, _ = run("normalize", str(t), "-q")
    assert json.loads(out)["text"] == asimtext.normalize(ROWS[0]["text"])  # no U+FEFF
    code, out, _ = run("normalize", "-", "-q", stdin=b"\xef\xbb\xbf" + jsonl(ROWS))
    assert code == EXIT_OK and len(out.splitlines()) == 2


def test_file_given_directly_is_read_by_content(tmp_path):
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    code, out, err = run("normalize", str(png))
    assert code == EXIT_NOTHING and out == ""
    assert err[:2] == [f"{png}: skipped: a PNG image, not articles",
                       "1 read, 0 processed, 1 skipped"]
    # JSON Lines under an unknown name is read; plain text under one is reported.
    dump = tmp_path / "dump.out"
    dump.write_bytes(jsonl(ROWS))
    assert run("normalize", str(dump), "-q")[0] == EXIT_OK
    notes = tmp_path / "notes.md"
    notes.write_text("# notes\nnot an article", encoding="utf-8")
    code, _, err = run("normalize", str(notes))
    assert code == EXIT_NOTHING and err[0].startswith(f"{notes}: skipped: unknown file kind")
    arr = tmp_path / "arr.json"
    arr.write_text(json.dumps(ROWS, ensure_ascii=False), encoding="utf-8")
    assert run("normalize", str(arr))[2] == ["2 read, 2 processed, 0 skipped"]


def test_every_file_of_a_folder_is_accounted_for(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl").write_bytes(jsonl(ROWS))
    (folder / "photo.png").write_bytes(PNG)
    (folder / "b.txt").write_bytes(b"")
    code, out, err = run("normalize", str(folder))
    assert code == EXIT_OK and len(out.splitlines()) == 2
    assert err[0] == f"{folder / 'b.txt'}: skipped: empty file"
    assert err[1].startswith(f"{folder / 'photo.png'}: skipped: not an article file (.png)")
    assert err[2] == (f"{folder / 'sub'}: skipped: a folder inside a folder (not searched; "
                      "give it by name)")
    assert err[3] == "5 read, 2 processed, 3 skipped"


def test_empty_inputs_are_not_success(tmp_path):
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    code, _, err = run("digest", str(empty_dir), "-o", str(tmp_path / "d.json"))
    assert code == EXIT_NOTHING
    assert err == [f"{empty_dir}: skipped: empty folder",
                   "1 read, 0 processed, 1 skipped; 0 stories",
                   "asimtext digest: error: nothing processed: every input record (1) was "
                   "skipped"]
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\n\n  \n")
    code, _, err = run("dedup", str(blank))
    assert code == EXIT_NOTHING and err[0] == f"{blank}: skipped: no records (only blank lines)"
    code, _, err = run("spans", "-", stdin=b"")
    assert code == EXIT_NOTHING and err[0] == "-: skipped: no input on standard input"


# ---------------------------------------------------------------- the digest's flags


def test_digest_flags(tmp_path):
    rows = [{"doc": "x1", "body": "पटना में शनिवार को 14 लोगों की मौत हुई.", "outlet": "दैनिक",
             "when": "2022-01-10", "head": "पटना में बाढ़ से तबाही"},
            {"doc": "x2", "body": "broken", "outlet": "Other", "when": "not a date"}]
    src = tmp_path / "d.jsonl"
    src.write_bytes(jsonl(rows))
    log = tmp_path / "skipped.jsonl"
    code, out, err = run("digest", str(src), "--text-field", "body", "--id-field", "doc",
                         "--source-field", "outlet", "--date-field", "when", "--title-field",
                         "head", "--skipped", str(log), "--dup-threshold", "0.9",
                         "--story-max-df", "40", "--keep", "all")  # full article entries
    assert code == EXIT_OK, err
    assert err == ["2 read, 1 processed, 1 skipped; 1 story"]  # the skip went to the log
    d = json.loads(out)
    a = d["articles"][0]
    assert (a["id"], a["source"], a["published"], a["title"]) == (
        "x1", "दैनिक", "2022-01-10", "पटना में बाढ़ से तबाही")
    assert d["params"]["dup_threshold"] == 0.9 and d["params"]["story_max_df"] == 40
    (skip,) = [json.loads(x) for x in log.read_text().splitlines()]
    assert skip["line"] == 2 and "ISO date" in skip["reason"]
    # --reference-date resolves a weekday in an article with no date at all.
    nodate = tmp_path / "n.jsonl"
    nodate.write_bytes(jsonl([{"id": "n", "text": "पटना में शनिवार को 14 लोगों की मौत हुई."}]))
    code, out, _ = run("digest", str(nodate), "--reference-date", "2022-01-11", "-q",
                       "--keep", "all")
    assert code == EXIT_OK
    assert "2022-01-08" in {e["date"] for e in json.loads(out)["timeline"]}
    code, out, _ = run("digest", str(nodate), "-q", "--keep", "all")
    assert "2022-01-08" not in {e["date"] for e in json.loads(out)["timeline"]}


@pytest.mark.parametrize("cmd", ["normalize", "spans", "dedup", "bench", "digest"])
def test_sub_command_help_has_a_description(cmd):
    code, out, _ = run(cmd, "--help")
    assert code == EXIT_OK
    lines = out.splitlines()
    usage_end = next(i for i, x in enumerate(lines) if not x.strip())
    description = lines[usage_end + 1]
    assert len(description.split()) >= 4, out  # a sentence, not just the usage line
    assert "exit status: 0 done; 1 nothing processed" in " ".join(out.split())


def test_digest_help_reaches_every_parameter():
    code, out, _ = run("digest", "--help")
    for flag in ("--skipped", "--reference-date", "--source-field", "--date-field",
                 "--title-field", "--dup-threshold", "--containment-threshold",
                 "--min-passage-words", "--story-same-lang-threshold", "--story-pair-budget"):
        assert flag in out, flag
    params = asimtext.DigestParams().to_dict()
    for name in params:
        assert "--" + name.replace("_", "-") in out, name


# ---------------------------------------------------------------- the Python API


def test_digest_of_a_list_of_strings_reads_texts(tmp_path):
    d = asimtext.digest(["एक खबर है यह", "दूसरी खबर 2022 की"])
    assert d.counts["in"] == 2 and d.counts["ok"] == 2
    assert [a["file"] for a in d.articles] == ["<objects>", "<objects>"]
    # A str on its own is a path; a list of Path objects is a list of paths.
    p = tmp_path / "d.jsonl"
    p.write_bytes(jsonl(ROWS))
    assert asimtext.digest(str(p)).counts["ok"] == 2
    assert asimtext.digest([p, p.with_name("d.jsonl")]).counts["skipped"] == 2  # dup ids


def test_digest_strict(tmp_path):
    with pytest.raises(asimtext.LoadError, match=r"<objects>:2: missing text field 'text'"):
        asimtext.digest([{"id": "a", "text": "पहली खबर"}, {"id": "b"}], strict=True)
    p = tmp_path / "d.jsonl"
    p.write_bytes(jsonl(ROWS) + b"{oops\n")
    with pytest.raises(asimtext.LoadError, match=rf"{p}:3: malformed JSON"):
        asimtext.digest(str(p), strict=True)
    assert asimtext.digest(str(p)).counts["skipped"] == 1


def test_digest_of_a_dataframe_reads_its_rows():
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    df = pd.DataFrame(ROWS + [{"id": "c", "text": None}])
    d = asimtext.digest(df)
    assert [a["id"] for a in d.articles] == ["a", "b", "c"]  # rows, not column names
    assert d.counts["ok"] == 2 and "missing text field" in d.articles[2]["reason"]
    rep = asimtext.load_articles(pa.Table.from_pylist(ROWS))
    assert [a.id for a in rep] == ["a", "b"]
