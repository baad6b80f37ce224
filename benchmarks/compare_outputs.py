"""Check that a refactor or a speed change leaves every output byte-identical.

Three commands:

``gen INPUTS.jsonl``
    Write the inputs once: the fixtures, 1,000 ``dirty_reports()`` examples and
    200 ``report_texts()`` examples (derandomised, so the same on every machine).
    Generate them with one version and keep the file: the strategies themselves
    may change between the two versions compared.
``run INPUTS.jsonl OUT.jsonl``
    Clean every input with the ``reportclean`` on the path and write one line per
    input: the text, warnings, removals, changes, quantities, encoding and the
    offset map (``to_original`` of every clean offset, hashed).
``diff A.jsonl B.jsonl``
    Compare two runs; print the first differences and exit 1 if any.

Typical use::

    PYTHONPATH=src python benchmarks/compare_outputs.py gen /tmp/inputs.jsonl
    git stash; PYTHONPATH=src python benchmarks/compare_outputs.py run /tmp/inputs.jsonl /tmp/before.jsonl
    git stash pop; PYTHONPATH=src python benchmarks/compare_outputs.py run /tmp/inputs.jsonl /tmp/after.jsonl
    python benchmarks/compare_outputs.py diff /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def generate(n_dirty: int = 1000, n_texts: int = 200) -> list[dict[str, str]]:
    """The inputs: fixtures first, then generated reports (derandomised)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from reportclean.testing import dirty_reports, report_texts

    out: list[dict[str, str]] = []
    for path in sorted((ROOT / "fixtures").rglob("*.txt")):
        out.append({"id": str(path.relative_to(ROOT)), "bytes": base64.b64encode(path.read_bytes()).decode()})

    def collect(strategy: st.SearchStrategy[Any], n: int, name: str) -> None:
        found: list[Any] = []

        @settings(max_examples=n, derandomize=True, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(strategy)
        def run(x: Any) -> None:
            found.append(x)

        run()
        for k, x in enumerate(found):
            key = "bytes" if isinstance(x, bytes) else "str"
            out.append({"id": f"{name}-{k}", key: base64.b64encode(x).decode() if isinstance(x, bytes) else x})

    collect(dirty_reports(max_kinds=3).map(lambda c: c.data), n_dirty, "dirty")
    collect(report_texts(), n_texts, "text")
    return out


def describe(data: str | bytes, cleaner: Any = None) -> dict[str, Any]:
    """Everything a user can read from ``clean(data)`` (or ``cleaner.clean(data)``), as plain data."""
    import reportclean

    r = reportclean.clean(data) if cleaner is None else cleaner.clean(data)
    d = r.to_dict()
    # a result pickled before anything was read (as clean_many's workers send it) reads the same
    fresh = reportclean.clean(data) if cleaner is None else cleaner.clean(data)
    d["pickled_reads_the_same"] = pickle.loads(pickle.dumps(fresh)).to_dict() == d
    offsets = [r.to_original(i, i + 1) for i in range(len(r.text))]
    d["alignment"] = hashlib.sha256(json.dumps(offsets).encode()).hexdigest()
    d["original_spans"] = {
        "warnings": [w.original_span for w in r.warnings],
        "removed": [x.original_span for x in r.removed],
        "changes": [(c.original_span, c.span) for c in r.changes],
        "quantities": [q.original_span for q in r.quantities],
    }
    return d


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gen", help="write the inputs")
    g.add_argument("inputs", type=Path)
    g.add_argument("--dirty", type=int, default=1000)
    g.add_argument("--texts", type=int, default=200)
    r = sub.add_parser("run", help="clean the inputs, write the outputs")
    r.add_argument("inputs", type=Path)
    r.add_argument("out", type=Path)
    d = sub.add_parser("diff", help="compare two runs")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    args = parser.parse_args(argv)

    if args.command == "gen":
        rows = generate(args.dirty, args.texts)
        args.inputs.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows), encoding="utf-8")
        print(f"{len(rows)} inputs written to {args.inputs}")
        return 0
    if args.command == "run":
        with args.inputs.open(encoding="utf-8") as src, args.out.open("w", encoding="utf-8") as dst:
            for line in src:
                row = json.loads(line)
                data = base64.b64decode(row["bytes"]) if "bytes" in row else row["str"]
                dst.write(json.dumps({"id": row["id"], **describe(data)}, ensure_ascii=False, default=str) + "\n")
        return 0
    a = args.a.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 stays in a line
    b = args.b.read_text(encoding="utf-8").split("\n")
    if len(a) != len(b):
        print(f"different numbers of outputs: {len(a)} and {len(b)}")
        return 1
    differ = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            differ += 1
            if differ <= 5:
                dx, dy = json.loads(x), json.loads(y)
                keys = [k for k in dx if dx[k] != dy.get(k)]
                print(f"{dx['id']}: differs in {keys}")
    print(f"{len(a)} outputs compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
