"""Prices with provenance: in-process cache → on-disk cache → live yfinance (own deadline) → snapshot.

One entry point, `load_prices`. Whatever answers, the caller gets a tidy frame and a `Provenance` that
says where each symbol came from, so the app can always say what it shows.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from market_impact.errors import EmptyRange, MarketImpactError, NoPriceData, UnknownSymbol
from market_impact.paths import SNAPSHOT_FILE, cache_dir
from market_impact.snapshot import COLUMNS, flatten_yfinance

Source = Literal["live", "cache", "snapshot"]
Mode = Literal["auto", "snapshot"]

LIVE_DEADLINE_S = 3.0  # total budget for one live attempt, probe included
LIVE_HOST = ("query2.finance.yahoo.com", 443)
CACHE_TTL_S = 24 * 3600
BACKOFF_S = 300.0  # after a failed live attempt, go straight to the snapshot for this long
MODE_ENV = "MARKET_IMPACT_MODE"  # "snapshot" never tries the network
PROXY_ENV = "MARKET_IMPACT_PROXY"


class LiveUnavailable(MarketImpactError):
    """The live source did not answer (offline, stalled, rate-limited); the caller falls back."""


@dataclass(frozen=True)
class Provenance:
    source: Source  # where most of the data came from
    as_of: date  # the last session in the data shown
    per_symbol: dict[str, Source] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # known symbols with no rows in the range
    note: str = ""  # e.g. why live was not used
    fetched_at: datetime | None = None

    @property
    def is_live(self) -> bool:
        return self.source == "live"


@dataclass(frozen=True)
class PriceFrame:
    data: pd.DataFrame  # COLUMNS + basis, sorted by symbol then date
    provenance: Provenance

    @property
    def symbols(self) -> list[str]:
        return list(dict.fromkeys(self.data["symbol"].tolist()))

    def for_symbol(self, symbol: str) -> pd.DataFrame:
        return self.data[self.data["symbol"] == symbol]


# ---------------------------------------------------------------- snapshot


@lru_cache(maxsize=2)
def _read_snapshot(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["date"] = df["date"].astype("datetime64[ns]")
    return df


def snapshot_frame(path: Path = SNAPSHOT_FILE) -> pd.DataFrame:
    """The whole embedded snapshot (a copy; callers may modify it)."""
    if not Path(path).exists():
        raise NoPriceData(f"The price snapshot {path} is missing; rebuild it with `python -m market_impact build-snapshot`.")
    return _read_snapshot(Path(path)).copy()


def snapshot_symbols(path: Path = SNAPSHOT_FILE) -> list[str]:
    return sorted(_read_snapshot(Path(path))["symbol"].unique().tolist())


# ---------------------------------------------------------------- disk cache


def _cache_path(symbol: str) -> Path:
    safe = symbol.replace("^", "IDX_").replace("/", "_")
    return cache_dir() / "prices" / f"{safe}.parquet"


def read_cache(symbol: str, start: pd.Timestamp, end: pd.Timestamp, ttl: float = CACHE_TTL_S) -> pd.DataFrame | None:
    """Rows for `symbol` from the disk cache when it covers [start, end] and is fresh; a corrupt file is discarded."""
    path = _cache_path(symbol)
    if not path.exists():
        return None
    try:
        table = pq.read_table(path)
        meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
        lo, hi = pd.Timestamp(meta["start"]), pd.Timestamp(meta["end"])
        df = table.to_pandas()
    except Exception:  # noqa: BLE001 — any unreadable file is simply not a cache entry
        path.unlink(missing_ok=True)
        return None
    if time.time() - path.stat().st_mtime > ttl or lo > start or hi < end:
        return None
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    return df[(df["date"] >= start) & (df["date"] <= end)]


def write_cache(symbol: str, rows: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> None:
    path = _cache_path(symbol)
    table = pa.Table.from_pandas(rows.reset_index(drop=True), preserve_index=False)
    meta = {b"start": str(start.date()).encode(), b"end": str(end.date()).encode(), b"fetched_at": datetime.now(UTC).isoformat().encode()}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **meta})
    df_path = path.parent
    df_path.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


# ---------------------------------------------------------------- live


def _proxy() -> str | None:
    return os.environ.get(PROXY_ENV) or os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy")


def network_answers(timeout: float = 1.0) -> bool:
    """A TCP connect to Yahoo (or to the configured proxy) within `timeout`: cheap, and fails at once when DNS does."""
    proxy = _proxy()
    if proxy:
        u = urlparse(proxy)
        host, port = u.hostname or "", u.port or 80
    else:
        host, port = LIVE_HOST
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _yfinance_download(symbols: Sequence[str], start: pd.Timestamp, end: pd.Timestamp, timeout: float) -> pd.DataFrame:
    import yfinance as yf  # imported lazily: it is slow to import and only needed online

    yf_cache = cache_dir() / "yfinance"
    yf_cache.mkdir(parents=True, exist_ok=True)
    yf.set_tz_cache_location(str(yf_cache))
    if hasattr(yf, "set_cache_location"):
        yf.set_cache_location(str(yf_cache))
    if _proxy():
        yf.set_config(proxy=_proxy())
    raw = yf.download(
        list(symbols),
        start=start.date().isoformat(),
        end=(end + pd.Timedelta(days=1)).date().isoformat(),  # yfinance's end is exclusive
        auto_adjust=False,
        progress=False,
        threads=True,
        timeout=timeout,
        multi_level_index=True,
    )
    return flatten_yfinance(raw, symbols)


Fetcher = Callable[[Sequence[str], pd.Timestamp, pd.Timestamp, float], pd.DataFrame]


def fetch_live(symbols: Sequence[str], start: pd.Timestamp, end: pd.Timestamp, deadline: float = LIVE_DEADLINE_S, fetcher: Fetcher | None = None) -> pd.DataFrame:
    """Live rows within a hard deadline of our own; yfinance's `timeout=` does not bound its cookie/tz calls."""
    t0 = time.monotonic()
    if not network_answers(timeout=min(1.0, deadline)):
        raise LiveUnavailable("offline: Yahoo Finance cannot be reached from this machine")
    fetch = fetcher or _yfinance_download
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["rows"] = fetch(symbols, start, end, max(0.5, deadline - (time.monotonic() - t0)))
        except Exception as exc:  # noqa: BLE001 — reported to the caller below
            box["error"] = exc

    worker = threading.Thread(target=run, name="yfinance-live", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - (time.monotonic() - t0)))
    if worker.is_alive():  # abandoned: a daemon thread cannot hold the app up
        raise LiveUnavailable(f"no answer from Yahoo Finance within {deadline:g} s")
    if "error" in box:
        exc = box["error"]
        name = type(exc).__name__
        if "RateLimit" in name:
            raise LiveUnavailable("Yahoo Finance is rate-limiting requests (YFRateLimitError)") from exc
        raise LiveUnavailable(f"live fetch failed: {name}: {exc}") from exc
    rows = box.get("rows")
    if not isinstance(rows, pd.DataFrame) or rows.empty:
        raise LiveUnavailable("Yahoo Finance returned no rows")
    return rows


