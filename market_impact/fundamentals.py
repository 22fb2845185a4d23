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


@lru_cache(maxsize=2)
def load_shares_table(path: Path = SHARES_FILE) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"symbol": "string", "source": "string", "precision": "string"})


def shares_outstanding(symbol: str, path: Path = SHARES_FILE) -> SharesOutstanding:
    """The sourced shares-outstanding figure for `symbol` (company filing, with its date)."""
    df = load_shares_table(path)
    rows = df[df["symbol"] == symbol]
    if rows.empty:
        raise NoPriceData(f"No sourced shares-outstanding figure for {symbol}; market value cannot be computed offline.")
    r = rows.iloc[0]
    return SharesOutstanding(symbol, int(r["shares_outstanding"]), pd.Timestamp(r["as_of"]).date(), str(r["precision"]), str(r["source"]))
