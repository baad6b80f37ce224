"""The runtime contracts: strict mode, ``step-failed``, ``EditError``, checks that ``-O`` keeps.

A step that raises, proposes overlapping edits or raises an undeclared code is a
bug in the step. The default pipeline skips it with a ``step-failed`` warning so
that one bug never loses a document; ``Config(strict=True)`` (the suite's mode)
raises instead.
"""

from __future__ import annotations

import ast
import dataclasses
import doctest
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import reportclean
from reportclean import STEP_NAMES, Cleaner, Config, _pipeline
from reportclean._document import Document, EditError
from reportclean._edits import Context, Edit, Proposal, StepFn

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "reportclean"
TEXT = "全年共开展学习\u200b４次。"


def _boom(text: str, context: Context) -> Proposal:
    raise KeyError("a bug in the step")


def _overlapping(text: str, context: Context) -> Proposal:
    return Proposal(edits=[Edit(0, 3, "", "demo", "demo"), Edit(2, 4, "x", "demo")])


def _undeclared_rule(text: str, context: Context) -> Proposal:
    return Proposal(edits=[Edit(0, 1, "", "not-a-declared-rule", "made up")])


def _undeclared(text: str, context: Context) -> Proposal:
    p = Proposal()
    p.flag(0, 1, "not-a-declared-code", "made up")
    return p


