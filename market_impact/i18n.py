"""Every user-visible string, in English and Hindi, in one table; plus date and number formatting.

Add keys with a prefix for their page ("overview.", "timeline."…). A test fails when a key lacks either
language, so a half-translated string cannot ship.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

LANGS = ("en", "hi")
DEFAULT_LANG = "en"

MONTHS_HI = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
WEEKDAYS_HI = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]

STRINGS: dict[str, dict[str, str]] = {
    # -- app shell --
    "app.title": {"en": "DeepSeek Shock", "hi": "डीपसीक शॉक"},
    "app.tagline": {
        "en": "How DeepSeek-R1 moved Nvidia and the Nasdaq — events from five Hindi news articles, against real prices.",
        "hi": "डीपसीक-आर1 ने एनवीडिया और नैस्डैक को कैसे हिलाया — पाँच हिंदी समाचार लेखों की घटनाएँ, असली कीमतों के सामने।",
    },
    "app.language": {"en": "Language / भाषा", "hi": "भाषा / Language"},
    "app.section_story": {"en": "The story", "hi": "कहानी"},
    "app.section_analyse": {"en": "Analyse", "hi": "विश्लेषण"},
    "app.section_sources": {"en": "Sources", "hi": "स्रोत"},
    "app.error": {
        "en": "Something went wrong on this page: {error}. Your settings are kept; try another choice.",
        "hi": "इस पृष्ठ पर कुछ गड़बड़ हुई: {error}। आपकी सेटिंग्स सुरक्षित हैं; कोई और विकल्प चुनें।",
    },
    "app.bad_param": {
        "en": "The link's parameter {name}={value!r} was not understood ({reason}); showing the default instead.",
        "hi": "लिंक का पैरामीटर {name}={value!r} समझ नहीं आया ({reason}); इसकी जगह डिफ़ॉल्ट दिखाया जा रहा है।",
    },
    # -- pages --
    "page.overview": {"en": "Overview", "hi": "सारांश"},
    "page.data": {"en": "Data & sources", "hi": "डेटा और स्रोत"},
    # -- provenance --
    "prov.snapshot": {"en": "Offline snapshot, as of {as_of}", "hi": "ऑफ़लाइन स्नैपशॉट, {as_of} तक"},
    "prov.live": {"en": "Live, Yahoo Finance (fetched {fetched})", "hi": "लाइव, याहू फ़ाइनेंस ({fetched} पर लिया गया)"},
    "prov.cache": {"en": "Cached from Yahoo Finance, as of {as_of}", "hi": "याहू फ़ाइनेंस से कैश किया गया, {as_of} तक"},
    "prov.why": {"en": "Why not live: {note}", "hi": "लाइव क्यों नहीं: {note}"},
    "prov.missing": {"en": "No prices in this range for: {symbols}", "hi": "इस अवधि में इनकी कीमतें नहीं हैं: {symbols}"},
    "prov.help": {
        "en": "Real daily prices. The snapshot ships with the app (sources in seeds/prices/SOURCES.md); live data is tried first when a network answers within 3 s.",
        "hi": "असली दैनिक कीमतें। स्नैपशॉट ऐप के साथ आता है (स्रोत seeds/prices/SOURCES.md में); नेटवर्क 3 सेकंड में जवाब दे तो पहले लाइव डेटा आज़माया जाता है।",
    },
    # -- overview --
    "overview.title": {"en": "The DeepSeek shock, in prices", "hi": "कीमतों में डीपसीक का झटका"},
    "overview.chart_title": {
        "en": "Normalised to 100 on {base} (last session before R1)",
        "hi": "{base} (आर1 से पहले का आख़िरी सत्र) को 100 मानकर",
    },
    "overview.y_normalised": {"en": "Index (base = 100)", "hi": "सूचकांक (आधार = 100)"},
    # -- data page --
    "data.title": {"en": "What the app knows, and where it came from", "hi": "ऐप क्या जानता है, और वह कहाँ से आया"},
    "data.current_view": {"en": "Current view", "hi": "वर्तमान दृश्य"},
    "data.symbols_table": {"en": "Symbols in the snapshot", "hi": "स्नैपशॉट के प्रतीक"},
    "data.col_symbol": {"en": "Symbol", "hi": "प्रतीक"},
    "data.col_name": {"en": "Name", "hi": "नाम"},
    "data.col_group": {"en": "Group", "hi": "समूह"},
    "data.col_exchange": {"en": "Calendar", "hi": "कैलेंडर"},
    "data.col_currency": {"en": "Currency", "hi": "मुद्रा"},
    "data.col_first": {"en": "First date", "hi": "पहली तारीख"},
    "data.col_last": {"en": "Last date", "hi": "आख़िरी तारीख"},
    "data.col_rows": {"en": "Rows", "hi": "पंक्तियाँ"},
    "data.col_basis": {"en": "Price basis", "hi": "मूल्य आधार"},
    "data.basis.raw_and_adjusted": {
        "en": "quoted close + adjusted close",
        "hi": "उद्धृत क्लोज़ + समायोजित क्लोज़",
    },
    "data.basis.adjusted": {"en": "dividend-adjusted only (no quoted close)", "hi": "केवल लाभांश-समायोजित (उद्धृत क्लोज़ नहीं)"},
    "data.basis.raw": {"en": "quoted prices, not dividend-adjusted", "hi": "उद्धृत कीमतें, लाभांश-समायोजित नहीं"},
    "data.basis.index": {"en": "index level", "hi": "सूचकांक स्तर"},
    "data.close_only": {"en": "close only", "hi": "केवल क्लोज़"},
    "data.provenance": {"en": "Provenance (seeds/prices/SOURCES.md)", "hi": "स्रोत-विवरण (seeds/prices/SOURCES.md)"},
    "data.shares": {"en": "Shares outstanding (for market value)", "hi": "बकाया शेयर (बाज़ार मूल्य के लिए)"},
    "data.retry_live": {"en": "Retry live prices", "hi": "लाइव कीमतें फिर आज़माएँ"},
    "data.download": {"en": "Download the snapshot table (CSV)", "hi": "स्नैपशॉट तालिका डाउनलोड करें (CSV)"},
}


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The string for `key` in `lang`, formatted with `fmt`. A missing key shows the key itself, never a crash."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG) or key
    if fmt:
        try:
            return text.format(**fmt)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def normalise_lang(value: object) -> str:
    return value if value in LANGS else DEFAULT_LANG  # type: ignore[return-value]


def format_date(day: date | pd.Timestamp | str, lang: str = DEFAULT_LANG, weekday: bool = False) -> str:
    """'Mon 27 Jan 2025' / 'सोमवार, 27 जनवरी 2025'."""
    d = pd.Timestamp(day)
    if lang == "hi":
        s = f"{d.day} {MONTHS_HI[d.month - 1]} {d.year}"
        return f"{WEEKDAYS_HI[d.weekday()]}, {s}" if weekday else s
    return d.strftime("%a %d %b %Y" if weekday else "%d %b %Y").lstrip("0")


def _group_indian(int_part: str) -> str:
    if len(int_part) <= 3:
        return int_part
    head, tail = int_part[:-3], int_part[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    if head:
        pairs.insert(0, head)
    return ",".join(pairs) + "," + tail


def format_number(x: float | int | None, lang: str = DEFAULT_LANG, digits: int = 2) -> str:
    """Grouped digits: 1,234,567.89 in English, 12,34,567.89 (lakh/crore grouping) in Hindi."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    s = f"{abs(x):,.{digits}f}"
    if lang == "hi":
        int_part, _, frac = s.replace(",", "").partition(".")
        s = _group_indian(int_part) + (f".{frac}" if frac else "")
    return ("−" if x < 0 and float(s.replace(",", "")) != 0 else "") + s


