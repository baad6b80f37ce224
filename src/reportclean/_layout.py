"""Lines and paragraphs: join what a page break or a hard wrap cut, keep headings.

The output has **one paragraph per line, separated by a single ``\\n``**: blank
lines between paragraphs are collapsed. A line break is removed (the two lines
joined with no space, or one space between two Latin words) only on positive
evidence that it cuts a sentence:

- the line before it ends with a pause mark or an opening bracket or quote
  (``，、（“《``): no paragraph ends there; or
- the document is hard-wrapped (most of its lines are about as long as its
  longest ones, measured in display columns, and almost none is longer: its *wrap
  width*) and the line before it is about that long, reads as running text (no
  column gaps) and does not end a sentence; or
- the document shows that its converter cut paragraphs at page ends: at least three
  long paragraphs (60 characters, two marks) end after a word and go on in the next
  line; then each such cut (20 characters and a mark before it) is joined. One
  paragraph without its stop is an author's slip, not evidence.

and never when one of the two lines is a heading, a title or a numbered item
(``一、`` ``（一）`` ``1.`` ``（1）`` ``2.1.1`` ``第一章`` ``一是`` ``——``, from the
lexicon ``data/layout_headings.tsv``), a date line, a list of names (a byline), a
line of site furniture (``|``, ``>>``, `` > ``, `` · `` separators, HTML tags,
several ``label：`` fields), a line with no hanzi (unless the document is
hard-wrapped), or when the join would glue two numbers together (``QQ206157060`` /
``2020年…``), or when the next line does not read as the rest of a sentence: it starts with a
label or speaker and a colon (``表决结果：…``), a date, an item number that lost its mark, or a
number at all where no page break stood (a vote record: ``…请按表决器`` / ``28票赞成，…``).
A break that shows none of this evidence is kept: a missed join
leaves the text as it was, a wrong one merges a heading, an addressee or a byline
into the next sentence.

A heading is a line that starts with a numbering marker and holds no
sentence-final punctuation (run-in markers like ``一是`` and ``——``: no
punctuation at all). A title is a short line (at most 40 characters) with no
``，。；：！？、``. A hanzi doubled across a join (``问题`` / ``题，``) is flagged
``doubled-character`` and kept.

Converter Markdown is removed only where it reads as Markdown: ``**text**`` on one
line whose opening ``**`` starts the line or follows a space or a mark, whose
closing ``**`` ends the line, precedes a space or a mark or follows a mark, and
neither of which stands where a placeholder does (``**年``, ``**镇``, ``20**``,
``“**”``: those are blanked names and years, kept for the placeholders step);
``#`` heading marks at line starts when the document has Markdown in two places.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import compress, repeat
from operator import attrgetter, is_, methodcaller
from typing import NamedTuple

from ._cjk import HAN
from ._config import Config
from ._edits import Context, Edit, Proposal, Step, StepFn, match_edits
from ._lexicon import Lexicon, Schema
from ._lines import furniture, heading_patterns
from ._placeholders import PlaceholderRules, placeholder_rules
from ._spacing import _compile as spacing_rules

__all__ = ["LAYOUT", "LayoutRules", "compile_rules", "make_layout", "run", "wrap_width"]

# A line break with the blank lines after it, ``\n(?:[ \t\u3000]*\n)*`` (the trailing spaces
# before it are added in code), less the commonest one: a single ``\n`` right after a mark that
# ends a sentence, which stays as it is. The next commonest, blank lines after such a mark (one
# ``\n`` is kept), has no group; the others, decided in code, have the empty group ``look``.
# (The lookbehind comes after the literal ``\n``, which the regex engine finds at C speed.)
_TERMINAL_CHARS = "。！？；：…!?;:"


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    HAN: re.Pattern[str]
    BREAK: re.Pattern[str]
    DATE_LINE: re.Pattern[str]
    NAMES: re.Pattern[str]
    BOLD_OUTSIDE: re.Pattern[str]
    LONE_NUMBER: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _BREAK = re.compile(f"\\n(?:(?<![{_TERMINAL_CHARS}]\\n)(?P<look>)(?:[ \\t\\u3000]*\\n)*|(?:[ \\t\\u3000]*\\n)+)")
    # Lines never joined to a neighbour: site furniture the boilerplate step may still remove
    # (separators of navigation bars and metadata tables, HTML tags, several 'label：' fields),
    # date lines and lists of names (a byline, an addressee without a colon).
    _DATE_LINE = re.compile(
        r"[（(]?(?:[0-9]{2,4}[-/.年][0-9]{1,2}[-/.月](?:[0-9]{1,2}[日号]?)?|[〇○零一二三四五六七八九十]{2,4}年"
        r"[〇○零一二三四五六七八九十]{1,3}月(?:[〇○零一二三四五六七八九十]{1,3}日)?)"
        r"(?:[ \t]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
        r"(?:[ \t]*[（(]?星期.[)）]?)?[)）]?"
    )
    _NAMES = re.compile(f"[{HAN}]{{2,4}}(?:[、，,·  \\t]+[{HAN}]{{2,4}})+")
    _BOLD_OUTSIDE = re.compile(f"[^0-9A-Za-z{HAN}]")  # what may stand outside a '**': a space, a mark, '#'
    _HAN = re.compile(f"[{HAN}]")
    # one or two digits between two hanzi (a page number a converter ran into the text: 增效2一是)
    # (a digit first, for speed; the hanzi before it is checked in Python)
    _LONE_NUMBER = re.compile(f"[1-9][0-9]?(?=[{HAN}])")
    return _Rx(_HAN, _BREAK, _DATE_LINE, _NAMES, _BOLD_OUTSIDE, _LONE_NUMBER)


_LOOK = attrgetter("lastgroup")
_MD = r"\**(#{1,6}[ \t]+(?:\**#{1,6}[ \t]+)*)(?=\S)"
_MD_HEADING = re.compile(_MD)  # matched at a line start
_MD_HEADING_AFTER_BREAK = re.compile("\n" + _MD)
# A '**' pair on one line enclosing text with no space at either end; the surroundings are
# judged in code (_is_markdown_bold). Starts with a literal (found at C speed).
_MD_BOLD = re.compile(r"\*\*(?<!\*\*\*)(?=[^\s*])[^*\n]*?[^\s*]\*\*(?!\*)")
_CLOSING = "”’」』》）)】〕］\"'* \t"
_TERMINAL = frozenset(_TERMINAL_CHARS)
_PAUSE = frozenset("、。，：；,:;")  # two of them joined would clash
# A line ending with one of these cuts a sentence: evidence for a join on its own.
_OPEN_END = frozenset("，、（“‘《「『【〔")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_QUOTE_PREFIX = frozenset("：:>")  # a line quoted in a forum or an e-mail (': 正文', '> 正文'): kept as it is
_ANY_PUNCT = re.compile(r"[，。；：！？、,;:!?]")
_TITLE_MAX = 40
_HEADING_MAX = 60
_RUNIN_MAX = 30
_GAP = re.compile(r"\S(?:[ \t\u3000]{2,}|\t)\S")  # a column gap inside a line: a table row
# Wrap width: at least this many lines within 4 columns of it, making at least
# _WRAP_SHARE of the lines, at most _WRAP_OVER of them longer; a line within the tolerance
# of it (and not longer) is a wrapped one.
_WRAP_MIN_LINES = 4
_WRAP_SHARE = 0.3
_WRAP_OVER = 0.1
_WRAP_MIN = 24  # columns: narrower "wrap widths" are lists of short items
# A wrapped line is within this many columns (or an eighth) of the wrap width: spaces the
# spacing step removed and a paragraph's indentation make it shorter.
_WRAP_TOL = 6
# A paragraph cut after a word: at least _CUT_CHARS characters with a mark in them before the
# cut; _CUT_MIN cuts of paragraphs of at least _LONG_CUT_CHARS characters with two marks make
# the evidence that the converter cut paragraphs at page ends (one is an author's missing stop).
_CUT_CHARS = 20
_LONG_CUT_CHARS = 60
_CUT_MIN = 3


_RSTRIP = methodcaller("rstrip", " \t\u3000")


def _width(line: str) -> int:
    """Display columns of ``line``: ASCII characters count 1, all others 2 (hanzi, full-width marks).

    >>> _width("会议 13 场。"), _width("Size: px")
    (12, 8)
    """
    n = len(line)
    return 2 * n - len(line.encode("ascii", "ignore"))


def wrap_width(text: str) -> int:
    """The width (display columns) at which ``text`` was hard-wrapped, or 0 if it was not.

    A converter that wraps lines (pdftotext, a BBS, an e-mail) leaves most lines about as
    long as the longest and almost none longer; a document with one paragraph per line
    has lines of every length.

    >>> wrap_width("甲乙，丙丁戊己庚辛壬癸甲乙丙\\n" * 5 + "甲乙。")
    28
    >>> wrap_width("一、总则\\n本办法适用于全镇。\\n第一条，为了规范管理，制定本办法。\\n二、附则")
    0
    """
    lines = [line for line in map(_RSTRIP, text.split("\n")) if line]
    if len(lines) < _WRAP_MIN_LINES:
        return 0
    # (comprehensions: several times faster than one loop doing it all, on a long text)
    widths = [2 * len(line) - len(line.encode("ascii", "ignore")) for line in lines]
    if any(line[-1] in _OPEN_END for line in lines):
        # a line ending in a pause mark is measured together with the next one, as a join
        # after a pause mark will leave them (so that cleaning the output again measures
        # the same width)
        merged: list[int] = []
        carry = 0
        for line, w in zip(lines, widths, strict=True):
            if line[-1] in _OPEN_END:
                carry += w
            else:
                merged.append(carry + w)
                carry = 0
        widths = merged
    if len(widths) < _WRAP_MIN_LINES:
        return 0
    counts = Counter(widths)
    tol = 4
    best, best_near = 0, 0
    for w in sorted(counts):
        if w < _WRAP_MIN:
            continue
        near = sum(counts.get(v, 0) for v in range(w - tol, w + 1))
        if near >= best_near:
            best, best_near = w, near
    if best_near < _WRAP_MIN_LINES or best_near < _WRAP_SHARE * len(widths):
        return 0
    tol = max(tol, best // 10)
    over = sum(c for w, c in counts.items() if w > best + tol)
    return best if over <= _WRAP_OVER * len(widths) else 0


class _Line(NamedTuple):
    first: str  # first character of the text (Markdown stripped), "" if none
    last: str  # last character before closing marks, "" if none
    end: str  # last character
    terminal: bool  # ends a sentence
    heading: bool  # a heading or a title: never joined to a neighbour
    opens: bool  # starts a numbered item: never joined to the line before
    blocked: bool  # furniture, a date line or a list of names: never joined to a neighbour
    prose: bool  # running text: a hanzi and no column gap
    body: str  # the text, Markdown and spaces at the ends stripped
    raw: str  # the line as it is (its width is measured when needed)


_BLANK = _Line("", "", "", True, True, True, True, False, "", "")


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """The compiled rules of the step for one config: heading markers, and the placeholder
    vocabulary (a ``**年上半年，**`` around a blank is not Markdown bold)."""

    heading: re.Pattern[str]
    runin: re.Pattern[str]
    placeholders: PlaceholderRules
    measure: re.Pattern[str]  # a measure word, unit or date part (after a number that counts)


def compile_rules(config: Config) -> LayoutRules:
    """The step's rules for ``config``, compiled on first use (memoised on the user lexicons it reads)."""
    return _compile(config.user_lexicons("layout"), config.user_lexicons("placeholders"),
                    config.user_lexicons("measure-words"))