# ---------------------------------------------------------------- the entry point


_memory: OrderedDict[tuple, PriceFrame] = OrderedDict()
_MEMORY_MAX = 64
_live_down_until = 0.0
_lock = threading.Lock()


def reset_state() -> None:
    """Forget the in-process cache and the live back-off (tests, and the Data page's "retry live")."""
    global _live_down_until
    with _lock:
        _memory.clear()
        _live_down_until = 0.0


def live_backed_off() -> bool:
    """True while a recent live failure says: don't try the network again yet."""
    return time.monotonic() < _live_down_until


def note_live_failure() -> None:
    """Start the back-off after a failed live attempt (any live lookup, not only prices)."""
    global _live_down_until
    with _lock:
        _live_down_until = time.monotonic() + BACKOFF_S


def default_mode() -> Mode:
    return "snapshot" if os.environ.get(MODE_ENV, "auto").lower() in ("snapshot", "offline") else "auto"


def _bounds(start: date | str | None, end: date | str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    snap = _read_snapshot(SNAPSHOT_FILE) if SNAPSHOT_FILE.exists() else None
    try:
        s = pd.Timestamp(start) if start is not None else (snap["date"].min() if snap is not None else pd.Timestamp("2024-01-01"))
        e = pd.Timestamp(end) if end is not None else (snap["date"].max() if snap is not None else pd.Timestamp.today())
    except (ValueError, TypeError) as exc:
        raise EmptyRange(start, end, f"Dates must look like 2025-01-27 ({exc}).") from None
    if e < s:
        raise EmptyRange(s.date(), e.date(), "The start date is after the end date.")
    return s.normalize(), e.normalize()


def load_prices(
    symbols: str | Iterable[str],
    start: date | str | None = None,
    end: date | str | None = None,
    *,
    mode: Mode | None = None,
    deadline: float = LIVE_DEADLINE_S,
    fetcher: Fetcher | None = None,
) -> PriceFrame:
    """Daily OHLCV for `symbols` between `start` and `end` (inclusive), with where it came from.

    Raises UnknownSymbol (not in the snapshot, and live could not supply it), EmptyRange (no rows at all
    in the range), NoPriceData (nothing anywhere).
    """
    global _live_down_until
    syms = tuple(dict.fromkeys([symbols] if isinstance(symbols, str) else list(symbols)))
    if not syms:
        raise NoPriceData("No symbols were asked for.")
    s, e = _bounds(start, end)
    mode = mode or default_mode()
    key = (syms, s, e, mode)
    with _lock:
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]

    parts: dict[str, pd.DataFrame] = {}
    per: dict[str, Source] = {}
    note = ""
    fetched_at = None

    if mode == "auto":
        for sym in syms:
            cached = read_cache(sym, s, e)
            if cached is not None and not cached.empty:
                parts[sym], per[sym] = cached, "cache"
        want = [x for x in syms if x not in parts]
        if want and time.monotonic() < _live_down_until:
            note = "live prices not retried yet after a recent failure"
        elif want:
            try:
                live = fetch_live(want, s, e, deadline=deadline, fetcher=fetcher)
                fetched_at = datetime.now(UTC)
                for sym, rows in live.groupby("symbol", sort=False):
                    rows = rows.assign(basis="index" if str(sym).startswith("^") else "raw_and_adjusted")[COLUMNS + ["basis"]]
                    parts[str(sym)], per[str(sym)] = rows, "live"
                    try:
                        write_cache(str(sym), rows, s, e)
                    except OSError:
                        pass  # a read-only cache directory costs speed, never data
            except LiveUnavailable as exc:
                note = str(exc)
                with _lock:
                    _live_down_until = time.monotonic() + BACKOFF_S

    rest = [x for x in syms if x not in parts]
    if rest:
        snap = _read_snapshot(SNAPSHOT_FILE) if SNAPSHOT_FILE.exists() else None
        known = set(snap["symbol"].unique()) if snap is not None else set()
        unknown = [x for x in rest if x not in known]
        if unknown:
            if snap is None:
                raise NoPriceData(f"No prices for {', '.join(unknown)}: no cache, no live source and no snapshot.")
            raise UnknownSymbol(unknown[0], sorted(known))
        sel = snap[snap["symbol"].isin(rest) & (snap["date"] >= s) & (snap["date"] <= e)]
        for sym, rows in sel.groupby("symbol", sort=False):
            parts[str(sym)], per[str(sym)] = rows, "snapshot"

    frames = [parts[x] for x in syms if x in parts and not parts[x].empty]
    missing = tuple(x for x in syms if x not in per or parts[x].empty)
    if not frames:
        raise EmptyRange(s.date(), e.date(), f"None of {', '.join(syms)} has prices in this range.")
    data = pd.concat(frames, ignore_index=True)
    data["date"] = data["date"].astype("datetime64[ns]")
    data = data.sort_values(["symbol", "date"], kind="stable").reset_index(drop=True)
    counts = pd.Series([per[x] for x in syms if x in per]).value_counts()
    source: Source = counts.index[0]
    prov = Provenance(
        source=source,
        as_of=data["date"].max().date(),
        per_symbol={x: per[x] for x in syms if x in per and x not in missing},
        missing=missing,
        note=note,
        fetched_at=fetched_at,
    )
    frame = PriceFrame(data=data, provenance=prov)
    with _lock:
        _memory[key] = frame
        while len(_memory) > _MEMORY_MAX:
            _memory.popitem(last=False)
    return frame


