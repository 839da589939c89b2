"""Rules as data: every selector parses, every pattern compiles, no group empty or repeated."""

from __future__ import annotations

import random
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from extractors import blocks
from extractors.blocks import Block
from extractors.boilerplate import class_verdict, token_kind
from extractors.dom import class_info
from extractors.filters import block_junk_kind
from extractors.rules import boilerplate, phrases, sections
from extractors.text import strip_number

MARKER_GROUPS = {
    "AD_TAGS": tuple(boilerplate.AD_TAGS),
    "AD_ATTRIBUTES": boilerplate.AD_ATTRIBUTES,
    "CLICKBAIT_ATTRIBUTES": boilerplate.CLICKBAIT_ATTRIBUTES,
    "CODE_TAGS": tuple(boilerplate.CODE_TAGS),
    "WIDGET_TAGS": tuple(boilerplate.WIDGET_TAGS),
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


@pytest.mark.parametrize("name", sorted(MARKER_GROUPS))
def test_markers_parse_as_selectors_and_are_unique(name: str) -> None:
    group = MARKER_GROUPS[name]
    assert group
    assert len(set(group)) == len(group)
    tree = LexborHTMLParser("<div></div>")
    for marker in group:
        tree.css(marker if name.endswith("TAGS") else f"[{marker}]")


def test_code_and_widget_tags_are_disjoint() -> None:
    assert not boilerplate.CODE_TAGS & boilerplate.WIDGET_TAGS


PROMPT_EXAMPLES = (
    "Continue reading by clicking the ( NEXT 》 ) button below !",
    "Please keep reading on the next page",
    "Continúa leyendo haciendo clic en el botón ( SIGUIENTE 》 ) de abajo",
    "Continuez la lecture en cliquant sur le bouton ( SUIVANT 》 ) ci-dessous",
    "Lesen Sie weiter, indem Sie unten auf ( WEITER 》 ) klicken",
    "Continue lendo clicando no botão ( PRÓXIMO 》 ) abaixo",
    "Read the rest of this article on the next page",
    "(Continuación)",
    "Page 2 of 3",
    "NEXT 》",
)


@pytest.mark.parametrize("prompt", PROMPT_EXAMPLES)
def test_prompt_gate_admits_every_prompt(prompt: str) -> None:
    from extractors.text import CONTINUE_PROMPT, PROMPT_GATE, normalize_key

    key = normalize_key(prompt)
    assert PROMPT_GATE.search(key)
    assert CONTINUE_PROMPT.fullmatch(key)


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


def test_compiled_phrases_capture_nothing_and_match_as_written() -> None:
    from extractors.text import compile_full

    assert (
        compile_full((r"[(]a(b)\(c\)[^]()](d|e)?",)).pattern == r"(?:[(]a(?:b)\(c\)[^]()](?:d|e)?)"
    )
    for group in PHRASE_GROUPS.values():
        compiled = compile_full(group)
        assert compiled.groups == 0
        written = [re.compile(pattern, re.DOTALL) for pattern in group]
        for text in ("advertisement", "read more: x", "page 2 of 3", "next »", "by a · b", "x"):
            expected = any(pattern.fullmatch(text) for pattern in written)
            assert (compiled.fullmatch(text) is not None) == expected


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


def _class_strings(count: int) -> list[tuple[str, str]]:
    """Class/id pairs glued from the rules' own tokens, other words and every separator."""
    rnd = random.Random(7)
    vocabulary = (
        boilerplate.AD_TOKENS
        | boilerplate.CLICKBAIT_TOKENS
        | boilerplate.NAVIGATION_TOKENS
        | boilerplate.OTHER_TOKENS
        | boilerplate.CONTENT_TOKENS
        | boilerplate.HIDDEN_CLASSES
        | {stem for stem, _ in boilerplate.TOKEN_STEMS}
        | blocks._ANY_HEADING_TOKENS
    )
    words = [*sorted(vocabulary), "x", "Box", "wrapH3", "AdSlot", "navBar", "sub", "\u0130", "h5"]

    def one() -> str:
        return "".join(
            rnd.choice(["", "-", "_", ":", " ", "--"]) + rnd.choice(words)
            for _ in range(rnd.randint(0, 4))
        )

    return [(one(), one() if rnd.random() < 0.3 else "") for _ in range(count)]


def test_token_gates_never_hide_a_token() -> None:
    """The gates skip tokenising class strings that cannot hold a rule token: with them, every
    class verdict is the same, and every class that names a heading is still read."""
    for class_value, id_value in _class_strings(20_000):
        info = class_info(class_value, id_value)
        expected = (not boilerplate.HIDDEN_CLASSES.isdisjoint(info.words), token_kind(info))
        assert class_verdict.__wrapped__(class_value, id_value) == expected
        heading = blocks._heading_info.__wrapped__(class_value, id_value)
        assert heading is None or heading == info
        if not info.tokens.isdisjoint(blocks._ANY_HEADING_TOKENS) or re.search(
            r"\bh[2-6]\b", " ".join(info.words)
        ):
            assert heading == info


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Share this with friends", True),
        ("Please share it with a friend today.", True),
        ("If this helped you, share this!", True),
        # "share " must start within 40 characters, after a non-word character.
        (f"{'x' * 39} share it", True),
        (f"{'x' * 40} share it", False),
        ("Sharing meals with friends helps recovery.", False),
        ("Doctors share this view about shin splints and rest.", False),
    ],
)
def test_share_calls(line: str, dropped: bool) -> None:
    assert (block_junk_kind(Block("paragraph", line)) == "navigation") is dropped
