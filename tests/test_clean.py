"""clean_html on small pages written for each kind of furniture it must remove or keep."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import NotAnArticle, clean_html, extract_article
from extractors.metadata import normalize_date

ARTICLE = (
    "<p>Shin splints are a common cause of pain along the inner edge of the shin bone, and they "
    "often follow a sudden increase in running.</p>"
    "<p>Rest, ice and a gradual return to activity help most people recover within weeks, "
    "although stubborn cases may need a review of footwear and training plans.</p>"
    "<p>Strengthening the calves and hips, running on softer ground and increasing distance "
    "slowly all lower the chance that the pain comes back.</p>"
)


def page(inner: str, *, head: str = "", around: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Shin splints | Site</title>{head}</head>"
        f"<body>{around}<article><h1>Shin splints</h1><div class='entry-content'>{inner}"
        f"</div></article>{around}</body></html>"
    )


FURNITURE = {
    "adsense": (
        "<ins class='adsbygoogle' data-ad-client='ca-pub-1'>AdSense slot text</ins>",
        "ads",
    ),
    "gpt": ("<div id='div-gpt-ad-123-0'>GPT slot text</div>", "ads"),
    "ad label": ("<p>ADVERTISEMENT</p>", "ads"),
    "ad label es": ("<p>Publicidad</p>", "ads"),
    "taboola": (
        "<div id='taboola-below-article'><a href='/x'>Ten stars who aged badly, number 4 will shock you</a></div>",
        "clickbait",
    ),
    "outbrain": (
        "<div class='OUTBRAIN' data-widget-id='AR_1' data-src='x'><a href='/y'>You will not believe this garden trick</a></div>",
        "clickbait",
    ),
    "related grid": (
        "<div class='related-posts'><a href='/z'><img alt='Nine foods to avoid after forty'>Nine foods to avoid after forty</a></div>",
        "clickbait",
    ),
    "prompt en": (
        "<p><strong>Continue reading by clicking the ( NEXT 》 ) button below !</strong></p>",
        "prompts",
    ),
    "prompt es": ("<p>Continúa leyendo en la página siguiente</p>", "prompts"),
    "prompt fr": ("<p>Continuez la lecture en cliquant sur le bouton ci-dessous</p>", "prompts"),
    "prompt de": ("<p>Lesen Sie weiter auf der nächsten Seite</p>", "prompts"),
    "prompt pt": ("<p>Continue lendo na próxima página</p>", "prompts"),
    "next button": ("<div><a class='btn' href='/a/2/'>NEXT 》</a></div>", "prompts"),
    "newsletter": (
        "<div class='newsletter-signup'><h3>Join our list</h3><p>Weekly tips in your inbox every Friday morning.</p></div>",
        "other",
    ),
    "cookie": (
        "<div id='cookie-consent'><p>We use cookies to improve your experience on our site.</p></div>",
        "other",
    ),
    "share bar": (
        "<div class='social-share'><a href='#'>Facebook</a><a href='#'>Twitter</a></div>",
        "navigation",
    ),
    "read more line": (
        "<p>Read more: <a href='/other'>Why your knees crack when you squat</a></p>",
        "clickbait",
    ),
    "product card": (
        "<div class='product-card'><a class='product-card__title' href='/products/x'>Calmleg "
        "Support Sleeve</a><p class='price'>£4.99</p><p class='rating-count'>4.6 out of 5 "
        "(212 reviews)</p></div>",
        "other",
    ),
    "translate and last updated": (
        "<div class='translate'><span class='translate-label'>Translate this page</span></div>"
        "<p class='lastupdated'><span>Last updated: 11/20/2018</span></p>",
        "other",
    ),
    "callout emoji and header card": (
        "<div class='kg-card kg-callout-card'><div class='kg-callout-emoji'>💡</div></div>"
        "<div class='kg-card kg-header-card kg-v2'><h2 class='kg-header-card-heading'>Join "
        "12,000 readers</h2><a href='#/portal/signup/free' class='kg-header-card-button'>Join "
        "free</a></div>",
        "other",
    ),
    "practice furniture lines": (
        "<p>What our patients say</p><p>Our prices</p><p>Join our newsletter</p>"
        "<figure><img src='/a.jpg' alt=''><figcaption>Photo: Tomas Reyes</figcaption></figure>",
        "other",
    ),
    "leaflet formats and reference": (
        "<p>We can provide this leaflet in large print, Braille or audio, or translated into "
        "another language.</p><p>Leaflet reference: PIL-0123, Review date: 03/2027</p>",
        "other",
    ),
    "call to action box": (
        "<div class='wp-block-group has-background'><p><strong>Winter is coming: protect "
        "yourself</strong></p><p>Walk-in flu jabs at every branch from September.</p><div "
        "class='wp-block-buttons'><div class='wp-block-button'><a class='wp-block-button__link'"
        " href='/services/flu-jab/'>Book a flu jab</a></div></div></div>",
        "other",
    ),
    "quote block and credits": (
        "<div class='sqs-block quote-block sqs-block-quote'><blockquote>Rest is the best "
        "medicine for shins.</blockquote><figcaption>From the clinic notebook</figcaption></div>"
        "<p>Photo by Ana Ruiz on Unsplash</p><p>Illustration by Maya Lindqvist for Ward Notes</p>"
        "<p>Ward Notes is a reader-supported publication. To receive new posts, consider "
        "becoming a free or paid subscriber.</p>",
        "other",
    ),
    "media embeds": (
        "<details class='video-transcript'><summary>Video transcript</summary><p>Hello, I am "
        "the presenter and this is what the studio said today.</p></details><div class="
        "'podcast-embed'><div class='podcast-embed__header'>House Calls Episode 12: Bad backs"
        " 32 min</div></div><p class='embed-fallback'>Can't see the video? Watch it on YouTube"
        "</p>",
        "other",
    ),
    "announcement bar": (
        "<div class='announcement'><p>New: the Fernhill symptom diary is free for your first 30"
        " days. <a href='/diary/'>Try it</a></p></div>",
        "other",
    ),
    "tip of the day": (
        "<div class='tw-module tw-module--daily-tip' data-module='daily-tip'><span "
        "class='tw-eyebrow'>Health tip of the day</span><p>Swap one sugary drink a day for "
        "water and your teeth will thank you by the weekend.</p></div>",
        "other",
    ),
    "shop carousel": (
        "<div class='shop-the-range'><div class='shop-the-range__title h4'>Shop the range</div>"
        "<ul><li><a href='/products/y'>Calmleg Cooling Gel</a> <span>£6.49</span></li></ul></div>",
        "other",
    ),
}


@pytest.mark.parametrize("name", sorted(FURNITURE))
def test_furniture_inside_the_article_is_removed(name: str) -> None:
    snippet, kind = FURNITURE[name]
    html = page(ARTICLE[:200] + snippet + ARTICLE[200:])
    cleaned = clean_html(html, "https://example.org/shin-splints/")
    for word in (
        "slot text",
        "shock you",
        "garden trick",
        "after forty",
        "NEXT",
        "Continu",
        "Lesen",
        "inbox",
        "cookies",
        "Facebook",
        "knees crack",
        "ADVERTISEMENT",
        "Publicidad",
        "Calmleg",
        "£",
        "Shop the range",
        "Translate",
        "11/20/2018",
        "💡",
        "12,000 readers",
        "patients say",
        "Tomas Reyes",
        "Braille",
        "Winter is coming",
        "clinic notebook",
        "Ana Ruiz",
        "Lindqvist",
        "reader-supported",
        "Walk-in flu",
        "PIL-0123",
        "Our prices",
        "Join our",
        "sugary drink",
        "symptom diary",
        "presenter",
        "House Calls",
        "see the video",
    ):
        assert word not in cleaned.text, f"{name}: {word!r} left in"
    assert "Shin splints are a common cause" in cleaned.text
    assert "lower the chance that the pain comes back" in cleaned.text
    assert cleaned.removed[kind] >= 1, f"{name}: not counted as {kind}"


def test_page_furniture_around_the_article_is_removed() -> None:
    around = (
        "<header><nav><a href='/'>Home</a><a href='/health'>Health topics</a></nav></header>"
        "<aside class='sidebar'><h3>Popular</h3><ul><li><a href='/p'>A popular post about sleep</a></li></ul></aside>"
        "<footer><p>Copyright 2026 Example Media. All rights reserved.</p></footer>"
    )
    cleaned = clean_html(page(ARTICLE, around=around), "https://example.org/a/")
    assert "Health topics" not in cleaned.text
    assert "popular post" not in cleaned.text
    assert "All rights reserved" not in cleaned.text


def test_in_article_lists_tables_quotes_and_captions_are_kept() -> None:
    inner = ARTICLE + (
        "<p>Risk factors include:</p><ul><li>Flat feet</li><li>Sudden training jumps</li></ul>"
        "<table><tr><td>Week 1</td><td>10 km</td></tr></table>"
        "<blockquote><p>Most runners recover fully with patience, a sports doctor said.</p></blockquote>"
        "<figure><img src='x.jpg'><figcaption>The inner shin is where the pain sits.</figcaption></figure>"
    )
    cleaned = clean_html(page(inner), "https://example.org/a/")
    for text in (
        "Flat feet",
        "Sudden training jumps",
        "10 km",
        "sports doctor said",
        "inner shin is where",
    ):
        assert text in cleaned.text


def test_text_is_paragraphs_separated_by_blank_lines() -> None:
    cleaned = clean_html(page(ARTICLE), "https://example.org/a/")
    assert cleaned.text.count("\n\n") == 2
    assert cleaned.title == "Shin splints"
    assert "Shin splints\n" not in cleaned.text[:20]


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"\x00\x01\x02",
        b"<html",
        b"<<<>>>",
        b"<div>" * 5000,
        b"plain text only",
    ],
)
def test_never_raises_on_junk(junk: bytes) -> None:
    cleaned = clean_html(junk, "https://example.org/a/")
    assert isinstance(cleaned.text, str)


def test_metadata_from_json_ld_and_meta() -> None:
    head = (
        '<link rel="canonical" href="/shin-splints/">'
        '<meta property="og:site_name" content="Runner Health">'
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":'
        '"NewsArticle","headline":"Shin splints","author":[{"@type":"Person","name":"Ana Ruiz"},'
        '{"@type":"Person","name":"Tom Lee"}],"datePublished":"2026-03-01T08:00:00+00:00",'
        '"dateModified":"2026-03-05"}]}</script>'
    )
    meta = clean_html(page(ARTICLE, head=head), "https://example.org/x/?utm_source=a").metadata
    assert meta.authors == ("Ana Ruiz", "Tom Lee")
    assert meta.published_at == "2026-03-01T08:00:00Z"
    assert meta.modified_at == "2026-03-05"
    assert meta.site_name == "Runner Health"
    assert meta.canonical_url == "https://example.org/shin-splints/"
    assert meta.language == "en"
    assert meta.title == "Shin splints"


def test_windows_1252_labelled_utf8_decodes() -> None:
    body = page(
        "<p>Café owners say “sleep” matters more than coffee for long shifts.</p>" + ARTICLE
    )
    cleaned = clean_html(
        body.encode("cp1252"), "https://example.org/a/", content_type="text/html; charset=utf-8"
    )
    assert "Café owners say “sleep” matters" in cleaned.text


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252"])
def test_utf8_labelled_windows_1252_by_the_server_decodes(label: str) -> None:
    """An old server's default label on a UTF-8 page: the bytes are valid UTF-8 with non-ASCII
    characters, which Western text almost never makes, so they are read as UTF-8; the same
    text really in Windows-1252 under that label reads as Windows-1252."""
    # no curly double quotes: their UTF-8 bytes hold 0x9D, which Windows-1252 lacks
    text = "<p>It’s a café – sleep matters more than coffee for long shifts.</p>"
    header = f"text/html; charset={label}"
    utf8 = clean_html(page(text + ARTICLE).encode("utf-8"), content_type=header)
    assert "It’s a café – sleep matters" in utf8.text
    real = clean_html(page(text + ARTICLE).encode("cp1252"), content_type=header)
    assert "It’s a café – sleep matters" in real.text


@pytest.mark.parametrize("label", ["Shift_JIS", "sjis", "x-sjis"])
def test_shift_jis_pages_read_as_browsers_read_them(label: str) -> None:
    """A page labelled Shift_JIS holds Windows-31J bytes (its circled numbers "①" are NEC
    characters strict Shift_JIS lacks), as browsers read the label; and a stray byte out of
    the declared charset leaves the rest of the page in it, not in Windows-1252."""
    text = "<p>① 長時間同じ姿勢でいることが主な原因です。</p>"
    header = f"text/html; charset={label}"
    cleaned = clean_html(page(text + ARTICLE).encode("cp932"), content_type=header)
    assert "① 長時間同じ姿勢でいることが主な原因です。" in cleaned.text
    stray = page(text + ARTICLE).encode("cp932").replace("原因".encode("cp932"), b"\x85\x40")
    assert "長時間同じ姿勢でいること" in clean_html(stray, content_type=header).text


def test_windows_1252_only_in_the_title_decodes() -> None:
    # The UTF-8 check runs only when a result shows U+FFFD: here only the title does.
    body = page(ARTICLE, head="<meta property='og:site_name' content='Caf\u00e9 Health'>")
    cleaned = clean_html(body.encode("cp1252"), content_type="text/html")
    assert cleaned.metadata.site_name == "Caf\u00e9 Health"
    assert "\ufffd" not in cleaned.text


def test_replacement_character_in_valid_utf8_is_kept() -> None:
    body = page("<p>Broken glyphs show as \ufffd in some exports, and that is kept.</p>" + ARTICLE)
    cleaned = clean_html(body.encode("utf-8"))
    assert "Broken glyphs show as \ufffd in some exports" in cleaned.text


@pytest.mark.parametrize(
    "href",
    [
        "https://index, follow, max-snippet:-1, max-image-preview:large",  # a pasted robots value
        "https://example.org:port/x/",
        "http://[::1/x/",
        "https://two words.example/x/",
    ],
)
def test_malformed_canonical_is_ignored(href: str) -> None:
    # Found by the fuzzer: a canonical link whose "port" is no number made the record's id raise.
    from extractors import extract_article

    head = f"<link rel='canonical' href='{href}'>"
    cleaned = clean_html(page(ARTICLE, head=head), "https://example.org/shin-splints/")
    assert cleaned.metadata.canonical_url == ""
    record = extract_article([cleaned], extracted_at="2026-11-27T00:00:00Z")
    assert record.canonical_url == "https://example.org/shin-splints/"


def test_normalize_url_never_raises() -> None:
    from extractors import normalize_url

    assert normalize_url(" https://example.org:port/x/ ") == "https://example.org:port/x/"
    assert normalize_url("http://[::1/x") == "http://[::1/x"
    assert normalize_url("HTTPS://Example.org:443/a/?utm_source=x&b=1#top") == (
        "https://example.org/a/?b=1"
    )


def test_a_mailchimp_subscriber_token_is_tracking_beside_the_campaign_id() -> None:
    """An archived campaign is named by `u` and `id`; `e` is the subscriber's token there,
    and a page's own parameter elsewhere."""
    from extractors import normalize_url

    campaign = "https://ex.test/archive/campaign?u=5f1c&id=a8f3"
    assert normalize_url(campaign + "&e=3fb6e81c05") == normalize_url(campaign)
    assert normalize_url("https://ex.test/x?id=3&e=4") == "https://ex.test/x?e=4&id=3"


