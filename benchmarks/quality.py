"""Score reportclean on a folder of real documents against hand-written labels.

    python benchmarks/quality.py DOCS_DIR --labels L1.json [L2.json ...]
        [--judgements judgements.tsv ...] [--to-judge todo.tsv]
        [--markdown out.md] [--json out.json] [--urls urls.tsv]
        [--structure-labels S1.json ...] [--structure-failures failures.tsv]

Each ``DOCS_DIR/*.txt`` is read as bytes and cleaned with ``reportclean.clean``.
Run it against another checkout with ``PYTHONPATH=<checkout>/src``: this script
only falls back to its own ``src`` when ``reportclean`` cannot be imported.

Labels (written before looking at the output) are JSON::

    {"docs": {"07_gov.txt": {
        "chrome": ["site chrome that must be gone"],
        "content_near_chrome": ["content that must survive"],
        "survive": ["content that must come out unchanged"],
        "lines": [["a heading", "the first words of the next line"]],
        "not_glued": ["a string that must not appear in the output"],
        "no_chars": "characters that must not appear in the output",
        "placeholders": ["20[XX]年: the placeholder in brackets, with context"],
        "gaps": ["学习[ ]次: the blank where a number is missing; [] for zero width"],
        "codes": ["warning codes that must be raised"],
        "script": "simplified"}}}

Strings are compared after NFKC with all whitespace removed, so that line breaks
and width do not matter; ``lines`` means that no output line holds both strings;
``not_glued`` means that no output line holds the string (NFKC, spaces kept).
A bracketed label is found in the input by its text without the brackets; the
k-th label with the same text takes the k-th occurrence.

With ``--structure-labels``, outlines, section kinds and meta are scored too (see
``benchmarks/quality_structure.py``; targets in issue 17).

What is scored:

* chrome recall (labelled chrome gone), content kept, lines, not_glued, no_chars,
  codes, per document and in total;
* removals: a Removal whose original span overlaps a labelled content item (one
  that does not itself sit inside labelled chrome) is wrong;
* placeholders and gaps: recall is the share of labelled spans overlapped by a
  ``placeholder`` (``missing-number``) warning's ``original_span``; precision the
  share of those warnings that overlap a labelled span. A zero-width gap is
  matched with a tolerance of 2 characters, any other span with 1. A labelled
  span inside a longer removal counts neither way (it went with its chrome line);
* idempotence: ``clean(clean(x).text).text == clean(x).text``;
* records: ``original[c.original_span] == c.original`` and
  ``text[c.span] == c.replacement`` for every change, ``original[r.original_span]
  == r.text`` for every removal, ``w.original_span == to_original(*w.span)`` for
  every warning;
* per rule: every removal and every non-trivial change is looked up in the
  judgements TSV (doc, rule, original, replacement, verdict right|wrong, note,
  and optionally at: the start of the edit in the input, for one occurrence);
  those not found are written to ``--to-judge`` for a person to label. Trivial
  changes (a one-character width or punctuation swap, indentation or trailing
  space) are counted but not judged. A change that removes a line break is a
  join and is never trivial.

In the TSV files a backslash, tab and line break inside a field are written
``\\\\``, ``\\t`` and ``\\n``.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

try:
    import reportclean
except ImportError:  # not installed and not on PYTHONPATH: use this checkout
    sys.path.append(str(Path(__file__).resolve().parent.parent / "src"))
    import reportclean

Span = tuple[int, int]
LIST_FIELDS = ("chrome", "content_near_chrome", "survive", "not_glued", "placeholders", "gaps", "codes")
_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def norm(text: str) -> str:
    """NFKC with all whitespace removed: the form every label is compared in."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def norm_map(text: str) -> tuple[str, list[int]]:
    """``norm(text)`` char by char, with the index in ``text`` of each kept char."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for n in unicodedata.normalize("NFKC", ch):
            if not n.isspace():
                out.append(n)
                where.append(i)
    return "".join(out), where


def find_all_norm(text: str, needle: str) -> list[Span]:
    """Spans of ``text`` whose normalised form is ``norm(needle)``."""
    hay, where = norm_map(text)
    target = norm(needle)
    spans: list[Span] = []
    if not target:
        return spans
    start = hay.find(target)
    while start >= 0:
        spans.append((where[start], where[start + len(target) - 1] + 1))
        start = hay.find(target, start + 1)
    return spans


def overlaps(a: Span, b: Span, tol: int = 0) -> bool:
    """Whether span ``b`` touches span ``a`` widened by ``tol`` on each side.

    A zero-width ``b`` counts when it falls inside the widened ``a``.
    """
    lo, hi = a[0] - tol, a[1] + tol
    if b[0] == b[1]:
        return lo <= b[0] <= hi
    return b[0] < hi and lo < b[1]


def _find_nth(original: str, before: str, mid: str, after: str, k: int) -> int:
    """Start of ``mid`` in the k-th (0-based) occurrence of ``before + mid + after``, or -1.

    Tried as written first; failing that, any run of whitespace in the label
    matches any run of whitespace in the input (a blank typed as a space that
    the input holds as a line break).
    """
    plain = before + mid + after
    pos = -1
    for _ in range(k + 1):
        pos = original.find(plain, pos + 1)
        if pos < 0:
            break
    if pos >= 0:
        return pos + len(before)

    def loose(part: str) -> str:
        return "".join(r"\s+" if p.isspace() else re.escape(p) for p in re.split(r"(\s+)", part) if p)

    pattern = re.compile(loose(before) + "(" + (loose(mid) if mid.strip() else r"\s*") + ")" + loose(after))
    found = list(pattern.finditer(original))
    return found[k].start(1) if k < len(found) else -1


def locate_bracketed(original: str, labels: Sequence[str]) -> tuple[list[Span], list[str]]:
    """Find each ``pre[mid]post`` label in ``original``: the span of ``mid``.

    The k-th label with the same text takes the k-th occurrence. Returns the
    spans found and the labels that could not be found.
    """
    seen: Counter[str] = Counter()
    spans: list[Span] = []
    missing: list[str] = []
    for label in labels:
        m = _BRACKETED.search(label)
        if m is None:
            missing.append(label)
            continue
        unbracket = functools.partial(_BRACKETED.sub, lambda x: x.group(1))
        before, mid, after = unbracket(label[: m.start()]), m.group(1), unbracket(label[m.end() :])
        k = seen[label]
        seen[label] += 1
        start = _find_nth(original, before, mid, after, k)
        if start < 0:
            missing.append(label)
            continue
        end = start + len(mid)
        if not mid.strip():  # a blank: take the whitespace the input really has there
            while end < len(original) and original[end].isspace():
                end += 1
        spans.append((start, end))
    return spans, missing


@dataclass
class Labels:
    """The labels of one document (unknown keys in the JSON are ignored)."""

    chrome: list[str] = field(default_factory=list)
    content_near_chrome: list[str] = field(default_factory=list)
    survive: list[str] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)
    not_glued: list[str] = field(default_factory=list)
    no_chars: str = ""
    placeholders: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    script: str = ""

    @property
    def content(self) -> list[str]:
        return self.content_near_chrome + self.survive


def load_labels(paths: Iterable[Path]) -> dict[str, Labels]:
    """Read label files; a document labelled in two files gets both lists."""
    out: dict[str, Labels] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data.get("docs") if isinstance(data, dict) else None
        if not isinstance(docs, dict):
            raise ValueError(f'{path}: expected {{"docs": {{"name.txt": {{...}}}}}} at the top level')
        for name, raw in docs.items():
            lab = out.setdefault(name, Labels())
            for key in LIST_FIELDS:
                getattr(lab, key).extend(str(s) for s in raw.get(key, []))
            lab.lines.extend((str(a), str(b)) for a, b in raw.get("lines", []))
            lab.no_chars += str(raw.get("no_chars", ""))
            lab.script = lab.script or str(raw.get("script", ""))
    return out


# --------------------------------------------------------------------------- judgements


def tsv_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def tsv_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), text)


JudgeKey = tuple[str, str, str, str, str]  # doc, rule, original, replacement, at ("" = every occurrence)


def load_judgements(paths: Sequence[Path] | Path | None) -> dict[JudgeKey, tuple[str, str]]:
    """Verdicts from TSV files with a header: doc, rule, original, replacement, verdict, note[, at].

    ``at`` (the start of the edit in the input) restricts a verdict to one occurrence;
    without it the verdict holds for every occurrence of that edit in that document.
    """
    out: dict[JudgeKey, tuple[str, str]] = {}
    if paths is None:
        return out
    for path in [paths] if isinstance(paths, Path) else paths:
        if path.exists():
            out.update(_judgements_file(path))
    return out


def _judgements_file(path: Path) -> dict[JudgeKey, tuple[str, str]]:
    out: dict[JudgeKey, tuple[str, str]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        cols = line.split("\t")
        if (n == 0 and cols[0] == "doc") or not line.strip():
            continue
        if len(cols) < 5:
            raise ValueError(f"{path}:{n + 1}: expected doc, rule, original, replacement, verdict[, note[, at]]")
        doc, rule, orig, repl, verdict = (tsv_unescape(c) for c in cols[:5])
        if verdict not in ("right", "wrong"):
            raise ValueError(f"{path}:{n + 1}: verdict must be right or wrong, not {verdict!r}")
        note = tsv_unescape(cols[5]) if len(cols) > 5 else ""
        at = cols[6].strip() if len(cols) > 6 else ""
        out[(doc, rule, orig, repl, at)] = (verdict, note)
    return out


def is_trivial(original: str, replacement: str, before: str = "", after: str = "") -> bool:
    """A change nobody needs to judge: a width/punctuation swap or edge spacing.

    ``before`` and ``after`` are the characters of the input around ``original``.
    A change that removes a line break (a join) is never trivial, nor is a swap
    between two digits (``3·5`` becoming ``3.5`` changes a number).
    """
    if "\n" in original and "\n" not in replacement:
        return False
    if norm(original) == norm(replacement):
        if original.strip() or replacement.strip():
            return True  # width or form only
        # whitespace only: trivial at a line edge (indentation, trailing space, blank lines)
        return not before or not after or before.endswith("\n") or after.startswith("\n") or "\n" in original

    if before[-1:].isdigit() and after[:1].isdigit():
        return False

    def punct(s: str) -> bool:
        return all(unicodedata.category(c)[0] in "PSZ" for c in s)

    return len(original) <= 1 and len(replacement) <= 1 and punct(original) and punct(replacement)


# --------------------------------------------------------------------------- scoring


@dataclass
class Item:
    """One edit to judge: a removal (replacement is None) or a change."""

    doc: str
    rule: str
    original: str
    replacement: str | None
    span: Span
    context: str
    verdict: str = ""  # right, wrong or "" (unjudged)
    by_label: bool = False  # wrong because it removed labelled content


@dataclass
class DocScore:
    name: str
    kind: str = ""
    script: str = ""
    crashed: str = ""
    checks: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)
    ph: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # labelled, found, warnings, warnings right
    gap: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    items: list[Item] = field(default_factory=list)
    trivial: Counter[str] = field(default_factory=Counter)
    record_errors: list[str] = field(default_factory=list)
    idempotent: bool = True


def _context(original: str, span: Span, width: int = 12) -> str:
    """The edit in 【】 with some text either side, line breaks shown as ⏎."""
    before = original[max(0, span[0] - width) : span[0]]
    text = before + "【" + original[span[0] : span[1]] + "】" + original[span[1] : span[1] + width]
    return text.replace("\n", "⏎")


def _check(score: DocScore, kind: str, ok: bool, what: str) -> None:
    score.checks[kind].append(ok)
    if not ok:
        score.failures.append(f"{kind}: {what}")


def _detector(score: DocScore, res: Any, labels: list[str], code: str, counts: list[int], zero_tol: int) -> None:
    spans, missing = locate_bracketed(res.original, labels)
    for label in missing:
        score.failures.append(f"label not found in input ({code}): {label!r}")
    removed = [r.original_span for r in res.removed]
    # inside a longer removal (a chrome line that held it); removing just the placeholder is a miss
    gone = [s for s in spans if any(r[0] <= s[0] and s[1] <= r[1] and r[1] - r[0] > s[1] - s[0] for r in removed)]
    spans = [s for s in spans if s not in gone]  # removed with its line: neither found nor missed
    for s in gone:
        score.failures.append(f"note: {code} removed with its text, not counted: {_context(res.original, s, 8)}")
    warns = [w.original_span for w in res.warnings if w.code == code]

    def tol(s: Span) -> int:
        return zero_tol if s[0] == s[1] else 1

    hit = [any(overlaps(s, w, tol(s)) for w in warns) for s in spans]
    right = [any(overlaps(s, w, tol(s)) for s in spans) for w in warns]
    counts[0] += len(spans)
    counts[1] += sum(hit)
    counts[2] += len(warns)
    counts[3] += sum(right)
    for s, h in zip(spans, hit, strict=True):
        if not h:
            score.failures.append(f"{code} missed: {_context(res.original, s, 8)}")
    for w, r in zip(warns, right, strict=True):
        if not r:
            score.failures.append(f"{code} unlabelled: {_context(res.original, w, 8)}")


def score_doc(name: str, data: bytes, labels: Labels | None, judgements: dict[JudgeKey, tuple[str, str]]) -> DocScore:
    """Clean one document and score it against its labels and the judgements."""
    score = DocScore(name)
    try:
        res = reportclean.clean(data)
        again = reportclean.clean(res.text)
    except Exception as exc:  # a crash on data is itself a finding
        score.crashed = f"{type(exc).__name__}: {exc}"
        return score
    original, text = res.original, res.text
    score.idempotent = again.text == res.text

    # records
    # A change that a later step rewrote (a later change or removal covers its original
    # span) does not survive to the output: only its place is kept, not its text.
    # Numerals run twice: before spacing and again after layout (a numeral those steps made whole).
    order = ("decode", *reportclean.STEP_NAMES)
    first = {step: i for i, step in enumerate(order)}
    last = {**first, "numerals": first.get("layout", 0) + 0.5}
    later = [(c.original_span, last.get(c.step, 0)) for c in res.changes]
    later += [(r.original_span, last.get(r.step, 0)) for r in res.removed]
    for c in res.changes:
        if original[c.original_span[0] : c.original_span[1]] != c.original:
            score.record_errors.append(f"change original {c.rule} {c.original!r} at {c.original_span}")
        (a, b), made = c.original_span, first.get(c.step, 0)
        rewritten = any(s[0] <= a and b <= s[1] and when > made for s, when in later)
        if not rewritten and text[c.span[0] : c.span[1]] != c.replacement:
            score.record_errors.append(f"change span {c.rule} {c.replacement!r} at {c.span}")
    for r in res.removed:
        if original[r.original_span[0] : r.original_span[1]] != r.text:
            score.record_errors.append(f"removal {r.rule} {r.text[:20]!r} at {r.original_span}")
    for w in res.warnings:
        if w.original_span != res.to_original(*w.span):
            score.record_errors.append(f"warning {w.code} {w.original_span} != {res.to_original(*w.span)}")

    # label checks
    protected: list[Span] = []
    if labels is not None:
        out_norm = norm(text)
        out_lines = [norm(line) for line in text.splitlines()]
        for s in labels.chrome:
            _check(score, "chrome", norm(s) not in out_norm, repr(s))
        for s in labels.content:
            _check(score, "content", norm(s) in out_norm, repr(s))
        for a, b in labels.lines:
            na, nb = norm(a), norm(b)
            _check(score, "lines", not any(na in ln and nb in ln for ln in out_lines), f"{a!r} + {b!r}")
        raw_lines = [unicodedata.normalize("NFKC", line) for line in text.splitlines()]
        for s in labels.not_glued:
            glued = unicodedata.normalize("NFKC", s)
            _check(score, "not_glued", not any(glued in ln for ln in raw_lines), repr(s))
        if labels.no_chars:
            bad = sorted({c for c in text if c in labels.no_chars})
            _check(score, "no_chars", not bad, "".join(bad))
        codes = {w.code for w in res.warnings}
        for code in labels.codes:
            _check(score, "codes", code in codes, code)
        chrome_spans = [sp for s in labels.chrome for sp in find_all_norm(original, s)]
        for s in labels.content:
            for sp in find_all_norm(original, s):
                if not any(c[0] <= sp[0] and sp[1] <= c[1] for c in chrome_spans):
                    protected.append(sp)
        _detector(score, res, labels.placeholders, "placeholder", score.ph, 0)
        _detector(score, res, labels.gaps, "missing-number", score.gap, 2)

    # removals and changes, with their verdicts
    for r in res.removed:
        item = Item(name, r.rule, r.text, None, r.original_span, _context(original, r.original_span))
        item.by_label = any(overlaps(p, r.original_span) for p in protected if r.original_span[0] < r.original_span[1])
        score.items.append(item)
    for c in res.changes:
        o0, o1 = c.original_span
        if is_trivial(c.original, c.replacement, original[max(0, o0 - 1) : o0], original[o1 : o1 + 1]):
            score.trivial[c.rule] += 1
            continue
        score.items.append(
            Item(name, c.rule, c.original, c.replacement, c.original_span, _context(original, c.original_span))
        )
    for item in score.items:
        key = (name, item.rule, item.original, item.replacement or "")
        verdict = judgements.get((*key, str(item.span[0]))) or judgements.get((*key, ""))
        item.verdict = "wrong" if item.by_label else (verdict[0] if verdict else "")
    return score


# --------------------------------------------------------------------------- report


def _rate(ok: int, total: int) -> str:
    return f"{ok}/{total} ({100 * ok / total:.1f}%)" if total else "0/0 (n/a)"


@dataclass
class Summary:
    docs: list[DocScore]

    def checks(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for d in self.docs:
            for kind, oks in d.checks.items():
                out[kind][0] += sum(oks)
                out[kind][1] += len(oks)
        out["idempotent"] = [sum(d.idempotent for d in self.docs if not d.crashed), len(self.docs)]
        out["records agree"] = [sum(not d.record_errors for d in self.docs if not d.crashed), len(self.docs)]
        out["no crash"] = [sum(not d.crashed for d in self.docs), len(self.docs)]
        return {k: (v[0], v[1]) for k, v in out.items()}

    def detector(self, attr: str) -> dict[str, int]:
        tot = [sum(getattr(d, attr)[i] for d in self.docs) for i in range(4)]
        return {"labelled": tot[0], "found": tot[1], "warnings": tot[2], "right": tot[3]}

    def per_rule(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(Counter)
        for d in self.docs:
            for it in d.items:
                kind = "removal" if it.replacement is None else "change"
                out[it.rule][f"{kind} {it.verdict or 'unjudged'}"] += 1
            for rule, n in d.trivial.items():
                out[rule]["trivial"] += n
        return dict(sorted(out.items()))

    def unjudged(self) -> list[Item]:
        return [it for d in self.docs for it in d.items if not it.verdict]


def _rule_line(rule: str, c: dict[str, int]) -> str:
    def three(kind: str) -> str:
        return f"{c.get(kind + ' right', 0)}/{c.get(kind + ' wrong', 0)}/{c.get(kind + ' unjudged', 0)}"

    return f"  {rule:<22} removals {three('removal'):<9} changes {three('change'):<9} trivial {c.get('trivial', 0)}"


def wrong_rewrites(summary: Summary) -> tuple[int, int]:
    """Wrong non-trivial changes and judged non-trivial changes, over every rule."""
    rules = summary.per_rule().values()
    wrong = sum(c.get("change wrong", 0) for c in rules)
    return wrong, wrong + sum(c.get("change right", 0) for c in rules)


def text_report(summary: Summary) -> str:
    """The figures, then every failure per document."""
    out = [f"{len(summary.docs)} documents"]
    for kind, (ok, total) in summary.checks().items():
        out.append(f"  {kind:<16} {_rate(ok, total)}")
    for attr, name in (("ph", "placeholders"), ("gap", "missing numbers")):
        det = summary.detector(attr)
        out.append(f"  {name:<16} recall {_rate(det['found'], det['labelled'])}")
        out.append(f"  {'':<16} precision {_rate(det['right'], det['warnings'])}")
    out.append("per rule, right/wrong/unjudged:")
    out += [_rule_line(rule, c) for rule, c in summary.per_rule().items()]
    out.append(f"  wrong non-trivial rewrites: {_rate(*wrong_rewrites(summary))} of those judged")
    for doc in summary.docs:
        problems = ([f"CRASH {doc.crashed}"] if doc.crashed else []) + doc.failures
        problems += ["not idempotent"] if not doc.idempotent else []
        problems += [f"record: {e}" for e in doc.record_errors[:5]]
        problems += [f"wrong {it.rule}: {it.context}" for it in doc.items if it.verdict == "wrong"]
        if problems:
            out.append(f"{doc.name} ({doc.kind}):")
            out.extend(f"    {p}" for p in problems)
    return "\n".join(out)


def markdown_report(summary: Summary, label_files: Sequence[Path]) -> str:
    kinds = Counter(d.kind or "?" for d in summary.docs)
    scripts = Counter(d.script or "unlabelled" for d in summary.docs)
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    out = [
        f"Measured {date} on {len(summary.docs)} real documents"
        f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))};"
        f" {', '.join(f'{k} {n}' for k, n in sorted(scripts.items()))}),"
        f" labels: {', '.join(p.name for p in label_files)}; reportclean {reportclean.__version__}.",
        "",
        "| check | passed |",
        "|---|---|",
    ]
    out += [f"| {k} | {_rate(ok, total)} |" for k, (ok, total) in summary.checks().items()]
    for attr, name in (("ph", "placeholder"), ("gap", "missing-number")):
        d = summary.detector(attr)
        out.append(f"| {name} recall | {_rate(d['found'], d['labelled'])} |")
        out.append(f"| {name} precision | {_rate(d['right'], d['warnings'])} |")
    out.append(f"| wrong non-trivial rewrites (of judged) | {_rate(*wrong_rewrites(summary))} |")
    out += [
        "",
        "| rule | removals right | removals wrong | changes right | changes wrong | unjudged | trivial |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule, c in summary.per_rule().items():
        unj = c.get("removal unjudged", 0) + c.get("change unjudged", 0)
        out.append(
            f"| {rule} | {c.get('removal right', 0)} | {c.get('removal wrong', 0)} | {c.get('change right', 0)}"
            f" | {c.get('change wrong', 0)} | {unj} | {c.get('trivial', 0)} |"
        )
    return "\n".join(out) + "\n"


def write_todo(path: Path, items: Sequence[Item], per_occurrence_max: int = 40) -> int:
    """Write the unjudged edits for a person to label; returns the number of rows.

    Whitespace-only edits (joins, deleted spaces) get one row per occurrence, with
    ``at`` set, unless one document has more than ``per_occurrence_max`` of the same
    edit; everything else gets one row per (doc, rule, original, replacement).
    """
    groups: dict[tuple[str, str, str, str], list[Item]] = defaultdict(list)
    for it in items:
        groups[(it.doc, it.rule, it.original, it.replacement or "")].append(it)
    rows: list[tuple[tuple[str, str, str, str], str, list[Item]]] = []
    for key, its in groups.items():
        spacing = not key[2].strip() and not key[3].strip()
        if spacing and len(its) <= per_occurrence_max:
            rows += [(key, str(it.span[0]), [it]) for it in its]
        else:
            rows.append((key, "", its))
    with path.open("w", encoding="utf-8") as f:
        f.write("doc\trule\toriginal\treplacement\tverdict\tnote\tat\tcount\tcontext\n")
        for key, at, its in rows:
            ctx = " ‖ ".join(it.context for it in its[:3])
            f.write("\t".join(tsv_escape(x) for x in key) + f"\t\t\t{at}\t{len(its)}\t{tsv_escape(ctx)}\n")
    return len(rows)


def read_kinds(path: Path | None) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    kinds = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 3:
            kinds[cols[0]] = cols[2].split()[0] if cols[2].split() else ""
    return kinds


def run(
    docs_dir: Path,
    label_files: Sequence[Path],
    judgements: Sequence[Path] | Path | None = None,
    urls: Path | None = None,
) -> Summary:
    """Score every ``*.txt`` in ``docs_dir``; documents without labels get only the label-free checks."""
    labels = load_labels(label_files)
    verdicts = load_judgements(judgements)
    kinds = read_kinds(urls)
    scores = []
    for path in sorted(docs_dir.glob("*.txt")):
        score = score_doc(path.name, path.read_bytes(), labels.get(path.name), verdicts)
        score.kind = kinds.get(path.name) or path.stem.split("_", 1)[-1]
        label = labels.get(path.name)
        score.script = label.script if label is not None else ""
        scores.append(score)
    return Summary(scores)


def _structure_module() -> Any:
    """benchmarks/quality_structure.py, loaded beside this script (run as a file or imported)."""
    import importlib.util

    name = "quality_structure"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def score_structure(docs_dir: Path, label_files: Sequence[Path]) -> Any:
    """Outlines, section kinds and meta of the labelled documents, scored (quality_structure.py)."""
    qs = _structure_module()
    labels = qs.load_structure_labels(label_files)
    score = qs.StructureScore()
    for path in sorted(docs_dir.glob("*.txt")):
        if path.name in labels:
            qs.score_result(path.name, reportclean.clean(path.read_bytes()), labels[path.name], score)
    return score


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs", type=Path, help="folder of *.txt documents")
    parser.add_argument("--labels", type=Path, nargs="+", required=True, help="label JSON files")
    parser.add_argument(
        "--judgements", type=Path, nargs="+", help="TSV files of verdicts on removals and changes (later files win)"
    )
    parser.add_argument("--to-judge", type=Path, help="write the unjudged removals and changes here (TSV)")
    parser.add_argument("--markdown", type=Path, help="write a Markdown table of the figures here")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--urls", type=Path, help="urls.tsv with a kind column (default: DOCS/../urls.tsv)")
    parser.add_argument("--structure-labels", type=Path, nargs="+",
                        help="structure label JSON files: score outlines, section kinds, meta (quality_structure.py)")
    parser.add_argument("--structure-failures", type=Path, help="write each structure failure here (TSV)")
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        parser.error(f"{args.docs} is not a folder")
    urls = args.urls or args.docs.parent / "urls.tsv"
    summary = run(args.docs, args.labels, args.judgements, urls)
    print(text_report(summary))
    if args.to_judge:
        n = write_todo(args.to_judge, summary.unjudged())
        print(f"{n} unjudged edits written to {args.to_judge}")
    if args.markdown:
        args.markdown.write_text(markdown_report(summary, args.labels), encoding="utf-8")
    structure = None
    if args.structure_labels:
        qs = _structure_module()
        structure = score_structure(args.docs, args.structure_labels)
        print(qs.text_report(structure))
        if args.structure_failures:
            args.structure_failures.write_text("\n".join(structure.failures) + "\n", encoding="utf-8")
        if args.markdown:
            with args.markdown.open("a", encoding="utf-8") as out:
                out.write("\n" + qs.markdown_report(structure))
    if args.json:
        data = {
            "checks": summary.checks(),
            "placeholder": summary.detector("ph"),
            "missing-number": summary.detector("gap"),
            "per_rule": summary.per_rule(),
            **({"structure": structure.figures()} if structure is not None else {}),
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
