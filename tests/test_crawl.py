"""Crawl runs without the Prefect engine (the same steps the flows run): discovery, batches,
politeness, conditional requests, publishing, rejections, state and run reports."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from demo.site import DemoSite
from flows.crawl import (
    BatchJob,
    BatchResult,
    Discovery,
    discover,
    in_turn,
    new_report,
    plan_batches,
    this_run,
)
from flows.fetch import Fetcher
from flows.politeness import HostGate, HostPace
from flows.publish import Rejection, write_rejection
from flows.runner import run_crawl
from flows.sources import ConfigError, CrawlSettings, Source, parse_config
from flows.state import ArticleState, save_state
from tests.faultserver import gzip_bomb
from tests.support import Route, ServedLog, serve_routes, site_routes

INLINE = CrawlSettings(workers=1, task_runner="thread")


def source_for(base: str, **extra: object) -> Source:
    values: dict[str, object] = {
        "name": "test",
        "sitemaps": [f"{base}/sitemap.xml"],
        "requests_per_second": 0,
        "respect_robots": False,
    }
    values.update(extra)
    return Source.model_validate(values)


def mtimes(out: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in out.rglob("*.json") if "runs" not in p.parts}


def test_first_run_publishes_second_run_changes_nothing(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    log = ServedLog()
    with serve_routes(site_routes(demo_site), log) as base:
        source = source_for(base, trust_lastmod=False)
        first = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        stamps = mtimes(tmp_path)
        log.requests.clear()
        second = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
    assert first.counts == {"new": 6}
    assert second.counts == {"unchanged": 6}
    assert mtimes(tmp_path) == stamps
    article_requests = [r for r in log.requests if r[0] not in ("/sitemap.xml",)]
    assert len(article_requests) == 6, "one conditional request per unchanged article"
    assert all(etag for _, etag in article_requests), "requests carry If-None-Match"
    index = json.loads((tmp_path / "index.json").read_text())
    assert len(index["articles"]) == 6
    _check_against_published_schema(tmp_path, index)
    reports = sorted((tmp_path / "runs").glob("*.json"))
    assert len(reports) == 2
    assert json.loads(reports[-1].read_text())["counts"] == {"unchanged": 6}


def _check_against_published_schema(out: Path, index: dict) -> None:
    """Every indexed record validates against the JSON Schema file the crawl published, read
    by a JSON Schema validator (not by our own models), as a downstream app would."""
    from jsonschema import validators

    schema = json.loads(next((out / "schema").glob("*.schema.json")).read_text())
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    for entry in index["articles"]:
        record = json.loads((out / entry["path"]).read_text())
        assert not list(validator.iter_errors(record)), entry["path"]
    broken = dict(record, causes=[{"name": 1}])
    assert list(validator.iter_errors(broken)), "the schema must reject a malformed record"


def test_changed_article_is_republished(demo_site: DemoSite, tmp_path: Path) -> None:
    routes = site_routes(demo_site)
    settings = CrawlSettings(workers=1, task_runner="thread", full_recheck_hours=0)
    with serve_routes(routes) as base:
        run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=settings)
        status, headers, body = routes["/dry-eye/"]
        routes["/dry-eye/"] = (status, headers, body.replace(b"gritty", b"sandy"))
        report = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=settings)[0]
    assert report.counts == {"changed": 1, "unchanged": 5}


def test_pages_that_change_on_every_request_rewrite_nothing(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """Content-farm pages differ on every request (ad slots, cache busters) while their
    articles do not: a re-crawl fetches and extracts them again and rewrites no file, the
    crawl state included; the full check takes the pages' new validators."""
    routes = site_routes(demo_site)
    pages = [p for p, (_, headers, _) in routes.items() if "html" in headers["Content-Type"]]

    def rotate(slot: int) -> None:
        for path in pages:
            status, headers, body = routes[path]
            body = body.split(b"<!-- ad slot")[0]
            routes[path] = (status, headers, body + f"<!-- ad slot {slot} -->".encode())

    with serve_routes(routes) as base:
        source = source_for(base, trust_lastmod=False)
        assert run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0].counts == {
            "new": 6
        }
        stamps = mtimes(tmp_path)
        for slot in (1, 2):
            rotate(slot)
            report = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
            assert report.counts == {"unchanged": 6}
            assert mtimes(tmp_path) == stamps
        daily = INLINE.model_copy(update={"full_recheck_hours": 0})
        assert run_crawl([source], tmp_path, use_prefect=False, settings=daily)[0].counts == {
            "unchanged": 6
        }
        state = next((tmp_path / "state").glob("test.json"))
        assert state.stat().st_mtime_ns != stamps[str(state)]


def test_one_article_under_two_urls_is_published_once_and_not_rewritten(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """A feed lists an article twice, through two tracking redirects, and its pages carry no
    validators and change on every view: every run fetches and extracts both. The record is
    the same whichever URL it started from, so the second of them finds it published, in the
    first run as in later ones."""
    views = itertools.count()

    def viewed(body: bytes) -> Callable[[], bytes]:
        return lambda: body + f"<!-- view {next(views)} -->".encode()

    routes: dict[str, Route] = {
        path: (status, {**headers, "ETag": ""}, viewed(body))
        for path, (status, headers, body) in site_routes(demo_site).items()
    }
    routes["/r/1"] = (301, {"Location": "/dry-eye/?utm_source=feed"}, b"")
    routes["/r/2"] = (301, {"Location": "/dry-eye/?utm_source=feed&utm_campaign=x"}, b"")
    routes["/dry-eye/?utm_source=feed"] = routes["/dry-eye/"]
    routes["/dry-eye/?utm_source=feed&utm_campaign=x"] = routes["/dry-eye/"]
    with serve_routes(routes) as base:
        source = Source.model_validate(
            {
                "name": "test",
                "articles": [f"{base}/r/1", f"{base}/r/2"],
                "requests_per_second": 0,
                "respect_robots": False,
            }
        )
        first = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        stamps = mtimes(tmp_path)
        runs = [run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]]
        runs.append(run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0])
    assert first.counts == {"new": 1, "unchanged": 1}
    assert [r.counts for r in runs] == [{"unchanged": 2}] * 2
    assert mtimes(tmp_path) == stamps
    (entry,) = json.loads((tmp_path / "index.json").read_text())["articles"]
    assert entry["url"].endswith("/dry-eye/")


def test_later_pages_a_sitemap_lists_under_names_are_merged_not_published(
    tmp_path: Path,
) -> None:
    """A sitemap lists an article's later pages, named in words ("/guide/heat-rash/part-two/"):
    nothing tells them from articles before the crawl. They are merged into the article and
    withdrawn; the next run knows them as its pages and does not fetch them on their own."""
    para = "<p>Heat rash is an itchy rash of small raised spots that appears when sweat is trapped.</p>"

    def page(title: str, body: str) -> bytes:
        return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{para * 3}{body}</article></body></html>".encode()

    routes: dict[str, Route] = {
        "/guide/heat-rash/": (200, {}, page("Heat rash", "<a href='part-two/'>Next: Causes »</a>")),
        "/guide/heat-rash/part-two/": (
            200,
            {},
            page("Causes", "<h2>Causes</h2><p>Sweat ducts get blocked in hot weather.</p>"),
        ),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, b""),
    }
    log = ServedLog()
    with serve_routes(routes, log) as base:
        locs = "".join(
            f"<url><loc>{base}{p}</loc></url>"
            for p in ("/guide/heat-rash/", "/guide/heat-rash/part-two/")
        )
        routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            f"<urlset>{locs}</urlset>".encode(),
        )
        first = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)[0]
        stamps = mtimes(tmp_path)
        log.requests.clear()
        second = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)[0]
    assert first.counts == {"new": 1, "merged": 1}
    assert second.counts == {"unchanged": 1, "merged": 1}
    assert mtimes(tmp_path) == stamps
    assert [p for p, _ in log.requests] == ["/sitemap.xml", "/guide/heat-rash/"]
    (entry,) = json.loads((tmp_path / "index.json").read_text())["articles"]
    assert entry["url"].endswith("/guide/heat-rash/")
    record = json.loads((tmp_path / entry["path"]).read_text())
    assert len(record["provenance"]["pages"]) == 2
    assert len(list((tmp_path / "articles").glob("*.json"))) == 1


