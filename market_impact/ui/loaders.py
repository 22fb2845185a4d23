"""Cached loaders: one call per page, `st.cache_data` so each session gets its own copy."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from market_impact import prices
from market_impact.tickers import Registry, load_registry


@st.cache_data(ttl=3600, show_spinner=False)
def cached_prices(symbols: tuple[str, ...], start: str | None, end: str | None) -> prices.PriceFrame:
    return prices.load_prices(symbols, start, end)


@st.cache_data(show_spinner=False)
def cached_snapshot() -> pd.DataFrame:
    return prices.snapshot_frame()


@st.cache_resource(show_spinner=False)
def cached_registry() -> Registry:
    return load_registry()  # immutable frozen dataclasses: one shared copy is safe


@st.cache_data(show_spinner=False)
def cached_text(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@st.cache_resource(show_spinner=False)
def cached_events() -> tuple:
    """The validated event catalogue (frozen models: one shared copy is safe)."""
    from market_impact.events import load_events

    return tuple(load_events())


@st.cache_data(show_spinner=False)
def cached_market_map(day: str, lang: str) -> pd.DataFrame:
    from market_impact.moves import market_map_moves

    return market_map_moves(prices.snapshot_frame(), load_registry(), day, lang)
