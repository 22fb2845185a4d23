"""Figure builders: data in, `go.Figure` out. No Streamlit, no files.

Dates are drawn on a category axis of ISO session strings, so weekends and exchange holidays simply
do not exist on the axis (no `rangebreaks` lists, which are slow and glitchy with WebGL).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from market_impact.prices import return_price

PALETTE = ["#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#1f3b73", "#b8860b", "#2ca02c", "#6a3d9a"]
SYMBOL_COLOURS = {"NVDA": "#76b900", "^IXIC": "#1f77b4", "^GSPC": "#d62728", "SMH": "#9467bd", "^NDX": "#17becf"}
FONT = "Noto Sans, Lohit Devanagari, sans-serif"


def normalise(series: pd.Series, base: pd.Timestamp) -> pd.Series:
    """Rebase a price series to 100 at `base` (the last value on or before `base`)."""
    upto = series.loc[:base].dropna()
    if upto.empty:
        return series * float("nan")
    return series / upto.iloc[-1] * 100.0


def price_series(data: pd.DataFrame, mode: str = "normalised", base: pd.Timestamp | None = None) -> pd.DataFrame:
    """Wide frame (index = date, columns = symbols) of the values a price chart shows.

    mode: "normalised" (adjusted price = 100 at `base`), "absolute" (quoted close), "pct" (cumulative %
    change from `base`, adjusted), "log" (quoted close, drawn on a log axis).
    """
    df = data[["date", "symbol", "close"]].copy()
    df["ret_price"] = return_price(data)
    if mode in ("absolute", "log"):
        out = df.pivot(index="date", columns="symbol", values="close")
    else:
        px = df.pivot(index="date", columns="symbol", values="ret_price")
        b = pd.Timestamp(base) if base is not None else px.index.min()
        out = px.apply(lambda s: normalise(s, b))
        if mode == "pct":
            out = out - 100.0
    out.columns.name = None
    return out.sort_index()


def _x(index: pd.Index) -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in pd.DatetimeIndex(index)]


CATEGORY_COLOURS = {
    "model release": "#76b900",
    "market move": "#d62728",
    "company statement": "#1f77b4",
    "policy/regulation": "#9467bd",
    "people & funding": "#ff7f0e",
    "context": "#7f7f7f",
}
OVERLAY_COLUMNS = ["id", "session", "date_label", "title", "category", "importance", "source", "quote"]


def session_axis(index: pd.Index) -> list[str]:
    """The sorted ISO session strings a chart's category axis shows."""
    return sorted(set(_x(index)))


def _pos(axis: list[str], session: pd.Timestamp | str) -> float | None:
    key = pd.Timestamp(session).strftime("%Y-%m-%d")
    try:
        return float(axis.index(key))
    except ValueError:
        return None


