"""The presenter's deck: a title slide, one slide per catalogued event, a closing summary from the tape.

Pure: events, the computed headline numbers and a language go in; typed slides come out with every text
already in that language. Each event slide says which prices its chart needs (symbols, sessions, base),
so a page only loads them and calls `slide_figure`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from market_impact import calendars, charts
from market_impact.events import Event, filter_events
from market_impact.i18n import format_date, format_money, format_number, format_pct, t
from market_impact.views import BASE_SESSION, DECK_RANGE

CHART_BEFORE = 10  # sessions shown before an event's session
CHART_AFTER = 10  # …and after it
SPAN_PAD = 5  # sessions either side of a month or period event
STORY_SYMBOLS = ("NVDA", "^IXIC", "^GSPC", "SMH")  # the title slide's chart (as on the Overview)
BASELINE_SYMBOLS = ("NVDA", "^IXIC")  # every chart shows Nvidia and the Nasdaq next to the event's own tickers
MAX_CHART_SYMBOLS = 4
SLIDE_FONT = 20  # chart font size on slides (px), to match the ≥ 20 px slide text


@dataclass(frozen=True)
class Quote:
    """An article's own words, with the article it comes from."""

    text: str
    article: str
    label: str  # "a001 · headline"


@dataclass(frozen=True)
class Outside:
    """A public source for a context event (no article dates it)."""

    outlet: str
    title: str
    url: str


@dataclass(frozen=True)
class SlideChart:
    """What the event's price chart shows: the window around the event, rebased to 100 before it."""

    symbols: tuple[str, ...]
    start: date
    end: date
    base: date  # 100 = this session's close
    highlight: str | None  # the event id whose marker is emphasised (day events)
    shade: tuple[date, date] | None  # sessions shaded (month and period events)
    title: str
    y_title: str


@dataclass(frozen=True)
class TitleSlide:
    title: str
    subtitle: str
    scope: str  # "16 events · 1 Dec 2024 – 31 Mar 2025"
    hint: str
    chart: SlideChart | None = None  # the whole span: Nvidia, the indices and chips against the key events

    kind = "title"


@dataclass(frozen=True)
class EventSlide:
    event_id: str
    title: str
    category: str  # catalogue category (colour key)
    category_label: str
    importance: int
    date_label: str
    session_label: str | None  # "First New York session that could react: Tue 21 Jan 2025"
    quote: Quote | None
    outside: tuple[Outside, ...]
    note: str | None
    chart: SlideChart | None
    no_chart_reason: str | None

    kind = "event"


@dataclass(frozen=True)
class SummarySlide:
    title: str
    points: tuple[str, ...]
    footer: str

    kind = "summary"


Slide = TitleSlide | EventSlide | SummarySlide


@dataclass(frozen=True)
class Deck:
    lang: str
    slides: tuple[Slide, ...]
    event_ids: tuple[str, ...]  # the events on slides 2 … n−1, in order

    def __len__(self) -> int:
        return len(self.slides)

    def slide(self, number: int) -> Slide:
        """Slide `number`, counted from 1 (as in the URL); out of range → ValueError."""
        if not 1 <= number <= len(self.slides):
            raise ValueError(f"the deck has {len(self.slides)} slides")
        return self.slides[number - 1]

    def number_of(self, event_id: str) -> int | None:
        """The slide number showing `event_id` (None when the event has no slide)."""
        try:
            return self.event_ids.index(event_id) + 2
        except ValueError:
            return None


def select_events(events: Sequence[Event], importance: int = 2, start: date = DECK_RANGE[0], end: date = DECK_RANGE[1]) -> list[Event]:
    """Events with importance ≤ `importance` that overlap [start, end], oldest first (ties: most important first)."""
    picked = filter_events(list(events), importance=list(range(1, importance + 1)), start=start, end=end)
    return sorted(picked, key=lambda e: (e.date, e.date_end, e.importance, e.id))


def date_label(event: Event, lang: str) -> str:
    """'Mon 27 Jan 2025' for a day, 'Dec 2024' for a month, '2023' for a year, 'a – b' for a period."""
    if event.granularity == "day":
        return format_date(event.date, lang, weekday=True)
    if event.granularity == "month":
        return format_date(event.date, lang).split(" ", 1)[1]
    if event.granularity == "year":
        return str(event.date.year)
    return f"{format_date(event.date, lang)} – {format_date(event.date_end, lang)}"


