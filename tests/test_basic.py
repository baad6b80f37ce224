"""The first steps (nfc, controls, newlines) and the last edit step (whitespace), through ``clean()``.

Each test goes through the whole pipeline, so it fails when the step is switched
off or broken (tests/test_meta.py proves it), and checks the record the step
leaves: the rule of each removal and change, and where it points.
"""

from __future__ import annotations

import reportclean
from reportclean import Config, clean


def _changes(result: reportclean.CleanResult) -> list[tuple[str, str, str]]:
    return [(c.rule, c.original, c.replacement) for c in result.changes]


def test_nfc_composes_a_decomposed_letter_and_records_it() -> None:
    r = clean("Cafe\u0301 街道工作")
    assert r.text == "Café 街道工作"
    assert _changes(r) == [("nfc", "e\u0301", "é")]
    assert r.changes[0].original_span == (3, 5)


def test_nfc_leaves_composed_text_alone() -> None:
    assert _changes(clean("Café 街道“十三五”规划")) == []


def test_controls_removes_invisible_characters_and_turns_a_page_break_into_a_newline() -> None:
    r = clean("共开展\u200b学习4次。\x0c第二页内容。\x07")
    assert r.text == "共开展学习4次。\n第二页内容。"
    assert [(x.rule, x.text, x.original_span) for x in r.removed] == [
        ("zero-width-char", "\u200b", (3, 4)),
        ("control-char", "\x07", (16, 17)),
    ]
    assert _changes(r) == [("page-break", "\x0c", "\n")]


def test_controls_keeps_tabs_and_newlines() -> None:
    assert clean("一、总体情况\n\t全年共开展学习4次。").removed == []


def test_newlines_become_lf_each_recorded() -> None:
    r = clean("第一行。\r\n第二行。\r第三行。\u2028第四行。")
    assert r.text == "第一行。\n第二行。\n第三行。\n第四行。"
    assert _changes(r) == [("newline", "\r\n", "\n"), ("newline", "\r", "\n"), ("newline", "\u2028", "\n")]


def test_a_million_carriage_returns_are_one_change() -> None:
    r = clean("第一行。" + "\r" * 1_000_000 + "第二行。", Config(layout=False))
    assert [c.rule for c in r.changes if c.rule == "newline"] == ["newline"]


def test_whitespace_trims_trailing_spaces_and_edge_blank_lines() -> None:
    r = clean("  \n\n第一行。   \n第二行。  \n\n\n")
    assert r.text == "第一行。\n第二行。"
    assert {c.rule for c in r.changes} >= {"blank-lines"}
    assert "".join(c.original for c in r.changes).replace("\n", "").strip() == ""


def test_whitespace_keeps_inner_content() -> None:
    text = "一、总体情况\n全年共开展学习4次。"
    assert clean(text).text == text
