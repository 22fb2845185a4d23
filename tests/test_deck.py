"""The presenter's deck: which events get slides, what each slide says, the summary from the tape, URL state."""

from datetime import date

import pandas as pd
import pytest

from market_impact import charts
from market_impact.deck import (
    EventSlide,
    SummarySlide,
    TitleSlide,
    build_deck,
    chart_for,
    select_events,
    slide_figure,
)
from market_impact.events import load_events
from market_impact.fundamentals import shares_outstanding
from market_impact.prices import load_prices
from market_impact.story import STORY_SYMBOLS, headline
from market_impact.views import PresenterView

SNAPSHOT_SPAN = (date(2024, 1, 2), date(2025, 6, 30))


@pytest.fixture(scope="module")
def events():
    return load_events()


@pytest.fixture(scope="module")
def numbers():
    frame = load_prices(list(STORY_SYMBOLS), "2024-12-01", "2025-02-28", mode="snapshot")
    return headline(frame.data, shares_outstanding("NVDA")), frame.provenance


def test_deck_is_title_then_one_slide_per_selected_event_then_summary(events):
    deck = build_deck(events, lang="en", importance=2)
    chosen = select_events(events, 2)
    assert isinstance(deck.slides[0], TitleSlide) and isinstance(deck.slides[-1], SummarySlide)
    assert [s.event_id for s in deck.slides[1:-1]] == [e.id for e in chosen]
    assert len(deck) == len(chosen) + 2
    assert all(e.importance <= 2 for e in chosen)
    assert "r1-release" in deck.event_ids and "bernstein-note" not in deck.event_ids  # importance 3 left out


def test_importance_one_keeps_only_the_key_events(events):
    deck = build_deck(events, lang="en", importance=1)
    assert set(deck.event_ids) == {e.id for e in events if e.importance == 1}


def test_date_range_filters_events_and_slides_run_oldest_first(events):
    deck = build_deck(events, importance=3, start=date(2025, 1, 27), end=date(2025, 1, 27))
    assert deck.event_ids and all(e.date == date(2025, 1, 27) for e in events if e.id in deck.event_ids)
    dates = [e.date for e in select_events(events, 3)]
    assert dates == sorted(dates)


def test_empty_selection_still_has_title_and_summary(events):
    deck = build_deck(events, start=date(2025, 6, 1), end=date(2025, 6, 2))
    assert len(deck) == 2 and deck.event_ids == ()
    assert "0 events" in deck.slides[0].scope


def test_slide_numbers_count_from_one_and_out_of_range_raises(events):
    deck = build_deck(events)
    assert deck.slide(1) is deck.slides[0]
    assert deck.number_of("r1-release") == deck.event_ids.index("r1-release") + 2
    assert deck.number_of("no-such-event") is None
    with pytest.raises(ValueError, match="slides"):
        deck.slide(len(deck) + 1)
    with pytest.raises(ValueError):
        deck.slide(0)


def test_r1_slide_says_holiday_date_and_next_session_with_its_quote(events):
    deck = build_deck(events, lang="en")
    r1 = deck.slide(deck.number_of("r1-release"))
    assert isinstance(r1, EventSlide)
    assert r1.title == "DeepSeek releases the R1 reasoning model"
    assert r1.date_label == "Mon 20 Jan 2025"
    assert "Tue 21 Jan 2025" in r1.session_label
    ev = next(e for e in events if e.id == "r1-release")
    assert r1.quote is not None and r1.quote.text == ev.article_sources[0].quote and r1.quote.article == ev.article_sources[0].article


def test_slides_in_hindi_use_hindi_titles_and_dates(events):
    deck = build_deck(events, lang="hi")
    r1 = deck.slide(deck.number_of("r1-release"))
    ev = next(e for e in events if e.id == "r1-release")
    assert r1.title == ev.title_hi
    assert r1.date_label == "सोमवार, 20 जनवरी 2025"
    assert "मंगलवार, 21 जनवरी 2025" in r1.session_label
    assert deck.slides[0].title == "डीपसीक का झटका"


