"""Loaders and widgets for the Timeline and Articles pages (the only Streamlit code of issue 3): the Timeline's
controls (URL → widgets → URL), its chart with click-to-select, the event detail and the disagreement cards."""

from __future__ import annotations

from dataclasses import replace
from html import escape
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from market_impact import charts
from market_impact.articles import Article
from market_impact.events import CATEGORIES, Disagreement, Event
from market_impact.extraction import Mention, extract_article
from market_impact.i18n import format_date, t
from market_impact.timeline import (
    LANES,
    PRESETS,
    QuoteInContext,
    Run,
    TimelineView,
    lane_labels,
    price_link_params,
    timeline_rows,
)
from market_impact.ui.loaders import (
    cached_article_text,
    cached_articles,
    cached_catalogue_or_none,
    event_key,
    memo_figure,
    shared,
)
from market_impact.ui.state import write_params
from market_impact.ui.widgets import figure_downloads

DATE_COLOUR, NUMBER_COLOUR, QUOTE_COLOUR = "#dbeafe", "#ffedd5", "#fef08a"


def cached_catalogue() -> tuple[tuple[Event, ...], tuple[Disagreement, ...], dict[str, Article]]:
    """Events, disagreements and articles, validated once (a broken events.yaml: a warning and no events)."""
    catalogue = cached_catalogue_or_none()
    if catalogue is None:
        return (), (), cached_articles()
    return tuple(catalogue.events), tuple(catalogue.disagreements), cached_articles()


@shared()
def cached_mentions(article_id: str) -> list[Mention]:
    return extract_article(article_id)


def _font(lang: str) -> str:
    return "font-family: 'Noto Sans Devanagari', 'Lohit Devanagari', 'Noto Sans', sans-serif; line-height: 1.75;"


def quote_html(q: QuoteInContext, lang: str) -> str:
    """The paragraph with the quote marked. Every piece of text is escaped: nothing is rendered as HTML."""
    return (f'<p lang="hi" style="{_font(lang)}">{escape(q.before)}'
            f'<mark style="background:{QUOTE_COLOUR}; padding:0 2px">{escape(q.quote)}</mark>{escape(q.after)}</p>')


def mention_title(m: Mention, lang: str) -> str:
    if m.kind == "date":
        if m.value is None:
            return t("articles.kind.date", lang)
        end = f" – {m.period_end}" if m.period_end and m.period_end != m.value else ""
        return f"{m.value}{end} ({m.granularity})"
    q = {"about": "≈ ", "more_than": "> ", "less_than": "< "}.get(m.qualifier or "", "")
    upper = f"–{m.upper:,.10g}" if m.upper is not None else ""
    return f"{q}{m.value:,.10g}{upper} {m.unit or ''}".strip()


def runs_html(runs: list[Run], lang: str) -> str:
    """One paragraph, its mentions highlighted; a mention that belongs to an event links to it."""
    parts = []
    for r in runs:
        if r.mention is None:
            parts.append(escape(r.text))
            continue
        colour = DATE_COLOUR if r.mention.kind == "date" else NUMBER_COLOUR
        title = escape(mention_title(r.mention, lang), quote=True)
        inner = f'<mark title="{title}" style="background:{colour}; padding:0 2px; border-radius:3px">{escape(r.text)}</mark>'
        if r.event:
            href = "timeline?" + urlencode({"event": r.event, "preset": "all", **({"lang": lang} if lang != "en" else {})})
            inner = f'<a href="{escape(href, quote=True)}" target="_self" style="color:inherit">{inner}</a>'
        parts.append(inner)
    return f'<p lang="hi" style="{_font(lang)}">{"".join(parts)}</p>'


# ---------------------------------------------------------------- the Timeline's controls and chart

