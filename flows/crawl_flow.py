"""Prefect flows `crawl-source` and `crawl`: discover a source's articles, crawl them in coarse
batches (one task per batch, run by the chosen task runner: threads, processes or a Dask
cluster), then finish the run with the index, rejections, state, a run report and a table
artifact. The flow bodies hold no business logic: see `flows.crawl`."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, ParamSpec, TypeVar, cast

# Prefect's engines, loaded with the flows rather than at their first call (see flows.cli._loading)
import prefect.flow_engine
import prefect.task_engine  # noqa: F401
from prefect import Flow, task
from prefect.artifacts import acreate_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.context import SyncClientContext
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from flows.crawl import (
    BatchJob,
    BatchResult,
    Discovery,
    RunReport,
    discover,
    fetch_options,
    finish_run,
    gather_batches,
    in_turn,
    merge_if_light,
    new_report,
    plan_batches,
)
from flows.fetch import Fetcher
from flows.progress import Reporter, reporter
from flows.publish import recover
from flows.sources import CrawlSettings, Source, SourcesConfig, load_config
from flows.workers import batch_pool, run_in_pool

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")

_PLAIN = (BaseModel, str, int, float, bool, type(None))


class _Flow(Flow[P, R]):
    """A Prefect flow whose parameters, pydantic models and plain values, are sent to the API
    as pydantic serialises them. Why: `Flow.serialize_parameters` imports FastAPI for its
    `jsonable_encoder` (about 80 ms of every run); for these values pydantic gives
    the same JSON (a test checks), and anything else still goes to Prefect's own."""

    def serialize_parameters(self, parameters: dict[str, Any]) -> dict[str, Any]:
        if all(isinstance(value, _PLAIN) for value in parameters.values()):
            return {
                key: to_jsonable_python(value, by_alias=True) for key, value in parameters.items()
            }
        return super().serialize_parameters(parameters)

    def with_options(self, **options: Any) -> _Flow[P, R]:
        if options.keys() == {"task_runner"} and not isinstance(options["task_runner"], type):
            # Why: Flow.with_options builds a new Flow, which generates the parameter schema
            # again (pydantic JSON Schemas of Source and CrawlSettings, about 5 ms of every
            # crawl's start); a new task runner changes nothing else
            runner_only = copy.copy(self)
            runner_only.task_runner = options["task_runner"]
            return runner_only
        new = super().with_options(**options)
        new.__class__ = _Flow  # Flow.with_options builds a plain Flow; this one adds no state
        return cast(_Flow[P, R], new)


def _flow(name: str) -> Callable[[Callable[P, R]], _Flow[P, R]]:
    """`@flow(name=..., log_prints=True)`, making a `_Flow`."""

    def make(fn: Callable[P, R]) -> _Flow[P, R]:
        return _Flow(fn=fn, name=name, log_prints=True)

    return make


def _whole(value: T, pickled: bool = False) -> T:
    """A task argument Prefect hands over as it is. Prefect walks every argument, item by item,
    looking for futures and states, twice per task run: a batch's URLs and article states, or
    a run's outcomes, are thousands of items (about 0.3 s of a re-crawl of 1,000 articles).
    Prefect unwraps the quote before the task runs, so the task sees the value itself.
    `pickled`: the argument travels to a Dask worker, where it is passed unquoted: Prefect 3.9's
    quote does not survive pickling (it comes back wrapped in a 1-tuple)."""
    return value if pickled else cast(T, quote(value))


# The tasks that run in the flow's own thread are async, and run their blocking work in a
# thread. Why: async task runs share the flow run's API client, while sync ones need a sync
# client of their own (about 20 ms to build: it loads the CA bundle), which a re-crawl that
# finds nothing to fetch never needs.


@task(name="discover-articles", retries=1, retry_delay_seconds=5, cache_policy=NO_CACHE)
async def discover_task(source: Source, out: str) -> Discovery:
    return await asyncio.to_thread(_discover, source, Path(out))


def _discover(source: Source, out: Path) -> Discovery:
    with Fetcher(fetch_options(source)) as fetcher:
        return discover(source, fetcher, out)


@task(name="crawl-batch", cache_policy=NO_CACHE, persist_result=False)
def crawl_batch_task(job: BatchJob) -> BatchResult:
    """One batch: on the run's worker process pool when there is one (task_runner=process),
    else where the task runs (a thread, or a Dask worker)."""
    return run_in_pool(job)