@pytest.mark.parametrize("part_first", [True, False])
def test_a_later_page_naming_its_article_as_canonical_never_replaces_the_article(
    tmp_path: Path, part_first: bool
) -> None:
    """A sitemap lists a later page whose canonical link names the article's first page: its
    record gets the article's id. Whichever is published first, the article's own record,
    with every page, is the one on disk."""
    para = "<p>Heat rash is an itchy rash of small raised spots that appears when sweat is trapped.</p>"

    def page(title: str, canonical: str, body: str) -> bytes:
        head = f"<title>{title}</title><link rel='canonical' href='{canonical}'>"
        return f"<html><head>{head}</head><body><article><h1>{title}</h1>{para * 3}{body}</article></body></html>".encode()

    routes: dict[str, Route] = {}
    with serve_routes(routes) as base:
        root = f"{base}/guide/heat-rash/"
        routes["/guide/heat-rash/"] = (
            200,
            {},
            page("Heat rash", root, "<a href='part-two/'>Next: Causes »</a>"),
        )
        routes["/guide/heat-rash/part-two/"] = (
            200,
            {},
            page(
                "Heat rash",
                root,
                "<h2>Causes</h2><p>Sweat ducts get blocked in hot weather, often under clothes.</p>",
            ),
        )
        order = ["/guide/heat-rash/part-two/", "/guide/heat-rash/"]
        if not part_first:
            order.reverse()
        locs = "".join(f"<url><loc>{base}{p}</loc></url>" for p in order)
        routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            f"<urlset>{locs}</urlset>".encode(),
        )
        run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)
    (entry,) = json.loads((tmp_path / "index.json").read_text())["articles"]
    record = json.loads((tmp_path / entry["path"]).read_text())
    assert len(record["provenance"]["pages"]) == 2
    assert "Sweat ducts" in record["text"]


def test_index_from_this_runs_entries_matches_a_rebuild_from_the_files(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    # The run's end takes new files' index entries and lines from the workers; reading every
    # file back must give the same bytes, and a file changed after it was written is re-read.
    from flows.publish import rebuild_index

    with serve_routes(site_routes(demo_site)) as base:
        run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)
    index, lines = (
        (tmp_path / "index.json").read_bytes(),
        (tmp_path / "articles.jsonl").read_bytes(),
    )
    (tmp_path / "state" / "index.fingerprint").unlink()
    rewritten = rebuild_index(tmp_path)
    assert rewritten == {"index.json": False, "articles.jsonl": False, "schema": False}
    assert (tmp_path / "articles.jsonl").read_bytes() == lines
    assert (tmp_path / "index.json").read_bytes() == index

    # An entry whose file changed on disk since (another writer, a restored backup) is not used.
    from flows.publish import Published

    path = sorted((tmp_path / "articles").glob("*.json"))[0]
    record = json.loads(path.read_text())
    record["title"] = "Edited on disk"
    path.write_text(json.dumps(record, indent=2))
    stale = Published(path.name, 1, 1, {"id": record["id"], "title": "stale"}, b"stale\n")
    rebuild_index(tmp_path, [stale])
    assert "Edited on disk" in (tmp_path / "index.json").read_text()
    assert "stale" not in (tmp_path / "articles.jsonl").read_text()


