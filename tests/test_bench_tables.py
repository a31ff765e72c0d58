"""tools/bench_tables.py: tables and the noise-threshold comparison of stored benchmark results."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("bench_tables", ROOT / "tools" / "bench_tables.py")
bench_tables = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_tables)


def result(path: Path, mbs: dict) -> Path:
    benches = [
        {"group": "g", "name": k, "fullname": f"benches/b.py::{k}",
         "extra_info": {"MB/s": v, "docs/s": None, "label": k, "baseline": k == "memcpy"}}
        for k, v in mbs.items()
    ]
    benches.append({"group": "g", "name": "plain", "fullname": "benches/b.py::plain", "extra_info": {}})
    path.write_text(json.dumps({"datetime": "2026-12-07T11:00:00", "commit_info": {"id": "abc"},
                                "benchmarks": benches}))
    return path


def test_compare_fails_only_beyond_the_threshold(tmp_path, capsys):
    old = result(tmp_path / "old.json", {"memcpy": 1000.0, "normalize": 500.0})
    noisy = result(tmp_path / "noisy.json", {"memcpy": 400.0, "normalize": 380.0})  # -24%
    slow = result(tmp_path / "slow.json", {"memcpy": 1000.0, "normalize": 250.0})  # -50%
    assert bench_tables.compare(old, noisy, 40) == 0
    assert bench_tables.compare(old, slow, 40) == 1
    assert "SLOWER" in capsys.readouterr().out
    # A baseline row never fails the comparison.
    assert bench_tables.compare(old, noisy, 10) == 1  # normalize -24%
    faster_base = result(tmp_path / "b.json", {"memcpy": 100.0, "normalize": 500.0})
    assert bench_tables.compare(old, faster_base, 40) == 0


def test_table_shows_ratios_to_baselines(tmp_path):
    t = bench_tables.table(result(tmp_path / "r.json", {"memcpy": 1000.0, "normalize": 500.0}))
    assert "| normalize | 500 |  | 0.50 |" in t
    assert "x memcpy" in t and "plain" not in t


def test_stored_results_render():
    for f in bench_tables.stored():
        assert "|" in bench_tables.table(f)
