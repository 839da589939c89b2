"""Record models of healthsift: pydantic v2, JSON Schema export and JSON-LD mapping. No I/O."""

from schemas.article import (
    SCHEMA_VERSION,
    SECTION_KINDS,
    Cause,
    HealthArticle,
    ListKind,
    PageProvenance,
    Provenance,
    Removed,
    Section,
    SectionKind,
    SectionList,
)
from schemas.export import json_schema, json_schema_text
from schemas.jsonld import to_jsonld
from schemas.markdown import to_markdown

__all__ = [
    "SCHEMA_VERSION",
    "SECTION_KINDS",
    "Cause",
    "HealthArticle",
    "ListKind",
    "PageProvenance",
    "Provenance",
    "Removed",
    "Section",
    "SectionKind",
    "SectionList",
    "json_schema",
    "json_schema_text",
    "to_jsonld",
    "to_markdown",
]
