"""Article discovery from saved inputs: sitemap and sitemap-index XML, RSS, Atom and JSON
feeds, listing pages (article links and the listing's own next page). XML is parsed with
defusedxml, so entity expansion and external entities are refused. Pure."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from extractors.pagekeys import (
    MOVED_NEXT_RULE,
    STRICT_PATH_PAGE,
    UNDER_ARTICLE_RULE,
    strict_page_key,
)
from extractors.rules import discovery as rules
from extractors.safeurl import join_url, split_url

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

    from extractors.dom import Node

NON_ARTICLE_PATHS = re.compile(rules.NON_ARTICLE_PATHS, re.IGNORECASE)
HOME_PATH = re.compile(rules.HOME_PATH, re.IGNORECASE)
NON_ARTICLE_QUERY = re.compile(rules.NON_ARTICLE_QUERY, re.IGNORECASE)


def is_site_page(url: str) -> bool:
    """An archive, feed, account, file or the site's own page (about, contact, legal), read
    from the path of `url` (an absolute URL)."""
    start = url.find("/", url.find("//") + 2)
    if start < 0:
        return "?" not in url  # the home page, spelt without its "/"
    path, _, query = url[start:].split("#", 1)[0].partition("?")
    if not query and HOME_PATH.fullmatch(path):
        return True  # the home page; "/?p=12" (WordPress without pretty links) is an article
    if query and NON_ARTICLE_QUERY.search("&" + query):
        return True  # a listing filtered by category, tag or author ("/journal?category=Gut")
    return NON_ARTICLE_PATHS.search(path) is not None


MIN_LINK_TEXT = rules.MIN_LINK_TEXT
MIN_INDEX_ENTRIES = rules.MIN_INDEX_ENTRIES
CARD_DEPTH = rules.CARD_DEPTH
_LETTERS = re.compile(rules.LETTER_LINK_TEXT, re.UNICODE)
_COPY_SUFFIX = re.compile(rules.COPY_SUFFIX, re.IGNORECASE)
_NON_ARTICLE_SITEMAP = re.compile(rules.NON_ARTICLE_SITEMAPS, re.IGNORECASE)
_DATA_LINKED = ", ".join(f":not(a)[{name}]" for name in rules.DATA_LINK_ATTRIBUTES)


@dataclass
class Discovered:
    """URLs found in one document."""

    articles: list[str] = field(default_factory=list)
    """Article (page) URLs, absolute, in document order, without duplicates."""
    follow: list[str] = field(default_factory=list)
    """Further documents to read: child sitemaps; the listing's next page, then its other A-Z
    index pages."""
    error: str = ""
    """Why the document could not be read, when it could not."""
    lastmod: dict[str, str] = field(default_factory=dict)
    """A sitemap's `<lastmod>` for each article that has one, as the site wrote it."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _xml_start(data: bytes) -> bytes:
    """`data` from its first markup: without the byte order marks and blank lines some servers
    put before the XML declaration, which XML parsers refuse."""
    start = data.lstrip()
    while start.startswith(_BOM):
        start = start[len(_BOM) :].lstrip()
    return start


_BOM = b"\xef\xbb\xbf"


def _parse_xml(data: bytes) -> Element | None:
    try:
        root: Element = SafeET.fromstring(_xml_start(data), forbid_dtd=False)
    except (SafeET.ParseError, DefusedXmlException, ValueError):
        return None
    return root


def parse_sitemap(data: bytes, base: str) -> Discovered:
    """URLs of a sitemap (`urlset`), the child sitemaps of a sitemap index (less those named
    as listing no articles: rules.NON_ARTICLE_SITEMAPS), or the URLs of a text sitemap (one URL
    a line, as sitemaps.org allows)."""
    data = _xml_start(data)
    if not data.startswith(b"<"):
        return _text_sitemap(data)
    root = _parse_xml(data)
    found = Discovered()
    if root is None:
        found.error = "sitemap is not well-formed XML (or uses forbidden entities)"
        return found
    index = _local(root.tag) == "sitemapindex"
    for loc, lastmod in _sitemap_entries(root):
        url = join_url(base, loc) if loc else None
        if url is None:
            continue
        if index:
            if not _NON_ARTICLE_SITEMAP.search(url.split("?", 1)[0]):
                found.follow.append(url)
        else:
            found.articles.append(url)
            if lastmod:
                found.lastmod.setdefault(url, lastmod)
    found.articles = list(dict.fromkeys(found.articles))
    return found


