"""Text helpers shared by the extractors: white-space folding, phrase matching, number prefixes.

The phrase tables of `extractors.rules.phrases` are compiled here, once.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from extractors.rules import phrases, sections

_ZERO_WIDTH_CHARS = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_ZERO_WIDTH = re.compile(f"[{''.join(_ZERO_WIDTH_CHARS)}]")


# A typed bullet (see rules.sections.ITEM_BULLET_GLYPHS), as a regex; a list item's own leading
# bullet of the glyphs that are never text is cut from the item.
BULLET_GLYPHS = (
    f"(?:[{re.escape(sections.TEXT_BULLET_GLYPHS + sections.ITEM_BULLET_GLYPHS)}][\ufe0e\ufe0f]?)"
)
_ITEM_BULLET = re.compile(f"^[{sections.ITEM_BULLET_GLYPHS}][\ufe0e\ufe0f]?\\s+")


def strip_item_bullet(text: str) -> str:
    """A list item's text without the bullet glyph typed before it ("• Dry skin")."""
    return _ITEM_BULLET.sub("", text)


# Markup that escaped into text ("&lt;script&gt;" in a page is text "<script>"): records hold
# text only, so anything shaped like a tag or comment is dropped.
_TAG_LIKE = re.compile(r"<!--.*?-->|</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)


def strip_markup(text: str) -> str:
    """Drop tag-like markup from text that keeps its own white space (preformatted text)."""
    return _TAG_LIKE.sub(" ", text) if "<" in text else text


_ZW1, _ZW2, _ZW3, _ZW4, _ZW5, _ZW6 = _ZERO_WIDTH_CHARS


def _has_zero_width(text: str) -> bool:
    # Chained substring tests: twice as fast as _ZERO_WIDTH.search (or any()) on block text.
    return (
        _ZW1 in text or _ZW2 in text or _ZW3 in text or _ZW4 in text or _ZW5 in text or _ZW6 in text
    )


def _is_folded(text: str) -> bool:
    """True when `" ".join(text.split())` would give `text` back. Why: most text comes folded
    already, and isprintable() is a quarter of the cost of splitting: it is False for every
    white space but the space (and for zero-width characters and soft hyphens). The cheaper
    tests go first."""
    return "  " not in text and text[:1] != " " and text[-1:] != " " and text.isprintable()


def fold_space(text: str) -> str:
    """Collapse runs of white space (and no-break spaces) to one space and trim; drop
    zero-width characters, soft hyphens and tag-like markup."""
    if _is_folded(text) and "<" not in text:
        return text
    if not text.isascii() and _has_zero_width(text):
        text = _ZERO_WIDTH.sub("", text)
    if "<" in text:
        text = _TAG_LIKE.sub(" ", text)
    return " ".join(text.split())


def normalize_key(text: str) -> str:
    """Lowercased, space-folded text for rule matching and duplicate detection."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.lower() if _is_folded(text) else " ".join(text.split()).lower()


_ESCAPE = re.compile(r"\\.")


def trie_pattern(words: set[str]) -> str:
    """A regex that finds any of `words` (and so any longer word one of them starts), written as
    a trie: the engine rejects a position on its first character instead of trying every word
    there (1.6 -> 1.1 us a search over short lines, for the prompt keywords)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        if "" in node:  # a word ends here: what follows does not matter to a substring test
            return ""
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(trie)


# What a pattern's source holds that is not a group opening: escapes and character classes
# (a `]` first in a class is literal); else a bare `(`, which opens a capturing group.
_GROUP_OPEN = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?!\?)")


def _without_captures(pattern: str) -> str:
    """The pattern with its capturing groups made non-capturing (it matches the same texts;
    a backreference would now fail to compile)."""
    return _GROUP_OPEN.sub(lambda m: "(?:" if m.group() == "(" else m.group(), pattern)


def compile_full(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that matches a whole normalised text (`normalize_key`: lowercased) against any
    of the patterns. The patterns are written in lower case, so the regex is case-sensitive:
    IGNORECASE would make every alternative slower to reject. Only whether a text matches is
    read, so groups capture nothing. Why: the engine saves and restores the marks of capturing
    groups on every branch it tries; without them a full match of the in-article boilerplate
    lines costs half as much."""
    upper = [p for p in patterns if (bare := _ESCAPE.sub("", p)) != bare.lower()]
    if upper:
        raise ValueError(f"phrase patterns must be written in lower case: {upper[0]!r}")
    return re.compile("|".join(f"(?:{_without_captures(p)})" for p in patterns), re.DOTALL)


AD_LABEL = compile_full(phrases.AD_LABELS)
CONTINUE_PROMPT = compile_full(phrases.CONTINUE_PROMPTS)
NEXT_PAGE_TEXT = compile_full(phrases.NEXT_PAGE_PHRASES)
NEXT_ARTICLE_TEXT = compile_full(phrases.NEXT_ARTICLE_PHRASES)
READ_MORE_TEXT = compile_full(phrases.READ_MORE_PHRASES)
NOT_ARTICLE_TITLE = compile_full(phrases.NOT_ARTICLE_TITLES)
ISSUE_TITLE = compile_full(phrases.ISSUE_TITLES)
SIGN_IN_WALL = compile_full(phrases.SIGN_IN_WALLS)
INLINE_BOILERPLATE = compile_full(phrases.INLINE_BOILERPLATE)
INLINE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("clickbait", compile_full(phrases.INLINE_CLICKBAIT)),
    ("navigation", compile_full(phrases.INLINE_NAVIGATION)),
    ("other", compile_full(phrases.INLINE_OTHER)),
)
COOKIE_TEXT = compile_full(phrases.COOKIE_PHRASES)
PROMPT_GATE = re.compile(trie_pattern(set(phrases.PROMPT_KEYWORDS)))
NUMBER_PREFIX = re.compile(sections.NUMBER_PREFIX, re.IGNORECASE)


def is_full_match(pattern: re.Pattern[str], text: str) -> bool:
    """True when the pattern matches the whole normalised text."""
    return pattern.fullmatch(text) is not None


def strip_number(text: str) -> tuple[str, int | None]:
    """Split a leading number form off a heading: ("1. Dehydration") -> ("Dehydration", 1)."""
    match = NUMBER_PREFIX.match(text)
    if match is None or match.end() >= len(text):
        return text.strip(), None
    number = match.group("a") or match.group("b") or match.group("c") or match.group("d")
    circled, chinese = match.group("e"), match.group("f")
    if chinese:
        value = _chinese_number(chinese)
        return (text[match.end() :].strip(), value) if value else (text.strip(), None)
    return text[match.end() :].strip(), int(unicodedata.numeric(circled) if circled else number)


def _chinese_number(numerals: str) -> int | None:
    """ "一" is 1, "十二" 12 (ten and two), "二十" 20 (two tens); None for other pairs."""
    digits = [int(unicodedata.numeric(c)) for c in numerals]
    if len(digits) == 1:
        return digits[0]
    if digits[0] == 10:
        return 10 + digits[1]
    return digits[0] * 10 if digits[1] == 10 else None
