"""Figure builders: inspect fig.data / fig.layout, on the snapshot and on small frames of our own."""

import pandas as pd
import pytest

from market_impact import calendars, charts
from market_impact.events import load_events
from market_impact.prices import load_prices
from tests.plotly_util import values


@pytest.fixture(scope="module")
def story():
    return load_prices(["NVDA", "^IXIC", "^GSPC", "SMH"], "2024-12-01", "2025-02-28", mode="snapshot").data


def lines(fig):
    return [tr for tr in fig.data if tr.type == "scatter" and tr.mode == "lines"]


def test_normalised_series_equal_100_at_base(story):
    fig = charts.price_figure(story, mode="normalised", base="2025-01-17")
    assert len(lines(fig)) == 4
    for tr in lines(fig):
        pts = dict(zip(values(tr.x), values(tr.y), strict=True))
        assert pts["2025-01-17"] == pytest.approx(100.0)


def test_pct_mode_is_zero_at_base_and_matches_the_crash(story):
    fig = charts.price_figure(story, mode="pct", base="2025-01-24", names={"NVDA": "Nvidia"})
    nv = next(tr for tr in lines(fig) if tr.name == "Nvidia")
    pts = dict(zip(values(nv.x), values(nv.y), strict=True))
    assert pts["2025-01-24"] == pytest.approx(0.0)
    assert pts["2025-01-27"] == pytest.approx((118.3812 / 142.5733 - 1) * 100, abs=1e-3)


def test_absolute_mode_shows_quoted_close(story):
    fig = charts.price_figure(story, mode="absolute", names={"NVDA": "Nvidia"})
    nv = next(tr for tr in lines(fig) if tr.name == "Nvidia")
    assert dict(zip(values(nv.x), values(nv.y), strict=True))["2025-01-27"] == pytest.approx(118.42)


def test_weekends_and_holidays_are_absent_from_the_axis(story):
    fig = charts.price_figure(story, base="2025-01-17")
    axis = list(fig.layout.xaxis.categoryarray)
    assert axis == [d.strftime("%Y-%m-%d") for d in calendars.sessions_between("2024-12-02", "2025-02-28")]
    for missing in ("2025-01-20", "2025-01-09", "2024-12-25", "2025-01-25"):
        assert missing not in axis


def test_event_markers_land_on_their_sessions(story):
    events = [e for e in load_events() if e.id in ("r1-release", "nvidia-record-fall", "app-store-no1")]
    overlay = charts.events_overlay(events, "en")
    fig = charts.price_figure(story, base="2025-01-17", events=overlay, marker_symbol="NVDA")
    markers = next(tr for tr in fig.data if tr.name == "events")
    placed = dict(zip(markers.customdata, values(markers.x), strict=True))
    assert placed == {"r1-release": "2025-01-21", "app-store-no1": "2025-01-27", "nvidia-record-fall": "2025-01-27"}
    # each marker sits on Nvidia's normalised line at that session
    nv = next(tr for tr in lines(fig) if tr.name == "NVDA")
    pts = dict(zip(values(nv.x), values(nv.y), strict=True))
    for x, y in zip(values(markers.x), values(markers.y), strict=True):
        assert y == pytest.approx(pts[x])
    # one thin vertical guide per event, at the category index of its session
    axis = list(fig.layout.xaxis.categoryarray)
    guides = [s for s in fig.layout.shapes if s.type == "line" and s.yref == "paper"]
    assert sorted(g.x0 for g in guides) == sorted(float(axis.index(placed[k])) for k in placed)


def test_marker_hover_names_title_date_article_and_quote(story):
    ev = [e for e in load_events() if e.id == "nvidia-record-fall"]
    overlay = charts.events_overlay(ev, "hi", article_names={ev[0].sources[0].article: "लेख"})
    fig = charts.price_figure(story, events=overlay)
    text = next(tr for tr in fig.data if tr.name == "events").hovertext[0]
    assert ev[0].title_hi in text and "27 जनवरी 2025" in text and "लेख" in text
    assert ev[0].sources[0].quote.split()[0] in text


def test_window_shading_covers_whole_sessions(story):
    first, last = pd.Timestamp("2025-01-24"), pd.Timestamp("2025-01-28")
    fig = charts.price_figure(story, window=(first, last), window_label="w")
    axis = list(fig.layout.xaxis.categoryarray)
    rect = next(s for s in fig.layout.shapes if s.type == "rect")
    assert rect.x0 == axis.index("2025-01-24") - 0.5 and rect.x1 == axis.index("2025-01-28") + 0.5


def test_candles_and_volume_pane(story):
    fig = charts.price_figure(story[story.symbol == "NVDA"], mode="absolute", candles=True, volume=True)
    kinds = [tr.type for tr in fig.data]
    assert "candlestick" in kinds and "bar" in kinds
    assert fig.layout.yaxis2 is not None


def test_candles_fall_back_to_a_line_for_close_only_symbols():
    data = load_prices(["BABA"], "2025-01-01", "2025-02-28", mode="snapshot").data
    fig = charts.price_figure(data, mode="absolute", candles=True)
    assert [tr.type for tr in fig.data] == ["scatter"]


def test_market_map_has_every_symbol_grouped_and_coloured():
    moves = pd.DataFrame(  # a small frame of our own
        {"symbol": ["AAA", "BBB", "CCC"], "name": ["A", "B", "C"], "group": ["g1", "g1", "g2"], "ret": [0.05, -0.1, float("nan")], "close": [1, 2, 3]}
    )
    fig = charts.market_map_figure(moves)
    tm = fig.data[0]
    assert list(tm.ids) == ["g:g1", "g:g2", "AAA", "BBB", "CCC"]
    assert list(tm.parents)[2:] == ["g:g1", "g:g1", "g:g2"]
    assert list(tm.marker.colors)[2:] == pytest.approx([5.0, -10.0, 0.0])


def test_hindi_date_ticks_on_the_timeline():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=pd.to_datetime(["2024-10-01", "2025-03-05"]), y=[0, 1]))
    charts.localise_date_ticks(fig, "hi", "2024-10-01", "2025-03-05")  # a long span: months
    assert list(fig.layout.xaxis.ticktext[:3]) == ["अक्टूबर<br>2024", "नवंबर", "दिसंबर"]
    short = go.Figure(go.Scatter(x=pd.to_datetime(["2025-01-20", "2025-02-07"]), y=[0, 1]))
    charts.localise_date_ticks(short, "hi", "2025-01-20", "2025-02-07")
    assert short.layout.xaxis.ticktext[1] == "27 जनवरी"
    assert charts.localise_date_ticks(go.Figure(), "en", "2025-01-01", "2025-02-01").layout.xaxis.ticktext is None
