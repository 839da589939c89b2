"""The plain pipeline, without Prefect: fetch every page of an article, clean each, extract the
record. The CLI's one-off path and the Prefect tasks both call these functions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from extractors import CleanPage, NotAnArticle, clean_html, extract_article, normalize_url
from extractors.pagekeys import MOVED_NEXT_RULE, UNDER_ARTICLE_RULE, is_next_of
from extractors.pagination import names_another_article, way_on
from extractors.safeurl import join_url, split_url
from flows.fetch import (
    FetchedPage,
    Fetcher,
    FetchError,
    FetchOptions,
    body_kind,
    is_html,
    utc_now,
)
from schemas import HealthArticle, PageProvenance, Provenance


@dataclass
class ArticlePages:
    """Every fetched page of one article with its cleaned form, and what was noticed."""

    url: str
    fetched: list[FetchedPage] = field(default_factory=list)
    cleaned: list[CleanPage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _clean(page: FetchedPage, article_url: str | None = None) -> CleanPage:
    if not is_html(page.content_type, page.body):
        kind = body_kind(page.content_type, page.body)
        raise NotAnArticle(f"{page.final_url} is {kind}, not an HTML page")
    return clean_html(
        page.body, page.final_url, content_type=page.content_type, article_url=article_url
    )


MAX_REFRESHES = 3
MAX_MOVED_PAGE_BYTES = 16_384  # a "this page has moved" stub; an article that reloads is longer


def _moved_to(page: FetchedPage, cleaned: CleanPage) -> str | None:
    """The new address of a short page that moved and refreshes to it at once, on the same
    host (CleanPage.metadata.refresh_url), or None."""
    target = cleaned.metadata.refresh_url
    if not target or len(page.body) > MAX_MOVED_PAGE_BYTES:
        return None
    here, there = split_url(page.final_url), split_url(target)
    if here is None or there is None or here.netloc != there.netloc:
        return None
    return target


_LINK_VALUE = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,<]*)*)")


def header_next(page: FetchedPage) -> str | None:
    """The next page an HTTP `Link` header names (`<...>; rel="next"`, RFC 8288), resolved
    against the page's address, or None. Why: a headless front end may announce its pages
    there alone, with no rel=next in the HTML."""
    for target, params in _LINK_VALUE.findall(page.headers.get("link", "")):
        for param in params.split(";"):
            name, _, value = param.partition("=")
            rels = value.strip().strip('"').lower().split()
            if name.strip().lower() == "rel" and "next" in rels:
                return join_url(page.final_url, target.strip()) or None
    return None


def _fingerprint(page: CleanPage) -> str:
    return hashlib.sha256(page.text.encode("utf-8")).hexdigest()


class PageFollower:
    """The page-following rules, apart from how pages are fetched (sync or async): follow next
    pages on the same host until the last page, the page cap, a repeated URL or a page whose
    content repeats an earlier one."""

    def __init__(self, url: str, cap: int) -> None:
        self.url = url
        self.cap = cap
        self.result = ArticlePages(url)
        self._seen_urls: set[str] = set()
        self._seen_texts: set[str] = set()
        self._next: str | None = url
        self._refreshes = 0
        self._detoured = False  # the page asked for next is reached through an interstitial

    def next_url(self) -> str | None:
        """The next page to fetch, or None when done."""
        if self._next is not None and len(self.result.fetched) >= self.cap:
            self.result.warnings.append(f"stopped at the page cap of {self.cap} pages")
            self._next = None
        return self._next

    def failed(self, page_url: str, exc: FetchError) -> FetchError | None:
        """The error to raise for a page that could not be fetched, or None when the article
        ends before it: a next link under another address that answers with a lasting error
        was no next page (see MOVED_NEXT_RULE)."""
        number = len(self.result.fetched) + 1
        if number == 1:
            return exc
        if self._via_link_elsewhere() and not exc.transient:
            self.stop(f"page {number} ({page_url}): {exc.reason}; stopped")
            return None
        return FetchError(
            self.url,
            f"page {number} ({page_url}): {exc.reason}",
            status=exc.status,
            transient=exc.transient,
        )

    def _via_link_elsewhere(self) -> bool:
        """The page asked for next came from a link under another address (MOVED_NEXT_RULE),
        which only its fetch can confirm."""
        return self.result.cleaned[-1].next_page_rule == MOVED_NEXT_RULE

    def _via_link_below(self) -> bool:
        """The page asked for next came from a link named in words to a page below the
        article's path (UNDER_ARTICLE_RULE), which may be a sub-article of a guide."""
        return self.result.cleaned[-1].next_page_rule == UNDER_ARTICLE_RULE

    def stop(self, warning: str) -> None:
        """End the article before the page asked for next, with a warning."""
        self.result.warnings.append(warning)
        self._next = None

    def take(self, page_url: str, page: FetchedPage) -> None:
        """Clean and keep a fetched page, or stop. Page 1 that is not HTML raises NotAnArticle;
        a later page that is not HTML, or that a redirect took to another host, ends the
        article there with a warning."""
        number = len(self.result.fetched) + 1
        keys = {normalize_url(page_url), normalize_url(page.final_url)}
        if keys & self._seen_urls:
            self.stop(f"page {number} leads back to an earlier page; stopped")
            return
        if number > 1:
            first_host = split_url(self.result.fetched[0].final_url)
            this_host = split_url(page.final_url)
            if first_host is None or this_host is None or first_host.netloc != this_host.netloc:
                self.stop(f"page {number} redirects to another host ({page.final_url}); stopped")
                return
            if not is_html(page.content_type, page.body):
                kind = body_kind(page.content_type, page.body)
                self.stop(f"page {number} is {kind}, not an HTML page; stopped")
                return
            previous = self.result.fetched[-1].final_url
            if self._via_link_elsewhere() and not is_next_of(page.final_url, previous):
                # a next link under another address that did not lead to the next page; an
                # ad interstitial that leads on to it is passed, once between two pages
                on = way_on(page.body, page.final_url, previous) if not self._detoured else None
                if on is not None and normalize_url(on) not in self._seen_urls:
                    self._detoured = True
                    self._next = on
                    return
                self.stop(f"page {number} ({page.final_url}) is not a later page; stopped")
                return
        cleaned = _clean(page, self.result.fetched[0].final_url if number > 1 else None)
        if number == 1 and (target := _moved_to(page, cleaned)) is not None:
            if self._refreshes >= MAX_REFRESHES:
                raise NotAnArticle(f"{page.final_url} refreshes to another page again and again")
            self._refreshes += 1
            self._seen_urls |= keys
            self._next = target  # a moved page: its new address, as a redirect would say
            return
        if number > 1 and cleaned.not_found:  # a pager that runs past the article's end
            self.stop(f"page {number} ({page.final_url}) says it is no page; stopped")
            return
        if (
            number > 1
            and self._via_link_below()
            and names_another_article(
                self.result.cleaned[0].metadata.title, cleaned.metadata.title, page.final_url
            )
        ):
            self.stop(f"page {number} ({page.final_url}) is another article; stopped")
            return
        fingerprint = _fingerprint(cleaned)
        if fingerprint in self._seen_texts:
            self.result.warnings.append(f"page {number} repeats an earlier page's content; stopped")
            self._next = None
            return
        self._seen_urls |= keys
        self._seen_texts.add(fingerprint)
        self._detoured = False
        self.result.fetched.append(page)
        self.result.cleaned.append(cleaned)
        self._next = cleaned.next_page_url or header_next(page)


def fetch_article_pages(url: str, fetcher: Fetcher, max_pages: int | None = None) -> ArticlePages:
    """Fetch every page of the article at `url` (see PageFollower).

    Raises FetchError when a page cannot be fetched and NotAnArticle when page 1 is not HTML."""
    follower = PageFollower(url, max_pages or fetcher.options.max_pages)
    while (page_url := follower.next_url()) is not None:
        try:
            page = fetcher.fetch(page_url, origin=url)
        except FetchError as exc:
            if (error := follower.failed(page_url, exc)) is not None:
                raise error from exc
            continue
        follower.take(page_url, page)
    return follower.result


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
