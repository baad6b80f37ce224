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
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache, partial
from typing import NamedTuple

from ._config import Config
from ._edits import Context, Proposal, Step
from ._lexicon import Lexicon, Schema, package_lexicon
from ._model import FoundQuantity, Quantity
from ._numbers import parse_cn_strict, parse_number, plain_decimal
from ._numlex import CN_NUMERAL, CN_POINT, CN_RUN, NOT_BEFORE, NumberTables

__all__ = ["QUANTITIES", "QuantityRules", "compile_rules", "make_quantities", "quantities", "run"]

_MULT = r"千万|百万|万亿|亿|万|千"
_SP_CHARS = "\u0020\u00a0\u3000"  # the spaces a converter leaves: space, no-break, ideographic
_SP = f"[{_SP_CHARS}]?"
_RANGE_SEP = r"-{1,2}|—{1,2}|[–~～至到]"
_SENTENCE_END = "。！？；\n"
_HK = re.compile(r"香港特别行政区|香港特區|香港特別行政區|HKSAR")
_PLAIN = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_PLAIN_MULT = re.compile(rf"(\d+(?:\.\d+)?){_SP}({_MULT})", re.ASCII)


def _pattern(
    tables: NumberTables, money_words: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The quantity regex (twice, see :func:`_bmp_digits`) and the money-words regex."""
    # A number: Arabic (thousands separators, decimals), Chinese or mixed (3万4000), then a
    # multiplier after a converter's space (1.27 亿). Its first character is a character class, so
    # the regex engine skips the text between numbers in C; the rest is checked in Python per match.
    # Dates (2020 年 10 月, 1-11月, 2019--2020 年度) never reach a unit, so they are no quantities.
    #
    # Written for the regex engine's speed, matching what the plain form would (the plain form on
    # the right): ``(?:X|)`` for ``(?:X)?`` (an alternation is cheaper than a repeated group and
    # tries the same things in the same order), ``(?:(?=,)(?:,\d{3})+|)`` for ``(?:,\d{3})*``, and
    # a guard after the run of digits and numerals: whatever follows a number in a match starts
    # with one of the characters in ``follow`` or comes after 万/亿 (a bare 15万), so a run given
    # back character by character (2020年 tried as 202, 20, 2) fails at once.
    follow = f"[,.．{_SP_CHARS}千百万亿萬億\\-—–~～至到余多{''.join(sorted({re.escape(w[0]) for w in tables.units}))}]"

    def quantity(d: str) -> re.Pattern[str]:  # d: the decimal digits, in a character class
        rest = (
            f"[{d}.．{CN_POINT}{CN_NUMERAL}]*(?:(?={follow})|(?<=[万亿萬億]))"  # plain: [\d.．点…]*
            f"(?:(?=,)(?:,[{d}]{{3}})+|)(?:[.．][{d}]+|)(?:{_SP}(?:{_MULT})|)"  # (?:,\d{3})*(?:[.．]\d+)?(?:…)?
        )
        first = f"[{d}{CN_NUMERAL}\\-]"  # a minus sign too (增长-3.8%), when no number stands before it
        not_before = NOT_BEFORE.replace("\\d", d)
        return re.compile(
            f"(?P<n1>{first}{not_before}{rest})"
            f"(?:{_SP}(?P<sep>{_RANGE_SEP}){_SP}(?P<n2>{first}{rest})|)"
            f"(?:{_SP}(?:(?P<ap>[余多])|){_SP}(?P<unit>{tables.unit_pattern})|(?<=[万亿])(?P<bare>[余多]?))"
            "(?:(?P<after>(?=以上|左右))|)"  # approximate: 100 人以上, 5 万元左右
        )

    money = re.compile("|".join(re.escape(w) for w in sorted(money_words, key=lambda w: (-len(w), w))))
    return quantity("\\d"), quantity(_bmp_digits()), money


# The regex engine scans for the first character of a number in C, testing every character of
# the text against the class; ``\d`` in it is a Unicode category test on top of a table lookup.
# For a text without characters beyond U+FFFF (nearly all), the decimal digits of the BMP listed
# in the classes match the same characters and make the scan a table lookup alone (~2 ms/MB less).
@cache
def _bmp_digits() -> str:
    """The BMP's decimal digits as class ranges (built on first use: it scans all 65,536 characters)."""
    return "".join(
        f"{re.escape(chr(a))}-{re.escape(chr(b))}" if b > a else re.escape(chr(a))
        for a, b in (
            (m.start(), m.end() - 1)
            for m in re.finditer(r"\d+", "".join(map(chr, range(0x10000))))
        )
    )


def _bmp_only(text: str) -> bool:
    """Whether ``text`` has no character beyond U+FFFF (two UTF-16 bytes each)."""
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


@dataclass(frozen=True, slots=True)
class QuantityRules:
    """The compiled rules of the step for one config: number tables, unit information and regexes."""

    tables: NumberTables
    info: _UnitInfo
    full: re.Pattern[str]  # the quantity regex, for any text
    bmp: re.Pattern[str]  # the same, for a text with no character beyond U+FFFF
    money: re.Pattern[str]


def compile_rules(config: Config) -> QuantityRules:
    """The step's rules for ``config``, compiled on first use (memoised on its ``units``,
    ``protected`` and ``money-context`` lexicons)."""
    return _compile(tuple(x for x in config.lexicons if x.kind in ("units", "protected", "money-context")))


@lru_cache(maxsize=16)
def _compile(user: tuple[Lexicon, ...]) -> QuantityRules:
    tables = NumberTables.build(user)
    words = tuple(package_lexicon("money_words.tsv").column("word")) + tuple(
        row[0] for lx in user if lx.kind == "money-context" for row in lx.rows
    )
    full, bmp, money = _pattern(tables, words)
    return QuantityRules(tables, _unit_info(tables), full, bmp, money)


def run(text: str, context: Context, rules: QuantityRules) -> Proposal:
    """Numbers with their units and canonical values, as ``rules`` say; see :func:`quantities`."""
    return _quantities(text, rules.tables, rules.info, rules.full, rules.bmp, rules.money)


def make_quantities(config: Config) -> Callable[[str, Context], Proposal]:
    """Build the quantities step for a config (its ``units``, ``protected`` lexicons)."""
    return partial(run, rules=compile_rules(config))


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
    return run(text, context, compile_rules(Config()))


#: Per written unit: the table's string, the canonical unit, the factor (None for 1), whether
#: it is yuan (HKD in a Hong Kong report) and whether it is read after Arabic digits only.
_UnitInfo = dict[str, tuple[str, str, Decimal | None, bool, bool]]


def _unit_info(tables: NumberTables) -> _UnitInfo:
    return {
        w: (u.written, u.unit, None if u.factor == _ONE else u.factor, u.unit == "CNY" and w in _YUAN, u.arabic_only)
        for w, u in tables.units.items()
    }


def _quantities(
    text: str,
    tables: NumberTables,
    info: _UnitInfo,
    full: re.Pattern[str],
    bmp: re.Pattern[str],
    money: re.Pattern[str],
) -> Proposal:
    out = Proposal()
    hk: bool | None = None
    if "百分之" in text:
        _percentages(text, tables, out)
    found = out.quantities
    new = FoundQuantity  # (a tuple: the document makes the public Quantity, once)
    # the values of (number, unit) pairs converted by a factor (10 亩), as Decimal arithmetic is slow
    scaled: dict[tuple[str, str], Decimal] = {}
    dashes = False  # whether a quantity starts with a minus or is followed by a dash (see _dash_ranges)
    after_range = _AFTER_RANGE_START
    for m in (bmp if _bmp_only(text) else full).finditer(text):
        n1, _, n2, ap, unit_text, bare, after = m.groups()
        span = m_span = m.span()
        start, end = span
        if n1[0] == "-" or (text[end : end + 1] in after_range and _may_range(text, end)):
            dashes = True
        read = None
        if n2 is None and unit_text is not None:
            read = _read_arabic(n1)
        if read is not None:
            # the common case, 12 人 or 12.5 万元: no range, an Arabic number, a unit
            value, mult = read
            table_written, unit, factor, yuan, _ = info[unit_text]
            # the table's string (one object for every 元 in the text), or 万元 after 12.5 万
            written = mult + unit_text if mult else table_written
            high = None
            if factor is not None:
                key = (n1, unit_text)
                v = scaled.get(key)
                if v is None:
                    v = scaled[key] = _canonical(value, factor)
                value = v
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
                if mult1 is None and mult2 is not None and value * mult2 <= high:
                    value *= mult2  # 5-10万元: the multiplier counts for both; not 8500到3万 (8500 alone)
            written = _mult_text(n2 or n1)
            if unit_text is None:  # 15万 with no unit
                if not (n1[0].isdigit() or n1[0] == "-"):
                    continue  # 三十万 with no unit: a word as often as a number
                bare_unit = _currency_before(text, start) or ("CNY" if _speaks_of_money(text, start, money) else None)
                approx = (
                    ap is not None
                    or bool(bare)
                    or after is not None
                    or (start > 0 and text[start - 1] in _APPROX_LAST and _approx_before(text, start))
                )
                found.append(new(m.group(), span, value, bare_unit, written or None, approx, high))
                continue
            table_written, unit, factor, yuan, arabic_only = info[unit_text]
            if written:
                written += unit_text
            else:
                written = table_written  # the table's string: one object for every 万元 in the text
            if arabic_only and not (n1[0].isdigit() or n1[0] == "-"):
                continue
            if factor is not None:
                value = _canonical(value, factor)
                high = None if high is None else _canonical(high, factor)
        if yuan:
            last = _currencies()[2]
            named = (
                _currency_before(text, start)
                if start and (text[start - 1] in last or text[start - 2 : start - 1] in last)
                else None
            )
            if named is not None:
                unit = named  # 港币三千二百万元, 新台币 12.5 亿元
            else:
                if hk is None:
                    hk = _HK.search(text, 0, 500) is not None
                if hk:
                    unit = "HKD"
            if unit_text == "元" and end < len(text) and text[end] in _JIAO_FIRST:
                cents = _rx().JIAO_FEN.match(text, end)  # …元五角, 123元1角1分
                if cents is not None and not _mult_written(n1):
                    value = _with_cents(value, cents)
                    end = cents.end()
                    span = (start, end)
        approx = (
            ap is not None
            or after is not None
            or (start > 0 and text[start - 1] in _APPROX_LAST and _approx_before(text, start))
        )
        found.append(new(m.group() if span is m_span else text[start:end], span, value, unit, written, approx, high))
    if dashes:
        out.quantities[:] = _dash_ranges(text, found, tables)
    return out


Found = Quantity | FoundQuantity  # what the step proposes (FoundQuantity; Quantity accepted as well)

_APPROX_LAST = frozenset("约近超逾过 \u00a0\u3000")
_ONE = Decimal(1)
_YUAN = frozenset(("元", "万元", "亿元", "千元"))


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    PERCENT_WORD: re.Pattern[str]
    JIAO_FEN: re.Pattern[str]
    RANGE_TAIL: re.Pattern[str]
    HAN_BEFORE: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _PERCENT_WORD = re.compile(f"百分之(?P<pct>{CN_RUN}|\\d+(?:\\.\\d+)?)")
    _JIAO_FEN = re.compile(r"(?:([零一二两三四五六七八九〇0-9])角)?(?:([零一二两三四五六七八九〇0-9])分)?(?<=[角分])")
    _RANGE_TAIL = re.compile(
        rf"{_SP}(?:[（(]不?含[)）]){_SP}|(?=[-—–~～])"
    )
    _HAN_BEFORE = re.compile(r"[\u3400-\u9fff]")
    return _Rx(_PERCENT_WORD, _JIAO_FEN, _RANGE_TAIL, _HAN_BEFORE)


def _percentages(text: str, tables: NumberTables, out: Proposal) -> None:
    """百分之八 (when the numerals step, which writes it 8%, is off)."""
    for m in _rx().PERCENT_WORD.finditer(text):
        v = parse_cn_strict(m.group("pct")) or parse_number(m.group("pct"))
        if v is not None and not tables.is_protected(text, m.start(), m.end()):
            out.quantities.append(
                FoundQuantity(m.group(), (m.start(), m.end()), v, "%", "百分之", _approx_before(text, m.start()))
            )


def _value(
    text: str, s: str, start: int, end: int, unit_end: int, tables: NumberTables
) -> tuple[Decimal, Decimal | None] | None:
    """The value of a number ``s`` = ``text[start:end]`` (multiplier applied) and its multiplier."""
    if s[0].isdigit():
        read = _read_arabic(s)
        if read is not None:  # 12, 12.5, 12.62亿, 1.27 亿
            return read[0], _MULTIPLIERS[read[1]] if read[1] else None
    elif s[0] != "-":
        cv = tables.chinese_counts(text, start, end, unit_end)
        return None if cv is None else (cv, None)
    v = parse_number(s)
    return None if v is None else (v, _MULTIPLIERS.get(_mult_text(s)))


@lru_cache(maxsize=8192)  # a memo of a pure function: a report repeats 1, 2, 10 …, and Decimal is slow
def _read_arabic(s: str) -> tuple[Decimal, str] | None:
    """The value of a plain Arabic number, maybe with a multiplier, and the multiplier written.

    >>> _read_arabic("12.50"), _read_arabic("12.62亿"), _read_arabic("1.27 亿"), _read_arabic("三")
    ((Decimal('12.5'), ''), (Decimal('1262000000'), '亿'), (Decimal('127000000'), '亿'), None)
    """
    if not s[0].isdigit():
        return None
    if (s.isdigit() and s.isascii()) or _PLAIN.fullmatch(s):
        return (Decimal(s) if s[-1] != "0" or "." not in s else plain_decimal(Decimal(s))), ""
    m = _PLAIN_MULT.fullmatch(s)
    if m is None:
        return None
    number, mult = m.groups()
    whole, _, fraction = number.partition(".")
    exponent = _MULTIPLIER_EXPONENTS[mult]
    if len(fraction) <= exponent and len(number) <= 15:
        # an integer: plain_decimal(Decimal(number) * multiplier) without the Decimal arithmetic
        # (exact: at most 15 + 13 digits, within the 28 of the default context)
        return Decimal(int(whole + fraction) * 10 ** (exponent - len(fraction))), mult
    return plain_decimal(Decimal(number) * _MULTIPLIERS[mult]), mult


_MULTIPLIER_EXPONENTS = {"千万": 7, "百万": 6, "万亿": 12, "亿": 8, "万": 4, "千": 3}
_MULTIPLIERS = {k: Decimal(10**e) for k, e in _MULTIPLIER_EXPONENTS.items()}
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


@cache
def _currencies() -> tuple[dict[str, str], int, frozenset[str]]:
    """The currency words (``currencies.tsv``, read on first use) with their codes, the longest
    word's length, and the words' last characters (a cheap test before the lookup)."""
    words = {row[0]: row[1] for row in package_lexicon("currencies.tsv").rows}
    return words, max(map(len, words)), frozenset(w[-1] for w in words) | frozenset("约近")


def _currency_before(text: str, start: int) -> str | None:
    """The currency named just before an amount (``港币三千二百万元``, ``新台币 12.5 亿元``), or None.

    >>> _currency_before("港币3200万元", 2), _currency_before("新臺幣 12.5億元", 4), _currency_before("投资3万元", 2)
    ('HKD', 'TWD', None)
    """
    i = start
    if i and text[i - 1] in _SP_CHARS:
        i -= 1
    if i and text[i - 1] in "约近":  # 港币约 300 万元
        i -= 1
    words, longest, _ = _currencies()
    for n in range(min(longest, i), 1, -1):
        unit = words.get(text[i - n : i])
        if unit is not None:
            return unit
    return None


_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_JIAO_FIRST = frozenset("零一二两三四五六七八九〇0123456789")


def _mult_written(number: str) -> bool:
    """Whether a multiplier (万, 亿, 千) is written in ``number`` (3万元五角 is no amount in 角)."""
    return any(c in number for c in "万亿千萬億")


def _with_cents(value: Decimal, cents: re.Match[str]) -> Decimal:
    """``value`` yuan plus the 角 and 分 of ``cents`` (``元五角`` → +0.5, ``元1角1分`` → +0.11)."""
    jiao, fen = cents.groups()
    extra = Decimal(0)
    if jiao:
        extra += Decimal(_CN_DIGIT_VALUE.get(jiao, int(jiao) if jiao.isdigit() else 0)) / 10
    if fen:
        extra += Decimal(_CN_DIGIT_VALUE.get(fen, int(fen) if fen.isdigit() else 0)) / 100
    return plain_decimal(value + extra)


_DASH = re.compile(rf"(?:-{{1,2}}|—{{1,2}}|–|~|～){_SP}")
#: What may follow the low end of a dash range: a dash, a space, or (含) in brackets.
_AFTER_RANGE_START = frozenset("-—–~～（( \u00a0\u3000")
_RANGE_MARK = frozenset("-—–~～（(")


def _may_range(text: str, end: int) -> bool:
    """Whether a dash or a bracket stands at ``end``, maybe after one space (a dash range may follow)."""
    c = text[end : end + 1]
    if c in _SP_CHARS:
        c = text[end + 1 : end + 2]
    return c != "" and c in _RANGE_MARK


def _dash_ranges(text: str, found: list[Found], tables: NumberTables) -> list[Found]:
    """Quantities with a dash range read as one: ``1万（含）-5万元`` is 10000 to 50000 yuan, not
    1万 and −50000; ``5万元-10万元`` and ``1万元--5万元`` likewise. A count after a dash after a
    word (``工作计划-22篇``) is no negative count.

    >>> qs = quantities("补助1万（含）-5万元，5万元--10万元，工作计划-22篇", Context()).quantities
    >>> [(q.text, str(q.value), q.unit, str(q.high)) for q in qs]
    [('1万（含）-5万元', '10000', 'CNY', '50000'), ('5万元--10万元', '50000', 'CNY', '100000'), \
('22篇', '22', '篇', 'None')]
    """
    out: list[Found] = []
    i = 0
    n = len(found)
    while i < n:
        p = found[i]
        e = p.span[1]
        if p.text[0] != "-" and not (text[e : e + 1] in _AFTER_RANGE_START and _may_range(text, e)):
            out.append(p)  # the common case, at once
            i += 1
            continue
        nxt = found[i + 1] if i + 1 < n else None
        tail = _rx().RANGE_TAIL.match(text, p.span[1]) if p.high is None and not p.text.startswith("-") else None
        dash = _DASH.match(text, tail.end()) if tail is not None else None
        if dash is not None:
            at = dash.end()
            high: Decimal | None = None
            q_end = -1
            unit = written = None
            took_next = nxt is not None and nxt.high is None and nxt.span[0] in (at, at - 1)
            if nxt is not None and took_next:
                high = -nxt.value if nxt.text.startswith("-") else nxt.value
                q_end, unit, written = nxt.span[1], nxt.unit, nxt.written_unit
            else:  # 5万元--10万元: the number after a double dash was not read
                m = _amount(tables.unit_pattern).match(text, at)
                u = None if m is None else tables.units.get(m.group("unit"))
                value = None if m is None else parse_number(m.group(1))
                if m is not None and u is not None and value is not None:
                    high = _canonical(value, u.factor)
                    q_end, unit, written = m.end(), u.unit, m.group("unit")
            if high is not None and unit is not None and p.unit in (None, unit):
                out.append(FoundQuantity(text[p.span[0] : q_end], (p.span[0], q_end), p.value, unit, written,
                                         p.approximate, high))
                i += 2 if took_next else 1
                continue
            if nxt is not None and took_next and nxt.text.startswith("-"):
                # no one range (3000元（含）-50人), but the dash is still no minus
                found[i + 1] = _unsigned(nxt)
        if p.text.startswith("-") and p.span[0] and _rx().HAN_BEFORE.match(text, p.span[0] - 1):
            u = tables.units.get(p.written_unit or "")
            if u is not None and u.dimension == "count":  # a dash after a word, before a count: 计划-22篇
                p = _unsigned(p)
        out.append(p)
        i += 1
    return out


def _unsigned(q: Found) -> Found:
    """``q`` read without the dash before it (``-22篇`` → ``22篇``)."""
    return FoundQuantity(q.text[1:], (q.span[0] + 1, q.span[1]), -q.value, q.unit, q.written_unit, q.approximate,
                    None if q.high is None else -q.high)


@lru_cache(maxsize=4)  # a memo: one pattern per unit table
def _amount(unit_pattern: str) -> re.Pattern[str]:
    """An Arabic number, maybe with 万/亿, and a unit (what follows a double dash)."""
    return re.compile(rf"(\d+(?:\.\d+)?{_SP}(?:{_MULT}|)){_SP}(?P<unit>{unit_pattern})")


QUANTITIES = Step(
    "quantities",
    make_quantities,
    lexicons={
        "units": Schema((("written", "unit", "factor", "dimension"),)),
        "protected": Schema((("expression",),)),
        "money-context": Schema((("word",),)),
        "currencies": Schema((("word", "unit"),)),
    },
)
