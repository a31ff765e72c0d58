"""Regression tests for the bugs the reliability work (issue 7) found."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import asimtext
import pytest
from asimtext.pure import xscript as pure_xscript


def run_isolated(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter, so that a crash cannot kill pytest."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("params", ["(2**32, 2**32)", "(2**33, 2**31)", "(2**63, 2)"])
def test_lsh_huge_params_raise_value_error(params):
    # bands * rows overflowed: the index was accepted and tried to allocate
    # 2**32 hash maps (the interpreter aborted) or panicked.
    p = run_isolated(
        f"""
        import asimtext
        try:
            asimtext.LSH(threshold=0.5, num_perm=128, params={params})
        except (ValueError, OverflowError) as e:
            print("raised", type(e).__name__)
        """
    )
    assert p.returncode == 0, p.stderr[-2000:]
    assert "raised" in p.stdout


@pytest.mark.parametrize(
    "text, spans",
    [
        ("İ", [(0, 1)]),
        ("\u200fxİ", [(1, 3)]),
        ("İs", [(0, 1), (1, 2)]),
        ("İÅ", [(0, 1), (1, 2)]),
    ],
)
def test_xscript_token_of_an_expanding_character(text, spans):
    # "İ" lower-cases to "i" + U+0307; the token ended where the next output
    # character starts, the same input character: an empty span (0, 0).
    for toks in (asimtext.xscript_tokens(text), pure_xscript.tokens(text)):
        assert [(s, e) for s, e, _k, _kind in toks] == spans


@pytest.mark.parametrize("text", ["\u212b\u094dॐ", "\u0316\u212b\u094dॐ", "x\u212b\u094dॐ"])
def test_xscript_tokens_after_reordered_marks_do_not_overlap(text):
    # NFC puts the virama before the ring of Å (U+212B) and gives both marks
    # the whole run's range: the second token started inside the first.
    toks = asimtext.xscript_tokens(text)
    assert toks == pure_xscript.tokens(text)
    assert len(toks) >= 2
    prev = 0
    for s, e, _k, _kind in toks:
        assert prev <= s < e <= len(text), toks
        prev = e
