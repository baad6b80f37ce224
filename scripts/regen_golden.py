"""Regenerate the golden outputs of the in-the-wild fixtures.

    python scripts/regen_golden.py          # rewrite fixtures/in-the-wild/expected/
    python scripts/regen_golden.py --check  # exit 1 if any golden file is stale

Read every diff (git diff fixtures/) before committing: a golden file that
records whatever the code happens to do is worth nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402

FIXTURES = ROOT / "fixtures" / "in-the-wild"
EXPECTED = FIXTURES / "expected"


def golden(path: Path) -> dict[str, str]:
    """The golden files for one fixture: name -> content."""
    result = reportclean.clean(path.read_bytes())
    data = result.to_dict()
    summary = {
        "encoding": data["encoding"],
        "warnings": data["warnings"],
        "removed": data["removed"],
        "quantities": data["quantities"],
        "changes_by_rule": dict(sorted(Counter(c.rule for c in result.changes).items())),
    }
    return {
        f"{path.stem}.clean.txt": result.text + "\n",
        f"{path.stem}.json": json.dumps(summary, ensure_ascii=False, indent=1) + "\n",
    }


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    EXPECTED.mkdir(exist_ok=True)
    for path in sorted(FIXTURES.glob("*.txt")):
        for name, content in golden(path).items():
            target = EXPECTED / name
            if target.exists() and target.read_text(encoding="utf-8") == content:
                continue
            stale.append(name)
            if not check:
                target.write_text(content, encoding="utf-8")
    verb = "stale" if check else "rewritten"
    print(f"{len(stale)} golden file(s) {verb}" + (": " + ", ".join(stale) if stale else ""))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
