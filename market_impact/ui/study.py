"""Cached inputs of the Event study page: every snapshot symbol's daily returns, and the dated events."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from market_impact import prices
from market_impact.errors import MarketImpactError
from market_impact.tickers import load_registry


@st.cache_data(ttl=3600, show_spinner=False)
def cached_returns() -> tuple[pd.DataFrame, prices.Provenance]:
    """Wide simple daily returns of every registry symbol (one column each) and where the prices came from."""
    frame = prices.load_prices(list(load_registry().keys()))
    return prices.daily_returns(frame.data), frame.provenance


def day_events() -> list:
    """Events dated to a day (the catalogue's and the user's own), oldest first; empty when the catalogue
    cannot be read (the study still runs on any date)."""
    from market_impact.ui.session import all_events

    try:
        return sorted((e for e in all_events() if e.granularity == "day"), key=lambda e: (e.date, e.importance))
    except MarketImpactError:
        return []
