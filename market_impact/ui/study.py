"""The Event study page's Streamlit side: cached inputs (every snapshot symbol's daily returns, the dated events,
one study per set of choices), the controls and the four parts the page shows one at a time."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from market_impact import charts, prices
from market_impact import study_report as rep
from market_impact.errors import MarketImpactError
from market_impact.i18n import format_date, format_number, format_pct, t
from market_impact.study import MODELS
from market_impact.tickers import load_registry
from market_impact.ui.loaders import memo_figure, memo_table, provenance_key, shared, symbol_labels
from market_impact.ui.state import read_param, write_params
from market_impact.ui.widgets import figure_downloads


@shared(ttl=3600)
def cached_returns() -> tuple[pd.DataFrame, prices.Provenance]:
    """Wide simple daily returns of every registry symbol (one column each) and where the prices came from."""
    frame = prices.load_prices(list(load_registry().keys()))
    return prices.daily_returns(frame.data), frame.provenance


@shared(maxsize=4)
def _studiable(returns_id: int, *, _returns: pd.DataFrame, _registry) -> list[str]:
    """Registry symbols that have returns, in registry order (once per returns table)."""
    return [s for s in _registry if s in _returns.columns]


@shared(maxsize=16)
def _event_labels(events_sig: tuple[tuple[str, str, str], ...], lang: str) -> dict[str, str]:
    """'20 Jan 2025 · DeepSeek releases R1' for each (id, date, title), and the custom-date entry; once per set."""
    out = {i: f"{format_date(d, lang)} · {title}" for i, d, title in events_sig}
    out[CUSTOM] = t("study.event_custom", lang)
    return out


def day_events() -> list:
    """Events dated to a day (the catalogue's and the user's own), oldest first; empty when the catalogue
    cannot be read (the study still runs on any date)."""
    from market_impact.ui.session import all_events

    try:
        return sorted((e for e in all_events() if e.granularity == "day"), key=lambda e: (e.date, e.importance))
    except MarketImpactError:
        return []


@shared(maxsize=32)
def cached_study(day, symbols: tuple[str, ...], benchmark: str, windows: tuple, estimation: tuple, model: str,
                 event_id: str | None, events_sig: tuple, data_sig: tuple, _events: tuple):
    """One event study per distinct set of choices, shared by every session (results are never mutated).

    `events_sig` names the events (ids, dates) and `data_sig` the prices (their provenance: snapshot, or a live
    fetch and its time) so the cache sees a change; `_events` are the objects themselves.
    """
    from market_impact.study import exchanges_from_registry, run_study

    returns, _ = cached_returns()
    registry = load_registry()
    return run_study(returns, day, symbols=list(symbols), benchmarks=None if benchmark == "auto" else benchmark,
                     exchanges=exchanges_from_registry(registry, list(symbols)), windows=list(windows), estimation=estimation,
                     model=model, events=list(_events), event_id=event_id)


# ---------------------------------------------------------------- the page's parts

CUSTOM = "date"  # the event picker's entry for "a date of my own"
PARTS = ("result", "tables", "firms", "heatmap")


@dataclass(frozen=True)
class Shown:
    """One study as the page shows it: the choices, the cached result and what the parts need of it."""

    res: object  # study.StudyResult
    key: tuple  # names the study (for memo_figure)
    chosen: list[str]  # the user's symbols the study has results for
    universe: list[str]  # every snapshot firm
    names: dict[str, str]
    win: tuple[int, int]
    span: tuple[int, int]
    registry: object
    skipped: list[str]  # symbols the study could not use (too little history before the event)


def _md(text: str) -> str:
    return text.replace("$", "\\$")  # a dollar sign in an event title is not LaTeX


def controls(returns: pd.DataFrame, registry, events: list, lang: str) -> dict | None:
    """The choices: the URL, then the widgets (seeded from it once per session), mirrored back to the URL.
    Symbols, event and event window are always on show; benchmark, model and estimation window sit in a box
    whose widgets run only when it is open (closed, the URL's values apply). None when no symbol is chosen."""
    by_id = {e.id: e for e in events}
    known = _studiable(id(returns), _returns=returns, _registry=registry)
    d = rep.StudyParams(event="r1-release" if "r1-release" in by_id else rep.DEFAULT_EVENT)
    qp = st.query_params.to_dict()
    p = rep.StudyParams(
        symbols=read_param("sym", lambda v: rep.parse_symbols(v, known), d.symbols, lang, qp),
        benchmark=read_param("bench", rep.parse_benchmark, d.benchmark, lang, qp),
        event=read_param("event", lambda v: rep.parse_event(v, by_id, returns.index.min(), returns.index.max()), d.event, lang, qp),
        model=read_param("model", rep.parse_model, d.model, lang, qp),
        estimation=read_param("est", lambda v: rep.parse_window_param(v, estimation=True), d.estimation, lang, qp),
        window=read_param("win", rep.parse_window_param, d.window, lang, qp),
    )
    seed = {"st_sym": list(p.symbols), "st_bench": p.benchmark, "st_model": p.model, "st_est": p.estimation,
            "st_win": p.window, "st_event": p.event if p.event in by_id else CUSTOM,
            "st_date": pd.Timestamp(rep.DEFAULT_EVENT if p.event in by_id else p.event).date()}
    for key, value in seed.items():
        st.session_state.setdefault(key, value)

    c1, c2, c3 = st.columns([3, 3, 2])
    syms = c1.multiselect(t("study.symbols", lang), known, key="st_sym", max_selections=12, format_func=symbol_labels(lang).__getitem__)
    labels = _event_labels(tuple((e.id, e.date_text, e.title(lang)) for e in events), lang)
    choice = c2.selectbox(t("study.event", lang), [*by_id, CUSTOM], key="st_event", format_func=labels.__getitem__)
    day = None
    if choice == CUSTOM:
        day = c2.date_input(t("study.event_date", lang), key="st_date", format="YYYY-MM-DD",
                            min_value=returns.index.min().date(), max_value=returns.index.max().date())
    win = c3.slider(t("study.window", lang), -30, 30, key="st_win")
    bench, model, est = p.benchmark, p.model, p.estimation
    box = st.expander(t("study.model_box", lang), key="st_model_box", on_change="rerun")
    if box.open:
        b1, b2, b3 = box.columns([2, 2, 3])
        bench = b1.selectbox(t("study.benchmark", lang), rep.BENCHMARK_CHOICES, key="st_bench",
                             format_func=lambda b: t("study.benchmark_auto", lang) if b == "auto" else b)
        model = b2.selectbox(t("study.model", lang), MODELS, key="st_model", format_func=lambda m: t(f"study.model.{m}", lang))
        est = b3.slider(t("study.estimation", lang), -500, -2, key="st_est")
    write_params(sym=syms, bench=bench, event=choice if choice != CUSTOM else day.isoformat(), model=model, est=est, win=win)
    if not syms:
        st.info(t("study.no_symbols", lang))
        return None
    return {"symbols": syms, "event": choice, "day": by_id[choice].date if choice != CUSTOM else day, "benchmark": bench,
            "model": model, "estimation": tuple(est), "window": tuple(win)}


def run(choice: dict, registry, events: list, lang: str) -> Shown | None:
    """One cached study over the chosen symbols and every firm in the snapshot; a warning and None when it cannot run."""
    universe = rep.firm_symbols(registry)
    win, est, syms = choice["window"], choice["estimation"], choice["symbols"]
    windows, span = rep.study_windows(win, est)
    studied = list(dict.fromkeys([*syms, *universe]))
    event_id = choice["event"] if choice["event"] != CUSTOM else None
    key = (choice["day"], tuple(studied), choice["benchmark"], tuple(windows), est, choice["model"], event_id,
           tuple((e.id, e.date_text) for e in events), provenance_key(cached_returns()[1]))
    try:
        res = cached_study(*key, _events=tuple(events))
    except MarketImpactError as exc:
        st.warning(t("study.cannot", lang, error=str(exc).splitlines()[0]))
        return None
    chosen = [s for s in syms if s in res.results[win]]
    if not chosen:
        st.warning(" ".join(res.skipped[s] for s in syms if s in res.skipped))
        return None
    skipped = [s for s in syms if s in res.skipped] + [s for s in universe if s in res.skipped and s not in syms]
    return Shown(res, key, chosen, universe, {s: registry[s].name(lang) for s in studied}, win, span, registry, skipped)


@shared(maxsize=64)
def _reading(key: tuple, *, _build) -> str:
    """The result's reading in words, made once per study, symbol, window and language."""
    return _build()


def _table(key: tuple, build, name: str, lang: str) -> None:
    """A table of the study (made once per key) and its CSV."""
    df, arrow = memo_table(key, build)
    st.dataframe(arrow, hide_index=True)
    st.download_button(t("study.download", lang), lambda: df.to_csv(index=False).encode("utf-8"), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}", icon=":material/download:", on_click="ignore")


def show_result(s: Shown, lang: str) -> None:
    """The chosen symbol: CAR, t, p and β; the AR/CAR chart with its band; what it means, in words."""
    res, win, label = s.res, s.win, rep.window_label(s.win)
    focus = s.chosen[0] if len(s.chosen) == 1 else st.segmented_control(
        t("study.focus", lang), s.chosen, default=s.chosen[0], key="st_focus") or s.chosen[0]
    r = res.result(focus, win)
    row = st.container(horizontal=True, gap="medium")  # one row block, not four columns
    row.metric(t("study.metric_car", lang, window=label), format_pct(r.car, lang))
    row.metric(t("study.metric_t", lang), f"{format_number(r.t, lang)} {rep.stars(r.p)}".strip())
    row.metric(t("study.metric_p", lang), rep.format_p(r.p, lang))
    row.metric(t("study.metric_beta", lang, benchmark=r.benchmark or "—"), format_number(r.beta, lang))
    note = t("study.session_note", lang, exchange=r.exchange, date=format_date(r.event_session, lang, weekday=True))
    if s.skipped:
        note += "  \n" + t("study.skipped", lang, symbols=", ".join(s.skipped))
    if r.estimation_shortened:
        note += "  \n" + t("study.shortened", lang, symbol=focus, start=r.estimation_window[0], end=r.estimation_window[1],
                           n=r.estimation_sessions, date=format_date(r.estimation_start, lang))
    st.caption(note)
    conf = res.confounders_for(focus, win)  # on the focus symbol's own exchange
    if conf:
        st.warning(_md(t("study.confounders", lang, window=label, events="; ".join(
            f"{c.title_hi if lang == 'hi' and c.title_hi else c.title_en} ({c.day:+d})" for c in conf))))

    labels = {k: t(f"study.{k}", lang) for k in ("ar_in", "ar_out", "car_path", "band")}
    labels.update(car=labels.pop("car_path"), x_title=t("study.day_axis", lang), y_title=t("study.ar_axis", lang))
    fig = memo_figure(("study_ar", lang, s.key, focus, win), lambda: charts.ar_car_figure(
        rep.ar_path(res.result(focus, s.span), win), labels=labels,
        title=t("study.chart_title", lang, name=s.names[focus], date=format_date(r.event_session, lang))))
    st.plotly_chart(fig, key="study_ar")
    figure_downloads(fig, "event_study_ar_car", lang)

    def words() -> str:
        cross_all = res.cross_section(win, s.universe)
        paras = rep.reading(r, s.names[focus], lang, cross=cross_all, confounders=conf[:6],
                            universe_label=t("study.set_all", lang, n=cross_all.n), path=rep.ar_path(res.result(focus, s.span), win))
        return "\n\n".join([f"### {t('study.reading_title', lang)}", *(_md(p) for p in paras)])

    st.markdown(_reading(("study_reading", lang, s.key, focus, win), _build=words))


def show_tables(s: Shown, lang: str) -> None:
    """The results for the chosen symbols in every window, and the cross-sectional tests."""
    tw = rep.table_windows(s.res, s.win)
    key = (s.key, s.win, tuple(s.chosen), lang)
    st.subheader(t("study.results", lang))
    st.caption(t("study.stars_help", lang))
    _table(("study_results", *key), lambda: rep.results_table(s.res, s.chosen, tw, s.names, lang), "event_study_results", lang)
    st.subheader(t("study.cross_tests", lang))

    def tests():
        set_all = t("study.set_all", lang, n=s.res.cross_section(s.win, s.universe).n)
        sets = {set_all: s.universe, **({t("study.set_selected", lang): s.chosen} if len(s.chosen) > 1 else {})}
        return rep.cross_section_table(s.res, tw, sets, lang)

    _table(("study_tests", *key), tests, "event_study_cross_section_tests", lang)


def show_firms(s: Shown, lang: str) -> None:
    """Every snapshot firm's CAR, ranked and coloured by group; the chosen symbols highlighted."""
    key = (s.key, s.win, tuple(s.chosen), lang)
    ranked, _ = memo_table(("study_ranked_cars", *key), lambda: rep.ranked_cars(s.res, s.win, s.universe, s.registry, lang))
    fig = memo_figure(("study_rank", lang, s.key, s.win, tuple(s.chosen)), lambda: charts.ranked_car_figure(
        ranked, group_names=dict(zip(ranked["group"], ranked["group_name"], strict=True)), highlight=s.chosen,
        title=t("study.cross_title", lang, window=rep.window_label(s.win))))
    st.plotly_chart(fig, key="study_ranked")
    figure_downloads(fig, "event_study_ranked", lang)
    if s.skipped:
        st.caption(t("study.skipped", lang, symbols=", ".join(s.skipped)))
    _table(("study_ranked", *key), lambda: rep.ranked_table(ranked, lang), "event_study_ranked", lang)


def show_heatmap(s: Shown, lang: str) -> None:
    """CAR by firm and window."""
    key = (s.key, s.win)
    heat, _ = memo_table(("study_heat_frame", *key), lambda: rep.car_heatmap_frame(s.res, s.universe, rep.table_windows(s.res, s.win), s.win))
    fig = memo_figure(("study_heat", lang, *key), lambda: charts.car_heatmap_figure(heat, title=t("study.heatmap_title", lang)))
    st.plotly_chart(fig, key="study_heatmap")
    figure_downloads(fig, "event_study_heatmap", lang)
    if s.skipped:
        st.caption(t("study.skipped", lang, symbols=", ".join(s.skipped)))
    _table(("study_heat_table", *key, lang), lambda: rep.heatmap_table(heat, lang), "event_study_car_matrix", lang)


SHOW = {"result": show_result, "tables": show_tables, "firms": show_firms, "heatmap": show_heatmap}


def formulas(lang: str) -> None:
    """The formulas behind the numbers, typeset only when the box is opened."""
    box = st.expander(t("study.formulas", lang), key="st_formulas", on_change="rerun")
    if not box.open:
        return
    with box:
        st.latex(r"AR_{it} = R_{it} - (\hat\alpha_i + \hat\beta_i R_{mt}), \qquad CAR_i = \sum_{t=\tau_1}^{\tau_2} AR_{it}")
        st.latex(r"\hat\sigma_i^2 = \frac{1}{n_i-2}\sum_{t \in \text{est}} \hat\varepsilon_{it}^2, \qquad "
                 r"t_i = \frac{CAR_i}{\hat\sigma_i \sqrt{L}}")
        st.latex(r"z_{\text{Patell}} = \frac{1}{\sqrt N}\sum_i \frac{CSAR_i}{\sqrt{L\,(n_i-2)/(n_i-4)}}, \qquad "
                 r"t_{\text{BMP}} = \frac{\overline{SCAR}}{s_{SCAR}/\sqrt N}, \qquad "
                 r"z_{\text{sign}} = \frac{w - N\hat p}{\sqrt{N\hat p(1-\hat p)}}")
        st.caption(t("study.formulas_note", lang))
