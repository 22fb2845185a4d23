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


class _FigureStore:
    """A small LRU of built figures shared by all sessions: Plotly's object model makes building a figure
    the slowest part of a rerun (tens of ms), while the figure itself only depends on a few view values."""

    def __init__(self, size: int = 96):
        import threading
        from collections import OrderedDict

        self._items: OrderedDict = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get_or_build(self, key: tuple, build):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        fig = build()
        with self._lock:
            self._items[key] = fig
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return fig


@st.cache_resource(show_spinner=False)
def _figure_store() -> _FigureStore:
    return _FigureStore()


def memo_figure(key: tuple, build):
    """The figure for `key`, built by `build()` once and shared (figures are never mutated after building).

    The key must name everything the figure shows: page, language, view values, event ids, data provenance.
    """
    return _figure_store().get_or_build(key, build)


def provenance_key(prov: prices.Provenance) -> tuple:
    return (prov.source, prov.as_of, prov.fetched_at, tuple(sorted(prov.per_symbol.items())))


def event_key(events, lang: str) -> tuple:
    """What of the events a figure shows (ids, dates, titles), for `memo_figure` keys."""
    return tuple((e.id, e.date_text, e.title(lang), e.importance, e.category) for e in events)


@st.cache_data(ttl=3600, show_spinner=False)
def cached_headline(symbols: tuple[str, ...], start: str, end: str):
    from market_impact.fundamentals import shares_outstanding
    from market_impact.story import headline

    return headline(cached_prices(symbols, start, end).data, shares_outstanding("NVDA"))


@st.cache_data(ttl=3600, show_spinner=False)
def cached_returns_table(symbols: tuple[str, ...], start: str, end: str) -> pd.DataFrame:
    from market_impact.moves import returns_table

    return returns_table(cached_prices(symbols, start, end).data)


@st.cache_data(show_spinner=False)
def cached_snapshot_summary(lang: str) -> pd.DataFrame:
    """The Data page's per-symbol table (range, rows, basis), computed once per language."""
    return prices.snapshot_summary(prices.snapshot_frame(), load_registry(), lang)


@st.cache_data(show_spinner=False)
def cached_session_labels(start, end, lang: str) -> dict:
    """XNYS sessions between two dates → 'Mon 27 Jan 2025' labels (for sliders over hundreds of sessions)."""
    from market_impact.calendars import sessions_between
    from market_impact.i18n import format_date

    return {d.date(): format_date(d, lang, weekday=True) for d in sessions_between(start, end)}
