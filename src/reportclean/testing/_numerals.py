"""A Chinese numeral writer and the :func:`numerals` strategy."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from hypothesis import strategies as st

from ._vocabulary import FULLWIDTH

__all__ = ["chinese_int", "make_decimal", "numerals", "plain"]

_DIGITS = "零一二三四五六七八九"
_UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "十", "百", "千")
_UPPER_SMALL = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿")


def _section(n: int, digits: str, small: tuple[str, ...]) -> str:
    """0 < n < 10000 in Chinese, zeros inside written once as 零."""
    out = ""
    zero = False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
        else:
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + small[pos]
    return out


def chinese_int(n: int, upper: bool = False) -> str:
    """A non-negative integer below 10**12 in Chinese numerals (``3500`` → ``三千五百``)."""
    digits, small = (_UPPER_DIGITS, _UPPER_SMALL) if upper else (_DIGITS, _SMALL)
    if n == 0:
        return digits[0]
    groups = [n // 10 ** (4 * i) % 10**4 for i in range(3)]
    out = ""
    gap = False
    for i in (2, 1, 0):
        g = groups[i]
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += digits[0]
        out += _section(g, digits, small) + _BIG[i]
        gap = False
    if not upper and out.startswith("一十"):
        out = out[1:]
    return out


def _chinese(value: Decimal, upper: bool = False) -> str:
    """A Decimal in Chinese numerals, the fraction read digit by digit after 点."""
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    out = chinese_int(int(whole), upper)
    if frac:
        table = _UPPER_DIGITS if upper else _DIGITS
        out += "点" + "".join(table[int(c)] for c in frac)
    return out


def plain(value: Decimal) -> str:
    """A Decimal as plain Arabic digits without trailing zeros (``12.50`` → ``12.5``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def make_decimal(whole: int, places: int) -> Decimal:
    return Decimal(whole).scaleb(-places) if places else Decimal(whole)


_NUMERAL_FORMS = ("arabic", "grouped", "fullwidth", "chinese", "upper", "liang", "year", "mixed")


@st.composite
def _numeral(draw: st.DrawFn, forms: tuple[str, ...]) -> tuple[str, Decimal]:
    form = draw(st.sampled_from(forms))
    if form == "year":
        year = draw(st.integers(1900, 2099))
        zero = draw(st.sampled_from("〇○零"))
        return "".join(zero if c == "0" else _DIGITS[int(c)] for c in str(year)), Decimal(year)
    if form == "mixed":
        shape = draw(st.sampled_from(("wan", "wan-rest", "yi-of-wan")))
        if shape == "wan":  # 1.2万, 12.62亿
            places = draw(st.integers(0, 2))
            value = make_decimal(draw(st.integers(1, 99999)), places)
            unit, scale = draw(st.sampled_from((("万", 4), ("亿", 8))))
            return plain(value) + unit, value.scaleb(scale)
        if shape == "wan-rest":  # 3万4000
            a, rest = draw(st.integers(1, 9999)), draw(st.integers(1000, 9999))
            return f"{a}万{rest}", Decimal(a * 10**4 + rest)
        k = draw(st.integers(1, 10**8 - 1))  # 一万五千亿
        return chinese_int(k) + "亿", Decimal(k) * 10**8
    if form == "liang":  # 两百, 两千三百, 两万
        scale = draw(st.sampled_from((100, 1000, 10**4)))
        whole = 2 * scale + draw(st.integers(0, scale - 1))
        return "两" + chinese_int(whole)[1:], Decimal(whole)
    places = draw(st.integers(0, 2)) if form != "upper" else 0
    limit = 10**12 - 1 if form in ("chinese", "upper") else 10**15
    value = make_decimal(draw(st.integers(0, limit)), places)
    if form == "arabic":
        return plain(value), value
    if form == "fullwidth":
        return "".join(FULLWIDTH[c] for c in plain(value)), value
    if form == "grouped":
        head, dot, frac = plain(value).partition(".")
        return f"{int(head):,}" + dot + frac, value
    value = value.normalize() if value else Decimal(0)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return _chinese(value, upper=form == "upper"), value


def numerals(*, forms: Iterable[str] | None = None) -> st.SearchStrategy[tuple[str, Decimal]]:
    """Pairs of a numeral expression and its value, e.g. ``("三千五百", Decimal(3500))``.

    ``forms`` chooses the spellings (all by default): ``arabic`` (``12.5``),
    ``grouped`` (``1,100``), ``fullwidth`` (``１２．５``), ``chinese``
    (``一百零一``, ``十二点五``), ``upper`` (``壹佰零壹``), ``liang``
    (``两千三百``), ``year`` (digit by digit: ``二〇二三``) and ``mixed``
    (``1.2万``, ``3万4000``, ``一万五千亿``). Percentages (``百分之八``) are
    left out: whether they mean 8 or 0.08 is the caller's convention.

    Shrinks towards zero: ``("零", Decimal("0"))`` with the default forms (an
    ``upper`` numeral takes one choice fewer to draw than the others, and
    hypothesis prefers fewer choices), else zero in the first of ``forms``:
    ``("0", Decimal("0"))`` for ``forms=["arabic"]``.
    """
    chosen = _NUMERAL_FORMS if forms is None else tuple(forms)
    unknown = [f for f in chosen if f not in _NUMERAL_FORMS]
    if unknown or not chosen:
        raise ValueError(f"numerals(forms=...) takes a non-empty selection of {_NUMERAL_FORMS}, got {chosen!r}")
    return _numeral(chosen)