def test_a_relative_output_folder_publishes(
    demo_site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `make demo` and most users pass a relative folder ("output"); the files written are
    # resolved paths, and their index entries must still be relative to the folder.
    monkeypatch.chdir(tmp_path)
    with serve_routes(site_routes(demo_site)) as base:
        report = run_crawl([source_for(base)], Path("output"), use_prefect=False, settings=INLINE)[
            0
        ]
    assert report.counts == {"new": 6}, report.failures
    index = json.loads((tmp_path / "output" / "index.json").read_text())
    assert sorted(entry["path"] for entry in index["articles"]) == sorted(
        f"articles/{p.name}" for p in (tmp_path / "output" / "articles").glob("*.json")
    )


def test_failures_are_reported_and_rejected_with_reasons(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    routes = site_routes(demo_site)
    routes["/dry-eye/2/"] = (500, {}, b"boom")
    routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /frequent-heartburn/\n",
    )
    with serve_routes(routes) as base:
        source = source_for(base, respect_robots=True)
        settings = CrawlSettings(workers=1, task_runner="thread")
        report = run_crawl([source], tmp_path, use_prefect=False, settings=settings)[0]
    assert report.counts == {"new": 4, "failed": 2}
    reasons = {f["kind"]: f["reason"] for f in report.failures}
    assert "HTTP 500" in reasons["fetch"]
    assert "page 2" in reasons["fetch"]
    assert "robots.txt" in reasons["robots"]
    rejected = [json.loads(p.read_text()) for p in (tmp_path / "rejected").glob("*.json")]
    assert sorted(r["kind"] for r in rejected) == ["fetch", "robots"]
    assert len(json.loads((tmp_path / "index.json").read_text())["articles"]) == 4


def test_pool_workers_start_with_the_fetch_stack_imported() -> None:
    """Crawl workers fork from a server that has imported what a batch uses, including what
    httpx and anyio import only at their first use."""
    from flows.workers import batch_pool

    check = "[m for m in ('flows.pipeline', 'httpcore', 'anyio._backends._asyncio')"
    check += " if m not in __import__('sys').modules]"
    with batch_pool(1) as pool:
        assert pool.submit(eval, check).result() == []


def test_process_pool_gives_the_same_output(demo_site: DemoSite, tmp_path: Path) -> None:
    with serve_routes(site_routes(demo_site)) as base:
        run_crawl([source_for(base)], tmp_path / "a", use_prefect=False, settings=INLINE)
        pool = CrawlSettings(workers=2, task_runner="process", batch_size=2)
        run_crawl([source_for(base)], tmp_path / "b", use_prefect=False, settings=pool)
    a = json.loads((tmp_path / "a" / "index.json").read_text())["articles"]
    b = json.loads((tmp_path / "b" / "index.json").read_text())["articles"]
    assert [x["content_hash"] for x in a] == [x["content_hash"] for x in b]


@pytest.mark.parametrize(
    "settings",
    [INLINE, CrawlSettings(workers=2, task_runner="thread", batch_size=2)],
    ids=["one-batch-in-process", "batches-on-a-pool"],
)
def test_records_are_on_disk_before_the_state_names_them(
    demo_site: DemoSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: CrawlSettings
) -> None:
    """Batches publish without an fsync per record; the run flushes every record file, and
    the articles folder, before it saves the state that names them."""
    import os

    import flows.crawl

    events: list[tuple[str, str]] = []
    real_fsync, real_save = os.fsync, flows.crawl.save_state

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def save_state(*args: object) -> bool:
        events.append(("state", ""))
        return real_save(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(flows.crawl, "save_state", save_state)
    with serve_routes(site_routes(demo_site)) as base:
        report = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=settings)[0]
    assert report.counts == {"new": 6}
    articles = tmp_path.resolve() / "articles"
    records = sorted(str(p) for p in articles.glob("*.json"))
    assert len(records) == 6
    state_at = events.index(("state", ""))
    synced = [path for kind, path in events[:state_at] if kind == "fsync"]
    assert sorted(p for p in synced if p.endswith(".json")) == records, "each record once"
    assert str(articles) in synced, "the folder too, for the renames"


def _sitemap_with(stamps: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """A sitemap route giving these lastmods (path -> stamp)."""
    entries = "".join(f"<url><loc>{p}</loc><lastmod>{m}</lastmod></url>" for p, m in stamps.items())
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return 200, {"Content-Type": "application/xml"}, sitemap.encode()


def test_an_article_listed_under_two_addresses_is_fetched_under_one(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """A sitemap lists a moved article under its old address (a 301 to the new one) and its
    new one: the first run fetches both and publishes one record; later runs fetch it under
    the address listed first only, until the other is due for its full check."""
    log = ServedLog()
    routes = site_routes(demo_site)
    article = next(p for p in routes if p.endswith("/") and p.count("/") == 2 and p != "/")
    routes["/index.php/old-address.html"] = (301, {"Location": article}, b"")
    with serve_routes(routes, log) as base:
        entries = "".join(
            f"<url><loc>{base}{path}</loc></url>"
            for path in ("/index.php/old-address.html", article)
        )
        routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            f"<urlset>{entries}</urlset>".encode(),
        )
        source = source_for(base)
        first = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        log.requests.clear()
        second = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        requested = [path for path, _ in log.requests]
        later = run_crawl(
            [source],
            tmp_path,
            use_prefect=False,
            settings=CrawlSettings(workers=1, task_runner="thread", full_recheck_hours=0),
        )[0]
    index = json.loads((tmp_path / "index.json").read_text())
    assert len(index["articles"]) == 1
    assert first.counts == {"new": 1, "unchanged": 1}
    assert second.counts == {"unchanged": 2}
    assert requested == ["/sitemap.xml", "/index.php/old-address.html", article]
    assert later.counts == {"unchanged": 2}


def test_an_unchanged_sitemap_lastmod_skips_the_request(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """A known article whose sitemap lastmod is the one seen at its last fetch is not
    requested; a new lastmod brings one conditional request, and rewrites nothing while the
    page is unchanged; an article due for its full check has every page fetched whatever the
    sitemap says, and its state takes the new lastmod."""
    paths = [u.removeprefix("http://x") for u in demo_site.article_urls("http://x")]
    stamps = {p: "2026-03-01" for p in paths}
    routes = site_routes(demo_site)
    routes["/sitemap.xml"] = _sitemap_with(stamps)
    log = ServedLog()

    def crawl(base: str, **settings: object) -> dict[str, int]:
        chosen = INLINE.model_copy(update=settings)
        log.requests.clear()
        return run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=chosen)[0].counts

    with serve_routes(routes, log) as base:
        assert crawl(base) == {"new": 6}
        state_file = next((tmp_path / "state").glob("*.json"))
        saved = json.loads(state_file.read_text())["articles"]
        assert {s["lastmod"] for s in saved.values()} == {"2026-03-01"}
        before = mtimes(tmp_path)
        assert crawl(base) == {"unchanged": 6}
        assert [p for p, _ in log.requests] == ["/sitemap.xml"]
        assert mtimes(tmp_path) == before

        # a new lastmod on an unchanged page: one conditional request, and nothing rewritten
        # (a sitemap stamping the time of each request must not rewrite the state every run)
        stamps[paths[1]] = "2026-03-02T10:00:00+00:00"
        routes["/sitemap.xml"] = _sitemap_with(stamps)
        for _ in range(2):
            assert crawl(base) == {"unchanged": 6}
            assert [(p, bool(etag)) for p, etag in log.requests] == [
                ("/sitemap.xml", False),
                (paths[1], True),
            ]
            assert mtimes(tmp_path) == before

        # the full check fetches every page and keeps the lastmods of its day
        assert crawl(base, full_recheck_hours=0) == {"unchanged": 6}
        article_requests = [p for p, _ in log.requests if p != "/sitemap.xml"]
        assert len(article_requests) == sum(len(a.pages) for a in demo_site.articles)
        saved = json.loads(state_file.read_text())["articles"]
        assert saved[base + paths[1]]["lastmod"] == "2026-03-02T10:00:00+00:00"
        assert crawl(base) == {"unchanged": 6}
        assert [p for p, _ in log.requests] == ["/sitemap.xml"]

        state_file.unlink()  # a lost state: every article is fetched again, the state rewritten
        assert crawl(base) == {"unchanged": 6}
        assert len(json.loads(state_file.read_text())["articles"]) == 6


def test_pages_that_are_no_article_are_remembered_as_articles_are(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    """A PDF and a "this page has moved" stub the sitemap lists are rejected once, and
    remembered: while their lastmod stays, later runs do not request them; a new lastmod on
    an unchanged page brings one conditional request and no extraction; nothing is rewritten.
    A stub whose text changes is fetched and judged again."""
    paths = [u.removeprefix("http://x") for u in demo_site.article_urls("http://x")]
    stub = b"<html><head><title>Moved</title></head><body><p>This page has moved.</p></body></html>"
    routes = site_routes(demo_site)
    routes["/leaflets/gout-leaflet/"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 x")
    routes["/old/moved.html"] = (200, {"Content-Type": "text/html"}, stub)
    stamps = {p: "2026-03-01" for p in [*paths, "/leaflets/gout-leaflet/", "/old/moved.html"]}
    routes["/sitemap.xml"] = _sitemap_with(stamps)
    log = ServedLog()

    def crawl(base: str) -> dict[str, int]:
        log.requests.clear()
        return run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)[0].counts

    with serve_routes(routes, log) as base:
        assert crawl(base) == {"new": 6, "failed": 2}
        rejected = [json.loads(p.read_text()) for p in (tmp_path / "rejected").glob("*.json")]
        assert sorted(r["kind"] for r in rejected) == ["not_article", "not_article"]
        before = mtimes(tmp_path)
        assert crawl(base) == {"unchanged": 6, "failed": 2}
        assert [p for p, _ in log.requests] == ["/sitemap.xml"]
        assert mtimes(tmp_path) == before

        stamps["/old/moved.html"] = "2026-03-02"
        routes["/sitemap.xml"] = _sitemap_with(stamps)
        for _ in range(2):
            assert crawl(base) == {"unchanged": 6, "failed": 2}
            assert [p for p, _ in log.requests] == ["/sitemap.xml", "/old/moved.html"]
            assert mtimes(tmp_path) == before

        routes["/old/moved.html"] = (200, {"Content-Type": "text/html"}, stub.replace(b".<", b"!<"))
        report = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)[0]
    assert report.counts == {"unchanged": 6, "failed": 2}
    assert {f["url"].removeprefix(base) for f in report.failures} == {
        "/leaflets/gout-leaflet/",
        "/old/moved.html",
    }


def test_the_plan_settles_what_the_sitemap_vouches_for(tmp_path: Path) -> None:
    """Known articles whose sitemap lastmod is the one of their last fetch are settled as
    unchanged and left out of the batches; a new lastmod, none, a due full check, an unknown
    article or a robots.txt refusal leaves the article to a batch."""
    site = "https://s.example"
    urls = [f"{site}/{name}/" for name in ("same", "newer", "none", "due", "unknown", "private")]
    fresh = "2026-05-01T00:00:00Z"
    states = {
        url: ArticleState(id=f"id{i}", content_hash="h", pages=1, checked_at=fresh, lastmod="d1")
        for i, url in enumerate(urls[:4] + urls[5:])
    }
    states[urls[3]] = ArticleState(id="id3", content_hash="h", pages=1, checked_at="", lastmod="d1")
    save_state(tmp_path, "s", states)
    lastmod = {url: "d1" for url in urls} | {urls[1]: "d2"}
    del lastmod[urls[2]]
    robots = {site: "User-agent: *\nDisallow: /private/\n"}
    discovery = Discovery(urls, robots, [], lastmod)
    settings = CrawlSettings(workers=2, batch_size=2, full_recheck_hours=10**6)

    jobs, settled = plan_batches(Source(name="s"), discovery, tmp_path, settings)
    assert [(o.url, o.status, o.id) for o in settled.outcomes] == [(urls[0], "unchanged", "id0")]
    assert [u for job in jobs for u in job.urls] == urls[1:]
    assert [len(job.urls) for job in jobs] == [2, 2, 1]

    jobs, settled = plan_batches(
        Source(name="s", trust_lastmod=False), discovery, tmp_path, settings
    )
    assert settled.outcomes == []
    assert [u for job in jobs for u in job.urls] == urls


# ---------------------------------------------------------------------------- discovery


def listing(links: list[str], next_href: str | None = None) -> bytes:
    items = "".join(
        f"<li><a href='{h}'>An article with a long enough headline {h}</a></li>" for h in links
    )
    nxt = f"<a href='{next_href}'>Next page</a>" if next_href else ""
    return f"<html><body><main><ul>{items}</ul>{nxt}</main><footer><a href='/about/'>About us and our team</a></footer></body></html>".encode()


def test_an_index_of_short_names_into_another_folder() -> None:
    """An A-Z index at /a-z/ lists short condition names ("Croup") that live under
    /conditions/: three or more list-item links into one folder are its entries, in page
    order; two short links into two folders (a menu) are not."""
    from extractors.discovery import parse_listing

    names = ["chalazion", "chickenpox", "croup", "hyperhidrosis"]
    letters = "".join(
        f"<h2>{letter}</h2><ul>"
        + "".join(
            f"<li><a href='/conditions/{n}.html'>{n.title()}</a></li>"
            for n in names
            if n[0] == letter.lower()
        )
        + "</ul>"
        for letter in "CH"
    )
    extra = (
        "<li><a href='/conditions/hand-foot-and-mouth-disease.html'>Hand, foot and mouth "
        "disease</a></li>"
    )
    menu = "<ul><li><a href='/about/team/'>Team</a></li><li><a href='/shop/x/'>Shop</a></li></ul>"
    card = (
        "<div class='card'><a href='/conditions/scabies/'><img src='/s.jpg' alt=''></a>"
        "<a href='/topics/skin/'>Skin</a><a href='/conditions/scabies/'><span>Scabies</span></a>"
        "</div>"
    )
    html = f"<html><body><main><h1>Conditions A to Z</h1>{letters}<ul>{extra}</ul>{menu}</main></body></html>"
    found = parse_listing(html, "https://ex.test/a-z/")
    assert [u.rsplit("/", 1)[1] for u in found.articles] == [
        *(f"{n}.html" for n in names),
        "hand-foot-and-mouth-disease.html",
    ]
    # entries with a trailing slash are in their folder too
    slashed = parse_listing(html.replace(".html", "/"), "https://ex.test/a-z/")
    assert len(slashed.articles) == 5
    # a card titled by a short name beside an image link to the same page
    grid = parse_listing(f"<main><h1>Skin</h1>{card}</main>", "https://ex.test/skin/")
    assert grid.articles == ["https://ex.test/conditions/scabies/"]


def test_discovery_from_listings_sitemaps_and_feeds() -> None:
    sitemap_index = b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sm-1.xml.gz</loc></sitemap></sitemapindex>'
    child = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/s1/</loc></url><url><loc>/s2/#top</loc><lastmod>2026-05-02</lastmod></url></urlset>'
    rss = b"<rss><channel><item><link>/f1/?utm_source=rss</link></item></channel></rss>"
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/f2/"/></entry></feed>'
    json_feed = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "9", "url": "/f3/"}]}'
    )
    routes = {
        "/list/": (200, {}, listing(["/l1/", "/l2/"], "/list/page/2/")),
        "/list/page/2/": (200, {}, listing(["/l3/", "/s1/"])),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, sitemap_index),
        "/sm-1.xml.gz": (200, {"Content-Type": "application/gzip"}, gzip.compress(child)),
        "/rss.xml": (200, {}, rss),
        "/atom.xml": (200, {}, atom),
        "/feed.json": (200, {"Content-Type": "application/feed+json"}, json_feed),
    }
    with serve_routes(routes) as base, Fetcher() as fetcher:
        source = Source(
            name="d",
            start_urls=[f"{base}/list/"],
            sitemaps=[f"{base}/sitemap.xml"],
            feeds=[f"{base}/rss.xml", f"{base}/atom.xml", f"{base}/feed.json"],
            exclude=["/l2/"],
            respect_robots=False,
        )
        found = discover(source, fetcher)
    paths = [u.split(base)[1] for u in found.urls]
    assert paths == ["/s1/", "/s2/", "/f1/", "/f2/", "/f3/", "/l1/", "/l3/"]
    assert found.lastmod == {f"{base}/s2/": "2026-05-02"}  # keyed by the normalised URL
    assert found.warnings == []


