"""The Prices page's Streamlit side: the controls (URL → widgets → URL) and its three parts — the chart, the
returns table and the market map."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from market_impact import calendars, charts
from market_impact.i18n import format_date, t
from market_impact.prices import PriceFrame
from market_impact.ui.loaders import (
    cached_market_map,
    cached_returns_table,
    cached_session_labels,
    event_key,
    memo_figure,
    memo_table,
    provenance_key,
    symbol_labels,
)
from market_impact.ui.state import write_params
from market_impact.ui.widgets import figure_downloads
from market_impact.views import CATEGORY_SLUGS, MODES, PRESETS, PricesView

PARTS = ("chart", "returns", "map")


def controls(view: PricesView, registry, events, lang: str, chart: bool = True) -> PricesView | None:
    """The view the widgets show, seeded from the URL's `view` and written back to the URL (None when every symbol
    was removed: the URL keeps the last ones). Symbols and dates are always on show; scale, base, candles, volume and
    the events box only with the chart (`chart=False`: the returns table, which they do not change — the URL keeps
    their values for the way back). The events box (importance, categories, window shading) runs its widgets only
    when open — closed, the URL's values apply."""
    label = symbol_labels(lang)
    left, right = st.columns([3, 2])
    group = left.selectbox(t("prices.add_group", lang), [""] + [g.id for g in registry.groups],
                           format_func=lambda g: registry.group(g).name(lang) if g else t("prices.add_group_none", lang))
    default = list(view.symbols)
    if group:
        default += [tk.symbol for tk in registry.in_group(group) if tk.symbol not in view.symbols]
    symbols = left.multiselect(t("prices.symbols", lang), list(registry.keys()), default=default, format_func=label.__getitem__,
                               max_selections=12)
    preset = right.segmented_control(t("prices.preset", lang), list(PRESETS), default=view.preset,
                                     format_func=lambda p: t(f"prices.preset.{p}", lang)) or view.preset
    start, end = view.start, view.end
    if preset == "custom":
        rng = right.date_input(t("prices.custom_range", lang), (view.start, view.end), min_value=PRESETS["all"][0],
                               max_value=PRESETS["all"][1])
        if isinstance(rng, tuple) and len(rng) == 2:
            start, end = rng
    else:
        start, end = PRESETS[preset]
    if not chart:
        now = replace(view, symbols=tuple(symbols) or view.symbols, preset=preset, start=start, end=end,
                      base=view.base if start <= view.base <= end else start)
        write_params(**now.to_params())
        return now if symbols else None
    row = st.container(horizontal=True, vertical_alignment="center", gap="medium")  # one block, not four columns
    mode = row.radio(t("prices.mode", lang), MODES, index=MODES.index(view.mode), horizontal=True, width="content",
                     format_func=lambda m: t(f"prices.mode.{m}", lang))
    base = start
    if mode in ("normalised", "pct") and start <= view.base <= end:
        base = row.date_input(t("prices.base", lang), view.base, min_value=start, max_value=end, width=160)
    extras = row.pills(t("prices.extras", lang), ("candles", "volume"), selection_mode="multi", help=t("prices.candles_help", lang),
                       default=[x for x, on in (("candles", view.candles), ("volume", view.volume)) if on],
                       format_func=lambda x: t(f"prices.{x}", lang))
    candles, volume = "candles" in extras, "volume" in extras

    importance, cats, window_event, window = view.importance, list(view.categories), view.window_event, view.window
    box = st.expander(t("prices.importance", lang), key="pr_events_box", on_change="rerun")
    if box.open:
        with box:
            importance = st.select_slider(t("prices.importance", lang), [1, 2, 3], value=view.importance,
                                          format_func=lambda i: t(f"prices.importance.{i}", lang))
            cats = st.multiselect(t("prices.categories", lang), list(CATEGORY_SLUGS), default=list(view.categories),
                                  format_func=lambda c: t(f"cat.{CATEGORY_SLUGS[c]}", lang))
            day_events = {e.id: f"{format_date(e.date, lang)} · {e.title(lang)}" for e in events if e.granularity == "day"}
            choices = ["", *day_events]
            window_event = st.selectbox(t("prices.window_event", lang), choices, index=choices.index(view.window_event),
                                        format_func=lambda i: day_events.get(i, "—"))
            window = st.slider(t("prices.window", lang), -20, 20, view.window) if window_event else view.window

    now = PricesView(symbols=tuple(symbols) or view.symbols, preset=preset, start=start, end=end, mode=mode, base=base,
                     candles=candles, volume=volume, importance=importance, categories=tuple(cats), window_event=window_event,
                     window=tuple(window), map_date=view.map_date)
    write_params(**now.to_params())
    return now if symbols else None


