"""Find dated mentions and numbers with units in Hindi or English text, each tied to its exact words.

Regular expressions find the candidates (and decide which words are a date at all); dateparser reads
the explicit dates, and its reading is kept only where it agrees with what the words state — it reads
"2025 को, दिन" as "2025 days ago" and gives a month-year the base date's day when left to itself.
Weekday words and relative phrases resolve against the publication date, never today's date.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser

Kind = Literal["date", "number"]
Granularity = Literal["day", "week", "month", "year", "period"]

# --- character classes -------------------------------------------------------------------------------
# Python's \w misses Devanagari vowel signs (ा ि …), so word edges need the whole block (bar the dandas).
_W = r"\w\u0900-\u0963\u0966-\u097F\u200c\u200d"
_L = rf"(?<![{_W}])"
_R = rf"(?![{_W}])"
_D = r"[0-9\u0966-\u096F]"
_NUM = rf"(?:{_D}{{1,3}}(?:,{_D}{{2,3}})+(?:\.{_D}+)?|{_D}+(?:\.{_D}+)?)"
# A number starts at a word edge and is not the tail of "2.5" / "1,000" / "H800".
_NUM_L = rf"(?<![{_W}.,$])"
_NUM_R = rf"(?![{_W}]|[.,]{_D})"
_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

_NUKTA = {"\u0958": "\u0915", "\u0959": "\u0916", "\u095a": "\u0917", "\u095b": "\u091c",
          "\u095c": "\u0921", "\u095d": "\u0922", "\u095e": "\u092b", "\u095f": "\u092f"}


def _nuk(word: str) -> str:
    """A regex for `word` that accepts precomposed nukta letters, base+nukta and the bare base letter."""
    out = []
    for ch in word:
        base = _NUKTA.get(ch)
        out.append(f"(?:{ch}|{base}\u093c?)" if base else re.escape(ch))
    return "".join(out)


def _alt(words) -> str:
    return "(?:" + "|".join(_nuk(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# --- vocabularies -------------------------------------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _n, _names in enumerate([
    ["जनवरी", "January", "Jan"], ["फ़रवरी", "फरवरी", "February", "Feb"], ["मार्च", "March", "Mar"],
    ["अप्रैल", "अप्रेल", "April", "Apr"], ["मई", "May"], ["जून", "June", "Jun"],
    ["जुलाई", "July", "Jul"], ["अगस्त", "August", "Aug"], ["सितंबर", "सितम्बर", "September", "Sept", "Sep"],
    ["अक्टूबर", "अक्तूबर", "October", "Oct"], ["नवंबर", "नवम्बर", "November", "Nov"],
    ["दिसंबर", "दिसम्बर", "December", "Dec"],
], start=1):
    for _name in _names:
        _MONTHS[_name] = _n
        if _name.isascii():
            _MONTHS[_name.upper()] = _n
# English month names only capitalised or upper case: "may" and "march" are common verbs.
_MONTH = _alt(_MONTHS)
_MONTH_EN = "(?:" + "|".join(sorted((m for m in _MONTHS if m.isascii()), key=len, reverse=True)) + ")"
_MONTH_HI = _alt(m for m in _MONTHS if not m.isascii())

_WEEKDAYS = {"सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3, "वीरवार": 3,
             "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6, "इतवार": 6,
             "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"

_SCALES = {"मिलियन": 1e6, "million": 1e6, "mn": 1e6, "बिलियन": 1e9, "billion": 1e9, "bn": 1e9,
           "अरब": 1e9, "खरब": 1e11, "ट्रिलियन": 1e12, "trillion": 1e12, "करोड़": 1e7, "करोड": 1e7,
           "crore": 1e7, "लाख": 1e5, "lakh": 1e5, "हज़ार": 1e3, "thousand": 1e3}
_SCALE = _alt(_SCALES)

_WORD_NUMBERS = {"दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7,
                 "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "पंद्रह": 15, "बीस": 20,
                 "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20}
_WORD_NUMBER = _alt(_WORD_NUMBERS)

# Units of a count: (regex alternatives, normalised unit). Compound units first.
_OBJECT_UNITS = [
    (["GPU घंटे", "जीपीयू घंटे", "GPU hours", "GPU-hours"], "GPU-hour"),
    (["GPUs", "GPU", "जीपीयू"], "GPU"),
    (["चिप्स", "चिप", "chips", "chip"], "chip"),
    (["पैरामीटर", "parameters"], "parameter"),
    (["डाउनलोड", "downloads"], "download"),
    (["उपयोगकर्ता", "यूजर्स", "users"], "user"),
    (["कर्मचारी", "employees"], "employee"),
]
_TIME_UNITS = [
    (["दिनों", "दिन", "days", "day"], "day"),
    (["घंटों", "घंटे", "घंटा", "hours", "hour"], "hour"),
    (["मिनट", "minutes"], "minute"),
    (["हफ़्तों", "हफ़्ते", "सप्ताह", "weeks", "week"], "week"),
    (["महीनों", "महीने", "महीना", "months", "month"], "month"),
    (["सालों", "साल", "वर्षों", "वर्ष", "years", "year"], "year"),
    (["गुना", "times"], "times"),
]


def _unit_regex(table) -> tuple[str, dict[str, str]]:
    lookup: dict[str, str] = {}
    words = []
    for names, unit in table:
        for name in names:
            words.append(name)
            lookup[name.lower()] = unit
    alts = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(_nuk(w).replace(r"\ ", r"[\s\-]+") for w in alts) + ")", lookup


_OBJECT_UNIT, _OBJECT_LOOKUP = _unit_regex(_OBJECT_UNITS)
_TIME_UNIT, _TIME_LOOKUP = _unit_regex(_TIME_UNITS)

_PART_WORDS = {
    "early": ["शुरुआत", "शुरुआती", "शुरू", "आरंभ", "आरम्भ", "प्रारंभ", "प्रारम्भ", "early", "start of",
              "beginning of", "the start of", "the beginning of"],
    "mid": ["मध्य", "बीच", "mid", "middle of", "the middle of"],
    "late": ["अंत", "आखिर", "आख़िर", "आखिरी", "late", "end of", "the end of"],
    "earlier": ["earlier"],
    "later": ["later"],
}
_PART_LOOKUP = {w.lower(): part for part, words in _PART_WORDS.items() for w in words}
_PART_HI = _alt(w for w in _PART_LOOKUP if not w.isascii())
_PART_EN = "(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _PART_LOOKUP if w.isascii()), key=len, reverse=True)) + ")"
_PART_AFTER = re.compile(rf"\s+(?:के|की|का)\s+(?P<part>{_PART_HI}){_R}")
_PART_BEFORE = re.compile(rf"(?P<part>{_PART_EN})[\s\-]+$", re.IGNORECASE)


# --- the mention --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Mention:
    """One dated mention or number, with its character span in the text and the sentence around it.

    Dates: `value` is the ISO date the period starts on (None when it needs a publication date that was
    not given), `period_end` its last day, `granularity` day|week|month|year|period.
    Numbers: `value` is normalised (600 बिलियन → 6e11; percentages stay in percent), `unit` says what
    (USD, USD/hour, INR, %, GPU, chip, day, month, times …), `precision` is the step of the last digit
    stated (in the value's units), `qualifier` about|more_than|less_than, `upper` a range's top.
    """

    kind: Kind
    start: int
    end: int
    text: str
    quote: str
    quote_start: int
    value: str | float | None
    form: str
    granularity: Granularity | None = None
    period_end: str | None = None
    unit: str | None = None
    precision: float | None = None
    qualifier: str | None = None
    upper: float | None = None
    article: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


# --- small helpers ------------------------------------------------------------------------------------
def _to_float(s: str) -> float:
    return float(s.translate(_DEVANAGARI_DIGITS).replace(",", ""))


def _to_int(s: str) -> int:
    return int(s.translate(_DEVANAGARI_DIGITS))


def _precision(num: str, scale: float = 1.0) -> float:
    ascii_num = num.translate(_DEVANAGARI_DIGITS).replace(",", "")
    decimals = len(ascii_num.split(".", 1)[1]) if "." in ascii_num else 0
    return round(10.0 ** -decimals * scale, 12)


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


_SENTENCE_END = re.compile(r"[।॥\n?!|]|\.(?=\s|$)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Inc|Co|Corp|Ltd|vs|U\.S|No)$")


MAX_QUOTE_SIDE = 300  # characters of context either side of a mention at most


class _Sentences:
    """Sentence ends of a text, found once, so each mention's sentence is a binary search away."""

    def __init__(self, text: str):
        self.text = text
        self.at: list[int] = []  # where each boundary mark starts
        self.stop: list[int] = []  # where the sentence before it ends (a newline is not part of it)
        self.after: list[int] = []  # where the next sentence may start
        for m in _SENTENCE_END.finditer(text):
            if m.group() == "." and _ABBREVIATION.search(text[max(0, m.start() - 6):m.start()]):
                continue
            self.at.append(m.start())
            self.stop.append(m.start() if m.group() in ("\n", "|") else m.end())
            self.after.append(m.end())

    def span(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.after, start) - 1
        s = self.after[i] if i >= 0 else 0
        j = bisect.bisect_left(self.at, end)
        e = self.stop[j] if j < len(self.at) else len(self.text)
        if start - s > MAX_QUOTE_SIDE:  # a run-on "sentence" (no punctuation): keep a window, cut at a space
            cut = self.text.find(" ", start - MAX_QUOTE_SIDE, start)
            s = cut + 1 if cut >= 0 else start - MAX_QUOTE_SIDE
        if e - end > MAX_QUOTE_SIDE:
            cut = self.text.rfind(" ", end, end + MAX_QUOTE_SIDE)
            e = cut if cut >= 0 else end + MAX_QUOTE_SIDE
        while s < start and self.text[s].isspace():
            s += 1
        while e > end and self.text[e - 1].isspace():
            e -= 1
        return s, e


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], trimmed of surrounding blanks (never empty for a mention)."""
    return _sentences_of(text).span(start, end)


@lru_cache(maxsize=8)
def _sentences_of(text: str) -> _Sentences:
    """One sentence index per text (callers ask for many mentions of the same text; str hashes are cached)."""
    return _Sentences(text)


def _dateparser_read(phrase: str, base: date | None, parts: list[str]) -> date | None:
    """dateparser's reading of an explicit date phrase, or None if it cannot read it."""
    return _dateparser_cached(phrase, base, tuple(parts))


