"""Script: stray traditional characters in simplified text; traditional documents kept or converted."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportclean import Config, clean
from reportclean._edits import Context
from reportclean._script import SCRIPT

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "in-the-wild"
script = SCRIPT.make(Config())
to_simplified = SCRIPT.make(Config(simplified=True))

TAIWAN = "這份報告說明了著名的臺灣軟體公司如何發展，裡面提到衛生與經濟。我們看著數據，總結經驗。"
HONG_KONG = "這份報告說明了香港衞生署的工作，裏面提到啓動新計劃。我們看着數據，總結經驗。"


def test_stray_traditional_characters_are_converted_one_warning_per_span() -> None:
    r = clean(next(FIXTURES.glob("002_*.txt")).read_bytes())
    assert "涇" not in r.text and r.text.count("泾口") == 3
    warned = [w for w in r.warnings if w.code == "traditional-chars"]
    assert len(warned) == 3
    assert all(r.original[w.original_span[0] : w.original_span[1]] == "涇" for w in warned)


def test_spans_and_phrases() -> None:
    p = script("在涇口鎮召开会议，推进乡村振兴工作，完成全年目标任务。", Context())
    assert [(e.start, e.end, e.replacement) for e in p.edits] == [(1, 2, "泾"), (3, 4, "镇")]
    assert len(p.flags) == 2  # one per run of converted characters


@pytest.mark.parametrize(
    "text",
    [
        "乾隆年间的故事，“十三五”规划，第一季度。",  # 乾 of 乾隆 is not 干
        "著名作家的著作，工作总结。",  # 著 is simplified too
        "全面建成小康社会，实施“十三五”规划的收官之年。",
    ],
)
def test_simplified_text_is_left_alone(text: str) -> None:
    assert script(text, Context()).edits == []


def test_traditional_document_is_kept_with_a_note() -> None:
    p = script(TAIWAN, Context())
    assert p.edits == []
    assert [(f.code, f.start) for f in p.flags] == [("traditional-text", 0)]


def test_traditional_document_converted_on_request_tw() -> None:
    out = clean(TAIWAN, Config(simplified=True)).text
    assert out == "这份报告说明了著名的台湾软体公司如何发展，里面提到卫生与经济。我们看着数据，总结经验。"
    assert "著名" in out and "看着" in out  # tw2s: 著 of 著名 kept, 看著 -> 看着


def test_traditional_document_converted_on_request_hk() -> None:
    out = clean(HONG_KONG, Config(simplified=True)).text
    assert out == "这份报告说明了香港卫生署的工作，里面提到启动新计划。我们看着数据，总结经验。"
    msg = [w.message for w in clean(HONG_KONG, Config(simplified=True)).warnings]
    assert any("hk2s" in m for m in msg)


def test_switch_off() -> None:
    assert clean("涇口古镇是我们的重点项目。", Config(script=False)).text == "涇口古镇是我们的重点项目。"


@pytest.mark.parametrize("unit", ["涇", "涇口\n", "頭髮", "a"])
def test_linear_on_long_runs(unit: str) -> None:
    script(unit * 100_000, Context())
    to_simplified(unit * 100_000, Context())
