"""Character width the way a Chinese editor sets it (GB/T 15834).

Digits and Latin letters are half-width; Chinese punctuation is full-width.
So: full-width digits and letters become ASCII, odd spaces become a plain
space, ASCII ``, ; : ? !`` and ``( )`` standing in Chinese text become the
full-width marks, while punctuation inside numbers, Latin words, URLs and
codes stays ASCII (``1,100万``, ``3.5%``, ``4#-7#楼``, ``IPv6``). Odd decimal
points and percent signs in numbers, and doubled or clashing pause marks, are
fixed with a warning.

The punctuation table is the lexicon ``data/width_punctuation.tsv`` (kind
``width``); user lexicons of that kind extend it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from ._cjk import CJK_PUNCT, HAN
from ._config import Config
from ._edits import Context, Edit, Proposal, Step, StepFn, match_edits
from ._lexicon import Lexicon, Schema, package_lexicon

__all__ = ["WIDTH", "WidthRules", "compile_rules", "make_width", "run"]

# Full-width digits and letters, and full-width ．％＃ right after a digit (checked in _to_ascii).
# (Patterns start with one character class, not ``[...]+``: the regex engine then skips to a
# candidate character at C speed instead of trying a match at every position.)
_ALNUM_CHARS = "０-９Ａ-Ｚａ-ｚ．％＃"
_ALNUM = re.compile(f"[{_ALNUM_CHARS}][{_ALNUM_CHARS}]*")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_TO_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Odd spaces; a run in the indentation of a line is left to the spacing step.
_ODD_SPACE_CHARS = "\u3000\u00a0\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B)))
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}][{_ODD_SPACE_CHARS}]*")
# The characters the number rules below look for (found by the scan of the step, with the odd spaces).
_RARE_CHARS = _ALNUM_CHARS + "·•∙⋅﹒﹪٪"
_ODD_SPACE_SET = frozenset(_ODD_SPACE_CHARS)
_ALNUM_SET = frozenset(re.findall(f"[{_ALNUM_CHARS}]", "".join(map(chr, range(0xFF00, 0xFF60)))))
_POINTS = frozenset("·•∙⋅﹒")
_PERCENTS = frozenset("﹪٪")
# An odd decimal point between digits (not 。 or ．: a full stop before a number is common).
# It is read as a decimal point only when the number goes on into a unit, a percent sign or
# a magnitude (``1·8%``, ``3·5亿元``): ``3·5``, ``8·16`` and ``3·15`` name events by their date.
_ODD_POINT = re.compile(r"[·•∙⋅﹒](?<=[0-9０-９].)(?=[0-9０-９])")
_ODD_PERCENT = re.compile(r"[﹪٪](?<=[0-9０-９XxＸｘ×].)")
# Skipped when looking for the neighbours of a mark: later steps remove whitespace
# between marks, and the Markdown marks ``**`` and ``#``.
_HSPACE = " \t" + _ODD_SPACE_CHARS
_SKIP_CHARS = "*#\n" + _HSPACE
_SKIP = frozenset(_SKIP_CHARS)


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    CHINESE: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
    return _Rx(_CHINESE)


_HAN = re.compile(f"[{HAN}]")
# A bracket pair, not nested (a line break inside may be a page break the layout step joins);
# converted when it holds hanzi or one side is full-width. A pair of full-width brackets needs
# nothing, so only pairs with an ASCII side are looked for: an ASCII opening bracket (a
# literal, found at C speed), or a full-width one closed by an ASCII bracket.
_PAIR_ASCII_OPEN = re.compile(r"\([^()（）]{0,80}[)）]")
_PAIR_ASCII_CLOSE = re.compile(r"（[^()（）]{0,80}\)")
_FULL = "fullwidth-punctuation"
_NEAR = attrgetter("lastindex")  # a run pattern's match: whether it found Chinese text next to the run


@dataclass(frozen=True, slots=True)
class WidthRules:
    """The compiled rules of the step for one config."""

    then_unit: re.Pattern[str]
    to_full: dict[str, str]
    strength: dict[str, int]
    scan: re.Pattern[str]
    ascii_run: re.Pattern[str]
    clash: re.Pattern[str]
    mark_line: re.Pattern[str]
    marks: tuple[str, ...]
    clash_anywhere: bool
    single: dict[str, str]


def compile_rules(config: Config) -> WidthRules:
    """The step's rules for ``config``, compiled on first use (memoised on the parts of it the step reads)."""
    return _compile(config.user_lexicons("width"), config.user_lexicons("units"))


