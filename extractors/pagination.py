"""Next-page detection: finds the link to the next page of the *same* article.

Candidates come from `<link rel=next>`, `<a rel=next>`, links and buttons whose text says next
(also `onclick`, `data-href`, `data-url`), WordPress page links and numbered pagers. A candidate is
taken only when its URL is this article's URL with a higher page number (path `/2/`, `/page/2/`,
`-2.html`, or a `page`-like query parameter) on the same host, so "next post" links never glue two
articles together. Pure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from urllib.parse import parse_qsl

from selectolax.lexbor import LexborHTMLParser

from extractors.decode import decode_html
from extractors.dom import Node, parse_html
from extractors.pagekeys import (
    MOVED_NEXT_RULE,
    UNDER_ARTICLE_RULE,
    is_next_of,
    is_zero_based_second,
    page_keys,
    strict_page_key,
)
from extractors.rules.metadata import REFRESH_CONTENT
from extractors.rules.pagination import (
    LATER_PAGE_TITLE_WORDS,
    PAGER_CONTAINER_MARKS,
    PAGER_DEPTH,
    TITLE_PART_SEPARATORS,
)
from extractors.rules.phrases import NEXT_PAGE_KEYWORDS
from extractors.safeurl import join_url, split_url
from extractors.text import NEXT_ARTICLE_TEXT, NEXT_PAGE_TEXT, normalize_key
from extractors.urls import normalize_url

PAGER_CONTAINER = re.compile("|".join(re.escape(m) for m in PAGER_CONTAINER_MARKS), re.I)
_ONCLICK_URL = re.compile(r"""(?:location(?:\.href)?|window\.open)\s*(?:=|\()\s*['"]([^'"]+)['"]""")


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


_NON_LINK_CANDIDATES = "link, button, [onclick], [data-href], [data-url], select option[value]"
_CANDIDATE_CSS = f"a, {_NON_LINK_CANDIDATES}"
# Links whose href is absolute or root-relative lead to a later page of this article only if
# the href holds the article's last path segment (a later page's path starts with the article's,
# and resolving keeps the path's characters): the others are not candidates. The selector keeps
# links without such an href (relative ones, "#" with a data-href or onclick).
_LINKS_OUTSIDE = ':not([href^="/"]):not([href^="http:" i]):not([href^="https:" i])'
_SAFE_STEM = re.compile(r"[A-Za-z0-9._~%!$&()*+,;=:@-]+")  # nothing to escape in '...'


def _candidate_css(url: str, article_url: str) -> str:
    """The candidate selector for the page at `url` of the article at `article_url`: links
    outside the article's path left out (a page has about 90 links; reading their texts was
    most of the next-page search)."""
    stems = []
    for key in page_keys(url) + (page_keys(article_url) if article_url != url else ()):
        stem = key.base.rsplit("/", 1)[-1].split(".", 1)[0]
        if not stem or not _SAFE_STEM.fullmatch(stem):
            return _CANDIDATE_CSS  # a home page, or a segment the selector cannot quote
        stems.append(stem)
    if not stems:
        return _CANDIDATE_CSS
    links = ", ".join(f"a[href*='{stem}']" for stem in dict.fromkeys(stems))
    return f"{links}, a{_LINKS_OUTSIDE}, {_NON_LINK_CANDIDATES}"


# A cheap gate before the phrase rules: most links name no next-page keyword at all.
_KEYWORDS_LOWER = tuple(dict.fromkeys(k.lower() for k in NEXT_PAGE_KEYWORDS))


def _is_next_label(labels: tuple[str, str, str]) -> bool:
    """The link's text, aria-label or title says "next page" (and not "next article")."""
    keys = [normalize_key(label) for label in labels if label and len(label) <= 60]
    if any(NEXT_ARTICLE_TEXT.fullmatch(key) for key in keys):
        return False
    return any(len(key) <= 40 and NEXT_PAGE_TEXT.fullmatch(key) for key in keys)


def _names_next_article(node: Node) -> bool:
    """A rel=next link labelled as the next article ("Next article: ...", "Next post"), as a
    blog theme's post navigation marks its link to the following post."""
    labels = (node.text(deep=True), node.attributes.get("aria-label"), node.attributes.get("title"))
    return any(
        label and NEXT_ARTICLE_TEXT.fullmatch(normalize_key(label[:200])) for label in labels
    )


