"""Pagination rules: where a URL carries its page number, and which containers hold numbered
pagers. `extractors.pagination` compiles them once."""

from __future__ import annotations

# Query parameters that carry a page number, the likeliest first: when a URL has two of them
# ("?p=101&page=2"), the first named here is the page and the other names the article. Why:
# ?page=2, ?pg=2, WordPress ?paged=2, ?p=2.
PAGE_PARAMS: tuple[str, ...] = (
    "page",
    "paged",
    "pg",
    "pagina",
    "seite",
    "pagenum",
    "pagenumber",
    "pn",
    "part",
    "p",
    "limitstart",  # Joomla: an article's page (from 0), a listing's first item
    "start",
)
# Page parameters named per list: Webflow's collection lists page with "?a3f92c1d_page=2" (the
# list's id, then "_page"), WordPress's Query Loop block with "?query-12-page=2". Ranked after
# PAGE_PARAMS.
PAGE_PARAM_PATTERN = r"[0-9a-f]{6,}_page|query-\d+-page"
# A parameter value that is an id and its alias: Joomla's "id=41:heat-cramps" is "id=41" (its
# own links spell it both ways). Group 1: the id.
ALIASED_ID_VALUE = r"^(\d+):[\w-]+$"
# Page parameters that are a post's id on a site's root script: WordPress's plain links
# ("/?p=101", "/index.php?p=101") name a post, not page 101 of the home page.
POST_ID_PARAMS: frozenset[str] = frozenset({"p"})
ROOT_SCRIPT_PATH = r"/?(index\.(html?|php))?"
# Paths of servers that ignore case (IIS: ASP and ASP.NET pages): "Article.aspx?ID=12" and
# "article.aspx?id=12&page=2" are pages of one article. Why: such sites spell their own links
# both ways.
CASE_BLIND_PATH = r"\.(aspx?|ashx)$"

# Path endings that carry a page number (`base` is the article, `n` the page), tried in order:
# /slug/page/2/, /slug/2/, /slug-page-2.html, /slug.2.html. Case-insensitive.
PAGE_PATH_PATTERNS: tuple[str, ...] = (
    r"^(?P<base>.*?)/(?:page|pagina|seite|pg|p|part)[/_-]?(?P<n>\d{1,3})/?$",
    r"^(?P<base>.*?)/(?P<n>\d{1,3})/?$",
    r"^(?P<base>.*?)[-_](?:page|pagina|seite|pg|p|part)?[-_]?(?P<n>\d{1,3})"
    r"(?P<ext>\.s?html?|\.php|\.aspx?)?/?$",
    # Adobe Experience Manager's selector before the extension: "gout.html", "gout.2.html"
    r"^(?P<base>.*?)\.(?P<n>\d{1,3})(?P<ext>\.html?)$",
    # an old site's number straight after the file's name: "whooping-cough2.htm"
    r"^(?P<base>.*?[a-z])(?P<n>\d)(?P<ext>\.s?html?|\.php|\.aspx?)$",
)

# Pages followed per article at most (the `max_pages` default). Why 50: a slideshow farm's "30
# foods that..." runs to a few dozen slides; a pager that never ends (a calendar) is stopped by
# this, or sooner by a page that repeats an earlier one.
MAX_PAGES = 50

# A page number above this is an id, a year or a count, not a page. Why: articles run to a few
# dozen pages at most.
MAX_PAGE_NUMBER = 200

# Class/id fragments of the containers of numbered pagers and WordPress page links.
PAGER_CONTAINER_MARKS: tuple[str, ...] = (
    "paginat",
    "pager",
    "page-links",
    "nav-links",  # WordPress's wp_link_pages in block themes: "post-nav-links"
    "page-numbers",
    "pagenav",
    "pages",
    "paging",
)

# What a paragraph ends with when a page break did not cut it: closing punctuation, or a
# closing quote or bracket (see article._joined_across).
SENTENCE_END = frozenset('.!?\u2026:;"\u201d\u2019)]\u00bb\u3002')
# Why: pagers nest the numbers in li/span a few levels below the container.
PAGER_DEPTH = 4

# Words that may stand beside an article's title in the title of one of its later pages ("Heat
# rash (continued)", "Heat rash, part two", "Page 2 of 3: heat rash"), with numbers. A page that
# a word-named link below the article's path leads to ("Next: Gout treatment →" on /gout/, to
# /gout/treatment/) and whose title holds more than these is another article (a guide's own
# sub-article), not a page of this one. Lower case; several languages.
LATER_PAGE_TITLE_WORDS: frozenset[str] = frozenset(
    {
        *("page", "part", "continued", "cont", "d", "of", "and", "the"),
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("seite", "teil", "fortsetzung", "pagina", "página", "parte", "continuación"),
        *("partie", "suite", "deel", "vervolg", "continua", "continuação"),
    }
)
# Separators between the parts of a page's title ("Part two: causes – Heat rash | Guides"): a
# later page whose title holds the article's title as one such part is the article's. Not the
# colon: titles hold one ("Heat Rash: Why Tiny Bumps Appear").
TITLE_PART_SEPARATORS = r"\s+(?:[|\u2013\u2014\u00b7\u2022-]|::)\s+"
