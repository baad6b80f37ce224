"""Hypothesis strategies and assertions for testing report cleaning.

Install with ``pip install reportclean[testing]``. This module imports
hypothesis at the top and is never imported by :mod:`reportclean` itself.

- :func:`report_texts`: report-like Chinese text (headings, quantities in many
  spellings, Chinese numerals, fixed expressions).
- :func:`dirty_reports`: :class:`DirtyCase` values: report text with known
  noise applied (encodings, mojibake, watermarks, footers, full-width digits,
  page-break cuts, converter spaces, placeholders …), the text cleaning must
  give back and the warning codes it must raise.
- :func:`numerals`: pairs of a numeral string and its :class:`~decimal.Decimal` value.
- :func:`assert_faithful` and :func:`assert_no_warnings`: assertions about a
  :class:`~reportclean.CleanResult`.
- :data:`NOISE_KINDS` and :data:`KIND_CODES`: the noise kinds and the warning
  codes each must raise.

See ``docs/testing.md`` for a complete test against your own corpus.

>>> import reportclean
>>> s = "共开展学习\\u200b4次。"
>>> assert_faithful(s, reportclean.clean(s))
>>> assert_no_warnings(reportclean.clean(s))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from hypothesis import strategies as st

from ._model import SEVERITIES, CleanResult, Severity

__all__ = [
    "KIND_CODES",
    "NOISE_KINDS",
    "DirtyCase",
    "assert_faithful",
    "assert_no_warnings",
    "dirty_reports",
    "numerals",
    "report_texts",
]

# ---------------------------------------------------------------------------------
# Vocabulary. Generator material, not cleaning rules: the steps never read it.
# Canonical forms only (Arabic digits with measure words, Chinese punctuation,
# no spaces), and protected expressions exactly as the numbers issue lists them.
# ---------------------------------------------------------------------------------

_PLACES = ("东湖", "柏泉", "慈惠", "新沟", "西山", "南岗", "城关", "青山", "龙泉", "金桥")
_UNITS = ("街道", "镇", "街道办事处")
_TOPICS = (
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "深入学习贯彻党的十九大和十九届五中全会精神",
    "认真落实“十四五”规划各项任务",
    "推动“十三五”规划圆满收官",
    "牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”",
    "严格落实“三会一课”制度",
    "认真执行“三重一大”决策制度",
    "全面落实“一岗双责”",
    "积极融入“一带一路”建设",
    "统筹推进“五位一体”总体布局",
    "大力发展“一村一品”特色产业",
    "扎实做好“三农”工作",
    "对违纪违法行为保持零容忍",
    "及时传达学习全国两会精神",
    "组织党员干部下沉一线",
    "第一时间回应群众诉求",
    "坚持问题导向和目标导向相统一",
    "主要负责同志切实履行一把手职责",
)
_CLAUSES = (
    "确保各项工作落到实处",
    "群众满意度持续提升",
    "有效维护了社会和谐稳定",
    "营商环境持续优化",
    "基层治理能力不断增强",
    "党建引领作用充分发挥",
    "辖区环境面貌明显改善",
    "为经济社会发展提供了坚强保障",
    "形成了上下联动的工作格局",
    "各项指标与预期目标基本一致",
    "目前已完成整改",
    "相关问题线索已立案查处",
    "年度重点任务已经全部完成",
)
_LEADS = ("全年", "截至目前", "今年以来", "全街道", "辖区内", "我街道", "本年度")
_COUNT_ITEMS = (
    ("开展专题学习", "次"),
    ("召开党委中心组学习会", "次"),
    ("走访慰问困难群众", "户"),
    ("新增市场主体", "家"),
    ("组织志愿服务活动", "场"),
    ("排查整改安全隐患", "处"),
    ("办理群众来信来访", "件"),
    ("实施重点项目", "个"),
    ("帮助辖区居民就业", "人"),
    ("发放宣传资料", "份"),
    ("化解矛盾纠纷", "起"),
    ("改造老旧小区", "个"),
    ("发展新党员", "名"),
    ("解决群众急难愁盼问题", "件"),
)
_COUNT_UNITS = frozenset(unit for _, unit in _COUNT_ITEMS)
_MONEY_ITEMS = (
    ("完成固定资产投资", "亿元"),
    ("实现招商引资到位资金", "亿元"),
    ("实现社会消费品零售总额", "亿元"),
    ("争取上级专项资金", "万元"),
    ("发放各类救助金", "万元"),
    ("完成税收收入", "万元"),
    ("实现外贸出口", "万美元"),
)
_AREA_ITEMS = (
    ("完成征收土地", "亩"),
    ("新增绿化面积", "m²"),
    ("拆除违法建筑", "m²"),
    ("新建污水管网", "km"),
)
_HEADINGS = (
    "坚持党建引领",
    "统筹疫情防控和经济社会发展",
    "聚焦民生保障",
    "持续优化营商环境",
    "加强基层社会治理",
    "推进城市精细化管理",
    "全力抓好安全生产",
    "存在的问题和不足",
    "下一步工作打算",
)
_MEETINGS = ("召开工作推进会", "召开党工委扩大会议", "召开安全生产专题会")
_ORDINALS = "一二三四五六七八九十"
# Spellings that cleaning does not make canonical: only in report_texts(canonical=False).
_EXTRAS = (
    "建成4#-7#楼安置房",
    "接待群众1200-1500人",
    "二〇二三年",
    "增幅达到百分之八",
    "建成5G基站",
    "推进IPv6改造",
    "推行“1+2+N”工作法",
    "新建绿道13KM",
    "完成2019--2020年度考核",
    "年收入租金15万",
    "新增绿地5万平方米",
    "完成拆违23960.1 m²",
    "实现利用外资1617 万美元",
)
# Traditional → simplified, one to one in OpenCC.
_TRADITIONAL = dict(zip("经济区会务实设进项动开现专题导发", "經濟區會務實設進項動開現專題導發", strict=True))

# Noise material.
_SITES = ("百度文库", "道客巴巴", "豆丁网", "原创力文档", "人人文库", "淘文库", "360docs")
_SHOPS = ("笔杆子文苑", "公文写作帮", "材料之家", "范文精选", "文秘资料库")
_PROVINCES = ("鄂", "京", "粤", "苏", "浙", "川")
# A bare "3/10" is removed only when another page says the same total, and a lone
# number line only in a run of them (the boilerplate step is precision first):
# "{n}/{m}" is injected at least twice, and lone numbers are not injected.
_PAGE_NUMBERS = ("- {n} -", "第{n}页 共{m}页", "第 {n} 页 共 {m} 页", "第{n}页 / 共{m}页", "{n}/{m}")
_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}

#: Every noise kind :func:`dirty_reports` knows, simplest first.
NOISE_KINDS: tuple[str, ...] = (
    "encoding",
    "mixed-encoding",
    "width",
    "punctuation",
    "spaces",
    "markdown",
    "page-break",
    "page-numbers",
    "watermark",
    "footer",
    "mojibake",
    "lost-characters",
    "traditional",
    "numerals",
    "units",
    "placeholder",
    "missing-number",
    "doubled-character",
    "duplicate",
    "truncated",
    "typo",
    "sum-mismatch",
    "rate-mismatch",
    "impossible-value",
)

#: The warning codes each noise kind must raise (kinds not listed raise none).
KIND_CODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "mojibake": frozenset({"mojibake-repaired"}),
        "lost-characters": frozenset({"lost-characters"}),
        "traditional": frozenset({"traditional-chars"}),
        "placeholder": frozenset({"placeholder"}),
        "missing-number": frozenset({"missing-number"}),
        "doubled-character": frozenset({"doubled-character"}),
        "duplicate": frozenset({"duplicate-paragraph"}),
        "truncated": frozenset({"truncated"}),
        "typo": frozenset({"suspect-typo"}),
        "sum-mismatch": frozenset({"sum-mismatch"}),
        "rate-mismatch": frozenset({"rate-mismatch"}),
        "impossible-value": frozenset({"impossible-value"}),
    }
)

_HANZI = re.compile(r"[\u3400-\u9fff]")
_WS = re.compile(r"\s+")


# ---------------------------------------------------------------------------------
# Numerals
# ---------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"
_UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "十", "百", "千")
_UPPER_SMALL = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿")


def _section(n: int, digits: str, small: tuple[str, ...]) -> str:
    """0 < n < 10000 in Chinese, zeros inside written once as 零."""
    out = ""
    zero = False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(out)
        else:
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + small[pos]
    return out


def _chinese_int(n: int, upper: bool = False) -> str:
    """A non-negative integer below 10**12 in Chinese numerals (``3500`` → ``三千五百``)."""
    digits, small = (_UPPER_DIGITS, _UPPER_SMALL) if upper else (_DIGITS, _SMALL)
    if n == 0:
        return digits[0]
    groups = [n // 10 ** (4 * i) % 10**4 for i in range(3)]
    out = ""
    gap = False
    for i in (2, 1, 0):
        g = groups[i]
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += digits[0]
        out += _section(g, digits, small) + _BIG[i]
        gap = False
    if not upper and out.startswith("一十"):
        out = out[1:]
    return out


def _chinese(value: Decimal, upper: bool = False) -> str:
    """A Decimal in Chinese numerals, the fraction read digit by digit after 点."""
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    out = _chinese_int(int(whole), upper)
    if frac:
        table = _UPPER_DIGITS if upper else _DIGITS
        out += "点" + "".join(table[int(c)] for c in frac)
    return out


def _plain(value: Decimal) -> str:
    """A Decimal as plain Arabic digits without trailing zeros (``12.50`` → ``12.5``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _decimal(whole: int, places: int) -> Decimal:
    return Decimal(whole).scaleb(-places) if places else Decimal(whole)


_NUMERAL_FORMS = ("arabic", "grouped", "fullwidth", "chinese", "upper", "liang", "year", "mixed")


@st.composite
def _numeral(draw: st.DrawFn, forms: tuple[str, ...]) -> tuple[str, Decimal]:
    form = draw(st.sampled_from(forms))
    if form == "year":
        year = draw(st.integers(1900, 2099))
        zero = draw(st.sampled_from("〇○零"))
        return "".join(zero if c == "0" else _DIGITS[int(c)] for c in str(year)), Decimal(year)
    if form == "mixed":
        shape = draw(st.sampled_from(("wan", "wan-rest", "yi-of-wan")))
        if shape == "wan":  # 1.2万, 12.62亿
            places = draw(st.integers(0, 2))
            value = _decimal(draw(st.integers(1, 99999)), places)
            unit, scale = draw(st.sampled_from((("万", 4), ("亿", 8))))
            return _plain(value) + unit, value.scaleb(scale)
        if shape == "wan-rest":  # 3万4000
            a, rest = draw(st.integers(1, 9999)), draw(st.integers(1000, 9999))
            return f"{a}万{rest}", Decimal(a * 10**4 + rest)
        k = draw(st.integers(1, 10**8 - 1))  # 一万五千亿
        return _chinese_int(k) + "亿", Decimal(k) * 10**8
    if form == "liang":  # 两百, 两千三百, 两万
        scale = draw(st.sampled_from((100, 1000, 10**4)))
        whole = 2 * scale + draw(st.integers(0, scale - 1))
        return "两" + _chinese_int(whole)[1:], Decimal(whole)
    places = draw(st.integers(0, 2)) if form != "upper" else 0
    limit = 10**12 - 1 if form in ("chinese", "upper") else 10**15
    value = _decimal(draw(st.integers(0, limit)), places)
    if form == "arabic":
        return _plain(value), value
    if form == "fullwidth":
        return "".join(_FULLWIDTH[c] for c in _plain(value)), value
    if form == "grouped":
        head, dot, frac = _plain(value).partition(".")
        return f"{int(head):,}" + dot + frac, value
    value = value.normalize() if value else Decimal(0)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return _chinese(value, upper=form == "upper"), value


def numerals(*, forms: Iterable[str] | None = None) -> st.SearchStrategy[tuple[str, Decimal]]:
    """Pairs of a numeral expression and its value, e.g. ``("三千五百", Decimal(3500))``.

    ``forms`` chooses the spellings (all by default): ``arabic`` (``12.5``),
    ``grouped`` (``1,100``), ``fullwidth`` (``１２．５``), ``chinese``
    (``一百零一``, ``十二点五``), ``upper`` (``壹佰零壹``), ``liang``
    (``两千三百``), ``year`` (digit by digit: ``二〇二三``) and ``mixed``
    (``1.2万``, ``3万4000``, ``一万五千亿``). Percentages (``百分之八``) are
    left out: whether they mean 8 or 0.08 is the caller's convention.

    Shrinks towards ``("0", Decimal("0"))``: the first form, then smaller values.
    """
    chosen = _NUMERAL_FORMS if forms is None else tuple(forms)
    unknown = [f for f in chosen if f not in _NUMERAL_FORMS]
    if unknown or not chosen:
        raise ValueError(f"numerals(forms=...) takes a non-empty selection of {_NUMERAL_FORMS}, got {chosen!r}")
    return _numeral(chosen)


# ---------------------------------------------------------------------------------
# Report texts: a document is paragraphs of segments, each with the text as it
# stands in the data and as cleaning must give it back.
# ---------------------------------------------------------------------------------


@dataclass
class _Seg:
    data: str
    clean: str
    role: str  # word, qty, date, punct, stop, head, brk
    number: str = ""  # qty: the Arabic number in the clean text
    unit: str = ""  # qty: the unit after it
    touched: bool = False
    check: bool = False  # the clean text around this segment must appear verbatim


def _word(text: str) -> _Seg:
    return _Seg(text, text, "word")


def _punct(mark: str) -> _Seg:
    return _Seg(mark, mark, "punct")


def _qty(number: str, unit: str) -> _Seg:
    return _Seg(number + unit, number + unit, "qty", number, unit)


@dataclass
class _Para:
    segs: list[_Seg]
    role: str  # title, heading, body, junk
    touched: bool = False

    @property
    def clean(self) -> str:
        return "".join(s.clean for s in self.segs)

    @property
    def data(self) -> str:
        return "".join(s.data for s in self.segs)


@dataclass
class _Doc:
    paras: list[_Para]
    sep: str
    codes: set[str] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)

    def bodies(self, fresh: bool = False) -> list[int]:
        return [i for i, p in enumerate(self.paras) if p.role == "body" and not (fresh and p.touched)]