def format_pct(x: float | None, lang: str = DEFAULT_LANG, digits: int = 2, signed: bool = True) -> str:
    """A fraction as a percentage: -0.1697 → '−16.97%'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    body = format_number(abs(x) * 100, lang, digits)
    sign = "−" if x < 0 else ("+" if signed and x > 0 else "")
    return f"{sign}{body}%"


def format_money(x: float | None, lang: str = DEFAULT_LANG, currency: str = "USD") -> str:
    """Large amounts in words: $588.8 billion / 588.8 अरब डॉलर."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    sign = "−" if x < 0 else ""
    a = abs(x)
    sym = {"USD": "$", "HKD": "HK$", "JPY": "¥"}.get(currency, "")
    if lang == "hi":
        cur = {"USD": "डॉलर", "HKD": "हांगकांग डॉलर", "JPY": "येन"}.get(currency, currency)
        for scale, word in ((1e12, "ट्रिलियन"), (1e9, "अरब"), (1e6, "मिलियन")):
            if a >= scale:
                return f"{sign}{format_number(a / scale, 'hi', 1)} {word} {cur}"
        return f"{sign}{format_number(a, 'hi', 2)} {cur}"
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if a >= scale:
            return f"{sign}{sym}{a / scale:,.1f} {word}"
    return f"{sign}{sym}{a:,.2f}"