@lru_cache(maxsize=16)
def _compile(user_width: tuple[Lexicon, ...], user_units: tuple[Lexicon, ...]) -> WidthRules:
    lexicons: tuple[Lexicon, ...] = (package_lexicon("width_punctuation.tsv"), *user_width)
    units = {row[0] for lx in (package_lexicon("units.tsv"), *user_units) for row in lx.rows}
    then_unit = re.compile(  # digits, then a unit (longest first), a percent sign or a magnitude
        "[0-9０-９]+(?:" + "|".join(map(re.escape, sorted(units, key=lambda u: (-len(u), u)))) + "|[％﹪٪‰万亿千])"
    )
    to_full: dict[str, str] = {}
    strength: dict[str, int] = {}
    for lx in lexicons:
        for mark, ascii_, rank in lx.rows:
            if ascii_ and ascii_ not in "()":
                to_full[ascii_] = mark
            if rank:
                strength[mark] = int(rank)
                if ascii_:
                    strength[ascii_] = int(rank)
    hspace = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000*]*"
    space = "[ \\t\\n\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]*"
    asc = "[" + re.escape("".join(sorted(to_full))) + "]"
    strong = "[" + re.escape("".join(sorted(strength))) + "]"
    chinese_class = f"[{HAN}{CJK_PUNCT}]"
    skip = "[" + re.escape(_SKIP_CHARS) + "]*"
    # Runs of marks, whitespace allowed between them (the spacing and layout steps remove it);
    # a clash never spans a line break. A run captures the hanzi or Chinese mark right before
    # it (group 1) or after it, past whitespace and Markdown (group 2), when there is one:
    # then it is converted with no further look. The empty alternatives never fail, so
    # the run is the same greedy run either way.
    ascii_run = re.compile(f"{asc}(?:(?<=({chinese_class}).)|)(?:{space}{asc})*(?:(?={skip}({chinese_class}))|)")
    clash = re.compile(f"{strong}(?:{hspace}{strong})+")
    mark_line = re.compile(f"^[ \t]*{asc}(?:[ \t]*{asc})*[ \t]*$", re.M)
    # One pass finds the odd spaces, the characters of the number rules, and the marks that may
    # end a clash (a strong mark after a strong mark, a space or a star): strong marks elsewhere,
    # the common case, are not matched.
    strong_only = "".join(sorted(c for c in strength if not re.match(f"[{_RARE_CHARS}{_ODD_SPACE_CHARS}]", c)))
    after_strong = "[" + re.escape("".join(sorted(strength)) + " \t*" + _ODD_SPACE_CHARS) + "]"
    odd = re.escape(_ODD_SPACE_CHARS)
    # After the character: it is neither a strong mark nor an odd space (so a number-rule
    # character); or a strong mark after a strong mark or space; or an odd space that does
    # not start a line (indentation is the commonest odd space: not matched).
    wanted = [f"(?<![{re.escape(strong_only)}{odd}])", f"(?<=[^\\n{odd}][{odd}])"]
    if strong_only:  # first: a strong mark, the commonest character matched, fails it at once
        wanted.insert(0, f"(?<={after_strong}[{re.escape(strong_only)}])")
    scan = re.compile(
        "[" + re.escape("".join(sorted(strength)) + _ODD_SPACE_CHARS) + _RARE_CHARS + "](?:" + "|".join(wanted) + ")"
    )
    marks = tuple(to_full)
    # (A strong mark that is an odd space or a number-rule character, which a user lexicon may
    # make, can be passed over by the scan, inside a run: then clashes are looked for everywhere.)
    clash_anywhere = len(strong_only) < len(strength)
    single = {c: mark for c, mark in to_full.items() if len(c) == 1}

    return WidthRules(
        then_unit=then_unit,
        to_full=to_full,
        strength=strength,
        scan=scan,
        ascii_run=ascii_run,
        clash=clash,
        mark_line=mark_line,
        marks=marks,
        clash_anywhere=clash_anywhere,
        single=single,
    )


