"""Runs crawls for the CLI: through the Prefect flows, or the same steps without the engine
(`--no-prefect`, batches on a process pool), with a progress bar and a summary per source."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from flows.crawl import (
    BatchJob,
    BatchResult,
    RunReport,
    discover,
    fetch_options,
    finish_run,
    gather_batches,
    in_turn,
    merge_if_light,
    new_report,
    plan_batches,
    run_batch,
)
from flows.fetch import Fetcher
from flows.progress import reporter
from flows.publish import recover
from flows.sources import CrawlSettings, Source
from flows.workers import batch_pool


@contextmanager
def _executor(settings: CrawlSettings, jobs: int) -> Iterator[Executor | None]:
    workers = settings.pool_size(jobs)
    if not workers:
        yield None
        return
    if settings.task_runner == "thread":
        with ThreadPoolExecutor(workers) as pool:
            yield pool
        return
    if settings.task_runner == "dask":
        from distributed import Client

        address = settings.dask_address
        client = (
            Client(address)  # type: ignore[no-untyped-call]
            if address
            else Client(n_workers=workers, threads_per_worker=1)  # type: ignore[no-untyped-call]
        )
        with client:
            yield client.get_executor()  # type: ignore[no-untyped-call]
        return
    with batch_pool(workers) as pool:
        yield pool


def run_jobs(jobs: list[BatchJob], settings: CrawlSettings) -> list[BatchResult]:
    """Run batch jobs on the settings' executor, advancing the progress bar as they finish."""
    progress = reporter()
    if jobs and jobs[0].in_turn:  # one after another, in this process
        return gather_batches(jobs, settings, in_turn(jobs, run_batch), progress)
    results: list[BatchResult] = []
    with _executor(settings, len(jobs)) as pool:
        if pool is None:
            for job in jobs:
                results.append(run_batch(job))
                progress.advance(len(job.urls))
            return results
        futures = [pool.submit(run_batch, job) for job in jobs]
        return gather_batches(jobs, settings, (f.result() for f in as_completed(futures)), progress)


def crawl_source_plain(source: Source, out: Path, settings: CrawlSettings) -> RunReport:
    """`crawl-source` without Prefect: the same discovery, batches, publishing and report."""
    report = new_report(source.name)
    recover(out)
    with Fetcher(fetch_options(source)) as fetcher:
        discovery = discover(source, fetcher, out)
    report.discovered, report.warnings = len(discovery.urls), list(discovery.warnings)
    progress = reporter()
    progress.start(source.name, len(discovery.urls))
    jobs, settled = plan_batches(source, discovery, out, settings)
    progress.advance(len(settled.outcomes))
    results = [settled, *run_jobs(merge_if_light(jobs, settings), settings)]
    return finish_run(report, source, results, out)


def summary(report: RunReport, out: Path) -> str:
    counts = ", ".join(f"{v} {k}" for k, v in sorted(report.counts.items())) or "nothing"
    return (
        f"{report.source}: {report.discovered} articles found; {counts}; "
        f"report {out / 'runs' / (report.run_id + '.json')}"
    )


def run_crawl(
    sources: list[Source],
    out: Path,
    *,
    use_prefect: bool = True,
    settings: CrawlSettings | None = None,
) -> list[RunReport]:
    """Crawl each source once into `out`; prints one summary line per source."""
    settings = settings or CrawlSettings()
    out.mkdir(parents=True, exist_ok=True)
    reports: list[RunReport] = []
    for source in sources:
        if use_prefect:
            from flows.crawl_flow import crawl_source, make_task_runner

            runner = crawl_source.with_options(task_runner=make_task_runner(settings))
            report = asyncio.run(runner(source, str(out), settings))
        else:
            report = crawl_source_plain(source, out, settings)
        reports.append(report)
        print(summary(report, out), file=sys.stderr)
        for failure in report.failures[:20]:
            print(f"  failed {failure['url']}: {failure['reason']}", file=sys.stderr)
    return reports
