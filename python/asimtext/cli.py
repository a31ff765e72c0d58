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
