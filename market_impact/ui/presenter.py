"""Streamlit side of the Presenter page: the slide look (scoped CSS), slide HTML, slide-number state and
auto-advance. The deck itself is built by `market_impact.deck` (pure)."""

from __future__ import annotations

import time
from html import escape

import streamlit as st

from market_impact import charts
from market_impact.charts import CATEGORY_COLOURS
from market_impact.deck import Deck, EventSlide, Slide, SlideChart, SummarySlide, TitleSlide, build_deck, slide_figure
from market_impact.errors import MarketImpactError
from market_impact.i18n import LANGS, t
from market_impact.ui.loaders import cached_prices, cached_registry, event_key, memo_figure, provenance_key, shared
from market_impact.views import PRESETS

SLIDE_KEY = "deck_slide"  # the slider's session key: the one source of the slide number
_URL_SEEN = "_deck_url_slide"  # the slide number last read from / written to the URL
_TICK = "_deck_tick"  # when the slide on show appeared (auto-advance counts from here)
_SHOWN = "_deck_shown"

# Only on this page: the <style> element lives as long as the page does, so other pages keep their look.
CSS = """
<style>
/* Chrome out of the way, but keep the button that brings the sidebar (and the way out) back. */
[data-testid="stDecoration"], [data-testid="stToolbarActions"], [data-testid="stMainMenu"] { display: none !important; }
[data-testid="stHeader"] { background: transparent; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
[data-testid="stMain"] { background: #ffffff; color: #0b0b0b; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p, [data-testid="stMain"] button p,
[data-testid="stMain"] [data-baseweb="select"] div, [data-testid="stMain"] [data-testid="stExpander"] summary p,
[data-testid="stMain"] [data-testid="stAlert"] p { font-size: 20px !important; }
.ds-slide { font-family: 'Source Sans', 'Noto Sans', 'Lohit Devanagari', sans-serif; color: #0b0b0b; font-size: 22px; }
.ds-slide[lang="hi"], .ds-slide [lang="hi"] { font-family: 'Lohit Devanagari', 'Noto Sans Devanagari', 'Source Sans', sans-serif; }
.ds-kicker { font-size: 22px; font-weight: 700; color: #1a1a1a; border-left: 10px solid var(--ds-accent, #111);
             padding-left: 12px; margin-bottom: 10px; }
.ds-slide h1 { font-size: 52px; line-height: 1.25; font-weight: 800; margin: 0 0 16px 0; padding: 0; color: #000; }
.ds-title-slide h1 { font-size: 72px; margin-top: 1vh; }
.ds-slide p.ds-sub { font-size: 32px; line-height: 1.45; max-width: 55ch; }
.ds-slide p.ds-scope { font-size: 28px; font-weight: 700; margin-top: 24px; }
.ds-slide .ds-hint, .ds-slide .ds-footer, .ds-slide .ds-source, .ds-slide .ds-note { font-size: 20px; color: #222; }
.ds-when { font-size: 30px; font-weight: 700; margin: 4px 0 6px 0; }
.ds-session { font-size: 22px; margin-bottom: 18px; }
.ds-quote { font-size: 30px; line-height: 1.6; margin: 8px 0; padding: 10px 18px; background: #f4f4f4;
            border-left: 10px solid var(--ds-accent, #111); color: #000; }
.ds-badge { display: inline-block; font-size: 20px; padding: 2px 10px; border: 2px solid #111; border-radius: 6px; margin-bottom: 8px; }
.ds-points { padding-left: 1.2em; }
.ds-slide .ds-points li { font-size: 34px; line-height: 1.45; margin-bottom: 14px; }
.ds-slide a { color: #0645ad; }
/* Lohit Devanagari has no bold face and Chromium's synthetic bold breaks marks such as "ैं": thicken by stroke. */
.ds-slide[lang="hi"] h1, .ds-slide[lang="hi"] .ds-kicker, .ds-slide[lang="hi"] .ds-when, .ds-slide[lang="hi"] .ds-scope {
  font-weight: 400; -webkit-text-stroke: 0.04em currentColor; }
</style>
"""


def inject_css() -> None:
    st.html(CSS)


def _kicker(accent: str, text: str) -> str:
    return f'<div class="ds-kicker" style="--ds-accent:{accent}">{escape(text)}</div>'


def slide_html(slide: Slide, number: int, total: int, lang: str) -> str:
    """The slide's text as HTML (every catalogue string escaped); the chart is drawn separately."""
    counter = t("presenter.counter", lang, n=number, total=total)
    if isinstance(slide, TitleSlide):
        return (f'<div class="ds-slide ds-title-slide" lang="{lang}">{_kicker("#76b900", counter)}'
                f"<h1>{escape(slide.title)}</h1><p class=\"ds-sub\">{escape(slide.subtitle)}</p>"
                f'<p class="ds-scope">{escape(slide.scope)}</p><p class="ds-hint">{escape(slide.hint)}</p></div>')
    if isinstance(slide, SummarySlide):
        items = "".join(f"<li>{escape(p)}</li>" for p in slide.points)
        return (f'<div class="ds-slide" lang="{lang}">{_kicker("#d62728", counter)}'
                f'<h1>{escape(slide.title)}</h1><ul class="ds-points">{items}</ul>'
                f'<p class="ds-footer">{escape(slide.footer)}</p></div>')
    accent = CATEGORY_COLOURS.get(slide.category, "#111")
    kicker = t("presenter.kicker_event", lang, n=number, total=total, category=slide.category_label)
    return (f'<div class="ds-slide" lang="{lang}" style="--ds-accent:{accent}">{_kicker(accent, kicker)}'
            f"<h1>{escape(slide.title)}</h1></div>")


