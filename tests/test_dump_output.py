"""The Rust writers of the dump commands' JSON Lines (rust/py/src/dump_out.rs)
against the Python rows they replace (``json.dumps(row, ensure_ascii=False)``),
and the UTF-8 texts of the JSON Lines reader (``asimtext._core.Utf8Text``)
against ``str`` in the batch calls that read them."""

from __future__ import annotations

import json

import asimtext
from asimtext import _core
from hypothesis import given, settings
from hypothesis import strategies as st

# Text with what JSON escapes (quotes, backslashes, every control character),
# what it must not (DEL, U+2028, NBSP), Devanagari, digits, dates, money and
# characters beyond the BMP.
ALPHABET = st.sampled_from(
    [chr(c) for c in range(0x20)] + list('"\\/\x7f\u2028\u00a0 abc१२३0123456789-:₹%')
    + ["नमस्ते", " 12 जनवरी 2024 ", " Rs 5 lakh ", "🙏", " 10:30 बजे ", "\u200d", "\ufeff"]
)
TEXTS = st.lists(st.lists(ALPHABET, min_size=1, max_size=30).map("".join), min_size=1, max_size=8)


def python_spans_rows(texts, ids, id_field, reference_date=None, kinds=None):
    res = asimtext.extract_batch(texts, kinds=kinds, reference_dates=reference_date)
    rows = [{id_field: i, "spans": [s.to_dict() for s in ss]} for i, ss in zip(ids, res)]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def python_normalize_rows(texts, ids, id_field, text_field, form):
    res = asimtext.normalize_batch(texts, form=form)
    rows = [{id_field: i, text_field: t} for i, t in zip(ids, res)]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


@settings(max_examples=120, deadline=None)
@given(texts=TEXTS, id_field=st.sampled_from(["id", 'i"d\n', "text"]),
       ref=st.sampled_from([None, "2024-03-01"]), kinds=st.sampled_from([None, ["date", "money"]]))
def test_spans_lines_as_python_writes_them(texts, id_field, ref, kinds):
    ids = [f"a\t{k}\"\\\u2028" for k in range(len(texts))]
    assert bytes(_core._extract_batch_jsonl(texts, ids, id_field, ref, kinds)) == python_spans_rows(
        texts, ids, id_field, ref, kinds)


@settings(max_examples=120, deadline=None)
@given(texts=TEXTS, fields=st.sampled_from([("id", "text"), ("text", "text"), ("\x01", "t\\")]),
       form=st.sampled_from(["canonical", "match", "nfc"]))
def test_normalize_lines_as_python_writes_them(texts, fields, form):
    ids = [f"{k}\x00" for k in range(len(texts))]
    got = _core._normalize_batch_jsonl(texts, ids, *fields, form)
    assert bytes(got) == python_normalize_rows(texts, ids, *fields, form)
    assert len(got) == len(bytes(got))


def test_utf8_texts_read_like_str(tmp_path):
    texts = ["नमस्ते दुनिया 12 जनवरी 2024 को ₹5 लाख", "Hello 🙏 world, 10:30 am", "क" * 5000]
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({"id": str(k), "text": t}) + "\n" for k, t in enumerate(texts)),
                 encoding="utf-8")
    block = p.read_bytes()
    _kinds, _lines, ids, kept, _pubs = _core._parse_jsonl_block(block, "text", "id", "d.jsonl", 1, True)
    assert [type(t).__name__ for t in kept] == ["Utf8Text"] * 3
    assert [str(t) for t in kept] == texts and [len(t) for t in kept] == [len(t) for t in texts]
    assert repr(kept[1]) == f"Utf8Text({texts[1]!r})"
    assert asimtext.extract_batch(kept) == asimtext.extract_batch(texts)
    a, b = asimtext.StreamDedup(threshold=0.5), asimtext.StreamDedup(threshold=0.5)
    a.add(kept + kept)
    b.add(texts + texts)
    assert [x.tolist() for x in a.pairs()[:3]] == [x.tolist() for x in b.pairs()[:3]]
    assert bytes(_core._normalize_batch_jsonl(kept, ids, "id", "text")) == python_normalize_rows(
        texts, ids, "id", "text", "canonical")


