"""The review page without a browser: the texts it shows, escaping, hooks, CSP; explain; the CLI.

The browser side (panel, switches, keys, scripts that must not run) is in test_review_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reportclean
from reportclean._explain import catalogue, explain, names, what_to_do
from reportclean._review import esc

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").rglob("*.txt"))
SEED_003 = ROOT / "fixtures" / "in-the-wild" / "003_16b1481ae9881a07.txt"
HOSTILE = (
    "X街道工作总结\n"
    "<script>alert(1)</script>共完成X个项目。\n"
    '<img src=x onerror=alert(1)>下设X个小组</style></textarea>"\'&amp;\n'
    "</script><script>alert(2)</script><!-- 仅供学习 禁止外传 用后删除\n"
)


class _Page(HTMLParser):
    """What the document area shows in each view: original (no ins) and clean (no del)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.original: list[str] = []
        self.clean: list[str] = []
        self.in_doc = False
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "main" and a.get("id") == "rc-doc":
            self.in_doc = True
        self.stack.append((tag, a.get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        if tag == "main":
            self.in_doc = False

    def handle_data(self, data: str) -> None:
        if not self.in_doc or any(cls == "doc-warnings" for _, cls in self.stack):
            return
        tags = [t for t, _ in self.stack]
        if "del" not in tags:
            self.clean.append(data)
        if "ins" not in tags:
            self.original.append(data)


def parse(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    return p


def words(p: _Page, attr: str) -> int:
    return sum(len((a.get(attr) or "").split()) for _, a in p.tags if attr in a)


def check_page(r: reportclean.CleanResult, page: str) -> None:
    p = parse(page)
    assert "".join(p.original) == r.original.replace("\x00", "\ufffd")
    assert "".join(p.clean) == r.text.replace("\x00", "\ufffd")
    assert words(p, "data-r") == len(r.removed)
    assert words(p, "data-c") == len(r.changes)
    assert {int(a["data-w"] or -1) for _, a in p.tags if "data-w" in a} == set(range(len(r.warnings)))
    for _, a in p.tags:
        if "data-w" in a:
            w = r.warnings[int(a["data-w"] or -1)]
            assert (a["data-code"], a["data-severity"]) == (w.code, w.severity)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_page_shows_both_texts_and_every_record(path: Path) -> None:
    r = reportclean.clean(path.read_bytes())
    check_page(r, r.to_html(path.name))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["共完成", "X", "个", "项目", "。", "\n", "\r\n", "　　", " ", "\u200b", "１２", "一是", "<b>", "&",
             "仅供学习 禁止外传 用后删除\n", "，，", ",,", "三十余人", "\x00", "\ufeff", "第1页\n", "100%", "涇口"]
        ),
        max_size=40,
    ).map("".join)
)  # fmt: skip
def test_page_of_any_text_reconstructs_it(text: str) -> None:
    r = reportclean.clean(text)
    check_page(r, r.to_html())


@pytest.mark.parametrize(
    "text",
    [
        "共完成,,\u3000\u3000项目",  # a later step rewrites an earlier one's replacement (same span)
        "。,,\u3000\u3000",
        "一是,,\u3000\u3000,,\u3000\u3000二是",
    ],
)
def test_page_of_chained_changes_keeps_every_record(text: str) -> None:
    r = reportclean.clean(text)
    spans = [c.original_span for c in r.changes]
    assert len(spans) > len(set(spans)), "the case must hold two changes of one span"
    check_page(r, r.to_html())


def _made_up(original: str, text: str, segment: tuple[int, int, int, int], removed: list[reportclean.Removal],
              changes: list[reportclean.Change]) -> reportclean.CleanResult:  # fmt: skip
    """A result with records the pipeline does not make today (kept for the steps of tomorrow)."""
    from array import array

    from reportclean._document import Alignment

    cs, ce, os_, oe = ([x] for x in segment)
    al = Alignment(array("q", cs), array("q", ce), array("q", os_), array("q", oe))
    r = reportclean.CleanResult(text=text, original=original, removed=removed, alignment=al)
    r.__dict__["changes"] = changes  # the cached property, filled in by hand
    return r


def test_page_of_partly_overlapping_changes_shows_them_as_one() -> None:
    r = _made_up("abcdef", "aXYf", (1, 3, 1, 5), [], [
        reportclean.Change("bc", "X", (1, 3), (1, 2), "first-rule", "width"),
        reportclean.Change("cde", "Y", (2, 5), (2, 3), "second-rule", "spacing"),
    ])  # fmt: skip
    page = r.to_html()
    check_page(r, page)
    assert 'data-c="0 1" data-rule="first-rule second-rule"' in page


def test_page_of_records_that_do_not_add_up_nests_them_in_one() -> None:
    r = _made_up("abcde", "aQe", (1, 2, 1, 4), [reportclean.Removal("b", (1, 2), "cut-rule", "a reason", "layout")],
                 [reportclean.Change("cd", "Z", (2, 4), (1, 2), "odd-rule", "width")])  # fmt: skip
    page = r.to_html()
    check_page(r, page)
    assert 'data-c="" data-r="0" data-rule="cut-rule"><del>b<span class="chg" data-c="0"' in page


def test_hostile_document_is_shown_as_text() -> None:
    r = reportclean.clean(HOSTILE)
    page = r.to_html('<script>alert("name")</script>')
    for raw in ("<script>alert", "<img src", "</style></textarea>", "<!-- 仅供", 'alert("name")'):
        assert raw not in page
    assert page.count("<script") == 2  # the data block and the page's own script, nothing from the document
    assert page.count("</script>") == 2
    check_page(r, page)


