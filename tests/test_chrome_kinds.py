"""The chrome kinds that survived on unseen pages: editor credits, share and keyword rows,
file-information blocks, related-links lists, title bars, page tabs, running headers without
page numbers and encoded tails (issue 14). Each has a case that goes and a case that stays.

Every text here is written for the test (names, numbers and sites made up).
"""

from __future__ import annotations

import reportclean
from reportclean import Config

ONLY = Config(**{name: name == "boilerplate" for name in reportclean.STEP_NAMES})
CLEANER = reportclean.Cleaner(ONLY)

BODY = "一、主要工作\n今年以来，街道围绕中心工作，新建口袋公园3个，完成老旧小区改造2个。\n"


def gone(text: str) -> dict[str, str]:
    """Each removed line (stripped) and the rule that removed it."""
    out = {}
    for r in CLEANER.clean(text).removed:
        for line in r.text.split("\n"):
            if line.strip():
                out[line.strip()] = r.rule
    return out


def kept(text: str) -> str:
    return CLEANER.clean(text).text


# -- editor credits ------------------------------------------------------------------------------


def test_editor_credit_lines_go_alone_several_on_a_line_or_in_brackets() -> None:
    page = "初审编辑：\n复审编辑：\n" + BODY + "初审：王某 复审：李某 终审：赵某\n（责任编辑：周某 AB001）\n"
    lost = gone(page)
    assert set(lost) == {"初审编辑：", "复审编辑：", "初审：王某 复审：李某 终审：赵某", "（责任编辑：周某 AB001）"}
    assert "新建口袋公园3个" in kept(page)


def test_a_note_in_brackets_and_review_work_in_a_sentence_stay() -> None:
    page = BODY + "（审核后报县政府）\n二、审核工作\n全年审核项目资料120份，校对文件30件。\n"
    assert gone(page) == {}


# -- keyword rows, share rows, buttons at the edges ----------------------------------------------------


def test_keyword_field_and_a_lone_button_at_the_foot_go() -> None:
    page = BODY + "\n（责任编辑：周某）\n关键词：工作总结\n关闭\n"
    assert set(gone(page)) == {"（责任编辑：周某）", "关键词：工作总结", "关闭"}


def test_a_source_credit_in_brackets_at_the_foot_goes() -> None:
    assert set(gone(BODY + "（来源：某某日报）\n")) == {"（来源：某某日报）"}


def test_a_papers_keywords_under_its_abstract_and_a_closing_date_stay() -> None:
    paper = "摘要：本文讨论社区治理。\n关键词：社区治理；基层党建\n" + BODY + "日期：2023年12月30日\n"
    assert gone(paper) == {}


def test_share_row_goes() -> None:
    assert set(gone(BODY + "分享到：微信 微博 QQ空间\n")) == {"分享到：微信 微博 QQ空间"}


def test_an_advert_label_at_the_top_goes_but_not_in_the_body() -> None:
    assert gone("广告\n\n" + BODY) == {"广告": "chrome-toolbar"}
    assert gone("某镇2023年工作总结\n" + BODY + "广告\n全年查处违法户外广告15处。\n" + BODY) == {}


# -- related-links lists ----------------------------------------------------------------------------


def test_headlines_under_a_related_heading_at_the_foot_go() -> None:
    page = BODY + "\n更多某某新闻报导\n某镇召开秋季防火工作会议\n某县举办农民丰收节 展示特色农产品\n"
    lost = gone(page)
    assert set(lost) == {"更多某某新闻报导", "某镇召开秋季防火工作会议", "某县举办农民丰收节 展示特色农产品"}


def test_a_row_of_links_between_bars_under_a_recommendation_heading_goes() -> None:
    row = "述职报告范文 | 述职报告开头结尾 | 述职报告模板 | 个人述职报告"
    page = BODY + "小编精心推荐\n" + row + "\n"
    assert set(gone(page)) == {"小编精心推荐", row}


def test_attachments_and_a_signature_after_a_related_heading_stay() -> None:
    page = BODY + "相关阅读\n附件：1.某镇2023年重点项目清单\n某镇人民政府\n2023年12月30日\n"
    lost = gone(page)
    assert "附件：1.某镇2023年重点项目清单" not in lost and "某镇人民政府" not in lost


def test_a_related_heading_above_text_that_goes_on_keeps_the_text() -> None:
    page = "相关阅读\n" + BODY + "二、下步打算\n继续抓好项目建设。\n"
    assert "一、主要工作" not in gone(page)


