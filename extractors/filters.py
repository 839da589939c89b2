"""Block filters: drop ad labels, continue-reading prompts, cross-link and share lines, cookie
notices and link widgets that survived element removal, counting each by kind."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from extractors.blocks import Block
from extractors.rules.phrases import AUTHOR_BIO_VERBS, CROSS_LINK_TAIL
from extractors.rules.thresholds import (
    MAX_LABEL_CHARS,
    MAX_LINK_DENSITY,
    MAX_LINK_LINE_CHARS,
    MAX_SYMBOL_CHARS,
)
from extractors.text import (
    AD_LABEL,
    CONTINUE_PROMPT,
    COOKIE_TEXT,
    INLINE_BOILERPLATE,
    INLINE_KINDS,
    PROMPT_GATE,
    is_full_match,
    normalize_key,
)

_CROSS_LINK_TAIL = re.compile(CROSS_LINK_TAIL, re.IGNORECASE)


def block_junk_kind(block: Block) -> str | None:
    """The removal kind of a block that is not article text, or None to keep it."""
    text = block.text
    if block.kind == "list":
        return "clickbait" if block.link_density > MAX_LINK_DENSITY else None
    if block.kind == "pre":
        return None
    size = len(text)
    if (
        size <= MAX_SYMBOL_CHARS
        and block.kind == "paragraph"
        and not text.isascii()
        and not any(map(str.isalnum, text))
    ):
        return "other"  # an emoji or ornament alone ("💡" of a callout box, "❦")
    lowered = None
    if size <= MAX_LABEL_CHARS:
        lowered = normalize_key(text)
        key = lowered.lstrip("\u00a1\u00bf")
        if is_full_match(AD_LABEL, key):
            return "ads"
        if PROMPT_GATE.search(key) and is_full_match(CONTINUE_PROMPT, key):
            return "prompts"
        if is_full_match(INLINE_BOILERPLATE, key):
            return next(kind for kind, pattern in INLINE_KINDS if is_full_match(pattern, key))
    if size <= MAX_LINK_LINE_CHARS and block.link_chars > MAX_LINK_DENSITY * size:
        return "clickbait"
    if size > 600:
        return None
    # The label key is the lowered text when it is ASCII (NFKC could change other text).
    probe = lowered if lowered is not None and text.isascii() else text.lower()
    if "cookie" in probe and is_full_match(COOKIE_TEXT, lowered or normalize_key(text)):
        return "other"
    return None


def is_author_bio(block: Block, authors: tuple[str, ...]) -> bool:
    """A paragraph that introduces one of the page's authors ("Kelly Brennan is a ...")."""
    if block.kind != "paragraph" or len(block.text) > 600:
        return False
    return block.text.startswith(_bio_openings(authors))


@lru_cache(maxsize=256)
def _bio_openings(authors: tuple[str, ...]) -> tuple[str, ...]:
    """What a bio of one of the authors starts with ("Kelly Brennan is "), built once for the
    page's blocks: one C-level startswith over them all."""
    return tuple(name + verb for name in authors if len(name) > 3 for verb in AUTHOR_BIO_VERBS)


def filter_blocks(blocks: list[Block]) -> tuple[list[Block], Counter[str]]:
    """Split blocks into those kept and counts of those dropped, by kind. A cross-link that
    ends a kept paragraph is cut from it (counted as clickbait)."""
    kept: list[Block] = []
    dropped: Counter[str] = Counter()
    for block in blocks:
        kind = block_junk_kind(block)
        if kind is not None:
            dropped[kind] += 1
            continue
        if block.kind == "paragraph" and (
            "\n" in block.text or (len(block.text) <= 200 and _LINE_PARTS.search(block.text))
        ):
            lines = [line for line in block.text.split("\n") if not _is_tool_line(line)]
            if not lines:
                dropped["navigation"] += 1
                continue
            if len(lines) < block.text.count("\n") + 1:
                block = replace(block, text="\n".join(lines))
                dropped["navigation"] += 1
        if block.kind == "paragraph" and block.link_chars and (tail := _cross_link_tail(block)):
            block = replace(
                block,
                text=block.text[: -len(tail)].rstrip(),
                link_chars=max(0, block.link_chars - len(tail)),
            )
            dropped["clickbait"] += 1
        kept.append(block)
    return kept, dropped


_LINE_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _is_tool_line(line: str) -> bool:
    """A line of a paragraph (a <br> line) that is page furniture, or made only of furniture
    parts ("Posted 2026-01-12 by A | Printer friendly version | Email this page to a friend",
    "« Previous | Page 2 of 2"). Why: old templates put the byline, the page tools and the
    pager in the article's own paragraph, one <br> line each."""
    parts = [normalize_key(part) for part in _LINE_PARTS.split(line.strip())]
    return all(
        part and len(part) <= MAX_LABEL_CHARS and is_full_match(INLINE_BOILERPLATE, part)
        for part in parts
    )


def _cross_link_tail(block: Block) -> str | None:
    """The cross-link ending the paragraph, when most of it is link text."""
    match = _CROSS_LINK_TAIL.search(block.text)
    if match is None or block.link_chars < len(match.group()) / 2:
        return None
    return match.group()