def _draw_number(draw: st.DrawFn, unit: str) -> str:
    if unit in ("亿元",):
        return _plain(_decimal(draw(st.integers(50, 9999)), 2))
    if unit in ("万元", "万美元"):
        return _plain(_decimal(draw(st.integers(10, 99999)), draw(st.integers(0, 1))))
    if unit == "亩":
        return _plain(_decimal(draw(st.integers(100, 99999)), 2))
    if unit == "m²":
        return _plain(_decimal(draw(st.integers(10, 99999)), draw(st.integers(0, 1))))
    if unit == "km":
        return _plain(_decimal(draw(st.integers(5, 999)), 1))
    if unit == "%":
        return _plain(_decimal(draw(st.integers(1, 500)), 1))
    if unit == "个百分点":
        return _plain(_decimal(draw(st.integers(1, 99)), 1))
    return str(draw(st.integers(3, 5000)))


@st.composite
def _sentence(draw: st.DrawFn, place: str, year: int, extras: bool) -> list[_Seg]:
    shape = draw(st.sampled_from(("topic", "count", "money", "area", "enum", "date")))
    end = [_Seg("。", "。", "stop")]
    if shape == "topic":
        return [_word(draw(st.sampled_from(_TOPICS))), _punct("，"), _word(draw(st.sampled_from(_CLAUSES))), *end]
    if shape == "enum":
        n = draw(st.integers(2, 3))
        clauses = draw(st.lists(st.sampled_from(_CLAUSES), min_size=n, max_size=n, unique=True))
        segs: list[_Seg] = []
        for i, c in enumerate(clauses):
            if i:
                segs.append(_punct("；"))
            segs.append(_word(_ORDINALS[i] + "是" + c))
        return segs + end
    if shape == "date":
        m, d = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        date = f"{year}年{m}月{d}日"
        return [_Seg(date, date, "date"), _punct("，"), _word(place + draw(st.sampled_from(_MEETINGS))),
                _punct("，"), _word(draw(st.sampled_from(_CLAUSES))), *end]  # fmt: skip
    lead = draw(st.sampled_from(_LEADS)) + draw(st.sampled_from(("共", "累计")))
    if shape == "count":
        item, unit = draw(st.sampled_from(_COUNT_ITEMS))
        approx = draw(st.sampled_from(("", "", "约", "近")))
        segs = [_word(lead + item + approx), _qty(_draw_number(draw, unit), unit)]
    elif shape == "money":
        item, unit = draw(st.sampled_from(_MONEY_ITEMS))
        rise, runit = draw(st.sampled_from((("同比增长", "%"), ("同比提高", "个百分点"))))
        segs = [_word(lead + item), _qty(_draw_number(draw, unit), unit), _punct("，"),
                _word(rise), _qty(_draw_number(draw, runit), runit)]  # fmt: skip
    else:
        item, unit = draw(st.sampled_from(_AREA_ITEMS))
        segs = [_word(lead + item), _qty(_draw_number(draw, unit), unit)]
    if extras and draw(st.booleans()):
        segs += [_punct("，"), _word(draw(st.sampled_from(_EXTRAS)))]
    return [*segs, _punct("，"), _word(draw(st.sampled_from(_CLAUSES))), *end]