def session_label(event: Event, lang: str, exchanges: Mapping[str, str] | None = None) -> str | None:
    """The first session that could react, on New York and on the exchanges of the event's tickers."""
    if event.session is None:
        return None
    wanted = ["XNYS", *[exchanges[s] for s in event.tickers if exchanges and s in exchanges]]
    parts = []
    for ex in dict.fromkeys(wanted):
        day = event.sessions.get(ex)
        if day is not None:
            parts.append(t("presenter.session_on", lang, exchange=t(f"timeline.exchange.{ex}", lang), date=format_date(day, lang, weekday=True)))
    return t("presenter.session", lang, sessions=" · ".join(parts)) if parts else None


def chart_for(event: Event, lang: str, price_span: tuple[date, date] | None = None,
              known_symbols: Collection[str] | None = None) -> tuple[SlideChart | None, str | None]:
    """The chart an event's slide shows, or None with the reason (no session, or outside the price data)."""
    if event.granularity == "year":
        return None, t("presenter.no_chart_year", lang)
    if event.granularity == "day":
        if event.session is None:
            return None, t("presenter.no_chart_span", lang)
        anchor = pd.Timestamp(event.session)
        first, last = calendars.shift_sessions(anchor, -CHART_BEFORE), calendars.shift_sessions(anchor, CHART_AFTER)
        base = calendars.previous_session(anchor)
        highlight, shade = event.id, None
    else:
        s0 = calendars.session_on_or_after(event.date)
        s1 = calendars.session_on_or_before(event.date_end)
        first, last = calendars.shift_sessions(s0, -SPAN_PAD), calendars.shift_sessions(s1, SPAN_PAD)
        base = calendars.previous_session(s0)
        highlight, shade = None, (s0.date(), s1.date())
    if price_span is not None:
        lo, hi = pd.Timestamp(price_span[0]), pd.Timestamp(price_span[1])
        if base < lo or first > hi:
            return None, t("presenter.no_chart_span", lang)
        first, last = max(first, lo), min(last, hi)
    own = [s for s in event.tickers if known_symbols is None or s in known_symbols]
    symbols = tuple(dict.fromkeys([*own[:MAX_CHART_SYMBOLS - len(BASELINE_SYMBOLS)], *BASELINE_SYMBOLS]))[:MAX_CHART_SYMBOLS]
    chart = SlideChart(
        symbols=symbols, start=first.date(), end=last.date(), base=base.date(), highlight=highlight, shade=shade,
        title=t("presenter.chart_title", lang, base=format_date(base, lang, weekday=True)),
        y_title=t("presenter.chart_y", lang),
    )
    return chart, None


def title_chart(lang: str, start: date, end: date, price_span: tuple[date, date] | None = None) -> SlideChart | None:
    """The deck's whole date range (within the price data), rebased to the last session before R1 when it is
    in range, else to the range's first session; None when no prices cover the range."""
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    if price_span is not None:
        lo, hi = max(lo, pd.Timestamp(price_span[0])), min(hi, pd.Timestamp(price_span[1]))
    if lo >= hi:
        return None
    first, last = calendars.session_on_or_after(lo), calendars.session_on_or_before(hi)
    if first >= last:
        return None
    base = pd.Timestamp(BASE_SESSION) if first <= pd.Timestamp(BASE_SESSION) <= last else first
    return SlideChart(symbols=STORY_SYMBOLS, start=first.date(), end=last.date(), base=base.date(), highlight=None, shade=None,
                      title=t("overview.chart_title", lang, base=format_date(base, lang)) if base == pd.Timestamp(BASE_SESSION)
                      else t("presenter.chart_title", lang, base=format_date(base, lang, weekday=True)),
                      y_title=t("overview.y_normalised", lang))


def event_slide(event: Event, lang: str, article_names: Mapping[str, str] | None = None,
                price_span: tuple[date, date] | None = None, known_symbols: Collection[str] | None = None,
                exchanges: Mapping[str, str] | None = None) -> EventSlide:
    src = event.article_sources[0] if event.article_sources else None
    quote = None
    if src is not None:
        name = (article_names or {}).get(src.article)
        quote = Quote(text=src.quote, article=src.article, label=f"{src.article} · {name}" if name else src.article)
    chart, reason = chart_for(event, lang, price_span, known_symbols)
    return EventSlide(
        event_id=event.id, title=event.title(lang), category=event.category, category_label=t(f"cat.{event.category}", lang),
        importance=event.importance, date_label=date_label(event, lang), session_label=session_label(event, lang, exchanges),
        quote=quote, outside=tuple(Outside(s.outlet, s.title, s.url) for s in event.outside_sources), note=event.note(lang),
        chart=chart, no_chart_reason=reason,
    )


