"""Copy groups (near-duplicates and partial copies) and the passages they share."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

__all__ = ["classify_pairs", "classify_overlaps", "copy_groups", "passages", "PreparedOps",
           "prepared_ops"]


class PreparedOps(NamedTuple):
    """What the copy stages read from prepared documents instead of their texts
    (docs/contracts/prepare.md): ``near_duplicates(parts, threshold)``,
    ``signatures(docs)``, ``overlaps(docs, pairs)``, ``passages(docs, pairs, min_words)``,
    a document being a list of ``(batch, row, base)`` pieces."""

    near_duplicates: Callable[..., Any]
    signatures: Callable[..., Any]
    overlaps: Callable[..., Any]
    passages: Callable[..., Any]


def prepared_ops(batches: Sequence[Any]) -> Optional[PreparedOps]:
    """The Rust core's calls when every batch is a ``_core.PreparedBatch``, their pure
    twins when every one is an :class:`asimtext.pure.prepare.PreparedBatch`, else None
    (the texts are read: a doc that was not prepared)."""
    from asimtext.pure import prepare as pure

    if all(type(b) is pure.PreparedBatch for b in batches):
        return PreparedOps(pure.prepared_near_duplicates, pure.prepared_signatures,
                           pure.prepared_overlaps, pure.prepared_passages)
    import asimtext

    core = asimtext._core
    rust = getattr(core, "PreparedBatch", None)
    if rust is not None and all(type(b) is rust for b in batches):
        return PreparedOps(core._prepared_near_duplicates, core._prepared_signatures,
                           core._prepared_overlaps, core._prepared_passages)
    return None


def prefilter(
    candidates: Sequence[Tuple[int, int]],
    sigs: Any,
    sizes: Any,
    dup_threshold: float,
    containment_threshold: float,
    margin: float = 0.6,
) -> List[Tuple[int, int]]:
    """The candidate pairs whose MinHash-estimated Jaccard or containment reaches
    ``margin`` times its threshold (so that estimation error does not lose copies):
    only those get an exact ``overlap``. ``sizes`` approximate the shingle counts;
    containment is estimated as ``J (|A| + |B|) / (1 + J) / min(|A|, |B|)``."""
    if not candidates:
        return []
    import numpy as np

    sig = np.asarray(sigs)
    sz = np.maximum(np.asarray(sizes, dtype=np.float64), 1.0)
    pa = np.fromiter((p[0] for p in candidates), dtype=np.int64, count=len(candidates))
    pb = np.fromiter((p[1] for p in candidates), dtype=np.int64, count=len(candidates))
    out: List[Tuple[int, int]] = []
    step = 65536
    for lo in range(0, pa.size, step):
        a, b = pa[lo:lo + step], pb[lo:lo + step]
        jac = (sig[a] == sig[b]).mean(axis=1)
        cont = jac * (sz[a] + sz[b]) / (1.0 + jac) / np.minimum(sz[a], sz[b])
        keep = (jac >= margin * dup_threshold) | (cont >= margin * containment_threshold)
        out.extend(zip(a[keep].tolist(), b[keep].tolist()))
    return out


def classify_pairs(
    candidates: Sequence[Tuple[int, int]],
    texts: Sequence[str],
    overlap: Callable[..., Tuple[float, float]],
    dup_threshold: float,
    containment_threshold: float,
) -> List[Tuple[int, int, str, float, float]]:
    """``(i, j, kind, jaccard, containment)`` for the candidate pairs that are copies:
    ``near-duplicate`` at Jaccard >= ``dup_threshold``, else ``partial-copy`` at
    containment (share of the smaller article's shingles found in the other) >=
    ``containment_threshold``."""
    return classify_overlaps(candidates, [overlap(texts[i], texts[j]) for i, j in candidates],
                             dup_threshold, containment_threshold)


def classify_overlaps(
    candidates: Sequence[Tuple[int, int]],
    overlaps: Sequence[Tuple[float, float]],
    dup_threshold: float,
    containment_threshold: float,
) -> List[Tuple[int, int, str, float, float]]:
    """:func:`classify_pairs` of candidate pairs whose ``(jaccard, containment)`` are
    known."""
    out = []
    for (i, j), (jac, cont) in zip(candidates, overlaps):
        jac, cont = float(jac), float(cont)
        if jac >= dup_threshold:
            out.append((i, j, "near-duplicate", jac, cont))
        elif cont >= containment_threshold:
            out.append((i, j, "partial-copy", jac, cont))
    return out


def copy_groups(
    pairs: Sequence[Tuple[int, int, str, float, float]],
    ids: Sequence[str],
    story_of: Callable[[int], str],
) -> List[Dict[str, Any]]:
    """Connected components of the copy pairs, each with its pairs."""
    parent: Dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, *_ in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    comps: Dict[int, List[Tuple[int, int, str, float, float]]] = {}
    for p in pairs:
        comps.setdefault(find(p[0]), []).append(p)
    groups = []
    for root in sorted(comps):
        ps = sorted(comps[root])
        members = sorted({x for p in ps for x in p[:2]})
        groups.append(
            {
                "story": story_of(members[0]),
                "articles": [ids[x] for x in members],
                "pairs": [
                    {
                        "a": ids[i],
                        "b": ids[j],
                        "kind": kind,
                        "jaccard": round(jac, 4),
                        "containment": round(cont, 4),
                    }
                    for i, j, kind, jac, cont in ps
                ],
            }
        )
    for n, g in enumerate(groups, 1):
        g["id"] = f"C{n}"
    return [{k: g[k] for k in ("id", "story", "articles", "pairs")} for g in groups]


def passages(
    pairs: Sequence[Tuple[int, int, str, float, float]],
    texts: Sequence[str],
    ids: Sequence[str],
    story_of: Callable[[int], str],
    shared_passages: Optional[Callable[..., Any]],
    min_words: int,
    found: Optional[Sequence[Sequence[Tuple[int, int, int, int, int]]]] = None,
) -> List[Dict[str, Any]]:
    """The passages each copy pair shares, with offsets in both articles: ``found``
    (``(a_start, a_end, b_start, b_end, words)`` per pair in sorted order, from the
    prepared documents), or ``shared_passages`` of the texts."""
    ps = sorted(pairs)
    if found is None:
        found = [[(p.a_start, p.a_end, p.b_start, p.b_end, getattr(p, "words", 0))
                  for p in shared_passages(texts[i], texts[j], min_words=min_words)]
                 for i, j, *_ in ps]
    out = []
    for (i, j, *_), got in zip(ps, found):
        for a_s, a_e, b_s, b_e, words in got:
            a_s, a_e, b_s, b_e = int(a_s), int(a_e), int(b_s), int(b_e)
            text = " ".join(texts[i][a_s:a_e].split())
            out.append(
                {
                    "story": story_of(i),
                    "words": int(words or len(text.split())),
                    "text": text,
                    "occurrences": [
                        {"article": ids[i], "start": a_s, "end": a_e},
                        {"article": ids[j], "start": b_s, "end": b_e},
                    ],
                }
            )
    for n, p in enumerate(out, 1):
        p["id"] = f"P{n}"
    return [{k: p[k] for k in ("id", "story", "words", "text", "occurrences")} for p in out]
