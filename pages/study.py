"""Event study: abnormal returns around an event, for a few symbols and for every firm in the snapshot — the result,
the tables and tests, all firms ranked, or CAR by window (one at a time, `?view=` in the URL)."""

import streamlit as st

from market_impact.i18n import t
from market_impact.ui import study as ui
from market_impact.ui.loaders import cached_registry
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import provenance_badge, section_picker

lang = current_lang()
st.title(t("study.title", lang))
st.caption(t("study.intro", lang))

# -- 1. data and state: every symbol's returns, the dated events; the choices (URL → widgets → URL)
returns, prov = ui.cached_returns()
registry = cached_registry()
events = ui.day_events()
provenance_badge(prov, lang)
choice = ui.controls(returns, registry, events, lang)
if choice is None:
    st.stop()

# -- 2. work: one cached study over the chosen symbols and every firm in the snapshot
shown = ui.run(choice, registry, events, lang)
if shown is None:
    st.stop()

# -- 3. render: one part — the chosen symbol, the tables and tests, every firm ranked, or CAR by window
ui.SHOW[section_picker("study", ui.PARTS, lang)](shown, lang)
ui.formulas(lang)