def price_figure(
    data: pd.DataFrame,
    *,
    mode: str = "normalised",
    base: pd.Timestamp | str | None = None,
    names: Mapping[str, str] | None = None,
    title: str = "",
    y_title: str = "",
    height: int = 480,
    font_size: int = 14,
    candles: bool = False,
    volume: bool = False,
    events: pd.DataFrame | None = None,
    marker_symbol: str | None = None,
    highlight: str | None = None,
    window: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    window_label: str = "",
) -> go.Figure:
    """Lines (or candles) of one or more symbols on one session axis, with optional volume pane,
    event markers (a marker on the price line + a thin vertical guide) and an event-window shading.

    `events` is an overlay frame with OVERLAY_COLUMNS (see `events_overlay`); markers sit on
    `marker_symbol`'s line (default: the first symbol).
    """
    from plotly.subplots import make_subplots

    base_ts = pd.Timestamp(base) if base is not None else None
    wide = price_series(data, mode, base_ts)
    names = names or {}
    axis = session_axis(wide.index)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.78, 0.22], vertical_spacing=0.03) if volume else go.Figure()
    row = {"row": 1, "col": 1} if volume else {}
    unit = "%" if mode == "pct" else ""
    spare = iter(PALETTE * 2)
    traces, volumes = [], []
    for sym in wide.columns:
        s = wide[sym].dropna()
        label = names.get(sym, sym)
        colour = SYMBOL_COLOURS.get(sym) or next(spare)
        g = data[data["symbol"] == sym]
        if candles and mode in ("absolute", "log") and g[["open", "high", "low"]].notna().all(axis=None):
            traces.append(go.Candlestick(x=_x(g["date"]), open=g["open"], high=g["high"], low=g["low"], close=g["close"], name=label))
        else:
            traces.append(go.Scatter(x=_x(s.index), y=s.values, mode="lines", name=label,
                                     line={"width": 2.5 if sym == "NVDA" else 2, "color": colour},
                                     hovertemplate=f"<b>{label}</b> %{{y:,.2f}}{unit}<extra></extra>"))
        if volume and g["volume"].notna().any():
            volumes.append(go.Bar(x=_x(g["date"]), y=g["volume"], name=f"{label} · vol", marker_color=colour, opacity=0.5,
                                  showlegend=False, hovertemplate=f"{label} vol %{{y:,.0f}}<extra></extra>"))
    if volume:
        fig.add_traces(traces, rows=1, cols=1)
        if volumes:
            fig.add_traces(volumes, rows=2, cols=1)
    else:
        fig.add_traces(traces)
    shapes: list[dict] = []  # collected, then set once with the layout
    if base_ts is not None and mode in ("normalised", "pct"):
        ref = 100.0 if mode == "normalised" else 0.0
        shapes.append({"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": ref, "y1": ref,
                       "line": {"width": 1, "dash": "dot", "color": "#888"}})
    if window is not None:
        add_window_shading(fig, axis, window[0], window[1], window_label, shapes=shapes)
    if events is not None and len(events):
        sym = marker_symbol if marker_symbol in wide.columns else (wide.columns[0] if len(wide.columns) else None)
        add_event_markers(fig, axis, events, wide[sym] if sym is not None else None, highlight=highlight, row=row, shapes=shapes)
    ticks = _tick_values(axis)
    style_figure(fig, title=title, y_title=y_title, height=height, font_size=font_size,
                 extra={"shapes": [*(sh.to_plotly_json() for sh in fig.layout.shapes), *shapes],
                        "xaxis": {"rangeslider": {"visible": False}}, **({"yaxis": {"type": "log"}} if mode == "log" else {})},
                 xaxes={"type": "category", "categoryorder": "array", "categoryarray": axis, "tickmode": "array", "tickvals": ticks,
                        "ticktext": [_tick_text(v) for v in ticks]})
    return fig


def _tick_values(axis: list[str], target: int = 10) -> list[str]:
    if not axis:
        return []
    step = max(1, round(len(axis) / target))
    return axis[::step]


def _tick_text(iso: str) -> str:
    d = pd.Timestamp(iso)
    return d.strftime("%d %b<br>%Y") if d.month == 1 or d.day <= 7 else d.strftime("%d %b")


def add_window_shading(fig: go.Figure, axis: list[str], first: pd.Timestamp, last: pd.Timestamp, label: str = "",
                       shapes: list | None = None) -> None:
    """Shade the sessions first..last (inclusive): half a category either side so whole days are covered.

    With `shapes`, the rectangle is appended there (for the caller to set with the layout) instead of added."""
    x0, x1 = _pos(axis, first), _pos(axis, last)
    if x0 is None or x1 is None:
        return
    rect = {"type": "rect", "xref": "x", "yref": "paper", "x0": x0 - 0.5, "x1": x1 + 0.5, "y0": 0, "y1": 1,
            "fillcolor": "rgba(255, 193, 7, 0.18)", "line": {"width": 0}, "layer": "below"}
    if shapes is not None:
        shapes.append(rect)
    else:
        fig.add_shape(rect)
    if label:
        fig.add_annotation(x=x0 - 0.5, y=0.99, xref="x", yref="paper", text=label, showarrow=False, yanchor="top", xanchor="left",
                           font={"size": 12, "color": "#8a6d00"}, bgcolor="rgba(255,255,255,0.7)")


