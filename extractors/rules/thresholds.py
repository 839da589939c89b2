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
# A page that shows under twice MIN_MAIN_CHARS of its article while its JSON-LD articleBody holds
# this many times as much (and opens with what it shows) is an app shell: the body is read.
JSONLD_BODY_SHARE = 4

# A main-content candidate found by a structured hint (<article>, itemprop=articleBody, JSON-LD
# body) must hold this share of the best-scoring container's text to be preferred over it.
HINT_MIN_SHARE = 0.6

# ... and have links in less than this share of its text. Why: a hinted element that is mostly
# links is a related-articles block marked up as an article.
HINT_MAX_DENSITY = 0.35

# The quick path (votes of the page's <p> elements, no block walk):
# Containers tried. Why: the best container is nearly always among the four best-voted parents.
QUICK_TOP = 4
# The winner must score at least this (about four real paragraphs) with links under
# QUICK_MAX_DENSITY of its text. Why: otherwise the page's prose is not in <p>, and the full
# block walk decides.
QUICK_MIN_SCORE = 15.0
QUICK_MAX_DENSITY = 0.3
# Unless the weak winner repeats with its siblings (or its parent's) and the repeated group holds
# this share of the voting text. Why: AEM cuts an article into a text component per paragraph
# or two, none scoring much; the block walk then took a caption and a paragraph.
REPEATED_MIN_SHARE = 0.5
# Other containers scoring at least ALTERNATIVE_SHARE of the best's, MIN_ALTERNATIVES or more of
# them under one ancestor at most MAX_CLIMB levels up, make that ancestor the main content.
# Why: Readability's climb, for FAQs of answer boxes and stories cut into blocks.
ALTERNATIVE_SHARE = 0.75
MIN_ALTERNATIVES = 2
MAX_CLIMB = 4
# Link density a joining sibling may have; a sibling repeating the main container's tag and
# class may have more. Why: a repeated container can hold a widget the walk drops later.
SIBLING_MAX_DENSITY = 0.3
# A classless <p> before a group of repeated main containers (accordion panels) joins them from
# this many characters (its links within the sibling density). Why: a lead paragraph sits beside
# the accordion, and holds no votes of its own (Readability's sibling rule: 80).
SIBLING_PARAGRAPH_MIN_CHARS = 80
SAME_CLASS_MAX_DENSITY = 0.5

# Longest block (characters) that can be taken for an ad label, a prompt or a widget line.
MAX_LABEL_CHARS = 220
# Longest paragraph of symbols, none ASCII, that is dropped as an ornament: a callout box's
# emoji ("💡"), a fleuron. Why: it would open the definition or a section. (ASCII breaks, "* * *",
# stay: the zyte ground truth keeps them.)
MAX_SYMBOL_CHARS = 20

# Links-only paragraphs shorter than this are cross-links ("Read: 7 signs of ...").
MAX_LINK_LINE_CHARS = 160

# Deepest element nesting the walkers descend into; deeper text is taken flat. Why: hostile or
# broken pages nest thousands of elements, and the walkers recurse.
MAX_DEPTH = 180

# Listing pages (extractors.listing). Why: a section front's cards keep one short excerpt each
# after cleaning, while an article's own linked boxes are few or long; two cards are too few
# to tell a listing from an article with two boxes.
MIN_LISTING_CARDS = 3
MAX_CARD_EXCERPT = 400  # characters of excerpt per card
MAX_CARD_CHARS = 800  # characters of a whole card: headline, excerpt, byline, "Read more"
LISTING_TEXT_SHARE = 0.6  # of the kept text, in card excerpts
CARD_DEPTH = 4  # levels from a card's link up to the card

# The quick path takes the <article> around its best container (at most MAX_ARTICLE_CLIMB levels
# up) when the best holds under this share of the article's text. Why: platforms cut a story
# into one <section> per heading, and the best section alone is a fraction of the story.
ARTICLE_CLIMB_SHARE = 0.5
MAX_ARTICLE_CLIMB = 8
# A paragraph's bold first line over the lines under it is set apart, for the sections to read
# as a heading (blocks._bold_lines_apart), up to this length: longer, it is a bold sentence.
BOLD_LINE_MAX_CHARS = 120

# An old site's layout table: the centre cell holding the table of the best container is the
# main content when it holds this many times its text, at a link density under the maximum
# (each part of an article is a table of its own there; see mainzone._layout_cell).
LAYOUT_CELL_SHARE = 2.0
LAYOUT_CELL_MAX_DENSITY = 0.25