def test_escaping() -> None:
    assert esc("<&>\"'") == "&lt;&amp;&gt;&quot;&#x27;"
    assert esc("a\rb") == "a&#13;b"
    assert esc("\x00\ud800") == "\ufffd\ufffd"
    assert esc("十三五，") == "十三五，"


def test_csp_allows_only_the_pages_own_script_and_style() -> None:
    page = reportclean.clean(HOSTILE).to_html()
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    script = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    style = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(script) == 1 and len(style) == 1

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert policy["script-src"] == sha(script[0])
    assert policy["style-src"] == sha(style[0])
    assert "unsafe-inline" not in csp.group(1)
    assert not re.search(r"(src|href)=\"?(https?:|//)|@import|url\(", page), "the page must not load anything"


def test_page_is_deterministic() -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    assert r.to_html("a") == reportclean.clean(SEED_003.read_bytes()).to_html("a")


def test_document_level_warning_is_listed_not_highlighted() -> None:
    # 4 bytes that decode as GB18030 and as Big5: encoding-guessed spans the whole text
    data = ("东临" * 1200).encode("gb18030")
    r = reportclean.clean(data)
    long = [i for i, w in enumerate(r.warnings) if w.span[1] - w.span[0] > 2000]
    page = r.to_html()
    for i in long:
        assert page.count(f'data-w="{i}"') == 1
        assert re.search(rf'<ul class="doc-warnings"><li><mark data-w="{i}"', page)


def test_repr_is_short_and_repr_html_is_a_screenful() -> None:
    r = reportclean.clean(SEED_003.read_bytes() * 20)
    assert len(repr(r)) < 300 and "warnings=" in repr(r) and r.text[:20] in repr(r)
    html = r._repr_html_()
    assert "<script" not in html and len(html) < 60_000
    p = parse(html.split('<p class="more">')[0].replace('<div class="doc">', '<main id="rc-doc">', 1))
    shown = "".join(p.original)
    assert 1000 < len(shown) < 4000 and r.original.startswith(shown)
    assert "more characters of the original" in html


def test_importing_reportclean_does_not_import_the_review_modules() -> None:
    code = "import sys, reportclean; print(any(m.startswith('reportclean._review') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src")})  # fmt: skip
    assert out.stdout.strip() == "False"


# -- explain ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(reportclean.CODES))
def test_explain_every_code(code: str) -> None:
    text = explain(code)
    assert text.startswith(f"{code}: warning code, step ")
    assert f"Severity: {reportclean.CODES[code]}." in text, "the docs state the default severity"
    advice = what_to_do(code)
    assert bool(advice) == ("What to do:" in text)
    assert advice[1:30] in " ".join(text.split())  # (its first letter is capitalised)


def test_explain_every_rule_id() -> None:
    rules = catalogue().rules
    seen = set()
    for f in FIXTURES:
        r = reportclean.clean(f.read_bytes())
        seen.update(x.rule for x in r.removed)
        seen.update(x.rule for x in r.changes)
    assert seen <= set(rules)
    for rule, entry in rules.items():
        text = explain(rule)
        assert f"{rule}: rule ({entry.kind}), step {entry.step}" in text
        assert entry.kind in ("removal", "change", "removal, change") and entry.body
        assert entry.step in reportclean.STEP_NAMES, f"{rule} is listed under an unknown step {entry.step!r}"


def test_explain_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(KeyError, match="did you mean: placeholder"):
        explain("placeholdr")
    assert "placeholder" in names() and "watermark-line" in names()


def test_explain_catalogue_is_the_docs() -> None:
    from importlib import resources

    data = resources.files("reportclean").joinpath("data")
    for name in ("warnings.md", "rules.md"):
        assert data.joinpath(name).read_bytes() == (ROOT / "docs" / name).read_bytes()


# -- the command line -------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportclean", *args], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src")}, timeout=120)  # fmt: skip


def test_cli_review_one_file(tmp_path: Path) -> None:
    p = run("review", str(SEED_003), "-o", str(tmp_path))
    assert p.returncode == 0, p.stderr
    assert sorted(f.name for f in tmp_path.iterdir()) == ["003_16b1481ae9881a07.html"]
    page = (tmp_path / "003_16b1481ae9881a07.html").read_text(encoding="utf-8")
    assert 'data-rule="watermark-line"' in page and 'data-code="placeholder"' in page


def test_cli_review_folder_writes_an_index(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("共完成X个项目。", encoding="utf-8")
    (src / "sub" / "<b>.txt").write_text("仅供学习 禁止外传 用后删除\n正文。", encoding="utf-8")
    out = tmp_path / "out"
    p = run("review", str(src), "-o", str(out))
    assert p.returncode == 0, p.stderr
    assert (out / "a.html").exists() and (out / "sub" / "<b>.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="a.html"' in index and 'href="sub/&lt;b&gt;.html"' in index and "<b>" not in index
    assert "wrote 2 review page(s) and index.html" in p.stdout


def test_cli_review_errors(tmp_path: Path) -> None:
    p = run("review", str(tmp_path / "missing.txt"), "-o", str(tmp_path))
    assert p.returncode == 2 and "no such file" in p.stderr
    p = run("review", str(SEED_003))
    assert p.returncode == 2 and "-o" in p.stderr


def test_cli_explain() -> None:
    p = run("explain", "watermark-line")
    assert p.returncode == 0 and p.stdout.startswith("watermark-line: rule (removal), step boilerplate")
    p = run("explain", "nonsense-code")
    assert p.returncode == 2 and "unknown warning code or rule id" in p.stderr
    p = run("explain", "--list")
    assert p.returncode == 0 and len(p.stdout.splitlines()) == len(names())
