"""Simplified and traditional script (OpenCC, phrase-aware).

The script of a document is decided once, from the characters that belong to
one script only: traditional-only characters (OpenCC ``t2s`` changes them)
against simplified-only ones (OpenCC ``s2t`` changes them). Characters valid in
both scripts (``data/script_shared.tsv``, from OpenCC's own candidate lists and
regional variants: 昇 in names, 乾 of 乾坤, 於 as a surname; 台, 里, 于, 干 in
traditional text, 群 in Taiwan's, 温 in Hong Kong's) are evidence of neither,
and are never converted.

- A document whose simplified-only characters are at least twice its
  traditional-only ones is simplified: its stray traditional characters
  (``涇口`` in a simplified report) are converted with OpenCC ``t2s``, phrase
  by phrase, with a ``traditional-chars`` warning per span. Only
  traditional-only characters are ever changed, and not on a line that is itself a
  traditional passage (three or more of them, outnumbering the simplified-only
  ones there: a quotation, kept with a ``traditional-text`` note); never inside a span that
  decoding or the mojibake step flagged (lost characters, undecodable bytes,
  a guessed or mixed encoding, repaired mojibake), and never on a line that does
  not read as Chinese (junk from a wrong codec is left for a person to recover).
- Any other document (traditional, or too mixed to tell, as a short text can
  be) is kept as it is, with one ``traditional-text`` note, unless
  ``Config(simplified=True)``: then it is converted with ``tw2s`` or ``hk2s``
  (chosen by the regional variant characters of ``data/script_regions.tsv``),
  not ``t2s``, which leaves Taiwan's ``著`` where mainland text writes ``着``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache, partial

import opencc

from ._config import Config
from ._decode import plausibility
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import Lexicon, Schema, package_lexicon

__all__ = ["SCRIPT", "ScriptRules", "compile_rules", "fold_table", "make_script", "run", "simplified_chars",
           "traditional_chars"]

#: Steps whose warnings mark text that may not be what the author wrote (wrong codec, lost
#: characters): no character there is converted.
_UNSURE_STEPS = frozenset(("decode", "mojibake"))
#: A line converted in a simplified document must read as Chinese (see :func:`plausibility`);
#: a report line scores 0.8-1.0, GBK read as Big5 and the like about 0.3.
_MIN_PLAUSIBILITY = 0.6
#: Traditional-only characters on one line that make it a passage, if they outnumber the
#: simplified-only ones there (a stray character or two is converted).
_PASSAGE = 3


@cache
def _changed_chars(config: str) -> frozenset[str]:
    """The characters (of the BMP CJK blocks) that OpenCC ``config`` changes on their own.

    Computed on first use (about 0.1 s for both tables), not at import.
    """
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = _opencc(config).convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - OpenCC keeps lines
        raise RuntimeError(f"OpenCC {config} changed the number of lines")
    return frozenset(a for a, b in zip(chars, converted, strict=True) if a != b)


@cache
def _opencc(config: str) -> opencc.OpenCC:
    """One OpenCC converter per configuration name, loaded on first use and shared (it holds no state)."""
    return opencc.OpenCC(config)


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    chars = sorted(chars)
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]" if chars else "(?!)")


def _shared(lexicons: Iterable[Lexicon], also: str) -> set[str]:
    """The characters of the ``script-shared`` lexicons valid in script ``also`` too."""
    return {row[0] for lx in lexicons for row in lx.rows if row[1] == also}


@lru_cache(maxsize=16)
def _script_sets(user_shared: tuple[Lexicon, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The traditional-only and the simplified-only characters, given the user's shared-character lexicons."""
    lexicons = (package_lexicon("script_shared.tsv"), *user_shared)
    t2s, s2t = _changed_chars("t2s"), _changed_chars("s2t")
    traditional = t2s - s2t - _shared(lexicons, "simplified")
    simplified = s2t - t2s - _shared(lexicons, "traditional")
    return frozenset(traditional), frozenset(simplified)


@lru_cache(maxsize=1)
def traditional_chars() -> tuple[frozenset[str], re.Pattern[str]]:
    """Characters that are traditional forms only (characters both scripts use left out), and a
    regex matching one of them, for other steps (built on first use: OpenCC's tables cost ~0.1 s)."""
    chars = _script_sets(())[0]
    return chars, _char_class(chars)


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """Traditional-only characters to their simplified form, one for one (OpenCC t2s, per character).

    Built on first use, not at import (with the script step's tables: about 0.1 s). Used where
    traditional text is read as simplified with offsets unchanged (checks, placeholders, chrome
    spellings).
    """
    chars = sorted(traditional_chars()[0])
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - OpenCC keeps lines
        return {}
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if len(b) == 1 and b != a}


