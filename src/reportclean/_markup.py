r"""Converter markup and pinyin glosses: rules of the boilerplate step of their own.

- ``bbcode``: forum BBCode tags (``[align=center]``, ``[size=3]``, ``[b]…[/b]``); only in a
  text that closes a tag it also opens, so ``[1]`` or a lone ``[b]`` stays.
- ``html-tag``: HTML tags a converter left (``</p>``, ``<br>``, ``<span style=…>``); only in
  a text holding a closing tag or at least two tags.
- ``anti-scrape``: forum anti-scrape junk, runs of short ASCII tokens sown between hanzi
  (``8 ^% E# K1``), when a text holds at least two of them, each with two tokens holding a
  sign (``^ % # $ & * @ ~ ! [ ] / = + | \``);
- ``paragraph-mark``: a paragraph sign a document site's converter left between sentences (``¶``,
  or ``Р``, the Cyrillic letter a wrong code page made of it), in a text holding three or more:
  each becomes a line break;
- ``pinyin-gloss``: a syllable in brackets after each hanzi, which some sites insert
  (``社區(qū)``, ``戶(hu)(hu)``); only in a text with at least ``min`` of them that make up
  most of its bracketed Latin after hanzi, so ``表(a)`` in a list stays.

The text between tags is kept; the step judges lines on the text without the markup.
Written by hand: the patterns are short and bounded (no backtracking), and no library
strips BBCode or pinyin glosses.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from ._lexicon import package_lexicon

__all__ = ["markup"]


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    BBCODE: re.Pattern[str]
    HTML: re.Pattern[str]
    ANY_TAG: re.Pattern[str]
    CJK: re.Pattern[str]
    GLOSS: tuple[re.Pattern[str], ...]
    LATIN_AFTER_HAN: re.Pattern[str]


@cache
def _rx() -> _Rx:
    _BBCODE = re.compile(
        r"\[(/?)(align|b|backcolor|center|code|color|email|float|font|hide|i|img|indent|left|list|media|p|quote"
        r"|right|s|size|strike|sub|sup|table|td|tr|u|url)(?:=[^\[\]\n]{0,80})?\]",
        re.IGNORECASE,
    )
    _HTML = re.compile(
        r"<(/?)(a|article|b|big|blockquote|br|center|div|em|font|h[1-6]|hr|i|img|label|li|o:p|ol|p|pre|section"
        r"|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^<>\n]{0,300})?\s*/?>",
        re.IGNORECASE,
    )
    # Any tag name: spam pages hide text behind random elements (<dl id="x"></dl>, <rp>, <meter>)
    _ANY_TAG = re.compile(r"<(/?)([a-z][a-z0-9]{0,9}(?::[a-z]{1,5})?)(?:\s[^<>\n]{0,300})?\s*/?>", re.IGNORECASE)
    # Forum anti-scrape junk: 3 to 7 space-separated tokens of one or two ASCII characters between
    # hanzi (``8 ^% E# K1``); counted only when two tokens hold a sign no report writes there
    _CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
    # one regex per bracket: re finds a literal lead at C speed, a class lead ([(（]) ~15x slower
    _GLOSS = tuple(
        re.compile(rf"{b}(?<=[\u3400-\u9fff\uf900-\ufaff)）]{b})([a-zA-Z\u00c0-\u01dc\u0300-\u036f]{{1,8}})[)）]")
        for b in (r"\(", "（")
    )
    _LATIN_AFTER_HAN = re.compile(rf"[(（](?<={_HAN_BEFORE}[(（])[a-zA-Z\u00c0-\u01dc]{{1,8}}[)）]")
    return _Rx(
        _BBCODE,
        _HTML,
        _ANY_TAG,
        _CJK,
        _GLOSS,
        _LATIN_AFTER_HAN,
    )


# CMS pagination markers, never content
_PAGINATION = re.compile(r"\[(?:nextpage|page_break|pagebreak)\]", re.IGNORECASE)
# What a line may hold besides its markup and still go whole: a list number at most
_LEFTOVER = re.compile(r"\s*(?:\d{1,3}\s*[.、)）]?)?\s*")
_JUNK = re.compile(r"[!-~]{1,2}(?: [!-~]{1,2}){2,6}")  # context checked after
# The first space of every _JUNK run, led by a literal (re skips to a space at C speed; the class
# lead of _JUNK tests every character): _junk_runs tries _JUNK only just before these.
_JUNK_PROBE = re.compile(r" (?=[!-~]{1,2} [!-~])")


def _junk_runs(text: str) -> list[re.Match[str]]:
    """What ``_JUNK.finditer(text)`` gives, found from the runs' first spaces.

    A run starts one or two characters before its first space (its first token); the leftmost
    start after the previous run wins, as in ``finditer`` (checked equal on 600,000 random texts
    of those characters; ~15x faster on a text with few spaces).

    >>> t = "中文 8 ^% E# K1 中文 a b c"
    >>> [m.group() for m in _junk_runs(t)] == [m.group() for m in _JUNK.finditer(t)] == ["8 ^% E# K1", "a b c"]
    True
    """
    out: list[re.Match[str]] = []
    reach = 0
    for probe in _JUNK_PROBE.finditer(text):
        q = probe.start()
        for p in (q - 2, q - 1):
            if p >= reach and p >= 0 and (m := _JUNK.match(text, p)):
                out.append(m)
                reach = m.end()
                break
    return out
_JUNK_SIGN = re.compile(r"[\^%#$&*@~!\[\]/=+|\\]")
# the bracket first, then what stands before it: re skips to a bracket at C speed
_HAN_BEFORE = "[\u3400-\u9fff\uf900-\ufaff]"


def _junk_span(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a junk run with the spaces around it, if it stands between Chinese text."""
    s, e = m.span()
    if sum(bool(_JUNK_SIGN.search(t)) for t in m.group().split()) < 2:
        return None
    a = s - 1 if s and text[s - 1] == " " else s
    b = e + 1 if text[e : e + 1] == " " else e
    if a and b < len(text) and _rx().CJK.match(text, a - 1) and _rx().CJK.match(text, b):
        return a, b
    return None


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(row[0] for row in package_lexicon("pinyin_syllables.tsv").rows)


