"""Publishing to `output/`: one JSON file per article, the index, the JSON Lines file, the JSON
Schema and rejections. Every write is atomic (temp file + fsync + rename) and skipped when the
bytes on disk are already the same, so re-publishing an unchanged article changes nothing.

The index and JSON Lines file are rebuilt from the article files themselves, so after any crash
they agree with what is on disk at the next run. Files a run has just written come with their
entries (`Published`), used while the file keeps the size and time it was written with.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from extractors.urls import normalize_url
from flows.files import dumps, safe_path, write_atomic

if TYPE_CHECKING:
    from schemas import HealthArticle

ARTICLES = "articles"
REJECTED = "rejected"
SCHEMA_FILE = Path("schema") / "health-article.schema.json"
SCHEMA_MARKER = Path("state") / "schema.key"  # what the schema file was last written from


def read_json(path: Path) -> dict[str, Any] | None:
    # orjson: a tenth of json's time, which counts when a run's end re-reads every article.
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def publish_article(record: HealthArticle, out: Path, *, sync: bool = True) -> str:
    """Write one record; returns "new", "changed" or "unchanged" (the article's content as it
    was: nothing written, or only its address). A page that names another page as its
    canonical (a later page naming its article's first page) never replaces that page's own
    record: it leaves it, as unchanged. The same article reached from two addresses keeps the
    one that comes first in `_address_rank` (its canonical address, else the smallest),
    whichever batch publishes first: the record's `url` had been either address, from run to
    run. `sync=False`: the caller flushes a new or changed file to disk later
    (`flows.files.sync_files`); an address is set at once."""
    path = safe_path(out, ARTICLES, record.id)
    existing = read_json(path)
    if existing is not None:
        old_hash = (existing.get("provenance") or {}).get("content_hash")
        if old_hash == record.provenance.content_hash:
            old_url = str(existing.get("url", ""))
            if old_url == record.url or _address_rank(old_url, record) <= _address_rank(
                record.url, record
            ):
                return "unchanged"
            write_atomic(path, record_json(record))
            return "unchanged"
        canonical = normalize_url(record.canonical_url)
        if normalize_url(record.url) != canonical and (
            normalize_url(str(existing.get("url", ""))) == canonical
        ):
            return "unchanged"
    write_atomic(path, record_json(record), sync=sync)
    return "new" if existing is None else "changed"


def own_address(record: HealthArticle, out: Path) -> HealthArticle:
    """The record, or, when the record published under its id holds another article (its own
    title and text), the record under its own address: a page cloned from another kept that
    page's canonical, and the two articles had one id (the later one was lost, or replaced the
    first on every run). The page that is its canonical's own page keeps the id, and a record
    of another article found there moves to its own address."""
    path = safe_path(out, ARTICLES, record.id)
    existing = read_json(path)
    if existing is None or not _other_article(existing, record):
        return record
    if normalize_url(record.url) != normalize_url(record.canonical_url):
        return _readdressed(record)
    if normalize_url(str(existing.get("url", ""))) != normalize_url(record.canonical_url):
        from schemas import HealthArticle

        moved = _readdressed(HealthArticle.model_validate(existing))
        write_atomic(safe_path(out, ARTICLES, moved.id), record_json(moved))
    return record


def _other_article(existing: dict[str, Any], record: HealthArticle) -> bool:
    """The published record holds another article: other text, and neither title holds the
    other (a later page's "Title (page 2)" is the same article)."""
    if (existing.get("provenance") or {}).get("content_hash") == record.provenance.content_hash:
        return False
    from extractors.text import normalize_key  # its rules take a while to compile: workers only

    ours, theirs = normalize_key(record.title), normalize_key(str(existing.get("title", "")))
    return bool(ours and theirs) and ours not in theirs and theirs not in ours


def _readdressed(record: HealthArticle) -> HealthArticle:
    """The record under its own URL: id, canonical address and content hash."""
    from extractors.article import content_hash
    from extractors.urls import record_id

    own = normalize_url(record.url)
    moved = record.model_copy(update={"id": record_id(own), "canonical_url": own})
    provenance = moved.provenance.model_copy(update={"content_hash": content_hash(moved)})
    return moved.model_copy(update={"provenance": provenance})


def _address_rank(url: str, record: HealthArticle) -> tuple[bool, str]:
    """Which of an article's addresses its record keeps: its canonical one, else the smallest."""
    normal = normalize_url(url)
    return normal != normalize_url(record.canonical_url), normal


def withdraw_article(out: Path, record_id: str) -> bool:
    """Remove a published record (a page found to be part of another article); True when a
    file was removed."""
    try:
        safe_path(out, ARTICLES, record_id).unlink()
    except FileNotFoundError:
        return False
    return True


@dataclass(frozen=True)
class Published:
    """An article file written in this run, as the index needs it: its index entry and
    articles.jsonl line, with the file's size and modification time when written. The
    rebuild uses these instead of reading the file back while the file still has that size
    and time (no reader of its own output trusts memory over disk)."""

    name: str
    size: int
    mtime_ns: int
    entry: dict[str, Any]
    line: bytes
    """The UTF-8 bytes of its articles.jsonl line. Why bytes: the 1,000 lines of a crawl are
    about 25 MB, which as text were decoded in the worker, encoded and decoded again on their
    way to the run's process, and encoded once more to be written."""


def published(record: HealthArticle, out: Path) -> Published:
    """The index entry and line of a record just written by `publish_article`."""
    path = safe_path(out, ARTICLES, record.id)
    stat = path.stat()
    data = record.model_dump(mode="json")
    return Published(
        path.name, stat.st_size, stat.st_mtime_ns, _index_entry(data, path), _jsonl_line(data)
    )


def _jsonl_line(record: dict[str, Any]) -> bytes:
    # Compact, sorted keys, UTF-8: the bytes json.dumps(sort_keys=True, ensure_ascii=False,
    # separators=(",", ":")) gives, at a tenth of its time.
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS) + b"\n"


