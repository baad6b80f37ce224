"""Meta-tests: the suite notices when any one step stops working.

For each step, pytest runs the step's own tests (with the goldens and the
noise-kind probes) in a subprocess where ``REPORTCLEAN_BREAK_STEP`` turns that
step into a no-op (see ``conftest.py``). The run must fail: a regressed step is
a red suite, never a skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reportclean import STEP_NAMES

ROOT = Path(__file__).resolve().parent.parent

#: The test module that specifies each step's behaviour through ``clean()``.
STEP_TESTS = {
    "mojibake": "tests/test_mojibake.py",
    "nfc": "tests/test_basic.py",
    "controls": "tests/test_basic.py",
    "newlines": "tests/test_basic.py",
    "boilerplate": "tests/test_boilerplate.py",
    "width": "tests/test_width.py",
    "numerals": "tests/test_numerals.py",
    "spacing": "tests/test_spacing.py",
    "layout": "tests/test_layout.py",
    "script": "tests/test_script.py",
    "whitespace": "tests/test_basic.py",
    "quantities": "tests/test_quantities.py",
    "placeholders": "tests/test_placeholders.py",
    "checks": "tests/test_checks.py",
}


def _run_broken(step: str) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", STEP_TESTS[step]]
    env = {**os.environ, "REPORTCLEAN_BREAK_STEP": step}
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_every_step_has_tests_that_specify_it() -> None:
    assert tuple(STEP_TESTS) == STEP_NAMES
    for path in STEP_TESTS.values():
        assert (ROOT / path).is_file(), path


@pytest.fixture(scope="module")
def broken_runs() -> dict[str, subprocess.CompletedProcess[str]]:
    with ThreadPoolExecutor(max_workers=2) as pool:  # subprocesses: two at a time on two cores
        return dict(zip(STEP_NAMES, pool.map(_run_broken, STEP_NAMES), strict=True))


@pytest.mark.parametrize("step", STEP_NAMES)
def test_the_suite_fails_when_a_step_is_a_no_op(
    step: str, broken_runs: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    run = broken_runs[step]
    tail = (run.stdout + run.stderr)[-2000:]
    assert run.returncode == 1, f"with step {step!r} a no-op, {STEP_TESTS[step]} did not fail:\n{tail}"
    assert " failed" in run.stdout, tail
