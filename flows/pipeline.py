"""The plain pipeline, without Prefect: fetch every page of an article, clean each, extract the
record. The CLI's one-off path and the Prefect tasks both call these functions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from extractors import CleanPage, NotAnArticle, clean_html, extract_article, normalize_url
from flows.fetch import FetchedPage, Fetcher, FetchError, FetchOptions, is_html, utc_now
from schemas import HealthArticle, PageProvenance, Provenance


@dataclass
class ArticlePages:
    """Every fetched page of one article with its cleaned form, and what was noticed."""

    url: str
    fetched: list[FetchedPage] = field(default_factory=list)
    cleaned: list[CleanPage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _clean(page: FetchedPage) -> CleanPage:
    if not is_html(page.content_type, page.body):
        kind = page.content_type.split(";")[0].strip() or "unknown content"
        raise NotAnArticle(f"{page.final_url} is {kind}, not an HTML page")
    return clean_html(page.body, page.final_url, content_type=page.content_type)


def _fingerprint(page: CleanPage) -> str:
    return hashlib.sha256(page.text.encode("utf-8")).hexdigest()


def fetch_article_pages(url: str, fetcher: Fetcher, max_pages: int | None = None) -> ArticlePages:
    """Fetch page 1 and follow its next pages on the same host until the last page, the page cap,
    a repeated URL or a page whose content repeats an earlier one.

    Raises FetchError when a page cannot be fetched and NotAnArticle when page 1 is not HTML."""
    cap = max_pages or fetcher.options.max_pages
    result = ArticlePages(url)
    seen_urls: set[str] = set()
    seen_texts: set[str] = set()
    next_url: str | None = url
    while next_url is not None:
        if len(result.fetched) >= cap:
            result.warnings.append(f"stopped at the page cap of {cap} pages")
            break
        number = len(result.fetched) + 1
        try:
            page = fetcher.fetch(next_url, origin=url)
        except FetchError as exc:
            if number == 1:
                raise
            raise FetchError(
                url,
                f"page {number} ({next_url}): {exc.reason}",
                status=exc.status,
                transient=exc.transient,
            ) from exc
        keys = {normalize_url(next_url), normalize_url(page.final_url)}
        if keys & seen_urls:
            result.warnings.append(f"page {number} leads back to an earlier page; stopped")
            break
        cleaned = _clean(page)
        fingerprint = _fingerprint(cleaned)
        if fingerprint in seen_texts:
            result.warnings.append(f"page {number} repeats an earlier page's content; stopped")
            break
        seen_urls |= keys
        seen_texts.add(fingerprint)
        result.fetched.append(page)
        result.cleaned.append(cleaned)
        next_url = cleaned.next_page_url
    return result


def provenance_of(pages: ArticlePages) -> Provenance:
    return Provenance(
        pages=[
            PageProvenance(
                url=p.url,
                final_url=p.final_url,
                status=p.status,
                fetched_at=p.fetched_at,
                sha256=p.sha256,
                bytes=len(p.body),
            )
            for p in pages.fetched
        ]
    )


def extract_pages(pages: ArticlePages) -> HealthArticle:
    """Extract the record from fetched pages (raises NotAnArticle)."""
    return extract_article(
        pages.cleaned,
        url=pages.url,
        provenance=provenance_of(pages),
        extracted_at=utc_now(),
        warnings=pages.warnings,
    )


def run_extract(
    url: str, options: FetchOptions | None = None, fetcher: Fetcher | None = None
) -> HealthArticle:
    """Fetch every page of the article at `url` and extract its record."""
    if fetcher is not None:
        return extract_pages(fetch_article_pages(url, fetcher))
    with Fetcher(options) as own:
        return extract_pages(fetch_article_pages(url, own))
