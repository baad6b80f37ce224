"""Bounded fuzzing of clean(): random bytes and hypothesis texts never raise.

Every run cleans a few hundred inputs (``benchmarks/fuzz_clean.py``); the
10,000 + 10,000 run is selected with ``python -m pytest -m fuzz``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pytest
from conftest import examples

from reportclean import Cleaner, CleanResult, QualityWarning

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("fuzz_clean", ROOT / "benchmarks" / "fuzz_clean.py")
assert _spec and _spec.loader
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)


def test_random_bytes_clean_without_an_exception() -> None:
    fuzz.run_bytes(examples(300))


def test_hypothesis_texts_clean_without_an_exception() -> None:
    fuzz.run_texts(examples(150))


def test_the_fuzz_check_catches_a_swallowed_exception_and_an_unfaithful_result(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Cleaner()

    class Failing:
        def clean(self, data: str | bytes) -> CleanResult:
            r = real.clean(data)
            boom = QualityWarning("step-failed", "error", "step 'width' failed (KeyError: 1)", (0, 0), (0, 0), "width")
            return dataclasses.replace(r, warnings=[boom])

    class Inventing:
        def clean(self, data: str | bytes) -> CleanResult:
            r = real.clean(data)
            return dataclasses.replace(r, text=r.text + "附件")

    fuzz.check("共开展学习4次。")
    monkeypatch.setattr(fuzz, "_CLEANER", Failing())
    with pytest.raises(AssertionError, match="a step raised"):
        fuzz.check("共开展学习4次。")
    monkeypatch.setattr(fuzz, "_CLEANER", Inventing())
    with pytest.raises(AssertionError, match="comes from no input"):
        fuzz.check("共开展学习4次。")


@pytest.mark.fuzz
def test_ten_thousand_random_byte_strings() -> None:
    fuzz.run_bytes(10_000)


@pytest.mark.fuzz
def test_ten_thousand_hypothesis_texts() -> None:
    fuzz.run_texts(10_000)
