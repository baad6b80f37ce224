"""Missing numbers: a blank where a number must stand (part of the ``checks`` step).

A gap is flagged ``missing-number`` only where a number is due: before a measure word or
unit, after a word that takes one, never on words such as 每年, 当年, 全年, 个人, 次要.

- after a converter space, a measure word at a clause end: ``学习 次，``, ``完成率 %``;
- straight after a word, for 次/个 (``学习次，``; not 每次, 层次, 整个);
- money after a word that announces a sum: ``总值亿元``, ``人均元``;
- a date with blanks: ``2014年 月 日``;
- after a verb or preposition and a space, a counter before its noun: ``为 位大学生``,
  ``出清 家企业`` (data/gaps.tsv, roles ``gap-after``, ``counter``, ``not-count``);
- a verb straight before a counter at a clause end, in a document with other blanks:
  ``直接调解件，``;
- a list item that starts with a counter its siblings write with a number:
  ``增添2台X光机、 台B超仪``;
- ``余`` with no number before it: ``征地余亩``;
- blank ordinals and years: ``镇届人大``, ``第届``, ``。年全镇…``, ``是年的2.08倍``;
- a converter's blank before clause punctuation after a word that takes a figure (role
  ``end-gap``: ``达 ，``, ``共 。``), or after a verb of change in a comparison (role
  ``end-gap-compared``: ``比上年增长 。``; in a document with other blanks, with no comparison too);
- a distance with no number (``距县城公里``);
- in a document with other blanks, zero-width blanks a stripped template leaves: a measured
  noun straight before its unit (role ``measured``: ``面积平方公里``), a verb straight before
  a counter and its noun (``下辖个行政村``), ``个`` after a list mark or 等 (``，个村民小组``), a
  household count with both figures gone (``脱贫户户人``), a noun's own counter at a clause end
  (role ``noun-counter``: ``工作队支，``).

Digits that a PDF text layer pushed onto a line of their own (a line holding only ``4``
just above or below) explain a blank: it is flagged ``displaced-number`` (info) instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ._cjk import HAN as _HAN
from ._edits import Proposal

if TYPE_CHECKING:
    from ._checks import CheckRules

__all__ = ["BOUNDARY", "DETERMINERS", "NOUN_SUFFIX", "ROLES", "SPACED_FIRSTS", "by_first", "end_word", "matches",
           "missing_numbers"]

#: The roles of data/gaps.tsv read here (built-in words only) besides those CheckRules compiles.
ROLES = ("end-gap", "end-gap-compared", "not-end", "measured", "noun-counter", "reach")

SP = " \u3000\u00a0\t"
BOUNDARY = r"(?=[，。；、,;.：:）)！？!?\s]|$)"
#: Characters before a measure word that make it no missing number: numerals, determiners.
DETERMINERS = "〇○零一二三四五六七八九十百千万亿两几数多每首本此该这那各某整单逐历屡上下前后全半余若"
#: What may stand before a measure word whose number was lost (one pattern each in CheckRules.spaced).
SPACED_FIRSTS = " \u3000\u00a0\n"


def by_first(firsts: str, rest: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per first character: a literal first character is found at C speed,
    a character class is tested at every position (ten times slower)."""
    return tuple(re.compile(re.escape(c) + rest) for c in firsts)


