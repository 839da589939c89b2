"""The fetcher through httpx.MockTransport: retries, Retry-After, caps, redirects, policy."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import httpx
import pytest

from flows.fetch import Fetcher, FetchError, FetchOptions, retry_after_seconds
from flows.fetch_async import AsyncFetcher
from flows.netpolicy import UrlPolicy
from tests.support import ServedLog, serve_routes

HTML = b"<html><body><p>hello</p></body></html>"


def resp(
    status: int, content: bytes = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    """A streaming response, as a real transport gives (the body is read by the fetcher)."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(content))


def make(handler, **options) -> tuple[Fetcher, list[float]]:  # type: ignore[no-untyped-def]
    sleeps: list[float] = []
    fetcher = Fetcher(
        FetchOptions(**options),
        transport=httpx.MockTransport(handler),
        sleep=sleeps.append,
        policy=UrlPolicy(resolver=lambda host: ["93.184.216.34"]),
    )
    return fetcher, sleeps


def test_retries_5xx_with_backoff_then_succeeds() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url)
        return resp(503 if len(calls) < 3 else 200, content=HTML)

    fetcher, sleeps = make(handler, backoff=0.5)
    page = fetcher.fetch("https://example.com/a/")
    assert page.status == 200
    assert page.body == HTML
    assert sleeps == [0.5, 1.0]


@pytest.mark.parametrize("header", ["7", "Wed, 21 Oct 2015 07:28:07 GMT"])
def test_429_honours_retry_after(header: str) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return resp(429, headers={"Retry-After": header})
        return resp(200, content=HTML)

    fetcher, sleeps = make(handler)
    fetcher.fetch("https://example.com/a/")
    assert sleeps == [7.0] if header == "7" else sleeps == [0.0]


def test_retry_after_too_long_fails_at_once() -> None:
    fetcher, sleeps = make(lambda r: resp(429, headers={"Retry-After": "3600"}))
    with pytest.raises(FetchError, match="exceeds the 30s limit"):
        fetcher.fetch("https://example.com/a/")
    assert sleeps == []


def test_404_is_not_retried() -> None:
    fetcher, sleeps = make(lambda r: resp(404))
    with pytest.raises(FetchError) as info:
        fetcher.fetch("https://example.com/a/")
    assert info.value.status == 404
    assert not info.value.transient
    assert sleeps == []


def test_gives_up_after_the_retries() -> None:
    fetcher, sleeps = make(lambda r: resp(502), retries=2)
    with pytest.raises(FetchError, match="HTTP 502"):
        fetcher.fetch("https://example.com/a/")
    assert len(sleeps) == 2


def test_size_cap() -> None:
    fetcher, _ = make(lambda r: resp(200, content=b"x" * 5000), max_bytes=1000)
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetcher.fetch("https://example.com/a/")


def test_gzip_bomb_is_stopped_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000)
    fetcher, _ = make(
        lambda r: resp(200, content=bomb, headers={"Content-Encoding": "gzip"}),
        max_bytes=1_000_000,
    )
    with pytest.raises(FetchError, match="larger than 1000000 bytes"):
        fetcher.fetch("https://example.com/a/")


def test_deflate_and_gzip_bodies_are_decoded() -> None:
    """Gzip; deflate as a zlib stream and as a raw one (as IIS sent it); a body compressed
    twice (a .gz file served with Content-Encoding: gzip)."""
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    cases = (
        ("gzip", gzip.compress(HTML)),
        ("deflate", zlib.compress(HTML)),
        ("deflate", raw.compress(HTML) + raw.flush()),
        ("gzip", gzip.compress(gzip.compress(HTML))),
    )
    for encoding, data in cases:
        fetcher, _ = make(
            lambda r, d=data, e=encoding: resp(200, content=d, headers={"Content-Encoding": e})
        )
        assert fetcher.fetch("https://example.com/a/").body == HTML


def test_a_raw_deflate_body_decodes_from_any_chunking() -> None:
    from flows.body import read_capped

    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    data = raw.compress(HTML) + raw.flush()
    for size in (1, 2, 3, len(data)):
        chunks = iter([data[i : i + size] for i in range(0, len(data), size)])
        assert read_capped(chunks, "deflate", 1_000_000, "https://example.com/a/") == HTML


def test_a_binary_body_is_no_html_page_whatever_its_header() -> None:
    from flows.fetch import body_kind, is_html

    assert not is_html("text/html", b"%PDF-1.7 ...")
    assert body_kind("text/html", b"%PDF-1.7 ...") == "a PDF file sent as text/html"
    assert body_kind("application/pdf", b"%PDF-1.7 ...") == "application/pdf"
    assert body_kind("", b"%PDF-1.7 ...") == "a PDF file"
    assert not is_html("text/html; charset=utf-8", b"\x89PNG\r\n")
    assert is_html("text/html", HTML)
    assert body_kind("text/html; charset=utf-8", HTML) == "text/html"