def add_event_markers(fig: go.Figure, axis: list[str], events: pd.DataFrame, line: pd.Series | None,
                      highlight: str | None = None, row: dict | None = None, shapes: list | None = None) -> None:
    """One marker per event on the price line at its session, plus a thin vertical guide (shapes by category
    index: `add_vline` with datetime x and an annotation is a long-standing Plotly bug)."""
    row = row or {}
    xs, ys, texts, colours, sizes, ids = [], [], [], [], [], []
    guides: list[dict] = []  # set in one go below: add_shape one by one is quadratic in Plotly
    clean = line.dropna().sort_index() if line is not None else None
    for ev in events.itertuples(index=False):
        pos = _pos(axis, ev.session)
        if pos is None:
            continue
        key = axis[int(pos)]
        y = None
        if clean is not None:
            upto = clean.loc[: pd.Timestamp(key)]
            y = float(upto.iloc[-1]) if len(upto) else None
        colour = CATEGORY_COLOURS.get(ev.category, "#444")
        hl = highlight is not None and ev.id == highlight
        guides.append({"type": "line", "xref": "x", "yref": "paper", "x0": pos, "x1": pos, "y0": 0, "y1": 1, "layer": "below",
                       "line": {"width": 3 if hl else 1, "color": colour, "dash": "solid" if hl else "dot"}})
        xs.append(key)
        ys.append(y)
        # Escaped: Plotly renders tags in hover text, and titles/quotes may be a user's own words.
        texts.append(f"<b>{escape(str(ev.title))}</b><br>{escape(str(ev.date_label))}<br>{escape(str(ev.source))}<br><i>{escape(str(ev.quote))}</i>")
        colours.append(colour)
        sizes.append(18 if hl else {1: 13, 2: 10}.get(int(ev.importance), 8))
        ids.append(ev.id)
    if shapes is not None:
        shapes.extend(guides)
    elif guides:
        set_layout(fig, {"shapes": [*(sh.to_plotly_json() for sh in fig.layout.shapes), *guides]})
    if xs:
        fig.add_trace(
            go.Scatter(x=xs, y=ys, mode="markers", name="events", showlegend=False, customdata=ids,
                       marker={"size": sizes, "color": colours, "line": {"width": 1.5, "color": "white"}, "symbol": "diamond"},
                       hovertext=texts, hoverinfo="text", hoverlabel={"align": "left"}),
            **row,
        )


def market_map_figure(moves: pd.DataFrame, *, title: str = "", height: int = 560, font_size: int = 13) -> go.Figure:
    """Every symbol as a tile grouped by its registry group, coloured by the day's move.

    `moves` columns: symbol, name, group, ret (fraction; NaN = no session that day), close.
    """
    df = moves.copy()
    df["pct"] = df["ret"] * 100.0
    groups = sorted(df["group"].unique())
    labels = groups + df["symbol"].tolist()
    ids = [f"g:{g}" for g in groups] + df["symbol"].tolist()
    parents = [""] * len(groups) + [f"g:{g}" for g in df["group"]]
    grp_mean = df.groupby("group")["pct"].mean()
    colour = [float(grp_mean.get(g, 0.0)) for g in groups] + df["pct"].fillna(0.0).tolist()
    text = [""] * len(groups) + [
        f"{r.name}<br>{'—' if pd.isna(r.pct) else f'{r.pct:+.2f}%'}" for r in df.itertuples(index=False)
    ]
    fig = go.Figure(
        go.Treemap(
            ids=ids, labels=labels, parents=parents, values=[0] * len(groups) + [1] * len(df),
            marker={"colors": colour, "colorscale": [[0, "#b71c1c"], [0.5, "#f5f5f5"], [1, "#1b5e20"]], "cmid": 0, "cmin": -10, "cmax": 10,
                    "colorbar": {"title": "%", "thickness": 12}},
            text=text, texttemplate="<b>%{label}</b><br>%{text}", hovertemplate="<b>%{label}</b><br>%{text}<extra></extra>",
            branchvalues="remainder", pathbar={"visible": False},
        )
    )
    fig.update_layout(title={"text": title, "x": 0}, height=height, margin={"l": 0, "r": 0, "t": 40 if title else 0, "b": 0},
                      font={"family": FONT, "size": font_size})
    return fig


