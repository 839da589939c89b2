"""One fixture page per ad network and widget type (tests/fixtures/cleaning/<case>/: page.html,
meta.json, expected.json): the article text stays, every piece of furniture goes, and the
furniture met inside the article is counted under the right kind."""

from __future__ import annotations

import json
import re

import pytest

from extractors import clean_html
from tests.support import FIXTURES

CASES_DIR = FIXTURES / "cleaning"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "expected.json").exists())


def _present(needle: str, text: str) -> bool:
    """Whole-word, case-sensitive presence, white space folded."""
    needle = " ".join(needle.split())
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", " ".join(text.split())) is not None


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[dict, object]:
    folder = CASES_DIR / request.param
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return expected, clean_html((folder / "page.html").read_bytes(), meta["url"])


def test_there_is_a_case_per_furniture_type() -> None:
    assert len(CASES) >= 20


def test_article_text_is_kept(case: tuple[dict, object]) -> None:
    expected, page = case
    missing = [s for s in expected["must_contain"] if not _present(s, page.text)]  # type: ignore[attr-defined]
    assert missing == []


def test_furniture_is_removed(case: tuple[dict, object]) -> None:
    expected, page = case
    leaked = [s for s in expected["must_not_contain"] if _present(s, page.text)]  # type: ignore[attr-defined]
    assert leaked == []


def test_furniture_is_counted_by_kind(case: tuple[dict, object]) -> None:
    expected, page = case
    removed = page.removed  # type: ignore[attr-defined]
    uncounted = [kind for kind in expected["removed_kinds"] if removed.get(kind, 0) < 1]
    assert uncounted == [], removed
