"""The HTTP fetcher: httpx with timeouts, size caps on the raw and the decompressed body,
retries with backoff on 5xx/429 and transport errors (honouring Retry-After), manual redirects
with loop and length limits, and a URL policy checked on every hop.

Sync (`Fetcher`) for the one-off CLI; the crawl uses the async twin in `flows.crawl_fetch`.
"""

from __future__ import annotations

import email.utils
import hashlib
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from extractors.rules.pagination import MAX_PAGES
from flows.body import GZIP_MAGIC, read_capped
from flows.errors import FetchError
from flows.netpolicy import PolicyError, UrlPolicy

VERSION = "0.1.0"
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/131.0 Safari/537.36 healthsift/{VERSION} (+https://healthsift.dev/bot)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
COOKIES_SET = ""  # in a fetch's list of hops: a redirect set a cookie here (no URL is "")
REDIRECT_BODY_BYTES = 16_384  # Why: a redirect's body is a line of HTML; longer ones are not read.
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+html")
# Bodies that open with these bytes are no page of text, whatever their Content-Type says.
# Why: a page compressed once more than its header says had been read as Windows-1252 text
# and published as an "untitled" article of binary.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (GZIP_MAGIC, "gzip data"),
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP file"),
)
_BINARY_STARTS = tuple(magic for magic, _ in BINARY_MAGIC)


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
    max_pages: int = MAX_PAGES
    """Page cap when following an article's pagination."""


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


def body_kind(content_type: str, body: bytes) -> str:
    """What a response holds, for messages: its media type, and a binary file's kind where
    the header calls it HTML ("gzip data sent as text/html")."""
    kind = content_type.split(";")[0].strip()
    binary = next((name for magic, name in BINARY_MAGIC if body.startswith(magic)), None)
    if binary is not None and kind.lower() in HTML_TYPES:
        return f"{binary} sent as {kind}"
    return kind or binary or "unknown content"


def is_html(content_type: str, body: bytes) -> bool:
    """True when the response is HTML by its header, or by sniffing when the header is vague;
    never a binary file (BINARY_MAGIC)."""
    if body.startswith(_BINARY_STARTS):
        return False
    kind = content_type.split(";")[0].strip().lower()
    if kind in HTML_TYPES:
        return True
    if kind and kind not in ("text/plain", "application/octet-stream", "binary/octet-stream"):
        return False
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta"))


def transport_reason(exc: httpx.HTTPError) -> str:
    """One line saying what went wrong on the wire (the cause's text when httpx gives none)."""
    detail = str(exc) or str(exc.__cause__ or exc.__context__ or "")
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken mid-response ({detail})"
    for kind, phrase in TRANSPORT_PHRASES:
        if isinstance(exc, kind):
            return f"{phrase} ({detail})" if detail else phrase
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


# What each low-level failure means to a reader of a run report; httpx often gives no text.
TRANSPORT_PHRASES: tuple[tuple[type[httpx.HTTPError], str], ...] = (
    (httpx.ConnectError, "could not connect"),
    (httpx.ReadError, "connection lost while reading the response"),
    (httpx.WriteError, "connection lost while sending the request"),
    (httpx.ProxyError, "proxy failed"),
)


@lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """One TLS context for every client of this process, as httpx builds it by default
    (certifi's CA bundle, or SSL_CERT_FILE / SSL_CERT_DIR): each build loads the CA bundle,
    about 20 ms, and a crawl batch builds several clients."""
    return httpx.create_ssl_context()


def warm_tls_context() -> None:
    """Build the process's TLS context in a background thread. Why: loading the CA bundle
    (about 20 ms) releases the GIL, so it runs on the other core while the caller goes on
    importing the extractors or Prefect; the first fetch then finds the context ready."""
    threading.Thread(target=tls_context, name="warm-tls-context", daemon=True).start()


