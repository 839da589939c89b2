"""The sources config (`sources.toml`): which sites to crawl, how, and when. Validated with
pydantic; errors name the bad key and its line."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from extractors.rules.pagination import MAX_PAGES

DASK_ENV = "HEALTHSIFT_DASK_ADDRESS"


class ConfigError(Exception):
    """The config file is unreadable or invalid; the message is one line per problem."""


class Source(BaseModel):
    """One site to crawl."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
        description="Unique name of the source (letters, digits, `.`, `_`, `-`).",
    )
    start_urls: list[str] = Field(
        default_factory=list,
        description="Listing pages whose article links (and own pagination) are followed.",
    )
    sitemaps: list[str] = Field(
        default_factory=list, description="Sitemaps or sitemap index files (`.xml` or `.xml.gz`)."
    )
    feeds: list[str] = Field(default_factory=list, description="RSS, Atom or JSON feeds.")
    articles: list[str] = Field(
        default_factory=list, description="Article URLs to crawl as they are, without discovery."
    )
    include: list[str] = Field(
        default_factory=list,
        description="Regexes an article URL must match (any of them), when given.",
    )
    exclude: list[str] = Field(
        default_factory=list, description="Regexes that drop an article URL."
    )
    max_articles: int = Field(
        default=200,
        ge=1,
        le=100_000,
        description=(
            "Most articles crawled per run; a run over more takes those not crawled before"
            " first, then those checked longest ago."
        ),
    )
    max_listing_pages: int = Field(
        default=100,
        ge=1,
        le=1000,
        description=(
            "Most pages of each listing followed; a listing is left earlier when a page adds no"
            " new article or max_articles are found."
        ),
    )
    requests_per_second: float = Field(
        default=1.0, ge=0, description="Per-host request rate; 0 turns politeness delays off."
    )
    concurrency: int = Field(
        default=8, ge=1, le=256, description="Requests in flight at once within a batch."
    )
    max_pages: int = Field(
        default=MAX_PAGES,
        ge=1,
        le=200,
        description="Page cap per article (slideshows run to a few dozen slides).",
    )
    timeout: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="Seconds for each phase of a request (connect, read, write).",
    )
    retries: int = Field(
        default=3,
        ge=0,
        le=10,
        description=(
            "Retries on 429, 5xx and transport errors, with backoff (Retry-After honoured)."
        ),
    )
    respect_robots: bool = Field(
        default=True, description="Obey robots.txt (rules and crawl-delay)."
    )
    trust_lastmod: bool = Field(
        default=True,
        description=(
            "Skip a known article without any request while its sitemap `<lastmod>` is the one seen"
            " when its pages were last all fetched. Its pages are still all fetched again every "
            "`full_recheck_hours` ([crawl] table), so a site whose lastmod lags is caught up then."
        ),
    )
    schedule: str | None = Field(
        default=None, description='Cron expression for `healthsift serve` ("0 */6 * * *").'
    )

    @field_validator("start_urls", "sitemaps", "feeds", "articles")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"{url!r} is not an http(s) URL")
        return urls

    @field_validator("include", "exclude")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regex: {exc}") from exc
        return patterns

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) not in (5, 6):
            raise ValueError(f"{value!r} is not a cron expression of 5 fields")
        return value

    def configured_urls(self) -> list[str]:
        """Every URL the config itself names for this source."""
        return [*self.start_urls, *self.sitemaps, *self.feeds, *self.articles]

    def origin_for(self, url: str) -> str:
        """The configured URL a fetch of `url` answers to: private addresses are fetched only
        when the config itself points at one (see flows.netpolicy)."""
        configured = self.configured_urls()
        return url if url in configured or not configured else configured[0]

    def wants(self, url: str) -> bool:
        """True when `url` passes the include and exclude regexes."""
        if self.include and not any(re.search(p, url) for p in self.include):
            return False
        return not any(re.search(p, url) for p in self.exclude)