CARDS = """<html><body>
<header><a href="/">Home</a><a href="/healthy-living-tips/">Healthy living tips</a></header>
<nav><a href="/conditions-a-to-z/">Conditions from A to Z</a></nav>
<div class="cards">
<article><a href="/gout/"><img src="/g.jpg" alt=""></a><h2><a href="/gout/">Gout</a></h2>
<p>Joint pain that flares at night.</p><a href="/gout/">Read more</a></article>
<article><h2>Shingles in adults</h2><a class="more" href="/shingles/">Read More &raquo;</a></article>
<article><h3><a href="/acne/">Acne</a></h3></article>
<article><a href="/tinnitus/"><img src="/t.jpg" alt="Why your ears keep ringing"></a></article>
<article><a href="/croup/">Croup</a><a href="/cough-types/">Leer más</a></article>
<a href="/nutrition/">Nutrition</a> <a href="/sleep/" title="Sleep">Sleep</a>
</div>
<div class="pagination"><a href="{listing}">1</a><a href="{page2}">2</a><a href="{page3}">3</a>
<a href="{page2}">Older articles &rarr;</a></div>
<footer><a href="/advertise-with-us/">Advertise with us today</a></footer>
</body></html>"""


@pytest.mark.parametrize(
    ("listing", "page2", "page3"),
    [
        ("/health/", "/health/?page=2", "/health/?page=3"),
        ("/health/", "/health/page/2/", "/health/page/3/"),
        ("/blog/index.html", "/blog/index.html?p=2", "/blog/index.html?p=3"),
    ],
)
def test_listing_cards_read_more_links_and_older_posts_pager(
    listing: str, page2: str, page3: str
) -> None:
    """Listing pages of unseen sites: a card's headline is an article whatever its length, so is
    its "read more" (in five languages) or its image with alt text; menus, headers, footers,
    short category links and the listing's own pager are not; the pager's nearest later page
    is followed, whatever its label says."""
    from extractors.discovery import parse_listing

    html = CARDS.format(listing=listing, page2=page2, page3=page3)
    found = parse_listing(html, f"https://ex.test{listing}")
    paths = [u.removeprefix("https://ex.test") for u in found.articles]
    assert paths == ["/gout/", "/shingles/", "/acne/", "/tinnitus/", "/cough-types/"]
    assert found.follow == [f"https://ex.test{page2}"]
    page = parse_listing(html, f"https://ex.test{page2}")
    assert page.follow == [f"https://ex.test{page3}"]
    assert "https://ex.test/nutrition/" not in page.articles
    # The source's include patterns name articles: taken whatever their link says.
    wanted = parse_listing(html, f"https://ex.test{listing}", lambda u: "/croup/" in u)
    assert "https://ex.test/croup/" in wanted.articles
    menus = parse_listing(html, f"https://ex.test{listing}", lambda u: "-to-z/" in u)
    assert "https://ex.test/conditions-a-to-z/" not in menus.articles
    # A slug ending in a number is an article, not a page of the listing it shares a stem with.
    tips = parse_listing(
        "<main><h2><a href='/tips-10/'>Ten tips</a></h2><a href='/tips/page/2/'>2</a></main>",
        "https://ex.test/tips/",
    )
    assert tips.articles == ["https://ex.test/tips-10/"]
    assert tips.follow == ["https://ex.test/tips/page/2/"]
    # A table layout's menu cell and footer cell are chrome, though not <nav> or <footer>.
    table = parse_listing(
        "<table><tr><td class='leftnav'><a href='/Health/Clinics.aspx'>Clinic Services</a>"
        "<a href='/Health/Immunizations.aspx'>Immunization Clinics</a></td><td class='content'>"
        "<table class='grid'><tr><td><a href='/Health/Article.aspx?ID=23'>Bed Bug Bites</a></td>"
        "<td>Small itchy welts in a line or cluster, often on the arms and shoulders.</td></tr>"
        "</table></td></tr><tr><td class='footer'><a href='/Accessibility.aspx'>Accessibility "
        "statement</a></td></tr></table>",
        "https://ex.test/Health/Topics.aspx",
        lambda u: "/Health/" in u,
    )
    assert table.articles == ["https://ex.test/Health/Article.aspx?ID=23"]
    # A Query Loop: a card's "Read more" below the listing's path is no page of the listing;
    # its "Next Page" by the block's own parameter is.
    loop = parse_listing(
        "<main><ul class='wp-block-post-template'><li><h2><a href='/hub/fainting/'>Fainting: "
        "what to do</a></h2><p>Most faints pass quickly. <a href='/hub/fainting/'>Read more"
        "</a></p></li></ul><nav class='wp-block-query-pagination'><a href='/hub/?query-12-page=2'"
        " class='wp-block-query-pagination-next'>Next Page</a></nav></main>",
        "https://ex.test/hub/",
    )
    assert loop.follow == ["https://ex.test/hub/?query-12-page=2"]
    # Squarespace pages a blog by a post's time: the rel=next link under the listing's path.
    offset = parse_listing(
        "<main><h1><a href='/journal/gut'>Gut health basics for busy people</a></h1><nav "
        "class='blog-list-pagination'><a href='/journal?offset=1718035200000' rel='next'>Older "
        "Posts</a></nav></main>",
        "https://ex.test/journal",
    )
    assert offset.follow == ["https://ex.test/journal?offset=1718035200000"]
    # Drupal counts a view's pages from 0: "?page=1", its next link, is the second page.
    drupal = parse_listing(
        "<main><h2><a href='/library/gout'>Gout</a></h2><nav class='pager'>"
        "<a href='?page=1' rel='next'><span>Next page</span></a></nav></main>",
        "https://ex.test/library",
    )
    assert drupal.follow == ["https://ex.test/library?page=1"]


def test_a_to_z_index_entries_and_letter_pages() -> None:
    """An A-Z index: short condition names in list items, below the index's own path, are
    articles; letter links (a letter, a range) are more index pages to read, after the next
    page; a short link elsewhere on the site is not an article, and letter links to another
    folder are the site's own A-Z box (a sidebar on every page), not pages of this index."""
    from extractors.discovery import parse_listing

    html = """<html><body><main role="main">
    <nav><ul><li><span>A-L</span></li><li><a href="/conditions/?letter=m">M-Z</a></li></ul></nav>
    <ol><li><a href="#a">A</a></li><li><a href="/conditions/c/">C</a></li></ol>
    <ul><li><a href="/conditions/acne.html">Acne</a></li><li><a href="/conditions/flu/">Flu</a></li></ul>
    <p>See also <a href="/medicines/">Medicines</a> and <a href="/conditions/x/">X ray</a>.</p>
    <ul><li><a href="/live-well/">Live well</a></li></ul>
    <aside><h3>Health A-Z</h3><a href="/a-z/?letter=A">A</a> <a href="/a-z/?letter=B">B</a></aside>
    </main></body></html>"""
    found = parse_listing(html, "https://ex.test/conditions/")
    paths = [u.removeprefix("https://ex.test") for u in found.articles]
    assert paths == ["/conditions/acne.html", "/conditions/flu/"]
    assert [u.removeprefix("https://ex.test") for u in found.follow] == [
        "/conditions/?letter=m",
        "/conditions/c/",
    ]


