"""Bring your own article: read an upload or pasted text safely, infer when it was published, and turn its
dated sentences and market claims into proposals (events, claims) the user fixes and accepts.

Pure: bytes or text in, typed values out; nothing is stored and nothing here renders anything. Reading
refuses what is not an article with a `BadUpload` whose `code` a page can say in its own language:
more than 1 MB, binary (known magic numbers, NUL bytes, control characters), empty or blank, not
decodable. Encodings: a byte-order mark, else UTF-8, else UTF-16 without a mark (only when the result is
Latin or Devanagari text), else Windows-1252 only when it decodes cleanly and reads like Latin text —
stdlib only: charset-normalizer's guesses were not needed for Hindi/English and are not predictable on
short texts. HTML (and text that is HTML) is reduced to its visible text with `html.parser`; script,
style and the like are dropped whole.

Events the user accepts are catalogue `Event`s whose source is {article: "user:<slug>", quote: the
sentence}, validated by `events.parse_catalogue`; they round-trip through YAML in the catalogue's schema.
Claims: `claims.claims_from_text` (Hindi patterns) plus an English subset documented at `_EN_RULES`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import pandas as pd
import yaml

from market_impact import calendars
from market_impact.claims import SUBJECTS, Claim, ClaimResult, claims_from_text, evaluate_claims, rounding_step
from market_impact.errors import BadCatalogue, BadInput, BadUpload
from market_impact.events import CATEGORIES, USER_ARTICLE_PREFIX, Event, parse_catalogue
from market_impact.extraction import Mention, extract, sentence_span

MAX_BYTES = 1024 * 1024  # "1 MB", as Streamlit's uploader counts it
TEXT_TYPES = ("txt", "md", "html", "htm")
YAML_TYPES = ("yaml", "yml")
Kind = Literal["text", "markdown", "html"]


# ------------------------------------------------------------------------------------------ the document
@dataclass(frozen=True)
class UserDocument:
    """A user's article as read: its plain text (what spans index into), and how it was read.

    `article` is its source id in events ("user:<slug>-<hash>"); `notes` are codes of what reading did
    (bom, utf16_nobom, cp1252, html_reduced, looked_like_html, controls_removed); `meta_published` a
    publication date an HTML page declares, with the tag it came from.
    """

    name: str
    article: str
    text: str
    kind: Kind
    encoding: str
    size: int
    notes: tuple[str, ...] = ()
    meta_published: tuple[date, str] | None = None
    title: str | None = None

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:6]


def _size_label(n: int) -> str:
    return f"{n / MAX_BYTES:.2f} MB" if n >= MAX_BYTES / 10 else f"{n / 1024:.0f} KB"


# Binary formats people upload by mistake; all begin with these bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.odt)"),
    (b"PK\x05\x06", "a ZIP archive"), (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"BZh9", "a bzip2 archive"), (b"OggS\x00", "an Ogg audio file"),
    (b"ID3\x03", "an MP3 audio file"), (b"ID3\x04", "an MP3 audio file"), (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"), (b"{\\rtf", "an RTF document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _expected_char(ch: str) -> bool:
    """Latin, punctuation, Devanagari: what a Hindi or English article is made of."""
    o = ord(ch)
    return o < 0x250 or 0x900 <= o <= 0x97F or 0x2000 <= o <= 0x20CF or 0xA8E0 <= o <= 0xA8FF or 0x1CD0 <= o <= 0x1CFF


def _reads_as_text(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    return bool(chars) and sum(_expected_char(c) for c in chars) >= 0.9 * len(chars)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, accepted only when it decodes to Latin/Devanagari text."""
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text) and "\x00" not in text:
            return enc
    return None


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, notes) or BadUpload(binary | undecodable)."""
    head = data[:32]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BadUpload("binary", f"{name} looks like {what}, not text: only .txt, .md and .html text can be read.",
                            name=name, what=what)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, ["bom"]
            except UnicodeDecodeError as exc:
                raise BadUpload("undecodable", f"{name} starts with a {enc.upper()} byte-order mark but is not valid "
                                f"{enc.upper()} (bad bytes at {exc.start + len(bom)}). Save it as UTF-8 and try again.",
                                name=name, detail=f"{enc.upper()}, byte {exc.start + len(bom)}") from None
    if b"\x00" in data:
        enc = _sniff_utf16(data)
        if enc:
            return data.decode(enc), enc, ["utf16_nobom"]
        raise BadUpload("binary", f"{name} looks like a binary file (it contains NUL bytes), not text. "
                        "Only .txt, .md and .html text can be read.", name=name, what="NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    enc = _sniff_utf16(data)
    if enc:
        return data.decode(enc), enc, ["utf16_nobom"]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_text(text) and _non_ascii_share(text) <= 0.15:
        return text, "cp1252", ["cp1252"]
    raise BadUpload("undecodable", f"{name} is not readable text: not UTF-8 (invalid byte at {first_bad}), not UTF-16 "
                    "and not clean Windows-1252. Save it as UTF-8 and try again.", name=name, detail=f"byte {first_bad}")


def _non_ascii_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    return sum(ord(c) > 127 for c in letters) / max(1, len(letters))


_CONTROL_OK = "\t\n\f\v"


def _clean_controls(text: str, name: str) -> tuple[str, bool]:
    """Refuse text full of control characters (binary read as text); quietly drop a stray few."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in _CONTROL_OK)
    if controls == 0:
        return text, False
    if controls > max(3, len(text) * 0.01):
        raise BadUpload("binary", f"{name} looks like a binary file ({controls} control characters), not text. "
                        "Only .txt, .md and .html text can be read.", name=name, what=f"{controls} control characters")
    return "".join(c for c in text if unicodedata.category(c) != "Cc" or c in _CONTROL_OK), True


