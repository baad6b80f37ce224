"""Lexicons: the data files that hold phrases, markers, units and expressions.

A lexicon is UTF-8 text, one entry a line, fields separated by tabs. Lines
starting with ``#`` are the header or comments; the header must say:

- ``# kind: NAME`` — which step reads it (e.g. ``boilerplate``, ``protected``);
- ``# format: COL1<TAB>COL2?…`` — the columns, ``?`` marking optional ones;
- ``# source: …`` — where the entries came from.

Entries are NFC, and the first column is unique. Built-in lexicons live in
``reportclean/data``; users add their own through ``Config(lexicons=...)``.

>>> lx = parse_lexicon("# kind: demo\\n# format: phrase\\treason?\\n# source: test\\n甲\\n乙\\t因为\\n", "demo.tsv")
>>> lx.kind, lx.columns, lx.rows
('demo', ('phrase', 'reason'), (('甲', ''), ('乙', '因为')))
>>> parse_lexicon("# kind: demo\\n# format: phrase\\n# source: t\\n甲\\n甲\\n", "x.tsv")
Traceback (most recent call last):
...
reportclean._lexicon.LexiconError: x.tsv, line 5: duplicate entry '甲' (first on line 4); remove one of them
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from importlib import resources
from os import PathLike

__all__ = ["Lexicon", "LexiconError", "load_lexicon", "package_lexicon", "parse_lexicon"]


class LexiconError(ValueError):
    """A malformed lexicon file; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A parsed lexicon: its kind, column names and rows (optional fields as ``""``)."""

    name: str
    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    source: str = ""

    def column(self, name: str) -> tuple[str, ...]:
        """All values of one column."""
        i = self.columns.index(name)
        return tuple(row[i] for row in self.rows)


def parse_lexicon(text: str, name: str) -> Lexicon:
    """Parse lexicon text; ``name`` is used in error messages."""
    header: dict[str, str] = {}
    columns: tuple[str, ...] = ()
    required = 0
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            key = key.strip()
            if sep and key in ("kind", "format", "source") and not rows:
                header[key] = value.strip()
                if key == "format":
                    cols = [c.strip() for c in value.strip().split("\t") if c.strip()]
                    if not cols:
                        raise LexiconError(f"{name}, line {lineno}: '# format:' names no columns")
                    columns = tuple(c.rstrip("?") for c in cols)
                    required = sum(1 for c in cols if not c.endswith("?"))
            continue
        if not columns:
            raise LexiconError(
                f"{name}, line {lineno}: entry before the header; start the file with "
                "'# kind: …', '# format: col1<TAB>col2?' and '# source: …' lines"
            )
        fields = line.split("\t")
        if not required <= len(fields) <= len(columns):
            raise LexiconError(
                f"{name}, line {lineno}: {len(fields)} tab-separated field(s), expected "
                f"{required} to {len(columns)} ({', '.join(columns)})"
            )
        if unicodedata.normalize("NFC", line) != line:
            raise LexiconError(f"{name}, line {lineno}: entry is not NFC; normalise the file to NFC")
        key = fields[0]
        if not key:
            raise LexiconError(f"{name}, line {lineno}: empty first field")
        if key in seen:
            raise LexiconError(
                f"{name}, line {lineno}: duplicate entry {key!r} (first on line {seen[key]}); remove one of them"
            )
        seen[key] = lineno
        rows.append(tuple(fields) + ("",) * (len(columns) - len(fields)))
    for key in ("kind", "format", "source"):
        if key not in header:
            raise LexiconError(f"{name}: missing '# {key}: …' header line")
    return Lexicon(name, header["kind"], columns, tuple(rows), header["source"])


def load_lexicon(path: str | PathLike[str]) -> Lexicon:
    """Read a user lexicon file (UTF-8); pass it to ``Config(lexicons=(...,))``."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    return parse_lexicon(text, str(path))


def package_lexicon(filename: str) -> Lexicon:
    """Read a built-in lexicon from ``reportclean/data``."""
    text = resources.files("reportclean").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    return parse_lexicon(text, f"reportclean/data/{filename}")
