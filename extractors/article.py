"""`extract_article`: cleaned pages in, one validated `HealthArticle` out, as named phases:
_merge_pages -> segment -> classify_outline -> fields -> record. Pure: the caller passes
provenance and the extraction time."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from extractors.blocks import Block
from extractors.clean import REMOVAL_KINDS, CleanPage
from extractors.discovery import HOME_PATH, plain_of
from extractors.errors import NotAnArticle
from extractors.pagekeys import page_keys
from extractors.rules.pagination import SENTENCE_END
from extractors.safeurl import split_url
from extractors.segment import segment
from extractors.structure import (
    classify_outline,
    extract_article_lists,
    extract_causes,
    extract_definition,
    lead_text,
    outline_text,
    to_sections,
)
from extractors.text import NOT_ARTICLE_TITLE, SIGN_IN_WALL, normalize_key, strip_number
from extractors.urls import normalize_url, record_id, site_of
from schemas import HealthArticle, Provenance, Removed

EXTRACTOR_VERSION = "0.1.0"
MIN_ARTICLE_CHARS = 200  # Why: less than a couple of sentences is a stub, an error or a listing.
# A page whose text is one paragraph (no heading, no list) this short is a blurb: a podcast
# episode or video page, a teaser. Why: an article says more than one short paragraph. Unless
# the page calls itself an article, holds no player and its paragraph has MIN_ANSWER_CHARS
# (about 70 words): a short answer on a Q&A site. A leaflet's stub, its two-sentence summary
# and a link to its PDF, calls itself an article too.
MAX_BLURB_CHARS = 600
MIN_ANSWER_CHARS = 400
MAX_ORPHAN_LABEL_CHARS = 40  # "Information:", "Related:": a label whose content was furniture
# Not content: how the record was made. `url` too, the address the crawl started from: one
# article reached from two addresses (two tracking redirects in a feed) is the same article, and
# with the address in its hash each of them rewrote the other's file on every run. And the
# page's dates: a CMS that stamps the time of each request as the page's modification time
# (page cache off, a "freshness" plugin) had the record rewritten on every run, its text the
# same; a new date alone does not make the article another.
CONTENT_EXCLUDE = frozenset(
    {"url", "provenance", "removed", "warnings", "published_at", "modified_at"}
)


def _merge_pages(pages: Sequence[CleanPage], title: str) -> list[Block]:
    """One block stream. A later page loses the title and the run of blocks it opens with that
    repeat earlier pages (a repeated intro or standfirst); repeats further down are kept, since
    lead-ins like "Risk factors include:" recur by design."""
    merged: list[Block] = []
    seen: set[str] = set()
    title_key = normalize_key(title)
    for number, page in enumerate(pages, start=1):
        leading = number > 1
        for block in page.blocks:
            key = normalize_key(block.text)
            if number > 1 and block.kind == "heading" and (key == title_key or block.level == 1):
                continue
            if leading and key in seen:
                continue
            seen.add(key)
            joined = _joined_across(merged[-1], block) if leading and merged else None
            leading = False
            if joined is not None:
                merged[-1] = joined
                continue
            merged.append(block if block.page == number else block.on_page(number))
    return merged


def _joined_across(last: Block, first: Block) -> Block | None:
    """The block a page break cut in two, joined again, or None: a paragraph that ends its page
    mid-sentence (no closing punctuation) and one that opens the next in lower case, or a list
    that ends its page and one of its kind that opens the next (a site that cuts its pages by
    word count, whatever it cuts). Why: a reader reads one paragraph, one list."""
    if last.kind == first.kind == "paragraph":
        if last.text[-1:] in SENTENCE_END or not first.text[:1].islower():
            return None
        text = f"{last.text} {first.text}"
    elif last.kind == first.kind == "list" and last.ordered == first.ordered:
        text = f"{last.text}\n{first.text}"
    else:
        return None
    return replace(
        last,
        text=text,
        items=last.items + first.items,
        link_chars=last.link_chars + first.link_chars,
        bold=last.bold and first.bold,
    )


def content_hash(record: HealthArticle) -> str:
    """SHA-256 of the record's content fields (not provenance, removals or warnings)."""
    # Fields serialise in the model's declared order, so the JSON is canonical for a version.
    text = record.model_dump_json(exclude=set(CONTENT_EXCLUDE))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _removed(pages: Sequence[CleanPage]) -> Removed:
    totals = {kind: sum(p.removed.get(kind, 0) for p in pages) for kind in REMOVAL_KINDS}
    return Removed(**totals)


