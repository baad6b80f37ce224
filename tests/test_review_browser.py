"""The review page in a real browser: headless Chromium from Debian, driven by Selenium.

One browser for the module. Skipped, with how to install it, where Chromium is missing;
CI (.ci/run) installs it and sets REPORTCLEAN_REQUIRE_BROWSER=1, which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import reportclean
from reportclean._review import index_html, index_row

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))
SEED_003 = ROOT / "fixtures" / "in-the-wild" / "003_16b1481ae9881a07.txt"
INSTALL = (
    "needs Chromium and its driver: apt-get install -y chromium chromium-driver, "
    "and pip install selenium (the test extra)"
)
# The machine may have no network: without these flags Chromium waits on connections.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900",
)  # fmt: skip


def _binary(*names: str) -> str | None:
    return next((p for p in map(shutil.which, names) if p), None)


def _missing() -> None:
    if os.environ.get("REPORTCLEAN_REQUIRE_BROWSER"):
        pytest.fail(INSTALL)
    pytest.skip(INSTALL)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _missing()
    chromium = _binary("chromium", "chromium-browser", "google-chrome")
    driver_path = _binary("chromedriver")
    if chromium is None or driver_path is None:
        _missing()
    profile = tempfile.mkdtemp(prefix="rc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(browser: Any, tmp_path: Path, result: reportclean.CleanResult, name: str = "page") -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(result.to_html(name), encoding="utf-8")
    browser.get(path.as_uri())
    browser.get_log("browser")  # start each page with an empty log


def errors(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


# What the document area shows: text nodes that are displayed (content-visibility blocks count).
VISIBLE_TEXT = """
const doc = document.getElementById("rc-doc");
const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
let out = "";
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (el.closest(".doc-warnings")) continue;
  if (el.checkVisibility({contentVisibilityAuto: false})) out += n.data;
}
return out;
"""

COUNTS = """
const words = (sel, attr) => [...document.querySelectorAll(sel)]
  .reduce((n, e) => n + e.getAttribute(attr).split(" ").filter(Boolean).length, 0);
