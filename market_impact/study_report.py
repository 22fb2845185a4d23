"""Everything the Event study page shows, built from a StudyResult: URL state, tables, the reading.

Pure (no Streamlit): a page calls these with the result of one `run_study` and renders what comes back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from market_impact.i18n import format_date, format_number, format_pct, t
from market_impact.study import (
    DEFAULT_BENCHMARKS,
    DEFAULT_ESTIMATION,
    DEFAULT_WINDOWS,
    MODELS,
    CrossSection,
    StudyResult,
    SymbolStudy,
    Window,
)
from market_impact.views import parse_window as parse_url_window

BENCHMARK_CHOICES = ("auto", "^GSPC", "^IXIC", "^NDX", "^DJI", "^HSI", "^N225")
# Index and ETF groups are benchmarks or baskets, not firms: they stay out of the cross-section.
NOT_FIRMS = ("us_indices", "japan")
DEFAULT_SYMBOLS = ("NVDA",)
DEFAULT_EVENT = "2025-01-27"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class StudyParams:
    """The page's state, as read from (and written back to) the URL."""

    symbols: tuple[str, ...] = DEFAULT_SYMBOLS
    benchmark: str = "auto"
    event: str = DEFAULT_EVENT  # a catalogue event id or a YYYY-MM-DD date
    model: str = "market"
    estimation: Window = DEFAULT_ESTIMATION
    window: Window = (0, 0)


# ---------------------------------------------------------------- URL parsing (ValueError = bad value)


def parse_symbols(raw: str, known: Iterable[str]) -> tuple[str, ...]:
    known = set(known)
    syms = tuple(dict.fromkeys(s.strip() for s in raw.split(",") if s.strip()))
    bad = [s for s in syms if s not in known]
    if bad or not syms:
        raise ValueError(f"unknown symbol {bad[0]!r}" if bad else "no symbol")
    return syms[:12]


def parse_benchmark(raw: str) -> str:
    if raw not in BENCHMARK_CHOICES:
        raise ValueError(f"use one of {', '.join(BENCHMARK_CHOICES)}")
    return raw


def parse_model(raw: str) -> str:
    value = raw.replace("-", "_")
    if value not in MODELS:
        raise ValueError(f"use one of {', '.join(MODELS)}")
    return value


def parse_event(raw: str, event_ids: Iterable[str], first: object = None, last: object = None) -> str:
    """A catalogue event id, or a YYYY-MM-DD date (within [first, last] when given)."""
    if raw in set(event_ids):
        return raw
    if not _DATE.fullmatch(raw):
        raise ValueError("not a catalogue event id nor a YYYY-MM-DD date")
    day = pd.Timestamp(raw)  # raises ValueError for 2025-02-30
    if (first is not None and day < pd.Timestamp(first)) or (last is not None and day > pd.Timestamp(last)):
        raise ValueError(f"outside the price data ({pd.Timestamp(first).date()} .. {pd.Timestamp(last).date()})")
    return raw


def parse_window_param(raw: str, *, estimation: bool = False) -> Window:
    """The event window (`?win=`, within [-30, 30]) or the estimation window (`?est=`, within [-500, -2])."""
    return parse_url_window(raw, *((-500, -2) if estimation else (-30, 30)))


# ---------------------------------------------------------------- what to study


def window_label(w: Window) -> str:
    return f"[{w[0]:+d},{w[1]:+d}]"


def firm_symbols(registry: Mapping) -> list[str]:
    """The cross-section's universe: every snapshot firm (no indices, ETFs or benchmarks)."""
    benches = set(DEFAULT_BENCHMARKS.values())
    return [s for s, tk in registry.items() if tk.group not in NOT_FIRMS and s not in benches]


def study_windows(window: Window, estimation: Window) -> tuple[tuple[Window, ...], Window]:
    """The windows to run: the five defaults, the chosen one, and the span the AR chart shows
    (at least ten sessions either side of day 0, never reaching into the estimation window)."""
    span = (max(min(window[0], -10), estimation[1] + 1), max(window[1], 10))
    table = tuple(dict.fromkeys((*DEFAULT_WINDOWS, window)))
    return tuple(w for w in dict.fromkeys((*table, span)) if w[0] > estimation[1]), span


def table_windows(result: StudyResult, window: Window) -> list[Window]:
    return [w for w in dict.fromkeys((*DEFAULT_WINDOWS, window)) if w in result.results]


