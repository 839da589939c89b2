"""Prefect flow `extract-url`: fetch every page of one article, then extract its record.
Network and parsing are separate tasks; only the fetch retries."""

from __future__ import annotations

from prefect import flow, task

from flows.fetch import Fetcher, FetchError, FetchOptions
from flows.pipeline import ArticlePages, extract_pages, fetch_article_pages
from schemas import HealthArticle


def _transient(task: object, task_run: object, state: object) -> bool:
    """Retry the fetch task only for errors a retry can fix."""
    try:
        state.result()  # type: ignore[attr-defined]
    except FetchError as exc:
        return exc.transient
    except Exception:
        return False
    return False


@task(name="fetch-article-pages", retries=1, retry_delay_seconds=5, retry_condition_fn=_transient)
def fetch_pages_task(url: str, max_pages: int) -> ArticlePages:
    with Fetcher(FetchOptions(max_pages=max_pages)) as fetcher:
        return fetch_article_pages(url, fetcher)


@task(name="extract-article")
def extract_task(pages: ArticlePages) -> HealthArticle:
    return extract_pages(pages)


@flow(name="extract-url", log_prints=True)
def extract_url(url: str, max_pages: int = 20) -> HealthArticle:
    """Fetch all pages of the article at `url` and return its validated record."""
    pages = fetch_pages_task(url, max_pages)
    return extract_task(pages)
