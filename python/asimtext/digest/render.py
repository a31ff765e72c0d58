"""Markdown and HTML renderings of a :class:`~asimtext.digest.model.Digest`.

Both follow :mod:`asimtext.digest.page` (what an editor reads, in which
order). The HTML page is one self-contained file: inline CSS and SVG, no
script, no font or image from the network; ``lang`` attributes on every text
from the articles; a layout for phones and one for print. In the Markdown
every field from the input is escaped (no raw HTML passes through).
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from typing import TYPE_CHECKING, Any, List, Optional, Sequence

from asimtext.digest.humanize import short_date
from asimtext.digest.page import (
    MAX_KEY_FACTS,
    ConflictView,
    EventView,
    FactView,
    Page,
    Quote,
    SeriesView,
    StoryView,
    build_page,
)

if TYPE_CHECKING:  # pragma: no cover
    from asimtext.digest.model import Digest

__all__ = ["to_markdown", "to_html", "md_escape"]


def _n(count: int, noun: str, plural: str = "") -> str:
    """``1 outlet``, ``2 outlets``."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


LEGEND = [
    ("Story", "articles that report the same events, in any language."),
    ("Key fact", "a date, number, amount or duration, with the sentences that state it."),
    ("“3 of 5 outlets”", "how many of the story's outlets state the same value: "
                         "more outlets, better corroborated."),
    ("Update", "a number reported with different values on different days "
               "(a count that grows), not a disagreement."),
    ("Conflict", "two outlets give different values for the same thing on the same day."),
    ("Copied text", "a passage found word for word in two articles: one outlet copied "
                    "the other, or both used the same agency text."),
    ("Date from the header", "the article had no date field; its date comes from a "
                             "line such as “Published: 11 Jan 2022”."),
    ("Date from the story", "the article states no date; it is given its story's latest "
                            "date."),
    ("Outlet not named", "neither the input nor the text names the outlet; the article's "
                         "id stands for it."),
]


def _summary_line(p: Page) -> str:
    s = f"{_n(p.n_ok, 'article')} from {_n(len(p.outlets), 'outlet')}"
    if p.span:
        s += f", {p.span}"
    s += f": {_n(len(p.stories), 'story', 'stories')} told by two outlets or more"
    s += f", {len(p.singles)} by one outlet." if p.singles else "."
    if p.n_read != p.n_ok:
        s += f" {_n(p.n_read - p.n_ok, 'input record')} skipped (listed at the end)."
    return s


# ============================================================== Markdown

# Characters with a meaning anywhere in a line (emphasis, code, links, raw HTML,
# tables, strike-through, entities), and the markers that mean something at its start.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def md_escape(s: Any) -> str:
    """Text for Markdown, on one line, shown as written: no character of it is
    read as Markdown or HTML (``<img onerror=...>`` stays text)."""
    text = str(s if s is not None else "")
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    body = _MD_INLINE.sub(r"\\\1", " ".join(text.split()))
    body = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                              else m.group(1) + m.group(2) + "\\", body)
    return lead + body + trail if body else lead


def _md_quote(q: Quote) -> str:
    return (f"{md_escape(q.before)}**{md_escape(q.mark)}**{md_escape(q.after)} "
            f"— *{md_escape(q.outlet)}*")


def _md_fact(f: FactView) -> List[str]:
    head = f"- **{md_escape(f.value)}**"
    if f.label:
        head += f" — {md_escape(f.label)}"
    head += f" ({md_escape(f.kind_words)}; {f.n_outlets} of {f.of_outlets} outlets"
    if f.n_mentions > f.n_outlets:
        head += f", {f.n_mentions} mentions"
    head += ")"
    out = [head]
    for q in f.quotes[:3]:
        out.append(f"  - {_md_quote(q)}")
    if len(f.quotes) > 3:
        out.append(f"  - and {_n(len(f.quotes) - 3, 'more outlet')}")
    return out