def test_lines_written_to_a_file_descriptor(tmp_path):
    # Many 32-row blocks, written with writev after what the file object buffered.
    texts = [f"पंक्ति {k} " * (k % 7 + 1) for k in range(1000)]
    ids = [str(k) for k in range(1000)]
    lines = _core._normalize_batch_jsonl(texts, ids, "id", "text")
    p = tmp_path / "out.jsonl"
    with open(p, "wb") as f:
        f.write(b"head\n")
        f.flush()
        lines.write_to(f.fileno())
        lines.write_to(f.fileno())
    assert p.read_bytes() == b"head\n" + bytes(lines) * 2
    import pytest

    with pytest.raises(OSError):
        lines.write_to(-1)


def test_bad_arguments_are_typed_errors():
    import pytest

    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        _core._extract_batch_jsonl(["a", "b"], ["x"], "id")
    with pytest.raises(TypeError):
        _core._normalize_batch_jsonl(["a"], [3], "id", "text")
    with pytest.raises(UnicodeEncodeError):
        _core._normalize_batch_jsonl(["a"], ["\ud800"], "id", "text")


def test_an_id_no_output_can_hold_is_a_counted_skip(tmp_path):
    # A JSON "\ud800" escape in an id (the Python reader keeps it): the Rust
    # writers cannot encode it, so the record is skipped with its line, not a crash.
    from asimtext.dumps import normalize_dump, spans_dump

    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "a", "text": "x 5"}\n{"id": "b\\ud800", "text": "y"}\n{"id": "c", "text": "z"}\n')
    for job in (spans_dump, normalize_dump):
        seen = []
        out = tmp_path / f"{job.__name__}.jsonl"
        stats = job([str(p)], str(out), report=seen.append)
        assert (stats.read, stats.processed, stats.skipped) == (3, 2, 1)
        assert [(r.line, r.reason) for r in seen] == [(2, "id has a lone surrogate (not encodable as UTF-8)")]
        assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a", "c"]


def test_dump_commands_write_what_the_python_path_writes(tmp_path, monkeypatch):
    # The whole pipeline: Rust reader + Rust writers against the Python reader
    # (and, for Parquet-free JSON Lines, the same bytes), skips and counts included.
    import gzip

    from asimtext import dumps

    base = ["नमस्ते दुनिया 12 जनवरी 2024 को ₹5 लाख मिले", "The budget of Rs 3.5 crore was passed on 5 March",
            "पुलिस ने 10:30 बजे 25 लोगों को पकड़ा\nदूसरी पंक्ति \"उद्धरण\" \\ अंत"]
    lines = []
    for k in range(60):
        t = base[k % 3] + f" {k}" * (k % 4)
        row = {"id": f"r{k % 50}", "text": t, "source": "s", "published": ["2024-01-0%d" % (k % 9 + 1), None,
                                                                          "2024-02-30", " "][k % 4]}
        lines.append(json.dumps(row, ensure_ascii=bool(k % 2)))
        if k % 17 == 0:
            lines += ["", "not json", '{"id": "x%d", "text": ""}' % k, '{"text": "no id %d"}' % k]
    raw = ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")
    for name, data in (("d.jsonl", raw), ("d.jsonl.gz", gzip.compress(raw))):
        p = tmp_path / name
        p.write_bytes(data)
        src = [str(p)]
        jobs = {"dedup": lambda out, src=src, **kw: dumps.dedup_dump(src, out, threshold=0.5, **kw),
                "clusters": lambda out, src=src, **kw: dumps.dedup_dump(src, out, clusters=True, **kw),
                "spans": lambda out, src=src, **kw: dumps.spans_dump(src, out, reference_date="2024-03-01", **kw),
                "normalize": lambda out, src=src, **kw: dumps.normalize_dump(src, out, form="match", **kw)}
        for job_name, job in jobs.items():
            got = {}
            for fast in (True, False):
                if not fast:
                    monkeypatch.setattr(dumps, "is_fast_jsonl", lambda path: False)
                seen = []
                out = tmp_path / f"{job_name}-{fast}.jsonl"
                res = job(str(out), report=seen.append, chunk_size=7)
                stats = getattr(res, "stats", res)
                got[fast] = (out.read_bytes(), [(r.line, r.reason) for r in seen],
                             (stats.read, stats.processed, stats.skipped))
                monkeypatch.undo()
            assert got[True] == got[False], (name, job_name)
            assert got[True][0] and got[True][1]