def format_p(p: float, lang: str, relation: bool = False) -> str:
    """p-values as people read them: 0.0357, or "< 0.0001" rather than a misleading 0.0000.
    With `relation`, "= 0.0357" / "< 0.0001", to follow a "p" in a sentence."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "—"
    if p < 0.0001:
        return "< " + format_number(0.0001, lang, 4)
    return ("= " if relation else "") + format_number(p, lang, 4)


def _sig3(x: float) -> float:
    return float(f"{x:.3g}") if x == x else x  # 3 significant digits; NaN stays NaN


def stars(p: float) -> str:
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return ""
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.10 else ""


# ---------------------------------------------------------------- tables


def results_table(result: StudyResult, symbols: Sequence[str], windows: Sequence[Window],
                  names: Mapping[str, str], lang: str) -> pd.DataFrame:
    rows = []
    for s in symbols:
        for w in windows:
            r = result.results.get(w, {}).get(s)
            if r is None:
                continue
            rows.append({
                t("study.col_symbol", lang): s, t("study.col_name", lang): names.get(s, s),
                t("study.col_window", lang): window_label(w), t("study.col_car", lang): round(100 * r.car, 3),
                t("study.col_t", lang): round(r.t, 2), t("study.col_p", lang): _sig3(r.p),
                t("study.col_stars", lang): stars(r.p), t("study.col_beta", lang): round(r.beta, 3),
                t("study.col_alpha", lang): round(100 * r.alpha, 4), t("study.col_sigma", lang): round(100 * r.sigma, 3),
                t("study.col_benchmark", lang): r.benchmark or "—", t("study.col_days", lang): r.window_sessions,
                t("study.col_n_est", lang): r.estimation_sessions,
            })
    return pd.DataFrame(rows)


def cross_section_table(result: StudyResult, windows: Sequence[Window], sets: Mapping[str, Sequence[str]],
                        lang: str) -> pd.DataFrame:
    rows = []
    for label, syms in sets.items():
        for w in windows:
            cs = result.cross_section(w, syms)
            rows.append({
                t("study.col_set", lang): label, t("study.col_window", lang): window_label(w), "N": cs.n,
                t("study.col_mean", lang): round(100 * cs.mean_car, 3), t("study.col_pos", lang): cs.n_positive,
                "Patell z": round(cs.patell_z, 2), "Patell p": _sig3(cs.patell_p),
                "BMP t": round(cs.bmp_t, 2), "BMP p": _sig3(cs.bmp_p),
                t("study.col_sign", lang): round(cs.sign_z, 2), t("study.col_sign_p", lang): _sig3(cs.sign_p),
                t("study.col_stars", lang): stars(cs.bmp_p),
            })
    return pd.DataFrame(rows)


def ranked_cars(result: StudyResult, window: Window, universe: Sequence[str], registry: Mapping,
                lang: str) -> pd.DataFrame:
    """CAR of every studied firm in `window`, largest first, with name and group for colouring."""
    groups = {g.id: g.name(lang) for g in getattr(registry, "groups", ())}
    rows = []
    for s in universe:
        r = result.results.get(window, {}).get(s)
        if r is None or r.window_sessions == 0:
            continue
        tk = registry.get(s)
        rows.append({"symbol": s, "name": tk.name(lang) if tk else s, "group": tk.group if tk else "",
                     "group_name": groups.get(tk.group, tk.group) if tk else "", "car": r.car, "t": r.t, "p": r.p,
                     "stars": stars(r.p)})
    return pd.DataFrame(rows, columns=["symbol", "name", "group", "group_name", "car", "t", "p", "stars"]) \
        .sort_values("car", ascending=False, kind="stable").reset_index(drop=True)


def ranked_table(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`ranked_cars` as the page's table and CSV: headed in `lang`, CAR in %, t and p rounded like the results table."""
    return pd.DataFrame({
        t("study.col_symbol", lang): ranked["symbol"], t("study.col_name", lang): ranked["name"],
        t("study.col_group", lang): ranked["group_name"], t("study.col_car", lang): (100 * ranked["car"]).round(3),
        t("study.col_t", lang): ranked["t"].round(2), t("study.col_p", lang): ranked["p"].map(_sig3),
        t("study.col_stars", lang): ranked["stars"],
    })