@lru_cache(maxsize=4096)
def _dateparser_cached(phrase: str, base: date | None, parts: tuple[str, ...]) -> date | None:
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": list(parts),
        "RELATIVE_BASE": datetime.combine(base or date(2000, 1, 1), datetime.min.time()),
    }
    try:
        got = dateparser.parse(phrase, languages=["hi", "en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; the regex reading stands then
        return None
    return got.date() if got else None


def _agreed(phrase: str, stated: date, base: date | None, parts: list[str]) -> date:
    """Keep dateparser's reading only where it agrees with the day, month and year the words state."""
    read = _dateparser_read(phrase, base, parts)
    if read is None:
        return stated
    if read.year == stated.year and read.month == stated.month and ("day" not in parts or read.day == stated.day):
        return read if "day" in parts else read.replace(day=1)
    return stated


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """A day-month without a year: the instance nearest the publication date."""
    best = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - published).days) < abs((best - published).days):
            best = cand
    return best


def resolve_weekday(weekday: int, published: date, relation: str | None = None) -> date:
    """The date a weekday word means in an article published on `published`.

    Plain "सोमवार"/"Monday": the latest such day on or before publication (a Tuesday article's
    "Monday" is the day before; its "Tuesday" is the same day). "पिछले"/"last": strictly before;
    "अगले"/"next": strictly after.
    """
    back = (published.weekday() - weekday) % 7
    if relation == "next":
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    if relation == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _apply_part(start: date, end: date, part: str, gran: str, published: date | None) -> tuple[date, date]:
    """Narrow a week/month/year to its early/mid/late part (months: days 1–10, 11–20, 21–end)."""
    if part == "earlier" and published and start <= published <= end:
        return start, max(start, published - timedelta(days=1))
    if part == "later" and published and start <= published <= end:
        return min(end, published + timedelta(days=1)), end
    if part in ("earlier", "later"):
        part = "early" if part == "earlier" else "late"
    if gran == "year":
        bounds = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(start.year, bounds[0], 1), _last_day(start.year, bounds[1])
    if gran == "month":
        last = end.day
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}[part]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    offsets = {"early": (0, 2), "mid": (2, 4), "late": (4, 6)}[part]  # week: Mon–Wed, Wed–Fri, Fri–Sun
    return start + timedelta(days=offsets[0]), start + timedelta(days=offsets[1])