@pytest.fixture
def broken_width(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Put a step function in place of ``width``; the test passes the function."""

    def install(fn: StepFn) -> None:
        width = _pipeline.REGISTRY["width"]
        step = dataclasses.replace(width, make=lambda config: fn, rules=(*width.rules, "demo"))
        monkeypatch.setitem(_pipeline.REGISTRY, "width", step)

    yield install


def test_a_step_that_raises_becomes_step_failed_and_the_others_still_run(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(_boom)
    r = Cleaner(Config(strict=False)).clean(TEXT)
    [w] = [w for w in r.warnings if w.code == "step-failed"]
    assert w.severity == "error" and w.step == "width"
    assert "KeyError" in w.message and "a bug in the step" in w.message
    assert r.text == "全年共开展学习４次。"  # controls still removed the zero-width space; width did nothing
    assert [x.rule for x in r.removed] == ["zero-width-char"]


def test_strict_mode_raises_the_steps_own_exception(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(_boom)
    with pytest.raises(KeyError, match="a bug in the step"):
        Cleaner(Config(strict=True)).clean(TEXT)


def test_overlapping_edits_raise_edit_error_naming_the_step() -> None:
    doc = Document("共开展学习")
    with pytest.raises(EditError, match="step 'demo' proposed a bad edit"):
        doc.apply("demo", [Edit(0, 3, "", "cut", "why"), Edit(2, 4, "x", "swap")])
    assert doc.text == "共开展学习" and doc.removed == []  # nothing applied
    with pytest.raises(EditError, match="text length 5"):
        doc.apply("demo", [Edit(4, 9, "x", "swap")])


def test_overlapping_edits_from_a_step_are_step_failed_or_raise_in_strict_mode(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(_overlapping)
    r = Cleaner(Config(strict=False)).clean(TEXT)
    assert [w.step for w in r.warnings if w.code == "step-failed"] == ["width"]
    assert "EditError" in next(w.message for w in r.warnings if w.code == "step-failed")
    with pytest.raises(EditError):
        Cleaner(Config(strict=True)).clean(TEXT)


def test_an_undeclared_warning_code_is_rejected_in_strict_mode(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(_undeclared)
    with pytest.raises(ValueError, match="not-a-declared-code"):
        Cleaner(Config(strict=True)).clean(TEXT)
    forgiving = Cleaner(Config(strict=False)).clean(TEXT)
    assert [w.severity for w in forgiving.warnings if w.code == "not-a-declared-code"] == ["warning"]


def test_an_undeclared_rule_id_is_rejected_in_strict_mode(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(_undeclared_rule)
    want = r"step 'width' made edits with rule ids it does not declare: \['not-a-declared-rule'\]"
    with pytest.raises(ValueError, match=want):
        Cleaner(Config(strict=True)).clean(TEXT)
    forgiving = Cleaner(Config(strict=False)).clean(TEXT)
    assert [x.rule for x in forgiving.removed] == ["not-a-declared-rule", "zero-width-char"]


def test_a_declared_rule_id_passes_in_strict_mode(broken_width) -> None:  # type: ignore[no-untyped-def]
    broken_width(lambda text, context: Proposal(edits=[Edit(0, 1, "", "demo", "made up")]))
    assert [x.rule for x in Cleaner(Config(strict=True)).clean(TEXT).removed] == ["demo", "zero-width-char"]


def test_switching_off_a_required_step_says_how_to_fix_the_call() -> None:
    want = (
        r"^Config\(quantities=False\) switches off what the 'checks' step needs \(quantities\); "
        r".*Config\(quantities=False, checks=False\)"
    )
    with pytest.raises(ValueError, match=want):
        Cleaner(Config(quantities=False))
    with pytest.raises(ValueError, match=want):
        reportclean.clean("合计3人，其中男1人、女1人。", Config(quantities=False))
    alone = Cleaner(Config(quantities=False, checks=False)).clean("合计3人，其中男1人、女1人。")
    assert alone.quantities == [] and alone.warnings == []
    both = reportclean.clean("合计3人，其中男1人、女1人。")
    assert [w.code for w in both.warnings] == ["sum-mismatch"]


def test_every_step_requires_only_steps_that_run_before_it() -> None:
    for name, step in _pipeline.REGISTRY.items():
        assert set(step.requires) <= set(STEP_NAMES[: STEP_NAMES.index(name)]), name
    assert _pipeline.REGISTRY["checks"].requires == ("quantities",)


def test_strict_comes_from_the_environment_when_not_given() -> None:
    code = "import reportclean; print(reportclean.Config().strict, reportclean.Config(strict=False).strict)"
    for value, expected in (("1", "True False"), ("", "False False")):
        env = {**os.environ, "REPORTCLEAN_STRICT": value, "PYTHONPATH": str(ROOT / "src")}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert out.stdout.split() == expected.split()


def test_the_suite_runs_strict() -> None:
    assert _pipeline._DEFAULT.strict and Config().strict


def test_assert_faithful_rejects_a_forged_removal_under_python_O() -> None:
    code = (
        "import dataclasses, reportclean\n"
        "from reportclean.testing import assert_faithful\n"
        "text = '共开展学习\\u200b4次。'\n"
        "r = reportclean.clean(text)\n"
        "forged = dataclasses.replace(r.removed[0], text='学')\n"
        "try:\n"
        "    assert_faithful(text, dataclasses.replace(r, removed=[forged]))\n"
        "except AssertionError as exc:\n"
        "    print('rejected:', exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-O", "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.startswith("rejected: removal 'zero-width-char' says '学'"), out.stdout + out.stderr


# -- doctests --------------------------------------------------------------------------


def _nested_doctests(path: Path) -> Iterator[str]:
    """Functions defined inside functions whose docstring holds an example (doctest never collects them)."""

    def walk(node: ast.AST, inside: bool) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            is_fn = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if is_fn and inside and ">>>" in (ast.get_docstring(child) or ""):
                yield f"{path.name}:{child.lineno} {child.name}"
            yield from walk(child, inside or is_fn)

    yield from walk(ast.parse(path.read_text(encoding="utf-8")), False)


def test_no_example_hides_where_doctest_cannot_collect_it() -> None:
    assert [x for p in sorted(SRC.rglob("*.py")) for x in _nested_doctests(p)] == []


@pytest.mark.parametrize("step", STEP_NAMES)
def test_every_step_module_has_doctests(step: str) -> None:
    make = _pipeline.REGISTRY[step].make
    module = importlib.import_module(make.__module__)
    examples = sum(len(t.examples) for t in doctest.DocTestFinder().find(module))
    assert examples >= 2, f"{module.__name__} (step {step!r}) needs a before/after doctest and one it leaves alone"
