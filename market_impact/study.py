"""Event study (MacKinlay 1997) over many symbols at once: abnormal returns, CARs and their tests.

Input is a wide frame of simple daily returns (index = session dates, one column per symbol, the
benchmarks among them). Every symbol is placed on its own exchange's session axis, so "day 0" is the
event's session on that exchange and days count sessions, not calendar days. Missing returns are
dropped per symbol (never filled); the maths runs on masked numpy matrices, one pass per exchange.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Protocol

import numpy as np
import pandas as pd
from scipy.special import ndtr, stdtr  # the t and normal tails; scipy.stats costs ~30 MB more per server

from market_impact.calendars import EXCHANGES, session_on_or_after, sessions_between
from market_impact.errors import BadInput, InsufficientHistory, NoPriceData

Model = Literal["market", "market_adjusted", "constant_mean"]
MODELS: tuple[Model, ...] = ("market", "market_adjusted", "constant_mean")
# Parameters each model estimates: the residual variance uses n - k degrees of freedom.
_PARAMS = {"market": 2, "constant_mean": 1, "market_adjusted": 0}

Window = tuple[int, int]
DEFAULT_ESTIMATION: Window = (-250, -11)
DEFAULT_WINDOWS: tuple[Window, ...] = ((0, 0), (-1, 1), (0, 1), (0, 5), (-5, 5))
MIN_ESTIMATION = 60
DEFAULT_BENCHMARKS = {"XNYS": "^GSPC", "XTKS": "^N225", "XHKG": "^HSI"}


class EventLike(Protocol):
    id: str
    date: date
    title_en: str


@dataclass(frozen=True)
class Confounder:
    """A catalogue event whose session falls inside the event window."""

    id: str
    date: pd.Timestamp
    title_en: str
    session: pd.Timestamp
    day: int  # session offset from day 0
    title_hi: str = ""


@dataclass(frozen=True, eq=False)
class SymbolStudy:
    """One symbol in one event window. `ar_values[i]` is the abnormal return on `ar_dates[i]`
    (relative day `ar_days[i]`); days with no return are absent, so `window_sessions` may be < L."""

    symbol: str
    benchmark: str | None
    exchange: str
    model: Model
    event_session: pd.Timestamp
    window: Window
    alpha: float
    beta: float
    sigma: float
    dof: int
    ar_days: np.ndarray
    ar_dates: np.ndarray
    ar_values: np.ndarray
    car: float
    t: float
    p: float
    window_sessions: int
    estimation_sessions: int
    estimation_window: Window  # as used, after any shortening
    estimation_start: pd.Timestamp
    estimation_end: pd.Timestamp
    estimation_shortened: str | None  # a sentence saying how and why, None when not shortened
    csar: float = float("nan")  # Σ standardised ARs (Patell/BMP input)
    pos_share: float = float("nan")  # share of positive estimation-window ARs (sign-test input)

    @property
    def ar(self) -> pd.Series:
        return pd.Series(self.ar_values, index=pd.DatetimeIndex(self.ar_dates, name="date"), name="ar")

    @property
    def car_se(self) -> float:
        """σ̂·√L, the standard error of the CAR used by the per-symbol t."""
        return float(self.sigma * np.sqrt(self.window_sessions)) if self.window_sessions else float("nan")


@dataclass(frozen=True)
class CrossSection:
    """Tests that the mean CAR over `n` symbols is zero in one window."""

    window: Window
    n: int
    mean_car: float
    median_car: float
    n_positive: int
    patell_z: float
    patell_p: float
    bmp_t: float
    bmp_p: float
    sign_z: float
    sign_p: float
    sign_p_hat: float  # share of positive estimation-window ARs (generalized sign test baseline)


@dataclass(frozen=True, eq=False)
class StudyResult:
    event: pd.Timestamp
    model: Model
    estimation: Window
    windows: tuple[Window, ...]
    results: dict[Window, dict[str, SymbolStudy]]
    cross_sections: dict[Window, CrossSection]
    skipped: dict[str, str] = field(default_factory=dict)
    confounders: dict[Window, tuple[Confounder, ...]] = field(default_factory=dict)  # on the first symbol's exchange
    confounders_by_exchange: dict[str, dict[Window, tuple[Confounder, ...]]] = field(default_factory=dict)
    _subsets: dict = field(default_factory=dict, init=False, repr=False)  # (window, symbols) → CrossSection, made once

    @property
    def symbols(self) -> list[str]:
        return list(self.results[self.windows[0]]) if self.windows else []

    def result(self, symbol: str, window: Window | None = None) -> SymbolStudy:
        w = self.windows[0] if window is None else tuple(window)
        try:
            return self.results[w][symbol]
        except KeyError:
            reason = self.skipped.get(symbol, "it was not part of this study")
            raise NoPriceData(f"No event-study result for {symbol} in window {list(w)}: {reason}") from None

    def confounders_for(self, symbol: str, window: Window) -> tuple[Confounder, ...]:
        """Other catalogue events inside `window`, counted in sessions of `symbol`'s own exchange (Stargate,
        2025-01-21, falls on R1's day 0 in New York but on day +1 in Hong Kong and Tokyo)."""
        w = tuple(window)
        by_exchange = self.confounders_by_exchange.get(self.result(symbol, w).exchange)
        return (by_exchange if by_exchange is not None else self.confounders).get(w, ())

    def table(self, window: Window | None = None) -> pd.DataFrame:
        """One row per symbol (and window): the statistics a results table shows."""
        wins = self.windows if window is None else (tuple(window),)
        rows = [
            {
                "symbol": r.symbol, "window": f"[{r.window[0]:+d},{r.window[1]:+d}]", "benchmark": r.benchmark,
                "exchange": r.exchange, "event_session": r.event_session, "alpha": r.alpha, "beta": r.beta,
                "sigma": r.sigma, "car": r.car, "t": r.t, "p": r.p, "window_sessions": r.window_sessions,
                "estimation_sessions": r.estimation_sessions, "estimation_shortened": r.estimation_shortened,
            }
            for w in wins for r in self.results[w].values()
        ]
        return pd.DataFrame(rows)

    def car_matrix(self) -> pd.DataFrame:
        """Symbols × windows CARs (NaN where a window had no returns) — the heatmap's data."""
        cols = {f"[{w[0]:+d},{w[1]:+d}]": {s: r.car for s, r in self.results[w].items()} for w in self.windows}
        return pd.DataFrame(cols)

    def cross_section(self, window: Window, symbols: Iterable[str] | None = None) -> CrossSection:
        """The cross-sectional tests for `window` over a subset of the studied symbols (default: all)."""
        w = tuple(window)
        if symbols is None:
            return self.cross_sections[w]
        key = (w, tuple(symbols))
        if key not in self._subsets:  # a result is never changed, so a subset's tests are computed once
            rs = [self.results[w][s] for s in key[1] if s in self.results[w] and self.results[w][s].window_sessions > 0]
            arr = lambda name, dtype=float: np.array([getattr(r, name) for r in rs], dtype=dtype)  # noqa: E731
            self._subsets[key] = cross_section_tests(w, arr("car"), arr("csar"), arr("window_sessions"), arr("dof"), arr("pos_share"))
        return self._subsets[key]

    def cross_section_table(self) -> pd.DataFrame:
        return pd.DataFrame([{**cs.__dict__, "window": f"[{cs.window[0]:+d},{cs.window[1]:+d}]"}
                             for cs in self.cross_sections.values()])