# --- date rules ---------------------------------------------------------------------------------------
_ORD = r"(?:st|nd|rd|th)?"
_DATE_RULES: list[tuple[str, re.Pattern]] = [
    ("iso_date", re.compile(rf"(?<![{_W}\-])(?P<y>{_D}{{4}})-(?P<m>{_D}{{2}})-(?P<d>{_D}{{2}}){_R}")),
    ("full_date", re.compile(rf"{_L}(?P<d>{_D}{{1,2}}){_ORD}[\s\-]*(?:of\s+)?(?P<m>{_MONTH}){_R}\.?,?[\s\-]*(?P<y>{_D}{{4}}){_R}")),
    ("full_date", re.compile(rf"{_L}(?P<m>{_MONTH_EN})\.?\s+(?P<d>{_D}{{1,2}}){_ORD},?\s+(?P<y>{_D}{{4}}){_R}")),
    ("month_year", re.compile(rf"{_L}(?P<m>{_MONTH}){_R}\.?,?\s*(?P<y>{_D}{{4}}){_R}")),
    ("day_month", re.compile(rf"{_L}(?P<d>{_D}{{1,2}}){_ORD}[\s\-]*(?:of\s+)?(?P<m>{_MONTH}){_R}")),
    ("day_month", re.compile(rf"{_L}(?P<m>{_MONTH_EN})\.?\s+(?P<d>{_D}{{1,2}}){_ORD}{_R}")),
    ("month", re.compile(rf"{_L}(?P<m>{_MONTH_HI})(?=\s+(?:में|को|के|की|से|तक){_R})")),
    ("year", re.compile(rf"(?<![{_W}$.,/\-])(?P<y>(?:1[89]|20){_D}{{2}})(?![{_W}%]|[.,/\-]{_D})")),
    ("relative", re.compile(
        rf"{_L}(?P<rel>पिछले|पिछली|पिछला|इस|इसी|अगले|अगली|अगला|last|this|next|previous|past)\s+"
        rf"(?P<u>सप्ताह|{_nuk('हफ़्ते')}|{_nuk('हफ़्ता')}|महीने|महीना|माह|साल|वर्ष|week|month|year){_R}", re.IGNORECASE)),
    ("weekday", re.compile(rf"{_L}(?:(?P<rel>पिछले|पिछली|अगले|अगली|last|next)\s+)?(?P<wd>{_WEEKDAY}){_R}")),
    ("ago", re.compile(
        rf"{_L}(?P<n>{_D}{{1,3}}|{_WORD_NUMBER}|एक|one|a)\s+(?P<u>दिनों|दिन|सप्ताह|{_nuk('हफ़्ते')}|महीनों|महीने|सालों|साल|वर्षों|वर्ष|days?|weeks?|months?|years?)"
        rf"\s+(?:पहले|ago){_R}")),
]
# A bare number is a year only with a year's company: a postposition or punctuation after it, or
# "in/since/सन्" before it. "2048 एनवीडिया H800 GPU" is a count; "2000 से अधिक" is a quantity.
_YEAR_AFTER = re.compile(rf"\s*(?:(?:में|के|की|का|को|से|तक|वाले|वाली|वाला|ई\.|AD|CE){_R}|[,।;:)\]]|\.(?!{_D})|$)")
_YEAR_AFTER_NOT = re.compile(rf"\s*से\s+(?:अधिक|{_nuk('ज़्यादा')}|कम|ऊपर){_R}")
_YEAR_BEFORE = re.compile(r"(?:सन्?|वर्ष|साल|in|since|by|until|from|during|of|year|early|mid|late)[\s\-]+$", re.IGNORECASE)
_REL_MAP = {"पिछले": "last", "पिछली": "last", "पिछला": "last", "last": "last", "previous": "last", "past": "last",
            "इस": "this", "इसी": "this", "this": "this", "अगले": "next", "अगली": "next", "अगला": "next", "next": "next"}
