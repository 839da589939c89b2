"""JSON Schema export of the record models. No I/O: callers write the text where they need it."""

from __future__ import annotations

import json
from typing import Any

from schemas.article import SCHEMA_VERSION, HealthArticle

SCHEMA_ID = f"https://healthsift.dev/schema/health-article-{SCHEMA_VERSION}.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `HealthArticle`, as pydantic generates it."""
    schema = HealthArticle.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def json_schema_text() -> str:
    """The JSON Schema as stable, pretty-printed text ending in a newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
