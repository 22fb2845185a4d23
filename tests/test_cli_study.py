"""`python -m market_impact study`: JSON fields, negative windows on the command line, one-line errors."""

from __future__ import annotations

import json

import pytest

from market_impact.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["study", *argv, "--offline"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_study_json_has_the_documented_fields_for_nvidia_on_2025_01_27(capsys):
    code, out, _ = run(capsys, "--ticker", "NVDA", "--event", "2025-01-27", "--benchmark", "^GSPC",
                       "--window", "0,0", "--estimation", "-250,-11", "--model", "market", "--json")
    assert code == 0
    doc = json.loads(out)
    for key in ("alpha", "beta", "sigma", "ar", "car", "t", "p", "estimation_sessions", "confounders"):
        assert key in doc
    assert doc["ar"] == [{"date": "2025-01-27", "day": 0, "ar": pytest.approx(doc["car"])}]
    assert doc["car"] == pytest.approx(-0.1321, abs=5e-4)
    assert doc["estimation_sessions"] == 240 and doc["event_session"] == "2025-01-27"


def test_negative_windows_are_values_not_options(capsys):
    code, out, _ = run(capsys, "--ticker", "NVDA", "--event", "2025-01-20", "--window", "-5,5",
                       "--estimation", "-120,-6", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["window"] == [-5, 5] and doc["estimation_window"] == [-120, -6]
    assert [row["day"] for row in doc["ar"]] == list(range(-5, 6))
    assert doc["event_session"] == "2025-01-21"  # 2025-01-20 was a US holiday


def test_symbol_without_history_before_the_event_is_a_one_line_error(capsys):
    code, out, err = run(capsys, "--ticker", "SNDK", "--event", "2025-01-27")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "at least 60" in err


def test_human_output_names_the_car_and_t(capsys):
    code, out, _ = run(capsys, "--ticker", "NVDA", "--event", "2025-01-27", "--window", "0,1")
    assert code == 0 and "CAR[+0,+1]" in out and " t " in out