# ------------------------------------------------------------------------------------------ HTML → text
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
              "button", "textarea"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
               "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "figcaption", "figure", "main", "nav",
               "aside", "address", "title", "caption", "form", "fieldset", "details", "summary"}
_META_DATES = {"article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
               "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "parsely-pub-date",
               "sailthru.date"}
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def _iso_day(value: str | None) -> date | None:
    m = _ISO_DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: skipped elements dropped whole, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title: list[str] = []
        self.meta: tuple[date, str] | None = None
        self.time: tuple[date, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v for k, v in attrs}
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta" and self.meta is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            day = _iso_day(a.get("content")) if key in _META_DATES else None
            if day:
                self.meta = (day, f'<meta {key}="{a.get("content")}">')
        elif tag == "time" and self.time is None:
            day = _iso_day(a.get("datetime"))
            if day:
                self.time = (day, f'<time datetime="{a.get("datetime")}">')
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:  # <svg/>: nothing inside to skip
            self.parts.append("\n" if tag in _BLOCK_TAGS else "")
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title.append(data)
            return
        self.parts.append(data)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")


def html_to_text(markup: str) -> tuple[str, str | None, tuple[date, str] | None]:
    """(visible text, <title>, declared publication date) of an HTML page. The text holds no markup:
    tags are gone, entities decoded, script/style/… dropped with everything inside them."""
    p = _HtmlText()
    p.feed(markup)
    p.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(p.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    title = _SPACES.sub(" ", "".join(p.title)).strip() or None
    return text, title, p.meta or p.time


_LOOKS_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|script|style|iframe|p|div|span|a|br|h[1-6]|article|section|"
                         r"table|img|meta|svg|object|embed|link|form|noscript)(?=[\s/>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Text that carries HTML tags (pasted page source, a .txt saved from a browser, a <script>)."""
    return _LOOKS_HTML.search(text) is not None


# ------------------------------------------------------------------------------------------ reading
def _slug(name: str) -> str:
    stem = Path(name).stem if "." in name else name
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:40].strip("-") or "article"


def _finish(text: str, name: str, kind: Kind, encoding: str, size: int, notes: list[str]) -> UserDocument:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, removed = _clean_controls(text, name)
    if removed:
        notes.append("controls_removed")
    meta, title = None, None
    if kind == "html" or looks_like_html(text):
        if kind != "html":
            notes.append("looked_like_html")
        text, title, meta = html_to_text(text)
        notes.append("html_reduced")
        if not any(c.isalnum() for c in text):
            raise BadUpload("no_text", f"{name} has no visible text once its HTML (tags, scripts, styles) is removed.",
                            name=name)
    if not any(c.isalnum() for c in text):
        raise BadUpload("blank", f"{name} holds no words — only whitespace or punctuation.", name=name)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    article = f"{USER_ARTICLE_PREFIX}{_slug(name)}-{digest}"
    return UserDocument(name=name, article=article, text=text, kind=kind, encoding=encoding, size=size, notes=tuple(notes),
                        meta_published=meta, title=title)


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise BadUpload("too_large", f"{name} is {_size_label(size)}; the limit is 1 MB. Use a shorter text.",
                        name=name, size=_size_label(size))
    if size == 0:
        raise BadUpload("empty", f"{name} is empty.", name=name)


