"""Next-page detection: each pagination style, and links that must not be followed."""

from __future__ import annotations

import pytest

from extractors import clean_html, is_next_of

BODY = "<p>" + "Some article text about sleep and cramps, written to be long enough. " * 6 + "</p>"


def doc(extra: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{BODY}{extra}</article></body></html>"


@pytest.mark.parametrize(
    ("candidate", "current", "expected"),
    [
        ("https://a.com/slug/2/", "https://a.com/slug/", True),
        ("https://a.com/slug/3/", "https://a.com/slug/2/", True),
        ("https://a.com/slug/page/2/", "https://a.com/slug/", True),
        ("https://a.com/slug.html?page=2", "https://a.com/slug.html", True),
        ("https://a.com/guide.php?id=7&pg=2", "https://a.com/guide.php?id=7", True),
        ("https://a.com/x-page-2.html", "https://a.com/x.html", True),
        ("https://a.com/slug/part-2/", "https://a.com/slug/", True),
        ("https://a.com/covid-19/2/", "https://a.com/covid-19/", True),
        ("https://a.com/other-post/", "https://a.com/slug/", False),
        ("https://a.com/slug/", "https://a.com/slug/2/", False),
        ("https://b.com/slug/2/", "https://a.com/slug/", False),
        ("https://a.com/guide.php?id=8&pg=2", "https://a.com/guide.php?id=7", False),
        ("https://a.com/category/health/page/2/", "https://a.com/slug/", False),
        # WordPress plain links: ?p= is the post on the root script, &page= its page
        ("https://a.com/index.php?p=101&page=2", "https://a.com/index.php?p=101", True),
        ("https://a.com/?p=101&page=3", "https://a.com/?p=101&page=2", True),
        ("https://a.com/index.php?p=102", "https://a.com/index.php?p=101", False),
        ("https://a.com/index.php?p=102&page=2", "https://a.com/index.php?p=101", False),
        ("https://a.com/slug/?p=2", "https://a.com/slug/", True),
        ("https://a.com/read.php?id=5&p=2", "https://a.com/read.php?id=5", True),
        # IIS ignores case, and ASP.NET sites spell their own links both ways
        (
            "https://a.com/health/article.aspx?id=12&page=2",
            "https://a.com/Health/Article.aspx?ID=12",
            True,
        ),
        (
            "https://a.com/health/article.aspx?id=13&page=2",
            "https://a.com/Health/Article.aspx?ID=12",
            False,
        ),
        ("https://a.com/Guide.php?id=7&pg=2", "https://a.com/guide.php?id=7", False),
        # Webflow pages each collection list by its own parameter: "<list id>_page"
        ("https://a.com/journal?a3f92c1d_page=2", "https://a.com/journal", True),
        ("https://a.com/journal?sort_page=2", "https://a.com/journal", False),
        # and WordPress's Query Loop block by "query-<id>-page"
        ("https://a.com/hub/?query-12-page=2", "https://a.com/hub/", True),
        # Joomla: limitstart pages an article, and its id is spelt with or without its alias
        (
            "https://a.com/index.php?option=com_content&id=43&limitstart=2",
            "https://a.com/index.php?option=com_content&id=43:tick-bites&limitstart=1",
            True,
        ),
        # HubSpot's hsLang in every link says nothing of the page
        ("https://a.com/blog/page/2?hsLang=en", "https://a.com/blog", True),
        # Adobe Experience Manager: a selector before the extension, its author mode leaked
        ("https://a.com/library/gout.2.html", "https://a.com/library/gout.html", True),
        ("https://a.com/library/gout.3.html", "https://a.com/library/gout.2.html", True),
        (
            "https://a.com/library/gout.2.html?wcmmode=disabled",
            "https://a.com/library/gout.html",
            True,
        ),
        ("https://a.com/library/gout.2.html", "https://a.com/library/lipoma.html", False),
    ],
)
def test_is_next_of(candidate: str, current: str, expected: bool) -> None:
    assert is_next_of(candidate, current) is expected


@pytest.mark.parametrize(
    ("markup", "head", "url", "expected"),
    [
        (
            "<a class='btn' href='/leg-cramps/2/'>NEXT 》</a>",
            "",
            "https://s.test/leg-cramps/",
            "https://s.test/leg-cramps/2/",
        ),
        (
            "",
            "<link rel='next' href='/a.html?page=2'>",
            "https://s.test/a.html",
            "https://s.test/a.html?page=2",
        ),
        (
            "<nav class='pagination'><span>1</span><a href='/a/page/2/'>2</a><a href='/a/page/3/'>3</a></nav>",
            "",
            "https://s.test/a/",
            "https://s.test/a/page/2/",
        ),
        (
            "<button onclick=\"location.href='/a/part-2/'\">Continue</button>",
            "",
            "https://s.test/a/",
            "https://s.test/a/part-2/",
        ),
        (
            "<span data-href='/a/2/'>Next page ›</span>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        (
            "<div class='page-links'>Pages: <a class='post-page-numbers' href='/a/2/'>2</a></div>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        ("<a href='/a/2/'>Página siguiente »</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>Suivant</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>Pagina successiva »</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>Avanti ›</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        (
            "<a class='btn-continua' href='/a/2/'>Continua a leggere →</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        ("<a href='/a/3/'>Vai alla pagina 3</a>", "", "https://s.test/a/2/", "https://s.test/a/3/"),
        ("<a href='/a/2/'>Volgende pagina »</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/3/'>Ga naar pagina 3</a>", "", "https://s.test/a/2/", "https://s.test/a/3/"),
        ("<a href='/a/2/'>Lees verder →</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        (
            "<a class='weiter' href='/a/seite-2/'>Weiter zur nächsten Seite »</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/seite-2/",
        ),
        (
            "<a href='/a/2/'>Continue to the next page →</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        (
            "<a href='/a/2/'>Passer à la page suivante</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        (
            "<a href='/a/2/'>Avançar para a próxima página</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        (
            "<a href='/a/?pagina=2'>Continue lendo »</a>",
            "",
            "https://s.test/a/",
            "https://s.test/a/?pagina=2",
        ),
        ("<a href='/a/2/'>Sigue leyendo</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>Lire la suite</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>Weiterlesen</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/2/'>次のページへ ＞</a>", "", "https://s.test/a/", "https://s.test/a/2/"),
        ("<a href='/a/?p=2'>続きを読む</a>", "", "https://s.test/a/", "https://s.test/a/?p=2"),
        # A block theme's wp_link_pages line
        (
            "<p class='post-nav-links'>Pages: <span class='post-page-numbers current'>1</span> "
            "<a href='/a/2/' class='post-page-numbers'>2</a></p>",
            "",
            "https://s.test/a/",
            "https://s.test/a/2/",
        ),
        # A site builder's button: "Keep reading", labelled "Read part 2".
        ("<a href='/a/page/2'>Keep reading</a>", "", "https://s.test/a", "https://s.test/a/page/2"),
        (
            "<a href='/a/page/2' aria-label='Read part 2'><span>Go on</span></a>",
            "",
            "https://s.test/a",
            "https://s.test/a/page/2",
        ),
        # Links that do not name the article's path: relative ones resolve against the page,
        # and a "#" link may carry its target elsewhere.
        ("<a href='2/'>Next</a>", "", "https://s.test/leg-cramps/", "https://s.test/leg-cramps/2/"),
        ("<a href='?page=2'>Next</a>", "", "https://s.test/a.php", "https://s.test/a.php?page=2"),
        (
            "<a href='#' data-href='/leg-cramps/2/'>Next</a>",
            "",
            "https://s.test/leg-cramps/",
            "https://s.test/leg-cramps/2/",
        ),
        (
            "<a href='HTTPS://s.test/leg-cramps/2/'>Next</a>",
            "",
            "https://s.test/leg-cramps/",
            "https://s.test/leg-cramps/2/",
        ),
        ("<a href='/2/'>Next</a>", "", "https://s.test/", "https://s.test/2/"),
        # The page came with tracking parameters (a feed's redirect): they are no part of it.
        (
            "<a href='/a-p2.html'>Next</a>",
            "",
            "https://s.test/a.html?utm_source=rss&utm_medium=feed",
            "https://s.test/a-p2.html",
        ),
        # Through an interstitial ad page: the later page named in its query.
        (
            "<a href='/go?to=/a-4.html'>Next</a>",
            "",
            "https://s.test/a-3.html",
            "https://s.test/a-4.html",
        ),
        # An old site's number straight after the file's name
        (
            "<a href='whooping-cough2.htm'>Next Page &gt;&gt;</a>",
            "",
            "https://s.test/articles/whooping-cough.htm",
            "https://s.test/articles/whooping-cough2.htm",
        ),
        (
            "<a href='/a-2.html'>Следующая страница →</a>",
            "",
            "https://s.test/a.html",
            "https://s.test/a-2.html",
        ),
        (
            "<a href='/a.html?page=2'>Читать далее</a>",
            "",
            "https://s.test/a.html",
            "https://s.test/a.html?page=2",
        ),
    ],
)
def test_next_page_styles(markup: str, head: str, url: str, expected: str) -> None:
    assert clean_html(doc(markup, head), url).next_page_url == expected


def test_next_post_links_are_not_next_pages() -> None:
    markup = (
        "<div class='post-navigation'><a rel='next' href='/another-article/'>Next Post: Dry eye</a></div>"
        "<a href='https://other.test/b/2/'>Next</a>"
    )
    head = "<link rel='next' title='Dry eye' href='/another-article/'>"
    assert clean_html(doc(markup, head), "https://s.test/a/").next_page_url is None
    # a theme's post navigation whose next post shares the slug's stem: "-guide-23" could be
    # page 23 of "-guide", but the link says it is the next article
    navigation = (
        "<nav class='navigation post-navigation'><div class='nav-next'><a rel='next' "
        "href='/cold-toes-guide-23/'><span>Next article</span> <span>Cold toes (guide 23)</span>"
        "</a></div></nav>"
    )
    found = clean_html(doc(navigation), "https://s.test/cold-toes-guide-10/")
    assert found.next_page_url is None
    # page 2 of the same name on another host is only a page to check (see below)
    elsewhere = clean_html(doc("<a href='https://other.test/a/2/'>Next</a>"), "https://s.test/a/")
    assert elsewhere.next_page_rule == "next-elsewhere"


def test_later_pages_named_in_words_below_the_article_are_next_pages() -> None:
    """Later pages named in words ("/part-two/", "/causes/") have no number to compare: a link
    labelled as the next page (or part) that stays below the article's first page is taken;
    from a later page, the article's first page says where "below" is. A "Next:" link to
    another article is never taken."""
    first = "https://s.test/guides/heat-rash/"
    part_two = "https://s.test/guides/heat-rash/part-two/"
    found = clean_html(doc("<a href='part-two/'>Next: Causes and risk factors »</a>"), first)
    assert (found.next_page_url, found.next_page_rule) == (part_two, "next-under-article")
    later = clean_html(
        doc("<a href='/guides/heat-rash/part-three/'>Continue to part 3 of 3</a>"),
        part_two,
        article_url=first,
    )
    assert later.next_page_url == "https://s.test/guides/heat-rash/part-three/"
    elsewhere = doc("<a href='/guides/ringworm/'>Next: Ringworm, and why it is no worm »</a>")
    assert clean_html(elsewhere, first).next_page_url is None
    assert clean_html(elsewhere, part_two, article_url=first).next_page_url is None
    unlabelled = doc("<a href='/guides/heat-rash/comments/'>Read the 12 comments</a>")
    assert clean_html(unlabelled, first).next_page_url is None


def test_page_jump_menus_give_the_next_page() -> None:
    """A `<select>` page jump ("Page 2: Causes") is the article's pager: its options are its
    pages, and the lowest later one is next."""
    menu = (
        "<p>Page 2 of 3</p><select class='page-jump' onchange='location=this.value'>"
        "<option value='/a/'>Page 1: Overview</option><option value='/a/2/'>Page 2: Causes</option>"
        "<option value='/a/3/'>Page 3: Treatment</option></select>"
    )
    first = clean_html(doc(menu), "https://s.test/a/")
    assert (first.next_page_url, first.next_page_rule) == ("https://s.test/a/2/", "pager")
    assert clean_html(doc(menu), "https://s.test/a/2/").next_page_url == "https://s.test/a/3/"
    assert clean_html(doc(menu), "https://s.test/a/3/").next_page_url is None
    sort = "<select name='sort'><option value='new'>Newest</option><option value='2'>Top</option></select>"
    assert clean_html(doc(sort), "https://s.test/a.html").next_page_url is None


@pytest.mark.parametrize("first", ["https://s.test/library/gout", "https://s.test/node/57"])
def test_pagers_that_count_from_zero(first: str) -> None:
    """Drupal's pager counts from 0: the second page is "?page=1", linked as the next page from
    a first page without a page parameter (also under "/node/57", which reads as page 57 of
    "/node" too). A numbered link to "?page=1" is not taken so: where pages count from 1 it is
    the first page."""
    drupal = (
        "<nav class='pager'><ul><li class='pager__item is-active'>1</li>"
        "<li class='pager__item'><a href='?page=1'>2</a></li>"
        "<li class='pager__item pager__item--next'><a href='?page=1' rel='next'>"
        "<span class='visually-hidden'>Next page</span><span aria-hidden='true'>Next ›</span>"
        "</a></li></ul></nav>"
    )
    assert clean_html(doc(drupal), first).next_page_url == f"{first}?page=1"
    second = f"{first}?page=1"
    later = drupal.replace("?page=1' rel", "?page=2' rel")
    assert clean_html(doc(later), second, article_url=first).next_page_url == f"{first}?page=2"
    labelled = "<a href='?page=1'>Next page</a>"
    assert clean_html(doc(labelled), f"{first}?page=0").next_page_url == second
    from_one = "<nav class='pagination'><a href='?page=1'>1</a><a href='?page=2'>2</a></nav>"
    assert clean_html(doc(from_one), first).next_page_url == f"{first}?page=2"


def test_next_links_to_the_next_page_number_elsewhere_are_marked_for_checking() -> None:
    """A site that moved keeps old absolute next links ("old.test/index.php/2023/04/a.html
    ?page=2" on page 1 of "s.test/a/"), which redirect to the new page 2. Such a link, marked
    or labelled as next and naming the next page number, is returned under its own rule, for
    the fetch to confirm; a link to page 3 elsewhere, or to another article's first page, is
    not."""
    old = "https://old.test/index.php/2023/04/a.html?page=2"
    found = clean_html(doc(f"<a rel='next' href='{old}'>Next »</a>"), "https://s.test/a/")
    assert (found.next_page_url, found.next_page_rule) == (old, "next-elsewhere")
    third = "<a href='https://old.test/x.html?page=3'>Next page</a>"
    assert clean_html(doc(third), "https://s.test/a/").next_page_url is None
    own = f"<a href='{old}'>Next page</a><a href='/a/2/'>Next page</a>"
    assert clean_html(doc(own), "https://s.test/a/").next_page_url == "https://s.test/a/2/"


def test_a_first_page_reached_with_an_ignored_parameter_finds_its_next_page() -> None:
    """A listing links an article with a parameter its server ignores ("?topic=skin"); the
    page's canonical drops it and its pager says "?page=2": that is its next page. A
    canonical elsewhere (another path) is no such page."""
    html = (
        "<html><head><link rel='canonical' href='https://s.test/lib/moles.html'></head><body>"
        "<p>Text</p><a rel='next' href='moles.html?page=2'>Next page</a></body></html>"
    )
    from selectolax.lexbor import LexborHTMLParser

    from extractors.pagination import find_next_page

    tree = LexborHTMLParser(html)
    assert find_next_page(tree, "https://s.test/lib/moles.html?topic=skin")[0] == (
        "https://s.test/lib/moles.html?page=2"
    )
    elsewhere = LexborHTMLParser(html.replace("lib/moles.html'", "lib/other.html'"))
    assert find_next_page(elsewhere, "https://s.test/lib/moles.html?topic=skin")[0] is None


def test_last_page_has_no_next() -> None:
    markup = (
        "<nav class='pagination'><a href='/a/'>1</a><a href='/a/page/2/'>2</a><span>3</span></nav>"
    )
    assert clean_html(doc(markup), "https://s.test/a/page/3/").next_page_url is None


def test_next_label_found_among_many_links_by_text_aria_or_title() -> None:
    """The keyword scan over all link labels at once maps each hit back to its own link, also
    after labels whose lower-case form is longer ("İ") and links that mention "more"."""
    noise = "".join(
        f"<a href='/tag/{i}/'>İstanbul travel notes {i}</a><a href='/more-{i}/'>Learn more</a>"
        for i in range(30)
    )
    for next_link in (
        "<a href='/a/2/'>Next page</a>",
        "<a href='/a/2/' aria-label='Next page'><svg></svg></a>",
        "<a href='/a/2/' title='Continue reading'></a>",
    ):
        page = doc(noise + next_link + "<a href='/tag/z/'>İİİ more</a>")
        assert clean_html(page, "https://s.test/a/").next_page_url == "https://s.test/a/2/"
    assert clean_html(doc(noise), "https://s.test/a/").next_page_url is None


def test_links_to_other_paths_are_not_read() -> None:
    # Only links whose href holds the article's last path segment can be its later pages.
    markup = (
        "<a href='/other-article/2/'>Next</a><a href='https://s.test/leg-cramps-guide/2/'>Next</a>"
    )
    assert clean_html(doc(markup), "https://s.test/leg-cramps/").next_page_url is None


@pytest.mark.parametrize(
    "url",
    [
        "http://s.test/article.php?id=42&PHPSESSID=3f9a0c2b7e1d4a6f8b0c",
        "http://s.test/article.php?PHPSESSID=3f9a0c2b7e1d4a6f8b0c&id=42",
        "http://s.test/article.php?phpsessid=3f9a0c2b7e1d4a6f8b0c&id=42",
        "http://s.test/article.php?id=42&sid=8c1e55aa90f3b2d4e6f7",
        "http://s.test/article.php;jsessionid=8C1E55AA90F3B2D4E6F7?id=42",
    ],
)
def test_session_ids_in_links_name_no_other_page(url: str) -> None:
    """Old portals put a new session id in every link on every view: it is dropped, in the
    query or as a path parameter, so the article keeps one URL and its pages follow on; a
    short `sid` (a section id) stays."""
    from extractors import normalize_url

    assert normalize_url(url) == "http://s.test/article.php?id=42"
    later = url.replace("id=42", "id=42&page=2").replace("3f9a", "77aa").replace("8C1E", "0000")
    assert is_next_of(later, url)
    assert normalize_url("http://s.test/list.php?sid=7") == "http://s.test/list.php?sid=7"


def test_a_paragraph_or_list_a_page_break_cut_is_read_whole() -> None:
    """A site that cuts its pages by word count: a paragraph cut mid-sentence (no closing
    punctuation, the next page opening in lower case) is one paragraph, a list cut between
    items is one list; a paragraph that ends a sentence stays apart from the next page's."""
    from extractors import extract_article

    def page(number: int, inner: str) -> str:
        return (
            "<html><head><title>Chigger bites</title></head><body><article><h1>Chigger "
            f"bites</h1>{inner}<p>Continue reading on the next page</p></article></body></html>"
        )

    intro = "<p>" + "Chiggers are tiny mites that live in long grass and woods. " * 4 + "</p>"
    pages = [
        page(1, f"{intro}<h2>Symptoms</h2><p>The itch is worst at night, which can make the</p>"),
        page(
            2,
            "<p>symptoms feel worse in bed.</p><h2>Prevention</h2><p>To avoid bites:</p>"
            "<ul><li>Wear long trousers</li><li>Tuck them into socks</li></ul>",
        ),
        page(
            3,
            "<ul><li>Use an insect repellent</li><li>Shower after a walk</li></ul>"
            "<h2>Treatment</h2><p>Most bites settle in a week.</p>",
        ),
        page(4, "<p>A cool compress eases the itch.</p>"),
    ]
    cleaned = [
        clean_html(html, f"https://ex.test/chigger-bites/{n}/") for n, html in enumerate(pages, 1)
    ]
    record = extract_article(cleaned)
    sections = {s.heading: s for s in record.sections}
    assert sections["Symptoms"].paragraphs == [
        "The itch is worst at night, which can make the symptoms feel worse in bed."
    ]
    assert [len(items) for items in (lst.items for lst in sections["Prevention"].lists)] == [4]
    assert sections["Treatment"].paragraphs == [
        "Most bites settle in a week.",
        "A cool compress eases the itch.",
    ]
