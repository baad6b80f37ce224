"""Chinese numerals that count or measure become Arabic; unit spellings unified.

Following GB/T 15835-2011 (出版物上数字用法), counts and measures are written in
Arabic digits: ``六个工作专班`` → ``6个工作专班``, ``三千五百万元`` → ``3500万元``,
``二〇二三年`` → ``2023年``, ``百分之八`` → ``8%``. A numeral is converted only
when a measure word or unit follows it (``units`` lexicon) and it is not an
ordinal, an enumeration, an approximation, a lone 一/二 or part of a protected
expression (``protected`` lexicon: 十三五, 四个意识, 三人行 …).

Unit spellings are unified after a number: ``㎡``, ``m2``, ``平米`` → ``m²``;
``KM``, ``Km``, ``㎞`` → ``km``; ``km2``, ``㎢`` → ``km²``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from ._config import Config
from ._edits import Context, Proposal, Step
from ._numbers import parse_cn_strict, plain_decimal
from ._numlex import CN_NUMERAL, CN_RUN, NumberTables

__all__ = ["NUMERALS", "make_numerals", "numerals"]

_UNIT_SPELLING = {
    "㎡": "m²",
    "m2": "m²",
    "平米": "m²",
    "KM": "km",
    "Km": "km",
    "㎞": "km",
    "km2": "km²",
    "KM2": "km²",
    "Km2": "km²",
    "㎢": "km²",
}
_CN_DIGITS = "零〇○一二三四五六七八九"
_CN_DIGIT_VALUE = {c: max(0, i - 2) for i, c in enumerate(_CN_DIGITS)}
_MONTH = "十[一二]?|[一二三四五六七八九]"
_DAY = "三十一?|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"


def _pattern(tables: NumberTables) -> re.Pattern[str]:
    spell = "|".join(re.escape(k) for k in sorted(_UNIT_SPELLING, key=lambda k: (-len(k), k)))
    return re.compile(
        # a year written digit by digit: 二〇二三年
        f"(?<![{CN_NUMERAL}])(?P<year>[{_CN_DIGITS}]{{4}})(?=年)"
        # a month and day: 十月十五日
        f"|(?<![{CN_NUMERAL}])(?P<month>{_MONTH})月(?:(?P<day>{_DAY})[日号])?"
        # a percentage: 百分之八
        f"|百分之(?P<pct>{CN_RUN})"
        # a counting numeral before a measure word: 六个, 三千五百万元, 三十余人
        f"|(?<![{CN_NUMERAL}\\d.])(?P<run>{CN_RUN})(?=[余多]?(?P<measure>{tables.measure_pattern}))"
        # a unit spelling after a number: 5㎡, 13KM
        f"|(?<=[\\d{CN_NUMERAL}])(?P<space>[ \\u00a0]?)(?P<spell>{spell})(?![A-Za-z0-9²³])"
    )


def _arabic(value: Decimal, run: str) -> str:
    """Arabic digits for a numeral, keeping a final 万/亿 (三千五百万 → 3500万)."""
    for suffix, scale in (("万亿", 10**12), ("亿", 10**8), ("億", 10**8), ("万", 10**4), ("萬", 10**4)):
        if run.endswith(suffix) and len(run) > len(suffix):
            short = plain_decimal(value / scale)
            if short * scale == value:
                return f"{short:f}{'万' if suffix == '萬' else '亿' if suffix == '億' else suffix}"
    return f"{value:f}"


def make_numerals(config: Config) -> Callable[[str, Context], Proposal]:
    """Build the numerals step for a config (its ``units`` and ``protected`` lexicons)."""
    if not config.lexicons:
        return numerals
    tables = NumberTables.build(config.lexicons)
    pattern = _pattern(tables)
    return lambda text, context: _numerals(text, tables, pattern)


def numerals(text: str, context: Context) -> Proposal:
    """Chinese numerals that count or measure to Arabic digits; unit spellings unified.

    >>> p = numerals("建立六个工作专班，投入三千五百万元，占百分之八", Context())
    >>> [(e.replacement, e.rule) for e in p.edits]
    [('6', 'cn-numeral'), ('3500万', 'cn-numeral'), ('8%', 'cn-percent')]
    >>> [(e.replacement, e.rule) for e in numerals("面积 120㎡，长 13KM", Context()).edits]
    [('m²', 'unit-spelling'), ('km', 'unit-spelling')]
    >>> numerals("“十三五”规划，第一季度，一是两个维护，三四个人", Context()).edits
    []
    """
    return _numerals(text, _DEFAULT, _DEFAULT_PATTERN)


def _numerals(text: str, tables: NumberTables, pattern: re.Pattern[str]) -> Proposal:
    out = Proposal()
    for m in pattern.finditer(text):
        if m.group("year") is not None:
            if not tables.is_protected(text, m.start(), m.end() + 1):
                digits = "".join(str(_CN_DIGIT_VALUE[c]) for c in m.group("year"))
                out.replace(m.start(), m.end(), digits, rule="cn-year")
        elif m.group("month") is not None:
            _date(text, m, tables, out)
        elif m.group("pct") is not None:
            value = parse_cn_strict(m.group("pct"))
            if value is not None and not tables.is_protected(text, m.start(), m.end()):
                out.replace(m.start(), m.end(), f"{value:f}%", rule="cn-percent")
        elif m.group("run") is not None:
            value = tables.chinese_counts(text, m.start(), m.end(), m.end("measure"))
            if value is not None:
                out.replace(m.start(), m.end(), _arabic(value, m.group("run")), rule="cn-numeral")
        else:
            out.replace(m.start("spell"), m.end(), _UNIT_SPELLING[m.group("spell")], rule="unit-spelling")
    return out


def _date(text: str, m: re.Match[str], tables: NumberTables, out: Proposal) -> None:
    """A month (with its day) is converted when a day follows it or a year precedes it."""
    day = m.group("day")
    s = m.start()
    if day is None and not (s and text[s - 1] == "年"):
        return
    if tables.is_protected(text, s, m.end()):
        return
    month = parse_cn_strict(m.group("month"))
    if month is None:
        return
    out.replace(m.start("month"), m.end("month"), f"{month}", rule="cn-date")
    if day is not None:
        d = parse_cn_strict(day)
        if d is not None and 1 <= d <= 31:
            out.replace(m.start("day"), m.end("day"), f"{d}", rule="cn-date")


_DEFAULT = NumberTables.build(())
_DEFAULT_PATTERN = _pattern(_DEFAULT)

NUMERALS = Step("numerals", make_numerals, {})