def _kind_of(name: str, check_type: bool, allowed: Sequence[str] = TEXT_TYPES) -> Kind:
    ext = Path(name).suffix.lower().lstrip(".")
    if check_type and ext not in allowed:
        raise BadUpload("bad_type", f"{name}: only {', '.join('.' + a for a in allowed)} files can be read.",
                        name=name, types=", ".join("." + a for a in allowed))
    return "html" if ext in ("html", "htm") else "markdown" if ext in ("md", "markdown") else "text"


def read_upload(data: bytes, name: str, *, check_type: bool = True) -> UserDocument:
    """An uploaded file as a user document, or BadUpload saying why it cannot be read."""
    name = Path(name or "upload").name[:120]
    kind = _kind_of(name, check_type)
    _check_size(len(data), name)
    text, encoding, notes = _decode(data, name)
    return _finish(text, name, kind, encoding, len(data), notes)


def read_pasted(text: str, name: str = "pasted text") -> UserDocument:
    """Pasted text as a user document (HTML source is reduced to its text like an .html upload)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    _check_size(size, name)
    return _finish(text, name, "text", "utf-8", size, [])


def read_file(path: str | Path) -> UserDocument:
    """A text file on disk (the CLI's `extract FILE`): the same checks as an upload, any extension."""
    path = Path(path)
    size = path.stat().st_size
    _check_size(size, path.name)
    return read_upload(path.read_bytes(), path.name, check_type=False)


# ------------------------------------------------------------------------------------------ publication date
@dataclass(frozen=True)
class PublishedGuess:
    """The inferred publication date and why: `how` is meta | dateline | latest | none; `evidence` the words
    (or tag) it rests on; `span` the dateline's characters (its date is not proposed as an event)."""

    day: date | None
    how: Literal["meta", "dateline", "latest", "none"]
    evidence: str = ""
    span: tuple[int, int] | None = None


_DATELINE_WORDS = re.compile(r"(?i)\b(?:published|updated|posted|dateline|date|first published|last updated)\b|"
                             r"प्रकाशित|प्रकाशन|अपडेट|दिनांक|तारीख|तिथि")
_FULL_FORMS = ("full_date", "iso_date")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    return text.rfind("\n", 0, pos) + 1, (text.find("\n", pos) if text.find("\n", pos) != -1 else len(text))


def infer_published(doc: UserDocument) -> PublishedGuess:
    """An HTML page's declared date; else a dateline ("Published: 28 January 2025", or a short date line at
    the top); else the latest full date the text names; else nothing (the user must give it)."""
    if doc.meta_published:
        return PublishedGuess(doc.meta_published[0], "meta", doc.meta_published[1])
    text = doc.text
    full = [m for m in extract(text) if m.kind == "date" and m.form in _FULL_FORMS and m.value]
    if not full:
        return PublishedGuess(None, "none")
    top_lines = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            top_lines.append((pos, pos + len(line)))
        if len(top_lines) == 3:
            break
        pos += len(line) + 1
    for m in full:
        ls, le = _line_of(text, m.start)
        line = text[ls:le].strip()
        keyword = _DATELINE_WORDS.search(text, ls, m.start) is not None
        short_top = any(a <= m.start < b for a, b in top_lines) and len(line) <= 60 and not re.search(r"[.।!?]$", line)
        if keyword or short_top:
            return PublishedGuess(date.fromisoformat(m.value), "dateline", line[:120], (ls, le))  # type: ignore[arg-type]
    latest = max(full, key=lambda m: m.value)  # type: ignore[arg-type, return-value]
    return PublishedGuess(date.fromisoformat(latest.value), "latest", latest.text)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ proposed events
@dataclass(frozen=True)
class ProposedEvent:
    """One dated sentence as a draft event: the user edits date, title, category, importance, accept."""

    key: str
    date_text: str  # YYYY-MM-DD | YYYY-MM | YYYY | START..END
    granularity: str
    title: str
    category: str
    importance: int
    tickers: tuple[str, ...]
    quote: str  # the sentence, verbatim
    words: str  # the date as written
    accept: bool


_CATEGORY_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("market move", re.compile(r"(?i)\b(?:shares?|stocks?|nasdaq|s&p|dow|index|indices|market (?:value|cap)|fell|rose|plunged|"
                               r"slumped|tumbled|dropped|closed at|percent)\b|%|शेयर|बाजार|बाज़ार|सूचकांक|गिर|लुढ़क|चढ़|"
                               r"नैस्डैक|नास्डैक|प्रतिशत|मार्केट")),
    ("model release", re.compile(r"(?i)\b(?:releas|launch|unveil|model|chatbot|open[- ]source|app)\w*|\bR1\b|\bV3\b|जारी|लॉन्च|"
                                 r"मॉडल|ऐप|पेश")),
    ("policy/regulation", re.compile(r"(?i)\b(?:ban|export|restrict|sanction|government|regulat|law|tariff|curb)\w*|प्रतिबंध|"
                                     r"सरकार|निर्यात|रोक|नियम|पाबंदी")),
    ("people & funding", re.compile(r"(?i)\b(?:found|born|invest|funding|raised|hired|ceo)\w*|जन्म|स्थापना|स्थापित|निवेश|फंड|"
                                    r"संस्थापक")),
    ("company statement", re.compile(r"(?i)\b(?:said|says|statement|announc|told|according to)\w*|कहा|बयान|घोषणा|बताया")),
)
_SUBJECT_RES = tuple((sym, re.compile(p)) for sym, p in SUBJECTS)


