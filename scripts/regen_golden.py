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
from reportclean._outline_cli import format_outline  # noqa: E402

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
        # each quantity's section is golden in the .outline.txt file's sections (kept out of
        # here so that a change of the outline does not rewrite every quantity)
        "quantities": [{k: v for k, v in q.items() if k != "section"} for q in data["quantities"]],
        "changes_by_rule": dict(sorted(Counter(c.rule for c in result.changes).items())),
    }
    return {
        f"{path.stem}.clean.txt": result.text + "\n",
        f"{path.stem}.json": json.dumps(summary, ensure_ascii=False, indent=1) + "\n",
        f"{path.stem}.outline.txt": _outline(result),
    }


def _outline(result: reportclean.CleanResult) -> str:
    """The outline tree (``reportclean outline``), then each section's span, parent and the
    quantities it holds: read by eye, it shows where the review ends and the plan starts."""
    lines = [format_outline(result), "", "sections (index, kind, span, parent, quantities):"]
    held: dict[int | None, int] = Counter(q.section for q in result.quantities)
    for i, s in enumerate(result.sections):
        lines.append(f"{i}\t{s.kind}\t{s.span[0]}-{s.span[1]}\t{s.parent}\t{held.get(i, 0)}")
    lines.append(f"before the first heading\t{held.get(None, 0)}")
    return "\n".join(lines) + "\n"


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
