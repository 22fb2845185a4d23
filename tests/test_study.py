"""Event study: estimates, CARs, window shortening and the cross-sectional tests, on test frames built here."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from market_impact.calendars import sessions_between
from market_impact.errors import BadInput, InsufficientHistory
from market_impact.study import cross_section_tests, find_confounders, run_study

US = sessions_between("2024-01-02", "2025-06-30", "XNYS")
EVENT = pd.Timestamp("2025-01-27")
POS = int(US.searchsorted(EVENT))


def synthetic_frame(params: dict[str, tuple[float, float, float]], seed: int = 7, index=US) -> pd.DataFrame:
    """Test frame: a random benchmark ^GSPC and symbols R = alpha + beta·Rm + noise(sd)."""
    rng = np.random.default_rng(seed)
    rm = rng.normal(0.0005, 0.01, len(index))
    cols = {"^GSPC": rm}
    for sym, (a, b, sd) in params.items():
        cols[sym] = a + b * rm + rng.normal(0.0, sd, len(index))
    return pd.DataFrame(cols, index=pd.DatetimeIndex(index, name="date"))


def estimation_slice(frame: pd.DataFrame, lo: int = -250, hi: int = -11) -> pd.DataFrame:
    return frame.iloc[POS + lo: POS + hi + 1]


def ols(frame: pd.DataFrame, sym: str):
    est = estimation_slice(frame)[[sym, "^GSPC"]].dropna()
    return sm.OLS(est[sym].to_numpy(), sm.add_constant(est["^GSPC"].to_numpy())).fit()


def test_alpha_beta_sigma_match_statsmodels_ols_for_every_symbol_at_once():
    frame = synthetic_frame({"AAA": (0.001, 1.5, 0.01), "BBB": (-0.0005, 0.4, 0.02), "CCC": (0.0, 2.7, 0.03)})
    frame.iloc[POS - 200: POS - 190, frame.columns.get_loc("BBB")] = np.nan  # a gap: dropped, never filled
    frame.iloc[POS - 100, frame.columns.get_loc("^GSPC")] = np.nan
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0)])
    for sym in ("AAA", "BBB", "CCC"):
        fit = ols(frame, sym)
        r = res.result(sym)
        assert r.alpha == pytest.approx(fit.params[0], rel=1e-9, abs=1e-12)
        assert r.beta == pytest.approx(fit.params[1], rel=1e-9)
        assert r.sigma == pytest.approx(np.sqrt(fit.scale), rel=1e-9)  # SSR / (n - 2)
        assert r.estimation_sessions == int(fit.nobs)
        assert r.dof == int(fit.df_resid)
    assert res.result("BBB").estimation_sessions == 240 - 10 - 1
    assert res.result("AAA").estimation_shortened is None


def test_ar_car_t_p_follow_the_formulas_in_a_three_day_window():
    frame = synthetic_frame({"AAA": (0.001, 1.2, 0.015)})
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(-1, 1)])
    fit = ols(frame, "AAA")
    ev = frame.iloc[POS - 1: POS + 2]
    ar = ev["AAA"].to_numpy() - (fit.params[0] + fit.params[1] * ev["^GSPC"].to_numpy())
    r = res.result("AAA", (-1, 1))
    np.testing.assert_allclose(r.ar_values, ar, rtol=1e-9)
    assert list(r.ar.index) == list(ev.index)
    assert list(r.ar_days) == [-1, 0, 1]
    sigma = np.sqrt(fit.scale)
    assert r.car == pytest.approx(ar.sum(), rel=1e-9)
    assert r.t == pytest.approx(ar.sum() / (sigma * np.sqrt(3)), rel=1e-9)
    assert r.p == pytest.approx(2 * stats.t.sf(abs(r.t), fit.df_resid), rel=1e-9)


def test_injected_shock_is_recovered_as_the_car():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.0005)})
    frame.iloc[POS, frame.columns.get_loc("AAA")] -= 0.10
    frame.iloc[POS + 1, frame.columns.get_loc("AAA")] += 0.03
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0), (0, 1), (0, 5)])
    assert res.result("AAA", (0, 0)).car == pytest.approx(-0.10, abs=0.003)
    assert res.result("AAA", (0, 1)).car == pytest.approx(-0.07, abs=0.004)
    assert res.result("AAA", (0, 5)).car == pytest.approx(-0.07, abs=0.006)
    assert res.result("AAA", (0, 0)).p < 1e-6


def test_missing_return_inside_the_event_window_is_dropped_from_the_car():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01)})
    frame.iloc[POS, frame.columns.get_loc("AAA")] = np.nan
    r = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(-1, 1)]).result("AAA", (-1, 1))
    assert r.window_sessions == 2
    assert list(r.ar_days) == [-1, 1]
    assert r.car == pytest.approx(r.ar_values.sum())
    assert np.isfinite(r.car)


def test_event_on_a_us_holiday_starts_at_the_next_session():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01)})
    r = run_study(frame, "2025-01-20", benchmarks="^GSPC", windows=[(0, 0)]).result("AAA")
    assert r.event_session == pd.Timestamp("2025-01-21")


def test_estimation_window_shortens_to_the_data_that_exists_and_says_so():
    frame = synthetic_frame({"LATE": (0.0, 1.1, 0.01), "FULL": (0.0, 0.9, 0.01)})
    frame.iloc[: POS - 100, frame.columns.get_loc("LATE")] = np.nan  # returns begin 100 sessions before day 0
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0)])
    late, full = res.result("LATE"), res.result("FULL")
    assert late.estimation_sessions == 90  # days -100 .. -11
    assert late.estimation_window == (-100, -11)
    assert late.estimation_start == US[POS - 100]
    assert "shortened to [-100,-11]" in late.estimation_shortened
    assert US[POS - 100].date().isoformat() in late.estimation_shortened
    assert full.estimation_sessions == 240 and full.estimation_shortened is None
    fit = sm.OLS(frame["LATE"].iloc[POS - 100: POS - 10].to_numpy(),
                 sm.add_constant(frame["^GSPC"].iloc[POS - 100: POS - 10].to_numpy())).fit()
    assert late.beta == pytest.approx(fit.params[1], rel=1e-9)


def test_frame_that_starts_late_shortens_every_symbol():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01)}).iloc[POS - 120:]
    r = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0)]).result("AAA")
    assert r.estimation_sessions == 110
    assert r.estimation_shortened is not None


def test_fewer_than_60_estimation_sessions_raises_a_clear_error():
    frame = synthetic_frame({"NEW": (0.0, 1.0, 0.01)})
    frame.iloc[: POS - 65, frame.columns.get_loc("NEW")] = np.nan  # 55 sessions before day -10
    with pytest.raises(InsufficientHistory, match=r"NEW has 55 usable sessions.*at least 60"):
        run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0)])


def test_short_symbol_is_skipped_when_others_can_be_studied():
    frame = synthetic_frame({"NEW": (0.0, 1.0, 0.01), "OLD": (0.0, 1.0, 0.01)})
    frame.iloc[: POS + 10, frame.columns.get_loc("NEW")] = np.nan  # like SNDK: listed after the event
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0)])
    assert res.symbols == ["OLD"]
    assert "NEW has 0 usable sessions" in res.skipped["NEW"]
    assert res.cross_sections[(0, 0)].n == 1


def test_bad_windows_are_rejected_with_a_message():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01)})
    with pytest.raises(BadInput, match="overlaps the estimation window"):
        run_study(frame, EVENT, windows=[(-15, 0)])
    with pytest.raises(BadInput, match="starts before it ends"):
        run_study(frame, EVENT, windows=[(3, 1)])
    with pytest.raises(BadInput, match="at least 60"):
        run_study(frame, EVENT, estimation=(-50, -11))
    with pytest.raises(BadInput, match="Unknown model"):
        run_study(frame, EVENT, model="capm")


def test_market_adjusted_and_constant_mean_models():
    frame = synthetic_frame({"AAA": (0.002, 1.3, 0.01)})
    adj = run_study(frame, EVENT, benchmarks="^GSPC", model="market_adjusted", windows=[(0, 1)]).result("AAA", (0, 1))
    ev = frame.iloc[POS: POS + 2]
    np.testing.assert_allclose(adj.ar_values, (ev["AAA"] - ev["^GSPC"]).to_numpy())
    est = estimation_slice(frame)
    resid = est["AAA"] - est["^GSPC"]
    assert (adj.alpha, adj.beta) == (0.0, 1.0)
    assert adj.sigma == pytest.approx(np.sqrt((resid**2).sum() / 240))  # nothing estimated: n dof

    mean = run_study(frame, EVENT, model="constant_mean", windows=[(0, 1)]).result("AAA", (0, 1))
    mu = est["AAA"].mean()
    np.testing.assert_allclose(mean.ar_values, (ev["AAA"] - mu).to_numpy())
    assert mean.sigma == pytest.approx(est["AAA"].std(ddof=1))  # one parameter: n - 1 dof
    assert mean.benchmark is None


def hand_tests(frame: pd.DataFrame, syms: list[str], lo: int, hi: int):
    """Patell, BMP and generalized sign computed symbol by symbol with plain loops."""
    z, scar, cars, pos_share = [], [], [], []
    for s in syms:
        est = estimation_slice(frame)[[s, "^GSPC"]].dropna()
        x, y = est["^GSPC"].to_numpy(), est[s].to_numpy()
        m = len(x)
        b = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
        a = y.mean() - b * x.mean()
        e = y - a - b * x
        sig = np.sqrt((e**2).sum() / (m - 2))
        csar, car, L = 0.0, 0.0, 0
        for d in range(lo, hi + 1):
            rm, r = frame["^GSPC"].iloc[POS + d], frame[s].iloc[POS + d]
            if np.isnan(r):
                continue
            ar = r - a - b * rm
            c = np.sqrt(1 + 1 / m + (rm - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
            csar += ar / (sig * c)
            car += ar
            L += 1
        z.append(csar / np.sqrt(L * (m - 2) / (m - 4)))
        scar.append(csar / np.sqrt(L))
        cars.append(car)
        pos_share.append((e > 0).mean())
    n = len(syms)
    patell = sum(z) / np.sqrt(n)
    scar = np.array(scar)
    bmp = scar.mean() / (scar.std(ddof=1) / np.sqrt(n))
    p_hat = np.mean(pos_share)
    w = sum(c > 0 for c in cars)
    sign = (w - n * p_hat) / np.sqrt(n * p_hat * (1 - p_hat))
    return patell, bmp, sign, w


def test_patell_bmp_and_generalized_sign_match_a_hand_computation():
    params = {f"S{i}": (0.0005 * i, 0.5 + 0.3 * i, 0.01 + 0.002 * i) for i in range(6)}
    frame = synthetic_frame(params, seed=11)
    for i in range(4):  # a common negative shock on day 0 for most symbols
        frame.iloc[POS, frame.columns.get_loc(f"S{i}")] -= 0.03
    frame.iloc[POS - 150: POS - 140, frame.columns.get_loc("S5")] = np.nan
    frame.iloc[POS + 1, frame.columns.get_loc("S4")] = np.nan  # unequal window lengths across symbols
    syms = list(params)
    res = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 0), (-1, 1)])
    for lo, hi in [(0, 0), (-1, 1)]:
        patell, bmp, sign, w = hand_tests(frame, syms, lo, hi)
        cs = res.cross_sections[(lo, hi)]
        assert cs.n == 6 and cs.n_positive == w
        assert cs.patell_z == pytest.approx(patell, rel=1e-9)
        assert cs.patell_p == pytest.approx(2 * stats.norm.sf(abs(patell)), rel=1e-9)
        assert cs.bmp_t == pytest.approx(bmp, rel=1e-9)
        assert cs.bmp_p == pytest.approx(2 * stats.t.sf(abs(bmp), 5), rel=1e-9)
        assert cs.sign_z == pytest.approx(sign, rel=1e-9)
        assert cs.sign_p == pytest.approx(2 * stats.norm.sf(abs(sign)), rel=1e-9)
    assert res.cross_sections[(0, 0)].patell_z < -3


def test_cross_section_of_one_symbol_has_no_bmp_t():
    cs = cross_section_tests((0, 0), np.array([0.01]), np.array([1.2]), np.array([1]), np.array([238]),
                             np.array([0.5]))
    assert cs.n == 1 and np.isnan(cs.bmp_t)
    assert cs.patell_z == pytest.approx(1.2 / np.sqrt(238 / 236))


def test_hong_kong_symbol_uses_hsi_and_hong_kong_sessions():
    hk = sessions_between("2024-01-02", "2025-06-30", "XHKG")
    rng = np.random.default_rng(3)
    us = synthetic_frame({"AAA": (0.0, 1.0, 0.01)})
    hsi = pd.Series(rng.normal(0, 0.012, len(hk)), index=hk)
    hk_frame = pd.DataFrame({"^HSI": hsi, "0700.HK": 0.8 * hsi + rng.normal(0, 0.01, len(hk))})
    frame = us.join(hk_frame, how="outer")  # union of two calendars, NaN where a market was shut
    res = run_study(frame, "2025-01-20", symbols=["AAA", "0700.HK"], exchanges={"0700.HK": "XHKG"}, windows=[(0, 0)])
    tencent, aaa = res.result("0700.HK"), res.result("AAA")
    assert tencent.benchmark == "^HSI" and tencent.event_session == pd.Timestamp("2025-01-20")
    assert aaa.benchmark == "^GSPC" and aaa.event_session == pd.Timestamp("2025-01-21")
    pos = int(hk.searchsorted(pd.Timestamp("2025-01-20")))
    est = hk_frame.iloc[pos - 250: pos - 10]
    fit = sm.OLS(est["0700.HK"].to_numpy(), sm.add_constant(est["^HSI"].to_numpy())).fit()
    assert tencent.beta == pytest.approx(fit.params[1], rel=1e-9)
    assert tencent.estimation_sessions == 240
    assert res.cross_sections[(0, 0)].n == 2


EVENTS = [
    SimpleNamespace(id="r1-release", date=pd.Timestamp("2025-01-20").date(), title_en="DeepSeek-R1 released"),
    SimpleNamespace(id="stargate", date=pd.Timestamp("2025-01-21").date(), title_en="Stargate announced"),
    SimpleNamespace(id="nvda-crash", date=pd.Timestamp("2025-01-27").date(), title_en="Nvidia falls 17%"),
]


def test_stargate_is_a_confounder_inside_r1s_window():
    day0 = find_confounders(EVENTS, "2025-01-20", (0, 0), "XNYS", exclude_id="r1-release")
    assert [(c.id, c.day, c.session) for c in day0] == [("stargate", 0, pd.Timestamp("2025-01-21"))]
    week = find_confounders(EVENTS, "2025-01-20", (0, 5), "XNYS")  # by date: R1 itself is left out
    assert [(c.id, c.day) for c in week] == [("stargate", 0), ("nvda-crash", 4)]
    assert find_confounders(EVENTS, "2025-01-27", (0, 1), "XNYS", exclude_id="nvda-crash") == ()


def test_study_result_carries_confounders_per_window():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01)})
    res = run_study(frame, "2025-01-20", benchmarks="^GSPC", windows=[(0, 0), (-5, 5)], events=EVENTS,
                    event_id="r1-release")
    assert [c.id for c in res.confounders[(0, 0)]] == ["stargate"]
    assert [c.id for c in res.confounders[(-5, 5)]] == ["stargate", "nvda-crash"]


def test_confounders_are_counted_on_each_symbols_own_exchange():
    # test frame: a New York and a Hong Kong symbol on the union of both calendars (synthetic returns)
    days = US.union(sessions_between("2024-01-02", "2025-06-30", "XHKG"))
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01), "HHH": (0.0, 0.8, 0.01)}, index=days)
    res = run_study(frame, "2025-01-20", benchmarks="^GSPC", exchanges={"AAA": "XNYS", "HHH": "XHKG"},
                    windows=[(0, 0), (0, 1)], events=EVENTS, event_id="r1-release")
    # R1 (Mon 20 Jan, a US holiday) is day 0 on 21 Jan in New York, Stargate's day too; Hong Kong traded on the 20th
    assert [c.id for c in res.confounders_for("AAA", (0, 0))] == ["stargate"]
    assert res.confounders_for("HHH", (0, 0)) == ()
    assert [(c.id, c.day) for c in res.confounders_for("HHH", (0, 1))] == [("stargate", 1)]
    assert res.confounders == res.confounders_by_exchange["XNYS"]  # the first symbol's, as before


def test_tables_for_the_page_have_one_row_per_symbol_and_window():
    frame = synthetic_frame({"AAA": (0.0, 1.0, 0.01), "BBB": (0.0, 1.5, 0.02)})
    res = run_study(frame, EVENT, benchmarks="^GSPC")
    assert len(res.table()) == 2 * 5
    assert res.car_matrix().shape == (2, 5)
    assert list(res.cross_section_table()["window"]) == ["[+0,+0]", "[-1,+1]", "[+0,+1]", "[+0,+5]", "[-5,+5]"]


def test_nvidia_abnormal_return_on_2025_01_27_in_the_snapshot():
    """Golden check on the real snapshot: NVDA's AR on the crash day stays what the data say."""
    from market_impact.prices import daily_returns, load_prices

    rets = daily_returns(load_prices(["NVDA", "SNDK", "^GSPC"], mode="snapshot").data)
    res = run_study(rets, "2025-01-27", symbols=["NVDA", "SNDK"], benchmarks="^GSPC", windows=[(0, 0)])
    nvda = res.result("NVDA")
    assert nvda.car == pytest.approx(-0.1321, abs=5e-4)
    assert nvda.beta == pytest.approx(2.697, abs=5e-3)
    assert nvda.estimation_sessions == 240 and nvda.p < 1e-5
    assert "SNDK" in res.skipped  # spun off in February 2025: no history before the event


def test_cross_section_of_a_subset_matches_a_study_of_that_subset_alone():
    params = {f"S{i}": (0.0, 0.5 + 0.2 * i, 0.01 + 0.003 * i) for i in range(5)}
    frame = synthetic_frame(params, seed=5)
    whole = run_study(frame, EVENT, benchmarks="^GSPC", windows=[(0, 1)])
    part = run_study(frame, EVENT, symbols=["S1", "S3", "S4"], benchmarks="^GSPC", windows=[(0, 1)])
    got, want = whole.cross_section((0, 1), ["S1", "S3", "S4"]), part.cross_sections[(0, 1)]
    assert got.n == 3
    for field_name in ("patell_z", "bmp_t", "sign_z", "mean_car"):
        assert getattr(got, field_name) == pytest.approx(getattr(want, field_name), rel=1e-12)
