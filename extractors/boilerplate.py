"""Boilerplate removal: `prune` decomposes, in C, what its tag or an ad network's markup gives
away; `JunkJudge` decides element by element (class/id tokens, roles, landmarks, hidden
elements) while the block walker descends, so the page is walked once.

`prune` changes a tree the caller owns; `clean_html` gives it a fresh parse of its own input, so
callers' data is never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from extractors.dom import (
    HEADING_TAGS,
    ClassInfo,
    Node,
    attributes,
    class_info,
    class_of,
    class_strings,
    is_hidden,
    token_gate,
)
from extractors.rules import boilerplate as rules
from extractors.rules.thresholds import GUARD_TEXT_SHARE

_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_NOT_ALNUM = re.compile(r"[\W_]+")


def _id_from_text(id_value: object, node: Node) -> bool:
    """A heading's id that its generator built from its text ("age-related-wear" for "Age-related
    wear", "Shared_towels_and_bath_water"): it names the heading's topic, not furniture, so
    its words are not read as furniture tokens. (A furniture heading's text still says so:
    "Related posts" is furniture by its words.)"""
    if not isinstance(id_value, str) or len(id_value) < 4:
        return False
    slug = _NOT_ALNUM.sub("", id_value).lower()
    return len(slug) >= 4 and _NOT_ALNUM.sub("", node.text(deep=True)).lower().startswith(slug)


_AD_ATTRIBUTES = frozenset(rules.AD_ATTRIBUTES)
_CLICKBAIT_ATTRIBUTES = frozenset(rules.CLICKBAIT_ATTRIBUTES)
# Paragraphs `JunkJudge` reads, at most, before it measures the page's text (8 measured best:
# beyond it, paragraphs too short to decide cost more than they save).
FLOOR_PARAGRAPHS = 8


@dataclass(frozen=True)
class RemovalOptions:
    """How hard the removal pass goes; `strict=False` keeps token-matched elements."""

    strict: bool = True


_STEMS = tuple(stem for stem, _ in rules.TOKEN_STEMS)
_SHOWN_ON_DESKTOP = re.compile(rules.SHOWN_ON_DESKTOP)
_HIDDEN_ON_DESKTOP = re.compile(rules.HIDDEN_ON_DESKTOP)
# Every token the class verdict looks for (the content guard only vetoes a kind).
_MAY_BE_FURNITURE = token_gate(
    rules.AD_TOKENS
    | rules.CLICKBAIT_TOKENS
    | rules.NAVIGATION_TOKENS
    | rules.OTHER_TOKENS
    | rules.HIDDEN_CLASSES
    | rules.DESKTOP_HIDING_STEMS
    | set(_STEMS)
)


@lru_cache(maxsize=16384)
def class_verdict(class_value: str, id_value: str) -> tuple[bool, str | None]:
    """(hidden by a class, removal kind named by the tokens) of a class/id pair. Memoised on
    the attribute strings, whose hashes Python keeps (a ClassInfo would be hashed each time).
    Pairs that cannot hold a furniture token skip tokenising (three in four on zyte-dev)."""
    if not _MAY_BE_FURNITURE(class_value, id_value):
        return (False, None)
    info = class_info(class_value, id_value)
    return (_hidden_on_desktop(info.words), token_kind(info))


def _hidden_on_desktop(words: tuple[str, ...]) -> bool:
    """A class hides the element from a desktop browser (see rules.SHOWN_ON_DESKTOP)."""
    if any(_HIDDEN_ON_DESKTOP.fullmatch(word) for word in words):
        return True
    return not rules.HIDDEN_CLASSES.isdisjoint(words) and not any(
        _SHOWN_ON_DESKTOP.fullmatch(word) for word in words
    )


def _verdict(attrs: dict[str, Any]) -> tuple[bool, str | None]:
    strings = class_strings(attrs)
    return class_verdict(*strings) if strings is not None else (False, None)


def token_kind(info: ClassInfo) -> str | None:
    """The removal kind a class/id names, or None. The content guard looks at whole words only
    ("article__byline" is a byline, not the article)."""
    if not info.words or info.whole & rules.CONTENT_TOKENS:
        return None
    tokens = info.tokens
    if "cmp" in tokens and _components(info.words):
        tokens = tokens - {"cmp"}
    if "widget" in tokens and _builder_blocks(info.words):
        for word in info.words:
            if word in rules.BUILDER_FURNITURE:
                return rules.BUILDER_FURNITURE[word]
        tokens = tokens - {"widget"}
    if tokens & rules.AD_TOKENS:
        return "ads"
    if tokens & rules.CLICKBAIT_TOKENS:
        return "clickbait"
    if tokens & rules.NAVIGATION_TOKENS:
        return "navigation"
    if tokens & rules.OTHER_TOKENS:
        return "other"
    # One C-level prefix test per token; the stems' order decides between several kinds (a
    # set's order would differ from run to run).
    hits = [t for t in tokens if t.startswith(_STEMS) and not t.startswith(rules.STEM_WORDS)]
    if not hits:
        return None
    for stem, kind in rules.TOKEN_STEMS:
        if any(token.startswith(stem) for token in hits):
            return kind
    return None


def _components(words: tuple[str, ...]) -> bool:
    """Every class word with a "cmp" part is an AEM core component's ("cmp-text")."""
    return all(
        w.startswith(rules.COMPONENT_PREFIX)
        for w in words
        if "cmp" in w.replace("_", "-").split("-")
    )


