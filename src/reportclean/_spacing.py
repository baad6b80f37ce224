"""Remove the spaces a converter put into Chinese text.

PDF and Word converters put a space on each side of a number (``2020 年``,
``144 户 192 人``, ``13 KM``), around full-width punctuation, and indent
paragraphs with full-width spaces. Chinese typesetting uses none of them.

What is removed (ASCII spaces only: the width step has turned the odd spaces
into ASCII ones, tabs are kept as column separators):

- indentation at the start of a line (``　　正文`` → ``正文``);
- spaces between a hanzi and a number (``学习 4 次`` → ``学习4次``);
- spaces between a number and a short Latin unit ending the token
  (``13 KM，`` → ``13KM，``; ``Windows 10 Pro`` is left alone);
- spaces next to full-width punctuation (``（一） 注重`` → ``（一）注重``);
- in a document with a space between every character (a scraping artefact),
  every single space between two non-Latin characters, with a warning.

What is kept: spaces between two hanzi (``学习 次`` may mark a missing number;
``仅供学习 禁止外传`` separates phrases), and spaces between hanzi and Latin
words (``思想 and 党的``, ``大运 AI 小镇``): they separate words of two scripts,
and removing them would glue English words to Chinese ones. Also kept:

- every space of a line of site furniture (``发布日期：2023-01-12 17:22 信息来源：…``,
  ``| 2018-01-04 (星期四) |``, ``来源： 作者：``): the spaces separate fields, and the
  boilerplate step must still recognise the line on a second clean;
- the space between a heading or title and a body on the same line
  (``一、2023年工作回顾 2023年是…``, ``统计公报 2022``): a space on one side of a number
  only is removed where the line before it already holds a punctuation mark (running
  text: ``烟叶产量 0.8万吨``), and in a line opening with a numbering marker the space
  after the heading (no mark before it) stays even when the number is spaced on both sides;
- spaces around dates, times, codes and digit groups (``2023-01-17``, ``16:40``,
  ``2835 2500``) and before a page number at a line end (a table of contents);
- the single spaces that are the only separators between cells of a flattened table,
  contents or field row (``指标 2023年 2022年``, ``时间 2023年1月 50.1``, ``更新 2023年6月25日``
  in a line without sentence punctuation, ``引言 2 – 8``, ``（2013年） 30``, two
  ``label：`` fields in a line): removing them would glue two cells into one token;
- spaces next to a quotation mark or other Chinese mark whose other side is a Latin
  letter (``the “+” button``): English typography;
- every space of a row of a flattened table (three cells or more, in a run of three rows with
  as many cells), and around a number or range cell between text cells that are no unit
  (``东村 12 新建``, ``1982-1985 無特定控制``, a run-on contents line ``引言12 需求分析``);
- the space after an item number that lost its mark (``完成。 1 经济发展…``, a line ``2 社会事业…``)
  unless a measure word, unit or date part follows (``3 月份`` loses it);
- the space between a numbered heading's title and its body when the body opens with a quote
  or book mark, or the heading is run in after a sentence end or a colon;
- a space before a mark where a number was lost (``增长 。``, ``学习 次 ，``), for the
  missing-number check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import islice
from typing import NamedTuple

from ._cjk import CJK_PUNCT, HAN
from ._config import Config
from ._edits import Context, Edit, Proposal, Step, StepFn, match_edits
from ._gaps import end_word
from ._lexicon import Lexicon, Schema, package_lexicon
from ._lines import furniture, heading_patterns

__all__ = ["SPACING", "SpacingRules", "compile_rules", "run", "spacing"]

# Indentation: after a line break (a literal first, for speed), or at the very start.
_INDENT = re.compile(r"(?:\*\*)?([ \t\u00a0\u3000]+)")
_INDENT_AFTER_BREAK = re.compile(r"\n(?:\*\*)?([ \t\u00a0\u3000]+)")


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    HAN_CHAR: re.Pattern[str]
    CHINESE: re.Pattern[str]
    HAN_NUMBER: re.Pattern[str]
    NUMBER_UNIT: re.Pattern[str]
    PUNCT: re.Pattern[str]
    SPACED: re.Pattern[str]
    ADJACENT: re.Pattern[str]


@cache
def _rx() -> _Rx:
    # Each pattern starts with a literal space, so the regex engine skips to the next
    # space at C speed; lookbehinds then check the character before the run.
    # Markdown bold marks (removed by the layout step) may stand between the space and its neighbour.
    _HAN_NUMBER = re.compile(
        f" (?:(?:(?<=[{HAN}] )|(?<=[{HAN}]\\*\\* )) *(?=(?:\\*\\*)?[0-9])"
        f"|(?:(?<=[0-9%‰²³] )|(?<=[0-9%‰²³]\\*\\* )) *(?=(?:\\*\\*)?[{HAN}]))"
    )
    # A space between a number and a short Latin unit that ends the token (before a hanzi, a
    # Chinese mark, maybe after spaces that _PUNCT removes, or the line end); the number's left
    # side is checked in Python (a hanzi or Chinese mark, or the line start).
    _NUMBER_UNIT = re.compile(f"(?m) (?<=[0-9] ) *(?=[A-Za-z]{{1,4}}[²³]?(?:[^\\x00-\\x7f]| +[{_MARK}]|[ \\t]*$))")
    # (not after a Markdown `#`: the layout step needs `# （一）` as it is)
    _PUNCT = re.compile(
        f" (?:(?:(?<=[{_MARK}] )|(?<=[{_MARK}]\\*\\* )) *(?=\\S)|(?<=[^\\s#] ) *(?=(?:\\*\\*)?[{_MARK}]))"
    )
    _SPACED = re.compile(f" (?<=[{HAN}] )(?=[{HAN}])")
    _ADJACENT = re.compile(f"[{HAN}](?=[{HAN}])")
    _CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
    _HAN_CHAR = re.compile(f"[{HAN}]")
    return _Rx(_HAN_CHAR, _CHINESE, _HAN_NUMBER, _NUMBER_UNIT, _PUNCT, _SPACED, _ADJACENT)


# Spaces around the middle dot are kept: removing them could make '1 ·5' a decimal.
_MARK = CJK_PUNCT.replace("\u00b7", "")
_SINGLE = re.compile(r" (?<=[^\sA-Za-z] )(?=[^\sA-Za-z])")
_MIN_SPACED = 20


@dataclass(frozen=True, slots=True)
class SpacingRules:
    """The compiled rules of the step for one config: the heading markers of the ``layout``
    lexicons, and the measure words and units (``measure-words``) a number may stand before."""

    heading: re.Pattern[str]
    measure: re.Pattern[str]  # matched after a number: a measure word, a unit or a date part
    measure_words: frozenset[str]  # the measure words and units themselves (a lost number stands before)


def compile_rules(config: Config) -> SpacingRules:
    """The step's rules for ``config``, compiled on first use (memoised on the lexicons it reads)."""
    return _compile(config.user_lexicons("layout"), config.user_lexicons("measure-words"))


