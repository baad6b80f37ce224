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
and removing them would glue English words to Chinese ones.
"""

from __future__ import annotations

import re

from ._cjk import CJK_PUNCT, HAN
from ._config import Config
from ._edits import Context, Proposal, Step, StepFn

__all__ = ["SPACING", "spacing"]

_INDENT = re.compile(r"(?m)^(?:\*\*)?([ \t\u00a0\u3000]+)")
# Markdown bold marks (removed by the layout step) may stand between the space and its neighbour.
_HAN_NUMBER = re.compile(
    f"(?:(?<=[{HAN}])|(?<=[{HAN}]\\*\\*)) +(?=(?:\\*\\*)?[0-9])"
    f"|(?:(?<=[0-9%‰²³])|(?<=[0-9%‰²³]\\*\\*)) +(?=(?:\\*\\*)?[{HAN}])"
)
_NUMBER_UNIT = re.compile(
    f"(?m)(?:(?<=[{HAN}{CJK_PUNCT}])|(?<=[{HAN}{CJK_PUNCT}] )|^)[0-9]+(?:[.,][0-9]+)*( +)"
    r"[A-Za-z]{1,4}[²³]?(?=[^\x00-\x7f]|[ \t]*$)"
)
_PUNCT = re.compile(
    f"(?:(?<=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}]\\*\\*)) +(?=\\S)|(?<=\\S) +(?=(?:\\*\\*)?[{CJK_PUNCT}])"
)
_SPACED = re.compile(f"[{HAN}] (?=[{HAN}])")
_ADJACENT = re.compile(f"[{HAN}](?=[{HAN}])")
_SINGLE = re.compile(r"(?<=[^\sA-Za-z]) (?=[^\sA-Za-z])")
_QUICK = re.compile(r"^(?:\*\*)?[ \t\u00a0\u3000]| ", re.MULTILINE)
_MIN_SPACED = 20


def spacing(text: str, context: Context) -> Proposal:
    """Remove converter spaces around numbers and punctuation, and indentation.

    >>> _apply("　　柏泉街贫困户 144 户 192 人于 2017 年底全部脱贫，全长 13 KM。")
    '柏泉街贫困户144户192人于2017年底全部脱贫，全长13KM。'
    >>> _apply("共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。")
    '共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。'
    """
    out = Proposal()
    if not _QUICK.search(text):
        return out
    for m in _INDENT.finditer(text):
        out.replace(m.start(1), m.end(1), "", rule="indent")
    spaced = _SPACED.findall(text)
    if len(spaced) >= _MIN_SPACED and len(spaced) > 4 * len(_ADJACENT.findall(text)):
        first = _SINGLE.search(text)
        for m in _SINGLE.finditer(text):
            out.replace(m.start(), m.end(), "", rule="spaced-out")
        if first:
            line_end = text.find("\n", first.start())
            out.flag(first.start(), len(text) if line_end < 0 else line_end, "spaced-out-text",
                     "a space stood between every character (a scraping artefact); the spaces were removed")
        return out
    for m in _HAN_NUMBER.finditer(text):
        out.replace(m.start(), m.end(), "", rule="number-space")
    for m in _NUMBER_UNIT.finditer(text):
        out.replace(m.start(1), m.end(1), "", rule="number-space")
    for m in _PUNCT.finditer(text):
        out.replace(m.start(), m.end(), "", rule="punctuation-space")
    return out


def _apply(text: str) -> str:
    """Apply the spacing step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("spacing", spacing(text, Context()).edits)
    return doc.text


def _make(config: Config) -> StepFn:
    return spacing


SPACING = Step("spacing", _make, {"spaced-out-text": "warning"})
