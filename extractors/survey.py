"""One C-level scan of the page body for what several phases need: the paragraphs that vote
for the main content, the h1 headings, visible bylines and <time> elements. Lexbor CSS scans
cost about as much each as a tenth of the whole extraction, so the page is scanned once."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.dom import Node
from extractors.rules.boilerplate import BYLINE_SELECTORS

# What the scan collects, one selector group per use. Simple selectors only: descendant
# combinators make lexbor walk every ancestor of every element.
PARAGRAPH_CSS = "p, pre"
HEADING_CSS = "h1"
TIME_CSS = "time[datetime]"
BYLINE_CSS = ", ".join(BYLINE_SELECTORS)
SURVEY_CSS = ", ".join((PARAGRAPH_CSS, HEADING_CSS, TIME_CSS, BYLINE_CSS))


@dataclass
class Survey:
    """Nodes of one page by role, in document order."""

    paragraphs: list[Node] = field(default_factory=list)
    headings: list[Node] = field(default_factory=list)
    times: list[Node] = field(default_factory=list)
    bylines: list[Node] = field(default_factory=list)


def take_survey(root: Node | None) -> Survey:
    """Scan `root` once and sort what it finds by role."""
    survey = Survey()
    if root is None:
        return survey
    for node in root.css(SURVEY_CSS):
        tag = node.tag
        if tag in ("p", "pre"):
            survey.paragraphs.append(node)
        elif tag == "h1":
            survey.headings.append(node)
        elif tag == "time" and "datetime" in node.attributes:
            survey.times.append(node)
        else:
            survey.bylines.append(node)
    return survey
