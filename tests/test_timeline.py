"""The Timeline's pure parts: URL state, the rows it draws, the figure, quotes in paragraphs, article runs."""

from __future__ import annotations

from datetime import date

from market_impact import charts
from market_impact.articles import article_text, load_articles
from market_impact.events import get_event, load_events
from market_impact.extraction import extract_article
from market_impact.timeline import (
    CONTEXT_LANE,
    PRESETS,
    TimelineView,
    event_quotes,
    lane_labels,
    mention_events,
    paragraph_runs,
    price_link_params,
    quote_in_paragraph,
    timeline_rows,
)

ARTICLES = ["a000", "a001", "a002", "a003", "a004"]


def ids():
    return [e.id for e in load_events()]


def test_view_from_good_params_round_trips():
    params = {"lanes": "article", "articles": "a001,a004", "categories": "market-move,people-funding", "importance": "2",
              "preset": "custom", "start": "2025-01-01", "end": "2025-02-01", "event": "r1-release"}
    v = TimelineView.from_params(params, ARTICLES, ids())
    assert not v.problems
    assert (v.lanes, v.articles, v.categories, v.importance) == ("article", ("a001", "a004"), ("market move", "people & funding"), 2)
    assert (v.start, v.end, v.event) == (date(2025, 1, 1), date(2025, 2, 1), "r1-release")
    assert TimelineView.from_params({k: x for k, x in v.to_params().items() if x}, ARTICLES, ids()) == v


def test_view_bad_params_fall_back_with_a_problem_each():
    params = {"lanes": "diagonal", "articles": "a009", "importance": "7", "preset": "custom", "start": "2025-03-01",
              "end": "2025-01-01", "event": "no-such-event"}
    v = TimelineView.from_params(params, ARTICLES, ids())
    assert v == TimelineView(preset="custom")
    assert {p.name for p in v.problems} == {"lanes", "articles", "importance", "start", "event"}


def test_default_view_is_the_r1_weeks_and_writes_no_params():
    v = TimelineView()
    assert (v.start, v.end) == PRESETS["r1weeks"]
    assert all(x is None for x in v.to_params().values())


def test_view_select_applies_every_filter():
    events = load_events()
    v = TimelineView(preset="all", start=date(1980, 1, 1), end=date(2025, 12, 31), importance=1)
    assert {e.importance for e in v.select(events)} == {1}
    v = TimelineView(preset="all", start=date(1980, 1, 1), end=date(2025, 12, 31), articles=("a003",))
    chosen = v.select(events)
    assert all("a003" in e.articles or e.context for e in chosen)
    assert "liang-born-1985" in {e.id for e in chosen}


def test_rows_put_a_multi_article_event_in_each_article_lane():
    rows = timeline_rows(load_events(), "article", load_articles())
    fall = rows[rows["id"] == "nvidia-record-fall"]
    assert sorted(fall["lane"]) == ["a000", "a002", "a004"]
    assert set(rows[rows["id"] == "stargate-announced"]["lane"]) == {CONTEXT_LANE}
    by_cat = timeline_rows(load_events(), "category", load_articles())
    assert len(by_cat) == len(load_events())


def test_figure_has_one_selectable_trace_per_category_with_event_ids():
    events = load_events()
    arts = load_articles()
    rows = timeline_rows(events, "category", arts)
    fig = charts.timeline_figure(rows, lane_labels("category", arts, "en", str, "Context"), selected="r1-release",
                                 x_range=(date(2024, 12, 10), date(2025, 3, 5)))
    markers = [tr for tr in fig.data if tr.mode == "markers" and tr.name != "selected"]
    assert {tr.name for tr in markers} == {e.category for e in events}
    got = {row[0] for tr in markers for row in tr.customdata}
    assert got == {e.id for e in events}
    ring = [tr for tr in fig.data if tr.name == "selected"]
    assert len(ring) == 1 and str(ring[0].x[0])[:10] == "2025-01-20"
    assert list(fig.layout.yaxis.ticktext)[0] == "model release"


def test_figure_stacks_same_day_events_apart():
    arts = load_articles()
    day = [e for e in load_events() if e.date == date(2025, 1, 27) and e.category == "market move"]
    rows = timeline_rows(day, "category", arts)
    fig = charts.timeline_figure(rows, {"market move": "Market move"}, x_range=(date(2025, 1, 1), date(2025, 2, 1)))
    ys = [y for tr in fig.data if tr.mode == "markers" for y in tr.y]
    assert len(ys) == len(day) >= 3 and len(set(ys)) == len(ys)


def test_quote_in_paragraph_rebuilds_the_paragraph():
    e = get_event("hang-seng-opens-higher")
    q = quote_in_paragraph("a000", e.article_sources[0].quote)
    whole = q.before + q.quote + q.after
    assert whole in article_text("a000") and "\n" not in whole
    assert whole.startswith("यदि एनवीडिया का शानदार स्टॉक उछाल")


def test_event_quotes_one_per_article_source():
    e = get_event("r1-release")
    quotes = event_quotes(e, load_articles())
    assert [label.split(" · ")[0] for label, _ in quotes] == [s.article for s in e.article_sources]
    assert all(q is not None and q.quote == s.quote for (_, q), s in zip(quotes, e.article_sources, strict=True))


def test_price_link_goes_around_the_session():
    assert price_link_params(get_event("r1-release")) == {
        "preset": "custom", "start": "2024-12-31", "end": "2025-02-11", "window_event": "r1-release"}
    assert price_link_params(get_event("deepseek-founded-2021")) is None


def test_mentions_inside_event_quotes_link_to_the_event():
    mentions = extract_article("a004")
    links = mention_events("a004", mentions, load_events())
    by_text: dict = {}
    for k, m in enumerate(mentions):
        by_text.setdefault(m.text, links.get(k))  # first occurrence: the body, not the summary bullets
    assert by_text["20 जनवरी"] == "r1-release"
    assert by_text["16.86%"] == "nvidia-record-fall"
    assert by_text["21 अरब डॉलर"] == "huang-wealth-loss"


def test_paragraph_runs_rebuild_every_paragraph_and_cut_out_mentions():
    text = article_text("a001")
    mentions = extract_article("a001")
    runs = paragraph_runs(text, mentions)
    rebuilt = ["".join(r.text for r in para) for para in runs]
    assert all(p in text for p in rebuilt)
    marked = [r.mention for para in runs for r in para if r.mention is not None]
    assert len(marked) == len(mentions)
