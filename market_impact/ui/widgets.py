"""Small shared widgets: the provenance badge, the language toggle, the part-of-page picker, chart downloads."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from market_impact.i18n import LANGS, format_date, t
from market_impact.prices import Provenance
from market_impact.ui.state import read_param, write_params
from market_impact.views import parse_choice


def provenance_badge(prov: Provenance, lang: str) -> None:
    """Always say what is shown: snapshot, cache or live — and why live was not used."""
    as_of = format_date(prov.as_of, lang)
    if prov.source == "live":
        fetched = prov.fetched_at.strftime("%Y-%m-%d %H:%M UTC") if prov.fetched_at else as_of
        st.badge(t("prov.live", lang, fetched=fetched), icon=":material/wifi:", color="green", help=t("prov.help", lang))
    elif prov.source == "cache":
        st.badge(t("prov.cache", lang, as_of=as_of), icon=":material/cached:", color="blue", help=t("prov.help", lang))
    else:
        st.badge(t("prov.snapshot", lang, as_of=as_of), icon=":material/inventory_2:", color="orange", help=t("prov.help", lang))
    if prov.note and prov.source != "live":
        st.caption(t("prov.why", lang, note=prov.note))
    if prov.missing:
        st.caption(t("prov.missing", lang, symbols=", ".join(prov.missing)))


def language_toggle(lang: str) -> str:
    """Sidebar toggle kept in the URL (`?lang=hi`)."""
    choice = st.sidebar.segmented_control(
        t("app.language", lang), LANGS, default=lang, format_func=lambda x: {"en": "English", "hi": "हिन्दी"}[x], key="lang_toggle"
    )
    choice = choice or lang
    if choice != lang:
        st.session_state["_lang"] = choice
        st.query_params["lang"] = choice
        st.rerun()
    return choice


def section_picker(page: str, sections: Sequence[str], lang: str, default: str | None = None) -> str:
    """Which part of a busy page to show: a row of buttons kept in the URL (`?view=…`; the default part — the
    first unless given — leaves the URL clean). Only the chosen part runs, so a rerun builds and sends that
    part's charts and tables, not every one on the page. Labels are `{page}.view.{section}` strings."""
    key = f"{page}_view"
    default = default if default in sections else sections[0]
    if key not in st.session_state:  # seeded from the link once; the buttons own it afterwards
        st.session_state[key] = read_param("view", lambda raw: parse_choice(raw, sections), default, lang)
    choice = st.segmented_control(t("app.view", lang), sections, key=key, required=True, label_visibility="collapsed",
                                  format_func=lambda s: t(f"{page}.view.{s}", lang))
    choice = choice if choice in sections else default
    write_params(view=None if choice == default else choice)
    return choice


def figure_downloads(fig, name: str, lang: str, title: str = "") -> None:
    """A menu of downloads for one chart: interactive HTML (offline), PNG, SVG and the chart's data as CSV.

    The menu's buttons exist only while it is open (a stateful popover reruns the page when opened), and
    each file is made only when its button is clicked (deferred `data` callables): a normal rerun sends
    one closed menu per chart, and kaleido's seconds are spent only on the image asked for.
    """
    menu = st.popover(t("downloads.menu", lang), icon=":material/download:", key=f"dlmenu_{name}", on_change="rerun")
    if not menu.open:
        return
    from market_impact import export

    problem = export.image_export_problem()
    label = title or (fig.layout.title.text if fig.layout.title and fig.layout.title.text else name)
    with menu:
        _downloads(fig, name, lang, label, problem, export)


def _downloads(fig, name: str, lang: str, label: str, problem: str | None, export) -> None:
    """The menu's buttons, one under another (full labels, any language)."""
    st.download_button(t("downloads.html", lang), lambda: export.figure_html(fig, label, lang), f"{name}.html", "text/html",
                       key=f"dl_{name}_html", help=t("downloads.html_help", lang), on_click="ignore", icon=":material/html:",
                       width="stretch")
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        st.download_button(t(f"downloads.{fmt}", lang), (lambda f=fmt: export.figure_image(fig, f)), f"{name}.{fmt}", mime,
                           key=f"dl_{name}_{fmt}", on_click="ignore", icon=":material/image:", disabled=problem is not None,
                           help=t("downloads.unavailable", lang, reason=problem) if problem else t("downloads.image_help", lang),
                           width="stretch")
    st.download_button(t("downloads.csv", lang), lambda: export.figure_csv(fig).encode("utf-8"), f"{name}.csv", "text/csv",
                       key=f"dl_{name}_csv", help=t("downloads.csv_help", lang), on_click="ignore", icon=":material/table:",
                       width="stretch")
