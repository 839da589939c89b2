"""Boilerplate vocabularies: which elements are ads, widgets, navigation or other page furniture.

Matching is on whole class/id *tokens* (split on space, `-` and `_`), never on substrings, so
`header` does not match `ad` and `shadow` does not match `ad`. Each group names the removal kind it
is counted under in `CleanPage.removed`.
"""

from __future__ import annotations

# Elements that never carry article text. Why: code and media, stripped (uncounted) in C.
CODE_TAGS: frozenset[str] = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "audio",
        "video",
        "source",
        "track",
        "map",
        "link",
        "meta",
        "base",
        "head",
        "title",
    }
)
# The code elements whose text would count in text lengths (container scores, link density,
# the page's size): stripped from the tree in C before anything is measured. The other code
# elements hold no text and are skipped, uncounted, by the block walk. Why not strip them all:
# lexbor scans the tree once per tag, and these five are what pages fill with text.
PRUNED_TAGS: tuple[str, ...] = ("script", "style", "noscript", "svg", "template")
# A <noscript> holding at least this much text, more than the rest of the page, in paragraphs
# or headings, is the page's article for readers without JavaScript (an app shell's): read.
NOSCRIPT_ARTICLE_MIN_CHARS = 500
# Embeds and form controls: furniture that does carry text, counted as other when removed.
WIDGET_TAGS: frozenset[str] = frozenset(
    {
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "dialog",
    }
)
DROP_TAGS: frozenset[str] = CODE_TAGS | WIDGET_TAGS

# Page landmarks that hold site furniture, counted as navigation.
# Why: HTML5 sectioning and ARIA roles that mark menus, banners, footers and sidebars.
NAVIGATION_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside", "menu"})
# Roles of overlays (cookie prompts, modals), counted as other furniture.
DIALOG_ROLES: frozenset[str] = frozenset({"dialog", "alertdialog"})
# ARIA roles of notes and references (the footnotes Markdown renders), counted as other.
NOTE_ROLES: frozenset[str] = frozenset({"doc-endnotes", "doc-footnote", "doc-bibliography"})
NAVIGATION_ROLES: frozenset[str] = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
)

# Ad-network markup that is not a class or id token: AMP ad tags and AdSense/GPT data
# attributes. Why: these are stable markers published by the ad networks themselves (class and
# id markers such as `adsbygoogle`, `div-gpt-ad-*`, `taboola-*` and `OUTBRAIN` are tokens below).
AD_TAGS: frozenset[str] = frozenset({"amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads"})
AD_ATTRIBUTES: tuple[str, ...] = (
    "data-ad-slot",
    "data-ad-client",
    "data-ad-unit",
    "data-ad-format",
    "data-google-query-id",
)
# Attributes of recommendation-widget embeds (Outbrain, Revcontent, MGID).
CLICKBAIT_ATTRIBUTES: tuple[str, ...] = ("data-widget-id", "data-rc-widget", "data-ob-template")

