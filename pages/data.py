"""Data & sources: what the app knows, where it came from, and what the current view shows."""

import streamlit as st

from market_impact import paths
from market_impact.i18n import t
from market_impact.prices import reset_state
from market_impact.ui.loaders import cached_prices, cached_shares_table, cached_snapshot_summary, cached_text, memo_table
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import provenance_badge

lang = current_lang()
st.title(t("data.title", lang))

st.subheader(t("data.current_view", lang))
frame = cached_prices(("NVDA", "^IXIC"), "2024-12-01", "2025-02-28")
provenance_badge(frame.provenance, lang)
if st.button(t("data.retry_live", lang)):
    reset_state()
    cached_prices.clear()
    st.rerun()

st.subheader(t("data.symbols_table", lang))
table, arrow = memo_table(("snapshot_summary", lang), lambda: cached_snapshot_summary(lang))
st.dataframe(arrow, hide_index=True, height=420)
st.download_button(t("data.download", lang), lambda: table.to_csv(index=False).encode("utf-8"), "snapshot_symbols.csv", "text/csv",
                   on_click="ignore")

st.subheader(t("data.shares", lang))
shares, shares_arrow = memo_table(("shares", lang), lambda: cached_shares_table(lang))
st.dataframe(shares_arrow, hide_index=True, column_config={shares.columns[1]: st.column_config.NumberColumn(format="localized")})
sources = st.expander(t("data.provenance", lang), key="data_sources_box", on_change="rerun")  # the long file only when open
if sources.open:
    sources.markdown(cached_text(str(paths.SOURCES_FILE)))
