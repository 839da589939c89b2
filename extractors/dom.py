"""Small helpers over selectolax nodes: parsing, class/id tokens, hidden elements.

No rules live here; they come from `extractors.rules`.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode

_TOKEN_SPLIT = re.compile(r"[-_:\s]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def parse_html(text: str) -> LexborHTMLParser:
    """Parse an HTML document (lexbor); never raises on malformed markup."""
    return LexborHTMLParser(text)


def attributes(node: Node) -> dict[str, Any]:
    """The node's attributes (values may be None for bare attributes)."""
    attrs: dict[str, Any] = node.attributes
    return attrs


def class_words(attrs: dict[str, Any]) -> list[str]:
    """Lowercased class names and id of an element, as whole words."""
    words: list[str] = []
    for key in ("class", "id"):
        value = attrs.get(key)
        if value:
            words.extend(_CAMEL.sub("-", value).lower().split())
    return words


def class_tokens(words: list[str]) -> set[str]:
    """Whole words, their `-`/`_` parts, and each word with separators removed."""
    tokens: set[str] = set()
    for word in words:
        tokens.add(word)
        parts = [p for p in _TOKEN_SPLIT.split(word) if p]
        tokens.update(parts)
        if len(parts) > 1:
            tokens.add("".join(parts))
            tokens.update("-".join(parts[i : i + 2]) for i in range(len(parts) - 1))
    return tokens


def is_hidden(attrs: dict[str, Any]) -> bool:
    """True for elements the page hides from every reader."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def link_text_length(node: Node) -> int:
    """Characters of text inside the node's links."""
    return sum(len(a.text(strip=True)) for a in node.css("a"))
