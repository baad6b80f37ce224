"""The alignment between a clean text and its original: changed segments and the offset map.

The alignment is a sorted list of *changed segments*: current ``[cs, ce)``
came from original ``[os, oe)``. Between two segments the text is unchanged,
so any offset maps by a constant shift found with :func:`bisect.bisect_right`.
Touching segments are merged, so segments are always separated by at least
one unchanged character. :class:`~reportclean._document.Document` builds it
as it applies edits; :class:`~reportclean.CleanResult` keeps the final one.

The map is written for speed (bisection per offset, or one walk over many
ordered spans); ``tests/test_offsets.py`` holds a plain per-character
reference that every fast path is tested against.

>>> al = Alignment(array("q", [1]), array("q", [1]), array("q", [1]), array("q", [2]))  # " " removed at 1
>>> al.to_original(1, 4)
(2, 5)
>>> al.to_clean(0, 3)
(0, 2)
>>> al.to_original_many([(0, 1), (1, 4), (2, 2)])
[(0, 1), (2, 5), (3, 3)]

This module depends on nothing else in the package, so that the result
types (``_model``) can hold an :class:`Alignment` without importing the
module that applies edits.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

__all__ = ["Alignment", "Span", "offset_type"]

#: A half-open ``(start, end)`` pair of character offsets.
Span = tuple[int, int]
#: Spans to map in bulk: spans, or edits (whose first two items are their span).
Spans = Sequence[tuple[int, int]] | Sequence[tuple[int, int, str, str, str]]

# Offsets are kept in arrays of 4-byte integers ('i') when every offset of a document
# fits, with room for the text to grow: an 8-byte array ('q') would double what the
# alignment, the change log and the warning columns take (peak memory).
_FITS_4_BYTES = 2**30


def offset_type(n: int) -> str:
    """The array typecode for the offsets of a text of ``n`` characters: 4 bytes while
    they fit (with room for the text to double), else 8.

    >>> offset_type(10), offset_type(2**31)
    ('i', 'q')
    """
    return "i" if n < _FITS_4_BYTES else "q"


# Alignment.to_original_many walks segments and spans together unless segments outnumber
# spans this many times (then a bisection per span is cheaper; measured on 8,000 segments).
_WALK = 5


class Alignment:
    """Changed segments between a clean text and its original; maps spans both ways.

    Offsets outside every segment map by a constant shift; a span that overlaps
    a segment grows to cover all of it.
    """

    __slots__ = ("_ce", "_cs", "_oe", "_os")

    def __init__(
        self,
        cs: array[int] | None = None,
        ce: array[int] | None = None,
        os_: array[int] | None = None,
        oe: array[int] | None = None,
        typecode: str = "q",
    ) -> None:
        self._cs: array[int] = array(typecode) if cs is None else cs
        self._ce: array[int] = array(typecode) if ce is None else ce
        self._os: array[int] = array(typecode) if os_ is None else os_
        self._oe: array[int] = array(typecode) if oe is None else oe

    def __len__(self) -> int:
        return len(self._cs)

    def widened(self) -> Alignment:
        """The same segments in 8-byte arrays (for a text that grew past 4-byte offsets)."""
        return Alignment(array("q", self._cs), array("q", self._ce), array("q", self._os), array("q", self._oe))

    def _orig_start(self, p: int) -> int:
        i = bisect_right(self._cs, p) - 1
        if i < 0:
            return p
        if p < self._ce[i]:
            return self._os[i]
        return self._oe[i] + (p - self._ce[i])

    def _orig_end(self, p: int) -> int:
        i = bisect_left(self._cs, p) - 1
        if i < 0:
            return p
        if p <= self._ce[i]:
            return self._oe[i]
        return self._oe[i] + (p - self._ce[i])

    def to_original(self, start: int, end: int) -> Span:
        """Map a span of the clean (current) text to the original text."""
        if start >= end:
            q = self._orig_start(start)
            return (q, q)
        return (self._orig_start(start), self._orig_end(end))

    def to_clean(self, start: int, end: int) -> Span:
        """Map a span of the original text to the clean (current) text."""
        oss, oes, ces = self._os, self._oe, self._ce
        i = bisect_right(oss, start) - 1
        if i < 0:
            a = start
        elif start < oes[i] or oss[i] == oes[i] == start:
            a = self._cs[i]
        else:
            a = ces[i] + (start - oes[i])
        j = bisect_left(oss, end) - 1
        if j < 0:
            b = end
        elif end <= oes[j]:
            b = ces[j]
        else:
            b = ces[j] + (end - oes[j])
        return (a, max(a, b))

    def to_original_many(self, spans: Spans, ordered: bool = False) -> list[Span]:
        """``to_original`` of every span (or edit: its first two items are its span).

        The same as calling it per span, done in bulk. When the spans are
        ``ordered`` (starts and ends both in order, as edits are) and about as
        many as the segments, one walk over both; otherwise (a late step with
        few edits after one with thousands, or spans in any order) the
        bisections and the arithmetic are each one comprehension, so that no
        Python work is done per segment.
        """
        cs, ce, os_, oe = self._cs, self._ce, self._os, self._oe
        m = len(cs)
        if not m:
            return [(e[0], e[1]) for e in spans]
        if ordered and m <= _WALK * len(spans):
            return _walk_original(spans, cs, ce, os_, oe)
        starts = [e[0] for e in spans]
        ends = [e[1] for e in spans]
        first = [bisect_right(cs, p) - 1 for p in starts]  # the last segment starting at or before p
        last = [bisect_left(cs, q) - 1 for q in ends]  # the last segment starting before q
        return [
            (a, a if p == q else q if j < 0 else oe[j] if q <= ce[j] else oe[j] + (q - ce[j]))
            for p, q, i, j in zip(starts, ends, first, last, strict=True)
            for a in (p if i < 0 else os_[i] if p < ce[i] else oe[i] + (p - ce[i]),)
        ]

    def extend_shifted(
        self, out: tuple[array[int], array[int], array[int], array[int]], start: int, delta: int
    ) -> None:
        """Append the segments from ``start`` on, their current offsets moved by ``delta``."""
        ncs, nce, nos, noe = out
        if start >= len(self._cs):
            return
        if delta:
            ncs.extend([x + delta for x in self._cs[start:]])
            nce.extend([x + delta for x in self._ce[start:]])
        else:
            ncs.extend(self._cs[start:])
            nce.extend(self._ce[start:])
        nos.extend(self._os[start:])
        noe.extend(self._oe[start:])


def _walk_original(spans: Spans, cs: array[int], ce: array[int], os_: array[int], oe: array[int]) -> list[Span]:
    """``Alignment.to_original_many`` of ordered spans, in one walk over spans and segments together."""
    m = len(cs)
    out: list[Span] = []
    i = j = 0  # segments starting at or before the start / strictly before the end
    for e in spans:
        p, q = e[0], e[1]
        while i < m and cs[i] <= p:
            i += 1
        if i == 0:
            a = p
        elif p < ce[i - 1]:
            a = os_[i - 1]
        else:
            a = oe[i - 1] + (p - ce[i - 1])
        if p == q:  # an empty span maps to a point
            out.append((a, a))
            continue
        while j < m and cs[j] < q:
            j += 1
        if j == 0:
            b = q
        elif q <= ce[j - 1]:
            b = oe[j - 1]
        else:
            b = oe[j - 1] + (q - ce[j - 1])
        out.append((a, b))
    return out
