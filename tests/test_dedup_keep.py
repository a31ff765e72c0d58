"""A deduplicated dump: `asimtext dedup --keep` and `asimtext.dedup_records`."""

from __future__ import annotations

import gzip
import json

import asimtext
import pytest
from asimtext.cli import EXIT_USAGE, main
from asimtext.dedup_keep import choose_kept
from asimtext.pure.dedup import stream as pure_batch

BASE = (
    "लखनऊ में आज सुबह भारी बारिश के बाद कई इलाकों में पानी भर गया और यातायात "
    "पूरी तरह ठप हो गया नगर निगम की टीमें मौके पर पहुंचीं"
)
OTHER = "The state cabinet approved a new policy for solar power plants in 14 districts on Monday"
THIRD = "कानपुर के पुलिस कमिश्नर ने 2022 में वीआरएस लिया और फिर राजनीति में कदम रखा था"

# Clusters: {1, 3, 5} (copies of BASE), {2}, {4, 6} (THIRD). Ids are ints on
# purpose (they must stay ints), fields beyond the usual ones must survive.
ROWS = [
    {"id": 1, "text": BASE, "published": "2024-03-12T10:00:00+05:30", "tags": ["rain"], "score": 0.5},
    {"id": 2, "text": OTHER, "published": "2024-03-11", "tags": [], "score": 1.0},
    {"id": 3, "text": BASE + " बताया गया", "published": "2024-03-12", "extra": {"a": 1}},
    {"id": 4, "text": THIRD, "published": None},
    {"id": 5, "text": BASE.replace("आज", "आज़"), "published": "2024-03-12T03:00:00Z"},
    {"id": 6, "text": THIRD.replace("2022", "२०२२"), "published": "2024-01-01"},
]


