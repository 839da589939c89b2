"""The published record: `HealthArticle` and its parts.

Field names are the JSON contract of DESIGN.md; every field documents its format in its docstring,
which pydantic copies into the JSON Schema. No I/O and no HTML parsing live here.
"""

from __future__ import annotations

import typing
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

SectionKind = Literal[
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
]
"""What a section is about; `other` when no rule recognised it."""

ListKind = Literal[
    "risk_factors",
    "signs",
    "causes",
    "diagnosis",
    "treatment",
    "prevention",
    "complications",
    "when_to_see_doctor",
    "examples",
    "other",
]
"""What a list holds, decided from its lead-in line first and its section second."""

SECTION_KINDS: tuple[str, ...] = typing.get_args(SectionKind)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class Cause(_Model):
    """One cause of the condition, from a numbered sub-section or an item of a causes list."""

    name: str
    """The cause's name as the article heads it, without its number ("Dehydration"); trimmed."""
    description: str = ""
    """The cause's explanatory text: paragraphs joined by blank lines, with any example list
    ("Low levels of minerals such as:") kept as its lead-in line followed by "- item" lines."""
    risk_factors: list[str] = Field(default_factory=list)
    """Items of the cause's risk-factor lists ("Risk factors include:", "more likely in people
    who:"), in article order; trimmed plain text, one item per string."""
    signs: list[str] = Field(default_factory=list)
    """Items of the cause's sign lists ("Signs dehydration may be contributing include:"), in
    article order; trimmed plain text."""


class SectionList(_Model):
    """A list inside a section with the line that introduces it."""

    lead_in: str = ""
    """The paragraph right before the list when it ends with a colon ("Risk factors include:");
    empty when the list has no lead-in."""
    kind: ListKind = "other"
    """What the list holds: from the lead-in's wording, else from the section's kind."""
    items: list[str] = Field(default_factory=list)
    """The list items, trimmed plain text, in order."""


class Section(_Model):
    """One section of the lossless outline: every heading of the article, in order."""

    id: str
    """Stable within the record: `s` + 1-based position, zero-padded to 2 digits ("s01")."""
    kind: SectionKind = "other"
    """What the section is about (see SectionKind)."""
    heading: str = ""
    """The heading text as shown, trimmed; empty for the lead before the first heading."""
    level: int = Field(default=2, ge=1, le=6)
    """Heading level 1-6 (pseudo-headings get the level of the heading style they stand for);
    the lead section has level 1."""
    parent: str | None = None
    """The `id` of the enclosing section (a higher-level heading before this one), if any."""
    paragraphs: list[str] = Field(default_factory=list)
    """Paragraphs of text directly under this heading, plain text, in order; list lead-ins are
    not repeated here."""
    lists: list[SectionList] = Field(default_factory=list)
    """Lists directly under this heading, in order, each with its lead-in."""
    page: int = Field(default=1, ge=1)
    """1-based number of the page the heading is on."""
    rule: str = ""
    """Which classification rule gave the kind ("heading:causes/en", "parent", "content:lists")."""


class PageProvenance(_Model):
    """One fetched page of the article."""

    url: str = Field(pattern=r"^https?://")
    """The URL requested, absolute."""
    final_url: str = Field(pattern=r"^https?://")
    """The URL after redirects, absolute."""
    status: int
    """HTTP status code of the final response."""
    fetched_at: str
    """When the response arrived: ISO 8601 with timezone (UTC, `Z`)."""
    sha256: str
    """Hex SHA-256 of the response body as received (after content decoding)."""
    bytes: int = Field(ge=0)
    """Size in bytes of the response body after content decoding."""


class Provenance(_Model):
    """Where the record came from and which code made it."""

    pages: list[PageProvenance] = Field(default_factory=list)
    """Every page fetched for the article, in reading order."""
    extracted_at: str = ""
    """When extraction ran: ISO 8601 with timezone (UTC, `Z`)."""
    extractor_version: str = ""
    """Version of healthsift's extractors that produced the record."""
    content_hash: str = ""
    """Hex SHA-256 of the record's content fields (everything but url, provenance, removed,
    warnings and the page's dates): equal hashes mean the same extracted article, whichever
    address it came from and whatever date its page gave."""


