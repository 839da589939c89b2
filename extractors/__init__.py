"""Pure extraction: HTML in, records out. No network, clock or disk.

Public API: `clean_html` (one page -> `CleanPage`), `extract_article` (cleaned pages ->
`schemas.HealthArticle`), `find_next_page`, URL helpers and the typed `NotAnArticle` rejection.
"""

from extractors.article import EXTRACTOR_VERSION, NotAnArticle, content_hash, extract_article
from extractors.blocks import Block
from extractors.clean import CleanPage, clean_html
from extractors.decode import decode_html
from extractors.metadata import PageMeta
from extractors.pagination import find_next_page, is_next_of
from extractors.urls import normalize_url, record_id

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
