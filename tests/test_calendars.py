import pandas as pd

from market_impact import calendars


def test_r1_release_holiday_maps_to_next_nyse_session():
    assert calendars.session_on_or_after("2025-01-20", "XNYS") == pd.Timestamp("2025-01-21")


def test_r1_release_is_a_tokyo_session():
    assert calendars.session_on_or_after("2025-01-20", "XTKS") == pd.Timestamp("2025-01-20")


def test_weekend_maps_forward_and_backward():
    assert calendars.session_on_or_after("2025-01-25", "XNYS") == pd.Timestamp("2025-01-27")
    assert calendars.session_on_or_before("2025-01-26", "XNYS") == pd.Timestamp("2025-01-24")


def test_carter_mourning_day_is_not_a_session():
    assert not calendars.is_session("2025-01-09", "XNYS")


def test_last_session_before_r1_is_friday_17th():
    assert calendars.previous_session("2025-01-20", "XNYS") == pd.Timestamp("2025-01-17")


def test_sessions_between_skips_holiday_and_weekend():
    got = calendars.sessions_between("2025-01-17", "2025-01-27", "XNYS")
    assert [d.strftime("%m-%d") for d in got] == ["01-17", "01-21", "01-22", "01-23", "01-24", "01-27"]


def test_sessions_between_reversed_range_is_empty():
    assert len(calendars.sessions_between("2025-02-01", "2025-01-01")) == 0


def test_hong_kong_lunar_new_year_closure():
    # 2025-01-29..31 are HKEX holidays; 2025-01-28 is a half day (still a session)
    assert calendars.is_session("2025-01-28", "XHKG")
    assert calendars.session_on_or_after("2025-01-29", "XHKG") == pd.Timestamp("2025-02-03")


def test_shift_sessions_counts_trading_days():
    assert calendars.shift_sessions("2025-01-27", -5, "XNYS") == pd.Timestamp("2025-01-17")
