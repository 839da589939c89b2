"""Crawl benchmark: 1,000 generated articles of 3 pages each, served on 127.0.0.1 by a fast
asyncio server (bench/fastserver.py, its own process), crawled twice by `healthsift crawl` with
politeness off.

Prints, in one run: the wall time of a bare async httpx fetch of the same 3,000 URLs at the same
total concurrency; the start-up of a Prefect server (started apart, so it is not in the crawl
times); the first crawl and its ratio to the bare fetch; the second crawl over the unchanged
site, its ratio to the first and the files it rewrote; how much of a crawl is the command's
start-up (a Python process importing the CLI and Prefect's engines as `healthsift crawl` does,
timed apart, the best of three); and the peak memory (RSS high-water mark) of the crawling
process and of its largest worker.

The site's sitemap gives each article a lastmod, as sites' sitemap plugins do, so the second
crawl sends no article request; `--no-lastmod` sets trust_lastmod = false, and the second crawl
then sends one conditional request per article.

The working folder (site, output, Prefect home) is removed at the end; `--keep` keeps it and
prints where it is.

usage: python bench/crawl.py [--articles N] [--workers N] [--concurrency N] [--no-prefect]
                             [--no-lastmod] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from demo.site import DemoSite  # noqa: E402
from demo.source import Article, Heading, numbered_copies  # noqa: E402

SITE_PORT = 8791
PREFECT_PORT = 4297


def generated_articles(count: int) -> list[Article]:
    """`count` articles made from the demo sources: each one re-titled and cut in 3 pages."""
    articles = []
    for base in numbered_copies(count):
        blocks = [b for page in base.pages for b in page]
        cuts = [len(blocks) // 3, 2 * len(blocks) // 3]
        while isinstance(blocks[cuts[0]], Heading) and cuts[0] > 1:
            cuts[0] -= 1
        pages = [blocks[: cuts[0]], blocks[cuts[0] : cuts[1]], blocks[cuts[1] :]]
        articles.append(Article(base.meta, pages))
    return articles


def start_site(articles: list[Article], folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    base = f"http://127.0.0.1:{SITE_PORT}"
    routes = dict(DemoSite.from_articles(articles).routes)
    ctype, sitemap = routes["/sitemap.xml"]
    routes["/sitemap.xml"] = (ctype, sitemap.replace(b"<loc>/", f"<loc>{base}/".encode()))
    path = folder / "routes.pickle"
    with path.open("wb") as handle:
        pickle.dump(routes, handle)
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "fastserver.py"), str(path), str(SITE_PORT)],
        stdout=subprocess.PIPE,
    )
    assert server.stdout is not None
    if server.stdout.readline().strip() != b"ready":
        server.wait()
        raise RuntimeError(f"the bench site did not start on port {SITE_PORT} (already in use?)")
    return server, base


def start_prefect(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], float]:
    """A Prefect server of its own; returns it and its start-up time in seconds. The server is
    started when it answers an API call, not only its health check: its first API call (the
    client's version check) takes about 0.6 s more, once per server, as it loads its API, and a
    long-running server has paid that long before a scheduled crawl."""
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "prefect"),
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(PREFECT_PORT),
            "--no-services",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{PREFECT_PORT}/api"
    while time.perf_counter() - started < 180:
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=1) as response:
                if response.status == 200:
                    with urllib.request.urlopen(f"{api}/admin/version", timeout=60):
                        return server, time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the Prefect server did not start within 180 s")


async def bare_fetch(urls: list[str], concurrency: int) -> float:
    import httpx

    limit = asyncio.Semaphore(concurrency)
    started = time.perf_counter()
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as client:

        async def one(url: str) -> None:
            async with limit:
                (await client.get(url)).raise_for_status()

        await asyncio.gather(*(one(u) for u in urls))
    return time.perf_counter() - started


class PeakMemory:
    """Samples the VmHWM (peak RSS) of a process and its descendants every 0.1 s."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            for pid in _tree(self.pid):
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peaks[pid] = max(self.peaks.get(pid, 0), int(line.split()[1]))
                except OSError:
                    continue


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue += children.get(pid, [])
    return found


def crawl(command: list[str], env: dict[str, str]) -> tuple[float, dict[int, int], int]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    memory.stop()
    if process.returncode != 0:
        raise RuntimeError(err.decode()[-2000:])
    print("   ", err.decode().strip().splitlines()[-1])
    return elapsed, memory.peaks, process.pid


STARTUP = "import gc; gc.disable(); import flows.cli, flows.runner, flows.crawl_flow; gc.freeze()"


def startup_time(env: dict[str, str], use_prefect: bool) -> float:
    """The best of three: a Python process that imports what `healthsift crawl` imports before
    its first step, with the garbage collector paused as the CLI pauses it."""
    code = STARTUP if use_prefect else STARTUP.replace(", flows.crawl_flow", "")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def snapshot(out: Path) -> dict[str, int]:
    return {
        str(p.relative_to(out)): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and "runs" not in p.parts
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight per worker")
    parser.add_argument("--no-prefect", action="store_true")
    parser.add_argument(
        "--no-lastmod", action="store_true", help="do not trust the sitemap's lastmod"
    )
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    env = dict(
        os.environ,
        PREFECT_HOME=str(work / "prefect"),
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    articles = generated_articles(args.articles)
    site, base = start_site(articles, work)
    prefect = None
    try:
        skip = ("/", "/sitemap.xml", "/robots.txt")
        urls = [base + path for path in DemoSite.from_articles(articles).routes if path not in skip]
        total = args.workers * args.concurrency
        print(
            f"{args.articles} articles, {len(urls)} pages; {args.workers} workers x "
            f"{args.concurrency} requests in flight = {total}"
        )
        bare = asyncio.run(bare_fetch(urls, total))
        print(f"bare async httpx fetch of {len(urls)} URLs: {bare:6.2f} s")
        if not args.no_prefect:
            prefect, startup = start_prefect(env)
            env["PREFECT_API_URL"] = f"http://127.0.0.1:{PREFECT_PORT}/api"
            print(f"Prefect server start-up (apart):      {startup:6.2f} s")
        config = work / "sources.toml"
        config.write_text(
            f'[crawl]\nworkers = {args.workers}\ntask_runner = "process"\n\n'
            f'[[sources]]\nname = "bench"\nsitemaps = ["{base}/sitemap.xml"]\n'
            f"requests_per_second = 0\nrespect_robots = false\nmax_articles = {args.articles}\n"
            f"concurrency = {args.concurrency}\n"
            f"trust_lastmod = {'false' if args.no_lastmod else 'true'}\n"
        )
        out = work / "output"
        command = [
            str(Path(sys.executable).parent / "healthsift"),
            "crawl",
            "--config",
            str(config),
            "--out",
            str(out),
            "--quiet",
        ]
        if args.no_prefect:
            command.append("--no-prefect")
        first, peaks, pid = crawl(command, env)
        print(f"first crawl:  {first:6.2f} s = {first / bare:.2f} x the bare fetch")
        before = snapshot(out)
        second, _, _ = crawl(command, env)
        rewritten = [p for p, stamp in snapshot(out).items() if before.get(p) != stamp]
        print(
            f"second crawl: {second:6.2f} s = {second / first:.2f} x the first; "
            f"files rewritten: {len(rewritten)}"
        )
        startup = startup_time(env, not args.no_prefect)
        print(
            f"start-up of the command (imports, timed apart): {startup:.2f} s; "
            f"the second crawl beyond it: {second - startup:.2f} s"
        )
        workers = [kb for p, kb in peaks.items() if p != pid]
        print(
            f"peak memory: crawling process {peaks.get(pid, 0) / 1024:.0f} MB, largest worker "
            f"{max(workers, default=0) / 1024:.0f} MB ({len(workers)} worker processes)"
        )
    finally:
        for server in (site, prefect):
            if server is not None:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
        if args.keep:
            print(f"working folder kept: {work}")
        else:  # about 90 MB a run
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
