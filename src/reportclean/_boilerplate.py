"""Remove reseller watermarks, government-site footers and page furniture.

Decisions are made per line and per inline segment, with context, because the
words of a footer (主办, 承办, 技术支持, 地址, 版权, 网站) are ordinary words in
a report:

- A *marker* is a phrase of ``data/boilerplate_markers.tsv`` or a pattern of
  ``data/boilerplate_patterns.tsv``, strong (用后删除, ICP备, 网站地图) or weak
  (仅供学习, 主办单位：, 地址：). A line is cut into segments at sentence ends
  (。！？；), at ``【…】`` brackets and after a contact number; a segment is
  boilerplate when it holds two strong markers, a strong and a weak one, a
  strong one and at most ``short_segment`` (25) characters, or three weak ones
  and no full stop. The thresholds are :class:`BoilerplateSettings`.
  A line whose segments are all boilerplate goes as a line; otherwise only
  its boilerplate segments are cut out of the paragraph (:mod:`._bpinline`).
- At the top and the bottom of a document, short lines that are not sentences
  (a reseller's name, a slogan) sandwiched between boilerplate lines go with
  them as a block; lines with weak markers only count as boilerplate there
  when the block holds at least three distinct markers.
- Page numbers and running headers go (:mod:`._bplines`).
- Site chrome in any wording goes by what its lines are like: breadcrumbs,
  metadata fields, toolbars, document-site furniture, and the short lines
  between them (:mod:`._chrome`, a jusText-like classifier with a revise pass).
- Converter markup (BBCode, HTML tags) and pinyin glosses go by rules of their
  own (:mod:`._markup`); lines are judged on the text without them, so the
  decision is the same when the cleaned text is cleaned again.

Every removal carries a rule id and a reason (docs/rules.md, the boilerplate
sections). A text whose every line would go is kept and flagged.
:class:`Boilerplate` (:mod:`._bplearn`) learns lines repeated across many
documents of one source and returns them as a user lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from ._bpinline import Hit as _Hit
from ._bpinline import Marker as _Marker
from ._bpinline import group as _group
from ._bpinline import inline_cut as _inline_cut
from ._bpinline import judge as _judge
from ._bpinline import may_go_whole as _may_go_whole
from ._bpinline import segments as _segments
from ._bpinline import stable_cuts as _stable_cuts
from ._bplines import Lines, emit, encoded_tail, is_blank, page_numbers, page_pattern, repeated_lines, running_headers
from ._bptext import HEADING, TERMINATORS, Scanner, both_scripts, fold, forms, trie, variants
from ._chrome import BoilerplateSettings, ChromeRules, ChromeScan, builtin_chrome_lexicons, chrome_lines
from ._config import Config
from ._edits import Context, Edit, Flag, Proposal, Step, StepFn
from ._lexicon import Lexicon, Schema, package_lexicon
from ._markup import markup

__all__ = ["BOILERPLATE", "BoilerplateSettings", "boilerplate", "compile_rules", "run"]

# -- markers ---------------------------------------------------------------------

_SPACE = " \t\u3000\u00a0"
_TOKEN_TAIL = re.compile("[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]*")
_WORD = re.compile(r"[^\W\d_]")  # a letter or a hanzi
_TOKEN_END = "\n。！？!?；;，,、】)）"
_TERMINATORS = TERMINATORS
_HEADING = HEADING
_fold = fold
_trie = trie  # re-exported: the placeholders step builds its tries with it


def _field(lx: Lexicon, row: tuple[str, ...], column: str, default: str) -> str:
    return (row[lx.columns.index(column)] or default) if column in lx.columns else default


class _Rules:
    """Compiled markers, patterns, exact lines and title words (built once per Config).

    Phrases and pattern anchors go into one trie regex; a pattern is tried only
    where one of its anchors matched, so the text is scanned once.
    """

    __slots__ = ("anchors", "keys", "lines_re", "markers", "regex", "titles")

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
                    compiled = re.compile(both_scripts(key))  # (a Taiwan or Hong Kong page: 顯示的是…)
                    anchors = [a for a in _field(lx, row, "anchors", "").split("|") if a]
                    for anchor in dict.fromkeys([*anchors, *variants(anchors, by_character=True)]):
                        self.anchors.setdefault(_fold(anchor), []).append((compiled, key, marker))
                elif lx.columns[0] == "word":
                    titles.add(key)
                elif family == "line":
                    lines.add(unicodedata.normalize("NFC", key.strip()))
                elif key.strip():
                    self.markers.setdefault(_fold(key), marker)
        for spelling, source in variants(list(self.markers)).items():
            self.markers.setdefault(_fold(spelling), self.markers[source])
        words = {f for k in (*self.markers, *self.anchors) for f in forms(k)}
        self.regex = Scanner(words) if words else None
        # each spelling the scanner matches, folded once here rather than at every hit
        self.keys = {w: _fold(w) for w in words}
        self.titles = re.compile(trie(titles | set(variants(titles)))) if titles else None
        lines.discard("")
        self.lines_re = (
            re.compile(rf"^[{_SPACE}]*(?:{trie(lines)})[{_SPACE}]*$", re.MULTILINE) if lines else None
        )

    def hits(self, text: str) -> Iterable[tuple[int, int, str, _Marker]]:
        """Every marker in ``text``: start, end, a key (distinct per marker) and the marker.

        The scanner reports every position where a phrase matches, overlaps
        included; those inside the previous match are skipped, as ``finditer`` would.
        """
        if self.regex is None:
            return
        reach = 0
        for start, stop in self.regex.spans(text):
            if start < reach:
                continue
            reach = stop
            key = self.keys[text[start:stop]]
            for pattern, name, marker in self.anchors.get(key, ()):
                p = pattern.match(text, start)
                if p:
                    yield start, p.end(), name, marker
                    break
            else:
                if key in self.markers and not _false_hit(text, start, stop, key, self.markers[key]):
                    end = stop
                    if key[-1].isascii() and key[-1].isalnum() and "." not in key:
                        # take the rest of the token (唯一指定QQ305117060) when it clearly ends there
                        tail = _TOKEN_TAIL.match(text, end)
                        if tail and (tail.end() == len(text) or text[tail.end()] in _TOKEN_END):
                            end = tail.end()
                    yield start, end, key, self.markers[key]


def _false_hit(text: str, start: int, stop: int, key: str, marker: _Marker) -> bool:
    """A phrase that is not the marker where it stands.

    - a weak field name (``来源:``) that ends a longer word (``资料来源:``, a note under a table);
    - a lone sign (``©``) among Latin-1 characters (a byte of mojibake).
    """
    if not marker.strong and key.endswith(":") and start and "\u3400" <= text[start - 1] <= "\u9fff":
        return True
    return stop - start == 1 and _in_latin1_run(text, start)


def _in_latin1_run(text: str, i: int) -> bool:
    """True if the character at ``i`` stands next to Latin-1 letters and signs (U+00A1–U+00FF).

    A lone ``©`` there is a byte of mojibake (Big5 or GBK read as Latin-1), not a
    copyright sign: ``©ù²î`` is not a footer.
    """
    return any(0xA1 <= ord(c) <= 0xFF for c in text[max(i - 2, 0) : i] + text[i + 1 : i + 3])


@lru_cache(maxsize=1)
def _builtin_lexicons() -> tuple[Lexicon, ...]:
    """The built-in ``boilerplate`` lexicons, read on first use (not at import)."""
    return tuple(package_lexicon(f"boilerplate_{part}.tsv") for part in ("markers", "patterns", "titles"))


@lru_cache(maxsize=1)
def _builtin() -> _All:
    """The built-in rules, compiled on first use (not at import)."""
    return _All(_Rules(_builtin_lexicons()), ChromeRules(builtin_chrome_lexicons()), BoilerplateSettings())

# -- line shapes -----------------------------------------------------------------

def _is_marked_filler(line: str, settings: BoilerplateSettings) -> bool:
    """A short line with markers that is not a sentence or heading (a footer field)."""
    s = line.strip()
    return 0 < len(s) <= settings.edge_marked_line and not any(c in s for c in _TERMINATORS) and not _HEADING.match(s)


def _is_filler(line: str, rules: _Rules, settings: BoilerplateSettings) -> bool:
    """A short line that is not a sentence, a heading or a title."""
    s = line.strip()
    return (
        0 < len(s) <= settings.edge_filler
        and not any(c in s for c in _TERMINATORS)
        and not _HEADING.match(s)
        and not (rules.titles and rules.titles.search(s))
    )


# -- the step --------------------------------------------------------------------


def _markers(
    text: str, rules: _Rules, out: Proposal, found: Lines, settings: BoilerplateSettings
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
        segments = [(s, e) for s, e in _segments(line, hits, start) if not is_blank(text[s:e])]
        inside = _group(hits, segments)
        verdicts = [_judge(text[s:e], x, settings) if x else None for (s, e), x in zip(segments, inside, strict=True)]
        whole = all(
            v and _may_go_whole(text[s:e], x, settings) for (s, e), x, v in zip(segments, inside, verdicts, strict=True)
        )
        if whole and not _HEADING.match(line):
            family, reason = verdicts[0]  # type: ignore[misc]
            found.add(start, end, f"{family}-line", reason)
            continue
        cuts: list[tuple[int, int, str, str]] = []
        for (s, e), x in zip(segments, inside, strict=True):
            cut = _inline_cut(text, s, e, x, settings)
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
        if not _WORD.search(left) or page_pattern().match("\n" + left):
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
    text: str,
    rules: _Rules,
    found: Lines,
    by_line: dict[int, list[_Hit]],
    rest: dict[int, str],
    top: bool,
    settings: BoilerplateSettings,
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
        if is_blank(line):
            run.append((s, e, "gap"))
        elif s in found.lines:
            run.append((s, e, "bp"))
        elif s in by_line and _is_marked_filler(line, settings):
            run.append((s, e, "marked"))
        elif _is_filler(line, rules, settings):
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
            families = [_family(group[i], by_line, found) for i in marks]
            for k in range(len(marks) - 1):
                if top and {families[k], families[k + 1]} <= {"footer", "chrome"}:
                    continue  # between site chrome at the top stands the page title: it stays
                reason = f"short line inside a watermark or footer block at the {where}"
                for s, e, _ in group[marks[k] + 1 : marks[k + 1]]:
                    found.add(s, e, "boilerplate-block", reason)
        group = []


def _family(item: tuple[int, int, str], by_line: dict[int, list[_Hit]], found: Lines) -> str:
    """watermark, footer or user: the family of an anchor line of an edge block."""
    s, _, kind = item
    if kind == "marked" or s in by_line:
        return by_line[s][0][3].family
    return found.lines[s][1].split("-")[0]


@dataclass(frozen=True, slots=True)
class _All:
    """Everything the step needs, compiled once per Config."""

    rules: _Rules
    chrome: ChromeRules
    settings: BoilerplateSettings


def _propose_plain(text: str, rules: _All) -> Proposal:
    out = Proposal()
    if not text.strip():
        return out
    found = Lines()
    by_line, rest = _markers(text, rules.rules, out, found, rules.settings)
    if by_line:
        _edge(text, rules.rules, found, by_line, rest, True, rules.settings)
        _edge(text, rules.rules, found, by_line, rest, False, rules.settings)
    if rules.rules.lines_re is not None:
        for m in rules.rules.lines_re.finditer(text):
            found.add(m.start(), m.end(), "learned-line", "line learned as boilerplate of this source")
    if page_numbers(text, found) >= 2:
        running_headers(text, found)
    repeated_lines(text, found)
    encoded_tail(text, found)
    # Edge blocks and chrome decide each other (an edge block reaches past a chrome line; a
    # chrome line is decided by removed neighbours): repeat both until nothing more goes, so
    # that cleaning the result again finds nothing new (a fixed point, usually reached at once).
    scan = ChromeScan(text, rules.chrome, rules.rules.titles, rules.settings)
    for _ in range(4):
        size = len(found.lines)
        chrome = chrome_lines(scan, rules.rules.titles, set(found.lines), rules.settings)
        for start, (end, rule, reason) in chrome.items():
            found.add(start, end, rule, reason)
        encoded_tail(text, found)  # an encoded run may end the page above chrome that now goes
        if by_line and len(found.lines) > size:
            _edge(text, rules.rules, found, by_line, rest, True, rules.settings)
            _edge(text, rules.rules, found, by_line, rest, False, rules.settings)
        if len(found.lines) == size:
            break
    if found.lines:
        # inline cuts and flags inside a removed line are dropped: the line goes whole
        out.edits = [ed for ed in out.edits if text.rfind("\n", 0, ed.start) + 1 not in found.lines]
        out.flags = [f for f in out.flags if text.rfind("\n", 0, f.start) + 1 not in found.lines]
        emit(text, found, out)
        if not _WORD.search(_without(text, out.edits)):
            # all of it looks like boilerplate: flag it, never empty a document
            out.edits = []
            out.flags.append(
                Flag(0, len(text), "boilerplate-kept", "the whole text looks like site chrome or a watermark; kept")
            )
    return out


def _without(text: str, edits: list[Edit]) -> str:
    pieces, pos = [], 0
    for ed in sorted(edits):
        pieces.append(text[pos : ed.start])
        pos = max(pos, ed.end)
    pieces.append(text[pos:])
    return "".join(pieces)


def _propose(text: str, rules: _All) -> Proposal:
    """Markup and glosses out first; lines are judged on the text without them.

    Every edit on the stripped text is mapped back to the original: a span between
    two stripped characters covers the markup between them, so a markup removal is
    either inside a mapped removal (and dropped) or apart from all of them.
    """
    spans = markup(text)
    if not spans:
        return _propose_plain(text, rules)
    # The stripped text is pieces of the text, with a line break where a block tag was.
    # Piece k starts at at[k] in the stripped text and covers text[origin[k]:ends[k]]: a
    # slice of the text, or (a line break) the whole markup run it stands for.
    pieces: list[str] = []
    at: list[int] = []
    origin: list[int] = []
    ends: list[int] = []
    sliced: list[bool] = []
    pos = size = 0
    for s, e, _, _, new in [*spans, (len(text), len(text), "", "", "")]:
        for piece, o, stop, is_slice in ((text[pos:s], pos, s, True), (new, s, e, False)):
            if piece:
                pieces.append(piece)
                at.append(size)
                origin.append(o)
                ends.append(stop)
                sliced.append(is_slice)
                size += len(piece)
        pos = e
    inner = _propose_plain("".join(pieces), rules)

    def start(i: int) -> int:
        if i >= size:
            return len(text)
        k = bisect_right(at, i) - 1
        return origin[k] + (i - at[k]) if sliced[k] else origin[k]

    def end(i: int) -> int:
        if i <= 0:
            return 0
        k = bisect_right(at, i - 1) - 1
        return origin[k] + (i - at[k]) if sliced[k] else ends[k]

    out = Proposal()
    taken: list[tuple[int, int]] = []
    for ed in inner.edits:
        a, b = start(ed.start), end(ed.end)
        out.edits.append(ed._replace(start=a, end=b))
        taken.append((a, b))
    for f in inner.flags:
        out.flags.append(f._replace(start=start(f.start), end=end(f.end)))
    taken.sort()
    starts = [a for a, _ in taken]
    for s, e, rule, reason, new in spans:
        i = bisect_right(starts, s) - 1
        if i >= 0 and taken[i][0] <= s and e <= taken[i][1]:
            continue  # inside a removed line or segment
        if new:
            out.edits.append(Edit(s, e, new, rule, reason))
        else:
            out.remove(s, e, rule, reason)
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
    return _propose(text, _builtin())


def compile_rules(config: Config) -> _All:
    """The step's rules for ``config``, compiled on first use (memoised on the parts of it the step reads)."""
    return _compile(config.user_lexicons("boilerplate"), config.user_lexicons("chrome"), config.boilerplate_settings)


