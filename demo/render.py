"""Renders article sources into content-farm HTML pages: one of eight site skins, one of four
pagination styles, one of eight heading markups, with ads, prompts, clickbait grids, sidebars,
cookie banners, newsletter boxes and footers around and between the paragraphs."""

from __future__ import annotations

import html
from dataclasses import dataclass

from demo import furniture as f
from demo.source import _BOLD, _LINK, Article, Heading, ListBlock, Para, SourceBlock


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def inline(text: str) -> str:
    """Source inline markup (**bold**, [text](url)) to HTML."""
    out = esc(text)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _LINK.sub(r'<a href="\2" rel="nofollow">\1</a>', out)


# ---------------------------------------------------------------- URLs per pagination style


def page_path(article: Article, number: int) -> str:
    slug, style = article.slug, article.meta.get("pagination", "slug")
    if style == "query":
        return f"/{slug}.html" + (f"?page={number}" if number > 1 else "")
    if style == "pager":
        return f"/{slug}/" + (f"page/{number}/" if number > 1 else "")
    if style == "relnext":
        return f"/{slug}/" + (f"part-{number}/" if number > 1 else "")
    return f"/{slug}/" + (f"{number}/" if number > 1 else "")


# ---------------------------------------------------------------- ads and widgets


def ad_slot(skin: str, lang: str, index: int) -> str:
    label = f.AD_LABELS.get(lang, f.AD_LABELS["en"])
    kind = (index + len(skin)) % 4
    if kind == 0:
        return (
            f'<div class="code-block code-block-{index}" style="margin: 8px auto; text-align: center;">'
            f'<p style="font-size:10px;color:#999">{label}</p>'
            f'<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000"'
            f' data-ad-slot="{1000 + index}" data-ad-format="auto"></ins>'
            "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>"
        )
    if kind == 1:
        return (
            f'<div class="mid-slot"><span class="lbl">{label}</span>'
            f'<div id="div-gpt-ad-1690000000{index:03d}-0" style="min-height:250px">'
            f"<script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-{index}'); }});"
            "</script></div></div>"
        )
    if kind == 2:
        return f'<center><small>{label}</small></center><div class="ad-container ad-inline"></div>'
    return (
        f'<div class="wp-block-group"><p class="has-text-align-center">{label}</p>'
        f'<div data-ad-unit="/1234/health/inline_{index}"></div></div>'
    )


def clickbait_item(headline: str, index: int) -> str:
    img = f"https://cdn.example-promo.test/img/{index}.jpg"
    return (
        f'<div class="card"><a href="https://promo.example-promo.test/story/{index}?utm_source=farm">'
        f'<img src="{img}" alt="{esc(headline)}" loading="lazy"><span class="caption">'
        f"{esc(headline)}</span></a></div>"
    )


def taboola_grid(start: int) -> str:
    items = "".join(clickbait_item(h, start + i) for i, h in enumerate(_headlines(start, 6)))
    return (
        f'<div id="taboola-below-article-thumbnails"><div class="trc_related_container">'
        f'<div class="trc_header">{f.SPONSORED_STORIES}</div>{items}</div></div>'
    )


def outbrain_grid(start: int) -> str:
    items = "".join(
        f'<a class="ob-dynamic-rec-link" href="https://paid.example-promo.test/{start + i}">'
        f'<span class="ob-rec-text">{esc(h)}</span><span class="ob-rec-source">Promo Network</span></a>'
        for i, h in enumerate(_headlines(start, 4))
    )
    return f'<div class="OUTBRAIN" data-widget-id="AR_1" data-src="/a">{items}</div>'


def plain_grid(start: int) -> str:
    """A clickbait grid with no vendor markers: only link density can tell."""
    items = "".join(clickbait_item(h, start + i) for i, h in enumerate(_headlines(start, 4)))
    return f'<div class="row g-3"><h4>{f.YOU_MAY_LIKE}</h4>{items}</div>'


def _headlines(start: int, count: int) -> list[str]:
    n = len(f.CLICKBAIT_HEADLINES)
    return [f.CLICKBAIT_HEADLINES[(start + i) % n] for i in range(count)]


def newsletter_box() -> str:
    return (
        f'<div class="newsletter-box"><h3>{f.NEWSLETTER_TITLE}</h3><p>{f.NEWSLETTER_TEXT}</p>'
        '<form action="/subscribe" method="post"><input type="email" name="email" '
        'placeholder="Your email"><button type="submit">Subscribe</button></form></div>'
    )


