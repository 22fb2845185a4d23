"""Timeline: every dated event in the articles, by category or by article; click one to read its words. The other
part of the page (`?view=disagree`): where the articles disagree, side by side."""

import streamlit as st

from market_impact.i18n import bad_param, t
from market_impact.timeline import TimelineView, event_quotes
from market_impact.ui import timeline as ui
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang
from market_impact.ui.widgets import section_picker

lang = current_lang()
st.title(t("timeline.title", lang))
st.caption(t("timeline.intro", lang))
_, disagreements, articles = ui.cached_catalogue()
if section_picker("timeline", ("chart", "disagree"), lang) == "disagree":
    st.caption(t("timeline.disagree_intro", lang))
    st.html(ui.disagreements_html(disagreements, articles, lang))
    st.stop()

# -- 1. state: the URL into a typed view (bad values → a note and the default), then the widgets
events = all_events()  # the catalogue + the user's own (Your article page)
view = TimelineView.from_params(dict(st.query_params), list(articles), [e.id for e in events])
for p in view.problems:
    st.info(bad_param(p.name, p.value, p.reason, lang), icon="ℹ️")
view = ui.controls(view, articles, lang)

# -- 2./3. the library: which events, in which lanes
shown = view.select(events)
st.caption(t("timeline.count", lang, shown=len(shown), total=len(events)) + " " + t("timeline.click_hint", lang))
if shown:
    ui.show_chart(view, shown, articles, lang)
else:
    st.info(t("timeline.none", lang))
view = ui.pick_event(view, shown, events, lang)

# -- 4. render: the selected event
if view.event:
    event = next(e for e in events if e.id == view.event)
    if event not in shown:
        st.caption(t("timeline.hidden_selected", lang))
    ui.event_detail(event, articles, lang, event_quotes(event, articles, lang))