# -- document-site file information and page tabs ----------------------------------------------------


def test_file_information_fields_go() -> None:
    page = "书签 分享 收藏 举报 版权申诉 / 12\n上传文档赚钱\n  • 页数：12\n  • 大小：18.20KB\n  • 【下载声明】\n" + BODY
    lost = gone(page)
    assert {"页数：12", "大小：18.20KB", "上传文档赚钱"} <= {x.lstrip("• ").strip() for x in lost}
    assert "一、主要工作" not in lost


def test_page_tabs_without_an_extension_go_when_there_are_several() -> None:
    tabs = "".join(f"某镇工作总结_第{i}页\n" for i in range(1, 4))
    assert set(gone(tabs + BODY)) == {f"某镇工作总结_第{i}页" for i in range(1, 4)}


def test_one_line_ending_in_a_page_reference_stays() -> None:
    assert gone(BODY + "详见附表_第3页\n") == {}


# -- the page's title bar and logo caption ------------------------------------------------------------


def test_title_bar_with_the_site_name_goes_when_the_headline_stands_below() -> None:
    page = "某某新闻网 logo\n\n某县召开2023年经济工作会议 - 某某新闻网\n\n某县召开2023年经济工作会议\n\n" + BODY
    lost = gone(page)
    assert "某县召开2023年经济工作会议 - 某某新闻网" in lost and "某某新闻网 logo" in lost
    assert "某县召开2023年经济工作会议" not in lost


def test_a_title_with_a_dash_but_no_repeat_stays() -> None:
    page = "某县2023年工作总结 - 征求意见稿\n\n" + BODY
    assert gone(page) == {}


# -- running headers without page numbers -----------------------------------------------------------


def _pdf_pages(header: str) -> str:
    para = "全县完成地区生产总值120亿元，同比增长6.5%，其中第二产业增加值"
    page = "第三段文字说明重点工作。\n第四段文字说明民生工作。\n"
    return (
        header + "\n一、经济发展\n" + page + para + "\n" + header + "\n45亿元。\n" + page
        + "全县规模以上工业增加值达到两千亿元以上，其中高新技术产业增加值达到\n"
        + header + "\n52亿元，同比增长7%。\n" + page
    )


def test_a_line_repeated_into_the_middle_of_sentences_is_a_running_header() -> None:
    text = _pdf_pages("某县2023年政府工作报告")
    lost = gone(text)
    assert lost == {"某县2023年政府工作报告": "running-header"}
    assert kept(text).startswith("某县2023年政府工作报告\n")  # the first one is the title
    assert kept(text).count("某县2023年政府工作报告") == 1


def test_a_heading_repeated_between_finished_paragraphs_stays() -> None:
    section = "工作总结范文\n今年以来，各项工作稳步推进。\n完成年度目标任务。\n第三行文字。\n"
    assert gone(section * 3) == {}


# -- encoded tails ---------------------------------------------------------------------------------------


def test_encoded_and_script_remnants_ending_a_page_go() -> None:
    tail = "var _x = _x || []; document.write('x');\n" + "%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93\n"
    tail += "Qm9pbGVycGxhdGUxMjM0NTY3ODkw\n"
    lost = gone(BODY + tail)
    assert set(lost.values()) == {"encoded-tail"} and len(lost) == 3


def test_a_tracking_query_string_ending_a_page_goes() -> None:
    assert gone(BODY + "?utm_source=wx&utm_medium=share&utm_campaign=a1\n") == {
        "?utm_source=wx&utm_medium=share&utm_campaign=a1": "encoded-tail"
    }


def test_a_web_address_and_encoded_text_inside_the_report_stay() -> None:
    page = BODY + "%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93\n二、下步打算\n详见http://www.example.gov.cn/zwgk/t20230101_1.html\n"
    assert gone(page) == {}


# -- site disclaimers and essay-site lead-ins ---------------------------------------------------------------


def test_site_disclaimer_lines_go() -> None:
    page = BODY + "注意：本站部分文字内容由网友投稿，如侵权请联系删除，联系邮箱：x@example.com\n"
    assert "注意：本站部分文字内容由网友投稿，如侵权请联系删除，联系邮箱：x@example.com" in gone(page)


def test_a_welcome_in_a_speech_stays() -> None:
    page = "同志们：\n欢迎来到美丽的某某镇！\n" + BODY
    assert gone(page) == {}