@task(name="recover-output", cache_policy=NO_CACHE, persist_result=False)
async def recover_task(out: str) -> None:
    """Repair what a killed earlier run left (temp files, a stale index)."""
    await asyncio.to_thread(recover, Path(out))


@task(name="finish-run", cache_policy=NO_CACHE, persist_result=False)
async def finish_task(
    report: RunReport, source: Source, results: list[BatchResult], out: str
) -> RunReport:
    return await asyncio.to_thread(finish_run, report, source, results, Path(out))


def make_task_runner(settings: CrawlSettings) -> Any:
    """The task runner the settings ask for (typed Any: Prefect's runner generics differ)."""
    if settings.task_runner == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1}
        )
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def _pool_for(settings: CrawlSettings, jobs: int) -> AbstractContextManager[object]:
    """The worker processes of task_runner=process; nothing for threads and Dask."""
    workers = settings.pool_size(jobs)
    return batch_pool(workers) if workers and settings.task_runner == "process" else nullcontext()


async def _artifact(report: RunReport) -> None:
    rows: list[dict[str, str | int]] = [
        {"status": k, "articles": v} for k, v in sorted(report.counts.items())
    ]
    rows += [{"status": f"failed: {f['kind']}", "articles": f["url"]} for f in report.failures[:50]]
    await acreate_table_artifact(
        key=f"crawl-{report.source.lower().replace('_', '-').replace('.', '-')}",
        table=rows,
        description=f"healthsift crawl of {report.source}: {report.discovered} articles found",
    )


@_flow(name="crawl-source")
async def crawl_source(
    source: Source, out: str = "output", settings: CrawlSettings | None = None
) -> RunReport:
    """One crawl run of one source into `out`. Async for Prefect's sake: its sync engine joins
    the flow-run heartbeat thread on exit, a thread that sleeps in 1 s steps, so every run
    ended 0.5 s later on average (up to 1 s; PrefectHQ/prefect#19641); the async engine leaves
    the daemon thread to end by itself."""
    settings = settings or CrawlSettings()
    report = new_report(source.name)
    await recover_task(out)
    discovery = await discover_task(source, out)
    report.discovered, report.warnings = len(discovery.urls), list(discovery.warnings)
    jobs, settled = plan_batches(source, discovery, Path(out), settings)
    progress = reporter()
    progress.start(source.name, len(discovery.urls))
    progress.advance(len(settled.outcomes))
    results = [settled]
    if jobs:
        jobs = merge_if_light(jobs, settings)
        results += await asyncio.to_thread(_run_batches, jobs, settings, progress)
    report = await finish_task(report, source, _whole(results), out)
    await _artifact(report)
    print(f"{source.name}: {report.discovered} found, {report.counts}")
    return report


def _run_batches(
    jobs: list[BatchJob], settings: CrawlSettings, progress: Reporter
) -> list[BatchResult]:
    """The batches, as task runs on the flow's task runner; blocks until all have finished."""
    # Why: one API client for every batch task run, as Prefect's sync engine provides; without
    # it each sync task run builds its own, loading the CA bundle (about 20 ms each)
    one_by_one = jobs[0].in_turn
    with SyncClientContext.get_or_create(), _pool_for(settings, 1 if one_by_one else len(jobs)):
        dask = settings.task_runner == "dask"
        if one_by_one:
            finished = in_turn(
                jobs, lambda job: crawl_batch_task.submit(_whole(job, pickled=dask)).result()
            )
        else:
            futures = [crawl_batch_task.submit(_whole(job, pickled=dask)) for job in jobs]
            finished = (future.result() for future in as_completed(futures))
        return gather_batches(jobs, settings, finished, progress)


@_flow(name="crawl")
async def crawl(
    config: str,
    out: str = "output",
    source: str | None = None,
    settings: CrawlSettings | None = None,
) -> list[RunReport]:
    """One crawl run of every source of a config file (or of one source by name), one source
    after another."""
    chosen: SourcesConfig = load_config(Path(config))
    settings = settings or chosen.crawl
    runner = make_task_runner(settings)
    return [
        await crawl_source.with_options(task_runner=runner)(s, out, settings)
        for s in chosen.select(source)
    ]
