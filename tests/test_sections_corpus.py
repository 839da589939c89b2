"""Section kinds and boundaries on the labelled corpora (tests/corpus: 40 articles in 8 site
templates and 8 heading markups, five languages; tests/corpus_holdout and tests/corpus_fresh:
36 more in phrasings absent from it), through the whole pipeline over HTTP.
bench/sections.py prints the same figures with the confusion table."""

from __future__ import annotations

import pytest

from demo.evaluate import Score, score_article
from demo.site import DemoSite, serve_site
from demo.source import load_articles
from flows.fetch import Fetcher
from flows.pipeline import run_extract
from tests.support import CORPUS

# (kind floor, boundary floor) per corpus folder: the held-out corpora get a lower kind floor,
# since their phrasings were written to be unlike the development corpus.
FLOORS = {"corpus": (0.95, 0.95), "corpus_holdout": (0.9, 0.95), "corpus_fresh": (0.9, 0.95)}


def _score(folder: str) -> Score:
    articles = load_articles(CORPUS.parent / folder)
    site = DemoSite.from_articles(articles)
    total = Score()
    with serve_site(site) as base, Fetcher() as fetcher:
        for article, url in zip(articles, site.article_urls(base), strict=True):
            total.add(score_article(article, run_extract(url, fetcher=fetcher)))
    return total


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request: pytest.FixtureRequest) -> tuple[str, Score]:
    return request.param, _score(request.param)


def test_corpus_is_the_size_the_issue_asks_for() -> None:
    articles = load_articles(CORPUS)
    assert len(articles) >= 40
    assert len({a.meta["template"] for a in articles}) >= 8
    assert len({a.meta["headings"] for a in articles}) >= 8
    assert {a.language for a in articles} >= {"en", "es", "fr", "de", "pt"}


def test_section_kind_accuracy(scored: tuple[str, Score]) -> None:
    folder, score = scored
    assert score.kind_accuracy >= FLOORS[folder][0], score.misses[:20]


def test_boundary_accuracy(scored: tuple[str, Score]) -> None:
    folder, score = scored
    assert score.boundary_accuracy >= FLOORS[folder][1], score.misses[:20]
