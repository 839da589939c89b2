"""`clean_html`: one page in, its main content out, as named phases.

decode (UTF-8 taken on trust) -> parse -> read_head and find_next_page (before anything is
removed) -> prune (code elements) -> survey (one scan for paragraphs, h1, times) -> main
blocks (the quick path over paragraph votes, else the full walk with container scoring; the
junk judge drops furniture on the way down) -> block filters (labels, prompts, link lines) ->
relax and retry when too little is left -> CleanPage; cleaned again from Windows-1252 when the
result shows bytes that were not UTF-8.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from selectolax.lexbor import LexborHTMLParser

from extractors.blocks import Block, blocks_from_text, extract_blocks, is_anchor_mark
from extractors.boilerplate import JunkJudge, RemovalOptions, prune
from extractors.decode import checked_utf8, to_utf8_unchecked
from extractors.dom import Node
from extractors.filters import filter_blocks, is_author_bio
from extractors.listing import listing_cards
from extractors.mainzone import is_heading_box, other_articles, quick_main, select_main
from extractors.metadata import PageMeta, clean_title, complete_metadata, read_head
from extractors.pagination import find_next_page
from extractors.rules.boilerplate import PLAYER_SELECTOR
from extractors.rules.metadata import (
    HEADLINE_TEST_ATTRIBUTES,
    SITE_NAME_SEPARATOR_CHARS,
    TITLE_SMALL_WORDS,
)
from extractors.rules.thresholds import JSONLD_BODY_SHARE, MIN_MAIN_CHARS
from extractors.safeurl import split_url
from extractors.survey import Survey, take_survey
from extractors.text import ISSUE_TITLE, NOT_ARTICLE_TITLE, fold_space, normalize_key

REMOVAL_KINDS: tuple[str, ...] = ("ads", "clickbait", "prompts", "navigation", "other")


# Attempts from strict to loose. Why: a theme that names its article "post-widget" loses it to
# the strict token rules; the looser pass keeps only tag, role and ad-network rules.
ATTEMPTS: tuple[RemovalOptions, ...] = (RemovalOptions(strict=True), RemovalOptions(strict=False))


@dataclass(frozen=True)
class CleanPage:
    """The main content of one page and what was learnt on the way."""

    url: str | None
    """The page URL given by the caller (used to resolve links), if any."""
    title: str
    """The article title: the page's h1 when it agrees with the metadata, else the metadata's."""
    text: str
    """Main content as plain text: blocks joined by blank lines, list items one a line."""
    blocks: tuple[Block, ...]
    """Main-content blocks in reading order."""
    next_page_url: str | None
    """Absolute URL of the article's next page, if the page links one."""
    next_page_rule: str
    """Which rule found the next page ("rel-next", "next-text", "pager"), or ""."""
    metadata: PageMeta
    """Title, authors, dates, language, site name and canonical URL from the page."""
    removed: dict[str, int] = field(default_factory=dict)
    """Counts of what was removed, by kind: ads, clickbait, prompts, navigation, other."""
    cards: int = 0
    """Article cards (a link and a short excerpt each) that make up the main content: a listing
    page when not 0 (see extractors.listing). Not looked for on a later page (`article_url`)."""
    player: bool = False
    """The page holds an audio or video player (rules.boilerplate.PLAYER_SELECTOR). Looked for
    only when the main content is one block at most: a media page's blurb."""
    not_found: bool = False
    """The page's h1 says it is no page ("Sorry, we couldn't find that page"): a soft 404,
    answered 200 where a pager runs past an article's last page."""


def _page_title(survey: Survey, meta: PageMeta) -> str:
    """The first h1 when it agrees with the metadata title (or there is none), else the
    metadata title. They agree when one holds the other, or when both open with the same two
    words: a search title that says more ("Jumper's Knee (Patellar Tendinopathy): Causes and
    Exercises") over the title the reader sees ("Jumper's Knee: Pain Just Below the
    Kneecap"). A metadata title that is a newsletter issue's subject line gives way to the h1."""
    heading = _heading_text(survey.headings[0]) if survey.headings else ""
    if not 3 <= len(heading) <= 300:
        # no h1: the page's microdata headline when the search title holds it (Joomla's
        # `<h2 itemprop="headline">Measles</h2>` under "Measles - Midshire Public Health")
        named = _microdata_headline(survey)
        if named and normalize_key(named) in normalize_key(meta.title):
            return named
        return meta.title
    if _links_home(survey.headings[0]):  # the site's name ("<h1><a href='/'>Blog</a></h1>")
        return _without_name(meta.title, heading) or meta.title
    wanted = normalize_key(meta.title)
    key = normalize_key(heading)
    if not wanted or key == wanted or key in wanted or wanted in key:
        return heading if wanted else clean_title(heading, meta.site_name)
    declared = normalize_key(meta.headline)
    if declared and _agree(key, declared):  # the h1 is the headline the JSON-LD declares
        return heading
    attributes = survey.headings[0].attributes
    if any(name in attributes for name in HEADLINE_TEST_ATTRIBUTES):
        return meta.title  # one arm of a headline test: another wording on other requests
    opening = _opening(key, 2)
    if opening is not None and opening == _opening(wanted, 2):
        return heading
    if _shared_pair(key, wanted):  # "Stiff neck from sleeping" under "Waking up with a stiff neck?"
        return heading
    if ISSUE_TITLE.fullmatch(wanted):  # a newsletter's subject line: its h1 names the article
        return heading
    return meta.title


