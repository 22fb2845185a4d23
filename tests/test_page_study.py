"""AppTest of the Event study page: controls from the URL, the AR/CAR chart, tables, cross-section, Hindi.

The page shows one part at a time (`?view=result|tables|firms|heatmap`); menus and the formulas open on demand."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.plotly_util import values


def run(opened=(), **params):
    at = AppTest.from_file("../pages/study.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    for key in opened:  # a download menu or expander the user opened
        at.session_state[key] = True
    return at.run()


def charts(at):
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def test_default_is_r1_release_with_stargate_flagged_as_confounder():
    at = run()
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe  # the result part only: the AR/CAR chart
    assert "Stargate" in " ".join(w.value for w in at.warning)
    assert any("Tue 21 Jan 2025" in m.value for m in at.markdown)  # R1 on a US holiday → next session
    # R1's day 0 shows no reaction; the reading points the student to the crash four sessions later
    reading = at.markdown[-1].value
    assert "Mon 27 Jan 2025 (day +4)" in reading and "The window [+0,+4] takes it in" in reading
    assert "(दिन +4)" in run(lang="hi").markdown[-1].value
    assert "(day +4)" not in run(win="0,5").markdown[-1].value  # the window holds it: nothing to point at


def test_crash_day_shows_nvidia_abnormal_return_in_metric_chart_and_table():
    at = run(event="nvidia-record-fall", sym="NVDA", win="0,0")
    assert not at.exception
    assert at.metric[0].value == "−13.21%"
    assert at.metric[1].value.endswith("***")
    ar_chart = charts(at)[0]
    bars = [tr for tr in ar_chart["data"] if tr["type"] == "bar"]
    day0 = {x: y for tr in bars for x, y in zip(values(tr["x"]), values(tr["y"]), strict=True)}[0]
    assert day0 == pytest.approx(-13.21, abs=0.01)
    assert any(tr.get("fill") == "tonexty" for tr in ar_chart["data"])  # the ±1.96σ̂ band
    table = run(event="nvidia-record-fall", sym="NVDA", win="0,0", view="tables").dataframe[0].value
    row = table[(table["Symbol"] == "NVDA") & (table["Window"] == "[+0,+0]")].iloc[0]
    assert row["CAR %"] == pytest.approx(-13.213, abs=0.01) and row["Sig."] == "***"


def test_cross_section_ranks_every_firm_and_heatmap_covers_all_windows():
    params = dict(event="nvidia-record-fall", sym="NVDA,AVGO", win="0,3")
    at = run(view="firms", **params)
    assert not at.exception
    ranked = charts(at)[0]
    ys = [y for tr in ranked["data"] for y in values(tr["y"])]
    order = ranked["layout"]["xaxis"]["categoryarray"]
    by_symbol = {x: y for tr in ranked["data"] for x, y in zip(values(tr["x"]), values(tr["y"]), strict=True)}
    assert [by_symbol[s] for s in order] == sorted(ys, reverse=True)
    assert len(order) > 100 and "SNDK" not in order  # listed after the event: skipped, not zero
    assert len({tr["name"] for tr in ranked["data"]}) >= 5  # coloured by group
    table = at.dataframe[0].value  # the ranked table beside the chart, in the chart's order
    assert len(table) == len(order) and list(table["Symbol"]) == list(order)
    assert list(table.columns) == ["Symbol", "Name", "Group", "CAR %", "t", "p", "Sig."]
    hi = run(view="heatmap", lang="hi", **params).dataframe[0].value
    assert hi.columns[0] == "प्रतीक" and len(hi) == len(order)
    heat = charts(run(view="heatmap", **params))[0]["data"][0]
    assert heat["type"] == "heatmap" and list(heat["y"])[-1] == "[+0,+3]"  # five defaults + the custom one
    tests = run(view="tables", **params).dataframe[1].value
    assert set(tests["Set"]) == {"All 115 snapshot firms", "Your symbols"}


def test_every_table_and_chart_has_downloads():
    menus = {"result": ["event_study_ar_car"], "tables": [], "firms": ["event_study_ranked"], "heatmap": ["event_study_heatmap"]}
    n_tables = 0
    for view, charts_here in menus.items():
        closed = run(event="nvidia-record-fall", view=view)
        assert not [b for b in closed.get("download_button") if b.key.endswith(("_html", "_png", "_svg"))]  # menus start closed
        at = run(opened=[f"dlmenu_{c}" for c in charts_here], event="nvidia-record-fall", view=view)
        keys = [b.key for b in at.get("download_button")]
        tables = [k for k in keys if not k.endswith(("_html", "_png", "_svg", "_csv"))]
        assert len(tables) == len(at.dataframe)  # one CSV per table
        n_tables += len(tables)
        for chart in charts_here:  # HTML, PNG, SVG, CSV per chart, once its menu is open
            assert {f"dl_{chart}_{fmt}" for fmt in ("html", "png", "svg", "csv")} <= set(keys)
    assert n_tables == 4


def test_formulas_are_shown_with_latex():
    assert not run().latex  # typeset only when the expander is opened
    at = run(opened=["st_formulas"])
    latex = " ".join(el.value for el in at.latex)
    assert len(at.latex) == 3 and "AR_{it}" in latex and "Patell" in latex and "BMP" in latex


def test_hindi_page_reads_the_result_in_hindi():
    at = run(lang="hi", event="nvidia-record-fall", sym="NVDA")
    assert not at.exception
    assert at.title[0].value.startswith("इवेंट स्टडी")
    text = " ".join(m.value for m in at.markdown)
    assert "एनवीडिया ने" in text and "13.21% बदतर" in text and "1% पर महत्वपूर्ण" in text


def test_symbol_without_history_gets_a_message_not_a_traceback():
    at = run(sym="SNDK")
    assert not at.exception and not at.error
    assert "at least 60" in at.warning[0].value


def test_bad_url_values_fall_back_to_defaults_with_a_note():
    at = run(event="2030-01-01", win="9,3", est="x", sym="<script>", model="capm", bench="^FOO")
    assert not at.exception and not at.error
    assert len(at.info) == 6
    assert len(at.get("plotly_chart")) == 1
    hi = run(lang="hi", win="9,3", est="-600,-11")  # the window notes speak Hindi, reason included
    assert "अवधि की शुरुआत उसके अंत के बाद है" in hi.info[1].value and "-500 और -2 के बीच होना चाहिए" in hi.info[0].value


def test_changing_the_window_updates_the_url():
    at = run(event="nvidia-record-fall")
    at.slider(key="st_win").set_value((-1, 1)).run()
    assert at.query_params["win"] in ("-1,1", ["-1,1"])
    assert at.metric[0].label == "CAR [-1,+1]"


def test_view_in_the_url_picks_the_part_and_a_bad_one_gets_a_note():
    at = run(view="heatmap")
    assert at.button_group(key="study_view").value == "heatmap"
    assert charts(at)[0]["data"][0]["type"] == "heatmap"
    at = run(view="<script>")
    assert not at.exception and any("view" in i.value for i in at.info)
    assert len(at.get("plotly_chart")) == 1 and not at.dataframe  # the default part
    at.button_group(key="study_view").set_value("tables").run()
    assert at.query_params["view"] in ("tables", ["tables"]) and len(at.dataframe) == 2


def test_model_settings_sit_in_a_box_whose_widgets_run_only_when_open():
    params = dict(event="nvidia-record-fall", sym="NVDA", win="0,0", model="constant_mean", est="-120,-11")
    closed = run(**params)
    assert not closed.exception and "st_model" not in [s.key for s in closed.selectbox]
    assert closed.metric[0].value != run(event="nvidia-record-fall", sym="NVDA", win="0,0").metric[0].value  # the URL's model applies
    assert closed.query_params["model"] in ("constant_mean", ["constant_mean"]) and closed.query_params["est"] in ("-120,-11", ["-120,-11"])
    at = run(opened=["st_model_box"], **params)
    assert at.selectbox(key="st_model").value == "constant_mean" and at.slider(key="st_est").value == (-120, -11)
    assert at.metric[0].value == closed.metric[0].value
    at.selectbox(key="st_model").set_value("market").run()
    assert at.query_params["model"] in ("market", ["market"])


def test_confounders_are_read_on_the_focus_symbols_own_exchange():
    us = run(sym="NVDA", win="0,0")
    assert "Stargate" in " ".join(w.value for w in us.warning)
    hk = run(sym="0700.HK", win="0,0")  # Hong Kong traded on R1's day: Stargate (21 Jan) is its day +1, outside [0,0]
    assert not hk.exception and "Stargate" not in " ".join(w.value for w in hk.warning)
    assert "XHKG" in " ".join(c.value for c in hk.caption)
