"""Flag missing numbers, sums and rates that do not add up, and other data problems.

The last step of the pipeline: it changes nothing and raises warnings only.

- ``missing-number``: a measure word or unit where a number is due (``学习 次``,
  ``完成率 %``, ``人均元``, ``2014年 月 日``).
- ``empty-field``: a form label with nothing after it (``会员群：``).
- ``sum-mismatch``: a total and the parts after ``其中`` that do not add up.
- ``rate-mismatch``: a stated rate that its own figures do not give.
- ``impossible-value``: a share above 100%, a negative count.
- ``stray-number``: a bare number between clauses (a page number, a broken figure).
- ``duplicate-paragraph``, ``truncated``, ``suspect-typo`` (``己立案``).

The sum, rate and value checks read ``context.quantities`` (from the
``quantities`` step); the others read the text. Vocabulary lives in
``data/measure_words.tsv``, ``data/checks.tsv`` and ``data/typos.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache, partial
from operator import attrgetter

from ._cjk import HAN as _HAN
from ._config import Config
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import package_lexicon
from ._model import Quantity
from ._placeholders import alternation as _alternation
from ._placeholders import words_by_role

__all__ = ["CHECKS", "CheckRules", "check_rules", "checks", "rate_checks", "sum_checks", "value_checks"]

_SP = " \u3000\u00a0\t"
_BOUNDARY = r"(?=[，。；、,;.：:）)！？!?\s]|$)"
#: Characters before a measure word that make it no missing number: numerals, determiners.
_DETERMINERS = "〇○零一二三四五六七八九十百千万亿两几数多每首本此该这那各某整单逐历屡上下前后全半余若"
_SENTENCE_END = "。！？!?\n"
#: The roles of the words in data/checks.tsv (see its header).
_ROLES = ("share", "field", "level", "partition", "residual", "overlap", "nested", "after-number")
_EMERGENCY = frozenset({"110", "112", "114", "119", "120", "122"})
#: What may stand before a measure word whose number was lost (one pattern each in CheckRules.spaced).
_SPACED_FIRSTS = " \u3000\u00a0\n"


@dataclass(frozen=True, slots=True)
class CheckRules:
    """The compiled vocabulary of the step (built once per :class:`Config`)."""

    spaced: tuple[re.Pattern[str], ...]
    unspaced: tuple[re.Pattern[str], ...]
    not_after: dict[str, frozenset[str]]
    after_bare: re.Pattern[str]
    typo: re.Pattern[str] | None
    typos: dict[str, tuple[str, frozenset[str]]]
    field: re.Pattern[str]
    share: re.Pattern[str]
    words: dict[str, frozenset[str]]
    counts: frozenset[str]


def _by_first(firsts: str, rest: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per first character: a literal first character is found at C speed,
    a character class is tested at every position (ten times slower)."""
    return tuple(re.compile(re.escape(c) + rest) for c in firsts)


