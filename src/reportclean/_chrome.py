"""Site chrome told from what a line is like: the line classifier of the boilerplate step.

jusText and trafilatura decide boilerplate per HTML block from its features; this does
the same for flattened text, per line (hand-written: no library does it for Chinese
text without markup). A line is *chrome* when its shape says so:

- ``chrome-nav``: a breadcrumb (a line led by 当前位置, 首页 …, or short items between
  ``>`` separators in the header zone) or a navigation bar (many short items, chrome
  terms among them, no punctuation);
- ``chrome-metadata``: page metadata fields (发布时间, 索引号, 浏览次数 …): two or more
  field names, one of them specific to page metadata, and no full stop; or a line
  that is one such field and a short value (``归档时间:2023-06-15``);
- ``chrome-toolbar``: buttons and links (打印本页 关闭窗口, 返回顶部): nothing is left
  once chrome terms, separators, numbers, Latin letters and punctuation are taken out;
- ``chrome-docsite``: document-site furniture: page tabs (``报告.docx_第3页``) and
  file-size lines (``- 25.50 KB``).

Then a revise pass, as jusText's: a run of at most ``max_filler_run`` short lines that
are not sentences, headings, titles or dates (a field's value, a site name) goes as
``chrome-block`` when the nearest lines on both sides are chrome. Content wins every
close call: headings, lines with a title word, addressees and date lines are never
chrome, and a line with a full stop is chrome only through the marker rules of
:mod:`._boilerplate`. The vocabulary is data (``data/boilerplate_chrome.tsv``, kind
``chrome``); its traditional spellings are made with OpenCC.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from ._bptext import HEADING, TERMINATORS, Scanner, fold, forms, variants
from ._lexicon import Lexicon, LexiconError, package_lexicon

__all__ = ["BoilerplateSettings", "ChromeRules", "ChromeScan", "chrome_lines"]


@dataclass(frozen=True, slots=True)
class BoilerplateSettings:
    """The thresholds of the boilerplate step (docs/rules.md, the boilerplate sections).

    Lengths count characters of the stripped line or segment.

    >>> BoilerplateSettings(max_filler_run=0).max_filler_run
    0
    """

    #: A chrome line is at most this long; longer lines are prose or tables.
    max_chrome_line: int = 160
    #: Hanzi a toolbar line may hold besides its chrome terms (``分享(赏)``: 1).
    max_residue: int = 2
    #: The value after a lone metadata field name or a leading toolbar term.
    max_field_value: int = 40
    #: Items a navigation bar has at least; their mean length is at most ``max_nav_item``.
    min_nav_items: int = 4
    max_nav_item: float = 6.0
    #: Header zone: this many non-blank lines from the top before the first content line.
    header_lines: int = 6
    #: A short line that may go with chrome on both sides is at most this long …
    max_filler: int = 30
    #: … and at most this many such lines go between two chrome lines.
    max_filler_run: int = 3
    # The marker rules (docs/rules.md#boilerplate):
    #: a segment with one strong marker and at most this many characters is boilerplate;
    short_segment: int = 25
    #: a longer segment goes with its line only when dense in distinct markers;
    whole_segment: int = 60
    #: an inline cut starts at the segment's start when at most this many characters come before
    #: its first marker, and ends at the segment's end when at most ``inline_tail`` come after the last;
    inline_lead: int = 10
    inline_tail: int = 6
    #: … and its markers must cover more than this share of it;
    inline_cover: float = 0.6
    #: at the top and bottom, a line with markers of at most this length may join a block …
    edge_marked_line: int = 40
    #: … and a short line without them of at most this length may go between two block lines.
    edge_filler: int = 30

    def __post_init__(self) -> None:
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise TypeError(f"BoilerplateSettings.{name} must be a non-negative number, got {value!r}")


@dataclass(frozen=True, slots=True)
class _Term:
    term: str  # the simplified spelling in the lexicon
    cls: str  # label, nav, toolbar, related (a related-links heading: a toolbar link that leads a list) or spam
    strong: bool


_NAV_SEP = re.compile(r">>?|[»›]")
_ITEMS = re.compile(r"[^\s|/>»›·•:]+")


class _Rx(NamedTuple):
    """This module's regexes with big character classes, compiled on first use (not at import)."""

    NOT_RESIDUE: re.Pattern[str]
    DATE_LINE: re.Pattern[str]
    DOC_NUMBER: re.Pattern[str]
    SPACED: re.Pattern[str]
    HANZI: re.Pattern[str]
    HAN_WORD: re.Pattern[str]
    TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _rx() -> _Rx:
    _NOT_RESIDUE = re.compile(
        r"[\s\d.,:;!?()\[\]{}<>|/\\*#@&%+=_~^'\"`$-]|[a-z]+|[·•、，。：；！？（）【】《》“”‘’〔〕…—－]"
        r"|(?<=\d)[年月日时分秒次页]"
    )
    _DATE_LINE = re.compile(
        r"[\s\-•·*]*(?:\d{2,4}|[〇零一二三四五六七八九十]{2,4})\s*[年./-]\s*\d{1,2}\s*[月./-]\s*(?:\d{1,2}\s*日?)?\s*$"
        r"|[\s\-•·*]*[〇零一二三四五六七八九十]{4}年[〇零一二三四五六七八九十]{1,2}月[〇零一二三四五六七八九十]{1,3}日\s*$"
    )
    _DOC_NUMBER = re.compile(r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d{1,4}\s*号")
    _SPACED = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")
    _HANZI = re.compile(r"[\u3400-\u9fff]")
    _HAN_WORD = re.compile(r"[\u3400-\u9fff](?<![年月日时分秒])")
    # Lines worth classifying besides those with a chrome term: separators, page tabs, file sizes,
    # time stamps, letter-spaced field names (索 引 号：). Each regex is led by one literal, the text
    # it needs before it can match (str's substring search tells that at ~0.01 ms/MB): re finds a
    # literal lead at C speed, where a class lead ([>|]) tests every character (~10x slower, and
    # one alternation of all the kinds is ~10x slower again).
    _TRIGGERS = (
        *((c, re.compile(re.escape(c))) for c in ">»|＞｜"),
        ("_第", re.compile("_第")),
        *((c, re.compile(re.escape(c) + r"(?=[ \t]?\d{4}-\d{1,2}-\d{1,2})")) for c in ":："),
        *((d, re.compile(r"(?m)" + re.escape(d) + r"(?<=^" + re.escape(d) + r")\s?:\s?\d{1,4}\s*$")) for d in "Pp"),
        *(
            (t, re.compile(re.escape(t) + r"(?:/?[ \t]*$|[ \t]*(?:—|-|\|))", re.MULTILINE))
            for t in (".com", ".net", ".cn", ".tw", ".hk", ".COM", ".NET", ".CN")
        ),
        ("•", re.compile(r"•[ \t]*\d{4}-\d{1,2}-\d{1,2}[ \t]*$", re.MULTILINE)),
        *((d, re.compile(d + r"[ \t]?[:：][ \t]?\d{4}")) for d in ("ID", "id", "Id")),
        *((b, re.compile(b + rf"(?:(?<=\d[kKmMgG]{b})|(?<=\d [kKmMgG]{b}))")) for b in "bB"),
        (":", re.compile(r":(?<=\d:)\d\d")),
        ("时", re.compile(r"时(?<=\d时)\d{1,2}分")),
        (".", re.compile(r"\.(?=(?:png|jpe?g|gif)\b)", re.IGNORECASE)),  # a picture's file name
        *((x, re.compile(x)) for x in ("mage", "anner", "hoto")),  # image, banner, photo in either case
        (" ", re.compile(r" (?<=[\u3400-\u9fff] )[\u3400-\u9fff](?: [\u3400-\u9fff])?\s*[:：]")),
        # a letter-spaced field name that opens a line with no colon (索 引 号 1133…/2024-1 公开方式 …)
        (" ", re.compile(r" (?<=^[\u3400-\u9fff] )[\u3400-\u9fff] [\u3400-\u9fff] ?[0-9A-Za-z]", re.MULTILINE)),
    )
    return _Rx(
        _NOT_RESIDUE,
        _DATE_LINE,
        _DOC_NUMBER,
        _SPACED,
        _HANZI,
        _HAN_WORD,
        _TRIGGERS,
    )


_TIME = re.compile(r"\d{1,2}:\d{2}")
#: A field name and its colon inside a line (信息分类: 通知   发布机构: …).
_FIELD_TOKEN = re.compile(r"(?:^|(?<=\s))([\u3400-\u9fff]{2,6})\s?:")
#: A CMS date right after a field's colon (废止时间: 2020-01-23).
_ISO_AFTER_FIELD = re.compile(r":\s?(?:\d{4}|\d{2,3})-\d{1,2}-\d{1,2}")  # (or a Republic-of-China date, 113-04-10)
_FIELDS_LINE = 100  # a row of page fields is at most this long
#: Fields of an event's notice, never of a page (时间：2023-05-06 地点：县会议中心).
_EVENT_FIELD = re.compile(r"(?:地点|地點|会议|會議|主持|参加|參加|议题|議題)\s?[:：]")
_GLUED_CRUMB = 24  # a breadcrumb whose separators were lost is at most this long
#: A line led by a letter-spaced name of three characters and a code (索 引 号 1133…).
_SPACED_LEAD = re.compile(r"[\u3400-\u9fff] [\u3400-\u9fff] [\u3400-\u9fff] ?[0-9a-z]")
#: A CMS date in a bullet, alone on its line (• 2021-11-13; a person writes 2021年11月13日).
_BULLET_DATE = re.compile(r"[•·▪][ \t]*\d{4}-\d{1,2}-\d{1,2}")
#: A field name and its colon opening a line (标题: …).
_FIELD_START = re.compile(r"[\u3400-\u9fff]{2,6}\s?:\s?\S")
#: An e-paper's page slug: the page, its section and the issue number (第一版:要闻版总第4492期).
_PAPER_SLUG = re.compile(r"第[一二三四五六七八九十\d]{1,3}版\s?:\s?\S{1,10}?版\s?总第\s?\d{1,6}\s?期")
#: A flipbook viewer's page label (P:03), folded to lower case.
_VIEWER_PAGE = re.compile(r"p\s?:\s?\d{1,4}")
#: A site's address alone (teensexonline.com, www.example.gov.cn), folded to lower case.
_BARE_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,20})*\.(?:com|net|org|cn|tw|hk|mo|cc|info)/?")
#: A site's address and its slogan (某某.com —— 专注公文写作), folded to lower case.
_DOMAIN_BANNER = re.compile(
    r"(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,20})*\.(?:com|net|org|cn|tw|hk|cc)\s*(?:—{1,2}|-{1,2}|\|)\s*[^。，,；;！？!?]{1,24}"
)
#: A bar alone or a category chip between bars (| 报告 |).
_BAR_CHIP = re.compile(r"[|｜]\s*[\u3400-\u9fff]{1,6}\s*[|｜]")
_TOP_BARS = 20  # lines near the top looked at for other bars
#: The access-key anchor of Taiwan government sites, alone on its line.
_ACCESS_KEY = re.compile(r"\s*:::\s*")
#: Tag fields a page prints over its article (a paper's 关键词 is the paper's own: not here).
_TAG_FIELDS = frozenset({"标签", "tag", "tags"})
_LEAD = re.compile(r"[\s\-•·*▪◆●○■□>※]*")
_MARKS = re.compile(r"[\s*×xX□○]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: A date of the Republic of China calendar as a CMS prints it (97-12-13, 112/05/04).
_ROC_DATE = re.compile(r"\d{2,3}([-/.])\d{1,2}\1\d{1,2}")
_DIGIT = re.compile(r"\d")
_TAB = re.compile(r"\.(?:docx?|pdf|pptx?|xlsx?|txt|wps)_第\s?\d{1,4}\s?页\s*$")
# A page tab without a file extension (标题_第3页): chrome only when the text holds two or more
_BARE_TAB = re.compile(r"_第\s?(\d{1,4})\s?页\s*$")
# The page's title bar: the headline, a separator and the site's name (标题 - 某某网)
# (the site's name is the last piece: at most 15 characters without a separator or a space)
_TITLE_BAR = re.compile(r"(?:\s[-–—|｜－]\s*|_)([^-–—|｜－_\s]{1,15})$")
# the alternative text of the site's logo, left where the picture stood (site logo: www.某某.com)
_LOGO_ALT = re.compile(r"(?:site\s+)?logo\s*[:：]\s*\S{0,40}$", re.IGNORECASE)
# (a size after a label, 大小:61.50 kb, only with the decimals a site prints: 内存:8gb is a spec)
_SIZE = re.compile(r"[\s\-•·*]*(?:[^\s:\d]{1,6}\s?:\s?\d{1,5}\.\d{1,2}|\d{1,5}(?:\.\d{1,2})?)\s?[kmg]b\s*$")
#: A document site's id for the file (id:10590117, 文档id：…), alone on its line.
_DOC_ID = re.compile(r"[\s\-•·*]*[\u3400-\u9fff]{0,4}id\s?:\s?\d{4,12}\s*$")
# A CMS time stamp: an ISO-like date with a time to the second and nothing else (a news dateline
# without seconds stays).
# A date written by a CMS with a time and nothing else: a time to the second, or a zero-padded month or
# day (2021年01月28日 04时15分; a person writes 1月28日).
_STAMP = re.compile(
    r"[\s\-•·*]*(?:\d{4}[-/.\s年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s+\d{1,2}:\d{2}:\d{2}"
    r"|\d{4}年(?:0\d月\d{1,2}|\d{1,2}月0\d)日\s*\d{1,2}(?::\d{2}|时\d{1,2}分)"
    r"|\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*$"  # 26.06.2018 15:38
)
# The same inside a line: seconds (group 1) are never written in a report.
_STAMP_IN = re.compile(r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}\s+|年\d{1,2}月\d{1,2}日\s*)\d{1,2}:\d{2}(:\d{2})?")
# A picture's file name alone on a line, left where the picture stood (image.png)
_IMAGE = re.compile(r"[\w\-.]{1,60}\.(?:png|jpe?g|gif|webp|bmp)", re.ASCII)
#: Month names a viewer's date may hold (Published on Sep 21,2022).
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec".split())
_LATIN_WORD = re.compile(r"[a-z]+")
# A picture's alternative text or class name left as a line (top-banner, news image, site_logo)
_PICTURE_ALT = re.compile(
    r"(?:[a-z]{1,12}[-_ ])?(?:image|img|banner|icon|photo|pic|picture|thumbnail)(?:[-_ ][a-z0-9]{1,12})?", re.ASCII
)
#: Latin pieces of a web address or a file name, which a button line may hold.
_WEB_WORDS = frozenset("www http https com cn net org html htm php qq pdf doc docx ppt pptx xls xlsx vip app".split())
# A date right after a field name: 发布时间:2013/8/11, 发布日期：2023年1月5日
_DATE_AT = re.compile(r"\s*[:|]?\s*\d{2,4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")
# A field's value that is an ISO date (2023-02-24): what a CMS prints (97-12-13, a ROC date, may be the
# document's own).
_ISO_DATE_END = re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