def test_normalize_url_unescapes_unreserved_characters() -> None:
    """RFC 3986 6.2.2.2: "%2D" is "-" and "%7E" is "~" (a link spelt so is the same page);
    reserved and other characters keep their escapes."""
    from extractors import normalize_url

    assert normalize_url("https://ex.test/library/common%2Dmoles.html") == (
        "https://ex.test/library/common-moles.html"
    )
    assert normalize_url("https://ex.test/%7Enurse/%41b%2Fc%20d") == (
        "https://ex.test/~nurse/Ab%2Fc%20d"
    )
    assert normalize_url("https://ex.test/caf%C3%A9/") == "https://ex.test/caf%C3%A9/"


@pytest.mark.parametrize(
    "spelling",
    [
        "https://ex.test/salud/qué-es-la-gota/",  # raw UTF-8 in a listing's href
        "https://ex.test/salud/qu%c3%a9-es-la-gota/",  # escapes in lower case
        "https://ex.test/salud/que%CC%81-es-la-gota/",  # decomposed: e and a combining accent
        "https://ex.test/salud/que\u0301-es-la-gota/",
    ],
)
def test_a_non_ascii_path_has_one_spelling(spelling: str) -> None:
    """An accented slug reaches the crawler spelt several ways (the sitemap's escapes, a
    listing's raw UTF-8, lower-case escapes, Unicode's decomposed form): all are one address,
    so one article, with its accents as upper-case UTF-8 escapes of the composed form. Bytes
    that are no UTF-8 keep their escapes."""
    from extractors import normalize_url

    assert normalize_url(spelling) == "https://ex.test/salud/qu%C3%A9-es-la-gota/"
    assert normalize_url("https://ex.test/caf%e9/") == "https://ex.test/caf%E9/"


_URL_PIECES = st.sampled_from(
    [
        "a",
        "Z",
        "0",
        ".",
        "..",
        "/",
        "//",
        "-",
        "_",
        "~",
        "%20",
        "%2F",
        "?",
        "&",
        "=",
        ";",
        "#",
        "@",
        ":",
        "[",
        "]",
        "\\",
        " ",
        "\t",
        "\n",
        "\x00",
        "\x7f",
        "\u00a0",
        "\u00e9",
        "\u200b",
    ]
)
_PLAINISH_URLS = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}{path}",
    st.sampled_from(["http", "https", "HTTP", "ftp", "http:", ""]),
    st.sampled_from(["example.org", "Example.org", "a.b-c.d", "127.0.0.1", "[::1]", "a@b", "x"]),
    st.sampled_from(
        ["", ":", ":0", ":00", ":80", ":443", ":0080", ":8080", ":65535", ":65536", ":99999", ":x"]
    ),
    st.lists(_URL_PIECES, max_size=12).map(lambda p: "/" + "".join(p)),
)


@settings(max_examples=3000, deadline=None)
@given(url=_PLAINISH_URLS)
def test_plain_url_fast_paths_equal_the_full_functions(url: str) -> None:
    """normalize_url and join_url give a URL that is plain already back as it is; on every URL
    (plain or nearly so) they must equal the full urllib round trips."""
    from extractors.safeurl import PLAIN_URL, _join, join_url
    from extractors.urls import _normalize, normalize_url

    assert normalize_url(url) == _normalize(url)
    for base in ("https://example.org/dir/page/", "http://example.org/a?b=1#c"):
        assert join_url(base, url) == _join(base, url)
    if PLAIN_URL.fullmatch(url):
        assert join_url("https://example.org/", url) == url


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-01T08:00:00+00:00", "2026-03-01T08:00:00Z"),
        ("2026-03-01T08:00:00.250Z", "2026-03-01T08:00:00.250000Z"),
        ("2026-03-05", "2026-03-05"),
        ("2026-03-01 08:00:00 UTC", "2026-03-01T08:00:00Z"),
        ("2026-03-01 08:00 GMT", "2026-03-01T08:00:00Z"),
        # The mail form (RFC 2822) and its relatives: the zone kept, a local time gives the date.
        ("Sun, 01 Mar 2026 08:00:00 -0600", "2026-03-01T08:00:00-06:00"),
        ("1 Mar 2026 08:00 GMT", "2026-03-01T08:00:00Z"),
        ("Sun, 01 Mar 2026 08:00:00 EST", "2026-03-01T08:00:00-05:00"),
        (
            "Sun Mar 01 2026 08:00:00 GMT+0100 (Central European Standard Time)",
            "2026-03-01T08:00:00+01:00",
        ),
        ("Sun, 01 Mar 2026 08:00:00", "2026-03-01"),
        ("Sun, 01 Mar 2026 08:00:00 XYZ", None),
        ("Tue, 31 Feb 2026 08:00:00 +0000", None),
        # Month names and numeric forms.
        ("March 1, 2026", "2026-03-01"),
        ("1 March 2026", "2026-03-01"),
        ("Mar. 1, 2026", "2026-03-01"),
        ("2026/03/01", "2026-03-01"),
        ("01.03.2026", "2026-03-01"),
        ("03/01/2026", "2026-03-01"),
        ("13/13/2026", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("head", "body", "published", "modified"),
    [
        # A property without "_time" and an itemprop naming two properties.
        (
            '<meta property="article:published" itemprop="datePublished dateCreated" '
            'content="2026-03-01T08:00:00.000Z">',
            "",
            "2026-03-01T08:00:00Z",
            None,
        ),
        (
            '<meta property="og:pubdate" content="2026-03-01T08:00:00Z">',
            "",
            "2026-03-01T08:00:00Z",
            None,
        ),
        # A first date key that reads as no date gives way to the next one.
        (
            '<meta name="pubdate" content="soon"><meta name="sailthru.date" '
            'content="Sun, 01 Mar 2026 08:00:00 +0000">',
            "",
            "2026-03-01T08:00:00Z",
            None,
        ),
        # Microdata in the body, and meta tags a page prints after its head.
        (
            "",
            '<meta itemprop="datePublished" content="2026-03-01"><meta itemprop="dateModified" '
            'content="2026-03-05">',
            "2026-03-01",
            "2026-03-05",
        ),
        (
            "",
            '<meta property="og:article:published_time" content="2026-03-01T08:00:00+0000">',
            "2026-03-01T08:00:00Z",
            None,
        ),
        # The head outranks the body; a <time> is the last resort.
        (
            '<meta property="article:published_time" content="2026-03-02">',
            '<meta itemprop="datePublished" content="2026-03-01"><time datetime="2026-02-01">1 Feb</time>',
            "2026-03-02",
            None,
        ),
        ("", '<time datetime="2026-02-01">1 Feb</time>', "2026-02-01", None),
    ],
)
def test_dates_from_meta_tags_microdata_and_time(
    head: str, body: str, published: str | None, modified: str | None
) -> None:
    meta = clean_html(page(ARTICLE + body, head=head)).metadata
    assert (meta.published_at, meta.modified_at) == (published, modified)


