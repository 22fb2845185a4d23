"""The embedded price snapshot: build it from the shared reference CSVs, or refresh it from yfinance."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from market_impact.errors import MarketImpactError, NoPriceData
from market_impact.paths import SNAPSHOT_FILE, SOURCES_FILE
from market_impact.tickers import Registry, load_registry

COLUMNS = ["date", "symbol", "open", "high", "low", "close", "adj_close", "volume"]
FLOATS = ["open", "high", "low", "close", "adj_close", "volume"]


def symbol_to_filename(symbol: str) -> str:
    return symbol.replace("^", "IDX_") + ".csv"


def read_reference_csv(path: Path, symbol: str) -> pd.DataFrame:
    """One reference CSV as tidy rows, values kept exactly as written (empty cells stay missing)."""
    df = pd.read_csv(path, dtype={c: "float64" for c in FLOATS})
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    df["symbol"] = symbol
    return df[COLUMNS]


def build_from_csv_dir(src: Path, registry: Registry | None = None) -> pd.DataFrame:
    """The tidy snapshot frame from a folder of `<SYMBOL>.csv` files (one per registry symbol)."""
    registry = registry or load_registry()
    frames, missing = [], []
    for sym, ticker in registry.items():
        path = src / symbol_to_filename(sym)
        if not path.exists():
            missing.append(sym)
            continue
        df = read_reference_csv(path, sym)
        df["basis"] = ticker.basis
        frames.append(df)
    if missing:
        raise NoPriceData(f"Reference files missing for: {', '.join(missing)} (looked in {src})")
    return finalize(pd.concat(frames, ignore_index=True))


def finalize(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["symbol", "date"], kind="stable").reset_index(drop=True)
    df["symbol"] = df["symbol"].astype("string")
    df["basis"] = df["basis"].astype("string")
    return df


def write_parquet_atomic(df: pd.DataFrame, path: Path) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        df.to_parquet(tmp, index=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build_snapshot(src: Path, out: Path = SNAPSHOT_FILE) -> pd.DataFrame:
    """Rebuild seeds/prices/ from the shared reference data (CSV folder with SOURCES.md)."""
    df = build_from_csv_dir(src)
    write_parquet_atomic(df, out)
    if (src / "SOURCES.md").exists() and out == SNAPSHOT_FILE:
        shutil.copyfile(src / "SOURCES.md", SOURCES_FILE)
    return df


def flatten_yfinance(raw: pd.DataFrame, symbols: Iterable[str]) -> pd.DataFrame:
    """yfinance's (field, ticker) MultiIndex columns → tidy rows with our column names."""
    symbols = list(symbols)
    if raw is None or raw.empty:
        return pd.DataFrame(columns=COLUMNS)
    if isinstance(raw.columns, pd.MultiIndex):
        long = raw.stack(level=1, future_stack=True).reset_index()
        long.columns = [str(c) for c in long.columns]
        long = long.rename(columns={long.columns[0]: "date", long.columns[1]: "symbol"})
    else:
        long = raw.reset_index()
        long.columns = [str(c) for c in long.columns]
        long = long.rename(columns={long.columns[0]: "date"})
        long["symbol"] = symbols[0]
    long = long.rename(
        columns={"Open": "open", "High": "high", "Low": "low", "Close": "close", "Adj Close": "adj_close", "Volume": "volume"}
    )
    for col in FLOATS:
        if col not in long:
            long[col] = float("nan")
        long[col] = pd.to_numeric(long[col], errors="coerce").astype("float64")
    long["date"] = pd.to_datetime(long["date"]).dt.tz_localize(None).dt.normalize()
    long = long.dropna(subset=["close"])
    return long[COLUMNS].reset_index(drop=True)


def refresh_snapshot(
    download: Callable[..., pd.DataFrame],
    start: str,
    end: str,
    out: Path = SNAPSHOT_FILE,
    progress: Callable[[int, int, str], None] | None = None,
) -> pd.DataFrame:
    """Re-download every registry symbol with `download` (yfinance.download) and write the snapshot.

    auto_adjust=False keeps both the quoted close and the adjusted close. Fails (NoPriceData) when any
    symbol comes back empty, so a half-empty snapshot never replaces the good one.
    """
    registry = load_registry()
    frames, empty = [], []
    items = list(registry.items())
    for i, (sym, ticker) in enumerate(items, 1):
        if progress:
            progress(i, len(items), sym)
        raw = download(sym, start=start, end=end, auto_adjust=False, progress=False, multi_level_index=True)
        df = flatten_yfinance(raw, [sym])
        if df.empty:
            empty.append(sym)
            continue
        df["symbol"] = sym
        df["basis"] = "index" if ticker.basis == "index" else "raw_and_adjusted"
        frames.append(df)
    if empty:
        raise NoPriceData(f"yfinance returned no rows for {len(empty)} symbols ({', '.join(empty[:5])}…); snapshot left unchanged")
    df = finalize(pd.concat(frames, ignore_index=True))
    write_parquet_atomic(df, out)
    return df


def text_progress(i: int, n: int, sym: str) -> None:
    width = 30
    done = int(width * i / n)
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{n} {sym:<10}")
    if i == n:
        sys.stderr.write("\n")
    sys.stderr.flush()


__all__ = [
    "COLUMNS",
    "MarketImpactError",
    "build_snapshot",
    "flatten_yfinance",
    "refresh_snapshot",
    "symbol_to_filename",
    "write_parquet_atomic",
]