class Removed(_Model):
    """How much boilerplate the cleaner removed across all pages, by kind."""

    ads: int = 0
    """Ad slots and ADVERTISEMENT labels."""
    clickbait: int = 0
    """Recommendation and clickbait widgets and their links (Taboola, Outbrain, related grids)."""
    prompts: int = 0
    """"Continue reading", NEXT buttons and other next-page prompts."""
    navigation: int = 0
    """Menus, headers, footers, sidebars, breadcrumbs, share bars."""
    other: int = 0
    """Scripts, styles, iframes, forms, cookie banners, newsletter boxes and hidden elements."""


class HealthArticle(_Model):
    """One consumer-health article, all pages merged, cleaned and structured."""

    schema_version: Literal["1.0"] = "1.0"
    """Version of this record format; bumped on any change to field names or meaning."""
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,150}$")
    """Stable, filename-safe id from the normalised canonical URL: host and path words joined by
    `-`, then `-` and 10 hex digits of its SHA-1 (lowercase a-z, 0-9, `.`, `_`, `-`)."""
    url: str = Field(pattern=r"^https?://")
    """The URL the extraction started from, absolute (http or https)."""
    canonical_url: str = Field(pattern=r"^https?://")
    """The page's canonical URL (link rel=canonical, og:url or JSON-LD) when it is on the page's
    own site, else the first page's final URL without its page number, fragment or tracking
    parameters (a syndicated copy's canonical names another site's original)."""
    title: str
    """The article's title, trimmed, without the site-name suffix."""
    site_name: str = ""
    """Publisher or site name from og:site_name or JSON-LD; empty when the page does not say."""
    language: str = ""
    """BCP 47 language tag from the page (`<html lang>`, og:locale, JSON-LD), lowercase ("en",
    "en-gb"); empty when unknown."""
    authors: list[str] = Field(default_factory=list)
    """Author names, trimmed, without "By"; empty when none is given."""
    published_at: str | None = None
    """Publication date: ISO 8601 (date, or date-time with timezone when the page gives one)."""
    modified_at: str | None = None
    """Last modification date, same format as `published_at`."""
    summary: str = ""
    """The lead: text before the first heading, paragraphs joined by blank lines."""
    definition: str = ""
    """What the condition is: the definition section's text, paragraphs joined by blank lines;
    empty when the article has none."""
    causes: list[Cause] = Field(default_factory=list)
    """Causes in article order, from the numbered sub-sections (or list) of causes sections."""
    risk_factors: list[str] = Field(default_factory=list)
    """Article-level risk factors: items of risk-factor sections and lists outside the causes."""
    signs: list[str] = Field(default_factory=list)
    """Article-level signs and symptoms: items of signs sections and lists outside the causes."""
    prevention: list[str] = Field(default_factory=list)
    """Prevention advice, one item per list item (or sub-heading, or paragraph when there is no
    list)."""
    treatment: list[str] = Field(default_factory=list)
    """Treatment options, same rules as `prevention`."""
    diagnosis: list[str] = Field(default_factory=list)
    """Diagnosis steps and tests, same rules as `prevention`."""
    complications: list[str] = Field(default_factory=list)
    """Possible complications, same rules as `prevention`."""
    when_to_see_doctor: list[str] = Field(default_factory=list)
    """When to seek medical help, same rules as `prevention`."""
    sections: list[Section] = Field(default_factory=list)
    """Lossless ordered outline: every section (the lead first, when there is one)."""
    text: str = ""
    """The whole clean article as plain text: headings, paragraphs and "- item" lines, blocks
    joined by blank lines."""
    provenance: Provenance = Field(default_factory=Provenance)
    """Pages fetched and the extraction that made the record."""
    removed: Removed = Field(default_factory=Removed)
    """Counts of boilerplate removed, by kind."""
    warnings: list[str] = Field(default_factory=list)
    """Things the extraction noticed but survived ("page cap of 20 reached", "no causes
    section"), one short sentence each."""