def test_redirects_are_followed_and_loops_stopped() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return resp(301, headers={"Location": "/new"})
        if request.url.path == "/loop":
            return resp(302, headers={"Location": "/loop"})
        return resp(200, content=HTML)

    fetcher, _ = make(handler)
    assert fetcher.fetch("https://example.com/old").final_url == "https://example.com/new"
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch("https://example.com/loop")


def cookie_check(request: httpx.Request) -> httpx.Response:
    """A site behind a cookie check: a request without the cookie goes to /check, which sets
    it and sends the client back; /stubborn sets a new cookie and sends it round for ever."""
    if request.url.path == "/stubborn":
        return resp(302, headers={"Location": "/stubborn", "Set-Cookie": "n=1; Path=/"})
    if request.url.path == "/check":
        target = request.url.params["return"]
        return resp(302, headers={"Location": target, "Set-Cookie": "session=abc; Path=/"})
    if "session=abc" not in request.headers.get("cookie", ""):
        return resp(302, headers={"Location": f"/check?return={request.url.path}"})
    return resp(200, content=HTML)


def test_a_cookie_check_is_no_redirect_loop() -> None:
    """Back to a URL asked for before, after a redirect that set a cookie, is how a site's
    cookie check lets a client in (ASP.NET portals, bot managers): the fetch goes on. A chain
    that sets cookies for ever still ends at the redirect cap."""
    fetcher, _ = make(cookie_check, max_redirects=5)
    page = fetcher.fetch("https://example.com/article")
    assert page.final_url == "https://example.com/article"
    assert page.body == HTML
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch("https://example.com/stubborn")

    async def fetch_async() -> bytes:
        transport = httpx.MockTransport(cookie_check)
        policy = UrlPolicy(resolver=lambda host: ["93.184.216.34"])
        async with AsyncFetcher(policy=policy, transport=transport) as fetcher:
            return (await fetcher.fetch("https://example.com/other")).body

    assert asyncio.run(fetch_async()) == HTML


def test_redirect_hops_keep_robots_txt_and_the_host_interval() -> None:
    """A moved page's redirect is a request like any other: each hop waits its turn at the
    host's gate, and a hop robots.txt disallows is not asked for."""

    def moved(request: httpx.Request) -> httpx.Response:
        hops = {"/old": "/new", "/gone": "/members/login"}
        if request.url.path in hops:
            return resp(301, headers={"Location": hops[request.url.path]})
        return resp(200, content=HTML)

    paced: list[str] = []
    fetcher, _ = make(moved)
    allow = lambda url: "/members/" not in url  # noqa: E731
    page = fetcher.fetch("https://example.com/old", pace=paced.append, allow=allow)
    assert page.final_url == "https://example.com/new"
    assert paced == ["https://example.com/new"]
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
        fetcher.fetch("https://example.com/gone", pace=paced.append, allow=allow)

    async def fetch_async() -> list[str]:
        waited: list[str] = []

        async def pace(url: str) -> None:
            waited.append(url)

        policy = UrlPolicy(resolver=lambda host: ["93.184.216.34"])
        async with AsyncFetcher(policy=policy, transport=httpx.MockTransport(moved)) as fetcher:
            await fetcher.fetch("https://example.com/old", pace=pace, allow=allow)
            with pytest.raises(FetchError, match=r"disallowed by robots\.txt"):
                await fetcher.fetch("https://example.com/gone", pace=pace, allow=allow)
        return waited

    assert asyncio.run(fetch_async()) == ["https://example.com/new"]


def test_redirect_chain_too_long() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return resp(302, headers={"Location": f"/{n + 1}"})

    fetcher, _ = make(handler, max_redirects=5)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch("https://example.com/0")


def test_transport_errors_are_transient_and_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return resp(200, content=HTML)

    fetcher, sleeps = make(handler)
    assert fetcher.fetch("https://example.com/a/").status == 200
    assert len(sleeps) == 1


def test_only_http_and_https() -> None:
    fetcher, _ = make(lambda r: resp(200, content=HTML))
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch("file:///etc/passwd")


def test_public_page_cannot_redirect_into_private_network() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return resp(302, headers={"Location": "http://169.254.169.254/latest/meta-data"})

    fetcher, _ = make(handler)
    with pytest.raises(FetchError, match="private or local address"):
        fetcher.fetch("https://example.com/a/")


