"""benchmarks/quality.py: the real-document scorer computes the figures it claims.

The scorer is run on a tiny folder written here, in sentences of our own. Most
tests swap ``reportclean.clean`` for a stand-in whose output is fixed, so that
every figure is known in advance and does not move when a rule changes; the
last test runs the real pipeline through the CLI and checks only the plumbing.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reportclean import Change, QualityWarning, Removal

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("quality_script", ROOT / "benchmarks" / "quality.py")
assert _spec is not None and _spec.loader is not None
quality = importlib.util.module_from_spec(_spec)
sys.modules["quality_script"] = quality
_spec.loader.exec_module(quality)

DOC_A = (
    "当前位置：首页 > 通知公告\n东湖镇2023年工作总结\n今年以来，东湖镇新建道路十二公里,\n全年组织培训 次，参训XX人。\n"
)
TEXT_A = "东湖镇2023年工作总结\n今年以来，东湖镇新建道路12公里，\n全年组织培训 次，参训XX人。\n"
DOC_B = "西山街道工作计划\n一、总体目标\n完成两个确保。\n"
TEXT_B = "一、总体目标完成两个确保。\n"
TEXT_B2 = "一、总体目标完成两个确保\n"  # what a second pass makes of TEXT_B: not idempotent

LABELS = {
    "docs": {
        "a_gov.txt": {
            "chrome": ["当前位置：首页 > 通知公告"],
            "content_near_chrome": ["东湖镇2023年工作总结"],
            "survive": ["新建道路十二公里"],
            "lines": [["东湖镇2023年工作总结", "今年以来"]],
            "placeholders": ["参训[XX]人"],
            "gaps": ["组织培训[ ]次"],
            "codes": ["placeholder"],
            "script": "simplified",
        },
        "b_plan.txt": {
            "content_near_chrome": ["西山街道工作计划"],
            "survive": ["两个确保"],
            "lines": [["一、总体目标", "完成两个确保"]],
            "not_glued": ["目标完成"],
            "no_chars": "兩",
            "codes": ["missing-number"],
        },
    }
}


@dataclass
class FakeResult:
    """Duck-types the parts of CleanResult that the scorer reads."""

    original: str
    text: str
    warnings: list[QualityWarning] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    shift: int = 0  # to_original adds this: a stand-in for the alignment

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return (start + self.shift, end + self.shift)


def _span(text: str, needle: str, width: int | None = None) -> tuple[int, int]:
    start = text.index(needle)
    return (start, start + (len(needle) if width is None else width))


def _warn(code: str, clean: tuple[int, int], original: tuple[int, int]) -> QualityWarning:
    return QualityWarning(code, "warning", code, clean, original, "test")


def fake_clean(data: bytes | str) -> FakeResult:
    src = data.decode("utf-8") if isinstance(data, bytes) else data
    if src == DOC_A:
        shift = len("当前位置：首页 > 通知公告\n")
        crumbs = (0, shift)
        num = _span(DOC_A, "十二")
        comma = _span(DOC_A, ",")
        blank = _span(DOC_A, "培训 次", 3)
        blank = (blank[0] + 2, blank[0] + 3)
        xx = _span(DOC_A, "XX")
        return FakeResult(
            DOC_A,
            TEXT_A,
            warnings=[
                _warn("placeholder", (xx[0] - shift + 1, xx[1] - shift + 1), xx),
                _warn("missing-number", (blank[0] - shift + 1, blank[1] - shift + 1), blank),
            ],
            removed=[Removal(DOC_A[: crumbs[1]], crumbs, "breadcrumb", "site navigation", "boilerplate")],
            changes=[
                Change("十二", "12", num, (num[0] - shift, num[0] - shift + 2), "cn-numeral", "numerals"),
                Change(",", "，", comma, (comma[0] - shift, comma[0] - shift + 1), "fullwidth-punctuation", "width"),
            ],
            shift=shift - 1,  # the placeholder and gap spans above agree with this
        )
    if src == DOC_B:
        title = _span(DOC_B, "西山街道工作计划\n")
        brk = _span(DOC_B, "\n完成", 1)
        two = _span(DOC_B, "两个")
        return FakeResult(
            DOC_B,
            TEXT_B,
            warnings=[_warn("placeholder", _span(TEXT_B, "两个"), two)],  # to_original disagrees
            removed=[Removal(DOC_B[: title[1]], title, "footer-line", "looks like a footer", "boilerplate")],
            changes=[Change("\n", "", brk, (6, 6), "line-join", "layout")],
            shift=3,
        )
    if src == TEXT_B:
        return FakeResult(TEXT_B, TEXT_B2)
    return FakeResult(src, src)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_gov.txt").write_text(DOC_A, encoding="utf-8")
    (docs / "b_plan.txt").write_text(DOC_B, encoding="utf-8")
    (tmp_path / "labels.json").write_text(json.dumps(LABELS, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "judgements.tsv").write_text(
        "doc\trule\toriginal\treplacement\tverdict\tnote\n"
        "a_gov.txt\tcn-numeral\t十二\t12\twrong\ta count, not a unit\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(quality.reportclean, "clean", fake_clean)
    return tmp_path


def test_figures_on_a_labelled_folder(folder: Path) -> None:
    summary = quality.run(folder / "docs", [folder / "labels.json"], folder / "judgements.tsv")
    checks = summary.checks()
    assert checks["chrome"] == (1, 1)
    assert checks["content"] == (2, 4)  # 十二 became 12; the title of b was removed
    assert checks["lines"] == (1, 2)  # b's heading was joined to its body
    assert checks["not_glued"] == (0, 1)
    assert checks["no_chars"] == (1, 1)
    assert checks["codes"] == (1, 2)  # missing-number is not raised on b
    assert checks["idempotent"] == (1, 2)
    assert checks["records agree"] == (1, 2)  # b's warning disagrees with to_original
    assert summary.detector("ph") == {"labelled": 1, "found": 1, "warnings": 2, "right": 1}
    assert summary.detector("gap") == {"labelled": 1, "found": 1, "warnings": 1, "right": 1}
    rules = summary.per_rule()
    assert rules["breadcrumb"] == {"removal unjudged": 1}
    assert rules["footer-line"] == {"removal wrong": 1}  # it removed labelled content
    assert rules["cn-numeral"] == {"change wrong": 1}  # from the judgements file
    assert rules["line-join"] == {"change unjudged": 1}  # a join is never trivial
    assert rules["fullwidth-punctuation"] == {"trivial": 1}
    assert quality.wrong_rewrites(summary) == (1, 1)
    b = next(d for d in summary.docs if d.name == "b_plan.txt")
    assert "not_glued: '目标完成'" in b.failures
    assert any(f.startswith("placeholder unlabelled:") for f in b.failures)


def test_cli_writes_todo_markdown_and_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    todo, md, js = folder / "todo.tsv", folder / "quality.md", folder / "q.json"
    argv = [
        str(folder / "docs"),
        "--labels",
        str(folder / "labels.json"),
        "--judgements",
        str(folder / "judgements.tsv"),
    ]
    assert quality.main([*argv, "--to-judge", str(todo), "--markdown", str(md), "--json", str(js)]) == 0
    rows = todo.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:7] == ["doc", "rule", "original", "replacement", "verdict", "note", "at"]
    assert len(rows) == 3  # the breadcrumb removal and the join, not the judged or trivial ones
    join = next(r.split("\t") for r in rows if "\tline-join\t" in r)
    assert join[2] == "\\n" and join[6] == str(DOC_B.index("\n完成"))
    # a filled-in todo file is a judgements file: the join now counts as wrong
    filled = [rows[0]]
    for row in rows[1:]:
        cols = row.split("\t")
        cols[4:6] = ["wrong", "joined a heading"]
        filled.append("\t".join(cols))
    (folder / "more.tsv").write_text("\n".join(filled) + "\n", encoding="utf-8")
    again = quality.run(folder / "docs", [folder / "labels.json"], folder / "more.tsv")
    assert again.per_rule()["line-join"] == {"change wrong": 1}
    assert again.per_rule()["breadcrumb"] == {"removal wrong": 1}
    assert "| chrome | 1/1 (100.0%) |" in md.read_text(encoding="utf-8")
    assert json.loads(js.read_text(encoding="utf-8"))["placeholder"]["right"] == 1
    assert "content          2/4 (50.0%)" in capsys.readouterr().out


def test_bracketed_labels_and_overlap() -> None:
    text = "20XX年计划，20XX年总结，征地余亩"
    spans, missing = quality.locate_bracketed(text, ["20[XX]年", "20[XX]年", "征地[]余亩", "没有[X]"])
    assert spans == [(2, 4), (10, 12), (18, 18)]
    assert missing == ["没有[X]"]
    assert quality.overlaps((18, 18), (19, 20), tol=2) and not quality.overlaps((18, 18), (21, 22), tol=2)
    assert quality.overlaps((18, 18), (17, 17), tol=2)  # a zero-width warning at the gap
    assert not quality.overlaps((2, 4), (4, 6))


def test_trivial_changes() -> None:
    assert quality.is_trivial(",", "，")
    assert quality.is_trivial("  ", "", "\n", "今")  # indentation
    assert not quality.is_trivial(" ", "", "2", "场")  # a space inside a line is judged
    assert not quality.is_trivial("\n", "", "标", "完")  # a join
    assert not quality.is_trivial("三", "3")
    assert not quality.is_trivial("·", ".", "3", "5")  # 3·5 (a date) is not 3.5
    assert quality.is_trivial("·", "：", "项", "二")


def test_norm_map_points_back_into_the_input() -> None:
    text = "会议 32\n场，ＡＢ"
    assert quality.find_all_norm(text, "32场") == [(3, 7)]
    assert quality.find_all_norm(text, "AB") == [(8, 10)]


def test_real_pipeline_through_the_cli(tmp_path: Path) -> None:
    """Plumbing only: every label is counted once, whatever the rules do today."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_gov.txt").write_text(DOC_A, encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps(LABELS, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "q.json"
    assert quality.main([str(docs), "--labels", str(labels), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["checks"]["chrome"][1] == 1 and data["checks"]["content"][1] == 2
    assert data["checks"]["no crash"] == [1, 1]
    assert data["placeholder"]["labelled"] + data["missing-number"]["labelled"] == 2


def test_loose_whitespace_in_a_blank_label() -> None:
    spans, missing = quality.locate_bracketed("直接调解\n件，结案  件", ["直接调解[ ]件", "结案[ ]件"])
    assert spans == [(4, 5), (9, 11)] and missing == []


def test_a_removed_placeholder_is_missed_but_one_removed_with_its_chrome_line_is_not_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = "下载 x镇报告.doc\n总结20**年工作。\n"
    line = (0, doc.index("\n") + 1)
    stars = _span(doc, "**")

    def clean(data: bytes | str) -> FakeResult:
        src = data.decode("utf-8") if isinstance(data, bytes) else data
        if src != doc:
            return FakeResult(src, src)
        return FakeResult(
            doc,
            "总结20年工作。\n",
            removed=[
                Removal(doc[: line[1]], line, "watermark-line", "doc-share furniture", "boilerplate"),
                Removal("**", stars, "markdown-bold", "bold markers", "markup"),
            ],
        )

    monkeypatch.setattr(quality.reportclean, "clean", clean)
    labels = quality.Labels(placeholders=["下载 [x]镇", "20[**]年"])
    score = quality.score_doc("t.txt", doc.encode("utf-8"), labels, {})
    assert score.ph == [1, 0, 0, 0]  # the ** counts as missed; the x went with its line
    assert any("not counted" in f for f in score.failures)


def test_meta_scoring_takes_an_empty_prediction_as_none() -> None:
    qs = quality._structure_module()
    from reportclean import clean

    result = clean("东湖镇2023年工作总结\n一、主要工作\n今年完成道路12公里。\n")
    label = {"meta": {"title": "东湖镇2023年工作总结", "date": None, "plan_years": []}}
    score = qs.StructureScore()
    qs.score_result("a.txt", result, label, score)
    assert score.meta["title"]["right"] == 1
    assert score.meta["plan_years"] == {"right": 0, "wrong": 0, "missed": 0, "none": 1}

    class EmptyYears:  # a result whose meta writes no years as [] rather than None
        outline, sections = result.outline, result.sections

        class meta:
            @staticmethod
            def to_dict() -> dict[str, object]:
                return {**result.meta.to_dict(), "plan_years": []}

    qs.score_result("b.txt", EmptyYears(), label, score)
    assert score.meta["plan_years"]["wrong"] == 0
    assert score.meta["plan_years"]["none"] == 2