# What follows a number in a date or a time, besides the measure words of the lexicon.
_DATE_PARTS = ("年", "月", "日", "号", "时", "分", "秒", "周", "岁", "万", "亿", "千", "百")


@lru_cache(maxsize=16)
def _compile(user_layout: tuple[Lexicon, ...], user_measures: tuple[Lexicon, ...]) -> SpacingRules:
    words = {row[0] for lx in (package_lexicon("measure_words.tsv"), *user_measures) for row in lx.rows}
    words.update(_DATE_PARTS)
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    measures = frozenset(w for w in words if w not in _DATE_PARTS)
    return SpacingRules(heading_patterns(Config(lexicons=user_layout))[0], re.compile(f"(?:{alternation})"), measures)


def spacing(text: str, context: Context, rules: SpacingRules | None = None) -> Proposal:
    """Remove converter spaces around numbers and punctuation, and indentation.

    >>> _apply("　　柏泉街贫困户 144 户 192 人于 2017 年底全部脱贫，全长 13 KM。")
    '柏泉街贫困户144户192人于2017年底全部脱贫，全长13KM。'
    >>> _apply("共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。")
    '共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。'
    >>> _apply("一、2023年工作回顾 2023年是关键之年。Add the “+” sign.")
    '一、2023年工作回顾 2023年是关键之年。Add the “+” sign.'
    """
    out = Proposal()
    if " " not in text and "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
        return out
    rules = compile_rules(Config()) if rules is None else rules
    first = _INDENT.match(text)
    indents = list(_INDENT_AFTER_BREAK.finditer(text))
    out.edits.extend(match_edits([first, *indents] if first else indents, "indent", group=1))
    spaced: list[tuple[int, int]] = _spaced_lines(text) if _spaced_out(text) else []
    if spaced:
        at = -1  # the first space removed
        for a, b in spaced:
            for m in _SINGLE.finditer(text, a, b):
                if not _between_tokens(text, m.start(), a, b):
                    at = m.start() if at < 0 else at
                    out.replace(m.start(), m.end(), "", rule="spaced-out")
        if at >= 0:
            line_end = text.find("\n", at)
            out.flag(at, len(text) if line_end < 0 else line_end, "spaced-out-text",
                     "a space stood between every character (a scraping artefact); the spaces were removed")
        if len(spaced) == 1 and spaced[0] == (0, len(text)):
            return out
    lines = _Lines(text, rules.heading, rules.measure, rules.measure_words)
    # The commonest edit of all (one per number in converted text).
    starts = [a for a, _ in spaced]
    ends = [b for _, b in spaced]

    def free(i: int) -> bool:  # not in a line the spaced-out rule has de-spaced
        return not spaced or not _in_spans(starts, ends, i)

    out.edits.extend(
        Edit(m.start(), m.end(), "", "number-space")
        for m in _rx().HAN_NUMBER.finditer(text)
        if free(m.start()) and not lines.keeps_number_space(m.start(), m.end())
    )
    for m in _rx().NUMBER_UNIT.finditer(text):
        if free(m.start()) and _number_in_chinese(text, m.start()) and not lines.furniture(m.start()):
            out.replace(m.start(), m.end(), "", rule="number-space")
    out.edits.extend(
        Edit(m.start(), m.end(), "", "punctuation-space")
        for m in _rx().PUNCT.finditer(text)
        if free(m.start()) and not lines.keeps_punctuation_space(m.start(), m.end())
    )
    return out