def test_private_start_url_is_allowed() -> None:
    fetcher, _ = make(lambda r: resp(200, content=HTML))
    assert fetcher.fetch("http://127.0.0.1:9/a/").status == 200


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:07 GMT", now=1445412480.0) == 7.0
    assert retry_after_seconds("soon") is None


def test_async_retries_wait_on_the_politeness_gate() -> None:
    """A retry after a 503 keeps the host's request interval: the fetch awaits its `pace` (the
    crawl's host gate) before each retry, as the crawl does before the first try."""
    log = ServedLog()
    routes = {"/a/": [(503, {}, b"busy"), (503, {}, b"busy"), (200, {}, b"<p>Text.</p>")]}
    with serve_routes(routes, log) as base:
        paced: list[str] = []

        async def pace(url: str) -> None:
            paced.append(url)

        async def fetch() -> int:
            options = FetchOptions(backoff=0.01)
            async with AsyncFetcher(options, max_connections=2) as fetcher:
                return (await fetcher.fetch(base + "/a/", pace=pace)).status

        assert asyncio.run(fetch()) == 200
    assert paced == [base + "/a/"] * 2
    assert log.count("/a/") == 3


def test_conditional_requests_keep_the_connection() -> None:
    # A 304 has no body, but its connection goes back to the pool only once the response is
    # read to its end; re-crawls make one conditional request per article.
    log = ServedLog()
    with serve_routes({"/a/": (200, {}, b"<p>Article text.</p>")}, log) as base:

        async def crawl_twice() -> list[int]:
            async with AsyncFetcher(FetchOptions(), max_connections=4) as fetcher:
                page = await fetcher.fetch(base + "/a/")
                etag = {"If-None-Match": page.headers["etag"]}
                return [(await fetcher.fetch(base + "/a/", etag)).status for _ in range(3)]

        assert asyncio.run(crawl_twice()) == [304, 304, 304]
        with Fetcher(FetchOptions()) as fetcher:
            page = fetcher.fetch(base + "/a/")
            etag = {"If-None-Match": page.headers["etag"]}
            assert [fetcher.fetch(base + "/a/", etag).status for _ in range(3)] == [304] * 3
    assert log.connections == 2  # one per fetcher


def test_async_pools_share_cookies_and_the_connection_limit() -> None:
    # The async fetcher spreads requests over small connection pools: together they open no
    # more than max_connections, and a cookie one response sets goes with every later request.
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen: dict[str, list[str]] = {"connections": [], "cookies": []}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            seen["connections"].append("")

        def do_GET(self) -> None:
            seen["cookies"].append(self.headers.get("Cookie", ""))
            time.sleep(0.05)
            self.send_response(200)
            if self.path == "/set/":
                self.send_header("Set-Cookie", "session=abc; Path=/")
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    async def crawl() -> None:
        async with AsyncFetcher(FetchOptions(), max_connections=10) as fetcher:
            await fetcher.fetch(base + "/set/")
            await asyncio.gather(*(fetcher.fetch(f"{base}/p{i}/") for i in range(30)))

    try:
        asyncio.run(crawl())
    finally:
        server.shutdown()
        server.server_close()
    assert 1 < len(seen["connections"]) <= 10
    assert seen["cookies"][1:] == ["session=abc"] * 30


def test_redirects_keep_the_connection() -> None:
    log = ServedLog()
    routes = {
        "/old/": (301, {"Location": "/a/"}, b"<a href='/a/'>moved</a>"),
        "/a/": (200, {}, b"<p>Article text.</p>"),
    }
    with serve_routes(routes, log) as base:

        async def follow_twice() -> list[str]:
            async with AsyncFetcher(FetchOptions(), max_connections=4) as fetcher:
                return [(await fetcher.fetch(base + "/old/")).final_url for _ in range(2)]

        assert asyncio.run(follow_twice()) == [base + "/a/"] * 2
        with Fetcher(FetchOptions()) as fetcher:
            assert fetcher.fetch(base + "/old/").final_url == base + "/a/"
    assert log.connections == 2  # one per fetcher


def test_the_tls_context_is_warmed_in_a_background_thread() -> None:
    import threading

    from flows.fetch import tls_context, warm_tls_context

    tls_context.cache_clear()
    warm_tls_context()
    for thread in threading.enumerate():
        if thread.name == "warm-tls-context":
            thread.join(timeout=30)
    assert tls_context.cache_info().currsize == 1
    context = tls_context()
    assert tls_context.cache_info().hits >= 1, "the fetcher finds the context built"
    assert context.verify_mode.name == "CERT_REQUIRED"
