"""Cross-script word keys of every article, computed once per distinct word.

The words of all articles are collected (a regex, in C), each distinct word is
keyed once by one call of the Rust ``xscript_keys`` over the whole vocabulary,
and each article gets a count of its keys. A key seen under both a Devanagari
and a Latin spelling somewhere in the corpus is a *bridge* key: names,
acronyms and loan words that carry a story across languages.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from typing import Callable, Dict, List, Sequence, Set, Tuple

from asimtext.digest.text import WORD_RE, is_devanagari_word

__all__ = ["Vocabulary"]

MIN_KEY_LEN = 2


class Vocabulary:
    """Keys of the words of a corpus.

    ``word_keys[word]`` is the tuple of keys of a word (empty for stop words);
    ``doc_counts[i]`` the key counts of article ``i``; ``bridge`` the keys seen in
    both scripts.
    """

    def __init__(self, texts: Sequence[str], xscript_keys: Callable[..., list]) -> None:
        word_counts = [Counter(WORD_RE.findall(t)) for t in texts]
        vocab = sorted(set().union(*word_counts)) if word_counts else []
        self.word_keys: Dict[str, Tuple[str, ...]] = {}
        if vocab:
            joined = "\n".join(vocab)
            starts = [0]
            starts.extend(accumulate(len(w) + 1 for w in vocab[:-1]))
            found: List[List[str]] = [[] for _ in vocab]
            for s, _e, key in xscript_keys(joined, stopwords=False):
                if len(key) >= MIN_KEY_LEN:
                    found[bisect_right(starts, s) - 1].append(key)
            self.word_keys = {w: tuple(ks) for w, ks in zip(vocab, found)}
        scripts: Dict[str, int] = {}
        for w, ks in self.word_keys.items():
            bit = 1 if is_devanagari_word(w) else 2
            for k in ks:
                scripts[k] = scripts.get(k, 0) | bit
        self.bridge: Set[str] = {k for k, b in scripts.items() if b == 3}
        wk = self.word_keys
        self.doc_counts: List[Counter] = []
        for wc in word_counts:
            kc: Counter = Counter()
            for w, c in wc.items():
                for k in wk[w]:
                    kc[k] += c
            self.doc_counts.append(kc)

    def keys_of_words(self, words: Sequence[str]) -> List[str]:
        """The keys of some words, in order (stop words give none)."""
        out: List[str] = []
        wk = self.word_keys
        for w in words:
            out.extend(wk.get(w, ()))
        return out
