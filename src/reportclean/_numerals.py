"""Chinese numerals that measure become Arabic; unit spellings unified.

GB/T 15835-2011 (出版物上数字用法) writes measures in Arabic digits, but leaves
numerals inside fixed expressions as written, and reports write their slogans
and policy names with counts (三个转变, 两项补贴, 三次产业, 市十四次党代会).
What follows the numeral tells the two apart, not a list of slogans: by default
(``Config(numerals="measures")``) a numeral is converted only where it is
certainly a quantity —

- before a unit of measure, a currency or a percentage point (``units``
  lexicon, any dimension but ``count``): ``三千五百万元`` → ``3500万元``,
  ``十二公里`` → ``12公里``, ``三个百分点`` → ``3个百分点``;
- a year, a date or a percentage: ``二〇二三年十月`` → ``2023年10月``,
  ``百分之八`` → ``8%``.

A count before a measure word (个, 次, 项, 人次, 条 …: dimension ``count``) stays as
written, with a 万/亿 magnitude too (``两万余人``, ``三萬人次``: a count, not a measure;
the ``quantities`` step still reports its value); ``Config(numerals="counts")`` converts those too (``六个工作专班`` →
``6个工作专班``), except ordinal sessions (``十一届四次全会``, ``市十四次党代会``).
Never converted, in any mode: ordinals, enumerations, approximations, a lone
一/二, financial numerals (``人民币伍拾万元整``: 大写 is written on purpose) and
protected expressions (``protected`` lexicon: 十三五, 四个意识 …).
Only digits are written: a 萬/億 stays 萬/億, so traditional text stays
traditional (``兩億元`` → ``2億元``).

Unit spellings are unified after a number: ``㎡``, ``m2``, ``平米`` → ``m²``;
``KM``, ``Km``, ``㎞`` → ``km``; ``km2``, ``㎢`` → ``km²``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial

from ._config import Config, NumeralMode
from ._edits import Context, Proposal, Step
from ._lexicon import Lexicon, Schema
from ._numbers import parse_cn_strict, plain_decimal
from ._numlex import CN_NUMERAL, CN_POINT, CN_RUN, NOT_BEFORE, NumberTables

__all__ = ["NUMERALS", "NumeralRules", "compile_rules", "make_numerals", "numerals", "run"]

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
_RANGE = frozenset("至到~～—–-")
_CN_NUMERAL_SET = frozenset(CN_NUMERAL)


def _pattern(tables: NumberTables) -> re.Pattern[str]:
    # One pass over Chinese numeral runs; the first character is a character class, so the regex
    # engine skips the text between numerals in C. A run is kept when 年 (a year, or a range of
    # years: 二〇二〇至二〇二一年), 月 (a date) or a measure word follows it; the rest is decided
    # in Python per match.
    return re.compile(
        f"(?P<run>[{CN_NUMERAL}]{NOT_BEFORE}[{CN_NUMERAL}{CN_POINT}]*)"
        f"(?:(?P<year>(?=年|[至到~～—–-]{{1,2}}[{_CN_DIGITS}]{{4}}年))"
        f"|月(?:(?P<day>[{CN_NUMERAL}]{{1,3}})[日号])?"
        f"|(?=[余多]?(?P<measure>{tables.measure_pattern}))"
        f"|(?P<range_day>(?=[日号])))"  # the end of a range of days, if a date precedes (see _numerals)
    )


def _arabic(value: Decimal, run: str) -> str:
    """Arabic digits for a numeral, keeping a final 万/亿 as written (三千五百万 → 3500万, 兩億 → 2億).

    >>> _arabic(Decimal(35000000), "三千五百万"), _arabic(Decimal(200000000), "兩億"), _arabic(Decimal(12), "十二")
    ('3500万', '2億', '12')
    """
    for suffix, scale in (("万亿", 10**12), ("萬億", 10**12), ("亿", 10**8), ("億", 10**8), ("万", 10**4),
                          ("萬", 10**4)):  # fmt: skip
        if run.endswith(suffix) and len(run) > len(suffix):
            short = plain_decimal(value / scale)
            if short * scale == value:
                return f"{short:f}{suffix}"  # the magnitude as written: no simplified 亿 in traditional text
    return f"{value:f}"


# Financial (大写) numerals: a deliberate form for amounts (contracts, tenders), kept as written.
_FINANCIAL = frozenset("壹贰貳弍叁參叄肆伍陆陸柒捌玖拾佰仟")
# Measure words of ordinal sessions: 十一届四次全会, 市十四次党代会 (a count never converted there).
_SESSION_WORDS = frozenset("次届屆")
# A rank, not a count: 前三名, 后五位.
_RANK_WORDS = frozenset(("名", "位"))
_CLAUSE_END = re.compile("[，。；：、！？,.;:!?（）()“”\n]")


@dataclass(frozen=True, slots=True)
class NumeralRules:
    """The compiled rules of the step for one config: number tables, the numeral regex and the mode."""

    tables: NumberTables
    pattern: re.Pattern[str]
    mode: NumeralMode


def compile_rules(config: Config) -> NumeralRules:
    """The step's rules for ``config``, compiled on first use (memoised on its ``units`` and
    ``protected`` lexicons and its mode)."""
    mode: NumeralMode = "counts" if config.numerals == "counts" else "measures"
    return _compile(tuple(x for x in config.lexicons if x.kind in ("units", "protected")), mode)


@lru_cache(maxsize=16)
def _compile(user: tuple[Lexicon, ...], mode: NumeralMode) -> NumeralRules:
    tables = NumberTables.build(user)
    return NumeralRules(tables, _pattern(tables), mode)


def run(text: str, context: Context, rules: NumeralRules) -> Proposal:
    """Chinese numerals to Arabic digits, as ``rules`` say; see :func:`numerals`."""
    return _numerals(text, rules.tables, rules.pattern, rules.mode)


def make_numerals(config: Config) -> Callable[[str, Context], Proposal]:
    """Build the numerals step for a config (its ``units`` and ``protected`` lexicons and its mode)."""
    return partial(run, rules=compile_rules(config))


def numerals(text: str, context: Context) -> Proposal:
    """Chinese numerals that measure to Arabic digits; unit spellings unified (mode ``measures``).

    >>> p = numerals("投入三千五百万元，惠及两万余人，占百分之八，兩億元，接待三萬人次", Context())
    >>> [(e.replacement, e.rule) for e in p.edits]  # 两万余人, 三萬人次: counts, kept
    [('3500万', 'cn-numeral'), ('2億', 'cn-numeral'), ('8%', 'cn-percent')]
    >>> [(e.replacement, e.rule) for e in numerals("面积 120㎡，长 13KM", Context()).edits]
    [('m²', 'unit-spelling'), ('km', 'unit-spelling')]
    >>> numerals("建立六个工作专班，三次产业，“十三五”规划，第一季度，一是两个维护，三四个人", Context()).edits
    []
    """
    return run(text, context, compile_rules(Config()))


def _numerals(text: str, tables: NumberTables, pattern: re.Pattern[str], mode: NumeralMode) -> Proposal:
    out = Proposal()
    units = tables.units
    dates: set[int] = set()  # ends of converted days (after them: 日)
    for m in pattern.finditer(text):
        run, year, _, measure, range_day = m.groups()
        start, end = m.span(1)  # run
        if start and text[start - 1] in _BREAK and _continued(text, start):
            continue  # the numeral may begin on the line before (三十⏎五万元): not read from its middle
        if year is not None:
            digits = len(run) == 4 and all(c in _CN_DIGIT_VALUE for c in run)
            if digits and not tables.is_protected(text, start, end + 1):
                out.replace(start, end, "".join(str(_CN_DIGIT_VALUE[c]) for c in run), rule="cn-year")
        elif measure is not None:
            if not _FINANCIAL.isdisjoint(run):
                continue  # 大写 (壹佰万元): written so on purpose, often beside the figure in digits
            if units[measure].dimension == "count":  # with a 万/亿 magnitude too: 三萬人次 is a count
                if (
                    mode == "measures"
                    or _session(text, start, m.end(4))
                    or _quoted(text, start, m.end(4))
                    or (start and text[start - 1] in "前后" and measure in _RANK_WORDS)
                ):
                    continue  # a count: a term or slogan as often as a quantity (三个转变, 两项补贴)
            unit_end = m.end(4)  # measure
            if _after_years(text, start):
                continue  # 两年零三个月: the years stay in Chinese numerals, so do the months
            if _idiom_pair(pattern, text, unit_end):
                continue  # a pair of numerals, the second with no unit: an idiom (三天三夜, 五天四夜)
            value = tables.chinese_counts(text, start, end, unit_end)
            if value is not None:
                out.replace(start, end, _arabic(value, run), rule="cn-numeral")
        elif range_day is not None:  # 二月二十日至二十二日: the second day of a converted date
            if (start - 2) in dates and text[start - 1] in _RANGE:
                d = parse_cn_strict(run)
                if d is not None and 1 <= d <= 31 and not tables.is_protected(text, start, end):
                    out.replace(start, end, f"{d}", rule="cn-date")
        else:
            day_end = _date(text, m, tables, out)
            if day_end is not None:
                dates.add(day_end)
    if "百分之" in text:
        for m in _PERCENT.finditer(text):
            value = parse_cn_strict(m.group("pct"))
            if _continues(text, m.end()):
                continue  # 百分之十点⏎一 is 10.1%, not 10% and 点一
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


_BREAK = frozenset(" \t\u3000\r\n")
_NUMERAL_GOES_ON = frozenset(CN_NUMERAL + CN_POINT)


def _continued(text: str, start: int) -> bool:
    """Whether a numeral character ends the line before ``text[start]`` (spaces and one break between).

    >>> _continued("增加三十\\n五万元", 5), _continued("。\\n五万元", 2)
    (True, False)
    """
    i = start - 1
    while i >= 0 and text[i] in _BREAK and text[i] != "\n":
        i -= 1
    if i < 0 or text[i] != "\n":
        return False
    i -= 1
    while i >= 0 and text[i] in _BREAK and text[i] != "\n":
        i -= 1
    return i >= 0 and text[i] in _NUMERAL_GOES_ON


def _continues(text: str, end: int) -> bool:
    """Whether the numeral ending at ``end`` goes on: 点, or a numeral character after a line break.

    >>> _continues("百分之十点\\n一", 4), _continues("百分之十\\n一是", 4), _continues("百分之十，", 4)
    (True, True, False)
    """
    if end < len(text) and text[end] in _NUMERAL_GOES_ON:
        return True
    j = end
    while j < len(text) and text[j] in _BREAK and text[j] != "\n":
        j += 1
    if j >= len(text) or text[j] != "\n":
        return False
    j += 1
    while j < len(text) and text[j] in _BREAK and text[j] != "\n":
        j += 1
    return j < len(text) and text[j] in _NUMERAL_GOES_ON


def _after_years(text: str, start: int) -> bool:
    """Whether a count of years in Chinese numerals ends right before ``text[start]`` (三年五个月, 两年零三个月).

    >>> _after_years("历时三年五个月", 4), _after_years("两年零三个月", 3), _after_years("今年五个月", 2)
    (True, True, False)
    """
    j = start - 1
    if j >= 0 and text[j] == "零":
        j -= 1
    return j >= 1 and text[j] == "年" and text[j - 1] in _CN_NUMERAL_SET


def _idiom_pair(pattern: re.Pattern[str], text: str, unit_end: int) -> bool:
    """Whether a numeral with no unit follows the measure ending at ``unit_end`` (三天三夜). A percent
    (百分之四) is a figure of its own: 二十元百分之四 converts the same before and after the percent does.

    >>> p = compile_rules(Config()).pattern
    >>> _idiom_pair(p, "三天三夜", 2), _idiom_pair(p, "二十元百分之四", 3), _idiom_pair(p, "三公里二百米", 3)
    (True, False, False)
    """
    if unit_end >= len(text) or text[unit_end] not in _CN_NUMERAL_SET:
        return False
    return not text.startswith("百分之", unit_end) and not _measured(pattern, text, unit_end)


def _measured(pattern: re.Pattern[str], text: str, start: int) -> bool:
    """Whether the numeral at ``text[start]`` stands before a unit or measure word (三公里二百米: 二百米)."""
    m = pattern.match(text, start)
    return m is not None and m.group("measure") is not None


def _session(text: str, start: int, unit_end: int) -> bool:
    """Whether the count ``text[start:unit_end]`` numbers a session: 四次全会, 十四次党代会, 十一届.

    A 次 or 届 after the numeral, and a 届 before it or a 会 later in its clause.

    >>> _session("区委十一届四次全会", 5, 7), _session("市十四次党代会", 1, 4), _session("开展四次培训", 2, 4)
    (True, True, False)
    """
    if text[unit_end - 1] not in _SESSION_WORDS:
        return False
    if start and text[start - 1] in _SESSION_WORDS:
        return True
    clause = _CLAUSE_END.search(text, unit_end, unit_end + 12)
    tail = text[unit_end : clause.start() if clause else unit_end + 12]
    return "会" in tail or "會" in tail


_OPEN, _CLOSE = "“‘「『《", "”’」』》"
_QUOTE_SPAN = 12  # a name in quotation marks is short; a longer quotation is a sentence
_SENTENCE_MARK = re.compile("[，。；：！？,;:!?\n]")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a short quotation: a name (“新九条”, “三个清单”).

    >>> _quoted("落实“两个责任、三个清单”", 8, 10), _quoted("他说：“全年开展了四次培训，效果很好。”", 9, 11)
    (True, False)
    """
    before = text[max(0, start - _QUOTE_SPAN) : start]
    opened = max(before.rfind(c) for c in _OPEN)
    if opened < 0 or any(c in before[opened:] for c in _CLOSE) or _SENTENCE_MARK.search(before, opened + 1):
        return False
    after = text[end : end + _QUOTE_SPAN]
    closed = min((i for i in (after.find(c) for c in _CLOSE) if i >= 0), default=-1)
    return closed >= 0 and not _SENTENCE_MARK.search(after, 0, closed)


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


def _date(text: str, m: re.Match[str], tables: NumberTables, out: Proposal) -> int | None:
    """A month (with its day) is converted when a day follows it or a year precedes it.

    Returns where the converted day ends (None if no day was converted).
    """
    day = m.group("day")
    s, e = m.span("run")
    if day is None and not (s and text[s - 1] == "年"):
        return None
    month = parse_cn_strict(m.group("run"))
    if month is None or not 1 <= month <= 12 or tables.is_protected(text, s, m.end()):
        return None
    out.replace(s, e, f"{month}", rule="cn-date")
    if day is None:
        return None
    d = parse_cn_strict(day)
    if d is None or not 1 <= d <= 31:
        out.edits.pop()  # the month is converted with its day or not at all
        return None
    out.replace(m.start("day"), m.end("day"), f"{d}", rule="cn-date")
    return m.end("day")


NUMERALS = Step(
    "numerals",
    make_numerals,
    rules=("cn-numeral", "cn-year", "cn-date", "cn-percent", "unit-spelling"),
    lexicons={
        "units": Schema((("written", "unit", "factor", "dimension"),)),
        "protected": Schema((("expression",),)),
    },
)
