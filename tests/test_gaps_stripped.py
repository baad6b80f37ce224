"""Missing numbers in a template whose figures were all stripped (issue 14), in our own sentences.

A report copied from a template site sometimes comes with every figure cut out and nothing
left in its place. With enough such blanks in one document, the weaker forms are blanks too:
``年月日在…会议上``, ``突破万元``, ``，增长；``, ``调整为：，``, ``占…的以上``. Elsewhere the same words
are prose (``经济稳步增长。``) and must not be flagged.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean._checks import checks
from reportclean._edits import Context

# A made-up township report: each {} is a figure. Filled, it is a normal report; emptied, it is
# what a template site serves once its figures were stripped.
_REPORT = (
    "{}年{}月{}日在东溪乡第九届人民代表大会第二次会议上\n"
    "各位代表：\n"
    "{}年，是全乡发展很不平凡的一年。全乡完成地区生产总值{}亿元，增长{}%；"
    "税收收入突破{}万元，外来资金实际到位{}亿元，同比增长{}%。"
    "果蔬种植面积发展到{}万余亩，占全乡耕地的{}%以上，粮经比调整为{}：{}。"
    "特色产业有了新的增长，群众收入稳步增长。\n"
)
_FIGURES = ["2025", "3", "18", "2024", "6.8", "7.2", "1500", "2.3", "5.1", "1.2", "60", "4", "6"]


def _missing(text: str) -> list[str]:
    return [text[f.start : f.end] for f in checks(text, Context()).flags if f.code == "missing-number"]


def _stripped() -> str:
    return _REPORT.replace("{}%", "").replace("{}", "")  # (a percent sign goes with its figure)


def test_the_filled_report_has_no_blank() -> None:
    assert _missing(_REPORT.format(*_FIGURES)) == []


def test_a_stripped_template_shows_its_weaker_blanks() -> None:
    text = _stripped()
    found = _missing(text)
    starts = {f.start for f in checks(text, Context()).flags if f.code == "missing-number"}
    for piece in ("年月日在", "年，是", "突破万元", "到位亿元", "，增长；", "同比增长。", "发展到万余亩",
                  "耕地的以上", "调整为："):
        at = text.index(piece)
        assert any(at <= s <= at + len(piece) for s in starts), (piece, found)
    # prose in the same document is no blank
    for piece in ("新的增长，", "稳步增长。"):
        at = text.index(piece)
        assert not any(at <= s < at + len(piece) for s in starts), (piece, found)


def test_one_blank_is_no_evidence_for_the_weak_forms() -> None:
    text = "全乡完成地区生产总值亿元，税收增长；去年年月日在乡里召开大会，收入突破万元。"
    assert "增长" not in "".join(_missing(text))
    assert not any(t.startswith(("年", "月", "日")) for t in _missing(text))


@pytest.mark.parametrize(
    "text",
    [
        "项目\t比上年增长%\n粮食\t3.2\n",  # a table's column header names the unit
        "主要指标 同比增长%\n",
        "网站名称}创%资料库[欢迎",  # a sign scattered between words by a copy-protection script
    ],
)
def test_a_percent_sign_with_no_figure_that_is_no_blank(text: str) -> None:
    assert _missing(text) == []


def test_a_percent_sign_whose_figure_is_gone() -> None:
    assert _missing("全年粮食产量比上年增长%，结案率达%以上。") == ["%", "%"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_FIGURES), min_size=len(_FIGURES), max_size=len(_FIGURES)))
def test_any_filled_report_has_no_blank(figures: list[str]) -> None:
    assert _missing(_REPORT.format(*figures)) == []
