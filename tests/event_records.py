"""The checks every labelled event set shares (tests/data/events/ and
tests/data/events-heldout/): one definition of what a record must hold."""

from __future__ import annotations

import re
from collections import Counter

from asimtext import Article

_EVENT_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")


def check_fields(records: list, required: tuple) -> None:
    """Unique ids; every ``required`` field set; a known language, an event id of
    words joined by ``-``, a trimmed text of 40 to 4,000 characters, a title taken
    from the text; every record a valid digest input (``Article.from_dict``)."""
    ids = Counter(r["id"] for r in records)
    assert not [i for i, n in ids.items() if n > 1], "duplicate ids"
    for n, r in enumerate(records, 1):
        for k in required:
            assert r.get(k), f"line {n} ({r.get('id')}): no {k}"
        assert r["lang"] in {"hi", "en", "mixed"}, f"line {n}: lang {r['lang']!r}"
        assert _EVENT_ID.fullmatch(r["event"]), f"line {n}: event id"
        assert 40 <= len(r["text"]) <= 4000, f"line {n}: text of {len(r['text'])} chars"
        assert r["text"] == r["text"].strip(), f"line {n}: text not trimmed"
        if r.get("title"):
            assert r["title"] in r["text"], f"line {n}: title is not the article's own"
        Article.from_dict(r)
