"""What a command-line run shows and writes besides the outputs: the report, the
summary, the progress bar and the error lines on stderr."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ._batch import Done, atomic_write
from ._records import AtomicFile, optional_module

__all__ = ["MAX_ERROR_LINES", "Errors", "OutputError", "Progress", "Report", "Summary", "section_of"]

#: Failed documents named one by one on stderr; the rest are counted.
MAX_ERROR_LINES = 20


class OutputError(Exception):
    """A report or summary file that cannot be written (exit code 2); the message names it."""


class Report:
    """``--report``: JSON lines written to a temporary file, renamed into place at the end.

    A report that cannot be written (a full disk) raises :class:`OutputError` naming it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: io.TextIOWrapper | None = None
        with _writing(path, "the report"):
            self.file = AtomicFile(path)
            self.fh = open(self.file.tmp, "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        assert self.fh is not None
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with _writing(self.path, "the report"):
            try:
                self.fh.write(line)
            except UnicodeEncodeError:  # a lone surrogate in a quoted text
                self.fh.write(json.dumps(record) + "\n")

    def commit(self) -> None:
        assert self.fh is not None
        with _writing(self.path, "the report"):
            self.fh.close()
            self.fh = None
            self.file.commit()

    def abort(self) -> None:
        if self.fh is not None:
            try:
                self.fh.close()
            except OSError:
                pass
            self.fh = None
            self.file.abort()


class _writing:
    """Turns an OSError while writing ``path`` into an :class:`OutputError` naming it."""

    def __init__(self, path: Path, what: str) -> None:
        self.path, self.what = path, what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, OSError):
            raise OutputError(f"{self.path}: cannot write {self.what} ({exc.strerror or exc})") from None


class Errors:
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


class Progress:
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

    def update(self, done: Done | None) -> None:
        """One document or file handled (``done`` when it was cleaned)."""
        if not self.on:
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


class Summary:
    """Counts of a ``clean`` run, printed at the end (``--json``) and written by ``--summary``."""

    def __init__(self) -> None:
        self.files = 0
        self.documents = 0
        self.failed = 0
        self.unwritable = 0
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
        with _writing(path, "the summary"):
            atomic_write(path, data.encode("utf-8"))


def section_of(key: str) -> str:
    """``encodings`` -> ``encoding``: the CSV section of a summary counter."""
    return key[:-1] if key.endswith("s") else key
