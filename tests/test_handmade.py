"""Hand-written sites in markup unlike the demo renderer's (tables and <font>, hashed React
class names with no <p>, classic WordPress, AMP, a Spanish magazine, bold paragraphs with <br>
lists). Each case folder holds its pages, `meta.json` (routes) and `expected.json` (truths
written with the pages). The whole pipeline runs over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import re

import pytest

from flows.fetch import Fetcher
from flows.pipeline import run_extract
from schemas import HealthArticle
from tests.support import FIXTURES, serve_routes

CASES_DIR = FIXTURES / "handmade"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "expected.json").exists())
_WORDS = re.compile(r"\w+")


def words(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def load(case: str) -> tuple[dict, dict]:
    folder = CASES_DIR / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return meta, expected


@pytest.fixture(scope="module")
def records() -> dict[str, HealthArticle]:
    out = {}
    for case in CASES:
        meta, _ = load(case)
        folder = CASES_DIR / case
        routes = {
            path: (200, {"Content-Type": "text/html; charset=utf-8"}, (folder / name).read_bytes())
            for path, name in meta["routes"].items()
        }
        with serve_routes(routes) as base, Fetcher() as fetcher:
            out[case] = run_extract(base + meta["start"], fetcher=fetcher)
    return out


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest, records: dict) -> tuple[dict, HealthArticle]:
    return load(request.param)[1], records[request.param]


def test_title_and_pages(case: tuple[dict, HealthArticle]) -> None:
    expected, record = case
    assert record.title == expected["title"]
    assert len(record.provenance.pages) == expected["pages"]


def test_definition(case: tuple[dict, HealthArticle]) -> None:
    expected, record = case
    assert words(record.definition).startswith(words(expected["definition_starts_with"]))


def test_causes(case: tuple[dict, HealthArticle]) -> None:
    expected, record = case
    got = [
        {"name": c.name, "risk_factors": c.risk_factors, "signs": c.signs} for c in record.causes
    ]
    assert got == expected["causes"]


@pytest.mark.parametrize("field", ["risk_factors", "signs", "prevention", "when_to_see_doctor"])
def test_article_lists(case: tuple[dict, HealthArticle], field: str) -> None:
    expected, record = case
    assert getattr(record, field) == expected[field]


def test_text_kept_and_boilerplate_gone(case: tuple[dict, HealthArticle]) -> None:
    expected, record = case
    dumped = f" {words(json.dumps(record.model_dump(mode='json'), ensure_ascii=False))} "
    text = f" {words(record.text)} "
    missing = [s for s in expected["must_contain"] if f" {words(s)} " not in dumped]
    leaked = [s for s in expected["must_not_contain"] if words(s) and f" {words(s)} " in text]
    assert missing == []
    assert leaked == []
