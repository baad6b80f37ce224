"""Watermark and footer text inside a paragraph: which segments of a marked line go (part of the ``boilerplate`` step).

A line holding markers is cut into segments (sentences, 【…】 inserts, and a cut after a
marker that runs into the next sentence: a QQ number, a site address). A segment dense
in distinct markers is boilerplate (:func:`judge`); the whole line goes when all its
segments do, else only the part of each segment the markers cover (:func:`inline_cut`),
and only where cleaning the result again would decide the same (:func:`stable_cuts`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ._bptext import HEADING, TERMINATORS, fold
from ._chrome import BoilerplateSettings

__all__ = ["Hit", "Marker", "group", "inline_cut", "judge", "may_go_whole", "segments", "stable_cuts"]

_TERMINATORS = TERMINATORS
_fold = fold
_BOUNDARY_AFTER = re.compile("[。！？!?；;】]")
_BOUNDARY_BEFORE = re.compile("【")
_SEGMENT = re.compile(r"【[^【】\n]{0,200}】|[^。！？!?；;【\n]+[。！？!?；;]*|[^\n]")


@dataclass(frozen=True, slots=True)
class Marker:
    """What a boilerplate marker stands for: its family, its weight and a note for the reason."""

    family: str  # watermark, footer or user
    strong: bool
    note: str


Hit = tuple[int, int, str, Marker]  # start, end, distinct key, marker


def judge(seg: str, hits: list[Hit], settings: BoilerplateSettings) -> tuple[str, str] | None:
    """(family, reason) if the segment is boilerplate, else None."""
    strong = {h[2]: h[3] for h in hits if h[3].strong}
    weak = {h[2]: h[3] for h in hits if not h[3].strong}
    size = len(seg.strip())
    short = size <= settings.short_segment
    if len(strong) >= 2 or (strong and (weak or short)) or (len(weak) >= 3 and "。" not in seg):
        first = next(iter(strong.values())) if strong else next(iter(weak.values()))
        notes = list(dict.fromkeys(m.note for m in (*strong.values(), *weak.values())))
        return first.family, "; ".join(notes[:3])
    return None


def _covered(hits: list[Hit], end: int) -> int:
    """Characters of a segment (ending at ``end``) covered by its markers."""
    total, reach = 0, -1
    for s, e, _, _ in sorted(hits):
        e = min(e, end)
        if e > reach:
            total += e - max(s, reach)
            reach = e
    return total


def inline_cut(
    text: str, s: int, e: int, hits: list[Hit], settings: BoilerplateSettings
) -> tuple[int, int, str, str] | None:
    """The part of a segment to cut out of its paragraph, if any.

    The cut runs from the segment start (or the first marker, if more than 10
    characters come before it) to the segment end (or the last marker, if more
    than 6 come after it), and must be boilerplate and over 60 % markers. A
    sentence (not a heading) of at most 120 characters framed by markers at both
    ends, a strong one among three or more distinct, goes whole however little they
    cover (an essay site's lead-in naming the document).
    """
    if not hits:
        return None
    seg = text[s:e].strip()
    close = e + 1 if text[e : e + 1] == "】" else e  # the segmenter may split off the 】
    bracketed = seg.startswith("【") and text[s:close].rstrip().endswith("】")
    if bracketed and any(h[3].strong for h in hits) and len({h[2] for h in hits}) >= 2:
        # a bracketed insert with a strong marker and another (获取完整版…QQ号): the
        # brackets say where it starts and ends, however much of it the markers cover
        verdict = judge(text[s:close], hits, settings)
        if verdict:
            return s, close, *verdict
    first = min(h[0] for h in hits)
    last = max(h[1] for h in hits)
    framed = len(text[s:first].strip()) <= settings.inline_lead and len(text[last:e].strip()) <= settings.inline_tail
    dense = any(h[3].strong for h in hits) and len({h[2] for h in hits}) >= 3
    sentence = text[e - 1 : e] in _TERMINATORS and not HEADING.match(text, s)
    if framed and dense and sentence and e - s <= 2 * settings.whole_segment:
        # a sentence framed by markers (以下是小编精心整理的《…》，欢迎阅读): an essay site's lead-in
        # naming the document; the title between its markers does not make it text
        verdict = judge(text[s:e], hits, settings)
        if verdict:
            return s, e, *verdict
    before = text[s:first].rstrip()
    opening = text.rfind("《", s, first) if before.endswith("》") else -1
    if opening >= 0 and "》" not in text[opening : len(before) + s - 1] and text[e - 1 : e] in _TERMINATORS:
        # a document-site footer sentence repeating the title it follows (《…》由会员上传分享，免费
        # 在线阅读，更多相关内容在…。): dense in markers after the title, it goes from the title to its end
        verdict = judge(text[first:e], hits, settings)
        if verdict and _covered(hits, e) > settings.inline_cover * len(text[first:e].strip()):
            return (s if not text[s:opening].strip() else opening), e, *verdict
    start = s if len(text[s:first].strip()) <= settings.inline_lead else first
    stop = e if len(text[last:e].strip()) <= settings.inline_tail else last
    piece = text[start:stop]
    verdict = judge(piece, hits, settings)
    if verdict and _covered(hits, stop) > settings.inline_cover * len(piece.strip()):
        return _whole_or_nothing(text, s, e, start, stop, hits, settings, verdict)
    return None


def _lead_in_sentence(
    text: str, s: int, start: int, stop: int, hits: list[Hit], settings: BoilerplateSettings,
    verdict: tuple[str, str],
) -> tuple[int, int, str, str] | None:
    """The whole sentence that the segment ``text[s:…]`` starts, if it is an essay site's lead-in cut
    into segments by a ``【…】`` insert (``下面是小编为大家整理的…工作总结【完整版】，供大家参考。``):
    it starts a line or a sentence, the site's editor speaks in the cut, it ends on its line within
    120 characters, and holds no figure of the report. Else None (the markers are kept)."""
    if s and text[s - 1] not in "\n" + _TERMINATORS:
        return None
    if not _lead_in(hits, start, stop):
        return None
    line_end = text.find("\n", stop)
    line_end = len(text) if line_end < 0 else line_end
    m = _SENTENCE_END.search(text, stop, line_end)
    if m is None or m.end() - s > 2 * settings.whole_segment or _QUANTITY.search(text, s, m.end()):
        return None
    return s, m.end(), *verdict


def _lead_in(hits: list[Hit], start: int, stop: int) -> bool:
    """Whether a marker of an essay site's lead-in (its lexicon note says ``lead-in``) is cut in ``[start, stop)``."""
    return any("lead-in" in h[3].note and start <= h[0] < stop for h in hits)


# Marks that end a clause inside a sentence; a cut that starts or ends elsewhere splits a clause.
_CLAUSE_MARKS = "，、：；,:;"
_PAUSE_END = frozenset("，、：,:")
_SENTENCE_END = re.compile(f"[{TERMINATORS}]")
# A figure of a report (12亿元, 5.6%, 300户): the words before a lead-in that hold one are the report's.
_QUANTITY = re.compile(r"[0-9]+(?:[.．][0-9]+)?[ \t]*(?:[万亿千百]|[%％‰元户人个项家次吨亩座条件名])")


def _whole_or_nothing(
    text: str, s: int, e: int, start: int, stop: int, hits: list[Hit], settings: BoilerplateSettings,
    verdict: tuple[str, str],
) -> tuple[int, int, str, str] | None:
    """The cut ``text[start:stop]`` out of the segment ``text[s:e]`` if it leaves whole clauses,
    the whole segment if what it leaves is the rest of a site's lead-in sentence, else None.

    A cut of the markers alone out of a clause (``本文来自人人文库，`` → ``本文来自，``,
    ``请访问某某范文网www…`` → ``请访问某某www…``) leaves the rest of the site's words as a
    fragment; one that ends a sentence begun before it (``…的一种书面材料，以下是小编整理的…。``)
    leaves an unfinished sentence. Such a cut is made whole when the sentence is certainly the
    site's (an essay site's lead-in, the site's editor speaking, in a sentence of at most 120
    characters), and is not made otherwise: the marker is kept (and flagged by the caller).
    """
    left, right = text[s:start], text[stop:e]
    left_clause = left[max(left.rfind(c) for c in _CLAUSE_MARKS) + 1 :]
    right_clause = right[: min((i for i in (right.find(c) for c in _CLAUSE_MARKS) if i >= 0), default=len(right))]
    left_ok = not left_clause.strip() or (0 < start < len(text) and _ends_token(text, start))
    # a cut from the segment start may end inside a clause: a watermark spliced in front of a
    # sentence (。下载后可编辑，仅供参考全镇…), whose rest is the report's
    # (not before a colon: the value of the label cut off would be left, 请关注微信公众号：某某;
    # nor before 的: the phrase the markers begin goes on, 下面是小编为大家整理|的《…》)
    right_ok = right.lstrip()[:1] not in ("：", ":", "的", "之") and (
        not left.strip()
        or not right_clause.strip(" \t\u3000" + _TERMINATORS)
        or (s < stop < len(text) and _ends_token(text, stop))
    )
    if not (left_ok and right_ok):
        if not left.strip() and not right_ok:
            return _lead_in_sentence(text, s, start, stop, hits, settings, verdict)
        return None
    if left.strip() and left.rstrip()[-1] in _PAUSE_END and not right.strip(" \t\u3000" + _TERMINATORS):
        # the cut ends a sentence begun before it: all of it is the site's, or none is cut
        quantity = _QUANTITY.search(left) is not None  # a report's own figure: the sentence is not the site's
        short = e - s <= 2 * settings.whole_segment and text[e - 1 : e] in _TERMINATORS
        if _lead_in(hits, start, stop) and not quantity and short:
            return s, e, *verdict
        return None
    return start, stop, *verdict


def may_go_whole(seg: str, hits: list[Hit], settings: BoilerplateSettings) -> bool:
    """A segment longer than 60 characters goes with its line only when dense in distinct markers."""
    if len(seg.strip()) <= settings.whole_segment:
        return True
    strong = {h[2] for h in hits if h[3].strong}
    return len(strong) >= 2 and len({h[2] for h in hits}) >= 3


def _ends_token(line: str, i: int) -> bool:
    """True if ``line[i - 1]`` ends a run of ASCII letters or digits running into Chinese."""
    last, nxt = _fold(line[i - 1]), line[i]
    return last.isascii() and last.isalnum() and not nxt.isascii() and not nxt.isspace()


def group(hits: list[Hit], spans: list[tuple[int, int]]) -> list[list[Hit]]:
    """The hits starting inside each span (both sorted, spans disjoint)."""
    out: list[list[Hit]] = []
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


def segments(line: str, hits: list[Hit], base: int) -> list[tuple[int, int]]:
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


def stable_cuts(
    text: str, start: int, end: int, cuts: list[tuple[int, int, str, str]], hits: list[Hit]
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
    reach = -1  # where the cuts kept so far end
    for a, b, family, reason in cuts:
        if a < reach:
            continue  # inside a cut already made (a lead-in sentence cut whole across a 【…】 insert)
        lo = max(after[bisect_right(after, a) - 1], before[bisect_left(before, a) - 1] if a > start else start)
        hi = min(after[bisect_right(after, b)] if b < end else end, before[bisect_left(before, b)])
        for k in range(bisect_left(starts, lo), bisect_left(starts, hi)):
            i = bisect_right(cut_starts, starts[k]) - 1
            if i < 0 or starts[k] >= cuts[i][1]:
                break  # a marker that stays would join the new segment
        else:
            out.append((a, b, family, reason))
            reach = b
    return out
