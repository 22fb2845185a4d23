"""Prices (for analysts): any symbols, dates, scales, events, window shading; the chart, the returns table or the
market map (one at a time, `?view=` in the URL)."""

import pandas as pd
import streamlit as st

from market_impact import calendars, charts
from market_impact.errors import MarketImpactError
from market_impact.i18n import bad_param, format_date, t
from market_impact.ui.loaders import (
    cached_market_map,
    cached_prices,
    cached_registry,
    cached_returns_table,
    cached_session_labels,
    event_key,
    memo_figure,
    provenance_key,
)
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang, write_params
from market_impact.ui.widgets import figure_downloads, provenance_badge, section_picker
from market_impact.views import CATEGORY_SLUGS, MODES, PRESETS, PricesView

lang = current_lang()
registry = cached_registry()
events = all_events()  # the catalogue + the user's own (Your article page)
view = PricesView.from_params(st.query_params.to_dict(), known_symbols=set(registry.keys()), known_events={e.id for e in events})
for p in view.problems:
    st.info(bad_param(p.name, p.value, p.reason, lang), icon="ℹ️")

st.title(t("prices.title", lang))
part = section_picker("prices", ("chart", "returns", "map"), lang)

if part == "map":  # every snapshot symbol on one session: its own control, none of the chart's
    labels = cached_session_labels(PRESETS["all"][0], PRESETS["all"][1], lang)  # session → its label, formatted once
    map_day = st.select_slider(t("prices.map_date", lang), list(labels), value=calendars.session_on_or_before(view.map_date).date(),
                               format_func=labels.get)
    if map_day != view.map_date:
        write_params(map_date=map_day.isoformat())
    map_fig = memo_figure(("market_map", lang, map_day), lambda: charts.market_map_figure(
        cached_market_map(map_day.isoformat(), lang), title=t("prices.map_title", lang, day=format_date(map_day, lang, weekday=True))))
    st.plotly_chart(map_fig, key="market_map")
    figure_downloads(map_fig, "market_map", lang)
    st.caption(t("prices.map_nosession", lang))
    st.stop()

# ---- controls (defaults from the URL) ----
label = {s: f"{s} · {tk.name(lang)}" for s, tk in registry.items()}
left, right = st.columns([3, 2])
group = left.selectbox(t("prices.add_group", lang), [""] + [g.id for g in registry.groups],
                       format_func=lambda g: registry.group(g).name(lang) if g else t("prices.add_group_none", lang))
default_syms = list(view.symbols) + [tk.symbol for tk in registry.in_group(group) if tk.symbol not in view.symbols] if group else list(view.symbols)
symbols = left.multiselect(t("prices.symbols", lang), list(registry.keys()), default=default_syms, format_func=label.get, max_selections=12)
preset = right.segmented_control(t("prices.preset", lang), list(PRESETS), default=view.preset, format_func=lambda p: t(f"prices.preset.{p}", lang)) or view.preset
start, end = view.start, view.end
if preset == "custom":
    rng = right.date_input(t("prices.custom_range", lang), (view.start, view.end), min_value=PRESETS["all"][0], max_value=PRESETS["all"][1])
    if isinstance(rng, tuple) and len(rng) == 2:
        start, end = rng
else:
    start, end = PRESETS[preset]