def _builder_blocks(words: tuple[str, ...]) -> bool:
    """Every class word holding "widget" is a page builder's block ("elementor-widget-...")."""
    return all(w.startswith(rules.BUILDER_WIDGET_WORDS) for w in words if "widget" in w)


_COLLAPSED_FURNITURE = re.compile(rules.COLLAPSED_FURNITURE_LABELS, re.I)


def collapsed_panel(node: Node, attrs: dict[str, Any]) -> bool:
    """A hidden element a reader opens: a tab panel, or the element right after a control with
    aria-expanded (the control itself, or a short heading holding it) whose label does not
    name furniture (see rules.COLLAPSED_FURNITURE_LABELS)."""
    if attrs.get("role") == "tabpanel":
        return True
    before = node.prev
    while before is not None and (before.tag is None or before.tag[0] == "-"):
        before = before.prev  # text and comments between them
    if before is None:
        return False
    if (
        "aria-expanded" in before.attributes
        or _control_by_class(before.attributes)
        or _reveal_control(before)
    ):
        control: Node | None = before
    elif len(before.text(deep=True)) <= rules.COLLAPSED_CONTROL_MAX_CHARS:
        control = before.css_first("[aria-expanded]") or next(
            (c for c in before.css("button, a") if _reveal_control(c)), None
        )
    else:
        return False
    return control is not None and not _COLLAPSED_FURNITURE.search(control.text(deep=True))


_REVEAL_LABEL = re.compile(rules.REVEAL_CONTROL_LABELS, re.I)


def _reveal_control(node: Node) -> bool:
    """A button, or a link to a place on the page, labelled to show the rest of the article
    (rules.REVEAL_CONTROL_LABELS)."""
    if node.tag == "a":
        href = str(node.attributes.get("href") or "#").strip().lower()
        if not href.startswith(("#", "javascript:")):
            return False
    elif node.tag != "button":
        return False
    return _REVEAL_LABEL.fullmatch(" ".join(node.text(deep=True).split()).lower()) is not None


def _shop_table(table: Node) -> bool:
    """A product comparison table: links marked as paid (rel=sponsored, as affiliate links
    must be) in SHOP_TABLE_MIN_SPONSORED_LINKS of its rows or more."""
    links = table.css("a[rel]")
    paid = sum(
        1 for a in links if rules.PAID_LINK_REL in str(a.attributes.get("rel") or "").split()
    )
    return paid >= rules.SHOP_TABLE_MIN_SPONSORED_LINKS


def reader_text(attrs: dict[str, Any]) -> bool:
    """Named as readers' own text (rules.READER_TEXT_TOKENS): comments, stories."""
    return not class_of(attrs).tokens.isdisjoint(rules.READER_TEXT_TOKENS)


_BOX_TAGS = frozenset({"div", "section", "aside"})


