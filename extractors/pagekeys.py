"""Where a URL carries its page number: the readings of a URL as (article, page number) that
next-page detection and discovery share. Light on purpose (the standard library and rules
only): discovery reads sitemaps in the crawling process without the HTML machinery. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from extractors.rules.pagination import MAX_PAGE_NUMBER, PAGE_PARAMS, PAGE_PATH_PATTERNS
from extractors.safeurl import split_url
from extractors.urls import TRACKING_PARAMS

_PATH_PAGE = tuple(re.compile(p, re.I) for p in PAGE_PATH_PATTERNS)
# The readings that never mistake a name for a page number: a page parameter, /page/N/, /N/.
# Not "-N" at a slug's end, which names things ("covid-19", "vitamin-b12").
STRICT_PATH_PAGE = _PATH_PAGE[:2]


@dataclass(frozen=True)
class PageKey:
    """An article URL split into what stays the same across its pages and its page number."""

    host: str
    base: str
    query: str
    number: int

    @property
    def article(self) -> tuple[str, str, str]:
        return self.host, self.base, self.query


def _query_keys(query: str) -> tuple[str, int | None]:
    rest: list[tuple[str, str]] = []
    number: int | None = None
    for key, value in parse_qsl(query, keep_blank_values=True):
        lowered = key.lower()
        if lowered in PAGE_PARAMS and value.isdigit() and int(value) <= MAX_PAGE_NUMBER:
            number = int(value)
        elif not lowered.startswith("utm_") and lowered not in TRACKING_PARAMS:
            rest.append((key, value))  # tracking parameters say nothing of the article
    return urlencode(sorted(rest)), number


def _readings(url: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[PageKey, ...]:
    parts = split_url(url)
    if parts is None:
        return ()
    host = parts.netloc.lower()
    query, query_number = _query_keys(parts.query)
    path = parts.path or "/"
    keys = [PageKey(host, path.rstrip("/") or "/", query, query_number or 1)]
    if query_number is None:
        for pattern in patterns:
            match = pattern.match(path)
            if match and 1 <= int(match.group("n")) <= MAX_PAGE_NUMBER:
                base = match.group("base") + (match.groupdict().get("ext") or "")
                keys.append(PageKey(host, base.rstrip("/") or "/", query, int(match.group("n"))))
    return tuple(keys)


@lru_cache(maxsize=4096)
def page_keys(url: str) -> tuple[PageKey, ...]:
    """Every reading of `url` as (article, page number): with and without a path number, so
    "/covid-19/" can be page 1 of itself or page 19 of "/covid". Memoised: a page's search
    compares every candidate with the page's own URL."""
    return _readings(url, _PATH_PAGE)


def strict_page_key(url: str) -> PageKey | None:
    """The one reading of `url` that never takes a name for a page number: by a page parameter,
    else by /page/N/ or /N/ when N is more than 1, else as page 1 of itself."""
    keys = _readings(url, STRICT_PATH_PAGE)
    if not keys:
        return None
    later = [key for key in keys[1:] if key.number > 1]
    return later[0] if later else keys[0]


def is_next_of(candidate: str, current: str) -> bool:
    """True when `candidate` is a later page of the same article as `current`."""
    if candidate.split("#")[0] == current.split("#")[0]:
        return False
    current_keys = page_keys(current)
    return any(
        cand.article == cur.article and cand.number > cur.number
        for cand in page_keys(candidate)
        for cur in current_keys
    )
