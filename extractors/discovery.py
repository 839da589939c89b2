"""Article discovery from saved inputs: sitemap and sitemap-index XML, RSS and Atom feeds,
listing pages (article links and the listing's own next page). XML is parsed with defusedxml, so
entity expansion and external entities are refused. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from extractors.safeurl import join_url, split_url

# Paths that are never single articles. Why: archives, feeds, accounts and files.
NON_ARTICLE_PATHS = re.compile(
    r"/(tag|tags|category|categories|author|authors|search|feed|rss|wp-login\.php|wp-admin|"
    r"login|signup|register|account|cart|privacy|terms|contact|about|page/\d+)(/|$)|"
    r"\.(jpg|jpeg|png|gif|webp|svg|pdf|zip|mp4|mp3|css|js|xml|json|txt)$",
    re.IGNORECASE,
)
MIN_LINK_TEXT = 12  # Why: article links carry headlines; "Home" and "Contact" do not.


@dataclass
class Discovered:
    """URLs found in one document."""

    articles: list[str] = field(default_factory=list)
    """Article (page) URLs, absolute, in document order, without duplicates."""
    follow: list[str] = field(default_factory=list)
    """Further documents to read: child sitemaps, the listing's next page."""
    error: str = ""
    """Why the document could not be read, when it could not."""
    lastmod: dict[str, str] = field(default_factory=dict)
    """A sitemap's `<lastmod>` for each article that has one, as the site wrote it."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _parse_xml(data: bytes) -> Element | None:
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=False)
    except (SafeET.ParseError, DefusedXmlException, ValueError):
        return None
    return root


def parse_sitemap(data: bytes, base: str) -> Discovered:
    """URLs of a sitemap (`urlset`) or the child sitemaps of a sitemap index."""
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
            found.follow.append(url)
        else:
            found.articles.append(url)
            if lastmod:
                found.lastmod.setdefault(url, lastmod)
    found.articles = list(dict.fromkeys(found.articles))
    return found


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
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed."""
    root = _parse_xml(data)
    found = Discovered()
    if root is None:
        found.error = "feed is not well-formed XML (or uses forbidden entities)"
        return found
    for node in root.iter():
        name = _local(node.tag)
        if name in ("item", "entry"):
            url = _entry_link(node)
            joined = join_url(base, url) if url else None
            if joined is not None:
                found.articles.append(joined)
    found.articles = list(dict.fromkeys(found.articles))
    return found


def _entry_link(node: Element) -> str:
    for child in node:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if child.text and child.text.strip():
            return child.text.strip()
    for child in node:
        if _local(child.tag) == "guid" and (child.text or "").startswith("http"):
            return (child.text or "").strip()
    return ""


def is_feed(data: bytes) -> bool:
    head = data[:1024].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_listing(html: str | bytes, url: str) -> Discovered:
    """Same-host links that look like articles, and the listing's next page."""
    # Why imported here: a crawl reading only sitemaps and feeds never parses HTML in this
    # process, and the HTML machinery (dom, text rules) takes about 25 ms to import
    from extractors.decode import decode_html
    from extractors.dom import parse_html
    from extractors.pagination import find_next_page

    tree = parse_html(decode_html(html))
    found = Discovered()
    host = urlsplit(url).netloc.lower()
    scope = tree.css_first("main") or tree.body or tree.root
    nodes = scope.css("a[href]") if scope is not None else []
    for node in nodes:
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = join_url(url, href)
        parts = split_url(absolute) if absolute is not None else None
        if (
            absolute is None
            or parts is None
            or parts.netloc.lower() != host
            or parts.scheme not in ("http", "https")
        ):
            continue
        if parts.path in ("", "/") or NON_ARTICLE_PATHS.search(parts.path):
            continue
        if len(node.text(deep=True).strip()) < MIN_LINK_TEXT:
            continue
        found.articles.append(absolute)
    found.articles = [u for u in dict.fromkeys(found.articles) if u != url]
    next_url, _ = find_next_page(tree, url)
    if next_url:
        found.follow.append(next_url)
    return found
