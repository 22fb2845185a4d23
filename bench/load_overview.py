"""Bounded loopback load: N concurrent browser contexts open one page of a running app; time to chart.

    python bench/load_overview.py http://127.0.0.1:PORT [N=20] [path=/]

Prints one JSON object: n, rendered, failures, times_s (sorted), p50_s, p95_s. Loopback only: the URL
must point at 127.0.0.1 / localhost. Every context has its own deadline; nothing loops unbounded.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from urllib.parse import urlparse

from playwright.async_api import async_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
CHART = "[data-testid='stPlotlyChart'] .main-svg"


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


async def one(browser, url: str, timeout_ms: int) -> float:
    ctx = await browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = await ctx.new_page()
        t0 = time.perf_counter()
        await page.goto(url, wait_until="commit", timeout=timeout_ms)
        await page.wait_for_selector(CHART, timeout=timeout_ms)
        return time.perf_counter() - t0
    finally:
        await ctx.close()


async def main(base: str, n: int, path: str, timeout_ms: int = 240_000) -> dict:
    host = urlparse(base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing to load {host}: loopback only")
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        results = await asyncio.gather(*(one(browser, base + path, timeout_ms) for _ in range(n)), return_exceptions=True)
        await browser.close()
    times = sorted(r for r in results if isinstance(r, float))
    failures = [f"{type(r).__name__}: {str(r)[:120]}" for r in results if not isinstance(r, float)]
    return {
        "n": n,
        "rendered": len(times),
        "failures": failures,
        "times_s": [round(t, 3) for t in times],
        "p50_s": round(statistics.median(times), 3) if times else None,
        "p95_s": round(percentile(times, 0.95), 3) if times else None,
    }


if __name__ == "__main__":
    base = sys.argv[1].rstrip("/")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    path = sys.argv[3] if len(sys.argv) > 3 else "/"
    print(json.dumps(asyncio.run(main(base, n, path))))
