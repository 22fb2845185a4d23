"""Typed page state that lives in the URL: parse query parameters (collecting problems), write them back.

Pure: no Streamlit. A page calls `XView.from_params(dict(st.query_params))`, shows each problem with
`st.info`, and writes `view.to_params()` back so a link reproduces the view.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

R1_RELEASE = date(2025, 1, 20)
BASE_SESSION = date(2025, 1, 17)  # the last XNYS session before R1
CRASH_SESSION = date(2025, 1, 27)

PRESETS: dict[str, tuple[date, date] | None] = {
    "r1": (date(2025, 1, 13), date(2025, 2, 7)),
    "decfeb": (date(2024, 12, 1), date(2025, 2, 28)),
    "all": (date(2024, 1, 2), date(2025, 6, 30)),
    "custom": None,
}
MODES = ("normalised", "absolute", "pct", "log")
CATEGORY_SLUGS = {
    "model-release": "model release",
    "market-move": "market move",
    "company-statement": "company statement",
    "policy-regulation": "policy/regulation",
    "people-funding": "people & funding",
    "context": "context",
}
CATEGORIES = tuple(CATEGORY_SLUGS)  # URL-safe slugs; CATEGORY_SLUGS maps them to the catalogue's names
MAX_SYMBOLS = 12
MAX_WINDOW = 60


@dataclass(frozen=True)
class Problem:
    name: str
    value: str
    reason: str


def parse_date(raw: str) -> date:
    try:
        d = pd.Timestamp(raw)
    except (ValueError, TypeError):
        raise ValueError("not a date like 2025-01-27") from None
    if pd.isna(d) or not (1900 <= d.year <= 2100):
        raise ValueError("not a date like 2025-01-27")
    return d.date()


def parse_bool(raw: str) -> bool:
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError("use 1 or 0")


def parse_int(raw: str, lo: int, hi: int) -> int:
    try:
        v = int(raw)
    except ValueError:
        raise ValueError("not a whole number") from None
    if not lo <= v <= hi:
        raise ValueError(f"must be between {lo} and {hi}")
    return v


def parse_window(raw: str, lo: int, hi: int) -> tuple[int, int]:
    """A window of sessions from a link, '-1,5' → (-1, 5): both ends in [lo, hi], the start not after the end."""
    parts = raw.replace(" ", "").split(",")
    if len(parts) != 2:
        raise ValueError("use two numbers like -1,5")
    a, b = (parse_int(p, lo, hi) for p in parts)
    if a > b:
        raise ValueError("the window's start is after its end")
    return a, b


def parse_choice(raw: str, options: Collection[str]) -> str:
    if raw not in options:
        raise ValueError(f"choose one of {', '.join(options)}")
    return raw


@dataclass(frozen=True)
class PricesView:
    symbols: tuple[str, ...] = ("NVDA", "^IXIC", "^GSPC", "SMH")
    preset: str = "decfeb"
    start: date = PRESETS["decfeb"][0]  # type: ignore[index]
    end: date = PRESETS["decfeb"][1]  # type: ignore[index]
    mode: str = "normalised"
    base: date = BASE_SESSION
    candles: bool = False
    volume: bool = False
    importance: int = 2  # show events with importance ≤ this
    categories: tuple[str, ...] = CATEGORIES
    window_event: str = ""  # event id whose window is shaded ("" = none)
    window: tuple[int, int] = (-1, 5)
    map_date: date = CRASH_SESSION
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Mapping[str, str], known_symbols: Collection[str] | None = None,
                    known_events: Collection[str] | None = None) -> PricesView:
        v = cls()
        problems: list[Problem] = []
        changes: dict = {}

        def take(name, fn):
            raw = params.get(name)
            if raw is None or raw == "":
                return None
            try:
                return fn(str(raw))
            except ValueError as exc:
                problems.append(Problem(name, str(raw)[:60], str(exc)))
                return None

        syms = take("symbols", lambda r: tuple(s.strip().upper() for s in r.split(",") if s.strip()))
        if syms is not None:
            bad = [s for s in syms if known_symbols is not None and s not in known_symbols]
            good = tuple(dict.fromkeys(s for s in syms if s not in bad))[:MAX_SYMBOLS]
            if bad:
                problems.append(Problem("symbols", ",".join(bad)[:60], "unknown symbol (not in the snapshot; live data is off)"))
            if good:
                changes["symbols"] = good
        preset = take("preset", lambda r: parse_choice(r, PRESETS))
        if preset is not None:
            changes["preset"] = preset
        start, end = take("start", parse_date), take("end", parse_date)
        if (preset or v.preset) == "custom":
            s0 = start or v.start
            e0 = end or v.end
            if s0 > e0:
                problems.append(Problem("start", f"{s0}>{e0}", "the start is after the end"))
            else:
                changes["start"], changes["end"] = s0, e0
        elif preset is not None:
            changes["start"], changes["end"] = PRESETS[preset]  # type: ignore[misc]
        for name, fn in (
            ("mode", lambda r: parse_choice(r, MODES)),
            ("base", parse_date),
            ("candles", parse_bool),
            ("volume", parse_bool),
            ("importance", lambda r: parse_int(r, 1, 3)),
            ("map_date", parse_date),
        ):
            val = take(name, fn)
            if val is not None:
                changes[name] = val
        cats = take("categories", lambda r: tuple(parse_choice(c, CATEGORIES) for c in r.split(",") if c))
        if cats is not None:
            changes["categories"] = cats
        ev = take("window_event", lambda r: _known(r, known_events, "no such event in the catalogue"))
        if ev is not None:
            changes["window_event"] = ev
        win = take("window", lambda r: parse_window(r, -MAX_WINDOW, MAX_WINDOW))
        if win is not None:
            changes["window"] = win
        return replace(v, **changes, problems=tuple(problems))

    def to_params(self) -> dict[str, str | None]:
        """Only what differs from the defaults, so links stay short."""
        d = PricesView()
        out: dict[str, str | None] = {}
        for name in ("symbols", "preset", "mode", "base", "candles", "volume", "importance", "categories", "window_event", "window", "map_date"):
            val = getattr(self, name)
            out[name] = None if val == getattr(d, name) else _fmt(val)
        custom = self.preset == "custom"
        out["start"] = _fmt(self.start) if custom else None
        out["end"] = _fmt(self.end) if custom else None
        return out


def _known(raw: str, known: Collection[str] | None, reason: str) -> str:
    if known is not None and raw not in known:
        raise ValueError(reason)
    return raw


def _fmt(val) -> str:
    if isinstance(val, bool):
        return "1" if val else "0"
    if isinstance(val, tuple):
        return ",".join(str(x) for x in val)
    if isinstance(val, date):
        return val.isoformat()
    return str(val)


# ---------------------------------------------------------------- presenter (issue 7)

DECK_RANGE = (date(2024, 12, 1), date(2025, 3, 31))  # the R1 weeks, with the V3 release and Nvidia's results
AUTO_CHOICES = (0, 5, 10, 20, 30, 60)  # seconds per slide; 0 = off
MAX_SLIDE = 999


@dataclass(frozen=True)
class PresenterView:
    """`?slide=N&importance=2&start=…&end=…&auto=10` — slide numbers start at 1."""

    slide: int = 1
    importance: int = 2  # events with importance ≤ this get a slide
    start: date = DECK_RANGE[0]
    end: date = DECK_RANGE[1]
    auto: int = 0
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> PresenterView:
        v = cls()
        problems: list[Problem] = []
        changes: dict = {}
        parsers = {
            "slide": lambda r: parse_int(r, 1, MAX_SLIDE),
            "importance": lambda r: parse_int(r, 1, 3),
            "start": parse_date,
            "end": parse_date,
            "auto": lambda r: int(parse_choice(r, [str(a) for a in AUTO_CHOICES])),
        }
        for name, parse in parsers.items():
            raw = params.get(name)
            if raw is None or raw == "":
                continue
            try:
                changes[name] = parse(str(raw))
            except ValueError as exc:
                problems.append(Problem(name, str(raw)[:60], str(exc)))
        if changes.get("start", v.start) > changes.get("end", v.end):
            problems.append(Problem("start", f"{changes.get('start', v.start)}>{changes.get('end', v.end)}", "the start is after the end"))
            changes.pop("start", None)
            changes.pop("end", None)
        return replace(v, **changes, problems=tuple(problems))

    def with_slide_count(self, n: int) -> PresenterView:
        """Back to slide 1, with a problem to show, when the link asks for a slide the deck does not have."""
        if 1 <= self.slide <= max(n, 1):
            return self
        return replace(self, slide=1, problems=(*self.problems, Problem("slide", str(self.slide), f"the deck has {n} slides")))

    def to_params(self) -> dict[str, str | None]:
        """Only what differs from the defaults, except the slide number, which a shared link always carries."""
        d = PresenterView()
        out: dict[str, str | None] = {"slide": str(self.slide)}
        for name in ("importance", "start", "end", "auto"):
            val = getattr(self, name)
            out[name] = None if val == getattr(d, name) else _fmt(val)
        return out
