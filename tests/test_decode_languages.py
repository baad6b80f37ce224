"""decode(): bytes that are not Chinese are never decoded silently as Chinese (issue 13).

Byte validity is no evidence: GB18030 decodes Korean EUC-KR, Cyrillic KOI8-R or
Greek as runs of rare hanzi. The samples are sentences written for these tests.
"""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import clean, decode
from reportclean._decode import _ranks
from reportclean._reads import chinese_evidence, reads_as_codec

KOREAN = "우리 마을은 올해 도로를 새로 포장하고 도서관을 열었습니다. 주민들은 매우 기뻐했습니다."
JAPANESE = "私たちの町では、今年新しい図書館が開館しました。住民はとても喜んでいます。"
RUSSIAN = "В этом году в нашем городе открылась новая библиотека, и жители очень довольны."
GREEK = "Φέτος η πόλη μας άνοιξε μια νέα βιβλιοθήκη και οι κάτοικοι είναι ικανοποιημένοι."
POLISH = "Zażółć gęślą jaźń, powiedział burmistrz miasta na zebraniu."
ENGLISH = "The council said “the new library” opened – on time… and under budget."
TRADITIONAL = "本鎮今年完成道路改建工程，新建圖書館一座，居民普遍表示滿意。"
SIMPLIFIED = "今年街道完成了道路改造工程，新建图书馆一座，居民普遍表示满意。"

NOT_CHINESE = [
    (KOREAN, "euc_kr", {"euc_kr", "cp949"}),
    (KOREAN, "cp949", {"euc_kr", "cp949"}),
    (JAPANESE, "euc_jp", {"euc_jp"}),
    (JAPANESE, "shift_jis", {"shift_jis", "cp932"}),
    (RUSSIAN, "koi8_r", {"koi8-r"}),
    (RUSSIAN, "cp1251", {"cp1251"}),
    (GREEK, "iso8859_7", {"iso8859-7", "cp1253"}),
    (POLISH, "cp1250", {"cp1250", "iso8859-2"}),
    (ENGLISH, "cp1252", {"cp1252"}),
]


@pytest.mark.parametrize(("text", "enc", "codecs"), NOT_CHINESE, ids=[f"{c[1]}" for c in NOT_CHINESE])
def test_other_languages_decode_right_and_warn(text: str, enc: str, codecs: set[str]) -> None:
    r = decode(text.encode(enc))
    assert r.text == text
    assert r.encoding in codecs
    assert [w.code for w in r.warnings] == ["encoding-guessed"]
    assert "not read as Chinese" in r.warnings[0].message
    assert r.confidence < 0.5


def test_korean_is_not_read_as_rare_hanzi() -> None:
    data = KOREAN.encode("euc_kr")
    as_gb = data.decode("gb18030")  # valid GB18030: that is the trap
    assert chinese_evidence(as_gb).verdict() == "not-chinese"
    assert clean(data).text.startswith("우리 마을은")


@pytest.mark.parametrize("enc", ["big5", "cp950"])
def test_traditional_big5_stays_big5(enc: str) -> None:
    r = decode(TRADITIONAL.encode(enc))
    assert (r.text, r.warnings) == (TRADITIONAL, ())
    assert r.encoding.startswith(("big5", "cp950"))


@pytest.mark.parametrize("enc", ["gbk", "gb18030", "utf-8", "utf-16"])
def test_simplified_stays_chinese(enc: str) -> None:
    r = decode(SIMPLIFIED.encode(enc))
    assert (r.text, r.warnings) == (SIMPLIFIED, ())


def test_iso2022_escape_sequences_name_their_charsets() -> None:
    r = decode(JAPANESE.encode("iso2022_jp"))
    assert r.text == JAPANESE and r.encoding.startswith("iso2022_jp")
    r = decode(KOREAN.encode("iso2022_kr"))
    assert r.text == KOREAN and r.encoding == "iso2022_kr"


def test_hz_is_chinese_in_ascii_and_plain_tildes_are_not() -> None:
    r = decode(SIMPLIFIED.encode("hz"))
    assert (r.text, r.encoding) == (SIMPLIFIED, "hz")
    assert decode(b"cost ~{approx} 12").text == "cost ~{approx} 12"


def test_reads_as_codec_rejects_mixed_scripts_and_box_drawing() -> None:
    assert not reads_as_codec("Cafй dйjа vu", "mac_cyrillic")  # é read as MacCyrillic
    assert not reads_as_codec("ίΖ▒ί╝Αί▒Χίφοϊ╣ι", "cp737")  # UTF-8 hanzi read as DOS Greek
    assert reads_as_codec(RUSSIAN, "cp1251")
    assert not reads_as_codec(SIMPLIFIED.encode("gbk").decode("euc_kr", "replace"), "euc_kr")  # long runs


S2TW = opencc.OpenCC("s2tw")
TOP = sorted(ch for ch, rank in _ranks().items() if rank <= 500)
REST = sorted(ch for ch, rank in _ranks().items() if rank > 500)
PUNCT = st.sampled_from(list("，。、；：“”（）0123456789 "))


@st.composite
def chinese_like(draw: st.DrawFn) -> str:
    """Hanzi as real text has them: at least two thirds from the 500 most frequent.

    Shrinks to 12 of the most frequent hanzi. (Uniform draws over the table are
    not text: 一一一丁丁丁… reads as nothing, and may be taken for another language.)
    """
    top = draw(st.lists(st.sampled_from(TOP), min_size=12, max_size=60))
    rest = draw(st.lists(st.sampled_from(REST), max_size=len(top) // 2))
    punct = draw(st.lists(PUNCT, max_size=12))
    return "".join(draw(st.permutations(top + rest + punct)))


@settings(max_examples=80, deadline=None)
@given(chinese_like(), st.sampled_from(["gbk", "big5"]))
def test_common_chinese_is_never_taken_for_another_language(text: str, enc: str) -> None:
    if enc == "big5":
        text = S2TW.convert(text)
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        return  # a character the codec lacks
    r = decode(data)
    assert r.text == text
    assert not any("read as Chinese" in w.message for w in r.warnings)
