"""Lines and paragraphs: join what a page break or a hard wrap cut, keep headings.

The output has **one paragraph per line, separated by a single ``\\n``**: blank
lines between paragraphs are collapsed. A line break is removed (the two lines
joined with no space, or one space between two Latin words) when all of these hold:

- the line before it does not end a sentence (its last mark, after closing
  quotes and brackets, is not ``。！？；：…``);
- neither line is a heading or a title, and the next line does not start a
  numbered item (``一、`` ``（一）`` ``1.`` ``一是`` ``——``, from the lexicon
  ``data/layout_headings.tsv``);
- it would not glue two numbers together (``QQ206157060`` / ``2020年…``).

A heading is a line that starts with a numbering marker and holds no
sentence-final punctuation (run-in markers like ``一是`` and ``——``: no
punctuation at all). A title is a short line (at most 40 characters) with no
``，。；：！？、``. Both decisions look only at the text of the two lines, Markdown
marks ignored, so cleaning the output again changes nothing. A hanzi doubled
across a join (``问题`` / ``题，``) is flagged ``doubled-character`` and kept.
Converter Markdown (``## ``, ``**``) is removed, keeping the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress, repeat
from operator import attrgetter, is_
from typing import NamedTuple

from ._cjk import HAN
from ._config import Config
from ._edits import Context, Edit, Proposal, Step, StepFn, match_edits
from ._lexicon import Lexicon, package_lexicon

__all__ = ["LAYOUT", "make_layout"]

_MARKERS = package_lexicon("layout_headings.tsv")

# A line break with the blank lines after it, ``\n(?:[ \t\u3000]*\n)*`` (the trailing spaces
# before it are added in code), less the commonest one: a single ``\n`` right after a mark that
# ends a sentence, which stays as it is. The next commonest, blank lines after such a mark (one
# ``\n`` is kept), has no group; the others, decided in code, have the empty group ``look``.
# (The lookbehind comes after the literal ``\n``, which the regex engine finds at C speed.)
_TERMINAL_CHARS = "。！？；：…!?;:"
_BREAK = re.compile(f"\\n(?:(?<![{_TERMINAL_CHARS}]\\n)(?P<look>)(?:[ \\t\\u3000]*\\n)*|(?:[ \\t\\u3000]*\\n)+)")
_LOOK = attrgetter("lastgroup")
_MD = r"\**(#{1,6}[ \t]+(?:\**#{1,6}[ \t]+)*)(?=\S)"
_MD_HEADING = re.compile(_MD)  # matched at a line start
_MD_HEADING_AFTER_BREAK = re.compile("\n" + _MD)
# ``(?<!\*)(\*{2,})`` written so that the pattern starts with a literal (found at C speed);
# may span a line break the layout joins.
_MD_BOLD = re.compile(r"(\*(?<!\*\*)\*+)[^*]+(\*{2,})(?!\*)")
_CLOSING = "”’」』》）)】〕］\"'* \t"
_TERMINAL = frozenset(_TERMINAL_CHARS)
_PAUSE = frozenset("、。，：；,:;")  # two of them joined would clash
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_ANY_PUNCT = re.compile(r"[，。；：！？、,;:!?]")
_HAN = re.compile(f"[{HAN}]")
_TITLE_MAX = 40
_HEADING_MAX = 60
_RUNIN_MAX = 30


class _Line(NamedTuple):
    first: str  # first character of the text (Markdown stripped), "" if none
    last: str  # last character before closing marks, "" if none
    end: str  # last character
    terminal: bool  # ends a sentence
    heading: bool  # a heading or a title: never joined to a neighbour
    opens: bool  # starts a numbered item: never joined to the line before


_BLANK = _Line("", "", "", True, True, True)


def make_layout(config: Config) -> StepFn:
    """Build the layout step (compiles the heading markers of the ``layout`` lexicons once).

    >>> _apply("## 一、党建引领\\n\\n强化组织领导，严格重点\\n\\n人员管控。一是加强\\n\\n学习。")
    '一、党建引领\\n强化组织领导，严格重点人员管控。一是加强学习。'
    >>> _apply("一、“十三五”规划\\n（一）第一季度\\n三是平稳推进\\n建设，完成。\\n1. 其他")
    '一、“十三五”规划\\n（一）第一季度\\n三是平稳推进\\n建设，完成。\\n1. 其他'
    """
    lexicons: tuple[Lexicon, ...] = (_MARKERS, *config.user_lexicons("layout"))
    heading = [row[0] for lx in lexicons for row in lx.rows if row[1] != "runin"]
    runin = [row[0] for lx in lexicons for row in lx.rows if row[1] == "runin"]
    heading_re = re.compile("(?:" + "|".join(heading) + ")") if heading else re.compile(r"(?!)")
    runin_re = re.compile("(?:" + "|".join(runin) + ")") if runin else re.compile(r"(?!)")

    def line_info(line: str) -> _Line:
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
        if heading_re.match(body):
            inner = body[:-1]
            return _Line(body[0], last, body[-1], terminal, n <= _HEADING_MAX and not _SENTENCE_END.search(inner), True)
        if runin_re.match(body):
            return _Line(body[0], last, body[-1], terminal, n <= _RUNIN_MAX and not _ANY_PUNCT.search(body), True)
        title = n <= _TITLE_MAX and not _ANY_PUNCT.search(body)
        return _Line(body[0], last, body[-1], terminal, title, False)

    def layout(text: str, context: Context) -> Proposal:
        """Join paragraphs cut by page breaks, one ``\\n`` between paragraphs, drop converter Markdown."""
        out = Proposal()
        if "\n" not in text and "#" not in text and "**" not in text:
            return out
        starts: list[int] = []
        ends: list[int] = []
        if "#" in text:
            first = _MD_HEADING.match(text)
            found = _MD_HEADING_AFTER_BREAK.finditer(text)
            for m in (first, *found) if first else found:
                out.remove(m.start(1), m.end(1), "markdown-heading", "Markdown heading mark left by a converter")
                starts.append(m.start(1))
                ends.append(m.end(1))
        if "**" in text:
            for m in _MD_BOLD.finditer(text):
                if starts and (_inside(starts, ends, m.start(1)) or _inside(starts, ends, m.start(2))):
                    continue  # a '**' inside a heading mark ('## **## 标题')
                reason = "Markdown bold mark left by a converter"
                out.remove(m.start(1), m.end(1), "markdown-bold", reason)
                out.remove(m.start(2), m.end(2), "markdown-bold", reason)
        n = len(text)
        edits = out.edits
        prev: _Line | None = None  # the description of the line before the break, if already made
        prev_start = -1  # where that line starts
        breaks = list(_BREAK.finditer(text))
        kinds = list(map(_LOOK, breaks))
        paragraphs = list(compress(breaks, map(is_, kinds, repeat(None))))
        if paragraphs and paragraphs[-1].end() == n:
            paragraphs.pop()  # blank lines at the end: the whitespace step's
        edits += match_edits(paragraphs, "paragraph-break", ("\n",))
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
                prev = line_info(text[start:s])
            if prev.terminal or prev.heading:  # decided without describing the next line
                if e - s > 1:
                    edits.append(Edit(s, e, "\n", "paragraph-break"))
                continue
            line_end = text.find("\n", e)
            # (The same description as that of text[e:s] when the next break is looked at:
            # trailing spaces change nothing. It is kept for that break.)
            nxt = line_info(text[e : n if line_end < 0 else line_end])
            if (
                nxt.heading
                or nxt.opens
                or not nxt.first
                or (prev.last.isdigit() and nxt.first.isdigit())
                or (prev.end in _PAUSE and nxt.first in _PAUSE)
            ):
                if e - s > 1:
                    edits.append(Edit(s, e, "\n", "paragraph-break"))
            else:
                glue = " " if _latin_words(prev.last, nxt.first) else ""
                rule = "page-break-join" if m.group().count("\n") > 1 else "line-join"
                edits.append(Edit(s, e, glue, rule))
                if prev.last == nxt.first and _HAN.match(prev.last) and text[s - 1] == prev.last:
                    out.flag(s - 1, e + 1, "doubled-character",
                             f"{prev.last!r} ends one line and starts the next: a page break may have "
                             "repeated it; check and delete one")
            prev, prev_start = nxt, e
        return out

    return layout


def _inside(starts: list[int], ends: list[int], i: int) -> bool:
    """Whether ``i`` lies in one of the sorted, disjoint spans ``[starts[k], ends[k])``."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < ends[k]


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
    doc.apply("layout", _DEFAULT(text, Context()).edits)
    return doc.text


LAYOUT = Step("layout", make_layout, {"doubled-character": "warning"})

_DEFAULT = make_layout(Config())
