"""``reportclean explain``: the documentation of a warning code or a rule id, like ``ruff rule``.

One source: ``data/warnings.md`` and ``data/rules.md`` ship in the package and are the very
files ``docs/warnings.md`` and ``docs/rules.md`` (symbolic links in the repository; wheels and
sdists carry their content). The docs tests check the same parsed catalogue, so what the
command prints, what the review page shows and what the docs say cannot drift apart.

>>> entry = catalogue().codes["placeholder"]
>>> entry.step, entry.kind
('placeholders', 'code')
>>> explain("watermark-line").splitlines()[0]
'watermark-line: rule (removal), step boilerplate'
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["Catalogue", "Entry", "catalogue", "explain", "names", "what_to_do"]

# A heading of an entry: ### `code` or ### `rule-id` (removal|change|removal, change).
_HEADING = re.compile(r"^### `([a-z0-9-]+)`(?: \((removal|change|removal, change)\))?\s*$")
_SECTION = re.compile(r"^## ([a-z0-9-]+)\b.*$")  # the step's name first: "## boilerplate: chrome …"
_STEP_LINE = re.compile(r"Step: `?([a-z0-9-]+)`?")
_TODO = re.compile(r"What to do:\s+(.+?)(?=\s*Example\b|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Entry:
    """One documented warning code or rule: its id, kind, step and Markdown body."""

    name: str
    kind: str  # code | removal | change | removal, change (a rule that makes both)
    step: str
    body: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Every documented warning code (``docs/warnings.md``) and rule id (``docs/rules.md``)."""

    codes: dict[str, Entry]
    rules: dict[str, Entry]


def _read(name: str) -> str:
    data = resources.files("reportclean").joinpath("data")
    text = data.joinpath(name).read_text(encoding="utf-8")
    if text.startswith("../") and "\n" not in text.strip():  # a checkout that keeps links as text files
        text = Path(str(data), text.strip()).read_text(encoding="utf-8")
    return text


def parse(text: str, kinds: tuple[str | None, ...]) -> dict[str, Entry]:
    """The entries of a docs page whose heading kind is one of ``kinds`` (None: no kind given).

    >>> page = "## width\\n\\n### `decimal-point` (change)\\nA dot.\\n\\n### `odd-code`\\nSeverity: info.\\n"
    >>> [(e.name, e.kind, e.step, e.body) for e in parse(page, ("removal", "change")).values()]
    [('decimal-point', 'change', 'width', 'A dot.')]
    >>> [(e.name, e.kind) for e in parse(page, (None,)).values()]
    [('odd-code', 'code')]
    """
    out: dict[str, Entry] = {}
    section = ""
    current: tuple[str, str | None] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None and (current[1] in kinds or set(str(current[1]).split(", ")) & set(kinds)):
            body = "\n".join(lines).strip()
            step = section
            found = _STEP_LINE.search(body)
            if found and current[1] is None:
                step = found.group(1)
            out.setdefault(current[0], Entry(current[0], current[1] or "code", step, body))

    for line in text.splitlines():
        heading = _HEADING.match(line)
        sec = _SECTION.match(line)
        if heading or sec:
            close()
            lines = []
            current = (heading.group(1), heading.group(2)) if heading else None
            if sec:
                section = sec.group(1)
            continue
        if current is not None:
            lines.append(line)
    close()
    return out


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with the package (read once)."""
    return Catalogue(
        codes=parse(_read("warnings.md"), (None,)),
        rules=parse(_read("rules.md"), ("removal", "change")),
    )


def names() -> list[str]:
    """Every code and rule id that :func:`explain` knows, sorted."""
    cat = catalogue()
    return sorted(set(cat.codes) | set(cat.rules))


def explain(name: str) -> str:
    """The documentation of a warning code or rule id as plain text (both when a name is both).

    Raises ``KeyError`` with close matches for an unknown name.

    >>> print(explain("percent-sign"))  # doctest: +ELLIPSIS
    percent-sign: rule (change), step width
    ...
    >>> explain("watermark-lines")
    Traceback (most recent call last):
    ...
    KeyError: "unknown warning code or rule id 'watermark-lines'; did you mean: watermark-line, ...
    """
    cat = catalogue()
    parts = []
    code = cat.codes.get(name)
    if code is not None:
        parts.append(f"{name}: warning code, step {code.step}\n\n{code.body}")
    rule = cat.rules.get(name)
    if rule is not None:
        parts.append(f"{name}: rule ({rule.kind}), step {rule.step}\n\n{rule.body}")
    if not parts:
        close = difflib.get_close_matches(name, names(), n=3, cutoff=0.6)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise KeyError(f"unknown warning code or rule id {name!r}{hint} (reportclean explain --list shows them all)")
    return "\n\n".join(parts)


def what_to_do(code: str) -> str:
    """The first sentence of the "What to do" advice in a warning code's entry ('' when it has none).

    >>> what_to_do("mixed-encoding")
    'Check the text at the seams; re-save the sources in one encoding.'
    >>> what_to_do("doubled-character")  # its entry gives none
    ''
    >>> what_to_do("no-such-code")
    ''
    """
    entry = catalogue().codes.get(code)
    found = _TODO.search(entry.body) if entry is not None else None
    if found is None:
        return ""
    text = " ".join(found.group(1).split())
    text = re.split(r"(?<=\.)\s+(?=[A-Z`(])", text, maxsplit=1)[0]  # the first sentence
    return text[:1].upper() + text[1:]
