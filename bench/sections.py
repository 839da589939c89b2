"""Section benchmark: serve the labelled corpora on 127.0.0.1, run the whole pipeline on every
article, and report section-kind accuracy, boundary accuracy and the confusion between kinds.

tests/corpus (40 articles) is the corpus the rules were developed on; tests/corpus_holdout (20)
and tests/corpus_fresh (16) were written later, in phrasings absent from it, to measure how the
rules carry over; demo/articles are the demo site's six.

usage: python bench/sections.py [CORPUS_DIR ...] [--misses]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.evaluate import Score, confusion_table, score_article  # noqa: E402
from demo.site import ARTICLES_DIR, DemoSite, serve_site  # noqa: E402
from demo.source import load_articles  # noqa: E402
from flows.fetch import Fetcher  # noqa: E402
from flows.pipeline import run_extract  # noqa: E402


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("--")] or [
        ROOT / "tests" / "corpus",
        ROOT / "tests" / "corpus_holdout",
        ROOT / "tests" / "corpus_fresh",
        ARTICLES_DIR,
    ]
    for folder in folders:
        articles = load_articles(folder)
        site = DemoSite.from_articles(articles)
        total = Score()
        started = time.perf_counter()
        with serve_site(site) as base, Fetcher() as fetcher:
            for article, url in zip(articles, site.article_urls(base), strict=True):
                record = run_extract(url, fetcher=fetcher)
                total.add(score_article(article, record))
        elapsed = time.perf_counter() - started
        print(f"== {folder} ({len(articles)} articles, {elapsed:.1f} s)")
        print(
            f"section-kind accuracy {total.kind_accuracy:.3f} "
            f"({total.kinds_right}/{total.sections})"
        )
        print(
            f"boundary accuracy     {total.boundary_accuracy:.3f} "
            f"({total.units_right}/{total.units})"
        )
        print(confusion_table(total.confusion))
        if "--misses" in argv:
            for miss in total.misses:
                print("  miss:", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
