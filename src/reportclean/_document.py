"""The one module that applies edits and keeps the map to the original text.

Like HF tokenizers' ``NormalizedString``, a :class:`Document` keeps the
original, the current text and their alignment together, and updates the
alignment as each edit is applied; nothing is re-aligned after the fact.

The alignment (:class:`~reportclean._alignment.Alignment`) is a sorted list
of *changed segments*: current ``[cs, ce)`` came from original ``[os, oe)``,
with unchanged text between them. Applying edits moves the old segments
through them and merges touching ones, so segments are always separated by at
least one unchanged character. An edit that keeps the length (``１`` → ``1``, ``,``
→ ``，``) maps character to character and needs no segment. Cost per step is
linear in the number of edits and of the segments they move, never in the
length of the text.

>>> d = Document("共 12 个，合计 3 万元")
>>> d.apply("demo", [Edit(1, 2, "", "space"), Edit(4, 5, "", "space")])
>>> d.text
'共12个，合计 3 万元'
>>> d.alignment.to_original(1, 4)  # "12个" in the current text
(2, 6)
>>> d.original[2:6]
'12 个'
>>> d.alignment.to_clean(2, 6)
(1, 4)
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import islice, pairwise
from operator import attrgetter

from ._alignment import Alignment, Span, offset_type
from ._changelog import ChangeLog
from ._edits import Edit, Flag
from ._model import (
    FoundQuantity,
    QualityWarning,
    Quantity,
    QuantityColumns,
    Removal,
    Severity,
    WarningColumns,
    placed_quantities,
)

__all__ = ["Document", "EditError"]

# Offsets are kept in arrays of machine integers: a Python int in a list costs
# 36 bytes, an array item 8, and a converted report has one segment per edit.
# _realign shifts runs of segments as blocks when segments outnumber edits this many times.
_BLOCKS = 2
_SPAN = attrgetter("span")
# the largest offset a 4-byte array holds (see _alignment.offset_type)
_OFFSET_MAX = 2**31 - 1
# apply joins the new text every this many edits (bounds the memory their pieces take).
_PIECES = 2048


class EditError(ValueError):
    """A step proposed edits that cannot be applied (a bug in that step)."""


class Document:
    """Original text, current text and the alignment between them."""

    __slots__ = (
        "_flags", "_messages", "_quantities", "_quantities_moved", "_quantities_view", "_typecode", "alignment",
        "changes", "original", "removed", "text",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = text
        # offsets in 4-byte arrays while they fit (_widen when the text grows past them)
        self._typecode = tc = offset_type(len(text))
        self.alignment = Alignment(typecode=tc)
        # Warnings (as columns: objects are made once, at the end) and quantities,
        # their spans kept in current coordinates.
        self._flags = WarningColumns(tc)
        # One string object per distinct message: a template copy repeats the same
        # placeholder warning hundreds of times (measured: 7,361 warnings, 173 messages).
        self._messages: dict[str, str] = {}
        self._quantities: list[Quantity] = []
        self._quantities_view: tuple[Quantity, ...] | None = ()  # None: to be rebuilt
        self._quantities_moved = False  # moved by edits since the view was built
        self.removed: list[Removal] = []
        self.changes = ChangeLog(tc)  # original offsets: they always fit

    def original_span(self, start: int, end: int) -> Span:
        """Map a span of the current text to the original text."""
        return self.alignment.to_original(start, end)

    # -- applying edits ----------------------------------------------------------

    def apply(
        self,
        step: str,
        edits: Iterable[Edit],
        flags: Iterable[tuple[Flag, Severity]] = (),
        quantities: Iterable[Quantity | FoundQuantity] = (),
    ) -> None:
        """Apply one step's edits, record its flags and quantities.

        Edits and flag spans are offsets into the current text (the step's
        input). Raises :class:`EditError` for overlapping or out-of-range edits.
        """
        text = self.text
        n = len(text)
        todo = [e for e in edits if text[e[0] : e[1]] != e[2]]
        todo.sort()
        # One walk checks the edits, builds the new text and finds where each
        # replacement starts in it (most steps propose thousands of edits per MB).
        # The new text is joined in parts, so that its pieces never add up to
        # thousands of small strings at once.
        parts: list[str] = []
        new_start = array(self._typecode)
        pos = delta = 0
        touching = False
        try:
            for c in range(0, len(todo), _PIECES):
                pieces: list[str] = []
                for e in todo[c : c + _PIECES]:
                    s, t, r = e[0], e[1], e[2]
                    if s < pos or t < s or t > n:
                        raise EditError(f"step {step!r} proposed a bad edit {e!r} (text length {n})")
                    if s == pos and pos:
                        touching = True
                    pieces.append(text[pos:s])
                    pieces.append(r)
                    new_start.append(s + delta)
                    delta += len(r) - (t - s)
                    pos = t
                parts.append("".join(pieces))
                del pieces
        except OverflowError:  # pragma: no cover (an offset past 4 bytes midway: widen, start again)
            del parts
            self._widen()
            return self.apply(step, todo, flags, quantities)
        if n + delta > _OFFSET_MAX and self._typecode == "i":  # the new text outgrows 4-byte offsets
            self._widen()
            new_start = array("q", new_start)
        fs = flags if isinstance(flags, list) else list(flags)
        if fs:
            self._add_flags(step, fs, n)
        qs = quantities if isinstance(quantities, list) else list(quantities)
        if qs:
            self._add_quantities(qs, text, n)
        if not todo:
            return
        parts.append(text[pos:])
        # The new text first, then the old one and the pieces go (the caller keeps no
        # other reference): two full copies of the text and the pieces never coexist
        # with the bookkeeping below (peak memory, see benchmarks/bench_memory.py).
        self.text = "".join(parts)
        del parts, text
        if touching:
            todo = _coalesce(todo)
            new_start = _new_starts(todo, self._typecode)
        ospans = self.alignment.to_original_many(todo, ordered=True)
        self._record(step, todo, ospans)
        self._realign(todo, ospans, new_start)
        del ospans
        if self._flags or self._quantities:
            span = _forward(todo, new_start)
            if self._flags:
                self._flags.move([span(a, b) for a, b in zip(self._flags.start, self._flags.end, strict=True)])
            if self._quantities:
                self._quantities = [_requant(q, span(*q.span)) for q in self._quantities]
                self._quantities_view = None
                self._quantities_moved = True

    def _widen(self) -> None:
        """Offsets in 8-byte arrays from now on (the current text outgrew 4-byte ones)."""
        if self._typecode == "q":  # pragma: no cover (an offset past 2**63)
            raise OverflowError("text offsets past 2**63")
        self._typecode = "q"
        self.alignment = self.alignment.widened()
        self._flags.start, self._flags.end = array("q", self._flags.start), array("q", self._flags.end)

    def _add_flags(self, step: str, flags: list[tuple[Flag, Severity]], n: int) -> None:
        """Record a step's flags as warnings (columns; their original spans are taken at the end)."""
        starts = [f[0] for f, _ in flags]
        ends = [f[1] for f, _ in flags]
        if not all(0 <= s <= e <= n for s, e in zip(starts, ends, strict=True)):
            spans = [_clip(s, e, n) for s, e in zip(starts, ends, strict=True)]
            starts, ends = [s for s, _ in spans], [e for _, e in spans]
        shared = self._messages.setdefault
        self._flags.extend(
            step, [f[2] for f, _ in flags], [sev for _, sev in flags], [shared(f[3], f[3]) for f, _ in flags],
            starts, ends,
        )  # fmt: skip

    def _add_quantities(self, qs: list[Quantity | FoundQuantity], text: str, n: int) -> None:
        """Record a step's quantities with their original spans."""
        spans = [q.span for q in qs]
        if not all(0 <= a <= b <= n for a, b in spans):
            spans = [_clip(a, b, n) for a, b in spans]
        qspans = self.alignment.to_original_many(spans, _ordered(spans))
        self._quantities += placed_quantities(qs, text, spans, qspans)
        self._quantities_view = None

    def _record(self, step: str, todo: Sequence[Edit], ospans: Sequence[Span]) -> None:
        """Record each removal and change with its original span."""
        if not any(e[4] and not e[2] for e in todo):  # no removal: the common case, in bulk
            self.changes.extend(
                [o[0] for o in ospans], [o[1] for o in ospans], [e[2] for e in todo], [e[3] for e in todo], step
            )
            return
        original = self.original
        removed = self.removed
        los: list[int] = []
        loe: list[int] = []
        reps: list[str] = []
        rules: list[str] = []
        for (_, _, r, rule, reason), ospan in zip(todo, ospans, strict=True):
            if reason and not r:
                a, b = ospan
                removed.append(Removal(original[a:b], ospan, rule, reason, step))
            else:
                los.append(ospan[0])
                loe.append(ospan[1])
                reps.append(r)
                rules.append(rule)
        if los:
            self.changes.extend(los, loe, reps, rules, step)

    def _realign(self, todo: Sequence[Edit], ospans: Sequence[Span], new_start: array[int]) -> None:
        """New changed segments: the old ones moved through the edits, plus the edits."""
        al = self.alignment
        cs, ce, os_, oe = al._cs, al._ce, al._os, al._oe
        m = len(cs)
        # Old segments wholly before the first edit stay; those after the last shift.
        lo_i = bisect_left(ce, todo[0].start)
        hi_i = bisect_right(cs, todo[-1].end)
        if lo_i >= hi_i and self._realign_clear(todo, ospans, new_start, lo_i):
            return
        # The old segments among the edits, moved, in order: (new start, new end, original
        # start, original end, i0, i1, shift); when i1 > i0, the old segments i0+1 .. i1-1
        # follow this one, all shifted by the same amount.
        mid: list[tuple[int, int, int, int, int, int, int]] = []
        if lo_i < hi_i:
            # old segments among the edits move through them: one walk, as in _forward
            n_e = len(todo)
            cum = [0] * (n_e + 1)
            for k, e in enumerate(todo):
                cum[k + 1] = cum[k] + len(e.replacement) - (e.end - e.start)
            # Runs of old segments clear of every edit (between the end of edit k-1 and
            # the start of edit k) shift as one block: found by bisection when the
            # segments outnumber the edits, so no Python work per segment.
            blocks: list[tuple[int, int, int]] = []
            if hi_i - lo_i > _BLOCKS * n_e:
                for k in range(1, n_e):
                    i0 = bisect_left(cs, todo[k - 1].end, lo_i, hi_i)
                    i1 = bisect_left(ce, todo[k].start, i0, hi_i)
                    if i1 - i0 > 1:
                        blocks.append((i0, i1, cum[k]))
            blocks.append((hi_i, hi_i, 0))
            ka = kb = 0
            after = lo_i  # the first old segment not yet moved
            for i0, i1, shift in blocks:
                for i in range(after, i0):
                    a, b = cs[i], ce[i]
                    while ka < n_e and todo[ka].end <= a:
                        ka += 1
                    na = new_start[ka] if ka < n_e and todo[ka].start < a else a + cum[ka]
                    while kb < n_e and todo[kb].end <= b:
                        kb += 1
                    if kb < n_e and todo[kb].start < b:
                        nb = new_start[kb] + len(todo[kb].replacement)
                    else:
                        nb = b + cum[kb]
                    mid.append((na, nb if nb > na else na, os_[i], oe[i], 0, 0, 0))
                if i1 > i0:
                    mid.append((cs[i0] + shift, ce[i0] + shift, os_[i0], oe[i0], i0, i1, shift))
                after = i1
        # The edits' own segments, in order: an edit that keeps the length and is
        # clear of every old segment maps one to one and needs none.
        need: list[int] = []
        si = 0  # first segment ending at or after the edit start
        for k, e in enumerate(todo):
            lo, hi = ospans[k]
            if len(e[2]) == e[1] - e[0] == hi - lo:
                while si < m and ce[si] < e[0]:
                    si += 1
                if si == m or cs[si] > e[1]:
                    continue
            need.append(k)
        ncs, nce, nos, noe = cs[:lo_i], ce[:lo_i], os_[:lo_i], oe[:lo_i]  # array slices: copies
        delta = new_start[-1] + len(todo[-1][2]) - todo[-1][1]
        if hi_i < m:
            mid.append((cs[hi_i] + delta, ce[hi_i] + delta, os_[hi_i], oe[hi_i], 0, 0, 0))

        def push(a: int, b: int, c: int, d: int) -> None:
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

        # Merge the two ordered streams: the old segments (``mid``) and the edits' own.
        x, n_need = 0, len(need)
        for a, b, c, d, i0, i1, shift in mid:
            while x < n_need and new_start[need[x]] <= a:
                k = need[x]
                push(new_start[k], new_start[k] + len(todo[k][2]), ospans[k][0], ospans[k][1])
                x += 1
            push(a, b, c, d)
            if i1:  # the rest of a block: apart from each other and from everything else
                ncs.extend([y + shift for y in cs[i0 + 1 : i1]])
                nce.extend([y + shift for y in ce[i0 + 1 : i1]])
                nos.extend(os_[i0 + 1 : i1])
                noe.extend(oe[i0 + 1 : i1])
        for k in need[x:]:
            push(new_start[k], new_start[k] + len(todo[k][2]), ospans[k][0], ospans[k][1])
        al.extend_shifted((ncs, nce, nos, noe), hi_i + 1, delta)
        self.alignment = Alignment(ncs, nce, nos, noe)

    def _realign_clear(
        self, todo: Sequence[Edit], ospans: Sequence[Span], new_start: array[int], lo_i: int
    ) -> bool:
        """``_realign`` when no old segment lies among the edits (the common case).

        The edits' own segments are built in bulk; the old ones keep their place
        (before the edits) or shift as one block (after them). Returns False,
        doing nothing, when segments would touch and need merging one by one.
        """
        tc = self._typecode
        if all(len(e[2]) != e[1] - e[0] for e in todo):  # every edit changes the length
            ns = new_start
            ne = array(tc, [a + len(e[2]) for a, e in zip(new_start, todo, strict=True)])
            nos_ = array(tc, [o[0] for o in ospans])
            noe_ = array(tc, [o[1] for o in ospans])
        else:  # an edit that keeps the length maps one to one: no segment
            keep = [k for k, e in enumerate(todo) if len(e[2]) != e[1] - e[0]]
            ns = array(tc, [new_start[k] for k in keep])
            ne = array(tc, [new_start[k] + len(todo[k][2]) for k in keep])
            nos_ = array(tc, [ospans[k][0] for k in keep])
            noe_ = array(tc, [ospans[k][1] for k in keep])
        al = self.alignment
        cs, ce, os_, oe = al._cs, al._ce, al._os, al._oe
        m = len(cs)
        last = todo[-1]
        delta = new_start[-1] + len(last[2]) - last[1]
        if ns and (
            any(b >= a for b, a in zip(ne, islice(ns, 1, None), strict=False))  # edits' segments touch
            or (lo_i and ce[lo_i - 1] >= ns[0])  # or the segment before them
            or (lo_i < m and cs[lo_i] + delta <= ne[-1])  # or the one after them
        ):
            return False
        if not ns and 0 < lo_i < m and cs[lo_i] + delta <= ce[lo_i - 1]:
            return False  # the old segments around the edits come to touch
        ncs, nce, nos, noe = cs[:lo_i], ce[:lo_i], os_[:lo_i], oe[:lo_i]  # array slices: copies
        ncs.extend(ns)
        nce.extend(ne)
        nos.extend(nos_)
        noe.extend(noe_)
        al.extend_shifted((ncs, nce, nos, noe), lo_i, delta)
        self.alignment = Alignment(ncs, nce, nos, noe)
        return True

    # -- results -------------------------------------------------------------------

    def page_breaks(self) -> tuple[int, ...]:
        """Where page breaks stood, as sorted offsets in the current text.

        A page break is a form feed that the controls step turned into a line
        break (rule ``page-break``) or a page-number line that the boilerplate
        step removed (rule ``page-number``).
        """
        log = self.changes
        kinds = {k for (rule, _), k in log._kinds.items() if rule == "page-break"}
        spans = [(a, b) for a, b, k in zip(log._os, log._oe, log._kind, strict=True) if k in kinds] if kinds else []
        spans += [r.original_span for r in self.removed if r.rule == "page-number"]
        to_clean = self.alignment.to_clean
        return tuple(sorted({to_clean(a, b)[0] for a, b in spans}))

    def current_warnings(self) -> tuple[QualityWarning, ...]:
        """The warnings so far, in the order they were raised, spans in the current text."""
        return tuple(self._flags.objects(self.alignment))

    def warnings(self) -> list[QualityWarning]:
        """The warnings, in text order, each ``original_span`` mapped by the final alignment.

        Made from the columns here, once: ``w.original_span == result.to_original(*w.span)``
        holds for every warning.
        """
        return self._flags.build(self.alignment)

    def warnings_builder(self) -> Callable[[], list[QualityWarning]]:
        """:meth:`warnings`, made when called (``CleanResult`` calls it on first read)."""
        return partial(self._flags.build, self.alignment)

    def quantities(self) -> tuple[Quantity, ...]:
        """The quantities found so far, spans and texts in the current text (cached)."""
        if self._quantities_view is None:
            text = self.text
            out = self._quantities
            if self._quantities_moved:  # edits since: a quantity's text may have been rewritten
                out = [
                    q if q.text == text[q.span[0] : q.span[1]] else
                    Quantity(text[q.span[0] : q.span[1]], q.span, q.value, q.unit, q.written_unit, q.approximate,
                             q.high, q.original_span)
                    for q in out
                ]  # fmt: skip
                self._quantities_moved = False
            out.sort(key=_SPAN)
            self._quantities = out
            self._quantities_view = tuple(out)
        return self._quantities_view

    def take_quantities(self) -> QuantityColumns:
        """The quantities as columns, for the result; the document lets go of its objects
        (no step runs after this: the result makes the objects again when they are read)."""
        out = QuantityColumns(self.quantities(), self._typecode)
        self._quantities = []
        self._quantities_view = ()
        return out


