"""What the numerals and quantities steps share: units, protected expressions, numeral rules.

Built once per :class:`~reportclean.Config` from the ``units`` and ``protected``
lexicons (built-in plus the user's). :meth:`NumberTables.chinese_counts`
decides whether a Chinese numeral in running text counts or measures: the
numerals step converts exactly those, the quantities step reads exactly those.

>>> t = NumberTables.build(())
>>> t.units["万元"].unit, t.units["亩"].factor
('CNY', Decimal('666.6666666666666666666666667'))
>>> t.is_protected("坚持“四个意识”", 3, 4), t.is_protected("六个工作专班", 0, 1)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ._lexicon import Lexicon, LexiconError, package_lexicon
from ._numbers import parse_cn_strict

__all__ = ["CN_NUMERAL", "CN_POINT", "CN_RUN", "NOT_BEFORE", "NumberTables", "Unit"]

#: Characters of a Chinese numeral (lower and upper case, traditional forms).
CN_NUMERAL = "零〇○一二两兩三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億"
_CN_DIGIT = "零〇○一二三四五六七八九"

#: The decimal point of a Chinese numeral, simplified and traditional (三点五, 三點五).
CN_POINT = "点點"
#: A Chinese numeral run, with an optional decimal part (三点五, 三點五).
CN_RUN = f"[{CN_NUMERAL}]+(?:[{CN_POINT}][{_CN_DIGIT}]+)?"

#: Written right after the first character of a number: the character before it is not part of a
#: number, a code or an ordinal (so 4#-7#楼, IPv6, 1.27 and 第3批 are not read from the middle).
NOT_BEFORE = f"(?<![{CN_NUMERAL}\\dA-Za-z.．#＃_/\\-第%％²³].)"

# Characters before a numeral that make it an ordinal, a name or an approximation:
# 第一, 初三, 周五, 几十, 数百, 上万, 成千, 若干, 好几, 其一, 逐一, 唯一, 统一, 单一, 同一, 老三, 小三, 之一;
# and an opening quotation mark: a quoted numeral starts a slogan (“四张成绩单”, “五个不发生”).
_BEFORE = frozenset("第初周几数上成若好其逐唯统单同老小之“‘「『《\"'")
_BEFORE2 = frozenset(("星期", "礼拜", "排名", "排行", "位列", "名列"))
# A lone 一 or 二 before a measure word is an article or an ordinal (一个, 二次, 二级): kept; so is 零.
_LONE = frozenset("零〇○一二壹贰貳幺")


@dataclass(frozen=True, slots=True)
class Unit:
    """One written unit: its canonical unit, factor to it, dimension, flags."""

    written: str
    unit: str
    factor: Decimal
    dimension: str
    arabic_only: bool = False


def _factor(text: str, where: str) -> Decimal:
    num, sep, den = text.partition("/")
    try:
        value = Decimal(num) / Decimal(den) if sep else Decimal(num)
    except ArithmeticError:
        raise LexiconError(f"{where}: bad factor {text!r}; write an integer, a decimal or a fraction a/b") from None
    if not value.is_finite() or value <= 0:
        raise LexiconError(f"{where}: bad factor {text!r}; a factor is a positive number")
    return value


@dataclass(frozen=True, slots=True)
class NumberTables:
    """Units and protected expressions, compiled once."""

    units: dict[str, Unit]
    unit_pattern: str  # a regex alternation of the written units, longest first, with guards
    measure_pattern: str  # the units a Chinese numeral may stand before
    protected: frozenset[str]
    protected_lengths: dict[str, tuple[int, ...]]  # first character -> lengths of entries, longest first
    protected_longest: int
    protected_pieces: tuple[frozenset[str], frozenset[str]] | None  # see _pieces

    @classmethod
    def build(cls, user: Iterable[Lexicon]) -> NumberTables:
        """The tables from the built-in lexicons plus the user's (``units``, ``protected``)."""
        user = tuple(user)
        units: dict[str, Unit] = {}
        for lx in (_builtin()[0], *(x for x in user if x.kind == "units")):
            if len(lx.columns) < 4:
                raise LexiconError(
                    f"{lx.name}: a units lexicon needs the columns written, unit, factor, dimension "
                    "(and optionally flags); see reportclean/data/units.tsv"
                )
            for row in lx.rows:
                written, unit, factor, dimension, *rest = row
                flags = rest[0] if rest else ""
                units[written] = Unit(written, unit, _factor(factor, lx.name), dimension, "arabic-only" in flags)
        protected = set(_builtin()[1].column("expression"))
        for lx in user:
            if lx.kind == "protected":
                protected.update(row[0] for row in lx.rows)
        return cls(
            units,
            _alternation(units.values()),
            _alternation(u for u in units.values() if not u.arabic_only and not u.written.isascii()),
            frozenset(protected),
            _lengths_by_first(protected),
            max((len(p) for p in protected), default=0),
            _pieces(protected),
        )

    def is_protected(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` overlaps a protected expression in ``text``."""
        pieces = self.protected_pieces
        if pieces is not None and end <= len(text):
            # An expression overlapping text[start:end] (see _pieces) is a two-character one
            # there or across its edges, or has three adjacent characters there or across them.
            pairs, triples = pieces
            for j in range(max(0, start - 2), end):
                if text[j : j + 3] in triples or (j >= start - 1 and text[j : j + 2] in pairs):
                    break
            else:
                return False  # the common case
        prot = self.protected
        by_first = self.protected_lengths
        for s in range(max(0, start - self.protected_longest + 1), end):
            for n in by_first.get(text[s], ()):
                if s + n > start and text[s : s + n] in prot:
                    return True
        return False

    def chinese_counts(self, text: str, start: int, end: int, unit_end: int) -> Decimal | None:
        """The value of the Chinese numeral ``text[start:end]`` if it counts or measures.

        The numeral is followed by a measure word or unit ending at ``unit_end``.
        None for ordinals (第一), enumerations, approximations (三四个, 几十), a lone
        一/二 (一个, 二次) and anything inside a protected expression (四个意识).
        """
        run = text[start:end]
        if len(run) == 1 and run in _LONE:
            return None
        if start and (text[start - 1] in _BEFORE or text[max(0, start - 2) : start] in _BEFORE2):
            return None
        value = parse_cn_strict(run)
        if value is None or self.is_protected(text, start, unit_end):
            return None
        return value


def _pieces(entries: Iterable[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The entries of two characters, and the three-character pieces of the longer ones.

    An occurrence of a longer entry overlapping ``text[start:end]`` holds one of its pieces
    at ``text[j:j+3]`` for some ``start - 2 <= j < end``; one of two characters is at
    ``text[j:j+2]`` for some ``start - 1 <= j < end``. None if an entry has one character.

    >>> [sorted(x) for x in _pieces(["四个意识", "一批"])]
    [['一批'], ['个意识', '四个意']]
    """
    entries = tuple(entries)
    if any(len(p) < 2 for p in entries):
        return None
    pairs = frozenset(p for p in entries if len(p) == 2)
    triples = frozenset(p[i : i + 3] for p in entries if len(p) > 2 for i in range(len(p) - 2))
    return pairs, triples


def _lengths_by_first(entries: Iterable[str]) -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for p in entries:
        out.setdefault(p[0], set()).add(len(p))
    return {c: tuple(sorted(ns, reverse=True)) for c, ns in out.items()}


def _alternation(units: Iterable[Unit]) -> str:
    """The written units as one regex, longest first, behind a guard on their first characters.

    The units are grouped by their first character (``个(?:工作日|百分点|小时|月|)``), each
    group longest first: the regex engine tries one group instead of every unit, and matches
    what the flat alternation longest first would (units of other groups cannot match there).

    >>> _alternation([Unit("个", "个", Decimal(1), "count"), Unit("人", "人", Decimal(1), "count"),
    ...               Unit("个月", "个月", Decimal(1), "duration"), Unit("km", "m", Decimal(1000), "length")])
    '(?=[k个人])(?:km(?![A-Za-z0-9])|个(?:月|)|人)'
    """
    units = sorted(units, key=lambda u: (-len(u.written), u.written))
    groups: dict[str, list[str]] = {}
    for u in units:
        p = re.escape(u.written[1:])
        if u.written[-1].isascii() and u.written[-1].isalnum():
            p += "(?![A-Za-z0-9])"
        elif u.written.endswith("方"):
            p += "(?![面案式向针法位便阵圆正言志形舱块])"
        groups.setdefault(u.written[0], []).append(p)
    if not groups:
        return "(?!)"
    parts = [
        re.escape(c) + (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})")
        for c, alts in groups.items()
    ]
    first = "".join(sorted(re.escape(c) for c in groups))
    return f"(?=[{first}])(?:{'|'.join(parts)})"




@cache
def _builtin() -> tuple[Lexicon, Lexicon]:
    """The built-in ``units`` and ``protected`` lexicons, read on first use (not at import)."""
    return package_lexicon("units.tsv"), package_lexicon("protected.tsv")