def cookie_banner() -> str:
    return (
        f'<div id="cookie-notice" class="cookie-banner" role="dialog"><p>{f.COOKIE_TEXT}</p>'
        f"<button>{f.COOKIE_BUTTON}</button></div>"
    )


def nav_menu(cls: str) -> str:
    links = "".join(f'<li><a href="/">{esc(t)}</a></li>' for t in f.NAV_ITEMS)
    return f'<nav class="{cls}"><ul>{links}</ul></nav>'


def sidebar(start: int) -> str:
    items = "".join(f'<li><a href="/">{esc(h)}</a></li>' for h in _headlines(start + 3, 5))
    return (
        f'<aside class="sidebar"><div class="widget widget_popular"><h3>{f.SIDEBAR_TITLE}</h3>'
        f"<ul>{items}</ul></div></aside>"
    )


def footer(site: str) -> str:
    links = " | ".join(f'<a href="/">{t}</a>' for t in f.FOOTER_LINKS)
    return (
        f'<footer class="site-footer"><p>&copy; 2026 {esc(site)}. {f.FOOTER_TEXT}</p>'
        f"<p>{links}</p></footer>"
    )


# ---------------------------------------------------------------- headings


@dataclass(frozen=True)
class HeadingMarkup:
    """How one heading style opens a level-2 or level-3 heading and wraps its content."""

    style: str

    def heading(self, block: Heading) -> str:
        text, level, style = esc(block.text), block.level, self.style
        if style == "html":
            return f"<h{level}>{text}</h{level}>"
        if style == "div-class":
            cls = "section-title" if level == 2 else "subsection-title"
            return f'<div class="{cls}">{text}</div>'
        if style == "span-style":
            if level == 2:
                return f'<p><span style="font-weight:700;font-size:22px">{text}</span></p>'
            return f'<p><span style="font-weight: bold">{text}</span></p>'
        if style == "question" and level == 2:
            return f"<p>{text}</p>"
        if style == "question":
            return f"<p><b>{text}</b></p>"
        if style in ("faq", "dl", "accordion") and level == 2:
            return ""  # opened by wrap_open
        return f"<p><strong>{text}</strong></p>"

    def wraps(self, block: Heading) -> bool:
        return self.style in ("faq", "dl", "accordion") and block.level == 2

    def wrap_open(self, block: Heading) -> str:
        text = esc(block.text)
        if self.style == "faq":
            return (
                f'<details class="faq-item" open><summary>{text}</summary><div class="faq-answer">'
            )
        if self.style == "dl":
            return f'<dl class="topic"><dt>{text}</dt><dd>'
        return (
            f'<div class="accordion-item"><button class="accordion-toggle" type="button" '
            f'aria-expanded="true">{text}</button><div class="accordion-panel">'
        )

    def wrap_close(self) -> str:
        if self.style == "faq":
            return "</div></details>"
        if self.style == "dl":
            return "</dd></dl>"
        return "</div></div>"


def render_block(block: SourceBlock) -> str:
    if isinstance(block, Para):
        return f"<p>{inline(block.text)}</p>"
    assert isinstance(block, ListBlock)
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{inline(i)}</li>" for i in block.items)
    lead = f"<p>{inline(block.lead_in)}</p>" if block.lead_in else ""
    return f"{lead}<{tag}>{items}</{tag}>"


def render_body(article: Article, number: int, skin: str) -> str:
    """The article blocks of one page with ads and inline widgets between them."""
    markup = HeadingMarkup(article.meta.get("headings", "html"))
    lang = article.language
    out: list[str] = []
    open_wrap = False
    since_ad = 0
    ads = 0
    for index, block in enumerate(article.pages[number - 1]):
        if isinstance(block, Heading):
            if markup.wraps(block):
                if open_wrap:
                    out.append(markup.wrap_close())
                out.append(markup.wrap_open(block))
                open_wrap = True
            else:
                out.append(markup.heading(block))
            continue
        out.append(render_block(block))
        since_ad += 1
        if since_ad >= 3 and index + 1 < len(article.pages[number - 1]):
            out.append(ad_slot(skin, lang, number * 10 + ads))
            ads += 1
            since_ad = 0
            if ads == 2 and skin in ("farm", "news", "portal"):
                out.append(f'<p><strong><a href="/">{f.RELATED_INLINE}</a></strong></p>')
            if ads == 1 and skin in ("farm", "magazine", "blog"):
                out.append(plain_grid(number + 5))
    if open_wrap:
        out.append(markup.wrap_close())
    return "\n".join(out)
