"""Loader and detail widgets for the Claim check page (the only Streamlit code of issue 6)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from market_impact import charts
from market_impact.articles import Article, article_text, load_articles
from market_impact.claims import (
    VERDICT_COLOURS,
    ClaimCheck,
    ClaimResult,
    actual_label,
    chart_window,
    check_claims,
    difference_label,
    disagreement_matrix,
    explanation,
    formula,
    metric_label,
    quote_in_paragraph_html,
    results_table,
    shares_note,
    stated_label,
    symbol_label,
    tolerance_label,
)
from market_impact.i18n import format_date, t
from market_impact.ui.loaders import memo_figure, shared
from market_impact.ui.widgets import figure_downloads


@shared(ttl=3600)
def cached_claim_check() -> tuple[ClaimCheck, dict[str, Article]]:
    """Every claim of the articles held against the tape, and the article catalogue."""
    return check_claims(), load_articles()


@shared()
def cached_article_text(article_id: str) -> str:
    return article_text(article_id)


@shared(maxsize=32)
def cached_results_table(check_id: int, ids: tuple[str, ...], lang: str, *, _check: ClaimCheck, _registry) -> pd.DataFrame:
    """The claims table for these claims (in this order), made once per check, set of claims and language."""
    by_id = {r.id: r for r in _check.results}
    return results_table([by_id[i] for i in ids], _registry, lang)


@shared(maxsize=64)
def cached_chart_window(check_id: int, claim_id: str, *, _result: ClaimResult, _data: pd.DataFrame) -> pd.DataFrame:
    """The prices a claim's mini-chart draws, cut once per check and claim."""
    return chart_window(_result, _data)


@shared(maxsize=8)
def cached_matrix(check_id: int, lang: str, *, _check: ClaimCheck, _registry, _articles: tuple[str, ...]) -> pd.DataFrame:
    """Where the articles tell the same quantity, made once per check and language."""
    return disagreement_matrix(_check.results, _registry, lang, list(_articles))


def md(text: str) -> str:
    """Plain text safe for st.markdown: "$118.42 … $600" must not turn into LaTeX, "*" not into emphasis."""
    return re.sub(r"([\\`*_{}\[\]<>#+!|~$])", r"\\\1", text)


def claim_option(r: ClaimResult, lang: str) -> str:
    c = r.claim
    quote = c.quote if len(c.quote) <= 60 else c.quote[:58] + "…"
    return f"{c.id} · {t(f'claims.verdict.{r.verdict}', lang)} · {metric_label(c, lang)} · {quote}"


def claim_detail(r: ClaimResult, check: ClaimCheck, articles: dict[str, Article], registry, lang: str) -> None:
    """The selected claim: verdict, the quote in its paragraph, article vs tape, formula, difference, mini-chart."""
    c = r.claim
    with st.container(border=True):
        head = st.columns([5, 2])
        head[0].markdown(f"**{md(c.id)} · {md(metric_label(c, lang))}** — {md(symbol_label(c, registry, lang))}"
                         + (f" · {md(format_date(c.session, lang, weekday=True))}" if c.session else ""))
        with head[1]:
            st.badge(t(f"claims.verdict.{r.verdict}", lang), color=VERDICT_COLOURS[r.verdict],
                     icon={"supported": ":material/check_circle:", "contradicted": ":material/cancel:"}.get(r.verdict,
                                                                                                      ":material/help:"))
        art = articles.get(c.article)
        st.caption(t("claims.in_paragraph", lang, article=f"{c.article} · {art.headline(lang) if art else ''}"))
        st.html(quote_in_paragraph_html(cached_article_text(c.article), c.start, c.end))
        cols = st.columns(3)
        cols[0].metric(t("claims.stated_value", lang), stated_label(c, lang))
        cols[1].metric(t("claims.tape_value", lang), actual_label(r, lang))
        cols[2].metric(t("claims.difference", lang), difference_label(r, lang),
                       help=t("claims.tolerance", lang) + ": " + tolerance_label(r, lang))
        if formula(r, lang) != "—":
            st.caption(t("claims.formula_label", lang))
            st.code(formula(r, lang), language=None, wrap_lines=True)
        st.markdown(md(explanation(r, lang, with_shares=False)))
        if c.repeated:
            st.caption(t("claims.repeated", lang, n=c.repeated))
        if r.shares is not None:
            st.caption(md(shares_note(r, lang)))
        _mini_chart(r, check, registry, lang)


def _mini_chart(r: ClaimResult, check: ClaimCheck, registry, lang: str) -> None:
    c = r.claim
    if not r.inputs:
        return
    if c.metric == "mixed":
        names = {s: registry[s].name(lang) if s in registry else s for s in c.symbols}
        fig = memo_figure(("claim_moves", lang, id(check), c.id), lambda: charts.claim_moves_figure(
            dict(r.extra.get("moves", {})), names=names, y_title=t("claims.y_move", lang),
            title=t("claims.chart_move_title", lang, day=format_date(c.session, lang))))
        st.plotly_chart(fig, key=f"claim_chart_{c.id}", config={"displaylogo": False})
        figure_downloads(fig, f"claim_{c.id}", lang)
        return
    rows = cached_chart_window(id(check), c.id, _result=r, _data=check.data)
    if rows.empty:
        st.caption(t("claims.no_chart", lang))
        return
    label = {"close": t("claims.point_close", lang), "open": t("claims.point_open", lang)}
    points = [(p.day.isoformat(), p.field, p.value, f"{label[p.field]} {p.value:,.2f}") for p in r.inputs]
    sym = r.inputs[0].symbol
    name = registry[sym].name(lang) if sym in registry else sym
    level = r.inputs[-1].value if c.metric == "low_since" else None
    fig = memo_figure(("claim", lang, id(check), c.id, tuple(points), level), lambda: charts.claim_price_figure(
        pd.DataFrame(rows), points, name=name, colour=charts.SYMBOL_COLOURS.get(sym), level=level,
        title=t("claims.chart_title", lang, subject=name), y_title=t("claims.y_price", lang)))
    st.plotly_chart(fig, key=f"claim_chart_{c.id}", config={"displaylogo": False})
    figure_downloads(fig, f"claim_{c.id}", lang)
