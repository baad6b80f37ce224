"""The records agree with themselves and with the two texts (issue 13).

- ``original[c.original_span] == c.original`` for every change;
- ``text[c.span] == c.replacement`` for every change that survives to the
  output (no later step rewrote it: no later change or removal covers its
  original span);
- ``w.original_span == result.to_original(*w.span)`` for every warning, and
  the same for quantities.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import reportclean
from reportclean import STEP_NAMES, clean
from reportclean.testing import dirty_reports, report_texts

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))
_RANK = {step: i for i, step in enumerate(("decode", *STEP_NAMES))}


def surviving(result: reportclean.CleanResult) -> list[reportclean.Change]:
    """The changes that no later step rewrote."""
    later = [(c.original_span, _RANK[c.step]) for c in result.changes]
    later += [(r.original_span, _RANK[r.step]) for r in result.removed]
    out = []
    for c in result.changes:
        a, b = c.original_span
        rank = _RANK[c.step]
        if not any(s[0] <= a and b <= s[1] and r > rank for s, r in later):
            out.append(c)
    return out


def check_records(result: reportclean.CleanResult) -> None:
    original, text = result.original, result.text
    for c in result.changes:
        assert original[c.original_span[0] : c.original_span[1]] == c.original, c
    for c in surviving(result):
        assert text[c.span[0] : c.span[1]] == c.replacement, (c, text[c.span[0] - 5 : c.span[1] + 5])
    for w in result.warnings:
        assert w.original_span == result.to_original(*w.span), w
    for q in result.quantities:
        assert q.original_span == result.to_original(*q.span), q


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_records_agree(path: Path) -> None:
    check_records(clean(path.read_bytes()))


@settings(max_examples=examples(150))
@given(st.one_of(dirty_reports(max_kinds=3).map(lambda c: c.data), report_texts()))
def test_records_agree_on_generated_reports(data: str | bytes) -> None:
    check_records(clean(data))


def test_an_indent_removed_beside_a_paragraph_break_has_its_own_span() -> None:
    # Two steps' edits touch (layout's paragraph break, spacing's indent), so their
    # segments merge; each change still points at exactly its own replacement.
    r = clean("第一段内容。\n\n  第二段内容。")
    assert r.text == "第一段内容。\n第二段内容。"
    spans = {c.rule: (c.span, r.text[c.span[0] : c.span[1]], c.replacement) for c in r.changes}
    assert spans == {"paragraph-break": ((6, 7), "\n", "\n"), "indent": ((7, 7), "", "")}


def test_a_change_a_later_step_rewrote_does_not_survive_and_points_at_its_cover() -> None:
    r = clean("城镇化率为74.02%。\n\n \n\n \n\n初步核算,2022年")
    [cover] = [c for c in r.changes if c.rule == "paragraph-break"]
    nested = [c for c in r.changes if c.rule == "indent"]
    assert nested and all(c.span == cover.span for c in nested)
    assert all(c not in surviving(r) for c in nested)
    check_records(r)
