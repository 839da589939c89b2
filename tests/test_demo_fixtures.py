"""Every demo article against its full expected record, one test per field, so a failure names
the field. Expected records are regenerated with `python -m tests.regen` and reviewed in git."""

from __future__ import annotations

import json

import pytest

from extractors import record_id
from schemas import HealthArticle
from tests.support import DEMO_FIXTURES, normalize

FIELDS = [f for f in HealthArticle.model_fields if f != "id"]
CASES = sorted(p.name for p in DEMO_FIXTURES.iterdir() if p.is_dir())


def test_there_is_a_fixture_per_demo_article(demo_records: dict) -> None:
    assert sorted(demo_records) == CASES


@pytest.mark.parametrize("slug", CASES)
@pytest.mark.parametrize("field", FIELDS)
def test_field_matches_expected(slug: str, field: str, demo_records: dict, demo_base: str) -> None:
    expected = json.loads((DEMO_FIXTURES / slug / "expected.json").read_text(encoding="utf-8"))
    got = normalize(demo_records[slug][1], demo_base)
    assert got[field] == expected[field], f"{slug}: field {field} differs"


@pytest.mark.parametrize("slug", CASES)
def test_id_is_derived_from_the_canonical_url(slug: str, demo_records: dict) -> None:
    record = demo_records[slug][1]
    assert record.id == record_id(record.canonical_url)
    assert record.id.endswith(record_id(record.canonical_url)[-10:])
