"""List the examples of docs/rules.md that ``reportclean.clean`` does not reproduce as written.

    python scripts/check_rule_examples.py

Each ``Example: `INPUT` → `OUTPUT` `` under a ``### `rule-id` `` heading is cleaned with the
default Config. A line is printed when the output differs or the rule does not fire. Not a
test: many examples are fragments that need their context (a page break, a config option,
a neighbouring line) to show the rule, so a miss is a prompt to read the entry, not
necessarily a bug. Exit code 1 when something is listed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402

EXAMPLE = re.compile(r"`([^`]+)` → `([^`]*)`")


def unescape(s: str) -> str:
    """The doc writes control characters as Python escapes (``\\u200b``, ``\\n``)."""
    return s.encode("raw_unicode_escape").decode("unicode_escape") if "\\" in s else s


def main() -> int:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    misses = total = 0
    for section in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        head = re.match(r"`([a-z0-9-]+)`", section)
        if head is None:
            continue
        rule = head.group(1)
        for before, after in EXAMPLE.findall(section):
            total += 1
            r = reportclean.clean(unescape(before))
            fired = rule in {x.rule for x in r.removed} | {x.rule for x in r.changes}
            want = unescape(after)
            if r.text not in (want, want.rstrip("\n")) or not fired:
                misses += 1
                note = "" if fired else "; rule not fired"
                print(f"{rule}: {before!r} gives {r.text!r}, the doc shows {want!r}{note}")
    print(f"{misses} of {total} examples not reproduced as written", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
