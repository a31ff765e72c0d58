"""The shortcuts the updates and conflicts stages take at scale (issue 16) give what the
straightforward rules give: each test holds the rule as it was written before the
shortcut and compares on generated text (Hindi and English words, the words the rules
look for, clause stops, values at any place)."""

from __future__ import annotations

from typing import Any, Dict, List, Set, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from asimtext.digest import conflicts as C
from asimtext.digest import updates as U
from asimtext.digest.measures import Measure
from asimtext.digest.records import Mention
from asimtext.digest.text import WORD_RE

# Words the rules look for (set-aside, earlier report, forecast, denominator), clause
# stops, and plain words of both scripts; some glued to a neighbour on purpose.
WORDS = ["पहले", "था", "थी", "नहीं", "से", "बढ़कर", "घटकर", "न", "कि", "सकते", "आशंका",
         "अनुमान", "प्रति", "लोगों", "की", "मौत", "और", "लेकिन", "बल्कि", "।", ",", ".", ";",
         "earlier", "Earlier", "initially", "was", "reported", "it", "had", "not", "from",
         "instead", "of", "rather", "than", "may", "could", "feared", "expected", "to",
         "estimates", "per", "every", "about", "the", "and", "but", "deaths", "toll",
         "mayor", "fromage", "नहींतो", "पहलेसे", "\n", "12", "4,800"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40)
joiner = st.sampled_from([" ", "", "  "])


def _mention(text: str, s: int, e: int, measure: Any = None) -> Mention:
    return Mention.of({"article": "a", "source": "x", "start": s + 7, "end": e + 7,
                       "sentence_start": 7, "sentence_text": text, "measure": measure,
                       "place": None, "as_of": None})


def _reference_superseded(m: Any) -> bool:
    text = m["sentence_text"]
    s, e = m["start"] - m["sentence_start"], m["end"] - m["sentence_start"]
    if not (0 <= s <= e <= len(text)):
        return False
    if U._SET_ASIDE_BEFORE.search(text[max(0, s - 40):s]) or U._SET_ASIDE_AFTER.match(text, e):
        return True
    lo, hi = U._clause(text, s, e, U._CLAUSE_STOP)
    return bool(U._EARLIER.search(text, lo, s)) and bool(U._PAST_REPORT.search(text, lo, hi))


def _reference_hedged(m: Any) -> bool:
    text = m["sentence_text"]
    s = m["start"] - m["sentence_start"]
    if 0 <= s <= len(text) and U._DENOMINATOR.search(text[max(0, s - 12):s]):
        return True
    lo, hi = U._clause(text, s, m["end"] - m["sentence_start"], U._SERIES_CLAUSE_STOP)
    return U._PROJECTION.search(text, lo, hi) is not None


@settings(max_examples=400, deadline=None)
@given(sentence, joiner, st.integers(0, 10_000), st.integers(0, 6), st.integers(-3, 3))
def test_set_aside_and_forecast_shortcuts_agree_with_the_rules(words, sep, at, width, skew):
    text = sep.join(words)
    s = at % (len(text) + 1) + (skew if skew < 0 else 0)
    e = s + width + (skew if skew > 0 else 0)
    if e > len(text) + 2:
        e = len(text) + 2
    m = _mention(text, s, e)
    assert U._superseded(m) == _reference_superseded(m)
    assert U._hedged(m) == _reference_hedged(m)


