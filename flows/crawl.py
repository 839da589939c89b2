"""The crawl, as plain functions the Prefect flow wires together: discover article URLs of a
source, extract and publish a batch of articles, and finish a run (index, rejections, report).
No Prefect import here."""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extractors import NotAnArticle, normalize_url
from extractors.discovery import Discovered, is_feed, parse_feed, parse_listing, parse_sitemap
from flows.fetch import Fetcher, FetchError, FetchOptions, utc_now
from flows.pipeline import extract_pages, fetch_article_pages
from flows.publish import (
    PublishError,
    Rejection,
    clear_rejection,
    dumps,
    publish_article,
    rebuild_index,
    write_atomic,
    write_rejection,
)
from flows.sources import Source

GZIP_MAGIC = b"\x1f\x8b"
MAX_SITEMAP_FILES = 50  # Why: a sitemap index can fan out without end.


@dataclass(frozen=True)
class Outcome:
    """What happened to one article URL in a run."""

    url: str
    status: str
    """new | changed | unchanged | failed"""
    id: str = ""
    title: str = ""
    kind: str = ""
    """For failures: fetch | not_article | invalid | publish | error."""
    reason: str = ""


@dataclass
class RunReport:
    """Summary of one crawl run of one source, written to `output/runs/<run_id>.json`."""

    run_id: str
    source: str
    started_at: str
    finished_at: str = ""
    discovered: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs_rewritten: list[str] = field(default_factory=list)


def fetch_options(source: Source) -> FetchOptions:
    return FetchOptions(max_pages=source.max_pages)


def _read_xml(fetcher: Fetcher, url: str) -> bytes:
    body = fetcher.fetch(url).body
    if body.startswith(GZIP_MAGIC):
        try:
            body = gzip.decompress(body[: fetcher.options.max_bytes])
        except (OSError, EOFError) as exc:
            raise FetchError(url, f"sitemap is not valid gzip: {exc}") from exc
    return body


def _discover_sitemaps(fetcher: Fetcher, source: Source, warnings: list[str]) -> list[str]:
    queue, found = list(source.sitemaps), []
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAP_FILES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            body = _read_xml(fetcher, url)
        except FetchError as exc:
            warnings.append(f"sitemap {url}: {exc.reason}")
            continue
        result = parse_sitemap(body, url)
        if result.error:
            warnings.append(f"sitemap {url}: {result.error}")
        found += result.articles
        queue += result.follow
    return found


def _discover_listings(fetcher: Fetcher, source: Source, warnings: list[str]) -> list[str]:
    found: list[str] = []
    for start in source.start_urls:
        url: str | None = start
        pages = 0
        seen: set[str] = set()
        while url and pages < source.max_listing_pages and url not in seen:
            seen.add(url)
            pages += 1
            try:
                page = fetcher.fetch(url, origin=start)
            except FetchError as exc:
                warnings.append(f"listing {url}: {exc.reason}")
                break
            result: Discovered = (
                parse_feed(page.body, page.final_url)
                if is_feed(page.body)
                else parse_listing(page.body, page.final_url)
            )
            found += result.articles
            url = result.follow[0] if result.follow else None
    return found


def _discover_feeds(fetcher: Fetcher, source: Source, warnings: list[str]) -> list[str]:
    found: list[str] = []
    for url in source.feeds:
        try:
            result = parse_feed(_read_xml(fetcher, url), url)
        except FetchError as exc:
            warnings.append(f"feed {url}: {exc.reason}")
            continue
        if result.error:
            warnings.append(f"feed {url}: {result.error}")
        found += result.articles
    return found


def discover(source: Source, fetcher: Fetcher) -> tuple[list[str], list[str]]:
    """Article URLs of a source (normalised, deduplicated, filtered, capped) and warnings."""
    warnings: list[str] = []
    urls = (
        list(source.articles)
        + _discover_sitemaps(fetcher, source, warnings)
        + _discover_feeds(fetcher, source, warnings)
        + _discover_listings(fetcher, source, warnings)
    )
    unique = list(dict.fromkeys(normalize_url(u) for u in urls))
    chosen = [u for u in unique if source.wants(u)]
    if len(chosen) > source.max_articles:
        warnings.append(f"{len(chosen)} articles found; crawling the first {source.max_articles}")
    return chosen[: source.max_articles], warnings


def process_article(url: str, fetcher: Fetcher, out: Path) -> Outcome:
    """Fetch, extract and publish one article; every failure becomes a failed Outcome."""
    try:
        record = extract_pages(fetch_article_pages(url, fetcher))
        status = publish_article(record, out)
    except FetchError as exc:
        return Outcome(url, "failed", kind="fetch", reason=exc.reason)
    except NotAnArticle as exc:
        return Outcome(url, "failed", kind="not_article", reason=exc.reason)
    except PublishError as exc:
        return Outcome(url, "failed", kind="publish", reason=str(exc))
    except ValueError as exc:  # pydantic ValidationError is a ValueError
        return Outcome(url, "failed", kind="invalid", reason=str(exc).splitlines()[0])
    clear_rejection(out, url)
    return Outcome(url, status, id=record.id, title=record.title)


def crawl_batch(urls: list[str], source: Source, out: Path) -> list[Outcome]:
    """Process a batch of article URLs with one fetcher."""
    with Fetcher(fetch_options(source)) as fetcher:
        return [process_article(url, fetcher, out) for url in urls]


def finish_run(report: RunReport, outcomes: list[Outcome], out: Path) -> RunReport:
    """Write rejections, rebuild the index, and write the run report."""
    report.counts = dict(Counter(o.status for o in outcomes))
    for outcome in outcomes:
        if outcome.status == "failed":
            report.failures.append(
                {"url": outcome.url, "kind": outcome.kind, "reason": outcome.reason}
            )
            write_rejection(out, Rejection(outcome.url, outcome.kind, outcome.reason, utc_now()))
    rewritten = rebuild_index(out)
    report.outputs_rewritten = [name for name, changed in rewritten.items() if changed]
    report.finished_at = utc_now()
    write_atomic(out / "runs" / f"{report.run_id}.json", dumps(asdict(report)))
    return report


def batches(urls: list[str], size: int) -> list[list[str]]:
    return [urls[i : i + size] for i in range(0, len(urls), size)]