return {
  warnings: new Set([...document.querySelectorAll("mark[data-w]")].map(e => e.dataset.w)).size,
  removals: words("[data-r]", "data-r"),
  changes: words("[data-c]", "data-c"),
  panel_warnings: document.querySelectorAll("#rc-panel .group[data-kind=w]").length,
};
"""


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_highlights_match_the_result(browser: Any, tmp_path: Path, seed: Path) -> None:
    r = reportclean.clean(seed.read_bytes())
    open_page(browser, tmp_path, r, seed.stem)
    counts = browser.execute_script(COUNTS)
    assert counts == {
        "warnings": len(r.warnings),
        "removals": len(r.removed),
        "changes": len(r.changes),
        "panel_warnings": len({w.code for w in r.warnings}),
    }
    assert not errors(browser)


def test_views_show_the_original_and_the_clean_text(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r)
    browser.find_element("css selector", 'input[name="rc-view"][value="clean"]').click()
    assert browser.execute_script(VISIBLE_TEXT) == r.text
    browser.find_element("css selector", 'input[name="rc-view"][value="original"]').click()
    assert browser.execute_script(VISIBLE_TEXT) == r.original
    browser.find_element("css selector", 'input[name="rc-view"][value="review"]').click()
    shown = browser.execute_script(VISIBLE_TEXT)
    assert "仅供学习" in shown and "酷乐文行整理" in shown  # the watermark, struck through


def test_clicking_a_warning_in_the_panel_marks_it_in_view(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r)
    group = browser.find_element("css selector", '#rc-panel .group[data-key="placeholder"]')
    assert group.get_attribute("open") is not None  # the first group opens by itself
    entries = group.find_elements("css selector", ".entry")
    target = entries[150]
    browser.execute_script("arguments[0].scrollIntoView()", target)
    target.click()
    i = [k for k, w in enumerate(r.warnings) if w.code == "placeholder"][150]
    state = browser.execute_script(
        """const m = document.querySelector('mark[data-w="' + arguments[0] + '"]');
           const b = m.getBoundingClientRect();
           return {cur: m.classList.contains("cur"), top: b.top, bottom: b.bottom, height: innerHeight,
                   inspector: document.getElementById("rc-inspector").textContent};""",
        i,
    )
    assert state["cur"]
    assert 0 <= state["top"] and state["bottom"] <= state["height"], state
    assert "placeholder" in state["inspector"] and "What to do" in state["inspector"]


def test_hover_and_focus_explain_a_removal_and_a_change(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver import ActionChains

    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r)
    inspector = browser.find_element("id", "rc-inspector")
    removal = browser.find_element("css selector", 'del.rm[data-rule="watermark-line"]')
    ActionChains(browser).move_to_element(removal).perform()
    first = r.removed[0]
    assert inspector.text.startswith(f"removed by {first.rule} (step {first.step}, line 1): {first.reason}")
    assert removal.get_attribute("title") == inspector.text
    change = browser.find_element("css selector", 'span.chg[data-rule="indent"]')
    ActionChains(browser).move_to_element(change).perform()
    assert inspector.text.startswith("changed by indent (step ")
    entry = browser.find_element("css selector", '#rc-panel .group[data-key="placeholder"] .entry')
    browser.execute_script("arguments[0].focus()", entry)  # keyboard focus on a panel entry
    assert inspector.text.startswith("warning · placeholder")


def test_switches_hide_and_show(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r)
    removal = browser.find_element("css selector", "del.rm")
    change = browser.find_element("css selector", ".chg > del")
    assert removal.is_displayed() and change.is_displayed()
    browser.find_element("css selector", 'input[data-switch="rm"]').click()
    assert not removal.is_displayed() and change.is_displayed()
    assert browser.execute_script("return [...document.querySelectorAll('del.rm')].every(e => !e.checkVisibility())")
    browser.find_element("css selector", 'input[data-switch="chg"]').click()
    assert not change.is_displayed()
    browser.find_element("css selector", 'input[data-switch="rm"]').click()
    assert removal.is_displayed()
    background = "return getComputedStyle(document.querySelector('mark[data-severity=warning]')).backgroundColor"
    assert browser.execute_script(background) != "rgba(0, 0, 0, 0)"
    browser.find_element("css selector", 'input[data-switch="warning"]').click()
    assert browser.execute_script(background) == "rgba(0, 0, 0, 0)"
    group = browser.find_element("css selector", '#rc-panel .group[data-key="placeholder"]')
    assert not group.is_displayed()


def test_keys_n_and_p_move_between_warnings(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r)
    body = browser.find_element("tag name", "body")
    current = "return [...document.querySelectorAll('mark.cur')].map(e => +e.dataset.w)"
    body.send_keys("n")
    assert browser.execute_script(current) == [0]
    body.send_keys("n")
    body.send_keys("n")
    assert browser.execute_script(current) == [2]
    body.send_keys("p")
    assert browser.execute_script(current) == [1]
    last = len(r.warnings) - 1
    for _ in range(2):
        body.send_keys("p")
    assert browser.execute_script(current) == [last]  # wraps around


def test_screenshot(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(SEED_003.read_bytes())
    open_page(browser, tmp_path, r, "003")
    shot = tmp_path / "review-003.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


HOSTILE = (
    "X街道工作总结\n"
    "<script>alert(1)</script>共完成X个项目。\n"
    "<img src=x onerror=alert(1)>下设X个小组。\n"
    "</style><style>body{display:none}</style></textarea><textarea>\n"
    '"><svg onload=alert(1)>X\n'
    "</script><script>alert(2)</script><!-- 仅供学习 禁止外传 用后删除\n"
)


def test_hostile_document_runs_nothing(browser: Any, tmp_path: Path) -> None:
    r = reportclean.clean(HOSTILE)
    path = tmp_path / "hostile.html"
    path.write_text(r.to_html("<script>alert(3)</script>"), encoding="utf-8")
    browser.get(path.as_uri())
    time.sleep(0.3)
    alerts = browser.execute_script("try { return !!document.querySelector('img, svg, textarea:not(#x)') } "
                                    "catch (e) { return String(e) }")  # fmt: skip
    assert alerts is False, "markup from the document became elements"
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert not errors(browser)
    browser.find_element("css selector", 'input[name="rc-view"][value="original"]').click()
    assert browser.execute_script(VISIBLE_TEXT) == r.original
    title = browser.find_element("css selector", "h1").text
    assert title == "<script>alert(3)</script>"
    body = browser.find_element("tag name", "body")
    assert body.is_displayed() and "<img src=x onerror=alert(1)>" in body.text
    body.send_keys("n")  # the panel and keys work on it too
    assert browser.execute_script("return document.querySelectorAll('mark.cur').length") == 1


def test_index_sorts_and_links(browser: Any, tmp_path: Path) -> None:
    rows = []
    for seed in SEEDS:
        r = reportclean.clean(seed.read_bytes())
        (tmp_path / f"{seed.stem}.html").write_text(r.to_html(seed.name), encoding="utf-8")
        rows.append(index_row(r, seed.name, f"{seed.stem}.html"))
    (tmp_path / "index.html").write_text(index_html(rows), encoding="utf-8")
    browser.get((tmp_path / "index.html").as_uri())
    column = "return [...document.querySelectorAll('#rc-index tbody tr')].map(r => +r.cells[3].textContent)"
    browser.find_element("css selector", 'th button[data-col="3"]').click()  # warnings
    assert browser.execute_script(column) == sorted(row.severities[1] for row in rows)
    browser.find_element("css selector", 'th button[data-col="3"]').click()
    assert browser.execute_script(column) == sorted((row.severities[1] for row in rows), reverse=True)
    browser.find_element("link text", SEEDS[0].name).click()
    assert browser.find_element("css selector", "h1").text == SEEDS[0].name
    assert not errors(browser)
