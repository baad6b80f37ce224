"""Whole-line removals of the boilerplate step: page numbers, running headers, and how lines go.

Page numbers (``- 3 -``, ``第 3 页 共 10 页``, ``第2页 / 共28页``) always go; ``3/10`` and lone
numbers only in page-number context (several of them, increasing, far apart). Short lines
repeated at least three times, each next to a page number, are running headers; their first
occurrence is kept when it is the title. :func:`emit` proposes the removal of whole lines,
taking blank lines along so that none pile up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import accumulate, pairwise
from typing import NamedTuple

from ._bptext import HEADING, TERMINATORS
from ._edits import Proposal

__all__ = [
    "Lines",
    "emit",
    "encoded_tail",
    "is_blank",
    "page_numbers",
    "page_pattern",
    "repeated_lines",
    "running_headers",
]

_HEADING = HEADING
_TERMINATORS = TERMINATORS

_D = "[0-9０-９]"
_S = "[ \\t\\u3000]{0,3}"
_DASH = "[-－—–~～]{1,2}"
_END = "[ \\t\\u3000]*(?=\\n|\\Z)"


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    PAGE: re.Pattern[str]
    PAGE_OF: re.Pattern[str]
    LONE: re.Pattern[str]


@cache
def _rx() -> _Rx:
    # Page numbers only in context: 3/10 and a lone number.
    _PAGE_OF = re.compile(rf"\n({_S}({_D}{{1,4}}){_S}[/／]{_S}({_D}{{1,4}}){_END})")
    _LONE = re.compile(rf"\n({_S}({_D}{{1,4}}){_END})")
    # Each matches a whole line after its newline; run on "\n" + text (fast: re looks for "\n" first).
    # Unmistakable page numbers: - 3 -, 第3页, 第 3 页 共 10 页, 第2页 / 共28页, 共10页 第3页, Page 3 of 10.
    _PAGE = re.compile(
        rf"\n({_S}(?:{_DASH}{_S}{_D}{{1,4}}{_S}{_DASH}"
        rf"|第{_S}{_D}{{1,4}}{_S}页(?:{_S}[,，/／|]?{_S}共{_S}{_D}{{1,4}}{_S}页)?"
        rf"|共{_S}{_D}{{1,4}}{_S}页{_S}[,，/／|]?{_S}第{_S}{_D}{{1,4}}{_S}页"
        rf"|[pP][aA][gG][eE]{_S}{_D}{{1,4}}(?:{_S}(?:of|OF|/){_S}{_D}{{1,4}})?){_END})"
    )
    return _Rx(_PAGE, _PAGE_OF, _LONE)


def page_pattern() -> re.Pattern[str]:
    """Unmistakable page numbers, each a whole line after its newline (run on ``"\\n" + text``)."""
    return _rx().PAGE


def _whole_lines(regex: re.Pattern[str], led: str) -> Iterable[tuple[int, int, re.Match[str]]]:
    """Lines matched by a ``\\n``-led regex: (start, end, match) in ``text``, given ``led = "\\n" + text``."""
    for m in regex.finditer(led):
        yield m.start(1) - 1, m.end(1) - 1, m


def is_blank(s: str) -> bool:
    return not s.strip()


class Lines:
    """Whole lines to remove: start -> (end, rule, reason); the first rule wins."""

    def __init__(self) -> None:
        self.lines: dict[int, tuple[int, str, str]] = {}

    def add(self, start: int, end: int, rule: str, reason: str) -> None:
        self.lines.setdefault(start, (end, rule, reason))


def page_numbers(text: str, found: Lines) -> int:
    """Remove page-number lines; return how many there were."""
    count = 0
    led = "\n" + text
    for s, e, _ in _whole_lines(_rx().PAGE, led):
        found.add(s, e, "page-number", "page number left by a PDF or Word conversion")
        count += 1
    by_total: dict[int, list[tuple[int, int, int]]] = {}
    for s, e, m in _whole_lines(_rx().PAGE_OF, led) if "/" in text or "／" in text else ():
        a, b = int(m.group(2)), int(m.group(3))
        if 1 <= a <= b:
            by_total.setdefault(b, []).append((a, s, e))
    for group in by_total.values():
        if len({a for a, _, _ in group}) >= 2:
            for _, s, e in group:
                found.add(s, e, "page-number", "page number 'n/total' repeated with the same total")
                count += 1
    lone = [(int(m.group(2)), s, e) for s, e, m in _whole_lines(_rx().LONE, led)]
    if len(lone) >= 3 and all(
        0 < b[0] - a[0] <= 2 and text.count("\n", a[2], b[1]) >= 3 for a, b in pairwise(lone)
    ):
        for _, s, e in lone:
            found.add(s, e, "page-number", "lone number in an increasing sequence of page numbers")
            count += 1
    return count


def running_headers(text: str, found: Lines) -> None:
    """Remove short non-sentence lines repeated at least three times next to page numbers.

    An occurrence goes when a page-number line is within two non-blank lines of
    it; the first occurrence stays when it is among the first three lines (the title).
    """
    lines = text.split("\n")
    counts = Counter(x.strip() for x in lines)
    repeated = {
        x
        for x, n in counts.items()
        if n >= 3 and 4 <= len(x) <= 40 and not any(c in x for c in _TERMINATORS + ":：") and not _HEADING.match(x)
    }
    if not repeated:
        return
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    page = {k for k, i in enumerate(nonblank) if found.lines.get(starts[i], (0, ""))[1] == "page-number"}
    seen: set[str] = set()
    for k, i in enumerate(nonblank):
        key = lines[i].strip()
        if key not in repeated:
            continue
        near = any(j in page for j in range(k - 2, k + 3))
        if near and (key in seen or k >= 3):
            reason = "running header or footer repeated next to page numbers"
            found.add(starts[i], starts[i] + len(lines[i]), "running-header", reason)
        seen.add(key)


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_PCT = re.compile(r"%[0-9A-Fa-f]{2}")
_URLISH = re.compile(r"[\w%.~+\-/=&?:#;,]+", re.ASCII)
_TOKEN = re.compile(r"[A-Za-z0-9+/=_\-]{24,}")
_KEY = re.compile(r"[\w.\-]+=", re.ASCII)  # a query string's key (tracking parameters)
_SCRIPT = re.compile(
    r"function\s*\(|\bvar\s+\w+\s*=|document\.(?:write|getElementById|cookie)|window\.\w+|</?script|\$\(\s*['\"]"
)
_END_MARKS = "。！？!?；;：:”」』）)…"


def _is_encoded(line: str) -> bool:
    """An encoded or script line: no hanzi, and URL-encoded, a long base64/hex-like token, or script.

    >>> _is_encoded("%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C"), _is_encoded("a1B2c3D4e5F6g7H8i9J0k1L2m3")
    (True, True)
    >>> _is_encoded("http://www.example.gov.cn/zwgk/2023/01/t20230101_123456.html"), _is_encoded("2023年工作总结")
    (False, False)
    >>> _is_encoded("?utm_source=wx&utm_medium=share&utm_campaign=a1")
    True
    """
    s = line.strip()
    if len(s) < 16 or _HAN.search(s):
        return False
    if len(_PCT.findall(s)) >= 3 and _URLISH.fullmatch(s):
        return True
    if _TOKEN.fullmatch(s) and any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
        return True
    if s.count("&") >= 2 and _URLISH.fullmatch(s):
        # a tracking query string, utm_source=x&utm_medium=y&utm_campaign=z (split, not one regex:
        # a pattern of key=value pairs backtracks on a long line of '=')
        pairs = s.rsplit("?", 1)[-1].split("&")
        if sum(1 for p in pairs if _KEY.match(p)) >= 3:
            return True
    return _SCRIPT.search(s) is not None


def encoded_tail(text: str, found: Lines) -> None:
    """Encoded runs at the end of a page (URL-encoded, base64 or hex tokens, tracking or script
    remnants) go: lines without hanzi, from the last line up, while each is such a run (lines
    other rules remove already are passed over)."""
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and start not in found.lines:
            if not _is_encoded(line):
                return
            found.add(start, end, "encoded-tail", "encoded or script remnant at the end of the page")
        end = start - 1


def _cut_off(line: str) -> bool:
    """A line of prose that stops in mid-sentence (a page broke it): 10 characters or more,
    hanzi in it, ending in a hanzi, a digit or a comma."""
    s = line.strip()
    return len(s) >= 10 and _HAN.search(s) is not None and (_HAN.match(s[-1]) is not None or s[-1] in "，,、0123456789")


def repeated_lines(text: str, found: Lines) -> None:
    """A short line repeated at least three times that breaks into the middle of sentences is a
    running header or footer of a PDF conversion (the document's or a chapter's name), with or
    without a page number: its repeats go, the first occurrence stays when it opens the text.

    At least two of its occurrences must stand between an unfinished line (no 。！？；： at its
    end) and the next: a heading repeated between sections (after a finished paragraph) stays.
    A page breaks a sentence only after a full line: the unfinished line must reach the text's
    own wrap width (at least 0.8 of its 90th-percentile line length, itself at least 20
    characters), and the repeated line is shorter than that (a full line is prose). In a
    conversion that puts one short fragment per line every line looks unfinished, and a name
    repeated there is content.
    """
    lines = text.split("\n")
    counts = Counter(map(str.strip, lines))
    repeated = {
        x
        for x, n in counts.items()
        if n >= 3
        and 4 <= len(x) <= 40
        and not any(c in x for c in _TERMINATORS + ":：|")
        and not _HEADING.match(x)
    }
    if not repeated:
        return  # (most texts: the wrap width is measured only when a candidate repeats)
    widths = sorted(len(x) for x, n in counts.items() if x for _ in range(n))
    wrap = widths[len(widths) * 9 // 10]
    repeated = {x for x in repeated if len(x) * 5 < wrap * 4}
    if wrap < 20 or not repeated:
        return
    starts = [0, *accumulate(map((1).__add__, map(len, lines)))][:-1]
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    where: dict[str, list[int]] = {}
    for k, i in enumerate(nonblank):
        key = lines[i].strip()
        if key in repeated:
            where.setdefault(key, []).append(k)
    for ks in where.values():
        if any(b - a < 4 for a, b in pairwise(ks)):
            continue  # a page holds more than three lines: repeats closer than that are no page furniture
        breaking = [
            k
            for k in ks
            if 0 < k < len(nonblank) - 1
            and _cut_off(lines[nonblank[k - 1]])
            and len(lines[nonblank[k - 1]].strip()) * 5 >= wrap * 4
        ]
        if len(breaking) < 2:
            continue
        for k in ks:
            if k == ks[0] and k < 3:
                continue  # the title
            i = nonblank[k]
            reason = "line repeated in the middle of sentences (a running header)"
            found.add(starts[i], starts[i] + len(lines[i]), "running-header", reason)


def emit(text: str, found: Lines, out: Proposal) -> None:
    """Propose the whole-line removals, taking blank lines along so none pile up."""
    n = len(text)
    starts = sorted(found.lines)
    i = 0
    while i < len(starts):
        # a run: removed lines separated by blank lines only
        j = i
        while j + 1 < len(starts):
            e = found.lines[starts[j]][0]
            if not is_blank(text[e : starts[j + 1]]):
                break
            j += 1
        first, last = starts[i], starts[j]
        # blank lines before and after the run
        before = first
        while before > 0:
            p = text.rfind("\n", 0, before - 1) + 1
            if not is_blank(text[p : before - 1]):
                break
            before = p
        after = found.lines[last][0]
        while after < n:
            q = text.find("\n", after + 1)
            q = n if q < 0 else q
            if not is_blank(text[after:q]):
                break
            after = q
        at_end = after >= n
        spans: list[tuple[int, int, str, str]] = []
        for k in range(i, j + 1):
            s = starts[k]
            e, rule, reason = found.lines[s]
            spans.append((s, starts[k + 1] if k < j else min(e + 1, n), rule, reason))
        if at_end:
            # nothing follows: take the newline of the last kept line and every blank line
            spans[0] = (before - 1 if before > 0 else 0, *spans[0][1:])
            spans[-1] = (spans[-1][0], n, *spans[-1][2:])
        elif before < first or first == 0:
            # blank lines before (or the top of the text): the blank lines after go too
            spans[-1] = (spans[-1][0], after + 1, *spans[-1][2:])
        for s, e, rule, reason in spans:
            out.remove(s, e, rule, reason)
        i = j + 1