def matches(
    firsts: str, patterns: tuple[re.Pattern[str], ...], text: str, present: str | None = None
) -> Iterator[re.Match[str]]:
    """The matches of patterns made by :func:`by_first`, pattern by pattern; a pattern whose
    first character is not in ``text`` (or not in ``present``, when the caller looked once for
    several pattern sets) is skipped (``in`` is faster than the regex's own scan)."""
    for first, pattern in zip(firsts, patterns, strict=True):
        if first in (text if present is None else present):
            yield from pattern.finditer(text)


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    DIGIT_NEAR: re.Pattern[str]
    TWO_HAN: re.Pattern[str]
    HAN_CHAR: re.Pattern[str]
    PERCENT: tuple[re.Pattern[str], ...]
    DATE_GAP: tuple[re.Pattern[str], ...]
    YUAN: re.Pattern[str]
    LONE_NUMBER: re.Pattern[str]
    GLOSS_END: re.Pattern[str]
    YEAR_OF: re.Pattern[str]
    ORDINAL_GAP: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _DIGIT_NEAR = re.compile(r"[0-9０-９]")
    _TWO_HAN = re.compile(rf"[{_HAN}]{{2}}")
    _HAN_CHAR = re.compile(rf"[{_HAN}]")
    #: A percent sign after a hanzi or a space (the rest is tested in Python).
    _PERCENT = tuple(re.compile(rf"{p}(?<=[{_HAN}{re.escape(SP)}]{p})") for p in "%％")
    _DATE_GAP = (
        re.compile(rf"年(?:([ \u3000]+)月(?:[ \u3000]*日)?(?![{_HAN}])|月日)"),
        re.compile(rf"月()[ \u3000]+日(?![{_HAN}])"),
    )
    #: 元 after a money cue (or 万/亿 after one: tested in Python).
    _YUAN = re.compile(f"元(?<=[{''.join(sorted(_MONEY_CUE))}万亿]元){BOUNDARY}")
    #: A line that holds a number only: digits a PDF text layer pushed out of their sentence.
    _LONE_NUMBER = re.compile(r"\n[ \u3000\t]*[0-9]{1,4}[ \u3000\t]*(?=\n|$)")
    #: A pinyin gloss some sites put after a character (鎮(zhèn)): skipped when looking back.
    _GLOSS_END = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)$")
    #: 年 of a blank year before 的 and a multiple (是 年的2.08倍): the word before it frames a year.
    _YEAR_OF = re.compile(r"年的(?<=[是为较]年的)(?=[0-9０-９.]+倍|[一二三四五六七八九十两]+倍)")
    #: 第 straight before a measure word: the ordinal is blank (第 届, 第次).
    _ORDINAL_GAP = re.compile(rf"第[ \u3000]*(?=[届次期批轮][{_HAN}])")
    return _Rx(
        _DIGIT_NEAR,
        _TWO_HAN,
        _HAN_CHAR,
        _PERCENT,
        _DATE_GAP,
        _YUAN,
        _LONE_NUMBER,
        _GLOSS_END,
        _YEAR_OF,
        _ORDINAL_GAP,
    )


#: A word that announces a sum of money, before 元/万元/亿元 (总值亿元, 人均元).
_MONEY_CUE = frozenset("值额均计达约入资款费支出收共")
#: Characters before 余 that make a word of it (其余, 剩余, 业余, 结余 …), not a blank number.
_NOT_BEFORE_YU = frozenset("其剩多业残富空有之课工节结盈赢闲宽年月日茶")
#: Numerals before 、 that number a heading or an item (三、, 十二、), not a list.
_ENUMERATORS = frozenset("〇零一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾")
#: Characters that end a place name (余家村, 余家湾: 余 a surname, not “more than”).
_PLACE_SUFFIX = frozenset("村湾坝庄镇寨桥岭坪沟营河山巷堡店畈塘冲屯铺街乡圩垸岗洼")
#: Characters that end an administrative unit, before a blank ordinal (镇 届人大).
_ADMIN = frozenset("镇乡县区市省州村街旗盟")
#: A template's stand-in for a figure (placeholders flags it).
_STAND_INS = frozenset("XxＸｘ×*＊_＿□")
#: Where a sentence starts (a blank year may stand right after).
_SENTENCE_STARTS = frozenset("。！？；!?;\n")


