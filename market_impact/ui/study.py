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


@st.cache_data(show_spinner=False)
def cached_day_events() -> list:
    """Catalogue events dated to a day, oldest first; an empty list when the catalogue cannot be read."""
    try:
        from market_impact.events import load_events

        return sorted((e for e in load_events() if e.granularity == "day"), key=lambda e: (e.date, e.importance))
    except (ImportError, MarketImpactError):
        return []