def _md_story(s: StoryView) -> List[str]:
    out = [f"## {md_escape(s.headline)}", ""]
    out.append(_story_meta(s, md_escape) + "")
    out.append("")
    if s.facts:
        out += ["### Key facts", ""]
        for f in s.facts:
            out += _md_fact(f)
        out.append("")
    if s.single_facts:
        out.append(f"{_n(len(s.single_facts), 'value')} stated by one outlet only: "
                   + ", ".join(md_escape(f.value) for f in s.single_facts[:30])
                   + ("…" if len(s.single_facts) > 30 else "") + ".")
        out.append("")
    if s.updates:
        out += ["### Updates", ""]
        for u in s.updates:
            out.append(f"- {md_escape(u.label)}: " + " → ".join(
                f"{md_escape(v)} ({md_escape(short_date(day))})" for day, _x, v, _o in u.points))
        out.append("")
    if s.conflicts:
        out += ["### Conflicts", ""]
        for c in s.conflicts:
            out.append(f"- {md_escape(c.what)}" + (f" ({md_escape(c.label)})" if c.label else "")
                       + ":")
            for n, (value, q) in enumerate(c.sides):
                out.append(f"  - **{md_escape(value)}**: {_md_quote(q)}")
                if n < len(c.also) and c.also[n]:
                    out.append(f"    (also {md_escape(_and(c.also[n]))})")
        out.append("")
    if s.copies or s.passages:
        out += ["### Copied text", ""]
        for c in s.copies:
            out.append(f"- {md_escape(c.a)} and {md_escape(c.b)}: {md_escape(c.words)}.")
        for p in s.passages:
            out.append("")
            out.append(f"> {md_escape(p.text)}")
            out.append(">")
            out.append(f"> — {_n(p.words, 'word')}, in {md_escape(_and(p.where))}")
        if s.n_passages_total > len(s.passages):
            out += ["", f"({_n(s.n_passages_total - len(s.passages), 'more shared passage')} "
                        "in the JSON.)"]
        out.append("")
    if s.events or s.context_events or s.history or s.later:
        out += ["### Timeline", ""]
        for e in s.events:
            out.append(_md_event(e))
        for title, evs in (("Also mentioned", s.context_events),
                           ("Earlier dates (history)", s.history),
                           ("Later dates mentioned", s.later)):
            if evs:
                out.append(f"- *{title}:*")
                out += ["  " + _md_event(e) for e in evs]
        out.append("")
    out += ["### Articles", ""]
    for a in s.articles:
        out.append(f"- {md_escape(a.outlet)}: {md_escape(a.headline or '(no headline)')} — "
                   f"{md_escape(a.date)}" + (f" ({md_escape(a.date_note)})" if a.date_note
                                            else ""))
    out.append("")
    return out


def _md_event(e: EventView) -> str:
    s = f"- **{md_escape(e.date)}** ({md_escape(_and(e.outlets))})"
    if e.quote is not None:
        s += f": {md_escape(e.quote.before)}**{md_escape(e.quote.mark)}**" \
             f"{md_escape(e.quote.after)}"
    return s


def _story_meta(s: StoryView, esc: Any) -> str:
    parts = [f"{_n(s.n_articles, 'article')} from {_n(len(s.outlets), 'outlet')}: "
             + esc(_and(s.outlets))]
    if s.langs:
        parts.append(esc(_and(s.langs)))
    if s.span:
        parts.append(esc(s.span))
    return "; ".join(parts) + "."


def to_markdown(d: "Digest") -> str:
    """The page in Markdown (every input field escaped)."""
    p = build_page(d)
    out = ["# News digest", "", md_escape(_summary_line(p)), ""]
    if p.stories:
        out += ["## Stories", ""]
        for i, s in enumerate(p.stories, 1):
            out.append(f"{i}. {md_escape(s.headline)} — {len(s.outlets)} outlets"
                       + (f", {md_escape(s.span)}" if s.span else ""))
        out.append("")
    out += ["**How to read this page.** " + " ".join(
        f"*{md_escape(t)}*: {md_escape(x)}" for t, x in LEGEND), ""]
    for s in p.stories:
        out += _md_story(s)
    if p.singles:
        out += ["## Told by one outlet", ""]
        for s in p.singles:
            out.append(f"- {md_escape(s.headline)} — {md_escape(_and(s.outlets))}"
                       + (f", {md_escape(s.span)}" if s.span else ""))
        out.append("")
    out += ["## Input", "", md_escape(f"{p.n_read} records read, {p.n_ok} used, "
                                      f"{len(p.skipped)} skipped."), ""]
    for where, reason in p.skipped:
        out.append(f"- {md_escape(where)}: skipped: {md_escape(reason)}")
    out += ["", md_escape(f"Made by {p.generator} ({p.schema})."), ""]
    return "\n".join(out).rstrip() + "\n"


# ============================================================== HTML

