"""The async fetcher for crawls: the same limits, retries, redirects and URL policy as
`flows.fetch.Fetcher`, over one httpx.AsyncClient shared by a batch's concurrent requests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

from flows.body import read_capped_async
from flows.errors import FetchError
from flows.fetch import FetchedPage, FetcherCore, FetchOptions, transport_reason
from flows.netpolicy import UrlPolicy


class AsyncFetcher(FetcherCore):
    """Fetches pages over one httpx.AsyncClient; use as an async context manager."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        policy: UrlPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        max_connections: int = 16,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(options, policy)
        self._sleep = sleep
        limits = httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        )
        self._client = httpx.AsyncClient(
            transport=transport, limits=limits, **self.client_options()
        )

    async def __aenter__(self) -> AsyncFetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._client.aclose()

    async def fetch(
        self, url: str, headers: dict[str, str] | None = None, *, origin: str | None = None
    ) -> FetchedPage:
        """GET `url` following redirects, with retries; raises FetchError (see Fetcher.fetch)."""
        attempt = 0
        while True:
            try:
                return await self._follow(url, headers or {}, origin or url)
            except FetchError as exc:
                delay = self.retry_delay(exc, attempt)
                if delay is None:
                    raise
                attempt += 1
                await self._sleep(delay)

    async def _follow(self, url: str, headers: dict[str, str], origin: str) -> FetchedPage:
        seen: list[str] = []
        current = url
        while True:
            self.check_hop(url, current, seen, origin)
            try:
                async with self._client.stream("GET", current, headers=headers) as response:
                    location = self.verdict(url, current, response)
                    if location is None:
                        body = await self._body(url, response)
                        return self.page(url, current, response, body)
            except httpx.HTTPError as exc:
                raise FetchError(url, transport_reason(exc), transient=True) from exc
            current = location

    async def _body(self, url: str, response: httpx.Response) -> bytes:
        ready = self.ready_body(url, response)
        if ready is not None:
            return ready
        encoding = response.headers.get("content-encoding", "")
        limit = self.options.max_bytes
        return await read_capped_async(response.aiter_raw(), encoding, limit, url, self.deadline())