def _in_spans(starts: list[int], ends: list[int], i: int) -> bool:
    """Whether ``i`` lies in one of the sorted, disjoint spans ``[starts[k], ends[k])``."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < ends[k]


_NUMBER_CHARS = frozenset("0123456789.,")
# Sentence punctuation: a line without it is a heading, a table row or a field row, whose
# single spaces may be the only separators between cells.
_SENTENCE = re.compile(r"[，。；！？,;!?]")
# A field label: a short run without spaces or marks, right before a colon, at the line
# start or after a space (发布时间：… 来源：…). Two of them make a field row.
_LABEL = re.compile(r"(?:^|(?<=[ \t]))[^\s：:，。；,;（）()]{1,8}[：:]", re.M)
# The first mark of a range or a number column after a spaced number (引言 2 – 8).
_RANGE = frozenset("–—-~～")
# Marks that close a bracket or quotation: what follows them may be the next cell.
_CLOSING = frozenset("）)】」』》〉”’]")
# A section or table number at the start of a line: 2.1.1, 1-1, 2-13.
_SECTION_AT_START = re.compile(r"[0-9]{1,2}(?:[.．\-][0-9]{1,2}){1,3}")
_CELL_END = frozenset(" \t\n")
_CELL_MARKS = frozenset("，。；！？、,;!?")  # a token holding them is running text, not a cell
_TITLE_MIN = 6  # characters of a title before the space that separates it from a body
_SECTION = re.compile(r"[0-9]{1,2}(?:[.．][0-9]{1,2}){1,3}")
_JOINERS = frozenset("-/:")  # inside a date, a time or a code: 2023-01-17, 16:40, 1670946/2023
_LATIN_ALNUM = re.compile(r"[A-Za-z0-9]")
_ANY_PUNCT = re.compile(r"[，。；：！？、,;:!?（）()]")


_TOKEN = re.compile(r"[0-9.,:/\-]*")


def _date_or_code(token: str) -> bool:
    """A date, a time or a code (``2023-01-17``, ``16:40``, ``1670946/2023``), not a range (``1-9``).

    >>> [_date_or_code(t) for t in ("2023-01-17", "17:22", "1-9", "2019--2020", "2020", "12.5")]
    [True, True, False, False, False, False]
    """
    token = token.strip(".,:/-")
    if ":" in token or "/" in token:
        return True
    return "--" not in token and token.count("-") >= 2


class _Lines:
    """What the lines of ``text`` are like, found once a line when first asked.

    For each line: whether it is furniture, where its first punctuation mark after a
    numbering marker is (before it, the line is a heading or title) and whether it opens
    with a numbering marker. Matches are asked about in increasing order, so the start of
    the current line is found by searching back only to the previous question (linear).
    """

    __slots__ = ("_at", "_heading", "_info", "_line", "_line_end", "_line_start", "_measure", "_measure_words",
                 "text")

    def __init__(self, text: str, heading: re.Pattern[str], measure: re.Pattern[str],
                 measure_words: frozenset[str] = frozenset()) -> None:
        self.text = text
        self._heading = heading
        self._measure = measure
        self._measure_words = measure_words
        self._info: dict[int, _Line] = {}
        self._at = 0
        self._line_start = 0
        self._line: _Line | None = None  # the record of the line at _line_start
        self._line_end = 0  # where that line ends (when _line is set)

    def line(self, i: int) -> _Line:
        """What the line holding ``i`` is like (see :class:`_Line`)."""
        text = self.text
        if i >= self._at:
            k = text.rfind("\n", self._at, i)
            self._at = i
            if k >= 0 or self._line is None:
                self._line_start = k + 1 if k >= 0 else self._line_start
                self._line = None
            start = self._line_start
        elif i >= self._line_start:
            start = self._line_start
        else:  # asked behind the current line (not in this step): search from the start
            start = text.rfind("\n", 0, i) + 1
        if start == self._line_start and self._line is not None:
            return self._line
        info = self._info.get(start)
        if info is None:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            k = start
            while k < end and text[k] in " \t\u3000*#":
                k += 1
            m = self._heading.match(text, k, end)
            p = _ANY_PUNCT.search(text, m.end() if m else k, end)
            line = text[start:end]
            # (two colons first: a C-speed count spares the regex on almost every line)
            fields = line.count("：") + line.count(":") >= 2 and len(_LABEL.findall(line)) >= 2
            row = _SENTENCE.search(line) is None
            info = _Line(furniture(line), p.start() if p else len(text), m is not None, start, p is not None,
                         row, fields, row and (_table_row(text, start, end) or _spaced_table_row(text, start, end)))
            self._info[start] = info
        if start == self._line_start:
            self._line = info
            end = text.find("\n", start)
            self._line_end = len(text) if end < 0 else end
        return info

    def furniture(self, i: int) -> bool:
        """Whether the line holding ``i`` is site furniture (its spaces separate fields)."""
        return self.line(i)[0]

    def keeps_number_space(self, s: int, e: int) -> bool:
        """Whether the spaces ``text[s:e]`` between a hanzi and a number separate more than a converter did."""
        text = self.text
        line = self._line
        if line is None or not self._line_start <= s < self._line_end:
            line = self.line(s)
        furn, prose_from, opens, start, marked, row, fields, table = line
        if furn or fields or table:
            # site furniture, label：value fields, or a row of a flattened table (as many cells as
            # the row beside it): the spaces separate fields and cells
            return True
        heading = s <= prose_from  # no mark before the space: a heading or title ends here
        if _rx().HAN_CHAR.match(text, s - 1) or text[s - 1 : s] == "*":  # hanzi, spaces, number
            j = e
            while j < len(text) and text[j] == "*":
                j += 1
            k = j
            while j < len(text) and text[j] in _NUMBER_CHARS:
                j += 1
            after = text[j : j + 1]
            if after in _ITEM_MARKS and 1 <= j - k <= 2 and text[s - 1] not in _ORDINAL_BEFORE:
                return True  # the next item of a list run into one line: …选举办法 2、通过…
            if after in _JOINERS and _date_or_code(_TOKEN.match(text, k).group()):  # type: ignore[union-attr]
                return True  # 生成日期 2023-01-17, 17:22
            if row and after in _RANGE and text[j + 1 : j + 2].isdigit():
                return True  # a range cell of a row: 高傑博 1982-1983 民政主任兼任
            if after == " ":
                if text[j + 1 : j + 2].isdigit():
                    return True  # a digit group: 号码 2835 2500
                if row and self._cell_value(j):
                    return True  # a number cell between two text cells of a row: 东村 12 新建
                if row and text[j + 1 : j + 2] in _RANGE:
                    return True  # a range column of a contents or table row: 引言 2 – 8
                # spaced on both sides, as a converter does: kept only after a heading
                return heading and opens
            if after in ("", "\n"):
                # a page number ending a line of a table of contents, unless the line is
                # hard-wrapped before a measure word (诉求 32 / 条)
                return heading or not _rx().HAN_CHAR.match(text, j + 1)
            if e - s >= 2 or _cell_then_number(text, j) or _number_led_before(text, s, start):
                return True  # a wide separator (联合会   2017年6月份), or a cell of a row of numbers
            if row and _cell_to_line_end(text, j):
                return True  # the last cell of a table or field row: 修改 2021年6月25日, 公报 2020七人普
            if after in "%‰" or not (_rx().HAN_CHAR.match(after) or _LATIN_ALNUM.match(after)):
                return False  # before a mark: 增长 6.3%，
            if not (heading and opens) and self._runin_title(s, start):
                return True  # a heading run into the line after a sentence: 。二、主要做法 2023年…
            if row and after not in _PARTICLES and self._measure.match(text, j) is None:
                return True  # a page or section number run into the next entry of a row: 仪态 7附录B
            # one side only: kept after a heading (一、…回顾 2023年是…) or a title followed by a
            # sentence (…工作计划 2020年是…，), not in a short label (面积 120m²)
            return heading and (opens or (s - start >= _TITLE_MIN and marked))
        # number, spaces, hanzi
        i = s - 1
        while i >= 0 and text[i] in "*%‰":
            i -= 1
        while i >= 0 and text[i] in _NUMBER_CHARS:
            i -= 1
        before = text[i] if i >= 0 else "\n"
        if before in _JOINERS:
            k = i
            while k >= 0 and (text[k] in _NUMBER_CHARS or text[k] in _JOINERS):
                k -= 1
            token = text[k + 1 : s].rstrip(" *%‰")
            if (k < 0 or text[k] == "\n") and _SECTION_AT_START.fullmatch(token):
                return True  # a table or section number opening its line: 1-1 全国行政区划
            if row and self._cell_value(s, e):
                return True  # a range cell, then a text cell of a row: 1982-1985 無特定控制
            return _date_or_code(token)  # 2024-11-09 热度, 13:05 来源
        if before == "\n":
            # a line starting with a number (2025 年，) unless it is a section number (2.1.1 修订),
            # or an item number that lost its mark (2 社会事业…)
            return _SECTION.fullmatch(text, i + 1, s) is not None or self._item_number(i + 1, s, e)
        if before in _ITEM_BEFORE and self._item_number(i + 1, s, e):
            return True  # an item number right after a sentence end: 完成。1 经济发展…
        if before == " ":
            k = i
            while k >= 0 and text[k] == " ":
                k -= 1
            if (k < 0 or text[k] in _ITEM_BEFORE) and self._item_number(i + 1, s, e):
                return True  # an item number after a sentence end: 完成。 1 经济发展…
            if row and _rx().HAN_CHAR.match(text, i - 1) and self._cell_value(s, e):
                return True  # a number cell between two text cells of a row: 东村 12 新建
            return _LATIN_ALNUM.match(text, i - 1) is not None  # Windows 10 版 / 学习 4 次
        if _rx().HAN_CHAR.match(before) or _LATIN_ALNUM.match(before):
            if row and self._cell_value(s, e):
                return True  # a number, then the next entry of a run-on contents row: 引言12 需求分析
            # one side only: kept after a heading or a title followed by a sentence
            return i + 1 <= prose_from and (opens or (i + 1 - start >= _TITLE_MIN and marked))
        return False

    def _ends_marker(self, s: int, line: _Line) -> bool:
        """Whether ``text[:s]`` ends with the numbering marker that opens the line (``（一）``)."""
        if not line.opens:
            return False
        k = line.start
        while k < s and self.text[k] in " \t\u3000*#":
            k += 1
        m = self._heading.match(self.text, k, s + 1)
        return m is not None and m.end() >= s

    def _runin_title(self, s: int, start: int) -> bool:
        """Whether ``text[:s]`` ends with a numbered heading's title run into the line after a
        sentence (``…完成。二、主要做法``): a marker after the sentence end, no mark after the marker."""
        text = self.text
        k = s - 1
        lo = max(start, s - _RUNIN_SPAN)
        while k >= lo and text[k] not in _RUNIN_AFTER:
            k -= 1
        if k < lo:
            return False
        k += 1
        while k < s and text[k] in " \u3000":
            k += 1
        m = self._heading.match(text, k, s)
        return m is not None and m.end() < s and _ANY_PUNCT.search(text, m.end(), s) is None

    def _number_due(self, s: int) -> bool:
        """Whether a number is due at ``s`` (before a space and a mark): after a word that takes one
        (增长, 达, 共: the missing-number check's own words, :func:`._gaps.end_word`), or after a
        measure word that itself follows a space after a word (学习 次 ，), not after a number
        (学习 4 次 ，: that space is a converter's, and goes in this pass)."""
        text = self.text
        if end_word(text, s):
            return True
        for n in (4, 3, 2, 1):
            if n < s and text[s - n - 1] == " " and text[s - n : s] in self._measure_words:
                k = s - n - 1
                while k > 0 and text[k - 1] == " ":
                    k -= 1
                return k == 0 or text[k - 1] not in _NUMBER_CHARS
        return False

    def _item_number(self, a: int, s: int, e: int) -> bool:
        """Whether ``text[a:s]`` (a number, then the spaces ``text[s:e]``) is an item number that lost
        its mark (``1 经济发展…``): one or two digits, and no measure word, unit or date part after."""
        text = self.text
        return 1 <= s - a <= 2 and text[a:s].isdigit() and self._measure.match(text, e) is None

    def _cell_value(self, j: int, e: int = -1) -> bool:
        """Whether the number ending at ``j`` is a cell of its own: the text after it (after the
        spaces ``text[j:e]``, or after those from ``j`` on) starts no measure word, unit or date part."""
        text = self.text
        if e < 0:
            e = j
            while e < len(text) and text[e] == " ":
                e += 1
        return (
            text[j - 1 : j] not in ("%", "‰")
            and _rx().HAN_CHAR.match(text, e) is not None
            and text[e] not in _PARTICLES
            and self._measure.match(text, e) is None
        )

    def keeps_punctuation_space(self, s: int, e: int) -> bool:
        """Whether the spaces ``text[s:e]`` next to a Chinese mark belong to a table, furniture or English."""
        text = self.text
        left, right = text[s - 1 : s], text[e : e + 1]
        if left in ("|", "｜") or right in ("|", "｜"):
            return True  # a table cell
        if _alphabetic(left) or _alphabetic(right):
            return True  # English (or other alphabetic) typography: the “+” button, named „scars“
        line = self.line(s)
        if line.furniture or line.fields:
            return True
        if right in _GAP_MARKS and self._number_due(s):
            return True  # a number lost before the mark (增长 。, 学习 次 ，): the space is the evidence
        if left in _COLONS and (e - s >= 2 or (not right.isdigit() and _label_before(text, s - 1, line.start))):
            # an addressee or label, then what it heads (各位代表：  现在，… / 标题： 某某), not a
            # lead-in before an item number (如下： 1 强化…)
            return True
        word_left = _rx().HAN_CHAR.match(left) is not None or _LATIN_ALNUM.match(left) is not None
        if right in _OPENING or right in _DASHES:
            if e - s >= 2 and (word_left or left in _CLOSING):
                return True  # a wide gap between a title and what opens with a mark: 稳中向好  ——农业…
            if word_left and ((line.opens and s <= line.prose_from) or self._runin_title(s, line.start)):
                return True  # a heading's title, then its body: （二）加强党建 “三会一课”… / 一、… ——农业
        if line.row and left in _CLOSING and right and not right.isspace() and not self._ends_marker(s, line):
            end = text.find("\n", s)
            if _cell_row(text[line.start : len(text) if end < 0 else end]):
                return True  # cells of a table header: 产品名称 产量（吨） 比上年增长%
        if self._heading.match(text, e) is not None:
            return True  # a numbered heading run into the line (。 （二）加强领导): its separator stays
        if left in _CLOSING and right.isdigit():
            j = e
            while j < len(text) and text[j] in _NUMBER_CHARS:
                j += 1
            nxt = text[j : j + 1]
            if nxt in ("", "\n") or (nxt == " " and (text[j + 1 : j + 2].isdigit() or text[j + 1 : j + 2] in _RANGE)):
                return True  # a page number or a number column after a closing mark: （2013年） 30
        return left in _CLOSING and _LABEL.match(text, e) is not None  # （经季节调整） 单位：%


class _Line(NamedTuple):
    """What one line of the text is like, for the spaces in it."""

    furniture: bool  # site furniture (its spaces separate fields)
    prose_from: int  # where its first mark after a numbering marker is: before it, a heading or title
    opens: bool  # it opens with a numbering marker
    start: int  # where it starts
    marked: bool  # it holds a mark at all
    row: bool  # it holds no sentence punctuation: a heading, a table row or a field row
    fields: bool  # two label：value fields or more (发布时间：… 来源：…)
    table: bool  # a row of a flattened table: as many cells (3 or more) as a row beside it


# The mark after an item number (2、) and what makes the number an ordinal instead (第 2、3 季度).
_ITEM_MARKS = frozenset("、")
_ORDINAL_BEFORE = frozenset("第约近共")
# What may stand before an item number that lost its mark (besides spaces and a line start).
_ITEM_BEFORE = frozenset("\n。；！？：!?;:")
_MIN_CELLS = 3
_GAP_MARKS = frozenset("，。；！？、,;")
_SENTENCE_END = frozenset("。；！？!?;")
_RUNIN_AFTER = _SENTENCE_END | frozenset("：:")  # what a heading may be run in after: …如下：一、…
_RUNIN_SPAN = 40  # characters of a heading run into a line, marker and title
# Opening marks that may start the body after a heading's title on the same line.
_OPENING = frozenset("“‘《「『【〈")
_DASHES = frozenset("—―")  # a dash-led sub-item after a heading's title: 一、… ——农业…
_COLONS = frozenset("：:")
_LABEL_MAX = 8  # characters of an addressee or field label before its colon
# Function words that go on a phrase (完成 90.62% 的目标, 增长 5 以上): no cell starts with them.
_PARTICLES = frozenset("的了和与及是在为等以于而并或至到之")


def _label_before(text: str, colon: int, start: int) -> bool:
    """Whether the colon at ``colon`` ends a short label that opens its line or follows a space: an
    addressee (``各位代表：``), a speaker (``王海：``) or a field name (``标题：``), which the space after
    the colon is the only thing to separate from what it heads.

    >>> _label_before("镇长 各位代表：", 7, 0), _label_before("据统计显示，全年：", 8, 0)
    (True, False)
    >>> _label_before("。 我宣布：", 5, 0)  # the space after the stop goes: no label
    False
    """
    k = colon
    while k > start and colon - k < _LABEL_MAX + 1 and not text[k - 1].isspace():
        c = text[k - 1]
        if c in _ANY_PUNCT_CHARS:
            return False
        k -= 1
    if colon - k < 1 or (k > start and not text[k - 1].isspace()):
        return False
    # the label opens the line, or follows a space between two words (镇长 李某 各位代表：), not a
    # space after a mark, which this step removes (。 现在我宣布：)
    while k > start and text[k - 1] in " \t\u3000":
        k -= 1
    return k == start or (text[k - 1] not in _MARK and text[k - 1] not in _ANY_PUNCT_CHARS)


_ANY_PUNCT_CHARS = frozenset("，。；：！？、,;:!?（）()“”‘’《》")


def _cell_row(line: str) -> bool:
    """Whether ``line`` (no sentence punctuation) reads as cells: three tokens or more, two of
    them side by side with nothing but a space between two word characters
    (``产品名称 产量（吨） 比上年增长%``).

    >>> _cell_row("产品名称 产量（吨） 比上年增长%"), _cell_row("（一） 注重实效")
    (True, False)
    """
    return len(line.split()) >= _MIN_CELLS and _WORD_SPACE_WORD.search(line) is not None


_WORD_SPACE_WORD = re.compile(r"[^\W_] [^\W_]")


def _cells(line: str) -> int:
    """The cells of ``line`` (runs between spaces) if it holds no sentence punctuation, else 0."""
    return 0 if _SENTENCE.search(line) else len(line.split())


def _table_row(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` (no sentence punctuation) is a row of a flattened table:
    three cells or more, in a run of three lines or more with as many cells each (a blank line
    between two of them is skipped). Two lines alike are not enough: a title and a date line
    spaced by a converter (``某街道 2020 年工作总结`` / ``（2020 年 10 月 15 日）``) may be.

    >>> t = "项目 单位 2022年 2023年\\n水泥 吨 120 130\\n钢材 吨 30 35\\n全年完成投资 12 亿元，增长 5%。"
    >>> _table_row(t, 0, 17), _table_row(t, 18, 31), _table_row(t, 46, len(t))
    (True, True, False)
    """
    n = _cells(text[start:end])
    if n < _MIN_CELLS:
        return False
    before = _alike(_lines_before(text, start), n)
    return before == 2 or before + _alike(_lines_after(text, end), n) >= 2


def _alike(lines: Iterator[str], n: int) -> int:
    """How many of the next lines (two at most, among the first four; blank lines skipped) hold
    ``n`` cells, up to the first that does not."""
    alike = 0
    for line in islice(lines, 4):
        if not line.strip():
            continue
        if _cells(line) != n:
            break
        alike += 1
        if alike == 2:
            break
    return alike


def _lines_before(text: str, start: int) -> Iterator[str]:
    """The lines before the one starting at ``start``, nearest first."""
    b = start - 1
    while b > 0:
        a = text.rfind("\n", 0, b) + 1
        yield text[a:b]
        b = a - 1


def _lines_after(text: str, end: int) -> Iterator[str]:
    """The lines after the one ending at ``end``, nearest first."""
    a = end + 1
    while a <= len(text):
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        yield text[a:b]
        a = b + 1


def _cell_then_number(text: str, j: int) -> bool:
    """Whether the token that goes on at ``j`` (after a number) is followed by a space and a number
    that is a cell too: a row of cells (``时间 2016年6月 50.0``, ``指标 2023年 2022年``).

    >>> _cell_then_number("时间 2016年6月 50.0 52.5", 7), _cell_then_number("产量 0.8万吨，增长 6.3%", 6)
    (True, False)
    >>> _cell_then_number("中心 24小时热线 18222 查询", 7)  # a converter's spaced number follows
    False
    """
    k = j
    n = len(text)
    while k < n and text[k] not in _CELL_END and text[k] not in _CELL_MARKS:
        k += 1
    if not (k > j and text[k : k + 1] == " " and text[k + 1 : k + 2].isdigit()):
        return False
    # the number is a cell too: followed by another number or the line end (not by text,
    # as a converter's spaced number is; that space goes in this pass, and the next pass
    # must decide the same)
    k += 1
    while k < n and text[k] in _NUMBER_CHARS:
        k += 1
    nxt = text[k : k + 1]
    return nxt not in (" ", "\t") or text[k + 1 : k + 2].isdigit()


def _number_led_before(text: str, s: int, start: int) -> bool:
    """Whether the token before the space at ``s`` starts with a digit: two number-led cells
    side by side (``2023年 2022年``), which the space alone keeps apart.

    >>> _number_led_before("指标 2023年 2022年", 10, 0), _number_led_before("于 2017 年", 1, 0)
    (True, False)
    """
    k = s
    while k > start and text[k - 1] not in _CELL_END:
        if text[k - 1] in _CELL_MARKS:
            return False  # running text, not a cell
        k -= 1
    return k < s and text[k].isdigit()


def _cell_to_line_end(text: str, j: int) -> bool:
    """Whether the token that goes on at ``j`` runs to the end of its line (the last cell of a row)."""
    k = j
    n = len(text)
    while k < n and text[k] not in _CELL_END:
        k += 1
    return k >= n or text[k] == "\n"


def _alphabetic(c: str) -> bool:
    """A letter of an alphabetic script (Latin, Greek, Cyrillic …), not a digit, hanzi or kana.

    >>> [_alphabetic(c) for c in ("a", "é", "Ж", "5", "中", "")]
    [True, True, True, False, False, False]
    """
    return c.isalpha() and c < "\u2e80"


def _spaced_lines(text: str) -> list[tuple[int, int]]:
    """The lines of a spaced-out document that are spaced-out themselves and read as running
    text, as ``(start, end)`` spans (the whole text as one span when that is every line): a line
    with more hanzi followed by a space and a hanzi than written together, and not a row of a
    flattened table (no sentence punctuation, several cells with digits: ``梁 家 傑 63 (3 地 區``).

    >>> _spaced_lines("街 道 工 作 ， 全 年 12 次 。"), _spaced_lines("委 員 姓 名 HAB 63 (3 地 區 HAB 63 (2 社 區")
    ([(0, 20)], [])
    """
    found: list[tuple[int, int]] = []
    every = True
    a = 0
    n = len(text)
    while a <= n:
        b = text.find("\n", a)
        b = n if b < 0 else b
        spaced = len(_rx().SPACED.findall(text, a, b))
        if spaced and len(_rx().ADJACENT.findall(text, a, b)) < spaced and not _spaced_row(text[a:b]):
            found.append((a, b))
        elif text[a:b].strip():
            every = False
        a = b + 1
    return [(0, n)] if every and found else found


_MIN_ROW_CELLS = 3  # cells with a digit (63, (3, HAB126) that make a spaced-out line a table row


def _spaced_table_row(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is a row of a flattened table spaced out character by
    character (``委 員 姓 名 HAB 梁 家 傑 63 (3 地 區``): its single spaces are all that is left of
    the cell boundaries, so none of them goes."""
    spaced = len(_rx().SPACED.findall(text, start, end))
    return spaced >= _MIN_ROW_CELLS and len(_rx().ADJACENT.findall(text, start, end)) < spaced and _spaced_row(
        text[start:end]
    )


def _spaced_row(line: str) -> bool:
    """Whether a spaced-out ``line`` is a row of a flattened table: no sentence punctuation, and
    three tokens or more of several characters with a digit in them (``63``, ``(3``, ``HAB126``)."""
    if _SENTENCE.search(line):
        return False
    return sum(1 for t in line.split() if len(t) >= 2 and any(c.isdigit() for c in t)) >= _MIN_ROW_CELLS


def _between_tokens(text: str, i: int, a: int, b: int) -> bool:
    """Whether the space at ``i`` stands between two tokens of several characters each
    (``2835 2500``, ``HAB126 2508``): in spaced-out text every token is one character, so such a
    space separates words or cells."""
    return i - 2 >= a and text[i - 2] not in _CELL_END and i + 2 < b and text[i + 2] not in _CELL_END


def _spaced_out(text: str) -> bool:
    """Whether most hanzi are followed by a single space and another hanzi."""
    spaced = len(_rx().SPACED.findall(text))
    if spaced < _MIN_SPACED:
        return False
    adjacent = 0
    for _ in _rx().ADJACENT.finditer(text):  # stop as soon as the answer is known
        adjacent += 1
        if 4 * adjacent >= spaced:
            return False
    return True


def _number_in_chinese(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` starts a line or follows Chinese.

    Spaces (and Markdown stars) between them do not count: this step or the
    layout step removes them.
    """
    i = end - 1
    while i >= 0 and text[i] in "0123456789.,":
        i -= 1
    while i >= 0 and text[i] in " \t\u00a0\u3000*":
        i -= 1
    return i < 0 or text[i] == "\n" or bool(_rx().CHINESE.match(text, i))


def _apply(text: str) -> str:
    """Apply the spacing step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("spacing", spacing(text, Context()).edits)
    return doc.text


run = spacing  # the step function under the name every step module gives it


def _make(config: Config) -> StepFn:
    return partial(spacing, rules=compile_rules(config))


SPACING = Step(
    "spacing",
    _make,
    codes={"spaced-out-text": "warning"},
    rules=("indent", "number-space", "punctuation-space", "spaced-out"),
    lexicons={
        "layout": Schema((("pattern", "type"),), {"type": ("heading", "runin")}),
        "measure-words": Schema((("word", "class"),)),
    },
)
