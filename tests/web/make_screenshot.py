"""Take docs/nett.png: the meeting at «Hva har fungert» in headless Chromium on `moteleder nett`.

Run from the repository: `python tests/web/make_screenshot.py` (needs /usr/bin/chromium and the
test extra). It uses a fresh demo database in a temporary folder, never yours.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.web.conftest import CHROMIUM, Served, _env, _wait_for_link, _wait_for_port, free_port  # noqa: E402
from tests.web.terminal import Tab  # noqa: E402


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        subprocess.run([sys.executable, "-m", "moteleder", "--db", str(db), "demo"], check=True,
                       capture_output=True, env=_env(db))
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "moteleder", "nett", "--port", str(port), "--db", str(db)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(db))
        served = Served(process, port, _wait_for_link(process), db)
        _wait_for_port(port, process)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                     args=["--no-sandbox"])
                page = browser.new_context(viewport={"width": 1280, "height": 760}).new_page()
                tab = Tab(page)
                page.goto(served.url)
                tab.wait_for("Tiril Testesen")
                tab.focus_terminal()
                tab.press("Enter")
                tab.wait_for("Ansvarsgruppemøte for Tiril Testesen")
                tab.press("F8")
                tab.press("F8")
                tab.set_mark()
                page.keyboard.type("Tiril sier at hun liker den nye klassen, og at turene med ")
                page.keyboard.type("støttekontakten er det beste i uka.")
                tab.wait_for("uka.")
                page.wait_for_timeout(600)  # the cursor and the clock settle
                page.screenshot(path=str(ROOT / "docs" / "nett.png"))
                browser.close()
        finally:
            served.stop()
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    raise SystemExit(main())
