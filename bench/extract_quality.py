"""Main-content quality and speed on a benchmark dataset, healthsift against trafilatura and
readability-lxml in the same run (install them with `pip install -e '.[bench]'`).

usage: python bench/extract_quality.py DATASET_DIR [--only healthsift] [--pages] [--repeat N]
                                                   [--interleave]
                                                   [--raise-floor | --lower-floor F]

Prints P, R, F1, median and 95th-percentile milliseconds per page for each tool and the speed
ratio against trafilatura. `--raise-floor` moves the quality-gate floor in bench/baseline.json up
to this run's F1 (minus 0.002 of noise margin); it never lowers it. Lowering takes
`--lower-floor F`, an explicit choice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.quality import TOOLS, load_dataset, read_floor, run_tools, write_floor  # noqa: E402

MARGIN = 0.002


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--only", choices=sorted(TOOLS), action="append")
    parser.add_argument("--pages", action="store_true", help="print the worst pages")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each page N times, keep the fastest"
    )
    parser.add_argument(
        "--interleave", action="store_true", help="run every tool on a page before the next"
    )
    floors = parser.add_mutually_exclusive_group()
    floors.add_argument("--raise-floor", action="store_true")
    floors.add_argument("--lower-floor", type=float, metavar="F")
    args = parser.parse_args(argv)
    pages = load_dataset(args.dataset)
    names = args.only or list(TOOLS)
    chosen = {name: TOOLS[name] for name in names}
    results, missing = run_tools(chosen, pages, args.repeat, args.interleave)
    for name, error in missing.items():
        print(f"{name}: not installed ({error}); pip install -e '.[bench]'", file=sys.stderr)
    print(f"{args.dataset} ({len(pages)} pages)")
    print(f"{'tool':18} {'P':>6} {'R':>6} {'F1':>6} {'median ms':>10} {'p95 ms':>8} {'speed':>8}")
    base = results.get("trafilatura")
    for name, result in results.items():
        ratio = f"{base.median_ms / result.median_ms:.1f}x" if base and result.median_ms else ""
        print(
            f"{name:18} {result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} "
            f"{result.median_ms:10.2f} {result.p95_ms:8.2f} {ratio:>8}"
        )
        if result.errors:
            print(f"  {len(result.errors)} pages raised: {next(iter(result.errors.values()))}")
    mine = results.get("healthsift")
    if mine is not None:
        print(
            f"healthsift slowest page: {max(mine.millis):.2f} ms; pages raising: {len(mine.errors)}"
        )
        if args.pages:
            worst = sorted(mine.per_page.items(), key=lambda kv: min(x or 0 for x in kv[1]))[:15]
            for key, (p, r) in worst:
                print(
                    f"  {key[:16]} P={p if p is None else round(p, 3)} "
                    f"R={r if r is None else round(r, 3)}"
                )
        dataset = args.dataset.name
        if args.raise_floor:
            new = round(mine.f1 - MARGIN, 4)
            old = read_floor(dataset)
            if new > old:
                write_floor(dataset, new)
                print(f"floor for {dataset} raised {old} -> {new}")
            else:
                print(f"floor for {dataset} stays {old} (this run: {mine.f1:.4f})")
        elif args.lower_floor is not None:
            write_floor(dataset, args.lower_floor)
            print(f"floor for {dataset} set to {args.lower_floor} (explicitly lowered)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