def test_block_on_page_copies_every_field() -> None:
    from dataclasses import fields, replace

    from extractors.blocks import Block

    block = Block("list", "a\nb", 2, ("a", "b"), True, True, True, "ol", 1, (4, 5), 1, 7)
    # A field added to Block must be added to Block.on_page too (it builds the copy by hand).
    assert [f.name for f in fields(Block)] == [
        "kind", "text", "level", "items", "ordered", "bold", "hint", "tag", "link_chars", "path",
        "page", "lead_bold",
    ]  # fmt: skip
    copy = block.on_page(3)
    assert copy == replace(block, page=3)
    assert copy.path == block.path  # path is left out of ==
    assert copy.page == 3
    assert copy.lead_bold == 7


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "By QuizHealth Staff · Medically reviewed by Dr. Priya Raman, MD · Updated 2026-03-02",
            ("QuizHealth Staff",),
        ),
        ("Reviewed by Dr. Ann Lee", ("Dr. Ann Lee",)),
        ("Por María Pérez | Actualizado 3 mayo 2026", ("María Pérez",)),
        ("By Dr. A. Smith, MD, and Jo Bloggs, RN", ("Dr. A. Smith", "Jo Bloggs")),
        ("Jean-Luc Picard - Updated May 3", ("Jean-Luc Picard",)),
        ("By Kim Lowry · 98962 views · Updated 2026-11-27T13:00:00", ("Kim Lowry",)),
        ("Sam Ortiz | 5 min read | 12 comments", ("Sam Ortiz",)),
        ("Sam Okonjo, pharmacist", ("Sam Okonjo",)),
        ("By Jo Lee, Senior Health Writer, and Ann Bell, registered nurse", ("Jo Lee", "Ann Bell")),
        ("By Nursing Staff", ("Nursing Staff",)),
        ("By Ruth Åberg | Published 12 March 2009 | Page 1 of 2", ("Ruth Åberg",)),
    ],
)
def test_byline_reviewer_date_and_credentials_are_no_authors(
    byline: str, authors: tuple[str, ...]
) -> None:
    from extractors.metadata import split_authors

    assert split_authors([byline]) == authors


def test_a_cross_link_ending_a_paragraph_is_cut_from_it() -> None:
    text = (
        "El hierro es necesario para fabricar la hemoglobina, la proteína que transporta el"
        " oxígeno a todos los tejidos. Cuando escasea, aparece el cansancio."
    )
    html = page(
        f"<p>{text} <strong>Lee también:</strong> <a href='/x/'>Los alimentos con más hierro</a></p>"
        + ARTICLE
    )
    cleaned = clean_html(html, "https://example.org/anemia/")
    assert any(b.text == text for b in cleaned.blocks)
    assert "Lee también" not in cleaned.text


def test_page_tool_lines_are_cut_from_paragraphs() -> None:
    """Old templates put the byline, the page tools and the pager in the article's own
    paragraph, one <br> line each: those lines go, the article's lines stay."""
    tools = (
        "<p>Why heartburn happens<br>Posted 2026-01-12 by Margaret Ellis | Printer friendly"
        " version | Email this page to a friend</p><p>&laquo; Previous | Page 2 of 2</p>"
    )
    cleaned = clean_html(page(tools + ARTICLE), "https://example.org/heartburn/")
    assert any(b.text == "Why heartburn happens" for b in cleaned.blocks)
    for furniture in ("Printer friendly", "Email this page", "Page 2 of 2", "Posted 2026"):
        assert furniture not in cleaned.text


def test_numbered_headings_after_a_causes_heading_of_their_rank_are_its_causes() -> None:
    """A listicle: "Common causes" and its numbered causes are all <h2>; the numbered run is
    nested under it, and ends at the next heading of that rank without a number."""
    body = "".join(
        f"<h2>{heading}</h2><p>{text}</p>"
        for heading, text in [
            (
                "What is constipation?",
                "Constipation means passing stools less often than usual, and with effort.",
            ),
            ("Common causes", "Most constipation has an everyday cause."),
            (
                "1. Not enough fibre",
                "Fibre holds water in the stool and keeps it soft and easy to pass.",
            ),
            (
                "2. Not drinking enough",
                "Without enough fluid the bowel takes water back from the stool.",
            ),
            ("3. Medicines", "Some painkillers and iron tablets slow the bowel down."),
            ("Treatment", "More fibre, more water and a daily walk help most people."),
        ]
    )
    record = extract_article(
        [clean_html(page(body), "https://example.org/constipation/")],
        extracted_at="2026-11-27T00:00:00Z",
    )
    assert [c.name for c in record.causes] == [
        "Not enough fibre",
        "Not drinking enough",
        "Medicines",
    ]
    assert [s.kind for s in record.sections if s.heading == "Treatment"] == ["treatment"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1 2 3", "navigation"),
        ("« 1 2 3 »", "navigation"),
        ("98962 readers found this helpful", "other"),
        ("1,204 people found this article useful", "other"),
        ("Sponsored: BrightSmile water flossers are 40% off this week for readers.", "ads"),
        ("Sponsored by Acme: a better night's sleep starts here.", "ads"),
        ("People also ask", "clickbait"),
        ("Page last reviewed: 12 March 2026", "other"),
        ("Next review due: 12 March 2029", "other"),
        ("Part 2 of 2", "navigation"),
        ("Around the web Sponsored", "clickbait"),
        ("Last reviewed: 03/2026 | Page ID 4417", "other"),
        (
            "Information from Brightpath Health does not replace advice from your own doctor.",
            "other",
        ),
        ("The content on this site is for general information only.", "other"),
        ("Self-care does not replace a visit to your doctor when the pain is severe.", None),
        ("Ice packs are not a substitute for rest.", None),
        ("Dear patients,", "other"),
        ("Warm regards,\nThe Birchfield team", "other"),
        ("Dear Sir, I have had a rash for weeks.", None),
        ("Most people need 2 or 3 days of rest.", None),
        ("In 2 of 10 people the rash comes back.", None),
        ("本ページはプロモーションが含まれています", "clickbait"),
        ("Реклама", "ads"),
        ("Читайте также: Как лечить гастрит", "clickbait"),
        ("Featured Video", "clickbait"),
        ("Related articles on this site: Sleepwalking | Sinusitis", "clickbait"),
        ("You are here: Home > Health A-Z > Verrucas", "navigation"),
        ("Home > Health A-Z > Verrucas", "navigation"),
        ("Page 1 | 2 | 3", "navigation"),
        ("Read more", "navigation"),
        ("We may earn a commission when you buy through links on this page.", "clickbait"),
        ("Rate this guide", "other"),
        ("4.6/5 - (218 votes)", "other"),
        ("スポンサーリンク", "clickbait"),
        ("PR", "clickbait"),
        ("PRP injections are one option.", None),
    ],
)
def test_number_pagers_counters_and_native_ads_are_furniture(text: str, kind: str | None) -> None:
    from extractors.blocks import Block
    from extractors.filters import block_junk_kind

    assert block_junk_kind(Block("paragraph", text)) == kind


def test_the_next_article_an_infinite_scroll_theme_renders_below_is_left_out() -> None:
    """A short article, then the next one pre-rendered (and longer) in <article class="post
    next-post">: the page's article is the first, the teaser is none of it."""
    own = (
        "<p>Hiccups are sudden, involuntary contractions of the diaphragm, and most stop soon.</p>"
    )
    teaser = "<p>Dry mouth happens when the salivary glands make too little saliva to stay wet.</p>"
    html = (
        "<html><head><title>Hiccups</title></head><body><main>"
        f"<article class='post'><h1>Hiccups</h1>{own * 3}</article>"
        "<article class='post next-post' data-next-url='/dry-mouth/'><h2>Dry mouth</h2>"
        f"{teaser * 8}</article></main></body></html>"
    )
    page = clean_html(html, "https://ex.test/hiccups/")
    assert "diaphragm" in page.text
    assert "saliva" not in page.text


def _listing(cards: int, intro: str = "") -> str:
    excerpt = "A short look at why {0} happens, who gets it, and the simple steps that help most."
    card = (
        "<article class='card'><h2><a href='/guides/{0}/'>All about {0} and how to treat it</a>"
        "</h2><p>" + excerpt + "</p><a class='more' href='/guides/{0}/'>Read more</a></article>"
    )
    names = ["gout", "hives", "styes", "warts", "bunions"][:cards]
    body = "".join(card.format(name) for name in names)
    return f"<html><body><main><h1>Skin conditions</h1>{intro}{body}</main></body></html>"


def test_a_page_of_article_cards_is_a_listing_not_an_article() -> None:
    """A section front's cleaning keeps its cards' excerpts, which read like a short article:
    three cards or more of a headline link and a short excerpt, holding most of the kept text,
    make it a listing, which extract_article rejects. An article with a box of two linked
    cards after its own text stays an article."""
    from extractors import NotAnArticle, extract_article

    intro = "<p>Guides to the skin problems we are asked about most.</p>"
    listing = clean_html(_listing(4, intro), "https://ex.test/conditions/skin/")
    assert listing.cards == 4
    with pytest.raises(NotAnArticle, match="listing"):
        extract_article([listing])
    text = "<p>" + "Gout is a painful form of arthritis that comes and goes in sudden attacks. " * 5
    article = _listing(2).replace("<h1>Skin conditions</h1>", f"<h1>Gout</h1>{text}</p>")
    page = clean_html(article, "https://ex.test/gout/")
    assert page.cards == 0
    assert extract_article([page]).title == "Gout"