def _keyword_hits(labelled: list[tuple[Node, tuple[str, str, str]]]) -> list[int]:
    """Indexes of the labelled nodes with a next-page keyword in a label. One lower-cased string
    of all labels and a `str.find` per keyword: a regex alternation scanned per link cost more
    than the rest of the page's next-page search."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for _, labels in labelled:
        part = "\t".join(labels).lower()  # lowered one by one: lower() may change lengths
        starts.append(offset)
        parts.append(part)
        offset += len(part) + 1
    joined = "\n".join(parts)
    hits: set[int] = set()
    for keyword in _KEYWORDS_LOWER:
        at = joined.find(keyword)
        while at != -1:
            line = bisect_right(starts, at) - 1
            hits.add(line)
            # Skip the rest of this node's labels: one hit is enough.
            following = starts[line + 1] if line + 1 < len(starts) else len(joined)
            at = joined.find(keyword, following)
    return sorted(hits)


def _in_pager(node: Node) -> bool:
    """A numbered link inside a pager container (class, id or <nav>) a few levels up."""
    parent = node.parent
    for _ in range(PAGER_DEPTH):
        if parent is None:
            return False
        if parent.tag == "nav":
            return True
        attrs = parent.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if marks.strip() and PAGER_CONTAINER.search(marks):
            return True
        parent = parent.parent
    return False


def _candidates(tree: LexborHTMLParser, url: str, article_url: str) -> list[tuple[str, str]]:
    """(raw href, rule name) pairs: rel=next first, then next-texts, then pager numbers."""
    by_rule: dict[str, list[str]] = {"rel-next": [], "next-text": [], "pager": []}
    labelled: list[tuple[Node, tuple[str, str, str]]] = []
    for node in tree.css(_candidate_css(url, article_url)):
        attrs = node.attributes
        tag = node.tag
        if tag in ("a", "link") and "next" in (attrs.get("rel") or "").split():
            if tag == "a" and _names_next_article(node):
                continue  # a theme's post navigation: "Next article <its title>"
            rule = "rel-next"
        elif tag == "link":
            continue
        elif tag == "option":  # a page-jump menu: its options are the article's pages
            value = (attrs.get("value") or "").strip()
            if value and not value.startswith(("#", "javascript:")):
                by_rule["pager"].append(value)
            continue
        else:
            text = node.text(deep=True).strip()
            if text.isdigit():
                if not _in_pager(node):
                    continue
                rule = "pager"
            else:
                if len(text) <= 60:
                    labels = (text, attrs.get("aria-label") or "", attrs.get("title") or "")
                    if text or labels[1] or labels[2]:
                        labelled.append((node, labels))
                continue
        if (href := _href(node)) is not None:
            by_rule[rule].append(href)
    for index in _keyword_hits(labelled):
        node, labels = labelled[index]
        if _is_next_label(labels) and (href := _href(node)) is not None:
            by_rule["next-text"].append(href)
    return [(href, rule) for rule, hrefs in by_rule.items() for href in hrefs]


def base_href(tree: LexborHTMLParser, url: str) -> str:
    """What the page's relative links are relative to: its <base href>, else its URL."""
    head = tree.head
    base = head.css_first("base[href]") if head is not None else None
    href = base.attributes.get("href") if base is not None else None
    return (join_url(url, href) or url) if href else url


def _through_interstitial(link: str, base: str, url: str) -> str | None:
    """The later page a link reaches through an interstitial ("/interstitial?to=/a-4.html",
    "/go?url=..."): a query value that is a later page of this article. Why: some farms send
    the reader through an ad page between two pages of an article."""
    query = link.partition("?")[2]
    if not query:
        return None
    for _, value in parse_qsl(query.partition("#")[0]):
        if value.startswith(("/", "http://", "https://")):
            target = join_url(base, value)
            if target is not None and target.startswith("http") and is_next_of(target, url):
                return target
    return None


def _under_article(candidate: str, url: str, article_url: str) -> bool:
    """`candidate` is a page below the article's own path ("/guides/heat-rash/part-two/" under
    "/guides/heat-rash/"), other than the current page. Why: some sites name later pages in
    words, or by topic, where no page number can say which comes next; a link labelled as the
    next page that stays under the article's path is one."""
    article = split_url(article_url)
    found = split_url(candidate)
    if article is None or found is None or article.netloc.lower() != found.netloc.lower():
        return False
    root = article.path.rstrip("/")
    root = root.rsplit(".", 1)[0] if "." in root.rsplit("/", 1)[-1] else root
    path = found.path
    return (
        len(root) > 1
        and path.startswith(root + "/")
        and len(path.rstrip("/")) > len(root)
        and normalize_url(candidate) not in (normalize_url(url), normalize_url(article_url))
    )


def find_next_page(
    tree: LexborHTMLParser, url: str, article_url: str | None = None
) -> tuple[str | None, str]:
    """The next page's absolute URL and the rule that found it, or (None, ""). `article_url`:
    the article's first page, when `url` is a later one. A first page reached with a query
    parameter its server ignores ("x.html?topic=skin", its canonical "x.html") has its next
    page looked for as its canonical's too: its links say "x.html?page=2"."""
    found = _find_next_page(tree, url, article_url)
    if found[0] is None and article_url is None and "?" in url:
        canonical = _same_page_canonical(tree, url)
        if canonical is not None:
            return _find_next_page(tree, canonical, None)
    return found


def _same_page_canonical(tree: LexborHTMLParser, url: str) -> str | None:
    """The page's canonical URL when it is the same path on the same host with another query."""
    head = tree.head
    link = head.css_first("link[rel=canonical][href]") if head is not None else None
    if link is None:
        return None
    canonical = join_url(url, str(link.attributes.get("href") or ""))
    here, there = split_url(url), split_url(canonical) if canonical else None
    if (
        here is None
        or there is None
        or here.netloc.lower() != there.netloc.lower()
        or here.path != there.path
        or here.query == there.query
    ):
        return None
    return canonical