def controls(view: TimelineView, articles: dict[str, Article], lang: str) -> TimelineView:
    """The widgets, seeded from the URL's view once per session; the view they show (the event comes later)."""
    seed = {"tl_lanes": view.lanes, "tl_articles": list(view.articles), "tl_categories": list(view.categories),
            "tl_imp": view.importance, "tl_preset": view.preset, "tl_event": view.event}
    for key, value in seed.items():
        st.session_state.setdefault(key, value)
    c1, c2, c3 = st.columns([3, 3, 2])
    lanes = c1.segmented_control(t("timeline.lanes", lang), LANES, key="tl_lanes",
                                 format_func=lambda x: t(f"timeline.lanes.{x}", lang)) or "category"
    imp = c2.selectbox(t("timeline.importance", lang), (1, 2, 3), key="tl_imp",
                       format_func=lambda n: t(f"timeline.importance.{n}", lang))
    preset = c3.selectbox(t("timeline.preset", lang), list(PRESETS), key="tl_preset",
                          format_func=lambda p: t(f"timeline.preset.{p}", lang))
    c4, c5, c6 = st.columns([3, 3, 2])
    arts = c4.multiselect(t("timeline.filter_article", lang), list(articles), key="tl_articles",
                          placeholder=t("timeline.all", lang), format_func=lambda a: f"{a} · {articles[a].headline(lang)}")
    cats = c5.multiselect(t("timeline.filter_category", lang), CATEGORIES, key="tl_categories",
                          placeholder=t("timeline.all", lang), format_func=lambda c: t(f"cat.{c}", lang))
    start, end = PRESETS[preset] or (view.start, view.end)
    if preset == "custom":
        picked = c6.date_input(t("timeline.custom_range", lang), value=(view.start, view.end), key="tl_range", format="YYYY-MM-DD")
        if isinstance(picked, tuple) and len(picked) == 2:
            start, end = picked
    return replace(view, lanes=lanes, articles=tuple(arts), categories=tuple(cats), importance=int(imp),
                   preset=preset, start=start, end=end, event=st.session_state.get("tl_event") or "")


def _on_click() -> None:
    """Chart callback: a clicked event becomes the selected one (before the script reruns)."""
    state = st.session_state.get("tl_chart")
    points = state.selection.points if state else []
    ids = [p["customdata"][0] for p in points if p.get("customdata")]
    if ids:
        st.session_state["tl_event"] = ids[0]


def show_chart(view: TimelineView, shown: list[Event], articles: dict[str, Article], lang: str) -> None:
    """The timeline of the shown events (rows, lanes and figure made once per view); a click selects an event."""

    def build():
        mine = sorted({a for e in shown for a in e.articles if a not in articles})
        labels = lane_labels(view.lanes, articles, lang, lambda c: t(f"cat.{c}", lang), t("timeline.lane_context", lang),
                             user_articles=mine, user_label=t("timeline.lane_user", lang))
        rows = timeline_rows(shown, view.lanes, articles, lang, fmt_day=lambda d: format_date(d, lang),
                             fmt_month=lambda d: format_date(d, lang).split(" ", 1)[1])
        fig = charts.timeline_figure(rows, labels, category_labels={c: t(f"cat.{c}", lang) for c in CATEGORIES},
                                     selected=view.event or None, x_range=(view.start, view.end))
        extent = (min(view.start, rows["start"].min().date()), max(view.end, rows["end"].max().date()))
        return charts.localise_date_ticks(fig, lang, view.start, view.end, extent=extent)

    fig = memo_figure(("timeline", lang, tuple(sorted(view.to_params().items(), key=str)), event_key(shown, lang)), build)
    st.plotly_chart(fig, key="tl_chart", on_select=_on_click, selection_mode="points",
                    config={"displaylogo": False, "scrollZoom": True})
    figure_downloads(fig, "timeline", lang)


def pick_event(view: TimelineView, shown: list[Event], events, lang: str) -> TimelineView:
    """The event picker (it follows chart clicks); the view with its choice, written to the URL."""
    by_id = {e.id: e for e in events}
    ids = [e.id for e in shown] or [e.id for e in events]
    if view.event and view.event not in ids:
        ids.append(view.event)
    st.selectbox(t("timeline.pick_event", lang), ["", *ids], key="tl_event",
                 format_func=lambda i: t("timeline.pick_none", lang) if not i else f"{by_id[i].date_text} · {by_id[i].title(lang)}")
    view = replace(view, event=st.session_state.get("tl_event") or "")
    write_params(**view.to_params())
    return view


def show_html(html: str) -> None:
    st.html(html)


@shared(maxsize=16)
def article_view(article_id: str, lang: str, events_sig: tuple, *, _events) -> tuple[str, dict[int, str], list[Mention]]:
    """An article's paragraphs as one HTML block (mentions highlighted, those inside an event's quote linked to
    it), the mention → event links and the mentions; made once per article, language and set of events."""
    from market_impact.timeline import mention_events, paragraph_runs

    text = cached_article_text(article_id)
    mentions = cached_mentions(article_id)
    links = mention_events(article_id, mentions, _events, text)
    body = "".join(runs_html(runs, lang) for runs in paragraph_runs(text, mentions, links))
    return f"<div>{body}</div>", links, mentions


