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

from ._cjk import CJK_PUNCT, HAN
from ._config import Config
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import Lexicon, package_lexicon

__all__ = ["WIDTH", "make_width"]

_TABLE = package_lexicon("width_punctuation.tsv")

# Full-width digits and letters, and full-width ．％＃ right after a digit (checked in _to_ascii).
_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ．％＃]+")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Everything the number rules below look for, in one character class: one fast pass
# tells whether they need to run at all.
_RARE = re.compile(r"[０-９Ａ-Ｚａ-ｚ．％＃·•∙⋅﹒﹪٪]")
_TO_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Odd spaces; a run in the indentation of a line is left to the spacing step.
_ODD_SPACE_CHARS = "\u3000\u00a0\u202f\u205f" + "".join(map(chr, range(0x2000, 0x200B)))
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]+")
# An odd decimal point between digits (not 。 or ．: a full stop before a number is common).
_ODD_POINT = re.compile(r"[·•∙⋅﹒](?<=[0-9０-９].)(?=[0-9０-９])")
_ODD_PERCENT = re.compile(r"[﹪٪](?<=[0-9０-９XxＸｘ×].)")
# Skipped when looking for the neighbours of a mark: later steps remove whitespace
# between marks, and the Markdown marks ``**`` and ``#``.
_HSPACE = " \t" + _ODD_SPACE_CHARS
_SKIP = frozenset("*#\n" + _HSPACE)
_CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
_HAN = re.compile(f"[{HAN}]")
# A bracket pair, not nested (a line break inside may be a page break the layout step joins);
# converted when it holds hanzi or one side is full-width.
_PAIR = re.compile(r"[(（][^()（）]{0,80}[)）]")


def make_width(config: Config) -> StepFn:
    """Build the width step for ``config`` (reads the ``width`` lexicons once)."""
    lexicons: tuple[Lexicon, ...] = (_TABLE, *config.user_lexicons("width"))
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
    # Runs of marks, whitespace allowed between them (the spacing and layout steps remove it);
    # a clash never spans a line break.
    ascii_run = re.compile(f"{asc}(?:{space}{asc})*")
    clash = re.compile(f"{strong}(?:{hspace}{strong})+")
    quick = re.compile(
        r"[０-９Ａ-Ｚａ-ｚ．％＃\u00a0\u2000-\u200a\u202f\u205f\u3000·•∙⋅﹒﹪٪()（）]|" + asc + "|" + clash.pattern
    )

    def width(text: str, context: Context) -> Proposal:
        """Full-width digits/Latin to ASCII; ASCII punctuation in Chinese text to full-width.

        >>> _apply("ＧＤＰ增长１２．６％,稳增长;经济(一)")
        'GDP增长12.6%，稳增长；经济（一）'
        >>> _apply("1,100万元、3.5%、4#-7#楼、5G、IPv6，“十三五”，第一季度。")
        '1,100万元、3.5%、4#-7#楼、5G、IPv6，“十三五”，第一季度。'
        >>> _apply("增长1·8%，占72.59﹪，登记率XX%，；工会")
        '增长1.8%，占72.59%，登记率XX%；工会'
        """
        out = Proposal()
        if not quick.search(text):
            return out
        chinese: set[int] = set()  # positions that become Chinese marks
        taken: set[int] = set()  # positions inside a clash run
        pairs = _PAIR.finditer(text) if "(" in text or ")" in text else ()  # full-width pairs need nothing
        for m in pairs:
            s, t = m.start(), m.end() - 1
            if _HAN.search(text, s + 1, t) or text[s] == "（" or text[t] == "）":
                for i, mark in ((s, "（"), (t, "）")):
                    chinese.add(i)
                    if text[i] != mark:
                        out.replace(i, i + 1, mark, rule="fullwidth-punctuation")
        # ASCII marks next to Chinese text, or next to such marks (whitespace and
        # Markdown between them skipped): repeat until nothing changes, both ways.
        runs = [(m.start(), m.end()) for m in ascii_run.finditer(text)] if any(c in text for c in to_full) else []
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
        for m in clash.finditer(text):
            s, t = m.start(), m.end()
            marks = [c for c in m.group() if c in strength]
            if all(c.isascii() for c in marks) and not any(i in chinese for i in range(s, t)):
                continue  # '::' in code, ',,' between Latin words
            if marks.count("。") == len(marks):
                continue  # '。。。' is a makeshift ellipsis, not a clash
            keep = max(marks, key=lambda c: strength[c])  # the strongest; the first of equals
            keep = to_full.get(keep, keep)
            out.replace(s, t, keep, rule="doubled-punctuation")
            out.flag(s, t, "doubled-punctuation", f"punctuation {''.join(marks)!r} reduced to {keep!r}")
            taken.update(range(s, t))
        for s, t in converted:
            for i in range(s, t):
                if i not in taken and text[i] in to_full:
                    out.replace(i, i + 1, to_full[text[i]], rule="fullwidth-punctuation")
        rare = _RARE.search(text) is not None
        if rare:
            for m in _ALNUM.finditer(text):
                run = _to_ascii(text, m.start(), m.end())
                if run != m.group():
                    out.replace(m.start(), m.end(), run, rule="fullwidth-ascii")
        prev_end = 0
        spaces = _ODD_SPACE.finditer(text) if any(c in text for c in _ODD_SPACE_CHARS) else ()
        for m in spaces:
            s, t = m.start(), m.end()
            first_in_line = prev_end == 0 or text.find("\n", prev_end, s) >= 0
            prev_end = t
            if s in taken or (first_in_line and _indentation(text, s)):
                continue  # spaces inside a clash run, or indentation
            out.replace(s, t, " " * (t - s), rule="odd-space")
        if not rare:
            return out
        for m in _ODD_POINT.finditer(text):
            out.replace(m.start(), m.end(), ".", rule="decimal-point")
            out.flag(m.start() - 1, m.end() + 1, "odd-decimal-point",
                     f"{m.group()!r} used as a decimal point, read as '.': check the number")
        for m in _ODD_PERCENT.finditer(text):
            out.replace(m.start(), m.end(), "%", rule="percent-sign")
            out.flag(m.start() - 1, m.end(), "odd-percent-sign",
                     f"{m.group()!r} used as a percent sign, read as '%'")
        return out

    return width


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
    """Whether only spaces and tabs stand between the line start and ``s``."""
    line_start = text.rfind("\n", 0, s) + 1
    return not text[line_start:s].strip(_HSPACE)


def _near_chinese(text: str, s: int, t: int, chinese: set[int]) -> bool:
    """Whether a hanzi or Chinese mark stands before ``s`` or after ``t`` (``_SKIP`` skipped).

    ``chinese`` holds positions that this step turns into Chinese marks.
    """
    while s > 0 and text[s - 1] in _SKIP:
        s -= 1
    n = len(text)
    while t < n and text[t] in _SKIP:
        t += 1
    if s > 0 and (s - 1 in chinese or _CHINESE.match(text, s - 1)):
        return True
    return t < n and (t in chinese or bool(_CHINESE.match(text, t)))


def _apply(text: str) -> str:
    """Apply the default width step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("width", _DEFAULT(text, Context()).edits)
    return doc.text


WIDTH = Step(
    "width",
    make_width,
    {"odd-decimal-point": "warning", "odd-percent-sign": "info", "doubled-punctuation": "warning"},
)

_DEFAULT = make_width(Config())
