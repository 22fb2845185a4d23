"""Claim check: the articles' market claims (a close, a day's move, market value, an N-month low …)
held against the tape of unadjusted (quoted) prices, each with its formula and difference.

Claims are found by targeted Hindi patterns around the numbers and dates `extraction` finds; every
quote is the article's own words. A claim is checked only to the precision it states ("$118.42" to the
cent, "17 प्रतिशत" to the whole point, "लगभग $600 बिलियन" to the hundred billion).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

import pandas as pd

from market_impact import calendars
from market_impact.errors import BadInput, MarketImpactError
from market_impact.extraction import Mention, extract, sentence_span
from market_impact.fundamentals import SharesOutstanding, shares_outstanding
from market_impact.i18n import format_date, format_money, format_number, t

Verdict = Literal["supported", "contradicted", "not checkable"]
Operator = Literal["=", "≈", ">", "<", "≥", "direction"]
Metric = Literal[
    "close", "pct_move", "mv_change", "mv_level", "low_since", "open_gap", "premarket", "direction", "mixed",
    "record", "rank", "wealth", "not_market",
]
VERDICTS: tuple[Verdict, ...] = ("supported", "contradicted", "not checkable")
METRICS: tuple[str, ...] = Metric.__args__  # type: ignore[attr-defined]
DAYS_PER_MONTH = 365.25 / 12
_EPS = 1e-9


# ---------------------------------------------------------------------------------------- the models
@dataclass(frozen=True)
class Claim:
    """One checkable (or knowingly uncheckable) statement in an article.

    `stated` is signed for moves and market-value changes (a 16.86% fall is −16.86); `unit` is "USD",
    "%", "month" … ; `precision` is the rounding step the words state (0.01 for "$118.42", 1e11 for
    "$600 बिलियन"); `direction` is up|down|mixed for direction claims. `reason` is set for claims that are
    not market data by nature (training costs, chip counts, records across all companies).
    """

    id: str
    article: str
    quote: str
    start: int  # offset of `quote` in the article text
    metric: Metric
    operator: Operator
    symbols: tuple[str, ...] = ()
    session: date | None = None  # the trading session the claim is about (on its symbol's exchange)
    day: date | None = None  # the calendar day the words name, before mapping to a session
    stated: float | None = None
    unit: str | None = None
    precision: float | None = None
    stated_text: str = ""  # the number as printed ("$118.42", "16.86%")
    qualifier: str | None = None  # about | more_than | less_than
    direction: str | None = None  # up | down | mixed
    reason: str | None = None
    repeated: int = 0  # further identical statements in the same article (summary bullets …)

    @property
    def symbol(self) -> str | None:
        return self.symbols[0] if self.symbols else None

    @property
    def end(self) -> int:
        return self.start + len(self.quote)

    @property
    def quantity(self) -> str:
        """The quantity the claim is about, so different articles' versions can be lined up."""
        return {"pct_move": "day_move", "direction": "day_move", "premarket": "open_gap"}.get(self.metric, self.metric)


@dataclass(frozen=True)
class PricePoint:
    symbol: str
    day: date
    field: str  # open | close
    value: float


@dataclass(frozen=True)
class ClaimResult:
    """A claim held against the tape: verdict, the computed value, the prices used and the difference."""

    claim: Claim
    verdict: Verdict
    actual: float | None = None
    difference: float | None = None  # actual − stated (same units as `stated`)
    tolerance: float | None = None  # allowed |difference| from the stated precision (+ share-count precision)
    reason: str | None = None  # why not checkable (a code with an i18n text "claims.why.<code>")
    inputs: tuple[PricePoint, ...] = ()
    shares: SharesOutstanding | None = None
    extra: Mapping[str, object] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def sessions(self) -> tuple[date, ...]:
        """The days whose prices the check used (for the mini-chart)."""
        return tuple(sorted({p.day for p in self.inputs}))


# --------------------------------------------------------------------------- vocabulary and patterns
# Subject words → symbol. Order matters only for overlapping words (हैंग सेंग before हांगकांग).
SUBJECTS: tuple[tuple[str, str], ...] = (
    ("NVDA", r"एनवीडिया|एनविडिया|एनवीडिआ|Nvidia|NVIDIA|nvidia"),
    ("^IXIC", r"नैस्डैक|नास्डैक|नैसडैक|Nasdaq"),
    ("^N225", r"टोक्यो|निक्केई|Nikkei|Tokyo"),
    ("^HSI", r"हैंग सेंग|हांगकांग|हांग कांग|Hang Seng"),
    ("0700.HK", r"टेन्सेंट|टेनसेंट|Tencent"),
    ("9988.HK", r"अलीबाबा|Alibaba"),
    ("9888.HK", r"बाइडू|बैडू|Baidu"),
    ("SMH", r"सेमीकंडक्टर|semiconductor"),
    ("^GSPC", r"शेयर बाजार|शेयर बाज़ार|stock market"),
)
_SUBJECT_RE = re.compile("|".join(f"(?P<s{i}>{p})" for i, (_, p) in enumerate(SUBJECTS)))
THREE_US_INDICES = ("^DJI", "^GSPC", "^IXIC")

_N = r"[0-9\u0966-\u096F][0-9\u0966-\u096F,.]*"
_SCALE = r"(?:बिलियन|मिलियन|अरब|खरब|ट्रिलियन|करोड़|करोड|लाख|billion|million|trillion)"
_CUR = rf"(?:(?:(?:US|यूएस|अमेरिकी)\s*)?\$\s*{_N}(?:\s*{_SCALE})?|{_N}(?:\s*{_SCALE})?\s*(?:अमेरिकी\s+)?(?:डॉलर|डालर))"
_PCT = rf"{_N}\s*(?:%|प्रतिशत|फ़ीसदी|फीसदी)"
_FALL = r"गिर|गिरावट|लुढ़क|टूट|नीचे"
_RISE = r"चढ़|बढ़|उछल|उछाल|तेजी|तेज़ी|बढ़त|लाभ"
_MV_WORDS = re.compile(r"बाजार मूल्य|बाज़ार मूल्य|मार्केट कैप|बाजार पूंजीकरण|बाज़ार पूंजीकरण|market (?:value|cap)")
_MONTHS_WORD = r"(?:महीने|महीनों|महीना|माह|months?)"
_TAIL = r"[^\s,।.;:—–!?]*"  # the rest of a word, never its punctuation


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern


