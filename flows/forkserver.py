"""Starting the crawl's fork server early. The fork server is a fresh process that imports the
crawl code once and forks the worker processes from itself; its imports take about as long as
the CLI's own, so `healthsift crawl` starts it first and both import side by side. Light on
purpose: importing this module imports nothing of healthsift."""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
from multiprocessing.context import ForkServerContext

# Why the last two: httpx imports httpcore at its first transport, and anyio its asyncio backend
# at its first use, so every worker imported them after the fork (about 0.15 s each, at the
# start of the crawl). The fork server skips a module it cannot import.
PRELOAD = ["flows.crawl", "flows.pipeline", "httpcore", "anyio._backends._asyncio"]


def start_fork_server() -> ForkServerContext:
    """The fork-server context, its server started (without waiting for its imports)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()
    return context
