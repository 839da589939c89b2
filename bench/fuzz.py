"""Longer fuzz run of the extractors: the properties of tests/test_fuzz.py over many more
generated pages, mutated fixture pages and arbitrary bytes. Prints how many inputs were tried,
the slowest page (garbage collection of hypothesis's own heap left out, and shown apart), and
any failure (hypothesis shrinks it to a small example).

usage: python bench/fuzz.py [--examples N]     (N per strategy, default 3000)
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.htmlfuzz import generated_page, mutated_page  # noqa: E402
from tests.test_fuzz import check_page  # noqa: E402


class GcClock:
    """Seconds spent in the garbage collector: hypothesis keeps a large heap, and a full
    collection that lands inside one page's call is the harness's cost, not the page's."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000)
    args = parser.parse_args(argv)
    tried = 0
    slowest = 0.0
    slowest_gc = 0.0
    clock = GcClock()
    failures: list[str] = []
    strategies = {
        "generated pages": generated_page(),
        "mutated fixture pages": mutated_page(),
        "arbitrary bytes": st.binary(max_size=5000),
    }
    for name, strategy in strategies.items():
        started = time.perf_counter()

        @settings(
            max_examples=args.examples,
            deadline=timedelta(seconds=5),
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def run(html: str | bytes) -> None:
            nonlocal tried, slowest, slowest_gc
            tried += 1
            began, in_gc = time.perf_counter(), clock.total
            check_page(html)
            took, collecting = time.perf_counter() - began, clock.total - in_gc
            if took - collecting > slowest:
                slowest, slowest_gc = took - collecting, collecting

        try:
            run()
        except Exception as exc:  # report, and go on with the next strategy
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
        print(f"{name}: done in {time.perf_counter() - started:.1f} s")
    print(
        f"inputs tried: {tried}; slowest page: {slowest * 1000:.1f} ms without garbage collection"
        f" ({slowest_gc * 1000:.1f} ms of collection in that call; {clock.total:.1f} s in all);"
        f" failures: {len(failures)}"
    )
    for failure in failures:
        print("  FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