_RULES: tuple[_Rule, ...] = tuple(
    _Rule(name, re.compile(p))
    for name, p in (
        # a person's wealth first: "संपत्ति में 21 अरब डॉलर की कमी" is not a market-value change
        ("wealth", rf"संपत्ति\s+में\s+(?P<num>{_CUR})\s+की\s+कमी(?:\s+(?:कर\s+दी|आई|हुई))?"),
        ("close", rf"(?P<num>{_CUR})\s*पर\s+बंद(?:\s+(?:हुए|हुआ|हुई|हुईं))?"),
        ("pct_move", rf"(?P<num>{_PCT})(?P<more>\s+से\s+(?:अधिक|ज़्यादा|ज्यादा|ऊपर))?(?P<less>\s+से\s+कम)?\s+(?:की\s+)?"
                     rf"(?P<verb>{_FALL}|{_RISE}){_TAIL}(?:\s+(?:गया|गई|गए|के\s+साथ))?"),
        ("mv_change", rf"(?P<num>{_CUR})\s*(?:की\s+(?:राशि|कमी)\s*)?(?P<verb>मिटा|की\s+कमी|डूब|गंवा|गँवा|स्वाहा){_TAIL}(?:\s+(?:दी|दिए|आई|हुई|गए))?"),
        ("mv_level", rf"(?:{_MV_WORDS.pattern})\s+(?P<num>{_CUR})\s*(?:है|था|हो\s+गया|रह\s+गया)"),
        ("low_about", rf"(?P<about>लगभग|करीब|क़रीब)?\s*(?P<num>{_N}|एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस|ग्यारह|बारह)\s+{_MONTHS_WORD}\s+(?:का|के)\s+(?:निचला|न्यूनतम|सबसे\s+निचला)\s+स्तर"),
        ("low_within", rf"पिछले\s+(?P<num>{_N}|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस|ग्यारह|बारह)\s+{_MONTHS_WORD}\s+में\s+(?:इसका\s+|उसका\s+)?(?:न्यूनतम|सबसे\s+निचला|निचला)\s+स्तर"),
        ("open_gap", rf"(?:शुरुआती\s+)?(?P<verb>बढ़त|तेजी|तेज़ी|गिरावट)\s+के\s+साथ\s+खुल{_TAIL}"),
        ("early_gain", r"ने\s+शुरुआती\s+(?P<verb>लाभ|बढ़त)\s+(?:प्राप्त|हासिल)\s+(?:किया|की|किए)"),
        ("premarket", rf"(?:पूर्व-व्यापार|प्री-मार्केट|प्रीमार्केट|pre-market)\s+में\s+(?P<verb>पलटाव|उछाल|बढ़त|तेजी|गिरावट){_TAIL}(?:\s+(?:किया|की|आया))?"),
        ("second_day", r"(?:बिकवाली|गिरावट)\s+का\s+सिलसिला\s+दूसरे\s+दिन\s+भी\s+जारी\s+(?:रहा|रही)"),
        ("fell_seen", r"(?P<subj>स्टॉक्स|शेयरों|सूचकांक|बाजार|बाज़ार)\s+में\s+(?P<verb>गिरावट|तेजी|तेज़ी)\s+(?:देखी\s+गई|दर्ज\s+की\s+गई|आई)"),
        ("market_fall", r"शेयर\s+(?:बाजार|बाज़ार)\s+में\s+(?P<verb>गिरावट|तेजी|तेज़ी)"),
        ("mixed", r"(?:तीन|3)\s+प्रमुख\s+सूचकांक\s+मिश्रित\s+प्रदर्शन\s+के\s+साथ\s+बंद\s+(?:हुए|हुआ)"),
        ("sector_hit", r"सेमीकंडक्टर[^।,]{0,40}?(?:सामूहिक\s+रूप\s+से\s+)?प्रभावित\s+(?:हुआ|हुए)"),
        ("shares_hit", r"शेयरों\s+को\s+हिट\s+कर\s+दिया\s+गया"),
        ("record", r"सबसे\s+(?:बड़ी|बड़ा)\s+(?:[^\s।,]+\s+){0,4}?गिरावट"),
        ("rank", r"(?:दुनिया|विश्व)\s+की\s+सबसे\s+मूल्यवान"),
        # "10 से अधिक का स्टॉकपाइल बनाया था, 000 nvidia GPUs": 10,000 broken by a stray comma and words
        ("split_count", r"(?P<a>[0-9]{1,3})\s+से\s+अधिक\s+का\s+स्टॉकपाइल[^,।]{0,20},\s*(?P<b>000)\s+(?:nvidia\s+|एनवीडिया\s+)?(?:GPUs|GPU|जीपीयू)"),
    )
)
_WORD_NUMBERS = {"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "सात": 7, "आठ": 8, "नौ": 9,
                 "दस": 10, "ग्यारह": 11, "बारह": 12}
_DEV = str.maketrans("०१२३४५६७८९", "0123456789")


# ------------------------------------------------------------------------------------ text helpers
_STOP = re.compile(r"\s(?=(?:डर\s+है\s+कि|जो|कि|क्योंकि|जबकि|जिससे)\s)")
_LEAD = re.compile(r"\s(?:कि|जबकि|क्योंकि|लेकिन|और)\s")
def _clause(text: str, start: int, end: int, lead: int = 110) -> tuple[int, int]:
    """The clause around text[start:end]: bounded by the sentence and by commas/dashes (not "2,048")."""
    ss, se = sentence_span(text, start, end)
    s = ss
    for m in re.finditer(r",(?![0-9])|—|–|;|:(?!\d)", text[ss:start]):
        s = ss + m.end()
    e = se
    m = re.search(r",(?![0-9])|—|–|;|।", text[end:se])
    if m:
        e = end + m.start()
    if e - end > 60:  # a long tail ("… डर है कि …") adds nothing: stop at a conjunction, else after a few words
        stop = _STOP.search(text, end, e)
        if stop:
            e = stop.start()
        else:
            cut = text.find(" ", end + 45, e)
            e = cut if cut != -1 else e
    if start - s > lead:  # a long lead: start after the last conjunction, else a few words before the claim
        leads = [m for m in _LEAD.finditer(text, s, max(s, start - 20))]
        if leads:
            s = leads[-1].end()
        else:
            cut = text.rfind(" ", s, start - 80)
            s = cut + 1 if cut > s else s
    while s < e and text[s] in " \t\n\"“'‘(":
        s += 1
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    return s, e


