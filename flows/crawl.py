"""The crawl, as plain functions the Prefect flow (and the `--no-prefect` runner) wire together:
discover a source's article URLs and robots.txt, cut them into batches, crawl each batch with
async httpx (bounded concurrency, per-host politeness, conditional requests), and finish the run
(index, rejections, state, report). No Prefect import here."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from extractors import NotAnArticle, normalize_url
from extractors.discovery import (
    Discovered,
    is_feed,
    is_site_page,
    parse_feed,
    parse_listing,
    parse_sitemap,
    without_copies,
    without_later_pages,
)
from extractors.urls import site_of
from flows.fetch import FetchedPage, Fetcher, FetchError, FetchOptions, utc_now
from flows.fetch_async import AsyncFetcher
from flows.files import PublishError, dumps, sync_files, write_atomic
from flows.politeness import HostGate, HostPace, host_of
from flows.progress import Reporter
from flows.publish import (
    ARTICLES,
    Published,
    Rejection,
    clear_rejection,
    own_address,
    publish_article,
    published,
    rebuild_index,
    rejected_at,
    warm_schema,
    withdraw_article,
    write_rejection,
)
from flows.sources import CrawlSettings, Source
from flows.state import ArticleState, load_state, save_state

if TYPE_CHECKING:
    from schemas import HealthArticle

MAX_SITEMAP_FILES = 50  # Why: a sitemap index can fan out without end.
BATCHES_PER_WORKER = 4  # Why: enough batches to keep every worker busy to the end of a run.


@dataclass(frozen=True)
class Outcome:
    """What happened to one article URL in a run."""

    url: str
    status: str
    """new | changed | unchanged | failed"""
    id: str = ""
    title: str = ""
    kind: str = ""
    """For failures: fetch | not_article | invalid | publish | robots."""
    reason: str = ""
    published: Published | None = field(default=None, repr=False, compare=False)
    """For new and changed articles: the file written, for the index rebuild."""


@dataclass(frozen=True)
class Discovery:
    """A source's article URLs, robots.txt texts by host, and what went wrong on the way."""

    urls: list[str]
    robots: dict[str, str | None]
    warnings: list[str]
    lastmod: dict[str, str] = field(default_factory=dict)
    """Sitemap `<lastmod>` by article URL, where the sitemap gives one."""
    pace: HostPace = field(default_factory=HostPace)
    """Where discovery left each host (HostGate.pace)."""


@dataclass(frozen=True)
class BatchJob:
    """Everything a worker needs to crawl a batch; picklable, so it can cross processes."""

    source: Source
    urls: tuple[str, ...]
    out: str
    states: dict[str, ArticleState]
    robots: dict[str, str | None]
    now: str
    recheck_hours: float
    lastmod: dict[str, str] = field(default_factory=dict)
    """Sitemap `<lastmod>` of the batch's URLs, where the sitemap gives one."""
    in_turn: bool = False
    """The run's batches crawl one after another (`in_turn`): their host asks for an interval
    between requests (requests_per_second, robots.txt's crawl-delay), which batches crawling
    at once could not keep between them."""
    pace: HostPace = field(default_factory=HostPace)
    """Where the run's step before this batch left each host (HostGate.pace)."""


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    states: dict[str, ArticleState] = field(default_factory=dict)
    synced: bool = False
    """Whether the record files it wrote are flushed to disk (`sync_records`)."""
    pace: HostPace | None = None
    """Where the batch left each host, for the batch after it (`in_turn`)."""


def sync_records(result: BatchResult, out: Path) -> None:
    """Flush to disk the record files a batch wrote. Why not as each is written: batches
    publish without fsync (an fsync per record blocked a batch's event loop, about 0.3 ms a
    record, and stalled the next file creations behind its journal commit), and the run
    flushes each batch's files as it comes back, while other batches still crawl. The state
    is saved after every file it names is on disk: a record lost with a crash before that is
    fetched and written again by the next run."""
    if not result.synced:
        sync_files(out / ARTICLES / o.published.name for o in result.outcomes if o.published)
        result.synced = True


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


def new_report(source: str) -> RunReport:
    """A report whose id sorts in start order, to the millisecond (two runs of a small source
    can start within one second), and stays unique across machines."""
    now = datetime.now(UTC)
    stamp = f"{now:%Y%m%dT%H%M%S}.{now.microsecond // 1000:03d}Z"
    return RunReport(f"{stamp}-{source}-{uuid.uuid4().hex[:6]}", source, utc_now())


