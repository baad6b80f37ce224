"""decode(): every fixture in every encoding, short snippets, BOMs, mixed files, honest doubt."""

from __future__ import annotations

import random
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import clean, decode
from reportclean._decode import _ranks, plausibility

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "in-the-wild").glob("*.txt"))
TEXTS = {p.name: p.read_text(encoding="utf-8") for p in FIXTURES}
S2TW = opencc.OpenCC("s2tw")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-32")


def big5_bytes(text: str) -> tuple[bytes, str]:
    """Big5 bytes of the s2tw text, and what they must decode to.

    Big5 has no ² nor U+00A0 and lacks a few hanzi (礴, 堖): saved as Big5 by an
    editor they become '?', which is what ``errors="replace"`` does.
    """
    tw = S2TW.convert(text)
    data = tw.encode("big5", errors="replace")
    expected = data.decode("big5")
    unencodable = sum(1 for ch in tw if ch.encode("big5", errors="replace") == b"?" and ch != "?")
    assert sum(1 for a, b in zip(tw, expected, strict=True) if a != b) == unencodable
    return data, expected


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("enc", ENCODINGS)
def test_every_fixture_decodes_back(name: str, enc: str) -> None:
    text = TEXTS[name]
    r = decode(text.encode(enc))
    assert r.text == text
    assert r.warnings == ()
    assert r.confidence >= 0.9


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_gbk_fixture_decodes_with_gb18030(name: str) -> None:
    data = TEXTS[name].encode("gbk", errors="replace")  # GBK lacks ² (GB18030 has it)
    r = decode(data)
    assert r.encoding == "gb18030"
    assert r.text == data.decode("gbk")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_big5_fixture_decodes_to_the_s2tw_text(name: str) -> None:
    data, expected = big5_bytes(TEXTS[name])
    r = decode(data)
    assert r.encoding == "big5"
    assert r.text == expected


def snippets() -> list[str]:
    rng = random.Random(3)
    out = []
    for text in TEXTS.values():
        for size in (20, 50, 200):
            for _ in range(8):
                start = rng.randrange(0, len(text) - size)
                out.append(text[start : start + size])
    return out


SNIPPETS = snippets()


@pytest.mark.parametrize("enc", [*ENCODINGS, "gbk", "big5"])
def test_snippets_decode_back(enc: str) -> None:
    wrong = []
    for s in SNIPPETS:
        if enc == "big5":
            data, expected = big5_bytes(s)
        else:
            data = s.encode(enc, errors="replace")
            expected = data.decode(enc)
        if decode(data).text != expected:
            wrong.append(s)
    assert not wrong, f"{len(wrong)}/{len(SNIPPETS)} wrong, e.g. {wrong[0]!r}"


def test_gb18030_is_used_never_gb2312() -> None:
    s = "他说——好·的"
    data = s.encode("gb18030")
    assert data.decode("gb2312") != s  # the reason: gb2312 changes —— and ·
    r = decode(data)
    assert (r.encoding, r.text) == ("gb18030", s)


def test_big5_hkscs_only_character() -> None:
    s = "羣眾工作會議，第一季度"
    r = decode(s.encode("big5hkscs"))
    assert (r.encoding, r.text) == ("big5hkscs", s)


def test_cp950_extension() -> None:
    s = "碁業工作報告，第一季度"  # 碁 (F9D6) is in Microsoft's Big5, not in plain Big5
    r = decode(s.encode("cp950"))
    assert r.text == s and r.encoding in ("cp950", "big5hkscs")


def test_boms_are_dropped_and_named() -> None:
    assert decode("工作".encode("utf-8-sig")).encoding == "utf-8-sig"
    r = decode("工作".encode("utf-16"))
    assert r.text == "工作" and r.encoding.startswith("utf-16")
    assert decode(b"").text == ""


def test_utf16_without_bom_or_nul() -> None:
    s = "同时利用干部在线学习、工作微信群等积极开"  # 开 is U+5F00: one NUL on the wrong side
    for enc in ("utf-16-le", "utf-16-be"):
        r = decode(s.encode(enc))
        assert (r.encoding, r.text) == (enc, s)


def test_short_gbk_that_is_valid_utf8_by_chance() -> None:
    data = "一一".encode("gbk")
    assert data.decode("utf-8") == "\u04bb\u04bb"  # Cyrillic һһ
    r = decode(data)
    assert (r.encoding, r.text) == ("gb18030", "一一")
    assert [w.code for w in r.warnings] == ["encoding-guessed"]
    assert decode("café".encode()).text == "café"  # é is 茅 in GBK: Latin stays UTF-8


def test_pure_ascii_is_utf8() -> None:
    r = decode(b"2023 report\n")
    assert (r.encoding, r.confidence) == ("utf-8", 1.0)


def test_ambiguous_short_bytes_warn_with_the_runner_up() -> None:
    r = decode("东临".encode("gbk"))
    assert r.text == "东临" and r.encoding == "gb18030"
    assert [w.code for w in r.warnings] == ["encoding-guessed"]
    assert "big5" in r.warnings[0].message
    assert r.confidence < 0.9


