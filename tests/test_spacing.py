"""Spacing: converter spaces around numbers and punctuation, indentation, spaced-out text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportclean import Config, clean
from reportclean._document import Document
from reportclean._edits import Context
from reportclean._spacing import spacing


def _apply(text: str) -> str:
    doc = Document(text)
    doc.apply("spacing", spacing(text, Context()).edits)
    return doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020 年，", "2020年，"),
        ("贫困户 144 户 192 人于 2017 年底", "贫困户144户192人于2017年底"),
        ("总长约 13 KM，其中", "总长约13KM，其中"),
        ("面积 23960.1 m²，完成", "面积23960.1m²，完成"),
        ("完成 90.62% 的目标", "完成90.62%的目标"),
        ("\u3000\u3000截至目前，辖区", "截至目前，辖区"),
        ("  正文\n\t第二行", "正文\n第二行"),
        ("（一） 注重群防群控 ， 全力", "（一）注重群防群控，全力"),
        ("2019--2020 年度", "2019--2020年度"),
        ("今年 1-9 月，完成", "今年1-9月，完成"),  # a range, not a date
        ("，收集诉求 32\n条，解决", "，收集诉求32\n条，解决"),  # a hard-wrapped line ends with the number
        ("，烟叶产量 0.8万吨，增长 6.3%。", "，烟叶产量0.8万吨，增长6.3%。"),  # running text: one side is enough
        ("2.1 基本情况。全镇 2 个村", "2.1 基本情况。全镇2个村"),  # a section number keeps its space
        ("单击 “+” 按钮，添加。", "单击“+”按钮，添加。"),
    ],
)
def test_removes_converter_spaces(text: str, expected: str) -> None:
    assert _apply(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "共开展党委中心组学习 次",  # a missing number: the gap is evidence
        "仅供学习 禁止外传 用后删除",  # phrases separated by a space
        "坚持以习近平新时代中国特色社会主义思想 and 党的十九大精神为指导",  # an English word
        "加快大运 AI 小镇项目",
        "Windows 10 Pro",
        "“十三五”规划，第一季度。",
        "序号\t项目\t金额",  # tabs separate columns
        "It was named „scars“ after the climbers.",  # quotation marks in a European sentence
        "Ein Zitat: „Straße“ und «Übersicht».",
    ],
)
def test_leaves_alone(text: str) -> None:
    assert spacing(text, Context()).edits == []


_SEPARATORS = [
    line
    for line in (Path(__file__).resolve().parent.parent / "fixtures" / "negative" / "spacing_separators.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize("line", _SEPARATORS)
def test_separator_spaces_survive_the_pipeline(line: str) -> None:
    """Heading and body, furniture fields, dates, digit groups, English: the spaces stay (issue 13)."""
    r = clean(line)
    assert not [c for c in r.changes if c.rule in ("number-space", "punctuation-space")]
    assert r.text.count(" ") == line.count(" ")


def test_spaced_out_document_is_collapsed_with_one_warning() -> None:
    text = "街 道 工 作 总 结\n2 0 2 0 年 ， 共 开 展 学 习 4 次 。 思 想 建 设 取 得 成 效 ， 全 年 完 成 目 标 。"
    p = spacing(text, Context())
    assert [f.code for f in p.flags] == ["spaced-out-text"]
    assert _apply(text) == "街道工作总结\n2020年，共开展学习4次。思想建设取得成效，全年完成目标。"
    assert clean(text).text == clean(clean(text).text).text


def test_a_few_spaced_words_are_not_a_spaced_out_document() -> None:
    text = "仅 供 学 习，" + "街道办事处全年工作总结。" * 10
    assert not spacing(text, Context()).flags


@pytest.mark.parametrize(
    "unit",
    [" ", "街 ", "街 1 ", "1 KM ", "\u3000", "， ", " \n", "年12 ", "一、工作 12年 ", "来源：a 作者：b 12 年",
     "12 年\n"],
)
def test_linear_on_long_runs(unit: str) -> None:
    spacing(unit * 100_000, Context())  # returns: no catastrophic backtracking


def test_pipeline_removes_spaces_left_by_width() -> None:
    assert clean("补短板, 强弱项\u00a0 2020\u3000年").text == "补短板，强弱项2020年"
    assert clean("学习 4 次", Config(spacing=False)).text == "学习 4 次"
