"""The Streamlit-side caches: `shared` (process-wide memo), `FrozenFigure` (a memoised figure's dict made once),
`memo_table` (a table and its Arrow copy made once). Small test frames and figures of our own."""

import threading
import time

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from market_impact.ui import loaders


def test_shared_remembers_by_arguments_and_hands_back_the_same_object():
    calls = []

    @loaders.shared()
    def load(a, b=0):
        calls.append((a, b))
        return {"a": a, "b": b}

    first = load(1, b=2)
    assert load(1, b=2) is first and calls == [(1, 2)]
    assert load(2) == {"a": 2, "b": 0} and len(calls) == 2
    load.clear()
    assert load(1, b=2) is not first and len(calls) == 3


def test_shared_leaves_underscore_keywords_out_of_the_key_and_does_not_remember_errors():
    calls = []

    @loaders.shared()
    def load(key, *, _payload):
        calls.append(key)
        if _payload is None:
            raise ValueError("no payload")
        return _payload

    assert load("k", _payload=[1]) == [1]
    assert load("k", _payload=[2]) == [1]  # same key: the first result
    with pytest.raises(ValueError):
        load("other", _payload=None)
    with pytest.raises(ValueError):
        load("other", _payload=None)  # tried again: errors are not kept
    assert calls == ["k", "other", "other"]


def test_shared_expires_after_its_ttl_and_keeps_at_most_maxsize(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])

    @loaders.shared(ttl=10, maxsize=2)
    def load(x):
        return object()

    a = load("a")
    now[0] += 5
    assert load("a") is a
    now[0] += 6
    assert load("a") is not a  # older than 10 s: made again
    b, c = load("b"), load("c")  # "a" is now the oldest of three: dropped
    assert load("b") is b and load("c") is c
    fresh = load("a")
    assert fresh is not a


def test_shared_is_safe_across_threads():
    @loaders.shared()
    def load(x):
        return x * 2

    out = []
    threads = [threading.Thread(target=lambda i=i: out.append(load(i % 5))) for i in range(50)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(out) == sorted((i % 5) * 2 for i in range(50))


def _test_figure() -> go.Figure:
    """A small figure of our own: numbers, labels, dates and mixed customdata — not market data."""
    days = pd.date_range("2025-01-20", periods=4, freq="D")
    fig = go.Figure(go.Bar(x=np.array(["A", "B", "C", "D"], dtype=object), y=np.array([1.5, -2.0, 3.25, np.nan]),
                           customdata=np.column_stack([["a", "b", "c", "d"], [1, 2, 3, 4]])))
    fig.add_trace(go.Scatter(x=days.values, y=[1, 2, 3, 4], text=["w", "x", "y", "z"]))
    fig.update_layout(title="test figure")
    return fig


def test_frozen_figure_gives_the_same_json_and_makes_its_dict_once():
    plain = _test_figure()
    frozen = loaders.FrozenFigure(_test_figure())
    assert pio.to_json(frozen.to_dict(), validate=False) == pio.to_json(plain.to_dict(), validate=False)
    assert frozen.to_dict() is frozen.to_dict()


def test_memo_figure_builds_once_per_key():
    built = []

    def build():
        built.append(1)
        return _test_figure()

    key = ("test", time.time_ns())
    f1 = loaders.memo_figure(key, build)
    assert loaders.memo_figure(key, build) is f1 and len(built) == 1
    assert isinstance(f1, loaders.FrozenFigure)


def test_memo_table_gives_the_frame_and_its_arrow_copy_once():
    built = []

    def build():
        built.append(1)
        return pd.DataFrame({"symbol": ["X", "Y"], "car_pct": [1.25, -3.5]})  # a test frame of our own

    key = ("test-table", time.time_ns())
    df, arrow = loaders.memo_table(key, build)
    assert arrow.column_names == ["symbol", "car_pct"] and arrow.num_rows == 2
    assert arrow.to_pandas().equals(df)
    assert loaders.memo_table(key, build)[1] is arrow and len(built) == 1


def test_a_new_price_fetch_makes_a_new_study(monkeypatch):
    """The Study's memo is keyed by the prices' provenance too: live prices fetched later are studied afresh, not
    served the snapshot's result from the memo (the snapshot's own returns stand in for the fetch here)."""
    from dataclasses import replace
    from datetime import date, datetime

    from market_impact.tickers import load_registry
    from market_impact.ui import study as ui

    returns, prov = ui.cached_returns()
    choice = {"symbols": ["NVDA"], "event": ui.CUSTOM, "day": date(2025, 1, 27), "benchmark": "auto", "model": "market",
              "estimation": (-250, -11), "window": (0, 0)}
    first = ui.run(choice, load_registry(), [], "en")
    assert ui.run(choice, load_registry(), [], "en").res is first.res  # same data, same choices: the memo's result
    live = replace(prov, source="live", fetched_at=datetime(2026, 12, 7, 10, 0))
    monkeypatch.setattr(ui, "cached_returns", lambda: (returns, live))
    fresh = ui.run(choice, load_registry(), [], "en")
    assert fresh.res is not first.res and fresh.key != first.key
