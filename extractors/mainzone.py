"""Main-content detection over the block list: Readability-style container scoring (text length,
commas, link density, class weights) with structured hints (itemprop=articleBody, <article>) and
sibling joining. Pure: blocks in, blocks out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from extractors.blocks import Block, BlockTree
from extractors.dom import class_tokens
from extractors.rules import boilerplate as vocab
from extractors.rules.thresholds import HINT_MIN_SHARE, MIN_SCORING_CHARS, SIBLING_SCORE_SHARE

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
_COMMAS = (",", "\u060c", "\uff0c", "\u3001")


@dataclass
class _Stats:
    text: int = 0
    links: int = 0
    score: float = 0.0

    @property
    def density(self) -> float:
        return self.links / self.text if self.text else 0.0


def _class_weight(words: list[str] | None) -> float:
    if not words:
        return 0.0
    tokens = class_tokens(words)
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
    commas = sum(text.count(c) for c in _COMMAS)
    return 1.0 + commas + min(len(text) / 100.0, 3.0)


def _container_stats(blocks: list[Block]) -> dict[int, _Stats]:
    stats: dict[int, _Stats] = defaultdict(_Stats)
    for block in blocks:
        size, links = len(block.text), block.link_chars
        for element in block.path:
            entry = stats[element]
            entry.text += size
            entry.links += links
        score = _block_score(block)
        if score:
            ancestors = block.path[-2::-1][:5]
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
        if big_enough and entry.density < 0.35 and (kind == "articleBody" or choice == best):
            choice, choice_own = element, own
    return choice


def _siblings(blocks: list[Block], stats: dict[int, _Stats], main: int, floor: float) -> set[int]:
    """Ids of sibling elements of `main` (and loose paragraphs beside it) that join it."""
    joined: set[int] = set()
    parent = _parent_of(blocks, main)
    if parent == main:
        return joined
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
        if (entry.score >= floor and density < 0.3) or (
            block.tag == "p" and sibling == path[-1] and own >= 80 and density < 0.25
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
    main = _hinted_container(tree, stats, best[0])
    floor = max(10.0, stats[main].score * SIBLING_SCORE_SHARE)
    keep = {main} | _siblings(blocks, stats, main, floor)
    return [b for b in blocks if keep.intersection(b.path)]
