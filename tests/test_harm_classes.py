"""Damage classes of issue 13 ("do no harm") that real pages showed, one reproduction each.

Every input here is written for reportclean in our own words, after a *kind* of text seen on
real pages (vote records, flattened tables, item lists that lost their marks, headings run into
their body); none is copied from a page. Each test failed before the rule it guards was fixed.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import Config, clean

PLAIN = Config(numerals=False)


def _joins(text: str, config: Config = PLAIN) -> list[str]:
    return [c.rule for c in clean(text, config).changes if c.rule.endswith("join")]


# -- 1. page-break-join across a blank line ------------------------------------------------

# A record of votes: each motion, then its result after a blank line. The motion line does not
# end a sentence and is long, like a paragraph cut at a page end; three of them made the
# document look like one whose converter cut paragraphs.
VOTES = "\n\n".join(
    [
        "会议听取了镇人民政府关于二〇二三年财政预算执行情况和二〇二四年财政预算草案的报告，"
        "经过代表分组审议，主持人宣布现在进行表决，请按表决器",
        "28票赞成，0票反对，1票弃权，通过。",
        "会议听取了镇人大主席团关于上次会议以来代表建议批评和意见办理情况的报告，"
        "经过代表分组审议，主持人宣布下面进行表决，请按表决器",
        "27票赞成，1票反对，1票弃权，通过。",
        "会议审议了镇人民政府关于二〇二四年民生实事项目的安排意见和资金保障方案，"
        "经过代表分组审议，主持人宣布现在进行表决，请按表决器",
        "表决结果：29票赞成，0票反对，0票弃权，通过。",
    ]
)

# Minutes: a speaker's turn after a line that lost its stop.
MINUTES = """村主任通报了今年村道硬化、饮水安全和人居环境整治三项工作的进展情况，请大家发表意见，讨论时间每人五分钟左右

王海：我同意通报的安排，建议先修通东组到学校的那段路。

会议还讨论了村集体经济合作社年度收益分配方案的有关事项，大家一致认为应当向困难户和五保户适当倾斜，具体比例由村委会另行研究

李明：分配前要张榜公示，公示期不少于七天。

村支书对下一阶段的防汛准备工作、秋季防火工作和矛盾纠纷排查化解工作作了具体部署，要求各组长对照分工抓好落实并按时报送进展