_CSS = """
:root{--ink:#1b1b1b;--muted:#555;--line:#d0d0d0;--accent:#1a56b0;--mark:#fff0a8;
--warn:#8a4b00;--warnbg:#fff4e5;--ok:#1e6b35}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Devanagari",
"Nirmala UI",sans-serif;margin:0 auto;max-width:54rem;padding:1rem;line-height:1.55;
color:var(--ink);background:#fff;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.3rem;margin:2rem 0 .3rem;
padding-top:.8rem;border-top:3px solid var(--ink)}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:var(--accent)}.meta{color:var(--muted);font-size:.92rem;margin:.2rem 0 .8rem}
ol.index{padding-left:1.6rem}ol.index li{margin:.35rem 0}
.index .meta{display:block;margin:0}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;
font-size:.9rem;margin:.5rem 0}dl.legend dt{font-weight:600}dl.legend dd{margin:0}
ul.facts{list-style:none;padding:0;margin:0}
ul.facts>li{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;margin:.5rem 0;
break-inside:avoid}
.value{font-size:1.15rem;font-weight:700}.label{font-weight:600}
.corr{display:inline-block;font-size:.85rem;color:var(--muted);margin-left:.4rem;
white-space:nowrap}
.bar{display:inline-block;width:4rem;height:.55rem;background:#e6e6e6;border-radius:3px;
vertical-align:middle;margin-right:.3rem;overflow:hidden}.bar i{display:block;height:100%;
background:var(--ok)}
.quote{margin:.35rem 0 0;font-size:.95rem}.quote .who{color:var(--muted);font-size:.85rem;
white-space:nowrap}
mark{background:var(--mark);color:inherit;padding:0 .1rem;border-radius:2px}
details{margin:.4rem 0}summary{cursor:pointer;color:var(--accent)}
.conflict{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.3rem 0 1rem}
.conflict>div{background:var(--warnbg);border-left:4px solid var(--warn);padding:.5rem .6rem;
break-inside:avoid}
.conflict .value{color:var(--warn)}p.label{margin:1rem 0 .3rem;padding-top:.4rem;
border-top:1px solid var(--line)}
blockquote{margin:.6rem 0;padding:.4rem .8rem;border-left:4px solid var(--accent);
background:#f3f6fb}blockquote footer{color:var(--muted);font-size:.85rem;margin-top:.3rem}
svg{display:block;max-width:100%;height:auto}svg text{font-family:inherit;font-size:12px;
fill:var(--ink)}svg.axis{width:32rem}svg.axis text{font-size:17px}svg.axis text.small{font-size:15px}
div.spark{display:flex;flex-wrap:wrap;gap:.2rem 1rem;align-items:center;margin:.4rem 0}
div.spark .label{min-width:11rem}
ol.tl{list-style:none;margin:.4rem 0;padding:0 0 0 1.1rem;border-left:2px solid var(--line)}
ol.tl li{margin:0 0 .6rem;position:relative}ol.tl li::before{content:"";position:absolute;
left:-1.5rem;top:.5rem;width:.6rem;height:.6rem;border-radius:50%;background:var(--accent)}
ol.tl.past li::before{background:#8a8a8a}
table{border-collapse:collapse;font-size:.9rem;width:100%}th,td{border-bottom:1px solid
var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
footer.page{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media (max-width:40rem){body{padding:.7rem}.conflict{grid-template-columns:1fr;gap:0}
.conflict>div+div{border-top:1px dashed var(--warn)}
dl.legend{grid-template-columns:1fr}dl.legend dd{margin-bottom:.3rem}h1{font-size:1.35rem}}
@media print{body{max-width:none;font-size:10.5pt}a{color:inherit;text-decoration:none}
h2{break-before:auto;break-after:avoid}h3{break-after:avoid}summary{color:inherit}
.conflict>div,blockquote{background:none}}
"""


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s))


def _lang_attr(lang: Optional[str]) -> str:
    return f' lang="{_e(lang)}"' if lang and lang != "mixed" else ""


def _h_quote(q: Quote) -> str:
    return (f'<p class="quote"><span{_lang_attr(q.lang)}>{_e(q.before)}<mark>{_e(q.mark)}'
            f"</mark>{_e(q.after)}</span> <span class=\"who\">— {_e(q.outlet)}</span></p>")


def _h_fact(f: FactView) -> str:
    share = f.n_outlets / max(f.of_outlets, 1)
    b = ["<li>", f'<span class="value">{_e(f.value)}</span>']
    if f.label:
        b.append(f' <span class="label">{_e(f.label)}</span>')
    b.append(f' <span class="corr"><span class="bar" aria-hidden="true"><i style="width:'
             f'{100 * share:.0f}%"></i></span>{f.n_outlets} of {f.of_outlets} outlets'
             f" · {_e(f.kind_words)}</span>")
    for q in f.quotes[:2]:
        b.append(_h_quote(q))
    if len(f.quotes) > 2:
        b.append(f"<details><summary>{_n(len(f.quotes) - 2, 'more outlet')}</summary>"
                 + "".join(_h_quote(q) for q in f.quotes[2:]) + "</details>")
    b.append("</li>")
    return "".join(b)


