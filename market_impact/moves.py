"""Day moves computed from the tape: the headline numbers (never typed in)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from market_impact.errors import EmptyRange
from market_impact.fundamentals import SharesOutstanding


@dataclass(frozen=True)
class DayMove:
    symbol: str
    session: pd.Timestamp
    prev_session: pd.Timestamp
    prev_close: float  # quoted close (or the file's close; see `basis`)
    close: float
    change: float  # close − prev_close, in price units
    pct: float  # close / prev_close − 1 (from quoted closes)
    pct_adjusted: float  # from adjusted closes where the file has them (total return)
    basis: str

    def market_value_change(self, shares: SharesOutstanding) -> float:
        return self.change * shares.shares

    def market_value(self, shares: SharesOutstanding) -> float:
        return self.close * shares.shares


def day_move(data: pd.DataFrame, symbol: str, session: str | pd.Timestamp) -> DayMove:
    """The move of `symbol` on `session` against its previous session in the data."""
    g = data[data["symbol"] == symbol].sort_values("date").reset_index(drop=True)
    day = pd.Timestamp(session)
    idx = g.index[g["date"] == day]
    if len(idx) == 0 or idx[0] == 0:
        raise EmptyRange(day.date(), day.date(), f"{symbol} has no session on {day.date()} with a previous close in the data.")
    i = int(idx[0])
    prev, cur = g.iloc[i - 1], g.iloc[i]
    adj_prev = prev["adj_close"] if pd.notna(prev["adj_close"]) else prev["close"]
    adj_cur = cur["adj_close"] if pd.notna(cur["adj_close"]) else cur["close"]
    return DayMove(
        symbol=symbol,
        session=day,
        prev_session=pd.Timestamp(prev["date"]),
        prev_close=float(prev["close"]),
        close=float(cur["close"]),
        change=float(cur["close"] - prev["close"]),
        pct=float(cur["close"] / prev["close"] - 1.0),
        pct_adjusted=float(adj_cur / adj_prev - 1.0),
        basis=str(cur.get("basis", "")),
    )


def returns_on(returns_wide: pd.DataFrame, day: str | pd.Timestamp) -> pd.Series:
    """Each symbol's daily return on `day` (NaN where its exchange had no session that day)."""
    d = pd.Timestamp(day)
    if d not in returns_wide.index:
        return pd.Series(float("nan"), index=returns_wide.columns)
    return returns_wide.loc[d]


def market_map_moves(data: pd.DataFrame, registry, day: str | pd.Timestamp, lang: str = "en") -> pd.DataFrame:
    """One row per symbol for the market map: name, group, the day's return (NaN where no session), close."""
    from market_impact.prices import daily_returns

    rets = returns_on(daily_returns(data), day)
    closes = data[data["date"] == pd.Timestamp(day)].set_index("symbol")["close"]
    rows = []
    for sym in rets.index:
        tk = registry.get(sym)
        rows.append(
            {
                "symbol": sym,
                "name": tk.name(lang) if tk else sym,
                "group": registry.group(tk.group).name(lang) if tk else "?",
                "ret": float(rets[sym]),
                "close": float(closes.get(sym, float("nan"))),
            }
        )
    return pd.DataFrame(rows)


def returns_table(data: pd.DataFrame) -> pd.DataFrame:
    """Daily returns in percent, one column per symbol, newest first (the Prices page table and its CSV)."""
    from market_impact.prices import daily_returns

    out = (daily_returns(data) * 100.0).round(4).sort_index(ascending=False)
    out.index = out.index.strftime("%Y-%m-%d")
    out.index.name = "date"
    return out
