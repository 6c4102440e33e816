"""Benchmark: Coder.code_many (Rust threads, no GIL) against a Python loop over Coder.code.

Run from the repository root after `maturin develop --release` (scripts/test-all does it):

    .venv/bin/python python/benchmarks/bench_code_many.py [--copies 50] [--repeat 3]

The corpus is our own wire stories (tests/fixtures/articles/*.txt), each copy with its own id.
It prints the best of --repeat runs for each way of coding, in articles/s and sentences/s.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import eventcoder as ec

ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"


def corpus(copies: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return [(f"{i}-{j}", t) for i in range(copies) for j, t in enumerate(texts)]


def best(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    """The fastest of ``repeat`` runs, in seconds, and what the run returned."""
    times, out = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description="code_many against a Python loop")
    parser.add_argument("--copies", type=int, default=50, help="copies of the fixture corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    items = corpus(args.copies)
    coder = ec.Coder()
    sentences = sum(len(d.sentences) for d in coder.code_many(items))
    print(
        f"eventcoder {ec.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs; {len(items)} articles, {sentences} sentences"
    )

    def loop() -> int:
        return sum(len(coder.code(text, id=i)) for i, text in items)

    def many(threads: int | None) -> Callable[[], int]:
        return lambda: len(coder.code_many(items, threads=threads).events)

    runs = [
        ("Python loop over Coder.code", loop),
        ("code_many(threads=1)", many(1)),
        ("code_many(threads=None)", many(None)),
    ]
    baseline = None
    for name, run in runs:
        seconds, events = best(run, args.repeat)
        baseline = baseline or seconds
        print(
            f"{name:<30} {seconds:7.3f} s  {len(items) / seconds:9.0f} articles/s  "
            f"{sentences / seconds:9.0f} sentences/s  {events} events  "
            f"x{baseline / seconds:.2f}"
        )

    # Tables of the same events (each needs its library; skipped without it).
    results = coder.code_many(items)
    for name in ("to_arrow", "to_pandas"):
        convert = getattr(ec, name)
        try:
            convert(results[0])  # imports pyarrow / pandas outside the timing
        except ImportError as e:
            print(f"{name}: skipped ({e})")
            continue
        seconds, _ = best(lambda: len(convert(results)), args.repeat)
        events = len(results.events)
        print(f"{name + '(results)':<30} {seconds:7.3f} s  {events / seconds:9.0f} events/s")


if __name__ == "__main__":
    main()
