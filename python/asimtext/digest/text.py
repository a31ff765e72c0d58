"""Text helpers of the digest, all regular-expression based (no per-character Python loops)."""

from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import regex

from asimtext.pure.prepare import LANG_SAMPLE
from asimtext.pure.prepare import detect_lang as _pure_detect_lang

# (the sentences are a rule of the pure twin: read here under their old names)
from asimtext.pure.sentences import _BOUNDARY, _LAST_SPACE, _MARKS, _SPACE, Sentences, collapse_space  # noqa: F401

__all__ = ["Sentences", "sentences_batch", "collapse_space", "WORD_RE", "detect_lang", "is_devanagari_word", "lead_end",
           "LANG_SAMPLE"]

# A word: a run of Devanagari letters and signs (danda excluded), or of Latin letters.
_DEV = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
WORD_RE = regex.compile(rf"[{_DEV}]+|[A-Za-z]+(?:['’][A-Za-z]+)?")



def is_devanagari_word(word: str) -> bool:
    return "\u0900" <= word[:1] <= "\u097f"


def detect_lang(text: str) -> Optional[str]:
    """``hi`` (mostly Devanagari letters), ``en`` (mostly Latin), ``mixed``, or None.

    Decided on the first ``LANG_SAMPLE`` characters (enough for a language, and it
    keeps the cost per article bounded): the Rust core's ``_detect_lang``, read in
    place, else its pure twin :func:`asimtext.pure.prepare.detect_lang` (the rule)."""
    return _detect_lang(text)


def _pick_detect_lang() -> Callable[[str], Optional[str]]:
    try:
        from asimtext._core import _detect_lang as rust
        return rust  # type: ignore[no-any-return]
    except ImportError:
        return _pure_detect_lang


_detect_lang = _pick_detect_lang()


def lead_end(text: str, sentences: int = 3) -> int:
    """Where a text's lead, its first ``sentences`` sentences, ends (blank lines and
    empty sentences count too: a cheap bound, read only as far as needed)."""
    n = 0
    for m in _BOUNDARY.finditer(text):
        n += 1
        if n >= sentences:
            return m.end()
    return len(text)


def sentences_batch(texts: Sequence[str], spans: Sequence[Sequence[Tuple[int, int]]]
                    ) -> List[Tuple[List[int], List[Tuple[int, int, str]]]]:
    """Per text, ``(which, sentences)``: its distinct sentences around the spans
    ``(start, end)`` as :meth:`Sentences.sentence` gives them (``(start, end,
    text)``, white space collapsed), in order of first use, and per span the index
    of its own. For a whole batch in one call of the Rust core (all cores, the GIL
    released) where the build has it, else of its pure twin
    :func:`asimtext.pure.sentences.sentences_batch`."""
    global _sentences_batch
    if _sentences_batch is None:
        try:
            from asimtext._core import _sentences_batch as rust  # type: ignore[attr-defined]
            _sentences_batch = rust
        except ImportError:
            from asimtext.pure.sentences import sentences_batch as pure
            _sentences_batch = pure
    return _sentences_batch(texts, spans)


_sentences_batch: Optional[Callable[..., List[Tuple[List[int], List[Tuple[int, int, str]]]]]] = None
