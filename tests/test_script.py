"""Script: stray traditional characters in simplified text; traditional documents kept or converted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import Config, _script, clean
from reportclean._edits import Context
from reportclean._script import SCRIPT
from reportclean.testing import numerals, report_texts

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


# -- what simplified text uses too, and what is too uncertain to convert ------------------


@pytest.mark.parametrize(
    "text",
    [
        "华昇科技有限公司承建了本项目，全面推进乡村振兴工作。",  # 昇 in a company name
        "于是全镇上下扭转乾坤，於姓村民带头发展特色产业。",  # 乾 of 乾坤, 於 as a surname
        "经过三年努力，徵收工作顺利完成，全面推进乡村振兴。",  # 徵 (a variant OpenCC lists as its own)
    ],
)
def test_characters_valid_in_simplified_text_are_not_traditional(text: str) -> None:
    r = clean(text)
    assert r.text == text
    assert not [w for w in r.warnings if w.code == "traditional-chars"]


def test_a_traditional_document_is_never_converted_by_default() -> None:
    # Taiwan text uses 台, 里, 群, 并 too (valid in both scripts): no evidence of simplified script
    text = "本鄉群眾在台東縣鄰里間推動社區營造，並於今年完成三項工程，經費共計兩億元。"
    r = clean(text)
    assert r.text == "本鄉群眾在台東縣鄰里間推動社區營造，並於今年完成三項工程，經費共計2億元。"
    assert [w.code for w in r.warnings if w.step == "script"] == ["traditional-text"]


@pytest.mark.parametrize("text", ["涇口古镇", "經濟发展", "華東区"])
def test_a_short_text_too_mixed_to_tell_is_kept(text: str) -> None:
    r = clean(text)
    assert r.text == text
    notes = [w for w in r.warnings if w.step == "script"]
    assert [w.code for w in notes] == ["traditional-text"]


def test_a_short_simplified_text_with_one_stray_character_is_converted() -> None:
    assert clean("统筹推进經济社会发展").text == "统筹推进经济社会发展"


def test_nothing_is_converted_inside_a_span_flagged_by_decoding_or_mojibake() -> None:
    from reportclean._model import QualityWarning

    text = "统筹推进經济社会发展，全面推进乡村振兴，加快建設美丽乡村。"
    lost = QualityWarning("lost-characters", "warning", "test", (4, 5), (4, 5), "mojibake")
    other = QualityWarning("placeholder", "warning", "test", (23, 25), (23, 25), "placeholders")
    p = script(text, Context(warnings=(lost, other)))
    assert [(e.start, e.replacement) for e in p.edits] == [(23, "设")]  # 經 is inside the flagged span


def test_a_junk_line_from_a_wrong_codec_is_not_converted() -> None:
    junk = "行政長官會同行政會議已核准分區計劃大綱圖。".encode("big5").decode("gbk", "replace")
    text = "统筹推进经济社会发展，全面推进乡村振兴工作，群众满意度持续提升。\n" + junk
    assert script(junk, Context(warnings=())).flags  # the junk holds traditional-only characters
    p = script(text, Context())
    assert p.edits == []


NEGATIVE = Path(__file__).resolve().parent.parent / "fixtures" / "negative"


def test_traditional_report_stays_traditional() -> None:
    """No simplified character is written into a traditional report, by any step."""
    text = (NEGATIVE / "script_traditional_report.txt").read_text(encoding="utf-8").strip()
    r = clean(text)
    written = "".join(c.replacement for c in r.changes)
    simplified_only = {c for c in written if _script._char_class(_script._script_sets(())[1]).match(c)}
    assert not simplified_only, simplified_only
    assert not [c for c in r.changes if c.step == "script"]
    assert "共計23000萬元" in r.text  # the amount in digits, its 萬 as written (not 万)
    assert "十二項提案" in r.text  # a count stays as written


def test_simplified_text_with_shared_characters_is_unchanged() -> None:
    text = (NEGATIVE / "script_simplified_shared_chars.txt").read_text(encoding="utf-8").strip()
    r = clean(text)
    assert r.text == text
    assert not [w for w in r.warnings if w.step == "script"]


_TO_TAIWAN = opencc.OpenCC("s2tw")
_SIMPLIFIED_ONLY = _script._char_class(_script._script_sets(())[1])


@settings(max_examples=40, deadline=None)
@given(report_texts(), numerals(forms=("chinese", "liang")))
def test_no_simplified_character_is_written_into_traditional_text(report: str, amount: tuple[str, Decimal]) -> None:
    """A report in traditional script (numerals, amounts, units, dates and all) gets no simplified-only character."""
    text = _TO_TAIWAN.convert(f"{report}\n全年投入资金{amount[0]}亿元，增长百分之八。")
    before = set(_SIMPLIFIED_ONLY.findall(text))
    after = set(_SIMPLIFIED_ONLY.findall(clean(text).text))
    assert after <= before, after - before


@settings(max_examples=40, deadline=None)
@given(report_texts(canonical=True), st.sampled_from(["华昇", "乾坤", "於姓", "徵收"]))
def test_characters_valid_in_both_scripts_survive_in_simplified_text(report: str, word: str) -> None:
    text = report.replace("。", f"，{word}。", 1)
    assert word in clean(text).text


def test_a_line_in_another_encoding_is_not_run_through_opencc() -> None:
    """A Big5 line inside a GB18030 file: whether decoding flags it (mixed-encoding) or reads it as
    junk, the script step must not convert characters there (it would make the junk harder to recover)."""
    simplified = "街道全面落实各项政策措施，群众满意度持续提升。统筹推进经济社会发展，全面推进乡村振兴工作。"
    traditional = "本鄉公所推動社區營造，經費來自縣政府補助。"
    data = b"\n".join((simplified.encode("gb18030"), traditional.encode("big5"), simplified[::-1].encode("gb18030")))
    r = clean(data)
    assert [c for c in r.changes if c.step == "script"] == []


def test_a_traditional_passage_in_a_simplified_document_is_kept() -> None:
    simplified = "街道全面落实各项政策措施，群众满意度持续提升。统筹推进经济社会发展，全面推进乡村振兴工作。"
    quoted = "台湾地区来函原文如下：本鄉公所推動社區營造，經費來自縣政府補助。"
    text = "\n".join((simplified, quoted, simplified, "加快推进涇口古镇建设。"))
    r = clean(text)
    assert quoted in r.text  # a passage, not stray characters
    assert "泾口" in r.text  # a stray character on its own line is converted
    assert [w.code for w in r.warnings if w.step == "script"] == ["traditional-text", "traditional-chars"]
