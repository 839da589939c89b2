"""Progress of a crawl on the terminal: a rich progress bar the CLI installs and the crawl
(plain or Prefect) advances as batches finish. Silent when nothing is installed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class Reporter(Protocol):
    def start(self, source: str, total: int) -> None: ...

    def advance(self, done: int) -> None: ...

    def stop(self) -> None: ...


class Silent:
    def start(self, source: str, total: int) -> None:
        return

    def advance(self, done: int) -> None:
        return

    def stop(self) -> None:
        return


_current: list[Reporter] = [Silent()]


def reporter() -> Reporter:
    """The reporter the running command installed (a silent one by default)."""
    return _current[-1]


class RichReporter:
    """A rich progress bar on stderr, one task per source."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task: int | None = None

    def start(self, source: str, total: int) -> None:
        if self._task is None:
            self._progress.start()
        self._task = self._progress.add_task(f"crawl {source}", total=total)

    def advance(self, done: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, done)  # type: ignore[arg-type]

    def stop(self) -> None:
        self._progress.stop()


@contextmanager
def installed(new: Reporter) -> Iterator[Reporter]:
    _current.append(new)
    try:
        yield new
    finally:
        _current.pop()
        new.stop()