def check_rules(config: Config) -> CheckRules:
    """Compile the built-in and user vocabularies for ``config``."""
    measures = [package_lexicon("measure_words.tsv"), *config.user_lexicons("measure-words")]
    vocab = [package_lexicon("checks.tsv"), *config.user_lexicons("checks")]
    typo_lx = [package_lexicon("typos.tsv"), *config.user_lexicons("typos")]
    classes: dict[str, str] = {}
    not_after: dict[str, frozenset[str]] = {}
    for lx in measures:
        for row in lx.rows:
            classes[row[0]] = row[1] if len(row) > 1 else "count"
            if len(row) > 2 and row[2]:
                not_after[row[0]] = frozenset(row[2])
    # After a converter space only words a number must precede; no bare Latin (m, t) or 万/亿.
    spaced_words = [w for w, c in classes.items() if c != "number" and not re.fullmatch(r"[A-Za-z0-9]+", w)]
    words = words_by_role(vocab, _ROLES)
    typos: dict[str, tuple[str, frozenset[str]]] = {}
    for lx in typo_lx:
        for row in lx.rows:
            typos[row[0]] = (row[1] if len(row) > 1 else "", frozenset(row[2] if len(row) > 2 else ""))
    return CheckRules(
        spaced=_by_first(
            _SPACED_FIRSTS,  # \n: a number lost at a line break (调解\n件，)
            rf"[ \u3000\u00a0]*(?=[{re.escape(''.join(sorted({w[0] for w in spaced_words})))}])"
            rf"(?:{_alternation(spaced_words)}){_BOUNDARY}",
        ),
        unspaced=tuple(_unspaced(w, not_after[w]) for w in sorted(not_after)),
        not_after=not_after,
        after_bare=re.compile(
            rf"(?:[多余])?(?:{_alternation(classes)})|{_alternation(words.get('after-number', ()))}"
        ),
        typo=re.compile(_alternation(typos)) if typos else None,
        typos=typos,
        field=re.compile(
            rf"(?:^|[{_SP}])([{_HAN}A-Za-z]{{0,7}}(?:{_alternation(words.get('field', ()))}))$", re.MULTILINE
        ),
        share=re.compile(rf"(?:{_alternation(words.get('share', ()))})(?:为|达|达到|是)?[{_SP}]*$"),
        words={k: frozenset(v) for k, v in words.items()},
        counts=frozenset(w for w, c in classes.items() if c == "count"),
    )


def _unspaced(word: str, not_after: frozenset[str]) -> re.Pattern[str]:
    """``word`` at a clause end after two hanzi, neither a determiner nor in ``not_after``
    just before it, and no digit in the two characters before those (8175余家次).

    The tests stand after the literal word, as lookbehinds, so that the regex finds the
    word at C speed and tests it in C.
    """
    w = re.escape(word)
    return re.compile(
        rf"{w}(?<=[{_HAN}]{{2}}{w})(?<![{re.escape(''.join(sorted(set(_DETERMINERS) | not_after)))}]{w})"
        rf"(?<![0-9０-９][\s\S]{{2}}{w})(?<![0-9０-９][\s\S]{{3}}{w}){_BOUNDARY}"
    )


# -- text checks -------------------------------------------------------------------------------


def _missing_numbers(text: str, rules: CheckRules, out: Proposal) -> None:
    seen: set[int] = set()

    def flag(start: int, end: int, what: str) -> None:
        if start in seen:
            return
        seen.add(start)
        what = " ".join(what.split())  # 调解\n件 reads 调解 件
        out.flag(
            start,
            end,
            "missing-number",
            f"no number before “{what}”: the figure was lost (a converter or a template left it blank); "
            "take it from the source document",
        )

    # Every pattern starts with one literal character, which the regex engine finds at C
    # speed; what must stand before a match is checked here.
    for m in _matches(_SPACED_FIRSTS, rules.spaced, text):
        start = m.start()
        while start and text[start - 1] in _SP:
            start -= 1
        # two characters of a word before the gap (not a letter-spaced heading: 工 作 总 结),
        # and no colon after (a letter-spaced form label: 填报单  位：)
        if (
            _TWO_HAN.fullmatch(text, max(0, start - 2), start)
            and text[start - 1] not in _DETERMINERS
            and text[m.end() : m.end() + 1] not in ("：", ":")
        ):
            flag(start, m.end(), text[start - 2 : m.end()])
    for m in _matches("%％", _PERCENT, text):
        start = m.start()
        while start and text[start - 1] in _SP:
            start -= 1
        if start and _HAN_CHAR.match(text[start - 1]) and text[start - 1] not in _DETERMINERS:
            flag(start, m.end(), text[start - 1 : m.end()])
    for pattern in rules.unspaced:  # (what must stand before is tested in the pattern)
        for m in pattern.finditer(text):
            start, end = m.span()
            flag(start, end, text[start - 2 : end])
    for m in _YUAN.finditer(text):
        start = m.start() - 1 if m.start() and text[m.start() - 1] in "万亿" else m.start()
        if start and text[start - 1] in _MONEY_CUE:
            flag(start, m.end(), text[start - 1 : m.end()])
    for pattern in _DATE_GAP:
        for m in pattern.finditer(text):
            # 年 月 日 / 年 月: blanks after 年; 5月 日 and 2014年月日: a digit before
            if m.group(1) is None and not (m.start() and _DIGIT_NEAR.match(text[m.start() - 1])):
                continue
            flag(m.start() + 1, m.end(), m.group())


