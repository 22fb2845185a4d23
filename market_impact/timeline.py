"""What the Timeline and Articles pages show, without Streamlit: their URL state, the rows a timeline
draws, an event's detail (its quotes inside their paragraphs), and an article cut into highlighted runs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pandas as pd

from market_impact.articles import Article, article_text, paragraphs
from market_impact.events import CATEGORIES, USER_ARTICLE_PREFIX, Event, filter_events
from market_impact.extraction import Mention
from market_impact.views import Problem, _known, parse_date

LANES = ("category", "article")
CONTEXT_LANE = "context"  # the article lane for events no article dates
PRESETS: dict[str, tuple[date, date] | None] = {
    "r1weeks": (date(2024, 12, 10), date(2025, 3, 5)),
    "since2021": (date(2021, 1, 1), date(2025, 3, 31)),
    "all": (date(1980, 1, 1), date(2025, 12, 31)),
    "custom": None,
}
DEFAULT_PRESET = "r1weeks"


def _split(raw: str) -> list[str]:
    return [p.strip() for p in raw.split(",") if p.strip()]


def _known_event(known: Sequence[str]):
    return lambda raw: _known(raw, known, "no such event in the catalogue")


@dataclass(frozen=True)
class TimelineView:
    """The Timeline page's state, as the URL carries it (only non-defaults are written back)."""

    lanes: str = "category"
    articles: tuple[str, ...] = ()  # empty = every article
    categories: tuple[str, ...] = ()  # empty = every category
    importance: int = 3  # show events with importance ≤ this
    preset: str = DEFAULT_PRESET
    start: date = PRESETS[DEFAULT_PRESET][0]  # type: ignore[index]
    end: date = PRESETS[DEFAULT_PRESET][1]  # type: ignore[index]
    event: str = ""  # the selected event ("" = none)
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Mapping[str, str], known_articles: Sequence[str], known_events: Sequence[str]) -> TimelineView:
        v, changes, problems = cls(), {}, []

        def take(name, parse):
            raw = params.get(name)
            if raw is None or raw == "":
                return None
            try:
                return parse(str(raw))
            except ValueError as exc:
                problems.append(Problem(name, str(raw)[:60], str(exc)))
                return None

        def choice(options):
            def parse(raw):
                if raw not in options:
                    raise ValueError(f"choose one of {', '.join(options)}")
                return raw
            return parse

        def many(options):
            def parse(raw):
                got = _split(raw)
                bad = [x for x in got if x not in options]
                if bad or not got:
                    raise ValueError(f"unknown: {', '.join(bad) or '(empty)'}")
                return tuple(dict.fromkeys(got))
            return parse

        def importance(raw):
            if raw not in ("1", "2", "3"):
                raise ValueError("use 1, 2 or 3")
            return int(raw)

        for name, parse in (("lanes", choice(LANES)), ("articles", many(known_articles)),
                            ("categories", many(CATEGORY_SLUGS)), ("importance", importance),
                            ("preset", choice(tuple(PRESETS))), ("event", _known_event(known_events))):
            val = take(name, parse)
            if val is not None:
                changes[name] = tuple(CATEGORY_SLUGS[c] for c in val) if name == "categories" else val
        preset = changes.get("preset", v.preset)
        if preset == "custom":
            s, e = take("start", parse_date) or v.start, take("end", parse_date) or v.end
            if s > e:
                problems.append(Problem("start", f"{s}>{e}", "the start is after the end"))
            else:
                changes["start"], changes["end"] = s, e
        else:
            changes["start"], changes["end"] = PRESETS[preset]  # type: ignore[misc]
        return replace(v, **changes, problems=tuple(problems))

    def to_params(self) -> dict[str, str | None]:
        d = TimelineView()
        slugs = {v: k for k, v in CATEGORY_SLUGS.items()}
        out: dict[str, str | None] = {
            "lanes": None if self.lanes == d.lanes else self.lanes,
            "articles": ",".join(self.articles) or None,
            "categories": ",".join(slugs[c] for c in self.categories) or None,
            "importance": None if self.importance == d.importance else str(self.importance),
            "preset": None if self.preset == d.preset else self.preset,
            "start": self.start.isoformat() if self.preset == "custom" else None,
            "end": self.end.isoformat() if self.preset == "custom" else None,
            "event": self.event or None,
        }
        return out

    def select(self, events: Sequence[Event]) -> list[Event]:
        """The events this view shows."""
        return filter_events(
            list(events),
            articles=list(self.articles) or None,
            categories=list(self.categories) or None,
            importance=list(range(1, self.importance + 1)),
            start=self.start,
            end=self.end,
        )


CATEGORY_SLUGS = {c.replace(" & ", "-").replace("/", "-").replace(" ", "-"): c for c in CATEGORIES}


def date_label(event: Event, fmt_day, fmt_month, lang: str = "en") -> str:
    """'27 Jan 2025' for a day, 'Dec 2024' for a month, '2021' for a year, 'a – b' for a period."""
    if event.granularity == "day":
        return fmt_day(event.date)
    if event.granularity == "month":
        return fmt_month(event.date)
    if event.granularity == "year":
        return str(event.date.year)
    return f"{fmt_day(event.date)} – {fmt_day(event.date_end)}"


