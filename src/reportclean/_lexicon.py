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

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from os import PathLike
from typing import Any

try:  # the regex parser (private, stable since Python 3.0; renamed in 3.11)
    import re._constants as _sre_constants  # type: ignore[import-not-found]
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parse

__all__ = ["Lexicon", "LexiconError", "Schema", "kinds", "load_lexicon", "package_lexicon", "parse_lexicon"]

@dataclass(frozen=True, slots=True)
class Schema:
    """What a lexicon of one kind holds; each step declares the kinds it reads with theirs.

    ``forms``: the columns it needs, as one or more alternatives (a lexicon's columns must
    start with one of them, in this order). ``values``: for some columns, the values a field
    may hold (an empty optional field is always allowed: the step takes its default).

    >>> s = Schema((("term", "weight"),), {"weight": ("strong", "weak")})
    >>> s.problem(("term", "weight", "note"), ("登录", "weka", ""))
    "bad weight 'weka'; write strong or weak"
    >>> s.problem(("term", "weight"), ("登录", "weak")) is None
    True
    """

    forms: tuple[tuple[str, ...], ...]
    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def problem(self, columns: tuple[str, ...], row: tuple[str, ...]) -> str | None:
        """What is wrong with one row, or None."""
        for column, value in zip(columns, row, strict=True):
            allowed = self.values.get(column)
            if value and allowed is not None and value not in allowed:
                return f"bad {column} {value!r}; write {' or '.join(allowed)}"
        return None


def kinds() -> Mapping[str, Schema]:
    """The kinds of lexicon the steps read, with their schemas: those the steps declare
    (``reportclean._pipeline.KINDS``, imported here when first needed, as the steps
    import this module)."""
    from ._pipeline import KINDS

    return KINDS