# Class/id tokens per removal kind. Why: themes name furniture with a small shared vocabulary.
AD_TOKENS: frozenset[str] = frozenset(
    {
        "ad",
        "ads",
        "adv",
        "advert",
        "adverts",
        "advertisement",
        "advertisements",
        "advertising",
        "adsbygoogle",
        "adslot",
        "adunit",
        "adbox",
        "adblock",
        "adcontainer",
        "adwrapper",
        "adwrap",
        "adzone",
        "adsense",
        "admanager",
        "dfp",
        "gpt",
        "sponsor",
        "sponsored",
        "sponsors",
        "promoted",
        "banner",
        "banners",
        "billboard",
        "leaderboard",
        "skyscraper",
        "mpu",
        "interstitial",
        "sticky-ad",
        "adhesion",
        # outstream video ad players placed in articles
        "cnx",
        "connatix",
        "primis",
        "anyclip",
        "vidazoo",
        "aniview",
        "outstream",
    }
)
CLICKBAIT_TOKENS: frozenset[str] = frozenset(
    {
        "taboola",
        "outbrain",
        "revcontent",
        "mgid",
        "zergnet",
        "related",
        "relatedposts",
        "yarpp",
        "recommended",
        "recommendations",
        "recommendation",
        "recirculation",
        "trending",
        "popular",
        "mostread",
        "most-read",
        "morestories",
        "readnext",
        "read-next",
        "youmaylike",
        "you-may-like",
        "also-like",
        "promo",
        "promos",
        "teaser",
        "teasers",
        "crp",
        "jp-relatedposts",
        "nativead",
        "native-ad",
        "partner",
        "partners",
    }
)
NAVIGATION_TOKENS: frozenset[str] = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menus",
        "submenu",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "widget",
        "widgets",
        "share",
        "shares",
        "sharing",
        "sharedaddy",
        "social",
        "socials",
        "sociallinks",
        "comments",
        "comment",
        "responses",
        "disqus",
        # readers' own stories below an article: "Your stories", "Share your experience"
        "stories",
        "reader-stories",
        "user-stories",
        "experiences",
        "testimonies",
        "footer",
        "masthead",
        "topbar",
        "toolbar",
        "pagination",
        "pager",
        "tags",
        "tagcloud",
        "taglist",
        "skip",
        "skiplink",
        "postnav",
        "page-links",
        "pagenav",
        "page-nav",
        "pagenavi",
        "wp-pagenavi",
        "paging",
        "pagelinks",
        "post-navigation",
        "categories",
    }
)
OTHER_TOKENS: frozenset[str] = frozenset(
    {
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "cmp",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "popup",
        "modal",
        "overlay",
        "print",
        "screen-reader-text",
        "onetrust",
        "usercentrics",
        "didomi",
        "cookiebot",
        "gallery",
        "slideshow",
        "carousel",
        "lightbox",
        # affiliate product boxes and their plugins (Lasso, AAWP): a product roundup's shop
        "aawp",
        "lasso",
        "affiliate",
        "product-box",
        "proscons",
        "pros-cons",
        "price-tracker",
        "kksr",  # kk Star Ratings: "Rate this guide", "4.6/5 - (218 votes)"
        "star-ratings",
        "disclosure",
        "kicker",
        "eyebrow",
        # a media page's embeds around the article: a video's transcript (the video's words,
        # which repeat the article's), a podcast player's header, a video's fallback line
        "transcript",
        "video-transcript",
        "podcast-embed",
        "embed-fallback",
        # Joomla's article details ("Details", "Written by", "Hits: 1234": a view counter)
        "article-info",
        "hits",
        # a site's announcement bar ("New: the symptom diary is free for 30 days")
        "announcement",
        "announcement-bar",
        # a "tip of the day" box: another tip on every request, none of the article's
        "daily-tip",
        "dailytip",
        "tip-of-the-day",
        "tipoftheday",
        "doc-type",
        "timestamp",
        "dates",
        "lastupdated",
        "last-updated",
        "lastmodified",
        "last-modified",
        "translate",
        "gtranslate",
        "google-translate",
        "article-meta",
        "meta-info",
        "credit",
        "credits",
        "credito",
        "creditos",
        "photo-credit",
        "image-credit",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "author-box",
        "authorbox",
        "about-author",
        "author-info",
        "author-card",
        "author-bio-box",
        "byline",
        "author-bio",
        "authorbio",
        "postmeta",
        "entry-meta",
        "post-meta",
        "dateline",
        "toc",
        "table-of-contents",
        "disclaimer",
        "login",
        "signin",
        "search",
        "searchform",
        "quiz",
        # pull quotes: a sentence of the article repeated large. (Not social embeds: the zyte
        # ground truth counts an embedded tweet as the article's, and recall fell 0.007.)
        "pullquote",
        "pull-quote",
        "sqs-block-quote",
        # a platform's clap and response counters; a wiki's [edit] links and infobox
        "vote-count",
        "responses-count",
        "editsection",
        "infobox",
        "references",
        "reflist",
        "footnotes",
        "footnote",
        "endnotes",
        "cta",
        "call-to-action",
        "kg-header-card",
        # a documentation theme's box label ("Note", "Tip") above the box's own text: a label,
        # and read as a heading by its "title" token it took the section's text for its own
        "admonition-title",
        "callout-title",
        # AEM's download component (a file's title, description, name, size and format), and
        # its image component, whose caption is a "title" (a heading by that token)
        "cmp-download",
        "cmp-image",
        # an app shell's loading indicators ("Loading…" in a spinner)
        "spinner",
        "loader",
        "skeleton",
        # a Mailchimp email's boxed text: the sender's notices beside the article ("Clinic news:
        # flu clinics on Saturday"), set apart from it in a box
        "mcn-boxed-text-block",
        # Divi's promotion modules: a blurb with its button, testimonials
        "et_pb_blurb",
        "et_pb_button",
        "et_pb_testimonial",
        "testimonial",
        "testimonials",
        "calltoaction",
        "poll",
        "polls",
        "survey",
        "trivia",
        # shop widgets in a store's blog posts: product cards and grids, carousels, prices,
        # cart, the selling-points strip
        "product-card",
        "productcard",
        "product-grid",
        "productgrid",
        "product-tile",
        "product-item",
        "product-inline",
        "product-carousel",
        "product-slider",
        "featured-products",
        "price",
        "prices",
        "add-to-cart",
        "addtocart",
        "add-to-basket",
        "cart",
        "minicart",
        "basket",
        "shop",
        "usp",
        "slider",
    }
)

