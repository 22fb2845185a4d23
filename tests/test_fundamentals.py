"""Shares outstanding: live from Yahoo Finance when a network answers, else the sourced filing (named either way)."""

import socket
from datetime import date

import pandas as pd
import pytest

from market_impact import fundamentals, prices


def test_sourced_filing_is_nvidias_10q():
    so = fundamentals.sourced_shares("NVDA")
    assert so.shares == 24_500_000_000 and so.as_of == date(2024, 11, 15) and "10-Q" in so.source


def test_offline_falls_back_to_the_filing(monkeypatch):
    def refuse(*a, **k):
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    so = fundamentals.shares_outstanding("NVDA", date(2025, 1, 27), mode="auto")
    assert "10-Q" in so.source


def test_live_count_on_or_before_the_claim_day_is_used_and_named(monkeypatch):
    monkeypatch.setattr(prices, "network_answers", lambda timeout=1.0: True)

    def synthetic_share_counts(symbol, start, end, timeout):  # a small series of our own, not real counts
        return pd.Series([1_000, 2_000, 3_000], index=pd.to_datetime(["2024-12-01", "2025-01-20", "2025-02-10"]).tz_localize("UTC"))

    so = fundamentals.shares_outstanding("NVDA", date(2025, 1, 27), mode="auto", fetcher=synthetic_share_counts)
    assert so.shares == 2_000 and so.as_of == date(2025, 1, 20)
    assert "Yahoo Finance" in so.source and "live" in so.source


def test_snapshot_mode_never_asks_live():
    def boom(*a):
        raise AssertionError("live lookup in snapshot mode")

    assert "10-Q" in fundamentals.shares_outstanding("NVDA", mode="snapshot", fetcher=boom).source


def test_unknown_symbol_has_no_sourced_count():
    from market_impact.errors import NoPriceData

    with pytest.raises(NoPriceData, match="no sourced shares-outstanding figure|No sourced shares-outstanding"):
        fundamentals.shares_outstanding("AMD", mode="snapshot")


def test_a_failed_live_lookup_backs_off(monkeypatch):
    monkeypatch.setattr(prices, "network_answers", lambda timeout=1.0: True)
    calls = []

    def stalled(*a):
        calls.append(1)
        raise TimeoutError("stalled")

    for _ in range(3):
        assert "10-Q" in fundamentals.shares_outstanding("NVDA", date(2025, 1, 27), mode="auto", fetcher=stalled).source
    assert len(calls) == 1