def test_context_event_shows_its_outside_source_not_a_quote(events):
    deck = build_deck(events, lang="en")
    stargate = deck.slide(deck.number_of("stargate-announced"))
    assert stargate.quote is None
    assert stargate.outside and stargate.outside[0].url.startswith("https://")


def test_day_event_chart_is_the_window_around_its_session_rebased_before_it(events):
    ev = next(e for e in events if e.id == "nvidia-record-fall")
    chart, reason = chart_for(ev, "en", SNAPSHOT_SPAN)
    assert reason is None
    assert chart.highlight == "nvidia-record-fall" and chart.shade is None
    assert chart.base == date(2025, 1, 24)  # the session before Mon 27 Jan
    assert chart.start < date(2025, 1, 27) < chart.end
    assert chart.symbols[:1] == ("NVDA",) and "^IXIC" in chart.symbols


def test_hong_kong_event_charts_its_own_tickers_beside_the_baseline(events):
    ev = next(e for e in events if e.id == "hang-seng-opens-higher")
    chart, _ = chart_for(ev, "en", SNAPSHOT_SPAN, known_symbols={"^HSI", "0700.HK", "NVDA", "^IXIC"})
    assert chart.symbols == ("^HSI", "0700.HK", "NVDA", "^IXIC")


def test_month_event_is_shaded_and_year_event_has_no_chart(events):
    month = next(e for e in events if e.id == "v3-paper")
    chart, _ = chart_for(month, "en", SNAPSHOT_SPAN)
    assert chart.highlight is None and chart.shade == (date(2024, 12, 2), date(2024, 12, 31))
    year = next(e for e in events if e.granularity == "year")
    chart, reason = chart_for(year, "en", SNAPSHOT_SPAN)
    assert chart is None and "year" in reason


def test_event_before_the_price_data_gets_no_chart_with_a_reason(events):
    ev = next(e for e in events if e.id == "v3-release")
    chart, reason = chart_for(ev, "en", (date(2025, 1, 1), date(2025, 6, 30)))
    assert chart is None and reason


def test_summary_numbers_come_from_the_tape(events, numbers):
    h, prov = numbers
    summary = build_deck(events, lang="en", headline=h, provenance=prov).slides[-1]
    text = " ".join(summary.points)
    assert "−16.97%" in text and "$142.62" in text and "$118.42" in text  # NVDA 24 → 27 Jan 2025 quoted closes
    assert "Nasdaq Composite −3.07%" in text
    assert "+8.93%" in text  # the rebound on 28 Jan
    assert "snapshot" in summary.footer.lower()


def test_summary_in_hindi_and_without_prices(events, numbers):
    h, prov = numbers
    hi = build_deck(events, lang="hi", headline=h, provenance=prov).slides[-1]
    assert "एनवीडिया −16.97%" in hi.points[0]
    missing = build_deck(events, lang="en", headline=None).slides[-1]
    assert len(missing.points) == 1 and "could not be loaded" in missing.points[0]


def test_slide_figure_highlights_the_event_alone_on_its_session_with_big_fonts(events):
    deck = build_deck(events, lang="en", importance=3)
    slide = deck.slide(deck.number_of("nvidia-record-fall"))
    frame = load_prices(list(slide.chart.symbols), slide.chart.start, slide.chart.end, mode="snapshot")
    overlay = charts.events_overlay([e for e in events if e.id in deck.event_ids], "en")
    fig = slide_figure(slide.chart, frame.data, overlay, {"NVDA": "Nvidia"}, "en")
    assert fig.layout.font.size >= 20
    assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin  # big tick labels push the tight margins out, not off
    marks = next(tr for tr in fig.data if tr.name == "events")
    ids = list(marks.customdata)
    assert "nvidia-record-fall" in ids
    assert list(marks.x).count("2025-01-27") == 1  # the other 27 Jan events do not cover it
    i = ids.index("nvidia-record-fall")
    assert marks.marker.size[i] == max(marks.marker.size)
    assert marks.marker.line.color[i] == "#000"
    lines = {tr.name: tr for tr in fig.data if tr.mode == "lines"}
    nvda = dict(zip(lines["Nvidia"].x, lines["Nvidia"].y, strict=True))
    assert nvda["2025-01-24"] == pytest.approx(100.0)