def test_an_essay_site_lead_in_framed_by_its_markers_goes_whole() -> None:
    page = "工作总结怎么写呢？以下是小编精心整理的某镇2023年安全生产工作总结，欢迎阅读，希望大家能够喜欢。\n" + BODY
    out = kept(page)
    assert "以下是小编" not in out and "工作总结怎么写呢？" in out and "新建口袋公园3个" in out


def test_a_sentence_that_only_ends_with_a_site_phrase_keeps_its_text() -> None:
    page = BODY + "全年共整理档案1200卷，欢迎阅读。\n"
    assert "全年共整理档案1200卷" in kept(page)


def _paged(lines: list[str], header: str, pages: int = 4) -> str:
    return "\n".join(line for _ in range(pages) for line in (*lines[:3], header, lines[3]))


def test_a_name_repeated_among_one_fragment_per_line_is_content() -> None:
    # a conversion that sets one short fragment per line: every line "breaks a sentence",
    # so a company name repeated among them must not be taken for a running header
    fragments = ["获批省级特色示范园区的", "建设工作进展顺利并且", "参与重点项目建设和其他", "荣获称号以及相关奖励"]
    result = reportclean.clean(_paged(fragments, "炭元某某科技"))
    assert [r.rule for r in result.removed] == []
    assert result.text.count("炭元某某科技") == 4


def test_a_running_header_among_prose_lines_goes_and_repeated_prose_stays() -> None:
    first = "这是一段很长的正文内容，用来说明页面的排版宽度，一直写到行尾没有结束"
    second = "继续写的正文，这里还有很多内容，写满了整行的宽度才换行到下一行去了"
    result = reportclean.clean(_paged([first, second, first, second + "。"], "某某科技公司年报"))
    assert [(r.rule, r.text.strip()) for r in result.removed] == [("running-header", "某某科技公司年报")] * 4
    assert result.text.count(second) == 8


# -- issue 14, second round: viewer, comment, login, paywall, spam, stamps, captions ----------------


def test_a_spam_title_of_keywords_goes_and_a_trade_sentence_stays() -> None:
    page = "日韩精选-欧美专区-久久精品在线-超碰免费看\n" + BODY
    assert gone(page) == {"日韩精选-欧美专区-久久精品在线-超碰免费看": "chrome-spam"}
    trade = BODY + "全年对欧美、日韩出口增长5%，高清视频产业园开工。\n"
    assert gone(trade) == {}


def test_cms_time_stamps_go_and_a_meeting_time_stays() -> None:
    for stamp in ("2022年03月05日 08时30分", "2022年11月05日 14:20:09", "2022 11/ 05 14:20:09"):
        assert gone(stamp + "\n" + BODY) == {stamp: "chrome-metadata"}, stamp
    assert gone("二、会议时间\n2022年3月5日 9时30分\n" + BODY) == {}
    page = "2019年06月01日 10:05 | 作者：某某 | 来源：某某日报\n" + BODY
    assert gone(page) == {"2019年06月01日 10:05 | 作者：某某 | 来源：某某日报": "chrome-metadata"}


def test_login_payment_and_comment_boxes_go() -> None:
    page = BODY + "\n发表评论\n账号+密码登录\n微信扫码登录\n还没有账号？\n立即注册\n"
    assert set(gone(page)) == {"发表评论", "账号+密码登录", "微信扫码登录", "还没有账号？", "立即注册"}
    top = "快捷下载 游客一键下载\n下载资源需要8金币\n支付方式：支付宝 微信支付\n验证码： 换一换\n" + BODY
    want = {"快捷下载 游客一键下载", "下载资源需要8金币", "支付方式：支付宝 微信支付", "验证码： 换一换"}
    assert set(gone(top)) == want


def test_a_login_word_in_a_sentence_stays() -> None:
    page = BODY + "群众可凭账号登录政务服务网，注册用户新增1200名。\n"
    assert gone(page) == {}


def test_paywall_and_reposting_notices_go() -> None:
    page = BODY + "完善社区服务设施。（剩余1200字）\n作者原创，不允许二次传播，一经发现收回\n"
    lost = gone(page)
    assert "（剩余1200字）" in lost and "作者原创，不允许二次传播，一经发现收回" in lost
    assert "完善社区服务设施。" in kept(page)