def _subjects_in(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    out = []
    for m in _SUBJECT_RE.finditer(text, lo, hi):
        idx = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        out.append((m.start(), SUBJECTS[idx][0]))
    return out


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _subject_before(text: str, pos: int) -> str | None:
    """The nearest subject word before `pos` in its sentence, else earlier in its paragraph."""
    ss, _ = sentence_span(text, pos, pos)
    found = _subjects_in(text, ss, pos) or _subjects_in(text, _paragraph_start(text, pos), pos)
    return found[-1][1] if found else None


def _number_in(mentions: Sequence[Mention], start: int, end: int, units: Iterable[str] | None = None) -> Mention | None:
    allowed = set(units) if units else None
    for m in mentions:
        if m.kind == "number" and m.start < end and start < m.end and (allowed is None or m.unit in allowed):
            return m
    return None


def _digits(s: str) -> str:
    m = re.search(r"[0-9][0-9,]*(?:\.[0-9]+)?", s.translate(_DEV))
    return m.group().replace(",", "") if m else ""


def rounding_step(number_text: str, precision: float) -> float:
    """The rounding a printed number states: its last decimal, or for a whole number ending in zeros the
    last non-zero digit ("600 बिलियन" → 100 billion, "590 अरब" → 10 billion, "17" → 1)."""
    digits = _digits(number_text)
    if not digits or "." in digits or float(digits) == 0:
        return precision
    zeros = len(digits) - len(digits.rstrip("0"))
    return precision * 10**zeros


def _months_value(word: str) -> float:
    return float(_WORD_NUMBERS[word]) if word in _WORD_NUMBERS else float(word.translate(_DEV).replace(",", ""))


# ------------------------------------------------------------------------------------ extraction
@dataclass
class _Ctx:
    text: str
    article: str
    published: date | None
    mentions: list[Mention]
    days: list[Mention]
    last_market_day: tuple[int, date] | None = None


def _day_for(ctx: _Ctx, pos: int) -> date | None:
    """The day a claim at `pos` is about: a day named in its sentence (the last before it, else the first
    after it), else the day of the article's previous market claim, else the nearest day named before it,
    else the publication date."""
    ss, se = sentence_span(ctx.text, pos, pos)
    before = [m for m in ctx.days if ss <= m.start < pos]
    if before:
        return date.fromisoformat(before[-1].value)
    after = [m for m in ctx.days if pos <= m.start < se]
    if after:
        return date.fromisoformat(after[0].value)
    if ctx.last_market_day is not None and ctx.last_market_day[0] < pos:
        return ctx.last_market_day[1]
    earlier = [m for m in ctx.days if m.start < pos]
    if earlier:
        return date.fromisoformat(earlier[-1].value)
    return ctx.published


def _direction(verb: str | None) -> str:
    return "down" if verb and re.match(_FALL, verb) else "up"


def _exchange(symbol: str, registry: Mapping | None) -> str:
    tk = registry.get(symbol) if registry is not None else None
    if tk is not None:
        return tk.exchange
    return {"^N225": "XTKS", "^HSI": "XHKG"}.get(symbol, "XHKG" if symbol.endswith(".HK") else "XNYS")


def _session(day: date | None, symbol: str | None, registry: Mapping | None) -> date | None:
    if day is None or symbol is None:
        return None
    return calendars.session_on_or_before(day, _exchange(symbol, registry)).date()


def _make(ctx: _Ctx, m: re.Match, metric: Metric, operator: Operator, *, symbols: Sequence[str] = (), day: date | None = None,
          num: Mention | None = None, stated: float | None = None, unit: str | None = None, precision: float | None = None,
          direction: str | None = None, reason: str | None = None, registry: Mapping | None = None,
          quote_span: tuple[int, int] | None = None) -> Claim:
    qs, qe = quote_span or _clause(ctx.text, m.start(), m.end())
    session = None
    if day is not None and symbols:
        session = _session(day, symbols[0], registry)
    return Claim(
        id="", article=ctx.article, quote=ctx.text[qs:qe], start=qs, metric=metric, operator=operator, symbols=tuple(symbols),
        session=session, day=day, stated=stated, unit=unit if unit is not None else (num.unit if num else None),
        precision=precision, stated_text=num.text if num else "", qualifier=num.qualifier if num else None,
        direction=direction, reason=reason,
    )


def claims_from_text(text: str, article: str, published: date | None, registry: Mapping | None = None) -> list[Claim]:
    """Every market claim in `text` (and every other number, marked not market data), in reading order.

    Pure: the article's words and publication date in, claims out. Sessions are the symbol's exchange
    session on or before the day the words name (`registry` gives the exchange; defaults by symbol).
    """
    mentions = extract(text, published=published, article=article)
    days = [m for m in mentions if m.kind == "date" and m.granularity == "day" and m.value]
    ctx = _Ctx(text, article, published, mentions, days)
    hits: list[tuple[int, str, re.Match]] = []
    for rule in _RULES:
        hits.extend((m.start(), rule.name, m) for m in rule.pattern.finditer(text))
    hits.sort(key=lambda h: h[0])

    claims: list[Claim] = []
    used: list[tuple[int, int]] = []  # spans of numbers a market rule consumed
    taken: list[tuple[int, int]] = []  # spans of rule matches (a later rule never re-reads them)
    prev_end_in_sentence: dict[int, int] = {}
    for pos, name, m in hits:
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        made = _apply_rule(ctx, name, m, registry, prev_end_in_sentence)
        if not made:
            continue
        taken.append((m.start(), m.end()))
        if "num" in m.groupdict() and m.group("num"):
            used.append((m.start("num"), m.end("num")))
        if any(c.session is not None for c in made):
            ctx.last_market_day = (pos, _day_for(ctx, pos))  # the day the words name, not a shifted session
        ss, _ = sentence_span(text, m.start(), m.end())
        prev_end_in_sentence[ss] = m.end()
        claims.extend(made)

    for mention in mentions:
        if mention.kind != "number" or any(mention.start < b and a < mention.end for a, b in used + taken):
            continue
        claims.append(_not_market(ctx, mention))

    claims.sort(key=lambda c: (c.start, c.metric))
    return _number_ids(_dedupe(claims))


def _apply_rule(ctx: _Ctx, name: str, m: re.Match, registry: Mapping | None, prev_end: dict[int, int]) -> list[Claim]:
    text = ctx.text
    g = m.groupdict()
    pos = m.start()
    if name == "wealth":
        num = _number_in(ctx.mentions, m.start("num"), m.end("num"))
        return [_make(ctx, m, "wealth", "=", num=num, stated=-(num.value if num else 0), reason="wealth")]
    if name == "record":  # the whole clause: what set the record is said before the words "सबसे बड़ी"
        return [_make(ctx, m, "record", "=", symbols=(), reason="record", quote_span=_clause(text, m.start(), m.end(), lead=240))]
    if name == "rank":
        return [_make(ctx, m, "rank", "=", reason="rank")]
    if name == "split_count":
        value = float(g["a"]) * 1000
        c = _make(ctx, m, "not_market", "=", stated=value, unit="GPU", precision=1.0, reason="hardware",
                  quote_span=(m.start(), m.end()))
        return [replace(c, stated_text=m.group(), qualifier="more_than")]

    subject = _subject_before(text, m.end())
    day = _day_for(ctx, pos)
    if name == "close":
        num = _number_in(ctx.mentions, m.start("num"), m.end("num"), ("USD",))
        if num is None or subject is None:
            return []
        return [_make(ctx, m, "close", "≈" if num.qualifier == "about" else "=", symbols=(subject,), day=day, num=num,
                      stated=float(num.value), precision=rounding_step(num.text, num.precision or 0.01), registry=registry)]
    if name == "pct_move":
        num = _number_in(ctx.mentions, m.start("num"), m.end("num"), ("%",))
        if num is None or subject is None:
            return []
        direction = _direction(g["verb"])
        sign = -1.0 if direction == "down" else 1.0
        if g.get("more"):
            op: Operator = "<" if direction == "down" else ">"
        elif g.get("less"):
            op = ">" if direction == "down" else "<"
        else:
            op = "≈" if num.qualifier == "about" else "="
        return [_make(ctx, m, "pct_move", op, symbols=(subject,), day=day, num=num, stated=sign * float(num.value),
                      precision=rounding_step(num.text, num.precision or 1.0), direction=direction, registry=registry)]
    if name in ("mv_change", "mv_level"):
        num = _number_in(ctx.mentions, m.start("num"), m.end("num"), ("USD",))
        ss, se = sentence_span(text, m.start(), m.end())
        if num is None or subject is None or (name == "mv_change" and not _MV_WORDS.search(text, ss, se)):
            return []
        stated = -float(num.value) if name == "mv_change" else float(num.value)
        return [_make(ctx, m, name, "≈" if num.qualifier == "about" else "=", symbols=(subject,), day=day, num=num,
                      stated=stated, precision=rounding_step(num.text, num.precision or 1.0), registry=registry)]
    if name in ("low_about", "low_within"):
        if subject is None:
            return []
        months = _months_value(g["num"])
        about = bool(g.get("about")) if name == "low_about" else False
        c = _make(ctx, m, "low_since", "≈" if about else "≥", symbols=(subject,), day=day, stated=months, unit="month",
                  precision=1.0, registry=registry)
        return [replace(c, stated_text=g["num"], qualifier="about" if about else None)]
    if name in ("open_gap", "premarket"):
        if subject is None:
            return []
        return [_make(ctx, m, name, "direction", symbols=(subject,), day=day, direction=_direction(g["verb"]), registry=registry)]
    if name == "early_gain":
        ss, _ = sentence_span(text, m.start(), m.end())
        lo = max(ss, prev_end.get(ss, ss))
        subs = list(dict.fromkeys(s for _, s in _subjects_in(text, lo, m.start())))
        return [_make(ctx, m, "open_gap", "direction", symbols=(s,), day=day, direction="up", registry=registry,
                      quote_span=_clause_from(text, lo, m.end())) for s in subs]
    if name == "second_day":
        if subject is None or day is None:
            return []
        ex = _exchange(subject, registry)
        first = calendars.previous_session(calendars.session_on_or_before(day, ex), ex).date()
        return [_make(ctx, m, "direction", "direction", symbols=(subject,), day=first, direction="down", registry=registry)]
    if name == "fell_seen":
        if subject is None:
            return []
        morning = bool(re.search(r"सुबह|morning", text[sentence_span(text, pos, pos)[0]:pos]))
        metric: Metric = "open_gap" if morning else "direction"
        return [_make(ctx, m, metric, "direction", symbols=(subject,), day=day, direction=_direction(g["verb"]), registry=registry)]
    if name == "market_fall":
        return [_make(ctx, m, "direction", "direction", symbols=("^GSPC",), day=day, direction=_direction(g["verb"]),
                      registry=registry)]
    if name == "mixed":
        return [_make(ctx, m, "mixed", "direction", symbols=THREE_US_INDICES, day=day, direction="mixed", registry=registry)]
    if name == "sector_hit":
        return [_make(ctx, m, "direction", "direction", symbols=("SMH",), day=day, direction="down", registry=registry)]
    if name == "shares_hit":
        if subject is None:
            return []
        return [_make(ctx, m, "direction", "direction", symbols=(subject,), day=day, direction="down", registry=registry)]
    raise ValueError(f"unknown claim rule {name}")  # pragma: no cover — every rule is handled above


def _clause_from(text: str, lo: int, end: int) -> tuple[int, int]:
    """From `lo` (the end of the sentence's previous claim) to `end`, without the punctuation between."""
    while lo < end and text[lo] in " ,—–;":
        lo += 1
    return lo, end


_NOT_MARKET_REASON = {"chip": "hardware", "GPU": "hardware", "GPU-hour": "compute", "USD/hour": "compute_price",
                      "times": "service_price", "day": "duration", "week": "duration", "month": "duration", "year": "duration",
                      "hour": "duration", "%": "share_other"}


def _not_market(ctx: _Ctx, mention: Mention) -> Claim:
    reason = _NOT_MARKET_REASON.get(mention.unit or "", "other")
    if mention.unit in ("USD", "INR"):
        ss, se = sentence_span(ctx.text, mention.start, mention.end)
        sentence = ctx.text[ss:se]
        reason = "training_cost" if re.search(r"लागत|प्रशिक्षण|ट्रेनिंग|कम्प्यूटिंग|कंप्यूटिंग|cost|training", sentence) else "other"
    qs, qe = _clause(ctx.text, mention.start, mention.end)
    op: Operator = {"about": "≈", "more_than": ">", "less_than": "<"}.get(mention.qualifier or "", "=")  # type: ignore[assignment]
    return Claim(id="", article=ctx.article, quote=ctx.text[qs:qe], start=qs, metric="not_market", operator=op,
                 stated=float(mention.value) if isinstance(mention.value, (int, float)) else None, unit=mention.unit,
                 precision=mention.precision, stated_text=mention.text, qualifier=mention.qualifier, reason=reason)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """A statement repeated in the same article (a summary bullet) is one claim with `repeated` > 0."""
    out: dict[tuple, Claim] = {}
    for c in claims:
        key = (c.metric, c.symbols, c.session, c.stated, c.operator, c.direction, c.reason if c.metric != "not_market" else c.start)
        if key in out:
            out[key] = replace(out[key], repeated=out[key].repeated + 1)
        else:
            out[key] = c
    return list(out.values())


def _number_ids(claims: list[Claim]) -> list[Claim]:
    return [replace(c, id=f"{c.article}.{i:02d}") for i, c in enumerate(claims, start=1)]


def extract_claims(article_ids: Iterable[str] | None = None, registry: Mapping | None = None) -> list[Claim]:
    """The claims of the catalogued articles (all of them by default), anchored on their publication dates."""
    from market_impact.articles import article_text, load_articles
    from market_impact.tickers import load_registry

    articles = load_articles()
    ids = list(article_ids) if article_ids is not None else sorted(articles)
    reg = registry if registry is not None else load_registry()
    out: list[Claim] = []
    for aid in ids:
        if aid not in articles:
            raise BadInput(f"Unknown article {aid!r}; known: {', '.join(sorted(articles))}")
        out.extend(claims_from_text(article_text(aid), aid, articles[aid].published, reg))
    return out


# ------------------------------------------------------------------------------------ evaluation
SharesLookup = Callable[[str, date | None], SharesOutstanding]  # (symbol, claim day) → shares


class _NotCheckable(Exception):
    def __init__(self, reason: str, **extra: object):
        self.reason, self.extra = reason, extra
        super().__init__(reason)


def _share_step(s: SharesOutstanding) -> float:
    """Half the rounding step of the sourced share count ("stated to 0.1 billion" → 0.05e9)."""
    m = re.search(r"([0-9.]+)\s*(billion|million|thousand)?", s.precision or "")
    if not m:
        return 0.0
    scale = {"billion": 1e9, "million": 1e6, "thousand": 1e3}.get(m.group(2) or "", 1.0)
    return float(m.group(1)) * scale / 2


class _Tape:
    """Quoted prices by (symbol, day) from a tidy frame; only symbols with a quoted close are readable."""

    def __init__(self, data: pd.DataFrame, registry: Mapping):
        self.registry = registry
        df = data.copy()
        df["day"] = pd.to_datetime(df["date"]).dt.date
        self.rows = df.set_index(["symbol", "day"]).sort_index()
        self.first = {s: g["day"].min() for s, g in df.groupby("symbol")}

    def check_symbol(self, symbol: str) -> None:
        tk = self.registry.get(symbol)
        if tk is None:
            raise _NotCheckable("unknown_symbol", symbol=symbol)
        if not tk.has_quoted_close:
            raise _NotCheckable("no_quoted_close", symbol=symbol)
        if symbol not in self.first:
            raise _NotCheckable("no_prices", symbol=symbol)

    def value(self, symbol: str, day: date, fld: str) -> PricePoint:
        self.check_symbol(symbol)
        try:
            v = self.rows.loc[(symbol, day), fld]
        except KeyError:
            raise _NotCheckable("no_row", symbol=symbol, day=day) from None
        if isinstance(v, pd.Series):
            v = v.iloc[0]
        if v is None or pd.isna(v):
            raise _NotCheckable("no_open" if fld == "open" else "no_row", symbol=symbol, day=day)
        return PricePoint(symbol, day, fld, float(v))

    def closes(self, symbol: str) -> pd.Series:
        self.check_symbol(symbol)
        s = self.rows.loc[symbol]["close"].dropna()
        return s


def _exchange_of(symbol: str, registry: Mapping) -> str:
    return _exchange(symbol, registry)


def _prev(symbol: str, day: date, registry: Mapping) -> date:
    return calendars.previous_session(day, _exchange_of(symbol, registry)).date()


def _session_required(claim: Claim, symbol: str, registry: Mapping) -> date:
    if claim.session is None:
        raise _NotCheckable("no_day")
    if not calendars.is_session(claim.session, _exchange_of(symbol, registry)):
        raise _NotCheckable("no_session", symbol=symbol, day=claim.session)
    return claim.session


def evaluate_claim(claim: Claim, data: pd.DataFrame, registry: Mapping, shares: SharesLookup = shares_outstanding) -> ClaimResult:
    """Hold one claim against the tape `data` (tidy: date, symbol, open, close …, quoted prices)."""
    return evaluate_claims([claim], data, registry, shares)[0]


def evaluate_claims(claims: Sequence[Claim], data: pd.DataFrame, registry: Mapping,
                    shares: SharesLookup = shares_outstanding) -> list[ClaimResult]:
    tape = _Tape(data, registry)
    out = []
    for c in claims:
        if c.reason is not None:
            out.append(ClaimResult(c, "not checkable", reason=c.reason))
            continue
        try:
            out.append(_EVALUATORS[c.metric](c, tape, registry, shares))
        except _NotCheckable as exc:
            out.append(ClaimResult(c, "not checkable", reason=exc.reason, extra=exc.extra))
    return out


def _compare(claim: Claim, actual: float, tol: float) -> tuple[Verdict, float]:
    stated = float(claim.stated)  # type: ignore[arg-type]
    diff = actual - stated
    op = claim.operator
    if op in ("=", "≈"):
        ok = abs(diff) <= tol + _EPS * max(1.0, abs(stated))
    elif op == ">":
        ok = actual > stated
    elif op == "<":
        ok = actual < stated
    elif op == "≥":
        ok = actual >= stated - _EPS
    else:  # pragma: no cover — direction claims do not come here
        raise ValueError(op)
    return ("supported" if ok else "contradicted"), diff


def _eval_close(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    p = tape.value(sym, day, "close")
    tol = (c.precision or 0.0) / 2
    verdict, diff = _compare(c, p.value, tol)
    return ClaimResult(c, verdict, actual=p.value, difference=diff, tolerance=tol, inputs=(p,))


def _day_move(sym: str, day: date, tape: _Tape, registry: Mapping) -> tuple[float, PricePoint, PricePoint]:
    now = tape.value(sym, day, "close")
    before = tape.value(sym, _prev(sym, day, registry), "close")
    return (now.value / before.value - 1.0) * 100.0, before, now


def _eval_pct(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    pct, before, now = _day_move(sym, day, tape, registry)
    tol = (c.precision or 0.0) / 2
    verdict, diff = _compare(c, pct, tol)
    return ClaimResult(c, verdict, actual=pct, difference=diff, tolerance=tol if c.operator in ("=", "≈") else None,
                       inputs=(before, now))


def _shares(sym: str, shares: SharesLookup, day=None) -> SharesOutstanding:
    try:
        return shares(sym, day)  # the count on the claim's day (a live lookup uses it; the filing has one date)
    except MarketImpactError:
        raise _NotCheckable("no_shares", symbol=sym) from None


def _eval_mv(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    so = _shares(sym, shares, day)
    now = tape.value(sym, day, "close")
    if c.metric == "mv_level":
        actual, inputs, per_share = now.value * so.shares, (now,), now.value
    else:
        before = tape.value(sym, _prev(sym, day, registry), "close")
        per_share = now.value - before.value
        actual, inputs = per_share * so.shares, (before, now)
    tol = (c.precision or 0.0) / 2 + abs(per_share) * _share_step(so)
    verdict, diff = _compare(c, actual, tol)
    return ClaimResult(c, verdict, actual=actual, difference=diff, tolerance=tol, inputs=inputs, shares=so,
                       extra={"per_share": per_share, "share_tolerance": abs(per_share) * _share_step(so)})


def _eval_low(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    now = tape.value(sym, day, "close")
    closes = tape.closes(sym)
    earlier = closes[[d < day for d in closes.index]]
    lower = earlier[earlier <= now.value]
    if lower.empty:
        first = tape.first[sym]
        months = (day - first).days / DAYS_PER_MONTH
        if c.operator == "≥" and months >= float(c.stated or 0):
            return ClaimResult(c, "supported", actual=months, difference=months - float(c.stated or 0), inputs=(now,),
                               extra={"last_lower": None, "data_start": first})
        raise _NotCheckable("history_too_short", symbol=sym, day=first)
    last_day = lower.index[-1]
    last = PricePoint(sym, last_day, "close", float(lower.iloc[-1]))
    months = (day - last_day).days / DAYS_PER_MONTH
    tol = (c.precision or 1.0) / 2
    verdict, diff = _compare(c, months, tol)
    window_min = earlier[[d >= last_day for d in earlier.index]]
    return ClaimResult(c, verdict, actual=months, difference=diff, tolerance=tol if c.operator in ("=", "≈") else None,
                       inputs=(last, now), extra={"last_lower": last_day, "days": (day - last_day).days,
                                                  "sessions_between": int(len(window_min)) - 1})


def _eval_open(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    before = tape.value(sym, _prev(sym, day, registry), "close")
    opened = tape.value(sym, day, "open")
    gap = (opened.value / before.value - 1.0) * 100.0
    ok = gap > 0 if c.direction == "up" else gap < 0
    return ClaimResult(c, "supported" if ok else "contradicted", actual=gap, inputs=(before, opened))


def _eval_direction(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    sym = c.symbol or ""
    day = _session_required(c, sym, registry)
    pct, before, now = _day_move(sym, day, tape, registry)
    ok = pct > 0 if c.direction == "up" else pct < 0
    return ClaimResult(c, "supported" if ok else "contradicted", actual=pct, inputs=(before, now))


def _eval_mixed(c: Claim, tape: _Tape, registry: Mapping, shares: SharesLookup) -> ClaimResult:
    moves: dict[str, float] = {}
    inputs: list[PricePoint] = []
    for sym in c.symbols:
        day = _session_required(c, sym, registry)
        pct, before, now = _day_move(sym, day, tape, registry)
        moves[sym] = pct
        inputs += [before, now]
    ups, downs = sum(v > 0 for v in moves.values()), sum(v < 0 for v in moves.values())
    verdict: Verdict = "supported" if ups and downs else "contradicted"
    return ClaimResult(c, verdict, actual=None, inputs=tuple(inputs), extra={"moves": moves})


_EVALUATORS: dict[str, Callable[[Claim, _Tape, Mapping, SharesLookup], ClaimResult]] = {
    "close": _eval_close, "pct_move": _eval_pct, "mv_change": _eval_mv, "mv_level": _eval_mv, "low_since": _eval_low,
    "open_gap": _eval_open, "premarket": _eval_open, "direction": _eval_direction, "mixed": _eval_mixed,
}


@dataclass(frozen=True)
class ClaimCheck:
    """Every claim of the articles with its result, and the tape they were held against."""

    results: tuple[ClaimResult, ...]
    data: pd.DataFrame
    provenance: object  # prices.Provenance

    def get(self, claim_id: str) -> ClaimResult:
        for r in self.results:
            if r.id == claim_id:
                return r
        raise BadInput(f"No claim {claim_id!r}; claims run from {self.results[0].id} to {self.results[-1].id}.")

    def counts(self) -> dict[str, int]:
        return {v: sum(r.verdict == v for r in self.results) for v in VERDICTS}


def check_claims(article_ids: Iterable[str] | None = None, *, shares: SharesLookup = shares_outstanding,
                 mode: str | None = None) -> ClaimCheck:
    """Extract the articles' claims and hold them against the prices (live → cache → snapshot)."""
    from market_impact.prices import load_prices
    from market_impact.tickers import load_registry

    registry = load_registry()
    claims = extract_claims(article_ids, registry)
    symbols = sorted({s for c in claims if c.reason is None for s in c.symbols if s in registry})
    sessions = [c.session for c in claims if c.session is not None]
    if not symbols or not sessions:
        return ClaimCheck(tuple(evaluate_claims(claims, _EMPTY, registry, shares)), _EMPTY, None)
    start = (pd.Timestamp(min(sessions)) - pd.DateOffset(months=14)).date()
    end = (pd.Timestamp(max(sessions)) + pd.Timedelta(days=10)).date()
    frame = load_prices(symbols, start, end, mode=mode)  # type: ignore[arg-type]
    return ClaimCheck(tuple(evaluate_claims(claims, frame.data, registry, shares)), frame.data, frame.provenance)


_EMPTY = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "symbol": pd.Series(dtype="object"),
                       "open": pd.Series(dtype="float64"), "close": pd.Series(dtype="float64")})


# ------------------------------------------------------------------------------------ presentation
_SCALES = ((1e12, "trillion", "ट्रिलियन"), (1e9, "billion", "अरब"), (1e6, "million", "मिलियन"))


def _money(x: float | None, lang: str, like: float | None = None, step: float | None = None, extra: int = 0) -> str:
    """An amount in the scale of `like` (default: its own), to the decimals `step` states (+`extra`)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    ref = abs(like if like is not None else x)
    scale, en, hi = next((s for s in _SCALES if ref >= s[0]), (1.0, "", ""))
    digits = (max(0, math.ceil(-math.log10(step / scale) - 1e-9)) if step else 1) + extra
    body = format_number(abs(x) / scale, lang, digits)
    sign = "−" if x < 0 and float(body.replace(",", "")) != 0 else ""
    if lang == "hi":
        return f"{sign}{body} {hi} डॉलर".replace("  ", " ")
    return f"{sign}${body} {en}".rstrip()


def _fmt_value(x: float | None, unit: str | None, lang: str, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if unit == "USD":
        if abs(x) >= 1e6:
            return format_money(x, lang)
        s = format_number(abs(x), lang, digits)
        return ("−" if x < 0 else "") + (f"{s} डॉलर" if lang == "hi" else f"${s}")
    if unit == "%":
        return ("+" if x > 0 else "") + format_number(x, lang, digits) + "%"
    if unit == "month":
        return t("claims.months", lang, n=format_number(x, lang, 1))
    return format_number(x, lang, 0 if float(x).is_integer() else digits)


def stated_label(claim: Claim, lang: str = "en") -> str:
    """What the article says, as a short value: "$118.42", "−16.86%", "fall > 3%", "opened higher"."""
    c = claim
    if c.metric in ("open_gap", "premarket"):
        return t(f"claims.dir.open_{c.direction}", lang)
    if c.metric == "direction":
        return t(f"claims.dir.{c.direction}", lang)
    if c.metric == "mixed":
        return t("claims.dir.mixed", lang)
    if c.metric in ("record", "rank"):
        return t(f"claims.metric.{c.metric}", lang)
    if c.stated is None:
        return c.stated_text or "—"
    if c.metric == "low_since":
        n = t("claims.months", lang, n=format_number(c.stated, lang, 0))
        return ("≈ " if c.operator == "≈" else "≥ ") + n
    if c.metric in ("pct_move",) and c.operator in ("<", ">"):
        return f"{c.operator} {_fmt_value(c.stated, '%', lang, _decimals(c.precision))}"
    if c.metric in ("mv_change", "mv_level", "wealth"):
        return ("≈ " if c.operator == "≈" else "") + _money(c.stated, lang, step=c.precision)
    if c.metric == "not_market":
        return c.stated_text
    prefix = "≈ " if c.operator == "≈" else ""
    return prefix + _fmt_value(c.stated, c.unit, lang, _decimals(c.precision))


def _decimals(precision: float | None) -> int:
    if not precision or precision >= 1:
        return 0
    return max(0, round(-math.log10(precision)))


def actual_label(r: ClaimResult, lang: str = "en") -> str:
    """The tape's value, formatted: "$118.42", "−16.97%", "−$592.9 billion", "3.9 months"."""
    c = r.claim
    if r.verdict == "not checkable" and r.actual is None:
        return "—"
    if c.metric == "mixed":
        moves = r.extra.get("moves", {})
        return ", ".join(f"{_short(s)} {_fmt_value(v, '%', lang)}" for s, v in moves.items())  # type: ignore[union-attr]
    if c.metric in ("mv_change", "mv_level"):
        return _money(r.actual, lang, like=c.stated, step=c.precision, extra=1)
    if c.metric == "close":
        return _fmt_value(r.actual, "USD", lang)
    if c.metric == "low_since":
        return _fmt_value(r.actual, "month", lang)
    return _fmt_value(r.actual, "%", lang)


_SHORT = {"^DJI": "Dow", "^GSPC": "S&P 500", "^IXIC": "Nasdaq", "^N225": "Nikkei", "^HSI": "Hang Seng", "^NDX": "Nasdaq-100"}


def _short(symbol: str) -> str:
    return _SHORT.get(symbol, symbol)


def _d(day: date | None, lang: str) -> str:
    return format_date(day, lang) if day is not None else "—"


def _signed(x: float | None) -> str:
    return "—" if x is None else f"{x:+.2f}".replace("-", "−")


def formula(r: ClaimResult, lang: str = "en") -> str:
    """How the tape's number was computed, with the prices put in."""
    c = r.claim
    if not r.inputs and c.metric != "mixed":
        return "—"
    if c.metric == "close":
        p = r.inputs[0]
        return f"close({p.symbol}, {p.day.isoformat()}) = {p.value:,.2f}"
    if c.metric in ("pct_move", "direction"):
        b, n = r.inputs
        return f"{n.value:,.2f} / {b.value:,.2f} − 1 = {_signed(r.actual)}%  [close {n.day.isoformat()} / close {b.day.isoformat()}]"
    if c.metric in ("open_gap", "premarket"):
        b, o = r.inputs
        return f"{o.value:,.2f} / {b.value:,.2f} − 1 = {_signed(r.actual)}%  [open {o.day.isoformat()} / close {b.day.isoformat()}]"
    if c.metric == "mv_change":
        b, n = r.inputs
        so = r.shares
        return (f"({n.value:,.2f} − {b.value:,.2f}) × {so.shares / 1e9:,.1f} {t('claims.billion_short', lang)} {t('claims.shares_word', lang)} = "  # type: ignore[union-attr]
                f"{_money(r.actual, lang, step=1e8)}")
    if c.metric == "mv_level":
        n = r.inputs[0]
        so = r.shares
        return f"{n.value:,.2f} × {so.shares / 1e9:,.1f} {t('claims.billion_short', lang)} {t('claims.shares_word', lang)} = {_money(r.actual, lang, like=1e9, step=1e8)}"  # type: ignore[union-attr]
    if c.metric == "low_since":
        if r.extra.get("last_lower") is None:
            return t("claims.formula.no_lower", lang, day=_d(r.extra.get("data_start"), lang))  # type: ignore[arg-type]
        last, now = r.inputs
        return t("claims.formula.low", lang, close=f"{now.value:,.2f}", day=now.day.isoformat(), last_day=last.day.isoformat(),
                 last_close=f"{last.value:,.2f}", days=r.extra.get("days"), months=format_number(r.actual, lang, 1))
    if c.metric == "mixed":
        parts = []
        it = iter(r.inputs)
        for b, n in zip(it, it, strict=False):
            parts.append(f"{_short(n.symbol)} {n.value:,.2f} / {b.value:,.2f} − 1 = {_signed((n.value / b.value - 1) * 100)}%")
        return "; ".join(parts)
    return "—"


def difference_label(r: ClaimResult, lang: str = "en") -> str:
    c = r.claim
    if r.difference is None:
        return "—"
    if c.metric in ("mv_change", "mv_level"):
        return ("+" if r.difference > 0 else "") + _money(r.difference, lang, like=1e9, step=1e8)
    if c.metric == "close":
        return ("+" if r.difference > 0 else "−" if r.difference < 0 else "") + _fmt_value(abs(r.difference), "USD", lang)
    if c.metric == "low_since":
        return ("+" if r.difference > 0 else "") + _fmt_value(r.difference, "month", lang)
    return t("claims.points", lang, n=("+" if r.difference > 0 else "") + format_number(r.difference, lang, 2))


def tolerance_label(r: ClaimResult, lang: str = "en") -> str:
    c = r.claim
    if r.tolerance is None:
        return "—"
    digits = _decimals(c.precision) + 1
    if c.metric in ("mv_change", "mv_level"):
        return "± " + _money(r.tolerance, lang, like=1e9, step=1e8)
    if c.metric == "close":
        return "± " + _fmt_value(r.tolerance, "USD", lang, digits)
    if c.metric == "low_since":
        return "± " + t("claims.months", lang, n=format_number(r.tolerance, lang, digits))
    return "± " + t("claims.points", lang, n=format_number(r.tolerance, lang, digits))


def explanation(r: ClaimResult, lang: str = "en", with_shares: bool = True) -> str:
    """One or two sentences: why the verdict, in the user's language (+ the share count behind a market value)."""
    c = r.claim
    if r.verdict == "not checkable":
        extra = dict(r.extra)
        return t(f"claims.why.{r.reason}", lang, symbol=extra.get("symbol", c.symbol or ""), day=_d(extra.get("day"), lang))  # type: ignore[arg-type]
    verdict = t(f"claims.verdict.{r.verdict}", lang)
    if c.metric in ("open_gap", "premarket", "direction", "mixed"):
        key = {"open_gap": "claims.explain.open", "premarket": "claims.explain.premarket",
               "direction": "claims.explain.direction", "mixed": "claims.explain.mixed"}[c.metric]
        return t(key, lang, stated=stated_label(c, lang), actual=actual_label(r, lang), verdict=verdict,
                 day=_d(c.session, lang), prev=_d(r.inputs[0].day if r.inputs else None, lang))
    if c.operator in ("<", ">", "≥"):
        text = t("claims.explain.threshold", lang, stated=stated_label(c, lang), actual=actual_label(r, lang), verdict=verdict,
                 day=_d(c.session, lang))
    else:
        text = t("claims.explain.value", lang, stated=stated_label(c, lang), actual=actual_label(r, lang), verdict=verdict,
                 tol=tolerance_label(r, lang), diff=difference_label(r, lang), day=_d(c.session, lang),
                 step=_step_label(c, lang))
    if r.shares is not None and with_shares:
        text += " " + shares_note(r, lang)
    return text


def _step_label(c: Claim, lang: str) -> str:
    if c.precision is None:
        return "—"
    digits = _decimals(c.precision)
    if c.unit == "USD" and c.precision >= 1e6:
        return _money(c.precision, lang, step=c.precision)
    if c.unit == "%":
        return t("claims.points", lang, n=format_number(c.precision, lang, digits))
    if c.unit == "month":
        return t("claims.months", lang, n=format_number(c.precision, lang, digits))
    return _fmt_value(c.precision, c.unit, lang, digits)


def shares_note(r: ClaimResult, lang: str = "en") -> str:
    """The sourced share count behind a market value, shown next to every market-value result."""
    so = r.shares
    if so is None:
        return ""
    return t("claims.shares_note", lang, shares=format_number(so.shares / 1e9, lang, 1), as_of=format_date(so.as_of, lang),
             source=so.source, tol=_money(float(r.extra.get("share_tolerance", 0.0)), lang, step=1e8))  # type: ignore[arg-type]


def metric_label(claim: Claim, lang: str = "en") -> str:
    return t(f"claims.metric.{claim.metric}", lang)


def symbol_label(claim: Claim, registry: Mapping | None, lang: str = "en") -> str:
    if not claim.symbols:
        return "—"
    names = []
    for s in claim.symbols:
        tk = registry.get(s) if registry is not None else None
        names.append(tk.name(lang) if tk is not None else s)
    return ", ".join(names)


def results_table(results: Sequence[ClaimResult], registry: Mapping | None = None, lang: str = "en") -> pd.DataFrame:
    """One row per claim, with localised headers (the page's table and its CSV download)."""
    rows = []
    for r in results:
        c = r.claim
        rows.append({
            t("claims.col.id", lang): c.id,
            t("claims.col.verdict", lang): verdict_badge(r.verdict, lang),
            t("claims.col.subject", lang): symbol_label(c, registry, lang),
            t("claims.col.session", lang): c.session.isoformat() if c.session else "",
            t("claims.col.metric", lang): metric_label(c, lang),
            t("claims.col.stated", lang): stated_label(c, lang),
            t("claims.col.actual", lang): actual_label(r, lang),
            t("claims.col.quote", lang): c.quote,
            t("claims.col.explanation", lang): explanation(r, lang),
            t("claims.col.article", lang): c.article,
        })
    return pd.DataFrame(rows)


VERDICT_ICONS = {"supported": "✔", "contradicted": "✘", "not checkable": "○"}  # in DejaVu Sans: no emoji font needed
VERDICT_COLOURS = {"supported": "green", "contradicted": "red", "not checkable": "gray"}


def verdict_badge(verdict: str, lang: str = "en") -> str:
    return f"{VERDICT_ICONS.get(verdict, '')} {t(f'claims.verdict.{verdict}', lang)}"


def to_json(results: Sequence[ClaimResult]) -> list[dict]:
    """The CLI's JSON: article, quote, metric, stated, actual, verdict, explanation (+ the working)."""
    out = []
    for r in results:
        c = r.claim
        item: dict[str, object] = {
            "id": c.id, "article": c.article, "quote": c.quote, "metric": c.metric, "symbols": list(c.symbols),
            "session": c.session.isoformat() if c.session else None, "operator": c.operator, "direction": c.direction,
            "stated": c.stated, "stated_text": c.stated_text or stated_label(c), "unit": c.unit, "precision": c.precision,
            "actual": None if r.actual is None else round(r.actual, 6), "actual_text": actual_label(r),
            "difference": None if r.difference is None else round(r.difference, 6),
            "tolerance": None if r.tolerance is None else round(r.tolerance, 6),
            "formula": formula(r), "verdict": r.verdict, "explanation": explanation(r), "repeated": c.repeated,
        }
        if r.shares is not None:
            item["shares_outstanding"] = {"shares": r.shares.shares, "as_of": r.shares.as_of.isoformat(), "source": r.shares.source,
                                          "precision": r.shares.precision}
        if c.metric == "mixed":
            item["moves"] = {k: round(float(v), 4) for k, v in dict(r.extra.get("moves", {})).items()}  # type: ignore[arg-type]
        out.append(item)
    return out


def quantity_label(r: ClaimResult, registry: Mapping | None, lang: str = "en") -> str:
    c = r.claim
    return t(f"claims.quantity.{c.quantity}", lang, subject=symbol_label(c, registry, lang), day=_d(c.session, lang))


def disagreement_matrix(results: Sequence[ClaimResult], registry: Mapping | None = None, lang: str = "en",
                        articles: Sequence[str] | None = None) -> pd.DataFrame:
    """The same quantity as each article tells it, next to the tape's value.

    Rows: quantities (Nvidia's move on 27 Jan, its close, the market value lost …) told by at least two
    articles; columns: one per article (its stated value and verdict icon), then the tape.
    """
    groups: dict[tuple, list[ClaimResult]] = {}
    for r in results:
        c = r.claim
        if c.reason is not None or not c.symbols:
            continue
        groups.setdefault((c.quantity, c.symbols, c.session), []).append(r)
    arts = list(articles) if articles is not None else sorted({r.claim.article for r in results})
    rows = []
    for (_quantity, _syms, _session), rs in groups.items():
        if len({r.claim.article for r in rs}) < 2:
            continue
        row = {t("claims.col.quantity", lang): quantity_label(rs[0], registry, lang)}
        for a in arts:
            told = [r for r in rs if r.claim.article == a]
            row[a] = "; ".join(f"{VERDICT_ICONS[r.verdict]} {stated_label(r.claim, lang)}" for r in told)
        tape = next((r for r in rs if r.verdict != "not checkable" and r.claim.metric != "direction"), None) or next(
            (r for r in rs if r.verdict != "not checkable"), None)
        row[t("claims.col.tape", lang)] = actual_label(tape, lang) if tape else "—"
        rows.append(row)
    return pd.DataFrame(rows)


def quote_in_paragraph_html(text: str, start: int, end: int) -> str:
    """The paragraph holding text[start:end] as safe HTML, the quote wrapped in <mark> (all text escaped)."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end == -1 else p_end
    before, quote, after = text[p_start:start], text[start:end], text[end:p_end]
    font = "font-family:'Noto Sans Devanagari','Lohit Devanagari','Noto Sans',sans-serif"
    return (f"<p lang=\"hi\" style=\"{font};line-height:1.9;font-size:1.02rem\">{html.escape(before.lstrip())}"
            f"<mark style=\"background:#ffe58f;padding:0 2px\">{html.escape(quote)}</mark>{html.escape(after.rstrip())}</p>")


def chart_window(r: ClaimResult, data: pd.DataFrame, pad: int = 3) -> pd.DataFrame:
    """The tape rows a claim's mini-chart shows: its days, with `pad` sessions either side."""
    if not r.inputs:
        return data.iloc[0:0]
    syms = list(dict.fromkeys(p.symbol for p in r.inputs))
    first, last = min(p.day for p in r.inputs), max(p.day for p in r.inputs)
    out = []
    for s in syms:
        g = data[data["symbol"] == s].sort_values("date")
        days = pd.to_datetime(g["date"]).dt.date.tolist()
        if not days:
            continue
        lo = max(0, next((i for i, d in enumerate(days) if d >= first), 0) - pad)
        hi = next((i for i, d in enumerate(days) if d > last), len(days)) + pad
        out.append(g.iloc[lo:hi])
    return pd.concat(out, ignore_index=True) if out else data.iloc[0:0]


# ------------------------------------------------------------------------------------ page state
VERDICT_SLUGS: dict[str, Verdict] = {"supported": "supported", "contradicted": "contradicted", "unchecked": "not checkable"}
SLUG_OF: dict[str, str] = {v: k for k, v in VERDICT_SLUGS.items()}


@dataclass(frozen=True)
class ClaimsView:
    """The Claim check page's state, as the URL holds it: ?article=a000,a004&verdict=contradicted&claim=a004.02.

    Empty filters mean "all". Bad values are dropped and reported in `problems` as (name, value, kind)
    with kind "filter" or "claim", so the page can say so and fall back to the default.
    """

    articles: tuple[str, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    claim: str = ""
    problems: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def from_params(cls, params: Mapping[str, str], article_ids: Iterable[str], claim_ids: Iterable[str]) -> ClaimsView:
        known_articles, known_claims = set(article_ids), set(claim_ids)
        problems: list[tuple[str, str, str]] = []

        def parse_list(name: str, known: Iterable[str]) -> tuple[str, ...]:
            raw = str(params.get(name) or "")
            items = [x.strip() for x in raw.split(",") if x.strip()]
            bad = [x for x in items if x not in known]
            if bad:
                problems.append((name, ",".join(bad), "filter"))
            return tuple(dict.fromkeys(x for x in items if x in known))

        articles = parse_list("article", known_articles)
        verdicts = tuple(VERDICT_SLUGS[s] for s in parse_list("verdict", VERDICT_SLUGS))
        claim_id = str(params.get("claim") or "").strip()
        if claim_id and claim_id not in known_claims:
            problems.append(("claim", claim_id, "claim"))
            claim_id = ""
        return cls(articles, verdicts, claim_id, tuple(problems))

    def to_params(self) -> dict[str, object]:
        return {"article": list(self.articles) or None, "verdict": [SLUG_OF[v] for v in self.verdicts] or None,
                "claim": self.claim or None}

    def select(self, results: Sequence[ClaimResult]) -> list[ClaimResult]:
        return [r for r in results if (not self.articles or r.claim.article in self.articles)
                and (not self.verdicts or r.verdict in self.verdicts)]

    def default_claim(self, shown: Sequence[ClaimResult]) -> str:
        """The claim the detail view opens on: the one asked for, else the first contradicted shown, else the first."""
        if self.claim:
            return self.claim
        pick = next((r for r in shown if r.verdict == "contradicted"), shown[0] if shown else None)
        return pick.id if pick else ""
