"""Numbers side by side: cn2an.transform and reportclean on the in-the-wild fixtures.

    python benchmarks/bench_numbers.py            # ~2 MB of report text
    python benchmarks/bench_numbers.py --mb 10    # ~10 MB

Reports, in one run on the same text (absolute speeds drift between runs; read the ratios):

- speed (best CPU time of a few runs) of ``cn2an.transform(text, "cn2an")``, of the whole
  reportclean pipeline and of its ``numerals`` and ``quantities`` steps alone, and the share
  of the pipeline's time spent finding quantities (target: under a third);
- how many protected expressions (``data/protected.tsv``) each one alters, alone and in a sentence,
  and how many occurrences of them in the fixtures survive.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import cn2an  # noqa: E402

import reportclean  # noqa: E402
from reportclean._edits import Context  # noqa: E402
from reportclean._lexicon import package_lexicon  # noqa: E402
from reportclean._numerals import numerals  # noqa: E402
from reportclean._quantities import quantities  # noqa: E402

FIXTURES = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))


def cn2an_transform(text: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return str(cn2an.transform(text, "cn2an"))
        except Exception:  # cn2an raises on some inputs; count it as unchanged
            return text


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The best CPU time of ``repeat`` runs (CPU time: the machine is shared, wall time is noise)."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of the corpus in MB of UTF-8 (default 2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept (default 3)")
    args = ap.parse_args(argv)

    docs = [p.read_bytes().decode("utf-8") for p in FIXTURES]
    size = sum(len(d.encode()) for d in docs)
    corpus = docs * max(1, round(args.mb * 1e6 / size))
    mb = sum(len(d.encode()) for d in corpus) / 1e6
    # the input the numerals and quantities steps see inside the pipeline
    before = reportclean.Config(numerals=False, quantities=False, placeholders=False, checks=False)
    staged = [reportclean.clean(d, before).text for d in docs] * (len(corpus) // len(docs))
    after_numerals = [reportclean.clean(d, reportclean.Config(quantities=False, placeholders=False,
                                                               checks=False)).text for d in docs]  # fmt: skip
    after_numerals *= len(corpus) // len(docs)
    ctx = Context()

    cleaner = reportclean.Cleaner()
    rows = [
        ("cn2an.transform", best_of(lambda: [cn2an_transform(d) for d in corpus], 1)),
        ("reportclean pipeline", best_of(lambda: [cleaner.clean(d) for d in corpus], args.repeat)),
        ("step numerals", best_of(lambda: [numerals(d, ctx) for d in staged], args.repeat)),
        ("step quantities", best_of(lambda: [quantities(d, ctx) for d in after_numerals], args.repeat)),
    ]
    pipeline = rows[1][1]
    print(f"corpus: {len(corpus)} documents, {mb:.2f} MB (the {len(docs)} fixtures repeated)\n")
    print(f"| {'what':<22} | {'seconds':>8} | {'MB/s':>7} | {'× cn2an':>8} | {'share of pipeline':>17} |")
    print(f"|{'-' * 24}|{'-' * 10}:|{'-' * 8}:|{'-' * 9}:|{'-' * 18}:|")
    for name, t in rows:
        share = f"{t / pipeline:.0%}" if name.startswith("step") else ""
        print(f"| {name:<22} | {t:>8.3f} | {mb / t:>7.1f} | {rows[0][1] / t:>8.1f} | {share:>17} |")

    # -- protected expressions ---------------------------------------------------------------
    protected = package_lexicon("protected.tsv").column("expression")
    broken = {"cn2an.transform": 0, "reportclean": 0}
    broken_in_sentence = {"cn2an.transform": 0, "reportclean": 0}
    examples: list[str] = []
    for p in protected:
        s = f"坚持{p}，共3个"
        c = cn2an_transform(p)
        broken["cn2an.transform"] += c != p
        broken["reportclean"] += reportclean.clean(p).text != p
        broken_in_sentence["cn2an.transform"] += p not in cn2an_transform(s)
        broken_in_sentence["reportclean"] += p not in reportclean.clean(s).text
        if c != p and len(examples) < 8:
            examples.append(f"{p}→{c}")
    occurrences = {"input": 0, "cn2an.transform": 0, "reportclean": 0}
    for d in docs:
        outs = {"input": d, "cn2an.transform": cn2an_transform(d), "reportclean": reportclean.clean(d).text}
        for key, text in outs.items():
            occurrences[key] += sum(text.count(p) for p in protected if len(p) >= 2)
    print(f"\nprotected expressions: {len(protected)} entries")
    head = ("entries altered", "altered in a sentence", "occurrences kept in fixtures")
    print(f"| {'what':<16} | {head[0]:>15} | {head[1]:>21} | {head[2]:>28} |")
    print(f"|{'-' * 18}|{'-' * 16}:|{'-' * 22}:|{'-' * 29}:|")
    for key in ("cn2an.transform", "reportclean"):
        kept = f"{occurrences[key]}/{occurrences['input']}"
        print(f"| {key:<16} | {broken[key]:>15} | {broken_in_sentence[key]:>21} | {kept:>28} |")
    print("\ncn2an examples: " + ", ".join(examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
