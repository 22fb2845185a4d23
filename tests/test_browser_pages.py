"""End to end in Chromium: every page of the app, in both languages — no exception, every chart drawn."""

import pytest

from tests.browser_util import app_pages, page_url, sidebar_with, wait_for_charts, wait_for_run

pytestmark = pytest.mark.browser

PAGES_WITH_CHARTS = {"overview", "timeline", "prices", "study", "presenter"}  # claims opens on its table (a claim link: its chart)


@pytest.mark.parametrize("lang", ["en", "hi"])
@pytest.mark.parametrize("path", app_pages())
def test_page_renders_without_exception(app_server, page, artifacts, path, lang):
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(f"{app_server}/{page_url(path)}?lang={lang}")
    wait_for_run(page)
    if path in PAGES_WITH_CHARTS:
        page.wait_for_selector("[data-testid='stPlotlyChart']", timeout=90_000)
        wait_for_run(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[role='dialog']").count() == 0, page.locator("[role='dialog']").first.inner_text()  # e.g. "Page not found"
    assert page.locator("h1").count() >= 1
    n = wait_for_charts(page)
    if path in PAGES_WITH_CHARTS:
        assert n >= 1, f"{path}: no chart"
    if lang == "hi":  # Devanagari in the page title or sidebar
        assert any("\u0900" <= ch <= "\u097f" for ch in page.locator("h1").first.inner_text() + page.locator("[data-testid='stSidebar']").inner_text())
    page.screenshot(path=str(artifacts / f"page-{path}-{lang}.png"), full_page=True)


def test_language_toggle_switches_the_interface_and_the_url(app_server, page):
    page.goto(f"{app_server}/")
    wait_for_run(page)
    page.wait_for_selector("[data-testid='stPlotlyChart']", timeout=90_000)
    wait_for_run(page)
    assert page.locator("h1").first.inner_text() == "The DeepSeek shock, in prices"
    page.locator("[data-testid='stSidebar']").get_by_text("हिन्दी").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('झटका')", timeout=30_000)
    assert "lang=hi" in page.url
    # the choice survives a page switch
    page.locator("[data-testid='stSidebarNav']").get_by_text("कीमतें").click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('घटनाओं')", timeout=30_000)
    assert "lang=hi" in page.url


def test_deep_link_on_a_fresh_server_goes_through_the_router(fresh_server, page):
    """The first visitor of a new server arrives at /prices?lang=hi: they get the router (sections, toggle) and their page."""
    page.goto(f"{fresh_server}/prices?lang=hi&mode=log")
    wait_for_run(page)
    page.wait_for_selector("h1", timeout=60_000)
    assert page.locator("h1").first.inner_text() == "घटनाओं के सामने कीमतें"
    sidebar_with(page, "भाषा / Language", "विश्लेषण")  # the router's toggle and sections, not a bare file list
    assert "mode=log" in page.url


def test_two_first_visitors_at_once_both_get_the_router(fresh_server, browser):
    """Two visitors open deep links on a new server at the same moment: neither gets the bare file list."""
    pages = [browser.new_context(viewport={"width": 1400, "height": 900}).new_page() for _ in range(3)]
    for p, path in zip(pages, ("study", "prices", "claims"), strict=True):
        p.goto(f"{fresh_server}/{path}", wait_until="commit")  # all three start before any has rendered
    try:
        for p in pages:
            wait_for_run(p)
            p.wait_for_selector("h1", timeout=90_000)
            wait_for_run(p)
            sidebar_with(p, "Language / भाषा", "Analyse")
    finally:
        for p in pages:
            p.context.close()
