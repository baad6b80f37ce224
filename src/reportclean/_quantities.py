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
from ._numlex import CN_NUMERAL, CN_RUN, NumberTables

__all__ = ["QUANTITIES", "make_quantities", "quantities"]

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:[.．]\d+)?(?!\d)|\d+(?:[.．]\d+)?"
_MULT = r"千万|百万|万亿|亿|万|千"
_SP = r"[ \u00a0\u3000]?"
_TO = rf"{_SP}(?:-{{1,2}}|[—–~～至到]){_SP}"  # a range: 1-11月, 2019--2020
_MONTH_DAY = rf"\d{{1,2}}{_SP}(?:{_TO}\d{{1,2}}{_SP})?月(?:份|{_SP}\d{{1,2}}{_SP}[日号])?"
_DATE = rf"\d{{4}}{_TO}\d{{4}}{_SP}年度?|\d{{4}}{_SP}年度?(?:{_SP}{_MONTH_DAY})?|{_MONTH_DAY}"
_RANGE_SEP = r"-{1,2}|[—–~～至到]"
_APPROX_BEFORE = ("大约", "将近", "超过", "约", "近", "超", "逾")
_APPROX_AFTER = re.compile(r"以上|左右")
_SENTENCE_END = "。！？；\n"
_HK = re.compile(r"香港特别行政区|香港特區|香港特別行政區|HKSAR")

_MONEY_WORDS = package_lexicon("money_words.tsv")


def _pattern(tables: NumberTables, money_words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    num = rf"(?:{_ARABIC})(?:{_SP}(?:{_MULT}))?|{CN_RUN}"
    quantity = re.compile(
        rf"(?<![{CN_NUMERAL}\dA-Za-z.．#_/\-＃第])(?:"
        rf"(?P<date>{_DATE})"
        rf"|百分之(?P<pct>{CN_RUN}|{_ARABIC})"
        rf"|(?P<n1>{num})(?:{_SP}(?P<sep>{_RANGE_SEP}){_SP}(?P<n2>{num}))?"
        rf"(?:{_SP}(?P<ap>[余多])?{_SP}(?P<unit>{tables.unit_pattern})|(?<=[万亿])(?P<bare>[余多]?))"
        rf")"
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
    for m in pattern.finditer(text):
        if m.group("date") is not None:
            continue
        if m.group("pct") is not None:
            v = parse_cn_strict(m.group("pct")) or parse_number(m.group("pct"))
            if v is not None and not tables.is_protected(text, m.start(), m.end()):
                out.quantities.append(
                    Quantity(m.group(), (m.start(), m.end()), v, "%", "百分之", _approx_before(text, m.start()))
                )
            continue
        n1 = _value(text, m, "n1", tables)
        if n1 is None:
            continue
        value, mult1 = n1
        high = None
        if m.group("n2") is not None:
            n2 = _value(text, m, "n2", tables)
            if n2 is None:
                continue
            high, mult2 = n2
            if mult1 is None and mult2 is not None:  # 5-10万元: the multiplier counts for both
                value *= mult2
            written_mult = _mult_text(m.group("n2"))
        else:
            written_mult = _mult_text(m.group("n1"))
        if m.group("unit") is None and not m.group("n1")[0].isdigit():
            continue  # 三十万 with no unit: a word as often as a number
        approx = m.group("ap") is not None or bool(m.group("bare")) or _approx_before(text, m.start()) or bool(
            _APPROX_AFTER.match(text, m.end())
        )
        unit_text = m.group("unit")
        if unit_text is None:  # 15万 with no unit
            if _speaks_of_money(text, m.start(), money):
                unit, written, factor = "CNY", written_mult, Decimal(1)
            else:
                unit, written, factor = None, written_mult, Decimal(1)
        else:
            u = tables.units[unit_text]
            if u.arabic_only and not m.group("n1")[0].isdigit():
                continue
            unit, written, factor = u.unit, written_mult + unit_text, u.factor
            if unit == "CNY" and unit_text in ("元", "万元", "亿元", "千元"):
                if hk is None:
                    hk = bool(_HK.search(text, 0, 500))
                if hk:
                    unit = "HKD"
        out.quantities.append(
            Quantity(
                m.group(),
                (m.start(), m.end()),
                _canonical(value, factor),
                unit,
                written or None,
                approx,
                None if high is None else _canonical(high, factor),
            )
        )
    return out


def _value(text: str, m: re.Match[str], group: str, tables: NumberTables) -> tuple[Decimal, Decimal | None] | None:
    """The value of a number group (multiplier applied) and its multiplier, if any."""
    s = m.group(group)
    if s[0].isdigit():
        v = parse_number(s)
        mult = _MULTIPLIERS.get(_mult_text(s))
        return None if v is None else (v, mult)
    end = m.end("unit") if m.group("unit") is not None else m.end(group)
    cv = tables.chinese_counts(text, m.start(group), m.end(group), end)
    return None if cv is None else (cv, None)


_MULTIPLIERS = {"千万": Decimal(10**7), "百万": Decimal(10**6), "万亿": Decimal(10**12), "亿": Decimal(10**8),
                "万": Decimal(10**4), "千": Decimal(1000)}  # fmt: skip
_TRAILING_MULT = re.compile(rf"(?:{_MULT})$")


def _mult_text(number: str) -> str:
    """The multiplier written at the end of an Arabic number (``1.27 亿`` → ``亿``)."""
    if not number[0].isdigit():
        return ""
    m = _TRAILING_MULT.search(number)
    return m.group() if m else ""


def _approx_before(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\u3000")
    return before.endswith(_APPROX_BEFORE)


def _speaks_of_money(text: str, start: int, money: re.Pattern[str]) -> bool:
    """Whether the sentence around ``start`` speaks of money (资金, 租金, 收入 …)."""
    a = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    ends = [e for e in (text.find(c, start) for c in _SENTENCE_END) if e >= 0]
    b = min(ends) if ends else len(text)
    return money.search(text, a, b) is not None


def _canonical(value: Decimal, factor: Decimal) -> Decimal:
    """``value × factor``; a factor that is not exact (亩) is rounded to 4 decimals."""
    v = value * factor
    if factor == factor.quantize(Decimal("0.000001")):
        return plain_decimal(v)
    return plain_decimal(v.quantize(Decimal("0.0001")))


_DEFAULT = NumberTables.build(())
_DEFAULT_PATTERN, _DEFAULT_MONEY = _pattern(_DEFAULT, tuple(_MONEY_WORDS.column("word")))

QUANTITIES = Step("quantities", make_quantities, {})
