"""The typed rejection of `extract_article`, apart so that code which only catches it (a crawl
that finds every article unchanged) need not import the extraction machinery."""

from __future__ import annotations


class NotAnArticle(Exception):
    """The pages hold no extractable article; `reason` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
