"""Golden outputs of the in-the-wild fixtures (regenerate: scripts/regen_golden.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import reportclean

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "in-the-wild"
SEEDS = sorted(FIXTURES.glob("*.txt"))

_spec = importlib.util.spec_from_file_location("regen_golden", ROOT / "scripts" / "regen_golden.py")
assert _spec and _spec.loader
regen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regen)


def test_all_five_seeds_are_fixtures() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_golden(path: Path) -> None:
    for name, content in regen.golden(path).items():
        expected = (FIXTURES / "expected" / name).read_text(encoding="utf-8")
        assert content == expected, f"{name} differs: run scripts/regen_golden.py and read the diff"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_idempotent_on_fixture(path: Path) -> None:
    once = reportclean.clean(path.read_bytes()).text
    assert reportclean.clean(once).text == once


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_no_step_fails_on_fixture(path: Path) -> None:
    r = reportclean.clean(path.read_bytes())
    assert not [w for w in r.warnings if w.code == "step-failed"]