def _text_sitemap(data: bytes) -> Discovered:
    """A text sitemap (`data` from its first character): each line that is a whole http(s)
    URL is an article (at most MAX_TEXT_SITEMAP_URLS, the protocol's limit); other lines are
    ignored."""
    found = Discovered()
    lines = data.decode("utf-8", "replace").splitlines()
    for line in lines:
        url = line.strip()
        if url.startswith(("http://", "https://")) and not any(c.isspace() for c in url):
            found.articles.append(url)
            if len(found.articles) >= MAX_TEXT_SITEMAP_URLS:
                break
    found.articles = list(dict.fromkeys(found.articles))
    if not found.articles and any(line.strip() for line in lines):
        found.error = "sitemap is neither XML nor a list of URLs"
    return found


MAX_TEXT_SITEMAP_URLS = 50_000


def _sitemap_entries(root: Element) -> Iterator[tuple[str, str]]:
    """(loc, lastmod) of each `<url>` or `<sitemap>` entry. The `<loc>` of an extension inside
    an entry (`<image:loc>`) is not an entry; a `<loc>` straight under the root (a sloppy
    sitemap) is one, without lastmod."""
    for node in root.iter():
        if _local(node.tag) in ("url", "sitemap"):
            fields = {_local(child.tag): (child.text or "").strip() for child in node}
            yield fields.get("loc", ""), fields.get("lastmod", "")
    for node in root:
        if _local(node.tag) == "loc":
            yield (node.text or "").strip(), ""


def parse_feed(data: bytes, base: str) -> Discovered:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, resolved against the feed's URL and any
    `xml:base` on the way (Atom feeds may give relative links under `xml:base="https://..."`),
    or of a JSON Feed."""
    start = _xml_start(data)
    if start.startswith(b"{"):
        return _json_feed(start, base)
    root = _parse_xml(start)
    found = Discovered()
    if root is None:
        found.error = "feed is not well-formed XML (or uses forbidden entities)"
        return found
    _feed_entries(root, base, found.articles, found.follow)
    found.articles = list(dict.fromkeys(found.articles))
    return found


def _json_feed(data: bytes, base: str) -> Discovered:
    """Item links of a JSON Feed (jsonfeed.org, versions 1 and 1.1): each item's `url`, else
    its `id` when that is a web address (the spec allows any unique string there), resolved
    against the feed's URL. Why: Ghost, Micro.blog and WordPress plugins publish them, some
    sites only them."""
    found = Discovered()
    try:
        feed = json.loads(data)
    except (ValueError, RecursionError):
        found.error = "feed is not valid JSON"
        return found
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        found.error = "JSON feed has no items list"
        return found
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url")
        if not isinstance(link, str) or not link.strip():
            link = item.get("id")
            if not isinstance(link, str) or not link.strip().startswith(("http://", "https://")):
                continue
        joined = join_url(base, link.strip())
        if joined is not None:
            found.articles.append(joined)
    found.articles = list(dict.fromkeys(found.articles))
    return found


_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _rebased(base: str, node: Element) -> str:
    declared = node.get(_XML_BASE)
    return (join_url(base, declared.strip()) or base) if declared else base


def _feed_entries(node: Element, base: str, out: list[str], follow: list[str]) -> None:
    """Item links into `out`; the feed's next page (a paged feed's `rel="next"` link, RFC 5005,
    as WordPress's "/feed/?paged=2") into `follow`."""
    here = _rebased(base, node)
    tag = _local(node.tag)
    if tag in ("item", "entry"):
        url, link_base = _entry_link(node, here)
        joined = join_url(link_base, url) if url else None
        if joined is not None:
            out.append(joined)
        return
    if tag == "link" and node.get("rel") == "next" and (href := node.get("href")):
        if (joined := join_url(here, href.strip())) is not None:
            follow.append(joined)
        return
    for child in node:
        _feed_entries(child, here, out, follow)


def _entry_link(node: Element, base: str) -> tuple[str, str]:
    """An entry's link and the base it is relative to."""
    for child in node:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip(), _rebased(base, child)
        if child.text and child.text.strip():
            return child.text.strip(), _rebased(base, child)
    for child in node:
        if _local(child.tag) == "guid" and (child.text or "").startswith("http"):
            return (child.text or "").strip(), base
    return "", base


