"""Speed of the placeholders and checks steps, side by side with ftfy.fix_text in one run.

    python benchmarks/bench_placeholders_checks.py

Each step runs alone on the five seeds, document by document, repeated to about 10 MB
(as a batch would run), and on the same 10 MB as one string. Absolute figures drift
30-40 % between runs on a shared machine: compare the ratios.
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import ftfy  # noqa: E402

from reportclean._checks import checks  # noqa: E402
from reportclean._edits import Context  # noqa: E402
from reportclean._placeholders import placeholders  # noqa: E402

SEEDS = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))


def main() -> None:
    docs = [p.read_text(encoding="utf-8") for p in SEEDS]
    size = sum(len(d.encode()) for d in docs)
    batch = docs * max(1, 10_000_000 // size)
    mb = sum(len(d.encode()) for d in batch) / 1e6
    one = "\n".join(batch)
    ctx = Context()
    plain = [d for d in batch if "X街道" not in d]  # without seed 003, a template full of placeholders
    mb_plain = sum(len(d.encode()) for d in plain) / 1e6
    sample = docs * 4  # ftfy is slow: time it on a sample, scale to MB/s
    mb_sample = sum(len(d.encode()) for d in sample) / 1e6
    ftfy_s = min(timeit.repeat(lambda: [ftfy.fix_text(d) for d in sample], number=1, repeat=3))
    ftfy_rate = mb_sample / ftfy_s
    print(f"ftfy.fix_text: {ftfy_rate:.1f} MB/s (1.0x)")
    for name, fn in (("placeholders", placeholders), ("checks", checks)):
        per_doc = min(timeit.repeat(lambda fn=fn: [fn(d, ctx) for d in batch], number=1, repeat=3))
        whole = min(timeit.repeat(lambda fn=fn: fn(one, ctx), number=1, repeat=3))
        per_plain = min(timeit.repeat(lambda fn=fn: [fn(d, ctx) for d in plain], number=1, repeat=3))
        print(
            f"{name}: {mb / per_doc:.0f} MB/s per document ({mb / per_doc / ftfy_rate:.0f}x ftfy), "
            f"{mb_plain / per_plain:.0f} MB/s without seed 003 ({mb_plain / per_plain / ftfy_rate:.0f}x), "
            f"{mb / whole:.0f} MB/s as one {mb:.0f} MB string"
        )


if __name__ == "__main__":
    main()