_DIGIT_NEAR = re.compile(r"[0-9０-９]")
_TWO_HAN = re.compile(rf"[{_HAN}]{{2}}")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
#: A percent sign after a hanzi or a space (the rest is tested in Python).
_PERCENT = tuple(re.compile(rf"{p}(?<=[{_HAN}{re.escape(_SP)}]{p})") for p in "%％")
_DATE_GAP = (
    re.compile(rf"年(?:([ \u3000]+)月(?:[ \u3000]*日)?(?![{_HAN}])|月日)"),
    re.compile(rf"月()[ \u3000]+日(?![{_HAN}])"),
)
#: A word that announces a sum of money, before 元/万元/亿元 (总值亿元, 人均元).
_MONEY_CUE = frozenset("值额均计达约入资款费支出收共")
#: 元 after a money cue (or 万/亿 after one: tested in Python).
_YUAN = re.compile(f"元(?<=[{''.join(sorted(_MONEY_CUE))}万亿]元){_BOUNDARY}")


_COLON_AT_END = _by_first("：:", r"[ \u3000\t]*(?=\n|$|[ \u3000\t]{2,}\S)")


def _matches(firsts: str, patterns: tuple[re.Pattern[str], ...], text: str) -> Iterator[re.Match[str]]:
    """The matches of patterns made by :func:`_by_first`, pattern by pattern; a pattern whose
    first character is not in ``text`` is skipped (``in`` is faster than the regex's own scan)."""
    for first, pattern in zip(firsts, patterns, strict=True):
        if first in text:
            yield from pattern.finditer(text)


def _empty_fields(text: str, rules: CheckRules, out: Proposal) -> None:
    for m in _matches("：:", _COLON_AT_END, text):
        lo = max(0, m.start() - 9, text.rfind("\n", 0, m.start()) + 1)
        label = rules.field.search(text, lo, m.start())
        if label is None:
            continue
        start = label.start(1)  # a label of at most 9 characters after a line start or a space
        out.flag(
            start,
            m.start() + 1,
            "empty-field",
            f"the field “{text[start : m.start() + 1]}” is empty: its value was removed or never filled in",
        )


_STRAY_FIRSTS = "，,；;"
_STRAY = _by_first(_STRAY_FIRSTS, rf"[ \u3000]*(\d{{1,3}})(?![\d.,，%．])[ \u3000]*(?=[{_HAN}])")


def _stray_numbers(text: str, rules: CheckRules, out: Proposal) -> None:
    for m in _matches(_STRAY_FIRSTS, _STRAY, text):
        if m.group(1) in _EMERGENCY or rules.after_bare.match(text, m.end()):
            continue
        out.flag(
            m.start(1),
            m.end(1),
            "stray-number",
            f"a bare number “{m.group(1)}” between clauses, with no unit: a page number or a broken figure; "
            "check it against the source",
        )


_LINE = re.compile(r"[^\n]+")


def _duplicates(text: str, out: Proposal) -> None:
    # Fast path, at C speed: no line repeats another once stripped (blank lines aside).
    stripped = list(map(str.strip, text.split("\n")))
    distinct = set(stripped)
    if len(distinct) - ("" in distinct) == len(stripped) - stripped.count(""):
        return
    repeated = {k for k, n in Counter(k for k in stripped if len(k) >= 20).items() if n > 1}
    if not repeated:
        return
    first: dict[str, int] = {}
    lineno = 0
    for m in _LINE.finditer(text):
        para = m.group().strip()
        if not para:
            continue
        lineno += 1
        if para not in repeated:
            continue
        if para in first:
            start = m.start() + m.group().index(para)
            out.flag(
                start,
                start + len(para),
                "duplicate-paragraph",
                f"this paragraph repeats paragraph {first[para]} word for word; drop one copy if it is not intended",
            )
        else:
            first[para] = lineno