def is_feed(data: bytes) -> bool:
    head = data[:1024].lower()
    if _xml_start(head).startswith(b"{"):
        return b"jsonfeed.org/version" in head.replace(b"\\/", b"/")
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def without_later_pages(urls: list[str]) -> list[str]:
    """`urls` less those that are a later page of another one (`/slug/2/`, `/slug/?page=2` when
    `/slug/` is there too). Why: some sitemaps list every page of an article, and a later page
    crawled as an article of its own would publish the article's tail as a second article."""
    later = [u for u in urls if "?" in u or any(p.match(u) for p in STRICT_PATH_PAGE)]
    if not later:
        return urls
    pages = {u: key for u in later if (key := strict_page_key(u)) and key.number > 1}
    if not pages:
        return urls
    firsts = {key.article for u in urls if u not in pages and (key := strict_page_key(u))}
    dropped = {u for u, key in pages.items() if key.article in firsts}
    return [u for u in urls if u not in dropped] if dropped else urls


def without_copies(urls: list[str]) -> list[str]:
    """`urls` with one URL per page where a page comes under several: `/slug/`, its AMP copy
    `/slug/amp/`, `/slug/index.html`, its comment pages (`/slug/comment-page-2/`), its print
    version (`/print/slug/`, `?print=1`) and its one-page view (`?view=all`) give `/slug/` when
    it is there, else a copy that is not AMP. Why: sites link a page's copies from one place
    and the page itself from another, and both crawled would publish one article twice in a
    run (the AMP copy without its byline). `/slug` and `/slug/` are one page too (a site that
    answers both, linking one from its sitemap and the other from its listing): the first
    found is kept."""
    if not any(mark in u.lower() for u in urls for mark in _COPY_MARKS) and not _slash_twins(urls):
        return urls
    plain = {url: plain_of(url) for url in urls}
    groups: dict[str, list[str]] = {}
    for url in urls:
        parts = split_url(_without_link_only(plain[url]))
        key = parts._replace(path=parts.path.rstrip("/")).geturl() if parts else url
        groups.setdefault(key, []).append(url)
    if all(len(group) == 1 for group in groups.values()):
        return urls

    def rank(url: str) -> tuple[bool, bool]:
        amp = _COPY_SUFFIX.search(url.split("?", 1)[0])
        return plain[url] != url, amp is not None and amp.group().lower().startswith("amp")

    keep = {min(group, key=rank) for group in groups.values()}
    return [u for u in urls if u in keep]


def _without_link_only(url: str) -> str:
    """`url` without the query parameters that only name the link to a CMS's page
    (rules.LINK_ONLY_PARAMS), its id without its alias."""
    parts = split_url(url)
    if parts is None or not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    for marker, (dropped, aliased) in rules.LINK_ONLY_PARAMS.items():
        if any((key.lower(), value.lower()) == marker for key, value in pairs):
            kept = [
                (key, value.split(":", 1)[0] if key.lower() == aliased else value)
                for key, value in pairs
                if key.lower() not in dropped
            ]
            return urlunsplit(parts._replace(query=urlencode(kept)))
    return url


def _slash_twins(urls: list[str]) -> bool:
    """Two of the URLs differ by a trailing slash alone."""
    bare = [u for u in urls if "?" not in u]
    return len({u.rstrip("/") for u in bare}) < len(set(bare))


# What a copy's URL must hold (lower-cased), from the copy rules: most URLs hold none, and
# skip the parsing.
_COPY_MARKS = (
    "amp",
    "index.",
    "comment-page-",
    "/print",
    *(f"{key}={value}" for key, values in rules.COPY_QUERY.items() for value in values),
    *(f"{key}={value}" for key, value in rules.LINK_ONLY_PARAMS),
)
_COPY_PRINT = re.compile(rules.COPY_PATH_PRINT, re.IGNORECASE)


def plain_of(url: str) -> str:
    """The URL of the page `url` is a copy of (itself when it is no copy)."""
    parts = split_url(url)
    if parts is None:
        return url
    path = _COPY_PRINT.sub("", _COPY_SUFFIX.sub("", parts.path)) or "/"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [
            (key, value)
            for key, value in pairs
            if not (
                (values := rules.COPY_QUERY.get(key.lower())) is not None
                and ("" in values or value.lower() in values)
            )
        ]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _chrome_links(scope: Node) -> set[int]:
    """The links of the page's menus, headers and footers (those of cards excepted), by tag
    and role, or by class or id tokens (rules.CHROME_TOKENS)."""
    from extractors.dom import class_of  # loaded with the HTML machinery (see parse_listing)

    links: set[int] = set()
    for part in scope.css(rules.CHROME):
        if part.tag in ("header", "footer") and _in_card(part, scope):
            continue
        links.update(link.mem_id for link in part.css("a[href]"))
    total: int | None = None
    for part in scope.css(rules.CHROME_MARKED):
        if class_of(part.attributes).tokens.isdisjoint(rules.CHROME_TOKENS):
            continue
        if total is None:
            total = len(scope.text(deep=True))
        if len(part.text(deep=True)) < rules.CHROME_MAX_TEXT_SHARE * total:
            links.update(link.mem_id for link in part.css("a[href]"))
    return links


