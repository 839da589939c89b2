"""URL joining and splitting that never raise on what pages contain ("http://[::1", stray
control characters): a malformed URL is treated as absent."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def join_url(base: str, href: str) -> str | None:
    """`href` resolved against `base`, without its fragment; None when either is malformed."""
    try:
        joined = urljoin(base, href.strip())
        urlsplit(joined)
    except ValueError:
        return None
    return joined.split("#")[0]


def split_url(url: str) -> SplitResult | None:
    """urlsplit, or None for a malformed URL."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a non-numeric port
    except ValueError:
        return None
    return parts


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL with a host (no white space in it) and a numeric port if any."""
    parts = split_url(url) if url.startswith(("http://", "https://")) else None
    return parts is not None and bool(parts.hostname) and not any(map(str.isspace, parts.netloc))
