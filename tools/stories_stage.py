"""The digest's stories stage alone, step by step: CPU and peak RSS of each step.

    python tools/stories_stage.py /tmp/asimtext-news-100000-1.jsonl

Reads a JSON Lines corpus (``benches/digest_corpus.py`` writes one), runs the
digest's stages up to the grouping as ``keep="stories"`` does (pages split into
units, spans dropped after the prepare stage), then :func:`group_stories` with
each of its steps timed (``time.process_time``: all threads) and its peak RSS
measured alone (Linux: the high-water mark is reset before each step through
``/proc/self/clear_refs``; elsewhere the peaks are the process's so far). Prints
one line per step, then the stage's total and a checksum of the groups (to
compare two versions of the code on one corpus).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from typing import Any, Callable

from asimtext.digest import keys as _keys
from asimtext.digest import pipeline as P
from asimtext.digest import stories as _stories
from asimtext.digest import units as _units
from asimtext.digest.backend import default_backend
from asimtext.digest.core import DigestParams
from asimtext.digest.records import Doc


def _status(field: str) -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


_PEAKS = [0]  # the highest peak of the steps (each step resets the mark)


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*a: Any, **k: Any) -> Any:
        _PEAKS[0] = max(_PEAKS[0], _status("VmHWM"))
        _reset_peak()
        wall, cpu = time.time(), time.process_time()
        out = fn(*a, **k)
        _PEAKS[0] = max(_PEAKS[0], _status("VmHWM"))
        print(f"  {name:22s} cpu {time.process_time() - cpu:7.2f} s  wall "
              f"{time.time() - wall:7.2f} s  peak {_status('VmHWM'):6d} MB  "
              f"after {_status('VmRSS'):6d} MB", flush=True)
        return out
    return run


def main(argv: Any = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSON Lines, one article a line")
    args = ap.parse_args(argv)
    with open(args.corpus, encoding="utf-8") as f:
        loaded = P.load([json.loads(line) for line in f if line.strip()])
    pages = loaded.docs
    docs, _ = _units.unit_docs(pages, Doc)
    backend = default_backend()
    P.prepare(docs, backend, keep_spans=False)
    _units.share_metadata(docs, {p.id: p.text for p in pages})
    del pages, loaded
    print(f"{len(docs)} units; before the stage: RSS {_status('VmRSS')} MB", flush=True)
    backend = dataclasses.replace(backend, near_duplicates=_timed(
        "near-duplicates", backend.near_duplicates))
    vocab_init = _keys.Vocabulary.__init__
    _keys.Vocabulary.__init__ = _timed("vocabulary", vocab_init)  # type: ignore[method-assign]
    _keys.Vocabulary.bags = _timed("bags", _keys.Vocabulary.bags)  # type: ignore[method-assign]
    _stories.score_pairs = _timed("pair scoring", _stories.score_pairs)
    _stories.group = _timed("average link", _stories.group)
    P._scores_inside_big_stories = _timed("copy-stage pairs", P._scores_inside_big_stories)
    _reset_peak()
    wall, cpu = time.time(), time.process_time()
    stories = P.group_stories(docs, backend, DigestParams())
    print(f"stories stage: cpu {time.process_time() - cpu:.2f} s, wall {time.time() - wall:.2f} s, "
          f"peak {max(_PEAKS[0], _status('VmHWM'))} MB; {len(stories.groups)} groups, "
          f"md5 {hashlib.md5(repr(sorted(stories.groups)).encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