def _in_card(node: Node, scope: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != scope.mem_id:
        if parent.tag in rules.CARD_TAGS:
            return True
        parent = parent.parent
    return False


def _is_headline(node: Node) -> bool:
    """The link is a card's headline: inside a heading (a few levels up) or around one."""
    parent = node.parent
    for _ in range(3):
        if parent is None:
            break
        if parent.tag in _HEADINGS:
            return True
        parent = parent.parent
    return node.css_first("h1, h2, h3, h4, h5, h6") is not None


def _names_an_article(node: Node, text: str, below: bool) -> bool:
    """The link reads as a link to an article: a headline-length text (or title, or image alt
    text), a card's headline whatever its length, a "read more" of the card, or an entry of an
    index list (a list item's link to a page below the listing's own path: "Acne" on an A-Z
    index at /conditions/ linking /conditions/acne/)."""
    from extractors.text import READ_MORE_TEXT, normalize_key  # see parse_listing

    if len(text) >= MIN_LINK_TEXT:
        return True
    attrs = node.attributes
    image = node.css_first("img[alt]")
    labels = (attrs.get("title") or "", image.attributes.get("alt") or "" if image else "")
    if any(len(label.strip()) >= MIN_LINK_TEXT for label in labels):
        return True
    if text and _is_headline(node):
        return True
    if text and below and node.parent is not None and node.parent.tag == "li":
        return True
    return (
        bool(text) and len(text) <= 40 and READ_MORE_TEXT.fullmatch(normalize_key(text)) is not None
    )


def parse_listing(
    html: str | bytes, url: str, wanted: Callable[[str], bool] | None = None
) -> Discovered:
    """Same-host links that look like articles, and the listing's next page. `wanted`: a test
    for URLs the user named as articles (a source's include patterns); those are taken whatever
    their link says, unless they are in the page's menus."""
    # Why imported here: a crawl reading only sitemaps and feeds never parses HTML in this
    # process, and the HTML machinery (dom, text rules) takes about 25 ms to import
    from extractors.decode import decode_html
    from extractors.dom import parse_html
    from extractors.pagination import base_href, find_next_page

    tree = parse_html(decode_html(html))
    base = base_href(tree, url)  # relative links resolve against a <base href> in the head
    found = Discovered()
    host = urlsplit(url).netloc.lower()
    main = tree.css_first(rules.LISTING_MAIN)
    scope = main or tree.body or tree.root
    nodes = scope.css("a[href]") if scope is not None else []
    chrome = _chrome_links(scope) if scope is not None and main is None else set()
    listing = strict_page_key(url)
    listing_parts = split_url(url)
    folder = listing_parts.path.rsplit("/", 1)[0] + "/" if listing_parts is not None else "/"
    later_pages: list[tuple[int, str]] = []
    index_pages: list[str] = []
    entries: list[tuple[int, str, str]] = []  # short list-item links: (place, URL, folder)
    linked = [(node, node.attributes.get("href")) for node in nodes]
    if scope is not None:
        linked += [(node, _data_link(node)) for node in scope.css(_DATA_LINKED)]
    for node, raw in linked:
        href = (raw or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = join_url(base, href)
        parts = split_url(absolute) if absolute is not None else None
        if (
            absolute is None
            or parts is None
            or parts.netloc.lower() != host
            or parts.scheme not in ("http", "https")
        ):
            continue
        reading = strict_page_key(absolute)
        if listing is not None and reading is not None and reading.article == listing.article:
            # another page of this listing: its pager, not an article
            if reading.number > listing.number:
                later_pages.append((reading.number, absolute))
            continue
        if parts.path in ("", "/") or NON_ARTICLE_PATHS.search(parts.path):
            continue
        if node.mem_id in chrome:
            continue
        text = node.text(deep=True).strip()
        if _LETTERS.fullmatch(text):
            # another page of this listing's A-Z index; a letter box of the site's whole index,
            # in another folder, is the site's menu (a sidebar "Health A-Z" on every page)
            if parts.path.startswith(folder):
                index_pages.append(absolute)
            continue
        below = parts.path.startswith(folder) and len(parts.path) > len(folder)
        if (wanted is None or not wanted(absolute)) and (
            (not _names_an_article(node, text, below) and not (text and _card_title(node, href)))
            or _card_chip(node, text, href)
        ):
            if text and node.parent is not None and node.parent.tag == "li":
                folder_of = parts.path.rstrip("/").rsplit("/", 1)[0]
                entries.append((len(found.articles), absolute, folder_of))
            continue
        found.articles.append(absolute)
    found.articles = _with_index_entries(found.articles, entries)
    found.articles = [u for u in dict.fromkeys(found.articles) if u != url]
    next_url, rule = find_next_page(tree, url)
    if rule in (MOVED_NEXT_RULE, UNDER_ARTICLE_RULE):
        # a listing is not fetched on the chance that a link leads to its next; and a link
        # below a listing's path is a card's ("Read more"), not a page of the listing
        next_url = None
    if next_url is None and later_pages:
        # Why: listing pagers say "Older posts" or "More articles", which are not the
        # article-page labels find_next_page reads; the nearest later page is the next one.
        next_url = min(later_pages)[1]
    if next_url is None:
        next_url = _marked_next(tree, url, base)
    if next_url:
        found.follow.append(next_url)
    found.follow += [u for u in dict.fromkeys(index_pages) if u not in (url, next_url)]
    found.follow += [u for u in _feeds(tree, base) if u not in found.follow]
    return found


def _marked_next(tree: LexborHTMLParser, url: str, base: str) -> str | None:
    """The listing's next page by rel=next alone, under its own path with another query
    ("/journal?offset=1718035200000": Squarespace pages a blog by a post's time, no page
    number). Why: only a listing is read so; an article's next page must be a later page."""
    here = split_url(url)
    for node in tree.css("a[rel~=next][href], link[rel~=next][href]"):
        target = join_url(base, str(node.attributes.get("href") or ""))
        found = split_url(target) if target else None
        if (
            found is not None
            and here is not None
            and found.netloc.lower() == here.netloc.lower()
            and found.path == here.path
            and found.query
            and found.query != here.query
        ):
            return target
    return None


def _card_chip(node: Node, text: str, href: str) -> bool:
    """A card's short second link, not its headline: a topic or category chip ("First aid at
    home") in a card (an <article> or list item, CARD_DEPTH + 1 levels up at most) whose one
    headline links another address. Why: chips read as headlines by their length, and a topic
    page of two cards was published."""
    if not text or len(text) > rules.MAX_CHIP_TEXT or _is_headline(node):
        return False
    card = node.parent
    for _ in range(CARD_DEPTH):
        if card is None or card.tag in rules.CARD_TAGS:
            break
        card = card.parent
    if card is None or card.tag not in rules.CARD_TAGS:
        return False
    headlines = {link.attributes.get("href") for link in card.css("a[href]") if _is_headline(link)}
    return len(headlines) == 1 and href not in headlines


def _card_title(node: Node, href: str) -> bool:
    """A short link that titles a card: its card (the link's parent or grandparent) also links
    the same address through an image. Why: card grids title a card "Gout" in a styled span,
    with no heading, beside an image link whose alt text is empty."""
    container = node.parent
    for _ in range(CARD_DEPTH):
        if container is None:
            return False
        for link in container.css("a[href]"):
            if (
                link.mem_id != node.mem_id
                and link.attributes.get("href") == href
                and link.css_first("img, picture") is not None
            ):
                return True
        container = container.parent
    return False


def _with_index_entries(articles: list[str], entries: list[tuple[int, str, str]]) -> list[str]:
    """`articles` with the short list-item links (place, URL, folder) of an index kept apart
    from its pages: those whose folder MIN_INDEX_ENTRIES or more of them share ("Croup" on an
    A-Z index at /a-z/ linking /conditions/croup.html), each at its place in the page."""
    counts = Counter(folder for _, _, folder in entries)
    kept = [(place, url) for place, url, folder in entries if counts[folder] >= MIN_INDEX_ENTRIES]
    if not kept:
        return articles
    merged: list[str] = []
    at = 0
    for place, url in kept:
        merged += articles[at:place]
        merged.append(url)
        at = max(at, place)
    return merged + articles[at:]


def _data_link(node: Node) -> str | None:
    attrs = node.attributes
    return next((value for name in rules.DATA_LINK_ATTRIBUTES if (value := attrs.get(name))), None)


def _feeds(tree: LexborHTMLParser, url: str) -> list[str]:
    """The feeds a listing announces in its head (<link rel=alternate type=...rss+xml>): read
    as more listing pages. Why: a listing may show part of its articles and script the rest."""
    head = tree.head
    if head is None:
        return []
    found = []
    for link in head.css("link[rel~=alternate][href]"):
        if (link.attributes.get("type") or "").lower() in rules.FEED_TYPES:
            absolute = join_url(url, link.attributes.get("href") or "")
            if absolute is not None and absolute.startswith(("http://", "https://")):
                found.append(absolute)
    return found
