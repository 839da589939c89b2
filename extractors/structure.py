"""From the segmented outline to the record's structured fields: section kinds, list kinds,
causes with their risk factors and signs, and the article-level lists. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from extractors.classify import (
    CONTENT_KINDS,
    classify_lead_in,
    cue_counts,
    heading_hints,
    heading_key,
    heading_kinds,
)
from extractors.rules import sections as rules
from extractors.segment import Caption, RawList, RawSection, RunIn
from extractors.text import normalize_key, strip_number
from schemas import Cause, Section, SectionList

_CONDITION_LEAD_IN = re.compile(rules.CONDITION_LEAD_IN)
_CAUSE_MEDICINES = re.compile(rules.CAUSE_MEDICINES_HEADING)
# Record fields filled from sections (and lists) of the same kind.
ARTICLE_LIST_FIELDS: tuple[str, ...] = (
    "risk_factors",
    "signs",
    "prevention",
    "treatment",
    "diagnosis",
    "complications",
    "when_to_see_doctor",
)
# Cause fields filled from a cause's lists of that kind; other lists stay in its description.
CAUSE_LIST_FIELDS: tuple[str, ...] = ("risk_factors", "signs")
# Lead paragraphs that read as a definition ("X is a ...", "X are ...") when there is no
# definition section.
DEFINITION_SHAPE = re.compile(
    r"^[^.?!]{2,80}?\b(is|are|refers to|means|describes|es|son|est|sont|ist|sind|é|são)\s+"
    r"(a|an|the|one|any|un|una|une|el|la|le|les|ein|eine|der|die|das|um|uma|o|a)?\b",
    re.IGNORECASE,
)


@dataclass
class Classified:
    raw: RawSection
    kind: str
    rule: str
    id: str = ""
    parent_id: str | None = None
    list_kinds: list[str] = field(default_factory=list)


def _list_kind(raw: RawList, section_kind: str) -> str:
    by_lead_in = classify_lead_in(raw.lead_in) if raw.lead_in else None
    if (
        by_lead_in is not None
        and section_kind == "when_to_see_doctor"
        and _CONDITION_LEAD_IN.search(normalize_key(raw.lead_in))
    ):
        return section_kind
    if by_lead_in == "examples" and section_kind in rules.LISTS_OWN_EXAMPLES:
        return section_kind  # "problems can remain, such as:" under Complications lists them
    if (section_kind, by_lead_in) in rules.SECTION_KEEPS_LISTS:
        return section_kind
    if by_lead_in is not None:
        return by_lead_in
    return section_kind if section_kind not in ("definition", "outlook") else "other"


def _lead_in_kinds(raw: RawSection) -> list[str]:
    kinds = (classify_lead_in(lst.lead_in) for lst in raw.lists if lst.lead_in)
    return [k for k in kinds if k in CONTENT_KINDS]


class _Evidence:
    """Scores of section kinds and where the strongest part of each came from."""

    def __init__(self) -> None:
        self.scores: dict[str, float] = {}
        self.best_source: dict[str, tuple[float, str]] = {}

    def add(self, kind: str, weight: float, source: str) -> None:
        self.scores[kind] = self.scores.get(kind, 0.0) + weight
        if weight > self.best_source.get(kind, (0.0, ""))[0]:
            self.best_source[kind] = (weight, source)

    def winner(self) -> tuple[str, float, str]:
        if not self.scores:
            return "other", 0.0, "default"
        kind = max(self.scores, key=self.scores.__getitem__)  # ties: the first added wins
        score = self.scores[kind]
        return kind, score, self.best_source.get(kind, (0.0, "default"))[1]


def _heading_evidence(evidence: _Evidence, heading: str) -> tuple[str, ...]:
    named = heading_kinds(heading)
    for rank, kind in enumerate(named):
        if kind in rules.FALLBACK_KINDS:
            evidence.add(kind, rules.FALLBACK_WEIGHT, f"heading:{kind}")
            continue
        weight = rules.HEADING_WEIGHT - rank * rules.HEADING_RANK_STEP
        if kind in rules.PRIORITY_KINDS:
            weight += rules.PRIORITY_BONUS
        evidence.add(kind, weight, f"heading:{kind}")
    for rank, kind in enumerate(heading_hints(heading)):
        evidence.add(kind, rules.HINT_WEIGHT - rank * rules.HINT_RANK_STEP, f"hint:{kind}")
    return named


def _section_kind(
    raw: RawSection,
    parent: Classified | None,
    cues: dict[int, Counter[str]],
    first: bool = False,
    in_cause: bool = False,
    heading: str | None = None,
    topic: str = "",
) -> tuple[str, str]:
    """Weigh the heading's phrases and hints, the section's list lead-ins, the words of its
    text and its parent's kind; the best-supported kind wins (RULE weights in rules.sections).
    `in_cause`: the parent is a cause (a sub-section of a causes section), whose own sub-
    sections ("Risk factors", "Signs") take the kind their heading names. `topic`: the one kind
    the article's title names (see _title_topic).
    """
    if not raw.heading:
        return "other", "lead"
    heading = raw.heading if heading is None else heading
    evidence = _Evidence()
    if (
        parent is not None
        and parent.kind == "causes"
        and _CAUSE_MEDICINES.fullmatch(heading_key(heading))
    ):
        named: tuple[str, ...] = ()  # medicines as a cause; the parent speaks
    else:
        named = _heading_evidence(evidence, heading)
    own_lists = _lead_in_kinds(raw)
    listed = set(own_lists)
    if named and len(listed) == 1 and (named[0], *listed) in rules.HEADING_YIELDS_TO_LISTS:
        return own_lists[0], "heading+lists"
    for kind in own_lists:
        evidence.add(kind, rules.LIST_WEIGHT, "content:lists")
    # Sub-sections speak for a section only when its heading names no kind: the numbered
    # causes under "What causes X?" carry sign and risk lists by design.
    scope = [raw] if named else _subtree(raw)
    for child in scope[1:]:
        for kind in _lead_in_kinds(child):
            evidence.add(kind, rules.CHILD_LIST_WEIGHT, "content:lists")
    for kind, hits in _subtree_cues(scope, cues).items():
        if hits:
            evidence.add(kind, min(hits * rules.CUE_WEIGHT, rules.CUE_CAP), "content:text")
    if parent is None and not named and topic:
        evidence.add(topic, rules.PARENT_WEIGHT, "title")
    elif first and parent is None and not named:
        evidence.add("definition", rules.FIRST_SECTION_DEFINITION, "position")
    if parent is not None and parent.kind != "other":
        if raw.number is not None:
            weight = rules.NUMBERED_PARENT_WEIGHT
        elif parent.kind == "causes" and not in_cause:
            weight = rules.STRONG_PARENT_WEIGHT
        else:
            weight = rules.PARENT_WEIGHT
        evidence.add(parent.kind, weight, "parent")
    kind, score, source = evidence.winner()
    if score < rules.MIN_KIND_SCORE:
        return (parent.kind, "parent") if parent is not None else ("other", "default")
    return kind, source


def _own_cues(raw: RawSection, mask: Callable[[str], str]) -> Counter[str]:
    text = " ".join(
        [raw.heading, *(p if isinstance(p, str) else " ".join(p.items) for p in raw.content)]
    )
    return cue_counts(mask(text))


def _subtree_cues(sections: list[RawSection], own: dict[int, Counter[str]]) -> Counter[str]:
    """Cue counts of some sections, from each section's own counts."""
    total: Counter[str] = Counter()
    for section in sections:
        total.update(own[id(section)])
    return total