@st.composite
def _paragraph(draw: st.DrawFn, place: str, year: int, extras: bool) -> list[list[_Seg]]:
    return draw(st.lists(_sentence(place, year, extras), min_size=1, max_size=3))


@st.composite
def _document(draw: st.DrawFn, max_sections: int, extras: bool = False) -> _Doc:
    place = draw(st.sampled_from(_PLACES)) + draw(st.sampled_from(_UNITS))
    year = draw(st.integers(2015, 2024))
    title = f"{place}{year}年工作总结" + draw(st.sampled_from(("", f"和{year + 1}年工作计划")))
    paras = [_Para([_Seg(title, title, "head")], "title")]
    n = draw(st.integers(1, max_sections))
    headings = draw(st.lists(st.sampled_from(_HEADINGS), min_size=n, max_size=n, unique=True))
    seen: set[str] = set()  # a repeated sentence or paragraph is a finding of its own
    number = 0
    for heading in headings:
        sub = draw(st.sampled_from([h for h in _HEADINGS if h != heading])) if number and draw(st.booleans()) else ""
        body = []
        for sentences in draw(st.lists(_paragraph(place, year, extras), min_size=1, max_size=3)):
            segs = []
            for sentence in sentences:
                text = "".join(x.clean for x in sentence)
                if text not in seen:
                    seen.add(text)
                    segs += sentence
            if segs:
                body.append(_Para(segs, "body"))
        if not body:
            continue
        mark = _ORDINALS[number] + "、"
        number += 1
        paras.append(_Para([_Seg(mark + heading, mark + heading, "head")], "heading"))
        if sub:
            paras.append(_Para([_Seg("（一）" + sub, "（一）" + sub, "head")], "heading"))
        paras += body
    return _Doc(paras, draw(st.sampled_from(("\n\n", "\n"))))


def _render(doc: _Doc) -> tuple[str, str, tuple[str, ...]]:
    """The data, the clean text and the pieces the clean text must contain."""
    data = doc.sep.join(p.data for p in doc.paras if p.data)
    pieces: list[str] = []
    checks: list[tuple[int, int]] = []
    for p in doc.paras:
        if not p.clean:
            continue
        if pieces:
            pieces.append(doc.sep)
        pos = sum(len(x) for x in pieces)
        for s in p.segs:
            if s.check:
                checks.append((pos, pos + len(s.clean)))
            pos += len(s.clean)
        pieces.append(p.clean)
    clean = "".join(pieces)
    contains = []
    for a, b in checks:
        left = _WS.split(clean[max(0, a - 3) : a])[-1]
        right = _WS.split(clean[b : b + 3])[0]
        contains.append(left + clean[a:b] + right)
    return data, clean, tuple(contains)


_SPELLINGS = ("canonical", "chinese", "fullwidth", "spaced", "unit")


