"""Fault injection over real HTTP (tests/faultserver.py): every fault of DESIGN.md "Bad input and
faults" through `healthsift extract` in a subprocess, and through a crawl run.

Whatever the server does, the CLI must end with the documented exit code, one `healthsift:
error:` line (or only warnings on success), no traceback, no hang and no partial output; a crawl
must finish, publish what is healthy, report and reject each failure with a reason, and leave only
complete, parseable JSON in the output folder.

The CLI runs are started all at once (a pool of subprocesses) by a module fixture; each test then
checks its own case, so the module stays fast while every fault has a test of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.faultserver import (
    ARTICLE_PAGES,
    BIG_SIZE,
    SJIS_PHRASE,
    FaultServer,
    RequestLog,
    serve_faults,
)

BIN = Path(sys.executable).parent / "healthsift"
HANG_SECONDS = 60  # a subprocess still running after this is a hang
FAST = ("--timeout", "2", "--retries", "1")
SIZE_LIMIT = "8000000"
MAX_RSS_MB = 400  # a CLI run takes ~50 MB; inflating the 1 GiB bomb or buffering /big would not fit
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@dataclass(frozen=True)
class Case:
    """One `healthsift extract` run against one fault and what must come out of it."""

    id: str
    path: str
    args: tuple[str, ...] = ()
    code: int = 0
    message: tuple[str, ...] = ()
    """Substrings of the error line (code != 0)."""
    pages: int | None = None
    """Pages in the record's provenance (code == 0)."""
    warning: str = ""
    """Substring of a `healthsift: warning:` line and of record.warnings (code == 0)."""
    text: tuple[str, ...] = ()
    """Substrings of the record's text (code == 0)."""
    any_warnings: bool = False
    """Accept warnings in the record (otherwise none but `warning` are expected)."""
    max_seconds: float = 30.0
    check: Callable[[Run, FaultServer], None] | None = None
    """Extra checks (server log, record details)."""


@dataclass
class Run:
    case: Case
    url: str
    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    hung: bool = False
    max_rss_mb: float = 0.0
    record: dict[str, Any] = field(default_factory=dict)


# ------------------------------------------------------------------------------ extra checks


def requests_to(server: FaultServer, path: str) -> list[float]:
    return [r.at for r in server.log.requests if r.path == path]


def tried_twice(path: str) -> Callable[[Run, FaultServer], None]:
    """`--retries 1`: the first attempt and exactly one retry reached the server."""

    def check(run: Run, server: FaultServer) -> None:
        assert len(requests_to(server, path)) == 2, server.log.paths()

    return check


def waited(path: str, at_least: float) -> Callable[[Run, FaultServer], None]:
    """The 429 was answered once and the retry came after Retry-After."""

    def check(run: Run, server: FaultServer) -> None:
        times = requests_to(server, path)
        assert len(times) == 2, times
        assert times[1] - times[0] >= at_least, f"retried after {times[1] - times[0]:.2f}s"

    return check


def asked_once(path: str) -> Callable[[Run, FaultServer], None]:
    def check(run: Run, server: FaultServer) -> None:
        assert len(requests_to(server, path)) == 1

    return check


def never_asked(path: str) -> Callable[[Run, FaultServer], None]:
    def check(run: Run, server: FaultServer) -> None:
        assert path not in server.log.paths()

    return check


def pages_on_start_host(run: Run, server: FaultServer) -> None:
    hosts = {urlsplit(p["final_url"]).netloc for p in run.record["provenance"]["pages"]}
    assert hosts == {urlsplit(run.url).netloc}, hosts


def stopped_reading(path: str) -> Callable[[Run, FaultServer], None]:
    """The client hung up long before the 50 MB were sent."""

    def check(run: Run, server: FaultServer) -> None:
        deadline = time.monotonic() + 5  # the handler notices the hang-up on its next write
        while path not in server.body_bytes_sent and time.monotonic() < deadline:
            time.sleep(0.05)
        sent = server.body_bytes_sent.get(path)
        assert sent is not None, server.body_bytes_sent
        assert sent < BIG_SIZE // 2, (sent, BIG_SIZE)

    return check


def cp1252_decoded(run: Run, server: FaultServer) -> None:
    assert "\ufffd" not in run.record["text"], "replacement characters in the text"
    assert "Ã" not in run.record["text"], "mojibake (cp1252 read as UTF-8 or twice)"


