"""Benchmark of market_impact.study: the whole snapshot × the five default windows, then wide synthetic panels.

Run: python bench/bench_study.py [--repeats 21]. Prints medians in milliseconds; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from market_impact.calendars import sessions_between  # noqa: E402
from market_impact.prices import daily_returns, load_prices, snapshot_symbols  # noqa: E402
from market_impact.study import DEFAULT_BENCHMARKS, DEFAULT_WINDOWS, exchanges_from_registry, run_study  # noqa: E402
from market_impact.tickers import load_registry  # noqa: E402


def median_ms(fn, repeats: int) -> tuple[float, float]:
    fn()  # warm-up: calendars, imports, lazy caches
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def synthetic_panel(n_symbols: int, seed: int = 0) -> pd.DataFrame:
    """Synthetic test panel (random numpy, NOT market data): 374 XNYS sessions, ^GSPC-like benchmark,
    symbols with random betas; 5 % of them start late and 1 % of cells are missing, as in real data."""
    rng = np.random.default_rng(seed)
    index = sessions_between("2024-01-02", "2025-06-30", "XNYS")
    T = len(index)
    rm = rng.normal(0.0005, 0.01, T)
    beta = rng.uniform(0.3, 2.5, n_symbols)
    R = 0.0002 + rm[:, None] * beta + rng.normal(0, 0.02, (T, n_symbols))
    R[rng.random((T, n_symbols)) < 0.01] = np.nan
    late = rng.random(n_symbols) < 0.05
    R[: T // 2, late] = np.nan
    cols = {f"SYN{i:04d}": R[:, i] for i in range(n_symbols)}
    cols["^GSPC"] = rm
    return pd.DataFrame(cols, index=pd.DatetimeIndex(index, name="date"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=21)
    args = ap.parse_args()

    registry = load_registry()
    symbols_all = snapshot_symbols()
    t0 = time.perf_counter()
    returns = daily_returns(load_prices(symbols_all, mode="snapshot").data)
    load_ms = (time.perf_counter() - t0) * 1000
    benches = set(DEFAULT_BENCHMARKS.values())
    symbols = [s for s in symbols_all if s not in benches]
    exchanges = exchanges_from_registry(registry, symbols)

    print(f"snapshot: {len(symbols)} symbols (+{len(benches)} benchmarks), {len(returns)} dates; "
          f"load + returns {load_ms:.0f} ms (first call)")
    for event in ("2025-01-20", "2025-01-27"):
        res = run_study(returns, event, symbols=symbols, exchanges=exchanges, windows=DEFAULT_WINDOWS)
        med, best = median_ms(lambda e=event: run_study(returns, e, symbols=symbols, exchanges=exchanges,
                                                      windows=DEFAULT_WINDOWS), args.repeats)
        print(f"  event {event}: {len(res.symbols)} studied, {len(res.skipped)} skipped × {len(DEFAULT_WINDOWS)} windows"
              f" → median {med:.1f} ms (best {best:.1f} ms, {args.repeats} repeats)")
    med, best = median_ms(lambda: run_study(returns, "2025-01-27", symbols=["NVDA"], benchmarks="^GSPC",
                                            windows=[(0, 0)]), args.repeats)
    print(f"  one symbol, one window (CLI case): median {med:.2f} ms")

    print("\nsynthetic panels (random numpy test data, 374 XNYS sessions, 5 windows, event 2025-01-27):")
    print(f"  {'symbols':>8} {'median ms':>10} {'best ms':>8} {'µs/symbol':>10}")
    for n in (10, 100, 300, 1000, 3000):
        panel = synthetic_panel(n)
        syms = [c for c in panel.columns if c != "^GSPC"]
        med, best = median_ms(lambda panel=panel, syms=syms: run_study(panel, "2025-01-27", symbols=syms, benchmarks="^GSPC"),
                              max(5, args.repeats // (1 + n // 1000)))
        print(f"  {n:>8} {med:>10.1f} {best:>8.1f} {1000 * med / n:>10.1f}")


if __name__ == "__main__":
    main()