MAX_CONFLICTS = 6


def _h_conflict(c: ConflictView) -> str:
    head = f'<p class="label">{_e(c.label)}</p>' if c.label else ""
    also = list(c.also) + [[]] * (len(c.sides) - len(c.also))
    sides = "".join(
        f'<div><span class="value">{_e(v)}</span> <span class="who">— {_e(q.outlet)}</span>'
        f"{_h_quote_body(q)}"
        + (f'<p class="who">also {_e(_and(more))}</p>' if more else "")
        + "</div>" for (v, q), more in zip(c.sides, also))
    return f'{head}<div class="conflict">{sides}</div>'


def _h_conflicts(cs: Sequence[ConflictView]) -> str:
    """Conflicts by type, the type said once; past a few, folded."""
    b = ["<h3>Conflicts</h3>"]
    for what in dict.fromkeys(c.what for c in cs):
        group = [c for c in cs if c.what == what]
        b.append(f"<p>{_e(what)}:</p>" + "".join(map(_h_conflict, group[:MAX_CONFLICTS])))
        if len(group) > MAX_CONFLICTS:
            b.append(f"<details><summary>{_n(len(group) - MAX_CONFLICTS, 'more conflict')}"
                     "</summary>" + "".join(map(_h_conflict, group[MAX_CONFLICTS:]))
                     + "</details>")
    return "".join(b)


def _h_quote_body(q: Quote) -> str:
    return (f'<p class="quote"{_lang_attr(q.lang)}>{_e(q.before)}<mark>{_e(q.mark)}</mark>'
            f"{_e(q.after)}</p>")


def _sparkline(u: SeriesView) -> str:
    """A small line chart of a series (inline SVG): the first and the last value
    and day labelled, so that the change reads without an axis."""
    w, h, left, right, top = 320, 64, 64, 70, 8
    xs = [p[0].toordinal() for p in u.points]
    ys = [p[1] for p in u.points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    sx = (w - left - right) / max(x1 - x0, 1)
    sy = (h - top - 22) / (y1 - y0) if y1 > y0 else 0.0

    def px(x: int) -> float:
        return left + (x - x0) * sx

    def py(y: float) -> float:
        return (h - 22 - (y - y0) * sy) if sy else (h - 22 + top) / 2

    pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys))
    first, last = u.points[0], u.points[-1]
    desc = (f"{u.label}: {first[2]} on {short_date(first[0])} to {last[2]} on "
            f"{short_date(last[0])}, {len(u.points)} reports")
    dots = "".join(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="2.6" fill="#1a56b0"/>'
                   for x, y in zip(xs, ys))
    return (f'<svg class="spark" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            f'aria-label="{_e(desc)}" xmlns="http://www.w3.org/2000/svg"><title>{_e(desc)}'
            f'</title><polyline points="{pts}" fill="none" stroke="#1a56b0" stroke-width="2"/>'
            f"{dots}"
            f'<text x="{left - 6}" y="{py(ys[0]) + 4:.1f}" text-anchor="end">{_e(first[2])}'
            "</text>"
            f'<text x="{px(x1) + 6:.1f}" y="{py(ys[-1]) + 4:.1f}">{_e(last[2])}</text>'
            f'<text x="{left}" y="{h - 2}" text-anchor="middle">{_e(short_date(first[0]))}</text>'
            f'<text x="{px(x1):.1f}" y="{h - 2}" text-anchor="middle">{_e(short_date(last[0]))}'
            "</text></svg>")


