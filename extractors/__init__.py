"""Pure extraction: HTML in, records out. No network, clock or disk.

Public API: `clean_html` (one page -> `CleanPage`), `extract_article` (cleaned pages ->
`schemas.HealthArticle`), `find_next_page`, URL helpers and the typed `NotAnArticle` rejection.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractors.article import EXTRACTOR_VERSION, content_hash, extract_article
    from extractors.blocks import Block
    from extractors.clean import CleanPage, clean_html
    from extractors.decode import decode_html
    from extractors.errors import NotAnArticle
    from extractors.metadata import PageMeta
    from extractors.pagekeys import is_next_of
    from extractors.pagination import find_next_page
    from extractors.urls import normalize_url, record_id

# Where each public name lives: the package imports a module when a name of it is first used,
# so code that needs only URL helpers or the rejection type does not import the extraction
# machinery (and compile its rules), about 0.1 s.
_HOMES = {
    "EXTRACTOR_VERSION": "article",
    "content_hash": "article",
    "extract_article": "article",
    "Block": "blocks",
    "CleanPage": "clean",
    "clean_html": "clean",
    "decode_html": "decode",
    "NotAnArticle": "errors",
    "PageMeta": "metadata",
    "find_next_page": "pagination",
    "is_next_of": "pagekeys",
    "normalize_url": "urls",
    "record_id": "urls",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'extractors' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"extractors.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
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
