"""Cleanup quality on a dataset in the layout of the Zyte article-extraction benchmark
(`html/<id>.html.gz` + `ground-truth.json`): the 4-word-shingle metric and timed runs of
healthsift, trafilatura and readability-lxml. Imported by `bench/extract_quality.py` and by the
quality-gate test."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"\w+")
BASELINE = Path(__file__).parent / "baseline.json"
# Where the evaluation data sits next to a checkout; HEALTHSIFT_EVAL_DIR overrides it.
DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def eval_dir(name: str) -> Path:
    """The folder of evaluation dataset `name` (it may not exist)."""
    import os

    root = Path(os.environ.get("HEALTHSIFT_EVAL_DIR", DEFAULT_EVAL))
    return root / name


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-word shingles of `\\w+` tokens (fewer than n tokens: one short shingle)."""
    tokens = WORD.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(truth: str, predicted: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page (None where undefined), as the benchmark defines them."""
    want, got = shingles(truth), shingles(predicted)
    hits = sum((want & got).values())
    false_pos = sum(got.values()) - hits
    false_neg = sum(want.values()) - hits
    precision = None if hits + false_pos == 0 else hits / (hits + false_pos)
    recall = None if hits + false_neg == 0 else hits / (hits + false_neg)
    if false_pos == 0 and false_neg == 0:
        precision = recall = 1.0
    return precision, recall


@dataclass
class ToolResult:
    """Scores and timings of one tool over a dataset."""

    name: str
    precision: float = 0.0
    recall: float = 0.0
    millis: list[float] = field(default_factory=list)
    per_page: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.millis) if self.millis else 0.0

    @property
    def p95_ms(self) -> float:
        if not self.millis:
            return 0.0
        ordered = sorted(self.millis)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    html: bytes
    truth: str


def load_dataset(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in truth.items():
        path = folder / "html" / f"{key}.html.gz"
        pages.append(
            Page(
                key,
                entry.get("url", ""),
                gzip.decompress(path.read_bytes()),
                entry.get("articleBody", ""),
            )
        )
    return pages


Extractor = Callable[[bytes, str], str]


def healthsift_extract(html: bytes, url: str) -> str:
    """`clean_html(html)`: the same input trafilatura gets (HTML only, no URL, so next-page
    detection, which resolves links against the URL, is not part of the timing)."""
    from extractors import clean_html

    return clean_html(html).text


def trafilatura_extract(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html.decode("utf-8", "replace")) or ""


def readability_extract(html: bytes, url: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html.decode("utf-8", "replace")).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content() if summary.strip() else ""


TOOLS: dict[str, Extractor] = {
    "healthsift": healthsift_extract,
    "trafilatura": trafilatura_extract,
    "readability-lxml": readability_extract,
}


def run_tool(name: str, extract: Extractor, pages: list[Page]) -> ToolResult:
    """Run one tool over every page; timing covers parsing and extraction only."""
    result = ToolResult(name)
    precisions, recalls = [], []
    if pages:  # one untimed call first: imports and lazy set-up are not per-page work
        with contextlib.suppress(Exception):  # a tool that raises is scored below, per page
            extract(pages[0].html, pages[0].url)
    for page in pages:
        started = time.perf_counter()
        try:
            text = extract(page.html, page.url)
        except Exception as exc:  # a tool failing on a page scores zero there
            text = ""
            result.errors[page.id] = f"{type(exc).__name__}: {exc}"
        result.millis.append((time.perf_counter() - started) * 1000)
        p, r = page_scores(page.truth, text)
        result.per_page[page.id] = (p, r)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    result.precision = sum(precisions) / len(precisions) if precisions else 0.0
    result.recall = sum(recalls) / len(recalls) if recalls else 0.0
    return result


def read_floor(dataset: str) -> float:
    data = json.loads(BASELINE.read_text(encoding="utf-8"))
    return float(data[dataset]["f1_floor"])


def write_floor(dataset: str, floor: float) -> None:
    data = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    data.setdefault(dataset, {})["f1_floor"] = round(floor, 4)
    BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
