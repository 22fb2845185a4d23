"""Page state from the URL (`st.query_params`): parse into typed values, fall back to defaults loudly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from market_impact.i18n import DEFAULT_LANG, LANGS, bad_param

T = TypeVar("T")


def ensure_router() -> None:
    """Make a deep link on a fresh server go through app.py's `st.navigation`.

    Streamlit treats a `pages/` folder beside the entrypoint as a v1 multipage app until the first
    `st.navigation` call in the process; a first visitor arriving at /prices would get the page without
    the router (no language toggle, no sections). Turn that off once and rerun through the router.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # internal API moved: the deep-link quirk is cosmetic, never fatal
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_lang() -> str:
    """The interface language: `?lang=` (en | hi) when given, else the session's last choice, else English.

    Page switches drop the query string, so the session remembers the choice and puts it back in the URL.
    """
    ensure_router()
    value = st.query_params.get("lang")
    if value not in LANGS:
        value = st.session_state.get("_lang", DEFAULT_LANG)
    st.session_state["_lang"] = value
    if value != DEFAULT_LANG and st.query_params.get("lang") != value:
        st.query_params["lang"] = value
    return value


def read_param(name: str, parse: Callable[[str], T], default: T, lang: str) -> T:
    """`parse(st.query_params[name])`, or `default` with a visible note when the value is bad.

    `parse` raises ValueError with a short reason for values it cannot accept.
    """
    raw = st.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except (ValueError, TypeError, KeyError) as exc:
        st.info(bad_param(name, raw, str(exc)[:120] or "invalid", lang), icon="ℹ️")
        return default


def write_params(**values: Any) -> None:
    """Mirror the page's state into the URL so a link reproduces the view (None removes a key)."""
    for k, v in values.items():
        if v is None or v == "" or v == []:
            if k in st.query_params:
                del st.query_params[k]
        else:
            s = ",".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
            if st.query_params.get(k) != s:
                st.query_params[k] = s