def event_details_html(slide: EventSlide, lang: str) -> str:
    """Date, session, the quote (or the outside source), the note — the left column of an event slide."""
    accent = CATEGORY_COLOURS.get(slide.category, "#111")
    parts = [f'<div class="ds-when">{escape(slide.date_label)}</div>']
    if slide.session_label:
        parts.append(f'<div class="ds-session">{escape(slide.session_label)}</div>')
    if slide.quote is not None:
        parts.append(f'<blockquote class="ds-quote" lang="hi">“{escape(slide.quote.text)}”</blockquote>'
                     f'<div class="ds-source">{escape(t("presenter.quote_from", lang, source=slide.quote.label))}</div>')
    if slide.outside:
        parts.append(f'<div class="ds-badge">{escape(t("presenter.context", lang))}</div>'
                     f'<div class="ds-source">{escape(t("presenter.outside", lang))}:</div>')
        parts += [f'<div class="ds-source"><a href="{escape(o.url, quote=True)}" target="_blank">{escape(o.outlet)} — {escape(o.title)}</a></div>'
                  for o in slide.outside]
    if slide.note:
        parts.append(f'<p class="ds-note">{escape(slide.note)}</p>')
    if slide.chart is None and slide.no_chart_reason:
        parts.append(f'<p class="ds-note"><i>{escape(slide.no_chart_reason)}</i></p>')
    return f'<div class="ds-slide" lang="{lang}" style="--ds-accent:{accent}">{"".join(parts)}</div>'


def slide_chart(container, chart: SlideChart | None, marked: list, registry, lang: str, height: int = 480):
    """Load the slide chart's prices (cached) and draw it in `container` with the slide's fonts; the figure, or
    None when the slide has no chart (a note says why prices are missing)."""
    if chart is None:
        return None
    try:
        frame = cached_prices(chart.symbols, chart.start.isoformat(), chart.end.isoformat())
    except MarketImpactError as exc:
        container.info(str(exc))
        return None
    names = {s: registry[s].name(lang) for s in chart.symbols if s in registry}
    key = ("slide", lang, chart, height, event_key(marked, lang), provenance_key(frame.provenance))
    fig = memo_figure(key, lambda: slide_figure(chart, frame.data, charts.events_overlay(marked, lang), names, lang, height=height))
    container.plotly_chart(fig, key="deck_chart", theme=None, config={"displayModeBar": False})  # theme=None: our big fonts
    return fig


# ---------------------------------------------------------------- the deck, built once per choice

def deck_key(events, lang: str) -> tuple:
    """What of the events a deck shows: ids, dates, titles, importance, category, notes and quotes."""
    return tuple((e.id, e.date_text, e.title(lang), e.importance, e.category, e.note(lang),
                  tuple(s.quote for s in e.article_sources)) for e in events)


@shared(maxsize=32)
def _deck(lang: str, importance: int, start, end, events_sig: tuple, prov_sig: tuple | None, *, _events, _headline,
          _provenance, _articles) -> Deck:
    registry = cached_registry()
    return build_deck(
        _events, lang=lang, importance=importance, start=start, end=end, headline=_headline, provenance=_provenance,
        article_names={k: a.headline(lang) for k, a in _articles.items()}, price_span=PRESETS["all"],
        known_symbols=set(registry.keys()), exchanges={s: tk.exchange for s, tk in registry.items()},
    )


def cached_deck(events, lang: str, importance: int, start, end, headline, provenance, articles) -> Deck:
    """`deck.build_deck` for these choices, made once and shared (decks are never changed)."""
    prov_sig = provenance_key(provenance) if provenance is not None else None
    return _deck(lang, importance, start, end, deck_key(events, lang), prov_sig, _events=events, _headline=headline,
                 _provenance=provenance, _articles=articles)


# ---------------------------------------------------------------- slide number state

def current_slide(url_slide: int, total: int) -> int:
    """The slide to show. A slide number arriving in the URL (a shared link, the address bar) wins over the
    slider's remembered value; otherwise the slider (moved by buttons or drag) is the truth."""
    if st.session_state.get(_URL_SEEN) != url_slide or SLIDE_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = url_slide
        st.session_state[_URL_SEEN] = url_slide
    if st.session_state.pop("_deck_advance", False):
        st.session_state[SLIDE_KEY] = st.session_state[SLIDE_KEY] + 1
    st.session_state[SLIDE_KEY] = min(max(int(st.session_state[SLIDE_KEY]), 1), total)
    return st.session_state[SLIDE_KEY]


def remember_url_slide(number: int) -> None:
    st.session_state[_URL_SEEN] = number
    if st.session_state.get(_SHOWN) != number:
        st.session_state[_SHOWN] = number
        st.session_state[_TICK] = time.monotonic()


def step(delta: int, total: int) -> None:
    """Button callback: runs before the script, so the slider can still be moved."""
    st.session_state[SLIDE_KEY] = min(max(int(st.session_state.get(SLIDE_KEY, 1)) + delta, 1), total)


def switch_language(key: str) -> None:
    """Callback of the page's language control: keep the sidebar toggle and the URL in step."""
    lang = st.session_state.get(key)
    if lang in LANGS:
        st.session_state["_lang"] = lang
        st.session_state["lang_toggle"] = lang
        st.query_params["lang"] = lang


def auto_advance(seconds: int, number: int, total: int) -> None:
    """Every `seconds`, move to the next slide (stops on the last one). Off when `seconds` is 0."""
    if not seconds or number >= total:
        return

    @st.fragment(run_every=seconds)
    def _tick() -> None:
        shown_for = time.monotonic() - st.session_state.get(_TICK, time.monotonic())
        if shown_for >= seconds - 0.25:  # the fragment's first run is in the full run: too early, skip it
            st.session_state["_deck_advance"] = True
            st.rerun(scope="app")

    _tick()
