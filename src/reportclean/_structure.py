"""The report's structure, read from the clean text: its outline, sections and meta.

A post-pass of the pipeline (it proposes no edits): :func:`read_structure` reads the final
text line by line, with the heading recogniser the layout step uses (the ``layout``
lexicon, :func:`reportclean._lines.heading_patterns`), and the ``structure`` lexicon
(``data/structure.tsv``: the words that say what a section or a title is).
No library parses a Chinese outline (trafilatura reads a title and a date from HTML
metadata only), so this is written by hand; see ``docs/structure.md``.

- **Headings**: a line that starts with a marker of the official ladder (GB/T 9704:
  ``一、`` → ``（一）`` → ``1.`` → ``（1）`` → ``①``, or decimal ``2.1.1``), levels 1–5
  (decimal: the number of components). An unnumbered heading counts only with strong
  evidence: a short line of its own, with no punctuation, that ends with a section word
  (``主要工作``, ``存在的问题``, ``下一步工作打算``) and is not the title.
- **Sections**: the body under each heading, up to the next heading of the same or a
  shallower level, nested as in the outline, each with a kind (``review``, ``plan``,
  ``other``) from its heading words, the years it names, and the words of its body.
- **Meta**: title, date, issuer, place, review and plan years, each ``None`` unless the
  text states it.

>>> s = read_structure("柏泉街2020年工作总结及2021年工作计划\\n一、党建引领\\n全年召开会议5次。\\n"
...                    "二、2021年工作计划\\n1. 构建产业体系。努力。")
>>> [(h.level, h.label, h.title) for h in s.outline]
[(1, '一', '党建引领'), (1, '二', '2021年工作计划'), (3, '1.', '构建产业体系')]
>>> [(x.kind, x.parent) for x in s.sections]
[('review', None), ('plan', None), ('plan', 1)]
>>> s.meta.place, s.meta.review_years, s.meta.plan_years
('柏泉街', (2020,), (2021,))

Text that has no outline is left with none (a numbered amount is not a heading):

>>> read_structure("1.5万元用于修路。\\n一是加强学习。").outline
()
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import chain, islice, pairwise
from typing import Any, NamedTuple

from ._cjk import HAN
from ._config import Config
from ._lexicon import Lexicon, Schema, package_lexicon
from ._lines import heading_patterns
from ._model import Heading, Meta, Removal, Section, SectionKind, Span

__all__ = [
    "LEXICONS",
    "ROLES",
    "Structure",
    "StructureRules",
    "compile_rules",
    "heading_before",
    "ladder",
    "numbered",
    "read_outline",
    "read_structure",
    "section_of",
    "sections_of",
]

ROLES = (
    "review", "plan", "other", "overview", "document", "bulletin", "not-report", "decoration", "organ", "speaker",
    "issuer",
    "date", "date-line",
)  # fmt: skip
#: The lexicon kinds the structure reads besides the layout markers, with their schemas.
LEXICONS = {"structure": Schema((("phrase", "role"),), {"role": ROLES})}

_CJK_DIGITS = "〇一二三四五六七八九"
_STOPS = "。！？；：!?;:"
_TITLE_STOP = re.compile(f"[{_STOPS}]")
_ANY_PUNCT = re.compile(r"[，。；：！？、,;:!?（）()]")
_SPACES = " \t\u3000"
_GAP = re.compile(r"\S(?:[ \t\u3000]{2,}|\t)\S")  # a column gap: a table row
# an entry of a table of contents: a page number at its end, or after a dot leader
# (本縣人口…………7 Table 4. Birth…), or a translation after it (土地 1.Land: a bilingual one)
_TOC_END = re.compile(
    r"(?:[ \t\u3000]+|[.…·．]{2,})[0-9]{1,3}$|(?:[.…·．]{3,}|…{2,})[ \t\u3000]*[0-9]{1,3}(?![0-9])"
    r"|[ \t\u3000][0-9]{1,2}\.[ \t\u3000]?[A-Z][a-z]{2,}"
)
_UNIT_START = frozenset("%％‰万亿元倍吨")  # a figure's unit ("1.5 亿元", "77.8 %")
_NUMERAL_LIST = re.compile(r"[一二三四五六七八九十0-9]{1,2}[、，,]")
_TIME_WORDS = ("上午", "下午", "晚上", "凌晨", "中午", "日", "号", "时")
_TABLE_ROW = re.compile(r"[|｜]|(?:[ \t\u3000]+[-+]?[0-9][0-9.,%％万亿元]*){2,}$")
_TITLE_MAX = 120  # a longer "title" is a numbered sentence of a pasted list
_UNNUMBERED_MAX = 20
_PLACEHOLDER = re.compile(r"[XxＸｘ×某_□＿*＊〇○]|\.{3}|…")
_EXTENSION = re.compile(r"\.(?:docx?|pdf|wps|txt|pptx?)$", re.IGNORECASE)
# a year (1949-2099) a heading or a title names: "2020年", "2022工作", a range "2016-2020年"
_YEARS = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?:[-—~～至到]((?:19|20)[0-9]{2}))?(?=年|工作|$)")


class Structure(NamedTuple):
    """What :func:`read_structure` finds."""

    outline: tuple[Heading, ...]
    sections: tuple[Section, ...]
    meta: Meta


@dataclass(frozen=True, slots=True)
class StructureRules:
    """The heading markers (the layout step's) and the structure words, for one config."""

    heading: re.Pattern[str]
    line_marker: re.Pattern[str]  # a line that opens with a heading marker: from its "\n" to its marker
    first_marker: re.Pattern[str]  # the same for the text's first line (matched at 0)
    kind_words: dict[str, tuple[str, ...]]  # review / plan / other words by first character, longest first
    naming_words: dict[str, tuple[str, ...]]  # the words that name a document (and review / plan words)
    roles: dict[str, str]
    document: re.Pattern[str]  # words that make a line a title (with a year if only a review or plan word)
    doc_only: re.Pattern[str]  # the document words alone (报告, 公报 …)
    not_report: re.Pattern[str]  # ends the name of a document that is no report (…工作规则, …解读)
    decoration: re.Pattern[str]
    organ_end: re.Pattern[str]
    speaker: re.Pattern[str]
    date_label: re.Pattern[str]
    date_ends: frozenset[str]  # the last characters of the date labels (期, 间)
    date_words: tuple[str, ...]
    issuer_label: re.Pattern[str]  # 发布机构 / 信息来源 and the name after it
    issuer_words: tuple[str, ...]
    unnumbered: re.Pattern[str]  # a line that ends with a section word
    lexicons: tuple[tuple[Lexicon, ...], tuple[Lexicon, ...]] = ((), ())  # what it was compiled from

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the lexicons it was compiled from: a result's unread meta travels with its
        rules (``clean_many(jobs=N)``), and the reading process compiles them once, memoised."""
        return (_compile, self.lexicons)


def compile_rules(config: Config | None = None) -> StructureRules:
    """The rules for ``config``, compiled on first use (memoised on the user lexicons it reads)."""
    config = config or Config()
    return _compile(config.user_lexicons("layout"), config.user_lexicons("structure"))


@cache
def _words() -> Lexicon:
    return package_lexicon("structure.tsv")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"


def _by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _find_words(text: str, table: dict[str, tuple[str, ...]]) -> list[tuple[int, str]]:
    """The words of ``table`` in ``text``, leftmost and longest first, not overlapping: what a
    regex alternation of them finds, for short texts (titles) several times faster (an
    alternation of a hundred words is tried word by word at every position).

    >>> _find_words("2020年工作总结和2021年工作计划", _by_first(["总结", "工作总结", "计划", "工作计划"]))
    [(5, '工作总结'), (15, '工作计划')]
    """
    out: list[tuple[int, str]] = []
    i, n = 0, len(text)
    while i < n:
        words = table.get(text[i])
        if words is not None:
            for w in words:
                if text.startswith(w, i):
                    out.append((i, w))
                    i += len(w) - 1
                    break
        i += 1
    return out


@lru_cache(maxsize=16)
def _compile(user_layout: tuple[Lexicon, ...], user_words: tuple[Lexicon, ...]) -> StructureRules:
    heading, _ = heading_patterns(Config(lexicons=user_layout))
    roles: dict[str, str] = {}
    for lx in (_words(), *user_words):
        for row in lx.rows:
            roles[row[0]] = row[1]

    def of(*wanted: str) -> str:
        return _alternation(w for w, r in roles.items() if r in wanted)

    return StructureRules(
        heading=heading,
        # a literal first: the regex engine finds each "\n" at C speed (a "^" in MULTILINE mode
        # is tried at every position: 4x slower on a report)
        line_marker=re.compile(f"\n[{_SPACES}]*(?={heading.pattern})"),
        first_marker=re.compile(f"[{_SPACES}]*(?={heading.pattern})"),
        kind_words=_by_first(w for w, r in roles.items() if r in ("review", "plan", "other", "overview")),
        naming_words=_by_first(
            w for w, r in roles.items() if r in ("document", "bulletin", "not-report", "review", "plan")
        ),
        roles=roles,
        document=re.compile(of("document", "bulletin", "not-report", "review", "plan")),
        doc_only=re.compile(of("document", "bulletin", "not-report")),
        not_report=re.compile(f"(?:{of('not-report')})$"),
        decoration=re.compile(of("decoration")),
        organ_end=re.compile(f"(?:{of('organ')})$"),
        speaker=re.compile(f"^(.{{0,30}}?(?:{of('speaker')}))[{_SPACES}]*([{HAN}]{{2,4}})$"),
        # 发布日期 anywhere; a bare 时间: only as the label that opens a line (a page's
        # "- 时间:2023-02-24 06:43"), not inside a sentence (截至时间：…)
        date_label=re.compile(
            f"(?:{of('date')})[：:{_SPACES}]*|(?:^|(?<=\n))[-•·*{_SPACES}]*(?:{of('date-line')})[：:][{_SPACES}]*"
        ),
        date_ends=frozenset(w[-1] for w, r in roles.items() if r in ("date", "date-line")),
        date_words=tuple(w for w, r in roles.items() if r in ("date", "date-line")),
        issuer_label=re.compile(f"(?:{of('issuer')})[：:{_SPACES}]*([{HAN}]{{2,24}})"),
        issuer_words=tuple(w for w, r in roles.items() if r == "issuer"),
        unnumbered=re.compile(f"(?:{of('review', 'plan', 'other', 'overview')})$"),
        lexicons=(user_layout, user_words),
    )


# -- headings ---------------------------------------------------------------------------


class _Raw(NamedTuple):
    level: int
    label: str
    title: str
    start: int  # of the marker
    end: int  # of the title
    line_start: int
    decimal: bool  # numbered 1.1 / 2.1.1, or a bare 1. that may be their top level


_FORMAL = "壹贰叁肆伍陆柒捌玖拾"


def ladder(mark: str) -> tuple[int, str, bool] | None:
    """The level and the normalised label of a heading marker, or None for a marker that
    opens no division of the outline (``第一条``, ``篇一``); the flag says decimal numbering.

    >>> ladder("一、"), ladder("(一)"), ladder("1．"), ladder("（1）"), ladder("①"), ladder("2.1.1")
    ((1, '一', False), (2, '（一）', False), (3, '1.', True), (4, '（1）', False), (5, '①', False), (3, '2.1.1', True))
    >>> ladder("第一条") is None, ladder("篇一") is None
    (True, True)
    """
    first = mark[0]
    if first in "（(":
        inner = mark[1:-1]
        return (4 if inner.isdigit() else 2), f"（{inner}）", False
    if "①" <= first <= "⑳":
        return 5, first, False
    if first == "第":
        if mark[-1] in "章部":  # 第一章, 第一部(分)
            return 1, mark + ("分" if mark[-1] == "部" else ""), False
        return (2, mark, False) if mark[-1] == "节" else None
    if first == "篇":
        return None
    if first in _FORMAL or first in _CJK_DIGITS or first == "十":
        return 1, mark.rstrip("、.．"), False
    if first.isdigit():
        body = mark.rstrip(" \t\u3000")
        if body[-1] in ")）":
            return 4, f"{body[:-1]}）", False
        parts = re.split(r"[.．]", body.rstrip(".．、"))
        if len(parts) > 1:
            return len(parts), ".".join(parts), True
        return 3, f"{parts[0]}.", True
    return None  # pragma: no cover - a user marker of another shape


def numbered(body: str, rules: StructureRules) -> tuple[int, str, str, int, int, bool] | None:
    """The numbered heading that opens ``body`` (a line, leading spaces stripped): its level,
    label, title, the span of label and title in ``body``, and whether the numbering is
    decimal; None when the line opens no heading. The one heading recogniser: the layout
    step's markers (``heading_patterns``) and the ladder.

    >>> r = compile_rules()
    >>> numbered("（一）经济建设持续向好。2019年，完成投资。", r)
    (2, '（一）', '经济建设持续向好', 0, 11, False)
    >>> numbered("1.5万元用于修路", r), numbered("一是加强学习", r), numbered("2、7.1亿元", r)
    (None, None, None)
    >>> numbered("1.5 亿元用于修路", r), numbered("77.8 %", r)
    (None, None)
    """
    m = rules.heading.match(body)
    if m is None:
        return None
    step = ladder(m.group())
    if step is None:
        return None
    level, label, decimal = step
    rest = body[m.end() :]
    extra = 0
    if label.endswith("部分"):
        if not rest.startswith("分") or rest[1:2] in ("是", "为", "，", ""):
            return None  # 第一部分是…: a sentence about the report's parts
        extra = 1
        rest = rest[1:]
    skip = extra + len(rest) - len(rest.lstrip(_SPACES + "、"))
    rest = rest[skip - extra :]
    stop = _TITLE_STOP.search(rest)
    title = (rest[: stop.start()] if stop else rest).rstrip(_SPACES)
    if len(title) > _TITLE_MAX:
        title = _head_phrase(title, rules)  # 一、2022年工作回顾刚刚过去的一年…: a converter's run-on
    spaced = _GAP.search(title) is not None and not _letter_spaced(title)
    if not title or len(title) > _TITLE_MAX or spaced or _TOC_END.search(title):
        return None  # a bare number, a pasted sentence, a table row, a table of contents
    if title[0].isdigit() and label[-1] in ".、" and not _YEARS.match(title):
        return None  # an amount after a number ("2、7.1亿元"): a page of a doc-sharing preview
    if decimal and (title[0] in _UNIT_START or (len(label) > 2 and title.startswith(_TIME_WORDS))):
        return None  # "1.5 亿元", "77.8 %": a figure at a line start; "1.15 上午": a date
    if _NUMERAL_LIST.match(title):
        return None  # 一、二、三产业…: numerals enumerated, not a heading
    if _TABLE_ROW.search(title):
        return None  # "1. 东湖镇 3000 2500", "1 | 东湖镇 | 3000": a row of a table
    return level, label, title, m.start(), m.end() + skip + len(title), decimal


def _head_phrase(title: str, rules: StructureRules) -> str:
    """The heading phrase at the start of a title that runs on into its body with no mark
    for more than ``_TITLE_MAX`` characters: up to a section word that ends it within its
    first 30 characters, after a subject (``2022年工作回顾``), else ``""`` (no heading).

    >>> _head_phrase("2022年工作回顾刚刚过去的一年" + "面对挑战" * 40, compile_rules())
    '2022年工作回顾'
    >>> _head_phrase("今年以来我们" + "面对挑战" * 40, compile_rules())
    ''
    """
    found = [(at, w) for at, w in _find_words(title[:_KIND_SPAN], rules.kind_words) if at >= 2]
    if not found:
        return ""
    at, w = found[0]
    return title[: at + len(w)]


def _letter_spaced(title: str) -> bool:
    """Whether the gaps of a title space out its letters (``综  合``, ``民 政 部 門``), not columns.

    >>> _letter_spaced("综  合"), _letter_spaced("道路  300万元")
    (True, False)
    """
    words = title.split()
    return len(words) > 1 and all(len(w) <= 2 for w in words)


_QUOTED = re.compile(r"[《》〈〉“”\"<>]")  # a piece of a title cut over lines (…措施》實施方案)
_SHORT_LINE = re.compile(f"\n[ \t\u3000]*([^\n]{{2,{_UNNUMBERED_MAX + 4}}})(?![^\n])")
_FIRST_SHORT = re.compile(f"[ \t\u3000]*([^\n]{{2,{_UNNUMBERED_MAX + 4}}})(?![^\n])")  # at 0


def _line_matches(text: str, after_newline: re.Pattern[str], first: re.Pattern[str]) -> Iterable[re.Match[str]]:
    """The matches of a line-start pattern: ``first`` on the text's first line, then
    ``after_newline`` (which opens with ``"\n"``) on the others. No copy of the text is made
    (a ``"\n" + text`` copy cost as much memory as the text; a ``^`` in MULTILINE mode is
    tried at every position, 4x slower)."""
    return chain(filter(None, (first.match(text),)), after_newline.finditer(text))


def _headings(text: str, rules: StructureRules) -> list[_Raw]:
    """The numbered and unnumbered headings, in document order."""
    # The lines that may hold a heading are found by regexes over the whole text (at C speed;
    # a Python loop over every line cost ~15% of a small document's clean): lines that open
    # with a marker, short lines (unnumbered candidates) and markers after a sentence end.
    found: list[_Raw] = []
    candidates: list[tuple[int, int, str]] = []  # unnumbered: (start, end, words)
    n = len(text)
    for m in _line_matches(text, rules.line_marker, rules.first_marker):
        lead = m.end()
        line_start = m.start() + (text[m.start() : m.start() + 1] == "\n")
        line_end = text.find("\n", lead)
        body = text[lead : n if line_end < 0 else line_end]
        got = numbered(body, rules)
        if got is not None:
            level, label, title, start, end, decimal = got
            found.append(_Raw(level, label, title, lead + start, lead + end, line_start, decimal))
    for m in _line_matches(text, _SHORT_LINE, _FIRST_SHORT):
        stripped = m.group(1).rstrip(_SPACES)
        if not 2 <= len(stripped) <= _UNNUMBERED_MAX or _ANY_PUNCT.search(stripped) or _QUOTED.search(stripped):
            continue
        if rules.unnumbered.search(stripped) and rules.heading.match(stripped) is None:
            candidates.append((m.start(1), m.start(1) + len(stripped), stripped))
    flat: list[_Raw] = []
    seen_lines: set[int] = set()
    for at in chain((m.start() for m in _AFTER_STOP.finditer(text)), _after_spaces(text)):
        line_start = text.rfind("\n", 0, at) + 1
        if line_start in seen_lines:
            continue
        seen_lines.add(line_start)
        line_end = text.find("\n", at)
        line_end = n if line_end < 0 else line_end
        if line_end - line_start > _FLAT_MIN:
            flat += _inline(text[line_start:line_end], line_start, line_start, rules)
    flat += _comma_marked(text, rules)
    if flat:
        found = sorted({h.start: h for h in (*found, *flat)}.values(), key=lambda h: h.start)
    if found and (_EXTENSION.search(_first_line(text)) or _pages_run_on(text, found)):
        # a doc-sharing page ("….docx") numbers the pages of its preview 1、2、3、 (a long first
        # one): not an outline
        first = _FIRST_CHUNK.search(text)
        chunks = first is not None and _line_length(text, first.start()) > _CHUNK_MIN
        if chunks:
            found = [h for h in found if not (h.label[:-1].isdigit() and h.start == h.line_start)]
    if any(h.decimal and "." in h.label[:-1] for h in found):
        # decimal numbering: a bare "1." is the top of "1.1", "1.2"
        found = [h._replace(level=1) if h.label.endswith(".") and h.label[:-1].isdigit() else h for h in found]
    if found:
        found = _with_evidence(text, found, rules)
    if candidates:
        found = _with_unnumbered(text, found, candidates, rules)
    return found


# -- outline evidence -------------------------------------------------------------------
#
# A marker at a line start is not enough: numbered list items, notices, references and
# comments open lines with the same markers. A heading needs evidence of an outline: a
# sibling in its ladder (1. and 2. under one parent), and a heading phrase, not a sentence.

_CLAUSE = re.compile(r"[，,；;]")
_DOC_NAME = re.compile(
    r"^(?:关于|關於|关於|《).{2,}(?:通知|通告|公告|公示|通报|通報|意见|意見|办法|辦法|方案|决定|決定|规定|規定|细则|細則|批复|批覆|函|纪要|紀要|请示|請示|报告|報告)》?$"
    r"|^《.*》$"
)
_DATED = re.compile(
    r"(?:(?:19|20)[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?|[0-9]{1,2}[-/月][0-9]{1,2}日?|[（(\[【](?:19|20)[0-9]{2}[^）)\]】]{0,8}[）)\]】])$"
)
_END_MARKS = "。；;.．!！?？”’\"'）)"


@lru_cache(maxsize=1024)
def _number(label: str) -> tuple[str, int] | None:
    """The ladder style and the number of a label: ``（三）`` → ("（一）", 3), ``2.1.3`` →
    ("2.1.", 3), ``二`` → ("一", 2); None for labels that are no sequence (``第一章``).

    >>> _number("（三）"), _number("2.1.3"), _number("十二"), _number("3."), _number("②")
    (('（一）', 3), ('2.1.', 3), ('一', 12), ('1.', 3), ('①', 2))
    """
    if "①" <= label[0] <= "⑳":
        return "①", ord(label[0]) - ord("①") + 1
    if label[0] == "（":
        inner = label[1:-1]
        if inner.isdigit():
            return "（1）", int(inner)
        n = _cjk_value(inner)
        return None if n is None else ("（一）", n)
    if label[0].isdigit():
        if label.endswith("）"):
            return "1）", int(label[:-1])
        parts = label.rstrip(".").split(".")
        if not all(x.isdigit() for x in parts):
            return None
        return ".".join(parts[:-1]) + "." if len(parts) > 1 else "1.", int(parts[-1])
    n = _cjk_value(label)
    return None if n is None else ("一", n)


def _cjk_value(s: str) -> int | None:
    s = s.translate(_FORMAL_TO_CJK)
    if not s or any(c not in _CJK_DIGITS and c != "十" for c in s) or len(s) > 3:
        return None
    try:
        return _cjk_number(s) if len(s) < 4 else None
    except ValueError:  # pragma: no cover - a malformed numeral (十十)
        return None


_FORMAL_TO_CJK = str.maketrans("壹贰叁肆伍陆柒捌玖拾", "一二三四五六七八九十")


def _reference(title: str) -> bool:
    """A reference to a document (``关于…的通知``, ``《…》``, an attachment ``….docx``) or a
    dated entry of a list."""
    if _EXTENSION.search(title):
        return True
    if title[0] in "关關《" or title[-1] == "》":
        if _DOC_NAME.search(title):
            return True
    return title[-1] in "日0123456789）)]】" and _DATED.search(title) is not None


def _line_rest(text: str, h: _Raw) -> str:
    """What follows a heading's title on its line."""
    end = text.find("\n", h.end)
    return text[h.end : len(text) if end < 0 else end].strip(_SPACES)


def _list_like(text: str, h: _Raw, rules: StructureRules | None = None) -> bool:
    """Whether a numbered line reads as an item of a list, not a heading: a reference to a
    document (``关于…的通知``, ``《…》``), a dated entry, or one sentence of several clauses
    with nothing after it (``1.加大宣传，提高收入。``)."""
    title = h.title
    if _reference(title):
        return True
    rest = _line_rest(text, h)
    if rest[:1] in ("：", ":") and len(rest) <= 40 and not _SENTENCE_END.search(rest):
        return True  # a field of a notice or a comment: 报名时间：5月1日至10日, 张三：写得好
    if rest in ("；", ";"):
        return True  # （1）加强领导；: an item of an enumeration
    if rules is not None and not rest and _names_a_document(title, rules):
        return True  # 2023年乡镇工作总结范文: the title of a document in a list of them
    # one sentence of clauses with nothing after it; a whole paragraph a converter ran on from
    # its heading with no mark (over 100 characters) is no list item, nor is any line of a
    # text that lost its sentence marks (no 。 in it: every line ends with nothing after it)
    if rest.strip(_END_MARKS) or len(title) > _ITEM_MAX or "。" not in text:
        return False
    return _CLAUSE.search(title) is not None or len(title) > 40


def _names_a_document(title: str, rules: StructureRules) -> bool:
    """Whether a title ends with a word that names a document or decorates its name (a list
    of articles, a table of contents): ``2023年乡镇工作总结范文``, ``东湖镇2022年工作计划``."""
    core = title.rstrip("）)》」』”’ ")
    if rules.decoration.search(core[-4:]):
        return True
    found = _find_words(core[-8:], rules.naming_words)
    return bool(found) and found[-1][0] + len(found[-1][1]) == len(core[-8:]) and len(core) > len(found[-1][1]) + 3


def _bare(text: str, h: _Raw) -> bool:
    """A heading line with strong evidence on its own: a short phrase alone on its line
    (no clause, no sentence mark after it), with a paragraph under it."""
    title = h.title
    clauses = title.count("，") + title.count(",") + 2 * (title.count("；") + title.count(";"))
    if _line_rest(text, h) or len(title) > 30 or clauses > 1:
        return False
    return _over_body(text, h)


def _over_body(text: str, h: _Raw) -> bool:
    """Whether the next line with text under a heading is a paragraph (a sentence mark, or
    long) or a heading under it: what a heading has and the last item of a list has not."""
    nl = text.find("\n", h.end)
    while 0 <= nl < len(text) - 1:
        end = text.find("\n", nl + 1)
        line = text[nl + 1 : len(text) if end < 0 else end].strip(_SPACES)
        if line and not _BARE_MARKER.fullmatch(line):  # (a marker a converter cut off its line: "1")
            return _SENTENCE_END.search(line) is not None or len(line) > 40 or line[-1] in "：:"
        nl = end
    return False


_BARE_MARKER = re.compile(r"[0-9]{1,2}[.．、]?|[（(][一二三四五六七八九十0-9]{1,3}[)）]")


_ITEM_MAX = 100
_NONBLANK = re.compile(r"\S")
_LIST_RUN = 3


def _adjacent(text: str, a: _Raw, b: _Raw) -> bool:
    """Whether ``b``'s line follows ``a``'s with no text between (blank lines aside)."""
    nl = text.find("\n", a.end)
    return nl >= 0 and _NONBLANK.search(text, nl, b.line_start) is None


def _with_evidence(text: str, found: list[_Raw], rules: StructureRules) -> list[_Raw]:
    """The numbered headings with evidence of an outline (see the comment above).

    - a run of sibling lines (``1.`` ``2.`` ``3.`` under one parent, no body between them)
      most of whose items are list items (:func:`_list_like`) is a list: none is a heading;
    - a reference or a dated entry is no heading, alone or not;
    - a heading with no sibling (no ``n-1`` before it, no ``n+1`` after it, under its
      parent) counts only as the start of a ladder (``一、``, ``（一）``, ``1.`` under a
      parent heading) that is not a list item, or as a short line of its own over a
      paragraph (:func:`_bare`).

    Headings a converter flattened into a long line (found after a sentence end) and the
    chapters (``第一章``) are left as they are.
    """
    n = len(found)
    parents: list[int | None] = [None] * n
    stack: list[int] = []
    for i, h in enumerate(found):
        while stack and found[stack[-1]].level >= h.level:
            stack.pop()
        parents[i] = stack[-1] if stack else None
        stack.append(i)
    numbers = [_number(h.label) for h in found]
    groups: dict[tuple[str, int | None], list[int]] = {}
    for i, num in enumerate(numbers):
        h = found[i]
        if num is not None and (h.start == h.line_start or _NONBLANK.search(text, h.line_start, h.start) is None):
            groups.setdefault((num[0], parents[i]), []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        has_sibling = set()
        for a, b in pairwise(members):
            if numbers[b][1] == numbers[a][1] + 1:  # type: ignore[index]
                has_sibling |= {a, b}
        # runs of adjacent siblings: lists when most items are list items
        run: list[int] = []
        for i in members:
            last = run[-1] if run else -1
            if run and numbers[i][1] == numbers[last][1] + 1 and _adjacent(text, found[last], found[i]):  # type: ignore[index]
                run.append(i)
            else:
                drop |= _list_run(text, found, run, rules)
                run = [i]
        drop |= _list_run(text, found, run, rules)
        if numbers[members[0]][0] == "1." and parents[members[0]] is None:  # type: ignore[index]
            # numbered paragraphs (a Hong Kong report's 2. 在過去一年，我們致力…): most of the
            # "titles" are sentences, not heading phrases
            # (and they run long or go on from earlier paragraphs: 1.党建工作取得了新成效,
            # 2.经济发展实现了新突破 are short heading phrases of a report)
            sentences = sum(_sentence(found[i].title) for i in members)
            long_ = sum(len(found[i].title) for i in members) > 20 * len(members)
            if 2 * sentences > len(members) and (long_ or numbers[members[0]][1] > 1):  # type: ignore[index]
                drop.update(members)
        for i in members:
            h = found[i]
            if i in drop:
                continue
            if _reference(h.title):
                drop.add(i)
            elif i not in has_sibling and not _bare(text, h) and not _marked_nearby(text, h, numbers[i]):  # type: ignore[arg-type]
                first = numbers[i][1] == 1  # type: ignore[index]
                nested = h.level <= 2 or parents[i] is not None
                if not (first and nested) or (_list_like(text, h) and not _over_body(text, h)):
                    drop.add(i)
    return [h for i, h in enumerate(found) if i not in drop] if drop else found


# what makes a numbered line's first words a sentence, not a heading phrase: a pronoun
# subject (我们, 本会), an aspect 了 (not 为了), a subject with 的 before a copula or a modal
# (区议会的功能将会扩大), a short subject before 是 (乡议局是…组织)
_SENTENCE_WORDS = re.compile(
    r"我们|我們|本会|本會|它们|它們|他们|他們|(?<![为為])了"
    r"|的[^，,。]{0,8}?(?:是|要|将会|將會|将|將|会|會)|^[^，,。、]{2,6}是"
)


def _sentence(title: str) -> bool:
    """Whether the words after a number are a sentence (see ``_SENTENCE_WORDS``).

    >>> _sentence("在過去一年，我們致力落實830項承諾"), _sentence("區議會的功能將會擴大"), _sentence("加强组织领导")
    (True, True, False)
    """
    return _SENTENCE_WORDS.search(title) is not None


def _cjk_of(n: int) -> str:
    """``n`` (1–99) in Chinese numerals, as outlines write it: 一, 十, 十二, 二十一.

    >>> [_cjk_of(n) for n in (1, 10, 12, 20, 21)]
    ['一', '十', '十二', '二十', '二十一']
    """
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CJK_DIGITS[tens] + "十")
    return head + (_CJK_DIGITS[ones] if ones else "")


_NEARBY = 20_000  # characters: a section of a report, well within


def _marked_nearby(text: str, h: _Raw, num: tuple[str, int]) -> bool:
    """Whether the marker of the previous (or next) sibling of a ``一、`` or ``（一）``
    heading is in the text before (after) it, where a converter ran that heading into
    another line or a title too long to be one hid it (``…工作安排一、上半年工作总结``)."""
    style, n = num
    if style not in ("一", "（一）") or not 1 <= n < 99:
        return False
    if style == "一":
        before = [f"{_cjk_of(n - 1)}、"] if n > 1 else []
        after = [f"{_cjk_of(n + 1)}、"]
    else:
        before = [f"（{_cjk_of(n - 1)}）", f"({_cjk_of(n - 1)})"] if n > 1 else []
        after = [f"（{_cjk_of(n + 1)}）", f"({_cjk_of(n + 1)})"]
    lo, hi = max(0, h.start - _NEARBY), h.end + _NEARBY  # bounded: linear however many such headings
    return any(text.rfind(m, lo, h.start) >= 0 for m in before) or any(text.find(m, h.end, hi) >= 0 for m in after)


def _list_run(text: str, found: list[_Raw], run: list[int], rules: StructureRules) -> set[int]:
    if len(run) < 2:
        return set()
    if len(run) >= _LIST_RUN and not _over_body(text, found[run[-1]]) and not any(
        _line_rest(text, found[i]).strip(_END_MARKS) or len(found[i].title) > 40 for i in run
    ):
        return set(run)  # three or more short sibling lines with no text on or under any: a list, a menu
    items = sum(_list_like(text, found[i], rules) for i in run)
    return set(run) if 2 * items > len(run) else set()


_CHUNK_MIN = 200
_FIRST_TEXT = re.compile(r"[^\s][^\n]*")
_FIRST_CHUNK = re.compile(r"^[ \t\u3000]*1[、.．]", re.MULTILINE)
_FLAT_MIN = 150  # a line this long may hold several paragraphs a converter flattened
# after a sentence end; after a colon only 一、 (主要做了以下工作：一、…), as （一） after a colon
# is an enumeration inside the sentence (主要做法：（一）…；（二）…)
# (one character class first: the engine scans for it at C speed; the colon case is sorted in code)
_AFTER_STOP = re.compile(
    r"[。！？：；][ \t\u3000]*(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
)
# a converter that ran paragraphs into one line with spaces between them (a doc-sharing
# page's "资源描述 … 一、2023年我们奋力拼搏，成绩来之不易 2023年是…")
_AFTER_SPACE = re.compile(
    r"[ \t\u3000]+(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、](?![0-9]))"
)
_SPACED_TITLE_MAX = 40
_MARK_AT = re.compile(
    r"[ \t\u3000]+(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、](?![0-9]))"
)


def _after_spaces(text: str) -> Iterable[int]:
    """Where a run of spaces before a ``一、`` or ``（一）`` starts, found with ``str.find``
    (at C speed: a regex over the whole text tries its first character at every position,
    ten times slower on a report, where spaces are few)."""
    for sep in (" ", "\u3000", "\t"):
        i = text.find(sep)
        while i >= 0:
            if _MARK_AT.match(text, i):
                yield i
            j = i + 1
            while j < len(text) and text[j] == sep:
                j += 1
            i = text.find(sep, j)
_CLAUSE_MARKS = frozenset("，、；：,;:（(“‘《")  # a space after these is inside a sentence
_NEXT_MARK = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、")


def _inline(body: str, lead: int, line_start: int, rules: StructureRules) -> list[_Raw]:
    """The headings a converter flattened into a long line: a ``一、`` or ``（一）`` right after
    a sentence end (``…全面胜利。一、2020年工作总结（一）疫情防控常态开展。``); the title also
    stops at the next such marker."""
    out: list[_Raw] = []
    colon = {m.end() for m in _AFTER_STOP.finditer(body) if body[m.start()] == "：" and body[m.end()] in "（("}
    semi = {m.end() for m in _AFTER_STOP.finditer(body) if body[m.start()] == "；"}
    todo = [m.end() for m in _AFTER_STOP.finditer(body)]
    spaced = {m.end() for m in _AFTER_SPACE.finditer(body)
              if m.start() > 0 and body[m.start() - 1] not in _CLAUSE_MARKS
              and not body[: m.start()].isspace()}  # fmt: skip
    todo = sorted(set(todo) | spaced)
    while todo:
        at = todo.pop(0)
        got = numbered(body[at:], rules)
        if got is None:
            continue
        level, label, title, start, end, decimal = got
        if body[at + end : at + end + 1] in ("；", ";"):
            continue  # 提出意见：一、通过网络反馈；二、…: an enumeration inside the sentence
        if at in colon and (body[at + end : at + end + 1] != "。" or len(title) > _SPACED_TITLE_MAX):
            continue  # 做法：（一）加强领导，（二）…: its items (做法：（一）做好布置工作。 opens a part)
        if at in semi and not (
            body[at + end : at + end + 1] == "。" and len(title) <= _SPACED_TITLE_MAX
            and any(_follows(h.label, label) for h in out[-1:])
        ):  # fmt: skip
            continue  # …；（二）…: an item of an enumeration, unless the heading before it is its sibling
        if at in spaced:  # after a space: the title runs to the next space, a short phrase
            gap = re.search(f"[{_SPACES}]", title)
            if gap is not None:
                end -= len(title) - gap.start()
                title = title[: gap.start()]
            elif label[0].isdigit() or body[at + end : at + end + 1] not in ("", *_STOPS):
                continue  # a title that runs on into its body, no space after it (a 1. must have one)
            if not title or len(title) > _SPACED_TITLE_MAX:
                continue
        if _reference(title):
            continue  # 附件：1.…方案.docx 2.《…》起草说明.doc: attachments
        cut = _NEXT_MARK.search(title, 1)
        if cut is not None:  # 一、2020年工作总结（一）疫情防控常态开展。: two headings
            title = title[: cut.start()].rstrip(_SPACES)
            nxt = at + end - len(got[2]) + cut.start()
            end = end - (len(got[2]) - len(title))
            if nxt not in todo:
                todo.insert(0, nxt)
        if title:
            out.append(_Raw(level, label, title, lead + at + start, lead + at + end, line_start, decimal))
    return out


_UNIT_IN = re.compile(r"镇|鎮|乡|鄉|街道|县|縣|区|區|村|社区|社區|委员会|委員會|政府")


def _titled(words: str, rules: StructureRules) -> bool:
    """Whether a short line that ends with a section word is a document's title, not a
    heading: a subject of six or more characters before that word names a place or a body
    (``东湖镇第十一届村民委员会换届选举工作方案``, ``社区创建文明社区工作总结``), which a
    heading (``2013年工作回顾``, ``存在的问题``) does not.

    >>> r = compile_rules()
    >>> _titled("东湖镇第十一届村民委员会换届选举工作方案", r), _titled("2013年工作回顾", r), _titled("主要工作", r)
    (True, False, False)
    """
    found = _find_words(words, rules.kind_words)
    subject = _YEARS.sub("", words[: found[-1][0]] if found else words)
    return len(subject) >= 6 and _UNIT_IN.search(subject) is not None


_COMMA_MARK = re.compile(r"\n[ \t\u3000]*([一二三四五六七八九十]{1,3})[，：,:](?=[^\s，：,:])")
_LINE_MARK = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*([一二三四五六七八九十]{1,3})[、，：,:]")


def _comma_marked(text: str, rules: StructureRules) -> list[_Raw]:
    """Top headings a writer marked ``一，`` or ``四：`` (not ``一、``), where a sibling's marker
    opens a line too (``三、…`` then ``四：认真对待工作``; ``一，`` ``二，`` ``三，``): read as
    ``一、`` would be, then judged as any heading is. The layout lexicon knows no such marker,
    so nothing but this reads it."""
    out: list[_Raw] = []
    if "，" not in text and "：" not in text and "," not in text and ":" not in text:
        return out
    marked: set[int] | None = None  # the numbers of the markers at line starts, found once (linear)
    for m in _COMMA_MARK.finditer(text):
        n = _cjk_value(m.group(1))
        if n is None or not 1 <= n < 99:
            continue
        if marked is None:
            marked = {v for x in _LINE_MARK.finditer(text) if (v := _cjk_value(x.group(1))) is not None}
        if n - 1 not in marked and n + 1 not in marked:
            continue
        line_end = text.find("\n", m.end())
        body = m.group(1) + "、" + text[m.end() : len(text) if line_end < 0 else line_end]
        got = numbered(body, rules)
        if got is None or got[0] != 1:
            continue
        level, label, title, start, end, decimal = got
        lead = m.start(1)
        out.append(_Raw(level, label, title, lead + start, lead + end, m.start() + 1, decimal))
    return out


def _pages_run_on(text: str, found: list[_Raw]) -> bool:
    """Whether a ``2、`` at a line start numbers the second page of a preview: the text opens
    with a long ``1、`` line (the first page), and the long line before the ``2、`` stops
    inside a sentence (``…按现行汇率计\n2、算折合美元；``), which runs on after it."""
    one = found[0]
    if one.label != "1." or one.start != one.line_start or _line_length(text, one.start) <= _CHUNK_MIN:
        return False  # the first page opens the text, before any heading
    two = next((h for h in found if h.label == "2." and h.start == h.line_start), None)
    if two is None or two.line_start < 2:
        return False
    prev_start = text.rfind("\n", 0, two.line_start - 1) + 1
    prev = text[prev_start : two.line_start - 1].rstrip(_SPACES)
    return len(prev) > _CHUNK_MIN and prev[-1] not in _END_MARKS + "：:…—"


def _follows(before: str, label: str) -> bool:
    """Whether ``label`` numbers the sibling after ``before`` (``（三）`` → ``（四）``)."""
    a, b = _number(before), _number(label)
    return a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1


def _first_line(text: str) -> str:
    """The first line with text in it (found without copying the text)."""
    m = _FIRST_TEXT.search(text)
    return m.group().strip() if m else ""


def _line_length(text: str, start: int) -> int:
    end = text.find("\n", start)
    return (len(text) if end < 0 else end) - start


def _with_unnumbered(
    text: str, found: list[_Raw], candidates: list[tuple[int, int, str]], rules: StructureRules
) -> list[_Raw]:
    """Add the unnumbered headings with strong evidence: a short line with no punctuation
    that ends with a section word, is neither a title nor decorated, and has body after it."""
    header = _header(text, -1)
    title_end, title = _title_line_end(text, rules, header)
    header_end = header[-1].start + len(header[-1].text) if header else 0
    level = 1  # the top divisions of a report are what such a heading names (主要工作, 存在的问题)
    heads = {h.line_start for h in found}
    out = list(found)
    for s, e, words in candidates:
        if s < title_end or rules.decoration.search(words) or _YEARS.fullmatch(words):
            continue
        if s < header_end and _names_document(words, rules):
            continue  # a title among the lines over the body (鄉鎮xx年工作總結和xx年工作計畫 under the page's)
        if words == title or _titled(words, rules):
            continue  # the title again under a 范文 page's preface; a document's title (东湖镇…工作方案)
        nxt = text.find("\n", e)
        if nxt < 0 or nxt + 1 >= len(text):
            continue  # nothing under it
        end = text.find("\n", nxt + 1)
        following = text[nxt + 1 : end if end >= 0 else len(text)].strip(_SPACES)
        line_start = text.rfind("\n", 0, s) + 1
        before = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)].strip(_SPACES)
        if following == words or before == words:
            continue  # a line repeated: a page title
        if nxt + 1 not in heads and not _TITLE_STOP.search(following) and len(following) <= _UNNUMBERED_MAX:
            continue  # a list of short lines (a menu), not a heading over a body
        out.append(_Raw(level, "", words, s, e, text.rfind("\n", 0, s) + 1, False))
    out.sort(key=lambda h: h.start)
    return out