# Tokens of readers' own text (comments, stories, responses): furniture however much of the page
# they hold. Why: the guard that spares a large container named by a stray token ("content
# has-sidebar") kept readers' stories that outweighed the article they follow.
READER_TEXT_TOKENS: frozenset[str] = frozenset(
    {
        "comments",
        "responses",
        "disqus",
        "stories",
        "reader-stories",
        "user-stories",
        "experiences",
        "testimonies",
    }
)

# Stems that mark furniture when a class token starts with them ("sharebar", "advertbox",
# "cookiebanner"). Why: themes glue words together; these stems do not start article words.
TOKEN_STEMS: tuple[tuple[str, str], ...] = (
    ("advert", "ads"),
    ("sponsor", "ads"),
    ("adsense", "ads"),
    ("taboola", "clickbait"),
    ("outbrain", "clickbait"),
    ("related", "clickbait"),
    ("share", "navigation"),
    ("social", "navigation"),
    ("breadcrumb", "navigation"),
    ("cookie", "other"),
    ("newsletter", "other"),
    ("subscribe", "other"),
    ("quiz", "other"),
)

# Class words of page builders' structure ("elementor-widget", "elementor-widget-text-editor"):
# their "widget" names a builder block, not a sidebar widget. Why: Elementor puts every heading
# and paragraph of a post in such a block. Their furniture blocks are named by type below.
BUILDER_WIDGET_WORDS: tuple[str, ...] = ("elementor-widget", "fl-widget", "et_pb_widget")
# Adobe Experience Manager's core components ("cmp-text", "cmp-title__text", "cmp-container"):
# their "cmp" is the component library's prefix, not a consent manager's (OTHER_TOKENS). Why:
# every block of an AEM page was furniture, and only the loose pass read its articles.
COMPONENT_PREFIX = "cmp-"
BUILDER_FURNITURE: dict[str, str] = {
    "elementor-widget-posts": "clickbait",
    "elementor-widget-archive-posts": "clickbait",
    "elementor-widget-post-info": "other",
    "elementor-widget-form": "other",
    "elementor-widget-call-to-action": "other",
    "elementor-widget-button": "other",
    "elementor-widget-theme-site-logo": "navigation",
}
# Elements that markup names as the article's body, in order: schema.org's articleBody,
# Elementor's post-content widget, the Elementor document of a post built with it, Divi's
# post-content module, and microformats' entry content (Squarespace's post body).
ARTICLE_BODY_HINTS: tuple[str, ...] = (
    "[itemprop='articleBody']",
    ".elementor-widget-theme-post-content",
    "[data-elementor-type='wp-post']",
    ".et_pb_post_content",
    ".h-entry .e-content",
    "#templateBody",  # a Mailchimp email's body cell, its text blocks each in tables of their own
)
# A small box that ends in a button is a call to action ("Winter is coming: protect yourself",
# a line of offer, "Book a flu jab"): at most CTA_BOX_MAX_CHARS of text, its last element a
# button link leading away, or a block of them, by class token. (A toggle's <button>, which
# opens a panel, is none.)
CTA_BOX_MAX_CHARS = 400
BUTTON_TOKENS: frozenset[str] = frozenset({"button", "buttons", "btn", "wp-block-buttons"})
# Page-builder templates that frame every page: header, footer and popups (by attribute value).
BUILDER_CHROME_ATTRIBUTE = "data-elementor-type"
BUILDER_CHROME_TYPES: frozenset[str] = frozenset({"header", "footer", "popup"})