def _brute_clusters(texts, threshold=0.8):
    """Connected components of all pairs at or above the threshold, from the
    pure-Python twin's exact Jaccard (no LSH): what the index must find."""
    idx = pure_batch.StreamDedup(threshold=threshold)
    idx.add(texts)
    parent = list(range(len(texts)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if idx.jaccard(i, j) >= threshold:
                parent[max(find(i), find(j))] = min(find(i), find(j))
    return [find(i) for i in range(len(texts))]


def test_fixture_clusters_are_what_the_test_says():
    assert _brute_clusters([r["text"] for r in ROWS]) == [0, 1, 0, 3, 0, 3]


@pytest.mark.parametrize(
    "keep,kept_ids",
    [
        ("first", [1, 2, 4]),
        ("longest", [2, 3, 4]),  # 4 and 6 are equally long: the first stays
        ("earliest", [2, 3, 6]),  # see test_earliest_orders_instants_not_strings
    ],
)
def test_dedup_records_keeps_one_per_cluster(keep, kept_ids):
    r = asimtext.dedup_records(ROWS, keep=keep)
    assert [d["id"] for d in r.kept] == kept_ids
    # the very objects given, in input order, every field intact
    assert all(any(k is row for row in ROWS) for k in r.kept)
    assert r.mask == [row["id"] in kept_ids for row in ROWS]
    assert r.clusters == 3
    removed = {d["id"]: d for d in r.removed}
    assert sorted(removed) == sorted(set(range(1, 7)) - set(kept_ids))
    for d in r.removed:
        assert d["duplicate_of"] in kept_ids
        assert isinstance(d["id"], int) and isinstance(d["duplicate_of"], int)
        assert ROWS[d["index"]]["id"] == d["id"]
        assert 0.0 < d["jaccard"] <= 1.0
        assert d["nearest_jaccard"] >= 0.8


def test_earliest_orders_instants_not_strings():
    # 2024-03-12 (midnight UTC) < 03:00Z < 10:00+05:30 (04:30Z): row 3 is the earliest
    # of its cluster; THIRD's copies: 2024-01-01 beats no date at all.
    r = asimtext.dedup_records(ROWS, keep="earliest")
    by_id = {d["id"]: d["duplicate_of"] for d in r.removed}
    assert by_id == {1: 3, 5: 3, 4: 6}


def test_jaccard_is_the_exact_one():
    r = asimtext.dedup_records(ROWS, keep="first")
    idx = pure_batch.StreamDedup()
    idx.add([row["text"] for row in ROWS])
    for d in r.removed:
        assert d["jaccard"] == pytest.approx(idx.jaccard(d["index"], d["duplicate_of_index"]), abs=1e-6)


def test_records_the_reader_rejects_are_skipped_and_counted():
    rows = ROWS + [{"id": 7, "text": ""}, {"id": 8}, "free text is an article too"]
    r = asimtext.dedup_records(rows)
    assert [s.reason for s in r.skipped] == ["empty text", "missing text field 'text'"]
    assert r.mask[-3:] == [False, False, True]
    assert len(r.kept) + len(r.removed) + len(r.skipped) == len(rows)


def test_bad_keep():
    with pytest.raises(ValueError, match="keep must be one of"):
        asimtext.dedup_records(ROWS, keep="last")
    with pytest.raises(ValueError, match="keep must be one of"):
        choose_kept([0], "random", [1], [None])


def test_dataframe_and_arrow_table_come_back_as_themselves():
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    df = pd.DataFrame(ROWS).set_index(pd.Index([10, 11, 12, 13, 14, 15]))
    r = asimtext.dedup_records(df, keep="first")
    assert list(r.kept.index) == [10, 11, 13]
    assert list(r.kept.columns) == list(df.columns)
    rows = [{k: v for k, v in row.items() if k in ("id", "text", "published")} for row in ROWS]
    t = pa.Table.from_pylist(rows)
    rt = asimtext.dedup_records(t, keep="longest")
    assert rt.kept.schema == t.schema
    assert rt.kept.column("id").to_pylist() == [2, 3, 4]


# ---------------------------------------------------------------- the CLI


def _lines(rows):
    return [json.dumps(r, ensure_ascii=False) for r in rows]


def test_cli_keep_first_writes_the_input_lines_verbatim(tmp_path, capsys):
    lines = _lines(ROWS)
    # odd but valid JSON spacing must survive byte for byte
    lines[1] = lines[1].replace('"id": 2', '"id":2 ')
    src = tmp_path / "dump.jsonl"
    src.write_text(lines[0] + "\n{not json\n\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    out, rm = tmp_path / "out.jsonl", tmp_path / "removed.jsonl"
    code = main(["dedup", str(src), "--keep", "first", "-o", str(out), "--removed", str(rm)])
    err = capsys.readouterr().err
    assert code == 0
    assert "malformed JSON" in err and "3 kept, 3 removed" in err
    assert out.read_text(encoding="utf-8").splitlines() == [lines[0], lines[1], lines[3]]
    removed = [json.loads(x) for x in rm.read_text(encoding="utf-8").splitlines()]
    assert [(d["id"], d["duplicate_of"]) for d in removed] == [("3", "1"), ("5", "1"), ("6", "4")]
    assert removed[0]["where"] == f"{src}:5" and removed[0]["duplicate_of_where"] == f"{src}:1"
    assert all(0.8 <= d["nearest_jaccard"] <= 1 for d in removed)


def test_cli_keep_longest_gzip_in_parquet_out(tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "dump.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write("\n".join(_lines(ROWS)) + "\n")
    out = tmp_path / "out.parquet"
    assert main(["dedup", str(src), "--keep", "longest", "-o", str(out), "-q"]) == 0
    t = pq.read_table(out)
    assert t.column("id").to_pylist() == [2, 3, 4]
    assert t.column("extra").to_pylist()[1] == {"a": 1}


def test_cli_parquet_in_jsonl_out(tmp_path, capsys):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": r["id"], "text": r["text"], "published": r["published"]} for r in ROWS]
    src = tmp_path / "dump.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src)
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(src), "--keep", "earliest", "-o", str(out), "-q"]) == 0
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert got == [rows[1], rows[2], rows[5]]


def test_cli_keep_refuses_stdin_and_stray_options(tmp_path, capsys):
    src = tmp_path / "d.jsonl"
    src.write_text("\n".join(_lines(ROWS)) + "\n", encoding="utf-8")
    assert main(["dedup", "-", "--keep", "first"]) == EXIT_USAGE
    assert "standard input" in capsys.readouterr().err
    assert main(["dedup", str(src), "--removed", str(tmp_path / "r.jsonl")]) == EXIT_USAGE
    assert "--removed needs --keep" in capsys.readouterr().err
    assert main(["dedup", str(src), "--keep", "first", "--clusters"]) == EXIT_USAGE


def test_a_list_of_plain_strings_is_texts_not_paths():
    texts = [ROWS[0]["text"], ROWS[1]["text"], ROWS[2]["text"]]
    r = asimtext.dedup_records(texts)
    assert r.kept == texts[:2]
    assert [(d["index"], d["duplicate_of_index"]) for d in r.removed] == [(2, 0)]


def test_cli_keep_survives_a_truncated_gzip(tmp_path, capsys):
    lines = _lines(ROWS * 30)
    lines = [json.dumps({**json.loads(x), "id": i}, ensure_ascii=False) for i, x in enumerate(lines)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(src), "--keep", "first", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "unreadable compressed data" in err
    got = out.read_text(encoding="utf-8").splitlines()
    assert got and set(got) <= set(lines)
    assert [json.loads(x)["id"] for x in got] == sorted(json.loads(x)["id"] for x in got)