@lru_cache(maxsize=1)
def simplified_chars() -> tuple[frozenset[str], re.Pattern[str]]:
    """Characters that are simplified forms only, and a regex matching one of them (see
    :func:`traditional_chars`)."""
    chars = _script_sets(())[1]
    return chars, _char_class(chars)


@dataclass(frozen=True, slots=True)
class ScriptRules:
    """The compiled rules of the step for one config: converters and character classes."""

    t2s: opencc.OpenCC
    #: ``tw2s`` and ``hk2s`` by region, when ``Config(simplified=True)``; empty otherwise
    to_simplified: Mapping[str, opencc.OpenCC]
    #: regional variant character -> its region (``tw`` or ``hk``)
    regions: Mapping[str, str]
    region_re: re.Pattern[str]
    trad_set: frozenset[str]
    simp_set: frozenset[str]
    trad_re: re.Pattern[str]
    simp_re: re.Pattern[str]
    #: every character OpenCC ``t2s`` changes (traditional-only or not)
    t2s_changes: frozenset[str]


def compile_rules(config: Config) -> ScriptRules:
    """The step's rules for ``config`` (memoised on the parts of it the step reads)."""
    return _compile(config.user_lexicons("script"), config.user_lexicons("script-shared"), config.simplified)


@lru_cache(maxsize=16)
def _compile(user_regions: tuple[Lexicon, ...], user_shared: tuple[Lexicon, ...], simplified: bool) -> ScriptRules:
    regions: dict[str, str] = {}
    for lx in (package_lexicon("script_regions.tsv"), *user_regions):
        for row in lx.rows:
            regions[row[0]] = row[1]
    trad_set, simp_set = _script_sets(user_shared)
    return ScriptRules(
        t2s=_opencc("t2s"),
        to_simplified={"tw": _opencc("tw2s"), "hk": _opencc("hk2s")} if simplified else {},
        regions=regions,
        region_re=_char_class(set(regions)),
        trad_set=trad_set,
        simp_set=simp_set,
        trad_re=_char_class(trad_set),
        simp_re=_char_class(simp_set),
        t2s_changes=_changed_chars("t2s"),
    )


def run(text: str, context: Context, rules: ScriptRules) -> Proposal:
    """Convert stray traditional characters in simplified text; keep traditional documents.

    >>> rules = compile_rules(Config())
    >>> p = run("打造“涇口古镇”品牌，“十三五”规划，第一季度。", Context(), rules)
    >>> [(e.start, e.end, e.replacement) for e in p.edits], [f.code for f in p.flags]
    ([(3, 4, '泾')], ['traditional-chars'])
    >>> run("乾隆年间，华昇公司，“十三五”规划，第一季度。", Context(), rules).edits
    []
    """
    out = Proposal()
    trad_re = rules.trad_re
    first = trad_re.search(text)
    if not first:
        return out
    found = list(trad_re.finditer(text, first.start()))  # one pass, for counting and converting
    n_trad = len(found)
    n_simp = _count_to(rules.simp_re, text, 2 * n_trad)  # exact when below the limit
    if n_simp >= 2 * n_trad:
        unsure = _unsure_spans(context)
        _convert(text, found, rules.t2s, out, rules.trad_set, unsure, rules.t2s_changes, rules.simp_set)
        return out
    if not rules.to_simplified:
        what = (
            "the document is in traditional script and was kept"
            if n_simp * 2 <= n_trad
            else f"the document mixes traditional ({n_trad}) and simplified ({n_simp}) characters too "
            "evenly to tell which is stray; it was kept"
        )
        out.flag(0, _line_end(text), "traditional-text", f"{what}; pass Config(simplified=True) to convert it")
        return out
    regions = rules.regions
    counts = {"tw": 0, "hk": 0}
    for m in rules.region_re.finditer(text):
        counts[regions[m.group()]] = counts.get(regions[m.group()], 0) + 1
    region = "hk" if counts.get("hk", 0) > counts.get("tw", 0) else "tw"
    _convert(text, found, rules.to_simplified[region], out, None, _unsure_spans(context), rules.t2s_changes)
    out.flag(0, _line_end(text), "traditional-text",
             f"the document is in traditional script; converted with OpenCC {region}2s")
    return out


def make_script(config: Config) -> StepFn:
    """Build the script step for ``config``: :func:`run` over its compiled rules."""
    return partial(run, rules=compile_rules(config))


def _count_to(pattern: re.Pattern[str], text: str, limit: int) -> int:
    """Matches of ``pattern`` in ``text``, counted up to ``limit`` (stops as soon as the answer is known)."""
    n = 0
    if limit <= 0:
        return 0
    for _ in pattern.finditer(text):
        n += 1
        if n >= limit:
            break
    return n


