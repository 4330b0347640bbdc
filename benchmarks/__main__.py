"""``python -m benchmarks [NAME ...]``: run benchmark modules and print ratios."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks.runner import format_rows


def available() -> list[str]:
    folder = Path(__file__).resolve().parent
    return sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_"))


def main(argv: list[str] | None = None) -> int:
    names = available()
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"modules to run (default: all of {', '.join(names)})")
    args = parser.parse_args(argv)
    chosen = args.names or names
    unknown = [n for n in chosen if n not in names]
    if unknown:
        parser.error(f"unknown benchmark module(s) {', '.join(unknown)}; available: {', '.join(names)}")
    for name in chosen:
        mod = importlib.import_module(f"benchmarks.bench_{name}")
        t0 = time.perf_counter()
        results = mod.benchmarks()
        print(f"== {name} ({time.perf_counter() - t0:.1f} s)")
        print(format_rows(results))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
