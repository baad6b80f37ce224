"""benchmarks/quality.py --structure-labels: the structure scorer computes the figures it claims.

A tiny folder written here, in our own sentences, with labels whose right and wrong
entries are known in advance.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("quality_script_s", ROOT / "benchmarks" / "quality.py")
assert _spec is not None and _spec.loader is not None
quality = importlib.util.module_from_spec(_spec)
sys.modules["quality_script_s"] = quality
_spec.loader.exec_module(quality)

DOC = (
    "东湖镇2023年工作总结和2024年工作计划\n一、主要工作\n（一）党建\n开展学习3次。\n"
    "二、2024年工作计划\n力争投资4亿元。\n"
)
LABEL = {
    "headings": [
        {"level": 1, "label": "一", "title": "主要工作"},
        {"level": 2, "label": "(一)", "title": "党建"},  # ASCII brackets: normalised
        {"level": 1, "label": "二、", "title": "2024年工作计划"},
        {"level": 3, "label": "1.", "title": "一个没有的标题"},  # missed
    ],
    "top_kinds": [{"title": "主要工作", "kind": "review"}, {"title": "2024年工作计划", "kind": "review"}],
    "meta": {"title": "东湖镇2023年工作总结和2024年工作计划", "date": "2024-01-01", "issuer": None,
             "place": "西湖镇", "review_years": [2023], "plan_years": [2024]},
}  # fmt: skip


def test_structure_figures(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DOC, encoding="utf-8")
    labels = tmp_path / "s.json"
    labels.write_text(json.dumps({"a.txt": LABEL}, ensure_ascii=False), encoding="utf-8")
    score = quality.score_structure(docs, [labels])
    f = score.figures()
    assert f["headings"] == [3, 3, 4]  # matched, predicted, labelled
    assert f["headings_precision"] == 100.0 and f["headings_recall"] == 75.0 and f["levels_right"] == 100.0
    assert f["kinds"] == [1, 2]  # the second label says review: the plan is counted wrong
    assert f["meta"]["place"]["wrong"] == 1  # 东湖镇 is not 西湖镇
    assert f["meta"]["date"] == {"right": 0, "wrong": 0, "missed": 1, "none": 0}  # None is allowed
    assert f["meta"]["title"]["right"] == 1 and f["meta"]["plan_years"]["right"] == 1
    assert f["meta_wrong"] == 1
    assert any("missed heading" in x for x in score.failures)


def test_structure_labels_flag(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "s.json").write_text(json.dumps({"a.txt": LABEL}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "l.json").write_text('{"docs": {}}', encoding="utf-8")
    out = tmp_path / "f.json"
    args = [str(docs), "--labels", str(tmp_path / "l.json"), "--structure-labels", str(tmp_path / "s.json"),
            "--json", str(out), "--structure-failures", str(tmp_path / "fail.tsv")]  # fmt: skip
    assert quality.main(args) == 0
    assert json.loads(out.read_text("utf-8"))["structure"]["headings"] == [3, 3, 4]
    assert "meta place" in (tmp_path / "fail.tsv").read_text("utf-8")
