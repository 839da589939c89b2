"""Small helpers over selectolax nodes: parsing, class/id tokens, hidden elements.

No rules live here; they come from `extractors.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from extractors.text import trie_pattern

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


class ClassInfo(NamedTuple):
    """What the rules see of an element's class and id attributes. (A named tuple: built on
    every class string a page brings, and a frozen dataclass costs four times as much.)"""

    words: tuple[str, ...]
    """Lowercased class names and id, camelCase split with `-` ("AdSlot" -> "ad-slot")."""
    tokens: frozenset[str]
    """Words, their `-`/`_` parts, adjacent part pairs, and words with separators removed."""
    whole: frozenset[str]
    """Words as written, with `_` unified to `-`, and with separators removed."""


NO_CLASS = ClassInfo((), frozenset(), frozenset())

HEADING_TAGS = {f"h{i}": i for i in range(1, 7)}
"""Heading tags and their levels."""


@lru_cache(maxsize=16384)
def class_info(class_value: str, id_value: str) -> ClassInfo:
    """Tokens of a class/id pair. Pure; memoised because pages repeat the same class strings
    hundreds of times (the cache only saves work, it never changes an answer)."""
    words: list[str] = []
    for value in (class_value, id_value):
        if value:
            lowered = value.lower()
            # camelCase split only where there is a capital to split at.
            words.extend((_CAMEL.sub("-", value).lower() if lowered != value else value).split())
    if not words:
        return NO_CLASS
    # Lists, frozen once at the end: cheaper than growing sets.
    tokens = words[:]
    whole = words[:]
    for word in words:
        # str.split for the common dash-only word; the regex for `_` and `:` (words hold no
        # white space); a word without separators is its own only part.
        if "_" in word or ":" in word:
            parts = [p for p in _TOKEN_SPLIT.split(word) if p]
        elif "-" in word:
            parts = word.split("-")
            if "" in parts:
                parts = [p for p in parts if p]
        else:
            continue
        joined, dashed = "".join(parts), "-".join(parts)
        tokens += parts
        if len(parts) == 2:
            tokens.append(joined)
            tokens.append(dashed)  # the one adjacent pair
        elif len(parts) > 2:
            tokens.append(joined)
            tokens += map("-".join, pairwise(parts))
        whole.append(dashed)
        whole.append(joined)
    return ClassInfo(tuple(words), frozenset(tokens), frozenset(whole))


def token_gate(tokens: Iterable[str]) -> Callable[[str, str], bool]:
    """A cheap test of a class/id pair that is False only when `class_info` could give none of
    `tokens`, nor a token starting with one (a stem). Why it holds: every token is a run of a
    word's parts, so without separators it is a substring of the lowercased pair without
    separators. Most pairs fail it and need no tokenising."""
    stripped = {_strip_separators(token.lower()) for token in tokens}
    search = re.compile(trie_pattern({t for t in stripped if t})).search

    def may_hold(class_value: str, id_value: str) -> bool:
        return search(_strip_separators(f"{class_value} {id_value}".lower())) is not None

    return may_hold


def _strip_separators(text: str) -> str:
    # The separators of _TOKEN_SPLIT, with C-level string calls (twice as fast as the regex).
    return "".join(text.split()).replace("-", "").replace("_", "").replace(":", "")


def class_strings(attrs: dict[str, Any]) -> tuple[str, str] | None:
    """An element's (class, id) attribute strings, or None when it has neither (the key of
    the memoised class rules)."""
    cls, ident = attrs.get("class"), attrs.get("id")
    if not cls and not ident:
        return None
    return (cls if isinstance(cls, str) else "", ident if isinstance(ident, str) else "")


def class_of(attrs: dict[str, Any]) -> ClassInfo:
    """ClassInfo of an element from its attribute dict."""
    strings = class_strings(attrs)
    return class_info(*strings) if strings is not None else NO_CLASS


def is_hidden(attrs: dict[str, Any]) -> bool:
    """True for elements the page hides from every reader."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    if not isinstance(style, str):
        return False
    # A substring gate first: a case-insensitive regex search tries every position of a style.
    low = style.lower()
    return ("none" in low or "hidden" in low) and _HIDDEN_STYLE.search(low) is not None
