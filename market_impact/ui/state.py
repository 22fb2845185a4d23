"""Page state from the URL (`st.query_params`): parse into typed values, fall back to defaults loudly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from market_impact.i18n import DEFAULT_LANG, LANGS, bad_param

T = TypeVar("T")


ROUTED = "_routed"  # set by app.py: this session's runs go through the router


def ensure_router() -> None:
    """Make a deep link on a fresh server go through app.py's `st.navigation`.

    Streamlit treats a `pages/` folder beside the entrypoint as a v1 multipage app until the first
    `st.navigation` call in the process; a first visitor arriving at /prices would get the page without
    the router (no language toggle, no sections). Turn that off once and rerun through the router. A second
    first visitor whose run started before the switch is caught by the session flag app.py sets: the main
    script has a `pages/` folder (it is the router), yet this session never passed through it — rerun once.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError:  # internal API moved: the deep-link quirk is cosmetic, never fatal
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
    if st.session_state.get(ROUTED) or st.session_state.get("_router_retried"):
        return
    ctx = get_script_run_ctx()
    if ctx is not None and (Path(ctx.main_script_path).parent / "pages").is_dir():
        st.session_state["_router_retried"] = True  # once: never loop
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


def read_param(name: str, parse: Callable[[str], T], default: T, lang: str, params: dict[str, str] | None = None) -> T:
    """`parse(st.query_params[name])`, or `default` with a visible note when the value is bad.

    `parse` raises ValueError with a short reason for values it cannot accept. `params`: the query parameters
    already read (`st.query_params.to_dict()`), for a page that reads several.
    """
    raw = (st.query_params if params is None else params).get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except (ValueError, TypeError, KeyError) as exc:
        st.info(bad_param(name, raw, str(exc)[:120] or "invalid", lang), icon="ℹ️")
        return default


def write_params(**values: Any) -> None:
    """Mirror the page's state into the URL so a link reproduces the view (None removes a key)."""
    current = st.query_params.to_dict()  # one read; then touch only what changed
    for k, v in values.items():
        if v is None or v == "" or v == []:
            if k in current:
                del st.query_params[k]
        else:
            s = ",".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
            if current.get(k) != s:
                st.query_params[k] = s