def fetch_options(source: Source) -> FetchOptions:
    return FetchOptions(max_pages=source.max_pages, timeout=source.timeout, retries=source.retries)


# ------------------------------------------------------------------------------- discovery


class _Fetches(Protocol):
    options: FetchOptions

    def fetch(
        self, url: str, headers: dict[str, str] | None = None, *, origin: str | None = None
    ) -> FetchedPage: ...


class _PacedFetcher:
    """Discovery's fetches, each taking its turn at the host gate as a batch's do (retries
    too): robots.txt, sitemaps, feeds and listing pages keep the source's interval."""

    def __init__(self, fetcher: Fetcher, gate: HostGate) -> None:
        self.options = fetcher.options
        self._fetcher = fetcher
        self._gate = gate

    def fetch(
        self, url: str, headers: dict[str, str] | None = None, *, origin: str | None = None
    ) -> FetchedPage:
        self._gate.wait_blocking(url)
        gate = self._gate
        return self._fetcher.fetch(
            url,
            headers,
            origin=origin,
            pace=gate.wait_blocking,
            allow=gate.allowed,
            throttled=gate.throttled,
        )


def _read_xml(fetcher: _Fetches, url: str, origin: str) -> bytes:
    # A `.xml.gz` sitemap comes back opened: a fetched body that is gzip data is inflated as
    # it is read (flows.body), whatever its headers say.
    return fetcher.fetch(url, origin=origin).body


def _discover_sitemaps(
    fetcher: _Fetches, source: Source, warnings: list[str], lastmod: dict[str, str]
) -> list[str]:
    """Article URLs of the source's sitemaps, following index files; fills `lastmod` (keyed
    by the URLs as found)."""
    queue, found = list(source.sitemaps), []
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAP_FILES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            body = _read_xml(fetcher, url, source.origin_for(url))
        except FetchError as exc:
            warnings.append(f"sitemap {url}: {exc.reason}")
            continue
        result = parse_sitemap(body, url)
        if result.error:
            warnings.append(f"sitemap {url}: {result.error}")
        found += result.articles
        queue += result.follow
        for url, stamp in result.lastmod.items():
            lastmod.setdefault(url, stamp)
    return found


def _discover_listings(
    fetcher: _Fetches, source: Source, warnings: list[str], gate: HostGate
) -> list[str]:
    """Article links of the listing pages: each listing read page after page (its next page,
    then its other A-Z index pages), up to max_listing_pages, until the source has max_articles
    of them. A page that adds no new article is not followed further (the listing's end, or a
    pager going round)."""
    found: dict[str, None] = {}
    chosen = 0  # of them, those the include and exclude patterns let through
    # Links the include patterns name are articles whatever their text says
    wanted = source.wants if source.include else None
    # the source's own feeds are read apart: a listing that announces one leads to no new page
    feeds = {normalize_url(u) for u in source.feeds}
    for start in source.start_urls:
        queue, seen, pages = [start], {start}, 0
        while queue and pages < source.max_listing_pages:
            url = queue.pop(0)
            pages += 1
            try:
                page = fetcher.fetch(url, origin=start)
            except FetchError as exc:
                warnings.append(f"listing {url}: {exc.reason}")
                continue
            result: Discovered = (
                parse_feed(page.body, page.final_url)
                if is_feed(page.body)
                else parse_listing(page.body, page.final_url, wanted)
            )
            new = [u for u in dict.fromkeys(result.articles) if u not in found]
            found.update(dict.fromkeys(new))
            chosen += sum(map(source.wants, new))
            if chosen >= source.max_articles:
                queue = []
                break
            if new or url == start:
                # pages the listing leads to (its next pages, its feeds) that robots.txt allows
                queue += [
                    u
                    for u in result.follow
                    if u not in seen and gate.allowed(u) and normalize_url(u) not in feeds
                ]
                seen.update(result.follow)
        if queue:
            warnings.append(f"listing {start}: stopped after {pages} pages (max_listing_pages)")
    return list(found)


