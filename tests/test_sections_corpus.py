"""Section kinds and boundaries on the labelled corpus (tests/corpus: 40 articles in 8 site
templates and 8 heading markups, five languages), through the whole pipeline over HTTP.
bench/sections.py prints the same figures with the confusion table."""

from __future__ import annotations

import pytest

from demo.evaluate import Score, score_article
from demo.site import DemoSite, serve_site
from demo.source import load_articles
from flows.fetch import Fetcher
from flows.pipeline import run_extract
from tests.support import CORPUS

KIND_FLOOR = 0.95
BOUNDARY_FLOOR = 0.95


@pytest.fixture(scope="module")
def corpus_score() -> Score:
    articles = load_articles(CORPUS)
    site = DemoSite.from_articles(articles)
    total = Score()
    with serve_site(site) as base, Fetcher() as fetcher:
        for article, url in zip(articles, site.article_urls(base), strict=True):
            total.add(score_article(article, run_extract(url, fetcher=fetcher)))
    return total


def test_corpus_is_the_size_the_issue_asks_for() -> None:
    articles = load_articles(CORPUS)
    assert len(articles) >= 40
    assert len({a.meta["template"] for a in articles}) >= 8
    assert len({a.meta["headings"] for a in articles}) >= 8
    assert {a.language for a in articles} >= {"en", "es", "fr", "de", "pt"}


def test_section_kind_accuracy(corpus_score: Score) -> None:
    assert corpus_score.kind_accuracy >= KIND_FLOOR, corpus_score.misses[:20]


def test_boundary_accuracy(corpus_score: Score) -> None:
    assert corpus_score.boundary_accuracy >= BOUNDARY_FLOOR, corpus_score.misses[:20]
