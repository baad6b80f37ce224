"""The offset map: checked against a naive per-character reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean._document import Document
from reportclean._edits import Edit, Flag


class Naive:
    """Per-character origins: what Document must agree with, computed the slow way."""

    def __init__(self, text: str) -> None:
        self.text = text
        # origin[i]: (start, end) in the original of current char i
        self.origin = [(i, i + 1) for i in range(len(text))]
        self.n0 = len(text)

    def apply(self, edits: list[Edit]) -> None:
        out_text, out_origin = [], []
        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            out_text.append(self.text[pos : e.start])
            out_origin.extend(self.origin[pos : e.start])
            if self.text[e.start : e.end] != e.replacement:
                out_text.append(e.replacement)
                out_origin.extend([None] * len(e.replacement))
            else:
                out_text.append(e.replacement)
                out_origin.extend(self.origin[e.start : e.end])
            pos = e.end
        out_text.append(self.text[pos:])
        out_origin.extend(self.origin[pos:])
        self.text = "".join(out_text)
        self.origin = out_origin


@st.composite
def edit_rounds(draw: st.DrawFn) -> tuple[str, list[list[Edit]]]:
    text = draw(st.text(alphabet="ab一二 ，", max_size=30))
    rounds = []
    length = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        edits = []
        last = -1
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            if a <= last:
                continue
            repl = draw(st.text(alphabet="xyz", max_size=3))
            edits.append(Edit(a, b, repl, "r"))
            last = b if b > a else a
        # non-overlap also for insertions at the same point
        clean, end = [], -1
        for e in edits:
            if e.start > end or (e.start == end and e.start == e.end and not clean):
                clean.append(e)
                end = max(e.end, e.start)
        rounds.append(clean)
        length += sum(len(e.replacement) - (e.end - e.start) for e in clean)
    return text, rounds


@settings(max_examples=400, deadline=None)
@given(edit_rounds())
def test_unchanged_characters_map_back_exactly(case: tuple[str, list[list[Edit]]]) -> None:
    text, rounds = case
    doc, ref = Document(text), Naive(text)
    for edits in rounds:
        if any(e.end > len(doc.text) for e in edits):
            break
        doc.apply("t", edits)
        ref.apply(edits)
        assert doc.text == ref.text
    for i, origin in enumerate(ref.origin):
        span = doc.original_span(i, i + 1)
        if origin is not None:
            # an unchanged character maps to itself, or to a segment that contains it
            assert span[0] <= origin[0] and origin[1] <= span[1]
            if span[1] - span[0] == 1:
                assert doc.original[span[0]] == doc.text[i]
    whole = doc.original_span(0, len(doc.text))
    assert whole[0] >= 0 and whole[1] <= len(doc.original)


@settings(max_examples=300, deadline=None)
@given(edit_rounds())
def test_removals_and_changes_quote_the_original(case: tuple[str, list[list[Edit]]]) -> None:
    text, rounds = case
    doc = Document(text)
    for edits in rounds:
        if any(e.end > len(doc.text) for e in edits):
            break
        doc.apply("t", [e._replace(reason="cut") if not e.replacement else e for e in edits])
    for r in doc.removed:
        assert doc.original[r.original_span[0] : r.original_span[1]] == r.text
    for c in doc.changes.build(doc.original, doc.alignment):
        assert doc.original[c.original_span[0] : c.original_span[1]] == c.original
        assert 0 <= c.span[0] <= c.span[1] <= len(doc.text)


def test_flag_follows_later_edits() -> None:
    doc = Document("共开展党委中心组学习 次，集中学习 4 次")
    doc.apply("checks", [], [(Flag(10, 12, "missing-number", "m"), "warning")])
    doc.apply("spacing", [Edit(10, 11, "", "space"), Edit(17, 18, "", "space"), Edit(19, 20, "", "space")])
    (w,) = doc.warnings()
    assert doc.text == "共开展党委中心组学习次，集中学习4次"
    assert w.span == (10, 11) and doc.text[w.span[0] : w.span[1]] == "次"
    # the original span is the final alignment's image of the clean span (issue 13: records
    # agree): the removed space before 次 is a removal of its own, not part of the warning
    assert w.original_span == doc.alignment.to_original(*w.span)
    assert doc.original[w.original_span[0] : w.original_span[1]] == "次"


def test_replacement_span_is_where_the_new_text_stands() -> None:
    doc = Document("三千五百万元，十三五")
    doc.apply("numerals", [Edit(0, 4, "3500", "numeral")])
    (c,) = doc.changes.build(doc.original, doc.alignment)
    assert doc.text[c.span[0] : c.span[1]] == "3500"
    assert c.original == "三千五百"


@settings(max_examples=300, deadline=None)
@given(edit_rounds())
def test_walked_original_spans_equal_bisected_ones(case: tuple[str, list[list[Edit]]]) -> None:
    text, rounds = case
    doc = Document(text)
    for edits in rounds:
        if any(e.end > len(doc.text) for e in edits):
            break
        todo = sorted(edits)
        assert doc.alignment.to_original_many(todo) == [doc.alignment.to_original(e.start, e.end) for e in todo]
        doc.apply("t", edits)


def _runtime_imports(module: str) -> set[str]:
    """The package modules ``module`` imports at run time (not under ``if TYPE_CHECKING:``)."""
    import ast
    from pathlib import Path

    import reportclean

    tree = ast.parse((Path(reportclean.__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for stmt in node.body
        for n in ast.walk(stmt)
    }
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module and id(node) not in skip
    }


def test_the_offset_modules_import_one_way() -> None:
    # _alignment <- _model <- _changelog <- _document: the result types never import the
    # module that applies edits, and the map imports nothing from the package.
    assert _runtime_imports("_alignment") == set()
    assert _runtime_imports("_model") <= {"_alignment", "_review"}
    assert "_document" not in _runtime_imports("_changelog")
    assert {"_alignment", "_changelog", "_model"} <= _runtime_imports("_document")


def test_a_quantity_is_built_with_its_original_span_and_the_steps_own_is_left_alone() -> None:
    from decimal import Decimal

    from reportclean._model import Quantity

    doc = Document("共 有 3 个")
    doc.apply("spacing", [Edit(1, 2, "", "space")])  # "共有 3 个"
    proposed = Quantity("3 个", (3, 6), Decimal(3), "个", "个")
    doc.apply("quantities", [], quantities=[proposed])
    (q,) = doc.quantities()
    assert q.original_span == (4, 7) and doc.original[4:7] == "3 个"
    assert (q.text, q.span, q.value, q.unit) == ("3 个", (3, 6), Decimal(3), "个")
    assert proposed.original_span == (0, 0)  # the step's object is a proposal, never changed in place
