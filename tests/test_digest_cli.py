"""`asimtext digest PATH... [-o FILE] [--format json|md|html] [--strict]`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from asimtext.cli import EXIT_BAD_RECORD, EXIT_IO, main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_help_lists_digest():
    out = subprocess.run(
        [sys.executable, "-m", "asimtext", "digest", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for opt in ("--format", "--strict", "--text-field", "--id-field", "-o"):
        assert opt in out


def test_seeds_markdown(capsys):
    assert main(["digest", str(SEEDS), "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# News digest") and "1994" in out
    assert err.strip() == "5 read, 5 processed, 0 skipped; 1 story"


def test_seeds_json_and_html_to_files(tmp_path, capsys):
    j, h = tmp_path / "d.json", tmp_path / "d.html"
    assert main(["digest", str(SEEDS), "-o", str(j), "-q"]) == 0
    assert json.loads(j.read_text(encoding="utf-8"))["schema"] == "asimtext.digest/2"
    assert main(["digest", str(SEEDS), "-o", str(h), "-q"]) == 0  # format from the extension
    assert h.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().err == ""


def _bad_dump(tmp_path):
    p = tmp_path / "dump.jsonl"
    p.write_text('{"id": "a", "text": "पटना में 14 लोगों की मौत."}\n{oops\n', encoding="utf-8")
    return p


def test_strict_fails_with_one_line(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    assert main(["digest", str(p), "--strict"]) == EXIT_BAD_RECORD
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"asimtext digest: error: {p}:2: malformed JSON")


def test_bad_lines_reported_not_fatal(tmp_path, capsys):
    p = _bad_dump(tmp_path)
    assert main(["digest", str(p), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["counts"]["in"] == 2 and doc["counts"]["skipped"] == 1
    assert "2 read, 1 processed, 1 skipped" in err


def test_missing_file(capsys):
    assert main(["digest", "/no/such/dump.jsonl"]) == EXIT_IO
    err = capsys.readouterr().err
    assert err.strip() == "asimtext digest: error: /no/such/dump.jsonl: no such file or directory"


def test_stdin_and_fields(monkeypatch, capsys):
    data = json.dumps({"doc": "x1", "body": "पटना में 14 लोगों की मौत.", "source": "S"}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["digest", "-", "--text-field", "body", "--id-field", "doc", "-q"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["articles"][0]["id"] == "x1" and doc["articles"][0]["source"] == "S"
