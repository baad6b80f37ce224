"""``reportclean review`` and ``reportclean explain``: the file and terminal side of the review
page and of the catalogue (the pages themselves are made by the pure ``_review`` module).

Registered in ``_cli.COMMANDS``: the options and the function of each command.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

__all__ = ["explain_options", "review_options", "run_explain", "run_review"]

#: Files reviewed when a directory is given.
SUFFIXES = (".txt", ".text", ".md")


def review_options(r: argparse.ArgumentParser) -> None:
    """The options of ``reportclean review``."""
    r.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (searched for *.txt/*.md) or globs")
    r.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="directory for the pages (and index.html)")


def explain_options(e: argparse.ArgumentParser) -> None:
    """The options of ``reportclean explain``."""
    e.add_argument("name", nargs="?", metavar="CODE_OR_RULE", help="e.g. placeholder or watermark-line")
    e.add_argument("--list", action="store_true", help="list every code and rule id")


def run_explain(args: argparse.Namespace) -> int:
    from ._explain import catalogue, explain

    if args.list or not args.name:
        if not args.list:
            print("reportclean: error: give a warning code or rule id, or --list", file=sys.stderr)
            return 2
        cat = catalogue()
        for name, entry in sorted({**cat.rules, **cat.codes}.items()):
            kinds = [k for k, table in (("code", cat.codes), ("rule", cat.rules)) if name in table]
            print(f"{name}\t{' and '.join(kinds)}\t{entry.step}")
        return 0
    try:
        print(explain(args.name))
    except KeyError as exc:
        print(f"reportclean: error: {exc.args[0]}", file=sys.stderr)
        return 2
    return 0


def _inputs(paths: list[str]) -> tuple[list[tuple[Path, Path]], bool]:
    """(file, relative name) per input, and whether a directory or glob was given."""
    found: list[tuple[Path, Path]] = []
    many = False
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            many = True
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            found.extend((f, f.relative_to(path)) for f in files)
        elif path.is_file():
            found.append((path, Path(path.name)))
        elif glob.has_magic(raw):
            many = True
            files = sorted(Path(f) for f in glob.glob(raw, recursive=True))
            found.extend((f, Path(f.name)) for f in files if f.is_file())
        else:
            raise FileNotFoundError(f"{raw}: no such file or directory")
    if not found:
        raise FileNotFoundError(f"no input files in {' '.join(paths)} ({', '.join(SUFFIXES)})")
    return found, many


def _write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename: a killed run leaves no half page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def run_review(args: argparse.Namespace) -> int:
    from ._config import Config
    from ._pipeline import Cleaner
    from ._review import index_html, index_row, to_html

    try:
        inputs, many = _inputs(args.paths)
    except FileNotFoundError as exc:
        print(f"reportclean: error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        print(f"reportclean: error: {out}: exists and is not a directory", file=sys.stderr)
        return 2
    cleaner = Cleaner(Config())
    rows = []
    taken: set[Path] = set()
    for src, rel in inputs:
        page = rel.with_suffix(".html")
        if page in taken or page.name == "index.html":
            page = rel.with_name(rel.name + ".html")
        taken.add(page)
        try:
            data = src.read_bytes()
        except OSError as exc:
            print(f"reportclean: error: {src}: cannot read ({exc.strerror or exc})", file=sys.stderr)
            return 2
        result = cleaner.clean(data)
        _write(out / page, to_html(result, str(src)))
        rows.append(index_row(result, str(rel), page.as_posix()))
    if many or len(inputs) > 1:
        _write(out / "index.html", index_html(rows))
    note = " and index.html" if many or len(inputs) > 1 else ""
    print(f"wrote {len(rows)} review page(s){note} to {out}")
    return 0