def test_slide_figure_in_hindi_has_hindi_tick_labels(events):
    deck = build_deck(events, lang="hi")
    slide = deck.slide(deck.number_of("r1-release"))
    frame = load_prices(list(slide.chart.symbols), slide.chart.start, slide.chart.end, mode="snapshot")
    fig = slide_figure(slide.chart, frame.data, None, None, "hi")
    assert any("जनवरी" in str(x) for x in fig.layout.xaxis.ticktext)


# ---------------------------------------------------------------- URL state

def test_presenter_view_reads_slide_and_filters():
    v = PresenterView.from_params({"slide": "5", "importance": "1", "start": "2025-01-01", "end": "2025-02-01", "auto": "10"})
    assert (v.slide, v.importance, v.start, v.end, v.auto, v.problems) == (5, 1, date(2025, 1, 1), date(2025, 2, 1), 10, ())


@pytest.mark.parametrize("params, name", [({"slide": "zero"}, "slide"), ({"slide": "0"}, "slide"), ({"importance": "7"}, "importance"),
                                          ({"auto": "7"}, "auto"), ({"start": "2025-05-01", "end": "2025-01-01"}, "start")])
def test_presenter_view_bad_values_fall_back_with_a_problem(params, name):
    v = PresenterView.from_params(params)
    assert [p.name for p in v.problems] == [name]
    assert v == PresenterView()


def test_slide_beyond_the_deck_goes_back_to_one_with_a_problem():
    v = PresenterView.from_params({"slide": "999"}).with_slide_count(18)
    assert v.slide == 1 and v.problems[0].name == "slide" and "18" in v.problems[0].reason
    assert PresenterView(slide=18).with_slide_count(18).problems == ()


def test_presenter_link_always_carries_the_slide_and_only_changed_filters():
    assert PresenterView().to_params() == {"slide": "1", "importance": None, "start": None, "end": None, "auto": None}
    assert PresenterView(slide=3, auto=5).to_params()["auto"] == "5"


def test_deck_texts_never_contain_raw_keys(events, numbers):
    h, prov = numbers
    for lang in ("en", "hi"):
        deck = build_deck(events, lang=lang, headline=h, provenance=prov, price_span=SNAPSHOT_SPAN)
        for s in deck.slides:
            for value in vars(s).values():
                assert not (isinstance(value, str) and value.startswith(("presenter.", "prov.", "cat."))), value
        assert not any(isinstance(x, pd.Timestamp) for s in deck.slides for x in vars(s).values())


def test_title_slide_charts_the_deck_range_rebased_before_r1(events):
    title = build_deck(events, price_span=SNAPSHOT_SPAN).slides[0]
    assert title.chart.symbols == ("NVDA", "^IXIC", "^GSPC", "SMH")
    assert title.chart.base == date(2025, 1, 17) and title.chart.start == date(2024, 12, 2) and title.chart.end == date(2025, 3, 31)
    later = build_deck(events, start=date(2025, 2, 1), end=date(2025, 3, 31), price_span=SNAPSHOT_SPAN).slides[0]
    assert later.chart.base == date(2025, 2, 3)  # R1's base is outside: the range's first session
    assert build_deck(events, start=date(2021, 1, 1), end=date(2021, 6, 1), price_span=SNAPSHOT_SPAN).slides[0].chart is None
