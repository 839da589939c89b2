"""Main-content detection over the block list: Readability-style container scoring (text length,
commas, link density, class weights) with structured hints (itemprop=articleBody, <article>) and
sibling joining. Pure: blocks in, blocks out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from extractors.blocks import HEADING_CLASS_TOKENS, SUBHEADING_CLASS_TOKENS, Block, BlockTree
from extractors.boilerplate import JunkJudge, class_verdict, collapsed_panel, reader_text
from extractors.dom import ClassInfo, Node, class_of, class_strings, is_hidden
from extractors.rules import boilerplate as vocab
from extractors.rules.thresholds import (
    ALTERNATIVE_SHARE,
    ARTICLE_CLIMB_SHARE,
    HINT_MAX_DENSITY,
    HINT_MIN_SHARE,
    LAYOUT_CELL_MAX_DENSITY,
    LAYOUT_CELL_SHARE,
    MAX_ARTICLE_CLIMB,
    MAX_CLIMB,
    MIN_ALTERNATIVES,
    MIN_MAIN_CHARS,
    MIN_SCORING_CHARS,
    QUICK_MAX_DENSITY,
    QUICK_MIN_SCORE,
    QUICK_TOP,
    REPEATED_MIN_SHARE,
    SAME_CLASS_MAX_DENSITY,
    SIBLING_MAX_DENSITY,
    SIBLING_PARAGRAPH_MIN_CHARS,
    SIBLING_SCORE_SHARE,
)
from extractors.text import normalize_key

# Score added per tag of a container (Readability's initial scores). Why: divs and articles hold
# prose; list items, forms and headings hold furniture more often.
TAG_WEIGHTS: dict[str, float] = {
    "article": 10.0,
    "div": 5.0,
    "section": 3.0,
    "main": 5.0,
    "pre": 3.0,
    "td": 3.0,
    "blockquote": 3.0,
    "ol": -3.0,
    "ul": -3.0,
    "dl": -3.0,
    "dd": -3.0,
    "dt": -3.0,
    "li": -3.0,
    "form": -3.0,
    "address": -3.0,
    "th": -5.0,
}
CLASS_WEIGHT = 25.0  # Readability's weight for a positive or negative class name.
SCORED_KINDS = frozenset({"paragraph", "pre"})
# Commas of the scripts that write their own (Arabic, full-width, ideographic), counted too.
_OTHER_COMMAS = ("\u060c", "\uff0c", "\u3001")


@dataclass
class _Stats:
    text: int = 0
    links: int = 0
    score: float = 0.0

    @property
    def density(self) -> float:
        return self.links / self.text if self.text else 0.0


@lru_cache(maxsize=16384)
def _class_weight(info: ClassInfo | None) -> float:
    if info is None or not info.words:
        return 0.0
    tokens = info.tokens
    weight = 0.0
    if tokens & vocab.NEGATIVE_TOKENS:
        weight -= CLASS_WEIGHT
    if tokens & vocab.POSITIVE_TOKENS:
        weight += CLASS_WEIGHT
    return weight


def _block_score(block: Block) -> float:
    text = block.text
    own = len(text) - block.link_chars
    if block.kind not in SCORED_KINDS or own < MIN_SCORING_CHARS:
        return 0.0
    return 1.0 + _commas(text) + min(len(text) / 100.0, 3.0)


def _commas(text: str) -> int:
    """Commas in `text`, of any script. Why: `in` finds a rare character with memchr while
    `count` steps through every character, and most non-ASCII texts hold no other comma."""
    commas = text.count(",")
    if not text.isascii():
        for comma in _OTHER_COMMAS:
            if comma in text:
                commas += text.count(comma)
    return commas


def _container_stats(blocks: list[Block]) -> dict[int, _Stats]:
    stats: dict[int, _Stats] = defaultdict(_Stats)
    # Elements that hold other blocks: loose text in them votes for them, as Readability wraps
    # it in a <p>; an element holding only its own text is a paragraph and votes for its parent.
    mixed = {element for block in blocks for element in block.path[:-1]}
    for block in blocks:
        size, links = len(block.text), block.link_chars
        for element in block.path:
            entry = stats[element]
            entry.text += size
            entry.links += links
        score = _block_score(block)
        if score:
            # Text held by a paragraph-like element votes for its parent; text lying loose in
            # a container (a div with <br>s) votes for that container, as if wrapped in a <p>.
            start = -1 if block.path and block.path[-1] in mixed else -2
            ancestors = block.path[start::-1][:5]
            for level, element in enumerate(ancestors):
                divider = 1.0 if level == 0 else 2.0 if level == 1 else level * 3.0
                stats[element].score += score / divider
    return stats


def _best_container(tree: BlockTree, stats: dict[int, _Stats]) -> tuple[int, float] | None:
    best: tuple[int, float] | None = None
    for element, entry in stats.items():
        if entry.score <= 0:
            continue
        tag = tree.tags.get(element, "")
        final = entry.score + TAG_WEIGHTS.get(tag, 0.0) + _class_weight(tree.words.get(element))
        final *= 1.0 - entry.density
        if best is None or final > best[1]:
            best = (element, final)
    return best


def _hinted_container(tree: BlockTree, stats: dict[int, _Stats], best: int) -> int:
    """Prefer an itemprop=articleBody or <article> element that holds most of the best text."""
    best_own = stats[best].text - stats[best].links
    choice, choice_own = best, 0
    for element, kind in tree.hint_ids.items():
        entry = stats.get(element)
        if entry is None or kind == "main":
            continue
        own = entry.text - entry.links
        big_enough = own >= HINT_MIN_SHARE * best_own and own > choice_own
        if (
            big_enough
            and entry.density < HINT_MAX_DENSITY
            and (kind == "articleBody" or choice == best)
        ):
            choice, choice_own = element, own
    return choice


def _siblings(tree: BlockTree, stats: dict[int, _Stats], main: int, floor: float) -> set[int]:
    """Ids of sibling elements of `main` (and loose paragraphs beside it) that join it: on
    their own score, or under the same tag and class as `main` (the article's next section,
    as in the quick path; Readability gives such a sibling a bonus)."""
    blocks = tree.blocks
    joined: set[int] = set()
    parent = _parent_of(blocks, main)
    if parent == main:
        return joined
    main_tag, main_class = tree.tags.get(main), tree.words.get(main)
    for block in blocks:
        path = block.path
        if main in path or parent not in path:
            continue
        index = path.index(parent)
        sibling = path[index + 1] if index + 1 < len(path) else path[-1]
        entry = stats.get(sibling)
        if entry is None:
            continue
        density = entry.density
        own = entry.text - entry.links
        same = (
            main_class is not None
            and tree.tags.get(sibling) == main_tag
            and tree.words.get(sibling) == main_class
        )
        if (
            (entry.score >= floor and density < 0.3)
            or (block.tag == "p" and sibling == path[-1] and own >= 80 and density < 0.25)
            or (same and density < SAME_CLASS_MAX_DENSITY)
        ):
            joined.add(sibling)
    return joined


def _parent_of(blocks: list[Block], element: int) -> int:
    for block in blocks:
        if element in block.path:
            index = block.path.index(element)
            return block.path[index - 1] if index > 0 else element
    return element


def select_main(tree: BlockTree) -> list[Block]:
    """The blocks of the page's main content, in reading order (all blocks if none scores)."""
    blocks = tree.blocks
    stats = _container_stats(blocks)
    best = _best_container(tree, stats)
    if best is None:
        return list(blocks)
    main = _layout_cell_of(tree, stats, _hinted_container(tree, stats, best[0]))
    floor = max(10.0, stats[main].score * SIBLING_SCORE_SHARE)
    keep = {main} | _siblings(tree, stats, main, floor)
    keep |= _heading_before(blocks, main)
    return [b for b in blocks if keep.intersection(b.path)]