# -- meta -------------------------------------------------------------------------------


class _Line(NamedTuple):
    start: int
    text: str  # stripped


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    for line in text[start:end].split("\n"):
        body = line.strip(_SPACES)
        if body:
            out.append(_Line(pos + line.find(body[0]), body))
        pos += len(line) + 1
    return out


_HEADER_LINES = 8
_SENTENCE_END = re.compile(r"[。！？；]")
_TRAILER_LINES = 3


def _header(text: str, first_heading: int) -> list[_Line]:
    """The lines before the body starts: before the first heading, and before the first
    line that is a paragraph (a sentence-final mark, or long), at most _HEADER_LINES."""
    out: list[_Line] = []
    end = first_heading if first_heading >= 0 else len(text)
    pos = 0
    while pos < end and len(out) < _HEADER_LINES:
        nl = text.find("\n", pos, end)
        line = text[pos : end if nl < 0 else nl]
        body = line.strip(_SPACES)
        if body:
            if len(body) > 60 or _SENTENCE_END.search(body):
                break
            out.append(_Line(pos + line.find(body[0]), body))
        if nl < 0:
            break
        pos = nl + 1
    return out


_SITE = re.compile(r"[_|｜>»›]| - |[0-9]{3,}[A-Za-z]|首页|当前位置|首頁|當前位置")  # a page title's separators, a path
_TRAILING_PART = re.compile(r"[（(][0-9一二三四五六七八九十]{1,3}[)）]$")  # …工作总结(10): a page of a series
_TAG_PREFIX = re.compile(r"【[^】\n]{1,8}】[ \t\u3000]*")
_PATH = re.compile(r"[>»›]|首页|当前位置|首頁|當前位置")  # a site's path (breadcrumbs)
_TRAILING_YEAR = re.compile(r"[ \t\u3000]+(?:19|20)[0-9]{2}$")  # "…统计公报 2022": the site's year tag


