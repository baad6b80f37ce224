"""Cost of the boilerplate step: linear in the size of the text, side by side with the peers.

    python benchmarks/bench_boilerplate.py            # 1, 2, 5, 10 MB
    python benchmarks/bench_boilerplate.py --quick    # 1, 2 MB

Two corpora, each repeated to 1, 2, 5 and 10 MB of UTF-8:

- ``seeds``: the five in-the-wild fixtures (report text; seeds 003 and 004 carry boilerplate);
- ``lines``: a page of report lines with a watermark, a site footer and a page number in it,
  repeated line by line (many marker hits and removals per MB: the step's worst ordinary case).

Measured in one run: the step alone (``boilerplate(text, Context())``), the step through the
pipeline with every other step off (edits applied by ``Document``), a CCNet-style line
de-duplication (digits to 0, hash, drop repeats: what peers do for boilerplate in flat text)
and ``ftfy.fix_text``, the reference of the pipeline's speed budget. Best of ``--repeat`` runs;
absolute figures drift 30-40 % on the shared machine, so read the ratios and the seconds per MB
across sizes (constant seconds per MB = linear cost).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402
from reportclean._boilerplate import boilerplate  # noqa: E402
from reportclean._edits import Context  # noqa: E402

try:
    import ftfy
except ImportError:  # pragma: no cover
    ftfy = None

SEEDS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt")))
PAGE = (
    "仅供学习 禁止外传 用后删除\n"
    "　　一是强化党建引领，全年开展党委中心组学习12次，专题研讨4次。\n"
    "　　二是做好就业服务，举办招聘会2场，提供就业岗位2600余个，达成求职意向380人。\n"
    "　　由街道党工委主办、社区党委承办的主题党日活动在新时代文明实践站举行。\n"
    "本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领\n"
    "　　三是完成门牌地址编码规范化工作，新增、更换门牌号1850块。\n"
    "\n- 3 -\n\n"
    "主办单位：XX区人民政府 承办单位：XX区政务服务数据管理局 网站地图 ICP备05003336号\n"
)
CONFIG = reportclean.Config(**{name: name == "boilerplate" for name in reportclean.STEP_NAMES})
_DIGITS = re.compile(r"\d")


def ccnet_dedup(text: str) -> str:
    """Drop every line whose digit-normalised hash was seen before (CCNet's paragraph dedup)."""
    seen: set[bytes] = set()
    out = []
    for line in text.split("\n"):
        key = hashlib.sha1(_DIGITS.sub("0", line.strip()).encode()).digest()
        if key in seen and line.strip():
            continue
        seen.add(key)
        out.append(line)
    return "\n".join(out)


def sized(unit: str, megabytes: float) -> str:
    size = len(unit.encode("utf-8"))
    return unit * max(1, round(megabytes * 1_000_000 / size))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="1 and 2 MB only")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = (1, 2) if args.quick else (1, 2, 5, 10)
    cleaner = reportclean.Cleaner(CONFIG)
    print("| corpus | MB | step s/MB | step MB/s | via pipeline MB/s | CCNet dedup MB/s | ftfy MB/s | step / ftfy |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, unit in (("seeds", SEEDS + "\n"), ("lines", PAGE)):
        for mb in sizes:
            text = sized(unit, mb)
            real = len(text.encode("utf-8")) / 1e6
            step = best(lambda text=text: boilerplate(text, Context()), args.repeat)
            piped = best(lambda text=text: cleaner.clean(text), args.repeat)
            dedup = best(lambda text=text: ccnet_dedup(text), args.repeat)
            if ftfy is not None:
                ref = best(lambda text=text: ftfy.fix_text(text), 1)
                ref_cells = f"{real / ref:.1f} | {ref / step:.1f}x"
            else:
                ref_cells = "n/a | n/a"
            print(
                f"| {name} | {real:.1f} | {step / real:.4f} | {real / step:.1f} | {real / piped:.1f} | "
                f"{real / dedup:.1f} | {ref_cells} |"
            )
    removed = len(cleaner.clean(sized(PAGE, 1)).removed)
    print(f"\n`lines` at 1 MB: {removed} removals.")


if __name__ == "__main__":
    main()
