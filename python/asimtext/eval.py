"""Scoring of extracted spans against a gold file (the format of ``spec/spans.md``).

Command line::

    python -m asimtext.eval spans GOLD.jsonl [--docs DIR] [--impl rust|pure]
                                             [--reference-date YYYY-MM-DD] [--json]

prints precision, recall and F1, strict and relaxed, per kind and overall.
A prediction is *strictly* correct when ``start``, ``end``, ``kind`` and
``value`` equal a gold span's; *relaxed* when it overlaps a gold span of the
same kind. Scores are micro-averaged over all spans of the file.

In Python: :func:`score_spans` scores lists of span dicts, :func:`evaluate_spans`
runs an extractor over the documents of a gold file and scores it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Callable

from asimtext._core import SPAN_KINDS
from asimtext.errors import ArgumentError, MissingFileError

__all__ = ["evaluate_spans", "format_scores", "load_gold", "main", "score_spans"]

_KINDS = SPAN_KINDS


def load_gold(path: str) -> list:
    """Read a ``*.spans.jsonl`` gold file: a list of dicts with doc, start, end, text, kind, value."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise ArgumentError(f"{path}:{n}: not JSON: {e.msg}") from None
            missing = [k for k in ("doc", "start", "end", "kind", "value") if k not in d]
            if missing:
                raise ArgumentError(f"{path}:{n}: missing field(s) {', '.join(missing)}")
            out.append(d)
    return out


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "predicted": n_pred, "gold": n_gold}


def score_spans(gold: Iterable[dict], predicted: Iterable[dict]) -> dict:
    """Score predicted spans against gold spans.

    Both are iterables of dicts with ``start``, ``end``, ``kind``, ``value`` and
    (optionally) ``doc``. Returns ``{"strict": {kind: scores, ..., "all": scores},
    "relaxed": {...}}`` where scores hold precision, recall, f1, predicted, gold.
    """
    gold = [dict(g) for g in gold]
    pred = [dict(p) for p in predicted]

    def key(d):
        return (d.get("doc"), d["start"], d["end"], d["kind"], d["value"])

    gold_keys = {}
    for g in gold:
        gold_keys[key(g)] = gold_keys.get(key(g), 0) + 1
    pred_keys = {}
    for p in pred:
        pred_keys[key(p)] = pred_keys.get(key(p), 0) + 1

    def overlaps(a, b):
        return (
            a.get("doc") == b.get("doc")
            and a["kind"] == b["kind"]
            and a["start"] < b["end"]
            and b["start"] < a["end"]
        )

    kinds = sorted(
        {d["kind"] for d in gold} | {d["kind"] for d in pred},
        key=lambda k: (_KINDS.index(k) if k in _KINDS else len(_KINDS), k),
    )
    result: dict = {"strict": {}, "relaxed": {}}
    for kind in list(kinds) + ["all"]:
        g = [d for d in gold if kind == "all" or d["kind"] == kind]
        p = [d for d in pred if kind == "all" or d["kind"] == kind]
        strict_p = sum(1 for d in p if gold_keys.get(key(d), 0) > 0)
        strict_r = sum(1 for d in g if pred_keys.get(key(d), 0) > 0)
        result["strict"][kind] = _prf(strict_p, len(p), strict_r, len(g))
        relaxed_p = sum(1 for d in p if any(overlaps(d, x) for x in gold))
        relaxed_r = sum(1 for d in g if any(overlaps(d, x) for x in pred))
        result["relaxed"][kind] = _prf(relaxed_p, len(p), relaxed_r, len(g))
    return result


def _read_doc(path: str) -> str:
    # newline="" keeps the text exactly as stored (the gold offsets count every character)
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def evaluate_spans(
    gold_path: str,
    docs_dir: str | None = None,
    extract: Callable[..., list] | None = None,
    reference_date=None,
) -> dict:
    """Run ``extract`` (default :func:`asimtext.extract`) over every document of
    a gold file and score it with :func:`score_spans`. ``docs_dir`` defaults to
    the first of ``<gold dir>``, ``<gold dir>/../seeds`` that holds the documents.
    Returns the scores plus ``"predicted"``: the predicted span dicts."""
    gold = load_gold(gold_path)
    if extract is None:
        import asimtext

        extract = asimtext.extract
    docs = sorted({g["doc"] for g in gold})
    if docs_dir is None:
        base = os.path.dirname(os.path.abspath(gold_path))
        for cand in (base, os.path.join(base, "..", "seeds"), os.path.join(base, "seeds")):
            if all(os.path.exists(os.path.join(cand, d)) for d in docs):
                docs_dir = cand
                break
        else:
            raise MissingFileError(
                f"cannot find the documents of {gold_path}; pass docs_dir (--docs)"
            )
    pred = []
    for d in docs:
        path = os.path.join(docs_dir, d)
        if not os.path.exists(path):
            raise MissingFileError(f"{path}: no such file (document of {gold_path})")
        text = _read_doc(path)
        for s in extract(text, reference_date=reference_date):
            row = s.to_dict()
            row["doc"] = d
            pred.append(row)
    scores = score_spans(gold, pred)
    scores["predicted"] = pred
    return scores


def format_scores(scores: dict) -> str:
    """A plain-text table of :func:`score_spans` results."""
    lines = [
        (f"{'kind':<10} {'gold':>5} {'pred':>5}   {'P':>6} {'R':>6} {'F1':>6}   "
        f"{'rel P':>6} {'rel R':>6} {'rel F1':>6}")
    ]
    for kind, s in scores["strict"].items():
        r = scores["relaxed"][kind]
        if kind == "all":
            lines.append("-" * len(lines[0]))
        lines.append(
            f"{kind:<10} {s['gold']:>5} {s['predicted']:>5}   {s['precision']:>6.3f} "
            f"{s['recall']:>6.3f} {s['f1']:>6.3f}   {r['precision']:>6.3f} {r['recall']:>6.3f} "
            f"{r['f1']:>6.3f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, prog: str = "asimtext eval") -> int:
    """``asimtext eval TASK ...`` (also ``python -m asimtext.eval``)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="task", metavar="TASK")
    p = sub.add_parser("spans", help="score span extraction against a gold file")
    p.add_argument("gold", help="a *.spans.jsonl gold file")
    p.add_argument("--docs", default=None, help="directory of the gold file's documents")
    p.add_argument("--impl", choices=["rust", "pure"], default="rust")
    p.add_argument("--reference-date", default=None, help="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", action="store_true", help="also list misses and false hits")
    args = parser.parse_args(argv)
    if args.task != "spans":
        parser.print_help(sys.stderr)
        return 2
    if args.impl == "pure":
        from asimtext.pure.spans import extract
    else:
        from asimtext import extract
    try:
        scores = evaluate_spans(args.gold, args.docs, extract, args.reference_date)
    except (OSError, ValueError) as e:
        print(f"asimtext.eval: error: {e}", file=sys.stderr)
        return 1
    pred = scores.pop("predicted")
    if args.json:
        print(json.dumps(scores, indent=2, sort_keys=True))
    else:
        print(format_scores(scores))
    if args.errors:
        gold = load_gold(args.gold)

        def k(d):
            return (d["doc"], d["start"], d["end"], d["kind"], d["value"])

        gk = {k(g): g for g in gold}
        pk = {k(x): x for x in pred}
        for key in sorted(set(gk) - set(pk)):
            print("miss ", key, repr(gk[key].get("text")))
        for key in sorted(set(pk) - set(gk)):
            print("extra", key, repr(pk[key].get("text")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
