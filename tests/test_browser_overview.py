"""Real browser: `streamlit run` + Debian's Chromium via Playwright; the Overview chart must appear."""

import pytest

pytestmark = pytest.mark.browser


def test_overview_chart_renders_in_chromium(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_server + "/")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
    # the lines are drawn: at least two traces with a path
    traces = page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace path.js-line")
    assert traces.count() >= 2
    assert page.get_by_text("Offline snapshot", exact=False).first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(artifacts / "overview.png"), full_page=True)


def test_overview_in_hindi_renders_devanagari(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(app_server + "/?lang=hi")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
    assert page.get_by_text("कीमतों में डीपसीक का झटका").is_visible()
    page.screenshot(path=str(artifacts / "overview-hi.png"), full_page=True)
