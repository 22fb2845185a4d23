"""Exports: a standalone interactive HTML story (Plotly JS embedded, so it opens offline), PNG and SVG of
any figure through kaleido + Chromium, and the data behind any figure as a tidy CSV.

Builders take data in and return bytes or text; only `story_from_disk` reads files (for the CLI).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from market_impact import charts
from market_impact.errors import BadInput, ExportUnavailable
from market_impact.i18n import format_date, t

IMAGE_FORMATS = ("png", "svg")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PAGE_FONT = "'Noto Sans', 'Lohit Devanagari', 'Noto Sans Devanagari', sans-serif"
STORY_IMPORTANCE = 2  # events with importance ≤ 2 are marked on the exported price chart


# ---------------------------------------------------------------- images (kaleido)

def chromium_path() -> str | None:
    """The Chromium kaleido will drive: $BROWSER_PATH when it exists, else the first browser on PATH."""
    env = os.environ.get("BROWSER_PATH")
    if env and Path(env).exists():
        return env
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def image_export_problem() -> str | None:
    """Why PNG/SVG export cannot work on this machine (None when it can) — cheap, starts nothing."""
    if chromium_path() is None:
        return ("PNG and SVG export needs Chromium, and none was found. Install it (Debian: apt-get install chromium "
                "fonts-lohit-deva) or set BROWSER_PATH to a Chrome/Chromium binary.")
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "PNG and SVG export needs the kaleido package (pip install 'kaleido>=1')."
    return None


def figure_image(fig: go.Figure, fmt: str = "png", *, width: int = 1400, height: int | None = None, scale: float = 1.0) -> bytes:
    """The figure drawn by Chromium as PNG or SVG bytes (takes seconds: call it only when a user asks)."""
    if fmt not in IMAGE_FORMATS:
        raise BadInput(f"image format {fmt!r} is not supported; use one of {', '.join(IMAGE_FORMATS)}")
    problem = image_export_problem()
    if problem:
        raise ExportUnavailable(problem)
    pio.defaults.mathjax = None  # never fetch MathJax from a CDN (offline machines; it also adds a box to PDFs)
    h = height or fig.layout.height or 600
    try:
        return pio.to_image(fig, format=fmt, width=width, height=h, scale=scale)
    except Exception as exc:  # kaleido/choreographer raise their own types when Chromium cannot start
        raise ExportUnavailable(f"Chromium could not draw the figure ({type(exc).__name__}: {str(exc)[:200]})") from exc


# ---------------------------------------------------------------- CSV

_ARRAYS = ("x", "y", "z", "open", "high", "low", "close", "labels", "parents", "values", "text", "hovertext", "customdata")
_TAG = re.compile(r"<[^>]+>")


def _flat(values) -> list:
    arr = np.asarray(values, dtype=object)
    return arr.tolist() if arr.ndim == 1 else [None] * len(arr)


def figure_table(fig: go.Figure) -> pd.DataFrame:
    """Every trace's points as tidy rows: trace, type, then the columns the traces have (x, y, open …).

    Heatmaps are melted to x, y, z; 2-D customdata keeps its first column. Traces with no points
    (bands drawn as shapes, empty selections) are skipped.
    """
    frames = []
    for i, tr in enumerate(fig.data):
        kind = tr.type
        name = tr.name if tr.name is not None else f"trace {i}"
        if kind == "heatmap" and tr.z is not None:
            z = np.asarray(tr.z, dtype=float)
            xs = list(tr.x) if tr.x is not None else list(range(z.shape[1]))
            ys = list(tr.y) if tr.y is not None else list(range(z.shape[0]))
            grid = pd.DataFrame(z, index=ys, columns=xs).stack(future_stack=True).reset_index()
            grid.columns = ["y", "x", "z"]
            frames.append(grid.assign(trace=name, type=kind)[["trace", "type", "x", "y", "z"]])
            continue
        cols: dict[str, list] = {}
        for attr in _ARRAYS:
            val = getattr(tr, attr, None) if attr in tr else None
            if val is None or isinstance(val, str):
                continue
            arr = np.asarray(val, dtype=object)
            if arr.ndim == 2:
                arr = arr[:, 0]
            if arr.ndim != 1:
                continue
            cols[attr] = arr.tolist()
        if not cols:
            continue
        n = max(len(v) for v in cols.values())
        cols = {k: v for k, v in cols.items() if len(v) == n}
        for key in ("text", "hovertext"):  # hover HTML (<b>, <br>) → plain text
            if key in cols:
                cols[key] = [" ".join(_TAG.sub(" ", str(s)).split()) if s is not None else None for s in cols[key]]
        part = pd.DataFrame(cols)
        part = part.dropna(how="all", subset=[c for c in ("x", "y") if c in part] or None)
        if kind == "scatter" and {"x", "y"} <= set(part) and part["x"].isna().any():
            part = part[part["x"].notna()]  # `None` separators between span segments
        frames.append(part.assign(trace=name, type=kind))
    if not frames:
        return pd.DataFrame(columns=["trace", "type", "x", "y"])
    out = pd.concat(frames, ignore_index=True)
    lead = ["trace", "type"]
    return out[lead + [c for c in out.columns if c not in lead]]


def figure_csv(fig: go.Figure) -> str:
    """`figure_table` as CSV text (UTF-8, no index)."""
    return figure_table(fig).to_csv(index=False)


# ---------------------------------------------------------------- HTML

def figure_div(fig: go.Figure, *, with_js: bool, div_id: str | None = None) -> str:
    """One figure as an HTML fragment; `with_js` embeds plotly.js itself (no CDN, works offline)."""
    return pio.to_html(fig, include_plotlyjs=bool(with_js), full_html=False, include_mathjax=False, div_id=div_id,
                       config={"displaylogo": False, "responsive": True})


def _page(title: str, lang: str, body: str) -> str:
    style = (f"body{{font-family:{PAGE_FONT};margin:24px auto;max-width:1280px;color:#111;line-height:1.5;padding:0 16px}}"
             "h1{font-size:30px;margin:0 0 4px} h2{font-size:22px;margin:28px 0 8px} .prov{color:#444;font-size:14px}"
             "table{border-collapse:collapse;width:100%;font-size:14px} th,td{border-bottom:1px solid #ddd;padding:6px 8px;"
             "text-align:left;vertical-align:top} th{background:#f3f3f3} q{font-style:italic}")
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def figure_html(fig: go.Figure, title: str, lang: str = "en", provenance_line: str = "") -> str:
    """A single figure as a standalone, offline, interactive HTML page."""
    prov = f'<p class="prov">{escape(provenance_line)}</p>' if provenance_line else ""
    return _page(title, lang, f"<h1>{escape(title)}</h1>\n{prov}\n{figure_div(fig, with_js=True)}")


@dataclass(frozen=True)
class StoryInputs:
    """What the exported story draws: prices of the story symbols, the catalogue, names, provenance."""

    data: pd.DataFrame
    provenance: object  # prices.Provenance
    events: Sequence  # events.Event
    names: Mapping[str, str]  # symbol → display name in the export's language
    articles: Mapping  # article id → articles.Article


def provenance_line(provenance, lang: str) -> str:
    """'Prices: Offline snapshot, as of 30 Jun 2025 (…).' in the chosen language."""
    as_of = format_date(provenance.as_of, lang)
    fetched = provenance.fetched_at.strftime("%Y-%m-%d %H:%M UTC") if getattr(provenance, "fetched_at", None) else as_of
    line = t(f"prov.{provenance.source}", lang, as_of=as_of, fetched=fetched)
    return t("export.provenance", lang, prices=line)


def story_figures(inputs: StoryInputs, lang: str = "en") -> tuple[go.Figure, go.Figure]:
    """The timeline of the R1 weeks and the price chart with event markers, titles in `lang`."""
    from market_impact.events import CATEGORIES
    from market_impact.timeline import PRESETS as TL_PRESETS
    from market_impact.timeline import lane_labels, timeline_rows
    from market_impact.views import BASE_SESSION

    lo, hi = TL_PRESETS["r1weeks"]
    shown = [e for e in inputs.events if e.date_end >= lo and e.date <= hi]
    rows = timeline_rows(shown, "category", inputs.articles, lang, fmt_day=lambda d: format_date(d, lang),
                         fmt_month=lambda d: format_date(d, lang).split(" ", 1)[1])
    labels = lane_labels("category", inputs.articles, lang, lambda c: t(f"cat.{c}", lang), t("timeline.lane_context", lang))
    timeline = charts.timeline_figure(rows, labels, category_labels={c: t(f"cat.{c}", lang) for c in CATEGORIES},
                                      x_range=(lo, hi), title=t("export.timeline_title", lang))
    charts.localise_date_ticks(timeline, lang, lo, hi)
    timeline.update_layout(clickmode="none", dragmode="zoom", margin={"t": 110},  # title, then the legend under it
                           title={"y": 0.985, "yanchor": "top", "yref": "container"})
    names_by_article = {k: a.headline(lang) for k, a in inputs.articles.items()}
    overlay = charts.events_overlay([e for e in inputs.events if e.importance <= STORY_IMPORTANCE], lang,
                                    article_names=names_by_article)
    price = charts.price_figure(
        inputs.data, mode="normalised", base=pd.Timestamp(BASE_SESSION), names=dict(inputs.names),
        title=t("overview.chart_title", lang, base=format_date(BASE_SESSION, lang)), y_title=t("overview.y_normalised", lang),
        events=overlay, marker_symbol="NVDA", height=560,
    )
    return timeline, charts.localise_session_ticks(price, lang)


def _event_rows(events: Sequence, articles: Mapping, lang: str) -> str:
    from market_impact.deck import date_label

    rows = []
    for e in events:
        if e.article_sources:
            s = e.article_sources[0]
            art = articles.get(s.article)
            source = f"{escape(s.article)}{' · ' + escape(art.headline(lang)) if art else ''}<br><q lang=\"hi\">{escape(s.quote)}</q>"
        else:
            o = e.outside_sources[0]
            source = f'<a href="{escape(o.url, quote=True)}">{escape(o.outlet)}: {escape(o.title)}</a>'
        session = format_date(e.session, lang, weekday=True) if e.session else "—"
        rows.append(f"<tr><td>{escape(date_label(e, lang))}</td><td>{escape(session)}</td><td><b>{escape(e.title(lang))}</b></td>"
                    f"<td>{escape(t('cat.' + e.category, lang))}</td><td>{source}</td></tr>")
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in
                   ("export.col_date", "export.col_session", "export.col_event", "export.col_category", "export.col_source"))
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def story_html(inputs: StoryInputs, lang: str = "en") -> str:
    """One self-contained HTML file: title, provenance, the timeline, the price chart with markers and the
    event list, all in `lang`; plotly.js is embedded once, so it works with no network."""
    from market_impact.timeline import PRESETS as TL_PRESETS

    timeline, price = story_figures(inputs, lang)
    lo, hi = TL_PRESETS["r1weeks"]
    listed = [e for e in inputs.events if e.date_end >= lo and e.date <= hi]
    title = t("export.story_title", lang)
    body = "\n".join([
        f"<h1>{escape(title)}</h1>",
        f'<p>{escape(t("app.tagline", lang))}</p>',
        f'<p class="prov">{escape(provenance_line(inputs.provenance, lang))}</p>',
        figure_div(timeline, with_js=True, div_id="timeline"),
        figure_div(price, with_js=False, div_id="prices"),
        f"<h2>{escape(t('export.events_heading', lang, start=format_date(lo, lang), end=format_date(hi, lang)))}</h2>",
        _event_rows(listed, inputs.articles, lang),
    ])
    return _page(title, lang, body)


def story_from_disk(lang: str = "en", mode: str | None = None) -> StoryInputs:
    """Load what the story export needs (prices of the Overview symbols, events, articles, names)."""
    from market_impact.articles import load_articles
    from market_impact.events import load_events
    from market_impact.prices import load_prices
    from market_impact.story import STORY_SYMBOLS
    from market_impact.tickers import load_registry
    from market_impact.views import PRESETS

    start, end = PRESETS["decfeb"]
    frame = load_prices(list(STORY_SYMBOLS), start, end, mode=mode)
    registry = load_registry()
    names = {s: registry[s].name(lang) for s in frame.symbols if s in registry}
    return StoryInputs(data=frame.data, provenance=frame.provenance, events=tuple(load_events()), names=names,
                       articles=load_articles())
