"""The Prefect flows, under prefect_test_harness (a temporary local server): extract-url, the
crawl of the demo site with the default runner and on a local Dask cluster (same output), the
scheduled deployments of `healthsift serve`, and prefect.yaml."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from flows.demo import demo_source
from flows.sources import CrawlSettings, load_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    home = tempfile.mkdtemp(prefix="prefect-home-")
    keys = ("PREFECT_HOME", "DO_NOT_TRACK", "PREFECT_SERVER_ANALYTICS_ENABLED")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ.update(
        {"PREFECT_HOME": home, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    )
    from prefect.testing.utilities import prefect_test_harness

    try:
        with prefect_test_harness(server_startup_timeout=180):
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def test_extract_url_flow(harness: None, demo_base: str, demo_records: dict) -> None:
    import flows

    record = flows.extract_url(demo_base + "/nighttime-leg-cramps/")
    plain = demo_records["nighttime-leg-cramps"][1]
    assert record.provenance.content_hash == plain.provenance.content_hash
    assert [c.name for c in record.causes] == [c.name for c in plain.causes]


def _index(out: Path) -> list[tuple[str, str]]:
    articles = json.loads((out / "index.json").read_text())["articles"]
    return [(a["id"], a["content_hash"]) for a in articles]


def test_crawl_flow_publishes_the_demo_site(harness: None, demo_base: str, tmp_path: Path) -> None:
    from flows.crawl_flow import crawl_source

    settings = CrawlSettings(workers=2, task_runner="process", batch_size=2)
    report = asyncio.run(crawl_source(demo_source(demo_base), str(tmp_path), settings))
    assert report.counts == {"new": 6}
    assert len(_index(tmp_path)) == 6
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json") if "runs" not in p.parts}
    again = asyncio.run(crawl_source(demo_source(demo_base), str(tmp_path), settings))
    assert again.counts == {"unchanged": 6}
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert (tmp_path / "runs" / f"{again.run_id}.json").exists()
    assert _artifact_rows("crawl-demo") == [{"status": "unchanged", "articles": 6}]


def _artifact_rows(key: str) -> list[dict[str, object]]:
    """The rows of the latest table artifact under `key` on the harness's server."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        latest = client.read_latest_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
        )
    assert len(latest) == 1, latest
    data = latest[0].data
    return json.loads(data) if isinstance(data, str) else data  # type: ignore[return-value]


def test_crawl_flow_runs_the_chosen_sources_of_a_config(
    harness: None, demo_base: str, tmp_path: Path
) -> None:
    from flows.crawl_flow import crawl

    config = tmp_path / "sources.toml"
    config.write_text(
        '[crawl]\nworkers = 1\ntask_runner = "thread"\n\n'
        + "".join(
            f'[[sources]]\nname = "{name}"\nsitemaps = ["{demo_base}/sitemap.xml"]\n'
            "requests_per_second = 0\nrespect_robots = false\n\n"
            for name in ("first", "second")
        )
    )
    reports = asyncio.run(crawl(str(config), str(tmp_path / "all")))
    # the same site twice into one folder: the second source finds its articles published
    assert [(r.source, r.counts) for r in reports] == [
        ("first", {"new": 6}),
        ("second", {"unchanged": 6}),
    ]
    chosen = asyncio.run(crawl(str(config), str(tmp_path / "one"), source="second"))
    assert [(r.source, r.counts) for r in chosen] == [("second", {"new": 6})]
    assert _index(tmp_path / "one") == _index(tmp_path / "all")


def test_crawl_on_a_local_dask_cluster_gives_the_same_output(
    harness: None, demo_base: str, tmp_path: Path
) -> None:
    from flows.crawl_flow import crawl_source, make_task_runner

    default = CrawlSettings(workers=1, task_runner="thread")
    asyncio.run(crawl_source(demo_source(demo_base), str(tmp_path / "default"), default))
    dask = CrawlSettings(workers=2, task_runner="dask", batch_size=2)
    on_dask = crawl_source.with_options(task_runner=make_task_runner(dask))
    report = asyncio.run(on_dask(demo_source(demo_base), str(tmp_path / "dask"), dask))
    assert report.counts == {"new": 6}
    assert _index(tmp_path / "dask") == _index(tmp_path / "default")


