"""The docs cover what the code can do: every warning code and step has an entry."""

from __future__ import annotations

import re
from pathlib import Path

import reportclean

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_every_warning_code_is_documented() -> None:
    text = (DOCS / "warnings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z0-9-]+)`", text, re.MULTILINE))
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
    rules = (DOCS / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z0-9-]+)`", rules, re.MULTILINE))
    fixtures = sorted((DOCS.parent / "fixtures").rglob("*.txt"))
    seen = set()
    for f in fixtures:
        r = reportclean.clean(f.read_bytes())
        seen.update(x.rule for x in r.removed)
        seen.update(x.rule for x in r.changes)
    missing = seen - documented
    assert not missing, f"add an entry with an example to docs/rules.md for: {sorted(missing)}"
