"""One look over the pruned page for what several phases need: the paragraphs that vote for
the main content and the h1 headings; <time> elements and body meta tags, needed only when the
head gives no dates, are looked up on demand, and visible bylines (needed only when the head
names no author) by `extractors.metadata` from the survey's root.

Lookups by tag name, not CSS: lexbor's tag lookup walks the tree at about a third of the cost
of a CSS scan (whose selector engine weighs every element), so several of them cost less than
one scan for a selector group. They cover the whole document, which after `prune` (the head
decomposed) holds no element outside the body."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from extractors.dom import Node


@dataclass
class Survey:
    """Nodes of one page by role, in document order."""

    root: Node | None = None
    paragraphs: list[Node] = field(default_factory=list)
    """<p> and <pre> elements."""
    headings: list[Node] = field(default_factory=list)
    """<h1> elements."""
    tree: LexborHTMLParser | None = field(default=None, repr=False)
    _times: list[Node] | None = field(default=None, repr=False)
    _metas: list[Node] | None = field(default=None, repr=False)

    @property
    def times(self) -> list[Node]:
        """<time datetime> elements, looked up on first use (as `metas`)."""
        if self._times is None:
            found = self.tree.tags("time") if self.tree is not None else []
            self._times = [node for node in found if "datetime" in node.attributes]
        return self._times

    @property
    def metas(self) -> list[Node]:
        """<meta> elements of the body (microdata, or meta tags a page prints after its head),
        looked up on first use: only pages whose head gives no dates need them."""
        if self._metas is None:
            self._metas = self.tree.tags("meta") if self.tree is not None else []
        return self._metas


def take_survey(tree: LexborHTMLParser) -> Survey:
    """Survey a tree that `prune` has been through (its head gone)."""
    root = tree.body or tree.root
    survey = Survey(root, tree=tree)
    if root is None:
        return survey
    survey.paragraphs = tree.tags("p")
    # <pre> is rare; with any, one CSS scan keeps <p> and <pre> in document order.
    if tree.tags("pre"):
        survey.paragraphs = root.css("p, pre")
    survey.headings = tree.tags("h1")
    return survey
