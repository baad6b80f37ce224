"""The offset map: one plain reference, and every fast path tested against it.

The fast paths (``Alignment._orig_start``/``_orig_end``/``to_original``,
``Alignment.to_clean``, ``Alignment.to_original_many`` with its walk and its
bisections, ``_document._forward``) each find an answer by bisection or by a
walk over arrays. The reference below finds the same answers the slow, plain
way: it lays both texts out as a list of *pieces* (one per unchanged
character, one per changed segment) and reads a span's image off the pieces
it overlaps, with a min and a max. Nothing in it is clever, so it is easy to
check by eye; the hypothesis tests check the fast paths against it.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean._alignment import Alignment, Span, _walk_original
from reportclean._document import Document, _forward, _new_starts
from reportclean._edits import Edit


class Piece(NamedTuple):
    """Clean ``[c0, c1)`` came from original ``[o0, o1)`` (or new from old, for edits)."""

    c0: int
    c1: int
    o0: int
    o1: int


# -- the reference -----------------------------------------------------------------


def pieces_of(al: Alignment, n_clean: int) -> list[Piece]:
    """Both texts as pieces: one per unchanged character, one per changed segment, in order."""
    out: list[Piece] = []
    c = o = 0
    for cs, ce, os_, oe in zip(al._cs, al._ce, al._os, al._oe, strict=True):
        while c < cs:  # unchanged characters before the segment
            out.append(Piece(c, c + 1, o, o + 1))
            c, o = c + 1, o + 1
        assert o == os_, "the unchanged text between two segments must be as long in both texts"
        out.append(Piece(cs, ce, os_, oe))
        c, o = ce, oe
    while c < n_clean:
        out.append(Piece(c, c + 1, o, o + 1))
        c, o = c + 1, o + 1
    return out


def ref_to_original(pieces: list[Piece], start: int, end: int) -> Span:
    """The original span a clean span came from.

    A non-empty span covers the origins of all the pieces it overlaps (a removal,
    empty in the clean text, overlaps nothing). An empty span at ``p`` stands where
    the piece holding clean character ``p`` starts.
    """
    if start < end:
        hit = [p for p in pieces if p.c0 < end and start < p.c1]
        return (min(p.o0 for p in hit), max(p.o1 for p in hit))
    holding = [p for p in pieces if p.c1 > start]  # the first holds character ``start``
    o = holding[0].o0 if holding else max((p.o1 for p in pieces), default=start)
    return (o, o)


def ref_to_clean(pieces: list[Piece], start: int, end: int) -> Span:
    """The clean span an original span became.

    A non-empty span covers the images of all the pieces whose origin it overlaps,
    and of an insertion (empty origin) at its start, not at its end. An empty span
    strictly inside a piece's origin maps to the whole piece; otherwise it stands
    where the first piece whose origin starts at or after it stands.
    """
    if start < end:
        hit = [p for p in pieces if p.o0 < end and (start < p.o1 or p.o0 == p.o1 == start)]
        return (min(p.c0 for p in hit), max(p.c1 for p in hit))
    inside = [p for p in pieces if p.o0 < start < p.o1]
    if inside:
        return (inside[0].c0, inside[0].c1)
    after = [p for p in pieces if p.o0 >= start]
    c = after[0].c0 if after else max((p.c1 for p in pieces), default=start)
    return (c, c)


def edit_pieces(old: str, todo: list[Edit]) -> list[Piece]:
    """Sorted, non-overlapping edits of ``old`` as pieces: new ``[c0, c1)`` from old ``[o0, o1)``."""
    out: list[Piece] = []
    c = o = 0
    for e in todo:
        while o < e.start:
            out.append(Piece(c, c + 1, o, o + 1))
            c, o = c + 1, o + 1
        out.append(Piece(c, c + len(e.replacement), e.start, e.end))
        c, o = c + len(e.replacement), e.end
    while o < len(old):
        out.append(Piece(c, c + 1, o, o + 1))
        c, o = c + 1, o + 1
    return out


def ref_forward(pieces: list[Piece], start: int, end: int) -> Span:
    """Where a span of the old text stands after the edits.

    Its start moves to the start of the first piece whose old text ends after it
    (an insertion at the start is left out); its end to the end of the last piece
    whose old text starts before it, or that is an insertion at it (an insertion
    at the end is taken in).
    """
    first = [p for p in pieces if p.o1 > start]
    a = first[0].c0 if first else max((p.c1 for p in pieces), default=start)
    last = [p for p in pieces if p.o0 < end or p.o0 == p.o1 == end]
    b = last[-1].c1 if last else 0
    return (a, max(a, b))


# -- strategies ----------------------------------------------------------------------


@st.composite
def alignments(draw: st.DrawFn) -> tuple[Alignment, int, int]:
    """A valid alignment (segments apart by at least one unchanged character) and both lengths."""
    cs, ce, os_, oe = array("q"), array("q"), array("q"), array("q")
    c = o = 0
    for k in range(draw(st.integers(0, 6))):
        gap = draw(st.integers(0 if k == 0 else 1, 3))
        c, o = c + gap, o + gap
        lc, lo = draw(st.tuples(st.integers(0, 3), st.integers(0, 3)).filter(lambda x: x != (0, 0)))
        cs.append(c), ce.append(c + lc), os_.append(o), oe.append(o + lo)
        c, o = c + lc, o + lo
    tail = draw(st.integers(0, 3))
    return Alignment(cs, ce, os_, oe), c + tail, o + tail


def spans_in(n: int) -> st.SearchStrategy[Span]:
    return st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda x: (min(x), max(x)))


@st.composite
def edits_of(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and sorted, non-overlapping edits of it (insertions, removals, rewrites)."""
    text = draw(st.text(alphabet="ab一二 ", max_size=12))
    todo: list[Edit] = []
    pos = 0
    while pos <= len(text) and draw(st.booleans()):
        s = draw(st.integers(pos, len(text)))
        t = draw(st.integers(s, min(len(text), s + 3)))
        todo.append(Edit(s, t, draw(st.text(alphabet="xy", max_size=3)), "r"))
        pos = t
    return text, todo


