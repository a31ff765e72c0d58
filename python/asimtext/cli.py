"""The `asimtext` command line.

Every sub-command reads files or standard input, writes to a file or standard
output, prints one-line errors to standard error and exits with one of the
codes below (documented in ``docs/dumps.md``), as grep, ripgrep and jq do.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import re
import sys
from typing import Any, Callable, Dict, List, Optional, Sequence

import asimtext
from asimtext.errors import AsimtextError

#: The job did what was asked (some records may have been skipped, and said so).
EXIT_OK = 0
#: Nothing to work on: no input record, or every record skipped.
EXIT_NOTHING = 1
#: Usage error: an unknown option, a bad option value, an unknown output format.
EXIT_USAGE = 2
#: Input/output error: a missing or unreadable input, an unwritable output.
EXIT_IO = 3
#: A bad input record under ``--strict``.
EXIT_BAD_RECORD = 4
#: Interrupted (Ctrl-C), as shells report SIGINT.
EXIT_INTERRUPTED = 130

# Sub-commands register themselves here: name -> (configure parser, run).
COMMANDS: Dict[str, tuple] = {}


class CliError(AsimtextError):
    """A user-facing failure: printed as one line, exit ``code``."""

    def __init__(self, message: str, code: int = EXIT_IO) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, with the option names of a parser at hand to rewrite library
    messages (``num_perm`` -> ``--num-perm``)."""

    def flag_names(self) -> Dict[str, str]:
        names = {}
        for a in self._actions:
            longs = [s for s in a.option_strings if s.startswith("--")]
            if longs:
                names[a.dest] = longs[0]
        return names


def _as_flags(message: str, flags: Dict[str, str]) -> str:
    """A library message with Python parameter names replaced by the flags."""
    message = re.sub(r"\b(?:DigestParams|StoryParams)\.", "", message)
    for dest in sorted(flags, key=len, reverse=True):
        message = re.sub(rf"`?\b{re.escape(dest)}\b`?(?:\[\d+\])?", flags[dest], message)
    return message.replace("invalid argument ", "")


# ---- option value checks (argparse ``type=``): bad values are usage errors ----


def _int_at_least(low: int) -> Callable[[str], int]:
    def parse(s: str) -> int:
        try:
            v = int(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {s!r}") from None
        if v < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, got {v}")
        return v

    parse.__name__ = "int"
    return parse


def _number(low: float = 0.0, high: Optional[float] = None,
            low_open: bool = False) -> Callable[[str], float]:
    def parse(s: str) -> float:
        try:
            v = float(s)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {s!r}") from None
        if v != v or (v <= low if low_open else v < low) or (high is not None and v > high):
            rng = f"{'above' if low_open else 'at least'} {low:g}"
            if high is not None:
                rng += f" and at most {high:g}"
            raise argparse.ArgumentTypeError(f"must be {rng}, got {s}")
        return v

    parse.__name__ = "number"
    return parse


def _date(s: str) -> str:
    try:
        return _dt.date.fromisoformat(s.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {s!r}") from None


def _kinds(s: str) -> List[str]:
    """``date, year`` -> ``["date", "year"]``: spaces allowed, empty items not."""
    items = [x.strip() for x in s.split(",")]
    if not any(items):
        raise argparse.ArgumentTypeError("empty list: name at least one kind "
                                         f"({', '.join(asimtext.SPAN_KINDS)})")
    if not all(items):
        raise argparse.ArgumentTypeError(f"empty item in {s!r}")
    bad = [x for x in items if x not in asimtext.SPAN_KINDS]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown kind {bad[0]!r}; expected one of "
                                         f"{', '.join(asimtext.SPAN_KINDS)}")
    return items


# ---- batch commands: normalize, spans, dedup, bench over dumps ----
# The pipeline lives in asimtext.dumps; these functions only parse arguments.

_DUMP_HELP = (
    "input: a file (.jsonl, .ndjson, .json, .parquet, .txt; gzip or zstd compressed "
    "or not, told by the content), a folder of such files, or - for JSON Lines on "
    "standard input"
)


def _input_args(p: argparse.ArgumentParser, *, nargs: str = "+", help: str = _DUMP_HELP) -> None:
    p.add_argument("paths", nargs=nargs, metavar="INPUT", help=help)
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="JSON/Parquet field of the text (default: text)")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSON/Parquet field of the id (default: id; missing: FILE:LINE)")