2023年10月12日"""


@pytest.mark.parametrize("text", [VOTES, MINUTES], ids=["votes", "minutes"])
def test_a_record_is_not_joined_across_its_blank_lines(text: str) -> None:
    assert _joins(text) == []
    out = clean(text, PLAIN).text
    assert out.count("\n") == text.count("\n\n")
    assert clean(out, PLAIN).text == out


def test_a_cut_page_still_joins_where_the_next_line_goes_on_with_the_sentence() -> None:
    # the same kind of document, cut by its converter at page ends inside sentences
    cut = (
        "今年以来，街道坚持以人民为中心的发展思想，统筹推进疫情防控和经济社会发展各项工作，"
        "全面完成年度目标任务，社会大局和谐稳定，重点"
    )
    text = "\n\n".join([cut + "\n\n项目建设取得新进展。"] * 3)
    assert _joins(text) == ["page-break-join"] * 3


def test_a_page_break_before_a_count_joins_only_where_a_page_number_was_removed() -> None:
    head = "全年完成固定资产投资，其中工业投资完成"
    # a removed page-number line between the two parts: the count goes on with the sentence
    with_page = head + "\n\n- 3 -\n\n12亿元，同比增长百分之八。"
    assert "完成12亿元" in clean(with_page, PLAIN).text
    # nothing removed there: a count after a blank line may open an item of a record
    assert _joins(head + "\n\n12亿元，同比增长百分之八。") == []


# -- 2. an item number that lost its mark -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年各项任务全面完成。 1 经济发展稳中有进，产业结构不断优化。",
         "今年各项任务全面完成。1 经济发展稳中有进，产业结构不断优化。"),
        ("1 经济发展稳中有进\n2 社会事业全面进步\n3 生态环境持续改善",
         "1 经济发展稳中有进\n2 社会事业全面进步\n3 生态环境持续改善"),
        ("工作回顾如下。2 2023年全镇财政收入稳步增长。", "工作回顾如下。2 2023年全镇财政收入稳步增长。"),
        ("主要做法如下： 1 强化组织领导，压实工作责任。", "主要做法如下：1 强化组织领导，压实工作责任。"),
        # a number before a measure word or a date part is a quantity: the converter's space goes
        ("3 月份，全镇开展了安全生产大检查。", "3月份，全镇开展了安全生产大检查。"),
        ("全年完成。 5 个村通过验收。", "全年完成。5个村通过验收。"),
    ],
)  # fmt: skip
def test_the_space_after_a_lone_item_number_is_kept(text: str, expected: str) -> None:
    out = clean(text, PLAIN).text
    assert out == expected
    assert clean(out, PLAIN).text == out


# -- 3. cells of a flattened table ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "名称 数量 单位\n水泥 120 吨\n钢材 30 吨",
        "村名 户数 备注\n东村 12 新建\n西村 8 改建",
        "序号 项目名称 投资额 建设地点\n1 道路改造 1200 东村\n2 污水处理 800 西村",
        "指标 产值 增长\n农业 12.5 增长较快",
        "项目 单位 2022年 2023年 增长\n生产总值 亿元 120.5 130.2 8.1",
        # ranges of years as cells, rows with cells left empty (no two rows alike)
        "任期 主管单位 备注\n2016-2018 县水利局 新建\n张某某 2019-2021 镇农业办 在任",
    ],
)
def test_spaces_between_table_cells_are_kept(text: str) -> None:
    assert clean(text, PLAIN).text == text


def test_a_converters_spaces_around_a_quantity_still_go() -> None:
    text = "全年粮食产量 12 万吨，增长 3%。全市常住人口 320 万人 比上年末增加 2 万人"
    assert clean(text, PLAIN).text == "全年粮食产量12万吨，增长3%。全市常住人口320万人 比上年末增加2万人"


# -- 4. a heading's title and its body on one line --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "一、工作回顾 2023年，我镇全年实现地区生产总值稳步增长。",
        "（二）加强党建 全年召开党委会议十二次，研究重大事项。",
        "（二）加强党建 “三会一课”制度全面落实。",
        "三、强化宣传 《条例》实施以来，全镇开展宣传活动。",
        "上半年各项工作完成。二、主要做法 2023年，全镇推进重点项目。",
        "上半年各项工作完成。二、主要做法 “三个一”工作法全面推开。",
    ],
)
def test_the_space_between_a_heading_and_its_body_is_kept(text: str) -> None:
    assert clean(text, PLAIN).text == text


def test_a_space_inside_running_text_before_a_quote_still_goes() -> None:
    assert clean("一、加强党建，推进 “三会一课”。", PLAIN).text == "一、加强党建，推进“三会一课”。"


# -- 5. a partial watermark-inline cut; a space where a number was lost ----------------------

# An essay site's lead-in: the title and a definition of the genre, then the site's editor
# speaking, all one sentence (written for this test).
LEAD_IN = (
    "村级工作汇报范文（精选3篇）汇报是向上级说明一段时间内工作进展和问题的一种常用文书，"
    "以下是小编为大家整理的村级工作汇报范文，仅供参考，大家一起来看看吧。"
)
BODY = "2023年，我村完成道路硬化3公里，新建文化广场一处。"


def _removed(text: str) -> list[str]:
    r = clean(text, PLAIN)
    return [r.original[x.original_span[0] : x.original_span[1]] for x in r.removed]


def test_a_lead_in_sentence_goes_whole_not_from_the_editors_words_on() -> None:
    out = clean(LEAD_IN + "\n" + BODY, PLAIN).text
    assert out == BODY
    # the same sentence run into the report's first sentence on one line
    out = clean(LEAD_IN + BODY + "\n" + BODY, PLAIN).text
    assert out == BODY + "\n" + BODY


@pytest.mark.parametrize(
    "text",
    [
        # the markers alone would go, leaving the rest of the site's words as a fragment
        "全年完成固定资产投资8亿元，本文来自人人文库，比上年增长百分之六。",
        "全年完成固定资产投资8亿元，更多精彩内容请访问某某范文网www.example.com",
        # a reseller's advert run into the next sentence: its QQ number would be glued to it
        "全年工作圆满完成。某某资料整理，其他途径获取的均不完整，获得完整版资料咨询唯一指定QQ12345678开展安全生产检查，全年完成。",
        # a figure of the report's own before the editor's words: the sentence is not the site's
        "今年全镇完成生产总值12亿元，以下是小编为你整理的工作总结，仅供参考。全年粮食增产。",
    ],
)
def test_a_watermark_that_cannot_go_whole_is_kept_and_flagged(text: str) -> None:
    r = clean(text + "\n" + BODY, PLAIN)
    assert r.text.startswith(text)
    assert "boilerplate-kept" in {w.code for w in r.warnings}


@pytest.mark.parametrize(
    "text",
    ["全年粮食产量增长 。", "农民人均可支配收入达 ，比上年有所提高。", "全年共开展安全培训 次 ，覆盖全部企业。"],
)
def test_the_space_where_a_number_was_lost_stays_for_the_gap_check(text: str) -> None:
    out = clean(text, PLAIN).text
    assert " ，" in out or " 。" in out
    assert clean(out, PLAIN).text == out


def test_a_space_before_a_mark_after_a_figure_still_goes() -> None:
    assert clean("全年完成投资12亿元 。各项工作有序开展 。", PLAIN).text == "全年完成投资12亿元。各项工作有序开展。"


def test_a_lead_in_cut_by_a_bracketed_insert_goes_whole() -> None:
    # the 【…】 insert splits the lead-in into segments; its first segment must not lose only
    # the editor's words, leaving "的…工作总结（镇乡）" behind: the whole sentence is the site's
    text = "下面是小编为大家整理的某镇上半年工作总结(镇乡)【完整版】,供大家参考。\n" + BODY
    assert clean(text, PLAIN).text == BODY
    # with a figure of the report in it, the sentence is not certainly the site's: kept, flagged
    text = "下面是小编为大家整理的全镇投资12亿元的工作总结【完整版】,供大家参考。\n" + BODY
    r = clean(text, PLAIN)
    assert r.text.startswith("下面是小编")
    assert "boilerplate-kept" in {w.code for w in r.warnings}


@pytest.mark.parametrize(
    "text",
    [
        # a contents page run into one line: page numbers glued to the next section number
        "目录1 总体要求12 主要任务22.1 产业发展32.2 社会事业5",
        "附录A 名词解释 7附录B 数据来源 9",
        # a numbered heading run in after a colon, then its body
        "现将有关情况报告如下：一、基本情况 2022年度我镇完成各项任务，群众满意。",
    ],
)
def test_the_spaces_of_a_run_on_contents_line_or_run_in_heading_are_kept(text: str) -> None:
    assert clean(text, PLAIN).text == text


ITEM_TEXTS = ["经济发展稳中有进", "社会事业全面进步", "强化组织领导", "生态环境持续改善", "基层治理不断加强"]


@given(
    st.lists(st.tuples(st.integers(1, 99), st.sampled_from(ITEM_TEXTS)), min_size=1, max_size=5),
    st.sampled_from(["\n", "。 ", "；", "：", "\n\n"]),
)
def test_item_numbers_that_lost_their_mark_keep_their_space_property(
    items: list[tuple[int, str]], sep: str
) -> None:
    text = "今年工作回顾如下" + "".join(f"{sep}{n} {body}" for n, body in items) + "。"
    out = clean(text, PLAIN).text
    for n, body in items:
        assert f"{n} {body}" in out
    assert clean(out, PLAIN).text == out


# -- 6. the only separator after an addressee, before a sub-item, between header cells -------


@pytest.mark.parametrize(
    "text",
    [
        # an addressee glued to the title line: two spaces stand for the paragraph break
        "在镇人民代表大会上的报告各位代表：  现在，我代表镇人民政府向大会报告工作。",
        # an addressee after a byline on one line: one space is the only separator
        "镇长 李某 各位代表： 现在，我代表镇人民政府向大会报告工作。",
        "各位委员： 下面，我就全年工作讲三点意见。",
        # a level-1 heading, then its first dash-led sub-item on the same line
        "一、社会事业全面进步  ——教育投入持续加大，新建学校两所。",
        "二、基础设施不断完善 ——全年硬化村道二十公里。",
    ],
)
def test_the_space_after_an_addressee_or_before_a_sub_item_is_kept(text: str) -> None:
    out = clean(text, PLAIN).text
    assert out == text
    assert clean(out, PLAIN).text == out


def test_the_spaces_between_header_cells_of_a_flattened_table_are_kept() -> None:
    header = "品种名称 面积（亩） 比去年增减%"
    text = f"主要作物种植情况\n{header}\n小 麦 5200 3.1\n玉 米 4100 -0.8\n大 豆 900 12.5\n"
    assert header in clean(text, PLAIN).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a converter's spaces inside running text still go
        ("全年完成投资。  ——工业增长较快。", "全年完成投资。——工业增长较快。"),
        ("他指出， 要抓好落实。", "他指出，要抓好落实。"),
        ("（一） 注重实效", "（一）注重实效"),
    ],
)
def test_spaces_next_to_marks_in_running_text_still_go(text: str, expected: str) -> None:
    assert clean(text, PLAIN).text == expected


# -- 7. stars that blank a word are not Markdown bold ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a blank in brackets, twice in a line: the two '**' face their brackets, not each other
        "全年税收稳步增长。南北（**）经济协作区建设加快。十月，我镇举行了南北（**）经济协作区奠基仪式。",
        "## 一、概况\n## 二、计划\n东西(**)产业园开工。南北(**)产业园投产。",
        # a span with sentences inside is no bold phrase
        "# 总结\n## 一、概况\n今年**县完成投资。全年**镇新建学校。",
        # one bold-looking pair alone inside a line: the text is not Markdown-like
        "会上，**王某**同志作了表态发言。",
    ],
)
def test_stars_that_blank_a_word_are_kept(text: str) -> None:
    r = clean(text, PLAIN)
    assert [x.rule for x in r.removed if x.rule == "markdown-bold"] == []
    assert r.text.count("*") == text.count("*")


def test_bold_in_a_markdown_like_text_still_goes() -> None:
    text = "# 总结\n## 一、概况\n一是**加强领导**，完善机制。（**重点**）"
    assert clean(text, PLAIN).text == "总结\n一、概况\n一是加强领导，完善机制。（重点）"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**某镇2023年工作总结**\n今年以来，全镇完成投资。", "某镇2023年工作总结\n今年以来，全镇完成投资。"),
        ("**一、强化组织领导。**成立工作专班。", "一、强化组织领导。成立工作专班。"),
    ],
)
def test_a_lone_bold_heading_or_lead_in_still_goes(text: str, expected: str) -> None:
    assert clean(text, PLAIN).text == expected


# -- 8. a page tab's mark beside the text's own ---------------------------------------------


def test_a_repeated_mark_after_a_line_opening_item_number_is_kept_and_flagged() -> None:
    # a doc site's page tab '3、' opens the line, then the text goes on with its own '、'
    text = "坚持“稳粮增收\n\n3、、富民强村”的工作思路。"
    r = clean(text, PLAIN)
    assert "3、、富民强村" in r.text
    assert "doubled-punctuation" in {w.code for w in r.warnings}


def test_a_repeated_mark_inside_a_line_is_still_reduced() -> None:
    assert clean("加强学习、、提高本领。", PLAIN).text == "加强学习、提高本领。"


# -- 9. a flattened table spaced out character by character -------------------------------

# Rows of a reply list: code, name, head and programme, every character spaced by the converter;
# the single spaces are all that is left of the cell boundaries.
SPACED_ROWS = [
    "編 號 委 員 姓 名 總 目 綱 領 ABC101 3105 王 大 文 58 (2 社 區 發 展 ABC102 3120 李 小 明 58 (1 地 區 管 理",
    "2 編 號 委 員 姓 名 總 目 綱 領 ABC103 3177 張 志 強 58 (3 環 境 改 善 ABC104 3190 陳 美 玲 58 (2 社 區 發 展",
]
SPACED_PROSE = (
    "本 年 度 區 內 共 舉 辦 社 區 活 動 120 次 ， 參 加 居 民 超 過 3000 人 次 ， 反 應 良 好 。"
    "查 詢 電 話 2835 2500 。"
)


def test_a_spaced_out_table_keeps_every_space() -> None:
    text = "\n".join(SPACED_ROWS)
    r = clean(text, PLAIN)
    assert r.text == text
    assert [c.rule for c in r.changes if c.rule in ("spaced-out", "number-space", "punctuation-space")] == []


def test_spaced_out_prose_beside_a_spaced_table_is_decided_line_by_line() -> None:
    text = "\n".join([SPACED_PROSE, *SPACED_ROWS])
    out = clean(text, PLAIN).text
    assert out.splitlines()[1:] == SPACED_ROWS
    assert out.splitlines()[0] == "本年度區內共舉辦社區活動120次，參加居民超過3000人次，反應良好。查詢電話2835 2500。"
    assert clean(out, PLAIN).text == out


# -- 10. items of a list run into one line; a lead-in after a sentence ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "会议议程：1、听取工作报告 2、审议预算草案 3、选举副镇长。",
        "今天的议程是： 1、通过选举办法 2、通过监票人名单 3、补选镇长。",
    ],
)
def test_items_run_into_one_line_keep_their_separating_spaces(text: str) -> None:
    out = clean(text, PLAIN).text
    assert "报告 2、" in out or "办法 2、" in out
    assert clean(out, PLAIN).text == out


def test_a_lead_in_after_a_sentence_end_is_cleaned_the_same_twice() -> None:
    text = "会议符合法定人数。 现在我宣布： 大会开幕。"
    out = clean(text, PLAIN).text
    assert out == "会议符合法定人数。现在我宣布：大会开幕。"
    assert clean(out, PLAIN).text == out


# -- 11. two columns of a bilingual page interleaved line by line -----------------------------

BILINGUAL = """本鎮今年持續推動社區照顧與長者送餐,並 This year the township keeps on expanding its
community care and the meal delivery for the elderly residents in every village
結合在地學校推廣健康體育與鄉土教育,讓 and works together with the local schools on
sports and local history lessons for the pupils of every grade in the township
鎮民生活更加便利安心,也讓青年願意返 so that all residents can live with more ease and
鄉就業,共同打造幸福家園。 young people are willing to come back home to work.
We thank every resident for the support given to the township office this year."""


def test_lines_of_two_interleaved_columns_are_not_joined_across_scripts() -> None:
    out = clean(BILINGUAL, PLAIN).text
    assert out.count("\n") == BILINGUAL.count("\n")
    assert "and鄉" not in out and "and 鄉" not in out


BOUNDARY_PIECES = [
    "各位代表：  现在，我代表镇人民政府向大会报告工作。",
    "镇长 李某 各位委员： 下面讲三点意见。",
    "一、社会事业全面进步  ——教育投入持续加大。",
    "品种名称 面积（亩） 比去年增减%",
    "小 麦 5200 3.1",
    "会议议程：1、听取报告 2、审议预算 3、选举镇长。",
    "会议符合法定人数。 现在我宣布： 大会开幕。",
    "全 年 共 举 办 活 动 120 次 ， 参 加 群 众 3000 人 次 。",
    "編 號 姓 名 ABC101 3105 王 大 文 58 (2 社 區",
    "**重点工作**",
    "南北（**）协作区建设加快。",
    "增收\n\n2、、企业增税",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BOUNDARY_PIECES), min_size=1, max_size=8), st.sampled_from(["\n", "\n\n", "。"]))
def test_boundary_rules_are_idempotent_in_any_mix(pieces: list[str], sep: str) -> None:
    once = clean(sep.join(pieces), PLAIN).text
    assert clean(once, PLAIN).text == once


# -- 12. a page title between the site's name and the metadata (chrome-block: NOISE's rule) ---


@pytest.mark.xfail(strict=False, reason="chrome-block takes a run of two short lines under the top chrome whole, "
                   "the title with the site name (src/reportclean/_chrome.py, the NOISE helper's file)")
def test_the_title_under_the_site_name_is_kept() -> None:
    text = (
        "跳到主要內容區塊\n\n某市議會全球資訊網\n\n第三屆第二次定期大會開幕新聞稿\n  • 發布單位:公共關係室\n\n"
        "某市議會第三屆第二次定期大會今日上午開幕，議員出席踴躍，會期共六十天，將審查明年度總預算案。"
    )
    assert "第三屆第二次定期大會開幕新聞稿" in clean(text, PLAIN).text


# -- 13. page numbers a converter ran into the text ------------------------------------------

PAGE_1 = "街道坚持以人民为中心的发展思想，统筹推进各项工作，" * 8
PAGE_2 = "全面完成年度目标任务，社会大局和谐稳定，群众满意度持续提升，" * 6


def test_page_numbers_run_into_the_text_are_flagged_not_removed() -> None:
    text = f"{PAGE_1}为基层治理聚力增效2一是加强组织建设。{PAGE_2}拉开城市发展新3格局，推进项目建设。"
    r = clean(text, PLAIN)
    assert r.text == text
    flagged = [text[w.original_span[0] : w.original_span[1]] for w in r.warnings if w.code == "page-number-inline"]
    assert flagged == ["2", "3"]


@pytest.mark.parametrize(
    "text",
    [
        # counts with a measure word, ordinals, and a lone digit with no page before it
        f"{PAGE_1}新建2所学校，{PAGE_2}改造3个社区。",
        f"{PAGE_1}第2季度完成，{PAGE_2}第3季度开工。",
        f"{PAGE_1}打造2一体化平台。",
    ],
)
def test_counts_and_ordinals_are_no_page_numbers(text: str) -> None:
    assert "page-number-inline" not in {w.code for w in clean(text, PLAIN).warnings}
