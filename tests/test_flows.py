"""The Prefect flows, under prefect_test_harness (a temporary local server): extract-url and a
crawl of the demo site, which must publish what the plain pipeline extracts."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.demo import demo_source


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    home = tempfile.mkdtemp(prefix="prefect-home-")
    saved = {k: os.environ.get(k) for k in ("PREFECT_HOME", "DO_NOT_TRACK")}
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


def test_crawl_flow_publishes_the_demo_site(harness: None, demo_base: str, tmp_path: Path) -> None:
    from flows.crawl_flow import crawl_source

    report = crawl_source(demo_source(demo_base), str(tmp_path))
    assert report.counts == {"new": 6}
    index = json.loads((tmp_path / "index.json").read_text())
    assert len(index["articles"]) == 6
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.json") if "runs" not in p.parts}
    again = crawl_source(demo_source(demo_base), str(tmp_path))
    assert again.counts == {"unchanged": 6}
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert (tmp_path / "runs" / f"{again.run_id}.json").exists()