def record_json(record: HealthArticle) -> str:
    """A record as published: 2-space indented JSON in the schema's field order, UTF-8,
    trailing newline (serialised by pydantic's Rust core: fast and stable)."""
    return record.model_dump_json(indent=2) + "\n"


@dataclass(frozen=True)
class Rejection:
    """An article that failed, with why: `kind` is fetch, not_article, invalid or error."""

    url: str
    kind: str
    reason: str
    at: str


def rejection_name(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def write_rejection(out: Path, rejection: Rejection) -> bool:
    """Record a failure in `out/rejected/`; unchanged reasons are not rewritten."""
    path = safe_path(out, REJECTED, rejection_name(rejection.url))
    existing = read_json(path)
    if existing and (existing.get("url"), existing.get("kind"), existing.get("reason")) == (
        rejection.url,
        rejection.kind,
        rejection.reason,
    ):
        return False
    return write_atomic(path, dumps(rejection.__dict__))


def rejected_at(out: Path, url: str) -> str | None:
    """When `url` was first rejected with its current reason, or None when it is not."""
    found = read_json(safe_path(out, REJECTED, rejection_name(url)))
    return str(found.get("at", "")) if found is not None else None


def clear_rejection(out: Path, url: str) -> None:
    """Forget an earlier failure of `url` once it is published."""
    with contextlib.suppress(FileNotFoundError):
        safe_path(out, REJECTED, rejection_name(url)).unlink()


def _index_entry(record: dict[str, Any], path: Path) -> dict[str, Any]:
    provenance = record.get("provenance") or {}
    return {
        "id": record["id"],
        "url": record.get("canonical_url") or record.get("url"),
        "title": record.get("title", ""),
        "content_hash": provenance.get("content_hash", ""),
        "updated_at": provenance.get("extracted_at", ""),
        # Written from the name: `path` may be resolved while `out` is relative ("output").
        "path": f"{ARTICLES}/{path.name}",
    }


def recover(out: Path) -> dict[str, bool]:
    """Bring `out` back to a consistent state after a run that was killed: drop the temp files
    of interrupted writes and rebuild the index if the article files changed since the last
    rebuild. Cheap when nothing happened."""
    for folder in (out / ARTICLES, out / REJECTED, out / "state", out):
        if folder.is_dir():
            for leftover in folder.glob(".*.tmp"):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
    return rebuild_index(out) if (out / ARTICLES).is_dir() else {}


def _fingerprint(folder: Path) -> str:
    """A digest of the article files' names, sizes and modification times."""
    digest = hashlib.sha1()
    for entry in sorted(os.scandir(folder), key=lambda e: e.name) if folder.is_dir() else []:
        if entry.name.endswith(".json"):
            stat = entry.stat()
            digest.update(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def rebuild_index(out: Path, fresh: Iterable[Published] = ()) -> dict[str, bool]:
    """Rebuild index.json, articles.jsonl and the schema from the article files on disk, unless
    the article files are exactly as they were at the last rebuild. `fresh`: files this run
    wrote, whose entries need no reading back while the files are as written. Returns which
    files were rewritten."""
    folder = out / ARTICLES
    fingerprint = _fingerprint(folder)
    marker = out / "state" / "index.fingerprint"
    outputs = (out / "index.json", out / "articles.jsonl", out / SCHEMA_FILE)
    try:
        unchanged = marker.read_text(encoding="utf-8") == fingerprint
    except OSError:
        unchanged = False
    if unchanged and all(p.exists() for p in outputs):
        return {"index.json": False, "articles.jsonl": False, "schema": _write_schema(out)}
    written = _rebuild(out, folder, {p.name: p for p in fresh})
    write_atomic(marker, fingerprint)
    return written


def _schema_source_key() -> str:
    """What the JSON Schema is made from: the schemas package's source and pydantic's version
    (read without importing the package: building its models takes about 0.1 s)."""
    import importlib.util

    from pydantic.version import VERSION

    spec = importlib.util.find_spec("schemas")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    sources = sorted(p for folder in folders for p in Path(folder).glob("*.py"))
    if not sources:  # not installed as files: no key, so the schema is generated every run
        return os.urandom(16).hex()
    digest = hashlib.sha256(VERSION.encode())
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _schema_key(out: Path, source: str) -> str:
    """The schema marker's content: the schema's source key and the file's size and mtime."""
    stat = (out / SCHEMA_FILE).stat()
    return f"{source} {stat.st_size} {stat.st_mtime_ns}"


def _schema_current(out: Path, source: str) -> bool:
    """Whether the JSON Schema file and its marker are as at the last write from `source`."""
    try:
        return (out / SCHEMA_MARKER).read_text(encoding="utf-8") == _schema_key(out, source)
    except OSError:
        return False


@lru_cache(maxsize=1)
def _schema_text() -> str:
    from schemas import json_schema_text

    return json_schema_text()


def _write_schema(out: Path) -> bool:
    """Write the JSON Schema file if it differs; returns whether it was written. When the
    schema's source and the file are as at the last write, nothing is generated."""
    source = _schema_source_key()
    if _schema_current(out, source):
        return False
    written = write_atomic(out / SCHEMA_FILE, _schema_text())
    write_atomic(out / SCHEMA_MARKER, _schema_key(out, source))
    return written


def warm_schema(out: Path) -> None:
    """When the run's end will write the JSON Schema (a new output folder, changed models),
    build its text now in a background thread. Why: importing the models and building the
    schema take about 0.1 s, and this process waits, idle, while worker processes crawl."""
    if not _schema_current(out, _schema_source_key()):
        threading.Thread(target=_schema_text, name="warm-schema", daemon=True).start()


def _rebuild(out: Path, folder: Path, fresh: dict[str, Published]) -> dict[str, bool]:
    entries: list[dict[str, Any]] = []
    lines: list[bytes] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        known = fresh.get(path.name)
        if known is not None:
            try:
                stat = path.stat()
            except OSError:
                continue
            if (stat.st_size, stat.st_mtime_ns) == (known.size, known.mtime_ns):
                entries.append(known.entry)
                lines.append(known.line)
                continue
        record = read_json(path)
        if record is not None and "id" in record:
            entries.append(_index_entry(record, path))
            lines.append(_jsonl_line(record))
    index = {"schema_version": "1.0", "articles": entries}
    return {
        "index.json": write_atomic(out / "index.json", dumps(index)),
        "articles.jsonl": write_atomic(out / "articles.jsonl", b"".join(lines)),
        "schema": _write_schema(out),
    }