def marked_events(view: PricesView, events) -> list:
    """The events the chart marks: important enough and of a chosen category; the user's own always."""
    wanted = {CATEGORY_SLUGS[c] for c in view.categories}
    return [e for e in events if (e.importance <= view.importance or e.is_user) and e.category in wanted]


def show_chart(view: PricesView, frame: PriceFrame, events, registry, lang: str) -> None:
    """The price chart of the view (memoised by everything it shows) and its download menu."""
    marked = marked_events(view, events)

    def build():
        shade, shade_label = None, ""
        if view.window_event:
            ev = next(e for e in events if e.id == view.window_event)
            s0 = ev.sessions.get("XNYS")
            shade = (calendars.shift_sessions(s0, view.window[0]), calendars.shift_sessions(s0, view.window[1]))
            shade_label = t("prices.window_label", lang, a=view.window[0], b=view.window[1], event=ev.title(lang))
        fig = charts.price_figure(
            frame.data, mode=view.mode, base=pd.Timestamp(view.base),
            names={s: registry[s].name(lang) for s in frame.symbols if s in registry},
            title=t("prices.chart_title", lang, n=len(frame.symbols), start=format_date(view.start, lang),
                    end=format_date(view.end, lang)),
            y_title=t(f"prices.mode.{view.mode}", lang), candles=view.candles, volume=view.volume,
            events=charts.events_overlay(marked, lang), marker_symbol="NVDA" if "NVDA" in frame.symbols else None,
            highlight=view.window_event or None, window=shade, window_label=shade_label, height=560,
        )
        return charts.localise_session_ticks(fig, lang)

    key = ("prices", lang, tuple(sorted((k, v) for k, v in view.to_params().items() if k != "map_date")),
           event_key(marked, lang), provenance_key(frame.provenance))
    fig = memo_figure(key, build)
    st.plotly_chart(fig, key="prices_chart")
    figure_downloads(fig, "prices", lang)


def show_returns(view: PricesView, frame: PriceFrame, lang: str) -> None:
    """The precise numbers behind the chart: daily returns, and both tables as CSV."""
    st.subheader(t("prices.returns", lang), help=t("prices.returns_help", lang))
    table = cached_returns_table(view.symbols, view.start.isoformat(), view.end.isoformat())
    _, arrow = memo_table(("returns", view.symbols, view.start, view.end, provenance_key(frame.provenance)), table.reset_index)
    st.dataframe(arrow, height=460, hide_index=True,
                 column_config={table.index.name: st.column_config.Column(t("prices.col_session", lang)),  # "date" in the CSV
                                **{c: st.column_config.NumberColumn(c, format="%.2f") for c in table.columns}})
    row = st.container(horizontal=True)  # one block for the two buttons (columns cost four)
    row.download_button(t("prices.download_returns", lang), lambda: table.to_csv().encode("utf-8"), "daily_returns.csv",
                       "text/csv", on_click="ignore")
    row.download_button(t("prices.download_prices", lang), lambda: frame.data.to_csv(index=False).encode("utf-8"),
                       "prices.csv", "text/csv", on_click="ignore")


def show_market_map(view: PricesView, lang: str) -> None:
    """Every snapshot symbol on one session, coloured by that day's move: its own control, none of the chart's."""
    labels = cached_session_labels(PRESETS["all"][0], PRESETS["all"][1], lang)  # session → its label, formatted once
    day = st.select_slider(t("prices.map_date", lang), list(labels), format_func=labels.get,
                           value=calendars.session_on_or_before(view.map_date).date())
    if day != view.map_date:
        write_params(map_date=day.isoformat())
    fig = memo_figure(("market_map", lang, day), lambda: charts.market_map_figure(
        cached_market_map(day.isoformat(), lang), title=t("prices.map_title", lang, day=format_date(day, lang, weekday=True))))
    st.plotly_chart(fig, key="market_map")
    figure_downloads(fig, "market_map", lang)
    st.caption(t("prices.map_nosession", lang))
