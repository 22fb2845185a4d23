"""The fallback chain (memory → disk cache → live → snapshot) and its faults, without any real network."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading

import pandas as pd
import pytest

from market_impact import prices
from market_impact.errors import EmptyRange, UnknownSymbol
from tests.conftest import ROOT


def synthetic_live_frame(symbols, start, end, timeout):
    """A small frame of our own standing in for a live answer (not market data: the value 1.0 is obviously fake)."""
    days = pd.bdate_range(start, end)
    rows = [
        {"date": d, "symbol": s, "open": 1.0, "high": 1.0, "low": 1.0, "close": 1.0, "adj_close": 1.0, "volume": 1.0}
        for s in symbols for d in days
    ]
    return pd.DataFrame(rows)


class CountingFetcher:
    def __init__(self, fn=synthetic_live_frame):
        self.calls = 0
        self.fn = fn

    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)


@pytest.fixture
def network_up(monkeypatch):
    monkeypatch.setattr(prices, "network_answers", lambda timeout=1.0: True)


@pytest.fixture
def network_blocked(monkeypatch):
    def refuse(*a, **k):
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket, "create_connection", refuse)


def test_snapshot_mode_never_touches_the_network(network_blocked):
    fetch = CountingFetcher()
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="snapshot", fetcher=fetch)
    assert fetch.calls == 0
    assert pf.provenance.source == "snapshot"
    assert pf.for_symbol("NVDA").set_index("date").close[pd.Timestamp("2025-01-27")] == pytest.approx(118.42)


def test_blocked_network_falls_back_to_snapshot_without_calling_yfinance(network_blocked):
    fetch = CountingFetcher()
    pf = prices.load_prices(["NVDA", "^IXIC"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    assert fetch.calls == 0  # the probe failed first: no yfinance call, no wait
    assert pf.provenance.source == "snapshot"
    assert "offline" in pf.provenance.note
    assert set(pf.provenance.per_symbol.values()) == {"snapshot"}


def test_live_answer_is_used_and_labelled_live(network_up):
    fetch = CountingFetcher()
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    assert fetch.calls == 1
    assert pf.provenance.source == "live" and pf.provenance.fetched_at is not None
    assert (pf.data.close == 1.0).all()


def test_in_process_cache_answers_second_call(network_up):
    fetch = CountingFetcher()
    a = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    b = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    assert fetch.calls == 1 and a is b


def test_disk_cache_answers_before_live(network_up):
    fetch = CountingFetcher()
    prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    prices.reset_state()  # a new process: memory gone, disk cache kept
    pf = prices.load_prices(["NVDA"], "2025-01-22", "2025-01-27", mode="auto", fetcher=fetch)
    assert fetch.calls == 1
    assert pf.provenance.source == "cache"
    assert pf.data.date.min() == pd.Timestamp("2025-01-22")


def test_corrupt_cache_file_is_discarded_and_rebuilt(network_up):
    path = prices._cache_path("NVDA")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not parquet")
    fetch = CountingFetcher()
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    assert pf.provenance.source == "live" and fetch.calls == 1
    rebuilt = pd.read_parquet(path)  # rewritten as a readable cache file
    assert len(rebuilt) == len(pf.data)


def test_corrupt_cache_offline_is_removed_and_snapshot_served(network_blocked):
    path = prices._cache_path("NVDA")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage")
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto")
    assert pf.provenance.source == "snapshot"
    assert not path.exists()


def test_failed_live_backs_off_instead_of_retrying_every_call(network_up):
    def boom(*a):
        raise RuntimeError("server error")

    fetch = CountingFetcher(boom)
    first = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    second = prices.load_prices(["^IXIC"], "2025-01-21", "2025-01-28", mode="auto", fetcher=fetch)
    assert fetch.calls == 1
    assert first.provenance.source == second.provenance.source == "snapshot"
    assert "server error" in first.provenance.note
    assert "not retried" in second.provenance.note


def test_rate_limit_is_reported_and_snapshot_served(network_up):
    from yfinance.exceptions import YFRateLimitError

    def limited(*a):
        raise YFRateLimitError()

    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=CountingFetcher(limited))
    assert pf.provenance.source == "snapshot"
    assert "rate-limit" in pf.provenance.note


def test_empty_live_answer_falls_back(network_up):
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=CountingFetcher(lambda *a: pd.DataFrame()))
    assert pf.provenance.source == "snapshot" and "no rows" in pf.provenance.note


@pytest.fixture
def stalled_proxy(monkeypatch):
    """A loopback server that accepts connections and never answers, set as the HTTPS proxy."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
                held.append(conn)  # hold it open, say nothing
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    monkeypatch.setenv(prices.PROXY_ENV, f"http://127.0.0.1:{srv.getsockname()[1]}")
    yield held
    stop.set()
    for c in held:
        c.close()
    srv.close()