def _names_document(line: str, rules: StructureRules) -> bool:
    """Whether a line names a document: a document word (报告, 公报), or a review or plan word
    with a period (``2021年工作计划``, ``年度工作总结``); ``未來展望與工作重點`` is a heading."""
    return rules.doc_only.search(line) is not None or ("年" in line and rules.document.search(line) is not None)


def _ends_naming(line: str, rules: StructureRules) -> bool:
    """Whether a title ends with the word that names it (报告, 总结, 计划, 解读 …), closing
    brackets aside: a report's title does; a page title with a tag after it does not."""
    core = line.rstrip("）)》」』”’ ")
    found = _find_words(core, rules.naming_words)
    return bool(found) and found[-1][0] + len(found[-1][1]) == len(core)


def _title_words(header: list[_Line], rules: StructureRules, text: str = "") -> str:
    """The first line of the header that names a document, decorated or not (its words
    say what the report is, even where it is not the report's own title); failing that,
    the start of the first line up to its first mark, when a converter ran the title into
    the body (``2023年街道工作规划今年是…，``): only to read the kinds and years, never the
    meta's title."""
    for line in header:
        sent = _TRANSMITS.search(line.text)  # 关于印发《东湖镇换届选举工作方案》的通知: a 方案 follows
        if sent is not None and _ends_naming(sent.group(1), rules):
            return sent.group(1)
    for i, line in enumerate(header[:4]):
        t = _TRAILING_PART.sub("", line.text)
        if _names_document(t, rules) and not _ANY_PUNCT.search(t.replace("（", "").replace("）", "")):
            if rules.decoration.search(t):  # a page title: the report's own title under it says what it is
                last = _last_naming(t, rules)
                for nxt in header[i + 1 : i + 3]:
                    if (_names_document(nxt.text, rules) and not rules.decoration.search(nxt.text)
                            and last is not None and _last_naming(nxt.text, rules) == last
                            and not _ANY_PUNCT.search(nxt.text.replace("（", "").replace("）", ""))):
                        return nxt.text  # 鄉鎮xx年工作總結和xx年工作計畫 under …範文和2024年工作計畫
            return t
    if not header and text:
        first = _first_line(text)
        stop = _ANY_PUNCT.search(first)
        start = first[: stop.start()] if stop else ""
        if len(start) <= 40 and _names_document(start, rules):
            return start
    for line in header[:2]:  # a title with no period that says what it is: 乡镇工作总结亮点
        t = line.text
        if len(t) <= 30 and not _ANY_PUNCT.search(t) and _find_words(t, rules.kind_words) and not _SITE.search(t):
            return t
    return ""


