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

__all__ = [
    "evaluate_cases",
    "evaluate_spans",
    "format_case_scores",
    "format_scores",
    "load_cases",
    "load_gold",
    "main",
    "score_cases",
    "score_spans",
]

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


# ---------------------------------------------------------------- case files
#
# A case file (``tests/data/spans-eval/*.jsonl``) holds short annotated texts
# converted from public test suites: one JSON object a line with ``id``,
# ``split`` (``dev``, ``heldout``, or ``test``: a suite added after the rules
# were written, never used to write them), ``kinds`` (the kinds the source annotates
# in that text: predictions of other kinds are not scored), ``text`` and
# ``spans`` (``[span text, kind, value]`` in text order; offsets are found by
# searching the text from the end of the previous span).

_NUMERIC = {"number", "percent", "ordinal"}


def load_cases(path: str, split: str = "all") -> list:
    """Read a case file; ``split`` keeps ``dev``, ``heldout``, ``test`` or ``all`` cases.
    Each case gets ``gold``: span dicts with offsets."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise ArgumentError(f"{path}:{n}: not JSON: {e.msg}") from None
            for k in ("id", "split", "kinds", "text", "spans"):
                if k not in d:
                    raise ArgumentError(f"{path}:{n}: missing field {k}")
            if split != "all" and d["split"] != split:
                continue
            gold = []
            pos = 0
            for i, (st, kind, value) in enumerate(d["spans"]):
                p = d["text"].find(st, pos)
                if p < 0:
                    raise ArgumentError(f"{path}:{n}: spans[{i}] {st!r} not found in the text")
                pos = p + len(st)
                gold.append({"doc": d["id"], "start": p, "end": pos, "text": st, "kind": kind,
                             "value": value})
            d["gold"] = gold
            out.append(d)
    return out


def _num(s: str):
    try:
        return float(s)
    except ValueError:
        return None


def value_matches(kind: str, gold: str, pred: str) -> bool:
    """Whether a predicted value equals a gold value: numbers (and the amount of
    money) to a relative 1e-9, so ``0.333333333333333`` matches a third; the rest exactly."""
    if gold == pred:
        return True
    if kind == "money":
        g, p = gold.split(" ", 1), pred.split(" ", 1)
        if len(g) != 2 or len(p) != 2 or g[0] != p[0]:
            return False
        gold, pred, kind = g[1], p[1], "number"
    if kind in _NUMERIC:
        a, b = _num(gold), _num(pred)
        if a is None or b is None:
            return False
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return False


def score_cases(cases: list, predicted: dict) -> dict:
    """Per kind and overall: gold, predicted (in the case's kinds), span matches
    (same start, end and kind), recall, span precision and F1, value accuracy
    (among span matches) and strict F1 (span and value)."""
    rows: dict = {}

    def row(kind):
        return rows.setdefault(kind, {"gold": 0, "predicted": 0, "span": 0, "value": 0})

    for c in cases:
        preds = [p for p in predicted[c["id"]] if p["kind"] in c["kinds"]]
        pk = {(p["start"], p["end"], p["kind"]): p for p in preds}
        for p in preds:
            row(p["kind"])["predicted"] += 1
            row("all")["predicted"] += 1
        for g in c["gold"]:
            hit = pk.get((g["start"], g["end"], g["kind"]))
            for r in (row(g["kind"]), row("all")):
                r["gold"] += 1
                if hit is not None:
                    r["span"] += 1
                    r["value"] += value_matches(g["kind"], g["value"], hit["value"])
    out = {}
    order = sorted((k for k in rows if k != "all"),
                   key=lambda k: _KINDS.index(k) if k in _KINDS else len(_KINDS))
    for k in order + (["all"] if "all" in rows else []):
        r = rows[k]
        rec = r["span"] / r["gold"] if r["gold"] else 0.0
        prec = r["span"] / r["predicted"] if r["predicted"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        vacc = r["value"] / r["span"] if r["span"] else 0.0
        sp = r["value"] / r["predicted"] if r["predicted"] else 0.0
        sr = r["value"] / r["gold"] if r["gold"] else 0.0
        sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
        out[k] = dict(r, recall=rec, precision=prec, span_f1=f1, value_accuracy=vacc,
                      strict_f1=sf)
    return out


def evaluate_cases(path: str, split: str = "all", extract: Callable[..., list] | None = None,
                   reference_date=None) -> tuple:
    """Run ``extract`` over the cases of a case file; ``(scores, cases, predicted)``."""
    if extract is None:
        import asimtext

        extract = asimtext.extract
    cases = load_cases(path, split)
    predicted = {}
    for c in cases:
        rows = []
        for s in extract(c["text"], reference_date=reference_date):
            d = s.to_dict()
            d["doc"] = c["id"]
            rows.append(d)
        predicted[c["id"]] = rows
    return score_cases(cases, predicted), cases, predicted


def format_case_scores(scores: dict) -> str:
    """A plain-text table of :func:`score_cases` results."""
    head = (f"{'kind':<10} {'gold':>5} {'pred':>5}   {'recall':>6} {'spanP':>6} {'spanF1':>6}"
            f"   {'value':>6} {'strict':>6}")
    lines = [head]
    for kind, r in scores.items():
        if kind == "all":
            lines.append("-" * len(head))
        lines.append(
            f"{kind:<10} {r['gold']:>5} {r['predicted']:>5}   {r['recall']:>6.3f} "
            f"{r['precision']:>6.3f} {r['span_f1']:>6.3f}   {r['value_accuracy']:>6.3f} "
            f"{r['strict_f1']:>6.3f}"
        )
    return "\n".join(lines)


def _cases_main(args) -> int:
    if args.impl == "pure":
        from asimtext.pure.spans import extract
    else:
        from asimtext import extract
    try:
        scores, cases, predicted = evaluate_cases(args.cases, args.split, extract,
                                                  args.reference_date)
    except (OSError, ValueError) as e:
        print(f"asimtext.eval: error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(scores, indent=2, sort_keys=True))
    else:
        print(format_case_scores(scores))
    if args.errors:
        for c in cases:
            preds = [p for p in predicted[c["id"]] if p["kind"] in c["kinds"]]
            def same(a, b):
                return (a["start"], a["end"], a["kind"]) == (b["start"], b["end"], b["kind"]) and (
                    value_matches(a["kind"], a["value"], b["value"]))

            misses = [g for g in c["gold"] if not any(same(g, p) for p in preds)]
            extras = [p for p in preds if not any(same(g, p) for g in c["gold"])]
            if misses or extras:
                print(f"{c['id']}: {c['text']!r}")
                for g in misses:
                    print(f"   miss  {g['text']!r} {g['kind']} {g['value']}")
                for p in extras:
                    print(f"   extra {p['text']!r} {p['kind']} {p['value']}")
    return 0


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
    q = sub.add_parser("cases", help="score span extraction on a case file (tests/data/spans-eval)")
    q.add_argument("cases", help="a case file: one annotated text a line")
    q.add_argument("--split", choices=["dev", "heldout", "test", "all"], default="all")
    q.add_argument("--impl", choices=["rust", "pure"], default="rust")
    q.add_argument("--reference-date", default=None, help="YYYY-MM-DD")
    q.add_argument("--json", action="store_true", help="print the scores as JSON")
    q.add_argument("--errors", action="store_true", help="list the cases with misses or false hits")
    args = parser.parse_args(argv)
    if args.task == "cases":
        return _cases_main(args)
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
