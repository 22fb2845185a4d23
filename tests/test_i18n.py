"""The one string table: every key in English and Hindi, the same placeholders in both, every key used exists,
and dates and numbers are formatted for the language."""

import ast
import re
import string
from datetime import date
from pathlib import Path

import pytest

from market_impact.i18n import LANGS, STRINGS, format_date, format_money, format_number, format_pct, t

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "market_impact").rglob("*.py")])


def placeholders(text: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_every_key_has_english_and_hindi():
    missing = [(k, lang) for k, entry in STRINGS.items() for lang in LANGS if not str(entry.get(lang, "")).strip()]
    assert missing == [], f"keys without a text: {missing}"


def test_no_key_has_a_language_the_app_does_not_know():
    extra = {k: set(v) - set(LANGS) for k, v in STRINGS.items() if set(v) - set(LANGS)}
    assert extra == {}


def test_placeholders_match_between_english_and_hindi():
    bad = {k: (placeholders(v["en"]), placeholders(v["hi"])) for k, v in STRINGS.items()
           if placeholders(v.get("en", "")) != placeholders(v.get("hi", ""))}
    assert bad == {}, f"placeholders differ: {bad}"


def test_every_text_formats_with_its_own_placeholders():
    """A stray brace ('{' without '}') would make t() fall back to the raw template."""
    for key, entry in STRINGS.items():
        for lang in LANGS:
            try:
                list(string.Formatter().parse(entry[lang]))
            except ValueError as exc:
                pytest.fail(f"{key} [{lang}]: {exc}")


def test_hindi_texts_are_not_copies_of_english_unless_language_neutral():
    """A Hindi text identical to the English one is allowed only when it has no English words (symbols, numbers)."""
    words = re.compile(r"[A-Za-z]{4,}")
    copied = [k for k, v in STRINGS.items() if v["en"] == v["hi"] and words.search(re.sub(r"\{[^}]*\}", "", v["en"]))]
    assert copied == [], f"untranslated: {copied}"


def _t_calls(path: Path) -> list[tuple[int, str, bool]]:
    """(line, key or f-string prefix, is_literal) for every t(...) call in a file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args):
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            out.append((node.lineno, arg.value, True))
        elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
            out.append((node.lineno, str(arg.values[0].value), False))
        elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant) and isinstance(arg.left.value, str):
            out.append((node.lineno, arg.left.value, False))  # t("cat." + category)
    return out


def test_scanner_finds_literal_and_prefix_keys(tmp_path):
    src = tmp_path / "page.py"
    src.write_text('t("a.b", lang)\nt(f"c.{x}", lang)\nt("d." + y)\nother("z")\n', encoding="utf-8")
    assert _t_calls(src) == [(1, "a.b", True), (2, "c.", False), (3, "d.", False)]


def test_every_key_used_in_code_exists():
    unknown = []
    for path in SOURCES:
        for line, key, literal in _t_calls(path):
            ok = key in STRINGS if literal else any(k.startswith(key) for k in STRINGS)
            if not ok:
                unknown.append(f"{path.relative_to(ROOT)}:{line}: {key!r}")
    assert unknown == [], "t() keys missing from STRINGS:\n" + "\n".join(unknown)


def test_pages_and_widgets_use_the_table_for_their_words():
    """Labels and headings in pages and ui widgets come from t(): no English literal as the first argument
    of st.title/header/subheader/button/… (a key or an f-string of t() calls is fine)."""
    calls = {"title", "header", "subheader", "button", "download_button", "link_button", "checkbox", "toggle", "radio",
             "selectbox", "multiselect", "slider", "select_slider", "text_input", "date_input", "number_input",
             "segmented_control", "pills", "expander", "tabs", "metric", "caption", "info", "warning", "error", "success"}
    offenders = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "market_impact" / "ui").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in calls and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and re.search(r"[A-Za-z]{3,}", arg.value):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.attr}({arg.value!r})")
    assert offenders == [], "user-visible English outside the table:\n" + "\n".join(offenders)


def test_missing_key_shows_the_key_and_bad_format_never_crashes():
    assert t("no.such.key", "hi") == "no.such.key"
    assert t("presenter.scope", "en", n=3) == STRINGS["presenter.scope"]["en"]  # a missing argument: the template


def test_dates_and_numbers_are_formatted_for_the_language():
    assert format_date(date(2025, 1, 27), "en", weekday=True) == "Mon 27 Jan 2025"
    assert format_date(date(2025, 1, 27), "hi", weekday=True) == "सोमवार, 27 जनवरी 2025"
    assert format_number(1234567.891, "en") == "1,234,567.89"
    assert format_number(1234567.891, "hi") == "12,34,567.89"
    assert format_pct(-0.1697, "hi") == "−16.97%"
    assert format_money(-588.8e9, "hi") == "−588.8 अरब डॉलर" and format_money(588.8e9, "en") == "$588.8 billion"
    # a metric's short form keeps the symbol in both languages (the Hindi long form was cut off in the Overview's metric)
    assert format_money(-592.9e9, "hi", short=True) == "−$592.9 अरब" and format_money(-592.9e9, "en", short=True) == "−$592.9 bn"
    assert format_money(1.2e12, "hi", short=True) == "$1.2 ट्रिलियन"


def test_refused_link_parameters_are_explained_in_hindi():
    from market_impact.i18n import bad_param

    msg = bad_param("mode", "x", "choose one of normalised, absolute, pct, log", "hi")
    assert "इनमें से एक चुनें: normalised, absolute, pct, log" in msg and "choose one" not in msg
    assert "−60 और 60 के बीच" not in msg  # sanity: only the matching pattern applies
    assert "-60 और 60 के बीच होना चाहिए" in bad_param("window", "-500,3", "must be between -60 and 60", "hi")
    assert "choose one of" in bad_param("mode", "x", "choose one of a, b", "en")  # English stays English


def test_every_reason_the_views_give_has_a_hindi_shape():
    """Each reason a typed view produces for a hostile link is translated (no English left in the Hindi note)."""
    from market_impact.i18n import _REASONS_HI
    from market_impact.views import PricesView

    v = PricesView.from_params({"symbols": "NOPE", "preset": "custom", "start": "2025-03-01", "end": "2025-01-01", "mode": "x",
                                "window": "-500,3", "window_event": "zz", "map_date": "2025-02-30", "candles": "maybe",
                                "importance": "9"}, {"NVDA"}, {"r1-release"})
    assert v.problems
    for p in v.problems:
        assert any(pattern.match(p.reason) for pattern, _ in _REASONS_HI), p.reason
