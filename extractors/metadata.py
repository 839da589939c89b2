"""Page metadata from JSON-LD, OpenGraph, meta tags and visible bylines: title, authors, dates,
language, site name, canonical URL. Pure: reads the parsed page, changes nothing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_tz
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser

from extractors.dom import Node
from extractors.rules import metadata as rules
from extractors.rules.boilerplate import BYLINE_SELECTORS
from extractors.safeurl import is_web_url, join_url
from extractors.survey import Survey
from extractors.text import fold_space

_BY_PREFIX = re.compile(r"^(written |reviewed |posted |reported )?(by|por|par|von)\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\by\b|\bet\b|\bund\b|\be\b)\s*", re.I)
_BYLINE_PARTS = re.compile(r"\s+[\u00b7|\u2022\u2013\u2014]\s+|\s+-\s+")
_BYLINE_OTHER = re.compile("|".join(f"(?:{p})" for p in rules.BYLINE_OTHER_PARTS), re.I)
_BYLINE_ROLE = re.compile(rules.BYLINE_ROLE, re.I)
_REFRESH = re.compile(rules.REFRESH_CONTENT, re.IGNORECASE)
_SITE_SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ", " \u2022 ")
_NUMERIC_DATES = tuple((re.compile(shape), fmt) for shape, fmt in rules.NUMERIC_DATES)
# A date-time with a clock time and an optional zone in words: RFC 2822 ("Mon, 18 Nov 2019
# 16:07:38 -0600"), its relatives ("19 Nov 2019 07:09 GMT") and JavaScript's Date string.
_ZONE_NAMES = "|".join(sorted(rules.ZONE_HOURS, key=len, reverse=True))
_MAIL_DATE = re.compile(
    r"(?:[A-Za-z]{3},? )?(?:\d{1,2} [A-Za-z]{3}|[A-Za-z]{3} \d{1,2}) \d{4} \d{1,2}:\d\d(?::\d\d)?"
    rf"(?: (?P<name>{_ZONE_NAMES})?(?P<offset>[+-]\d{{4}})?)?(?: \(.*\))?"
)
_UTC_WORDS = (" UTC", " GMT")
_LETTERS = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class PageMeta:
    """Metadata of one page; empty strings and empty lists where the page says nothing."""

    title: str = ""
    authors: tuple[str, ...] = ()
    published_at: str | None = None
    modified_at: str | None = None
    language: str = ""
    site_name: str = ""
    canonical_url: str = ""
    refresh_url: str = ""
    """Where an immediate meta refresh sends the reader (MAX_REFRESH_DELAY seconds or less),
    absolute: a moved page's new address. "" when the page has none."""
    page_url: str = ""
    """The page's own address as its og:url gives it (absolute), or ""."""
    headline: str = ""
    """The headline the page's JSON-LD declares (its `headline`, else its `name`), or ""."""
    description: str = ""
    jsonld_body: str = ""
    """The JSON-LD articleBody, its lines kept (paragraphs a blank line apart), or ""."""
    declares_article: bool = False
    """The head calls the page an article: og:type "article", or a JSON-LD article type other
    than a mere WebPage."""
    extra: dict[str, str] = field(default_factory=dict)


def normalize_date(value: str | None) -> str | None:
    """ISO 8601 from common date forms: a date-time keeps its timezone; without one, the date."""
    if not value:
        return None
    text = fold_space(str(value))
    iso = text
    if text.endswith("Z"):
        iso = text[:-1] + "+00:00"
    elif text.endswith(_UTC_WORDS):  # "2019-11-19 02:24:00 UTC"
        iso = text[:-4] + "+00:00"
    try:
        return _iso(datetime.fromisoformat(iso))
    except ValueError:
        pass
    mail = _MAIL_DATE.fullmatch(text)
    if mail is not None:
        return _mail_date(mail)
    for shape, fmt in _NUMERIC_DATES:
        if shape.fullmatch(text):
            return _strptime_date(text, fmt)
    if _LETTERS.search(text):
        for fmt in rules.WORDED_DATES:
            date = _strptime_date(text[:40], fmt)
            if date:
                return date
    return None


def _iso(parsed: datetime) -> str:
    if parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat().replace("+00:00", "Z")


def _mail_date(form: re.Match[str]) -> str | None:
    """A date-time in the mail form; one without a zone (a local time) gives the date."""
    name, offset = form.group("name", "offset")
    end = form.start("name") if name else form.start("offset") if offset else form.end()
    fields = parsedate_tz(form.string[:end])
    if fields is None:
        return None
    try:
        parsed = datetime(*fields[:6])
        if name or offset:
            minutes = rules.ZONE_HOURS[name] * 60 if name else 0
            if offset:
                sign = -1 if offset[0] == "-" else 1
                minutes = sign * (int(offset[1:3]) * 60 + int(offset[3:]))
            parsed = parsed.replace(tzinfo=timezone(timedelta(minutes=minutes)))
        return _iso(parsed)
    except (ValueError, OverflowError):
        return None


