"""Noise: the kinds :func:`dirty_reports` knows, one injector per kind, and the strategy."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from hypothesis import strategies as st

from ._documents import (
    Doc,
    Para,
    Seg,
    add_paragraph,
    copy_seg,
    cut_points,
    draw_number,
    junk_para,
    outline_of,
    punct_seg,
    qty_seg,
    render,
    report_documents,
    respell,
    seg_indices,
    split_word,
    touch,
    word_seg,
)
from ._numerals import make_decimal, plain
from ._vocabulary import (
    AREA_ITEMS,
    CLAUSES,
    COUNT_ITEMS,
    FULLWIDTH,
    HANZI,
    MONEY_ITEMS,
    PAGE_NUMBERS,
    PLACES,
    PROVINCES,
    SHOPS,
    SITES,
    TOPICS,
    TRADITIONAL,
)

__all__ = ["KIND_CODES", "NOISE_KINDS", "DirtyCase", "dirty_reports"]

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


@dataclass(frozen=True)
class DirtyCase:
    """Report data with known noise, and what cleaning must make of it.

    ``data`` is ``bytes`` when the ``encoding`` noise was applied, else ``str``.
    ``clean_text`` is the text cleaning must give back: compare it with
    whitespace removed (how paragraphs are separated is the cleaner's choice).
    ``expected_codes`` are warning codes cleaning must raise (it may raise more).
    ``contains`` are pieces the clean text must contain verbatim, whitespace
    included (``144户`` where the data had ``144 户``); ``kinds`` are the noise
    kinds applied, in order. ``outline`` is the outline the report was written with,
    ``(level, label, title)`` per heading, which ``[(h.level, h.label, h.title) for h in
    clean(data).outline]`` must equal.
    """

    data: str | bytes
    clean_text: str
    expected_codes: frozenset[str]
    kinds: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    outline: tuple[tuple[int, str, str], ...] = ()


def _pick(draw: st.DrawFn, items: list[tuple[int, int]], most: int = 2) -> list[tuple[int, int]]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=1, max_size=most, unique=True))


def _noise_spelling(how: str) -> Callable[[st.DrawFn, Doc], bool]:
    def apply(draw: st.DrawFn, doc: Doc) -> bool:
        roles = ("qty", "date") if how in ("fullwidth", "spaced") else ("qty",)
        candidates = [(i, j) for i, j in seg_indices(doc, roles) if respell(draw, copy_seg(doc.paras[i].segs[j]), how)]
        if not candidates and how == "unit":
            item, unit = draw(st.sampled_from(AREA_ITEMS[1:]))
            i = add_paragraph(doc, [word_seg("全年累计" + item), qty_seg(draw_number(draw, unit), unit),
                                    Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        if not candidates and how == "chinese":  # an amount in whole 万元 (counts stay in Chinese numerals)
            item, unit = draw(st.sampled_from([x for x in MONEY_ITEMS if x[1] == "万元"]))
            i = add_paragraph(doc, [word_seg("全年共" + item), qty_seg(str(draw(st.integers(3, 9999))), unit),
                                    Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        if not candidates:
            item, unit = draw(st.sampled_from(COUNT_ITEMS))
            i = add_paragraph(doc, [word_seg("全年共" + item), qty_seg(draw_number(draw, unit), unit),
                                    Seg("。", "。", "stop")])  # fmt: skip
            candidates = [(i, 1)]
        for i, j in _pick(draw, candidates, 3):
            seg = doc.paras[i].segs[j]
            respell(draw, seg, how)
            if how == "spaced":
                seg.check = True
            touch(doc, i)
        return True

    return apply


def _noise_width(draw: st.DrawFn, doc: Doc) -> bool:
    _noise_spelling("fullwidth")(draw, doc)
    if draw(st.booleans()):  # Latin in a report sentence, e.g. ＧＤＰ
        word = draw(st.sampled_from(("GDP", "APP", "PPP")))
        wide = "".join(FULLWIDTH[c] for c in word)
        i = add_paragraph(doc, [Seg(f"全面推进{wide}项目建设", f"全面推进{word}项目建设", "word", touched=True),
                                Seg("。", "。", "stop")])  # fmt: skip
        touch(doc, i)
    return True


def _noise_punctuation(draw: st.DrawFn, doc: Doc) -> bool:
    candidates = []
    for i, p in enumerate(doc.paras):
        for j, s in enumerate(p.segs):
            if s.role == "punct" and not s.touched and 0 < j < len(p.segs) - 1:
                before, after = p.segs[j - 1].clean, p.segs[j + 1].clean
                if before and after and HANZI.match(before[-1]) and HANZI.match(after[0]):
                    candidates.append((i, j))
    heads = [(i, 0) for i, p in enumerate(doc.paras) if p.role == "heading" and p.segs[0].clean.startswith("（")]
    if not candidates and not heads:
        i = add_paragraph(doc, [word_seg(draw(st.sampled_from(TOPICS))), punct_seg("，"),
                                word_seg(draw(st.sampled_from(CLAUSES))), Seg("。", "。", "stop")])  # fmt: skip
        candidates = [(i, 1)]
    for i, j in _pick(draw, candidates + heads, 3):
        seg = doc.paras[i].segs[j]
        if seg.role == "head":
            seg.data = "(" + seg.clean[1:].replace("）", ")", 1)
        else:
            seg.data = {"，": ",", "；": ";"}[seg.clean]
        seg.touched = True
        touch(doc, i)
    return True


def _noise_markdown(draw: st.DrawFn, doc: Doc) -> bool:
    heads = [i for i, p in enumerate(doc.paras) if p.role == "heading" and not p.touched]
    heads = heads or [i for i, p in enumerate(doc.paras) if p.role == "heading"]
    for i in draw(st.lists(st.sampled_from(heads), min_size=1, max_size=2, unique=True)):
        seg = doc.paras[i].segs[0]
        hashes = draw(st.sampled_from(("#", "##", "###")))
        seg.data = hashes + " " + (f"**{seg.clean}**" if draw(st.booleans()) else seg.clean)
        touch(doc, i, 0)
    return True


def _long_paragraph(draw: st.DrawFn, doc: Doc) -> None:
    add_paragraph(doc, [word_seg(draw(st.sampled_from(TOPICS))), punct_seg("，"),
                        word_seg(draw(st.sampled_from(CLAUSES[:10]))), Seg("。", "。", "stop")])  # fmt: skip


def _cuts(draw: st.DrawFn, doc: Doc, fresh: bool = False) -> list[tuple[int, int, int]]:
    """Cut points (in paragraphs no noise touched yet if ``fresh``); adds a long paragraph if there are none."""
    frozen = {id(p) for p in doc.paras if fresh and p.touched}
    points = [c for c in cut_points(doc) if id(doc.paras[c[0]]) not in frozen]
    if not points:  # two clauses after a topic: the second starts past 20 characters
        add_paragraph(doc, [word_seg(draw(st.sampled_from(TOPICS))), punct_seg("，"), word_seg(CLAUSES[0]),
                            punct_seg("，"), word_seg(CLAUSES[1]), Seg("。", "。", "stop")])  # fmt: skip
        points = [c for c in cut_points(doc) if id(doc.paras[c[0]]) not in frozen]
    return points


#: How a converter marks a page break inside a paragraph: the form feed is the evidence that
#: the layout step needs to join the two parts (a bare blank line is not).
_PAGE_BREAKS = ("\n\f", "\f", "\n\f\n", "\f\n\n")


def _noise_page_break(draw: st.DrawFn, doc: Doc) -> bool:
    i, j, k = draw(st.sampled_from(_cuts(draw, doc)))
    split_word(doc, i, j, k, Seg(draw(st.sampled_from(_PAGE_BREAKS)), "", "brk", touched=True, check=True))
    return True


def _noise_doubled(draw: st.DrawFn, doc: Doc) -> bool:
    i, j, k = draw(st.sampled_from(_cuts(draw, doc, fresh=True)))  # a duplicate must stay one
    ch = doc.paras[i].segs[j].clean[k - 1]
    brk = draw(st.sampled_from(_PAGE_BREAKS))
    split_word(doc, i, j, k, Seg(brk + ch, ch, "brk", touched=True, check=True))
    return True


def _noise_page_numbers(draw: st.DrawFn, doc: Doc) -> bool:
    gaps = [i for i in range(2, len(doc.paras) + 1) if doc.paras[i - 1].role == "body"]
    if not gaps:
        _long_paragraph(draw, doc)
        gaps = [i for i in range(2, len(doc.paras) + 1) if doc.paras[i - 1].role == "body"]
    fmt = draw(st.sampled_from(PAGE_NUMBERS))
    least = 2 if fmt == "{n}/{m}" else 1
    if len(gaps) < least:
        return False
    chosen = sorted(draw(st.lists(st.sampled_from(gaps), min_size=least, max_size=3, unique=True)), reverse=True)
    total = len(chosen) + draw(st.integers(1, 30))
    for n, at in zip(range(len(chosen) + 1, 1, -1), chosen, strict=False):
        doc.paras.insert(at, junk_para(fmt.format(n=n, m=total)))
    return True


def _watermark(draw: st.DrawFn) -> str:
    site, shop = draw(st.sampled_from(SITES)), draw(st.sampled_from(SHOPS))
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


def _noise_watermark(draw: st.DrawFn, doc: Doc) -> bool:
    where = draw(st.lists(st.sampled_from(("top", "bottom", "inline")), min_size=1, max_size=3, unique=True))
    for w in where:
        text = _watermark(draw)
        if w == "top":
            doc.paras.insert(draw(st.sampled_from((0, 1))), junk_para(text))
        elif w == "bottom":
            doc.paras.append(junk_para(text))
        else:
            stops = [(i, j) for i, j in seg_indices(doc, ("stop",), fresh=False) if j < len(doc.paras[i].segs) - 1]
            if not stops:
                i = add_paragraph(doc, [word_seg(draw(st.sampled_from(TOPICS))), Seg("。", "。", "stop"),
                                        word_seg(draw(st.sampled_from(CLAUSES))),
                                        Seg("。", "。", "stop")])  # fmt: skip
                stops = [(i, 1)]
            i, j = draw(st.sampled_from(stops))
            if not text.startswith("【"):
                # inside a paragraph, in 【】: a bare sentence spliced into a paragraph is
                # kept unless its markers cover most of it (precision first; see the
                # known failures of the boilerplate step), so it is not generated here
                text = f"【{text}】"
            doc.paras[i].segs.insert(j + 1, Seg(text, "", "junk", touched=True))
            touch(doc, i)
    return True


def _footer_line(draw: st.DrawFn, place: str) -> str:
    prov = draw(st.sampled_from(PROVINCES))
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


def _noise_footer(draw: st.DrawFn, doc: Doc) -> bool:
    place = draw(st.sampled_from(PLACES)) + "区"
    for _ in range(draw(st.integers(1, 2))):
        doc.paras.append(junk_para(_footer_line(draw, place)))
    return True


def _mojibake(text: str, codec: str) -> str | None:
    try:
        return text.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        return None


def _noise_mojibake(draw: st.DrawFn, doc: Doc) -> bool:
    targets = [i for i, p in enumerate(doc.paras) if p.role in ("title", "body") and not p.touched]
    if not targets:
        _long_paragraph(draw, doc)
        targets = [doc.bodies()[-1]]
    i = draw(st.sampled_from(targets))
    p = doc.paras[i]
    codecs = draw(st.permutations(("gbk", "cp1252", "latin-1")))
    bad = next(b for b in (_mojibake(p.data, c) for c in (*codecs, "latin-1")) if b is not None)
    doc.paras[i] = Para([Seg(bad, p.clean, "word", touched=True)], p.role, touched=True)
    return True


def _noise_lost(draw: st.DrawFn, doc: Doc) -> bool:
    words = [(i, j) for i, j in seg_indices(doc, ("word",)) if len(doc.paras[i].segs[j].clean) >= 6]
    if not words:
        _long_paragraph(draw, doc)
        words = [(i, j) for i, j in seg_indices(doc, ("word",)) if len(doc.paras[i].segs[j].clean) >= 6]
    i, j = draw(st.sampled_from(words))
    s = doc.paras[i].segs[j]
    lost = draw(st.sampled_from(("锟斤拷", "锟斤拷锟斤拷", "烫烫烫", "屯屯屯", "\ufffd\ufffd")))
    k = draw(st.integers(1, len(s.clean) - 4))
    text = s.clean[:k] + lost + s.clean[k + 2 :]
    s.data = s.clean = text
    touch(doc, i, j)
    return True


def _noise_traditional(draw: st.DrawFn, doc: Doc) -> bool:
    words = [
        (i, j) for i, j in seg_indices(doc, ("word",)) if any(c in TRADITIONAL for c in doc.paras[i].segs[j].clean)
    ]
    if not words:
        add_paragraph(doc, [word_seg("统筹推进经济社会发展"), punct_seg("，"), word_seg(draw(st.sampled_from(CLAUSES))),
                            Seg("。", "。", "stop")])  # fmt: skip
        words = [
            (i, j) for i, j in seg_indices(doc, ("word",)) if any(c in TRADITIONAL for c in doc.paras[i].segs[j].clean)
        ]
    for i, j in _pick(draw, words, 2):
        s = doc.paras[i].segs[j]
        spots = [k for k, c in enumerate(s.clean) if c in TRADITIONAL]
        k = draw(st.sampled_from(spots))
        s.data = s.clean[:k] + TRADITIONAL[s.clean[k]] + s.clean[k + 1 :]
        touch(doc, i, j)
    return True


def _count_sentence(draw: st.DrawFn, doc: Doc) -> list[tuple[int, int]]:
    qtys = [(i, j) for i, j in seg_indices(doc, ("qty",)) if doc.paras[i].segs[j].unit not in ("%", "个百分点")]
    if qtys:
        return qtys
    item, unit = draw(st.sampled_from(COUNT_ITEMS))
    i = add_paragraph(doc, [word_seg("全年共" + item), qty_seg(draw_number(draw, unit), unit), Seg("。", "。", "stop")])
    return [(i, 1)]


def _noise_placeholder(draw: st.DrawFn, doc: Doc) -> bool:
    for i, j in _pick(draw, _count_sentence(draw, doc), 2):
        s = doc.paras[i].segs[j]
        latin = not HANZI.match(s.unit)  # Xm², not xkm; no Ｘ, which is the width step's business
        mark = draw(st.sampled_from(("X", "XX", "××") if latin else ("X", "XX", "××", "x")))
        s.data = s.clean = mark + s.unit
        touch(doc, i, j)
    return True


def _noise_missing(draw: st.DrawFn, doc: Doc) -> bool:
    candidates = [(i, j) for i, j in _count_sentence(draw, doc) if HANZI.match(doc.paras[i].segs[j].unit)]
    if not candidates:
        item, unit = draw(st.sampled_from(COUNT_ITEMS))
        i = add_paragraph(doc, [word_seg("全年共" + item), qty_seg("3", unit), Seg("。", "。", "stop")])
        candidates = [(i, 1)]
    i, j = draw(st.sampled_from(candidates))
    s = doc.paras[i].segs[j]
    s.data = s.clean = " " + s.unit
    touch(doc, i, j)
    return True


def _noise_duplicate(draw: st.DrawFn, doc: Doc) -> bool:
    bodies = [i for i in doc.bodies() if len(doc.paras[i].clean) >= 20]
    if not bodies:
        _long_paragraph(draw, doc)
        bodies = [doc.bodies()[-1]]
    i = draw(st.sampled_from(bodies))
    p = doc.paras[i]
    p.touched = True
    copy = Para([copy_seg(s) for s in p.segs], "body", touched=True)
    for s in copy.segs:
        s.touched = True
    doc.paras.insert(draw(st.sampled_from(range(i + 1, len(doc.paras) + 1))), copy)
    return True


def _noise_truncated(draw: st.DrawFn, doc: Doc) -> bool:
    clause = draw(st.sampled_from(CLAUSES))
    k = draw(st.integers(2, len(clause) - 1))
    topic = draw(st.sampled_from(TOPICS))
    doc.paras.append(Para([word_seg(topic), punct_seg("，"), Seg(clause[:k], clause[:k], "word", touched=True)],
                          "body", touched=True))  # fmt: skip
    return True


def _noise_typo(draw: st.DrawFn, doc: Doc) -> bool:
    words = [(i, j) for i, j in seg_indices(doc, ("word",)) if "已" in doc.paras[i].segs[j].clean]
    if not words:
        clause = draw(st.sampled_from([c for c in CLAUSES if "已" in c]))
        i = add_paragraph(doc, [word_seg(draw(st.sampled_from(TOPICS))), punct_seg("，"), word_seg(clause),
                                Seg("。", "。", "stop")])  # fmt: skip
        words = [(i, 2)]
    i, j = draw(st.sampled_from(words))
    s = doc.paras[i].segs[j]
    s.data = s.clean = s.clean.replace("已", "己", 1)
    touch(doc, i, j)
    return True


def _flagged_sentence(draw: st.DrawFn, doc: Doc, text: str) -> bool:
    add_paragraph(doc, [Seg(text, text, "word", touched=True), Seg("。", "。", "stop")])
    doc.paras[doc.bodies()[-1]].touched = True
    return True


def _noise_sum(draw: st.DrawFn, doc: Doc) -> bool:
    parts = draw(st.lists(st.integers(1, 200), min_size=2, max_size=4))
    total = draw(st.integers(max(1, sum(parts) // 2), sum(parts) - 1)) if sum(parts) > 2 else 1
    names = ("来信", "来访", "网上信访", "电话投诉")
    body = "、".join(f"{n}{v}件" for n, v in zip(names, parts, strict=False))
    return _flagged_sentence(draw, doc, f"全年共受理群众信访{total}件，其中{body}")


def _noise_rate(draw: st.DrawFn, doc: Doc) -> bool:
    total = draw(st.integers(50, 1000))
    done = draw(st.integers(total // 2, total))
    stated = Decimal(done * 100) / Decimal(total) - draw(st.integers(5, 30))  # at least 20 since done >= total/2
    text = f"排查矛盾纠纷{total}条，化解{done}条，化解率{plain(stated.quantize(Decimal('0.1')))}%"
    return _flagged_sentence(draw, doc, text)


def _noise_impossible(draw: st.DrawFn, doc: Doc) -> bool:
    word = draw(st.sampled_from(("覆盖率", "参与率", "占比")))
    value = plain(make_decimal(draw(st.integers(1010, 3000)), 1))
    return _flagged_sentence(draw, doc, f"辖区垃圾分类{word}达到{value}%")


_NOISES: dict[str, Callable[[st.DrawFn, Doc], bool]] = {
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
    doc = draw(report_documents(max_sections))
    applied = []
    for kind, noise in _NOISES.items():
        if kind in chosen and noise(draw, doc):
            applied.append(kind)
            doc.codes |= KIND_CODES.get(kind, frozenset())
    data, clean, contains = render(doc)
    out: str | bytes = data
    if "mixed-encoding" in chosen:  # concatenated sources: some lines UTF-8, some GB18030
        lines = [p.data for p in doc.paras if p.data]
        gbk = [len(HANZI.findall(line)) >= 8 for line in lines]  # too few hanzi and the bytes cannot tell
        if not any(gbk):
            lines.append(TOPICS[0] + "。")
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
    return DirtyCase(out, clean, frozenset(doc.codes), tuple(applied), contains, outline_of(doc))


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