class CrawlSettings(BaseModel):
    """How a crawl run executes (the same for every source of the run)."""

    model_config = ConfigDict(extra="forbid")

    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=256,
        description="Batches crawled at once (processes, threads or Dask workers).",
    )
    task_runner: str = Field(
        default="process",
        pattern="^(thread|process|dask)$",
        description=(
            "thread, process (one process per worker) or dask (an existing or local cluster)."
        ),
    )
    dask_address: str | None = Field(
        default_factory=lambda: os.environ.get(DASK_ENV) or None,
        description=(
            'Scheduler address for task_runner=dask ("tcp://host:8786"), else the environment\'s '
            "HEALTHSIFT_DASK_ADDRESS; with neither, a local cluster is started."
        ),
    )
    batch_size: int | None = Field(
        default=None,
        ge=1,
        le=10_000,
        description=(
            "Articles per batch task; by default the articles are split in workers x 4 batches."
        ),
    )
    full_recheck_hours: float = Field(
        default=24.0,
        ge=0,
        description=(
            "An article whose first page is unchanged is skipped until all its pages are due for a "
            "check again after this many hours (0: check every page every run)."
        ),
    )

    def pool_size(self, jobs: int) -> int:
        """Workers to start for a run of `jobs` batches; 0 when this process runs them all
        (one batch, or one worker)."""
        return min(self.workers, jobs) if self.workers > 1 and jobs > 1 else 0

    def batches_elsewhere(self, jobs: int) -> bool:
        """Whether a run of `jobs` batches runs them outside this process (worker processes or
        a Dask cluster), leaving this process idle until they finish."""
        return self.task_runner == "dask" or (
            self.task_runner == "process" and self.pool_size(jobs) > 0
        )


class SourcesConfig(BaseModel):
    """The whole config file."""

    model_config = ConfigDict(extra="forbid")

    sources: list[Source] = Field(min_length=1, description="The sites to crawl.")
    crawl: CrawlSettings = Field(
        default_factory=CrawlSettings,
        description=(
            "How runs execute: workers, task runner, Dask address, batch size ([crawl] table)."
        ),
    )

    @field_validator("sources")
    @classmethod
    def _unique(cls, sources: list[Source]) -> list[Source]:
        names = [s.name for s in sources]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"source names must be unique: {', '.join(duplicates)}")
        return sources

    def select(self, name: str | None) -> list[Source]:
        if name is None:
            return list(self.sources)
        chosen = [s for s in self.sources if s.name == name]
        if not chosen:
            known = ", ".join(s.name for s in self.sources)
            raise ConfigError(f"no source named {name!r} (known: {known})")
        return chosen


def _line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """Best-effort line number of a key path like ("sources", 1, "max_articles")."""
    lines = text.splitlines()
    tables = [i for i, line in enumerate(lines) if line.strip() == "[[sources]]"]
    if len(loc) >= 2 and loc[0] == "sources" and isinstance(loc[1], int) and loc[1] < len(tables):
        start = tables[loc[1]]
        end = tables[loc[1] + 1] if loc[1] + 1 < len(tables) else len(lines)
        if len(loc) >= 3:
            key = re.compile(rf"^\s*{re.escape(str(loc[2]))}\s*=")
            for i in range(start, end):
                if key.match(lines[i]):
                    return i + 1
        return start + 1
    return None


def parse_config(text: str, name: str = "sources.toml") -> SourcesConfig:
    """Validate config text; raises ConfigError naming the key and line of each problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{name}: not valid TOML: {exc}") from exc
    try:
        return SourcesConfig.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            key = ".".join(str(p) for p in loc) or "(top level)"
            line = _line_of(text, loc)
            where = f"{name}:{line}" if line else name
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"{where}: {key}: {message}")
        raise ConfigError("\n".join(problems)) from exc


def load_config(path: Path) -> SourcesConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from exc
    return parse_config(text, str(path))
