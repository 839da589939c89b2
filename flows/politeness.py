"""Per-host politeness for crawls: robots.txt rules and crawl-delay (parsed by protego), and a
minimum interval between requests to the same host."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


# A host that answers 429 Too Many Requests asks for a slower pace than the source's: each 429
# doubles the host's interval for the rest of the run, from at least the first figure, up to
# the second (seconds); and its Retry-After holds every request to the host when it is no
# longer than the third (a longer one is one page's ban: that fetch fails, the others go on).
THROTTLED_MIN_INTERVAL = 0.25
THROTTLED_MAX_INTERVAL = 5.0
THROTTLED_MAX_HOLD = 10.0


@dataclass(frozen=True)
class HostPace:
    """What a gate hands to the next of a run (picklable): by host, the wall-clock time of the
    last request it let through, and the interval the host's 429s asked for."""

    turns: dict[str, float] = field(default_factory=dict)
    throttled: dict[str, float] = field(default_factory=dict)


class HostGate:
    """Spaces requests to each host and answers whether robots.txt allows a URL."""

    def __init__(
        self,
        requests_per_second: float,
        robots: dict[str, str | None],
        user_agent: str,
        pace: HostPace | None = None,
    ) -> None:
        """`pace`: where an earlier gate of the run left each host (`pace()`). Why: a run's
        steps (discovery, then its batches one after another, in other processes or on other
        machines) each have a gate, and the host must see one interval between all of the
        run's requests, at the pace its 429s asked for."""
        self._interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        self._agent = user_agent
        self._robots = {host: Protego.parse(text) for host, text in robots.items() if text}
        offset = time.monotonic() - time.time()
        pace = pace or HostPace()
        self._last: dict[str, float] = {host: turn + offset for host, turn in pace.turns.items()}
        self._throttled = dict(pace.throttled)  # by host, the interval its 429s asked for
        self._throttles: dict[str, int] = {}  # by host, how many 429s it has answered

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
        return max(self._interval, float(delay or 0.0), self._throttled.get(host, 0.0))

    def throttled(self, url: str, retry_after: float | None) -> None:
        """The host answered 429 (too many requests): its requests from now on are spaced
        twice as far apart (see THROTTLED_MIN_INTERVAL), and none goes before its Retry-After
        has passed. Why: the retried request alone waiting its Retry-After left the others at
        the source's pace, and half of a rate-limited host's answers were 429s."""
        host = host_of(url)
        slower = max(2 * self.interval(host), THROTTLED_MIN_INTERVAL)
        self._throttled[host] = min(slower, THROTTLED_MAX_INTERVAL)
        self._throttles[host] = self._throttles.get(host, 0) + 1
        if retry_after and retry_after <= THROTTLED_MAX_HOLD:
            ready = time.monotonic() + retry_after
            turn = ready - self.interval(host)  # the next turn is then `ready`
            self._last[host] = max(self._last.get(host, turn), turn)

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
        """Sleep until the URL's host may be asked again. A turn taken before the host
        answered a 429 is taken again, at the slower pace it asked for."""
        host = host_of(url)
        while True:
            throttles = self._throttles.get(host, 0)
            delay = self._turn(url)
            if delay > 0:
                await asyncio.sleep(delay)
            if self._throttles.get(host, 0) == throttles:
                return

    def wait_blocking(self, url: str) -> None:
        """`wait` for synchronous fetches (discovery's)."""
        delay = self._turn(url)
        if delay > 0:
            time.sleep(delay)

    def spaced(self, urls: Iterable[str]) -> bool:
        """Whether any of the URLs' hosts asks for an interval between requests."""
        return any(self.interval(host) > 0 for host in {host_of(u) for u in urls})

    def pace(self) -> HostPace:
        """Where this gate leaves each host, for the run's next gate (see `pace` above)."""
        offset = time.time() - time.monotonic()
        turns = {host: turn + offset for host, turn in self._last.items()}
        return HostPace(turns, dict(self._throttled))
