"""Parser of the article source format (see demo/FORMAT.md): front matter, pages of blocks,
and the expected section outline that tests and `bench/sections.py` compare against."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

KINDS = (
    "definition",
    "causes",
    "risk_factors",
    "signs",
    "diagnosis",
    "treatment",
    "prevention",
    "complications",
    "when_to_see_doctor",
    "outlook",
    "other",
)
_HEADING = re.compile(r"^(#{2,4})\s+(.*?)\s*(?:\{([a-z_]+)\})?\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    label: str | None


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class ListBlock:
    lead_in: str
    items: tuple[str, ...]
    ordered: bool


SourceBlock = Heading | Para | ListBlock


@dataclass
class Article:
    """One article source: front matter and its blocks, page by page."""

    meta: dict[str, str]
    pages: list[list[SourceBlock]]
    path: Path | None = None

    @property
    def slug(self) -> str:
        return self.meta["slug"]

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def language(self) -> str:
        return self.meta.get("language", "en")


@dataclass
class ExpectedSection:
    heading: str
    level: int
    kind: str
    paragraphs: list[str] = field(default_factory=list)
    lists: list[ListBlock] = field(default_factory=list)


def plain(text: str) -> str:
    """Inline markup removed: what a reader sees."""
    return _BOLD.sub(r"\1", _LINK.sub(r"\1", text))


def parse_article(text: str, path: Path | None = None) -> Article:
    _, front, body = text.split("+++", 2)
    meta = {k: str(v) for k, v in tomllib.loads(front).items()}
    pages: list[list[SourceBlock]] = [[]]
    lines = body.strip("\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if not line:
            continue
        if line == "===":
            pages.append([])
            continue
        heading = _HEADING.match(line)
        if heading:
            label = heading.group(3)
            if label is not None and label not in KINDS:
                raise ValueError(f"{path}: unknown kind {label!r}")
            pages[-1].append(Heading(len(heading.group(1)), heading.group(2), label))
            continue
        if line.startswith(("- ", "+ ")):
            items, ordered = [], line.startswith("+ ")
            index -= 1
            while index < len(lines) and lines[index].startswith(("- ", "+ ")):
                items.append(lines[index][2:].strip())
                index += 1
            previous = pages[-1][-1] if pages[-1] else None
            lead = ""
            if isinstance(previous, Para) and previous.text.endswith(":"):
                pages[-1].pop()
                lead = previous.text
            pages[-1].append(ListBlock(lead, tuple(items), ordered))
            continue
        pages[-1].append(Para(line))
    return Article(meta, pages, path)


def load_article(path: Path) -> Article:
    return parse_article(path.read_text(encoding="utf-8"), path)


def load_articles(folder: Path) -> list[Article]:
    return [load_article(p) for p in sorted(folder.glob("*.md"))]


def numbered_copies(count: int, folder: Path | None = None) -> list[Article]:
    """`count` distinct articles for load tests: the demo articles in turn, each copy with its
    number in its slug ("-0042") and title ("(No. 42)")."""
    bases = load_articles(folder or Path(__file__).parent / "articles")
    copies = []
    for index in range(count):
        base = bases[index % len(bases)]
        meta = dict(base.meta, slug=f"{base.slug}-{index:04d}", title=f"{base.title} (No. {index})")
        copies.append(Article(meta, base.pages))
    return copies


def expected_sections(article: Article) -> list[ExpectedSection]:
    """The outline a perfect extractor returns: lead first, kinds inherited by sub-sections."""
    lead = ExpectedSection("", 1, "other")
    sections = [lead]
    stack: list[ExpectedSection] = []
    for page in article.pages:
        for block in page:
            if isinstance(block, Heading):
                while stack and stack[-1].level >= block.level:
                    stack.pop()
                kind = block.label or (stack[-1].kind if stack else "other")
                section = ExpectedSection(plain(block.text), block.level, kind)
                sections.append(section)
                stack.append(section)
                continue
            target = stack[-1] if stack else lead
            if isinstance(block, Para):
                target.paragraphs.append(plain(block.text))
            else:
                target.lists.append(
                    ListBlock(
                        plain(block.lead_in), tuple(plain(i) for i in block.items), block.ordered
                    )
                )
    return sections if lead.paragraphs or lead.lists else sections[1:]
