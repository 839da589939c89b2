"""Longer fuzz run of the extractors: the properties of tests/test_fuzz.py over many more
generated pages, mutated fixture pages and arbitrary bytes. Prints how many inputs were tried,
the slowest page, and any failure (hypothesis shrinks it to a small example).

usage: python bench/fuzz.py [--examples N]     (N per strategy, default 3000)
"""

from __future__ import annotations

import argparse
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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000)
    args = parser.parse_args(argv)
    tried = 0
    slowest = 0.0
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
            nonlocal tried, slowest
            tried += 1
            began = time.perf_counter()
            check_page(html)
            slowest = max(slowest, time.perf_counter() - began)

        try:
            run()
        except Exception as exc:  # report, and go on with the next strategy
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
        print(f"{name}: done in {time.perf_counter() - started:.1f} s")
    print(
        f"inputs tried: {tried}; slowest page: {slowest * 1000:.1f} ms; failures: {len(failures)}"
    )
    for failure in failures:
        print("  FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
