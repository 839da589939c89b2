"""The async fetcher for crawls: the same limits, retries, redirects and URL policy as
`flows.fetch.Fetcher`, over httpx.AsyncClients shared by a batch's concurrent requests (a few
small connection pools rather than one large one; they share one cookie jar)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from http.cookiejar import CookieJar

import httpx

from flows.body import read_capped_async
from flows.errors import FetchError
from flows.fetch import FetchedPage, FetcherCore, FetchOptions, transport_reason
from flows.netpolicy import UrlPolicy

# Why: httpcore's pool does work on every request that grows with its connections and waiting
# requests. Client CPU for 1,000 requests at 16 in flight, by connections per pool: 16 (one
# pool) 1.1-1.3 s, 4 0.62-0.74 s, 2 0.52-0.57 s, 1 0.47-0.62 s.
CONNECTIONS_PER_POOL = 2


class AsyncFetcher(FetcherCore):
    """Fetches pages over httpx.AsyncClients; use as an async context manager. Up to
    `max_connections` connections in all, in pools of CONNECTIONS_PER_POOL (one pool when a
    transport is given: it is the pool)."""

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
        total = max(1, max_connections)
        pools = 1 if transport is not None else -(-total // CONNECTIONS_PER_POOL)
        sizes = [total // pools + (1 if i < total % pools else 0) for i in range(pools)]
        cookies = CookieJar()
        self._clients = [
            httpx.AsyncClient(
                transport=transport,
                limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
                cookies=cookies,
                **self.client_options(),
            )
            for size in sizes
        ]
        self._busy = [0] * pools

    async def __aenter__(self) -> AsyncFetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        for client in self._clients:
            await client.aclose()

    async def fetch(
        self,
        url: str,
        headers: dict[str, str] | None = None,
        *,
        origin: str | None = None,
        pace: Callable[[str], Awaitable[None]] | None = None,
        allow: Callable[[str], bool] | None = None,
        throttled: Callable[[str, float | None], None] | None = None,
    ) -> FetchedPage:
        """GET `url` following redirects, with retries; raises FetchError (see Fetcher.fetch).
        `pace`: awaited with the URL before each retry and each redirect hop (the host's
        politeness gate), so that they keep the host's request interval as the first try did.
        `allow`: whether robots.txt lets a redirect hop be asked for (see check_allowed).
        `throttled`: told of each 429 answer, with its Retry-After (HostGate.throttled)."""
        attempt = 0
        while True:
            try:
                return await self._follow(url, headers or {}, origin or url, pace, allow)
            except FetchError as exc:
                if throttled is not None and exc.status == 429:
                    throttled(url, exc.retry_after)
                delay = self.retry_delay(exc, attempt)
                if delay is None:
                    raise
                attempt += 1
                await self._sleep(delay)
                if pace is not None:
                    await pace(url)

    async def _follow(
        self,
        url: str,
        headers: dict[str, str],
        origin: str,
        pace: Callable[[str], Awaitable[None]] | None = None,
        allow: Callable[[str], bool] | None = None,
    ) -> FetchedPage:
        # The least busy pool serves every hop of this fetch.
        index = self._busy.index(min(self._busy))
        self._busy[index] += 1
        try:
            return await self._follow_on(self._clients[index], url, headers, origin, pace, allow)
        finally:
            self._busy[index] -= 1

    async def _follow_on(
        self,
        client: httpx.AsyncClient,
        url: str,
        headers: dict[str, str],
        origin: str,
        pace: Callable[[str], Awaitable[None]] | None,
        allow: Callable[[str], bool] | None,
    ) -> FetchedPage:
        seen: list[str] = []
        current = url
        while True:
            self.check_hop(url, current, seen, origin)
            if current != url:
                self.check_allowed(url, current, allow)
                if pace is not None:
                    await pace(current)
            try:
                async with client.stream("GET", current, headers=headers) as response:
                    location = self.verdict(url, current, response)
                    if location is None:
                        body = await self._body(url, response)
                        return self.page(url, current, response, body)
                    self.note_cookies(response, seen)
                    if self.keeps_connection(response):
                        async for _ in response.aiter_raw():  # raw: nothing is decompressed
                            pass
            except httpx.HTTPError as exc:
                raise FetchError(url, transport_reason(exc), transient=True) from exc
            current = location

    async def _body(self, url: str, response: httpx.Response) -> bytes:
        if response.status_code == 304:
            # A 304 has no body, but the connection goes back to the pool only once the
            # response is read to its end: unread, every re-crawl request opened a connection.
            await response.aread()
        ready = self.ready_body(url, response)
        if ready is not None:
            return ready
        encoding = response.headers.get("content-encoding", "")
        limit = self.options.max_bytes
        return await read_capped_async(response.aiter_raw(), encoding, limit, url, self.deadline())