def test_a_classless_section_beside_the_main_one_joins_it() -> None:
    """An article in classless <section>s (care-guide's impetigo causes page): a section of a
    lead-in and a list scores little (list items do not vote), yet it is the article's next
    section, not page furniture."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "care-guide" / "impetigo-2.html").read_bytes()
    page = clean_html(html, "https://ex.test/conditions/impetigo/causes/")
    assert "Who is more likely to get impetigo" in page.text
    assert "Are a child between two and five years old" in page.text


def test_site_builder_blocks_with_a_class_of_their_own_join() -> None:
    """A site builder puts each heading group in a block of its own whose class holds one
    token for that block alone ("rich-text comp-ebba8519"): the blocks are one article's text.
    Blocks that differ in a word ("comp-footer"), or <article>s, do not join so."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "builder-soup" / "runners-knee-1.html").read_bytes()
    page = clean_html(html, "https://ex.test/post/runners-knee")
    assert "Runner's knee, known to clinicians as pa" in page.text

    def block(tag: str, token: str, text: str) -> str:
        return f"<{tag} class='rich-text {token}'><p>{text}</p></{tag}>"

    def cleaned(*blocks: str) -> str:
        html = f"<html><head><title>Shin pain</title></head><body><div>{''.join(blocks)}</div>"
        return clean_html(html + "</body></html>", "https://x.test/a").text

    lead = "Shin pain is common in new runners. " * 12
    aside = "A short note about our opening times and the car park."
    own = block("div", "comp-62e44443", aside)
    assert aside in cleaned(block("div", "comp-1abffc90", lead), own)
    assert aside not in cleaned(
        block("div", "comp-1abffc90", lead), block("div", "comp-footer", aside)
    )
    articles = block("article", "comp-1abffc90", lead), block("article", "comp-62e44443", aside)
    assert aside not in cleaned(*articles)


def test_an_app_page_of_divs_with_aria_roles_is_read_whole() -> None:
    """React Native for Web renders no <p>, <h2> or <ul>: text divs, role=heading divs and
    role=list divs, each section in a wrapper of the same atomic classes. Every section joins
    (the causes section outscores the short lead and definition sections), and an ARIA list is
    a list, its items without their typed bullets."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "aria-divs" / "puffy-eyes-1.html").read_bytes()
    cleaned = clean_html(html, "https://ex.test/articles/puffy-eyes")
    assert "Most of us have looked in the mirror" in cleaned.text
    assert "Puffy eyes are swelling of the soft tissue" in cleaned.text
    assert "Tears draw fluid" in cleaned.text
    assert "Part 1 of 2" not in cleaned.text

    items = ("Dry, flaky patches on the cheeks", "Small red bumps", "Skin that feels tight")
    listed = "".join(f"<div role='listitem'><div dir='auto'>{i}</div></div>" for i in items)
    bulleted = "".join(f"<div role='listitem'>\u2022 {i}</div>" for i in items)
    lead = "<div dir='auto'>" + "Dry skin is common in winter, and most of it clears. " * 6
    for body in (listed, bulleted):
        html = (
            "<html><head><title>Dry skin</title></head><body><div role='main'>"
            f"{lead}</div><div dir='auto'>You may notice:</div><div role='list'>{body}</div>"
            "</div></body></html>"
        )
        lists = [b for b in clean_html(html, "https://x.test/a").blocks if b.kind == "list"]
        assert [b.items for b in lists] == [items]


def test_an_archived_newsletter_email_is_read_as_its_article() -> None:
    """A Mailchimp campaign archive page: its title is the issue's subject line and its h1 the
    article's; its text blocks sit in tables of their own under the template's body cell;
    headings are bold lines over their text in one <br> paragraph; the boxed notice, the
    greeting and the sign-off are the email's, not the article's."""
    from tests.support import FIXTURES

    folder = FIXTURES / "sites" / "newsletter-archive"
    url = "https://ex.test/archive/campaign?u=5f1c2a9e&id=a8f3c62e17"
    cleaned = clean_html((folder / "enlarged-prostate.html").read_bytes(), url)
    assert cleaned.title == "Enlarged Prostate: When Getting Older Means More Trips to the Toilet"
    headings = [b.text for b in cleaned.blocks if b.bold and "\n" not in b.text]
    assert headings[:3] == ["What is an enlarged prostate?", "What causes it?", "Risk factors"]
    assert "Dear patients" not in cleaned.text
    assert "Warm regards" not in cleaned.text
    record = extract_article([cleaned])
    assert record.definition.startswith("The prostate is a small gland")

    cleaned = clean_html((folder / "mastitis.html").read_bytes(), url)
    assert "When to see a doctor" in cleaned.text  # the last text block, far from the first
    assert "Clinic news" not in cleaned.text
    assert "flu vaccination" not in cleaned.text


def test_an_app_shells_article_is_read_from_its_noscript_or_its_json_ld_body() -> None:
    """Client-rendered pages: the article in a <noscript> for readers without JavaScript is
    read (a "turn on JavaScript" notice is not), and a page that shows a standfirst and a
    spinner has its JSON-LD articleBody read as the article: headings, paragraphs, and a
    lead-in with its list, the spinner's "Loading…" left out."""
    from extractors import extract_article
    from tests.support import FIXTURES

    folder = FIXTURES / "sites" / "shell-pages"
    cleaned = clean_html((folder / "horsefly-bites.html").read_bytes(), "https://ex.test/g/h")
    headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
    assert len(headings) >= 5
    assert extract_article([cleaned]).definition

    cleaned = clean_html((folder / "ingrown-eyelashes.html").read_bytes(), "https://ex.test/g/i")
    assert "Loading" not in cleaned.text
    record = extract_article([cleaned])
    assert record.definition.startswith("An ingrown eyelash, which doctors call trichiasis")
    assert record.risk_factors[0].startswith("Have blepharitis")
    assert cleaned.text.count("An eyelash that grows inwards instead of out") == 1

    notice = "<noscript><p>You need to enable JavaScript to run this app.</p></noscript>"
    assert "enable JavaScript" not in clean_html(page(notice + ARTICLE)).text


@pytest.mark.parametrize(
    ("classes", "hidden"),
    [
        ("d-none", True),
        ("lead d-none d-md-block", False),  # shown from a tablet's width up
        ("hidden lg:block", False),
        ("lead d-md-none", True),  # a phone's copy
        ("accordion d-lg-none", True),
        ("lg:hidden", True),
        ("visible-xs", True),
        ("hidden-xs", False),
        ("lead", False),
    ],
)
def test_a_page_is_read_as_a_desktop_browser_shows_it(classes: str, hidden: bool) -> None:
    from extractors.boilerplate import class_verdict

    assert class_verdict(classes, "")[0] is hidden


def test_a_lead_paragraph_beside_the_body_in_the_article_joins_it() -> None:
    """A standfirst <p class="lead"> between the header and the body in the page's <article>
    holds no votes of its own, yet is the article's; its phone copy stays out."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "responsive-dupes" / "itchy-ears.html").read_bytes()
    text = clean_html(html, "https://ex.test/notes/itchy-ears.html").text
    assert text.count("An itch deep inside the ear is hard to ignore") == 1
    html = (FIXTURES / "sites" / "responsive-dupes" / "ridged-nails.html").read_bytes()
    text = clean_html(html, "https://ex.test/notes/ridged-nails.html").text
    assert "Look closely at your fingernails" in text
    assert "Here is a quick guide to what they mean" not in text


def test_a_fact_sheet_whose_sections_are_table_rows() -> None:
    """A fact sheet's sections are the rows of a table: a row's <th> over a cell of
    paragraphs and lists heads a section; a quick-facts label beside a short value
    ("Contagious? | Yes") heads nothing."""
    from extractors import extract_article
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "fact-tables" / "shigellosis.html").read_bytes()
    record = extract_article([clean_html(html, "https://ex.test/factsheets/shigellosis.html")])
    headings = [section.heading for section in record.sections]
    assert {"Cause", "Symptoms", "Treatment", "Prevention", "When to call a doctor"} <= set(
        headings
    )
    assert "Contagious?" not in headings
    assert record.signs
    assert record.prevention != ["No"]


def test_emoji_headings_bullets_and_icon_font_words() -> None:
    """A heading's leading emoji does not hide its kind ("🩺 What is it?"), a keycap number is
    a number ("1️⃣ Dehydration"), emoji bullets are cut from list items and make lines a list,
    and a ligature icon's word ("healing") is no text."""
    from extractors.classify import classify_heading
    from extractors.text import strip_item_bullet, strip_number

    assert classify_heading("\U0001fa7a What is it?") == "definition"
    assert classify_heading("\U0001f440 What to look out for") == "signs"
    assert strip_number("1\ufe0f\u20e3 Dehydration") == ("Dehydration", 1)
    for bullet in ("\u2705", "\u274c", "\U0001f449", "\u27a1\ufe0f", "\u2714\ufe0e"):
        assert strip_item_bullet(f"{bullet} Drink water") == "Drink water"
    lines = "".join(f"<p>\u2705 {t}</p>" for t in ("Drink water", "Rest", "Eat well"))
    lead = "<p>" + "Most headaches after exercise are harmless and pass quickly. " * 5 + "</p>"
    html = page(
        f"{lead}<h2><span class='material-icons'>healing</span> Treatment</h2>"
        f"<p>A few small habits help:</p>{lines}"
    )
    cleaned = clean_html(html, "https://ex.test/exercise-headaches/")
    assert "healing" not in cleaned.text
    record = extract_article([cleaned])
    assert ["Drink water", "Rest", "Eat well"] in [
        lst.items for s in record.sections for lst in s.lists
    ]


def test_a_canonical_on_another_site_is_not_the_records() -> None:
    """A syndicated copy names the original on another site as canonical: the record keeps its
    own URL (and id); a canonical on the page's own site (another subdomain) is taken."""
    from extractors import extract_article

    prose = (
        "<p>" + "Insect stings usually cause a small, painful swelling that settles. " * 5 + "</p>"
    ) * 2

    def record(canonical: str) -> tuple[str, str]:
        html = (
            f"<html><head><link rel='canonical' href='{canonical}'></head><body><article>"
            f"<h1>Insect stings</h1>{prose}</article></body></html>"
        )
        found = extract_article([clean_html(html, "https://www.health.test/articles/stings.htm")])
        return found.canonical_url, found.id

    url, record_id = record("https://other-press.example/original-story")
    assert url == "https://www.health.test/articles/stings.htm"
    assert "other-press" not in record_id
    assert record("https://m.health.test/stings")[0] == "https://m.health.test/stings"
    # a template or plugin that names the home page, or the section's listing, as every
    # page's canonical; a canonical that differs from the page by its trailing slash: the
    # page's own URL
    own = "https://www.health.test/articles/stings.htm"
    for wrong in ("https://www.health.test/", "https://www.health.test/index.php"):
        assert record(wrong)[0] == own
    assert record("https://www.health.test/articles/")[0] == own
    assert record("https://www.health.test/articles/stings.htm/")[0] == own

    def served(canonical: str, og_url: str, url: str) -> str:
        html = (
            f"<html><head><link rel='canonical' href='{canonical}'><meta property='og:url' "
            f"content='{og_url}'></head><body><article><h1>Insect stings</h1>{prose}</article>"
            "</body></html>"
        )
        return extract_article([clean_html(html, url)]).canonical_url

    # a later page's canonical names its article, a copy's the page it copies
    assert served("https://h.test/stings/", "", "https://h.test/stings/2/") == (
        "https://h.test/stings/"
    )
    assert served("https://h.test/stings/", "", "https://h.test/stings/amp/") == (
        "https://h.test/stings/"
    )
    # og:url names the page itself and the canonical another folder's page: a syndicated
    # copy, whose canonical is the original
    assert served(
        "https://h.test/adults/stings/",
        "https://h.test/partners/acme/stings/",
        "https://h.test/partners/acme/stings/",
    ) == ("https://h.test/adults/stings/")
    # og:url names the page itself and the canonical a renamed page's old slug: the page
    assert served(
        "https://h.test/old-slug/", "https://h.test/stings/", "https://h.test/stings/"
    ) == ("https://h.test/stings/")
    assert served(
        "https://h.test/stings/", "https://h.test/stings/", "https://h.test/x/?utm_source=a"
    ) == ("https://h.test/stings/")


