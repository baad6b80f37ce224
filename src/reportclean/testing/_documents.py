"""Report documents: paragraphs of segments, each with the text as it stands in the data and
as cleaning must give it back; the :func:`report_texts` strategy; and the edits the noise
injectors make to a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hypothesis import strategies as st

from ._numerals import chinese_int, make_decimal, plain
from ._vocabulary import (
    AREA_ITEMS,
    CLAUSES,
    COUNT_ITEMS,
    COUNT_UNITS,
    EXTRAS,
    FULLWIDTH,
    HANZI,
    HEADINGS,
    LEADS,
    MEETINGS,
    MONEY_ITEMS,
    ORDINALS,
    PLACES,
    TOPICS,
    UNITS,
    WS,
)

__all__ = [
    "Doc",
    "Para",
    "Seg",
    "add_paragraph",
    "copy_seg",
    "cut_points",
    "draw_number",
    "junk_para",
    "outline_of",
    "punct_seg",
    "qty_seg",
    "render",
    "report_documents",
    "report_outlines",
    "report_texts",
    "respell",
    "seg_indices",
    "split_word",
    "touch",
    "word_seg",
]


@dataclass
class Seg:
    data: str
    clean: str
    role: str  # word, qty, date, punct, stop, head, brk
    number: str = ""  # qty: the Arabic number in the clean text
    unit: str = ""  # qty: the unit after it
    touched: bool = False
    check: bool = False  # the clean text around this segment must appear verbatim


def word_seg(text: str) -> Seg:
    return Seg(text, text, "word")


def punct_seg(mark: str) -> Seg:
    return Seg(mark, mark, "punct")


def qty_seg(number: str, unit: str) -> Seg:
    return Seg(number + unit, number + unit, "qty", number, unit)


@dataclass
class Para:
    segs: list[Seg]
    role: str  # title, heading, body, junk
    touched: bool = False

    @property
    def clean(self) -> str:
        return "".join(s.clean for s in self.segs)

    @property
    def data(self) -> str:
        return "".join(s.data for s in self.segs)


@dataclass
class Doc:
    paras: list[Para]
    sep: str
    codes: set[str] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)

    def bodies(self, fresh: bool = False) -> list[int]:
        return [i for i, p in enumerate(self.paras) if p.role == "body" and not (fresh and p.touched)]


def draw_number(draw: st.DrawFn, unit: str) -> str:
    if unit in ("亿元",):
        return plain(make_decimal(draw(st.integers(50, 9999)), 2))
    if unit in ("万元", "万美元"):
        return plain(make_decimal(draw(st.integers(10, 99999)), draw(st.integers(0, 1))))
    if unit == "亩":
        return plain(make_decimal(draw(st.integers(100, 99999)), 2))
    if unit == "m²":
        return plain(make_decimal(draw(st.integers(10, 99999)), draw(st.integers(0, 1))))
    if unit == "km":
        return plain(make_decimal(draw(st.integers(5, 999)), 1))
    if unit == "%":
        return plain(make_decimal(draw(st.integers(1, 500)), 1))
    if unit == "个百分点":
        return plain(make_decimal(draw(st.integers(1, 99)), 1))
    return str(draw(st.integers(3, 5000)))


@st.composite
def _sentence(draw: st.DrawFn, place: str, year: int, extras: bool) -> list[Seg]:
    shape = draw(st.sampled_from(("topic", "count", "money", "area", "enum", "date")))
    end = [Seg("。", "。", "stop")]
    if shape == "topic":
        return [
            word_seg(draw(st.sampled_from(TOPICS))),
            punct_seg("，"),
            word_seg(draw(st.sampled_from(CLAUSES))),
            *end,
        ]
    if shape == "enum":
        n = draw(st.integers(2, 3))
        clauses = draw(st.lists(st.sampled_from(CLAUSES), min_size=n, max_size=n, unique=True))
        segs: list[Seg] = []
        for i, c in enumerate(clauses):
            if i:
                segs.append(punct_seg("；"))
            segs.append(word_seg(ORDINALS[i] + "是" + c))
        return segs + end
    if shape == "date":
        m, d = draw(st.integers(1, 12)), draw(st.integers(1, 28))
        date = f"{year}年{m}月{d}日"
        return [Seg(date, date, "date"), punct_seg("，"), word_seg(place + draw(st.sampled_from(MEETINGS))),
                punct_seg("，"), word_seg(draw(st.sampled_from(CLAUSES))), *end]  # fmt: skip
    lead = draw(st.sampled_from(LEADS)) + draw(st.sampled_from(("共", "累计")))
    if shape == "count":
        item, unit = draw(st.sampled_from(COUNT_ITEMS))
        approx = draw(st.sampled_from(("", "", "约", "近")))
        segs = [word_seg(lead + item + approx), qty_seg(draw_number(draw, unit), unit)]
    elif shape == "money":
        item, unit = draw(st.sampled_from(MONEY_ITEMS))
        rise, runit = draw(st.sampled_from((("同比增长", "%"), ("同比提高", "个百分点"))))
        segs = [word_seg(lead + item), qty_seg(draw_number(draw, unit), unit), punct_seg("，"),
                word_seg(rise), qty_seg(draw_number(draw, runit), runit)]  # fmt: skip
    else:
        item, unit = draw(st.sampled_from(AREA_ITEMS))
        segs = [word_seg(lead + item), qty_seg(draw_number(draw, unit), unit)]
    if extras and draw(st.booleans()):
        segs += [punct_seg("，"), word_seg(draw(st.sampled_from(EXTRAS)))]
    return [*segs, punct_seg("，"), word_seg(draw(st.sampled_from(CLAUSES))), *end]


@st.composite
def _paragraph(draw: st.DrawFn, place: str, year: int, extras: bool) -> list[list[Seg]]:
    return draw(st.lists(_sentence(place, year, extras), min_size=1, max_size=3))


@st.composite
def report_documents(draw: st.DrawFn, max_sections: int, extras: bool = False) -> Doc:
    place = draw(st.sampled_from(PLACES)) + draw(st.sampled_from(UNITS))
    year = draw(st.integers(2015, 2024))
    title = f"{place}{year}年工作总结" + draw(st.sampled_from(("", f"和{year + 1}年工作计划")))
    paras = [Para([Seg(title, title, "head")], "title")]
    n = draw(st.integers(1, max_sections))
    headings = draw(st.lists(st.sampled_from(HEADINGS), min_size=n, max_size=n, unique=True))
    seen: set[str] = set()  # a repeated sentence or paragraph is a finding of its own
    number = 0
    for heading in headings:
        sub = draw(st.sampled_from([h for h in HEADINGS if h != heading])) if number and draw(st.booleans()) else ""
        body = []
        for sentences in draw(st.lists(_paragraph(place, year, extras), min_size=1, max_size=3)):
            segs = []
            for sentence in sentences:
                text = "".join(x.clean for x in sentence)
                if text not in seen:
                    seen.add(text)
                    segs += sentence
            if segs:
                body.append(Para(segs, "body"))
        if not body:
            continue
        mark = ORDINALS[number] + "、"
        number += 1
        paras.append(Para([Seg(mark + heading, mark + heading, "head")], "heading"))
        if sub:
            paras.append(Para([Seg("（一）" + sub, "（一）" + sub, "head")], "heading"))
        paras += body
    return Doc(paras, draw(st.sampled_from(("\n\n", "\n"))))


def render(doc: Doc) -> tuple[str, str, tuple[str, ...]]:
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
        left = WS.split(clean[max(0, a - 3) : a])[-1]
        right = WS.split(clean[b : b + 3])[0]
        contains.append(left + clean[a:b] + right)
    return data, clean, tuple(contains)


_SPELLINGS = ("canonical", "chinese", "fullwidth", "spaced", "unit")


def respell(draw: st.DrawFn, seg: Seg, how: str) -> bool:
    """Write a quantity or date segment in a non-canonical spelling; False if it has none."""
    if how == "chinese":
        if seg.role != "qty" or "." in seg.number or int(seg.number) < 3 or seg.unit in ("%", "个百分点", "km", "m²"):
            return False
        if seg.unit in COUNT_UNITS:  # a count stays in Chinese numerals (Config(numerals="measures"))
            return False
        if seg.unit[0] in "万亿" and int(seg.number) >= 10000:  # 一万万元 is written 1亿元
            return False
        seg.data = chinese_int(int(seg.number)) + seg.unit
    elif how == "fullwidth":
        seg.data = "".join(FULLWIDTH[c] if c.isascii() and (c.isalnum() or c == ".") else c for c in seg.clean)
    elif how == "spaced":
        if seg.role == "date":
            seg.data = re.sub(r"(?<=\d)(?=[年月日])|(?<=[年月])(?=\d)", " ", seg.clean)
        elif seg.role == "qty" and HANZI.match(seg.unit):
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


def outline_of(doc: Doc) -> tuple[tuple[int, str, str], ...]:
    """The outline a document was generated with: ``(level, label, title)`` of each heading,
    as :attr:`reportclean.CleanResult.outline` must read it (``一、`` level 1, ``（一）`` level 2)."""
    out = []
    for p in doc.paras:
        if p.role != "heading":
            continue
        text = p.clean
        if text.startswith("（"):
            close = text.index("）") + 1
            out.append((2, text[:close], text[close:]))
        else:
            mark = text.index("、")
            out.append((1, text[:mark], text[mark + 1 :]))
    return tuple(out)


@st.composite
def _report_text(draw: st.DrawFn, canonical: bool, max_sections: int) -> str:
    return render(_report_doc(draw, canonical, max_sections))[0]


@st.composite
def _report_text_outline(
    draw: st.DrawFn, canonical: bool, max_sections: int
) -> tuple[str, tuple[tuple[int, str, str], ...]]:
    doc = _report_doc(draw, canonical, max_sections)
    return render(doc)[0], outline_of(doc)


def _report_doc(draw: st.DrawFn, canonical: bool, max_sections: int) -> Doc:
    """The document behind :func:`report_texts` (its draws, in their order: the texts of
    ``report_texts`` and ``report_outlines`` are the same for the same draws)."""
    doc = report_documents(max_sections, extras=not canonical)
    d = draw(doc)
    if not canonical:
        for p in d.paras:
            for s in p.segs:
                if s.role in ("qty", "date"):
                    respell(draw, s, draw(st.sampled_from(_SPELLINGS)))
                elif s.role == "punct" and draw(st.integers(0, 4)) == 0:
                    s.data = {"，": ",", "；": ";"}[s.data]
            if p.role == "body" and draw(st.booleans()):
                p.segs.insert(0, Seg("\u3000\u3000", "", "word"))
    return d


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
    one-sentence paragraph without numbers (whose comma is ASCII unless
    ``canonical=True``).
    """
    if not 1 <= max_sections <= len(HEADINGS):
        raise ValueError(f"report_texts(max_sections=...) must be between 1 and {len(HEADINGS)}, got {max_sections}")
    return _report_text(canonical, max_sections)