def _layout_cell_of(tree: BlockTree, stats: dict[int, _Stats], main: int) -> int:
    """The layout table's cell that holds the table of the best container, when it holds
    LAYOUT_CELL_SHARE times its text or more with few links: an old site lays out each part of
    an article as a table of its own in the page's centre cell, and one part had won alone."""
    path = next((b.path for b in tree.blocks if main in b.path), ())
    above = list(path[: path.index(main) + 1]) if main in path else []
    tables = [i for i, element in enumerate(above) if tree.tags.get(element) == "table"]
    cells = (
        [i for i in range(tables[-1]) if tree.tags.get(above[i]) in ("td", "th")] if tables else []
    )
    if not cells:
        return main
    cell = stats.get(above[cells[-1]])
    if cell is None or not _is_layout_cell(cell.text, cell.density, stats[main].text):
        return main
    return above[cells[-1]]


def _is_layout_cell(cell_text: int, cell_density: float, best_text: int) -> bool:
    """The cell around the best container's table holds the article (see _layout_cell_of)."""
    return cell_text >= LAYOUT_CELL_SHARE * best_text and cell_density < LAYOUT_CELL_MAX_DENSITY


def _heading_before(blocks: list[Block], main: int) -> set[int]:
    """The heading block just before the main container, when the page keeps it in a sibling
    (see is_heading_box): the ids of its path below the container's parent."""
    first = next((i for i, b in enumerate(blocks) if main in b.path), 0)
    if first == 0:
        return set()
    before = blocks[first - 1]
    parent = _parent_of(blocks, main)
    if not before.hint or before.link_density > 0 or len(before.text) > 120:
        return set()
    if parent == main or parent not in before.path:
        return set()
    index = before.path.index(parent)
    return {before.path[index + 1]} if index + 1 < len(before.path) else set()


