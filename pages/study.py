"""Event study: abnormal returns around an event, for a few symbols and for every firm in the snapshot — the result,
the tables and tests, all firms ranked, or CAR by window (one at a time, `?view=` in the URL)."""

import pandas as pd
import streamlit as st

from market_impact import charts
from market_impact import study_report as rep
from market_impact.errors import MarketImpactError
from market_impact.i18n import format_date, format_number, format_pct, t
from market_impact.study import MODELS
from market_impact.ui.loaders import cached_registry, memo_figure
from market_impact.ui.state import current_lang, read_param, write_params
from market_impact.ui.study import cached_returns, cached_study, day_events
from market_impact.ui.widgets import figure_downloads, provenance_badge, section_picker

CUSTOM = "date"
lang = current_lang()
st.title(t("study.title", lang))
st.caption(t("study.intro", lang))

returns, prov = cached_returns()
registry = cached_registry()
events = day_events()
by_id = {e.id: e for e in events}
known = [s for s in registry if s in returns.columns]
provenance_badge(prov, lang)

# -- 1. state: the URL, then the widgets (seeded from it once per session), mirrored back to the URL
d = rep.StudyParams(event="r1-release" if "r1-release" in by_id else rep.DEFAULT_EVENT)
p = rep.StudyParams(
    symbols=read_param("sym", lambda v: rep.parse_symbols(v, known), d.symbols, lang),
    benchmark=read_param("bench", rep.parse_benchmark, d.benchmark, lang),
    event=read_param("event", lambda v: rep.parse_event(v, by_id, returns.index.min(), returns.index.max()), d.event, lang),
    model=read_param("model", rep.parse_model, d.model, lang),
    estimation=read_param("est", lambda v: rep.parse_window_param(v, estimation=True), d.estimation, lang),
    window=read_param("win", rep.parse_window_param, d.window, lang),
)
seed = {"st_sym": list(p.symbols), "st_bench": p.benchmark, "st_model": p.model, "st_est": p.estimation,
        "st_win": p.window, "st_event": p.event if p.event in by_id else CUSTOM,
        "st_date": pd.Timestamp(rep.DEFAULT_EVENT if p.event in by_id else p.event).date()}
for key, value in seed.items():
    st.session_state.setdefault(key, value)

c1, c2, c3 = st.columns([3, 2, 2])
syms = c1.multiselect(t("study.symbols", lang), known, key="st_sym", max_selections=12,
                      format_func=lambda s: f"{s} · {registry[s].name(lang)}")
bench = c2.selectbox(t("study.benchmark", lang), rep.BENCHMARK_CHOICES, key="st_bench",
                     format_func=lambda b: t("study.benchmark_auto", lang) if b == "auto" else b)
model = c3.selectbox(t("study.model", lang), MODELS, key="st_model", format_func=lambda m: t(f"study.model.{m}", lang))
c4, c5, c6 = st.columns([3, 2, 2])
choice = c4.selectbox(t("study.event", lang), [*by_id, CUSTOM], key="st_event", format_func=lambda i: (
    t("study.event_custom", lang) if i == CUSTOM else f"{format_date(by_id[i].date, lang)} · {by_id[i].title(lang)}"))
if choice == CUSTOM:
    day = c4.date_input(t("study.event_date", lang), key="st_date", format="YYYY-MM-DD",
                        min_value=returns.index.min().date(), max_value=returns.index.max().date())
est = c5.slider(t("study.estimation", lang), -500, -2, key="st_est")
win = c6.slider(t("study.window", lang), -30, 30, key="st_win")
event_value = choice if choice != CUSTOM else day.isoformat()
write_params(sym=syms, bench=bench, event=event_value, model=model, est=est, win=win)
if not syms:
    st.info(t("study.no_symbols", lang))
    st.stop()

# -- 2. work: one study over the chosen symbols and every firm in the snapshot
universe = rep.firm_symbols(registry)
windows, span = rep.study_windows(win, est)
studied = list(dict.fromkeys([*syms, *universe]))
try:
    study_key = (by_id[choice].date if choice != CUSTOM else day, tuple(studied), bench, tuple(windows), tuple(est), model,
                 choice if choice != CUSTOM else None, tuple((e.id, e.date_text) for e in events))
    res = cached_study(*study_key, _events=tuple(events))
except MarketImpactError as exc:
    st.warning(t("study.cannot", lang, error=str(exc).splitlines()[0]))
    st.stop()

names = {s: registry[s].name(lang) for s in studied}
chosen = [s for s in syms if s in res.results[win]]
skipped = [s for s in syms if s in res.skipped] + [s for s in universe if s in res.skipped and s not in syms]
if skipped:
    st.caption(t("study.skipped", lang, symbols=", ".join(skipped)))
if not chosen:
    st.warning(" ".join(res.skipped[s] for s in syms if s in res.skipped))
    st.stop()


def md(text: str) -> str:
    return text.replace("$", "\\$")  # a dollar sign in an event title is not LaTeX


def table(df: pd.DataFrame, name: str) -> None:
    st.dataframe(df, hide_index=True)
    st.download_button(t("study.download", lang), lambda: df.to_csv(index=False).encode("utf-8"), file_name=f"{name}.csv",
                       mime="text/csv", key=f"dl_{name}", icon=":material/download:", on_click="ignore")


