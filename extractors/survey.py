"""One C-level scan of the page body for what several phases need: the paragraphs that vote
for the main content, the h1 headings and <time> elements. Lexbor CSS scans cost about as much
each as a tenth of the whole extraction, so the page is scanned once; body meta tags, needed
only when the head gives no dates, are scanned for on demand, and visible bylines (needed only
when the head names no author) by `extractors.metadata` from the survey's root."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.dom import Node

# What the scan collects, one selector group per use. Simple selectors only: descendant
# combinators make lexbor walk every ancestor of every element.
PARAGRAPH_CSS = "p, pre"
HEADING_CSS = "h1"
TIME_CSS = "time[datetime]"
SURVEY_CSS = ", ".join((PARAGRAPH_CSS, HEADING_CSS, TIME_CSS))


@dataclass
class Survey:
    """Nodes of one page by role, in document order."""

    root: Node | None = None
    paragraphs: list[Node] = field(default_factory=list)
    headings: list[Node] = field(default_factory=list)
    times: list[Node] = field(default_factory=list)
    """<time datetime> elements."""
    _metas: list[Node] | None = field(default=None, repr=False)

    @property
    def metas(self) -> list[Node]:
        """<meta> elements of the body (microdata, or meta tags a page prints after its head),
        scanned for on first use: only pages whose head gives no dates need them."""
        if self._metas is None:
            self._metas = self.root.css("meta") if self.root is not None else []
        return self._metas


def take_survey(root: Node | None) -> Survey:
    """Scan `root` once and sort what it finds by role."""
    survey = Survey(root)
    if root is None:
        return survey
    for node in root.css(SURVEY_CSS):
        tag = node.tag
        if tag == "h1":
            survey.headings.append(node)
        elif tag == "time":
            survey.times.append(node)
        else:
            survey.paragraphs.append(node)
    return survey