#: Columns whose values are numbers (``factor`` may be a fraction: ``1/15``).
NUMBER_COLUMNS = ("factor", "rank")
#: Columns whose values are regular expressions, checked when loaded.
REGEX_COLUMNS = ("pattern",)


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

    def to_text(self) -> str:
        """The lexicon as a file :func:`load_lexicon` reads back (every column written).

        >>> lx = parse_lexicon("# kind: protected\\n# format: expression\\n# source: me\\n十三五\\n", "p.tsv")
        >>> parse_lexicon(lx.to_text(), "p.tsv") == lx
        True
        """
        for row in self.rows:
            if any("\t" in v or "\n" in v or "\r" in v for v in row) or row[0].startswith("#"):
                raise ValueError(f"entry {row[0]!r} holds a tab or line break, or starts with '#'; it cannot be saved")
        head = f"# kind: {self.kind}\n# format: {chr(9).join(self.columns)}\n# source: {self.source}\n"
        return head + "".join("\t".join(row) + "\n" for row in self.rows)

    def save(self, path: str | PathLike[str]) -> None:
        """Write :meth:`to_text` to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(self.to_text())


def parse_lexicon(text: str, name: str, check_kind: bool = False) -> Lexicon:
    """Parse lexicon text; ``name`` is used in error messages. With ``check_kind``, the
    kind must be one the steps read (:func:`kinds`), with the columns and values its
    schema allows (as for user lexicons)."""
    header: dict[str, str] = {}
    columns: tuple[str, ...] = ()
    required = 0
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    row_lines: list[int] = []
    lines_of: dict[str, int] = {}
    text = text.removeprefix("\ufeff")  # a BOM, as some editors save UTF-8
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            key = key.strip()
            if sep and key in ("kind", "format", "source") and not rows:
                header[key] = value.strip()
                lines_of[key] = lineno
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
        row = tuple(fields) + ("",) * (len(columns) - len(fields))
        for column, value in zip(columns, row, strict=True):
            if value and column in NUMBER_COLUMNS:
                _check_number(value, column, f"{name}, line {lineno}")
            elif value and column in REGEX_COLUMNS:
                _check_regex(value, f"{name}, line {lineno}")
        rows.append(row)
        row_lines.append(lineno)
    for key in ("kind", "format", "source"):
        if key not in header:
            raise LexiconError(f"{name}: missing '# {key}: …' header line")
    if check_kind:
        _check_kind(header["kind"], columns, name, lines_of)
        schema = kinds()[header["kind"]]
        for row, lineno in zip(rows, row_lines, strict=True):
            problem = schema.problem(columns, row)
            if problem is not None:
                raise LexiconError(f"{name}, line {lineno}: {problem} (a {header['kind']!r} lexicon)")
    return Lexicon(name, header["kind"], columns, tuple(rows), header["source"])


def _check_kind(kind: str, columns: tuple[str, ...], name: str, lines_of: dict[str, int]) -> None:
    """The kind is one the steps read, and the columns are those it needs."""
    known = kinds()
    if kind not in known:
        near = difflib.get_close_matches(kind, known, n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"the kinds are {', '.join(sorted(known))}"
        raise LexiconError(f"{name}, line {lines_of['kind']}: unknown kind {kind!r}, which no step reads; {hint}")
    wanted = known[kind].forms
    if not any(columns[: len(w)] == w for w in wanted):
        forms = " or ".join(", ".join(w) for w in wanted)
        raise LexiconError(
            f"{name}, line {lines_of['format']}: a {kind!r} lexicon needs the columns {forms} (first, in this "
            f"order), got {', '.join(columns)}"
        )


def _check_number(value: str, column: str, where: str) -> None:
    """A positive number, or a fraction of two (``1/15``)."""
    try:
        parts = [Decimal(p) for p in value.split("/")]
    except InvalidOperation:
        parts = []
    if not 1 <= len(parts) <= 2 or not all(p.is_finite() and p > 0 for p in parts):
        raise LexiconError(
            f"{where}: bad {column} {value!r}, not a number; write a positive integer, a decimal or a fraction a/b"
        )


def _check_regex(value: str, where: str) -> None:
    """A regular expression that compiles and cannot backtrack exponentially: a repeat
    without an upper bound (``*``, ``+``, ``{2,}``) may only repeat one character
    (``[^。]*``, ``\\d+``); ``(a+)+``, ``(?:x*y?)*`` and ``(a|aa){2,}`` are refused.
    Bounded repeats of groups (``(?:第\\d{1,3}页){1,3}``) are fine. The lexicon format
    promises "bounded repeats only"; this enforces the part that makes matching
    super-linear."""
    try:
        re.compile(value)
        tree = _sre_parse.parse(value)
    except re.error as exc:
        raise LexiconError(f"{where}: bad regular expression {value!r} ({exc}); fix it or escape it") from None
    if _unbounded_group(tree):
        raise LexiconError(
            f"{where}: regular expression {value!r} repeats a repetition without bound (a group under *, + or "
            "{n,}), which can take exponential time; bound the outer repeat ({1,20}) or repeat one character"
        )


_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, getattr(_sre_constants, "POSSESSIVE_REPEAT", None)}
#: What matches exactly one character.
_ONE_CHAR = {_sre_constants.LITERAL, _sre_constants.NOT_LITERAL, _sre_constants.IN, _sre_constants.ANY}


def _unbounded_group(tree: Any) -> bool:
    """Whether a parsed pattern has an unbounded repeat of anything but one character."""
    for op, arg in tree:
        if op in _REPEATS:
            _low, high, sub = arg
            if high == _sre_constants.MAXREPEAT and not (len(sub) == 1 and sub[0][0] in _ONE_CHAR):
                return True
            if _unbounded_group(sub):
                return True
        elif op is _sre_constants.SUBPATTERN:
            if _unbounded_group(arg[-1]):
                return True
        elif op is _sre_constants.BRANCH:
            if any(_unbounded_group(branch) for branch in arg[1]):
                return True
        elif op in (_sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            if _unbounded_group(arg[1]):
                return True
    return False


def load_lexicon(path: str | PathLike[str]) -> Lexicon:
    """Read a user lexicon file (UTF-8); pass it to ``Config(lexicons=(...,))``."""
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LexiconError(
            f"{path}, line {line}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from None
    return parse_lexicon(text, str(path), check_kind=True)


def package_lexicon(filename: str) -> Lexicon:
    """Read a built-in lexicon from ``reportclean/data``."""
    text = resources.files("reportclean").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    return parse_lexicon(text, f"reportclean/data/{filename}")
