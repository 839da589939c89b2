"""Rules as data: every selector parses, every pattern compiles, no group empty or repeated."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors.rules import boilerplate, phrases, sections
from extractors.text import strip_number

SELECTOR_GROUPS = {
    "AD_SELECTORS": boilerplate.AD_SELECTORS,
    "CLICKBAIT_SELECTORS": boilerplate.CLICKBAIT_SELECTORS,
}
TOKEN_GROUPS = {
    "AD_TOKENS": boilerplate.AD_TOKENS,
    "CLICKBAIT_TOKENS": boilerplate.CLICKBAIT_TOKENS,
    "NAVIGATION_TOKENS": boilerplate.NAVIGATION_TOKENS,
    "OTHER_TOKENS": boilerplate.OTHER_TOKENS,
    "CONTENT_TOKENS": boilerplate.CONTENT_TOKENS,
}
PHRASE_GROUPS = {
    name: getattr(phrases, name)
    for name in (
        "AD_LABELS",
        "CONTINUE_PROMPTS",
        "NEXT_PAGE_PHRASES",
        "NEXT_ARTICLE_PHRASES",
        "INLINE_BOILERPLATE",
        "COOKIE_PHRASES",
    )
}


@pytest.mark.parametrize("name", sorted(SELECTOR_GROUPS))
def test_selectors_parse_and_are_unique(name: str) -> None:
    group = SELECTOR_GROUPS[name]
    assert group
    assert len(set(group)) == len(group)
    tree = LexborHTMLParser("<div></div>")
    for selector in group:
        tree.css(selector)


def test_token_groups_are_not_empty_and_removal_groups_are_disjoint() -> None:
    assert all(TOKEN_GROUPS.values())
    removal = ["AD_TOKENS", "CLICKBAIT_TOKENS", "NAVIGATION_TOKENS", "OTHER_TOKENS"]
    for i, a in enumerate(removal):
        for b in removal[i + 1 :]:
            assert not TOKEN_GROUPS[a] & TOKEN_GROUPS[b], (a, b)
    assert not boilerplate.CONTENT_TOKENS & boilerplate.NEGATIVE_TOKENS


@pytest.mark.parametrize("name", sorted(PHRASE_GROUPS))
def test_phrase_patterns_compile_and_are_unique(name: str) -> None:
    group = PHRASE_GROUPS[name]
    assert group
    assert len(set(group)) == len(group)
    for pattern in group:
        re.compile(pattern)


def test_section_rules_cover_every_kind_once() -> None:
    from schemas import SECTION_KINDS

    kinds = [k for k, _ in sections.SECTION_HEADINGS]
    assert sorted(kinds) == sorted(SECTION_KINDS)
    assert len(set(kinds)) == len(kinds)
    for _, patterns in sections.SECTION_HEADINGS + sections.LIST_LEAD_INS:
        assert patterns
        assert len(set(patterns)) == len(patterns)
        for pattern in patterns:
            re.compile(pattern)


def test_number_prefix_rule() -> None:
    assert strip_number("3. Poor Circulation") == ("Poor Circulation", 3)