_TERMINAL = frozenset("。！？!?…”’」』）)】》.;；—~～*|")
#: A last paragraph starting so is a list of attachments or a note, not a sentence.
_NOT_PROSE = ("附件", "附：", "附:", "注：", "注:", "|")


def _truncated(text: str, out: Proposal) -> None:
    end = len(text.rstrip())
    if end == 0:
        return
    start = text.rfind("\n", 0, end) + 1
    para = text[start:end].strip(_SP)
    if len(para) < 8 or not ("，" in para or "," in para) or para[-1] in _TERMINAL or para.startswith(_NOT_PROSE):
        return
    out.flag(
        max(start, end - 10),
        end,
        "truncated",
        f"the document ends mid-sentence (“…{para[-10:]}”): the copy is probably cut off; find a complete one",
    )


def _suspect_typos(text: str, rules: CheckRules, out: Proposal) -> None:
    if rules.typo is None:
        return
    for m in rules.typo.finditer(text):
        fix, not_after = rules.typos[m.group()]
        if m.start() and text[m.start() - 1] in not_after:
            continue
        out.flag(m.start(), m.end(), "suspect-typo", f"“{m.group()}” is probably a typo for “{fix}”; check the source")


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


class _Index:
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
_LABEL_SPLIT = re.compile(r"[，,、；;]|和|及|与")


def sum_checks(text: str, quantities: Sequence[Quantity], out: Proposal, rules: CheckRules | None = None) -> None:
    """Flag a total followed by ``其中`` and parts of its unit that do not add up (``sum-mismatch``).

    Parts above the total are always wrong (unless a part label says the parts may
    overlap: 以上, 岁, 党员 …); parts short of the total only where the list is meant to be
    exhaustive: levels (国家/省/市/区/街), a partition (男/女, 已/未) or a residual part (其他),
    and the parts reach at least half the total.
    """
    if "其中" in text:
        _sum_checks(text, _Index(quantities), out, _DEFAULT_RULES if rules is None else rules)


def _sum_checks(text: str, index: _Index, out: Proposal, rules: CheckRules) -> None:
    qs, starts = index.get()
    words = rules.words
    marks = list(_QIZHONG.finditer(text))
    for k, m in enumerate(marks):
        s_start, s_end = _bounds(text, m.start(), "。！？!?；;\n")
        if k + 1 < len(marks):  # the next 其中 starts another list: its parts are not ours
            s_end = min(s_end, marks[k + 1].start())
        totals: dict[str | None, Quantity] = {}
        # a total stands just before 其中 (at most 8 characters between): look back a little only
        for q in _within(qs, starts, max(s_start, m.start() - 80), m.start()):
            gap = text[q.span[1] : m.start()].strip(_SP + "，,：:")
            if len(gap) <= 8 and q.unit not in ("%", "pp"):
                totals[q.unit] = q
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


def _exhaustive(labels: list[str], words: dict[str, frozenset[str]]) -> bool:
    levels = words.get("level", frozenset())
    if any(w in label for label in labels for w in words.get("residual", ())):
        return True
    if all(label.startswith(tuple(levels)) for label in labels):
        return True  # every part names a level: 国家…, 省…, 市…, 区…, 街…
    partition = tuple(words.get("partition", ()))
    return bool(partition) and all(label.startswith(partition) for label in labels)


_RATE_WORD = re.compile(rf"([{_HAN}]{{2}})率(?:为|达|达到|是)?[{_SP}]*$")
_TARGET = re.compile("目标|计划|任务")
_OF_TARGET = re.compile(rf"完成(?:了)?(?:全年|年度|本年|年)?(?:目标|计划|任务)(?:任务)?(?:的)?[{_SP}]*$")