def default_benchmark(exchange: str) -> str:
    """The local index for a symbol's exchange: ^GSPC for US, ^N225 for Tokyo, ^HSI for Hong Kong."""
    return DEFAULT_BENCHMARKS.get(exchange, "^GSPC")


def exchanges_from_registry(registry: Mapping, symbols: Iterable[str]) -> dict[str, str]:
    """symbol → exchange from a ticker registry; symbols it does not know trade on XNYS."""
    out = {}
    for s in symbols:
        t = registry.get(s)
        out[s] = t.exchange if t is not None else "XNYS"
    return out


def parse_window(text: str | Sequence[int]) -> Window:
    """'-1,1' or (-1, 1) → (-1, 1); a clear BadInput otherwise."""
    try:
        if isinstance(text, str):
            a, b = (int(x) for x in text.replace(" ", "").split(","))
        else:
            a, b = (int(x) for x in text)
    except (ValueError, TypeError):
        raise BadInput(f"A window is two whole numbers of sessions, like -1,1 (got {text!r}).") from None
    if a > b:
        raise BadInput(f"A window starts before it ends: got [{a},{b}].")
    return a, b


def find_confounders(events: Iterable[EventLike], event: date | str | pd.Timestamp, window: Window,
                     exchange: str = "XNYS", exclude_id: str | None = None) -> tuple[Confounder, ...]:
    """Catalogue events whose session on `exchange` lies inside `window` around the event's session.

    The studied event itself is left out: by id when given, else any event dated exactly `event`
    (so R1, dated 2025-01-20, is not its own confounder while Stargate, 2025-01-21, is)."""
    day0 = session_on_or_after(event, exchange)
    ev_day = pd.Timestamp(event).normalize()
    lo, hi = window
    axis = sessions_between(day0 - pd.Timedelta(days=3 * abs(lo) + 10), day0 + pd.Timedelta(days=3 * abs(hi) + 10),
                            exchange)
    pos0 = int(axis.searchsorted(day0))
    first, last = axis[max(pos0 + lo, 0)], axis[min(pos0 + hi, len(axis) - 1)]
    found = []
    for ev in events:
        if exclude_id is not None and ev.id == exclude_id:
            continue
        if getattr(ev, "granularity", "day") != "day":  # a month or a year has no session to fall in a window
            continue
        d = pd.Timestamp(ev.date).normalize()
        if exclude_id is None and d == ev_day:
            continue
        s = session_on_or_after(d, exchange)
        if first <= s <= last:
            found.append(Confounder(ev.id, d, ev.title_en, s, int(axis.searchsorted(s)) - pos0,
                                    getattr(ev, "title_hi", "") or ""))
    return tuple(sorted(found, key=lambda c: (c.day, c.date, c.id)))


