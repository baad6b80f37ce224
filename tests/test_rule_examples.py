"""Every example of docs/rules.md is what ``reportclean.clean`` gives (issue 15: docs drift).

An example is ``\\`INPUT\\` → \\`OUTPUT\\```; either side may be several lines written as code
spans joined by `` / `` (``\\`a\\` / \\`b\\``` is ``a\\nb``), and control characters are written
as Python escapes (``\\u200b``, ``\\n``, ``\\x0c``). The input is cleaned whole, so it must be a
complete text: the output must equal the doc's, and the example must fire the rule of its
``### \\`rule-id\\``` entry (an example in a step's introduction, before any entry, must fire a
rule of that step). A fragment that only shows the rule inside a longer text is marked by
``(fragment)`` right after its output and is not run.

The options of an example are read from its paragraph (a list item and a table row are
paragraphs of their own): a code span ``\\`Config(...)\\``` is the configuration, and "a user
lexicon of kind \\`KIND\\` holding \\`ENTRY\\``" adds a one-entry lexicon of that kind.

``python scripts/check_rule_examples.py`` prints the same checks as a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import reportclean
from reportclean._explain import catalogue
from reportclean._lexicon import kinds, parse_lexicon

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

_LINES = r"`[^`]+`(?:\s*/\s*`[^`]+`)*"
_PAIR = re.compile(rf"(?P<before>{_LINES})\s*→\s*(?P<after>{_LINES})(?P<fragment>\s*\(fragment\b)?")
_SPAN = re.compile(r"`([^`]*)`")
_CONFIG = re.compile(r"`(Config\([^`]*\))`")
_LEXICON = re.compile(r"a user lexicon of kind `([a-z-]+)` holding `([^`]+)`")
_ENTRY = re.compile(r"^### `([a-z0-9-]+)`")
_STEP = re.compile(r"^## ([a-z0-9-]+)")


@dataclass(frozen=True)
class Example:
    """One ``INPUT → OUTPUT`` of docs/rules.md, with where it stands and what it needs."""

    line: int
    step: str
    rule: str | None  # None: in a step's introduction
    before: str
    after: str
    config: reportclean.Config
    fragment: bool

    def __str__(self) -> str:
        return f"rules.md:{self.line} {self.rule or self.step}: {self.before!r}"


def unescape(s: str) -> str:
    """The doc writes control characters as Python escapes (``\\u200b``, ``\\n``).

    >>> unescape("十三\\\\u200b五"), unescape("页末\\\\x0c第二页"), unescape("正文。")
    ('十三\\u200b五', '页末\\x0c第二页', '正文。')
    """
    return s.encode("raw_unicode_escape").decode("unicode_escape") if "\\" in s else s


def _text(spans: str) -> str:
    return "\n".join(unescape(s) for s in _SPAN.findall(spans))


def _config(paragraph: str) -> reportclean.Config:
    config = reportclean.Config(strict=True)
    found = _CONFIG.search(paragraph)
    if found:
        given = eval(found.group(1), {"Config": reportclean.Config})  # the doc's own text
        config = replace(given, strict=True)
    lexicons = []
    for kind, entry in _LEXICON.findall(paragraph):
        column = kinds()[kind].forms[0][0]
        header = f"# kind: {kind}\n# format: {column}\n# source: docs/rules.md\n"
        lexicons.append(parse_lexicon(f"{header}{entry}\n", "rules.md"))
    return replace(config, lexicons=config.lexicons + tuple(lexicons)) if lexicons else config


def paragraphs(text: str) -> list[tuple[int, str, str | None, str]]:
    """(first line, step, rule, text) of each paragraph; list items and table rows stand alone."""
    out: list[tuple[int, str, str | None, str]] = []
    step, rule = "", None
    start, lines = 0, []

    def close() -> None:
        if lines:
            out.append((start, step, rule, "\n".join(lines)))
        lines.clear()

    for number, line in enumerate(text.splitlines(), 1):
        entry, section = _ENTRY.match(line), _STEP.match(line)
        if entry or section or not line.strip() or line.startswith(("- ", "|")):
            close()
        if entry:
            rule = entry.group(1)
        elif section:
            step, rule = section.group(1), None
        elif line.strip():
            if not lines:
                start = number
            lines.append(line)
    close()
    return out


def examples(text: str) -> list[Example]:
    """Every example of a rules page, in order."""
    out = []
    for first, step, rule, paragraph in paragraphs(text):
        for m in _PAIR.finditer(paragraph):
            line = first + paragraph.count("\n", 0, m.start())
            config = _config(paragraph)
            before, after = _text(m.group("before")), _text(m.group("after"))
            out.append(Example(line, step, rule, before, after, config, bool(m.group("fragment"))))
    return out


def problem(example: Example) -> str | None:
    """What is wrong with an example ('' or None when the code gives what the doc shows)."""
    if example.fragment:
        return None
    result = reportclean.clean(example.before, example.config)
    fired = {x.rule for x in result.removed} | {x.rule for x in result.changes}
    if example.rule is not None:
        wanted = {example.rule}
    else:
        wanted = {name for name, e in catalogue().rules.items() if e.step == example.step}
    if result.text != example.after:
        return f"gives {result.text!r}, the doc shows {example.after!r}"
    if not fired & wanted:
        return f"gives the doc's text but fires {sorted(fired)}, none of {sorted(wanted)}"
    return None


EXAMPLES = examples(RULES_MD.read_text(encoding="utf-8"))


#: Rules whose examples need a whole document (or a learned lexicon) and are told in words.
IN_WORDS = {
    "boilerplate-block": "a short line between two boilerplate lines at the document's edge",
    "chrome-block": "decided by neighbouring chrome lines",
    "learned-line": "needs a lexicon learned from many pages of one site",
    "line-join": "needs a hard-wrapped document of several lines",
    "running-header": "needs two page numbers and three repeats",
}


def test_every_rule_has_an_example_that_runs() -> None:
    """Each rule entry has a checked example, or is one of IN_WORDS (a format change must not
    make the examples test pass empty)."""
    ruled = {e.rule for e in EXAMPLES if e.rule and not e.fragment}
    rules = set(catalogue().rules)
    assert ruled <= rules, sorted(ruled - rules)
    assert rules - ruled == set(IN_WORDS), sorted((rules - ruled) ^ set(IN_WORDS))


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_an_example_gives_what_the_doc_shows(example: Example) -> None:
    assert problem(example) is None, f"{example}: {problem(example)}"


def test_the_check_finds_a_drifted_example() -> None:
    drifted = examples("## width\n\n### `percent-sign` (change)\nExample: `72.59﹪` → `72.59 %`.\n")
    assert len(drifted) == 1 and problem(drifted[0]) == "gives '72.59%', the doc shows '72.59 %'"
    not_fired = examples("## width\n\n### `percent-sign` (change)\nExample: `正文。` → `正文。`.\n")
    assert "fires [], none of ['percent-sign']" in str(problem(not_fired[0]))


def test_options_and_lines_are_read_from_the_paragraph() -> None:
    page = (
        "## script\n\n### `to-simplified` (change)\nWith `Config(simplified=True)`: `頭髮` → `头发`.\n\n"
        "- with a user lexicon of kind `boilerplate` holding `本站整理`: `a` / `b` → `c` (fragment)\n"
    )
    simplified, lexicon = examples(page)
    assert simplified.config.simplified and simplified.config.strict and not simplified.fragment
    assert lexicon.config.lexicons[0].rows == (("本站整理",),) and lexicon.fragment
    assert (lexicon.before, lexicon.after, lexicon.line) == ("a\nb", "c", 6)