def _toneless(s: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return base.lower().replace("ü", "v")


#: start, end, rule, reason, replacement ("" or a line break for a block tag between text)
Span = tuple[int, int, str, str, str]

_BLOCK = re.compile(
    r"\[/(?:align|center|indent|left|list|p|quote|right|table|tr)\]|<(?:br|hr)\b|</(?:div|h[1-6]|li|p|section|table|tr)>",
    re.IGNORECASE,
)


def _runs(text: str, spans: list[tuple[int, int]], rule: str, reason: str) -> list[Span]:
    """Adjacent spans merged into one edit each; a run holding a block tag between text breaks the line."""
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and merged[-1][1] == s:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out: list[Span] = []
    for s, e in merged:
        line_end = text.find("\n", e)
        before = text[text.rfind("\n", 0, s) + 1 : s]
        after = text[e : len(text) if line_end < 0 else line_end]
        brk = "\n" if before.strip() and after.strip() and _BLOCK.search(text, s, e) else ""
        out.append((s, e, rule, reason + (", a line break in its place" if brk else ""), brk))
    return out


def markup(text: str, min_glosses: int = 5) -> list[Span]:
    """Spans of converter markup and pinyin glosses to remove, sorted, not overlapping.

    >>> t = "[align=center][b]2022年工作总结[/b][/align][align=left]正文。[/align]"
    >>> [(t[s:e], rule, new) for s, e, rule, _, new in markup(t)]
    [('[align=center][b]', 'bbcode', ''), ('[/b][/align][align=left]', 'bbcode', '\\n'), ('[/align]', 'bbcode', '')]
    >>> t = "社區(qū)發(fā)展協(xié)會(huì)成立(lì)"
    >>> [t[s:e] for s, e, _, _, _ in markup(t)]
    ['(qū)', '(fā)', '(xié)', '(huì)', '(lì)']
    >>> markup("见附件[1]，详见表(a)。<b>")
    []
    """
    spans: list[Span] = []
    if "[/" in text:
        tags = list(_rx().BBCODE.finditer(text))
        opened = {m.group(2).lower() for m in tags if not m.group(1)}
        if any(m.group(1) and m.group(2).lower() in opened for m in tags):
            spans += _runs(text, [m.span() for m in tags], "bbcode", "forum BBCode tag left by a converter")
    if "[" in text:
        spans += _runs(text, [m.span() for m in _PAGINATION.finditer(text)], "bbcode", "pagination marker of a CMS")
    if "<" in text:
        tags = list(_rx().ANY_TAG.finditer(text))
        opened = {m.group(2).lower() for m in tags if not m.group(1)}
        if sum(1 for m in tags if m.group(1) and m.group(2).lower() in opened) < 2:
            tags = list(_rx().HTML.finditer(text))  # few pairs: known HTML elements only
        if len(tags) >= 2 or any(m.group(1) for m in tags):
            spans += _runs(text, [m.span() for m in tags], "html-tag", "HTML tag left by a converter")
    if "(" in text or "（" in text:
        found = [m for gloss in _rx().GLOSS for m in gloss.finditer(text)]
        found.sort(key=lambda m: m.start())  # matches of the two never overlap: no bracket inside
        glosses = [m for m in found if _toneless(m.group(1)) in _syllables()]
        if len(glosses) >= min_glosses and 5 * len(glosses) >= 4 * len(_rx().LATIN_AFTER_HAN.findall(text)):
            spans += _runs(text, [m.span() for m in glosses], "pinyin-gloss", "pinyin gloss inserted after a hanzi")
    if "\u0420" in text or "¶" in text:
        spans += _paragraph_marks(text)
    # two runs hold at least four signs (% alone is common); most texts hold none (a cheap test first)
    if _signs_at_least(text, "^#$&*@~!", 4):
        junk = [run for m in _junk_runs(text) if (run := _junk_span(text, m))]
        if len(junk) >= 2:  # anti-scrape junk is sown through a page, never once
            spans += [(a, b, "anti-scrape", "forum anti-scrape junk between hanzi", "") for a, b in junk]
    spans.sort()
    out: list[Span] = []
    for sp in spans:  # the rules never overlap; keep the first of any clash
        if not out or sp[0] >= out[-1][1]:
            out.append(sp)
    return _whole_lines(text, out)


#: A paragraph sign a document site's converter left as a character between sentences: the
#: pilcrow, or the Cyrillic Р that a wrong code page made of it.
_PARAGRAPH_MARK = re.compile(r"[ \u3000]*[\u0420¶][ \u3000]*")
_CYRILLIC = re.compile(r"[\u0400-\u041f\u0421-\u04ff]")
_MIN_MARKS = 3


def _paragraph_marks(text: str) -> list[Span]:
    """``村委会相同。Р 第二十九条``: each mark between Chinese text becomes a line break, in a text
    holding at least three of them and no other Cyrillic letter (Russian text keeps its Р).

    >>> t = "第一条 总则。Р 第二条 适用范围。Р 第三条 职责。Р 第四条 附则。"
    >>> [(t[s:e], rule, new) for s, e, rule, _, new in _paragraph_marks(t)][:1]
    [('Р ', 'paragraph-mark', '\\n')]
    >>> _paragraph_marks("Работа Р 2023"), _paragraph_marks("见¶3和¶4，¶5")
    ([], [])
    """
    if _CYRILLIC.search(text):
        return []
    found = []
    for m in _PARAGRAPH_MARK.finditer(text):
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        if after.isdigit() or (before and before.isascii() and before.isalnum()):
            continue  # ¶3, a section reference; a mark inside Latin text
        if (not before or _rx().CJK.match(before) or before in "。；：！？，、”）\n") and (
            not after or after == "\n" or _rx().CJK.match(after) or after in "（“《【"
        ):
            found.append(m)
    if len(found) < _MIN_MARKS:
        return []
    out: list[Span] = []
    for m in found:
        at_edge = m.start() == 0 or text[m.start() - 1] == "\n" or m.end() == len(text) or text[m.end()] == "\n"
        new = "" if at_edge else "\n"
        out.append((m.start(), m.end(), "paragraph-mark", "a paragraph sign left by a converter", new))
    return out


def _signs_at_least(text: str, signs: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` of the characters ``signs`` (counting stops there:
    most texts hold none, and str.count of an absent character is a full scan each)."""
    total = 0
    for c in signs:
        if c in text:
            total += text.count(c)
            if total >= n:
                return True
    return False


def _whole_lines(text: str, spans: list[Span]) -> list[Span]:
    """A line holding nothing but markup (and a list number) goes whole, with its newline."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        start = text.rfind("\n", 0, spans[i][0]) + 1
        end = text.find("\n", spans[i][0])
        end = len(text) if end < 0 else end
        j = i
        while j < len(spans) and spans[j][0] < end:
            j += 1
        mine = spans[i:j]
        kept = [text[a:b] for a, b in zip([start] + [x[1] for x in mine], [x[0] for x in mine] + [end], strict=True)]
        if spans[i][2] != "pinyin-gloss" and _LEFTOVER.fullmatch("".join(kept)):
            rule = spans[i][2]
            out.append((start, min(end + 1, len(text)), rule, "line of nothing but markup left by a converter", ""))
        else:
            out.extend(mine)
        i = j
    return out
