"""Shared fixtures: an isolated cache, no live fetching unless a test asks, and a real app server for browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", "/tmp/deepseek-shock-artifacts"))

# Pages and the CLI never try the network in tests; tests of the live path pass mode="auto" themselves.
os.environ["MARKET_IMPACT_MODE"] = "snapshot"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    from market_impact import prices

    monkeypatch.setenv("MARKET_IMPACT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    prices.reset_state()
    yield
    prices.reset_state()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- browser tests

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI: .ci/run must install Debian's chromium")
        pytest.skip(f"browser test skipped: {CHROMIUM} not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright: use Debian's Chromium (`playwright install` cannot download offline).

    Every browser test reaches this fixture through `page`, so a machine without Chromium skips them all here."""
    _require_chromium()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": BROWSER_ARGS, "headless": True}


@contextlib.contextmanager
def streamlit_server(log_name: str = "streamlit-server.log", extra_env: dict | None = None):
    """`streamlit run app.py` on a free loopback port; yields the base URL once /_stcore/health answers."""
    port = free_port()
    env = {**os.environ, "MARKET_IMPACT_MODE": "snapshot", "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / log_name, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy; see {ARTIFACTS / log_name}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def app_server():
    """One shared app server for the browser tests."""
    _require_chromium()
    with streamlit_server() as url:
        yield url


@pytest.fixture
def fresh_server():
    """A server of its own that no browser has visited yet (for first-visit behaviour)."""
    _require_chromium()
    with streamlit_server("streamlit-fresh.log") as url:
        yield url


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
