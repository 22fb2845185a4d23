"""Timeline: every dated event in the articles, by category or by article; click one to read its words. The other
part of the page (`?view=disagree`): where the articles disagree, side by side."""

from dataclasses import replace

import streamlit as st

from market_impact import charts
from market_impact.events import CATEGORIES
from market_impact.i18n import bad_param, format_date, t
from market_impact.timeline import LANES, PRESETS, TimelineView, event_quotes, lane_labels, timeline_rows
from market_impact.ui.loaders import event_key, memo_figure
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang, write_params
from market_impact.ui.timeline import cached_catalogue, disagreements_html, event_detail
from market_impact.ui.widgets import figure_downloads, section_picker

lang = current_lang()
st.title(t("timeline.title", lang))
st.caption(t("timeline.intro", lang))
_, disagreements, articles = cached_catalogue()
if section_picker("timeline", ("chart", "disagree"), lang) == "disagree":
    st.caption(t("timeline.disagree_intro", lang))
    st.html(disagreements_html(disagreements, articles, lang))
    st.stop()

# -- 1. state: the URL into a typed view (bad values → a note and the default), seeding the widgets once
events = all_events()  # the catalogue + the user's own (Your article page)
by_id = {e.id: e for e in events}
view = TimelineView.from_params(dict(st.query_params), list(articles), list(by_id))
for p in view.problems:
    st.info(bad_param(p.name, p.value, p.reason, lang), icon="ℹ️")
seed = {"tl_lanes": view.lanes, "tl_articles": list(view.articles), "tl_categories": list(view.categories),
        "tl_imp": view.importance, "tl_preset": view.preset, "tl_event": view.event}
for key, value in seed.items():
    st.session_state.setdefault(key, value)


def _on_click() -> None:
    state = st.session_state.get("tl_chart")
    points = state.selection.points if state else []
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    if ids:
        st.session_state["tl_event"] = ids[0]


c1, c2, c3 = st.columns([3, 3, 2])
lanes = c1.segmented_control(t("timeline.lanes", lang), LANES, key="tl_lanes",
                             format_func=lambda x: t(f"timeline.lanes.{x}", lang)) or "category"
imp = c2.selectbox(t("timeline.importance", lang), (1, 2, 3), key="tl_imp",
                  format_func=lambda n: t(f"timeline.importance.{n}", lang))
preset = c3.selectbox(t("timeline.preset", lang), list(PRESETS), key="tl_preset",
                      format_func=lambda p: t(f"timeline.preset.{p}", lang))
c4, c5, c6 = st.columns([3, 3, 2])
arts = c4.multiselect(t("timeline.filter_article", lang), list(articles), key="tl_articles", placeholder=t("timeline.all", lang),
                      format_func=lambda a: f"{a} · {articles[a].headline(lang)}")
cats = c5.multiselect(t("timeline.filter_category", lang), CATEGORIES, key="tl_categories", placeholder=t("timeline.all", lang),
                      format_func=lambda c: t(f"cat.{c}", lang))
start, end = PRESETS[preset] or (view.start, view.end)
if preset == "custom":
    picked = c6.date_input(t("timeline.custom_range", lang), value=(view.start, view.end), key="tl_range", format="YYYY-MM-DD")
    if isinstance(picked, tuple) and len(picked) == 2:
        start, end = picked
view = replace(view, lanes=lanes, articles=tuple(arts), categories=tuple(cats), importance=int(imp),
               preset=preset, start=start, end=end, event=st.session_state.get("tl_event") or "")

# -- 2./3. the library: which events, in which lanes
shown = view.select(events)
st.caption(t("timeline.count", lang, shown=len(shown), total=len(events)) + " " + t("timeline.click_hint", lang))
if not shown:
    st.info(t("timeline.none", lang))
else:
    def build():  # rows, lanes and the figure are made once per view (memo_figure), not on every rerun
        mine = sorted({a for e in shown for a in e.articles if a not in articles})
        labels = lane_labels(view.lanes, articles, lang, lambda c: t(f"cat.{c}", lang), t("timeline.lane_context", lang),
                             user_articles=mine, user_label=t("timeline.lane_user", lang))
        rows = timeline_rows(shown, view.lanes, articles, lang, fmt_day=lambda d: format_date(d, lang),
                             fmt_month=lambda d: format_date(d, lang).split(" ", 1)[1])
        fig = charts.timeline_figure(rows, labels, category_labels={c: t(f"cat.{c}", lang) for c in CATEGORIES},
                                     selected=view.event or None, x_range=(view.start, view.end))
        extent = (min(view.start, rows["start"].min().date()), max(view.end, rows["end"].max().date()))
        return charts.localise_date_ticks(fig, lang, view.start, view.end, extent=extent)

    fig = memo_figure(("timeline", lang, tuple(sorted(view.to_params().items(), key=str)), event_key(shown, lang)), build)
    st.plotly_chart(fig, key="tl_chart", on_select=_on_click, selection_mode="points",
                    config={"displaylogo": False, "scrollZoom": True})
    figure_downloads(fig, "timeline", lang)

ids = [e.id for e in shown] or [e.id for e in events]
if view.event and view.event not in ids:
    ids.append(view.event)
st.selectbox(t("timeline.pick_event", lang), ["", *ids], key="tl_event",
             format_func=lambda i: t("timeline.pick_none", lang) if not i else f"{by_id[i].date_text} · {by_id[i].title(lang)}")
view = replace(view, event=st.session_state.get("tl_event") or "")
write_params(**view.to_params())

# -- 4. render: the selected event
if view.event:
    event = by_id[view.event]
    if event not in shown:
        st.caption(t("timeline.hidden_selected", lang))
    event_detail(event, articles, lang, event_quotes(event, articles, lang))