@lru_cache(maxsize=16)
def _compile(user_layout: tuple[Lexicon, ...], user_placeholders: tuple[Lexicon, ...],
             user_measures: tuple[Lexicon, ...]) -> LayoutRules:
    config = Config(lexicons=(*user_layout, *user_placeholders, *user_measures))
    heading, runin = heading_patterns(config)
    measure = spacing_rules(user_layout, user_measures).measure
    return LayoutRules(heading, runin, placeholder_rules(config), measure)


_CLAUSE = re.compile(r"[，。；！？,;!?]")
_ROW_TOKENS = 4


def _line_info(line: str, heading_re: re.Pattern[str], runin_re: re.Pattern[str]) -> _Line:
    # Markdown marks are ignored: the decision must be the same once they are removed.
    body = (line.replace("**", "") if "*" in line else line).lstrip(" \t\u3000")
    if "#" in body:
        body = body[_md_prefix_end(body) :]
    body = body.strip()
    if not body:
        return _BLANK
    core = body.rstrip(_CLOSING) or body
    last = core[-1]
    terminal = last in _TERMINAL or (last == "." and not core[-2:-1].isdigit())
    n = len(body)
    has_han = _rx().HAN.search(body) is not None
    blocked = (
        not has_han
        or furniture(body)
        or _rx().DATE_LINE.fullmatch(body) is not None
        or _rx().NAMES.fullmatch(body) is not None
        # a row of cells: four tokens or more between single spaces and no sentence punctuation
        # (编 号 姓 名 58 (2 社 区, a flattened table); glued to a sentence it stops being one
        or (" " in body and _CLAUSE.search(body) is None and len(body.split()) >= _ROW_TOKENS)
    )
    prose = has_han and not (("  " in body or "\t" in body or "\u3000" in body) and _GAP.search(body))
    if heading_re.match(body):
        inner = body[:-1]
        heads = n <= _HEADING_MAX and not _SENTENCE_END.search(inner)
        return _Line(body[0], last, body[-1], terminal, heads, True, blocked, prose, body, line)
    if runin_re.match(body):
        heads = n <= _RUNIN_MAX and not _ANY_PUNCT.search(body)
        return _Line(body[0], last, body[-1], terminal, heads, True, blocked, prose, body, line)
    title = n <= _TITLE_MAX and not _ANY_PUNCT.search(body)
    return _Line(body[0], last, body[-1], terminal, title, False, blocked, prose, body, line)


