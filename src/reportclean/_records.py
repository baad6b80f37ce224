"""Record files for the command line: JSONL, CSV and Parquet, read as streams of rows
and written atomically (a temporary file renamed into place).

Each row's text sits in one field (``--field``); every other field is written
back unchanged. A row whose field is missing or null is written back as it was
(a missing field is reported, a null is not: it holds no document).
Parquet needs pyarrow (``pip install 'reportclean[parquet]'``).

>>> kind_of("corpus/part-0001.jsonl"), kind_of("a.txt")
('jsonl', None)
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import IO, Any

__all__ = [
    "RECORD_SUFFIXES",
    "AtomicFile",
    "FormatError",
    "RecordFile",
    "RecordWriter",
    "Row",
    "kind_of",
    "optional_module",
    "stale_temp_files",
]

#: Record files (one document per row) by suffix, and their kind.
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Rows written to a Parquet file at a time.
PARQUET_BATCH = 256
#: Parquet column types that hold text (bytes are decoded like ``clean(bytes)``).
PARQUET_TEXT_TYPES = ("string", "large_string", "string_view", "binary", "large_binary", "binary_view")


def _no_csv_field_limit() -> None:
    """Python's csv module refuses fields over 131,072 characters by default; one long
    report is longer. The limit is a process-wide setting of the csv module."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on some platforms
            limit //= 2


class FormatError(Exception):
    """A record file that cannot be read as its suffix says; the message is one line
    (without the file name: the caller names the file)."""


def kind_of(path: str | os.PathLike[str]) -> str | None:
    """``jsonl``, ``csv`` or ``parquet`` for a record file, else None."""
    return RECORD_SUFFIXES.get(Path(path).suffix.lower())