def test_stalled_network_returns_snapshot_at_our_deadline(stalled_proxy):
    """Real yfinance through a proxy that never answers: our own deadline, not yfinance's, ends the wait."""
    pf = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", deadline=1.5)
    assert pf.provenance.source == "snapshot"
    assert "no answer from Yahoo Finance within 1.5 s" in pf.provenance.note
    assert len(stalled_proxy) >= 1  # yfinance really was connected and waiting when we gave up


def test_unknown_symbol_is_a_typed_error_with_a_clear_message():
    with pytest.raises(UnknownSymbol, match="Unknown symbol 'NOPE'"):
        prices.load_prices(["NOPE"], "2025-01-21", "2025-01-28", mode="snapshot")


def test_reversed_range_is_a_typed_error():
    with pytest.raises(EmptyRange, match="start date is after the end date"):
        prices.load_prices(["NVDA"], "2025-02-01", "2025-01-01", mode="snapshot")


def test_range_without_rows_is_a_typed_error():
    with pytest.raises(EmptyRange):
        prices.load_prices(["NVDA"], "2023-01-01", "2023-02-01", mode="snapshot")


def test_symbol_without_rows_in_range_is_listed_as_missing():
    pf = prices.load_prices(["NVDA", "SNDK"], "2025-01-21", "2025-01-28", mode="snapshot")
    assert pf.provenance.missing == ("SNDK",)


def test_daily_returns_use_adjusted_close_where_present_and_own_calendar():
    pf = prices.load_prices(["NVDA", "^IXIC", "^HSI"], "2025-01-20", "2025-02-05", mode="snapshot")
    r = prices.daily_returns(pf.data)
    assert r.loc["2025-01-27", "NVDA"] == pytest.approx(118.3812 / 142.5733 - 1, abs=1e-6)
    assert r.loc["2025-01-27", "^IXIC"] == pytest.approx(19341.83 / 19954.30 - 1, abs=1e-6)
    # HK reopened 2025-02-03 after Lunar New Year: its return is against 2025-01-28, not NaN
    assert pd.notna(r.loc["2025-02-03", "^HSI"])


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "market_impact", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_cli_prices_json_has_source_and_rows():
    out = run_cli("prices", "NVDA", "^IXIC", "--start", "2025-01-24", "--end", "2025-01-27", "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["source"] == "snapshot"
    nvda = {r["date"]: r for r in doc["rows"] if r["symbol"] == "NVDA"}
    assert nvda["2025-01-27"]["close"] == 118.42
    assert set(nvda["2025-01-27"]) >= {"date", "open", "high", "low", "close", "adj_close", "volume"}


def test_cli_unknown_symbol_one_line_nonzero():
    out = run_cli("prices", "NOPE", "--start", "2025-01-24", "--end", "2025-01-27")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Unknown symbol 'NOPE'" in out.stderr


def test_cli_refresh_fails_clearly_offline(monkeypatch):
    out = run_cli("refresh")
    assert out.returncode != 0
    assert "no network" in out.stderr and "Traceback" not in out.stderr


def test_pre_listing_rows_give_no_returns():
    """FER's US listing began 2024-05-09: earlier rows are illiquid quotes (SOURCES.md) and never become returns."""
    r = prices.daily_returns(prices.load_prices(["FER"], "2024-05-01", "2024-05-15", mode="snapshot").data)
    assert r.loc[:"2024-05-09", "FER"].isna().all()
    assert r.loc["2024-05-10":, "FER"].notna().all()
