"""Regenerate expected outputs: `python -m tests.regen [slug ...]`. Review with `git diff`."""

from __future__ import annotations

import sys

from demo.site import DemoSite, serve_site
from demo.source import Article
from flows.fetch import Fetcher
from flows.pipeline import run_extract
from tests.support import DEMO_FIXTURES, dump, normalize


def main(argv: list[str]) -> int:
    site = DemoSite.from_folder()
    wanted = set(argv)
    with serve_site(site) as base, Fetcher() as fetcher:
        for article, url in zip(site.articles, site.article_urls(base), strict=True):
            if wanted and article.slug not in wanted:
                continue
            write_case(article, run_extract(url, fetcher=fetcher), base)
    return 0


def write_case(article: Article, record: object, base: str) -> None:
    from schemas import HealthArticle

    assert isinstance(record, HealthArticle)
    folder = DEMO_FIXTURES / article.slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "expected.json").write_text(dump(normalize(record, base)), encoding="utf-8")
    print(f"wrote {folder / 'expected.json'}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
