"""Mojibake of text that is not Chinese, repaired by ftfy inside the mojibake step (issue 13).

The sentences are written for these tests; each is made into mojibake the way it happens
(UTF-8 bytes decoded with a Windows or Mac code page) and must come back whole, as a recorded
change with a note.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  registers sloppy-windows-125x
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import Config, clean
from reportclean._basic import controls
from reportclean._edits import Context
from reportclean._mojibake import mojibake
from reportclean._mojibake_ftfy import maybe_foreign_mojibake

SENTENCES = [
    ("Le conseil a voté le budget à l’unanimité, déjà en mars.", "sloppy-windows-1252"),
    ("В этом году в городе открылась новая библиотека.", "windows-1251"),
    ("Η πόλη άνοιξε νέα βιβλιοθήκη φέτος.", "sloppy-windows-1252"),
    ("مرحبا بكم في مكتبة المدينة الجديدة", "sloppy-windows-1252"),
    ("Zażółć gęślą jaźń w ratuszu.", "sloppy-windows-1250"),
    ("Der Bürgermeister eröffnete die Straße.", "macroman"),
]


@pytest.mark.parametrize(("text", "codec"), SENTENCES, ids=[c for _, c in SENTENCES])
def test_western_mojibake_comes_back_whole(text: str, codec: str) -> None:
    broken = text.encode("utf-8").decode(codec)
    assert broken != text
    r = clean(broken)
    assert r.text == text
    assert r.removed == []
    assert r.changes and all(c.rule == "mojibake" for c in r.changes)
    notes = [w for w in r.warnings if w.code == "mojibake-repaired"]
    assert notes and all("ftfy" in w.message for w in notes)


def test_a_one_line_arabic_text_is_not_removed() -> None:
    text = "مرحبا بكم في مكتبة المدينة الجديدة"
    r = clean(text.encode("utf-8").decode("sloppy-windows-1252"))
    assert r.text == text and not r.removed


def test_emoji_written_as_cesu8() -> None:
    cesu = "\ud83d".encode("utf-8", "surrogatepass") + "\ude00".encode("utf-8", "surrogatepass")
    broken = "Nice day " + cesu.decode("latin-1")
    assert clean(broken).text == "Nice day \U0001f600"


def test_latin_inside_a_chinese_line_is_repaired_and_the_chinese_kept() -> None:
    r = clean("本次会议在Paris举行，主持人是RenÃ©。")
    assert r.text == "本次会议在Paris举行，主持人是René。"


def test_gbk_read_as_latin1_is_still_chinese() -> None:
    assert clean("ÖÐ¹ú¹¤×÷×Ü½á").text == "中国工作总结"


@pytest.mark.parametrize("text", ["完成情况：√ 已完成，满意度98%。", "咖啡馆叫Café，店主很naïve。",
                                  "Die Straße in München, São Paulo und Łódź.", "价格为5×3元，温度25°C±2。"])
def test_clean_text_with_latin_letters_is_left_alone(text: str) -> None:
    assert mojibake(text, Context()).edits == []


def test_gate_is_closed_for_chinese_and_open_for_western_mojibake() -> None:
    assert not maybe_foreign_mojibake("“十三五”规划，第一季度增长5%，温度25°C，α系数0.3。")
    assert maybe_foreign_mojibake("Der B√ºrgermeister")
    assert maybe_foreign_mojibake("РґРѕСЂРѕРіРµ")


def test_c1_controls_are_cp1252_quotes_not_deleted() -> None:
    p = controls("\x84Gut\x93, sagte sie\x85", Context())
    assert [(e.start, e.end, e.replacement, e.rule) for e in p.edits] == [
        (0, 1, "„", "c1-cp1252"), (4, 5, "“", "c1-cp1252"), (16, 17, "…", "c1-cp1252")]
    # with the mojibake step off, the controls step still keeps them as quotes
    r = clean("\x84Gut\x93, sagte sie\x85", Config(mojibake=False))
    assert "„Gut“" in r.text and r.text.endswith("…")
    # the five bytes cp1252 leaves undefined are control characters and go
    assert [e.rule for e in controls("a\x81b", Context()).edits] == ["control-char"]


WORDS = ["Café", "naïve", "Müller", "São Paulo", "Łódź", "Dvořák", "smørrebrød", "Ångström", "Straße",
         "crème brûlée", "jalapeño", "Zürich", "Ærø", "Þór", "¿Qué?", "ÉCOLE", "Ölçek", "Škoda", "Ţară"]
CHINESE = ["今年街道共走访群众120户，", "代表团在", "举行会谈。", "“十三五”规划，", "增长5%，温度25°C±2，",
           "第一季度，", "（一）总体情况", "α系数为0.3，", "价格为5×3元。"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS + CHINESE), min_size=1, max_size=12), st.sampled_from(["", " ", "\n"]))
def test_clean_latin_words_among_chinese_are_never_rewritten(parts: list[str], sep: str) -> None:
    """Correctly written Latin words, alone or among Chinese, give ftfy and our rules nothing to do."""
    text = sep.join(parts)
    assert mojibake(text, Context()).edits == []
