"""AppTest of the Claim check page: table, detail from a link, filters in the URL, Hindi, bad parameters."""

import json

from streamlit.testing.v1 import AppTest

PAGE = "../pages/claims.py"


def run(path=PAGE, opened=(), **params):
    at = AppTest.from_file(path, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    for key in opened:  # a download menu the user opened
        at.session_state[key] = True
    return at.run()


def table(at):
    return at.dataframe[0].value


def test_claims_page_shows_every_claim_the_detail_and_the_matrix():
    at = run()
    assert not at.exception and not at.error
    assert len(table(at)) == 42 and not at.selectbox  # the table part; no link names a claim
    assert "Offline snapshot" in " ".join(m.value for m in at.markdown)
    assert "Click a row" in at.caption[-1].value
    assert [b.key for b in at.get("download_button")] == ["cl_download"]  # the claims table as CSV

    at = run(view="detail")
    assert not at.dataframe
    assert at.selectbox[0].value == "a004.02"  # default: the first contradicted claim
    assert at.query_params["claim"] == "a004.02"
    assert not at.get("download_button")  # the mini-chart's menu is closed
    opened = run(view="detail", opened=["dlmenu_claim_a004.02"])
    keys = [b.key for b in opened.get("download_button")]
    assert {k.rsplit("_", 1)[1] for k in keys if k.startswith("dl_claim_")} == {"html", "png", "svg", "csv"}  # the mini-chart

    at = run(view="matrix")
    assert not at.exception and not at.selectbox
    matrix = at.dataframe[0].value
    assert "Nvidia: move on 27 Jan 2025" in matrix["Quantity"].tolist()


def test_a_link_naming_a_claim_opens_its_detail_and_the_parts_keep_their_place_in_the_url():
    at = run(claim="a000.02")
    assert at.button_group(key="claims_view").value == "detail" and "view" not in at.query_params
    at.button_group(key="claims_view").set_value("claims").run()
    assert len(table(at)) == 42
    assert at.query_params["view"] in ("claims", ["claims"])  # the link still names a claim: say which part is shown
    assert at.query_params["claim"] in ("a000.02", ["a000.02"])


def test_link_opens_a_claim_with_its_quote_highlighted_in_its_paragraph():
    at = run(claim="a000.02")
    assert not at.exception and at.selectbox[0].value == "a000.02"
    body = at.get("html")[0].proto.body
    assert '<mark style="background:#ffe58f;padding:0 2px">सोमवार को एनवीडिया के शेयर $118.42 पर बंद हुए</mark>' in body
    assert "तकनीकी-भारी नैस्डैक सूचकांक" in body  # the rest of the paragraph is there too
    assert "close(NVDA, 2025-01-27) = 118.42" in [c.value for c in at.code]
    assert any("supported" in m.value for m in at.markdown)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    markers = [tr for tr in spec["data"] if tr.get("mode") == "markers+text"]
    assert markers and markers[0]["x"] == ["2025-01-27"]  # the one close the claim is about


def test_percent_move_chart_marks_both_closes():
    spec = json.loads(run(claim="a004.02").get("plotly_chart")[0].proto.spec)
    markers = next(tr for tr in spec["data"] if tr.get("mode") == "markers+text")
    assert markers["x"] == ["2025-01-24", "2025-01-27"] and markers["text"] == ["close 142.62", "close 118.42"]


def test_market_value_claim_shows_the_sourced_share_count():
    at = run(claim="a000.04")
    captions = " ".join(c.value for c in at.caption)
    assert "24.5 billion shares outstanding" in captions and "10-Q" in captions
    assert "(118.42 − 142.62) × 24.5 bn shares = −$592.9 billion" in [c.value for c in at.code]


def test_mixed_indices_claim_draws_one_bar_per_index():
    at = run(claim="a004.01")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [tr["type"] for tr in spec["data"]] == ["bar"] and spec["data"][0]["x"] == ["Dow Jones Industrial Average", "S&P 500",
                                                                                      "Nasdaq Composite"]


def test_bad_claim_id_says_so_and_opens_the_default():
    at = run(claim="a999.99")
    assert not at.exception and not at.error
    assert any("claim" in i.value and "a999.99" in i.value for i in at.info)
    assert at.selectbox[0].value == "a004.02" and at.query_params["claim"] == "a004.02"


def test_filters_come_from_the_url_and_bad_values_are_reported():
    at = run(verdict="contradicted")
    assert table(at)["ID"].tolist() == ["a004.02", "a004.03", "a004.04"]
    at = run(article="a002,nope")
    assert set(table(at)["Article"]) == {"a002"} and len(table(at)) == 9
    assert any("nope" in i.value for i in at.info)


def test_choosing_a_claim_and_a_filter_updates_the_url():
    at = run(view="detail")
    at.selectbox[0].set_value("a002.01").run()
    assert at.query_params["claim"] == "a002.01"
    at.button_group(key="claims_view").set_value("claims").run()
    at.multiselect[1].set_value(["supported"]).run()
    assert at.query_params["verdict"] == "supported" and len(table(at)) == 15
    at.button_group(key="claims_view").set_value("detail").run()
    assert at.selectbox[0].value == "a002.01"  # still selected, it is supported


def test_filters_that_match_nothing_say_so():
    at = run(article="a003", verdict="supported")
    assert not at.exception and any("No claims match" in i.value for i in at.info)


def test_claims_page_in_hindi():
    assert list(table(run(lang="hi")).columns)[:3] == ["आईडी", "निर्णय", "विषय"]
    at = run(lang="hi", claim="a002.01")
    assert not at.exception and not at.error
    ticks = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["xaxis"]["ticktext"]
    assert any("जनवरी" in tick for tick in ticks) and not any("Jan" in tick for tick in ticks)  # Hindi dates on the mini-chart
    assert at.title[0].value == "लेखों के आँकड़े, असली कीमतों के सामने"
    assert any("पुष्ट" in m.value for m in at.markdown)
    assert "claims." not in " ".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_router_reaches_the_claims_page():
    at = run("../app.py")
    at.switch_page("pages/claims.py").run()
    assert not at.exception and at.title[0].value == "The articles' numbers against the tape"