# -- the reference is right on cases worked by hand ---------------------------------


def test_the_reference_on_a_removal_an_insertion_and_a_rewrite() -> None:
    # original "ab cd" -> clean "abXd": " " removed at 2, "c" rewritten "X", nothing else
    al = Alignment(array("q", [2]), array("q", [3]), array("q", [2]), array("q", [4]))
    pieces = pieces_of(al, 4)
    assert pieces == [Piece(0, 1, 0, 1), Piece(1, 2, 1, 2), Piece(2, 3, 2, 4), Piece(3, 4, 4, 5)]
    assert ref_to_original(pieces, 2, 3) == (2, 4)  # "X" came from " c"
    assert ref_to_original(pieces, 3, 3) == (4, 4)
    assert ref_to_clean(pieces, 3, 5) == (2, 4)  # "cd" became "Xd": X is whole
    assert ref_to_clean(pieces, 3, 3) == (2, 3)  # a point inside " c" is inside "X"
    # an insertion of "xy" at old offset 1 of "ab"
    moved = edit_pieces("ab", [Edit(1, 1, "xy", "r")])
    assert ref_forward(moved, 1, 2) == (3, 4)  # "b" follows the insertion
    assert ref_forward(moved, 0, 1) == (0, 3)  # "a" takes in the insertion at its end


# -- every fast path against the reference -------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.data(), alignments())
def test_to_original_and_to_clean_agree_with_the_reference(
    data: st.DataObject, case: tuple[Alignment, int, int]
) -> None:
    al, n_clean, n_orig = case
    pieces = pieces_of(al, n_clean)
    for s, e in data.draw(st.lists(spans_in(n_clean), min_size=1, max_size=8)):
        assert al.to_original(s, e) == ref_to_original(pieces, s, e)
    for a, b in data.draw(st.lists(spans_in(n_orig), min_size=1, max_size=8)):
        assert al.to_clean(a, b) == ref_to_clean(pieces, a, b)


@settings(max_examples=400, deadline=None)
@given(st.data(), alignments())
def test_bulk_mapping_agrees_with_the_reference_on_both_paths(
    data: st.DataObject, case: tuple[Alignment, int, int]
) -> None:
    al, n_clean, _ = case
    pieces = pieces_of(al, n_clean)
    spans = data.draw(st.lists(spans_in(n_clean), max_size=10))
    expected = [ref_to_original(pieces, s, e) for s, e in spans]
    assert al.to_original_many(spans) == expected  # the bisections, spans in any order
    # starts in order and ends in order (as edits are): the k-th start is at most the k-th end
    ordered = list(zip(sorted(s for s, _ in spans), sorted(e for _, e in spans), strict=True))
    expected = [ref_to_original(pieces, s, e) for s, e in ordered]
    assert _walk_original(ordered, al._cs, al._ce, al._os, al._oe) == expected  # the walk
    assert al.to_original_many(ordered, ordered=True) == expected  # whichever path it takes


@settings(max_examples=400, deadline=None)
@given(st.data(), edits_of())
def test_forward_agrees_with_the_reference(data: st.DataObject, case: tuple[str, list[Edit]]) -> None:
    text, todo = case
    pieces = edit_pieces(text, todo)
    span = _forward(todo, _new_starts(todo))
    for s, e in data.draw(st.lists(spans_in(len(text)), min_size=1, max_size=8)):
        assert span(s, e) == ref_forward(pieces, s, e)


@settings(max_examples=300, deadline=None)
@given(st.data(), st.lists(edits_of(), min_size=1, max_size=4))
def test_a_documents_alignment_agrees_with_the_reference_after_every_step(
    data: st.DataObject, rounds: list[tuple[str, list[Edit]]]
) -> None:
    # The first round's text is the document; later rounds' edits are used where they fit.
    doc = Document(rounds[0][0])
    for _, todo in rounds:
        todo = [e for e in todo if e.end <= len(doc.text)]
        doc.apply("t", todo)
        pieces = pieces_of(doc.alignment, len(doc.text))
        assert max((p.o1 for p in pieces), default=0) == len(doc.original)
        for s, e in data.draw(st.lists(spans_in(len(doc.text)), min_size=1, max_size=4)):
            assert doc.original_span(s, e) == ref_to_original(pieces, s, e)
        for a, b in data.draw(st.lists(spans_in(len(doc.original)), min_size=1, max_size=4)):
            assert doc.alignment.to_clean(a, b) == ref_to_clean(pieces, a, b)