def test_long_text_is_not_in_doubt() -> None:
    r = decode(TEXTS[sorted(TEXTS)[0]][:300].encode("gbk"))
    assert r.warnings == () and r.confidence >= 0.9


def test_mixed_utf8_and_gbk_lines() -> None:
    first = "一、总体情况\n今年以来，街道认真落实各项工作。\n"
    second = "二、主要工作\n共开展学习4次，走访群众120户。\n"
    data = first.encode("utf-8") + second.encode("gbk") + first.encode("utf-8")
    r = decode(data)
    assert r.text == first + second + first
    assert r.encoding == "utf-8"
    mixed = [w for w in r.warnings if w.code == "mixed-encoding"]
    assert len(mixed) == 1
    assert r.text[mixed[0].span[0] : mixed[0].span[1]] == second
    assert "gb18030" in mixed[0].message


def test_mixed_file_gbk_line_that_is_valid_utf8_stays_gbk() -> None:
    data = "第一行正文。\n".encode() + "一一\n".encode("gbk") + "第三行正文，共4次。\n".encode("gbk")
    r = decode(data)
    assert r.text == "第一行正文。\n一一\n第三行正文，共4次。\n"
    assert [w.code for w in r.warnings] == ["mixed-encoding"]


def test_undecodable_bytes_are_replaced_and_flagged_with_spans() -> None:
    data = "共开展学习".encode() + b"\xff\xfe\x80" + "次，走访群众".encode()
    r = decode(data)
    assert r.text.startswith("共开展学习") and r.text.endswith("次，走访群众")
    spans = [w.span for w in r.warnings if w.code == "undecodable-bytes"]
    assert spans and all(set(r.text[s:e]) == {"\ufffd"} for s, e in spans)
    assert spans[0][0] == 5


def test_truncated_utf8_keeps_the_text() -> None:
    data = "街道工作总结".encode()[:-1]
    r = decode(data)
    assert r.encoding == "utf-8" and r.text == "街道工作总\ufffd"
    assert [w.code for w in r.warnings] == ["undecodable-bytes"]


def test_truncated_gb18030_keeps_the_text() -> None:
    data = "街道办事处工作总结，共开展学习".encode("gb18030")[:-1]
    r = decode(data)
    assert r.text.startswith("街道办事处工作总结，共开展") and r.text.endswith("\ufffd")
    assert "undecodable-bytes" in {w.code for w in r.warnings}


def test_never_silently_latin1() -> None:
    r = decode("Café déjà vu, naïve résumé".encode("cp1252"))
    assert r.warnings, "a non-Chinese guess must warn"
    assert r.confidence < 0.5


def test_misuse_raises() -> None:
    with pytest.raises(TypeError, match="pass str to clean"):
        decode("工作")  # type: ignore[arg-type]


def test_plausibility_separates_text_from_wrong_decodings() -> None:
    text = TEXTS[sorted(TEXTS)[1]][:800]
    assert plausibility(text) > 0.9
    assert plausibility(text.encode("gb18030").decode("big5hkscs", errors="replace")) < 0.4
    tw = S2TW.convert(text)
    assert plausibility(tw) > 0.9
    assert plausibility(tw.encode("big5", errors="replace").decode("gb18030", errors="replace")) < 0.4
    assert plausibility("2023 report") == 0.0


HANZI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
OTHER = st.sampled_from(list("，。、；：？！“”（）《》—…0123456789abcXYZ %\n"))


@st.composite
def report_strings(draw: st.DrawFn) -> str:
    """Hanzi, ASCII and Chinese punctuation, at least 8 hanzi; shrinks to 8 hanzi."""
    hanzi = draw(st.lists(HANZI, min_size=8, max_size=40))
    other = draw(st.lists(OTHER, max_size=20))
    chars = hanzi + other
    return "".join(draw(st.permutations(chars)))


@settings(max_examples=60, deadline=None)
@given(report_strings(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_clean_bytes_equals_clean_str(s: str, enc: str) -> None:
    assert clean(s.encode(enc)).text == clean(s).text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_with_spans_inside_the_text(data: bytes) -> None:
    r = decode(data)
    assert 0.0 <= r.confidence <= 1.0
    for w in r.warnings:
        assert 0 <= w.span[0] <= w.span[1] <= len(r.text)


COMMON_HANZI = sorted(ch for ch, rank in _ranks().items() if rank <= 2000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(COMMON_HANZI), min_size=8, max_size=40), st.lists(OTHER, max_size=10))
def test_big5_of_common_traditional_text_decodes_back(hanzi: list[str], other: list[str]) -> None:
    s = S2TW.convert("".join(hanzi + other))
    try:
        data = s.encode("big5")
    except UnicodeEncodeError:
        return  # a character Big5 lacks
    assert decode(data).text == s