def lane_labels(lanes: str, articles: Mapping[str, Article], lang: str, category_label, context_label: str,
                user_articles: Sequence[str] = (), user_label: str = "Your article") -> dict[str, str]:
    """Lane key → label, in drawing order (top to bottom); the user's own articles get lanes of their own."""
    if lanes == "article":
        out = {aid: f"{aid} · {a.headline(lang)[:38]}{'…' if len(a.headline(lang)) > 38 else ''}" for aid, a in articles.items()}
        out[CONTEXT_LANE] = context_label
        for aid in user_articles:
            out[aid] = f"{user_label} · {aid.removeprefix(USER_ARTICLE_PREFIX)[:30]}"
        return out
    return {c: category_label(c) for c in CATEGORIES}


def timeline_rows(events: Sequence[Event], lanes: str, articles: Mapping[str, Article], lang: str = "en",
                  fmt_day=lambda d: d.isoformat(), fmt_month=lambda d: d.strftime("%Y-%m")) -> pd.DataFrame:
    """One row per (event, lane) the timeline draws. An event told by three articles sits in each of
    their lanes when lanes are articles. Events on the same date in one lane are stacked (`stack`)."""
    rows = []
    for e in events:
        if lanes == "article":
            keys = list(e.articles) or [CONTEXT_LANE]
        else:
            keys = [e.category]
        for key in keys:
            src = next((s for s in e.article_sources if s.article == key), None) if lanes == "article" else None
            src = src or (e.article_sources[0] if e.article_sources else None)
            if src is not None:
                source = f"{src.article} · {articles[src.article].headline(lang)}" if src.article in articles else src.article
                words = src.quote.split()
                quote = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
            else:
                out = e.outside_sources[0]
                source, quote = f"{out.outlet}: {out.title}", ""
            rows.append({
                "id": e.id, "lane": key, "start": pd.Timestamp(e.date),
                "end": pd.Timestamp(e.date_end) + pd.Timedelta(days=1),
                "granularity": e.granularity, "title": e.title(lang), "category": e.category,
                "importance": e.importance, "context": e.context, "date_label": date_label(e, fmt_day, fmt_month, lang),
                "source": source, "quote": quote,
                "session": e.session.isoformat() if e.session else "",
            })
    frame = pd.DataFrame(rows, columns=["id", "lane", "start", "end", "granularity", "title", "category", "importance",
                                        "context", "date_label", "source", "quote", "session"])
    frame["stack"] = frame.groupby(["lane", "start"]).cumcount() if len(frame) else pd.Series(dtype=int)
    return frame


# --- event detail ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuoteInContext:
    """A quote cut out of its paragraph: before + quote + after is the whole paragraph."""

    article: str
    before: str
    quote: str
    after: str


def quote_in_paragraph(article: str, quote: str, text: str | None = None) -> QuoteInContext | None:
    text = article_text(article) if text is None else text
    i = text.find(quote)
    if i < 0:
        return None
    j = i + len(quote)
    para = next((p for p in paragraphs(text) if p.start <= i < p.end), None)
    ps, pe = (para.start, max(para.end, j)) if para else (i, j)
    return QuoteInContext(article, text[ps:i], quote, text[j:pe])


def price_link_params(event: Event, days: int = 21) -> dict[str, str] | None:
    """Query parameters that open the Prices page around an event's session (None without one)."""
    if event.session is None:
        return None
    return {"preset": "custom", "start": (event.session - timedelta(days=days)).isoformat(),
            "end": (event.session + timedelta(days=days)).isoformat(), "window_event": event.id}


# --- articles with highlights -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """A stretch of a paragraph: plain text, or a mention (with the event it belongs to, if any)."""

    text: str
    mention: Mention | None = None
    event: str | None = None


def mention_events(article: str, mentions: Sequence[Mention], events: Sequence[Event], text: str | None = None) -> dict[int, str]:
    """Mention index → the id of the most important event whose quote (in this article) holds it."""
    text = article_text(article) if text is None else text
    spans: list[tuple[int, int, int, str]] = []
    for e in events:
        for s in e.article_sources:
            if s.article != article:
                continue
            i = text.find(s.quote)
            if i >= 0:
                spans.append((i, i + len(s.quote), e.importance, e.id))
    out = {}
    for k, m in enumerate(mentions):
        hits = sorted((imp, b - a, eid) for a, b, imp, eid in spans if a <= m.start and m.end <= b)
        if hits:
            out[k] = hits[0][2]
    return out


def paragraph_runs(text: str, mentions: Sequence[Mention], links: Mapping[int, str] | None = None) -> list[list[Run]]:
    """Each paragraph of `text` as runs, the mentions cut out so a page can highlight them."""
    links = links or {}
    ordered = sorted(enumerate(mentions), key=lambda km: km[1].start)
    out: list[list[Run]] = []
    for para in paragraphs(text):
        runs: list[Run] = []
        pos = para.start
        for k, m in ordered:
            if m.start < para.start or m.end > para.end or m.start < pos:
                continue
            if m.start > pos:
                runs.append(Run(text[pos:m.start]))
            runs.append(Run(text[m.start:m.end], m, links.get(k)))
            pos = m.end
        if pos < para.end:
            runs.append(Run(text[pos:para.end]))
        out.append(runs)
    return out


def event_quotes(event: Event, articles: Mapping[str, Article], lang: str = "en") -> list[tuple[str, QuoteInContext | None]]:
    """(label, quote in its paragraph) for each article source of an event, in catalogue order."""
    out = []
    for s in event.article_sources:
        if s.is_user:  # the user's text is not kept on the server: the quote stands alone
            out.append((s.article.removeprefix(USER_ARTICLE_PREFIX), QuoteInContext(s.article, "", s.quote, "")))
            continue
        art = articles.get(s.article)
        label = f"{s.article} · {art.headline(lang)}" if art else s.article
        out.append((label, quote_in_paragraph(s.article, s.quote)))
    return out