def _respell(draw: st.DrawFn, seg: _Seg, how: str) -> bool:
    """Write a quantity or date segment in a non-canonical spelling; False if it has none."""
    if how == "chinese":
        if seg.role != "qty" or "." in seg.number or int(seg.number) < 3 or seg.unit in ("%", "个百分点", "km", "m²"):
            return False
        if seg.unit in _COUNT_UNITS:  # a count stays in Chinese numerals (Config(numerals="measures"))
            return False
        if seg.unit[0] in "万亿" and int(seg.number) >= 10000:  # 一万万元 is written 1亿元
            return False
        seg.data = _chinese_int(int(seg.number)) + seg.unit
    elif how == "fullwidth":
        seg.data = "".join(_FULLWIDTH[c] if c.isascii() and (c.isalnum() or c == ".") else c for c in seg.clean)
    elif how == "spaced":
        if seg.role == "date":
            seg.data = re.sub(r"(?<=\d)(?=[年月日])|(?<=[年月])(?=\d)", " ", seg.clean)
        elif seg.role == "qty" and _HANZI.match(seg.unit):
            seg.data = " " + seg.number + " " + seg.unit
        else:
            return False
    elif how == "unit":
        if seg.unit == "m²":
            seg.data = seg.number + draw(st.sampled_from(("㎡", "m2", "平米")))
        elif seg.unit == "km":
            seg.data = seg.number + "KM"
        else:
            return False
    else:
        return False
    seg.touched = True
    return True


@st.composite
def _report_text(draw: st.DrawFn, canonical: bool, max_sections: int) -> str:
    doc = _document(max_sections, extras=not canonical)
    d = draw(doc)
    if not canonical:
        for p in d.paras:
            for s in p.segs:
                if s.role in ("qty", "date"):
                    _respell(draw, s, draw(st.sampled_from(_SPELLINGS)))
                elif s.role == "punct" and draw(st.integers(0, 4)) == 0:
                    s.data = {"，": ",", "；": ";"}[s.data]
            if p.role == "body" and draw(st.booleans()):
                p.segs.insert(0, _Seg("\u3000\u3000", "", "word"))
    return _render(d)[0]


def report_texts(*, canonical: bool = False, max_sections: int = 3) -> st.SearchStrategy[str]:
    """Report-like Chinese text: a title, numbered headings and paragraphs.

    Headings are written ``一、``, ``（一）``; paragraphs hold enumerations
    (``一是``), dates, quantities (``12.62亿元``, ``3500万元``, ``235.85亩``,
    ``23960.1m²``, ``8.5%``, ``2.3个百分点``), protected expressions
    (``十三五``, ``一带一路``, ``两个维护``, ``第一时间`` …) and ordinary clauses.

    With ``canonical=False`` (the default) quantities come in every spelling a
    report may use: Chinese numerals (``三千五百万元``), full-width digits,
    converter spaces (``2020 年``), ``㎡``/``m2``/``平米``/``KM``, plus ranges,
    building numbers, ``百分之八``, ``二〇二三年``, ``5G``, full-width-space
    indentation and ASCII commas. With ``canonical=True`` the text is written
    the way cleaning writes it, so a correct cleaner gives it back unchanged
    and finds nothing wrong with it.

    Shrinks towards a title line followed by ``一、`` with one heading and a
    one-sentence paragraph without numbers.
    """
    if not 1 <= max_sections <= len(_HEADINGS):
        raise ValueError(f"report_texts(max_sections=...) must be between 1 and {len(_HEADINGS)}, got {max_sections}")
    return _report_text(canonical, max_sections)


# ---------------------------------------------------------------------------------
# Dirty reports
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirtyCase:
    """Report data with known noise, and what cleaning must make of it.

    ``data`` is ``bytes`` when the ``encoding`` noise was applied, else ``str``.
    ``clean_text`` is the text cleaning must give back: compare it with
    whitespace removed (how paragraphs are separated is the cleaner's choice).
    ``expected_codes`` are warning codes cleaning must raise (it may raise more).
    ``contains`` are pieces the clean text must contain verbatim, whitespace
    included (``144户`` where the data had ``144 户``); ``kinds`` are the noise
    kinds applied, in order.
    """

    data: str | bytes
    clean_text: str
    expected_codes: frozenset[str]
    kinds: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()


def _segs(doc: _Doc, roles: tuple[str, ...], fresh: bool = True) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, p in enumerate(doc.paras)
        if p.role in ("body", "title", "heading")
        for j, s in enumerate(p.segs)
        if s.role in roles and not (fresh and s.touched)
    ]


def _pick(draw: st.DrawFn, items: list[tuple[int, int]], most: int = 2) -> list[tuple[int, int]]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=1, max_size=most, unique=True))


def _add_paragraph(doc: _Doc, segs: list[_Seg]) -> int:
    """Insert a body paragraph after the last body paragraph; its index."""
    bodies = doc.bodies()
    at = bodies[-1] + 1 if bodies else len(doc.paras)
    doc.paras.insert(at, _Para(segs, "body"))
    return at


def _touch(doc: _Doc, i: int, j: int | None = None) -> None:
    doc.paras[i].touched = True
    if j is not None:
        doc.paras[i].segs[j].touched = True


