"""Width: full-width digits/Latin to ASCII, Chinese punctuation full-width (GB/T 15834)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from reportclean import STEP_NAMES, Config, clean
from reportclean._document import Document
from reportclean._edits import Context
from reportclean._width import WIDTH

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").rglob("*.txt"))
width = WIDTH.make(Config())
ONLY_WIDTH = Config(**{name: name == "width" for name in STEP_NAMES})


def _apply(text: str) -> str:
    doc = Document(text)
    doc.apply("width", width(text, Context()).edits)
    return doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２．６万元", "12.6万元"),
        ("ＧＤＰ增长５％", "GDP增长5%"),
        ("４＃楼", "4#楼"),
        ("稳增长,经济运行逐步回暖", "稳增长，经济运行逐步回暖"),
        ("(一)发展效益", "（一）发展效益"),
        ("(2020 年 10 月 15 日)", "（2020 年 10 月 15 日）"),
        ("(一）混用括号", "（一）混用括号"),
        ("主办单位:鄂城区人民政府", "主办单位：鄂城区人民政府"),
        ("配套设施项目;强化精准招商", "配套设施项目；强化精准招商"),
        ("是否完成?已经完成!", "是否完成？已经完成！"),
        ("完成100%,同比增长", "完成100%，同比增长"),
        ("仅供学习\u3000禁止外传\u00a0用后删除", "仅供学习 禁止外传 用后删除"),
    ],
)
def test_converts(text: str, expected: str) -> None:
    assert _apply(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1,100万元", "3.5%", "4#-7#楼", "5G基站", "IPv6", "12:30开会", "比例为1:2。", "(1)", "AI, ICT",
        "https://www.example.gov.cn/a?b=1", "“十三五”规划，第一季度。", "《报告》、（一）", "std::vector",
        "\u3000\u3000正文缩进留给排版步骤",
    ],
)  # fmt: skip
def test_leaves_alone(text: str) -> None:
    assert width(text, Context()).edits == []


@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        ("同比增长1·8%", "同比增长1.8%", "odd-decimal-point"),
        ("增长9﹒3个百分点", "增长9.3个百分点", "odd-decimal-point"),
        ("完成率72.59﹪", "完成率72.59%", "odd-percent-sign"),
        ("登记率XX%，；工会组织", "登记率XX%，；工会组织", "doubled-punctuation"),  # kept: which is the text's?
        ("工作,,成效", "工作，成效", "doubled-punctuation"),
        ("工作，,成效", "工作，成效", "doubled-punctuation"),
        ("工作、，成效", "工作、，成效", "doubled-punctuation"),
    ],
)
def test_odd_numbers_and_clashing_marks_are_fixed_with_a_warning(text: str, expected: str, code: str) -> None:
    p = width(text, Context())
    assert _apply(text) == expected
    assert [f.code for f in p.flags] == [code]


def test_makeshift_ellipsis_and_names_are_not_clashes() -> None:
    assert width("等等。。。然后", Context()).edits == []
    assert width("习近平·新时代", Context()).edits == []


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name[:3])
def test_fixture_outputs_are_set_the_chinese_way(path: Path) -> None:
    r = clean(path.read_bytes())
    assert not re.search(r"[０-９Ａ-Ｚａ-ｚ\u3000\u00a0]", r.text)
    assert not re.search(r"[\u4e00-\u9fff][,;:?!][\u4e00-\u9fff]", r.text)
    keep = "“”‘’《》〈〉、。"
    before = Counter(c for c in r.original if c in keep)
    removed = Counter(c for x in r.removed for c in x.text if c in keep)  # e.g. a footer, with its reason
    after = Counter(c for c in r.text if c in keep)
    assert after == before - removed


def test_clash_and_conversion_do_not_overlap() -> None:
    text = "工作,\u3000;成效,经济;,AI,,ICT"
    p = width(text, Context())
    Document(text).apply("width", p.edits)  # raises on overlapping edits
    assert _apply(text) == "工作， ；成效，经济；，AI,,ICT"  # different marks clash: kept, flagged


@pytest.mark.parametrize("unit", ["街,", ",,", "，；", "(", "(街", ")", "X﹪", "1·", "１", "\u3000", ", "])
def test_linear_on_long_runs(unit: str) -> None:
    width(unit * 100_000, Context())  # returns: no catastrophic backtracking


def test_switch_off() -> None:
    assert clean("稳增长,经济１２", Config(width=False, numerals=False)).text == "稳增长,经济１２"
    assert clean("稳增长,经济１２", ONLY_WIDTH).text == "稳增长，经济12"


# -- reproductions of what went wrong on real pages (sentences of our own) --------------


def test_a_month_day_event_name_keeps_its_middle_dot() -> None:
    text = "街道妥善处置了3·5疫情和8·16事件，并参加了3·15宣传活动。"
    r = clean(text)
    assert r.text == text
    assert not [w for w in r.warnings if w.code == "odd-decimal-point"]


def test_a_middle_dot_before_a_unit_or_percent_is_a_decimal_point() -> None:
    r = clean("全年增长1·8%，完成投资9﹒3万元。")
    assert r.text == "全年增长1.8%，完成投资9.3万元。"
    assert [w.code for w in r.warnings].count("odd-decimal-point") == 2


def test_a_line_of_ascii_marks_is_not_made_into_chinese_punctuation() -> None:
    text = "财务行政\n:::\n本年度预算执行情况良好。"
    r = clean(text)
    assert ":::" in r.text and "：" not in r.text
    assert not [w for w in r.warnings if w.code == "doubled-punctuation"]
