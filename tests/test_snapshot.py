"""Golden checks on the real embedded snapshot: facts that must never drift."""

import pandas as pd
import pytest

from market_impact import calendars
from market_impact.paths import SNAPSHOT_FILE, SOURCES_FILE
from market_impact.prices import snapshot_frame
from market_impact.tickers import load_registry


@pytest.fixture(scope="module")
def snap() -> pd.DataFrame:
    return snapshot_frame()


def close(snap, sym, day):
    row = snap[(snap.symbol == sym) & (snap.date == pd.Timestamp(day))]
    assert len(row) == 1, f"{sym} {day}: {len(row)} rows"
    return float(row.close.iloc[0])


def test_snapshot_and_provenance_ship_with_the_project():
    assert SNAPSHOT_FILE.exists() and SOURCES_FILE.exists()
    assert "growwanalysis/nasdaq100" in SOURCES_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("sym", "day", "expected"),
    [("NVDA", "2025-01-24", 142.62), ("NVDA", "2025-01-27", 118.42), ("NVDA", "2025-01-28", 128.99),
     ("^IXIC", "2025-01-27", 19341.83), ("^IXIC", "2025-01-24", 19954.30), ("^GSPC", "2025-01-27", 6012.28)],
)
def test_known_closes(snap, sym, day, expected):
    assert close(snap, sym, day) == pytest.approx(expected, abs=0.005)


def test_no_duplicate_dates(snap):
    assert not snap.duplicated(["symbol", "date"]).any()


def test_every_symbol_matches_its_exchange_calendar(snap):
    reg = load_registry()
    problems = []
    for sym, g in snap.groupby("symbol"):
        sessions = set(calendars.sessions_between(g.date.min(), g.date.max(), reg[sym].exchange))
        dates = set(g.date)
        if sessions != dates:
            problems.append(f"{sym}: missing {sorted(sessions - dates)[:3]}, extra {sorted(dates - sessions)[:3]}")
    assert problems == []


def test_every_snapshot_symbol_is_registered_and_vice_versa(snap):
    reg = load_registry()
    assert set(snap.symbol.unique()) == set(reg.keys())
    assert len(reg) == 123


def test_price_basis_recorded_per_symbol(snap):
    reg = load_registry()
    basis = {sym: set(g) for sym, g in snap.groupby("symbol")["basis"]}
    for sym, b in basis.items():
        assert b == {reg[sym].basis}, sym
    # adj_close exists exactly where the basis says the file has both closes
    has_adj = snap.groupby("symbol")["adj_close"].agg(lambda s: s.notna().any())
    for sym, t in reg.items():
        if t.basis == "raw_and_adjusted":
            assert has_adj[sym], sym
        elif t.basis in ("adjusted", "raw"):
            assert not has_adj[sym], sym


def test_quoted_close_is_known_only_where_the_basis_allows():
    reg = load_registry()
    assert reg["NVDA"].has_quoted_close and reg["SMH"].has_quoted_close
    assert not reg["ORCL"].has_quoted_close  # auto-adjusted source: no newspaper close


def test_close_only_files_have_no_ohlv(snap):
    for sym in ("BABA", "BIDU", "INSM"):
        g = snap[snap.symbol == sym]
        assert g[["open", "high", "low", "volume"]].isna().all().all()
        assert g.close.notna().all()


def test_no_invented_values_prices_positive_and_ohlc_consistent(snap):
    full = snap.dropna(subset=["open", "high", "low", "close"])
    assert (full[["open", "high", "low", "close"]] > 0).all().all()
    assert (full.low <= full[["open", "close"]].min(axis=1) + 1e-9).all()
    assert (full.high >= full[["open", "close"]].max(axis=1) - 1e-9).all()


def test_snapshot_values_equal_the_reference_csvs(snap):
    """The snapshot keeps the raw values: rebuilt from the shared CSVs it is identical."""
    from pathlib import Path

    from market_impact.snapshot import read_reference_csv

    src = Path(__file__).resolve().parents[2] / "shared" / "data" / "prices"
    if not src.exists():
        pytest.skip(f"reference CSVs not beside the checkout ({src})")
    ref = read_reference_csv(src / "NVDA.csv", "NVDA").reset_index(drop=True)
    ours = snap[snap.symbol == "NVDA"].reset_index(drop=True)
    pd.testing.assert_frame_equal(ours[ref.columns].astype({"symbol": object}), ref.astype({"symbol": object}), check_dtype=False)