def _title_topic(title: str) -> str:
    """The kind an article's title names when it names one alone ("What causes gout?",
    "Treating eczema", "Shingles symptoms"): a guide's sub-article on that topic, whose
    top-level sections are of that kind unless their headings say otherwise, and whose first
    section is no definition. "" for any other title, and for a long one or a reader's
    question (rules.TOPIC_TITLE_MAX_WORDS, PERSONAL_WORDS)."""
    head = _TITLE_HEAD.split(title, maxsplit=1)[0] if title else ""
    words = re.findall(r"\w+", head.lower())
    if len(words) > rules.TOPIC_TITLE_MAX_WORDS or not rules.PERSONAL_WORDS.isdisjoint(words):
        return ""
    kinds = heading_kinds(head) if head else ()
    return kinds[0] if len(kinds) == 1 and kinds[0] in rules.TOPIC_KINDS else ""


def _name_mask(title: str) -> Callable[[str], str]:
    """What hides the condition's own name from the section rules, when the name says a kind
    ("Trigger finger": "What is trigger finger?" asks what it is, not for its triggers): the
    title's part before a colon or dash, of at most MAX_MASKED_NAME_WORDS words and none of
    rules.NAME_STOPWORDS. Anything else is left as it is."""
    name = _TITLE_HEAD.split(title, maxsplit=1)[0].strip().lower() if title else ""
    words = name.split()
    if (
        not words
        or len(words) > rules.MAX_MASKED_NAME_WORDS
        or not rules.NAME_STOPWORDS.isdisjoint(words)
        or not heading_kinds(name)
    ):
        return lambda text: text
    # one or many: "Keloid scars" names "What is a keloid scar?" too
    stem = name[:-1] if name.endswith("s") else name
    pattern = re.compile(rf"\b{re.escape(stem)}s?\b", re.IGNORECASE)
    return lambda text: pattern.sub("it", text)