_AGO_UNITS = {"दिन": "days", "दिनों": "days", "सप्ताह": "weeks", "हफ्ते": "weeks", "महीने": "months",
              "महीनों": "months", "साल": "years", "सालों": "years", "वर्ष": "years", "वर्षों": "years"}


def _date_mention(rule: str, m: re.Match, text: str, published: date | None):
    """(period start, period end, granularity) for one rule match ("unresolved" start when it needs a
    publication date that was not given), or None to reject the match."""
    g = m.groupdict()
    phrase = m.group()
    if rule in ("iso_date", "full_date"):
        month = _to_int(g["m"]) if rule == "iso_date" else _month_of(g["m"])
        try:
            stated = date(_to_int(g["y"]), month, _to_int(g["d"]))
        except ValueError:
            return None
        day = _agreed(phrase, stated, published, ["day", "month", "year"])
        return day, day, "day"
    if rule == "month_year":
        y = _to_int(g["y"])
        if not 1000 <= y <= 2999:
            return None
        first = _agreed(phrase, date(y, _month_of(g["m"]), 1), published, ["month", "year"])
        return first, _last_day(first.year, first.month), "month"
    if rule == "day_month":
        if published is None:
            return "unresolved", None, "day"
        try:
            day = _nearest_year(_month_of(g["m"]), _to_int(g["d"]), published)
        except ValueError:
            return None
        if day is None:
            return None
        return day, day, "day"
    if rule == "month":
        if published is None:
            return "unresolved", None, "month"
        first = _nearest_year(_month_of(g["m"]), 1, published)
        return first, _last_day(first.year, first.month), "month"
    if rule == "year":
        after, before = text[m.end():m.end() + 12], text[max(0, m.start() - 12):m.start()]
        if _YEAR_AFTER_NOT.match(after) or not (_YEAR_AFTER.match(after) or _YEAR_BEFORE.search(before)):
            return None
        y = _to_int(g["y"])
        return date(y, 1, 1), date(y, 12, 31), "year"
    if rule == "relative":
        if published is None:
            return "unresolved", None, _relative_granularity(g["u"])
        return _relative_period(_REL_MAP[g["rel"].lower()], _relative_granularity(g["u"]), published)
    if rule == "weekday":
        if published is None:
            return "unresolved", None, "day"
        rel = _REL_MAP.get((g["rel"] or "").lower())
        day = resolve_weekday(_WEEKDAYS[g["wd"]], published, rel)
        return day, day, "day"
    if rule == "ago":
        if published is None:
            return "unresolved", None, "day"
        return _ago(g, published)
    return None


