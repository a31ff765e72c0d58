"""Shared benchmark helpers: throughput (MB/s, docs/s) and ratios, printed as
one table per group at the end of the run.

Run: pip install ".[bench]" && python -m pytest benches --benchmark-only
Sizes can be scaled down for a quick look with ASIMTEXT_BENCH_SCALE=0.1.
"""

from __future__ import annotations

import os
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))

SCALE = float(os.environ.get("ASIMTEXT_BENCH_SCALE", "1"))
_RESULTS: list = []


class cores:
    """Pin the process, rayon's worker threads included, to the first ``n`` CPUs."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __enter__(self):
        self.saved = os.sched_getaffinity(0)
        _pin_all_threads(sorted(self.saved)[: self.n])
        return self

    def __exit__(self, *exc):
        _pin_all_threads(self.saved)


def _pin_all_threads(cpus) -> None:
    # sched_setaffinity(0, ...) pins only the calling thread; rayon's worker
    # threads, started earlier, must be pinned one by one.
    for tid in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(tid), cpus)
        except OSError:
            pass


@pytest.fixture
def throughput(benchmark):
    """Run `fn` under pytest-benchmark and record MB/s and docs/s (best round),
    and the CPU seconds of that round (user + system, all threads of this
    process; a round that runs a child process may pass its own figure
    through ``cpu``, a callable giving the CPU seconds of the last call).
    ``setup`` (pytest-benchmark's) makes fresh arguments for every round;
    ``extra`` (a dict, or a callable giving one after the rounds) is stored
    with the row."""

    def run(fn, *, group, name, nbytes, ndocs=None, rounds=3, baseline=False, setup=None, cpu=None,
            extra=None):
        benchmark.group = group
        times: list = []

        def timed(*a, **k):
            c0 = time.process_time()
            t0 = time.perf_counter()
            out = fn(*a, **k)
            times.append((time.perf_counter() - t0, cpu() if cpu else time.process_time() - c0))
            return out

        warm = 1 if rounds > 1 and setup is None else 0
        result = benchmark.pedantic(timed, rounds=rounds, iterations=1, warmup_rounds=warm, setup=setup)
        best = benchmark.stats.stats.min
        cpu_s = min(times)[1] if times else None
        mbs = nbytes / best / 1e6
        dps = (ndocs / best) if ndocs else None
        benchmark.extra_info.update({"MB/s": round(mbs, 2), "docs/s": round(dps, 1) if dps else None,
                                     "label": name, "bytes": nbytes, "baseline": baseline,
                                     "cpu_s": round(cpu_s, 3) if cpu_s is not None else None,
                                     "load": round(os.getloadavg()[0], 1),
                                     **((extra() if callable(extra) else extra) or {})})
        _RESULTS.append({"group": group, "name": name, "mbs": mbs, "dps": dps, "baseline": baseline})
        return result

    return run


def pytest_terminal_summary(terminalreporter):
    if not _RESULTS:
        return
    tr = terminalreporter
    tr.section("asimtext throughput")
    groups: dict = {}
    for r in _RESULTS:
        groups.setdefault(r["group"], []).append(r)
    for group, rows in groups.items():
        bases = [r for r in rows if r["baseline"]]
        tr.write_line(f"\n[{group}]")
        head = f"{'implementation':44s} {'MB/s':>10s} {'docs/s':>12s}"
        for b in bases:
            head += f"  {'x ' + b['name'][:18]:>20s}"
        tr.write_line(head)
        for r in sorted(rows, key=lambda r: -r["mbs"]):
            line = f"{r['name']:44s} {r['mbs']:10.1f} {(r['dps'] or 0):12.0f}"
            for b in bases:
                x = r["mbs"] / b["mbs"]
                line += f"  {x:20.1f}" if x >= 1 else f"  {x:20.3f}"
            tr.write_line(line)
