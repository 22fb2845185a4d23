"""Your article: bring a text of your own; its dated sentences become your events, its market claims get checked."""

import streamlit as st

from market_impact import byo
from market_impact.errors import BadCatalogue
from market_impact.i18n import t
from market_impact.ui import byo as ui
from market_impact.ui.loaders import cached_events
from market_impact.ui.session import (
    add_user_claims,
    add_user_events,
    all_events,
    clear_user_claims,
    clear_user_events,
    remove_user_claims,
    remove_user_events,
    user_claims,
    user_events,
)
from market_impact.ui.state import current_lang

lang = current_lang()
st.title(t("byo.title", lang))
st.caption(t("byo.intro", lang))

# ---- the text: an upload, else pasted text ----
tab_up, tab_paste = st.tabs([t("byo.tab_upload", lang), t("byo.tab_paste", lang)])
upload = tab_up.file_uploader(t("byo.upload", lang), type=list(byo.TEXT_TYPES), max_upload_size=1, key="byo_upload")
pasted = tab_paste.text_area(t("byo.paste", lang), key="byo_paste", height=220, placeholder=t("byo.paste_placeholder", lang))
if upload is not None and pasted:
    st.caption(t("byo.using_upload", lang))
doc = ui.read_input(upload, pasted)

if doc is None:
    if upload is None and not pasted:
        st.info(t("byo.start", lang), icon=":material/description:")
else:
    ui.document_caption(doc, lang)
    guess = ui.cached_guess(doc)
    c1, c2 = st.columns([1, 3], vertical_alignment="bottom")
    published = c1.date_input(t("byo.published", lang), value=guess.day, key=f"byo_pub_{doc.article}",
                              help=t("byo.published_help", lang), format="YYYY-MM-DD")
    c2.caption(ui.published_reason(guess, lang))
    events, claims = ui.cached_proposals(doc, published)
    tag = f"{doc.article}_{published}"

    st.subheader(t("byo.events", lang), help=t("byo.events_help", lang))
    edited_events = ui.events_editor(events, f"byo_ev_{tag}", lang) if events else None
    if not events:
        st.caption(t("byo.no_events", lang))
    st.subheader(t("byo.claims", lang), help=t("byo.claims_help", lang))
    edited_claims = ui.claims_editor(claims, f"byo_cl_{tag}", lang) if claims.checkable else None
    if not claims.checkable:
        st.caption(t("byo.no_claims", lang))
    if claims.other:
        st.caption(t("byo.other_numbers", lang, n=len(claims.other)))

    if st.button(t("byo.accept", lang), type="primary", key="byo_accept", disabled=edited_events is None and edited_claims is None):
        try:
            new_events = byo.events_from_frame(edited_events, doc) if edited_events is not None else ()
        except BadCatalogue as exc:
            ui.show_problems(t("byo.problems", lang), exc.problems)
        else:
            new_claims = byo.claims_from_frame(edited_claims, claims.checkable, ui.cached_registry()) if edited_claims is not None else ()
            refused = add_user_events(new_events)
            add_user_claims(new_claims)
            st.success(t("byo.accepted_n", lang, events=len(new_events) - len(refused), claims=len(new_claims)), icon=":material/check_circle:")
            if refused:
                st.warning(t("byo.refused", lang, ids=", ".join(refused)))

# ---- what this session holds ----
st.divider()
st.header(t("byo.accepted", lang))
box = st.container()  # the list is drawn above the YAML uploader, after a loaded file has joined it
loaded, name = ui.load_yaml(st.file_uploader(t("byo.load_yaml", lang), type=list(byo.YAML_TYPES), max_upload_size=1, key="byo_yaml"), lang)
if loaded:
    refused = add_user_events(loaded)
    box.success(t("byo.loaded_n", lang, n=len(loaded) - len(refused), name=ui.md(name)), icon=":material/check_circle:")

mine = user_events()
with box:
    if not mine:
        st.caption(t("byo.accepted_none", lang))
    else:
        st.caption(t("byo.accepted_caption", lang, n=len(mine), catalogue=len(cached_events()), total=len(all_events())))
        st.dataframe(ui.accepted_frame(mine, lang), hide_index=True, width="stretch")
        titles = {e.id: f"{e.id} · {e.title(lang)}" for e in mine}
        ui.remove_controls(list(titles), t("byo.remove_pick", lang), "", lang, remove_user_events, clear_user_events, titles.get)
        st.download_button(t("byo.download_yaml", lang), byo.events_yaml(mine), "my_events.yaml", "application/x-yaml", key="byo_dl")

checked = user_claims()
if checked:
    st.subheader(t("byo.claims_checked", lang))
    table, _ = ui.checked_claims(checked, lang)
    st.dataframe(table, hide_index=True, width="stretch")
    ui.remove_controls([c.id for c in checked], t("byo.remove_claims_pick", lang), "_claims", lang, remove_user_claims, clear_user_claims)