def optional_module(name: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise ImportError saying which extra installs it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ImportError(f"this needs {name.split('.')[0]}: pip install 'reportclean[{extra}]'") from None


@dataclass(slots=True)
class Row:
    """One record: ``record`` is written back with ``field`` set to the clean text.

    ``text`` is None when there is nothing to clean (the row is written back as
    read); ``problem`` then says why, if it is a problem.
    """

    record: Any
    text: str | bytes | None
    problem: str | None = None


def stale_temp_files(dst: Path) -> list[Path]:
    """Temporary files a killed run left for ``dst``."""
    return sorted(dst.parent.glob(f".{dst.name}.*.tmp")) if dst.parent.is_dir() else []


def _temp_beside(dst: Path) -> Path:
    """A new empty file ``.NAME.XXXXXXXX.tmp`` beside ``dst``, created with mode 0666
    less the umask, as ``open()`` would (``tempfile.mkstemp`` makes it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = dst.parent / f".{dst.name}.{secrets.token_hex(4)}.tmp"
        try:
            os.close(os.open(tmp, flags, 0o666))
        except FileExistsError:
            continue
        return tmp


class AtomicFile:
    """A temporary file beside ``dst``, renamed onto it by :meth:`commit`
    (flushed to disk first when ``fsync``).

    The output gets the mode of the file it replaces, else the umask's (0666 less the
    umask), like a file made by ``open()``. With ``keep_links``, a ``dst`` that has
    other hard links is rewritten in place (its inode kept, so every link sees the new
    text) instead of being replaced: that copy is not atomic, the temporary file is
    complete before it starts.
    """

    def __init__(self, dst: Path, fsync: bool = False, keep_links: bool = False) -> None:
        self.fsync = fsync
        self.keep_links = keep_links
        dst.parent.mkdir(parents=True, exist_ok=True)
        self.dst, self.tmp = dst, _temp_beside(dst)

    def commit(self) -> None:
        if self.fsync:
            with open(self.tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        try:
            old = os.lstat(self.dst)
        except FileNotFoundError:
            old = None
        if old is not None and stat.S_ISREG(old.st_mode):
            os.chmod(self.tmp, stat.S_IMODE(old.st_mode))
            if self.keep_links and old.st_nlink > 1:
                with open(self.tmp, "rb") as src, open(self.dst, "r+b") as out:
                    shutil.copyfileobj(src, out, 1 << 20)
                    out.truncate()
                    if self.fsync:
                        out.flush()
                        os.fsync(out.fileno())
                self.tmp.unlink()
                return
        os.replace(self.tmp, self.dst)

    def abort(self) -> None:
        try:
            self.tmp.unlink()
        except OSError:
            pass


class RecordFile:
    """A JSONL, CSV or Parquet file whose ``field`` holds one document per row."""

    def __init__(self, path: Path, field: str) -> None:
        kind = kind_of(path)
        if kind is None:
            raise FormatError("not a record file (.jsonl, .ndjson, .csv, .parquet)")
        self.path, self.field, self.kind = path, field, kind
        self._columns: list[str] = []
        self._schema: Any = None
        if kind == "csv":
            _no_csv_field_limit()
            with open(path, encoding="utf-8-sig", newline="") as fh:
                header = next(csv.reader(fh), None)
            if header is None or field not in header:
                raise FormatError(f"no column {field!r} in the CSV header; name it with --field")
            self._columns = header
        elif kind == "parquet":
            pq = optional_module("pyarrow.parquet", "parquet")
            schema = pq.read_schema(path)
            if field not in schema.names:
                raise FormatError(f"no column {field!r} in the Parquet schema; name it with --field")
            kind_of_column = schema.field(field).type
            if str(kind_of_column) not in PARQUET_TEXT_TYPES:
                raise FormatError(
                    f"column {field!r} holds {kind_of_column}, not text (string or binary); "
                    "name the text column with --field"
                )
            self._schema = schema

    def count(self) -> int | None:
        """The number of rows when the file says so cheaply (Parquet), else None."""
        if self.kind != "parquet":
            return None
        pq = optional_module("pyarrow.parquet", "parquet")
        return int(pq.ParquetFile(self.path).metadata.num_rows)

    def rows(self) -> Iterator[Row]:
        if self.kind == "jsonl":
            yield from self._jsonl_rows()
        elif self.kind == "csv":
            yield from self._csv_rows()
        else:
            yield from self._parquet_rows()

    def _jsonl_rows(self) -> Iterator[Row]:
        with open(self.path, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                if not raw.strip():
                    yield Row(raw, None)
                    continue
                try:
                    record = json.loads(raw)
                except ValueError as exc:
                    yield Row(raw, None, f"line {lineno}: not JSON ({exc}); written back as it was")
                    continue
                value = record.get(self.field) if isinstance(record, dict) else None
                if isinstance(value, str):
                    yield Row(record, value)
                elif value is None and isinstance(record, dict) and self.field in record:
                    yield Row(record, None)
                else:
                    yield Row(raw, None, f"line {lineno}: no string field {self.field!r}; written back as it was")

    def _csv_rows(self) -> Iterator[Row]:
        column = self._columns.index(self.field)
        with open(self.path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            try:
                next(reader, None)  # the header
                for n, record in enumerate(reader, 1):
                    if len(record) > column:
                        yield Row(record, record[column])
                    else:
                        yield Row(record, None, f"row {n}: no value in column {self.field!r}; written back as it was")
            except UnicodeDecodeError as exc:
                raise FormatError(f"not UTF-8 ({exc.reason} at byte {exc.start}); convert it first") from None
            except csv.Error as exc:
                raise FormatError(f"malformed CSV at line {reader.line_num} ({exc})") from None

    def _parquet_rows(self) -> Iterator[Row]:
        pq = optional_module("pyarrow.parquet", "parquet")
        for batch in pq.ParquetFile(self.path).iter_batches(batch_size=PARQUET_BATCH):
            for record in batch.to_pylist():
                value = record.get(self.field)
                yield Row(record, value if isinstance(value, (str, bytes)) else None)

    def writer(self, dst: Path, fsync: bool = False, keep_links: bool = False) -> RecordWriter:
        """A writer for the clean copy of this file at ``dst`` (atomic: see :class:`AtomicFile`)."""
        return RecordWriter(self, dst, fsync, keep_links)


class RecordWriter:
    """Writes rows to a temporary file; :meth:`commit` renames it onto the output."""

    def __init__(self, source: RecordFile, dst: Path, fsync: bool = False, keep_links: bool = False) -> None:
        self.source = source
        self.file = AtomicFile(dst, fsync, keep_links)
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[Any] | None = None
        self._csv: Any = None
        self._pq_writer: Any = None
        if source.kind == "jsonl":
            self._fh = open(self.file.tmp, "wb")
        elif source.kind == "csv":
            self._fh = open(self.file.tmp, "w", encoding="utf-8", newline="")
            self._csv = csv.writer(self._fh)
            self._csv.writerow(source._columns)

    def write(self, row: Row, clean_text: str | None) -> None:
        """Write ``row`` back, its field set to ``clean_text`` unless that is None."""
        record = row.record
        if clean_text is not None and isinstance(record, list):
            record = list(record)
            record[self.source._columns.index(self.source.field)] = clean_text
        elif clean_text is not None:
            record = dict(record)
            record[self.source.field] = clean_text
        if self.source.kind == "jsonl":
            assert self._fh is not None
            if isinstance(record, bytes):
                self._fh.write(record if record.endswith(b"\n") else record + b"\n")
            else:
                line = json.dumps(record, ensure_ascii=False) + "\n"
                try:
                    data = line.encode("utf-8")
                except UnicodeEncodeError:  # a lone surrogate ("\\ud800") read from an escape
                    data = (json.dumps(record) + "\n").encode("ascii")
                self._fh.write(data)
        elif self._csv is not None:
            self._csv.writerow(record)
        else:
            self._rows.append(record)
            if len(self._rows) >= PARQUET_BATCH:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        pa = optional_module("pyarrow", "parquet")
        pq = optional_module("pyarrow.parquet", "parquet")
        schema = self.source._schema
        i = schema.get_field_index(self.source.field)
        if not pa.types.is_string(schema.field(i).type) and not pa.types.is_large_string(schema.field(i).type):
            schema = schema.set(i, schema.field(i).with_type(pa.string()))
        if self._pq_writer is None:
            self._pq_writer = pq.ParquetWriter(str(self.file.tmp), schema)
        if self._rows:
            self._pq_writer.write_table(pa.Table.from_pylist(self._rows, schema=schema))
            self._rows = []

    def commit(self) -> None:
        if self.source.kind == "parquet":
            self._flush_parquet()
            self._pq_writer.close()
        elif self._fh is not None:
            self._fh.close()
        self.file.commit()

    def abort(self) -> None:
        try:
            if self._pq_writer is not None:
                self._pq_writer.close()
            if self._fh is not None:
                self._fh.close()
        finally:
            self.file.abort()
