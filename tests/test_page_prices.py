"""AppTest of the Prices page: renders, reads its state from the URL, writes it back, survives bad links."""

import json

from streamlit.testing.v1 import AppTest

from tests.plotly_util import spec_of, values


def run(opened=(), **params):
    at = AppTest.from_file("../pages/prices.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    for key in opened:  # a download menu or expander the user opened
        at.session_state[key] = True
    return at.run()


def test_default_view_renders_the_chart_and_the_other_parts_render_on_demand():
    at = run()
    assert not at.exception and not at.error
    charts = at.get("plotly_chart")
    assert len(charts) == 1 and not at.dataframe
    names = {tr.get("name") for tr in spec_of(charts[0])["data"]}
    assert {"Nvidia", "Nasdaq Composite", "S&P 500", "VanEck Semiconductor ETF", "events"} <= names
    assert not at.get("download_button")  # the chart's menu is closed
    at = run(opened=["dlmenu_prices"])
    assert [b.key for b in at.get("download_button")] == [f"dl_prices_{f}" for f in ("html", "png", "svg", "csv")]

    returns = run(view="returns")
    assert not returns.exception and not returns.get("plotly_chart")
    assert len(returns.dataframe[0].value) > 50
    assert len(returns.get("download_button")) == 2  # returns + prices CSV
    hi = run(view="returns", lang="hi")
    config = json.loads(hi.dataframe[0].proto.columns)
    assert config["date"]["label"] == "सत्र" and config["NVDA"]["type_config"]["format"] == "%.2f"  # "date" stays in the CSV


def test_returns_table_shows_only_the_controls_that_change_it_and_keeps_the_charts_in_the_url():
    """Scale, base, candles, volume and the events box draw the chart, not the table: the returns part leaves them
    out, and a link's values for them survive the visit (back on the chart they apply)."""
    at = run(view="returns", mode="log", candles="1", importance="3", symbols="NVDA,SMH")
    assert not at.exception and not at.error
    assert not at.radio and not at.get("pills") and not at.expander and not at.date_input  # no chart-only control
    assert at.multiselect[0].value == ["NVDA", "SMH"] and list(at.dataframe[0].value.columns) == ["date", "NVDA", "SMH"]
    assert (at.query_params["mode"], at.query_params["candles"], at.query_params["importance"]) == ("log", "1", "3")
    at.multiselect[0].set_value(["NVDA"]).run()  # a change of symbols still reaches the table and the URL
    assert list(at.dataframe[0].value.columns) == ["date", "NVDA"] and at.query_params["symbols"] == "NVDA"
    assert at.query_params["mode"] == "log"

    market = run(view="map", opened=["dlmenu_market_map"])
    assert not market.exception
    assert spec_of(market.get("plotly_chart")[0])["data"][0]["type"] == "treemap"
    assert len(market.get("download_button")) == 4 and not market.multiselect  # the map has its own control only


def test_event_controls_run_only_when_their_box_is_open_and_keep_the_url_values():
    at = run(importance="3", window_event="nvidia-record-fall", window="-2,2")
    assert not at.select_slider and not at.slider  # closed: the values come from the URL
    rects = [s for s in spec_of(at.get("plotly_chart")[0])["layout"]["shapes"] if s["type"] == "rect"]
    assert len(rects) == 1
    at = run(opened=["pr_events_box"], importance="3", window_event="nvidia-record-fall", window="-2,2")
    assert at.select_slider[0].value == 3 and at.slider[0].value == (-2, 2)
    at.slider[0].set_value((-1, 1)).run()
    assert at.query_params["window"] in ("-1,1", ["-1,1"])


def test_url_state_is_read_and_applied():
    at = run(symbols="AMD,NVDA", mode="absolute", preset="r1")
    assert not at.exception
    spec = spec_of(at.get("plotly_chart")[0])
    lines = {tr["name"]: tr for tr in spec["data"] if tr.get("mode") == "lines"}
    assert set(lines) == {"Advanced Micro Devices", "Nvidia"}
    nv = dict(zip(values(lines["Nvidia"]["x"]), values(lines["Nvidia"]["y"]), strict=True))
    assert nv["2025-01-27"] == 118.42 and min(nv) == "2025-01-13"


def test_changing_a_widget_writes_the_url():
    at = run()
    at.radio[0].set_value("log").run()
    assert at.query_params["mode"] == "log"


def test_bad_parameters_get_messages_and_defaults():
    at = run(symbols="NOPE", start="2025-99-01", preset="custom", window="1,-1", window_event="<script>x</script>")
    assert not at.exception and not at.error
    infos = " ".join(i.value for i in at.info)
    assert "NOPE" in infos and "window" in infos
    assert len(at.get("plotly_chart")) == 1  # still renders, with defaults


def test_window_shading_for_the_crash():
    at = run(window_event="nvidia-record-fall", window="-1,1")
    spec = spec_of(at.get("plotly_chart")[0])
    rects = [s for s in spec["layout"]["shapes"] if s["type"] == "rect"]
    assert len(rects) == 1


def test_hindi_labels():
    at = run(lang="hi")
    assert not at.exception
    assert at.title[0].value == "घटनाओं के सामने कीमतें"


def test_removing_every_symbol_asks_for_one_and_keeps_the_link():
    at = run(symbols="AMD,NVDA")
    at.multiselect[0].set_value([]).run()
    assert not at.exception and not at.get("plotly_chart")
    assert "symbol" in at.warning[0].value.lower()
    assert at.query_params["symbols"] in ("AMD,NVDA", ["AMD,NVDA"])