def _month_of(name: str) -> int:
    if name in _MONTHS:
        return _MONTHS[name]
    for key, n in _MONTHS.items():  # a nukta spelled another way
        if re.fullmatch(_nuk(key), name):
            return n
    raise ValueError(name)


def _relative_granularity(unit: str) -> str:
    unit = unit.lower()
    if unit in ("सप्ताह", "week") or unit.startswith("हफ"):
        return "week"
    if unit in ("महीने", "महीना", "माह", "month"):
        return "month"
    return "year"


def _relative_period(rel: str, gran: str, published: date):
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if gran == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6), "week"
    if gran == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
        first = date(y, mo + 1, 1)
        return first, _last_day(first.year, first.month), "month"
    y = published.year + step
    return date(y, 1, 1), date(y, 12, 31), "year"


def _ago(g: dict, published: date):
    n_raw = g["n"]
    n = 1 if n_raw in ("एक", "one", "a") else _WORD_NUMBERS.get(n_raw) or _to_int(n_raw)
    unit = _AGO_UNITS.get(g["u"], g["u"].rstrip("s") + "s" if g["u"].isascii() else "days")
    if unit.startswith("हफ"):
        unit = "weeks"
    read = _dateparser_read(f"{n} {unit} ago", published, [])
    expected = {"days": published - timedelta(days=n), "weeks": published - timedelta(weeks=n)}.get(unit)
    if read is None or (expected is not None and read != expected) or read > published:
        if expected is None:
            return None
        read = expected
    gran = {"days": "day", "weeks": "week", "months": "month", "years": "year"}[unit]
    if gran == "day":
        return read, read, "day"
    if gran == "week":
        monday = read - timedelta(days=read.weekday())
        return monday, monday + timedelta(days=6), "week"
    if gran == "month":
        return read.replace(day=1), _last_day(read.year, read.month), "month"
    return date(read.year, 1, 1), date(read.year, 12, 31), "year"


