"""The seed articles: their catalogue (`seeds/articles.yaml`), their texts and their paragraphs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from market_impact.errors import BadCatalogue, BadInput
from market_impact.paths import ARTICLES_DIR, ARTICLES_FILE


class Article(BaseModel):
    """One catalogued article. `published` is inferred from the text; `date_reason` says how."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^a\d{3}$")
    file: str
    language: Literal["hi", "en"]
    outlet: str | None = None
    credit: str | None = None
    published: date
    date_confidence: Literal["high", "medium", "low"]
    date_reason: str = Field(min_length=10)
    headline_en: str = Field(min_length=3)
    headline_hi: str = Field(min_length=3)

    def headline(self, lang: str) -> str:
        return self.headline_hi if lang == "hi" else self.headline_en


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article: its character span in the raw text (so mention spans map into it)."""

    index: int
    start: int
    end: int
    text: str


def _describe(err: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in err.errors())


def load_articles(path: Path = ARTICLES_FILE, articles_dir: Path = ARTICLES_DIR) -> dict[str, Article]:
    """Read and validate the article catalogue; raise BadCatalogue listing every bad row at once."""
    return dict(_load_articles_cached(Path(path), Path(articles_dir)))


@lru_cache(maxsize=4)
def _load_articles_cached(path: Path, articles_dir: Path) -> tuple[tuple[str, Article], ...]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadCatalogue([f"{path.name}: file not found at {path}"]) from None
    except yaml.YAMLError as exc:
        raise BadCatalogue([f"{path.name}: not valid YAML ({exc})"]) from None
    rows = raw.get("articles") if isinstance(raw, dict) else None
    if not isinstance(rows, list):
        raise BadCatalogue([f"{path.name}: expected a top-level 'articles:' list"])

    problems: list[str] = []
    articles: dict[str, Article] = {}
    for n, row in enumerate(rows, start=1):
        rid = row.get("id", f"row {n}") if isinstance(row, dict) else f"row {n}"
        where = f"{path.name}, article {rid}"
        if not isinstance(row, dict):
            problems.append(f"{where}: expected a mapping, got {type(row).__name__}")
            continue
        try:
            article = Article.model_validate(row)
        except ValidationError as exc:
            problems.append(f"{where}: {_describe(exc)}")
            continue
        if article.id in articles:
            problems.append(f"{where}: duplicate id")
            continue
        if not (articles_dir / article.file).is_file():
            problems.append(f"{where}: text file {article.file!r} not found in {articles_dir}")
            continue
        if not article.file.startswith(article.id[1:] + "_"):
            problems.append(f"{where}: file {article.file!r} does not start with the id's number {article.id[1:]}_")
            continue
        articles[article.id] = article
    if problems:
        raise BadCatalogue(problems)
    return tuple(articles.items())


def get_article(article_id: str) -> Article:
    articles = load_articles()
    try:
        return articles[article_id]
    except KeyError:
        raise BadInput(f"Unknown article {article_id!r}; known: {', '.join(articles)}") from None


@lru_cache(maxsize=16)
def article_text(article_id: str) -> str:
    """The article's raw text, exactly as stored (mention and quote spans index into it)."""
    article = get_article(article_id)
    return (ARTICLES_DIR / article.file).read_text(encoding="utf-8")


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into its non-blank lines (the articles use one line per paragraph), keeping spans."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        out.append(Paragraph(index=len(out), start=start + lead, end=start + lead + len(stripped), text=stripped))
    return out


def paragraph_at(text: str, offset: int) -> Paragraph | None:
    """The paragraph holding character `offset` of `text` (None when it falls between paragraphs)."""
    for para in paragraphs(text):
        if para.start <= offset < para.end:
            return para
    return None