def _discover_feeds(fetcher: _Fetches, source: Source, warnings: list[str]) -> list[str]:
    """Item links of the source's feeds, each read page after page where it is paged (its
    `rel="next"` link), up to max_listing_pages, until a page adds no new item."""
    found: list[str] = []
    for start in source.feeds:
        url: str | None = start
        seen: set[str] = set()
        while url is not None and url not in seen and len(seen) < source.max_listing_pages:
            seen.add(url)
            try:
                result = parse_feed(_read_xml(fetcher, url, source.origin_for(url)), url)
            except FetchError as exc:
                warnings.append(f"feed {url}: {exc.reason}")
                break
            if result.error:
                warnings.append(f"feed {url}: {result.error}")
            new = [u for u in result.articles if u not in found]
            found += new
            url = result.follow[0] if new and result.follow else None
    return found


def _hosts(urls: list[str]) -> list[str]:
    return sorted({host_of(u) for u in urls})


def fetch_robots(hosts: list[str], fetcher: _Fetches, origin: str) -> dict[str, str | None]:
    """robots.txt of each host (None where there is none or it cannot be read)."""
    robots: dict[str, str | None] = {}
    for host in hosts:
        try:
            page = fetcher.fetch(f"{host}/robots.txt", origin=origin)
            robots[host] = page.body[:500_000].decode("utf-8", "replace")
        except FetchError:
            robots[host] = None
    return robots


def discover(source: Source, fetcher: Fetcher, out: Path | None = None) -> Discovery:
    """Article URLs of a source (normalised, deduplicated, filtered, capped), robots.txt of
    their hosts, and warnings. `out`: the output folder the run publishes to, whose crawl state
    chooses the articles of a run capped at max_articles (see `this_run`)."""
    warnings: list[str] = []
    lastmod: dict[str, str] = {}
    gate = HostGate(source.requests_per_second, {}, FetchOptions().user_agent)
    paced = _PacedFetcher(fetcher, gate)
    origin = source.origin_for("")
    robots: dict[str, str | None] = {}  # by host
    if source.respect_robots:  # first: discovery keeps a crawl-delay too
        robots = fetch_robots(
            _hosts(source.start_urls + source.sitemaps + source.feeds), paced, origin
        )
        gate.learn(robots)
    urls = (
        list(source.articles)
        + _discover_sitemaps(paced, source, warnings, lastmod)
        + _discover_feeds(paced, source, warnings)
        + _discover_listings(paced, source, warnings, gate)
    )
    normal = {u: normalize_url(u) for u in urls}
    listings = {normalize_url(u) for u in source.start_urls}
    named = {normalize_url(u) for u in source.articles}
    unique = without_copies(
        without_later_pages(
            [
                u
                for u in dict.fromkeys(normal.values())
                if u in named or (u not in listings and not is_site_page(u))
            ]
        )
    )
    unique = _on_own_hosts(unique, source)
    chosen = [u for u in unique if source.wants(u)]
    stamps: dict[str, str] = {}
    for url, stamp in lastmod.items():  # keyed by the sitemaps' own URLs: normalised here
        stamps.setdefault(normal[url], stamp)
    if len(chosen) > source.max_articles:
        chosen = this_run(chosen, stamps, out, source)
        warnings.append(
            f"{len(chosen)} articles found; crawling {source.max_articles} this run: those not"
            " crawled before first, then those checked longest ago"
        )
        chosen = chosen[: source.max_articles]
    hosts = _hosts(chosen) if source.respect_robots else []
    robots.update(fetch_robots([h for h in hosts if h not in robots], paced, origin))
    robots = {host: robots[host] for host in hosts}
    return Discovery(
        chosen,
        robots,
        warnings,
        {u: stamps[u] for u in chosen if u in stamps},
        pace=gate.pace(),
    )


