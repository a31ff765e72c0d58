"""The digest page (HTML and Markdown) as an editor reads it.

The page is made by the command (``asimtext digest ... -o page.html``) and read
back as a reader would: its structure, its words, its escaping; then opened
in a real headless browser (Chromium through Playwright) at phone and desktop
width when one is installed (``tools/ci-browser.sh`` installs it in CI).
"""

from __future__ import annotations

import copy
import html.parser
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import asimtext
import pytest
from asimtext.digest.humanize import human_value
from asimtext.digest.render import md_escape

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# ../shared beside the repository (CI); ASIMTEXT_SHARED points elsewhere (a git worktree).
SHARED = Path(os.environ.get("ASIMTEXT_SHARED", ROOT.parent / "shared"))
NEWS_DEV = SHARED / "data" / "news-dev" / "covid19_hindi_5_outlets_2020-03.jsonl"
sys.path.insert(0, str(ROOT / "tools"))
import page_check  # noqa: E402


def make_page(tmp_path: Path, src: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    r = subprocess.run([sys.executable, "-m", "asimtext", "digest", str(src), "-o", str(out),
                        "-q", *extra], capture_output=True, timeout=600)
    assert r.returncode == 0, r.stderr.decode()
    return out


class _Outline(html.parser.HTMLParser):
    """Headings, lang attributes, external references and visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list = []
        self.langs: list = []
        self.refs: list = []
        self.text: list = []
        self._in: list = []
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "lang" in a:
            self.langs.append((tag, a["lang"]))
        for k in ("src", "href", "data", "action"):
            if k in a and not (a[k] or "").startswith("#"):
                self.refs.append(a[k])
        if tag in ("h1", "h2", "h3", "h4", "title", "style"):
            self._in.append([tag, ""])

    def handle_endtag(self, tag):
        if self._in and self._in[-1][0] == tag:
            t, s = self._in.pop()
            if t.startswith("h"):
                self.headings.append((t, s.strip()))

    def handle_data(self, data):
        if self._in:
            self._in[-1][1] += data
        if not self._in or self._in[-1][0] not in ("style", "title"):
            self.text.append(data)


def outline(path: Path) -> _Outline:
    o = _Outline()
    o.feed(path.read_text(encoding="utf-8"))
    return o


# ---------------------------------------------------------------- values as written


@pytest.mark.parametrize("kind,value,lang,shown", [
    ("money", "INR 20000000", "hi", "₹2 करोड़"),
    ("money", "INR 20000000", "en", "₹2 crore"),
    ("money", "INR 500000", "en", "₹5 lakh"),
    ("money", "USD 3000000", "en", "$3 million"),
    ("duration", "PT30M", "en", "30 minutes"),
    ("duration", "PT1.5H", "en", "1.5 hours"),
    ("duration", "P2Y", "hi", "2 साल"),
    ("duration", "P1D", "en", "1 day"),
    ("date", "2022-01-15", "en", "15 January 2022"),
    ("date", "2022-01-15", "hi", "15 जनवरी 2022"),
    ("date", "--01-15", "en", "15 January"),
    ("date", "2022-01", "en", "January 2022"),
    ("datetime", "2022-01-11T11:27+05:30", "en", "11 January 2022, 11:27"),
    ("percent", "43.5", "en", "43.5%"),
    ("number", "1500000", "en", "1,500,000"),
    ("number", "1500000", "hi", "15,00,000"),
    ("ordinal", "3", "en", "3rd"),
    ("ordinal", "12", "en", "12th"),
])
def test_values_as_people_write_them(kind, value, lang, shown):
    assert human_value(kind, value, lang) == shown


# ---------------------------------------------------------------- the seeds' page


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    return make_page(tmp_path_factory.mktemp("page"), SEEDS, "seeds.html")


def test_stories_come_first_then_facts_with_their_sentences(seeds_page):
    o = outline(seeds_page)
    h = o.headings
    assert h[0] == ("h1", "News digest")
    assert h[1] == ("h2", "Stories")  # the index of stories is the first section
    d = asimtext.digest(SEEDS)
    assert h[2] == ("h2", " ".join(d.stories[0]["label"].split()))
    subs = [t for tag, t in h[3:] if tag == "h3"]
    assert subs[:2] == ["Key facts", "Copied text"] and "Timeline" in subs
    text = " ".join(" ".join(o.text).split())
    # Corroboration in words, the sentence visible (not a tooltip), outlets by name.
    assert "4 of 5 outlets" in text
    assert "बैच के आईपीएस अधिकारी" in text
    assert "ईटीवी भारत" in text and "Prabhat Khabar" in text
    # Values as people write them, never the normalized forms.
    # (Durations in words: test_values_as_people_write_them; which facts a story shows depends
    # on its size, so the page check holds to a date every outlet gives.)
    assert "15 जनवरी 2022" in text
    for raw in ("PT30M", "--01-15", "INR ", "P22Y"):
        assert raw not in text, raw
    # No jargon without words: the page explains its terms.
    for term in ("partial-copy", "borrowed", "inferred", "containment"):
        assert term not in text, term
    assert "How to read this page" in text


def test_every_fact_is_accounted_for(seeds_page):
    """The page says how many values it folds: nothing is hidden without a word."""
    d = asimtext.digest(SEEDS)
    text = " ".join(" ".join(outline(seeds_page).text).split())
    multi = sum(1 for f in d.facts if f["n_sources"] > 1)
    single = len(d.facts) - multi
    assert text.count(" of 5 outlets") >= multi
    if single:
        assert f"{single} value{'s' if single != 1 else ''} stated by one outlet only" in text
    else:
        assert "stated by one outlet only" not in text


def test_timeline_zooms_to_the_story_and_sets_history_apart(seeds_page):
    page = seeds_page.read_text(encoding="utf-8")
    axis = re.search(r'<svg class="axis" viewBox="0 0 480 70" role="img" aria-label="([^"]+)"',
                     page)
    assert axis, "no time axis"
    labels = re.findall(r'<text x="[\d.]+" y="62" text-anchor="middle">([^<]+)</text>', page)
    assert labels == ["8 Jan", "10 Jan", "15 Jan"]  # the days of the events, not 1994-2022
    assert axis.group(1).startswith("Time axis from 7 Jan to 16 Jan 2022: 8 Jan (3 outlets), "
                                    "10 Jan (2 outlets), 15 Jan (3 outlets)")
    assert "1994" not in axis.group(1)
    history = page.split("Earlier dates (history)")[1]
    assert "1994" in history and "8 मार्च 2017" in history


def test_copied_passage_shown_once_and_attributed(seeds_page):
    page = seeds_page.read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote[^>]*>(.*?)<footer", page, re.S)
    assert quotes and len(quotes) == len(set(quotes))
    assert all(q not in other for q in quotes for other in quotes if other != q)
    assert page.count("word for word in 000_3eea7825fd2e8d4d.txt (outlet not named) and "
                      "ईटीवी भारत") == len(quotes)


def test_lang_attributes_and_no_network(seeds_page):
    o = outline(seeds_page)
    assert o.html_lang == "en"
    assert ("h2", "hi") in o.langs and ("blockquote", "hi") in o.langs
    # The English article's sentences are marked English inside the Hindi story.
    assert {("span", "en"), ("p", "en")} & set(o.langs)
    assert o.refs == []  # no stylesheet, font, image or script from anywhere
    page = seeds_page.read_text(encoding="utf-8")
    assert "<script" not in page and "Content-Security-Policy" in page


# ---------------------------------------------------------------- escaping


def _hostile_digest():
    evil = "<img src=x onerror=alert(1)>"
    arts = [
        asimtext.Article("a1", "पटना में 15 जनवरी 2022 को बाढ़ से 14 लोगों की मौत हुई। "
                              "राहत के लिए ₹2 करोड़ दिए गए।", source=evil, title=f"*{evil}* [x](y)"),
        asimtext.Article("a2", "पटना में 15 जनवरी 2022 को बाढ़ से 14 लोगों की मौत हुई। "
                               "राहत के लिए ₹2 करोड़ दिए गए। | # ` _", source="Outlet | B"),
    ]
    return asimtext.digest(arts), evil


def test_markdown_escapes_every_field():
    markdown_it = pytest.importorskip("markdown_it")
    d, evil = _hostile_digest()
    md = d.to_markdown()
    rendered = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<img" not in rendered and "onerror" in rendered  # the text, shown as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert '<a href="y"' not in rendered  # no link made from a title
    assert "₹2 करोड़" in rendered and "2 of 2 outlets" in rendered
    for s in ("<b>", "*x*", "1. item", "# h", "a|b", "`c`", "&amp;"):
        assert markdown_it.MarkdownIt("commonmark").renderInline(md_escape(s)) == \
            s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_html_escapes_every_field(tmp_path):
    d, evil = _hostile_digest()
    page = d.to_html()
    assert evil not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


# ---------------------------------------------------------------- schema /2 fields


def _with_schema2(d):
    """The seeds' digest with /2 fields added as digest-events describes them
    (/work/coord/schema2.md): facts with measure/scope, an updates series, a
    conflict on one measure."""
    d2 = copy.deepcopy(d)
    f = d2.facts[0]
    f["measure"] = {"key": "deaths", "label": "deaths", "qualifiers": ["total"], "words": ["मौत"]}
    f["scope"] = {"place": "Kanpur", "as_of": "2022-01-10"}
    m = f["mentions"][0]
    d2.updates = [{
        "id": "U1", "story": "S1",
        "measure": {"key": "infected", "label": "infected", "qualifiers": [], "words": []},
        "scope": {"place": "Kanpur", "as_of": None},
        "points": [
            {"as_of": "2022-01-08", "value": "3", "sources": ["Prabhat Khabar"], "mentions": [m]},
            {"as_of": "2022-01-10", "value": "12", "sources": ["ईटीवी भारत"], "mentions": [m]},
            {"as_of": "2022-01-11", "value": "28", "sources": ["ईटीवी भारत"], "mentions": [m]},
        ],
    }]
    m2 = dict(f["mentions"][1], value="1995")
    d2.conflicts = [{"id": "X1", "story": "S1", "type": "different-values", "kind": "year",
                     "measure": f["measure"], "scope": f["scope"], "values": ["1994", "1995"],
                     "context": [], "mentions": [f["mentions"][0], m2]}]
    return d2


def test_schema2_fields_are_rendered(tmp_path):
    d2 = _with_schema2(asimtext.digest(SEEDS))
    page = d2.to_html()
    assert "deaths (total), Kanpur, as of 10 January 2022" in page
    chart = re.search(r'<svg class="spark" viewBox="0 0 320 64"[^>]*aria-label="([^"]+)"', page)
    assert chart and chart.group(1) == ("infected, Kanpur: 3 on 8 Jan to 28 on 11 Jan, "
                                        "3 reports")
    assert '<div class="conflict">' in page and page.count('<span class="value">199') >= 2
    md = d2.to_markdown()
    assert "infected, Kanpur: 3 (8 Jan) → 12 (10 Jan) → 28 (11 Jan)" in md
    # ... and the same data as plain dicts (a JSON file read back) renders the same.
    from asimtext.digest.render import to_html

    as_dict = dict(d2.to_dict(), updates=d2.updates, conflicts=d2.conflicts)
    assert to_html(json.loads(json.dumps(as_dict))) == page


# ---------------------------------------------------------------- in a real browser

needs_browser = pytest.mark.skipif(not page_check.browser_available(),
                                   reason="no headless Chromium (tools/ci-browser.sh installs it)")


def _check_in_browser(page: Path, shots: Path, name: str) -> dict:
    rep = page_check.check_page(page, shots, name)
    assert rep["console"] == [] and rep["requests"] == []
    assert rep["print_pdf_bytes"] > 10_000 and not rep["print_overflow_x"]  # printable
    for width in ("phone", "desktop"):
        w = rep["widths"][width]
        assert w["html_lang"] == "en" and w["scripts"] == 0
        assert w["headings"][0] == ["H1", "News digest"]
        assert w["imgs_without_alt"] == 0 and w["svgs_without_label"] == 0
        assert w["low_contrast"] == [], w["low_contrast"]
        assert not w["overflow_x"], f"{name}: wider than a {width} screen"
        png = shots / f"{name}-{width}.png"
        assert png.stat().st_size > 5000  # something was drawn
    return rep


@needs_browser
def test_seeds_page_in_a_browser(seeds_page, tmp_path):
    _check_in_browser(seeds_page, tmp_path, "seeds")


@needs_browser
def test_real_multi_outlet_page_in_a_browser(tmp_path):
    if not NEWS_DEV.exists():
        pytest.skip("../shared/data/news-dev is not here")
    page = make_page(tmp_path, NEWS_DEV, "news.html")
    rep = _check_in_browser(page, tmp_path, "news")
    heads = rep["widths"]["desktop"]["headings"]
    assert heads[1] == ["H2", "Stories"] and len([h for h in heads if h[0] == "H2"]) > 5


@needs_browser
def test_schema2_page_in_a_browser(tmp_path):
    page = tmp_path / "s2.html"
    page.write_text(_with_schema2(asimtext.digest(SEEDS)).to_html(), encoding="utf-8")
    _check_in_browser(page, tmp_path, "s2")