def _extend_with_part(text: str, start: int, end: int, vs: date, ve: date, gran: str, published: date | None):
    """'2022 के अंत में', 'इस महीने की शुरुआत', 'late 2022', 'earlier this month' → a part of the period."""
    if gran not in ("week", "month", "year"):
        return start, end, vs, ve, gran
    after = _PART_AFTER.match(text, end)
    if after:
        part = _PART_LOOKUP[after.group("part").lower()] if after.group("part").lower() in _PART_LOOKUP else _part_of(after.group("part"))
        s, e = _apply_part(vs, ve, part, gran, published)
        return start, after.end(), s, e, "period"
    before = _PART_BEFORE.search(text, max(0, start - 24), start)
    if before:
        part = _PART_LOOKUP[re.sub(r"\s+", " ", before.group("part").lower())]
        s, e = _apply_part(vs, ve, part, gran, published)
        return before.start(), end, s, e, "period"
    return start, end, vs, ve, gran


def _part_of(word: str) -> str:
    for key, part in _PART_LOOKUP.items():
        if re.fullmatch(_nuk(key), word):
            return part
    return "early"


# --- number rules -------------------------------------------------------------------------------------
_CUR_WORDS = {"डॉलर": "USD", "डालर": "USD", "डॉलरों": "USD", "dollars": "USD", "dollar": "USD", "USD": "USD",
              "रुपये": "INR", "रुपए": "INR", "रुपया": "INR", "रुपयों": "INR", "rupees": "INR", "INR": "INR"}
