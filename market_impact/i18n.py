"""Every user-visible string, in English and Hindi, in one table; plus date and number formatting.

Add keys with a prefix for their page ("overview.", "timeline."…). A test fails when a key lacks either
language, so a half-translated string cannot ship.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

LANGS = ("en", "hi")
DEFAULT_LANG = "en"

MONTHS_HI = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
WEEKDAYS_HI = ["सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार"]

STRINGS: dict[str, dict[str, str]] = {
    # -- timeline & articles pages (issue 3) --
    "page.timeline": {"en": "Timeline", "hi": "समयरेखा"},
    "page.articles": {"en": "Articles", "hi": "लेख"},
    # -- your article (issue 8) --
    "page.byo": {"en": "Your article", "hi": "आपका लेख"},
    "byo.title": {"en": "Your article → events and claims", "hi": "आपका लेख → घटनाएँ और दावे"},
    "byo.intro": {
        "en": "Upload or paste an article (Hindi or English, up to 1 MB). Its dated sentences become events for the timeline, "
              "the price charts, the event study and the presenter; its market claims are checked against prices. "
              "Everything stays in this browser session: nothing is stored on the server.",
        "hi": "कोई लेख अपलोड करें या चिपकाएँ (हिंदी या अंग्रेज़ी, अधिकतम 1 MB)। उसके तारीख़ वाले वाक्य समयरेखा, मूल्य चार्ट, "
              "इवेंट स्टडी और प्रस्तुति के लिए घटनाएँ बनते हैं; उसके बाज़ार-दावे कीमतों से जाँचे जाते हैं। "
              "सब कुछ इसी ब्राउज़र सत्र में रहता है: सर्वर पर कुछ भी सहेजा नहीं जाता।",
    },
    "byo.tab_upload": {"en": "Upload a file", "hi": "फ़ाइल अपलोड करें"},
    "byo.tab_paste": {"en": "Paste text", "hi": "टेक्स्ट चिपकाएँ"},
    "byo.upload": {"en": "A .txt, .md or .html file, up to 1 MB", "hi": "एक .txt, .md या .html फ़ाइल, अधिकतम 1 MB"},
    "byo.paste": {"en": "Article text", "hi": "लेख का टेक्स्ट"},
    "byo.paste_placeholder": {"en": "Paste the article here, then press Ctrl+Enter", "hi": "लेख यहाँ चिपकाएँ, फिर Ctrl+Enter दबाएँ"},
    "byo.using_upload": {
        "en": "Reading the uploaded file; remove it to use pasted text instead.",
        "hi": "अपलोड की गई फ़ाइल पढ़ी जा रही है; चिपकाया टेक्स्ट इस्तेमाल करने के लिए फ़ाइल हटाएँ।",
    },
    "byo.start": {"en": "Upload a file or paste text to begin.", "hi": "शुरू करने के लिए फ़ाइल अपलोड करें या टेक्स्ट चिपकाएँ।"},
    "byo.read_as": {
        "en": "Read {name}: {chars} characters, {kind}, encoding {encoding}.",
        "hi": "{name} पढ़ा गया: {chars} अक्षर, {kind}, एन्कोडिंग {encoding}।",
    },
    "byo.kind.text": {"en": "plain text", "hi": "सादा टेक्स्ट"},
    "byo.kind.markdown": {"en": "Markdown shown as plain text", "hi": "मार्कडाउन, सादे टेक्स्ट के रूप में"},
    "byo.kind.html": {"en": "HTML reduced to its text", "hi": "HTML, केवल उसका टेक्स्ट"},
    "byo.note.bom": {"en": "It starts with a byte-order mark.", "hi": "इसकी शुरुआत में बाइट-ऑर्डर मार्क है।"},
    "byo.note.utf16_nobom": {"en": "Read as UTF-16 (it has no byte-order mark).", "hi": "UTF-16 के रूप में पढ़ा गया (बाइट-ऑर्डर मार्क नहीं है)।"},
    "byo.note.cp1252": {
        "en": "Not UTF-8: read as Windows-1252. If letters look wrong, save the file as UTF-8.",
        "hi": "UTF-8 नहीं: Windows-1252 के रूप में पढ़ा गया। अक्षर गलत दिखें तो फ़ाइल UTF-8 में सहेजें।",
    },
    "byo.note.html_reduced": {
        "en": "HTML tags were removed; scripts and styles were dropped with their contents.",
        "hi": "HTML टैग हटाए गए; स्क्रिप्ट और स्टाइल अपनी सामग्री सहित हटाए गए।",
    },
    "byo.note.looked_like_html": {"en": "The text contained HTML, so it was read as HTML.", "hi": "टेक्स्ट में HTML था, इसलिए उसे HTML की तरह पढ़ा गया।"},
    "byo.note.controls_removed": {"en": "A few control characters were removed.", "hi": "कुछ नियंत्रण-वर्ण हटाए गए।"},
    "byo.show_text": {"en": "The text as read (plain text)", "hi": "पढ़ा गया टेक्स्ट (सादा)"},
    "byo.published": {"en": "Publication date", "hi": "प्रकाशन तिथि"},
    "byo.published_help": {
        "en": "Anchors weekdays (“Monday”) and relative dates (“last week”). Change it if the guess is wrong.",
        "hi": "सप्ताह के दिन (“सोमवार”) और सापेक्ष तारीख़ें (“पिछले सप्ताह”) इसी से तय होती हैं। अनुमान गलत हो तो बदलें।",
    },
    "byo.published.meta": {"en": "Inferred from the page's own date tag: {evidence}", "hi": "पेज के अपने तारीख़-टैग से अनुमान: {evidence}"},
    "byo.published.dateline": {"en": "Inferred from the dateline: “{evidence}”", "hi": "डेटलाइन से अनुमान: “{evidence}”"},
    "byo.published.latest": {
        "en": "Inferred as the latest full date the text names (“{evidence}”); please check it.",
        "hi": "टेक्स्ट में दी गई सबसे बाद की पूरी तारीख़ (“{evidence}”) से अनुमान; कृपया जाँच लें।",
    },
    "byo.published.none": {
        "en": "The text names no full date: enter the publication date, or weekdays and relative dates stay unplaced.",
        "hi": "टेक्स्ट में कोई पूरी तारीख़ नहीं है: प्रकाशन तिथि दर्ज करें, वरना सप्ताह के दिन और सापेक्ष तारीख़ें तय नहीं होंगी।",
    },
    "byo.events": {"en": "Proposed events", "hi": "प्रस्तावित घटनाएँ"},
    "byo.events_help": {
        "en": "One row per dated sentence. Fix the date, title, category and importance, and tick the rows to keep. "
              "Only events dated to a day appear on the price charts.",
        "hi": "हर तारीख़ वाले वाक्य की एक पंक्ति। तारीख़, शीर्षक, श्रेणी और महत्व ठीक करें, और रखने वाली पंक्तियों पर टिक करें। "
              "मूल्य चार्ट पर केवल दिन तक की तारीख़ वाली घटनाएँ दिखती हैं।",
    },
    "byo.no_events": {"en": "No dated sentence was found.", "hi": "तारीख़ वाला कोई वाक्य नहीं मिला।"},
    "byo.claims": {"en": "Proposed claims", "hi": "प्रस्तावित दावे"},
    "byo.claims_help": {
        "en": "Market claims the checker can hold against prices: the seed articles' Hindi patterns and, in English, "
              "“closed at $…” and “fell/rose N%”. Fix the day if it is wrong.",
        "hi": "बाज़ार-दावे जिन्हें कीमतों से जाँचा जा सकता है: मूल लेखों के हिंदी पैटर्न और अंग्रेज़ी में "
              "“closed at $…” तथा “fell/rose N%”। दिन गलत हो तो ठीक करें।",
    },
    "byo.no_claims": {"en": "No checkable market claim was found.", "hi": "जाँचने योग्य कोई बाज़ार-दावा नहीं मिला।"},
    "byo.other_numbers": {
        "en": "Numbers that are not market data (not checked): {n}.",
        "hi": "बाज़ार डेटा से इतर संख्याएँ (जाँची नहीं गईं): {n}।",
    },
    "byo.col.accept": {"en": "Keep", "hi": "रखें"},
    "byo.col.date": {"en": "Date", "hi": "तारीख़"},
    "byo.col.date_help": {"en": "YYYY-MM-DD, YYYY-MM, YYYY or START..END", "hi": "YYYY-MM-DD, YYYY-MM, YYYY या START..END"},
    "byo.col.title": {"en": "Title", "hi": "शीर्षक"},
    "byo.col.category": {"en": "Category", "hi": "श्रेणी"},
    "byo.col.importance": {"en": "Importance", "hi": "महत्व"},
    "byo.col.importance_help": {
        "en": "1 = key, 2 = notable, 3 = background. Your own events always show on the Overview and Prices charts; the presenter deck and the Timeline filter by importance (1–2 by default in the deck).",
        "hi": "1 = मुख्य, 2 = उल्लेखनीय, 3 = पृष्ठभूमि। आपकी अपनी घटनाएँ सारांश और कीमतों के चार्ट पर हमेशा दिखती हैं; प्रस्तुति और समयरेखा महत्व से छाँटते हैं (प्रस्तुति में पहले से 1–2)।",
    },
    "byo.col.tickers": {"en": "Tickers", "hi": "टिकर"},
    "byo.col.tickers_help": {"en": "Symbols, comma-separated (e.g. NVDA, ^IXIC)", "hi": "प्रतीक, अल्पविराम से अलग (जैसे NVDA, ^IXIC)"},
    "byo.col.quote": {"en": "Sentence (verbatim)", "hi": "वाक्य (ज्यों का त्यों)"},
    "byo.col.subject": {"en": "Subject", "hi": "विषय"},
    "byo.col.what": {"en": "What", "hi": "क्या"},
    "byo.col.says": {"en": "Article says", "hi": "लेख कहता है"},
    "byo.col.day": {"en": "Day", "hi": "दिन"},
    "byo.col.id": {"en": "ID", "hi": "आईडी"},
    "byo.col.article": {"en": "Your article", "hi": "आपका लेख"},
    "byo.accept": {"en": "Accept the ticked rows", "hi": "टिक की गई पंक्तियाँ स्वीकार करें"},
    "byo.accepted_n": {
        "en": "Added {events} events and {claims} claims to this session.",
        "hi": "इस सत्र में {events} घटनाएँ और {claims} दावे जोड़े गए।",
    },
    "byo.refused": {
        "en": "Not added (the catalogue already has these ids): {ids}",
        "hi": "नहीं जोड़े गए (कैटलॉग में ये आईडी पहले से हैं): {ids}",
    },
    "byo.problems": {"en": "Nothing was added. Fix these rows or untick them:", "hi": "कुछ नहीं जोड़ा गया। इन पंक्तियों को ठीक करें या टिक हटाएँ:"},
    "byo.accepted": {"en": "Accepted in this session", "hi": "इस सत्र में स्वीकृत"},
    "byo.accepted_none": {"en": "No events accepted yet.", "hi": "अभी कोई घटना स्वीकार नहीं की गई।"},
    "byo.accepted_caption": {
        "en": "Your {n} events join the catalogue's {catalogue} on the timeline, prices, event study and presenter ({total} in all), "
              "for this session only.",
        "hi": "आपकी {n} घटनाएँ केवल इस सत्र के लिए समयरेखा, कीमतें, इवेंट स्टडी और प्रस्तुति में कैटलॉग की {catalogue} घटनाओं "
              "से जुड़ती हैं (कुल {total})।",
    },
    "byo.remove_pick": {"en": "Events to remove", "hi": "हटाने वाली घटनाएँ"},
    "byo.remove": {"en": "Remove", "hi": "हटाएँ"},
    "byo.clear": {"en": "Remove all", "hi": "सब हटाएँ"},
    "byo.download_yaml": {"en": "Download my events (YAML)", "hi": "मेरी घटनाएँ डाउनलोड करें (YAML)"},
    "byo.load_yaml": {"en": "Load events from a YAML file you downloaded", "hi": "पहले डाउनलोड की गई YAML फ़ाइल से घटनाएँ लोड करें"},
    "byo.loaded_n": {
        "en": "Loaded {n} events from {name}. Their quotes were not checked against a text: the text is not stored.",
        "hi": "{name} से {n} घटनाएँ लोड हुईं। उनके उद्धरण किसी टेक्स्ट से नहीं जाँचे गए: टेक्स्ट सहेजा नहीं जाता।",
    },
    "byo.yaml_problems": {"en": "The file was not loaded. Every problem:", "hi": "फ़ाइल लोड नहीं हुई। सभी समस्याएँ:"},
    "byo.claims_checked": {"en": "Your claims against the prices", "hi": "कीमतों के सामने आपके दावे"},
    "byo.remove_claims_pick": {"en": "Claims to remove", "hi": "हटाने वाले दावे"},
    "byo.prices_failed": {"en": "The prices for the check could not be loaded: {error}", "hi": "जाँच के लिए कीमतें लोड नहीं हो सकीं: {error}"},
    "byo.err.too_large": {
        "en": "{name} is {size}; the limit is 1 MB. Upload a shorter text.",
        "hi": "{name} का आकार {size} है; सीमा 1 MB है। छोटा टेक्स्ट अपलोड करें।",
    },
    "byo.err.empty": {"en": "{name} is empty.", "hi": "{name} खाली है।"},
    "byo.err.blank": {
        "en": "{name} holds no words — only whitespace or punctuation.",
        "hi": "{name} में कोई शब्द नहीं है — केवल खाली जगह या विराम-चिह्न।",
    },
    "byo.err.no_text": {
        "en": "{name} has no visible text once its HTML (tags, scripts, styles) is removed.",
        "hi": "HTML (टैग, स्क्रिप्ट, स्टाइल) हटाने के बाद {name} में कोई दिखने वाला टेक्स्ट नहीं बचता।",
    },
    "byo.err.binary": {
        "en": "{name} looks like {what}, not text. Upload a .txt, .md or .html file.",
        "hi": "{name} टेक्स्ट नहीं, बल्कि {what} लगती है। .txt, .md या .html फ़ाइल अपलोड करें।",
    },
    "byo.err.undecodable": {
        "en": "{name} is not readable text ({detail}): not UTF-8, UTF-16 or clean Windows-1252. Save it as UTF-8 and upload it again.",
        "hi": "{name} पढ़ने योग्य टेक्स्ट नहीं है ({detail}): न UTF-8, न UTF-16, न साफ़ Windows-1252। इसे UTF-8 में सहेजकर फिर अपलोड करें।",
    },
    "byo.err.bad_type": {"en": "{name}: only {types} files can be read.", "hi": "{name}: केवल {types} फ़ाइलें पढ़ी जा सकती हैं।"},
    "timeline.title": {"en": "What happened when — from the articles", "hi": "कब क्या हुआ — लेखों से"},
    "timeline.intro": {
        "en": "Every dated event in the five articles, each tied to its own words. Click a dot to read its quote.",
        "hi": "पाँचों लेखों की हर तारीख़ वाली घटना, अपने ही शब्दों से जुड़ी हुई। उद्धरण पढ़ने के लिए किसी बिंदु पर क्लिक करें।",
    },
    "timeline.lanes": {"en": "Lanes", "hi": "पंक्तियाँ"},
    "timeline.lanes.category": {"en": "By category", "hi": "श्रेणी के अनुसार"},
    "timeline.lanes.article": {"en": "By article", "hi": "लेख के अनुसार"},
    "timeline.filter_article": {"en": "Articles", "hi": "लेख"},
    "timeline.filter_category": {"en": "Categories", "hi": "श्रेणियाँ"},
    "timeline.all": {"en": "All", "hi": "सभी"},
    "timeline.importance": {"en": "Importance", "hi": "महत्व"},
    "timeline.importance.1": {"en": "Key only", "hi": "केवल मुख्य"},
    "timeline.importance.2": {"en": "Key + notable", "hi": "मुख्य + उल्लेखनीय"},
    "timeline.importance.3": {"en": "All", "hi": "सभी"},
    "timeline.preset": {"en": "Dates", "hi": "तारीखें"},
    "timeline.preset.r1weeks": {"en": "The R1 weeks (Dec 2024 – Mar 2025)", "hi": "आर1 के हफ़्ते (दिसं 2024 – मार्च 2025)"},
    "timeline.preset.since2021": {"en": "2021 – 2025", "hi": "2021 – 2025"},
    "timeline.preset.all": {"en": "All (from 1985)", "hi": "सभी (1985 से)"},
    "timeline.preset.custom": {"en": "Custom", "hi": "अपनी तारीखें"},
    "timeline.custom_range": {"en": "From – to", "hi": "से – तक"},
    "timeline.lane_context": {"en": "Outside sources", "hi": "बाहरी स्रोत"},
    "timeline.count": {"en": "{shown} of {total} events shown.", "hi": "{total} में से {shown} घटनाएँ दिखाई गई हैं।"},
    "timeline.none": {
        "en": "No event matches these filters. Widen the dates or clear a filter.",
        "hi": "इन फ़िल्टरों से कोई घटना मेल नहीं खाती। तारीखें बढ़ाएँ या कोई फ़िल्टर हटाएँ।",
    },
    "timeline.click_hint": {
        "en": "Click an event to see its quote, its trading session and a link to the prices.",
        "hi": "किसी घटना पर क्लिक करें: उसका उद्धरण, कारोबारी सत्र और कीमतों का लिंक दिखेगा।",
    },
    "timeline.pick_event": {"en": "…or pick an event", "hi": "…या कोई घटना चुनें"},
    "timeline.pick_none": {"en": "—", "hi": "—"},
    "timeline.hidden_selected": {
        "en": "The selected event is outside the current filters; it is shown below all the same.",
        "hi": "चुनी गई घटना मौजूदा फ़िल्टरों से बाहर है; फिर भी उसे नीचे दिखाया गया है।",
    },
    "timeline.detail": {"en": "The event", "hi": "घटना"},
    "timeline.title_en": {"en": "English", "hi": "अंग्रेज़ी"},
    "timeline.title_hi": {"en": "Hindi", "hi": "हिन्दी"},
    "timeline.when": {"en": "When", "hi": "कब"},
    "timeline.category": {"en": "Category", "hi": "श्रेणी"},
    "timeline.importance_n": {"en": "Importance {n} (1 = key)", "hi": "महत्व {n} (1 = मुख्य)"},
    "timeline.granularity.day": {"en": "to the day", "hi": "दिन तक सटीक"},
    "timeline.granularity.month": {"en": "to the month", "hi": "महीने तक सटीक"},
    "timeline.granularity.year": {"en": "to the year", "hi": "वर्ष तक सटीक"},
    "timeline.granularity.period": {"en": "a period", "hi": "एक अवधि"},
    "timeline.sessions": {"en": "First trading session that can react", "hi": "प्रतिक्रिया दे सकने वाला पहला कारोबारी सत्र"},
    "timeline.no_session": {
        "en": "No single trading session: the articles date this only {granularity}.",
        "hi": "कोई एक कारोबारी सत्र नहीं: लेख इसकी तारीख़ केवल {granularity} बताते हैं।",
    },
    "timeline.exchange.XNYS": {"en": "New York (NYSE)", "hi": "न्यूयॉर्क (NYSE)"},
    "timeline.exchange.XTKS": {"en": "Tokyo", "hi": "टोक्यो"},
    "timeline.exchange.XHKG": {"en": "Hong Kong", "hi": "हांगकांग"},
    "timeline.open_prices": {"en": "Open the price chart around {date} →", "hi": "{date} के आसपास का मूल्य चार्ट खोलें →"},
    "timeline.sources": {"en": "Where it is said", "hi": "कहाँ कहा गया है"},
    "timeline.outside_source": {"en": "Outside source (no article dates this)", "hi": "बाहरी स्रोत (कोई लेख इसकी तारीख़ नहीं देता)"},
    "timeline.context_badge": {"en": "Context event", "hi": "संदर्भ घटना"},
    "timeline.tickers": {"en": "Concerns", "hi": "संबंधित"},
    "timeline.note": {"en": "Note", "hi": "टिप्पणी"},
    "timeline.disagree_intro": {
        "en": "The same fact, told differently by different articles — side by side, each in its own words.",
        "hi": "एक ही तथ्य, अलग-अलग लेखों में अलग ढंग से — आमने-सामने, हर एक अपने शब्दों में।",
    },
    "timeline.conflict": {"en": "Contradiction", "hi": "विरोधाभास"},
    "timeline.wording": {"en": "Differs only in wording or precision", "hi": "केवल शब्दों या सटीकता में अंतर"},
    "timeline.says": {"en": "{article} says: {value}", "hi": "{article} के अनुसार: {value}"},
    "articles.title": {"en": "The five articles", "hi": "पाँच लेख"},
    "articles.intro": {
        "en": "Read each article with its dates and numbers highlighted. A mention inside an event's quote links to that event on the timeline.",
        "hi": "हर लेख पढ़ें, तारीख़ें और संख्याएँ रेखांकित हैं। किसी घटना के उद्धरण के भीतर का उल्लेख समयरेखा पर उस घटना से जुड़ता है।",
    },
    "articles.pick": {"en": "Article", "hi": "लेख"},
    "articles.published": {"en": "Published (inferred)", "hi": "प्रकाशन (अनुमानित)"},
    "articles.reason": {"en": "Why this date", "hi": "यह तारीख़ क्यों"},
    "articles.confidence": {"en": "Confidence: {level}", "hi": "विश्वास: {level}"},
    "articles.confidence.high": {"en": "high", "hi": "उच्च"},
    "articles.confidence.medium": {"en": "medium", "hi": "मध्यम"},
    "articles.confidence.low": {"en": "low", "hi": "कम"},
    "articles.outlet": {"en": "Outlet / credit", "hi": "प्रकाशक / श्रेय"},
    "articles.not_named": {"en": "not named in the text", "hi": "पाठ में नाम नहीं"},
    "articles.mentions": {"en": "{dates} dated mentions · {numbers} numbers", "hi": "{dates} तारीख़ वाले उल्लेख · {numbers} संख्याएँ"},
    "articles.legend": {
        "en": "Blue: dates · orange: numbers · underlined: part of an event (click to open it on the timeline). Hover a mention for its reading.",
        "hi": "नीला: तारीख़ें · नारंगी: संख्याएँ · रेखांकित: किसी घटना का हिस्सा (समयरेखा पर खोलने के लिए क्लिक करें)। अर्थ देखने के लिए उल्लेख पर होवर करें।",
    },
    "articles.events": {"en": "Events drawn from this article ({n})", "hi": "इस लेख से ली गई घटनाएँ ({n})"},
    "articles.open_event": {"en": "open on the timeline", "hi": "समयरेखा पर खोलें"},
    "articles.all_mentions": {"en": "Every mention, as the extractor read it", "hi": "हर उल्लेख, जैसा एक्सट्रैक्टर ने पढ़ा"},
    "articles.col.text": {"en": "Words", "hi": "शब्द"},
    "articles.col.kind": {"en": "Kind", "hi": "प्रकार"},
    "articles.col.value": {"en": "Reading", "hi": "अर्थ"},
    "articles.col.event": {"en": "Event", "hi": "घटना"},
    "articles.kind.date": {"en": "date", "hi": "तारीख़"},
    "articles.kind.number": {"en": "number", "hi": "संख्या"},
    # -- app shell --
    "app.title": {"en": "DeepSeek Shock", "hi": "डीपसीक शॉक"},
    "app.tagline": {
        "en": "How DeepSeek-R1 moved Nvidia and the Nasdaq — events from five Hindi news articles, against real prices.",
        "hi": "डीपसीक-आर1 ने एनवीडिया और नैस्डैक को कैसे हिलाया — पाँच हिंदी समाचार लेखों की घटनाएँ, असली कीमतों के सामने।",
    },
    "app.language": {"en": "Language / भाषा", "hi": "भाषा / Language"},
    "app.view": {"en": "Show", "hi": "दिखाएँ"},
    "prices.view.chart": {"en": "Chart", "hi": "चार्ट"},
    "prices.view.returns": {"en": "Returns table", "hi": "रिटर्न तालिका"},
    "prices.view.map": {"en": "Market map", "hi": "बाज़ार नक्शा"},
    "study.model_box": {"en": "Model, benchmark and estimation window", "hi": "मॉडल, बेंचमार्क और अनुमान अवधि"},
    "study.view.result": {"en": "Result", "hi": "नतीजा"},
    "study.view.tables": {"en": "Tables & tests", "hi": "तालिकाएँ व परीक्षण"},
    "study.view.firms": {"en": "All firms, ranked", "hi": "सभी कंपनियाँ, क्रम से"},
    "study.view.heatmap": {"en": "By window", "hi": "विंडो के अनुसार"},
    "timeline.view.chart": {"en": "Timeline", "hi": "समयरेखा"},
    "timeline.view.disagree": {"en": "Where the articles disagree", "hi": "जहाँ लेख असहमत हैं"},
    "claims.view.claims": {"en": "All claims", "hi": "सभी दावे"},
    "claims.view.detail": {"en": "One claim in detail", "hi": "एक दावा विस्तार से"},
    "claims.view.matrix": {"en": "Where the articles tell the same quantity", "hi": "जहाँ लेख एक ही मात्रा बताते हैं"},
    "app.section_story": {"en": "The story", "hi": "कहानी"},
    "app.section_analyse": {"en": "Analyse", "hi": "विश्लेषण"},
    "app.section_sources": {"en": "Sources", "hi": "स्रोत"},
    "app.error": {
        "en": "Something went wrong on this page: {error}. Your settings are kept; try another choice.",
        "hi": "इस पृष्ठ पर कुछ गड़बड़ हुई: {error}। आपकी सेटिंग्स सुरक्षित हैं; कोई और विकल्प चुनें।",
    },
    "app.bad_catalogue": {
        "en": "The event catalogue ({file}) has {n} bad row(s), so no events are shown; prices still are. Fix these rows:",
        "hi": "घटना सूची ({file}) में {n} ग़लत पंक्ति/पंक्तियाँ हैं, इसलिए घटनाएँ नहीं दिखाई जा रहीं; कीमतें दिख रही हैं। इन पंक्तियों को ठीक करें:",
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
    # -- story (overview narrative + KPIs) --
    "story.narrative": {
        "en": "DeepSeek released R1 on {r1_day}, a US market holiday; its first New York session was the next day. "
        "A week later, on {crash}, Nvidia {nvda_dir} {nvda_pct} (from ${nvda_prev} to ${nvda_close}), wiping about {mv} off its market value "
        "({shares} billion shares). The Nasdaq Composite moved {nasdaq_pct}, the S&P 500 {sp_pct} and the semiconductor ETF (SMH) {smh_pct}. "
        "On {rebound_day} Nvidia recovered {rebound_pct}.",
        "hi": "डीपसीक ने आर1 {r1_day} को जारी किया — उस दिन अमेरिकी बाज़ार बंद थे; न्यूयॉर्क का पहला सत्र अगले दिन था। "
        "एक सप्ताह बाद, {crash} को एनवीडिया {nvda_pct} {nvda_dir} (${nvda_prev} से ${nvda_close}), और उसके बाज़ार मूल्य से लगभग {mv} मिट गए "
        "({shares} अरब शेयर)। नैस्डैक कंपोज़िट {nasdaq_pct}, एसएंडपी 500 {sp_pct} और सेमीकंडक्टर ईटीएफ (SMH) {smh_pct} बदला। "
        "{rebound_day} को एनवीडिया {rebound_pct} सँभला।",
    },
    "story.kpi_nvda": {"en": "Nvidia · {day}", "hi": "एनवीडिया · {day}"},
    "story.kpi_nvda_help": {
        "en": "Quoted close {close} vs {prev} on {prev_day}: {change} per share.",
        "hi": "उद्धृत क्लोज़ {close}, {prev_day} के {prev} के मुकाबले: प्रति शेयर {change}।",
    },
    "story.kpi_mv": {"en": "Nvidia market value", "hi": "एनवीडिया बाज़ार मूल्य"},
    "story.kpi_mv_help": {
        "en": "Change in close × {shares} shares outstanding — {source}",
        "hi": "क्लोज़ में बदलाव × {shares} बकाया शेयर — {source}",
    },
    "story.kpi_nasdaq": {"en": "Nasdaq · {day}", "hi": "नैस्डैक · {day}"},
    "story.kpi_smh": {"en": "Chip ETF (SMH) · {day}", "hi": "चिप ईटीएफ (SMH) · {day}"},
    "story.kpi_rebound": {"en": "Nvidia · {day}", "hi": "एनवीडिया · {day}"},
    "story.sources": {
        "en": "Sources — R1's release date: article {article}, “{quote}”. Prices and moves: computed from the daily closes shown "
        "(Data & sources page). Shares outstanding: {shares}.",
        "hi": "स्रोत — आर1 की रिलीज़ तारीख: लेख {article}, “{quote}”। कीमतें और बदलाव: दिखाए गए दैनिक क्लोज़ से गणना "
        "(डेटा और स्रोत पृष्ठ)। बकाया शेयर: {shares}।",
    },
    "story.fell": {"en": "fell", "hi": "गिरा"},
    "story.rose": {"en": "rose", "hi": "चढ़ा"},
    "story.per_share": {"en": "{change} per share", "hi": "प्रति शेयर {change}"},
    # a metric delta: the sign must come first so Streamlit colours it (issue 7)
    "story.delta_per_share": {"en": "{change} $/share", "hi": "{change} $/शेयर"},
    "story.events_caption": {
        "en": "Diamonds mark the most important events from the articles (hover for the quote); dotted lines are their trading sessions.",
        "hi": "हीरे लेखों की सबसे अहम घटनाएँ दिखाते हैं (उद्धरण के लिए होवर करें); बिंदीदार रेखाएँ उनके कारोबारी सत्र हैं।",
    },
    "story.open_prices": {"en": "Explore every symbol on the Prices page →", "hi": "कीमतें पृष्ठ पर हर प्रतीक देखें →"},
    # -- presenter, exports, downloads (issue 7) --
    "page.presenter": {"en": "Presenter", "hi": "प्रस्तुति"},
    "presenter.deck_title": {"en": "The DeepSeek shock", "hi": "डीपसीक का झटका"},
    "presenter.scope": {"en": "{n} events · {start} – {end}", "hi": "{n} घटनाएँ · {start} – {end}"},
    "presenter.hint": {
        "en": "Next ▶ or the slider moves on; the address bar's link opens the slide on show.",
        "hi": "अगला ▶ या स्लाइडर से आगे बढ़ें; पता-पट्टी का लिंक यही स्लाइड खोलता है।",
    },
    "presenter.session": {"en": "First trading session that could react: {sessions}", "hi": "प्रतिक्रिया दे सकने वाला पहला कारोबारी सत्र: {sessions}"},
    "presenter.session_on": {"en": "{exchange}: {date}", "hi": "{exchange}: {date}"},
    "presenter.no_chart_year": {"en": "Dated only to the year: no price chart.", "hi": "तारीख़ केवल वर्ष तक: कोई मूल्य चार्ट नहीं।"},
    "presenter.no_chart_span": {"en": "No prices in the data for these dates.", "hi": "इन तारीख़ों के लिए डेटा में कीमतें नहीं हैं।"},
    "presenter.chart_title": {"en": "100 = close of {base}, the session before", "hi": "100 = {base} का क्लोज़, यानी पिछला सत्र"},
    "presenter.chart_y": {"en": "Index (100 = before the event)", "hi": "सूचकांक (100 = घटना से पहले)"},
    "presenter.summary_title": {"en": "What the prices say", "hi": "कीमतें क्या कहती हैं"},
    "presenter.no_numbers": {
        "en": "The prices for these numbers could not be loaded, so none are shown.",
        "hi": "इन आँकड़ों की कीमतें लोड नहीं हो सकीं, इसलिए कोई आँकड़ा नहीं दिखाया गया।",
    },
    "presenter.point_nvda": {"en": "{day}: Nvidia {pct}, from ${prev} to ${close}", "hi": "{day}: एनवीडिया {pct}, ${prev} से ${close}"},
    "presenter.point_mv": {
        "en": "About {mv} of Nvidia's market value gone in one day ({shares} billion shares, as of {as_of})",
        "hi": "एक दिन में एनवीडिया के बाज़ार मूल्य से लगभग {mv} साफ़ ({as_of} तक {shares} अरब शेयर)",
    },
    "presenter.point_indices": {
        "en": "Nasdaq Composite {nasdaq} · S&P 500 {sp} · chip ETF SMH {smh}",
        "hi": "नैस्डैक कंपोज़िट {nasdaq} · एसएंडपी 500 {sp} · चिप ईटीएफ SMH {smh}",
    },
    "presenter.point_rebound": {"en": "Next session, {day}: Nvidia {pct}", "hi": "अगला सत्र, {day}: एनवीडिया {pct}"},
    "presenter.summary_footer": {
        "en": "Every number is computed from daily closing prices, none typed in.",
        "hi": "हर आँकड़ा दैनिक बंद भावों से निकाला गया है, कोई भी हाथ से नहीं लिखा गया।",
    },
    "presenter.prev": {"en": "◀ Previous", "hi": "◀ पिछला"},
    "presenter.next": {"en": "Next ▶", "hi": "अगला ▶"},
    "presenter.slider": {"en": "Slide", "hi": "स्लाइड"},
    "presenter.counter": {"en": "Slide {n} of {total}", "hi": "स्लाइड {n} / {total}"},
    "presenter.auto": {"en": "Auto-advance", "hi": "अपने-आप आगे बढ़ें"},
    "presenter.auto_every": {"en": "Seconds per slide", "hi": "हर स्लाइड के सेकंड"},
    "presenter.auto_seconds": {"en": "{n} s", "hi": "{n} सेकंड"},
    "presenter.auto_off": {"en": "Off", "hi": "बंद"},
    "presenter.bad_slide": {"en": "the deck has {n} slides", "hi": "डेक में {n} स्लाइड हैं"},
    "presenter.settings": {"en": "Which events get a slide", "hi": "किन घटनाओं की स्लाइड बने"},
    "presenter.importance": {"en": "Importance", "hi": "महत्व"},
    "presenter.range": {"en": "Events from – to", "hi": "घटनाएँ — से – तक"},
    "presenter.language": {"en": "Slides in", "hi": "स्लाइड की भाषा"},
    "presenter.quote_from": {"en": "— {source}", "hi": "— {source}"},
    "presenter.outside": {"en": "Outside source (no article dates this)", "hi": "बाहरी स्रोत (कोई लेख इसकी तारीख़ नहीं देता)"},
    "presenter.context": {"en": "Context event", "hi": "संदर्भ घटना"},
    "presenter.exports": {"en": "Export", "hi": "निर्यात"},
    "presenter.export_story": {"en": "The whole story as one HTML file (offline, interactive)", "hi": "पूरी कहानी एक HTML फ़ाइल में (ऑफ़लाइन, इंटरैक्टिव)"},
    "presenter.export_slide": {"en": "This slide's chart", "hi": "इस स्लाइड का चार्ट"},
    "presenter.no_events": {
        "en": "No event matches these settings: the deck has only its title and summary. Widen the dates or the importance.",
        "hi": "इन सेटिंग्स से कोई घटना मेल नहीं खाती: डेक में केवल शीर्षक और सारांश हैं। तारीख़ें या महत्व बढ़ाएँ।",
    },
    "presenter.kicker_event": {"en": "{n} / {total} · {category}", "hi": "{n} / {total} · {category}"},
    "export.story_title": {"en": "DeepSeek Shock — the R1 weeks in events and prices", "hi": "डीपसीक शॉक — आर1 के हफ़्ते, घटनाओं और कीमतों में"},
    "export.timeline_title": {"en": "What happened when (from the five articles)", "hi": "कब क्या हुआ (पाँच लेखों से)"},
    "export.provenance": {
        "en": "Prices: {prices}. Events: five Hindi news articles, each event tied to a verbatim quote or, for context, a public source.",
        "hi": "कीमतें: {prices}। घटनाएँ: पाँच हिंदी समाचार लेख, हर घटना किसी हूबहू उद्धरण से या, संदर्भ के लिए, किसी सार्वजनिक स्रोत से जुड़ी।",
    },
    "export.events_heading": {"en": "Events, {start} – {end}", "hi": "घटनाएँ, {start} – {end}"},
    "export.col_date": {"en": "Date", "hi": "तारीख़"},
    "export.col_session": {"en": "First New York session", "hi": "न्यूयॉर्क का पहला सत्र"},
    "export.col_event": {"en": "Event", "hi": "घटना"},
    "export.col_category": {"en": "Category", "hi": "श्रेणी"},
    "export.col_source": {"en": "Source", "hi": "स्रोत"},
    "downloads.html": {"en": "Interactive HTML", "hi": "इंटरैक्टिव HTML"},
    "downloads.html_help": {"en": "One file that opens offline in any browser (plotly.js inside, about 5 MB).", "hi": "एक फ़ाइल जो किसी भी ब्राउज़र में ऑफ़लाइन खुलती है (plotly.js साथ में, लगभग 5 MB)।"},
    "downloads.png": {"en": "PNG image", "hi": "PNG चित्र"},
    "downloads.svg": {"en": "SVG image", "hi": "SVG चित्र"},
    "downloads.image_help": {"en": "Drawn by Chromium when you click; takes a few seconds.", "hi": "क्लिक करने पर Chromium बनाता है; कुछ सेकंड लगते हैं।"},
    "downloads.csv": {"en": "Chart data (CSV)", "hi": "चार्ट का डेटा (CSV)"},
    "downloads.csv_help": {"en": "Every point drawn in the chart, one row per point.", "hi": "चार्ट का हर बिंदु, हर बिंदु की एक पंक्ति।"},
    "downloads.unavailable": {"en": "Image export is not available here: {reason}", "hi": "यहाँ चित्र निर्यात उपलब्ध नहीं है: {reason}"},
    # -- prices page --
    "page.prices": {"en": "Prices", "hi": "कीमतें"},
    "prices.title": {"en": "Prices against events", "hi": "घटनाओं के सामने कीमतें"},
    "prices.symbols": {"en": "Symbols", "hi": "प्रतीक"},
    "prices.add_group": {"en": "Add a whole group", "hi": "पूरा समूह जोड़ें"},
    "prices.add_group_none": {"en": "—", "hi": "—"},
    "prices.live_symbol": {"en": "Any other symbol (live data only)", "hi": "कोई और प्रतीक (केवल लाइव डेटा)"},
    "prices.live_symbol_help": {
        "en": "Live Yahoo Finance is not reachable right now, so only the snapshot's symbols can be shown.",
        "hi": "अभी लाइव याहू फ़ाइनेंस उपलब्ध नहीं है, इसलिए केवल स्नैपशॉट के प्रतीक दिखाए जा सकते हैं।",
    },
    "prices.preset": {"en": "Dates", "hi": "तारीखें"},
    "prices.preset.r1": {"en": "R1 weeks", "hi": "आर1 के सप्ताह"},
    "prices.preset.decfeb": {"en": "Dec–Feb", "hi": "दिसं–फ़र"},
    "prices.preset.all": {"en": "2024–25", "hi": "2024–25"},
    "prices.preset.custom": {"en": "Custom", "hi": "अपनी तारीखें"},
    "prices.custom_range": {"en": "From – to", "hi": "से – तक"},
    "prices.mode": {"en": "Scale", "hi": "पैमाना"},
    "prices.mode.normalised": {"en": "Normalised (100 = base)", "hi": "सामान्यीकृत (100 = आधार)"},
    "prices.mode.absolute": {"en": "Price", "hi": "कीमत"},
    "prices.mode.pct": {"en": "% change since base", "hi": "आधार से % बदलाव"},
    "prices.mode.log": {"en": "Price, log scale", "hi": "कीमत, लॉग पैमाना"},
    "prices.base": {"en": "Base session", "hi": "आधार सत्र"},
    "prices.extras": {"en": "Also draw", "hi": "साथ में दिखाएँ"},
    "prices.candles": {"en": "Candlesticks", "hi": "कैंडलस्टिक"},
    "prices.candles_help": {"en": "Shown with the Price scales, for symbols with open/high/low.", "hi": "कीमत पैमाने पर, ओपन/हाई/लो वाले प्रतीकों के लिए।"},
    "prices.volume": {"en": "Volume pane", "hi": "वॉल्यूम पैनल"},
    "prices.importance": {"en": "Events shown (importance)", "hi": "दिखाई गई घटनाएँ (महत्व)"},
    "prices.importance.1": {"en": "Key only", "hi": "केवल मुख्य"},
    "prices.importance.2": {"en": "Key + notable", "hi": "मुख्य + उल्लेखनीय"},
    "prices.importance.3": {"en": "All", "hi": "सभी"},
    "prices.categories": {"en": "Event categories", "hi": "घटना श्रेणियाँ"},
    "prices.window_event": {"en": "Shade the window around", "hi": "इस घटना के आसपास की अवधि छायांकित करें"},
    "prices.window": {"en": "Window (sessions from the event)", "hi": "अवधि (घटना से सत्र)"},
    "prices.window_label": {"en": "[{a:+d}, {b:+d}] around {event}", "hi": "{event} के आसपास [{a:+d}, {b:+d}]"},
    "prices.chart_title": {"en": "{n} symbols, {start} – {end}", "hi": "{n} प्रतीक, {start} – {end}"},
    "prices.no_symbols": {"en": "Pick at least one symbol.", "hi": "कम से कम एक प्रतीक चुनें।"},
    "prices.returns": {"en": "Daily returns (%)", "hi": "दैनिक रिटर्न (%)"},
    "prices.col_session": {"en": "Session", "hi": "सत्र"},
    "prices.returns_help": {
        "en": "Close-to-close, from adjusted closes where the file has them (total return), else closes.",
        "hi": "क्लोज़-से-क्लोज़, जहाँ समायोजित क्लोज़ हैं वहाँ उनसे (कुल रिटर्न), अन्यथा क्लोज़ से।",
    },
    "prices.download_returns": {"en": "Download returns (CSV)", "hi": "रिटर्न डाउनलोड करें (CSV)"},
    "prices.download_prices": {"en": "Download prices (CSV)", "hi": "कीमतें डाउनलोड करें (CSV)"},
    "prices.map_date": {"en": "Session", "hi": "सत्र"},
    "prices.map_title": {"en": "Every snapshot symbol on {day}, coloured by that day's move", "hi": "{day} को स्नैपशॉट का हर प्रतीक, उस दिन के बदलाव के रंग में"},
    "prices.map_nosession": {"en": "Grey tiles: that exchange had no session on this day.", "hi": "धूसर टाइल: उस दिन उस एक्सचेंज में सत्र नहीं था।"},
    "prices.share_link": {"en": "This view's link (copy to share)", "hi": "इस दृश्य का लिंक (साझा करने के लिए कॉपी करें)"},
    "timeline.lane_user": {"en": "Your article", "hi": "आपका लेख"},
    "downloads.menu": {"en": "Download this chart", "hi": "यह चार्ट डाउनलोड करें"},
    "cat.model release": {"en": "Model release", "hi": "मॉडल रिलीज़"},
    "cat.market move": {"en": "Market move", "hi": "बाज़ार की चाल"},
    "cat.company statement": {"en": "Company statement", "hi": "कंपनी का बयान"},
    "cat.policy/regulation": {"en": "Policy & regulation", "hi": "नीति और विनियमन"},
    "cat.people & funding": {"en": "People & funding", "hi": "लोग और निवेश"},
    "cat.context": {"en": "Context (outside source)", "hi": "संदर्भ (बाहरी स्रोत)"},
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
    "data.shares_cols": {"en": "Symbol|Shares outstanding|As of|Precision|Source", "hi": "प्रतीक|बकाया शेयर|तारीख़ तक|सटीकता|स्रोत"},
    "data.retry_live": {"en": "Retry live prices", "hi": "लाइव कीमतें फिर आज़माएँ"},
    "data.download": {"en": "Download the snapshot table (CSV)", "hi": "स्नैपशॉट तालिका डाउनलोड करें (CSV)"},
    # -- event study --
    "page.study": {"en": "Event study", "hi": "इवेंट स्टडी"},
    "study.title": {"en": "Event study: did the market react?", "hi": "इवेंट स्टडी: क्या बाज़ार ने प्रतिक्रिया दी?"},
    "study.intro": {
        "en": "Pick an event and a window. The model learns each stock's normal relation to its benchmark before the event; the abnormal return (AR) is what the stock did beyond that.",
        "hi": "एक घटना और एक विंडो चुनें। मॉडल घटना से पहले हर शेयर का उसके बेंचमार्क से सामान्य संबंध सीखता है; असामान्य रिटर्न (AR) वह है जो शेयर ने उससे आगे किया।",
    },
    "study.symbols": {"en": "Symbols", "hi": "प्रतीक"},
    "study.benchmark": {"en": "Benchmark", "hi": "बेंचमार्क"},
    "study.benchmark_auto": {"en": "Local index (^GSPC, ^HSI, ^N225)", "hi": "स्थानीय सूचकांक (^GSPC, ^HSI, ^N225)"},
    "study.event": {"en": "Event", "hi": "घटना"},
    "study.event_custom": {"en": "Any date…", "hi": "कोई भी तारीख…"},
    "study.event_date": {"en": "Event date", "hi": "घटना की तारीख"},
    "study.model": {"en": "Model", "hi": "मॉडल"},
    "study.model.market": {"en": "Market model (OLS)", "hi": "मार्केट मॉडल (OLS)"},
    "study.model.market_adjusted": {"en": "Market-adjusted", "hi": "बाज़ार-समायोजित"},
    "study.model.constant_mean": {"en": "Constant mean", "hi": "स्थिर औसत"},
    "study.estimation": {"en": "Estimation window (sessions)", "hi": "अनुमान विंडो (सत्र)"},
    "study.window": {"en": "Event window (sessions, day 0 = event)", "hi": "इवेंट विंडो (सत्र, दिन 0 = घटना)"},
    "study.focus": {"en": "Chart for", "hi": "चार्ट किसका"},
    "study.no_symbols": {"en": "Choose at least one symbol.", "hi": "कम से कम एक प्रतीक चुनें।"},
    "study.cannot": {"en": "The study cannot run with these settings: {error}", "hi": "इन सेटिंग्स के साथ अध्ययन नहीं चल सकता: {error}"},
    "study.skipped": {"en": "Not studied (too little history before the event): {symbols}", "hi": "अध्ययन नहीं हुआ (घटना से पहले का इतिहास बहुत कम): {symbols}"},
    "study.shortened": {
        "en": "{symbol}: estimation window shortened to [{start},{end}] ({n} sessions) — its prices begin {date}.",
        "hi": "{symbol}: अनुमान विंडो घटाकर [{start},{end}] ({n} सत्र) की गई — इसकी कीमतें {date} से शुरू होती हैं।",
    },
    "study.confounders": {
        "en": "Other catalogue events inside the window {window} — possible confounders: {events}",
        "hi": "इसी विंडो {window} में कैटलॉग की दूसरी घटनाएँ — संभावित भ्रामक कारक: {events}",
    },
    "study.session_note": {"en": "Day 0 on {exchange}: {date}", "hi": "{exchange} पर दिन 0: {date}"},
    "study.chart_title": {"en": "{name}: abnormal returns around {date}", "hi": "{name}: {date} के आसपास असामान्य रिटर्न"},
    "study.ar_axis": {"en": "Abnormal return (%)", "hi": "असामान्य रिटर्न (%)"},
    "study.day_axis": {"en": "Sessions relative to the event (day 0)", "hi": "घटना के सापेक्ष सत्र (दिन 0)"},
    "study.ar_in": {"en": "AR in the event window", "hi": "इवेंट विंडो में AR"},
    "study.ar_out": {"en": "AR outside the window", "hi": "विंडो के बाहर AR"},
    "study.car_path": {"en": "CAR (cumulative)", "hi": "CAR (संचयी)"},
    "study.band": {"en": "±1.96·σ̂·√k: 95% range if there were no effect", "hi": "±1.96·σ̂·√k: कोई असर न हो तो 95% दायरा"},
    "study.metric_car": {"en": "CAR {window}", "hi": "CAR {window}"},
    "study.metric_t": {"en": "t-statistic", "hi": "t-सांख्यिकी"},
    "study.metric_p": {"en": "p-value", "hi": "p-मान"},
    "study.metric_beta": {"en": "β vs {benchmark}", "hi": "{benchmark} के सापेक्ष β"},
    "study.results": {"en": "Results for your symbols", "hi": "आपके प्रतीकों के नतीजे"},
    "study.stars_help": {"en": "Stars: *** p < 0.01, ** p < 0.05, * p < 0.10 (two-sided). CAR, α and σ̂ in %.", "hi": "सितारे: *** p < 0.01, ** p < 0.05, * p < 0.10 (दो-तरफ़ा)। CAR, α और σ̂ % में।"},
    "study.col_symbol": {"en": "Symbol", "hi": "प्रतीक"},
    "study.col_name": {"en": "Name", "hi": "नाम"},
    "study.col_group": {"en": "Group", "hi": "समूह"},
    "study.col_window": {"en": "Window", "hi": "विंडो"},
    "study.col_car": {"en": "CAR %", "hi": "CAR %"},
    "study.col_t": {"en": "t", "hi": "t"},
    "study.col_p": {"en": "p", "hi": "p"},
    "study.col_stars": {"en": "Sig.", "hi": "महत्व"},
    "study.col_alpha": {"en": "α % per day", "hi": "α % प्रति दिन"},
    "study.col_beta": {"en": "β", "hi": "β"},
    "study.col_sigma": {"en": "σ̂ % per day", "hi": "σ̂ % प्रति दिन"},
    "study.col_benchmark": {"en": "Benchmark", "hi": "बेंचमार्क"},
    "study.col_days": {"en": "Sessions in window", "hi": "विंडो में सत्र"},
    "study.col_n_est": {"en": "Estimation sessions", "hi": "अनुमान सत्र"},
    "study.col_set": {"en": "Set", "hi": "समूह"},
    "study.col_mean": {"en": "Mean CAR %", "hi": "औसत CAR %"},
    "study.col_pos": {"en": "Positive", "hi": "धनात्मक"},
    "study.col_sign": {"en": "Gen. sign z", "hi": "सामान्यीकृत चिह्न z"},
    "study.col_sign_p": {"en": "Sign p", "hi": "चिह्न p"},
    "study.set_all": {"en": "All {n} snapshot firms", "hi": "स्नैपशॉट की सभी {n} कंपनियाँ"},
    "study.set_selected": {"en": "Your symbols", "hi": "आपके प्रतीक"},
    "study.cross_tests": {"en": "Cross-sectional tests (Patell, BMP, generalized sign)", "hi": "क्रॉस-सेक्शनल परीक्षण (पटेल, BMP, सामान्यीकृत चिह्न)"},
    "study.cross_title": {"en": "CAR {window} of every snapshot firm, ranked", "hi": "स्नैपशॉट की हर कंपनी का CAR {window}, क्रम से"},
    "study.heatmap_title": {"en": "CAR (%) by firm and window", "hi": "कंपनी और विंडो के अनुसार CAR (%)"},
    "study.download": {"en": "Download this table (CSV)", "hi": "यह तालिका डाउनलोड करें (CSV)"},
    "study.formulas": {"en": "How it is computed", "hi": "गणना कैसे होती है"},
    "study.formulas_note": {
        "en": "α̂, β̂ by OLS on the estimation window; σ̂ from its residuals with n − 2 degrees of freedom (n − 1 for constant mean, n for market-adjusted). Missing days are dropped, never filled. Patell and BMP standardise each AR by σ̂ and the forecast error; the generalized sign test compares the share of positive CARs with the share of positive ARs before the event.",
        "hi": "α̂, β̂ अनुमान विंडो पर OLS से; σ̂ उसके अवशेषों से, n − 2 स्वतंत्रता-कोटि के साथ (स्थिर औसत में n − 1, बाज़ार-समायोजित में n)। छूटे दिन हटाए जाते हैं, भरे नहीं जाते। पटेल और BMP हर AR को σ̂ और पूर्वानुमान-त्रुटि से मानकीकृत करते हैं; सामान्यीकृत चिह्न परीक्षण धनात्मक CAR के हिस्से की तुलना घटना से पहले धनात्मक AR के हिस्से से करता है।",
    },
    "study.reading_title": {"en": "What it means", "hi": "इसका मतलब"},
    "study.one_day": {"en": "on the event day", "hi": "घटना के दिन"},
    "study.days": {"en": "over the window {window} ({n} sessions)", "hi": "विंडो {window} ({n} सत्र) में"},
    "study.worse": {"en": "worse", "hi": "बदतर"},
    "study.better": {"en": "better", "hi": "बेहतर"},
    "study.read_main.market": {
        "en": "Event session {date}: {days}, {name} did {car} {direction} than its usual relation to {benchmark} predicted (cumulative abnormal return, CAR).",
        "hi": "घटना का सत्र {date}: {days} {name} ने {benchmark} से अपने सामान्य संबंध के अनुमान से {car} {direction} प्रदर्शन किया (संचयी असामान्य रिटर्न, CAR)।",
    },
    "study.read_main.market_adjusted": {
        "en": "Event session {date}: {days}, {name} did {car} {direction} than {benchmark} (cumulative abnormal return, CAR).",
        "hi": "घटना का सत्र {date}: {days} {name} ने {benchmark} से {car} {direction} प्रदर्शन किया (संचयी असामान्य रिटर्न, CAR)।",
    },
    "study.read_main.constant_mean": {
        "en": "Event session {date}: {days}, {name} did {car} {direction} than its own average day before the event (cumulative abnormal return, CAR).",
        "hi": "घटना का सत्र {date}: {days} {name} ने घटना से पहले के अपने औसत दिन से {car} {direction} प्रदर्शन किया (संचयी असामान्य रिटर्न, CAR)।",
    },
    "study.read_outside": {
        "en": "Outside this window: the chart's largest abnormal return, {ar} on {date} (day {day}), more than three times an ordinary day's swing. The window {wider} takes it in.",
        "hi": "इस विंडो के बाहर: चार्ट का सबसे बड़ा असामान्य रिटर्न, {date} (दिन {day}) को {ar} — सामान्य दिन के उतार-चढ़ाव के तीन गुने से भी ज़्यादा। विंडो {wider} इसे शामिल करती है।",
    },
    "study.read_stats": {
        "en": "On an ordinary day its abnormal return swings by about {sigma}, so for this window the standard error is {se}. The ratio is t = {tstat} (p {p}): {verdict}",
        "hi": "सामान्य दिन में इसका असामान्य रिटर्न लगभग {sigma} ऊपर-नीचे होता है, इसलिए इस विंडो की मानक त्रुटि {se} है। अनुपात t = {tstat} (p {p}): {verdict}",
    },
    "study.read_beta": {
        "en": "Before the event (over {n} sessions) {name} moved on average {beta} times as much as {benchmark}; that is the yardstick.",
        "hi": "घटना से पहले ({n} सत्रों में) {name} औसतन {benchmark} से {beta} गुना हिला; यही पैमाना है।",
    },
    "study.read_cross": {
        "en": "Across {n} firms ({universe}) the mean CAR was {mean}, {pos} of them positive; the BMP test gives t = {bmp} (p {p}): {verdict}",
        "hi": "{n} कंपनियों ({universe}) में औसत CAR {mean} रहा, इनमें {pos} धनात्मक; BMP परीक्षण t = {bmp} (p {p}) देता है: {verdict}",
    },
    "study.read_confounders": {
        "en": "Caution: other events fall in the same window — {events} — so the move cannot be put down to this event alone.",
        "hi": "सावधानी: इसी विंडो में दूसरी घटनाएँ भी हैं — {events} — इसलिए इस हलचल को अकेले इस घटना से नहीं जोड़ा जा सकता।",
    },
    "study.verdict_1": {"en": "very unlikely on an ordinary day (significant at 1%).", "hi": "सामान्य दिन में बहुत असंभावित (1% पर महत्वपूर्ण)।"},
    "study.verdict_5": {"en": "unlikely on an ordinary day (significant at 5%).", "hi": "सामान्य दिन में असंभावित (5% पर महत्वपूर्ण)।"},
    "study.verdict_10": {"en": "only weak evidence (significant at 10%).", "hi": "केवल कमज़ोर प्रमाण (10% पर महत्वपूर्ण)।"},
    "study.verdict_none": {"en": "within the range of ordinary days — not statistically significant.", "hi": "सामान्य दिनों के दायरे में — सांख्यिकीय रूप से महत्वपूर्ण नहीं।"},
    # -- claim check (pages/claims.py, market_impact/claims.py) --
    "page.claims": {"en": "Claim check", "hi": "दावों की जाँच"},
    "claims.title": {"en": "The articles' numbers against the tape", "hi": "लेखों के आँकड़े, असली कीमतों के सामने"},
    "claims.intro": {
        "en": "Every market claim in the five articles, held against quoted (unadjusted) daily prices — each only as precisely as the article states it. Numbers that are not market data (training costs, chip counts) are listed as not checkable, with the reason.",
        "hi": "पाँचों लेखों का हर बाज़ार-संबंधी दावा, उद्धृत (असमायोजित) दैनिक कीमतों के सामने — हर दावा उतनी ही सटीकता से जाँचा गया जितनी लेख बताता है। जो आँकड़े बाज़ार डेटा नहीं हैं (प्रशिक्षण लागत, चिप्स की संख्या), वे कारण सहित 'जाँच योग्य नहीं' दिखाए गए हैं।",
    },
    "claims.filter_article": {"en": "Articles", "hi": "लेख"},
    "claims.filter_verdict": {"en": "Verdicts", "hi": "निर्णय"},
    "claims.all": {"en": "All", "hi": "सभी"},
    "claims.count": {
        "en": "{n} claims shown — {supported} supported, {contradicted} contradicted, {unchecked} not checkable.",
        "hi": "{n} दावे दिखाए गए — {supported} पुष्ट, {contradicted} खंडित, {unchecked} जाँच योग्य नहीं।",
    },
    "claims.none": {"en": "No claims match these filters; choose more articles or verdicts.", "hi": "इन फ़िल्टरों से कोई दावा मेल नहीं खाता; और लेख या निर्णय चुनें।"},
    "claims.click_hint": {"en": "Click a row to see that claim in detail.", "hi": "किसी दावे को विस्तार से देखने के लिए उसकी पंक्ति पर क्लिक करें।"},
    "claims.pick": {"en": "Claim", "hi": "दावा"},
    "claims.in_paragraph": {"en": "The quote in its paragraph ({article})", "hi": "अपने अनुच्छेद में उद्धरण ({article})"},
    "claims.stated_value": {"en": "The article says", "hi": "लेख कहता है"},
    "claims.tape_value": {"en": "The tape says", "hi": "टेप कहता है"},
    "claims.formula_label": {"en": "Formula", "hi": "सूत्र"},
    "claims.difference": {"en": "Difference (tape − article)", "hi": "अंतर (टेप − लेख)"},
    "claims.tolerance": {"en": "Allowed by the stated precision", "hi": "बताई गई सटीकता से स्वीकार्य"},
    "claims.repeated": {"en": "The article states this {n} more time(s) (e.g. in its summary).", "hi": "लेख यह बात {n} बार और कहता है (जैसे सारांश में)।"},
    "claims.chart_title": {"en": "{subject}: the days involved", "hi": "{subject}: संबंधित दिन"},
    "claims.chart_move_title": {"en": "Moves on {day}", "hi": "{day} के बदलाव"},
    "claims.y_price": {"en": "Quoted price", "hi": "उद्धृत कीमत"},
    "claims.y_move": {"en": "Change vs previous close (%)", "hi": "पिछले क्लोज़ से बदलाव (%)"},
    "claims.point_close": {"en": "close", "hi": "क्लोज़"},
    "claims.point_open": {"en": "open", "hi": "ओपन"},
    "claims.no_chart": {"en": "No prices to draw for this claim.", "hi": "इस दावे के लिए दिखाने को कीमतें नहीं हैं।"},
    "claims.matrix_help": {
        "en": "The same quantity as each article tells it (✔ supported, ✘ contradicted, ○ not checkable), next to the tape's value.",
        "hi": "हर लेख एक ही मात्रा को कैसे बताता है (✔ पुष्ट, ✘ खंडित, ○ जाँच योग्य नहीं), और उसके साथ टेप का मान।",
    },
    "claims.download": {"en": "Download the claims (CSV)", "hi": "दावे डाउनलोड करें (CSV)"},
    "claims.bad_claim": {"en": "no such claim", "hi": "ऐसा कोई दावा नहीं"},
    "claims.bad_filter": {"en": "unknown value", "hi": "अज्ञात मान"},
    "claims.months": {"en": "{n} months", "hi": "{n} महीने"},
    "claims.shares_word": {"en": "shares", "hi": "शेयर"},
    "claims.billion_short": {"en": "bn", "hi": "अरब"},
    "claims.points": {"en": "{n} pp", "hi": "{n} प्रतिशत अंक"},
    "claims.formula.low": {
        "en": "last close at or below {close} before {day}: {last_close} on {last_day}; {days} days = {months} months",
        "hi": "{day} से पहले {close} या उससे कम का आख़िरी क्लोज़: {last_day} को {last_close}; {days} दिन = {months} महीने",
    },
    "claims.formula.no_lower": {"en": "no lower close since the data begin ({day})", "hi": "डेटा की शुरुआत ({day}) से कोई निचला क्लोज़ नहीं"},
    "claims.verdict.supported": {"en": "supported", "hi": "पुष्ट"},
    "claims.verdict.contradicted": {"en": "contradicted", "hi": "खंडित"},
    "claims.verdict.not checkable": {"en": "not checkable", "hi": "जाँच योग्य नहीं"},
    "claims.explain.value": {
        "en": "The tape says {actual} on {day}; the article says {stated}, stated to {step} (allowed {tol}). Difference {diff}: {verdict}.",
        "hi": "{day} को टेप के अनुसार {actual}; लेख कहता है {stated}, {step} तक (स्वीकार्य {tol})। अंतर {diff}: {verdict}।",
    },
    "claims.explain.threshold": {
        "en": "The tape says {actual} on {day}; the article says {stated}: {verdict}.",
        "hi": "{day} को टेप के अनुसार {actual}; लेख कहता है {stated}: {verdict}।",
    },
    "claims.explain.direction": {
        "en": "On {day} it moved {actual} (close against the previous close, {prev}); the article says it {stated}: {verdict}.",
        "hi": "{day} को बदलाव {actual} रहा (पिछले क्लोज़, {prev}, के मुकाबले); लेख कहता है कि यह {stated}: {verdict}।",
    },
    "claims.explain.open": {
        "en": "On {day} it opened {actual} against the previous close ({prev}); the article says it {stated}: {verdict}.",
        "hi": "{day} को यह पिछले क्लोज़ ({prev}) के मुकाबले {actual} पर खुला; लेख कहता है कि यह {stated}: {verdict}।",
    },
    "claims.explain.premarket": {
        "en": "Pre-market quotes are not in the daily tape; the nearest figure is the open: on {day} it opened {actual} against the previous close ({prev}). The article says it rebounded before the open: {verdict}.",
        "hi": "प्री-मार्केट भाव दैनिक टेप में नहीं होते; सबसे नज़दीकी आँकड़ा ओपन है: {day} को यह पिछले क्लोज़ ({prev}) के मुकाबले {actual} पर खुला। लेख कहता है कि खुलने से पहले इसमें उछाल आया: {verdict}।",
    },
    "claims.explain.mixed": {
        "en": "On {day}: {actual}; the article says the indices closed mixed: {verdict}.",
        "hi": "{day} को: {actual}; लेख कहता है कि सूचकांक मिश्रित बंद हुए: {verdict}।",
    },
    "claims.shares_note": {
        "en": "Market value uses {shares} billion shares outstanding as of {as_of} (source: {source}); their rounding adds ±{tol} to the allowance.",
        "hi": "बाज़ार मूल्य में {as_of} तक के {shares} अरब बकाया शेयर लिए गए (स्रोत: {source}); उनकी गोलाई से स्वीकार्य अंतर में ±{tol} जुड़ता है।",
    },
    "claims.shares_caption": {"en": "Shares outstanding: {shares} billion — {source} (as of {as_of})", "hi": "बकाया शेयर: {shares} अरब — {source} ({as_of} तक)"},
    "claims.dir.up": {"en": "rose", "hi": "चढ़ा"},
    "claims.dir.down": {"en": "fell", "hi": "गिरा"},
    "claims.dir.mixed": {"en": "closed mixed", "hi": "मिश्रित बंद हुए"},
    "claims.dir.open_up": {"en": "opened higher", "hi": "बढ़त के साथ खुला"},
    "claims.dir.open_down": {"en": "opened lower", "hi": "गिरावट के साथ खुला"},
    "claims.metric.close": {"en": "Close price", "hi": "बंद भाव"},
    "claims.metric.pct_move": {"en": "Day's % move", "hi": "दिन का % बदलाव"},
    "claims.metric.mv_change": {"en": "Market value lost/gained", "hi": "बाज़ार मूल्य में कमी/बढ़त"},
    "claims.metric.mv_level": {"en": "Market value", "hi": "बाज़ार मूल्य"},
    "claims.metric.low_since": {"en": "N-month low", "hi": "N महीने का निचला स्तर"},
    "claims.metric.open_gap": {"en": "Opened higher/lower", "hi": "ऊपर/नीचे खुलना"},
    "claims.metric.premarket": {"en": "Pre-market rebound", "hi": "प्री-मार्केट उछाल"},
    "claims.metric.direction": {"en": "Rose/fell on the day", "hi": "दिन में चढ़ा/गिरा"},
    "claims.metric.mixed": {"en": "Indices mixed", "hi": "सूचकांक मिश्रित"},
    "claims.metric.record": {"en": "Record claim", "hi": "रिकॉर्ड का दावा"},
    "claims.metric.rank": {"en": "Ranking by value", "hi": "मूल्य के हिसाब से स्थान"},
    "claims.metric.wealth": {"en": "Personal wealth", "hi": "व्यक्तिगत संपत्ति"},
    "claims.metric.not_market": {"en": "Not market data", "hi": "बाज़ार डेटा नहीं"},
    "claims.quantity.close": {"en": "{subject}: close on {day}", "hi": "{subject}: {day} का बंद भाव"},
    "claims.quantity.day_move": {"en": "{subject}: move on {day}", "hi": "{subject}: {day} का बदलाव"},
    "claims.quantity.mv_change": {"en": "{subject}: market value change on {day}", "hi": "{subject}: {day} को बाज़ार मूल्य में बदलाव"},
    "claims.quantity.mv_level": {"en": "{subject}: market value on {day}", "hi": "{subject}: {day} को बाज़ार मूल्य"},
    "claims.quantity.low_since": {"en": "{subject}: a low since how long, {day}", "hi": "{subject}: {day} का भाव कितने समय का निचला स्तर"},
    "claims.quantity.open_gap": {"en": "{subject}: opening on {day}", "hi": "{subject}: {day} की शुरुआत"},
    "claims.quantity.mixed": {"en": "{subject}: moves on {day}", "hi": "{subject}: {day} के बदलाव"},
    "claims.col.id": {"en": "ID", "hi": "आईडी"},
    "claims.col.article": {"en": "Article", "hi": "लेख"},
    "claims.col.quote": {"en": "Quote", "hi": "उद्धरण"},
    "claims.col.subject": {"en": "Subject", "hi": "विषय"},
    "claims.col.session": {"en": "Session", "hi": "सत्र"},
    "claims.col.metric": {"en": "What", "hi": "क्या"},
    "claims.col.stated": {"en": "Article says", "hi": "लेख कहता है"},
    "claims.col.actual": {"en": "Tape says", "hi": "टेप कहता है"},
    "claims.col.verdict": {"en": "Verdict", "hi": "निर्णय"},
    "claims.col.explanation": {"en": "Why", "hi": "क्यों"},
    "claims.col.quantity": {"en": "Quantity", "hi": "मात्रा"},
    "claims.col.tape": {"en": "Tape", "hi": "टेप"},
    "claims.why.record": {
        "en": "A record across every listed company and all of history: the prices here cover about 120 symbols since 2024, not every company ever.",
        "hi": "सभी सूचीबद्ध कंपनियों और पूरे इतिहास का रिकॉर्ड: यहाँ की कीमतें 2024 से लगभग 120 प्रतीकों की हैं, हर कंपनी की नहीं।",
    },
    "claims.why.rank": {
        "en": "A ranking by market value needs every large company's share count; only Nvidia's is sourced here.",
        "hi": "बाज़ार मूल्य के हिसाब से स्थान के लिए हर बड़ी कंपनी के शेयरों की संख्या चाहिए; यहाँ केवल एनवीडिया की स्रोत-सहित है।",
    },
    "claims.why.wealth": {
        "en": "A person's wealth needs the size of his shareholding, which is not in the price data.",
        "hi": "किसी व्यक्ति की संपत्ति के लिए उसकी शेयरधारिता का आकार चाहिए, जो कीमतों के डेटा में नहीं है।",
    },
    "claims.why.hardware": {"en": "A count of chips or GPUs: not market data.", "hi": "चिप्स या जीपीयू की संख्या: यह बाज़ार डेटा नहीं है।"},
    "claims.why.compute": {"en": "Computing time used for training (GPU hours): not market data.", "hi": "प्रशिक्षण में लगा कंप्यूटिंग समय (जीपीयू घंटे): यह बाज़ार डेटा नहीं है।"},
    "claims.why.compute_price": {"en": "A rental price of computing time: not market data.", "hi": "कंप्यूटिंग समय का किराया: यह बाज़ार डेटा नहीं है।"},
    "claims.why.service_price": {"en": "A comparison of AI service prices: not market data.", "hi": "एआई सेवाओं की कीमतों की तुलना: यह बाज़ार डेटा नहीं है।"},
    "claims.why.duration": {"en": "A length of time (a training period): not market data.", "hi": "समय की अवधि (प्रशिक्षण की अवधि): यह बाज़ार डेटा नहीं है।"},
    "claims.why.share_other": {"en": "A share of resources, not a price move: not market data.", "hi": "संसाधनों का हिस्सा, कीमत का बदलाव नहीं: यह बाज़ार डेटा नहीं है।"},
    "claims.why.training_cost": {
        "en": "A training or computing cost: not market data; no price series can confirm it.",
        "hi": "प्रशिक्षण या कंप्यूटिंग की लागत: यह बाज़ार डेटा नहीं है; कोई कीमत-शृंखला इसकी पुष्टि नहीं कर सकती।",
    },
    "claims.why.other": {"en": "Not a market quantity.", "hi": "यह बाज़ार की मात्रा नहीं है।"},
    "claims.why.unknown_symbol": {"en": "{symbol} is not in the ticker registry.", "hi": "{symbol} टिकर सूची में नहीं है।"},
    "claims.why.no_quoted_close": {
        "en": "{symbol} has only dividend-adjusted prices in the data (no quoted, unadjusted prices), so the article's figure cannot be checked.",
        "hi": "डेटा में {symbol} की केवल लाभांश-समायोजित कीमतें हैं (उद्धृत, असमायोजित नहीं), इसलिए लेख का आँकड़ा जाँचा नहीं जा सकता।",
    },
    "claims.why.no_prices": {"en": "No prices for {symbol} in the data.", "hi": "डेटा में {symbol} की कीमतें नहीं हैं।"},
    "claims.why.no_row": {"en": "No price for {symbol} on {day}.", "hi": "{day} को {symbol} की कीमत नहीं है।"},
    "claims.why.no_open": {"en": "No opening price for {symbol} on {day}.", "hi": "{day} को {symbol} का शुरुआती भाव नहीं है।"},
    "claims.why.no_day": {"en": "The article names no day for this.", "hi": "लेख इसके लिए कोई दिन नहीं बताता।"},
    "claims.why.no_session": {"en": "{day} was not a trading session for {symbol}.", "hi": "{day} को {symbol} का कारोबारी सत्र नहीं था।"},
    "claims.why.no_shares": {
        "en": "No sourced shares-outstanding figure for {symbol}, so its market value cannot be computed.",
        "hi": "{symbol} के बकाया शेयरों का स्रोत-सहित आँकड़ा नहीं है, इसलिए उसका बाज़ार मूल्य नहीं निकाला जा सकता।",
    },
    "claims.why.history_too_short": {
        "en": "The data for {symbol} begin on {day}: too short to say how long ago it was lower.",
        "hi": "{symbol} का डेटा {day} से शुरू होता है: यह बताने के लिए कम है कि यह पिछली बार कब इससे नीचे था।",
    },
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


# Why a link parameter was refused, in Hindi: the library's reasons are English sentences of a few fixed shapes.
_REASONS_HI: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^not a date like (.+)$"), r"\1 जैसी तारीख नहीं"),
    (re.compile(r"^(?:choose|use) one of (.+)$"), r"इनमें से एक चुनें: \1"),
    (re.compile(r"^must be between (\S+) and (\S+)$"), r"\1 और \2 के बीच होना चाहिए"),
    (re.compile(r"^outside \[(.+)\]$"), r"सीमा [\1] से बाहर"),
    (re.compile(r"^outside the price data \((.+)\)$"), r"कीमतों के डेटा (\1) से बाहर"),
    (re.compile(r"^unknown symbol (.+?)(?: \(.*\))?$"), r"अज्ञात प्रतीक \1"),
    (re.compile(r"^unknown: (.+)$"), r"अज्ञात: \1"),
    (re.compile(r"^the deck has (\d+) slides$"), r"डेक में \1 स्लाइड हैं"),
    (re.compile(r"^use two numbers like (.+)$"), r"\1 जैसी दो संख्याएँ दें"),
    (re.compile(r"^use (1, 2 or 3|1 or 0)$"), r"\1 में से एक दें"),
    (re.compile(r"^the window's start is after its end$"), "अवधि की शुरुआत उसके अंत के बाद है"),
    (re.compile(r"^the start is after the end$"), "शुरुआत अंत के बाद है"),
    (re.compile(r"^out of range$"), "सीमा से बाहर"),
    (re.compile(r"^not a whole number$"), "पूर्ण संख्या नहीं"),
    (re.compile(r"^not a catalogue event id nor a YYYY-MM-DD date$"), "न सूची की घटना, न YYYY-MM-DD तारीख"),
    (re.compile(r"^no such event in the catalogue$"), "सूची में ऐसी कोई घटना नहीं"),
    (re.compile(r"^invalid$"), "अमान्य"),
]


def bad_param(name: str, value: object, reason: str, lang: str = DEFAULT_LANG) -> str:
    """The note shown when a link's parameter is refused, with the reason in the page's language."""
    if lang == "hi":
        for pattern, hindi in _REASONS_HI:
            if pattern.match(reason):
                reason = pattern.sub(hindi, reason)
                break
    return t("app.bad_param", lang, name=name, value=str(value)[:60], reason=reason)


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


def delta_pct(x: float, digits: int = 2) -> str:
    """A metric delta Streamlit can read the sign of (ASCII minus): -0.1697 → '-16.97%'."""
    return f"{x * 100:+.{digits}f}%"


def format_pct(x: float | None, lang: str = DEFAULT_LANG, digits: int = 2, signed: bool = True) -> str:
    """A fraction as a percentage: -0.1697 → '−16.97%'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    body = format_number(abs(x) * 100, lang, digits)
    sign = "−" if x < 0 else ("+" if signed and x > 0 else "")
    return f"{sign}{body}%"


def format_money(x: float | None, lang: str = DEFAULT_LANG, currency: str = "USD", short: bool = False) -> str:
    """Large amounts in words: $588.8 billion / 588.8 अरब डॉलर (short: $588.8 bn / $588.8 अरब)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    sign = "−" if x < 0 else ""
    a = abs(x)
    sym = {"USD": "$", "HKD": "HK$", "JPY": "¥"}.get(currency, "")
    if short:  # a metric's width: the currency as a symbol ($592.9 bn / $592.9 अरब)
        words = (("ट्रिलियन", "अरब", "मिलियन") if lang == "hi" else ("tn", "bn", "m"))
        for scale, word in zip((1e12, 1e9, 1e6), words, strict=True):
            if a >= scale and sym:
                return f"{sign}{sym}{format_number(a / scale, lang, 1)} {word}"
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
