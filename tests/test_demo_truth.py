"""Demo articles against truths derived from their sources (not from the extractor): title,
byline, dates, lead, definition, causes with their risk factors and signs, article-level lists,
and every page fetched. The lead-in table below is the hand-made label of each cause list."""

from __future__ import annotations

import pytest

from demo.source import Article, Heading, ListBlock, Para, plain
from schemas import HealthArticle

# What each lead-in line of a cause's list announces (labelled by hand).
CAUSE_LEAD_INS: dict[str, str] = {
    "Risk factors include:": "risk_factors",
    "This is more likely in people who:": "risk_factors",
    "You may be at higher risk if you:": "risk_factors",
    "People most affected include:": "risk_factors",
    "Warning signs include:": "signs",
    "You might notice:": "signs",
    "Symptoms that point to this cause include:": "signs",
    "Signs dehydration may be contributing include:": "signs",
    "Low levels of minerals such as:": "description",
    "Common culprits include medicines such as:": "description",
    "Foods that often trigger it include:": "description",
    "Good sources of iron include foods such as:": "description",
}
ARTICLE_FIELDS = (
    "risk_factors",
    "signs",
    "prevention",
    "treatment",
    "diagnosis",
    "complications",
    "when_to_see_doctor",
)
SLUGS = (
    "dry-eye",
    "frequent-heartburn",
    "iron-deficiency-fatigue",
    "morning-dizziness",
    "nighttime-leg-cramps",
    "tension-headaches",
)


def _walk(article: Article) -> list[tuple[Heading | None, Heading | None, Para | ListBlock]]:
    """(level-2 heading, level-3 heading, block) for every body block."""
    out: list[tuple[Heading | None, Heading | None, Para | ListBlock]] = []
    h2: Heading | None = None
    h3: Heading | None = None
    for page in article.pages:
        for block in page:
            if isinstance(block, Heading):
                if block.level == 2:
                    h2, h3 = block, None
                else:
                    h3 = block
                continue
            out.append((h2, h3, block))
    return out


def truth_causes(article: Article) -> list[dict[str, object]]:
    causes: dict[str, dict[str, object]] = {}
    for h2, h3, block in _walk(article):
        if h2 is None or h2.label != "causes" or h3 is None:
            continue
        name = h3.text.split(". ", 1)[1]
        cause = causes.setdefault(name, {"name": name, "risk_factors": [], "signs": []})
        if isinstance(block, ListBlock):
            field = CAUSE_LEAD_INS[block.lead_in]
            if field != "description":
                cause[field] += [plain(i) for i in block.items]  # type: ignore[operator]
    return list(causes.values())


def truth_lists(article: Article) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {f: [] for f in ARTICLE_FIELDS}
    for h2, _, block in _walk(article):
        if h2 is not None and h2.label in fields and isinstance(block, ListBlock):
            fields[h2.label] += [plain(i) for i in block.items]
    return fields


@pytest.fixture(params=SLUGS)
def case(request: pytest.FixtureRequest, demo_records: dict) -> tuple[Article, HealthArticle]:
    return demo_records[request.param]


def test_every_demo_article_is_covered(demo_records: dict) -> None:
    assert sorted(demo_records) == sorted(SLUGS)


def test_title_byline_dates(case: tuple[Article, HealthArticle]) -> None:
    article, record = case
    assert record.title == article.title
    assert record.authors == [article.meta["author"]]
    assert record.published_at == article.meta["published"]
    assert record.modified_at == article.meta.get("modified")
    assert record.language == "en"
    assert record.site_name == "Daily Health Buzz"


def test_lead_is_the_summary(case: tuple[Article, HealthArticle]) -> None:
    article, record = case
    lead = [plain(b.text) for b in article.pages[0] if isinstance(b, Para)]
    first_heading = next(i for i, b in enumerate(article.pages[0]) if isinstance(b, Heading))
    lead = [plain(b.text) for b in article.pages[0][:first_heading] if isinstance(b, Para)]
    assert record.summary == "\n\n".join(lead)


def test_definition(case: tuple[Article, HealthArticle]) -> None:
    article, record = case
    paragraphs = [
        plain(b.text)
        for h2, _, b in _walk(article)
        if h2 is not None and h2.label == "definition" and isinstance(b, Para)
    ]
    assert record.definition == "\n\n".join(paragraphs)


def test_causes_in_order_with_their_lists(case: tuple[Article, HealthArticle]) -> None:
    article, record = case
    got = [
        {"name": c.name, "risk_factors": c.risk_factors, "signs": c.signs} for c in record.causes
    ]
    assert got == truth_causes(article)


def test_cause_split_over_a_page_break_is_whole(case: tuple[Article, HealthArticle]) -> None:
    article, record = case
    by_name = {c.name: c for c in record.causes}
    for h2, h3, block in _walk(article):
        if h2 is not None and h2.label == "causes" and h3 is not None and isinstance(block, Para):
            cause = by_name[h3.text.split(". ", 1)[1]]
            assert plain(block.text) in cause.description


@pytest.mark.parametrize("field", ARTICLE_FIELDS)
def test_article_level_lists(case: tuple[Article, HealthArticle], field: str) -> None:
    article, record = case
    assert getattr(record, field) == truth_lists(article)[field]


def test_every_page_fetched(case: tuple[Article, HealthArticle], demo_base: str) -> None:
    article, record = case
    from demo.render import page_path

    want = [demo_base + page_path(article, n) for n in range(1, len(article.pages) + 1)]
    assert [p.final_url for p in record.provenance.pages] == want
    assert all(p.status == 200 and p.bytes > 0 for p in record.provenance.pages)
    assert record.warnings == []