_CUR_WORD = "(?:" + "|".join(sorted(_CUR_WORDS, key=len, reverse=True)) + ")"
_PER_HOUR = r"(?P<per>\s*(?:प्रति|per|/)\s*(?:घंटे|घंटा|hour|hr))?"
_NUMBER_RULES: list[tuple[str, re.Pattern]] = [
    ("currency", re.compile(
        rf"(?P<cur>(?:(?:US|यूएस|USD|अमेरिकी)\s*)?\$|₹|Rs\.?)\s*(?P<n>{_NUM}){_NUM_R}(?:\s*(?P<s>{_SCALE}){_R})?{_PER_HOUR}")),
    ("currency", re.compile(
        rf"{_NUM_L}(?P<n>{_NUM}){_NUM_R}(?:\s*(?P<s>{_SCALE}))?\s*(?:अमेरिकी\s+)?(?P<cw>{_CUR_WORD}){_R}{_PER_HOUR}")),
    ("percent", re.compile(rf"{_NUM_L}(?P<n>{_NUM}){_NUM_R}\s*(?P<u>%|प्रतिशत|{_nuk('फ़ीसदी')}|percent|per\s+cent)")),
    ("count", re.compile(
        rf"{_NUM_L}(?P<n>{_NUM}){_NUM_R}(?:\s*(?P<s>{_SCALE}){_R})?"
        rf"(?P<fill>(?:\s+(?:[^\s0-9\u0966-\u096F,.।!?;:()\"“”'‘’\-–—]+|(?:एच|H|A|वी|V)\s*{_D}+)){{0,4}}?)"
        rf"\s+(?P<u>{_OBJECT_UNIT}){_R}")),
    ("count", re.compile(
        rf"(?:{_NUM_L}(?P<n>{_NUM}){_NUM_R}|{_L}(?P<w>{_WORD_NUMBER}))(?:\s*(?P<s>{_SCALE}){_R})?[\s\-]+(?P<u>{_TIME_UNIT}){_R}")),
]
# "एच 800", "ओ 1", "वी 3": the number names a model, not a quantity.
_MODEL_BEFORE = re.compile(r"(?:^|[\s\-–(])(?:एच|वी|आर|ओ|ए|[A-Za-z])\s*$")
_ABOUT = re.compile(rf"(?:लगभग|करीब|{_nuk('क़रीब')}|तकरीबन|{_nuk('तक़रीबन')}|about|around|nearly|roughly|approximately|approx\.?|some|~|≈)\s*$", re.IGNORECASE)
_MORE_BEFORE = re.compile(r"(?:more than|over|above|at least)\s*$", re.IGNORECASE)
_LESS_BEFORE = re.compile(r"(?:less than|under|below|up to)\s*$", re.IGNORECASE)
_MORE_AFTER = re.compile(rf"\s*(?:से\s+(?:अधिक|{_nuk('ज़्यादा')}|ऊपर)|or more|plus){_R}")
_LESS_AFTER = re.compile(rf"\s*(?:से\s+कम|or less){_R}")
_RANGE_BEFORE = re.compile(rf"{_NUM_L}(?P<lo>{_NUM})\s*(?:से|to|-|–)\s*(?:US\s*\$|\$)?\s*$")


def _number_mention(rule: str, m: re.Match, text: str):
    """(start, value, unit, precision, upper) for one rule match, or None to reject it."""
    g = m.groupdict()
    num = g.get("n")
    start = m.start("n") if num else m.start("w")
    if rule == "currency" and g.get("cur"):
        start = m.start("cur")
    if num:
        digits = num.translate(_DEVANAGARI_DIGITS).replace(",", "")
        if len(digits) > 1 and digits[0] == "0" and not digits.startswith("0."):
            return None  # "000" left over from a broken "10,000"
        if rule != "currency" and _MODEL_BEFORE.search(text, max(0, m.start("n") - 6), m.start("n")):
            return None
        if len(digits.split(".")[0]) > 15:
            return None
        base = _to_float(num)
    else:
        base = float(_WORD_NUMBERS[g["w"]] if g["w"] in _WORD_NUMBERS else _value_of_word(g["w"]))
    scale = _SCALES.get(g.get("s") or "", 1.0) if g.get("s") else 1.0
    if g.get("s") and g["s"] not in _SCALES:
        scale = next((v for k, v in _SCALES.items() if re.fullmatch(_nuk(k), g["s"])), 1.0)
    value = base * scale
    precision = _precision(num, scale) if num else 1.0
    if rule == "currency":
        unit = "INR" if (g.get("cur") or "").startswith(("₹", "Rs")) else _CUR_WORDS.get(g.get("cw") or "", "USD")
        if g.get("per"):
            unit += "/hour"
    elif rule == "percent":
        unit = "%"
    else:
        u = re.sub(r"[\s\-]+", " ", g["u"]).lower()
        unit = _OBJECT_LOOKUP.get(u) or _TIME_LOOKUP.get(u) or _lookup_nukta(u)
    upper = None
    rng = _RANGE_BEFORE.search(text, max(0, start - 24), start)
    if rng and rule != "currency":
        upper, value = value, _to_float(rng.group("lo")) * scale
        start = rng.start()
    return start, value, unit, precision, upper


