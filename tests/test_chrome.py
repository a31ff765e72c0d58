"""Page chrome (asimtext.chrome): one rule for the loader's title guess, the units of a
page and the digest's date labels, read with the ``regex`` module."""

import pytest
from asimtext.chrome import DATE_LABELS, is_chrome_line
from asimtext.digest import units
from asimtext.digest.meta import infer_published
from asimtext.io import looks_like_headline
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize("line", [
    "By Prabhat Khabar Digital Desk, Kanpur",
    "Written by Staff Reporter",
    "Published : Jan 11, 2022, 11:27 AM IST",
    "Last updated on 12 March 2024",
    "अपडेटेड: 12 जनवरी 2024",
    "अपडेट 10:30 बजे",
    "प्रकाशित तिथि: 10/01/2022",
    "Date: 2022-01-10",
    "दिनांक 10/01/2022",
    "Source: PTI",
    "यह भी पढ़ें: कानपुर में बारिश",
    "पढ़ें- पूरी खबर",
    "Also read: Rain in Kanpur",
    "संवाददाता, लखनऊ",
])
def test_chrome_lines(line):
    assert is_chrome_line(line)
    assert not looks_like_headline(line)


@pytest.mark.parametrize("line", [
    # A label word inside a longer word: with ``re`` (whose \w stops at a vowel sign)
    # "अपडेट" would match inside "अपडेटों" and "पढ़ें" inside "पढ़ेंगे".
    "अपडेटों की बाढ़ से परेशान हैं मोबाइल यूजर",
    "पढ़ेंगे बच्चे अब नई किताबों से सरकारी स्कूलों में",
    # Words that start ordinary headlines: chrome only as a label.
    "By-election in Rampur: BJP candidate wins the seat",
    "Date palms planted along the new highway in Rajasthan",
    "Source of the paper leak traced to a printing press",
    "Published works of Premchand go digital for readers",
])
def test_headlines_that_start_like_chrome(line):
    assert not is_chrome_line(line)
    assert looks_like_headline(line)


def test_date_labels_are_the_ones_infer_published_reads():
    import asimtext

    text = "प्रकाशित तिथि: 10 जनवरी 2022\nअपडेटेड: 12 जनवरी 2022\nखबर का पाठ।"
    value, _ = infer_published(text, asimtext.extract(text))
    assert value.startswith("2022-01-10")
    assert [n for n, _ in DATE_LABELS] == ["published", "date", "updated"]


def test_unit_words_keep_vowel_signs():
    # Each word counts once: हिंदी is one word, not ह and द.
    assert units._WORDS.findall("हिंदी में क्षेत्रीय खबरें") == ["हिंदी", "में", "क्षेत्रीय", "खबरें"]


def test_a_byline_starts_no_unit():
    # seeds/003: breadcrumbs, headline and lede, then "By Prabhat Khabar Digital Desk,
    # Kanpur" and the report's body: the byline belongs to the report above it.
    import pathlib

    text = (pathlib.Path(__file__).resolve().parent.parent / "seeds" / "003_856c3045ef9e928d.txt").read_text("utf-8")
    us = units.split_units("p", text)
    assert len(us) > 1
    assert not [u.title for u in us if u.title and u.title.startswith("By ")]


_LABEL_PIECES = ["Published : Jan 11, 2022", "\n", "  ", "date 2022-01-10", "\r\n",
                 "Updated Date: 5 मार्च", "प्रकाशित तिथि: 3 मार्च 2020", "text ", "abc\n",
                 "दिनांक - 12", "Last updated on Tuesday", "posted on", "अपडेट", "x" * 30]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=40), st.data())
def test_header_labels_found_at_line_starts_as_finditer_finds_them(pieces, data):
    from asimtext.digest import meta

    text = "".join(pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    want = [(m.span(), m.lastgroup) for m in meta._LABEL_RE.finditer(text, lo, hi)]
    got = [(m.span(), m.lastgroup) for m in meta._label_matches(text, lo, hi)]
    assert got == want