def test_listing_links_resolve_against_the_base_href() -> None:
    """A listing's relative links resolve against its <base href> (a folder other than its
    own), its feed link and its rel=next too."""
    from extractors.discovery import parse_listing

    html = """<html><head><base href="https://ex.test/library/">
    <link rel="alternate" type="application/rss+xml" href="feed.xml">
    <link rel="next" href="topics/skin/?offset=20"></head><body><main>
    <h2><a href="articles/eczema-flare.html">Why eczema flares in winter</a></h2>
    <h2><a href="./articles/../articles/cold-sores/">Cold sores and how they spread</a></h2>
    </main></body></html>"""
    found = parse_listing(html, "https://ex.test/library/topics/skin/")
    assert found.articles == [
        "https://ex.test/library/articles/eczema-flare.html",
        "https://ex.test/library/articles/cold-sores/",
    ]
    assert found.follow == [
        "https://ex.test/library/topics/skin/?offset=20",
        "https://ex.test/library/feed.xml",
    ]


def test_card_chips_are_not_articles() -> None:
    """A card's topic chip ("Bones and joints") beside the card's headline is no article link,
    though as long as a headline; a card without a headline keeps its long links, and a link
    the include patterns name is taken."""
    from extractors.discovery import parse_listing

    card = """<article class="card"><h3><a href="/answers/{slug}/">{title}</a></h3>
    <p>An answer in three short sentences, the first of them cut short here</p>
    <div class="meta"><a class="chip" href="/answers/topic/{topic}/">{label}</a>
    <a href="/answers/{slug}/">Read answer</a></div></article>"""
    cards = [
        card.format(
            slug="knuckles",
            title="Is it bad to crack your knuckles?",
            topic="bones",
            label="Bones and joints",
        ),
        card.format(
            slug="rumble",
            title="Why does my stomach rumble?",
            topic="tummy",
            label="Tummy and digestion",
        ),
    ]
    loose = "<li><a href='/answers/stubbed-toe/'>What to do after stubbing a toe</a></li>"
    html = f"<html><body><main>{''.join(cards)}<ul>{loose}</ul></main></body></html>"
    found = parse_listing(html, "https://ex.test/answers/")
    assert found.articles == [
        "https://ex.test/answers/knuckles/",
        "https://ex.test/answers/rumble/",
        "https://ex.test/answers/stubbed-toe/",
    ]
    named = parse_listing(html, "https://ex.test/answers/", lambda url: "/topic/" in url)
    assert "https://ex.test/answers/topic/bones/" in named.articles


def test_scripted_cards_load_more_buttons_and_announced_feeds() -> None:
    """Cards clickable as a whole (data-href, no <a>) are articles; a "Load more" button's
    data-next that is a later page of the listing is its next page; a feed the listing
    announces in its head is read too."""
    from extractors.discovery import parse_listing

    html = """<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">
    </head><body><main>
    <div class="card" data-href="/tips/tennis-elbow/"><div class="card-title">Tennis elbow</div>
    <p>Why the outer elbow aches after gripping, and what eases it.</p></div>
    <button class="cargar-mas" data-next="/tips/?pagina=2">Cargar más</button>
    </main></body></html>"""
    found = parse_listing(html, "https://ex.test/tips/")
    assert found.articles == ["https://ex.test/tips/tennis-elbow/"]
    assert found.follow == ["https://ex.test/tips/?pagina=2", "https://ex.test/feed.xml"]


def test_a_feed_a_listing_announces_is_not_read_again_when_the_source_names_it() -> None:
    """A newsletter archive's list announces the archive's RSS feed, which the source names
    too: the feed is requested once a run, and its items are found."""
    feed = b"<rss><channel><item><link>/f1/?utm_source=rss</link></item></channel></rss>"
    announced = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed?u=1&amp;'
        b'id=2"></head><body><main><ul><li><a href="/l1/">An article about gout and its'
        b" causes</a></li></ul></main></body></html>"
    )
    routes = {
        "/list/": (200, {}, announced),
        "/feed?id=2&u=1": (200, {}, feed),
        "/feed?u=1&id=2": (200, {}, feed),
    }
    log = ServedLog()
    with serve_routes(routes, log) as base, Fetcher() as fetcher:
        source = Source(
            name="d",
            start_urls=[f"{base}/list/"],
            feeds=[f"{base}/feed?id=2&u=1"],
            respect_robots=False,
        )
        found = discover(source, fetcher)
    assert [p for p, _ in log.requests if p.startswith("/feed")] == ["/feed?id=2&u=1"]
    assert sorted(u.split(base)[1] for u in found.urls) == ["/f1/", "/l1/"]


def test_a_paged_feed_is_read_page_after_page() -> None:
    """WordPress pages its feed ("/feed/?paged=2"), each page announcing the next with an
    atom:link rel="next" (RFC 5005): every page's items are found, and reading stops at a
    page that adds none (a feed whose last page points back to its first)."""

    def page(items: range, following: str) -> bytes:
        nxt = f'<atom:link rel="next" href="{following}"/>' if following else ""
        links = "".join(f"<item><link>/blog/a{n}/</link></item>" for n in items)
        return (
            f'<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel>{nxt}{links}</channel></rss>'
        ).encode()

    routes = {
        "/feed/": (200, {}, page(range(0, 10), "/feed/?paged=2")),
        "/feed/?paged=2": (200, {}, page(range(10, 20), "/feed/?paged=3")),
        "/feed/?paged=3": (200, {}, page(range(20, 24), "/feed/")),
    }
    log = ServedLog()
    with serve_routes(routes, log) as base, Fetcher() as fetcher:
        source = Source(name="f", feeds=[f"{base}/feed/"], respect_robots=False)
        found = discover(source, fetcher)
    assert len(found.urls) == 24
    assert [p for p, _ in log.requests] == ["/feed/", "/feed/?paged=2", "/feed/?paged=3"]


def test_items_on_other_hosts_are_left_out_when_the_site_has_its_own() -> None:
    from flows.crawl import _on_own_hosts

    source = Source(name="s", feeds=["https://www.ex.test/feed.xml"])
    urls = [
        "https://ex.test/a/",
        "http://www.ex.test/b/",
        "https://health.ex.test/c/",
        "https://ads.other.test/promo/",
    ]
    assert _on_own_hosts(urls, source) == urls[:3]
    elsewhere = ["https://site.test/a/", "https://site.test/b/"]  # a feed service's feed
    assert _on_own_hosts(elsewhere, source) == elsewhere
    named = Source(name="s", feeds=["https://ex.test/feed.xml"], include=["other.test/promo"])
    assert _on_own_hosts(urls, named) == urls


def test_later_pages_a_sitemap_lists_are_left_to_their_article() -> None:
    """A sitemap that lists every page of its articles: /slug/2/, /slug/page/3/ and
    /slug/?page=2 are pages of /slug/ when /slug/ is listed too, and are not crawled as
    articles; numbers that name things (covid-19, /top/10/ with no /top/) stay articles."""
    from extractors.discovery import without_later_pages

    base = "https://ex.test"
    urls = [
        f"{base}{p}"
        for p in (
            "/gout/",
            "/gout/2/",
            "/gout/page/3/",
            "/acne/?page=2",
            "/acne/",
            "/covid-19/",
            "/covid/",
            "/sleep/?page=2",
            "/top/10/",
            "/2026/05/heat-rash/",
        )
    ]
    kept = [u.removeprefix(base) for u in without_later_pages(urls)]
    assert kept == [
        "/gout/",
        "/acne/",
        "/covid-19/",
        "/covid/",
        "/sleep/?page=2",
        "/top/10/",
        "/2026/05/heat-rash/",
    ]
    plain = [f"{base}/a/", f"{base}/b/"]
    assert without_later_pages(plain) is plain


def test_amp_and_index_file_copies_give_one_url_per_page() -> None:
    from extractors.discovery import without_copies

    base = "https://ex.test"
    urls = [
        f"{base}{p}"
        for p in (
            "/h/gout/amp/",
            "/h/gout/",
            "/h/acne/index.html",
            "/h/acne/amp/",
            "/h/hives/amp",
            "/h/lamp/",
            "/h/camp/",
            "/h/x.php?id=1",
        )
    ]
    kept = [u.removeprefix(base) for u in without_copies(urls)]
    assert kept == [
        "/h/gout/",
        "/h/acne/index.html",
        "/h/hives/amp",
        "/h/lamp/",
        "/h/camp/",
        "/h/x.php?id=1",
    ]
    plain = [f"{base}/a/", f"{base}/b/"]
    assert without_copies(plain) is plain
    # one page under two spellings, a sitemap's and a listing's: the first found stays
    twins = [f"{base}/notes/stye/", f"{base}/notes/hiccups/", f"{base}/notes/stye"]
    assert without_copies(twins) == twins[:2]


