"""The event catalogue (`seeds/events.yaml`): dated events traced to the articles' own words.

Loading validates every row with typed models and checks every quote against its article, reporting
all bad rows at once (file, event id, reason). Each day-event is mapped to the trading session that
can first react to it on each exchange (R1, released on the US holiday 2025-01-20 → XNYS 2025-01-21).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from market_impact.calendars import EXCHANGES, session_on_or_after
from market_impact.errors import BadCatalogue, BadInput
from market_impact.paths import events_file

Day = date  # inside Event, `date` is the property; annotations use this alias
Category = Literal["model release", "market move", "company statement", "policy/regulation", "people & funding", "context"]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
Granularity = Literal["day", "month", "year", "period"]
GRANULARITIES: tuple[str, ...] = Granularity.__args__  # type: ignore[attr-defined]

_DATE_FORMS = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def _as_text(v):
    """YAML reads 2025-01-20 as a date and 2021 as an int; the catalogue's dates are kept as written."""
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return v


# A user's own article (the "Your article" page): "user:<slug>". Never allowed in seeds/events.yaml.
USER_ARTICLE_PREFIX = "user:"


class ArticleSource(BaseModel):
    """An article's words: the quote must occur verbatim in the article (a seed a000… or a user's user:<slug>)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    article: str = Field(pattern=r"^(?:a\d{3}|user:[a-z0-9][a-z0-9-]{0,62})$")
    quote: str = Field(min_length=4)

    @property
    def is_user(self) -> bool:
        return self.article.startswith(USER_ARTICLE_PREFIX)


class OutsideSource(BaseModel):
    """A public source for what no article dates (context events)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    outlet: str = Field(min_length=2)
    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://[^\s]+$")


def _pick_source(v):
    if isinstance(v, dict) and "article" in v:
        return ArticleSource.model_validate(v)
    if isinstance(v, dict) and "outlet" in v:
        return OutsideSource.model_validate(v)
    if isinstance(v, ArticleSource | OutsideSource):
        return v
    raise ValueError("a source is either {article, quote} or {outlet, title, url}")


Source = Annotated[ArticleSource | OutsideSource, BeforeValidator(_pick_source)]


