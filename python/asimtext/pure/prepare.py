"""Pure-Python twins of ``rust/core/src/prepare``: the prepared-document batch
(``asimtext._core._prepare_batch``, ``_detect_lang``) and the context words of
values (``_context_keys_batch``). The twin of ``_prepared_vocabulary`` is
:func:`asimtext.digest.keys.prepared_vocabulary`, beside the pure ``Vocabulary``
(the twin of ``_vocabulary``) it runs on.

**Prepared documents** (:func:`prepare_batch`): each text of a batch read once
for what the digest's prepare and stories stages need: its spans (resolved
against any reference date when read), its words for the story vocabulary, its
language and its gazetteer names (contract: docs/contracts/prepare.md).

**Context words**: the content words of a text (its cross-script words, keyed
whole), and each value reads the keys of the ``width`` of them on each side of it
inside its window (``reach`` characters on each side, inside the sentence) by
bisection. A prepared batch keeps them from its one normalization of the text
(:meth:`PreparedBatch.context_keys`); :func:`context_keys_batch` keys the texts.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple

import regex

__all__ = ["context_keys", "context_keys_batch", "select", "PreparedBatch", "prepare_batch",
           "detect_lang", "LANG_SAMPLE", "prepared_near_duplicates", "prepared_signatures",
           "prepared_overlaps", "prepared_passages"]

Value = Tuple[int, int, int, int]  # sentence start, sentence end, start, end
Keys = Callable[..., Sequence[Tuple[int, int, str]]]


def _window(v: Value, reach: int, n: int) -> Tuple[int, int]:
    ss, se, start, end = v
    lo = min(max(ss, start - reach, 0), n)
    hi = max(min(se, end + reach, n), lo)
    return lo, hi


def _stretches(windows: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    out: List[Tuple[int, int]] = []
    for lo, hi in sorted(w for w in windows if w[0] < w[1]):
        if out and lo < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _default_keys() -> Keys:
    from asimtext.pure.xscript import keys

    return keys


Keyed = Tuple[int, int, str]


def context_keys(text: str, values: Sequence[Value], width: int, reach: int,
                 keys: Optional[Keys] = None) -> List[List[str]]:
    """For each value ``(sentence_start, sentence_end, start, end)`` of ``text``, the
    sorted keys (2 characters or more, stop-words left out) of the ``width`` content
    words before it and the ``width`` after it, wholly inside its window (a word that
    a window's edge cuts is left out). The text is keyed whole; ``keys`` is
    ``xscript_keys`` (default: the pure one)."""
    if not values:
        return []
    keys = keys or _default_keys()
    keyed = [k for k in keys(text, stopwords=False) if len(k[2]) >= 2]
    return select(keyed, values, width, reach, len(text))


def select(keyed: Sequence[Keyed], values: Sequence[Value], width: int, reach: int,
           n: int) -> List[List[str]]:
    """The keys of the words of ``keyed`` (``(start, end, key)`` in text order) around
    each value of a text of ``n`` characters (see :func:`context_keys`)."""
    starts = [k[0] for k in keyed]
    out: List[List[str]] = []
    for v in values:
        _ss, _se, start, end = v
        lo, hi = _window(v, reach, n)
        got: List[str] = []
        i = bisect_left(starts, start) - 1
        while i >= 0 and len(got) < width and keyed[i][0] >= lo:
            s, e, k = keyed[i]
            if e <= hi and e <= start:
                got.append(k)
            i -= 1
        before = len(got)
        i = bisect_left(starts, end)
        while i < len(keyed) and len(got) - before < width and keyed[i][0] < hi:
            s, e, k = keyed[i]
            if lo <= s and e <= hi:
                got.append(k)
            i += 1
        out.append(sorted(set(got)))
    return out


def _check_values(values: Sequence[Sequence[Value]]) -> None:
    from asimtext.errors import ArgumentError

    for i, vs in enumerate(values):
        for j, v in enumerate(vs):
            if min(v) < 0:
                raise ArgumentError(f"values[{i}][{j}]: offsets must be >= 0, got {tuple(v)}")


def context_keys_batch(texts: Sequence[str], values: Sequence[Sequence[Value]], width: int,
                       reach: int, keys: Optional[Keys] = None) -> List[List[List[str]]]:
    """:func:`context_keys` of each text (``values[i]`` are the values of ``texts[i]``)."""
    from asimtext.errors import ArgumentError
    from asimtext.pure.dedup.minhash import check_text

    if len(texts) != len(values):
        raise ArgumentError(f"values: {len(values)} lists for {len(texts)} texts "
                            "(one list of values per text)")
    for i, t in enumerate(texts):
        check_text(t, f"texts[{i}]")
    _check_values(values)
    return [context_keys(t, vs, width, reach, keys) for t, vs in zip(texts, values)]


# -- prepared documents --------------------------------------------------------------------

LANG_SAMPLE = 6000
# Devanagari letters and signs (dandas and digits excluded), and ASCII letters.
_DEV_LETTERS = regex.compile(r"[\u0900-\u0963\u0971-\u097f\u200c\u200d]+")
_LAT_LETTERS = regex.compile(r"[A-Za-z]+")


def detect_lang(text: str) -> Optional[str]:
    """``hi`` (at least 70 % of the letters Devanagari), ``en`` (at least 70 % ASCII
    Latin), ``mixed``, or None without a letter, read on the first ``LANG_SAMPLE``
    characters (enough for a language, and a bounded cost per article)."""
    sample = text[:LANG_SAMPLE]
    # Letters counted as what removing them takes away (one new string per
    # script instead of a list of every run).
    dev = len(sample) - len(_DEV_LETTERS.sub("", sample))
    lat = len(sample) - len(_LAT_LETTERS.sub("", sample))
    total = dev + lat
    if total == 0:
        return None
    share = dev / total
    if share >= 0.7:
        return "hi"
    if share <= 0.3:
        return "en"
    return "mixed"


def _span_order(s: Any) -> Tuple[int, int]:
    return (s.start, s.end)


class PreparedBatch:
    """The pure twin of ``asimtext._core.PreparedBatch``: the same answers, computed
    from the texts it keeps (the Rust batch keeps only what it computed)."""

    def __init__(self, texts: Sequence[str], extract_batch: Callable[..., Any],
                 gazetteer: Callable[[str], Any]) -> None:
        from asimtext.pure import spans as pure_spans
        from asimtext.pure.normalization import normalize_items
        from asimtext.pure.prepared_tokens import context_words, doc_tokens

        self._texts = list(texts)
        self._extract = extract_batch
        self._gazetteer = gazetteer
        self._langs = [detect_lang(t) for t in self._texts]
        self._words = True
        self._released: set = set()
        # Each text normalized once: its tokens and its content words from it.
        self._tokens: List[Any] = []
        self._context: List[Any] = []
        for t in self._texts:
            items = normalize_items(t, "match", False, False, False, False, "strict")
            self._tokens.append(doc_tokens(t, items))
            self._context.append(context_words(t, items))
        # With the pure extractor the spans are found once, unresolved, and
        # resolved when read (as the Rust batch does); a replaced extractor (a
        # test's) is asked again when they are read.
        self._unresolved: Optional[List[list]] = None
        if extract_batch is pure_spans.extract_batch:
            self._unresolved = [pure_spans._spans(t) for t in self._texts]

    def __len__(self) -> int:
        return len(self._texts)

    def _text(self, row: int) -> str:
        from asimtext.errors import OutOfRangeError

        if not 0 <= row < len(self._texts):
            raise OutOfRangeError(f"row {row} out of range for a batch of {len(self._texts)} texts")
        return self._texts[row]

    def spans(self, row: int, reference_date: Any = None) -> list:
        """The spans of text ``row`` resolved against ``reference_date``, sorted by
        ``(start, end)``."""
        text = self._text(row)
        if self._unresolved is not None:
            from asimtext.pure import spans as pure_spans

            ref = pure_spans._parse_reference(reference_date, "reference_date")
            return sorted((pure_spans.Span(a, b, text[a:b], kind, value,
                                           pure_spans._resolve(kind, value, ref))
                           for a, b, kind, value in self._unresolved[row]), key=_span_order)
        return sorted(self._extract([text], reference_dates=[reference_date])[0], key=_span_order)

    def n_spans(self, row: int) -> int:
        return len(self.spans(row))

    def langs(self) -> List[Optional[str]]:
        return list(self._langs)

    def places(self, row: int) -> List[Tuple[int, int, str]]:
        return [tuple(p) for p in self._gazetteer(self._text(row))]  # type: ignore[misc]

    def release_words(self) -> None:
        self._words = False

    def release_tokens(self, rows: Optional[Iterable[int]] = None) -> None:
        """Let go of the match-key tokens of ``rows`` (all rows: ``None``)."""
        rows = range(len(self._texts)) if rows is None else list(rows)
        for r in rows:
            self._text(r)
        for r in rows:
            self._tokens[r] = None
            self._context[r] = None

    def release_rows(self, rows: Iterable[int]) -> None:
        """Let go of the words and tokens of ``rows`` (the Rust batch's
        ``release_rows``); a vocabulary of a released row is an error."""
        rows = list(rows)
        for r in rows:
            self._text(r)
        for r in rows:
            self._tokens[r] = None
            self._context[r] = None
            self._released.add(r)

    def has_tokens(self, row: int) -> bool:
        self._text(row)
        return self._tokens[row] is not None

    def tokens(self, row: int) -> Any:
        """The match-key tokens of ``row`` (:class:`asimtext.pure.prepared_tokens.DocTokens`)."""
        self._text(row)
        t = self._tokens[row]
        if t is None:
            from asimtext.errors import ArgumentError

            raise ArgumentError(f"row {row}: the text's tokens were released")
        return t

    def words_in(self, row: int, ranges: Sequence[Tuple[int, int]]) -> List[List[int]]:
        """The hashes of the lettered match-key tokens wholly inside each range."""
        from asimtext.pure.prepared_tokens import words_in

        return words_in(self.tokens(row), ranges)

    def context_keys(self, rows: Sequence[int], texts: Sequence[str],
                     values: Sequence[Sequence[Value]], width: int,
                     reach: int) -> List[List[List[str]]]:
        """The context words of the values of texts ``rows`` (``texts[k]`` the text of
        ``rows[k]``), from the content words the batch kept: exactly
        :func:`context_keys_batch` of ``texts``, no text normalized again."""
        from asimtext.errors import ArgumentError

        rows, texts, values = list(rows), list(texts), list(values)
        if not len(rows) == len(texts) == len(values):
            raise ArgumentError(f"rows, texts and values differ in length ({len(rows)}, "
                                f"{len(texts)}, {len(values)})")
        for r in rows:
            self._text(r)
        _check_values(values)
        out = []
        for r, t, vs in zip(rows, texts, values):
            words = self._context[r]
            if words is None:
                raise ArgumentError(f"row {r}: the text's tokens were released")
            out.append(select(words, vs, width, reach, len(t)) if vs else [])
        return out

    @property
    def has_words(self) -> bool:
        return self._words

    def heap_bytes(self) -> int:
        return 0

    def texts(self, rows: Iterable[int]) -> List[str]:
        """The texts of ``rows`` (the twin of the prepared vocabulary reads them)."""
        if not self._words:
            from asimtext.errors import ArgumentError

            raise ArgumentError("the batch's words were released (release_words)")
        rows = list(rows)
        for r in rows:
            if r in self._released:
                from asimtext.errors import ArgumentError

                raise ArgumentError(f"the words of row {r} were released (release_rows)")
        return [self._text(r) for r in rows]


def prepare_batch(texts: Sequence[str], extract_batch: Optional[Callable[..., Any]] = None,
                  gazetteer: Optional[Callable[[str], Any]] = None) -> PreparedBatch:
    """The pure twin of ``asimtext._core._prepare_batch``; ``extract_batch`` and
    ``gazetteer`` default to the pure span extractor and gazetteer."""
    from asimtext.pure.dedup.minhash import check_text

    texts = list(texts)
    for i, t in enumerate(texts):
        check_text(t, f"texts[{i}]")
    if extract_batch is None:
        from asimtext.pure.spans import extract_batch
    if gazetteer is None:
        from asimtext.pure.gazetteer import gazetteer_find as gazetteer
    return PreparedBatch(texts, extract_batch, gazetteer)


# -- what the copy stages read (twins of the _core._prepared_* calls) ----------------------


def _docs(docs: Iterable[Sequence[Tuple[PreparedBatch, int, int]]]) -> List[list]:
    return [[(b.tokens(r), base) for b, r, base in d] for d in docs]


def prepared_near_duplicates(parts: Iterable[Tuple[PreparedBatch, Sequence[int]]],
                             threshold: float) -> list:
    """The twin of ``_core._prepared_near_duplicates``."""
    from asimtext.pure import prepared_tokens as T

    return T.near_duplicates([[(b.tokens(r), 0)] for b, rows in parts for r in rows],
                             threshold)


def prepared_signatures(docs: Iterable[Sequence[Tuple[PreparedBatch, int, int]]]) -> Any:
    """The twin of ``_core._prepared_signatures``."""
    import numpy as np

    from asimtext.pure import prepared_tokens as T
    from asimtext.pure.dedup.minhash import MinHasher

    h = MinHasher(num_perm=T.NUM_PERM, ngram=T.NGRAM, unit="word", seed=1)
    rows = [T.signature(h, d) for d in _docs(docs)]
    return np.vstack(rows) if rows else np.zeros((0, T.NUM_PERM), dtype=np.uint32)


def prepared_overlaps(docs: Iterable[Sequence[Tuple[PreparedBatch, int, int]]],
                      pairs: Sequence[Tuple[int, int]]) -> List[Tuple[float, float]]:
    """The twin of ``_core._prepared_overlaps``."""
    from asimtext.pure import prepared_tokens as T

    ds = _docs(docs)
    sets: dict = {}
    for i, j in pairs:
        for x in (i, j):
            if x not in sets:
                sets[x] = sorted(set(T.shingle_hashes(ds[x])))
    return [T.overlap(sets[i], sets[j]) for i, j in pairs]


def prepared_passages(docs: Iterable[Sequence[Tuple[PreparedBatch, int, int]]],
                      pairs: Sequence[Tuple[int, int]], min_words: int) -> list:
    """The twin of ``_core._prepared_passages``."""
    from asimtext.pure import prepared_tokens as T

    ds = _docs(docs)
    return [T.shared_passages(ds[i], ds[j], min_words) for i, j in pairs]
