"""Claim check: each metric and operator on small test frames of our own, tolerance by stated precision,
claim extraction from Hindi text, and the full set on the real snapshot (the must-hold golden facts)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from market_impact import calendars
from market_impact.claims import (
    Claim,
    check_claims,
    claims_from_text,
    disagreement_matrix,
    evaluate_claim,
    explanation,
    quote_in_paragraph_html,
    results_table,
    rounding_step,
    to_json,
)
from market_impact.errors import NoPriceData
from market_impact.fundamentals import SharesOutstanding
from market_impact.tickers import Ticker

MON, TUE, FRI = date(2025, 1, 27), date(2025, 1, 28), date(2025, 1, 24)

# ---------------------------------------------------------------- test frames (ours, not market data)
TEST_REGISTRY = {
    "TST": Ticker("TST", "Test Corp", "टेस्ट कॉर्प", "test", "XNYS", "USD", "raw_and_adjusted"),
    "IDX": Ticker("IDX", "Test Index", "टेस्ट सूचकांक", "test", "XNYS", "USD", "index"),
    "IDY": Ticker("IDY", "Test Index Y", "टेस्ट सूचकांक Y", "test", "XNYS", "USD", "index"),
    "ADJ": Ticker("ADJ", "Adjusted Only", "केवल समायोजित", "test", "XNYS", "USD", "adjusted"),
    "TKY": Ticker("TKY", "Test Tokyo", "टेस्ट टोक्यो", "test", "XTKS", "JPY", "index"),
}


def test_frame(rows: dict[str, dict[date, tuple[float | None, float]]]) -> pd.DataFrame:
    """A tidy test frame: {symbol: {day: (open, close)}}."""
    out = [{"date": pd.Timestamp(d), "symbol": s, "open": o, "high": None, "low": None, "close": c, "adj_close": None, "volume": 1.0}
           for s, days in rows.items() for d, (o, c) in days.items()]
    return pd.DataFrame(out).astype({"open": "float64", "close": "float64", "high": "float64", "low": "float64", "adj_close": "float64"})


test_frame.__test__ = False  # a builder, not a test

# TST: 200 → 100 over the weekend of 25-26 Jan (−50%); opens 120 on Tuesday; IDX −3.07%; IDY +0.5%
TEST_FRAME = test_frame({
    "TST": {FRI: (199.0, 200.0), MON: (150.0, 100.0), TUE: (120.0, 110.0)},
    "IDX": {FRI: (10000.0, 10000.0), MON: (9800.0, 9693.0), TUE: (9700.0, 9750.0)},
    "IDY": {FRI: (500.0, 500.0), MON: (499.0, 502.5), TUE: (502.0, 503.0)},
    "ADJ": {FRI: (50.0, 50.0), MON: (45.0, 45.0), TUE: (46.0, 46.0)},
    "TKY": {MON: (39900.0, 39565.8), TUE: (39400.0, 39016.9)},
})


def fake_shares(symbol: str, on=None) -> SharesOutstanding:
    if symbol != "TST":
        raise NoPriceData(f"no test share count for {symbol}")
    return SharesOutstanding("TST", 1_000_000_000, date(2024, 11, 15), "stated to 0.1 billion", "test filing")


def claim(metric, operator="=", symbols=("TST",), session=MON, stated=None, unit=None, precision=None, direction=None, **kw) -> Claim:
    return Claim(id="t.01", article="t", quote="q", start=0, metric=metric, operator=operator, symbols=tuple(symbols),
                 session=session, day=session, stated=stated, unit=unit, precision=precision, direction=direction, **kw)


def check(c: Claim, data: pd.DataFrame = TEST_FRAME):
    return evaluate_claim(c, data, TEST_REGISTRY, shares=fake_shares)


# ---------------------------------------------------------------- close
def test_close_stated_to_the_cent_is_supported_when_equal():
    r = check(claim("close", stated=100.00, unit="USD", precision=0.01))
    assert r.verdict == "supported" and r.actual == 100.0 and r.difference == 0.0 and r.tolerance == pytest.approx(0.005)


def test_close_off_by_one_cent_is_contradicted():
    r = check(claim("close", stated=100.01, unit="USD", precision=0.01))
    assert r.verdict == "contradicted" and r.difference == pytest.approx(-0.01)


def test_close_stated_in_whole_dollars_allows_half_a_dollar():
    assert check(claim("close", stated=100.0, unit="USD", precision=1.0)).verdict == "supported"
    assert check(claim("close", operator="≈", stated=100.4, unit="USD", precision=1.0)).verdict == "supported"
    assert check(claim("close", stated=101.0, unit="USD", precision=1.0)).verdict == "contradicted"


# ---------------------------------------------------------------- % move (=, ≈, <, >)
def test_pct_move_to_the_hundredth_uses_half_a_hundredth():
    idx = claim("pct_move", symbols=("IDX",), stated=-3.07, unit="%", precision=0.01, direction="down")
    r = check(idx)
    assert r.actual == pytest.approx(-3.07) and r.verdict == "supported"
    r = check(claim("pct_move", symbols=("IDX",), stated=-3.06, unit="%", precision=0.01, direction="down"))
    assert r.verdict == "contradicted" and r.difference == pytest.approx(-0.01)


def test_pct_move_in_whole_points_tolerates_half_a_point():
    assert check(claim("pct_move", symbols=("IDX",), stated=-3.0, unit="%", precision=1.0)).verdict == "supported"
    assert check(claim("pct_move", symbols=("IDX",), stated=-4.0, unit="%", precision=1.0)).verdict == "contradicted"


def test_pct_move_with_the_wrong_sign_is_contradicted():
    assert check(claim("pct_move", symbols=("IDX",), stated=3.0, unit="%", precision=1.0, direction="up")).verdict == "contradicted"


def test_fall_of_more_than_a_threshold_is_move_below_minus_threshold():
    assert check(claim("pct_move", "<", symbols=("IDX",), stated=-3.0, unit="%", precision=1.0)).verdict == "supported"
    assert check(claim("pct_move", "<", symbols=("IDX",), stated=-4.0, unit="%", precision=1.0)).verdict == "contradicted"


def test_rise_of_more_than_a_threshold():
    assert check(claim("pct_move", ">", symbols=("IDY",), stated=0.25, unit="%", precision=0.01)).verdict == "supported"
    assert check(claim("pct_move", ">", symbols=("IDY",), stated=1.0, unit="%", precision=1.0)).verdict == "contradicted"


# ---------------------------------------------------------------- direction, opened higher/lower, pre-market, mixed
def test_direction_fell_and_rose():
    assert check(claim("direction", "direction", symbols=("IDX",), direction="down")).verdict == "supported"
    assert check(claim("direction", "direction", symbols=("IDX",), direction="up")).verdict == "contradicted"
    assert check(claim("direction", "direction", symbols=("IDY",), direction="up")).verdict == "supported"


def test_opened_higher_compares_open_with_previous_close():
    r = check(claim("open_gap", "direction", session=TUE, direction="up"))
    assert r.verdict == "supported" and r.actual == pytest.approx(20.0)  # 120 / 100 − 1
    assert [(p.day, p.field) for p in r.inputs] == [(MON, "close"), (TUE, "open")]
    assert check(claim("open_gap", "direction", session=TUE, direction="down")).verdict == "contradicted"


def test_opened_lower_on_tokyo_uses_the_tokyo_calendar():
    r = check(claim("open_gap", "direction", symbols=("TKY",), session=TUE, direction="down"))
    assert r.verdict == "supported" and r.inputs[0].day == MON


def test_premarket_rebound_is_next_open_against_prior_close():
    r = check(claim("premarket", "direction", session=TUE, direction="up"))
    assert r.verdict == "supported" and r.actual == pytest.approx(20.0)
    assert "open" in explanation(r) and "Pre-market" in explanation(r)


def test_indices_mixed_needs_one_up_and_one_down():
    r = check(claim("mixed", "direction", symbols=("IDX", "IDY"), direction="mixed"))
    assert r.verdict == "supported" and set(r.extra["moves"]) == {"IDX", "IDY"}
    both_down = test_frame({"IDX": {FRI: (1, 10.0), MON: (1, 9.0)}, "IDY": {FRI: (1, 10.0), MON: (1, 9.5)}})
    assert check(claim("mixed", "direction", symbols=("IDX", "IDY"), direction="mixed"), both_down).verdict == "contradicted"


# ---------------------------------------------------------------- market value (with the share count's own rounding)
def test_market_value_lost_about_a_round_figure_is_checked_to_its_rounding():
    # (100 − 200) × 1e9 = −$100 billion; "about $100 billion" stated to $10 billion (trailing zero)
    r = check(claim("mv_change", "≈", stated=-100e9, unit="USD", precision=10e9))
    assert r.verdict == "supported" and r.actual == pytest.approx(-100e9) and r.shares.source == "test filing"
    # allowed = half the stated step + |Δprice| × half the share count's 0.1 bn step
    assert r.tolerance == pytest.approx(5e9 + 100 * 0.05e9)
    assert check(claim("mv_change", "≈", stated=-120e9, unit="USD", precision=10e9)).verdict == "contradicted"


def test_market_value_level_uses_close_times_shares():
    r = check(claim("mv_level", stated=100e9, unit="USD", precision=1e9))
    assert r.verdict == "supported" and r.actual == pytest.approx(100e9) and "1.0 billion shares" in explanation(r)


def test_market_value_without_a_sourced_share_count_is_not_checkable():
    r = check(claim("mv_level", symbols=("IDX",), stated=1e9, unit="USD", precision=1e9))
    assert r.verdict == "not checkable" and r.reason == "no_shares"


# ---------------------------------------------------------------- N-month low
def _history() -> pd.DataFrame:
    days = calendars.sessions_between("2024-03-01", "2025-01-28", "XNYS")
    closes = {d.date(): (200.0, 200.0) for d in days}
    closes[date(2024, 4, 15)] = (80.0, 80.0)
    closes[date(2024, 10, 1)] = (90.0, 90.0)  # the last close at or below Monday's 100
    closes[MON] = (150.0, 100.0)
    return test_frame({"TST": closes})


def test_about_n_month_low_measures_months_since_a_lower_close():
    r = check(claim("low_since", "≈", stated=4.0, unit="month", precision=1.0), _history())
    assert r.verdict == "supported" and r.actual == pytest.approx(118 / (365.25 / 12)) and r.extra["last_lower"] == date(2024, 10, 1)
    assert check(claim("low_since", "≈", stated=6.0, unit="month", precision=1.0), _history()).verdict == "contradicted"


def test_lowest_in_the_past_n_months_fails_when_lower_closes_are_more_recent():
    assert check(claim("low_since", "≥", stated=10.0, unit="month", precision=1.0), _history()).verdict == "contradicted"
    assert check(claim("low_since", "≥", stated=3.0, unit="month", precision=1.0), _history()).verdict == "supported"


# ---------------------------------------------------------------- not checkable, with the reason
def test_symbol_without_a_quoted_close_is_not_checkable():
    r = check(claim("close", symbols=("ADJ",), stated=45.0, unit="USD", precision=0.01))
    assert r.verdict == "not checkable" and r.reason == "no_quoted_close" and "dividend-adjusted" in explanation(r)


def test_missing_open_is_not_checkable():
    data = test_frame({"TST": {MON: (None, 100.0), TUE: (None, 110.0)}})
    r = check(claim("open_gap", "direction", session=TUE, direction="up"), data)
    assert r.verdict == "not checkable" and r.reason == "no_open"


def test_a_day_without_a_session_is_not_checkable():
    r = check(claim("close", session=date(2025, 1, 20), stated=1.0, unit="USD", precision=0.01))  # MLK day
    assert r.verdict == "not checkable" and r.reason == "no_session"


def test_training_cost_is_not_checkable_by_nature():
    c = claim("not_market", symbols=(), session=None, stated=5.5e6, unit="USD", precision=1e5, reason="training_cost")
    r = check(c)
    assert r.verdict == "not checkable" and "not market data" in explanation(r)


# ---------------------------------------------------------------- stated precision
@pytest.mark.parametrize(("text", "precision", "step"), [
    ("$118.42", 0.01, 0.01),
    ("16.86%", 0.01, 0.01),
    ("17 प्रतिशत", 1.0, 1.0),
    ("$600 बिलियन", 1e9, 1e11),
    ("590 अरब डॉलर", 1e9, 1e10),
    ("2.90 ट्रिलियन डॉलर", 1e10, 1e10),
])
def test_rounding_step_follows_the_printed_digits(text, precision, step):
    assert rounding_step(text, precision) == pytest.approx(step)


# ---------------------------------------------------------------- extraction from Hindi text
TEXT = ("सोमवार को एनवीडिया के शेयर $118.42 पर बंद हुए, जो लगभग चार महीने का निचला स्तर था। "
        "इसके परिणामस्वरूप, तकनीकी-भारी नैस्डैक सूचकांक 3 प्रतिशत से अधिक गिर गया।\n"
        "V3 मॉडल के लिए कुल प्रशिक्षण लागत US $ 5.5 मिलियन थी।")


def test_weekday_resolves_against_publication_date_and_carries_to_the_next_sentence():
    claims = claims_from_text(TEXT, "t", date(2025, 1, 28), TEST_REGISTRY)
    by_metric = {c.metric: c for c in claims}
    assert by_metric["close"].session == MON and by_metric["close"].symbols == ("NVDA",) and by_metric["close"].stated == 118.42
    assert by_metric["pct_move"].session == MON and by_metric["pct_move"].symbols == ("^IXIC",)


def test_more_than_three_percent_fall_becomes_below_minus_three():
    c = next(c for c in claims_from_text(TEXT, "t", date(2025, 1, 28)) if c.metric == "pct_move")
    assert (c.operator, c.stated, c.precision, c.direction) == ("<", -3.0, 1.0, "down")


def test_about_four_month_low_is_an_approximate_claim():
    c = next(c for c in claims_from_text(TEXT, "t", date(2025, 1, 28)) if c.metric == "low_since")
    assert (c.operator, c.stated) == ("≈", 4.0)


def test_quotes_are_verbatim_and_non_market_numbers_get_a_reason():
    claims = claims_from_text(TEXT, "t", date(2025, 1, 28))
    assert all(TEXT[c.start:c.end] == c.quote for c in claims)
    cost = next(c for c in claims if c.metric == "not_market")
    assert cost.reason == "training_cost" and cost.stated == 5.5e6


def test_claim_ids_number_claims_in_reading_order():
    claims = claims_from_text(TEXT, "t", date(2025, 1, 28))
    assert [c.id for c in claims] == [f"t.{i:02d}" for i in range(1, len(claims) + 1)]
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_quote_in_paragraph_is_escaped_and_highlighted():
    text = "first line\nbefore <script>alert(1)</script> QUOTE & after\nlast"
    start = text.index("QUOTE")
    out = quote_in_paragraph_html(text, start, start + 5)
    assert "<script>" not in out and "&lt;script&gt;" in out and "<mark" in out and ">QUOTE</mark>" in out and "&amp; after" in out
    assert "first line" not in out and "last" not in out


# ---------------------------------------------------------------- the full set on the real snapshot
@pytest.fixture(scope="module")
def snapshot_check():
    return check_claims(mode="snapshot")


def _find(check, article, metric, stated=None):
    return next(r for r in check.results if r.claim.article == article and r.claim.metric == metric
                and (stated is None or r.claim.stated == pytest.approx(stated)))


def test_snapshot_118_42_close_is_supported(snapshot_check):
    r = _find(snapshot_check, "a000", "close", 118.42)
    assert r.verdict == "supported" and r.actual == pytest.approx(118.42) and r.claim.session == MON and "$118.42" in r.claim.quote


def test_snapshot_16_86_percent_fall_is_contradicted_by_minus_16_97(snapshot_check):
    r = _find(snapshot_check, "a004", "pct_move", -16.86)
    assert r.verdict == "contradicted" and round(r.actual, 2) == -16.97 and "16.86%" in r.claim.quote
    assert "−16.97%" in explanation(r)


def test_snapshot_other_nvidia_figures(snapshot_check):
    assert _find(snapshot_check, "a002", "pct_move", -17.0).verdict == "supported"  # whole point
    assert _find(snapshot_check, "a004", "close", 118.58).verdict == "contradicted"
    lost_600 = _find(snapshot_check, "a000", "mv_change", -600e9)
    assert lost_600.verdict == "supported" and lost_600.actual == pytest.approx(-(142.62 - 118.42) * 24.5e9)
    assert lost_600.shares.as_of == date(2024, 11, 15) and "10-Q" in lost_600.shares.source
    assert _find(snapshot_check, "a004", "mv_change", -590e9).verdict == "supported"
    assert _find(snapshot_check, "a004", "mv_level", 2.90e12).verdict == "supported"
    assert _find(snapshot_check, "a000", "low_since", 4.0).verdict == "supported"
    assert _find(snapshot_check, "a004", "low_since", 10.0).verdict == "contradicted"
    assert _find(snapshot_check, "a002", "premarket").verdict == "supported"


def test_snapshot_index_and_market_claims(snapshot_check):
    nasdaq = _find(snapshot_check, "a000", "pct_move", -3.0)
    assert nasdaq.claim.symbols == ("^IXIC",) and nasdaq.verdict == "supported" and round(nasdaq.actual, 2) == -3.07
    hsi = next(r for r in snapshot_check.results if r.claim.symbols == ("^HSI",))
    assert hsi.claim.metric == "open_gap" and hsi.claim.session == TUE and hsi.verdict == "supported"
    mixed = _find(snapshot_check, "a004", "mixed")
    assert mixed.verdict == "supported" and mixed.extra["moves"]["^DJI"] > 0 > mixed.extra["moves"]["^IXIC"]


def test_snapshot_hong_kong_stocks_are_not_checkable_for_lack_of_quoted_prices(snapshot_check):
    hk = [r for r in snapshot_check.results if r.claim.symbol and r.claim.symbol.endswith(".HK")]
    assert {r.claim.symbol for r in hk} == {"0700.HK", "9988.HK", "9888.HK"}
    assert all(r.verdict == "not checkable" and r.reason == "no_quoted_close" for r in hk)


def test_snapshot_training_costs_and_gpu_counts_are_not_checkable(snapshot_check):
    costs = [r for r in snapshot_check.results if r.reason == "training_cost"]
    hardware = [r for r in snapshot_check.results if r.reason == "hardware"]
    assert {r.claim.stated for r in costs} >= {6e6, 5.58e6, 5.5e6, 5.576e6}
    assert {r.claim.stated for r in hardware} >= {2000, 15000, 50000, 10000, 2048}


def test_snapshot_verdict_counts(snapshot_check):
    assert snapshot_check.counts() == {"supported": 15, "contradicted": 3, "not checkable": 24}


def test_snapshot_every_quote_is_verbatim_and_every_unchecked_claim_says_why(snapshot_check):
    from market_impact.articles import article_text

    for r in snapshot_check.results:
        assert article_text(r.claim.article)[r.claim.start:r.claim.end] == r.claim.quote
        if r.verdict == "not checkable":
            assert r.reason and not explanation(r).startswith("claims.")
        for lang in ("en", "hi"):
            assert "claims." not in explanation(r, lang)


def test_disagreement_matrix_lines_up_nvidias_fall_across_articles(snapshot_check):
    from market_impact.tickers import load_registry

    m = disagreement_matrix(snapshot_check.results, load_registry())
    row = m[m["Quantity"] == "Nvidia: move on 27 Jan 2025"].iloc[0]
    assert "−17%" in row["a002"] and "−16.86%" in row["a004"] and row["Tape"] == "−16.97%"
    close = m[m["Quantity"] == "Nvidia: close on 27 Jan 2025"].iloc[0]
    assert "✔" in close["a000"] and "✘" in close["a004"] and close["Tape"] == "$118.42"


def test_results_table_in_hindi_has_hindi_headers(snapshot_check):
    table = results_table(snapshot_check.results, lang="hi")
    assert list(table.columns)[:3] == ["आईडी", "निर्णय", "विषय"] and len(table) == len(snapshot_check.results)
    assert table.iloc[0]["निर्णय"].endswith("जाँच योग्य नहीं")


def test_cli_claims_json(capsys):
    from market_impact.cli import main

    assert main(["claims", "--json", "--offline"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"article", "quote", "metric", "stated", "actual", "verdict", "explanation"} <= set(rows[0])
    assert {r["verdict"] for r in rows} == {"supported", "contradicted", "not checkable"}
    r = next(r for r in rows if r["stated"] == -16.86)
    assert r["verdict"] == "contradicted" and round(r["actual"], 2) == -16.97 and r["formula"].startswith("118.42 / 142.62")
    assert to_json([])[:1] == []


def test_cli_claims_unknown_article_is_one_line_error(capsys):
    from market_impact.cli import main

    assert main(["claims", "--article", "a999", "--offline"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("claims: Unknown article 'a999'") and err.count("\n") == 1