def test_viewer_interface_words_go_together_but_an_english_heading_stays() -> None:
    page = "Like\nShare\nDownload\n" + BODY + "Publications:\nFollowers:\nRead Text Version\n"
    assert set(gone(page)) == {"Like", "Share", "Download", "Publications:", "Followers:", "Read Text Version"}
    assert gone(BODY + "Publications\n本年出版年报两册。\n") == {}
    assert gone(BODY + "We like to share what we learned.\n") == {}


def test_a_picture_file_name_and_a_picture_caption_go() -> None:
    page = "一、主要工作\n今年以来，新建口袋公园3个。\nphoto_01.jpg\n（资料图）\n完成老旧小区改造2个。\n"
    assert set(gone(page)) == {"photo_01.jpg", "（资料图）"}


def test_captions_under_the_buttons_at_the_foot_go_but_a_signature_stays() -> None:
    page = BODY + "打印本页 关闭窗口\n扫码关注\n某某网微信\n某某网微博\n客户端\n"
    assert set(gone(page)) == {"打印本页 关闭窗口", "扫码关注", "某某网微信", "某某网微博", "客户端"}
    signed = BODY + "打印本页 关闭窗口\n某某镇人民政府\n"
    assert set(gone(signed)) == {"打印本页 关闭窗口"}


def test_a_short_headline_between_a_breadcrumb_and_the_dateline_stays() -> None:
    page = "当前位置：首页 > 评论 > 正文\n实干\n2021-05-06 来源：某某日报\n" + BODY
    lost = gone(page)
    assert "实干" not in lost and "当前位置：首页 > 评论 > 正文" in lost
    assert "实干" in kept(page)


def test_interface_words_in_sentence_case_and_an_upsell_line_go() -> None:
    page = "Your free trial: 5 days left! Upgrade now\nPublished on Mar 02,2023\nLike\nRead more\n" + BODY
    want = {"Your free trial: 5 days left! Upgrade now", "Published on Mar 02,2023", "Like", "Read more"}
    assert set(gone(page)) == want


def test_reposting_disclaimer_and_preview_notice_go_whole() -> None:
    page = (
        BODY
        + "【慎重声明】凡本站未注明来源的作品，均转载、编译或摘编自其它媒体，目的在于传递更多信息，"
        "并不代表本站赞同其观点和对其真实性负责。如因作品内容、版权和其他问题需要同本网联系的，请在30日内进行！\n"
    )
    assert kept(page).rstrip("\n") == BODY.rstrip("\n")
    notice = "说明：文章内容仅供预览，部分内容可能不全。下载后的文档，内容与下面显示的完全一致。\n" + BODY
    assert kept(notice) == BODY


def test_an_essay_site_lead_in_with_its_service_prompt_goes() -> None:
    page = (
        "开篇：某某网以专业的视角，为您筛选了一篇工作总结范文，如需获取更多写作素材，在线客服老师一对一协助。"
        "欢迎您的阅读与分享！\n" + BODY
    )
    assert kept(page) == BODY


def test_a_logo_alt_text_and_a_bulleted_menu_go() -> None:
    page = "site logo: www.example.com\n" + BODY
    assert set(gone(page)) == {"site logo: www.example.com"}
    menu = "全部分类\n  • 办公文档>\n  • 建筑/施工/环境>\n  • 毕业设计>\n  • 教育教学>\n快捷下载 游客一键下载\n" + BODY
    want = {"全部分类", "• 办公文档>", "• 建筑/施工/环境>", "• 毕业设计>", "• 教育教学>", "快捷下载 游客一键下载"}
    assert set(gone(menu)) == want


def test_skip_links_search_box_and_category_fields_go() -> None:
    page = "Skip to content Skip to footer\n选择搜索类型\n请输入关键词\nCategories: 未分类\n" + BODY
    assert set(gone(page)) == {"Skip to content Skip to footer", "选择搜索类型", "请输入关键词", "Categories: 未分类"}


def test_a_forum_post_line_and_its_disclaimer_go() -> None:
    page = BODY + "某某镇政府 发表于 2024-03-01 09:12\n网友个人意见，不代表本站立场，由发表者自负责任。\n"
    assert set(gone(page)) == {"某某镇政府 发表于 2024-03-01 09:12", "网友个人意见，不代表本站立场，由发表者自负责任。"}


def test_the_value_under_a_bare_field_name_goes_but_not_across_a_blank_line() -> None:
    page = "发布单位\n综合服务科\n" + BODY
    assert set(gone(page)) == {"发布单位", "综合服务科"}
    apart = "发布单位\n\n综合服务科\n" + BODY
    assert set(gone(apart)) == {"发布单位"}