def _unsure_spans(context: Context) -> tuple[list[int], list[int]]:
    """Starts and ends (sorted by start, merged) of the spans flagged by decoding or the mojibake step."""
    spans = sorted(w.span for w in context.warnings if w.step in _UNSURE_STEPS and w.span[1] > w.span[0])
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _overlaps(unsure: tuple[list[int], list[int]], s: int, e: int) -> bool:
    starts, ends = unsure
    i = bisect_right(starts, e - 1) - 1  # the last flagged span starting before e
    return i >= 0 and ends[i] > s


def _convert(
    text: str,
    found: list[re.Match[str]],
    converter: opencc.OpenCC,
    out: Proposal,
    only: frozenset[str] | None,
    unsure: tuple[list[int], list[int]],
    t2s_changes: frozenset[str],
    simplified: frozenset[str] = frozenset(),
) -> None:
    """Convert each line holding a traditional character (``found``); propose one edit per changed span.

    ``only``: the characters that may change (stray traditional characters in a simplified
    document), None for all (a traditional document converted on request). With ``only``, a
    line that is itself a traditional passage (``simplified``: the simplified-only characters,
    fewer on the line than traditional-only ones, which are at least ``_PASSAGE``) is kept.
    """
    done_until = -1
    for m in found:
        if m.start() < done_until:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if end < 0:
            end = len(text)
        done_until = end
        line = text[start:end]
        converted = converter.convert(line)
        if converted == line:
            continue  # a phrase kept it (乾隆)
        if only is not None and plausibility(converted) < _MIN_PLAUSIBILITY:
            continue  # not Chinese text: junk from a wrong codec, kept for a person to recover
        if only is not None:
            n_trad = sum(c in only for c in line)
            if n_trad >= _PASSAGE and n_trad > sum(c in simplified for c in line):
                out.flag(start, end, "traditional-text",
                         "a passage in traditional script inside a simplified document was kept as written")
                continue  # quoted or pasted traditional text, not stray characters
        if len(converted) != len(line):
            _replace_middle(line, converted, start, out, only, unsure, t2s_changes)
            continue
        n = len(line)
        if only is not None:  # spans of changed traditional-only characters: start at one of those
            candidates: Iterable[int] = (i for i, c in enumerate(line) if c in only)
        else:  # spans of changed characters
            candidates = (i for i, (a, b) in enumerate(zip(line, converted, strict=True)) if a != b)
        j = 0
        for i in candidates:
            if i < j or line[i] == converted[i]:
                continue  # inside the span before, or kept
            j = i + 1
            while j < n and line[j] != converted[j] and (only is None or line[j] in only):
                j += 1
            if not _overlaps(unsure, start + i, start + j):
                _edit(out, start + i, start + j, line[i:j], converted[i:j], only is not None)


def _replace_middle(
    line: str,
    converted: str,
    offset: int,
    out: Proposal,
    only: frozenset[str] | None,
    unsure: tuple[list[int], list[int]],
    t2s_changes: frozenset[str],
) -> None:
    """Lengths differ (rare): replace what lies between the common prefix and suffix."""
    a = 0
    while a < min(len(line), len(converted)) and line[a] == converted[a]:
        a += 1
    b = 0
    while b < min(len(line), len(converted)) - a and line[-1 - b] == converted[-1 - b]:
        b += 1
    old, new = line[a : len(line) - b], converted[a : len(converted) - b]
    if only is not None and (not any(c in only for c in old) or any(c in t2s_changes and c not in only for c in old)):
        return  # no stray traditional character, or one valid in simplified text would change with it
    if _overlaps(unsure, offset + a, offset + len(line) - b):
        return
    _edit(out, offset + a, offset + len(line) - b, old, new, only is not None)


def _line_end(text: str) -> int:
    end = text.find("\n")
    return len(text) if end < 0 else end


def _edit(out: Proposal, s: int, t: int, old: str, new: str, stray: bool) -> None:
    if stray:
        out.replace(s, t, new, rule="traditional-char")
        out.flag(s, t, "traditional-chars", f"traditional {old!r} in simplified text, converted to {new!r}")
    else:
        out.replace(s, t, new, rule="to-simplified")


SCRIPT = Step(
    "script",
    make_script,
    codes={"traditional-chars": "warning", "traditional-text": "info"},
    rules=("traditional-char", "to-simplified"),
    lexicons={
        "script": Schema((("char", "region"),), {"region": ("hk", "tw")}),
        "script-shared": Schema((("char", "also"),), {"also": ("simplified", "traditional")}),
        "hanzi-frequency": Schema((("hanzi", "rank"),)),
    },
    reads=("warnings",),
)