@dataclass
class _Fit:
    """Estimation-window fit for the symbols of one exchange (arrays of length N)."""

    alpha: np.ndarray
    beta: np.ndarray
    sigma: np.ndarray
    n: np.ndarray
    dof: np.ndarray
    m_mean: np.ndarray
    m_sxx: np.ndarray
    pos_frac: np.ndarray
    first_row: np.ndarray


def _fit(R: np.ndarray, M: np.ndarray, model: Model) -> _Fit:
    """Masked OLS for every column at once; rows where a return is missing are dropped per column."""
    mask = np.isfinite(R) if model == "constant_mean" else np.isfinite(R) & np.isfinite(M)
    n = mask.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        nf = n.astype(float)
        r = np.where(mask, R, 0.0)
        m = np.where(mask, M, 0.0)
        r_mean = r.sum(axis=0) / nf
        m_mean = m.sum(axis=0) / nf
        dm = np.where(mask, M - m_mean, 0.0)
        sxx = (dm * dm).sum(axis=0)
        if model == "market":
            sxy = (dm * np.where(mask, R - r_mean, 0.0)).sum(axis=0)
            beta = sxy / sxx
            alpha = r_mean - beta * m_mean
        elif model == "constant_mean":
            alpha, beta = r_mean, np.zeros_like(r_mean)
        else:
            alpha, beta = np.zeros_like(r_mean), np.ones_like(r_mean)
        mm = np.where(mask, M, 0.0) if model != "constant_mean" else 0.0
        resid = np.where(mask, r - alpha - beta * mm, 0.0)
        dof = n - _PARAMS[model]
        sigma = np.sqrt((resid * resid).sum(axis=0) / dof)
        pos_frac = ((resid > 0) & mask).sum(axis=0) / nf
    first_row = np.where(mask.any(axis=0), mask.argmax(axis=0), -1)
    return _Fit(alpha, beta, sigma, n, dof, m_mean, sxx, pos_frac, first_row)


