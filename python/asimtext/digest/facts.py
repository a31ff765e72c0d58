"""Facts (values with every mention) and the timeline of each story."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

__all__ = ["fact_of_span", "build_facts", "build_timeline", "FACT_GROUPS"]

# The kinds a fact can have, in the order facts of equal weight are listed.
FACT_GROUPS = ("date", "datetime", "year", "time", "duration", "money", "percent", "number")


def fact_of_span(kind: str, value: str, resolved: Optional[str]) -> Optional[Tuple[str, str, bool]]:
    """``(fact kind, fact value, resolved?)`` of a span, or None if it is no fact.

    A weekday counts only once resolved to a date (then as that date); a partial
    date (``--01-15``) counts as its resolved date where there is one, so that
    ``शनिवार``, ``8 जनवरी`` and ``Saturday`` may all be the fact ``2022-01-08``.
    Ordinals are no facts.
    """
    if kind == "weekday":
        return ("date", resolved, True) if resolved else None
    if kind == "date":
        if value.startswith("--") and resolved:
            return ("date", resolved, True)
        return ("date", value, False)
    if kind in FACT_GROUPS:
        return (kind, value, False)
    return None


def _precision(value: str) -> Optional[str]:
    if not value[:4].isdigit():
        return None
    if len(value) == 4:
        return "year"
    if len(value) == 7 and value[4] == "-":
        return "month"
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return "day"
    return None


def build_facts(
    mentions: Sequence[Dict[str, Any]],
    story_of_article: Dict[str, int],
    story_ids: Sequence[str],
) -> List[Dict[str, Any]]:
    """Facts from mentions: one per (story, kind, value), with distinct sources."""
    groups: Dict[Tuple[int, str, str], List[Dict[str, Any]]] = {}
    for m in mentions:
        key = (story_of_article[m["article"]], m["fact_kind"], m["fact_value"])
        groups.setdefault(key, []).append(m)
    order = {k: i for i, k in enumerate(FACT_GROUPS)}
    facts = []
    for (story, kind, value), ms in groups.items():
        sources = sorted({m["source"] for m in ms})
        facts.append(
            {
                "story": story,
                "kind": kind,
                "value": value,
                "n_sources": len(sources),
                "sources": sources,
                "n_mentions": len(ms),
                "mentions": [_public_mention(m) for m in ms],
            }
        )
    facts.sort(
        key=lambda f: (f["story"], -f["n_sources"], -f["n_mentions"], order[f["kind"]], f["value"])
    )
    for i, f in enumerate(facts, 1):
        f["id"] = f"F{i}"
        f["story"] = story_ids[f["story"]]
    return [
        {
            k: f[k]
            for k in (
                "id",
                "story",
                "kind",
                "value",
                "n_sources",
                "sources",
                "n_mentions",
                "mentions",
            )
        }
        for f in facts
    ]


def _public_mention(m: Dict[str, Any]) -> Dict[str, Any]:
    return {
        k: m[k]
        for k in (
            "article",
            "source",
            "start",
            "end",
            "text",
            "kind",
            "value",
            "resolved",
            "sentence",
        )
    }


def build_timeline(
    mentions: Sequence[Dict[str, Any]],
    story_of_article: Dict[str, int],
    story_ids: Sequence[str],
) -> List[Dict[str, Any]]:
    """Dated events per story, in date order (a year before the dates inside it)."""
    events: Dict[Tuple[int, str], List[Dict[str, Any]]] = {}
    for m in mentions:
        if m["fact_kind"] not in ("date", "year"):
            continue
        value = m["fact_value"]
        if _precision(value) is None:
            continue
        events.setdefault((story_of_article[m["article"]], value), []).append(m)
    out = []
    for (story, value), ms in sorted(events.items()):
        first = ms[0]
        out.append(
            {
                "story": story_ids[story],
                "date": value,
                "precision": _precision(value),
                "sentence": first["sentence"]["text"],
                "article": first["article"],
                "sources": sorted({m["source"] for m in ms}),
                "n_mentions": len(ms),
                "mentions": [
                    {
                        "article": m["article"],
                        "start": m["start"],
                        "end": m["end"],
                        "text": m["text"],
                    }
                    for m in ms
                ],
            }
        )
    return out
