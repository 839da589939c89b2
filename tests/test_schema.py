"""The record models: strict fields, documented schema, JSON-LD in schema.org names only."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from schemas import HealthArticle, json_schema, to_jsonld, to_markdown
from tests.support import FIXTURES

VOCABULARY = json.loads((FIXTURES / "schemaorg-vocabulary.json").read_text(encoding="utf-8"))


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


def _check(node: object, problems: list[str]) -> None:
    """Every object's @type is a known schema.org type and each property belongs to it."""
    if isinstance(node, list):
        for item in node:
            _check(item, problems)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    allowed = VOCABULARY.get(kind)
    if allowed is None:
        problems.append(f"unknown type {kind!r}")
        allowed = []
    for key, value in node.items():
        if not key.startswith("@") and key not in allowed:
            problems.append(f"{kind}.{key} is not a schema.org property of {kind}")
        _check(value, problems)


def test_jsonld_uses_only_schema_org_names(demo_records: dict) -> None:
    for _, record in demo_records.values():
        problems: list[str] = []
        _check(to_jsonld(record), problems)
        assert problems == []


def test_vocabulary_check_catches_a_wrong_name() -> None:
    problems: list[str] = []
    _check({"@type": "MedicalCondition", "symptoms": [], "cause": [{"@type": "Cause"}]}, problems)
    assert len(problems) == 2


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
