"""The Event study page's pure helpers and figure builders, on test frames built here."""

import numpy as np
import pandas as pd
import pytest

from market_impact import charts
from market_impact import study_report as rep
from market_impact.calendars import sessions_between
from market_impact.study import run_study
from market_impact.tickers import load_registry


def shocked_frame(shock: float = -0.10) -> pd.DataFrame:
    """Test frame: two synthetic symbols on the XNYS calendar, AAA hit by `shock` on 2025-01-27."""
    idx = sessions_between("2024-01-02", "2025-06-30", "XNYS")
    rng = np.random.default_rng(1)
    rm = rng.normal(0, 0.01, len(idx))
    frame = pd.DataFrame({"^GSPC": rm, "AAA": 1.2 * rm + rng.normal(0, 0.01, len(idx)),
                          "BBB": 0.8 * rm + rng.normal(0, 0.01, len(idx))}, index=idx)
    frame.loc[pd.Timestamp("2025-01-27"), "AAA"] += shock
    return frame


def test_stars_and_p_values_read_as_people_expect():
    assert [rep.stars(p) for p in (0.001, 0.02, 0.07, 0.2, float("nan"))] == ["***", "**", "*", "", ""]
    assert rep.format_p(7e-7, "en") == "< 0.0001"
    assert rep.format_p(0.03571, "en", relation=True) == "= 0.0357"


@pytest.mark.parametrize("raw, ok", [("0,0", (0, 0)), ("-5,5", (-5, 5)), ("3,1", None), ("a,b", None), ("0,99", None)])
def test_window_parameter_from_the_url(raw, ok):
    if ok is None:
        with pytest.raises(ValueError):
            rep.parse_window_param(raw)
    else:
        assert rep.parse_window_param(raw) == ok


def test_event_parameter_accepts_ids_and_dates_inside_the_data():
    assert rep.parse_event("r1-release", ["r1-release"]) == "r1-release"
    assert rep.parse_event("2025-01-27", [], "2024-01-02", "2025-06-30") == "2025-01-27"
    for bad in ("2030-01-01", "2025-02-30", "<script>"):
        with pytest.raises(ValueError):
            rep.parse_event(bad, [], "2024-01-02", "2025-06-30")


def test_symbols_and_model_parameters():
    assert rep.parse_symbols("NVDA, AVGO,NVDA", ["NVDA", "AVGO"]) == ("NVDA", "AVGO")
    with pytest.raises(ValueError, match="unknown symbol"):
        rep.parse_symbols("NVDA,XYZ", ["NVDA"])
    assert rep.parse_model("market-adjusted") == "market_adjusted"
    with pytest.raises(ValueError):
        rep.parse_benchmark("^FOO")


def test_chart_span_never_reaches_into_the_estimation_window():
    windows, span = rep.study_windows((0, 0), (-250, -11))
    assert span == (-10, 10) and windows[-1] == span and len(windows) == 6
    windows, span = rep.study_windows((-1, 1), (-120, -6))
    assert span == (-5, 10)
    assert (-5, 5) in windows and all(w[0] > -6 for w in windows)


def test_firm_universe_leaves_out_indices_etfs_and_benchmarks():
    reg = load_registry()
    firms = rep.firm_symbols(reg)
    assert "NVDA" in firms and "0700.HK" in firms
    assert not {"^GSPC", "^IXIC", "^N225", "^HSI", "QQQ"} & set(firms)


def test_ar_path_band_is_1_96_sigma_root_k_inside_the_window():
    res = run_study(shocked_frame(), "2025-01-27", benchmarks="^GSPC", windows=[(-10, 10)])
    r = res.result("AAA", (-10, 10))
    path = rep.ar_path(r, (0, 2))
    inside = path[path["in_window"]]
    assert list(inside["day"]) == [0, 1, 2]
    np.testing.assert_allclose(inside["band"], 1.96 * r.sigma * np.sqrt([1, 2, 3]))
    np.testing.assert_allclose(inside["car"], np.cumsum(inside["ar"]))
    assert path.loc[~path["in_window"], "car"].isna().all()


def test_reading_fills_in_the_numbers_in_both_languages():
    res = run_study(shocked_frame(), "2025-01-27", benchmarks="^GSPC", windows=[(0, 0)])
    r = res.result("AAA")
    en = " ".join(rep.reading(r, "Alpha Co", "en", cross=res.cross_sections[(0, 0)], universe_label="2 firms"))
    assert "Alpha Co did" in en and "worse" in en and "Mon 27 Jan 2025" in en
    assert f"t = {r.t:.2f}".replace("-", "−") in en and "significant at 1%" in en
    hi = " ".join(rep.reading(r, "अल्फ़ा", "hi"))
    assert "बदतर" in hi and "27 जनवरी 2025" in hi and "1% पर महत्वपूर्ण" in hi


