"""Warm rerun of each page vs an empty page, in AppTest (same process, interleaved runs). Prints ratios.

    python bench/bench_pages.py [repeats] [page ...]

Target (issue 9): each page's warm rerun ≤ 3 × the empty page's. The empty page is rerun between every
rerun of the page under test, so drift on this machine (±30 % between minutes) hits both sides alike.
Pages open on their first part; the other parts (`?view=…`) are measured too, in a second table.
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
os.chdir(ROOT)  # the project's .streamlit/config.toml applies, as under `streamlit run`

from streamlit.testing.v1 import AppTest  # noqa: E402


def _timed(at: AppTest) -> float:
    t0 = time.perf_counter()
    at.run()
    return (time.perf_counter() - t0) * 1000


PARTS = {"prices": ("returns", "map"), "study": ("tables", "firms", "heatmap"), "timeline": ("disagree",),
         "claims": ("detail", "matrix")}  # the parts a page does not open on


def measure(path: Path, floor_at: AppTest, repeats: int, view: str | None = None) -> tuple[float, float, float]:
    """(cold ms, warm ms, floor ms measured alongside) for one page (and part)."""
    at = AppTest.from_file(str(path), default_timeout=120)
    if view:
        at.query_params["view"] = view
    cold = _timed(at)
    if at.exception:
        raise RuntimeError(f"{path.name}: {at.exception[0].value}")
    _timed(at)  # the first rerun still fills per-session caches
    page, floor = [], []
    for _ in range(repeats):
        floor.append(_timed(floor_at))
        page.append(_timed(at))
    return cold, statistics.median(page), statistics.median(floor)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    only = set(sys.argv[2:])
    pages = [p for p in sorted((ROOT / "pages").glob("*.py")) if not only or p.stem in only]
    floor_at = AppTest.from_file(str(ROOT / "bench" / "empty_page.py"), default_timeout=120)
    floor_at.run()
    print(f"{'page':<12} {'cold ms':>9} {'warm ms':>9} {'empty ms':>9} {'ratio':>7}  target ≤ 3   (median of {repeats}, interleaved)")
    for p in pages:
        cold, warm, floor = measure(p, floor_at, repeats)
        ratio = warm / floor
        print(f"{p.stem:<12} {cold:>9.1f} {warm:>9.1f} {floor:>9.1f} {ratio:>7.2f}  {'ok' if ratio <= 3 else 'MISSED'}", flush=True)
    print(f"\n{'other part':<24} {'warm ms':>9} {'empty ms':>9} {'ratio':>7}")
    for p in pages:
        for view in PARTS.get(p.stem, ()):
            _, warm, floor = measure(p, floor_at, repeats, view)
            print(f"{p.stem + '?view=' + view:<24} {warm:>9.1f} {floor:>9.1f} {warm / floor:>7.2f}", flush=True)


if __name__ == "__main__":
    main()
