"""Finding the inputs of a command-line run: files, directories, globs and ``-`` (stdin).

Rules (what a careful user of ruff, rsync or git would expect):

- A file named on the command line is read whatever its suffix, even through a symlink.
- A directory is searched recursively, and a glob (quoted: ``'a/**/*.txt'``) is expanded,
  for files with one of the given suffixes. Symlinks met on the way (to files or
  folders) are not followed: they are reported as skipped (name one to clean it).
- The output path of each input is its path relative to the directory given, or to the
  part of a glob before its first wildcard, normalised; a match that would land outside
  (``'a*/../../x.txt'``) is refused, so no output is ever written outside ``-o``.
- When the output folder lies inside a directory searched, its files are not inputs
  (``-o corpus/clean`` works); when the output folder holds the inputs
  (``data/raw -o data``), they are read as usual.

>>> _glob_root("in/**/*.txt"), _glob_root("*.txt"), _glob_root("a*/../../x.txt")
(PosixPath('in'), PosixPath('.'), PosixPath('.'))
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ._records import RECORD_SUFFIXES

__all__ = ["RECORD_SUFFIXES", "STDIN", "TEXT_SUFFIXES", "Found", "InputError", "discover"]

#: Files picked up as one document each when a directory or glob is searched.
TEXT_SUFFIXES = (".txt", ".text", ".md")
#: The path that means standard input (and, for ``-o``, standard output).
STDIN = "-"


class InputError(Exception):
    """A path that cannot be used as an input; the message says which and why."""


@dataclass(slots=True)
class Found:
    """The inputs: ``(file, output path relative to the output folder)``, and the
    symlinks that were skipped."""

    files: list[tuple[Path, Path]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def discover(paths: Sequence[str], suffixes: Sequence[str], exclude: Path | None = None) -> Found:
    """The inputs for ``paths``; ``exclude`` (the resolved output folder) is left out
    of the directories and globs searched when it lies strictly inside them."""
    found = Found()
    suffixes = tuple(s.lower() for s in suffixes)
    for raw in paths:
        if raw == STDIN:
            found.files.append((Path(STDIN), Path(STDIN)))
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path, suffixes, exclude, found.skipped)
            if not files:
                raise InputError(f"{raw}: directory has no input files ({', '.join(suffixes)})")
            found.files.extend((f, f.relative_to(path)) for f in files)
        elif path.is_file():
            found.files.append((path, Path(path.name)))
        elif path.exists():
            raise InputError(f"{raw}: not a regular file or directory")
        elif glob.has_magic(raw):
            found.files.extend(_expand(raw, suffixes, exclude, found.skipped))
        else:
            raise InputError(f"{raw}: no such file or directory")
    return found


def _inside(path: Path, folder: Path | None) -> bool:
    """``path`` is ``folder`` or below it (both resolved)."""
    return folder is not None and (path == folder or folder in path.parents)


def _walk(root: Path, suffixes: tuple[str, ...], exclude: Path | None, skipped: list[Path]) -> list[Path]:
    real_root = root.resolve()
    prune = exclude if exclude is not None and exclude != real_root and _inside(exclude, real_root) else None
    files = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        keep = []
        for d in sorted(dirs):
            sub = here / d
            if sub.is_symlink():
                skipped.append(sub)
            elif prune is None or not _inside(sub.resolve(), prune):
                keep.append(d)
        dirs[:] = keep
        for name in names:
            f = here / name
            if f.suffix.lower() not in suffixes:
                continue
            if f.is_symlink():
                skipped.append(f)
            elif f.is_file():
                files.append(f)
    return sorted(files)


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob before its first wildcard: outputs keep the layout below it."""
    parts = Path(pattern).parts
    root: list[str] = []
    for part in parts[:-1]:
        if glob.has_magic(part):
            break
        root.append(part)
    return Path(*root) if root else Path()


def _expand(raw: str, suffixes: tuple[str, ...], exclude: Path | None, skipped: list[Path]) -> list[tuple[Path, Path]]:
    root = _glob_root(raw)
    base = Path(os.path.normpath(os.path.abspath(root)))
    real_base = root.resolve()
    prune = exclude if exclude is not None and exclude != real_base and _inside(exclude, real_base) else None
    out = []
    for match in sorted(glob.glob(raw, recursive=True)):
        f = Path(match)
        if f.suffix.lower() not in suffixes or not os.path.lexists(f):
            continue
        where = Path(os.path.normpath(os.path.abspath(f)))
        if not _inside(where, base) or where == base:
            raise InputError(
                f"{raw}: matches {match}, which is outside {root}; outputs must stay inside the output "
                "folder: name that file on its own, or write the glob without '..'"
            )
        rel = where.relative_to(base)
        # a symlink anywhere below the root (the file or a folder) is not followed
        link = next((base / Path(*rel.parts[:i]) for i in range(1, len(rel.parts) + 1)
                     if (base / Path(*rel.parts[:i])).is_symlink()), None)  # fmt: skip
        if link is not None:
            if link not in skipped:
                skipped.append(link)
            continue
        if not f.is_file() or (prune is not None and _inside(f.resolve(), prune)):
            continue
        out.append((f, rel))
    if not out:
        raise InputError(f"{raw}: no file matches (of {', '.join(suffixes)})")
    return out
