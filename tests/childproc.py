"""Measuring a call in a fresh process: the helpers the resource battery
(tests/test_hostile.py) and the 10x table of benches/bench_scaling.py share."""

from __future__ import annotations

import json
import subprocess
import sys


def status_kb(field: str) -> int:
    """A ``kB`` field of this process's ``/proc/self/status`` (``VmRSS``, ``VmHWM``,
    ``VmPeak``...)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(f"/proc/self/status has no {field}")


def run_json(script: str, *args: str) -> dict:
    """Run ``python script *args`` in a fresh process and return the JSON object it
    prints on its standard output; a failing child raises ``CalledProcessError``
    with its standard error."""
    p = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, check=True)
    return json.loads(p.stdout)
