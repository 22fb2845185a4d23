"""Cached loaders: one call per page, `st.cache_data` so each session gets its own copy."""

from __future__ import annotations

from pathlib import Path

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
def _catalogue_or_problems(path: str, _mtime: int) -> tuple[object | None, tuple[str, ...]]:
    from market_impact.errors import BadCatalogue
    from market_impact.events import load_catalogue

    try:
        return load_catalogue(Path(path)), ()
    except BadCatalogue as exc:
        return None, tuple(exc.problems)


def cached_catalogue_or_none():
    """The validated catalogue (frozen models: one shared copy is safe), or None after a visible warning that
    lists every bad row — a broken events.yaml costs the events, never the page or its prices."""
    from market_impact.i18n import t
    from market_impact.paths import events_file
    from market_impact.ui.state import current_lang

    path = events_file()
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    catalogue, problems = _catalogue_or_problems(str(path), mtime)
    if problems:
        lang = current_lang()
        st.warning(t("app.bad_catalogue", lang, file=path.name, n=len(problems)) + "\n\n" + "\n".join(f"- {p}" for p in problems[:12]),
                   icon=":material/warning:")
    return catalogue


def cached_events() -> tuple:
    """The catalogue's events (empty, with a warning, when events.yaml is broken)."""
    catalogue = cached_catalogue_or_none()
    return tuple(catalogue.events) if catalogue is not None else ()


@st.cache_data(show_spinner=False)
def cached_market_map(day: str, lang: str) -> pd.DataFrame:
    from market_impact.moves import market_map_moves

    return market_map_moves(prices.snapshot_frame(), load_registry(), day, lang)
