"""The Claim check page's Streamlit side (the only Streamlit code of issue 6): the cached check, the filters,
the table, the claim picker and one claim in detail."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

import pandas as pd
import streamlit as st

from market_impact import charts
from market_impact.articles import Article, load_articles
from market_impact.claims import (
    SLUG_OF,
    VERDICT_COLOURS,
    VERDICT_ICONS,
    VERDICT_SLUGS,
    VERDICTS,
    ClaimCheck,
    ClaimResult,
    ClaimsView,
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
from market_impact.ui.loaders import cached_article_text, memo_figure, memo_table, shared
from market_impact.ui.state import write_params
from market_impact.ui.widgets import figure_downloads


@shared(ttl=3600)
def cached_claim_check() -> tuple[ClaimCheck, dict[str, Article]]:
    """Every claim of the articles held against the tape, and the article catalogue."""
    return check_claims(), load_articles()


@shared(maxsize=64)
def cached_chart_window(check_id: int, claim_id: str, *, _result: ClaimResult, _data: pd.DataFrame) -> pd.DataFrame:
    """The prices a claim's mini-chart draws, cut once per check and claim."""
    return chart_window(_result, _data)


def matrix(check: ClaimCheck, registry, articles: tuple[str, ...], lang: str):
    """Where the articles tell the same quantity, as an Arrow table made once per check and language."""
    return memo_table(("claims_matrix", id(check), lang), lambda: disagreement_matrix(check.results, registry, lang, list(articles)))[1]


def md(text: str) -> str:
    """Plain text safe for st.markdown: "$118.42 … $600" must not turn into LaTeX, "*" not into emphasis."""
    return re.sub(r"([\\`*_{}\[\]<>#+!|~$])", r"\\\1", text)


def filters(view: ClaimsView, articles: dict[str, Article], lang: str) -> ClaimsView:
    """Article and verdict filters, seeded from the URL's view once per session; the view they choose."""
    st.session_state.setdefault("cl_articles", list(view.articles))
    st.session_state.setdefault("cl_verdicts", [SLUG_OF[v] for v in view.verdicts])
    c1, c2 = st.columns([3, 2])
    arts = c1.multiselect(t("claims.filter_article", lang), list(articles), key="cl_articles", placeholder=t("claims.all", lang),
                          format_func=lambda a: f"{a} · {articles[a].headline(lang)}")
    slugs = c2.multiselect(t("claims.filter_verdict", lang), list(VERDICT_SLUGS), key="cl_verdicts", placeholder=t("claims.all", lang),
                           format_func=lambda s: f"{VERDICT_ICONS[VERDICT_SLUGS[s]]} {t(f'claims.verdict.{VERDICT_SLUGS[s]}', lang)}")
    return replace(view, articles=tuple(arts), verdicts=tuple(VERDICT_SLUGS[s] for s in slugs))


def _open_claim(ids: tuple[str, ...]) -> None:
    """Table callback: a clicked row opens that claim in the detail part (before the script reruns)."""
    state = st.session_state.get("cl_table")
    rows = state.selection.rows if state else []
    if rows and rows[0] < len(ids):
        st.session_state["cl_claim"] = ids[rows[0]]
        st.session_state["claims_view"] = "detail"


def show_table(shown: list[ClaimResult], check: ClaimCheck, registry, lang: str) -> None:
    """How many claims of each verdict, and the table of them with its CSV; a click on a row opens its detail."""
    counts = {v: sum(r.verdict == v for r in shown) for v in VERDICTS}
    st.caption(t("claims.count", lang, n=len(shown), supported=counts["supported"], contradicted=counts["contradicted"],
                 unchecked=counts["not checkable"]) + " " + t("claims.click_hint", lang))
    if not shown:
        st.info(t("claims.none", lang))
        return
    ids = tuple(r.id for r in shown)
    by_id = {r.id: r for r in shown}
    table, arrow = memo_table(("claims_table", id(check), ids, lang), lambda: results_table([by_id[i] for i in ids], registry, lang))
    wide_cols = (t("claims.col.quote", lang), t("claims.col.explanation", lang))
    st.dataframe(arrow, hide_index=True, height=min(38 + 35 * len(table), 600), key="cl_table",
                 on_select=functools.partial(_open_claim, ids), selection_mode="single-row",
                 column_config={c: st.column_config.TextColumn(width="large") for c in wide_cols})
    st.download_button(t("claims.download", lang), lambda: table.to_csv(index=False).encode("utf-8"), "claims.csv", "text/csv",
                       key="cl_download", on_click="ignore")


def pick_claim(view: ClaimsView, shown: list[ClaimResult], check: ClaimCheck, lang: str) -> ClaimsView:
    """The claim picker (a claim outside the filters stays selectable); the view with it, written to the URL."""
    by_id = {r.id: r for r in check.results}
    ids = [r.id for r in shown] or [r.id for r in check.results]
    st.session_state.setdefault("cl_claim", view.default_claim(shown) or ids[0])
    if st.session_state["cl_claim"] not in ids:
        ids.append(st.session_state["cl_claim"])
    picked = st.selectbox(t("claims.pick", lang), ids, key="cl_claim", format_func=lambda i: claim_option(by_id[i], lang))
    view = replace(view, claim=picked)
    write_params(**view.to_params())
    return view


def claim_option(r: ClaimResult, lang: str) -> str:
    c = r.claim
    quote = c.quote if len(c.quote) <= 60 else c.quote[:58] + "…"
    return f"{c.id} · {t(f'claims.verdict.{r.verdict}', lang)} · {metric_label(c, lang)} · {quote}"


def claim_detail(r: ClaimResult, check: ClaimCheck, articles: dict[str, Article], registry, lang: str) -> None:
    """The selected claim: verdict, the quote in its paragraph, article vs tape, formula, difference, mini-chart."""
    c = r.claim
    with st.container(border=True):
        icon = {"supported": ":material/check_circle:", "contradicted": ":material/cancel:"}.get(r.verdict, ":material/help:")
        st.markdown(f"**{md(c.id)} · {md(metric_label(c, lang))}** — {md(symbol_label(c, registry, lang))}"
                    + (f" · {md(format_date(c.session, lang, weekday=True))}" if c.session else "")
                    + f" &nbsp; :{VERDICT_COLOURS[r.verdict]}-badge[{icon} {md(t(f'claims.verdict.{r.verdict}', lang))}]")
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
        notes = ([t("claims.repeated", lang, n=c.repeated)] if c.repeated else []) + ([md(shares_note(r, lang))] if r.shares else [])
        if notes:
            st.caption("  \n".join(notes))
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
    fig = memo_figure(("claim", lang, id(check), c.id, tuple(points), level), lambda: charts.localise_session_ticks(
        charts.claim_price_figure(pd.DataFrame(rows), points, name=name, colour=charts.SYMBOL_COLOURS.get(sym), level=level,
                                  title=t("claims.chart_title", lang, subject=name), y_title=t("claims.y_price", lang)), lang))
    st.plotly_chart(fig, key=f"claim_chart_{c.id}", config={"displaylogo": False})
    figure_downloads(fig, f"claim_{c.id}", lang)
