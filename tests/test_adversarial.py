"""Hostile input: no regex or loop of the pipeline may be super-linear.

For every adversarial family (10^5 repetitions of ``X``, ``一``, ``，``, digits,
spaces, ``X个``, ``第一``, ``锟斤拷``, ``万元``, one giant line, many short lines,
and more: see ``benchmarks/bench_adversarial.py``), the CPU time of cleaning
n and 4n repetitions is compared. Linear code gives a ratio near 4, quadratic
code 16; the bound is a generous 10, so a shared machine does not make it
flaky, and nothing here asserts an absolute speed. Under 20 ms of CPU a
measurement is too coarse to judge and passes: no catastrophic case is that fast
at 10^5 repetitions.

The growth exponent per doubling up to 1 MB is the benchmark's job:
``python benchmarks/bench_adversarial.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import reportclean

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_adversarial", ROOT / "benchmarks" / "bench_adversarial.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

FACTOR = 10.0  # time(4n)/time(n): 4 when linear, 16 when quadratic
FLOOR = 0.02  # seconds of CPU below which a ratio is noise
MAX_CHARS = 300_000  # the largest text per family; 10^5 repetitions of a short unit
CLEANER = reportclean.Cleaner()


def test_the_issue_families_are_all_there() -> None:
    units = set(bench.FAMILIES.values())
    for unit in ("X", "一", "，", " ", "X个", "第一", "锟斤拷", "万元", "一\n"):
        assert unit in units
    assert "one giant line" in bench.FAMILIES and "\n" not in bench.FAMILIES["one giant line"]


@pytest.mark.parametrize("family", sorted(bench.FAMILIES))
def test_cleaning_time_grows_linearly(family: str) -> None:
    unit = bench.FAMILIES[family]
    top = min(10**5, MAX_CHARS // len(unit))
    texts = [unit * (top // 16), unit * (top // 4), unit * top]
    times = bench.timings(CLEANER.clean, texts, repeat=3, stop_above=20.0)
    assert len(times) == len(texts), f"{family}: one run took over 20 s of CPU at {len(texts[len(times) - 1])} chars"
    for k in range(1, len(texts)):
        small, large = times[k - 1], times[k]
        if large < FLOOR:
            continue
        ratio = large / max(small, 1e-6)
        assert ratio <= FACTOR, (
            f"{family}: {len(texts[k])} chars took {ratio:.1f} times as long as {len(texts[k - 1])} chars "
            f"({large * 1000:.0f} ms against {small * 1000:.0f} ms of CPU): something is super-linear"
        )


def test_the_growth_check_can_fail() -> None:
    """A deliberately quadratic function is caught by the same check."""

    def quadratic(text: str) -> None:
        for i in range(0, len(text), 10):
            text.count(text[i])  # a full scan per step

    texts = ["X" * 4000, "X" * 16000]
    small, large = bench.timings(quadratic, texts, repeat=3)
    assert large / small > FACTOR