def this_run(
    urls: list[str], lastmod: dict[str, str], out: Path | None, source: Source
) -> list[str]:
    """`urls` in the order a run capped at max_articles takes them: articles never crawled
    into `out`, then those whose sitemap `<lastmod>` moved, then the rest, longest unchecked
    first (a rejected URL as of its rejection), and last the known later pages of articles;
    discovery order within each. Why: a capped run that always took the first max_articles
    never reached a new article listed after them (WordPress's own sitemaps list posts oldest
    first), nor re-checked those."""
    states = load_state(out, source.name) if out is not None else {}
    later = {page for state in states.values() for page in state.later}
    fresh: list[str] = []
    moved: list[str] = []
    seen: list[tuple[str, str]] = []
    for url in urls:
        old = states.get(url)
        if url in later and old is None:
            seen.append(("~", url))  # after every ISO time
            continue
        if old is not None:
            if url in lastmod and lastmod[url] != old.lastmod:
                moved.append(url)
            else:
                seen.append((old.checked_at, url))
            continue
        failed = rejected_at(out, url) if out is not None else None
        if failed is None:
            fresh.append(url)
        else:
            seen.append((failed, url))
    seen.sort(key=lambda pair: pair[0])  # stable: discovery order among equal times
    return fresh + moved + [url for _, url in seen]


def _on_own_hosts(urls: list[str], source: Source) -> list[str]:
    """`urls` less those on other hosts than the source's own (the hosts of its configured
    URLs), when some are on its own; a source whose feed only links elsewhere (a feed service)
    keeps them all. Why: feeds and listings carry sponsored items that lead to other sites.
    URLs the source names, or its include patterns match, stay wherever they are."""
    own = {site_of(u) for u in source.configured_urls()}
    mine = [site_of(u) in own for u in urls]
    if not any(mine):
        return urls
    named = {normalize_url(u) for u in source.articles}
    return [
        u
        for u, on_own in zip(urls, mine, strict=True)
        if on_own or u in named or (source.include and source.wants(u))
    ]