def _merge(base: dict, patch: Mapping) -> dict:
    out = dict(base)
    for k, v in patch.items():
        out[k] = _merge(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), dict) else v
    return out


def set_layout(fig: go.Figure, patch: Mapping, axes: Mapping | None = None, xaxes: Mapping | None = None) -> go.Figure:
    """Merge `patch` (nested dicts, no magic underscores) into the layout, `axes` into every x and y axis and
    `xaxes` into every x axis.

    Replacing the layout object once is several times faster than `update_layout`/`update_xaxes`, whose
    path checks and deep copies dominate a chart's build time.
    """
    layout = fig.layout.to_plotly_json()
    names = {k for k in layout if k.startswith(("xaxis", "yaxis"))} | {"xaxis", "yaxis"}
    if axes:
        layout = _merge(layout, {k: axes for k in names})
    if xaxes:
        layout = _merge(layout, {k: xaxes for k in names if k.startswith("xaxis")})
    fig.layout = go.Layout(_merge(layout, patch))
    return fig


AXIS_STYLE = {"gridcolor": "#ebebeb", "linecolor": "#ebebeb", "zeroline": False}


def style_figure(fig: go.Figure, *, title: str = "", y_title: str = "", height: int = 480, font_size: int = 14,
                 extra: Mapping | None = None, xaxes: Mapping | None = None) -> go.Figure:
    """The house look, plus any `extra` layout and `xaxes` settings, set in one go."""
    patch = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 60 if title else 20, "b": 10},
        "hovermode": "x unified",
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        "font": {"family": FONT, "size": font_size},
        "yaxis": {"title": {"text": y_title}},
        # plotly_white's look, set directly: a named template is deep-copied and validated on every figure
        "template": "none",
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
    }
    return set_layout(fig, _merge(patch, extra or {}), axes=AXIS_STYLE, xaxes=xaxes)


