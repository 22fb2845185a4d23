"""AppTest of the Overview page and the router."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.plotly_util import values


def run(path, **params):
    at = AppTest.from_file(path, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def chart_spec(at, i=0):
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def test_overview_renders_chart_and_says_snapshot():
    at = run("../pages/overview.py")
    assert not at.exception and not at.error
    badges = " ".join(m.value for m in at.markdown)
    assert "Offline snapshot" in badges
    spec = chart_spec(at)
    names = [tr["name"] for tr in spec["data"]]
    assert "Nvidia" in names and "Nasdaq Composite" in names


def test_overview_series_are_100_on_last_session_before_r1():
    spec = chart_spec(run("../pages/overview.py"))
    for tr in spec["data"]:
        if tr.get("type") != "scatter" or tr.get("mode") != "lines":
            continue
        points = dict(zip(values(tr["x"]), values(tr["y"]), strict=True))
        assert points["2025-01-17"] == pytest.approx(100.0)
        assert "2025-01-20" not in points  # MLK day: no session, no point
        assert min(points) >= "2024-12-02" and max(points) <= "2025-02-28"


def test_overview_in_hindi():
    at = run("../pages/overview.py", lang="hi")
    assert not at.exception
    assert "झटका" in at.title[0].value
    names = [tr["name"] for tr in chart_spec(at)["data"]]
    assert "एनवीडिया" in names
    mv = next(m for m in at.metric if m.label == "एनवीडिया बाज़ार मूल्य")
    assert mv.value == "−$592.9 अरब"  # short enough for a fifth of the row (the long "… अरब डॉलर" was cut off)


def test_router_opens_overview_by_default():
    at = run("../app.py")
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) >= 1


def test_data_page_lists_every_symbol_with_basis():
    at = run("../pages/data.py")
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert len(table) == 123
    nvda = table[table["Symbol"] == "NVDA"].iloc[0]
    assert nvda["Price basis"] == "quoted close + adjusted close"
    assert table[table["Symbol"] == "BABA"].iloc[0]["Price basis"].endswith("(close only)")
    shares = at.dataframe[1].value  # the sourced share counts, with headers in the page's language
    assert list(shares.columns) == ["Symbol", "Shares outstanding", "As of", "Precision", "Source"]
    assert shares.iloc[0]["Symbol"] == "NVDA" and shares.iloc[0]["Shares outstanding"] == 24_500_000_000
    assert not any("Yahoo" in m.value for m in at.markdown)  # SOURCES.md waits behind its expander
    at.session_state["data_sources_box"] = True
    at.run()
    assert any("Yahoo" in m.value for m in at.markdown)


def test_data_page_heads_its_tables_in_hindi():
    at = run("../pages/data.py", lang="hi")
    assert not at.exception and not at.error
    assert "प्रतीक" in at.dataframe[0].value.columns
    assert list(at.dataframe[1].value.columns)[:2] == ["प्रतीक", "बकाया शेयर"]


def test_kpis_are_computed_from_the_tape():
    at = run("../pages/overview.py")
    m = {x.label: (x.value, x.delta) for x in at.metric}
    assert m["Nvidia · 27 Jan 2025"] == ("$118.42", "-16.97%")
    assert m["Nvidia market value"][0] == "−$592.9 bn"  # (118.42 − 142.62) × 24.5 bn shares (10-Q)
    assert m["Nasdaq · 27 Jan 2025"] == ("19,341.83", "-3.07%")
    assert m["Chip ETF (SMH) · 27 Jan 2025"][1] == "-9.83%"
    assert m["Nvidia · 28 Jan 2025"] == ("$128.99", "+8.93%")
    story = " ".join(x.value for x in at.markdown)
    assert "fell 16.97%" in story and "$592.9 billion" in story


def test_overview_marks_the_key_events():
    spec = chart_spec(run("../pages/overview.py"))
    ev = next(tr for tr in spec["data"] if tr.get("name") == "events")
    assert "r1-release" in ev["customdata"] and "nvidia-record-fall" in ev["customdata"]


def test_narrative_cites_its_sources():
    from market_impact.articles import article_text

    at = run("../pages/overview.py")
    cap = next(c.value for c in at.caption if c.value.startswith("Sources"))
    quote = cap.split("“", 1)[1].split("”", 1)[0]
    article = cap.split("article ", 1)[1].split(",", 1)[0]
    assert quote in article_text(article)  # verbatim in the seed article it names
    assert "10-Q" in cap
