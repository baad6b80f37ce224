"""Mojibake of text that is not Chinese (Latin, Cyrillic, Greek, Hebrew, Arabic, emoji): ftfy repairs it.

The ``mojibake`` step repairs Chinese itself (UTF-8 read as GBK, GBK read as
Latin-1 …), where ftfy does not help or makes it worse. Everything else is
ftfy's craft (``voilÃ`` is ``voilà``, ``РґРѕСЂРѕРіРµ`` is ``дороге``, ``í ½í¸``
is an emoji written as CESU-8, ``×‘×”×•×“×¢×”`` is Hebrew), so each line that
may hold such mojibake is given to ``ftfy.fix_text`` with its encoding fixes
only (its width, quote and punctuation fixes would turn ``，（）“”`` into ASCII;
C1 controls are left to the ``controls`` step). The repair is kept only when
it leaves the line's Chinese as it was (ftfy may not rewrite hanzi), and is
proposed as the smallest edits that turn the line into ftfy's (``difflib``).

The gate is an encode to GB2312 at C speed: its error handler sees only the
characters GB2312 lacks, and opens the gate on those typical of Western
mojibake (Latin-1 letters and signs other than pinyin's, Latin Extended, C1
controls, the Cyrillic letters outside Russian's 66, Hebrew, MacRoman's math
signs). Clean Chinese text pays that encode and nothing else
(``ftfy.badness.is_bad`` would cost 150 ns a character).
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ._decode import plausibility

if TYPE_CHECKING:
    import ftfy

__all__ = ["HINTS", "FtfyLine", "encoding_fixes", "ftfy_lines", "maybe_foreign_mojibake"]


@cache
def encoding_fixes(*, explain: bool, fix_c1_controls: bool) -> ftfy.TextFixerConfig:
    """ftfy's encoding fixes only, nothing typographic; ftfy (35 ms, with its codecs) is imported on first use.

    Line by line (here) ftfy explains its plan and leaves C1 controls to the controls step;
    the mojibake step's own repairs ask for no plan and let ftfy fix C1 inside a run.
    """
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        fix_c1_controls=fix_c1_controls,
        normalization=None,
        explain=explain,
    )

#: Characters Western mojibake is made of and GB2312 lacks (GB2312 has the pinyin
#: vowels, × ÷ ° ± § ¨ ¤, Greek, Russian Cyrillic and box drawing); not the Latin-1
#: signs Chinese reports use themselves (NBSP, · ² ³ µ ¥ © ®): those stand in
#: mojibake only beside a letter that opens the gate (Â², Ã·).
HINTS = frozenset(
    "".join(map(chr, range(0x80, 0x250)))  # C1, Latin-1, Latin Extended-A and -B
    + "".join(map(chr, range(0x400, 0x460)))  # Cyrillic (Russian's 66 letters are in GB2312)
    + "".join(map(chr, range(0x490, 0x4C0)))  # Ґ ґ and the other Cyrillic letters of cp1251
    + "".join(map(chr, range(0x5D0, 0x5EB)))  # Hebrew
    + "√◊∂∆∏∑≈≠≤≥ˆ˜¯˘˙˚¸˝˛ˇ‚„†‡‹›•ﬁﬂ"  # MacRoman and cp125x signs
) - frozenset("\xa0·²³¹µ¥©®¼½¾°±×÷§¨¤")


class _Found(Exception):
    """Raised by the probe: a character typical of Western mojibake."""


def _probe(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    if not HINTS.isdisjoint(exc.object[exc.start : exc.end]):
        raise _Found
    return "", exc.end


codecs.register_error("reportclean-ftfy-probe", _probe)


def maybe_foreign_mojibake(text: str) -> bool:
    """The gate: does ``text`` hold a character Western mojibake is made of?

    >>> maybe_foreign_mojibake("今年共走访群众120户，增长5%。"), maybe_foreign_mojibake("voilÃ  le travail")
    (False, True)
    """
    try:
        text.encode("gb2312", "reportclean-ftfy-probe")
    except _Found:
        return True
    return "√" in text  # UTF-8 read as MacRoman: √ü is ß, √≤ is ò (GB2312 has √, ü, ≤, ò)


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    HINT_RX: re.Pattern[str]
    CJK: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _HINT_RX = re.compile("[" + "".join(re.escape(c) for c in sorted(HINTS)) + "]")
    _CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
    return _Rx(_HINT_RX, _CJK)


_LINE = re.compile(r"[^\n]*\n?")


class FtfyLine(NamedTuple):
    """A line ftfy repaired: its span, its text, the edits (absolute offsets) and ftfy's plan."""

    start: int
    end: int
    text: str
    edits: list[tuple[int, int, str]]
    how: str


def ftfy_lines(text: str) -> Iterator[FtfyLine]:
    """The lines of ``text`` that ftfy repairs, with the smallest edits that make its repair.

    A repair that changes the line's Chinese (or makes hanzi that do not read as
    Chinese) is not kept.

    >>> [(x.start, x.end, x.edits, x.how) for x in ftfy_lines("一、概况\\nvoilÃ  le travail\\n")]
    [(5, 22, [(9, 11, 'à')], 'ftfy: encode latin-1, transcode restore_byte_a0, decode utf-8')]
    >>> list(ftfy_lines("“十三五”规划，Café，第一季度"))
    []
    """
    pos = 0
    while True:
        hint = _rx().HINT_RX.search(text, pos)
        if hint is None:
            return
        start = text.rfind("\n", 0, hint.start()) + 1
        end = text.find("\n", hint.start())
        end = len(text) if end < 0 else end
        pos = end + 1
        line = text[start:end]
        fixed, plan = _fix_and_explain(line)
        if fixed == line or not _keeps_chinese(line, fixed):
            continue
        how = "ftfy: " + ", ".join(f"{action} {arg}" for action, arg in plan or [])
        edits = [(start + a, start + b, rep) for a, b, rep in _diff(line, fixed)]
        yield FtfyLine(start, end, line, edits, how)


def _fix_and_explain(line: str) -> tuple[str, list[ftfy.ExplanationStep] | None]:
    import ftfy

    fixed, plan = ftfy.fix_and_explain(line, encoding_fixes(explain=True, fix_c1_controls=False))
    return fixed, plan


def _keeps_chinese(line: str, fixed: str) -> bool:
    """ftfy's repair leaves the line's Chinese as it was; hanzi it makes must read as Chinese."""
    before, after = _rx().CJK.findall(line), _rx().CJK.findall(fixed)
    if before == after:
        return True
    return not before and plausibility("".join(after)) >= 0.5


def _diff(a: str, b: str) -> list[tuple[int, int, str]]:
    """The smallest edits (start, end, replacement) of ``a`` that make ``b``.

    Long lines are compared by their common head and tail only (``SequenceMatcher``
    is quadratic at worst).
    """
    if len(a) > 4000:
        head = len(_common_prefix(a, b))
        tail = len(_common_prefix(a[head:][::-1], b[head:][::-1]))
        return [(head, len(a) - tail, b[head : len(b) - tail])]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans: list[list[int]] = []  # [i1, i2, j1, j2]; edits one character apart are one
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 1:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    out = []
    for i1, i2, j1, j2 in spans:
        if i1 == i2:  # an insertion: take the character before (or after) with it
            if i1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            else:
                i2, j2 = i2 + 1, j2 + 1
        out.append((i1, i2, b[j1:j2]))
    return out


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]