c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
mode = c1.radio(t("prices.mode", lang), MODES, index=MODES.index(view.mode), horizontal=True, format_func=lambda m: t(f"prices.mode.{m}", lang))
base = c2.date_input(t("prices.base", lang), view.base, min_value=start, max_value=end) if mode in ("normalised", "pct") and start <= view.base <= end else start
candles = c3.toggle(t("prices.candles", lang), view.candles, help=t("prices.candles_help", lang))
volume = c4.toggle(t("prices.volume", lang), view.volume)
importance, cats, window_event, window = view.importance, list(view.categories), view.window_event, view.window
events_box = st.expander(t("prices.importance", lang), key="pr_events_box", on_change="rerun")  # its widgets run only when open
if events_box.open:
    with events_box:
        importance = st.select_slider(t("prices.importance", lang), [1, 2, 3], value=view.importance,
                                      format_func=lambda i: t(f"prices.importance.{i}", lang))
        cats = st.multiselect(t("prices.categories", lang), list(CATEGORY_SLUGS), default=list(view.categories),
                              format_func=lambda c: t(f"cat.{CATEGORY_SLUGS[c]}", lang))
        day_events = {e.id: f"{format_date(e.date, lang)} · {e.title(lang)}" for e in events if e.granularity == "day"}
        choices = ["", *day_events]
        window_event = st.selectbox(t("prices.window_event", lang), choices, index=choices.index(view.window_event),
                                    format_func=lambda i: day_events.get(i, "—"))
        window = st.slider(t("prices.window", lang), -20, 20, view.window) if window_event else view.window

view_now = PricesView(symbols=tuple(symbols) or view.symbols, preset=preset, start=start, end=end, mode=mode, base=base, candles=candles,
                      volume=volume, importance=importance, categories=tuple(cats), window_event=window_event, window=tuple(window), map_date=view.map_date)
write_params(**view_now.to_params())

if not symbols:
    st.warning(t("prices.no_symbols", lang))
    st.stop()

# ---- data + chart ----
try:
    frame = cached_prices(tuple(symbols), start.isoformat(), end.isoformat())
except MarketImpactError as exc:
    st.error(str(exc))
    st.stop()
provenance_badge(frame.provenance, lang)

wanted = {CATEGORY_SLUGS[c] for c in cats}
marked = [e for e in events if (e.importance <= importance or e.is_user) and e.category in wanted]  # the user's own always show


def build():
    shade, shade_label = None, ""
    if window_event:
        ev = next(e for e in events if e.id == window_event)
        s0 = ev.sessions.get("XNYS")
        shade = (calendars.shift_sessions(s0, window[0]), calendars.shift_sessions(s0, window[1]))
        shade_label = t("prices.window_label", lang, a=window[0], b=window[1], event=ev.title(lang))
    fig = charts.price_figure(
        frame.data, mode=mode, base=pd.Timestamp(base), names={s: registry[s].name(lang) for s in frame.symbols if s in registry},
        title=t("prices.chart_title", lang, n=len(frame.symbols), start=format_date(start, lang), end=format_date(end, lang)),
        y_title=t(f"prices.mode.{mode}", lang), candles=candles, volume=volume, events=charts.events_overlay(marked, lang),
        marker_symbol="NVDA" if "NVDA" in frame.symbols else None, highlight=window_event or None, window=shade, window_label=shade_label,
        height=560,
    )
    return charts.localise_session_ticks(fig, lang)


if part == "chart":
    key = ("prices", lang, tuple(symbols), tuple(sorted((k, v) for k, v in view_now.to_params().items() if k != "map_date")),
           event_key(marked, lang), provenance_key(frame.provenance))
    fig = memo_figure(key, build)
    st.plotly_chart(fig, key="prices_chart")
    figure_downloads(fig, "prices", lang)
else:  # returns: the precise numbers behind the chart
    st.subheader(t("prices.returns", lang), help=t("prices.returns_help", lang))
    table = cached_returns_table(tuple(symbols), start.isoformat(), end.isoformat())
    st.dataframe(table, height=460, column_config={c: st.column_config.NumberColumn(c, format="%.2f") for c in table.columns})
    d1, d2 = st.columns(2)
    d1.download_button(t("prices.download_returns", lang), lambda: table.to_csv().encode("utf-8"), "daily_returns.csv", "text/csv",
                       on_click="ignore")
    d2.download_button(t("prices.download_prices", lang), lambda: frame.data.to_csv(index=False).encode("utf-8"), "prices.csv",
                       "text/csv", on_click="ignore")