def _report_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true",
                   help=f"stop at the first bad input record (exit {EXIT_BAD_RECORD}) "
                        "instead of reporting it and going on")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (bad records are still reported)")
    p.add_argument("--skipped", default=None, metavar="FILE",
                   help="write the skipped records to FILE as JSON lines "
                        "(file, line, id, reason) instead of standard error")


def _batch_io_args(p: argparse.ArgumentParser) -> None:
    _input_args(p)
    p.add_argument("-o", "--output", default="-", metavar="FILE",
                   help="output file, its format from its name: .jsonl or .ndjson (JSON "
                        "Lines), .jsonl.gz or .gz (gzip JSON Lines), .parquet "
                        "(default: JSON Lines on standard output)")
    _report_args(p)
    p.add_argument("--chunk-size", type=_int_at_least(1), default=2048, metavar="N",
                   help="articles per chunk handed to the Rust core (default: 2048)")


def _check_output(args: argparse.Namespace) -> None:
    from asimtext.dumps import output_kind

    if args.output != "-":
        try:
            output_kind(args.output)
        except ValueError as e:
            raise CliError(f"-o {e}", EXIT_USAGE) from None


def _batch_kw(args: argparse.Namespace) -> dict:
    from asimtext.dumps import progress_enabled

    return dict(text_field=args.text_field, id_field=args.id_field, strict=args.strict,
                chunk_size=args.chunk_size, progress=progress_enabled(args.quiet))


def _with_skipped_log(args: argparse.Namespace, job: Callable[[dict], Any]) -> Any:
    """Run ``job(kw)`` with the batch keyword arguments, logging skips to ``--skipped``."""
    from asimtext.dumps import SkippedLog

    kw = _batch_kw(args)
    log = None
    if args.skipped:
        log = _io_call(lambda: SkippedLog(args.skipped))
        kw["report"] = log
    try:
        return _io_call(lambda: job(kw))
    finally:
        if log is not None:
            log.close()


def _io_call(fn: Callable[[], Any]) -> Any:
    """Run a job, turning expected failures into one-line :class:`CliError` s."""
    from asimtext.dumps import BatchError
    from asimtext.io import LoadError

    def one_line() -> tuple:
        # The digest's BackendUnavailable only once a job has loaded the digest
        # (importing it here would cost the dump commands the digest and NumPy).
        backend = sys.modules.get("asimtext.digest.backend")
        unavailable = (backend.BackendUnavailable,) if backend is not None else ()
        return (BatchError, ModuleNotFoundError, *unavailable)

    try:
        return fn()
    except LoadError as e:
        raise CliError(str(e), EXIT_BAD_RECORD) from None
    except one_line() as e:
        raise CliError(str(e)) from None
    except FileNotFoundError as e:
        raise CliError(str(e).strip("'\"")) from None
    except BrokenPipeError:
        raise
    except OSError as e:
        raise CliError(f"{getattr(e, 'filename', None) or ''}: {e.strerror or e}") from None


def _nothing_done(processed: int, read: int) -> None:
    """Exit :data:`EXIT_NOTHING` when no article was processed."""
    if processed == 0:
        why = "no input records" if read == 0 else f"every input record ({read}) was skipped"
        raise CliError(f"nothing processed: {why}", EXIT_NOTHING)


def _summary(args: argparse.Namespace, stats: Any, extra: str = "") -> None:
    if not args.quiet:
        print(stats.summary() + extra, file=sys.stderr)


def _cmd_normalize_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--form", choices=["canonical", "match", "nfc"], default="canonical",
                   help="normalization form (default: canonical)")


def _cmd_normalize_run(args: argparse.Namespace) -> int:
    """Normalize every article of a dump: one {"id", "text"} line per article."""
    from asimtext.dumps import normalize_dump

    _check_output(args)
    stats = _with_skipped_log(args, lambda kw: normalize_dump(args.paths, args.output,
                                                              form=args.form, **kw))
    _summary(args, stats)
    _nothing_done(stats.processed, stats.read)
    return EXIT_OK


