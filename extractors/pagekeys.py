"""Where a URL carries its page number: the readings of a URL as (article, page number) that
next-page detection and discovery share. Light on purpose (the standard library and rules
only): discovery reads sitemaps in the crawling process without the HTML machinery. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from extractors.rules.pagination import (
    ALIASED_ID_VALUE,
    CASE_BLIND_PATH,
    MAX_PAGE_NUMBER,
    PAGE_PARAM_PATTERN,
    PAGE_PARAMS,
    PAGE_PATH_PATTERNS,
    POST_ID_PARAMS,
    ROOT_SCRIPT_PATH,
)
from extractors.safeurl import split_url
from extractors.urls import without_session, without_tracking

UNDER_ARTICLE_RULE = "next-under-article"
"""The rule of a next page found below the article's path by its label, its number unknown
(`pagination.find_next_page`)."""
MOVED_NEXT_RULE = "next-elsewhere"
"""The rule of a next page found under another address (`pagination.find_next_page`): the page
it leads to is a later page of the article only if the fetch ends there (`is_next_of` on the
final URL), which the caller checks."""

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


_PARAM_RANK = {name: rank for rank, name in enumerate(PAGE_PARAMS)}
_CASE_BLIND = re.compile(CASE_BLIND_PATH, re.I)
_LIST_PAGE_PARAM = re.compile(PAGE_PARAM_PATTERN, re.I)
_ALIASED_ID = re.compile(ALIASED_ID_VALUE)
_ROOT_SCRIPT = re.compile(ROOT_SCRIPT_PATH, re.I)


def _query_keys(query: str, path: str) -> tuple[str, int | None]:
    """The query without its page parameter and tracking parameters, and the page number."""
    pairs = [
        (key, _ALIASED_ID.sub(r"\1", value))
        for key, value in without_tracking(parse_qsl(query, keep_blank_values=True))
    ]  # tracking and session parameters say nothing of the article; nor an id's alias
    ranked = [
        (_PARAM_RANK.get(key.lower(), len(_PARAM_RANK)), index)
        for index, (key, value) in enumerate(pairs)
        if (key.lower() in _PARAM_RANK or _LIST_PAGE_PARAM.fullmatch(key))
        and value.isdigit()
        and int(value) <= MAX_PAGE_NUMBER
    ]
    if not ranked:
        return urlencode(sorted(pairs)), None
    _, at = min(ranked)
    if len(pairs) == 1 and pairs[at][0].lower() in POST_ID_PARAMS and _ROOT_SCRIPT.fullmatch(path):
        return urlencode(pairs), None  # "/?p=101": a post
    number = int(pairs[at][1])
    return urlencode(sorted(pairs[:at] + pairs[at + 1 :])), number


def _readings(url: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[PageKey, ...]:
    parts = split_url(url)
    if parts is None:
        return ()
    host = parts.netloc.lower()
    path = without_session(parts.path or "/")
    query, query_number = _query_keys(parts.query, path)
    if _CASE_BLIND.search(path):  # IIS: "Article.aspx?ID=12" is "article.aspx?id=12"
        path, query = path.lower(), query.lower()
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


def is_zero_based_second(candidate: str, current: str) -> bool:
    """`candidate` is `current` with a page parameter of 1 where `current` has none, or 0: the
    second page of a pager that counts from 0 (Drupal's "?page=1"). Why apart from `is_next_of`:
    read as a count from 1, "?page=1" is the page itself; only a link marked or labelled as the
    next page may be taken this way, which the caller checks."""
    found, here = page_keys(candidate), page_keys(current)  # [0]: read by its query alone
    return (
        bool(found and here)
        and found[0].article == here[0].article
        and _page_parameter(candidate) == 1
        and _page_parameter(current) in (None, 0)
    )


def _page_parameter(url: str) -> int | None:
    parts = split_url(url)
    if parts is None:
        return None
    return _query_keys(parts.query, without_session(parts.path or "/"))[1]


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
