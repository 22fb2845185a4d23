"""Exports: the offline HTML story, PNG/SVG through kaleido + Chromium, the CSV behind a figure, the CLI."""

import io
import json
import os
import re
import struct
from html import escape
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from market_impact import charts, cli, export
from market_impact.errors import BadInput, ExportUnavailable
from market_impact.timeline import PRESETS as TL_PRESETS

CHROMIUM = "/usr/bin/chromium"


def need_chromium():
    if export.chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium on CI ({CHROMIUM}): .ci/run must install Debian's chromium and fonts-lohit-deva")
        pytest.skip("PNG/SVG export skipped: no Chromium on this machine (apt-get install chromium fonts-lohit-deva)")


@pytest.fixture(scope="module")
def inputs_en():
    return export.story_from_disk("en", mode="snapshot")


@pytest.fixture(scope="module")
def inputs_hi():
    return export.story_from_disk("hi", mode="snapshot")


def story_events(inputs):
    lo, hi = TL_PRESETS["r1weeks"]
    return [e for e in inputs.events if e.date_end >= lo and e.date <= hi]


def make_frame() -> pd.DataFrame:
    """A two-symbol test frame (made up, not market data) for the CSV tests."""
    days = pd.to_datetime(["2025-01-24", "2025-01-27", "2025-01-28"])
    rows = []
    for sym, closes in (("AAA", [10.0, 8.0, 9.0]), ("BBB", [20.0, 21.0, 19.0])):
        for d, c in zip(days, closes, strict=True):
            rows.append({"date": d, "symbol": sym, "open": c, "high": c + 1, "low": c - 1, "close": c, "adj_close": c, "volume": 100})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- HTML

@pytest.fixture(scope="module")
def html_en(inputs_en):
    return export.story_html(inputs_en, "en")


@pytest.fixture(scope="module")
def html_hi(inputs_hi):
    return export.story_html(inputs_hi, "hi")


def test_story_html_embeds_plotly_js_once_and_loads_nothing_from_the_network(html_en):
    assert html_en.startswith("<!DOCTYPE html>")
    assert html_en.count("plotly.js v") >= 1 and len(html_en) > 3_000_000  # the library itself, inline
    assert not re.search(r"<script[^>]+src=", html_en)  # no CDN, no external script
    assert "mathjax" not in html_en.lower().split("</head>")[0]


def test_story_html_contains_the_timeline_and_the_price_chart_with_markers(html_en, inputs_en):
    assert 'id="timeline"' in html_en and 'id="prices"' in html_en
    assert html_en.count("Plotly.newPlot(") == 2
    # the price chart carries its lines and the event markers (ids in customdata)
    for name in inputs_en.names.values():
        assert json.dumps(name) in html_en
    assert '"nvidia-record-fall"' in html_en and '"r1-release"' in html_en


def test_story_html_lists_every_event_of_the_r1_weeks_in_english(html_en, inputs_en):
    events = story_events(inputs_en)
    assert len(events) > 10
    for e in events:
        assert escape(e.title_en) in html_en, e.id
    assert '<html lang="en">' in html_en
    assert "Offline snapshot" in html_en  # the provenance line


def test_story_html_in_hindi_has_hindi_titles_chart_and_provenance(html_hi, inputs_hi):
    for e in story_events(inputs_hi):
        assert escape(e.title_hi) in html_hi, e.id
        assert escape(e.title_en) not in html_hi or e.title_en == e.title_hi
    assert '<html lang="hi">' in html_hi
    assert "ऑफ़लाइन स्नैपशॉट" in html_hi
    assert json.dumps("एनवीडिया")[1:-1] in html_hi or "एनवीडिया" in html_hi  # the line's Hindi name
    assert "जनवरी" in html_hi  # Hindi month names on the session axis


def test_figure_html_is_a_standalone_page(tmp_path):
    fig = charts.price_figure(make_frame(), mode="absolute", title="Test frame")
    html = export.figure_html(fig, "Test frame", "en", "Prices: test frame")
    assert "plotly.js v" in html and "<h1>Test frame</h1>" in html and "Prices: test frame" in html


# ---------------------------------------------------------------- CSV

def test_figure_table_has_one_row_per_point_of_every_trace():
    fig = charts.price_figure(make_frame(), mode="absolute", names={"AAA": "Alpha"})
    table = export.figure_table(fig)
    assert list(table.columns[:4]) == ["trace", "type", "x", "y"]
    alpha = table[table["trace"] == "Alpha"]
    assert alpha["x"].tolist() == ["2025-01-24", "2025-01-27", "2025-01-28"]
    assert alpha["y"].tolist() == [10.0, 8.0, 9.0]
    assert set(table["trace"]) == {"Alpha", "BBB"}


