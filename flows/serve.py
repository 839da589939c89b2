"""`healthsift serve`: one Prefect deployment per source, each on its cron schedule, served from
this process until interrupted (`prefect.yaml` defines the same deployments for `prefect
deploy` to a process work pool)."""

from __future__ import annotations

from pathlib import Path

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.crawl_flow import crawl_source, make_task_runner
from flows.sources import CrawlSettings, Source


def build_deployments(
    sources: list[Source], out: Path, settings: CrawlSettings
) -> list[RunnerDeployment]:
    """A `crawl-<source>` deployment of the crawl-source flow for each scheduled source."""
    scheduled = [s for s in sources if s.schedule]
    if not scheduled:
        raise ValueError("no source in the config has a schedule")
    flow = crawl_source.with_options(task_runner=make_task_runner(settings))
    deployments: list[RunnerDeployment] = []
    for source in scheduled:
        deployment = flow.to_deployment(
            name=f"crawl-{source.name}",
            cron=source.schedule,
            parameters={
                "source": source.model_dump(mode="json"),
                "out": str(out),
                "settings": settings.model_dump(mode="json"),
            },
            tags=["healthsift", source.name],
            description=f"Crawl {source.name} into {out} on '{source.schedule}'",
        )
        assert isinstance(deployment, RunnerDeployment)  # sync context: no coroutine
        deployments.append(deployment)
    return deployments


def serve_sources(sources: list[Source], out: Path, settings: CrawlSettings) -> None:
    """Serve the deployments until interrupted (Ctrl-C)."""
    serve(*build_deployments(sources, out, settings))