def events_overlay(events: Sequence, lang: str = "en", exchange: str = "XNYS", article_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Catalogue events → the overlay frame price charts draw (OVERLAY_COLUMNS), day-events with a session only."""
    from market_impact.i18n import format_date, t

    rows = []
    for ev in events:
        sessions = getattr(ev, "sessions", {}) or {}
        session = sessions.get(exchange)
        if session is None or getattr(ev, "granularity", "day") != "day":
            continue
        src = (getattr(ev, "sources", None) or [None])[0]
        article = getattr(src, "article", None)
        if article and str(article).startswith("user:"):
            source = f"{t('timeline.lane_user', lang)} · {str(article).removeprefix('user:')}"  # marked as the user's own
            quote = str(getattr(src, "quote", ""))
        elif article:
            source = (article_names or {}).get(article, article)
            quote = str(getattr(src, "quote", ""))
        else:
            source = f"{getattr(src, 'outlet', '')}: {getattr(src, 'title', '')}".strip(": ")
            quote = ""
        words = quote.split()
        rows.append(
            {
                "id": ev.id,
                "session": pd.Timestamp(session),
                "date_label": format_date(ev.date, lang),
                "title": ev.title_hi if lang == "hi" else ev.title_en,
                "category": ev.category,
                "importance": int(ev.importance),
                "source": source,
                "quote": " ".join(words[:12]) + (" …" if len(words) > 12 else ""),
            }
        )
    return pd.DataFrame(rows, columns=OVERLAY_COLUMNS)


# ---------------------------------------------------------------- event study

GROUP_COLOURS = {
    "nvidia": "#76b900",
    "semiconductors": "#1f77b4",
    "ai_hardware_storage": "#9467bd",
    "hyperscalers_ai_software": "#ff7f0e",
    "power": "#bcbd22",
    "hong_kong_china": "#d62728",
    "japan": "#e377c2",
    "us_indices": "#17becf",
    "other_nasdaq100": "#9a9a9a",
}


def ar_car_figure(path: pd.DataFrame, *, labels: Mapping[str, str], title: str = "", height: int = 440,
                  font_size: int = 14) -> go.Figure:
    """AR bars around day 0 (the event window in colour) and the CAR path with its ±1.96·σ̂·√k band.

    `path` has columns day, date, ar, in_window, car, band (fractions); labels: ar_in, ar_out, car,
    band, x_title, y_title.
    """
    fig = go.Figure()
    dates = [d.strftime("%Y-%m-%d") for d in pd.DatetimeIndex(path["date"])]
    inside = path["in_window"].to_numpy(dtype=bool)
    win = path[inside]
    win_dates = [d for d, i in zip(dates, inside, strict=True) if i]
    if len(win):
        fig.add_trace(go.Scatter(x=win["day"], y=100 * win["band"], mode="lines", line={"width": 0}, showlegend=False,
                                 hoverinfo="skip", name="band+"))
        fig.add_trace(go.Scatter(x=win["day"], y=-100 * win["band"], mode="lines", line={"width": 0}, fill="tonexty",
                                 fillcolor="rgba(120,120,120,0.18)", name=labels.get("band", "band"), hoverinfo="skip"))
    for mask, name, colour in ((~inside, labels.get("ar_out", "AR"), None), (inside, labels.get("ar_in", "AR"), "window")):
        part = path[mask]
        if part.empty:
            continue
        cols = ["#c9c9c9"] * len(part) if colour is None else ["#d62728" if v < 0 else "#2ca02c" for v in part["ar"]]
        fig.add_trace(go.Bar(x=part["day"], y=100 * part["ar"], name=name, marker={"color": cols},
                             customdata=[d for d, m in zip(dates, mask, strict=True) if m],
                             hovertemplate="day %{x:+d} · %{customdata}<br>AR %{y:+.2f}%<extra></extra>"))
    if len(win):
        fig.add_trace(go.Scatter(x=win["day"], y=100 * win["car"], mode="lines+markers", name=labels.get("car", "CAR"),
                                 line={"color": "#111", "width": 2.5}, customdata=win_dates,
                                 hovertemplate="day %{x:+d} · %{customdata}<br>CAR %{y:+.2f}%<extra></extra>"))
    fig.add_vline(x=0, line={"width": 1, "dash": "dot", "color": "#555"})
    fig.add_hline(y=0, line={"width": 1, "color": "#999"})
    style_figure(fig, title=title, y_title=labels.get("y_title", ""), height=height, font_size=font_size)
    span = int(path["day"].max() - path["day"].min()) if len(path) else 0
    fig.update_xaxes(title=labels.get("x_title", ""), dtick=1 if span <= 25 else 5, zeroline=False)
    fig.update_layout(hovermode="closest", barmode="overlay", bargap=0.25, **_legend_under_title(100))
    return fig


def _legend_under_title(top: int) -> dict:
    """Title on the first line, the legend on its own line(s) under it: they never overlap."""
    return {"title": {"y": 0.985, "yanchor": "top", "yref": "container"}, "margin": {"t": top},
            "legend": {"orientation": "h", "y": 1.01, "yanchor": "bottom", "x": 0, "xanchor": "left"}}


def ranked_car_figure(ranked: pd.DataFrame, *, group_names: Mapping[str, str] | None = None, title: str = "",
                      y_title: str = "CAR (%)", highlight: Sequence[str] = (), height: int = 460,
                      font_size: int = 13) -> go.Figure:
    """One bar per firm, largest CAR first, coloured by group. `ranked`: symbol, name, group, car, t, stars."""
    fig = go.Figure()
    order = list(ranked["symbol"])
    group_names = group_names or {}
    for group, part in ranked.groupby("group", sort=False):
        line_w = [2.5 if s in highlight else 0 for s in part["symbol"]]
        fig.add_trace(go.Bar(
            x=part["symbol"], y=100 * part["car"], name=group_names.get(group, group),
            marker={"color": GROUP_COLOURS.get(group, "#7f7f7f"), "line": {"width": line_w, "color": "#111"}},
            customdata=np.column_stack([part["name"], part["t"].round(2), part["stars"]]),
            hovertemplate="<b>%{x}</b> %{customdata[0]}<br>CAR %{y:+.2f}%  t %{customdata[1]} %{customdata[2]}<extra></extra>",
        ))
    style_figure(fig, title=title, y_title=y_title, height=height, font_size=font_size)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order, tickangle=-90, tickfont={"size": 9})
    fig.update_layout(hovermode="closest", bargap=0.15, **_legend_under_title(120))
    return fig


def car_heatmap_figure(matrix: pd.DataFrame, *, title: str = "", colorbar_title: str = "CAR %", height: int = 360,
                       font_size: int = 13) -> go.Figure:
    """Windows (rows) × firms (columns) heatmap of CAR in %; red below zero, blue above, centred at 0."""
    z = matrix.T.to_numpy(dtype=float)
    finite = np.abs(z[np.isfinite(z)])
    lim = float(np.quantile(finite, 0.98)) if finite.size else 1.0
    fig = go.Figure(go.Heatmap(
        z=z, x=list(matrix.index), y=list(matrix.columns), colorscale="RdBu", zmid=0, zmin=-lim, zmax=lim,
        colorbar={"title": {"text": colorbar_title}}, hoverongaps=False,
        hovertemplate="<b>%{x}</b> %{y}<br>CAR %{z:+.2f}%<extra></extra>",
    ))
    style_figure(fig, title=title, height=height, font_size=font_size)
    fig.update_xaxes(type="category", tickangle=-90, tickfont={"size": 9})
    fig.update_yaxes(type="category", autorange="reversed")
    fig.update_layout(hovermode="closest")
    return fig


TIMELINE_SIZES = {1: 17, 2: 12, 3: 9}
TIMELINE_LEVELS = 6


def _stack_levels(frame: pd.DataFrame, base: Mapping[str, int], x_range: tuple | None) -> list[float]:
    """A y for each row: its lane, moved down a level while it would sit on top of an earlier dot or bar
    (closer than 1/50 of the visible span), so events days apart stay apart at any zoom."""
    if frame.empty:
        return []
    lo, hi = (pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])) if x_range else (frame["start"].min(), frame["end"].max())
    gap = max(pd.Timedelta(days=1), (hi - lo) / 50)
    busy: dict[tuple[str, int], pd.Timestamp] = {}
    ys = []
    for lane, start, end in zip(frame["lane"], frame["start"], frame["end"], strict=True):
        level = next((lv for lv in range(TIMELINE_LEVELS) if busy.get((lane, lv), pd.Timestamp.min) <= start), None)
        if level is None:  # every level busy: reuse the one that frees first
            level = min(range(TIMELINE_LEVELS), key=lambda lv: busy[(lane, lv)])
        busy[(lane, level)] = max(end, start + gap)
        ys.append(base[lane] - 0.14 * level)
    return ys


def timeline_figure(rows: pd.DataFrame, lanes: Mapping[str, str], *, category_labels: Mapping[str, str] | None = None,
                    selected: str | None = None, x_range: tuple | None = None, title: str = "",
                    height: int | None = None, font_size: int = 13) -> go.Figure:
    """Events on a date axis, one lane per key of `lanes` (top to bottom), coloured by category.

    `rows` is `market_impact.timeline.timeline_rows(...)`: day events are dots; month, year and period
    events are a dot at their start and a bar over their span. Context events (dated by outside
    sources) are open diamonds. Each dot carries its event id in `customdata[0]` for `on_select`.
    """
    order = list(lanes)
    base = {key: -i for i, key in enumerate(order)}
    frame = rows[rows["lane"].isin(base)].sort_values(["start", "importance"]).copy()
    frame["y"] = _stack_levels(frame, base, x_range)
    labels = category_labels or {}
    fig = go.Figure()
    spans = frame[frame["granularity"] != "day"]
    for cat, part in spans.groupby("category", sort=False):
        xs, ys = [], []
        for r in part.itertuples(index=False):
            xs += [r.start, r.end, None]
            ys += [r.y, r.y, None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": CATEGORY_COLOURS.get(cat, "#444"), "width": 6},
                                 opacity=0.35, hoverinfo="skip", showlegend=False, name=f"span:{cat}"))
    for cat in CATEGORY_COLOURS:
        part = frame[frame["category"] == cat].sort_values("context", kind="stable")  # the legend shows the first symbol
        if part.empty:
            continue
        fig.add_trace(go.Scatter(
            x=part["start"], y=part["y"], mode="markers", name=labels.get(cat, cat),
            marker={"color": CATEGORY_COLOURS[cat], "size": [TIMELINE_SIZES.get(int(i), 9) for i in part["importance"]],
                    "symbol": ["diamond-open" if c else "circle" for c in part["context"]],
                    "line": {"width": [2 if c else 1 for c in part["context"]], "color": CATEGORY_COLOURS[cat]}},
            # text fields escaped: titles and quotes may be a user's words, and Plotly renders tags in hovers
            customdata=part[["id", "title", "date_label", "source", "quote", "session"]].map(
                lambda v: html.escape(v) if isinstance(v, str) else v).to_numpy(),
            hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]}<br><i>%{customdata[4]}</i><extra></extra>",
        ))
    if selected is not None and (frame["id"] == selected).any():
        part = frame[frame["id"] == selected]
        fig.add_trace(go.Scatter(x=part["start"], y=part["y"], mode="markers", name="selected", showlegend=False,
                                 hoverinfo="skip", marker={"size": 28, "symbol": "circle-open", "color": "#111", "line": {"width": 3}}))
    style_figure(fig, title=title, height=height or 150 + 62 * len(order), font_size=font_size)
    fig.update_yaxes(tickvals=[base[k] for k in order], ticktext=[lanes[k] for k in order], range=[-len(order) + 0.3, 0.5],
                     zeroline=False, showgrid=True, gridcolor="#eee", fixedrange=True)
    fig.update_xaxes(type="date", range=list(x_range) if x_range else None)
    fig.update_layout(hovermode="closest", clickmode="event+select", dragmode="pan",
                      legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
                      margin={"l": 10, "r": 10, "t": 60, "b": 30})
    return fig

# -- claim check mini-charts (pages/claims.py) --
def claim_price_figure(rows: pd.DataFrame, points: Sequence[tuple[str, str, float, str]], *, name: str = "", colour: str | None = None,
                       title: str = "", y_title: str = "", level: float | None = None, level_label: str = "",
                       height: int = 300, font_size: int = 13) -> go.Figure:
    """One claim's days: the quoted close around them as a line, and the prices the check used as labelled
    markers (`points`: ISO day, "open"|"close", value, label; ● close, ▲ open); `level` draws a dotted line."""
    df = rows.sort_values("date")
    axis = session_axis(pd.DatetimeIndex(df["date"]))
    colour = colour or PALETTE[1]
    fig = go.Figure(go.Scatter(x=_x(df["date"]), y=df["close"], mode="lines", name=name, line={"color": colour, "width": 2},
                               hovertemplate=f"<b>{name}</b> %{{x}}: %{{y:,.2f}}<extra></extra>"))
    xs = [p[0] for p in points if p[0] in axis]
    keep = [p for p in points if p[0] in axis]
    mid = (df["close"].max() + df["close"].min()) / 2
    fig.add_trace(go.Scatter(
        x=xs, y=[p[2] for p in keep], mode="markers+text", name="", showlegend=False, text=[p[3] for p in keep],
        textposition=["bottom center" if p[2] <= mid else "top center" for p in keep],  # lows labelled below the line
        marker={"size": 12, "color": ["#d62728" if p[1] == "close" else "#ff7f0e" for p in keep],
                "symbol": ["circle" if p[1] == "close" else "triangle-up" for p in keep], "line": {"width": 1, "color": "white"}},
        hovertemplate="%{x}: %{y:,.2f}<extra></extra>"))
    if level is not None:
        fig.add_hline(y=level, line={"width": 1, "dash": "dot", "color": "#888"}, annotation_text=level_label,
                      annotation_position="bottom right")
    style_figure(fig, title=title, y_title=y_title, height=height, font_size=font_size)
    ticks = _tick_values(axis, 6)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=axis, tickmode="array", tickvals=ticks,
                     ticktext=[_tick_text(v) for v in ticks])
    fig.update_layout(showlegend=False, hovermode="closest", margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10})
    pad = (df["close"].max() - df["close"].min()) * 0.15 or 1.0
    fig.update_yaxes(range=[df["close"].min() - pad, df["close"].max() + pad])
    return fig


def claim_moves_figure(moves: Mapping[str, float], *, names: Mapping[str, str] | None = None, title: str = "", y_title: str = "",
                       height: int = 300, font_size: int = 13) -> go.Figure:
    """Several symbols' moves on one day (% against the previous close) as bars: green up, red down."""
    names = names or {}
    syms = list(moves)
    vals = [float(moves[s]) for s in syms]
    fig = go.Figure(go.Bar(x=[names.get(s, s) for s in syms], y=vals, marker_color=["#1b5e20" if v > 0 else "#b71c1c" for v in vals],
                           text=[f"{v:+.2f}%".replace("-", "−") for v in vals], textposition="outside",
                           hovertemplate="%{x}: %{y:+.2f}%<extra></extra>"))
    fig.add_hline(y=0, line={"width": 1, "color": "#888"})
    style_figure(fig, title=title, y_title=y_title, height=height, font_size=font_size)
    lo, hi = min(vals + [0.0]), max(vals + [0.0])
    pad = (hi - lo) * 0.2 or 1.0
    fig.update_yaxes(range=[lo - pad, hi + pad])
    fig.update_layout(showlegend=False, hovermode="closest", margin={"l": 10, "r": 10, "t": 50 if title else 10, "b": 10})
    return fig


def localise_session_ticks(fig: go.Figure, lang: str) -> go.Figure:
    """Hindi month names on a `price_figure`'s session axis ('27 जनवरी', year on a second line where shown)."""
    if lang != "hi":
        return fig
    from market_impact.i18n import MONTHS_HI

    for axis in ("xaxis", "xaxis2"):
        ax = fig.layout[axis] if axis in fig.layout else None
        if ax is None or not ax.tickvals:
            continue
        texts = list(ax.ticktext or [""] * len(ax.tickvals))
        labels = []
        for iso, old in zip(ax.tickvals, texts, strict=True):
            d = pd.Timestamp(iso)
            labels.append(f"{d.day} {MONTHS_HI[d.month - 1]}" + (f"<br>{d.year}" if "<br>" in str(old) else ""))
        ax.ticktext = labels
    return fig


def localise_date_ticks(fig: go.Figure, lang: str, first, last, extent: tuple | None = None) -> go.Figure:
    """Hindi month names on a date x-axis (Plotly's own date labels are English): monthly ticks when the
    visible span `first`..`last` is long, weekly (Mondays) when short; ticks cover `extent` (default the
    visible span) so panning still finds labels."""
    if lang != "hi":
        return fig
    from market_impact.i18n import MONTHS_HI

    monthly = pd.Timestamp(last) - pd.Timestamp(first) > pd.Timedelta(days=120)
    lo, hi = (pd.Timestamp(x).normalize() for x in (extent or (first, last)))
    if monthly:
        ticks = pd.date_range(lo.to_period("M").to_timestamp(), hi, freq="MS")
        text = [f"{MONTHS_HI[d.month - 1]}<br>{d.year}" if d.month == 1 or i == 0 else MONTHS_HI[d.month - 1] for i, d in enumerate(ticks)]
    else:
        ticks = pd.date_range(lo - pd.Timedelta(days=lo.weekday()), hi, freq="W-MON")
        text = [f"{d.day} {MONTHS_HI[d.month - 1]}" + (f"<br>{d.year}" if i == 0 or d.month == 1 and d.day <= 7 else "")
                for i, d in enumerate(ticks)]
    fig.update_xaxes(tickmode="array", tickvals=list(ticks), ticktext=text)
    return fig
