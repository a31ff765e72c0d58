"""Pure-Python twin of :func:`asimtext.normalize` (PLACEHOLDER: mirrors the Rust placeholder)."""

from __future__ import annotations


def normalize_with_offsets(text: str, *, form: str = "canonical", **_opts) -> tuple[str, list[int]]:
    out = []
    offs = []
    for i, c in enumerate(text):
        m = c
        if form == "match":
            o = ord(c)
            if 0x0966 <= o <= 0x096F:
                m = chr(ord("0") + o - 0x0966)
            elif c == "\u093c":
                m = ""
            elif c == "\u0901":
                m = "\u0902"
            elif c in "\u0964\u0965":
                m = "."
            elif "A" <= c <= "Z":
                m = c.lower()
        if m:
            out.append(m)
            offs.append(i)
    offs.append(len(text))
    return "".join(out), offs


def normalize(text: str, *, form: str = "canonical", **opts) -> str:
    return normalize_with_offsets(text, form=form, **opts)[0]
