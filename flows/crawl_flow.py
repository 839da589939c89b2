"""Prefect flows `crawl-source` and `crawl`: discover a source's articles, extract and publish
them in coarse batches (one task per batch), then finish the run with the index, rejections, a
run report and a table artifact. The flow bodies hold no business logic: see `flows.crawl`."""

from __future__ import annotations

import uuid
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_table_artifact

from flows.crawl import (
    Outcome,
    RunReport,
    batches,
    crawl_batch,
    discover,
    fetch_options,
    finish_run,
)
from flows.fetch import Fetcher, utc_now
from flows.sources import Source, SourcesConfig, load_config

BATCH_SIZE = 25  # Why: a task run costs 10-100 ms; 25 articles amortise it without starving.


@task(name="discover-articles", retries=1, retry_delay_seconds=5)
def discover_task(source: Source) -> tuple[list[str], list[str]]:
    with Fetcher(fetch_options(source)) as fetcher:
        return discover(source, fetcher)


@task(name="crawl-batch")
def crawl_batch_task(urls: list[str], source: Source, out: str) -> list[Outcome]:
    return crawl_batch(urls, source, Path(out))


@task(name="finish-run")
def finish_task(report: RunReport, outcomes: list[Outcome], out: str) -> RunReport:
    return finish_run(report, outcomes, Path(out))


def _artifact(report: RunReport) -> None:
    rows = [{"status": k, "articles": v} for k, v in sorted(report.counts.items())]
    rows += [{"status": f"failed: {f['kind']}", "articles": f["url"]} for f in report.failures[:50]]
    create_table_artifact(
        key=f"crawl-{report.source.lower().replace('_', '-').replace('.', '-')}",
        table=rows,
        description=f"healthsift crawl of {report.source}: {report.discovered} articles found",
    )


@flow(name="crawl-source", log_prints=True)
def crawl_source(source: Source, out: str = "output") -> RunReport:
    """One crawl run of one source into `out`."""
    report = RunReport(run_id=_run_id(source.name), source=source.name, started_at=utc_now())
    urls, warnings = discover_task(source)
    report.discovered, report.warnings = len(urls), warnings
    futures = [crawl_batch_task.submit(batch, source, out) for batch in batches(urls, BATCH_SIZE)]
    outcomes = [o for future in futures for o in future.result()]
    report = finish_task(report, outcomes, out)
    _artifact(report)
    print(f"{source.name}: {report.discovered} found, {report.counts}")
    return report


@flow(name="crawl", log_prints=True)
def crawl(config: str, out: str = "output", source: str | None = None) -> list[RunReport]:
    """One crawl run of every source of a config file (or of one source by name)."""
    chosen: SourcesConfig = load_config(Path(config))
    return [crawl_source(s, out) for s in chosen.select(source)]


def _run_id(name: str) -> str:
    stamp = utc_now().replace(":", "").replace("-", "")
    return f"{stamp}-{name}-{uuid.uuid4().hex[:6]}"