def test_joomla_links_to_one_article_give_one_url() -> None:
    """Joomla without friendly URLs links one article from each menu with another Itemid, a
    category, a language or the id's alias: one URL is kept, the first found (the sitemap's);
    another article, or a later page (limitstart), is another URL. Its print view and its
    mail-a-friend form are site pages."""
    from extractors.discovery import is_site_page, without_copies
    from extractors.urls import normalize_url

    base = "https://health.test/index.php?option=com_content&view=article"
    urls = [
        normalize_url(base + "&id=61:measles&catid=8&Itemid=117"),
        normalize_url(base + "&id=62:gout&catid=8&Itemid=117"),
        normalize_url(
            "https://health.test/index.php?Itemid=0&lang=en-GB&id=61:measles"
            "&view=article&option=com_content"
        ),
        normalize_url(base + "&id=61&Itemid=101"),
        normalize_url(base + "&id=61:measles&catid=8&Itemid=117&limitstart=1"),
    ]
    assert without_copies(urls) == [urls[0], urls[1], urls[4]]
    assert is_site_page(base + "&id=61:measles&tmpl=component&print=1&layout=default")
    assert is_site_page("https://health.test/index.php?option=com_mailto&tmpl=component&link=x")
    assert not is_site_page(base + "&id=61:measles&catid=8&Itemid=117")


def test_print_and_one_page_copies_give_one_url_per_article() -> None:
    """A sitemap lists an article's "View as one page" and print URLs beside it: the article
    is kept, its copies are not; a copy listed alone stays (it is all there is), and a
    parameter that only looks alike (a listing's ?view=grid) is no copy."""
    from extractors.discovery import without_copies

    base = "https://ex.test"
    paths = (
        "/articles/flat-feet",
        "/articles/flat-feet?view=all",
        "/print/articles/baby-colic",
        "/articles/baby-colic",
        "/read.php?id=7&showall=1",
        "/read.php?id=7",
        "/articles/jock-itch/print/",
        "/articles/jock-itch/",
        "/articles/gout?print=1",
        "/articles/hives?view=grid",
        "/articles/hives",
    )
    kept = [u.removeprefix(base) for u in without_copies([f"{base}{p}" for p in paths])]
    assert kept == [
        "/articles/flat-feet",
        "/articles/baby-colic",
        "/read.php?id=7",
        "/articles/jock-itch/",
        "/articles/gout?print=1",
        "/articles/hives?view=grid",
        "/articles/hives",
    ]


def test_a_sitemap_of_every_page_publishes_each_article_once(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    routes = site_routes(demo_site)
    pages = [p for p in demo_site.routes if p not in ("/", "/robots.txt", "/sitemap.xml")]
    with serve_routes(routes) as base:
        locs = "".join(f"<url><loc>{base}{p.replace('&', '&amp;')}</loc></url>" for p in pages)
        routes["/sitemap.xml"] = (
            200,
            {"Content-Type": "application/xml"},
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode(),
        )
        report = run_crawl([source_for(base)], tmp_path, use_prefect=False, settings=INLINE)[0]
    assert len(pages) > 6
    assert report.discovered == 6
    assert report.counts == {"new": 6}


def test_long_listings_are_followed_until_max_articles_or_nothing_new() -> None:
    """A listing of 30 pages of 10 articles: followed past the old 10-page cap until the source
    has max_articles; a pager that goes round (the last page links back to a copy of page 1)
    ends where a page adds nothing new; max_listing_pages still caps, with a warning."""
    log = ServedLog()
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    for n in range(1, 31):
        links = [f"/a{n}-{i}/" for i in range(10)]
        nxt = f"/list/page/{n + 1}/" if n < 30 else "/list/page/31/"
        routes["/list/" if n == 1 else f"/list/page/{n}/"] = (200, {}, listing(links, nxt))
    routes["/list/page/31/"] = (200, {}, listing(["/a1-0/", "/a1-1/"], "/list/page/32/"))
    with serve_routes(routes, log) as base, Fetcher() as fetcher:

        def run(**extra: object) -> Discovery:
            log.requests.clear()
            values = {"start_urls": [f"{base}/list/"], "sitemaps": []} | extra
            return discover(source_for(base, **values), fetcher)

        capped = run(max_articles=200)
        assert len(capped.urls) == 200
        assert len(log.requests) == 20
        every = run(max_articles=1000)
        assert len(every.urls) == 300
        assert len(log.requests) == 31
        assert every.warnings == []
        short = run(max_articles=1000, max_listing_pages=5)
        assert len(short.urls) == 50
        assert short.warnings == [
            f"listing {base}/list/: stopped after 5 pages (max_listing_pages)"
        ]


@pytest.mark.parametrize(
    ("path", "site_page"),
    [
        ("/about/", True),
        ("/privacy-policy/", True),
        ("/terms-and-conditions", True),
        ("/a-propos.html", True),
        ("/impressum/", True),
        ("/category/sleep/", True),
        ("/gout/", False),
        ("/about-gout/", False),
        ("/cookies-and-cholesterol/", False),
        ("/x/?next=/login/", False),
        ("/r/feed/8177", False),
        ("/category/sleep/feed/", True),
        ("/", True),
        ("", True),
        ("/index.php", True),
        ("/membership/", True),
        ("/journal?category=Gut+Health", True),
        ("/blog/?author=2", True),
        ("/journal?page=2", False),
        ("/pricing", True),
        ("/en/", True),  # a language's root on a site in several
        ("/es-us", True),
        ("/en/croup/", False),
        ("/tb/", False),
        ("/?p=12", False),
        ("/index.php?p=12", False),
        # a site page's name as a folder may hold articles; archives are archives anywhere
        ("/members/", True),
        ("/members/login/", True),
        ("/members/open-guides/post-viral-fatigue/", False),
        ("/blog/tag/sleep/", True),
        ("/author/jo/page/2/", True),
        # a clinic's pages and a blog's own listing, beside its guides and posts
        ("/accessibility-statement/", True),
        ("/medical-review-board/", True),
        ("/find-a-clinic/", True),
        ("/locations/", True),
        ("/blog/", True),
        ("/locations/harlow-green/", True),
        ("/conditions/harlow-green/", False),
        ("/blog/2026/03/hay-fever/", False),
        ("/news/sleep-and-screens/", False),
    ],
)
def test_site_pages_a_sitemap_lists_are_not_articles(path: str, site_page: bool) -> None:
    from extractors.discovery import is_site_page

    assert is_site_page(f"https://ex.test{path}") is site_page


def test_feed_links_resolve_against_xml_base() -> None:
    """Atom's xml:base, on the feed, an entry or the link itself, is what a relative link is
    relative to; without one, the feed's own URL is."""
    from extractors.discovery import parse_feed

    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://ex.test/">
      <entry><link rel="enclosure" href="img/a.jpg"/><link rel="alternate" href="answers/a"/></entry>
      <entry xml:base="https://ex.test/kb/"><link href="b"/></entry>
      <entry><link rel="replies" href="answers/c/comments"/><link href="/abs/c" /></entry>
      <entry><link xml:base="guides/" href="d"/></entry>
    </feed>"""
    assert parse_feed(atom, "https://ex.test/feeds/articles.atom").articles == [
        "https://ex.test/answers/a",
        "https://ex.test/kb/b",
        "https://ex.test/abs/c",
        "https://ex.test/guides/d",
    ]
    plain = b"""<rss version="2.0"><channel><item><link>posts/e</link></item></channel></rss>"""
    assert parse_feed(plain, "https://ex.test/feed/").articles == ["https://ex.test/feed/posts/e"]


def test_json_feed_items() -> None:
    """A JSON Feed (jsonfeed.org 1 and 1.1): each item's url, else its id when that is a web
    address, resolved against the feed's URL; escaped slashes, a byte order mark and other
    item fields are no matter. A listing's start URL that answers with one is read as a feed,
    and a listing announcing one has it followed."""
    from extractors.discovery import is_feed, parse_feed, parse_listing

    feed = (
        b'\xef\xbb\xbf{"version": "https:\\/\\/jsonfeed.org\\/version\\/1",'
        b' "title": "Ask the Nurse", "items": ['
        b'{"id": "1", "url": "https:\\/\\/ex.test\\/answers\\/stye\\/", "title": "A stye"},'
        b'{"id": "https://ex.test/answers/hiccups/", "content_html": "<p>Hiccups</p>"},'
        b'{"id": "3", "url": "/answers/cold-sores/"},'
        b'{"id": "4"}, "not an item",'
        b'{"id": "5", "url": "answers/stye/"}]}'
    )
    assert is_feed(feed)
    assert parse_feed(feed, "https://ex.test/feed.json").articles == [
        "https://ex.test/answers/stye/",
        "https://ex.test/answers/hiccups/",
        "https://ex.test/answers/cold-sores/",
    ]
    assert parse_feed(b"{not json", "https://ex.test/feed.json").error
    assert parse_feed(b'{"version": "x"}', "https://ex.test/feed.json").error
    assert not is_feed(b'{"items": []}')  # some other JSON: not announced as a feed
    html = """<html><head><link rel="alternate" type="application/feed+json" href="/feed.json">
    </head><body><main><h2><a href="/answers/stye/">A stye</a></h2></main></body></html>"""
    assert parse_listing(html, "https://ex.test/answers/").follow == ["https://ex.test/feed.json"]


def test_wordpress_attachment_sitemaps_and_comment_pages_are_no_articles() -> None:
    """A Yoast sitemap index's attachment, category, tag and author sitemaps list no articles
    and are not read; an article's comment pages ("/slug/comment-page-1/", which a site's
    comment feed links) are copies of it."""
    from extractors.discovery import parse_sitemap, without_copies

    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://ex.test/post-sitemap.xml</loc></sitemap>
      <sitemap><loc>https://ex.test/attachment-sitemap.xml</loc></sitemap>
      <sitemap><loc>https://ex.test/attachment-sitemap2.xml.gz</loc></sitemap>
      <sitemap><loc>https://ex.test/category-sitemap.xml</loc></sitemap>
      <sitemap><loc>https://ex.test/post_tag-sitemap.xml</loc></sitemap>
      <sitemap><loc>https://ex.test/page-sitemap.xml</loc></sitemap>
    </sitemapindex>"""
    assert parse_sitemap(index, "https://ex.test/sitemap_index.xml").follow == [
        "https://ex.test/post-sitemap.xml",
        "https://ex.test/page-sitemap.xml",
    ]
    urls = [
        "https://ex.test/2025/05/nail-biting/comment-page-1/",
        "https://ex.test/2025/05/nail-biting/",
        "https://ex.test/2025/04/heel-spurs/comment-page-2/",
    ]
    assert without_copies(urls) == urls[1:]


