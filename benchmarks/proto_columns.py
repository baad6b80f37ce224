"""Prototype of the next lever: quantities kept as columns through the pipeline (issue 18).

Today the quantities step proposes one ``FoundQuantity`` tuple per quantity, and
``Document.apply`` maps their spans to the original text (a tuple per span), makes a
``Quantity`` object per quantity (text, span and original-span tuples) and the checks
step's context holds them sorted. The result keeps them as columns and makes the
objects again on first read (``QuantityColumns``).

The lever: the document keeps the quantities as columns from the start (offset arrays,
original offsets mapped in bulk into arrays, values and units as shared lists), so the
only objects are those a reader asks for. This script measures, on the fixture corpus,
the document side of that change on the same inputs in the same run:

- *before*: ``Document.apply("quantities", …)`` plus the ``doc.quantities()`` view the
  checks step is given, as the pipeline does today;
- *after*: the same quantities stored as columns (``QuantityColumns`` of the step's
  tuples, original spans mapped into arrays without a tuple per span).

It captures the document and the step's proposal of every corpus document just before
the quantities are applied, then times both ways on copies (best of ``--runs``, CPU
time, ms per MB of UTF-8 input), and checks that both give the same spans and original
spans. The pipeline's own time is printed in the same run, for scale.

    python benchmarks/proto_columns.py
    python benchmarks/proto_columns.py --repeat 20 --runs 7
"""

from __future__ import annotations

import argparse
import copy
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from run import best_of  # noqa: E402

import reportclean  # noqa: E402
from reportclean import _document  # noqa: E402
from reportclean._alignment import Alignment  # noqa: E402
from reportclean._document import Document  # noqa: E402
from reportclean._model import QuantityColumns  # noqa: E402

_SPAN = attrgetter("span")
_VALUE, _UNIT, _WRITTEN = attrgetter("value"), attrgetter("unit"), attrgetter("written_unit")
_APPROX, _HIGH = attrgetter("approximate"), attrgetter("high")


def corpus(repeat_: int) -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.txt"))] * repeat_


def capture(docs: list[bytes]) -> list[tuple[Document, list[Any]]]:
    """(the document just before the quantities are applied, the step's quantities), per document."""
    out: list[tuple[Document, list[Any]]] = []

    def spy(real: Apply) -> Apply:
        def apply(self: Document, step: str, edits: Any = (), flags: Any = (), quantities: Any = ()) -> None:
            if step == "quantities":
                qs = list(quantities)
                if qs:
                    out.append((copy.copy(self), qs))
                quantities = qs
            real(self, step, edits, flags, quantities)

        return apply

    clean_spied(docs, spy)
    return out


Apply = Callable[..., None]


def clean_spied(docs: list[bytes], spy: Callable[[Apply], Apply]) -> None:
    """Clean ``docs`` with ``Document.apply`` replaced by ``spy(Document.apply)``, restored after."""
    real = Document.apply
    _document.Document.apply = spy(real)  # type: ignore[method-assign]
    try:
        cleaner = reportclean.Cleaner()
        for d in docs:
            cleaner.clean(d)
    finally:
        _document.Document.apply = real  # type: ignore[method-assign]


def fresh(doc: Document) -> Document:
    """A document in ``doc``'s state with no quantities (cheap: texts and arrays are shared, never mutated)."""
    d = Document(doc.text)
    d.original, d.alignment, d._typecode = doc.original, doc.alignment, doc._typecode
    return d


def to_original_columns(al: Alignment, starts: array[int], ends: array[int]) -> tuple[array[int], array[int]]:
    """``Alignment.to_original`` of every (start, end), into two arrays: no tuple per span."""
    cs, ce, os_, oe = al._cs, al._ce, al._os, al._oe
    tc = starts.typecode
    if not len(cs):
        return array(tc, starts), array(tc, ends)
    first = list(map(bisect_right, repeat(cs), starts))
    last = list(map(bisect_left, repeat(cs), ends))
    a = array(tc, [p if i == 0 else os_[i - 1] if p < ce[i - 1] else oe[i - 1] + (p - ce[i - 1])
                   for p, i in zip(starts, first, strict=True)])  # fmt: skip
    b = array(tc, [x if p == q else q if j == 0 else oe[j - 1] if q <= ce[j - 1] else oe[j - 1] + (q - ce[j - 1])
                   for p, q, j, x in zip(starts, ends, last, a, strict=True)])  # fmt: skip
    return a, b


def columns(doc: Document, qs: Sequence[Any]) -> QuantityColumns:
    """The quantities as the document would keep them: columns, sorted by span, nothing per quantity."""
    qs = sorted(qs, key=_SPAN)
    tc = doc._typecode
    spans = list(map(_SPAN, qs))
    starts = array(tc, [s for s, _ in spans])
    ends = array(tc, [e for _, e in spans])
    cols = QuantityColumns((), tc)
    cols.start, cols.end = starts, ends
    cols.ostart, cols.oend = to_original_columns(doc.alignment, starts, ends)
    cols.value = list(map(_VALUE, qs))
    cols.unit = list(map(_UNIT, qs))
    cols.written = list(map(_WRITTEN, qs))
    cols.approximate = list(map(_APPROX, qs))
    cols.high = list(map(_HIGH, qs))
    cols.section = [None] * len(qs)
    return cols


def before(cases: list[tuple[Document, list[Any]]]) -> Callable[[], object]:
    docs = [fresh(d) for d, _ in cases]

    def run() -> object:
        out = []
        for d, (_, qs) in zip(docs, cases, strict=True):
            d._quantities, d._quantities_view = [], ()
            d.apply("quantities", (), (), qs)
            out.append(d.quantities())  # the view the checks step is given
        return out

    return run


def after(cases: list[tuple[Document, list[Any]]]) -> Callable[[], object]:
    def run() -> object:
        return [columns(d, qs) for d, qs in cases]

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="the fixture corpus this many times")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    docs = corpus(args.repeat)
    mb = sum(map(len, docs)) / 2**20
    cases = capture(docs)
    n = sum(len(qs) for _, qs in cases)
    # the two ways agree: same spans, same original spans, same values
    made: Any = before(cases)()
    cols_made: Any = after(cases)()
    for qv, cols in zip(made, cols_made, strict=True):
        if (
            [q.span for q in qv] != list(zip(cols.start, cols.end, strict=True))
            or [q.original_span for q in qv] != list(zip(cols.ostart, cols.oend, strict=True))
            or [q.value for q in qv] != cols.value
        ):
            print("MISMATCH: the columns do not give the same quantities")
            return 1
    del made, cols_made
    cleaner = reportclean.Cleaner()
    pipeline = best_of(max(1, args.runs // 2), lambda: [cleaner.clean(d) for d in docs])
    b = best_of(args.runs, before(cases))
    a = best_of(args.runs, after(cases))
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB UTF-8, {n} quantities; best of {args.runs}, CPU time")
    print(f"pipeline (today, for scale)            {pipeline * 1000 / mb:7.1f} ms/MB")
    print(f"before: apply + the checks step's view  {b * 1000 / mb:7.1f} ms/MB")
    print(f"after: kept as columns                  {a * 1000 / mb:7.1f} ms/MB")
    print(f"gain: {(b - a) * 1000 / mb:.1f} ms/MB ({(b - a) / pipeline:.1%} of the pipeline), "
          f"{(b - a) / max(n, 1) * 1e6:.2f} us per quantity")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
