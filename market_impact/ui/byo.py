"""Cached work and widgets of the "Your article" page. The user's words are only ever shown as plain text
(st.code, table cells) or markdown-escaped inside a sentence of ours; never as HTML or Markdown."""

from __future__ import annotations

import string
from datetime import date

import pandas as pd
import streamlit as st

from market_impact import byo
from market_impact.claims import ClaimResult, metric_label, results_table, stated_label, symbol_label
from market_impact.errors import BadCatalogue, BadUpload, MarketImpactError
from market_impact.events import CATEGORIES, Event
from market_impact.i18n import t
from market_impact.ui.loaders import cached_prices, cached_registry

# CommonMark renders any backslash-escaped ASCII punctuation literally: a user's file name or words inside a
# sentence of ours can start no link, emphasis, directive (":red[…]"), LaTeX ("$") or HTML.
_PLAIN = str.maketrans({c: "\\" + c for c in string.punctuation})


def md(text: str) -> str:
    return text.translate(_PLAIN)


_DOC_HASH = {byo.UserDocument: lambda d: (d.name, d.text, d.meta_published)}


@st.cache_data(show_spinner=False, max_entries=8)
def cached_upload(data: bytes, name: str) -> byo.UserDocument:
    return byo.read_upload(data, name)


@st.cache_data(show_spinner=False, max_entries=8)
def cached_pasted(text: str) -> byo.UserDocument:
    return byo.read_pasted(text)


@st.cache_data(show_spinner=False, max_entries=8, hash_funcs=_DOC_HASH)
def cached_guess(doc: byo.UserDocument) -> byo.PublishedGuess:
    return byo.infer_published(doc)


@st.cache_data(show_spinner=False, max_entries=8, hash_funcs=_DOC_HASH)
def cached_proposals(doc: byo.UserDocument, published: date | None) -> tuple[list[byo.ProposedEvent], byo.ClaimProposals]:
    registry = cached_registry()
    guess = byo.infer_published(doc)
    return byo.propose_events(doc, published, guess, registry.keys()), byo.propose_claims(doc, published, registry)


def read_input(upload, pasted: str | None) -> byo.UserDocument | None:
    """The document from the uploader (first) or the text area; a bad one is said in the user's language."""
    from market_impact.ui.state import current_lang

    lang = current_lang()
    try:
        if upload is not None:
            return cached_upload(upload.getvalue(), upload.name)
        if pasted:
            return cached_pasted(pasted)
    except BadUpload as exc:
        st.error(t(f"byo.err.{exc.code}", lang, **{k: md(str(v)) for k, v in exc.params.items()}), icon=":material/block:")
    return None


def document_caption(doc: byo.UserDocument, lang: str) -> None:
    st.caption(t("byo.read_as", lang, name=md(doc.name), chars=f"{len(doc.text):,}", kind=t(f"byo.kind.{doc.kind}", lang),
                 encoding=doc.encoding.upper()) + " " + " ".join(t(f"byo.note.{n}", lang) for n in doc.notes))
    with st.expander(t("byo.show_text", lang)):
        st.code(doc.text, language=None, wrap_lines=True, height=320)


def published_reason(guess: byo.PublishedGuess, lang: str) -> str:
    return t(f"byo.published.{guess.how}", lang, evidence=md(guess.evidence))


def show_problems(title: str, problems: list[str]) -> None:
    st.error(title, icon=":material/warning:")
    st.code("\n".join(problems), language=None, wrap_lines=True)


def events_editor(proposals: list[byo.ProposedEvent], key: str, lang: str) -> pd.DataFrame:
    frame = byo.events_frame(proposals)
    return st.data_editor(
        frame, key=key, hide_index=True, width="stretch", disabled=["quote"],
        column_config={
            "accept": st.column_config.CheckboxColumn(t("byo.col.accept", lang), default=False, width="small"),
            "date": st.column_config.TextColumn(t("byo.col.date", lang), help=t("byo.col.date_help", lang), required=True, width=105,
                                                validate=r"^\d{4}(-\d{2}(-\d{2})?)?(\.\.\d{4}(-\d{2}(-\d{2})?)?)?$"),
            "title": st.column_config.TextColumn(t("byo.col.title", lang), required=True, max_chars=160, width=330),
            "category": st.column_config.SelectboxColumn(t("byo.col.category", lang), options=list(CATEGORIES), required=True,
                                                         format_func=lambda c: t(f"cat.{c}", lang), width=150),
            "importance": st.column_config.SelectboxColumn(t("byo.col.importance", lang), options=[1, 2, 3], required=True,
                                                           help=t("byo.col.importance_help", lang), width=100),
            "tickers": st.column_config.TextColumn(t("byo.col.tickers", lang), help=t("byo.col.tickers_help", lang), width=90),
            "quote": st.column_config.TextColumn(t("byo.col.quote", lang), width="large"),
        },
    )


