"""Overview: the story on one screen — Nvidia, the Nasdaq, the S&P 500 and chips against the R1 dates."""

from functools import partial

import pandas as pd
import streamlit as st

from market_impact import charts
from market_impact.errors import MarketImpactError
from market_impact.i18n import delta_pct, format_date, format_money, format_number, t
from market_impact.story import STORY_SYMBOLS, narrative
from market_impact.ui.loaders import cached_headline, cached_prices, cached_registry, event_key, memo_figure, provenance_key
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import figure_downloads, provenance_badge
from market_impact.views import BASE_SESSION, PRESETS

lang = current_lang()
start, end = PRESETS["decfeb"]

st.title(t("overview.title", lang))

try:
    frame = cached_prices(STORY_SYMBOLS, start.isoformat(), end.isoformat())
    h = cached_headline(STORY_SYMBOLS, start.isoformat(), end.isoformat())
except MarketImpactError as exc:
    st.error(str(exc))
    st.stop()

provenance_badge(frame.provenance, lang)

row = st.container(horizontal=True, gap="medium")  # each metric as wide as its text; the row wraps on a narrow screen
kpi = partial(row.metric, width="content")
kpi(t("story.kpi_nvda", lang, day=format_date(h.nvda.session, lang)), f"${format_number(h.nvda.close, lang)}",
    delta_pct(h.nvda.pct), delta_color="normal",
    help=t("story.kpi_nvda_help", lang, close=format_number(h.nvda.close, lang), prev=format_number(h.nvda.prev_close, lang),
           prev_day=format_date(h.nvda.prev_session, lang), change=format_number(h.nvda.change, lang)))
kpi(t("story.kpi_mv", lang), format_money(h.nvda_value_change, lang, short=True),
    t("story.delta_per_share", lang, change=f"{h.nvda.change:+.2f}"), delta_color="normal",
    help=t("story.kpi_mv_help", lang, shares=format_number(h.shares.shares, lang, 0), source=h.shares.source))
kpi(t("story.kpi_nasdaq", lang, day=format_date(h.nasdaq.session, lang)), format_number(h.nasdaq.close, lang), delta_pct(h.nasdaq.pct))
kpi(t("story.kpi_smh", lang, day=format_date(h.semis.session, lang)), f"${format_number(h.semis.close, lang)}", delta_pct(h.semis.pct))
kpi(t("story.kpi_rebound", lang, day=format_date(h.rebound.session, lang)), f"${format_number(h.rebound.close, lang)}", delta_pct(h.rebound.pct))

st.markdown(narrative(h, lang))
events = all_events()
r1 = next((e for e in events if e.id == "r1-release" and e.article_sources), None)
if r1:  # every claim shown cites its source: the release date from an article, the numbers from the tape
    st.caption(t("story.sources", lang, article=r1.article_sources[0].article, quote=r1.article_sources[0].quote, shares=h.shares.source))

registry = cached_registry()
shown = [e for e in events if e.importance == 1 or e.id == "r1-release" or e.is_user]  # the user's own always show


def build():
    fig = charts.price_figure(
        frame.data,
        mode="normalised",
        base=pd.Timestamp(BASE_SESSION),
        names={s: registry[s].name(lang) for s in frame.symbols if s in registry},
        title=t("overview.chart_title", lang, base=format_date(BASE_SESSION, lang)),
        y_title=t("overview.y_normalised", lang),
        events=charts.events_overlay(shown, lang),
        marker_symbol="NVDA",
        height=520,
    )
    return charts.localise_session_ticks(fig, lang)


fig = memo_figure(("overview", lang, event_key(shown, lang), provenance_key(frame.provenance)), build)
st.plotly_chart(fig, key="overview_chart")
figure_downloads(fig, "overview", lang)
st.caption(t("story.events_caption", lang))
st.markdown(f"[{t('story.open_prices', lang)}](prices)")