def _axis(s: StoryView) -> str:
    """The story's weeks on a time axis (inline SVG): one dot per dated event,
    the publication days shaded, ticks labelled as people write dates."""
    if s.zoom is None or not s.events:
        return ""
    lo, hi = s.zoom
    lo -= _dt.timedelta(days=1)
    hi += _dt.timedelta(days=1)
    days = max((hi - lo).days, 1)
    w, pad = 480, 26

    def px(d: _dt.date) -> float:
        return pad + (d - lo).days / days * (w - 2 * pad)

    # At most 6 labels, in a font that stays readable when a phone shrinks the axis.
    counts: dict = {}
    for e in s.events:
        if e.day is not None:
            counts[e.day] = max(counts.get(e.day, 0), len(e.outlets))
    b = [f'<line x1="{pad}" y1="34" x2="{w - pad}" y2="34" stroke="#555" stroke-width="2"/>']
    if s.published is not None:
        a, z = s.published
        b.append(f'<rect x="{px(a) - 4:.1f}" y="22" width="{max(px(z) - px(a), 0) + 8:.1f}" '
                 'height="24" fill="#d9e6f7"/>')
        b.append(f'<text x="{(px(a) + px(z)) / 2:.1f}" y="16" text-anchor="middle" '
                 'class="small">published</text>')
    # Ticks every few days; labels on the days events fall on, where they fit
    # (a label needs about 70 units in a 17 px font).
    step = next((k for k in (1, 2, 3, 7, 14, 30, 61, 91, 182, 365, 730) if days / k <= 10), 1461)
    d = lo + _dt.timedelta(days=1)
    while d < hi:
        b.append(f'<line x1="{px(d):.1f}" y1="34" x2="{px(d):.1f}" y2="40" stroke="#555"/>')
        d += _dt.timedelta(days=step)
    last_x = -1e9
    for day in sorted(counts):
        x = px(day)
        if x - last_x >= 70:
            b.append(f'<text x="{x:.1f}" y="62" text-anchor="middle">{_e(short_date(day))}'
                     "</text>")
            last_x = x
    for day, n in sorted(counts.items()):
        r = 4 + min(n, 5)
        b.append(f'<circle cx="{px(day):.1f}" cy="34" r="{r}" fill="#1a56b0" stroke="#fff" '
                 f'stroke-width="1.5"><title>{_e(short_date(day))}: {n} outlets</title>'
                 "</circle>")
    desc = (f"Time axis from {short_date(lo)} to {short_date(hi)} {hi.year}: "
            + ", ".join(f"{short_date(k)} ({_n(v, 'outlet')})" for k, v in sorted(counts.items())))
    return (f'<svg class="axis" viewBox="0 0 {w} 70" role="img" aria-label="{_e(desc)}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{_e(desc)}</title>{"".join(b)}</svg>')


def _h_events(evs: Sequence[EventView], cls: str = "") -> str:
    items = []
    for e in evs:
        q = ""
        if e.quote is not None:
            q = _h_quote_body(e.quote)
        items.append(f"<li><b>{_e(e.date)}</b> <span class=\"who\">— {_e(_and(e.outlets))}"
                     f"</span>{q}</li>")
    return f'<ol class="tl{(" " + cls) if cls else ""}">' + "".join(items) + "</ol>"