def summary_slide(lang: str, headline=None, provenance=None) -> SummarySlide:
    """The closing slide: the day's numbers, computed from the tape (`story.headline`), and where they came from."""
    if headline is None:
        return SummarySlide(t("presenter.summary_title", lang), (t("presenter.no_numbers", lang),), "")
    h = headline
    points = (
        t("presenter.point_nvda", lang, day=format_date(h.nvda.session, lang, weekday=True), pct=format_pct(h.nvda.pct, lang),
          prev=format_number(h.nvda.prev_close, lang), close=format_number(h.nvda.close, lang)),
        t("presenter.point_mv", lang, mv=format_money(abs(h.nvda_value_change), lang),
          shares=format_number(h.shares.shares / 1e9, lang, 2), as_of=format_date(h.shares.as_of, lang)),
        t("presenter.point_indices", lang, nasdaq=format_pct(h.nasdaq.pct, lang), sp=format_pct(h.sp500.pct, lang),
          smh=format_pct(h.semis.pct, lang)),
        t("presenter.point_rebound", lang, day=format_date(h.rebound.session, lang, weekday=True), pct=format_pct(h.rebound.pct, lang)),
    )
    footer = t("presenter.summary_footer", lang)
    if provenance is not None:
        footer = f"{footer} {t('prov.' + provenance.source, lang, as_of=format_date(provenance.as_of, lang), fetched=format_date(provenance.as_of, lang))}"
    return SummarySlide(t("presenter.summary_title", lang), points, footer)


def build_deck(events: Sequence[Event], *, lang: str = "en", importance: int = 2, start: date = DECK_RANGE[0],
               end: date = DECK_RANGE[1], headline=None, provenance=None, article_names: Mapping[str, str] | None = None,
               price_span: tuple[date, date] | None = None, known_symbols: Collection[str] | None = None,
               exchanges: Mapping[str, str] | None = None) -> Deck:
    """Title slide, one slide per selected event, summary slide. `headline` is `story.headline(...)` (or None
    when prices are missing: the summary then says so); `price_span` is the first and last date with prices."""
    chosen = select_events(events, importance, start, end)
    title = TitleSlide(
        title=t("presenter.deck_title", lang),
        subtitle=t("app.tagline", lang),
        scope=t("presenter.scope", lang, n=len(chosen), start=format_date(start, lang), end=format_date(end, lang)),
        hint=t("presenter.hint", lang),
        chart=title_chart(lang, start, end, price_span),
    )
    slides: list[Slide] = [title]
    slides += [event_slide(e, lang, article_names, price_span, known_symbols, exchanges) for e in chosen]
    slides.append(summary_slide(lang, headline, provenance))
    return Deck(lang=lang, slides=tuple(slides), event_ids=tuple(e.id for e in chosen))


def slide_figure(chart: SlideChart, data: pd.DataFrame, overlay: pd.DataFrame | None = None,
                 names: Mapping[str, str] | None = None, lang: str = "en", font_size: int = SLIDE_FONT,
                 height: int = 480) -> go.Figure:
    """The slide's price chart: normalised to 100 at `chart.base`, the event's marker highlighted, big fonts."""
    symbols = [s for s in chart.symbols if s in set(data["symbol"])]
    marker = "NVDA" if "NVDA" in symbols else (symbols[0] if symbols else None)
    shade = (pd.Timestamp(chart.shade[0]), pd.Timestamp(chart.shade[1])) if chart.shade else None
    if overlay is not None and chart.highlight is not None and (overlay["id"] == chart.highlight).any():
        # Events on the same session would sit on top of the highlighted marker: on a slide, it stands alone.
        day = overlay.loc[overlay["id"] == chart.highlight, "session"].iloc[0]
        overlay = overlay[(overlay["session"] != day) | (overlay["id"] == chart.highlight)]
    fig = charts.price_figure(
        data, mode="normalised", base=pd.Timestamp(chart.base), names=names, title=chart.title, y_title=chart.y_title,
        height=height, font_size=font_size, events=overlay, marker_symbol=marker, highlight=chart.highlight, window=shade,
    )
    fig.update_layout(margin={"l": 10, "r": 10, "t": 100, "b": 10}, legend={"y": 1.02, "x": 0, "xanchor": "left", "yanchor": "bottom"},
                      hoverlabel={"font": {"size": font_size - 2}})
    fig.update_xaxes(automargin=True)  # the tight margins grow to fit the big tick labels instead of cutting them off
    fig.update_yaxes(automargin=True)
    charts.localise_session_ticks(fig, lang)
    for tr in fig.data:  # markers scaled to the slide's type size; the highlighted one largest, outlined in black
        if tr.name == "events" and tr.marker.size is not None:
            tr.marker.size = [round(s * font_size / 14) for s in tr.marker.size]
            hl = [i == chart.highlight for i in (tr.customdata if tr.customdata is not None else ())]
            tr.marker.line = {"width": [3 if h else 1.5 for h in hl], "color": ["#000" if h else "white" for h in hl]}
    return fig