def run(text: str, context: Context, rules: WidthRules) -> Proposal:
    """Full-width digits/Latin to ASCII; ASCII punctuation in Chinese text to full-width.

    >>> _apply("ＧＤＰ增长１２．６％,稳增长;经济(一)")
    'GDP增长12.6%，稳增长；经济（一）'
    >>> _apply("1,100万元、3.5%、4#-7#楼、5G、IPv6，“十三五”，第一季度。")
    '1,100万元、3.5%、4#-7#楼、5G、IPv6，“十三五”，第一季度。'
    >>> _apply("增长1·8%，占72.59﹪，登记率XX%，；工会，,组织")
    '增长1.8%，占72.59%，登记率XX%，；工会，组织'
    >>> _apply("有效应对3·5疫情和8·16事件。\\n:::\\n财务行政")
    '有效应对3·5疫情和8·16事件。\\n:::\\n财务行政'
    """
    then_unit = rules.then_unit
    to_full = rules.to_full
    strength = rules.strength
    scan = rules.scan
    ascii_run = rules.ascii_run
    clash = rules.clash
    mark_line = rules.mark_line
    marks = rules.marks
    clash_anywhere = rules.clash_anywhere
    single = rules.single
    out = Proposal()
    edits = out.edits
    # The scan: odd spaces outside indentation, full-width digits and letters, odd
    # decimal points and percent signs, and where a clash may be.
    spaces: list[tuple[int, int]] = []  # odd-space runs outside indentation
    points: list[int] = []
    percents: list[int] = []
    clash_from = 0 if clash_anywhere else -1  # the first strong mark after a strong mark or space
    m = scan.search(text)
    while m:
        s = m.start()  # (one character: the rest of the pattern looks behind)
        t = s + 1
        c = text[s]
        if c in strength and clash_from < 0:
            clash_from = s
        if c in _ODD_SPACE_SET:
            t = _ODD_SPACE.match(text, s).end()  # type: ignore[union-attr]
            if not _indentation(text, s):
                spaces.append((s, t))
        elif c in _POINTS:
            if _ODD_POINT.match(text, s) and then_unit.match(text, s + 1):
                points.append(s)
        elif c in _PERCENTS:
            if _ODD_PERCENT.match(text, s):
                percents.append(s)
        elif c in _ALNUM_SET:
            t = _ALNUM.match(text, s).end()  # type: ignore[union-attr]
            run = _to_ascii(text, s, t)
            if run != text[s:t]:
                edits.append(Edit(s, t, run, "fullwidth-ascii"))
        m = scan.search(text, t)
    brackets: list[int] = []  # ASCII brackets of converted pairs (they become Chinese marks)
    if "(" in text:
        for m in _PAIR_ASCII_OPEN.finditer(text):
            s, t = m.span()
            t -= 1
            if text[t] == "）" or _HAN.search(text, s + 1, t):
                brackets.append(s)
                edits.append(Edit(s, s + 1, "（", _FULL))
                if text[t] == ")":
                    brackets.append(t)
                    edits.append(Edit(t, t + 1, "）", _FULL))
    if ")" in text:
        for m in _PAIR_ASCII_CLOSE.finditer(text):
            t = m.end() - 1
            brackets.append(t)
            edits.append(Edit(t, t + 1, "）", _FULL))
    # ASCII marks next to Chinese text (found by the run pattern), or next to such
    # marks (whitespace and Markdown between them skipped).
    runs = list(ascii_run.finditer(text)) if any(c in text for c in marks) else []
    if runs and mark_line.search(text):  # a line of marks only (':::' skip link, divider) stays as it is
        lines = [m.span() for m in mark_line.finditer(text)]
        runs = [m for m in runs if not _inside(m.start(), lines)]
    chinese: set[int] | None = None  # positions that become Chinese marks, made when needed
    converted: list[tuple[int, int]] = []  # runs converted for being next to converted marks
    if all(map(_NEAR, runs)):  # the common case: every run is next to Chinese text
        near = runs
    else:
        near = [m for m in runs if m.lastindex]
        chinese = _positions(brackets, map(re.Match.span, near))
        converted = _near_converted(text, [m.span() for m in runs if not m.lastindex], chinese)
    taken: set[int] = set()  # positions inside a clash run
    # A clash never spans a line break: none starts before the line of the first candidate.
    for m in clash.finditer(text, text.rfind("\n", 0, clash_from) + 1) if clash_from >= 0 else ():
        s, t = m.span()
        found = [c for c in m.group() if c in strength]
        if all(c.isascii() for c in found):
            if chinese is None:
                chinese = _positions(brackets, map(re.Match.span, near))
            if not any(i in chinese for i in range(s, t)):
                continue  # '::' in code, ',,' between Latin words
        if found.count("。") == len(found):
            continue  # '。。。' is a makeshift ellipsis, not a clash
        if _alone_on_its_line(text, s, t):
            continue  # a line of marks only (a ':::' skip link, a divider) is no sentence's punctuation
        keep = max(found, key=lambda c: strength[c])  # the strongest; the first of equals
        keep = to_full.get(keep, keep)
        if any(to_full.get(c, c) != keep for c in found) or _at_a_break(text, s):
            # different marks (、， or ，；), or marks at a line break or after a line's lone item
            # number (a page tab '2、' before the text's own '、'): which one is the text's own is
            # not certain, so both stay (each made full-width as usual) and the clash is flagged
            out.flag(s, t, "doubled-punctuation",
                     f"punctuation {''.join(found)!r} clashes; kept as written (which mark is the text's own "
                     "is not certain)")
            continue
        out.replace(s, t, keep, rule="doubled-punctuation")
        out.flag(s, t, "doubled-punctuation", f"punctuation {''.join(found)!r} reduced to {keep!r}")
        taken.update(range(s, t))
    # One edit per converted mark (touching ones are merged by Document.apply).
    found = list(map(re.Match.group, near))
    if not taken and all(map(single.__contains__, found)):  # the common case: runs of one mark
        edits += match_edits(near, _FULL, map(single.__getitem__, found))
    else:
        converted += map(re.Match.span, near)
    edits += [
        Edit(i, i + 1, to_full[c], _FULL)
        for s, t in converted
        for i, c in enumerate(text[s:t], s)
        if c in to_full and i not in taken
    ]
    edits += [Edit(s, t, " " * (t - s), "odd-space") for s, t in spaces if s not in taken]
    for s in points:
        out.replace(s, s + 1, ".", rule="decimal-point")
        out.flag(s - 1, s + 2, "odd-decimal-point",
                 f"{text[s]!r} used as a decimal point, read as '.': check the number")
    for s in percents:
        out.replace(s, s + 1, "%", rule="percent-sign")
        out.flag(s - 1, s + 1, "odd-percent-sign", f"{text[s]!r} used as a percent sign, read as '%'")
    return out


