"""The first steps: NFC, invisible characters, newlines, trailing whitespace.

Each step is a pure function ``(text, context) -> Proposal`` with a doctest.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from ._edits import Context, Proposal, Step

__all__ = ["CONTROLS", "NEWLINES", "NFC", "WHITESPACE", "controls", "newlines", "nfc", "whitespace"]


# -- nfc ---------------------------------------------------------------------------


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    CLUSTER_TAIL: re.Pattern[str]
    ANY: re.Pattern[str]
    TRAILING: re.Pattern[str]


@cache
def _rx() -> _Rx:
    # A cluster is a starter followed by characters that NFC may fold into it.
    # Hand-written: unicodedata normalises whole strings but gives no offsets.
    _CLUSTER_TAIL = re.compile(r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
                               r"\u0900-\u0dff\u1161-\u11c2\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
                               r"\u302a-\u302f\u3099\u309a\ufe20-\ufe2f]")
    # Any of the three, one character: one pass (faster than each alone) tells most texts need nothing.
    _ANY = re.compile(_INVISIBLE.pattern[:-2] + "\x0b\x0c\x80-\x9f]")
    # The lookbehind makes a match start only where a run of spaces starts: without
    # it, `[ ]+$` is retried at every offset of a long run and is quadratic. It is
    # `(?<![ ])[ ]+$` written to start with the class: the regex engine then skips to a
    # space at C speed instead of trying a match at every offset.
    _TRAILING = re.compile(r"[ \t\u00a0\u3000](?<![ \t\u00a0\u3000]{2})[ \t\u00a0\u3000]*$", re.MULTILINE)
    return _Rx(_CLUSTER_TAIL, _ANY, _TRAILING)


def nfc(text: str, context: Context) -> Proposal:
    """Compose text to Unicode NFC, one edit per changed character cluster.

    CJK compatibility ideographs (U+F900–U+FAFF) become the unified ones.

    >>> [(e.start, e.end, e.replacement) for e in nfc("Cafe\\u0301 十三五", Context()).edits]
    [(3, 5, 'é')]
    >>> nfc("“十三五”规划，第一季度", Context()).edits
    []
    """
    out = Proposal()
    if unicodedata.is_normalized("NFC", text):
        return out
    pos = 0
    for line in text.splitlines(keepends=True):
        if not unicodedata.is_normalized("NFC", line):
            _nfc_line(line, pos, out)
        pos += len(line)
    return out


def _nfc_line(line: str, offset: int, out: Proposal) -> None:
    edits = []
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(line[j]) or _rx().CLUSTER_TAIL.match(line[j])):
            j += 1
        cluster = line[i:j]
        fixed = unicodedata.normalize("NFC", cluster)
        if fixed != cluster:
            edits.append((i, j, fixed))
        i = j
    # If cluster-wise NFC differs from whole-line NFC (rare scripts), rewrite the line.
    rebuilt, pos = [], 0
    for s, t, r in edits:
        rebuilt.append(line[pos:s])
        rebuilt.append(r)
        pos = t
    rebuilt.append(line[pos:])
    whole = unicodedata.normalize("NFC", line)
    if "".join(rebuilt) != whole:
        out.replace(offset, offset + n, whole, rule="nfc")
        return
    for s, t, r in edits:
        out.replace(offset + s, offset + t, r, rule="nfc")


def _needs_nfc(text: str) -> bool:
    """The gate of the nfc step: False when the text is NFC already (C speed).

    >>> _needs_nfc("Cafe\\u0301"), _needs_nfc("十三五")
    (True, False)
    """
    return not unicodedata.is_normalized("NFC", text)


NFC = Step("nfc", lambda config: nfc, rules=("nfc",), gate=_needs_nfc)


# -- controls ----------------------------------------------------------------------

_FORMFEED = re.compile(r"[\x0b\x0c]+")
#: C1 controls that stand for cp1252 characters (“ ” ‘ ’ „ … – — € ™ …): the bytes
#: 0x80-0x9F of a cp1252 file decoded as Latin-1. Browsers and ftfy read them so.
_C1_CP1252 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1 = re.compile("[" + "".join(sorted(_C1_CP1252)) + "]+")
# C0/C1 controls except \t \n \r (handled by the newlines step), and format (Cf)
# characters that are invisible in running text: soft hyphen, zero-width
# space/joiners, bidi controls, word joiner, BOM, interlinear annotation, tags.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]+"
)


def controls(text: str, context: Context) -> Proposal:
    """Remove zero-width and control characters; page breaks become newlines.

    Tab and newline are kept. Each run removed is a ``Removal``. C1 controls that
    are cp1252 characters read as Latin-1 become those characters (``\\x93`` is ``“``).

    >>> p = controls("十三\\u200b五\\x0c规划\\t一", Context())
    >>> [(e.start, e.end, e.replacement, e.rule) for e in p.edits]
    [(2, 3, '', 'zero-width-char'), (4, 5, '\\n', 'page-break')]
    >>> [(e.start, e.end, e.replacement, e.rule) for e in controls("\\x84Ja\\x93, sagte er\\x85", Context()).edits]
    [(0, 1, '„', 'c1-cp1252'), (3, 4, '“', 'c1-cp1252'), (14, 15, '…', 'c1-cp1252')]
    >>> controls("第一季度，增长\\t5%\\n", Context()).edits
    []
    """
    out = Proposal()
    if not _rx().ANY.search(text):
        return out
    for m in _INVISIBLE.finditer(text):
        run = m.group()
        if all(c in "\u200b\u200c\u200d\u2060\ufeff" for c in run):
            out.remove(m.start(), m.end(), "zero-width-char", "zero-width character, invisible in the text")
        else:
            out.remove(m.start(), m.end(), "control-char", "control or format character, invisible in the text")
    for m in _FORMFEED.finditer(text):
        out.replace(m.start(), m.end(), "\n" * (m.end() - m.start()), rule="page-break")
    for m in _C1.finditer(text):
        out.replace(m.start(), m.end(), "".join(_C1_CP1252[c] for c in m.group()), rule="c1-cp1252")
    return out


def _has_controls(text: str) -> bool:
    """The gate of the controls step: one scan for any character it may remove or replace.

    >>> _has_controls("十三\\u200b五"), _has_controls("第一季度，增长\\t5%\\n")
    (True, False)
    """
    return _rx().ANY.search(text) is not None


CONTROLS = Step(
    "controls",
    lambda config: controls,
    rules=("zero-width-char", "control-char", "page-break", "c1-cp1252"),
    gate=_has_controls,
)


# -- newlines ----------------------------------------------------------------------

_NEWLINE = re.compile("\r\n?|[\u2028\u2029]")
# Runs of line breaks (with the LFs between them) make one edit each, so a file of
# a million CRs costs one edit, not a million.
_NEWLINE_RUN = re.compile("(?:\r\n?|[\u2028\u2029])(?:[\r\n\u2028\u2029])*")


def newlines(text: str, context: Context) -> Proposal:
    """CRLF, CR, LINE SEPARATOR and PARAGRAPH SEPARATOR become LF.

    >>> [(e.start, e.end) for e in newlines("一是\\r\\n二是\\r三是\\n", Context()).edits]
    [(2, 4), (6, 7)]
    >>> [(e.start, e.end, e.replacement) for e in newlines("甲\\r\\r\\n乙", Context()).edits]
    [(1, 4, '\\n\\n')]
    >>> newlines("一是\\n二是\\n", Context()).edits
    []
    """
    out = Proposal()
    if not _has_breaks(text):
        return out
    for m in _NEWLINE_RUN.finditer(text):
        out.replace(m.start(), m.end(), _NEWLINE.sub("\n", m.group()), rule="newline")
    return out


def _has_breaks(text: str) -> bool:
    """The gate of the newlines step: a line break other than LF (three substring searches).

    >>> _has_breaks("一是\\r\\n二是"), _has_breaks("一是\\n二是")
    (True, False)
    """
    return "\r" in text or "\u2028" in text or "\u2029" in text


NEWLINES = Step("newlines", lambda config: newlines, rules=("newline",), gate=_has_breaks)


# -- whitespace --------------------------------------------------------------------

# It can match only before a line break (the text's own end is stripped first): when
# no space stands before one, four substring searches spare the regex pass.
_TRAILING_HINTS = (" \n", "\t\n", "\u00a0\n", "\u3000\n")


def whitespace(text: str, context: Context) -> Proposal:
    """Remove trailing spaces on lines and blank lines at the start and end.

    >>> p = whitespace("\\n\\n标题  \\n正文。\\n\\n", Context())
    >>> [(e.start, e.end) for e in p.edits]
    [(0, 2), (4, 6), (10, 12)]
    >>> whitespace("标题\\n\\n　　正文。", Context()).edits
    []
    """
    out = Proposal()
    # str.strip rather than a regex: `\s+\Z` retried at every offset is quadratic
    first = len(text) - len(text.lstrip())
    # keep the indentation of the first line, drop the blank lines before it
    lead_end = text.rfind("\n", 0, first) + 1
    if lead_end:
        out.replace(0, lead_end, "", rule="blank-lines")
    tail = max(len(text.rstrip()), lead_end)
    if any(h in text for h in _TRAILING_HINTS):
        for m in _rx().TRAILING.finditer(text, lead_end, tail):
            out.replace(m.start(), m.end(), "", rule="trailing-space")
    if tail < len(text):
        out.replace(tail, len(text), "", rule="blank-lines")
    return out


WHITESPACE = Step("whitespace", lambda config: whitespace, rules=("trailing-space", "blank-lines"))