def _accordion(heading: str, panel: str, body: str, n: int) -> str:
    return f"<div class='accordion__item'>{heading.format(n=n)}{panel.format(n=n, body=body)}</div>"


ACCORDION_SECTIONS = {
    "Causes": "<p>Running more miles each week than the legs are ready for strains the shin.</p>",
    "Treatment": "<p>Rest from running for two weeks and use ice on the sore area twice daily.</p>",
    "Prevention": "<p>Increase weekly distance slowly and replace worn running shoes in time.</p>",
}


@pytest.mark.parametrize(
    ("heading", "panel"),
    [
        (
            "<h2><button aria-expanded='false' aria-controls='s{n}'>{title}</button></h2>",
            "<div id='s{n}' hidden>{body}</div>",
        ),
        (
            "<button class='accordion__button' aria-expanded='false'>{title}</button>",
            "<div class='accordion__panel' style='display:none'>{body}</div>",
        ),
        ("<h2>{title}</h2>", "<div role='tabpanel' hidden>{body}</div>"),
    ],
)
def test_collapsed_sections_are_article_text(heading: str, panel: str) -> None:
    """Accordion panels and tab panels are hidden until a reader opens them: their text is the
    article's, with its headings, and the lead paragraph beside the accordion stays too."""
    items = "".join(
        _accordion(heading.replace("{title}", title), panel, body, n)
        for n, (title, body) in enumerate(ACCORDION_SECTIONS.items())
    )
    lead = (
        "<p>Shin splints are a common cause of pain along the inner edge of the shin bone, and "
        "they often follow a sudden increase in running.</p>"
    )
    cleaned = clean_html(page(f"{lead}<div class='accordion'>{items}</div>"))
    assert cleaned.text.startswith("Shin splints are a common cause")
    for title, body in ACCORDION_SECTIONS.items():
        assert body[3:-4] in cleaned.text
        if "<h2>" in heading:
            assert any(b.kind == "heading" and b.text == title for b in cleaned.blocks), title


def test_collapsed_furniture_stays_out() -> None:
    """A hidden list opened by "Show references", or a hidden element no control opens, is
    not article text."""
    refs = (
        "<button aria-expanded='false' aria-controls='refs'>Show references</button>"
        "<ol id='refs' hidden><li>Harland P. A review of shin pain. Sports Notes. 2024;3:12.</li></ol>"
        "<div hidden><p>Thanks for signing up to our weekly running letter today.</p></div>"
    )
    text = clean_html(page(ARTICLE + refs)).text
    assert "Harland" not in text
    assert "signing up" not in text


REST = (
    "<h2>Treatment</h2><p>Rest from running for two weeks and put ice on the sore area twice a "
    "day; most shins settle within a month.</p><h2>Prevention</h2><p>Add distance slowly, no "
    "more than a tenth a week, and replace running shoes before their soles wear thin.</p>"
    "<p>Strong calves and hips take load off the shin, so a few minutes of calf raises and "
    "side steps after each run help too.</p>"
)
SHOWN = (
    "<p>Shin splints are a common cause of pain along the inner edge of the shin bone, and they "
    "often follow a sudden increase in running.</p>"
)


@pytest.mark.parametrize(
    ("control", "panel"),
    [
        (
            "<button class='read-more-btn' onclick='reveal()'>Continue reading</button>",
            "<div class='article-more' style='display:none'>{rest}</div>",
        ),
        (
            "<p class='show-more-wrap'><a href='#rest' class='js-expand'>Show more</a></p>",
            "<div id='rest' class='article-rest' hidden>{rest}</div>",
        ),
        (
            "<button data-bs-toggle='collapse' aria-expanded='false' aria-controls='r'>Read more"
            "</button>",
            "<div class='collapse' id='article-rest-1'>{rest}</div>",
        ),
        ("", "<details class='read-more'><summary>Keep reading</summary>{rest}</details>"),
    ],
)
def test_the_rest_behind_a_read_more_control_is_article_text(control: str, panel: str) -> None:
    """A farm that hides most of an article until "Continue reading" is clicked: the hidden
    rest is article text, the shown part beside it stays (the rest, longer and often classed
    "article", had won the main content alone), and the control's label is not; hidden
    furniture no control opens stays out."""
    paywall = "<div class='paywall-teaser' style='display:none'><p>Subscribe to unlock every guide we publish for members.</p></div>"
    cleaned = clean_html(page(SHOWN + control + panel.format(rest=REST) + paywall))
    assert cleaned.text.startswith("Shin splints are a common cause")
    assert "replace running shoes before their soles wear thin" in cleaned.text
    assert "side steps after each run help too" in cleaned.text
    for label in ("Continue reading", "Show more", "Read more", "Keep reading", "Subscribe"):
        assert label not in cleaned.text


def test_a_lead_in_ending_in_a_full_width_colon_leads_its_list() -> None:
    """Chinese and Japanese lead-ins end in "：": the line and the list under it are one list
    with its lead-in, as with ":"."""
    body = (
        "<h2>症状</h2><p>口腔溃疡的表现很有特点：</p><ul><li>口腔黏膜上出现圆形或椭圆形的小溃疡</li>"
        "<li>进食时疼痛明显</li></ul><p>一般一到两周可以自行愈合，不留瘢痕，但容易反复发作。</p>"
    )
    record = extract_article(
        [clean_html(page(body + ARTICLE), "https://example.org/kouqiang/")],
        extracted_at="2026-11-28T00:00:00Z",
    )
    (signs,) = [s for s in record.sections if s.heading == "症状"]
    assert [(lst.lead_in, lst.items[0]) for lst in signs.lists] == [
        ("口腔溃疡的表现很有特点：", "口腔黏膜上出现圆形或椭圆形的小溃疡")
    ]


def test_a_quoted_question_and_its_signature_are_no_heading() -> None:
    """A Q&A column quotes the reader's question in a blockquote whose class names it
    ("is-style-reader-question"): its text and the reader's signature are paragraphs, not a
    heading over the answer."""
    quote = (
        "<blockquote class='wp-block-quote is-style-reader-question'><p>My shins ache after "
        "every run, even short ones. What is going on?</p><cite>Priya, 34, Leicester</cite>"
        "</blockquote>"
    )
    cleaned = clean_html(page(quote + ARTICLE))
    assert "Priya, 34, Leicester" in cleaned.text
    assert not [b for b in cleaned.blocks if b.kind == "heading" or b.hint]


def _part_table(heading: str, body: str) -> str:
    return (
        "<table width='100%' cellpadding='4'><tr><td><font face='Verdana' size='2'>"
        f"<b><font size='+1' color='#003366'>{heading}</font></b><br>{body}</font></td></tr></table>"
    )


def test_an_old_table_layout_keeps_every_part_of_the_article() -> None:
    """A 2003 site: the page is a three-column table, each part of the article a table of its
    own in the centre cell, text in <br><br> runs, headings in <b><font size=+1>, cause names
    in <b> alone, lists as middle-dot lines or <li> without a list. Every part is the
    article (one part had won the main content alone), causes nest under their heading, and
    lists are lists."""
    parts = [
        _part_table(
            "What is it?",
            "Shin splints is pain along the inner edge of the shin bone that comes on with "
            "running or jumping, and eases with rest.<br><br>It is one of the commonest "
            "running injuries, and most people recover fully with a few weeks of rest.",
        ),
        _part_table(
            "What causes it?",
            "Two things lie behind most cases.<br><br>"
            "<b>Doing too much too soon</b><br>Adding miles faster than the bone and muscle can "
            "adapt strains the tissue where the muscles attach to the shin.<br><br><b>Worn-out "
            "shoes</b><br>Shoes that have lost their cushioning pass more of each landing "
            "into the shins, run after run.",
        ),
        _part_table(
            "Symptoms",
            "Watch for:<br>&middot; Pain along the inner shin<br>&middot; Tenderness when you "
            "press the bone<br>&middot; Mild swelling after running",
        ),
        _part_table(
            "Treatment",
            "Most shins settle with simple care:<li>Rest from running for two weeks</li>"
            "<li>Ice the sore area twice a day</li><li>Return to running slowly</li>",
        ),
    ]
    nav = "".join(f"<a href='/articles/{n}.htm'>{n.title()} guide</a><br>" for n in "abcdefgh")
    html = (
        "<html><head><title>Shin splints</title></head><body><table width='800'><tr>"
        f"<td width='150' bgcolor='#eeeeee'>{nav}</td><td width='500'><h1>Shin splints</h1>"
        f"{''.join(parts)}</td><td width='150'><a href='/ads/1'><img alt='Advertisement'></a>"
        "</td></tr></table></body></html>"
    )
    cleaned = clean_html(html, "https://old.test/articles/shin-splints.htm")
    record = extract_article([cleaned], extracted_at="2026-11-28T00:00:00Z")
    assert "one of the commonest running injuries" in cleaned.text
    assert "Return to running slowly" in cleaned.text
    assert [c.name for c in record.causes] == ["Doing too much too soon", "Worn-out shoes"]
    lists = [lst.items for sec in record.sections for lst in sec.lists]
    assert [
        "Pain along the inner shin",
        "Tenderness when you press the bone",
        "Mild swelling after running",
    ] in lists
    assert [
        "Rest from running for two weeks",
        "Ice the sore area twice a day",
        "Return to running slowly",
    ] in lists
    assert "guide" not in cleaned.text


def test_a_product_comparison_table_is_the_shop_not_the_article() -> None:
    """A roundup's comparison table (its "Check price" links marked as paid, rel=sponsored)
    and a star-rating widget are furniture; a table of facts stays."""
    rows = "".join(
        f"<tr><td>Humidifier {n}</td><td>Best overall</td><td>4.{n}</td><td>${n}9.99</td>"
        f"<td><a href='/go/{n}' rel='sponsored nofollow'>Check price</a></td></tr>"
        for n in range(1, 4)
    )
    shop = f"<table class='has-fixed-layout'><tbody>{rows}</tbody></table>"
    facts = (
        "<table><tr><th>Age</th><th>Cases per 1,000</th></tr><tr><td>Under 5</td><td>12</td>"
        "</tr><tr><td>Over 65</td><td>31</td></tr></table>"
    )
    stars = "<div class='kk-star-ratings kksr-auto'><p>Rate this guide</p><p>4.6/5 - (218 votes)</p></div>"
    text = clean_html(page(ARTICLE + shop + facts + stars)).text
    assert "Check price" not in text
    assert "Humidifier 2" not in text
    assert "Cases per 1,000" in text
    assert "Rate this guide" not in text
    assert "218 votes" not in text