def _validate(estimation: Window, windows: Sequence[Window], model: str, min_estimation: int) -> None:
    if model not in MODELS:
        raise BadInput(f"Unknown model {model!r}; use one of {', '.join(MODELS)}.")
    a, b = estimation
    if a > b:
        raise BadInput(f"The estimation window starts before it ends: got [{a},{b}].")
    if b - a + 1 < min_estimation:
        raise BadInput(f"The estimation window [{a},{b}] has {b - a + 1} sessions; it needs at least {min_estimation}.")
    if not windows:
        raise BadInput("Give at least one event window.")
    for lo, hi in windows:
        if lo > hi:
            raise BadInput(f"An event window starts before it ends: got [{lo},{hi}].")
        if lo <= b:
            raise BadInput(f"Event window [{lo},{hi}] overlaps the estimation window [{a},{b}]: "
                           f"end the estimation window before day {lo}.")


def run_study(
    returns: pd.DataFrame,
    event: date | str | pd.Timestamp,
    *,
    symbols: Sequence[str] | None = None,
    benchmarks: str | Mapping[str, str] | None = None,
    exchanges: str | Mapping[str, str] | None = None,
    windows: Sequence[Window] = DEFAULT_WINDOWS,
    estimation: Window = DEFAULT_ESTIMATION,
    model: Model = "market",
    min_estimation: int = MIN_ESTIMATION,
    events: Iterable[EventLike] = (),
    event_id: str | None = None,
) -> StudyResult:
    """Run the event study for `symbols` (default: every column that is not an index or benchmark).

    `benchmarks`: one symbol for all, a symbol → benchmark mapping, or None for the local index of
    each symbol's exchange. `exchanges`: one exchange for all or a mapping (default XNYS). Symbols
    without `min_estimation` usable estimation sessions are listed in `skipped`; when none is left
    InsufficientHistory is raised. `events` (with `event_id` for the studied one) give confounders.
    """
    windows = tuple(parse_window(w) for w in windows)
    estimation = parse_window(estimation)
    _validate(estimation, windows, model, min_estimation)
    event_ts = pd.Timestamp(event).normalize()
    if symbols is None:
        bench_set = set(benchmarks.values()) if isinstance(benchmarks, Mapping) else {benchmarks}
        bench_set |= set(DEFAULT_BENCHMARKS.values())
        symbols = [c for c in returns.columns if not str(c).startswith("^") and c not in bench_set]
    symbols = list(dict.fromkeys(symbols))
    if not symbols:
        raise BadInput("No symbols to study.")
    missing = [s for s in symbols if s not in returns.columns]
    if missing:
        raise NoPriceData(f"No returns for {', '.join(missing)} in the price data given.")

    exch = {s: (exchanges if isinstance(exchanges, str) else (exchanges or {}).get(s, "XNYS")) for s in symbols}
    for s, e in exch.items():
        if e not in EXCHANGES:
            raise BadInput(f"Unknown exchange {e!r} for {s}; use one of {', '.join(EXCHANGES)}.")
    if model == "constant_mean":
        bench = {s: None for s in symbols}
    elif isinstance(benchmarks, str):
        bench = {s: benchmarks for s in symbols}
    else:
        bench = {s: (benchmarks or {}).get(s) or default_benchmark(exch[s]) for s in symbols}
    absent = sorted({b for b in bench.values() if b is not None and b not in returns.columns})
    if absent:
        raise NoPriceData(f"No returns for the benchmark {', '.join(absent)} in the price data given.")

    index = pd.DatetimeIndex(returns.index)
    a_est, b_est = estimation
    results: dict[Window, dict[str, SymbolStudy]] = {w: {} for w in windows}
    # Per window, the pieces the cross-sectional tests need, gathered over exchanges.
    pieces: dict[Window, list[tuple[np.ndarray, ...]]] = {w: [] for w in windows}
    skipped: dict[str, str] = {}
    event_sessions: dict[str, pd.Timestamp] = {}

    for ex in dict.fromkeys(exch[s] for s in symbols):
        group = [s for s in symbols if exch[s] == ex]
        day0 = session_on_or_after(event_ts, ex)
        event_sessions[ex] = day0
        axis = sessions_between(index.min(), index.max(), ex)
        if len(axis) == 0 or day0 > axis[-1]:
            last = index.max().date() if len(index) else "none"
            raise NoPriceData(f"The event session {day0.date()} ({ex}) is after the last price date ({last}).")
        cols = list(dict.fromkeys(group + [bench[s] for s in group if bench[s] is not None]))
        frame = returns[cols].reindex(index=axis)
        R = frame[group].to_numpy(dtype=float)
        M = (frame[[bench[s] for s in group]].to_numpy(dtype=float) if model != "constant_mean"
             else np.full_like(R, np.nan))
        pos = int(axis.searchsorted(day0))
        e0, e1 = pos + a_est, pos + b_est
        if e1 < 0:
            for s in group:
                skipped[s] = f"the prices begin {axis[0].date()}, after the estimation window of this event ends"
            continue
        lo_row = max(e0, 0)
        fit = _fit(R[lo_row:e1 + 1], M[lo_row:e1 + 1], model)

        keep = np.zeros(len(group), dtype=bool)
        notes: list[str | None] = []
        starts: list[int] = []
        est_starts: list[pd.Timestamp | None] = []
        for j, s in enumerate(group):
            n = int(fit.n[j])
            if n < min_estimation:
                begins = frame[s].first_valid_index()
                where = f"its returns begin {begins.date()}" if begins is not None else "it has no returns"
                skipped[s] = (f"{s} has {n} usable sessions in the estimation window [{a_est},{b_est}] "
                              f"(at least {min_estimation} needed): {where}.")
                notes.append(None)
                starts.append(a_est)
                est_starts.append(None)
                continue
            if not np.isfinite(fit.sigma[j]) or fit.sigma[j] <= 0:
                skipped[s] = (f"{s}: abnormal returns cannot be estimated against {bench[s]} "
                              "(it moves exactly with it, or the benchmark is flat).")
                notes.append(None)
                starts.append(a_est)
                est_starts.append(None)
                continue
            keep[j] = True
            start_day = lo_row + int(fit.first_row[j]) - pos
            starts.append(start_day)
            est_starts.append(axis[start_day + pos])
            if start_day > a_est:
                notes.append(
                    f"Estimation window shortened to [{start_day},{b_est}] ({n} sessions) because the "
                    f"returns of {s} begin {est_starts[-1].date()}.")
            else:
                notes.append(None)
        est_end = axis[e1]
        axis_np = axis.to_numpy()

        for w in windows:
            lo, hi = w
            r0, r1 = max(pos + lo, 0), min(pos + hi, len(axis) - 1)
            Rw, Mw = R[r0:r1 + 1], M[r0:r1 + 1]
            with np.errstate(invalid="ignore", divide="ignore"):
                if model == "constant_mean":
                    AR = Rw - fit.alpha
                    c2 = np.broadcast_to(1.0 + 1.0 / fit.n, AR.shape)
                elif model == "market":
                    AR = Rw - (fit.alpha + fit.beta * Mw)
                    c2 = 1.0 + 1.0 / fit.n + (Mw - fit.m_mean) ** 2 / fit.m_sxx
                else:
                    AR = Rw - Mw
                    c2 = np.ones_like(AR)
                valid = np.isfinite(AR)
                L = valid.sum(axis=0)
                car = np.where(valid, AR, 0.0).sum(axis=0)
                car = np.where(L > 0, car, np.nan)
                t = car / (fit.sigma * np.sqrt(L))
                p = 2.0 * stdtr(np.maximum(fit.dof, 1), -np.abs(t))
                # Standardised ARs with the forecast-error correction (Patell 1976; BMP 1991).
                sar = np.where(valid, AR / (fit.sigma * np.sqrt(c2)), 0.0)
                csar = sar.sum(axis=0)
            dates = axis_np[r0:r1 + 1]
            days = np.arange(r0, r1 + 1) - pos
            ok = keep & (L > 0)
            pieces[w].append((car[ok], csar[ok], L[ok], fit.dof[ok], fit.pos_frac[ok]))
            for j, s in enumerate(group):
                if not keep[j]:
                    continue
                v = valid[:, j]
                results[w][s] = SymbolStudy(
                    symbol=s, benchmark=bench[s], exchange=ex, model=model, event_session=day0, window=w,
                    alpha=float(fit.alpha[j]), beta=float(fit.beta[j]), sigma=float(fit.sigma[j]),
                    dof=int(fit.dof[j]), ar_days=days[v], ar_dates=dates[v], ar_values=AR[v, j],
                    car=float(car[j]), t=float(t[j]), p=float(p[j]), window_sessions=int(L[j]),
                    estimation_sessions=int(fit.n[j]), estimation_window=(starts[j], b_est),
                    estimation_start=est_starts[j], estimation_end=est_end,
                    estimation_shortened=notes[j], csar=float(csar[j]), pos_share=float(fit.pos_frac[j]),
                )

    if not results[windows[0]]:
        raise InsufficientHistory(" ".join(skipped.values()) or "No symbol could be studied.")

    cross = {w: cross_section_tests(w, *(np.concatenate(x) for x in zip(*pieces[w], strict=True)))
             for w in windows}
    events = list(events)
    by_exchange = {ex: {w: find_confounders(events, event_ts, w, ex, event_id) for w in windows}
                   for ex in dict.fromkeys(exch[s] for s in symbols)} if events else {}
    ordered = {w: {s: results[w][s] for s in symbols if s in results[w]} for w in windows}
    return StudyResult(event=event_ts, model=model, estimation=estimation, windows=windows, results=ordered,
                       cross_sections=cross, skipped=skipped, confounders=by_exchange.get(exch[symbols[0]], {}),
                       confounders_by_exchange=by_exchange)


