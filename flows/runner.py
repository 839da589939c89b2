"""Runs crawls for the CLI: through the Prefect flows, or the same steps without the engine
(`--no-prefect`), and prints a summary per source."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from flows.crawl import RunReport, batches, crawl_batch, discover, fetch_options, finish_run
from flows.fetch import Fetcher, utc_now
from flows.sources import Source


def crawl_source_plain(source: Source, out: Path) -> RunReport:
    """`crawl-source` without Prefect: same discovery, batches, publishing and report."""
    stamp = utc_now().replace(":", "").replace("-", "")
    report = RunReport(f"{stamp}-{source.name}-{uuid.uuid4().hex[:6]}", source.name, utc_now())
    with Fetcher(fetch_options(source)) as fetcher:
        urls, warnings = discover(source, fetcher)
    report.discovered, report.warnings = len(urls), warnings
    outcomes = [o for batch in batches(urls, 25) for o in crawl_batch(batch, source, out)]
    return finish_run(report, outcomes, out)


def summary(report: RunReport, out: Path) -> str:
    counts = ", ".join(f"{v} {k}" for k, v in sorted(report.counts.items())) or "nothing"
    return (
        f"{report.source}: {report.discovered} articles found; {counts}; "
        f"report {out / 'runs' / (report.run_id + '.json')}"
    )


def run_crawl(sources: list[Source], out: Path, *, use_prefect: bool = True) -> list[RunReport]:
    """Crawl each source once into `out`; prints one summary line per source."""
    out.mkdir(parents=True, exist_ok=True)
    reports: list[RunReport] = []
    for source in sources:
        if use_prefect:
            from flows.crawl_flow import crawl_source

            report = crawl_source(source, str(out))
        else:
            report = crawl_source_plain(source, out)
        reports.append(report)
        print(summary(report, out), file=sys.stderr)
        for failure in report.failures[:20]:
            print(f"  failed {failure['url']}: {failure['reason']}", file=sys.stderr)
    return reports
