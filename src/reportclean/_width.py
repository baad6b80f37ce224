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

# Full-width digits and letters, and full-width ．％＃ right after a digit.
_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+|(?<=[0-9０-９])(?:．(?=[0-9０-９])|[％＃])")
_TO_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
# Odd spaces; a run at the start of a line is indentation, left to the layout step.
_ODD_SPACE = re.compile(r"(?m)^[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+|[\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# An odd decimal point between digits (not 。 or ．: a full stop before a number is common).
_ODD_POINT = re.compile(r"(?<=[0-9])[·•∙⋅﹒](?=[0-9])")
_ODD_PERCENT = re.compile(r"(?<=[0-9Xx×])[﹪٪]")
_CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
_HAN = re.compile(f"[{HAN}]")
# A bracket pair on one line, not nested; converted when it holds hanzi or one side is full-width.
_PAIR = re.compile(r"[(（][^()（）\n]{0,80}[)）]")


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
    ascii_marks = re.compile("[" + re.escape("".join(sorted(to_full))) + "]")
    clash = re.compile("[" + re.escape("".join(sorted(strength))) + "]{2,}")
    quick = re.compile(
        r"[０-９Ａ-Ｚａ-ｚ．％＃\u00a0\u2000-\u200a\u202f\u205f\u3000·•∙⋅﹒﹪٪()（）]|"
        + ascii_marks.pattern
        + "|"
        + clash.pattern
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
        for m in _ALNUM.finditer(text):
            out.replace(m.start(), m.end(), m.group().translate(_TO_ASCII), rule="fullwidth-ascii")
        for m in _ODD_SPACE.finditer(text):
            if m.start() == 0 or text[m.start() - 1] == "\n":
                continue  # indentation
            out.replace(m.start(), m.end(), " " * (m.end() - m.start()), rule="odd-space")
        for m in _ODD_POINT.finditer(text):
            out.replace(m.start(), m.end(), ".", rule="decimal-point")
            out.flag(m.start() - 1, m.end() + 1, "odd-decimal-point",
                     f"{m.group()!r} used as a decimal point, read as '.': check the number")
        for m in _ODD_PERCENT.finditer(text):
            out.replace(m.start(), m.end(), "%", rule="percent-sign")
            out.flag(m.start() - 1, m.end(), "odd-percent-sign",
                     f"{m.group()!r} used as a percent sign, read as '%'")
        taken: set[int] = set()
        for m in clash.finditer(text):
            run = m.group()
            s, t = m.start(), m.end()
            if run.isascii() and not _near_chinese(text, s, t):
                continue  # '::' in code, ',,' between Latin words
            if run.count("。") == len(run):
                continue  # '。。。' is a makeshift ellipsis, not a clash
            keep = max(run, key=lambda c: strength[c])  # the strongest; the first of equals
            out.replace(s, t, to_full.get(keep, keep), rule="doubled-punctuation")
            out.flag(s, t, "doubled-punctuation", f"punctuation {run!r} reduced to {to_full.get(keep, keep)!r}")
            taken.update(range(s, t))
        for m in _PAIR.finditer(text):
            s, t = m.start(), m.end() - 1
            inner = text[s + 1 : t]
            if _HAN.search(inner) or text[s] == "（" or text[t] == "）":
                for i, mark in ((s, "（"), (t, "）")):
                    if text[i] != mark:
                        out.replace(i, i + 1, mark, rule="fullwidth-punctuation")
        for m in ascii_marks.finditer(text):
            i = m.start()
            if i in taken or not _near_chinese(text, i, i + 1):
                continue
            out.replace(i, i + 1, to_full[m.group()], rule="fullwidth-punctuation")
        return out

    return width


def _near_chinese(text: str, s: int, t: int) -> bool:
    """Whether a hanzi or Chinese mark stands right before ``s`` or right after ``t``."""
    return bool((s > 0 and _CHINESE.match(text, s - 1)) or _CHINESE.match(text, t))


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