def guess_category(sentence: str) -> str:
    """The first matching of market move, model release, policy, people & funding, statement (else statement)."""
    for cat, pat in _CATEGORY_RULES:
        if pat.search(sentence):
            return cat
    return "company statement"


def guess_tickers(sentence: str, known: Iterable[str] | None = None) -> tuple[str, ...]:
    """Symbols the sentence names (Nvidia → NVDA, Nasdaq → ^IXIC …), only those in the registry."""
    allowed = set(known) if known is not None else None
    found = [sym for sym, pat in _SUBJECT_RES if pat.search(sentence)]
    return tuple(s for s in dict.fromkeys(found) if allowed is None or s in allowed)


_MARK = "\x00"
_LEAD_WORDS = re.compile(rf"(?i)\b(?:on|in|by|since|from|until|as of|during|dated)\s*{_MARK}")
_HI_AFTER = re.compile(rf"{_MARK}\s*(?:को|में|तक|से|के\s+दिन)(?=[\s,।]|$)")
_TAGS = re.compile(r"<[^>]{0,300}>")


def draft_title(sentence: str, words: str, limit: int = 90) -> str:
    """A title from the sentence: the date words (and their "on"/"को") taken out, trimmed to `limit`."""
    s = sentence.replace(words, _MARK, 1) if words else sentence
    s = _HI_AFTER.sub(_MARK, _LEAD_WORDS.sub(_MARK, s))
    s = _TAGS.sub(" ", s.replace(_MARK, " "))
    s = _SPACES.sub(" ", s).strip(" ,;:-–—\"'“”‘’()")
    s = re.sub(r"\s+([,;:।.])", r"\1", s).rstrip(".।!?").strip(" ,;:-–—")
    if len(s) < 3:
        s = _SPACES.sub(" ", _TAGS.sub(" ", sentence)).strip()
    if s[:1].isascii() and s[:1].islower():
        s = s[0].upper() + s[1:]
    if len(s) > limit:
        cut = s.rfind(" ", 0, limit - 1)
        s = s[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-–—") + "…"
    return s


def _date_text(m: Mention) -> tuple[str, str] | None:
    v = str(m.value)
    if m.granularity == "day":
        return v, "day"
    if m.granularity == "month":
        return v[:7], "month"
    if m.granularity == "year":
        return v[:4], "year"
    if m.granularity in ("week", "period") and m.period_end:
        return f"{v}..{m.period_end}", "period"
    return None


def propose_events(doc: UserDocument, published: date | None, guess: PublishedGuess | None = None,
                   known_tickers: Iterable[str] | None = None) -> list[ProposedEvent]:
    """One draft event per dated sentence (day-dated ones pre-accepted: they are what the charts show).

    The dateline's own date is not an event (`guess`: infer_published's, computed when not given). Weekdays and relative dates resolve against `published`;
    without it they are left out.
    """
    known = list(known_tickers) if known_tickers is not None else _registry_symbols()
    guess = guess if guess is not None else infer_published(doc)
    skip = guess.span if guess.how == "dateline" else None
    out: list[ProposedEvent] = []
    seen: set[tuple[int, str]] = set()
    for m in extract(doc.text, published=published, article=doc.article):
        if m.kind != "date" or m.value is None or (skip and skip[0] <= m.start < skip[1]):
            continue
        got = _date_text(m)
        if got is None or (m.quote_start, got[0]) in seen:
            continue
        seen.add((m.quote_start, got[0]))
        sentence = m.quote
        out.append(ProposedEvent(
            key=f"e{len(out) + 1:02d}", date_text=got[0], granularity=got[1], title=draft_title(sentence, m.text),
            category=guess_category(sentence), importance=3, tickers=guess_tickers(sentence, known), quote=sentence,
            words=m.text, accept=got[1] == "day",
        ))
    return out


def _registry_symbols() -> list[str] | None:
    try:
        from market_impact.tickers import load_registry

        return list(load_registry().keys())
    except Exception:  # without the registry, tickers go unchecked here and parse_catalogue says so
        return None


EVENT_COLUMNS = ["accept", "date", "title", "category", "importance", "tickers", "quote"]


def events_frame(proposals: Sequence[ProposedEvent]) -> pd.DataFrame:
    """The editable table: one row per proposal, indexed by its key."""
    return pd.DataFrame(
        {"accept": [p.accept for p in proposals], "date": [p.date_text for p in proposals],
         "title": [p.title for p in proposals], "category": [p.category for p in proposals],
         "importance": [p.importance for p in proposals], "tickers": [", ".join(p.tickers) for p in proposals],
         "quote": [p.quote for p in proposals]},
        index=pd.Index([p.key for p in proposals], name="key"), columns=EVENT_COLUMNS,
    )


_PERIOD = re.compile(r"^(\d{4}(?:-\d{2}){0,2})\s*(?:\.\.|–|—|/|\s+to\s+)\s*(\d{4}(?:-\d{2}){0,2})$")


def parse_date_text(value: object) -> tuple[str, str, str | None]:
    """"2025-01-27" → day, "2025-01" → month, "2025" → year, "2025-01-20..2025-01-26" → period
    (date_text, granularity, date_end_text); BadInput for anything else."""
    if isinstance(value, date):
        return value.isoformat(), "day", None
    s = str(value if value is not None and not (isinstance(value, float) and pd.isna(value)) else "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return s, "day", None
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return s, "month", None
    if re.fullmatch(r"\d{4}", s):
        return s, "year", None
    m = _PERIOD.match(s)
    if m:
        return m.group(1), "period", m.group(2)
    raise BadInput(f"date {s!r} is not YYYY-MM-DD, YYYY-MM, YYYY or START..END")


def event_id(doc: UserDocument, key: str) -> str:
    return f"user-{doc.digest}-{key}"


def events_from_frame(frame: pd.DataFrame, doc: UserDocument) -> tuple[Event, ...]:
    """The accepted rows as validated catalogue events (the user's own), or BadCatalogue listing every bad row."""
    rows, problems = [], []
    for key, r in frame.iterrows():
        if not bool(r.get("accept")) or pd.isna(r.get("accept")):
            continue
        where = f"row {key}"
        try:
            date_text, gran, date_end = parse_date_text(r.get("date"))
        except BadInput as exc:
            problems.append(f"{where}: {exc}")
            continue
        try:
            importance = int(r.get("importance"))
        except (TypeError, ValueError):
            problems.append(f"{where}: importance must be 1, 2 or 3")
            continue
        title = _SPACES.sub(" ", str(r.get("title") or "")).strip()
        tickers = [s.strip() for s in str(r.get("tickers") or "").split(",") if s.strip()]
        row = {"id": event_id(doc, str(key)), "date": date_text, "granularity": gran, "title_en": title, "title_hi": title,
               "category": r.get("category"), "importance": importance, "tickers": tickers,
               "sources": [{"article": doc.article, "quote": str(r.get("quote") or "")}]}
        if date_end:
            row["date_end"] = date_end
        rows.append(row)
    events: tuple[Event, ...] = ()
    try:
        events = parse_catalogue({"events": rows}, source=doc.name, user_texts={doc.article: doc.text}).events
    except BadCatalogue as exc:
        problems += exc.problems
    if problems:
        raise BadCatalogue(problems)
    return events


# ------------------------------------------------------------------------------------------ YAML
_YAML_HEADER = ("# Your own events, in the DeepSeek Shock catalogue's schema (seeds/events.yaml).\n"
                "# Sources with article: user:… are quotes from an article you brought; load this file back on the\n"
                "# 'Your article' page. Nothing was stored on the server.\n")


def event_row(e: Event) -> dict:
    """An event as a catalogue row (no computed sessions)."""
    row: dict = {"id": e.id, "date": e.date_text, "granularity": e.granularity}
    if e.date_end_text:
        row["date_end"] = e.date_end_text
    row |= {"title_en": e.title_en, "title_hi": e.title_hi, "category": e.category, "importance": e.importance,
            "tickers": list(e.tickers)}
    if e.context:
        row["context"] = True
    if e.after_us_close:
        row["after_us_close"] = True
    for k in ("note_en", "note_hi"):
        if getattr(e, k):
            row[k] = getattr(e, k)
    row["sources"] = [s.model_dump() for s in e.sources]
    return row


def events_yaml(events: Iterable[Event]) -> str:
    return _YAML_HEADER + yaml.safe_dump({"events": [event_row(e) for e in events]}, allow_unicode=True, sort_keys=False,
                                         width=110)


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases: an events file needs none, and aliases can blow up in size."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", mark)
        return super().compose_node(parent, index)


def load_events_yaml(data: bytes, name: str, taken_ids: Iterable[str] = ()) -> tuple[Event, ...]:
    """Events from a YAML file in the catalogue schema, every one the user's own; BadUpload if the file is
    not text, BadCatalogue listing every bad row otherwise."""
    name = Path(name or "events.yaml").name[:120]
    _kind_of(name, True, YAML_TYPES)
    _check_size(len(data), name)
    text, _, _ = _decode(data, name)
    text, _ = _clean_controls(text, name)
    try:
        doc = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 — a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise BadCatalogue([f"{name}: not valid YAML ({' '.join(str(exc).split())[:160]})"]) from None
    problems: list[str] = []
    if isinstance(doc, dict) and doc.get("disagreements"):
        problems.append(f"{name}: 'disagreements' cannot be loaded here; only events")
    rows = doc.get("events") if isinstance(doc, dict) else None
    for n, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        srcs = row.get("sources") if isinstance(row, dict) else None
        eid = row.get("id", f"row {n}") if isinstance(row, dict) else f"row {n}"
        arts = [s.get("article") for s in srcs if isinstance(s, dict)] if isinstance(srcs, list) else []
        if not any(isinstance(a, str) and a.startswith(USER_ARTICLE_PREFIX) for a in arts):
            problems.append(f"{name}, event {eid}: not drawn from your own article (sources need article: user:…)")
        if eid in set(taken_ids):
            problems.append(f"{name}, event {eid}: this id is already a catalogue event")
    events: tuple[Event, ...] = ()
    try:
        events = parse_catalogue(doc, source=name, user_texts={}).events
    except BadCatalogue as exc:
        problems += exc.problems
    if problems:
        raise BadCatalogue(problems)
    return events


# ------------------------------------------------------------------------------------------ claims
# English subset (claims.py reads Hindi): "<subject> … closed at $118.42" and "<subject> fell/rose (by)
# (about|nearly|more than|less than) 17%" or "a 17% fall/drop/gain", the subject the nearest name before the
# verb in its sentence (Nvidia, Nasdaq, Nikkei, Hang Seng, Tencent, Alibaba, Baidu, semiconductors).
_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"
_FALL_EN = r"fell|dropped|plunged|plummeted|slumped|sank|tumbled|declined|lost|slid|shed|crashed"
_RISE_EN = r"rose|gained|jumped|climbed|surged|rallied|added|soared|rebounded"
_QUAL = r"(?P<q>about|around|nearly|almost|roughly|approximately|some|more\s+than|over|at\s+least|less\s+than|under)\s+"
_EN_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("close", re.compile(rf"\b(?:closed|ended|finished|settled)\s+(?:the\s+(?:day|session)\s+|trading\s+)?at\s+"
                         rf"(?:{_QUAL})?(?P<num>(?:US)?\$\s?{_NUM})(?![0-9])(?!\s*(?:billion|million|trillion|bn|mn)\b)")),
    ("pct_move", re.compile(rf"\b(?P<verb>{_FALL_EN}|{_RISE_EN})\s+(?:by\s+)?(?:{_QUAL})?(?P<num>{_NUM})\s?(?:%|percent\b|per\s+cent\b)",
                            re.IGNORECASE)),
    ("pct_move", re.compile(rf"\b(?:{_QUAL})?(?P<num>{_NUM})\s?(?:%|percent|per\s+cent)\s+(?P<verb>fall|drop|decline|plunge|slump|"
                            rf"loss|slide|gain|rise|jump|rally|surge)\b", re.IGNORECASE)),
)
_FALL_WORDS = re.compile(rf"(?i)^(?:{_FALL_EN}|fall|drop|decline|plunge|slump|loss|slide)$")


