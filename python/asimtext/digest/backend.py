"""The Rust capabilities the digest stands on, gathered in one replaceable object.

The digest does no per-character work in Python: span extraction, cross-script
keys, shingle overlap and shared passages are calls into :mod:`asimtext`'s Rust
core. :class:`Backend` bundles those calls so that a test (or a user with their
own extractor) can pass replacements to :func:`asimtext.digest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from asimtext.errors import MissingDependencyError

__all__ = ["Backend", "BackendUnavailable", "default_backend"]


class BackendUnavailable(MissingDependencyError, RuntimeError):
    """A capability the digest needs is missing from this build of asimtext."""


@dataclass(frozen=True)
class Backend:
    """The calls the digest makes.

    * ``extract_batch(texts, *, reference_dates=None)`` -> a list of span lists
      (objects with ``start, end, text, kind, value, resolved``);
    * ``xscript_keys(text, *, stopwords=False)`` -> ``[(start, end, key)]``;
    * ``overlap(a, b)`` -> ``(jaccard, containment)`` of word 5-gram shingles;
    * ``shared_passages(a, b, min_words=8)`` -> passages with
      ``a_start, a_end, b_start, b_end``;
    * ``normalize(text, form="match")`` -> the match-key form of a text;
    * ``near_duplicates(texts, threshold=0.8)`` -> an object whose ``pairs`` are
      ``(i, j, estimated, exact)``;
    * ``signatures(texts)`` -> a ``(len(texts), num_perm)`` array of MinHash
      signatures of word 5-gram shingles (to estimate which pairs are worth an
      exact ``overlap``);
    * ``vocabulary(texts)`` (optional) -> the article x key counts that
      ``asimtext.digest.keys.Vocabulary`` otherwise computes in Python from
      ``xscript_keys``: the Rust core's, used when ``xscript_keys`` is the real one;
    * ``prepare_batch`` (optional) -> ``prepare_batch(texts)``, every text read once for
      its spans (resolved when read), words, language and gazetteer names (the Rust
      core's ``_prepare_batch``, used when ``extract_batch`` is the real one; else the
      pure twin over ``extract_batch``: :meth:`prepare`);
    * ``prepared_vocabulary`` (optional) -> ``prepared_vocabulary([(batch, rows)])``,
      what ``vocabulary`` gives for the texts of those rows, from the words the Rust
      batches kept (used with ``vocabulary``);
    * ``from_prepared``: the near-duplicates, the copy stage (signatures, overlap,
      shared passages) and the sentence templates read the prepared documents' match-key
      tokens (:mod:`asimtext.digest.copies`: ``_core._prepared_*`` for Rust batches, the
      twins in :mod:`asimtext.pure.prepare` for pure ones) instead of calling
      ``near_duplicates``, ``signatures``, ``overlap``, ``shared_passages`` and
      ``normalize`` on the texts: set where those are the real calls (what the tokens
      give is what they give), cleared when one of them is replaced;
    * ``context_keys`` (optional) -> ``context_keys(texts, values, width, reach)``, the
      content-word keys around every value of every text, each text keyed once (the
      Rust core's ``_context_keys_batch``, used when ``xscript_keys`` is the real one;
      else its pure twin :func:`asimtext.pure.prepare.context_keys_batch` over
      ``xscript_keys``: :meth:`context_keys_batch`): the text route, for documents
      not read from a prepared batch (``from_prepared`` false, Dask partitions,
      released rows); prepared ones are read with ``PreparedBatch.context_keys``.
    * ``pair_index`` (optional) -> the class that sums the story grouping's candidate
      pairs (the Rust core's ``PairIndex``, on all cores; None: its pure twin
      :class:`asimtext.pure.pairs.PairIndex`, the same arrays).
    """

    extract_batch: Callable[..., Any]
    xscript_keys: Callable[..., Any]
    overlap: Callable[..., Any]
    shared_passages: Callable[..., Any]
    normalize: Callable[..., Any]
    near_duplicates: Callable[..., Any]
    signatures: Callable[..., Any]
    vocabulary: Optional[Callable[..., Any]] = None
    context_keys: Optional[Callable[..., Any]] = None
    prepare_batch: Optional[Callable[..., Any]] = None
    prepared_vocabulary: Optional[Callable[..., Any]] = None
    from_prepared: bool = False
    pair_index: Optional[Callable[..., Any]] = None

    def replace(self, **kw: Any) -> "Backend":
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        if "xscript_keys" in kw:  # the Rust calls below key with the real xscript_keys
            for name in ("vocabulary", "context_keys", "prepared_vocabulary"):
                if name not in kw:
                    d[name] = None
        if "vocabulary" in kw and "prepared_vocabulary" not in kw:
            d["prepared_vocabulary"] = None  # (the same vocabulary, from prepared texts)
        if "extract_batch" in kw and "prepare_batch" not in kw:
            d["prepare_batch"] = None  # (it extracts with the real extractor)
        if "from_prepared" not in kw and any(k in kw for k in _FROM_PREPARED):
            d["from_prepared"] = False  # (the tokens give what the real calls give)
        d.update(kw)
        return Backend(**d)

    def prepare(self, texts: Any) -> Any:
        """The prepared-document batch of ``texts`` (``_core.PreparedBatch``, or its pure
        twin :class:`asimtext.pure.prepare.PreparedBatch` over this backend's
        ``extract_batch`` and the gazetteer where ``prepare_batch`` is None)."""
        if self.prepare_batch is not None:
            return self.prepare_batch(texts)
        from asimtext.digest.scope import default_gazetteer
        from asimtext.pure.prepare import prepare_batch

        return prepare_batch(texts, extract_batch=self.extract_batch,
                             gazetteer=default_gazetteer())

    def context_keys_batch(self) -> Callable[..., Any]:
        """``context_keys``, or its pure twin over this backend's ``xscript_keys``."""
        if self.context_keys is not None:
            return self.context_keys
        from functools import partial

        from asimtext.pure.prepare import context_keys_batch

        return partial(context_keys_batch, keys=self.xscript_keys)


