"""Reading response bodies within limits: raw and decompressed size caps, gzip/deflate decoded
incrementally (a decompression bomb stops at the cap), and a deadline for slow bodies."""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterator

from flows.errors import FetchError

GZIP_MAGIC = b"\x1f\x8b"


def _zlib_header(start: bytes) -> bool:
    """The two bytes open a zlib stream (RFC 1950: method 8, header check a multiple of 31)."""
    return start[0] & 0x0F == 8 and (start[0] << 8 | start[1]) % 31 == 0


class _Inflater:
    """Incremental gzip/deflate decoding that never inflates past the size cap. "deflate" is
    a zlib stream or, as IIS and some old servers sent it, a raw deflate stream without the
    zlib header: told apart by the first two bytes, as browsers do."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self._deflate = encoding == "deflate"
        self._held = b""  # a deflate body's first byte, until the second tells its kind
        wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(wbits) if encoding and not self._deflate else None
        self._limit, self._url, self.size = limit, url, 0

    def feed(self, data: bytes) -> bytes:
        if self._deflate and self._obj is None:
            data = self._held + data
            if len(data) < 2:
                self._held = data
                return b""
            wbits = zlib.MAX_WBITS if _zlib_header(data) else -zlib.MAX_WBITS
            self._obj = zlib.decompressobj(wbits)
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

    @property
    def complete(self) -> bool:
        """The compressed stream has ended (always true for plain data)."""
        if self._deflate and self._obj is None:
            return not self._held
        return self._obj is None or self._obj.eof

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self._limit:
            raise FetchError(self._url, f"body larger than {self._limit} bytes")
        return data


def inflate_capped(data: bytes, limit: int, url: str, what: str = "body") -> bytes:
    """Decompress a whole gzip file (a `.xml.gz` sitemap) without inflating past `limit`."""
    inflater = _Inflater("gzip", limit, url)
    try:
        out = inflater.feed(data)
    except FetchError as exc:
        raise FetchError(url, f"{what}: {exc.reason}") from exc
    if not inflater.complete:
        raise FetchError(url, f"{what}: compressed data ends early")
    return out


def _start(encoding: str, limit: int, url: str) -> _Inflater:
    encoding = encoding.strip().lower()
    if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    return _Inflater("" if encoding == "identity" else encoding, limit, url)


class _Body:
    """Raw chunks in, decoded body out, within the raw and decoded caps and the deadline."""

    def __init__(self, encoding: str, limit: int, url: str, deadline: float | None) -> None:
        self._inflater = _start(encoding, limit, url)
        self._limit, self._url, self._deadline = limit, url, deadline
        self._raw = 0
        self._parts: list[bytes] = []

    def add(self, chunk: bytes) -> None:
        self._raw += len(chunk)
        if self._raw > self._limit:
            raise FetchError(self._url, f"body larger than {self._limit} bytes")
        self._parts.append(self._inflater.feed(chunk))
        if self._deadline is not None and time.monotonic() > self._deadline:
            # Not retried: a server that drips a page over three timeouts (overloaded, or a
            # tarpit) does it again, and each retry held the crawl for the whole deadline
            reason = "body arrived too slowly (time limit reached)"
            raise FetchError(self._url, reason)

    def result(self) -> bytes:
        """The decoded body; a gzip file inside it is opened too (a `.gz` file served with
        `Content-Encoding: gzip`, or an HTML page compressed twice by two layers of a server:
        no page of text starts with the gzip magic)."""
        body = b"".join(self._parts)
        if body.startswith(GZIP_MAGIC):
            return inflate_capped(body, self._limit, self._url)
        return body


def read_capped(
    chunks: Iterator[bytes], encoding: str, limit: int, url: str, deadline: float | None = None
) -> bytes:
    """Join raw body chunks, decoding gzip/deflate, failing past `limit` bytes either way or
    past the monotonic `deadline`."""
    body = _Body(encoding, limit, url, deadline)
    for chunk in chunks:
        body.add(chunk)
    return body.result()


async def read_capped_async(
    chunks: AsyncIterator[bytes], encoding: str, limit: int, url: str, deadline: float | None = None
) -> bytes:
    """The async twin of `read_capped`."""
    body = _Body(encoding, limit, url, deadline)
    async for chunk in chunks:
        body.add(chunk)
    return body.result()