_TRANSMITS = re.compile(r"(?:关于|關於)(?:印发|印發|转发|轉發|下发|下發)《([^》]{2,60})》的?(?:通知|通告)")


def _title(header: list[_Line], rules: StructureRules, text: str = "") -> _Line | None:
    """The report's own title: the first line of the header that names a document, with no
    sentence mark, without a file extension; a decorated page title (``…范文``, ``…（三篇）``,
    ``…_网站名``) gives way to the next line if that is the same title undecorated, or to
    itself with the decoration at its ends taken off (``最新精选…工作总结``, ``…工作规划范文``),
    else None. With no header (a converter ran the title into the body), the start of the
    first line up to a space, if that is a whole title (``…工作计划 2020年是…``)."""
    if not header and text:
        return _run_in_title(text, rules)
    own = _own_title(header, rules) or _run_in_own(header, rules, text)
    page = _page_title(header, rules, text)
    if own is None or page is None or page.start == own.start:
        return page or own
    # a page title over the document's own that says it otherwise: which one is "the title"
    # is a matter of opinion (东湖镇2018年政府工作报告 over 政府工作报告), so neither
    a, b = "".join(page.text.split()), "".join(own.text.split())
    return own if a == b else (page if a and not b.replace(a, "") else None)  # (a preview repeats it)