def _call_to_action(box: Node) -> bool:
    """A small box whose last element is a button link, or a block of them, leading away (see
    rules.CTA_BOX_MAX_CHARS). A <button> that opens a panel (a toggle's) is no call to
    action."""
    last = box.last_child
    while last is not None and (last.tag is None or last.tag[0] == "-"):
        last = last.prev  # text and comments after it
    if last is None or last.mem_id == box.mem_id:
        return False
    if class_of(last.attributes).tokens.isdisjoint(rules.BUTTON_TOKENS):
        last = _wrapped_link(last)  # "<p><a class='button'>Book online</a></p>"
        if last is None or class_of(last.attributes).tokens.isdisjoint(rules.BUTTON_TOKENS):
            return False
    links = [last] if last.tag == "a" else last.css("a[href]")
    if not any(not str(a.attributes.get("href") or "#").startswith("#") for a in links):
        return False
    return len(box.text(deep=True)) <= rules.CTA_BOX_MAX_CHARS


def _wrapped_link(element: Node) -> Node | None:
    """The one link an element holds and nothing else (a paragraph around a button), or None."""
    child = element.first_child
    found = None
    while child is not None:
        tag = child.tag
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif tag and tag[0] != "-":
            if found is not None or tag != "a":
                return None
            found = child
        child = child.next
    return found


def _control_by_class(attrs: dict[str, Any]) -> bool:
    """A toggle's or accordion's title by its class (see rules.COLLAPSED_CONTROL_KINDS)."""
    tokens = class_of(attrs).tokens
    return not tokens.isdisjoint(rules.COLLAPSED_CONTROL_KINDS) and not tokens.isdisjoint(
        rules.COLLAPSED_CONTROL_PARTS
    )


def _is_guarded(node: Node, is_small: Callable[[int], bool]) -> bool:
    """A candidate that holds much of the page's unlinked text is a wrapper, not furniture.
    `is_small(n)` tells whether n characters are under GUARD_TEXT_SHARE of the page's text;
    a candidate without text is never guarded, and needs no page text."""
    text_len = len(node.text(skip_empty=True))
    if text_len == 0 or is_small(text_len):
        return False
    link_len = sum(len(a.text(skip_empty=True)) for a in node.css("a"))
    return link_len < 0.3 * text_len


# The tags `JunkJudge.kind_of` may call furniture when the element has no attributes.
TAG_JUDGED = rules.DROP_TAGS | rules.AD_TAGS | rules.NAVIGATION_TAGS


