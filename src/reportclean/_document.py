"""The one module that applies edits and keeps the map to the original text.

Like HF tokenizers' ``NormalizedString``, a :class:`Document` keeps the
original, the current text and their alignment together, and updates the
alignment as each edit is applied; nothing is re-aligned after the fact.

The alignment is a sorted list of *changed segments*: current ``[cs, ce)``
came from original ``[os, oe)``. Between two segments the text is unchanged,
so any offset maps by a constant shift found with :func:`bisect.bisect_right`.
Touching segments are merged, so segments are always separated by at least
one unchanged character. Cost per step is linear in the number of segments
and edits, not in the length of the text.

>>> d = Document("共 12 个，合计 3 万元")
>>> d.apply("demo", [Edit(1, 2, "", "space"), Edit(4, 5, "", "space")])
>>> d.text
'共12个，合计 3 万元'
>>> d.original_span(1, 4)  # "12个" in the current text
(2, 6)
>>> d.original[2:6]
'12 个'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

from ._edits import Edit, Flag
from ._model import Change, QualityWarning, Quantity, Removal, Severity, Span

__all__ = ["Document", "EditError"]


class EditError(ValueError):
    """A step proposed edits that cannot be applied (a bug in that step)."""


class Document:
    """Original text, current text and the alignment between them."""

    __slots__ = (
        "_ce",
        "_cs",
        "_flags",
        "_oe",
        "_os",
        "_quantities",
        "changes",
        "original",
        "removed",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text
        self._cs: list[int] = []
        self._ce: list[int] = []
        self._os: list[int] = []
        self._oe: list[int] = []
        # Warnings and quantities whose spans are kept in current coordinates.
        self._flags: list[tuple[int, int, str, Severity, str, Span, str]] = []
        self._quantities: list[Quantity] = []
        self.removed: list[Removal] = []
        self.changes: list[tuple[int, int, Span, str, str, str]] = []

    # -- mapping current offsets to the original ---------------------------------

    def _orig_start(self, p: int) -> int:
        """Original offset of a span starting at current offset ``p``."""
        i = bisect_right(self._cs, p) - 1
        if i < 0:
            return p
        if p < self._ce[i]:
            return self._os[i]
        return self._oe[i] + (p - self._ce[i])

    def _orig_end(self, p: int) -> int:
        """Original offset of a span ending at current offset ``p``."""
        i = bisect_left(self._cs, p) - 1
        if i < 0:
            return p
        if p <= self._ce[i]:
            return self._oe[i]
        return self._oe[i] + (p - self._ce[i])

    def original_span(self, start: int, end: int) -> Span:
        """Map a span of the current text to the original text.

        A span that touches a changed segment grows to cover all of it.
        """
        if start >= end:
            q = self._orig_start(start)
            return (q, q)
        return (self._orig_start(start), self._orig_end(end))

    # -- applying edits ----------------------------------------------------------

    def apply(
        self,
        step: str,
        edits: Iterable[Edit],
        flags: Iterable[tuple[Flag, Severity]] = (),
        quantities: Iterable[Quantity] = (),
    ) -> None:
        """Apply one step's edits, record its flags and quantities.

        Edits and flag spans are offsets into the current text (the step's
        input). Raises :class:`EditError` for overlapping or out-of-range edits.
        """
        text = self.text
        todo = sorted(
            (e for e in edits if text[e.start : e.end] != e.replacement),
            key=lambda e: (e.start, e.end),
        )
        n = len(text)
        last = 0
        for e in todo:
            if e.start < last or e.end < e.start or e.end > n:
                raise EditError(f"step {step!r} proposed a bad edit {e!r} (text length {n})")
            last = e.end
        # Flags and quantities of this step, in current coordinates, with original spans.
        for flag, severity in flags:
            s, t = _clip(flag.start, flag.end, n)
            self._flags.append((s, t, flag.code, severity, flag.message, self.original_span(s, t), step))
        for q in quantities:
            s, t = _clip(q.span[0], q.span[1], n)
            self._quantities.append(_requant(q, (s, t), self.original_span(s, t)))
        if not todo:
            return
        pending = self._record(step, todo)
        span, new_start = _forward(todo)
        self._realign(todo, span, new_start)
        pieces: list[str] = []
        pos = 0
        for e in todo:
            pieces.append(text[pos : e.start])
            pieces.append(e.replacement)
            pos = e.end
        pieces.append(text[pos:])
        self.text = "".join(pieces)
        if self._flags:
            self._flags = [(*span(s, t), c, sev, msg, o, st) for (s, t, c, sev, msg, o, st) in self._flags]
        if self._quantities:
            self._quantities = [_requant(q, span(*q.span), q.original_span) for q in self._quantities]
        if self.changes:
            self.changes = [(*span(s, t), o, r, rule, st) for (s, t, o, r, rule, st) in self.changes]
        for k, ospan, e in pending:
            a = new_start[k]
            self.changes.append((a, a + len(e.replacement), ospan, e.replacement, e.rule, step))

    def _record(self, step: str, todo: Sequence[Edit]) -> list[tuple[int, Span, Edit]]:
        """Record removals now; return the changes, to be placed once applied."""
        original = self.original
        pending: list[tuple[int, Span, Edit]] = []
        for k, e in enumerate(todo):
            ospan = self.original_span(e.start, e.end)
            if e.reason and not e.replacement:
                self.removed.append(Removal(original[ospan[0] : ospan[1]], ospan, e.rule, e.reason, step))
            else:
                pending.append((k, ospan, e))
        return pending

    def _realign(self, todo: Sequence[Edit], span: Callable[[int, int], Span], new_start: list[int]) -> None:
        """New changed segments: the old ones moved through the edits, plus the edits."""
        segs: list[tuple[int, int, int, int]] = []
        for a, b, c, d in zip(self._cs, self._ce, self._os, self._oe, strict=True):
            na, nb = span(a, b)
            segs.append((na, nb, c, d))
        for k, e in enumerate(todo):
            lo, hi = self._orig_start(e.start), self._orig_end(e.end)
            if lo > hi:  # an insertion where text was deleted before
                lo, hi = hi, lo
            segs.append((new_start[k], new_start[k] + len(e.replacement), lo, hi))
        segs.sort()
        ncs: list[int] = []
        nce: list[int] = []
        nos: list[int] = []
        noe: list[int] = []
        for a, b, c, d in segs:
            if ncs and nce[-1] >= a:  # touching or overlapping: merge
                if b > nce[-1]:
                    nce[-1] = b
                if c < nos[-1]:
                    nos[-1] = c
                if d > noe[-1]:
                    noe[-1] = d
            else:
                ncs.append(a)
                nce.append(b)
                nos.append(c)
                noe.append(d)
        self._cs, self._ce, self._os, self._oe = ncs, nce, nos, noe

    # -- results -------------------------------------------------------------------

    def warnings(self) -> list[QualityWarning]:
        out = [QualityWarning(c, sev, msg, (s, t), o, st) for (s, t, c, sev, msg, o, st) in self._flags]
        out.sort(key=lambda w: (w.span, w.original_span, w.code))
        return out

    def quantities(self) -> list[Quantity]:
        text = self.text
        out = [
            Quantity(
                text[q.span[0] : q.span[1]],
                q.span,
                q.value,
                q.unit,
                q.written_unit,
                q.approximate,
                q.high,
                q.original_span,
            )
            for q in self._quantities
        ]
        out.sort(key=lambda q: q.span)
        return out

    def change_list(self) -> list[Change]:
        original = self.original
        return [
            Change(original[o[0] : o[1]], r, o, (s, t), rule, st)
            for (s, t, o, r, rule, st) in self.changes
        ]


def _forward(todo: Sequence[Edit]) -> tuple[Callable[[int, int], Span], list[int]]:
    """How spans of the old text move through sorted, non-overlapping edits.

    Returns a function mapping an old span to the new text, and where each
    edit's replacement starts in the new text. A span end inside an edit moves
    to the end of its replacement, a span start inside one to its start.
    """
    starts = [e.start for e in todo]
    ends = [e.end for e in todo]
    lengths = [len(e.replacement) for e in todo]
    new_start: list[int] = []
    delta = 0
    for e in todo:
        new_start.append(e.start + delta)
        delta += len(e.replacement) - (e.end - e.start)

    def fwd(p: int, is_end: bool) -> int:
        k = bisect_right(ends, p) - 1  # last edit ending at or before p
        # edits starting before p (a start may sit on p, an end may not)
        j = bisect_left(starts, p) if is_end else bisect_right(starts, p)
        if j - 1 > k:  # p lies inside edit j-1
            return new_start[j - 1] + (lengths[j - 1] if is_end else 0)
        if k < 0:
            return p
        return new_start[k] + lengths[k] + (p - ends[k])

    def span(s: int, t: int) -> Span:
        a = fwd(s, False)
        return (a, max(a, fwd(t, True)))

    return span, new_start


def _clip(s: int, t: int, n: int) -> Span:
    s = min(max(s, 0), n)
    t = min(max(t, s), n)
    return (s, t)


def _requant(q: Quantity, span: Span, original_span: Span) -> Quantity:
    return Quantity(q.text, span, q.value, q.unit, q.written_unit, q.approximate, q.high, original_span)
