"""Flag missing numbers, sums and rates that do not add up, and other data problems.

The last step of the pipeline: it changes nothing and raises warnings only.

- ``missing-number``: a measure word or unit where a number is due (``学习 次``,
  ``完成率 %``, ``人均元``, ``2014年 月 日``, ``为 位大学生``, ``镇届人大``); see :mod:`._gaps`.
- ``displaced-number``: such a blank with a number alone on a nearby line (a PDF text layer).
- ``empty-field``: a form label with nothing after it (``会员群：``).
- ``sum-mismatch``, ``rate-mismatch``, ``impossible-value``: see :mod:`._sums`.
- ``stray-number``: a bare number between clauses (a page number, a broken figure).
- ``lost-characters``: a paragraph whose hanzi all became ``?`` (an encoder that could not
  write them).
- ``duplicate-paragraph``, ``truncated``, ``suspect-typo`` (``己立案``).

The sum, rate and value checks read ``context.quantities`` (from the
``quantities`` step); the others read the text, a traditional text folded to simplified
characters one for one (so that the vocabulary, written in simplified characters, reads
``戶``, ``屆`` and ``萬`` too). Vocabulary lives in ``data/measure_words.tsv``,
``data/checks.tsv``, ``data/gaps.tsv`` and ``data/typos.tsv``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import chain, repeat
from typing import NamedTuple

from ._cjk import HAN as _HAN
from ._config import Config
from ._edits import Context, Proposal, Step, StepFn
from ._gaps import BOUNDARY as _BOUNDARY
from ._gaps import DETERMINERS as _DETERMINERS
from ._gaps import NOUN_SUFFIX as _NOUN_SUFFIX
from ._gaps import ROLES as _END_ROLES
from ._gaps import SPACED_FIRSTS as _SPACED_FIRSTS
from ._gaps import by_first as _by_first
from ._gaps import matches as _matches
from ._gaps import missing_numbers
from ._lexicon import Lexicon, Schema, package_lexicon
from ._model import Quantity
from ._placeholders import alternation as _alternation
from ._placeholders import words_by_role
from ._script import fold_table, traditional_chars
from ._structure import LEXICONS as _STRUCTURE_LEXICONS
from ._structure import StructureRules, heading_before, numbered
from ._structure import compile_rules as _structure_rules
from ._sums import Index, _half_ulp  # noqa: F401 (_half_ulp: re-exported for the tests)
from ._sums import rate_checks as _rate_checks
from ._sums import sum_checks as _sum_checks
from ._sums import value_checks as _value_checks

__all__ = [
    "CHECKS",
    "CheckRules",
    "check_rules",
    "checks",
    "compile_rules",
    "rate_checks",
    "run",
    "sum_checks",
    "value_checks",
]

_SP = " \u3000\u00a0\t"
#: The roles of the words in data/checks.tsv (see its header).
_ROLES = ("share", "field", "level", "partition", "residual", "overlap", "nested", "after-number")
#: The roles of the words in data/gaps.tsv (see its header).
_GAP_ROLES = ("counter", "not-count", "gap-after", "congress", "year-next", *_END_ROLES)
_EMERGENCY = frozenset({"110", "112", "114", "119", "120", "122"})


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
    #: data/gaps.tsv: a space before a counter and a hanzi (为 位大学生: the verb is tested in Python)
    spaced_counter: tuple[re.Pattern[str], ...]
    list_item: re.Pattern[str]  # 、 and the first character of a counter
    counter_end: tuple[re.Pattern[str], ...]  # a one-character counter at a clause end, after a verb
    counter: re.Pattern[str]
    not_count: frozenset[str]
    gap_after: frozenset[str]
    gap_after_lengths: tuple[int, ...]  # longest first
    congress: re.Pattern[str]
    year_next: re.Pattern[str]


def compile_rules(config: Config) -> CheckRules:
    """Compile the built-in and user vocabularies for ``config`` (memoised on the user lexicons it reads)."""
    return _compile(
        config.user_lexicons("measure-words"),
        config.user_lexicons("checks"),
        config.user_lexicons("typos"),
        config.user_lexicons("gaps"),
    )


check_rules = compile_rules  # the name other modules and the tests know


def _default_rules() -> CheckRules:
    return compile_rules(Config())


@lru_cache(maxsize=16)
def _compile(
    user_measures: tuple[Lexicon, ...],
    user_vocab: tuple[Lexicon, ...],
    user_typos: tuple[Lexicon, ...],
    user_gaps: tuple[Lexicon, ...],
) -> CheckRules:
    measures = [package_lexicon("measure_words.tsv"), *user_measures]
    vocab = [package_lexicon("checks.tsv"), *user_vocab]
    typo_lx = [package_lexicon("typos.tsv"), *user_typos]
    gaps = words_by_role([package_lexicon("gaps.tsv"), *user_gaps], _GAP_ROLES)
    counters = gaps["counter"] or ["个"]
    gap_after = tuple(sorted(set(gaps["gap-after"]), key=lambda w: (-len(w), w)))
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
        # (the hanzi before the space is tested in the regex, in C: most spaces stand elsewhere)
        spaced_counter=tuple(
            re.compile(
                rf"{re.escape(c)}(?<=[{_HAN}]{re.escape(c)})[ \u3000\u00a0]*"
                rf"(?=[{re.escape(''.join(sorted({w[0] for w in counters})))}])(?:{_alternation(counters)})(?=[{_HAN}])"
            )
            for c in _SPACED_FIRSTS[:3]
        ),
        # one pattern per counter, each found by its literal at C speed, and the two characters of
        # a verb before it tested in C (a lookbehind of one width): few matches reach Python
        counter_end=tuple(
            re.compile(
                rf"{re.escape(c)}(?=[，。；、,;！？!?：:\n])"
                rf"(?<=(?:{'|'.join(sorted({re.escape(w[-2:]) for w in gap_after if len(w) >= 2}))}){re.escape(c)})"
            )
            for c in sorted(w for w in counters if len(w) == 1 and w not in _NOUN_SUFFIX)
        ),
        list_item=re.compile(rf"、[ \u3000\u00a0]*(?=[{re.escape(''.join(sorted({w[0] for w in counters})))}])"),
        counter=re.compile(_alternation(counters)),
        not_count=frozenset(gaps["not-count"]),
        gap_after=frozenset(gap_after),
        gap_after_lengths=tuple(sorted({len(w) for w in gap_after}, reverse=True)),
        congress=_after_literal("届", gaps["congress"]),
        # (a sentence start or a space before 年, tested in C: 年 is in every other sentence)
        year_next=_after_literal("年", gaps["year-next"], "(?:(?<=[。！？；!?;\n \u3000]年)|(?<=^年))"),
    )


def _after_literal(first: str, words: list[str], guard: str = "") -> re.Pattern[str]:
    """``words`` (each starting with ``first``) as one regex that starts with the literal ``first``,
    found at C speed (an alternation of whole words is tried at every position), then ``guard``."""
    rest = [w[len(first) :] for w in words if w.startswith(first) and len(w) > len(first)]
    return re.compile(f"{re.escape(first)}{guard}(?:{_alternation(rest)})" if rest else "(?!)")


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


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    COLON_AT_END: tuple[re.Pattern[str], ...]
    STRAY: tuple[re.Pattern[str], ...]


@cache
def _rx() -> _Rx:
    _COLON_AT_END = _by_first("：:", r"[ \u3000\t]*(?=\n|$|[ \u3000\t]{2,}\S)")
    _STRAY = _by_first(_STRAY_FIRSTS, rf"[ \u3000]*(\d{{1,3}})(?![\d.,，%．])[ \u3000]*(?=[{_HAN}])")
    return _Rx(_COLON_AT_END, _STRAY)


def _empty_fields(text: str, rules: CheckRules, out: Proposal) -> None:
    for m in _matches("：:", _rx().COLON_AT_END, text):
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


def _stray_numbers(text: str, rules: CheckRules, out: Proposal) -> None:
    for m in _matches(_STRAY_FIRSTS, _rx().STRAY, text):
        if m.group(1) in _EMERGENCY or rules.after_bare.match(text, m.end()):
            continue
        if m.start() and text[m.start() - 1].isdigit() and m.start(1) == m.start() + 1 and len(m.group(1)) == 3:
            continue  # a thousands separator: 1,234,567戶 (its unit unknown to the measure words)
        out.flag(
            m.start(1),
            m.end(1),
            "stray-number",
            f"a bare number “{m.group(1)}” between clauses, with no unit: a page number or a broken figure; "
            "check it against the source",
        )


_LINE = re.compile(r"[^\n]+")
_EMPTY_HASH = hash("")
_BLOCK = 1 << 16


def _lines(text: str) -> Iterator[str]:
    r"""``text.split("\n")``, made a block of about 64K characters at a time (never a second
    copy of the whole text at once).

    >>> text = "第一行\n\n第三行 \n" * 20_000
    >>> list(_lines(text)) == text.split("\n")
    True
    """
    return chain.from_iterable(map(str.split, _blocks(text), repeat("\n")))


def _blocks(text: str) -> Iterator[str]:
    start, n = 0, len(text)
    while n - start > _BLOCK:
        cut = text.find("\n", start + _BLOCK)
        if cut < 0:
            break
        yield text[start:cut]
        start = cut + 1
    yield text[start:]


def _duplicates(text: str, out: Proposal, structure: StructureRules | None = None) -> None:
    # Lines are kept as the hashes of their stripped text, not as strings: splitting the
    # text into lines would hold a second copy of it (peak memory). Each line is made,
    # stripped and hashed at C speed, a block of lines at a time, then freed. Two lines are the same paragraph only
    # when their texts are equal: a shared hash only makes a line a candidate, and every
    # candidate is compared by its text below.
    hashes = list(map(hash, map(str.strip, _lines(text))))
    distinct = set(hashes)
    if len(distinct) - (_EMPTY_HASH in distinct) == len(hashes) - hashes.count(_EMPTY_HASH):
        return  # fast path: no line repeats another once stripped (blank lines aside)
    del distinct, hashes
    lines = map(str.strip, _lines(text))
    candidates = {h for h, n in Counter(hash(k) for k in lines if len(k) >= 20).items() if n > 1}
    if not candidates:
        return
    first: dict[str, int] = {}
    first_at: dict[str, int] = {}
    messages: dict[tuple[int, str], str] = {}
    lineno = 0
    for m in _LINE.finditer(text):
        para = m.group().strip()
        if not para:
            continue
        lineno += 1
        if len(para) < 20 or hash(para) not in candidates:
            continue
        if para in first:
            start = m.start() + m.group().index(para)
            where = ""
            if structure is not None:  # the sections the two copies stand in
                here, there = heading_before(text, start, structure), heading_before(text, first_at[para], structure)
                if here != there:
                    where = f" (under “{there or 'the opening'}”; this copy under “{here or 'the opening'}”)"
                elif here:
                    where = f" (both under “{here}”)"
            key = (first[para], where)  # the copies of one paragraph share one message object
            message = messages.get(key)
            if message is None:
                message = messages[key] = (
                    f"this paragraph repeats paragraph {first[para]}{where} word for word; "
                    "drop one copy if it is not intended"
                )
            out.flag(start, start + len(para), "duplicate-paragraph", message)
        else:
            first[para] = lineno
            first_at[para] = m.start()


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


_CUT_BEFORE = re.compile(r"[，、,][ \t\u3000]*\n")


def _truncated_sections(text: str, structure: StructureRules, out: Proposal) -> None:
    """Flag a section whose last paragraph stops after a pause mark right before the next
    heading (``…推动各项工作，`` / ``二、…``): a page or a passage is missing there. The layout
    step never joins a line to a heading, so such a cut stays visible."""
    for m in _CUT_BEFORE.finditer(text):
        nxt = m.end()
        line_end = text.find("\n", nxt)
        body = text[nxt : len(text) if line_end < 0 else line_end].lstrip(_SP)
        got = numbered(body, structure) if body else None
        if got is None:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        para = text[start : m.start() + 1].strip(_SP)
        if len(para) < 20 or numbered(para, structure) is not None:
            continue  # a short lead-in, or a heading itself
        cut = m.start() + 1
        out.flag(
            max(start, cut - 10), cut, "truncated",
            f"the section ends mid-sentence (“…{para[-10:]}”) before the heading “{body[got[3] : got[4]]}”: "
            "a page or a passage is probably missing; check the source",
        )  # fmt: skip


def _suspect_typos(text: str, rules: CheckRules, out: Proposal) -> None:
    if rules.typo is None:
        return
    for m in rules.typo.finditer(text):
        fix, not_after = rules.typos[m.group()]
        if m.start() and text[m.start() - 1] in not_after:
            continue
        out.flag(m.start(), m.end(), "suspect-typo", f"“{m.group()}” is probably a typo for “{fix}”; check the source")


def sum_checks(text: str, quantities: Sequence[Quantity], out: Proposal, rules: CheckRules | None = None) -> None:
    """Flag a total and parts that do not add up (``sum-mismatch``): the parts after ``其中``
    and those of a ``分别为A、B和C`` list after a stated total.

    Parts above the total are always wrong (after 其中, unless a part label says the parts may
    overlap: 以上, 岁, 党员 …); parts short of the total only where the list is meant to be
    exhaustive: levels (国家/省/市/区/街), a partition (男/女, 已/未), a residual part (其他),
    a count equal to theirs (全乡3个村) or ranges up to an open top (…、60岁及以上), and the
    parts reach at least half the total.
    """
    _sum_checks(text, Index(quantities), out, _default_rules() if rules is None else rules)


def rate_checks(text: str, quantities: Sequence[Quantity], out: Proposal) -> None:
    """Recompute a stated rate from the figures it names (``rate-mismatch``); see :mod:`._sums`."""
    _rate_checks(text, quantities, Index(quantities), out)


def value_checks(text: str, quantities: Sequence[Quantity], out: Proposal, rules: CheckRules | None = None) -> None:
    """Flag shares above 100% and negative counts (``impossible-value``).

    完成率 and growth may exceed 100%; 占比, 覆盖率, 参与率 … may not.
    """
    _value_checks(text, quantities, out, _default_rules() if rules is None else rules)


def _folded(text: str) -> str:
    """``text`` with traditional characters in simplified form, one for one (offsets unchanged).

    >>> _folded("全區家庭總數為1,234,567戶，鎮屆人大")
    '全区家庭总数为1,234,567户，镇届人大'
    """
    traditional = traditional_chars()[1]
    first = traditional.search(text)
    if first is None:
        return text
    fold = fold_table()
    if len(traditional.findall(text, first.start(), first.start() + 1000)) >= 20:
        return text.translate(fold)  # a traditional text: every character looked up, in C
    # a simplified text with a few traditional characters (the script step usually converts them):
    # only those are looked up (str.translate looks up every character: 10x slower here)
    return traditional.sub(_fold_one, text)


def _fold_one(m: re.Match[str]) -> str:
    return fold_table().get(ord(m.group()), m.group())


_QUESTION_RUN = re.compile(r"[?？]{4,}")
#: A line with this share of '?' among its non-space characters lost its hanzi to an encoder.
_LOST_SHARE = 0.3


def _lost_to_question_marks(text: str, out: Proposal) -> None:
    """Paragraphs whose hanzi became '?' (a text written through an encoder that could not hold
    them): one ``lost-characters`` warning per run of such lines, none for a ``????`` of emphasis."""
    if "????" not in text:  # (encoders write an ASCII '?'; a full-width run alone is left)
        return
    block: list[int] = []  # start, end, lost, characters, whether a run of four is in it
    for para in _LINE.finditer(text):
        line = para.group()
        body = "".join(line.split())
        lost = body.count("?") + body.count("？")
        if not body:
            continue
        if lost >= 2 and lost >= _LOST_SHARE * len(body):
            run = 1 if _QUESTION_RUN.search(line) else 0
            if block:
                block[1:] = [para.end(), block[2] + lost, block[3] + len(body), block[4] | run]
            else:
                block = [para.start(), para.end(), lost, len(body), run]
            continue
        _flag_lost(text, block, out)
        block = []
    _flag_lost(text, block, out)


def _flag_lost(text: str, block: list[int], out: Proposal) -> None:
    if not block or block[2] < 10 or not block[4]:
        return
    start, end, lost, total, _ = block
    start += len(text[start:end]) - len(text[start:end].lstrip())
    end -= len(text[start:end]) - len(text[start:end].rstrip())
    out.flag(start, end, "lost-characters",
             f"{lost} of the {total} characters here are '?': the characters were lost upstream (the text was "
             "written through an encoding that could not hold them); find the original document")


def checks(
    text: str, context: Context, rules: CheckRules | None = None, structure: StructureRules | None = None
) -> Proposal:
    """Flag missing numbers, figures that do not add up and other data problems.

    >>> p = checks("共开展党委中心组学习 次、集中学习 4 次。目前己立案20件。", Context())
    >>> [(f.code, "共开展党委中心组学习 次、集中学习 4 次。目前己立案20件。"[f.start:f.end]) for f in p.flags]
    [('missing-number', ' 次'), ('suspect-typo', '己立案')]
    >>> checks("“十三五”规划，第一季度，每次，多次，万元以上设备，自己经历。", Context()).flags
    []
    """
    if rules is None:
        rules = _default_rules()
    if structure is None:
        structure = _structure_rules()
    out = Proposal()
    folded = _folded(text)
    missing_numbers(folded, rules, out, text)
    _empty_fields(folded, rules, out)
    _stray_numbers(folded, rules, out)
    _duplicates(text, out, structure)
    _truncated(text, out)
    if "\n" in text:
        _truncated_sections(text, structure, out)
    _suspect_typos(text, rules, out)
    _lost_to_question_marks(text, out)
    if context.quantities:
        index = Index(context.quantities)  # sorted at most once, for all
        _sum_checks(text, index, out, rules)
        _rate_checks(text, context.quantities, index, out)
        _value_checks(text, context.quantities, out, rules)
    return out


run = checks  # the step function under the name every step module gives it


def _make(config: Config) -> StepFn:
    return partial(checks, rules=compile_rules(config), structure=_structure_rules(config))


CHECKS = Step(
    "checks",
    _make,
    requires=("quantities",),  # the sum, rate and value checks read the quantities it finds
    lexicons={
        "checks": Schema((("word", "role"),), {"role": _ROLES}),
        "gaps": Schema((("word", "role"),), {"role": _GAP_ROLES}),
        "measure-words": Schema((("word", "class"),)),
        "typos": Schema((("typo", "correction"),)),
        **_STRUCTURE_LEXICONS,  # the section words of the outline (duplicate-paragraph, truncated)
    },
    codes={
        "missing-number": "warning",
        "empty-field": "info",
        "sum-mismatch": "warning",
        "rate-mismatch": "warning",
        "impossible-value": "warning",
        "stray-number": "info",
        "duplicate-paragraph": "warning",
        "truncated": "warning",
        "suspect-typo": "info",
        "displaced-number": "info",
        "lost-characters": "warning",
    },
)
