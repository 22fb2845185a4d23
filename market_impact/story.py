"""The headline numbers of the DeepSeek shock and the narrative sentence built from them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from market_impact.fundamentals import SharesOutstanding
from market_impact.i18n import format_date, format_money, format_number, format_pct, t
from market_impact.moves import DayMove, day_move

CRASH = pd.Timestamp("2025-01-27")
REBOUND = pd.Timestamp("2025-01-28")
STORY_SYMBOLS = ("NVDA", "^IXIC", "^GSPC", "SMH")


@dataclass(frozen=True)
class Headline:
    nvda: DayMove
    nasdaq: DayMove
    sp500: DayMove
    semis: DayMove
    rebound: DayMove
    shares: SharesOutstanding

    @property
    def nvda_value_change(self) -> float:
        return self.nvda.market_value_change(self.shares)


def headline(data: pd.DataFrame, shares: SharesOutstanding) -> Headline:
    """Every number the Overview shows, computed from the tape (quoted closes for levels and % moves)."""
    return Headline(
        nvda=day_move(data, "NVDA", CRASH),
        nasdaq=day_move(data, "^IXIC", CRASH),
        sp500=day_move(data, "^GSPC", CRASH),
        semis=day_move(data, "SMH", CRASH),
        rebound=day_move(data, "NVDA", REBOUND),
        shares=shares,
    )


def narrative(h: Headline, lang: str = "en") -> str:
    """The short story paragraph, filled from the computed numbers."""
    return t(
        "story.narrative",
        lang,
        crash=format_date(h.nvda.session, lang, weekday=True),
        prev=format_date(h.nvda.prev_session, lang, weekday=True),
        nvda_pct=format_pct(abs(h.nvda.pct), lang, signed=False),
        nvda_dir=t("story.fell" if h.nvda.pct < 0 else "story.rose", lang),
        nvda_prev=format_number(h.nvda.prev_close, lang),
        nvda_close=format_number(h.nvda.close, lang),
        mv=format_money(abs(h.nvda_value_change), lang),
        nasdaq_pct=format_pct(h.nasdaq.pct, lang),
        sp_pct=format_pct(h.sp500.pct, lang),
        smh_pct=format_pct(h.semis.pct, lang),
        rebound_pct=format_pct(h.rebound.pct, lang),
        r1_day=format_date("2025-01-20", lang, weekday=True),
        rebound_day=format_date(h.rebound.session, lang, weekday=True),
        shares=format_number(h.shares.shares / 1e9, lang, 1),
    )
