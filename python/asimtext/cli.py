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


def _cmd_normalize_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="a text file, or - for standard input")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("--form", choices=["canonical", "match", "nfc"], default="canonical")


def _cmd_normalize_run(args: argparse.Namespace) -> int:
    if args.path == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(args.path, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            raise CliError(f"{args.path}: no such file") from None
        except UnicodeDecodeError as e:
            raise CliError(f"{args.path}: not UTF-8 at byte {e.start}") from None
    out = asimtext.normalize(text, form=args.form)
    if args.output == "-":
        sys.stdout.write(out)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(out)
    return 0


COMMANDS["normalize"] = (_cmd_normalize_configure, _cmd_normalize_run)


def _cmd_spans_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="a text file, or - for standard input")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("--kinds", default=None, help="comma-separated kinds to keep (default: all)")
    p.add_argument("--reference-date", default=None, help="YYYY-MM-DD, to resolve partial dates")


def _cmd_spans_run(args: argparse.Namespace) -> int:
    """Extract date, time and number spans as JSON lines."""
    import json

    if args.path == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(args.path, encoding="utf-8", newline="") as f:
                text = f.read()
        except FileNotFoundError:
            raise CliError(f"{args.path}: no such file") from None
        except UnicodeDecodeError as e:
            raise CliError(f"{args.path}: not UTF-8 at byte {e.start}") from None
    kinds = args.kinds.split(",") if args.kinds else None
    try:
        spans = asimtext.extract(text, kinds=kinds, reference_date=args.reference_date)
    except (TypeError, ValueError) as e:
        raise CliError(str(e)) from None
    lines = "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in spans)
    if args.output == "-":
        sys.stdout.write(lines)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(lines)
    return 0


COMMANDS["spans"] = (_cmd_spans_configure, _cmd_spans_run)


def _cmd_digest_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="folders of .txt, .jsonl, .jsonl.gz, .parquet files, or - (JSON Lines on stdin)",
    )
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.add_argument("--format", choices=["json", "md", "html"], default=None,
                   help="output format (default: from the output file's extension, else json)")
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
        fmt = {"md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(ext, "json")
    try:
        report = load_articles(args.paths, text_field=args.text_field, id_field=args.id_field,
                               strict=args.strict)
        result = asimtext.digest(report)
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