def _value_of_word(word: str) -> int:
    return next(v for k, v in _WORD_NUMBERS.items() if re.fullmatch(_nuk(k), word))


def _lookup_nukta(u: str) -> str | None:
    for key, unit in {**_OBJECT_LOOKUP, **_TIME_LOOKUP}.items():
        if re.fullmatch(_nuk(key).replace(r"\ ", r"[\s\-]+"), u):
            return unit
    return None


def _qualifier(text: str, start: int, ends: tuple[int, ...]) -> str | None:
    """about / more_than / less_than from the words around a number ("लगभग $600", "3 प्रतिशत से अधिक")."""
    before = text[max(0, start - 16):start]
    if _ABOUT.search(before):
        return "about"
    if any(_MORE_AFTER.match(text, e) for e in ends) or _MORE_BEFORE.search(before):
        return "more_than"
    if any(_LESS_AFTER.match(text, e) for e in ends) or _LESS_BEFORE.search(before):
        return "less_than"
    return None


# --- the extractor ------------------------------------------------------------------------------------
class _Taken:
    """Claimed spans, kept sorted and disjoint, for an O(log n) overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)  # spans starting before `e` are candidates; the nearest one decides
        return i > 0 and self.ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


def extract(text: str, published: date | None = None, article: str | None = None) -> list[Mention]:
    """Every dated mention and number with a unit in `text`, in reading order.

    `published` anchors weekday words, relative phrases and day-months without a year; without it
    those mentions are kept with value None. Earlier rules win where spans overlap (a full date over
    its year, a date over any number inside it).
    """
    if not isinstance(text, str):
        raise TypeError("extract() needs text (str)")
    mentions: list[Mention] = []
    taken = _Taken()
    sentences = _Sentences(text)

    for rule, pattern in _DATE_RULES:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            try:
                got = _date_mention(rule, m, text, published)
            except (ValueError, OverflowError):  # a period that runs off the calendar (year 0 or 10000)
                got = None
            if got is None:
                continue
            vs, ve, gran = got
            start, end = m.start(), m.end()
            if vs != "unresolved":
                try:
                    start, end, vs, ve, gran = _extend_with_part(text, start, end, vs, ve, gran, published)
                except (ValueError, OverflowError):
                    pass
                if taken.overlaps(start, end):
                    start, end = m.start(), m.end()
            value = None if vs == "unresolved" else vs.isoformat()
            period_end = None if ve is None else ve.isoformat()
            mentions.append(_make("date", rule, sentences, start, end, value, article, granularity=gran, period_end=period_end))
            taken.add(start, end)

    for rule, pattern in _NUMBER_RULES:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            got = _number_mention(rule, m, text)
            if got is None:
                continue
            start, value, unit, precision, upper = got
            if taken.overlaps(start, m.end()):
                start = m.start()
            end = m.end()
            mentions.append(_make("number", rule, sentences, start, end, value, article, unit=unit, precision=precision,
                                  upper=upper, qualifier=_qualifier(text, start, (end, m.end("n") if m.group("n") else end))))
            taken.add(start, end)

    mentions.sort(key=lambda x: (x.start, x.end))
    return mentions


def _make(kind, form, sentences: _Sentences, start, end, value, article, **extra) -> Mention:
    text = sentences.text
    qs, qe = sentences.span(start, end)
    return Mention(kind=kind, start=start, end=end, text=text[start:end], quote=text[qs:qe], quote_start=qs,
                   value=value, form=form, article=article, **extra)


def extract_article(article_id: str) -> list[Mention]:
    """Mentions in a catalogued article, anchored on its (inferred) publication date."""
    from market_impact.articles import article_text, get_article

    art = get_article(article_id)
    return extract(article_text(article_id), published=art.published, article=article_id)