class Event(BaseModel):
    """One catalogued event. `date` is the first day of its period; `date_end` the last."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    date_text: Annotated[str, BeforeValidator(_as_text)] = Field(alias="date")
    granularity: Granularity
    date_end_text: Annotated[str | None, BeforeValidator(_as_text)] = Field(default=None, alias="date_end")
    title_en: str = Field(min_length=3)
    title_hi: str = Field(min_length=3)
    category: Category
    importance: int = Field(ge=1, le=3)
    tickers: tuple[str, ...] = ()
    context: bool = False
    # News released after the US close (earnings): the first session that can react is the next one.
    after_us_close: bool = False
    note_en: str | None = None
    note_hi: str | None = None
    sources: tuple[Source, ...] = Field(min_length=1)
    # Filled by the loader (trading sessions per exchange; None for events coarser than a day).
    sessions: dict[str, Day | None] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check_dates(self) -> Event:
        form = _DATE_FORMS.get(self.granularity)
        if form is not None and not form.match(self.date_text):
            raise ValueError(f"date {self.date_text!r} does not match granularity {self.granularity!r} "
                             f"(day: YYYY-MM-DD, month: YYYY-MM, year: YYYY)")
        if self.granularity == "period" and not self.date_end_text:
            raise ValueError("a period event needs date_end")
        try:
            start, end = self.date, self.date_end
        except ValueError as exc:
            raise ValueError(f"date {self.date_text!r} is not a real date ({exc})") from None
        if end < start:
            raise ValueError(f"date_end {self.date_end} is before date {start}")
        if self.context and not self.outside_sources:
            raise ValueError("a context event needs at least one {outlet, title, url} source")
        if not self.context and not self.article_sources:
            raise ValueError("an event without 'context: true' needs at least one {article, quote} source")
        return self

    @property
    def date(self) -> Day:
        return _parse_start(self.date_text)

    @property
    def date_end(self) -> Day:
        if self.date_end_text:
            return _parse_end(self.date_end_text)
        return _parse_end(self.date_text)

    @property
    def session(self) -> Day | None:
        """The XNYS session that can first react to the event (None unless the event is dated to a day)."""
        return self.sessions.get("XNYS")

    @property
    def article_sources(self) -> tuple[ArticleSource, ...]:
        return tuple(s for s in self.sources if isinstance(s, ArticleSource))

    @property
    def outside_sources(self) -> tuple[OutsideSource, ...]:
        return tuple(s for s in self.sources if isinstance(s, OutsideSource))

    @property
    def is_user(self) -> bool:
        """The user's own event (drawn from an article they brought), not the catalogue's."""
        return any(s.is_user for s in self.article_sources)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles the event is drawn from, in order of first mention."""
        return tuple(dict.fromkeys(s.article for s in self.article_sources))

    def title(self, lang: str = "en") -> str:
        return self.title_hi if lang == "hi" else self.title_en

    def note(self, lang: str = "en") -> str | None:
        return self.note_hi if lang == "hi" else self.note_en

    def to_dict(self) -> dict:
        """The JSON shape of `python -m market_impact events --json`."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "date_end": self.date_end.isoformat(),
            "granularity": self.granularity,
            "title_en": self.title_en,
            "title_hi": self.title_hi,
            "category": self.category,
            "importance": self.importance,
            "context": self.context,
            "tickers": list(self.tickers),
            "sources": [s.model_dump() for s in self.sources],
            "session": self.session.isoformat() if self.session else None,
            "sessions": {k: (v.isoformat() if v else None) for k, v in self.sessions.items()},
        }


class Side(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    article: str = Field(pattern=r"^a\d{3}$")
    says_en: Annotated[str, BeforeValidator(_as_text)]
    says_hi: Annotated[str, BeforeValidator(_as_text)]
    quote: str = Field(min_length=4)

    def says(self, lang: str = "en") -> str:
        return self.says_hi if lang == "hi" else self.says_en


class Disagreement(BaseModel):
    """The same fact told differently by different articles; each side quotes its article."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    topic_en: str
    topic_hi: str
    conflict: bool
    events: tuple[str, ...] = ()
    note_en: str | None = None
    note_hi: str | None = None
    sides: tuple[Side, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _two_articles(self) -> Disagreement:
        if len({s.article for s in self.sides}) < 2:
            raise ValueError("a disagreement needs sides from at least two different articles")
        return self

    def topic(self, lang: str = "en") -> str:
        return self.topic_hi if lang == "hi" else self.topic_en

    def note(self, lang: str = "en") -> str | None:
        return self.note_hi if lang == "hi" else self.note_en


@dataclass(frozen=True)
class Catalogue:
    events: tuple[Event, ...]
    disagreements: tuple[Disagreement, ...]


def _parse_start(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _parse_end(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    if len(parts) == 1:
        return date(y, 12, 31)
    if len(parts) == 2:
        return date(y, parts[1], calendar.monthrange(y, parts[1])[1])
    return date(y, parts[1], parts[2])


def _describe(err: ValidationError) -> str:
    out = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"] if not str(p).startswith("function-"))
        msg = e["msg"].removeprefix("Value error, ")
        out.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(out)


def sessions_for(day: date, after_us_close: bool = False) -> dict[str, date | None]:
    """The first session that can react to a day's news on each exchange: the session on or after
    `day` (a holiday's news lands on the next session), or strictly after it for after-close news."""
    out: dict[str, date | None] = {}
    first = day + timedelta(days=1) if after_us_close else day
    for ex in EXCHANGES:
        try:
            out[ex] = session_on_or_after(first, ex).date()
        except Exception:  # outside the calendar's range: no session to map to
            out[ex] = None
    return out


def _known_tickers() -> set[str] | None:
    try:
        from market_impact.tickers import load_registry

        return set(load_registry().keys())
    except Exception:  # the registry has its own validation; without it tickers go unchecked
        return None


def _article_texts(ids: set[str]) -> tuple[dict[str, str], list[str]]:
    from market_impact.articles import article_text, load_articles

    known = load_articles()
    texts, missing = {}, []
    for aid in sorted(ids):
        if aid in known:
            texts[aid] = article_text(aid)
        else:
            missing.append(aid)
    return texts, missing


def parse_catalogue(doc: object, source: str = "events.yaml", user_texts: Mapping[str, str] | None = None) -> Catalogue:
    """Validate a parsed events document; raise BadCatalogue listing every problem (file, id, reason).

    `user_texts` admits the user's own articles (user:<slug>), their quotes checked against the texts
    given (a file loaded back has no text: not checked). Without it, as for the seed catalogue, they are refused.
    """
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise BadCatalogue([f"{source}: expected a top-level 'events:' list"])
    problems: list[str] = []
    events: list[Event] = []
    seen: set[str] = set()
    for n, row in enumerate(doc["events"], start=1):
        eid = row.get("id", f"row {n}") if isinstance(row, dict) else f"row {n}"
        where = f"{source}, event {eid}"
        if not isinstance(row, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        if "sessions" in row:
            problems.append(f"{where}: 'sessions' is computed at load; remove it")
            continue
        try:
            event = Event.model_validate(row)
        except ValidationError as exc:
            problems.append(f"{where}: {_describe(exc)}")
            continue
        except ValueError as exc:  # a date that does not exist (2025-02-30)
            problems.append(f"{where}: {exc}")
            continue
        if event.id in seen:
            problems.append(f"{where}: duplicate id")
            continue
        seen.add(event.id)
        events.append(event)

    disagreements: list[Disagreement] = []
    for n, row in enumerate(doc.get("disagreements") or [], start=1):
        did = row.get("id", f"row {n}") if isinstance(row, dict) else f"row {n}"
        try:
            disagreements.append(Disagreement.model_validate(row))
        except ValidationError as exc:
            problems.append(f"{source}, disagreement {did}: {_describe(exc)}")

    # Quotes: every one verbatim in its article.
    cited = {s.article for e in events for s in e.article_sources if not s.is_user} | {s.article for d in disagreements for s in d.sides}
    texts, missing = _article_texts(cited)
    for e in events:
        for s in e.article_sources:
            if s.is_user:
                if user_texts is None:
                    problems.append(f"{source}, event {e.id}: {s.article!r} is a user's article; it cannot be in the catalogue")
                elif s.article in user_texts and s.quote not in user_texts[s.article]:
                    problems.append(f"{source}, event {e.id}: quote not found verbatim in {s.article}: {s.quote[:60]!r}")
            elif s.article in missing:
                problems.append(f"{source}, event {e.id}: unknown article {s.article!r}")
            elif s.quote not in texts[s.article]:
                problems.append(f"{source}, event {e.id}: quote not found verbatim in {s.article}: {s.quote[:60]!r}")
    ids = {row.get("id") for row in doc["events"] if isinstance(row, dict)}  # bad rows are reported once, above
    for d in disagreements:
        for s in d.sides:
            if s.article in missing:
                problems.append(f"{source}, disagreement {d.id}: unknown article {s.article!r}")
            elif s.quote not in texts[s.article]:
                problems.append(f"{source}, disagreement {d.id}: quote not found verbatim in {s.article}: {s.quote[:60]!r}")
        for ref in d.events:
            if ref not in ids:
                problems.append(f"{source}, disagreement {d.id}: unknown event {ref!r}")

    known = _known_tickers()
    if known is not None:
        for e in events:
            unknown = [t for t in e.tickers if t not in known]
            if unknown:
                problems.append(f"{source}, event {e.id}: tickers not in the registry: {', '.join(unknown)}")

    if problems:
        raise BadCatalogue(problems)
    mapped = tuple(
        e.model_copy(update={"sessions": sessions_for(e.date, e.after_us_close) if e.granularity == "day" else dict.fromkeys(EXCHANGES)})
        for e in sorted(events, key=lambda e: (e.date, e.date_end, e.importance, e.id))
    )
    return Catalogue(events=mapped, disagreements=tuple(disagreements))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The catalogue at `path` (default: `paths.events_file()`), validated; every bad row raised at once."""
    path = Path(path) if path is not None else events_file()
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise BadCatalogue([f"{path.name}: file not found at {path}"]) from None
    return _load_cached(path, mtime)


@lru_cache(maxsize=8)
def _load_cached(path: Path, _mtime: int) -> Catalogue:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise BadCatalogue([f"{path.name}: not valid YAML ({exc})"]) from None
    return parse_catalogue(doc, source=path.name)


def load_events(path: Path | None = None) -> list[Event]:
    """All catalogued events in date order, validated, with their sessions per exchange."""
    return list(load_catalogue(path).events)


def disagreements(path: Path | None = None) -> list[Disagreement]:
    """Where the articles tell the same fact differently, each side with its verbatim quote."""
    return list(load_catalogue(path).disagreements)


def get_event(event_id: str, events: list[Event] | None = None) -> Event:
    for e in events if events is not None else load_events():
        if e.id == event_id:
            return e
    raise BadInput(f"Unknown event {event_id!r}")


def events_for_article(article_id: str, events: list[Event] | None = None) -> list[Event]:
    return [e for e in (events if events is not None else load_events()) if article_id in e.articles]


def filter_events(
    events: list[Event],
    *,
    articles: list[str] | None = None,
    categories: list[str] | None = None,
    importance: list[int] | None = None,
    start: date | None = None,
    end: date | None = None,
    include_context: bool = True,
) -> list[Event]:
    """Events matching every given filter; a period event matches a date range it overlaps."""
    out = []
    for e in events:
        if articles is not None and not (set(e.articles) & set(articles)) and not (include_context and e.context):
            continue
        if categories is not None and e.category not in categories:
            continue
        if importance is not None and e.importance not in importance:
            continue
        if start is not None and e.date_end < start:
            continue
        if end is not None and e.date > end:
            continue
        if not include_context and e.context:
            continue
        out.append(e)
    return out


@dataclass(frozen=True)
class QuoteSpan:
    """Where an article quote sits: its span in the article and the paragraph holding it."""

    article: str
    start: int
    end: int
    paragraph_start: int
    paragraph_end: int


def locate_quote(article: str, quote: str) -> QuoteSpan | None:
    from market_impact.articles import article_text, paragraph_at

    text = article_text(article)
    i = text.find(quote)
    if i < 0:
        return None
    para = paragraph_at(text, i)
    ps, pe = (para.start, para.end) if para else (i, i + len(quote))
    return QuoteSpan(article=article, start=i, end=i + len(quote), paragraph_start=ps, paragraph_end=max(pe, i + len(quote)))