def make_width(config: Config) -> StepFn:
    """Build the width step for ``config``: :func:`run` over its compiled rules."""
    return partial(run, rules=compile_rules(config))


def _inside(p: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``p`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (p, float("inf"))) - 1  # the last span starting at or before p
    return i >= 0 and spans[i][0] <= p < spans[i][1]


_ITEM_NUMERAL = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十")


def _at_a_break(text: str, s: int) -> bool:
    """Whether the marks at ``s`` open their line, or follow a lone item number that opens
    it (``2、、企业``: a page tab's ``2、``, then the text's own ``、``): something was lost before
    or between them, and the two marks may belong to different things.

    >>> _at_a_break("增收\\n2、、企业", 4), _at_a_break("增收、、企业", 2), _at_a_break("增收\\n、、企业", 3)
    (True, False, True)
    """
    start = text.rfind("\n", 0, s) + 1
    return s - start <= 2 and all(c in _ITEM_NUMERAL for c in text[start:s])


def _alone_on_its_line(text: str, s: int, t: int) -> bool:
    """Whether ``text[s:t]`` is all that its line holds, whitespace aside."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", t)
    return not text[a:s].strip() and not text[t : len(text) if b < 0 else b].strip()


def _positions(brackets: list[int], runs: Iterable[tuple[int, int]]) -> set[int]:
    """The positions of ``brackets`` and of every run in ``runs``."""
    chinese = set(brackets)
    for s, t in runs:
        chinese.update(range(s, t))
    return chinese


def _near_converted(text: str, runs: list[tuple[int, int]], chinese: set[int]) -> list[tuple[int, int]]:
    """The runs of ``runs`` near Chinese text once converted marks count as Chinese.

    Repeats until nothing changes, both ways; ``chinese`` (the positions that
    become Chinese marks) grows with each run converted.
    """
    converted: list[tuple[int, int]] = []
    while runs:
        rest = []
        for s, t in runs:
            if _near_chinese(text, s, t, chinese):
                chinese.update(range(s, t))
                converted.append((s, t))
            else:
                rest.append((s, t))
        if len(rest) == len(runs):
            break
        runs = rest[::-1]
    return converted


def _to_ascii(text: str, s: int, t: int) -> str:
    """Full-width digits and letters of ``text[s:t]`` to ASCII; ．％＃ only after a digit (．: and before one)."""
    run = text[s:t]
    if not any(c in "．％＃" for c in run):
        return run.translate(_TO_ASCII)
    out = []
    for i in range(s, t):
        c = text[i]
        if c in "．％＃":
            after_digit = i > 0 and text[i - 1] in _DIGITS
            if not after_digit or (c == "．" and not (i + 1 < len(text) and text[i + 1] in _DIGITS)):
                out.append(c)
                continue
        out.append(c.translate(_TO_ASCII))
    return "".join(out)


def _indentation(text: str, s: int) -> bool:
    """Whether only spaces and tabs stand between the line start and ``s``.

    ``s`` starts a run of odd spaces: so this is the first run of the line, in its indentation.
    """
    if s == 0 or text[s - 1] == "\n":
        return True
    if text[s - 1] not in " \t":
        return False
    line_start = text.rfind("\n", 0, s) + 1
    return not text[line_start:s].strip(" \t")


def _near_chinese(text: str, s: int, t: int, chinese: set[int]) -> bool:
    """Whether a hanzi or Chinese mark stands before ``s`` or after ``t`` (``_SKIP`` skipped).

    ``chinese`` holds positions that this step turns into Chinese marks.
    """
    while s > 0 and text[s - 1] in _SKIP:
        s -= 1
    n = len(text)
    while t < n and text[t] in _SKIP:
        t += 1
    if s > 0 and (s - 1 in chinese or _rx().CHINESE.match(text, s - 1)):
        return True
    return t < n and (t in chinese or bool(_rx().CHINESE.match(text, t)))


def _apply(text: str) -> str:
    """Apply the default width step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("width", run(text, Context(), compile_rules(Config())).edits)
    return doc.text


WIDTH = Step(
    "width",
    make_width,
    codes={"odd-decimal-point": "warning", "odd-percent-sign": "info", "doubled-punctuation": "warning"},
    rules=(
        *("fullwidth-ascii", "odd-space", "decimal-point", "percent-sign"),
        *("doubled-punctuation", "fullwidth-punctuation"),
    ),
    lexicons={
        "width": Schema((("mark",),)),
        "units": Schema((("written", "unit", "factor", "dimension"),)),
    },
)
