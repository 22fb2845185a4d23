"""Figure builders: data in, `go.Figure` out. No Streamlit, no files.

Dates are drawn on a category axis of ISO session strings, so weekends and exchange holidays simply
do not exist on the axis (no `rangebreaks` lists, which are slow and glitchy with WebGL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from market_impact.prices import return_price

PALETTE = ["#76b900", "#1f77b4", "#d62728", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"]
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
) -> go.Figure:
    """Lines of one or more symbols on one session axis."""
    base_ts = pd.Timestamp(base) if base is not None else None
    wide = price_series(data, mode, base_ts)
    names = names or {}
    fig = go.Figure()
    for i, sym in enumerate(wide.columns):
        s = wide[sym].dropna()
        label = names.get(sym, sym)
        unit = "%" if mode == "pct" else ""
        fig.add_trace(
            go.Scatter(
                x=_x(s.index),
                y=s.values,
                mode="lines",
                name=label,
                line={"width": 2.5 if sym == "NVDA" else 2, "color": SYMBOL_COLOURS.get(sym, PALETTE[i % len(PALETTE)])},
                hovertemplate=f"<b>{label}</b><br>%{{x}}<br>%{{y:,.2f}}{unit}<extra></extra>",
            )
        )
    if base_ts is not None and mode in ("normalised", "pct"):
        ref = 100.0 if mode == "normalised" else 0.0
        fig.add_hline(y=ref, line={"width": 1, "dash": "dot", "color": "#888"})
    style_figure(fig, title=title, y_title=y_title, height=height, font_size=font_size)
    fig.update_xaxes(type="category", categoryorder="category ascending", nticks=12)
    if mode == "log":
        fig.update_yaxes(type="log")
    return fig


def style_figure(fig: go.Figure, *, title: str = "", y_title: str = "", height: int = 480, font_size: int = 14) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 60 if title else 20, "b": 10},
        hovermode="x unified",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        font={"family": FONT, "size": font_size},
        yaxis_title=y_title,
        template="plotly_white",
    )
    return fig
