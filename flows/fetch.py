"""The HTTP fetcher: httpx with timeouts, size caps on the raw and the decompressed body,
retries with backoff on 5xx/429 and transport errors (honouring Retry-After), manual redirects
with loop and length limits, and a URL policy checked on every hop.

Sync (`Fetcher`) for the one-off CLI; the crawl uses the async twin in `flows.crawl_fetch`.
"""

from __future__ import annotations

import email.utils
import hashlib
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from flows.netpolicy import PolicyError, UrlPolicy

VERSION = "0.1.0"
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 healthsift/{VERSION} (+https://healthsift.dev/bot)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+html")


@dataclass(frozen=True)
class FetchOptions:
    """Limits and politeness of the fetcher; defaults suit one-off CLI runs."""

    timeout: float = 10.0
    """Seconds for connect, read and write each (and for the whole body)."""
    max_bytes: int = 8_000_000
    """Largest body accepted, raw and after decompression."""
    retries: int = 3
    """Retries after the first attempt on 429, 5xx and transport errors."""
    backoff: float = 0.5
    """First retry delay in seconds; doubles on each retry."""
    max_retry_after: float = 30.0
    """Longest Retry-After honoured; a longer one fails the fetch at once."""
    max_redirects: int = 10
    user_agent: str = USER_AGENT
    max_pages: int = 20
    """Page cap when following an article's pagination."""


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


@dataclass(frozen=True)
class FetchedPage:
    """One HTTP response body and where it came from."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def utc_now() -> str:
    """Now as ISO 8601 UTC with a `Z`, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class _Inflater:
    """Incremental gzip/deflate decoding that never inflates past the size cap."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS}.get(
            encoding, zlib.MAX_WBITS
        )
        self._obj = zlib.decompressobj(wbits) if encoding else None
        self._limit, self._url, self.size = limit, url, 0

    def feed(self, data: bytes) -> bytes:
        if self._obj is None:
            return self._count(data)
        try:
            out = self._obj.decompress(data, self._limit - self.size + 1)
        except zlib.error as exc:
            raise FetchError(self._url, f"body is not valid compressed data: {exc}") from exc
        self._count(out)
        if self._obj.unconsumed_tail:
            raise FetchError(self._url, f"decompressed body larger than {self._limit} bytes")
        return out

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self._limit:
            raise FetchError(self._url, f"body larger than {self._limit} bytes")
        return data


def read_capped(
    chunks: Iterator[bytes], encoding: str, limit: int, url: str, deadline: float | None = None
) -> bytes:
    """Join raw body chunks, decoding gzip/deflate, failing past `limit` bytes either way or
    past the monotonic `deadline`."""
    encoding = encoding.strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    inflater = _Inflater("" if encoding == "identity" else encoding, limit, url)
    raw = 0
    parts: list[bytes] = []
    for chunk in chunks:
        raw += len(chunk)
        if raw > limit:
            raise FetchError(url, f"body larger than {limit} bytes")
        parts.append(inflater.feed(chunk))
        if deadline is not None and time.monotonic() > deadline:
            raise FetchError(url, "body arrived too slowly (time limit reached)", transient=True)
    return b"".join(parts)


def is_html(content_type: str, body: bytes) -> bool:
    """True when the response is HTML by its header, or by sniffing when the header is vague."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in HTML_TYPES:
        return True
    if kind and kind not in ("text/plain", "application/octet-stream", "binary/octet-stream"):
        return False
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta"))


def _transport_reason(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken mid-response ({exc})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Fetcher:
    """Fetches pages over one httpx.Client; use as a context manager."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        policy: UrlPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        self.policy = policy or UrlPolicy()
        self._sleep = sleep
        timeout = httpx.Timeout(self.options.timeout)
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            transport=transport,
            headers={
                "User-Agent": self.options.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
                "Accept-Language": "en;q=0.9, *;q=0.5",
            },
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self, url: str, headers: dict[str, str] | None = None, *, origin: str | None = None
    ) -> FetchedPage:
        """GET `url` following redirects, with retries; raises FetchError. `origin` is the URL
        the user gave (private addresses are allowed only when it is on one)."""
        attempt = 0
        while True:
            try:
                return self._follow(url, headers or {}, origin or url)
            except FetchError as exc:
                delay = self._retry_delay(exc, attempt)
                if delay is None:
                    raise
                attempt += 1
                self._sleep(delay)

    def _retry_delay(self, exc: FetchError, attempt: int) -> float | None:
        opts = self.options
        if not exc.transient or attempt >= opts.retries:
            return None
        wait = exc.retry_after
        if wait is None:
            return float(opts.backoff * (2**attempt))
        if wait > opts.max_retry_after:
            exc.reason += f"; Retry-After {wait:.0f}s exceeds the {opts.max_retry_after:.0f}s limit"
            return None
        return float(wait)

    def _follow(self, url: str, headers: dict[str, str], origin: str) -> FetchedPage:
        seen: list[str] = []
        current = url
        while True:
            try:
                self.policy.check(current, start=origin)
            except PolicyError as exc:
                raise FetchError(url, exc.reason) from exc
            if current in seen:
                raise FetchError(url, f"redirect loop at {current}")
            if len(seen) > self.options.max_redirects:
                raise FetchError(url, f"more than {self.options.max_redirects} redirects")
            seen.append(current)
            page, location = self._once(url, current, headers)
            if location is None:
                assert page is not None
                return page
            current = location

    def _once(
        self, url: str, current: str, headers: dict[str, str]
    ) -> tuple[FetchedPage | None, str | None]:
        try:
            with self._client.stream("GET", current, headers=headers) as response:
                return self._handle(url, current, response)
        except httpx.HTTPError as exc:
            raise FetchError(url, _transport_reason(exc), transient=True) from exc

    def _handle(
        self, url: str, current: str, response: httpx.Response
    ) -> tuple[FetchedPage | None, str | None]:
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            return None, urljoin(current, response.headers["location"])
        if status in RETRY_STATUSES:
            raise FetchError(
                url,
                f"HTTP {status}",
                status=status,
                transient=True,
                retry_after=retry_after_seconds(response.headers.get("retry-after")),
            )
        if status == 304:
            return self._page(url, current, response, b""), None
        if status >= 400:
            raise FetchError(url, f"HTTP {status}", status=status)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.options.max_bytes:
            raise FetchError(url, f"body of {declared} bytes exceeds {self.options.max_bytes}")
        if response.is_stream_consumed:  # a transport that hands over decoded bodies
            body = read_capped(iter([response.content]), "", self.options.max_bytes, url)
        else:
            body = read_capped(
                response.iter_raw(),
                response.headers.get("content-encoding", ""),
                self.options.max_bytes,
                url,
                time.monotonic() + 3 * self.options.timeout,
            )
        return self._page(url, current, response, body), None

    @staticmethod
    def _page(url: str, current: str, response: httpx.Response, body: bytes) -> FetchedPage:
        keep = ("content-type", "etag", "last-modified", "content-length")
        return FetchedPage(
            url=url,
            final_url=current,
            status=response.status_code,
            content_type=response.headers.get("content-type", ""),
            body=body,
            fetched_at=utc_now(),
            headers={k: response.headers[k] for k in keep if k in response.headers},
        )


def same_host(a: str, b: str) -> bool:
    return urlsplit(a).netloc.lower() == urlsplit(b).netloc.lower()


__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchOptions",
    "FetchedPage",
    "Fetcher",
    "is_html",
    "read_capped",
    "retry_after_seconds",
    "same_host",
    "utc_now",
]
