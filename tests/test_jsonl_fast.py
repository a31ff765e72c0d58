"""The Rust JSON Lines reader (asimtext.io.iter_jsonl_fast, rust/core/src/jsonl.rs)
against its twin, the Python reader (asimtext.io.iter_records): the same
records, ids, texts, skip reasons and line numbers, in the same order."""

from __future__ import annotations

import gzip
import json

import pytest
from asimtext import io as aio
from asimtext.dumps import read_chunks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def python_reader(path):
    out = []
    for r in aio.iter_records(str(path)):
        if r.ok:
            out.append((r.line, r.id, r.article.text, r.article.published, None))
        else:
            out.append((r.line, r.id, None, None, r.reason))
    return out


def rust_reader(path):
    out = []
    v = aio._Validator()
    for r in aio.iter_jsonl_fast(str(path), text_field="text", id_field="id", validator=v):
        if isinstance(r, tuple):  # a run of good records
            out.extend((*x, None) for x in zip(*r))
        elif r.ok:  # a line the Python reader parsed again
            out.append((r.line, r.id, r.article.text, r.article.published, None))
        else:
            out.append((r.line, r.id, None, None, r.reason))
    return out


TEXTS = st.sampled_from(["नमस्ते दुनिया", "Hello  world", "", "  \u00a0 ", "क़ीमत ₹५ लाख।\r\n", "🙏 emoji", "a\x1fb"])
IDS = st.one_of(
    st.none(), st.sampled_from(["a", "b", "", "a1"]), st.integers(-5, 5), st.just(2**70), st.just(1.5), st.just(True)
)


@st.composite
def lines(draw):
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(["", "   ", "\t", "\r"]))
    if kind == 1:
        return draw(st.sampled_from(['{"id": "x", "text": "a"', "[1, 2]", "nul", '"str"', "{}", '{"text": NaN}',
                                     '\ufeff{"text": "bom"}', '{"text": "x\\ud800y"}', '{"text": "\\u0915"}']))
    d = {}
    if draw(st.booleans()):
        d["id"] = draw(IDS)
    if draw(st.integers(0, 5)):
        d["text"] = draw(st.one_of(TEXTS, st.just(None), st.just(5)))
    for name in ("title", "lang", "published"):
        if draw(st.integers(0, 4)) == 0:
            d[name] = draw(st.sampled_from(["t", None, 3, "2022-01-11", "not a date", "2024-02-29T10:00+05:30",
                                            "2023-02-29", "  ", "", "2022W011", "२०२२-०१-११"]))
    return json.dumps(d, ensure_ascii=draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ls=st.lists(lines(), max_size=30), crlf=st.booleans(), final_newline=st.booleans(),
       block=st.sampled_from([7, 64, 1 << 22]), gz=st.booleans())
def test_same_records_as_the_python_reader(tmp_path, monkeypatch, ls, crlf, final_newline, block, gz):
    monkeypatch.setattr(aio, "_FAST_BLOCK", block)
    nl = "\r\n" if crlf else "\n"
    data = nl.join(ls) + (nl if final_newline and ls else "")
    raw = data.encode("utf-8", "surrogatepass")
    path = tmp_path / ("d.jsonl.gz" if gz else "d.jsonl")
    path.write_bytes(gzip.compress(raw) if gz else raw)
    assert rust_reader(path) == python_reader(path)


def test_not_utf8_and_truncated_gzip(tmp_path, monkeypatch):
    monkeypatch.setattr(aio, "_FAST_BLOCK", 16)
    good = "".join(json.dumps({"id": f"i{k}", "text": "क" * 40}) + "\n" for k in range(200)).encode()
    p = tmp_path / "bad.jsonl"
    p.write_bytes(good[:50] + b'{"text": "\xff"}\n' + good)
    assert rust_reader(p) == python_reader(p)
    g = tmp_path / "cut.jsonl.gz"
    g.write_bytes(gzip.compress(good)[:-300])
    fast, slow = rust_reader(g), python_reader(g)
    # Both keep every record before the cut and end with the reason. The Python
    # reader decompresses ahead in 64 KiB steps, so it may stop a few records
    # earlier than the fast reader, which reads whole lines as they come.
    assert "unreadable compressed data" in fast[-1][4] and "unreadable compressed data" in slow[-1][4]
    assert fast[: len(slow) - 1] == slow[:-1]
    assert all(r[2] is not None for r in fast[:-1])


def test_read_chunks_accounts_for_every_line(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "a", "text": "x"}\n\n{"id": "a", "text": "y"}\nnot json\n{"text": "z"}\n')
    chunks = list(read_chunks([str(p)], chunk_size=1))
    assert sum(c.read for c in chunks) == 4
    assert [i for c in chunks for i in c.ids] == ["a", "d.jsonl:5"]
    assert [loc for c in chunks for loc in c.locs] == [(str(p), 1), (str(p), 5)]
    reasons = [r.reason for c in chunks for r in c.skipped]
    assert reasons[0] == f"duplicate id (first at {p}:1)"
    assert reasons[1].startswith("malformed JSON")


@pytest.mark.parametrize("name", ["d.json", "d.ndjson"])
def test_other_suffixes(tmp_path, name):
    p = tmp_path / name
    p.write_text('{"id": "a", "text": "x"}\n{"id": 3, "text": "y"}\n')
    assert rust_reader(p) == python_reader(p)


def test_white_space_only_texts_are_skipped_as_python_does(tmp_path):
    # Every character Python's str.strip() removes, and two it keeps (ZWSP, NBSP's neighbour).
    chars = [chr(c) for c in range(0x3001) if chr(c).isspace()] + ["\u200b", "\u00a1"]
    p = tmp_path / "ws.jsonl"
    p.write_text("".join(json.dumps({"id": f"w{k}", "text": c * 3}) + "\n" for k, c in enumerate(chars)))
    fast = rust_reader(p)
    assert fast == python_reader(p)
    assert sum(1 for r in fast if r[4] == "empty text") == len(chars) - 2


def test_chunks_carry_each_records_date(tmp_path):
    # Records with and without a date, and one the Python reader parses (a
    # blank date, which it reads as none): one date (or None) per good record.
    p = tmp_path / "d.jsonl"
    rows = [{"id": "a", "text": "x"}, {"id": "b", "text": "y", "published": "2022-01-11T10:00"},
            {"id": "c", "text": "z", "published": "  "}, {"id": "d", "text": "w", "published": "2023-05-06"},
            {"id": "e", "text": "v", "published": None}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    chunks = list(read_chunks([str(p)], chunk_size=3))
    assert [i for c in chunks for i in c.ids] == ["a", "b", "c", "d", "e"]
    assert [d for c in chunks for d in c.published] == [None, "2022-01-11T10:00", None, "2023-05-06", None]
