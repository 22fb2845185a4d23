"""The article catalogue: rows validate, files exist, dates parse, and every bad row is reported at once."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from market_impact.articles import article_text, load_articles, paragraph_at, paragraphs
from market_impact.errors import BadCatalogue
from market_impact.paths import ARTICLES_DIR, ARTICLES_FILE


def test_five_articles_with_inferred_dates_and_reasons():
    arts = load_articles()
    assert list(arts) == ["a000", "a001", "a002", "a003", "a004"]
    assert arts["a000"].published == date(2025, 1, 28)  # "सोमवार" crash, Tuesday morning in Tokyo
    assert arts["a002"].published == date(2025, 1, 28)  # Tuesday pre-market rebound
    for a in arts.values():
        assert a.date_reason and a.headline_en and a.headline_hi
        assert (ARTICLES_DIR / a.file).is_file()


def test_outlet_only_where_the_text_names_one():
    arts = load_articles()
    assert arts["a000"].outlet == "Btrue News" and "Btrue News" in article_text("a000")
    assert "रायटर" in arts["a001"].credit and "रायटर" in article_text("a001")
    assert arts["a002"].outlet is None and arts["a002"].credit is None


def test_paragraph_spans_index_the_raw_text():
    text = article_text("a001")  # starts with a blank line
    paras = paragraphs(text)
    assert paras[0].start > 0
    for p in paras:
        assert text[p.start:p.end] == p.text and p.text.strip() == p.text and p.text
    i = text.index("बर्नस्टीन")
    assert paragraph_at(text, i).text.startswith("बर्नस्टीन")


def _write(tmp_path, rows) -> tuple:
    p = tmp_path / "articles.yaml"
    p.write_text(yaml.safe_dump({"articles": rows}, allow_unicode=True), encoding="utf-8")
    return p, ARTICLES_DIR


def test_every_bad_row_is_reported_at_once(tmp_path):
    good = yaml.safe_load(ARTICLES_FILE.read_text(encoding="utf-8"))["articles"]
    rows = [dict(r) for r in good]
    rows[0]["published"] = "2025-02-30"
    rows[1]["file"] = "999_missing.txt"
    rows[2]["language"] = "fr"
    rows.append(dict(good[3]))  # duplicate id a003
    p, d = _write(tmp_path, rows)
    with pytest.raises(BadCatalogue) as err:
        load_articles(p, d)
    problems = err.value.problems
    assert len(problems) == 4, problems
    assert problems[0].startswith("articles.yaml, article a000: published")
    assert problems[1].startswith("articles.yaml, article a001: text file '999_missing.txt' not found")
    assert problems[2].startswith("articles.yaml, article a002: language")
    assert problems[3] == "articles.yaml, article a003: duplicate id"


def test_file_prefix_must_match_the_id(tmp_path):
    good = yaml.safe_load(ARTICLES_FILE.read_text(encoding="utf-8"))["articles"]
    rows = [dict(good[0], id="a004")]
    p, d = _write(tmp_path, rows)
    with pytest.raises(BadCatalogue, match="does not start with the id's number 004_"):
        load_articles(p, d)


def test_missing_catalogue_file(tmp_path):
    with pytest.raises(BadCatalogue, match="file not found"):
        load_articles(tmp_path / "nope.yaml", ARTICLES_DIR)
