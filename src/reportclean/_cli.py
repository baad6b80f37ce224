"""The command line: ``reportclean clean`` and ``reportclean check``.

Files, directories, stdout, progress bars and exit codes live here, never in the core.
Exit codes: 0 success; 1 ``check`` found warnings at or above ``--fail-on``, or
``clean`` could not clean some documents (each named on stderr and in ``--report``);
2 misuse, unreadable input or an output that cannot be written; 3 a bug. Always a
one-line message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import _review_cli
from ._batch import Runner, chunks, cleaner_for, describe
from ._config import Config
from ._model import SEVERITIES, CleanResult
from ._pipeline import Cleaner
from ._records import (
    AtomicFile,
    FormatError,
    RecordFile,
    RecordWriter,
    Row,
    kind_of,
    optional_module,
    stale_temp_files,
)

__all__ = ["main"]

#: Files picked up as one document each when a directory is given.
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: Files picked up as one document per row (``--field``) when a directory is given.
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
#: Failed documents named one by one on stderr; the rest are counted.
MAX_ERROR_LINES = 20


class UsageError(Exception):
    """A problem with the command line or the paths given; exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if hasattr(args, "run"):  # review, explain (_review_cli)
            return int(args.run(args))
        if args.command == "clean":
            return _cmd_clean(args)
        return _cmd_check(args)
    except UsageError as exc:
        print(f"reportclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reportclean: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # an output that cannot be written, a full disk
        print(f"reportclean: error: {describe(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: still one line, and a way to report it
        print(f"reportclean: internal error: {describe(exc)}; please report it", file=sys.stderr)
        return 3


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {value!r}")
    return n


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line, without the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"reportclean: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="reportclean",
        description="Clean Chinese local-government reports: clean text plus an honest list of problems.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    inputs_help = (
        "files, directories (searched recursively for *.txt/*.md and *.jsonl/*.csv/*.parquet) or globs (quoted)"
    )
    c = sub.add_parser("clean", help="write a clean UTF-8 copy of each input")
    c.add_argument("paths", nargs="+", metavar="PATH", help=inputs_help)
    c.add_argument("-o", "--output", metavar="OUTDIR", help="directory for the clean files (same relative layout)")
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
    c.add_argument("--summary", metavar="FILE", help="write the summary to FILE (.json or .csv)")
    c.add_argument("--json", action="store_true", help="print the summary as JSON instead of text")
    c.add_argument(
        "--progress", choices=("auto", "always", "never"), default="auto",
        help="progress bar on stderr (auto: only on a terminal)",
    )  # fmt: skip
    k = sub.add_parser("check", help="report warnings; exit 1 if any reach --fail-on")
    k.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories searched for *.txt/*.md")
    k.add_argument(
        "--fail-on", choices=SEVERITIES, default="warning", help="lowest severity that fails (default: warning)"
    )
    k.add_argument("--json", action="store_true", help="print one JSON line per warning")
    _review_cli.add_parsers(sub)
    return p


# -- inputs --------------------------------------------------------------------------


def discover(paths: Sequence[str], suffixes: Sequence[str] = TEXT_SUFFIXES) -> list[tuple[Path, Path]]:
    """(file, path relative to its root) for every input; directories and globs are searched."""
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            if not files:
                raise UsageError(f"{raw}: directory has no input files ({', '.join(suffixes)})")
            found.extend((f, f.relative_to(path)) for f in files)
        elif path.is_file():
            found.append((path, Path(path.name)))
        elif path.exists():
            raise UsageError(f"{raw}: not a regular file or directory")
        elif glob.has_magic(raw):
            root = _glob_root(raw)
            files = sorted(Path(f) for f in glob.glob(raw, recursive=True) if Path(f).is_file())
            if not files:
                raise UsageError(f"{raw}: no file matches")
            found.extend((f, f.relative_to(root)) for f in files)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return found


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard: outputs keep the layout below it."""
    parts = Path(pattern).parts
    root: list[str] = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        root.append(part)
    return Path(*root) if root else Path()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def atomic_write(path: Path, data: bytes | Iterable[bytes], fsync: bool = True) -> None:
    """Write ``data`` (bytes, or chunks of bytes) to ``path`` through a temporary file
    and a rename.

    A killed process never leaves a half file either way; ``fsync`` also makes
    the file survive a power loss, at a few milliseconds a file.
    """
    out = AtomicFile(path, fsync)
    try:
        with open(out.tmp, "wb") as fh:
            for chunk in [data] if isinstance(data, bytes) else data:
                fh.write(chunk)
        out.commit()
    except BaseException:
        out.abort()
        raise


def output_bytes(result: CleanResult) -> bytes:
    """The clean text as a file: UTF-8, ending with one newline."""
    return b"".join(output_chunks(result.text))


def output_chunks(text: str, size: int = 1 << 18) -> Iterator[bytes]:
    """:func:`output_bytes` in chunks, encoded a slice at a time (no whole copy)."""
    for i in range(0, len(text), size):
        yield text[i : i + size].encode("utf-8")
    if text and not text.endswith("\n"):
        yield b"\n"


# -- work done in the worker (this process, a pool process or a Dask worker) ---------


@dataclass(slots=True)
class Done:
    """What a worker sends back for one document: small, never the whole result."""

    text: str | None = None
    encoding: str | None = None
    nbytes: int = 0
    chars: int = 0
    warnings: list[dict[str, Any]] = field(default_factory=list)
    removals: list[str] = field(default_factory=list)
    error: str | None = None


def work_chunk(config: Config, payloads: Sequence[tuple[str, Any, Any, bool]]) -> list[Done]:
    """Clean a chunk of documents: ``("file", src, dst, fsync)`` is read, cleaned and
    written atomically to ``dst`` by the worker; ``("text", value, None, False)`` comes
    back cleaned."""
    cleaner = cleaner_for(config)
    return [_work_one(cleaner, *payload) for payload in payloads]


def _work_one(cleaner: Cleaner, kind: str, value: Any, dst: Any, fsync: bool) -> Done:
    try:
        data = Path(value).read_bytes() if kind == "file" else value
        nbytes = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        result = cleaner.clean(data)
        del data  # memory: at most the document, its result and the output bytes at once
        done = Done(
            text=None if kind == "file" else result.text,
            encoding=result.encoding,
            nbytes=nbytes,
            chars=len(result.original),
            warnings=[w.to_dict() for w in result.warnings],
            removals=[r.rule for r in result.removed],
        )
        if kind == "file":
            atomic_write(Path(dst), output_chunks(result.text), fsync)
        return done
    except Exception as exc:
        return Done(error=describe(exc))


# -- the clean command ---------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """One step of the run, handled in input order: a document, or a file event."""

    kind: str  # file | row | pass | skip | fail | end
    name: str
    payload: tuple[str, Any, Any, bool] | None = None
    size: int = 0
    state: _OpenRecords | None = None
    row: Row | None = None
    message: str = ""


@dataclass(slots=True)
class _OpenRecords:
    writer: RecordWriter
    failed: bool = False


def _cmd_clean(args: argparse.Namespace) -> int:
    if args.in_place == bool(args.output):
        raise UsageError("give either -o OUTDIR or --in-place (to overwrite the inputs)")
    if args.summary and Path(args.summary).suffix.lower() not in (".json", ".csv"):
        raise UsageError(f"{args.summary}: --summary writes .json or .csv; name the file so")
    inputs = discover(args.paths, TEXT_SUFFIXES + RECORD_SUFFIXES)
    outdir = Path(args.output) if args.output else None
    if outdir is not None and outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir}: exists and is not a directory")
    targets = []
    out_root = outdir.resolve() if outdir is not None else None
    for src, rel in inputs:
        real = src.resolve()
        if out_root is not None and real.is_relative_to(out_root) and out_root / rel != real:
            continue  # an earlier run's output inside an input folder
        dst = real if out_root is None else out_root / rel
        if out_root is not None and dst == real:
            raise UsageError(f"{src}: output would overwrite the input; use another -o or --in-place")
        if kind_of(src) == "parquet":
            try:
                optional_module("pyarrow.parquet", "parquet")
            except ImportError as exc:
                raise UsageError(f"{src}: reading Parquet {exc}") from None
        targets.append((real, rel, dst))
    client = _dask_client(args.scheduler) if args.scheduler else None
    summary = _Summary()
    report = _Report(Path(args.report)) if args.report else None
    progress = _Progress(args.progress, _count_documents(targets, args.field))
    errors = _ErrorLines(progress.write)
    open_records: list[_OpenRecords] = []
    config = Config()
    items = _items(targets, args.field, args.resume, args.fsync, open_records)
    try:
        with Runner(args.jobs, client=client) as runner:
            calls = (
                (chunk, (config, [it.payload for it in chunk if it.payload is not None]), sum(it.size for it in chunk))
                for chunk in chunks(items, lambda it: it.size)
            )
            for chunk, outcome in runner.map_ordered(work_chunk, calls):
                dones = iter(outcome) if isinstance(outcome, list) else None
                for item in chunk:
                    done = None
                    if item.payload is not None:
                        done = Done(error=describe(outcome)) if dones is None else next(dones)  # type: ignore[arg-type]
                    _handle(item, done, summary, report, errors)
                    progress.update(item, done)
                    del done
                del chunk, outcome, dones  # not held while the next chunk is cleaned
        if report is not None:
            report.commit()
    finally:
        errors.close()
        progress.close()
        for state in open_records:
            state.writer.abort()
        if report is not None:
            report.abort()
        if client is not None:
            client.close()
    summary.stop()
    written_to = str(outdir) if outdir else "(in place)"
    summary.print(sys.stdout, as_json=args.json, written_to=written_to)
    if args.summary:
        summary.write(Path(args.summary), written_to)
    return 1 if summary.failed else 0


def _items(
    targets: Iterable[tuple[Path, Path, Path]],
    field: str,
    resume: bool,
    fsync: bool,
    open_records: list[_OpenRecords],
) -> Iterator[_Item]:
    """The run as a stream of items, files read lazily (rows only as far as the run got)."""
    for src, rel, dst in targets:
        name = str(rel)
        if resume:
            for stale in stale_temp_files(dst):
                stale.unlink(missing_ok=True)
            if dst.exists() and dst != src:
                yield _Item("skip", name)
                continue
        if kind_of(src) is None:
            try:
                size = src.stat().st_size
            except OSError:
                size = 0
            yield _Item("file", name, ("file", str(src), str(dst), fsync), size)
            continue
        try:
            records = RecordFile(src, field)
            state = _OpenRecords(records.writer(dst, fsync))
        except (FormatError, OSError, ImportError) as exc:
            yield _Item("fail", name, message=_one_line(exc))
            continue
        except Exception as exc:  # pyarrow raises its own types on a broken file
            yield _Item("fail", name, message=describe(exc))
            continue
        open_records.append(state)
        try:
            for n, row in enumerate(records.rows(), 1):
                row_name = f"{name}#{n}"
                if row.text is None:
                    yield _Item("pass", row_name, state=state, row=row, message=row.problem or "")
                else:
                    size = len(row.text) * (1 if isinstance(row.text, bytes) else 3)
                    yield _Item("row", row_name, ("text", row.text, None, False), size, state, row)
        except (FormatError, OSError) as exc:
            yield _Item("fail", name, state=state, message=_one_line(exc))
            continue
        except Exception as exc:
            yield _Item("fail", name, state=state, message=describe(exc))
            continue
        yield _Item("end", name, state=state)


def _one_line(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, (FormatError, ImportError)) else describe(exc)


def _handle(item: _Item, done: Done | None, summary: _Summary, report: _Report | None, errors: _ErrorLines) -> None:
    """Take one item's outcome, in input order."""
    file_name, _, row = item.name.partition("#")
    where: dict[str, Any] = {"file": file_name, **({"row": int(row)} if row else {})}
    if item.kind == "skip":
        summary.skipped += 1
        return
    if item.kind == "fail":
        if item.state is not None:
            item.state.failed = True
            item.state.writer.abort()
        _fail(where, item.name, item.message, summary, report, errors)
        return
    if item.kind == "end":
        assert item.state is not None
        if not item.state.failed:
            item.state.writer.commit()
            summary.files += 1
        return
    if item.kind == "pass":
        assert item.state is not None and item.row is not None
        item.state.writer.write(item.row, None)
        if item.message:
            _fail(where, item.name, item.message, summary, report, errors)
        return
    assert done is not None
    if item.kind == "row":
        assert item.state is not None and item.row is not None
        item.state.writer.write(item.row, done.text)
    if done.error is not None:
        _fail(where, item.name, done.error, summary, report, errors)
        return
    if item.kind == "file":
        summary.files += 1
    summary.add(done)
    if report is not None:
        for w in done.warnings:
            report.write({**where, **w})


def _fail(
    where: dict[str, Any], name: str, message: str, summary: _Summary, report: _Report | None, errors: _ErrorLines
) -> None:
    summary.failed += 1
    errors.write(f"{name}: {message}")
    if report is not None:
        report.write({**where, "code": "document-failed", "severity": "error", "message": message})


def _count_documents(targets: Sequence[tuple[Path, Path, Path]], field: str) -> int | None:
    """Documents in the run when known cheaply (text and Parquet files), for the progress bar."""
    total = 0
    for src, _rel, _dst in targets:
        if kind_of(src) is None:
            total += 1
            continue
        try:
            n = RecordFile(src, field).count()
        except Exception:
            n = None
        if n is None:
            return None
        total += n
    return total


def _dask_client(address: str) -> Any:
    try:
        distributed = optional_module("distributed", "dask")
    except ImportError as exc:
        raise UsageError(f"--scheduler {exc}") from None
    try:
        return distributed.Client(address, timeout="10s")
    except Exception as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({describe(exc)})") from None


class _Report:
    """``--report``: JSON lines written to a temporary file, renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        self.file = AtomicFile(path)
        self.fh: io.TextIOWrapper | None = open(self.file.tmp, "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        assert self.fh is not None
        self.fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        assert self.fh is not None
        self.fh.close()
        self.fh = None
        self.file.commit()

    def abort(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None
            self.file.abort()


class _ErrorLines:
    """Failed documents on stderr: one line each, the first :data:`MAX_ERROR_LINES` of them."""

    def __init__(self, out: Callable[[str], None]) -> None:
        self.out, self.count = out, 0

    def write(self, line: str) -> None:
        self.count += 1
        if self.count <= MAX_ERROR_LINES:
            self.out(f"reportclean: error: {line}")

    def close(self) -> None:
        if self.count > MAX_ERROR_LINES:
            self.out(f"reportclean: error: ... and {self.count - MAX_ERROR_LINES} more (see --report)")


class _Progress:
    """Documents/s and MB/s on stderr: tqdm when installed, else a plain line; quiet in a pipe."""

    def __init__(self, mode: str, total: int | None) -> None:
        self.on = mode == "always" or (mode == "auto" and sys.stderr.isatty())
        self.docs = 0
        self.total = total
        self.nbytes = 0
        self.start = self.last = time.perf_counter()
        self.bar: Any = None
        if self.on:
            try:
                tqdm = optional_module("tqdm", "progress").tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                # a terminal that reports no size (0x0) would hide the bar
                width, height = shutil.get_terminal_size((100, 20))
                self.bar = tqdm(
                    total=total, unit="doc", file=sys.stderr, mininterval=0.2,
                    ncols=width if width > 0 else 100, nrows=height if height > 0 else 20,
                )  # fmt: skip

    def write(self, line: str) -> None:
        """A line on stderr that does not break the bar."""
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            sys.stderr.write(("\n" if self.on and self.docs else "") + line + "\n")

    def update(self, item: _Item, done: Done | None) -> None:
        if not self.on or item.kind in ("end", "pass"):
            return
        self.docs += 1
        self.nbytes += done.nbytes if done is not None else 0
        now = time.perf_counter()
        if self.bar is not None:
            self.bar.update(1)
        if now - self.last >= 0.2:
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        rate = self.nbytes / 1e6 / max(now - self.start, 1e-9)
        if self.bar is not None:
            self.bar.set_postfix_str(f"{rate:.2f} MB/s", refresh=False)
        else:
            docs = self.docs / max(now - self.start, 1e-9)
            count = f"{self.docs}/{self.total}" if self.total is not None else str(self.docs)
            sys.stderr.write(f"\r{count} docs  {docs:.1f} doc/s  {rate:.2f} MB/s")
            sys.stderr.flush()

    def close(self) -> None:
        if not self.on:
            return
        self._show(time.perf_counter())
        if self.bar is not None:
            self.bar.close()
        else:
            sys.stderr.write("\n")


def _cmd_check(args: argparse.Namespace) -> int:
    inputs = discover(args.paths)
    threshold = SEVERITIES.index(args.fail_on)
    cleaner = Cleaner(Config())
    failed = 0
    for src, _rel in inputs:
        result = cleaner.clean(_read(src))
        for w in result.warnings:
            if args.json:
                print(json.dumps({"file": str(src), **w.to_dict()}, ensure_ascii=False))
            else:
                line, col = _line_col(result.text, w.span[0])
                print(f"{src}:{line}:{col}: {w.severity}: {w.code}: {w.message}")
            if SEVERITIES.index(w.severity) >= threshold:
                failed += 1
    if not args.json:
        verdict = "fail" if failed else "ok"
        print(f"{len(inputs)} file(s) checked, {failed} warning(s) at or above {args.fail_on}: {verdict}")
    return 1 if failed else 0


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class _Summary:
    def __init__(self) -> None:
        self.files = 0
        self.documents = 0
        self.failed = 0
        self.skipped = 0
        self.bytes = 0
        self.chars = 0
        self.encodings: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.start = time.perf_counter()
        self.seconds = 0.0

    def add(self, done: Done) -> None:
        self.documents += 1
        self.bytes += done.nbytes
        self.chars += done.chars
        self.encodings[done.encoding or "str"] += 1
        self.codes.update(w["code"] for w in done.warnings)
        self.rules.update(done.removals)

    def stop(self) -> None:
        self.seconds = time.perf_counter() - self.start

    def as_dict(self) -> dict[str, Any]:
        secs = max(self.seconds, 1e-9)
        return {
            "files": self.files,
            "documents": self.documents,
            "failed": self.failed,
            "skipped": self.skipped,
            "bytes": self.bytes,
            "characters": self.chars,
            "seconds": round(self.seconds, 3),
            "documents_per_second": round(self.documents / secs, 1),
            "mb_per_second": round(self.bytes / 1e6 / secs, 2),
            "encodings": dict(self.encodings.most_common()),
            "warnings": dict(self.codes.most_common()),
            "removals": dict(self.rules.most_common()),
        }

    def print(self, out: TextIO, as_json: bool, written_to: str) -> None:
        if as_json:
            out.write(json.dumps({**self.as_dict(), "output": written_to}, ensure_ascii=False) + "\n")
            return

        def fmt(c: Counter[str]) -> str:
            return ", ".join(f"{k} {v}" for k, v in c.most_common()) or "none"

        d = self.as_dict()
        out.write(
            f"cleaned {self.files} file(s): {self.documents} document(s), {self.bytes / 1e6:.2f} MB, "
            f"{self.chars} characters in {d['seconds']:.1f} s "
            f"({d['documents_per_second']} docs/s, {d['mb_per_second']} MB/s) -> {written_to}\n"
        )
        if self.skipped:
            out.write(f"  skipped:   {self.skipped} (output already there, --resume)\n")
        if self.failed:
            out.write(f"  failed:    {self.failed} (named on stderr and in --report)\n")
        out.write(f"  encodings: {fmt(self.encodings)}\n")
        out.write(f"  warnings:  {sum(self.codes.values())} ({fmt(self.codes)})\n")
        out.write(f"  removals:  {sum(self.rules.values())} ({fmt(self.rules)})\n")

    def write(self, path: Path, written_to: str) -> None:
        """``--summary``: JSON (the same as ``--json``) or CSV rows ``section,key,value``."""
        d = self.as_dict()
        if path.suffix.lower() == ".json":
            data = json.dumps({**d, "output": written_to}, ensure_ascii=False, indent=2) + "\n"
        else:
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(["section", "key", "value"])
            for key, value in d.items():
                if isinstance(value, dict):
                    w.writerows([section_of(key), k, v] for k, v in value.items())
                else:
                    w.writerow(["total", key, value])
            data = buf.getvalue()
        atomic_write(path, data.encode("utf-8"))


def section_of(key: str) -> str:
    """``encodings`` -> ``encoding``: the CSV section of a summary counter."""
    return key[:-1] if key.endswith("s") else key