def test_a_category_list_at_the_foot_goes() -> None:
    page = BODY + "文章类别\n展开 | 收起\n乡村旅游\n2024秋季线路\n搜索\n"
    assert set(gone(page)) == {"文章类别", "展开 | 收起", "乡村旅游", "2024秋季线路", "搜索"}


def test_a_paywall_count_in_brackets_goes() -> None:
    assert set(gone(BODY + "（剩余900字）\n")) == {"（剩余900字）"}


def test_picture_alt_text_a_tag_field_at_the_top_and_a_dotted_stamp_go() -> None:
    page = "标签：乡村振兴\n05.03.2021  10:20\n" + BODY + "top-banner\n完成道路硬化3公里。\n"
    assert set(gone(page)) == {"标签：乡村振兴", "05.03.2021  10:20", "top-banner"}


def test_a_word_with_image_in_an_english_sentence_and_a_papers_keywords_stay() -> None:
    page = BODY + "The image of the town improved.\n关键词：乡村振兴；基层治理\n一、引言\n本文研究基层治理。\n"
    assert gone(page) == {}


def test_blog_and_news_furniture_goes() -> None:
    page = (
        "发表文章\n目前显示的是 5月 2, 2023的文章\n" + BODY + "首图\n完成道路硬化3公里。\n"
        "© 2024 Example.com All rights reserved.\n"
    )
    want = {"发表文章", "目前显示的是 5月 2, 2023的文章", "首图", "© 2024 Example.com All rights reserved."}
    assert set(gone(page)) == want


def test_a_picture_word_in_a_sentence_stays() -> None:
    page = BODY + "举办图片展一次，发表文章12篇。\n"
    assert gone(page) == {}


def test_related_teasers_at_the_foot_of_a_page_with_chrome_go() -> None:
    page = "2021-05-06 10:20:11\n" + BODY + "某县召开秋季防火会议\n为做好秋冬季防火工作,某县应急局\n某镇开展环境整治\n"
    lost = gone(page)
    assert {"某县召开秋季防火会议", "为做好秋冬季防火工作,某县应急局", "某镇开展环境整治"} <= set(lost)


def test_a_signature_contact_line_or_a_page_without_chrome_keeps_its_foot() -> None:
    signed = "2021-05-06 10:20:11\n" + BODY + "联系人：王某，联系电话：12345678\n某镇人民政府\n"
    assert set(gone(signed)) == {"2021-05-06 10:20:11"}
    plain = BODY + "某县召开秋季防火会议\n为做好秋冬季防火工作,某县应急局\n"
    assert gone(plain) == {}


# -- issue 14, third round: related lists with teasers and counts (made-up headlines) ------------


def test_related_headlines_with_their_teasers_and_counts_go_with_the_source_above() -> None:
    page = (
        BODY + "来源：某某新闻网\n相关推荐\n-\n"
        "某区举办社区运动会\n某区举办社区运动会 本周六，某区在体育中心举办社区运动会。 共有二十支队伍…\n"
        "2023-05-120 15 0 -\n"
        "某镇新建三座便民桥\n某镇新建三座便民桥 为方便群众出行，某镇在汛期前完成\n"
    )
    lost = gone(page)
    assert "来源：某某新闻网" in lost and "2023-05-120 15 0 -" in lost
    assert "某区举办社区运动会" in lost and "某镇新建三座便民桥" in lost
    assert "一、主要工作" not in lost


def test_prose_after_a_related_heading_that_is_no_teaser_stays() -> None:
    page = BODY + "相关推荐\n某区举办社区运动会\n下一步，街道将继续推进老旧小区改造，确保年底前全面完工。\n"
    assert "下一步，街道将继续推进老旧小区改造，确保年底前全面完工。" not in gone(page)


# -- a catalogue record and a document site's id and size (made-up values) -------------------


def test_a_catalogue_record_at_the_top_goes() -> None:
    record = ["统一编号：2023000123", "出版日期：2021/06", "编者：某某县统计局", "页数：88", "装订：平装"]
    lost = gone("\n".join(record) + "\n\n" + BODY)
    assert set(record) <= set(lost) and "一、主要工作" not in lost


def test_a_reports_own_cover_fields_stay() -> None:
    cover = ["编制单位：某某县财政局", "编制日期：二〇二三年一月", "联系人：王某", "联系电话：请见附件"]
    assert not set(cover) & set(gone("\n".join(cover) + "\n\n" + BODY))


