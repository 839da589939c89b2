"""`healthsift demo`: serve the bundled demo site on 127.0.0.1 and crawl it into `output/`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from demo.site import DemoSite, serve_site
from flows.progress import RichReporter, Silent, installed
from flows.runner import run_crawl
from flows.sources import Source


def demo_source(base: str) -> Source:
    """The demo site as a source: its sitemap, no politeness delay (it is our own server)."""
    return Source(
        name="demo",
        sitemaps=[f"{base}/sitemap.xml"],
        requests_per_second=0,
        respect_robots=False,
    )


DEFAULT_PORT = 8765  # Why: a fixed port keeps the demo records' ids stable between runs.


def run_demo(
    out: Path, *, port: int = DEFAULT_PORT, serve_only: bool = False, use_prefect: bool = True
) -> int:
    site = DemoSite.from_folder()
    try:
        server = serve_site(site, port=port)
        base = server.__enter__()
    except OSError:
        print(f"port {port} is busy; serving the demo site on a free port", file=sys.stderr)
        server = serve_site(site, port=0)
        base = server.__enter__()
    try:
        print(f"demo site: {base}/ ({len(site.articles)} articles)", file=sys.stderr)
        if serve_only:
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return 0
        with installed(RichReporter() if sys.stderr.isatty() else Silent()):
            reports = run_crawl([demo_source(base)], out, use_prefect=use_prefect)
    finally:
        server.__exit__(None, None, None)
    print(f"output: {out.resolve()}/ (articles/, index.json, articles.jsonl, schema/)")
    # Every demo article is ours and extractable: a failure is a bug, and the exit status says so.
    failed = sum(len(report.failures) for report in reports)
    if failed:
        print(f"demo: {failed} of {len(site.articles)} articles failed", file=sys.stderr)
        return 1
    return 0
