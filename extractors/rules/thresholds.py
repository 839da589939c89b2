"""Numeric thresholds of the cleaner, each with the reason it has the value it has."""

from __future__ import annotations

# A text block shorter than this does not vote for its container (Readability's 25 characters):
# captions, bylines and buttons are short; paragraphs are not.
MIN_SCORING_CHARS = 25

# Link density above which a block or list is navigation or a link widget, not prose.
MAX_LINK_DENSITY = 0.5

# A removal candidate holding more than this share of the page's unlinked text is kept: layout
# wrappers named "has-sidebar" or "ad-free" wrap the article itself.
GUARD_TEXT_SHARE = 0.45

# Siblings of the best container join it when their score reaches this share of its score.
SIBLING_SCORE_SHARE = 0.2

# When the chosen main content holds fewer characters than this, retry with looser rules.
MIN_MAIN_CHARS = 250

# A main-content candidate found by a structured hint (<article>, itemprop=articleBody, JSON-LD
# body) must hold this share of the best-scoring container's text to be preferred over it.
HINT_MIN_SHARE = 0.6

# Longest block (characters) that can be taken for an ad label, a prompt or a widget line.
MAX_LABEL_CHARS = 220

# Links-only paragraphs shorter than this are cross-links ("Read: 7 signs of ...").
MAX_LINK_LINE_CHARS = 160

# Deepest element nesting the walkers descend into; deeper text is taken flat. Why: hostile or
# broken pages nest thousands of elements, and the walkers recurse.
MAX_DEPTH = 180
