"""Prices (for analysts): any symbols, dates, scales, events, window shading; the chart, the returns table or the
market map (one at a time, `?view=` in the URL)."""

import streamlit as st

from market_impact.errors import MarketImpactError
from market_impact.i18n import bad_param, t
from market_impact.ui import prices as ui
from market_impact.ui.loaders import cached_prices, cached_registry
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import provenance_badge, section_picker
from market_impact.views import PricesView

lang = current_lang()
registry = cached_registry()
events = all_events()  # the catalogue + the user's own (Your article page)

# ---- 1. state: the URL (bad values → a note and the default), then the part to show and its controls ----
view = PricesView.from_params(st.query_params.to_dict(), known_symbols=set(registry.keys()), known_events={e.id for e in events})
for p in view.problems:
    st.info(bad_param(p.name, p.value, p.reason, lang), icon="ℹ️")
st.title(t("prices.title", lang))
part = section_picker("prices", ui.PARTS, lang)
if part == "map":
    ui.show_market_map(view, lang)
    st.stop()
view = ui.controls(view, registry, events, lang, chart=part == "chart")
if view is None:
    st.warning(t("prices.no_symbols", lang))
    st.stop()

# ---- 2. data ----
try:
    frame = cached_prices(view.symbols, view.start.isoformat(), view.end.isoformat())
except MarketImpactError as exc:
    st.error(str(exc))
    st.stop()
provenance_badge(frame.provenance, lang)

# ---- 3. render: the chart, or the numbers behind it ----
if part == "chart":
    ui.show_chart(view, frame, events, registry, lang)
else:
    ui.show_returns(view, frame, lang)
