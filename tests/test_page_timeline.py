"""AppTest of the Timeline page: chart, filters from the URL, the event detail, disagreements, bad links."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.plotly_util import values


def run(**params) -> AppTest:
    at = AppTest.from_file("../pages/timeline.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def spec(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def event_ids(at) -> set[str]:
    return {row[0] for tr in spec(at)["data"] if tr.get("customdata") and tr["name"] != "selected" for row in tr["customdata"]}


def test_default_view_draws_the_r1_weeks():
    at = run()
    assert not at.exception and not at.error and not at.info
    got = event_ids(at)
    assert {"r1-release", "nvidia-record-fall", "stargate-announced", "nvidia-q4-fy2025-results"} <= got
    assert "deepseek-founded-2021" not in got  # years before the R1 weeks are outside the default dates
    ticks = spec(at)["layout"]["yaxis"]["ticktext"]
    assert ticks[:2] == ["Model release", "Market move"]


def test_event_in_url_opens_its_detail_with_quote_and_sessions():
    at = run(event="r1-release")
    assert not at.exception
    assert at.subheader[0].value == "DeepSeek releases the R1 reasoning model"
    body = html(at)
    assert '<mark style="background:#fef08a; padding:0 2px">ने 20 जनवरी को अनुमान लगाने वाले बड़े मॉडल DeepSeek-R1 को आधिकारिक तौर पर जारी किया</mark>' in body
    text = " ".join(m.value for m in at.markdown)
    assert "New York (NYSE): Tue 21 Jan 2025" in text and "Tokyo: Mon 20 Jan 2025" in text
    assert "prices?preset=custom&start=2024-12-31&end=2025-02-11&window_event=r1-release" in text
    assert "डीपसीक ने आर1 रीज़निंग मॉडल जारी किया" in text  # the Hindi title next to the English one


def test_picking_an_event_shows_it_and_writes_the_url():
    at = run()
    assert not at.subheader
    at.selectbox(key="tl_event").set_value("tokyo-tech-selloff").run()
    assert at.subheader[0].value == "Tokyo tech stocks fall as the sell-off enters a second day"
    assert "मंगलवार की सुबह, टोक्यो स्टॉक्स में गिरावट देखी गई" in html(at)
    assert at.query_params["event"] == "tokyo-tech-selloff"


def test_year_event_says_it_has_no_single_session():
    at = run(event="deepseek-founded-2021", preset="all")
    assert not at.exception
    assert any("No single trading session" in c.value for c in at.caption)
    assert "deepseek-founded-2021" in event_ids(at)


def test_lanes_by_article_and_article_filter():
    at = run(lanes="article", articles="a003", preset="all")
    assert not at.exception
    ticks = spec(at)["layout"]["yaxis"]["ticktext"]
    assert ticks[0].startswith("a000 ·") and ticks[-1] == "Outside sources"
    got = event_ids(at)
    assert {"liang-born-1985", "us-chip-export-curbs-2022", "r1-release"} <= got
    assert "huang-wealth-loss" not in got  # a004 only


def test_importance_and_category_filters():
    at = run(importance="1", categories="market-move")
    assert event_ids(at) == {"nvidia-record-fall", "nasdaq-falls"}


def test_disagreements_side_by_side():
    assert "When was DeepSeek founded?" not in html(run())  # the other part of the page
    at = run(view="disagree")
    assert not at.exception and not at.get("plotly_chart")
    body = html(at)
    assert "When was DeepSeek founded?" in body and "How far did Nvidia fall on 27 January?" in body
    assert "डीपसीक की शुरुआत हेज फंड मैनेजर लिआंग वेनफेंग ने 2021 में की थी" in body
    assert "जिसकी शुरुआत 2023 में लियांग वेनफेंग ने की थी।" in body
    assert body.count("<section") == 10 and "<script" not in body


def test_bad_link_parameters_get_a_note_and_defaults():
    at = run(lanes="sideways", importance="9", preset="someday", event="<script>", start="yesterday")
    assert not at.exception and not at.error
    assert len(at.info) == 4
    assert not at.subheader
    assert "r1-release" in event_ids(at)


def test_reversed_custom_dates_fall_back():
    at = run(preset="custom", start="2025-03-01", end="2025-01-01")
    assert not at.exception
    assert any("after the end" in i.value for i in at.info)


def test_hindi_page():
    at = run(lang="hi", event="nvidia-record-fall")
    assert not at.exception
    assert at.title[0].value == "कब क्या हुआ — लेखों से"
    assert at.subheader[0].value == "एनवीडिया को इतिहास में एक दिन में बाजार मूल्य का सबसे बड़ा नुकसान"
    assert "बाज़ार की चाल" in spec(at)["layout"]["yaxis"]["ticktext"]
    assert any(v.startswith("2025-01-27") for v in values(spec(at)["data"][-1]["x"]))  # the selection ring
