"""Browser benchmarks, in one run on this machine:

1. Navigation → first chart visible: the Overview vs a bare one-chart Streamlit page (ratio; target ≤ 1.25).
2. Server memory (RSS) after a browser has visited every page and every part of it, in both languages (target ≤ 350 MB).

    python bench/bench_browser.py [repeats=7]

Each server is a real `streamlit run` on a free loopback port; each navigation uses a fresh browser context
(cold page cache, warm server). Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
CHART = "[data-testid='stPlotlyChart'] .main-svg"
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(script: str):
    port = free_port()
    env = {**os.environ, "MARKET_IMPACT_MODE": "snapshot"}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1",
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                break
        except OSError as exc:
            if time.monotonic() - t0 > 60:
                proc.kill()
                raise SystemExit(f"{script}: server not healthy") from exc
            time.sleep(0.1)
    try:
        yield url, proc.pid, time.monotonic() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_to_chart(browser, url: str) -> float:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(CHART, timeout=120_000)
    dt = time.perf_counter() - t0
    ctx.close()
    return dt


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    pages = [""] + re.findall(r'url_path="([^"]+)"', (ROOT / "app.py").read_text(encoding="utf-8"))  # "" = the Overview at /
    parts = {"prices": ("returns", "map"), "study": ("tables", "firms", "heatmap"), "timeline": ("disagree",),
             "claims": ("detail", "matrix")}  # the parts a page does not open on (?view=)
    urls = [f"{path}?lang={lang}" for path in pages for lang in ("en", "hi")]
    urls += [f"{path}?view={v}&lang={lang}" for path, views in parts.items() for v in views for lang in ("en", "hi")]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        with server("app.py") as (app_url, app_pid, app_start), server("bench/bare_chart_page.py") as (bare_url, _, bare_start):
            cold = time_to_chart(browser, app_url + "/")  # first visit: imports, caches filled, router set up
            time_to_chart(browser, bare_url)
            ov, bare = [], []
            for _ in range(repeats):  # interleaved, so load on the machine hits both alike
                ov.append(time_to_chart(browser, app_url + "/"))
                bare.append(time_to_chart(browser, bare_url))
            rss_before = rss_mb(app_pid)
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            for u in urls:
                page.goto(f"{app_url}/{u}")
                page.wait_for_selector(DONE, timeout=120_000)
                page.wait_for_load_state("networkidle")
            ctx.close()
            rss_after = rss_mb(app_pid)
        browser.close()
    m_ov, m_bare = statistics.median(ov), statistics.median(bare)
    print(f"server start to healthy: app {app_start:.2f} s, bare page {bare_start:.2f} s; "
          f"first visit to the Overview on a cold server → chart: {cold:.2f} s (offline, snapshot)")
    print(f"navigation → first chart, median of {repeats}: Overview {m_ov * 1000:.0f} ms, bare one-chart page {m_bare * 1000:.0f} ms, "
          f"ratio {m_ov / m_bare:.2f} (target ≤ 1.25)")
    print(f"  overview samples ms: {[round(x * 1000) for x in ov]}")
    print(f"  bare samples ms:     {[round(x * 1000) for x in bare]}")
    print(f"server RSS: {rss_before:.0f} MB after the Overview runs, {rss_after:.0f} MB after visiting all {len(pages)} pages and "
          f"their other parts × 2 languages ({len(urls)} views; target ≤ 350 MB)")


if __name__ == "__main__":
    main()