def _page_title(header: list[_Line], rules: StructureRules, text: str) -> _Line | None:
    """:func:`_title`'s reading of the first lines of the header."""
    for i, line in enumerate(header[:4]):
        tag = _TAG_PREFIX.match(line.text)  # 【工作总结】东湖镇2023年工作总结: a category's tag
        lead = tag.end() if tag else 0
        words = _TRAILING_PART.sub("", _TRAILING_YEAR.sub("", _EXTENSION.sub("", line.text[lead:])))
        if words != line.text[lead:] and _EXTENSION.search(line.text) and not _repeated(words, text, line):
            continue  # a file's name (….docx) the document does not give itself
        if not _names_document(words, rules) or _ANY_PUNCT.search(words.replace("（", "").replace("）", "")):
            continue
        if _NOT_TITLE_START.match(words) or _DOC_NUMBER.search(words) or _generic(words, rules):
            continue  # a line cut from a title, a document number over it, a menu's bare 政府工作报告
        if any(_SHARED_FIELDS.search(x.text) for x in header) and not any(x.text == line.text for x in header[i + 1 :]):
            return None  # a doc-sharing page's name for the file, not repeated as the document's own
        if rules.decoration.search(words) or _SITE.search(words):
            for nxt in header[i + 1 : i + 3]:  # the page title, then the report's own
                if (nxt.text in words and _names_document(nxt.text, rules) and _ends_naming(nxt.text, rules)
                        and not rules.decoration.search(nxt.text)):
                    return nxt
            if any(_PIECE.search(x.text) for x in header[i + 1 :]):
                return None  # a page of several pieces (篇1, …篇4): its title is not one report's
            core, skip = _undecorated(words, rules)
            if core and not _SITE.search(core) and _names_document(core, rules) and _ends_naming(core, rules):
                return _Line(line.start + lead + skip, core)
            if _PATH.search(words):
                continue  # 首页 > 政务公开 > 工作报告: the site's path over the page; the title may follow
            return None
        if not _ends_naming(words, rules):
            return None  # "…公报2020七人普": a tag after the title, which then is not as written
        whole = header[i + 1] if i + 1 < len(header) else None
        if whole is not None and len(words) < len(whole.text) <= 60 and whole.text.endswith(words):
            return whole  # 镇2023上半年工作情况 over 〔…〕镇2023上半年工作情况: the document's own, whole
        return _Line(line.start + lead, words)
    return None


_ADDRESS = re.compile(r"(?:各位|尊敬的|同志们|同志們|女士们|女士們)")  # the addressee a speech or report opens with


def _own_title(header: list[_Line], rules: StructureRules) -> _Line | None:
    """The document's own title line: the line right over its dateline (``——2021年2月27日在…
    会议上``) or its addressee (``各位代表：``) that names a document, letter-spaced or not
    (``政 府 工 作 报 告``), even a generic one: a page title or a file name over it is the
    site's name for the page.

    >>> r = compile_rules()
    >>> t = "东湖镇2021年政府工作报告\\n政 府 工 作 报 告\\n——2021年2月27日在东湖镇人民代表大会上\\n"
    >>> h = _header(t + "各位代表：\\n现在。", -1)
    >>> _own_title(h, r).text
    '政 府 工 作 报 告'
    """
    for line, nxt in pairwise(header[:8]):
        dateline = nxt.text.startswith(("——", "—")) or _line_date(nxt.text) is not None
        if not (dateline or _ADDRESS.match(nxt.text)):
            continue
        words = line.text.replace(" ", "").replace("\u3000", "") if _letter_spaced(line.text) else line.text
        if not dateline and _generic(words, rules):
            continue  # 政府工作报告 over 各位代表: a menu's item may stand there too
        if (_names_document(words, rules) and _ends_naming(words, rules) and not rules.decoration.search(words)
                and not _ANY_PUNCT.search(words.replace("（", "").replace("）", "")) and not _SITE.search(words)
                and not _NOT_TITLE_START.match(words) and not _DOC_NUMBER.search(words) and len(words) <= 60):
            return line
    return None


