"""The checks step: missing numbers, sums and rates that do not add up, and other data problems."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportclean import Config, clean
from reportclean._checks import checks, rate_checks, sum_checks, value_checks
from reportclean._edits import Context, Proposal
from reportclean._model import Quantity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "in-the-wild"


def seed(name: str) -> Path:
    (path,) = FIXTURES.glob(f"{name}_*.txt")
    return path


def flags(text: str, code: str | None = None) -> list[tuple[str, str]]:
    """(code, flagged text) of every flag the step raises on ``text`` (with no quantities)."""
    return [
        (f.code, text[f.start : f.end])
        for f in checks(text, Context()).flags
        if code is None or f.code == code
    ]


# -- missing-number ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("共开展党委中心组学习 次、组织集中学习 4 次。", " 次"),
        ("全年完成率 %。", " %"),
        ("全年累计 万元", " 万元"),
        ("地区生产总值亿元,人均元。", "亿元"),
        ("2014年 月 日", " 月 日"),
        ("共开展党委中心组学习　次。", "　次"),  # raw ideographic space
        ("共开展党委中心组学习次，组织学习4次。", "次"),  # the number cut out with no space left
        ("建立临时党支部个，", "个"),
        ("完成率%，", "%"),
    ],
)
def test_missing_number(text: str, flagged: str) -> None:
    assert flags(text, "missing-number")[:1] == [("missing-number", flagged)]


@pytest.mark.parametrize(
    "text",
    [
        "购置万元以上设备。", "每次，", "多次，", "累计培训192 人次，", "144 户 192 人。", "提高层次，",
        "其次，", "优秀等次。", "各个，", "整个，", "出生年月日。", "2020 年 10 月 15 日", "8175 余家次，",
        "工 作 总 结", "增长5%。", "“十三五”规划，第一季度。", "第三单元。", "公元前。", "学习X次，",
        "这次，", "增长 5 %。", "填报单  位：", "\n姓    名：", "\n单    位：",
    ],
)  # fmt: skip
def test_not_missing_number(text: str) -> None:
    assert flags(text, "missing-number") == []


def test_seed_000_study_count_is_missing() -> None:
    r = clean(seed("000").read_bytes())
    hits = [w for w in r.warnings if w.code == "missing-number"]
    assert len(hits) == 1
    s, e = hits[0].original_span
    assert r.original[s - 2 : e] == "学习 次"


_NOUNS = ["共开展党委中心组学习", "累计开展督查考核", "建立临时党支部", "组织集中培训", "召开专题会议",
          "开展安全检查"]  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(_NOUNS),
    st.integers(min_value=1, max_value=99999).map(str),
    st.sampled_from(["次", "个", "%"]),
    st.sampled_from(["", " "]),
    st.sampled_from(["，", "。", "、"]),
)
def test_a_deleted_number_is_a_missing_number(noun: str, number: str, measure: str, space: str, tail: str) -> None:
    whole = f"二是加强学习。{noun}{space}{number}{space}{measure}{tail}"
    assert not [w for w in clean(whole).warnings if w.code == "missing-number"], whole
    cut = f"二是加强学习。{noun}{space}{space}{measure}{tail}"
    hits = [w for w in clean(cut).warnings if w.code == "missing-number"]
    assert len(hits) == 1, cut
    s, e = hits[0].original_span
    assert s <= len(f"二是加强学习。{noun}{space}{space}") < e


# -- other text checks ---------------------------------------------------------------------------


def test_empty_field() -> None:
    text = "举报成功免费赠送一年会员材料！\n会员群：                      免费QQ群：         \n"
    assert flags(text, "empty-field") == [("empty-field", "会员群："), ("empty-field", "免费QQ群：")]
    assert flags("联系人：张三\n主要做法如下：\n一是加强学习。", "empty-field") == []


def test_stray_number_seed_000() -> None:
    r = clean(seed("000").read_bytes())
    hits = [w for w in r.warnings if w.code == "stray-number"]
    assert [r.original[slice(*w.original_span)] for w in hits] == ["2"]
    s = hits[0].original_span[0]
    assert r.original[s - 8 : s + 6] == "招聘会 2 场，2 达成求职"


@pytest.mark.parametrize(
    "text", ["举办招聘会 2 场，3 家企业参加。", "拨打，110 报警。", "完成率，2019 年。", "共3场，5G网络。", "，4大片区"]
)
def test_not_stray_number(text: str) -> None:
    assert flags(text, "stray-number") == []


def test_duplicate_paragraph() -> None:
    para = "坚持以习近平新时代中国特色社会主义思想为指导，统筹推进各项工作。"
    text = f"{para}\n其他内容。\n  {para}\n短句。\n短句。\n"
    hits = [f for f in checks(text, Context()).flags if f.code == "duplicate-paragraph"]
    assert [(text[f.start : f.end], "paragraph 1" in f.message) for f in hits] == [(para, True)]


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("工作总结。\n加强组织领导，完善工作机制，推动各项工作落地落实，确保", True),
        ("工作总结。\n加强组织领导，完善工作机制，推动各项工作落地落实。\n", False),
        ("工作总结。\n加强组织领导，完善工作机制。\n\n西山街道办事处\n2023年12月31日\n", False),
        ("", False),
    ],
)
def test_truncated(text: str, cut: bool) -> None:
    assert bool(flags(text, "truncated")) is cut


def test_suspect_typo_seed_004_and_not_after_zi() -> None:
    r = clean(seed("004").read_bytes())
    assert [r.original[slice(*w.original_span)] for w in r.warnings if w.code == "suspect-typo"] == ["己立案"]
    assert flags("目前己完成，己经开展。", "suspect-typo") == [("suspect-typo", "己完成"), ("suspect-typo", "己经")]
    assert flags("依靠自己完成，自己经历，知己有之。", "suspect-typo") == []


# -- checks on quantities, with quantities built by hand -----------------------------------------

_UNITS = {"亿元": (Decimal(10**8), "CNY"), "万元": (Decimal(10**4), "CNY"), "万美元": (Decimal(10**4), "USD")}


def q(text: str, piece: str, after: int = 0, approximate: bool = False) -> Quantity:
    """The quantity written as ``piece`` in ``text`` (first at or after ``after``), as issue 6 gives it."""
    start = text.index(piece, after)
    m = re.match(r"-?\d+(?:\.\d+)?", piece)
    assert m, piece
    number, unit = m.group(), piece[m.end() :].strip()
    scale, canonical = _UNITS.get(unit, (Decimal(1), unit))
    return Quantity(piece, (start, start + len(piece)), Decimal(number) * scale, canonical, approximate=approximate)


def run(check: str, text: str, pieces: list[str]) -> list[tuple[str, str]]:
    qs, pos = [], 0
    for piece in pieces:
        qs.append(q(text, piece, pos))
        pos = qs[-1].span[1]
    out = Proposal()
    {"sum": sum_checks, "rate": rate_checks, "value": value_checks}[check](text, qs, out)
    return [(f.code, text[f.start : f.end]) for f in out.flags]


_002_SUM = (
    "阳光信访办理 95 件，其中国家信访局 7 件，省信访局 6 件，市信访局 35 件，区信访局 30 件，街内信访件 10 件；"
    "市区领导大接访 10 次，累计受理 10 件问题。"
)


def test_sum_seed_002_sentence_falls_short_of_its_total() -> None:
    assert _002_SUM in seed("002").read_text(encoding="utf-8")
    got = run("sum", _002_SUM, ["95 件", "7 件", "6 件", "35 件", "30 件", "10 件", "10 件"])
    assert got == [("sum-mismatch", _002_SUM[_002_SUM.index("95 件") : _002_SUM.index("；")])]


@pytest.mark.parametrize(
    ("text", "pieces", "flagged"),
    [
        # parts above the total: always wrong
        ("共接待 30 件，其中来信 10 件，来访 25 件。", ["30 件", "10 件", "25 件"], True),
        ("辖区共有 50 人，其中本地 60 人，外地 2 人。", ["50 人", "60 人", "2 人"], True),
        # parts that add up, to the rounding of their decimals
        ("共投入 9.9 万元，其中市级 3.3 万元，区级 3.3 万元，街道 3.3 万元。", ["9.9 万元", "3.3 万元", "3.3 万元", "3.3 万元"], False),  # noqa: E501
        ("总投资 10 亿元，其中市级 3.34 亿元，区级 3.33 亿元，街级 3.33 亿元。", ["10 亿元", "3.34 亿元", "3.33 亿元", "3.33 亿元"], False),  # noqa: E501
        # short, and the list is exhaustive: levels, a partition, a residual part
        ("共办理 100 件，其中已办结 80 件，正在办理 10 件。", ["100 件", "80 件", "10 件"], True),
        ("共 60 人，其中男 20 人，女 30 人。", ["60 人", "20 人", "30 人"], True),
        ("共 60 件，其中信访 20 件，其他 30 件。", ["60 件", "20 件", "30 件"], True),
        # short, and the list is a selection: fine
        ("共有企业 100 家，其中规上企业 20 家，高新企业 15 家，科技型企业 10 家。", ["100 家", "20 家", "15 家", "10 家"], False),  # noqa: E501
        ("共有企业 100 家，其中市级龙头企业 5 家、区级龙头企业 10 家。", ["100 家", "5 家", "10 家"], False),
        # seed 004: submitted 207, published in three outlets (not every level, not every piece)
        (
            "向上投稿党建信息207篇,其中鄂城基层党建刊发131篇,区融媒刊发3篇,省级平台刊发7篇。",
            ["207篇", "131篇", "3篇", "7篇"],
            False,
        ),
        # parts that may overlap, and parts of parts
        ("共有党员 120 人，其中女党员 40 人，35 岁以下 30 人，大专以上学历 90 人。", ["120 人", "40 人", "30 人", "90 人"], False),  # noqa: E501
        ("共 95 件，其中市级 50 件（含重点件 20 件），区级 45 件。", ["95 件", "50 件", "20 件", "45 件"], False),
        ("共 95 件，其中市级 50 件，含重点件 20 件，区级 45 件。", ["95 件", "50 件", "20 件", "45 件"], False),
        ("共 95 件，其中包括市级 50 件，区级 40 件。", ["95 件", "50 件", "40 件"], True),
        # a single part, an approximate total, a total in another sentence
        ("共 95 件，其中市级 50 件。", ["95 件", "50 件"], False),
        ("共 100 件。其中市级 50 件，区级 60 件。", ["100 件", "50 件", "60 件"], False),
    ],
)  # fmt: skip
def test_sum_rule(text: str, pieces: list[str], flagged: bool) -> None:
    assert bool(run("sum", text, pieces)) is flagged


def test_sum_skips_approximate_figures() -> None:
    text = "共 30 余件，其中来信 10 件，来访 25 件。"
    qs = [q(text, "30", approximate=True), q(text, "10 件"), q(text, "25 件")]
    out = Proposal()
    sum_checks(text, qs, out)
    assert out.flags == []


_002_RATES = (
    "规模以上工业总产值全年目标任务 73.5 亿元，增幅较 2018 年提高了 30%，今年预计完成 65 亿元，完成全年目标 88.4%。"
)
_004_RATE = "全街共排查各类矛盾纠纷287条,化解285条,化解率99%;"


def test_rates_in_seeds_002_and_004_are_consistent() -> None:
    assert _002_RATES in seed("002").read_text(encoding="utf-8")
    assert _004_RATE in seed("004").read_text(encoding="utf-8")
    assert run("rate", _002_RATES, ["73.5 亿元", "30%", "65 亿元", "88.4%"]) == []
    assert run("rate", _004_RATE, ["287条", "285条", "99%"]) == []


def test_rates_that_do_not_follow_are_flagged() -> None:
    wrong = _002_RATES.replace("88.4%", "80.4%")
    assert run("rate", wrong, ["73.5 亿元", "30%", "65 亿元", "80.4%"]) == [("rate-mismatch", "80.4%")]
    wrong = _004_RATE.replace("99%", "90%")
    assert run("rate", wrong, ["287条", "285条", "90%"]) == [("rate-mismatch", "90%")]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("全年目标任务 20 亿元，全年预计完成 20.9 亿元，完成年度目标的 104.5%。", ["20 亿元", "20.9 亿元", "104.5%"]),
        ("全年目标任务 1500 万美元，全年预计完成 1617 万美元，完成年度目标的 107.8%。", ["1500 万美元", "1617 万美元", "107.8%"]),  # noqa: E501
        ("共受理 3 件，办结 2 件，办结率 66.7%。", ["3 件", "2 件", "66.7%"]),
        ("共受理 3 件，办结 2 件，办结率 66%。", ["3 件", "2 件", "66%"]),  # truncated, not rounded
        # growth is not recomputed from neighbouring figures
        ("零售总额完成1.93亿元,固定资产投资完成19.34亿元,同比增加79.85%。", ["1.93亿元", "19.34亿元", "79.85%"]),
    ],
)  # fmt: skip
def test_rates_not_flagged(text: str, pieces: list[str]) -> None:
    assert run("rate", text, pieces) == []


def test_impossible_values() -> None:
    assert run("value", "公办园在园儿童数占比 120%，", ["120%"]) == [("impossible-value", "120%")]
    assert run("value", "垃圾分类参与率达 101%。", ["101%"]) == [("impossible-value", "101%")]
    assert run("value", "完成年度目标的 104.5%，完成率 120%，同比增长 150%。", ["104.5%", "120%", "150%"]) == []
    assert run("value", "新增就业 -5 人。", ["-5 人"]) == [("impossible-value", "-5 人")]
    assert run("value", "气温 -5 ℃。", ["-5 ℃"]) == []


# -- once the quantities step is merged: the same checks through clean() -------------------------

_QUANTITIES_MERGED = bool(clean("共95件").quantities)
needs_quantities = pytest.mark.skipif(
    not _QUANTITIES_MERGED, reason="the quantities step (issue 6) is not merged: clean('共95件').quantities is empty"
)


@needs_quantities
def test_seed_002_sum_is_flagged_through_clean() -> None:
    r = clean(seed("002").read_bytes())
    hits = [r.original[slice(*w.original_span)] for w in r.warnings if w.code == "sum-mismatch"]
    assert len(hits) == 1 and hits[0].startswith("95 件，其中国家信访局")


@needs_quantities
@pytest.mark.parametrize("name", ["002", "004"])
def test_consistent_rates_are_not_flagged_through_clean(name: str) -> None:
    r = clean(seed(name).read_bytes())
    assert [w for w in r.warnings if w.code in ("rate-mismatch", "impossible-value")] == []


@needs_quantities
def test_wrong_rate_is_flagged_through_clean() -> None:
    text = seed("004").read_text(encoding="utf-8").replace("化解率99%", "化解率90%")
    assert [w.code for w in clean(text).warnings if w.code == "rate-mismatch"] == ["rate-mismatch"]


def test_checks_off_raises_nothing() -> None:
    r = clean("共开展党委中心组学习 次、目前己立案。", Config(checks=False))
    assert [w for w in r.warnings if w.step == "checks"] == []


@pytest.mark.parametrize("piece", [" 次", "学习 ", "年 月 日", "，2 ", "会员群：  ", "己立案", "其中", "率%", "人均元"])
def test_long_repetitions_stay_linear(piece: str) -> None:
    checks(piece * 20_000, Context())  # would hang on catastrophic backtracking


def test_sum_when_quantity_spans_leave_the_unit_out() -> None:
    text = _002_SUM
    qs, pos = [], 0
    for number in ["95", "7", "6", "35", "30", "10"]:
        start = text.index(f"{number} 件", pos)
        qs.append(Quantity(number, (start, start + len(number)), Decimal(number), "件"))
        pos = start + len(number)
    out = Proposal()
    sum_checks(text, qs, out)
    assert [f.code for f in out.flags] == ["sum-mismatch"]


def test_date_with_blanks_after_the_spacing_step_joined_them() -> None:
    assert flags("2014年月日，", "missing-number") == [("missing-number", "月日")]
    assert flags("填写出生年月日。", "missing-number") == []


def test_a_template_with_every_figure_blank() -> None:
    # the shape of a scraped template: each figure left out, its measure word kept
    text = (
        "收缴参合基金 万元，参合率达 %。全年共接待来访群众 人次，接受上访信件 件，其中上级交办 件，"
        "结案 件，结案率达 %以上。指导调解纠纷 件，直接调解\n件，无重大纠纷。"
    )
    hits = sorted((f.start, text[f.start : f.end].strip()) for f in checks(text, Context()).flags)
    got = [t for _, t in hits]
    assert got == ["万元", "%", "人次", "件", "件", "件", "%", "件", "件"]


@pytest.mark.parametrize("text", ["开展，1对1帮扶。", "占，3成以上。", "位于，2楼会议室。", "全年，12 月份完成。"])
def test_bare_number_before_a_counting_word_is_not_stray(text: str) -> None:
    assert flags(text, "stray-number") == []


def test_attachment_list_at_the_end_is_not_truncated() -> None:
    assert flags("工作总结。\n附件：1.工作方案，2.统计表，3.人员名单汇总表", "truncated") == []


def test_rounding_allowance_reads_the_written_number() -> None:
    from reportclean._checks import _half_ulp

    def hu(text: str, value: str) -> Decimal:
        return _half_ulp(Quantity(text, (0, len(text)), Decimal(value), "CNY"))

    assert hu("73.5 亿元", "7350000000") == Decimal("5000000")
    assert hu("1,234 件", "1234") == Decimal("0")  # a whole count is exact
    assert hu("3万4000元", "34000") == Decimal("0")  # written out in full
    assert hu("九十五件", "95") == 0


_QTEXT = st.sampled_from(
    [*"共其中件人率完成目标化解占比，。；（）含 ", "95 件", "88.4%", "1,234 件", "73.5 亿元", "其中", "化解率"]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_QTEXT, max_size=40).map("".join),
    st.lists(
        st.tuples(
            st.integers(0, 200),
            st.integers(0, 8),
            st.decimals(min_value=-1000, max_value=10**9, allow_nan=False, places=2),
            st.sampled_from(["%", "件", "人", "CNY", "pp", None]),
            st.booleans(),
        ),
        max_size=12,
    ),
)
def test_quantity_checks_never_raise(text: str, raw: list[tuple[int, int, Decimal, str | None, bool]]) -> None:
    qs = []
    for start, length, value, unit, approx in raw:
        s = min(start, len(text))
        e = min(s + length, len(text))
        qs.append(Quantity(text[s:e], (s, e), value, unit, approximate=approx))
    out = checks(text, Context(tuple(qs)))
    for f in out.flags:
        assert 0 <= f.start <= f.end <= len(text)


def test_user_lexicons_add_typos_and_reject_unknown_roles(tmp_path: Path) -> None:
    from reportclean import LexiconError, load_lexicon

    typos = tmp_path / "typos.tsv"
    header = "# kind: typos\n# format: typo\tcorrection\tnot_after?\n# source: me\n"
    typos.write_text(header + "在坚持\t再坚持\n", encoding="utf-8")
    config = Config(lexicons=(load_lexicon(typos),))
    assert [w.code for w in clean("我们在坚持。", config).warnings] == ["suspect-typo"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("# kind: checks\n# format: word\trole\n# source: me\n占有率\tshares\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="role 'shares'"):
        clean("x", Config(lexicons=(load_lexicon(bad),)))


# -- issue 14: more gaps, blank years and ordinals, displaced digits ------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("今年街道为 位退役军人落实了安置。", " 位"),  # a verb, a space, a counter before its noun
        ("全年依法出清 户僵尸企业。", " 户"),
        ("镇卫生院添置 2 台彩超、 台全自动生化仪和 3 台监护仪。", " 台"),  # its siblings are counted
        ("村里已流转土地余亩，用于种植茶叶。", "余亩"),
        ("县届人大常委会第三次会议审议了该报告。", "届"),
        ("这是我们召开的第届职工代表大会。", "届"),
        ("各项工作稳步推进。年全镇实现农业总产值3亿元。", "年"),
        ("工业税收完成1200万元，是年的1.5倍。", "年"),
        ("鄉屆人大一次會議以來，各項工作穩步推進。", "屆"),  # traditional, read through the fold
    ],
)
def test_missing_number_issue_14(text: str, flagged: str) -> None:
    assert flags(text, "missing-number") == [("missing-number", flagged)]


@pytest.mark.parametrize(
    "text",
    [
        "每年为 个人缴纳医保。", "我们坚持为 人民服务。", "全镇有 项目落地。", "支援港、澳、台，", "其余人员轮岗。",
        "本届人大以来，历届政府和十五届人大。", "第一届运动会。", "年初制定计划，年底完成。", "当年全镇完成。",
        "今年全年逐年增长，同年度完成。", "次要矛盾。", "2019\n年全镇完成投资。", "剩余万元结转。", "业余时间。",
        "工 作 总 结", "为 位 于", "课余时间学习。", "历时月余，终于完工。",
    ],
)  # fmt: skip
def test_not_missing_number_issue_14(text: str) -> None:
    assert flags(text, "missing-number") == []


_VERBS = ["为", "帮助", "出清", "培训", "安置", "新增"]
_COUNTERS = [("位", "困难群众"), ("家", "企业"), ("户", "农户"), ("名", "学员"), ("台", "设备")]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_VERBS), st.sampled_from(_COUNTERS), st.integers(min_value=1, max_value=9999).map(str))
def test_a_blank_before_a_counter_is_flagged_and_a_number_clears_it(
    verb: str, counter: tuple[str, str], number: str
) -> None:
    word, noun = counter
    whole = f"今年，街道{verb} {number} {word}{noun}办理了手续。"
    assert flags(whole, "missing-number") == [], whole
    cut = f"今年，街道{verb}  {word}{noun}办理了手续。"
    assert [t.strip() for _, t in flags(cut, "missing-number")] == [word], cut


def test_digits_on_a_line_of_their_own_are_displaced_not_missing() -> None:
    text = "1998年，\n4\n3\n镇卫生院增添 2 台X光机、 台B超仪、 台心电图机。"
    assert flags(text, "missing-number") == []
    assert [t for _, t in flags(text, "displaced-number")] == [" 台", " 台"]
    far = "4\n一\n二\n三\n四\n镇卫生院增添 2 台X光机、 台B超仪。"
    assert [c for c, _ in flags(far) if c.endswith("-number")] == ["missing-number"]


def test_thousands_in_traditional_counts_are_no_stray_numbers() -> None:
    assert flags("本市住戶總數為2,345,678戶，較上年增加23,456戶。", "stray-number") == []
    assert flags("举办招聘会 2 场，2 达成意向。", "stray-number") == [("stray-number", "2")]


def test_lost_characters_on_a_text_of_question_marks() -> None:
    lost = "????????,?????2023?????,????5.2%?\n\n???????,??????????\n"
    assert [c for c, _ in flags("标题\n" + lost + "正常的一段话。")] == ["lost-characters"]
    assert flags("这是为什么????大家都不明白，请给出解释。", "lost-characters") == []


# -- issue 14: 分别为, 其中 against the figure just before it, a rate against its stated base ------


def test_respectively_against_an_earlier_stated_total() -> None:
    text = "年末全乡户籍人口为8000人。全乡4个村人口分别为1000人、2000人、3000人和1900人。"
    assert [c for c, _ in run("sum", text, ["8000人", "1000人", "2000人", "3000人", "1900人"])] == [
        "sum-mismatch"
    ]
    fine = text.replace("1900人", "2000人")
    assert run("sum", fine, ["8000人", "1000人", "2000人", "3000人", "2000人"]) == []
    # a selection: the words before 分别 do not name every part, so a shortfall is no mismatch
    some = "全镇共有企业80家。规上企业、高新企业分别为20家和15家。"
    assert run("sum", some, ["80家", "20家", "15家"]) == []
    # parts above the total are wrong whatever the words
    over = "全镇共有企业80家。规上企业、高新企业分别为60家和35家。"
    assert [c for c, _ in run("sum", over, ["80家", "60家", "35家"])] == ["sum-mismatch"]


def test_respectively_with_age_ranges_up_to_an_open_top() -> None:
    text = (
        "年末全县户籍人口为5000人。其中城镇人口2000人，乡村人口3000人；"
        "0-17岁、18-59岁、60岁及以上人口分别为900人、3000人和1000人。"
    )
    pieces = ["5000人", "2000人", "3000人", "900人", "3000人", "1000人"]
    assert [c for c, _ in run("sum", text, pieces)] == ["sum-mismatch"]


def test_qizhong_checks_the_total_just_before_it_passing_over_a_change() -> None:
    text = "全年受理120件，办结110件，其中调解60件，判决60件。"
    hits = run("sum", text, ["120件", "110件", "60件", "60件"])
    assert [c for c, _ in hits] == ["sum-mismatch"] and "110件" in hits[0][1]
    change = "常住人口50万人，比上年末增加1万人，其中城镇人口20万人，乡村人口30万人。"
    assert run("sum", change, ["50万人", "1万人", "20万人", "30万人"]) == []


def test_rate_against_its_stated_base() -> None:
    text = "实现税收2400万元，占全年任务3000万元的90%。"
    assert [c for c, _ in run("rate", text, ["2400万元", "3000万元", "90%"])] == ["rate-mismatch"]
    fine = text.replace("90%", "80%")
    assert run("rate", fine, ["2400万元", "3000万元", "80%"]) == []
    unnamed = "实现税收2400万元，占全县总量的12%。"  # no base written: nothing to recompute
    assert run("rate", unnamed, ["2400万元", "12%"]) == []


def test_issue_14_sums_and_rates_through_clean() -> None:
    r = clean("年末全乡户籍人口为8000人。全乡4个村人口分别为1000人、2000人、3000人和1900人。")
    assert [w.code for w in r.warnings] == ["sum-mismatch"]
    r = clean("实现税收2400万元，占全年任务3000万元的90%。")
    assert [w.code for w in r.warnings] == ["rate-mismatch"]
    r = clean("对新办企业给予1万（含）-5万元补助，2022年工作计划-22篇。")
    assert [w.code for w in r.warnings if w.code == "impossible-value"] == []


@pytest.mark.parametrize(
    "text", ["今年收入有 所提高，有 人反映办事难。", "在余家村召开现场会。", "与上年相比有 所下降。"]
)
def test_words_that_hold_a_counter_are_no_gap(text: str) -> None:
    assert flags(text, "missing-number") == []


def test_a_verb_straight_before_a_counter_at_a_clause_end() -> None:
    # the number and the line break after the verb were lost, then the lines joined
    other = "培训调解员 次。"  # another blank in the document
    hits = flags(other + "全年依法受理件，办结件。", "missing-number")
    assert [t for _, t in hits] == [" 次", "件", "件"]
    assert flags("全年依法受理件，办结件。", "missing-number") == []  # no other blank: not read
    assert flags(other + "全年受理信访件，", "missing-number") == [("missing-number", " 次")]  # 信访件: a noun
    for fine in ["引进投资人，", "实行计件，", "市财政及经济发展处，", "设立便民服务台，", "开展专题讲座，", "查处，"]:
        assert flags(other + fine, "missing-number") == [("missing-number", " 次")], fine


def test_a_heading_number_before_a_counter_is_no_list_item() -> None:
    text = "比上年增长3%。\n三、户别人口\n全市共有家庭户20000户，集体户500户。"
    assert flags(text, "missing-number") == []
    assert flags("购置2台电脑、 台打印机。", "missing-number") == [("missing-number", " 台")]


# -- missing-number, issue 14 second round: end gaps and stripped templates (our own sentences) --


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("全年完成固定资产投资达 ，其中工业投资3亿元。", " "),
        ("年末全镇常住人口共 。", " "),
        ("农民人均可支配收入比上年增长 。", " "),
        ("社会消费品零售总额同比下降 ，降幅收窄。", " "),
        ("某村位于镇区东部，距镇政府公里。", "公里"),
    ],
)
def test_end_gap_and_distance(text: str, flagged: str) -> None:
    assert ("missing-number", flagged) in flags(text, "missing-number")


@pytest.mark.parametrize(
    "text",
    [
        "全镇经济持续增长 。",  # no comparison asks for a figure
        "镇区交通四通八达 。",
        "全年收入总共 ，",
        "某村距镇政府三公里，距县城数公里。",
        "累计完成疫苗接种xx万剂次，同比增长xx%。",  # a template's stand-in is the figure
        "家家户户人人参与垃圾分类。",
        "全镇面积较大，人口较多。",
    ],
)
def test_not_an_end_gap(text: str) -> None:
    assert flags(text, "missing-number") == []


def test_a_stripped_template_has_its_zero_width_blanks_flagged() -> None:
    text = (
        "某乡距县城公里，区域面积平方公里，下辖个行政村，个村民小组，居住着汉、苗等个民族的群众万人。"
        "全乡有脱贫户户人。共有驻村工作队支，队员人。"
    )
    got = [f for _, f in flags(text, "missing-number")]
    assert got.count("公里") == 1 and "平方公里" in got and "万人" in got and "支" in got
    assert got.count("个") == 3 and got.count("户") == 1 and got.count("人") == 2


def test_zero_width_counters_alone_are_not_flagged() -> None:
    # no other blank in the document: the weakest evidence is not read
    assert flags("全乡下辖个别村组实行轮值，共有个人独资企业12家。", "missing-number") == []


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet="收入支出达共增长工作村镇年月日，。、 ", max_size=40))
def test_end_gaps_need_a_space_before_the_punctuation(text: str) -> None:
    from reportclean._gaps import _end_gaps

    found: list[int] = []
    _end_gaps(text, lambda s, e, lo: found.append(s))
    assert all(text[s] in " \u3000" for s in found)


def test_a_verb_of_change_before_a_blank_needs_no_comparison_in_a_stripped_document() -> None:
    got = [f for _, f in flags("全年财政收入增长 。固定资产投资达 ，工业产值下降 。", "missing-number")]
    assert got.count(" ") == 3
    assert flags("全镇经济持续增长 。", "missing-number") == []
