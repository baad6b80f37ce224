"""Parse one numeral expression: Arabic, Chinese, mixed (``3万4000``), ``百分之八``.

:func:`parse_number` reads one expression, whole: Arabic numbers with
thousands separators and decimals (ASCII or full-width digits), Chinese
numerals in lower and upper case (``一百零一``, ``壹佰零壹``), ``两``,
``〇``/``○``/``零``, digit-by-digit numbers (``二〇二三``), colloquial forms
(``三万五`` = 35000, ``两千六``), mixed forms (``3万4000``, ``1.2万``,
``12.62亿``, ``一万五千亿``), decimals with ``点``, signs (``负``, ``-``),
percentages (``百分之八``, ``8%``; value 0.08) and amounts written on
cheques (``壹拾壹元壹角``). Anything else gives None, never an exception.

:func:`parse_cn_strict` is the strict reading used on running text: no
colloquial forms, no digit-by-digit numbers, so ``三四`` (“three or four”)
and ``一百二`` are not read as numbers there.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

__all__ = ["parse_cn_strict", "parse_number", "plain_decimal"]

_TRANS = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "，": ",",
        "－": "-",
        "−": "-",
        "＋": "+",
        "％": "%",
        "壹": "一",
        "贰": "二",
        "貳": "二",
        "弍": "二",
        "叁": "三",
        "參": "三",
        "叄": "三",
        "肆": "四",
        "伍": "五",
        "陆": "六",
        "陸": "六",
        "柒": "七",
        "捌": "八",
        "玖": "九",
        "拾": "十",
        "佰": "百",
        "仟": "千",
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "〇": "零",
        "○": "零",
        "幺": "一",
        "點": "点",
        "負": "负",
        "廿": "二十",
        "卅": "三十",
    }
)

_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_PERCENT_PREFIX = {"百分之": -2, "千分之": -3, "万分之": -4}

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|.", re.DOTALL)
_DIGIT_RUN = re.compile(r"[零一二三四五六七八九\d]+")
_FRACTION = re.compile(r"([零一二三四五六七八九\d]+)([万亿]*)")
_MONEY = re.compile(r"(.*?)[元圆](?:([零一二三四五六七八九])角)?(?:([零一二三四五六七八九])分)?[整正]?")
_SPACE = re.compile(r"\s+")
_MAX_LEN = 200


def plain_decimal(d: Decimal) -> Decimal:
    """``d`` without trailing zeros and without an exponent (``1.270E+8`` → ``127000000``).

    >>> plain_decimal(Decimal("127000000.00")), plain_decimal(Decimal("12.30"))
    (Decimal('127000000'), Decimal('12.3'))
    """
    if not d.is_finite():
        return d
    if d == d.to_integral_value():
        return Decimal(int(d))
    s = f"{d:f}"
    return Decimal(s.rstrip("0")) if "." in s else d


def parse_number(text: str) -> Decimal | None:
    """The value of one numeral expression, or None if it is not one.

    Never raises on any ``str``; spaces inside (``1.27 亿``) are ignored.

    >>> parse_number("12.62亿"), parse_number("三千五百万"), parse_number("3万4000")
    (Decimal('1262000000'), Decimal('35000000'), Decimal('34000'))
    >>> parse_number("壹佰零壹"), parse_number("二〇二三"), parse_number("百分之八")
    (Decimal('101'), Decimal('2023'), Decimal('0.08'))
    >>> parse_number("十三五") is None, parse_number("万一") is None, parse_number("一是") is None
    (True, True, True)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number() takes a str, got {type(text).__name__}; pass the numeral as text")
    if len(text) > _MAX_LEN:
        return None
    try:
        value = _parse(_SPACE.sub("", text.translate(_TRANS)), strict=False)
        return None if value is None else plain_decimal(value)
    except (ArithmeticError, ValueError):  # pragma: no cover - defensive: never raise on data
        return None


def parse_cn_strict(text: str) -> Decimal | None:
    """The value of a Chinese numeral in running text, read strictly.

    Positional numerals only (``三千五百``, ``十二万``, ``三点五``): a digit
    may not follow a digit, so approximations (``三四``, ``五六十``) and
    colloquial forms (``三万五``) are None.

    >>> parse_cn_strict("三千五百"), parse_cn_strict("三四"), parse_cn_strict("三万五")
    (Decimal('3500'), None, None)
    """
    if not text or len(text) > _MAX_LEN:
        return None
    if len(text) <= 16 and isinstance(text, str):
        return _strict_short(text)
    return _strict(text)


def _strict(text: str) -> Decimal | None:
    try:
        value = _parse(text.translate(_TRANS), strict=True)
        return None if value is None else plain_decimal(value)
    except (ArithmeticError, ValueError):  # pragma: no cover - defensive
        return None


# Running text repeats short numerals (一, 两, 四, 十九 …) and the parser costs ~2 us even for
# one character: a memo of this pure function (its values are immutable Decimals, shared).
_strict_short = lru_cache(maxsize=4096)(_strict)


