"""Discovery rules: which paths are never articles, what a listing's article links look like,
which parts of a listing page are chrome, and which URLs are copies of a page.
`extractors.discovery` compiles them once."""

from __future__ import annotations

from extractors.rules.pagination import ROOT_SCRIPT_PATH

# Paths that are never single articles (case-insensitive, searched in a URL's path). Why:
# archives, feeds, accounts, a site's own pages (about, contact, legal: sitemaps list them next
# to the articles) and files. A feed only at the path's end: a feed's item may go through a
# redirector ("/r/feed/8177").
NON_ARTICLE_PATHS = (
    r"/(feed|rss|atom)/?$|"
    # archives and the site's machinery, wherever they stand in a path
    r"/(tag|tags|category|categories|author|authors|search|wp-login\.php|wp-admin|"
    r"page/\d+|sitemap)(/|\.html?|$)|"
    # the site's own pages, as the path's last part: a folder of that name may hold articles
    # ("/members/open-guides/<slug>/", a members' area's guides open to all)
    r"/(login|signup|register|account|cart|newsletter|subscribe|membership|members|plans|pricing|"
    r"about|about-us|contact|contact-us|privacy|privacy-policy|cookies?|cookie-policy|terms|"
    r"terms-of-(use|service)|terms-and-conditions|disclaimer|advertise|advertise-with-us|"
    r"editorial-(policy|guidelines|process)|impressum|datenschutz|kontakt|ueber-uns|"
    r"mentions-legales|a-propos|qui-sommes-nous|contacto|aviso-legal|privacidad|"
    r"politica-de-privacidad|quienes-somos|sobre-nosotros|sobre-nos|contato|"
    r"politica-de-privacidade|accessibility|accessibility-statement|careers|jobs|team|our-team|"
    r"meet-the-team|(medical|editorial)-(review-)?board|review-board|locations|"
    r"find-an?-(clinic|doctor|gp|dentist|pharmacy|practice|location|specialist)|book-online|"
    r"appointments|fees|fees-and-insurance|"
    # a blog's or a section's own listing
    r"blog|news|articles|posts)(/?|\.html?)$|"
    # a clinic's branch pages ("/locations/harlow-green/": an address and opening hours)
    r"/locations/[^/]+/?$|"
    r"\.(jpg|jpeg|png|gif|webp|svg|pdf|zip|mp4|mp3|css|js|xml|json|txt)$"
)

# Query parameters of a listing's filters: a page by category, tag or author is a listing.
NON_ARTICLE_QUERY = (
    r"&(category|categories|tag|tags|author)=|"
    # Joomla's component-only views (print, a modal) and its mail-a-friend form
    r"&(tmpl=component|option=com_mailto)(&|$)"
)

# A site's home page (without a query): a listing, which sitemaps list first; on a site in
# several languages, each language's root is one ("/en/", "/es-us/").
LANGUAGE_ROOT = (
    r"(/(en|es|fr|de|pt|it|nl|pl|sv|da|no|nb|fi|ja|zh|ko|ru|ar|tr|he|hi|el|cs|hu|ro|uk|vi|th|"
    r"id|ms)([-_][a-z]{2})?)?"
)
HOME_PATH = LANGUAGE_ROOT + ROOT_SCRIPT_PATH

# Why: article links carry headlines; "Home" and "Contact" do not.
MIN_LINK_TEXT = 12
# Short list-item links ("Croup") into one folder other than the listing's are an index's
# entries from this many on. Why: an A-Z index at /a-z/ lists pages that live under
# /conditions/; a menu of a few short links points at as many folders.
MIN_INDEX_ENTRIES = 3
# Levels above a short link searched for an image link to the same address that makes the
# short link a card's title. Why: a card is a small element, its title and image one or two
# levels below it.
CARD_DEPTH = 2

# A-Z navigation: a letter or a range of letters ("M", "M-Z", "0-9"). Its links lead to more
# pages of the same index, to follow, never to articles.
LETTER_LINK_TEXT = r"\w(\s*[-\u2013\u2014]\s*\w)?"