def _h_story(s: StoryView) -> str:
    b = [f'<section id="{_e(s.id)}" aria-labelledby="{_e(s.id)}-h">',
         f'<h2 id="{_e(s.id)}-h"{_lang_attr(s.headline_lang)}>{_e(s.headline)}</h2>',
         f'<p class="meta">{_story_meta(s, _e)}</p>']
    if s.facts:
        shown, folded = s.facts[:MAX_KEY_FACTS], s.facts[MAX_KEY_FACTS:]
        b.append("<h3>Key facts</h3><ul class=\"facts\">" + "".join(map(_h_fact, shown))
                 + "</ul>")
        if folded:
            b.append(f"<details><summary>{_n(len(folded), 'more fact')} stated by two outlets "
                     "or more</summary><ul class=\"facts\">" + "".join(map(_h_fact, folded))
                     + "</ul></details>")
    if s.single_facts:
        b.append(f"<details><summary>{_n(len(s.single_facts), 'value')} stated by one outlet "
                 "only</summary><ul class=\"facts\">" + "".join(map(_h_fact, s.single_facts))
                 + "</ul></details>")
    if s.n_facts_total > len(s.facts) + len(s.single_facts):
        rest = s.n_facts_total - len(s.facts) - len(s.single_facts)
        b.append(f'<p class="meta">{_n(rest, "more value")} in the JSON output.</p>')
    if s.updates:
        b.append("<h3>Updates</h3>")
        for u in s.updates:
            b.append(f'<div class="spark"><span class="label">{_e(u.label)}</span>'
                     f"{_sparkline(u)}</div>")
            if u.quotes:
                b.append(f"<details><summary>the {_n(len(u.quotes), 'report')}</summary>"
                         + "".join(_h_quote(q) for q in u.quotes) + "</details>")
    if s.conflicts:
        b.append(_h_conflicts(s.conflicts))
    if s.copies or s.passages:
        b.append("<h3>Copied text</h3><ul>")
        for c in s.copies:
            b.append(f"<li>{_e(c.a)} and {_e(c.b)}: {_e(c.words)}.</li>")
        b.append("</ul>")
        for p in s.passages:
            b.append(f"<blockquote{_lang_attr(p.lang)}>{_e(p.text)}<footer lang=\"en\">"
                     f"{_n(p.words, 'word')}, word for word in {_e(_and(p.where))}</footer>"
                     "</blockquote>")
        if s.n_passages_total > len(s.passages):
            more = _n(s.n_passages_total - len(s.passages), "more shared passage")
            b.append(f'<p class="meta">{more} in the JSON output.</p>')
    if s.events or s.context_events or s.history or s.later:
        b.append("<h3>Timeline</h3>")
        if s.events:
            b.append(_axis(s))
            b.append(_h_events(s.events))
        if s.context_events:
            b.append("<p class=\"meta\">Also mentioned: " + _e(", ".join(
                e.date for e in s.context_events)) + ".</p>")
        if s.history:
            b.append("<h4>Earlier dates (history)</h4>" + _h_events(s.history, "past"))
        if s.later:
            b.append("<h4>Later dates mentioned</h4>" + _h_events(s.later, "past"))
    b.append(f"<details><summary>The {_n(s.n_articles, 'article')}</summary><table><tr>"
             "<th>outlet</th><th>headline</th><th>date</th></tr>")
    for a in s.articles:
        note = f' <span class="who">({_e(a.date_note)})</span>' if a.date_note else ""
        b.append(f"<tr><td>{_e(a.outlet)}</td><td{_lang_attr(a.lang)}>"
                 f"{_e(a.headline or '—')}</td><td>{_e(a.date)}{note}</td></tr>")
    b.append("</table></details></section>")
    return "\n".join(b)


def to_html(d: "Digest") -> str:
    """One self-contained HTML page (no network, no script)."""
    p = build_page(d)
    b: List[str] = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; img-src data:\">",
        "<title>News digest</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header><h1>News digest</h1>",
        f'<p class="meta">{_e(_summary_line(p))}</p></header><main>',
    ]
    if p.stories:
        b.append('<nav aria-labelledby="idx"><h2 id="idx">Stories</h2><ol class="index">')
        for s in p.stories:
            every = len(s.outlets) == len(p.outlets) > 2
            who = f"all {len(s.outlets)} outlets" if every else _and(s.outlets)
            b.append(f'<li><a href="#{_e(s.id)}"{_lang_attr(s.headline_lang)}>{_e(s.headline)}</a>'
                     f'<span class="meta">{_e(who)}'
                     + (f" · {_e(_and(s.langs))}" if s.langs else "")
                     + (f" · {_e(s.span)}" if s.span else "")
                     + (" · " + _n(len(s.facts), "shared fact").replace(" ", "\u00a0")
                        if s.facts else "")
                     + "</span></li>")
        b.append("</ol></nav>")
    b.append("<details><summary>How to read this page</summary><dl class=\"legend\">"
             + "".join(f"<dt>{_e(t)}</dt><dd>{_e(x)}</dd>" for t, x in LEGEND)
             + "</dl></details>")
    for s in p.stories:
        b.append(_h_story(s))
    if p.singles:
        b.append('<section id="single" aria-labelledby="single-h"><h2 id="single-h">Told by one '
                 "outlet</h2><ul>")
        for s in p.singles:
            b.append(f"<li><span{_lang_attr(s.headline_lang)}>{_e(s.headline)}</span> "
                     f'<span class="who">— {_e(_and(s.outlets))}'
                     + (f", {_e(s.span)}" if s.span else "") + "</span></li>")
        b.append("</ul></section>")
    b.append('<section id="input" aria-labelledby="input-h"><h2 id="input-h">Input</h2>'
             f"<p>{p.n_read} records read, {p.n_ok} used, {len(p.skipped)} skipped.</p>")
    if p.skipped:
        b.append("<table><tr><th>where</th><th>why it was skipped</th></tr>"
                 + "".join(f"<tr><td>{_e(w)}</td><td>{_e(r)}</td></tr>" for w, r in p.skipped)
                 + "</table>")
    b.append("</section></main>")
    b.append(f'<footer class="page">Made by {_e(p.generator)} from the digest data '
             f"({_e(p.schema)}).</footer></body></html>")
    return "\n".join(b) + "\n"
