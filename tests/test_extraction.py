"""The extractor on sentences taken from the seed articles, one test per date and number form."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from market_impact.extraction import extract, extract_article, resolve_weekday, sentence_span

TUESDAY = date(2025, 1, 28)  # a000, a002 and a004 were written on Tuesday 2025-01-28


def dates(text: str, published: date | None = TUESDAY) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.granularity) for m in extract(text, published) if m.kind == "date"]


def numbers(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(m.text, m.value, m.unit, m.qualifier) for m in extract(text, TUESDAY) if m.kind == "number"]


# --- dates --------------------------------------------------------------------------------------------
def test_full_hindi_date_is_a_day():
    s = "स्केल एआई के सीईओ अलेक्जेंड्र वांग ने 23 जनवरी, 2025 को सीएनबीसी के साथ एक साक्षात्कार के दौरान कहा"
    assert dates(s) == [("23 जनवरी, 2025", "2025-01-23", "day")]


def test_full_date_followed_by_comma_is_not_read_as_days_ago():
    # dateparser alone reads "2025 को, दिन" as 2019-07-14 ("2025 days ago").
    s = "20 जनवरी, 2025 को, दिन दीपसेक-आर 1 को जनता के लिए जारी किया गया था"
    assert dates(s) == [("20 जनवरी, 2025", "2025-01-20", "day")]
    assert all(m.kind == "date" or m.unit != "day" for m in extract(s, TUESDAY))


def test_day_month_without_year_takes_the_publication_year():
    s = "27 जनवरी को, अमेरिकी शेयर बाजार के तीन प्रमुख सूचकांक मिश्रित प्रदर्शन के साथ बंद हुए"
    assert dates(s) == [("27 जनवरी", "2025-01-27", "day")]


def test_day_month_near_new_year_takes_the_nearer_year():
    assert dates("28 दिसंबर को", published=date(2025, 1, 3)) == [("28 दिसंबर", "2024-12-28", "day")]


def test_day_month_without_publication_date_is_kept_unresolved():
    assert dates("27 जनवरी को", published=None) == [("27 जनवरी", None, "day")]


def test_month_year_starts_on_the_first_not_the_base_day():
    s = "कंपनी ने दिसंबर 2024 में एक पेपर में लिखने के बाद ग्लोबल एआई सर्किल्स में ध्यान आकर्षित किया है"
    [m] = [m for m in extract(s, TUESDAY) if m.kind == "date"]
    assert (m.text, m.value, m.period_end, m.granularity) == ("दिसंबर 2024", "2024-12-01", "2024-12-31", "month")


def test_bare_year_with_postposition_is_a_year():
    s = "DeepSeek चीन की एक स्वतंत्र AI रिसर्च लैब है, जिसकी शुरुआत 2023 में लियांग वेनफेंग ने की थी।"
    [m] = extract(s, TUESDAY)
    assert (m.text, m.value, m.period_end, m.granularity) == ("2023", "2023-01-01", "2023-12-31", "year")


def test_four_digit_gpu_count_is_not_a_year():
    s = "R1 की पूर्व-प्रशिक्षण लागत केवल 5.576 मिलियन डॉलर है, जो 2048 एनवीडिया H800 GPU क्लस्टर पर 55 दिनों तक चलती है।"
    assert dates(s) == []
    assert numbers(s) == [
        ("5.576 मिलियन डॉलर", 5_576_000.0, "USD", None),
        ("2048 एनवीडिया H800 GPU", 2048.0, "GPU", None),
        ("55 दिनों", 55.0, "day", None),
    ]


def test_end_of_year_is_a_period():
    s = "2022 के अंत में Openai के CHATGPT की रिलीज़ के कारण चीनी तकनीकी फर्मों के बीच एक हाथापाई हुई"
    [m] = [m for m in extract(s, TUESDAY) if m.kind == "date"]
    assert (m.text, m.value, m.period_end, m.granularity) == ("2022 के अंत", "2022-09-01", "2022-12-31", "period")


def test_start_of_this_month_is_a_period_of_the_publication_month():
    s = "इस बीच, इस महीने की शुरुआत में जारी इसके ओपन-सोर्स रीज़निंग मॉडल, R1 ने क्षमताओं का प्रदर्शन किया है"
    [m] = extract(s, TUESDAY)
    assert (m.text, m.value, m.period_end, m.granularity) == ("इस महीने की शुरुआत", "2025-01-01", "2025-01-10", "period")


def test_last_week_is_the_monday_to_sunday_before_publication():
    s = "पिछले सप्ताह जारी की गई दीपसेक-आर 1, ओपनईएआई ओ 1 मॉडल की तुलना में 20 से 50 गुना सस्ता है।"
    [m] = [m for m in extract(s, date(2025, 1, 27)) if m.kind == "date"]
    assert (m.value, m.period_end, m.granularity) == ("2025-01-20", "2025-01-26", "week")


def test_weekday_resolves_to_previous_monday():
    s = "सोमवार को एनवीडिया के शेयर $118.42 पर बंद हुए, जो लगभग चार महीने का निचला स्तर था"
    assert dates(s) == [("सोमवार", "2025-01-27", "day")]


def test_weekday_of_publication_day_is_that_day():
    s = "मंगलवार की सुबह, टोक्यो स्टॉक्स में गिरावट देखी गई"
    assert dates(s) == [("मंगलवार", "2025-01-28", "day")]


@pytest.mark.parametrize(
    ("weekday", "relation", "expected"),
    [(0, None, date(2025, 1, 27)), (1, None, date(2025, 1, 28)), (1, "last", date(2025, 1, 21)),
     (2, None, date(2025, 1, 22)), (0, "next", date(2025, 2, 3)), (1, "next", date(2025, 2, 4))],
)
def test_resolve_weekday_against_a_tuesday(weekday, relation, expected):
    assert resolve_weekday(weekday, TUESDAY, relation) == expected


def test_weekday_without_publication_date_is_unresolved():
    assert dates("सोमवार को", published=None) == [("सोमवार", None, "day")]


def test_english_forms():
    s = "Nvidia fell on Monday, January 27, 2025; V3 came in December 2024 and ChatGPT in late 2022."
    assert dates(s) == [
        ("Monday", "2025-01-27", "day"),
        ("January 27, 2025", "2025-01-27", "day"),
        ("December 2024", "2024-12-01", "month"),
        ("late 2022", "2022-09-01", "period"),
    ]


def test_devanagari_digits():
    assert dates("२७ जनवरी, २०२५ को") == [("२७ जनवरी, २०२५", "2025-01-27", "day")]


def test_impossible_day_falls_back_to_the_month_it_names():
    assert dates("31 फरवरी, 2025 को") == [("फरवरी, 2025", "2025-02-01", "month")]


# --- numbers ------------------------------------------------------------------------------------------
def test_dollar_sign_with_billion_and_about():
    s = "इस गिरावट ने अमेरिकी चिपमेकर के बाजार मूल्य से लगभग $600 बिलियन की राशि मिटा दी"
    [m] = extract(s, TUESDAY)
    assert (m.text, m.value, m.unit, m.qualifier, m.precision) == ("$600 बिलियन", 6e11, "USD", "about", 1e9)


def test_arab_dollar_and_trillion():
    s = "एनवीडिया का कुल मार्केट कैप 2.90 ट्रिलियन डॉलर है, एक दिन में 590 अरब डॉलर की कमी आई"
    assert numbers(s) == [("2.90 ट्रिलियन डॉलर", 2.9e12, "USD", None), ("590 अरब डॉलर", 5.9e11, "USD", None)]


def test_close_price_keeps_cent_precision():
    [m] = extract("जो प्रति शेयर 118.58 डॉलर पर बंद हुई", TUESDAY)
    assert (m.value, m.unit, m.precision) == (118.58, "USD", 0.01)


def test_percent_forms_and_more_than():
    assert numbers("एनवीडिया के शेयर की कीमत 16.86% गिर गई") == [("16.86%", 16.86, "%", None)]
    assert numbers("नैस्डैक सूचकांक 3 प्रतिशत से अधिक गिर गया") == [("3 प्रतिशत", 3.0, "%", "more_than")]


def test_less_than_million_dollars():
    s = "कम्प्यूटिंग पावर की 6 मिलियन डॉलर से कम की आवश्यकता है"
    assert numbers(s) == [("6 मिलियन डॉलर", 6e6, "USD", "less_than")]


def test_karod_and_lakh():
    assert numbers("500 करोड़ रुपये और 20 लाख डॉलर") == [("500 करोड़ रुपये", 5e9, "INR", None), ("20 लाख डॉलर", 2e6, "USD", None)]


def test_dollars_per_hour_and_gpu_hours():
    s = "प्रत्येक चिप के बारे में यूएस $ 2 प्रति घंटे की लागत है। कुल लागत US $ 5.5 मिलियन थी, जिसमें 2.8 मिलियन GPU घंटे"
    assert numbers(s) == [
        ("यूएस $ 2 प्रति घंटे", 2.0, "USD/hour", None),
        ("US $ 5.5 मिलियन", 5.5e6, "USD", None),
        ("2.8 मिलियन GPU घंटे", 2.8e6, "GPU-hour", None),
    ]


def test_gpu_count_skips_model_number_in_between():
    s = "दीपसेक ने दो महीने की अवधि में केवल 2,048 एनवीडिया एच 800 जीपीयू पर अपने वी 3 मॉडल को पूर्व-प्रशिक्षित करने का दावा किया है"
    assert numbers(s) == [("दो महीने", 2.0, "month", None), ("2,048 एनवीडिया एच 800 जीपीयू", 2048.0, "GPU", None)]


def test_model_names_are_not_counts():
    assert numbers("डीपसेक-वी 3 के प्रशिक्षण को एनवीडिया एच 800 चिप्स से कम्प्यूटिंग पावर") == []


def test_range_of_times():
    [m] = [m for m in extract("यह 20 से 50 गुना सस्ता है", TUESDAY)]
    assert (m.text, m.value, m.upper, m.unit) == ("20 से 50 गुना", 20.0, 50.0, "times")


def test_word_numeral_month_count():
    assert numbers("जो लगभग चार महीने का निचला स्तर था") == [("चार महीने", 4.0, "month", "about")]


# --- spans and quotes ---------------------------------------------------------------------------------
@pytest.mark.parametrize("article_id", ["a000", "a001", "a002", "a003", "a004"])
def test_every_mention_span_and_quote_is_verbatim(article_id):
    from market_impact.articles import article_text

    text = article_text(article_id)
    found = extract_article(article_id)
    assert found, "each seed article has dated mentions or numbers"
    for m in found:
        assert text[m.start:m.end] == m.text
        assert text[m.quote_start:m.quote_start + len(m.quote)] == m.quote
        assert m.quote_start <= m.start and m.end <= m.quote_start + len(m.quote)
        assert m.article == article_id


def test_quote_is_the_sentence_not_the_paragraph():
    text = "पहला वाक्य है। सोमवार को $118.42 पर बंद हुए. तीसरा वाक्य."
    m = next(m for m in extract(text, TUESDAY) if m.kind == "number")
    assert m.quote == "सोमवार को $118.42 पर बंद हुए."
    assert sentence_span(text, m.start, m.end)[0] == text.index("सोमवार")


def test_a004_mentions_in_order():
    got = [(m.kind, m.text) for m in extract_article("a004")][:3]
    assert got == [("date", "27 जनवरी"), ("number", "16.86%"), ("number", "118.58 डॉलर")]


# --- robustness ---------------------------------------------------------------------------------------
HINDI_BITS = st.sampled_from(["27 जनवरी, 2025", "सोमवार", "$", "मिलियन", "प्रतिशत", "से अधिक", "2,0", "के अंत",
                              "इस महीने की", " ", ".", "।", "०", "\n", "पिछले सप्ताह", "एच 800", "गुना", "2021 में"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(HINDI_BITS, st.text(max_size=3))).map("".join)),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_any_unicode_text_never_crashes_and_spans_hold(text, published):
    for m in extract(text, published):
        assert text[m.start:m.end] == m.text
        assert m.quote in text
        assert m.kind in ("date", "number")


@pytest.mark.parametrize(("text", "published"), [("पिछले साल", date(1, 1, 5)), ("अगले सप्ताह", date(9999, 12, 30)),
                                                 ("अगले सोमवार", date(9999, 12, 31)), ("3 days ago", date(1, 1, 1))])
def test_periods_off_the_calendar_are_dropped(text, published):
    assert [m.value for m in extract(text, published) if m.kind == "date"] in ([], [None])


def test_quote_of_a_run_on_text_is_a_bounded_window():
    text = "शब्द " * 2000 + "सोमवार को " + "शब्द " * 2000
    [m] = extract(text, TUESDAY)
    assert m.text == "सोमवार" and m.quote in text and len(m.quote) <= 2 * 300 + len(m.text)
