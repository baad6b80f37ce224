"""The review page: what cleaning did, shown at its place in the document, for a person.

:func:`to_html` renders a :class:`~reportclean.CleanResult` as one self-contained page
(inline CSS and JS from ``data/review.css`` and ``data/review.js``; no network, no fonts).
Every removal is struck through at its original place, every change shown as original →
replacement, every warning highlighted in the clean text. Pure: a result in, a string out;
the CLI (``_review_cli``) writes the files.

Everything from the document is escaped, and the page states a Content-Security-Policy that
lets only its own script and style run (by their SHA-256 hashes, so the page is deterministic).

Hooks for tests and users' CSS: a warning highlight is ``mark[data-w][data-code][data-severity]``
(a warning that crosses a change is cut into several marks with the same ``data-w``), a removal
``del.rm[data-r][data-rule]``, a change ``span.chg[data-c][data-rule]`` holding ``del`` (the
original) and ``ins`` (the replacement). ``data-r``/``data-c`` index ``result.removed`` and
``result.changes``.

>>> import reportclean
>>> r = reportclean.clean("仅供学习 禁止外传 用后删除\\n共完成X个项目。\\n")
>>> page = to_html(r)
>>> page.count('class="rm"'), page.count('data-code="placeholder"')
(1, 1)
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from ._config import STEP_NAMES
from ._model import SEVERITIES, CleanResult

__all__ = ["IndexRow", "esc", "index_html", "index_row", "repr_html", "short_repr", "to_html"]

#: Original characters per block of the page; blocks off screen are not laid out
#: (``content-visibility: auto``), so a 1 MB report opens without freezing.
BLOCK = 3000
#: A warning longer than this (``encoding-guessed`` spans the whole text) is shown above the
#: document instead of highlighting pages of text.
DOC_LEVEL = 2000
#: Original characters shown by :func:`repr_html` (a notebook's first screenful).
SCREENFUL = 1500

_SURROGATE = re.compile("[\ud800-\udfff]")
_SPECIAL = re.compile("[&<>\"'\r\x00\ud800-\udfff]")
# Characters that do not show when struck through or inserted: labelled inside removals and changes.
_INVISIBLE = re.compile(
    "[\x00-\x20\x7f-\xa0\xad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u206a-\u206f\u3000\ufeff]+"
)
_LABELS = {"\n": "↵", " ": "␣", "\t": "⇥", "\u3000": "□"}


def esc(text: str) -> str:
    """Text from the document, safe as HTML text and as a quoted attribute value.

    ``\\r`` becomes a character reference (the HTML parser would turn a literal one into
    ``\\n``); NUL and lone surrogates, which HTML cannot carry, become U+FFFD.

    >>> esc('<script>alert("x")</script> & </textarea>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/textarea&gt;'
    >>> esc("一\\r二\\x00")
    '一&#13;二\\ufffd'
    >>> esc("十三五")
    '十三五'
    """
    if not _SPECIAL.search(text):  # most pieces: one scan in C instead of seven
        return text
    s = html.escape(text, quote=True)
    if "\r" in s:
        s = s.replace("\r", "&#13;")
    if "\x00" in s:
        s = s.replace("\x00", "\ufffd")
    if _SURROGATE.search(s):
        s = _SURROGATE.sub("\ufffd", s)
    return s


def _visible(text: str) -> str:
    """:func:`esc`, with runs of invisible characters wrapped and labelled (``data-cp``).

    >>> _visible("共\\u200b计\\n")
    '共<span class="iv" data-cp="U+200B">\\u200b</span>计<span class="iv" data-cp="↵">\\n</span>'
    >>> _visible("　　一、")
    '<span class="iv" data-cp="□□">\\u3000\\u3000</span>一、'
    """
    if not _INVISIBLE.search(text):
        return esc(text)
    out = []
    pos = 0
    for m in _INVISIBLE.finditer(text):
        run = m.group()
        label = "".join(_LABELS.get(ch) or f" U+{ord(ch):04X} " for ch in run).strip().replace("  ", " ")
        out.append(f'{esc(text[pos : m.start()])}<span class="iv" data-cp="{label}">{esc(run)}</span>')
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


@cache
def _asset(name: str) -> str:
    return resources.files("reportclean").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: no ``<`` can end it."""
    return _esc_json(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _esc_json(text: str) -> str:
    s = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def _page(title: str, body: str, script: str) -> str:
    css = _asset("review.css")
    csp = (
        f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(css)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{css}</style>\n</head>\n"
        f"<body>\n{body}\n<script>{script}</script>\n</body>\n</html>\n"
    )


# -- the document ---------------------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """A removal (kind 0) or a change (kind 1) over ``original[a:b]``, with records nested in it."""

    a: int
    b: int
    kind: int
    index: int
    children: list[_Node] = field(default_factory=list)
    merged: list[_Node] = field(default_factory=list)  # records that overlap it partly


def _forest(result: CleanResult) -> list[_Node]:
    """Removals and changes as a forest by containment of their original spans.

    A later step can rewrite what an earlier one wrote, so records may nest; one that only
    partly overlaps another is merged into it (shown as one element naming both rules).
    """
    nodes = [_Node(*r.original_span, 0, i) for i, r in enumerate(result.removed)]
    nodes += [_Node(*c.original_span, 1, i) for i, c in enumerate(result.changes)]
    nodes.sort(key=lambda n: (n.a, -n.b, n.kind))
    roots: list[_Node] = []
    stack: list[_Node] = []
    for n in nodes:
        while stack and (stack[-1].b <= n.a and not stack[-1].a == stack[-1].b == n.a):
            stack.pop()
        if not stack:
            roots.append(n)
            stack.append(n)
        elif n.b <= stack[-1].b:
            stack[-1].children.append(n)
            stack.append(n)
        else:  # partial overlap: merge, and widen the enclosing records
            top = stack[-1]
            top.merged.append(n)
            top.merged.extend(n.children)
            for s in stack:
                s.b = max(s.b, n.b)
    return roots


def _clusters(roots: list[_Node], result: CleanResult) -> list[list[_Node]]:
    """Root records grouped where the alignment joined their segments (their clean sides touch)."""
    al = result.alignment
    seg_os: Sequence[int] = al._os if al is not None else ()  # read-only, same package
    seg_oe: Sequence[int] = al._oe if al is not None else ()
    out: list[list[_Node]] = []
    for n in roots:
        if out:
            i = bisect_right(seg_os, n.a) - 1
            if n.a < out[-1][-1].b or (i >= 0 and seg_os[i] < n.a < seg_oe[i]):
                out[-1].append(n)
                continue
        out.append([n])
    return out


class _Marks:
    """Emits clean text in increasing order, wrapped in a ``mark`` per warning covering it."""

    def __init__(self, result: CleanResult, skip: set[int]) -> None:
        self.text = result.text
        self.open: list[str] = []
        events: list[tuple[int, int, int]] = []
        for i, w in enumerate(result.warnings):
            self.open.append(
                f'<mark data-w="{i}" data-code="{esc(w.code)}" data-severity="{esc(w.severity)}">'
            )
            if i in skip:
                continue
            a, b = w.span
            if a == b:
                events.append((a, 1, i))
            else:
                events += [(a, 2, i), (b, 0, i)]
        events.sort()
        self.events = events
        self.k = 0
        self.active: dict[int, None] = {}

    def emit(self, c: int, d: int, visible: bool = False) -> str:
        out: list[str] = []
        ev, active, p = self.events, self.active, c
        while True:
            while self.k < len(ev) and ev[self.k][0] <= p:
                _, kind, i = ev[self.k]
                if kind == 0:
                    active.pop(i, None)
                elif kind == 1:
                    out.append(self.open[i] + '</mark>')
                else:
                    active[i] = None
                self.k += 1
            if p >= d:
                break
            q = min(ev[self.k][0], d) if self.k < len(ev) else d
            piece = self.text[p:q]
            s = _visible(piece) if visible else esc(piece)
            if active:
                s = "".join(self.open[i] for i in active) + s + "</mark>" * len(active)
            out.append(s)
            p = q
        return "".join(out)


def _render_node(n: _Node, result: CleanResult, clean: str | None) -> str:
    """One record: its original text (nested records inside), and for a change its clean side."""
    original = result.original
    # Most records nest nothing: the markup of the general path below, built directly
    # (to_html of a 1 MB report, 12,500 records: 445 -> 403 ms).
    if not n.children and not n.merged:
        old = _visible(original[n.a : n.b])
        if n.kind == 0:
            if not clean:
                return f'<del class="rm" data-r="{n.index}" data-rule="{esc(result.removed[n.index].rule)}">{old}</del>'
        else:
            change = result.changes[n.index]
            new = _visible(change.replacement) if clean is None else clean
            ins = f"<ins>{new}</ins>" if new else ""
            return f'<span class="chg" data-c="{n.index}" data-rule="{esc(change.rule)}"><del>{old}</del>{ins}</span>'
    merged = [n, *n.merged]
    rules = " ".join(dict.fromkeys(_rule(m, result) for m in merged))
    r_idx = " ".join(str(m.index) for m in merged if m.kind == 0)
    c_idx = " ".join(str(m.index) for m in merged if m.kind == 1)
    inner, pos = [], n.a
    for child in n.children:
        inner.append(_visible(original[pos : child.a]))
        inner.append(_render_node(child, result, None))
        pos = child.b
    inner.append(_visible(original[pos : n.b]))
    old = "".join(inner)
    if n.kind == 0 and not c_idx and not clean:
        return f'<del class="rm" data-r="{r_idx}" data-rule="{esc(rules)}">{old}</del>'
    attrs = f'data-c="{c_idx}"' + (f' data-r="{r_idx}"' if r_idx else "")
    if clean is None:  # nested: the replacement is the one an earlier step made
        new = _visible(result.changes[n.index].replacement) if n.kind == 1 else ""
    else:
        new = clean
    ins = f"<ins>{new}</ins>" if new else ""
    return f'<span class="chg" {attrs} data-rule="{esc(rules)}"><del>{old}</del>{ins}</span>'


def _rule(n: _Node, result: CleanResult) -> str:
    return result.removed[n.index].rule if n.kind == 0 else result.changes[n.index].rule


def _document(result: CleanResult, marks: _Marks, limit: int | None = None) -> tuple[str, int]:
    """The document as blocks of HTML, and how many original characters it shows.

    ``limit`` stops at the first unchanged text after that many original characters.
    """
    original, text = result.original, result.text
    blocks: list[str] = []
    cur: list[str] = []
    size = 0
    o = c = 0  # positions in the original and the clean text

    def gap(a: int, b: int, d: int) -> None:
        """Unchanged text original[a:b] == text[d:d + b - a], cut into blocks at newlines."""
        nonlocal size, cur
        while a < b:
            cut = b
            if size + (b - a) > BLOCK:
                nl = original.find("\n", a + max(0, BLOCK - size), b)
                cut = b if nl < 0 else nl + 1
            cur.append(marks.emit(d, d + cut - a))
            size += cut - a
            d += cut - a
            a = cut
            if size >= BLOCK and original[a - 1] == "\n":
                blocks.append("".join(cur))
                cur, size = [], 0

    def _between(a: int, b: int, ca: int, cb: int) -> None:
        """The text between two records: unchanged, or (never expected) shown as a change."""
        if original[a:b] == text[ca:cb]:
            gap(a, b, ca)
        else:
            cur.append(f'<span class="chg" data-c="" data-rule="unrecorded"><del>{_visible(original[a:b])}</del>'
                       f"<ins>{marks.emit(ca, cb, True)}</ins></span>")  # fmt: skip

    stop = len(original)  # where the shown text ends (limit: the first newline after it)
    for cluster in _clusters(_forest(result), result):
        a, b = cluster[0].a, max(n.b for n in cluster)
        if limit is not None and a > limit:
            nl = original.find("\n", max(limit, o), a)
            stop = a if nl < 0 else nl + 1
            break
        ca, cb = result.to_clean(a, b)
        _between(o, a, c, ca)
        sides = _apportion(cluster, result, text[ca:cb])
        if sides is None:  # the first record holds the others, and the cluster's clean text
            head = cluster[0]
            head.children.extend(cluster[1:])
            head.b = b
            cur.append(_render_node(head, result, marks.emit(ca, cb, True)))
        else:
            pos = ca
            for n, side in zip(cluster, sides, strict=True):
                cur.append(_render_node(n, result, marks.emit(pos, pos + len(side), True) if side else ""))
                pos += len(side)
        size += b - a
        o, c = b, cb
    else:
        if limit is not None and len(original) > limit:
            nl = original.find("\n", max(limit, o))
            stop = len(original) if nl < 0 else nl + 1
    _between(o, stop, c, c + stop - o if stop < len(original) else len(text))
    o = stop
    if stop == len(original):
        cur.append(marks.emit(len(text), len(text)))  # warnings at the very end
    blocks.append("".join(cur))
    return "".join(f'<div class="blk">{b}</div>' for b in blocks if b), o


def _apportion(cluster: list[_Node], result: CleanResult, clean: str) -> list[str] | None:
    """The clean text of each root record of a cluster (removals none, changes their
    replacement), or None when they do not add up to the cluster's clean text."""
    if len(cluster) == 1:
        n = cluster[0]
        if n.kind == 0 and not n.children and clean:
            return None
        return [clean]
    sides = [_final(n, result) for n in cluster]
    gaps_free = all(x.b == y.a for x, y in pairwise(cluster))
    return sides if gaps_free and "".join(sides) == clean else None


def _final(n: _Node, result: CleanResult) -> str:
    """What a root record left in the clean text: nothing for a removal; for a change, the
    replacement made by the last step that rewrote its whole span (a later step may rewrite an
    earlier one's replacement: its span grows to the same original span)."""
    if n.kind == 0:
        return ""
    order = {name: i for i, name in enumerate(STEP_NAMES)}
    chain, todo = [n], list(n.children)
    while todo:
        child = todo.pop()
        if (child.a, child.b) == (n.a, n.b):
            chain.append(child)
            todo.extend(child.children)
    last = max((m for m in chain if m.kind == 1), key=lambda m: order.get(result.changes[m.index].step, -1))
    return result.changes[last.index].replacement


# -- the page -------------------------------------------------------------------------


def _counts(result: CleanResult) -> Counter[str]:
    return Counter(w.severity for w in result.warnings)


def _header(result: CleanResult, name: str | None, interactive: bool) -> str:
    counts = _counts(result)
    n_changes = len(result.changes)
    sev = "".join(
        f'<span class="count s-{s}" data-count="{s}">{counts.get(s, 0)} {s}</span>' for s in reversed(SEVERITIES)
    )
    title = f"<h1>{esc(name)}</h1>" if name else "<h1>reportclean review</h1>"
    facts = (
        f'<span>encoding <b data-count="encoding">{esc(result.encoding or "str")}</b></span>'
        f'<span><b data-count="removals">{len(result.removed)}</b> removals</span>'
        f'<span><b data-count="changes">{n_changes}</b> changes</span>'
        f"<span>{len(result.original)} → {len(result.text)} characters</span>"
    )
    controls = ""
    if interactive:
        boxes = "".join(
            f'<label><input type="checkbox" data-switch="{k}" checked> {label}</label>'
            for k, label in (("rm", "removals"), ("chg", "changes"), *((s, s) for s in reversed(SEVERITIES)))
        )
        views = "".join(
            f'<label><input type="radio" name="rc-view" value="{v}"{" checked" if v == "review" else ""}> {v}</label>'
            for v in ("review", "original", "clean")
        )
        controls = (
            f'<div class="controls"><span class="switches">{boxes}</span>'
            f'<span class="views">{views}</span><span class="keys">keys: n next, p previous warning</span></div>'
        )
    return f'<header class="top">{title}<div class="facts">{facts}{sev}</div>{controls}</header>'


def _doc_level(result: CleanResult) -> set[int]:
    return {i for i, w in enumerate(result.warnings) if w.span[1] - w.span[0] > DOC_LEVEL}


def _banner(result: CleanResult, marks: _Marks, skip: set[int]) -> str:
    items = "".join(
        f"<li>{marks.open[i]}{esc(result.warnings[i].code)}</mark> {esc(result.warnings[i].message)}</li>"
        for i in sorted(skip)
    )
    return f'<ul class="doc-warnings">{items}</ul>' if items else ""


def _context(text: str, span: tuple[int, int], width: int = 6) -> str:
    """A warning's text with a few characters either side, on one line, for the panel.

    >>> _context("共完成X个项目。\\n下设X个", (3, 4))
    '共完成X个项目。 下'
    """
    a, b = span
    inner = text[a:b] if b - a <= 24 else text[a : a + 12] + "…" + text[b - 8 : b]
    return " ".join((text[max(0, a - width) : a] + inner + text[b : b + width]).split())


def _outline(result: CleanResult) -> str:
    """The report's meta and outline, each heading with its section's kind, folded above
    the document (``docs/structure.md``); nothing when it has neither.

    >>> from reportclean import clean
    >>> _outline(clean("东湖镇2023年工作总结\\n一、主要工作\\n完成投资3亿元。"))  # doctest: +ELLIPSIS
    '<details class="outline"><summary>outline: 1 heading; title 东湖镇2023年工作总结; ...一 主要工作 ...</details>'
    >>> _outline(clean("全年完成投资3亿元。"))
    ''
    """
    meta = result.meta
    facts = [f"{k} {', '.join(map(str, v)) if isinstance(v, tuple) else v}"
             for k in ("title", "date", "issuer", "place", "review_years", "plan_years")
             if (v := getattr(meta, k)) is not None]  # fmt: skip
    if not result.outline and not facts:
        return ""
    top = min((h.level for h in result.outline), default=1)
    items = "".join(
        f'<li class="k-{s.kind} d-{min(h.level - top, 5)}">{esc(h.label)} {esc(h.title)} <i>{s.kind}</i></li>'
        for h, s in zip(result.outline, result.sections, strict=True)
    )
    n = len(result.outline)
    head = "; ".join([f"{n} heading{'s' if n != 1 else ''}", *(esc(f) for f in facts)])
    return f'<details class="outline"><summary>outline: {head}</summary><ol>{items}</ol></details>'


def _lines(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def to_html(result: CleanResult, name: str | None = None) -> str:
    """The review page of a result: one self-contained HTML document."""
    from ._explain import what_to_do

    skip = _doc_level(result)
    marks = _Marks(result, skip)
    body, _ = _document(result, marks)
    clean_lines, orig_lines = _lines(result.text), _lines(result.original)
    changes = result.changes
    messages: dict[str, int] = {}  # a message is often repeated: each is sent once
    data = {
        "w": [
            [w.code, w.severity, messages.setdefault(w.message, len(messages)), w.step,
             bisect_right(clean_lines, w.span[0] - 1) + 1, _context(result.text, w.span)]
            for w in result.warnings
        ],
        "m": list(messages),
        "r": [[r.rule, r.reason, r.step, bisect_right(orig_lines, r.original_span[0] - 1) + 1] for r in result.removed],
        "c": [[c.rule, c.step, bisect_right(orig_lines, c.original_span[0] - 1) + 1] for c in changes],
        "todo": {code: what_to_do(code) for code in sorted({w.code for w in result.warnings})},
    }
    page = (
        '<div class="rc view-review">\n'
        + _header(result, name, interactive=True)
        + _outline(result)
        + '\n<div class="main"><main id="rc-doc" class="doc" lang="zh">'
        + _banner(result, marks, skip)
        + body
        + '</main>\n<aside id="rc-panel" class="panel" aria-label="warnings, removals and changes"></aside></div>\n'
        + '<footer id="rc-inspector" class="inspector" aria-live="polite">'
        "Hover over or select a highlight to see the rule, the reason or what to do.</footer>\n"
        + f'<script type="application/json" id="rc-data">{_json(data)}</script>\n</div>'
    )
    return _page(f"review: {name}" if name else "reportclean review", page, _asset("review.js"))


def repr_html(result: CleanResult) -> str:
    """A compact view for Jupyter: the header and the first screenful, no script."""
    skip = _doc_level(result)
    marks = _Marks(result, skip)
    body, shown = _document(result, marks, limit=SCREENFUL)
    rest = len(result.original) - shown
    more = (
        f'<p class="more">… {rest} more characters of the original; '
        "<code>result.to_html()</code> gives the whole page.</p>"
        if rest > 0
        else ""
    )
    return (
        f"<style>{_asset('review.css')}</style>"
        f'<div class="rc view-review compact">{_header(result, None, interactive=False)}'
        f'<div class="doc">{_banner(result, marks, skip)}{body}</div>{more}</div>'
    )


def short_repr(result: CleanResult) -> str:
    """A one-line ``repr``: the start of the text and the counts, never both texts whole.

    >>> import reportclean
    >>> reportclean.clean("共完成X个项目。")
    CleanResult(text='共完成X个项目。' (8 chars), encoding=None, warnings=1 (warning 1), removed=0, changes=0)
    """
    text = result.text if len(result.text) <= 40 else result.text[:40] + "…"
    counts = _counts(result)
    sev = ", ".join(f"{s} {counts[s]}" for s in reversed(SEVERITIES) if counts.get(s))
    n_changes = len(result.change_log) if result.change_log is not None else 0
    return (
        f"CleanResult(text={text!r} ({len(result.text)} chars), encoding={result.encoding!r}, "
        f"warnings={len(result.warnings)}{f' ({sev})' if sev else ''}, removed={len(result.removed)}, "
        f"changes={n_changes})"
    )


# -- the index of many pages ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One document in ``index.html``: its name, its page (a relative link) and its counts."""

    name: str
    href: str
    encoding: str
    severities: tuple[int, ...]  # per SEVERITIES, mildest first
    removals: int
    changes: int
    chars: int


def index_row(result: CleanResult, name: str, href: str) -> IndexRow:
    counts = _counts(result)
    return IndexRow(
        name, href, result.encoding or "str", tuple(counts.get(s, 0) for s in SEVERITIES),
        len(result.removed), len(result.changes), len(result.original),
    )  # fmt: skip


def index_html(rows: Iterable[IndexRow]) -> str:
    """A sortable table of reviewed documents with links to their pages."""
    heads = ["document", "encoding", *reversed(SEVERITIES), "removals", "changes", "characters"]
    th = "".join(f'<th><button type="button" data-col="{i}">{h}</button></th>' for i, h in enumerate(heads))
    body = []
    for r in rows:
        cells = [*(str(n) for n in reversed(r.severities)), str(r.removals), str(r.changes), str(r.chars)]
        nums = "".join(f'<td class="num">{v}</td>' for v in cells)
        body.append(
            f'<tr><td><a href="{esc(r.href)}">{esc(r.name)}</a></td><td>{esc(r.encoding)}</td>{nums}</tr>'
        )
    table = (
        f'<table id="rc-index"><thead><tr>{th}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )
    head = f'<header class="top"><h1>reportclean review: {len(body)} documents</h1></header>'
    page = f'<div class="rc index">{head}{table}</div>'
    return _page("reportclean review index", page, _asset("review-index.js"))
