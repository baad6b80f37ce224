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
from ._numlex import CN_NUMERAL, CN_RUN, NOT_BEFORE, NumberTables

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
_SPELL = re.compile(
    "|".join(re.escape(k) for k in sorted(_UNIT_SPELLING, key=lambda k: (-len(k), k))) + "(?![A-Za-z0-9²³])"
)
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_PERCENT = re.compile(f"百分之(?P<pct>{CN_RUN})")


def _pattern(tables: NumberTables) -> re.Pattern[str]:
    # One pass over Chinese numeral runs; the first character is a character class, so the regex
    # engine skips the text between numerals in C. A run is kept when 年 (a year, or a range of
    # years: 二〇二〇至二〇二一年), 月 (a date) or a measure word follows it; the rest is decided
    # in Python per match.
    return re.compile(
        f"(?P<run>[{CN_NUMERAL}]{NOT_BEFORE}[{CN_NUMERAL}点]*)"
        f"(?:(?P<year>(?=年|[至到~～—–-]{{1,2}}[{_CN_DIGITS}]{{4}}年))"
        f"|月(?:(?P<day>[{CN_NUMERAL}]{{1,3}})[日号])?"
        f"|(?=[余多]?(?P<measure>{tables.measure_pattern})))"
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
        run, year, _, measure = m.groups()
        start, end = m.span(1)  # run
        if year is not None:
            digits = len(run) == 4 and all(c in _CN_DIGIT_VALUE for c in run)
            if digits and not tables.is_protected(text, start, end + 1):
                out.replace(start, end, "".join(str(_CN_DIGIT_VALUE[c]) for c in run), rule="cn-year")
        elif measure is not None:
            value = tables.chinese_counts(text, start, end, m.end(4))  # measure
            if value is not None:
                out.replace(start, end, _arabic(value, run), rule="cn-numeral")
        else:
            _date(text, m, tables, out)
    if "百分之" in text:
        for m in _PERCENT.finditer(text):
            value = parse_cn_strict(m.group("pct"))
            if value is not None and not tables.is_protected(text, m.start(), m.end()):
                out.replace(m.start(), m.end(), f"{value:f}%", rule="cn-percent")
    if not _may_spell(text):
        return out  # no unit spelling to unify (most texts): no regex pass for them
    # a unit spelling right after Arabic digits, or after a numeral this pass converted
    converted = {e.end for e in out.edits if e.rule == "cn-numeral"}
    for m in _SPELL.finditer(text):
        s = m.start()
        b = s - 1 if s and text[s - 1] in " \u00a0" else s
        if b and (text[b - 1] in _DIGITS or b in converted):
            out.replace(s, m.end(), _UNIT_SPELLING[m.group()], rule="unit-spelling")
    return out


def _may_spell(text: str) -> bool:
    """Whether ``text`` may hold a unit spelling of :data:`_UNIT_SPELLING` (m2, KM, 平米, ㎡ …).

    Searching one character is much faster than two (or a regex pass): ``m2`` is looked for
    only when there is an ``m``, ``平米`` when there is a ``米``.

    >>> _may_spell("面积 120㎡"), _may_spell("长 13Km"), _may_spell("120 平米"), _may_spell("平台 5 m")
    (True, True, True, False)
    """
    return (
        "K" in text  # KM, Km, KM2, Km2
        or "㎡" in text
        or "㎞" in text
        or "㎢" in text
        or ("m" in text and "m2" in text)  # m2, km2
        or ("米" in text and "平米" in text)
    )


def _date(text: str, m: re.Match[str], tables: NumberTables, out: Proposal) -> None:
    """A month (with its day) is converted when a day follows it or a year precedes it."""
    day = m.group("day")
    s, e = m.span("run")
    if day is None and not (s and text[s - 1] == "年"):
        return
    month = parse_cn_strict(m.group("run"))
    if month is None or not 1 <= month <= 12 or tables.is_protected(text, s, m.end()):
        return
    if day is not None:
        d = parse_cn_strict(day)
        if d is None or not 1 <= d <= 31:
            return
        out.replace(m.start("day"), m.end("day"), f"{d}", rule="cn-date")
    out.replace(s, e, f"{month}", rule="cn-date")


_DEFAULT = NumberTables.build(())
_DEFAULT_PATTERN = _pattern(_DEFAULT)

NUMERALS = Step("numerals", make_numerals, {})
