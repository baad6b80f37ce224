"""parse_number: cn2an's own value tables, the issue's forms, round trips, never raising."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import parse_number
from reportclean._numbers import parse_cn_strict


@pytest.fixture(scope="module")
def tables() -> object:
    """cn2an's own test tables (cn2an is in the ``test`` extra)."""
    cn2an_test = pytest.importorskip("cn2an.cn2an_test")
    t = cn2an_test.Cn2anTest()
    t.setUp()
    return t


def _eq(got: Decimal | None, want: object) -> bool:
    return got is not None and got == Decimal(str(want))


def test_cn2an_strict_table(tables: object) -> None:
    bad = {k: (v, parse_number(k)) for k, v in tables.strict_data_dict.items() if not _eq(parse_number(k), v)}  # type: ignore[attr-defined]
    assert len(tables.strict_data_dict) >= 90  # type: ignore[attr-defined]
    assert not bad


def test_cn2an_normal_and_smart_tables(tables: object) -> None:
    # setUp merges strict into normal and normal into smart: smart holds them all.
    data = tables.smart_data_dict  # type: ignore[attr-defined]
    bad = {k: (v, parse_number(k)) for k, v in data.items() if not _eq(parse_number(k), v)}
    assert len(data) > 120
    assert not bad


def test_cn2an_direct_table_values(tables: object) -> None:
    for k, v in tables.direct_data_dict.items():  # type: ignore[attr-defined]
        assert parse_number(k) == Decimal(v), k


def test_cn2an_error_entries_are_none(tables: object) -> None:
    # cn2an's errors in normal mode, less the smart-mode forms we accept (100万, 10.1万 …)
    smart = set(tables.smart_data_dict)  # type: ignore[attr-defined]
    errors = [k for k in tables.error_normal_datas if k not in smart]  # type: ignore[attr-defined]
    assert "10.1万零100" in errors and "零点点" in errors
    assert {k: parse_number(k) for k in errors if parse_number(k) is not None} == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234,567.89", "1234567.89"),
        ("1,234.5万", "12345000"),
        ("１２３４", "1234"),
        ("１．２７亿", "127000000"),
        ("1.27 亿", "127000000"),
        ("一百零一", "101"),
        ("壹佰零壹", "101"),
        ("两千", "2000"),
        ("二〇二三", "2023"),
        ("二○二三", "2023"),
        ("二零二三", "2023"),
        ("3万4000", "34000"),
        ("1.2万", "12000"),
        ("12.62亿", "1262000000"),
        ("一万五千亿", "1500000000000"),
        ("三千五百万", "35000000"),
        ("一亿五千万", "150000000"),
        ("百分之八", "0.08"),
        ("百分之八十八点四", "0.884"),
        ("88.4%", "0.884"),
        ("千分之五", "0.005"),
        ("负三点五", "-3.5"),
        ("-10.1万", "-101000"),
        ("十", "10"),
        ("零", "0"),
        ("伍仟元整", "5000"),
    ],
)
def test_issue_forms(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["", " ", "十三五", "万一", "一是", "一致", "统一", "零售", "千万", "万", "亿", "百", "十一十二",
     "1.2.3", "1,23", "abc", "5G", "IPv6", "一二百", "点五", "五点", "3万4万", "一万一万", "百分之", "%",
     "1..2", "12,34,567", "二两", "十三五规划"],
)  # fmt: skip
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_result_has_no_exponent_or_trailing_zeros() -> None:
    assert str(parse_number("1" + "0" * 40)) == "1" + "0" * 40
    assert str(parse_number("1.27亿")) == "127000000"
    assert str(parse_number("一二点三零")) == "12.3"


def test_strict_reading_rejects_approximations_and_colloquial_forms() -> None:
    assert parse_cn_strict("三千五百") == 3500
    assert parse_cn_strict("十二万") == 120000
    for s in ("三四", "五六十", "三万五", "一百二", "二〇二三", "12", "一百零", "零五"):
        assert parse_cn_strict(s) is None, s


def test_misuse_raises_with_a_fix() -> None:
    with pytest.raises(TypeError, match="pass the numeral as text"):
        parse_number(12)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_str(s: str) -> None:
    r = parse_number(s)
    assert r is None or isinstance(r, Decimal)


_SOUP = list("零〇一二两三四五六七八九十百千万亿点负0123456789.,%壹拾佰仟元角分整")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SOUP), max_size=20))
def test_never_raises_on_numeral_soup(chars: list[str]) -> None:
    r = parse_number("".join(chars))
    assert r is None or isinstance(r, Decimal)


def test_long_input_is_fast() -> None:
    t = time.perf_counter()
    for s in ("一" * 100_000, "1" * 100_000, "1," * 50_000, "十" * 100_000, "点" * 100_000):
        parse_number(s)
        parse_cn_strict(s)
    assert time.perf_counter() - t < 5  # linear: a catastrophic regex would take minutes


# -- round trip: Decimals written as Chinese numerals and mixed forms parse back ---------------

_LOWER = "零一二三四五六七八九"
_UPPER = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def _section(n: int) -> str:
    """0 < n < 10000 in Chinese, with the zeros the rules want (一千零一, 一百一十)."""
    out, pending_zero = "", False
    for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        d = n // 10**power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += _LOWER[d] + unit
    return out


def to_chinese(n: int) -> str:
    """A non-negative integer below 10^16 as a formal Chinese numeral."""
    if n == 0:
        return "零"
    if n < 10**4:
        return _section(n)
    big, size = ("万", 10**4) if n < 10**8 else ("亿", 10**8)
    hi, lo = divmod(n, size)
    s = to_chinese(hi) + big
    if lo:
        s += ("零" if lo < size // 10 else "") + to_chinese(lo)
    return s


def _decimal_chinese(d: Decimal) -> str:
    sign = "负" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    s = sign + to_chinese(int(whole))
    if frac:
        s += "点" + "".join(_LOWER[int(c)] for c in frac)
    return s


decimals = st.decimals(min_value=-(10**15), max_value=10**15, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=400, deadline=None)
@given(decimals)
def test_round_trip_chinese(d: Decimal) -> None:
    s = _decimal_chinese(d)
    assert parse_number(s) == d, s
    assert parse_number(s.translate(_UPPER)) == d, s.translate(_UPPER)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_round_trip_integers_and_cn2an_writer(n: int) -> None:
    cn2an = pytest.importorskip("cn2an")
    assert parse_number(to_chinese(n)) == n
    if 10 <= n < 20:  # 十二, not 一十二
        assert parse_number(to_chinese(n)[1:]) == n
    assert parse_number(cn2an.an2cn(n)) == n
    assert parse_number(cn2an.an2cn(n, "up")) == n
    assert parse_number(f"{n:,}") == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from([(10**4, "万"), (10**8, "亿")]))
def test_round_trip_mixed_forms(n: int, mult: tuple[int, str]) -> None:
    size, char = mult
    hi, lo = divmod(n, size)
    if hi:
        assert parse_number(f"{hi}{char}{lo if lo else ''}") == n  # 3万4000
    if 0 < hi < 10**4:
        assert parse_number(f"{to_chinese(hi)}{char}{lo if lo else ''}") == n  # 三万4000
    d = Decimal(n) / 100
    assert parse_number(f"{d:f}{char}") == d * size  # 12.62亿
    assert parse_number(f"{d:f} {char}") == d * size  # 1.27 亿 (converter spaces)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1000, max_value=9999))
def test_round_trip_digit_by_digit_years(year: int) -> None:
    s = "".join("〇一二三四五六七八九"[int(c)] for c in str(year))
    assert parse_number(s) == year
