"""Text helpers shared by the boilerplate modules: folding, literal tries, line shapes.

Written by hand: no library builds a fast ``re`` alternation of many Chinese literals
(the stdlib compiles a flat branch list, which is slow), and the line shapes are
those of Chinese reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

__all__ = ["HEADING", "TERMINATORS", "Scanner", "both_scripts", "fold", "forms", "trie", "variants"]

# Full-width ASCII to ASCII, ideographic space to space: one character to one.
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")

#: Characters that end a sentence or a clause of its own (a line holding one is prose).
TERMINATORS = "。！？!?；;"

#: A heading or numbered item at the start of a line: 第一章, 一、, （一）, 1、 …
HEADING = re.compile(
    r"[ \t\u3000]*(?:第[一二三四五六七八九十百零〇0-9０-９]{1,4}[章节条部篇]|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}[、.．][^0-9０-９])"
)


def fold(s: str) -> str:
    """Full-width ASCII to ASCII and lower case, one character to one (offsets are kept).

    >>> fold("ＩＣＰ备：Ａ")
    'icp备:a'
    """
    # str.translate with a dict goes character by character in Python's slow path (~50 ns a
    # character); a line holds few distinct full-width characters (，：（）), and a str.replace
    # of each is C speed (1.5-3x faster on a line of prose)
    wide = _WIDE.findall(s)
    for c in set(wide) if wide else ():
        s = s.replace(c, chr(_FOLD[ord(c)]))
    return s.lower()


def forms(phrase: str) -> set[str]:
    """The spellings of a folded phrase to look for: cases, full-width, both colons."""
    out = set()
    for v in {phrase, phrase.upper(), phrase.title(), phrase.capitalize()}:  # Read More, Read more
        for w in (v, "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in v)):
            out |= {w, w.replace(":", "：")}
    return out


def trie(words: Iterable[str]) -> str:
    """One regex for many literals, factored as a trie (fast in ``re``: no long branch lists).

    >>> trie(["ab", "ac", "b"])
    '(?:a(?:b|c)|b)'
    """
    root: dict[str, dict[str, Any]] = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        # a chain of single children is written in a loop: recursion only at branches
        # (one level per character overflowed Python's stack on a 490-character phrase)
        chain = ""
        while len(node) == 1 and "" not in node:
            [(c, node)] = node.items()
            chain += re.escape(c)
        alts = [re.escape(c) + emit(node[c]) for c in sorted(k for k in node if k)]
        if not alts:
            return chain
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return chain + (body + "?" if "" in node else body)

    return emit(root)


class Scanner:
    """Finds the phrases ``words`` anywhere, overlapping starts included: :meth:`spans`.

    A plain trie regex runs its long branch list at every character that may start a
    phrase (many common hanzi: 上, 第, 公 …). This one first tests, in C, that the next
    character may follow (a character class each), and only then tries the trie, from
    inside a one-character lookbehind so that overlapping starts are all reported.
    One-character phrases (``©``) are found apart, by ``str.find``: an alternative for
    them in the regex cost ~15 % of the scan at every candidate position.

    >>> list(Scanner({"ab", "bc", "©"}).spans("xabc ©"))
    [(1, 3), (2, 4), (5, 6)]
    """

    __slots__ = ("regex", "singles")

    def __init__(self, words: set[str]) -> None:
        multi = {f for f in words if len(f) > 1}
        self.singles = sorted({f for f in words if len(f) == 1})
        self.regex: re.Pattern[str] | None = None
        if multi:
            seconds = "".join(sorted({f[1] for f in multi}))
            firsts = "".join(sorted({f[0] for f in multi}))
            self.regex = re.compile(
                rf"[{re.escape(firsts)}](?=[{re.escape(seconds)}])(?<=(?=({trie(multi)}))[\s\S])"
            )

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of the longest phrase at every position where one starts, in order."""
        found = [(m.start(), m.end(1)) for m in self.regex.finditer(text)] if self.regex is not None else []
        ones = [(i, i + 1) for c in self.singles if c in text for i in _positions(text, c)]
        if not ones:
            yield from found
            return
        # a longer phrase at the same place wins, as the trie's longest match did
        taken = {s for s, _ in found}
        yield from sorted(found + [o for o in ones if o[0] not in taken])


def _positions(text: str, c: str) -> Iterator[int]:
    i = text.find(c)
    while i >= 0:
        yield i
        i = text.find(c, i + 1)


@lru_cache(maxsize=1)
def _converters() -> tuple[Any, ...]:
    import opencc  # a dependency already (the script step); loaded only when rules are built

    return tuple(opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2twp", "s2hk"))


def variants(phrases: Iterable[str], by_character: bool = False) -> dict[str, str]:
    """Each phrase's traditional spellings (OpenCC s2t, s2tw, s2twp, s2hk), mapped to the phrase;
    with ``by_character``, also each spelling that takes either traditional form of a character
    that has several (at most 16 a phrase: 發布 as well as 發佈).

    Lexicons are written in simplified script; a Taiwan or Hong Kong page spells the
    same chrome in its own characters (瀏覽次數, 列印此頁), found through these.

    >>> variants(["浏览次数"])["瀏覽次數"]
    '浏览次数'
    """
    out: dict[str, str] = {}
    items = [p for p in phrases if any(ord(c) > 0x2E7F for c in p)]
    if not items:
        return out
    joined = "\n".join(items)
    for conv in _converters():
        for src, dst in zip(items, conv.convert(joined).split("\n"), strict=True):
            if dst != src:
                out.setdefault(dst, src)
    if not by_character:
        return out
    # and the spellings character by character (發布單位 as well as OpenCC's 發佈單位): a page may
    # write either traditional form of a character that has two
    forms_of = _traditional_forms()
    for src in items:
        spellings = [""]
        for c in src:
            options = [c, *forms_of.get(c, ())]
            spellings = [p + o for p in spellings for o in options][:_MAX_SPELLINGS]
        for dst in spellings:
            if dst != src:
                out.setdefault(dst, src)
    return out


_MAX_SPELLINGS = 16  # character-by-character spellings of one phrase, at most


def both_scripts(pattern: str) -> str:
    """A regex of a lexicon, written in simplified script, that matches the traditional spellings
    too: each hanzi that has traditional forms becomes a class of them (显 -> [显顯]; inside a
    class its forms join it). Escapes and everything but hanzi stay as written.

    >>> both_scripts("显示的是[^\\n]{1,20}的文章")
    '[显顯]示的是[^\\n]{1,20}的文章'
    >>> both_scripts("字[体号]")
    '字[体體号號]'
    """
    forms_of = _traditional_forms()
    out: list[str] = []
    in_class = escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
            continue
        if c == "\\":
            escaped = True
            out.append(c)
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        extra = "".join(t for t in forms_of.get(c, ()) if t != c)
        if not extra:
            out.append(c)
        elif in_class:
            out.append(c + extra)
        else:
            out.append(f"[{c}{extra}]")
    return "".join(out)


@cache
def _traditional_forms() -> dict[str, tuple[str, ...]]:
    """Each simplified character's traditional forms (OpenCC t2s read backwards, one for one)."""
    from ._script import fold_table  # (not at import: OpenCC's tables are read on first use)

    out: dict[str, list[str]] = {}
    for t, simplified in fold_table().items():
        out.setdefault(simplified, []).append(chr(t))
    return {c: tuple(sorted(ts)) for c, ts in out.items()}