# Words that start with a stem but name no furniture (a token starting with one is not matched
# by the stems): a heading's anchor id built from its text ("Shared_towels_and_bath_water") is
# not a share bar.
STEM_WORDS: tuple[str, ...] = ("shared", "sharing")

# Tokens that mark an element as the article itself. Why: a sidebar class on a layout wrapper
# ("content has-sidebar") must not remove the article it wraps.
CONTENT_TOKENS: frozenset[str] = frozenset(
    {
        "article",
        "articlebody",
        "article-body",
        "article-content",
        "articlecontent",
        "entry-content",
        "entrycontent",
        "post-content",
        "postcontent",
        "post-body",
        "postbody",
        "story-body",
        "storybody",
        "story-content",
        "main-content",
        "maincontent",
        "content-body",
        "body-content",
        "single-content",
        "text-content",
        "td-post-content",
        "field-body",
        "rich-text",
        "prose",
    }
)

# Tokens that raise or lower a container's main-content score (Readability's class weights).
POSITIVE_TOKENS: frozenset[str] = CONTENT_TOKENS | frozenset(
    {"content", "entry", "main", "post", "story", "text", "body", "blog", "page"}
)
NEGATIVE_TOKENS: frozenset[str] = AD_TOKENS | CLICKBAIT_TOKENS | NAVIGATION_TOKENS | OTHER_TOKENS

# A hidden element right after a control that opens it (a button with aria-expanded, or a
# heading holding one), or a tab panel, is collapsed article text: an accordion's section or a
# tab that a reader opens. Kept, unless the control's label says what it opens is furniture
# (matched, case-insensitive, against the label). Why: health libraries render sections as
# accordions whose panels carry `hidden` or `display:none` until opened.
COLLAPSED_CONTROL_MAX_CHARS = 150
# A control without ARIA, by its class: a toggle's or accordion's title ("et_pb_toggle_title",
# "elementor-tab-title"): a token of each set. Why: page builders open panels by script alone.
COLLAPSED_CONTROL_KINDS: frozenset[str] = frozenset(
    {"toggle", "accordion", "tab", "collapse", "collapsible", "expand", "expander"}
)
COLLAPSED_CONTROL_PARTS: frozenset[str] = frozenset(
    {"title", "heading", "header", "question", "trigger", "label"}
)
# A "read more" control without ARIA or toggle class: a button, or a link to a place on the page
# ("#rest-of-story", "javascript:"), labelled to reveal the rest of the article; a hidden element
# right after it (or after a short wrapper of it) is the article's rest. Why: content farms hide
# most of an article behind "Continue reading" until a script shows it. Matched whole, lower case.
REVEAL_CONTROL_LABELS = (
    r"\W*((continue|keep) reading|read (more|on)|read the (full|whole|rest of the) (article|story"
    r"|post)|read (the )?full (article|story|post)|show (more|all|the rest)|see more|expand)\W*"
)
COLLAPSED_FURNITURE_LABELS = (
    r"\b(references?|sources?|citations?|bibliography|transcript|menu|navigation|search|filters?"
    r"|share|comments?|cookies?|settings|sign in|log in)\b"
)

# Superscript citation marks: "[1]", "[2, 3]", "[4-6]" anywhere; a bare number only when it
# links to a note on the page ("<sup><a href='#ref-1'>1</a></sup>"). Matched whole against the
# superscript's text. Why: they split words from their punctuation in the record's text.
CITATION_BRACKETED = r"\[\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\]"
CITATION_NUMBER = r"\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*"

# The marks of a heading's link to itself (Hugo, Sphinx, GitHub, MkDocs); such a link is no
# text. Why: they end every heading and cause name ("High heels #").
ANCHOR_MARKS: frozenset[str] = frozenset({"#", "¶", "§", "🔗", "\U0001f517\ufe0f", "⚓"})