@settings(max_examples=200, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=3), st.integers(0, 400), st.integers(0, 400))
def test_shortcuts_agree_on_long_sentences(parts, pad_before, pad_after):
    # values more than a clause's reach from the words the rules look for
    text = " ".join(" ".join(p) for p in parts)
    text = "क " * (pad_before // 2) + text + " x" * (pad_after // 2)
    for at in range(0, len(text), max(1, len(text) // 7)):
        m = _mention(text, at, min(len(text), at + 3))
        assert U._superseded(m) == _reference_superseded(m)
        assert U._hedged(m) == _reference_hedged(m)


def test_the_readings_are_kept_with_the_mention():
    deaths = Measure("deaths", (), None, ("deaths",))
    text = "The toll is 275 and not 288."
    s = text.index("288")
    m = _mention(text, s, s + 3, deaths)
    assert U.superseded(m) and m.__dict__["_superseded"] is True
    assert m.replace(place="state:od").__dict__["_superseded"] is True
    # a mention given as a plain dict is read each time (nothing kept)
    d = {"sentence_text": text, "start": s, "end": s + 3, "sentence_start": 0,
         "measure": deaths}
    assert U.superseded(d) and set(d) == {"sentence_text", "start", "end", "sentence_start",
                                          "measure"}


def test_with_own_day_keeps_values_with_a_measure_only():
    deaths = Measure("deaths", (), None, ("deaths",))
    text = "12 deaths in 2024."
    ms = [_mention(text, 0, 2, deaths), _mention(text, 13, 17, None)]
    assert U.with_own_day(ms, frozenset()) == ms[:1]


# -- syndicated sentences -----------------------------------------------------------------


def _reference_syndicated(docs_mentions, texts, normalize, min_words):
    """syndicated_conflicts as written before it skipped sentences no pair can come of."""
    buckets: Dict[Tuple[int, Tuple[str, ...]], List[Tuple[str, List[Dict[str, Any]]]]] = {}
    for story, art, ms in docs_mentions:
        by_sent: Dict[Tuple[int, int], List[Dict[str, Any]]] = {}
        for m in ms:
            by_sent.setdefault((m["sentence"]["start"], m["sentence"]["end"]), []).append(m)
        text = texts[art]
        for sent, sms in by_sent.items():
            s, e = sent
            pieces, pos = [], s
            for m in sms:
                pieces.append(text[pos:m["start"]])
                pieces.append(" " + C._PLACEHOLDER.format(m["fact_kind"]) + " ")
                pos = m["end"]
            pieces.append(text[pos:e])
            tmpl = tuple(WORD_RE.findall(normalize("".join(pieces), form="match")))
            if len(tmpl) - len(sms) < min_words:
                continue
            buckets.setdefault((story, tmpl), []).append((art, sms))
    out: List[Dict[str, Any]] = []
    seen: Set[Tuple[str, str, str, str]] = set()
    for (story, _tmpl), items in buckets.items():
        for x in range(len(items)):
            for y in range(x + 1, len(items)):
                (a, ma), (b, mb) = items[x], items[y]
                if a == b or ma[0]["source"] == mb[0]["source"] or len(ma) != len(mb):
                    continue
                for m1, m2 in zip(ma, mb):
                    if m1["stated"] == m2["stated"]:
                        continue
                    key = (a, b, m1["stated"], m2["stated"])
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append({"story": story, "type": "syndicated-sentence",
                                "kind": m1["fact_kind"], "context": [],
                                "values": [m1["stated"], m2["stated"]], "mentions": [m1, m2]})
    return out


SENTENCES = ["{} लोगों की मौत हुई", "toll rose to {} on {}", "{} people died", "इटली में {} मौतें",
             "the toll rose to {}", "{} और {} लोग घायल"]
VALUES = ["12", "15", "2024", "300", "12"]


@st.composite
def syndicated_docs(draw):
    docs, texts = [], {}
    for n in range(draw(st.integers(1, 8))):
        story = draw(st.integers(0, 2))
        source = draw(st.sampled_from(["A", "B", "C"]))
        art = f"d{n}"
        text, ms = "", []
        for _ in range(draw(st.integers(1, 3))):
            tpl = draw(st.sampled_from(SENTENCES))
            start = len(text)
            pieces = tpl.split("{}")
            vals = [draw(st.sampled_from(VALUES)) for _ in pieces[1:]]
            sent = pieces[0]
            spans = []
            for v, rest in zip(vals, pieces[1:]):
                spans.append((start + len(sent), start + len(sent) + len(v), v))
                sent += v + rest
            text += sent + ". "
            for s, e, v in spans:
                ms.append({"article": art, "source": source, "start": s, "end": e,
                           "fact_kind": "year" if v == "2024" else "number", "stated": v,
                           "sentence": {"start": start, "end": start + len(sent),
                                        "text": sent}})
        docs.append((story, art, ms))
        texts[art] = text
    return docs, texts


def _lower(text: str, form: str = "match") -> str:
    return text.lower()


@settings(max_examples=300, deadline=None)
@given(syndicated_docs(), st.integers(0, 3))
def test_syndicated_conflicts_agree_with_every_sentence_normalized(docs_texts, min_words):
    docs, texts = docs_texts
    got = C.syndicated_conflicts(docs, texts, _lower, min_words)
    assert got == _reference_syndicated(docs, texts, _lower, min_words)