# ---------------------------------------------------------------- derived series


def return_price(data: pd.DataFrame) -> pd.Series:
    """The price returns are computed from: adjusted close where the symbol has one, else close."""
    has_adj = data.groupby("symbol")["adj_close"].transform(lambda c: c.notna().any())
    return data["adj_close"].where(has_adj, data["close"])


def daily_returns(data: pd.DataFrame) -> pd.DataFrame:
    """Simple daily returns, wide (index = date, columns = symbols), each symbol on its own sessions.

    Rows before a symbol's `returns_from` date in the registry (pre-listing quotes) give no returns.
    """
    from market_impact.tickers import load_registry

    df = data[["date", "symbol"]].copy()
    df["price"] = return_price(data)
    for sym, tk in load_registry().items():
        if tk.returns_from:
            df.loc[(df["symbol"] == sym) & (df["date"] < pd.Timestamp(tk.returns_from)), "price"] = float("nan")
    df = df.sort_values(["symbol", "date"])
    df["ret"] = df.groupby("symbol")["price"].pct_change(fill_method=None)
    wide = df.pivot(index="date", columns="symbol", values="ret")
    wide.columns.name = None
    return wide.sort_index()


def wide(data: pd.DataFrame, field: str = "close") -> pd.DataFrame:
    """One column per symbol of `field` (close, adj_close, volume …), index = date."""
    out = data.pivot(index="date", columns="symbol", values=field)
    out.columns.name = None
    return out.sort_index()


def snapshot_summary(snapshot: pd.DataFrame, registry, lang: str = "en") -> pd.DataFrame:
    """Per symbol: name, group, calendar, currency, first/last date, rows and price basis (Data page)."""
    from market_impact.i18n import t

    agg = snapshot.groupby("symbol", sort=True).agg(first=("date", "min"), last=("date", "max"), rows=("date", "size"))
    out = []
    for sym, r in agg.iterrows():
        tk = registry.get(sym)
        basis = t(f"data.basis.{tk.basis}", lang) if tk else "?"
        if tk and tk.close_only:
            basis += f" ({t('data.close_only', lang)})"
        out.append(
            {
                t("data.col_symbol", lang): sym,
                t("data.col_name", lang): tk.name(lang) if tk else "",
                t("data.col_group", lang): registry.group(tk.group).name(lang) if tk else "",
                t("data.col_exchange", lang): tk.exchange if tk else "",
                t("data.col_currency", lang): tk.currency if tk else "",
                t("data.col_first", lang): r["first"].date().isoformat(),
                t("data.col_last", lang): r["last"].date().isoformat(),
                t("data.col_rows", lang): int(r["rows"]),
                t("data.col_basis", lang): basis,
            }
        )
    return pd.DataFrame(out)
