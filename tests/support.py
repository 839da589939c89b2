"""Shared test helpers: serving the demo site, normalising records for comparison, and
regenerating expected outputs (`python -m tests.regen`)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from schemas import HealthArticle

FIXTURES = Path(__file__).parent / "fixtures"
DEMO_FIXTURES = FIXTURES / "demo"
CORPUS = Path(__file__).parent / "corpus"
ORIGIN = "http://demo.test"
# Fields that change on every run or with the server's port.
VOLATILE = ("id",)
VOLATILE_PROVENANCE = ("extracted_at", "content_hash")
_PORT_ID = re.compile(r"^127-0-0-1-\d+-")


def normalize(record: HealthArticle, base: str) -> dict[str, Any]:
    """The record as JSON data with the server origin replaced and run-specific values dropped."""
    text = json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
    data: dict[str, Any] = json.loads(text.replace(base, ORIGIN))
    for key in VOLATILE:
        data.pop(key, None)
    for key in VOLATILE_PROVENANCE:
        data["provenance"].pop(key, None)
    for page in data["provenance"]["pages"]:
        page.pop("fetched_at", None)
    return data


def dump(data: Any) -> str:
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------ a tiny route server for tests

import hashlib  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator, Mapping  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from email.message import Message  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

from demo.site import DemoSite  # noqa: E402

Route = tuple[int, dict[str, str], "bytes | Callable[[], bytes]"]
"""(status, headers, body); a callable body is made anew for each request (a page that changes
on every view). A header "ETag": "" serves the page without one; a header whose value is a list
is sent as one line per value (two `Link` headers)."""


class Wire(bytes):
    """A body sent as a struggling server sends it (meta route "flaky" of the rehearsal sites):
    `stall` seconds of silence after its first half, or (`cut`) only its first half, the whole
    length declared, after which the connection is closed (a truncated transfer; give the
    answer `Connection: close`). A 304 sends no body, so neither happens to it."""

    stall: float = 0.0
    cut: bool = False

    def __new__(cls, data: bytes, *, stall: float = 0.0, cut: bool = False) -> Wire:
        made = super().__new__(cls, data)
        made.stall, made.cut = stall, cut
        return made


Gate = Callable[[str, Message], "Route | None"]
"""Answers a request by its path and headers before the routes are looked up (a server that
redirects clients without a cookie, say); None lets the routes answer."""


@dataclass
class ServedLog:
    """What a test server saw: request paths with their If-None-Match headers."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    connections: int = 0
    """TCP connections accepted."""
    arrivals: list[tuple[float, str]] = field(default_factory=list)
    """(time.monotonic() when the request was read, its path) of every request, in the order
    they were answered (a politeness check measures the gaps between them)."""

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@contextmanager
def serve_routes(
    routes: Mapping[str, Route | list[Route]],
    log: ServedLog | None = None,
    gate: Gate | None = None,
) -> Iterator[str]:
    """Serve fixed responses on 127.0.0.1: path (with query) -> (status, headers, body), or a
    list of them answered in turn (the last one stays); a `Wire` body stalls or is cut short.
    200 answers carry an ETag and honour If-None-Match with 304; `log` records requests. `gate`
    (optional) sees each request's path and headers first; its answer, when not None, is
    served instead of the route's."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            if log is not None:
                log.connections += 1

        def do_GET(self) -> None:
            arrived = time.monotonic()
            gated = gate(self.path, self.headers) if gate is not None else None
            route = gated or routes.get(self.path, (404, {}, b"not found"))
            if isinstance(route, list):  # answers given in turn; the last one stays
                route = route.pop(0) if len(route) > 1 else route[0]
            status, headers, made = route
            body = made() if callable(made) else made
            etag = headers.get("ETag", '"' + hashlib.sha1(body).hexdigest()[:12] + '"')
            if log is not None:
                log.requests.append((self.path, self.headers.get("If-None-Match", "")))
                log.arrivals.append((arrived, self.path))
            if status == 200 and etag and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            self.send_response(status)
            headers = {"Content-Type": "text/html; charset=utf-8", **headers}
            if status in (200, 304):
                headers.setdefault("ETag", etag)
            for key, value in headers.items():
                for line in value if isinstance(value, list) else [value]:
                    if line:
                        self.send_header(key, line)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if isinstance(body, Wire) and (body.stall or body.cut):
                half = len(body) // 2
                self.wfile.write(body[:half])
                self.wfile.flush()
                if body.cut:  # the rest never comes: the connection is closed
                    self.close_connection = True
                    return
                time.sleep(body.stall)
                self.wfile.write(body[half:])
                return
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def site_routes(site: DemoSite) -> dict[str, Route]:
    """The demo site's pages as routes for serve_routes."""
    return {
        path: (200, {"Content-Type": ctype}, body) for path, (ctype, body) in site.routes.items()
    }