def _ordered(spans: Sequence[Span]) -> bool:
    """Whether starts and ends are both in order."""
    return all(x[0] <= y[0] and x[1] <= y[1] for x, y in pairwise(spans))


def _new_starts(todo: Sequence[Edit], typecode: str = "q") -> array[int]:
    """Where each replacement of sorted, non-overlapping edits starts in the new text."""
    out = array(typecode)
    delta = 0
    for e in todo:
        out.append(e[0] + delta)
        delta += len(e[2]) - (e[1] - e[0])
    return out


def _forward(todo: Sequence[Edit], new_start: Sequence[int]) -> Callable[[int, int], Span]:
    """How spans of the old text move through sorted, non-overlapping edits.

    Returns a function mapping an old span to the new text (``new_start``:
    where each edit's replacement starts in it). A span end inside an edit
    moves to the end of its replacement, a span start inside one to its start.
    """
    starts = array("q", [e[0] for e in todo])
    ends = array("q", [e[1] for e in todo])
    lengths = array("q", [len(e[2]) for e in todo])

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

    return span


def _coalesce(todo: list[Edit]) -> list[Edit]:
    """Merge edits that touch and share a rule: a run of 10^5 CRs is one change."""
    if all(a.end != b.start for a, b in pairwise(todo)):
        return todo  # nothing touches: the common case
    out: list[Edit] = []
    run: list[Edit] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(run[0])
        elif run:
            first = run[0]
            out.append(Edit(first.start, run[-1].end, "".join(e.replacement for e in run), first.rule, first.reason))
        run.clear()

    for e in todo:
        if run:
            p = run[-1]
            if not (p.end == e.start and p.rule == e.rule and p.reason == e.reason and e.start < e.end):
                flush()
        if e.start == e.end:  # insertions stay on their own
            flush()
            out.append(e)
            continue
        run.append(e)
    flush()
    return out


def _clip(s: int, t: int, n: int) -> Span:
    s = min(max(s, 0), n)
    t = min(max(t, s), n)
    return (s, t)


def _requant(q: Quantity, span: Span) -> Quantity:
    """``q`` at ``span`` (the same object when it has not moved)."""
    if span == q.span:
        return q
    return Quantity(q.text, span, q.value, q.unit, q.written_unit, q.approximate, q.high, q.original_span)
