"""The event catalogue: validation (every quote verbatim, ids unique, dates parse), sessions, helpers, CLI."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
import yaml

from market_impact.articles import article_text
from market_impact.cli import main
from market_impact.errors import BadCatalogue
from market_impact.events import (
    CATEGORIES,
    disagreements,
    events_for_article,
    filter_events,
    get_event,
    load_catalogue,
    load_events,
    locate_quote,
    parse_catalogue,
)
from market_impact.paths import EVENTS_FILE


@pytest.fixture(scope="module")
def doc() -> dict:
    return yaml.safe_load(EVENTS_FILE.read_text(encoding="utf-8"))


def test_catalogue_loads_well_over_a_dozen_events():
    events = load_events()
    assert len(events) >= 20
    assert {e.category for e in events} <= set(CATEGORIES)
    assert len({e.id for e in events}) == len(events)


def test_every_article_quote_occurs_verbatim():
    for e in load_events():
        for s in e.article_sources:
            assert s.quote in article_text(s.article), (e.id, s.quote)
    for d in disagreements():
        for side in d.sides:
            assert side.quote in article_text(side.article), (d.id, side.quote)


def test_every_article_has_events():
    for aid in ("a000", "a001", "a002", "a003", "a004"):
        assert events_for_article(aid), aid


def test_r1_release_maps_to_the_next_nyse_session_after_the_holiday():
    r1 = get_event("r1-release")
    assert r1.date == date(2025, 1, 20)
    assert r1.sessions == {"XNYS": date(2025, 1, 21), "XTKS": date(2025, 1, 20), "XHKG": date(2025, 1, 20)}
    assert r1.session == date(2025, 1, 21)


def test_crash_day_is_its_own_session():
    assert get_event("nvidia-record-fall").session == date(2025, 1, 27)


def test_after_close_results_map_to_the_next_session():
    assert get_event("nvidia-q4-fy2025-results").session == date(2025, 2, 27)


def test_events_coarser_than_a_day_have_no_session():
    founded = get_event("deepseek-founded-2021")
    assert founded.granularity == "year" and founded.session is None
    assert (founded.date, founded.date_end) == (date(2021, 1, 1), date(2021, 12, 31))
    v3 = get_event("v3-paper")
    assert (v3.date, v3.date_end, v3.session) == (date(2024, 12, 1), date(2024, 12, 31), None)


def test_context_events_cite_public_sources():
    context = {e.id: e for e in load_events() if e.context}
    assert {"v3-release", "stargate-announced", "app-store-no1", "nvidia-q4-fy2025-results"} <= set(context)
    assert context["v3-release"].date == date(2024, 12, 26)
    assert context["stargate-announced"].date == date(2025, 1, 21)
    assert context["app-store-no1"].date == date(2025, 1, 26)
    assert context["nvidia-q4-fy2025-results"].date == date(2025, 2, 26)
    for e in context.values():
        assert e.outside_sources and all(s.url.startswith("https://") for s in e.outside_sources)


def test_founding_year_contradiction_is_listed_side_by_side():
    founding = next(d for d in disagreements() if d.id == "founding-year")
    assert founding.conflict
    said = {s.article: s.says_en for s in founding.sides}
    assert said["a000"] == "2021" and said["a003"] == "2023"
    assert {"deepseek-founded-2021", "deepseek-founded-2023"} <= set(founding.events)


def test_nvidia_fall_figures_disagree():
    fall = next(d for d in disagreements() if d.id == "nvidia-fall-percent")
    assert [s.says_en for s in fall.sides] == ["17%", "16.86%"]


def test_events_are_in_date_order():
    dates = [e.date for e in load_events()]
    assert dates == sorted(dates)


def test_locate_quote_gives_span_inside_its_paragraph():
    e = get_event("tokyo-tech-selloff")
    src = e.article_sources[0]
    span = locate_quote(src.article, src.quote)
    text = article_text(src.article)
    assert text[span.start:span.end] == src.quote
    assert span.paragraph_start <= span.start < span.end <= span.paragraph_end
    assert "\n" not in text[span.paragraph_start:span.paragraph_end]


def test_filter_by_article_category_importance_and_range():
    events = load_events()
    got = filter_events(events, articles=["a004"], include_context=False)
    assert got and all("a004" in e.articles for e in got)
    assert all(e.category == "market move" for e in filter_events(events, categories=["market move"]))
    assert all(e.importance == 1 for e in filter_events(events, importance=[1]))
    jan = filter_events(events, start=date(2025, 1, 27), end=date(2025, 1, 27))
    assert {e.id for e in jan} >= {"nvidia-record-fall", "nasdaq-falls"}
    assert all(e.date <= date(2025, 1, 27) <= e.date_end for e in jan)


# --- validation: every bad row reported at once, with file, id and reason ------------------------------
def test_bad_rows_are_all_reported_with_file_id_and_reason(doc):
    bad = copy.deepcopy(doc)
    bad["events"][0]["sources"][0]["quote"] = "यह वाक्य किसी लेख में नहीं है"
    bad["events"][1]["date"] = "2021-13"
    bad["events"][1]["granularity"] = "month"
    bad["events"][2]["importance"] = 5
    bad["events"].append(copy.deepcopy(doc["events"][3]))  # duplicate id
    bad["events"].append({**copy.deepcopy(doc["events"][4]), "id": "bad-category", "category": "gossip"})
    with pytest.raises(BadCatalogue) as err:
        parse_catalogue(bad, source="events.yaml")
    problems = err.value.problems
    joined = "\n".join(problems)
    assert len(problems) == 5, joined
    assert f"events.yaml, event {doc['events'][0]['id']}: quote not found verbatim" in joined
    assert f"events.yaml, event {doc['events'][1]['id']}:" in joined and "month must be in 1..12" in joined
    assert f"events.yaml, event {doc['events'][2]['id']}: importance" in joined
    assert f"events.yaml, event {doc['events'][3]['id']}: duplicate id" in joined
    assert "events.yaml, event bad-category: category" in joined


def test_granularity_must_match_the_date_written(doc):
    bad = copy.deepcopy(doc)
    row = next(r for r in bad["events"] if r["id"] == "r1-release")
    row["granularity"] = "month"
    with pytest.raises(BadCatalogue, match="r1-release: .*does not match granularity"):
        parse_catalogue(bad)


def test_context_event_without_outside_source_is_rejected(doc):
    bad = copy.deepcopy(doc)
    row = next(r for r in bad["events"] if r["id"] == "stargate-announced")
    row["sources"] = [{"article": "a000", "quote": "ट्रंप ने सोमवार को मियामी में कहा"}]
    with pytest.raises(BadCatalogue, match="stargate-announced: .*context event needs"):
        parse_catalogue(bad)


def test_unknown_article_and_ticker_are_reported(doc):
    bad = copy.deepcopy(doc)
    bad["events"][0]["sources"].append({"article": "a999", "quote": "कुछ भी"})
    bad["events"][1]["tickers"] = ["NOPE"]
    with pytest.raises(BadCatalogue) as err:
        parse_catalogue(bad)
    joined = "\n".join(err.value.problems)
    assert "unknown article 'a999'" in joined and "tickers not in the registry: NOPE" in joined


def test_disagreement_quote_is_checked(doc):
    bad = copy.deepcopy(doc)
    bad["disagreements"][0]["sides"][0]["quote"] = "गढ़ा हुआ उद्धरण"
    with pytest.raises(BadCatalogue, match=f"disagreement {bad['disagreements'][0]['id']}: quote not found"):
        parse_catalogue(bad)


def test_malformed_file_is_reported(tmp_path):
    p = tmp_path / "events.yaml"
    p.write_text("events: [unclosed", encoding="utf-8")
    with pytest.raises(BadCatalogue, match="events.yaml: not valid YAML"):
        load_catalogue(p)
    with pytest.raises(BadCatalogue, match="file not found"):
        load_catalogue(tmp_path / "missing.yaml")


# --- CLI ----------------------------------------------------------------------------------------------
def test_cli_events_json(capsys):
    assert main(["events", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    r1 = next(r for r in rows if r["id"] == "r1-release")
    assert r1["session"] == "2025-01-21" and r1["date"] == "2025-01-20" and r1["granularity"] == "day"
    assert {"id", "date", "granularity", "title_en", "title_hi", "category", "importance", "sources", "session"} <= set(r1)
    assert next(r for r in rows if r["id"] == "deepseek-founded-2021")["session"] is None


def test_cli_extract_json_uses_the_catalogued_date(capsys):
    from market_impact.articles import get_article
    from market_impact.paths import ARTICLES_DIR

    path = ARTICLES_DIR / get_article("a000").file
    assert main(["extract", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    monday = next(r for r in rows if r["text"] == "सोमवार")
    assert monday["kind"] == "date" and monday["value"] == "2025-01-27" and monday["granularity"] == "day"
    close = next(r for r in rows if r["text"] == "$118.42")
    assert close["kind"] == "number" and close["value"] == 118.42


def test_cli_extract_with_published_date_on_any_file(tmp_path, capsys):
    p = tmp_path / "note.txt"
    p.write_text("मंगलवार को बाजार 2 प्रतिशत गिरा।", encoding="utf-8")
    assert main(["extract", str(p), "--published", "2025-02-05", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["value"]) for r in rows] == [("date", "2025-02-04"), ("number", 2.0)]


def test_cli_extract_bad_input_is_one_line_and_nonzero(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) != 0
    assert main(["extract", str(EVENTS_FILE), "--published", "2025-02-30"]) != 0
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\xff\xfe\x00")
    assert main(["extract", str(binary)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("extract: ") for line in err)
