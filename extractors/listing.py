"""Listing pages: a page whose main content is article cards (a headline or "Read more" link
and a short excerpt each) is a listing, not an article. Why: sitemaps list a site's section
fronts ("/conditions/", "/topics/sleep/") among its articles, and what survives of a listing's
cleaning, its excerpts, reads like a short article. Pure: reads the tree, changes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.blocks import Block
from extractors.dom import Node
from extractors.rules.boilerplate import NAVIGATION_TAGS
from extractors.rules.discovery import MIN_LINK_TEXT
from extractors.rules.thresholds import (
    CARD_DEPTH,
    LISTING_TEXT_SHARE,
    MAX_CARD_CHARS,
    MAX_CARD_EXCERPT,
    MIN_LISTING_CARDS,
)
from extractors.text import READ_MORE_TEXT, fold_space, normalize_key

# Where a card's search stops: page landmarks, and the page's own outer containers.
_CHROME = NAVIGATION_TAGS | {"body", "main", "html"}


def listing_cards(root: Node, blocks: Sequence[Block], links_removed: int) -> int:
    """The number of article cards that make up the page's main content (`blocks`), or 0 when
    the content is not mostly cards: at least MIN_LISTING_CARDS cards, each a small element
    (MAX_CARD_CHARS) with a link away (a headline, or "Read more") and an excerpt, one of the
    kept paragraphs of at most MAX_CARD_EXCERPT characters; the excerpts hold
    LISTING_TEXT_SHARE of the kept text, and the page keeps at most one heading of its own.
    `links_removed`: the clickbait and navigation the cleaning removed, where the cards'
    headlines went (fewer than MIN_LISTING_CARDS: no listing, nothing more to read)."""
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    if (
        links_removed < MIN_LISTING_CARDS
        or len(paragraphs) < MIN_LISTING_CARDS
        or sum(b.kind == "heading" for b in blocks) > 1
    ):
        return 0
    short = {p for p in paragraphs if len(p) <= MAX_CARD_EXCERPT}
    total = sum(len(p) for p in paragraphs)
    if len(short) < MIN_LISTING_CARDS or sum(map(len, short)) < LISTING_TEXT_SHARE * total:
        return 0  # cheap first: an article's text runs in longer paragraphs than excerpts
    cards: set[int] = set()
    judged: dict[int, Node | None] = {}
    chars = 0
    for paragraph in root.css("p"):
        text = fold_space(paragraph.text(deep=True))
        if text not in short:
            continue
        card = _card_of(paragraph, judged)
        if card is not None and card.mem_id not in cards:
            cards.add(card.mem_id)
            chars += len(text)
    for article in root.css("article"):  # an excerpt as loose text in its card (Divi)
        text = _own_text(article)
        if (
            article.mem_id not in cards
            and text in short
            and _links_away(article)
            and len(article.text(deep=True)) <= MAX_CARD_CHARS
        ):
            cards.add(article.mem_id)
            chars += len(text)
    found = len(cards)
    return found if found >= MIN_LISTING_CARDS and chars >= LISTING_TEXT_SHARE * total else 0


def _own_text(node: Node) -> str:
    """The text of a node's own text children, not of its elements."""
    return fold_space(
        "".join(c.text_content or "" for c in node.iter(include_text=True) if c.tag == "-text")
    )


def _card_of(paragraph: Node, judged: dict[int, Node | None]) -> Node | None:
    """The nearest small element (MAX_CARD_CHARS) above `paragraph`, within CARD_DEPTH levels
    and outside page chrome, that holds a link away from the page outside the paragraph: a
    headline of MIN_LINK_TEXT characters or more, or a "Read more". `judged` remembers the
    answer for elements that decided one (an article's paragraphs share their parent)."""
    node = paragraph.parent
    for _ in range(CARD_DEPTH):
        if node is None or node.tag in _CHROME:
            return None
        key = node.mem_id
        if key in judged:
            return judged[key]
        if _links_away(node, paragraph):
            card = node if len(node.text(deep=True)) <= MAX_CARD_CHARS else None
            judged[key] = card
            return card
        node = node.parent
    return None


def _links_away(node: Node, excerpt: Node | None = None) -> bool:
    """`node` holds, outside `excerpt`, a link away from the page: a headline of MIN_LINK_TEXT
    characters or more, or a "Read more"."""
    for link in node.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href.startswith(("#", "javascript:", "mailto:")) or (
            excerpt is not None and _inside(link, excerpt)
        ):
            continue
        text = link.text(deep=True).strip()
        if len(text) >= MIN_LINK_TEXT or READ_MORE_TEXT.fullmatch(normalize_key(text)):
            return True
    return False


def _inside(node: Node, container: Node) -> bool:
    parent = node.parent
    key = container.mem_id
    while parent is not None:
        if parent.mem_id == key:
            return True
        parent = parent.parent
    return False
