"""Claim check: every market claim in the articles against the tape — the table and one claim in detail, or
(`?view=matrix`) where the articles tell the same quantity."""

from dataclasses import replace

import streamlit as st

from market_impact.claims import SLUG_OF, VERDICT_ICONS, VERDICT_SLUGS, VERDICTS, ClaimsView
from market_impact.i18n import bad_param, t
from market_impact.ui.claims import cached_claim_check, cached_matrix, cached_results_table, claim_detail, claim_option
from market_impact.ui.loaders import cached_registry
from market_impact.ui.state import current_lang, write_params
from market_impact.ui.widgets import provenance_badge, section_picker

lang = current_lang()
st.title(t("claims.title", lang))
st.caption(t("claims.intro", lang))

# -- 1./2. state from the URL (bad values → a note and the default), and the one cached check
check, articles = cached_claim_check()
registry = cached_registry()
by_id = {r.id: r for r in check.results}
view = ClaimsView.from_params(dict(st.query_params), list(articles), list(by_id))
for name, value, kind in view.problems:
    reason = t("claims.bad_claim" if kind == "claim" else "claims.bad_filter", lang)
    st.info(bad_param(name, value, reason, lang), icon="ℹ️")
st.session_state.setdefault("cl_articles", list(view.articles))
st.session_state.setdefault("cl_verdicts", [SLUG_OF[v] for v in view.verdicts])
if check.provenance is not None:
    provenance_badge(check.provenance, lang)

if section_picker("claims", ("claims", "matrix"), lang) == "matrix":
    st.subheader(t("claims.matrix", lang))
    st.caption(t("claims.matrix_help", lang))
    st.dataframe(cached_matrix(id(check), lang, _check=check, _registry=registry, _articles=tuple(articles)), hide_index=True)
    st.stop()

c1, c2 = st.columns([3, 2])
arts = c1.multiselect(t("claims.filter_article", lang), list(articles), key="cl_articles", placeholder=t("claims.all", lang),
                      format_func=lambda a: f"{a} · {articles[a].headline(lang)}")
slugs = c2.multiselect(t("claims.filter_verdict", lang), list(VERDICT_SLUGS), key="cl_verdicts", placeholder=t("claims.all", lang),
                       format_func=lambda s: f"{VERDICT_ICONS[VERDICT_SLUGS[s]]} {t(f'claims.verdict.{VERDICT_SLUGS[s]}', lang)}")
view = replace(view, articles=tuple(arts), verdicts=tuple(VERDICT_SLUGS[s] for s in slugs))

# -- 3. the library: which claims are shown
shown = view.select(check.results)
counts = {v: sum(r.verdict == v for r in shown) for v in VERDICTS}
st.caption(t("claims.count", lang, n=len(shown), supported=counts["supported"], contradicted=counts["contradicted"],
             unchecked=counts["not checkable"]))

# -- 4. render: the table, one claim in detail, where the articles disagree
st.subheader(t("claims.table", lang))
if not shown:
    st.info(t("claims.none", lang))
else:
    table = cached_results_table(id(check), tuple(r.id for r in shown), lang, _check=check, _registry=registry)
    wide_cols = (t("claims.col.quote", lang), t("claims.col.explanation", lang))
    st.dataframe(table, hide_index=True, height=min(38 + 35 * len(table), 460),
                 column_config={c: st.column_config.TextColumn(width="large") for c in wide_cols})
    st.download_button(t("claims.download", lang), lambda: table.to_csv(index=False).encode("utf-8"), "claims.csv", "text/csv",
                       key="cl_download", on_click="ignore")

st.subheader(t("claims.detail", lang))
ids = [r.id for r in shown] or [r.id for r in check.results]
st.session_state.setdefault("cl_claim", view.default_claim(shown) or ids[0])
if st.session_state["cl_claim"] not in ids:  # the selection sits outside the filters: keep it selectable
    ids.append(st.session_state["cl_claim"])
picked = st.selectbox(t("claims.pick", lang), ids, key="cl_claim", format_func=lambda i: claim_option(by_id[i], lang))
view = replace(view, claim=picked)
write_params(**view.to_params())
claim_detail(by_id[picked], check, articles, registry, lang)
