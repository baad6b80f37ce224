"""The command line: ``reportclean clean``, ``check``, ``outline`` and ``learn``.

Files, directories, stdout, progress bars and exit codes live here and in the batch
layer, never in the core. One function per subcommand (``_cmd_NAME``), registered in
:data:`COMMANDS` with the function that adds its options. The ``clean`` command's run (its
inputs as a stream of items, and the handling of each outcome) is in ``_cleanrun``.

Exit codes: 0 success; 1 ``check`` found warnings at or above ``--fail-on``, or
``clean`` could not clean some documents (each named on stderr and in ``--report``);
2 misuse, an unreadable input or an output that cannot be written; 3 a bug; 141 the
reader of stdout went away (``| head``), quietly. Always a one-line message on stderr,
never a traceback.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NoReturn

from . import _review_cli
from ._batch import Done, Runner, atomic_write, chunks, describe, one_by_one, work_chunk
from ._cleanrun import OpenRecords, Run, Target, count_documents, died, handle, items, singles_on
from ._config import STEP_NAMES, Config
from ._decode import decode
from ._inputs import RECORD_SUFFIXES, STDIN, TEXT_SUFFIXES, InputError, discover
from ._lexicon import Lexicon
from ._model import SEVERITIES
from ._pipeline import Cleaner
from ._records import kind_of, optional_module
from ._runout import Errors, OutputError, Progress, Report, Summary
from ._settings import SettingsError, build_config, find_config

__all__ = ["COMMANDS", "main"]

#: What ``--report-include`` may add to the warnings.
REPORT_EXTRAS = ("removals", "changes", "documents", "structure")
#: Exit code when stdout is closed early (128 + SIGPIPE, as a shell reports it).
EXIT_PIPE = 141


class UsageError(Exception):
    """A problem with the command line or the paths given; exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(COMMANDS[args.command][1](args))
    except (UsageError, InputError, SettingsError, OutputError) as exc:
        print(f"reportclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reportclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_PIPE
    except OSError as exc:  # an output that cannot be written, a full disk
        print(f"reportclean: error: {describe(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line, and a way to report it
        print(f"reportclean: internal error: {describe(exc)}; please report it", file=sys.stderr)
        return 3


def _quiet_stdout() -> None:
    """The reader of stdout has gone: send what is left to /dev/null, so that Python's
    final flush does not complain (as the Python docs advise for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {value!r}")
    return n


def _extras(value: str) -> frozenset[str]:
    names = frozenset(v.strip() for v in value.split(",") if v.strip())
    bad = sorted(names - set(REPORT_EXTRAS))
    if bad:
        raise argparse.ArgumentTypeError(f"unknown {', '.join(bad)}; choose from {', '.join(REPORT_EXTRAS)}")
    return names


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, without the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"reportclean: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = _Parser(
        prog="reportclean",
        description="Clean Chinese local-government reports: clean text plus an honest list of problems.",
    )
    p.add_argument("--version", action="version", version=f"reportclean {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    for name, (add_options, _run, help_text) in COMMANDS.items():
        add_options(sub.add_parser(name, help=help_text))
    return p


def _config_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("configuration (flags win over the configuration file)")
    g.add_argument(
        "--config", metavar="FILE",
        help="a reportclean.toml, or a pyproject.toml with [tool.reportclean] (default: found from here upwards)",
    )  # fmt: skip
    g.add_argument("--isolated", action="store_true", help="ignore configuration files")
    g.add_argument(
        "--disable", action="append", default=[], metavar="STEP[,STEP]",
        help=f"switch steps off ({', '.join(STEP_NAMES)})",
    )  # fmt: skip
    g.add_argument("--enable", action="append", default=[], metavar="STEP[,STEP]", help="switch steps on again")
    g.add_argument("--lexicon", action="append", default=[], metavar="FILE", help="a user lexicon (repeatable)")
    g.add_argument("--mark-placeholders", action="store_true", help="wrap placeholders in ⟦ ⟧ in the clean text")
    g.add_argument("--simplified", action="store_true", help="convert a wholly traditional document to simplified")


def _config(args: argparse.Namespace) -> Config:
    if args.config:
        path: Path | None = Path(args.config)
        if not path.is_file():  # type: ignore[union-attr]
            raise UsageError(f"--config {args.config}: no such file")
    else:
        path = None if args.isolated else find_config(Path.cwd())
    options = [name for name in ("mark_placeholders", "simplified") if getattr(args, name)]
    return build_config(path, args.disable, args.enable, args.lexicon, options)


def _clean_options(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="files, directories (searched recursively for *.txt/*.md and *.jsonl/*.csv/*.parquet), "
        "quoted globs, or - for stdin",
    )  # fmt: skip
    c.add_argument(
        "-o", "--output", metavar="OUTDIR",
        help="directory for the clean files (same relative layout), or - for stdout (the default for stdin)",
    )  # fmt: skip
    c.add_argument("--in-place", action="store_true", help="overwrite each input with its clean text")
    c.add_argument(
        "--field", "--jsonl-field", "--column", dest="field", default="text", metavar="NAME",
        help="the field of JSONL/CSV/Parquet rows holding the text (default: text)",
    )  # fmt: skip
    c.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes (default: 1)")
    c.add_argument("--scheduler", metavar="ADDRESS", help="clean on a Dask cluster, e.g. tcp://host:8786")
    c.add_argument("--resume", action="store_true", help="skip inputs whose output already exists")
    c.add_argument(
        "--fsync", action="store_true",
        help="flush every output to disk before its rename (survives a power loss; slower)",
    )  # fmt: skip
    c.add_argument("--report", metavar="FILE", help="write one JSON line per warning or failed document")
    c.add_argument(
        "--report-include", type=_extras, default=frozenset(), metavar="WHAT[,WHAT]",
        help="also report removals, changes, documents (encoding, sizes, counts) and/or structure (outline, meta)",
    )  # fmt: skip
    c.add_argument("--summary", metavar="FILE", help="write the summary to FILE (.json or .csv)")
    c.add_argument("--json", action="store_true", help="print the summary as JSON instead of text")
    c.add_argument(
        "--progress", choices=("auto", "always", "never"), default="auto",
        help="progress bar on stderr (auto: only on a terminal)",
    )  # fmt: skip
    _config_options(c)


def _check_options(k: argparse.ArgumentParser) -> None:
    k.add_argument("paths", nargs="+", metavar="PATH", help="files, directories searched for *.txt/*.md, or -")
    k.add_argument(
        "--fail-on", choices=SEVERITIES, default="warning", help="lowest severity that fails (default: warning)"
    )
    k.add_argument("--json", action="store_true", help="print one JSON line per warning")
    _config_options(k)


def _outline_options(o: argparse.ArgumentParser) -> None:
    o.add_argument("paths", nargs="+", metavar="PATH", help="files, directories searched for *.txt/*.md, or -")
    o.add_argument("--json", action="store_true", help="print one JSON line per file: outline, sections and meta")
    _config_options(o)


def _learn_options(n: argparse.ArgumentParser) -> None:
    n.add_argument("paths", nargs="+", metavar="PATH", help="documents of one source: files, directories or globs")
    n.add_argument("-o", "--output", required=True, metavar="LEXICON", help="the lexicon file to write, or -")
    n.add_argument("--min-documents", type=_positive, default=3, metavar="N", help="in at least N documents (3)")
    n.add_argument("--min-share", type=float, default=0.5, metavar="F", help="and a share F of them (0.5)")
    n.add_argument("--edge", type=_positive, default=8, metavar="N", help="within N lines of the top or bottom (8)")


# -- inputs --------------------------------------------------------------------------


def _targets(args: argparse.Namespace, to_stdout: bool, out_root: Path | None) -> list[Target]:
    found = discover(args.paths, TEXT_SUFFIXES + tuple(RECORD_SUFFIXES), exclude=out_root)
    _note_skipped(found.skipped)
    targets: list[Target] = []
    seen: dict[Path, Path] = {}
    inputs = {src.resolve() for src, _ in found.files if str(src) != STDIN}
    if sum(1 for src, _ in found.files if str(src) == STDIN) > 1:
        raise UsageError("- (stdin) given twice")
    for src, rel in found.files:
        if str(src) == STDIN:
            if not to_stdout:
                raise UsageError("- (stdin) is written to stdout: use -o - (or leave -o out)")
            targets.append(Target(src, rel, None))
            continue
        if to_stdout:
            if kind_of(src) is not None:
                raise UsageError(f"{src}: -o - writes text documents only; give -o OUTDIR for record files")
            targets.append(Target(src, rel, None))
            continue
        real = src.resolve()
        if out_root is None:  # --in-place
            if src.is_symlink():
                raise UsageError(f"{src}: a symlink; --in-place does not write through links (clean {real} itself)")
            dst = real
        else:
            dst = Path(os.path.normpath(out_root / rel))
            if out_root not in dst.parents:
                raise UsageError(f"{src}: its output {dst} would be outside {out_root}")
            if dst == real or (dst.exists() and dst.resolve() == real):
                raise UsageError(f"{src}: output would overwrite the input; use another -o or --in-place")
            if dst in inputs:
                raise UsageError(f"{src}: output {dst} would overwrite another input; use another -o")
        if dst in seen:
            raise UsageError(f"{src} and {seen[dst]} would both be written to {dst}; clean them in separate runs")
        seen[dst] = src
        if kind_of(src) == "parquet":
            try:
                optional_module("pyarrow.parquet", "parquet")
            except ImportError as exc:
                raise UsageError(f"{src}: reading Parquet {exc}") from None
        targets.append(Target(src, rel, dst))
    return targets


def _note_skipped(links: Iterable[Path]) -> None:
    for link in links:
        print(f"reportclean: note: skipped symlink {link} (not followed; name it to clean it)", file=sys.stderr)


def _read(path: Path) -> bytes:
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


# -- the clean command ---------------------------------------------------------------


def _cmd_clean(args: argparse.Namespace) -> int:
    to_stdout = args.output == STDIN or (args.output is None and not args.in_place and args.paths == [STDIN])
    if args.in_place and args.output:
        raise UsageError("give either -o OUTDIR or --in-place, not both")
    if not args.in_place and args.output is None and not to_stdout:
        raise UsageError("give -o OUTDIR, -o - (stdout) or --in-place (to overwrite the inputs)")
    if args.in_place and STDIN in args.paths:
        raise UsageError("- (stdin) cannot be cleaned in place; use -o -")
    if args.summary and Path(args.summary).suffix.lower() not in (".json", ".csv"):
        raise UsageError(f"{args.summary}: --summary writes .json or .csv; name the file so")
    config = _config(args)
    outdir = None if to_stdout or args.in_place else Path(args.output)
    if outdir is not None:
        if outdir.exists() and not outdir.is_dir():
            raise UsageError(f"{outdir}: exists and is not a directory")
    out_root = outdir.resolve() if outdir is not None else None
    targets = _targets(args, to_stdout, out_root)
    if outdir is not None:
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{outdir}: cannot create the output folder ({exc.strerror or exc})") from None
        if not os.access(outdir, os.W_OK | os.X_OK):
            raise UsageError(f"{outdir}: cannot write in the output folder (permission denied)")
    client = _dask_client(args.scheduler) if args.scheduler else None
    run = Run(Summary(), Report(Path(args.report)) if args.report else None, Errors(lambda line: None))
    progress = Progress(args.progress, count_documents(targets, args.field))
    run.errors = Errors(progress.write)
    if to_stdout:
        run.stdout = sys.stdout.buffer
    open_records: list[OpenRecords] = []
    details = frozenset(args.report_include & {"removals", "changes", "structure"}) if args.report else frozenset()
    stream = items(targets, args, details, open_records)
    try:
        with Runner(args.jobs, client=client) as runner:
            calls = (
                (chunk, (config, [it.job for it in chunk if it.job is not None]), sum(it.size for it in chunk))
                for chunk in chunks(stream, lambda it: it.size)
            )
            for chunk, outcome in runner.map_ordered(work_chunk, calls):
                jobs = [it.job for it in chunk if it.job is not None]
                if isinstance(outcome, BrokenProcessPool) and len(jobs) > 1:
                    # a document killed its worker: run the chunk again one document at a time
                    outcome = list(one_by_one(work_chunk, config, jobs, died))
                elif client is not None and isinstance(outcome, Exception) and len(jobs) > 1:
                    outcome = singles_on(client, config, jobs)  # KilledWorker: the same on the cluster
                dones = iter(outcome) if isinstance(outcome, list) else None
                for item in chunk:
                    done = None
                    if item.job is not None:
                        done = Done(error=describe(outcome)) if dones is None else next(dones)  # type: ignore[arg-type]
                    handle(item, done, run, args.report_include)
                    if item.kind not in ("end", "pass"):
                        progress.update(done)
                    del done
                del chunk, outcome, dones, jobs  # not held while the next chunk is cleaned
        if run.report is not None:
            run.report.commit()
    finally:
        run.errors.close()
        progress.close()
        for state in open_records:
            state.writer.abort()
        if run.report is not None:
            run.report.abort()
        if client is not None:
            client.close()
    summary = run.summary
    summary.stop()
    written_to = "(stdout)" if to_stdout else str(outdir) if outdir else "(in place)"
    if not to_stdout:  # the clean text has stdout
        summary.print(sys.stdout, as_json=args.json, written_to=written_to)
    if args.summary:
        summary.write(Path(args.summary), written_to)
    return 2 if summary.unwritable else 1 if summary.failed else 0


def _dask_client(address: str) -> Any:
    try:
        distributed = optional_module("distributed", "dask")
    except ImportError as exc:
        raise UsageError(f"--scheduler {exc}") from None
    try:
        return distributed.Client(address, timeout="10s")
    except Exception as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({describe(exc)})") from None


# -- the check command ---------------------------------------------------------------


def _cmd_check(args: argparse.Namespace) -> int:
    config = _config(args)
    threshold = SEVERITIES.index(args.fail_on)
    cleaner = Cleaner(config)
    failed = unreadable = checked = 0
    for src, data in _each_input(args.paths):
        if data is None:
            unreadable += 1
            continue
        checked += 1
        result = cleaner.clean(data)
        lines = _Lines(result.original)
        for w in result.warnings:
            line, col = lines.position(w.original_span[0])
            if args.json:
                print(json.dumps({"file": str(src), "line": line, "column": col, **w.to_dict()}, ensure_ascii=False))
            else:
                print(f"{src}:{line}:{col}: {w.severity}: {w.code}: {w.message}")
            if SEVERITIES.index(w.severity) >= threshold:
                failed += 1
    if not args.json:
        verdict = "fail" if failed or unreadable else "ok"
        print(
            f"{checked} file(s) checked, {failed} warning(s) at or above {args.fail_on}"
            f"{f', {unreadable} unreadable' if unreadable else ''}: {verdict}"
        )
    return 2 if unreadable else 1 if failed else 0


def _each_input(paths: Sequence[str]) -> Iterator[tuple[Path | None, bytes | None]]:
    """Each file to read (``check``, ``outline``) and its bytes, path by path: a path that
    names nothing or a file that cannot be read is reported on stderr and comes with
    ``None`` (the caller counts it as unreadable); the others are still read."""
    for raw in paths:
        try:
            found = discover([raw], TEXT_SUFFIXES)
        except InputError as exc:
            print(f"reportclean: error: {exc}", file=sys.stderr)
            yield None, None
            continue
        _note_skipped(found.skipped)
        for src, _rel in found.files:
            try:
                yield src, _read(src)
            except UsageError as exc:
                print(f"reportclean: error: {exc}", file=sys.stderr)
                yield src, None


class _Lines:
    """Line and column (1-based, in characters) of an offset in the input text, so that
    editors and CI annotations land on the input file's line. A line ends at ``\\n``,
    ``\\r\\n`` or ``\\r``.

    >>> _Lines("一\\r\\n二三\\r四").position(6)
    (3, 1)
    """

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in self._BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


# -- the outline command -------------------------------------------------------------


def _cmd_outline(args: argparse.Namespace) -> int:
    from ._outline_cli import format_outline

    cleaner = Cleaner(_config(args))
    unreadable = 0
    for src, data in _each_input(args.paths):
        if data is None:
            unreadable += 1
            continue
        result = cleaner.clean(data)
        if args.json:
            print(json.dumps({
                "file": str(src),
                "meta": result.meta.to_dict(),
                "outline": [h.to_dict() for h in result.outline],
                "sections": [s.to_dict() for s in result.sections],
            }, ensure_ascii=False))  # fmt: skip
        else:
            print(f"== {src}")
            print(format_outline(result))
    return 2 if unreadable else 0


# -- the learn command ---------------------------------------------------------------


def _cmd_learn(args: argparse.Namespace) -> int:
    from ._bplearn import Boilerplate

    if not 0 < args.min_share <= 1:
        raise UsageError(f"--min-share must be a fraction in (0, 1], got {args.min_share}")
    if args.min_documents < 2:
        raise UsageError(f"--min-documents must be 2 or more, got {args.min_documents}")
    found = discover(args.paths, TEXT_SUFFIXES)
    _note_skipped(found.skipped)
    learner = Boilerplate(min_documents=args.min_documents, min_share=args.min_share, edge=args.edge)
    for src, _rel in found.files:
        learner.add(decode(_read(src)).text)
    if learner.documents < args.min_documents:
        print(
            f"reportclean: note: {learner.documents} document(s) read, fewer than --min-documents "
            f"{args.min_documents}: nothing can be learned; give more documents of the same source",
            file=sys.stderr,
        )
    name = "stdout" if args.output == STDIN else Path(args.output).name
    lexicon: Lexicon = learner.lexicon(name)
    text = lexicon.to_text().encode("utf-8")
    if args.output == STDIN:
        sys.stdout.buffer.write(text)
        sys.stdout.flush()
    else:
        try:
            atomic_write(Path(args.output), text, fsync=False)
        except OSError as exc:
            raise OutputError(f"{args.output}: cannot write the lexicon ({exc.strerror or exc})") from None
    print(
        f"learned {len(lexicon.rows)} boilerplate line(s) from {learner.documents} document(s) -> {args.output}",
        file=sys.stderr,
    )
    return 0


#: The subcommands: name -> (adds its options, runs it, help).
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int], str]] = {
    "clean": (_clean_options, _cmd_clean, "write a clean UTF-8 copy of each input"),
    "check": (_check_options, _cmd_check, "report warnings; exit 1 if any reach --fail-on"),
    "outline": (_outline_options, _cmd_outline, "print each input's outline as a tree, with each section's kind"),
    "learn": (_learn_options, _cmd_learn, "learn the boilerplate lines of one source into a lexicon"),
    "review": (_review_cli.review_options, _review_cli.run_review, "an HTML page per input showing what was done"),
    "explain": (_review_cli.explain_options, _review_cli.run_explain, "print the docs of a warning code or a rule id"),
}
