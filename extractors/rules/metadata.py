"""Metadata rules: which JSON-LD objects describe the article, which meta tags are read, and
the date forms and zone names understood. `extractors.metadata` compiles them once."""

from __future__ import annotations

# JSON-LD types that describe the article itself, most specific first.
ARTICLE_TYPES: tuple[str, ...] = (
    "MedicalWebPage",
    "NewsArticle",
    "Article",
    "BlogPosting",
    "MedicalScholarlyArticle",
    "ScholarlyArticle",
    "Report",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "TechArticle",
    "HealthTopicContent",
    "WebPage",
)

# What a page that calls itself an article declares: its og:type, or a JSON-LD type of
# ARTICLE_TYPES other than these (every page of a site is a WebPage).
ARTICLE_OG_TYPES: frozenset[str] = frozenset({"article"})
NOT_DECLARING_TYPES: frozenset[str] = frozenset({"WebPage"})

# Meta keys (property, name or itemprop, lowercased) that carry the dates, most trusted first.
# Why: CMSs and SEO plugins each name the publication date their own way.
PUBLISHED_KEYS: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "og:pubdate",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dcterms.created",
    "dc.date",
    "date",
)
MODIFIED_KEYS: tuple[str, ...] = (
    "article:modified_time",
    "og:article:modified_time",
    "article:modified",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
)
# Every meta key read. Why: pages carry dozens of others, not worth folding.
META_KEYS: frozenset[str] = frozenset(
    {
        "og:title",
        "og:type",
        "og:site_name",
        "og:url",
        "og:locale",
        "og:description",
        "description",
        "author",
        "content-language",
        "refresh",  # <meta http-equiv="refresh" content="0; url=...">
        *PUBLISHED_KEYS,
        *MODIFIED_KEYS,
    }
)

# Date forms besides ISO 8601 and the mail form. Numeric ones: (shape, strptime format), the
# shape a full-match regex that tells them apart. Why: strptime costs about 7 us a try.
NUMERIC_DATES: tuple[tuple[str, str], ...] = (
    (r"\d{4}/\d{1,2}/\d{1,2}", "%Y/%m/%d"),
    (r"\d{1,2}\.\d{1,2}\.\d{4}", "%d.%m.%Y"),
    (r"\d{1,2}/\d{1,2}/\d{4}", "%m/%d/%Y"),
)
# Forms with a month name, tried in order on text that has letters.
WORDED_DATES: tuple[str, ...] = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b. %d, %Y",
)
# Hours from UTC of the zone names the mail form allows (RFC 2822, section 4.3).
ZONE_HOURS: dict[str, int] = {
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
}

# Parts of a byline that name no author: a reviewer, a date line. A byline is cut at its
# separators ("By A · Medically reviewed by B · Updated ..."); these parts are left out.
BYLINE_OTHER_PARTS: tuple[str, ...] = (
    r"(medically |clinically |expert |fact[- ]?)?(reviewed|checked|verified|edited)( by)?\b",
    r"(last )?(updated|modified|published|posted|reviewed)( on)?\b",
    r"(revisado|actualizado|publicado|r[ée]vis[ée]|mis [àa] jour|publi[ée]|gepr[üu]ft|"
    r"aktualisiert|ver[öo]ffentlicht|atualizado)\b",
    # a part that opens with a number: a date, a view or comment count ("98962 views"), a
    # reading time ("5 min read"); no name does
    r"\d",
    r"page \d+( of \d+)?\b",  # "By Jo Lee | Published 3 May | Page 1 of 2"
)
# A role written after a name ("Sam Okonjo, pharmacist", "Jo Lee, Senior Health Writer"): a
# part of a byline made only of these words, ending in a role, is no name of its own.
BYLINE_ROLE = (
    r"((senior|junior|lead|chief|principal|clinical|registered|consultant|specialist|staff|"
    r"health|medical|science|freelance|contributing|community|practice|general|family|"
    r"certified|licensed|advanced|school|mental|care)\s+)*"
    r"(pharmacist|nurse|midwife|dietitian|dietician|nutritionist|physiotherapist|physician|"
    r"doctor|gp|surgeon|dermatologist|paediatrician|pediatrician|therapist|psychologist|"
    r"practitioner|nurse practitioner|health visitor|writer|editor|journalist|reporter|"
    r"contributor|coach|educator)s?"
)
# Credentials written after a name ("Dr. Priya Raman, MD"): never a name of their own.
CREDENTIALS: frozenset[str] = frozenset(
    {
        "md",
        "do",
        "phd",
        "rn",
        "np",
        "pa",
        "pa-c",
        "mph",
        "rd",
        "rdn",
        "msc",
        "mbbs",
        "mbchb",
        "frcp",
        "facp",
        "pharmd",
        "dds",
        "dmd",
        "bsn",
        "msn",
        "lpn",
        "cnm",
        "ibclc",
        "dpt",
        "pt",
    }
)

# A page that moved and says so with a meta refresh ("0; url=/new/"): the delay in seconds and
# the new address. A longer delay than MAX_REFRESH_DELAY is a page to read (or a reload), not
# a move.
REFRESH_CONTENT = r"\s*(\d{1,2})(?:\.\d*)?\s*[;,]\s*url\s*=\s*['\"]?([^'\"\s]+)"
MAX_REFRESH_DELAY = 5

# Characters between a site's name and the page's title in a <title> ("Blog: Post", "Post |
# Blog"), stripped with the name when the page's h1 is the site's name linked to its home.
SITE_NAME_SEPARATOR_CHARS = " :|-\u2013\u2014\u00b7\u2022"

# Words too small to tie an h1 to the page's metadata title when the two share two words in a
# row ("how to", "of the" say nothing of what the page is about).
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "from",
        "at",
        "by",
        "how",
        "what",
        "why",
        "when",
        "who",
        "is",
        "are",
        "your",
        "you",
        "my",
        "it",
        "its",
        "this",
        "that",
        "can",
        "do",
        "does",
        "best",
        "guide",
        "tips",
        "top",
    }
)

# An h1 marked as one arm of a headline test (a growth team's server-side A/B test): another
# wording is served on other requests, so the title is the headline the head declares. Why: the
# record's title had followed the variant served, rewriting the record from run to run.
HEADLINE_TEST_ATTRIBUTES: tuple[str, ...] = (
    "data-variant",
    "data-variation",
    "data-experiment",
    "data-experiment-id",
    "data-ab-test",
    "data-abtest",
)
