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
from ._edits import Context, Proposal, Step, StepFn, match_edits

__all__ = ["SPACING", "spacing"]

# Indentation: after a line break (a literal first, for speed), or at the very start.
_INDENT = re.compile(r"(?:\*\*)?([ \t\u00a0\u3000]+)")
_INDENT_AFTER_BREAK = re.compile(r"\n(?:\*\*)?([ \t\u00a0\u3000]+)")
# Each pattern starts with a literal space, so the regex engine skips to the next
# space at C speed; lookbehinds then check the character before the run.
# Markdown bold marks (removed by the layout step) may stand between the space and its neighbour.
_HAN_NUMBER = re.compile(
    f" (?:(?:(?<=[{HAN}] )|(?<=[{HAN}]\\*\\* )) *(?=(?:\\*\\*)?[0-9])"
    f"|(?:(?<=[0-9%‰²³] )|(?<=[0-9%‰²³]\\*\\* )) *(?=(?:\\*\\*)?[{HAN}]))"
)
_CHINESE = re.compile(f"[{HAN}{CJK_PUNCT}]")
# Spaces around the middle dot are kept: removing them could make '1 ·5' a decimal.
_MARK = CJK_PUNCT.replace("\u00b7", "")
# A space between a number and a short Latin unit that ends the token (before a hanzi, a
# Chinese mark, maybe after spaces that _PUNCT removes, or the line end); the number's left
# side is checked in Python (a hanzi or Chinese mark, or the line start).
_NUMBER_UNIT = re.compile(f"(?m) (?<=[0-9] ) *(?=[A-Za-z]{{1,4}}[²³]?(?:[^\\x00-\\x7f]| +[{_MARK}]|[ \\t]*$))")
# (not after a Markdown `#`: the layout step needs `# （一）` as it is)
_PUNCT = re.compile(f" (?:(?:(?<=[{_MARK}] )|(?<=[{_MARK}]\\*\\* )) *(?=\\S)|(?<=[^\\s#] ) *(?=(?:\\*\\*)?[{_MARK}]))")
_SPACED = re.compile(f" (?<=[{HAN}] )(?=[{HAN}])")
_ADJACENT = re.compile(f"[{HAN}](?=[{HAN}])")
_SINGLE = re.compile(r" (?<=[^\sA-Za-z] )(?=[^\sA-Za-z])")
_MIN_SPACED = 20


def spacing(text: str, context: Context) -> Proposal:
    """Remove converter spaces around numbers and punctuation, and indentation.

    >>> _apply("　　柏泉街贫困户 144 户 192 人于 2017 年底全部脱贫，全长 13 KM。")
    '柏泉街贫困户144户192人于2017年底全部脱贫，全长13KM。'
    >>> _apply("共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。")
    '共开展党委中心组学习 次，思想 and 党的“十三五”，第一季度。'
    """
    out = Proposal()
    if " " not in text and "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
        return out
    first = _INDENT.match(text)
    indents = list(_INDENT_AFTER_BREAK.finditer(text))
    out.edits.extend(match_edits([first, *indents] if first else indents, "indent", group=1))
    if _spaced_out(text):
        first = _SINGLE.search(text)
        for m in _SINGLE.finditer(text):
            out.replace(m.start(), m.end(), "", rule="spaced-out")
        if first:
            line_end = text.find("\n", first.start())
            out.flag(first.start(), len(text) if line_end < 0 else line_end, "spaced-out-text",
                     "a space stood between every character (a scraping artefact); the spaces were removed")
        return out
    # The commonest edit of all (one per number in converted text).
    out.edits.extend(match_edits(list(_HAN_NUMBER.finditer(text)), "number-space"))
    for m in _NUMBER_UNIT.finditer(text):
        if _number_in_chinese(text, m.start()):
            out.replace(m.start(), m.end(), "", rule="number-space")
    out.edits.extend(match_edits(list(_PUNCT.finditer(text)), "punctuation-space"))
    return out


def _spaced_out(text: str) -> bool:
    """Whether most hanzi are followed by a single space and another hanzi."""
    spaced = len(_SPACED.findall(text))
    if spaced < _MIN_SPACED:
        return False
    adjacent = 0
    for _ in _ADJACENT.finditer(text):  # stop as soon as the answer is known
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
    return i < 0 or text[i] == "\n" or bool(_CHINESE.match(text, i))


def _apply(text: str) -> str:
    """Apply the spacing step to ``text`` (for the doctests)."""
    from ._document import Document

    doc = Document(text)
    doc.apply("spacing", spacing(text, Context()).edits)
    return doc.text


def _make(config: Config) -> StepFn:
    return spacing


SPACING = Step("spacing", _make, {"spaced-out-text": "warning"})
