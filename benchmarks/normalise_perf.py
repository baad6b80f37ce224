"""Speed of the normalisation steps (width, spacing, layout, script), side by side with ftfy.

    python benchmarks/normalise_perf.py                  # 2 MB per measurement, best of 5
    python benchmarks/normalise_perf.py --mb 10 --repeat 3

Prints a Markdown report. Absolute figures drift 30-40 % (and more) on the shared machine,
so every job runs in turn, interleaved, several times, and the best time of each is kept;
read the ratios.

1. ``ftfy.fix_text`` and ``reportclean.clean`` on the in-the-wild fixtures, document by
   document, repeated to the requested size.
2. Each of the four steps alone, on the text it sees in the pipeline (the output of the
   steps before it) for every fixture: the step function plus ``Document.apply`` of its
   edits on a fresh document. MB/s of UTF-8 input.
3. The share of the pipeline's time spent in each step, timed inside the pipeline loop,
   split into the step function and ``Document.apply`` (which also moves every earlier
   change, warning and segment through the step's edits).
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
    parser.add_argument("--mb", type=float, default=2.0, help="MB per measurement (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved repetitions; the best is kept")
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = max(1, round(args.mb * 1e6 / size))
    mb = rounds * size / 1e6
    cleaner = Cleaner()
    steps = {name: fn for name, fn, _ in cleaner._steps}
    seen = inputs_of_each_step(texts)

    def over_docs(fn: Callable[[str], object], docs: list[str]) -> Callable[[], None]:
        def run() -> None:
            for _ in range(rounds):
                for doc in docs:
                    fn(doc)

        return run

    def step_alone(name: str) -> Callable[[str], None]:
        fn = steps[name]
        return lambda doc: Document(doc).apply(name, fn(doc, Context()).edits)

    jobs: dict[str, Callable[[], None]] = {
        "ftfy.fix_text": over_docs(ftfy.fix_text, texts),
        "reportclean.clean (whole pipeline)": over_docs(reportclean.clean, texts),
        **{f"step `{name}` alone": over_docs(step_alone(name), seen[name]) for name in MINE},
    }
    best = {name: float("inf") for name in jobs}
    for _ in range(args.repeat):  # interleaved, so a burst of load on the shared machine hits all alike
        for name, job in jobs.items():
            t = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - t)
    t_ftfy = best["ftfy.fix_text"]
    print(f"# Normalisation speed ({mb:.1f} MB: the {len(FIXTURES)} in-the-wild fixtures x {rounds}, "
          f"best of {args.repeat} interleaved runs)\n")
    print("| what | seconds | MB/s | × faster than ftfy.fix_text |")
    print("|---|---|---|---|")
    for name, t in best.items():
        print(f"| {name} | {t:.2f} | {mb / t:.1f} | {t_ftfy / t:.1f} |")
    total_mine = sum(best[f"step `{name}` alone"] for name in MINE)
    print(f"| the four steps together | {total_mine:.2f} | {mb / total_mine:.1f} | {t_ftfy / total_mine:.1f} |")

    spent = pipeline_share(texts, rounds=rounds)
    whole = sum(a + b for a, b in spent.values())
    mine = sum(sum(spent[n]) for n in MINE)
    print("\n| step | share of pipeline time | of which the step function | of which Document.apply |")
    print("|---|---|---|---|")
    for name, (a, b) in spent.items():
        print(f"| `{name}` | {100 * (a + b) / whole:.1f} % | {100 * a / whole:.1f} % | {100 * b / whole:.1f} % |")
    fn_mine = sum(spent[n][0] for n in MINE)
    print(f"| **width+spacing+layout+script** | **{100 * mine / whole:.1f} %** | {100 * fn_mine / whole:.1f} % "
          f"| {100 * (mine - fn_mine) / whole:.1f} % |")
    budget = t_ftfy / 3.5
    print(
        f"\nBudget: a pipeline 3.5× faster than ftfy takes {budget:.2f} s here, a third of it {budget / 3:.2f} s; "
        f"the four steps take {total_mine:.2f} s, {100 * total_mine / budget:.0f} % of such a pipeline."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
