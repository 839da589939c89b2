"""Typed failures of the I/O layer."""

from __future__ import annotations


class FetchError(Exception):
    """A fetch failed; `reason` is one line for people, `transient` says a retry may work."""

    def __init__(
        self,
        url: str,
        reason: str,
        *,
        status: int | None = None,
        transient: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{reason} ({url})")
        self.url = url
        self.reason = reason
        self.status = status
        self.transient = transient
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.reason} ({self.url})"
