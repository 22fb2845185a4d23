"""The ticker registry (seeds/tickers.yaml): names, groups, exchange calendars and price bases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from market_impact.calendars import EXCHANGES
from market_impact.errors import BadCatalogue, UnknownSymbol
from market_impact.paths import TICKERS_FILE

Basis = Literal["raw_and_adjusted", "adjusted", "raw", "index"]
BASES = ("raw_and_adjusted", "adjusted", "raw", "index")


@dataclass(frozen=True)
class Group:
    id: str
    name_en: str
    name_hi: str

    def name(self, lang: str = "en") -> str:
        return self.name_hi if lang == "hi" else self.name_en


@dataclass(frozen=True)
class Ticker:
    symbol: str
    name_en: str
    name_hi: str
    group: str
    exchange: str
    currency: str
    basis: Basis
    close_only: bool = False
    returns_from: str | None = None  # ISO date: earlier rows are not used for returns (e.g. pre-listing quotes)

    def name(self, lang: str = "en") -> str:
        return self.name_hi if lang == "hi" else self.name_en

    @property
    def has_quoted_close(self) -> bool:
        """True when `close` is the price a newspaper would quote (not dividend-adjusted)."""
        return self.basis in ("raw_and_adjusted", "raw", "index")


@dataclass(frozen=True)
class Registry:
    groups: tuple[Group, ...]
    tickers: dict[str, Ticker]

    def __getitem__(self, symbol: str) -> Ticker:
        try:
            return self.tickers[symbol]
        except KeyError:
            raise UnknownSymbol(symbol, list(self.tickers)) from None

    def __contains__(self, symbol: object) -> bool:
        return symbol in self.tickers

    def __iter__(self):
        """Iterates over symbols, like the dict it stands in for."""
        return iter(self.tickers)

    def values(self):
        return self.tickers.values()

    def items(self):
        return self.tickers.items()

    def keys(self):
        return self.tickers.keys()

    def get(self, symbol: str, default: Ticker | None = None) -> Ticker | None:
        return self.tickers.get(symbol, default)

    def __len__(self) -> int:
        return len(self.tickers)

    def in_group(self, group: str) -> list[Ticker]:
        return [t for t in self.tickers.values() if t.group == group]

    def group(self, group_id: str) -> Group:
        return next(g for g in self.groups if g.id == group_id)


def parse_registry(doc: dict, source: str = "tickers.yaml") -> Registry:
    """Validate a registry document, reporting every bad row at once."""
    problems: list[str] = []
    groups = tuple(Group(**g) for g in doc.get("groups", []))
    group_ids = {g.id for g in groups}
    tickers: dict[str, Ticker] = {}
    for i, row in enumerate(doc.get("tickers", [])):
        sym = row.get("symbol", f"row {i}")
        try:
            t = Ticker(**row)
        except TypeError as exc:
            problems.append(f"{source}: {sym}: {exc}")
            continue
        if t.group not in group_ids:
            problems.append(f"{source}: {sym}: unknown group {t.group!r}")
        if t.exchange not in EXCHANGES:
            problems.append(f"{source}: {sym}: unknown exchange {t.exchange!r}")
        if t.basis not in BASES:
            problems.append(f"{source}: {sym}: unknown basis {t.basis!r}")
        if sym in tickers:
            problems.append(f"{source}: {sym}: duplicate symbol")
        tickers[sym] = t
    if problems:
        raise BadCatalogue(problems)
    return Registry(groups=groups, tickers=tickers)


@lru_cache(maxsize=4)
def load_registry(path: Path = TICKERS_FILE) -> Registry:
    with open(path, encoding="utf-8") as fh:
        return parse_registry(yaml.safe_load(fh), source=Path(path).name)