def test_figure_table_keeps_event_markers_with_plain_text_hover():
    overlay = pd.DataFrame([{"id": "ev-1", "session": pd.Timestamp("2025-01-27"), "date_label": "27 Jan 2025", "title": "A <test> event",
                             "category": "market move", "importance": 1, "source": "a000", "quote": "words"}])
    fig = charts.price_figure(make_frame(), mode="absolute", events=overlay)
    marks = export.figure_table(fig).query("trace == 'events'")
    assert marks["customdata"].tolist() == ["ev-1"] and marks["x"].tolist() == ["2025-01-27"]
    assert "<b>" not in marks["hovertext"].iloc[0] and "27 Jan 2025" in marks["hovertext"].iloc[0]


def test_figure_table_candles_and_heatmaps():
    fig = charts.price_figure(make_frame(), mode="absolute", candles=True)
    candles = export.figure_table(fig)
    assert {"open", "high", "low", "close"} <= set(candles.columns) and len(candles) == 6
    heat = go.Figure(go.Heatmap(z=[[1.0, 2.0], [3.0, None]], x=["A", "B"], y=["w1", "w2"], name="car"))
    melted = export.figure_table(heat)
    assert len(melted) == 4 and melted.query("x == 'A' and y == 'w2'")["z"].iloc[0] == 3.0


def test_figure_csv_reads_back(tmp_path):
    fig = charts.price_figure(make_frame(), mode="normalised", base="2025-01-24")
    back = pd.read_csv(io.StringIO(export.figure_csv(fig)))
    assert back.query("trace == 'AAA' and x == '2025-01-27'")["y"].iloc[0] == pytest.approx(80.0)


def test_empty_figure_gives_header_only():
    assert export.figure_csv(go.Figure()).strip() == "trace,type,x,y"


# ---------------------------------------------------------------- images

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_export_is_a_real_png_of_the_requested_size(inputs_hi):
    need_chromium()
    price = export.story_figures(inputs_hi, "hi")[1]
    data = export.figure_image(price, "png", width=1200, height=500)
    assert png_size(data) == (1200, 500)
    assert len(data) > 30_000  # lines, markers and Hindi text, not a blank canvas


def test_svg_export_keeps_the_hindi_title_as_text(inputs_hi):
    need_chromium()
    price = export.story_figures(inputs_hi, "hi")[1]
    svg = export.figure_image(price, "svg").decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "आर1 से पहले" in svg


def test_no_chromium_raises_export_unavailable_with_the_fix(monkeypatch):
    monkeypatch.setattr(export, "chromium_path", lambda: None)
    with pytest.raises(ExportUnavailable, match="apt-get install chromium"):
        export.figure_image(go.Figure(), "png")
    assert "Chromium" in export.image_export_problem()


def test_unknown_image_format_is_bad_input():
    with pytest.raises(BadInput, match="png, svg"):
        export.figure_image(go.Figure(), "gif")


def test_chromium_path_prefers_browser_path(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert export.chromium_path() == str(fake)


# ---------------------------------------------------------------- CLI

def test_cli_export_html_in_hindi(tmp_path, capsys):
    out = tmp_path / "story.html"
    assert cli.main(["export", "--html", str(out), "--lang", "hi", "--offline"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "plotly.js v" in text and "एनवीडिया को इतिहास में" in text
    assert "wrote" in capsys.readouterr().out


def test_cli_export_json_lists_files(tmp_path, capsys):
    out = tmp_path / "chart.csv"
    assert cli.main(["export", "--csv", str(out), "--json", "--offline"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == [{"kind": "csv", "path": str(out), "bytes": out.stat().st_size}]
    assert report["price_source"] == "snapshot"
    assert pd.read_csv(out)["trace"].nunique() >= 4


def test_cli_export_needs_a_target(capsys):
    assert cli.main(["export"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--html FILE" in err


def test_cli_export_png_without_chromium_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export, "chromium_path", lambda: None)
    assert cli.main(["export", "--png", str(tmp_path / "x.png"), "--offline"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("export: PNG and SVG export needs Chromium") and err.count("\n") == 1
    assert not Path(tmp_path / "x.png").exists()


def test_cli_export_png_with_chromium(tmp_path):
    need_chromium()
    out = tmp_path / "overview.png"
    assert cli.main(["export", "--png", str(out), "--offline"]) == 0
    w, h = png_size(out.read_bytes())
    assert (w, h) == (1400, 560)
