"""Segmentation: the merged block stream -> an outline of sections with parents, paragraphs and
lists (each with its lead-in). Finds h1-h6 headings and pseudo-headings: bold-only paragraphs,
headings by class, style, dt/summary/accordion markup, numbered lines and stand-alone questions.
Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.blocks import Block
from extractors.classify import classify_heading
from extractors.rules.sections import (
    LEAD_IN_COLONS,
    MAX_RUN_IN_NAME,
    MIN_RUN_IN_TEXT,
    PSEUDO_HEADING_MAX_CHARS,
    QUESTION_HEADING_MAX_CHARS,
    STANDFIRST_MIN_WORDS,
)
from extractors.text import BULLET_GLYPHS, strip_number

# Ranks of pseudo-heading styles, highest first. Why: where a page uses several, FAQ/class
# headings sit above question lines, which sit above bold paragraphs.
PSEUDO_STYLES: tuple[str, ...] = ("hint", "question", "bold")
HINT_MAX_CHARS = 160  # Why: FAQ questions in summary/dt/button run longer than bold headings.
_GLYPHS = BULLET_GLYPHS
_BULLET = re.compile(rf"^\s*(?:{_GLYPHS}|\d{{1,2}}[.)])\s+")
_GLYPH_BULLET = re.compile(rf"^\s*{_GLYPHS}\s+")
_QUESTION_START = re.compile(
    r"^(\u00bf|\u00a1|(what|why|how|when|who|whom|which|where|can|could|is|are|am|do|does|did|"
    r"should|will|would|has|have|qu[ée]|por qu[ée]|c[óo]mo|cu[áa]ndo|cu[áa]l(es)?|cu[áa]nto|"
    r"qui[ée]n(es)?|d[óo]nde|es|puede|hay|existe|qu'|que|quel|quelle|quels|quelles|pourquoi|"
    r"comment|quand|qui|o[uù]|est-ce|peut|faut-il|was|warum|wieso|weshalb|wie|wann|wer|welche[rs]?|"
    r"woran|wodurch|kann|k[öo]nnen|muss|sollte|gibt|o que|por que|como|quando|quem|qual|quais|"
    r"onde|pode|existe|[ée])\b)",
    re.IGNORECASE,
)


@dataclass
class RawList:
    lead_in: str
    items: list[str]


class Caption(str):
    """A figure's caption among a section's paragraphs: part of the outline and the text, not
    of a definition or a summary (a caption describes a picture)."""

    __slots__ = ()


class RunIn(str):
    """A paragraph that opens with a bold name ("Dehydration. Not drinking enough..."): a
    named item, such as a cause, when its section names no items otherwise."""

    name: str
    rest: str

    @classmethod
    def of(cls, block: Block) -> str:
        """The block's text, as a RunIn when its bold opening is a name: ended by ".", ":" or
        a dash, followed by a sentence or more."""
        text = block.text
        if not block.lead_bold:
            return text
        name, rest = text[: block.lead_bold].strip(), text[block.lead_bold :].strip()
        if rest[:1] in (":", "\u2013", "\u2014", "-"):
            rest = rest[1:].strip()
        elif name[-1:] in (".", ":"):
            name = name[:-1].strip()
        else:
            return text
        if not 2 <= len(name) <= MAX_RUN_IN_NAME or len(rest) < MIN_RUN_IN_TEXT:
            return text
        found = cls(text)
        found.name, found.rest = name, rest
        return found


@dataclass
class RawSection:
    """A section as segmentation finds it, before classification."""

    heading: str
    level: int
    page: int
    number: int | None = None
    parent: RawSection | None = None
    content: list[str | RawList] = field(default_factory=list)
    children: list[RawSection] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [c for c in self.content if isinstance(c, str)]

    @property
    def lists(self) -> list[RawList]:
        return [c for c in self.content if isinstance(c, RawList)]


def _is_question(block: Block, strict: bool = True) -> bool:
    """A short one-sentence paragraph ending in "?"; `strict` also wants a question word first
    (a page with several such lines may phrase the others freely: "X, c'est quoi ?")."""
    text = block.text
    return (
        block.kind == "paragraph"
        and block.tag not in ("th", "td")  # a table's label ("Contagious? | Yes")
        and text.endswith("?")
        and len(text) <= QUESTION_HEADING_MAX_CHARS
        and "\n" not in text
        and ". " not in text[:-1]
        and (not strict or _QUESTION_START.match(text) is not None)
    )


def _pseudo_style(block: Block, following: Block | None, questions: bool) -> str | None:
    """Which pseudo-heading style a paragraph is in, or None for body text."""
    if block.kind != "paragraph" or "\n" in block.text or following is None:
        return None
    text = block.text
    if text.endswith(LEAD_IN_COLONS) and following.kind == "list":
        return None
    if block.hint and len(text) <= HINT_MAX_CHARS:
        return "hint"
    if block.bold and len(text) <= PSEUDO_HEADING_MAX_CHARS and not text.endswith(LEAD_IN_COLONS):
        words = len(text.split())
        if not (text.endswith(".") and words > 8) and block.link_density < 0.5:
            return "bold"
    if questions and _is_question(block, strict=False) and following.kind in ("paragraph", "list"):
        return "question" if not _is_question(following, strict=False) else None
    return None


def _split_inline_list(text: str) -> list[str | RawList]:
    """A paragraph whose lines are bullets ("- a", "• b") becomes an optional lead-in + list."""
    lines = text.split("\n")
    bullets = [i for i, line in enumerate(lines) if _BULLET.match(line)]
    if len(bullets) < 2 or bullets[-1] != len(lines) - 1:
        return [text]
    first = bullets[0]
    if any(i not in bullets for i in range(first, len(lines))):
        return [text]
    items = [_BULLET.sub("", line).strip() for line in lines[first:]]
    head = " ".join(lines[:first]).strip()
    if head.endswith(LEAD_IN_COLONS):
        return [RawList(head, items)]
    return ([head] if head else []) + [RawList("", items)]


class _Outline:
    def __init__(self) -> None:
        self.lead = RawSection("", 1, 1)
        self.sections: list[RawSection] = [self.lead]
        self.stack: list[RawSection] = []

    @property
    def current(self) -> RawSection:
        return self.stack[-1] if self.stack else self.lead

    def open(self, heading: str, level: int, page: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        _, number = strip_number(heading)
        section = RawSection(heading, level, page, number, parent)
        if parent is not None:
            parent.children.append(section)
        self.sections.append(section)
        self.stack.append(section)

    def add(self, block: Block, following: Block | None) -> bool:
        """Add a body block; True when it was a lead-in that took the next list."""
        target = self.current.content
        if block.kind == "caption":
            target.append(Caption(block.text))
            return False
        if block.kind == "list":
            target.append(RawList("", list(block.items)))
            return False
        if block.text.endswith(LEAD_IN_COLONS) and following is not None:
            if following.kind == "list":
                target.append(RawList(block.text, list(following.items)))
                return True
            bullets = _split_inline_list(following.text) if following.kind == "paragraph" else []
            if len(bullets) == 1 and isinstance(bullets[0], RawList) and not bullets[0].lead_in:
                target.append(RawList(block.text, bullets[0].items))
                return True
        if block.lead_bold and "\n" not in block.text:
            target.append(RunIn.of(block))
            return False
        target.extend(_split_inline_list(block.text))
        return False


def _pseudo_levels(styles: set[str], real_levels: list[int]) -> dict[str, int]:
    base = max((lv for lv in real_levels if lv >= 2), default=1) + 1
    ranked = [s for s in PSEUDO_STYLES if s in styles]
    return {style: base + rank for rank, style in enumerate(ranked)}


def _is_standfirst(block: Block) -> bool:
    """A heading element holding a whole sentence ("It stops you mid-stride, then fades as
    quickly as it came."): a standfirst or subtitle, read as a paragraph. Why: platforms mark
    a story's subtitle up as a heading, and as a heading it took the lead as its own."""
    text = block.text.rstrip()
    return (
        block.kind == "heading" and text.endswith(".") and len(text.split()) >= STANDFIRST_MIN_WORDS
    )


def _bullet_lines_as_lists(blocks: list[Block]) -> list[Block]:
    """Two or more paragraphs in a row, each one line that starts with a bullet glyph ("• Are
    over 40"), or each a list item with no list around it (an old page's bare <li>), are one
    list. Why: site builders without list markup type their bullets."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _is_bullet_line(blocks[j]) and blocks[j].page == blocks[i].page:
            j += 1
        if j - i < 2:
            out.append(blocks[i])
            i += 1
            continue
        items = tuple(_GLYPH_BULLET.sub("", b.text).strip() for b in blocks[i:j])
        out.append(replace(blocks[i], kind="list", text="\n".join(items), items=items, lead_bold=0))
        i = j
    return out


def _is_bullet_line(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and "\n" not in block.text
        and (block.tag == "li" or bool(_GLYPH_BULLET.match(block.text)))
    )


def segment(blocks: list[Block]) -> list[RawSection]:
    """The outline of the article: the lead (heading "", level 1) first, then every section."""
    blocks = [replace(b, kind="paragraph", level=0) if _is_standfirst(b) else b for b in blocks]
    blocks = _bullet_lines_as_lists(blocks)
    questions = sum(1 for b in blocks if _is_question(b)) >= 2
    nexts: list[Block | None] = [*blocks[1:], None]
    styles = [
        None if b.kind == "heading" else _pseudo_style(b, n, questions)
        for b, n in zip(blocks, nexts, strict=True)
    ]
    real_levels = [b.level for b in blocks if b.kind == "heading"]
    levels = _pseudo_levels({s for s in styles if s}, real_levels)
    outline = _Outline()
    last_plain_level = 1
    skip = False
    items = _NumberedItems()
    for block, following, style in zip(blocks, nexts, styles, strict=True):
        if skip:
            skip = False
            continue
        if block.kind == "heading" or style is not None:
            level = block.level if block.kind == "heading" else levels[str(style)]
            if style == "hint" and block.level:
                level = block.level
            number = strip_number(block.text)[1]
            if block.kind != "heading" and number is not None:
                level = last_plain_level + 1
            else:
                level = items.level_of(block.text, level, number)
                last_plain_level = level
            outline.open(block.text, level, block.page)
            continue
        skip = outline.add(block, following)
    return outline.sections


class _NumberedItems:
    """Numbered headings ("1. Not enough fibre", "2. ...") at the level of the causes heading
    before them ("Common causes", an <h2> like them) are its items, one level down. Why:
    listicles number their causes in headings of the section's own rank; the record's causes
    are the sub-sections of a causes section. The run starts at 1 and ends at the first
    heading of that level without a number."""

    def __init__(self) -> None:
        self.parent_level: int | None = None  # of a causes heading whose items may follow
        self.last = 0

    def level_of(self, text: str, level: int, number: int | None) -> int:
        if level == self.parent_level and number is not None and number == self.last + 1:
            self.last = number
            return level + 1
        if level <= (self.parent_level or level):
            self.parent_level, self.last = None, 0
        if number is None and classify_heading(text) == "causes":
            self.parent_level, self.last = level, 0
        return level
