"""Presenter in Chromium: slides by URL and by button (and ←/→), in English and Hindi — big type, charts drawn,
Devanagari rendered with a real font, the sidebar out of the way. Screenshots go to the artifacts dir."""

import re

import pytest

from market_impact.deck import EventSlide, build_deck
from market_impact.events import load_events
from tests.browser_util import wait_for_charts, wait_for_run

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1920, "height": 1080}  # a shared screen


@pytest.fixture(scope="module")
def decks():
    events = load_events()
    return {lang: build_deck(events, lang=lang) for lang in ("en", "hi")}


def open_slide(page, base: str, n: int, lang: str) -> None:
    page.set_viewport_size(VIEWPORT)
    page.goto(f"{base}/presenter?slide={n}&lang={lang}")
    wait_for_run(page)
    page.wait_for_selector(".ds-slide h1", timeout=90_000)


def wait_for_title(page, title: str) -> None:
    page.wait_for_function("(t) => { const h = document.querySelector('.ds-slide h1'); return h && h.innerText.trim() === t; }",
                           arg=title, timeout=30_000)
    wait_for_run(page)


def smallest_slide_font(page) -> float:
    """The smallest computed font size (px) of any text inside the slide blocks."""
    return page.evaluate("""() => Math.min(...[...document.querySelectorAll('.ds-slide, .ds-slide *')]
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(e => parseFloat(getComputedStyle(e).fontSize)))""")


def chart_font(page) -> float:
    """The font size of the slide chart's axis tick labels (px)."""
    return page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector("[data-testid='stPlotlyChart'] .xtick text")).fontSize)""")


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_slides_open_by_url_with_big_type_and_drawn_charts(app_server, page, artifacts, decks, lang):
    deck = decks[lang]
    picks = [1, deck.number_of("r1-release"), deck.number_of("v3-paper"), deck.number_of("nvidia-record-fall"), len(deck)]
    for n in picks:
        slide = deck.slide(n)
        open_slide(page, app_server, n, lang)
        wait_for_title(page, slide.title)
        assert page.locator("[data-testid='stException']").count() == 0
        assert re.search(rf"[?&]slide={n}\b", page.url)
        assert smallest_slide_font(page) >= 20
        assert float(page.locator(".ds-slide h1").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 48
        if isinstance(slide, EventSlide) and slide.chart is not None:
            assert wait_for_charts(page) == 1
            assert page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace path.js-line").count() >= 2
            assert chart_font(page) >= 20
        if lang == "hi":
            assert page.evaluate("(t) => document.fonts.check('52px \"Lohit Devanagari\"', t)", slide.title)
            assert any("\u0900" <= ch <= "\u097f" for ch in page.locator(".ds-slide h1").inner_text())
        page.screenshot(path=str(artifacts / f"presenter-{lang}-slide{n:02d}.png"))


@pytest.mark.parametrize("lang", ["en", "hi"])
def test_next_previous_and_arrow_keys_step_through_the_deck(app_server, page, artifacts, decks, lang):
    deck = decks[lang]
    open_slide(page, app_server, 1, lang)
    wait_for_title(page, deck.slide(1).title)
    for n in (2, 3, 4):
        page.locator(".st-key-deck_next button").click()
        wait_for_title(page, deck.slide(n).title)
        page.wait_for_url(re.compile(rf"[?&]slide={n}\b"), timeout=30_000)
    page.locator(".st-key-deck_prev button").click()
    wait_for_title(page, deck.slide(3).title)
    page.locator(".ds-slide h1").click()  # focus the page, not a widget, so the arrow is the button's shortcut
    page.keyboard.press("ArrowRight")
    wait_for_title(page, deck.slide(4).title)
    assert f"lang={lang}" in page.url or lang == "en"
    assert wait_for_charts(page) == 1
    page.screenshot(path=str(artifacts / f"presenter-{lang}-stepped.png"))


def test_sidebar_starts_collapsed_and_the_page_switches_language_in_place(app_server, page, decks):
    n = decks["en"].number_of("nvidia-record-fall")
    open_slide(page, app_server, n, "en")
    wait_for_title(page, decks["en"].slide(n).title)
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.get_attribute("data-collapsed") == "true"
    assert sidebar.evaluate("e => e.getBoundingClientRect().right") <= 0  # off screen, not over the slide
    assert page.locator("[data-testid='stExpandSidebarButton']").is_visible()  # …and the way back to the other pages
    page.locator(".st-key-deck_lang").get_by_text("हिन्दी").click()
    wait_for_title(page, decks["hi"].slide(n).title)
    assert "lang=hi" in page.url and f"slide={n}" in page.url
