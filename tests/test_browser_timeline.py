"""Real browser: click an event on the Timeline and see its quote, highlighted in its paragraph."""

import pytest

from tests.browser_util import wait_for_charts, wait_for_run

pytestmark = pytest.mark.browser

# Where on screen the dot of an event is: find its trace and point by the event id in customdata,
# then map data → pixels with Plotly's own axis functions.
POINT_JS = """(eventId) => {
  const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  for (const tr of gd._fullData) {
    if (!tr.customdata || tr.name === 'selected' || tr.mode !== 'markers') continue;
    for (let i = 0; i < tr.customdata.length; i++) {
      if (tr.customdata[i][0] !== eventId) continue;
      const box = gd.getBoundingClientRect();
      return {x: box.left + xa._offset + xa.c2p(xa.d2c(tr.x[i])), y: box.top + ya._offset + ya.c2p(tr.y[i])};
    }
  }
  return null;
}"""


def test_clicking_an_event_shows_its_quote(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(app_server + "/timeline")
    wait_for_run(page)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)  # the run state can lag the first paint
    assert wait_for_charts(page) == 1
    page.locator("[data-testid='stPlotlyChart']").first.scroll_into_view_if_needed()
    point = page.evaluate(POINT_JS, "tokyo-tech-selloff")
    assert point is not None, "the Tokyo event is drawn"
    page.mouse.click(point["x"], point["y"])
    quote = page.locator("mark", has_text="मंगलवार की सुबह, टोक्यो स्टॉक्स में गिरावट देखी गई")
    quote.first.wait_for(state="visible", timeout=60_000)
    assert page.get_by_text("Tokyo tech stocks fall as the sell-off enters a second day").first.is_visible()
    assert "event=tokyo-tech-selloff" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    quote.first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "timeline-clicked.png"), full_page=False)


def test_articles_page_renders_devanagari_with_highlights(app_server, page, artifacts):
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.goto(app_server + "/articles?article=a004&lang=hi")
    wait_for_run(page)
    mark = page.locator("mark", has_text="16.86%").first
    mark.wait_for(state="visible", timeout=60_000)
    assert mark.get_attribute("title") == "16.86 %"
    link = page.locator("a[href^='timeline?event=nvidia-record-fall']").first
    assert link.is_visible()
    page.screenshot(path=str(artifacts / "articles-hi.png"), full_page=False)
