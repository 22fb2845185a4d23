"""One exception hierarchy: every error carries a message a user can act on."""

from __future__ import annotations


class MarketImpactError(Exception):
    """Base class for every error the library raises on purpose."""


class UnknownSymbol(MarketImpactError):
    def __init__(self, symbol: str, known: list[str] | None = None):
        self.symbol = symbol
        hint = ""
        if known:
            hint = f" Known symbols include: {', '.join(sorted(known)[:12])}…"
        super().__init__(f"Unknown symbol {symbol!r}: it is not in the ticker registry and no live source answered.{hint}")


class EmptyRange(MarketImpactError):
    def __init__(self, start, end, detail: str = ""):
        self.start, self.end = start, end
        super().__init__(f"No trading sessions with prices between {start} and {end}.{(' ' + detail) if detail else ''}")


class NoPriceData(MarketImpactError):
    """Neither cache, live source nor snapshot has the data asked for."""


class BadCatalogue(MarketImpactError):
    """A seed file (events, articles, tickers) failed validation; the message lists every bad row."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Bad catalogue:\n" + "\n".join(f"- {p}" for p in problems))


class BadInput(MarketImpactError):
    """User input (an upload, a parameter, a file) that cannot be used as given."""


class ExportUnavailable(MarketImpactError):
    """An export needs something this machine lacks (e.g. Chromium for PNG)."""


class InsufficientHistory(MarketImpactError):
    """Too few returns before the event to estimate the normal-return model (event study)."""


class BadUpload(BadInput):
    """A user's upload or pasted text that cannot be read as an article; `code` names the reason
    (too_large, empty, blank, binary, undecodable, bad_type, no_text) so a page can say it in its language."""

    def __init__(self, code: str, message: str, **params: object):
        self.code, self.params = code, params
        super().__init__(message)
