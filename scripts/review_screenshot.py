"""Make docs/review.png: the review page of seed 003 in headless Chromium.

    python scripts/review_screenshot.py [--out docs/review.png]

Needs Debian's chromium and chromium-driver and a font with hanzi (fonts-wqy-microhei or
fonts-noto-cjk; without one the hanzi show as boxes). Writes the page with
``reportclean review`` into a temporary folder, presses ``n`` (the first warning is
selected and the inspector at the bottom explains it) and saves the screenshot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from reportclean._cli import main as cli  # noqa: E402

SEED = ROOT / "fixtures" / "in-the-wild" / "003_16b1481ae9881a07.txt"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1400,900",
)  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "review.png"))
    args = ap.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    tmp = Path(tempfile.mkdtemp(prefix="rc-shot-"))
    try:
        os.chdir(ROOT)  # the page is titled with the path as given: fixtures/in-the-wild/…
        if cli(["review", str(SEED.relative_to(ROOT)), "-o", str(tmp / "out")]) != 0:
            return 1
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={tmp / 'profile'}")
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "chromedriver"))
        try:
            driver.get((tmp / "out" / f"{SEED.stem}.html").as_uri())
            driver.find_element("tag name", "body").send_keys("n")
            driver.execute_script("window.scrollTo(0, 0)")
            time.sleep(0.3)
            driver.save_screenshot(args.out)
        finally:
            driver.quit()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