def heatmap_table(heat: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`car_heatmap_frame` as the page's table and CSV: a symbol column headed in `lang`, CARs in % to 3 decimals."""
    return heat.round(3).rename_axis(t("study.col_symbol", lang)).reset_index()


def car_heatmap_frame(result: StudyResult, universe: Sequence[str], windows: Sequence[Window],
                      order_by: Window) -> pd.DataFrame:
    """Symbols × windows CARs in %, symbols ordered by their CAR in `order_by` (largest first)."""
    data = {window_label(w): {s: 100 * r.car for s, r in result.results[w].items() if s in set(universe)}
            for w in windows}
    frame = pd.DataFrame(data)
    return frame.sort_values(window_label(order_by), ascending=False, kind="stable")


def ar_path(r: SymbolStudy, window: Window) -> pd.DataFrame:
    """The AR chart's data: day, date, AR, and inside the event window the CAR path with its ±1.96σ̂√k band."""
    df = pd.DataFrame({"day": r.ar_days, "date": pd.DatetimeIndex(r.ar_dates), "ar": r.ar_values})
    inside = (df["day"] >= window[0]) & (df["day"] <= window[1])
    df["in_window"] = inside
    k = inside.cumsum().where(inside)
    df["car"] = df["ar"].where(inside).cumsum().where(inside)
    df["band"] = 1.96 * r.sigma * np.sqrt(k)
    return df


OUTSIDE_SIGMAS = 3.0  # how far beyond an ordinary day a move outside the window must be to be pointed at


def biggest_outside(path: pd.DataFrame, sigma: float) -> tuple[int, pd.Timestamp, float] | None:
    """The day of the chart (`ar_path`) with the largest abnormal return, when it lies outside the event window and
    is more than three times an ordinary day's swing (|AR| > 3 σ̂: among the chart's twenty-odd days a 1.96 σ̂ day
    turns up by chance more often than not): (day, date, AR). None otherwise."""
    ar = path["ar"].abs()
    if ar.dropna().empty or not sigma == sigma:
        return None
    i = ar.idxmax()
    row = path.loc[i]
    if bool(row["in_window"]) or abs(row["ar"]) <= OUTSIDE_SIGMAS * sigma:
        return None
    return int(row["day"]), pd.Timestamp(row["date"]), float(row["ar"])


def outside_note(path: pd.DataFrame, r: SymbolStudy, lang: str) -> str | None:
    """A pointer for the student whose window misses the chart's biggest move: where it is and the window that
    would hold it."""
    big = biggest_outside(path, r.sigma)
    if big is None:
        return None
    day, when, ar = big
    wider = (min(r.window[0], day), max(r.window[1], day))
    return t("study.read_outside", lang, ar=format_pct(ar, lang), date=format_date(when, lang, weekday=True),
             day=f"{day:+d}", wider=window_label(wider))


# ---------------------------------------------------------------- the plain-language reading


def _verdict(p: float, lang: str) -> str:
    key = ("study.verdict_1" if p < 0.01 else "study.verdict_5" if p < 0.05 else
           "study.verdict_10" if p < 0.10 else "study.verdict_none")
    return t(key, lang)


def reading(r: SymbolStudy, name: str, lang: str, *, cross: CrossSection | None = None,
            confounders: Sequence = (), universe_label: str = "", path: pd.DataFrame | None = None) -> list[str]:
    """Paragraphs that say in words what the numbers say, filled from the computed result. `path`: the chart's
    days (`ar_path`), to point at a big move the window leaves out."""
    w = r.window
    days = (t("study.one_day", lang) if w == (0, 0) else
            t("study.days", lang, window=window_label(w), n=r.window_sessions))
    direction = t("study.worse" if r.car < 0 else "study.better", lang)
    bench = r.benchmark or ""
    paras = [
        t(f"study.read_main.{r.model}", lang, name=name, date=format_date(r.event_session, lang, weekday=True),
          days=days, car=format_pct(abs(r.car), lang, signed=False), direction=direction, benchmark=bench),
        t("study.read_stats", lang, sigma=format_pct(r.sigma, lang, signed=False), se=format_pct(r.car_se, lang, signed=False),
          tstat=format_number(r.t, lang), p=format_p(r.p, lang, relation=True), verdict=_verdict(r.p, lang)),
    ]
    if r.model == "market":
        paras.append(t("study.read_beta", lang, name=name, beta=format_number(r.beta, lang), benchmark=bench,
                       n=r.estimation_sessions))
    if cross is not None and cross.n > 1:
        paras.append(t("study.read_cross", lang, n=cross.n, universe=universe_label, mean=format_pct(cross.mean_car, lang),
                       pos=cross.n_positive, bmp=format_number(cross.bmp_t, lang), p=format_p(cross.bmp_p, lang, relation=True),
                       verdict=_verdict(cross.bmp_p, lang) if not math.isnan(cross.bmp_p) else ""))
    if confounders:
        titles = "; ".join(f"{c.title_hi if lang == 'hi' and c.title_hi else c.title_en} ({format_date(c.session, lang)})"
                           for c in confounders)
        paras.append(t("study.read_confounders", lang, events=titles))
    note = outside_note(path, r, lang) if path is not None else None
    if note:
        paras.append(note)
    return paras
