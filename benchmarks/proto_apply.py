"""Prototype of a lever: edits applied as columns, at C speed, instead of one Python turn per edit.

``Document.apply`` spends about 27 ms/MB of the pipeline's ~200 (the fixture corpus):
for each edit it slices the text, appends two pieces, computes where the replacement
starts, maps its span to the original text (a tuple) and records it. A step such as
spacing proposes ~7,500 edits per MB. This prototype applies the same edit sets with
columns (starts, ends, replacements, rules) and ``map``/``zip``/``accumulate`` over
them: the pieces of the new text, the new starts, the original spans (into arrays),
the change log and the new segments, with no Python statement per edit.

It captures every ``apply`` of the pipeline on the fixture corpus (the document before,
the edits), keeps the case the prototype handles (edits sorted, not touching each other
nor an old segment, no removal with a reason, no flags or quantities to move), times
both ways on copies in the same run (best of ``--runs``, CPU time, ms per MB of UTF-8
input) and checks that both give the same text, alignment and change log.

Measured (2026-12-05, fixture corpus x10): the handled case is 20 % of the edits and
gains nothing (3.1 -> 3.2 ms/MB): there ``Document.apply`` is already bulk
(``_realign_clear``). The rest of apply's time is in the applies with old segments
among the edits (``_realign``'s merge, one Python turn per segment moved): that, not
the per-edit loop, is what a columnar apply would have to take to C speed.

    python benchmarks/proto_apply.py
"""

from __future__ import annotations

import argparse
import copy
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate, chain, compress, repeat
from operator import add, getitem, itemgetter, ne, sub
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from proto_columns import Apply, clean_spied  # noqa: E402
from proto_columns import fresh as fresh_document  # noqa: E402
from run import best_of  # noqa: E402

from reportclean._alignment import Alignment  # noqa: E402
from reportclean._changelog import ChangeLog  # noqa: E402
from reportclean._document import Document  # noqa: E402
from reportclean._edits import Edit  # noqa: E402

_START, _END, _REP, _RULE, _REASON = (itemgetter(i) for i in range(5))


def capture(docs: list[bytes]) -> list[tuple[str, Document, list[Edit]]]:
    out: list[tuple[str, Document, list[Edit]]] = []

    def spy(real: Apply) -> Apply:
        def apply(self: Document, step: str, edits: Any = (), flags: Any = (), quantities: Any = ()) -> None:
            edits, flags, quantities = list(edits), list(flags), list(quantities)
            if edits and not flags and not quantities and not self._flags and not self._quantities:
                out.append((step, copy.copy(self), edits))
            real(self, step, edits, flags, quantities)

        return apply

    clean_spied(docs, spy)
    return out


def fresh(doc: Document) -> Document:
    """:func:`proto_columns.fresh`, with a change log of its own (the prototype writes to it)."""
    d = fresh_document(doc)
    d.changes = ChangeLog(doc._typecode)
    return d