def cross_section_tests(window: Window, car: np.ndarray, csar: np.ndarray, L: np.ndarray, dof: np.ndarray,
                        pos_frac: np.ndarray) -> CrossSection:
    """Patell Z, the BMP standardised cross-sectional t and Cowan's generalized sign Z.

    Patell:  Z = Σᵢ Zᵢ / √N,  Zᵢ = CSARᵢ / √(Lᵢ·dofᵢ/(dofᵢ−2)),  CSARᵢ = Σₜ ARᵢₜ / (σ̂ᵢ·cᵢₜ)
    BMP:     SCARᵢ = CSARᵢ / √Lᵢ;  t = mean(SCAR) / (sd(SCAR)/√N),  N−1 dof
    Sign:    Z = (w − N·p̂) / √(N·p̂·(1−p̂)),  w = #{CARᵢ > 0},  p̂ = mean share of positive estimation ARs
    `dof` is n − k (k parameters estimated) for each symbol's estimation window.
    """
    nan = float("nan")
    N = int(len(car))
    if N == 0:
        return CrossSection(window, 0, nan, nan, 0, nan, nan, nan, nan, nan, nan, nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        var_factor = np.where(dof > 2, dof / (dof - 2.0), np.nan)
        z_i = csar / np.sqrt(L * var_factor)
        patell_z = float(z_i.sum() / np.sqrt(N))
        scar = csar / np.sqrt(L)
        if N > 1:
            sd = float(np.std(scar, ddof=1))
            bmp_t = float(scar.mean() / (sd / np.sqrt(N))) if sd > 0 else nan
            bmp_p = float(2.0 * stdtr(N - 1, -abs(bmp_t))) if np.isfinite(bmp_t) else nan
        else:
            bmp_t = bmp_p = nan
        w_pos = int((car > 0).sum())
        p_hat = float(pos_frac.mean())
        denom = np.sqrt(N * p_hat * (1.0 - p_hat))
        sign_z = float((w_pos - N * p_hat) / denom) if denom > 0 else nan
    return CrossSection(
        window=window, n=N, mean_car=float(car.mean()), median_car=float(np.median(car)), n_positive=w_pos,
        patell_z=patell_z, patell_p=float(2.0 * ndtr(-abs(patell_z))) if np.isfinite(patell_z) else nan,
        bmp_t=bmp_t, bmp_p=bmp_p, sign_z=sign_z,
        sign_p=float(2.0 * ndtr(-abs(sign_z))) if np.isfinite(sign_z) else nan, sign_p_hat=p_hat,
    )