# ------------------------------------------------------------------------------ the cases


CASES: list[Any] = [
    # healthy
    Case("ok", "/ok/", pages=3, text=("singultus", "Cutting down on alcohol")),
    # 5xx, 4xx
    Case("status-500", "/status/500", FAST, 3, ("HTTP 500",), check=tried_twice("/status/500")),
    Case("status-502", "/status/502", FAST, 3, ("HTTP 502",), check=tried_twice("/status/502")),
    Case("status-503", "/status/503", FAST, 3, ("HTTP 503",), check=tried_twice("/status/503")),
    Case("status-404", "/status/404", FAST, 3, ("HTTP 404",), check=asked_once("/status/404")),
    Case("status-410", "/status/410", FAST, 3, ("HTTP 410",), check=asked_once("/status/410")),
    # transient 503, then healthy
    Case("flaky-then-ok", "/flaky/cli1/1/", FAST, pages=3, check=tried_twice("/flaky/cli1/1/")),
    Case("flaky-too-long", "/flaky/cli2/5/", FAST, 3, ("HTTP 503",)),
    # 429 with Retry-After
    Case(
        "429-seconds",
        "/429/seconds",
        FAST,
        pages=3,
        check=waited("/429/seconds", 0.9),
    ),
    Case("429-date", "/429/date", FAST, pages=3, check=waited("/429/date", 0.3)),
    Case(
        "429-long",
        "/429/long",
        FAST,
        3,
        ("HTTP 429", "Retry-After 3600s exceeds"),
        max_seconds=15,
        check=asked_once("/429/long"),
    ),
    # timeouts, slow bodies, broken connections
    Case("stall-headers", "/stall/headers", FAST, 3, ("timed out",), max_seconds=20),
    Case("stall-body", "/stall/body", FAST, 3, ("timed out",), max_seconds=20),
    Case(
        "drip-body",
        "/drip",
        ("--timeout", "1", "--retries", "1"),
        3,
        ("too slowly",),
        max_seconds=12,
        check=asked_once("/drip"),
    ),
    Case("reset-body", "/reset/body", FAST, 3, ("reset",), check=tried_twice("/reset/body")),
    Case("short-body", "/short", FAST, 3, ("mid-response",), check=tried_twice("/short")),
    Case("not-http", "/garbage", FAST, 3, ("illegal status line",)),
    Case("huge-header", "/headers/huge", FAST, 3, ("could not fetch",)),
    # redirects
    Case("redirect-loop", "/redirect/loop", FAST, 3, ("redirect loop",)),
    Case("redirect-chain", "/redirect/chain/0", FAST, 3, ("more than 10 redirects",)),
    Case("redirect-ftp", "/redirect/scheme", FAST, 3, ("only http and https",)),
    # pagination
    Case(
        "endless",
        "/endless/1",
        ("--max-pages", "5", *FAST),
        pages=5,
        warning="page cap of 5",
        text=("Week 1 of", "Week 5 of"),
        check=never_asked("/endless/6"),
    ),
    Case(
        "cycle",
        "/cycle/1",
        FAST,
        pages=3,
        warning="leads back to an earlier page",
    ),
    Case(
        "other-host",
        "/otherhost/1",
        FAST,
        pages=1,
        check=never_asked("/otherhost/2"),
    ),
    Case(
        "other-host-by-redirect",
        "/hostredirect/",
        FAST,
        any_warnings=True,
        check=pages_on_start_host,
    ),
    Case(
        "page-2-fails",
        "/pagefail/",
        FAST,
        3,
        ("page 2", "HTTP 500"),
    ),
    # size caps
    Case("big", "/big", FAST, 3, (SIZE_LIMIT,), max_seconds=15, check=stopped_reading("/big")),
    Case(
        "big-no-length",
        "/big/nolength",
        FAST,
        3,
        (SIZE_LIMIT,),
        max_seconds=15,
        check=stopped_reading("/big/nolength"),
    ),
    Case(
        "big-chunked",
        "/big/chunked",
        FAST,
        3,
        (SIZE_LIMIT,),
        max_seconds=15,
        check=stopped_reading("/big/chunked"),
    ),
    Case("gzip-bomb", "/gzipbomb", FAST, 3, (SIZE_LIMIT,), max_seconds=15),
    Case("gzip-garbage", "/gzip/garbage", FAST, 3, ("not valid compressed data",)),
    Case("encoding-br", "/encoding/br", FAST, 3, ("unsupported content encoding",)),
    # not an article
    Case("pdf", "/pdf", FAST, 4, ("application/pdf",)),
    Case("png", "/image.png", FAST, 4, ("image/png",)),
    Case("json", "/json", FAST, 4, ("application/json",)),
    Case("empty", "/empty", FAST, 4, ("0 characters",)),
    # charsets, broken markup
    Case(
        "charset-cp1252-labelled-utf8",
        "/charset/cp1252",
        FAST,
        text=("café", "“sleep pressure”", "That’s why", "résumé"),
        check=cp1252_decoded,
    ),
    Case(
        "charset-missing",
        "/charset/none",
        FAST,
        text=("café", "“the dose makes the poison”"),
        check=cp1252_decoded,
    ),
    Case("charset-sjis-meta-only", "/charset/sjis", FAST, text=(SJIS_PHRASE, "睡眠不足のサイン")),
    Case(
        "malformed",
        "/malformed",
        FAST,
        pages=1,
        text=("immune system overreacts to pollen", "Tiredness from poor sleep", "asthma"),
    ),
    Case("deep-nesting", "/deep", FAST, pages=1, text=("singultus", "fit of laughter")),
]


