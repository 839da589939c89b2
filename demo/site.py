"""The demo site as a set of routes, and a local HTTP server for it (127.0.0.1 only).

`DemoSite.from_folder(path)` renders every article source of a folder; `serve_site(site)` is a
context manager that serves it on an ephemeral port and yields the base URL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from demo.pages import article_page
from demo.render import esc, page_path
from demo.source import Article, load_articles

ARTICLES_DIR = Path(__file__).parent / "articles"
HTML = "text/html; charset=utf-8"


@dataclass
class DemoSite:
    """Rendered routes: path (with query) -> (content type, body)."""

    articles: list[Article]
    routes: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    @classmethod
    def from_articles(cls, articles: list[Article], title: str = "Daily Health Buzz") -> DemoSite:
        site = cls(articles)
        for index, article in enumerate(articles):
            following = articles[(index + 1) % len(articles)] if len(articles) > 1 else None
            for number in range(1, len(article.pages) + 1):
                body = article_page(article, number, following).encode("utf-8")
                site.routes[page_path(article, number)] = (HTML, body)
        site.routes["/"] = (HTML, site.listing(title).encode("utf-8"))
        site.routes["/sitemap.xml"] = ("application/xml", site.sitemap().encode("utf-8"))
        site.routes["/robots.txt"] = (
            "text/plain",
            b"User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n",
        )
        return site

    @classmethod
    def from_folder(cls, folder: Path = ARTICLES_DIR) -> DemoSite:
        return cls.from_articles(load_articles(folder))

    def article_urls(self, base: str) -> list[str]:
        return [base.rstrip("/") + page_path(a, 1) for a in self.articles]

    def listing(self, title: str) -> str:
        items = "".join(
            f'<li><a href="{page_path(a, 1)}">{esc(a.title)}</a>'
            f"<p>{esc(a.meta.get('description', ''))}</p></li>"
            for a in self.articles
        )
        return (
            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}'
            f'</title></head><body><h1>{esc(title)}</h1><ul class="article-list">{items}</ul>'
            "</body></html>"
        )

    def sitemap(self) -> str:
        """Every article's first page, with its lastmod (the date it was last modified, else
        published) as sites' sitemap plugins write it."""
        urls = "".join(
            f"<url><loc>{page_path(a, 1)}</loc>{_lastmod(a)}</url>" for a in self.articles
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )


def _lastmod(article: Article) -> str:
    stamp = article.meta.get("modified") or article.meta.get("published")
    return f"<lastmod>{esc(stamp)}</lastmod>" if stamp else ""


def _handler(site: DemoSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            key = parts.path + (f"?{parts.query}" if parts.query else "")
            found = site.routes.get(key) or site.routes.get(parts.path if not parts.query else "")
            if found is None:
                self._send(404, HTML, b"<html><body><h1>Not found</h1></body></html>")
                return
            content_type, body = found
            if content_type == "application/xml":
                host = self.headers.get("Host", "127.0.0.1")
                body = body.replace(b"<loc>/", f"<loc>http://{host}/".encode())
            self._send(200, content_type, body)

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@contextmanager
def serve_site(site: DemoSite, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the site in a background thread; yields its base URL ("http://127.0.0.1:PORT")."""
    server = ThreadingHTTPServer((host, port), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