_NEEDS = {
    "extract_batch": "span extraction (issue 4)",
    "xscript_keys": "cross-script keys (issue 5)",
    "overlap": "near-duplicate detection (issue 3)",
    "shared_passages": "near-duplicate detection (issue 3)",
    "normalize": "normalization",
    "near_duplicates": "near-duplicate detection (issue 3)",
    "signatures": "near-duplicate detection (issue 3)",
}


#: The text calls the prepared documents answer for (``Backend.from_prepared``).
_FROM_PREPARED = ("near_duplicates", "signatures", "overlap", "shared_passages", "normalize")


def _signatures(texts: Any) -> Any:
    import asimtext

    return asimtext.MinHasher(num_perm=128, ngram=5, unit="word", seed=1).signatures(texts)


def _missing(name: str) -> Callable[..., Any]:
    def call(*_a: Any, **_k: Any) -> Any:
        raise BackendUnavailable(
            f"asimtext.{name} is not available in this build: the digest needs {_NEEDS[name]}"
        )

    call.__name__ = name
    return call


def default_backend(**overrides: Optional[Callable[..., Any]]) -> Backend:
    """The real calls of :mod:`asimtext` (missing ones raise :class:`BackendUnavailable`
    when used), with any of them replaced by ``overrides``."""
    import asimtext

    funcs = {}
    for name in _NEEDS:
        f = overrides.get(name)
        if f is None and name == "signatures" and hasattr(asimtext, "MinHasher"):
            f = _signatures
        if f is None:
            f = getattr(asimtext, name, None) or _missing(name)
        funcs[name] = f
    real_keys = overrides.get("xscript_keys") is None
    vocabulary = overrides.get("vocabulary")
    if vocabulary is None and real_keys:
        vocabulary = getattr(asimtext._core, "_vocabulary", None)
    context_keys = overrides.get("context_keys")
    if context_keys is None and real_keys:
        context_keys = getattr(asimtext._core, "_context_keys_batch", None)
    prepare = overrides.get("prepare_batch")
    if prepare is None and overrides.get("extract_batch") is None:
        prepare = getattr(asimtext._core, "_prepare_batch", None)
    prepared_vocabulary = overrides.get("prepared_vocabulary")
    if prepared_vocabulary is None and real_keys and overrides.get("vocabulary") is None:
        prepared_vocabulary = getattr(asimtext._core, "_prepared_vocabulary", None)
    from_prepared = (all(overrides.get(k) is None for k in _FROM_PREPARED)
                     and hasattr(asimtext._core, "_prepared_overlaps"))
    pair_index = overrides.get("pair_index") or getattr(asimtext._core, "PairIndex", None)
    return Backend(**funcs, vocabulary=vocabulary, context_keys=context_keys,
                   prepare_batch=prepare, prepared_vocabulary=prepared_vocabulary,
                   from_prepared=from_prepared, pair_index=pair_index)