COMMANDS["normalize"] = (_cmd_normalize_configure, _cmd_normalize_run)


def _cmd_spans_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--kinds", type=_kinds, default=None, metavar="KIND,...",
                   help="comma-separated kinds to keep, among "
                        f"{', '.join(asimtext.SPAN_KINDS)} (default: all)")
    p.add_argument("--reference-date", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="the date partial dates and weekdays are resolved against")


def _cmd_spans_run(args: argparse.Namespace) -> int:
    """Extract date, time and number spans: one {"id", "spans"} line per article."""
    from asimtext.dumps import spans_dump

    _check_output(args)
    stats = _with_skipped_log(args, lambda kw: spans_dump(
        args.paths, args.output, kinds=args.kinds, reference_date=args.reference_date, **kw))
    _summary(args, stats)
    _nothing_done(stats.processed, stats.read)
    return EXIT_OK


COMMANDS["spans"] = (_cmd_spans_configure, _cmd_spans_run)


def _cmd_dedup_configure(p: argparse.ArgumentParser) -> None:
    _batch_io_args(p)
    p.add_argument("--threshold", type=_number(0.0, 1.0, low_open=True), default=0.8,
                   help="minimum Jaccard similarity of the 5-word shingle sets, in (0, 1] "
                        "(default: 0.8)")
    p.add_argument("--clusters", action="store_true",
                   help='write one {"id", "cluster"} line per article instead of pairs')
    p.add_argument("--num-perm", type=int, default=128, metavar="N",
                   help="MinHash permutations, 2 to 2048 (default: 128)")
    p.add_argument("--ngram", type=int, default=5, metavar="N",
                   help="words per shingle, 1 to 64 (default: 5)")
    p.add_argument("--seed", type=int, default=1, help="MinHash seed (default: 1)")
    p.add_argument("--keep", choices=["first", "longest", "earliest"], default=None,
                   help="write the deduplicated dump instead: the records kept, whole and in "
                        "input order, one per cluster (the first, the longest text, or the "
                        "earliest 'published')")
    p.add_argument("--removed", metavar="FILE", default=None,
                   help="with --keep: write one JSON line per dropped record (the record it "
                        "duplicates, their Jaccard similarity)")


def _cmd_dedup_run(args: argparse.Namespace) -> int:
    """Find near-duplicate articles: {"a", "b", "jaccard"} lines (or clusters);
    with --keep, write the records that survive deduplication."""
    from asimtext.dumps import dedup_dump

    _check_output(args)
    try:  # bad values are usage errors, named by their flags, before any reading
        asimtext.StreamDedup(threshold=args.threshold, num_perm=args.num_perm,
                             ngram=args.ngram, seed=args.seed)
    except (TypeError, ValueError, OverflowError) as e:
        raise CliError(_as_flags(str(e), args._flags), EXIT_USAGE) from None
    if args.keep is None and args.removed is not None:
        raise CliError("--removed needs --keep", EXIT_USAGE)
    if args.keep is not None:
        if args.clusters:
            raise CliError("--keep and --clusters do not go together", EXIT_USAGE)
        if "-" in args.paths:
            raise CliError("dedup --keep reads its input twice: give files, not standard input",
                           EXIT_USAGE)
        from asimtext.dedup_keep import dedup_keep_dump

        kres = _with_skipped_log(args, lambda kw: dedup_keep_dump(
            args.paths, args.output, keep=args.keep, removed_path=args.removed,
            threshold=args.threshold, num_perm=args.num_perm, ngram=args.ngram,
            seed=args.seed, **kw))
        _summary(args, kres.stats, f"; {kres.kept} kept, {kres.removed} removed "
                                   f"({kres.clusters} clusters)")
        _nothing_done(kres.stats.processed, kres.stats.read)
        return EXIT_OK
    res = _with_skipped_log(args, lambda kw: dedup_dump(
        args.paths, args.output, threshold=args.threshold, clusters=args.clusters,
        num_perm=args.num_perm, ngram=args.ngram, seed=args.seed, **kw))
    if args.clusters:
        extra = f"; {res.clusters} clusters"
    else:
        extra = f"; {res.pairs} pairs from {res.candidates} candidates"
    _summary(args, res.stats, extra)
    _nothing_done(res.stats.processed, res.stats.read)
    return EXIT_OK


