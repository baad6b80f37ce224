"""What each strategy of reportclean.testing shrinks to: its docstring and docs/testing.md say so.

max_sections=1 keeps shrinking quick; it does not change the smallest example.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import HealthCheck, find, settings
from hypothesis import strategies as st

from reportclean.testing import NOISE_KINDS, dirty_reports, numerals, report_texts

T = TypeVar("T")
SETTINGS = settings(database=None, max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))

#: title, then 一、heading, then one sentence with no digit in it
SMALLEST = re.compile(r"[^\n]+工作总结(?:和\d+年工作计划)?\n+一、[^\n]+\n+[^\n\d]+。")


def smallest(strategy: st.SearchStrategy[T], condition: Any = lambda x: True) -> T:
    return find(strategy, condition, settings=SETTINGS)


def test_numerals_shrink_to_zero() -> None:
    assert smallest(numerals()) == ("零", Decimal(0))
    assert smallest(numerals(forms=["arabic", "chinese"])) == ("0", Decimal(0))
    assert smallest(numerals(forms=["chinese", "arabic"])) == ("零", Decimal(0))


def test_report_texts_shrink_to_one_heading_and_one_sentence() -> None:
    canonical = smallest(report_texts(canonical=True, max_sections=1))
    assert SMALLEST.fullmatch(canonical), canonical
    assert "，" in canonical and "," not in canonical
    loose = smallest(report_texts(max_sections=1))
    assert SMALLEST.fullmatch(loose), loose
    assert loose == canonical.replace("，", ","), (loose, canonical)


def test_dirty_reports_shrink_to_the_first_kind_applied_once() -> None:
    case = smallest(dirty_reports(max_sections=1))
    assert case.kinds == (NOISE_KINDS[0],) == ("encoding",)
    assert isinstance(case.data, bytes) and SMALLEST.fullmatch(case.clean_text)
    later = smallest(dirty_reports(kinds=["footer", "watermark"], max_kinds=2, max_sections=1))
    assert later.kinds == ("watermark",), later  # watermark comes before footer in NOISE_KINDS
