"""Claim check: every market claim in the articles against the tape — the table (click a row), one claim in detail
(`?view=detail`, the default when a link names a claim) or where the articles tell the same quantity (`?view=matrix`)."""

import streamlit as st

from market_impact.claims import ClaimsView
from market_impact.i18n import bad_param, t
from market_impact.ui import claims as ui
from market_impact.ui.loaders import cached_registry
from market_impact.ui.state import current_lang, write_params
from market_impact.ui.widgets import provenance_badge, section_picker

lang = current_lang()
st.title(t("claims.title", lang))
st.caption(t("claims.intro", lang))

# -- 1./2. state from the URL (bad values → a note and the default), and the one cached check
check, articles = ui.cached_claim_check()
registry = cached_registry()
by_id = {r.id: r for r in check.results}
view = ClaimsView.from_params(dict(st.query_params), list(articles), list(by_id))
for name, value, kind in view.problems:
    reason = t("claims.bad_claim" if kind == "claim" else "claims.bad_filter", lang)
    st.info(bad_param(name, value, reason, lang), icon="ℹ️")
if check.provenance is not None:
    provenance_badge(check.provenance, lang)

part = section_picker("claims", ("claims", "detail", "matrix"), lang, default="detail" if "claim" in st.query_params else "claims")
if part == "matrix":
    st.caption(t("claims.matrix_help", lang))
    st.dataframe(ui.matrix(check, registry, tuple(articles), lang), hide_index=True)
    st.stop()

# -- 3. the library: which claims are shown (filters on the table; the link's on the detail); 4. render one part
if part == "claims":
    view = ui.filters(view, articles, lang)
    write_params(**view.to_params())
    ui.show_table(view.select(check.results), check, registry, lang)
else:
    view = ui.pick_claim(view, view.select(check.results), check, lang)
    ui.claim_detail(by_id[view.claim], check, articles, registry, lang)