def plan_batches(
    source: Source, discovery: Discovery, out: Path, settings: CrawlSettings
) -> tuple[list[BatchJob], BatchResult]:
    """Cut the URLs into batch jobs. Articles the sitemap vouches for are settled here, as
    unchanged, and left out of the jobs: a re-crawl of an unchanged site starts no batch at all.
    Where a host asks for an interval between requests, the jobs are to crawl in turn (see
    BatchJob.in_turn), the first from where discovery left the host. Returns the jobs and the
    settled."""
    states = load_state(out, source.name)
    now = utc_now()
    settled = settle_by_sitemap(source, discovery, states, now, settings.full_recheck_hours)
    settled.outcomes += settle_later_pages(discovery.urls, states)
    done = {outcome.url for outcome in settled.outcomes}
    settled.outcomes += settle_other_addresses(discovery.urls, states, done, now, settings)
    done = {outcome.url for outcome in settled.outcomes}
    urls = [url for url in discovery.urls if url not in done]
    size = settings.batch_size or max(1, -(-len(urls) // (settings.workers * BATCHES_PER_WORKER)))
    gate = HostGate(source.requests_per_second, discovery.robots, FetchOptions().user_agent)
    spaced = gate.spaced(urls)
    jobs = [
        BatchJob(
            source=source,
            urls=tuple(urls[i : i + size]),
            out=str(out),
            states={u: states[u] for u in urls[i : i + size] if u in states},
            robots=discovery.robots,
            now=now,
            recheck_hours=settings.full_recheck_hours,
            lastmod={u: discovery.lastmod[u] for u in urls[i : i + size] if u in discovery.lastmod},
            in_turn=spaced,
            pace=discovery.pace,
        )
        for i in range(0, len(urls), size)
    ]
    return jobs, settled


def settle_by_sitemap(
    source: Source,
    discovery: Discovery,
    states: dict[str, ArticleState],
    now: str,
    recheck_hours: float,
) -> BatchResult:
    """Known articles the sitemap vouches for, settled as unchanged without a request: not due
    for their full check, allowed by robots.txt, and given the `<lastmod>` seen at their last
    fetch (unless the source sets trust_lastmod = false)."""
    settled = BatchResult()
    if not source.trust_lastmod or not discovery.lastmod:
        return settled
    gate = HostGate(0.0, discovery.robots, FetchOptions().user_agent)
    for url in discovery.urls:
        old = states.get(url)
        stamp = discovery.lastmod.get(url, "")
        if (
            old is not None
            and stamp
            and stamp == old.lastmod
            and not old.due(now, recheck_hours)
            and gate.allowed(url)
        ):
            settled.outcomes.append(_as_before(url, old))
    return settled


def _as_before(url: str, old: ArticleState) -> Outcome:
    """The outcome of a page found as it was: its article unchanged, or still no article."""
    if old.rejected:
        return Outcome(url, "failed", kind="not_article", reason=old.rejected)
    return Outcome(url, "unchanged", id=old.id)


def later_pages_of(urls: Iterable[str], states: dict[str, ArticleState]) -> dict[str, str]:
    """Which of `urls` are a later page of another of them, by the articles' known pages: url
    -> the article's URL."""
    wanted = set(urls)
    return {
        page: url
        for url in wanted
        if (state := states.get(url)) is not None
        for page in state.later
        if page in wanted and page != url
    }


def settle_later_pages(urls: list[str], states: dict[str, ArticleState]) -> list[Outcome]:
    """URLs a sitemap lists that are known later pages of an article it lists too: merged into
    that article, never fetched on their own."""
    return [
        Outcome(url, "merged", reason=f"a later page of {article}")
        for url, article in later_pages_of(urls, states).items()
    ]


def settle_other_addresses(
    urls: list[str],
    states: dict[str, ArticleState],
    done: set[str],
    now: str,
    settings: CrawlSettings,
) -> list[Outcome]:
    """Known URLs whose last crawl gave the record of a URL listed before them (an old address
    that redirects to the new one, a copy whose canonical is the article): settled as
    unchanged while not due for their full check, since the article is crawled under its
    first address. Why: a moved site listed under both addresses was fetched twice a run."""
    first: dict[str, str] = {}
    settled = []
    for url in urls:
        old = states.get(url)
        if old is None or not old.id:
            continue
        if url in done:
            first.setdefault(old.id, url)
        elif old.id in first and not old.due(now, settings.full_recheck_hours):
            settled.append(Outcome(url, "unchanged", id=old.id))
        else:
            first.setdefault(old.id, url)
    return settled


LIGHT_SHARE = 0.9  # Why: when nine in ten articles need one conditional request, one process
# with all the concurrency beats starting worker processes.


def merge_if_light(jobs: list[BatchJob], settings: CrawlSettings) -> list[BatchJob]:
    """One job for the whole run when nearly every article is known and not due for a full
    check (a re-crawl of unchanged sources is I/O only); the jobs as they are otherwise."""
    urls = [u for job in jobs for u in job.urls]
    if len(jobs) <= 1 or not urls:
        return jobs
    first = jobs[0]
    fresh = sum(
        1
        for job in jobs
        for url, state in job.states.items()
        if not state.due(job.now, job.recheck_hours)
    )
    if fresh < LIGHT_SHARE * len(urls):
        return jobs
    source = first.source.model_copy(
        update={"concurrency": min(256, first.source.concurrency * settings.workers)}
    )
    states = {url: state for job in jobs for url, state in job.states.items()}
    lastmod = {url: stamp for job in jobs for url, stamp in job.lastmod.items()}
    return [replace(first, source=source, urls=tuple(urls), states=states, lastmod=lastmod)]


# ------------------------------------------------------------------------------- batches


def run_batch(job: BatchJob) -> BatchResult:
    """Crawl one batch (sync entry point for processes, threads and Dask workers)."""
    return asyncio.run(_run_batch(job))


def in_turn(jobs: list[BatchJob], run: Callable[[BatchJob], BatchResult]) -> Iterator[BatchResult]:
    """Run jobs one after another with `run`, each from where the one before left its hosts'
    turns (BatchJob.in_turn); yields each result as it comes."""
    pace = jobs[0].pace if jobs else HostPace()
    for job in jobs:
        result = run(replace(job, pace=pace))
        pace = result.pace or pace
        yield result


def gather_batches(
    jobs: list[BatchJob],
    settings: CrawlSettings,
    finished: Iterable[BatchResult],
    progress: Reporter,
) -> list[BatchResult]:
    """The results of the submitted `jobs` as `finished` yields them, advancing the progress
    bar. While the batches run outside this process, it builds the JSON Schema text the run's
    end may write (`warm_schema`)."""
    if settings.batches_elsewhere(len(jobs)):
        warm_schema(Path(jobs[0].out))
    results = []
    for result in finished:
        sync_records(result, Path(jobs[0].out))
        results.append(result)
        progress.advance(len(result.outcomes))
    return results


async def _run_batch(job: BatchJob) -> BatchResult:
    source = job.source
    gate = HostGate(source.requests_per_second, job.robots, FetchOptions().user_agent, job.pace)
    limit = asyncio.Semaphore(source.concurrency)
    result = BatchResult()
    async with AsyncFetcher(fetch_options(source), max_connections=source.concurrency) as fetcher:

        async def one(url: str) -> None:
            async with limit:
                outcome, state = await _crawl_article(url, job, fetcher, gate)
            result.outcomes.append(outcome)
            if state is not None:
                result.states[url] = state

        await asyncio.gather(*(one(url) for url in job.urls))
    order = {url: i for i, url in enumerate(job.urls)}
    result.outcomes.sort(key=lambda o: order[o.url])
    result.pace = gate.pace()
    return result


async def _crawl_article(
    url: str, job: BatchJob, fetcher: AsyncFetcher, gate: HostGate
) -> tuple[Outcome, ArticleState | None]:
    old = job.states.get(url)
    if not gate.allowed(url):
        return Outcome(url, "failed", kind="robots", reason="disallowed by robots.txt"), old
    origin = job.source.origin_for(url)
    lastmod = job.lastmod.get(url, "")
    try:
        first = None
        if old is not None and not old.due(job.now, job.recheck_hours):
            await gate.wait(url)
            first = await fetcher.fetch(
                url,
                old.conditional_headers(),
                origin=origin,
                pace=gate.wait,
                allow=gate.allowed,
                throttled=gate.throttled,
            )
            if first.status == 304 or first.sha256 == old.sha256:
                # Nothing to remember: a new lastmod alone is not kept. Why: a sitemap that
                # stamps every URL with the time of the request would have the state rewritten
                # on every run; the article's next full check keeps the lastmod of its day.
                return _as_before(url, old), old
        try:
            record, pages = await _fetch_and_extract(url, origin, job, fetcher, gate, first)
        except _NoArticle as exc:
            return _no_article(url, exc, job, old)
        record = own_address(record, Path(job.out))
        status = publish_article(record, Path(job.out), sync=False)
        written = published(record, Path(job.out)) if status != "unchanged" else None
    except FetchError as exc:
        return Outcome(url, "failed", kind="fetch", reason=exc.reason), old
    except NotAnArticle as exc:
        return Outcome(url, "failed", kind="not_article", reason=exc.reason), old
    except PublishError as exc:
        return Outcome(url, "failed", kind="publish", reason=str(exc)), old
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        return Outcome(url, "failed", kind="invalid", reason=str(exc).splitlines()[0]), old
    clear_rejection(Path(job.out), url)
    if old is not None and first is not None and status == "unchanged":
        # The page changed and the article did not (rotating ads, cache busters): the state
        # stays as it is. Why: on such pages new validators would rewrite it on every run; the
        # article's next full check takes them.
        return Outcome(url, status, id=record.id, title=record.title), old
    first_page = pages[0]
    state = ArticleState(
        id=record.id,
        content_hash=record.provenance.content_hash,
        pages=len(pages),
        etag=first_page.headers.get("etag", ""),
        last_modified=first_page.headers.get("last-modified", ""),
        sha256=first_page.sha256,
        checked_at=job.now,
        lastmod=lastmod,
        later=tuple(sorted({normalize_url(u) for p in pages[1:] for u in (p.url, p.final_url)})),
    )
    return Outcome(url, status, id=record.id, title=record.title, published=written), state


class _NoArticle(NotAnArticle):
    """NotAnArticle, with the first page as it was fetched (None when it was not)."""

    def __init__(self, reason: str, first: FetchedPage | None) -> None:
        super().__init__(reason)
        self.first = first


def _no_article(
    url: str, exc: _NoArticle, job: BatchJob, old: ArticleState | None
) -> tuple[Outcome, ArticleState | None]:
    """A page that is no article, remembered with its first page's validators and why, so the
    next runs settle it as the articles they find unchanged. An article's own state stays as it
    is (its record stays published until it is withdrawn), and so does a rejection's when only
    its page changed (rotating ads): its next full check takes the new page."""
    outcome = Outcome(url, "failed", kind="not_article", reason=exc.reason)
    if exc.first is None or (old is not None and old.id):
        return outcome, old
    if old is not None and old.rejected == exc.reason and not old.due(job.now, job.recheck_hours):
        return outcome, old
    state = ArticleState(
        id="",
        content_hash="",
        pages=0,
        etag=exc.first.headers.get("etag", ""),
        last_modified=exc.first.headers.get("last-modified", ""),
        sha256=exc.first.sha256,
        checked_at=job.now,
        lastmod=job.lastmod.get(url, ""),
        rejected=exc.reason,
    )
    return outcome, state


async def _fetch_and_extract(
    url: str,
    origin: str,
    job: BatchJob,
    fetcher: AsyncFetcher,
    gate: HostGate,
    first: FetchedPage | None,
) -> tuple[HealthArticle, list[FetchedPage]]:
    """Every page of the article (reusing an already fetched first page) and its record.
    Raises _NoArticle, with the first page, when the pages hold no article."""
    # Imported here: a re-crawl that finds every article unchanged never extracts, and the
    # extraction machinery takes about 0.1 s to import (workers have it from the fork server).
    from flows.pipeline import PageFollower, extract_pages

    follower = PageFollower(url, job.source.max_pages)
    while (page_url := follower.next_url()) is not None:
        if page_url == url and first is not None and first.status != 304:
            page, first = first, None
        else:
            if not gate.allowed(page_url):
                follower.stop(f"{page_url}: disallowed by robots.txt; stopped")
                continue
            await gate.wait(page_url)
            try:
                page = await fetcher.fetch(
                    page_url,
                    origin=origin,
                    pace=gate.wait,
                    allow=gate.allowed,
                    throttled=gate.throttled,
                )
            except FetchError as exc:
                if (error := follower.failed(page_url, exc)) is not None:
                    raise error from exc
                continue
        if page_url == url:
            first = page
        try:
            follower.take(page_url, page)
        except NotAnArticle as exc:
            raise _NoArticle(exc.reason, first) from exc
    try:
        return extract_pages(follower.result), follower.result.fetched
    except NotAnArticle as exc:
        raise _NoArticle(exc.reason, first) from exc


# ------------------------------------------------------------------------------- finishing


def finish_run(
    report: RunReport, source: Source, results: list[BatchResult], out: Path
) -> RunReport:
    """Write rejections and the crawl state, rebuild the index, write the run report."""
    for result in results:
        sync_records(result, out)
    outcomes = [o for r in results for o in r.outcomes]
    states = load_state(out, source.name)
    learnt = {u: s for r in results for u, s in r.states.items() if states.get(u) != s}
    states.update(learnt)
    outcomes, forgot = _merge_later_pages(outcomes, states, out)
    report.counts = dict(Counter(o.status for o in outcomes))
    for outcome in outcomes:
        if outcome.status == "failed":
            report.failures.append(
                {"url": outcome.url, "kind": outcome.kind, "reason": outcome.reason}
            )
            write_rejection(out, Rejection(outcome.url, outcome.kind, outcome.reason, utc_now()))
    rewritten = rebuild_index(out, [o.published for o in outcomes if o.published is not None])
    # a run that learnt nothing new leaves the state file as it is, without serialising it
    rewritten["state"] = save_state(out, source.name, states) if learnt or forgot else False
    report.outputs_rewritten = [name for name, changed in rewritten.items() if changed]
    report.finished_at = utc_now()
    write_atomic(out / "runs" / f"{report.run_id}.json", dumps(asdict(report)))
    return report


def _merge_later_pages(
    outcomes: list[Outcome], states: dict[str, ArticleState], out: Path
) -> tuple[list[Outcome], bool]:
    """Articles of this run that turn out to be a later page of another (a sitemap that lists
    an article's pages named in words, "/guide/part-two/"): merged, their record withdrawn and
    their state forgotten. Returns the outcomes and whether `states` lost any."""
    later = later_pages_of((o.url for o in outcomes if o.status != "failed"), states)
    if not later:
        return outcomes, False
    merged: list[Outcome] = []
    forgot = False
    for outcome in outcomes:
        article = later.get(outcome.url)
        if article is None or outcome.status in ("failed", "merged"):
            merged.append(outcome)
            continue
        if outcome.id and outcome.id != states[article].id:
            withdraw_article(out, outcome.id)
        forgot = states.pop(outcome.url, None) is not None or forgot
        merged.append(Outcome(outcome.url, "merged", reason=f"a later page of {article}"))
    return merged, forgot
