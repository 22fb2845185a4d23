"""Where the project's own files live (seeds, caches)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLES_DIR = SEEDS / "articles"
PRICES_DIR = SEEDS / "prices"
SNAPSHOT_FILE = PRICES_DIR / "snapshot.parquet"
SOURCES_FILE = PRICES_DIR / "SOURCES.md"
TICKERS_FILE = SEEDS / "tickers.yaml"
ARTICLES_FILE = SEEDS / "articles.yaml"
EVENTS_FILE = SEEDS / "events.yaml"
SHARES_FILE = SEEDS / "shares_outstanding.csv"

CACHE_ENV = "MARKET_IMPACT_CACHE_DIR"
EVENTS_ENV = "MARKET_IMPACT_EVENTS_FILE"


def events_file() -> Path:
    """The event catalogue the app shows; `MARKET_IMPACT_EVENTS_FILE` points it at another file."""
    return Path(os.environ.get(EVENTS_ENV) or EVENTS_FILE)


def cache_dir() -> Path:
    """The on-disk cache directory; `MARKET_IMPACT_CACHE_DIR` overrides the default."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "deepseek-shock"