def missing_numbers(text: str, rules: CheckRules, out: Proposal, shown: str | None = None) -> None:
    """Flag blanks where a number must stand (``missing-number``), or ``displaced-number`` where
    a lone number on a nearby line explains the blank.

    ``text`` is matched (a traditional text folded to simplified characters, one for one);
    ``shown`` is the text quoted in messages (the step's input), ``text`` if None.

    >>> from reportclean._checks import check_rules
    >>> from reportclean._config import Config
    >>> def gaps(t):
    ...     out = Proposal()
    ...     missing_numbers(t, check_rules(Config()), out)
    ...     return [(f.code, t[f.start:f.end]) for f in out.flags]
    >>> gaps("今年为 位大学生提供岗位，出清 家企业。")
    [('missing-number', ' 位'), ('missing-number', ' 家')]
    >>> gaps("每年为 个人发放补贴，当年全镇完成，逐年增长，同年度。")
    []
    """
    shown = text if shown is None else shown
    seen: set[int] = set()
    stripped = [0]  # zero-width blanks (a figure stripped out, no converter's space in its place)
    lone: list[int] = []  # where the lines holding a number alone start (found at the first blank)

    def flag(start: int, end: int, lo: int) -> None:
        if start in seen or any(c in _STAND_INS for c in text[max(0, start - 3) : start]):
            return  # (xx万剂次: a template's stand-in is the figure, flagged as a placeholder)
        if not seen:  # the first blank: find the lines holding a number alone (one on the first line: a title's)
            lone.extend(m.start() + 1 for m in _rx().LONE_NUMBER.finditer(text))
        seen.add(start)
        if text[start] not in SP + "\n":
            stripped[0] += 1
        what = " ".join(shown[lo:end].split())  # 调解\n件 reads 调解 件
        near = _lone_number_near(text, lone, start) if lone else None
        if near is not None:
            out.flag(
                start,
                end,
                "displaced-number",
                f"no number before “{what}”, but the line “{near}” nearby holds a number alone: the PDF "
                "text layer probably moved it out of the sentence; put it back from the source",
            )
            return
        out.flag(
            start,
            end,
            "missing-number",
            f"no number before “{what}”: the figure was lost (a converter or a template left it blank); "
            "take it from the source document",
        )

    # Every pattern starts with one literal character, which the regex engine finds at C
    # speed; what must stand before a match is checked here.
    # which spaces the text holds, looked for once (each absent one costs a scan of the text)
    present = "".join(c for c in SPACED_FIRSTS if c in text)
    for m in matches(SPACED_FIRSTS, rules.spaced, text, present):
        start = m.start()
        while start and text[start - 1] in SP:
            start -= 1
        # two characters of a word before the gap (not a letter-spaced heading: 工 作 总 结),
        # and no colon after (a letter-spaced form label: 填报单  位：)
        if (
            _rx().TWO_HAN.fullmatch(text, max(0, start - 2), start)
            and text[start - 1] not in DETERMINERS
            and text[m.end() : m.end() + 1] not in ("：", ":")
        ):
            flag(start, m.end(), start - 2)
    for m in matches("%％", _rx().PERCENT, text):
        start = m.start()
        while start and text[start - 1] in SP:
            start -= 1
        if start and _rx().HAN_CHAR.match(text[start - 1]) and text[start - 1] not in DETERMINERS:
            if _percent_header_or_junk(text, m.end()):
                continue
            flag(start, m.end(), start - 1)
    for pattern in rules.unspaced:  # (what must stand before is tested in the pattern)
        for m in pattern.finditer(text):
            start, end = m.span()
            flag(start, end, start - 2)
    for m in _rx().YUAN.finditer(text):
        start = m.start() - 1 if m.start() and text[m.start() - 1] in "万亿" else m.start()
        if start and text[start - 1] in _MONEY_CUE:
            flag(start, m.end(), start - 1)
    for pattern in _rx().DATE_GAP:
        for m in pattern.finditer(text):
            # 年 月 日 / 年 月: blanks after 年; 5月 日 and 2014年月日: a digit before
            if m.group(1) is None and not (m.start() and _rx().DIGIT_NEAR.match(text[m.start() - 1])):
                continue
            flag(m.start() + 1, m.end(), m.start())
    _counters_after_words(text, rules, flag, present)
    _list_items(text, rules, flag)
    _approximate_blanks(text, rules, flag)
    _ordinals_and_years(text, rules, flag)
    _end_gaps(text, flag, present)
    _distances(text, flag)
    if seen:  # the weakest evidence, read only in a document that has other blanks (and costs a scan)
        _counters_at_clause_end(text, rules, flag)
        _stripped_template(text, rules, flag)
        _end_gaps(text, flag, present, compared=False)  # 全年财政收入增长 。 with no comparison
        _ratios_and_shares(text, flag)
    _stripped_numbers(text, rules, flag, stripped[0])


