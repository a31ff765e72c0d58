"""Figures of the digest on real multi-outlet news (issue 15's "done when").

    python tools/digest_quality.py ../shared/data/news-dev/covid19_hindi_5_outlets_2020-03.jsonl
    python tools/digest_quality.py tests/data/events/articles.jsonl --events tests/data/events/labels.json

Prints, as JSON: pages (input records), units, stories, facts and facts per page, the
share of number/money/percent facts that name a measure, conflicts and the share of
conflicts whose two articles were published more than two days apart (a publication
day borrowed from the story counts as none; conflicts with such an article are counted
apart), updates (and their points), timeline events with a year far from every publication date (junk
candidates). With ``--events`` (a JSON object ``article id -> event label``), also
pairwise precision/recall of the stories against the labels and the number of stories
that mix two events. Works with schema 1 digests too (for before/after figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from itertools import combinations


def _day(s):
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def quality(d, labels=None):
    doc = d.to_dict()
    pages = [a for a in doc["articles"] if a["status"] == "ok"]
    # A publication day borrowed from the story is no evidence of when a report was
    # written: such articles count as undated here.
    pub = {a["id"]: _day(a["published"]) for a in pages
           if a.get("published_origin") != "borrowed"}
    facts = doc["facts"]
    num = [f for f in facts if f["kind"] in ("number", "money", "percent")]
    measured = [f for f in num if f.get("measure")]
    far = undated = 0
    for c in doc["conflicts"]:
        a, b = (pub.get(_page(m["article"])) for m in c["mentions"])
        if a and b and abs((a - b).days) > 2:
            far += 1
        undated += not (a and b)
    years = {p.year for p in pub.values() if p}
    junk_years = [e for e in doc["timeline"]
                  if years and min(abs(int(e["date"][:4]) - y) for y in years) > 2]
    out = {
        "schema": doc["schema"],
        "pages": len(pages),
        "units": doc["counts"].get("units", len(pages)),
        "stories": len(doc["stories"]),
        "largest_story": max((len(s.get("units", s["articles"])) for s in doc["stories"]),
                             default=0),
        "facts": len(facts),
        "facts_per_page": round(len(facts) / max(1, len(pages)), 2),
        "number_facts": len(num),
        "number_facts_with_measure": len(measured),
        "conflicts": len(doc["conflicts"]),
        "conflicts_over_2_days_apart": far,
        "conflicts_over_2_days_share": round(far / max(1, len(doc["conflicts"])), 3),
        "conflicts_with_an_undated_article": undated,
        "updates": len(doc.get("updates", [])),
        "update_points": sum(len(u["points"]) for u in doc.get("updates", [])),
        "timeline": len(doc["timeline"]),
        "timeline_far_years": len(junk_years),
    }
    if labels:
        out.update(event_scores(doc, labels))
    return out


def _page(article_id):
    """The article of a unit id (``AU-2020-03-10#2`` -> ``AU-2020-03-10``)."""
    return article_id.rsplit("#", 1)[0]


def event_scores(doc, labels):
    """Pairwise precision/recall of stories (by article) against event labels, and
    the stories that hold articles of two events or more."""
    story_of = {}
    for s in doc["stories"]:
        for a in s["articles"]:
            story_of.setdefault(a, set()).add(s["id"])
    ids = sorted(a for a in labels if a in story_of)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_story = bool(story_of[a] & story_of[b])
        same_event = labels[a] == labels[b]
        tp += same_story and same_event
        fp += same_story and not same_event
        fn += same_event and not same_story
    mixed = 0
    for s in doc["stories"]:
        events = {labels[a] for a in s["articles"] if a in labels}
        mixed += len(events) > 1
    return {
        "labelled_articles": len(ids),
        "events": len(set(labels[a] for a in ids)),
        "pairwise_precision": round(tp / max(1, tp + fp), 3),
        "pairwise_recall": round(tp / max(1, tp + fn), 3),
        "stories_mixing_events": mixed,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path")
    ap.add_argument("--events", help="JSON object: article id -> event label")
    args = ap.parse_args(argv)
    import asimtext

    t0 = time.perf_counter()
    d = asimtext.digest(args.path)
    labels = None
    if args.events:
        with open(args.events, encoding="utf-8") as fh:
            labels = json.load(fh)
    q = quality(d, labels)
    q["seconds"] = round(time.perf_counter() - t0, 1)
    json.dump(q, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
