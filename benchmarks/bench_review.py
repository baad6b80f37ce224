"""The review page of a 1 MB report: how long it takes to write, and to open in a browser.

The in-the-wild fixtures are concatenated and repeated to ``--mb`` megabytes of UTF-8 (a
reseller copy repeated: thousands of placeholders, hundreds of removals, a thousand changes
per MB, so more highlights than a real report of that size). Measured, best of ``--repeat``:

- ``clean``: reportclean.clean on the bytes (for scale);
- ``to_html``: the page, written from the result (the issue asks for well under a second);
- ``_repr_html_``: the notebook view;
- in headless Chromium (skipped when it is not installed): the page load (navigation start to
  the end of the load event, which includes parsing the HTML and running the page's script),
  the first key ``n``, and jumping to the last warning and painting it. The same page is also
  loaded with the lazy layout switched off (one block: ``content-visibility`` skips nothing),
  to show what the blocks buy.

    python benchmarks/bench_review.py            # 1 MB
    python benchmarks/bench_review.py --mb 5 --no-browser
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import reportclean  # noqa: E402
from reportclean import _review  # noqa: E402

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,900",
)  # fmt: skip


def corpus(size: int) -> bytes:
    """The in-the-wild fixtures, concatenated and repeated to ``size`` bytes of UTF-8."""
    docs = [p.read_bytes().decode("utf-8") for p in sorted((ROOT / "fixtures" / "in-the-wild").glob("*.txt"))]
    unit = "\n\n".join(docs).encode("utf-8")
    data = unit * (size // len(unit) + 1)
    return data[: data.rfind(b"\n", 0, size) + 1]


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def browser() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='rc-bench-')}")
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "chromedriver"))


LOAD = """
const t = performance.getEntriesByType("navigation")[0];
return {load: t.loadEventEnd - t.startTime, parsed: t.domInteractive - t.startTime};
"""
KEY = 'document.dispatchEvent(new KeyboardEvent("keydown", {key: "%s"}));'
# time a step and the frame painted after it
STEP = """
const done = arguments[arguments.length - 1];
const t0 = performance.now();
%s
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"""


def measure_page(driver: Any, path: Path, repeat: int) -> dict[str, float]:
    loads, parsed, first, last = [], [], [], []
    for _ in range(repeat):
        driver.get(path.as_uri())
        timing = driver.execute_script(LOAD)
        loads.append(timing["load"])
        parsed.append(timing["parsed"])
        first.append(driver.execute_async_script(STEP % (KEY % "n")))
        last.append(driver.execute_async_script(STEP % (KEY % "p" + KEY % "p")))
    return {"load": min(loads), "parsed": min(parsed), "first n": min(first), "to the last warning": min(last)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="size of the report in MB of UTF-8 (default: 1)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N (default: 3)")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    args = ap.parse_args(argv)

    data = corpus(int(args.mb * 1_000_000))
    t_clean, result = best(lambda: reportclean.clean(data), args.repeat)
    _ = result.changes  # built on first use: counted in clean, not in to_html
    t_html, page = best(lambda: result.to_html("bench"), args.repeat)
    t_repr, small = best(result._repr_html_, args.repeat)
    print(f"report: {len(data) / 1e6:.2f} MB, {len(result.original)} characters, {len(result.warnings)} warnings, "
          f"{len(result.removed)} removals, {len(result.changes)} changes")  # fmt: skip
    print(f"clean        {t_clean * 1000:8.0f} ms")
    blocks = page.count('<div class="blk">')
    print(f"to_html      {t_html * 1000:8.0f} ms   page {len(page.encode('utf-8')) / 1e6:.2f} MB, {blocks} blocks")
    print(f"_repr_html_  {t_repr * 1000:8.0f} ms   {len(small.encode('utf-8')) / 1e3:.0f} kB")
    if args.no_browser:
        return 0
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        print("browser: skipped (apt-get install -y chromium chromium-driver)")
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="rc-bench-pages-"))
    lazy = tmp / "lazy.html"
    lazy.write_text(page, encoding="utf-8")
    saved = _review.BLOCK
    _review.BLOCK = 10**12  # one block: the whole document is laid out at once
    try:
        (tmp / "eager.html").write_text(result.to_html("bench"), encoding="utf-8")
    finally:
        _review.BLOCK = saved
    driver = browser()
    try:
        for name in ("lazy", "eager"):
            m = measure_page(driver, tmp / f"{name}.html", args.repeat)
            label = "blocks, content-visibility" if name == "lazy" else "one block (lazy layout off)"
            print(f"chromium, {label}: " + ", ".join(f"{k} {v:.0f} ms" for k, v in m.items()))
    finally:
        driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
