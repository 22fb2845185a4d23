"""Presenter: the story as a deck for screen sharing — a slide per event, big type, the slide number in the URL."""

from dataclasses import replace
from datetime import date

import streamlit as st

from market_impact import deck, export
from market_impact.errors import MarketImpactError
from market_impact.i18n import LANGS, bad_param, t
from market_impact.story import STORY_SYMBOLS
from market_impact.ui import presenter as ui
from market_impact.ui.loaders import cached_headline, cached_prices, cached_registry
from market_impact.ui.session import all_events
from market_impact.ui.state import current_lang, write_params
from market_impact.ui.timeline import cached_catalogue
from market_impact.ui.widgets import figure_downloads
from market_impact.views import AUTO_CHOICES, PRESETS, PresenterView

# Streamlit ≥ 1.46 merges repeated set_page_config calls: only the sidebar changes, app.py's title/layout stay.
st.set_page_config(initial_sidebar_state="collapsed")
lang = current_lang()

# ---- 1. state (the URL) ----
view = PresenterView.from_params(st.query_params.to_dict())

# ---- 2. data ----
registry, events, articles = cached_registry(), all_events(), cached_catalogue()[2]  # + the user's own events
span = (PRESETS["decfeb"][0].isoformat(), PRESETS["decfeb"][1].isoformat())
try:
    story = cached_prices(STORY_SYMBOLS, *span)
    numbers, provenance = cached_headline(STORY_SYMBOLS, *span), story.provenance
except MarketImpactError:
    numbers, provenance = None, None  # the summary slide says the numbers are missing

# ---- 3. the deck (library; built once per choice) ----
the_deck = ui.cached_deck(events, lang, view.importance, view.start, view.end, numbers, provenance, articles)
total = len(the_deck)
view = view.with_slide_count(total)
for p in view.problems:
    reason = t("presenter.bad_slide", lang, n=total) if p.name == "slide" else p.reason
    st.info(bad_param(p.name, p.value, reason, lang), icon="ℹ️")
number = ui.current_slide(view.slide, total)
slide = the_deck.slide(number)

# ---- 4. render: the slide, then the controls under it ----
ui.inject_css()
st.html(ui.slide_html(slide, number, total, lang))
fig = None
shown_events = [e for e in events if e.id in the_deck.event_ids]
if isinstance(slide, deck.EventSlide):
    left, right = st.columns([2, 3], gap="large")
    left.html(ui.event_details_html(slide, lang))
    fig = ui.slide_chart(right, slide.chart, shown_events, registry, lang)
elif isinstance(slide, deck.TitleSlide):
    if not the_deck.event_ids:
        st.info(t("presenter.no_events", lang))
    fig = ui.slide_chart(st.container(), slide.chart, [e for e in shown_events if e.importance == 1], registry, lang, height=440)

st.divider()
c = st.columns([1.3, 5, 1.3, 1.6, 1.8], vertical_alignment="bottom")
c[0].button(t("presenter.prev", lang), key="deck_prev", on_click=ui.step, args=(-1, total), disabled=number <= 1,
            shortcut="Left", width="stretch")
if total > 1:
    c[1].slider(t("presenter.slider", lang), 1, total, key=ui.SLIDE_KEY)
c[2].button(t("presenter.next", lang), key="deck_next", on_click=ui.step, args=(1, total), disabled=number >= total,
            shortcut="Right", width="stretch")
auto = c[3].selectbox(t("presenter.auto", lang), AUTO_CHOICES, index=AUTO_CHOICES.index(view.auto),
                      format_func=lambda s: t("presenter.auto_seconds", lang, n=s) if s else t("presenter.auto_off", lang))
st.session_state["deck_lang"] = lang
c[4].segmented_control(t("presenter.language", lang), LANGS, key="deck_lang", on_change=ui.switch_language, args=("deck_lang",),
                       format_func=lambda x: {"en": "English", "hi": "हिन्दी"}[x])
importance, start, end = view.importance, view.start, view.end
settings = st.expander(t("presenter.settings", lang), key="deck_settings", on_change="rerun")  # widgets only when open
if settings.open:
    with settings:
        importance = st.select_slider(t("presenter.importance", lang), [1, 2, 3], value=view.importance,
                                      format_func=lambda i: t(f"prices.importance.{i}", lang))
        rng = st.date_input(t("presenter.range", lang), (view.start, view.end), min_value=date(1980, 1, 1), max_value=date(2025, 12, 31))
        start, end = rng if isinstance(rng, tuple) and len(rng) == 2 else (view.start, view.end)

exports = st.expander(t("presenter.exports", lang), key="deck_exports", on_change="rerun")
if exports.open:
    with exports:
        if provenance is not None:
            inputs = export.StoryInputs(story.data, provenance, events, {s: registry[s].name(lang) for s in story.symbols if s in registry},
                                        articles)
            st.download_button(t("presenter.export_story", lang), lambda: export.story_html(inputs, lang), f"deepseek-shock-{lang}.html",
                               "text/html", key="dl_story_html", on_click="ignore", icon=":material/download:",
                               help=t("downloads.html_help", lang))
        if fig is not None:
            st.caption(t("presenter.export_slide", lang))
            figure_downloads(fig, f"slide-{number}-{lang}", lang)

write_params(**replace(view, slide=number, importance=importance, start=start, end=end, auto=auto).to_params())
ui.remember_url_slide(number)
if (importance, start, end) != (view.importance, view.start, view.end):
    st.rerun()  # the deck above was built from the old settings: build it again from the URL just written
ui.auto_advance(auto, number, total)
