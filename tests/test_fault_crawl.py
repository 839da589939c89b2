"""A crawl of 200 articles of which a quarter are faulty, transient and permanent mixed: every
healthy article is published, every failure is reported with its reason, nothing partial or
invalid lands in output/, and a second run publishes the articles whose faults were transient."""

from __future__ import annotations

import json
from pathlib import Path

from flows.runner import run_crawl
from flows.sources import CrawlSettings, Source
from schemas import HealthArticle
from tests.faultserver import FaultServer

HEALTHY = 150
TRANSIENT = 25  # 503 five times, then healthy: fails a run of 4 attempts, passes the next
# /drip (a body that trickles in for minutes) is left to test_faults: its one attempt of a
# whole-body deadline would make this test wait on one URL.
PERMANENT = (
    "/status/500",
    "/status/404",
    "/status/410",
    "/pdf",
    "/json",
    "/image.png",
    "/empty",
    "/redirect/loop",
    "/redirect/chain/0",
    "/reset/body",
    "/short",
    "/gzipbomb",
    "/redirect/scheme",
    "/garbage",
    "/gzip/garbage",
    "/encoding/br",
    "/big",
    "/pagefail/",
    "/private/a/",
    "/private/b/",
    "/status/502",
    "/status/503",
    "/429/long",
    "/headers/huge",
    "/status/403",
)


def test_two_hundred_articles_a_quarter_faulty(tmp_path: Path) -> None:
    out = tmp_path / "output"
    with FaultServer() as server:
        server.robots_enabled = True
        healthy = [server.url(f"/flaky/h{i}/0/") for i in range(HEALTHY)]
        transient = [server.url(f"/flaky/t{i}/5/") for i in range(TRANSIENT)]
        permanent = [server.url(path) for path in PERMANENT]
        urls = healthy + transient + permanent
        assert len(urls) == 200
        source = Source(
            name="faults200",
            articles=urls,
            requests_per_second=0,
            respect_robots=True,
            concurrency=32,
            timeout=2.0,
            retries=3,
            max_articles=200,
        )
        settings = CrawlSettings(workers=2, task_runner="process", batch_size=50)
        first = run_crawl([source], out, use_prefect=False, settings=settings)[0]
        _no_partial_or_invalid_file(out)
        rejected_first = _rejected_urls(out)
        second = run_crawl([source], out, use_prefect=False, settings=settings)[0]
        _no_partial_or_invalid_file(out)
    assert first.counts == {"new": HEALTHY, "failed": TRANSIENT + len(PERMANENT)}
    failures = {f["url"]: f for f in first.failures}
    assert set(failures) == set(transient + permanent)
    assert all(f["reason"].strip() and f["kind"] for f in failures.values())
    assert rejected_first == set(transient + permanent)

    assert second.counts == {"unchanged": HEALTHY, "new": TRANSIENT, "failed": len(PERMANENT)}
    assert _rejected_urls(out) == set(permanent)
    index = json.loads((out / "index.json").read_text())["articles"]
    assert len(index) == HEALTHY + TRANSIENT


def _rejected_urls(out: Path) -> set[str]:
    return {json.loads(p.read_text())["url"] for p in (out / "rejected").glob("*.json")}


def _no_partial_or_invalid_file(out: Path) -> None:
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        assert not path.name.endswith(".tmp"), f"temp file left: {path}"
        if path.suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if path.parent.name == "articles":
                HealthArticle.model_validate(data)
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                HealthArticle.model_validate(json.loads(line))