class JunkJudge:
    """Decides, element by element, whether an element is page furniture, and counts what it
    judged so by kind. The block walker asks it before descending into an element.
    `paragraphs` (elements under `root`, as the survey finds them) only save work."""

    def __init__(
        self,
        options: RemovalOptions,
        root: Node,
        paragraphs: Sequence[Node] = (),
        other_articles: frozenset[int] = frozenset(),
    ) -> None:
        self.options = options
        self._root = root
        self._paragraphs = paragraphs[:FLOOR_PARAGRAPHS]
        self._page_chars: int | None = None
        self._others = other_articles
        self.counts: Counter[str] = Counter()

    @property
    def page_chars(self) -> int:
        if self._page_chars is None:
            self._page_chars = len(self._root.text(skip_empty=True))
        return self._page_chars

    def _is_small(self, text_len: int) -> bool:
        """text_len < GUARD_TEXT_SHARE * page_chars, decided when it can be by one of the
        first paragraphs under the root. Why: the page's text costs about as much as a tenth
        of the walk, and a paragraph's text is part of it, so a paragraph long enough proves
        the answer (most guarded candidates hold a few words)."""
        if self._page_chars is None:
            for paragraph in self._paragraphs:
                if GUARD_TEXT_SHARE * len(paragraph.text(skip_empty=True)) > text_len:
                    return True
        return text_len < GUARD_TEXT_SHARE * self.page_chars

    def kind_of(self, node: Node, tag: str, attrs: dict[str, Any] | None = None) -> str | None:
        """The removal kind of `node`, or None to keep it and look inside. Pass `attrs` when
        the caller already has them."""
        if tag == "article" and self._others and node.mem_id in self._others:
            return "clickbait"  # another article the page shows below its own
        if attrs is None:
            attrs = attributes(node)
        if tag in rules.DROP_TAGS and (tag != "button" or "aria-expanded" not in attrs):
            return "other"
        if tag in rules.AD_TAGS:
            return "ads"
        if tag == "table" and _shop_table(node):
            return "other"
        if not attrs or rules.INERT_ATTRIBUTES.issuperset(attrs):
            return "navigation" if tag in rules.NAVIGATION_TAGS and self._unguarded(node) else None
        if attrs.get(rules.BUILDER_CHROME_ATTRIBUTE) in rules.BUILDER_CHROME_TYPES:
            return "navigation"
        if tag in HEADING_TAGS and _id_from_text(attrs.get("id"), node):
            attrs = {key: value for key, value in attrs.items() if key != "id"}
        hidden, token = _verdict(attrs)
        if (hidden or is_hidden(attrs)) and not collapsed_panel(node, attrs):
            return "other"
        if not _AD_ATTRIBUTES.isdisjoint(attrs):
            return "ads"
        if not _CLICKBAIT_ATTRIBUTES.isdisjoint(attrs):
            return "clickbait"
        if tag in _KEEP_TAGS or attrs.get("itemprop") == "articleBody":
            return None
        role = attrs.get("role")
        if (tag in rules.NAVIGATION_TAGS or role in rules.NAVIGATION_ROLES) and self._unguarded(
            node
        ):
            return "navigation"
        if (role in rules.DIALOG_ROLES or role in rules.NOTE_ROLES) and self._unguarded(node):
            return "other"
        if (
            token is not None
            and self.options.strict
            and (reader_text(attrs) or self._unguarded(node))
        ):
            return token
        if tag in _BOX_TAGS and self.options.strict and _call_to_action(node):
            return "other"
        return None

    def skips_container(self, node: Node) -> bool:
        """True (and counted) when a main-content container is another article's (a sibling
        that joined the page's own)."""
        if node.tag == "article" and self._others and node.mem_id in self._others:
            self.counts["clickbait"] += 1
            return True
        return False

    def skip(self, node: Node, tag: str, attrs: dict[str, Any] | None = None) -> bool:
        """True (and counted) when the element is furniture."""
        kind = self.kind_of(node, tag, attrs)
        if kind is None:
            return False
        self.counts[kind] += 1
        return True

    def _unguarded(self, node: Node) -> bool:
        return not _is_guarded(node, self._is_small)


def prune(tree: LexborHTMLParser) -> None:
    """Strip, in C, the head and the code elements that hold text (scripts, styles, SVG,
    templates, noscript fallbacks): they never carry article text and would count in text
    lengths; but a <noscript> that holds the article itself is read. Everything else is
    judged by `JunkJudge` during the walk."""
    head = tree.head
    if head is not None:
        head.decompose()
    tree.strip_tags([t for t in rules.PRUNED_TAGS if t != "noscript"], recursive=True)
    _unwrap_noscript_article(tree)
    tree.strip_tags(["noscript"], recursive=True)


def _unwrap_noscript_article(tree: LexborHTMLParser) -> None:
    """A <noscript> that holds the article (an app shell's page for readers without
    JavaScript: headings, paragraphs, lists) while the rest of the page holds less text is
    read as the page; any other <noscript> (a "turn on JavaScript" notice, a tracking pixel)
    is stripped."""
    body = tree.body
    noscripts = body.css("noscript") if body is not None else []
    if body is None or not noscripts:
        return
    sizes = [len(n.text(deep=True).strip()) for n in noscripts]
    if max(sizes) < rules.NOSCRIPT_ARTICLE_MIN_CHARS:  # most pages: pixels and notices
        return
    outside = len(body.text(deep=True).strip()) - sum(sizes)
    for node, size in zip(noscripts, sizes, strict=True):
        if (
            size >= rules.NOSCRIPT_ARTICLE_MIN_CHARS
            and size > outside
            and node.css_first("p, h1, h2, h3, li") is not None
        ):
            node.unwrap()
