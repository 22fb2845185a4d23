"""URL state: parse, report problems, round-trip."""

from datetime import date

from market_impact.views import PricesView

KNOWN = {"NVDA", "^IXIC", "AMD", "SMH", "^GSPC"}


def test_defaults_when_no_params():
    v = PricesView.from_params({})
    assert v == PricesView() and v.problems == ()


def test_round_trip_reproduces_the_view():
    v = PricesView(symbols=("AMD", "NVDA"), preset="custom", start=date(2025, 1, 2), end=date(2025, 2, 3), mode="log",
                   candles=True, volume=True, importance=3, categories=("market-move",), window_event="r1-release", window=(-2, 3),
                   map_date=date(2025, 1, 28))
    params = {k: x for k, x in v.to_params().items() if x is not None}
    assert PricesView.from_params(params, KNOWN, {"r1-release"}) == v


def test_defaults_are_not_written_to_the_url():
    assert all(x is None for x in PricesView().to_params().values())


def test_unknown_symbol_dropped_with_a_problem():
    v = PricesView.from_params({"symbols": "NVDA,NOPE"}, KNOWN)
    assert v.symbols == ("NVDA",)
    assert [(p.name, p.value) for p in v.problems] == [("symbols", "NOPE")]


def test_reversed_dates_keep_defaults_and_say_so():
    v = PricesView.from_params({"preset": "custom", "start": "2025-03-01", "end": "2025-01-01"}, KNOWN)
    assert (v.start, v.end) == (PricesView().start, PricesView().end)
    assert "after the end" in v.problems[0].reason


def test_impossible_date_absurd_window_and_script_are_refused():
    v = PricesView.from_params({"map_date": "2025-02-30", "window": "-9999,5", "window_event": "<script>alert(1)</script>", "mode": "x"},
                               KNOWN, {"r1-release"})
    assert v.map_date == PricesView().map_date and v.window == (-1, 5) and v.window_event == "" and v.mode == "normalised"
    assert {p.name for p in v.problems} == {"map_date", "window", "window_event", "mode"}
