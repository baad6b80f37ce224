"""Flag template placeholders (X, XX, ××, □, 某某) where a number, date or name belongs.

Template copies of reports replace every figure and name with a stand-in:
``X个``, ``XX万元``, ``X%``, ``X月X日``, ``X街道``, ``××县``, ``某某``, ``□□``,
``20**年``, ``**镇``, ``“**”``, ``20__年``, ``近_公里``. Each run is one ``placeholder``
warning whose message names its kind: ``number``, ``date``, ``name`` or ``unknown``
(decided from the words around it). Real Latin (``5G``, ``AI``, ``ICT``, ``IPv6``),
``X光``/``X射线`` (also split: ``X 光机``), pinyin (``(xù)``), multiplication
(``3×4``), a single ``某`` and Markdown ``**`` are left alone.
With ``Config(mark_placeholders=True)`` each run is also wrapped in ``⟦ ⟧`` in
the clean text (rule ``mark-placeholder``), for users who feed the text to a
model.

Vocabulary lives in ``data/placeholders.tsv`` (kind ``placeholders``) and
``data/measure_words.tsv`` (kind ``measure-words``); user lexicons of those kinds
add to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import NamedTuple

from ._boilerplate import _trie
from ._cjk import CJK_PUNCT, HAN
from ._config import Config
from ._edits import Context, Flag, Proposal, Step, StepFn
from ._lexicon import Lexicon, LexiconError, Schema, package_lexicon
from ._script import fold_table, traditional_chars

__all__ = [
    "PLACEHOLDERS",
    "PlaceholderRules",
    "alternation",
    "compile_rules",
    "placeholder_rules",
    "placeholders",
    "run",
    "words_by_role",
]

_SPACE = " \u3000\u00a0\t"
_LATIN = "A-Za-zＡ-Ｚａ-ｚ"
_DIGIT = "0-9０-９"
_CN_DIGIT = "〇○零一二三四五六七八九十百千万亿两"
_XS = "XxＸｘ"

# Candidates are found with one character-class scan (fast: no alternation tried at every
# position), then split into runs of one kind and judged by their neighbours in Python.
_STARTS = f"{_XS}×某□○〇*＊_＿"


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    CANDIDATE: re.Pattern[str]
    SUB_RUN: re.Pattern[str]
    STAR_CLOSE: re.Pattern[str]
    HANZI: re.Pattern[str]
    CN_CONTEXT: re.Pattern[str]
    SEPARATOR_UNDERSCORE: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _CANDIDATE = re.compile(rf"[{_STARTS}][{_STARTS}.．]*")
    _SUB_RUN = re.compile(rf"[{_XS}]+(?:[.．][{_XS}]+)*|×+|某+|□+|[○〇]+|[*＊]+|[_＿]+")
    # (a ** after an opening bracket or before a percent sign is a blank: （**）, **%)
    _STAR_CLOSE = re.compile(rf"(?<![（(“「《【〔])\*\*+(?![{HAN}*%％‰])")
    _HANZI = re.compile(f"[{HAN}]")
    _CN_CONTEXT = re.compile(f"[{HAN}{CJK_PUNCT}]")
    _SEPARATOR_UNDERSCORE = re.compile(rf"[{_LATIN}{_DIGIT}][_＿](?![_＿])|(?<![_＿])[_＿][{_LATIN}{_DIGIT}]")
    return _Rx(
        _CANDIDATE,
        _SUB_RUN,
        _STAR_CLOSE,
        _HANZI,
        _CN_CONTEXT,
        _SEPARATOR_UNDERSCORE,
    )


_SUM_AFTER = re.compile(rf"[-+－＋][{_DIGIT}]{{1,3}}")
#: A second stand-in letter (Y), read only in a text that has X stand-ins: 总人口Y人.
_SECOND = re.compile(rf"(?<![{_LATIN}{_DIGIT}])[YＹ](?![{_LATIN}{_DIGIT}])")
_YEAR_DIGITS = re.compile(rf"[12１２][{_DIGIT}]{{1,2}}")
_IS_DIGIT = re.compile(rf"[{_DIGIT}]")
_IS_LATIN_OR_DIGIT = re.compile(rf"[{_LATIN}{_DIGIT}_@.．]")
_DIGITS_BEFORE = re.compile(rf"(?<![{_DIGIT}.．])[{_DIGIT}]{{1,4}}$")
_MASKED_TAIL = re.compile(rf"[{_DIGIT}]+(?:[.．][{_DIGIT}]+)?(?=[ ]?[^{_LATIN}{_DIGIT} ]|$)")
_LATIN_NEXT = re.compile(rf" ?[-@{_LATIN}{_DIGIT}]")
_LATIN_AFTER = re.compile(rf"[{_LATIN}{_DIGIT}²³]+")
_CHECKBOX = ("是", "否", "有", "无", "同意", "不同意", "男", "女")
# The one-character classes above as sets: ``text[i : i + 1] in _DIGITS`` is a test without a
# regex call, and false at either end of the text (the empty string is in no set).
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_LATINS = frozenset(
    "".join(chr(c) for a, b in (("A", "Z"), ("a", "z"), ("Ａ", "Ｚ"), ("ａ", "ｚ")) for c in range(ord(a), ord(b) + 1))
)
_LATIN_OR_DIGIT = _LATINS | _DIGITS | frozenset("_@.．")
_LATIN_NEXT_CHARS = _LATINS | _DIGITS | frozenset("-@")
_LATIN_AFTER_CHARS = _LATINS | _DIGITS | frozenset("²³")
# Latin-1 and Latin Extended letters and symbols (pinyin tone marks, mojibake): an X beside
# one is part of a foreign word (社區(qū), ©x·), not a stand-in. Not × ÷ · ° ± ² ³.
_FOREIGN = frozenset(chr(c) for c in range(0xA1, 0x250)) - frozenset("×÷·°±²³")
# Between X and a 'keep' phrase a converter may put a space or a line break (200毫安 X 光机).
_KEEP_GAP = " \n\u3000"
_RANGE = frozenset("-－—~～至")


def _latin_next(text: str, i: int) -> bool:
    """``_LATIN_NEXT.match(text, i)`` without a regex call: Latin, a digit, - or @ at ``i``,
    after at most one space."""
    c = text[i : i + 1]
    return c in _LATIN_NEXT_CHARS or (c == " " and text[i + 1 : i + 2] in _LATIN_NEXT_CHARS)


@dataclass(frozen=True, slots=True)
class PlaceholderRules:
    """The compiled vocabulary of the step (built once per :class:`Config`)."""

    keep: re.Pattern[str]
    after_date: re.Pattern[str]
    after_number: re.Pattern[str]
    after_name: re.Pattern[str]
    before_number: re.Pattern[str]
    latin_units: frozenset[str]
    mark: bool
    #: after_date, after_number and after_name in one call: group 1, 2, 3 is the match of each (or None)
    after: re.Pattern[str]


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first (so 万元 wins over 万)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def words_by_role(lexicons: Iterable[Lexicon], roles: tuple[str, ...]) -> dict[str, list[str]]:
    """The first column of ``word<TAB>role`` lexicons, grouped by role; an unknown role raises."""
    out: dict[str, list[str]] = {role: [] for role in roles}
    for lx in lexicons:
        for row in lx.rows:
            role = row[1] if len(row) > 1 else ""
            if role not in out:
                raise LexiconError(
                    f"{lx.name}: role {role!r} of {row[0]!r} is not one of {', '.join(roles)}; fix the lexicon"
                )
            out[role].append(row[0])
    return out


def placeholder_rules(config: Config) -> PlaceholderRules:
    """Compile the built-in and user vocabularies for ``config`` (on first use; memoised on the user lexicons)."""
    return _compile(
        config.user_lexicons("placeholders"), config.user_lexicons("measure-words"), config.mark_placeholders
    )


compile_rules = placeholder_rules  # the name every step module gives it


@lru_cache(maxsize=16)
def _compile(
    user_placeholders: tuple[Lexicon, ...], user_measures: tuple[Lexicon, ...], mark: bool
) -> PlaceholderRules:
    lexicons: list[Lexicon] = [package_lexicon("placeholders.tsv"), *user_placeholders]
    measures: list[Lexicon] = [package_lexicon("measure_words.tsv"), *user_measures]
    roles = words_by_role(lexicons, ("keep", "date", "name", "number"))
    units = [row[0] for lx in measures for row in lx.rows]
    # (tries: the same longest match as alternation(), with fewer branches to try)
    after_date = _trie(roles["date"])
    after_number = rf"(?:[多余]|万余|余万|多万)?(?:{_trie(units)})|[多余][{HAN}]"
    after_name = _trie(roles["name"])
    return PlaceholderRules(
        # what may follow a single X to make it real content (X光, X射线); never matches if empty
        keep=re.compile(alternation(k[1:] for k in roles["keep"] if k[:1] in _XS and k[1:]) or r"(?!x)x"),
        after_date=re.compile(after_date),
        after_number=re.compile(after_number),
        after_name=re.compile(after_name),
        before_number=re.compile(rf"(?:{alternation(roles['number'])})$"),
        latin_units=frozenset(u for u in units if re.fullmatch(r"[A-Za-z0-9²³]+", u)),
        mark=mark,
        # each an optional lookahead: the match of each pattern at the same place, in one call
        after=re.compile(rf"(?:(?=({after_date}))|)(?:(?=({after_number}))|)(?:(?=({after_name}))|)"),
    )


def _kind(text: str, start: int, end: int, rules: PlaceholderRules, fold: dict[int, str] | None = None) -> str:
    """``number``, ``date``, ``name`` or ``unknown``, from the words around a run; when the words
    say nothing, read again with traditional characters as simplified ones (個, 萬元, 鎮)."""
    after = text[end : end + 8]
    after = (after.translate(fold) if fold else after).lstrip(_SPACE)
    if after[:1] in _RANGE and after[1:2] and after[1] in _STARTS and after[1] not in "._＿":
        k = end + text[end:].index(after[1])  # the run after the range mark: 1-X月, *-*月
        run = k + 1
        while text[run : run + 1] == text[k]:
            run += 1
        return _kind(text, k, run, rules, fold)
    if after.startswith("年来"):
        return "number"  # 近X年来: a number of years
    # the matches of after_date, after_number and after_name (None: no match)
    date, number, name = rules.after.match(after).groups()  # type: ignore[union-attr]
    if date is not None:
        return "date"
    if after[:1] and after[:1] in "%％‰":
        return "number"
    if number is not None and not (name is not None and len(name) > len(number)):
        return "number"
    if name is not None:
        return "name"  # the longer word wins: X眼镜 is a name, X眼 (wells) a number
    before = text[max(0, start - 4) : start]
    before = (before.translate(fold) if fold else before).rstrip(_SPACE)
    if before.endswith(("-", "—", "－", "~", "～", "至")) and after.startswith("月"):
        return "date"
    if before.endswith(("《", "“")) or text[start] == "某":
        return "name"
    if rules.before_number.search(before) and (not after or not _rx().HANZI.match(after[0])):
        return "number"
    if fold is None and traditional_chars()[1].search(text, max(0, start - 4), end + 8) is not None:
        return _kind(text, start, end, rules, fold_table())
    return "unknown"


def _accept_x(text: str, start: int, end: int, rules: PlaceholderRules) -> str | None:
    """Whether an X run is a placeholder: None when it is real Latin, else ``""`` or
    ``"number"`` when a Latin unit follows it (``Xm²``)."""
    if end - start == 1 and (
        rules.keep.match(text, end) or (text[end : end + 1] in _KEEP_GAP and rules.keep.match(text, end + 1))
    ):
        return None  # X光机, X 光机, X / 光机: a device, not a stand-in
    # (character tests stand for _LATIN_AFTER, a Latin letter and a space, _LATIN_NEXT and _IS_DIGIT: no regex call)
    tail = _LATIN_AFTER.match(text, end) if text[end : end + 1] in _LATIN_AFTER_CHARS else None
    after = end
    if tail:
        if tail.group() not in rules.latin_units and tail.group() not in ("²", "³"):
            return None  # 5G-like Latin or a model name (X5, XP), not a placeholder
        after = tail.end()
    if start >= 2 and text[start - 1] == " " and (text[start - 2] in _LATINS or text[start - 2] in _DIGITS):
        # inside a Latin phrase (iPhone X), or multiplication: 3 x 4 (3x4 is caught before:
        # a digit right before the run)
        return None
    if text[after : after + 1] in ("-", "+", "－", "＋"):
        sums = _SUM_AFTER.match(text, after)
        if sums and (rules.after_number.match(text, sums.end()) or text[sums.end() : sums.end() + 1] in ("%", "％")):
            return "number"  # X-1个, X+1个: a sum on a stand-in before a measure word
    if _latin_next(text, after):
        return None  # before a number (X 5)
    return "number" if tail else ""


def _year_start(text: str, start: int, end: int) -> int:
    """The start of ``20XX年``/``200*年`` when the run at ``start`` completes a year, else -1."""
    if end - start > 3 or text[end : end + 2].lstrip(" \u3000")[:1] != "年":
        return -1
    for k in (2, 3):
        if start >= k and _YEAR_DIGITS.fullmatch(text, start - k, start):
            if start == k or not _IS_DIGIT.match(text[start - k - 1]):
                return start - k
    return -1


def _line(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : len(text) if line_end < 0 else line_end]


def _judge(
    text: str, start: int, end: int, rules: PlaceholderRules, markdown: bool = False
) -> tuple[int, int, str] | None:
    """(start, end, kind) when the run ``text[start:end]`` is (part of) a placeholder, else None.

    ``markdown``: the text has a Markdown heading or a bold run opening a line.
    """
    first = text[start]
    if (first in _XS or first in "*＊×_＿") and "年" in text[end : end + 2]:
        year = _year_start(text, start, end)
        if year >= 0:
            return year, end, "date"
    prev = text[start - 1] if start else ""
    if first in _XS and (not start or text[start - 1] in _CELL_BEFORE) and _cell(text, start, end):
        return start, end, "number"
    if first in _XS:
        if prev in _LATINS and prev.isupper() and end - start >= 2 and text[start:end].islower():
            if rules.after_number.match(text, end) or text[end : end + 1] in ("%", "％"):
                return start, end, "number"  # GDPxxxx万元: lower-case x after an acronym, before a unit
        # (set tests stand for _IS_DIGIT and _IS_LATIN_OR_DIGIT: "" is in no set)
        if prev in _DIGITS and end - start >= 2 and not _latin_next(text, end):
            digits = _DIGITS_BEFORE.search(text, max(0, start - 6), start)
            if digits and (digits.start() == 0 or text[digits.start() - 1] not in _LATIN_OR_DIGIT):
                return digits.start(), end, "number"  # 1XX万元, 队员1xxxx: digits masked
        if prev in _LATIN_OR_DIGIT or prev in _FOREIGN or text[end : end + 1] in _FOREIGN:
            return None  # part of a Latin word (also pinyin, mojibake), an address or a number
        masked = _MASKED_TAIL.match(text, end) if end - start >= 2 and text[end : end + 1] in _DIGITS else None
        if masked and not _latin_next(text, masked.end()):
            return start, masked.end(), "number"  # xx0.9%, xx458元: leading digits masked
        unit = _accept_x(text, start, end, rules)
        if unit is None:
            return None
        return start, end, unit or _kind(text, start, end, rules)
    if first in "*＊" and end - start == 1 and start >= 3 and _YEAR_STAR.match(text, start - 3):
        return start - 3, end, "date"  # 办市函202*111号: a year's last digit blanked before a document number
    if first in "×*＊" and (not start or text[start - 1] in _CELL_BEFORE) and _cell(text, start, end):
        return start, end, "number"  # a table cell of its own: × | × | ×, **%
    if first in "×*＊":
        near = text[max(0, start - 2) : start] + "|" + text[end : end + 2]
        if re.search(rf"[{_DIGIT}{_LATIN}][ ]?\|[ ]?[{_DIGIT}{_LATIN}(（]", near):
            return None  # 3×4, 2 × 10, a*b: operands on both sides (××km is a figure left out)
        if not _in_chinese(text, start, end):
            return None  # (“+” and “×” curves): a sign in a European sentence
        kind = _kind(text, start, end, rules)
        if first in "*＊":
            return _judge_stars(text, start, end, kind, markdown)
        if end - start == 1 and kind == "unknown":
            return None  # 长×宽: a word sum, not a stand-in
        return start, end, kind
    if first == "某":
        return (start, end, "name") if end - start >= 2 else None  # a single 某 is an anonymised name: fine
    if first == "□":
        if text.startswith(_CHECKBOX, end):
            return None  # □是 □否: a form's check box
    elif first in "○〇":
        if end - start < 2 or (prev and prev in _CN_DIGIT) or text[end : end + 1] in tuple(_CN_DIGIT):
            return None  # 二○○○年: Chinese numeral zeros; ○ alone: a bullet
    elif first in "_＿":
        if not _line(text, start, end).strip("_＿" + _SPACE):
            return None  # a horizontal rule
        if not _in_chinese(text, start, end):
            return None  # a blank in a European form: not this library's business
        nxt = text[end : end + 1]
        if (prev and _IS_LATIN_OR_DIGIT.match(prev)) or _IS_LATIN_OR_DIGIT.match(nxt or " "):
            return None  # part of an identifier: __init__, user__name, 网站_365bet
        if end - start == 1 and not (
            (not prev or prev == "\n" or _rx().CN_CONTEXT.match(prev)) and _rx().CN_CONTEXT.match(nxt or " ")
            and (_rx().HANZI.match(prev or " ") or _rx().HANZI.match(nxt or " "))
        ):
            return None  # one underscore outside Chinese text
        if end - start == 1 and _rx().SEPARATOR_UNDERSCORE.search(_line(text, start, end)):
            return None  # a line that uses '_' between words (网站_365bet充值方式_有人): a separator
        kind = _kind(text, start, end, rules)
        if end - start == 1 and kind == "unknown" and not any(c in _line(text, start, end) for c in "。，；！？,;"):
            return None  # a title or a file name joined by '_' (成果专辑_电子书, 工作总结_定稿.doc)
        return start, end, kind
    return start, end, _kind(text, start, end, rules)


_YEAR_STAR = re.compile(rf"(?<![{_DIGIT}])(?:19|20)[{_DIGIT}][*＊][{_DIGIT}]{{1,4}}号")
_CHECKMARKS = ("√", "✓", "✔", "☑")
_CELL_EDGES = frozenset("\t|｜\n")
_CELL_BEFORE = _CELL_EDGES | frozenset(" \u3000")  # what stands before a cell's run


def _cell(text: str, start: int, end: int) -> bool:
    """Whether the run (with a percent sign after it) is a table cell of its own: between tabs, bars
    or wide spaces, on a row of cells in a Chinese text, and no tick elsewhere on the row (a × beside
    a √ is a check mark, not a blank).

    >>> _cell("人口 | × | ×", 5, 6), _cell("| 人口 | ** | **% |", 12, 14), _cell("达标 | √ | ×", 9, 10)
    (True, True, False)
    """
    j = end + 1 if text[end : end + 1] in ("%", "％", "‰") else end
    i = start
    while i and text[i - 1] in " \u3000":
        i -= 1
    while j < len(text) and text[j] in " \u3000" and text[j + 1 : j + 2] not in ("", "\n") and text[j - 1] == " ":
        j += 1
    wide_left = start - i >= 2 or i == 0 or text[i - 1] in _CELL_EDGES
    k = j
    while k < len(text) and text[k] in " \u3000":
        k += 1
    wide_right = k == len(text) or text[k] in _CELL_EDGES or k - j >= 2
    if not (wide_left and wide_right):
        return False
    line = _line(text, start, end)
    if not any(c in line for c in "\t|｜") and "  " not in line.strip():
        return False  # no row of cells
    if any(c in line for c in _CHECKMARKS):
        return False
    head = text[max(0, text.rfind("\n", 0, max(0, text.rfind("\n", 0, start)))) : end]
    return _rx().HANZI.search(head) is not None


# skipped when looking for Chinese around a run: spaces, quotes, brackets, range marks, other runs,
# and the signs of a blanked figure (每±____%, 增长____％)
_WRAPPERS = frozenset(" \u3000\t“”‘’\"'「」『』《》（）()【】-－~～—*＊×_＿±%％")


def _in_chinese(text: str, start: int, end: int) -> bool:
    """Whether a hanzi or a Chinese mark stands near ``text[start:end]`` (spaces, quotes,
    brackets and range marks around it skipped, at most three characters on each side).

    >>> _in_chinese("荣获“**”称号", 3, 5), _in_chinese("values (“+” and “×” curves)", 17, 18)
    (True, False)
    >>> _in_chinese("完成率每±____%", 5, 9)
    True
    """
    i = start - 1
    while i >= 0 and start - i <= 3 and text[i] in _WRAPPERS:
        i -= 1
    j = end
    while j < len(text) and j - end < 3 and text[j] in _WRAPPERS:
        j += 1
    return bool(_rx().CN_CONTEXT.match(text[i : i + 1] if i >= 0 else "") or _rx().CN_CONTEXT.match(text[j : j + 1]))


_STAR_RUN_MAX = 6  # a longer run of stars is a rule or decoration
#: Titles a person's name follows on a signature or a speaker's line (镇长***, 书记**).
_TITLES = ("长", "书记", "書記", "主任", "委员", "委員", "同志")
_OPENERS = frozenset("“‘「『《（〔【")
_CLOSERS = frozenset("”’」』》）〕】")


_MARKDOWN_HINT = re.compile(r"(?m)^(?:#{1,6}[ \t]+\S|[ \t]*\*\*[^\s*][^*\n]*\*\*)")


def _judge_stars(text: str, start: int, end: int, kind: str, markdown: bool) -> tuple[int, int, str] | None:
    """A run of ``*`` in Chinese text stands for a blanked word; Markdown emphasis and footnote marks do not.

    Flagged: a run the words around give a kind (``**年``, ``**镇``, ``共**人``) unless its
    line reads as Markdown (a ``**`` on it closes before a mark or the line end); a run of
    unknown kind between hanzi or marks on both sides when it is long (``第四届****桃花节``),
    quoted (``“**”``), a pair alone on its line or in a text with no other Markdown
    (``加强**建工作``), or a single star after a mark before a hanzi (``，*高新区``).
    """
    n = end - start
    if n > _STAR_RUN_MAX:
        return None
    line = _line(text, start, end)
    if kind != "unknown":
        if line.count("*") != n and _rx().STAR_CLOSE.search(line) and _stars_pair(line):
            return None  # Markdown emphasis: the runs on its line pair up, each pair closing before a non-hanzi
        return start, end, kind
    prev = text[start - 1 : start]
    nxt = text[end : end + 1]
    if prev in "(（" and nxt in ")）" and start >= 2 and _rx().HANZI.match(text[start - 2]):
        return start, end, "name"  # 冀鲁(**)经济区: a bracketed name blanked out (Markdown has no empty pair)
    if n >= 2 and text[max(0, start - 2) : start].endswith(_TITLES) and (not nxt or nxt.isspace() or nxt in "，,。:："):
        return start, end, "name"  # 镇长*** 各位代表: the name after a title blanked out
    ranged = nxt in _RANGE and text[end + 1 : end + 2] in ("*", "＊")  # *-*月
    if not (prev and prev != "\n" and _rx().CN_CONTEXT.match(prev) and (ranged or _rx().CN_CONTEXT.match(nxt or " "))):
        return None  # at a line start (a footnote, a bullet) or beside Latin, digits or spaces
    if prev in _OPENERS and nxt in _CLOSERS:
        return start, end, "name"  # “**”: a quoted name blanked out
    if n >= 3 or (n == 2 and (line.count("*") == n or not markdown or not _stars_pair(line))):
        return start, end, kind  # (a pair of ** in a text with no other Markdown, or on a line whose runs pair not)
    if n == 1 and _rx().HANZI.match(nxt) and not _rx().HANZI.match(prev):
        return start, end, kind  # ，*高新区: a blanked name at a clause start (脚注*说明 is a mark)
    return None


_STAR_RUNS = re.compile(r"[*＊]+")


def _stars_pair(line: str) -> bool:
    """Whether the star runs of ``line`` read as Markdown pairs: an even number of runs, each
    opening run followed by a non-space, each closing run followed by no hanzi.

    >>> _stars_pair("**一、总体要求**：会议"), _stars_pair("**县委**")
    (True, True)
    >>> _stars_pair("**县旅游局和**镇政府以“香约**，"), _stars_pair("共**人，**县"), _stars_pair("**镇镇长***")
    (False, False, False)
    """
    runs = list(_STAR_RUNS.finditer(line))
    if len(runs) % 2:
        return False
    for opener, closer in zip(runs[::2], runs[1::2], strict=True):
        after_open = line[opener.end() : opener.end() + 1]
        after_close = line[closer.end() : closer.end() + 1]
        if not after_open or after_open.isspace() or (after_close and _rx().HANZI.match(after_close)):
            return False
        if opener.end() - opener.start() != closer.end() - closer.start():
            return False  # ** … ***: Markdown closes with the run it opened with
    return True


@lru_cache(maxsize=64)
def _candidates(starts: str) -> re.Pattern[str]:
    """``_rx().CANDIDATE`` for a text holding only the start characters ``starts``.

    One literal first character is found at C speed, several as a (slower) class;
    the matches are those of ``_rx().CANDIDATE``.
    """
    first = re.escape(starts) if len(starts) == 1 else f"[{starts}]"
    return re.compile(rf"{first}[{_STARTS}.．]*")


def _find(text: str, rules: PlaceholderRules) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    starts = "".join(c for c in _STARTS if c in text)  # most texts hold one or none of them
    dots = "…" in text or "⋯" in text
    if not starts and not dots:
        return found
    markdown = "**" in text and _MARKDOWN_HINT.search(text) is not None
    for c in _candidates(starts).finditer(text) if starts else ():
        start, end = c.span()
        if end - start == 1 or _rx().SUB_RUN.match(text, start, end).end() == end:  # type: ignore[union-attr]
            # one run (X, XX, ××): the usual case; a candidate always starts a run
            judged = _judge(text, start, end, rules, markdown)
            if judged is not None:
                found.append(judged)
            continue
        for m in _rx().SUB_RUN.finditer(text, start, end):
            judged = _judge(text, m.start(), m.end(), rules, markdown)
            if judged is not None:
                found.append(judged)
    if dots:
        blanks = [b for m in _dots(text) if (b := _judge_dots(text, m, rules))]
        if blanks:
            found = sorted(found + blanks)
    if ("×" in starts or "*" in starts or "＊" in starts) and "\n" in text:
        cells = _cell_lines(text, {a for a, _, _ in found})
        if cells:
            found = sorted(found + cells)
    if found and ("Y" in text or "Ｙ" in text):
        seconds = [
            (m.start(), m.end(), "number")
            for m in _SECOND.finditer(text)
            if rules.after_number.match(text, m.end()) or text[m.end() : m.end() + 1] in ("%", "％")
        ]
        if seconds:
            found = sorted(found + seconds)
    return found


#: A line that is one table cell holding a stand-in (a table flattened one cell a line): ×, **%, （**）.
_CELL_LINE = re.compile(
    r"^[ \t\u3000]*(?:[（(][ \u3000]?)?([×XxＸｘ*＊]{1,6})(?:[ \u3000]?[)）])?[%％‰]?[ \t\u3000]*$", re.MULTILINE
)
_CELL_TEXT = 12  # a neighbouring cell (a label, a figure, a year) is at most this long
_MIN_CELL_LINES = 3


def _cell_lines(text: str, taken: set[int]) -> list[tuple[int, int, str]]:
    """Stand-ins that are table cells of their own on a line (one cell a line), in a text with at least
    three such lines, each between two short cells (no sentence mark): a ``***`` rule between
    paragraphs or a lone ``×`` button is not one.

    >>> t = "指标\\n户籍人口\\n×\\n×\\n增长率\\n**%\\n（**）\\n"
    >>> [t[s:e] for s, e, _ in _cell_lines(t, set())]
    ['×', '×', '**', '**']
    >>> _cell_lines("项目\\n道路\\n√\\n×\\n绿化\\n√\\n×\\n照明\\n×\\n", set())
    []
    >>> _cell_lines("问题较多。\\n***\\n二、存在问题\\n继续努力。\\n***\\n三、打算\\n", set())
    []
    """
    matches = list(_CELL_LINE.finditer(text))
    if len(matches) < _MIN_CELL_LINES:
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    index = {s: i for i, s in enumerate(starts)}
    ticks = any(c in text for c in _CHECKMARKS)  # × in a table with √ is a check mark
    out = []
    for m in matches:
        i = index.get(m.start())
        if i is None or m.start(1) in taken or (ticks and text[m.start(1)] == "×"):
            continue
        prev = next((x.strip() for x in reversed(lines[max(0, i - 3) : i]) if x.strip()), "")
        nxt = next((x.strip() for x in lines[i + 1 : i + 4] if x.strip()), "")
        cell = [0 < len(x) <= _CELL_TEXT and not any(c in x for c in "。！？；：:") for x in (prev, nxt)]
        chinese = _rx().HANZI.search(prev + nxt) is not None
        if cell[0] and (cell[1] or not nxt) and (chinese or _CELL_LINE.fullmatch(prev) or _CELL_LINE.fullmatch(nxt)):
            out.append((m.start(1), m.end(1), "number"))
    return out


# An ellipsis in brackets standing for a blanked word or figure: 〔…〕镇, 投资〔…〕万元
_DOTS = re.compile(r"[〔【\[（(][ \u3000]?(?:…{1,2}|⋯{1,2})[ \u3000]?[〕】\]）)]")


def _dots(text: str) -> list[re.Match[str]]:
    """The matches of ``_DOTS``: found from an ellipsis right before a closing bracket (a regex led
    by the literal, at C speed: most texts hold ellipses in prose, ……, with no bracket after)."""
    out = []
    for c, closed in _DOTS_END:
        if c not in text:
            continue
        for e in closed.finditer(text):
            k = e.start()
            while k and text[k - 1] == c:
                k -= 1
            k -= 1 if k and text[k - 1] not in " \u3000" else 2
            m = _DOTS.match(text, k) if k >= 0 else None
            if m and m.end() == e.end():
                out.append(m)
    return sorted(out, key=lambda m: m.start())


_DOTS_END = tuple((c, re.compile(re.escape(c) + r"[ \u3000]?[〕】\]）)]")) for c in "…⋯")


def _judge_dots(text: str, m: re.Match[str], rules: PlaceholderRules) -> tuple[int, int, str] | None:
    """A bracketed ellipsis in Chinese text: 〔…〕 and 【…】 always; (…) only where the words around
    make it a number, date or name (a quotation's omission mark is (…) too)."""
    start, end = m.span()
    if not _in_chinese(text, start, end):
        return None
    kind = _kind(text, start, end, rules)
    if text[start] in "（(" and kind == "unknown":
        return None
    return start, end, kind


_WHAT = {
    "number": "a number",
    "date": "a date",
    "name": "a name",
    "unknown": "a word or figure",
}


def _find_unmarked(text: str, rules: PlaceholderRules) -> list[tuple[int, int, str]]:
    """Placeholders judged on the text without ``⟦ ⟧`` marks, so that marking is idempotent."""
    if "⟦" not in text and "⟧" not in text:
        return _find(text, rules)
    index = [i for i, ch in enumerate(text) if ch != "⟦" and ch != "⟧"]
    bare = "".join(text[i] for i in index)
    return [(index[s], index[e - 1] + 1, kind) for s, e, kind in _find(bare, rules)]


def placeholders(text: str, context: Context, rules: PlaceholderRules | None = None) -> Proposal:
    """Flag template placeholders, one ``placeholder`` warning per run.

    >>> s = "设立X个站点，截至X月X日，X街道完成率XX%"
    >>> [(s[f.start:f.end], f.message.split(":")[0]) for f in placeholders(s, Context()).flags]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('X', 'placeholder (number)'), ('X', 'placeholder (date)'), ('X', 'placeholder (date)'),
     ('X', 'placeholder (name)'), ('XX', 'placeholder (number)')]
    >>> placeholders("“十三五”规划，第一季度，5G、AI、ICT、X光机，“1+2+N”，某街道，3×4", Context()).flags
    []
    """
    if rules is None:
        rules = placeholder_rules(Config())
    out = Proposal()
    flags = out.flags
    mark = rules.mark
    # one message object per (kind, run): a template copy repeats the same placeholder
    # thousands of times, and the proposal holds every flag until it is applied (peak memory)
    messages: dict[tuple[str, str], str] = {}
    for start, end, kind in _find_unmarked(text, rules):
        run = text[start:end]
        message = messages.get((kind, run))
        if message is None:
            message = messages[kind, run] = (
                f"placeholder ({kind}): “{run}” stands where {_WHAT[kind]} belongs — this is a template "
                "copy or an anonymised one; take the real value from the source document"
            )
        flags.append(Flag(start, end, "placeholder", message))
        if mark:
            wrapped = text[start - 1 : start] == "⟦" and text[end : end + 1] == "⟧"
            if not wrapped and "⟦" not in run and "⟧" not in run:
                out.replace(start, end, f"⟦{run}⟧", rule="mark-placeholder")
    return out


run = placeholders  # the step function under the name every step module gives it


def _make(config: Config) -> StepFn:
    return partial(placeholders, rules=placeholder_rules(config))


PLACEHOLDERS = Step(
    "placeholders",
    _make,
    codes={"placeholder": "warning"},
    rules=("mark-placeholder",),
    lexicons={
        "placeholders": Schema((("phrase", "role"),), {"role": ("keep", "date", "name", "number")}),
        "measure-words": Schema((("word", "class"),)),
    },
)
