"""Markdown and HTML renderings of a :class:`~asimtext.digest.model.Digest`."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, List

if TYPE_CHECKING:  # pragma: no cover
    from asimtext.digest.model import Digest

__all__ = ["to_markdown", "to_html"]

_MAX_FACTS = 25


def _n(count: int, noun: str, plural: str = "") -> str:
    """``1 source``, ``2 sources``."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def _summary(c: Dict[str, int], with_passages: bool = False) -> str:
    parts = [
        f"{_n(c['in'], 'article')} in: {c['ok']} ok, {c['skipped']} skipped",
        _n(c["stories"], "story", "stories"),
        _n(c["copy_groups"], "copy group"),
    ]
    if with_passages:
        parts.append(_n(c["passages"], "shared passage"))
    parts += [_n(c["facts"], "fact"), _n(c["conflicts"], "conflict")]
    return parts[0] + "; " + ", ".join(parts[1:])


def _md_cell(s: Any) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _corroborated(d: "Digest", story: str) -> List[Dict[str, Any]]:
    fs = [f for f in d.facts if f["story"] == story]
    multi = [f for f in fs if f["n_sources"] > 1]
    return (multi or fs)[:_MAX_FACTS]


def to_markdown(d: "Digest") -> str:
    c = d.counts
    out = ["# Digest", ""]
    out.append(_summary(c, with_passages=True) + ".")
    out.append("")
    out += [
        "## Articles",
        "",
        "| id | status | source | published | lang | story |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for a in d.articles:
        status = a["status"] if a["status"] == "ok" else f"skipped: {a['reason']}"
        src = a["source"] or ""
        if a["source_origin"] in ("inferred", "id"):
            src += f" ({a['source_origin']})"
        pub = a["published"] or ""
        if a["published_origin"] in ("inferred", "borrowed"):
            pub += f" ({a['published_origin']})"
        ident = a["id"] if a["id"] is not None else f"{a['file']}:{a['line']}"
        out.append(
            "| "
            + " | ".join(
                _md_cell(x) for x in (ident, status, src, pub, a["lang"] or "", a["story"] or "")
            )
            + " |"
        )
    out.append("")
    for s in d.stories:
        sid = s["id"]
        out += [f"## Story {sid}: {_short(s['label'] or '', 100)}", ""]
        out.append(
            f"{_n(len(s['articles']), 'article')} from {_n(len(s['sources']), 'source')} "
            f"({', '.join(s['langs'])}): " + ", ".join(f"`{a}`" for a in s["articles"])
        )
        out.append("")
        groups = [g for g in d.copy_groups if g["story"] == sid]
        if groups:
            out += ["### Copies", ""]
            for g in groups:
                for p in g["pairs"]:
                    out.append(
                        f"- `{p['a']}` ~ `{p['b']}`: {p['kind']}, Jaccard {p['jaccard']:.2f}, "
                        f"containment {p['containment']:.2f}"
                    )
            ps = [p for p in d.passages if p["story"] == sid]
            for p in ps[:10]:
                occ = ", ".join(
                    f"`{o['article']}` {o['start']}-{o['end']}" for o in p["occurrences"]
                )
                out.append(f"  - shared passage ({p['words']} words; {occ}): > {_short(p['text'])}")
            out.append("")
        facts = _corroborated(d, sid)
        if facts:
            out += [
                "### Facts",
                "",
                "| value | kind | sources | mentions | example |",
                "| --- | --- | --- | --- | --- |",
            ]
            for f in facts:
                ex = f["mentions"][0]
                out.append(
                    "| "
                    + " | ".join(
                        _md_cell(x)
                        for x in (
                            f["value"],
                            f["kind"],
                            f["n_sources"],
                            f["n_mentions"],
                            f"{ex['text']} — {_short(ex['sentence']['text'], 90)}",
                        )
                    )
                    + " |"
                )
            out.append("")
        conf = [x for x in d.conflicts if x["story"] == sid]
        if conf:
            out += ["### Conflicts", ""]
            for x in conf:
                m1, m2 = x["mentions"]
                out.append(
                    f"- {x['type']} ({x['kind']}): `{m1['article']}` says **{m1['value']}** "
                    f"({_short(m1['sentence']['text'], 100)}); `{m2['article']}` says "
                    f"**{m2['value']}** ({_short(m2['sentence']['text'], 100)})"
                )
            out.append("")
        events = [e for e in d.timeline if e["story"] == sid]
        if events:
            out += ["### Timeline", ""]
            for e in events:
                out.append(
                    f"- **{e['date']}** ({e['precision']}; {_n(len(e['sources']), 'source')}): "
                    f"{_short(e['sentence'], 140)}"
                )
            out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans","Noto Sans Devanagari",sans-serif;
margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-top:1rem}
h3{font-size:1.05rem}.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-size:.9rem;min-width:100%}
th,td{border:1px solid #ddd;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}td.y{background:#d8f0d8;text-align:center}td.n{color:#bbb;text-align:center}
.skipped{color:#a33}.muted{color:#666;font-size:.85rem}.conf{background:#fff4e5;padding:.5rem;
border-left:4px solid #e69500;margin:.5rem 0}blockquote{margin:.3rem 0 .3rem 1rem;color:#333}
svg.axis{width:100%;height:auto;max-height:4rem}svg text{font-size:12px;font-family:inherit}
ol.tl{list-style:none;margin:.5rem 0;padding:0 0 0 1.2rem;border-left:2px solid #888}
ol.tl li{position:relative;margin:0 0 .7rem}ol.tl li::before{content:"";position:absolute;
left:-1.65rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#2a6fdb}
ol.tl li.year::before{width:.5rem;height:.5rem;left:-1.55rem}
"""


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s))


def _decimal_year(date: str) -> float:
    y = int(date[:4])
    m = int(date[5:7]) if len(date) >= 7 else 7
    d = int(date[8:10]) if len(date) >= 10 else 1
    return y + (m - 1) / 12 + (d - 1) / 365


def _timeline_svg(events: List[Dict[str, Any]]) -> str:
    """A time axis (inline SVG, proportional to time) over a list of the events
    (drawn with CSS: a line, a dot per event sized by precision; text wraps on phones)."""
    if not events:
        return ""
    xs = [_decimal_year(e["date"]) for e in events]
    lo, hi = min(xs), max(xs)
    span = max(hi - lo, 1.0)
    w, pad = 600, 20

    def px(x: float) -> float:
        return pad + (x - lo) / span * (w - 2 * pad)

    parts = [f'<svg class="axis" viewBox="0 0 {w} 46" role="img" aria-label="time axis" '
             'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{pad}" y1="16" x2="{w - pad}" y2="16" stroke="#888" stroke-width="2"/>']
    last_label = -1e9
    for e, x in zip(events, xs):
        r = {"year": 3, "month": 4, "day": 5}[e["precision"]]
        parts.append(f'<circle cx="{px(x):.1f}" cy="16" r="{r}" fill="#2a6fdb">'
                     f"<title>{_e(e['date'])}</title></circle>")
        if px(x) - last_label >= 44:
            parts.append(f'<text x="{px(x):.1f}" y="38" text-anchor="middle">{_e(e["date"][:4])}'
                         "</text>")
            last_label = px(x)
    parts.append("</svg>")
    items = []
    for e in events:
        n = len(e["sources"])
        items.append(f'<li class="{_e(e["precision"])}"><b>{_e(e["date"])}</b> '
                     f'<span class="muted">{_e(e["precision"])}, {n} source{"s" if n != 1 else ""}'
                     f"</span><br>{_e(_short(e['sentence'], 220))}</li>")
    return "".join(parts) + '<ol class="tl">' + "".join(items) + "</ol>"


def to_html(d: "Digest") -> str:
    c = d.counts
    b: List[str] = [
        '<!DOCTYPE html><html><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        "<title>asimtext digest</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Digest</h1>",
        f"<p>{_e(_summary(c))}.</p>",
    ]
    b.append(
        '<h2>Articles</h2><div class="wrap"><table><tr><th>id</th><th>status</th>'
        "<th>source</th><th>published</th><th>lang</th><th>story</th></tr>"
    )
    for a in d.articles:
        cls = "" if a["status"] == "ok" else ' class="skipped"'
        status = "ok" if a["status"] == "ok" else f"skipped: {a['reason']}"
        pub = (a["published"] or "") + (
            f" ({a['published_origin']})"
            if a["published_origin"] in ("inferred", "borrowed")
            else ""
        )
        ident = a["id"] if a["id"] is not None else f"{a['file']}:{a['line']}"
        b.append(
            f"<tr{cls}><td>{_e(ident)}</td><td>{_e(status)}</td><td>{_e(a['source'])}</td>"
            f"<td>{_e(pub)}</td><td>{_e(a['lang'])}</td><td>{_e(a['story'])}</td></tr>"
        )
    b.append("</table></div>")
    for s in d.stories:
        sid = s["id"]
        b.append(f"<h2>Story {_e(sid)}: {_e(_short(s['label'] or '', 100))}</h2>")
        b.append(
            f'<p class="muted">{_n(len(s["articles"]), "article")}, '
            f'{_n(len(s["sources"]), "source")}, '
            f"{_e(', '.join(s['langs']))}</p>"
        )
        events = [e for e in d.timeline if e["story"] == sid]
        if events:
            b.append("<h3>Timeline</h3>" + _timeline_svg(events))
        facts = _corroborated(d, sid)
        if facts:
            sources = s["sources"]
            b.append(
                '<h3>Facts by source</h3><div class="wrap"><table><tr><th>value</th>'
                "<th>kind</th><th>#</th>" + "".join(f"<th>{_e(x)}</th>" for x in sources) + "</tr>"
            )
            for f in facts:
                have = set(f["sources"])
                cells = "".join(
                    '<td class="y">✓</td>' if x in have else '<td class="n">·</td>' for x in sources
                )
                title = _e(f["mentions"][0]["sentence"]["text"])
                b.append(
                    f'<tr><td title="{title}">{_e(f["value"])}</td><td>{_e(f["kind"])}</td>'
                    f"<td>{f['n_sources']}</td>{cells}</tr>"
                )
            b.append("</table></div>")
        groups = [g for g in d.copy_groups if g["story"] == sid]
        if groups:
            b.append("<h3>Copies</h3><ul>")
            for g in groups:
                for p in g["pairs"]:
                    b.append(
                        f"<li><code>{_e(p['a'])}</code> ~ <code>{_e(p['b'])}</code>: "
                        f"{_e(p['kind'])}, Jaccard {p['jaccard']:.2f}, containment "
                        f"{p['containment']:.2f}</li>"
                    )
            b.append("</ul>")
            for p in [p for p in d.passages if p["story"] == sid][:10]:
                b.append(f"<blockquote>{_e(_short(p['text'], 400))}</blockquote>")
        conf = [x for x in d.conflicts if x["story"] == sid]
        if conf:
            b.append("<h3>Conflicts</h3>")
            for x in conf:
                m1, m2 = x["mentions"]
                b.append(
                    f'<div class="conf">{_e(x["type"])} ({_e(x["kind"])}):<br>'
                    f"<b>{_e(m1['value'])}</b> in <code>{_e(m1['article'])}</code>: "
                    f"{_e(_short(m1['sentence']['text'], 200))}<br>"
                    f"<b>{_e(m2['value'])}</b> in <code>{_e(m2['article'])}</code>: "
                    f"{_e(_short(m2['sentence']['text'], 200))}</div>"
                )
    b.append("</body></html>")
    return "\n".join(b) + "\n"
