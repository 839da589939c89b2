"""Hypothesis strategies for HTML: generated trees of real and junk markup, and mutations of the
project's own fixture pages. Shared by tests/test_fuzz.py and bench/fuzz.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

TAGS = (
    "div",
    "p",
    "span",
    "a",
    "b",
    "strong",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "article",
    "main",
    "section",
    "aside",
    "nav",
    "header",
    "footer",
    "script",
    "style",
    "iframe",
    "ins",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "button",
    "br",
    "img",
    "pre",
    "blockquote",
    "figure",
    "figcaption",
    "form",
    "input",
    "svg",
    "noscript",
    "font",
    "center",
    "amp-ad",
    "x-custom",
)
CLASSES = (
    "entry-content",
    "ad",
    "adsbygoogle",
    "sidebar",
    "related",
    "share",
    "comments",
    "article-body",
    "widget",
    "newsletter",
    "cookie",
    "OUTBRAIN",
    "trc_related_container",
    "section-title",
    "hidden",
    "post",
    "content",
    "nav",
    "footer",
    "css-1x2y3z",
    "",
)
WORDS = (
    "Dehydration",
    "causes",
    "cramps",
    "Risk factors include:",
    "Signs include:",
    "NEXT 》",
    "ADVERTISEMENT",
    "Continue reading",
    "See a doctor if:",
    "1. Muscle",
    "¿Qué causa?",
    "&lt;script&gt;",
    "&amp;",
    "\u200b",
    "é",
    "日本語",
    "😀",
    "<",
    ">",
    '"',
    "'",
    "?",
    ":",
)
FIXTURES = Path(__file__).parent / "fixtures"


def _text() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS) | st.text(max_size=20), max_size=12).map(" ".join)


@st.composite
def element(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = ""
    if draw(st.booleans()):
        attrs += f' class="{draw(st.sampled_from(CLASSES))} {draw(st.sampled_from(CLASSES))}"'
    if draw(st.integers(0, 9)) == 0:
        attrs += f' style="{draw(st.sampled_from(["display:none", "font-weight:700;font-size:20px", "x"]))}"'
    if tag == "a":
        attrs += f' href="{draw(st.sampled_from(["/a/2/", "?page=2", "javascript:x", "#", "http://[::1", ""]))}"'
    children: list[str] = []
    if depth < 6:
        for _ in range(draw(st.integers(0, 4))):
            children.append(draw(element(depth + 1)) if draw(st.booleans()) else draw(_text()))
    close = "" if draw(st.integers(0, 7)) == 0 else f"</{tag}>"  # sometimes unclosed
    return f"<{tag}{attrs}>{''.join(children)}{close}"


@st.composite
def generated_page(draw: st.DrawFn) -> str:
    head = draw(
        st.sampled_from(
            [
                "",
                "<meta charset='utf-8'>",
                "<link rel='next' href='/x/2/'>",
                '<script type=\'application/ld+json\'>{"@type": ["Article"</script>',
            ]
        )
    )
    body = "".join(draw(st.lists(element(), max_size=6)))
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


@lru_cache(maxsize=1)
def fixture_pages() -> list[bytes]:
    pages = sorted(FIXTURES.glob("handmade/*/p*.html")) + sorted(
        FIXTURES.glob("cleaning/*/page.html")
    )
    return [p.read_bytes() for p in pages]


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    pages = fixture_pages()
    data = bytearray(pages[draw(st.integers(0, len(pages) - 1))])
    for _ in range(draw(st.integers(1, 5))):
        if not data:
            break
        start = draw(st.integers(0, len(data) - 1))
        end = min(len(data), start + draw(st.integers(0, 400)))
        operation = draw(st.sampled_from(["delete", "duplicate", "insert", "truncate", "flip"]))
        if operation == "delete":
            del data[start:end]
        elif operation == "duplicate":
            data[start:start] = data[start:end] * draw(st.integers(1, 3))
        elif operation == "insert":
            data[start:start] = draw(st.binary(max_size=40))
        elif operation == "truncate":
            del data[start:]
        else:
            data[start] ^= 0xFF
    return bytes(data)
