"""Wall time of `healthsift extract` on a 3-page demo article served from 127.0.0.1, as a user
runs it (a fresh process each time), plus the in-process pipeline time for comparison.

usage: python bench/extract_speed.py [--runs N]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.site import DemoSite, serve_site  # noqa: E402
from flows.fetch import Fetcher  # noqa: E402
from flows.pipeline import run_extract  # noqa: E402

ARTICLE = "/nighttime-leg-cramps/"  # 3 pages


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 10
    cli = Path(sys.executable).parent / "healthsift"
    site = DemoSite.from_folder()
    with serve_site(site) as base:
        url = base + ARTICLE
        walls = []
        for _ in range(runs):
            started = time.perf_counter()
            done = subprocess.run([str(cli), "extract", url], capture_output=True, check=False)
            walls.append(time.perf_counter() - started)
            if done.returncode != 0:
                print(done.stderr.decode(), file=sys.stderr)
                return 1
        inproc = []
        with Fetcher() as fetcher:
            for _ in range(runs):
                started = time.perf_counter()
                record = run_extract(url, fetcher=fetcher)
                inproc.append(time.perf_counter() - started)
    pages = len(record.provenance.pages)
    print(f"healthsift extract, {pages}-page article on 127.0.0.1, {runs} runs")
    print(
        f"  CLI wall time:   median {statistics.median(walls):.3f} s, "
        f"min {min(walls):.3f} s, max {max(walls):.3f} s"
    )
    print(
        f"  in-process:      median {statistics.median(inproc) * 1000:.1f} ms "
        f"(fetch {pages} pages + clean + extract)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
