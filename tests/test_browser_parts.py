"""Real browser: what runs only on demand — the download menu, the parts of a page (`?view=`), the claims row
click, the boxes whose widgets run only when open. Each must work in Chromium, not just in AppTest."""

import csv
import io

import pytest

from tests.browser_util import wait_for_charts, wait_for_run

pytestmark = pytest.mark.browser


def _open(page, url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 1200})
    page.goto(url)
    wait_for_run(page)


def test_download_menu_opens_on_demand_and_gives_the_chart_data(app_server, page, artifacts):
    _open(page, f"{app_server}/")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=90_000)
    assert page.get_by_text("Chart data (CSV)").count() == 0  # nothing is built until the menu opens
    page.get_by_text("Download this chart").click()
    button = page.get_by_role("button", name="Chart data (CSV)")
    button.wait_for(timeout=30_000)
    page.screenshot(path=str(artifacts / "downloads-menu.png"))
    with page.expect_download(timeout=60_000) as info:
        button.click()
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    nvidia = [r for r in rows if r["trace"] == "Nvidia"]
    assert len(nvidia) > 50 and {"x", "y"} <= set(rows[0])


def test_parts_of_a_page_switch_and_keep_their_place_in_the_url(app_server, page, artifacts):
    _open(page, f"{app_server}/prices")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=90_000)
    page.get_by_text("Market map", exact=True).first.click()
    page.wait_for_selector("[data-testid='stPlotlyChart'] .treemap", timeout=60_000)
    wait_for_run(page)
    assert "view=map" in page.url and wait_for_charts(page) == 1
    page.screenshot(path=str(artifacts / "prices-map.png"), full_page=True)
    page.get_by_text("Returns table", exact=True).first.click()
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    wait_for_run(page)
    assert "view=returns" in page.url and page.locator("[data-testid='stPlotlyChart']").count() == 0
    page.reload()  # the link alone brings the same part back
    wait_for_run(page)
    page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
    assert page.locator("[data-testid='stPlotlyChart']").count() == 0


def test_a_click_on_a_claims_row_opens_that_claim(app_server, page, artifacts):
    _open(page, f"{app_server}/claims?verdict=contradicted")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for(timeout=60_000)
    wait_for_run(page)
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 35 + 17)  # the selection box of the second row (a004.03)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)
    wait_for_run(page)
    assert "view=detail" in page.url or "claim=a004.03" in page.url
    assert "claim=a004.03" in page.url
    assert page.locator("mark").first.is_visible()
    page.screenshot(path=str(artifacts / "claims-row-click.png"), full_page=True)


def test_study_model_box_runs_its_widgets_only_when_open(app_server, page, artifacts):
    _open(page, f"{app_server}/study?model=constant_mean&est=-120,-11")
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=90_000)
    page.locator("[data-testid='stSlider']").first.wait_for(timeout=30_000)  # widgets' code can load after the run
    wait_for_run(page)
    assert page.locator("[data-testid='stSlider']").count() == 1  # the event window; the estimation slider waits in the box
    page.get_by_text("Model, benchmark and estimation window").click()
    page.locator("[data-testid='stSlider']").nth(1).wait_for(timeout=30_000)
    wait_for_run(page)
    assert page.locator("[data-testid='stSlider']").nth(1).inner_text().count("-1") >= 1  # -120 … -11 from the link
    assert "model=constant_mean" in page.url and "est=-120%2C-11" in page.url.replace(",", "%2C")
    page.screenshot(path=str(artifacts / "study-model-box.png"), full_page=True)
