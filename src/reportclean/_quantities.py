"""Find numbers with their units and canonical values (no edits).

One compiled regex pass finds candidates; Python work is done per match only.
A quantity is a number followed by a unit from the ``units`` lexicon
(``12.62亿元``, ``1.27 亿元``, ``235.85 亩``, ``13KM``, ``88.4%``, ``6个``),
a percentage written out (``百分之八``), or a number with 万/亿 and no unit
(``收入租金15万``: money ``CNY`` when its sentence speaks of money, else a plain
number with unit None). Ranges (``1200-1500 人``, ``5万至10万元``) set ``high``;
约, 近, 超, 逾, 余, 多, 以上, 左右 set ``approximate``.

Not quantities: dates (``2020 年 10 月 15 日``, ``1-11月``, ``2019--2020 年度``),
codes and models (``5G``, ``IPv6``, ``G20``, ``6KV``: a number touching Latin
letters that are not a unit), building numbers (``4#-7#楼``), document numbers
(``〔2023〕6号``), phone numbers, ordinals (``第3批``) and protected expressions.
Spaces a converter left between number and unit are accepted (``1.27 亿元``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from ._config import Config
from ._edits import Context, Proposal, Step
from ._lexicon import package_lexicon
from ._model import Quantity
from ._numbers import parse_cn_strict, parse_number, plain_decimal
from ._numlex import CN_NUMERAL, CN_RUN, NOT_BEFORE, NumberTables

__all__ = ["QUANTITIES", "make_quantities", "quantities"]

_MULT = r"千万|百万|万亿|亿|万|千"
_SP = r"[ \u00a0\u3000]?"
_RANGE_SEP = r"-{1,2}|[—–~～至到]"
_APPROX_AFTER = ("以上", "左右")
_SENTENCE_END = "。！？；\n"
_HK = re.compile(r"香港特别行政区|香港特區|香港特別行政區|HKSAR")
_PLAIN = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_PLAIN_MULT = re.compile(rf"(\d+(?:\.\d+)?){_SP}({_MULT})", re.ASCII)
_MONEY_WORDS = package_lexicon("money_words.tsv")


def _pattern(tables: NumberTables, money_words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A number: Arabic (thousands separators, decimals), Chinese or mixed (3万4000), then a
    # multiplier after a converter's space (1.27 亿). Its first character is a character class, so
    # the regex engine skips the text between numbers in C; the rest is checked in Python per match.
    # Dates (2020 年 10 月, 1-11月, 2019--2020 年度) never reach a unit, so they are no quantities.
    first = f"[\\d{CN_NUMERAL}\\-]"  # a minus sign too (增长-3.8%), when no number stands before it
    rest = f"[\\d.．点{CN_NUMERAL}]*(?:,\\d{{3}})*(?:[.．]\\d+)?(?:{_SP}(?:{_MULT}))?"
    quantity = re.compile(
        f"(?P<n1>{first}{NOT_BEFORE}{rest})"
        f"(?:{_SP}(?P<sep>{_RANGE_SEP}){_SP}(?P<n2>{first}{rest}))?"
        f"(?:{_SP}(?P<ap>[余多])?{_SP}(?P<unit>{tables.unit_pattern})|(?<=[万亿])(?P<bare>[余多]?))"
    )
    money = re.compile("|".join(re.escape(w) for w in sorted(money_words, key=lambda w: (-len(w), w))))
    return quantity, money


def make_quantities(config: Config) -> Callable[[str, Context], Proposal]:
    """Build the quantities step for a config (its ``units``, ``protected`` lexicons)."""
    if not config.lexicons:
        return quantities
    tables = NumberTables.build(config.lexicons)
    words = tuple(_MONEY_WORDS.column("word")) + tuple(
        row[0] for lx in config.user_lexicons("money-context") for row in lx.rows
    )
    pattern, money = _pattern(tables, words)
    return lambda text, context: _quantities(text, tables, pattern, money)


def quantities(text: str, context: Context) -> Proposal:
    """Numbers with their units and canonical values, as ``Proposal.quantities``.

    >>> q = quantities("投资1.27 亿元，征地235.85亩，约 315 万元，项目带动1200-1500 人就业，完成率88.4%", Context())
    >>> [(x.text, str(x.value), x.unit, x.written_unit, x.approximate, x.high) for x in q.quantities][:3]
    [('1.27 亿元', '127000000', 'CNY', '亿元', False, None), ('235.85亩', '157233.3333', 'm2', '亩', False, None), \
('315 万元', '3150000', 'CNY', '万元', True, None)]
    >>> [(x.text, str(x.value), x.unit, str(x.high)) for x in q.quantities][3:]
    [('1200-1500 人', '1200', '人', '1500'), ('88.4%', '88.4', '%', 'None')]
    >>> quantities("“十三五”规划，第一季度，2020 年 10 月 15 日，5G，4#-7#楼", Context()).quantities
    []
    """
    return _quantities(text, _DEFAULT, _DEFAULT_PATTERN, _DEFAULT_MONEY)


def _quantities(
    text: str, tables: NumberTables, pattern: re.Pattern[str], money: re.Pattern[str]
) -> Proposal:
    out = Proposal()
    hk: bool | None = None
    if "百分之" in text:
        _percentages(text, tables, out)
    units = tables.units
    found = out.quantities
    plain = _PLAIN.fullmatch
    for m in pattern.finditer(text):
        n1, _, n2, ap, unit_text, bare = m.groups()
        start, end = m.span()
        if n2 is None and unit_text is not None and ((n1.isdigit() and n1.isascii()) or plain(n1)):
            # the common case, 12 人 or 12.5 万元: no range, an Arabic number, a unit
            value = Decimal(n1) if n1[-1] != "0" or "." not in n1 else plain_decimal(Decimal(n1))
            high = None
            written = unit_text
        else:
            parsed = _value(text, n1, start, m.end(1), end, tables)
            if parsed is None:
                continue
            value, mult1 = parsed
            high = None
            if n2 is not None:
                parsed = _value(text, n2, m.start(3), m.end(3), end, tables)
                if parsed is None:
                    continue
                high, mult2 = parsed
                if mult1 is None and mult2 is not None:  # 5-10万元: the multiplier counts for both
                    value *= mult2
            written = _mult_text(n2 or n1)
            if unit_text is None:  # 15万 with no unit
                if not (n1[0].isdigit() or n1[0] == "-"):
                    continue  # 三十万 with no unit: a word as often as a number
                unit = "CNY" if _speaks_of_money(text, start, money) else None
                approx = ap is not None or bool(bare) or _approx_at(text, start, end)
                found.append(Quantity(m.group(), (start, end), value, unit, written or None, approx, high))
                continue
            written += unit_text
        u = units[unit_text]
        if written is unit_text:
            written = u.written  # the table's string: one object for every 万元 in the text
        if u.arabic_only and not (n1[0].isdigit() or n1[0] == "-"):
            continue
        unit = u.unit
        if unit == "CNY" and unit_text in _YUAN:
            if hk is None:
                hk = _HK.search(text, 0, 500) is not None
            if hk:
                unit = "HKD"
        if u.factor != _ONE:
            value = _canonical(value, u.factor)
            high = None if high is None else _canonical(high, u.factor)
        approx = (
            ap is not None
            or (start and text[start - 1] in _APPROX_LAST and _approx_before(text, start))
            or text.startswith(_APPROX_AFTER, end)
        )
        found.append(Quantity(m.group(), (start, end), value, unit, written, approx, high))
    return out


def _approx_at(text: str, start: int, end: int) -> bool:
    """An approximate marker before ``start`` (约, 近, 超过 …) or after ``end`` (以上, 左右)."""
    if start and text[start - 1] in _APPROX_LAST and _approx_before(text, start):
        return True
    return text.startswith(_APPROX_AFTER, end)


_APPROX_LAST = frozenset("约近超逾过 \u00a0\u3000")
_ONE = Decimal(1)
_YUAN = frozenset(("元", "万元", "亿元", "千元"))
_PERCENT_WORD = re.compile(f"百分之(?P<pct>{CN_RUN}|\\d+(?:\\.\\d+)?)")


def _percentages(text: str, tables: NumberTables, out: Proposal) -> None:
    """百分之八 (when the numerals step, which writes it 8%, is off)."""
    for m in _PERCENT_WORD.finditer(text):
        v = parse_cn_strict(m.group("pct")) or parse_number(m.group("pct"))
        if v is not None and not tables.is_protected(text, m.start(), m.end()):
            out.quantities.append(
                Quantity(m.group(), (m.start(), m.end()), v, "%", "百分之", _approx_before(text, m.start()))
            )


def _value(
    text: str, s: str, start: int, end: int, unit_end: int, tables: NumberTables
) -> tuple[Decimal, Decimal | None] | None:
    """The value of a number ``s`` = ``text[start:end]`` (multiplier applied) and its multiplier."""
    if _PLAIN.fullmatch(s):
        return (Decimal(s) if s[-1] != "0" or "." not in s else plain_decimal(Decimal(s))), None
    m = _PLAIN_MULT.fullmatch(s)
    if m:  # 12.62亿, 1.27 亿
        mult = _MULTIPLIERS[m.group(2)]
        return plain_decimal(Decimal(m.group(1)) * mult), mult
    if s[0].isdigit() or s[0] == "-":
        v = parse_number(s)
        return None if v is None else (v, _MULTIPLIERS.get(_mult_text(s)))
    cv = tables.chinese_counts(text, start, end, unit_end)
    return None if cv is None else (cv, None)


_MULTIPLIERS = {"千万": Decimal(10**7), "百万": Decimal(10**6), "万亿": Decimal(10**12), "亿": Decimal(10**8),
                "万": Decimal(10**4), "千": Decimal(1000)}  # fmt: skip
_TRAILING_MULT = re.compile(rf"(?:{_MULT})$")


def _mult_text(number: str) -> str:
    """The multiplier written at the end of an Arabic number (``1.27 亿`` → ``亿``)."""
    if number[-1] not in "万亿千" or not (number[0].isdigit() or number[0] == "-"):
        return ""
    m = _TRAILING_MULT.search(number)
    return m.group() if m else ""


def _approx_before(text: str, start: int) -> bool:
    """约, 近, 超, 逾, 超过 (大约, 将近) just before ``start``, maybe across a space."""
    i = start
    if i and text[i - 1] in " \u00a0\u3000":
        i -= 1
    if not i:
        return False
    c = text[i - 1]
    return c in "约近超逾" or (c == "过" and i >= 2 and text[i - 2] == "超")


def _speaks_of_money(text: str, start: int, money: re.Pattern[str]) -> bool:
    """Whether the sentence around ``start`` speaks of money (资金, 租金, 收入 …)."""
    a = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    ends = [e for e in (text.find(c, start) for c in _SENTENCE_END) if e >= 0]
    b = min(ends) if ends else len(text)
    return money.search(text, a, b) is not None


def _canonical(value: Decimal, factor: Decimal) -> Decimal:
    """``value × factor``; a factor that is not exact (亩) is rounded to 4 decimals."""
    v = value * factor
    if factor == factor.quantize(_MICRO) or v.adjusted() > 20:  # a huge number keeps its digits
        return plain_decimal(v)
    return plain_decimal(v.quantize(_TEN_THOUSANDTH))


_MICRO = Decimal("0.000001")
_TEN_THOUSANDTH = Decimal("0.0001")


_DEFAULT = NumberTables.build(())
_DEFAULT_PATTERN, _DEFAULT_MONEY = _pattern(_DEFAULT, tuple(_MONEY_WORDS.column("word")))

QUANTITIES = Step("quantities", make_quantities, {})