def test_a_file_id_and_a_size_with_decimals_go_but_a_spec_stays() -> None:
    lost = gone("某镇工作总结\n\nID:20231234\n\n大小:52.75 KB\n\n" + BODY + "内存：8GB\n")
    assert "ID:20231234" in lost and "大小:52.75 KB" in lost and "内存：8GB" not in lost


# -- lines in Latin script among the chrome at the head of a Chinese page (made-up wording) ------


def test_a_viewers_announcement_in_english_at_the_head_goes() -> None:
    head = ["All-New Reader", "We are glad to share a faster reader with you.", "Maybe later"]
    page = "\n".join([*head, "Like", "Share", "Download", "", "某镇2023年工作总结", "", BODY])
    lost = gone(page)
    assert set(head) <= set(lost) and "某镇2023年工作总结" not in lost


def test_an_english_title_under_the_chinese_one_stays() -> None:
    head = "首页 > 政务公开 > 工作报告\n发布时间：2023-01-05 浏览次数：12\n"
    page = head + "某镇2023年工作总结\nWork Summary 2023\n" + BODY
    assert "Work Summary 2023" not in gone(page)


# -- the leads of the pieces of a compilation page (made-up titles) -------------------------------


def test_the_leads_of_a_compilation_page_go() -> None:
    page = (
        "社区工作总结（精选3篇）\n\n第一篇：某社区上半年工作总结\n\n" + BODY + "\n某社区工作总结范文2\n\n" + BODY
    )
    lost = gone(page)
    assert "第一篇：某社区上半年工作总结" in lost and "某社区工作总结范文2" in lost
    assert "一、主要工作" not in lost


def test_a_tagged_piece_number_stays_in_its_title() -> None:
    # one labeller calls 【第二篇】 chrome, another the title with it content: content wins
    assert kept("某社区工作总结【第二篇】\n" + BODY).startswith("某社区工作总结【第二篇】\n")


def test_the_part_headings_of_a_plan_stay() -> None:
    page = "第一篇 发展基础\n" + BODY + "第二篇 总体要求\n" + BODY
    assert not {"第一篇 发展基础", "第二篇 总体要求"} & set(gone(page))


# -- Taiwan and Hong Kong skip links, access keys, letter-spaced catalogue fields (made-up values) --


def test_skip_links_access_keys_and_a_view_count_go() -> None:
    page = "按Enter到主內容區\n:::\n:::\n\n某鎮公所辦理道路修繕。\n點閱率:57\n\n" + BODY + "\n回頁首"
    lost = gone(page)
    assert {"按Enter到主內容區", ":::", "點閱率:57", "回頁首"} <= set(lost)


def test_a_letter_spaced_catalogue_field_without_a_colon_goes_but_a_spaced_heading_stays() -> None:
    page = "索 引 号 0012345/2023-00012 公开方式 主动公开\n组配分类 政府信息公开年报\n\n工 作 总 结\n" + BODY
    lost = gone(page)
    assert "索 引 号 0012345/2023-00012 公开方式 主动公开" in lost and "组配分类 政府信息公开年报" in lost
    assert "工 作 总 结" not in lost


# -- an essay site's lead-in sentence, in either script (our own wording) ------------------------


def test_an_essay_sites_lead_in_sentence_is_cut_and_the_question_before_it_stays() -> None:
    intro = "工作总结是对一段时间工作的回顾。怎样写好一篇总结呢？下面是小编为大家收集整理的社区工作总结，仅供参考。"
    out = kept("社区工作总结\n\n" + intro + "\n\n" + BODY)
    assert "小编" not in out and "怎样写好一篇总结呢？" in out and "新建口袋公园3个" in out


def test_a_lead_in_in_traditional_script_and_a_preface_of_a_site_go() -> None:
    out = kept("前言：本網精心挑選了社區工作總結範文供你參考，歡迎閱讀。\n以下是一篇社區工作範文，僅供參考。\n" + BODY)
    assert "前言" not in out and "範文" not in out and "新建口袋公园3个" in out


def test_a_reports_own_for_reference_sentence_stays() -> None:
    line = "以下是根据调查整理的数据，供各位代表参考。"
    assert line in kept(BODY + line + "\n")


# -- reseller tags, reading-time notes, CMS dates in bullets (made-up sites and dates) ---------------


