"""Warm rerun of each page vs an empty page, in AppTest (same process, same run). Prints ratios.

    python bench/bench_pages.py [repeats]

Target (issue 9): each page's warm rerun ≤ 3 × the empty page's.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("MARKET_IMPACT_MODE", "snapshot")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402


def warm_rerun_ms(path: Path, repeats: int) -> tuple[float, float]:
    at = AppTest.from_file(str(path), default_timeout=120)
    t0 = time.perf_counter()
    at.run()
    cold = (time.perf_counter() - t0) * 1000
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].value}")
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        at.run()
        samples.append((time.perf_counter() - t0) * 1000)
    return cold, statistics.median(samples)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    pages = sorted((ROOT / "pages").glob("*.py"))
    _, floor = warm_rerun_ms(ROOT / "bench" / "empty_page.py", repeats)
    rows = []
    for p in pages:
        cold, warm = warm_rerun_ms(p, repeats)
        rows.append((p.stem, cold, warm, warm / floor))
    print(f"empty page warm rerun: {floor:.1f} ms (median of {repeats})")
    print(f"{'page':<12} {'cold ms':>9} {'warm ms':>9} {'ratio':>7}  target ≤ 3")
    for name, cold, warm, ratio in rows:
        print(f"{name:<12} {cold:>9.1f} {warm:>9.1f} {ratio:>7.2f}  {'ok' if ratio <= 3 else 'MISSED'}")


if __name__ == "__main__":
    main()