_RUN_IN_OWN = re.compile(
    f"[{_SPACES}]*(?:[0-9]{{1,2}}、)?([^{_SPACES}，。：:；、\n]{{4,40}}?)(?:各位|尊敬的|同志们|同志們)"
)  # (a doc-sharing page numbers its preview pages 1、 2、)


def _run_in_own(header: list[_Line], rules: StructureRules, text: str) -> _Line | None:
    """The document's own title where a converter ran it into its first paragraph, before the
    addressee: ``镇政府工作报告各位代表：现在，…`` under a page title."""
    if not header:
        return None
    nl = text.find("\n", header[-1].start)
    m = _RUN_IN_OWN.match(text, nl + 1) if nl >= 0 else None
    if m is None or not _names_document(m.group(1), rules) or not _ends_naming(m.group(1), rules):
        return None
    return _Line(m.start(1), m.group(1))


def _repeated(words: str, text: str, line: _Line) -> bool:
    """Whether the text gives ``words`` (a file's name) again elsewhere, not as a file's name
    (``1、2022年东湖镇政府工作报告各位代表：``): the document's own title."""
    at = text.find(words)
    for _ in range(20):  # bounded: a page that repeats a name more often says nothing more
        if at < 0:
            break
        after = text[at + len(words) : at + len(words) + 6]
        if at != line.start and not _FILE_AFTER.match(after):
            return True
        at = text.find(words, at + 1)
    return False


_FILE_AFTER = re.compile(r"\.(?:docx?|pdf|wps|txt|pptx?)|[ \t]*_第", re.IGNORECASE)  # a file's name, a preview page


# a title does not start with the end of another line's words (年政府工作报告 under 2023), nor
# with the words of a sentence (我们要认真学习…报告)
_NOT_TITLE_START = re.compile(
    r"[年月日度的之及和与、，。》）)]|我们|我|你|请|让|把|要|下面|以下|本文|今天|近日|认真|学习"
    r"|(?:19|20)[0-9]{2}[-./][0-9]{1,2}[-./][0-9]{1,2}"  # a dated entry of a list (2025.03.04 …)
)
_DOC_NUMBER = re.compile(r"[〔\[［【(（](?:19|20)[0-9]{2}[〕\]］】)）][0-9]{1,4}号")  # 鲁政发〔2014〕20号
# the fields of a doc-sharing page, whose first line is its name for the uploaded file
_SHARED_FIELDS = re.compile(r"格式[:：]|文档页数|页数[:：]|上传人|上传时间|文档编号|大小[:：]")
_GENERIC = ("人民政府", "政府", "年度", "全年", "工作", "全文", "最新")


def _generic(words: str, rules: StructureRules) -> bool:
    """Whether a title says only what kind of document it is (``政府工作报告``, ``年度工作总结``:
    a menu's item or a category), with no year, place or subject before its last word.

    >>> r = compile_rules()
    >>> _generic("政府工作报告", r), _generic("年度工作总结", r), _generic("2023年政府工作报告", r)
    (True, True, False)
    """
    if len(words) > 12 or any(c.isdigit() for c in words):
        return False  # longer than the generic words and a document word, or with a year
    found = _find_words(words, rules.naming_words)
    if not found:
        return False
    rest = words[: found[-1][0]]
    if any(c.isdigit() for c in rest) or (any(c in rest for c in "〇○一二三四五六七八九十") and "年" in rest):
        return False
    for g in _GENERIC:
        rest = rest.replace(g, "")
    return len(rest) < 2


def _last_naming(line: str, rules: StructureRules) -> str | None:
    """The last word of a line that names a document (工作计划, 报告 …), if any."""
    found = _find_words(line, rules.naming_words)
    return found[-1][1] if found else None


def _undecorated(words: str, rules: StructureRules) -> tuple[str, int]:
    """``words`` with the decoration words at its ends taken off, and how many characters
    went at the start; ``""`` if decoration is left inside.

    >>> r = compile_rules()
    >>> _undecorated("最新精选物业部门下半年工作总结", r), _undecorated("乡镇2021年工作规划范文", r)
    (('物业部门下半年工作总结', 4), ('乡镇2021年工作规划', 0))
    >>> _undecorated("工作总结范文（三篇）", compile_rules())
    ('', 0)
    """
    start, end = 0, len(words)
    changed = True
    while changed:
        changed = False
        for m in rules.decoration.finditer(words, start, end):
            if m.start() == start:
                start, changed = m.end(), True
                break
            if m.end() == end:
                end, changed = m.start(), True
                break
    core = words[start:end]
    return ("", 0) if rules.decoration.search(core) else (core, start)


def _run_in_title(text: str, rules: StructureRules) -> _Line | None:
    """The title a converter ran into the body: the start of the first line, up to a space."""
    m = _FIRST_TEXT.search(text)
    if m is None:
        return None
    gap = _RUN_IN.match(m.group())
    if gap is None:
        return None
    words = gap.group(1)
    if (_ANY_PUNCT.search(words.replace("（", "").replace("）", "")) or rules.decoration.search(words)
            or not _names_document(words, rules) or not _ends_naming(words, rules)):  # fmt: skip
        return None
    return _Line(m.start(), words)


_PIECE = re.compile(r"篇[0-9一二三四五六七八九十]{1,3}(?:$|[ \t\u3000：:])|^篇[0-9一二三四五六七八九十]{1,3}")
_RUN_IN = re.compile(r"([^ \t\u3000]{4,60}?)[ \t\u3000]+[^ \t\u3000]")


def _title_line_end(text: str, rules: StructureRules, header: list[_Line]) -> tuple[int, str | None]:
    """Where the title's line and its repeats end (an unnumbered heading comes after them),
    and the title; ``header`` is ``_header(text, -1)``."""
    title = _title(header, rules, text)
    if title is None:
        return 0, None
    end = title.start + len(title.text)
    for line in header:
        if line.start >= title.start and (line.text == title.text or line.text in title.text):
            end = line.start + len(line.text)
    return end, title.text


_DATE_LABELS = 3  # labelled dates read: enough to see that they differ
_DATE = re.compile(
    r"((?:19|20)[0-9]{2})[-/.年]([0-9]{1,2})(?:[-/.月]([0-9]{1,2})[日号]?|月)"
    r"|([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?"
)
_DATE_ONLY = re.compile(r"[（(]?\s*(?P<d>[^（()）]{6,16}?)\s*[）)]?")
_MEETING = re.compile(r"在.{2,40}?(?:会议|大会|会)上")


def _cjk_number(s: str) -> int:
    if len(s) == 4:
        digits = s.replace("○", "〇").replace("零", "〇")
        return int("".join(str(_CJK_DIGITS.index(c)) if c in _CJK_DIGITS else "0" for c in digits))
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CJK_DIGITS.index(s[1])
    if s.endswith("十"):
        return _CJK_DIGITS.index(s[0]) * 10
    if "十" in s:
        return _CJK_DIGITS.index(s[0]) * 10 + _CJK_DIGITS.index(s[2])
    return _CJK_DIGITS.index(s)


def _date_value(m: re.Match[str]) -> str | None:
    if m.group(1):
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        day = int(d) if d else None
    else:
        y, mo = _cjk_number(m.group(4)), _cjk_number(m.group(5))
        day = _cjk_number(m.group(6)) if m.group(6) else None
    if not 1 <= mo <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{y:04d}-{mo:02d}" + (f"-{day:02d}" if day else "")


def _line_date(line: str) -> tuple[str, int, int] | None:
    """A date that is the whole line (in brackets or not), or that opens a ``…在…会议上`` line."""
    m = _DATE.search(line)
    if m is None:
        return None
    before, after = line[: m.start()].strip(" （(—-"), line[m.end() :].strip(" ）)")
    if before or (after and not _MEETING.match(after) and not after.startswith("在")):
        return None  # a date inside a sentence; a dateline goes on 在…会议上 (perhaps on the next line)
    value = _date_value(m)
    return None if value is None else (value, m.start(), m.end())


def _line_at(text: str, pos: int) -> str:
    """The line of ``text`` that holds ``pos``."""
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end]


def _reposted(line: str, rules: StructureRules) -> bool:
    """Whether a page's date line is a 范文 or sharing site's (``时间:… 公文范文 来源:网友投稿``):
    the date it was put there, not the document's."""
    return rules.decoration.search(line) is not None or "投稿" in line or "上传" in line


def _labelled_issuer(text: str, rules: StructureRules) -> tuple[str, int, int] | None:
    """The issuing body a page's field names (``发布机构 华庄街道办事处``, ``信息来源:白杨街道``):
    a name that ends with an organ word or a place (``日报`` is a newspaper, not an issuer)."""
    if not any(w in text for w in rules.issuer_words):
        return None
    for m in rules.issuer_label.finditer(text):
        name = m.group(1)
        if _PLACEHOLDER.search(name):
            continue
        if rules.organ_end.search(name) or re.search("(?:街道|镇|乡|区|县|市)$", name):
            return name, m.start(1), m.end(1)
    return None


def _date_labels(text: str, rules: StructureRules) -> Iterable[re.Match[str]]:
    """The date labels of ``text``, in order; searched only if one of their words is in it
    (``in`` runs at C speed; the regex alternation is tried at every position)."""
    if any(w in text for w in rules.date_words):
        yield from rules.date_label.finditer(text)


