"""The structure part of benchmarks/quality.py: outlines, section kinds and meta scored
against hand-written structure labels (``--structure-labels FILE...``).

Labels (``/work/realdocs/STRUCTURE_LABELS.md`` describes them) are JSON:
``{"<doc>.txt": {"headings": [{"level", "label", "title"}], "top_kinds": [{"title", "kind"}],
"meta": {"title", "date", "issuer", "place", "review_years", "plan_years"}}}``.

What is scored, in total over the labelled documents:

* headings: a predicted heading matches a labelled one when their labels are equal and
  their titles are equal (NFKC, whitespace removed; a title may also be cut where the
  other ends, at 4 characters or more); matching keeps document order (the longest
  common subsequence). Precision = matched / predicted, recall = matched / labelled;
  levels are scored on the matched pairs.
* kinds: each labelled top-level section is right when a predicted top-level section
  with the same title has the same kind (a missing one counts as wrong).
* meta: per field, a predicted value that differs from the label is WRONG; None is
  allowed (counted as missed when the label has a value). Strings are compared after
  NFKC with whitespace removed; dates exactly; years as sorted lists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

META_FIELDS = ("title", "date", "issuer", "place", "review_years", "plan_years")


_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)")


def norm(text: str) -> str:
    """NFKC, whitespace removed, pinyin glosses removed (``戶(hu)籍``: the labels keep what the
    page wrote, cleaning removes them), brackets full-width (labels write （）)."""
    s = "".join(unicodedata.normalize("NFKC", text or "").split())
    return _GLOSS.sub("", s).replace("(", "（").replace(")", "）")


def norm_label(label: str) -> str:
    s = norm(label)
    return s.rstrip("、.．") + ("." if s[:1].isdigit() and "." not in s.rstrip(".") else "") if s else ""


def titles_match(a: str, b: str) -> bool:
    x, y = norm(a), norm(b)
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    return len(short) >= 4 and long_.startswith(short)


def match(pred: Sequence[tuple[int, str, str]], gold: Sequence[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """The longest in-order matching of predicted and labelled headings: index pairs."""
    n, m = len(pred), len(gold)
    ok = [[norm_label(p[1]) == norm_label(g[1]) and titles_match(p[2], g[2]) for g in gold] for p in pred]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + 1 if ok[i][j] else 0)
    pairs = []
    i = j = 0
    while i < n and j < m:
        if ok[i][j] and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def meta_equal(name: str, pred: Any, gold: Any) -> bool:
    if name in ("review_years", "plan_years"):
        return sorted(int(x) for x in pred) == sorted(int(x) for x in (gold or []))
    if name == "date":
        return str(pred) == str(gold)
    return norm(str(pred)) == norm(str(gold or ""))


@dataclass
class StructureScore:
    docs: int = 0
    predicted: int = 0
    labelled: int = 0
    matched: int = 0
    level_right: int = 0
    kinds_right: int = 0
    kinds_total: int = 0
    meta: dict[str, dict[str, int]] = field(
        default_factory=lambda: {f: {"right": 0, "wrong": 0, "missed": 0, "none": 0} for f in META_FIELDS}
    )
    failures: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        def pct(a: int, b: int) -> float | None:
            return round(100 * a / b, 1) if b else None

        return {
            "documents": self.docs,
            "headings_precision": pct(self.matched, self.predicted),
            "headings_recall": pct(self.matched, self.labelled),
            "headings": [self.matched, self.predicted, self.labelled],
            "levels_right": pct(self.level_right, self.matched),
            "kinds_right": pct(self.kinds_right, self.kinds_total),
            "kinds": [self.kinds_right, self.kinds_total],
            "meta": self.meta,
            "meta_wrong": sum(v["wrong"] for v in self.meta.values()),
        }


def load_structure_labels(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        out.update(data.get("docs", data))
    return out


def score_result(name: str, result: Any, label: dict[str, Any], score: StructureScore) -> None:
    """Add one document's figures (``result``: a CleanResult) to ``score``."""
    score.docs += 1
    pred = [(h.level, h.label, h.title) for h in result.outline]
    gold = [(int(h["level"]), h.get("label", ""), h.get("title", "")) for h in label.get("headings", [])]
    pairs = match(pred, gold)
    score.predicted += len(pred)
    score.labelled += len(gold)
    score.matched += len(pairs)
    score.level_right += sum(pred[i][0] == gold[j][0] for i, j in pairs)
    got_p = {i for i, _ in pairs}
    got_g = {j for _, j in pairs}
    for i, p in enumerate(pred):
        if i not in got_p:
            score.failures.append(f"{name}\textra heading\t{p[0]} {p[1]} {p[2]}")
    for j, g in enumerate(gold):
        if j not in got_g:
            score.failures.append(f"{name}\tmissed heading\t{g[0]} {g[1]} {g[2]}")
    for i, j in pairs:
        if pred[i][0] != gold[j][0]:
            score.failures.append(f"{name}\tlevel\t{pred[i][1]} {pred[i][2]}: {pred[i][0]} (label {gold[j][0]})")
    shallowest = min((h.level for h in result.outline), default=0)
    tops = [(result.outline[s.heading].title, s.kind) for s in result.sections
            if s.parent is None and s.level == shallowest]  # fmt: skip
    used: set[int] = set()
    for want in label.get("top_kinds", []):
        score.kinds_total += 1
        hit = next((k for k, (t, _) in enumerate(tops) if k not in used and titles_match(t, want["title"])), None)
        if hit is None:
            score.failures.append(f"{name}\tkind\t{want['title']}: no such top section (label {want['kind']})")
            continue
        used.add(hit)
        if tops[hit][1] == want["kind"]:
            score.kinds_right += 1
        else:
            score.failures.append(f"{name}\tkind\t{want['title']}: {tops[hit][1]} (label {want['kind']})")
    gold_meta = label.get("meta", {}) or {}
    meta = result.meta.to_dict()
    for f in META_FIELDS:
        p, g = meta.get(f), gold_meta.get(f)
        counts = score.meta[f]
        if p in (None, [], ""):  # an empty list or string says no more than None
            counts["missed" if g not in (None, [], "") else "none"] += 1
        elif g not in (None, [], "") and meta_equal(f, p, g):
            counts["right"] += 1
        else:
            counts["wrong"] += 1
            score.failures.append(f"{name}\tmeta {f}\t{p!r} (label {g!r})")


