"""Cached inputs of the Event study page: every snapshot symbol's daily returns, and the dated events."""

from __future__ import annotations

import pandas as pd

from market_impact import prices
from market_impact.errors import MarketImpactError
from market_impact.tickers import load_registry
from market_impact.ui.loaders import shared


@shared(ttl=3600)
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


@shared(maxsize=32)
def cached_study(day, symbols: tuple[str, ...], benchmark: str, windows: tuple, estimation: tuple, model: str,
                 event_id: str | None, events_sig: tuple, _events: tuple):
    """One event study per distinct set of choices, shared by every session (results are never mutated).

    `events_sig` names the events (ids, dates) so the cache sees a change; `_events` are the objects themselves.
    """
    from market_impact.study import exchanges_from_registry, run_study

    returns, _ = cached_returns()
    registry = load_registry()
    return run_study(returns, day, symbols=list(symbols), benchmarks=None if benchmark == "auto" else benchmark,
                     exchanges=exchanges_from_registry(registry, list(symbols)), windows=list(windows), estimation=estimation,
                     model=model, events=list(_events), event_id=event_id)
