"""Headless Chromium for the web pages: axe-core checks (tests/a11y) and screenshots (docs/export-sample).

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver), the `selenium`
package, and axe-core from npm in tests/a11y/node_modules (`npm ci --prefix tests/a11y`); `missing()` says
which of them is absent. Chromium is started with the flags this network needs (no background
connections, no first-run, a throwaway profile) and never downloads a browser or a driver of its own.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[1] / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def _binary(*names: str) -> str | None:
    return next((found for found in (shutil.which(n) for n in names) if found), None)


def missing() -> str | None:
    """Why the browser checks cannot run here (None when they can)."""
    if _binary("chromium", "chromium-browser") is None:
        return "Chromium is not installed (Debian package chromium)"
    if _binary("chromedriver") is None:
        return "ChromeDriver is not installed (Debian package chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed (pip install '.[test]')"
    if not AXE_JS.is_file():
        return f"axe-core is not installed ({AXE_JS} missing: npm ci --prefix tests/a11y)"
    return None


def start(width: int = 1280, height: int = 900):
    """A headless Chromium driven by Selenium, at the given window size."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not try to download anything
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser") or ""
    for flag in (*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='idmf-chromium-')}",
                 f"--window-size={width},{height}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(_binary("chromedriver")), options=options)


def axe_violations(driver, page: Path) -> list[dict]:
    """axe-core's violations of a page (WCAG 2.0–2.2 A and AA, and best practice), each with its nodes."""
    driver.get(Path(page).resolve().as_uri())
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.html.slice(0, 200))}))))"
        ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));", list(AXE_TAGS))


def screenshot(driver, page: Path, out: Path, width: int = 1280, max_height: int = 3600) -> Path:
    """A PNG of the page (its top `max_height` pixels) as the browser lays it out at this width."""
    driver.get(Path(page).resolve().as_uri())
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(int(height) + 100, max_height))
    driver.save_screenshot(str(out))
    return out