def text_report(score: StructureScore) -> str:
    f = score.figures()
    m, p, labelled = f["headings"]
    lines = [
        f"structure: {f['documents']} labelled documents",
        f"  headings precision {f['headings_precision']}% ({m}/{p}), recall {f['headings_recall']}% ({m}/{labelled}),"
        f" levels right {f['levels_right']}%",
        f"  level-1 section kinds right {f['kinds_right']}% ({f['kinds'][0]}/{f['kinds'][1]})",
        "  meta (right / WRONG / missed / none): "
        + ", ".join(f"{k} {v['right']}/{v['wrong']}/{v['missed']}/{v['none']}" for k, v in f["meta"].items()),
    ]
    return "\n".join(lines)


def markdown_report(score: StructureScore) -> str:
    f = score.figures()
    m, p, labelled = f["headings"]
    rows = [
        "| figure | value |",
        "|---|---|",
        f"| headings precision | {f['headings_precision']}% ({m}/{p}) |",
        f"| headings recall | {f['headings_recall']}% ({m}/{labelled}) |",
        f"| levels right (matched headings) | {f['levels_right']}% |",
        f"| level-1 section kinds right | {f['kinds_right']}% ({f['kinds'][0]}/{f['kinds'][1]}) |",
    ]
    for k, v in f["meta"].items():
        counts = " / ".join(str(v[x]) for x in ("right", "wrong", "missed", "none"))
        rows.append(f"| meta `{k}` right / wrong / missed / none | {counts} |")
    return "\n".join(rows) + "\n"
