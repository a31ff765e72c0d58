"""The :class:`Article`: one news article, the unit the digest works on."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields
from typing import Any, Mapping, Optional

from asimtext.errors import ArgumentError, ArgumentTypeError, MissingKeyError

__all__ = ["Article"]

_FIELDS = ("id", "text", "title", "source", "url", "published", "lang")


def _check_str(name: str, value: Any, *, optional: bool) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        what = "a str or None" if optional else "a str"
        raise ArgumentTypeError(f"Article.{name} must be {what}, not {type(value).__name__}")


@dataclass(frozen=True)
class Article:
    """One article: ``id`` and ``text``, and where known ``title``, ``source``
    (the outlet), ``url``, ``published`` and ``lang``.

    ``published`` is an ISO 8601 date or date-time string (``2022-01-11`` or
    ``2022-01-11T11:27+05:30``); a :class:`datetime.date` or
    :class:`datetime.datetime` is accepted and stored as its ISO form.
    ``lang`` is a language code such as ``hi`` or ``en`` (or ``mixed``).

    >>> Article("a1", "असीम अरुण ने वीआरएस लिया.", source="ETV Bharat")
    Article(id='a1', source='ETV Bharat', text='असीम अरुण ने वीआरएस लिया.')
    """

    id: str
    text: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    lang: Optional[str] = None
    # Free-form provenance (file, line) filled by the loaders; not part of equality.
    origin: Optional[Mapping[str, Any]] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_str("id", self.id, optional=False)
        _check_str("text", self.text, optional=False)
        if not self.id:
            raise ArgumentError("Article.id must not be empty")
        for name in ("title", "source", "url", "lang"):
            _check_str(name, getattr(self, name), optional=True)
        pub = self.published
        if isinstance(pub, (_dt.date, _dt.datetime)):
            object.__setattr__(self, "published", pub.isoformat())
        elif pub is not None:
            _check_str("published", pub, optional=True)
            if not pub.strip():
                object.__setattr__(self, "published", None)
            elif parse_date_prefix(pub) is None:
                raise ArgumentError(
                    f"Article.published must be an ISO date (YYYY-MM-DD...), got {pub!r}"
                )

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        parts = [f"id={self.id!r}"]
        for name in ("title", "source", "published", "lang"):
            v = getattr(self, name)
            if v is not None:
                parts.append(f"{name}={v!r}")
        parts.append(f"text={text!r}")
        return f"Article({', '.join(parts)})"

    def to_dict(self) -> dict:
        """The article as a plain dict (``None`` fields included), for JSON."""
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(
        cls,
        d: Mapping[str, Any],
        *,
        text_field: str = "text",
        id_field: str = "id",
        default_id: Optional[str] = None,
    ) -> "Article":
        """Build an article from a mapping; unknown keys are ignored.

        ``text_field``/``id_field`` name the keys holding the text and the id;
        a missing id falls back to ``default_id``. Numbers as ids are turned
        into strings. Raises :class:`KeyError` for a missing text,
        :class:`TypeError`/:class:`ValueError` for wrong types or values.
        """
        if not isinstance(d, Mapping):
            raise ArgumentTypeError(f"expected a mapping, not {type(d).__name__}")
        if text_field not in d or d[text_field] is None:
            raise MissingKeyError(text_field)
        ident = d.get(id_field)
        if ident is None:
            ident = default_id
        if isinstance(ident, (int,)) and not isinstance(ident, bool):
            ident = str(ident)
        kw = {}
        for name in ("title", "source", "url", "published", "lang"):
            v = d.get(name)
            if v is not None:
                kw[name] = v
        return cls(id=ident, text=d[text_field], **kw)  # type: ignore[arg-type]

    def replace(self, **changes: Any) -> "Article":
        """A copy with some fields changed."""
        kw = {f.name: getattr(self, f.name) for f in fields(self)}
        kw.update(changes)
        return Article(**kw)


def parse_date_prefix(value: str) -> Optional[_dt.date]:
    """The calendar date at the start of an ISO date or date-time string, else None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