# -- 3. render: one part — the chosen symbol, the tables and tests, every firm ranked, or CAR by window
part = section_picker("study", ("result", "tables", "firms", "heatmap"), lang)
label = rep.window_label(win)
tw = rep.table_windows(res, win)

if part == "result":
    focus = chosen[0] if len(chosen) == 1 else st.segmented_control(t("study.focus", lang), chosen, default=chosen[0],
                                                                     key="st_focus") or chosen[0]
    r = res.result(focus, win)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("study.metric_car", lang, window=label), format_pct(r.car, lang))
    m2.metric(t("study.metric_t", lang), f"{format_number(r.t, lang)} {rep.stars(r.p)}".strip())
    m3.metric(t("study.metric_p", lang), rep.format_p(r.p, lang))
    m4.metric(t("study.metric_beta", lang, benchmark=r.benchmark or "—"), format_number(r.beta, lang))
    st.caption(t("study.session_note", lang, exchange=r.exchange, date=format_date(r.event_session, lang, weekday=True)))
    if r.estimation_shortened:
        st.caption(t("study.shortened", lang, symbol=focus, start=r.estimation_window[0], end=r.estimation_window[1],
                     n=r.estimation_sessions, date=format_date(r.estimation_start, lang)))
    conf = res.confounders.get(win, ())
    if conf:
        st.warning(md(t("study.confounders", lang, window=label, events="; ".join(
            f"{c.title_hi if lang == 'hi' and c.title_hi else c.title_en} ({c.day:+d})" for c in conf))))

    labels = {k: t(f"study.{k}", lang) for k in ("ar_in", "ar_out", "car_path", "band")}
    labels.update(car=labels.pop("car_path"), x_title=t("study.day_axis", lang), y_title=t("study.ar_axis", lang))
    fig_ar = memo_figure(("study_ar", lang, study_key, focus, win), lambda: charts.ar_car_figure(
        rep.ar_path(res.result(focus, span), win), labels=labels,
        title=t("study.chart_title", lang, name=names[focus], date=format_date(r.event_session, lang))))
    st.plotly_chart(fig_ar, key="study_ar")
    figure_downloads(fig_ar, "event_study_ar_car", lang)

    st.subheader(t("study.reading_title", lang))
    cross_all = res.cross_section(win, universe)
    st.markdown("\n\n".join(md(para) for para in rep.reading(r, names[focus], lang, cross=cross_all, confounders=conf[:6],
                                                             universe_label=t("study.set_all", lang, n=cross_all.n))))

elif part == "tables":
    st.subheader(t("study.results", lang))
    st.caption(t("study.stars_help", lang))
    table(rep.results_table(res, chosen, tw, names, lang), "event_study_results")
    st.subheader(t("study.cross_tests", lang))
    set_all = t("study.set_all", lang, n=res.cross_section(win, universe).n)
    sets = {set_all: universe, **({t("study.set_selected", lang): chosen} if len(chosen) > 1 else {})}
    table(rep.cross_section_table(res, tw, sets, lang), "event_study_cross_section_tests")

elif part == "firms":
    ranked = rep.ranked_cars(res, win, universe, registry, lang)
    groups = dict(zip(ranked["group"], ranked["group_name"], strict=True))
    fig_rank = memo_figure(("study_rank", lang, study_key, win, tuple(chosen)), lambda: charts.ranked_car_figure(
        ranked, group_names=groups, highlight=chosen, title=t("study.cross_title", lang, window=label)))
    st.plotly_chart(fig_rank, key="study_ranked")
    figure_downloads(fig_rank, "event_study_ranked", lang)
    table(ranked.assign(car=(100 * ranked["car"]).round(3)).rename(columns={"car": "car_pct"}), "event_study_ranked")

else:  # heatmap: CAR by firm and window
    heat = rep.car_heatmap_frame(res, universe, tw, win)
    fig_heat = memo_figure(("study_heat", lang, study_key, win), lambda: charts.car_heatmap_figure(heat, title=t("study.heatmap_title", lang)))
    st.plotly_chart(fig_heat, key="study_heatmap")
    figure_downloads(fig_heat, "event_study_heatmap", lang)
    table(heat.round(3).rename_axis("symbol").reset_index(), "event_study_car_matrix")

formulas = st.expander(t("study.formulas", lang), key="st_formulas", on_change="rerun")  # typeset only when opened
if formulas.open:
    with formulas:
        st.latex(r"AR_{it} = R_{it} - (\hat\alpha_i + \hat\beta_i R_{mt}), \qquad CAR_i = \sum_{t=\tau_1}^{\tau_2} AR_{it}")
        st.latex(r"\hat\sigma_i^2 = \frac{1}{n_i-2}\sum_{t \in \text{est}} \hat\varepsilon_{it}^2, \qquad "
                 r"t_i = \frac{CAR_i}{\hat\sigma_i \sqrt{L}}")
        st.latex(r"z_{\text{Patell}} = \frac{1}{\sqrt N}\sum_i \frac{CSAR_i}{\sqrt{L\,(n_i-2)/(n_i-4)}}, \qquad "
                 r"t_{\text{BMP}} = \frac{\overline{SCAR}}{s_{SCAR}/\sqrt N}, \qquad "
                 r"z_{\text{sign}} = \frac{w - N\hat p}{\sqrt{N\hat p(1-\hat p)}}")
        st.caption(t("study.formulas_note", lang))