def test_sitemap_entries_lastmod_and_extension_locs() -> None:
    from extractors.discovery import parse_sitemap

    sitemap = b"""<?xml version="1.0"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
      <url><loc> /a/ </loc><lastmod> 2026-05-01T08:00:00+00:00 </lastmod>
        <image:image><image:loc>/img/a.jpg</image:loc></image:image></url>
      <url><lastmod>2026-05-02</lastmod><loc>/b/</loc></url>
      <url><loc>/c/</loc></url>
      <url><loc>/a/</loc><lastmod>2026-01-01</lastmod></url>
    </urlset>"""
    found = parse_sitemap(sitemap, "https://site.example/")
    assert found.articles == [f"https://site.example/{p}/" for p in "abc"]
    assert found.lastmod == {
        "https://site.example/a/": "2026-05-01T08:00:00+00:00",
        "https://site.example/b/": "2026-05-02",
    }
    sloppy = parse_sitemap(
        b"<urlset><loc>/d/</loc><url><loc>/e/</loc></url></urlset>", "https://s.example/"
    )
    assert sorted(sloppy.articles) == ["https://s.example/d/", "https://s.example/e/"]
    index = parse_sitemap(
        b"<sitemapindex><sitemap><loc>/s1.xml</loc><lastmod>2026-05-01</lastmod></sitemap>"
        b"</sitemapindex>",
        "https://s.example/",
    )
    assert (index.follow, index.articles, index.lastmod) == (["https://s.example/s1.xml"], [], {})


def test_sitemaps_after_blank_lines_and_text_sitemaps() -> None:
    """A sitemap index with a byte order mark and blank lines before its XML declaration is
    read; a text sitemap (one URL a line) gives its URLs; a text answer without any URL is an
    error, not an empty list."""
    from extractors.discovery import parse_sitemap

    index = parse_sitemap(
        b'\xef\xbb\xbf\n\n<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex><sitemap><loc>\n'
        b"  https://s.example/post-sitemap.xml\n</loc></sitemap></sitemapindex>",
        "https://s.example/sitemap_index.xml",
    )
    assert (index.error, index.follow) == ("", ["https://s.example/post-sitemap.xml"])
    text = parse_sitemap(
        b"https://s.example/brittle-nails/\r\nhttps://s.example/bloating\n\n"
        b"not a url\nhttps://s.example/brittle-nails/\n",
        "https://s.example/sitemap.txt",
    )
    assert text.error == ""
    assert text.articles == ["https://s.example/brittle-nails/", "https://s.example/bloating"]
    assert parse_sitemap(b"Sorry, nothing here.\n", "https://s.example/s.txt").error


def test_gzipped_sitemap_bomb_and_truncation_are_warnings() -> None:
    """A `.xml.gz` sitemap inflating to 1 GiB stops at the size cap; a truncated one is named;
    the good sitemap next to them still gives its articles."""
    bomb = gzip_bomb()  # built without ever holding the 1 GiB: a big test process skews RSS
    good = b"<urlset><url><loc>/ok/</loc></url></urlset>"
    routes = {
        "/bomb.xml.gz": (200, {"Content-Type": "application/gzip"}, bomb),
        "/cut.xml.gz": (200, {"Content-Type": "application/gzip"}, gzip.compress(good)[:-12]),
        "/good.xml": (200, {"Content-Type": "application/xml"}, good),
    }
    with serve_routes(routes) as base, Fetcher() as fetcher:
        sitemaps = [f"{base}/bomb.xml.gz", f"{base}/cut.xml.gz", f"{base}/good.xml"]
        found = discover(Source(name="d", sitemaps=sitemaps, respect_robots=False), fetcher)
    assert [u.split(base)[1] for u in found.urls] == ["/ok/"]
    assert len(found.warnings) == 2, found.warnings
    assert "larger than 8000000 bytes" in found.warnings[0]
    assert "ends early" in found.warnings[1]


def test_max_articles_caps_with_a_warning() -> None:
    routes = {"/list/": (200, {}, listing([f"/a{i}/" for i in range(5)]))}
    with serve_routes(routes) as base, Fetcher() as fetcher:
        found = discover(
            Source(name="d", start_urls=[f"{base}/list/"], max_articles=2, respect_robots=False),
            fetcher,
        )
    assert [u.split(base)[1] for u in found.urls] == ["/a0/", "/a1/"]
    assert found.warnings == [
        "5 articles found; crawling 2 this run: those not crawled before first, then those"
        " checked longest ago"
    ]


def test_capped_runs_reach_every_article_in_turn(demo_site: DemoSite, tmp_path: Path) -> None:
    """A source with more articles than max_articles: each run takes the articles it has not
    crawled yet first, so the second run publishes the two the first run left, and then
    re-checks those checked longest ago."""
    with serve_routes(site_routes(demo_site)) as base:
        source = source_for(base, max_articles=4)
        first = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        one = {e["url"] for e in json.loads((tmp_path / "index.json").read_text())["articles"]}
        second = run_crawl([source], tmp_path, use_prefect=False, settings=INLINE)[0]
        index = json.loads((tmp_path / "index.json").read_text())
    assert first.discovered == second.discovered == 4
    assert first.counts == {"new": 4}
    assert second.counts == {"new": 2, "unchanged": 2}
    assert len(index["articles"]) == 6
    assert one < {e["url"] for e in index["articles"]}


def test_this_run_orders_new_then_moved_then_longest_unchecked(tmp_path: Path) -> None:
    known = {
        "http://a.test/old/": ArticleState("1", "h", 1, checked_at="2026-01-01T00:00:00Z"),
        "http://a.test/recent/": ArticleState("2", "h", 1, checked_at="2026-06-01T00:00:00Z"),
        "http://a.test/moved/": ArticleState(
            "3",
            "h",
            1,
            checked_at="2026-06-02T00:00:00Z",
            lastmod="2026-05-01",
            later=("http://a.test/moved/part-two/",),
        ),
    }
    save_state(tmp_path, "s", known)
    write_rejection(
        tmp_path, Rejection("http://a.test/broken/", "fetch", "500", "2026-03-01T00:00:00Z")
    )
    names = ("recent", "moved/part-two", "broken", "old", "moved", "new")
    urls = [f"http://a.test/{name}/" for name in names]
    lastmod = {"http://a.test/moved/": "2026-07-01", "http://a.test/recent/": ""}
    order = this_run(urls, lastmod, tmp_path, Source(name="s", articles=urls))
    assert [u[14:-1] for u in order] == [
        "new",
        "moved",
        "old",
        "broken",
        "recent",
        "moved/part-two",
    ]
    assert this_run(urls, lastmod, None, Source(name="s", articles=urls)) == urls


# ---------------------------------------------------------------------------- politeness


def test_host_gate_spaces_requests_and_reads_robots() -> None:
    robots = {"http://a.test": "User-agent: *\nCrawl-delay: 0.05\nDisallow: /private/\n"}
    gate = HostGate(100.0, robots, "healthsift")
    assert not gate.allowed("http://a.test/private/x")
    assert gate.allowed("http://a.test/public/x")
    assert gate.interval("http://a.test") == pytest.approx(0.05)

    async def three() -> float:
        started = time.monotonic()
        for _ in range(3):
            await gate.wait("http://a.test/x")
        return time.monotonic() - started

    assert asyncio.run(three()) >= 0.1


def _timed_routes(site: DemoSite, robots: str, arrivals: list[tuple[float, str]]) -> dict:
    """The demo site's routes, each request's arrival time and path noted in `arrivals`."""

    def timed(path: str, body: bytes) -> Callable[[], bytes]:
        def made() -> bytes:
            arrivals.append((time.monotonic(), path))
            return body

        return made

    routes = {
        p: (status, headers, timed(p, body))
        for p, (status, headers, body) in site_routes(site).items()
    }  # type: ignore[arg-type]
    routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        timed("/robots.txt", robots.encode()),
    )
    return routes


