"""The docs cover what the code can do, and no more: every warning code and rule id a step
declares (``Step.codes``, ``Step.rules``) has an entry under that step, and every entry is
declared by the step it is listed under.

Codes and rule ids are read with the same parser that ``reportclean explain`` and the review
page use (``reportclean._explain``, on package data that is docs/warnings.md and docs/rules.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import reportclean
from reportclean import _pipeline
from reportclean._explain import Entry, catalogue

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _declared(attr: str) -> dict[str, set[str]]:
    """Code or rule id -> the steps that declare it."""
    out: dict[str, set[str]] = {}
    for step in _pipeline.REGISTRY.values():
        for name in getattr(step, attr):
            out.setdefault(name, set()).add(step.name)
    return out


def _mismatches(declared: dict[str, set[str]], documented: dict[str, Entry]) -> list[str]:
    problems = [f"{n}: declared by {sorted(s)}, not documented" for n, s in declared.items() if n not in documented]
    problems += [f"{n}: documented under {e.step!r}, declared by no step" for n, e in documented.items()
                 if n not in declared]
    problems += [f"{n}: documented under {documented[n].step!r}, declared by {sorted(s)}"
                 for n, s in declared.items() if n in documented and documented[n].step not in s]
    return sorted(problems)


def test_every_declared_warning_code_is_documented_under_its_step_and_every_documented_one_declared() -> None:
    documented = {n: e for n, e in catalogue().codes.items() if n not in _pipeline._OWN_CODES}
    assert _mismatches(_declared("codes"), documented) == [], "docs/warnings.md and Step.codes disagree"


def test_the_pipelines_own_codes_are_documented_and_no_step_declares_them() -> None:
    codes = catalogue().codes
    assert [c for c in _pipeline._OWN_CODES if c not in codes] == []
    assert [c for c in _pipeline._OWN_CODES if codes[c].step in _pipeline.REGISTRY or c in _declared("codes")] == []
    assert set(reportclean.CODES) == set(_pipeline._OWN_CODES) | set(_declared("codes"))


def test_every_declared_rule_id_is_documented_under_its_step_and_every_documented_one_declared() -> None:
    assert _mismatches(_declared("rules"), catalogue().rules) == [], "docs/rules.md and Step.rules disagree"


def test_the_check_notices_an_undocumented_rule_a_stray_entry_and_a_wrong_step() -> None:
    documented = {"a": Entry("a", "removal", "width", ""), "b": Entry("b", "change", "layout", "")}
    assert _mismatches({"a": {"width"}, "b": {"layout"}}, documented) == []
    assert _mismatches({"a": {"width"}, "b": {"width"}, "c": {"nfc"}}, documented) == [
        "b: documented under 'layout', declared by ['width']",
        "c: declared by ['nfc'], not documented",
    ]
    assert _mismatches({"a": {"width"}}, documented) == ["b: documented under 'layout', declared by no step"]


@pytest.mark.parametrize("attr", ["codes", "rules"])
def test_declarations_hold_no_duplicates_within_a_step(attr: str) -> None:
    for step in _pipeline.REGISTRY.values():
        names = list(getattr(step, attr))
        assert len(names) == len(set(names)), step.name


def test_every_step_has_a_heading_in_warnings_rules_and_architecture() -> None:
    warnings = (DOCS / "warnings.md").read_text(encoding="utf-8")
    arch = (DOCS / "architecture.md").read_text(encoding="utf-8")
    rules = (DOCS / "rules.md").read_text(encoding="utf-8")
    for name, step in _pipeline.REGISTRY.items():
        if step.codes:  # a step that declares no code may have no section
            assert f"\n## {name}\n" in warnings, name
        if step.rules:
            assert f"\n## {name}\n" in rules, name
        assert f"| `{name}` |" in arch, name


def test_every_rule_id_used_is_documented() -> None:
    documented = set(catalogue().rules)
    fixtures = sorted((DOCS.parent / "fixtures").rglob("*.txt"))
    seen = set()
    for f in fixtures:
        r = reportclean.clean(f.read_bytes())
        seen.update(x.rule for x in r.removed)
        seen.update(x.rule for x in r.changes)
    missing = seen - documented
    assert not missing, (
        "add an entry with an example to docs/rules.md, headed ### `rule-id` (removal) or (change), "
        f"for: {sorted(missing)}"
    )
