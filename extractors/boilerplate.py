"""Boilerplate removal: drops code, hidden elements, ads, widgets and page furniture from a parsed
page and counts what it removed, by kind.

Works on a tree the caller owns (it decomposes nodes in place); `clean_html` gives it a fresh
parse of its own input, so callers' data is never changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from extractors.dom import Node, attributes, class_tokens, class_words, is_hidden
from extractors.rules import boilerplate as rules
from extractors.rules.thresholds import GUARD_TEXT_SHARE, MAX_DEPTH

_AD_CSS = ", ".join(rules.AD_SELECTORS)
_CLICKBAIT_CSS = ", ".join(rules.CLICKBAIT_SELECTORS)
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})


@dataclass(frozen=True)
class RemovalOptions:
    """How hard the removal pass goes; `strict=False` keeps token-matched elements."""

    strict: bool = True


def _whole_words(words: list[str]) -> set[str]:
    """Class words as written and with `_`/`-` unified or dropped ("article_body" ->
    "article-body", "articlebody"), for the content guard, which parts must not trigger."""
    out = set(words)
    for word in words:
        out.add(word.replace("_", "-").replace("--", "-"))
        out.add(word.replace("_", "").replace("-", ""))
    return out


def _token_kind(tokens: set[str], words: list[str]) -> str | None:
    if _whole_words(words) & rules.CONTENT_TOKENS:
        return None
    if tokens & rules.AD_TOKENS:
        return "ads"
    if tokens & rules.CLICKBAIT_TOKENS:
        return "clickbait"
    if tokens & rules.NAVIGATION_TOKENS:
        return "navigation"
    if tokens & rules.OTHER_TOKENS:
        return "other"
    for token in tokens:
        for stem, kind in rules.TOKEN_STEMS:
            if token.startswith(stem):
                return kind
    return None


def _is_guarded(node: Node, page_chars: int) -> bool:
    """A candidate that holds much of the page's unlinked text is a wrapper, not furniture."""
    if page_chars <= 0:
        return False
    text_len = len(node.text(strip=True))
    if text_len < GUARD_TEXT_SHARE * page_chars:
        return False
    link_len = sum(len(a.text(strip=True)) for a in node.css("a"))
    return link_len < 0.3 * text_len


class _Remover:
    def __init__(self, options: RemovalOptions, page_chars: int) -> None:
        self.options = options
        self.page_chars = page_chars
        self.doomed: list[Node] = []
        self.counts: Counter[str] = Counter()

    def kind_of(self, node: Node, tag: str) -> str | None:
        if tag in rules.DROP_TAGS:
            return "other"
        attrs = attributes(node)
        if not attrs:
            return "navigation" if tag in rules.NAVIGATION_TAGS and self._unguarded(node) else None
        words = class_words(attrs)
        if is_hidden(attrs) or rules.HIDDEN_CLASSES.intersection(words):
            return "other"
        if tag in _KEEP_TAGS or attrs.get("itemprop") == "articleBody":
            return None
        role = attrs.get("role")
        if (tag in rules.NAVIGATION_TAGS or role in rules.NAVIGATION_ROLES) and self._unguarded(
            node
        ):
            return "navigation"
        if not self.options.strict or not words:
            return None
        kind = _token_kind(class_tokens(words), words)
        if kind is not None and self._unguarded(node):
            return kind
        return None

    def _unguarded(self, node: Node) -> bool:
        return not _is_guarded(node, self.page_chars)

    def walk(self, node: Node, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            return
        child = node.child
        while child is not None:
            tag = child.tag
            if tag is not None and tag[0] != "-":
                kind = self.kind_of(child, tag)
                if kind is None:
                    self.walk(child, depth + 1)
                else:
                    self.doomed.append(child)
                    self.counts[kind] += 1
            child = child.next


def _outermost(nodes: list[Node]) -> list[Node]:
    """Drop nodes nested in another node of the list (decomposing a parent frees them)."""
    ids = {n.mem_id for n in nodes}
    kept = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def remove_boilerplate(root: Node, options: RemovalOptions) -> Counter[str]:
    """Decompose boilerplate under `root`; return counts by kind (ads, clickbait, navigation,
    other)."""
    counts: Counter[str] = Counter()
    for css, kind in ((_AD_CSS, "ads"), (_CLICKBAIT_CSS, "clickbait")):
        for node in _outermost(root.css(css)):
            counts[kind] += 1
            node.decompose()
    remover = _Remover(options, len(root.text(strip=True)))
    remover.walk(root)
    for node in remover.doomed:
        node.decompose()
    counts.update(remover.counts)
    return counts