def _microdata_headline(survey: Survey) -> str:
    """The text of the page's `itemprop="headline"` element (not a meta tag), or ""."""
    if survey.root is None:
        return ""
    node = survey.root.css_first("[itemprop~='headline']:not(meta)")
    text = fold_space(node.text(deep=True)) if node is not None else ""
    return text if 3 <= len(text) <= 300 else ""


def _agree(key: str, other: str) -> bool:
    """One title key holds the other."""
    return key in other or other in key


_TITLE_WORD = re.compile(r"[^\W\d_][\w']*")


def _shared_pair(key: str, other: str) -> bool:
    """Two titles name the same thing: two words in a row in both, neither of them a small
    word, plurals aside ("sinus headaches" and "sinus headache relief")."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = [w.removesuffix("s") if len(w) > 3 else w for w in _TITLE_WORD.findall(text)]
        return {
            (a, b)
            for a, b in pairwise(words)
            if a not in TITLE_SMALL_WORDS and b not in TITLE_SMALL_WORDS
        }

    return not pairs(key).isdisjoint(pairs(other))


def _opening(key: str, words: int) -> tuple[str, ...] | None:
    """The first `words` words of a title key, without punctuation; None when it is shorter."""
    found = tuple(w for w in re.split(r"[^\w']+", key) if w)[:words]
    return found if len(found) == words else None


def _links_home(heading: Node) -> bool:
    """The heading is a link to the site's home page: the site's name, not the page's title. (A
    link to a place in the page, a heading's "¶" self-link, leads nowhere else.)"""
    link = next(
        (a for a in heading.css("a[href]") if not str(a.attributes.get("href")).startswith("#")),
        None,
    )
    if link is None:
        return False
    parts = split_url(str(link.attributes.get("href") or ""))
    return parts is not None and parts.path in ("", "/") and not parts.query


def _heading_text(heading: Node) -> str:
    """The heading's text without its self-link marks ("Paronychia¶", see blocks)."""
    text = fold_space(heading.text(deep=True))
    for link in heading.css("a[href^='#']"):
        if is_anchor_mark(link):
            mark = link.text(deep=True).strip()
            text = text.removesuffix(mark).removeprefix(mark).strip()
    return text


def _without_name(title: str, name: str) -> str:
    """`title` without the site `name` it starts or ends with ("Blog: Post" -> "Post")."""
    folded = fold_space(title)
    if folded.lower().startswith(name.lower()):
        return folded[len(name) :].lstrip(SITE_NAME_SEPARATOR_CHARS)
    if folded.lower().endswith(name.lower()):
        return folded[: -len(name)].rstrip(SITE_NAME_SEPARATOR_CHARS)
    return ""


def _walk(nodes: list[Node], judge: JunkJudge) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        if judge.skips_container(node):
            continue
        found = extract_blocks(node, judge, record=False).blocks
        if is_heading_box(node):  # a heading the main container keeps beside it
            found = [replace(block, hint=True) for block in found]
        blocks.extend(found)
    return blocks


def _main_blocks(
    tree: LexborHTMLParser, survey: Survey, options: RemovalOptions, others: frozenset[int]
) -> tuple[list[Block], Counter[str]]:
    """The main content's blocks of a pruned tree, furniture judged on the way down: the quick
    path over <p> votes when it finds enough, else the full block walk with container scoring.
    `others`: the <article> elements of other articles (see mainzone.other_articles)."""
    root = tree.body or tree.root
    if root is None:
        return [], Counter()
    removed: Counter[str] = Counter()
    judge = JunkJudge(options, root, survey.paragraphs, others)
    containers = quick_main(root, judge, survey.paragraphs)
    if containers is not None:
        kept, dropped = filter_blocks(_walk(containers, judge))
        if sum(len(b.text) for b in kept) >= MIN_MAIN_CHARS:
            removed.update(judge.counts)
            removed.update(dropped)
            return kept, removed
        judge = JunkJudge(options, root, survey.paragraphs, others)
    kept, dropped = filter_blocks(select_main(extract_blocks(root, judge)))
    removed.update(judge.counts)
    removed.update(dropped)
    return kept, removed