@pytest.mark.parametrize(
    ("rate", "robots"),
    [(10.0, "User-agent: *\nAllow: /\n"), (0.0, "User-agent: *\nCrawl-delay: 0.1\n")],
    ids=["requests_per_second", "crawl-delay"],
)
def test_every_request_of_a_run_keeps_the_host_interval(
    demo_site: DemoSite, tmp_path: Path, rate: float, robots: str
) -> None:
    """Politeness holds for the whole run, as the host sees it: discovery's requests (robots.txt,
    sitemap, listing pages) and the batches' are all spaced by the interval the source's rate
    or robots.txt's crawl-delay asks for, also when the batches run on a pool of processes, and
    from discovery's last request to the batches' first."""
    arrivals: list[tuple[float, str]] = []
    with serve_routes(_timed_routes(demo_site, robots, arrivals)) as base:
        source = source_for(
            base, start_urls=[f"{base}/"], requests_per_second=rate, respect_robots=True
        )
        settings = CrawlSettings(workers=2, task_runner="process", batch_size=2)
        report = run_crawl([source], tmp_path, use_prefect=False, settings=settings)[0]
    assert report.counts == {"new": 6}
    arrivals.sort()
    gaps = [(b[0] - a[0], a[1], b[1]) for a, b in itertools.pairwise(arrivals)]
    assert len(arrivals) > 15
    # half the interval: a loaded machine delays the server's threads by tens of milliseconds,
    # while requests that go out together arrive under a millisecond apart
    assert min(gaps)[0] >= 0.05, sorted(gaps)[:3]


def test_a_host_answering_429_is_asked_more_slowly() -> None:
    """Each 429 doubles the host's interval (from at least THROTTLED_MIN_INTERVAL), and no
    request goes before its Retry-After has passed; other hosts keep their pace."""
    from flows.politeness import THROTTLED_MIN_INTERVAL

    gate = HostGate(8.0, {}, "healthsift")
    assert gate.interval("http://a.test") == 0.125
    gate.throttled("http://a.test/x", None)
    assert gate.interval("http://a.test") == THROTTLED_MIN_INTERVAL
    gate.throttled("http://a.test/y", 0.2)
    assert gate.interval("http://a.test") == 2 * THROTTLED_MIN_INTERVAL
    assert gate.interval("http://b.test") == 0.125

    async def next_wait() -> float:
        started = time.monotonic()
        await gate.wait("http://a.test/z")
        return time.monotonic() - started

    assert asyncio.run(next_wait()) >= 0.15  # Retry-After 0.2 s, less the time since
    # a Retry-After past THROTTLED_MAX_HOLD is one page's ban (its fetch fails): no hold
    gate.throttled("http://b.test/banned", 3600.0)

    async def other_wait() -> float:
        started = time.monotonic()
        await gate.wait("http://b.test/other")
        return time.monotonic() - started

    assert asyncio.run(other_wait()) < 1.0


def test_batches_of_a_spaced_host_crawl_in_turn(tmp_path: Path) -> None:
    """Where a host asks for an interval (requests_per_second, or robots.txt's crawl-delay),
    the run's batches crawl one after another, each from the last request of the one before:
    batches crawling at once would each keep the interval, not the host's requests together.
    Without one, batches crawl at once."""
    urls = [f"http://a.test/{i}/" for i in range(40)]
    settings = CrawlSettings(workers=2, task_runner="process")
    delay = {"http://a.test": "User-agent: *\nCrawl-delay: 2\n"}
    for rate, robots, spaced in [(4.0, {}, True), (0.0, delay, True), (0.0, {}, False)]:
        start = HostPace(turns={"x": 1.0}, throttled={"x": 0.5})
        discovery = Discovery(urls=urls, robots=robots, warnings=[], pace=start)
        source = Source.model_validate({"name": "s", "articles": urls, "requests_per_second": rate})
        jobs, _ = plan_batches(source, discovery, tmp_path, settings)
        assert len(jobs) > 2
        assert {job.in_turn for job in jobs} == {spaced}
        assert jobs[0].pace == start
    seen: list[HostPace] = []

    def run(job: BatchJob) -> BatchResult:
        seen.append(job.pace)
        later = {"x": job.pace.turns["x"] + 1}
        return BatchResult(pace=HostPace(turns=later, throttled={"x": 0.5}))

    assert len(list(in_turn(jobs, run))) == len(jobs)
    assert [p.turns for p in seen] == [{"x": 1.0 + i} for i in range(len(jobs))]
    assert {p.throttled["x"] for p in seen} == {0.5}  # a host's 429s slow every batch after


# ---------------------------------------------------------------------------- config


GOOD = """
[crawl]
workers = 2
task_runner = "thread"

[[sources]]
name = "daily-health"
start_urls = ["https://example.com/health/"]
sitemaps = ["https://example.com/sitemap.xml"]
feeds = []
include = ["^https://example.com/[^/]+/$"]
exclude = []
max_articles = 200
requests_per_second = 1.0
schedule = "0 */6 * * *"
"""


def test_config_accepts_the_documented_keys() -> None:
    config = parse_config(GOOD)
    source = config.sources[0]
    assert source.name == "daily-health"
    assert source.schedule == "0 */6 * * *"
    assert config.crawl.workers == 2
    assert source.wants("https://example.com/a-post/")
    assert not source.wants("https://example.com/a/b/")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("max_articles = 200", "max_articels = 200"),
            "sources.toml:13: sources.0.max_articels: unknown key",
        ),
        (GOOD.replace('"^https', '"(^https'), "sources.toml:11: sources.0.include"),
        (GOOD.replace('"0 */6 * * *"', '"often"'), "is not a cron expression"),
        (GOOD.replace('["https://example.com/health/"]', '["ftp://x"]'), "is not an http(s) URL"),
        (
            GOOD
            + GOOD.split("[[sources]]")[0]
            .replace("[crawl]", "")
            .replace("workers = 2", "")
            .replace('task_runner = "thread"', "")
            + "[[sources]]"
            + GOOD.split("[[sources]]")[1],
            "source names must be unique",
        ),
        ("[[sources]\nname=1", "not valid TOML"),
    ],
)
def test_config_errors_name_the_key_and_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(text)
    assert message in str(info.value)


def test_run_report_ids_sort_in_start_order() -> None:
    """Reports of runs started within one second still list in the order they ran."""
    ids = []
    for _ in range(3):
        ids.append(new_report("s").run_id)
        time.sleep(0.002)
    assert ids == sorted(ids)
    assert len(set(ids)) == 3


def test_schema_file_is_kept_current_without_building_it_on_unchanged_runs(
    demo_site: DemoSite, tmp_path: Path
) -> None:
    import subprocess
    import sys

    schema = tmp_path / "schema" / "health-article.schema.json"
    code = (
        "import sys; from pathlib import Path; from flows.runner import run_crawl; "
        "from flows.sources import CrawlSettings, Source; "
        "source = Source(name='test', sitemaps=[sys.argv[1] + '/sitemap.xml'], "
        "requests_per_second=0, respect_robots=False); "
        "r = run_crawl([source], Path(sys.argv[2]), use_prefect=False, "
        "settings=CrawlSettings(workers=1, task_runner='thread'))[0]; "
        "print(sorted(r.counts.items()), 'schemas.article' in sys.modules)"
    )

    def crawl(base: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", code, base, str(tmp_path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    with serve_routes(site_routes(demo_site)) as base:
        assert crawl(base) == "[('new', 6)] True"
        text = schema.read_text()
        # Unchanged: the schema models are not even imported, and the file is left alone.
        assert crawl(base) == "[('unchanged', 6)] False"
        schema.unlink()
        crawl(base)
        assert schema.read_text() == text
        schema.write_text("{}")
        crawl(base)
        assert schema.read_text() == text


def test_a_listing_follows_no_page_robots_txt_forbids() -> None:
    """robots.txt is read before a listing's own links are followed: a feed the listing's head
    announces under a forbidden path is never requested."""
    log = ServedLog()
    head = "<link rel='alternate' type='application/atom+xml' href='/w/index.php?feed=atom'>"
    page = listing(["/wiki/Milia"]).replace(b"<html>", f"<html><head>{head}</head>".encode())
    routes: dict[str, Route] = {
        "/wiki/Category:Skin": (200, {}, page),
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /w/\n"),
    }
    with serve_routes(routes, log) as base, Fetcher() as fetcher:
        source = Source(name="w", start_urls=[f"{base}/wiki/Category:Skin"], respect_robots=True)
        found = discover(source, fetcher)
    assert [u.split(base)[1] for u in found.urls] == ["/wiki/Milia"]
    assert not any(path.startswith("/w/") for path, _ in log.requests)
