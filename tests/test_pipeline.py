"""Following an article's pages: last page, page cap, loops, repeated content, other hosts."""

from __future__ import annotations

import httpx
import pytest

from extractors import NotAnArticle
from flows.fetch import Fetcher, FetchError, FetchOptions
from flows.netpolicy import UrlPolicy
from flows.pipeline import fetch_article_pages, run_extract


def text(n: int) -> str:
    return (
        "<p>"
        + f"Paragraph {n} explains a different part of the topic in plain words. " * 5
        + "</p>"
    )


def pages_site(routes: dict[str, str]) -> Fetcher:
    def handler(request: httpx.Request) -> httpx.Response:
        key = request.url.raw_path.decode()
        if key not in routes:
            return httpx.Response(404, stream=httpx.ByteStream(b""))
        body = routes[key].encode()
        return httpx.Response(
            200, headers={"Content-Type": "text/html"}, stream=httpx.ByteStream(body)
        )

    return Fetcher(
        FetchOptions(max_pages=5),
        transport=httpx.MockTransport(handler),
        policy=UrlPolicy(resolver=lambda h: ["93.184.216.34"]),
        sleep=lambda s: None,
    )


def page(n: int, next_href: str | None, body: str | None = None) -> str:
    link = f"<a href='{next_href}'>Next page</a>" if next_href else ""
    return f"<html><body><article><h1>Title</h1>{body or text(n)}{link}</article></body></html>"


def test_follows_to_the_last_page() -> None:
    fetcher = pages_site(
        {"/a/": page(1, "/a/2/"), "/a/2/": page(2, "/a/3/"), "/a/3/": page(3, None)}
    )
    result = fetch_article_pages("https://s.test/a/", fetcher)
    assert [p.final_url for p in result.fetched] == [
        "https://s.test/a/",
        "https://s.test/a/2/",
        "https://s.test/a/3/",
    ]
    assert result.warnings == []


def test_follows_a_next_page_named_by_the_link_header_alone() -> None:
    """A page whose next page is named only by an HTTP Link header (rel="next", one header
    line with preloads and a previous page, relative or absolute); rel values other than
    next (preload, shortlink, a REST API's) lead nowhere."""
    headers = {
        "/a/": '</_nuxt/app.js>; rel="preload"; as="script", </a/page/2/>; rel="next"',
        "/a/page/2/": '</a/>; rel="prev", <https://s.test/a/page/3/>; rel="next"',
        "/a/page/3/": '<https://s.test/wp-json/>; rel="https://api.w.org/", </?p=7>; rel=shortlink',
    }

    def handler(request: httpx.Request) -> httpx.Response:
        key = request.url.raw_path.decode()
        n = {"/a/": 1, "/a/page/2/": 2, "/a/page/3/": 3}[key]
        return httpx.Response(
            200,
            headers={"Content-Type": "text/html", "Link": headers[key]},
            stream=httpx.ByteStream(page(n, None).encode()),
        )

    fetcher = Fetcher(
        FetchOptions(max_pages=5),
        transport=httpx.MockTransport(handler),
        policy=UrlPolicy(resolver=lambda h: ["93.184.216.34"]),
        sleep=lambda s: None,
    )
    result = fetch_article_pages("https://s.test/a/", fetcher)
    assert [p.final_url for p in result.fetched] == [
        "https://s.test/a/",
        "https://s.test/a/page/2/",
        "https://s.test/a/page/3/",
    ]


def test_stops_at_the_page_cap() -> None:
    routes = {"/a/": page(1, "/a/2/")} | {f"/a/{n}/": page(n, f"/a/{n + 1}/") for n in range(2, 40)}
    result = fetch_article_pages("https://s.test/a/", pages_site(routes))
    assert len(result.fetched) == 5
    assert result.warnings == ["stopped at the page cap of 5 pages"]


def test_stops_on_a_page_repeating_content() -> None:
    same = text(1)
    routes = {
        "/a/": page(1, "/a/2/", same),
        "/a/2/": page(2, "/a/3/", same),
        "/a/3/": page(3, None),
    }
    result = fetch_article_pages("https://s.test/a/", pages_site(routes))
    assert len(result.fetched) == 1
    assert "repeats an earlier page" in result.warnings[0]


def test_pagination_cycle_back_to_page_one() -> None:
    """Page 3 links to a page 4 that serves page 1 again: the cycle is noticed and cut."""
    routes = {"/a/": page(1, "/a/2/"), "/a/2/": page(2, "/a/3/"), "/a/3/": page(3, "/a/4/")}
    routes["/a/4/"] = page(1, "/a/2/")
    result = fetch_article_pages("https://s.test/a/", pages_site(routes))
    assert len(result.fetched) == 3
    assert "repeats an earlier page" in result.warnings[0]


def test_next_page_on_another_host_is_not_followed() -> None:
    routes = {"/a/": page(1, "https://elsewhere.test/a/2/")}
    result = fetch_article_pages("https://s.test/a/", pages_site(routes))
    assert len(result.fetched) == 1