def event_detail(event: Event, articles: dict[str, Article], lang: str, quotes: list[tuple[str, QuoteInContext | None]]) -> None:
    """The selected event: both titles, when, its sessions, each quote inside its paragraph, a link to prices."""
    with st.container(border=True):
        st.subheader(md(event.title(lang)))
        c1, c2 = st.columns(2)
        c1.markdown(f"**{t('timeline.title_en', lang)}:** {md(event.title_en)}")
        c2.markdown(f"**{t('timeline.title_hi', lang)}:** {md(event.title_hi)}")
        when = format_date(event.date, lang) if event.granularity == "day" else event.date_text
        badges = [f"**{t('timeline.when', lang)}:** {when} ({t('timeline.granularity.' + event.granularity, lang)})",
                  f"**{t('timeline.category', lang)}:** {t('cat.' + event.category, lang)}",
                  t("timeline.importance_n", lang, n=event.importance)]
        if event.context:
            badges.append(f":gray-badge[{t('timeline.context_badge', lang)}]")
        if event.tickers:
            badges.append(f"**{t('timeline.tickers', lang)}:** {', '.join(event.tickers)}")
        st.markdown(" · ".join(badges))
        if event.note(lang):
            st.caption(f"{t('timeline.note', lang)}: {event.note(lang)}")
        if event.session is not None:
            rows = {t(f"timeline.exchange.{ex}", lang): format_date(day, lang, weekday=True) if day else "—"
                    for ex, day in event.sessions.items()}
            st.markdown(f"**{t('timeline.sessions', lang)}:** " + " · ".join(f"{k}: {v}" for k, v in rows.items()))
            params = price_link_params(event)
            if lang != "en":
                params["lang"] = lang
            st.markdown(f"[{t('timeline.open_prices', lang, date=format_date(event.session, lang))}](prices?{urlencode(params)})")
        else:
            st.caption(t("timeline.no_session", lang, granularity=t("timeline.granularity." + event.granularity, lang)))
        st.markdown(f"**{t('timeline.sources', lang)}**")
        for label, q in quotes:
            st.caption(label)
            if q is not None:
                show_html(quote_html(q, lang))
        for s in event.outside_sources:
            st.markdown(f"{t('timeline.outside_source', lang)}: [{md(s.outlet)} — {md(s.title)}]({s.url})")


def disagreements_html(disagreements, articles: dict[str, Article], lang: str) -> str:
    """Every disagreement as a card: the topic with a conflict / wording badge, the sides next to each other (each
    with what it says, its article and its own words), the editor's note. One HTML block for the whole list (a page
    of 130 small elements costs Streamlit more than the words in it); every piece of text is escaped."""
    cards = []
    for d in disagreements:
        colour, badge = ("#b91c1c", t("timeline.conflict", lang)) if d.conflict else ("#4b5563", t("timeline.wording", lang))
        sides = []
        for side in d.sides:
            art = articles.get(side.article)
            sides.append(
                f'<div><div style="font-weight:600">{escape(side.says(lang))}</div>'
                f'<div style="color:#555; font-size:0.875rem">{escape(side.article)} · {escape(art.headline(lang) if art else "")}</div>'
                f'<blockquote lang="hi" style="{_font(lang)} margin:4px 0 0 0; padding-left:8px; border-left:3px solid #ccc">'
                f"“{escape(side.quote)}”</blockquote></div>")
        note = f'<div style="color:#555; font-size:0.875rem; margin-top:8px">{escape(d.note(lang))}</div>' if d.note(lang) else ""
        cards.append(
            f'<section style="border:1px solid #ddd; border-radius:8px; padding:12px 16px; margin-bottom:12px">'
            f'<div style="margin-bottom:8px"><strong>{escape(d.topic(lang))}</strong> '
            f'<span style="color:{colour}; border:1px solid {colour}; border-radius:6px; padding:0 6px; font-size:0.8rem">'
            f"{escape(badge)}</span></div>"
            f'<div style="display:grid; grid-template-columns:repeat(auto-fit, minmax(220px, 1fr)); gap:16px">{"".join(sides)}</div>'
            f"{note}</section>")
    return f'<div lang="{escape(lang)}">{"".join(cards)}</div>'


def mentions_table(mentions: list[Mention], links: dict[int, str], events_by_id: dict[str, Event], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("articles.col.text", lang): [m.text for m in mentions],
        t("articles.col.kind", lang): [t(f"articles.kind.{m.kind}", lang) for m in mentions],
        t("articles.col.value", lang): [mention_title(m, lang) for m in mentions],
        t("articles.col.event", lang): [events_by_id[links[k]].title(lang) if k in links else "" for k in range(len(mentions))],
    })


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]$<>|~"})


def md(text: str) -> str:
    """Markdown-escape text from the catalogue (a "$" would otherwise start LaTeX)."""
    return text.translate(_MD_SPECIAL)
