"""The user's accepted events join every page that draws events, for that browser session only."""

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from market_impact import byo
from tests.plotly_util import spec_of

TEST_ARTICLE = (  # an article written for the tests, not a real news report
    "Test desk, 27 January 2025. Nvidia shares fell on Monday 27 January 2025 after the test lab's <b>launch</b>.\n"
    "The lab said on 21 January 2025 that it had released its model."
)


@pytest.fixture(scope="module")
def user_events():
    doc = byo.read_pasted(TEST_ARTICLE, "test article")
    frame = byo.events_frame(byo.propose_events(doc, date(2025, 1, 27)))
    frame["accept"] = True
    events = byo.events_from_frame(frame, doc)
    assert events, "the test article must give at least one event"
    return events


def run(page, user_events, **params):
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=60)
    at.session_state["byo_events"] = {e.id: e for e in user_events}
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_timeline_draws_user_events_in_their_own_lane(user_events):
    at = run("timeline", user_events, lanes="article", event=user_events[0].id)
    assert not at.exception and not at.error
    spec = spec_of(at.get("plotly_chart")[0])
    ids = {c[0] for tr in spec["data"] for c in (tr.get("customdata") or []) if isinstance(c, list)}
    assert {e.id for e in user_events} & ids
    assert any("Your article" in str(t) for t in spec["layout"]["yaxis"]["ticktext"])
    # the detail view shows the user's quote alone, escaped (no markup survives)
    html = " ".join(m.value for m in at.markdown)
    assert "<b>launch</b>" not in html


def test_prices_chart_marks_user_events_as_theirs_at_any_importance_filter(user_events):
    at = run("prices", user_events, importance="1")  # the user's events show even with "key events only"
    spec = spec_of(at.get("plotly_chart")[0])
    markers = next(tr for tr in spec["data"] if tr.get("name") == "events")
    mine = [i for i, eid in enumerate(markers["customdata"]) if eid in {e.id for e in user_events}]
    assert mine
    assert all("Your article" in markers["hovertext"][i] for i in mine)


def test_overview_marks_user_events(user_events):
    at = run("overview", user_events)
    spec = spec_of(at.get("plotly_chart")[0])
    markers = next(tr for tr in spec["data"] if tr.get("name") == "events")
    assert {e.id for e in user_events} & set(markers["customdata"])


def test_study_offers_user_events_as_the_event_day(user_events):
    day = next(e for e in user_events if e.granularity == "day")
    at = run("study", user_events, event=day.id)
    assert not at.exception and not at.error
    assert not at.info  # the user's event id is understood, not refused as a bad parameter
    assert at.session_state["st_event"] == day.id