def test_failing_later_page_fails_the_article() -> None:
    routes = {"/a/": page(1, "/a/2/")}
    with pytest.raises(FetchError, match="page 2"):
        fetch_article_pages("https://s.test/a/", pages_site(routes))


def test_non_html_is_not_an_article() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Type": "application/pdf"}, stream=httpx.ByteStream(b"%PDF-1.7")
        )

    fetcher = Fetcher(
        transport=httpx.MockTransport(handler),
        policy=UrlPolicy(resolver=lambda h: ["93.184.216.34"]),
    )
    with pytest.raises(NotAnArticle, match="application/pdf"):
        run_extract("https://s.test/file.pdf", fetcher=fetcher)


def test_tiny_page_is_not_an_article() -> None:
    routes = {"/a/": "<html><body><p>Hi.</p></body></html>"}
    with pytest.raises(NotAnArticle, match="characters"):
        run_extract("https://s.test/a/", fetcher=pages_site(routes))


def test_ids_of_urls_ending_in_numbers_stay_distinct() -> None:
    """A slug or story id ending in a number is not a page number (regression: "/dry-eye-6/"
    and "/dry-eye-7/" were both keyed as "/dry-eye/")."""
    from extractors import record_id
    from extractors.article import _canonical
    from extractors.clean import clean_html

    ids = set()
    for path in ("/dry-eye-6/", "/dry-eye-7/", "/covid-19/", "/story-12345"):
        page = clean_html(b"<html><body><p>text</p></body></html>", "https://s.test" + path)
        ids.add(record_id(_canonical([page], page.url or "")))
    assert len(ids) == 4


MOVED = (
    "<html><head><META HTTP-EQUIV='Refresh' CONTENT='0; URL={}'></head>"
    "<body><p>This page has moved.</p></body></html>"
)


def test_a_moved_page_that_refreshes_to_its_new_address_is_followed() -> None:
    """An old address whose page says it moved with an immediate meta refresh: the article is
    read at the new address, as after a redirect; a refresh to another host, or a refresh
    loop, is not followed."""
    fetcher = pages_site(
        {
            "/old/a.htm": MOVED.format("/articles/a.htm"),
            "/articles/a.htm": page(1, "/articles/a.htm?pg=2"),
            "/articles/a.htm?pg=2": page(2, None),
            "/old/away.htm": MOVED.format("https://elsewhere.test/a.htm"),
            "/old/loop.htm": MOVED.format("/old/loop2.htm"),
            "/old/loop2.htm": MOVED.format("/old/loop.htm"),
        }
    )
    result = fetch_article_pages("https://s.test/old/a.htm", fetcher)
    assert [p.final_url for p in result.fetched] == [
        "https://s.test/articles/a.htm",
        "https://s.test/articles/a.htm?pg=2",
    ]
    record = run_extract("https://s.test/old/a.htm", fetcher=fetcher)
    assert record.canonical_url == "https://s.test/articles/a.htm"
    with pytest.raises(NotAnArticle):
        run_extract("https://s.test/old/away.htm", fetcher=fetcher)
    with pytest.raises(NotAnArticle):
        run_extract("https://s.test/old/loop.htm", fetcher=fetcher)


def test_a_next_link_under_an_old_address_is_followed_to_the_next_page_it_redirects_to() -> None:
    """Page 1's next link is the site's old address for page 2, which redirects to the new
    one: page 2 is taken. A next link whose fetch ends on another article is not."""
    moved = "https://old.test/index.php/a.html?page=2"
    lost = "https://old.test/index.php/c.html?page=2"
    targets = {moved: "https://s.test/a/?page=2", lost: "https://s.test/b/?page=2"}
    routes = {
        "/a/": page(1, moved),
        "/a/?page=2": page(2, None),
        "/c/": page(1, lost),
        "/b/?page=2": page(7, None),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url in targets:
            return httpx.Response(301, headers={"Location": targets[url]})
        key = request.url.raw_path.decode()
        if key not in routes:
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=routes[key])

    fetcher = Fetcher(
        FetchOptions(max_pages=5),
        transport=httpx.MockTransport(handler),
        policy=UrlPolicy(resolver=lambda h: ["93.184.216.34"]),
        sleep=lambda s: None,
    )
    result = fetch_article_pages("https://s.test/a/", fetcher)
    assert [p.final_url for p in result.fetched] == [
        "https://s.test/a/",
        "https://s.test/a/?page=2",
    ]
    assert result.warnings == []
    other = fetch_article_pages("https://s.test/c/", fetcher)
    assert [p.final_url for p in other.fetched] == ["https://s.test/c/"]
    assert other.warnings == ["page 2 (https://s.test/b/?page=2) is not a later page; stopped"]


def guide_page(title: str, n: int, next_href: str | None) -> str:
    link = f"<a href='{next_href}'>Next: the next part →</a>" if next_href else ""
    return (
        f"<html><head><title>{title} | Guides</title></head><body><article><h1>{title}</h1>"
        f"{text(n)}<nav>{link}</nav></article></body></html>"
    )


