"""ftfy's own test cases through reportclean.clean(): do we repair what ftfy repairs?

ftfy's repository keeps its cases in ``tests/test-cases/*.json`` (``in-the-wild``,
``synthetic``, ``negative``, …): each has an ``original`` and what ``ftfy.fix_text``
makes of it (``fixed``; ``fixed-encoding`` when only the encoding fix differs, e.g.
ftfy also straightens curly quotes, which reportclean does not). A case passes when
``clean(original).text`` equals ``clean(fixed).text``, or ``clean(fixed-encoding).text``
where the case has one: our own typography applies to both sides, so only the repair is
compared. The ``vs fixed`` column compares with ``clean(fixed)`` alone.

Run: ``python benchmarks/ftfy_cases.py /path/to/python-ftfy/tests/test-cases [--failures]``
(every ``*.json`` there, or name files). ftfy's files are third-party: keep them outside
this repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import ftfy  # noqa: E402

import reportclean  # noqa: E402


def run(path: Path) -> tuple[int, int, int, int, list[tuple[str, str, str]]]:
    """(cases, passed, passed against ``fixed`` alone, passed by ftfy, failures as (label, ours, expected))."""
    cases = json.loads(path.read_text(encoding="utf-8"))
    ours = strict = theirs = 0
    failures = []
    for case in cases:
        got = reportclean.clean(case["original"]).text
        targets = [case["fixed"], *([case["fixed-encoding"]] if "fixed-encoding" in case else [])]
        expected = [reportclean.clean(t).text for t in targets]
        strict += got == expected[0]
        if got in expected:
            ours += 1
        else:
            failures.append((case["label"], got, expected[-1]))
        theirs += ftfy.fix_text(case["original"]) == case["fixed"]
    return len(cases), ours, strict, theirs, failures


def main(argv: list[str]) -> int:
    args = [Path(a) for a in argv if not a.startswith("--")]
    if len(args) == 1 and args[0].is_dir():
        files = sorted(args[0].glob("*.json"))
    else:
        files = args
    if not files or not all(f.is_file() for f in files):
        print("usage: python benchmarks/ftfy_cases.py /path/to/python-ftfy/tests/test-cases [file.json …] [--failures]")
        return 2
    print(f"{'file':24} {'cases':>5} {'clean()':>8} {'vs fixed':>8} {'ftfy':>5}")
    for f in files:
        n, ours, strict, theirs, failures = run(f)
        print(f"{f.stem:24} {n:>5} {ours:>8} {strict:>8} {theirs:>5}")
        if "--failures" in argv:
            for label, got, want in failures:
                print(f"    {label}\n      got:  {got[:150]!r}\n      want: {want[:150]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