def test_a_reseller_tag_and_a_reading_time_note_go() -> None:
    note = "admin 分享 加入收藏 共计5210个字，预计阅读时长18分钟。"
    lost = gone("某镇工作报告\n\n【www.fw-demo.com--报告】\n\n" + note + "\n\n" + BODY)
    assert "【www.fw-demo.com--报告】" in lost
    assert note in lost and "某镇工作报告" not in lost


def test_a_cms_date_in_a_bullet_at_the_top_and_a_roc_date_field_under_a_skip_link_go() -> None:
    lost = gone("某縣政府施政報告\n\n  • 2022-05-06\n" + BODY)
    assert "• 2022-05-06" in lost and "某縣政府施政報告" not in lost
    lost = gone("跳到主要內容區塊\n  • 日期:110-03-02\n\n" + BODY)
    assert "• 日期:110-03-02" in lost


def test_a_date_written_by_a_person_stays() -> None:
    assert "2022年5月6日" not in gone("某镇工作报告\n2022年5月6日\n" + BODY)


# -- viewer page labels, bare site addresses, date fields with buttons (made-up sites) -----------


def test_a_viewer_page_label_and_a_bare_site_address_at_the_top_go() -> None:
    lost = gone("demo-reader.com\n某镇工作总结\n\nRead Text Version\nP:05\n\n" + BODY)
    assert "demo-reader.com" in lost and "P:05" in lost and "某镇工作总结" not in lost


def test_a_site_address_inside_the_report_stays() -> None:
    page = BODY + "详细内容请见网站：\nwww.example.gov.cn\n具体办法另行通知。\n"
    assert "www.example.gov.cn" not in gone(page)


def test_a_date_field_followed_by_site_buttons_at_the_top_goes() -> None:
    lost = gone("某县年鉴\n\n时间:2022-03-04 年鉴资料 版权反馈\n" + BODY)
    assert "时间:2022-03-04 年鉴资料 版权反馈" in lost


# -- bars at the edges, a site banner, paywall notes (made-up sites) -------------------------------


def test_bars_at_the_edges_a_category_chip_and_a_site_banner_go() -> None:
    lost = gone("|\n" + BODY + "|\n")
    assert "|" in lost and "一、主要工作" not in lost
    lost = gone("DEMOFW.COM —— 专注公文写作\n\n某镇工作报告\n\n| 报告 |\n\n" + BODY)
    assert "DEMOFW.COM —— 专注公文写作" in lost and "| 报告 |" in lost and "某镇工作报告" not in lost


def test_bars_and_cells_of_a_flattened_table_stay() -> None:
    table = "表1 主要指标\n|\n单位：亿元\n|\n指标\n|\n绝对数\n|\n"
    assert not gone(table + BODY)


def test_paywall_notes_go() -> None:
    lost = gone(BODY + "……（某某网省略1024字，正式会员可完整阅读）……\n（阅读全部图文内容，您需要先登录！）\n")
    assert len(lost) == 2 and "一、主要工作" not in lost


# -- catalogue-table rows, glued breadcrumbs, browser advice, page permalinks (made-up values) ----


def test_rows_of_page_fields_and_a_glued_breadcrumb_go() -> None:
    head = ["首页总结工作总结", "索引号: 0012/2023-001 组配分类: 规范性文件", "信息分类: 通知   发布机构: 某县办公室",
            "废止时间: 2025-01-23 名称: 某县工作规则"]
    lost = gone("\n".join(head) + "\n\n" + BODY)
    assert set(head) <= set(lost) and "一、主要工作" not in lost


def test_a_meeting_notices_time_and_place_stay() -> None:
    for line in ("会议时间：2023年5月6日 会议地点：县政府三楼会议室", "时间：2023-05-06 地点：县会议中心"):
        assert line not in gone("关于召开工作会议的通知\n" + line + "\n" + BODY)


def test_browser_advice_a_reading_note_and_the_pages_own_record_at_the_foot_go() -> None:
    page = (
        "您的瀏覽器不支援JavaScript功能,若網頁功能無法正常使用時,請開啟瀏覽器JavaScript狀態\n本篇文章320字，读完约1分钟\n"
        + BODY + "来源:某某新闻\n标题:某街道开展环境整治\n地址:http://www.example.com/news/123.html\n"
    )
    lost = gone(page)
    assert len(lost) == 5 and "一、主要工作" not in lost


def test_a_contact_block_at_the_foot_stays() -> None:
    block = ["联系人：王某", "联系电话：0551-1234567", "网址：http://www.example.gov.cn"]
    assert not set(block) & set(gone(BODY + "\n".join(block) + "\n"))


