"""AppTest of the Prices page: renders, reads its state from the URL, writes it back, survives bad links."""

from streamlit.testing.v1 import AppTest

from tests.plotly_util import spec_of, values


def run(**params):
    at = AppTest.from_file("../pages/prices.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_default_view_renders_chart_table_and_map():
    at = run()
    assert not at.exception and not at.error
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    names = {tr.get("name") for tr in spec_of(charts[0])["data"]}
    assert {"Nvidia", "Nasdaq Composite", "S&P 500", "VanEck Semiconductor ETF", "events"} <= names
    assert spec_of(charts[1])["data"][0]["type"] == "treemap"
    assert len(at.dataframe[0].value) > 50
    assert len(at.get("download_button")) == 2 + 2 * 4  # returns + prices CSV; HTML/PNG/SVG/CSV under each chart


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
    assert len(at.get("plotly_chart")) == 2  # still renders, with defaults


def test_window_shading_for_the_crash():
    at = run(window_event="nvidia-record-fall", window="-1,1")
    spec = spec_of(at.get("plotly_chart")[0])
    rects = [s for s in spec["layout"]["shapes"] if s["type"] == "rect"]
    assert len(rects) == 1


def test_hindi_labels():
    at = run(lang="hi")
    assert not at.exception
    assert at.title[0].value == "घटनाओं के सामने कीमतें"
