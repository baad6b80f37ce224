"""Remove reseller watermarks, government-site footers and page furniture.

Decisions are made per line and per inline segment, with context, because the
words of a footer (主办, 承办, 技术支持, 地址, 版权, 网站) are ordinary words in
a report:

- A *marker* is a phrase of ``data/boilerplate_markers.tsv`` or a pattern of
  ``data/boilerplate_patterns.tsv``, strong (用后删除, ICP备, 网站地图) or weak
  (仅供学习, 主办单位：, 地址：). A line is cut into segments at sentence ends
  (。！？；), at ``【…】`` brackets and after a contact number; a segment is
  boilerplate when it holds two strong markers, a strong and a weak one, a
  strong one and at most 25 characters, or three weak ones and no full stop.
  A line whose segments are all boilerplate goes as a line; otherwise only
  its boilerplate segments are cut out of the paragraph.
- At the top and the bottom of a document, short lines that are not sentences
  (a reseller's name, a slogan) sandwiched between boilerplate lines go with
  them as a block; lines with weak markers only count as boilerplate there
  when the block holds at least three distinct markers.
- Page numbers (``- 3 -``, ``第 3 页 共 10 页``, ``第2页 / 共28页``) always go;
  ``3/10`` and lone numbers only in page-number context (several of them,
  increasing, far apart). Short lines repeated at least three times, each
  next to a page number, are running headers; their first occurrence is kept
  when it is the title. Lines are compared exactly, so lines that differ only
  in their numbers are never duplicates.

Every removal carries a rule id and a reason (docs/rules.md#boilerplate).
:class:`Boilerplate` learns lines repeated across many documents of one source
and returns them as a user lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ._config import Config
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import Lexicon, package_lexicon

__all__ = ["BOILERPLATE", "Boilerplate", "boilerplate", "learn_boilerplate"]

# -- folding and markers ---------------------------------------------------------

# Full-width ASCII to ASCII, ideographic space to space: one character to one.
_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SPACE = " \t\u3000\u00a0"
_TOKEN_TAIL = re.compile("[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]*")
_BOUNDARY_AFTER = re.compile("[。！？!?；;】]")
_BOUNDARY_BEFORE = re.compile("【")
_WORD = re.compile(r"[^\W\d_]")  # a letter or a hanzi
_TOKEN_END = "\n。！？!?；;，,、】)）"
_TERMINATORS = "。！？!?；;"


def _fold(s: str) -> str:
    return s.translate(_FOLD).lower()


def _forms(phrase: str) -> set[str]:
    """The spellings of a folded phrase to look for: cases, full-width, both colons."""
    out = set()
    for v in {phrase, phrase.upper(), phrase.title()}:
        for w in (v, "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in v)):
            out |= {w, w.replace(":", "：")}
    return out


def _trie(words: Iterable[str]) -> str:
    """One regex for many literals, factored as a trie (fast in ``re``: no long branch lists)."""
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


def _scanner(forms: set[str]) -> re.Pattern[str]:
    """A regex finding the phrases ``forms`` anywhere: group 1 is the phrase (the trie's match).

    A plain trie regex runs its long branch list at every character that may start a
    phrase (many common hanzi: 上, 第, 公 …). This one first tests, in C, that the next
    character may follow (a character class each), and only then tries the trie, from
    inside a one-character lookbehind so that overlapping starts are all reported.

    >>> [m.span(1) for m in _scanner({"ab", "bc", "©"}).finditer("xabc ©")]
    [(1, 3), (2, 4), (5, 6)]
    """
    seconds = "".join(sorted({f[1] for f in forms if len(f) > 1}))
    singles = "".join(sorted({f for f in forms if len(f) == 1}))
    follow = [f"[{re.escape(seconds)}]"] if seconds else []
    if singles:
        follow.append(f"(?<=[{re.escape(singles)}])")
    firsts = "".join(sorted({f[0] for f in forms}))
    return re.compile(rf"[{re.escape(firsts)}](?={'|'.join(follow)})(?<=(?=({_trie(forms)}))[\s\S])")


@dataclass(frozen=True, slots=True)
class _Marker:
    family: str  # watermark, footer or user
    strong: bool
    note: str


def _field(lx: Lexicon, row: tuple[str, ...], column: str, default: str) -> str:
    return (row[lx.columns.index(column)] or default) if column in lx.columns else default


class _Rules:
    """Compiled markers, patterns, exact lines and title words (built once per Config).

    Phrases and pattern anchors go into one trie regex; a pattern is tried only
    where one of its anchors matched, so the text is scanned once.
    """

    __slots__ = ("anchors", "lines_re", "markers", "regex", "titles")

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.markers: dict[str, _Marker] = {}
        self.anchors: dict[str, list[tuple[re.Pattern[str], str, _Marker]]] = {}
        lines: set[str] = set()
        titles: set[str] = set()
        for lx in lexicons:
            for row in lx.rows:
                key = row[0]
                family = _field(lx, row, "family", "user")
                strong = _field(lx, row, "weight", "strong") != "weak"
                marker = _Marker(family, strong, _field(lx, row, "note", lx.name))
                if lx.columns[0] == "pattern":
                    compiled = re.compile(key)
                    for anchor in _field(lx, row, "anchors", "").split("|"):
                        if anchor:
                            self.anchors.setdefault(_fold(anchor), []).append((compiled, key, marker))
                elif lx.columns[0] == "word":
                    titles.add(key)
                elif family == "line":
                    lines.add(unicodedata.normalize("NFC", key.strip()))
                elif key.strip():
                    self.markers.setdefault(_fold(key), marker)
        forms = {f for k in (*self.markers, *self.anchors) for f in _forms(k)}
        self.regex = _scanner(forms) if forms else None
        self.titles = re.compile(_trie(titles)) if titles else None
        lines.discard("")
        self.lines_re = (
            re.compile(rf"^[{_SPACE}]*(?:{_trie(lines)})[{_SPACE}]*$", re.MULTILINE) if lines else None
        )

    def hits(self, text: str) -> Iterable[tuple[int, int, str, _Marker]]:
        """Every marker in ``text``: start, end, a key (distinct per marker) and the marker.

        The scanner reports every position where a phrase matches (group 1), overlaps
        included; those inside the previous match are skipped, as ``finditer`` would.
        """
        if self.regex is None:
            return
        reach = 0
        for m in self.regex.finditer(text):
            start, stop = m.span(1)
            if start < reach:
                continue
            reach = stop
            key = _fold(text[start:stop])
            for pattern, name, marker in self.anchors.get(key, ()):
                p = pattern.match(text, start)
                if p:
                    yield start, p.end(), name, marker
                    break
            else:
                if key in self.markers:
                    end = stop
                    if key[-1].isascii() and key[-1].isalnum() and "." not in key:
                        # take the rest of the token (唯一指定QQ305117060) when it clearly ends there
                        tail = _TOKEN_TAIL.match(text, end)
                        if tail and (tail.end() == len(text) or text[tail.end()] in _TOKEN_END):
                            end = tail.end()
                    yield m.start(), end, key, self.markers[key]


_BUILTIN_LEXICONS = (
    package_lexicon("boilerplate_markers.tsv"),
    package_lexicon("boilerplate_patterns.tsv"),
    package_lexicon("boilerplate_titles.tsv"),
)
_BUILTIN = _Rules(_BUILTIN_LEXICONS)

# -- line shapes -----------------------------------------------------------------

_HEADING = re.compile(
    r"[ \t\u3000]*(?:第[一二三四五六七八九十百零〇0-9０-９]{1,4}[章节条部篇]|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[0-9０-９]{1,2}[、.．][^0-9０-９])"
)
_SEGMENT = re.compile(r"【[^【】\n]{0,200}】|[^。！？!?；;【\n]+[。！？!?；;]*|[^\n]")
_D = "[0-9０-９]"
_S = "[ \\t\\u3000]{0,3}"
_DASH = "[-－—–~～]{1,2}"
_END = "[ \\t\\u3000]*(?=\\n|\\Z)"
# Each matches a whole line after its newline; run on "\n" + text (fast: re looks for "\n" first).
# Unmistakable page numbers: - 3 -, 第3页, 第 3 页 共 10 页, 第2页 / 共28页, 共10页 第3页, Page 3 of 10.
_PAGE = re.compile(
    rf"\n({_S}(?:{_DASH}{_S}{_D}{{1,4}}{_S}{_DASH}"
    rf"|第{_S}{_D}{{1,4}}{_S}页(?:{_S}[,，/／|]?{_S}共{_S}{_D}{{1,4}}{_S}页)?"
    rf"|共{_S}{_D}{{1,4}}{_S}页{_S}[,，/／|]?{_S}第{_S}{_D}{{1,4}}{_S}页"
    rf"|[pP][aA][gG][eE]{_S}{_D}{{1,4}}(?:{_S}(?:of|OF|/){_S}{_D}{{1,4}})?){_END})"
)
# Page numbers only in context: 3/10 and a lone number.
_PAGE_OF = re.compile(rf"\n({_S}({_D}{{1,4}}){_S}[/／]{_S}({_D}{{1,4}}){_END})")
_LONE = re.compile(rf"\n({_S}({_D}{{1,4}}){_END})")


def _whole_lines(regex: re.Pattern[str], led: str) -> Iterable[tuple[int, int, re.Match[str]]]:
    """Lines matched by a ``\\n``-led regex: (start, end, match) in ``text``, given ``led = "\\n" + text``."""
    for m in regex.finditer(led):
        yield m.start(1) - 1, m.end(1) - 1, m


def _is_blank(s: str) -> bool:
    return not s.strip()


def _is_marked_filler(line: str) -> bool:
    """A short line with markers that is not a sentence or heading (a footer field)."""
    s = line.strip()
    return 0 < len(s) <= 40 and not any(c in s for c in _TERMINATORS) and not _HEADING.match(s)


def _is_filler(line: str, rules: _Rules) -> bool:
    """A short line that is not a sentence, a heading or a title."""
    s = line.strip()
    return (
        0 < len(s) <= 30
        and not any(c in s for c in _TERMINATORS)
        and not _HEADING.match(s)
        and not (rules.titles and rules.titles.search(s))
    )


# -- the step --------------------------------------------------------------------

_Hit = tuple[int, int, str, _Marker]  # start, end, distinct key, marker


class _Lines:
    """Whole lines to remove: start -> (end, rule, reason); the first rule wins."""

    def __init__(self) -> None:
        self.lines: dict[int, tuple[int, str, str]] = {}

    def add(self, start: int, end: int, rule: str, reason: str) -> None:
        self.lines.setdefault(start, (end, rule, reason))


def _judge(seg: str, hits: list[_Hit]) -> tuple[str, str] | None:
    """(family, reason) if the segment is boilerplate, else None."""
    strong = {h[2]: h[3] for h in hits if h[3].strong}
    weak = {h[2]: h[3] for h in hits if not h[3].strong}
    size = len(seg.strip())
    if len(strong) >= 2 or (strong and (weak or size <= 25)) or (len(weak) >= 3 and "。" not in seg):
        first = next(iter(strong.values())) if strong else next(iter(weak.values()))
        notes = list(dict.fromkeys(m.note for m in (*strong.values(), *weak.values())))
        return first.family, "; ".join(notes[:3])
    return None


def _covered(hits: list[_Hit], end: int) -> int:
    """Characters of a segment (ending at ``end``) covered by its markers."""
    total, reach = 0, -1
    for s, e, _, _ in sorted(hits):
        e = min(e, end)
        if e > reach:
            total += e - max(s, reach)
            reach = e
    return total


def _inline_cut(text: str, s: int, e: int, hits: list[_Hit]) -> tuple[int, int, str, str] | None:
    """The part of a segment to cut out of its paragraph, if any.

    The cut runs from the segment start (or the first marker, if more than 10
    characters come before it) to the segment end (or the last marker, if more
    than 6 come after it), and must be boilerplate and over 60 % markers.
    """
    if not hits:
        return None
    seg = text[s:e].strip()
    close = e + 1 if text[e : e + 1] == "】" else e  # the segmenter may split off the 】
    bracketed = seg.startswith("【") and text[s:close].rstrip().endswith("】")
    if bracketed and any(h[3].strong for h in hits) and len({h[2] for h in hits}) >= 2:
        # a bracketed insert with a strong marker and another (获取完整版…QQ号): the
        # brackets say where it starts and ends, however much of it the markers cover
        verdict = _judge(text[s:close], hits)
        if verdict:
            return s, close, *verdict
    first = min(h[0] for h in hits)
    last = max(h[1] for h in hits)
    start = s if len(text[s:first].strip()) <= 10 else first
    stop = e if len(text[last:e].strip()) <= 6 else last
    piece = text[start:stop]
    verdict = _judge(piece, hits)
    if verdict and 10 * _covered(hits, stop) > 6 * len(piece.strip()):
        return start, stop, *verdict
    return None


def _may_go_whole(seg: str, hits: list[_Hit]) -> bool:
    """A segment longer than 60 characters goes with its line only when dense in distinct markers."""
    if len(seg.strip()) <= 60:
        return True
    strong = {h[2] for h in hits if h[3].strong}
    return len(strong) >= 2 and len({h[2] for h in hits}) >= 3


def _ends_token(line: str, i: int) -> bool:
    """True if ``line[i - 1]`` ends a run of ASCII letters or digits running into Chinese."""
    last, nxt = _fold(line[i - 1]), line[i]
    return last.isascii() and last.isalnum() and not nxt.isascii() and not nxt.isspace()


def _group(hits: list[_Hit], spans: list[tuple[int, int]]) -> list[list[_Hit]]:
    """The hits starting inside each span (both sorted, spans disjoint)."""
    out: list[list[_Hit]] = []
    k = 0
    for s, e in spans:
        while k < len(hits) and hits[k][0] < s:
            k += 1
        group = []
        while k < len(hits) and hits[k][0] < e:
            group.append(hits[k])
            k += 1
        out.append(group)
    return out


def _segments(line: str, hits: list[_Hit], base: int) -> list[tuple[int, int]]:
    """Segment spans of a line (offsets in the text).

    Also cut after a marker ending in a digit or Latin letter (a QQ number, a
    site address), where a pasted watermark often runs into the next sentence.
    """
    cuts = sorted(h[1] - base for h in hits if h[1] - base < len(line) and _ends_token(line, h[1] - base))
    spans = []
    k = 0
    for m in _SEGMENT.finditer(line):
        s, e = m.span()
        while k < len(cuts) and cuts[k] <= s:
            k += 1
        while k < len(cuts) and cuts[k] < e:
            spans.append((s, cuts[k]))
            s = cuts[k]
            k += 1
        spans.append((s, e))
    return [(base + s, base + e) for s, e in spans]


def _stable_cuts(
    text: str, start: int, end: int, cuts: list[tuple[int, int, str, str]], hits: list[_Hit]
) -> list[tuple[int, int, str, str]]:
    """Drop the cuts that would join text holding a kept marker into a new segment.

    Cleaning again would judge that new segment afresh; keeping such a cut out
    keeps the step idempotent (and the text, when unsure).
    """
    if not cuts:
        return cuts
    # segment bounds that outlive a cut: after a terminator or 】, before a 【 (not the cut's own)
    after = [start, *(m.end() for m in _BOUNDARY_AFTER.finditer(text, start, end)), end]
    before = [start, *(m.start() for m in _BOUNDARY_BEFORE.finditer(text, start, end)), end]
    starts = [h[0] for h in hits]
    cut_starts = [c[0] for c in cuts]
    out = []
    for a, b, family, reason in cuts:
        lo = max(after[bisect_right(after, a) - 1], before[bisect_left(before, a) - 1] if a > start else start)
        hi = min(after[bisect_right(after, b)] if b < end else end, before[bisect_left(before, b)])
        for k in range(bisect_left(starts, lo), bisect_left(starts, hi)):
            i = bisect_right(cut_starts, starts[k]) - 1
            if i < 0 or starts[k] >= cuts[i][1]:
                break  # a marker that stays would join the new segment
        else:
            out.append((a, b, family, reason))
    return out


def _markers(
    text: str, rules: _Rules, out: Proposal, found: _Lines
) -> tuple[dict[int, list[_Hit]], dict[int, str]]:
    """Judge every line holding a marker: whole lines to ``found``, segments to ``out``.

    Returns the marker hits by line start, and what is left of each line that
    had segments cut out of it.
    """
    by_line: dict[int, list[_Hit]] = {}
    rest: dict[int, str] = {}
    cut_by_line: dict[int, list[tuple[int, int, str, str]]] = {}
    line_start, seen = 0, 0
    for hit in rules.hits(text):
        nl = text.rfind("\n", seen, hit[0])
        if nl >= 0:
            line_start = nl + 1
        seen = hit[0]
        by_line.setdefault(line_start, []).append(hit)
    for start, hits in by_line.items():
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        segments = [(s, e) for s, e in _segments(line, hits, start) if not _is_blank(text[s:e])]
        inside = _group(hits, segments)
        verdicts = [_judge(text[s:e], x) if x else None for (s, e), x in zip(segments, inside, strict=True)]
        whole = all(v and _may_go_whole(text[s:e], x) for (s, e), x, v in zip(segments, inside, verdicts, strict=True))
        if whole and not _HEADING.match(line):
            family, reason = verdicts[0]  # type: ignore[misc]
            found.add(start, end, f"{family}-line", reason)
            continue
        cuts: list[tuple[int, int, str, str]] = []
        for (s, e), x in zip(segments, inside, strict=True):
            cut = _inline_cut(text, s, e, x)
            if cut:
                s, e, family, reason = cut
                while e < end and text[e] in _SPACE:
                    e += 1
                cuts.append((s, e, family, reason))
                continue
            for h in x:
                if h[3].strong:
                    out.flag(
                        h[0], h[1], "boilerplate-kept",
                        f"{text[h[0]:h[1]]!r} looks like watermark or site-footer text but stands in a "
                        "sentence, so it was kept; check the source",
                    )
        cuts = _stable_cuts(text, start, end, cuts, hits)
        if not cuts:
            continue
        kept = zip([start] + [c[1] for c in cuts], [c[0] for c in cuts] + [end], strict=True)
        left = "".join(text[a:b] for a, b in kept)
        if not _WORD.search(left) or _PAGE.match("\n" + left):
            # nothing but a page number, numbers or punctuation would be left
            found.add(start, end, f"{cuts[0][2]}-line", cuts[0][3])
            continue
        rest[start] = left
        cut_by_line[start] = cuts
        for s, e, family, reason in cuts:
            out.remove(s, e, f"{family}-inline", reason)
    # what the edges see of a cut line: what is left of it, and the markers left in it
    for start in rest:
        cuts = cut_by_line[start]
        firsts = [c[0] for c in cuts]
        live = [h for h in by_line[start] if (i := bisect_right(firsts, h[0]) - 1) < 0 or h[0] >= cuts[i][1]]
        if live:
            by_line[start] = live
        else:
            del by_line[start]
    return by_line, rest


def _edge(
    text: str, rules: _Rules, found: _Lines, by_line: dict[int, list[_Hit]], rest: dict[int, str], top: bool
) -> None:
    """Remove the filler lines of a boilerplate block at the top or the bottom."""
    run: list[tuple[int, int, str]] = []  # start, end, kind; "gap" marks a blank line
    pos = 0 if top else len(text)
    while len(run) < 40:
        if top:
            if pos > len(text):
                break
            s = pos
            e = text.find("\n", s)
            e = len(text) if e < 0 else e
            pos = e + 1
        else:
            if pos < 0:
                break
            e = pos
            s = text.rfind("\n", 0, e) + 1
            pos = s - 1
        line = rest.get(s, text[s:e])
        if _is_blank(line):
            run.append((s, e, "gap"))
        elif s in found.lines:
            run.append((s, e, "bp"))
        elif s in by_line and _is_marked_filler(line):
            run.append((s, e, "marked"))
        elif _is_filler(line, rules):
            run.append((s, e, "filler"))
        else:
            break
    keys = {h[2] for s, _, kind in run if kind in ("bp", "marked") for h in by_line.get(s, ())}
    anchors = {"bp", "marked"} if len(keys) >= 3 else {"bp"}
    if not top:
        run.reverse()
    where = "top" if top else "bottom"
    group: list[tuple[int, int, str]] = []
    for item in [*run, (0, 0, "gap")]:
        if item[2] != "gap":
            group.append(item)
            continue
        marks = [i for i, (_, _, kind) in enumerate(group) if kind in anchors]
        for i in marks:
            s, e, kind = group[i]
            if kind == "marked":
                family = by_line[s][0][3].family
                found.add(s, e, f"{family}-line", f"marker line in a block of {len(keys)} markers at the {where}")
        if len(marks) >= 2:
            for s, e, _ in group[marks[0] + 1 : marks[-1]]:
                found.add(s, e, "boilerplate-block", f"short line inside a watermark or footer block at the {where}")
        group = []


def _page_numbers(text: str, found: _Lines) -> int:
    """Remove page-number lines; return how many there were."""
    count = 0
    led = "\n" + text
    for s, e, _ in _whole_lines(_PAGE, led):
        found.add(s, e, "page-number", "page number left by a PDF or Word conversion")
        count += 1
    by_total: dict[int, list[tuple[int, int, int]]] = {}
    for s, e, m in _whole_lines(_PAGE_OF, led) if "/" in text or "／" in text else ():
        a, b = int(m.group(2)), int(m.group(3))
        if 1 <= a <= b:
            by_total.setdefault(b, []).append((a, s, e))
    for group in by_total.values():
        if len({a for a, _, _ in group}) >= 2:
            for _, s, e in group:
                found.add(s, e, "page-number", "page number 'n/total' repeated with the same total")
                count += 1
    lone = [(int(m.group(2)), s, e) for s, e, m in _whole_lines(_LONE, led)]
    if len(lone) >= 3 and all(
        0 < b[0] - a[0] <= 2 and text.count("\n", a[2], b[1]) >= 3 for a, b in pairwise(lone)
    ):
        for _, s, e in lone:
            found.add(s, e, "page-number", "lone number in an increasing sequence of page numbers")
            count += 1
    return count


def _running_headers(text: str, found: _Lines) -> None:
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


def _emit(text: str, found: _Lines, out: Proposal) -> None:
    """Propose the whole-line removals, taking blank lines along so none pile up."""
    n = len(text)
    starts = sorted(found.lines)
    i = 0
    while i < len(starts):
        # a run: removed lines separated by blank lines only
        j = i
        while j + 1 < len(starts):
            e = found.lines[starts[j]][0]
            if not _is_blank(text[e : starts[j + 1]]):
                break
            j += 1
        first, last = starts[i], starts[j]
        # blank lines before and after the run
        before = first
        while before > 0:
            p = text.rfind("\n", 0, before - 1) + 1
            if not _is_blank(text[p : before - 1]):
                break
            before = p
        after = found.lines[last][0]
        while after < n:
            q = text.find("\n", after + 1)
            q = n if q < 0 else q
            if not _is_blank(text[after:q]):
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


def _propose(text: str, rules: _Rules) -> Proposal:
    out = Proposal()
    if not text.strip():
        return out
    found = _Lines()
    by_line, rest = _markers(text, rules, out, found)
    if by_line:
        _edge(text, rules, found, by_line, rest, top=True)
        _edge(text, rules, found, by_line, rest, top=False)
    if rules.lines_re is not None:
        for m in rules.lines_re.finditer(text):
            found.add(m.start(), m.end(), "learned-line", "line learned as boilerplate of this source")
    if _page_numbers(text, found) >= 2:
        _running_headers(text, found)
    if found.lines:
        # inline cuts and flags inside a removed line are dropped: the line goes whole
        out.edits = [ed for ed in out.edits if text.rfind("\n", 0, ed.start) + 1 not in found.lines]
        out.flags = [f for f in out.flags if text.rfind("\n", 0, f.start) + 1 not in found.lines]
        _emit(text, found, out)
    return out


def boilerplate(text: str, context: Context) -> Proposal:
    """Remove watermarks, site footers and page furniture (built-in lexicons only).

    >>> doc = "仅供学习 禁止外传 用后删除\\n酷乐文行\\n【会员资料仅供内部交流使用，严禁外传】\\n工作总结\\n正文。\\n"
    >>> for e in boilerplate(doc, Context()).edits:
    ...     print(e.rule, doc[e.start:e.end].strip())
    watermark-line 仅供学习 禁止外传 用后删除
    boilerplate-block 酷乐文行
    watermark-line 【会员资料仅供内部交流使用，严禁外传】
    >>> boilerplate("“十三五”期间，第一季度由区委主办、区文联承办，技术支持到位。\\n- 3 -\\n", Context()).edits[0].rule
    'page-number'
    >>> boilerplate("“十三五”期间，第一季度由区委主办、区文联承办，技术支持到位。", Context()).edits
    []
    """
    return _propose(text, _BUILTIN)


def _make(config: Config) -> StepFn:
    user = config.user_lexicons("boilerplate")
    if not user:
        return boilerplate
    rules = _Rules(_BUILTIN_LEXICONS + user)

    def boilerplate_with_user_lexicons(text: str, context: Context) -> Proposal:
        return _propose(text, rules)

    return boilerplate_with_user_lexicons


BOILERPLATE = Step("boilerplate", _make, {"boilerplate-kept": "info"})


# -- batch mode ------------------------------------------------------------------

_NUMBERS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两]+")


class Boilerplate:
    """Learn lines that repeat across many documents of one source.

    Pure: give it texts (:meth:`add`), get a user lexicon of kind ``boilerplate``
    (:meth:`lexicon`) to pass to ``Config(lexicons=...)``. A line is a candidate
    when it stands within ``edge`` non-blank lines of the top or bottom of at
    least ``min_documents`` documents and ``min_share`` of all documents. Lines
    that are headings, end like sentences (unless they hold a watermark or
    footer marker), or have a twin that differs only in its numbers are never
    candidates: templated report sentences are not boilerplate.

    >>> docs = [f"标题{i}\\n正文第{i}段。\\n本站文章仅供参考 网站地图\\n" for i in range(4)]
    >>> learner = Boilerplate(min_documents=3)
    >>> for d in docs:
    ...     learner.add(d)
    >>> learner.candidates()
    [('本站文章仅供参考 网站地图', 4)]
    >>> learner.lexicon().rows[0][:2]
    ('本站文章仅供参考 网站地图', 'line')
    """

    def __init__(self, *, min_documents: int = 3, min_share: float = 0.5, edge: int = 8) -> None:
        if not isinstance(min_documents, int) or min_documents < 2:
            raise ValueError(f"min_documents must be an int >= 2, got {min_documents!r}")
        if not 0 < min_share <= 1:
            raise ValueError(f"min_share must be a fraction in (0, 1], got {min_share!r}")
        self.min_documents = min_documents
        self.min_share = min_share
        self.edge = edge
        self.documents = 0
        self._docs: Counter[str] = Counter()
        # hash of a line with its numbers masked -> hash of the first line seen with that mask
        self._twins: dict[int, int] = {}
        self._several: set[int] = set()  # masks seen with two different lines

    def add(self, text: str) -> None:
        """Count the lines at the top and bottom of one document."""
        if not isinstance(text, str):
            raise TypeError(f"Boilerplate.add() takes str, got {type(text).__name__}; decode bytes first")
        self.documents += 1
        lines = [unicodedata.normalize("NFC", x.strip()) for x in text.splitlines()]
        lines = [x for x in lines if x]
        for x in set(lines):
            mask = hash(_NUMBERS.sub("0", x))
            if self._twins.setdefault(mask, hash(x)) != hash(x):
                self._several.add(mask)
        edge = set(lines[: self.edge]) | set(lines[-self.edge :])
        self._docs.update(edge)

    def candidates(self) -> list[tuple[str, int]]:
        """Learned lines with the number of documents holding them, most frequent first."""
        need = max(self.min_documents, self.min_share * self.documents)
        out = []
        for line, n in self._docs.items():
            if n < need or not 2 <= len(line) <= 200 or _HEADING.match(line) or "\t" in line or line[0] == "#":
                continue
            if hash(_NUMBERS.sub("0", line)) in self._several:
                continue
            if line[-1] in _TERMINATORS and not any(_BUILTIN.hits(line)):
                continue
            out.append((line, n))
        return sorted(out, key=lambda x: (-x[1], x[0]))

    def lexicon(self, name: str = "learned-boilerplate") -> Lexicon:
        """The candidates as a lexicon of kind ``boilerplate`` (family ``line``)."""
        rows = sorted(
            (line, "line", "strong", f"in {n} of {self.documents} documents") for line, n in self.candidates()
        )
        return Lexicon(name, "boilerplate", ("phrase", "family", "weight", "note"), tuple(rows), "learned")


def learn_boilerplate(texts: Iterable[str], **options: float) -> Lexicon:
    """Learn a boilerplate lexicon from many documents of one source (see :class:`Boilerplate`)."""
    learner = Boilerplate(**options)  # type: ignore[arg-type]
    for text in texts:
        learner.add(text)
    return learner.lexicon()
