"""AppTest of the Your article page: paste → proposals → accept → the events join all_events() and the price
chart; bad uploads get their message and leave the page working; the user's text is never rendered."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from market_impact import byo
from tests.plotly_util import spec_of
from tests.test_byo import TEST_ARTICLE

PAGE = "../pages/byo.py"


def fresh() -> AppTest:
    return AppTest.from_file(PAGE, default_timeout=120).run()


def pasted(text: str = TEST_ARTICLE) -> AppTest:
    at = fresh()
    at.text_area(key="byo_paste").input(text).run()
    return at


def all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "error", "success", "info", "warning", "code", "text", "title", "subheader", "header"):
        parts += [str(getattr(e, "value", "")) for e in at.get(kind)]
    return "\n".join(parts)


def test_page_starts_with_a_hint_and_no_error():
    at = fresh()
    assert not at.exception and not at.error
    assert "Upload a file or paste text" in at.info[0].value
    assert at.file_uploader(key="byo_upload").allowed_type == [".txt", ".md", ".html", ".htm"]


def test_pasted_article_gives_proposals_with_the_inferred_date():
    at = pasted()
    assert not at.exception and not at.error
    assert at.date_input[0].value == date(2025, 1, 28)
    assert any("Inferred from the dateline" in c.value for c in at.caption)
    events, claims = (d.value for d in at.data_editor)
    assert "2025-01-20" in set(events["date"]) and events["accept"].sum() >= 4
    assert set(claims["subject"]) == {"Nvidia", "Nasdaq Composite"}


def _accepted() -> AppTest:
    at = pasted()
    at.button(key="byo_accept").click().run()
    assert not at.exception and not at.error
    return at


def test_accepting_adds_events_that_join_all_events_and_the_price_chart():
    at = _accepted()
    assert at.success[0].value.startswith("Added 5 events and 5 claims")
    mine = at.session_state["byo_events"]
    doc = byo.read_pasted(TEST_ARTICLE)
    assert f"user-{doc.digest}-e01" in mine and all(e.is_user for e in mine.values())
    accepted = at.dataframe[-2].value  # the accepted events; the last table is the claims' verdicts
    assert len(accepted) == 5

    def probe():
        import streamlit as st

        from market_impact.ui.loaders import cached_events
        from market_impact.ui.session import all_events

        st.text(f"{len(all_events())} {len(cached_events())}")
        st.text(",".join(e.id for e in all_events() if e.is_user))

    other = AppTest.from_function(probe, default_timeout=60)
    other.session_state["byo_events"] = mine
    other.run()
    total, catalogue = map(int, other.text[0].value.split())
    assert total == catalogue + 5
    assert f"user-{doc.digest}-e01" in other.text[1].value

    prices = AppTest.from_file("../pages/prices.py", default_timeout=60)
    prices.session_state["byo_events"] = mine
    prices.query_params["importance"] = "3"
    prices.run()
    assert not prices.exception
    ev_trace = next(tr for tr in spec_of(prices.get("plotly_chart")[0])["data"] if tr.get("name") == "events")
    assert f"user-{doc.digest}-e02" in str(ev_trace["customdata"])


def test_accepted_claims_are_checked_with_verdicts():
    at = _accepted()
    verdicts = at.dataframe[-1].value
    col = next(c for c in verdicts.columns if "Verdict" in c)
    assert sum("supported" in v for v in verdicts[col]) == 4
    assert sum("contradicted" in v for v in verdicts[col]) == 1


def test_removing_and_downloading_accepted_events():
    at = _accepted()
    doc = byo.read_pasted(TEST_ARTICLE)
    first = f"user-{doc.digest}-e01"
    assert len(at.get("download_button")) == 1
    assert first in byo.events_yaml(at.session_state["byo_events"].values())
    at.multiselect(key="byo_drop").set_value([first]).run()
    at.button(key="byo_remove").click().run()
    assert first not in at.session_state["byo_events"] and len(at.session_state["byo_events"]) == 4
    at.button(key="byo_clear").click().run()
    assert at.session_state["byo_events"] == {}
    assert "No events accepted yet." in all_text(at)


def test_an_edited_bad_date_is_reported_and_nothing_is_added():
    doc = byo.read_pasted(TEST_ARTICLE)
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state[f"byo_ev_{doc.article}_2025-01-28"] = {
        "edited_rows": {1: {"date": "27/01/2025"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    at.text_area(key="byo_paste").input(TEST_ARTICLE).run()
    at.button(key="byo_accept").click().run()
    assert not at.exception
    assert "Nothing was added" in at.error[0].value
    assert "row e02: date '27/01/2025'" in at.code[-1].value
    assert "byo_events" not in at.session_state or not at.session_state["byo_events"]


def test_bad_uploads_get_their_message_and_the_page_keeps_working():
    at = fresh()
    cases = [
        (("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain"), "looks like a PNG image"),
        (("big.txt", b"a" * (byo.MAX_BYTES + 1), "text/plain"), "the limit is 1 MB"),
        (("empty.txt", b"", "text/plain"), "is empty"),
        (("sjis.txt", "日本語のテキストです。".encode("shift_jis"), "text/plain"), "not readable text"),
        (("s.html", b"<script>alert(1)</script>", "text/html"), "no visible text"),
    ]
    for file, words in cases:
        at.file_uploader(key="byo_upload").set_value(file).run()
        assert not at.exception, file[0]
        assert words in at.error[0].value, (file[0], at.error[0].value)
        assert not at.data_editor
    at.file_uploader(key="byo_upload").set_value(("article.txt", TEST_ARTICLE.encode("utf-16"), "text/plain")).run()
    assert not at.exception and not at.error
    assert len(at.data_editor) == 2 and "UTF-16" in all_text(at)


def test_whitespace_paste_is_refused_with_a_message():
    at = pasted("   \n\t  ")
    assert not at.exception and "holds no words" in at.error[0].value


def test_uploaded_html_is_shown_only_as_plain_text():
    page = (b"<html><body><p>On 27 January 2025 <b>Nvidia</b> fell 17%.</p><script>alert('xss')</script>"
            b"<img src=x onerror=alert(2)></body></html>")
    at = fresh()
    at.file_uploader(key="byo_upload").set_value(("evil [x](javascript:alert(1)).html", page, "text/html")).run()
    assert not at.exception and not at.error
    assert at.code[0].value == "On 27 January 2025 Nvidia fell 17%."
    shown = all_text(at)
    assert "alert" not in shown.replace("javascript\\:alert", "") and "<script" not in shown and "<b>" not in shown
    assert not at.get("html")  # nothing through st.html
    assert "evil \\[x\\]\\(javascript\\:alert\\(1\\)\\)\\.html" in shown  # the file name is markdown-escaped


def test_a_downloaded_yaml_file_loads_back_and_a_bad_one_lists_its_problems():
    doc = byo.read_pasted(TEST_ARTICLE)
    events = byo.events_from_frame(byo.events_frame(byo.propose_events(doc, date(2025, 1, 28))), doc)
    at = fresh()
    at.file_uploader(key="byo_yaml").set_value(("my_events.yaml", byo.events_yaml(events).encode(), "application/x-yaml")).run()
    assert not at.exception and not at.error
    assert "Loaded 5 events from my\\_events\\.yaml" in at.success[0].value
    assert set(at.session_state["byo_events"]) == {e.id for e in events}
    bad = b"events:\n  - id: user-a-1\n    date: '2025-02-30'\n    granularity: day\n"
    at.file_uploader(key="byo_yaml").set_value(("broken.yaml", bad, "application/x-yaml")).run()
    assert not at.exception
    assert "The file was not loaded" in at.error[0].value and "user-a-1" in at.code[-1].value
    assert len(at.session_state["byo_events"]) == 5  # what was loaded before stays


def test_the_page_speaks_hindi():
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.query_params["lang"] = "hi"
    at.run()
    assert at.title[0].value == "आपका लेख → घटनाएँ और दावे" and not at.exception