#: What may follow a percent sign whose figure is gone (达%以上, 占%的, %、): anything else after
#: it is no percent (创%素材: characters a site scattered to foil copying).
_AFTER_PERCENT = frozenset("以左的和及或与至到")


def _percent_header_or_junk(text: str, end: int) -> bool:
    """Whether the ``%`` ending at ``end`` is no lost figure: a column header's unit (a line with
    no clause punctuation that ends with it: ``比上年增长%``), or a sign between two words.

    >>> _percent_header_or_junk("比上年增长%\\n粮食", 6), _percent_header_or_junk("创%素材", 2)
    (True, True)
    >>> _percent_header_or_junk("全年增长%，", 5), _percent_header_or_junk("达%以上", 2)
    (False, False)
    """
    nxt = text[end : end + 1]
    if nxt and _rx().HAN_CHAR.match(nxt):
        return nxt not in _AFTER_PERCENT
    if nxt in ("", "\n", "|") or text[end : end + 2].strip(" \u3000\t") in ("", "|"):
        line = text[text.rfind("\n", 0, end) + 1 : end]
        return not any(c in line for c in "，。；,;！？!?")
    return False


def _word_before(text: str, end: int, rules: CheckRules) -> str | None:
    """The longest verb or preposition of data/gaps.tsv (role ``gap-after``) that ends at ``end``
    (a set lookup per length: a scan of the list per candidate was the step's slowest part)."""
    for n in rules.gap_after_lengths:
        if n <= end and text[end - n : end] in rules.gap_after:
            return text[end - n : end]
    return None


def _counter_at(text: str, pos: int, rules: CheckRules) -> int:
    """The end of the counter (data/gaps.tsv) at ``pos`` that starts no other word, else -1."""
    m = rules.counter.match(text, pos)
    if m is None:
        return -1
    # (a not-count word is at most four characters: 万元以上, 元宇宙)
    for n in range(4, 1, -1):
        if text[pos : pos + n] in rules.not_count:
            return -1
    return m.end()


def _counters_after_words(text: str, rules: CheckRules, flag: _Flag, present: str | None = None) -> None:
    """``为 位大学生``, ``出清 家企业``: a verb, a converter's space, a counter before its noun."""
    for m in matches(SPACED_FIRSTS[:3], rules.spaced_counter, text, present):
        start = m.start()
        while start and text[start - 1] in SP:
            start -= 1
        if not start or text[start - 1] in DETERMINERS or not _rx().HAN_CHAR.match(text[start - 1]):
            continue
        word = _word_before(text, start, rules)
        if word is None:
            continue
        lo = start - len(word)
        if lo and text[lo - 1] in SP:  # a letter-spaced line (为 位 于), not a blank
            continue
        at = m.start()
        while text[at] in SP:
            at += 1
        end = _counter_at(text, at, rules)
        if end < 0 or word + text[at] in rules.not_count:  # 有 所提高, 有 人反映: one word
            continue
        flag(start, end, lo)


#: Counters that make a noun after a verb (投资人, 收藏家, 经济发展处, 检测所, 服务台, 讲座): never
#: read as a blank at a clause end.
NOUN_SUFFIX = frozenset("人家者员处所台座间口眼架")


def _counters_at_clause_end(text: str, rules: CheckRules, flag: _Flag) -> None:
    """``直接调解件，``: a verb of two characters or more straight before a one-character counter at
    a clause end (the number between them lost, and the line break a converter then joined)."""
    for m in (m for p in rules.counter_end for m in p.finditer(text)):
        at = m.start()
        word = _word_before(text, at, rules)
        if word is None or len(word) < 2 or text[at] in NOUN_SUFFIX or word + text[at] in rules.not_count:
            continue
        lo = at - len(word)
        if lo and (text[lo - 1] in DETERMINERS or text[lo - 1] in SP):
            continue
        flag(at, at + 1, lo)


