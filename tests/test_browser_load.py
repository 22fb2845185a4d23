"""Load: 20 concurrent browser contexts open the Overview on one server (loopback only); all draw the chart."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser


def test_twenty_concurrent_visitors_all_get_the_chart(app_server, artifacts):
    out = subprocess.run([sys.executable, "bench/load_overview.py", app_server, "20", "/"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout)
    (artifacts / "load-overview.json").write_text(json.dumps(report, indent=1))
    print(f"\nload: {report['rendered']}/{report['n']} rendered, p50 {report['p50_s']} s, p95 {report['p95_s']} s")
    assert report["failures"] == []
    assert report["rendered"] == 20