def _exchange_of(symbol: str, registry: Mapping | None) -> str:
    tk = registry.get(symbol) if registry is not None else None
    if tk is not None:
        return tk.exchange
    return {"^N225": "XTKS", "^HSI": "XHKG"}.get(symbol, "XHKG" if symbol.endswith(".HK") else "XNYS")


def _session_for(day: date | None, symbol: str, registry: Mapping | None) -> date | None:
    if day is None:
        return None
    try:
        return calendars.session_on_or_before(day, _exchange_of(symbol, registry)).date()
    except Exception:  # outside the exchange calendar: the claim stays without a session (not checkable)
        return None


def _subject_near(text: str, lo: int, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for sym, pat in _SUBJECT_RES:
        for m in pat.finditer(text, lo, pos):
            if best is None or m.start() > best[0]:
                best = (m.start(), sym)
    return best[1] if best else None


def _english_claims(text: str, article: str, mentions: Sequence[Mention], published: date | None,
                    registry: Mapping | None) -> list[Claim]:
    days = [m for m in mentions if m.kind == "date" and m.granularity == "day" and m.value]
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for metric, pat in _EN_RULES:
        for m in pat.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            ss, se = sentence_span(text, m.start(), m.end())
            subject = _subject_near(text, ss, m.start()) or _subject_near(text, text.rfind("\n", 0, ss) + 1, m.start())
            if subject is None:
                continue
            before = [d for d in days if ss <= d.start < m.start()]
            after = [d for d in days if m.end() <= d.start < se]
            earlier = [d for d in days if d.start < ss]
            pick = (before[-1:] or after[:1] or earlier[-1:])
            day = date.fromisoformat(str(pick[0].value)) if pick else published
            num_text = m.group("num")
            value = float(re.sub(r"[^0-9.]", "", num_text))
            decimals = len(num_text.split(".")[1]) if "." in num_text else 0
            q = re.sub(r"\s+", " ", (m.group("q") or "").lower())
            qualifier = {"more than": "more_than", "over": "more_than", "at least": "more_than", "less than": "less_than",
                         "under": "less_than"}.get(q, "about" if q else None)
            if metric == "close":
                stated, unit, precision, direction = value, "USD", rounding_step(num_text, 10.0 ** -decimals), None
                op = "≈" if qualifier == "about" else ">" if qualifier == "more_than" else "<" if qualifier == "less_than" else "="
            else:
                direction = "down" if _FALL_WORDS.match(m.group("verb")) else "up"
                stated = -value if direction == "down" else value
                unit, precision = "%", rounding_step(num_text, 10.0 ** -decimals)
                if qualifier == "more_than":
                    op = "<" if direction == "down" else ">"
                elif qualifier == "less_than":
                    op = ">" if direction == "down" else "<"
                else:
                    op = "≈" if qualifier == "about" else "="
            out.append(Claim(id="", article=article, quote=text[ss:se], start=ss, metric=metric, operator=op,  # type: ignore[arg-type]
                             symbols=(subject,), session=_session_for(day, subject, registry), day=day, stated=stated,
                             unit=unit, precision=precision, stated_text=num_text, qualifier=qualifier, direction=direction))
            taken.append((m.start(), m.end()))
    return out


@dataclass(frozen=True)
class ClaimProposals:
    """Checkable market claims (for the table) and the other numbers (not market data, not checkable)."""

    checkable: tuple[Claim, ...]
    other: tuple[Claim, ...]


def propose_claims(doc: UserDocument, published: date | None, registry: Mapping | None = None) -> ClaimProposals:
    """claims.py's claims (Hindi) plus the English subset; ids run "<article>.01", "<article>.02" … in reading order."""
    hindi = claims_from_text(doc.text, doc.article, published, registry)
    mentions = extract(doc.text, published=published, article=doc.article)
    english = _english_claims(doc.text, doc.article, mentions, published, registry)
    claimed = [(c.start, c.end) for c in english]
    # A number the English subset reads as a market claim is no longer "not market data".
    kept = [c for c in hindi if c.reason is None or not any(c.start < b and a < c.end for a, b in claimed)]
    every = sorted(kept + english, key=lambda c: (c.start, c.metric))
    numbered = [replace(c, id=f"{doc.article}.{i:02d}") for i, c in enumerate(every, start=1)]
    return ClaimProposals(tuple(c for c in numbered if c.reason is None), tuple(c for c in numbered if c.reason is not None))


CLAIM_COLUMNS = ["accept", "subject", "what", "says", "day", "quote"]


def claims_frame(claims: Sequence[Claim], labels: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """The editable claims table; `labels` gives each claim id's subject/what/says text (from claims.py's labels).
    Claims with a trading session are pre-accepted; one without a day (no publication date) waits for the user's."""
    return pd.DataFrame(
        {"accept": [c.session is not None for c in claims], "subject": [labels[c.id]["subject"] for c in claims],
         "what": [labels[c.id]["what"] for c in claims], "says": [labels[c.id]["says"] for c in claims],
         "day": [c.day for c in claims], "quote": [c.quote for c in claims]},
        index=pd.Index([c.id for c in claims], name="id"), columns=CLAIM_COLUMNS,
    )


def claims_from_frame(frame: pd.DataFrame, claims: Sequence[Claim], registry: Mapping | None = None) -> tuple[Claim, ...]:
    """The accepted claims, each on the day the user left or set (its session recomputed)."""
    by_id = {c.id: c for c in claims}
    out = []
    for cid, r in frame.iterrows():
        c = by_id.get(str(cid))
        if c is None or not bool(r.get("accept")) or pd.isna(r.get("accept")):
            continue
        raw = r.get("day")
        day = None if raw is None or (not isinstance(raw, date) and pd.isna(raw)) else pd.Timestamp(raw).date()
        if day != c.day:
            c = replace(c, day=day, session=_session_for(day, c.symbols[0], registry) if c.symbols else None)
        out.append(c)
    return tuple(out)


def price_request(claims: Iterable[Claim], registry: Mapping) -> tuple[tuple[str, ...], date, date] | None:
    """The symbols and dates whose prices check these claims (like claims.check_claims), or None."""
    cs = [c for c in claims if c.reason is None]
    symbols = tuple(sorted({s for c in cs for s in c.symbols if s in registry}))
    sessions = [c.session for c in cs if c.session is not None]
    if not symbols or not sessions:
        return None
    return symbols, min(sessions) - timedelta(days=430), max(sessions) + timedelta(days=10)


def check_user_claims(claims: Sequence[Claim], data: pd.DataFrame | None, registry: Mapping) -> list[ClaimResult]:
    """Accepted claims held against the tape exactly as the seed articles' are (claims.evaluate_claims)."""
    if data is None:
        data = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "symbol": pd.Series(dtype="object"),
                             "open": pd.Series(dtype="float64"), "close": pd.Series(dtype="float64")})
    return evaluate_claims(list(claims), data, registry)


__all__ = [
    "CATEGORIES", "MAX_BYTES", "TEXT_TYPES", "YAML_TYPES", "ClaimProposals", "ProposedEvent", "PublishedGuess", "UserDocument",
    "check_user_claims", "claims_frame", "claims_from_frame", "draft_title", "event_id", "event_row", "events_frame",
    "events_from_frame", "events_yaml", "guess_category", "guess_tickers", "html_to_text", "infer_published", "load_events_yaml",
    "looks_like_html", "parse_date_text", "price_request", "propose_claims", "propose_events", "read_file", "read_pasted",
    "read_upload",
]