def report_outlines(
    *, canonical: bool = False, max_sections: int = 3
) -> st.SearchStrategy[tuple[str, tuple[tuple[int, str, str], ...]]]:
    """Pairs of a :func:`report_texts` text and the outline it was written with: a tuple
    of ``(level, label, title)``, one per heading (``(1, "一", "坚持党建引领")``,
    ``(2, "（一）", "聚焦民生保障")``), which ``[(h.level, h.label, h.title) for h in
    clean(text).outline]`` must equal. The text is the one :func:`report_texts` draws
    with the same arguments and the same draws.

    Shrinks like :func:`report_texts`, to a title and one ``一、`` heading.
    """
    if not 1 <= max_sections <= len(HEADINGS):
        raise ValueError(f"report_outlines(max_sections=...) must be between 1 and {len(HEADINGS)}, got {max_sections}")
    return _report_text_outline(canonical, max_sections)


# ---------------------------------------------------------------------------------
# Editing a document: what the noise injectors use to find and change segments.
# ---------------------------------------------------------------------------------


def seg_indices(doc: Doc, roles: tuple[str, ...], fresh: bool = True) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, p in enumerate(doc.paras)
        if p.role in ("body", "title", "heading")
        for j, s in enumerate(p.segs)
        if s.role in roles and not (fresh and s.touched)
    ]


