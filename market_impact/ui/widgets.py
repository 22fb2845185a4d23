"""Small shared widgets: the provenance badge, the language toggle."""

from __future__ import annotations

import streamlit as st

from market_impact.i18n import LANGS, format_date, t
from market_impact.prices import Provenance


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
