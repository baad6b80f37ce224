"""The report's structure (issue 17): outline, sections, kinds and meta.

Cases are written in our own sentences; the seeds' outlines are golden files
(fixtures/in-the-wild/expected/*.outline.txt, read by eye).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import reportclean
from reportclean import clean
from reportclean._structure import compile_rules, read_structure
from reportclean.testing import dirty_reports, report_outlines

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "in-the-wild"


def _outline(text: str) -> list[tuple[int, str, str]]:
    return [(h.level, h.label, h.title) for h in clean(text).outline]


def _tops(r: reportclean.CleanResult) -> list[tuple[str, str]]:
    return [(r.outline[s.heading].label, s.kind) for s in r.sections if s.parent is None]


# -- the seeds: review and plan split at the right heading ----------------------------------


def test_seed_000_splits_at_the_plan_heading() -> None:
    r = clean((SEEDS / "000_40dfc743f0ba2637.txt").read_bytes())
    assert _tops(r) == [(x, "review") for x in "一二三四五六"] + [("七", "plan")]
    assert r.meta.review_years == (2020,) and r.meta.plan_years == (2021,)
    assert [h.label for h in r.outline if h.level == 3] == ["1.", "2.", "3.", "4."]


def test_seed_003_splits_where_the_words_turn_to_what_will_be_done() -> None:
    # 二、顶层设计、全盘考虑，立足“六稳”“六保”闯难关 names no year and no plan word: its
    # opening (街道将按照…) makes it the plan; the sections after it follow
    r = clean((SEEDS / "003_16b1481ae9881a07.txt").read_bytes())
    assert _tops(r) == [("一", "review"), ("二", "plan"), ("三", "plan"), ("四", "plan")]
    assert r.meta.title == "X街道2020年工作总结和2021年工作计划"
    assert r.meta.place is None  # a placeholder is not a place


def test_seed_001_problems_are_other_and_the_date_is_the_subtitle() -> None:
    r = clean((SEEDS / "001_6b0ee8e09be46ff7.txt").read_bytes())
    assert _tops(r) == [("一", "review"), ("二", "other"), ("三", "plan")]
    assert r.meta.date == "2020-10-15"
    s, e = r.meta.original_span("date") or (0, 0)
    assert r.original[s:e].replace(" ", "") == "2020年10月15日"


# -- headings -------------------------------------------------------------------------------


def test_the_ladder_and_titles() -> None:
    text = (
        "东湖镇2023年工作总结\n一、主要工作\n（一）党建引领。全年开展学习12次。\n1. 强化学习：每月一次。\n"
        "（1）集中学习\n①专题党课\n(二)经济发展\n二、存在的问题\n人手不足。"
    )
    assert _outline(text) == [
        (1, "一", "主要工作"),
        (2, "（一）", "党建引领"),
        (3, "1.", "强化学习"),
        (4, "（1）", "集中学习"),
        (5, "①", "专题党课"),
        (2, "（二）", "经济发展"),
        (1, "二", "存在的问题"),
    ]


def test_decimal_numbering() -> None:
    text = (
        "统计分析报告\n1. 基本情况\n1.1 人口\n全镇常住人口3万人。\n"
        "1.2 经济\n全镇生产总值5亿元。\n2. 结论\n总体平稳。"
    )
    assert _outline(text) == [(1, "1.", "基本情况"), (2, "1.1", "人口"), (2, "1.2", "经济"), (1, "2.", "结论")]


@pytest.mark.parametrize(
    "text",
    [
        "1.5万元用于修路，2019年完成。\n一是加强学习。\n二是强化监督。",  # amounts, run-in enumerations
        "目录\n1. 东湖镇工作总结 3\n2. 西山镇工作计划 12",  # a table of contents
        "序号  项目  金额\n1.  道路  300万元\n2.  桥梁  500万元",  # table rows
        "第一条 为规范管理，制定本办法。\n第二条 本办法适用于全镇。",  # articles of rules
    ],
)
def test_not_headings(text: str) -> None:
    assert clean(text).outline == ()


@pytest.mark.parametrize(
    "text",
    [
        # a list of sentences (each of several clauses, nothing under it) closes a section
        "一、主要工作\n全年完成投资3亿元，增长5%。\n我们建议：\n1.加大宣传力度，提高群众知晓率。\n"
        "2.加强道路建设，缓解出行难题。\n3.完善医疗设施。",
        # a notice's numbered requirements, a list of references, a list of dated entries
        "请各村做好以下工作：\n1、请于5月10日前报送材料，逾期不予受理。\n2、各村指定专人负责，确保按时完成。",
        "相关文件\n1. 关于印发东湖镇2023年工作要点的通知\n2. 关于做好防汛工作的通知\n3.《东湖镇安全生产管理办法》",
        "最新公告\n1. 东湖镇招聘公告 2023-05-06\n2. 东湖镇征兵通知 2023-04-28",
        # figures and isolated numbers at a line start
        "完成投资\n1.5 亿元，增长5%。\n占全年任务数的\n77.8 %\n；收入增长。",
        "2. 我们在全年的工作中，克服困难，完成了任务。",
        # the fields of a notice, comments, rows of a table, a date at a line start
        "报名须知\n1、报名时间：5月1日至5月10日\n2、报名地点：镇政府三楼\n3、联系电话：1234567",
        "网友评论\n1. 张三：写得很好\n2. 李四：支持",
        "各镇完成情况\n1. 东湖镇 3000 2500\n2. 西山镇 2800 2100",
        "工作动态\n1.15 上午，镇长带队检查安全生产。",
        # a list of articles, an enumeration of items ending in semicolons
        "相关文章\n1. 2023年乡镇工作总结范文\n2. 东湖镇2022年工作计划\n3. 西山街道2021年工作总结",
        "主要措施\n（1）加强领导；\n（2）完善制度；\n（3）强化考核。",
        # a list of headlines, numerals enumerated at a line start
        "新闻动态\n1. 东湖镇召开工作会议\n2. 西山镇开展安全检查\n3. 南湖街道举办文艺演出",
        "一、二、三产业协调发展，全年增长5%。",
        # numbered paragraphs (a Hong Kong report's): their first words are sentences
        "政府承诺\n2.    在过去一年，我们落实了120项承诺。以下概述进展。\n3.    政府如期完成了100项承诺。\n"
        "4.    我们还有20个项目的进度较慢。原因见附表。",
        "地区工作\n19. 区议会的功能将会扩大。它们要多听市民意见。\n20. 乡议局是新界的法定组织。它们造福乡里。",
        # a bilingual table of contents: dot leaders, page numbers, a translation
        "目录\n壹、土地 1.Land\n1.县境界…………1 Table 1.Boundary\n2.已登录土地…………3 Table 2.Land",
    ],
)
def test_numbered_lines_that_are_no_outline(text: str) -> None:
    assert [h for h in _outline(text) if h[0] >= 2 or h[1] != "一"] == []


def test_an_outline_keeps_its_run_in_and_bare_headings() -> None:
    # siblings with a body each, run-in titles before a colon, a lone first heading
    text = (
        "一、经济发展方面：\n1.农业产业化推进：推动了农产品生产的规模化，提高了农民收入。\n"
        "2.乡村旅游发展：吸引了大量游客，带动了增收。\n二、存在的问题\n人手不足，经费紧张。"
    )
    assert _outline(text) == [
        (1, "一", "经济发展方面"), (3, "1.", "农业产业化推进"), (3, "2.", "乡村旅游发展"), (1, "二", "存在的问题"),
    ]
    # a bulletin cut short: one "1. 综合" line alone over its paragraph is a heading
    assert _outline("某县2019年统计公报\n  1. 综合\n全年生产总值245亿元，增长7%。") == [(3, "1.", "综合")]
    # the sibling of a heading a converter ran into a line still vouches for it
    text = "某区上半年工作总结暨下半年工作安排一、上半年工作总结在上半年，经济平稳。\n二、下半年工作安排\n将继续努力。"
    assert (1, "二", "下半年工作安排") in _outline(text)


def test_doc_share_page_numbers_are_not_an_outline() -> None:
    # a doc-sharing page numbers the pages of its preview 1、2、3、, each a long run of text
    page = "我们完成了道路硬化工程，新建文化广场一处，" * 12
    text = f"某镇2022年工作报告.docx\n1、某镇2022年工作报告各位代表：{page}\n2、推进民生实事。{page}"
    assert clean(text).outline == ()


def test_headings_a_converter_cut_or_ran_together() -> None:
    # a heading of clauses over a marker cut off its line ("1"), then its paragraph
    text = "一、一年来，我们致力于农业主导，发展基础进一步夯实\n1\n农业经济稳中有升。全年发放补贴956万元。"
    assert (1, "一", "一年来，我们致力于农业主导，发展基础进一步夯实") in _outline(text)
    # an overview (概述) runs on into its body; it is the review of the work done
    run_on = "社区建设工作主要包括文化活动社区卫生环境卫生等方面在过去一年里我们注重加强社区管理" * 3
    r = clean(f"社区建设科年度工作回顾\n一、社区建设工作概述{run_on}\n二、存在问题\n人手不足。")
    assert [(h.label, h.title, s.kind) for h, s in zip(r.outline, r.sections, strict=True)] == [
        ("一", "社区建设工作概述", "review"), ("二", "存在问题", "other"),
    ]
    # after a colon or a semicolon of a flattened line: a （一） that ends a sentence of its own
    # opens a part; one of an enumeration (its title stops at ；) does not
    page = "乡里组织群众开展广场舞表演和歌唱比赛等多种文化活动，群众在祥和的气氛中欢度新春佳节。" * 3
    text = (
        f"春节文化工作总结{page}具体做法：（一）做好了环境布置工作。{page}（二）开展了文化活动。"
        f"一是走访困难户；二是走访困难党员；（三）开展了志愿服务活动。{page}"
    )
    assert [h[1:] for h in _outline(text)] == [
        ("（一）", "做好了环境布置工作"), ("（二）", "开展了文化活动"), ("（三）", "开展了志愿服务活动"),
    ]
    text = f"{page}主要做法：（一）加强领导；（二）完善制度；（三）强化考核。{page}"
    assert _outline(text) == []


def test_short_heading_phrases_with_a_le_are_an_outline() -> None:
    # unlike a report's numbered paragraphs, short phrases that end a sentence each
    text = "1.党建工作取得了新成效。全年发展党员5名。\n2.经济发展实现了新突破。全年投资3亿元。\n"
    text += "3.民生事业得到了新改善。"
    assert [h[1] for h in _outline(text)] == ["1.", "2.", "3."]


def test_top_headings_marked_with_a_comma_or_a_colon() -> None:
    # 一，二，三， (a writer's comma for 、), and a 四： after 三、: read with their siblings;
    # a page that says a review follows (具体总结如下) reviews in its open sections
    text = (
        "2014年，社区开展了多项活动，具体总结如下：\n一，新增社区文化组织\n成立扇子舞队，队员12名。\n"
        "二，经常性文化活动\n每周开展两次活动。\n三，大型文体活动\n举办文艺晚会一场。"
    )
    r = clean(text)
    assert [(h.label, h.title, s.kind) for h, s in zip(r.outline, r.sections, strict=True)] == [
        ("一", "新增社区文化组织", "review"), ("二", "经常性文化活动", "review"), ("三", "大型文体活动", "review"),
    ]
    text = "一、宣传教育\n发放资料。\n二、应急演练\n演练两次。\n三、专项检查\n检查企业。\n四：认真对待工作\n召开会议。"
    assert [h[1] for h in _outline(text)] == ["一", "二", "三", "四"]
    # alone, with no sibling marker at a line start, such a line is no heading
    assert _outline("说明如下。\n一，我们要加强学习\n提高认识。") == []


def test_doc_share_pages_that_run_on_across_their_numbers() -> None:
    # no file name over them, but the first page opens the text and the second goes on with
    # the sentence the first page broke off
    page = "我们完成了道路硬化工程，新建文化广场一处，" * 12
    text = f"1、东湖镇政府工作报告 各位代表：{page}全镇实现生产总值8亿元，按现行汇率计\n2、算折合1亿美元；{page}"
    assert clean(text).outline == ()
    # a report whose 1、 comes after its first heading keeps its items
    text = f"一、基本情况\n1、社区分布有代表性。{page}占95%\n2、居民分布有代表性。{page}"
    assert [h[1] for h in _outline(text)] == ["一", "1.", "2."]


def test_unnumbered_headings_need_strong_evidence() -> None:
    text = "东湖镇2023年工作总结\n主要工作\n全年完成投资3亿元，增长5%。\n存在的问题\n人手不足，经费紧张。"
    assert _outline(text) == [(1, "", "主要工作"), (1, "", "存在的问题")]
    # a document's title over its body (a notice's attachment, a 范文 page's title again)
    text = "（此件公开发布）\n东湖镇第十一届村民委员会换届选举工作方案\n根据有关规定，制定本方案。\n"
    text += "一、前期准备\n成立机构。"
    assert [h[1:] for h in _outline(text)] == [("一", "前期准备")]
    text = "社区创建文明社区工作总结\n下面是小编整理的总结。\n社区创建文明社区工作总结\n社区位于镇中心，人口1万。"
    assert _outline(text) == []
    # the title, a menu of short lines, a line with punctuation: not headings
    assert _outline("工作总结\n主要工作\n工作计划\n联系我们") == []
    assert _outline("东湖镇2023年工作总结\n我们的主要工作，\n全年完成投资3亿元。") == []


def test_a_join_never_crosses_a_heading() -> None:
    # the line before the heading ends with a pause mark: the layout step joins such a cut,
    # but never into a heading; the checks step flags the section as cut
    text = "一、主要工作\n全镇完成道路硬化工程，新建文化广场一处，推动各项工作，\n二、下一步打算\n继续推进项目建设。"
    r = clean(text)
    assert [h.title for h in r.outline] == ["主要工作", "下一步打算"]
    assert "\n二、下一步打算\n" in r.text
    [w] = [w for w in r.warnings if w.code == "truncated"]
    assert "二、下一步打算" in w.message and r.text[w.span[0] : w.span[1]].endswith("推动各项工作，")


def test_a_section_that_ends_a_sentence_is_not_flagged() -> None:
    r = clean("一、主要工作\n全镇完成道路硬化工程，新建文化广场一处。\n二、下一步打算\n继续推进项目建设。")
    assert not [w for w in r.warnings if w.code == "truncated"]


def test_duplicate_paragraph_names_the_sections() -> None:
    para = "全镇完成道路硬化工程十二公里，新建文化广场一处，群众满意度明显提升。"
    r = clean(f"一、主要工作\n{para}\n二、下一步打算\n{para}")
    [w] = [w for w in r.warnings if w.code == "duplicate-paragraph"]
    assert "一、主要工作" in w.message and "二、下一步打算" in w.message


# -- sections and kinds ---------------------------------------------------------------------


def test_sections_nest_and_quantities_know_their_section() -> None:
    text = (
        "东湖镇2023年工作总结\n一、主要工作\n（一）经济\n完成投资3亿元。\n"
        "（二）民生\n新建学校2所。\n二、2024年工作计划\n力争投资4亿元。"
    )
    r = clean(text)
    assert [(s.level, s.parent, s.kind) for s in r.sections] == [
        (1, None, "review"), (2, 0, "review"), (2, 0, "review"), (1, None, "plan"),
    ]  # fmt: skip
    for s in r.sections:
        if s.parent is not None:
            ps, pe = r.sections[s.parent].span
            assert ps <= s.span[0] and s.span[1] <= pe
    assert [(q.text, q.section) for q in r.quantities] == [("3亿元", 1), ("2所", 2), ("4亿元", 3)]
    assert r.meta.review_years == (2023,) and r.meta.plan_years == (2024,)


def test_kinds_from_years_and_order() -> None:
    text = (
        "西山街道2022年工作总结和2023年工作计划\n一、2022年重点工作\n完成投资。\n"
        "二、2023年\n继续推进。\n三、加强自身建设\n提升能力。"
    )
    r = clean(text)
    # 重点工作 alone would be a plan word, but 2022 is the title's review year: the year wins;
    # 2023 is the plan year; a section the words leave open after the plan is plan too
    assert [s.kind for s in r.sections] == ["review", "plan", "plan"]


def test_a_bulletin_reviews_its_year() -> None:
    # a statistical bulletin reports the figures its year achieved: its sections are review
    text = (
        "2022年东湖县国民经济和社会发展统计公报\n东湖县统计局\n一、综合\n"
        "全年生产总值10亿元。\n二、农业\n粮食产量3万吨。"
    )
    r = clean(text)
    assert [s.kind for s in r.sections] == ["review", "review"]
    assert r.meta.issuer == "东湖县统计局" and r.meta.place == "东湖县" and r.meta.review_years == (2022,)
    # untitled, its first section's opening reports figures (比上年增长, 同比)
    text = (
        "全区经济稳中向好。\n一、综合\n全年生产总值10亿元，比上年增长5%，同比提高1个百分点。\n"
        "二、农业\n粮食产量3万吨。"
    )
    assert [s.kind for s in clean(text).sections] == ["review", "review"]
    # untitled, with nothing that says what was done: other
    r = clean("说明如下。\n一、综合\n生产总值。\n二、农业\n粮食产量。")
    assert [s.kind for s in r.sections] == ["other", "other"]


# -- meta -----------------------------------------------------------------------------------


def test_a_publication_date_removed_as_chrome_still_dates_the_document() -> None:
    text = (
        "首页 > 政务公开 > 工作总结\n东湖镇2023年工作总结\n发布日期：2024-01-05 来源：东湖镇人民政府 浏览次数：123\n"
        "一、主要工作\n今年以来，全镇完成固定资产投资3亿元。\n"
    )
    r = clean(text)
    assert "发布日期" not in r.text and r.meta.date == "2024-01-05"
    s, e = r.meta.original_span("date") or (0, 0)
    assert text[s:e] == "2024-01-05"


def test_speaker_line_and_meeting_date() -> None:
    text = (
        "2024年2月26日在东湖镇第三届人民代表大会第四次会议上\n东湖镇人民政府镇长 王东\n各位代表：\n"
        "现在，我代表镇人民政府报告工作。\n一、2023年工作回顾\n完成投资3亿元。"
    )
    r = clean(text)
    assert r.meta.date == "2024-02-26"
    assert r.meta.issuer == "东湖镇人民政府镇长 王东"
    assert r.meta.review_years == (2023,)


def test_meta_is_none_when_not_stated() -> None:
    m = clean("全年完成投资3亿元，同比增长5%。").meta
    assert (m.title, m.date, m.issuer, m.place, m.review_years, m.plan_years) == (None,) * 6


def test_a_decorated_page_title_is_not_the_reports_title() -> None:
    r = clean("东湖镇2023年工作总结范文（三篇）\n篇一\n今年以来，全镇完成投资3亿元。")
    assert r.meta.title is None
    r = clean("东湖镇2023年工作总结范文\n东湖镇2023年工作总结\n今年以来，全镇完成投资3亿元。")
    assert r.meta.title == "东湖镇2023年工作总结"


# -- the result carries it ------------------------------------------------------------------


def test_to_dict_and_pickle_carry_the_structure() -> None:
    r = clean("东湖镇2023年工作总结\n一、主要工作\n完成投资3亿元。")
    d = r.to_dict()
    assert d["outline"][0]["title"] == "主要工作" and d["sections"][0]["kind"] == "review"
    assert d["meta"]["place"] == "东湖镇" and d["quantities"][0]["section"] == 0
    again = pickle.loads(pickle.dumps(r))
    assert again.outline == r.outline and again.sections == r.sections and again.meta == r.meta
    assert again.quantities[0].section == 0


def test_read_structure_on_its_own() -> None:
    s = read_structure("一、回顾\n完成5个。", compile_rules())
    assert s.outline[0].span == (0, 4) and s.outline[0].original_span == (0, 4)


# -- hypothesis: the generator knows the outline it writes ---------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_outlines())
def test_parsed_outline_matches_the_generated_one(case: tuple[str, tuple[tuple[int, str, str], ...]]) -> None:
    text, outline = case
    r = clean(text)
    assert tuple((h.level, h.label, h.title) for h in r.outline) == outline
    for h in r.outline:  # a heading starts a line of the clean text: no join crossed it
        assert h.span[0] == 0 or r.text[h.span[0] - 1] == "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dirty_reports(max_kinds=2))
def test_parsed_outline_of_dirty_reports_matches(case: reportclean.testing.DirtyCase) -> None:
    r = clean(case.data)
    assert tuple((h.level, h.label, h.title) for h in r.outline) == case.outline
    for q in r.quantities:
        if q.section is not None:
            s, e = r.sections[q.section].span
            assert s <= q.span[0] < e


# -- the command line -------------------------------------------------------------------------


def test_outline_command_prints_the_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reportclean._cli import main

    f = tmp_path / "r.txt"
    f.write_text("东湖镇2023年工作总结\n一、主要工作\n（一）党建\n开展学习3次。\n二、下一步打算\n继续推进。\n", "utf-8")
    assert main(["outline", "--isolated", str(f)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "title: 东湖镇2023年工作总结", "place: 东湖镇", "review_years: 2023",
        "一、主要工作  [review]", "  （一）党建  [review]", "二、下一步打算  [plan]",
    ]  # fmt: skip
    assert main(["outline", "--isolated", "--json", str(f)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [h["title"] for h in record["outline"]] == ["主要工作", "党建", "下一步打算"]
    assert main(["outline", "--isolated", str(tmp_path / "missing.txt")]) == 2


def test_report_includes_the_structure(tmp_path: Path) -> None:
    from reportclean._cli import main

    f = tmp_path / "r.txt"
    f.write_text("东湖镇2023年工作总结\n一、主要工作\n完成投资3亿元。\n", "utf-8")
    report = tmp_path / "report.jsonl"
    args = ["clean", "--isolated", str(f), "-o", str(tmp_path / "out"), "--report", str(report)]
    assert main([*args, "--report-include", "structure", "--progress", "never"]) == 0
    [line] = [json.loads(x) for x in report.read_text("utf-8").splitlines() if '"structure"' in x]
    assert line["meta"]["title"] == "东湖镇2023年工作总结" and line["sections"][0]["kind"] == "review"


# -- classes of failure found on the real pages, in our own sentences ------------------------------


def test_headings_a_converter_flattened_into_one_line() -> None:
    body = "全镇上下团结一心，克服困难，各项工作稳步推进，群众满意度不断提升。" * 3
    text = f"东湖镇2020年工作总结 {body}一、2020年工作总结（一）疫情防控常态开展。{body}二、2021年工作计划{body}"
    # the title stops at the first 。！？；： (or the next marker): a flattened heading takes the
    # body up to there, as a reader's label does
    assert _outline(text) == [
        (1, "一", "2020年工作总结"), (2, "（一）", "疫情防控常态开展"),
        (1, "二", "2021年工作计划" + body[: body.index("。")]),
    ]  # fmt: skip


def test_an_enumeration_after_a_colon_is_not_a_heading() -> None:
    text = (
        "今年的主要做法有三条，效果明显，群众认可度高，各村反映良好，我们将继续坚持："
        "（一）加强领导；（二）压实责任；（三）强化督查。"
    ) * 2
    assert clean(text).outline == ()


def test_a_document_that_is_no_report_gets_no_outline_and_no_meta() -> None:
    rules = "东湖县人民政府工作规则\n第一章 总则\n一、为规范政府工作，制定本规则。\n二、本规则适用于县政府。"
    r = clean(rules)
    assert r.outline == () and r.sections == () and r.meta.title is None
    untitled = "壹、总则\n一、各机关应当依照本要点执行预算。\n二、本要点自发布之日起施行。"
    assert clean(untitled).outline == ()


def test_a_letter_spaced_heading_is_not_a_table_row() -> None:
    text = "一、综  合\n全县生产总值10亿元。\n二、农  业\n粮食产量3万吨。"
    assert _outline(text) == [(1, "一", "综  合"), (1, "二", "农  业")]


def test_an_unnumbered_heading_over_numbered_items_is_level_one() -> None:
    text = "日期：2023年1月5日\n未来展望与工作重点\n1. 强化议事功能。\n2. 加强为民服务。\n结语\n我们将继续努力。"
    assert _outline(text) == [
        (1, "", "未来展望与工作重点"), (3, "1.", "强化议事功能"), (3, "2.", "加强为民服务"), (1, "", "结语"),
    ]  # fmt: skip


def test_a_repeated_page_title_line_is_not_a_heading() -> None:
    text = "社区重点项目计划\n社区重点项目计划\n为发挥地区的积极性，政府推出社区重点项目计划，各区自行选定项目。"
    assert clean(text).outline == ()


def test_a_plan_documents_open_sections_are_plan() -> None:
    r = clean("东湖镇2021年工作要点\n一、党建引领\n全年开展学习。\n二、经济发展\n推进项目建设。")
    assert [s.kind for s in r.sections] == ["plan", "plan"] and r.meta.plan_years == (2021,)
    # the title run into the body by a converter still says what the document is (not the meta's title)
    body = "今年是实施规划的关键一年，全街道将围绕中心工作，狠抓落实，确保各项任务圆满完成，推动高质量发展。" * 3
    r = clean(f"2023年东湖街道工作规划{body}\n（一）坚持党建统领\n深化分析研判。\n（二）坚持项目带动\n加快建设。")
    assert [s.kind for s in r.sections] == ["plan", "plan"] and r.meta.title is None


def test_a_page_time_line_or_a_time_in_a_sentence_does_not_date_the_document() -> None:
    # a bare 时间: is when a site posted the page (a 范文 or doc-sharing site's upload), not
    # the document's own date: none (a 发布日期 field still dates it)
    r = clean("东湖镇2023年工作总结\n- 时间:2024-01-05 06:43:12\n一、主要工作\n全年完成投资3亿元。")
    assert r.meta.date is None
    r = clean("东湖镇2023年工作总结\n发布日期:2024-01-05\n一、主要工作\n全年完成投资3亿元。")
    assert r.meta.date == "2024-01-05"
    r = clean("东湖镇2023年工作总结\n一、主要工作\n截至时间：2023年11月30日，全镇完成投资3亿元。")
    assert r.meta.date is None


def test_a_pages_issuing_body_field_names_the_issuer() -> None:
    r = clean("东湖镇2023年工作总结\n发布机构 东湖镇人民政府 效力状况 有效\n一、主要工作\n全年完成投资3亿元。")
    assert r.meta.issuer == "东湖镇人民政府"
    s, e = r.meta.original_span("issuer") or (0, 0)
    assert r.original[s:e] == "东湖镇人民政府"
    # a newspaper is a source, not an issuer
    assert clean("东湖镇2023年工作总结\n信息来源：东湖日报\n一、主要工作\n全年完成投资3亿元。").meta.issuer is None


def test_titles_with_decoration_at_their_ends_or_run_into_the_body() -> None:
    # a file's name (….docx) is the title only where the document gives it again as its own
    r = clean("最新精选东湖镇2023年工作总结.docx\n今年以来，全镇完成投资3亿元。")
    assert r.meta.title is None
    r = clean("最新精选东湖镇2023年工作总结.docx\n东湖镇2023年工作总结\n今年以来，全镇完成投资3亿元。")
    assert r.meta.title == "东湖镇2023年工作总结"
    # a page of several pieces: its title is no single report's
    assert clean("镇长工作报告范文\n篇1\n今年以来，全镇完成投资3亿元。").meta.title is None
    body = "今年以来，全镇上下团结一心，克服困难，各项工作稳步推进。" * 4
    r = clean(f"东湖镇2020年工作总结暨2021年工作计划 {body}")
    assert r.meta.title == "东湖镇2020年工作总结暨2021年工作计划" and r.meta.plan_years == (2021,)


# -- meta: a value only where the page states it as the document's own -------------------


@pytest.mark.parametrize(
    "text",
    [
        "XX\n镇\n2023\n年政府工作报告\n各位代表：\n现在我代表镇人民政府报告工作。",  # a title cut over lines
        "政府工作报告\n各位代表：\n现在我代表镇人民政府报告工作。",  # a menu's bare document name
        "首页 > 政务公开 > 东湖镇2023年工作报告\n全年完成投资3亿元。",  # a path of the site
        "东湖镇2023年工作报告\n- 格式:docx\n- 大小:30 KB\n西山镇上半年工作总结全年完成投资3亿元。",  # a file's name
        "我们要认真学习政府工作报告\n全年完成投资3亿元。",  # a sentence
    ],
)
def test_no_title_where_no_line_is_the_documents_title(text: str) -> None:
    assert read_structure(text).meta.title is None


def test_a_title_under_its_document_number() -> None:
    text = "东政发〔2023〕5号《东湖镇2023年工作报告》\n东湖镇2023年工作报告\n全年完成投资3亿元。"
    assert read_structure(text).meta.title == "东湖镇2023年工作报告"


def test_place_is_the_innermost_unit_the_title_names() -> None:
    assert read_structure("某市东湖区2023年工作报告\n全年完成投资3亿元。").meta.place == "东湖区"
    assert read_structure("西山縣2021年國民經濟和社會發展統計公報\n全年生產總值增長。").meta.place == "西山縣"
    assert read_structure("关于东湖镇2023年工作总结\n全年完成投资3亿元。").meta.place is None
    assert read_structure("全县2023年工作总结\n全年完成投资3亿元。").meta.place is None


def test_no_issuer_or_date_from_words_that_only_look_like_them() -> None:
    # an office followed by what it did is no speaker; two publication dates are a list's
    s = read_structure("东湖镇2023年工作总结\n镇长讲话\n全年完成投资3亿元。")
    assert s.meta.issuer is None
    text = "东湖镇2023年工作总结\n全年完成投资3亿元。\n相关新闻\n发布日期：2023-01-05\n发布日期：2022-12-30"
    assert read_structure(text).meta.date is None


def test_kinds_of_a_report_with_no_title() -> None:
    # the opening says a review follows; a heading that runs on is read by its start
    text = (
        "尊敬的领导：\n我们开展了一系列工作，现将相关情况总结如下：\n一、经济发展方面\n完成投资3亿元。\n"
        "二、面临的挑战\n人手不足。"
    )
    assert _tops(clean(text)) == [("一", "review"), ("二", "other")]


def test_a_repost_date_and_a_dated_list_entry_are_not_the_documents() -> None:
    # a 范文 site's posting time years after the years the page names; a list entry's date
    text = "东湖镇年度工作回顾及2023年工作打算\n发布时间:2026-06-28\n一、2023年工作回顾\n全年完成投资3亿元。"
    assert read_structure(text).meta.date is None
    text = "东湖镇2023年工作总结\n发布时间:2024-01-10\n一、主要工作\n全年完成投资3亿元。"
    assert read_structure(text).meta.date == "2024-01-10"
    assert read_structure("2025.03.04 东湖镇社区建设的研究报告\n社区是社会的基本单元。").meta.title is None


def test_headings_of_two_phrases_over_a_body_are_kept() -> None:
    # a lone （二） whose （一） lost its marker, a （一） of clauses over its items
    text = (
        "东湖镇2022年工作总结\n一、2022年工作总结\n抗疫情，保障群众安全\n全年排查1万人次。\n"
        "（二）促增收，推进农业发展\n全年种植3万亩。"
    )
    assert (2, "（二）", "促增收，推进农业发展") in _outline(text)
    text = (
        "一、工作回顾\n（一）坚持生命至上，从严从紧，精准施策，疫情防控固若金汤\n"
        "1.严管严控，打赢攻坚战。全镇隔离100人。"
    )
    assert _outline(text)[1] == (2, "（一）", "坚持生命至上，从严从紧，精准施策，疫情防控固若金汤")
    # an enumeration inside a long sentence, after a colon, item by item with semicolons
    line = "公众可通过以下途径提出意见：一、通过本页面下方的链接直接反馈；二、通过传真反馈；三、通过信函。" * 3
    assert _outline(line) == []


def test_a_page_about_a_kind_of_report_is_not_a_review() -> None:
    text = "述职报告写作说明\n1.首部。包括标题和称谓。\n2.正文。由导言和主体组成。"
    assert {k for _, k in _tops(clean(text))} == {"other"}


def test_headings_a_converter_ran_together_with_spaces_or_without_marks() -> None:
    body = "全镇完成生产总值3亿元，增长5%，财政收入稳步增长，民生实事全部完成。" * 3
    text = f"资源描述 镇人民政府2023年工作报告 一、2023年奋力拼搏，成绩来之不易 {body}（一）经济持续壮大。{body}"
    assert [h[1:] for h in _outline(text)] == [("一", "2023年奋力拼搏，成绩来之不易"), ("（一）", "经济持续壮大")]
    run_on = "刚刚过去的一年面对经济下行压力加大疫情影响反复等诸多挑战镇政府坚持稳中求进" * 4
    assert _outline(f"各位代表：现在报告工作。一、2022年工作回顾{run_on}。") == [(1, "一", "2022年工作回顾")]


def test_a_table_of_contents_is_not_the_outline_it_lists() -> None:
    text = (
        "目录\n一、2022年工作总结\n二、2023年工作计划\n各位代表：\n"
        "一、2022年工作总结\n全年完成投资。\n二、2023年工作计划\n将继续努力。"
    )
    r = clean(text)
    assert [(h.label, h.title) for h in r.outline] == [("一", "2022年工作总结"), ("二", "2023年工作计划")]
    assert r.outline[0].span[0] > r.text.index("各位代表")


def test_a_page_title_cut_from_the_documents_own() -> None:
    # the page's title lost the subject the document's own title line gives
    text = "镇2023年上半年工作总结\n东湖镇2023年上半年工作总结\n今年以来，全镇完成投资3亿元。"
    assert read_structure(text).meta.title == "东湖镇2023年上半年工作总结"


def test_the_title_under_a_sites_path() -> None:
    text = "首页 > 政务公开 > 工作报告\n东湖镇2023年政府工作报告\n各位代表：\n全年完成投资3亿元。"
    assert read_structure(text).meta.title == "东湖镇2023年政府工作报告"


def test_a_category_tag_and_a_copyright_footer() -> None:
    s = read_structure("【工作总结】东湖镇2023年工作总结\n全年完成投资3亿元。\nCopyright © 东湖镇人民政府")
    assert (s.meta.title, s.meta.issuer) == ("东湖镇2023年工作总结", None)


def test_traditional_decoration_a_part_number_and_the_title_under_a_page_title() -> None:
    text = "2024年鄉鎮工作總結範文和2024年工作計畫\n鄉鎮xx年工作總結和xx年工作計畫\n一、xx年工作總結\n全年完成投資。"
    s = read_structure(text)
    assert (s.meta.title, s.meta.review_years, [h.title for h in s.outline]) == (None, None, ["xx年工作總結"])
    s = read_structure("社区2014年上半年工作总结(10)\n二、居务工作\n全年开展活动10次。")
    assert (s.meta.title, s.meta.place, [x.kind for x in s.sections]) == ("社区2014年上半年工作总结", None, ["review"])
    assert read_structure("2008年工作汇报\n一、文化社区\n开展活动。").sections[0].kind == "review"


def test_a_text_that_lost_its_sentence_marks_keeps_its_run_on_headings() -> None:
    # no 。 anywhere: each line is a heading with its paragraph run on, not a list item
    body = "我们组织了音乐会书画展文艺演出等各种文化活动，丰富了社区居民的精神生活，满足了居民的需求"
    text = "社区年度工作回顾过去一年里我们取得了一定的成果\n" + "".join(
        f"{n}、{t}{body}\n" for n, t in (("一", "文化活动"), ("二", "社区卫生"), ("三", "环境卫生"))
    )
    r = clean(text)
    assert [h.label for h in r.outline] == ["一", "二", "三"]
    assert {x.kind for x in r.sections} == {"review"}


def test_numbered_items_after_a_space_in_a_flattened_page() -> None:
    body = "全镇完成生产总值3亿元，增长5%，财政收入稳步增长，民生实事全部完成。" * 3
    text = f"某镇工作方案 一、项目推进措施 {body} 1.推进城市化建设 (1)加快完成道路建设。{body} 2.强化乡村振兴 {body}"
    assert [h[1:] for h in _outline(text)] == [("一", "项目推进措施"), ("1.", "推进城市化建设"), ("2.", "强化乡村振兴")]
    # an attachment is no heading, nor an item after a colon
    text = f"{body}附件：1.工程方案征求意见稿.docx 2.《工程方案》起草说明.doc 联系人：张三 {body}"
    assert _outline(text) == []


def test_a_repost_sites_time_a_span_of_years_and_a_lead_in_under_a_heading() -> None:
    text = "2023年区五年法治建设工作情况报告\n时间:2023-05-07 公文范文 来源:网友投稿\n一、主要做法\n五年来完成投资。"
    s = read_structure(text)
    assert (s.meta.date, s.meta.review_years) == (None, None)
    # a lone 二、 over a lead-in that ends with a colon is a heading
    text = "（三）规范执法。全镇规范执法。\n二、存在的问题及原因\n存在的问题主要有：\n一是意识不强；\n二是覆盖面窄。"
    assert (1, "二", "存在的问题及原因") in _outline(text)
    # the page title's sentence under it is no title to read the kinds from
    text = "政府信息公开年度工作报告范文\n本年度报告是根据《条例》\n一、概述\n全年公开信息500条。"
    assert [h.title for h in read_structure(text).outline] == ["概述"]


def test_kinds_of_a_traditional_report_with_no_title() -> None:
    text = "現將2022年我鎮工作情況報告如下：\n一、加強組織領導\n召開會議3次。\n二、主要舉措和成效\n完成投資。"
    assert [k for _, k in _tops(clean(text))] == ["review", "review"]


def test_a_fanwen_pages_time_does_not_date_the_document() -> None:
    text = "镇长工作报告范文\n时间:2023-03-13 21:18:14\n一、本届政府工作回顾\n全年完成投资3亿元。"
    assert read_structure(text).meta.date is None
