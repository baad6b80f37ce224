"""Simplified and traditional script (OpenCC, phrase-aware).

- A document that is mostly simplified, with stray traditional characters
  (``涇口`` in a simplified report), gets them converted with OpenCC ``t2s``,
  phrase by phrase, with a ``traditional-chars`` warning per span. Only
  characters that are traditional forms are ever changed.
- A wholly (or mostly) traditional document is kept as it is, with one
  ``traditional-text`` note, unless ``Config(simplified=True)``: then it is
  converted with ``tw2s`` or ``hk2s`` (chosen by the regional variant
  characters of the lexicon ``data/script_regions.tsv``), not ``t2s``, which
  leaves Taiwan's ``著`` where mainland text writes ``着``.

"Mostly" compares the number of characters that exist only in traditional
script with those that exist only in simplified script.
"""

from __future__ import annotations

import re

import opencc

from ._config import Config
from ._edits import Context, Proposal, Step, StepFn
from ._lexicon import package_lexicon

__all__ = ["SCRIPT", "make_script"]

_REGIONS = package_lexicon("script_regions.tsv")


def _changed_chars(config: str) -> set[str]:
    """The characters (of the BMP CJK blocks) that OpenCC ``config`` changes on their own."""
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
    converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - OpenCC keeps lines
        raise RuntimeError(f"OpenCC {config} changed the number of lines")
    return {a for a, b in zip(chars, converted, strict=True) if a != b}


def _char_class(chars: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_T2S_CHANGES = _changed_chars("t2s")
_S2T_CHANGES = _changed_chars("s2t")
#: Characters that are traditional forms only / simplified forms only (a few are both: left out).
_TRADITIONAL = _char_class(_T2S_CHANGES - _S2T_CHANGES)
_SIMPLIFIED = _char_class(_S2T_CHANGES - _T2S_CHANGES)
_TRADITIONAL_SET = frozenset(_T2S_CHANGES - _S2T_CHANGES)


def make_script(config: Config) -> StepFn:
    """Build the script step: OpenCC converters are made once per config.

    >>> script = make_script(Config())
    >>> p = script("打造“涇口古镇”品牌，“十三五”规划，第一季度。", Context())
    >>> [(e.start, e.end, e.replacement) for e in p.edits], [f.code for f in p.flags]
    ([(3, 4, '泾')], ['traditional-chars'])
    >>> script("乾隆年间，“十三五”规划，第一季度。", Context()).edits
    []
    """
    t2s = opencc.OpenCC("t2s")
    to_simplified = {"tw": opencc.OpenCC("tw2s"), "hk": opencc.OpenCC("hk2s")} if config.simplified else {}
    regions: dict[str, str] = {}
    for lx in (_REGIONS, *config.user_lexicons("script")):
        for row in lx.rows:
            regions[row[0]] = row[1]
    region_re = _char_class(set(regions))

    def script(text: str, context: Context) -> Proposal:
        """Convert stray traditional characters in simplified text; keep traditional documents."""
        out = Proposal()
        first = _TRADITIONAL.search(text)
        if not first:
            return out
        found = list(_TRADITIONAL.finditer(text, first.start()))  # one pass, for counting and converting
        if _mostly_simplified(text, len(found)):
            _convert(text, found, t2s, out, only_traditional=True)
            return out
        if not to_simplified:
            out.flag(0, _line_end(text), "traditional-text",
                     "the document is in traditional script and was kept; "
                     "pass Config(simplified=True) to convert it")
            return out
        counts = {"tw": 0, "hk": 0}
        for m in region_re.finditer(text):
            counts[regions[m.group()]] = counts.get(regions[m.group()], 0) + 1
        region = "hk" if counts.get("hk", 0) > counts.get("tw", 0) else "tw"
        _convert(text, found, to_simplified[region], out, only_traditional=False)
        out.flag(0, _line_end(text), "traditional-text",
                 f"the document is in traditional script; converted with OpenCC {region}2s")
        return out

    return script


def _mostly_simplified(text: str, n_trad: int) -> bool:
    """Whether simplified-only characters are at least as many as ``n_trad``, the traditional-only ones."""
    n_simp = 0
    for _ in _SIMPLIFIED.finditer(text):  # stop as soon as the answer is known
        n_simp += 1
        if n_simp >= n_trad:
            return True
    return False


def _convert(
    text: str, found: list[re.Match[str]], converter: opencc.OpenCC, out: Proposal, only_traditional: bool
) -> None:
    """Convert each line holding a traditional character (``found``); propose one edit per changed span."""
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
        if len(converted) != len(line):
            _replace_middle(line, converted, start, out, only_traditional)
            continue
        n = len(line)
        if only_traditional:  # spans of changed traditional characters: start at one of those
            candidates = (m.start() for m in _TRADITIONAL.finditer(line))
        else:  # spans of changed characters
            candidates = (i for i, (a, b) in enumerate(zip(line, converted, strict=True)) if a != b)
        j = 0
        for i in candidates:
            if i < j or line[i] == converted[i]:
                continue  # inside the span before, or kept
            j = i + 1
            while j < n and line[j] != converted[j] and (not only_traditional or line[j] in _TRADITIONAL_SET):
                j += 1
            _edit(out, start + i, start + j, line[i:j], converted[i:j], only_traditional)


def _replace_middle(line: str, converted: str, offset: int, out: Proposal, only_traditional: bool) -> None:
    """Lengths differ (rare): replace what lies between the common prefix and suffix."""
    a = 0
    while a < min(len(line), len(converted)) and line[a] == converted[a]:
        a += 1
    b = 0
    while b < min(len(line), len(converted)) - a and line[-1 - b] == converted[-1 - b]:
        b += 1
    old, new = line[a : len(line) - b], converted[a : len(converted) - b]
    if only_traditional and not _TRADITIONAL.search(old):
        return
    _edit(out, offset + a, offset + len(line) - b, old, new, only_traditional)


def _line_end(text: str) -> int:
    end = text.find("\n")
    return len(text) if end < 0 else end


def _edit(out: Proposal, s: int, t: int, old: str, new: str, stray: bool) -> None:
    if stray:
        out.replace(s, t, new, rule="traditional-char")
        out.flag(s, t, "traditional-chars", f"traditional {old!r} in simplified text, converted to {new!r}")
    else:
        out.replace(s, t, new, rule="to-simplified")


SCRIPT = Step("script", make_script, {"traditional-chars": "warning", "traditional-text": "info"})