def _case_of(param: Any) -> Case:
    case = param.values[0] if hasattr(param, "values") else param
    assert isinstance(case, Case)
    return case


def _run_one(case: Case, base: str, env: dict[str, str]) -> Run:
    """Run `healthsift extract` on the case's URL; a watchdog kills it after HANG_SECONDS.
    Waits with os.wait4 to get the child's own peak memory."""
    url = base + case.path
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(BIN), "extract", url, *case.args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    watchdog = threading.Timer(HANG_SECONDS, kill)
    watchdog.start()
    outputs: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=n, f=f: outputs.__setitem__(n, f.read()))
        for n, f in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    watchdog.cancel()
    for reader in readers:
        reader.join()
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    hung = killed.is_set()
    run = Run(
        case,
        url,
        None if hung else proc.returncode,
        outputs["out"].decode("utf-8", "replace"),
        outputs["err"].decode("utf-8", "replace"),
        time.monotonic() - started,
        hung=hung,
        max_rss_mb=usage.ru_maxrss / 1024,
    )
    if proc.returncode == 0:
        try:
            run.record = json.loads(run.stdout)
        except ValueError:
            run.record = {}
    return run


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


@pytest.fixture(scope="module")
def fault_server() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server
    assert server.errors == [], server.errors


@pytest.fixture(scope="module")
def cli_runs(fault_server: FaultServer) -> dict[str, Run]:
    """Every case's subprocess, run concurrently (the slow ones first)."""
    cases = sorted((_case_of(p) for p in CASES), key=lambda c: -c.max_seconds)
    env = clean_env()
    with ThreadPoolExecutor(max_workers=12) as pool:
        runs = list(pool.map(lambda c: _run_one(c, fault_server.base, env), cases))
    return {run.case.id: run for run in runs}


def assert_clean_exit(run: Run) -> None:
    """The CLI contract, whatever the fault: no hang, no traceback, the right exit code, one
    error line (or only warnings), and nothing on stdout when it failed."""
    case = run.case
    assert not run.hung, f"{run.url} still running after {HANG_SECONDS}s: {run.stderr!r}"
    assert "Traceback" not in run.stderr, run.stderr
    assert "internal error" not in run.stderr, run.stderr
    assert run.returncode == case.code, (run.returncode, run.stderr)
    lines = run.stderr.splitlines()
    if case.code == 0:
        assert all(line.startswith("healthsift: warning: ") for line in lines), lines
        assert run.record, "stdout is not a JSON record"
    else:
        assert len(lines) == 1, lines
        assert lines[0].startswith("healthsift: error: "), lines
        assert run.stdout == "", "partial output on stdout"
        for part in case.message:
            assert part in lines[0], (part, lines[0])
    assert run.seconds < case.max_seconds, f"took {run.seconds:.1f}s"
    assert run.max_rss_mb < MAX_RSS_MB, f"peak memory {run.max_rss_mb:.0f} MB"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id if isinstance(c, Case) else None)