def _noise_spelling(how: str) -> Callable[[st.DrawFn, _Doc], bool]:
    def apply(draw: st.DrawFn, doc: _Doc) -> bool:
        roles = ("qty", "date") if how in ("fullwidth", "spaced") else ("qty",)
        candidates = [(i, j) for i, j in _segs(doc, roles) if _respell(draw, _copy(doc.paras[i].segs[j]), how)]
        if not candidates and how == "unit":
            item, unit = draw(st.sampled_from(_AREA_ITEMS[1:]))
            i = _add_paragraph(doc, [_word("全年累计" + item), _qty(_draw_number(draw, unit), unit),
                                     _Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        if not candidates and how == "chinese":  # an amount in whole 万元 (counts stay in Chinese numerals)
            item, unit = draw(st.sampled_from([x for x in _MONEY_ITEMS if x[1] == "万元"]))
            i = _add_paragraph(doc, [_word("全年共" + item), _qty(str(draw(st.integers(3, 9999))), unit),
                                     _Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        if not candidates:
            item, unit = draw(st.sampled_from(_COUNT_ITEMS))
            i = _add_paragraph(doc, [_word("全年共" + item), _qty(_draw_number(draw, unit), unit),
                                     _Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        for i, j in _pick(draw, candidates, 3):
            seg = doc.paras[i].segs[j]
            _respell(draw, seg, how)
            if how == "spaced":
                seg.check = True
            _touch(doc, i)
        return True

    return apply


def _copy(seg: _Seg) -> _Seg:
    return _Seg(seg.data, seg.clean, seg.role, seg.number, seg.unit)


def _noise_width(draw: st.DrawFn, doc: _Doc) -> bool:
    _noise_spelling("fullwidth")(draw, doc)
    if draw(st.booleans()):  # Latin in a report sentence, e.g. ＧＤＰ
        word = draw(st.sampled_from(("GDP", "APP", "PPP")))
        wide = "".join(_FULLWIDTH[c] for c in word)
        i = _add_paragraph(doc, [_Seg(f"全面推进{wide}项目建设", f"全面推进{word}项目建设", "word", touched=True),
                                 _Seg("。", "。", "stop")])  # fmt: skip
        _touch(doc, i)
    return True


def _noise_punctuation(draw: st.DrawFn, doc: _Doc) -> bool:
    candidates = []
    for i, p in enumerate(doc.paras):
        for j, s in enumerate(p.segs):
            if s.role == "punct" and not s.touched and 0 < j < len(p.segs) - 1:
                before, after = p.segs[j - 1].clean, p.segs[j + 1].clean
                if before and after and _HANZI.match(before[-1]) and _HANZI.match(after[0]):
                    candidates.append((i, j))
    heads = [(i, 0) for i, p in enumerate(doc.paras) if p.role == "heading" and p.segs[0].clean.startswith("（")]
    if not candidates and not heads:
        i = _add_paragraph(doc, [_word(draw(st.sampled_from(_TOPICS))), _punct("，"),
                                 _word(draw(st.sampled_from(_CLAUSES))), _Seg("。", "。", "stop")])  # fmt: skip
        candidates = [(i, 1)]
    for i, j in _pick(draw, candidates + heads, 3):
        seg = doc.paras[i].segs[j]
        if seg.role == "head":
            seg.data = "(" + seg.clean[1:].replace("）", ")", 1)
        else:
            seg.data = {"，": ",", "；": ";"}[seg.clean]
        seg.touched = True
        _touch(doc, i)
    return True


def _noise_markdown(draw: st.DrawFn, doc: _Doc) -> bool:
    heads = [i for i, p in enumerate(doc.paras) if p.role == "heading" and not p.touched]
    heads = heads or [i for i, p in enumerate(doc.paras) if p.role == "heading"]
    for i in draw(st.lists(st.sampled_from(heads), min_size=1, max_size=2, unique=True)):
        seg = doc.paras[i].segs[0]
        hashes = draw(st.sampled_from(("#", "##", "###")))
        seg.data = hashes + " " + (f"**{seg.clean}**" if draw(st.booleans()) else seg.clean)
        _touch(doc, i, 0)
    return True


def _cut_points(doc: _Doc) -> list[tuple[int, int, int]]:
    """Places to cut a body paragraph: inside a word, between two hanzi, not near its start."""
    out = []
    for i in doc.bodies():
        p = doc.paras[i]
        pos = 0
        for j, s in enumerate(p.segs):
            if s.role == "word" and not s.touched and s.clean == s.data:
                for k in range(max(3, 20 - pos), len(s.clean) - 2):
                    a, b = s.clean[k - 1], s.clean[k]
                    if (
                        _HANZI.match(a)
                        and _HANZI.match(b)
                        and a != s.clean[k - 2]
                        and a != b
                        and b not in _ORDINALS + "是第"
                    ):
                        out.append((i, j, k))
            pos += len(s.clean)
    return out


def _split_word(doc: _Doc, i: int, j: int, k: int, brk: _Seg) -> None:
    p = doc.paras[i]
    s = p.segs[j]
    left = _Seg(s.clean[:k], s.clean[:k], "word", touched=True)
    right = _Seg(s.clean[k:], s.clean[k:], "word", touched=True)
    p.segs[j : j + 1] = [left, brk, right]
    p.touched = True


def _long_paragraph(draw: st.DrawFn, doc: _Doc) -> None:
    _add_paragraph(doc, [_word(draw(st.sampled_from(_TOPICS))), _punct("，"),
                         _word(draw(st.sampled_from(_CLAUSES[:10]))), _Seg("。", "。", "stop")])  # fmt: skip


def _cuts(draw: st.DrawFn, doc: _Doc, fresh: bool = False) -> list[tuple[int, int, int]]:
    """Cut points (in paragraphs no noise touched yet if ``fresh``); adds a long paragraph if there are none."""
    frozen = {id(p) for p in doc.paras if fresh and p.touched}
    points = [c for c in _cut_points(doc) if id(doc.paras[c[0]]) not in frozen]
    if not points:  # two clauses after a topic: the second starts past 20 characters
        _add_paragraph(doc, [_word(draw(st.sampled_from(_TOPICS))), _punct("，"), _word(_CLAUSES[0]), _punct("，"),
                             _word(_CLAUSES[1]), _Seg("。", "。", "stop")])  # fmt: skip
        points = [c for c in _cut_points(doc) if id(doc.paras[c[0]]) not in frozen]
    return points


#: How a converter marks a page break inside a paragraph: the form feed is the evidence that
#: the layout step needs to join the two parts (a bare blank line is not).
_PAGE_BREAKS = ("\n\f", "\f", "\n\f\n", "\f\n\n")


def _noise_page_break(draw: st.DrawFn, doc: _Doc) -> bool:
    i, j, k = draw(st.sampled_from(_cuts(draw, doc)))
    _split_word(doc, i, j, k, _Seg(draw(st.sampled_from(_PAGE_BREAKS)), "", "brk", touched=True, check=True))
    return True


def _noise_doubled(draw: st.DrawFn, doc: _Doc) -> bool:
    i, j, k = draw(st.sampled_from(_cuts(draw, doc, fresh=True)))  # a duplicate must stay one
    ch = doc.paras[i].segs[j].clean[k - 1]
    brk = draw(st.sampled_from(_PAGE_BREAKS))
    _split_word(doc, i, j, k, _Seg(brk + ch, ch, "brk", touched=True, check=True))
    return True


def _junk(text: str) -> _Para:
    return _Para([_Seg(text, "", "junk", touched=True)], "junk", touched=True)


def _noise_page_numbers(draw: st.DrawFn, doc: _Doc) -> bool:
    gaps = [i for i in range(2, len(doc.paras) + 1) if doc.paras[i - 1].role == "body"]
    if not gaps:
        _long_paragraph(draw, doc)
        gaps = [i for i in range(2, len(doc.paras) + 1) if doc.paras[i - 1].role == "body"]
    fmt = draw(st.sampled_from(_PAGE_NUMBERS))
    least = 2 if fmt == "{n}/{m}" else 1
    if len(gaps) < least:
        return False
    chosen = sorted(draw(st.lists(st.sampled_from(gaps), min_size=least, max_size=3, unique=True)), reverse=True)
    total = len(chosen) + draw(st.integers(1, 30))
    for n, at in zip(range(len(chosen) + 1, 1, -1), chosen, strict=False):
        doc.paras.insert(at, _junk(fmt.format(n=n, m=total)))
    return True


def _watermark(draw: st.DrawFn) -> str:
    site, shop = draw(st.sampled_from(_SITES)), draw(st.sampled_from(_SHOPS))
    qq = str(draw(st.integers(10**7, 10**10)))
    form = draw(st.integers(0, 7))
    if form == 0:
        return " ".join(draw(st.permutations(("仅供学习", "禁止外传", "用后删除"))))
    if form == 5:
        return f"已阅读{draw(st.integers(1, 5))}页，还剩{draw(st.integers(6, 40))}页未读"
    return (
        "",
        "【会员资料仅供内部交流使用，严禁外传及用于商业用途，违者后果自负】",
        f"{shop}整理，获取完整版资料请联系QQ{qq}",
        f"本文由{shop}整理，更多精品范文请关注微信公众号{shop}",
        f"本文档下载自{site}，下载后可编辑",
        "",
        "版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报",
        f"更多资料请关注公众号“{shop}”，会员群：{qq}",
    )[form]


def _noise_watermark(draw: st.DrawFn, doc: _Doc) -> bool:
    where = draw(st.lists(st.sampled_from(("top", "bottom", "inline")), min_size=1, max_size=3, unique=True))
    for w in where:
        text = _watermark(draw)
        if w == "top":
            doc.paras.insert(draw(st.sampled_from((0, 1))), _junk(text))
        elif w == "bottom":
            doc.paras.append(_junk(text))
        else:
            stops = [(i, j) for i, j in _segs(doc, ("stop",), fresh=False) if j < len(doc.paras[i].segs) - 1]
            if not stops:
                i = _add_paragraph(doc, [_word(draw(st.sampled_from(_TOPICS))), _Seg("。", "。", "stop"),
                                         _word(draw(st.sampled_from(_CLAUSES))), _Seg("。", "。", "stop")])  # fmt: skip
                stops = [(i, 1)]
            i, j = draw(st.sampled_from(stops))
            if not text.startswith("【"):
                # inside a paragraph, in 【】: a bare sentence spliced into a paragraph is
                # kept unless its markers cover most of it (precision first; see the
                # known failures of the boilerplate step), so it is not generated here
                text = f"【{text}】"
            doc.paras[i].segs.insert(j + 1, _Seg(text, "", "junk", touched=True))
            _touch(doc, i)
    return True


def _footer_line(draw: st.DrawFn, place: str) -> str:
    prov = draw(st.sampled_from(_PROVINCES))
    n = draw(st.integers(10**7, 10**8 - 1))
    strong = (
        f"{prov}ICP备{n}号",
        f"{prov}公网安备 {n}{draw(st.integers(100000, 999999))}号",
        f"网站标识码：{draw(st.integers(10**9, 10**10 - 1))}",
        f"Copyright © {draw(st.integers(2010, 2024))} {place}人民政府 版权所有",
        "网站地图 | 联系我们",
        "【字体：大 中 小】 打印本页 关闭窗口",
        "扫一扫在手机打开当前页",
        "设为首页 | 加入收藏 | 无障碍阅读",
    )
    weak = (f"主办单位：{place}人民政府办公室", f"承办单位：{place}政务服务中心", "技术支持：政府网站运维中心",
            f"点击量：{draw(st.integers(1, 99999))}", f"访问量：{draw(st.integers(1, 99999))}")  # fmt: skip
    parts = draw(st.lists(st.sampled_from(strong), min_size=1, max_size=3, unique=True))
    parts += draw(st.lists(st.sampled_from(weak), max_size=2, unique=True))
    return draw(st.sampled_from(("  ", " ", " | "))).join(draw(st.permutations(parts)))


def _noise_footer(draw: st.DrawFn, doc: _Doc) -> bool:
    place = draw(st.sampled_from(_PLACES)) + "区"
    for _ in range(draw(st.integers(1, 2))):
        doc.paras.append(_junk(_footer_line(draw, place)))
    return True


def _mojibake(text: str, codec: str) -> str | None:
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None


def _noise_mojibake(draw: st.DrawFn, doc: _Doc) -> bool:
    targets = [i for i, p in enumerate(doc.paras) if p.role in ("title", "body") and not p.touched]
    if not targets:
        _long_paragraph(draw, doc)
        targets = [doc.bodies()[-1]]
    i = draw(st.sampled_from(targets))
    p = doc.paras[i]
    codecs = draw(st.permutations(("gbk", "cp1252", "latin-1")))
    bad = next(b for b in (_mojibake(p.data, c) for c in (*codecs, "latin-1")) if b is not None)
    doc.paras[i] = _Para([_Seg(bad, p.clean, "word", touched=True)], p.role, touched=True)
    return True


def _noise_lost(draw: st.DrawFn, doc: _Doc) -> bool:
    words = [(i, j) for i, j in _segs(doc, ("word",)) if len(doc.paras[i].segs[j].clean) >= 6]
    if not words:
        _long_paragraph(draw, doc)
        words = [(i, j) for i, j in _segs(doc, ("word",)) if len(doc.paras[i].segs[j].clean) >= 6]
    i, j = draw(st.sampled_from(words))
    s = doc.paras[i].segs[j]
    lost = draw(st.sampled_from(("锟斤拷", "锟斤拷锟斤拷", "烫烫烫", "屯屯屯", "\ufffd\ufffd")))
    k = draw(st.integers(1, len(s.clean) - 4))
    text = s.clean[:k] + lost + s.clean[k + 2 :]
    s.data = s.clean = text
    _touch(doc, i, j)
    return True


def _noise_traditional(draw: st.DrawFn, doc: _Doc) -> bool:
    words = [(i, j) for i, j in _segs(doc, ("word",)) if any(c in _TRADITIONAL for c in doc.paras[i].segs[j].clean)]
    if not words:
        _add_paragraph(doc, [_word("统筹推进经济社会发展"), _punct("，"), _word(draw(st.sampled_from(_CLAUSES))),
                             _Seg("。", "。", "stop")])  # fmt: skip
        words = [(i, j) for i, j in _segs(doc, ("word",)) if any(c in _TRADITIONAL for c in doc.paras[i].segs[j].clean)]
    for i, j in _pick(draw, words, 2):
        s = doc.paras[i].segs[j]
        spots = [k for k, c in enumerate(s.clean) if c in _TRADITIONAL]
        k = draw(st.sampled_from(spots))
        s.data = s.clean[:k] + _TRADITIONAL[s.clean[k]] + s.clean[k + 1 :]
        _touch(doc, i, j)
    return True


def _count_sentence(draw: st.DrawFn, doc: _Doc) -> list[tuple[int, int]]:
    qtys = [(i, j) for i, j in _segs(doc, ("qty",)) if doc.paras[i].segs[j].unit not in ("%", "个百分点")]
    if qtys:
        return qtys
    item, unit = draw(st.sampled_from(_COUNT_ITEMS))
    i = _add_paragraph(doc, [_word("全年共" + item), _qty(_draw_number(draw, unit), unit), _Seg("。", "。", "stop")])
    return [(i, 1)]


def _noise_placeholder(draw: st.DrawFn, doc: _Doc) -> bool:
    for i, j in _pick(draw, _count_sentence(draw, doc), 2):
        s = doc.paras[i].segs[j]
        latin = not _HANZI.match(s.unit)  # Xm², not xkm; no Ｘ, which is the width step's business
        mark = draw(st.sampled_from(("X", "XX", "××") if latin else ("X", "XX", "××", "x")))
        s.data = s.clean = mark + s.unit
        _touch(doc, i, j)
    return True


def _noise_missing(draw: st.DrawFn, doc: _Doc) -> bool:
    candidates = [(i, j) for i, j in _count_sentence(draw, doc) if _HANZI.match(doc.paras[i].segs[j].unit)]
    if not candidates:
        item, unit = draw(st.sampled_from(_COUNT_ITEMS))
        i = _add_paragraph(doc, [_word("全年共" + item), _qty("3", unit), _Seg("。", "。", "stop")])
        candidates = [(i, 1)]
    i, j = draw(st.sampled_from(candidates))
    s = doc.paras[i].segs[j]
    s.data = s.clean = " " + s.unit
    _touch(doc, i, j)
    return True


def _noise_duplicate(draw: st.DrawFn, doc: _Doc) -> bool:
    bodies = [i for i in doc.bodies() if len(doc.paras[i].clean) >= 20]
    if not bodies:
        _long_paragraph(draw, doc)
        bodies = [doc.bodies()[-1]]
    i = draw(st.sampled_from(bodies))
    p = doc.paras[i]
    p.touched = True
    copy = _Para([_copy(s) for s in p.segs], "body", touched=True)
    for s in copy.segs:
        s.touched = True
    doc.paras.insert(draw(st.sampled_from(range(i + 1, len(doc.paras) + 1))), copy)
    return True


def _noise_truncated(draw: st.DrawFn, doc: _Doc) -> bool:
    clause = draw(st.sampled_from(_CLAUSES))
    k = draw(st.integers(2, len(clause) - 1))
    topic = draw(st.sampled_from(_TOPICS))
    doc.paras.append(_Para([_word(topic), _punct("，"), _Seg(clause[:k], clause[:k], "word", touched=True)],
                           "body", touched=True))  # fmt: skip
    return True


def _noise_typo(draw: st.DrawFn, doc: _Doc) -> bool:
    words = [(i, j) for i, j in _segs(doc, ("word",)) if "已" in doc.paras[i].segs[j].clean]
    if not words:
        clause = draw(st.sampled_from([c for c in _CLAUSES if "已" in c]))
        i = _add_paragraph(doc, [_word(draw(st.sampled_from(_TOPICS))), _punct("，"), _word(clause),
                                 _Seg("。", "。", "stop")])  # fmt: skip
        words = [(i, 2)]
    i, j = draw(st.sampled_from(words))
    s = doc.paras[i].segs[j]
    s.data = s.clean = s.clean.replace("已", "己", 1)
    _touch(doc, i, j)
    return True


def _flagged_sentence(draw: st.DrawFn, doc: _Doc, text: str) -> bool:
    _add_paragraph(doc, [_Seg(text, text, "word", touched=True), _Seg("。", "。", "stop")])
    doc.paras[doc.bodies()[-1]].touched = True
    return True


def _noise_sum(draw: st.DrawFn, doc: _Doc) -> bool:
    parts = draw(st.lists(st.integers(1, 200), min_size=2, max_size=4))
    total = draw(st.integers(max(1, sum(parts) // 2), sum(parts) - 1)) if sum(parts) > 2 else 1
    names = ("来信", "来访", "网上信访", "电话投诉")
    body = "、".join(f"{n}{v}件" for n, v in zip(names, parts, strict=False))
    return _flagged_sentence(draw, doc, f"全年共受理群众信访{total}件，其中{body}")


def _noise_rate(draw: st.DrawFn, doc: _Doc) -> bool:
    total = draw(st.integers(50, 1000))
    done = draw(st.integers(total // 2, total))
    stated = Decimal(done * 100) / Decimal(total) - draw(st.integers(5, 30))  # at least 20 since done >= total/2
    text = f"排查矛盾纠纷{total}条，化解{done}条，化解率{_plain(stated.quantize(Decimal('0.1')))}%"
    return _flagged_sentence(draw, doc, text)


def _noise_impossible(draw: st.DrawFn, doc: _Doc) -> bool:
    word = draw(st.sampled_from(("覆盖率", "参与率", "占比")))
    value = _plain(_decimal(draw(st.integers(1010, 3000)), 1))
    return _flagged_sentence(draw, doc, f"辖区垃圾分类{word}达到{value}%")


_NOISES: dict[str, Callable[[st.DrawFn, _Doc], bool]] = {
    # content first, then spelling, then layout, then insertions, then bytes
    "sum-mismatch": _noise_sum,
    "rate-mismatch": _noise_rate,
    "impossible-value": _noise_impossible,
    "typo": _noise_typo,
    "lost-characters": _noise_lost,
    "placeholder": _noise_placeholder,
    "missing-number": _noise_missing,
    "duplicate": _noise_duplicate,
    "numerals": _noise_spelling("chinese"),
    "units": _noise_spelling("unit"),
    "width": _noise_width,
    "punctuation": _noise_punctuation,
    "spaces": _noise_spelling("spaced"),
    "traditional": _noise_traditional,
    "markdown": _noise_markdown,
    "truncated": _noise_truncated,
    "doubled-character": _noise_doubled,
    "page-break": _noise_page_break,
    "page-numbers": _noise_page_numbers,
    "watermark": _noise_watermark,
    "footer": _noise_footer,
    "mojibake": _noise_mojibake,
}
if set(_NOISES) | {"encoding", "mixed-encoding"} != set(NOISE_KINDS):  # a programming error here
    raise RuntimeError(f"every noise kind needs an injector: {sorted(set(NOISE_KINDS) - set(_NOISES))}")


@st.composite
def _dirty(draw: st.DrawFn, kinds: tuple[str, ...], max_kinds: int, max_sections: int) -> DirtyCase:
    chosen = set(draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=max_kinds, unique=True)))
    doc = draw(_document(max_sections))
    applied = []
    for kind, noise in _NOISES.items():
        if kind in chosen and noise(draw, doc):
            applied.append(kind)
            doc.codes |= KIND_CODES.get(kind, frozenset())
    data, clean, contains = _render(doc)
    out: str | bytes = data
    if "mixed-encoding" in chosen:  # concatenated sources: some lines UTF-8, some GB18030
        lines = [p.data for p in doc.paras if p.data]
        gbk = [len(_HANZI.findall(line)) >= 8 for line in lines]  # too few hanzi and the bytes cannot tell
        if not any(gbk):
            lines.append(_TOPICS[0] + "。")
            clean += doc.sep + lines[-1]
            gbk.append(True)
        picks = [draw(st.booleans()) and g for g in gbk]
        if not any(picks):
            picks[gbk.index(True)] = True
        if all(picks):
            picks[0] = False
        out = doc.sep.encode().join(
            line.encode("gb18030" if g else "utf-8") for line, g in zip(lines, picks, strict=True)
        )
        applied.append("mixed-encoding")
    elif "encoding" in chosen:
        out = data.encode(draw(st.sampled_from(("utf-8", "gb18030", "utf-8-sig", "utf-16"))))
        applied.append("encoding")
    return DirtyCase(out, clean, frozenset(doc.codes), tuple(applied), contains)


def dirty_reports(
    *, kinds: Iterable[str] | None = None, max_kinds: int = 1, max_sections: int = 3
) -> st.SearchStrategy[DirtyCase]:
    """Report texts with known noise: :class:`DirtyCase` values.

    Each case applies between one and ``max_kinds`` of ``kinds`` (default: all
    of :data:`NOISE_KINDS`) to a :func:`report_texts` document written in
    canonical form:

    - ``encoding``: the text as bytes in UTF-8, UTF-8 with BOM, GB18030 or UTF-16;
      ``mixed-encoding``: some lines UTF-8, some GB18030 (concatenated sources);
    - ``mojibake``: a paragraph's UTF-8 bytes read as GBK, cp1252 or Latin-1
      (``mojibake-repaired``); ``lost-characters``: ``锟斤拷``, ``烫烫烫``,
      U+FFFD runs, kept in the text and flagged;
    - ``watermark``: reseller watermarks and adverts at the top, the bottom and
      between two sentences of a paragraph (as a sentence or in 【】); ``footer``: government-site footer
      lines at the end; ``page-numbers``: ``- 3 -``, ``第3页 共10页`` … lines
      between paragraphs — all removed;
    - ``width``: full-width digits and Latin (``２０２３``, ``ＧＤＰ``);
      ``punctuation``: ASCII ``,`` ``;`` between hanzi and ``(一)`` headings;
      ``spaces``: converter spaces (``2020 年``, ``144 户``); ``markdown``:
      ``#`` and ``**`` around headings; ``page-break``: a paragraph cut in the
      middle of a word by a blank line; ``doubled-character``: the same, with the
      character before the cut repeated after it (kept and flagged);
    - ``traditional``: stray traditional characters (``經``);
      ``numerals``: amounts in Chinese numerals (``三千五百万元`` → ``3500万元``;
      counts stay as written, as the numerals step leaves them);
      ``units``: ``㎡``, ``m2``, ``平米`` → ``m²``, ``KM`` → ``km``;
    - flagged and kept: ``placeholder`` (``X``/``XX``/``××`` for a number),
      ``missing-number`` (``学习 次``), ``duplicate`` (a paragraph twice),
      ``truncated`` (the text ends mid-sentence), ``typo`` (``己完成``),
      ``sum-mismatch`` (parts above their total), ``rate-mismatch`` (a rate
      that its values contradict), ``impossible-value`` (a share above 100%).

    Shrinks towards a single noise kind (the first of ``kinds`` in
    :data:`NOISE_KINDS` order) applied once to the smallest
    :func:`report_texts` document.
    """
    chosen = NOISE_KINDS if kinds is None else tuple(kinds)
    unknown = sorted(set(chosen) - set(NOISE_KINDS))
    if unknown or not chosen:
        raise ValueError(
            f"dirty_reports(kinds=...) takes a non-empty selection of {NOISE_KINDS}, got {unknown or chosen}"
        )
    if max_kinds < 1:
        raise ValueError(f"dirty_reports(max_kinds=...) must be at least 1, got {max_kinds}")
    ordered = tuple(k for k in NOISE_KINDS if k in chosen)
    return _dirty(ordered, max_kinds, max_sections)


# ---------------------------------------------------------------------------------
# Assertions
# ---------------------------------------------------------------------------------


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The non-whitespace characters of ``text`` outside ``spans``, with their offsets."""
    out: list[tuple[int, str]] = []
    pos = 0
    for a, b in [*spans, (len(text), len(text))]:
        out.extend((pos + k, c) for k, c in enumerate(text[pos:a]) if not c.isspace())
        pos = max(pos, b)
    return out


def assert_faithful(original: str | bytes, result: CleanResult) -> None:
    """Assert that cleaning lost nothing silently and invented nothing.

    Every non-whitespace character of the input is accounted for: it stands in
    the clean text (unchanged text maps by offset), or inside a ``Removal``, or
    inside a ``Change``. The check is exact: the input outside removals and
    changes, whitespace aside, equals the clean text outside the changes'
    spans. It also checks that each removal's and change's text is what its
    ``original_span`` points at. ``original`` is the ``str`` given to
    ``clean``; for ``bytes`` the decoded text (``result.original``) is used.

    Raises ``AssertionError`` naming the first character that went missing.
    """
    if isinstance(original, (bytes, bytearray, memoryview)):
        source = result.original
    elif isinstance(original, str):
        source = original
        if result.original != source:  # not `assert`: python -O must not strip the check
            raise AssertionError("this result is not the result of cleaning this text")
    else:
        raise TypeError(f"assert_faithful() takes the str or bytes given to clean(), got {type(original).__name__}")
    text, n, m = result.text, len(source), len(result.text)
    for r in result.removed:
        a, b = r.original_span
        if not (0 <= a <= b <= n):
            raise AssertionError(f"removal span {r.original_span} outside the input (length {n}): {r}")
        if source[a:b] != r.text:
            raise AssertionError(f"removal {r.rule!r} says {r.text!r} but its span holds {source[a:b]!r}")
        if not (r.rule and r.reason):
            raise AssertionError(f"removal of {r.text!r} has no rule or reason")
    for c in result.changes:
        a, b = c.original_span
        if not (0 <= a <= b <= n):
            raise AssertionError(f"change span {c.original_span} outside the input (length {n}): {c}")
        if source[a:b] != c.original:
            raise AssertionError(f"change {c.rule!r} says {c.original!r} but its span holds {source[a:b]!r}")
        if not (0 <= c.span[0] <= c.span[1] <= m):
            raise AssertionError(f"change span {c.span} outside the clean text (length {m}): {c}")
    accounted = [r.original_span for r in result.removed] + [c.original_span for c in result.changes]
    kept = _outside(source, _union(accounted))
    shown = _outside(text, _union(c.span for c in result.changes))
    for x, y in zip(kept, shown, strict=False):
        if x[1] != y[1]:
            p, q = x[0], y[0]
            raise AssertionError(
                f"input character {x[1]!r} at {p} ({source[max(0, p - 10) : p + 10]!r}) is neither in the clean "
                f"text (found {y[1]!r} at {q}: {text[max(0, q - 10) : q + 10]!r}) nor in a removal or change"
            )
    if len(kept) > len(shown):
        p = kept[len(shown)][0]
        raise AssertionError(f"input text from {p} ({source[p : p + 20]!r}) is missing from the clean text "
                             "and from every removal and change")  # fmt: skip
    if len(shown) > len(kept):
        q = shown[len(kept)][0]
        raise AssertionError(f"clean text from {q} ({text[q : q + 20]!r}) comes from no input text and no change")


def assert_no_warnings(result: CleanResult, allow: Iterable[str] = (), *, min_severity: Severity = "info") -> None:
    """Assert that cleaning raised no warning, except codes in ``allow``.

    Only warnings at least as severe as ``min_severity`` (``info``,
    ``warning``, ``error``) count. Raises ``AssertionError`` listing each
    warning with its code, severity, message and the text it points at.
    """
    if isinstance(allow, str):
        raise TypeError(f"allow= takes a collection of codes, e.g. allow={{{allow!r}}}, not a str")
    if min_severity not in SEVERITIES:
        raise ValueError(f"min_severity must be one of {SEVERITIES}, got {min_severity!r}")
    allowed = set(allow)
    floor = SEVERITIES.index(min_severity)
    bad = [w for w in result.warnings if w.code not in allowed and SEVERITIES.index(w.severity) >= floor]
    if bad:
        lines = [
            f"  {w.code} ({w.severity}) at {w.span}: {w.message} — {result.text[w.span[0] : w.span[1]][:40]!r}"
            for w in bad
        ]
        raise AssertionError(f"{len(bad)} unexpected warning(s):\n" + "\n".join(lines))
