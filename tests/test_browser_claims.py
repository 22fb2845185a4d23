"""Real browser: the Claim check page opened from a link shows the quote highlighted and its mini-chart."""

import pytest

pytestmark = pytest.mark.browser


def test_claim_link_highlights_the_quote_in_chromium(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 2400})
    page.goto(app_server + "/claims?claim=a004.02")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
    mark = page.locator("mark").first
    assert mark.inner_text() == "एनवीडिया के शेयर की कीमत 16.86% गिर गई"
    assert mark.is_visible()
    assert page.get_by_text("Difference −0.11 pp: contradicted", exact=False).is_visible()
    assert page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace path.js-line").count() >= 1
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(artifacts / "claims.png"), full_page=True)


def test_bad_claim_link_in_hindi_says_so_in_chromium(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 1600})
    page.goto(app_server + "/claims?claim=nope&lang=hi")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
    assert page.get_by_text("लेखों के आँकड़े, असली कीमतों के सामने").is_visible()
    assert page.locator("[data-testid='stAlertContentInfo']").filter(has_text="nope").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0
    page.screenshot(path=str(artifacts / "claims-hi.png"), full_page=True)
