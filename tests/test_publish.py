"""Publishing: atomic files, nothing rewritten when unchanged, index rebuilt from the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.files import PublishError, safe_path, write_atomic
from flows.publish import Rejection, publish_article, rebuild_index, write_rejection
from schemas import HealthArticle


def record(n: int = 1, text: str = "Body text") -> HealthArticle:
    from extractors import content_hash

    base = HealthArticle(
        id=f"site-test-article-{n}",
        url=f"https://site.test/a{n}/",
        canonical_url=f"https://site.test/a{n}/",
        title=f"Article {n}",
        text=text,
    )
    provenance = base.provenance.model_copy(
        update={"content_hash": content_hash(base), "extracted_at": "2026-01-01T00:00:00Z"}
    )
    return base.model_copy(update={"provenance": provenance})


def test_new_unchanged_changed(tmp_path: Path) -> None:
    assert publish_article(record(), tmp_path) == "new"
    path = tmp_path / "articles" / "site-test-article-1.json"
    before = path.stat()
    assert publish_article(record(), tmp_path) == "unchanged"
    after = path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    assert publish_article(record(text="New text"), tmp_path) == "changed"
    assert json.loads(path.read_text())["text"] == "New text"


def test_a_new_date_alone_rewrites_nothing(tmp_path: Path) -> None:
    """A page that gives the time of each request as its modification time: the same text
    with another date is the article as it was, and its file is not rewritten."""
    from extractors import content_hash

    def dated(stamp: str, text: str = "Body text") -> HealthArticle:
        base = record(text=text).model_copy(update={"modified_at": stamp})
        provenance = base.provenance.model_copy(update={"content_hash": content_hash(base)})
        return base.model_copy(update={"provenance": provenance})

    assert publish_article(dated("2026-03-02T06:20:00Z"), tmp_path) == "new"
    path = tmp_path / "articles" / "site-test-article-1.json"
    before = path.stat().st_mtime_ns
    assert publish_article(dated("2026-03-03T06:20:00Z"), tmp_path) == "unchanged"
    assert path.stat().st_mtime_ns == before
    assert publish_article(dated("2026-03-04T06:20:00Z", "New text"), tmp_path) == "changed"


def test_an_article_from_two_addresses_keeps_the_same_one_whichever_comes_first(
    tmp_path: Path,
) -> None:
    """The same record reached from two addresses (a feed's two tracking redirects, a 301 and
    its target) keeps its canonical address, else the smallest, in whatever order the batches
    publish; once it has it, neither address rewrites it."""
    canonical = record()
    via_feed = canonical.model_copy(update={"url": "https://site.test/r/feed/8101"})
    other_feed = canonical.model_copy(update={"url": "https://site.test/r/feed/8177"})
    path = tmp_path / "articles" / "site-test-article-1.json"
    for order in ([via_feed, canonical], [canonical, via_feed]):
        out = tmp_path / str(id(order))
        statuses = [publish_article(r, out) for r in order]
        kept = json.loads((out / "articles" / path.name).read_text())["url"]
        assert kept == "https://site.test/a1/", statuses
        assert [publish_article(r, out) for r in order] == ["unchanged", "unchanged"]
    for order in ([other_feed, via_feed], [via_feed, other_feed]):
        out = tmp_path / f"feeds-{id(order)}"
        for r in order:
            publish_article(r, out)
        assert json.loads((out / "articles" / path.name).read_text())["url"].endswith("/8101")


def test_write_atomic_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "x" / "file.json"
    assert write_atomic(target, "{}\n") is True
    assert write_atomic(target, "{}\n") is False
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.json"]


def test_index_and_jsonl_are_rebuilt_from_files(tmp_path: Path) -> None:
    for n in (1, 2):
        publish_article(record(n), tmp_path)
    changed = rebuild_index(tmp_path)
    assert changed == {"index.json": True, "articles.jsonl": True, "schema": True}
    index = json.loads((tmp_path / "index.json").read_text())
    assert [a["id"] for a in index["articles"]] == ["site-test-article-1", "site-test-article-2"]
    assert index["articles"][0]["path"] == "articles/site-test-article-1.json"
    lines = (tmp_path / "articles.jsonl").read_text().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in index["articles"]]
    assert rebuild_index(tmp_path) == {
        "index.json": False,
        "articles.jsonl": False,
        "schema": False,
    }
    schema = json.loads((tmp_path / "schema" / "health-article.schema.json").read_text())
    assert schema["title"] == "HealthArticle"


@pytest.mark.parametrize("name", ["../evil", "a/b", "..", "UPPER", "", ".hidden", "a\n", "a..b"])
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(PublishError):
        safe_path(tmp_path, "articles", name)


def test_a_symlink_in_the_output_is_replaced_not_followed(tmp_path: Path) -> None:
    """A file name that is a symlink to a file outside the output folder: the write replaces
    the link and leaves the file it pointed to as it was."""
    outside = tmp_path / "outside.json"
    outside.write_text("keep")
    (tmp_path / "out" / "articles").mkdir(parents=True)
    path = safe_path(tmp_path / "out", "articles", "abc123")
    path.symlink_to(outside)
    assert write_atomic(path, "{}")
    assert outside.read_text() == "keep"
    assert not path.is_symlink()
    assert path.read_text() == "{}"


def test_rejection_not_rewritten_when_reason_is_the_same(tmp_path: Path) -> None:
    first = Rejection("https://s.test/a/", "fetch", "HTTP 500", "2026-01-01T00:00:00Z")
    again = Rejection("https://s.test/a/", "fetch", "HTTP 500", "2026-01-02T00:00:00Z")
    assert write_rejection(tmp_path, first) is True
    assert write_rejection(tmp_path, again) is False


def test_the_schema_is_built_ahead_only_when_the_run_will_write_it(tmp_path: Path) -> None:
    """While worker processes crawl, the JSON Schema text is built in a background thread if
    the run's end will write it; an output whose schema is current starts no thread."""
    import threading

    from flows import publish

    def warmed(out: Path) -> bool:
        publish._schema_text.cache_clear()
        publish.warm_schema(out)
        for thread in threading.enumerate():
            if thread.name == "warm-schema":
                thread.join(timeout=60)
        return publish._schema_text.cache_info().currsize == 1

    assert warmed(tmp_path)
    assert publish._write_schema(tmp_path)
    assert not warmed(tmp_path)
    schema = json.loads((tmp_path / publish.SCHEMA_FILE).read_text())
    assert schema["title"] == "HealthArticle"