def test_crawl_flow_parameters_are_serialised_as_prefect_would() -> None:
    """The crawl flows send their parameters to the API as pydantic serialises them, without
    FastAPI's encoder: the same JSON as Prefect's own serialisation; other values still go to
    Prefect's."""
    from unittest import mock

    from prefect import Flow

    from flows.crawl_flow import crawl, crawl_source, make_task_runner
    from flows.sources import Source

    source = Source(
        name="s",
        sitemaps=["https://s.example/sitemap.xml"],
        include=["^https://s.example/[^/]+/$"],
        requests_per_second=0.5,
        schedule="0 */6 * * *",
    )
    settings = CrawlSettings(workers=3, task_runner="dask", dask_address="tcp://h:8786")
    parameters = {"source": source, "out": "output", "settings": settings}
    copy = crawl_source.with_options(task_runner=make_task_runner(CrawlSettings()))
    expected = Flow.serialize_parameters(crawl_source, parameters)
    assert expected["source"]["sitemaps"] == ["https://s.example/sitemap.xml"]
    with mock.patch.object(Flow, "serialize_parameters", side_effect=AssertionError):
        assert crawl_source.serialize_parameters(parameters) == expected
        assert copy.serialize_parameters(parameters) == expected
        plain = {"config": "sources.toml", "out": "output", "source": None, "settings": None}
        assert crawl.serialize_parameters(plain) == plain
        with pytest.raises(AssertionError):
            crawl_source.serialize_parameters({"source": source, "out": Path("output")})


def test_a_new_task_runner_copies_the_flow_without_its_schema_again() -> None:
    """`with_options(task_runner=...)` alone copies the flow (Prefect's builds a new one and
    generates its parameter schema again, about 5 ms); any other option goes through Prefect's."""
    from unittest import mock

    from prefect.task_runners import ThreadPoolTaskRunner

    from flows.crawl_flow import crawl_source, make_task_runner

    runner = make_task_runner(CrawlSettings(workers=3, task_runner="process"))
    assert isinstance(runner, ThreadPoolTaskRunner)
    before = crawl_source.task_runner
    with mock.patch("prefect.flows.parameter_schema", side_effect=AssertionError):
        copy = crawl_source.with_options(task_runner=runner)
        with pytest.raises(AssertionError):
            crawl_source.with_options(task_runner=runner, retries=1)
    assert copy.task_runner is runner
    assert crawl_source.task_runner is before
    assert type(copy) is type(crawl_source)
    assert copy.name == crawl_source.name
    assert copy.parameters == crawl_source.parameters
    assert copy.fn is crawl_source.fn


def test_serve_builds_one_scheduled_deployment_per_source(harness: None, tmp_path: Path) -> None:
    from flows.serve import build_deployments

    config = load_config(ROOT / "sources.example.toml")
    deployments = build_deployments(config.sources, tmp_path, config.crawl)
    assert [d.name for d in deployments] == [f"crawl-{s.name}" for s in config.sources]
    crons = [d.schedules[0].schedule.cron for d in deployments]  # type: ignore[union-attr]
    assert crons == [s.schedule for s in config.sources]


def test_prefect_yaml_matches_the_example_config() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    config = tomllib.loads((ROOT / "sources.example.toml").read_text())
    by_name = {d["name"]: d for d in spec["deployments"]}
    for source in config["sources"]:
        deployment = by_name[f"crawl-{source['name']}"]
        assert deployment["schedules"][0]["cron"] == source["schedule"]
        assert deployment["parameters"]["source"] == source["name"]
        module, _, name = deployment["entrypoint"].partition(":")
        assert (ROOT / module).exists()
        import importlib

        flow = getattr(importlib.import_module(module[:-3].replace("/", ".")), name)
        assert flow.name == "crawl"
