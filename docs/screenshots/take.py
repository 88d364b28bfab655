"""Regenerate the README screenshots: render the gold dataset and photograph two pages.

    .venv/bin/python docs/screenshots/take.py      # needs Debian's chromium and the test extra
"""

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from landstrikes.render import render_site

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHOTS = {
    "article.png": "articles/000_68b95635092649cd.html",
    "cluster.png": "quote-clusters/q-cartels-running-mexico.html",
}


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium on PATH (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = render_site(REPO / "dataset", Path(tmp) / "site")
        browser = p.chromium.launch(executable_path=chromium, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        for name, relative in SHOTS.items():
            path, _, anchor = relative.partition("#")
            page.goto((site.out / path).as_uri() + (f"#{anchor}" if anchor else ""))
            page.screenshot(path=HERE / name)
            print(f"wrote {HERE / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
