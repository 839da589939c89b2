"""The record models: strict fields, documented schema, JSON-LD in schema.org names only."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas import HealthArticle, json_schema, to_jsonld, to_markdown

# schema.org names the JSON-LD mapping may use (types and properties), checked by hand against
# https://schema.org (MedicalWebPage, MedicalCondition, MedicalCause, MedicalRiskFactor,
# MedicalSignOrSymptom, MedicalTherapy, MedicalTest, WebPageElement, Person, Organization).
SCHEMA_ORG_TYPES = {
    "MedicalWebPage",
    "MedicalCondition",
    "MedicalCause",
    "MedicalRiskFactor",
    "MedicalSignOrSymptom",
    "MedicalTherapy",
    "MedicalTest",
    "WebPageElement",
    "Person",
    "Organization",
}
SCHEMA_ORG_PROPERTIES = {
    "url",
    "name",
    "about",
    "description",
    "inLanguage",
    "author",
    "publisher",
    "datePublished",
    "dateModified",
    "hasPart",
    "text",
    "cause",
    "riskFactor",
    "signOrSymptom",
    "possibleTreatment",
    "primaryPrevention",
    "typicalTest",
    "possibleComplication",
}


def minimal() -> HealthArticle:
    return HealthArticle(
        id="site-test-a-0123456789",
        url="https://site.test/a/",
        canonical_url="https://site.test/a/",
        title="A",
    )


def test_extra_fields_are_forbidden() -> None:
    with pytest.raises(ValidationError):
        HealthArticle(**minimal().model_dump(), surprise=1)


@pytest.mark.parametrize("bad_id", ["../x", "Has Upper", "", "a/b"])
def test_ids_must_be_filename_safe(bad_id: str) -> None:
    with pytest.raises(ValidationError):
        HealthArticle(**(minimal().model_dump() | {"id": bad_id}))


def _properties(schema: dict, name: str) -> dict:
    return schema["properties"] if name == "HealthArticle" else schema["$defs"][name]["properties"]


@pytest.mark.parametrize(
    "model",
    ["HealthArticle", "Cause", "Section", "SectionList", "Provenance", "PageProvenance", "Removed"],
)
def test_every_field_is_documented(model: str) -> None:
    schema = json_schema()
    for field, spec in _properties(schema, model).items():
        assert spec.get("description"), f"{model}.{field} has no description"


def test_schema_version_is_pinned() -> None:
    assert json_schema()["properties"]["schema_version"]["const"] == "1.0"


def _names(node: object, types: set[str], props: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                types.add(value)
            elif not key.startswith("@"):
                props.add(key)
            _names(value, types, props)
    elif isinstance(node, list):
        for item in node:
            _names(item, types, props)


def test_jsonld_uses_only_schema_org_names(demo_records: dict) -> None:
    for _, record in demo_records.values():
        types: set[str] = set()
        props: set[str] = set()
        _names(to_jsonld(record), types, props)
        assert types <= SCHEMA_ORG_TYPES, types - SCHEMA_ORG_TYPES
        assert props <= SCHEMA_ORG_PROPERTIES, props - SCHEMA_ORG_PROPERTIES


def test_jsonld_carries_the_structure(demo_records: dict) -> None:
    _, record = demo_records["nighttime-leg-cramps"]
    data = to_jsonld(record)
    condition = data["about"]
    assert [c["name"] for c in condition["cause"]] == [c.name for c in record.causes]
    assert len(condition["riskFactor"]) == len(record.risk_factors)
    assert len(condition["signOrSymptom"]) == len(record.signs)


def test_markdown_has_every_heading(demo_records: dict) -> None:
    _, record = demo_records["dry-eye"]
    text = to_markdown(record)
    for section in record.sections:
        if section.heading:
            assert section.heading in text
