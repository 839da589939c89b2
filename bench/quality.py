"""Cleanup quality on a dataset in the layout of the Zyte article-extraction benchmark
(`html/<id>.html.gz` + `ground-truth.json`): the 4-word-shingle metric and timed runs of
healthsift, trafilatura and readability-lxml. Imported by `bench/extract_quality.py` and by the
quality-gate test."""

from __future__ import annotations

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


def _timed(extract: Extractor, page: Page) -> tuple[float, str, str | None]:
    """(milliseconds, text, error) of one call; a tool failing on a page scores zero there."""
    started = time.perf_counter()
    try:
        text, error = extract(page.html, page.url), None
    except Exception as exc:
        text, error = "", f"{type(exc).__name__}: {exc}"
    return (time.perf_counter() - started) * 1000, text, error


def run_tools(
    tools: dict[str, Extractor], pages: list[Page], repeat: int = 1, interleave: bool = False
) -> tuple[dict[str, ToolResult], dict[str, str]]:
    """Run the tools over every page; timing covers parsing and extraction only, and each
    page's time is the fastest of `repeat` calls. By default each tool runs over all pages in
    turn, as a crawler would run it (its code and data warm), and `repeat` runs alternate the
    tools, so a change in the machine's load falls on each of them. `interleave` runs every
    tool on a page before the next page instead: each call then starts with caches the other
    tools have just used. Returns the results and, apart, the tools that are not installed
    (name -> the ImportError)."""
    results: dict[str, ToolResult] = {}
    missing: dict[str, str] = {}
    for name, extract in tools.items():
        if pages:  # one untimed call first: imports and lazy set-up are not per-page work
            try:
                extract(pages[0].html, pages[0].url)
            except ImportError as exc:
                missing[name] = str(exc)
                continue
            except Exception:  # a tool that raises is scored below, per page
                pass
        results[name] = ToolResult(name, millis=[float("inf")] * len(pages))
    if interleave:
        order = [
            (r, i, n) for r in range(max(1, repeat)) for i in range(len(pages)) for n in results
        ]
    else:
        order = [
            (r, i, n) for r in range(max(1, repeat)) for n in results for i in range(len(pages))
        ]
    texts: dict[tuple[str, int], str] = {}
    for attempt, index, name in order:
        result = results[name]
        millis, text, error = _timed(tools[name], pages[index])
        result.millis[index] = min(result.millis[index], millis)
        if attempt == 0:
            texts[name, index] = text
            if error is not None:
                result.errors[pages[index].id] = error
    for name, result in results.items():
        precisions, recalls = [], []
        for index, page in enumerate(pages):
            p, r = page_scores(page.truth, texts[name, index])
            result.per_page[page.id] = (p, r)
            if p is not None:
                precisions.append(p)
            if r is not None:
                recalls.append(r)
        result.precision = sum(precisions) / len(precisions) if precisions else 0.0
        result.recall = sum(recalls) / len(recalls) if recalls else 0.0
    return results, missing


def run_tool(name: str, extract: Extractor, pages: list[Page]) -> ToolResult:
    """Run one tool over every page (see run_tools)."""
    results, missing = run_tools({name: extract}, pages)
    if name in missing:
        raise ImportError(missing[name])
    return results[name]


def read_floor(dataset: str) -> float:
    data = json.loads(BASELINE.read_text(encoding="utf-8"))
    return float(data[dataset]["f1_floor"])


def write_floor(dataset: str, floor: float) -> None:
    data = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    data.setdefault(dataset, {})["f1_floor"] = round(floor, 4)
    BASELINE.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
