"""DeepSeek Shock — the router: language, navigation, and a last net so no user ever sees a traceback."""

import logging

import streamlit as st

from market_impact.i18n import t
from market_impact.ui.state import ROUTED, current_lang
from market_impact.ui.widgets import language_toggle

st.set_page_config(page_title="DeepSeek Shock", page_icon="📉", layout="wide")
st.session_state[ROUTED] = True  # the pages' ensure_router: this session's runs come through here

lang = language_toggle(current_lang())

PAGES = {
    "app.section_story": [
        st.Page("pages/overview.py", title=t("page.overview", lang), icon=":material/monitoring:", default=True),  # served at /
        st.Page("pages/timeline.py", title=t("page.timeline", lang), icon=":material/timeline:", url_path="timeline"),
        st.Page("pages/presenter.py", title=t("page.presenter", lang), icon=":material/slideshow:", url_path="presenter"),
    ],
    "app.section_analyse": [
        st.Page("pages/prices.py", title=t("page.prices", lang), icon=":material/candlestick_chart:", url_path="prices"),
        st.Page("pages/study.py", title=t("page.study", lang), icon=":material/query_stats:", url_path="study"),
        st.Page("pages/claims.py", title=t("page.claims", lang), icon=":material/fact_check:", url_path="claims"),
    ],
    "app.section_sources": [
        st.Page("pages/articles.py", title=t("page.articles", lang), icon=":material/article:", url_path="articles"),
        st.Page("pages/byo.py", title=t("page.byo", lang), icon=":material/upload_file:", url_path="byo"),
        st.Page("pages/data.py", title=t("page.data", lang), icon=":material/database:", url_path="data"),
    ],
}

page = st.navigation({t(k, lang): v for k, v in PAGES.items() if v})
st.sidebar.caption(t("app.tagline", lang))
try:
    page.run()
except Exception as exc:  # the last net: log the traceback for us, show the user a sentence
    logging.getLogger("deepseek_shock").exception("page %s failed", page.title)
    st.error(t("app.error", lang, error=type(exc).__name__))