def _meta(
    text: str, found: list[_Raw], top: list[int], kinds: list[SectionKind], removed: Sequence[Removal],
    rules: StructureRules, to_original: Callable[[int, int], Span],
) -> Meta:  # fmt: skip
    first_heading = found[0].line_start if found else -1
    header = _header(text, first_heading)
    spans: list[tuple[str, Span]] = []

    def note(name: str, s: int, e: int) -> None:
        spans.append((name, to_original(s, e)))

    title_line = _title(header, rules, text)
    title = None if title_line is None else title_line.text
    if title_line is not None:
        note("title", title_line.start, title_line.start + len(title_line.text))
    # the date: the header's own, a publication date (in the text or removed as chrome), the signature's
    date = None
    for line in header:
        got = _line_date(line.text)
        if got:
            date = got[0]
            note("date", line.start + got[1], line.start + got[2])
            break
    # a page's date years after the latest year its title or headings name is a repost's
    def latest() -> int:
        titles = (_title_words(header, rules, text), *(found[i].title for i in top))
        named = [int(m.group(2) or m.group(1)) for t in titles for m in _YEARS.finditer(t)]
        return max(named) + 1 if named else 9999

    # a 范文 page (its title decorated: …工作報告范文) dates its copy, not the document
    reposted = any(rules.decoration.search(line.text) for line in header[:2])
    if date is None:
        labelled = [(v, d) for m in islice(_date_labels(text, rules), _DATE_LABELS)
                    if (d := _DATE.match(text, m.end())) and (v := _date_value(d))
                    and not reposted and not _reposted(_line_at(text, m.start()), rules)]  # fmt: skip
        # dates that differ are a list's items, not the page's
        if labelled and len({v[:10] for v, _ in labelled}) == 1 and int(labelled[0][0][:4]) <= latest():
            date = labelled[0][0]
            note("date", labelled[0][1].start(), labelled[0][1].end())
    if date is None:
        for r in removed:
            if not any(c in r.text for c in rules.date_ends):
                continue  # no date label can be in it (a quick test: a document has hundreds of removals)
            label = rules.date_label.search(r.text)
            if label is not None and (reposted or _reposted(_line_at(r.text, label.start()), rules)):
                continue  # a 范文 site's 时间:… 来源:网友投稿
            d = _DATE.match(r.text, label.end()) if label else None
            value = _date_value(d) if d else None
            if d and value and int(value[:4]) <= latest():
                date = value
                spans.append(("date", (r.original_span[0] + d.start(), r.original_span[0] + d.end())))
                break
    tail = _lines(text, max(0, len(text) - 200), len(text))[-_TRAILER_LINES:] if text else []
    if date is None:
        for line in reversed(tail):
            got = _line_date(line.text)
            if got and not _MEETING.search(line.text):
                date = got[0]
                note("date", line.start + got[1], line.start + got[2])
                break
    # the issuer: a speaker line or an issuing body in the header, or a signature at the end
    issuer = None
    joint = False  # 中共东湖镇委员会 over 东湖镇人民政府: several issuers, none of them "the" issuer
    for lines in (header, tail):
        for k, line in enumerate(lines):
            if title_line is not None and line.start == title_line.start:
                continue
            t = line.text
            if len(t) > 40 or _PLACEHOLDER.search(t) or rules.decoration.search(t) or _NOT_ISSUER.search(t):
                continue
            speaker = rules.speaker.match(t)
            if speaker and not rules.document.search(t) and not _NOT_NAME.search(speaker.group(2)):
                issuer = t
            elif _organ(t, rules):
                if any(0 <= j < len(lines) and _organ(lines[j].text, rules) for j in (k - 1, k + 1)):
                    joint = True
                    break
                issuer = t
            else:
                continue
            note("issuer", line.start, line.start + len(t))
            break
        if issuer is not None or joint:
            break
    if issuer is None and not joint:  # a page's 发布机构 / 信息来源 field, kept or removed as chrome
        got = _labelled_issuer(text, rules)
        if got is not None:
            issuer = got[0]
            note("issuer", got[1], got[2])
        else:
            for r in removed:
                got = _labelled_issuer(r.text, rules) if rules.issuer_words and any(
                    w in r.text for w in rules.issuer_words) else None  # fmt: skip
                if got is not None:
                    issuer = got[0]
                    spans.append(("issuer", (r.original_span[0] + got[1], r.original_span[0] + got[2])))
                    break
    place = None
    if title_line is not None and title is not None:
        p = _place(title)
        if p is not None:
            place = title[p[0] : p[1]]
            note("place", title_line.start + p[0], title_line.start + p[1])
    review, plan = _years(title or "", rules)
    for i, kind in zip(top, kinds, strict=True):
        got_review, got_plan = _years(found[i].title, rules, kind)
        review |= got_review
        plan |= got_plan
    return Meta(
        title=title,
        date=date,
        issuer=issuer,
        place=place,
        review_years=tuple(sorted(review)) or None,
        plan_years=tuple(sorted(plan)) or None,
        original_spans=tuple(spans),
    )


def _organ(line: str, rules: StructureRules) -> bool:
    """Whether a line is the name of an issuing body alone (``闻喜县统计局``, ``…人民政府``)."""
    return (
        len(line) <= 40 and rules.organ_end.search(line) is not None and not _ANY_PUNCT.search(line)
        and not rules.document.search(line) and not _PLACEHOLDER.search(line) and not _NOT_ISSUER.search(line)
    )  # fmt: skip


_UNITS = "街道|镇街|街|镇|鎮|乡|鄉|区|區|县|縣|市"
_NOT_ISSUER = re.compile(r"[A-Za-z0-9©®@|/]")  # a page's footer (Copyright © …), not a signature
# what follows an office without being a name: 镇长讲话, 书记点评, 区长带队调研
_NOT_NAME = re.compile(
    r"讲话|講話|致辞|致辭|发言|發言|报告|報告|主持|点评|點評|批示|寄语|表态|述职|带队|調研|调研|一行|同志们|会议|會議"
)
_PLACE = re.compile(
    f"(?:^|(?<=年)|(?<=[0-9]))((?:(?![年月的])[{HAN}]){{1,8}}?(?:{_UNITS}))"
    r"(?=[0-9]|人民政府|政府|办事处|辦事處|党|黨|工作|国民经济|國民經濟|统计|統計|年度|$|\s)"
)
_INNER = re.compile(f"(?<=[省市州盟县縣区區])(?=[{HAN}]{{2,}}(?:{_UNITS})$)")  # 昆明市|官渡区
_NOT_UNIT = re.compile(r"(?:社|小|园|園|景|辖|轄|片|城|新|开发|開發|高新|保税|保稅)[区區]$|^市[区區]$")
_NOT_PLACE = re.compile(r"^(?:关于|關於|关於|全|本|我|各|该|該|某)")


def _place(title: str) -> tuple[int, int] | None:
    """The span of the place the title names (``华庄街道``, ``云和县``), if any: the
    innermost unit of a nested name (``昆明市官渡区`` → ``官渡区``).

    >>> t = "2022年云和县国民经济和社会发展统计公报"
    >>> s = _place(t); t[s[0]:s[1]] if s else None
    '云和县'
    >>> t = "昆明市官渡区人民政府关于官渡区2023年上半年计划执行情况的报告"
    >>> s = _place(t); t[s[0]:s[1]] if s else None
    '官渡区'
    >>> _place("乡镇2021年工作规划"), _place("镇人民政府2021年工作报告"), _place("X街道2020年工作总结")
    (None, None, None)
    >>> _place("关于东湖镇2021年工作总结"), _place("全县2021年工作总结"), _place("市中区2021年工作总结")
    (None, None, (0, 3))
    """
    m = _PLACE.search(title)
    if m is None:
        return None
    start, end = m.span(1)
    inner = [x.start() for x in _INNER.finditer(title, start, end) if x.start() - start >= 2]
    if inner:
        start = inner[-1]
    name = title[start:end]
    if set(name) <= set("乡鄉镇鎮街道区區县縣市") or _PLACEHOLDER.search(name) or _NOT_PLACE.search(name):
        return None
    if _NOT_UNIT.search(name):
        return None  # 社区, 小区, 园区, 景区: no 街道, 乡镇, 区 or 县
    return start, end


_SPAN_OF_YEARS = re.compile(r"(?<![0-9〇○零十])[两二三四五六七八九十]年(?!度|级|級)")


def _years(title: str, rules: StructureRules, kind: SectionKind | None = None) -> tuple[set[int], set[int]]:
    """The years a title gives the review and the plan: each year goes with the next review or
    plan word after it (``2020年工作总结和2021年工作计划``), or with ``kind`` if given."""
    review: set[int] = set()
    plan: set[int] = set()
    pending: set[int] = set()
    events = sorted(
        [(m.start(), "year", m) for m in _YEARS.finditer(title)]
        + [(at, rules.roles.get(w, ""), None) for at, w in _find_words(title, rules.naming_words)]
        + [(m.start(), "span", None) for m in _SPAN_OF_YEARS.finditer(title)],
        key=lambda x: x[0],
    )
    for _, what, m in events:
        if what == "span":
            pending = set()  # 2023年区五年…工作情况报告: the year is the report's, the review spans five
            continue
        if m is not None:
            a = int(m.group(1))
            b = int(m.group(2)) if m.group(2) else a
            pending |= set(range(a, b + 1)) if 0 <= b - a <= 10 else {a}
        elif what in ("review", "plan") and pending and kind is None:
            (review if what == "review" else plan).update(pending)
            pending = set()
        elif what == "bulletin" and pending and kind is None:
            review.update(pending)  # 2022年…统计公报 reports on 2022 (its sections stay other)
            pending = set()
        elif what == "document" and kind is None:
            pending = set()  # 2018年政府工作报告和2019年工作计划: the report's year is neither
    if kind is not None and pending:
        if kind == "review":
            review |= pending
        elif kind == "plan":
            plan |= pending
    return review, plan


# -- sections ---------------------------------------------------------------------------

# (traditional script too: 將, 確保, 計劃 …; 一年來, 取得, 完成了 …)
_PLAN_CUES = re.compile(
    r"[将將](?!近|来自|來自)|力争|力爭|确保|確保|预计|預計|计划|計劃|計畫|下一步|明年|今后|今後|总体思路|總體思路|总体要求|總體要求"
    r"|主要预期目标|主要預期目標|努力实现|努力實現"
)
_REVIEW_CUES = re.compile(
    r"一年来|一年來|今年以来|今年以來|过去一年|過去一年|取得|完成了|实现了|實現了|累计|累計|截至|同比|比上年|共计|共計|圆满|圓滿"
)


_KIND_SPAN = 30  # a longer heading title runs on into its body: its words past this are the body's