def claims_editor(proposals: byo.ClaimProposals, key: str, lang: str) -> pd.DataFrame:
    registry = cached_registry()
    labels = {c.id: {"subject": symbol_label(c, registry, lang), "what": metric_label(c, lang), "says": stated_label(c, lang)}
              for c in proposals.checkable}
    frame = byo.claims_frame(proposals.checkable, labels)
    return st.data_editor(
        frame, key=key, hide_index=True, width="stretch", disabled=["subject", "what", "says", "quote"],
        column_config={
            "accept": st.column_config.CheckboxColumn(t("byo.col.accept", lang), default=False, width="small"),
            "subject": st.column_config.TextColumn(t("byo.col.subject", lang)),
            "what": st.column_config.TextColumn(t("byo.col.what", lang)),
            "says": st.column_config.TextColumn(t("byo.col.says", lang)),
            "day": st.column_config.DateColumn(t("byo.col.day", lang), format="YYYY-MM-DD"),
            "quote": st.column_config.TextColumn(t("byo.col.quote", lang), width="large"),
        },
    )


def accepted_frame(events: tuple[Event, ...], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("byo.col.id", lang): [e.id for e in events],
        t("byo.col.date", lang): [e.date_text if not e.date_end_text else f"{e.date_text}..{e.date_end_text}" for e in events],
        t("byo.col.title", lang): [e.title(lang) for e in events],
        t("byo.col.category", lang): [t(f"cat.{e.category}", lang) for e in events],
        t("byo.col.importance", lang): [e.importance for e in events],
        t("byo.col.article", lang): [", ".join(e.articles) for e in events],
    })


def load_yaml(upload, lang: str) -> tuple[tuple[Event, ...], str]:
    """Events from an uploaded YAML file and its name, once per file (a rerun does not load it again)."""
    if upload is None or st.session_state.get("byo_yaml_done") == upload.file_id:
        return (), ""
    st.session_state["byo_yaml_done"] = upload.file_id
    from market_impact.ui.loaders import cached_events

    try:
        return byo.load_events_yaml(upload.getvalue(), upload.name, {e.id for e in cached_events()}), upload.name
    except BadUpload as exc:
        st.error(t(f"byo.err.{exc.code}", lang, **{k: md(str(v)) for k, v in exc.params.items()}), icon=":material/block:")
    except BadCatalogue as exc:
        show_problems(t("byo.yaml_problems", lang), exc.problems)
    return (), upload.name


def checked_claims(claims, lang: str) -> tuple[pd.DataFrame, list[ClaimResult]]:
    """The accepted claims held against the tape, as claims.py's results table."""
    registry = cached_registry()
    req = byo.price_request(claims, registry)
    data = None
    if req is not None:
        try:
            data = cached_prices(req[0], req[1].isoformat(), req[2].isoformat()).data
        except MarketImpactError as exc:
            st.warning(t("byo.prices_failed", lang, error=md(str(exc).splitlines()[0])))
    results = byo.check_user_claims(claims, data, registry)
    return results_table(results, registry, lang), results


def remove_controls(ids: list[str], label: str, key: str, lang: str, remove, clear, format_func=str) -> None:
    """A row under a table of the user's own items: pick some and remove them, or clear them all (then rerun)."""
    c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="bottom")
    drop = c1.multiselect(label, ids, format_func=format_func, key=f"byo_drop{key}")
    if c2.button(t("byo.remove", lang), key=f"byo_remove{key}", disabled=not drop):
        remove(drop)
        st.rerun()
    if c3.button(t("byo.clear", lang), key=f"byo_clear{key}"):
        clear()
        st.rerun()
