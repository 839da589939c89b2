"""Section and list classification from the rules in `extractors.rules.sections`. Pure."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.rules import sections as rules
from extractors.text import normalize_key, strip_number

_FLAGS = re.IGNORECASE | re.UNICODE
_HEADING_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS))
    for kind, patterns in rules.SECTION_HEADINGS
)
_LEAD_IN_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS))
    for kind, patterns in rules.LIST_LEAD_INS
)
_EDGE_PUNCT = "\u00bf\u00a1?!.:;\u2026\"'\u201c\u201d\u2018\u2019()[]*#-\u2013\u2014 "

# List kinds that carry a section's meaning when voting on a vaguely headed section.
CONTENT_KINDS = frozenset(
    {
        "risk_factors",
        "signs",
        "diagnosis",
        "treatment",
        "prevention",
        "complications",
        "when_to_see_doctor",
        "causes",
    }
)


def heading_key(text: str) -> str:
    """A heading as rules see it: no number prefix, no leading emoji or symbols ("🩺 What is
    it?"), lowercase, no edge punctuation."""
    name, _ = strip_number(_LEADING_SYMBOLS.sub("", text))
    return normalize_key(name).strip(_EDGE_PUNCT)


_LEADING_SYMBOLS = re.compile(rules.HEADING_LEADING_SYMBOLS)


@lru_cache(maxsize=4096)
def heading_kinds(text: str) -> tuple[str, ...]:
    """Every section kind a heading names, the winner first: a priority kind (when to see a
    doctor) wherever it appears, then by where the phrase stands ("Causes and Risk Factors" ->
    causes, risk_factors), fallback kinds (definition, other) last."""
    key = heading_key(text)
    if not key:
        return ()
    found: list[tuple[int, int, int, int, str]] = []
    for order, (kind, pattern) in enumerate(_HEADING_RULES):
        match = pattern.search(key)
        if match is None:
            continue
        priority = 0 if kind in rules.PRIORITY_KINDS else 1
        weak = int(kind in rules.FALLBACK_KINDS)
        found.append((priority, weak, match.start(), order, kind))
    return tuple(entry[-1] for entry in sorted(found))


_HINT_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS))
    for kind, patterns in rules.SECTION_HEADING_HINTS
)


@lru_cache(maxsize=4096)
def heading_hints(text: str) -> tuple[str, ...]:
    """Kinds a heading leans towards (SECTION_HEADING_HINTS), earliest cue first."""
    key = heading_key(text)
    found = []
    for order, (kind, pattern) in enumerate(_HINT_RULES):
        match = pattern.search(key)
        if match is not None:
            found.append((match.start(), order, kind))
    return tuple(kind for _, _, kind in sorted(found))


def cue_counts(text: str) -> Counter[str]:
    """How many words and phrases of each kind's CONTENT_CUES a text holds."""
    words = _WORD.findall(text.lower())
    counts: Counter[str] = Counter()
    # Most words are no cue: a comprehension skips them at C speed, in text order.
    for start, word in [(i, w) for i, w in enumerate(words) if w in _CUE_WORDS]:
        kind = _CUES.get((word,))
        if kind is not None:
            counts[kind] += 1
        longest = _PHRASE_STARTS.get(word)
        for size in range(2, (longest or 0) + 1):
            kind = _CUES.get(tuple(words[start : start + size]))
            if kind is not None:
                counts[kind] += 1
    return counts


def classify_heading(text: str) -> str | None:
    """The section kind a heading names, or None when no rule matches (see heading_kinds)."""
    kinds = heading_kinds(text)
    return kinds[0] if kinds else None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de\u00bf\u00a1])")


@lru_cache(maxsize=4096)
def classify_lead_in(text: str) -> str | None:
    """The list kind a lead-in line announces ("Risk factors include:" -> risk_factors).

    Only the lead-in's last sentence counts: "Treatment depends on how severe your symptoms
    are. Common options include:" announces treatments, not symptoms."""
    last = _SENTENCE_END.split(text.strip())[-1]
    key = normalize_key(last).rstrip(" :")
    if not key:
        return None
    for kind, pattern in _LEAD_IN_RULES:
        if pattern.search(key):
            return kind
    return None


_WORD = re.compile(r"\w+")


def _cue_table() -> dict[tuple[str, ...], str]:
    """Phrase (as a word tuple) -> kind, from CONTENT_CUES (single words space-separated,
    phrases `|`-separated)."""
    table: dict[tuple[str, ...], str] = {}
    for kind, (words, phrases) in rules.CONTENT_CUES:
        for word in words.split():
            table.setdefault(tuple(_WORD.findall(word)), kind)
        for phrase in phrases.split("|"):
            table.setdefault(tuple(_WORD.findall(phrase)), kind)
    return table


_CUES = _cue_table()
_PHRASE_STARTS: dict[str, int] = {}
for _key in _CUES:
    if len(_key) > 1:
        _PHRASE_STARTS[_key[0]] = max(_PHRASE_STARTS.get(_key[0], 0), len(_key))
# Words that are a cue or start one.
_CUE_WORDS = frozenset(key[0] for key in _CUES if key)
