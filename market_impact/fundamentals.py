"""Sourced fundamentals (shares outstanding) for market-value figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from market_impact.errors import NoPriceData
from market_impact.paths import SHARES_FILE


@dataclass(frozen=True)
class SharesOutstanding:
    symbol: str
    shares: int
    as_of: date
    precision: str
    source: str

    def market_value(self, price: float) -> float:
        return float(price) * self.shares


LIVE_SOURCE = "Yahoo Finance share count (live), last report on or before {day}"


@lru_cache(maxsize=2)
def load_shares_table(path: Path = SHARES_FILE) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"symbol": "string", "source": "string", "precision": "string"})


def sourced_shares(symbol: str, path: Path = SHARES_FILE) -> SharesOutstanding:
    """The sourced shares-outstanding figure for `symbol` shipped in seeds/ (company filing, with its date)."""
    df = load_shares_table(path)
    rows = df[df["symbol"] == symbol]
    if rows.empty:
        raise NoPriceData(f"No sourced shares-outstanding figure for {symbol}; market value cannot be computed offline.")
    r = rows.iloc[0]
    return SharesOutstanding(symbol, int(r["shares_outstanding"]), pd.Timestamp(r["as_of"]).date(), str(r["precision"]), str(r["source"]))


def _yfinance_shares(symbol: str, start: date, end: date, timeout: float) -> pd.Series:
    import yfinance as yf

    return yf.Ticker(symbol).get_shares_full(start=start.isoformat(), end=(end + pd.Timedelta(days=1)).date().isoformat())


def live_shares(symbol: str, on: date | None = None, *, deadline: float = 3.0, fetcher=None) -> SharesOutstanding:
    """The share count Yahoo Finance reports on or before `on` (default today), within our own deadline.

    Raises prices.LiveUnavailable when no network answers, nothing comes back, or the deadline passes.
    """
    from market_impact.prices import LiveUnavailable, fetch_live

    day = pd.Timestamp(on or date.today()).normalize()

    def fetch(symbols, start, end, timeout):
        series = (fetcher or _yfinance_shares)(symbols[0], start.date(), end.date(), timeout)
        if series is None or len(series) == 0:
            return pd.DataFrame()
        idx = pd.to_datetime(series.index)
        idx = idx.tz_localize(None) if getattr(idx, "tz", None) is not None else idx
        frame = pd.DataFrame({"date": idx.normalize(), "symbol": symbols[0], "close": pd.to_numeric(series.values, errors="coerce")})
        return frame.dropna()

    rows = fetch_live([symbol], day - pd.Timedelta(days=180), day, deadline=deadline, fetcher=fetch)
    rows = rows[rows["date"] <= day].sort_values("date")
    if rows.empty:
        raise LiveUnavailable(f"Yahoo Finance has no share count for {symbol} before {day.date()}")
    last = rows.iloc[-1]
    return SharesOutstanding(symbol, int(last["close"]), last["date"].date(), "as reported by Yahoo Finance",
                             LIVE_SOURCE.format(day=day.date()))


def shares_outstanding(symbol: str, on: date | None = None, *, mode: str | None = None, fetcher=None) -> SharesOutstanding:
    """Shares outstanding for market values: live from Yahoo Finance when a network answers (the count reported
    on or before `on`), else the sourced filing shipped with the app. The result names its source either way."""
    from market_impact.prices import LiveUnavailable, default_mode, live_backed_off, note_live_failure

    if (mode or default_mode()) == "auto" and not live_backed_off():
        try:
            return live_shares(symbol, on, fetcher=fetcher)
        except LiveUnavailable:
            note_live_failure()  # a stalled network costs one deadline, not one per claim
    return sourced_shares(symbol)
