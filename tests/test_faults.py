"""Faults as a user meets them: a broken catalogue, bad links, a stalled or rate-limited network.

Each gets a clear message; the page still renders with defaults; nothing is lost.
"""

from __future__ import annotations

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from market_impact import prices
from market_impact.paths import EVENTS_ENV, EVENTS_FILE
from tests.browser_util import app_pages, page_file


@pytest.fixture
def broken_catalogue(tmp_path, monkeypatch):
    """A copy of events.yaml with one malformed row (bad date, unknown category, a quote no article has)."""
    doc = yaml.safe_load(EVENTS_FILE.read_text(encoding="utf-8"))
    doc["events"][0]["date"] = "2025-13-45"
    doc["events"][1]["category"] = "gossip"
    doc["events"][2]["sources"] = [{"article": "a000", "quote": "words that no article contains"}]
    bad = tmp_path / "events.yaml"
    bad.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv(EVENTS_ENV, str(bad))
    return doc


@pytest.mark.parametrize("path", app_pages())
def test_broken_catalogue_warns_and_every_page_still_renders(broken_catalogue, path):
    at = AppTest.from_file(f"../{page_file(path)}", default_timeout=90).run()
    assert not at.exception, at.exception
    warned = " ".join(w.value for w in at.warning)
    if path in {"overview", "prices", "timeline", "study", "presenter", "articles"}:
        assert "3 bad row" in warned and "2025-13-45" in warned  # every bad row, with its id and reason
        assert "deepseek-founded-2021: category" in warned and "high-flyer-a100-cluster: quote not found" in warned


def test_broken_catalogue_keeps_the_prices_chart(broken_catalogue):
    at = AppTest.from_file("../pages/overview.py", default_timeout=90).run()
    assert len(at.get("plotly_chart")) == 1 and not at.exception
    assert any("$118.42" == m.value for m in at.metric)


HOSTILE = {"lang": "xx", "symbols": "<script>alert(1)</script>", "start": "2025-02-30", "end": "1900-01-01", "preset": "custom",
           "window": "-100000,100000", "slide": "-5", "event": "<img src=x onerror=alert(1)>", "claim": "../../etc/passwd",
           "article": "a999", "sym": "NOPE", "win": "9,1", "est": "abc", "mode": "🙂", "importance": "0"}


@pytest.mark.parametrize("path", app_pages())
def test_hostile_query_parameters_get_messages_and_defaults(path):
    at = AppTest.from_file(f"../{page_file(path)}", default_timeout=90)
    for k, v in HOSTILE.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception and not at.error, (path, at.exception, [e.value for e in at.error])
    rendered = " ".join(str(getattr(e, "value", "")) for e in at.markdown)
    assert "<script>" not in rendered and "<img" not in rendered


def test_stalled_then_recovering_network_is_retried_after_back_off(monkeypatch):
    """After a failure the app goes straight to the snapshot (no 3 s wait per page) until the back-off ends."""
    calls = []

    def failing(*a):
        calls.append(1)
        raise TimeoutError("stalled")

    monkeypatch.setattr(prices, "network_answers", lambda timeout=1.0: True)
    first = prices.load_prices(["NVDA"], "2025-01-21", "2025-01-28", mode="auto", fetcher=failing)
    second = prices.load_prices(["^IXIC"], "2025-01-21", "2025-01-28", mode="auto", fetcher=failing)
    assert len(calls) == 1 and first.provenance.source == second.provenance.source == "snapshot"
    monkeypatch.setattr(prices, "_live_down_until", 0.0)  # the back-off has run out
    prices.load_prices(["^GSPC"], "2025-01-21", "2025-01-28", mode="auto", fetcher=failing)
    assert len(calls) == 2
