"""The `asimtext` command line.

Every sub-command reads files or standard input, writes to a file or standard
output, prints one-line errors to standard error and exits non-zero on failure.
"""

from __future__ import annotations

import argparse
import sys
from typing import Callable, Optional, Sequence

import asimtext

# Sub-commands register themselves here: name -> (configure parser, run).
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code 1."""


# ---- batch commands (issue 6): normalize, spans, dedup, bench over dumps ----
# The pipeline lives in asimtext.batch; these functions only parse arguments.

_DUMP_HELP = (
    "input: .jsonl, .jsonl.gz, .parquet, a .txt file, a folder of such files, "
    "or - for JSON Lines on standard input"
)


def _batch_io_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="DUMP", help=_DUMP_HELP)
    p.add_argument("-o", "--output", default="-",
                   help="output file: .jsonl, .jsonl.gz or .parquet "
                        "(default: JSON Lines on standard output)")
    p.add_argument("--text-field", default="text",
                   help="JSON/Parquet field of the text (default: text)")
    p.add_argument("--id-field", default="id",
                   help="JSON/Parquet field of the id (default: id; missing: FILE:LINE)")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit 1) at the first bad input record instead of reporting it")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (bad records are still reported)")
    p.add_argument("--skipped", default=None, metavar="FILE",
                   help="write the skipped records to FILE as JSON lines "
                        "(file, line, id, reason) instead of standard error")
    p.add_argument("--chunk-size", type=int, default=2048, metavar="N",
                   help="articles per chunk handed to the Rust core (default: 2048)")


def _batch_kw(args: argparse.Namespace) -> dict:
    from asimtext.batch import progress_enabled

    return dict(text_field=args.text_field, id_field=args.id_field, strict=args.strict,
                chunk_size=args.chunk_size, progress=progress_enabled(args.quiet))


def _with_skipped_log(args: argparse.Namespace, job: Callable[[dict], object]) -> object:
    """Run ``job(kw)`` with the batch keyword arguments, logging skips to ``--skipped``."""
    from asimtext.batch import SkippedLog

    kw = _batch_kw(args)
    log = None
    if args.skipped:
        log = _batch_call(lambda: SkippedLog(args.skipped))
        kw["report"] = log
    try:
        return _batch_call(lambda: job(kw))
    finally:
        if log is not None:
            log.close()  # type: ignore[attr-defined]


def _batch_call(fn: Callable[[], object]) -> object:
    """Run a batch job, turning expected failures into one-line CliErrors."""
    from asimtext.batch import BatchError
    from asimtext.io import LoadError

    try:
        return fn()
    except (BatchError, LoadError, ModuleNotFoundError) as e:
        raise CliError(str(e)) from None
    except FileNotFoundError as e:
        raise CliError(str(e).strip("'\"")) from None
    except BrokenPipeError:
        raise
    except OSError as e:
        raise CliError(f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}") from None
    except (TypeError, ValueError) as e:
        raise CliError(str(e)) from None


def _summary(args: argparse.Namespace, stats: object, extra: str = "") -> None:
    if not args.quiet:
        print(stats.summary() + extra, file=sys.stderr)  # type: ignore[attr-defined]


def _cmd_normalize_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--form", choices=["canonical", "match", "nfc"], default="canonical",
                   help="normalization form (default: canonical)")


def _cmd_normalize_run(args: argparse.Namespace) -> int:
    """Normalize every article of a dump: one {"id", "text"} line per article."""
    from asimtext.batch import normalize_dump

    stats = _with_skipped_log(args, lambda kw: normalize_dump(args.paths, args.output,
                                                              form=args.form, **kw))
    _summary(args, stats)
    return 0


COMMANDS["normalize"] = (_cmd_normalize_configure, _cmd_normalize_run)


def _cmd_spans_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--kinds", default=None, help="comma-separated kinds to keep (default: all)")
    p.add_argument("--reference-date", default=None, help="YYYY-MM-DD, to resolve partial dates")


def _cmd_spans_run(args: argparse.Namespace) -> int:
    """Extract date, time and number spans: one {"id", "spans"} line per article."""
    from asimtext.batch import spans_dump

    kinds = args.kinds.split(",") if args.kinds else None
    stats = _with_skipped_log(args, lambda kw: spans_dump(
        args.paths, args.output, kinds=kinds, reference_date=args.reference_date, **kw))
    _summary(args, stats)
    return 0


COMMANDS["spans"] = (_cmd_spans_configure, _cmd_spans_run)


def _cmd_dedup_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--threshold", type=float, default=0.8,
                   help="minimum Jaccard similarity of the 5-word shingle sets (default: 0.8)")
    p.add_argument("--clusters", action="store_true",
                   help='write one {"id", "cluster"} line per article instead of pairs')
    p.add_argument("--num-perm", type=int, default=128, help="MinHash permutations (default: 128)")
    p.add_argument("--ngram", type=int, default=5, help="words per shingle (default: 5)")
    p.add_argument("--seed", type=int, default=1, help="MinHash seed (default: 1)")


def _cmd_dedup_run(args: argparse.Namespace) -> int:
    """Find near-duplicate articles: {"a", "b", "jaccard"} lines (or clusters)."""
    from asimtext.batch import dedup_dump

    res = _with_skipped_log(args, lambda kw: dedup_dump(
        args.paths, args.output, threshold=args.threshold, clusters=args.clusters,
        num_perm=args.num_perm, ngram=args.ngram, seed=args.seed, **kw))
    if args.clusters:
        extra = f"; {res.clusters} clusters"  # type: ignore[attr-defined]
    else:
        extra = (f"; {res.pairs} pairs from {res.candidates} candidates"  # type: ignore[attr-defined]
                 )
    _summary(args, res.stats, extra)  # type: ignore[attr-defined]
    return 0


COMMANDS["dedup"] = (_cmd_dedup_configure, _cmd_dedup_run)


def _cmd_bench_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", metavar="DUMP",
                   help="your dump (as for the other commands); default: a built-in corpus")
    p.add_argument("--docs", type=int, default=2000,
                   help="articles to time asimtext on (default: 2000)")
    p.add_argument("--pure-docs", type=int, default=100,
                   help="articles to time the pure-Python baseline on (default: 100)")
    p.add_argument("--text-field", default="text", help="JSON/Parquet field of the text")
    p.add_argument("--id-field", default="id", help="JSON/Parquet field of the id")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _cmd_bench_run(args: argparse.Namespace) -> int:
    """Throughput of asimtext vs the pure-Python baseline (MB/s, docs/s)."""
    from asimtext.bench import format_table, run_bench

    rows = _batch_call(lambda: run_bench(args.paths, docs=args.docs, pure_docs=args.pure_docs,
                                         text_field=args.text_field, id_field=args.id_field))
    if args.json:
        import json

        print(json.dumps(rows, indent=1))
    else:
        print(format_table(rows))  # type: ignore[arg-type]
    return 0


COMMANDS["bench"] = (_cmd_bench_configure, _cmd_bench_run)


def _cmd_digest_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="folders of .txt, .jsonl, .jsonl.gz, .parquet files, or - (JSON Lines on stdin)",
    )
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("--format", choices=["json", "jsonl", "md", "html"], default=None,
                   help="output format (default: from the output file's extension, else json);"
                        " jsonl: one story a line")
    p.add_argument("--keep", choices=["stories", "singletons", "all"], default=None,
                   help="stories: those two outlets or more carry, articles as id/status/story"
                        " (default for json, jsonl); singletons: every story; all: everything"
                        " (default for md, html)")
    p.add_argument("--window", default=None, metavar="SPAN",
                   help="stream the input in publication-time windows: a story closes when no"
                        " article joined it for SPAN (3d, 12h); memory follows the window")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit 1) at the first bad input record instead of reporting it")
    p.add_argument("--text-field", default="text",
                   help="JSON/Parquet field of the text (default: text)")
    p.add_argument("--id-field", default="id", help="JSON/Parquet field of the id (default: id)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on standard error")


def _cmd_digest_run(args: argparse.Namespace) -> int:
    """Digest articles from many sources: stories, copies, facts, conflicts, timeline."""
    from asimtext.digest.backend import BackendUnavailable
    from asimtext.io import LoadError, load_articles

    fmt = args.format
    if fmt is None:
        ext = args.output.lower().rsplit(".", 1)[-1] if "." in args.output else ""
        fmt = {"md": "md", "markdown": "md", "html": "html", "htm": "html",
               "jsonl": "jsonl"}.get(ext, "json")
    keep = args.keep or ("all" if fmt in ("md", "html") else "stories")
    try:
        if fmt == "jsonl" or args.window:
            return _digest_stream(args, fmt, keep)
        report = load_articles(args.paths, text_field=args.text_field, id_field=args.id_field,
                               strict=args.strict)
        result = asimtext.digest(report, keep=keep)
    except FileNotFoundError as e:
        raise CliError(str(e).strip("'\"")) from None
    except LoadError as e:
        raise CliError(str(e)) from None
    except (ModuleNotFoundError, BackendUnavailable) as e:
        raise CliError(str(e)) from None
    except OSError as e:
        raise CliError(f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}") from None
    out = {"json": lambda: result.to_json() + "\n", "md": result.to_markdown,
           "html": result.to_html}[fmt]()
    if args.output == "-":
        sys.stdout.write(out)
        sys.stdout.flush()
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(out)
        except OSError as e:
            raise CliError(f"{args.output}: {e.strerror or e}") from None
    if not args.quiet:
        c = result.counts
        print(f"{c['in']} read, {c['ok']} processed, {c['skipped']} skipped; "
              f"{c['stories']} stor{'y' if c['stories'] == 1 else 'ies'}", file=sys.stderr)
    return 0


def _digest_stream(args: argparse.Namespace, fmt: str, keep: str) -> int:
    """``--format jsonl`` and ``--window``: stories written as they are done."""
    from contextlib import nullcontext

    from asimtext.digest import DigestParams, default_backend, pipeline, stream

    if fmt in ("md", "html"):
        raise CliError("--window writes json or jsonl")
    if args.strict:
        raise CliError("--strict reads the whole input first: not with --window or jsonl")
    try:
        window = stream.parse_window(args.window) if args.window else None
    except ValueError as e:
        raise CliError(str(e)) from None
    params = DigestParams()
    paths = args.paths
    kw = dict(keep=keep, text_field=args.text_field, id_field=args.id_field)
    items = (stream.iter_digest(paths, params, default_backend(), window=window, **kw)
             if window else stream.iter_whole(paths, params, default_backend(), **kw))
    meta = pipeline.params_dict(params, keep)
    if window:
        meta["window"] = args.window
    sink = (nullcontext(sys.stdout) if args.output == "-"
            else open(args.output, "w", encoding="utf-8"))
    with sink as out:
        if fmt == "jsonl":
            c = stream.write_jsonl(items, out, meta)
        else:
            result = stream.collect(items, meta)
            out.write(result.to_json() + "\n")
            c = result.counts
    if not args.quiet:
        print(f"{c['in']} read, {c['ok']} processed, {c['skipped']} skipped; "
              f"{c['stories']} stor{'y' if c['stories'] == 1 else 'ies'}", file=sys.stderr)
    return 0


COMMANDS["digest"] = (_cmd_digest_configure, _cmd_digest_run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asimtext",
        description="Normalize, deduplicate and extract dates and numbers from Hindi/English news text.",
    )
    parser.add_argument("--version", action="version", version=f"asimtext {asimtext.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (configure, _run) in COMMANDS.items():
        p = sub.add_parser(name, help=(_run.__doc__ or "").strip().splitlines()[0] if _run.__doc__ else None)
        configure(p)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    _configure, run = COMMANDS[args.command]
    try:
        return run(args)
    except CliError as e:
        print(f"asimtext {args.command}: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
