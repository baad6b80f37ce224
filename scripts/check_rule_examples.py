"""List the examples of docs/rules.md that ``reportclean.clean`` does not reproduce as written.

    python scripts/check_rule_examples.py

A thin wrapper: the checks, and the conventions of the examples (several lines, control
characters, options, fragments), are those of ``tests/test_rule_examples.py``, which the test
suite runs. Prints one line per example that drifted; exit code 1 when something is listed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from test_rule_examples import EXAMPLES, problem  # noqa: E402


def main() -> int:
    misses = 0
    for example in EXAMPLES:
        found = problem(example)
        if found:
            misses += 1
            print(f"{example}: {found}")
    print(f"{misses} of {len(EXAMPLES)} examples not reproduced as written", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
