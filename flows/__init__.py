"""Everything with I/O: the fetcher, the plain pipeline, publishing, Prefect flows and the CLI.

Every name is imported on first use: Prefect only when a flow is asked for (`flows.extract_url`,
`flows.crawl`, `flows.crawl_source`), so the CLI's one-off path never pays for it, and the
pipeline only when used, so `healthsift crawl` can start its fork server before importing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.crawl_flow import crawl, crawl_source
    from flows.extract_flow import extract_url
    from flows.fetch import Fetcher, FetchError, FetchOptions
    from flows.pipeline import fetch_article_pages, run_extract

__all__ = [
    "FetchError",
    "FetchOptions",
    "Fetcher",
    "crawl",
    "crawl_source",
    "extract_url",
    "fetch_article_pages",
    "run_extract",
]

_LAZY = {
    "Fetcher": "flows.fetch",
    "FetchError": "flows.fetch",
    "FetchOptions": "flows.fetch",
    "fetch_article_pages": "flows.pipeline",
    "run_extract": "flows.pipeline",
    "extract_url": "flows.extract_flow",
    "crawl": "flows.crawl_flow",
    "crawl_source": "flows.crawl_flow",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'flows' has no attribute {name!r}")
