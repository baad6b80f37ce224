"""The docs cover what the code can do: every warning code and step has an entry.

Codes and rule ids are read with the same parser that ``reportclean explain`` and the review
page use (``reportclean._explain``, on package data that is docs/warnings.md and docs/rules.md).
"""

from __future__ import annotations

from pathlib import Path

import reportclean
from reportclean._explain import catalogue

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_warning_code_is_documented() -> None:
    documented = set(catalogue().codes)
    missing = set(reportclean.CODES) - documented
    assert not missing, f"add an entry with an example to docs/warnings.md for: {sorted(missing)}"


def test_every_step_has_a_heading_in_warnings_and_architecture() -> None:
    warnings = (DOCS / "warnings.md").read_text(encoding="utf-8")
    arch = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for name in reportclean.STEP_NAMES:
        if name in ("nfc", "controls", "newlines", "whitespace"):
            continue  # these raise no warnings
        assert f"\n## {name}\n" in warnings, name
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
