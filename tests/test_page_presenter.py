"""AppTest of the Presenter page: the slide in the URL, prev/next, the slider, both languages, bad links."""

from html import unescape

import pytest
from streamlit.testing.v1 import AppTest

from market_impact.deck import build_deck, select_events
from market_impact.events import load_events
from tests.plotly_util import spec_of


@pytest.fixture(scope="module")
def decks():
    events = load_events()
    return {lang: build_deck(events, lang=lang) for lang in ("en", "hi")}


def run(opened=(), **params):
    at = AppTest.from_file("../pages/presenter.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    for key in opened:  # an expander or download menu the presenter opened
        at.session_state[key] = True
    return at.run()


def slide_text(at) -> str:
    """The slide's own HTML (the first st.html; the CSS is injected after it)."""
    return unescape(" ".join(h.proto.body for h in at.get("html") if not h.proto.body.lstrip().startswith("<style")))


def shown_title(at) -> str:
    return slide_text(at).split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_opens_on_the_title_slide_by_default(decks):
    at = run()
    assert not at.exception and not at.error
    assert shown_title(at) == decks["en"].slides[0].title
    assert at.query_params["slide"] == "1"
    assert at.slider(key="deck_slide").value == 1 and at.slider(key="deck_slide").max == len(decks["en"])


def test_title_slide_shows_the_whole_story_chart():
    spec = spec_of(run().get("plotly_chart")[0])
    names = {tr.get("name") for tr in spec["data"]}
    assert {"Nvidia", "Nasdaq Composite", "S&P 500", "events"} <= names


def test_a_link_opens_its_slide_with_the_event_chart_highlighted(decks):
    n = decks["en"].number_of("nvidia-record-fall")
    at = run(slide=str(n))
    assert not at.exception and not at.error
    assert shown_title(at) == "Nvidia suffers the largest one-day loss of market value in history"
    assert f"{n} / {len(decks['en'])}" in slide_text(at)
    assert "Mon 27 Jan 2025" in slide_text(at)
    spec = spec_of(at.get("plotly_chart")[0])
    marks = next(tr for tr in spec["data"] if tr.get("name") == "events")
    assert "nvidia-record-fall" in marks["customdata"]
    assert spec["layout"]["font"]["size"] >= 20


def test_next_and_previous_buttons_step_and_write_the_url(decks):
    at = run(slide="4")
    at.button(key="deck_next").click().run()
    assert at.query_params["slide"] == "5" and shown_title(at) == decks["en"].slide(5).title
    at.button(key="deck_prev").click().run()
    at.button(key="deck_prev").click().run()
    assert at.query_params["slide"] == "3" and shown_title(at) == decks["en"].slide(3).title


def test_buttons_stop_at_the_ends(decks):
    total = len(decks["en"])
    assert run(slide="1").button(key="deck_prev").disabled
    last = run(slide=str(total))
    assert last.button(key="deck_next").disabled
    assert shown_title(last) == decks["en"].slides[-1].title


def test_slider_moves_to_any_slide(decks):
    at = run()
    at.slider(key="deck_slide").set_value(7).run()
    assert at.query_params["slide"] == "7" and shown_title(at) == decks["en"].slide(7).title


def test_a_new_slide_in_the_url_wins_over_the_remembered_one(decks):
    at = run(slide="3")
    at.query_params["slide"] = "8"
    at.run()
    assert shown_title(at) == decks["en"].slide(8).title


def test_hindi_slide_from_the_url(decks):
    n = decks["hi"].number_of("r1-release")
    at = run(slide=str(n), lang="hi")
    assert not at.exception and not at.error
    assert shown_title(at) == "डीपसीक ने आर1 रीज़निंग मॉडल जारी किया"
    assert "सोमवार, 20 जनवरी 2025" in slide_text(at) and "मंगलवार, 21 जनवरी 2025" in slide_text(at)
    assert at.button(key="deck_next").label == "अगला ▶"
    spec = spec_of(at.get("plotly_chart")[0])
    assert any("जनवरी" in str(x) for x in spec["layout"]["xaxis"]["ticktext"])


def test_hindi_buttons_step_too(decks):
    at = run(slide="2", lang="hi")
    at.button(key="deck_next").click().run()
    assert at.query_params["slide"] == "3" and at.query_params["lang"] == "hi"
    assert shown_title(at) == decks["hi"].slide(3).title


def test_switching_language_keeps_the_slide(decks):
    at = run(slide="6")
    at.button_group(key="deck_lang").set_value("hi").run()
    assert at.query_params["lang"] == "hi" and at.query_params["slide"] == "6"
    assert shown_title(at) == decks["hi"].slide(6).title


def test_summary_slide_shows_numbers_from_the_tape(decks):
    at = run(slide=str(len(decks["en"])))
    text = slide_text(at)
    assert "−16.97%" in text and "$142.62" in text and "$118.42" in text and "+8.93%" in text


@pytest.mark.parametrize("lang, word", [("en", "the deck has"), ("hi", "डेक में")])
def test_slide_beyond_the_deck_says_so_and_opens_slide_one(decks, lang, word):
    at = run(slide="999", lang=lang)
    assert not at.exception and not at.error
    assert any("999" in i.value and word in i.value for i in at.info)
    assert shown_title(at) == decks[lang].slides[0].title
    assert at.query_params["slide"] == "1"


@pytest.mark.parametrize("params", [{"slide": "abc"}, {"importance": "9"}, {"auto": "7"}, {"start": "2026-01-01", "end": "2025-01-01"}])
def test_other_bad_parameters_fall_back_with_a_note(params):
    at = run(**params)
    assert not at.exception and not at.error
    assert len(at.info) == 1


def test_importance_filter_from_the_url_changes_the_deck():
    events = load_events()
    at = run(importance="1")
    assert at.slider(key="deck_slide").max == len(select_events(events, 1)) + 2


def test_date_range_with_no_events_explains_itself():
    at = run(start="2025-06-01", end="2025-06-02")
    assert not at.exception
    assert len(at.info) == 1 and at.slider(key="deck_slide").max == 2


def test_auto_advance_is_off_by_default_and_read_from_the_url(decks):
    assert run().selectbox[0].value == 0
    at = run(auto="10", slide="2")
    assert at.selectbox[0].value == 10 and at.query_params["auto"] == "10"
    at.session_state["_deck_advance"] = True  # what the timer fragment sets before it reruns the app
    at.run()
    assert at.query_params["slide"] == "3" and shown_title(at) == decks["en"].slide(3).title


def test_event_slides_offer_the_story_and_chart_downloads():
    assert not run(slide="3").get("download_button")  # the exports box is closed
    assert [b.key for b in run(opened=["deck_exports"], slide="3").get("download_button")] == ["dl_story_html"]
    at = run(opened=["deck_exports", "dlmenu_slide-3-en"], slide="3")
    keys = [b.key for b in at.get("download_button")]
    assert keys == ["dl_story_html", "dl_slide-3-en_html", "dl_slide-3-en_png", "dl_slide-3-en_svg", "dl_slide-3-en_csv"]


def test_settings_run_only_when_open_and_change_the_deck_through_the_url(decks):
    at = run(importance="1")
    assert not at.select_slider and not at.date_input  # closed: the URL's values apply
    assert at.slider(key="deck_slide").max == len(build_deck(load_events(), importance=1))
    at = run(opened=["deck_settings"], importance="1")
    assert at.select_slider[0].value == 1
    at.select_slider[0].set_value(3).run()
    assert at.query_params["importance"] in ("3", ["3"])
    assert at.slider(key="deck_slide").max == len(build_deck(load_events(), importance=3))


def test_router_lists_the_presenter_in_the_story_section():
    at = AppTest.from_file("../app.py", default_timeout=60).run()
    assert not at.exception
    at.switch_page("pages/presenter.py").run()
    assert not at.exception and not at.error
    assert "<h1>" in slide_text(at)