def _drop_author_bios(blocks: list[Block], meta: PageMeta) -> tuple[list[Block], int]:
    """Author boxes after the article: the last blocks that introduce an author by name."""
    if not meta.authors:
        return blocks, 0
    tail = max(0, len(blocks) - max(3, len(blocks) // 3))
    kept = [b for i, b in enumerate(blocks) if i < tail or not is_author_bio(b, meta.authors)]
    return kept, len(blocks) - len(kept)


def _drop_title(blocks: list[Block], title: str) -> list[Block]:
    """`blocks` without the title's own heading, or its bold line (an old page's big bold
    title over its byline, one <br> apart)."""
    key = normalize_key(title)
    if not key:
        return blocks
    return [
        b for b in blocks if not ((b.kind == "heading" or b.bold) and normalize_key(b.text) == key)
    ]


def _body_only_in_jsonld(blocks: list[Block], body: str) -> bool:
    """The page shows a stub of its article (an app shell: a standfirst and a spinner) that
    its JSON-LD articleBody opens with and holds many times over: the body is the article."""
    size = sum(len(b.text) for b in blocks)
    if not body or size >= MIN_MAIN_CHARS * 2 or len(body) < JSONLD_BODY_SHARE * max(size, 1):
        return False
    shown = fold_space(" ".join(b.text for b in blocks))
    return not shown or normalize_key(fold_space(body)).startswith(normalize_key(shown[:80]))


def _to_text(blocks: list[Block] | tuple[Block, ...]) -> str:
    return "\n\n".join(b.text for b in blocks)


def _shows_replacement(page: CleanPage) -> bool:
    """A U+FFFD in anything the page gave: what bytes that are not UTF-8 turn into."""
    meta = page.metadata
    texts = (page.text, page.title, meta.title, meta.site_name, meta.description, *meta.authors)
    return any("\ufffd" in text for text in texts)


def clean_html(
    html: str | bytes,
    url: str | None = None,
    *,
    content_type: str | None = None,
    article_url: str | None = None,
) -> CleanPage:
    """Clean one HTML page: main content as blocks and text, metadata, next-page URL, removals.
    `article_url`: the article's first page, when this is a later one (next pages named in
    words are found below its path).

    Never raises on malformed or empty markup; an empty page gives an empty `text`.
    """
    source, checked = to_utf8_unchecked(html, content_type)
    page = _clean(source, url, article_url)
    # Bytes taken for UTF-8 unchecked: only when the result shows a replacement character is
    # the page checked, and cleaned again from its Windows-1252 reading if it is not UTF-8.
    if not checked and _shows_replacement(page):
        fixed = checked_utf8(source)
        if fixed is not source:
            page = _clean(fixed, url, article_url)
    return page


def _clean(source: bytes, url: str | None, article_url: str | None) -> CleanPage:
    tree = LexborHTMLParser(source)
    head = read_head(tree, url)
    next_url, next_rule = find_next_page(tree, url, article_url) if url else (None, "")
    prune(tree)
    survey = take_survey(tree)
    meta = complete_metadata(head, survey)
    title = _page_title(survey, meta)
    root = tree.body or tree.root
    others = other_articles(root, title) if root is not None else frozenset()
    best: tuple[list[Block], Counter[str]] | None = None
    # The walk and the junk judge only read the tree, so a looser attempt reuses the pruned tree
    # and its survey. Why: parsing the page again cost as much as the rest of its cleaning.
    for options in ATTEMPTS:
        blocks, removed = _main_blocks(tree, survey, options, others)
        blocks, bios = _drop_author_bios(_drop_title(blocks, title), meta)
        removed["other"] += bios
        size = sum(len(b.text) for b in blocks)
        if best is None or size > sum(len(b.text) for b in best[0]):
            best = (blocks, removed)
        if size >= MIN_MAIN_CHARS:
            break
    assert best is not None
    blocks, removed = best
    if _body_only_in_jsonld(blocks, meta.jsonld_body):
        blocks = blocks_from_text(meta.jsonld_body)
    # Looked for in a fresh parse (prune strips players), and only where it matters: a page of
    # one block at most may be a media page's blurb.
    player = len(blocks) <= 1 and LexborHTMLParser(source).css_first(PLAYER_SELECTOR) is not None
    return CleanPage(
        # only a first page can make its article a listing: later pages skip the test
        cards=(
            listing_cards(root, blocks, removed["clickbait"] + removed["navigation"])
            if root is not None and article_url is None
            else 0
        ),
        url=url,
        title=title,
        text=_to_text(blocks),
        blocks=tuple(blocks),
        next_page_url=next_url,
        next_page_rule=next_rule,
        metadata=meta,
        removed={kind: removed.get(kind, 0) for kind in REMOVAL_KINDS},
        player=player,
        not_found=bool(survey.headings)
        and NOT_ARTICLE_TITLE.fullmatch(normalize_key(_heading_text(survey.headings[0])))
        is not None,
    )
