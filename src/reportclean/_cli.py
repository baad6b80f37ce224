"""The command line: ``reportclean clean`` and ``reportclean check``.

Files, directories, stdout and exit codes live here, never in the core.
Exit codes: 0 success, 1 ``check`` found warnings at or above ``--fail-on``,
2 misuse or unreadable input (a one-line message on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._config import Config
from ._model import SEVERITIES, CleanResult
from ._pipeline import Cleaner

__all__ = ["main"]

#: Files picked up when a directory is given.
TEXT_SUFFIXES = (".txt", ".text", ".md")


class UsageError(Exception):
    """A problem with the command line or the paths given; exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "clean":
            return _cmd_clean(args)
        return _cmd_check(args)
    except UsageError as exc:
        print(f"reportclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("reportclean: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reportclean",
        description="Clean Chinese local-government reports: clean text plus an honest list of problems.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("clean", help="write a clean UTF-8 copy of each input")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories searched for *.txt/*.md")
    c.add_argument("-o", "--output", metavar="OUTDIR", help="directory for the clean files (same names)")
    c.add_argument("--in-place", action="store_true", help="overwrite each input with its clean text")
    c.add_argument("--report", metavar="FILE", help="write one JSON line per warning (with its file name)")
    c.add_argument("--json", action="store_true", help="print the summary as JSON instead of text")
    k = sub.add_parser("check", help="report warnings; exit 1 if any reach --fail-on")
    k.add_argument("paths", nargs="+", metavar="PATH", help="files, or directories searched for *.txt/*.md")
    k.add_argument(
        "--fail-on", choices=SEVERITIES, default="warning", help="lowest severity that fails (default: warning)"
    )
    k.add_argument("--json", action="store_true", help="print one JSON line per warning")
    return p


# -- inputs --------------------------------------------------------------------------


def discover(paths: Sequence[str]) -> list[tuple[Path, Path]]:
    """(file, path relative to its root) for every input; directories are searched."""
    found: list[tuple[Path, Path]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                raise UsageError(f"{raw}: directory has no text files ({', '.join(TEXT_SUFFIXES)})")
            found.extend((f, f.relative_to(path)) for f in files)
        elif path.is_file():
            found.append((path, Path(path.name)))
        elif path.exists():
            raise UsageError(f"{raw}: not a regular file or directory")
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror or exc})") from None


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def output_bytes(result: CleanResult) -> bytes:
    """The clean text as a file: UTF-8, ending with one newline."""
    text = result.text
    if text and not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


# -- commands ------------------------------------------------------------------------


def _cmd_clean(args: argparse.Namespace) -> int:
    if args.in_place == bool(args.output):
        raise UsageError("give either -o OUTDIR or --in-place (to overwrite the inputs)")
    inputs = discover(args.paths)
    outdir = Path(args.output) if args.output else None
    if outdir is not None and outdir.exists() and not outdir.is_dir():
        raise UsageError(f"{outdir}: exists and is not a directory")
    targets = []
    for src, rel in inputs:
        dst = src if outdir is None else outdir / rel
        if outdir is not None and dst.resolve() == src.resolve():
            raise UsageError(f"{src}: output would overwrite the input; use another -o or --in-place")
        targets.append((src, rel, dst))
    cleaner = Cleaner(Config())
    summary = _Summary()
    report_lines: list[str] = []
    for src, rel, dst in targets:
        result = cleaner.clean(_read(src))
        atomic_write(dst, output_bytes(result))
        summary.add(result)
        report_lines.extend(_warning_lines(str(rel), result))
    if args.report:
        atomic_write(Path(args.report), "".join(line + "\n" for line in report_lines).encode("utf-8"))
    summary.print(sys.stdout, as_json=args.json, written_to=str(outdir) if outdir else "(in place)")
    return 0


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


def _warning_lines(name: str, result: CleanResult) -> Iterator[str]:
    for w in result.warnings:
        yield json.dumps({"file": name, **w.to_dict()}, ensure_ascii=False)


class _Summary:
    def __init__(self) -> None:
        self.files = 0
        self.chars = 0
        self.encodings: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()

    def add(self, result: CleanResult) -> None:
        self.files += 1
        self.chars += len(result.original)
        self.encodings[result.encoding or "str"] += 1
        self.codes.update(w.code for w in result.warnings)
        self.rules.update(r.rule for r in result.removed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "characters": self.chars,
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

        out.write(f"cleaned {self.files} file(s), {self.chars} characters -> {written_to}\n")
        out.write(f"  encodings: {fmt(self.encodings)}\n")
        out.write(f"  warnings:  {sum(self.codes.values())} ({fmt(self.codes)})\n")
        out.write(f"  removals:  {sum(self.rules.values())} ({fmt(self.rules)})\n")