# a page about a kind of document, not one: 述职报告写作说明, 工作报告的写法
_GUIDE_END = re.compile(r"(?:说明|說明|写法|寫法|写作|寫作|格式|模板|技巧|范例|範例|要求|注意事项|内容)$")
# an opening that says a review follows: 现将相关情况总结如下, 现将2022年度工作汇报如下 (not
# 现将2024年工作计划汇报如下)
_INTRO_REVIEW = re.compile(
    r"[现現][将將][^。：:]{0,16}?(?:总结|總結|工作情况|工作情況|开展情况|開展情況|完成情况|完成情況|工作汇报|工作匯報"
    r"|工作具体汇报|工作具體匯報|主要工作)|(?:总结|總結)如下"
)


def _review_intro(intro: str) -> bool:
    """Whether an untitled report's opening is about what was done: at least two words of a
    review (一年来, 过去一年, 取得, 同比) and none of a plan (将, 力争, 下一步)."""
    reviews = len(_REVIEW_CUES.findall(intro))
    return reviews >= 2 and not _PLAN_CUES.search(intro)


def _reports_figures(body: str) -> bool:
    """Whether the opening of an untitled page's first section reports what was achieved (a
    bulletin's ``一、综合``: ``比上年增长``, ``同比``, ``累计``), twice as much as it plans."""
    reviews = len(_REVIEW_CUES.findall(body))
    return reviews >= 2 and reviews > 2 * len(_PLAN_CUES.findall(body))


def _word_kind(title: str, rules: StructureRules, heading: bool = False) -> SectionKind | None:
    """The kind the last section word of a heading says (the head noun comes last); of a
    title that runs on into its body (a converter's flattened line), the words of its start.

    An ``overview`` word (``概述``) says only that a part is summed up: the word before it
    decides (``2024年工作计划概述`` is a plan), else it is the review of the work done.

    >>> r = compile_rules()
    >>> _word_kind("2023年上半年国民经济和社会发展计划执行情况", r, True), _word_kind("一周工作挑战", r, True)
    ('review', 'other')
    >>> _word_kind("2024年度工作计划概述", r, True), _word_kind("社区建设工作概述", r, True)
    ('plan', 'review')
    """
    found = _find_words(title[:_KIND_SPAN] if heading else title, rules.kind_words)
    roles = [rules.roles.get(w) for _, w in found]
    while len(roles) > 1 and roles[-1] == "overview":
        roles.pop()
    role = roles[-1] if roles else None
    if role == "overview":
        return "review"
    return role if role in ("review", "plan", "other") else None  # type: ignore[return-value]


def _kinds(
    text: str, found: list[_Raw], top: list[int], ends: list[int], title: str, rules: StructureRules
) -> list[SectionKind]:
    """The kind of each top-level section, in order.

    First what the heading says: the years it names when the title gives them to one part
    (the review's or the plan's), else its last section word. Then the order of a report: the review comes
    before the plan, so a section the heading leaves open is ``plan`` after a plan section
    and, before one, ``review`` in a report that reviews (``other`` in a bulletin). Where no
    heading says ``plan``, the plan starts at the first section whose opening words are
    clearly about what will be done (``将``, ``力争``, ``下一步`` outnumber ``完成了``, ``同比``).
    """
    review_years, plan_years = _years(title, rules)
    said: list[SectionKind | None] = []
    for i in top:
        h = found[i]
        kind = _word_kind(h.title, rules, heading=True)
        years = {int(m.group(1)) for m in _YEARS.finditer(h.title)}
        if kind != "other" and years and (review_years or plan_years):
            # the years the title gives one part decide (2022年重点工作 in a 2022 review)
            if years <= plan_years and not years & review_years:
                kind = "plan"
            elif years <= review_years and not years & plan_years:
                kind = "review"
        said.append(kind)
    # a report that reviews: its title says so (工作总结, 政府工作报告, a review year, a
    # bulletin's 统计公报: it reports the figures of its year), or, untitled, one of its
    # headings does or its opening does; a page with neither does not
    bulletin = any(rules.roles.get(w) == "bulletin" for _, w in _find_words(title, rules.naming_words))
    intro = text[max(0, found[top[0]].line_start - 300) : found[top[0]].line_start] if top else ""
    reviewing = (
        bool(review_years) or bulletin
        or _word_kind(title, rules) == "review"
        or ("报告" in title and not _GUIDE_END.search(title))
        or (not title and ("review" in said or _INTRO_REVIEW.search(intro) is not None or _review_intro(intro)
                           or (bool(top) and _reports_figures(text[found[top[0]].end : found[top[0]].end + 300]))))
    )
    # a plan with no review in it (2021年工作规划, 工作要点): its open sections are the plan
    planning = not reviewing and _word_kind(title, rules) == "plan"
    if "plan" not in said:
        opened = False  # a review or an open section before this one (kept as it goes: linear)
        for k, i in enumerate(top):
            before, opened = opened, opened or said[k] is None or said[k] == "review"
            if said[k] is not None or not before:
                continue
            body = text[found[i].end : min(ends[i], found[i].end + 300)]
            plans, reviews = len(_PLAN_CUES.findall(body)), len(_REVIEW_CUES.findall(body))
            if plans >= 2 and plans > 2 * reviews:
                said[k] = "plan"
                break
    out: list[SectionKind] = []
    seen_plan = False
    for kind in said:
        if kind is None:
            kind = "plan" if seen_plan or planning else ("review" if reviewing else "other")
        seen_plan = seen_plan or kind == "plan"
        out.append(kind)
    return out


def read_structure(
    text: str,
    rules: StructureRules | None = None,
    removed: Sequence[Removal] = (),
    to_original: Callable[[int, int], Span] | None = None,
) -> Structure:
    """The outline, sections and meta of a clean ``text`` (:func:`read_outline`, its meta read).

    >>> s = read_structure("某某街道2022年工作总结\\n（2022年12月5日）\\n主要工作\\n全年完成投资3亿元。\\n"
    ...                    "存在的问题\\n人手不足。")
    >>> [(h.level, h.label, h.title) for h in s.outline], [x.kind for x in s.sections]
    ([(1, '', '主要工作'), (1, '', '存在的问题')], ['review', 'other'])
    >>> s.meta.date, s.meta.place
    ('2022-12-05', None)
    """
    outline, sections, meta = read_outline(text, rules, removed, to_original)
    return Structure(outline, sections, meta())


def read_outline(
    text: str,
    rules: StructureRules | None = None,
    removed: Sequence[Removal] = (),
    to_original: Callable[[int, int], Span] | None = None,
) -> tuple[tuple[Heading, ...], tuple[Section, ...], Callable[[], Meta]]:
    """The outline and sections of a clean ``text``, and a function that reads its meta
    (called when the meta is first wanted: the pipeline's result reads it on first use, as
    most users never look at it and it costs a third of the structure).

    ``removed`` are the removals of the clean (a publication date removed as page chrome
    still dates the document); ``to_original`` maps a span of ``text`` to the input
    (identity by default).
    """
    rules = rules or compile_rules()
    mapper = to_original or (lambda s, e: (s, e))
    found = _headings(text, rules)
    n = len(text)
    # section ends: the next heading of the same or a shallower level
    ends: list[int] = [n] * len(found)
    parents: list[int | None] = [None] * len(found)
    stack: list[int] = []
    for i, h in enumerate(found):
        while stack and found[stack[-1]].level >= h.level:
            ends[stack.pop()] = h.line_start
        parents[i] = stack[-1] if stack else None
        stack.append(i)
    for i in stack:
        ends[i] = n
    for i in range(len(found)):
        if ends[i] > found[i].line_start:
            # the section ends before the line break that precedes the next heading
            e = ends[i]
            ends[i] = e - 1 if e < n and e > 0 and text[e - 1] == "\n" else e
    shallowest = min((h.level for h in found), default=0)
    top = [i for i, h in enumerate(found) if h.level == shallowest]
    header = _header(text, found[0].line_start if found else -1)
    words = _title_words(header, rules, text)
    if rules.not_report.search(words.rstrip("）)》」』”’ ")) or any(
        rules.not_report.fullmatch(found[i].title.replace(" ", "")) for i in top
    ):
        # a body of rules (…工作规则, 总则), an explanation (…解读), a host's script (主持词):
        # not a report; its skeleton is not the one this reads
        return (), (), Meta
    kinds = _kinds(text, found, top, ends, words, rules)
    kind_of: list[SectionKind] = ["other"] * len(found)
    for i, k in zip(top, kinds, strict=True):
        kind_of[i] = k
    top_set = set(top)
    for i, h in enumerate(found):
        parent = parents[i]
        if i in top_set:
            continue
        own = _word_kind(h.title, rules, heading=True)
        kind_of[i] = own if own is not None else (kind_of[parent] if parent is not None else "other")
    outline = tuple(
        Heading(h.level, h.label, h.title, (h.start, h.end), mapper(h.start, h.end)) for h in found
    )
    sections = tuple(
        Section(i, h.level, kind_of[i], (h.line_start, ends[i]), mapper(h.line_start, ends[i]), parents[i])
        for i, h in enumerate(found)
    )
    return outline, sections, partial(_meta, text, found, top, kinds, removed, rules, mapper)


def heading_before(text: str, pos: int, rules: StructureRules, lines: int = 400) -> str | None:
    """The numbered heading of the section that holds ``pos`` (the nearest heading line
    before it, within ``lines`` lines), written ``一、党建引领``; None if there is none.

    >>> heading_before("一、党建引领\\n开展学习。\\n（一）强化领导\\n召开会议。", 23, compile_rules())
    '（一）强化领导'
    """
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    for _ in range(lines):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        body = text[start:end].lstrip(_SPACES)
        got = numbered(body, rules) if body else None
        if got is not None:
            return body[got[3] : got[4]]
        end = start - 1
    return None


def sections_of(sections: Sequence[Section], offsets: Iterable[int]) -> list[int | None]:
    """:func:`section_of` of each offset, the section starts listed once."""
    starts = [x.span[0] for x in sections]
    return [_innermost(sections, starts, at) for at in offsets]


def _innermost(sections: Sequence[Section], starts: list[int], start: int) -> int | None:
    i = bisect_right(starts, start) - 1
    while i >= 0:
        s, e = sections[i].span
        if s <= start < e or (start == e and e == s):
            return i
        parent = sections[i].parent
        i = -1 if parent is None else parent
    return None


def section_of(sections: Sequence[Section], start: int) -> int | None:
    """The index of the innermost section that holds the offset ``start``, or None.

    >>> s = read_structure("一、回顾\\n完成5个。\\n（一）党建\\n开展3次。")
    >>> section_of(s.sections, 6), section_of(s.sections, 16), section_of(s.sections, 0)
    (0, 1, 0)
    """
    return _innermost(sections, [x.span[0] for x in sections], start)