def _canonical(pages: Sequence[CleanPage], url: str) -> str:
    """The canonical URL the page declares on its own site, else page 1's own URL, as it is
    (a slug or id ending in a number, "/covid-19/", "/story-12345", is no page number). Why
    not another site's: a syndicated copy names the original's URL, and taking it gave the
    record another site's address in the index, and one id to every copy of a story. Nor the
    home page or a folder above the page, named by a template or a plugin as every page's
    canonical: every article had one id, and the index held one of them. Where the canonical
    and the page differ by a trailing slash alone, the page as served; and where og:url names
    the page itself and the canonical another page of its folder (a renamed page's old slug),
    the page. A canonical in another folder of the site is the page's original, whatever its
    og:url says (a partner hub's syndicated copy names itself there)."""
    first = pages[0]
    start = first.url or url
    declared = first.metadata.canonical_url
    if declared and start and site_of(declared) != site_of(start):
        declared = ""
    own = first.metadata.page_url
    if (
        declared
        and start
        and (
            (_is_home(declared) and not _is_home(start))  # a template's: every page's canonical
            or _folder_above(declared, start)  # a section's listing, named by every article
            or _slash_apart(declared, start)  # the page as served, not a form that redirects to it
            # og:url names the page itself, the canonical another page of its folder (a renamed
            # page's old slug; in another folder, the page is a copy of that one)
            or (
                own
                and _same_page(own, start)
                and not _same_page(own, declared)
                and _same_folder(declared, start)
            )
        )
    ):
        declared = ""
    return normalize_url(declared or start)


def _folder_above(declared: str, url: str) -> bool:
    """`declared` is a folder above the page ("/blog/" for "/blog/x/"), neither its article
    ("/x/" for its later page "/x/2/") nor the page it is a copy of ("/x/" for "/x/amp/")."""
    above, page = split_url(declared), split_url(url)
    if above is None or page is None or above.query or above.netloc != page.netloc:
        return False
    folder = above.path.rstrip("/")
    if not page.path.startswith(folder + "/") or page.path.rstrip("/") == folder:
        return False
    if any(key.base.rstrip("/") == folder and key.number > 1 for key in page_keys(url)):
        return False
    plain = split_url(plain_of(url))
    return plain is None or plain.path.rstrip("/") != folder


def _same_folder(a: str, b: str) -> bool:
    """The two name pages of one folder: their paths differ in the last part alone
    ("/blog/old-slug/" and "/blog/new-slug/", not "/adults/headaches/" and
    "/partners/brightcare/headaches/")."""
    pa, pb = split_url(a), split_url(b)
    if pa is None or pb is None or pa.netloc != pb.netloc:
        return False
    return pa.path.rstrip("/").rpartition("/")[0] == pb.path.rstrip("/").rpartition("/")[0]


def _same_page(a: str, b: str) -> bool:
    """The two name one page, a trailing slash apart or not ("/blog/x" and "/blog/x/")."""
    return _without_slash(a) == _without_slash(b)


def _slash_apart(declared: str, url: str) -> bool:
    """The two name one page but for a trailing slash."""
    return normalize_url(declared) != normalize_url(url) and _same_page(declared, url)


def _without_slash(url: str) -> str:
    path, mark, query = normalize_url(url).partition("?")
    return path.rstrip("/") + mark + query