_TITLE_HEAD = re.compile(rules.TITLE_HEAD_END)


def classify_outline(sections: list[RawSection], title: str = "") -> list[Classified]:
    """Give every section its kind and id, parents before children. `title`: the article's,
    whose condition name is kept out of the rules when it says a kind (see _name_mask)."""
    done: dict[int, Classified] = {}
    result: list[Classified] = []
    first_top = next((raw for raw in sections if raw.heading and raw.parent is None), None)
    mask = _name_mask(title)
    topic = _title_topic(title)
    cues = {id(raw): _own_cues(raw, mask) for raw in sections}
    for index, raw in enumerate(sections, start=1):
        parent = done.get(id(raw.parent)) if raw.parent is not None else None
        grandparent = done.get(id(parent.raw.parent)) if parent and parent.raw.parent else None
        in_cause = parent is not None and grandparent is not None and grandparent.kind == "causes"
        kind, rule = _section_kind(
            raw,
            parent,
            cues,
            first=raw is first_top,
            in_cause=in_cause,
            heading=mask(raw.heading),
            topic=topic,
        )
        item = Classified(raw, kind, rule, id=f"s{index:02d}")
        item.parent_id = parent.id if parent is not None else None
        item.list_kinds = [_list_kind(lst, kind) for lst in raw.lists]
        done[id(raw)] = item
        result.append(item)
    return result


def to_sections(items: list[Classified]) -> list[Section]:
    """The lossless outline as schema sections."""
    return [
        Section(
            id=item.id,
            kind=item.kind,
            heading=item.raw.heading,
            level=min(max(item.raw.level, 1), 6),
            parent=item.parent_id,
            paragraphs=item.raw.paragraphs,
            lists=[
                SectionList(lead_in=lst.lead_in, kind=kind, items=lst.items)
                for lst, kind in zip(item.raw.lists, item.list_kinds, strict=True)
            ],
            page=max(item.raw.page, 1),
            rule=item.rule,
        )
        for item in items
    ]


def _list_as_text(raw: RawList) -> str:
    lines = [raw.lead_in] if raw.lead_in else []
    lines += [f"- {item}" for item in raw.items]
    return "\n".join(lines)


def _subtree(raw: RawSection) -> list[RawSection]:
    out = [raw]
    for child in raw.children:
        out.extend(_subtree(child))
    return out


def _cause_from(item: Classified, by_raw: dict[int, Classified]) -> Cause:
    name, _ = strip_number(item.raw.heading)
    description: list[str] = []
    found: dict[str, list[str]] = {f: [] for f in CAUSE_LIST_FIELDS}
    for raw in _subtree(item.raw):
        own: list[str] = []
        kinds = by_raw[id(raw)].list_kinds
        lists = iter(zip(raw.lists, kinds, strict=True))
        for piece in raw.content:
            if isinstance(piece, str):
                own.append(piece)
                continue
            lst, kind = next(lists)
            if kind in found:
                found[kind].extend(lst.items)
            else:
                own.append(_list_as_text(lst))
        # a sub-section's heading with what it says; a "Signs" whose list went to signs, alone
        if raw is not item.raw and (own or by_raw[id(raw)].kind not in found):
            own.insert(0, raw.heading)
        description.extend(own)
    return Cause(name=name, description="\n\n".join(description), **found)


def _split_named_item(text: str) -> Cause:
    for sep in (": ", " \u2013 ", " \u2014 ", " - "):
        head, found, tail = text.partition(sep)
        if found and 0 < len(head) <= 80:
            return Cause(name=head.strip(), description=tail.strip())
    return Cause(name=text.strip())


def extract_causes(items: list[Classified]) -> list[Cause]:
    """Causes in article order: sub-sections of top causes sections, else their list items."""
    by_raw = {id(item.raw): item for item in items}
    causes: list[Cause] = []
    for item in items:
        parent = by_raw.get(id(item.raw.parent)) if item.raw.parent is not None else None
        if item.kind != "causes" or (parent is not None and parent.kind == "causes"):
            continue
        children = [by_raw[id(c)] for c in item.raw.children if by_raw[id(c)].kind == "causes"]
        if children:
            for child in children:
                group = _cause_group(child, by_raw)
                causes.extend(_cause_from(c, by_raw) for c in group or [child])
            continue
        named = len(causes)
        for lst, kind in zip(item.raw.lists, item.list_kinds, strict=True):
            if kind in ("causes", "other", "examples"):
                causes.extend(_split_named_item(i) for i in lst.items)
        run_ins = [p for p in item.raw.paragraphs if isinstance(p, RunIn)]
        if len(causes) == named and len(run_ins) >= rules.MIN_RUN_IN_CAUSES:
            causes.extend(Cause(name=p.name, description=p.rest) for p in run_ins)
    return causes


