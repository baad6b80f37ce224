"""Sums, rates and values that cannot be right (part of the ``checks`` step).

- ``sum-mismatch``: a total and the parts after ``其中`` that do not add up; a total and the
  parts of ``分别为A、B和C`` that do not add up.
- ``rate-mismatch``: a stated rate that its own figures do not give (``化解率``, ``完成全年目标的``,
  ``占全年任务2355万元的60%``).
- ``impossible-value``: a share above 100%, a negative count.

They read ``context.quantities`` (from the ``quantities`` step).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ._cjk import HAN as _HAN
from ._edits import Proposal
from ._model import Quantity

if TYPE_CHECKING:
    from ._checks import CheckRules

__all__ = ["Index", "rate_checks", "sum_checks", "value_checks"]

_SP = " \u3000\u00a0\t"
_SENTENCE_END = "。！？!?\n"
_DIGIT_NEAR = re.compile(r"[0-9０-９]")

# -- quantity checks ---------------------------------------------------------------------------


def _bounds(text: str, pos: int, ends: str, window: int = 400) -> tuple[int, int]:
    """The start and end of the sentence (or clause) around ``pos``, at most ``window`` away."""
    hi = min(len(text), pos + window)
    # one class search each way, stopping at the nearest end (a find per end character
    # would scan the whole window for each one that is absent); backwards on a reversed copy
    after = _ends(ends).search(text, pos, hi)
    return _start(text, pos, ends, window), after.start() if after else hi


def _start(text: str, pos: int, ends: str, window: int = 400) -> int:
    """The start of the sentence around ``pos`` (as in :func:`_bounds`)."""
    lo = max(0, pos - window)
    before = _ends(ends).search(text[lo:pos][::-1])
    return pos - before.start() if before else lo


@lru_cache(maxsize=8)  # a memo: callers pass a few constant sets of end characters
def _ends(ends: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(ends)}]")


def _within(qs: Sequence[Quantity], starts: Sequence[int], lo: int, hi: int) -> Sequence[Quantity]:
    """The quantities (sorted by span) that lie inside ``[lo, hi)``."""
    return [q for q in qs[bisect_left(starts, lo) : bisect_left(starts, hi)] if q.span[1] <= hi]


_NUMBER = re.compile(r"\d[\d,，]*(?:\.(\d+))?")


def _half_ulp(q: Quantity) -> Decimal:
    """Half a unit in the last written digit of ``q``, in canonical units (the rounding it may hide).

    ``73.5 亿元`` hides up to 0.05 亿 = 5 000 000; ``3万`` up to 5 000; ``99%`` up to 0.5;
    a whole count written out (``1,234 件``) is exact and hides nothing.
    """
    m = _NUMBER.search(q.text)
    if not m:
        return Decimal(0)
    number, fraction = m.group(0, 1)
    written = Decimal(number.replace(",", "").replace("，", ""))
    places = len(fraction or "")
    half = _half(places)
    if q.value == written:  # the usual case (no 万/亿): the scale is 1, no division
        if places == 0 and q.unit not in ("%", "pp"):
            return Decimal(0)  # a count written in full; a rate (99%) is still rounded
        return half
    scale = q.value / written if written else Decimal(1)
    if scale.normalize().as_tuple().digits != (1,):
        scale = Decimal(1)  # 3万4000: not the written number times a power of ten
    if places == 0 and scale == 1 and q.unit not in ("%", "pp"):
        return Decimal(0)  # a count written in full; a rate (99%) is still rounded
    return abs(scale) * half


@lru_cache(maxsize=32)  # a memo: numbers have few distinct counts of decimal places
def _half(places: int) -> Decimal:
    """Half a unit in the last of ``places`` decimal places."""
    return Decimal(5).scaleb(-places - 1)


def _exact(q: Quantity) -> bool:
    return not q.approximate and q.high is None


def _written(q: Quantity) -> str:
    """The number as written in ``q`` (``95`` of ``95 件``)."""
    m = _NUMBER.search(q.text)
    return m.group() if m else q.text


_SPAN = attrgetter("span")


def _sorted(quantities: Sequence[Quantity]) -> Sequence[Quantity]:
    """The quantities by position (linear in C when they come sorted, as from the pipeline)."""
    return sorted(quantities, key=_SPAN)


class Index:
    """The quantities by position and their starts, sorted on first use (once for all checks)."""

    __slots__ = ("_quantities", "_sorted")

    def __init__(self, quantities: Sequence[Quantity]) -> None:
        self._quantities = quantities
        self._sorted: tuple[Sequence[Quantity], list[int]] | None = None

    def get(self) -> tuple[Sequence[Quantity], list[int]]:
        if self._sorted is None:
            qs = _sorted(self._quantities)
            self._sorted = qs, [q.span[0] for q in qs]
        return self._sorted


_QIZHONG = re.compile(r"其中")
#: Words of a change, not a total: 比上年增加, 同比下降, 新增.
_CHANGE = re.compile("增加|减少|增长|下降|提高|降低|上升|回落|新增|净增|比上年|同比|较上年")
_LABEL_SPLIT = re.compile(r"[，,、；;]|和|及|与")


def sum_checks(text: str, index: Index, out: Proposal, rules: CheckRules) -> None:
    """Flag a total followed by ``其中`` and parts of its unit that do not add up (``sum-mismatch``).

    Parts above the total are always wrong (unless a part label says the parts may
    overlap: 以上, 岁, 党员 …); parts short of the total only where the list is meant to be
    exhaustive: levels (国家/省/市/区/街), a partition (男/女, 已/未) or a residual part (其他),
    and the parts reach at least half the total.
    """
    if "其中" in text:
        _qizhong(text, index, out, rules)
    if "分别" in text:
        _respectively(text, index, out, rules)


def _qizhong(text: str, index: Index, out: Proposal, rules: CheckRules) -> None:
    qs, starts = index.get()
    words = rules.words
    marks = list(_QIZHONG.finditer(text))
    for k, m in enumerate(marks):
        s_start, s_end = _bounds(text, m.start(), "。！？!?；;\n")
        if k + 1 < len(marks):  # the next 其中 starts another list: its parts are not ours
            s_end = min(s_end, marks[k + 1].start())
        totals: dict[str | None, Quantity] = {}
        # the total is the figure just before 其中 (at most 8 characters between), not another
        # total of the sentence: look back a little only, and keep the nearest; a change stated
        # after the total (比上年末增加0.1万人，其中…) is passed over
        until = m.start()
        for q in reversed(_within(qs, starts, max(s_start, m.start() - 120), m.start())):
            if q.unit in ("%", "pp"):
                continue
            clause = _start(text, q.span[0], "，,；;：:" + _SENTENCE_END, 30)
            if _CHANGE.search(text, clause, q.span[0]):
                until = clause
                continue
            if len(text[q.span[1] : until].strip(_SP + "，,：:")) <= 8:
                totals[q.unit] = q
            break
        for unit, total in totals.items():
            parts = [q for q in _within(qs, starts, m.end(), s_end) if q.unit == unit]
            labels: list[str] = []
            prev = m.end()
            kept: list[Quantity] = []
            for q in parts:
                between = text[prev : q.span[0]]
                since = text[m.end() : q.span[0]]
                depth = since.count("（") + since.count("(") - since.count("）") - since.count(")")
                if depth > 0 or (kept and any(w in between for w in words.get("nested", ()))):
                    prev = q.span[1]
                    continue  # a part of a part
                # the label is the words just before the part (a unit outside the span is dropped)
                label = next((x.strip(_SP) for x in reversed(_LABEL_SPLIT.split(between)) if x.strip(_SP)), "")
                labels.append(label.removeprefix("包括").removeprefix("包含").removeprefix("有"))
                kept.append(q)
                prev = q.span[1]
            if len(kept) < 2 or not _exact(total) or not all(_exact(q) for q in kept):
                continue
            tol = _half_ulp(total) + sum((_half_ulp(q) for q in kept), Decimal(0))
            whole = sum((q.value for q in kept), Decimal(0))
            span = (total.span[0], kept[-1].span[1])
            biggest = max(kept, key=lambda q: q.value)
            if biggest.value > total.value + tol:
                out.flag(*span, "sum-mismatch",
                         f"a part ({biggest.text}) is larger than the total ({total.text}) it is part of; "
                         "one of the figures is wrong — check the source")
            elif whole > total.value + tol:
                if any(w in label for label in labels for w in words.get("overlap", ())):
                    continue
                shown = "+".join(_written(q) for q in kept)
                out.flag(*span, "sum-mismatch",
                         f"the parts after 其中 ({shown}) add up to more than the total ({total.text}); "
                         "one of the figures is wrong — check the source")
            elif whole < total.value - tol and whole * 2 >= total.value and _exhaustive(labels, words):
                shown = "+".join(_written(q) for q in kept)
                out.flag(*span, "sum-mismatch",
                         f"the parts after 其中 ({shown}) fall short of the total ({total.text}) although they "
                         "list every level or kind; a part or a figure is missing — check the source")


_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|有)?")


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    OF_TARGET: re.Pattern[str]
    PART_SEP: re.Pattern[str]
    RATE_WORD: re.Pattern[str]
    SHARE_OF: re.Pattern[str]


@cache
def _rx() -> _Rx:
    #: What may stand between two parts of a 分别为 list.
    _PART_SEP = re.compile(rf"[{_SP}]*(?:、|，|,|和|及|与|以及)[{_SP}]*")
    _RATE_WORD = re.compile(rf"([{_HAN}]{{2}})率(?:为|达|达到|是)?[{_SP}]*$")
    #: 占 … 的 (比重为) before a rate: the base it is a share of may be written there (占全年任务2355万元的60%).
    _SHARE_OF = re.compile(rf"占[^，。；,;！？!?\n]{{0,24}}的(?:比重|比例)?(?:为|达|是)?[{_SP}]*$")
    _OF_TARGET = re.compile(rf"完成(?:了)?(?:全年|年度|本年|年)?(?:目标|计划|任务)(?:任务)?(?:的)?[{_SP}]*$")
    return _Rx(_OF_TARGET, _PART_SEP, _RATE_WORD, _SHARE_OF)


#: Words of a stated total (全县户籍人口为, 共有, 总计, 合计).
_TOTAL_WORD = re.compile("全|共|总|合计|累计")
_COUNT_OF_PARTS = re.compile(r"([0-9]+|[一二三四五六七八九十两]+)个")
_CN_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _respectively(text: str, index: Index, out: Proposal, rules: CheckRules) -> None:
    """``…户籍人口为10000人。…三个村人口分别为2000人、5000人和2900人``: the parts of a 分别为 list
    checked against the stated total they break down."""
    qs, starts = index.get()
    for m in _RESPECTIVELY.finditer(text):
        s_start, s_end = _bounds(text, m.start(), "。！？!?；;\n")
        parts: list[Quantity] = []
        prev = m.end()
        for q in _within(qs, starts, m.end(), s_end):
            between = text[prev : q.span[0]]
            if (parts and not _rx().PART_SEP.fullmatch(between)) or (not parts and between.strip(_SP)):
                break
            parts.append(q)
            prev = q.span[1]
        unit = parts[0].unit if parts else None
        if len(parts) < 2 or unit in (None, "%", "pp") or not all(q.unit == unit and _exact(q) for q in parts):
            continue
        lead = text[s_start : m.start()].strip(_SP + "，,")
        total = _stated_total(text, qs, starts, unit, s_start, m.start(), lead)
        if total is None or not _exact(total):
            continue
        tol = _half_ulp(total) + sum((_half_ulp(q) for q in parts), Decimal(0))
        whole = sum((q.value for q in parts), Decimal(0))
        shown = "+".join(_written(q) for q in parts)
        span = (parts[0].span[0], parts[-1].span[1])
        if whole > total.value + tol:
            out.flag(*span, "sum-mismatch",
                     f"the parts after 分别 ({shown}) add up to more than the total ({total.text}) stated before; "
                     "one of the figures is wrong — check the source")
        elif whole < total.value - tol and whole * 2 >= total.value and _lists_every_part(lead, len(parts), rules):
            out.flag(*span, "sum-mismatch",
                     f"the parts after 分别 ({shown}) fall short of the total ({total.text}) stated before although "
                     "they name every part; a part or a figure is wrong — check the source")


def _stated_total(
    text: str, qs: Sequence[Quantity], starts: list[int], unit: str | None, s_start: int, at: int, lead: str
) -> Quantity | None:
    """The total a 分别为 list breaks down: the nearest figure of its unit before it, in its paragraph,
    stated as a total (全/共/总 in its clause) — in the same sentence, or earlier with the same subject
    (…户籍人口为 112635 人 … 户籍人口分别为)."""
    line = text.rfind("\n", 0, s_start) + 1
    in_sentence = _within(qs, starts, s_start, at)
    if any(q.unit == unit for q in in_sentence):
        q = next(q for q in reversed(in_sentence) if q.unit == unit)
        clause = text[_start(text, q.span[0], "，,；;。" + _SENTENCE_END, 40) : q.span[0]]
        return q if _TOTAL_WORD.search(clause) and "其中" not in clause else None
    key = lead[-2:]
    if len(key) < 2:
        return None
    for q in reversed(_within(qs, starts, max(line, s_start - 600), s_start)):
        if q.unit != unit:
            continue
        clause = text[_start(text, q.span[0], "，,；;。" + _SENTENCE_END, 40) : q.span[0]]
        subject = clause.rstrip(_SP + "为是达有约共计：:")
        if subject.endswith(key) and _TOTAL_WORD.search(clause) and "其中" not in clause:
            return q
    return None


def _lists_every_part(lead: str, n: int, rules: CheckRules) -> bool:
    """Whether the words before 分别为 name all the parts: a count equal to theirs (全乡3个村), or a
    list of ranges from the lowest to an open top (0-17岁、…、60岁及以上), or a residual or partition."""
    count = _COUNT_OF_PARTS.search(lead)
    if count is not None:
        c = count.group(1)
        value = int(c) if c.isdigit() else (_CN_SMALL.get(c, -1) if len(c) == 1 else -1)
        if value == n:
            return True
    labels = [x for x in re.split("、|和|及(?!以)", lead) if x]
    if len(labels) == n and "以上" in labels[-1] and (labels[0][:1] in ("0", "０") or "以下" in labels[0]):
        return True
    return len(labels) == n and _exhaustive(labels, rules.words)


def _exhaustive(labels: list[str], words: dict[str, frozenset[str]]) -> bool:
    levels = words.get("level", frozenset())
    if any(w in label for label in labels for w in words.get("residual", ())):
        return True
    if all(label.startswith(tuple(levels)) for label in labels):
        return True  # every part names a level: 国家…, 省…, 市…, 区…, 街…
    partition = tuple(words.get("partition", ()))
    return bool(partition) and all(label.startswith(partition) for label in labels)


_TARGET = re.compile("目标|计划|任务")


def rate_checks(text: str, quantities: Sequence[Quantity], index: Index, out: Proposal) -> None:
    """Recompute a stated rate from the figures it names (``rate-mismatch``).

    Three shapes: ``排查 287 条，化解 285 条，化解率 99%`` (the verb before 率 names the
    numerator; the denominator is the figure of the same unit before it), ``目标 73.5 亿元
    … 完成 65 亿元，完成全年目标 88.4%`` and a share of a stated base, ``完成1318万元，占全年
    任务2355万元的60%`` (the figure just before 占 over the one between 占 and 的).
    Rounding and truncation are allowed for.
    """
    rates: list[tuple[Quantity, re.Match[str] | None, int]] = []
    for r in [q for q in quantities if q.unit == "%"]:  # (a filter at C speed first)
        if not _exact(r):
            continue
        # the words just before the rate (the patterns hold no punctuation: they stay in the clause)
        lead = text[max(0, r.span[0] - 14) : r.span[0]]
        if "率" in lead or "完成" in lead:  # (each of the first two patterns needs one of them)
            w = _rx().RATE_WORD.search(lead)
            if w is not None or _rx().OF_TARGET.search(lead):
                rates.append((r, w, -1))
                continue
        if "的" in lead:
            share = _rx().SHARE_OF.search(text, max(0, r.span[0] - 34), r.span[0])
            if share is not None:
                rates.append((r, None, share.start()))
    if not rates:
        return
    qs, starts = index.get()
    rates.sort(key=lambda x: x[0].span)  # in the order of the sorted quantities (a stable sort)
    for r, w, of in rates:
        s_start = _start(text, r.span[0], _SENTENCE_END)
        earlier = [
            q for q in _within(qs, starts, s_start, r.span[0])
            if q.unit not in ("%", "pp") and not q.approximate and q.high is None  # (_exact, inline)
        ]
        num = den = None
        if of >= 0:
            den = next((q for q in reversed(earlier) if q.span[0] > of), None)
            num = next((q for q in reversed(earlier) if q.span[1] <= of), None)
            if den is None or num is None or num.unit != den.unit or text[num.span[1] : of].strip(_SP + "，,"):
                continue  # the base or the figure is not written there (占总量的 5%), or not just before 占
        elif w is not None:
            verb = w.group(1)
            for j in range(len(earlier) - 1, -1, -1):
                if verb in text[max(s_start, earlier[j].span[0] - 6) : earlier[j].span[0]]:
                    num = earlier[j]
                    den = next((q for q in reversed(earlier[:j]) if q.unit == num.unit), None)
                    break
        else:
            for j in range(len(earlier) - 1, -1, -1):
                if "完成" in text[max(s_start, earlier[j].span[0] - 6) : earlier[j].span[0]]:
                    num = earlier[j]
                    den = next(
                        (q for q in reversed(earlier[:j]) if q.unit == num.unit and _TARGET.search(
                            text[max(s_start, q.span[0] - 8) : q.span[0]])),
                        None,
                    )
                    break
        if num is None or den is None or not den.value:
            continue
        calc = 100 * num.value / den.value
        rel = _half_ulp(num) / abs(num.value or Decimal(1)) + _half_ulp(den) / abs(den.value)
        tol = 2 * _half_ulp(r) + calc * rel
        if abs(calc - r.value) > tol:
            out.flag(r.span[0], r.span[1], "rate-mismatch",
                     f"the rate {r.text} does not follow from its figures: {num.text} / {den.text} = "
                     f"{calc:.1f}%; one of them is wrong — check the source")


def value_checks(text: str, quantities: Sequence[Quantity], out: Proposal, rules: CheckRules) -> None:
    """Flag shares above 100% and negative counts (``impossible-value``).

    完成率 and growth may exceed 100%; 占比, 覆盖率, 参与率 … may not.
    """
    # two filters at C speed first: most figures are neither percentages nor negative
    for q in [q for q in quantities if q.unit == "%"]:
        top = q.value if q.high is None else max(q.value, q.high)
        # the share pattern holds no punctuation: a match stays in the clause of the figure
        if top > 100 and rules.share.search(text, max(0, q.span[0] - 10), q.span[0]):
            out.flag(q.span[0], q.span[1], "impossible-value",
                     f"{q.text} is a share of a whole and cannot exceed 100%; check the source")
    for q in [q for q in quantities if q.value.is_signed() and q.unit in rules.counts]:
        if q.value and not _DIGIT_NEAR.match(text[q.span[0] - 1 : q.span[0]] or " "):
            # (a minus right after a digit is a range dash: 1200-1500 人)
            out.flag(q.span[0], q.span[1], "impossible-value", f"{q.text} is a negative count; check the source")


