"""The block walker: turns a cleaned DOM into a flat list of text blocks in reading order.

A block is a heading, paragraph, list, preformatted text or caption, with what later phases need
to judge it: link and bold shares, heading hints from markup, and the ancestor path that main-
content detection scores. Pure: reads the tree, changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extractors.boilerplate import TAG_JUDGED, JunkJudge
from extractors.dom import (
    HEADING_TAGS,
    ClassInfo,
    Node,
    class_info,
    class_of,
    class_strings,
    token_gate,
)
from extractors.rules.boilerplate import (
    ANCHOR_MARKS,
    CITATION_BRACKETED,
    CITATION_NUMBER,
    CODE_TAGS,
    ICON_LIGATURE_CLASS,
    NOTE_MARK_HINTS,
)
from extractors.rules.thresholds import BOLD_LINE_MAX_CHARS, MAX_DEPTH
from extractors.text import fold_space, strip_item_bullet, strip_markup

INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "br",
        "picture",
    }
)
BOLD_TAGS = frozenset({"b", "strong"})
BIG_FONT_SIZE = 4  # <font size=N>: 3 is the text's own size
_CITATION_BRACKETED = re.compile(CITATION_BRACKETED)
_CITATION_NUMBER = re.compile(CITATION_NUMBER)


def _is_citation(node: Node) -> bool:
    """A superscript citation mark (see rules.boilerplate.CITATION_BRACKETED)."""
    text = node.text(deep=True).strip()
    if _CITATION_BRACKETED.fullmatch(text):
        return True
    if not _CITATION_NUMBER.fullmatch(text):
        return False
    link = node.css_first("a[href]")
    return link is not None and str(link.attributes.get("href") or "").startswith("#")


def is_anchor_mark(node: Node) -> bool:
    """A heading's link to itself, shown as a mark ("#", "¶", "§", "🔗"), as static site
    generators and documentation themes add to every heading."""
    return str(node.attributes.get("href") or "").startswith("#") and (
        node.text(deep=True).strip() in ANCHOR_MARKS
    )


def _is_note_mark(node: Node) -> bool:
    """A footnote mark outside a <sup> (see rules.NOTE_MARK_HINTS)."""
    attrs = node.attributes
    href = str(attrs.get("href") or "")
    if not href.startswith("#") or not _CITATION_NUMBER.fullmatch(node.text(deep=True).strip()):
        return False
    marks = f"{href} {attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return any(hint in marks for hint in NOTE_MARK_HINTS)


_SAFE_ID = re.compile(r"[\w:.-]{1,100}")


def _tab_label(panel: Node, attrs: dict[str, Any]) -> str | None:
    """The label of a tab panel that has no heading of its own: the text of the element its
    aria-labelledby names, else of the tab whose aria-controls names it. Why: tabbed reference
    pages title a panel by its tab ("Symptoms") only, and the tab buttons are furniture."""
    first = panel.first_child
    while first is not None and (first.tag is None or first.tag[0] == "-"):
        first = first.next  # text and comments before the first element
    if first is not None and first.tag in HEADING_TAGS:
        return None
    top = panel
    while top.parent is not None:
        top = top.parent
    labelled = str(attrs.get("aria-labelledby") or "").split()
    own = str(attrs.get("id") or "")
    selectors = [f'[id="{i}"]' for i in labelled[:1] if _SAFE_ID.fullmatch(i)]
    selectors += [f'[role="tab"][aria-controls="{own}"]'] if _SAFE_ID.fullmatch(own) else []
    for selector in selectors:
        found = top.css_first(selector)
        text = fold_space(found.text(deep=True)).strip() if found is not None else ""
        if 0 < len(text) <= 80:
            return text
    return None


# Inline tags the junk judge need not look at: they carry emphasis, never furniture.
_PLAIN_INLINE = frozenset({"b", "strong", "em", "i", "u", "sub", "sup", "abbr", "q", "mark"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})
LIST_TAGS = frozenset({"ul", "ol"})
# Markup that marks a line as a heading without h1-h6. Why: FAQ, accordion and glossary widgets.
HINT_TAGS = frozenset({"dt", "summary", "button"})
HEADING_CLASS_TOKENS = frozenset(
    {
        "title",
        "heading",
        "headline",
        "section-title",
        "sectiontitle",
        "section-heading",
        "section-header",
        "sectionheader",
        "h2",
        "h3",
        "h4",
        "accordion-title",
        "faq-question",
        "question",
        "accordion-header",
        "accordion-button",
    }
)
QUOTE_TAGS = frozenset({"blockquote", "q", "cite"})
# Class tokens of headings one level down. Why: themes name sub-headings "subtitle"/"subhead".
SUBHEADING_CLASS_TOKENS = frozenset(
    {
        "subtitle",
        "subheading",
        "subhead",
        "sub-heading",
        "sub-title",
        "subsection-title",
        "subsection-heading",
        "h3",
        "h4",
    }
)
_ANY_HEADING_TOKENS = HEADING_CLASS_TOKENS | SUBHEADING_CLASS_TOKENS
# What the walk reads of class tokens: heading names, and h2-h6 for a heading hint's level.
_MAY_NAME_HEADING = token_gate(_ANY_HEADING_TOKENS | {f"h{level}" for level in range(2, 7)})
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_BIG_STYLE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)(px|pt|em|rem)", re.IGNORECASE)
_LEVEL_CLASS = re.compile(r"\bh([2-6])\b")


@lru_cache(maxsize=16384)
def _heading_info(class_value: str, id_value: str) -> ClassInfo | None:
    return class_info(class_value, id_value) if _MAY_NAME_HEADING(class_value, id_value) else None


def heading_class_of(attrs: dict[str, Any]) -> ClassInfo | None:
    """ClassInfo of an element whose class or id may name a heading, else None: what the walk
    needs of classes, without tokenising the many class strings that cannot."""
    strings = class_strings(attrs)
    return _heading_info(*strings) if strings is not None else None


@dataclass(slots=True)
class Block:
    """One unit of text in reading order. Treat as read-only (copy with dataclasses.replace):
    not frozen because a frozen dataclass sets each field through object.__setattr__, which
    made building blocks a tenth of the block walk."""

    kind: str
    """heading | paragraph | list | pre | caption"""
    text: str
    """Plain text, white space folded; line breaks kept as newlines."""
    level: int = 0
    """Heading level 1-6 for headings and heading hints, else 0."""
    items: tuple[str, ...] = ()
    """List items (kind list)."""
    ordered: bool = False
    """The list is numbered."""
    bold: bool = False
    """All the text is bold (b, strong or a bold style): a pseudo-heading candidate."""
    hint: bool = False
    """Markup marks the text as a heading (class, style, dt, summary, aria-expanded button)."""
    tag: str = ""
    """Tag of the element holding the text."""
    link_chars: int = 0
    """Characters of the text inside links."""
    path: tuple[int, ...] = field(default=(), repr=False, compare=False)
    """Ids of the ancestor elements, outermost first, the holder last (for main-content scoring)."""
    page: int = 1
    """1-based page number, set when pages are merged."""
    lead_bold: int = 0
    """Characters of bold text the paragraph opens with, before any plain text: a run-in name
    ("<strong>Dehydration.</strong> Not drinking enough...")."""

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    def on_page(self, page: int) -> Block:
        """A copy set on `page` (what dataclasses.replace gives, at a tenth of its cost: merging
        pages copies every block of pages 2 and up)."""
        return Block(
            self.kind,
            self.text,
            self.level,
            self.items,
            self.ordered,
            self.bold,
            self.hint,
            self.tag,
            self.link_chars,
            self.path,
            page,
            self.lead_bold,
        )


@dataclass(slots=True)
class _Owner:
    """The block-level element that holds the current run of inline text."""

    tag: str
    path: tuple[int, ...]
    hint: bool = False
    level: int = 0


@dataclass(slots=True)
class _Run:
    parts: list[str] = field(default_factory=list)
    chars: int = 0
    link_chars: int = 0
    bold_chars: int = 0
    hint_chars: int = 0
    lead_bold: int = 0
    """Bold characters before the first plain ones (-1 once plain text has come)."""
    bold_parts: list[int] = field(default_factory=list)
    """Indexes of the bold parts."""
    hint_parts: set[int] = field(default_factory=set)
    """Indexes of the parts inside a heading-like element (a big <font>, a heading class)."""

    def add(self, text: str, in_link: bool, in_bold: bool, in_hint: bool = False) -> None:
        self.parts.append(text.replace("\n", " ") if "\n" in text else text)
        n = len(text.strip())
        self.chars += n
        if in_link:
            self.link_chars += n
        if in_bold:
            self.bold_parts.append(len(self.parts) - 1)
            self.bold_chars += n
            if self.lead_bold >= 0:
                self.lead_bold += n
        elif n and self.lead_bold >= 0:
            self.lead_bold = -1 if self.lead_bold == 0 else -self.lead_bold - 1
        if in_hint:
            self.hint_chars += n


@dataclass(slots=True)
class _ListCollector:
    ordered: bool
    path: tuple[int, ...]
    items: list[str] = field(default_factory=list)
    item_parts: list[str] = field(default_factory=list)
    link_chars: int = 0

    def end_item(self) -> None:
        text = strip_item_bullet(fold_space(" ".join(self.item_parts)))
        if text:
            self.items.append(text)
        self.item_parts = []


def _paragraphs(parts: list[str]) -> list[str]:
    """Text runs split into paragraphs at blank lines (<br><br>), lines kept at single <br>."""
    joined = "".join(parts)
    if "\n" not in joined:
        folded = fold_space(joined)
        return [folded] if folded else []
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in joined.split("\n"):
        folded = fold_space(line)
        if folded:
            lines.append(folded)
        elif lines:
            paragraphs.append("\n".join(lines))
            lines = []
    if lines:
        paragraphs.append("\n".join(lines))
    return paragraphs


def _bold_lines_apart(run: _Run) -> list[tuple[str, int, int]] | None:
    """The run's paragraphs with their bold and heading-like characters, a paragraph's bold
    first line apart from the lines under it ("<strong>Symptoms</strong><br>Most people
    notice..."): an email's or an old blog's heading, in the paragraph it heads. None when no
    line is bold so."""
    lines: list[tuple[str, bool, bool]] = []  # (text, all of it bold, all of it heading-like)
    text, plain, unhinted, bold = "", False, False, set(run.bold_parts)
    for index, part in enumerate(run.parts):
        if part == "\n":
            lines.append((fold_space(text), not plain, not unhinted))
            text, plain, unhinted = "", False, False
            continue
        text += part
        plain = plain or (index not in bold and not part.isspace())
        unhinted = unhinted or (index not in run.hint_parts and not part.isspace())
    lines.append((fold_space(text), not plain, not unhinted))
    paragraphs: list[tuple[str, int, int]] = []
    current: list[tuple[str, bool, bool]] = []
    split = False
    for line in [*lines, ("", False, False)]:
        if line[0]:
            current.append(line)
            continue
        if not current:
            continue
        head, all_bold, all_hint = current[0]
        if all_bold and len(current) > 1 and len(head) <= BOLD_LINE_MAX_CHARS:
            paragraphs.append((head, len(head), len(head) if all_hint else 0))
            current = current[1:]
            split = True
        joined = "\n".join(t for t, _, _ in current)
        bold_chars = sum(len(t) for t, b, _ in current if b)
        paragraphs.append((joined, bold_chars, sum(len(t) for t, _, h in current if h)))
        current = []
    return paragraphs if split else None


_ICON_LIGATURE = re.compile(ICON_LIGATURE_CLASS)


def _icon_ligature(attrs: dict[str, Any] | None) -> bool:
    """An icon of a ligature font ("<span class='material-icons'>healing</span>"): its word
    draws the icon, and is no text."""
    value = attrs.get("class") if attrs else None
    return (
        isinstance(value, str)
        and "material-" in value
        and any(_ICON_LIGATURE.fullmatch(word) for word in value.split())
    )


def _row_heading(cell: Node) -> bool:
    """A table's row heading over a section: a <th> followed in its row by a cell that holds
    paragraphs or lists (a fact sheet's "Symptoms | <p>...</p><ul>...</ul>"), not a data
    table's header or a label beside a short value."""
    sibling = cell.next
    while sibling is not None and sibling.tag != "td":
        sibling = sibling.next
    return sibling is not None and sibling.css_first("p, ul, ol") is not None


def _style_flags(style: str | None) -> tuple[bool, bool]:
    """(bold, big) from an inline style."""
    if not style:
        return False, False
    # Substring gates first: a case-insensitive regex search tries every position of a style.
    low = style.lower()
    bold = "font-weight" in low and _BOLD_STYLE.search(low) is not None
    size = _BIG_STYLE.search(low) if "font-size" in low else None
    big = False
    if size is not None:
        value, unit = float(size.group(1)), size.group(2).lower()
        big = value >= (18 if unit == "px" else 14 if unit == "pt" else 1.15)
    return bold, big


def _big_font(size: str | None) -> bool:
    """An old page's <font size> above the text's own (3): "+1" or more, 4 or more. Why: sites
    of that age mark headings with <b><font size="+1">, their sub-headings with <b> alone."""
    value = (size or "").strip()
    if value.startswith("+"):
        return value[1:].isdigit() and int(value[1:]) >= 1
    return value.isdigit() and int(value) >= BIG_FONT_SIZE


class BlockWalker:
    """Walks a subtree once and collects blocks; also notes structured main-content hints."""

    def __init__(self, judge: JunkJudge | None = None, record: bool = True) -> None:
        self.judge = judge
        self.record = record
        self.blocks: list[Block] = []
        self.hint_ids: dict[int, str] = {}
        self.words: dict[int, ClassInfo] = {}
        self.tags: dict[int, str] = {}
        self._run = _Run()
        self._lists: list[_ListCollector] = []
        self._depth = 0

    def walk_root(self, root: Node) -> list[Block]:
        owner = _Owner(root.tag or "body", (root.mem_id,) if self.record else ())
        self._walk(root, owner, False, False)
        self._flush(owner)
        return self.blocks

    def _walk(self, node: Node, owner: _Owner, in_link: bool, in_bold: bool) -> None:
        if self._depth >= MAX_DEPTH:
            self._run.add(" " + node.text(deep=True) + " ", in_link, in_bold)
            return
        self._depth += 1
        child = node.first_child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                # White space between block elements starts no run (it would fold away).
                if text and (self._run.parts or not text.isspace()):
                    self._run.add(text, in_link, in_bold)
            elif tag is None or tag[0] == "-":
                pass
            elif tag in INLINE_TAGS:
                self._inline(child, tag, owner, in_link, in_bold)
            else:
                self._block(child, tag, owner, in_link)
            child = child.next
        self._depth -= 1

    def _inline(self, node: Node, tag: str, owner: _Owner, in_link: bool, in_bold: bool) -> None:
        if tag == "br":
            self._run.parts.append("\n")
            return
        if tag == "img" or tag == "picture":
            return
        if tag == "sup" and _is_citation(node):
            return
        if tag == "a" and (is_anchor_mark(node) or _is_note_mark(node)):
            return
        attrs = node.attributes if tag not in _PLAIN_INLINE else None
        if _icon_ligature(attrs if attrs is not None or tag != "i" else node.attributes):
            return
        if self.judge is not None and attrs and self.judge.skip(node, tag, attrs):
            return
        bold = in_bold or tag in BOLD_TAGS
        if attrs and tag in ("span", "font"):
            styled_bold, big = _style_flags(attrs.get("style"))
            bold = bold or styled_bold
            heading = heading_class_of(attrs)
            if (
                (styled_bold and big)
                or (tag == "font" and _big_font(attrs.get("size")))
                or (heading is not None and not heading.tokens.isdisjoint(_ANY_HEADING_TOKENS))
            ):
                before, first = self._run.chars, len(self._run.parts)
                self._walk(node, owner, in_link, bold)
                self._run.hint_chars += self._run.chars - before
                self._run.hint_parts.update(range(first, len(self._run.parts)))
                return
        self._walk(node, owner, in_link or tag == "a", bold)

    def _block(self, node: Node, tag: str, owner: _Owner, in_link: bool = False) -> None:
        if tag in CODE_TAGS:  # media and metadata elements: no text, not furniture either
            return
        attrs = node.attributes
        judge = self.judge
        # Without attributes only the tag can make an element furniture.
        if judge is not None and (attrs or tag in TAG_JUDGED) and judge.skip(node, tag, attrs):
            return
        if attrs and attrs.get("role") == "tabpanel" and (label := _tab_label(node, attrs)):
            if self._run.parts:
                self._flush(owner)
            self._emit(Block("heading", label, level=2, tag="h2", path=(*owner.path, node.mem_id)))
        if tag == "button" and owner.tag in HEADING_TAGS:
            # an accordion's heading: `<h2><button aria-expanded>Causes</button></h2>` is the h2
            self._walk(node, owner, in_link, False)
            return
        if self._run.parts:  # most elements follow another block: no run to flush
            self._flush(owner)
        # Container scoring (record) reads every element's class words; the walk itself only
        # heading names.
        info = (class_of(attrs) if self.record else heading_class_of(attrs)) if attrs else None
        if self.record:
            key = node.mem_id
            path = (*owner.path, key)
            self.tags[key] = tag
            if info is not None and info.words:
                self.words[key] = info
            if attrs and attrs.get("itemprop") == "articleBody":
                self.hint_ids[key] = "articleBody"
            elif tag in ("article", "main"):
                self.hint_ids[key] = tag
        else:
            path = ()
        if tag == "pre":
            self._emit(
                Block("pre", strip_markup(node.text(deep=True)).strip("\n"), tag=tag, path=path)
            )
            return
        role = attrs.get("role") if attrs else None
        if tag in LIST_TAGS or role == "list":
            # an ARIA list of divs (React Native for Web renders no <ul>) is a list too
            self._list(node, tag if tag in LIST_TAGS else "ul", path, in_link)
            return
        inner = (
            _Owner(tag, path, hint=True)
            if tag == "th" and _row_heading(node)
            else self._owner_for(tag, attrs, info, path)
        )
        in_bold = inner.hint and "style" in attrs and _style_flags(attrs.get("style"))[0]
        self._walk(node, inner, in_link, in_bold)
        if self._run.parts:
            self._flush(inner)
        if (tag == "li" or role == "listitem") and self._lists:
            self._lists[-1].end_item()

    @staticmethod
    def _owner_for(
        tag: str, attrs: dict[str, Any], info: ClassInfo | None, path: tuple[int, ...]
    ) -> _Owner:
        if tag in HEADING_TAGS:
            return _Owner(tag, path, level=HEADING_TAGS[tag])
        if not attrs:
            return _Owner(tag, path, hint=tag in HINT_TAGS)
        if attrs.get("role") == "heading":
            aria = str(attrs.get("aria-level") or "2")
            number = int(aria) if aria.isdigit() and 1 <= int(aria) <= 6 else 2
            return _Owner(f"h{number}", path, level=number)
        style = attrs.get("style")
        bold, big = _style_flags(style) if isinstance(style, str) else (False, False)
        hint = tag in HINT_TAGS or (bold and big)
        level = 0
        # a quotation's class names what it quotes ("is-style-reader-question"), not a heading
        if info is not None and info.words and tag not in QUOTE_TAGS:
            tokens = info.tokens
            if not tokens.isdisjoint(SUBHEADING_CLASS_TOKENS):
                hint, level = True, 3
            elif not tokens.isdisjoint(HEADING_CLASS_TOKENS):
                hint = True
            match = _LEVEL_CLASS.search(" ".join(info.words)) if hint else None
            level = int(match.group(1)) if match else level
        return _Owner(tag, path, hint=hint, level=level)

    def _list(self, node: Node, tag: str, path: tuple[int, ...], in_link: bool = False) -> None:
        nested = bool(self._lists)
        if nested:
            self._lists[-1].end_item()
        collector = _ListCollector(ordered=tag == "ol", path=path)
        self._lists.append(collector)
        self._walk(node, _Owner(tag, path), in_link, False)
        self._flush(_Owner(tag, path))
        collector.end_item()
        self._lists.pop()
        if nested:
            self._lists[-1].items.extend(collector.items)
            self._lists[-1].link_chars += collector.link_chars
        elif collector.items:
            text = "\n".join(collector.items)
            self._emit(
                Block(
                    "list",
                    text,
                    items=tuple(collector.items),
                    ordered=collector.ordered,
                    tag=tag,
                    link_chars=min(collector.link_chars, len(text)),
                    path=path,
                )
            )

    def _flush(self, owner: _Owner) -> None:
        run = self._run
        if not run.parts:
            return
        self._run = _Run()
        if run.chars == 0:
            return
        paragraphs = _paragraphs(run.parts)
        if not paragraphs:
            return
        if self._lists:
            collector = self._lists[-1]
            collector.item_parts.append(" ".join(paragraphs))
            collector.link_chars += run.link_chars
            return
        if len(paragraphs) == 1 and "\n" not in paragraphs[0]:
            self._emit(self._make_block(owner, paragraphs[0], run))
            return
        apart = _bold_lines_apart(run) if run.bold_parts else None
        if apart is not None:
            total = max(1, sum(len(p) for p, _, _ in apart))
            for paragraph, bold_chars, hint_chars in apart:
                share = len(paragraph) / total
                part = _Run(
                    chars=len(paragraph),
                    link_chars=round(run.link_chars * share),
                    bold_chars=bold_chars,
                    hint_chars=hint_chars,
                )
                self._emit(self._make_block(owner, paragraph, part))
            return
        if len(paragraphs) == 1:
            self._emit(self._make_block(owner, paragraphs[0], run))
            return
        total = sum(len(p) for p in paragraphs)
        for paragraph in paragraphs:
            share = len(paragraph) / total
            part = _Run(
                chars=round(run.chars * share),
                link_chars=round(run.link_chars * share),
                bold_chars=round(run.bold_chars * share),
                hint_chars=round(run.hint_chars * share),
            )
            self._emit(self._make_block(owner, paragraph, part))

    @staticmethod
    def _make_block(owner: _Owner, text: str, run: _Run) -> Block:
        bold = run.bold_chars > 0 and run.bold_chars >= 0.8 * run.chars
        hint = owner.hint or run.hint_chars >= 0.8 * run.chars
        link_chars = min(run.link_chars, len(text))
        if owner.tag in HEADING_TAGS:
            return Block(
                "heading",
                text,
                level=owner.level,
                tag=owner.tag,
                link_chars=link_chars,
                bold=bold,
                path=owner.path,
            )
        kind = "caption" if owner.tag in CAPTION_TAGS else "paragraph"
        # a bold opening then plain text: lead_bold was n, then -n - 1
        lead = -run.lead_bold - 1 if run.lead_bold < -1 else 0
        return Block(
            kind,
            text,
            level=owner.level,
            bold=bold,
            hint=hint,
            tag=owner.tag,
            link_chars=link_chars,
            path=owner.path,
            lead_bold=lead,
        )

    def _emit(self, block: Block) -> None:
        if block.text:
            self.blocks.append(block)


@dataclass(frozen=True)
class BlockTree:
    """Blocks of a page plus what main-content detection needs to know of their elements."""

    blocks: list[Block]
    hint_ids: dict[int, str]
    """Element id -> "articleBody" | "article" | "main" for structured main-content hints."""
    words: dict[int, ClassInfo]
    """Element id -> class and id tokens, for elements that have any."""
    tags: dict[int, str]
    """Element id -> tag name, for block-level elements."""


def extract_blocks(root: Node, judge: JunkJudge | None = None, record: bool = True) -> BlockTree:
    """Blocks under `root` in reading order, with hints, class words and tags of elements;
    with a judge, furniture is skipped (and counted) on the way down. `record=False` skips the
    element bookkeeping that only container scoring needs."""
    walker = BlockWalker(judge, record)
    blocks = walker.walk_root(root)
    return BlockTree(blocks, walker.hint_ids, walker.words, walker.tags)


def blocks_from_text(text: str) -> list[Block]:
    """Blocks of an article given as plain text (a JSON-LD articleBody): a paragraph per run
    of lines between blank lines; a run of one short line without closing punctuation is a
    heading; a line ending in ":" over lines is a lead-in and its list, as are lines that
    all open with a typed bullet."""
    blocks: list[Block] = []
    for chunk in text.split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1:
            line = lines[0]
            heading = len(line) <= BOLD_LINE_MAX_CHARS and line[-1] not in ".!:;,"
            blocks.append(
                Block("heading", line, level=2, tag="h2") if heading else Block("paragraph", line)
            )
            continue
        items = [strip_item_bullet(line) for line in lines]
        if lines[0].endswith(":"):
            blocks.append(Block("paragraph", lines[0]))
            items = items[1:]
        elif items == lines:  # no bullets: one paragraph whose lines were wrapped
            blocks.append(Block("paragraph", " ".join(lines)))
            continue
        blocks.append(Block("list", "\n".join(items), items=tuple(items), tag="ul"))
    return blocks