def test_an_h1_sharing_two_words_with_the_search_title_is_the_title() -> None:
    """A search title that says something else ("Waking Up With a Stiff Neck? 5 Pillows We
    Tested") over the reader's h1 ("Stiff neck from sleeping wrong"): two words in a row in
    both ("stiff neck") tie them, and the h1 is the title; a label h1 shares none."""
    head = "<meta property='og:title' content='Waking Up With a Stiff Neck? 5 Pillows We Tested'>"
    body = "<article><h1>{h1}</h1>" + ARTICLE + "</article>"
    html = "<html><head><title>x</title>" + head + "</head><body>" + body + "</body></html>"
    tied = clean_html(html.format(h1="Stiff neck from sleeping wrong"))
    assert tied.title == "Stiff neck from sleeping wrong"
    label = clean_html(html.format(h1="Health A to Z"))
    assert label.title == "Waking Up With a Stiff Neck? 5 Pillows We Tested"


def test_the_declared_headline_and_a_headline_test_settle_the_title() -> None:
    """An h1 that is the headline the JSON-LD declares (its name) is the title over a search
    title that shares nothing with it; an h1 marked as an arm of a headline test gives way to
    the declared title, whatever it shares with it, while an unmarked h1 that shares the
    declared search title's opening is the title the reader sees."""
    ld = '<script type="application/ld+json">{{"@type": "MedicalWebPage", "{key}": "{value}"}}'
    head = "<title>{meta} | Site</title><meta property='og:title' content='{meta}'>" + ld
    body = "<article><h1{mark}>{h1}</h1>" + ARTICLE + "</article>"
    html = "<html><head>" + head + "</script></head><body>" + body + "</body></html>"
    seo = "Feeling light-headed or unsteady in later life"
    page = clean_html(html.format(meta=seo, key="name", value="Dizziness", mark="", h1="Dizziness"))
    assert page.title == "Dizziness"
    own = "Teeth Grinding: Causes and Treatment"
    variant = "Teeth Grinding at Night: Why You Wake Up Sore"
    tested = " data-experiment='hl-1' data-variant='b'"
    for h1 in (own, variant):
        page = clean_html(html.format(meta=own, key="headline", value=own, mark=tested, h1=h1))
        assert page.title == own
    page = clean_html(html.format(meta=own, key="headline", value=own, mark="", h1=variant))
    assert page.title == variant


def test_without_an_h1_the_microdata_headline_is_the_title() -> None:
    """Joomla 3 gives the title as `<h2 itemprop="headline">` and the site's name after it in
    <title>, with no og:site_name to tell it by: the headline the title holds is the title."""
    html = (
        "<html><head><title>Measles - Midshire Public Health</title></head><body><div "
        "class='item-page' itemscope itemtype='https://schema.org/Article'><div class="
        "'page-header'><h2 itemprop='headline'>Measles</h2></div><dl class='article-info'>"
        "<dt>Details</dt><dd class='hits'>Hits: 4127</dd></dl>" + ARTICLE + "</div></body></html>"
    )
    page = clean_html(html, "https://health.test/index.php?option=com_content&id=61")
    assert page.title == "Measles"
    assert "Hits" not in page.text
    assert "Details" not in page.text


def test_citation_marks_and_call_to_action_boxes_are_dropped() -> None:
    inner = (
        "<p>Shin splints often follow a sudden increase in running.<sup><a href='#ref-1'>[1]"
        "</a></sup> Most people recover within weeks<sup>2,3</sup> of rest.<sup><a "
        "href='#ref-4'>4</a></sup> A stress fracture needs 6 to 8 weeks, and a BMI over 30 kg/m"
        "<sup>2</sup> adds load.</p>"
        "<div class='paragraph paragraph--type--call-to-action cta cta--appointment'>"
        "<div class='cta__title'>Request an appointment</div><p>Same-week visits with our "
        "sports medicine team at four locations.</p></div>" + ARTICLE
    )
    text = clean_html(page(inner)).text
    assert "running. Most people recover within weeks2,3 of rest. A stress" in text
    assert "kg/m2 adds load" in text
    assert "appointment" not in text
    assert "Same-week" not in text
    # a box whose last paragraph holds only its button link
    box = (
        "<div class='book-box'><h3>Book an appointment</h3><p>Appointments can be booked up to"
        " four weeks ahead.</p><p><a class='button' href='/book/'>Book online</a></p></div>"
    )
    text = clean_html(page("<p>Shin splints often follow more running.</p>" + box + ARTICLE)).text
    assert "Book an appointment" not in text
    assert "four weeks ahead" not in text


def test_a_page_of_one_short_paragraph_is_a_blurb_not_an_article() -> None:
    """A podcast episode page (a player and a three-sentence blurb) is not an article; the
    same text with a heading and a second paragraph is."""
    from extractors import NotAnArticle

    blurb = (
        "<p>This week we talk with a physiotherapist about pulled muscles: why they happen to "
        "weekend runners, how long they take to heal and which stretches help. We also answer "
        "listener questions about ice and heat. Runs 34 minutes.</p>"
    )
    episode = f"<audio controls src='/media/ep12.mp3'></audio>{blurb}"
    with pytest.raises(NotAnArticle, match="characters"):
        extract_article([clean_html(page(episode), "https://s.test/podcast/episode-12/")])
    longer = f"{blurb}<h2>Treatment</h2>{ARTICLE}"
    assert extract_article([clean_html(page(longer), "https://s.test/pulled-muscle/")]).title


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Page not found", "<h2>Sorry, we couldn't find that page</h2>"),
        ("Sorry, we couldn't find that page", ""),
        ("Before you continue", "<p>We use cookies and data to deliver our services.</p>"),
        ("Página no encontrada", ""),
    ],
)
def test_pages_that_say_they_are_no_article_are_rejected(title: str, body: str) -> None:
    """A soft "not found" page or a consent interstitial, served with 200 OK and several
    blocks of text (a search box, popular articles, cookie policy), says what it is."""
    from extractors import NotAnArticle

    html = (
        f"<html><head><title>{title} | Health</title></head><body><main><h1>{title}</h1>"
        f"{body}{ARTICLE}</main></body></html>"
    )
    with pytest.raises(NotAnArticle, match="says it is no article"):
        extract_article([clean_html(html, "https://s.test/health/shingles-vaccine-guide/")])


def test_a_teaser_behind_a_sign_in_wall_is_no_article() -> None:
    """A login wall shows the title and two sentences: no article. An article whose public part
    is long, before the same wall, is still one."""
    from extractors import NotAnArticle

    teaser = (
        "<h1>Ingrown hairs</h1><p>Ingrown hairs curl back into the skin after shaving and "
        "leave small, sore bumps that can itch for days. They are most common where the hair "
        "is coarse or curly, and they usually settle without treatment once you stop shaving "
        "the area for a while.</p><h2>Sign in to keep reading</h2><p>This article is free "
        "for registered readers. Sign in or create an account to read on.</p>"
        "<form><label>Email</label><input type='email'><label>Password</label>"
        "<input type='password'><button>Sign in</button></form>"
    )
    html = (
        f"<html><head><title>Ingrown hairs</title></head><body><main>{teaser}</main></body></html>"
    )
    with pytest.raises(NotAnArticle, match="sign-in wall"):
        extract_article([clean_html(html, "https://s.test/health/ingrown-hairs/")])
    long = html.replace("<h2>Sign in", ARTICLE + ARTICLE + "<h2>Sign in")
    assert extract_article([clean_html(long, "https://s.test/health/ingrown-hairs/")]).title


def test_a_one_paragraph_answer_that_calls_itself_an_article_is_one() -> None:
    """A Q&A site's short answer is one paragraph under the blurb length: its head calls it an
    article (og:type, or a JSON-LD article type), and it holds no player, so it is published.
    The same head over a podcast episode's player and blurb is still a blurb."""
    from extractors import NotAnArticle

    answer = (
        "<h1>Why do I keep biting the inside of my cheek?</h1><p>Most people bite their cheek "
        "now and then while chewing fast or talking with food in their mouth. Once the inside "
        "of the cheek is bitten it swells a little, and the swollen patch sits in the way of "
        "the teeth, so it is easy to bite it again in the days that follow. Eating slowly, "
        "taking smaller mouthfuls and rinsing with warm salty water help the patch settle "
        "within a week. A sore that lasts longer than three weeks is worth showing to a "
        "dentist.</p>"
    )

    def with_head(head: str, body: str) -> bytes:
        return f"<html><head>{head}</head><body><main>{body}</main></body></html>".encode()

    og = "<meta property='og:type' content='article'>"
    ld = '<script type="application/ld+json">{"@type": "BlogPosting"}</script>'
    webpage = '<script type="application/ld+json">{"@type": "WebPage"}</script>'
    url = "https://s.test/answers/cheek/"
    for head in (og, ld):
        record = extract_article([clean_html(with_head(head, answer), url)])
        assert record.title == "Why do I keep biting the inside of my cheek?"
    for head in ("", webpage):  # nothing declared: a blurb
        with pytest.raises(NotAnArticle, match="a blurb"):
            extract_article([clean_html(with_head(head, answer), url)])
    stub = (  # a leaflet's page: its summary, and the leaflet as a PDF
        "<h1>Having a flexible cystoscopy</h1><p>A flexible cystoscopy is a test that lets a "
        "doctor look inside your bladder with a thin, bendy telescope. This leaflet explains "
        "how to prepare, what happens during the test and how you may feel afterwards.</p>"
        "<p><a href='/1235.pdf'>Download the leaflet</a></p>"
    )
    with pytest.raises(NotAnArticle, match="a blurb"):
        extract_article([clean_html(with_head(og, stub), url)])
    player = "<iframe src='https://player.vimeo.com/video/12'></iframe>"
    for media in ("<audio controls src='/ep12.mp3'></audio>", player):
        with pytest.raises(NotAnArticle, match="a blurb"):
            extract_article([clean_html(with_head(og, media + answer), url)])


def test_tab_panels_without_headings_take_their_tab_labels() -> None:
    """A tabbed reference page titles each panel by its tab only ("Symptoms"): the panel's
    text comes under a heading of the tab's label (the tab buttons themselves are
    furniture); a panel with a heading of its own keeps it."""
    tabs = (
        "<div role='tablist'><button role='tab' id='t1' aria-controls='p1'>Overview</button>"
        "<button role='tab' id='t2' aria-controls='p2'>Symptoms</button>"
        "<button role='tab' id='t3' aria-controls='p3'>Treatment</button></div>"
    )
    panels = (
        f"<section role='tabpanel' id='p1' aria-labelledby='t1'>{ARTICLE}</section>"
        "<section role='tabpanel' id='p2' hidden><p>Symptoms are:</p><ul><li>A dull ache "
        "along the shin</li><li>Pain that eases with rest</li></ul></section>"
        "<section role='tabpanel' id='p3' aria-labelledby='t3' hidden><h2>Treating shin "
        "splints</h2><p>Rest from running for two weeks and use ice on the sore area.</p>"
        "</section>"
    )
    cleaned = clean_html(page(tabs + panels), "https://s.test/shin-splints/")
    headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
    assert headings == ["Overview", "Symptoms", "Treating shin splints"]
    record = extract_article([cleaned])
    assert record.signs == ["A dull ache along the shin", "Pain that eases with rest"]