def _list_items(text: str, rules: CheckRules, flag: _Flag) -> None:
    """``增添2台X光机、 台B超仪``: a list item that starts with a counter its siblings count."""
    for m in rules.list_item.finditer(text):
        i = m.start()
        if not i or not _rx().HAN_CHAR.match(text[i - 1]) or text[i - 1] in _ENUMERATORS:
            continue  # 三、户别人口 and 1、: a heading's number, not a list
        end = _counter_at(text, m.end(), rules)
        if end < 0:
            continue
        counter = text[m.end() : end]
        lo = max(0, m.start() - 80, *(text.rfind(c, 0, m.start()) + 1 for c in "。！？；\n"))
        hi = min(len(text), m.end() + 80)
        sentence_end = min((i for i in (text.find(c, m.end(), hi) for c in "。！？；\n") if i >= 0), default=hi)
        sibling = re.compile(rf"[0-9０-９][ \u3000\u00a0]*{re.escape(counter)}")
        if sibling.search(text, lo, m.start()) or sibling.search(text, end, sentence_end):
            flag(m.start() + 1, end, m.start())


def _approximate_blanks(text: str, rules: CheckRules, flag: _Flag) -> None:
    """``征地余亩``: 余 (more than) with no number before it."""
    start = text.find("余")
    while start >= 0:
        if start and _rx().HAN_CHAR.match(text[start - 1]):
            prev = text[start - 1]
            if prev not in DETERMINERS and prev not in _NOT_BEFORE_YU:
                end = _counter_at(text, start + 1, rules)
                if end >= 0 and text[end : end + 1] not in _PLACE_SUFFIX:  # 余家村 is a name
                    flag(start, end, start - 1)
        start = text.find("余", start + 1)


def _ordinals_and_years(text: str, rules: CheckRules, flag: _Flag) -> None:
    """``镇届人大``, ``第届``, ``。年全镇…``, ``是年的2.08倍``: a blank ordinal or year."""
    for m in rules.congress.finditer(text):  # (no ``"届" in text`` first: it costs the same scan)
        i = m.start()
        g = _rx().GLOSS_END.search(text, max(0, i - 8), i)  # 鎮(zhèn)屆
        if g is not None:
            i = g.start()
        if i and text[i - 1] in _ADMIN:
            flag(m.start(), m.start() + 1, i - 1)
    for m in _rx().ORDINAL_GAP.finditer(text):
        flag(m.start() + 1, m.end() + 1, m.start())
    for m in rules.year_next.finditer(text):
        i = m.start()
        while i and text[i - 1] in SP:
            i -= 1
        if i == 0 or text[i - 1] in _SENTENCE_STARTS:
            j = i - 1
            while j > 0 and text[j - 1] in SP + "\n":
                j -= 1
            if i and text[i - 1] == "\n" and j > 0 and _rx().DIGIT_NEAR.match(text[j - 1]):
                continue  # 2019\n年全镇: the year is on the line before
            flag(m.start(), m.start() + 1, m.start())
    for m in _rx().YEAR_OF.finditer(text):
        flag(m.start(), m.start() + 1, m.start() - 1)


def _lone_number_near(text: str, lone: list[int], pos: int) -> str | None:
    """A line holding a number alone among the three lines before ``pos``'s line or the line after."""
    line_start = text.rfind("\n", 0, pos) + 1
    lo = line_start
    for _ in range(3):
        if lo == 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
    line_end = text.find("\n", pos)
    hi = len(text) if line_end < 0 else text.find("\n", line_end + 1)
    hi = len(text) if hi < 0 else hi
    k = bisect_left(lone, lo)
    if k < len(lone) and lone[k] < hi and not (line_start <= lone[k] < (len(text) if line_end < 0 else line_end)):
        end = text.find("\n", lone[k])
        return text[lone[k] : len(text) if end < 0 else end].strip()
    return None


if TYPE_CHECKING:
    from collections.abc import Callable

    _Flag = Callable[[int, int, int], None]


class _Words(NamedTuple):
    """The built-in words of data/gaps.tsv for the roles of :data:`ROLES`."""

    end: frozenset[str]
    compared: frozenset[str]
    not_end: frozenset[str]
    measured: frozenset[str]
    noun_counter: frozenset[str]
    lengths: tuple[int, ...]  # of end and compared words, longest first
    reach: frozenset[str]
    reach_lengths: tuple[int, ...]  # longest first


