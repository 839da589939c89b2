"""Whole pages of the demo site: an article page in one of eight skins with its pagination
controls, the listing page, sitemap.xml and robots.txt."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from demo import furniture as f
from demo.render import (
    cookie_banner,
    esc,
    footer,
    nav_menu,
    newsletter_box,
    outbrain_grid,
    page_path,
    plain_grid,
    render_body,
    sidebar,
    taboola_grid,
)
from demo.source import Article

SITE_NAMES: dict[str, str] = {
    "farm": "Daily Health Buzz",
    "magazine": "Wellbeing Weekly",
    "clinic": "Northgate Clinic",
    "blog": "The Healthy Habit Blog",
    "news": "Morning Ledger Health",
    "wiki": "MediWiki Commons",
    "portal": "HealthPortal.example",
    "minimal": "Plain Health Notes",
}


@dataclass(frozen=True)
class Skin:
    """Markup of one site template around the article body."""

    name: str
    body_open: str
    body_close: str
    title_tag: str = "h1"


SKINS: dict[str, Skin] = {
    "farm": Skin("farm", '<div class="entry-content" itemprop="articleBody">', "</div>"),
    "magazine": Skin("magazine", '<div class="article__body">', "</div>"),
    "clinic": Skin(
        "clinic", '<section class="page-content"><div class="text-long">', "</div></section>"
    ),
    "blog": Skin("blog", '<div class="post-body entry-content">', "</div>"),
    "news": Skin("news", '<div class="story-text" data-component="text-block">', "</div>"),
    "wiki": Skin(
        "wiki", '<div id="mw-content-text"><div class="mw-parser-output">', "</div></div>"
    ),
    "portal": Skin(
        "portal", '<div class="node__content"><div class="field field--name-body">', "</div></div>"
    ),
    "minimal": Skin("minimal", "<div>", "</div>"),
}


def _head(article: Article, number: int, total: int, site: str) -> str:
    path = page_path(article, number)
    links = [f'<link rel="canonical" href="{page_path(article, 1)}">']
    style = article.meta.get("pagination")
    if style in ("query", "relnext") and number < total:
        links.append(f'<link rel="next" href="{page_path(article, number + 1)}">')
    if style in ("query", "relnext") and number > 1:
        links.append(f'<link rel="prev" href="{page_path(article, number - 1)}">')
    jsonld = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "author": {"@type": "Person", "name": article.meta.get("author", "")},
        "datePublished": article.meta.get("published"),
        "publisher": {"@type": "Organization", "name": site},
    }
    if article.meta.get("modified"):
        jsonld["dateModified"] = article.meta["modified"]
    return (
        f'<head><meta charset="utf-8"><title>{esc(article.title)} | {esc(site)}</title>'
        f'<meta name="description" content="{esc(article.meta.get("description", ""))}">'
        f'<meta property="og:title" content="{esc(article.title)}">'
        f'<meta property="og:site_name" content="{esc(site)}">'
        f'<meta property="og:url" content="{path}">'
        + "".join(links)
        + f'<script type="application/ld+json">{json.dumps(jsonld)}</script>'
        "<style>.entry-content p{line-height:1.6}</style>"
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js">'
        "</script></head>"
    )


def _pager(article: Article, number: int, total: int) -> str:
    """Next-page controls in the article's pagination style (empty on the last page)."""
    lang, style = article.language, article.meta.get("pagination", "slug")
    if number >= total and style != "pager":
        return ""
    nxt = page_path(article, number + 1) if number < total else ""
    if style == "slug":
        return (
            f"<p><strong>{esc(f.CONTINUE_PROMPTS[lang])}</strong></p>"
            f'<div class="nav-buttons"><a class="next-page-btn" href="{nxt}">'
            f"{esc(f.NEXT_LABELS[lang])}</a></div>"
        )
    if style == "query":
        prev = (
            f'<a class="prev" href="{page_path(article, number - 1)}">&laquo; Previous</a> '
            if number > 1
            else ""
        )
        return (
            f'<div class="post-pager">{prev}<span class="pages">Page {number} of {total}</span> '
            f'<a class="next" href="{nxt}">{esc(f.NEXT_PAGE_LABELS[lang])}</a></div>'
        )
    if style == "pager":
        cells = []
        for n in range(1, total + 1):
            if n == number:
                cells.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
            else:
                cells.append(f'<a class="page-numbers" href="{page_path(article, n)}">{n}</a>')
        prompt = f"<p><em>{esc(f.KEEP_READING[lang])}</em></p>" if nxt else ""
        return f'{prompt}<nav class="pagination">{"".join(cells)}</nav>'
    return (
        f"<p>{esc(f.KEEP_READING[lang])}</p>"
        f'<div class="continue-wrap"><span class="go-next" role="link" data-href="{nxt}">'
        f"{esc(f.NEXT_PAGE_LABELS[lang])}</span></div>"
    )


def _byline(article: Article) -> str:
    published = date.fromisoformat(article.meta["published"]).strftime("%B %d, %Y")
    return (
        f'<div class="entry-meta"><span class="byline">By <a rel="author" href="/">'
        f'{esc(article.meta.get("author", ""))}</a></span> | <time datetime="'
        f'{article.meta["published"]}">{published}</time></div>'
    )


def _after_article(skin: str, number: int) -> str:
    share = f'<div class="share-buttons"><span>{f.SHARE_TEXT}</span></div>'
    if skin in ("farm", "portal"):
        return share + taboola_grid(number) + outbrain_grid(number + 2)
    if skin in ("magazine", "news"):
        return share + outbrain_grid(number)
    if skin in ("blog", "clinic"):
        return f'<p class="follow">{f.FOLLOW_TEXT}</p>' + plain_grid(number)
    return ""


def article_page(article: Article, number: int, next_article: Article | None = None) -> str:
    """HTML of page `number` (1-based) of an article."""
    skin_name = article.meta.get("template", "farm")
    skin = SKINS[skin_name]
    site = SITE_NAMES[skin_name]
    total = len(article.pages)
    lang = article.language
    body = render_body(article, number, skin_name)
    newsletter = newsletter_box() if skin_name in ("farm", "blog", "news", "clinic") else ""
    post_nav = ""
    if next_article is not None and skin_name in ("farm", "blog"):
        post_nav = (
            f'<div class="post-navigation"><a href="{page_path(next_article, 1)}" rel="next">'
            f"Next Post: {esc(next_article.title)}</a></div>"
        )
    return (
        f'<!DOCTYPE html><html lang="{lang}">{_head(article, number, total, SITE_NAMES[skin_name])}'
        f'<body class="single single-post has-sidebar">'
        + (cookie_banner() if skin_name != "minimal" else "")
        + f'<header class="site-header"><div class="logo"><a href="/">{esc(site)}</a></div>'
        + nav_menu("main-navigation")
        + '</header><div class="container"><main id="main" class="site-main">'
        + f'<article class="post type-post"><h1 class="entry-title">{esc(article.title)}</h1>'
        + _byline(article)
        + skin.body_open
        + body
        + (newsletter if number == 1 else "")
        + _pager(article, number, total)
        + skin.body_close
        + "</article>"
        + _after_article(skin_name, number)
        + post_nav
        + "</main>"
        + (sidebar(number) if skin_name not in ("minimal", "wiki") else "")
        + "</div>"
        + footer(site)
        + "</body></html>"
    )