@lru_cache(maxsize=16)
def _compile(user: tuple[Lexicon, ...], user_chrome: tuple[Lexicon, ...], settings: BoilerplateSettings) -> _All:
    return _All(
        _Rules(_builtin_lexicons() + user) if user else _builtin().rules,
        ChromeRules(builtin_chrome_lexicons() + user_chrome) if user_chrome else _builtin().chrome,
        settings,
    )


def run(text: str, context: Context, rules: _All) -> Proposal:
    """Remove watermarks, site footers and page furniture, as ``rules`` say; see :func:`boilerplate`."""
    return _propose(text, rules)


def _make(config: Config) -> StepFn:
    return partial(run, rules=compile_rules(config))


BOILERPLATE = Step(
    "boilerplate",
    _make,
    codes={"boilerplate-kept": "info"},
    rules=(
        *("watermark-line", "footer-line", "user-line", "watermark-inline", "footer-inline", "user-inline"),
        *("boilerplate-block", "page-number", "running-header", "learned-line", "encoded-tail"),
        *("chrome-nav", "chrome-metadata", "chrome-toolbar", "chrome-docsite", "chrome-block", "chrome-spam"),
        *("bbcode", "html-tag", "anti-scrape", "pinyin-gloss", "paragraph-mark"),
    ),
    lexicons={
        # family: the rule a removal gets (watermark-line, footer-inline, ...); line: a whole line
        "boilerplate": Schema(
            (("phrase",), ("pattern", "anchors"), ("word",)),
            {"family": ("watermark", "footer", "user", "line"), "weight": ("strong", "weak")},
        ),
        "chrome": Schema(
            (("term", "class", "weight"),),
            {"class": ("label", "nav", "toolbar", "related", "spam"), "weight": ("strong", "weak")},
        ),
        "pinyin": Schema((("syllable",),)),
    },
)
