"""Score a story assignment against the labelled event set (tests/data/events/).

Two articles belong together when they report the same real-world event (the
``event`` label of ``tests/data/events/events.jsonl``). A digest's stories are
scored on article pairs:

* pairwise precision: of the pairs put in one story, the share that are one event;
* pairwise recall: of the pairs that are one event, the share put in one story;
* mixed stories: stories holding articles of two or more events (the number, and
  which events they mix);
* fragmentation: per event, the number of stories its articles end up in (1 is
  right) and the share held by its largest story.

``score(assignment, records)`` accepts a :class:`asimtext.digest.Digest` (its
``articles`` carry ``id`` and ``story``), a mapping ``id -> story``, or a
sequence of story labels aligned with ``records``. An article without a story
(skipped, or missing from the assignment) counts as a story of its own.

Run as a script to digest the set with today's ``asimtext.digest`` and print the
figures::

    python tests/events_score.py                 # all fields the data gives
    python tests/events_score.py --text-only     # id and text only
    python tests/events_score.py --json          # the figures as JSON
    python tests/events_score.py --stories       # and each story's articles
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Dict, Hashable, List, Mapping, Optional, Sequence

DATA = Path(__file__).resolve().parent / "data" / "events" / "events.jsonl"

__all__ = ["DATA", "digest_inputs", "format_report", "format_stories", "load_records", "score", "stories_of"]


def load_records(path: Path = DATA) -> List[Dict[str, Any]]:
    """The labelled articles, one dict per line of ``events.jsonl``."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def stories_of(assignment: Any, records: Sequence[Mapping[str, Any]]) -> List[Hashable]:
    """One story label per record (in ``records`` order), from any accepted form.

    Articles with no story get a label of their own (``("alone", id)``).
    """
    ids = [r["id"] for r in records]
    by_id: Dict[str, Any]
    if hasattr(assignment, "articles"):  # a Digest
        by_id = {a["id"]: a.get("story") for a in assignment.articles}
    elif isinstance(assignment, Mapping):
        by_id = dict(assignment)
    elif isinstance(assignment, Sequence) and not isinstance(assignment, (str, bytes)):
        if len(assignment) != len(records):
            raise ValueError(
                f"assignment has {len(assignment)} labels for {len(records)} records"
            )
        by_id = dict(zip(ids, assignment))
    else:
        raise TypeError(
            "assignment must be a Digest, a mapping id -> story or a sequence of labels, "
            f"not {type(assignment).__name__}"
        )
    out: List[Hashable] = []
    for i in ids:
        s = by_id.get(i)
        out.append(("alone", i) if s is None else s)
    return out


def _pairs(sizes: Sequence[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def score(assignment: Any, records: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """Pairwise precision/recall, mixed stories and per-event fragmentation.

    ``records`` are dicts with ``id`` and ``event`` (as in ``events.jsonl``).
    Returns a dict of plain values (JSON-serialisable).
    """
    events = [r["event"] for r in records]
    stories = stories_of(assignment, records)
    cell = Counter(zip(stories, events))
    story_size = Counter(stories)
    event_size = Counter(events)
    same_both = _pairs(list(cell.values()))
    same_story = _pairs(list(story_size.values()))
    same_event = _pairs(list(event_size.values()))
    precision = same_both / same_story if same_story else 1.0
    recall = same_both / same_event if same_event else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    events_in_story: Dict[Hashable, Counter] = defaultdict(Counter)
    stories_of_event: Dict[str, Counter] = defaultdict(Counter)
    for (s, e), n in cell.items():
        events_in_story[s][e] += n
        stories_of_event[e][s] += n
    mixed = []
    for s, evs in events_in_story.items():
        if len(evs) > 1:
            mixed.append(
                {"story": str(s), "size": sum(evs.values()), "events": dict(evs.most_common())}
            )
    mixed.sort(key=lambda m: (-m["size"], m["story"]))
    frag = {}
    for e in sorted(event_size):
        parts = stories_of_event[e]
        frag[e] = {
            "articles": event_size[e],
            "stories": len(parts),
            "largest_share": round(max(parts.values()) / event_size[e], 3),
        }
    multi = [e for e in frag if frag[e]["articles"] > 1]
    return {
        "articles": len(records),
        "events": len(event_size),
        "stories": len(story_size),
        "pairs_same_event": same_event,
        "pairs_same_story": same_story,
        "pairs_both": same_both,
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(f1, 4),
        "mixed_stories": len(mixed),
        "mixed": mixed,
        "events_split": sum(1 for e in multi if frag[e]["stories"] > 1),
        "mean_stories_per_event": round(
            sum(frag[e]["stories"] for e in multi) / len(multi), 3
        )
        if multi
        else 0.0,
        "fragmentation": frag,
    }


def format_report(res: Mapping[str, Any]) -> str:
    """The figures of :func:`score` as a short text report."""
    lines = [
        f"{res['articles']} articles, {res['events']} events, {res['stories']} stories",
        f"pairwise precision {res['pairwise_precision']:.3f}  recall {res['pairwise_recall']:.3f}"
        f"  F1 {res['pairwise_f1']:.3f}  (pairs: {res['pairs_both']} right of "
        f"{res['pairs_same_story']} joined, {res['pairs_same_event']} to join)",
        f"stories mixing events: {res['mixed_stories']}",
    ]
    for m in res["mixed"]:
        evs = ", ".join(f"{e} x{n}" for e, n in m["events"].items())
        lines.append(f"  {m['story']} ({m['size']}): {evs}")
    lines.append(
        f"events split over several stories: {res['events_split']}"
        f" (mean stories per event of 2+ articles: {res['mean_stories_per_event']})"
    )
    for e, f in res["fragmentation"].items():
        lines.append(
            f"  {e:48s} {f['articles']:3d} articles -> {f['stories']:2d} stories"
            f" (largest {f['largest_share']:.2f})"
        )
    return "\n".join(lines)


def digest_inputs(records: Sequence[Mapping[str, Any]], text_only: bool = False) -> List[Dict[str, Any]]:
    """The records as digest input: the article fields only (never the label).

    ``text_only`` keeps ``id`` and ``text``, to measure grouping from the text alone.
    """
    keep = ("id", "text") if text_only else ("id", "text", "title", "source", "url", "published", "lang")
    return [{k: r[k] for k in keep if r.get(k) is not None} for r in records]


def format_stories(assignment: Any, records: Sequence[Mapping[str, Any]]) -> str:
    """Each story's articles (id, event label, start of title or text), for reading."""
    stories = stories_of(assignment, records)
    members: Dict[Hashable, List[Mapping[str, Any]]] = defaultdict(list)
    for s, r in zip(stories, records):
        members[s].append(r)
    lines = []
    for s, rs in sorted(members.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        evs = Counter(r["event"] for r in rs)
        lines.append(f"{s} ({len(rs)} articles, {len(evs)} event{'s' if len(evs) > 1 else ''})")
        for r in rs:
            head = " ".join((r.get("title") or r["text"]).split())[:70]
            lines.append(f"  {r['id']:22s} {r['event']:46s} {head}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DATA), help="events.jsonl (default: the test set)")
    ap.add_argument("--text-only", action="store_true", help="give the digest only id and text")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--stories", action="store_true", help="also list each story's articles")
    args = ap.parse_args(argv)

    import asimtext

    records = load_records(Path(args.path))
    d = asimtext.digest(digest_inputs(records, args.text_only))
    res = score(d, records)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print(format_report(res))
    if args.stories:
        print(format_stories(d, records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