def apply_columns(doc: Document, step: str, edits: list[Edit]) -> bool:
    """Apply ``edits`` as columns; False (nothing done) when this is not the common case."""
    text = doc.text
    n = len(text)
    starts, ends, reps = list(map(_START, edits)), list(map(_END, edits)), list(map(_REP, edits))
    keep = list(map(ne, map(getitem, repeat(text), map(slice, starts, ends)), reps))
    if not all(keep):
        starts, ends, reps = list(compress(starts, keep)), list(compress(ends, keep)), list(compress(reps, keep))
        edits = list(compress(edits, keep))
    if not starts:
        return True
    if any(map(_REASON, edits)) or starts[0] < 0 or ends[-1] > n:
        return False
    if not (all(map(int.__le__, starts, ends)) and all(map(int.__lt__, ends, starts[1:]))):
        return False  # unsorted, overlapping or touching: the general path
    al = doc.alignment
    cs, ce, os_, oe = al._cs, al._ce, al._os, al._oe
    lo_i, hi_i = bisect_left(ce, starts[0]), bisect_right(cs, ends[-1])
    if lo_i < hi_i:
        return False  # old segments among the edits: the general path
    gaps = map(getitem, repeat(text), map(slice, chain((0,), ends), chain(starts, (n,))))
    lengths = list(map(len, reps))
    deltas = list(accumulate(map(sub, lengths, map(sub, ends, starts)), initial=0))
    tc = doc._typecode
    new_start = array(tc, map(add, starts, deltas))
    delta = deltas[-1]
    # original spans, in bulk (no old segment among the edits: one shift before them)
    if lo_i == 0:
        oa, ob = array(tc, starts), array(tc, ends)
    else:
        shift = oe[lo_i - 1] - ce[lo_i - 1]
        oa = array(tc, map(add, starts, repeat(shift)))
        ob = array(tc, map(add, ends, repeat(shift)))
    # new segments: the edits that change the length
    grow = list(map(ne, lengths, map(sub, ends, starts)))
    ns = array(tc, compress(new_start, grow))
    ne_ = array(tc, map(add, ns, compress(lengths, grow)))
    if ns and (
        any(map(int.__le__, ns[1:], ne_))  # segments touch
        or (lo_i and ce[lo_i - 1] >= ns[0])
        or (lo_i < len(cs) and cs[lo_i] + delta <= ne_[-1])
    ):
        return False
    if not ns and 0 < lo_i < len(cs) and cs[lo_i] + delta <= ce[lo_i - 1]:
        return False
    pairs: Any = zip(gaps, reps, strict=False)  # gaps has one more: the tail, added after
    doc.text = "".join(chain(chain.from_iterable(pairs), (text[ends[-1] :],)))
    doc.changes.extend(oa, ob, reps, list(map(_RULE, edits)), step)  # type: ignore[arg-type]
    ncs, nce, nos, noe = cs[:lo_i], ce[:lo_i], os_[:lo_i], oe[:lo_i]
    ncs.extend(ns)
    nce.extend(ne_)
    nos.extend(compress(oa, grow))
    noe.extend(compress(ob, grow))
    al.extend_shifted((ncs, nce, nos, noe), lo_i, delta)
    doc.alignment = Alignment(ncs, nce, nos, noe)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10, help="the fixture corpus this many times")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    docs = [p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.txt"))] * args.repeat
    mb = sum(map(len, docs)) / 2**20
    captured = capture(docs)
    # which applies the prototype handles, checked against Document.apply
    cases = []
    for step, doc, edits in captured:
        a, b = fresh(doc), fresh(doc)
        a.apply(step, edits)
        if not apply_columns(b, step, edits):
            continue
        same = (
            a.text == b.text
            and [list(x) for x in (a.alignment._cs, a.alignment._ce, a.alignment._os, a.alignment._oe)]
            == [list(x) for x in (b.alignment._cs, b.alignment._ce, b.alignment._os, b.alignment._oe)]
            and list(a.changes._os) == list(b.changes._os)
            and list(a.changes._oe) == list(b.changes._oe)
            and a.changes._replacement == b.changes._replacement
        )
        if not same:
            print(f"MISMATCH in a {step} apply")
            return 1
        cases.append((step, doc, edits))
    n_all, n_edits = sum(len(e) for _, _, e in captured), sum(len(e) for _, _, e in cases)

    def run_with(fn: Callable[[Document, str, list[Edit]], object]) -> Callable[[], object]:
        def run() -> object:
            for step, doc, edits in cases:
                fn(fresh(doc), step, edits)
            return None

        return run

    base = best_of(args.runs, run_with(lambda d, s, e: None))  # the copies alone
    before = best_of(args.runs, run_with(Document.apply)) - base
    after = best_of(args.runs, run_with(apply_columns)) - base
    handled = cases
    cases = captured
    every = best_of(args.runs, run_with(Document.apply)) - best_of(args.runs, run_with(lambda d, s, e: None))
    cases = handled
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB UTF-8; best of {args.runs}, CPU time")
    print(f"applies handled: {len(cases)} of {len(captured)} captured, {n_edits} of {n_all} edits")
    print(f"Document.apply on every captured apply {every * 1000 / mb:6.1f} ms/MB "
          f"(those not handled: {(every - before) * 1000 / mb:.1f} ms/MB)")  # fmt: skip
    print(f"before: Document.apply        {before * 1000 / mb:6.1f} ms/MB")
    print(f"after: columns at C speed     {after * 1000 / mb:6.1f} ms/MB")
    print(f"gain: {(before - after) * 1000 / mb:.1f} ms/MB, {(before - after) / max(n_edits, 1) * 1e6:.2f} us per edit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