COMMANDS["dedup"] = (_cmd_dedup_configure, _cmd_dedup_run)


def _cmd_bench_configure(p: argparse.ArgumentParser) -> None:
    _input_args(p, nargs="*", help="your dump (as for the other commands); default: a "
                                    "built-in corpus")
    p.add_argument("--docs", type=_int_at_least(1), default=2000, metavar="N",
                   help="articles to time asimtext on (default: 2000)")
    p.add_argument("--pure-docs", type=_int_at_least(1), default=100, metavar="N",
                   help="articles to time the pure-Python baseline on (default: 100)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _cmd_bench_run(args: argparse.Namespace) -> int:
    """Throughput of asimtext vs the pure-Python baseline (MB/s, docs/s)."""
    from asimtext.bench import format_table, run_bench

    try:
        rows = _io_call(lambda: run_bench(args.paths, docs=args.docs, pure_docs=args.pure_docs,
                                          text_field=args.text_field, id_field=args.id_field))
    except (TypeError, ValueError) as e:
        raise CliError(_as_flags(str(e), args._flags), EXIT_NOTHING) from None
    if args.json:
        import json

        print(json.dumps(rows, indent=1))
    else:
        print(format_table(rows))
    return EXIT_OK


COMMANDS["bench"] = (_cmd_bench_configure, _cmd_bench_run)


# ---- digest ----

#: What each digest parameter means, for --help (a parameter without an entry
#: still gets its flag: every field of DigestParams is reachable).
_PARAM_HELP = {
    "dup_threshold": "Jaccard similarity from which two articles are near-duplicates",
    "containment_threshold": "share of the smaller article found in the other from which "
                             "a pair is a partial copy",
    "min_passage_words": "words of the shortest shared passage shown",
    "max_copy_pairs_per_story": "article pairs compared for copies in one story, at most",
    "context_words": "content words on each side of a value compared to find conflicts",
    "min_context_overlap": "shared context words for two values to be about one thing",
    "min_template_words": "words of a sentence for it to count as syndicated",
    "same_lang_threshold": "similarity for two articles of one language to be one story",
    "cross_lang_threshold": "similarity for a Hindi and an English article to be one story",
    "min_bridge_keys": "words spelled in both scripts that a Hindi-English pair must share",
    "min_bridge_evidence": "summed weight of those shared words, at least",
    "background": "smoothing of word weights (higher: rare words count less)",
    "pair_budget": "article pairs scored at most, for big inputs",
    "max_df": "a word in more articles than this weighs little",
    "max_df_share": "... or in more than this share of the articles",
}


def _param_fields() -> List[tuple]:
    """``(flag, dest, default, parent, name, is_float)`` for every digest parameter
    (nested dataclasses such as ``story`` get a prefix: ``--story-max-df``)."""
    from asimtext.digest import DigestParams

    def is_float(f: Any, value: Any) -> bool:  # the annotation says, else the default
        return "float" in str(f.type) or isinstance(value, float)

    out = []
    defaults = DigestParams()
    for f in dataclasses.fields(DigestParams):
        value = getattr(defaults, f.name)
        if dataclasses.is_dataclass(value):
            for g in dataclasses.fields(value):
                v = getattr(value, g.name)
                out.append((f"--{f.name}-{g.name}".replace("_", "-"), f"p_{f.name}__{g.name}",
                            v, f.name, g.name, is_float(g, v)))
        else:
            out.append((f"--{f.name}".replace("_", "-"), f"p_{f.name}", value, None, f.name,
                        is_float(f, value)))
    return out


def _cmd_digest_configure(p: argparse.ArgumentParser) -> None:
    _input_args(p)
    p.add_argument("--title-field", default="title", metavar="NAME",
                   help="JSON/Parquet field of the headline (default: title)")
    p.add_argument("--source-field", default="source", metavar="NAME",
                   help="JSON/Parquet field of the outlet's name (default: source)")
    p.add_argument("--date-field", default="published", metavar="NAME",
                   help="JSON/Parquet field of the publication date, ISO 8601 "
                        "(default: published)")
    p.add_argument("-o", "--output", default="-", metavar="FILE",
                   help="output file, its format from its name: .json, .md, .html "
                        "(default: JSON on standard output)")
    p.add_argument("--format", choices=["json", "jsonl", "md", "html"], default=None,
                   help="output format (default: from the output file's name; json on "
                        "standard output); jsonl: one story a line")
    p.add_argument("--keep", choices=["stories", "singletons", "all"], default=None,
                   help="stories: those two outlets or more carry, articles as id/status/story"
                        " (default for json, jsonl); singletons: every story; all: everything"
                        " (default for md, html)")
    p.add_argument("--window", default=None, metavar="SPAN",
                   help="stream the input in publication-time windows: a story closes when no"
                        " article joined it for SPAN (3d, 12h); memory follows the window")
    p.add_argument("--reference-date", type=_date, default=None, metavar="YYYY-MM-DD",
                   help="the date partial dates and weekdays are resolved against in "
                        "articles with no date of their own or of their story")
    _report_args(p)
    g = p.add_argument_group("digest parameters", "thresholds of the digest "
                             "(asimtext.DigestParams); the defaults suit news")
    for flag, dest, default, _parent, name, floating in _param_fields():
        if isinstance(default, bool) or not isinstance(default, (int, float)):
            continue
        kind = _number(0.0) if floating else _int_at_least(0)
        g.add_argument(flag, dest=dest, type=kind, default=None, metavar="N",
                       help=f"{_PARAM_HELP.get(name, name.replace('_', ' '))} "
                            f"(default: {default})")


_DIGEST_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md", ".markdown": "md", ".html": "html",
                   ".htm": "html"}