def add_paragraph(doc: Doc, segs: list[Seg]) -> int:
    """Insert a body paragraph after the last body paragraph; its index."""
    bodies = doc.bodies()
    at = bodies[-1] + 1 if bodies else len(doc.paras)
    doc.paras.insert(at, Para(segs, "body"))
    return at


def touch(doc: Doc, i: int, j: int | None = None) -> None:
    doc.paras[i].touched = True
    if j is not None:
        doc.paras[i].segs[j].touched = True


def copy_seg(seg: Seg) -> Seg:
    return Seg(seg.data, seg.clean, seg.role, seg.number, seg.unit)


def junk_para(text: str) -> Para:
    return Para([Seg(text, "", "junk", touched=True)], "junk", touched=True)


def cut_points(doc: Doc) -> list[tuple[int, int, int]]:
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
                        HANZI.match(a)
                        and HANZI.match(b)
                        and a != s.clean[k - 2]
                        and a != b
                        and b not in ORDINALS + "是第"
                    ):
                        out.append((i, j, k))
            pos += len(s.clean)
    return out


def split_word(doc: Doc, i: int, j: int, k: int, brk: Seg) -> None:
    p = doc.paras[i]
    s = p.segs[j]
    left = Seg(s.clean[:k], s.clean[:k], "word", touched=True)
    right = Seg(s.clean[k:], s.clean[k:], "word", touched=True)
    p.segs[j : j + 1] = [left, brk, right]
    p.touched = True