# ------------------------------------------------------------------ the quick path


def _vote(paragraphs: list[Node]) -> tuple[dict[int, float], dict[int, Node], int]:
    """Readability votes of paragraphs for their parent (full), grandparent (half) and great-
    grandparent (a sixth); returns scores, the voted nodes and the paragraph characters."""
    scores: dict[int, float] = defaultdict(float)
    nodes: dict[int, Node] = {}
    # Paragraphs share parents: each parent's voting chain is looked up once.
    chains: dict[int, list[tuple[int, float]]] = {}
    total = 0
    for paragraph in paragraphs:
        text = paragraph.text(deep=True)
        size = len(text.strip())
        if size < MIN_SCORING_CHARS:
            continue
        total += size
        score = 1.0 + _commas(text) + min(size / 100.0, 3.0)
        parent = paragraph.parent
        if parent is None:
            continue
        chain = chains.get(parent.mem_id)
        if chain is None:
            chain = chains[parent.mem_id] = _voting_chain(parent, nodes)
        for key, divider in chain:
            scores[key] += score / divider
    return scores, nodes, total


def _voting_chain(parent: Node, nodes: dict[int, Node]) -> list[tuple[int, float]]:
    """(element id, divider) of a paragraph's parent, grandparent and great-grandparent, below
    <html>; notes the elements in `nodes`."""
    chain: list[tuple[int, float]] = []
    ancestor: Node | None = parent
    for divider in (1.0, 2.0, 6.0):
        if ancestor is None or ancestor.tag in ("html", None):
            break
        key = ancestor.mem_id
        nodes[key] = ancestor
        chain.append((key, divider))
        ancestor = ancestor.parent
    return chain


def _density(node: Node, memo: dict[int, tuple[int, float]]) -> tuple[int, float]:
    """(text length, link density) of a subtree, computed once per node."""
    key = node.mem_id
    if key not in memo:
        text = len(node.text(deep=True))
        links = sum(len(a.text(deep=True)) for a in node.css("a"))
        memo[key] = (text, links / text if text else 1.0)
    return memo[key]


def _inside_junk(node: Node, judge: JunkJudge, memo: dict[int, bool]) -> bool:
    """True when the node or an ancestor is furniture (a comments section, a sidebar)."""
    chain: list[int] = []
    current: Node | None = node
    verdict = False
    while current is not None and (tag := current.tag) not in ("body", "html", None):
        key = current.mem_id
        if key in memo:
            verdict = memo[key]
            break
        chain.append(key)
        if judge.kind_of(current, tag) is not None:
            verdict = True
            break
        current = current.parent
    for key in chain:
        memo[key] = verdict
    return verdict