def _digest_format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    if args.output == "-":
        return "json"
    low = args.output.lower()
    for suffix, fmt in _DIGEST_FORMATS.items():
        if low.endswith(suffix):
            return fmt
    ext = "." + low.rsplit(".", 1)[-1] if "." in low.rsplit("/", 1)[-1] else "no extension"
    raise CliError(f"-o {args.output}: unknown output format ({ext}); name it .json, .jsonl, "
                   ".md or .html, or give --format", EXIT_USAGE)


def _digest_params(args: argparse.Namespace) -> Any:
    from asimtext.digest import DigestParams

    top: Dict[str, Any] = {}
    nested: Dict[str, Dict[str, Any]] = {}
    for _flag, dest, _default, parent, name, _floating in _param_fields():
        v = getattr(args, dest, None)
        if v is None:
            continue
        if parent is None:
            top[name] = v
        else:
            nested.setdefault(parent, {})[name] = v
    defaults = DigestParams()
    for parent, kw in nested.items():
        top[parent] = dataclasses.replace(getattr(defaults, parent), **kw)
    try:
        return DigestParams(**top)
    except (TypeError, ValueError) as e:
        flags = {f[4]: f[0] for f in _param_fields() if f[3] is None}
        raise CliError(_as_flags(str(e), flags), EXIT_USAGE) from None


def _cmd_digest_run(args: argparse.Namespace) -> int:
    """Digest articles from many outlets: stories, copies, facts, conflicts, timeline."""
    fmt = _digest_format(args)
    params = _digest_params(args)
    keep = args.keep or ("all" if fmt in ("md", "html") else "stories")
    if fmt == "jsonl" or args.window:
        return _digest_stream(args, fmt, keep, params)
    from asimtext.digest.pipeline import collector_paused

    # The records read are the digest's input: the collector's pause covers them
    # too (each full collection walks every record; reading makes no cycles).
    with collector_paused():
        return _digest_whole(args, fmt, keep, params)


