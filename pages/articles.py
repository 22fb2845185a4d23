"""Articles: each seed article in Hindi, its dates and numbers highlighted, its metadata and its events."""

from urllib.parse import urlencode

import streamlit as st

from market_impact.i18n import format_date, t
from market_impact.ui.loaders import event_key
from market_impact.ui.state import current_lang, read_param, write_params
from market_impact.ui.timeline import article_view, cached_catalogue, md, mentions_table

lang = current_lang()
st.title(t("articles.title", lang))
st.caption(t("articles.intro", lang))

# -- 1. state: ?article=a002 (a bad id → a note and the first article)
events, _, articles = cached_catalogue()
ids = list(articles)


def _known(raw: str) -> str:
    if raw not in articles:
        raise ValueError(f"choose one of {', '.join(ids)}")
    return raw


st.session_state.setdefault("ar_article", read_param("article", _known, ids[0], lang))
aid = st.pills(t("articles.pick", lang), ids, key="ar_article", selection_mode="single",
               format_func=lambda a: f"{a} · {articles[a].headline(lang)}") or ids[0]
write_params(article=aid if aid != ids[0] else None)
art = articles[aid]

# -- 2./3. data and the library: the text, what the extractor finds, which event each mention belongs to
body, links, mentions = article_view(aid, lang, event_key(events, lang), _events=events)
drawn = [e for e in events if aid in e.articles]
by_id = {e.id: e for e in events}

# -- 4. render: metadata, the article with highlights, its events, every mention
st.subheader(md(art.headline(lang)))
m1, m2, m3 = st.columns(3)
m1.markdown(f"**{t('articles.published', lang)}**  \n{format_date(art.published, lang, weekday=True)}")
m1.caption(t("articles.confidence", lang, level=t(f"articles.confidence.{art.date_confidence}", lang)))
m2.markdown(f"**{t('articles.outlet', lang)}**  \n{art.outlet or art.credit or t('articles.not_named', lang)}")
n_dates = sum(m.kind == "date" for m in mentions)
m3.markdown(t("articles.mentions", lang, dates=n_dates, numbers=len(mentions) - n_dates))
with st.expander(t("articles.reason", lang)):
    st.write(art.date_reason)

left, right = st.columns([3, 2])
with left:
    st.caption(t("articles.legend", lang))
    with st.container(border=True, height=640):
        st.html(body)
with right:
    links_back = {"preset": "all", **({"lang": lang} if lang != "en" else {})}
    st.markdown(f"**{t('articles.events', lang, n=len(drawn))}**\n\n" + "\n".join(
        f"- {e.date_text} · {md(e.title(lang))} — [{t('articles.open_event', lang)}](timeline?{urlencode({'event': e.id, **links_back})})"
        for e in drawn))
every = st.expander(t("articles.all_mentions", lang), key="ar_mentions_box", on_change="rerun")  # the table only when open
if every.open:
    every.dataframe(mentions_table(mentions, links, by_id, lang), hide_index=True)