@cache
def _words() -> _Words:
    from ._lexicon import package_lexicon  # (the lexicon is read on first use)

    by: dict[str, set[str]] = {r: set() for r in ROLES}
    for row in package_lexicon("gaps.tsv").rows:
        for role in row[1:3]:  # the role, and the second role in the also column
            if role in by:
                by[role].add(row[0])
    ends = by["end-gap"] | by["end-gap-compared"]
    return _Words(
        frozenset(by["end-gap"]),
        frozenset(by["end-gap-compared"]),
        frozenset(by["not-end"]),
        frozenset(by["measured"]),
        frozenset(by["noun-counter"]),
        tuple(sorted({len(w) for w in ends}, reverse=True)),
        frozenset(by["reach"] | by["end-gap"]),  # (an end-gap word takes a figure straight after it too)
        tuple(sorted({len(w) for w in by["reach"] | by["end-gap"]}, reverse=True)),
    )


#: A converter's blank before clause punctuation (one pattern per space, led by its literal).
_END_BLANK = tuple(re.compile(re.escape(c) + r"[ \u3000]*(?=[，。；、,;])") for c in " \u3000")
#: 比, 较 (同比, 环比, 比上年, 较去年) in the clause before a verb of change.
_COMPARED = re.compile(r"[比较]")
_CLAUSE_MARKS = "，。；！？,;!?\n"
_CLAUSE_OR_COLON = frozenset(_CLAUSE_MARKS + "：:")


def _clause_start(text: str, at: int, marks: frozenset[str] | str = _CLAUSE_MARKS, floor: int = 0) -> int:
    """Where the clause holding ``text[at - 1]`` starts: after the nearest of ``marks`` before
    ``at``, not before ``floor``. A walk back over the clause alone (one ``rfind`` per mark would
    scan back to the start of the text for every mark the text lacks: quadratic).

    >>> _clause_start("全年收入，同比增长", 9), _clause_start("同比增长", 4), _clause_start("甲，乙丙丁", 5, floor=3)
    (5, 0, 3)
    """
    i = at
    while i > floor and text[i - 1] not in marks:
        i -= 1
    return i


def _end_gaps(text: str, flag: _Flag, present: str | None = None, compared: bool = True) -> None:
    """``达 ，``, ``共 。``, ``同比增长 。``: a blank before clause punctuation, after a word that takes a figure.

    >>> def f(t):
    ...     out = []
    ...     _end_gaps(t, lambda s, e, lo: out.append(t[lo:e]))
    ...     return out
    >>> f("全年收入达 ，同比增长 。全镇共 。"), f("经济持续增长 。交通四通八达 。")
    (['达 ', '增长 ', '共 '], [])
    """
    compared_words = _words().compared
    for c, pattern in zip(" \u3000", _END_BLANK, strict=True):
        if c not in (text if present is None else present):
            continue
        for m in pattern.finditer(text):
            start = m.start()
            n = end_word(text, start)
            if not n:
                continue
            if compared and text[start - n : start] in compared_words:
                lo = _clause_start(text, start - n)
                if not _COMPARED.search(text, lo, start - n):
                    continue  # 经济持续增长 。: no comparison asks for a figure
            flag(start, m.end(), start - n)


def end_word(text: str, end: int) -> int:
    """The length of the word ending at ``end`` that takes a figure (roles ``end-gap`` and
    ``end-gap-compared``: 达, 共, 增长), so that a blank after it before clause punctuation is a
    lost figure; 0 when there is none, or when the word ends another one (发达, 总共). The
    spacing step keeps the space there for this check.

    >>> end_word("全年收入达", 5), end_word("同比增长", 4), end_word("四通八达", 4), end_word("经济", 2)
    (1, 2, 0, 0)
    """
    words = _words()
    for n in words.lengths:
        if n > end:
            continue
        word = text[end - n : end]
        if word not in words.end and word not in words.compared:
            continue
        if any(text[end - k : end] in words.not_end for k in (2, 3, 4) if k <= end):
            return 0  # 发达 ，, 总共: the word ends another one
        return n
    return 0


_DISTANCE = re.compile(rf"距(?:离)?[{_HAN}]{{1,6}}?(?:公里|千米|米|里)(?=[，。；、,;）)]|$)")


