"""Speed of the normalisation steps (width, spacing, layout, script), side by side with ftfy.

    python benchmarks/normalise_perf.py            # ~10 MB, writes nothing, prints a Markdown report
    python benchmarks/normalise_perf.py --mb 2     # smaller corpus

Three measurements, in one run (absolute figures drift 30-40 % on the shared machine;
read the ratios):

1. Each of the four steps alone, on the text it sees in the pipeline (the output of the
   steps before it) for every in-the-wild fixture, repeated to ~10 MB; the step function
   plus ``Document.apply`` of its edits. MB/s of UTF-8 input.
2. ``ftfy.fix_text`` on the same ~10 MB of raw fixtures, and the whole pipeline
   (``reportclean.clean``) on it: ratios.
3. The share of the pipeline's time spent in the four steps, per step, timed inside the
   pipeline loop on the fixtures.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import ftfy  # noqa: E402

import reportclean  # noqa: E402
from reportclean._document import Document  # noqa: E402
from reportclean._edits import Context  # noqa: E402
from reportclean._pipeline import Cleaner  # noqa: E402

MINE = ("width", "spacing", "layout", "script")
FIXTURES = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def inputs_of_each_step(texts: list[str]) -> dict[str, list[str]]:
    """The text each step sees in the default pipeline, per fixture."""
    cleaner = Cleaner()
    seen: dict[str, list[str]] = {name: [] for name in MINE}
    for text in texts:
        doc = Document(text)
        for name, fn, _codes in cleaner._steps:
            if name in seen:
                seen[name].append(doc.text)
            proposal = fn(doc.text, Context(tuple(doc.quantities())))
            doc.apply(name, proposal.edits)
    return seen


def pipeline_share(texts: list[str], rounds: int) -> dict[str, tuple[float, float]]:
    """Seconds per step inside the pipeline loop: (step function, Document.apply), summed over rounds."""
    cleaner = Cleaner()
    spent: dict[str, list[float]] = {name: [0.0, 0.0] for name, _, _ in cleaner._steps}
    for _ in range(rounds):
        for text in texts:
            doc = Document(text)
            for name, fn, codes in cleaner._steps:
                t = time.perf_counter()
                context = Context(tuple(doc.quantities()))
                proposal = fn(doc.text, context)
                t1 = time.perf_counter()
                flags = [(f, f.severity or codes.get(f.code, "warning")) for f in proposal.flags]
                doc.apply(name, proposal.edits, flags, proposal.quantities)
                spent[name][0] += t1 - t
                spent[name][1] += time.perf_counter() - t1
    return {name: (a, b) for name, (a, b) in spent.items()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the repeated corpus in MB (default 10)")
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    raw = "\n".join(texts)
    reps = max(1, round(args.mb * 1e6 / len(raw.encode("utf-8"))))
    corpus = "\n".join([raw] * reps)
    mb = len(corpus.encode("utf-8")) / 1e6
    cleaner = Cleaner()
    steps = {name: fn for name, fn, _ in cleaner._steps}

    print(f"# Normalisation speed ({mb:.1f} MB: the {len(FIXTURES)} in-the-wild fixtures x {reps})\n")
    t_ftfy = best_of(lambda: ftfy.fix_text(corpus), repeat=1)
    t_clean = best_of(lambda: reportclean.clean(corpus), repeat=1)
    print("| what | seconds | MB/s | × faster than ftfy.fix_text |")
    print("|---|---|---|---|")
    print(f"| ftfy.fix_text | {t_ftfy:.2f} | {mb / t_ftfy:.1f} | 1.0 |")
    print(f"| reportclean.clean (whole pipeline) | {t_clean:.2f} | {mb / t_clean:.1f} | {t_ftfy / t_clean:.1f} |")
    seen = inputs_of_each_step(texts)
    total_mine = 0.0
    for name in MINE:
        big = "\n".join(["\n".join(seen[name])] * reps)
        fn = steps[name]

        def run(big: str = big, fn: Callable[[str, Context], reportclean._edits.Proposal] = fn) -> None:
            Document(big).apply("bench", fn(big, Context()).edits)

        t = best_of(run, repeat=1)
        total_mine += t
        print(f"| step `{name}` alone | {t:.2f} | {mb / t:.1f} | {t_ftfy / t:.1f} |")
    print(f"| the four steps together | {total_mine:.2f} | {mb / total_mine:.1f} | {t_ftfy / total_mine:.1f} |")

    spent = pipeline_share(texts, rounds=max(1, reps // 10))
    whole = sum(a + b for a, b in spent.values())
    mine = sum(sum(spent[n]) for n in MINE)
    print("\n| step | share of pipeline time | of which the step function | of which Document.apply |")
    print("|---|---|---|---|")
    for name, (a, b) in spent.items():
        print(f"| `{name}` | {100 * (a + b) / whole:.1f} % | {100 * a / whole:.1f} % | {100 * b / whole:.1f} % |")
    fn_mine = sum(spent[n][0] for n in MINE)
    print(f"| **width+spacing+layout+script** | **{100 * mine / whole:.1f} %** | {100 * fn_mine / whole:.1f} % "
          f"| {100 * (mine - fn_mine) / whole:.1f} % |")
    budget = t_ftfy / 3.5 / 3
    print(
        f"\nBudget: the pipeline must be ≥ 3.5× faster than ftfy ({t_ftfy / 3.5:.2f} s here) and these four steps "
        f"< 1/3 of it ({budget:.2f} s); they take {total_mine:.2f} s alone, "
        f"{100 * total_mine / (t_ftfy / 3.5):.0f} % of that pipeline budget."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
