"""Security: http(s) only, no private or metadata addresses unless the configured URL is on
one (checked after DNS resolution), records that hold text only, file names that cannot leave
output/, XML without entity expansion."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from extractors import clean_html
from extractors.discovery import parse_feed, parse_sitemap
from flows.netpolicy import PolicyError, UrlPolicy, is_internal
from flows.sources import Source
from schemas import HealthArticle

RESOLVER = {
    "news.example": ["93.184.216.34"],
    "sneaky.example": ["10.0.0.7"],
    "meta.example": ["169.254.169.254"],
}


def policy() -> UrlPolicy:
    return UrlPolicy(resolver=lambda host: RESOLVER.get(host, []))


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fd00::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
    ],
)
def test_internal_addresses(address: str) -> None:
    assert is_internal(address)


def test_public_start_cannot_reach_private_hosts_even_by_name() -> None:
    check = policy().check
    check("https://news.example/a/", start="https://news.example/a/")
    for url in (
        "http://sneaky.example/",
        "http://meta.example/latest/",
        "http://127.0.0.1:8080/",
        "http://localhost/",
        "http://[::1]/",
    ):
        with pytest.raises(PolicyError, match="private or local"):
            check(url, start="https://news.example/a/")


def test_private_start_may_stay_private() -> None:
    policy().check("http://127.0.0.1:9/a/2/", start="http://127.0.0.1:9/a/")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://x/", "javascript:alert(1)", "gopher://x"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(PolicyError, match="only http and https"):
        policy().check(url)


def test_urls_found_by_a_public_source_answer_to_its_configured_url() -> None:
    source = Source(name="s", sitemaps=["https://news.example/sitemap.xml"])
    origin = source.origin_for("http://sneaky.example/planted/")
    assert origin == "https://news.example/sitemap.xml"
    with pytest.raises(PolicyError):
        policy().check("http://sneaky.example/planted/", start=origin)


def test_records_hold_text_only() -> None:
    page = (
        "<html><body><article><p>"
        + "Escaped markup &lt;script&gt;alert(1)&lt;/script&gt; stays out of records. " * 5
        + "<a href='javascript:alert(1)'>a link</a></p></article></body></html>"
    )
    text = clean_html(page, "https://news.example/a/").text
    assert "<script>" not in text
    assert "javascript:" not in text
    assert "stays out of records" in text


def test_record_urls_must_be_http() -> None:
    with pytest.raises(ValidationError):
        HealthArticle(id="a-b", url="javascript:alert(1)", canonical_url="https://x/", title="t")


def test_xml_entities_are_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        b"<urlset><url><loc>&lol2;</loc></url></urlset>"
    )
    assert parse_sitemap(bomb, "https://news.example/").articles == []
    external = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><link>&x;</link></item></channel></rss>'
    assert parse_feed(external, "https://news.example/").articles == []
