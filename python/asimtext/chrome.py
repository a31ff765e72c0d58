r"""Page chrome: the lines of a news page that are not its report.

A byline (``By Prabhat Khabar Digital Desk``, ``संवाददाता``), a dated label
(``Published : Jan 11, 2022``, ``अपडेटेड``, ``दिनांक: 10/01/2022``), a source line
(``Source: PTI``) or a link to another page (``यह भी पढ़ें: ...``, ``Also read``) is
never a headline and never a report's text. Defined here once, for the loader's
title guess (:func:`asimtext.io.looks_like_headline`), the units of a page
(:mod:`asimtext.digest.units`) and the date labels of :mod:`asimtext.digest.meta`;
so is what a headline line looks like (:func:`is_headline`), for the same two readers.

The patterns use the ``regex`` module, not ``re``: its ``\w`` takes Devanagari vowel
signs and viramas into a word, so ``अपडेट(?!\w)`` does not match inside ``अपडेटेड``
(with ``re`` it would: ``re`` ends a word at every vowel sign).
"""

from __future__ import annotations

import regex

__all__ = ["DATE_LABELS", "is_chrome_line", "is_chrome_at", "is_headline"]

#: Labels a dated header line starts with, by what the date is: ``(name, pattern)``,
#: in the order :func:`asimtext.digest.meta.infer_published` prefers them.
DATE_LABELS = [
    ("published", r"published(?:[ \t]+(?:on|at|date))?|posted(?:[ \t]+on)?|प्रकाशित(?:[ \t]+तिथि)?"),
    ("date", r"date|dated|दिनांक|तारीख"),
    ("updated", r"(?:last[ \t]+)?updated(?:[ \t]+(?:on|at|date))?|अपडेटेड|अपडेट"),
]
# English label words also start ordinary headlines ("Published works of Premchand...",
# "Date palms...", "Source of the leak..."): they are chrome only as labels, before a
# colon or dash, a number, a month, "by", or nothing. A Devanagari label needs only to
# end its word.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?!\w)"
_AS_LABEL = rf"(?:(?<=[\u0900-\u097f])(?!\w)|[ \t]*(?:[:：\-–|]|\d|$|{_MONTH}|by(?!\w)))"
_LABELS = "(?:" + "|".join(p for _, p in DATE_LABELS) + ")" + _AS_LABEL
_SOURCE = rf"(?:source|courtesy|स्रोत){_AS_LABEL}"
_BYLINE = r"(?:(?:edited|written|reported)[ \t]+)?by[ \t]+(?=\w)|(?:संवाददाता|ब्यूरो)(?!\w)"
_LINK = r"(?:(?:यह|ये|इसे)\s+भी\s+)?पढ़ें(?!\w)|also\s+read|read\s+(?:also|more)(?!\w)"
_CHROME = regex.compile(rf"\s*(?:{_LABELS}|{_SOURCE}|{_BYLINE}|{_LINK})", regex.IGNORECASE)


def is_chrome_line(line: str) -> bool:
    """Whether ``line`` starts as page chrome (a byline, a dated label, a source
    line or a link to another page; see the module docstring)."""
    return _CHROME.match(line) is not None


def is_chrome_at(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` starts as page chrome, read in place (a
    page without line breaks is one line: a copy per value would make it quadratic)."""
    return _CHROME.match(text, start, end) is not None


# What ends a sentence, a clause or a list (a headline ends on none of them).
_HEAD_END = ("।", ".", ":", "?", "!", "॥", "|", "-", ",", ";", "…")
_LIST_MARKER = regex.compile(r"\s*(?:\d+[.)]|[•*\-–])\s")
# A clock: a page's time stamp (``11:11 PM, 28-MAR-2020``) is not a headline.
_CLOCK = regex.compile(r"\d{1,2}:\d{2}")
_WORD = regex.compile(r"\w+")
HEADLINE_CHARS = 250


def is_headline(line: str, min_words: int, max_words: int, *, listed: bool = False) -> bool:
    """Whether a line reads like a headline: ``min_words`` to ``max_words`` words, at
    most ``HEADLINE_CHARS`` characters on one line (no tab: a table row), no
    sentence-final or clause punctuation at its end, no clock, not page chrome, and
    not a list item (``1. ...``, ``- ...``) unless ``listed``. The loader's title
    guess asks for 4 to 30 words and no list item; a page's report for 3 to
    :data:`asimtext.digest.units.MAX_HEAD_WORDS` words, listed or not (a round-up
    page numbers its reports' headlines)."""
    s = line.strip()
    if not s or len(s) > HEADLINE_CHARS or "\t" in s or s.endswith(_HEAD_END):
        return False
    if (not listed and _LIST_MARKER.match(s)) or _CLOCK.search(s) or is_chrome_line(s):
        return False
    return min_words <= len(_WORD.findall(s)) <= max_words