def _digest_whole(args: argparse.Namespace, fmt: str, keep: str, params: Any) -> int:
    """The whole input read, digested and written at once."""
    from asimtext.dumps import SkippedLog
    from asimtext.io import as_paths, load_articles

    report = _io_call(lambda: load_articles(
        as_paths(args.paths), text_field=args.text_field, id_field=args.id_field,
        title_field=args.title_field, source_field=args.source_field,
        published_field=args.date_field, strict=args.strict))
    if report.skipped:
        if args.skipped:
            log = _io_call(lambda: SkippedLog(args.skipped))
            for rec in report.skipped_records:
                log(rec)
            log.close()
        else:
            for rec in report.skipped_records:
                print(f"{rec.where}: skipped: {rec.reason}", file=sys.stderr)
    result = _io_call(lambda: asimtext.digest(report, params=params, keep=keep,
                                              reference_date=args.reference_date))
    # JSON is written entry by entry, one a line (Digest.write_json: no whole
    # document as one string); Markdown and HTML are built whole.
    write = (result.write_json if fmt == "json" else
             lambda f: f.write({"md": result.to_markdown, "html": result.to_html}[fmt]()))
    if args.output == "-":
        write(sys.stdout)
        sys.stdout.flush()
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                write(f)
        except OSError as e:
            raise CliError(f"{args.output}: {e.strerror or e}") from None
    c = result.counts
    return _digest_done(args, c)


def _digest_done(args: argparse.Namespace, c: Dict[str, int]) -> int:
    """The summary line of a digest run, and its exit status."""
    if not args.quiet:
        print(f"{c['in']} read, {c['ok']} processed, {c['skipped']} skipped; "
              f"{c['stories']} stor{'y' if c['stories'] == 1 else 'ies'}", file=sys.stderr)
    _nothing_done(c["ok"], c["in"])
    return EXIT_OK


def _digest_stream(args: argparse.Namespace, fmt: str, keep: str, params: Any) -> int:
    """``--format jsonl`` and ``--window``: stories written as they are done."""
    from contextlib import nullcontext

    from asimtext.digest import default_backend, pipeline, stream
    from asimtext.io import as_paths

    if fmt in ("md", "html"):
        raise CliError("--window writes json or jsonl", EXIT_USAGE)
    if args.strict:
        raise CliError("--strict reads the whole input first: not with --window or jsonl",
                       EXIT_USAGE)
    try:
        window = stream.parse_window(args.window) if args.window else None
    except ValueError as e:
        raise CliError(f"--window: {e}", EXIT_USAGE) from None
    paths = as_paths(args.paths)
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
            result.write_json(out)
            c = result.counts
    return _digest_done(args, c)


COMMANDS["digest"] = (_cmd_digest_configure, _cmd_digest_run)


def _cmd_eval_configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs=argparse.REMAINDER,
                   help="the evaluation task and its options (asimtext eval --help)")


def _cmd_eval_run(args: argparse.Namespace) -> int:
    """Score span extraction against gold files and annotated cases (asimtext.eval)."""
    from asimtext import eval as _eval

    return _eval.main(args.args, prog="asimtext eval")


COMMANDS["eval"] = (_cmd_eval_configure, _cmd_eval_run)


_EPILOG = (f"exit status: {EXIT_OK} done; {EXIT_NOTHING} nothing processed (no input "
           f"record, or all skipped); {EXIT_USAGE} usage error; {EXIT_IO} input/output "
           f"error; {EXIT_BAD_RECORD} bad record with --strict; {EXIT_INTERRUPTED} "
           "interrupted")


def build_parser(only: Optional[str] = None) -> argparse.ArgumentParser:
    """The parser of every sub-command; with ``only``, the options of that
    sub-command alone (the others are listed, not configured: configuring
    ``digest`` imports the digest package, which a dump command does not need)."""
    parser = _Parser(
        prog="asimtext",
        description="Normalize, deduplicate and extract dates and numbers from "
                    "Hindi/English news text; digest many outlets' articles.",
        epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"asimtext {asimtext.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (configure, run) in COMMANDS.items():
        doc = (run.__doc__ or "").strip()
        p = sub.add_parser(name, help=doc.splitlines()[0] if doc else None, description=doc,
                           epilog=_EPILOG)
        if only is None or name == only:
            configure(p)
        p.set_defaults(_flags=p.flag_names())
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["eval"]:  # every option, --help too, is asimtext.eval's own
        from asimtext import eval as _eval

        return _eval.main(argv[1:], prog="asimtext eval")
    parser = build_parser(only=argv[0] if argv[:1] and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    _configure, run = COMMANDS[args.command]
    try:
        return run(args)
    except CliError as e:
        print(f"asimtext {args.command}: error: {e}", file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