def _find_next_page(
    tree: LexborHTMLParser, url: str, article_url: str | None
) -> tuple[str | None, str]:
    base = base_href(tree, url)
    article = article_url or url
    best: tuple[int, str, str] | None = None
    below: tuple[str, str] | None = None
    moved: tuple[str, str] | None = None
    for href, rule in _candidates(tree, url, article):
        absolute = join_url(base, href)
        if absolute is None or not absolute.startswith(("http://", "https://")):
            continue
        zero_based = rule != "pager" and is_zero_based_second(absolute, url)
        if not zero_based and not is_next_of(absolute, url):
            if rule == "next-text" and below is None and _under_article(absolute, url, article):
                below = (absolute, UNDER_ARTICLE_RULE)
            if rule != "pager" and moved is None and _next_elsewhere(absolute, url):
                moved = (absolute, MOVED_NEXT_RULE)
            absolute = _through_interstitial(absolute, base, url)
            if absolute is None:
                continue
        number = 2 if zero_based else max(k.number for k in page_keys(absolute))
        if best is None or number < best[0]:
            best = (number, absolute, rule)
    if best is not None:
        return best[1], best[2]
    return below or moved or (None, "")


def _next_elsewhere(candidate: str, url: str) -> bool:
    """`candidate`, a link marked or labelled as the next page, is the following page number of
    another address of the same name ("http://old-name/index.php/2023/04/x.html?page=2" on page
    1 of "/health/x/"). Why: a site that moved keeps old absolute links in its pagers, which
    redirect to the new pages; only the fetch can tell."""
    found = strict_page_key(candidate)
    here = strict_page_key(url)
    return (
        found is not None
        and here is not None
        and found.number == here.number + 1
        and found.article != here.article
        and found.query == here.query
        and _name(found.base) == _name(here.base) != ""
    )


def _name(path: str) -> str:
    """A path's last segment without its extension: "/2023/04/x.html" -> "x"."""
    return path.rsplit("/", 1)[-1].split(".", 1)[0].lower()


_WORD = re.compile(r"\w+")
_TITLE_PARTS = re.compile(TITLE_PART_SEPARATORS)


def _title_words(title: str) -> list[str]:
    return _WORD.findall(title.lower())


def names_another_article(article_title: str, page_title: str, page_url: str = "") -> bool:
    """A page that a word-named link below the article's path led to (UNDER_ARTICLE_RULE) is
    another article by its title: the title is neither the article's, nor holds it as one of
    its parts ("Part two: causes – Heat rash"), nor beside page words alone ("Heat rash, part
    two"; LATER_PAGE_TITLE_WORDS). Why: a guide's sub-articles ("What causes gout?" at
    /gout/causes/, after "Next: What causes gout? →" on /gout/) are linked as a sequence of
    pages are, and only the page itself tells them apart. A page without a title is no
    evidence, nor is one whose address names it a page ("/heat-rash/part-two/")."""
    first, own = _title_words(article_title), _title_words(page_title)
    if not first or not own or first == own or _named_a_page(page_url):
        return False
    if any(_title_words(part) == first for part in _TITLE_PARTS.split(page_title)):
        return False
    size = len(first)
    for start in range(len(own) - size + 1):
        if own[start : start + size] == first:
            rest = own[:start] + own[start + size :]
            return any(not w.isdigit() and w not in LATER_PAGE_TITLE_WORDS for w in rest)
    return True


_REFRESH = re.compile(REFRESH_CONTENT, re.IGNORECASE)


def way_on(html: str | bytes, url: str, previous: str) -> str | None:
    """The article's next page that an ad interstitial at `url` leads on to, after the page
    `previous`: its refresh target (whatever the delay), a link or a form's action that is the
    page after `previous`; None when it names none. Why: some farms send the reader from a
    page's "Next page →" to a page of ads ("Your article continues in 5 seconds"), under an
    address of the article's own name ("/interstitial/<slug>/2/")."""
    tree = parse_html(decode_html(html))
    base = base_href(tree, url)
    found: list[str] = []
    for meta in tree.css("meta[http-equiv][content]"):
        if str(meta.attributes.get("http-equiv") or "").lower() == "refresh":
            refresh = _REFRESH.match(str(meta.attributes.get("content") or ""))
            found += [refresh.group(2)] if refresh else []
    found += [str(a.attributes.get("href") or "") for a in tree.css("a[href]")]
    found += [str(f.attributes.get("action") or "") for f in tree.css("form[action]")]
    for href in found:
        target = join_url(base, href.strip()) if href.strip() else None
        if target is not None and is_next_of(target, previous):
            return target
    return None


def _named_a_page(url: str) -> bool:
    """The address's last segment is page words alone: "part-two", "seite-3", "page-two"."""
    parts = split_url(url) if url else None
    last = parts.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0] if parts else ""
    words = _title_words(last.replace("_", " "))
    return bool(words) and all(w.isdigit() or w in LATER_PAGE_TITLE_WORDS for w in words)
