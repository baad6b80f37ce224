"""Growth of cleaning time on hostile input: a catastrophic regex or loop shows here.

For each family of adversarial text (10^5-10^6 repetitions of one pattern, one
giant line, many short lines …) the text is cleaned at sizes doubling up to
1 MB of UTF-8, and the growth exponent time(2n)/time(n) is printed per
doubling. Linear code gives about 2.0; every family must stay at or below 2.3
(quadratic code gives 4). ftfy.fix_text is timed on the same input in the same
run as a reference column.

    python benchmarks/bench_adversarial.py                 # all families, up to 1 MB
    python benchmarks/bench_adversarial.py --max-mb 0.25   # quicker
    python benchmarks/bench_adversarial.py --family X个 --no-peers

Exits 1 if a family's largest ratio (at the top size) exceeds 2.3. Times are the
minimum of ``--repeat`` runs; the machine is shared, so re-run a family that
fails once before believing it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import reportclean

LIMIT = 2.3

_SENTENCE = "2020年，街道共开展专题学习12次，走访慰问困难群众144户，完成固定资产投资12.62亿元，同比增长8.5%。"


#: Each family is one unit of text, repeated (10^5 times, or up to 1 MB).
FAMILIES: dict[str, str] = {
    "X": "X",
    "一": "一",
    "，": "，",
    "digits": "1234567890",
    "spaces": " ",
    "X个": "X个",
    "第一": "第一",
    "锟斤拷": "锟斤拷",
    "万元": "万元",
    "one giant line": _SENTENCE,
    "many short lines": "一\n",
    "lone numbers": "3\n",
    "page numbers": "- 3 -\n",
    "blank lines": "\n",
    "fullwidth digits": "１２３",
    "U+3000": "\u3000",
    "spaced hanzi": "街 ",
    "digit space hanzi": "1 年 ",
    "digit comma": "1,",
    "dots": "1.",
    "ranges": "1-",
    "ASCII punct": "稳,",
    "Chinese numerals": "一百二十三万",
    "X月X日": "X月X日",
    "××": "×",
    "□": "□",
    "*": "*",
    "#": "#",
    "（一）": "（一）",
    "一是": "一是",
    "其中": "其中1件，",
    "百分之": "百分之",
    "U+FFFD": "\ufffd",
    "mojibake GBK": "宸ヤ綔鎬荤粨",
    "mojibake latin-1": "å·¥ä½\x9cæ\x80»ç»\x93",
    "watermark words": "仅供学习禁止外传",
    "footer words": "ICP备公网安备",
    "Latin words": "IPv6 5G ",
    "m²": "1m²",
}


def build(family: str, size: int) -> str:
    """A text of the family of about ``size`` UTF-8 bytes."""
    unit = FAMILIES[family]
    return unit * max(1, size // len(unit.encode("utf-8")))


def timings(fn: Callable[[str], object], texts: list[str], repeat: int, stop_above: float = 30.0) -> list[float]:
    """The best CPU time of ``fn`` on each text, runs interleaved so that load on the machine hits all sizes alike.

    CPU time (``time.process_time``), not wall time: the machine is shared, and
    time spent waiting for a core says nothing about the algorithm.

    Stops (leaving later sizes out) when one run takes more than ``stop_above`` seconds.
    """
    best = [float("inf")] * len(texts)
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            for k, text in enumerate(texts):
                t0 = time.process_time()
                fn(text)
                best[k] = min(best[k], time.process_time() - t0)
                if best[k] > stop_above:
                    return best[: k + 1]
    finally:
        if gc_was_on:
            gc.enable()
    return best


def ratios(times: list[float]) -> list[float]:
    """time(2n)/time(n) for consecutive sizes that double."""
    return [b / a if a > 0 else 1.0 for a, b in itertools.pairwise(times)]


def fitted_ratio(times: list[float]) -> float:
    """2 to the power of the least-squares slope of log2(time) over log2(size): the growth per doubling."""
    ys = [math.log2(max(t, 1e-9)) for t in times]
    xs = list(range(len(ys)))
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return float(2**slope)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-mb", type=float, default=1.0)
    parser.add_argument("--steps", type=int, default=4, help="doublings up to the top size")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES))
    parser.add_argument("--no-peers", action="store_true", help="skip the ftfy reference column")
    args = parser.parse_args(argv)
    top = int(args.max_mb * 2**20)
    sizes = [top >> k for k in range(args.steps, -1, -1)]
    fix_text: Callable[[str], object] | None = None
    if not args.no_peers:
        import ftfy

        fix_text = ftfy.fix_text
    cleaner = reportclean.Cleaner()
    families = args.family or list(FAMILIES)
    print(f"sizes: {', '.join(f'{s / 2**20:.3g} MB' for s in sizes)}; ratio = time(2n)/time(n); limit {LIMIT}")
    print("fitted = 2**slope of log time over log size, the figure checked against the limit")
    print(f"{'family':<18} {'reportclean per doubling':<26} {'fitted':>6} {'ms@top':>8} {'MB/s':>6}  ftfy fitted")
    failed = []
    for family in families:
        texts = [build(family, size) for size in sizes]
        times = timings(cleaner.clean, texts, args.repeat)
        fitted = fitted_ratio(times) if len(times) == len(texts) else float("inf")
        peer = ""
        if fix_text is not None:
            peer = f"{fitted_ratio(timings(fix_text, texts, 1)):.2f}"
        flag = "" if fitted <= LIMIT else "  <-- super-linear"
        per = " ".join(f"{r:.2f}" for r in ratios(times))
        speed = sizes[len(times) - 1] / 2**20 / max(times[-1], 1e-9)
        print(f"{family:<18} {per:<26} {fitted:>6.2f} {times[-1] * 1000:>8.1f} {speed:>6.1f}  {peer}{flag}")
        if fitted > LIMIT:
            failed.append(family)
    if failed:
        print(f"FAILED (fitted growth per doubling above {LIMIT}): {', '.join(failed)}")
        return 1
    print(f"all {len(families)} families at or below {LIMIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