def test_tables_rank_and_star():
    res = run_study(shocked_frame(), "2025-01-27", benchmarks="^GSPC", windows=[(0, 0), (0, 1)])
    table = rep.results_table(res, ["AAA"], [(0, 0), (0, 1)], {"AAA": "Alpha"}, "en")
    assert list(table["Window"]) == ["[+0,+0]", "[+0,+1]"] and table["Sig."].iloc[0] == "***"

    class Reg(dict):
        groups = ()

    ranked = rep.ranked_cars(res, (0, 0), ["AAA", "BBB"], Reg(), "en")
    assert list(ranked["symbol"]) == ["BBB", "AAA"]  # AAA took the -10% shock
    heat = rep.car_heatmap_frame(res, ["AAA", "BBB"], [(0, 0), (0, 1)], (0, 0))
    assert list(heat.index) == ["BBB", "AAA"] and list(heat.columns) == ["[+0,+0]", "[+0,+1]"]
    shown = rep.ranked_table(ranked, "hi")  # what the page and its CSV show: headed in the page's language, CAR in %
    assert list(shown.columns) == ["प्रतीक", "नाम", "समूह", "CAR %", "t", "p", "महत्व"]
    assert shown["CAR %"].iloc[1] == round(100 * ranked["car"].iloc[1], 3) and shown["प्रतीक"].iloc[1] == "AAA"
    cells = rep.heatmap_table(heat, "en")
    assert list(cells.columns) == ["Symbol", "[+0,+0]", "[+0,+1]"] and list(cells["Symbol"]) == ["BBB", "AAA"]


def test_figures_carry_the_study_numbers():
    res = run_study(shocked_frame(), "2025-01-27", benchmarks="^GSPC", windows=[(-10, 10), (0, 0)])
    r = res.result("AAA", (-10, 10))
    fig = charts.ar_car_figure(rep.ar_path(r, (0, 1)), labels={"car": "CAR", "band": "band"})
    kinds = [tr.type for tr in fig.data]
    assert kinds.count("bar") == 2 and any(getattr(tr, "fill", None) == "tonexty" for tr in fig.data)
    car_line = [tr for tr in fig.data if tr.name == "CAR"][0]
    assert list(car_line.x) == [0, 1]
    ranked = pd.DataFrame({"symbol": ["B", "A"], "name": ["b", "a"], "group": ["nvidia", "power"], "car": [0.02, -0.1],
                           "t": [1.0, -4.0], "stars": ["", "***"]})
    fig = charts.ranked_car_figure(ranked, highlight=["A"])
    assert list(fig.layout.xaxis.categoryarray) == ["B", "A"] and len(fig.data) == 2
    heat = charts.car_heatmap_figure(pd.DataFrame({"[+0,+0]": [1.0, -2.0]}, index=["B", "A"]))
    assert heat.data[0].zmid == 0 and list(heat.data[0].x) == ["B", "A"]


def test_the_reading_points_at_a_big_move_the_window_leaves_out():
    """Test frame: AAA shocked −10% on Mon 27 Jan 2025. Studied from Tue 21 Jan (day 0) with window [0,0], the
    chart's biggest move is day +4, outside the window: the reading says where, and which window holds it."""
    res = run_study(shocked_frame(), "2025-01-21", benchmarks="^GSPC", windows=[(0, 0), (-10, 10)])
    r, span = res.result("AAA", (0, 0)), res.result("AAA", (-10, 10))
    path = rep.ar_path(span, (0, 0))
    day, when, ar = rep.biggest_outside(path, r.sigma)
    assert (day, when) == (4, pd.Timestamp("2025-01-27")) and ar < -0.08
    en = rep.reading(r, "Alpha", "en", path=path)[-1]
    assert "Mon 27 Jan 2025 (day +4)" in en and "[+0,+4]" in en
    hi = rep.reading(r, "अल्फ़ा", "hi", path=path)[-1]
    assert "सोमवार, 27 जनवरी 2025 (दिन +4)" in hi and "[+0,+4]" in hi
    inside = rep.ar_path(span, (0, 5))  # a window that holds the move: nothing to point at
    assert rep.biggest_outside(inside, r.sigma) is None
    assert not any("day +4" in p for p in rep.reading(res.result("AAA", (-10, 10)), "Alpha", "en", path=inside))
    calm = rep.ar_path(res.result("BBB", (-10, 10)), (0, 0))  # BBB had no shock: no day outside stands out
    assert rep.biggest_outside(calm, res.result("BBB", (0, 0)).sigma) is None