class ChromeRules:
    """The chrome vocabulary compiled into one scanner, with its traditional spellings."""

    __slots__ = ("by_form", "latin_words", "regex", "terms")

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.terms: dict[str, _Term] = {}
        for lx in lexicons:
            for row in lx.rows:
                weight = (row[lx.columns.index("weight")] if "weight" in lx.columns else "") or "strong"
                cls = (row[lx.columns.index("class")] if "class" in lx.columns else "") or "toolbar"
                if weight not in ("strong", "weak") or cls not in ("label", "nav", "toolbar", "related", "spam"):
                    raise LexiconError(
                        f"{lx.name}: entry {row[0]!r}: class must be label, nav, toolbar, related or spam and "
                        f"weight strong or weak, got class {cls!r}, weight {weight!r}"
                    )
                self.terms.setdefault(fold(row[0]), _Term(row[0], cls, weight == "strong"))
        for spelling, source in variants(list(self.terms), by_character=True).items():
            self.terms.setdefault(fold(spelling), self.terms[source])
        words = {f for t in self.terms for f in forms(t)}
        self.regex = Scanner(words) if words else None
        # each spelling the scanner matches, with its term: folded once here rather than at every hit
        self.by_form = {w: self.terms[fold(w)] for w in words}
        # the words of the Latin terms (read, more, share …) and month names: what a viewer's
        # interface lines are made of
        self.latin_words = frozenset(w for t in self.terms if t.isascii() for w in _LATIN_WORD.findall(t)) | _MONTHS


def builtin_chrome_lexicons() -> tuple[Lexicon, ...]:
    return (package_lexicon("boilerplate_chrome.tsv"),)


