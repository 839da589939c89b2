"""Compare extracted records with the expected outline of their article sources: section-kind
accuracy, boundary accuracy (text landing in the right section) and the kind confusion table.
Used by `bench/sections.py` and the tests."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from demo.source import Article, expected_sections
from schemas import HealthArticle

_WORDS = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


@dataclass
class Score:
    """Counts summed over articles."""

    sections: int = 0
    kinds_right: int = 0
    units: int = 0
    units_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.sections if self.sections else 0.0

    @property
    def boundary_accuracy(self) -> float:
        return self.units_right / self.units if self.units else 0.0

    def add(self, other: Score) -> None:
        self.sections += other.sections
        self.kinds_right += other.kinds_right
        self.units += other.units
        self.units_right += other.units_right
        self.confusion.update(other.confusion)
        self.misses.extend(other.misses)


def score_article(article: Article, record: HealthArticle) -> Score:
    """Kind and boundary agreement of one record with its source."""
    score = Score()
    expected = expected_sections(article)
    got = record.sections
    by_heading: dict[str, list[int]] = {}
    for index, section in enumerate(got):
        by_heading.setdefault(_key(section.heading), []).append(index)
    owner: dict[str, int] = {}
    for index, section in enumerate(got):
        for paragraph in section.paragraphs:
            owner.setdefault(_key(paragraph), index)
        for lst in section.lists:
            if lst.lead_in:
                owner.setdefault(_key(lst.lead_in), index)
            for item in lst.items:
                owner.setdefault(_key(item), index)
    used: set[int] = set()
    for want in expected:
        candidates = [i for i in by_heading.get(_key(want.heading), []) if i not in used]
        match = candidates[0] if candidates else None
        if match is not None:
            used.add(match)
        if want.heading:
            score.sections += 1
            kind = got[match].kind if match is not None else "(missing)"
            score.confusion[(want.kind, kind)] += 1
            if kind == want.kind:
                score.kinds_right += 1
            else:
                score.misses.append(f"{article.slug}: {want.heading!r} want {want.kind} got {kind}")
        units = [*want.paragraphs]
        for lst in want.lists:
            units += ([lst.lead_in] if lst.lead_in else []) + list(lst.items)
        for unit in units:
            score.units += 1
            if match is not None and owner.get(_key(unit)) == match:
                score.units_right += 1
            else:
                where = owner.get(_key(unit))
                got_heading = got[where].heading if where is not None else "(nowhere)"
                score.misses.append(
                    f"{article.slug}: text {unit[:50]!r} in {got_heading!r}, want {want.heading!r}"
                )
    return score


def confusion_table(confusion: Counter[tuple[str, str]]) -> str:
    """Expected kinds as rows, extracted kinds as columns."""
    rows = sorted({w for w, _ in confusion})
    cols = sorted({g for _, g in confusion})
    width = max(len(c) for c in [*rows, *cols, "expected"]) + 1
    lines = ["expected".ljust(width) + "".join(c[:9].rjust(10) for c in cols)]
    for row in rows:
        cells = "".join(str(confusion.get((row, c), "") or ".").rjust(10) for c in cols)
        lines.append(row.ljust(width) + cells)
    return "\n".join(lines)