def _strptime_date(text: str, fmt: str) -> str | None:
    try:
        return datetime.strptime(text, fmt).date().isoformat()
    except ValueError:
        return None


# Lexbor's attribute scan beats a byte search of the source by 5x (measured on zyte-dev).
_JSONLD_CSS = "script[type*='ld+json' i]"


def _jsonld_texts(tree: LexborHTMLParser) -> list[str]:
    """Bodies of the page's JSON-LD scripts (at most 20)."""
    return [script.text(deep=True) for script in tree.css(_JSONLD_CSS)[:20]]


def _load_json(text: str) -> Any:
    """orjson (several times faster on the large JSON-LD graphs of CMS themes), and the
    standard library for what orjson refuses (NaN, Infinity); None if neither reads it. Only
    strings are read from JSON-LD, so orjson's floats for integers beyond 64 bits do not matter."""
    try:
        return orjson.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _jsonld_objects(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for text in _jsonld_texts(tree):
        data = _load_json(text)
        if data is None:
            continue
        stack: list[Any] = [data]
        while stack and len(found) < 200:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


_DECLARING_TYPES = frozenset(rules.ARTICLE_TYPES) - rules.NOT_DECLARING_TYPES


def _main_jsonld(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for wanted in rules.ARTICLE_TYPES:
        for obj in objects:
            if wanted in _types(obj):
                return obj
    return {}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if not value.startswith("http") else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    values: dict[str, str] = {}
    scope = tree.head or tree.root  # meta tags belong in <head>; scanning it alone is cheap
    for node in scope.css("meta") if scope is not None else []:
        _note_meta(node.attributes, values)
    return values


def _note_meta(attrs: dict[str, Any], values: dict[str, str]) -> None:
    """Keep a meta tag's content under each of its keys that rules.META_KEYS lists (first
    wins). An itemprop may hold several names ("datePublished dateCreated")."""
    content = attrs.get("content")
    if not content:
        return
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = attrs.get(attr)
        if not key:
            continue
        for name in key.lower().split() if attr == "itemprop" else (key.lower(),):
            if name in rules.META_KEYS and name not in values:
                values[name] = fold_space(content)


def clean_title(title: str, site_name: str) -> str:
    """Drop a site-name suffix or prefix ("Leg Cramps | Daily Health") from a title."""
    title = fold_space(title)
    for sep in _SITE_SEPARATORS:
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if site_name and tail.strip().lower() == site_name.lower():
                return head.strip()
            first, _, rest = title.partition(sep)
            if site_name and first.strip().lower() == site_name.lower():
                return rest.strip()
            if len(tail) < 40 and len(head) > len(tail):
                return head.strip()
    return title


def split_authors(raw: list[str]) -> tuple[str, ...]:
    """Trim "By", split "A and B", keep the order, drop duplicates and non-names: a byline's
    reviewer and date parts, and credentials or roles after a name ("MD", "pharmacist")."""
    names: list[str] = []
    for value in raw:
        parts = _BYLINE_PARTS.split(fold_space(value))
        kept = [p for p in parts if not _BYLINE_OTHER.match(p.strip())] or parts
        value = _BY_PREFIX.sub("", " and ".join(_BY_PREFIX.sub("", p.strip()) for p in kept))
        for name in _AUTHOR_SPLIT.split(value):
            name = name.strip(" .|")
            if (
                2 <= len(name) <= 80
                and not name.startswith("http")
                and name.lower().replace(".", "") not in rules.CREDENTIALS
                and not _BYLINE_ROLE.fullmatch(name)
                and name not in names
            ):
                names.append(name)
    return tuple(names)


def _byline(root: Node | None) -> list[str]:
    """The most specific visible byline under `root`: one scan per selector, most specific
    first, up to the first that finds a byline. Why: a scan for one selector costs about a
    sixth of one for the whole group, and most pages with a byline find it with the first two."""
    if root is None:
        return []
    for css in BYLINE_SELECTORS:
        for node in root.css(css):
            inner = node.css_first("[itemprop='name']") if css == "[itemprop='author']" else None
            text = fold_space((inner or node).text(deep=True))
            if 2 < len(text) <= 120:
                return [text]
    return []


def _first_date(values: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` whose value reads as a date."""
    for key in keys:
        value = values.get(key)
        if value and (date := normalize_date(value)):
            return date
    return None


def _body_lines(body: str) -> str:
    """A JSON-LD articleBody with its lines kept (spaces folded within each), paragraphs one
    blank line apart."""
    lines = [fold_space(line) for line in body.replace("\r", "").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _body_dates(survey: Survey) -> dict[str, str]:
    """Dates the body gives: meta tags (microdata, or printed after the head), then the first
    <time datetime>."""
    values: dict[str, str] = {}
    for node in survey.metas:
        _note_meta(node.attributes, values)
    for node in survey.times:
        value = node.attributes.get("datetime")
        if value and normalize_date(value):
            values.setdefault("time", value)
            break
    return values


def _language(tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]) -> str:
    html = tree.root  # the <html> element
    lang = html.attributes.get("lang") if html is not None and html.tag == "html" else None
    lang = lang or meta.get("og:locale") or ld.get("inLanguage") or meta.get("content-language")
    if not isinstance(lang, str):
        return ""
    return lang.strip().replace("_", "-").lower()[:20]


@dataclass(frozen=True)
class HeadMeta:
    """What the page says of itself in <head> and JSON-LD, read before pruning."""

    meta: dict[str, str]
    ld: dict[str, Any]
    title: str
    canonical: str
    language: str
    refresh: str = ""
    page_url: str = ""


def read_head(tree: LexborHTMLParser, url: str | None = None) -> HeadMeta:
    """Meta tags, the main JSON-LD object, <title>, canonical link and language."""
    meta = _meta(tree)
    ld = _main_jsonld(_jsonld_objects(tree))
    scope = tree.head or tree.root  # <title> and the canonical link belong in <head>
    title_node = scope.css_first("title") if scope is not None else None
    if title_node is None and scope is not tree.root and tree.root is not None:
        title_node = tree.root.css_first("title")
    canonical = scope.css_first("link[rel='canonical']") if scope is not None else None
    href = canonical.attributes.get("href") if canonical is not None else None
    href = href or meta.get("og:url") or ""
    if href and url:
        href = join_url(url, href) or ""
    og_url = (join_url(url, meta["og:url"]) or "") if url and meta.get("og:url") else ""
    return HeadMeta(
        meta=meta,
        ld=ld,
        title=title_node.text(deep=True) if title_node is not None else "",
        canonical=href if is_web_url(href) else "",
        language=_language(tree, meta, ld),
        refresh=_refresh_target(meta.get("refresh", ""), url),
        page_url=og_url if is_web_url(og_url) else "",
    )


def _refresh_target(content: str, url: str | None) -> str:
    """The absolute address an immediate meta refresh names, or ""."""
    found = _REFRESH.match(content) if content and url else None
    if found is None or int(found.group(1)) > rules.MAX_REFRESH_DELAY:
        return ""
    target = join_url(url or "", found.group(2))
    return target if target and is_web_url(target) else ""


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


def complete_metadata(head: HeadMeta, survey: Survey) -> PageMeta:
    """PageMeta from the head, with visible bylines and dates from the body survey as
    fallbacks."""
    meta, ld = head.meta, head.ld
    site_name = meta.get("og:site_name") or next(iter(_names(ld.get("publisher"))), "")
    headline, name = _string(ld.get("headline")), _string(ld.get("name"))
    raw_title = meta.get("og:title") or headline or head.title
    authors = split_authors(
        _names(ld.get("author")) or _names(meta.get("author")) or _byline(survey.root)
    )
    body = ld.get("articleBody")
    published = normalize_date(ld.get("datePublished")) or _first_date(meta, rules.PUBLISHED_KEYS)
    modified = normalize_date(ld.get("dateModified")) or _first_date(meta, rules.MODIFIED_KEYS)
    if published is None or modified is None:
        body_dates = _body_dates(survey)
        published = published or _first_date(body_dates, (*rules.PUBLISHED_KEYS, "time"))
        modified = modified or _first_date(body_dates, rules.MODIFIED_KEYS)
    return PageMeta(
        title=clean_title(raw_title or "", site_name),
        authors=authors,
        published_at=published,
        modified_at=modified,
        language=head.language,
        site_name=fold_space(site_name),
        canonical_url=head.canonical,
        refresh_url=head.refresh,
        page_url=head.page_url,
        headline=fold_space(headline or name),
        description=meta.get("description") or meta.get("og:description") or "",
        jsonld_body=_body_lines(body) if isinstance(body, str) else "",
        declares_article=(
            meta.get("og:type", "").lower() in rules.ARTICLE_OG_TYPES
            or not _types(ld).isdisjoint(_DECLARING_TYPES)
        ),
    )
