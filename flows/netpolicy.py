"""Which URLs the fetcher may request: http(s) only, and no private, loopback, link-local or
cloud-metadata address unless the URL the user or the config gave is itself on one (so the demo
on 127.0.0.1 works, but a public page cannot redirect or paginate us into the local network).
Addresses are checked after DNS resolution."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

Resolver = Callable[[str], list[str]]


class PolicyError(Exception):
    """A URL the policy refuses; the message is one line for people."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url
        self.reason = reason


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for `host` (empty when it fails)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return sorted({str(info[4][0]) for info in infos})


def is_internal(address: str) -> bool:
    """True for private, loopback, link-local, reserved, multicast and unspecified addresses."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


class UrlPolicy:
    """Checks URLs before every request, redirect hop and next page."""

    def __init__(self, resolver: Resolver = system_resolver, allow_internal: bool = False) -> None:
        self._resolve = resolver
        self._allow_internal = allow_internal
        self._cache: dict[str, bool] = {}

    def internal(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").strip("[]").lower()
        if host not in self._cache:
            if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
                self._cache[host] = True
            else:
                try:
                    addresses = [str(ipaddress.ip_address(host))]
                except ValueError:
                    addresses = self._resolve(host)
                self._cache[host] = any(is_internal(a) for a in addresses)
        return self._cache[host]

    def check(self, url: str, start: str | None = None) -> None:
        """Raise PolicyError unless `url` may be fetched in a run that `start` began."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise PolicyError(
                url, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}"
            )
        if not parts.hostname:
            raise PolicyError(url, "URL has no host")
        if self._allow_internal or not self.internal(url):
            return
        if start is not None and self.internal(start):
            return
        raise PolicyError(url, f"refused: {parts.hostname} is a private or local address")