# Copies of a page under another URL (case-insensitive, at the end of its path): its AMP
# version, its directory index file and WordPress's pages of its comments ("comment-page-2/",
# the article again with other comments, which a site's comment feed links).
COPY_SUFFIX = r"(?<=/)(?:amp/?|index\.(?:html?|php)|comment-page-\d{1,4}/?)$"
# Child sitemaps of an index that list no articles, by name: WordPress's attachment pages (an
# image, its caption and a comment form; Yoast listed them), and its taxonomy and author pages.
# Why: each attachment page was fetched and rejected on every run, as a failure.
NON_ARTICLE_SITEMAPS = (
    r"/(attachment|author|category|post_tag|tag|product_cat|product_tag)-sitemap\d*\.xml(\.gz)?$"
)
# Query parameters that only say which link led to a CMS's page, by the parameter that names the
# CMS, and the parameter whose alias (after ":") names the link too: Joomla's articles without
# friendly URLs (`option=com_content&view=article&id=61:measles&catid=8&Itemid=117`) are one page
# whatever their menu item, category, language or alias. Why: one article linked from three
# menus was published three times. Discovery keeps the first spelling found (the sitemap's).
LINK_ONLY_PARAMS: dict[tuple[str, str], tuple[frozenset[str], str]] = {
    ("option", "com_content"): (frozenset({"itemid", "catid", "lang"}), "id"),
}
# Copies of a whole article under another URL: its print version (a /print/ folder in front of
# its path, or /print at its end) and its all-on-one-page view (query parameters, by name, with
# the values that ask for it; "" for any value). Why: sitemaps list an article's "View as one
# page" and print URLs beside it, and each was published as an article of its own.
COPY_PATH_PRINT = r"^/print(?=/)|(?<=.)/print/?$"
COPY_QUERY: dict[str, tuple[str, ...]] = {
    "view": ("all", "full", "single", "print", "printable"),
    "page": ("all",),
    "showall": ("",),
    "show_all": ("",),
    "singlepage": ("",),
    "single_page": ("",),
    "single": ("1", "true", "yes"),
    "print": ("",),
    "printable": ("",),
}

# The listing's own part of the page, when it marks one.
LISTING_MAIN = "main, [role=main]"
# Page chrome whose links are not the listing's articles: site menus, page headers and footers.
# Why not every <header> and <footer>: WordPress and other themes put one in each card, around
# its headline and its "Read more"; a header or footer inside one of these tags is a card's.
CHROME = "header, footer, nav, [role=banner], [role=contentinfo], [role=navigation]"
CARD_TAGS: frozenset[str] = frozenset({"article", "li"})
# A card's topic or category chip is this short at most ("Tummy and digestion"); a link this
# short beside the card's headline to another address is the chip, not an article.
MAX_CHIP_TEXT = 40
# Class or id tokens of chrome in layouts without those tags (table layouts, old CMSs): a menu
# cell "leftnav", a "sidebar" <div>, a "footer" cell. Only for elements holding under half of
# the page's text (CHROME_MAX_TEXT_SHARE): a wrapper "content has-sidebar" is no chrome.
CHROME_TOKENS: frozenset[str] = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "leftnav",
        "rightnav",
        "sidenav",
        "topnav",
        "subnav",
        "mainnav",
        "menu",
        "menus",
        "submenu",
        "sidebar",
        "footer",
        "masthead",
        "banner",
        "topbar",
        "breadcrumb",
        "breadcrumbs",
    }
)
CHROME_MARKED = "div, td, table, ul, aside, section"
CHROME_MAX_TEXT_SHARE = 0.5

# Attributes that carry a link on elements other than links: cards clickable as a whole, "Load
# more" buttons. Why: some listings script their cards and their pager.
DATA_LINK_ATTRIBUTES: tuple[str, ...] = (
    "data-href",
    "data-url",
    "data-link",
    "data-next",
    "data-next-url",
)
# Feed types a listing may announce in its head (<link rel=alternate type=...>).
FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
)
