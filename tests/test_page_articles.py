"""AppTest of the Articles page: the Hindi text with highlighted mentions, metadata, links to events."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def run(**params) -> AppTest:
    at = AppTest.from_file("../pages/articles.py", default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_first_article_with_highlighted_mentions_and_metadata():
    at = run()
    assert not at.exception and not at.error
    assert at.subheader[0].value.startswith("DeepSeek wipes")
    assert "**Published (inferred)**  \nTue 28 Jan 2025" in [m.value for m in at.markdown]
    body = html(at)
    assert '<mark title="2025-01-27 (day)"' in body and ">सोमवार</mark>" in body  # a weekday resolved
    assert '<mark title="118.42 USD"' in body
    text = " ".join(m.value for m in at.markdown)
    assert "Btrue News" in text


def test_mention_inside_an_event_quote_links_to_it():
    body = html(run(article="a004"))
    assert 'href="timeline?event=r1-release&amp;preset=all"' in body
    assert ">20 जनवरी</mark></a>" in body


def test_events_drawn_from_the_article_are_listed_with_links():
    at = run(article="a003")
    text = " ".join(m.value for m in at.markdown)
    assert "Events drawn from this article (4)" in text
    assert "(timeline?event=liang-born-1985&preset=all)" in text


def test_every_paragraph_of_the_text_is_shown():
    from market_impact.articles import article_text, paragraphs

    at = run(article="a002")
    assert html(at).count('<p lang="hi"') == len(paragraphs(article_text("a002")))


def test_every_mention_is_listed_in_a_table_when_asked():
    at = run(article="a004")
    assert not at.dataframe  # the expander is closed
    at.session_state["ar_mentions_box"] = True
    at.run()
    table = at.dataframe[0].value
    assert len(table) == html(at).count("<mark ") and len(table) > 10


def test_bad_article_parameter_falls_back_with_a_note():
    at = run(article="../../etc/passwd")
    assert not at.exception
    assert len(at.info) == 1 and "a000" in at.info[0].value
    assert at.subheader[0].value.startswith("DeepSeek wipes")


def test_hindi_interface():
    at = run(article="a001", lang="hi")
    assert not at.exception
    assert at.title[0].value == "पाँच लेख"
    assert any(m.value.endswith("सोमवार, 27 जनवरी 2025") for m in at.markdown)
    assert "रायटर" in " ".join(m.value for m in at.markdown)