def quick_main(root: Node, judge: JunkJudge, paragraphs: list[Node]) -> list[Node] | None:
    """The main-content container(s) found from the votes of the page's <p>/<pre> elements
    (from the survey), or None when the page's text is not in paragraphs (the full block walk
    decides then)."""
    scores, nodes, total = _vote(paragraphs)
    if total < MIN_MAIN_CHARS or not scores:
        return None
    best: tuple[float, Node] | None = None
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    memo: dict[int, bool] = {}
    memo_density: dict[int, tuple[int, float]] = {}
    candidates = []
    for key in ranked[:QUICK_TOP]:
        node = nodes[key]
        weight = TAG_WEIGHTS.get(node.tag or "", 0.0) + _class_weight(class_of(node.attributes))
        candidates.append((scores[key] + weight, node))
    # Link density only lowers a score: a candidate whose undiscounted score cannot beat the
    # best so far needs no (costly) density, nor the check that it sits outside furniture.
    for bound, node in sorted(candidates, key=lambda c: c[0], reverse=True):
        if best is not None and bound <= best[0]:
            break
        if _inside_junk(node, judge, memo) or _readers_text(node):
            continue
        _, density = _density(node, memo_density)
        final = bound * (1.0 - density)
        if best is None or final > best[0]:
            best = (final, node)
    if best is None:
        return _body_hinted(root, memo_density)
    alternatives = [
        (scores[k], nodes[k]) for k in ranked[: QUICK_TOP + 2] if not _readers_text(nodes[k])
    ]
    main = _shared_ancestor(best[1], scores.get(best[1].mem_id, 0.0), alternatives)
    if main is best[1] and best[0] < QUICK_MIN_SCORE * (1.0 - QUICK_MAX_DENSITY):
        # A weak container alone; unless it repeats with its parent, as an article cut into
        # one block per paragraph or two does (AEM's text components)
        repeated = _with_siblings(main, scores, memo_density)
        if len(repeated) > 1 and sum(_density(n, memo_density)[0] for n in repeated) >= (
            REPEATED_MIN_SHARE * total
        ):
            return repeated
        return _body_hinted(root, memo_density)
    main = _prefer_article_body(root, _with_shown_part(main), memo_density)
    main = _layout_cell(main, memo_density)
    chosen = _with_siblings(main, scores, memo_density)
    if len(chosen) == 1:  # nothing joined it: a story cut in parts may be its <article>'s
        chosen = [_prefer_own_article(main, memo_density)]
    return chosen


def _layout_cell(main: Node, memo: dict[int, tuple[int, float]]) -> Node:
    """`_layout_cell_of` for the quick path: the cell holding the table the best container is
    in."""
    table = main if main.tag == "table" else None
    current = main.parent
    while table is None and current is not None and current.tag not in ("body", "html"):
        table = current if current.tag == "table" else None
        current = current.parent
    while current is not None and current.tag not in ("td", "th", "body", "html"):
        current = current.parent
    if table is None or current is None or current.tag not in ("td", "th"):
        return main
    text, _ = _density(main, memo)
    return current if _is_layout_cell(*_density(current, memo), text) else main


def _with_shown_part(main: Node) -> Node:
    """The container of a panel that a "Read more" control reveals, when the panel won: the
    article's shown part is beside it. Why: a farm that hides the rest of an article ("Continue
    reading") puts most of the text, and often an "article" class, on the panel. A tab panel is
    one of several views of the page, and stays as it is."""
    parent = main.parent
    if (
        parent is None
        or parent.tag in ("body", "html")
        or main.attributes.get("role") == "tabpanel"
        or not collapsed_panel(main, main.attributes)
    ):
        return main
    return parent


def _ancestor_ids(node: Node, levels: int = 10) -> set[int]:
    ids: set[int] = set()
    current = node.parent
    while current is not None and len(ids) < levels:
        ids.add(current.mem_id)
        current = current.parent
    return ids


def _shared_ancestor(best: Node, best_score: float, candidates: list[tuple[float, Node]]) -> Node:
    """Readability's climb: when other containers score nearly as well as the best and share an
    ancestor with it a few levels up (an FAQ of answer boxes, a story cut into blocks), that
    ancestor is the main content."""
    best_id, above_best = best.mem_id, _ancestor_ids(best)
    chains = [
        chain
        for score, node in candidates
        if node.mem_id != best_id
        and score >= ALTERNATIVE_SHARE * best_score
        and best_id not in (chain := _ancestor_ids(node))
        and node.mem_id not in above_best
    ]
    if len(chains) < MIN_ALTERNATIVES:
        return best
    ancestor = best.parent
    for _ in range(MAX_CLIMB):
        if ancestor is None or ancestor.tag in ("body", "html"):
            break
        key = ancestor.mem_id
        if sum(1 for chain in chains if key in chain) >= MIN_ALTERNATIVES:
            return ancestor
        ancestor = ancestor.parent
    return best


def _body_hinted(root: Node, memo: dict[int, tuple[int, float]]) -> list[Node] | None:
    """The element markup names as the article's body (vocab.ARTICLE_BODY_HINTS), when no
    container gathers the paragraphs' votes: a page builder puts each paragraph in a block of
    its own, eight levels below the post (about a hundred characters a block)."""
    hint = root.css_first(_BODY_HINTS)
    if hint is None:
        return None
    text, density = _density(hint, memo)
    return [hint] if text >= MIN_MAIN_CHARS and density < HINT_MAX_DENSITY else None


_BODY_HINTS = ", ".join(vocab.ARTICLE_BODY_HINTS)


