"""The speed paths change no output (issue 18): the harness of ``benchmarks/compare_outputs.py``.

Every input of that harness (the fixtures, 1,000 ``dirty_reports`` examples and 200
``report_texts`` examples, derandomised) is cleaned twice: by the pipeline as it runs, and
with its shortcuts switched off (every step run, whatever its ``Step.gate`` says). Everything
a user can read from the two results (text, warnings, removals, changes, quantities, encoding,
the offset map of every character) must be the same, byte for byte.

Comparing two versions of the package (before and after a refactor) is the harness's own job:
``python benchmarks/compare_outputs.py gen|run|diff`` (see its docstring).
"""

from __future__ import annotations

import base64
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from reportclean import Cleaner, Config

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("compare_outputs", ROOT / "benchmarks" / "compare_outputs.py")
assert _spec is not None and _spec.loader is not None
compare_outputs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_outputs)


@pytest.fixture(scope="module")
def inputs() -> list[dict[str, str]]:
    return compare_outputs.generate(1000, 200)  # type: ignore[no-any-return]


def _plain() -> Cleaner:
    cleaner = Cleaner(Config())
    cleaner._gates = False
    return cleaner


def _data(row: dict[str, str]) -> str | bytes:
    return base64.b64decode(row["bytes"]) if "bytes" in row else row["str"]


def test_the_harness_covers_the_fixtures_and_the_generated_reports(inputs: list[dict[str, str]]) -> None:
    ids = [row["id"] for row in inputs]
    fixtures = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").rglob("*.txt"))
    assert ids[: len(fixtures)] == fixtures
    assert sum(i.startswith("dirty-") for i in ids) == 1000
    assert sum(i.startswith("text-") for i in ids) == 200


def test_the_gates_change_no_output(inputs: list[dict[str, str]]) -> None:
    fast, plain = Cleaner(Config()), _plain()
    skipped = 0
    differ: list[str] = []
    for row in inputs:
        data = _data(row)
        a: dict[str, Any] = compare_outputs.describe(data, fast)
        b: dict[str, Any] = compare_outputs.describe(data, plain)
        if json.dumps(a, default=str) != json.dumps(b, default=str):
            differ.append(row["id"])
        text = data if isinstance(data, str) else a["text"]
        skipped += any(s.gate is not None and not s.gate(text) for _, _, s in fast._steps)
    assert differ == []
    assert skipped > len(inputs) // 2  # the comparison means something: most inputs skip a step


def test_the_plain_cleaner_runs_every_step(monkeypatch: pytest.MonkeyPatch) -> None:
    # the gated steps are called by the plain cleaner even when their gate is closed
    called: list[str] = []
    plain = _plain()
    plain._steps = tuple(
        (name, (lambda t, c, fn=fn, name=name: called.append(name) or fn(t, c)), step)
        for name, fn, step in plain._steps
    )
    plain.clean("第一季度，增长5%。")
    gated = [name for name, _, step in plain._steps if step.gate is not None]
    assert gated and set(gated) <= set(called)