def test_pull_quotes_and_pagers_with_next_are_furniture() -> None:
    """A pull quote repeating a sentence of the article and a pager line "Pages: 1 2 3 Next"
    are not the article's text (the sentence stays once); an embedded tweet is (as the zyte
    ground truth counts it)."""
    tweet = (
        "<blockquote class='twitter-tweet'><p>Ice first, then rest. Works every time for my "
        "shins pic.twitter.com/abc123</p>&mdash; Coach Rae (@coachrae) June 3, 2025</blockquote>"
    )
    quote = (
        "<blockquote class='pullquote'><p>Rest, ice and a gradual return to activity help most "
        "people recover within weeks</p></blockquote>"
    )
    pager = "<div class='pgn'>Pages: <a href='/a/'>1</a> <a href='/a-2/'>2</a> 3 <a>Next</a></div>"
    text = clean_html(page(ARTICLE[:300] + tweet + quote + ARTICLE[300:] + pager)).text
    assert "Ice first, then rest." in text
    assert text.count("help most people recover within weeks") == 1
    assert "Pages" not in text


def test_a_story_cut_into_sections_is_read_whole_without_its_platform_chrome() -> None:
    """A publishing platform cuts a story into one <section> per heading, each paragraph deep
    in wrappers: the whole <article> is the story; its subtitle (a heading holding a sentence)
    is a paragraph, and the member badge, byline line and clap counts are furniture."""

    def deep(inner: str) -> str:
        return f"<section><div><div class='ab ca'><div class='ch bg'>{inner}</div></div></div></section>"

    parts = {
        "What is a side stitch?": "A side stitch is a sharp pain just below the ribs during exercise.",
        "What causes a stitch?": "Irritation of the lining of the tummy is the likeliest cause of it.",
        "Easing a stitch": "Slow to a walk, breathe out slowly and press on the sore spot gently.",
        "Preventing a stitch": "Leave two hours between a big meal and a run, and warm up first.",
    }
    body = "".join(
        deep(f"<h2>{h}</h2>" + f"<p class='pw-post-body-paragraph'>{t} {t} {t}</p>" * 3)
        for h, t in parts.items()
    )
    chrome = (
        "<div>Member-only story</div><div>Published in Everyday Wellness · 6 min read · Apr 2,"
        " 2025</div><div class='pw-multi-vote-count'><p><span>1.2K</span></p></div>"
        "<span class='pw-responses-count'>34</span>"
    )
    html = (
        "<html><head><meta property='og:title' content='Side stitch'></head><body>"
        "<article class='meteredContent'>"
        + deep(
            "<h2 class='pw-post-title'>Side stitch</h2><h3 class='pw-subtitle-paragraph'>It "
            "stops you mid-stride, then fades as quickly as it came.</h3>" + chrome
        )
        + body
        + "</article></body></html>"
    )
    cleaned = clean_html(html, "https://s.test/wellness/side-stitch-3f9a0c2b7e1d")
    for heading in parts:
        assert any(b.kind == "heading" and b.text == heading for b in cleaned.blocks), heading
    assert "It stops you mid-stride" in cleaned.text
    record = extract_article([cleaned])
    assert not any(s.heading.startswith("It stops") for s in record.sections)
    assert record.definition.startswith("A side stitch is")
    for furniture in ("Member-only", "Published in", "1.2K", "34"):
        assert furniture not in cleaned.text, furniture


def test_wiki_chrome_stays_out_of_the_record() -> None:
    """A wiki page: its "[edit]" links, infobox and references list are furniture; a heading
    whose anchor id starts with "Shared" keeps its text; a "See also" heading left with nothing
    under it at the end is dropped."""

    def heading(tag: str, text: str) -> str:
        anchor = text.replace(" ", "_")
        return (
            f"<{tag}><span class='mw-headline' id='{anchor}'>{text}</span><span "
            "class='mw-editsection'>[<a href='/w/index.php?action=edit'>edit</a>]</span></"
            + tag
            + ">"
        )

    html = (
        "<html><head><title>Molluscum contagiosum - HealthWiki</title></head><body>"
        "<div id='mw-content-text'><div class='mw-parser-output'>"
        "<table class='infobox'><tr><th>Specialty</th><td>Dermatology</td></tr></table>"
        + ARTICLE
        + heading("h2", "Causes")
        + heading("h3", "Shared towels and bath water")
        + "<p>The virus survives for a while on damp towels and in shared bath water at home.</p>"
        + heading("h2", "See also")
        + "<ul><li><a href='/wiki/Warts'>Warts</a></li></ul>"
        + heading("h2", "References")
        + "<ol class='references'><li>Harrow P. Journal of Community Dermatology. 2021.</li></ol>"
        "</div></div></body></html>"
    )
    cleaned = clean_html(html, "https://wiki.test/wiki/Molluscum_contagiosum")
    headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
    assert headings[:2] == ["Causes", "Shared towels and bath water"]
    assert "edit" not in cleaned.text.split()
    assert "Specialty" not in cleaned.text
    assert "Journal of Community" not in cleaned.text
    record = extract_article([cleaned])
    assert [s.heading for s in record.sections][-1] == "Shared towels and bath water"


def test_static_site_heading_anchors_ids_and_footnotes() -> None:
    """A static site generator's post: each heading ends in a link to itself ("#", "¶") and
    has an id built from its text ("age-related-wear" is no "related" widget); footnote marks
    go, and the footnotes list is furniture (by its class or its role)."""

    def heading(text: str, mark: str) -> str:
        slug = text.lower().replace(" ", "-")
        return f"<h2 id='{slug}'>{text} <a class='anchor' href='#{slug}'>{mark}</a></h2>"

    notes = (
        "<section class='footnotes' role='doc-endnotes'><hr><ol><li id='fn:1'><p>Okoro T. "
        "Tendon loading in runners. 2021. <a href='#fnref:1' class='footnote-backref'>↩︎</a>"
        "</p></li></ol></section>",
        "<div role='doc-endnotes'><ol><li>Okoro T. Tendon loading in runners. 2021.</li></ol>"
        "</div>",
    )
    for footnotes in notes:
        html = page(
            ARTICLE
            + heading("Age-related wear", "#")
            + "<p>Tendons lose some of their spring with age, so the same load strains them "
            "more<sup id='fnref:1'><a href='#fn:1' class='footnote-ref'>1</a></sup>.</p>"
            + heading("Easing it", "¶")
            + "<p>Rest from the movements that hurt and build strength back slowly.</p>"
            + footnotes
        )
        cleaned = clean_html(html, "https://notes.test/posts/rotator-cuff/")
        headings = [b.text for b in cleaned.blocks if b.kind == "heading"]
        assert headings[-2:] == ["Age-related wear", "Easing it"]
        assert "strains them more." in cleaned.text
        assert "Okoro" not in cleaned.text
    furniture = page(
        ARTICLE + "<h2 id='related-posts'>Related posts</h2><ul><li><a "
        "href='/posts/x/'>Shin pain in walkers</a></li></ul>"
    )
    assert "Related posts" not in clean_html(furniture, "https://notes.test/posts/y/").text


def test_an_h1_linking_home_is_the_site_name_not_the_title() -> None:
    """A blog theme's h1 is the blog's name, linked to its home page, and the post title is an
    h3; the page's <title> is "Blog: Post": the title is the post's."""
    html = (
        "<html><head><title>Healthy Notes by Dr. Meera: Hangnails: Why They Split</title></head>"
        "<body><div class='header'><h1 class='title'><a href='https://blog.test/'>Healthy Notes "
        "by Dr. Meera</a></h1></div><h2 class='date-header'>Tuesday, June 3, 2025</h2>"
        f"<h3 class='post-title entry-title'>Hangnails: Why They Split</h3>{ARTICLE}</body></html>"
    )
    cleaned = clean_html(html, "https://blog.test/2025/06/hangnails.html")
    assert cleaned.title == "Hangnails: Why They Split"


def test_a_documentation_page_title_and_box_labels() -> None:
    """Documentation themes (Sphinx, MkDocs) end each heading in a "¶" link to itself: the h1,
    without its mark, is the title, though the <title> says "Title — Handbook 2026 edition
    documentation" (the self-link is no link to the home page). A box's label ("Note") is no
    heading: the box's text stays in its section."""
    html = (
        "<html><head><title>Paronychia — Pocket Health Handbook 2026 edition documentation"
        "</title></head><body><div class='body' role='main'><section id='paronychia'>"
        "<h1>Paronychia<a class='headerlink' href='#paronychia' title='Permalink'>¶</a></h1>"
        f"{ARTICLE}<section id='treatment'><h2>Treatment<a class='headerlink' "
        "href='#treatment'>¶</a></h2><div class='admonition note'><p class='admonition-title'>"
        "Note</p><p>Soak the finger in warm water three or four times a day.</p></div>"
        "</section></section></div></body></html>"
    )
    cleaned = clean_html(html, "https://kb.test/conditions/paronychia.html")
    assert cleaned.title == "Paronychia"
    assert [b.text for b in cleaned.blocks if b.kind == "heading"] == ["Treatment"]
    assert "Soak the finger" in cleaned.text
    assert "Note" not in cleaned.text


AEM_TITLE = (
    "<div class='title aem-GridColumn'>\n<div class='cmp-title'>\n<h2 class='cmp-title__text'>"
    "{}</h2>\n</div>\n</div>"
)
AEM_TEXT = "<div class='text aem-GridColumn'><div class='cmp-text'>{}</div></div>"