def _prefer_article_body(root: Node, best: Node, memo: dict[int, tuple[int, float]]) -> Node:
    """An element marked as the article's body (vocab.ARTICLE_BODY_HINTS) wins when it holds
    most of the best container's text."""
    hint = root.css_first(_BODY_HINTS)
    if hint is None or hint.mem_id == best.mem_id:
        return best
    hint_text, hint_density = _density(hint, memo)
    best_text, _ = _density(best, memo)
    return (
        hint
        if hint_text >= HINT_MIN_SHARE * best_text and hint_density < HINT_MAX_DENSITY
        else best
    )


def _prefer_own_article(best: Node, memo: dict[int, tuple[int, float]]) -> Node:
    """The <article> around the best container when the best holds under ARTICLE_CLIMB_SHARE of
    its text (and the article is no link farm). Why: publishing platforms cut a story into one
    <section> per heading, each paragraph deep in wrappers, so no container gathers the
    paragraphs' votes but the story's <article>."""
    node = best.parent
    for _ in range(MAX_ARTICLE_CLIMB):
        if node is None or node.tag in ("body", "html"):
            return best
        if node.tag == "article":
            break
        node = node.parent
    else:
        return best
    article_text, article_density = _density(node, memo)
    best_text, _ = _density(best, memo)
    if best_text < ARTICLE_CLIMB_SHARE * article_text and article_density < HINT_MAX_DENSITY:
        return node
    return best


def _with_siblings(
    main: Node, scores: dict[int, float], memo: dict[int, tuple[int, float]]
) -> list[Node]:
    """The main container with the siblings that join it; when none does but the container's
    parent repeats under the same tag and class (FAQ items, accordion panels, glossary
    entries), all those repeated parents."""
    chosen = _joined_siblings(main, scores, memo)
    parent = main.parent
    if len(chosen) > 1 or parent is None or not parent.attributes.get("class"):
        return chosen
    repeated = _joined_siblings(parent, scores, memo, same_class_only=True)
    if len(repeated) < 2:
        return chosen
    return _with_prose_around(parent.parent, repeated, memo)


def _with_prose_around(
    group: Node | None, items: list[Node], memo: dict[int, tuple[int, float]]
) -> list[Node]:
    """`items` (repeated containers: accordion panels, FAQ items) after the lead paragraphs
    before their `group` (the element holding them): an accordion's lead paragraph sits beside
    the accordion, not in a panel."""
    if group is None or group.parent is None:
        return items
    leads: list[Node] = []
    child = group.parent.first_child
    while child is not None and child.mem_id != group.mem_id:
        if child.tag == "p" and _lead(child) and _density(child, memo)[1] < SIBLING_MAX_DENSITY:
            leads.append(child)
        child = child.next
    return leads + items


def _readers_text(node: Node, levels: int = 3) -> bool:
    """The node, or an ancestor a few levels up, is named as readers' own text by its class or
    id ("stories", "responses": vocab.READER_TEXT_TOKENS), whatever text it holds. Why:
    readers' stories and comments under an article can outweigh it; named so, they neither
    join the article nor draw the climb to an ancestor of both. (Only these names: a stray
    furniture token is common on an article's own containers, "node--promoted".)"""
    current: Node | None = node
    for _ in range(levels):
        if current is None or current.tag in ("body", "html", None):
            return False
        if reader_text(current.attributes):
            return True
        current = current.parent
    return False


_ONE_ELEMENT_TOKEN = re.compile(vocab.ONE_ELEMENT_CLASS_TOKEN, re.I)


def _same_class(value: str | None, main_class: str | None) -> bool:
    """The same class attribute, or the same but for one token each that names the element
    alone: the same family, then letters and digits ("comp-ebba8519" and "comp-28510686"
    beside "rich-text": site builders give every block its own)."""
    if value == main_class:
        return True
    if not value or not main_class:
        return False
    ours, theirs = set(main_class.split()), set(value.split())
    mine, other = ours - theirs, theirs - ours
    if len(mine) != 1 or len(other) != 1 or not ours & theirs:
        return False
    a = _ONE_ELEMENT_TOKEN.fullmatch(mine.pop())
    b = _ONE_ELEMENT_TOKEN.fullmatch(other.pop())
    return a is not None and b is not None and a.group(1) == b.group(1)


