"""Next-page detection: finds the link to the next page of the *same* article.

Candidates come from `<link rel=next>`, `<a rel=next>`, links and buttons whose text says next
(also `onclick`, `data-href`, `data-url`), WordPress page links and numbered pagers. A candidate is
taken only when its URL is this article's URL with a higher page number (path `/2/`, `/page/2/`,
`-2.html`, or a `page`-like query parameter) on the same host, so "next post" links never glue two
articles together. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from extractors.dom import Node
from extractors.text import NEXT_ARTICLE_TEXT, NEXT_PAGE_TEXT, fold_space, normalize_key

# Query parameters that carry a page number. Why: ?page=2, ?p=2, ?pg=2, WordPress ?paged=2.
PAGE_PARAMS: frozenset[str] = frozenset(
    {"page", "p", "pg", "paged", "pagina", "seite", "pagenum", "part", "pn", "pagenumber"}
)
# Path endings that carry a page number.
_PATH_PAGE = (
    re.compile(r"^(?P<base>.*?)/(?:page|pagina|seite|pg|p|part)[/_-]?(?P<n>\d{1,3})/?$", re.I),
    re.compile(r"^(?P<base>.*?)/(?P<n>\d{1,3})/?$"),
    re.compile(
        r"^(?P<base>.*?)[-_](?:page|pagina|seite|pg|p|part)?[-_]?(?P<n>\d{1,3})"
        r"(?P<ext>\.s?html?|\.php|\.aspx?)?/?$",
        re.I,
    ),
)
# Containers of numbered pagers and WordPress page links.
PAGER_SELECTORS = (
    ".page-links a",
    "a.post-page-numbers",
    ".pagination a",
    ".pager a",
    ".page-numbers",
    "nav a",
    ".pages a",
    "[class*='paginat'] a",
    "[class*='pager'] a",
)
_ONCLICK_URL = re.compile(r"""(?:location(?:\.href)?|window\.open)\s*(?:=|\()\s*['"]([^'"]+)['"]""")
MAX_PAGE_NUMBER = 200


@dataclass(frozen=True)
class PageKey:
    """An article URL split into what stays the same across its pages and its page number."""

    host: str
    base: str
    query: str
    number: int


def _query_keys(query: str) -> tuple[str, int | None]:
    rest: list[tuple[str, str]] = []
    number: int | None = None
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() in PAGE_PARAMS and value.isdigit() and int(value) <= MAX_PAGE_NUMBER:
            number = int(value)
        else:
            rest.append((key, value))
    return urlencode(sorted(rest)), number


def page_keys(url: str) -> list[PageKey]:
    """Every reading of `url` as (article, page number): with and without a path number, so
    "/covid-19/" can be page 1 of itself or page 19 of "/covid"."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    query, query_number = _query_keys(parts.query)
    path = parts.path or "/"
    keys = [PageKey(host, path.rstrip("/") or "/", query, query_number or 1)]
    if query_number is None:
        for pattern in _PATH_PAGE:
            match = pattern.match(path)
            if match and 1 <= int(match.group("n")) <= MAX_PAGE_NUMBER:
                base = match.group("base") + (match.groupdict().get("ext") or "")
                keys.append(PageKey(host, base.rstrip("/") or "/", query, int(match.group("n"))))
    return keys


def is_next_of(candidate: str, current: str) -> bool:
    """True when `candidate` is a later page of the same article as `current`."""
    if candidate.split("#")[0] == current.split("#")[0]:
        return False
    current_keys = page_keys(current)
    return any(
        (cand.host, cand.base, cand.query) == (cur.host, cur.base, cur.query)
        and cand.number > cur.number
        for cand in page_keys(candidate)
        for cur in current_keys
    )


def _href(node: Node) -> str | None:
    attrs = node.attributes
    for key in ("href", "data-href", "data-url", "data-link", "formaction"):
        value = attrs.get(key)
        if value and not value.startswith(("#", "javascript:", "mailto:")):
            return str(value)
    onclick = attrs.get("onclick")
    if onclick:
        match = _ONCLICK_URL.search(onclick)
        if match:
            return match.group(1)
    return None


def _candidates(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """(raw href, rule name) pairs in priority order."""
    found: list[tuple[str, str]] = []
    for node in tree.css("link[rel~='next'], a[rel~='next']"):
        if (href := _href(node)) is not None:
            found.append((href, "rel-next"))
    for node in tree.css("a, button, [onclick], [data-href], [data-url]"):
        label = normalize_key(node.text(deep=True) or node.attributes.get("aria-label") or "")
        title = normalize_key(node.attributes.get("title") or "")
        if not label and not title:
            continue
        if NEXT_ARTICLE_TEXT.fullmatch(label) or NEXT_ARTICLE_TEXT.fullmatch(title):
            continue
        if (
            len(label) <= 40
            and (NEXT_PAGE_TEXT.fullmatch(label) or NEXT_PAGE_TEXT.fullmatch(title))
            and (href := _href(node)) is not None
        ):
            found.append((href, "next-text"))
    for css in PAGER_SELECTORS:
        for node in tree.css(css):
            label = fold_space(node.text(deep=True))
            if label.isdigit() and (href := _href(node)) is not None:
                found.append((href, "pager"))
    return found


def _base_href(tree: LexborHTMLParser, url: str) -> str:
    base = tree.css_first("base[href]")
    href = base.attributes.get("href") if base is not None else None
    return urljoin(url, href) if href else url


def find_next_page(tree: LexborHTMLParser, url: str) -> tuple[str | None, str]:
    """The next page's absolute URL and the rule that found it, or (None, "")."""
    base = _base_href(tree, url)
    best: tuple[int, str, str] | None = None
    for href, rule in _candidates(tree):
        absolute = urljoin(base, href.strip()).split("#")[0]
        if not absolute.startswith(("http://", "https://")) or not is_next_of(absolute, url):
            continue
        number = max(k.number for k in page_keys(absolute))
        if best is None or number < best[0]:
            best = (number, absolute, rule)
    return (best[1], best[2]) if best is not None else (None, "")
