"""Loading articles: every record accounted for, bad ones reported with file and line."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import pickle
from pathlib import Path

import pytest
from asimtext import Article, LoadError, load_articles
from asimtext.io import iter_records, looks_like_headline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


# --- Article ------------------------------------------------------------------------


def test_article_round_trip_and_repr():
    a = Article(
        "x1",
        "असीम अरुण ने वीआरएस लिया.",
        title="शीर्षक",
        source="ETV Bharat",
        url="https://example.org/x1",
        published="2022-01-11T11:27+05:30",
        lang="hi",
    )
    assert Article.from_dict(a.to_dict()) == a
    assert json.loads(json.dumps(a.to_dict(), ensure_ascii=False)) == a.to_dict()
    r = repr(a)
    assert "id='x1'" in r and "source='ETV Bharat'" in r and "published=" in r
    assert pickle.loads(pickle.dumps(a)) == a


def test_article_long_text_repr_is_short():
    a = Article("x", "शब्द " * 1000)
    assert len(repr(a)) < 120


def test_article_validation():
    with pytest.raises(TypeError, match="Article.text must be a str"):
        Article("x", b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Article.id"):
        Article(3, "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="id must not be empty"):
        Article("", "text")
    with pytest.raises(ValueError, match="ISO date"):
        Article("x", "text", published="11 Jan 2022")
    with pytest.raises(TypeError, match="Article.source"):
        Article("x", "text", source=5)  # type: ignore[arg-type]
    assert Article("x", "t", published=dt.date(2022, 1, 10)).published == "2022-01-10"
    assert Article("x", "t", published=" ").published is None


def test_from_dict_fields():
    a = Article.from_dict({"body": "पाठ", "doc": 7, "extra": 1}, text_field="body", id_field="doc")
    assert a.id == "7" and a.text == "पाठ"
    with pytest.raises(KeyError):
        Article.from_dict({"id": "a"})


# --- folders of .txt ----------------------------------------------------------------


def test_seed_folder():
    rep = load_articles(SEEDS)
    assert rep.read == 5 and rep.loaded == 5 and rep.skipped == 0
    ids = [a.id for a in rep]
    assert ids == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert rep.articles[0].text == (SEEDS / ids[0]).read_text(encoding="utf-8")
    assert rep.summary() == "5 read, 5 loaded, 0 skipped"


def test_headline_detection():
    assert looks_like_headline("कानपुर कमिश्नर असीम अरुण ने सोशल मीडिया पर पोस्ट किया अपना अलविदा मैसेज")
    assert not looks_like_headline("उत्तर प्रदेश")  # a section label
    assert not looks_like_headline("1. home Hindi News")  # a list item
    assert not looks_like_headline("यह एक वाक्य है जो पूर्ण विराम पर खत्म होता है।")
    assert not looks_like_headline("Published : Jan 11, 2022, 11:27 AM IST")
    assert not looks_like_headline("x " * 200)


def test_txt_title_and_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text(
        "\n\nPatna flood: NDRF teams deployed in five districts\n\nBody text.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_bytes("नमस्ते ".encode() + b"\xff\xfe broken")
    (tmp_path / "c.txt").write_text("   \n\n ", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    rep = load_articles(tmp_path)
    # notes.md is not read, but it is accounted for: a skipped record saying why.
    assert rep.read == 4 and rep.loaded == 1 and rep.skipped == 3
    assert any(r.file.endswith("notes.md") and "not an article file (.md)" in r.reason
               for r in rep.skipped_records)
    a = rep.articles[0]
    assert a.id == "a.txt" and a.title == "Patna flood: NDRF teams deployed in five districts"
    bad = {r.id: r.reason for r in rep.skipped_records}
    assert bad["b.txt"].startswith("not UTF-8 at byte 19")
    assert bad["c.txt"] == "empty text"
    with pytest.raises(LoadError, match=r"b\.txt: not UTF-8"):
        load_articles(tmp_path, strict=True)


def test_missing_path():
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_articles("/nonexistent/dir/x.jsonl")


# --- JSON Lines ---------------------------------------------------------------------

BAD_JSONL = (
    '{"id": "a", "text": "पहला लेख 2022 में."}\n'
    "\n"
    '{"id": "b", "text": "दूसरा लेख"\n'
    '{"id": "c", "body": "no text field"}\n'
    '{"id": "a", "text": "same id again"}\n'
    '{"id": "d", "text": "   "}\n'
    '["not", "an", "object"]\n'
    '{"id": "e", "text": 5}\n'
    '{"text": "no id here"}\n'
)


def _check_bad_jsonl(rep, file):
    assert rep.read == 8
    assert rep.loaded == 2 and rep.skipped == 6
    assert rep.read == rep.loaded + rep.skipped
    by_line = {r.line: r for r in rep.records}
    assert by_line[1].ok and by_line[1].id == "a"
    assert by_line[3].reason.startswith("malformed JSON")
    assert by_line[4].reason == "missing text field 'text'" and by_line[4].id == "c"
    assert by_line[5].reason == f"duplicate id (first at {file}:1)"
    assert by_line[6].reason == "empty text"
    assert by_line[7].reason.startswith("not a JSON object")
    assert "is int, not str" in by_line[8].reason
    assert by_line[9].ok and by_line[9].id.endswith(":9")
    assert all(r.file == file for r in rep.records)


def test_jsonl_accounting(tmp_path):
    p = tmp_path / "dump.jsonl"
    p.write_text(BAD_JSONL, encoding="utf-8")
    _check_bad_jsonl(load_articles(p), str(p))


def test_jsonl_gz(tmp_path):
    p = tmp_path / "dump.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(BAD_JSONL)
    _check_bad_jsonl(load_articles(str(p)), str(p))


def test_jsonl_stdin():
    rep = load_articles("-", stdin=io.BytesIO(BAD_JSONL.encode()))
    _check_bad_jsonl(rep, "-")


def test_jsonl_not_utf8_line_and_strict(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_bytes(
        b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\xff"}\n{"id": "c", "text": "ok"}\n'
    )
    rep = load_articles(p)
    assert [r.status for r in rep.records] == ["ok", "skipped", "ok"]
    assert rep.records[1].reason.startswith("not UTF-8") and rep.records[1].line == 2
    with pytest.raises(LoadError) as e:
        load_articles(p, strict=True)
    assert str(e.value).startswith(f"{p}:2: not UTF-8")


def test_fields_and_metadata(tmp_path):
    p = tmp_path / "d.jsonl"
    rows = [
        {
            "doc_id": 1,
            "body": "पाठ",
            "source": "Amar Ujala",
            "published": "2022-01-09",
            "title": "T",
            "url": "https://x",
            "lang": "hi",
        }
    ]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    (a,) = load_articles(p, text_field="body", id_field="doc_id")
    assert (a.id, a.text, a.source, a.published, a.title, a.lang) == (
        "1",
        "पाठ",
        "Amar Ujala",
        "2022-01-09",
        "T",
        "hi",
    )
    bad = tmp_path / "e.jsonl"
    bad.write_text('{"id": "x", "text": "t", "published": "yesterday"}\n', encoding="utf-8")
    (r,) = load_articles(bad).records
    assert r.status == "skipped" and "ISO date" in r.reason


def test_json_array(tmp_path):
    p = tmp_path / "d.json"
    p.write_text(json.dumps([{"id": "a", "text": "x"}, {"id": "b"}]), encoding="utf-8")
    rep = load_articles(p)
    assert rep.read == 2 and rep.loaded == 1


def test_duplicate_ids_across_files(tmp_path):
    (tmp_path / "1.jsonl").write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    (tmp_path / "2.jsonl").write_text('{"id": "a", "text": "y"}\n', encoding="utf-8")
    rep = load_articles([tmp_path / "1.jsonl", tmp_path / "2.jsonl"])
    assert rep.loaded == 1 and rep.skipped_records[0].reason.startswith("duplicate id (first at")


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "id": ["a", "b", "c", "a"],
            "text": ["पहला", None, " ", "फिर"],
            "published": [dt.date(2022, 1, 10), None, None, None],
        }
    )
    p = tmp_path / "d.parquet"
    pq.write_table(table, p)
    rep = load_articles(p)
    assert rep.read == 4 and rep.loaded == 1
    assert rep.articles[0].published == "2022-01-10"
    assert [r.reason for r in rep.skipped_records] == [
        "missing text field 'text'",
        "empty text",
        f"duplicate id (first at {p}:1)",
    ]
    assert [r.line for r in rep.records] == [1, 2, 3, 4]


# --- Python objects -----------------------------------------------------------------


def test_python_objects():
    items = [
        Article("a", "x"),
        {"id": "b", "text": "y"},
        "plain text",
        42,
        {"id": "e"},
        Article("a", "dup"),
    ]
    rep = load_articles(items)
    assert rep.read == 6 and rep.loaded == 3
    assert [a.id for a in rep] == ["a", "b", "2"]
    reasons = [r.reason for r in rep.skipped_records]
    assert reasons == [
        "not an article (int)",
        "missing text field 'text'",
        "duplicate id (first at <objects>:1)",
    ]


def test_single_article_and_generator():
    assert load_articles(Article("a", "x")).loaded == 1
    assert load_articles({"id": "a", "text": "x"}).loaded == 1
    rep = load_articles(Article(str(i), "t") for i in range(3))
    assert rep.loaded == 3


def test_bad_source_type():
    with pytest.raises(TypeError, match="not int"):
        load_articles(5)


def test_streaming_is_lazy(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({"id": str(i), "text": "t"}) + "\n" for i in range(1000)))
    it = iter_records(p)
    first = next(it)
    assert first.ok and first.id == "0"