def rate_checks(text: str, quantities: Sequence[Quantity], out: Proposal) -> None:
    """Recompute a stated rate from the figures it names (``rate-mismatch``).

    Two shapes: ``排查 287 条，化解 285 条，化解率 99%`` (the verb before 率 names the
    numerator; the denominator is the figure of the same unit before it) and ``目标 73.5 亿元
    … 完成 65 亿元，完成全年目标 88.4%``. Rounding and truncation are allowed for.
    """
    _rate_checks(text, quantities, _Index(quantities), out)


def _rate_checks(text: str, quantities: Sequence[Quantity], index: _Index, out: Proposal) -> None:
    rates: list[tuple[Quantity, re.Match[str] | None]] = []
    for r in [q for q in quantities if q.unit == "%"]:  # (a filter at C speed first)
        if not _exact(r):
            continue
        # the words just before the rate (the patterns hold no punctuation: they stay in the clause)
        lead = text[max(0, r.span[0] - 14) : r.span[0]]
        if "率" not in lead and "完成" not in lead:
            continue  # (each pattern needs one of them)
        w = _RATE_WORD.search(lead)
        if w is None and not _OF_TARGET.search(lead):
            continue
        rates.append((r, w))
    if not rates:
        return
    qs, starts = index.get()
    rates.sort(key=lambda x: x[0].span)  # in the order of the sorted quantities (a stable sort)
    for r, w in rates:
        s_start = _start(text, r.span[0], _SENTENCE_END)
        earlier = [
            q for q in _within(qs, starts, s_start, r.span[0])
            if q.unit not in ("%", "pp") and not q.approximate and q.high is None  # (_exact, inline)
        ]
        num = den = None
        if w is not None:
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


def value_checks(text: str, quantities: Sequence[Quantity], out: Proposal, rules: CheckRules | None = None) -> None:
    """Flag shares above 100% and negative counts (``impossible-value``).

    完成率 and growth may exceed 100%; 占比, 覆盖率, 参与率 … may not.
    """
    if rules is None:
        rules = _DEFAULT_RULES
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


def checks(text: str, context: Context, rules: CheckRules | None = None) -> Proposal:
    """Flag missing numbers, figures that do not add up and other data problems.

    >>> p = checks("共开展党委中心组学习 次、集中学习 4 次。目前己立案20件。", Context())
    >>> [(f.code, "共开展党委中心组学习 次、集中学习 4 次。目前己立案20件。"[f.start:f.end]) for f in p.flags]
    [('missing-number', ' 次'), ('suspect-typo', '己立案')]
    >>> checks("“十三五”规划，第一季度，每次，多次，万元以上设备，自己经历。", Context()).flags
    []
    """
    if rules is None:
        rules = _DEFAULT_RULES
    out = Proposal()
    _missing_numbers(text, rules, out)
    _empty_fields(text, rules, out)
    _stray_numbers(text, rules, out)
    _duplicates(text, out)
    _truncated(text, out)
    _suspect_typos(text, rules, out)
    if context.quantities:
        index = _Index(context.quantities)  # sorted at most once, for both
        if "其中" in text:
            _sum_checks(text, index, out, rules)
        _rate_checks(text, context.quantities, index, out)
        value_checks(text, context.quantities, out, rules)
    return out


_DEFAULT_RULES = check_rules(Config())


def _make(config: Config) -> StepFn:
    return partial(checks, rules=check_rules(config))


CHECKS = Step(
    "checks",
    _make,
    {
        "missing-number": "warning",
        "empty-field": "info",
        "sum-mismatch": "warning",
        "rate-mismatch": "warning",
        "impossible-value": "warning",
        "stray-number": "info",
        "duplicate-paragraph": "warning",
        "truncated": "warning",
        "suspect-typo": "info",
    },
)
