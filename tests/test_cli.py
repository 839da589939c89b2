"""The `healthsift` command: outputs, exit codes, one-line errors, no Prefect on the one-off
path. Runs the installed console script in a subprocess, as users do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import serve_routes

BIN = Path(sys.executable).parent / "healthsift"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=120)


def test_extract_json(demo_base: str) -> None:
    result = run("extract", demo_base + "/nighttime-leg-cramps/")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"].startswith("Nighttime Leg Cramps")
    assert len(record["provenance"]["pages"]) == 3


def test_extract_jsonld_and_markdown_to_file(demo_base: str, tmp_path: Path) -> None:
    result = run("extract", demo_base + "/dry-eye/", "--format", "jsonld")
    data = json.loads(result.stdout)
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == "MedicalCondition"
    target = tmp_path / "out.md"
    result = run("extract", demo_base + "/dry-eye/", "--format", "markdown", "-o", str(target))
    assert result.returncode == 0
    assert result.stdout == ""
    assert target.read_text().startswith("# Dry Eye")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("extract", "ftp://example.com/x"), 2, "is not an http(s) URL"),
        (("extract",), 2, "the following arguments are required"),
        (("extract", "http://127.0.0.1:9/closed/", "--retries", "0"), 3, "could not fetch"),
        (("frobnicate",), 2, "invalid choice"),
    ],
)
def test_errors_are_one_line_with_exit_codes(
    args: tuple[str, ...], code: int, message: str
) -> None:
    result = run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_not_an_article_exit_4() -> None:
    routes = {
        "/doc.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7 binary"),
        "/empty/": (200, {}, b"<html><body><p>Nothing here.</p></body></html>"),
        "/gone/": (404, {}, b"<html>gone</html>"),
    }
    with serve_routes(routes) as base:
        pdf = run("extract", base + "/doc.pdf")
        empty = run("extract", base + "/empty/")
        gone = run("extract", base + "/gone/")
    assert (pdf.returncode, empty.returncode, gone.returncode) == (4, 4, 3)
    for result in (pdf, empty, gone):
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "application/pdf" in pdf.stderr
    assert "HTTP 404" in gone.stderr


def test_one_off_path_does_not_import_prefect(demo_base: str) -> None:
    code = (
        "import sys, flows.cli as c; rc = c.main(['extract', sys.argv[1], '-o', '/dev/null']); "
        "print(rc, 'prefect' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, demo_base + "/dry-eye/"], capture_output=True, text=True
    )
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_schema_command() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "HealthArticle"
    assert "causes" in schema["properties"]


def test_clean_command_on_a_file(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home page link</a></nav><article><p>"
        + "Hay fever makes the nose run and the eyes itch in spring. " * 4
        + "</p><p>ADVERTISEMENT</p></article></body></html>"
    )
    result = run("clean", str(page))
    assert result.returncode == 0
    assert "Hay fever" in result.stdout
    assert "ADVERTISEMENT" not in result.stdout
    assert "Home page link" not in result.stdout


def test_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"healthsift {version('healthsift')}"


def test_help_explains_commands() -> None:
    result = run("--help")
    for word in ("extract", "clean", "crawl", "serve", "demo", "schema", "exit codes"):
        assert word in result.stdout
    assert "--max-pages" in run("extract", "--help").stdout


def test_fork_server_starts_early_only_for_a_first_crawl_with_workers(tmp_path: Path) -> None:
    """`healthsift crawl` starts the worker fork server before importing the pipeline when the
    run will need workers: process runner, several workers, a source never crawled into --out."""
    from flows.cli import _first_crawl_with_workers
    from flows.sources import CrawlSettings, Source

    sources = [Source(name="Daily", sitemaps=["https://example.com/sitemap.xml"])]

    def decide(**given: object) -> bool:
        settings = CrawlSettings(workers=2, task_runner="process").model_copy(update=given)
        return _first_crawl_with_workers(settings, tmp_path, sources)

    assert decide()
    assert not decide(task_runner="thread")
    assert not decide(workers=1)
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "daily.json").write_text("{}")
    assert not decide()


def test_start_up_imports_run_with_the_collector_paused_then_frozen() -> None:
    """`_loading` pauses the cyclic collector for the start-up imports, then freezes what they
    made and turns the collector back on; a collector already off stays off."""
    import gc

    from flows.cli import _loading

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        with _loading():
            assert not gc.isenabled()
            made = [[] for _ in range(100)]  # tracked containers
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(made)
        gc.disable()
        with _loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_demo_into_a_relative_folder_publishes_every_article(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BIN), "demo", "--no-prefect", "--port", "0", "--out", "output"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    index = json.loads((tmp_path / "output" / "index.json").read_text())
    assert len(index["articles"]) == 6


def test_an_unreachable_prefect_api_is_a_one_line_error_that_says_what_to_do(
    tmp_path: Path,
) -> None:
    import os
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "x"\nsitemaps = ["http://127.0.0.1:9/sitemap.xml"]\n')
    env = dict(
        os.environ,
        PREFECT_API_URL=f"http://127.0.0.1:{port}/api",
        PREFECT_HOME=str(tmp_path / "prefect"),
        DO_NOT_TRACK="1",
    )
    result = subprocess.run(
        [str(BIN), "crawl", "--config", str(config), "--out", str(tmp_path / "out"), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "healthsift: error: Failed to reach API" in result.stderr
    assert "--no-prefect" in result.stderr
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("api_url", "given", "expected"),
    [
        ("http://127.0.0.1:4200/api", None, "bundled"),
        ("https://api.prefect.cloud/api/accounts/a/workspaces/w", None, None),
        (None, None, None),
        ("http://127.0.0.1:4200/api", "/etc/my-ca.pem", "/etc/my-ca.pem"),
    ],
)
def test_a_plain_http_prefect_api_gets_a_one_certificate_ca_file(
    monkeypatch: pytest.MonkeyPatch, api_url: str | None, given: str | None, expected: str | None
) -> None:
    """Prefect's API clients each load a CA bundle; over plain http none is used, and the CLI
    gives them a one-certificate file that loads at once. An https API, or a CA file already
    set, is left alone."""
    import ssl

    from flows.cli import _prefect_env

    environ = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    environ.update({"PREFECT_API_URL": api_url} if api_url else {})
    environ.update({"PREFECT_API_SSL_CERT_FILE": given} if given else {})
    monkeypatch.setattr(os, "environ", environ)  # _prefect_env sets more: none of it stays
    _prefect_env()
    found = os.environ.get("PREFECT_API_SSL_CERT_FILE")
    if expected == "bundled":
        assert found is not None
        assert found.endswith("plain_http_api_ca.pem")
        ssl.create_default_context(cafile=found)  # a valid CA file
    else:
        assert found == expected
