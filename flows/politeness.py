"""Per-host politeness for crawls: robots.txt rules and crawl-delay (parsed by protego), and a
minimum interval between requests to the same host."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

from protego import Protego


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class HostGate:
    """Spaces requests to each host and answers whether robots.txt allows a URL."""

    def __init__(
        self,
        requests_per_second: float,
        robots: dict[str, str | None],
        user_agent: str,
        sharing: int = 1,
    ) -> None:
        """`sharing`: how many gates (batches crawling at once) share each host; robots.txt's
        crawl-delay is stretched by as many, so that together they keep it."""
        self._interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        self._sharing = max(1, sharing)
        self._agent = user_agent
        self._robots = {host: Protego.parse(text) for host, text in robots.items() if text}
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def allowed(self, url: str) -> bool:
        if not self._robots:  # no host has rules: spare parsing every URL for its host
            return True
        rules = self._robots.get(host_of(url))
        return rules is None or bool(rules.can_fetch(url, self._agent))

    def interval(self, host: str) -> float:
        rules = self._robots.get(host)
        delay = rules.crawl_delay(self._agent) if rules is not None else None
        return max(self._interval, float(delay or 0.0) * self._sharing)

    async def wait(self, url: str) -> None:
        """Sleep until the URL's host may be asked again."""
        host = host_of(url)
        interval = self.interval(host)
        if interval <= 0:
            return
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            now = time.monotonic()
            ready = self._next.get(host, now)
            if ready > now:
                await asyncio.sleep(ready - now)
            self._next[host] = max(now, ready) + interval