def _cause_group(item: Classified, by_raw: dict[int, Classified]) -> list[Classified]:
    """The causes a sub-section of a causes section groups ("Medical causes" over an h4 per
    cause): its own causes sub-sections, when it says no more than a lead paragraph itself;
    else none (it is a cause)."""
    if item.raw.lists or len(item.raw.paragraphs) > 1:
        return []
    return [by_raw[id(c)] for c in item.raw.children if by_raw[id(c)].kind == "causes"]


def _in_cause(item: Classified, by_raw: dict[int, Classified]) -> bool:
    """A cause (a causes section under a causes section), or a risk-factor or signs section
    of one: what the record keeps in `causes`, not in the article's own lists."""
    chain = [item]
    raw = item.raw
    while raw.parent is not None:
        raw = raw.parent
        chain.append(by_raw[id(raw)])
    kinds = [c.kind for c in chain]
    if kinds[0] == "causes":
        return "causes" in kinds[1:]
    return kinds[0] in CAUSE_LIST_FIELDS and kinds[1:3] == ["causes", "causes"]


def _section_items(item: Classified) -> list[str]:
    """Items of a section with no usable list: its sub-headings, else its paragraphs."""
    children = [strip_number(c.heading)[0] for c in item.raw.children]
    return children or list(item.raw.paragraphs)


def extract_article_lists(items: list[Classified]) -> dict[str, list[str]]:
    """Article-level lists: list items by list kind (outside causes), then sections with no
    list contribute their sub-headings or paragraphs."""
    by_raw = {id(item.raw): item for item in items}
    fields: dict[str, list[str]] = {f: [] for f in ARTICLE_LIST_FIELDS}
    covered: set[str] = set()
    inside = {id(item.raw) for item in items if _in_cause(item, by_raw)}
    for item in items:
        if id(item.raw) in inside:
            continue
        for lst, kind in zip(item.raw.lists, item.list_kinds, strict=True):
            target = kind if kind in fields else item.kind if item.kind in fields else None
            if target is None:
                continue
            if kind == "examples" and lst.lead_in:
                fields[target].append(f"{lst.lead_in} {', '.join(lst.items)}")
            else:
                fields[target].extend(lst.items)
            covered.add(target)
    for item in items:
        parent = by_raw.get(id(item.raw.parent)) if item.raw.parent is not None else None
        if (
            item.kind in fields
            and item.kind not in covered
            and id(item.raw) not in inside
            and (parent is None or parent.kind != item.kind)
        ):
            fields[item.kind].extend(_section_items(item))
    return {k: list(dict.fromkeys(v)) for k, v in fields.items()}


def _section_text(item: Classified) -> list[str]:
    """A section's text with its sub-sections, figure captions left out."""
    parts: list[str] = []
    for raw in _subtree(item.raw):
        if raw is not item.raw:
            parts.append(raw.heading)
        parts.extend(
            p if isinstance(p, str) else _list_as_text(p)
            for p in raw.content
            if not isinstance(p, Caption)
        )
    return parts


def extract_definition(items: list[Classified]) -> str:
    """The first definition section's text; else a lead paragraph shaped like a definition."""
    for item in items:
        if item.kind == "definition" and item.raw.heading:
            return "\n\n".join(_section_text(item))
    lead = items[0] if items and not items[0].raw.heading else None
    if lead is not None:
        for paragraph in lead.raw.paragraphs:
            if DEFINITION_SHAPE.match(paragraph):
                return paragraph
    return ""


def outline_text(items: list[Classified]) -> str:
    """The whole article as text: headings, paragraphs and "- item" lists, blank-line joined."""
    parts: list[str] = []
    for item in items:
        if item.raw.heading:
            parts.append(item.raw.heading)
        parts.extend(p if isinstance(p, str) else _list_as_text(p) for p in item.raw.content)
    return "\n\n".join(parts)


def lead_text(items: list[Classified]) -> str:
    if not items or items[0].raw.heading:
        return ""
    return "\n\n".join(
        p if isinstance(p, str) else _list_as_text(p)
        for p in items[0].raw.content
        if not isinstance(p, Caption)
    )
