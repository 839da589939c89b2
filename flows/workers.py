"""The process pool that runs crawl batches next to Prefect: a fork server that imports the
crawl code (not Prefect) once and forks the workers from that clean process. Prefect's tasks
then only hand batches over, so workers start fast and stay small."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from flows.crawl import BatchJob, BatchResult, run_batch
from flows.forkserver import start_fork_server

_pools: list[ProcessPoolExecutor] = []


@contextmanager
def batch_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` crawl processes for the duration of a run."""
    context = start_fork_server()
    pool = ProcessPoolExecutor(workers, mp_context=context)
    _pools.append(pool)
    try:
        yield pool
    finally:
        _pools.remove(pool)
        pool.shutdown()


def run_in_pool(job: BatchJob) -> BatchResult:
    """Run a batch on the current run's pool (in this process when there is none)."""
    if not _pools:
        return run_batch(job)
    return _pools[-1].submit(run_batch, job).result()