def test_adobe_experience_manager_components() -> None:
    """AEM cuts a page into components, "cmp-" classes (no consent manager's "cmp"): a text
    component per paragraph or two, none scoring much, each heading in a title component of
    its own. The text components with their headings are the article; image captions (a
    "title"), a download component and the review line are furniture."""
    parts = [
        AEM_TEXT.format(
            "<p>A soft lump on the back of the elbow can look alarming when you first notice "
            "it, but it is usually a harmless swollen cushion that settles.</p>"
        ),
        AEM_TITLE.format("Causes"),
        AEM_TEXT.format(
            "<p>Leaning on the elbow for long periods puts steady pressure on the bursa, and a "
            "knock or a fall can make it bleed and swell inside.</p>"
        ),
        "<div class='image aem-GridColumn'><div class='cmp-image'><img src='/e.jpg' alt=''>"
        "<span class='cmp-image__title' itemprop='caption'>Illustration: Medical Illustration "
        "Unit, St Brigid's Hospital</span></div></div>",
        AEM_TITLE.format("Treatment"),
        AEM_TEXT.format(
            "<p>Rest, an ice pack wrapped in a towel and a soft pad under the elbow help most "
            "swellings go down within a few weeks without any other treatment.</p>"
        ),
        AEM_TEXT.format(
            "<p><em>Page last reviewed: 10 February 2026. Next review due: February 2029.</em>"
            "</p><p><em>Written and checked by the Patient Information Panel.</em></p>"
        ),
        "<div class='download aem-GridColumn'><div class='cmp-download'><h3 class="
        "'cmp-download__title'>Patient leaflet: Elbow bursitis</h3><div class="
        "'cmp-download__description'><p>A printable copy of this page to take home.</p></div>"
        "<dl><dt>Filename</dt><dd>elbow-bursitis.pdf</dd></dl></div></div>",
    ]
    html = (
        "<html><head><title>Elbow bursitis</title></head><body><div class='root'>"
        "<div id='main-content' class='cmp-container'><div class='aem-Grid aem-Grid--8'>"
        f"{''.join(parts)}</div></div></div></body></html>"
    )
    cleaned = clean_html(html, "https://h.test/health-library/conditions/elbow-bursitis.2.html")
    assert [b.text for b in cleaned.blocks if b.kind == "heading"] == ["Causes", "Treatment"]
    for kept in ("A soft lump", "Leaning on the elbow", "Rest, an ice pack"):
        assert kept in cleaned.text
    for furniture in ("Illustration", "reviewed", "Written and checked", "Filename", "printable"):
        assert furniture not in cleaned.text


def test_italian_and_dutch_prompts_and_widget_labels_are_furniture() -> None:
    """An Italian or Dutch farm's "continue after the ad" prompt, ad label and "see also"
    widget labels are furniture, as their English, Spanish, French, German and Portuguese
    kin."""
    inner = (
        ARTICLE + "<p>CONTINUA A LEGGERE DOPO LA PUBBLICITÀ</p><p>Pubblicità</p>"
        "<p>Potrebbe interessarti anche:</p><p>Leggi anche</p>" + ARTICLE.replace("Shin", "The")
    )
    text = clean_html(page(inner), "https://s.test/salute/shin/").text
    for furniture in ("CONTINUA", "Pubblicità", "interessarti", "Leggi anche"):
        assert furniture not in text
    dutch = (
        ARTICLE + "<p>LEES VERDER NA DE ADVERTENTIE</p><p>Advertentie</p>"
        "<p>Dit vind je misschien ook interessant:</p><p><strong>Lees ook</strong></p>"
        + ARTICLE.replace("Shin", "The")
    )
    text = clean_html(page(dutch), "https://s.test/gezondheid/shin/").text
    for furniture in ("LEES VERDER", "Advertentie", "interessant", "Lees ook"):
        assert furniture not in text


def test_a_section_header_class_marks_a_heading() -> None:
    """Old CMSs style headings with a class alone ("<span class='SectionHeader'>", its bold and
    size in a style sheet): the class names a heading."""
    html = page(
        ARTICLE + "<p><span class='SectionHeader'>Signs and symptoms</span></p>"
        "<p>The shins ache along their inner edge, worst at the start of a run.</p>"
    )
    record = extract_article([clean_html(html, "https://county.test/Health/Article.aspx?ID=12")])
    assert [s.heading for s in record.sections][-1] == "Signs and symptoms"


def test_a_post_built_with_elementor_widgets_is_read_whole() -> None:
    """Elementor puts every heading and paragraph in a widget of its own ("elementor-widget
    elementor-widget-text-editor"), eight levels below the post's document: the widgets are
    the article, not sidebar widgets, and the post's document is its body; furniture widgets
    (related posts, forms, price tables, carousels) and the header, footer and popup templates
    are not. A heading left over the furniture it titled goes too."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "elementor-physio" / "it-band-syndrome-1.html").read_bytes()
    cleaned = clean_html(html, "https://physio.test/advice/it-band-syndrome/")
    assert "IT band syndrome is pain on the outer si" in cleaned.text
    for furniture in ("Skip to content", "Call 0161 496 0732", "Sports massage"):
        assert furniture not in cleaned.text
    record = extract_article([cleaned])
    headings = [s.heading for s in record.sections]
    assert "What is IT band syndrome?" in headings
    assert not {"What our patients say", "Our prices", "Join our newsletter"} & set(headings)


def test_a_heading_whose_content_was_all_furniture_goes() -> None:
    """A heading over a carousel (furniture, removed) is followed by the next heading of its
    rank: it titles nothing, in the middle of the article as at its end."""
    html = page(
        ARTICLE + "<h2>Stories from the clinic</h2><div class='carousel'><p>Anna ran again "
        "within a month, thanks to the team.</p></div><h2>Treatment</h2><p>Rest and ice ease "
        "the pain, and a gradual return to running keeps it away.</p><h2>See also</h2>"
    )
    record = extract_article([clean_html(html, "https://ex.test/shin-splints/")])
    assert [s.heading for s in record.sections if s.heading] == ["Treatment"]


def test_a_heading_over_numbered_headings_of_its_rank_stays() -> None:
    """ "Common causes" followed by "1. Not enough fibre" of the same rank heads its numbered
    items: it is not a heading left empty."""
    html = page(
        ARTICLE + "<h2>Common causes</h2><h2>1. Not enough fibre</h2><p>Fibre keeps stools "
        "soft and helps them move along the gut.</p><h2>2. Not drinking enough</h2><p>Too "
        "little water makes stools hard and slow.</p>"
    )
    record = extract_article([clean_html(html, "https://ex.test/constipation/")])
    assert [c.name for c in record.causes] == ["Not enough fibre", "Not drinking enough"]


def test_a_stub_page_pointing_to_a_pdf_is_no_article() -> None:
    """A leaflet page that only introduces its PDF: once the format offer goes, what is left
    is one short paragraph and the label of a removed box ("Information:"): too little."""
    html = (
        "<html><head><title>Flexible cystoscopy</title></head><body><main><article><h1>Flexible "
        "cystoscopy</h1><p>A flexible cystoscopy is a test that lets a doctor look inside your "
        "bladder with a thin, bendy telescope. This leaflet explains how to prepare and what "
        "happens during the test.</p><p>Information:</p><p>We can provide this leaflet in large "
        "print, Braille or audio, or translated into another language.</p></article></main>"
        "</body></html>"
    )
    with pytest.raises(NotAnArticle, match="characters"):
        extract_article([clean_html(html, "https://trust.test/patient-leaflets/cystoscopy/")])


def test_a_divi_post_and_its_blog_listing() -> None:
    """Divi: a post's sections in numbered text modules of their own (et_pb_text_0, _1...) are
    read whole from the post-content module; the FAQ toggle's closed answers (display:none
    after a toggle title, no ARIA) are article text; the blurb promotion is not. The blog page,
    excerpts as loose text in each <article> card, is a listing."""
    from tests.support import FIXTURES

    site = FIXTURES / "sites" / "divi-chiro"
    url = "https://chiro.test/blog/pelvic-girdle-pain/"
    cleaned = clean_html((site / "pelvic-girdle-pain-1.html").read_bytes(), url)
    assert "Pelvic girdle pain, sometimes called sym" in cleaned.text
    assert "No. It can be very uncomfortable for you," in cleaned.text
    assert "Book your adjustment today" not in cleaned.text
    listing = clean_html((site / "blog.html").read_bytes(), "https://chiro.test/blog/")
    with pytest.raises(NotAnArticle, match="listing"):
        extract_article([listing])


def test_a_toggle_title_ending_in_its_button_is_no_call_to_action() -> None:
    """A toggle card's heading box ends in the <button> that opens it: the question stays
    (a box ending in a button link that leads away is a call to action; this one is not)."""
    html = page(
        ARTICLE + "<div class='kg-card kg-toggle-card'><div class='kg-toggle-heading'><h4 "
        "class='kg-toggle-heading-text'>How long does the rash last?</h4><button "
        "class='kg-toggle-card-icon btn'><svg></svg></button></div><div "
        "class='kg-toggle-content'><p>Usually one to three weeks, fading and returning with "
        "heat.</p></div></div>"
    )
    assert "How long does the rash last?" in clean_html(html, "https://ex.test/rash/").text


def test_squarespace_blocks_note_marks_and_a_fuller_search_title() -> None:
    """A Squarespace post's text blocks, two levels apart, are read whole from the entry's
    content (microformats' e-content); a footnote mark outside a <sup> ("well<a
    class='footnote-anchor' href='#footnote-2'>2</a>") goes; an h1 that opens as the search
    title does ("Jumper's Knee: ..." against "Jumper's Knee (Patellar ...): ...") is the
    title."""
    from tests.support import FIXTURES

    html = (FIXTURES / "sites" / "squarespace-journal" / "anal-fissure.html").read_bytes()
    cleaned = clean_html(html, "https://gut.test/journal/anal-fissure")
    assert "An anal fissure is a small tear or split" in cleaned.text
    marked = page(
        ARTICLE + "<ul><li>Wear dentures that fit badly<a class='footnote-anchor' "
        "href='#footnote-2' id='footnote-anchor-2'>2</a></li><li>Lick your lips</li></ul>"
    )
    assert "fit badly\n" in clean_html(marked, "https://ex.test/a").text + "\n"
    titled = (
        "<html><head><title>Jumper's Knee (Patellar Tendinopathy): Causes and Exercises</title>"
        f"</head><body><article><h1>Jumper's Knee: Pain Just Below the Kneecap</h1>{ARTICLE}"
        "</article></body></html>"
    )
    found = clean_html(titled, "https://ex.test/blog/jumpers-knee").title
    assert found == "Jumper's Knee: Pain Just Below the Kneecap"


def test_readers_stories_that_outweigh_the_article_are_not_read() -> None:
    """Readers' stories and comments under an article, twice its length: named as such
    ("stories", "responses", "experiences"), they neither join the article, nor vote for a
    container above both, nor are spared as a large part of the page."""
    story = (
        "<div class='story'><h3>My son had this for three weeks</h3><p>He slept most days "
        "and could not face food, and we worried until the blood test came back clear. "
        "The doctor said rest and fluids, and slowly he came round.</p></div>"
    )
    for wrapper in ("section class='stories'", "div id='responses'", "div class='experiences'"):
        tag = wrapper.split()[0]
        html = (
            "<html><head><title>Shin splints</title></head><body><main id='main'><article>"
            f"<h1>Shin splints</h1>{ARTICLE}</article><{wrapper}><h2>Your stories</h2>"
            f"{story * 8}</{tag}></main></body></html>"
        )
        text = clean_html(html, "https://ex.test/shin-splints/").text
        assert "Shin splints are a common cause" in text
        assert "three weeks" not in text, wrapper
