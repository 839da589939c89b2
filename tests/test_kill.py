"""A crawl killed with SIGKILL in the middle of publishing leaves no corrupt file, an index
that never points at a missing or different file, and a next run that brings the index and
the files back into full agreement."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from demo.site import DemoSite
from demo.source import numbered_copies
from schemas import HealthArticle
from tests.support import serve_routes, site_routes

BIN = Path(sys.executable).parent / "healthsift"


def check_consistent_files(out: Path) -> None:
    for path in out.rglob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))  # no partial file
        if path.parent.name == "articles":
            HealthArticle.model_validate(data)  # every record valid
    index_path = out / "index.json"
    if index_path.exists():
        for entry in json.loads(index_path.read_text())["articles"]:
            record = json.loads((out / entry["path"]).read_text())
            assert record["provenance"]["content_hash"] == entry["content_hash"]


def test_sigkill_mid_publishing(tmp_path: Path) -> None:
    site = DemoSite.from_articles(numbered_copies(120))
    out = tmp_path / "out"
    with serve_routes(site_routes(site)) as base:
        config = tmp_path / "sources.toml"
        config.write_text(
            f'[crawl]\nworkers = 1\ntask_runner = "thread"\n\n[[sources]]\nname = "kill"\n'
            f'sitemaps = ["{base}/sitemap.xml"]\nrequests_per_second = 0\n'
            f"respect_robots = false\nmax_articles = 120\nconcurrency = 4\n"
        )
        command = [
            str(BIN),
            "crawl",
            "--no-prefect",
            "--quiet",
            "--config",
            str(config),
            "--out",
            str(out),
        ]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        seen = 0
        while time.monotonic() < deadline and process.poll() is None:
            folder = out / "articles"
            seen = len(list(folder.glob("*.json"))) if folder.is_dir() else 0
            if seen >= 10:
                break
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        killed_with = len(list((out / "articles").glob("*.json")))
        assert 10 <= killed_with < 120, f"killed in the middle of publishing ({seen} seen)"
        check_consistent_files(out)

        finished = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert finished.returncode == 0, finished.stderr
    check_consistent_files(out)
    files = sorted(p.name for p in (out / "articles").glob("*.json"))
    indexed = sorted(
        Path(e["path"]).name for e in json.loads((out / "index.json").read_text())["articles"]
    )
    assert files == indexed
    assert len(files) == 120
    assert not list(out.rglob(".*.tmp"))
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert len(lines) == 120