class FetcherCore:
    """What the sync and async fetchers share: options, URL policy, retry delays, redirect
    bookkeeping and the verdict on each response's status and headers."""

    def __init__(self, options: FetchOptions | None, policy: UrlPolicy | None) -> None:
        self.options = options or FetchOptions()
        self.policy = policy or UrlPolicy()
        self.headers = {
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=0.9, *;q=0.5",
        }

    def retry_delay(self, exc: FetchError, attempt: int) -> float | None:
        """Seconds to wait before retry `attempt + 1`, or None to give up."""
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

    def check_hop(self, url: str, current: str, seen: list[str], origin: str) -> None:
        """Refuse a hop the policy forbids, a redirect loop or too long a chain."""
        try:
            self.policy.check(current, start=origin)
        except PolicyError as exc:
            raise FetchError(url, exc.reason) from exc
        since = len(seen) - seen[::-1].index(COOKIES_SET) if COOKIES_SET in seen else 0
        if current in seen[since:]:
            raise FetchError(url, f"redirect loop at {current}")
        if len(seen) - seen.count(COOKIES_SET) > self.options.max_redirects:
            raise FetchError(url, f"more than {self.options.max_redirects} redirects")
        seen.append(current)

    @staticmethod
    def check_allowed(url: str, current: str, allow: Callable[[str], bool] | None) -> None:
        """Refuse a redirect hop robots.txt disallows: a moved page that now redirects into a
        members' area is not to be asked for there."""
        if allow is not None and not allow(current):
            raise FetchError(url, f"redirect to {current}, disallowed by robots.txt")

    @staticmethod
    def note_cookies(response: httpx.Response, seen: list[str]) -> None:
        """A redirect that sets a cookie: a URL asked for before it may be asked again. Why:
        a site's cookie check ("/article" -> "/cookie-check?return=/article", which sets the
        cookie and sends the reader back) is no loop for a client that keeps cookies."""
        if "set-cookie" in response.headers:
            seen.append(COOKIES_SET)

    def verdict(self, url: str, current: str, response: httpx.Response) -> str | None:
        """The redirect target, or None when the body is to be read; raises FetchError."""
        status = response.status_code
        if status in REDIRECT_STATUSES and response.headers.get("location"):
            return urljoin(current, response.headers["location"])
        if status in RETRY_STATUSES:
            raise FetchError(
                url,
                f"HTTP {status}",
                status=status,
                transient=True,
                retry_after=retry_after_seconds(response.headers.get("retry-after")),
            )
        if status >= 400:
            raise FetchError(url, f"HTTP {status}", status=status)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.options.max_bytes:
            raise FetchError(url, f"body of {declared} bytes exceeds {self.options.max_bytes}")
        return None

    @staticmethod
    def keeps_connection(response: httpx.Response) -> bool:
        """A redirect whose short, declared body is worth reading so that its connection goes
        back to the pool (the next hop is most often on the same host)."""
        declared = response.headers.get("content-length", "")
        return declared.isdigit() and int(declared) <= REDIRECT_BODY_BYTES

    def client_options(self) -> dict[str, Any]:
        """What the sync and async httpx clients are built with (redirects are followed by
        hand, so each hop passes the URL policy)."""
        return {
            "verify": tls_context(),
            "timeout": httpx.Timeout(self.options.timeout),
            "follow_redirects": False,
            "headers": self.headers,
        }

    def ready_body(self, url: str, response: httpx.Response) -> bytes | None:
        """The body when it needs no streaming read: empty for a 304, the content for a
        transport that hands over decoded bodies (tests' MockTransport); else None."""
        if response.status_code == 304:
            return b""
        if response.is_stream_consumed:
            return read_capped(iter([response.content]), "", self.options.max_bytes, url)
        return None

    def deadline(self) -> float:
        """Monotonic time by which a body must have arrived."""
        return time.monotonic() + 3 * self.options.timeout

    @staticmethod
    def page(url: str, current: str, response: httpx.Response, body: bytes) -> FetchedPage:
        keep = ("content-type", "etag", "last-modified", "content-length", "link")
        return FetchedPage(
            url=url,
            final_url=current,
            status=response.status_code,
            content_type=response.headers.get("content-type", ""),
            body=body,
            fetched_at=utc_now(),
            headers={k: response.headers[k] for k in keep if k in response.headers},
        )


class Fetcher(FetcherCore):
    """Fetches pages over one httpx.Client; use as a context manager."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        policy: UrlPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(options, policy)
        self._sleep = sleep
        self._client = httpx.Client(transport=transport, **self.client_options())

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(
        self,
        url: str,
        headers: dict[str, str] | None = None,
        *,
        origin: str | None = None,
        pace: Callable[[str], None] | None = None,
        allow: Callable[[str], bool] | None = None,
        throttled: Callable[[str, float | None], None] | None = None,
    ) -> FetchedPage:
        """GET `url` following redirects, with retries; raises FetchError. `origin` is the URL
        the user gave (private addresses are allowed only when it is on one). A 304 answer to
        conditional `headers` gives a page with an empty body. `pace`: called with the URL
        before each retry and each redirect hop; `allow`: whether robots.txt lets a redirect
        hop be asked for; `throttled`: told of each 429 (see AsyncFetcher.fetch)."""
        attempt = 0
        while True:
            try:
                return self._follow(url, headers or {}, origin or url, pace, allow)
            except FetchError as exc:
                if throttled is not None and exc.status == 429:
                    throttled(url, exc.retry_after)
                delay = self.retry_delay(exc, attempt)
                if delay is None:
                    raise
                attempt += 1
                self._sleep(delay)
                if pace is not None:
                    pace(url)

    def _follow(
        self,
        url: str,
        headers: dict[str, str],
        origin: str,
        pace: Callable[[str], None] | None = None,
        allow: Callable[[str], bool] | None = None,
    ) -> FetchedPage:
        seen: list[str] = []
        current = url
        while True:
            self.check_hop(url, current, seen, origin)
            if current != url:
                self.check_allowed(url, current, allow)
                if pace is not None:
                    pace(current)
            try:
                with self._client.stream("GET", current, headers=headers) as response:
                    location = self.verdict(url, current, response)
                    if location is None:
                        return self.page(url, current, response, self._body(url, response))
                    self.note_cookies(response, seen)
                    if self.keeps_connection(response):
                        for _ in response.iter_raw():  # raw: nothing is decompressed
                            pass
            except httpx.HTTPError as exc:
                raise FetchError(url, transport_reason(exc), transient=True) from exc
            current = location

    def _body(self, url: str, response: httpx.Response) -> bytes:
        if response.status_code == 304:
            response.read()  # see AsyncFetcher._body
        ready = self.ready_body(url, response)
        if ready is not None:
            return ready
        encoding = response.headers.get("content-encoding", "")
        limit = self.options.max_bytes
        return read_capped(response.iter_raw(), encoding, limit, url, self.deadline())


def same_host(a: str, b: str) -> bool:
    return urlsplit(a).netloc.lower() == urlsplit(b).netloc.lower()


__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchOptions",
    "FetchedPage",
    "Fetcher",
    "body_kind",
    "is_html",
    "read_capped",
    "retry_after_seconds",
    "same_host",
    "utc_now",
]
