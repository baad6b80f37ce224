"""What a step may propose: edits, flags and quantities on its own input.

A step is a pure function ``(text, context) -> Proposal``. It never applies
its edits itself: :class:`reportclean._document.Document` does, and keeps the
map back to the original text.

>>> p = Proposal()
>>> p.replace(0, 1, "A", rule="demo")
>>> p.remove(2, 3, rule="demo-cut", reason="demonstration")
>>> p.flag(0, 1, "demo-code", "Look at this.")
>>> [(e.start, e.end, e.replacement, e.reason) for e in p.edits]
[(0, 1, 'A', ''), (2, 3, '', 'demonstration')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

from ._model import FoundQuantity, QualityWarning, Quantity, Severity

if TYPE_CHECKING:
    from ._config import Config
    from ._lexicon import Schema

__all__ = ["Context", "Edit", "Flag", "Proposal", "Step", "StepFn", "match_edits", "noop"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` of the step's input with ``replacement``.

    An edit whose ``replacement`` is empty and whose ``reason`` is set is a
    removal (it becomes a :class:`~reportclean.Removal`); every other edit
    becomes a :class:`~reportclean.Change`.
    """

    start: int
    end: int
    replacement: str
    rule: str
    reason: str = ""


def match_edits(
    matches: list[re.Match[str]], rule: str, replacements: Iterable[str] = ("",), group: int = 0
) -> Iterator[Edit]:
    """``Edit(m.start(group), m.end(group), replacement, rule)`` for each match, with no Python call per edit.

    ``replacements`` runs along ``matches``; one string is for all of them (default: a removal).
    ``tuple.__new__(Edit, fields)`` is what the ``Edit`` constructor does; ``map`` and
    ``zip`` run it at C speed, several times faster for the thousands of edits of a report.

    >>> edits = match_edits(list(re.finditer("( )", "a b c")), "demo", group=1)
    >>> list(edits) == [Edit(1, 2, "", "demo"), Edit(3, 4, "", "demo")]
    True
    """
    starts = map(re.Match.start, matches, repeat(group))
    ends = map(re.Match.end, matches, repeat(group))
    if isinstance(replacements, tuple) and len(replacements) == 1:
        replacements = repeat(replacements[0])
    return map(tuple.__new__, repeat(Edit), zip(starts, ends, replacements, repeat(rule), repeat("")))


class Flag(NamedTuple):
    """A warning about ``text[start:end]`` of the step's input.

    ``severity`` None takes the default severity the step declared for ``code``.
    """

    start: int
    end: int
    code: str
    message: str
    severity: Severity | None = None


@dataclass(slots=True)
class Proposal:
    """Everything one step proposes. Edits must not overlap; order is free."""

    edits: list[Edit] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    quantities: list[Quantity | FoundQuantity] = field(default_factory=list)

    def replace(self, start: int, end: int, replacement: str, rule: str) -> None:
        self.edits.append(Edit(start, end, replacement, rule))

    def remove(self, start: int, end: int, rule: str, reason: str) -> None:
        self.edits.append(Edit(start, end, "", rule, reason))

    def flag(
        self,
        start: int,
        end: int,
        code: str,
        message: str,
        severity: Severity | None = None,
    ) -> None:
        self.flags.append(Flag(start, end, code, message, severity))


@dataclass(frozen=True, slots=True)
class Context:
    """What a step may know besides its input text.

    ``quantities`` are those found so far, with spans in the step's input.
    ``from_bytes`` is True when the text was decoded from bytes by
    :func:`reportclean.decode` (which flags the U+FFFD it makes itself).
    ``warnings`` are those raised so far (by decoding and the steps before),
    with spans in the step's input: the script step converts nothing inside
    a span flagged as mojibake or lost characters.
    ``page_breaks`` are the offsets in the step's input where an earlier step
    turned a form feed into a line break or removed a page-number line: the
    layout step takes them as evidence that a line was cut by a page break.
    """

    quantities: tuple[Quantity, ...] = ()
    from_bytes: bool = False
    warnings: tuple[QualityWarning, ...] = ()
    page_breaks: tuple[int, ...] = ()


StepFn = Callable[[str, Context], Proposal]


@dataclass(frozen=True, slots=True)
class Step:
    """What a pipeline step is: everything the package knows about it comes from here.

    - ``name``: the registry key, the ``Config`` switch, the ``step`` of its warnings,
      removals and changes, and its heading in docs/rules.md and docs/warnings.md;
    - ``make``: builds the step's function for a config once (compiling its rules),
      so that cleaning many documents pays for it once;
    - ``codes``: every warning code the step may raise, with its default severity;
    - ``rules``: every rule id its edits may carry;
    - ``requires``: the steps that must run before it for it to do its work
      (``Cleaner`` refuses a config that switches this step on and one of them off);
    - ``lexicons``: the lexicon kinds it reads (built-in and from ``Config.lexicons``),
      with their :class:`~reportclean._lexicon.Schema`;
    - ``reads``: the optional fields of :class:`Context` it reads (``warnings``,
      ``page_breaks``): the pipeline builds them only for the steps that declare them;
    - ``gate``: for a step that usually finds nothing, a test at C speed of whether the
      text holds any of its trigger characters: when it returns False the pipeline skips
      the step (no context, no call, nothing to apply). It must return True whenever the
      step could propose anything; ``tests/test_outputs.py`` cleans every input with the
      gates and without them and requires the same output.

    In strict mode a step that raises a code or makes an edit with a rule it did not
    declare is an error; the docs tests hold every declared code and rule id to an
    entry in docs/warnings.md and docs/rules.md, and every entry to a declaration.

    >>> s = Step("demo", lambda config: noop, codes={"demo-code": "info"}, rules=("demo-rule",))
    >>> s.codes["demo-code"], "demo-rule" in s.rules, s.requires
    ('info', True, ())
    """

    name: str
    make: Callable[[Config], StepFn]
    codes: Mapping[str, Severity] = field(default_factory=dict)
    rules: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    lexicons: Mapping[str, Schema] = field(default_factory=dict)
    reads: tuple[str, ...] = ()
    gate: Callable[[str], bool] | None = None


def noop(text: str, context: Context) -> Proposal:
    """A step that proposes nothing (the place of a step not built yet)."""
    return Proposal()
