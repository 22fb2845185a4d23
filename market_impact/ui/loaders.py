"""Cached loaders. Each hands back one object shared by every session, never copied (a `st.cache_data` hit
unpickles its value on every rerun), so callers treat what they get as read-only — frames are derived from
(pandas copy-on-write), never changed in place."""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from market_impact import prices
from market_impact.tickers import Registry, load_registry


def shared(ttl: float | None = None, maxsize: int = 64) -> Callable:
    """A process-wide memo for loaders whose arguments are a few strings, numbers, dates or tuples of them.

    It does what `st.cache_resource` does for them without its cost on a hit (about 0.17 ms a call here: the
    signature is inspected and every argument hashed by Streamlit's own hasher on every call); Python hashes
    these arguments itself. Results older than `ttl` seconds are made again; `f.clear()` empties the memo.
    Errors are not remembered. Two sessions asking at once may both compute; the last result is kept.
    Keyword arguments named `_like_this` are passed on but not part of the key (as with Streamlit's caches).
    """

    def wrap(fn: Callable) -> Callable:
        store: OrderedDict = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def call(*args, **kwargs):
            key = (args, tuple(sorted((k, v) for k, v in kwargs.items() if not k.startswith("_")))) if kwargs else args
            now = time.monotonic()
            with lock:
                hit = store.get(key)
                if hit is not None and (ttl is None or now - hit[0] < ttl):
                    store.move_to_end(key)
                    return hit[1]
            value = fn(*args, **kwargs)
            with lock:
                store[key] = (now, value)
                while len(store) > maxsize:
                    store.popitem(last=False)
            return value

        def clear() -> None:
            with lock:
                store.clear()

        call.clear = clear  # type: ignore[attr-defined]
        return call

    return wrap


@shared(ttl=3600)
def cached_prices(symbols: tuple[str, ...], start: str | None, end: str | None) -> prices.PriceFrame:
    return prices.load_prices(symbols, start, end)


@shared()
def cached_registry() -> Registry:
    return load_registry()  # immutable frozen dataclasses: one shared copy is safe


@shared()
def symbol_labels(lang: str) -> dict[str, str]:
    """'NVDA · Nvidia' for every registry symbol, made once per language (symbol pickers format 120 options a run)."""
    return {s: f"{s} · {tk.name(lang)}" for s, tk in load_registry().items()}


@shared()
def cached_articles() -> dict:
    """The five seed articles' metadata (id → Article)."""
    from market_impact.articles import load_articles

    return load_articles()


@shared()
def cached_article_text(article_id: str) -> str:
    """One seed article's text, read once."""
    from market_impact.articles import article_text

    return article_text(article_id)


@shared()
def cached_text(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@shared(maxsize=4)
def _catalogue_or_problems(path: str, mtime: int) -> tuple[object | None, tuple[str, ...]]:
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


@shared()
def cached_market_map(day: str, lang: str) -> pd.DataFrame:
    from market_impact.moves import market_map_moves

    return market_map_moves(prices.snapshot_frame(), load_registry(), day, lang)


@shared(maxsize=96)
def _figure(key: tuple, *, _build) -> FrozenFigure:
    """A small LRU of built figures shared by all sessions: Plotly's object model makes building a figure the
    slowest part of a rerun (tens of ms), while the figure itself only depends on a few view values."""
    return FrozenFigure(_build())


@shared(maxsize=64)
def _table(key: tuple, *, _build) -> tuple[pd.DataFrame, object]:
    import pyarrow as pa

    df = _build()
    return df, pa.Table.from_pandas(df, preserve_index=False)


class FrozenFigure(go.Figure):
    """A built figure that is never changed again, so its plain dict is made once.

    `st.plotly_chart` calls `to_dict()` on every rerun: a deep copy of the whole figure with every array
    base64-encoded, the largest cost of a warm rerun. Here the first call's dict is kept and handed out again;
    callers must not change it (Streamlit, `plotly.io` and kaleido only read it).
    """

    _dict_once: dict | None = None

    def to_dict(self) -> dict:
        if self._dict_once is None:
            self._dict_once = _lists_for_objects(super().to_dict())
        return self._dict_once


def _lists_for_objects(obj):
    """Object, string and datetime64 arrays (labels, mixed customdata, dates) as plain lists, once, the way
    `plotly.io.to_json` would turn them into JSON on every call otherwise (numeric arrays are base64 by now)."""
    import numpy as np

    if isinstance(obj, dict):
        return {k: _lists_for_objects(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_lists_for_objects(v) for v in obj]
    if isinstance(obj, np.ndarray) and obj.dtype.kind in "OUS":
        return obj.tolist()
    if isinstance(obj, np.ndarray) and obj.dtype.kind == "M":
        return np.datetime_as_string(obj).tolist()  # what plotly.io does with datetime64 arrays
    return obj


def memo_figure(key: tuple, build) -> FrozenFigure:
    """The figure for `key`, built by `build()` once and shared (figures are never mutated after building).

    The key must name everything the figure shows: page, language, view values, event ids, data provenance.
    """
    return _figure(key, _build=build)


def memo_table(key: tuple, build) -> tuple[pd.DataFrame, object]:
    """A table made once per `key`: the frame (for CSV) and its Arrow copy (for `st.dataframe`, which would
    otherwise convert the pandas frame to Arrow on every rerun). The key names everything the table shows."""
    return _table(key, _build=build)


def provenance_key(prov: prices.Provenance) -> tuple:
    return (prov.source, prov.as_of, prov.fetched_at, tuple(sorted(prov.per_symbol.items())))


def event_key(events, lang: str) -> tuple:
    """What of the events a figure shows (ids, dates, titles), for `memo_figure` keys."""
    return tuple((e.id, e.date_text, e.title(lang), e.importance, e.category) for e in events)


@shared(ttl=3600)
def cached_headline(symbols: tuple[str, ...], start: str, end: str):
    from market_impact.fundamentals import shares_outstanding
    from market_impact.story import headline

    return headline(cached_prices(symbols, start, end).data, shares_outstanding("NVDA"))


@shared(ttl=3600)
def cached_returns_table(symbols: tuple[str, ...], start: str, end: str) -> pd.DataFrame:
    from market_impact.moves import returns_table

    return returns_table(cached_prices(symbols, start, end).data)


@shared()
def cached_snapshot_summary(lang: str) -> pd.DataFrame:
    """The Data page's per-symbol table (range, rows, basis), computed once per language."""
    return prices.snapshot_summary(prices.snapshot_frame(), load_registry(), lang)


@shared()
def cached_shares_table(lang: str) -> pd.DataFrame:
    """The sourced share counts (seeds/shares_outstanding.csv) as the Data page shows them, headed in `lang`."""
    from market_impact.fundamentals import load_shares_table
    from market_impact.i18n import t

    return load_shares_table().set_axis(t("data.shares_cols", lang).split("|"), axis=1)


@shared()
def cached_session_labels(start, end, lang: str) -> dict:
    """XNYS sessions between two dates → 'Mon 27 Jan 2025' labels (for sliders over hundreds of sessions)."""
    from market_impact.calendars import sessions_between
    from market_impact.i18n import format_date

    return {d.date(): format_date(d, lang, weekday=True) for d in sessions_between(start, end)}