def _parse(s: str, strict: bool) -> Decimal | None:
    if not s:
        return None
    neg = False
    if not strict and s[0] in "-+负":
        neg = s[0] != "+"
        s = s[1:]
    value = _unsigned(s, strict)
    if value is None:
        return None
    return -value if neg else value


def _unsigned(s: str, strict: bool) -> Decimal | None:
    if not s:
        return None
    if not strict:
        for prefix, exp in _PERCENT_PREFIX.items():
            if s.startswith(prefix):
                v = _unsigned(s[len(prefix) :], strict)
                return None if v is None else v.scaleb(exp)
        if s[-1] in "%‰":
            v = _unsigned(s[:-1], strict)
            return None if v is None else v.scaleb(-2 if s[-1] == "%" else -3)
        if "元" in s or "圆" in s:
            return _money(s)
    if "点" in s:
        return _decimal(s, strict)
    return _integer(s, strict)


def _money(s: str) -> Decimal | None:
    """Amounts as written on cheques: ``壹拾壹元壹角捌分``, ``伍仟元整``."""
    m = _MONEY.fullmatch(s)
    if not m or not m.group(1):
        return None
    units = _integer(m.group(1), strict=False)
    if units is None:
        return None
    jiao, fen = m.group(2), m.group(3)
    return units + Decimal(_DIGITS[jiao] if jiao else 0) / 10 + Decimal(_DIGITS[fen] if fen else 0) / 100


def _decimal(s: str, strict: bool) -> Decimal | None:
    """``X点Y`` with an optional multiplier after the fraction (``一点五万``)."""
    left, _, right = s.partition("点")
    if not left:
        return None
    m = _FRACTION.fullmatch(right)
    if not m:
        return None
    whole = _integer(left, strict, allow_decimal=False)
    if whole is None or whole != whole.to_integral_value():
        return None
    if strict and any(c.isdigit() for c in m.group(1)):
        return None
    frac = "".join(c if c.isdigit() else str(_DIGITS[c]) for c in m.group(1))
    value = Decimal(f"{whole.quantize(Decimal(1))}.{frac}")
    for c in m.group(2):
        value *= _BIG[c]
    return value


def _integer(s: str, strict: bool, allow_decimal: bool = True) -> Decimal | None:
    if _ARABIC.fullmatch(s):
        if strict or (not allow_decimal and "." in s):
            return None
        return Decimal(s.replace(",", ""))
    if _DIGIT_RUN.fullmatch(s):
        if len(s) == 1:
            return Decimal(_DIGITS[s]) if s in _DIGITS else None
        if strict or any(c.isdigit() for c in s):
            return None  # "12" is Arabic (handled above); mixed "1二" is nothing
        return Decimal("".join(str(_DIGITS[c]) for c in s))
    return _positional(s, strict)


def _positional(s: str, strict: bool) -> Decimal | None:
    """Numerals with 十百千万亿 (and Arabic parts: ``3万4000``, ``1.2万``)."""
    levels: list[tuple[int, Decimal]] = []  # (multiplier, value) of 万/亿 groups, outermost first
    section = Decimal(0)
    cur: Decimal | None = None
    cur_cn = False
    last_small = 10**5
    last_unit = 0
    zero = False
    any_digit = False
    closed = False  # a decimal Arabic number took its multiplier: only bigger multipliers may follow
    for tok in _TOKEN.findall(s):
        if tok[0].isdigit():
            if cur is not None or closed or strict:
                return None
            cur, cur_cn, any_digit = Decimal(tok.replace(",", "")), False, True
        elif tok in _DIGITS:
            if cur is not None or closed:
                return None
            if tok == "零":
                zero = True
                if strict and not any_digit:
                    return None
                continue
            cur, cur_cn, any_digit = Decimal(_DIGITS[tok]), True, True
        elif tok in _SMALL:
            u = _SMALL[tok]
            if closed:
                return None
            if cur is None:
                if u == 10 or (zero and not strict):
                    n = Decimal(1)
                else:
                    return None
            else:
                n = cur
                if n != n.to_integral_value():
                    closed = True
            if u >= last_small:
                return None
            section += n * u
            last_small, last_unit, cur, zero, any_digit = u, u, None, False, True
        elif tok in _BIG:
            b = _BIG[tok]
            if cur is not None:
                if cur != cur.to_integral_value():
                    closed = True
                section += cur
                cur = None
            acc = section
            while levels and levels[-1][0] < b:
                acc += levels.pop()[1]
            if acc == 0 or (levels and levels[-1][0] == b):
                return None
            levels.append((b, acc * b))
            section, last_small, last_unit, zero = Decimal(0), 10**5, b, False
        else:
            return None
    if not any_digit:
        return None
    if cur is not None:
        if cur_cn and not zero and last_unit >= 100 and cur != 0:
            if strict:
                return None
            cur *= last_unit // 10  # colloquial: 三万五 = 35000, 一百二 = 120
        section += cur
    elif zero and strict:
        return None  # a trailing 零 ("一百零")
    return section + sum((v for _, v in levels), Decimal(0))