def _distances(text: str, flag: _Flag) -> None:
    """``距县城公里``: a distance with no number before its unit (数公里 and 三十公里 have one)."""
    if "距" not in text:
        return
    for m in _DISTANCE.finditer(text):
        unit = m.end() - (2 if text[m.end() - 2 : m.end()] in ("公里", "千米") else 1)
        if text[unit - 1] in DETERMINERS or text[unit - 1] in "约近余":
            if text[unit - 1] in "约近":
                flag(unit, m.end(), m.start())  # 距县城约公里: the number after 约 is gone
            continue
        flag(unit, m.end(), m.start())


_LIST_COUNTER = re.compile(rf"个(?<=[，,、等]个)(?=[{_HAN}])")
_HOUSEHOLDS = re.compile(r"户户人(?!人)")


def _stripped_template(text: str, rules: CheckRules, flag: _Flag) -> None:
    """Zero-width blanks of a template whose figures were stripped, read only in a document with
    other blanks: ``面积平方公里``, ``下辖个行政村``, ``，个村民小组``, ``脱贫户户人``, ``工作队支，``."""
    words = _words()
    for word in words.measured:
        i = text.find(word)
        while i >= 0:
            end = _counter_at(text, i + len(word), rules)
            if end > 0:
                flag(i + len(word), end, i)
            i = text.find(word, i + 1)
    for m in _LIST_COUNTER.finditer(text):
        end = _counter_at(text, m.start(), rules)
        if end > 0:
            flag(m.start(), end, m.start() - 1)
    for m in _HOUSEHOLDS.finditer(text):
        flag(m.start() + 1, m.start() + 2, m.start())
        flag(m.start() + 2, m.start() + 3, m.start())
    for pair in words.noun_counter:
        i = text.find(pair)
        while i >= 0:
            at = i + len(pair) - 1
            if text[at + 1 : at + 2] and text[at + 1] in _CLAUSE_MARKS + "：:":
                flag(at, at + 1, i)
            i = text.find(pair, i + 1)
    # a verb of two characters or more straight before a one-character counter and its noun
    for m in _VERB_COUNTER.finditer(text):
        at = m.start()
        verb = _word_before(text, at, rules)
        if verb is None or len(verb) < 2 or verb + text[at] in rules.not_count:
            continue
        end = _counter_at(text, at, rules)
        if end > 0 and end == at + 1 and _rx().HAN_CHAR.match(text, end):
            flag(at, end, at - len(verb))


_VERB_COUNTER = re.compile(rf"个(?<=[{_HAN}]个)(?=[{_HAN}])")


#: How many zero-width blanks (a figure gone with no space left in its place) show that a
#: document's figures were stripped wholesale, so that the weakest forms are read too.
STRIPPED_EVIDENCE = 5
#: A ratio with both figures gone (调整为：，) and a share with its figure gone (占…的以上).
_RATIO = re.compile(r"[:：](?<=[为是][:：])(?=[，。；,;])")
_SHARE = re.compile(r"的(?=以上|以下|左右)")


def _ratios_and_shares(text: str, flag: _Flag) -> None:
    """``比调整为：，`` (a ratio with both figures gone) and ``占农业总产值的以上`` (a share with
    no figure before 以上), read in a document with other blanks.

    >>> def f(t):
    ...     out = []
    ...     _ratios_and_shares(t, lambda s, e, lo: out.append(t[lo:e]))
    ...     return out
    >>> f("两者之比调整为：，占全镇总产值的以上。"), f("主要任务为：一是抓好，以上的工作。")
    (['为：', '占全镇总产值的以上'], [])
    """
    for m in _RATIO.finditer(text):
        flag(m.start(), m.end(), m.start() - 1)
    for m in _SHARE.finditer(text):
        lo = _clause_start(text, m.start(), floor=max(0, m.start() - 16))
        at = text.rfind("占", lo, m.start())
        if at >= 0:
            flag(m.end(), m.end() + 2, at)