_Hit = tuple[int, int, _Term]


def _line_hits(view: str, rules: ChromeRules) -> dict[int, list[_Hit]]:
    """Chrome terms by line start (longest first match, no overlaps within a line).

    The scanner knows each term's full-width and upper-case spellings, so the text
    need not be folded first.
    """
    out: dict[int, list[_Hit]] = {}
    if rules.regex is None:
        return out
    reach = 0
    line_start, seen = 0, 0
    for s, e in rules.regex.spans(view):
        if s < reach:
            continue
        if view[s].isascii() and view[s].isalpha() and (_latin_at(view, s - 1) or _latin_at(view, e)):
            continue  # a Latin term inside a word (share in shared, like in likely)
        reach = e
        nl = view.rfind("\n", seen, s)
        if nl >= 0:
            line_start = nl + 1
        seen = s
        out.setdefault(line_start, []).append((s - line_start, e - line_start, rules.by_form[view[s:e]]))
    return out


def _latin_at(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a Latin letter (False outside the text)."""
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()


def _view(line: str, hits: list[_Hit], rules: ChromeRules) -> tuple[str, list[_Hit]]:
    """The line folded, and its hits; a letter-spaced table line (索 引 号: | … |) without the
    spaces between hanzi."""
    line = fold(line)
    if (":" in line or "|" in line or _SPACED_LEAD.match(line)) and _rx().SPACED.search(line):
        line = _rx().SPACED.sub("", line)
        return line, _line_hits(line, rules).get(0, [])
    return line, hits


def _residue(line: str, hits: list[_Hit]) -> int:
    """Hanzi left once chrome terms, separators, numbers, Latin and punctuation are out."""
    pieces, pos = [], 0
    for s, e, _ in hits:
        pieces.append(line[pos:s])
        pos = e
    pieces.append(line[pos:])
    rest = " ".join(pieces)
    if _rx().HANZI.search(line) is None:
        # a line in Latin script: its other words are text (We like to share …), not a button's label
        return sum(1 for w in _LATIN_WORD.findall(rest) if len(w) >= 2 and w not in _WEB_WORDS)
    return len(_rx().NOT_RESIDUE.sub("", rest))


def classify(
    line: str,
    hits: list[_Hit],
    header: bool,
    near_top: bool,
    settings: BoilerplateSettings,
    footer: bool = False,
) -> tuple[str, str] | None:
    """(rule, reason) if the folded ``line`` is chrome, else None.

    ``header`` and ``footer``: the line stands in the run of short lines at the top or
    the bottom of the text, before (after) its first (last) content line.

    >>> rules = ChromeRules(builtin_chrome_lexicons())
    >>> def c(line, header=False):
    ...     v = fold(line)
    ...     return classify(v, _line_hits(v, rules).get(0, []), header, header, BoilerplateSettings())
    >>> c("当前位置：首页 > 政务公开 > 工作总结")
    ('chrome-nav', 'breadcrumb led by 当前位置')
    >>> c("索引号 11/2023-001 生成日期 2023-01-17 公开日期 2023-01-17")[0]
    'chrome-metadata'
    >>> c("【字体：大 中 小】 打印本页 关闭窗口")[0]
    'chrome-toolbar'
    >>> c("（三）信息公开方式") is None, c("相关附件") is None, c("联系我们") is None
    (True, True, True)
    >>> c("（责任编辑：王某 AB012）")[0], c("初审：张某 复审：李某 终审：赵某")[0]
    ('chrome-metadata', 'chrome-metadata')
    >>> c("（审核后报县政府）") is None
    True
    """
    s = line.strip()
    if not s or len(s) > settings.max_chrome_line or HEADING.match(line):
        return None
    if len(s) > 2 and s[0] in "(（" and s[-1] in ")）" and not any(c in s[1:-1] for c in "()（）"):
        # a credit in brackets, (责任编辑：某某): judged on what the brackets hold, and only a
        # page field counts (a note in brackets is text)
        at = line.index(s[0]) + 1
        inner = [(a - at, b - at, t) for a, b, t in hits if a >= at and b <= at + len(s) - 2]
        verdict = classify(line[at : at + len(s) - 2], inner, header, near_top, settings, footer)
        if verdict and verdict[0] == "chrome-metadata":
            return verdict[0], verdict[1] + " (in brackets)"
        return None
    spam = {h[2].term for h in hits if h[2].cls == "spam"}
    if spam:
        if len(spam) >= 3 and not any(c in s for c in "，,、。"):
            return "chrome-spam", "a title stuffed with spam keywords: " + ", ".join(sorted(spam)[:4])
        hits = [h for h in hits if h[2].cls != "spam"]  # they count for nothing else
    ends = any(c in s for c in TERMINATORS)
    lead = _LEAD.match(line)
    start = lead.end() if lead else 0
    first = hits[0] if hits else None
    if first and first[0] == start and not ends:
        term = first[2]
        rest = line[first[1] :].strip(" :")
        if term.cls == "nav" and (not rest or line[first[1]] in " :>|/»›"):
            return "chrome-nav", f"breadcrumb led by {term.term}"
        glued = header and len(s) <= _GLUED_CRUMB and not any(c in s for c in "，,、")
        if term.cls == "nav" and glued and _nested(rest):
            # a path of nested sections repeats their words (总结 > 社区工作总结); 首页改版工作 stays
            return "chrome-nav", f"breadcrumb led by {term.term}, its separators lost (首页总结工作总结)"
        # a field's value has no clause marks; a toolbar link may lead a list (tag: a, b, c);
        # the term stands alone as a token (无障碍设施改造 and TOP10企业 are not buttons)
        listed = term.cls in ("toolbar", "related") or not any(c in rest for c in "，,、")
        after = line[first[1] : first[1] + 1]
        token = not after or after in " :|" or (term.cls == "label" and after.isdigit())
        if term.strong and term.cls != "nav" and token and len(rest) <= settings.max_field_value and listed:
            rule = "chrome-metadata" if term.cls == "label" else "chrome-toolbar"
            return rule, f"{term.term} and a short value"
    if ends:
        return None
    labels = {h[2].term for h in hits if h[2].cls == "label"}
    if len(labels) >= 3 or (len(labels) >= 2 and any(h[2].strong for h in hits if h[2].cls == "label")):
        return "chrome-metadata", "page metadata fields: " + ", ".join(sorted(labels)[:4])
    fields = _FIELD_TOKEN.findall(s)
    if len(fields) >= 2 and len(s) <= _FIELDS_LINE and not _EVENT_FIELD.search(s) and (
        any(h[2].strong for h in hits if h[2].cls == "label") or _ISO_AFTER_FIELD.search(s)
    ):
        # 信息分类: 通知   发布机构: 某某办公室; 废止时间: 2020-01-23 名称: …: a row of a catalogue table
        return "chrome-metadata", "a row of page fields: " + ", ".join(fields[:4])
    items = _ITEMS.findall(s)
    navs = len(_NAV_SEP.findall(s))
    if navs >= 2 and all(len(x) <= 20 for x in items) and (header or any(h[2].cls == "nav" for h in hits)):
        return "chrome-nav", "short items between '>' separators"
    if navs == 1 and header and len(items) == 2 and all(len(x) <= 12 for x in items) and not _DIGIT.search(s):
        return "chrome-nav", "a section path at the top (工作总结 > 乡镇工作总结)"
    distinct = {h[2].term for h in hits}
    links = {h[2].term for h in hits if h[2].cls != "label"}
    # one term alone must leave nothing (TOP 5 企业 stays); two or more may leave a character or two
    room = settings.max_residue if len(distinct) >= 2 else 0
    if (len(distinct) >= 2 or any(h[2].strong for h in hits)) and _residue(line, hits) <= room:
        return "chrome-toolbar", "only site buttons and links: " + ", ".join(sorted(distinct)[:4])
    if (
        len(items) >= settings.min_nav_items
        and sum(map(len, items)) <= settings.max_nav_item * len(items)
        and not any(c in s for c in "，,、")
        and (len(links) >= 2 or any(h[2].cls == "nav" for h in hits))
        and (_rx().HANZI.search(line) is not None or _residue(line, hits) == 0)  # not an English sentence
    ):
        return "chrome-nav", "navigation bar: " + ", ".join(sorted(links)[:4])
    if _TAB.search(s):
        return "chrome-docsite", "document-site page tab"
    if _SIZE.match(s):
        return "chrome-docsite", "document-site file size"
    if near_top and _BULLET_DATE.fullmatch(s):
        return "chrome-metadata", "a CMS date in a bullet at the top of the page (• 2021-11-13)"
    if _repeated_tokens(s):
        return "chrome-docsite", "the same captions over and over (清沟照片 清沟照片 清沟影像 清沟影像, 广告 广告)"
    if _PAPER_SLUG.match(s):
        return "chrome-nav", "an e-paper's page slug (第一版:要闻版 总第4492期)"
    if _VIEWER_PAGE.fullmatch(s):
        return "chrome-docsite", "a page label of a flipbook viewer (p:03)"
    if (header or footer) and _BARE_DOMAIN.fullmatch(s):
        return "chrome-docsite", "a site's address alone at the edge of the page"
    if header and _DOMAIN_BANNER.fullmatch(s):
        return "chrome-docsite", "a site's address and slogan at the top of the page"
    if _DOC_ID.match(s):
        return "chrome-docsite", "document-site file id"
    if _STAMP.match(s):
        return "chrome-metadata", "a publication time stamp"
    if _IMAGE.fullmatch(s):
        return "chrome-docsite", "a picture's file name where the picture stood"
    if _PICTURE_ALT.fullmatch(s):
        return "chrome-docsite", "a picture's alternative text where the picture stood"
    if len(s) <= settings.max_field_value + 20:
        stamp = _STAMP_IN.search(s)
        vouched = len({h[2].term for h in hits}) >= 2 or any(h[2].strong for h in hits)
        if stamp and (vouched or stamp.group(1)):
            return "chrome-metadata", "a publication time stamp with page fields"
        dated = [h for h in hits if h[2].cls == "label" and h[2].strong and _DATE_AT.match(line, h[1])]
        if dated:
            return "chrome-metadata", f"{dated[0][2].term} with a date"
        opening = hits[0] if hits and hits[0][0] == start else None
        if (
            near_top
            and opening is not None
            and opening[2].cls == "label"
            and _DATE_AT.match(line, opening[1])
            and any(h[2].strong and h[2].cls in ("toolbar", "related") for h in hits)
        ):
            # 时间:2023-08-11 某栏目 版权反馈: a date field with the site's buttons after it
            return "chrome-metadata", f"{opening[2].term} with a date and site buttons at the top"
    if (header or footer) and links and not labels and _residue(line, hits) == 0:
        # at the edges of the page a lone weak term is a button too (关闭, 广告, 分享)
        return "chrome-toolbar", "site buttons at the edge of the page: " + ", ".join(sorted(distinct)[:4])
    lead_label = hits and hits[0][2].cls == "label" and hits[0][0] == start
    if footer and lead_label and line[hits[0][1] : hits[0][1] + 1] in (" ", ":", "|"):
        value = line[hits[0][1] :].strip(" :|")
        if value and len(value) <= settings.max_field_value and not _DIGIT.search(value) and not any(
            c in value for c in "，,、"
        ):
            # 关键词：政府工作报告, 标签：工作总结 at the foot of the page (a date stays: a report ends with one)
            return "chrome-metadata", f"{hits[0][2].term} field at the foot of the page"
    if header and lead_label and hits[0][2].term in _TAG_FIELDS and line[hits[0][1] : hits[0][1] + 1] in (" ", ":"):
        value = line[hits[0][1] :].strip(" :|")
        if value and len(value) <= settings.max_field_value and not any(c in value for c in "，,、；;。"):
            return "chrome-metadata", f"{hits[0][2].term} field at the top of the page"
    if near_top and lead_label:
        value = line[hits[0][1] :].lstrip(" :")
        if _ISO_DATE.match(value) or (len(value) <= settings.max_field_value and _ISO_DATE_END.search(value)):
            # 时间:2023-02-24, 编辑:某某网2017-04-26: a byline with a CMS date
            return "chrome-metadata", f"{hits[0][2].term} field with a CMS date at the top"
    return None


def _repeated_tokens(s: str) -> bool:
    """A line of captions repeated (pictures' alternative texts, advert labels): four tokens or more
    with at most half of them distinct, or two or three of one short word, with no clause mark.

    >>> _repeated_tokens("清沟照片 清沟照片 清沟影像 清沟影像"), _repeated_tokens("广告 广告")
    (True, True)
    >>> _repeated_tokens("工作总结 工作总结"), _repeated_tokens("一是 二是 三是 四是")
    (False, False)
    """
    if any(c in s for c in "，,。；;：:、"):
        return False
    tokens = s.split()
    if len(tokens) >= 4:
        return len(set(tokens)) * 2 <= len(tokens) and all(len(t) <= 8 for t in tokens)
    return len(tokens) >= 2 and len(set(tokens)) == 1 and len(tokens[0]) <= 2


def _nested(rest: str) -> bool:
    """Whether a run of section names repeats a word of two characters (总结社区工作总结): the
    path of nested sections a breadcrumb shows, its separators lost.

    >>> _nested("总结社区工作总结"), _nested("改版工作")
    (True, False)
    """
    hanzi = _rx().HANZI
    pairs = [rest[i : i + 2] for i in range(len(rest) - 1) if hanzi.match(rest, i) and hanzi.match(rest, i + 1)]
    return len(set(pairs)) < len(pairs)


def _is_filler(line: str, titles: re.Pattern[str] | None, settings: BoilerplateSettings) -> bool:
    """A short line that may go with chrome around it: not a sentence, heading, title or date.

    Nor a document number (镇政发〔2024〕7号) or a line of placeholder marks (``*``, ``××``).
    """
    s = line.strip()
    if not s or len(s) > settings.max_filler or any(c in s for c in TERMINATORS) or HEADING.match(line):
        return False
    if _rx().DOC_NUMBER.search(s) or _MARKS.fullmatch(s):
        return False
    if titles is not None and titles.search(s):
        return False
    if s[-1] in ":：" or any(c in s for c in "，、"):
        return False  # an addressee (各位代表：) or a clause
    return not (_rx().DATE_LINE.match(s) and not _TIME.search(s))


def _is_field(line: str, hits: list[_Hit], settings: BoilerplateSettings) -> bool:
    """A metadata field name alone, or with a short value (``来源:``, ``栏目``, ``日期:97-12-13``)."""
    lead = _LEAD.match(line)
    at = lead.end() if lead else 0
    if not hits or hits[0][0] != at or hits[0][2].cls != "label" or HEADING.match(line):
        return False
    rest = line[hits[0][1] :]
    value = rest.strip(" :|")
    return (not value or rest[:1] in " :|") and len(value) <= settings.max_field_value and not any(
        c in value for c in TERMINATORS + "，、"
    )


class _Row:
    __slots__ = (
        "anchor",
        "bare",
        "dated",
        "end",
        "field",
        "filler",
        "gap",
        "kind",
        "label_only",
        "rule",
        "short",
        "short_value",
        "start",
        "symbol",
        "text",
    )

    def __init__(self, start: int, end: int, kind: str, rule: str, gap: bool) -> None:
        self.start, self.end, self.kind, self.rule = start, end, kind, rule
        self.anchor = kind == "chrome"  # chrome that may decide its neighbours
        self.bare = False  # a field name with no value (栏目, 来源:)
        self.dated = False  # a field whose value is a dated number (修订日期: 2005年10月12日)
        self.gap = gap  # a blank line stands before it
        self.text = ""  # the line, stripped
        self.field = self.filler = self.label_only = self.short = self.short_value = self.symbol = False


_SYMBOLS = re.compile(r"[\s:;|=_~#.·•>-]+")
_MENU_ITEM = 8  # a menu item is at most this long (HK/TW site menus: 施政報告, 新聞稿)
_MAX_MENU = 12  # a menu between two chrome lines has at most this many items


#: A field of a catalogue record: a short label (统一编号GPN, 作/编/译者, ISBN/ISSN), a colon and a
#: short value with no clause mark.
_FIELD_LINE = re.compile(
    r"[•·\-*▪◆●]?\s*([^\s:：，。；、,;]{1,10})\s*[:：]\s*([^\s，。；、,;！？!?][^，。；、,;！？!?]{0,39})"
)
#: A machine-written value: a code, a slashed or dashed date, a bare count or a measure with a star.
_MACHINE_VALUE = re.compile(
    r"[A-Za-z]{0,4}[\d\-]{6,}[A-Za-z]?|\d{2,4}[/\-.]\d{1,2}(?:[/\-.]\d{1,2})?|\d{1,6}(?:\.\d+)?\s*\S{0,2}(?:\*\S{1,8})?"
)
#: A meeting's time or place field written out in words (时间: 上午9时30分, 地点: 新界某某会议室).
_MEETING_FIELD = re.compile(r"(?:会议)?(?:时间|時間|地点|地點)\s?[:：]\s?[\u3400-\u9fff]")
_HEAD_LINES = 40  # the head of a page, looked at for Latin lines among its chrome, at most
_CLAUSE = "，。；！？"
_LATIN_TEXT = re.compile(r"[A-Za-z]{2,}")


def _latin_line(line: str) -> bool:
    """A line in Latin script: no hanzi, a word of two letters or more, not too long."""
    return 0 < len(line) <= 160 and _rx().HANZI.search(line) is None and _LATIN_TEXT.search(line) is not None


def _chinese_page(text: str) -> bool:
    """Whether the text is Chinese: hanzi are at least a third of its first 5,000 letters."""
    head = text[:5000]
    letters = sum(1 for c in head if c.isalpha())
    return letters > 0 and len(_rx().HANZI.findall(head)) * 3 >= letters


#: The lead of a piece on a compilation page, alone on its line: 篇一：题目, 篇1, 题目范文2 (told by the form);
#: 第一篇：题目 (group 1: told only on a page that shows it is a compilation).
# (篇一：题目, 篇1 and 题目篇2 stay: the structure step reads them to know a page of several pieces,
# whose title is no single report's; they can go once it reads them among the removals)
_PIECE_LEAD = re.compile(
    r"(?m)^[ \t\u3000]*(?:[^\n。；;！？!?，,]{2,40}?[范範]文\d{1,2}"
    r"|(第[一二三四五六七八九十]{1,3}篇)[:：][^\n。；;！？!?]{0,40})[ \t\u3000]*$"
)
#: A compilation page's title tag: （精选多篇）, （汇总4篇）, (通用10篇).
_COMPILED_TAG = re.compile(
    r"[(（](?:精[选選]|[汇彙]总|通用|[优優][选選]|精[编編])?[0-9一二三四五六七八九十多]{1,3}篇[)）]"
)
#: The address of the page itself (a contact block gives a home page, not this).
_PERMALINK = re.compile(r"https?://\S+/\S+\.(?:s?html?|php|aspx?|jsp)\b")
#: A code or a slashed or dashed date: what a catalogue prints and a township's profile does not
#: (总人口：35000 is a count of the report's own).
_CODE_VALUE = re.compile(r"[A-Za-z]{0,4}[\d\-]{6,}[A-Za-z]?|\d{2,4}[/\-.]\d{1,2}(?:[/\-.]\d{1,2})?")
_MIN_FIELDS = 4
_MAX_FIELDS = 20

_WINDOW = 30  # lines around a chrome line that its revise pass may reach (a menu of _MAX_MENU with gaps)


class ChromeScan:
    """What the classifier finds in a text on its own: line starts and each candidate line's verdict.

    Made once per text; :func:`chrome_lines` then revises it against the lines other rules
    remove, as often as the step needs (the fixed point of the boilerplate step).
    """

    __slots__ = ("_candidates", "_hits", "_rules", "related", "shapes", "starts", "text", "verdicts", "views")

    def __init__(
        self, text: str, rules: ChromeRules, titles: re.Pattern[str] | None, settings: BoilerplateSettings
    ) -> None:
        self.text = text
        self.shapes: dict[int, tuple[bool, ...]] = {}  # line index -> its shape, filled by chrome_lines
        hits = _line_hits(text, rules)
        # line starts from the line lengths (C speed), not from a newline regex
        # (map, a bound int.__add__ and accumulate keep the loop in C; a generator expression was 3x slower)
        self.starts = starts = [0, *accumulate(map((1).__add__, map(len, text.split("\n"))))][:-1]
        candidates = {bisect_right(starts, h) - 1 for h in hits}
        for needle, trigger in _rx().TRIGGERS:
            if needle[0] in text and needle in text:  # one character first: str finds it fastest
                candidates.update(bisect_right(starts, m.start()) - 1 for m in trigger.finditer(text))
        # the header zone: the first non-blank lines, up to the first content line
        top: dict[int, bool] = {}  # line index -> still in the header zone
        in_header, i = True, 0
        while i < len(starts) and len(top) < settings.header_lines:
            s, e = self.span(i)
            stripped = text[s:e].strip()
            if stripped:
                top[i] = in_header
                short = len(stripped) <= _MENU_ITEM and not any(c in stripped for c in TERMINATORS)
                if i not in candidates and not short and not _is_filler(text[s:e], titles, settings):
                    in_header = False
            i += 1
        # the footer zone likewise, from the bottom up
        bottom: set[int] = set()
        in_footer, seen, i = True, 0, len(starts) - 1
        while i >= 0 and in_footer and seen < settings.header_lines:
            s, e = self.span(i)
            stripped = text[s:e].strip()
            if stripped:
                seen += 1
                short = len(stripped) <= _MENU_ITEM and not any(c in stripped for c in TERMINATORS)
                sentence = any(c in stripped for c in TERMINATORS) or HEADING.match(text, s, e)
                if sentence or (i not in candidates and not short and not _is_filler(text[s:e], titles, settings)):
                    in_footer = False  # a sentence or a heading is content, whatever terms it holds
                else:
                    bottom.add(i)
            i -= 1
        self.verdicts: dict[int, tuple[str, str]] = {}
        self._edges(text, top, candidates)
        self._field_runs(text)
        if "|" in text or "｜" in text:
            self._edge_bars(text)
        if "篇" in text or "范文" in text or "範文" in text:
            self._compilation(text)
        self.related: set[int] = set()  # starts of chrome lines led by a related-links heading
        self.views: dict[int, tuple[str, list[_Hit]]] = {}
        self._hits, self._rules, self._candidates = hits, rules, candidates
        longest = settings.max_chrome_line
        ui: list[int] = []  # lines of Latin interface words only
        for i in sorted(candidates):
            s, e = self.span(i)
            line = text[s:e]
            size = len(line.strip())
            if not size:
                continue
            spaced = " " in line or "\u3000" in line  # letter-spacing _view may take out
            if size > longest and not spaced:
                # too long for chrome: classify says no without the fold (of the whole paragraph,
                # the costliest part of the scan on prose); its view is made only if the revise pass asks
                continue
            if any(c in line for c in TERMINATORS):
                # a sentence: classify says no (the fold maps a full-width ！？； to a terminator
                # too, and takes out spaces only), so skip the fold
                continue
            view, found = self.view(i)
            verdict = classify(view, found, top.get(i, False), i in top, settings, i in bottom)
            if verdict:
                self.verdicts[i] = verdict
                if any(h[2].cls == "related" for h in found):
                    self.related.add(s)
            if found and view.isascii():
                words = _LATIN_WORD.findall(view)
                if words and len(view.strip()) <= 40 and all(w in rules.latin_words for w in words):
                    ui.append(i)
        if ui:
            self._latin_runs(ui)
        self._meeting_fields(text)
        self._fields_between(text)
        if ":::" in text:
            self._access_keys(text)
        if "|" in text:
            self._table_values(text)
        if self.verdicts:
            self._latin_head(text)

    def _table_values(self, text: str) -> None:
        """The row of values under the header row of a page-field table (``索引号 | 公开方式 | 发布机构 |``
        / ``1162…/2010-00023 | 主动公开 | 某镇人民政府 |``): the next line, with as many cells and no
        clause mark, goes with its header."""
        for i, (rule, _) in list(self.verdicts.items()):
            if rule != "chrome-metadata":
                continue
            header = text[slice(*self.span(i))]
            cells = header.count("|")
            if cells < 2:
                continue
            for j in range(i + 1, min(i + 3, len(self.starts))):
                row = text[slice(*self.span(j))].strip()
                if not row:
                    continue
                plain = not any(c in row for c in TERMINATORS + "，,")
                if row.count("|") == cells and plain and j not in self.verdicts:
                    self.verdicts[j] = ("chrome-metadata", "the row of values under a page-field table's header")
                break

    def _access_keys(self, text: str) -> None:
        """The access-key anchor of Taiwan government sites (``:::``) goes when the nearest line
        above or below it is chrome (a skip link, a menu toggle, another anchor); elsewhere a
        line of marks stays."""
        keys = [i for i in range(len(self.starts)) if _ACCESS_KEY.fullmatch(text[slice(*self.span(i))])]
        for _ in range(2):  # (two anchors in a row: the second vouched for by the first)
            for i in keys:
                if i in self.verdicts:
                    continue
                near = [self._nearest(text, i, step) for step in (-1, 1)]
                if any(j is not None and j in self.verdicts for j in near):
                    self.verdicts[i] = ("chrome-toolbar", "the access-key anchor of a Taiwan government site (:::)")

    def _nearest(self, text: str, i: int, step: int) -> int | None:
        """The nearest non-blank line before (step -1) or after (step 1) line ``i``."""
        j = i + step
        while 0 <= j < len(self.starts):
            if text[slice(*self.span(j))].strip():
                return j
            j += step
        return None

    def _fields_between(self, text: str) -> None:
        """A field line with a long value (标题: 某镇关于印发《…》的通知) right between two lines of
        page fields goes with them: a catalogue table's row, however long its value."""
        for i in [i for i, v in self.verdicts.items() if v[0] == "chrome-metadata"]:
            j = i + 1
            if j + 1 >= len(self.starts) or j in self.verdicts:
                continue
            after = self.verdicts.get(j + 1)
            line = text[slice(*self.span(j))].strip()
            if (
                after is not None
                and after[0] == "chrome-metadata"
                and len(line) <= _FIELDS_LINE + 20
                and _FIELD_START.match(line)
                and not any(c in line for c in TERMINATORS)
            ):
                self.verdicts[j] = ("chrome-metadata", "a field between two lines of page fields")

    def _meeting_fields(self, text: str) -> None:
        """A date field that heads a meeting's record stays: when one of the next three lines is a
        time or place field written out in words (``日期: 2013-06-13`` / ``时间: 上午9时30分`` /
        ``地点: 某某会议室``), the date is the meeting's, not the page's."""
        for i, (rule, reason) in list(self.verdicts.items()):
            if rule != "chrome-metadata" or "date" not in reason:
                continue
            seen = 0
            for j in range(i + 1, len(self.starts)):
                line = text[slice(*self.span(j))].strip()
                if not line:
                    continue
                seen += 1
                if seen > 3:
                    break
                if _MEETING_FIELD.match(line):
                    del self.verdicts[i]
                    break

    def _latin_head(self, text: str) -> None:
        """Lines in Latin script at the head of a Chinese page, among its chrome (a viewer's
        announcement: ``Brand-New`` / ``We are proud to announce…`` / ``No, try later``): two or
        more in a row, from the top of the text or touching a chrome line, before the first
        Chinese sentence. A single Latin line (an English title under the Chinese one) stays."""
        head: list[int] = []
        for i in range(len(self.starts)):
            line = text[slice(*self.span(i))].strip()
            if not line:
                continue
            if len(head) >= _HEAD_LINES or (_rx().HANZI.search(line) and any(c in line for c in _CLAUSE)):
                break
            head.append(i)
        if sum(i in self.verdicts for i in head) < 2 or not _chinese_page(text):
            return
        run: list[int] = []
        for i in [*head, -1]:
            line = text[slice(*self.span(i))].strip() if i >= 0 else ""
            if i >= 0 and i not in self.verdicts and _latin_line(line):
                run.append(i)
                continue
            if len(run) >= 2:
                first = head.index(run[0])
                touching = first == 0 or head[first - 1] in self.verdicts or (i >= 0 and i in self.verdicts)
                if touching:
                    why = "lines in Latin script among the chrome at the head of a Chinese page"
                    for j in run:
                        self.verdicts[j] = ("chrome-toolbar", why)
            run = []

    def _compilation(self, text: str) -> None:
        """The lead of each piece on a page that compiles several (a 范文 site): ``题目范文1`` on a
        line of its own, and ``第一篇：题目`` on a page that shows it
        is a compilation (a tag such as ``（精选多篇）`` or the word 范文 near the top, or a
        second such lead). A plan's part heading (``第一篇 发展基础``, no colon) stays."""
        leads: list[tuple[int, bool]] = []  # line index, and whether the form tells it alone
        for m in _PIECE_LEAD.finditer(text):
            i = bisect_right(self.starts, m.start()) - 1
            leads.append((i, m.group(1) is None))
        if not leads:
            return
        top = text[:1000]
        compiled = (
            _COMPILED_TAG.search(text) is not None or "范文" in top or "範文" in top or len(leads) >= 2
        )
        for i, alone in leads:
            if alone or compiled:
                self.verdicts.setdefault(i, ("chrome-docsite", "the lead of one piece on a compilation page"))

    def _edge_bars(self, text: str) -> None:
        """A bar alone as the first or the last line of the text, and a category chip between bars
        (``| 报告 |``) among the first lines when no other line near the top holds a bar (in a
        flattened table, bars and short cells are content)."""
        n = len(self.starts)
        top = [i for i in range(min(n, 4 * _TOP_BARS)) if text[slice(*self.span(i))].strip()][:_TOP_BARS]
        last = next((i for i in range(n - 1, -1, -1) if text[slice(*self.span(i))].strip()), None)
        if not top or last is None:
            return
        lines = top
        why = "a bar alone at the edge of the page"
        for i in {top[0], last}:
            if text[slice(*self.span(i))].strip() in ("|", "｜"):
                self.verdicts.setdefault(i, ("chrome-nav", why))
        barred = [i for i in top if any(c in text[slice(*self.span(i))] for c in "|｜")]
        if len(barred) == 1 and barred[0] in lines[:6]:
            line = text[slice(*self.span(barred[0]))].strip()
            if _BAR_CHIP.fullmatch(line):
                self.verdicts.setdefault(barred[0], ("chrome-nav", "a category chip between bars at the top"))

    def _field_runs(self, text: str) -> None:
        """A catalogue record at the top or the foot of the page (统一编号：…, 出版日期：2020/10,
        页数：146, ISBN：…): at least ``_MIN_FIELDS`` lines in a row that are each a short label, a
        colon and a short value, two or more of the values machine-written (a code of six digits
        or more, a date with slashes or dashes, a bare count), one of them a code or such a date, and
        nothing but blank lines between the run and the edge. A report's own cover (编制单位：某某局)
        and a township's profile (总人口：35000 / 户数：12000 …) have no code."""
        starts = self.starts
        for order in (range(len(starts)), range(len(starts) - 1, -1, -1)):
            run: list[int] = []
            machine = coded = 0
            for i in order:
                line = text[slice(*self.span(i))].strip()
                if not line:
                    continue
                m = _FIELD_LINE.fullmatch(line)
                if m is None or len(run) >= _MAX_FIELDS:
                    break
                run.append(i)
                machine += _MACHINE_VALUE.fullmatch(m.group(2)) is not None
                coded += _CODE_VALUE.fullmatch(m.group(2)) is not None
            permalink = any(_PERMALINK.search(text[slice(*self.span(i))]) for i in run)
            if (len(run) >= _MIN_FIELDS and machine >= 2 and coded) or (len(run) >= 3 and permalink):
                why = "a catalogue record of label: value fields at the edge"
                for i in run:
                    self.verdicts.setdefault(i, ("chrome-metadata", why))

    def _latin_runs(self, ui: list[int]) -> None:
        """Lines of nothing but interface words (``Like``, ``Share``, ``Read Text Version``) go when
        three stand together, or two beside other chrome: one alone may be an English heading."""
        run: list[int] = []
        for i in [*ui, -2]:
            together = bool(run) and i > run[-1] and all(
                not self.text[slice(*self.span(j))].strip() for j in range(run[-1] + 1, i)
            )
            if run and not together:
                near = any(j in self.verdicts for j in (run[0] - 1, run[-1] + 1, *run))
                if len(run) >= 3 or (len(run) >= 2 and near):
                    for j in run:
                        self.verdicts.setdefault(j, ("chrome-toolbar", "interface words of a document viewer"))
                run = []
            run.append(i)

    def _edges(self, text: str, top: dict[int, bool], candidates: set[int]) -> None:
        """Page furniture told by its place and its repeats: page tabs, the title bar, a logo caption."""
        tabs = []
        for i in candidates if "_第" in text else ():
            s, e = self.span(i)
            m = _BARE_TAB.search(text, s, e)  # its $ is the line's end (endpos)
            if m:
                tabs.append((i, m.group(1)))
        if len({n for _, n in tabs}) >= 2:
            for i, _ in tabs:
                self.verdicts[i] = ("chrome-docsite", "document-site page tab (标题_第N页), one of several")
        heads = [i for i in top if top[i]]
        lines: dict[int, str] = {}  # the lines near the top, stripped: made only for a title-bar candidate
        for i in heads:
            line = text[slice(*self.span(i))].strip()
            if (len(line) <= 24 and line[-4:].lower() == "logo") or _LOGO_ALT.match(line):
                self.verdicts[i] = ("chrome-toolbar", "the site's logo caption at the top")
                continue
            m = _TITLE_BAR.search(line)
            head = line[: m.start()].strip() if m else ""
            if not m or len(head) < 6 or any(c in m.group(1) for c in TERMINATORS):
                continue
            if not lines:
                last = min(heads[-1] + 6, len(self.starts))
                lines = {j: text[slice(*self.span(j))].strip() for j in range(heads[0], last)}
            if any(j != i and lines[j] == head for j in lines):
                # the headline stands on its own line nearby: this one is the browser title bar
                self.verdicts[i] = ("chrome-nav", "the page's title bar: the headline and the site's name")

    def view(self, i: int) -> tuple[str, list[_Hit]]:
        """Line ``i`` folded, with its chrome terms (made once, on first use); a line that is
        no candidate is its own view, with no terms."""
        got = self.views.get(i)
        if got is None:
            s, e = self.span(i)
            if i not in self._candidates:
                return self.text[s:e], []
            got = self.views[i] = _view(self.text[s:e], self._hits.get(s, []), self._rules)
        return got

    def span(self, i: int) -> tuple[int, int]:
        """Start and end (before its newline) of line ``i``."""
        starts = self.starts
        return starts[i], starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)


def chrome_lines(
    scan: ChromeScan,
    titles: re.Pattern[str] | None,
    known: set[int],
    settings: BoilerplateSettings,
) -> dict[int, tuple[int, str, str]]:
    """Chrome lines of the scanned text: start -> (end, rule, reason).

    ``known`` holds the starts of lines other rules remove already: they count as
    chrome for their neighbours. Only lines holding a chrome term or a separator
    are classified; the revise pass looks at the lines around chrome only, so a
    text without chrome costs one scan.
    """
    text, starts, span = scan.text, scan.starts, scan.span
    verdicts = {i: v for i, v in scan.verdicts.items() if starts[i] not in known}
    if not verdicts:
        return {}  # lines removed by the marker rules alone decide no neighbour here (edge blocks do)
    out = {span(i)[0]: (span(i)[1], *v) for i, v in verdicts.items()}
    near: set[int] = set()
    for i in verdicts:
        near.update(range(max(i - _WINDOW, 0), min(i + _WINDOW + 1, len(starts))))
    rows: list[_Row] = []  # the non-blank lines near chrome; a content row stands for the lines between
    gap, last = False, -1
    for i in sorted(near):
        s, e = span(i)
        if i != last + 1 and rows:
            rows.append(_Row(s, s, "other", "", False))  # lines left out: content, never removed
        last = i
        stripped = text[s:e].strip()
        if not stripped:
            gap = True
            continue
        had_gap, gap = gap, False
        if i in verdicts:
            rows.append(_Row(s, e, "chrome", verdicts[i][0], had_gap))
            rows[-1].label_only = stripped[-1] in ":：" and verdicts[i][0] == "chrome-metadata"
            if verdicts[i][0] == "chrome-metadata":
                line, here = scan.view(i)
                rows[-1].bare = _is_field(line, here, settings) and not line[here[0][1] :].strip(" :|")
            continue
        if s in known:
            rows.append(_Row(s, e, "chrome", "known", had_gap))
            rows[-1].text = stripped
            continue
        row = _Row(s, e, "other", "", had_gap)
        row.text = stripped
        shape = scan.shapes.get(i)
        if shape is None:  # what the line is like does not change between rounds: worked out once
            line, here = scan.view(i)
            field = _is_field(line, here, settings)
            value = line[here[0][1] :].strip(" :|") if field else ""
            symbol = _SYMBOLS.fullmatch(stripped) is not None
            plain = not any(c in stripped for c in TERMINATORS) and not HEADING.match(line)
            shape = scan.shapes[i] = (
                field,
                field and not value,
                field
                and not _rx().HAN_WORD.search(value)
                and (_YEAR.search(value) or _ROC_DATE.fullmatch(value)) is not None,
                symbol,
                field or symbol or _is_filler(text[s:e], titles, settings),
                plain and len(stripped.strip("•·-*▪◆●>»› ")) <= _MENU_ITEM,  # a menu item (• 办公文档>)
                plain and len(stripped) <= settings.max_field_value and not _rx().DOC_NUMBER.search(stripped),
            )
        row.field, row.bare, row.dated, row.symbol, row.filler, row.short, row.short_value = shape
        rows.append(row)
    # a window that does not reach the top or bottom of the text ends at a content row
    if rows and near and min(near) > 0:
        rows.insert(0, _Row(0, 0, "other", "", False))
    if rows and near and max(near) < len(starts) - 1:
        rows.append(_Row(len(text), len(text), "other", "", False))
    changed = True
    while changed:
        changed = False
        first = _edge_reach(rows)
        last = len(rows) - _edge_reach(rows[::-1])
        for k, row in enumerate(rows):
            if row.kind == "chrome" or not (row.field or row.symbol):
                continue
            # lines removed by the marker rules (watermarks) do not vouch for a field beside them
            beside = [rows[j] for j in (k - 1, k + 1) if 0 <= j < len(rows)]
            beside = [r for r in beside if r.anchor and r.rule != "known"]
            # chrome runs from it to the top or the bottom of the text
            at_edge = bool(beside) and (k == first or k == last - 1) and (row.symbol or row.dated)
            if at_edge or any(
                n.rule == "chrome-metadata" or row.symbol or row.bare or (row.field and n.label_only) for n in beside
            ):
                row.kind, row.rule, row.anchor = "chrome", "chrome-block", row.field
                out[row.start] = (row.end, "chrome-block", "field or separator line next to page chrome")
                changed = True
        changed |= _sandwiches(rows, out, settings)
    _related_tail(rows, scan.related, out)
    _button_tail(rows, out)
    _teaser_tail(rows, out)
    _field_values(rows, out)
    return out


_TEASER = 40  # a headline or a cut lead of a related-news teaser is at most this long
_FINISHED = tuple("。！？!?…”」）)")


def _teaser_tail(rows: list[_Row], out: dict[int, tuple[int, str, str]]) -> None:
    """Related-news teasers at the foot of a page that has chrome elsewhere, with no heading over
    them: after the last finished sentence, two to twelve short lines (headlines and leads cut
    off mid-clause: ``某某会议召开`` / ``为做好某某工作,某某局``), at least one of them a cut lead.
    A signature, a date, a field (``联系人：…``) or a figure in a line keeps the run."""
    k = len(rows)
    while k and rows[k - 1].kind == "other" and rows[k - 1].text and not rows[k - 1].text.endswith(_FINISHED):
        k -= 1
    tail = rows[k:]
    if not 2 <= len(tail) <= _MAX_LINKS or not k or not rows[k - 1].text.endswith(_FINISHED):
        return
    cut = 0
    for r in tail:
        t = r.text
        if (
            len(t) > _TEASER
            or HEADING.match(t)
            or _DIGIT.search(t)
            or any(c in t for c in ":：;；")
            or t.startswith(("附件", "附："))
        ):
            return
        if not any(c in t for c in "，,"):
            if _ORG_END.search(t):
                return  # a signature (a cut lead may end in the name of a unit: 为…,某县应急局)
            continue
        cut += 1
    if not cut:
        return
    for r in tail:
        r.kind, r.rule = "chrome", "chrome-block"
        out[r.start] = (r.end, "chrome-block", "related-news teasers at the foot of the page")


_FIELD_VALUE = 15  # the value under a bare field name is at most this long


def _field_values(rows: list[_Row], out: dict[int, tuple[int, str, str]]) -> None:
    """The value on the line under a bare field name that goes (``发布单位`` / ``某某科``), when it is
    short, no sentence, heading or title, and no blank line stands between them."""
    for k in range(len(rows) - 1):
        field, value = rows[k], rows[k + 1]
        if (
            field.kind == "chrome"
            and field.bare
            and value.kind == "other"
            and not value.gap
            and value.filler
            and value.short_value
            and 0 < len(value.text) <= _FIELD_VALUE
            and _rx().HANZI.search(value.text) is not None
        ):
            value.kind, value.rule = "chrome", "chrome-block"
            out[value.start] = (value.end, "chrome-block", "the value under a bare field name")


_TAIL_ITEM = 10  # a caption under the buttons at the foot of the page is at most this long
_MAX_TAIL = 6  # … and there are at most this many
# what ends the name of an issuer or a unit: a signature line, never a caption
_ORG_END = re.compile(r"(?:政府|委员会|人大|政协|办公室|街道|社区|公司|中心|学校|医院|[局厅委办处镇乡村所站])$")


def _button_tail(rows: list[_Row], out: dict[int, tuple[int, str, str]]) -> None:
    """The captions under the buttons at the foot of the page (``扫码关注`` / ``某某网微信`` /
    ``客户端``): short lines with no sentence, digit or issuer's name, from a toolbar line to the
    end of the text, go with it."""
    k = len(rows)
    while k and rows[k - 1].kind != "chrome":
        k -= 1
    tail = rows[k:]
    if not k or not tail or len(tail) > _MAX_TAIL or rows[k - 1].rule not in ("chrome-toolbar", "chrome-block"):
        return
    for r in tail:
        t = r.text
        if (
            not t
            or len(t) > _TAIL_ITEM
            or any(c in t for c in TERMINATORS)
            or _DIGIT.search(t)
            or HEADING.match(t)
            or _ORG_END.search(t)
            or r.field
        ):
            return
    for r in tail:
        r.kind, r.rule = "chrome", "chrome-block"
        out[r.start] = (r.end, "chrome-block", "a caption under the buttons at the foot of the page")


_MAX_LINKS = 12  # headlines a related-links list at the foot of a page holds at most
_LINK_LINE = 40  # a headline is at most this long (a row of links between '|' may be longer)


def _is_link(row: _Row) -> bool:
    """A headline or a row of links: short, no full stop, not a heading, an attachment or a field."""
    t = row.text
    if row.kind != "other" or not t or "。" in t or HEADING.match(t) or t.startswith(("附件", "附：", "附:")):
        return False
    if t[-1] in ":：":
        return False
    items = t.split("|")
    return len(t) <= _LINK_LINE or (len(items) >= 3 and all(len(x.strip()) <= 16 for x in items))


def _related_tail(rows: list[_Row], related: set[int], out: dict[int, tuple[int, str, str]]) -> None:
    """Headlines under a related-links heading (相关阅读, 更多…新闻报道) that run to the end of the text go.

    Only at the foot of the page: every row after the heading is chrome or a short headline,
    to the last line of the text, and there are at most ``_MAX_LINKS`` of them.
    """
    for k, row in enumerate(rows):
        if row.kind != "chrome" or row.start not in related:
            continue
        after = rows[k + 1 :]
        links = [r for r in after if r.kind != "chrome"]
        headlines, prev = 0, ""
        for r in links:
            if _is_link(r):
                headlines += 1
            elif not (_is_teaser(r.text, prev) or _COUNTS.fullmatch(r.text)):
                break
            prev = r.text
        else:
            if links and 0 < headlines <= _MAX_LINKS:
                why = "headline under a related-links heading at the foot of the page"
                for r in links:
                    r.kind, r.rule = "chrome", "chrome-block"
                    out[r.start] = (r.end, "chrome-block", why)
                source = rows[k - 1] if k else None
                if source is not None and source.kind == "other" and source.field and not row.gap:
                    # the article's source field right above the list (来源：某某网) goes with it
                    source.kind, source.rule = "chrome", "chrome-block"
                    out[source.start] = (source.end, "chrome-block", "a page field right above a related-links list")
            return


#: A line of figures a related-links list prints under a headline (its date, views and likes).
_COUNTS = re.compile(r"(?=[^\n]*\d)[\d\s\-:/.|·•]+")
_TEASER_MAX = 200  # a headline with its cut lead is at most this long


def _is_teaser(text: str, headline: str) -> bool:
    """A related-news teaser: the headline just above, repeated with the first words of its story,
    or a lead cut off with an ellipsis; short, and no heading.

    >>> _is_teaser("某镇召开会议 某镇今天召开了工作会议，部署…", "某镇召开会议"), _is_teaser("一、总体要求…", "")
    (True, False)
    """
    if not text or len(text) > _TEASER_MAX or HEADING.match(text):
        return False
    return bool(headline and text.startswith(headline) and len(text) > len(headline)) or text.endswith(("…", "..."))


_SITE_NAME_END = ("网", "網", "网站", "網站", "门户", "門戶")


def _headline_like(row: _Row) -> bool:
    """A line of a headline: four hanzi or more, no field, not a site's name (某某网, 某某全球網-中文網)."""
    t = row.text
    return len(_rx().HANZI.findall(t)) >= 4 and not row.field and not t.endswith(_SITE_NAME_END)


def _edge_reach(rows: list[_Row]) -> int:
    """How many rows from the start are chrome without a break."""
    n = 0
    while n < len(rows) and rows[n].kind == "chrome":
        n += 1
    return n


def _crumb_like(row: _Row) -> bool:
    """A breadcrumb, found by this classifier or by the marker rules (当前位置：…)."""
    return row.rule == "chrome-nav" or (row.rule == "known" and ("位置" in row.text or ">" in row.text))


def _dated_like(row: _Row) -> bool:
    """Page metadata, found by this classifier or by the marker rules (a dated source line)."""
    return row.rule == "chrome-metadata" or (row.rule == "known" and _YEAR.search(row.text) is not None)


def _sandwiches(rows: list[_Row], out: dict[int, tuple[int, str, str]], settings: BoilerplateSettings) -> bool:
    """Runs of short lines between two chrome lines go with them (the revise pass)."""
    changed = False
    top_run = _edge_reach(rows)  # rows[:top_run] are chrome
    i = 0
    while i < len(rows):
        if rows[i].kind == "chrome":
            i += 1
            continue
        j = i
        while j < len(rows) and rows[j].kind != "chrome":
            j += 1
        # a line removed by the marker rules decides its neighbours only with no blank line between
        if (
            0 < i
            and j < len(rows)
            and rows[i - 1].anchor
            and rows[j].anchor
            and not (rows[i - 1].rule == "known" and rows[i].gap)
            and not (rows[j].rule == "known" and rows[j].gap)
        ):
            run = rows[i:j]
            before = rows[i - 1]
            reason = ""
            # the page title's place (under the breadcrumb, over the metadata) stays
            # the first line under the chrome at the top, four hanzi or more, is the page's title
            # (a bare field name above it makes it the field's value)
            # a shorter one (空谈) stays in the headline's place: under the top chrome or a breadcrumb,
            # over the page metadata
            hanzi = len(_rx().HANZI.findall(run[0].text)) if len(run) == 1 else 0
            title_slot = (
                hanzi >= 2
                and not before.label_only
                and not run[0].field
                and (
                    (hanzi >= 4 and i == top_run)
                    or ((i == top_run or _crumb_like(before)) and _dated_like(rows[j]))
                )
            )
            # a headline and its kicker or subtitle (两行标题) right under the top chrome, over the
            # page metadata: its lines of four hanzi or more stay; a site's name (…网) or a field
            # among them goes
            headed = 2 <= len(run) <= 3 and i == top_run and _dated_like(rows[j])
            heads = [r for r in run if _headline_like(r)] if headed else []
            if title_slot:
                pass
            elif heads:
                rest = [r for r in run if r not in heads and (r.filler or r.field)]
                for r in rest:
                    r.kind, r.rule, r.anchor = "chrome", "chrome-block", True
                    out[r.start] = (r.end, "chrome-block", "a site's name or a field over the page's headline")
                changed |= bool(rest)
            elif len(run) <= settings.max_filler_run and all(r.filler for r in run):
                reason = "short line between chrome lines"
            elif len(run) == 1 and before.label_only and run[0].short_value:
                reason = "the value of a metadata field"
            elif 4 <= len(run) <= _MAX_MENU and all(r.short for r in run) and sum(r.filler for r in run) >= 4:
                # a menu: its items go, lines with a title word (a section name) stay
                run = [r for r in run if r.filler]
                reason = "menu items between chrome lines"
            if reason:
                for r in run:
                    r.kind, r.rule, r.anchor = "chrome", "chrome-block", True
                    out[r.start] = (r.end, "chrome-block", reason)
                changed = True
        i = j
    return changed
