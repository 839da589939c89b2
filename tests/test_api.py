"""The public API of each package is pinned: changing it is a deliberate act."""

from __future__ import annotations

import extractors
import flows
import schemas


def test_extractors_api() -> None:
    assert sorted(extractors.__all__) == sorted(
        [
            "EXTRACTOR_VERSION",
            "Block",
            "CleanPage",
            "NotAnArticle",
            "PageMeta",
            "clean_html",
            "content_hash",
            "decode_html",
            "extract_article",
            "find_next_page",
            "is_next_of",
            "normalize_url",
            "record_id",
        ]
    )
    for name in extractors.__all__:
        assert hasattr(extractors, name)


def test_schemas_api() -> None:
    assert sorted(schemas.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "SECTION_KINDS",
            "Cause",
            "HealthArticle",
            "ListKind",
            "PageProvenance",
            "Provenance",
            "Removed",
            "Section",
            "SectionKind",
            "SectionList",
            "json_schema",
            "json_schema_text",
            "to_jsonld",
            "to_markdown",
        ]
    )


def test_flows_api() -> None:
    assert sorted(flows.__all__) == sorted(
        [
            "FetchError",
            "FetchOptions",
            "Fetcher",
            "crawl",
            "crawl_source",
            "extract_url",
            "fetch_article_pages",
            "run_extract",
        ]
    )


def test_crawl_code_imports_extraction_only_when_it_extracts() -> None:
    # A re-crawl that finds every article unchanged never extracts: importing the crawl must
    # not import (and compile the rules of) the extraction machinery.
    import subprocess
    import sys

    code = (
        "import sys, flows.runner, extractors; "
        "print('extractors.clean' in sys.modules, 'extractors.article' in sys.modules, "
        "'extractors.dom' in sys.modules, "
        "extractors.NotAnArticle.__name__, 'extractors.clean' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False", "False", "NotAnArticle", "False"], (
        result.stderr
    )