# -- a two-line headline under the top chrome, a meeting's date field (made-up council) ------------


def test_a_two_line_headline_between_a_skip_link_and_the_page_date_stays_but_a_site_name_goes() -> None:
    page = "跳至主要内容\n\n某某网\n\n区议会大会的会议记录\n\n某区区议会第五次会议\n\n发布日期: 2021-06-13\n\n" + BODY
    lost = gone(page)
    assert "区议会大会的会议记录" not in lost and "某区区议会第五次会议" not in lost
    assert "跳至主要内容" in lost


def test_a_meetings_date_field_above_its_time_and_place_stays() -> None:
    fields = "日期: 2021-06-13\n(星期四)\n时间: 上午9时30分\n地点: 某区政府合署会议室\n\n"
    page = "跳至主要内容\n\n某区区议会第五次会议\n\n" + fields + BODY
    assert "日期: 2021-06-13" not in gone(page)


def test_the_value_row_under_a_page_field_tables_header_goes_but_a_data_table_stays() -> None:
    page = "索引号 | 公开方式 | 发布机构 |\n0012345/2023-00012 | 主动公开 | 某镇人民政府 |\n" + BODY
    assert "0012345/2023-00012 | 主动公开 | 某镇人民政府 |" in gone(page)
    table = "指标 | 2022年 | 2023年 |\n生产总值 | 12.1 | 13.0 |\n"
    assert not gone(BODY + table)


def test_a_townships_profile_of_counts_at_the_top_stays() -> None:
    profile = ["总人口：35000", "户数：12000", "行政村：15", "耕地：8000"]
    assert not set(profile) & set(gone("\n".join(profile) + "\n\n" + BODY))


# -- Taiwan portal furniture, browser advice, scraper stamps, essay-site picks (made-up values) ----


def test_taiwan_portal_furniture_goes() -> None:
    page = (
        "跳到主要內容區塊\n\n選單開關\n\n:::\n\n最新消息\n\n列印[另開新視窗]\n\n某鎮公所道路修繕公告\n\n"
        "日期:112-05-06    資料來源:建設課\n\n" + BODY + "\n上版日期:112-05-06\n\nclose"
    )
    lost = gone(page)
    for line in ("選單開關", "列印[另開新視窗]", "日期:112-05-06    資料來源:建設課", "上版日期:112-05-06", "close"):
        assert line in lost, line
    assert "某鎮公所道路修繕公告" not in lost


def test_browser_advice_a_scraper_stamp_repeated_advert_labels_and_a_sites_pick_go() -> None:
    page = (
        " date 2024-02-03 為達最佳瀏覽效果，建議使用 Chrome 或 Firefox 瀏覽器。\n\n欢迎访问某某网,线上期刊服务咨询\n\n"
        "在寻找灵感吗?某某网为您精选了6篇社区工作总结,欢迎您的阅读与分享!\n\n" + BODY + "\n廣告 廣告\n"
    )
    out = kept(page)
    assert "瀏覽效果" not in out and "欢迎访问" not in out and "为您精选" not in out and "廣告" not in out
    assert "新建口袋公园3个" in out


def test_a_title_said_twice_stays() -> None:
    assert "工作总结 工作总结" not in gone("工作总结 工作总结\n" + BODY)


def test_an_editors_lead_in_that_closes_with_hope_this_helps_is_cut() -> None:
    text = "年终总结是对一年工作的回顾。本栏目,小编为大家收集整理了数篇年终工作总结,希望为您带来帮助!\n" + BODY
    out = kept(text)
    assert "小编" not in out and "年终总结是对一年工作的回顾。" in out


def test_a_long_field_between_page_fields_and_an_e_paper_slug_go() -> None:
    head = ["发布机构: 某镇 成文日期: 2021-03-11 发布日期: 2021-03-15",
            "标题: 某镇人民政府关于印发《某镇第十一届村民委员会换届选举工作方案》的通知", "主题分类: 人事工作 有效性:"]
    lost = gone("\n".join(head) + "\n\n" + BODY)
    assert set(head) <= set(lost)
    lost = gone("第一版:要闻版总第4492期 >2024-01-22编印\n\n某县人大会议开幕\n\n" + BODY)
    assert "第一版:要闻版总第4492期 >2024-01-22编印" in lost and "某县人大会议开幕" not in lost