def test_extract_fault(case: Case, cli_runs: dict[str, Run], fault_server: FaultServer) -> None:
    run = cli_runs[case.id]
    assert_clean_exit(run)
    if case.code == 0:
        record = run.record
        pages = record["provenance"]["pages"]
        if case.pages is not None:
            assert len(pages) == case.pages, [p["final_url"] for p in pages]
        if case.warning:
            assert any(case.warning in w for w in record["warnings"]), record["warnings"]
            assert case.warning in run.stderr
        elif not case.any_warnings:
            assert record["warnings"] == [], record["warnings"]
        for part in case.text:
            assert part in record["text"], (part, record["text"][:500])
    if case.check is not None:
        case.check(run, fault_server)


# ------------------------------------------------------------------------------ CLI extras


def test_failed_extract_writes_no_output_file(fault_server: FaultServer, tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    failed = subprocess.run(
        [str(BIN), "extract", fault_server.url("/short"), *FAST, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        env=clean_env(),
    )
    assert failed.returncode == 3, failed.stderr
    assert list(tmp_path.iterdir()) == [], "a failed extract left a file behind"
    done = subprocess.run(
        [str(BIN), "extract", fault_server.url("/ok/"), *FAST, "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        env=clean_env(),
    )
    assert done.returncode == 0, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"], "temp files left behind"
    assert len(json.loads(target.read_text(encoding="utf-8"))["provenance"]["pages"]) == 3


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--timeout", "0"), id="timeout-0"),
        pytest.param(("--max-pages", "0"), id="max-pages-0"),
        pytest.param(("--timeout", "nan"), id="timeout-nan"),
    ],
)
def test_bad_limits_are_usage_errors(args: tuple[str, ...], fault_server: FaultServer) -> None:
    done = subprocess.run(
        [str(BIN), "extract", fault_server.url("/ok/"), *args],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        env=clean_env(),
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_page_2_not_html_ends_the_article_there(fault_server: FaultServer) -> None:
    """Page 1 is a good article, page 2 a PDF: the article ends at page 1, with a warning that
    names the type (only a first page that is not HTML makes a page "not an article")."""
    run = _run_one(Case("pdf-page-2", "/pdfpage2/", FAST), fault_server.base, clean_env())
    assert not run.hung
    assert "Traceback" not in run.stderr
    assert run.returncode == 0, run.stderr
    record = json.loads(run.stdout)
    assert len(record["provenance"]["pages"]) == 1
    assert record["warnings"] == ["page 2 is application/pdf, not an HTML page; stopped"]
    lines = run.stderr.splitlines()
    assert lines == ["healthsift: warning: page 2 is application/pdf, not an HTML page; stopped"]


# ------------------------------------------------------------------------------ the server


def test_fault_server_article_is_healthy() -> None:
    """The healthy article: three pages of > 600 characters of text, linked by Next page."""
    import http.client
    import re

    log = RequestLog()
    with serve_faults(log) as base:
        port = urlsplit(base).port
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        bodies = []
        for path in ("/ok/", "/ok/2/", "/ok/3/"):  # one keep-alive connection
            conn.request("GET", path)
            response = conn.getresponse()
            assert response.status == 200
            bodies.append(response.read().decode("utf-8"))
        conn.close()
    assert log.paths() == ["/ok/", "/ok/2/", "/ok/3/"]
    for number, (body, fragment) in enumerate(zip(bodies, ARTICLE_PAGES, strict=True), 1):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()
        assert len(text) > 600, (number, len(text))
        if number < 3:
            assert f'href="/ok/{number + 1}/"' in body
            assert "Next page" in body
        else:
            assert "Next page" not in body


# ------------------------------------------------------------------------------ the crawl

# Permanent faults fail on both runs; the flaky ones fail on the first (four attempts: the
# first and 3 retries, all 503) and are healthy on the second.
PERMANENT = {
    "/status/500": "fetch",
    "/status/404": "fetch",
    "/redirect/loop": "fetch",
    "/pdf": "not_article",
    "/empty": "not_article",
    "/big": "fetch",
    "/gzipbomb": "fetch",
    "/short": "fetch",
    "/reset/body": "fetch",
    "/429/long": "fetch",
    "/stall/headers": "fetch",
    "/private/secret/": "robots",
}
FLAKY = ("/flaky/crawla/4/", "/flaky/crawlb/6/")
HEALTHY = ("/ok/", "/cycle/1", "/endless/1", "/otherhost/1", "/charset/cp1252")


def _json_files_parse(out: Path) -> None:
    for path in out.rglob("*"):
        if path.is_dir():
            continue
        assert not path.name.startswith("."), f"temp file left: {path}"
        assert not path.name.endswith((".tmp", ".part", ".partial")), f"partial file: {path}"
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                json.loads(line)


def _rejected(out: Path) -> dict[str, dict[str, str]]:
    found = {}
    for path in (out / "rejected").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["url"]] = data
    return found


def test_crawl_survives_every_fault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.runner import run_crawl
    from flows.sources import CrawlSettings, Source

    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "output"
    with FaultServer() as server:
        server.robots_enabled = True
        urls = [server.url(p) for p in (*HEALTHY, *FLAKY, *PERMANENT)]
        # One batch, every article at once: the run lasts as long as its slowest fault.
        settings = CrawlSettings(workers=1, task_runner="thread", batch_size=len(urls))
        source = Source(
            name="faults",
            articles=urls,
            requests_per_second=0,
            respect_robots=True,
            max_pages=5,
            concurrency=len(urls),
            timeout=2.0,  # keeps the stalled request's four attempts short
        )
        started = time.monotonic()
        first = run_crawl([source], out, use_prefect=False, settings=settings)[0]
        first_seconds = time.monotonic() - started
        _json_files_parse(out)
        rejected_first = _rejected(out)
        published_first = sorted(p.name for p in (out / "articles").glob("*.json"))
        index_first = json.loads((out / "index.json").read_text(encoding="utf-8"))

        started = time.monotonic()
        second = run_crawl([source], out, use_prefect=False, settings=settings)[0]
        second_seconds = time.monotonic() - started
    assert server.errors == []

    # first run: healthy published, every fault reported with a reason and rejected
    assert first.counts == {"new": len(HEALTHY), "failed": len(FLAKY) + len(PERMANENT)}
    failures = {f["url"]: f for f in first.failures}
    expected_kinds = {**{p: "fetch" for p in FLAKY}, **PERMANENT}
    assert set(failures) == {server.url(p) for p in expected_kinds}
    for path, kind in expected_kinds.items():
        failure = failures[server.url(path)]
        assert failure["kind"] == kind, failure
        assert failure["reason"].strip(), failure
    assert SIZE_LIMIT in failures[server.url("/big")]["reason"]
    assert SIZE_LIMIT in failures[server.url("/gzipbomb")]["reason"]
    assert "timed out" in failures[server.url("/stall/headers")]["reason"]
    assert failures[server.url("/flaky/crawla/4/")]["reason"] == "HTTP 503"
    assert set(rejected_first) == set(failures)
    for url, data in rejected_first.items():
        assert (data["kind"], data["reason"]) == (failures[url]["kind"], failures[url]["reason"])
    assert len(published_first) == len(HEALTHY)
    assert len(index_first["articles"]) == len(HEALTHY)
    assert first_seconds < 40, f"first run took {first_seconds:.1f}s"

    # second run: nothing reset; the flaky ones are healthy now and get published
    assert second.counts == {
        "unchanged": len(HEALTHY),
        "new": len(FLAKY),
        "failed": len(PERMANENT),
    }
    assert {f["url"] for f in second.failures} == {server.url(p) for p in PERMANENT}
    rejected_second = _rejected(out)
    assert set(rejected_second) == {server.url(p) for p in PERMANENT}, "flaky rejections stay"
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["articles"]) == len(HEALTHY) + len(FLAKY)
    flaky_records = [
        json.loads(p.read_text(encoding="utf-8")) for p in (out / "articles").glob("*flaky*.json")
    ]
    assert sorted(r["url"] for r in flaky_records) == sorted(server.url(p) for p in FLAKY)
    assert all(len(r["provenance"]["pages"]) == 3 for r in flaky_records)
    _json_files_parse(out)
    assert second_seconds < 40, f"second run took {second_seconds:.1f}s"