def test_a_page_cloned_with_another_pages_canonical_keeps_its_own_article(tmp_path: Path) -> None:
    """Two articles under one id (a page cloned from another kept that page's canonical): the
    page that is its canonical's own keeps the id, whichever is published first; the other
    article is published under its own address. A later page of the same article (same
    title) does not replace its article."""
    from extractors import content_hash, record_id
    from flows.publish import own_address

    def article(path: str, title: str, text: str) -> HealthArticle:
        base = HealthArticle(
            id=record_id("https://site.test/strain/"),
            url=f"https://site.test/{path}/",
            canonical_url="https://site.test/strain/",
            title=title,
            text=text,
        )
        provenance = base.provenance.model_copy(update={"content_hash": content_hash(base)})
        return base.model_copy(update={"provenance": provenance})

    strain = article("strain", "Intercostal muscle strain", "A pulled muscle between ribs.")
    lenses = article("lenses", "Contact lens discomfort", "Dry, gritty eyes with lenses.")
    page_two = article("strain/2", "Intercostal muscle strain (page 2)", "Rest and ice.")
    for first, second in ((strain, lenses), (lenses, strain)):
        out = tmp_path / first.title[:6]
        for one in (first, second, page_two):
            publish_article(own_address(one, out), out)
        records = {
            json.loads(p.read_text())["title"]: p.stem for p in (out / "articles").glob("*.json")
        }
        assert records == {
            "Intercostal muscle strain": record_id("https://site.test/strain/"),
            "Contact lens discomfort": record_id("https://site.test/lenses/"),
        }
        moved = json.loads(
            (out / "articles" / f"{records['Contact lens discomfort']}.json").read_text()
        )
        assert moved["canonical_url"] == "https://site.test/lenses/"
        assert moved["provenance"]["content_hash"] == content_hash(
            HealthArticle.model_validate(moved)
        )
