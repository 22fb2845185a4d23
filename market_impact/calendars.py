"""Trading sessions on XNYS, XTKS and XHKG, via exchange_calendars — never by hand."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import exchange_calendars as xcals
import pandas as pd

EXCHANGES = ("XNYS", "XTKS", "XHKG")
_START = "2018-01-01"


@lru_cache(maxsize=8)
def get_calendar(exchange: str) -> xcals.ExchangeCalendar:
    if exchange not in EXCHANGES:
        raise ValueError(f"Unknown exchange {exchange!r}; use one of {', '.join(EXCHANGES)}")
    return xcals.get_calendar(exchange, start=_START)


def _ts(day: date | str | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day).tz_localize(None).normalize()


def session_on_or_after(day: date | str | pd.Timestamp, exchange: str = "XNYS") -> pd.Timestamp:
    """The session on `day` when it is one, else the next session (R1 2025-01-20 → XNYS 2025-01-21)."""
    return get_calendar(exchange).date_to_session(_ts(day), direction="next")


def session_on_or_before(day: date | str | pd.Timestamp, exchange: str = "XNYS") -> pd.Timestamp:
    """The session on `day` when it is one, else the previous session."""
    return get_calendar(exchange).date_to_session(_ts(day), direction="previous")


def is_session(day: date | str | pd.Timestamp, exchange: str = "XNYS") -> bool:
    return bool(get_calendar(exchange).is_session(_ts(day)))


def sessions_between(start: date | str, end: date | str, exchange: str = "XNYS") -> pd.DatetimeIndex:
    """All sessions from `start` to `end` inclusive (empty when the range holds none)."""
    s, e = _ts(start), _ts(end)
    if e < s:
        return pd.DatetimeIndex([])
    return pd.DatetimeIndex(get_calendar(exchange).sessions_in_range(s, e)).as_unit("ns")


def previous_session(day: date | str | pd.Timestamp, exchange: str = "XNYS") -> pd.Timestamp:
    """The last session strictly before `day` (2025-01-20 → 2025-01-17 on XNYS)."""
    return get_calendar(exchange).date_to_session(_ts(day) - pd.Timedelta(days=1), direction="previous")


def shift_sessions(day: date | str | pd.Timestamp, n: int, exchange: str = "XNYS") -> pd.Timestamp:
    """The session `n` sessions after (n>0) or before (n<0) the session on or after `day`."""
    cal = get_calendar(exchange)
    return cal.session_offset(cal.date_to_session(_ts(day), direction="next"), n)
