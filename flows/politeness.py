"""Per-host politeness for crawls: robots.txt rules and crawl-delay (parsed by protego), and a
minimum interval between requests to the same host."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
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
        last_turns: dict[str, float] | None = None,
    ) -> None:
        """`last_turns`: by host, the wall-clock time of the last request an earlier gate let
        through (`last_turns()`). Why: a run's steps (discovery, then its batches one after
        another, in other processes or on other machines) each have a gate, and the host must
        see one interval between all of the run's requests."""
        self._interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        self._agent = user_agent
        self._robots = {host: Protego.parse(text) for host, text in robots.items() if text}
        offset = time.monotonic() - time.time()
        self._last: dict[str, float] = {
            host: turn + offset for host, turn in (last_turns or {}).items()
        }

    def learn(self, robots: dict[str, str | None]) -> None:
        """Take robots.txt texts read since the gate was made (discovery reads them first)."""
        self._robots.update({host: Protego.parse(text) for host, text in robots.items() if text})

    def allowed(self, url: str) -> bool:
        if not self._robots:  # no host has rules: spare parsing every URL for its host
            return True
        rules = self._robots.get(host_of(url))
        return rules is None or bool(rules.can_fetch(url, self._agent))

    def interval(self, host: str) -> float:
        rules = self._robots.get(host)
        delay = rules.crawl_delay(self._agent) if rules is not None else None
        return max(self._interval, float(delay or 0.0))

    def _turn(self, url: str) -> float:
        """Take the URL's host's next turn; returns the seconds to wait for it. Taken at once,
        so that requests waiting side by side get turns an interval apart. Every turn is noted,
        also where no interval is known yet (robots.txt is read by the first)."""
        host = host_of(url)
        now = time.monotonic()
        last = self._last.get(host)
        ready = now if last is None else max(now, last + self.interval(host))
        self._last[host] = ready
        return ready - now

    async def wait(self, url: str) -> None:
        """Sleep until the URL's host may be asked again."""
        delay = self._turn(url)
        if delay > 0:
            await asyncio.sleep(delay)

    def wait_blocking(self, url: str) -> None:
        """`wait` for synchronous fetches (discovery's)."""
        delay = self._turn(url)
        if delay > 0:
            time.sleep(delay)

    def spaced(self, urls: Iterable[str]) -> bool:
        """Whether any of the URLs' hosts asks for an interval between requests."""
        return any(self.interval(host) > 0 for host in {host_of(u) for u in urls})

    def last_turns(self) -> dict[str, float]:
        """By host, the wall-clock time of the last turn taken (see `last_turns` above)."""
        offset = time.time() - time.monotonic()
        return {host: turn + offset for host, turn in self._last.items()}