#: What stands before a bare verb of change whose figure was stripped: nothing (the clause is
#: the verb: 万元，增长；) or a short comparison (同比增长。, 比上年增长；).
_COMPARISON = re.compile(r"(?:同比|环比|[比较](?:上年|去年|上年同期|去年同期|年初)?)")
_YEAR_BLANK = re.compile(r"年(?=[，,]|政府|工作)")
_DATE_BLANK = re.compile(r"年月日(?<![0-9０-９〇○零一二三四五六七八九十生]年月日)")


def _stripped_numbers(text: str, rules: CheckRules, flag: _Flag, evidence: int) -> None:
    """The weakest blanks, read only in a template whose figures were stripped wholesale: with the
    ``evidence`` (zero-width blanks found before) at least :data:`STRIPPED_EVIDENCE` counting the
    telling forms ``年月日在…会议上`` and ``突破万元``, ``开展到户`` (a word of role ``reach`` or
    ``end-gap`` straight before a unit), those are flagged, and then the weak ones: ``。年，是…``
    and ``增长；`` where the clause is the verb alone or a comparison (a report's ``稳步增长。``
    is no blank).

    >>> from reportclean._checks import check_rules
    >>> from reportclean._config import Config
    >>> def f(t, evidence=3):
    ...     out = []
    ...     _stripped_numbers(t, check_rules(Config()), lambda s, e, lo: out.append(t[lo:e]), evidence)
    ...     return out
    >>> f("年月日在会上。年，收入突破万元，增长；同比下降。有了新的增长，经济稳步增长。")
    ['年', '年月', '年月日', '突破万元', '年', '增长；', '下降。']
    >>> f("年月日在会上。年，收入突破万元，增长；", evidence=1)
    []
    """
    if evidence < 2:
        return  # (a report with fewer zero-width blanks is read no further: the scans below cost)
    telling: list[tuple[int, int, int]] = []
    if "月日" in text:
        for m in _DATE_BLANK.finditer(text):
            telling.extend((m.start() + k, m.start() + k + 1, m.start()) for k in range(3))
    words = _words()
    for n in words.reach_lengths:
        for word in (w for w in words.reach if len(w) == n):
            i = text.find(word)
            while i >= 0:
                at = i + n
                if not (i and text[i - 1] in DETERMINERS + "的"):
                    end = _unit_at(text, at, rules)
                    if end > 0:
                        telling.append((at, end, i))
                i = text.find(word, i + 1)
    if evidence + len({lo for _, _, lo in telling}) < STRIPPED_EVIDENCE:  # (a blank date counts once)
        return
    for start, end, lo in telling:
        flag(start, end, lo)
    for m in _YEAR_BLANK.finditer(text):
        i = m.start()
        while i and text[i - 1] in SP:
            i -= 1
        if i == 0 or i < m.start() or text[i - 1] in _SENTENCE_STARTS:  # (回忆 年，: after a heading's space)
            flag(m.start(), m.start() + 1, m.start())
    for m in _END_PUNCT.finditer(text):
        at = m.start()
        n = end_word(text, at)
        if not n:
            continue
        lo = _clause_start(text, at - n, _CLAUSE_OR_COLON)
        before = text[lo : at - n]
        if not before or _COMPARISON.fullmatch(before):
            flag(at, at + 1, at - n)


_END_PUNCT = re.compile(rf"[，。；,;](?<=[{_HAN}][，。；,;])")
#: What may stand between a word of role ``reach`` and its unit when the figure is gone: 突破万元.
_UNIT_PREFIXES = ("万余", "余", "万", "亿", "千")


def _unit_at(text: str, pos: int, rules: CheckRules) -> int:
    """The end of a unit at ``pos`` (a counter of data/gaps.tsv, 美元 or %, after an optional
    万/亿/余), else -1."""
    for prefix in ("", *_UNIT_PREFIXES):
        if prefix and not text.startswith(prefix, pos):
            continue
        at = pos + len(prefix)
        if text.startswith(("美元", "%", "％"), at):
            return at + (2 if text[at] == "美" else 1)
        end = _counter_at(text, at, rules)
        if end > 0 and (prefix or end - at > 1 or text[end : end + 1] not in _HAN_TAILS):
            return end
    return -1


#: After a one-character counter, characters that make a word of it (达人口, 到位置): no unit.
_HAN_TAILS = frozenset("口员士家们民工物力置于列居次")