def _is_home(url: str) -> bool:
    """The address is a site's home page ("/", "/index.php", a language's "/en/"), without a
    query (discovery's own test of a home page)."""
    parts = split_url(url)
    return (
        parts is not None and not parts.query and HOME_PATH.fullmatch(parts.path or "/") is not None
    )


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    """Without the headings whose content was all furniture: a heading at the end ("See
    also"), or followed by a heading of its rank or above ("What our patients say" over a
    testimonial carousel), unless that one is numbered: "Common causes" over "1. Not enough
    fibre" of the same rank heads its numbered items (see segment). Short labels ending in a
    colon with nothing after them in their section ("Information:") go too."""
    kept: list[Block] = []  # from the end: a heading emptied by the one below it goes too
    for block in reversed(blocks):
        if not _titles_nothing(block, kept[-1] if kept else None):
            kept.append(block)
    return kept[::-1]


def _titles_nothing(block: Block, following: Block | None) -> bool:
    """A heading, or a short label ending in a colon, with nothing of its own after it."""
    if block.kind == "paragraph":
        return (
            len(block.text) <= MAX_ORPHAN_LABEL_CHARS
            and block.text.endswith(":")
            and (following is None or following.kind == "heading")
        )
    return block.kind == "heading" and (
        following is None
        or (
            following.kind == "heading"
            and 0 < following.level <= block.level
            and strip_number(following.text)[1] is None
        )
    )


def extract_article(
    pages: Sequence[CleanPage],
    *,
    url: str | None = None,
    provenance: Provenance | None = None,
    extracted_at: str = "",
    warnings: Sequence[str] = (),
) -> HealthArticle:
    """Merge, segment and classify cleaned pages into a validated record.

    Raises `NotAnArticle` when the pages hold too little text to be an article."""
    if not pages:
        raise NotAnArticle("no pages to extract")
    first = pages[0]
    if first.cards:
        raise NotAnArticle(f"a listing page: its text is {first.cards} article cards")
    start_url = url or first.url or ""
    title = first.title or first.metadata.title
    blocks = _merge_pages(pages, title)
    blocks = _without_empty_headings(blocks)
    size = sum(len(b.text) for b in blocks)
    if size < MIN_ARTICLE_CHARS:
        raise NotAnArticle(f"page holds only {size} characters of article text")
    named = next(
        (
            t
            for t in (title, first.metadata.title)
            if t and NOT_ARTICLE_TITLE.fullmatch(normalize_key(t))
        ),
        None,
    )
    if named is not None:
        raise NotAnArticle(f"the page says it is no article: {named!r}")
    walls = [b for b in blocks if SIGN_IN_WALL.fullmatch(normalize_key(b.text))]
    if walls and size - sum(len(b.text) for b in walls) < MAX_BLURB_CHARS:
        raise NotAnArticle(f"a teaser behind a sign-in wall ({walls[0].text!r})")
    if (
        len(blocks) == 1
        and blocks[0].kind == "paragraph"
        and size < MAX_BLURB_CHARS
        and (first.player or not first.metadata.declares_article or size < MIN_ANSWER_CHARS)
    ):
        raise NotAnArticle(f"page holds one paragraph of {size} characters: a blurb")
    items = classify_outline(segment(blocks), title)
    lists = extract_article_lists(items)
    meta = first.metadata
    canonical = _canonical(pages, start_url)
    found_warnings = list(warnings)
    causes = extract_causes(items)
    if not title:
        found_warnings.append("no title found")
    record = HealthArticle(
        id=record_id(canonical),
        url=start_url,
        canonical_url=canonical,
        title=title or (items[1].raw.heading if len(items) > 1 else "untitled"),
        site_name=meta.site_name,
        language=meta.language,
        authors=list(meta.authors),
        published_at=meta.published_at,
        modified_at=meta.modified_at,
        summary=lead_text(items),
        definition=extract_definition(items),
        causes=causes,
        sections=to_sections(items),
        text=outline_text(items),
        removed=_removed(pages),
        warnings=found_warnings,
        **lists,
    )
    base = provenance or Provenance()
    stamped = base.model_copy(
        update={
            "extracted_at": extracted_at,
            "extractor_version": EXTRACTOR_VERSION,
            "content_hash": content_hash(record),
        }
    )
    return record.model_copy(update={"provenance": stamped})