def _joined_siblings(
    main: Node,
    scores: dict[int, float],
    memo: dict[int, tuple[int, float]],
    same_class_only: bool = False,
) -> list[Node]:
    parent = main.parent
    if parent is None:
        return [main]
    floor = max(10.0, scores.get(main.mem_id, 0.0) * SIBLING_SCORE_SHARE)
    main_class = main.attributes.get("class")
    # Node properties are computed on each read (a tag name is decoded anew): read once.
    main_id, main_tag = main.mem_id, main.tag
    in_article = not same_class_only and parent.tag == "article"

    def joins(child: Node, tag: str) -> bool:
        # Siblings join on their own score, or when they continue the main container under
        # the same tag and class (text split around related-links boxes). A classless
        # <section> beside a classless main <section> is the article's next section (its list
        # items do not vote: a section of a lead-in and a list scores low).
        child_class = child.attributes.get("class")
        same = (
            tag == main_tag
            and (main_class or tag == "section")
            and (
                child_class == main_class  # <article>s: each its own article
                if tag == "article"
                else _same_class(child_class, main_class)
            )
        )
        strong = not same_class_only and scores.get(child.mem_id, 0.0) >= floor
        # a paragraph beside the body in the page's <article>: the article's lead (its
        # standfirst, "p.lead"), which holds no votes of its own
        lead = (
            in_article
            and tag == "p"
            and len(child.text(deep=True).strip()) >= SIBLING_PARAGRAPH_MIN_CHARS
            and _plain_paragraph(child.attributes)
        )
        if not (strong or same or lead) or _readers_text(child, levels=1):
            return False
        # A repeated container may hold a widget the walk will drop: allow more links.
        _, density = _density(child, memo)
        return density < (SAME_CLASS_MAX_DENSITY if same else SIBLING_MAX_DENSITY)

    chosen: list[Node] = []
    child = parent.first_child
    previous: Node | None = None
    while child is not None:
        key, tag = child.mem_id, child.tag
        if tag and tag[0] != "-":
            if key == main_id or joins(child, tag):
                # its heading too, kept in a box of its own (AEM's title component)
                if previous is not None and is_heading_box(previous):
                    chosen.append(previous)
                chosen.append(child)
            previous = child if key != main_id else None
        child = child.next
    return chosen


def _plain_paragraph(attrs: dict[str, str | None]) -> bool:
    """Neither hidden nor named as furniture by its class or attributes (a joining sibling is
    a container: the walk judges what it holds, not the sibling itself)."""
    strings = class_strings(attrs)
    return not is_hidden(attrs) and (strings is None or class_verdict(*strings) == (False, None))


def _lead(paragraph: Node) -> bool:
    """A paragraph before a group of repeated containers that reads as the article's lead:
    classless (a site's notices and disclaimers carry a class) and long enough (Readability's
    sibling paragraph). Why: a lead paragraph sits beside the container of an article's
    sections (an accordion) and holds no votes of its own."""
    return (
        not paragraph.attributes.get("class")
        and len(paragraph.text(deep=True).strip()) >= SIBLING_PARAGRAPH_MIN_CHARS
    )


_HEADING_TOKENS = HEADING_CLASS_TOKENS | SUBHEADING_CLASS_TOKENS


def is_heading_box(node: Node) -> bool:
    """A heading of the main container kept outside it: an element named as a heading by its
    class ("slide-title" before "slide-text"), short, with no link. Why: slideshow and card
    templates put each part's heading in a sibling of its text."""
    if node.tag not in ("div", "p", "span"):
        return False
    if class_of(node.attributes).tokens.isdisjoint(_HEADING_TOKENS):
        return False
    text = node.text(deep=True).strip()
    return 0 < len(text) <= 120 and "\n" not in text and node.css_first("a") is None


def other_articles(root: Node, title: str) -> frozenset[int]:
    """The <article> elements of other articles a page shows beside its own: when articles
    with their own h1/h2 sit apart, one of them titled as the page, the others (mem_ids). Why:
    infinite-scroll themes render the next article's opening below the current one, and it can
    outscore a short article."""
    wanted = normalize_key(title)
    articles = root.css("article") if wanted else []
    if len(articles) < 2:
        return frozenset()
    own: list[Node] = []
    titled: list[Node] = []
    for article in articles:
        heading = article.css_first("h1, h2")
        if heading is None:
            continue
        titled.append(article)
        if normalize_key(heading.text(deep=True)) == wanted:
            own.append(article)
    if len(own) != 1:
        return frozenset()
    mine = own[0]
    around = _ancestor_ids(mine, levels=64) | {mine.mem_id}
    return frozenset(
        article.mem_id
        for article in titled
        if article.mem_id not in around and mine.mem_id not in _ancestor_ids(article, levels=64)
    )
