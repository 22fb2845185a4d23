"""Overview: the story on one screen — Nvidia and the Nasdaq against the DeepSeek-R1 dates."""

import pandas as pd
import streamlit as st

from market_impact import calendars, charts
from market_impact.errors import MarketImpactError
from market_impact.i18n import format_date, t
from market_impact.ui.loaders import cached_prices, cached_registry
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import provenance_badge

R1_RELEASE = "2025-01-20"
SYMBOLS = ("NVDA", "^IXIC")
START, END = "2024-12-01", "2025-02-28"

lang = current_lang()
base = calendars.previous_session(R1_RELEASE, "XNYS")  # 2025-01-17: R1 came out on a US holiday

st.title(t("overview.title", lang))
st.caption(t("app.tagline", lang))

try:
    frame = cached_prices(SYMBOLS, START, END)
except MarketImpactError as exc:
    st.error(str(exc))
    st.stop()

provenance_badge(frame.provenance, lang)
registry = cached_registry()
names = {s: registry[s].name(lang) if s in registry else s for s in frame.symbols}
fig = charts.price_figure(
    frame.data,
    mode="normalised",
    base=pd.Timestamp(base),
    names=names,
    title=t("overview.chart_title", lang, base=format_date(base, lang)),
    y_title=t("overview.y_normalised", lang),
)
st.plotly_chart(fig, key="overview_chart")
