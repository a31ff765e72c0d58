"""Cross-script word keys of every article, computed once per distinct word.

The words of all articles are collected (a regex, in C), each distinct word is
keyed once by one call of the Rust ``xscript_keys`` over the whole vocabulary,
and each article gets a count of its keys (numpy, no per-token Python loop).
A key seen under both a Devanagari and a Latin spelling somewhere in the corpus
is a *bridge* key: names, acronyms and loan words that carry a story across
languages.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, chain
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np

from asimtext.digest.text import WORD_RE, is_devanagari_word

__all__ = ["Vocabulary", "Bags", "prepared_vocabulary"]

MIN_KEY_LEN = 2
_CHUNK_DOCS = 512


class Bags:
    """Sparse article x key counts: ``rows`` (article), ``cols`` (key id), ``counts``,
    with ``keys[key_id]`` the key string and ``bridge[key_id]`` / ``fact[key_id]`` masks."""

    def __init__(
        self,
        n_docs: int,
        rows: np.ndarray,
        cols: np.ndarray,
        counts: np.ndarray,
        keys: List[str],
        bridge: np.ndarray,
        fact: np.ndarray,
    ) -> None:
        self.n_docs = n_docs
        self.rows, self.cols, self.counts = rows, cols, counts
        self.keys, self.bridge, self.fact = keys, bridge, fact

    @classmethod
    def from_counters(cls, bags: Sequence[Counter], bridge: Set[str]) -> "Bags":
        """From one ``Counter`` of keys per article (facts are keys starting with ``#``)."""
        key_id: Dict[str, int] = {}
        rows: List[int] = []
        cols: List[int] = []
        cnts: List[int] = []
        for d, bag in enumerate(bags):
            for k, c in bag.items():
                rows.append(d)
                cols.append(key_id.setdefault(k, len(key_id)))
                cnts.append(c)
        keys = list(key_id)
        fact = np.array([k.startswith("#") for k in keys], dtype=bool)
        br = np.array([k in bridge for k in keys], dtype=bool) | fact
        return cls(
            len(bags),
            np.asarray(rows, dtype=np.int64),
            np.asarray(cols, dtype=np.int64),
            np.asarray(cnts, dtype=np.float64),
            keys,
            br,
            fact,
        )


class Vocabulary:
    """Keys of the words of a corpus.

    ``bridge`` holds the keys seen in both scripts, :attr:`token_counts` the number
    of word tokens of each article and :meth:`bags` the article x key counts.
    ``vocabulary(texts)`` (optional) computes the arrays instead (the Rust core's
    ``_vocabulary``, or ``_prepared_vocabulary`` over texts the digest prepared:
    then ``texts`` is not read).
    Only arrays are kept: memory grows with the number of (article, key) pairs,
    not with per-word Python objects.
    """

    def __init__(
        self,
        texts: Sequence[str],
        xscript_keys: Callable[..., list],
        vocabulary: Optional[Callable[..., tuple]] = None,
    ) -> None:
        self.n_docs = len(texts)
        if vocabulary is not None:
            # The Rust core computes these very arrays (asimtext_core::vocab, held
            # to this code by tests/test_vocab_differential.py); what follows is
            # its pure-Python twin.
            (self.n_keys, self._rows, self._cols, self._counts, self.bridge_mask,
             self.bridge_keys, self.token_counts) = vocabulary(texts)
            self.bridge = set(self.bridge_keys)
            return
        # Words -> ids, in chunks of articles: each chunk's word counts go straight into
        # flat lists (memory ~ distinct words per article, not Counters of all articles);
        # a chunk's new words get ids in sorted order (deterministic).
        word_id: Dict[str, int] = {}
        lens = np.zeros(len(texts), dtype=np.int64)
        id_list = array("q")  # compact C arrays, filled from C iterators
        cnt_list = array("q")
        for lo in range(0, len(texts), _CHUNK_DOCS):
            wcs = [Counter(WORD_RE.findall(t)) for t in texts[lo:lo + _CHUNK_DOCS]]
            for w in sorted(set().union(*wcs).difference(word_id)):
                word_id[w] = len(word_id)
            for d, wc in enumerate(wcs, lo):
                lens[d] = len(wc)
                id_list.extend(map(word_id.__getitem__, wc))
                cnt_list.extend(wc.values())
            del wcs
        wids = np.frombuffer(id_list, dtype=np.int64).copy() if id_list else np.zeros(0, np.int64)
        wcnt = np.frombuffer(cnt_list, dtype=np.int64).astype(np.float64)
        del id_list, cnt_list
        vocab = list(word_id)
        del word_id
        found: List[List[str]] = [[] for _ in vocab]
        if vocab:
            joined = "\n".join(vocab)
            starts = [0]
            starts.extend(accumulate(len(w) + 1 for w in vocab[:-1]))
            for s, _e, key in xscript_keys(joined, stopwords=False):
                if len(key) >= MIN_KEY_LEN:
                    found[bisect_right(starts, s) - 1].append(key)
        # Key ids, scripts, and the word -> keys table as CSR arrays.
        key_id: Dict[str, int] = {}
        scripts: List[int] = []
        indptr = [0]
        indices: List[int] = []
        for w, ks in zip(vocab, found):
            bit = 1 if is_devanagari_word(w) else 2
            for k in ks:
                kid = key_id.setdefault(k, len(key_id))
                if kid == len(scripts):
                    scripts.append(0)
                scripts[kid] |= bit
                indices.append(kid)
            indptr.append(len(indices))
        self.n_keys = len(key_id)
        sc = np.asarray(scripts, dtype=np.int8)
        self.bridge_mask = sc == 3
        #: The bridge keys in key-id order, and as a set.
        self.bridge_keys: List[str] = [k for k, b in zip(key_id, scripts) if b == 3]
        self.bridge: Set[str] = set(self.bridge_keys)
        del key_id, found
        # Article x word counts, then x keys.
        wrows = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
        #: Number of word tokens (letters only) of each article.
        self.token_counts = np.bincount(wrows, weights=wcnt, minlength=len(texts)).astype(
            np.float64, copy=False)  # (int64 when there is no article at all)
        ip = np.asarray(indptr, dtype=np.int64)
        nk = ip[wids + 1] - ip[wids] if wids.size else np.zeros(0, dtype=np.int64)
        rows = np.repeat(wrows, nk)
        cnt = np.repeat(wcnt, nk)
        first = np.repeat(ip[wids], nk) if wids.size else np.zeros(0, dtype=np.int64)
        within = np.arange(rows.size) - np.repeat(np.cumsum(nk) - nk, nk)
        cols = np.asarray(indices, dtype=np.int64)[first + within] if rows.size else first
        nkeys = max(self.n_keys, 1)
        code, inv = np.unique(rows * nkeys + cols, return_inverse=True)
        self._rows = code // nkeys
        self._cols = code % nkeys
        self._counts = np.bincount(inv.ravel(), weights=cnt) if rows.size else cnt

    def arrays(self) -> tuple:
        """``(n_keys, rows, cols, counts, bridge_mask, bridge_keys, token_counts)``: what
        the Rust core's ``_vocabulary`` returns."""
        return (self.n_keys, self._rows, self._cols, self._counts, self.bridge_mask,
                list(self.bridge_keys), self.token_counts)

    def bags(self, facts: Sequence[Counter], release: bool = False) -> Bags:
        """The article x key counts, with the fact keys of each article (``#value``) added.
        ``release``: let go of this vocabulary's arrays as they are copied (one big
        array at a time in memory; the vocabulary cannot make bags again)."""
        n_word_keys = self.n_keys
        # Every article's keys in one list, ids in first-seen order, the arrays filled
        # from C iterators (a loop over every key of every article was most of this
        # method's time; the entries, ids and order are that loop's).
        flat = list(chain.from_iterable(facts))
        fact_id: Dict[str, int] = dict(zip(dict.fromkeys(flat),
                                           range(n_word_keys, n_word_keys + len(flat))))
        frows = np.repeat(np.arange(len(facts), dtype=np.int64),
                          np.fromiter(map(len, facts), dtype=np.int64, count=len(facts)))
        fcols = np.fromiter(map(fact_id.__getitem__, flat), dtype=np.int64, count=len(flat))
        fcnt = np.fromiter(chain.from_iterable(map(Counter.values, facts)), dtype=np.float64,
                           count=len(flat))
        del flat
        n_all = n_word_keys + len(fact_id)
        keys = [""] * n_word_keys + list(fact_id)  # word keys are not kept (memory)
        fact = np.zeros(n_all, dtype=bool)
        fact[n_word_keys:] = True
        bridge = np.zeros(n_all, dtype=bool)
        bridge[:n_word_keys] = self.bridge_mask
        bridge |= fact
        rows = np.concatenate([self._rows, frows])
        if release:
            self._rows = None
        cols = np.concatenate([self._cols, fcols])
        if release:
            self._cols = None
        counts = np.concatenate([self._counts, fcnt])
        if release:
            self._counts = None
        return Bags(self.n_docs, rows, cols, counts, keys, bridge, fact)


def prepared_vocabulary(parts: Iterable[Tuple[Any, Sequence[int]]], release: bool = False,
                        xscript_keys: Optional[Callable[..., list]] = None) -> tuple:
    """The pure twin of ``asimtext._core._prepared_vocabulary``: the arrays of
    :meth:`Vocabulary.arrays` for the texts ``parts`` name (``(batch, rows)`` of
    :class:`asimtext.pure.prepare.PreparedBatch`), keyed by ``xscript_keys`` (default:
    the pure one); ``release``: the batches let go of their words."""
    parts = list(parts)
    texts = [t for batch, rows in parts for t in batch.texts(rows)]
    if release:
        for batch, _rows in parts:
            batch.release_words()
    if xscript_keys is None:
        from asimtext.pure.xscript import keys as xscript_keys
    return Vocabulary(texts, xscript_keys).arrays()
