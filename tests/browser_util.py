"""Helpers for the Playwright tests: wait for a Streamlit run to finish and its charts to draw."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _pages() -> list[tuple[str, str, str]]:
    """(name, url path, file) of every st.Page in app.py; the default page is served at "/"."""
    out = []
    for line in (ROOT / "app.py").read_text(encoding="utf-8").splitlines():
        m = re.search(r'st\.Page\("(pages/([^"]+)\.py)"', line)
        if not m:
            continue
        url = re.search(r'url_path="([^"]+)"', line)
        default = "default=True" in line
        out.append((url.group(1) if url else m.group(2), "" if default else (url.group(1) if url else m.group(2)), m.group(1)))
    return out


def app_pages() -> list[str]:
    """Every page's name (its url_path, or file stem for the default page), read from app.py, so a new page is
    covered without editing the tests."""
    return [name for name, _, _ in _pages()]


def page_url(name: str) -> str:
    """The path a browser opens for page `name` ("" for the default page: Streamlit serves it at "/")."""
    return next(url for n, url, _ in _pages() if n == name)


def page_file(name: str) -> str:
    return next(f for n, _, f in _pages() if n == name)


def wait_for_run(page, timeout_ms: int = 90_000) -> None:
    """Until the script has run to the end (the app shows 'notRunning' after its first run)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='running'], " + DONE, timeout=timeout_ms)
    page.wait_for_selector(DONE, timeout=timeout_ms)


def wait_for_charts(page, timeout_ms: int = 60_000) -> int:
    """Every Plotly chart element on the page has drawn its SVG with a non-zero size; returns their count.

    Streamlit mounts charts after the run ends, once the Plotly bundle has loaded: wait for the network first.
    """
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    n = page.locator("[data-testid='stPlotlyChart']").count()
    for i in range(n):
        chart = page.locator("[data-testid='stPlotlyChart']").nth(i)
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for(state="visible", timeout=timeout_ms)
        box = chart.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100, f"chart {i} is empty: {box}"
    return n


def sidebar_with(page, *needles: str, timeout_ms: int = 30_000) -> str:
    """The sidebar's text once it holds every one of `needles`, or an AssertionError showing what it holds.

    The run can end before every widget is drawn: the browser loads some widgets' code (the language toggle's
    segmented control) on first use, so on a fresh page the toggle can appear a few hundred ms after the run.
    """
    js = "(needles) => { const s = document.querySelector(\"[data-testid='stSidebar']\"); " \
         "return !!s && needles.every(n => s.innerText.includes(n)); }"
    try:
        page.wait_for_function(js, arg=list(needles), timeout=timeout_ms)
    except Exception as exc:  # playwright's TimeoutError: say what the sidebar shows instead
        text = page.locator("[data-testid='stSidebar']").inner_text() if page.locator("[data-testid='stSidebar']").count() else ""
        raise AssertionError(f"sidebar lacks {needles!r} after {timeout_ms} ms; it shows: {text[:300]!r}") from exc
    return page.locator("[data-testid='stSidebar']").inner_text()