# A class token that names one element, not a kind of element: a family prefix, then six or more
# letters and digits, with a digit ("comp-ebba8519", "css-1q2w3e"). Group 1: the family. Why:
# site builders give every block such a class besides the shared ones, so the blocks of one
# article's text never carry the same class attribute. Two siblings differing in one such
# token of the same family are the same kind of block (not <article>s: those are articles).
ONE_ELEMENT_CLASS_TOKEN = r"(.*[-_])(?=[a-z]*\d)[a-z0-9]{6,}"

# A footnote mark not in a <sup>: a link to a note on the page whose text is its number, marked
# as a note by its class or target ("<a class='footnote-anchor' href='#footnote-2'>2</a>").
NOTE_MARK_HINTS = ("foot", "fn", "note", "cite", "ref")

# Class words that hide an element from every reader (Bootstrap, Tailwind, WordPress).
# An icon font whose glyphs are ligatures of words ("healing", "local_cafe"): the words are the
# icon's, not text.
ICON_LIGATURE_CLASS = r"material-(icons|symbols)(-[a-z]+)?"
HIDDEN_CLASSES: frozenset[str] = frozenset({"hidden", "d-none", "is-hidden", "invisible"})
# The page is read as a desktop browser shows it. Responsive frameworks hide one of two copies
# of a part by class alone: a class that shows an element from a desktop width up overrides a
# hiding class ("d-none d-lg-block", Tailwind's "hidden lg:block"), and one that hides it from
# a desktop width up (a phone's copy: "d-lg-none", "lg:hidden", "visible-xs") hides it.
SHOWN_ON_DESKTOP = (
    r"d-(md|lg|xl|xxl)-(block|flex|inline|inline-block|inline-flex|grid|table|table-cell|contents)"
    r"|(md|lg|xl|2xl):(block|flex|inline|inline-block|inline-flex|grid|table|contents)"
)
# What such a class holds, for the cheap gate before classes are tokenised.
DESKTOP_HIDING_STEMS = frozenset(
    {"d-md-none", "d-lg-none", "d-xl-none", "md:hidden", "lg:hidden", "xl:hidden", "hidden-md"}
    | {"hidden-lg", "visible-xs", "visible-sm", "hide-for-medium", "hide-for-large"}
    | {"show-for-small-only"}
)
HIDDEN_ON_DESKTOP = (
    r"d-(md|lg|xl)-none|(md|lg|xl):hidden|hidden-(md|lg)|visible-(xs|sm)(-block|-inline)?"
    r"|hide-for-(medium|large)(-up)?|show-for-small-only"
)

# Visible byline selectors, most specific first (simple selectors only: the survey scans for all
# of them at once). Why: sites without metadata still print one.
BYLINE_SELECTORS: tuple[str, ...] = (
    "[itemprop='author']",
    "[rel~='author']",
    ".author-name",
    ".byline-name",
    ".byline",
    ".author",
)

# Attributes that say nothing about furniture: an element with only these is judged by its tag.
# Why: links, images and table cells carry them by the hundred, and judging each by its
# class rules would cost more than the rest of the walk.
INERT_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "href",
        "src",
        "alt",
        "title",
        "target",
        "rel",
        "width",
        "height",
        "lang",
        "dir",
        "name",
        "loading",
        "srcset",
        "sizes",
        "align",
        "valign",
        "colspan",
        "rowspan",
        "border",
    }
)

# A media player: a page of one short paragraph beside one is an episode's or a video's blurb,
# not an article (see extractors.article). Why iframes by host: embedded players come as them.
PLAYER_SELECTOR = (
    "audio, video, iframe[src*='youtube.com/embed'], iframe[src*='youtube-nocookie.com'],"
    " iframe[src*='player.vimeo.com'], iframe[src*='open.spotify.com/embed'],"
    " iframe[src*='soundcloud.com/player'], iframe[src*='podcasts.apple.com'],"
    " iframe[src*='buzzsprout.com'], iframe[src*='libsyn.com'], iframe[src*='podbean.com']"
)

# A table with this many links marked as paid (rel="sponsored") is a product comparison
# table ("Product | Best for | Rating | Price | Check price"): a roundup's shop, not article
# text. Why: affiliate links must say they are paid; a table of facts has none.
SHOP_TABLE_MIN_SPONSORED_LINKS = 2
PAID_LINK_REL = "sponsored"
