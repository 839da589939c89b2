"""No ad, prompt, clickbait, navigation, cookie, newsletter or footer text reaches a record."""

from __future__ import annotations

import json

import pytest

from demo.furniture import BOILERPLATE_TEXTS


def _leaks(record_json: str) -> list[str]:
    return [text for text in BOILERPLATE_TEXTS if text in record_json]


def test_furniture_list_is_distinctive() -> None:
    assert len(BOILERPLATE_TEXTS) > 40
    assert all(len(t) >= 6 for t in BOILERPLATE_TEXTS)


@pytest.mark.parametrize(
    "slug",
    [
        "dry-eye",
        "frequent-heartburn",
        "iron-deficiency-fatigue",
        "morning-dizziness",
        "nighttime-leg-cramps",
        "tension-headaches",
    ],
)
def test_no_furniture_in_demo_record(slug: str, demo_records: dict) -> None:
    _, record = demo_records[slug]
    assert _leaks(json.dumps(record.model_dump(mode="json"), ensure_ascii=False)) == []


def test_demo_pages_do_carry_the_furniture(demo_site) -> None:  # type: ignore[no-untyped-def]
    """The check above means something: the served pages are full of it."""
    html = b"".join(body for _, body in demo_site.routes.values()).decode("utf-8")
    import html as htmlmod

    text = htmlmod.unescape(html)
    missing = [t for t in BOILERPLATE_TEXTS if t not in text and t.upper() not in text]
    assert len(missing) < len(BOILERPLATE_TEXTS) // 2


def test_removed_counts_cover_the_furniture_inside_the_article(demo_records: dict) -> None:
    """Counts cover what the cleaner met in and around the article: the ad slots and labels
    between paragraphs, the inline clickbait grid, prompts and the newsletter box."""
    _, record = demo_records["nighttime-leg-cramps"]
    removed = record.removed
    assert removed.ads >= 6
    assert removed.clickbait >= 1
    assert removed.prompts >= 2
    assert removed.other >= 1
