"""`healthsift serve`: one Prefect deployment per source, each on its cron schedule, served from
this process until interrupted."""

from __future__ import annotations

from pathlib import Path

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.crawl_flow import crawl_source
from flows.sources import Source


def serve_sources(sources: list[Source], out: Path) -> None:
    """Serve `crawl-source` deployments for the sources that have a schedule."""
    scheduled = [s for s in sources if s.schedule]
    if not scheduled:
        raise ValueError("no source in the config has a schedule")
    deployments: list[RunnerDeployment] = []
    for source in scheduled:
        deployment = crawl_source.to_deployment(
            name=f"crawl-{source.name}",
            cron=source.schedule,
            parameters={"source": source.model_dump(mode="json"), "out": str(out)},
            tags=["healthsift", source.name],
        )
        assert isinstance(deployment, RunnerDeployment)  # sync context: no coroutine
        deployments.append(deployment)
    serve(*deployments)