def test_a_page_named_in_words_below_the_article_is_its_page_unless_it_titles_another() -> None:
    """A "Next: ..." link to a page below the article's path, with no page number, leads to a
    later page ("/heat-rash/part-two/", titled as the article, or as the article and its part)
    or to another article of a guide ("/gout/causes/", "What causes gout?"): the page's title
    tells them apart, and another article ends this one there."""
    fetcher = pages_site(
        {
            "/heat-rash/": guide_page("Heat rash", 1, "/heat-rash/part-two/"),
            "/heat-rash/part-two/": guide_page("Heat rash", 2, "/heat-rash/part-three/"),
            "/heat-rash/part-three/": guide_page(
                "Part three: relief – Heat rash", 3, "/heat-rash/x/"
            ),
            "/heat-rash/x/": guide_page("Heat rash (continued), page 4", 4, None),
            "/gout/": guide_page("Gout", 1, "/gout/causes/"),
            "/gout/causes/": guide_page("What causes gout?", 2, "/gout/treatment/"),
        }
    )
    result = fetch_article_pages("https://s.test/heat-rash/", fetcher)
    assert len(result.fetched) == 4
    assert result.warnings == []
    gout = fetch_article_pages("https://s.test/gout/", fetcher)
    assert [p.final_url for p in gout.fetched] == ["https://s.test/gout/"]
    assert gout.warnings == ["page 2 (https://s.test/gout/causes/) is another article; stopped"]


def test_an_ad_interstitial_between_pages_is_passed_to_the_page_it_leads_on_to() -> None:
    """Page 1's "Next page" leads to a page of ads under the article's own name
    ("/interstitial/a/2/"), which leads on to page 2 by a refresh, a link or a form's action:
    page 2 is taken, the ad page is not. An interstitial that leads nowhere ends the article."""
    ad = "<html><head>{head}</head><body><h1>Advertisement</h1><p>Your article continues.</p>{body}</body></html>"
    fetcher = pages_site(
        {
            "/a/": page(1, "/interstitial/a/2/"),
            "/interstitial/a/2/": ad.format(
                head="<meta http-equiv='refresh' content='5; url=/a/2/'>", body=""
            ),
            "/a/2/": page(2, "/interstitial/a/3/"),
            "/interstitial/a/3/": ad.format(
                head="", body="<form action='/a/3/' method='get'><button>Continue</button></form>"
            ),
            "/a/3/": page(3, None),
            "/b/": page(1, "/interstitial/b/2/"),
            "/interstitial/b/2/": ad.format(head="", body="<a href='/'>Home</a>"),
        }
    )
    result = fetch_article_pages("https://s.test/a/", fetcher)
    assert [p.final_url for p in result.fetched] == [
        "https://s.test/a/",
        "https://s.test/a/2/",
        "https://s.test/a/3/",
    ]
    assert result.warnings == []
    lost = fetch_article_pages("https://s.test/b/", fetcher)
    assert [p.final_url for p in lost.fetched] == ["https://s.test/b/"]
    assert lost.warnings == [
        "page 2 (https://s.test/interstitial/b/2/) is not a later page; stopped"
    ]


def test_a_long_slideshow_is_followed_to_its_end_by_default() -> None:
    """A slideshow of 30 slides, page after page: the default page cap lets it end on its own
    last page (a cap of 20 had cut ten slides off)."""
    routes = {"/s/": page(1, "/s/2/")} | {
        f"/s/{n}/": page(n, f"/s/{n + 1}/" if n < 30 else None) for n in range(2, 31)
    }

    def handler(request: httpx.Request) -> httpx.Response:
        body = routes.get(request.url.raw_path.decode())
        if body is None:
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=body)

    fetcher = Fetcher(
        transport=httpx.MockTransport(handler),
        policy=UrlPolicy(resolver=lambda h: ["93.184.216.34"]),
        sleep=lambda s: None,
    )
    result = fetch_article_pages("https://s.test/s/", fetcher)
    assert len(result.fetched) == 30
    assert result.warnings == []


def test_a_pager_running_past_the_last_page_stops_at_the_soft_404() -> None:
    """The last page's "Next" leads to a page the site answers 200 with its "couldn't find
    that page" template (a soft 404): the article ends before it, with none of its text."""
    missing = (
        "<html><head><title>Brookline Wellness Journal</title></head><body><article>"
        "<h1>Sorry, we couldn't find that page</h1><p>The page you asked for has moved or "
        "never existed. Try searching the journal or reading one of our popular articles.</p>"
        + text(9)
        + "</article></body></html>"
    )
    fetcher = pages_site({"/a/": page(1, "/a/2/"), "/a/2/": page(2, "/a/3/"), "/a/3/": missing})
    result = fetch_article_pages("https://s.test/a/", fetcher)
    assert [p.final_url for p in result.fetched] == ["https://s.test/a/", "https://s.test/a/2/"]
    assert result.warnings == ["page 3 (https://s.test/a/3/) says it is no page; stopped"]
