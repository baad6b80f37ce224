"""The ``clean`` command's run: the inputs as a stream of items in input order (documents,
record rows and file events, files read lazily), and the handling of each outcome in the
main process: clean copies and record files written, stdout, the report and the summary.

The command line itself (options, checks of the paths given, the loop over the runner)
is ``_cli._cmd_clean``; the cleaning in worker processes is ``_batch.work_chunk``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._batch import Done, Job, describe, output_chunks, work_chunk
from ._config import Config
from ._inputs import STDIN
from ._records import FormatError, RecordFile, RecordWriter, Row, kind_of, stale_temp_files
from ._runout import Errors, OutputError, Report, Summary

__all__ = ["Item", "OpenRecords", "Run", "Target", "count_documents", "died", "handle", "items", "singles_on"]


@dataclass(frozen=True, slots=True)
class Target:
    """An input and where its clean copy goes."""

    src: Path  # as found; Path("-") for stdin
    rel: Path
    dst: Path | None  # None: the clean text goes to stdout


@dataclass(slots=True)
class Item:
    """One step of the run, handled in input order: a document, or a file event."""

    kind: str  # file | row | pass | skip | fail | end
    name: str
    job: Job | None = None
    size: int = 0
    state: OpenRecords | None = None
    row: Row | None = None
    message: str = ""


@dataclass(slots=True)
class OpenRecords:
    writer: RecordWriter
    failed: bool = False


@dataclass(slots=True)
class Run:
    """What the handling of outcomes needs, in the main process."""

    summary: Summary
    report: Report | None
    errors: Errors
    stdout: Any = None  # a binary stream when the clean text goes to stdout


def died(job: Job, exc: BaseException) -> list[Done]:
    """The outcome of a job whose worker died (for ``_batch.one_by_one``)."""
    return [Done(error=describe(exc))]


def singles_on(client: Any, config: Config, jobs: list[Job]) -> list[Done]:
    """Each job alone on the cluster, after their chunk failed (a worker died running it).
    A worker's death also fails what ran beside it, so a job that fails is tried once
    more, alone, before it counts as failed."""
    futures = [client.submit(work_chunk, config, [job], pure=False) for job in jobs]
    out: list[Done] = []
    for job, future in zip(jobs, futures, strict=True):
        try:
            out.extend(future.result())
        except Exception:
            try:
                out.extend(client.submit(work_chunk, config, [job], pure=False).result())
            except Exception as exc:
                out.append(Done(error=describe(exc)))
    return out


def items(
    targets: Iterable[Target], args: argparse.Namespace, details: frozenset[str], open_records: list[OpenRecords]
) -> Iterator[Item]:
    """The run as a stream of items, files read lazily (rows only as far as the run got)."""
    for t in targets:
        name = str(t.rel)
        if t.dst is None:  # to stdout
            if str(t.src) == STDIN:
                data = sys.stdin.buffer.read()
                yield Item("file", name, Job("text", data, details=details), len(data))
            else:
                yield Item("file", name, Job("read", str(t.src), details=details), _size(t.src))
            continue
        if args.resume:
            for stale in stale_temp_files(t.dst):
                stale.unlink(missing_ok=True)
            if t.dst.exists() and not args.in_place:
                yield Item("skip", name)
                continue
        if kind_of(t.src) is None:
            job = Job("file", str(t.src), str(t.dst), args.fsync, args.in_place, details)
            yield Item("file", name, job, _size(t.src))
            continue
        try:
            records = RecordFile(t.src, args.field)
            state = OpenRecords(records.writer(t.dst, args.fsync, args.in_place))
        except (FormatError, OSError, ImportError) as exc:
            yield Item("fail", name, message=_one_line(exc))
            continue
        except Exception as exc:  # pyarrow raises its own types on a broken file
            yield Item("fail", name, message=describe(exc))
            continue
        open_records.append(state)
        try:
            for n, row in enumerate(records.rows(), 1):
                row_name = f"{name}#{n}"
                if row.text is None:
                    yield Item("pass", row_name, state=state, row=row, message=row.problem or "")
                else:
                    size = len(row.text) * (1 if isinstance(row.text, bytes) else 3)
                    yield Item("row", row_name, Job("text", row.text, details=details), size, state, row)
        except Exception as exc:  # a file that breaks midway fails alone
            yield Item("fail", name, state=state, message=_one_line(exc))
            continue
        yield Item("end", name, state=state)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _one_line(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, (FormatError, ImportError)) else describe(exc)


def handle(item: Item, done: Done | None, run: Run, extras: frozenset[str]) -> None:
    """Take one item's outcome, in input order; a record file whose writing fails fails alone."""
    try:
        _take(item, done, run, extras)
    except OutputError:
        raise
    except Exception as exc:
        if item.state is None or item.state.failed:
            raise
        file_name = item.name.partition("#")[0]
        item.state.failed = True
        item.state.writer.abort()
        _fail({"file": file_name}, file_name, f"cannot write the clean copy ({describe(exc)})", run)


def _take(item: Item, done: Done | None, run: Run, extras: frozenset[str]) -> None:
    file_name, _, row = item.name.partition("#")
    where: dict[str, Any] = {"file": file_name, **({"row": int(row)} if row else {})}
    if item.kind == "skip":
        run.summary.skipped += 1
        return
    if item.kind == "fail":
        if item.state is not None:
            item.state.failed = True
            item.state.writer.abort()
        _fail(where, item.name, item.message, run)
        return
    if item.state is not None and item.state.failed:
        return  # the file already failed: its other rows are not written
    if item.kind == "end":
        assert item.state is not None
        item.state.writer.commit()
        run.summary.files += 1
        return
    if item.kind == "pass":
        assert item.state is not None and item.row is not None
        item.state.writer.write(item.row, None)
        if item.message:
            _fail(where, item.name, item.message, run)
        return
    assert done is not None
    if item.kind == "row":
        assert item.state is not None and item.row is not None
        item.state.writer.write(item.row, done.text)
    if done.error is not None:
        run.summary.unwritable += done.unwritable
        _fail(where, item.name, done.error, run)
        return
    if run.stdout is not None and done.text is not None:
        for chunk in output_chunks(done.text):
            run.stdout.write(chunk)
        run.stdout.flush()
    if item.kind == "file":
        run.summary.files += 1
    run.summary.add(done)
    if run.report is not None:
        for w in done.warnings:
            run.report.write({**where, "kind": "warning", **w})
        for kind, records in done.details.items():
            for record in records:
                run.report.write({**where, "kind": kind, **record})
        if "documents" in extras:
            run.report.write({
                **where, "kind": "document", "encoding": done.encoding, "bytes": done.nbytes,
                "characters": done.chars, "warnings": len(done.warnings), "removals": len(done.removals),
                **({"changes": done.changes} if "changes" in extras else {}),
            })  # fmt: skip


def _fail(where: dict[str, Any], name: str, message: str, run: Run) -> None:
    run.summary.failed += 1
    run.errors.write(f"{name}: {message}")
    if run.report is not None:
        run.report.write({**where, "kind": "warning", "code": "document-failed", "severity": "error",
                          "message": message})  # fmt: skip


def count_documents(targets: Sequence[Target], field: str) -> int | None:
    """Documents in the run when known cheaply (text and Parquet files), for the progress bar."""
    total = 0
    for t in targets:
        if kind_of(t.src) is None:
            total += 1
            continue
        try:
            n = RecordFile(t.src, field).count()
        except Exception:
            n = None
        if n is None:
            return None
        total += n
    return total
