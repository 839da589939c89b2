from __future__ import annotations

from collections.abc import Iterator

import pytest

from demo.site import DemoSite, serve_site
from demo.source import Article
from flows.fetch import Fetcher
from flows.pipeline import run_extract
from schemas import HealthArticle


@pytest.fixture(scope="session")
def demo_site() -> DemoSite:
    return DemoSite.from_folder()


@pytest.fixture(scope="session")
def demo_base(demo_site: DemoSite) -> Iterator[str]:
    with serve_site(demo_site) as base:
        yield base


@pytest.fixture(scope="session")
def demo_records(demo_site: DemoSite, demo_base: str) -> dict[str, tuple[Article, HealthArticle]]:
    """Every demo article extracted once through the whole pipeline over HTTP."""
    records = {}
    with Fetcher() as fetcher:
        for article, url in zip(demo_site.articles, demo_site.article_urls(demo_base), strict=True):
            records[article.slug] = (article, run_extract(url, fetcher=fetcher))
    return records