def run(text: str, context: Context, rules: LayoutRules) -> Proposal:
    """Join lines cut inside a sentence, one ``\\n`` between paragraphs, drop converter Markdown.

    >>> _apply("## 一、党建引领\\n\\n**（一）强化组织领导**\\n\\n严格重点人员，\\n\\n管控。\\n\\n一是加强学习。")
    '一、党建引领\\n（一）强化组织领导\\n严格重点人员，管控。\\n一是加强学习。'
    >>> _apply("一、“十三五”规划\\n（一）第一季度\\n三是平稳推进\\n镇党委、政府\\n**年上半年，**镇完成。\\n1. 其他")
    '一、“十三五”规划\\n（一）第一季度\\n三是平稳推进\\n镇党委、政府\\n**年上半年，**镇完成。\\n1. 其他'
    """
    heading_re, runin_re = rules.heading, rules.runin
    out = Proposal()
    _inline_page_numbers(text, out, rules.measure)
    if "\n" not in text and "#" not in text and "**" not in text:
        return out
    _markdown(text, out, rules.placeholders, heading_re)
    n = len(text)
    edits = out.edits
    prev: _Line | None = None  # the description of the line before the break, if already made
    prev_start = -1  # where that line starts
    breaks = list(_rx().BREAK.finditer(text))
    kinds = list(map(_LOOK, breaks))
    paragraphs = list(compress(breaks, map(is_, kinds, repeat(None))))
    if paragraphs and paragraphs[-1].end() == n:
        paragraphs.pop()  # blank lines at the end: the whitespace step's
    edits += match_edits(paragraphs, "paragraph-break", ("\n",))
    wrap = -1  # the wrap width, measured when first needed
    tol = 0
    # Paragraphs cut after a word (a page break in a document with one paragraph per line):
    # joined only when at least _CUT_MIN long ones show that the converter cut paragraphs.
    cuts: list[tuple[int, int, str, str, bool]] = []
    long_cuts = 0
    carry_at, carry_chars, carry_puncts = -1, 0, 0  # the paragraph joined so far, up to carry_at
    for m in compress(breaks, kinds):  # decided from the two lines around them
        s, e = m.span()
        start = -1  # of the line before the break, found when needed
        if s and text[s - 1] in " \t":
            start = text.rfind("\n", 0, s) + 1
            while s > start and text[s - 1] in " \t":
                s -= 1  # trailing spaces of the line before
        if s == 0 or e == n:
            continue  # blank lines at the start and end: the whitespace step's
        if text[s - 1] in _TERMINAL:  # decided without describing the lines
            if e - s > 1:
                edits.append(Edit(s, e, "\n", "paragraph-break"))
            continue
        if start < 0:
            start = text.rfind("\n", 0, s) + 1
        if prev_start != start or prev is None:
            prev = _line_info(text[start:s], heading_re, runin_re)
        if prev.terminal or prev.blocked:
            if e - s > 1:
                edits.append(Edit(s, e, "\n", "paragraph-break"))
            continue
        # a cut after a pause mark, in any document; or a page break an earlier step saw here
        # (a form feed, a removed page-number line)
        # (a page break after a title-like line, short and with no mark, ends that line)
        page = not prev.heading and _between(context.page_breaks, s - 1, e)
        evidence = prev.end in _OPEN_END or page
        if not evidence and prev.prose and not (prev.heading and prev.opens):
            # a line about as long as the wrap width of a hard-wrapped document
            if wrap < 0:
                wrap = wrap_width(text)
                tol = max(_WRAP_TOL, wrap // 8)
            evidence = wrap > 0 and wrap - tol <= _width(prev.raw.rstrip(" \t\u3000")) <= wrap + tol
        line_end = text.find("\n", e)
        # (The same description as that of text[e:s] when the next break is looked at:
        # trailing spaces change nothing. It is kept for that break.)
        nxt = _line_info(text[e : n if line_end < 0 else line_end], heading_re, runin_re)
        cut = False
        chars = puncts = 0
        if evidence or (prev.prose and not prev.heading):
            chars, puncts = len(prev.body), len(_ANY_PUNCT.findall(prev.body))
            if carry_at == start:
                chars, puncts = chars + carry_chars, puncts + carry_puncts
            cut = not evidence and puncts >= 1 and chars >= _CUT_CHARS
        if (
            not (evidence or cut)
            or nxt.heading
            or nxt.opens
            or nxt.blocked
            or not nxt.first
            or nxt.first in _QUOTE_PREFIX
            or (prev.last.isdigit() and nxt.first.isdigit())
            # a Latin word on one side, a hanzi on the other: two columns of a bilingual page
            # interleaved line by line (…residents' needs / 續發展。…), not one sentence
            or _script_change(prev.last, nxt.first)
            or (prev.end in _PAUSE and nxt.first in _PAUSE)
            # the next line must read as the rest of a sentence, not as an item of a list or a
            # record (a vote count, a label, a date), whatever blank lines stand between (the
            # output has none: cleaning it again must decide the same)
            or not _continues(nxt.body, page)
        ):
            if e - s > 1:
                edits.append(Edit(s, e, "\n", "paragraph-break"))
        else:
            glue = " " if _latin_words(prev.last, nxt.first) else ""
            rule = "page-break-join" if m.group().count("\n") > 1 else "line-join"
            doubled = prev.last == nxt.first and _rx().HAN.match(prev.last) is not None and text[s - 1] == prev.last
            if evidence:
                _join(out, s, e, glue, rule, prev.last if doubled else "")
            else:
                cuts.append((s, e, glue, rule, doubled))
                long_cuts += chars >= _LONG_CUT_CHARS and puncts >= 2
            carry_at, carry_chars, carry_puncts = e, chars, puncts
        prev, prev_start = nxt, e
    for s, e, glue, rule, doubled in cuts:
        if long_cuts >= _CUT_MIN:
            _join(out, s, e, glue, rule, text[s - 1] if doubled else "")
        elif e - s > 1:
            edits.append(Edit(s, e, "\n", "paragraph-break"))
    return out


# What opens an item rather than goes on with a sentence: a label or speaker before a colon
# (表决结果：, 张三：), an item number that lost its mark (2 社会事业, 3、), a date.
_LABEL_START = re.compile(r"[^\s，。；：:、,;]{1,10}[：:]")
_ITEM_NUMBER = re.compile(r"[0-9]{1,2}(?:[ \t\u3000、.．)）]|$)")


def _continues(body: str, page: bool) -> bool:
    """Whether the line ``body`` may be the rest of a sentence cut at the line break before it.

    A line that starts with a number is one only on a page break seen there (a form feed or a
    removed page-number line: ``…完成投资`` / ``12亿元，``), and never with an item number; a line
    that starts with a label or a speaker and a colon, or with a date, starts anew.

    >>> [_continues(b, False) for b in ("管控到位。", "2812票赞成，0票反对。", "表决结果：通过。", "2023年5月8日")]
    [True, False, False, False]
    >>> _continues("12亿元，增长5%。", True), _continues("2 社会事业全面进步。", True)
    (True, False)
    """
    first = body[:1]
    if first.isdigit():
        return page and _ITEM_NUMBER.match(body) is None and _rx().DATE_LINE.match(body) is None
    if first.isascii() and first.isalpha():
        return page
    return _LABEL_START.match(body) is None


def make_layout(config: Config) -> StepFn:
    """Build the layout step for ``config``: :func:`run` over its compiled rules."""
    return partial(run, rules=compile_rules(config))


def _between(points: tuple[int, ...], s: int, e: int) -> bool:
    """Whether one of the sorted ``points`` lies in ``[s, e]``."""
    i = bisect_left(points, s)
    return i < len(points) and points[i] <= e


def _join(out: Proposal, s: int, e: int, glue: str, rule: str, doubled: str) -> None:
    """Join the lines around the break ``text[s:e]``; flag a hanzi ``doubled`` across it."""
    out.edits.append(Edit(s, e, glue, rule))
    if doubled:
        out.flag(s - 1, e + 1, "doubled-character",
                 f"{doubled!r} ends one line and starts the next: a page break may have "
                 "repeated it; check and delete one")


def _markdown(text: str, out: Proposal, rules: PlaceholderRules, numbered: re.Pattern[str]) -> None:
    """Propose the removal of Markdown bold pairs and (in a Markdown-like text) heading marks.

    A text is Markdown-like when it has two heading lines, or a heading line and a bold pair,
    or two bold pairs; then a bold pair inside a sentence (``一是**加强领导**，``) is Markdown
    too, unless a placeholder stands at it. A lone heading mark goes only before a numbered
    heading (``# 一、总体要求``).
    """
    pairs = [m for m in _MD_BOLD.finditer(text) if _bold_phrase(text, m.start(), m.end())] if "**" in text else []
    bold = [m.span() for m in pairs if _is_markdown_bold(text, m.start(), m.end(), rules, strict=True)]
    headings: list[re.Match[str]] = []
    if "#" in text:
        first = _MD_HEADING.match(text)
        found = list(_MD_HEADING_AFTER_BREAK.finditer(text))
        headings = [first, *found] if first else found
    if len(headings) + len(bold) < 2:
        # one '# ' alone is evidence of Markdown only before a numbered heading (# 一、总体要求);
        # one bold pair alone is evidence only when it opens its line and makes the whole line or
        # its lead sentence (a bold heading); inside a line it may stand for two blanks
        headings = [h for h in headings if numbered.match(text, h.end())]
        if not headings:
            bold = [(s, e) for s, e in bold if _line_bold(text, s, e)]
    elif len(bold) < len(pairs):
        bold = [m.span() for m in pairs if _is_markdown_bold(text, m.start(), m.end(), rules, strict=False)]
    starts: list[int] = []
    ends: list[int] = []
    for h in headings:
        out.remove(h.start(1), h.end(1), "markdown-heading", "Markdown heading mark left by a converter")
        starts.append(h.start(1))
        ends.append(h.end(1))
    reason = "Markdown bold mark left by a converter"
    for s, e in bold:
        if starts and (_inside(starts, ends, s) or _inside(starts, ends, e - 2)):
            continue  # a '**' inside a heading mark ('## **## 标题')
        out.remove(s, s + 2, "markdown-bold", reason)
        out.remove(e - 2, e, "markdown-bold", reason)


_WORD = re.compile(r"[0-9A-Za-z]")
# Brackets and quotes: a '**' right inside one is a blank in brackets ('冀鲁（**）'), not a bold end.
_BOLD_OPENERS = frozenset("（(【〔［[「『《〈“‘")
_BOLD_CLOSERS = frozenset("）)】〕］]」』》〉”’")
_BOLD_SENTENCE_END = frozenset("。！？；!?;")


def _line_bold(text: str, s: int, e: int) -> bool:
    """Whether the pair ``text[s:e]`` opens its line and makes the whole line or its lead sentence
    (``**某镇工作总结**``, ``**1. 构建现代化产业体系。**努力…``): a bold heading or lead-in.

    >>> _line_bold("**某镇工作总结**", 0, 10), _line_bold("**一、强化领导。**努力", 0, 11)
    (True, True)
    >>> _line_bold("一是**加强**，", 2, 8)
    False
    """
    a = text.rfind("\n", 0, s) + 1
    if text[a:s].strip():
        return False
    b = text.find("\n", e)
    return not text[e : len(text) if b < 0 else b].strip() or text[e - 3] in _BOLD_LEAD_END


_BOLD_LEAD_END = frozenset("。！？：:")


def _bold_phrase(text: str, s: int, e: int) -> bool:
    """Whether the '**…**' at ``text[s:e]`` can be a bold pair: each '**' faces the text it
    encloses (the opening one is not right before a closing bracket, the closing one not right
    after an opening bracket: ``冀鲁（**）…冀鲁（**）`` are two blanks), and what it encloses is
    a phrase or one sentence (no sentence end inside it, only at its end).

    >>> _bold_phrase("**1. 构建体系。**努力", 0, 12), _bold_phrase("（**）协作区。建设（**）", 1, 14)
    (True, False)
    """
    if text[s + 2] in _BOLD_CLOSERS or text[e - 3] in _BOLD_OPENERS:
        return False
    inner = text[s + 2 : e - 2].rstrip("".join(_BOLD_CLOSERS) + "".join(_BOLD_SENTENCE_END) + "，、,：: ")
    return not any(c in _BOLD_SENTENCE_END for c in inner)


def _is_markdown_bold(text: str, s: int, e: int, rules: PlaceholderRules, strict: bool) -> bool:
    """Whether the '**…**' at ``text[s:e]`` is Markdown bold, not two blanked words.

    Strict: the opening '**' starts the line or follows a space or a mark; the closing one
    ends the line, precedes a space or a mark, or follows a mark (``**1. 构建体系。**努力``).
    Not strict (in a Markdown-like text): a hanzi may stand outside either, a digit or a
    Latin letter may not (``20**年``). Either way the opening one is not followed by a word
    a placeholder stands before (``**年``, ``**镇``, ``**万元``).
    """
    before = text[s - 1 : s]
    after = text[e : e + 1]
    if strict:
        outside = _rx().BOLD_OUTSIDE
        if before and before != "\n" and not outside.match(before):
            return False  # 20**年, 召开*镇**年: inside a word
        if after and after != "\n" and not outside.match(after) and not outside.match(text[e - 3]):
            return False  # **年上半年，**镇: the closing run is followed by a word, after a word
    elif _WORD.match(before) or _WORD.match(after):
        return False
    date, number, name = rules.after.match(text[s + 2 : s + 10]).groups()  # type: ignore[union-attr]
    return date is None and number is None and name is None  # **年, **镇, **万元: a blanked word


def _inside(starts: list[int], ends: list[int], i: int) -> bool:
    """Whether ``i`` lies in one of the sorted, disjoint spans ``[starts[k], ends[k])``."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < ends[k]


# What a count follows (第 2 季度, 共 3 家): a number after these is no page number.
_NUMBER_TAKERS = frozenset("第约近共达超余逾计每前后")
_PAGE_GAP = 150  # characters at least between two page numbers run into the text


def _inline_page_numbers(text: str, out: Proposal, measure: re.Pattern[str]) -> None:
    """Flag page numbers a converter ran into the text (a PDF page tab between two words:
    ``…聚力增效2一是…``, ``…拉开新局面3格局…``): numbers of one or two digits between two hanzi,
    no measure word, unit or date part after them, that count up one by one (2, then 3) at
    least a page's worth of text apart. They are only flagged: a digit inside a sentence may be
    the text's own.

    >>> p = Proposal(); _inline_page_numbers("甲" * 200 + "建设2一是" + "乙" * 200 + "新3格局", p, re.compile("个"))
    >>> [(f.code, f.start) for f in p.flags]
    [('page-number-inline', 202), ('page-number-inline', 406)]
    """
    ends: dict[int, tuple[int, int]] = {}  # value -> (where the last one ended, its index in found)
    found: list[tuple[int, int]] = []
    before: list[int] = []  # index in found of the number before it in its chain, or -1
    for m in _rx().LONE_NUMBER.finditer(text):
        s, e = m.span()
        if not s or text[s - 1] in _NUMBER_TAKERS or _rx().HAN.match(text, s - 1) is None:
            continue
        if measure.match(text, e) is not None:
            continue
        value = int(m.group())
        prev = ends.get(value - 1)
        before.append(prev[1] if prev is not None and prev[0] <= s - _PAGE_GAP else -1)
        ends[value] = (e, len(found))
        found.append((s, e))
    keep = [False] * len(found)
    for k in range(len(found)):  # each number of a chain of two or more, marked once (linear)
        i = k if before[k] >= 0 else -1
        while i >= 0 and not keep[i]:
            keep[i] = True
            i = before[i]
    for (s, e), flagged in zip(found, keep, strict=True):
        if flagged:
            out.flag(s, e, "page-number-inline",
                     f"{text[s:e]!r} between two words counts up from the number before it a page "
                     "earlier: a page number run into the text; check and delete it")


def _script_change(last: str, first: str) -> bool:
    """Whether a line ending with ``last`` and one starting with ``first`` change script between a
    Latin letter and a hanzi (either way round).

    >>> _script_change("s", "續"), _script_change("續", "s"), _script_change("，", "s"), _script_change("s", "t")
    (True, True, False, False)
    """
    latin_last = last.isascii() and last.isalpha()
    latin_first = first.isascii() and first.isalpha()
    return (latin_last and _rx().HAN.match(first) is not None) or (latin_first and _rx().HAN.match(last) is not None)


def _latin_words(last: str, first: str) -> bool:
    """Whether a join needs a space: after a Latin word (``Windows`` / ``10``), not after a number (``13`` / ``KM``)."""
    return last.isascii() and last.isalpha() and first.isascii() and first.isalnum()


def _md_prefix_end(body: str) -> int:
    m = _MD_HEADING.match(body)
    return m.end() if m else 0


def _apply(text: str) -> str:
    """Apply the default layout step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("layout", run(text, Context(), compile_rules(Config())).edits)
    return doc.text


LAYOUT = Step(
    "layout",
    make_layout,
    codes={"doubled-character": "warning", "page-number-inline": "warning"},
    rules=("markdown-heading", "markdown-bold", "page-break-join", "line-join", "paragraph-break"),
    lexicons={
        "layout": Schema((("pattern", "type"),), {"type": ("heading", "runin")}),
        "placeholders": Schema((("phrase", "role"),), {"role": ("keep", "date", "name", "number")}),
        "measure-words": Schema((("word", "class"),)),
    },
    reads=("page_breaks",),
)
