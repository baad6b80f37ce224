"""The change log: every rewrite of every step, kept compactly until it is read.

:class:`~reportclean._document.Document` appends to it as it applies edits;
:attr:`CleanResult.changes <reportclean.CleanResult.changes>` builds the public
:class:`~reportclean.Change` records from it, with the final alignment, on
first use.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence

from ._alignment import Alignment, Span
from ._config import STEP_NAMES
from ._model import Change, Removal

__all__ = ["ChangeLog"]


class ChangeLog:
    """Every rewrite as (original span, replacement, rule, step), kept compactly.

    Clean spans are not kept: they are found from the final alignment when the
    public :class:`Change` records are built.
    """

    __slots__ = ("_kind", "_kinds", "_oe", "_os", "_replacement")

    def __init__(self, typecode: str = "q") -> None:
        # original offsets: the typecode fits the original text (see _alignment.offset_type)
        self._os: array[int] = array(typecode)
        self._oe: array[int] = array(typecode)
        self._replacement: list[str] = []
        # (rule, step) of each rewrite, as an index into ``_kinds``: a report has
        # tens of thousands of rewrites but a few dozen rules.
        self._kind: array[int] = array("I")
        self._kinds: dict[tuple[str, str], int] = {}

    def __len__(self) -> int:
        return len(self._os)

    def extend(self, os_: list[int], oe: list[int], replacements: list[str], rules: list[str], step: str) -> None:
        """Append many rewrites of one step at once (lists of equal length)."""
        self._os.extend(os_)
        self._oe.extend(oe)
        self._replacement.extend(replacements)
        kinds = self._kinds
        index = {rule: kinds.setdefault((rule, step), len(kinds)) for rule in set(rules)}
        self._kind.extend(map(index.__getitem__, rules))

    def build(
        self, original: str, alignment: Alignment, text: str | None = None, removed: Sequence[Removal] = ()
    ) -> list[Change]:
        """The public :class:`Change` records, in the order of the original text.

        Each clean span is the alignment's image of the original span. Where
        edits of several steps touched, their segments merged, and that image
        covers the whole merged segment: given the clean ``text`` and the
        ``removed`` records, :func:`_exact_spans` narrows each surviving change
        to exactly its replacement.
        """
        to_clean = alignment.to_clean
        kinds = list(self._kinds)
        out = [
            Change(original[a:b], r, (a, b), to_clean(a, b), *kinds[k])
            for a, b, r, k in zip(self._os, self._oe, self._replacement, self._kind, strict=True)
        ]
        if text is not None and any(c.span[1] - c.span[0] != len(c.replacement) for c in out):
            out = _exact_spans(out, alignment, text, removed)
        out.sort(key=lambda c: c.original_span)
        return out


def _exact_spans(changes: list[Change], alignment: Alignment, text: str, removed: Sequence[Removal]) -> list[Change]:
    """Narrow the clean span of each change inside a merged segment to its own replacement.

    The changes and removals inside one merged segment, read in original order,
    tile the segment's original span: the records a later step did not rewrite
    (not covered by a later record's original span) follow each other, and
    their replacements, joined, are the segment's clean text. Then each one's
    clean span is known exactly; a change that a later record rewrote (it did
    not survive) gets the clean span of the record that covers it. A segment
    whose records do not tile it keeps the segment-wide spans (never a wrong
    span, only a wide one).

    ``changes`` are in the order they were made (the change log's order).
    """
    # (original start, original end, replacement, made when, index into changes or -1)
    rank = {step: i for i, step in enumerate(("decode", *STEP_NAMES))}
    records = [(c.original_span[0], c.original_span[1], c.replacement, (rank.get(c.step, 0), k), k)
               for k, c in enumerate(changes)]  # fmt: skip
    records += [(r.original_span[0], r.original_span[1], "", (rank.get(r.step, 0), -1), -1) for r in removed]
    records.sort(key=lambda x: (x[0], -x[1], tuple(-y for y in x[3])))  # widest, then latest, first
    starts = [x[0] for x in records]
    wide = {c.span for c in changes if c.span[1] - c.span[0] != len(c.replacement)}
    spans: dict[int, Span] = {}
    for cs, ce in wide:
        os_, oe = alignment.to_original(cs, ce)
        i = bisect_left(starts, os_)
        pos, at, tops = os_, cs, []
        while pos < oe and i < len(records) and records[i][0] == pos:
            top = records[i]  # the widest and latest record starting here covers the others
            i += 1
            while i < len(records) and records[i][0] < top[1]:
                if records[i][1] > top[1]:  # overlaps the cover without being inside it: no tiling
                    break
                if records[i][4] >= 0:
                    spans[records[i][4]] = (at, at + len(top[2]))
                i += 1
            tops.append((top, at))
            pos, at = top[1], at + len(top[2])
        if pos != oe or at != ce or "".join(t[2] for t, _ in tops) != text[cs:ce]:
            continue  # not a tiling: keep the wide spans
        for (_, _, r, _, k), a in tops:
            if k >= 0:
                spans[k] = (a, a + len(r))
    return [c if k not in spans else Change(c.original, c.replacement, c.original_span, spans[k], c.rule, c.step)
            for k, c in enumerate(changes)]  # fmt: skip
