"""Bring your own article: safe reading (size, binary, encodings, HTML), the publication date and its reason,
proposed events and claims on a test article, acceptance into catalogue events, YAML round-trip, the CLI."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
import yaml

from market_impact import byo
from market_impact.claims import ClaimResult
from market_impact.cli import main
from market_impact.errors import BadCatalogue, BadInput, BadUpload
from market_impact.events import parse_catalogue
from market_impact.prices import load_prices
from market_impact.tickers import load_registry

# A test article written for these tests (not news): English and Hindi, dated sentences, market claims —
# three true to the tape (NVDA close $118.42 and −17% on 27 Jan 2025, Nasdaq −3.1% that Monday) and one
# false (NVDA "fell 2%" on 28 Jan 2025, when it rose about 8.9%).
TEST_ARTICLE = """Test article for the DeepSeek Shock tests (written for the tests, not news)
Published: 28 January 2025

DeepSeek released its R1 model on 20 January 2025, a US holiday.
On 27 January 2025, Nvidia fell 17% and closed at $118.42.
The Nasdaq dropped 3.1% on Monday.
एनवीडिया के शेयर 27 जनवरी 2025 को 17 प्रतिशत गिर गए।
On 28 January 2025 Nvidia fell 2% in early trade, this test article says.
In December 2024 the company published its V3 model, trained for $5.6 million.
"""


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def doc() -> byo.UserDocument:
    return byo.read_upload(TEST_ARTICLE.encode("utf-8"), "test_article.txt")


# ------------------------------------------------------------------------------------------ the whole path
def test_test_article_reads_as_utf8_text_with_a_user_article_id(doc):
    assert doc.encoding == "utf-8" and doc.kind == "text" and doc.notes == ()
    assert doc.text == TEST_ARTICLE
    assert doc.article.startswith("user:test-article-") and len(doc.article) == len("user:test-article-") + 6


def test_publication_date_comes_from_the_dateline_with_its_words(doc):
    guess = byo.infer_published(doc)
    assert guess.day == date(2025, 1, 28) and guess.how == "dateline"
    assert guess.evidence == "Published: 28 January 2025"


def test_dated_sentences_become_proposed_events(doc):
    proposals = byo.propose_events(doc, date(2025, 1, 28), byo.infer_published(doc))
    by_date = {}
    for p in proposals:
        by_date.setdefault(p.date_text, []).append(p)
    assert "2025-01-28" in by_date  # the 28 Jan sentence, not the dateline
    assert all("Published" not in p.quote for p in proposals)
    r1 = by_date["2025-01-20"][0]
    assert r1.category == "model release" and r1.importance == 3 and r1.accept
    assert r1.quote == "DeepSeek released its R1 model on 20 January 2025, a US holiday."
    assert "20 January" not in r1.title and r1.title.startswith("DeepSeek released its R1 model")
    monday = [p for p in by_date["2025-01-27"] if "Nasdaq" in p.quote]
    assert monday and monday[0].tickers == ("^IXIC",) and monday[0].category == "market move"  # "Monday" → 27 Jan
    hindi = [p for p in by_date["2025-01-27"] if "एनवीडिया" in p.quote][0]
    assert hindi.tickers == ("NVDA",) and "27 जनवरी" not in hindi.title and "को" not in hindi.title.split()
    v3 = by_date["2024-12"][0]
    assert v3.granularity == "month" and not v3.accept  # only day events are pre-accepted
    for p in proposals:
        assert p.quote in doc.text


def test_accepted_rows_become_catalogue_events_marked_as_the_users(doc):
    frame = byo.events_frame(byo.propose_events(doc, date(2025, 1, 28)))
    frame.loc["e01", "title"] = "R1 released (edited)"
    frame.loc["e01", "importance"] = 1
    events = byo.events_from_frame(frame, doc)
    assert len(events) == int(frame["accept"].sum())
    r1 = next(e for e in events if e.date_text == "2025-01-20")
    assert r1.title_en == r1.title_hi == "R1 released (edited)" and r1.importance == 1
    assert r1.is_user and r1.articles == (doc.article,) and r1.id == f"user-{doc.digest}-e01"
    assert r1.session == date(2025, 1, 21)  # the US holiday's news lands on the next NYSE session
    assert all(e.is_user for e in events)


def test_a_bad_edited_row_is_reported_and_nothing_is_accepted(doc):
    frame = byo.events_frame(byo.propose_events(doc, date(2025, 1, 28)))
    frame.loc["e02", "date"] = "27/01/2025"
    frame.loc["e03", "category"] = "gossip"
    with pytest.raises(BadCatalogue) as err:
        byo.events_from_frame(frame, doc)
    text = "\n".join(err.value.problems)
    assert "row e02: date '27/01/2025' is not YYYY-MM-DD" in text
    assert "e03" in text and "category" in text


def test_claims_in_both_languages_are_checked_against_the_tape(doc, registry):
    proposals = byo.propose_claims(doc, date(2025, 1, 28), registry)
    claims = proposals.checkable
    got = {(c.metric, c.symbols, c.session, c.stated) for c in claims}
    assert ("close", ("NVDA",), date(2025, 1, 27), 118.42) in got
    assert ("pct_move", ("^IXIC",), date(2025, 1, 27), -3.1) in got
    assert sum(1 for c in claims if c.metric == "pct_move" and c.symbols == ("NVDA",) and c.stated == -17.0) == 2  # EN + HI
    assert [c.stated_text for c in proposals.other] == ["$5.6 million"]
    assert all(c.quote in doc.text for c in claims)
    symbols, start, end = byo.price_request(claims, registry)
    results = byo.check_user_claims(claims, load_prices(list(symbols), start, end).data, registry)
    verdicts = {(r.claim.metric, r.claim.session, r.claim.stated): r.verdict for r in results}
    assert verdicts[("close", date(2025, 1, 27), 118.42)] == "supported"
    assert verdicts[("pct_move", date(2025, 1, 27), -3.1)] == "supported"
    assert verdicts[("pct_move", date(2025, 1, 28), -2.0)] == "contradicted"
    assert all(isinstance(r, ClaimResult) for r in results)


def test_editing_a_claims_day_moves_it_to_that_session(doc, registry):
    claims = byo.propose_claims(doc, date(2025, 1, 28), registry).checkable
    labels = {c.id: {"subject": "", "what": "", "says": ""} for c in claims}
    frame = byo.claims_frame(claims, labels)
    first = frame.index[0]
    frame.loc[first, "day"] = date(2025, 1, 26)  # a Sunday: the session on or before is Friday 24 Jan
    frame.loc[frame.index[1], "accept"] = False
    kept = byo.claims_from_frame(frame, claims, registry)
    assert len(kept) == len(claims) - 1
    assert kept[0].day == date(2025, 1, 26) and kept[0].session == date(2025, 1, 24)


def test_claims_without_a_day_are_not_pre_accepted():
    d = byo.read_pasted("एनवीडिया के शेयर सोमवार को 17 प्रतिशत गिर गए।")
    claims = byo.propose_claims(d, None).checkable
    assert claims and claims[0].session is None
    frame = byo.claims_frame(claims, {c.id: {"subject": "", "what": "", "says": ""} for c in claims})
    assert not frame["accept"].any()
    dated = byo.propose_claims(d, date(2025, 1, 28)).checkable
    assert dated[0].session == date(2025, 1, 27)


def test_the_users_publication_date_anchors_weekdays(doc):
    proposals = byo.propose_events(doc, date(2025, 2, 4))
    nasdaq = [p for p in proposals if "Nasdaq" in p.quote][0]
    assert nasdaq.date_text == "2025-02-03"  # "Monday" before Tuesday 4 Feb


# ------------------------------------------------------------------------------------------ the publication date
def test_without_a_dateline_the_latest_full_date_is_the_guess():
    d = byo.read_pasted("Nvidia fell on 27 January 2025. R1 came out on 20 January 2025. Chips were curbed in 2022.")
    guess = byo.infer_published(d)
    assert guess.day == date(2025, 1, 27) and guess.how == "latest" and guess.evidence == "27 January 2025"


def test_without_any_full_date_there_is_no_guess():
    guess = byo.infer_published(byo.read_pasted("Nvidia fell on Monday, the worst day since March."))
    assert guess.day is None and guess.how == "none"


def test_an_html_pages_declared_date_wins():
    page = (b'<html><head><meta property="article:published_time" content="2025-01-29T06:00:00+05:30"><title>T</title></head>'
            b"<body><p>On 27 January 2025 Nvidia fell 17%.</p></body></html>")
    d = byo.read_upload(page, "page.html")
    guess = byo.infer_published(d)
    assert guess.day == date(2025, 1, 29) and guess.how == "meta" and "article:published_time" in guess.evidence
    assert d.title == "T" and d.text == "On 27 January 2025 Nvidia fell 17%."


# ------------------------------------------------------------------------------------------ bad uploads
BAD_UPLOADS = {
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "x.txt", "binary", "a PNG image"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.txt", "binary", "a PDF document"),
    "nul_bytes": (b"some text\x00\x01\x02\x03\xff\xfe binary tail", "data.txt", "binary", "NUL bytes"),
    "control_chars": (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 20 + b"abc", "ctl.txt", "binary", "control characters"),
    "too_large": (b"a" * (byo.MAX_BYTES + 1), "big.txt", "too_large", "1.00 MB"),
    "empty": (b"", "empty.txt", "empty", "is empty"),
    "whitespace": (b" \n\t\r\n   \n", "blank.md", "blank", "no words"),
    "wrong_encoding": ("日本語のテキストです。これはテスト記事です。".encode("shift_jis"), "sjis.txt", "undecodable", "UTF-8"),
    "broken_utf8": ("एनवीडिया".encode()[:-1] + b" fell \x81", "cut.txt", "undecodable", "invalid byte"),
    "bad_utf16_bom": (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "u16.txt", "undecodable", "UTF-16"),
    "wrong_type": (b"text", "notes.pdf", "bad_type", ".txt, .md, .html"),
    "only_script": (b"<html><script>alert('x')</script><style>p{}</style></html>", "s.html", "no_text", "no visible text"),
}


@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_a_bad_upload_gets_its_own_message(case):
    data, name, code, words = BAD_UPLOADS[case]
    with pytest.raises(BadUpload) as err:
        byo.read_upload(data, name)
    assert err.value.code == code
    assert words in str(err.value) and name in str(err.value)
    assert isinstance(err.value, BadInput) and "\n" not in str(err.value)
    assert err.value.params["name"] == name


def test_whitespace_only_paste_is_refused():
    with pytest.raises(BadUpload) as err:
        byo.read_pasted("   \n\t  ")
    assert err.value.code == "blank"


def test_script_tags_never_survive_as_markup():
    page = ("<html><head><title>t</title><script>document.write('<b>pwned</b>')</script></head><body>"
            "<p onclick=\"steal()\">On 27 January 2025 <b>Nvidia</b> fell 17%.<script src=x>alert(1)</script></p>"
            "<img src=x onerror=alert(2)><iframe src='javascript:alert(3)'>frame text</iframe>"
            "<style>body{background:url(javascript:alert(4))}</style><p>Tom &amp; Jerry &lt;script&gt;</p></body></html>")
    for d in (byo.read_upload(page.encode(), "a.html"), byo.read_upload(page.encode(), "a.txt"), byo.read_pasted(page)):
        assert "html_reduced" in d.notes
        for bad in ("alert", "pwned", "steal", "onerror", "javascript", "<b>", "<p", "<img", "<iframe", "frame text", "<style"):
            assert bad not in d.text, (bad, d.text)
        # The one "<script>" left is the author's visible text (&lt;script&gt;), shown only ever as plain text.
        assert d.text == "On 27 January 2025 Nvidia fell 17%.\nTom & Jerry <script>"
    titles = [p.title for p in byo.propose_events(d, date(2025, 1, 28))]
    assert titles == ["Nvidia fell 17%"]


def test_plain_text_with_angle_brackets_that_is_not_html_is_kept():
    d = byo.read_pasted("If x < 3 and y > 2 the index fell on 27 January 2025.")
    assert d.text == "If x < 3 and y > 2 the index fell on 27 January 2025." and "html_reduced" not in d.notes


@pytest.mark.parametrize(("data", "encoding", "note"), [
    (codecs.BOM_UTF8 + "एनवीडिया 27 जनवरी 2025".encode(), "utf-8", "bom"),
    (codecs.BOM_UTF16_LE + "एनवीडिया 27 जनवरी 2025".encode("utf-16-le"), "utf-16-le", "bom"),
    (codecs.BOM_UTF16_BE + "Nvidia on 27 January 2025".encode("utf-16-be"), "utf-16-be", "bom"),
    ("एनवीडिया के शेयर 27 जनवरी 2025 को गिरे".encode("utf-16-le"), "utf-16-le", "utf16_nobom"),
    ("Nvidia fell on 27 January 2025".encode("utf-16-le"), "utf-16-le", "utf16_nobom"),
    ("Café société: Nvidia’s fall on 27 January 2025 — naïve".encode("cp1252"), "cp1252", "cp1252"),
])
def test_encodings_are_detected(data, encoding, note):
    d = byo.read_upload(data, "enc.txt")
    assert d.encoding == encoding and note in d.notes
    assert "2025" in d.text and not d.text.startswith("\ufeff")


def test_windows_newlines_and_stray_controls_are_normalised():
    d = byo.read_upload(b"Line one on 27 January 2025.\r\nLine\x07 two.\r\n", "crlf.txt")
    assert d.text == "Line one on 27 January 2025.\nLine two.\n" and "controls_removed" in d.notes


# ------------------------------------------------------------------------------------------ YAML
def test_accepted_events_round_trip_through_yaml_in_the_catalogue_schema(doc):
    events = byo.events_from_frame(byo.events_frame(byo.propose_events(doc, date(2025, 1, 28))), doc)
    text = byo.events_yaml(events)
    parsed = yaml.safe_load(text)
    assert set(parsed) == {"events"}
    row = parsed["events"][0]
    assert list(row) == ["id", "date", "granularity", "title_en", "title_hi", "category", "importance", "tickers", "sources"]
    assert row["sources"] == [{"article": doc.article, "quote": events[0].article_sources[0].quote}]
    assert isinstance(row["date"], str)  # quoted: YAML would read a bare 2025-01-20 as a date
    back = byo.load_events_yaml(text.encode("utf-8"), "my_events.yaml")
    assert back == events
    assert parse_catalogue(parsed, user_texts={}).events == events


def test_a_yaml_file_with_bad_rows_reports_every_one():
    rows = [
        {"id": "user-x-1", "date": "2025-13-01", "granularity": "day", "title_en": "Bad date", "title_hi": "गलत", "category": "market move",
         "importance": 3, "sources": [{"article": "user:x", "quote": "quote one"}]},
        {"id": "user-x-2", "date": "2025-01-27", "granularity": "day", "title_en": "Seed source", "title_hi": "बीज", "category": "market move",
         "importance": 3, "sources": [{"article": "a000", "quote": "सोमवार को"}]},
        {"id": "user-x-3", "date": "2025-01-27", "granularity": "day", "title_en": "Bad category", "title_hi": "श्रेणी", "category": "gossip",
         "importance": 9, "sources": [{"article": "user:x", "quote": "quote three"}]},
        {"id": "r1-release", "date": "2025-01-20", "granularity": "day", "title_en": "Taken id", "title_hi": "आईडी", "category": "model release",
         "importance": 3, "sources": [{"article": "user:x", "quote": "quote four"}]},
    ]
    data = yaml.safe_dump({"events": rows}, allow_unicode=True).encode()
    with pytest.raises(BadCatalogue) as err:
        byo.load_events_yaml(data, "mine.yaml", taken_ids={"r1-release"})
    problems = err.value.problems
    assert any("user-x-1" in p and "not a real date" in p for p in problems)
    assert any("user-x-2" in p and "not drawn from your own article" in p for p in problems)
    assert any("user-x-3" in p and "category" in p and "importance" in p for p in problems)
    assert any("r1-release" in p and "already a catalogue event" in p for p in problems)


@pytest.mark.parametrize(("data", "words"), [
    (b"events: [unclosed", "not valid YAML"),
    (b"base: &a {id: x}\nevents:\n  - *a\n", "aliases"),
    (b"- just a list\n", "top-level 'events:' list"),
])
def test_a_broken_yaml_file_says_why(data, words):
    with pytest.raises(BadCatalogue) as err:
        byo.load_events_yaml(data, "x.yaml")
    assert words in "\n".join(err.value.problems)


def test_a_binary_file_as_yaml_is_refused_like_an_upload():
    with pytest.raises(BadUpload) as err:
        byo.load_events_yaml(b"\x89PNG\r\n\x1a\n\x00\x00", "events.yaml")
    assert err.value.code == "binary"


def test_the_seed_catalogue_still_refuses_a_users_article():
    row = {"id": "mine", "date": "2025-01-27", "granularity": "day", "title_en": "Mine", "title_hi": "मेरा", "category": "market move",
           "importance": 3, "sources": [{"article": "user:x", "quote": "some words"}]}
    with pytest.raises(BadCatalogue) as err:
        parse_catalogue({"events": [row]})
    assert "user's article" in err.value.problems[0]
    assert parse_catalogue({"events": [row]}, user_texts={"user:x": "here are some words"}).events[0].is_user
    with pytest.raises(BadCatalogue):
        parse_catalogue({"events": [row]}, user_texts={"user:x": "other text"})


# ------------------------------------------------------------------------------------------ helpers
@pytest.mark.parametrize(("value", "expected"), [
    ("2025-01-27", ("2025-01-27", "day", None)), ("2025-01", ("2025-01", "month", None)), ("2025", ("2025", "year", None)),
    ("2025-01-20..2025-01-26", ("2025-01-20", "period", "2025-01-26")), (date(2025, 1, 27), ("2025-01-27", "day", None)),
])
def test_date_text_forms(value, expected):
    assert byo.parse_date_text(value) == expected


@pytest.mark.parametrize("value", ["27/01/2025", "", None, "January 2025", float("nan")])
def test_bad_date_text_is_refused(value):
    with pytest.raises(BadInput):
        byo.parse_date_text(value)


@pytest.mark.parametrize(("sentence", "category"), [
    ("US curbs chip exports to China.", "policy/regulation"),
    ("Liang Wenfeng founded DeepSeek.", "people & funding"),
    ("The company said it was studying the model.", "model release"),
    ("The company said nothing.", "company statement"),
    ("शेयर बाजार में गिरावट आई।", "market move"),
])
def test_category_guess(sentence, category):
    assert byo.guess_category(sentence) == category


# ------------------------------------------------------------------------------------------ the CLI
@pytest.mark.parametrize(("content", "words"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a PNG image"),
    (b"a" * (byo.MAX_BYTES + 10), "the limit is 1 MB"),
    (b"", "is empty"),
    (b"   \n  ", "no words"),
    ("日本語のテキストです。".encode("shift_jis"), "not readable text"),
])
def test_cli_extract_refuses_what_the_page_refuses(tmp_path, capsys, content, words):
    f = tmp_path / "input.txt"
    f.write_bytes(content)
    assert main(["extract", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("extract: input.txt ") and words in err and err.count("\n") == 1


def test_cli_extract_reads_html_as_text(tmp_path, capsys):
    f = tmp_path / "page.html"
    f.write_text("<p>On 27 January 2025 Nvidia fell.</p><script>var d = '1 January 2020';</script>", encoding="utf-8")
    assert main(["extract", str(f), "--json"]) == 0
    import json

    got = json.loads(capsys.readouterr().out)
    assert [m["value"] for m in got] == ["2025-01-27"]
